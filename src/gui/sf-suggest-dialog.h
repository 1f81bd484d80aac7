/* sf-suggest-dialog.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_SUGGEST_DIALOG (sf_suggest_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfSuggestDialog, sf_suggest_dialog, SF, SUGGEST_DIALOG, AdwWindow)

SfSuggestDialog *sf_suggest_dialog_new                (GtkWindow       *parent,
                                                       SfContext       *context,
                                                       gint64           team_id);
AdwComboRow     *sf_suggest_dialog_get_team_row       (SfSuggestDialog *self);
AdwComboRow     *sf_suggest_dialog_get_complexity_row (SfSuggestDialog *self);
AdwActionRow    *sf_suggest_dialog_get_result_row     (SfSuggestDialog *self);
gint64           sf_suggest_dialog_get_team_id        (SfSuggestDialog *self);
const char      *sf_suggest_dialog_get_initials       (SfSuggestDialog *self);

G_END_DECLS
