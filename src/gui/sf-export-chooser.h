/* sf-export-chooser.h: asking where to save an export
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  SF_EXPORT_CSV,
  SF_EXPORT_PDF,
  SF_EXPORT_XLSX,
} SfExportFormat;

void sf_export_chooser_open (GtkFileChooserNative **slot,
                             GtkWidget             *widget,
                             const char            *title,
                             SfExportFormat         format,
                             const char            *name,
                             GCallback              on_response,
                             gpointer               instance);

GtkFileChooserNative *sf_open_chooser_new (GtkFileChooserNative **slot,
                                           GtkWindow             *parent,
                                           const char            *title,
                                           const char            *accept_label,
                                           GtkFileFilter         *filter,
                                           GCallback              on_response,
                                           gpointer               instance);

void sf_chooser_close (GtkFileChooserNative **slot);

G_END_DECLS
