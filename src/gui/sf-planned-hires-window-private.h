/* sf-planned-hires-window-private.h: what the window's tests may reach
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sf-date-button.h"
#include "sf-planned-hires-window.h"

G_BEGIN_DECLS

struct _SfPlannedHiresWindow
{
  AdwPreferencesWindow  parent_instance;

  SfStore              *store;
  gint64                team_id;
  GArray               *hires;       /* SfPlannedHire, as shown */

  AdwPreferencesGroup  *hires_group;
  GtkListBox           *hires_list;
  GtkSpinButton        *hours_spin;
  SfDateButton         *start_button;
  AdwEntryRow          *note_row;
  GtkButton            *add_button;
  GtkLabel             *problem_label;
};

G_END_DECLS
