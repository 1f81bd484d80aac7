/* sf-planning-data.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sf-chart.h"
#include "sf-core.h"

G_BEGIN_DECLS

/* What the Planning page, its PDF and its CSV show: a year's weekly trend
 * up to the reference date (sf_trend_compute(), recorded points where the
 * history has them) and the forecast of the next months (sf_forecast_compute()),
 * of one loaded data set. */

#define SF_PLANNING_TREND_WEEKS 52

typedef struct
{
  gatomicrefcount ref_count;  /* atomic: freed in a worker thread */
  SfDataset   *dataset;
  SfSettings   settings;
  SfDay        today;
  GPtrArray   *points;         /* SfTrendPoint, ascending; the last is @today */
  SfForecast  *forecast;
  guint        n_recorded;     /* trend points taken from the history */
} SfPlanningData;

typedef enum
{
  SF_PLANNING_MUNICIPALITY,
  SF_PLANNING_AREA,
  SF_PLANNING_TEAM,
  SF_PLANNING_WORKER,
} SfPlanningLevel;

/* A place to drill down to: @index into the data set's areas, teams or
 * caseworkers (unused for the municipality). */
typedef struct
{
  SfPlanningLevel level;
  guint           index;
} SfPlanningPlace;

/* Figures of a place on one day. */
typedef struct
{
  double   capacity;           /* a caseworker's adjusted norm */
  double   load;
  double   utilisation;
  double   fte_available;      /* NAN for a caseworker */
  double   fte_needed;
  guint    open_cases;
} SfPlanningFigures;

/* Loads the data set and settings of @store and computes the trend and
 * the forecast on @today.  Safe in a worker thread on a store opened there. */
SfPlanningData *sf_planning_data_compute   (SfStore          *store,
                                            SfDay             today,
                                            GCancellable     *cancellable,
                                            GError          **error);
SfPlanningData *sf_planning_data_ref       (SfPlanningData   *data);
void            sf_planning_data_unref     (SfPlanningData   *data);

char           *sf_planning_place_title    (SfPlanningData   *data,
                                            SfPlanningPlace   place);
/* The id of @place's area, team or caseworker (0 for the municipality). */
gint64          sf_planning_place_id       (SfPlanningData   *data,
                                            SfPlanningPlace   place);
/* The place of @level with @id; the municipality when there is none. */
SfPlanningPlace sf_planning_place_find     (SfPlanningData   *data,
                                            SfPlanningLevel   level,
                                            gint64            id);
/* The place one level up; FALSE for the municipality. */
gboolean        sf_planning_place_parent   (SfPlanningData   *data,
                                            SfPlanningPlace   place,
                                            SfPlanningPlace  *parent);
/* The places one level down (SfPlanningPlace), by name. */
GArray         *sf_planning_place_children (SfPlanningData   *data,
                                            SfPlanningPlace   place);
/* The figures of @place at trend point @point (the last: today). */
void            sf_planning_place_figures  (SfPlanningData   *data,
                                            SfPlanningPlace   place,
                                            guint             point,
                                            SfPlanningFigures *out);
/* The forecast points (SfForecastPoint) of @place; NULL for a caseworker. */
GArray         *sf_planning_place_forecast (SfPlanningData   *data,
                                            SfPlanningPlace   place);
/* The teams at or under @place that will go over in the forecast
 * (const SfTeamForecast *), soonest hire-by first. */
GPtrArray      *sf_planning_teams_going_over (SfPlanningData *data,
                                              SfPlanningPlace place);
/* The first forecast point of @team whose status is over; SF_DAY_NONE. */
SfDay           sf_planning_first_over     (const SfTeamForecast *team);

/* The charts of a place: capacity against load and demand, utilisation
 * with the thresholds, and the FTE gap (NULL for a caseworker). */
SfChartModel   *sf_planning_capacity_chart    (SfPlanningData *data,
                                               SfPlanningPlace place);
SfChartModel   *sf_planning_utilisation_chart (SfPlanningData *data,
                                               SfPlanningPlace place);
SfChartModel   *sf_planning_gap_chart         (SfPlanningData *data,
                                               SfPlanningPlace place);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfPlanningData, sf_planning_data_unref)

G_END_DECLS
