/* sf-case-dialog.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"
#include "sf-edit-dialog.h"

G_BEGIN_DECLS

#define SF_TYPE_CASE_DIALOG (sf_case_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfCaseDialog, sf_case_dialog, SF, CASE_DIALOG, SfEditDialog)

/* Adds a case (@case_id 0, for @caseworker_id when not 0) or edits one;
 * saves to @store when the manager presses Add/Save.  @dataset is read
 * during the call only. */
SfCaseDialog *sf_case_dialog_new       (GtkWindow       *parent,
                                        SfStore         *store,
                                        const SfDataset *dataset,
                                        const SfSettings *settings,
                                        gint64           case_id,
                                        gint64           caseworker_id);
void          sf_case_dialog_select_caseworker (SfCaseDialog *self,
                                        gint64           caseworker_id);

G_END_DECLS
