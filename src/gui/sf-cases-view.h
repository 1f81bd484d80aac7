/* sf-cases-view.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

typedef enum
{
  SF_CASES_SHOW_OPEN,
  SF_CASES_SHOW_CLOSED,
  SF_CASES_SHOW_ALL,
} SfCasesShow;

#define SF_TYPE_CASES_VIEW (sf_cases_view_get_type ())

G_DECLARE_FINAL_TYPE (SfCasesView, sf_cases_view, SF, CASES_VIEW, GtkWidget)

void               sf_cases_view_set_context      (SfCasesView      *self,
                                                   SfContext        *context);
/* @dataset is borrowed: the caller keeps it alive until the next call. */
void               sf_cases_view_set_data         (SfCasesView      *self,
                                                   const SfDataset  *dataset,
                                                   const SfSettings *settings,
                                                   SfDay             ref);
/* After @dataset (the same) was updated in place: the cases @case_ids and
 * those of the edited caseworkers @caseworker_ids (gint64, ascending). */
void               sf_cases_view_update_cases     (SfCasesView      *self,
                                                   const SfDataset  *dataset,
                                                   const GArray     *case_ids,
                                                   const GArray     *caseworker_ids);
/* 0 = every team / caseworker */
void               sf_cases_view_set_filter       (SfCasesView      *self,
                                                   gint64            team_id,
                                                   gint64            caseworker_id,
                                                   SfCasesShow       show);
void               sf_cases_view_set_search       (SfCasesView      *self,
                                                   const char       *text);
void               sf_cases_view_start_search     (SfCasesView      *self);

G_END_DECLS
