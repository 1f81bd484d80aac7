#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sf-forecast.h"
#include "sf-text.h"

static void
clear_team_forecast (gpointer data)
{
  SfTeamForecast *tf = data;

  g_clear_pointer (&tf->points, g_array_unref);
  g_clear_pointer (&tf->events, g_array_unref);
}

static void
clear_area_forecast (gpointer data)
{
  SfAreaForecast *af = data;

  g_clear_pointer (&af->points, g_array_unref);
}

void
sf_forecast_free (SfForecast *forecast)
{
  if (forecast == NULL)
    return;
  g_clear_pointer (&forecast->teams, g_array_unref);
  g_clear_pointer (&forecast->areas, g_array_unref);
  g_clear_pointer (&forecast->municipality, g_array_unref);
  g_free (forecast);
}

const SfTeamForecast *
sf_forecast_find_team (const SfForecast *forecast,
                       gint64            team_id)
{
  int i = sf_rows_find (forecast->dataset->teams, team_id);

  return i < 0 ? NULL : &g_array_index (forecast->teams, SfTeamForecast, i);
}

/* The net inflow of every team (dataset->teams order), in one pass over the cases. */
static double *
net_inflows (const SfDataset  *dataset,
             const SfSettings *settings,
             SfDay             ref,
             int               months)
{
  SfDay to = sf_day_month_start (ref, 0);
  SfDay from = sf_day_month_start (ref, -months);
  double *started = g_new0 (double, MAX (dataset->teams->len, 1));
  g_autofree double *closed = g_new0 (double, MAX (dataset->teams->len, 1));
  g_autofree int *team_of_worker = g_new (int, MAX (dataset->caseworkers->len, 1));

  for (guint w = 0; w < dataset->caseworkers->len; w++)
    team_of_worker[w] = sf_rows_find (dataset->teams,
                                      g_array_index (dataset->caseworkers, SfCaseworker, w).team_id);
  for (guint i = 0; i < dataset->cases->len; i++)
    {
      const SfCase *kase = &g_array_index (dataset->cases, SfCase, i);
      double weight = settings->weights[kase->complexity];
      int w = sf_rows_find (dataset->caseworkers, kase->caseworker_id);
      int t = w >= 0 ? team_of_worker[w] : -1;

      if (t < 0)
        continue;
      if (kase->start != SF_DAY_NONE && kase->start >= from && kase->start < to)
        started[t] += weight;
      if (kase->closed != SF_DAY_NONE && kase->closed >= from && kase->closed < to)
        closed[t] += weight;
    }
  for (guint t = 0; t < dataset->teams->len; t++)
    started[t] = (started[t] - closed[t]) / months;
  return started;
}

double
sf_forecast_net_inflow (const SfDataset  *dataset,
                        const SfSettings *settings,
                        gint64            team_id,
                        SfDay             ref,
                        int               months)
{
  g_autofree double *inflow = NULL;
  int t = sf_rows_find (dataset->teams, team_id);

  g_return_val_if_fail (months > 0, 0.0);

  if (t < 0)
    return 0.0;
  inflow = net_inflows (dataset, settings, ref, months);
  return inflow[t];
}

/* Utilisation, gap and status from the sums. */
static void
finish_point (const SfSettings *settings,
              SfForecastPoint  *point)
{
  point->utilisation = sf_capacity_utilisation (point->demand, point->capacity);
  point->gap = point->fte_needed - point->fte_available;
  point->status = sf_capacity_status (settings, point->demand, point->capacity);
}

static void
add_point (SfForecastPoint       *sum,
           const SfForecastPoint *point)
{
  sum->demand += point->demand;
  sum->capacity += point->capacity;
  sum->fte_available += point->fte_available;
  if (!isnan (point->fte_needed))
    sum->fte_needed += point->fte_needed;
}

static void
add_event (GArray              *events,
           SfDay                day,
           SfForecastEventKind  kind,
           const SfCaseworker  *worker,
           const SfPlannedHire *hire,
           double               hours)
{
  SfForecastEvent event = { day, kind, worker, hire, hours };

  g_array_append_val (events, event);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const SfForecastEvent *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

/* The dated facts of each team's people that change its figures after
 * @ref and on or before @last, into @events (one array a team, in
 * dataset->teams order), in one pass over the people. */
static void
team_events (const SfDataset  *dataset,
             const SfSettings *settings,
             SfDay             ref,
             SfDay             last,
             GArray          **events)
{
#define WITHIN(day) ((day) != SF_DAY_NONE && (day) > ref && (day) <= last)

  for (guint w = 0; w < dataset->caseworkers->len; w++)
    {
      const SfCaseworker *worker = &g_array_index (dataset->caseworkers, SfCaseworker, w);
      int t = sf_rows_find (dataset->teams, worker->team_id);
      guint n_reductions;
      guint first = sf_dataset_find_reductions (dataset, worker->id, &n_reductions);
      gboolean absent = worker->absence_kind != NULL && worker->absence_kind[0] != '\0';
      SfDay experienced = sf_capacity_experienced_from (settings, worker->start);
      GArray *team;

      if (t < 0)
        continue;
      team = events[t];
      if (WITHIN (worker->start))
        add_event (team, worker->start, SF_FORECAST_STARTS, worker, NULL, 0);
      if (worker->end != SF_DAY_NONE && WITHIN (worker->end + 1))
        add_event (team, worker->end + 1, SF_FORECAST_LEAVES, worker, NULL, 0);
      if (absent && WITHIN (worker->absence_from))
        add_event (team, worker->absence_from, SF_FORECAST_ABSENCE_STARTS, worker, NULL, 0);
      if (absent && worker->absence_to != SF_DAY_NONE && WITHIN (worker->absence_to + 1))
        add_event (team, worker->absence_to + 1, SF_FORECAST_RETURNS, worker, NULL, 0);
      if (WITHIN (experienced))
        add_event (team, experienced, SF_FORECAST_EXPERIENCED, worker, NULL, 0);
      for (guint r = 0; r < n_reductions; r++)
        {
          const SfReduction *reduction = &g_array_index (dataset->reductions, SfReduction, first + r);

          if (WITHIN (reduction->from))
            add_event (team, reduction->from, SF_FORECAST_REDUCTION_STARTS, worker, NULL,
                       reduction->hours);
          if (reduction->to != SF_DAY_NONE && WITHIN (reduction->to + 1))
            add_event (team, reduction->to + 1, SF_FORECAST_REDUCTION_ENDS, worker, NULL,
                       reduction->hours);
        }
    }
  for (guint h = 0; h < dataset->planned_hires->len; h++)
    {
      const SfPlannedHire *hire = &g_array_index (dataset->planned_hires, SfPlannedHire, h);
      int t = sf_rows_find (dataset->teams, hire->team_id);
      SfDay experienced = sf_capacity_experienced_from (settings, hire->start);

      if (t < 0)
        continue;
      if (WITHIN (hire->start))
        add_event (events[t], hire->start, SF_FORECAST_HIRE_STARTS, NULL, hire, hire->weekly_hours);
      if (WITHIN (experienced))
        add_event (events[t], experienced, SF_FORECAST_HIRE_EXPERIENCED, NULL, hire, hire->weekly_hours);
    }
#undef WITHIN
  for (guint t = 0; t < dataset->teams->len; t++)
    g_array_sort (events[t], compare_events);
}

SfForecast *
sf_forecast_compute (const SfDataset  *dataset,
                     const SfSettings *settings,
                     SfDay             ref,
                     int               months)
{
  g_autoptr(SfForecast) forecast = g_new0 (SfForecast, 1);
  g_autoptr(SfSweep) sweep = sf_sweep_new (dataset, settings);
  g_autofree double *inflow = NULL;
  g_autofree int *team_of_worker = NULL;
  g_autofree double *demand = NULL;
  g_autofree GArray **events = NULL;
  guint n_teams = dataset->teams->len;

  g_return_val_if_fail (months > 0, NULL);

  forecast->ref = ref;
  forecast->months = months;
  forecast->settings = *settings;
  forecast->dataset = dataset;
  forecast->teams = g_array_sized_new (FALSE, TRUE, sizeof (SfTeamForecast), n_teams);
  g_array_set_clear_func (forecast->teams, clear_team_forecast);
  forecast->areas = g_array_new (FALSE, TRUE, sizeof (SfAreaForecast));
  g_array_set_clear_func (forecast->areas, clear_area_forecast);
  forecast->municipality = g_array_sized_new (FALSE, TRUE, sizeof (SfForecastPoint), months);

  inflow = net_inflows (dataset, settings, ref, settings->forecast_history_months);
  team_of_worker = g_new (int, MAX (dataset->caseworkers->len, 1));
  for (guint w = 0; w < dataset->caseworkers->len; w++)
    team_of_worker[w] = sf_rows_find (dataset->teams,
                                      g_array_index (dataset->caseworkers, SfCaseworker, w).team_id);
  demand = g_new (double, MAX (n_teams, 1));
  events = g_new (GArray *, MAX (n_teams, 1));

  for (guint t = 0; t < n_teams; t++)
    events[t] = g_array_new (FALSE, FALSE, sizeof (SfForecastEvent));
  team_events (dataset, settings, ref, sf_day_month_start (ref, months), events);
  for (guint t = 0; t < n_teams; t++)
    {
      const SfTeam *team = &g_array_index (dataset->teams, SfTeam, t);
      SfTeamForecast tf = { team, sf_dataset_find_area (dataset, team->area_id), inflow[t], SF_DAY_NONE };

      tf.points = g_array_sized_new (FALSE, TRUE, sizeof (SfForecastPoint), months);
      tf.events = events[t];
      g_array_append_val (forecast->teams, tf);
    }

  for (int k = 1; k <= months; k++)
    {
      SfDay day = sf_day_month_start (ref, k);
      const SfFigures *figures = sf_sweep_figures_on (sweep, day);
      SfForecastPoint total = { .day = day };

      /* The weight of the cases open on the day, by their primary
       * caseworker's team, covered or not: in caseworker order */
      for (guint t = 0; t < n_teams; t++)
        demand[t] = 0.0;
      for (guint w = 0; w < figures->workers->len; w++)
        {
          const SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, w);

          if (team_of_worker[w] < 0)
            continue;
          for (int c = 0; c < SF_N_COMPLEXITIES; c++)
            demand[team_of_worker[w]] += wf->primary_by_complexity[c] * settings->weights[c];
        }

      for (guint t = 0; t < n_teams; t++)
        {
          SfTeamForecast *tf = &g_array_index (forecast->teams, SfTeamForecast, t);
          const SfTeamFigures *figs = &g_array_index (figures->teams, SfTeamFigures, t);
          SfForecastPoint point = { .day = day };

          point.demand = MAX (0.0, demand[t] + k * tf->net_inflow);
          point.capacity = figs->capacity;
          point.fte_available = figs->fte_available;
          point.fte_needed = figs->base_norm > 0 ? point.demand / figs->base_norm : NAN;
          finish_point (settings, &point);
          g_array_append_val (tf->points, point);
          add_point (&total, &point);

          if (tf->hire_by == SF_DAY_NONE && point.status == SF_STATUS_OVER)
            tf->hire_by = MAX (ref, sf_day_month_start (day, -settings->hiring_lead_months));
        }
      finish_point (settings, &total);
      g_array_append_val (forecast->municipality, total);
    }

  /* Areas: the sums of their teams, point by point */
  for (guint a = 0; a < dataset->areas->len; a++)
    {
      const SfArea *area = &g_array_index (dataset->areas, SfArea, a);
      SfAreaForecast af = { area, NULL };

      for (guint t = 0; t < n_teams; t++)
        {
          const SfTeamForecast *tf = &g_array_index (forecast->teams, SfTeamForecast, t);

          if (tf->area != area)
            continue;
          if (af.points == NULL)
            {
              af.points = g_array_sized_new (FALSE, TRUE, sizeof (SfForecastPoint), months);
              g_array_set_size (af.points, months);
              for (int k = 0; k < months; k++)
                g_array_index (af.points, SfForecastPoint, k).day =
                  g_array_index (tf->points, SfForecastPoint, k).day;
            }
          for (int k = 0; k < months; k++)
            add_point (&g_array_index (af.points, SfForecastPoint, k),
                       &g_array_index (tf->points, SfForecastPoint, k));
        }
      if (af.points == NULL)
        continue;
      for (int k = 0; k < months; k++)
        finish_point (settings, &g_array_index (af.points, SfForecastPoint, k));
      g_array_append_val (forecast->areas, af);
    }

  return g_steal_pointer (&forecast);
}

const char *
sf_forecast_event_kind_to_key (SfForecastEventKind kind)
{
  switch (kind)
    {
    case SF_FORECAST_STARTS: return "starts";
    case SF_FORECAST_LEAVES: return "leaves";
    case SF_FORECAST_ABSENCE_STARTS: return "absence-starts";
    case SF_FORECAST_RETURNS: return "returns";
    case SF_FORECAST_REDUCTION_STARTS: return "reduction-starts";
    case SF_FORECAST_REDUCTION_ENDS: return "reduction-ends";
    case SF_FORECAST_EXPERIENCED: return "new-hire-factor-ends";
    case SF_FORECAST_HIRE_STARTS: return "planned-hire-starts";
    case SF_FORECAST_HIRE_EXPERIENCED: return "planned-hire-factor-ends";
    default: g_return_val_if_reached (NULL);
    }
}

char *
sf_forecast_event_describe (const SfForecastEvent *event)
{
  const SfCaseworker *w = event->worker;
  g_autofree char *hours = sf_format_hours (event->hours);
  g_autofree char *last = NULL;

  switch (event->kind)
    {
    case SF_FORECAST_STARTS:
      return g_strdup_printf (_("%s (%s) starts"), w->name, w->initials);
    case SF_FORECAST_LEAVES:
      last = sf_day_format (w->end);
      return g_strdup_printf (_("%s (%s) leaves (last working day %s)"), w->name, w->initials, last);
    case SF_FORECAST_ABSENCE_STARTS:
      return g_strdup_printf (_("%s (%s) is absent from this day"), w->name, w->initials);
    case SF_FORECAST_RETURNS:
      return g_strdup_printf (_("%s (%s) returns from absence"), w->name, w->initials);
    case SF_FORECAST_REDUCTION_STARTS:
      return g_strdup_printf (_("%s (%s): a reduction of %s hours a week starts"), w->name, w->initials, hours);
    case SF_FORECAST_REDUCTION_ENDS:
      return g_strdup_printf (_("%s (%s): a reduction of %s hours a week ends"), w->name, w->initials, hours);
    case SF_FORECAST_EXPERIENCED:
      return g_strdup_printf (_("%s (%s) is no longer a new hire: the new-hire factor ends"),
                              w->name, w->initials);
    case SF_FORECAST_HIRE_STARTS:
      return g_strdup_printf (_("A planned hire of %s hours a week starts"), hours);
    case SF_FORECAST_HIRE_EXPERIENCED:
      return g_strdup (_("The planned hire is no longer a new hire: the new-hire factor ends"));
    default:
      g_return_val_if_reached (NULL);
    }
}
