/* sf-planning-scenario.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sf-chart.h"
#include "sf-core.h"
#include "sf-planning-data.h"

G_BEGIN_DECLS

/* A what-if scenario beside the Planning page's data: the scenario applied
 * to a copy of the page's data set (sf_scenario_apply()), and the figures,
 * alerts and forecast of both sides computed alike
 * (sf_scenario_figures_compute()), as `sagsfordeling-cli scenario` does.
 * Computed in a worker thread; read-only afterwards. */
typedef struct
{
  gatomicrefcount    ref_count;  /* atomic: a thread may drop the last */
  SfPlanningData    *data;       /* the page's data, whose data set is the base */
  SfScenario        *scenario;   /* its own copy */
  SfScenarioResult  *result;
  SfScenarioFigures *before;
  SfScenarioFigures *after;
} SfPlanningCompare;

/* Safe in a worker thread: reads @data, never changes it. */
SfPlanningCompare *sf_planning_compare_compute (SfPlanningData     *data,
                                                const SfScenario   *scenario,
                                                GCancellable       *cancellable);
void               sf_planning_compare_unref   (SfPlanningCompare  *compare);

/* A copy of @scenario, and of one change. */
SfScenario        *sf_planning_scenario_copy   (const SfScenario   *scenario);
SfScenarioChange  *sf_planning_change_copy     (const SfScenarioChange *change);
void               sf_planning_change_free     (SfScenarioChange   *change);

typedef enum
{
  SF_COMPARE_TEAM,
  SF_COMPARE_WORKER,
  SF_COMPARE_ALERT_APPEARS,
  SF_COMPARE_ALERT_GOES,
} SfCompareKind;

/* One line of the comparison: a team or caseworker whose figures differ,
 * or an alert that appears or disappears. */
typedef struct
{
  SfCompareKind kind;
  char     *name;              /* team, "Name (INI)", or the alert's message */
  char     *detail;            /* the team (a worker's, after), or the alert's team */
  double    before;            /* utilisation; NAN: none */
  double    after;
  SfStatus  status_before;
  SfStatus  status_after;
  gboolean  has_status;        /* FALSE where a side has no figures to judge */
  SfDay     hire_by_before;    /* teams: the forecast's hire-by date */
  SfDay     hire_by_after;
  double    gap_before;        /* teams: the FTE gap at the forecast's horizon */
  double    gap_after;
} SfCompareRow;

void               sf_compare_row_free         (SfCompareRow       *row);
/* The teams (all, in the data set's order, by name), then the caseworkers
 * whose team, utilisation or status differ, then the alerts that appear
 * and those that disappear. */
GPtrArray         *sf_planning_compare_rows    (SfPlanningCompare  *compare);

/* The scenario's forecast of @place (SfForecastPoint), NULL for a
 * caseworker or a place it does not have. */
GArray            *sf_planning_compare_forecast (SfPlanningCompare *compare,
                                                 SfPlanningPlace    place);
/* Adds the scenario's lines to the Planning page's charts of @place:
 * dash-dotted, with their own markers and names in the legend. */
void               sf_planning_compare_add_to_charts (SfPlanningCompare *compare,
                                                      SfPlanningPlace    place,
                                                      SfChartModel      *capacity,
                                                      SfChartModel      *utilisation,
                                                      SfChartModel      *gap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfPlanningCompare, sf_planning_compare_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfCompareRow, sf_compare_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfScenarioChange, sf_planning_change_free)

G_END_DECLS
