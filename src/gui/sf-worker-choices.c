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

/* The order of sf_text_sort_collated (choices, choice_team, choice_initials) */
static int
compare_choices (const Choice *ca,
                 const Choice *cb)
{
  int by_team = g_utf8_collate (ca->team, cb->team);

  return by_team != 0 ? by_team : g_utf8_collate (ca->worker->initials, cb->worker->initials);
}

static const char *
choice_team (gconstpointer choice)
{
  return ((const Choice *) choice)->team;
}

static const char *
choice_initials (gconstpointer choice)
{
  return ((const Choice *) choice)->worker->initials;
}

static Choice
choice_of (const SfDataset    *dataset,
           const SfCaseworker *worker)
{
  const SfTeam *team = sf_dataset_find_team (dataset, worker->team_id);

  return (Choice) { worker, team != NULL ? team->name : "" };
}

static char *
choice_text (const Choice *choice,
             gboolean      with_team)
{
  if (with_team)
    /* Translators: a caseworker to choose: initials · name (team) */
    return g_strdup_printf (_("%s · %s (%s)"), choice->worker->initials, choice->worker->name, choice->team);
  /* Translators: a caseworker in the list of cases: initials · name */
  return g_strdup_printf (_("%s · %s"), choice->worker->initials, choice->worker->name);
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
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
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
      Choice choice = choice_of (dataset, worker);

      if (worker->id != exclude)
        g_array_append_val (choices, choice);
    }
  for (guint i = 0; i < choices->len; i++)
    g_ptr_array_add (order, &g_array_index (choices, Choice, i));
  sf_text_sort_collated (order, choice_team, choice_initials);
  for (guint i = 0; i < order->len; i++)
    {
      const Choice *choice = g_ptr_array_index (order, i);
      g_autofree char *text = choice_text (choice, with_team);

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

/* Selects @id in @row, which shows the choices @ids; leaves the selection
 * as it is when @id is not among them. */
void
sf_worker_choices_select (AdwComboRow *row,
                          GArray      *ids,
                          gint64       id)
{
  guint position = sf_worker_choices_find (ids, id);

  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (row, position);
}

/* The id at @position of @ids (a drop-down's selection), 0 for none. */
gint64
sf_worker_choices_id_at (GArray *ids,
                         guint   position)
{
  if (ids == NULL || position >= ids->len)
    return 0;
  return g_array_index (ids, gint64, position);
}

/* Whether the caseworker at @position of @ids sorts after the one before
 * and before the one after (positions of id 0 and people no longer there
 * are passed by) */
static gboolean
in_order (const SfDataset *dataset,
          GArray          *ids,
          guint            position,
          const Choice    *choice)
{
  for (int step = -1; step <= 1; step += 2)
    {
      guint neighbour = position + step;
      const SfCaseworker *other;
      Choice theirs;
      int cmp;

      if (neighbour >= ids->len || g_array_index (ids, gint64, neighbour) == 0 ||
          (other = sf_dataset_find_caseworker (dataset, g_array_index (ids, gint64, neighbour))) == NULL)
        continue;
      theirs = choice_of (dataset, other);
      cmp = compare_choices (&theirs, choice);
      if (step < 0 ? cmp > 0 : cmp < 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
sf_worker_choices_hold (GtkStringList   *list,
                        GArray          *ids,
                        const SfDataset *dataset,
                        const GArray    *changed,
                        gboolean         with_team)
{
  g_return_val_if_fail (GTK_IS_STRING_LIST (list) && ids != NULL && dataset != NULL && changed != NULL, FALSE);

  for (guint i = 0; i < changed->len; i++)
    {
      gint64 id = g_array_index (changed, gint64, i);
      guint position = sf_worker_choices_find (ids, id);
      const SfCaseworker *worker = sf_dataset_find_caseworker (dataset, id);
      g_autofree char *text = NULL;
      Choice choice;

      if (position == GTK_INVALID_LIST_POSITION || worker == NULL)
        return FALSE;
      choice = choice_of (dataset, worker);
      text = choice_text (&choice, with_team);
      if (g_strcmp0 (text, gtk_string_list_get_string (list, position)) != 0 ||
          !in_order (dataset, ids, position, &choice))
        return FALSE;
    }
  return TRUE;
}
