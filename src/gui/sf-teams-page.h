/* sf-teams-page.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_TEAMS_PAGE (sf_teams_page_get_type ())

G_DECLARE_FINAL_TYPE (SfTeamsPage, sf_teams_page, SF, TEAMS_PAGE, GtkWidget)

void        sf_teams_page_set_store            (SfTeamsPage     *self,
                                                SfStore         *store);
void        sf_teams_page_set_figures          (SfTeamsPage     *self,
                                                const SfFigures *figures);
void        sf_teams_page_update_figures       (SfTeamsPage     *self,
                                                const SfFigures *figures,
                                                const SfDelta   *delta);
void        sf_teams_page_start_search         (SfTeamsPage     *self);
GtkWindow  *sf_teams_page_new_team             (SfTeamsPage     *self);
GtkWindow  *sf_teams_page_new_caseworker       (SfTeamsPage     *self);
gboolean    sf_teams_page_select_team          (SfTeamsPage     *self,
                                                gint64           team_id);
gboolean    sf_teams_page_select_caseworker    (SfTeamsPage     *self,
                                                gint64           caseworker_id);
gint64      sf_teams_page_get_selected_team    (SfTeamsPage     *self);
GListModel *sf_teams_page_get_team_model       (SfTeamsPage     *self);
GListModel *sf_teams_page_get_member_model     (SfTeamsPage     *self);
GtkWindow  *sf_teams_page_get_dialog           (SfTeamsPage     *self);
AdwToast   *sf_teams_page_get_undo_toast       (SfTeamsPage     *self);

G_END_DECLS
