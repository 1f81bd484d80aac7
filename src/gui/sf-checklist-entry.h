/* sf-checklist-entry.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_CHECKLIST_ENTRY (sf_checklist_entry_get_type ())

G_DECLARE_FINAL_TYPE (SfChecklistEntry, sf_checklist_entry, SF, CHECKLIST_ENTRY, GObject)

/* One row of the Pejlemærker page: an item of @checklist, as its texts
 * read in the user's language. */
SfChecklistEntry *sf_checklist_entry_new                 (const SfChecklist     *checklist,
                                                          const SfChecklistItem *item);
gint64            sf_checklist_entry_get_id              (SfChecklistEntry *self);
const char       *sf_checklist_entry_get_title           (SfChecklistEntry *self);
const char       *sf_checklist_entry_get_subtitle        (SfChecklistEntry *self);
const char       *sf_checklist_entry_get_due_subtitle    (SfChecklistEntry *self);
gboolean          sf_checklist_entry_get_checked         (SfChecklistEntry *self);
gboolean          sf_checklist_entry_get_due             (SfChecklistEntry *self);
const char       *sf_checklist_entry_get_section_title   (SfChecklistEntry *self);
const char       *sf_checklist_entry_get_section_detail  (SfChecklistEntry *self);

char             *sf_checklist_entry_describe_check      (const SfChecklistItem *item);
char             *sf_checklist_entry_describe_follow_up  (const SfChecklistItem *item);

G_END_DECLS
