/* sf-area-dialog.h
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

#define SF_TYPE_AREA_DIALOG (sf_area_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfAreaDialog, sf_area_dialog, SF, AREA_DIALOG, SfEditDialog)

/* Adds an own case area (@area_id 0) or edits one of @context's; saves to
 * the context's store when the manager presses Add/Save. */
SfAreaDialog *sf_area_dialog_new       (GtkWindow    *parent,
                                        SfContext    *context,
                                        gint64        area_id);

G_END_DECLS
