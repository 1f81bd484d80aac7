/* sf-access-dialog.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_ACCESS_DIALOG (sf_access_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfAccessDialog, sf_access_dialog, SF, ACCESS_DIALOG, AdwPreferencesWindow)

SfAccessDialog *sf_access_dialog_new (GtkWindow *parent,
                                      SfContext *context);

G_END_DECLS
