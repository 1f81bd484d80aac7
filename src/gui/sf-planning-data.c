/* sf-planning-data.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-planning-data.h"

SfPlanningData *
sf_planning_data_compute (SfStore       *store,
                          SfDay          today,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(SfPlanningData) data = g_new0 (SfPlanningData, 1);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) recordings = NULL;

  g_atomic_ref_count_init (&data->ref_count);
  data->today = today;
  sf_settings_init_defaults (&data->settings);
  if (!sf_store_load_settings (store, &data->settings, error) ||
      (data->dataset = sf_store_load_dataset (store, error)) == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  days = sf_trend_days (today - 7 * SF_PLANNING_TREND_WEEKS, today, SF_TREND_WEEK);
  recordings = sf_figure_history_load_recordings (store, days, error);
  if (recordings == NULL)
    return NULL;
  data->points = sf_trend_compute (data->dataset, &data->settings, days, recordings);
  for (guint i = 0; i < data->points->len; i++)
    if (((SfTrendPoint *) g_ptr_array_index (data->points, i))->recorded)
      data->n_recorded++;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  data->forecast = sf_forecast_compute (data->dataset, &data->settings, today,
                                        data->settings.forecast_horizon);
  return g_steal_pointer (&data);
}

SfPlanningData *
sf_planning_data_ref (SfPlanningData *data)
{
  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

void
sf_planning_data_unref (SfPlanningData *data)
{
  if (data == NULL || !g_atomic_ref_count_dec (&data->ref_count))
    return;
  g_clear_pointer (&data->points, g_ptr_array_unref);
  g_clear_pointer (&data->forecast, sf_forecast_free);
  g_clear_pointer (&data->dataset, sf_dataset_free);
  g_free (data);
}

static const SfArea *
area_at (SfPlanningData *data,
         guint           index)
{
  return &g_array_index (data->dataset->areas, SfArea, index);
}

static const SfTeam *
team_at (SfPlanningData *data,
         guint           index)
{
  return &g_array_index (data->dataset->teams, SfTeam, index);
}

static const SfCaseworker *
worker_at (SfPlanningData *data,
           guint           index)
{
  return &g_array_index (data->dataset->caseworkers, SfCaseworker, index);
}

gint64
sf_planning_place_id (SfPlanningData  *data,
                      SfPlanningPlace  place)
{
  switch (place.level)
    {
    case SF_PLANNING_AREA:
      return area_at (data, place.index)->id;
    case SF_PLANNING_TEAM:
      return team_at (data, place.index)->id;
    case SF_PLANNING_WORKER:
      return worker_at (data, place.index)->id;
    case SF_PLANNING_MUNICIPALITY:
    default:
      return 0;
    }
}

SfPlanningPlace
sf_planning_place_find (SfPlanningData  *data,
                        SfPlanningLevel  level,
                        gint64           id)
{
  SfPlanningPlace place = { SF_PLANNING_MUNICIPALITY, 0 };
  GArray *array = NULL;
  gsize size = 0;
  gconstpointer found = NULL;

  switch (level)
    {
    case SF_PLANNING_AREA:
      array = data->dataset->areas;
      size = sizeof (SfArea);
      found = sf_dataset_find_area (data->dataset, id);
      break;
    case SF_PLANNING_TEAM:
      array = data->dataset->teams;
      size = sizeof (SfTeam);
      found = sf_dataset_find_team (data->dataset, id);
      break;
    case SF_PLANNING_WORKER:
      array = data->dataset->caseworkers;
      size = sizeof (SfCaseworker);
      found = sf_dataset_find_caseworker (data->dataset, id);
      break;
    case SF_PLANNING_MUNICIPALITY:
    default:
      break;
    }
  if (found != NULL)
    {
      place.level = level;
      place.index = (guint) (((const char *) found - array->data) / size);
    }
  return place;
}

char *
sf_planning_place_title (SfPlanningData  *data,
                         SfPlanningPlace  place)
{
  switch (place.level)
    {
    case SF_PLANNING_AREA:
      return g_strdup (area_at (data, place.index)->name);
    case SF_PLANNING_TEAM:
      return g_strdup (team_at (data, place.index)->name);
    case SF_PLANNING_WORKER:
      {
        const SfCaseworker *worker = worker_at (data, place.index);

        return g_strdup_printf ("%s (%s)", worker->name, worker->initials);
      }
    case SF_PLANNING_MUNICIPALITY:
    default:
      return g_strdup (_("The municipality"));
    }
}

gboolean
sf_planning_place_parent (SfPlanningData  *data,
                          SfPlanningPlace  place,
                          SfPlanningPlace *parent)
{
  /* (Caseworkers outside a team, teams outside an area and the areas hang
   * under the municipality) */
  switch (place.level)
    {
    case SF_PLANNING_WORKER:
      *parent = sf_planning_place_find (data, SF_PLANNING_TEAM, worker_at (data, place.index)->team_id);
      return TRUE;
    case SF_PLANNING_TEAM:
      *parent = sf_planning_place_find (data, SF_PLANNING_AREA, team_at (data, place.index)->area_id);
      return TRUE;
    case SF_PLANNING_AREA:
      *parent = (SfPlanningPlace) { SF_PLANNING_MUNICIPALITY, 0 };
      return TRUE;
    case SF_PLANNING_MUNICIPALITY:
    default:
      return FALSE;
    }
}

static int
compare_places (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const SfPlanningPlace *x = a;
  const SfPlanningPlace *y = b;
  g_autofree char *p = NULL;
  g_autofree char *q = NULL;

  if (x->level != y->level)
    return x->level < y->level ? -1 : 1;
  p = sf_planning_place_title (user_data, *x);
  q = sf_planning_place_title (user_data, *y);
  return g_utf8_collate (p, q);
}

static void
append_place (GArray          *places,
              SfPlanningLevel  level,
              guint            index)
{
  SfPlanningPlace place = { level, index };

  g_array_append_val (places, place);
}

GArray *
sf_planning_place_children (SfPlanningData  *data,
                            SfPlanningPlace  place)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (SfPlanningPlace));
  const SfDataset *dataset = data->dataset;

  switch (place.level)
    {
    case SF_PLANNING_MUNICIPALITY:
      for (guint a = 0; a < dataset->areas->len; a++)
        {
          gint64 id = g_array_index (dataset->areas, SfArea, a).id;

          for (guint t = 0; t < dataset->teams->len; t++)
            if (g_array_index (dataset->teams, SfTeam, t).area_id == id)
              {
                append_place (out, SF_PLANNING_AREA, a);
                break;
              }
        }
      /* Teams without an area hang under the municipality */
      for (guint t = 0; t < dataset->teams->len; t++)
        if (sf_dataset_find_area (dataset, g_array_index (dataset->teams, SfTeam, t).area_id) == NULL)
          append_place (out, SF_PLANNING_TEAM, t);
      break;
    case SF_PLANNING_AREA:
      for (guint t = 0; t < dataset->teams->len; t++)
        if (g_array_index (dataset->teams, SfTeam, t).area_id == area_at (data, place.index)->id)
          append_place (out, SF_PLANNING_TEAM, t);
      break;
    case SF_PLANNING_TEAM:
      {
        SfDay first = ((SfTrendPoint *) g_ptr_array_index (data->points, 0))->day;

        for (guint w = 0; w < dataset->caseworkers->len; w++)
          {
            const SfCaseworker *worker = worker_at (data, w);

            /* Those who left before the trend begins have nothing to show */
            if (worker->team_id == team_at (data, place.index)->id &&
                (worker->end == SF_DAY_NONE || worker->end >= first))
              append_place (out, SF_PLANNING_WORKER, w);
          }
      }
      break;
    case SF_PLANNING_WORKER:
    default:
      break;
    }
  g_array_sort_with_data (out, compare_places, data);
  return out;
}

static void
from_totals (const SfTrendTotals *totals,
             SfPlanningFigures   *out)
{
  *out = (SfPlanningFigures) { totals->capacity, totals->load, totals->utilisation,
                               totals->fte_available, totals->fte_needed, totals->open_cases };
}

void
sf_planning_place_figures (SfPlanningData    *data,
                           SfPlanningPlace    place,
                           guint              point,
                           SfPlanningFigures *out)
{
  const SfTrendPoint *p = g_ptr_array_index (data->points, point);

  switch (place.level)
    {
    case SF_PLANNING_AREA:
      from_totals (&g_array_index (p->areas, SfTrendTotals, place.index), out);
      break;
    case SF_PLANNING_TEAM:
      {
        const SfTeamFigures *tf = &g_array_index (p->teams, SfTeamFigures, place.index);

        *out = (SfPlanningFigures) { tf->capacity, tf->load, sf_trend_team_utilisation (tf),
                                     tf->fte_available, tf->fte_needed, tf->open_cases };
      }
      break;
    case SF_PLANNING_WORKER:
      {
        const SfTrendWorker *tw = &g_array_index (p->workers, SfTrendWorker, place.index);

        *out = (SfPlanningFigures) { tw->adjusted_norm, tw->load, tw->utilisation,
                                     NAN, NAN, tw->open_cases };
      }
      break;
    case SF_PLANNING_MUNICIPALITY:
    default:
      from_totals (&p->municipality, out);
      break;
    }
}

GArray *
sf_planning_place_forecast (SfPlanningData  *data,
                            SfPlanningPlace  place)
{
  const SfForecast *forecast = data->forecast;

  switch (place.level)
    {
    case SF_PLANNING_AREA:
      for (guint a = 0; a < forecast->areas->len; a++)
        {
          const SfAreaForecast *af = &g_array_index (forecast->areas, SfAreaForecast, a);

          if (af->area == area_at (data, place.index))
            return af->points;
        }
      return NULL;
    case SF_PLANNING_TEAM:
      return g_array_index (forecast->teams, SfTeamForecast, place.index).points;
    case SF_PLANNING_WORKER:
      return NULL;
    case SF_PLANNING_MUNICIPALITY:
    default:
      return forecast->municipality;
    }
}

SfDay
sf_planning_first_over (const SfTeamForecast *team)
{
  for (guint k = 0; k < team->points->len; k++)
    if (g_array_index (team->points, SfForecastPoint, k).status == SF_STATUS_OVER)
      return g_array_index (team->points, SfForecastPoint, k).day;
  return SF_DAY_NONE;
}

static int
compare_hire_by (gconstpointer a,
                 gconstpointer b)
{
  const SfTeamForecast *x = *(const SfTeamForecast * const *) a;
  const SfTeamForecast *y = *(const SfTeamForecast * const *) b;

  if (x->hire_by != y->hire_by)
    return x->hire_by < y->hire_by ? -1 : 1;
  return g_utf8_collate (x->team->name, y->team->name);
}

GPtrArray *
sf_planning_teams_going_over (SfPlanningData  *data,
                              SfPlanningPlace  place)
{
  GPtrArray *out = g_ptr_array_new ();

  if (place.level == SF_PLANNING_WORKER)
    return out;
  for (guint t = 0; t < data->forecast->teams->len; t++)
    {
      const SfTeamForecast *tf = &g_array_index (data->forecast->teams, SfTeamForecast, t);

      if (tf->hire_by == SF_DAY_NONE)
        continue;
      if ((place.level == SF_PLANNING_AREA && tf->team->area_id != area_at (data, place.index)->id) ||
          (place.level == SF_PLANNING_TEAM && t != place.index))
        continue;
      g_ptr_array_add (out, (gpointer) tf);
    }
  g_ptr_array_sort (out, compare_hire_by);
  return out;
}

/* ---- charts ------------------------------------------------------------- */

SfChartModel *
sf_planning_capacity_chart (SfPlanningData  *data,
                            SfPlanningPlace  place)
{
  gboolean worker = place.level == SF_PLANNING_WORKER;
  SfChartModel *model = sf_chart_model_new (worker ? _("Adjusted norm and load") : _("Capacity and demand"),
                                            SF_CHART_NUMBER, 1);
  GArray *forecast = sf_planning_place_forecast (data, place);
  guint capacity, load, demand = 0;

  capacity = sf_chart_model_add_series (model, worker ? _("Adjusted norm") : _("Capacity"),
                                        SF_CHART_SOLID, SF_CHART_CIRCLE, SF_CHART_FOREGROUND);
  load = sf_chart_model_add_series (model, C_("chart", "Load"), SF_CHART_DASHED, SF_CHART_SQUARE, SF_CHART_BLUE);
  if (forecast != NULL)
    demand = sf_chart_model_add_series (model, _("Forecast demand"), SF_CHART_DOTTED, SF_CHART_TRIANGLE,
                                        SF_CHART_ORANGE);
  for (guint i = 0; i < data->points->len; i++)
    {
      SfPlanningFigures figures;
      SfDay day = ((SfTrendPoint *) g_ptr_array_index (data->points, i))->day;

      sf_planning_place_figures (data, place, i, &figures);
      sf_chart_model_add_point (model, capacity, day, figures.capacity);
      sf_chart_model_add_point (model, load, day, figures.load);
    }
  for (guint k = 0; forecast != NULL && k < forecast->len; k++)
    {
      const SfForecastPoint *point = &g_array_index (forecast, SfForecastPoint, k);

      sf_chart_model_add_point (model, capacity, point->day, point->capacity);
      sf_chart_model_add_point (model, demand, point->day, point->demand);
    }
  sf_chart_model_set_today (model, data->today);
  return model;
}

SfChartModel *
sf_planning_utilisation_chart (SfPlanningData  *data,
                               SfPlanningPlace  place)
{
  SfChartModel *model = sf_chart_model_new (_("Utilisation"), SF_CHART_PERCENT, 0);
  GArray *forecast = sf_planning_place_forecast (data, place);
  g_autofree char *near_value = sf_format_decimal (data->settings.near_threshold * 100, 0);
  /* Translators: a threshold line in the utilisation chart; %s is a percentage */
  g_autofree char *near = g_strdup_printf (_("Near the norm (%s %%)"), near_value);
  guint used, forecast_used = 0;

  used = sf_chart_model_add_series (model, _("Utilisation"), SF_CHART_SOLID, SF_CHART_CIRCLE,
                                    SF_CHART_BLUE);
  if (forecast != NULL)
    forecast_used = sf_chart_model_add_series (model, _("Forecast utilisation"), SF_CHART_DOTTED,
                                               SF_CHART_TRIANGLE, SF_CHART_ORANGE);
  for (guint i = 0; i < data->points->len; i++)
    {
      SfPlanningFigures figures;

      sf_planning_place_figures (data, place, i, &figures);
      sf_chart_model_add_point (model, used, ((SfTrendPoint *) g_ptr_array_index (data->points, i))->day,
                                figures.utilisation);
    }
  for (guint k = 0; forecast != NULL && k < forecast->len; k++)
    {
      const SfForecastPoint *point = &g_array_index (forecast, SfForecastPoint, k);

      sf_chart_model_add_point (model, forecast_used, point->day, point->utilisation);
    }
  sf_chart_model_add_line (model, near, data->settings.near_threshold, SF_CHART_DASHED, SF_CHART_ORANGE);
  sf_chart_model_add_line (model, _("Over the norm (100 %)"), 1.0, SF_CHART_SOLID, SF_CHART_RED);
  sf_chart_model_set_today (model, data->today);
  return model;
}

SfChartModel *
sf_planning_gap_chart (SfPlanningData  *data,
                       SfPlanningPlace  place)
{
  SfChartModel *model;
  GArray *forecast = sf_planning_place_forecast (data, place);
  guint gap, forecast_gap = 0;

  if (place.level == SF_PLANNING_WORKER)
    return NULL;
  model = sf_chart_model_new (_("FTE gap: needed less available (above 0: short of people)"),
                              SF_CHART_NUMBER, 2);
  gap = sf_chart_model_add_series (model, _("FTE gap"), SF_CHART_SOLID, SF_CHART_DIAMOND, SF_CHART_BLUE);
  if (forecast != NULL)
    forecast_gap = sf_chart_model_add_series (model, _("Forecast FTE gap"), SF_CHART_DOTTED,
                                              SF_CHART_TRIANGLE, SF_CHART_ORANGE);
  for (guint i = 0; i < data->points->len; i++)
    {
      SfPlanningFigures figures;

      sf_planning_place_figures (data, place, i, &figures);
      sf_chart_model_add_point (model, gap, ((SfTrendPoint *) g_ptr_array_index (data->points, i))->day,
                                figures.fte_needed - figures.fte_available);
    }
  for (guint k = 0; forecast != NULL && k < forecast->len; k++)
    {
      const SfForecastPoint *point = &g_array_index (forecast, SfForecastPoint, k);

      sf_chart_model_add_point (model, forecast_gap, point->day, point->gap);
    }
  sf_chart_model_add_line (model, _("No gap"), 0.0, SF_CHART_DASHED, SF_CHART_RED);
  sf_chart_model_set_today (model, data->today);
  return model;
}
