/* sf-error-dialog.c: message dialogs: a problem said in one, and one over a widget's window
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-error-dialog.h"

/* Shows @heading and @body (what went wrong and what to do) over @parent
 * (may be NULL) with one Close button; returns the dialog, shown. */
GtkWindow *
sf_error_dialog_show (GtkWindow  *parent,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* The window @widget is in, or NULL when it is in none */
GtkWindow *
sf_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A message dialog over the window @widget is in (@body may be NULL),
 * not yet shown and with no responses. */
AdwMessageDialog *
sf_message_dialog_new_for (GtkWidget  *widget,
                           const char *heading,
                           const char *body)
{
  return ADW_MESSAGE_DIALOG (adw_message_dialog_new (sf_widget_get_window (widget), heading, body));
}

/* sf_error_dialog_show() over the window @widget is in. */
GtkWindow *
sf_error_dialog_show_for (GtkWidget  *widget,
                          const char *heading,
                          const char *body)
{
  return sf_error_dialog_show (sf_widget_get_window (widget), heading, body);
}

/* Shows @message (NULL for none) in @label, a form's line for what was
 * refused, and keeps a copy of it in *@error (what the dialog's
 * get_error() returns). */
void
sf_error_label_set (GtkLabel   *label,
                    char      **error,
                    const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (error != NULL);

  g_free (*error);
  *error = g_strdup (message);
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}
