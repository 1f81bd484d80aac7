/* sf-backups-window.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_BACKUPS_WINDOW (sf_backups_window_get_type ())

G_DECLARE_FINAL_TYPE (SfBackupsWindow, sf_backups_window, SF, BACKUPS_WINDOW, AdwWindow)

SfBackupsWindow  *sf_backups_window_new             (GtkWindow       *parent,
                                                     SfStore         *store);
/* The backups listed, newest first (SfBackup). */
GPtrArray        *sf_backups_window_get_backups     (SfBackupsWindow *self);
/* The row of backup @index in the list. */
AdwActionRow     *sf_backups_window_get_row         (SfBackupsWindow *self,
                                                     guint            index);
/* Asks before restoring backup @index: returns the dialog shown. */
AdwMessageDialog *sf_backups_window_confirm_restore (SfBackupsWindow *self,
                                                     guint            index);
/* On a server: copies everything into the database file @path, as
 * "Export to Local File…" does once a file is chosen. */
void              sf_backups_window_export_to       (SfBackupsWindow *self,
                                                     const char      *path);

G_END_DECLS
