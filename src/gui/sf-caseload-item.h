/* sf-caseload-item.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sf-core.h"
#include "sf-roster-item.h"

G_BEGIN_DECLS

/* A caseworker's row on the Caseloads page: their roster item (which the
 * utilisation and status cells show) and their open cases by complexity. */
#define SF_TYPE_CASELOAD_ITEM (sf_caseload_item_get_type ())

G_DECLARE_FINAL_TYPE (SfCaseloadItem, sf_caseload_item, SF, CASELOAD_ITEM, GObject)

SfCaseloadItem *sf_caseload_item_new              (const SfWorkerFigures *figures,
                                                   const SfArea          *area);
SfRosterItem   *sf_caseload_item_get_roster_item  (SfCaseloadItem *self);
gint64          sf_caseload_item_get_team_id      (SfCaseloadItem *self);
gint64          sf_caseload_item_get_area_id      (SfCaseloadItem *self);
guint           sf_caseload_item_get_cases        (SfCaseloadItem *self,
                                                   SfComplexity    complexity);

/* A team's row: its figures and where it stands against DS' range and the
 * national survey.  The item copies what it needs. */
#define SF_TYPE_CASELOAD_TEAM_ITEM (sf_caseload_team_item_get_type ())

G_DECLARE_FINAL_TYPE (SfCaseloadTeamItem, sf_caseload_team_item, SF, CASELOAD_TEAM_ITEM, GObject)

SfCaseloadTeamItem *sf_caseload_team_item_new          (const SfTeamFigures *figures);
gint64              sf_caseload_team_item_get_id       (SfCaseloadTeamItem *self);
gint64              sf_caseload_team_item_get_area_id  (SfCaseloadTeamItem *self);
double              sf_caseload_team_item_get_value    (SfCaseloadTeamItem *self,
                                                        const char         *column);
const char         *sf_caseload_team_item_get_name     (SfCaseloadTeamItem *self);
const char         *sf_caseload_team_item_get_area     (SfCaseloadTeamItem *self);
SfTeamPosition      sf_caseload_team_item_get_position (SfCaseloadTeamItem *self);
const char         *sf_caseload_team_item_get_text     (SfCaseloadTeamItem *self,
                                                        const char         *column);
G_END_DECLS
