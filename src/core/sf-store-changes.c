/* sf-store-changes.c: what one write to the store changed
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sf-db.h"
#include "sf-store-changes.h"
#include "sf-model.h"

SfChange *
sf_change_new (void)
{
  SfChange *change = g_new0 (SfChange, 1);

  change->cases = g_array_new (FALSE, FALSE, sizeof (gint64));
  change->caseworkers = g_array_new (FALSE, FALSE, sizeof (gint64));
  change->reductions = g_array_new (FALSE, FALSE, sizeof (gint64));
  return change;
}

void
sf_change_free (SfChange *change)
{
  if (change == NULL)
    return;
  g_array_unref (change->cases);
  g_array_unref (change->caseworkers);
  g_array_unref (change->reductions);
  g_free (change);
}

void
sf_change_clear (SfChange *change)
{
  change->everything = FALSE;
  change->tables = change->inserted = change->deleted = 0;
  g_array_set_size (change->cases, 0);
  g_array_set_size (change->caseworkers, 0);
  g_array_set_size (change->reductions, 0);
}

static SfChangeTables
table_group (const char *table)
{
  if (strcmp (table, "casefile") == 0)
    return SF_CHANGE_CASES;
  if (strcmp (table, "caseworker") == 0)
    return SF_CHANGE_CASEWORKERS;
  if (strcmp (table, "reduction") == 0)
    return SF_CHANGE_REDUCTIONS;
  if (strcmp (table, "audit") == 0)
    return SF_CHANGE_LOG;
  if (g_str_has_prefix (table, "checklist"))
    return SF_CHANGE_CHECKLISTS;
  if (strcmp (table, "scenario") == 0)
    return SF_CHANGE_SCENARIOS;
  return SF_CHANGE_OTHER;
}

/* Records one row as SQLite's update hook reports it: @operation is
 * SF_DB_INSERT, SF_DB_UPDATE or SF_DB_DELETE.  Cheap once the change is
 * "everything", as it is through most of a large import. */
void
sf_change_add_row (SfChange   *change,
                   const char *table,
                   int         operation,
                   gint64      rowid)
{
  SfChangeTables group;
  GArray *rows;

  if (change->everything)
    return;
  group = table_group (table);
  change->tables |= group;
  if (operation == SF_DB_INSERT)
    change->inserted |= group;
  else if (operation == SF_DB_DELETE)
    change->deleted |= group;

  switch (group)
    {
    case SF_CHANGE_CASES:
      rows = change->cases;
      break;
    case SF_CHANGE_CASEWORKERS:
      rows = change->caseworkers;
      break;
    case SF_CHANGE_REDUCTIONS:
      rows = change->reductions;
      break;
    case SF_CHANGE_CHECKLISTS:
    case SF_CHANGE_LOG:
    case SF_CHANGE_SCENARIOS:
    case SF_CHANGE_OTHER:
    default:
      return;
    }
  if (change->cases->len + change->caseworkers->len + change->reductions->len >= SF_CHANGE_MAX_ROWS)
    {
      change->everything = TRUE;
      return;
    }
  g_array_append_val (rows, rowid);
}

static void
sort_unique (GArray *ids)
{
  guint n = 0;

  g_array_sort (ids, sf_compare_ids);
  for (guint i = 0; i < ids->len; i++)
    if (n == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, n - 1))
      g_array_index (ids, gint64, n++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, n);
}

/* Sorts the lists and drops repeats, once all rows are in. */
void
sf_change_finish (SfChange *change)
{
  sort_unique (change->cases);
  sort_unique (change->caseworkers);
  sort_unique (change->reductions);
}

gboolean
sf_change_is_empty (const SfChange *change)
{
  return !change->everything && change->tables == 0;
}
