/* sf-audit-model.h
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
#define SF_TYPE_AUDIT_ITEM (sf_audit_item_get_type ())

G_DECLARE_FINAL_TYPE (SfAuditItem, sf_audit_item, SF, AUDIT_ITEM, GObject)

const SfAuditEntry *sf_audit_item_get_entry (SfAuditItem *self);
/* The time as shown: local, in the locale's date format */
const char         *sf_audit_item_get_time  (SfAuditItem *self);

/* The change log as a list model, newest first, matching a text filter.
 * Rows are read from the database a page at a time as the view asks for
 * them, so that a log of 100,000 rows opens at once. */
#define SF_TYPE_AUDIT_MODEL (sf_audit_model_get_type ())

G_DECLARE_FINAL_TYPE (SfAuditModel, sf_audit_model, SF, AUDIT_MODEL, GObject)

#define SF_AUDIT_MODEL_PAGE 200

SfAuditModel *sf_audit_model_new         (SfStore      *store);
const char   *sf_audit_model_get_filter  (SfAuditModel *self);
void          sf_audit_model_set_filter  (SfAuditModel *self,
                                          const char   *filter);
/* Reads the log again (another program may have added to it). */
void          sf_audit_model_reload      (SfAuditModel *self);
/* How many pages have been read since the last reload or filter. */
guint         sf_audit_model_get_n_pages_loaded (SfAuditModel *self);

G_END_DECLS
