/* sf-worker-choices.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-worker-choices.h"

typedef struct
{
  const SfCaseworker *worker;
  const char         *team;
} Choice;

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  const Choice *ca = a;
  const Choice *cb = b;
  int by_team = g_utf8_collate (ca->team, cb->team);

  return by_team != 0 ? by_team : g_utf8_collate (ca->worker->initials, cb->worker->initials);
}

GtkStringList *
sf_worker_choices_new (const SfDataset  *dataset,
                       const char       *first,
                       gint64            exclude,
                       gboolean          with_team,
                       GArray          **ids)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  gint64 none = 0;

  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (first != NULL)
    {
      gtk_string_list_append (list, first);
      g_array_append_val (*ids, none);
    }
  for (guint i = 0; i < dataset->caseworkers->len; i++)
    {
      const SfCaseworker *worker = &g_array_index (dataset->caseworkers, SfCaseworker, i);
      const SfTeam *team = sf_dataset_find_team (dataset, worker->team_id);
      Choice choice = { worker, team != NULL ? team->name : "" };

      if (worker->id != exclude)
        g_array_append_val (choices, choice);
    }
  g_array_sort (choices, compare_choices);
  for (guint i = 0; i < choices->len; i++)
    {
      const Choice *choice = &g_array_index (choices, Choice, i);
      g_autofree char *text = NULL;

      if (with_team)
        /* Translators: a caseworker to choose: initials · name (team) */
        text = g_strdup_printf (_("%s · %s (%s)"), choice->worker->initials, choice->worker->name, choice->team);
      else
        /* Translators: a caseworker in the list of cases: initials · name */
        text = g_strdup_printf (_("%s · %s"), choice->worker->initials, choice->worker->name);

      gtk_string_list_append (list, text);
      g_array_append_val (*ids, choice->worker->id);
    }
  return list;
}

/* The position of @id, or GTK_INVALID_LIST_POSITION */
guint
sf_worker_choices_find (GArray *ids,
                        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}
