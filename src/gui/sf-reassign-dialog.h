/* sf-reassign-dialog.h
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

#define SF_TYPE_REASSIGN_DIALOG (sf_reassign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfReassignDialog, sf_reassign_dialog, SF, REASSIGN_DIALOG, SfEditDialog)

/* Gives the cases @ids to another caseworker, after showing what that does
 * to everyone's utilisation.  @dataset is copied. */
SfReassignDialog *sf_reassign_dialog_new               (GtkWindow        *parent,
                                                        SfStore          *store,
                                                        const SfDataset  *dataset,
                                                        const SfSettings *settings,
                                                        SfDay             ref,
                                                        const gint64     *ids,
                                                        guint             n_ids);
void              sf_reassign_dialog_select_caseworker (SfReassignDialog *self,
                                                        gint64            caseworker_id);
GArray           *sf_reassign_dialog_get_effects       (SfReassignDialog *self);
const char       *sf_reassign_dialog_get_effect_text   (SfReassignDialog *self,
                                                        gint64            caseworker_id);
GArray           *sf_reassign_dialog_steal_snapshot    (SfReassignDialog *self);

G_END_DECLS
