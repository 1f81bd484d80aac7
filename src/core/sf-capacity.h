#pragma once

#include <glib.h>

#include "sf-model.h"
#include "sf-settings.h"

G_BEGIN_DECLS

/* The capacity model of DOMAIN.md as pure functions.  Each rule is here
 * once; the store, the CLI and the GUI only call it. */

/* The one tolerance for comparing figures (loads, norms, hours, factors):
 * a billionth, so that a load exactly at the norm (24 cases against
 * 30 × 29.6/37) is "at the norm", not over it by a rounding error of the
 * binary representation.  Every comparison of computed figures in core
 * uses it. */
#define SF_EPSILON 1e-9

double    sf_capacity_active_reductions (const SfReduction *reductions,
                                         guint              n_reductions,
                                         SfDay              ref);
gboolean  sf_capacity_is_absent         (const SfCaseworker *worker,
                                         SfDay               ref);
gboolean  sf_capacity_has_started       (const SfCaseworker *worker,
                                         SfDay               ref);
gboolean  sf_capacity_has_ended         (const SfCaseworker *worker,
                                         SfDay               ref);
double    sf_capacity_availability      (const SfSettings   *settings,
                                         double              weekly_hours,
                                         double              reduction_hours,
                                         gboolean            absent,
                                         gboolean            started);
gboolean  sf_capacity_is_new_hire       (const SfSettings   *settings,
                                         SfDay               start,
                                         SfDay               ref);
/* The first day someone who started on @start is no longer a new hire;
 * SF_DAY_NONE when they never were one. */
SfDay     sf_capacity_experienced_from  (const SfSettings   *settings,
                                         SfDay               start);
double    sf_capacity_experience        (const SfSettings   *settings,
                                         SfDay               start,
                                         SfDay               ref);
double    sf_capacity_base_norm         (const SfTeam       *team,
                                         const SfArea       *area);
double    sf_capacity_adjusted_norm     (double              base_norm,
                                         double              availability,
                                         double              experience,
                                         double              individual_factor);
gboolean  sf_capacity_case_is_open      (const SfCase       *kase,
                                         SfDay               ref);
double    sf_capacity_utilisation       (double              weighted_load,
                                         double              adjusted_norm);
SfStatus  sf_capacity_status            (const SfSettings   *settings,
                                         double              weighted_load,
                                         double              adjusted_norm);

typedef struct
{
  const SfCaseworker *worker;
  const SfTeam       *team;
  guint   open_cases;                      /* open cases counted on this person */
  guint   cases_by_complexity[SF_N_COMPLEXITIES];
  guint   covering_cases;                  /* of those, covered for an absent/other colleague */
  guint   primary_cases;                   /* open cases where this person is primary */
  guint   primary_by_complexity[SF_N_COMPLEXITIES];  /* of those, by complexity: covered or not */
  guint   uncovered_cases;                 /* of those, counted on nobody: absent or left, no cover */
  guint   uncovered_by_complexity[SF_N_COMPLEXITIES];
  double  uncovered_load;
  double  weighted_load;                   /* Σ cases_by_complexity × weight */
  double  reduction_hours;                 /* active on the reference date */
  gboolean absent;
  gboolean started;
  gboolean ended;                          /* past the end date */
  gboolean new_hire;
  double  availability;
  double  experience;
  double  individual_factor;
  double  base_norm;
  double  adjusted_norm;
  double  utilisation;                     /* NAN where the norm is 0 */
  SfStatus status;
} SfWorkerFigures;

typedef struct
{
  const SfTeam *team;
  const SfArea *area;
  guint   members;                         /* caseworkers, and planned hires from their start */
  guint   planned_hires;                   /* of those, planned hires */
  double  base_norm;
  double  availability_sum;
  double  fte_available;
  double  fte_needed;
  double  capacity;
  double  load;
  guint   open_cases;                      /* counted on members */
  guint   uncovered_cases;                 /* primary absent, no cover */
  double  uncovered_load;
  guint   members_with_capacity;
  guint   members_within;                  /* of those, utilisation <= 1 */
  double  compliance;                      /* NAN with no member with capacity */
  double  cases_per_fte;                   /* NAN where availability sums to 0 */
  guint   n_over;
  guint   n_near;
} SfTeamFigures;

typedef struct
{
  SfDay            ref;
  SfSettings       settings;
  const SfDataset *dataset;                /* borrowed */
  GArray          *workers;                /* SfWorkerFigures, dataset->caseworkers order */
  GArray          *teams;                  /* SfTeamFigures, dataset->teams order */
} SfFigures;

SfFigures *sf_figures_compute (const SfDataset  *dataset,
                               const SfSettings *settings,
                               SfDay             ref);
SfFigures *sf_figures_compute_counted (const SfDataset  *dataset,
                                       const SfSettings *settings,
                                       SfDay             ref,
                                       const GArray     *open_cases);
void       sf_figures_free    (SfFigures        *figures);
void       sf_figures_update  (SfFigures        *figures,
                               const gint64     *caseworker_ids,
                               guint             n_caseworker_ids,
                               GArray           *team_ids);
const SfWorkerFigures *sf_figures_find_worker (const SfFigures *figures,
                                               gint64           caseworker_id);
const SfTeamFigures   *sf_figures_find_team   (const SfFigures *figures,
                                               gint64           team_id);

/* The figures on a run of days, ascending, from one pass over the dated
 * events (cases opening and closing) instead of one pass over every case a
 * day: what sf_figures_compute() gives on each day, to the last bit. */
typedef struct _SfSweep SfSweep;

SfSweep         *sf_sweep_new        (const SfDataset  *dataset,
                                      const SfSettings *settings);
/* The same for the caseworkers marked in @only (by index) alone: their
 * figures, and those of teams all of whose members are marked; the others'
 * are left zero. */
SfSweep         *sf_sweep_new_some   (const SfDataset  *dataset,
                                      const SfSettings *settings,
                                      const guint8     *only);
/* The figures on @day, which is not before the day of the previous call;
 * owned by @sweep, valid until the next call. */
const SfFigures *sf_sweep_figures_on (SfSweep          *sweep,
                                      SfDay             day);
void             sf_sweep_free       (SfSweep          *sweep);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfFigures, sf_figures_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfSweep, sf_sweep_free)

G_END_DECLS
