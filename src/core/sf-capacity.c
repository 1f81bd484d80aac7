#include "config.h"

#include <math.h>
#include <string.h>

#include "sf-capacity.h"
#include "sf-norms.h"

double
sf_capacity_active_reductions (const SfReduction *reductions,
                               guint              n_reductions,
                               SfDay              ref)
{
  double hours = 0.0;

  for (guint i = 0; i < n_reductions; i++)
    if (sf_day_in_range (ref, reductions[i].from, reductions[i].to))
      hours += reductions[i].hours;
  return hours;
}

gboolean
sf_capacity_is_absent (const SfCaseworker *worker,
                       SfDay               ref)
{
  if (worker->absence_kind == NULL || worker->absence_kind[0] == '\0')
    return FALSE;
  return sf_day_in_range (ref, worker->absence_from, worker->absence_to);
}

gboolean
sf_capacity_has_started (const SfCaseworker *worker,
                         SfDay               ref)
{
  return worker->start == SF_DAY_NONE || worker->start <= ref;
}

/* The end date is the last working day: someone who leaves on 31 January
 * works that day and not on 1 February. */
gboolean
sf_capacity_has_ended (const SfCaseworker *worker,
                       SfDay               ref)
{
  return worker->end != SF_DAY_NONE && ref > worker->end;
}

/* availability = clamp ((hours − reductions) / full time, 0, 1); 0 when
 * absent, or not working on the day (@started is FALSE before the start
 * date and after the end date). */
double
sf_capacity_availability (const SfSettings *settings,
                          double            weekly_hours,
                          double            reduction_hours,
                          gboolean          absent,
                          gboolean          started)
{
  double availability;

  if (absent || !started || settings->full_time_hours <= 0)
    return 0.0;
  availability = (weekly_hours - reduction_hours) / settings->full_time_hours;
  return CLAMP (availability, 0.0, 1.0);
}

/* A new hire until the same day new_hire_months calendar months after the
 * start date: started 15 March, six months, is experienced from 15 September.
 * A start on 31 August becomes experienced on the last day of February. */
SfDay
sf_capacity_experienced_from (const SfSettings *settings,
                              SfDay             start)
{
  if (start == SF_DAY_NONE || settings->new_hire_months <= 0)
    return SF_DAY_NONE;
  return sf_day_add_months (start, (guint) settings->new_hire_months);
}

gboolean
sf_capacity_is_new_hire (const SfSettings *settings,
                         SfDay             start,
                         SfDay             ref)
{
  SfDay experienced = sf_capacity_experienced_from (settings, start);

  return experienced != SF_DAY_NONE && ref < experienced;
}

double
sf_capacity_experience (const SfSettings *settings,
                        SfDay             start,
                        SfDay             ref)
{
  return sf_capacity_is_new_hire (settings, start, ref) ? settings->new_hire_factor : 1.0;
}

/* The municipality's own cap replaces DS' upper figure where it is set.
 * A team in an own area has the upper end of that area's own range; an own
 * area without a range gives none (such a team must have a cap). */
double
sf_capacity_base_norm (const SfTeam *team,
                       const SfArea *area)
{
  double high;

  if (team->cap > 0)
    return team->cap;
  return area != NULL && sf_area_get_range (area, NULL, &high) ? high : 0.0;
}

double
sf_capacity_adjusted_norm (double base_norm,
                           double availability,
                           double experience,
                           double individual_factor)
{
  return base_norm * availability * experience * individual_factor;
}

/* A case is open on a day from its start date, and until the day before it
 * was closed: a case closed on or before the reference date does not count. */
gboolean
sf_capacity_case_is_open (const SfCase *kase,
                          SfDay         ref)
{
  if (kase->start != SF_DAY_NONE && kase->start > ref)
    return FALSE;
  if (kase->closed != SF_DAY_NONE && kase->closed <= ref)
    return FALSE;
  return TRUE;
}

double
sf_capacity_utilisation (double weighted_load,
                         double adjusted_norm)
{
  if (adjusted_norm <= 0)
    return NAN;
  return weighted_load / adjusted_norm;
}

SfStatus
sf_capacity_status (const SfSettings *settings,
                    double            weighted_load,
                    double            adjusted_norm)
{
  double utilisation;

  if (adjusted_norm <= 0)
    return weighted_load > 0 ? SF_STATUS_OVER : SF_STATUS_WITHIN;

  utilisation = weighted_load / adjusted_norm;
  if (utilisation > 1.0 + SF_EPSILON)
    return SF_STATUS_OVER;
  if (utilisation > settings->near_threshold + SF_EPSILON)
    return SF_STATUS_NEAR;
  return SF_STATUS_WITHIN;
}

void
sf_figures_free (SfFigures *figures)
{
  if (figures == NULL)
    return;
  g_clear_pointer (&figures->workers, g_array_unref);
  g_clear_pointer (&figures->teams, g_array_unref);
  g_free (figures);
}

const SfWorkerFigures *
sf_figures_find_worker (const SfFigures *figures,
                        gint64           caseworker_id)
{
  int i = sf_rows_find (figures->dataset->caseworkers, caseworker_id);

  return i < 0 ? NULL : &g_array_index (figures->workers, SfWorkerFigures, i);
}

const SfTeamFigures *
sf_figures_find_team (const SfFigures *figures,
                      gint64           team_id)
{
  int i = sf_rows_find (figures->dataset->teams, team_id);

  return i < 0 ? NULL : &g_array_index (figures->teams, SfTeamFigures, i);
}

/* Capacity: what a caseworker's hours, reductions, absence, start and
 * team (@tf, NULL for none) make of their norm, with @reductions theirs and
 * @experienced what sf_capacity_experienced_from() gives for them (looked
 * up once by a sweep).  Clears the load, which count_case() adds. */
static void
compute_worker_at (SfFigures           *figures,
                   SfWorkerFigures     *wf,
                   const SfTeamFigures *tf,
                   const SfReduction   *reductions,
                   guint                n_reductions,
                   SfDay                experienced)
{
  const SfSettings *settings = &figures->settings;
  const SfCaseworker *worker = wf->worker;
  SfDay ref = figures->ref;

  *wf = (SfWorkerFigures) { .worker = worker };
  wf->team = tf ? tf->team : NULL;
  wf->base_norm = tf ? tf->base_norm : 0.0;
  wf->reduction_hours = sf_capacity_active_reductions (reductions, n_reductions, ref);
  wf->absent = sf_capacity_is_absent (worker, ref);
  wf->started = sf_capacity_has_started (worker, ref);
  wf->ended = sf_capacity_has_ended (worker, ref);
  wf->new_hire = experienced != SF_DAY_NONE && ref < experienced;
  wf->availability = sf_capacity_availability (settings, worker->weekly_hours,
                                               wf->reduction_hours, wf->absent,
                                               wf->started && !wf->ended);
  wf->experience = wf->new_hire ? settings->new_hire_factor : 1.0;
  wf->individual_factor = worker->individual_factor;
  wf->adjusted_norm = sf_capacity_adjusted_norm (wf->base_norm, wf->availability,
                                                 wf->experience, wf->individual_factor);
}

static const SfReduction *
reductions_of (const SfDataset *dataset,
               gint64           caseworker_id,
               guint           *n_reductions)
{
  guint first = sf_dataset_find_reductions (dataset, caseworker_id, n_reductions);

  return *n_reductions > 0 ? &g_array_index (dataset->reductions, SfReduction, first) : NULL;
}

static void
compute_worker (SfFigures       *figures,
                SfWorkerFigures *wf)
{
  guint n_reductions;
  const SfReduction *reductions = reductions_of (figures->dataset, wf->worker->id, &n_reductions);

  compute_worker_at (figures, wf, sf_figures_find_team (figures, wf->worker->team_id),
                     reductions, n_reductions,
                     sf_capacity_experienced_from (&figures->settings, wf->worker->start));
}

/* Load: each open case counts on its responsible person, the covering
 * colleague if one is set; a case whose primary caseworker is absent (or
 * past their end date) and that nobody covers counts on nobody and is shown
 * as uncovered (on the primary caseworker's figures, and so on their
 * team's).  Cases are counted by complexity; finish_worker() weighs them.
 * @n open cases alike (the same primary caseworker, cover and complexity)
 * count at once.  With @only, they are counted on the caseworkers (by
 * index) marked in it alone. */
static void
count_open_cases (SfFigures    *figures,
                  gint64        caseworker_id,
                  gint64        cover_id,
                  SfComplexity  complexity,
                  guint         n,
                  const guint8 *only)
{
  const GArray *workers = figures->dataset->caseworkers;
  SfWorkerFigures *responsible;
  int p, c;

  p = sf_rows_find (workers, caseworker_id);
  if (p < 0)
    return;
  if (only == NULL || only[p])
    {
      SfWorkerFigures *primary = &g_array_index (figures->workers, SfWorkerFigures, p);

      primary->primary_cases += n;
      primary->primary_by_complexity[complexity] += n;
    }

  if (cover_id != 0 && (c = sf_rows_find (workers, cover_id)) >= 0)
    {
      if (only != NULL && !only[c])
        return;
      responsible = &g_array_index (figures->workers, SfWorkerFigures, c);
      responsible->covering_cases += n;
    }
  else
    {
      if (only != NULL && !only[p])
        return;
      responsible = &g_array_index (figures->workers, SfWorkerFigures, p);
      if (responsible->absent || responsible->ended)
        {
          responsible->uncovered_cases += n;
          responsible->uncovered_by_complexity[complexity] += n;
          return;
        }
    }

  responsible->open_cases += n;
  responsible->cases_by_complexity[complexity] += n;
}

static void
count_case (SfFigures    *figures,
            const SfCase *kase,
            const guint8 *only)
{
  if (sf_capacity_case_is_open (kase, figures->ref))
    count_open_cases (figures, kase->caseworker_id, kase->cover_id, kase->complexity, 1, only);
}

/* The loads weigh the counts: Σ count × weight, the same sum whichever way
 * the cases were counted (one by one here, or swept by sf-trend.c). */
static void
finish_worker (SfFigures       *figures,
               SfWorkerFigures *wf)
{
  wf->weighted_load = 0.0;
  wf->uncovered_load = 0.0;
  for (int c = 0; c < SF_N_COMPLEXITIES; c++)
    {
      wf->weighted_load += wf->cases_by_complexity[c] * figures->settings.weights[c];
      wf->uncovered_load += wf->uncovered_by_complexity[c] * figures->settings.weights[c];
    }
  wf->utilisation = sf_capacity_utilisation (wf->weighted_load, wf->adjusted_norm);
  wf->status = sf_capacity_status (&figures->settings, wf->weighted_load, wf->adjusted_norm);
}

static void
clear_team (SfFigures     *figures,
            SfTeamFigures *tf,
            const SfTeam  *team)
{
  *tf = (SfTeamFigures) { .team = team };
  tf->area = sf_dataset_find_area (figures->dataset, team->area_id);
  tf->base_norm = sf_capacity_base_norm (team, tf->area);
  tf->compliance = NAN;
  tf->cases_per_fte = NAN;
}

/* Members are added in caseworker order, whether all teams are summed or
 * one: the sums come out the same to the last bit either way. */
static void
add_member (SfTeamFigures         *tf,
            const SfWorkerFigures *wf)
{
  tf->members++;
  tf->availability_sum += wf->availability;
  tf->fte_available += wf->availability * wf->experience * wf->individual_factor;
  tf->capacity += wf->adjusted_norm;
  tf->load += wf->weighted_load;
  tf->open_cases += wf->open_cases;
  tf->uncovered_cases += wf->uncovered_cases;
  tf->uncovered_load += wf->uncovered_load;
  if (wf->adjusted_norm > 0)
    {
      tf->members_with_capacity++;
      if (wf->status != SF_STATUS_OVER)
        tf->members_within++;
    }
  if (wf->status == SF_STATUS_OVER)
    tf->n_over++;
  else if (wf->status == SF_STATUS_NEAR)
    tf->n_near++;
}

/* A planned hire counts like a caseworker with no cases from its start
 * date: full hours, no reductions, an individual factor of 1, the new-hire
 * factor for its first months.  FALSE before its start date. */
static gboolean
compute_hire (const SfFigures     *figures,
              const SfTeamFigures *tf,
              const SfPlannedHire *hire,
              SfWorkerFigures     *wf)
{
  const SfSettings *settings = &figures->settings;

  if (hire->start == SF_DAY_NONE || hire->start > figures->ref)
    return FALSE;
  *wf = (SfWorkerFigures) { .team = tf->team, .started = TRUE, .individual_factor = 1.0 };
  wf->base_norm = tf->base_norm;
  wf->new_hire = sf_capacity_is_new_hire (settings, hire->start, figures->ref);
  wf->experience = sf_capacity_experience (settings, hire->start, figures->ref);
  wf->availability = sf_capacity_availability (settings, hire->weekly_hours, 0.0, FALSE, TRUE);
  wf->adjusted_norm = sf_capacity_adjusted_norm (wf->base_norm, wf->availability,
                                                 wf->experience, wf->individual_factor);
  wf->utilisation = sf_capacity_utilisation (0.0, wf->adjusted_norm);
  wf->status = SF_STATUS_WITHIN;
  return TRUE;
}

/* Adds the planned hires of @tf that have started, after its caseworkers. */
static void
add_hires (const SfFigures *figures,
           SfTeamFigures   *tf)
{
  const GArray *hires = figures->dataset->planned_hires;

  for (guint i = 0; i < hires->len; i++)
    {
      const SfPlannedHire *hire = &g_array_index (hires, SfPlannedHire, i);
      SfWorkerFigures wf;

      if (hire->team_id == tf->team->id && compute_hire (figures, tf, hire, &wf))
        {
          add_member (tf, &wf);
          tf->planned_hires++;
        }
    }
}

static void
finish_team (SfTeamFigures *tf)
{
  tf->fte_needed = tf->base_norm > 0 ? tf->load / tf->base_norm : NAN;
  if (tf->members_with_capacity > 0)
    tf->compliance = (double) tf->members_within / tf->members_with_capacity;
  if (tf->availability_sum > 0)
    tf->cases_per_fte = tf->open_cases / tf->availability_sum;
}

/* Figures with room for every caseworker and team, all zero. */
static SfFigures *
figures_new (const SfDataset  *dataset,
             const SfSettings *settings,
             SfDay             ref)
{
  SfFigures *figures = g_new0 (SfFigures, 1);

  figures->ref = ref;
  figures->settings = *settings;
  figures->dataset = dataset;
  figures->workers = g_array_sized_new (FALSE, TRUE, sizeof (SfWorkerFigures), dataset->caseworkers->len);
  g_array_set_size (figures->workers, dataset->caseworkers->len);
  figures->teams = g_array_sized_new (FALSE, TRUE, sizeof (SfTeamFigures), dataset->teams->len);
  g_array_set_size (figures->teams, dataset->teams->len);
  return figures;
}

/* The figures on @ref, the open cases taken from @dataset's cases, or
 * from @open_cases (SfOpenCases) when it is given.  The cases' counts are
 * whole numbers, and the sums that weigh them and add up the teams go in
 * caseworker order either way: the figures are the same to the last bit. */
static SfFigures *
compute_figures (const SfDataset  *dataset,
                 const SfSettings *settings,
                 SfDay             ref,
                 const GArray     *open_cases)
{
  g_autoptr(SfFigures) figures = figures_new (dataset, settings, ref);
  const GArray *workers = dataset->caseworkers;

  for (guint i = 0; i < dataset->teams->len; i++)
    clear_team (figures, &g_array_index (figures->teams, SfTeamFigures, i),
                &g_array_index (dataset->teams, SfTeam, i));

  for (guint i = 0; i < workers->len; i++)
    {
      SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, i);

      wf->worker = &g_array_index (workers, SfCaseworker, i);
      compute_worker (figures, wf);
    }

  if (open_cases != NULL)
    for (guint i = 0; i < open_cases->len; i++)
      {
        const SfOpenCases *group = &g_array_index (open_cases, SfOpenCases, i);

        if (group->complexity < SF_N_COMPLEXITIES)
          count_open_cases (figures, group->caseworker_id, group->cover_id, group->complexity,
                            group->n, NULL);
      }
  else
    for (guint i = 0; i < dataset->cases->len; i++)
      count_case (figures, &g_array_index (dataset->cases, SfCase, i), NULL);

  for (guint i = 0; i < figures->workers->len; i++)
    {
      SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, i);
      SfTeamFigures *tf;

      finish_worker (figures, wf);
      tf = (SfTeamFigures *) sf_figures_find_team (figures, wf->worker->team_id);
      if (tf != NULL)
        add_member (tf, wf);
    }

  for (guint i = 0; i < figures->teams->len; i++)
    {
      SfTeamFigures *tf = &g_array_index (figures->teams, SfTeamFigures, i);

      add_hires (figures, tf);
      finish_team (tf);
    }

  return g_steal_pointer (&figures);
}

SfFigures *
sf_figures_compute (const SfDataset  *dataset,
                    const SfSettings *settings,
                    SfDay             ref)
{
  return compute_figures (dataset, settings, ref, NULL);
}

/* The figures on @ref from a dataset loaded without its cases and the
 * cases open on @ref counted (sf_store_load_counted()): what
 * sf_figures_compute() gives with the cases, to the last bit.  @dataset's
 * cases, if any, are not looked at. */
SfFigures *
sf_figures_compute_counted (const SfDataset  *dataset,
                            const SfSettings *settings,
                            SfDay             ref,
                            const GArray     *open_cases)
{
  g_return_val_if_fail (open_cases != NULL, NULL);

  return compute_figures (dataset, settings, ref, open_cases);
}

/* Computes again the figures of the caseworkers @caseworker_ids (which are
 * in the dataset; their rows, reductions or cases changed) and of the teams
 * @team_ids plus those of the caseworkers (a team a caseworker left is the
 * caller's to name), after the dataset was changed in place.  Reads every
 * case once, but counts it on those caseworkers alone: what a full compute
 * gives, to the last bit, for a fraction of the work.  The teams whose
 * figures were computed are added to @team_ids, a set kept ascending
 * (sf_ids_add()). */
void
sf_figures_update (SfFigures    *figures,
                   const gint64 *caseworker_ids,
                   guint         n_caseworker_ids,
                   GArray       *team_ids)
{
  const SfDataset *dataset = figures->dataset;
  g_autofree guint8 *only = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (figures->workers->len == dataset->caseworkers->len);
  g_return_if_fail (figures->teams->len == dataset->teams->len);

  only = g_new0 (guint8, MAX (dataset->caseworkers->len, 1));
  for (guint i = 0; i < n_caseworker_ids; i++)
    {
      int w = sf_rows_find (dataset->caseworkers, caseworker_ids[i]);
      SfWorkerFigures *wf;

      if (w < 0)
        continue;
      wf = &g_array_index (figures->workers, SfWorkerFigures, w);
      wf->worker = &g_array_index (dataset->caseworkers, SfCaseworker, w);
      compute_worker (figures, wf);
      only[w] = TRUE;
      sf_ids_add (ids, wf->worker->id);
      sf_ids_add (team_ids, wf->worker->team_id);
    }
  /* In the same order as a full compute, so that the sums are the same;
   * a case of none of them is passed by before the lookups */
  for (guint i = 0; ids->len > 0 && i < dataset->cases->len; i++)
    {
      const SfCase *kase = &g_array_index (dataset->cases, SfCase, i);

      if (sf_ids_contain (ids, kase->caseworker_id) ||
          (kase->cover_id != 0 && sf_ids_contain (ids, kase->cover_id)))
        count_case (figures, kase, only);
    }
  for (guint w = 0; w < figures->workers->len; w++)
    if (only[w])
      finish_worker (figures, &g_array_index (figures->workers, SfWorkerFigures, w));

  for (guint t = 0; t < team_ids->len; t++)
    {
      int i = sf_rows_find (dataset->teams, g_array_index (team_ids, gint64, t));
      SfTeamFigures *tf;

      if (i < 0)
        continue;
      tf = &g_array_index (figures->teams, SfTeamFigures, i);
      clear_team (figures, tf, &g_array_index (dataset->teams, SfTeam, i));
      for (guint w = 0; w < figures->workers->len; w++)
        {
          const SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, w);

          if (wf->worker->team_id == tf->team->id)
            add_member (tf, wf);
        }
      add_hires (figures, tf);
      finish_team (tf);
    }
}

/* ---- sweeping over days ------------------------------------------------ */

typedef struct
{
  SfDay  day;
  guint  kase;                 /* index in dataset->cases */
  int    delta;                /* +1 opens, -1 closes */
} Event;

typedef struct
{
  guint primary[SF_N_COMPLEXITIES];    /* open, this person primary, covered or not */
  guint own[SF_N_COMPLEXITIES];        /* of those, with no cover */
  guint covering[SF_N_COMPLEXITIES];   /* open, covered by this person */
} Counts;

struct _SfSweep
{
  SfFigures *figures;
  GArray    *events;           /* Event, by day */
  guint      next;             /* the first event not applied */
  int       *primary;          /* per case: index of its primary caseworker, -1 none */
  int       *cover;            /* per case: index of its covering colleague, -1 none */
  Counts    *counts;           /* per caseworker */
  int       *team;             /* per caseworker: index of the team, -1 none */
  guint     *first_reduction;  /* per caseworker: where their reductions begin */
  guint     *n_reductions;     /* and how many */
  SfDay     *experienced;      /* per caseworker: sf_capacity_experienced_from() */
  guint8    *only;             /* per caseworker: followed; NULL: everyone */
  guint8    *teams_only;       /* per team: has a followed member; NULL: every team */
};

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return x->kase < y->kase ? -1 : (x->kase > y->kase);
}

/* Sorts @events as compare_events() does, in one pass over them rather
 * than a comparison sort's millions of calls: counted by day over the days
 * they span, ties kept in the order they were added.  That is the case
 * order, as each case's events are added in case order and fall on
 * different days.  Days spread far wider than the events fall back to the
 * comparison sort. */
static void
sort_events (GArray *events)
{
  const Event *in = (const Event *) (gpointer) events->data;
  g_autofree guint *at = NULL;
  g_autofree Event *sorted = NULL;
  SfDay lo = G_MAXUINT32;
  SfDay hi = 0;
  gsize span;

  if (events->len < 2)
    return;
  for (guint i = 0; i < events->len; i++)
    {
      lo = MIN (lo, in[i].day);
      hi = MAX (hi, in[i].day);
    }
  span = (gsize) (hi - lo) + 1;
  if (span > 4 * (gsize) events->len + 65536)
    {
      g_array_sort (events, compare_events);
      return;
    }

  at = g_new0 (guint, span + 1);
  for (guint i = 0; i < events->len; i++)
    at[in[i].day - lo + 1]++;
  for (gsize d = 1; d <= span; d++)
    at[d] += at[d - 1];
  sorted = g_new (Event, events->len);
  for (guint i = 0; i < events->len; i++)
    sorted[at[in[i].day - lo]++] = in[i];
  memcpy (events->data, sorted, events->len * sizeof (Event));
}

SfSweep *
sf_sweep_new (const SfDataset  *dataset,
              const SfSettings *settings)
{
  return sf_sweep_new_some (dataset, settings, NULL);
}

SfSweep *
sf_sweep_new_some (const SfDataset  *dataset,
                   const SfSettings *settings,
                   const guint8     *only)
{
  SfSweep *sweep = g_new0 (SfSweep, 1);
  g_autofree int *index_of = NULL;   /* by caseworker id: index in the data set, or -1 */
  gint64 max_id = 0;
  guint n_cases = dataset->cases->len;
  guint n_workers = dataset->caseworkers->len;

  sweep->figures = figures_new (dataset, settings, SF_DAY_NONE);
  /* Every team named once; sf_sweep_figures_on() clears the followed */
  for (guint t = 0; t < dataset->teams->len; t++)
    clear_team (sweep->figures, &g_array_index (sweep->figures->teams, SfTeamFigures, t),
                &g_array_index (dataset->teams, SfTeam, t));
  if (only != NULL)
    {
      sweep->only = g_memdup2 (only, MAX (n_workers, 1));
      sweep->teams_only = g_new0 (guint8, MAX (dataset->teams->len, 1));
    }
  sweep->events = g_array_sized_new (FALSE, FALSE, sizeof (Event), 2 * n_cases);
  sweep->primary = g_new (int, MAX (n_cases, 1));
  sweep->cover = g_new (int, MAX (n_cases, 1));
  sweep->counts = g_new0 (Counts, MAX (n_workers, 1));
  sweep->team = g_new (int, MAX (n_workers, 1));
  sweep->first_reduction = g_new (guint, MAX (n_workers, 1));
  sweep->n_reductions = g_new (guint, MAX (n_workers, 1));
  sweep->experienced = g_new (SfDay, MAX (n_workers, 1));

  /* Each case's people found by id in a table rather than searched for
   * (ids are dense: a row's id is the next free one); ids spread far wider
   * than the people are searched for */
  if (n_workers > 0)
    max_id = g_array_index (dataset->caseworkers, SfCaseworker, n_workers - 1).id;
  if (max_id >= 0 && max_id <= 16 * (gint64) n_workers + 65536)
    {
      index_of = g_new (int, max_id + 1);
      memset (index_of, 0xff, (max_id + 1) * sizeof (int));
      for (guint w = 0; w < n_workers; w++)
        {
          gint64 id = g_array_index (dataset->caseworkers, SfCaseworker, w).id;

          if (id >= 0)
            index_of[id] = (int) w;
        }
    }
#define INDEX_OF(id) (index_of != NULL ? ((id) > 0 && (id) <= max_id ? index_of[id] : -1) \
                                       : sf_rows_find (dataset->caseworkers, (id)))
#define FOLLOWED(w) ((w) >= 0 && (only == NULL || only[w]))

  for (guint w = 0; w < n_workers; w++)
    {
      const SfCaseworker *worker = &g_array_index (dataset->caseworkers, SfCaseworker, w);

      sweep->team[w] = -1;
      if (only != NULL && !only[w])
        continue;
      sweep->team[w] = sf_rows_find (dataset->teams, worker->team_id);
      if (only != NULL && sweep->team[w] >= 0)
        sweep->teams_only[sweep->team[w]] = TRUE;
      sweep->first_reduction[w] = sf_dataset_find_reductions (dataset, worker->id, &sweep->n_reductions[w]);
      sweep->experienced[w] = sf_capacity_experienced_from (settings, worker->start);
    }

  for (guint i = 0; i < n_cases; i++)
    {
      const SfCase *kase = &g_array_index (dataset->cases, SfCase, i);
      Event open = { kase->start, i, +1 };
      Event close = { kase->closed, i, -1 };

      sweep->primary[i] = INDEX_OF (kase->caseworker_id);
      sweep->cover[i] = kase->cover_id != 0 ? INDEX_OF (kase->cover_id) : -1;
      /* With @only, most cases touch nobody followed */
      if (!FOLLOWED (sweep->primary[i]) && !FOLLOWED (sweep->cover[i]))
        {
          sweep->primary[i] = sweep->cover[i] = -1;
          continue;
        }
      if (sweep->primary[i] < 0)
        continue;
      /* Open from its start (from the beginning without one) until the day
       * it was closed; closed on or before its start, it never was. */
      if (kase->start != SF_DAY_NONE && kase->closed != SF_DAY_NONE && kase->closed <= kase->start)
        continue;
      g_array_append_val (sweep->events, open);
      if (kase->closed != SF_DAY_NONE)
        g_array_append_val (sweep->events, close);
    }
#undef FOLLOWED
#undef INDEX_OF
  sort_events (sweep->events);
  return sweep;
}

void
sf_sweep_free (SfSweep *sweep)
{
  if (sweep == NULL)
    return;
  sf_figures_free (sweep->figures);
  g_array_unref (sweep->events);
  g_free (sweep->primary);
  g_free (sweep->cover);
  g_free (sweep->counts);
  g_free (sweep->team);
  g_free (sweep->first_reduction);
  g_free (sweep->n_reductions);
  g_free (sweep->experienced);
  g_free (sweep->only);
  g_free (sweep->teams_only);
  g_free (sweep);
}

static void
apply_event (SfSweep     *sweep,
             const Event *event)
{
  const SfCase *kase = &g_array_index (sweep->figures->dataset->cases, SfCase, event->kase);
  Counts *primary = &sweep->counts[sweep->primary[event->kase]];
  int cover = sweep->cover[event->kase];

  primary->primary[kase->complexity] += event->delta;
  if (cover >= 0)
    sweep->counts[cover].covering[kase->complexity] += event->delta;
  else
    primary->own[kase->complexity] += event->delta;
}

/* What count_case() makes of every open case, from the counts. */
static void
fill_worker (SfWorkerFigures *wf,
             const Counts    *counts)
{
  for (int c = 0; c < SF_N_COMPLEXITIES; c++)
    {
      wf->primary_cases += counts->primary[c];
      wf->primary_by_complexity[c] = counts->primary[c];
      wf->covering_cases += counts->covering[c];
      wf->open_cases += counts->covering[c];
      wf->cases_by_complexity[c] = counts->covering[c];
      if (wf->absent || wf->ended)
        {
          wf->uncovered_cases += counts->own[c];
          wf->uncovered_by_complexity[c] = counts->own[c];
        }
      else
        {
          wf->open_cases += counts->own[c];
          wf->cases_by_complexity[c] += counts->own[c];
        }
    }
}

const SfFigures *
sf_sweep_figures_on (SfSweep *sweep,
                     SfDay    day)
{
  SfFigures *figures = sweep->figures;
  const SfDataset *dataset = figures->dataset;

  g_return_val_if_fail (day >= figures->ref, NULL);

  while (sweep->next < sweep->events->len &&
         g_array_index (sweep->events, Event, sweep->next).day <= day)
    apply_event (sweep, &g_array_index (sweep->events, Event, sweep->next++));

  figures->ref = day;
  for (guint i = 0; i < dataset->teams->len; i++)
    if (sweep->teams_only == NULL || sweep->teams_only[i])
      clear_team (figures, &g_array_index (figures->teams, SfTeamFigures, i),
                  &g_array_index (dataset->teams, SfTeam, i));
  for (guint i = 0; i < figures->workers->len; i++)
    {
      SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, i);
      SfTeamFigures *tf = sweep->team[i] >= 0 ? &g_array_index (figures->teams, SfTeamFigures, sweep->team[i]) : NULL;

      if (sweep->only != NULL && !sweep->only[i])
        continue;
      wf->worker = &g_array_index (dataset->caseworkers, SfCaseworker, i);
      compute_worker_at (figures, wf, tf,
                         sweep->n_reductions[i] > 0
                         ? &g_array_index (dataset->reductions, SfReduction, sweep->first_reduction[i]) : NULL,
                         sweep->n_reductions[i], sweep->experienced[i]);
      fill_worker (wf, &sweep->counts[i]);
      finish_worker (figures, wf);
      if (tf != NULL)
        add_member (tf, wf);
    }
  for (guint i = 0; i < figures->teams->len; i++)
    {
      SfTeamFigures *tf = &g_array_index (figures->teams, SfTeamFigures, i);

      if (sweep->teams_only != NULL && !sweep->teams_only[i])
        continue;
      add_hires (figures, tf);
      finish_team (tf);
    }
  return figures;
}
