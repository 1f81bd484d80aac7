#include "config.h"

#include <math.h>

#include "sf-trend.h"

void
sf_recording_free (SfRecording *recording)
{
  if (recording == NULL)
    return;
  g_clear_pointer (&recording->workers, g_hash_table_unref);
  g_clear_pointer (&recording->teams, g_hash_table_unref);
  g_free (recording);
}

void
sf_trend_point_free (SfTrendPoint *point)
{
  if (point == NULL)
    return;
  g_clear_pointer (&point->workers, g_array_unref);
  g_clear_pointer (&point->teams, g_array_unref);
  g_clear_pointer (&point->areas, g_array_unref);
  g_free (point);
}

gboolean
sf_trend_step_parse (const char  *text,
                     SfTrendStep *out)
{
  if (g_strcmp0 (text, "week") == 0)
    *out = SF_TREND_WEEK;
  else if (g_strcmp0 (text, "month") == 0)
    *out = SF_TREND_MONTH;
  else
    return FALSE;
  return TRUE;
}

const char *
sf_trend_step_to_key (SfTrendStep step)
{
  return step == SF_TREND_WEEK ? "week" : "month";
}

GArray *
sf_trend_days (SfDay       from,
               SfDay       to,
               SfTrendStep step)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (SfDay));

  if (from == SF_DAY_NONE || to == SF_DAY_NONE || from > to)
    return days;
  if (step == SF_TREND_WEEK)
    {
      for (SfDay day = to; day >= from && day > 7; day -= 7)
        g_array_prepend_val (days, day);
    }
  else
    {
      SfDay day = sf_day_month_start (from, 0);

      if (day < from)
        day = sf_day_month_start (from, 1);
      for (; day <= to; day = sf_day_month_start (day, 1))
        g_array_append_val (days, day);
    }
  return days;
}

double
sf_trend_team_utilisation (const SfTeamFigures *tf)
{
  return sf_capacity_utilisation (tf->load, tf->capacity);
}

static void
add_totals (SfTrendTotals       *sum,
            const SfTeamFigures *tf)
{
  sum->capacity += tf->capacity;
  sum->load += tf->load;
  sum->fte_available += tf->fte_available;
  if (!isnan (tf->fte_needed))
    sum->fte_needed += tf->fte_needed;
  sum->open_cases += tf->open_cases;
}

/* What the history recorded replaces what was computed, where it has it. */
static void
apply_recording (SfTrendPoint      *point,
                 const SfDataset   *dataset,
                 const SfRecording *recording)
{
  for (guint i = 0; i < point->workers->len; i++)
    {
      const SfCaseworker *worker = &g_array_index (dataset->caseworkers, SfCaseworker, i);
      const SfRecorded *row = g_hash_table_lookup (recording->workers, &worker->id);
      SfTrendWorker *tw = &g_array_index (point->workers, SfTrendWorker, i);

      if (row == NULL)
        continue;
      tw->open_cases = row->open_cases;
      tw->load = row->load;
      tw->adjusted_norm = row->norm;
      tw->utilisation = sf_capacity_utilisation (row->load, row->norm);
      tw->status = row->status;
    }
  for (guint i = 0; i < point->teams->len; i++)
    {
      SfTeamFigures *tf = &g_array_index (point->teams, SfTeamFigures, i);
      const SfRecorded *row = g_hash_table_lookup (recording->teams, &tf->team->id);

      if (row == NULL)
        continue;
      tf->open_cases = row->open_cases;
      tf->load = row->load;
      tf->capacity = row->norm;
      tf->uncovered_cases = row->uncovered_cases;
      tf->fte_needed = tf->base_norm > 0 ? tf->load / tf->base_norm : NAN;
    }
}

static SfTrendPoint *
make_point (const SfFigures   *figures,
            const SfRecording *recording)
{
  const SfDataset *dataset = figures->dataset;
  SfTrendPoint *point = g_new0 (SfTrendPoint, 1);

  point->day = figures->ref;
  point->recorded = recording != NULL;
  point->workers = g_array_sized_new (FALSE, TRUE, sizeof (SfTrendWorker), figures->workers->len);
  g_array_set_size (point->workers, figures->workers->len);
  for (guint i = 0; i < figures->workers->len; i++)
    {
      const SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, i);
      SfTrendWorker *tw = &g_array_index (point->workers, SfTrendWorker, i);

      tw->open_cases = wf->open_cases;
      tw->load = wf->weighted_load;
      tw->adjusted_norm = wf->adjusted_norm;
      tw->utilisation = wf->utilisation;
      tw->status = wf->status;
    }
  point->teams = g_array_sized_new (FALSE, FALSE, sizeof (SfTeamFigures), figures->teams->len);
  g_array_append_vals (point->teams, figures->teams->data, figures->teams->len);
  if (recording != NULL)
    apply_recording (point, dataset, recording);

  point->areas = g_array_sized_new (FALSE, TRUE, sizeof (SfTrendTotals), dataset->areas->len);
  g_array_set_size (point->areas, dataset->areas->len);
  for (guint i = 0; i < point->teams->len; i++)
    {
      const SfTeamFigures *tf = &g_array_index (point->teams, SfTeamFigures, i);
      int a = tf->area != NULL ? sf_rows_find (dataset->areas, tf->area->id) : -1;

      if (a >= 0)
        add_totals (&g_array_index (point->areas, SfTrendTotals, a), tf);
      add_totals (&point->municipality, tf);
    }
  for (guint a = 0; a < point->areas->len; a++)
    {
      SfTrendTotals *totals = &g_array_index (point->areas, SfTrendTotals, a);

      totals->utilisation = sf_capacity_utilisation (totals->load, totals->capacity);
    }
  point->municipality.utilisation = sf_capacity_utilisation (point->municipality.load,
                                                             point->municipality.capacity);
  return point;
}

GPtrArray *
sf_trend_compute (const SfDataset  *dataset,
                  const SfSettings *settings,
                  const GArray     *days,
                  GPtrArray        *recordings)
{
  return sf_trend_compute_some (dataset, settings, days, recordings, NULL);
}

GPtrArray *
sf_trend_compute_some (const SfDataset  *dataset,
                       const SfSettings *settings,
                       const GArray     *days,
                       GPtrArray        *recordings,
                       const guint8     *only)
{
  g_autoptr(SfSweep) sweep = sf_sweep_new_some (dataset, settings, only);
  GPtrArray *points = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_trend_point_free);

  g_return_val_if_fail (recordings == NULL || recordings->len == days->len, points);

  for (guint i = 0; i < days->len; i++)
    {
      const SfFigures *figures = sf_sweep_figures_on (sweep, g_array_index (days, SfDay, i));

      g_ptr_array_add (points, make_point (figures, recordings != NULL ? g_ptr_array_index (recordings, i) : NULL));
    }
  return points;
}
