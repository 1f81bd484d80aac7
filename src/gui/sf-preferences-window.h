/* sf-preferences-window.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_PREFERENCES_WINDOW (sf_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SfPreferencesWindow, sf_preferences_window, SF, PREFERENCES_WINDOW, AdwPreferencesWindow)

SfPreferencesWindow *sf_preferences_window_new          (GtkWindow           *parent,
                                                         SfContext           *context);
GtkSpinButton       *sf_preferences_window_get_spin     (SfPreferencesWindow *self,
                                                         const char          *key);
GtkSpinButton       *sf_preferences_window_get_team_spin (SfPreferencesWindow *self,
                                                         gint64               team_id);

G_END_DECLS
