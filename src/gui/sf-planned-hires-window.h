/* sf-planned-hires-window.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_PLANNED_HIRES_WINDOW (sf_planned_hires_window_get_type ())

G_DECLARE_FINAL_TYPE (SfPlannedHiresWindow, sf_planned_hires_window, SF, PLANNED_HIRES_WINDOW, AdwPreferencesWindow)

SfPlannedHiresWindow *sf_planned_hires_window_new (GtkWindow  *parent,
                                                   SfStore    *store,
                                                   gint64      team_id,
                                                   const char *team_name);

G_END_DECLS
