/* sf-edit-dialog.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SF_TYPE_EDIT_DIALOG (sf_edit_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (SfEditDialog, sf_edit_dialog, SF, EDIT_DIALOG, AdwWindow)

struct _SfEditDialogClass
{
  AdwWindowClass parent_class;

  /* Checks and stores the row: TRUE once saved (the dialog then closes) */
  gboolean (*save) (SfEditDialog *self);
};

void        sf_edit_dialog_class_set_template (GtkWidgetClass *widget_class,
                                               const char     *resource);

void        sf_edit_dialog_set_title          (SfEditDialog   *self,
                                               const char     *title,
                                               gboolean        adding);
void        sf_edit_dialog_show_error         (SfEditDialog   *self,
                                               GtkWidget      *row,
                                               const char     *message);
void        sf_edit_dialog_mark               (SfEditDialog   *self,
                                               GtkWidget      *row);
void        sf_edit_dialog_refuse             (SfEditDialog   *self,
                                               const char     *message);
void        sf_edit_dialog_set_can_save       (SfEditDialog   *self,
                                               gboolean        can_save);
gboolean    sf_edit_dialog_saved              (SfEditDialog   *self,
                                               gint64          id);
gboolean    sf_edit_dialog_save               (SfEditDialog   *self);
void        sf_edit_dialog_present_conflict   (SfEditDialog   *self,
                                               const GError   *error,
                                               GPtrArray      *fields,
                                               gint64         *version);
const char *sf_edit_dialog_get_error          (SfEditDialog   *self);

G_END_DECLS
