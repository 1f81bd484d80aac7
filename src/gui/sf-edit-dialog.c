/* sf-edit-dialog.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-conflict-dialog.h"
#include "sf-edit-dialog.h"
#include "sf-error-dialog.h"

/* What the dialogs that edit one row (a caseworker, a team, a case, an own
 * case area, a caseworker's counts of cases, cases given to another
 * caseworker) share: an Add/Save button, a message above the form for a
 * refused value, the rows that message is about marked, and ::saved with
 * the row's id once the store has it.  Each dialog's template has a
 * "save_button" and an "error_label", and calls "on_save_button_clicked_cb"
 * where the manager saves; each dialog's ::save checks and stores its own
 * row and ends with sf_edit_dialog_saved(). */
typedef struct
{
  GtkButton *save_button;
  GtkLabel  *error_label;
  GPtrArray *marked;          /* GtkWidget, the rows marked "error" */
  char      *error;
} SfEditDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SfEditDialog, sf_edit_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_save_button_clicked_cb (SfEditDialog *self)
{
  sf_edit_dialog_save (self);
}

static void
sf_edit_dialog_dispose (GObject *object)
{
  SfEditDialog *self = SF_EDIT_DIALOG (object);
  SfEditDialogPrivate *priv = sf_edit_dialog_get_instance_private (self);

  g_clear_pointer (&priv->marked, g_ptr_array_unref);
  /* The template is the dialog's own, one class below */
  gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));

  G_OBJECT_CLASS (sf_edit_dialog_parent_class)->dispose (object);
}

static void
sf_edit_dialog_finalize (GObject *object)
{
  SfEditDialog *self = SF_EDIT_DIALOG (object);
  SfEditDialogPrivate *priv = sf_edit_dialog_get_instance_private (self);

  g_free (priv->error);

  G_OBJECT_CLASS (sf_edit_dialog_parent_class)->finalize (object);
}

static void
sf_edit_dialog_class_init (SfEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sf_edit_dialog_dispose;
  object_class->finalize = sf_edit_dialog_finalize;

  /**
   * SfEditDialog::saved:
   * @id: the id of the row saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
sf_edit_dialog_init (SfEditDialog *self)
{
  SfEditDialogPrivate *priv = sf_edit_dialog_get_instance_private (self);

  priv->marked = g_ptr_array_new_with_free_func (g_object_unref);
}

/* For a dialog's class_init: its template, with the button and the label
 * every edit dialog has bound here. */
void
sf_edit_dialog_class_set_template (GtkWidgetClass *widget_class,
                                   const char     *resource)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), SF_TYPE_EDIT_DIALOG));

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE,
                                             G_PRIVATE_OFFSET (SfEditDialog, save_button));
  gtk_widget_class_bind_template_child_full (widget_class, "error_label", FALSE,
                                             G_PRIVATE_OFFSET (SfEditDialog, error_label));
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
}

/* The window's title, and the button's label: Add for a new row, Save for
 * one that exists. */
void
sf_edit_dialog_set_title (SfEditDialog *self,
                          const char   *title,
                          gboolean      adding)
{
  SfEditDialogPrivate *priv = sf_edit_dialog_get_instance_private (self);

  g_return_if_fail (SF_IS_EDIT_DIALOG (self));

  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (priv->save_button, adding ? _("_Add") : _("_Save"));
}

/* Marks @row (without moving the focus); a later message unmarks it. */
void
sf_edit_dialog_mark (SfEditDialog *self,
                     GtkWidget    *row)
{
  SfEditDialogPrivate *priv = sf_edit_dialog_get_instance_private (self);

  g_return_if_fail (SF_IS_EDIT_DIALOG (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  gtk_widget_add_css_class (row, "error");
  g_ptr_array_add (priv->marked, g_object_ref (row));
}

/* Shows @message above the form (none: NULL) and marks @row, if any, with
 * the focus in it; the rows marked before are no longer. */
void
sf_edit_dialog_show_error (SfEditDialog *self,
                           GtkWidget    *row,
                           const char   *message)
{
  SfEditDialogPrivate *priv = sf_edit_dialog_get_instance_private (self);

  g_return_if_fail (SF_IS_EDIT_DIALOG (self));

  for (guint i = 0; i < priv->marked->len; i++)
    gtk_widget_remove_css_class (g_ptr_array_index (priv->marked, i), "error");
  g_ptr_array_set_size (priv->marked, 0);
  sf_error_label_set (priv->error_label, &priv->error, message);
  if (row != NULL)
    {
      sf_edit_dialog_mark (self, row);
      gtk_widget_grab_focus (row);
    }
}

/* Whether the Add/Save button can be pressed: not while the form has
 * nothing to save. */
void
sf_edit_dialog_set_can_save (SfEditDialog *self,
                             gboolean      can_save)
{
  SfEditDialogPrivate *priv = sf_edit_dialog_get_instance_private (self);

  g_return_if_fail (SF_IS_EDIT_DIALOG (self));

  gtk_widget_set_sensitive (GTK_WIDGET (priv->save_button), can_save);
}

/* Nothing can be saved: @message says why, and the button is off. */
void
sf_edit_dialog_refuse (SfEditDialog *self,
                       const char   *message)
{
  sf_edit_dialog_show_error (self, NULL, message);
  sf_edit_dialog_set_can_save (self, FALSE);
}

/* The end of a dialog's save: the store has the row @id.  Emits ::saved and
 * closes the dialog; returns TRUE, for the save function to return. */
gboolean
sf_edit_dialog_saved (SfEditDialog *self,
                      gint64        id)
{
  g_return_val_if_fail (SF_IS_EDIT_DIALOG (self), FALSE);

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* Checks and stores the row.  Returns whether it was saved (and closed). */
gboolean
sf_edit_dialog_save (SfEditDialog *self)
{
  g_return_val_if_fail (SF_IS_EDIT_DIALOG (self), FALSE);

  return SF_EDIT_DIALOG_GET_CLASS (self)->save (self);
}

static gboolean
save_again (gpointer editor)
{
  return sf_edit_dialog_save (editor);
}

/* Someone else changed or removed the row since the dialog read it at
 * *@version: @fields (theirs beside the form's) in the conflict dialog,
 * whose "keep mine" saves the dialog again. */
void
sf_edit_dialog_present_conflict (SfEditDialog *self,
                                 const GError *error,
                                 GPtrArray    *fields,
                                 gint64       *version)
{
  g_return_if_fail (SF_IS_EDIT_DIALOG (self));

  sf_conflict_dialog_present (GTK_WINDOW (self), error, fields, version, save_again);
}

/* The message shown for a refused value, or NULL. */
const char *
sf_edit_dialog_get_error (SfEditDialog *self)
{
  SfEditDialogPrivate *priv = sf_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (SF_IS_EDIT_DIALOG (self), NULL);

  return priv->error;
}
