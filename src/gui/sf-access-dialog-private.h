/* sf-access-dialog-private.h: what the dialog's tests may reach
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sf-access-dialog.h"

G_BEGIN_DECLS

struct _SfAccessDialog
{
  AdwPreferencesWindow  parent_instance;

  SfContext            *context;
  GPtrArray            *entries;      /* SfAccessEntry, as listed */
  GPtrArray            *team_checks;  /* GtkCheckButton, one a team, in the order of the dataset's teams */

  GtkListBox           *access_list;
  AdwEntryRow          *login_row;
  AdwComboRow          *role_row;
  AdwExpanderRow       *teams_row;
  GtkButton            *grant_button;
  GtkLabel             *problem_label;
  AdwToast             *undo_toast;   /* weak: the latest undo of a revoke */
};

G_END_DECLS
