/* sf-choice-dialog.h: a message dialog that asks to choose one of a list
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwMessageDialog *sf_choice_dialog_new        (GtkWindow        *parent,
                                               const char       *heading,
                                               const char       *body,
                                               GtkStringList    *labels,
                                               const char       *accessible_label,
                                               const char       *ok_id,
                                               const char       *ok_label,
                                               gboolean          destructive);
guint             sf_choice_dialog_get_chosen (AdwMessageDialog *dialog);
GtkDropDown      *sf_choice_dialog_get_dropdown (AdwMessageDialog *dialog);

G_END_DECLS
