/* sf-import-preview-dialog.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_IMPORT_PREVIEW_DIALOG (sf_import_preview_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfImportPreviewDialog, sf_import_preview_dialog, SF, IMPORT_PREVIEW_DIALOG, AdwWindow)

SfImportPreviewDialog *sf_import_preview_dialog_new              (GtkWindow             *parent,
                                                                  SfStore               *store,
                                                                  GBytes                *contents,
                                                                  const char            *file_name,
                                                                  GError               **error);
SfImportPreview       *sf_import_preview_dialog_get_preview      (SfImportPreviewDialog *self);
GtkWidget             *sf_import_preview_dialog_get_import_button (SfImportPreviewDialog *self);
void                   sf_import_preview_dialog_import           (SfImportPreviewDialog *self);
void                   sf_import_preview_dialog_read_again       (SfImportPreviewDialog *self);
const char            *sf_import_preview_dialog_get_refusal      (SfImportPreviewDialog *self);

SfImportPreviewDialog *sf_import_preview_dialog_open             (GtkWindow             *parent,
                                                                  SfContext             *context,
                                                                  GFile                 *file);

G_END_DECLS
