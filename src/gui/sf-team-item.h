/* sf-team-item.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_TEAM_ITEM (sf_team_item_get_type ())

G_DECLARE_FINAL_TYPE (SfTeamItem, sf_team_item, SF, TEAM_ITEM, GObject)

/* One row of the list of teams and the team's figures on one day.  Copies
 * what it needs: @figures may be freed afterwards. */
SfTeamItem *sf_team_item_new                (const SfTeamFigures *figures,
                                             const SfSettings    *settings);

gint64      sf_team_item_get_id             (SfTeamItem *self);
const char *sf_team_item_get_name           (SfTeamItem *self);
guint       sf_team_item_get_members        (SfTeamItem *self);
const char *sf_team_item_get_summary        (SfTeamItem *self);

G_END_DECLS
