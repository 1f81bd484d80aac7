/* sf-caseworker-dialog.h
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

#define SF_TYPE_CASEWORKER_DIALOG (sf_caseworker_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfCaseworkerDialog, sf_caseworker_dialog, SF, CASEWORKER_DIALOG, SfEditDialog)

/* Creates a caseworker (@caseworker_id 0, in @team_id) or edits one. */
SfCaseworkerDialog *sf_caseworker_dialog_new           (GtkWindow          *parent,
                                                        SfContext          *context,
                                                        gint64              caseworker_id,
                                                        gint64              team_id);
void                sf_caseworker_dialog_add_reduction (SfCaseworkerDialog *self);

G_END_DECLS
