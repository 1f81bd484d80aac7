/* sf-planning-scenario.c: a what-if scenario beside the Planning page's data
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-planning-scenario.h"

SfScenarioChange *
sf_planning_change_copy (const SfScenarioChange *change)
{
  SfScenarioChange *copy = g_new (SfScenarioChange, 1);

  *copy = *change;
  copy->initials = g_strdup (change->initials);
  copy->to = g_strdup (change->to);
  copy->team = g_strdup (change->team);
  copy->text = g_strdup (change->text);
  return copy;
}

void
sf_planning_change_free (SfScenarioChange *change)
{
  if (change == NULL)
    return;
  g_free (change->initials);
  g_free (change->to);
  g_free (change->team);
  g_free (change->text);
  g_free (change);
}

SfScenario *
sf_planning_scenario_copy (const SfScenario *scenario)
{
  SfScenario *copy = g_new0 (SfScenario, 1);

  copy->name = g_strdup (scenario->name);
  copy->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_planning_change_free);
  for (guint i = 0; i < scenario->changes->len; i++)
    g_ptr_array_add (copy->changes, sf_planning_change_copy (g_ptr_array_index (scenario->changes, i)));
  return copy;
}

SfPlanningCompare *
sf_planning_compare_compute (SfPlanningData   *data,
                             const SfScenario *scenario,
                             GCancellable     *cancellable)
{
  SfPlanningCompare *compare = g_new0 (SfPlanningCompare, 1);
  int months = data->settings.forecast_horizon;

  g_atomic_ref_count_init (&compare->ref_count);
  compare->data = sf_planning_data_ref (data);
  compare->scenario = sf_planning_scenario_copy (scenario);
  compare->result = sf_scenario_apply (compare->scenario, data->dataset, &data->settings, data->today);
  if (g_cancellable_is_cancelled (cancellable))
    return compare;
  compare->after = sf_scenario_figures_compute (compare->result->dataset, &compare->result->settings,
                                                data->today, months);
  if (g_cancellable_is_cancelled (cancellable))
    return compare;
  compare->before = sf_scenario_figures_compute (data->dataset, &data->settings, data->today, months);
  return compare;
}

void
sf_planning_compare_unref (SfPlanningCompare *compare)
{
  if (compare == NULL || !g_atomic_ref_count_dec (&compare->ref_count))
    return;
  /* The figures borrow the data sets: freed first */
  g_clear_pointer (&compare->before, sf_scenario_figures_free);
  g_clear_pointer (&compare->after, sf_scenario_figures_free);
  g_clear_pointer (&compare->result, sf_scenario_result_free);
  g_clear_pointer (&compare->scenario, sf_scenario_free);
  g_clear_pointer (&compare->data, sf_planning_data_unref);
  g_free (compare);
}

void
sf_compare_row_free (SfCompareRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->detail);
  g_free (row);
}

static const char *
team_name (const SfDataset *dataset,
           gint64           id)
{
  const SfTeam *team = sf_dataset_find_team (dataset, id);

  return team != NULL ? team->name : "";
}

static double
last_gap (const SfTeamForecast *tf)
{
  return tf != NULL && tf->points->len > 0
         ? g_array_index (tf->points, SfForecastPoint, tf->points->len - 1).gap : NAN;
}

static gboolean
same_number (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return fabs (a - b) < 1e-9;
}

static SfCompareRow *
row_new (SfCompareKind kind)
{
  SfCompareRow *row = g_new0 (SfCompareRow, 1);

  row->kind = kind;
  row->before = row->after = NAN;
  row->gap_before = row->gap_after = NAN;
  row->hire_by_before = row->hire_by_after = SF_DAY_NONE;
  return row;
}

static void
add_alerts (GPtrArray    *rows,
            GPtrArray    *alerts,
            GPtrArray    *others,
            SfCompareKind kind)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < others->len; i++)
    g_hash_table_add (seen, sf_alert_identity (g_ptr_array_index (others, i)));
  for (guint i = 0; i < alerts->len; i++)
    {
      const SfAlert *alert = g_ptr_array_index (alerts, i);
      g_autofree char *id = sf_alert_identity (alert);
      SfCompareRow *row;

      if (g_hash_table_contains (seen, id))
        continue;
      row = row_new (kind);
      row->name = g_strdup (alert->message);
      row->detail = g_strdup (alert->team_name);
      g_ptr_array_add (rows, row);
    }
}

GPtrArray *
sf_planning_compare_rows (SfPlanningCompare *compare)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_compare_row_free);
  const SfScenarioFigures *before = compare->before;
  const SfScenarioFigures *after = compare->after;
  const SfDataset *ds_after;

  if (before == NULL || after == NULL)
    return rows;
  ds_after = after->figures->dataset;

  /* Teams: the scenario keeps every team, in the same order */
  for (guint i = 0; i < before->figures->teams->len && i < after->figures->teams->len; i++)
    {
      const SfTeamFigures *b = &g_array_index (before->figures->teams, SfTeamFigures, i);
      const SfTeamFigures *a = &g_array_index (after->figures->teams, SfTeamFigures, i);
      const SfTeamForecast *fb = sf_forecast_find_team (before->forecast, b->team->id);
      const SfTeamForecast *fa = sf_forecast_find_team (after->forecast, a->team->id);
      SfCompareRow *row = row_new (SF_COMPARE_TEAM);

      row->name = g_strdup (b->team->name);
      row->before = sf_capacity_utilisation (b->load, b->capacity);
      row->after = sf_capacity_utilisation (a->load, a->capacity);
      row->status_before = sf_capacity_status (&before->figures->settings, b->load, b->capacity);
      row->status_after = sf_capacity_status (&after->figures->settings, a->load, a->capacity);
      row->has_status = (b->capacity > 0 || b->load > 0) && (a->capacity > 0 || a->load > 0);
      row->hire_by_before = fb != NULL ? fb->hire_by : SF_DAY_NONE;
      row->hire_by_after = fa != NULL ? fa->hire_by : SF_DAY_NONE;
      row->gap_before = last_gap (fb);
      row->gap_after = last_gap (fa);
      g_ptr_array_add (rows, row);
    }

  /* Caseworkers whose figures the scenario changes: everyone is kept, in
   * the same order */
  for (guint i = 0; i < before->figures->workers->len && i < after->figures->workers->len; i++)
    {
      const SfWorkerFigures *b = &g_array_index (before->figures->workers, SfWorkerFigures, i);
      const SfWorkerFigures *a = &g_array_index (after->figures->workers, SfWorkerFigures, i);
      SfCompareRow *row;

      if (b->worker->team_id == a->worker->team_id && same_number (b->utilisation, a->utilisation) &&
          b->status == a->status)
        continue;
      row = row_new (SF_COMPARE_WORKER);
      row->name = g_strdup_printf ("%s (%s)", a->worker->name, a->worker->initials);
      row->detail = g_strdup (team_name (ds_after, a->worker->team_id));
      row->before = b->utilisation;
      row->after = a->utilisation;
      row->status_before = b->status;
      row->status_after = a->status;
      row->has_status = TRUE;
      g_ptr_array_add (rows, row);
    }

  add_alerts (rows, after->alerts, before->alerts, SF_COMPARE_ALERT_APPEARS);
  add_alerts (rows, before->alerts, after->alerts, SF_COMPARE_ALERT_GOES);
  return rows;
}

GArray *
sf_planning_compare_forecast (SfPlanningCompare *compare,
                              SfPlanningPlace    place)
{
  SfPlanningData *data = compare->data;
  const SfForecast *forecast;

  if (compare->after == NULL)
    return NULL;
  forecast = compare->after->forecast;
  switch (place.level)
    {
    case SF_PLANNING_AREA:
      {
        gint64 id = g_array_index (data->dataset->areas, SfArea, place.index).id;

        for (guint a = 0; a < forecast->areas->len; a++)
          {
            const SfAreaForecast *af = &g_array_index (forecast->areas, SfAreaForecast, a);

            if (af->area->id == id)
              return af->points;
          }
        return NULL;
      }
    case SF_PLANNING_TEAM:
      {
        const SfTeamForecast *tf =
          sf_forecast_find_team (forecast, g_array_index (data->dataset->teams, SfTeam, place.index).id);

        return tf != NULL ? tf->points : NULL;
      }
    case SF_PLANNING_WORKER:
      return NULL;
    case SF_PLANNING_MUNICIPALITY:
    default:
      return forecast->municipality;
    }
}

void
sf_planning_compare_add_to_charts (SfPlanningCompare *compare,
                                   SfPlanningPlace    place,
                                   SfChartModel      *capacity,
                                   SfChartModel      *utilisation,
                                   SfChartModel      *gap)
{
  GArray *forecast = sf_planning_compare_forecast (compare, place);
  guint s_capacity, s_demand, s_used, s_gap = 0;

  if (forecast == NULL)
    return;
  s_capacity = sf_chart_model_add_series (capacity, _("Scenario capacity"), SF_CHART_DASH_DOT,
                                          SF_CHART_SQUARE, SF_CHART_FOREGROUND);
  s_demand = sf_chart_model_add_series (capacity, _("Scenario demand"), SF_CHART_DASH_DOT,
                                        SF_CHART_DIAMOND, SF_CHART_RED);
  s_used = sf_chart_model_add_series (utilisation, _("Scenario utilisation"), SF_CHART_DASH_DOT,
                                      SF_CHART_DIAMOND, SF_CHART_RED);
  if (gap != NULL)
    s_gap = sf_chart_model_add_series (gap, _("Scenario FTE gap"), SF_CHART_DASH_DOT,
                                       SF_CHART_SQUARE, SF_CHART_RED);
  for (guint k = 0; k < forecast->len; k++)
    {
      const SfForecastPoint *point = &g_array_index (forecast, SfForecastPoint, k);

      sf_chart_model_add_point (capacity, s_capacity, point->day, point->capacity);
      sf_chart_model_add_point (capacity, s_demand, point->day, point->demand);
      sf_chart_model_add_point (utilisation, s_used, point->day, point->utilisation);
      if (gap != NULL)
        sf_chart_model_add_point (gap, s_gap, point->day, point->gap);
    }
}
