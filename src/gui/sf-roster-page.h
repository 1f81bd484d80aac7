/* sf-roster-page.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_ROSTER_PAGE (sf_roster_page_get_type ())

G_DECLARE_FINAL_TYPE (SfRosterPage, sf_roster_page, SF, ROSTER_PAGE, GtkWidget)

void           sf_roster_page_set_context      (SfRosterPage    *self,
                                                SfContext       *context);
GtkSearchBar  *sf_roster_page_get_search_bar   (SfRosterPage    *self);
void           sf_roster_page_start_search     (SfRosterPage    *self);
void           sf_roster_page_show_subject     (SfRosterPage    *self,
                                                gint64           caseworker_id,
                                                const char      *team_name);

G_END_DECLS
