/* sf-db-bind.c: the application's values in and out of a statement
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-db-bind.h"

/* @day (not SF_DAY_NONE) as the store writes it, ISO 8601 text
 * ("2026-01-15"), formatted by hand into @text: this runs for every date of
 * a 100,000-case import.  A day's year is 1 to 9999 (sf_day_new()). */
void
sf_db_format_day (SfDay day,
                  char  text[SF_DB_DAY_SIZE])
{
  int y, m, d;

  sf_day_get_ymd (day, &y, &m, &d);
  text[0] = '0' + y / 1000;
  text[1] = '0' + y / 100 % 10;
  text[2] = '0' + y / 10 % 10;
  text[3] = '0' + y % 10;
  text[4] = '-';
  text[5] = '0' + m / 10;
  text[6] = '0' + m % 10;
  text[7] = '-';
  text[8] = '0' + d / 10;
  text[9] = '0' + d % 10;
  text[10] = '\0';
}

/* A day is stored as ISO 8601 text ("2026-01-15"); none as NULL. */
void
sf_db_stmt_bind_day (SfDbStmt *stmt,
                     int       index,
                     SfDay     day)
{
  char iso[SF_DB_DAY_SIZE];

  if (day == SF_DAY_NONE)
    {
      sf_db_stmt_bind_null (stmt, index);
      return;
    }
  /* Into a buffer the driver copies */
  sf_db_format_day (day, iso);
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
