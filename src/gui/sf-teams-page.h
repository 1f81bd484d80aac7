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

void        sf_teams_page_set_context          (SfTeamsPage     *self,
                                                SfContext       *context);
void        sf_teams_page_catch_up             (SfTeamsPage     *self);
void        sf_teams_page_start_search         (SfTeamsPage     *self);
GtkWindow  *sf_teams_page_new_team             (SfTeamsPage     *self);
GtkWindow  *sf_teams_page_new_caseworker       (SfTeamsPage     *self);

G_END_DECLS
