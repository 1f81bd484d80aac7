/* sf-import-error-dialog.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SF_TYPE_IMPORT_ERROR_DIALOG (sf_import_error_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfImportErrorDialog, sf_import_error_dialog, SF, IMPORT_ERROR_DIALOG, AdwMessageDialog)

/* Says why a file was refused: @message (the import's summary) and up to
 * a screenful of @problems ("Line N: …" strings; may be NULL). */
GtkWidget  *sf_import_error_dialog_new           (GtkWindow  *parent,
                                                  const char *message,
                                                  GPtrArray  *problems);
const char *sf_import_error_dialog_get_problems_text (SfImportErrorDialog *self);

G_END_DECLS
