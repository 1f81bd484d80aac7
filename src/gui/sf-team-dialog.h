/* sf-team-dialog.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"
#include "sf-edit-dialog.h"

G_BEGIN_DECLS

#define SF_TYPE_TEAM_DIALOG (sf_team_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfTeamDialog, sf_team_dialog, SF, TEAM_DIALOG, SfEditDialog)

/* Creates a team (@team_id 0) or edits one; saves to the context's store at once. */
SfTeamDialog *sf_team_dialog_new          (GtkWindow    *parent,
                                           SfContext    *context,
                                           gint64        team_id);

G_END_DECLS
