/* sf-change-log-window.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-change-log-model.h"

G_BEGIN_DECLS

#define SF_TYPE_CHANGE_LOG_WINDOW (sf_change_log_window_get_type ())

G_DECLARE_FINAL_TYPE (SfChangeLogWindow, sf_change_log_window, SF, CHANGE_LOG_WINDOW, AdwWindow)

SfChangeLogWindow *sf_change_log_window_new        (GtkWindow         *parent,
                                                    SfStore           *store);
SfChangeLogModel      *sf_change_log_window_get_model  (SfChangeLogWindow *self);
void               sf_change_log_window_set_filter (SfChangeLogWindow *self,
                                                    const char        *filter);
gboolean           sf_change_log_window_export_csv (SfChangeLogWindow *self,
                                                    GFile             *file,
                                                    GError           **error);

G_END_DECLS
