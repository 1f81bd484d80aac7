/* sf-db-bind.c: the application's values in and out of a statement
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-db-bind.h"

/* A day is stored as ISO 8601 text ("2026-01-15"); none as NULL. */
void
sf_db_stmt_bind_day (SfDbStmt *stmt,
                     int       index,
                     SfDay     day)
{
  g_autofree char *iso = NULL;

  if (day == SF_DAY_NONE)
    {
      sf_db_stmt_bind_null (stmt, index);
      return;
    }
  iso = sf_day_to_iso (day);
  sf_db_stmt_bind_text (stmt, index, iso);
}

/* A reference to another row: 0, for none, is stored as NULL. */
void
sf_db_stmt_bind_id (SfDbStmt *stmt,
                    int       index,
                    gint64    id)
{
  if (id == 0)
    sf_db_stmt_bind_null (stmt, index);
  else
    sf_db_stmt_bind_int64 (stmt, index, id);
}

/* The day in @column, or SF_DAY_NONE for NULL or what is not a day. */
SfDay
sf_db_stmt_column_day (SfDbStmt *stmt,
                       int       column)
{
  const char *text = sf_db_stmt_column_text (stmt, column);
  SfDay day = SF_DAY_NONE;

  if (text != NULL)
    sf_day_parse (text, &day);
  return day;
}

/* A copy of the text in @column, or NULL for NULL. */
char *
sf_db_stmt_dup_text (SfDbStmt *stmt,
                     int       column)
{
  return g_strdup (sf_db_stmt_column_text (stmt, column));
}
