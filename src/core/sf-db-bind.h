/* sf-db-bind.h: the application's values in and out of a statement
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sf-date.h"
#include "sf-db.h"

G_BEGIN_DECLS

/* The size of a stored day's text, "YYYY-MM-DD" and its NUL */
#define SF_DB_DAY_SIZE 11

void   sf_db_format_day      (SfDay     day,
                              char      text[SF_DB_DAY_SIZE]);
void   sf_db_stmt_bind_day   (SfDbStmt *stmt,
                              int       index,
                              SfDay     day);
void   sf_db_stmt_bind_id    (SfDbStmt *stmt,
                              int       index,
                              gint64    id);
SfDay  sf_db_stmt_column_day (SfDbStmt *stmt,
                              int       column);
char  *sf_db_stmt_dup_text   (SfDbStmt *stmt,
                              int       column);

G_END_DECLS
