/* sf-caseloads-page.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sf-cases-view.h"
#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_CASELOADS_PAGE (sf_caseloads_page_get_type ())

G_DECLARE_FINAL_TYPE (SfCaseloadsPage, sf_caseloads_page, SF, CASELOADS_PAGE, GtkWidget)

void           sf_caseloads_page_set_context     (SfCaseloadsPage *self,
                                                  SfContext       *context);
void           sf_caseloads_page_catch_up        (SfCaseloadsPage *self);
SfCasesView   *sf_caseloads_page_get_cases_view  (SfCaseloadsPage *self);
void           sf_caseloads_page_set_view        (SfCaseloadsPage *self,
                                                  const char      *view);
void           sf_caseloads_page_show_cases      (SfCaseloadsPage *self,
                                                  gint64           team_id,
                                                  gint64           caseworker_id);

G_END_DECLS
