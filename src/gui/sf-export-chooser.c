/* sf-export-chooser.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-export-chooser.h"

/* Asks where to save an export: a modal chooser for @widget's window,
 * offering @name, with a filter for @format's files (a CSV file is
 * offered under any name).  It replaces the one in @slot (closing it if
 * still open) and stays there; @on_response is connected to its
 * "response" swapped, with @instance, for as long as @instance lives. */
void
sf_export_chooser_open (GtkFileChooserNative **slot,
                        GtkWidget             *widget,
                        const char            *title,
                        SfExportFormat         format,
                        const char            *name,
                        GCallback              on_response,
                        gpointer               instance)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  if (*slot != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*slot));
      g_clear_object (slot);
    }
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (format != SF_EXPORT_CSV)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      if (format == SF_EXPORT_PDF)
        {
          gtk_file_filter_set_name (filter, _("PDF Documents"));
          gtk_file_filter_add_mime_type (filter, "application/pdf");
          gtk_file_filter_add_pattern (filter, "*.pdf");
        }
      else
        {
          gtk_file_filter_set_name (filter, _("Excel Workbooks"));
          gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
          gtk_file_filter_add_pattern (filter, "*.xlsx");
        }
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", on_response, instance, G_CONNECT_SWAPPED);
  *slot = chooser;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
