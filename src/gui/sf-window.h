/* sf-window.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-alerts-page.h"
#include "sf-caseloads-page.h"
#include "sf-checklists-page.h"
#include "sf-core.h"
#include "sf-roster-page.h"
#include "sf-teams-page.h"

G_BEGIN_DECLS

#define SF_TYPE_WINDOW (sf_window_get_type ())

G_DECLARE_FINAL_TYPE (SfWindow, sf_window, SF, WINDOW, AdwApplicationWindow)

SfWindow     *sf_window_new              (GtkApplication *application,
                                          SfContext      *context);
SfContext    *sf_window_get_context      (SfWindow       *self);
void          sf_window_reload           (SfWindow       *self);
gboolean      sf_window_check_for_changes (SfWindow      *self);
const char   *sf_window_get_visible_page (SfWindow       *self);
void          sf_window_show_page        (SfWindow       *self,
                                          const char     *name);
gboolean      sf_window_import_file      (SfWindow       *self,
                                          GFile          *file,
                                          gboolean        cases);

/* For the tests: the pages (filled first if not shown yet) and the
 * latest undo toast */
SfRosterPage *sf_window_get_roster_page  (SfWindow       *self);
SfTeamsPage  *sf_window_get_teams_page   (SfWindow       *self);
SfAlertsPage *sf_window_get_alerts_page  (SfWindow       *self);
SfCaseloadsPage *sf_window_get_caseloads_page (SfWindow    *self);
SfChecklistsPage *sf_window_get_checklists_page (SfWindow  *self);
AdwToast     *sf_window_get_undo_toast   (SfWindow       *self);
gboolean      sf_window_is_connection_lost (SfWindow     *self);
gboolean      sf_window_is_password_refused (SfWindow    *self);
GtkWidget    *sf_window_get_connection_banner (SfWindow  *self);
const char   *sf_window_get_database_label (SfWindow     *self);

G_END_DECLS
