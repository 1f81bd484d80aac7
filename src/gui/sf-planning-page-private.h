/* sf-planning-page-private.h: what the page's export file and tests reach.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sf-planning-data.h"
#include "sf-planning-page.h"
#include "sf-planning-scenario.h"

G_BEGIN_DECLS

/* The figures shown, or NULL while they are computed. */
SfPlanningData  *sf_planning_page_get_planning (SfPlanningPage  *self);
SfPlanningPlace  sf_planning_page_get_place    (SfPlanningPage  *self);
void             sf_planning_page_set_place    (SfPlanningPage  *self,
                                                SfPlanningPlace  place);

/* The what-if scenario shown beside today's data (tests). */
SfPlanningCompare *sf_planning_page_get_compare     (SfPlanningPage  *self);
gboolean          sf_planning_page_is_comparing     (SfPlanningPage  *self);
gint64            sf_planning_page_get_scenario_id  (SfPlanningPage  *self);
const SfScenario *sf_planning_page_get_scenario     (SfPlanningPage  *self);
void              sf_planning_page_choose_scenario  (SfPlanningPage  *self,
                                                     gint64           id);
/* The scenario dialog open (name, change, apply), or NULL. */
AdwMessageDialog *sf_planning_page_get_dialog       (SfPlanningPage  *self);
GtkWidget        *sf_planning_page_get_compare_table (SfPlanningPage *self);
GtkWidget        *sf_planning_page_get_changes_list (SfPlanningPage  *self);

/* sf-planning-export.c: what the place shown holds, as CSV (decimal comma,
 * semicolons) or as an A4 PDF with the charts and their tables. */
char            *sf_planning_export_csv_text   (SfPlanningData  *data,
                                                SfPlanningPlace  place);
gboolean         sf_planning_export_csv        (SfPlanningData  *data,
                                                SfPlanningPlace  place,
                                                GFile           *file,
                                                GError         **error);
gboolean         sf_planning_export_pdf        (SfPlanningData  *data,
                                                SfPlanningPlace  place,
                                                GFile           *file,
                                                GError         **error);

G_END_DECLS
