/* sf-remote-change.c: what another user changed on a shared server
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The server's triggers (sf-store-pg-schema.h, step 3) say in each
 * notification which table a statement wrote, how, who wrote it and which
 * rows.  Here a notification becomes the same SfChange an edit of this
 * program's makes, so the context follows another user's change by the
 * same path as its own (sf_recompute_apply()), and a sentence for the
 * toast that says who changed what. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sf-error.h"
#include "sf-conflict.h"
#include "sf-remote-change.h"

void
sf_remote_change_free (SfRemoteChange *remote)
{
  if (remote == NULL)
    return;
  g_free (remote->table);
  g_free (remote->who);
  g_clear_pointer (&remote->ids, g_array_unref);
  g_strfreev (remote->columns);
  g_free (remote);
}

static gboolean
parse_operation (const char    *text,
                 SfDbOperation *operation)
{
  if (g_strcmp0 (text, "INSERT") == 0)
    *operation = SF_DB_INSERT;
  else if (g_strcmp0 (text, "UPDATE") == 0)
    *operation = SF_DB_UPDATE;
  else if (g_strcmp0 (text, "DELETE") == 0)
    *operation = SF_DB_DELETE;
  else
    return FALSE;
  return TRUE;
}

/* Reads one notification's payload; NULL with @error when it is not one
 * the triggers send. */
SfRemoteChange *
sf_remote_change_parse (const char  *payload,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SfRemoteChange) remote = g_new0 (SfRemoteChange, 1);
  JsonObject *object;
  JsonNode *root;
  const char *table;
  const char *who;

  g_return_val_if_fail (payload != NULL, NULL);

  if (!json_parser_load_from_data (parser, payload, -1, NULL))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_DATABASE,
                   "Not a change notification: %s", payload);
      return NULL;
    }
  root = json_parser_get_root (parser);
  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  table = object != NULL ? json_object_get_string_member_with_default (object, "table", NULL) : NULL;
  who = object != NULL ? json_object_get_string_member_with_default (object, "who", NULL) : NULL;
  if (table == NULL || table[0] == '\0' || who == NULL ||
      !parse_operation (json_object_get_string_member_with_default (object, "op", NULL),
                        &remote->operation))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_DATABASE,
                   "Not a change notification: %s", payload);
      return NULL;
    }
  remote->table = g_strdup (table);
  remote->who = g_strdup (who);

  if (!json_object_get_boolean_member_with_default (object, "all", FALSE) &&
      json_object_has_member (object, "ids"))
    {
      JsonNode *node = json_object_get_member (object, "ids");
      JsonArray *ids = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      guint n = ids != NULL ? json_array_get_length (ids) : 0;

      if (ids == NULL)
        {
          g_set_error (error, SF_ERROR, SF_ERROR_DATABASE,
                       "Not a change notification: %s", payload);
          return NULL;
        }
      remote->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
      for (guint i = 0; i < n; i++)
        {
          gint64 id = json_array_get_int_element (ids, i);

          g_array_append_val (remote->ids, id);
        }
      g_array_sort (remote->ids, sf_compare_ids);
    }

  if (json_object_has_member (object, "columns"))
    {
      JsonNode *node = json_object_get_member (object, "columns");
      JsonArray *columns = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      guint n = columns != NULL ? json_array_get_length (columns) : 0;

      remote->columns = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        remote->columns[i] = g_strdup (json_array_get_string_element (columns, i));
    }
  return g_steal_pointer (&remote);
}

/* Adds what @remote names to @change, as this program's own write of the
 * same rows would have: a statement that names no rows makes the change
 * "everything". */
void
sf_remote_change_add_to (const SfRemoteChange *remote,
                         SfChange             *change)
{
  g_return_if_fail (remote != NULL && change != NULL);

  if (remote->ids == NULL)
    {
      /* Still say which tables: "everything" reads them all again */
      sf_change_add_row (change, remote->table, remote->operation, 0);
      change->everything = TRUE;
      return;
    }
  for (guint i = 0; i < remote->ids->len; i++)
    sf_change_add_row (change, remote->table, remote->operation,
                       g_array_index (remote->ids, gint64, i));
}

/* ---- what the toast says ---- */

static int
table_rank (const char *table)
{
  static const char * const order[] = {
    "caseworker", "casefile", "reduction", "checklist_item", "checklist", "planned_hire",
    "team", "area", "scenario", "alert_ack", "setting",
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (strcmp (table, order[i]) == 0)
      return i;
  return G_N_ELEMENTS (order);
}

/* The statement the toast is about: the one that matters most to a
 * manager (a caseworker before a case before the rest). */
static const SfRemoteChange *
main_change (GPtrArray *remotes)
{
  const SfRemoteChange *best = NULL;

  for (guint i = 0; i < remotes->len; i++)
    {
      const SfRemoteChange *remote = g_ptr_array_index (remotes, i);

      if (best == NULL || table_rank (remote->table) < table_rank (best->table))
        best = remote;
    }
  return best;
}

gboolean
sf_remote_change_describe_after (GPtrArray *remotes)
{
  const SfRemoteChange *remote;

  g_return_val_if_fail (remotes != NULL, FALSE);

  remote = main_change (remotes);
  return remote != NULL && remote->operation == SF_DB_INSERT;
}

static gboolean
only_columns (const SfRemoteChange *remote,
              const char * const   *allowed)
{
  if (remote->columns == NULL || remote->columns[0] == NULL)
    return FALSE;
  /* The row's version, who and when change with every update */
  for (guint i = 0; remote->columns[i] != NULL; i++)
    if (!g_strv_contains (allowed, remote->columns[i]) &&
        !g_strv_contains (SF_CONFLICT_COLUMNS, remote->columns[i]))
      return FALSE;
  return TRUE;
}

/* "mkj changed Trine Larsen's hours" and the like, for one caseworker */
static char *
describe_caseworker (const SfRemoteChange *remote,
                     const char           *who,
                     const char           *name)
{
  static const char * const hours[] = { "weekly_hours", NULL };
  static const char * const absence[] = { "absence_kind", "absence_from", "absence_to", NULL };
  static const char * const team[] = { "team_id", NULL };
  static const char * const end[] = { "end_date", NULL };
  static const char * const factor[] = { "individual_factor", "factor_reason", NULL };

  switch ((int) remote->operation)
    {
    case SF_DB_INSERT:
      /* TRANSLATORS: a toast; the first %s is who (their login), the
       * second a caseworker's name */
      return g_strdup_printf (_("%s added %s"), who, name);
    case SF_DB_DELETE:
      /* TRANSLATORS: a toast; who (a login), a caseworker's name */
      return g_strdup_printf (_("%s removed %s"), who, name);
    default:
      break;
    }
  if (only_columns (remote, hours))
    /* TRANSLATORS: a toast; who (a login), a caseworker's name */
    return g_strdup_printf (_("%s changed %s’s hours"), who, name);
  if (only_columns (remote, absence))
    /* TRANSLATORS: a toast; who (a login), a caseworker's name */
    return g_strdup_printf (_("%s changed %s’s absence"), who, name);
  if (only_columns (remote, team))
    /* TRANSLATORS: a toast; who (a login), a caseworker's name */
    return g_strdup_printf (_("%s moved %s to another team"), who, name);
  if (only_columns (remote, end))
    /* TRANSLATORS: a toast; who (a login), a caseworker's name */
    return g_strdup_printf (_("%s changed %s’s end date"), who, name);
  if (only_columns (remote, factor))
    /* TRANSLATORS: a toast; who (a login), a caseworker's name */
    return g_strdup_printf (_("%s changed %s’s individual factor"), who, name);
  /* TRANSLATORS: a toast; who (a login), a caseworker's name */
  return g_strdup_printf (_("%s changed %s"), who, name);
}

static char *
describe_case (const SfRemoteChange *remote,
               const char           *who,
               const char           *reference)
{
  switch ((int) remote->operation)
    {
    case SF_DB_INSERT:
      /* TRANSLATORS: a toast; who (a login), a case's reference */
      return g_strdup_printf (_("%s added case %s"), who, reference);
    case SF_DB_DELETE:
      /* TRANSLATORS: a toast; who (a login), a case's reference */
      return g_strdup_printf (_("%s removed case %s"), who, reference);
    default:
      /* TRANSLATORS: a toast; who (a login), a case's reference */
      return g_strdup_printf (_("%s changed case %s"), who, reference);
    }
}

static const char *
reduction_owner (const SfDataset *dataset,
                 gint64           id)
{
  for (guint i = 0; i < dataset->reductions->len; i++)
    {
      const SfReduction *reduction = &g_array_index (dataset->reductions, SfReduction, i);

      if (reduction->id == id)
        {
          const SfCaseworker *worker = sf_dataset_find_caseworker (dataset, reduction->caseworker_id);

          return worker != NULL ? worker->name : NULL;
        }
    }
  return NULL;
}

char *
sf_remote_change_describe (GPtrArray       *remotes,
                           const SfDataset *dataset)
{
  const SfRemoteChange *remote;
  const char *who;
  const char *table;
  guint n;

  g_return_val_if_fail (remotes != NULL, NULL);

  remote = main_change (remotes);
  if (remote == NULL)
    return NULL;
  who = remote->who;
  table = remote->table;
  n = remote->ids != NULL ? remote->ids->len : 0;

  if (strcmp (table, "caseworker") == 0)
    {
      const SfCaseworker *worker = n == 1 && dataset != NULL
        ? sf_dataset_find_caseworker (dataset, g_array_index (remote->ids, gint64, 0)) : NULL;

      if (worker != NULL)
        return describe_caseworker (remote, who, worker->name);
      if (n > 1)
        /* TRANSLATORS: a toast; who (a login), then how many caseworkers */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s changed %u caseworker",
                                             "%s changed %u caseworkers", n), who, n);
      /* TRANSLATORS: a toast; %s is who (a login) */
      return g_strdup_printf (_("%s changed the caseworkers"), who);
    }
  if (strcmp (table, "casefile") == 0)
    {
      int at = n == 1 && dataset != NULL
        ? sf_rows_find (dataset->cases, g_array_index (remote->ids, gint64, 0)) : -1;

      if (at >= 0)
        return describe_case (remote, who, g_array_index (dataset->cases, SfCase, at).reference);
      if (n > 0)
        /* TRANSLATORS: a toast; who (a login), then how many cases */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s changed %u case",
                                             "%s changed %u cases", n), who, n);
      /* TRANSLATORS: a toast; %s is who (a login) */
      return g_strdup_printf (_("%s changed the cases"), who);
    }
  if (strcmp (table, "reduction") == 0)
    {
      const char *name = n == 1 && dataset != NULL
        ? reduction_owner (dataset, g_array_index (remote->ids, gint64, 0)) : NULL;

      if (name != NULL)
        /* TRANSLATORS: a toast; who (a login), a caseworker's name */
        return g_strdup_printf (_("%s changed %s’s reductions"), who, name);
      /* TRANSLATORS: a toast; %s is who (a login) */
      return g_strdup_printf (_("%s changed reductions"), who);
    }
  if (g_str_has_prefix (table, "checklist"))
    /* TRANSLATORS: a toast; %s is who (a login) */
    return g_strdup_printf (_("%s changed a checklist"), who);
  if (strcmp (table, "planned_hire") == 0)
    /* TRANSLATORS: a toast; %s is who (a login) */
    return g_strdup_printf (_("%s changed the planned hires"), who);
  if (strcmp (table, "team") == 0 || strcmp (table, "area") == 0)
    /* TRANSLATORS: a toast; %s is who (a login) */
    return g_strdup_printf (_("%s changed the teams"), who);
  if (strcmp (table, "scenario") == 0)
    /* TRANSLATORS: a toast; %s is who (a login) */
    return g_strdup_printf (_("%s changed the scenarios"), who);
  if (strcmp (table, "alert_ack") == 0)
    /* TRANSLATORS: a toast; %s is who (a login) */
    return g_strdup_printf (_("%s changed the acknowledged alerts"), who);
  if (strcmp (table, "setting") == 0)
    /* TRANSLATORS: a toast; %s is who (a login) */
    return g_strdup_printf (_("%s changed the settings"), who);
  /* TRANSLATORS: a toast; %s is who (a login) */
  return g_strdup_printf (_("%s changed the data"), who);
}
