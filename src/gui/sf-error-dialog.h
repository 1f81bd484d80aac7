/* sf-error-dialog.h: message dialogs: a problem said in one, and one over a widget's window
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWindow *sf_error_dialog_show       (GtkWindow  *parent,
                                       const char *heading,
                                       const char *body);
GtkWindow *sf_error_dialog_show_for   (GtkWidget  *widget,
                                       const char *heading,
                                       const char *body);

GtkWindow        *sf_widget_get_window      (GtkWidget  *widget);
AdwMessageDialog *sf_message_dialog_new_for (GtkWidget  *widget,
                                             const char *heading,
                                             const char *body);

void       sf_error_label_set         (GtkLabel   *label,
                                       char      **error,
                                       const char *message);

G_END_DECLS
