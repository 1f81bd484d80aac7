/* sf-choice-dialog.c: a message dialog that asks to choose one of a list
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-choice-dialog.h"

/* Asks to choose one of @labels in a dropdown under @body (the team the
 * members move to, the colleague who takes over the cases).  The response
 * @ok_id (labelled @ok_label) acts, destructive or suggested; "cancel"
 * does nothing and is the default of a destructive choice. */
AdwMessageDialog *
sf_choice_dialog_new (GtkWindow     *parent,
                      const char    *heading,
                      const char    *body,
                      GtkStringList *labels,
                      const char    *accessible_label,
                      const char    *ok_id,
                      const char    *ok_label,
                      gboolean       destructive)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  adw_message_dialog_set_extra_child (dialog, dropdown);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    ok_id, ok_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, ok_id,
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, destructive ? "cancel" : ok_id);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/* The position of the label chosen, or GTK_INVALID_LIST_POSITION. */
guint
sf_choice_dialog_get_chosen (AdwMessageDialog *dialog)
{
  GtkWidget *dropdown;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), GTK_INVALID_LIST_POSITION);

  dropdown = adw_message_dialog_get_extra_child (dialog);
  return GTK_IS_DROP_DOWN (dropdown) ? gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown))
                                     : GTK_INVALID_LIST_POSITION;
}

/* The dropdown, to make it searchable or choose for the user */
GtkDropDown *
sf_choice_dialog_get_dropdown (AdwMessageDialog *dialog)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
}
