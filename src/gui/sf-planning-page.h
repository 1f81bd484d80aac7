/* sf-planning-page.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_PLANNING_PAGE (sf_planning_page_get_type ())

G_DECLARE_FINAL_TYPE (SfPlanningPage, sf_planning_page, SF, PLANNING_PAGE, GtkWidget)

/* The page's one input: the database and the reference date.  The trend
 * and the forecast are computed from the database off the main thread,
 * when the page is shown; until then it says it is computing. */
void sf_planning_page_set_context (SfPlanningPage *self,
                                   SfContext      *context);
void sf_planning_page_set_data    (SfPlanningPage *self,
                                   SfStore        *store,
                                   SfDay           today);

G_END_DECLS
