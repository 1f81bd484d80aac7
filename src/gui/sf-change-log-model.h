/* sf-change-log-model.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sf-core.h"

G_BEGIN_DECLS

/* One row of the change log. */
#define SF_TYPE_CHANGE_LOG_ITEM (sf_change_log_item_get_type ())

G_DECLARE_FINAL_TYPE (SfChangeLogItem, sf_change_log_item, SF, CHANGE_LOG_ITEM, GObject)

const SfChangeLogEntry *sf_change_log_item_get_entry (SfChangeLogItem *self);
/* The time as shown: local, in the locale's date format */
const char         *sf_change_log_item_get_time  (SfChangeLogItem *self);

/* The change log as a list model, newest first, matching a text filter.
 * Rows are read from the database a page at a time as the view asks for
 * them, so that a log of 100,000 rows opens at once. */
#define SF_TYPE_CHANGE_LOG_MODEL (sf_change_log_model_get_type ())

G_DECLARE_FINAL_TYPE (SfChangeLogModel, sf_change_log_model, SF, CHANGE_LOG_MODEL, GObject)

#define SF_CHANGE_LOG_MODEL_PAGE 200

SfChangeLogModel *sf_change_log_model_new         (SfStore      *store);
const char   *sf_change_log_model_get_filter  (SfChangeLogModel *self);
void          sf_change_log_model_set_filter  (SfChangeLogModel *self,
                                          const char   *filter);
/* Reads the log again (another program may have added to it). */
void          sf_change_log_model_reload      (SfChangeLogModel *self);
/* Reads what was added on top since (the usual change: a new row or
 * two, this user's or another's), which the view shows above the rows it
 * has, keeping its place; anything else, sf_change_log_model_reload(). */
void          sf_change_log_model_refresh     (SfChangeLogModel *self);
/* How many pages have been read since the last reload or filter. */
guint         sf_change_log_model_get_n_pages_loaded (SfChangeLogModel *self);

G_END_DECLS
