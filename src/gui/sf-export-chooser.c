/* sf-export-chooser.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-error-dialog.h"
#include "sf-export-chooser.h"

/* Closes the chooser in @slot, if there is one, and empties the slot: for
 * a widget's dispose, or before another chooser takes the slot. */
void
sf_chooser_close (GtkFileChooserNative **slot)
{
  if (*slot != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*slot));
  g_clear_object (slot);
}

/* A modal chooser for @parent, in @slot instead of the one there (closed
 * if still open), with @on_response connected to its "response" swapped,
 * with @instance, for as long as @instance lives. */
static GtkFileChooserNative *
chooser_new (GtkFileChooserNative **slot,
             GtkWindow             *parent,
             const char            *title,
             GtkFileChooserAction   action,
             const char            *accept_label,
             GCallback              on_response,
             gpointer               instance)
{
  GtkFileChooserNative *chooser;

  sf_chooser_close (slot);
  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", on_response, instance, G_CONNECT_SWAPPED);
  *slot = chooser;
  return chooser;
}

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
  GtkFileChooserNative *chooser = chooser_new (slot, sf_widget_get_window (widget), title,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), on_response, instance);

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
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Asks for a file to open, as sf_export_chooser_open() does: @filter
 * chosen, "All Files" offered after it.  The chooser is returned to be
 * set up further (a folder, a file) and shown. */
GtkFileChooserNative *
sf_open_chooser_new (GtkFileChooserNative **slot,
                     GtkWindow             *parent,
                     const char            *title,
                     const char            *accept_label,
                     GtkFileFilter         *filter,
                     GCallback              on_response,
                     gpointer               instance)
{
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser = chooser_new (slot, parent, title, GTK_FILE_CHOOSER_ACTION_OPEN, accept_label,
                                               on_response, instance);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}
