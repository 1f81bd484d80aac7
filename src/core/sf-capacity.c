#include "config.h"

#include <math.h>

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

/* availability = clamp ((hours − reductions) / full time, 0, 1); 0 when
 * absent or not yet started. */
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
gboolean
sf_capacity_is_new_hire (const SfSettings *settings,
                         SfDay             start,
                         SfDay             ref)
{
  if (start == SF_DAY_NONE || settings->new_hire_months <= 0)
    return FALSE;
  return ref < sf_day_add_months (start, (guint) settings->new_hire_months);
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
 * team make of their norm.  Clears the load, which count_case() adds. */
static void
compute_worker (SfFigures       *figures,
                SfWorkerFigures *wf)
{
  const SfSettings *settings = &figures->settings;
  const SfCaseworker *worker = wf->worker;
  const SfTeamFigures *tf = sf_figures_find_team (figures, worker->team_id);
  guint n_reductions;
  guint first = sf_dataset_find_reductions (figures->dataset, worker->id, &n_reductions);
  const SfReduction *reductions = n_reductions > 0
                                  ? &g_array_index (figures->dataset->reductions, SfReduction, first) : NULL;
  SfDay ref = figures->ref;

  *wf = (SfWorkerFigures) { .worker = worker };
  wf->team = tf ? tf->team : NULL;
  wf->base_norm = tf ? tf->base_norm : 0.0;
  wf->reduction_hours = sf_capacity_active_reductions (reductions, n_reductions, ref);
  wf->absent = sf_capacity_is_absent (worker, ref);
  wf->started = sf_capacity_has_started (worker, ref);
  wf->new_hire = sf_capacity_is_new_hire (settings, worker->start, ref);
  wf->availability = sf_capacity_availability (settings, worker->weekly_hours,
                                               wf->reduction_hours, wf->absent, wf->started);
  wf->experience = sf_capacity_experience (settings, worker->start, ref);
  wf->individual_factor = worker->individual_factor;
  wf->adjusted_norm = sf_capacity_adjusted_norm (wf->base_norm, wf->availability,
                                                 wf->experience, wf->individual_factor);
}

/* Load: each open case counts on its responsible person, the covering
 * colleague if one is set; a case whose primary caseworker is absent and
 * that nobody covers counts on nobody and is shown as uncovered (on the
 * primary caseworker's figures, and so on their team's).  With @only, the
 * case is counted on the caseworkers (by index) marked in it alone. */
static void
count_case (SfFigures    *figures,
            const SfCase *kase,
            const guint8 *only)
{
  const GArray *workers = figures->dataset->caseworkers;
  SfWorkerFigures *responsible;
  double weight;
  int p, c;

  if (!sf_capacity_case_is_open (kase, figures->ref))
    return;
  p = sf_rows_find (workers, kase->caseworker_id);
  if (p < 0)
    return;
  weight = figures->settings.weights[kase->complexity];
  if (only == NULL || only[p])
    g_array_index (figures->workers, SfWorkerFigures, p).primary_cases++;

  if (kase->cover_id != 0 && (c = sf_rows_find (workers, kase->cover_id)) >= 0)
    {
      if (only != NULL && !only[c])
        return;
      responsible = &g_array_index (figures->workers, SfWorkerFigures, c);
      responsible->covering_cases++;
    }
  else
    {
      if (only != NULL && !only[p])
        return;
      responsible = &g_array_index (figures->workers, SfWorkerFigures, p);
      if (responsible->absent)
        {
          responsible->uncovered_cases++;
          responsible->uncovered_load += weight;
          return;
        }
    }

  responsible->open_cases++;
  responsible->cases_by_complexity[kase->complexity]++;
  responsible->weighted_load += weight;
}

static void
finish_worker (SfFigures       *figures,
               SfWorkerFigures *wf)
{
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

static void
finish_team (SfTeamFigures *tf)
{
  tf->fte_needed = tf->base_norm > 0 ? tf->load / tf->base_norm : NAN;
  if (tf->members_with_capacity > 0)
    tf->compliance = (double) tf->members_within / tf->members_with_capacity;
  if (tf->availability_sum > 0)
    tf->cases_per_fte = tf->open_cases / tf->availability_sum;
}

SfFigures *
sf_figures_compute (const SfDataset  *dataset,
                    const SfSettings *settings,
                    SfDay             ref)
{
  g_autoptr(SfFigures) figures = g_new0 (SfFigures, 1);
  const GArray *workers = dataset->caseworkers;

  figures->ref = ref;
  figures->settings = *settings;
  figures->dataset = dataset;
  figures->workers = g_array_sized_new (FALSE, TRUE, sizeof (SfWorkerFigures), workers->len);
  g_array_set_size (figures->workers, workers->len);
  figures->teams = g_array_sized_new (FALSE, TRUE, sizeof (SfTeamFigures), dataset->teams->len);
  g_array_set_size (figures->teams, dataset->teams->len);

  for (guint i = 0; i < dataset->teams->len; i++)
    clear_team (figures, &g_array_index (figures->teams, SfTeamFigures, i),
                &g_array_index (dataset->teams, SfTeam, i));

  for (guint i = 0; i < workers->len; i++)
    {
      SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, i);

      wf->worker = &g_array_index (workers, SfCaseworker, i);
      compute_worker (figures, wf);
    }

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
    finish_team (&g_array_index (figures->teams, SfTeamFigures, i));

  return g_steal_pointer (&figures);
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
      finish_team (tf);
    }
}
