/* The capacity model on examples worked out by hand from DOMAIN.md. */

#include <math.h>

#include "sf-core.h"
#include "sf-test-data.h"
#include "sf-test-util.h"

#define EPS 1e-9

static void
test_defaults (void)
{
  SfSettings s = sf_test_default_settings ();

  g_assert_cmpfloat (s.full_time_hours, ==, 37);
  g_assert_cmpfloat (s.weights[SF_COMPLEXITY_ENKEL], ==, 0.5);
  g_assert_cmpfloat (s.weights[SF_COMPLEXITY_KOMPLEKS], ==, 1.0);
  g_assert_cmpfloat (s.weights[SF_COMPLEXITY_SAERLIGT_KOMPLICERET], ==, 2.0);
  g_assert_cmpfloat (s.new_hire_factor, ==, 0.7);
  g_assert_cmpint (s.new_hire_months, ==, 6);
  g_assert_cmpfloat (s.near_threshold, ==, 0.90);
}

static void
test_availability (void)
{
  SfSettings s = sf_test_default_settings ();

  g_assert_cmpfloat_with_epsilon (sf_capacity_availability (&s, 37, 0, FALSE, TRUE), 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (sf_capacity_availability (&s, 30, 0, FALSE, TRUE), 30.0 / 37, EPS);
  /* Part-time plus a reduction: (30 − 4) / 37 */
  g_assert_cmpfloat_with_epsilon (sf_capacity_availability (&s, 30, 4, FALSE, TRUE), 26.0 / 37, EPS);
  /* Clamped at both ends. */
  g_assert_cmpfloat (sf_capacity_availability (&s, 10, 12, FALSE, TRUE), ==, 0.0);
  g_assert_cmpfloat (sf_capacity_availability (&s, 40, 0, FALSE, TRUE), ==, 1.0);
  /* Absent, or not yet started: no capacity. */
  g_assert_cmpfloat (sf_capacity_availability (&s, 37, 0, TRUE, TRUE), ==, 0.0);
  g_assert_cmpfloat (sf_capacity_availability (&s, 37, 0, FALSE, FALSE), ==, 0.0);
  /* Another full-time figure. */
  s.full_time_hours = 40;
  g_assert_cmpfloat_with_epsilon (sf_capacity_availability (&s, 30, 0, FALSE, TRUE), 0.75, EPS);
}

static void
test_reductions (void)
{
  SfReduction r[3] = {
    { .hours = 4, .reason = SF_REDUCTION_UNION },
    { .hours = 3, .reason = SF_REDUCTION_EDUCATION },
    { .hours = 2, .reason = SF_REDUCTION_PROJECT },
  };
  SfDay ref = sf_test_day ("2024-06-15");

  r[1].from = sf_test_day ("2024-06-15");      /* starts today: counts */
  r[1].to = sf_test_day ("2024-12-31");
  r[2].from = sf_test_day ("2024-01-01");
  r[2].to = sf_test_day ("2024-06-14");        /* ended yesterday: does not */
  g_assert_cmpfloat (sf_capacity_active_reductions (r, 3, ref), ==, 7);
  g_assert_cmpfloat (sf_capacity_active_reductions (r, 3, sf_test_day ("2024-06-14")), ==, 6);
  g_assert_cmpfloat (sf_capacity_active_reductions (r, 0, ref), ==, 0);
}

static void
test_new_hire_boundary (void)
{
  SfSettings s = sf_test_default_settings ();
  SfDay start = sf_test_day ("2024-03-15");

  g_assert_true (sf_capacity_is_new_hire (&s, start, sf_test_day ("2024-03-15")));
  g_assert_true (sf_capacity_is_new_hire (&s, start, sf_test_day ("2024-09-14")));
  /* Exactly six calendar months later: no longer a new hire. */
  g_assert_false (sf_capacity_is_new_hire (&s, start, sf_test_day ("2024-09-15")));
  g_assert_cmpfloat (sf_capacity_experience (&s, start, sf_test_day ("2024-09-14")), ==, 0.7);
  g_assert_cmpfloat (sf_capacity_experience (&s, start, sf_test_day ("2024-09-15")), ==, 1.0);

  /* 31 August + 6 months is the last day of February. */
  start = sf_test_day ("2024-08-31");
  g_assert_true (sf_capacity_is_new_hire (&s, start, sf_test_day ("2025-02-27")));
  g_assert_false (sf_capacity_is_new_hire (&s, start, sf_test_day ("2025-02-28")));

  /* No start date: long-serving.  The setting changes the period. */
  g_assert_false (sf_capacity_is_new_hire (&s, SF_DAY_NONE, sf_test_day ("2024-01-01")));
  s.new_hire_months = 12;
  g_assert_true (sf_capacity_is_new_hire (&s, sf_test_day ("2024-03-15"), sf_test_day ("2025-03-14")));
  g_assert_false (sf_capacity_is_new_hire (&s, sf_test_day ("2024-03-15"), sf_test_day ("2025-03-15")));
}

static void
test_adjusted_norm (void)
{
  SfSettings s = sf_test_default_settings ();
  double availability = sf_capacity_availability (&s, 30, 4, FALSE, TRUE);

  /* 30 × 26/37 × 0.7 × 0.8 = 436.8 / 37 */
  g_assert_cmpfloat_with_epsilon (sf_capacity_adjusted_norm (30, availability, 0.7, 0.8), 436.8 / 37, EPS);
  g_assert_cmpfloat (sf_capacity_adjusted_norm (30, 0, 1, 1), ==, 0);
}

static void
test_base_norm (void)
{
  SfArea area = { .ds_low = 20, .ds_high = 30 };
  SfTeam team = { .cap = 0 };

  g_assert_cmpfloat (sf_capacity_base_norm (&team, &area), ==, 30);
  team.cap = 25;
  g_assert_cmpfloat (sf_capacity_base_norm (&team, &area), ==, 25);
}

static void
test_status_thresholds (void)
{
  SfSettings s = sf_test_default_settings ();
  SfSettings a = sf_test_default_settings ();
  double norm = sf_capacity_adjusted_norm (30, sf_capacity_availability (&s, 29.6, 0, FALSE, TRUE), 1, 1);

  /* 29.6 / 37 = 0.8, norm 24: a load of exactly 24 is at the norm. */
  g_assert_cmpfloat_with_epsilon (norm, 24, EPS);
  g_assert_cmpint (sf_capacity_status (&s, 24, norm), ==, SF_STATUS_NEAR);
  g_assert_cmpint (sf_capacity_status (&s, 24.5, norm), ==, SF_STATUS_OVER);

  g_assert_cmpint (sf_capacity_status (&s, 27, 30), ==, SF_STATUS_WITHIN);   /* 0.90 exactly */
  g_assert_cmpint (sf_capacity_status (&s, 27.5, 30), ==, SF_STATUS_NEAR);
  g_assert_cmpint (sf_capacity_status (&s, 30, 30), ==, SF_STATUS_NEAR);     /* 1.00 exactly */
  g_assert_cmpint (sf_capacity_status (&s, 30.5, 30), ==, SF_STATUS_OVER);
  g_assert_cmpint (sf_capacity_status (&s, 0, 30), ==, SF_STATUS_WITHIN);

  /* No capacity: over with any load, within without. */
  g_assert_cmpint (sf_capacity_status (&s, 0.5, 0), ==, SF_STATUS_OVER);
  g_assert_cmpint (sf_capacity_status (&s, 0, 0), ==, SF_STATUS_WITHIN);
  g_assert_true (isnan (sf_capacity_utilisation (3, 0)));
  g_assert_cmpfloat_with_epsilon (sf_capacity_utilisation (27, 30), 0.9, EPS);

  a.near_threshold = 0.8;
  g_assert_cmpint (sf_capacity_status (&a, 25, 30), ==, SF_STATUS_NEAR);
}

static void
test_case_open (void)
{
  SfDay ref = sf_test_day ("2024-06-15");
  SfCase c = { .start = sf_test_day ("2024-01-01") };

  g_assert_true (sf_capacity_case_is_open (&c, ref));
  c.closed = ref;
  g_assert_false (sf_capacity_case_is_open (&c, ref));   /* closed on the day */
  c.closed = ref + 1;
  g_assert_true (sf_capacity_case_is_open (&c, ref));    /* closes tomorrow */
  c.closed = SF_DAY_NONE;
  c.start = ref + 1;
  g_assert_false (sf_capacity_case_is_open (&c, ref));   /* not started yet */
  c.start = ref;
  g_assert_true (sf_capacity_case_is_open (&c, ref));
  c.start = SF_DAY_NONE;
  g_assert_true (sf_capacity_case_is_open (&c, ref));
}

/* ---- a whole organisation -------------------------------------------- */

static const SfWorkerFigures *
worker (const SfFigures *f,
        gint64           id)
{
  const SfWorkerFigures *wf = sf_figures_find_worker (f, id);

  g_assert_nonnull (wf);
  return wf;
}

static const SfTeamFigures *
team (const SfFigures *f,
      gint64           id)
{
  const SfTeamFigures *tf = sf_figures_find_team (f, id);

  g_assert_nonnull (tf);
  return tf;
}

/* Team 1 (Børn og familie, DS 20–30, no cap), reference 2024-06-15:
 *   A  37 h, long-serving.  Open: 9 kompleks + 1 kompleks closing tomorrow,
 *      4 enkel, 2 særligt kompliceret = 10 + 2 + 4 = 16; covers 3 kompleks
 *      of C → load 19, 19 open cases.  Not counted: 1 closed today, 1 that
 *      starts tomorrow.  Norm 30, utilisation 19/30.
 *   B  30 h with 4 h TR, started 2024-04-15 (new hire), factor 0.5:
 *      norm 30 × 26/37 × 0.7 × 0.5 = 273/37; 8 enkel → load 4.
 *   C  absent; 5 kompleks as primary: 3 covered by A, 2 uncovered.
 *   D  starts 2024-07-01: no capacity yet, but 1 kompleks → over.
 * Team figures: availability Σ = 1 + 26/37 = 63/37; FTE available =
 * 1 + 26/37 × 0.7 × 0.5 = 1 + 9.1/37; capacity 30 + 273/37; load 19 + 4 + 1
 * = 24; FTE needed 24/30; compliance 2/2 (C and D have no capacity);
 * cases per FTE = (19 + 8 + 1) / (63/37) = 28 × 37 / 63.
 *
 * Team 2 (Sygedagpenge, DS 35–50, municipal cap 20):
 *   E  37 h, 18 kompleks → 0.90: within.   F  37 h, 21 kompleks: over.
 *   compliance 1/2.
 * Team 3 (Sygedagpenge, no cap): G absent, nothing covered, 2 enkel:
 *   no member with capacity → compliance and cases per FTE undefined. */
static SfDataset *
build_organisation (SfDay ref)
{
  SfDataset *ds = sf_dataset_new ();
  SfCaseworker *w;
  SfReduction tr = { .id = 1, .caseworker_id = 2, .hours = 4, .reason = SF_REDUCTION_UNION };
  SfDay long_ago = sf_test_day ("2015-01-01");

  sf_test_add_area (ds, 1, "boern-familie", 20, 30);
  sf_test_add_area (ds, 2, "sygedagpenge", 35, 50);
  sf_test_add_team (ds, 1, "Familie", 1, 0);
  sf_test_add_team (ds, 2, "Sygedagpenge", 2, 20);
  sf_test_add_team (ds, 3, "Sygedagpenge Vest", 2, 0);

  sf_test_add_worker (ds, 1, "A", 1, 37, long_ago);
  w = sf_test_add_worker (ds, 2, "B", 1, 30, sf_test_day ("2024-04-15"));
  w->individual_factor = 0.5;
  w = sf_test_add_worker (ds, 3, "C", 1, 37, long_ago);
  w->absence_kind = g_strdup ("Langtidssygemeldt");
  sf_test_add_worker (ds, 4, "D", 1, 37, sf_test_day ("2024-07-01"));
  sf_test_add_worker (ds, 5, "E", 2, 37, long_ago);
  sf_test_add_worker (ds, 6, "F", 2, 37, long_ago);
  w = sf_test_add_worker (ds, 7, "G", 3, 37, long_ago);
  w->absence_kind = g_strdup ("Orlov");
  g_array_append_val (ds->reductions, tr);

  sf_test_add_cases (ds, 9, 1, 0, SF_COMPLEXITY_KOMPLEKS, long_ago, SF_DAY_NONE);
  sf_test_add_cases (ds, 1, 1, 0, SF_COMPLEXITY_KOMPLEKS, long_ago, ref + 1);
  sf_test_add_cases (ds, 1, 1, 0, SF_COMPLEXITY_KOMPLEKS, long_ago, ref);
  sf_test_add_cases (ds, 1, 1, 0, SF_COMPLEXITY_KOMPLEKS, ref + 1, SF_DAY_NONE);
  sf_test_add_cases (ds, 4, 1, 0, SF_COMPLEXITY_ENKEL, long_ago, SF_DAY_NONE);
  sf_test_add_cases (ds, 2, 1, 0, SF_COMPLEXITY_SAERLIGT_KOMPLICERET, long_ago, SF_DAY_NONE);
  sf_test_add_cases (ds, 8, 2, 0, SF_COMPLEXITY_ENKEL, long_ago, SF_DAY_NONE);
  sf_test_add_cases (ds, 3, 3, 1, SF_COMPLEXITY_KOMPLEKS, long_ago, SF_DAY_NONE);
  sf_test_add_cases (ds, 2, 3, 0, SF_COMPLEXITY_KOMPLEKS, long_ago, SF_DAY_NONE);
  sf_test_add_cases (ds, 1, 4, 0, SF_COMPLEXITY_KOMPLEKS, long_ago, SF_DAY_NONE);
  sf_test_add_cases (ds, 18, 5, 0, SF_COMPLEXITY_KOMPLEKS, long_ago, SF_DAY_NONE);
  sf_test_add_cases (ds, 21, 6, 0, SF_COMPLEXITY_KOMPLEKS, long_ago, SF_DAY_NONE);
  sf_test_add_cases (ds, 2, 7, 0, SF_COMPLEXITY_ENKEL, long_ago, SF_DAY_NONE);
  return ds;
}

static void
test_organisation (void)
{
  SfDay ref = sf_test_day ("2024-06-15");
  g_autoptr(SfDataset) ds = build_organisation (ref);
  SfSettings s = sf_test_default_settings ();
  g_autoptr(SfFigures) f = sf_figures_compute (ds, &s, ref);
  const SfWorkerFigures *a = worker (f, 1), *b = worker (f, 2), *c = worker (f, 3), *d = worker (f, 4);
  const SfWorkerFigures *e = worker (f, 5), *ff = worker (f, 6), *g = worker (f, 7);
  const SfTeamFigures *t1 = team (f, 1), *t2 = team (f, 2), *t3 = team (f, 3);

  g_assert_cmpuint (a->open_cases, ==, 19);
  g_assert_cmpuint (a->covering_cases, ==, 3);
  g_assert_cmpfloat_with_epsilon (a->weighted_load, 19, EPS);
  g_assert_cmpfloat_with_epsilon (a->adjusted_norm, 30, EPS);
  g_assert_cmpfloat_with_epsilon (a->utilisation, 19.0 / 30, EPS);
  g_assert_cmpint (a->status, ==, SF_STATUS_WITHIN);
  g_assert_cmpuint (a->cases_by_complexity[SF_COMPLEXITY_KOMPLEKS], ==, 13);

  g_assert_true (b->new_hire);
  g_assert_cmpfloat_with_epsilon (b->reduction_hours, 4, EPS);
  g_assert_cmpfloat_with_epsilon (b->availability, 26.0 / 37, EPS);
  g_assert_cmpfloat_with_epsilon (b->experience, 0.7, EPS);
  g_assert_cmpfloat_with_epsilon (b->adjusted_norm, 273.0 / 37, EPS);
  g_assert_cmpfloat_with_epsilon (b->weighted_load, 4, EPS);
  g_assert_cmpfloat_with_epsilon (b->utilisation, 4 / (273.0 / 37), EPS);
  g_assert_cmpint (b->status, ==, SF_STATUS_WITHIN);

  g_assert_true (c->absent);
  g_assert_cmpfloat (c->adjusted_norm, ==, 0);
  g_assert_cmpfloat (c->weighted_load, ==, 0);
  g_assert_cmpuint (c->open_cases, ==, 0);
  g_assert_cmpuint (c->primary_cases, ==, 5);
  g_assert_true (isnan (c->utilisation));
  g_assert_cmpint (c->status, ==, SF_STATUS_WITHIN);

  g_assert_false (d->started);
  g_assert_cmpfloat (d->availability, ==, 0);
  g_assert_cmpfloat (d->adjusted_norm, ==, 0);
  g_assert_cmpfloat (d->weighted_load, ==, 1);
  g_assert_cmpint (d->status, ==, SF_STATUS_OVER);

  g_assert_cmpuint (t1->members, ==, 4);
  g_assert_cmpfloat (t1->base_norm, ==, 30);
  g_assert_cmpfloat_with_epsilon (t1->availability_sum, 63.0 / 37, EPS);
  g_assert_cmpfloat_with_epsilon (t1->fte_available, 1 + 9.1 / 37, EPS);
  g_assert_cmpfloat_with_epsilon (t1->capacity, 30 + 273.0 / 37, EPS);
  g_assert_cmpfloat_with_epsilon (t1->load, 24, EPS);
  g_assert_cmpfloat_with_epsilon (t1->fte_needed, 0.8, EPS);
  g_assert_cmpuint (t1->uncovered_cases, ==, 2);
  g_assert_cmpfloat_with_epsilon (t1->uncovered_load, 2, EPS);
  g_assert_cmpuint (t1->open_cases, ==, 28);
  g_assert_cmpfloat_with_epsilon (t1->compliance, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (t1->cases_per_fte, 28 * 37.0 / 63, EPS);

  g_assert_cmpfloat (t2->base_norm, ==, 20);
  g_assert_cmpint (e->status, ==, SF_STATUS_WITHIN);
  g_assert_cmpfloat_with_epsilon (e->utilisation, 0.9, EPS);
  g_assert_cmpint (ff->status, ==, SF_STATUS_OVER);
  g_assert_cmpfloat_with_epsilon (t2->compliance, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (t2->fte_needed, 39.0 / 20, EPS);
  g_assert_cmpfloat_with_epsilon (t2->cases_per_fte, 39.0 / 2, EPS);

  g_assert_cmpfloat (t3->base_norm, ==, 50);
  g_assert_cmpfloat (g->weighted_load, ==, 0);
  g_assert_cmpuint (t3->uncovered_cases, ==, 2);
  g_assert_cmpfloat_with_epsilon (t3->uncovered_load, 1, EPS);
  g_assert_true (isnan (t3->compliance));
  g_assert_true (isnan (t3->cases_per_fte));
  g_assert_cmpfloat (t3->fte_needed, ==, 0);
}

/* The same organisation on other dates and settings. */
static void
test_organisation_later (void)
{
  SfDay ref = sf_test_day ("2024-06-15");
  g_autoptr(SfDataset) ds = build_organisation (ref);
  SfSettings s = sf_test_default_settings ();
  g_autoptr(SfFigures) later = NULL;
  g_autoptr(SfFigures) heavy = NULL;

  /* 2024-10-15: B is six months in; D has started and is a new hire. */
  later = sf_figures_compute (ds, &s, sf_test_day ("2024-10-15"));
  g_assert_false (worker (later, 2)->new_hire);
  g_assert_cmpfloat_with_epsilon (worker (later, 2)->adjusted_norm, 390.0 / 37, EPS);
  g_assert_true (worker (later, 4)->new_hire);
  g_assert_cmpfloat_with_epsilon (worker (later, 4)->adjusted_norm, 21, EPS);
  g_assert_cmpint (worker (later, 4)->status, ==, SF_STATUS_WITHIN);
  /* The case closing on 2024-06-16 and the one starting then: one out, one in. */
  g_assert_cmpfloat_with_epsilon (worker (later, 1)->weighted_load, 19, EPS);

  /* Weights are settings: særligt kompliceret at 3 adds 2 to A. */
  s.weights[SF_COMPLEXITY_SAERLIGT_KOMPLICERET] = 3;
  heavy = sf_figures_compute (ds, &s, ref);
  g_assert_cmpfloat_with_epsilon (worker (heavy, 1)->weighted_load, 21, EPS);
}

/* A cover by someone who is themselves absent still counts on them. */
static void
test_cover_by_absent (void)
{
  SfDay ref = sf_test_day ("2024-06-15");
  g_autoptr(SfDataset) ds = sf_dataset_new ();
  SfSettings s = sf_test_default_settings ();
  g_autoptr(SfFigures) f = NULL;
  SfCaseworker *w;

  sf_test_add_area (ds, 1, "x", 20, 30);
  sf_test_add_team (ds, 1, "T", 1, 0);
  w = sf_test_add_worker (ds, 1, "A", 1, 37, SF_DAY_NONE);
  w->absence_kind = g_strdup ("Orlov");
  w = sf_test_add_worker (ds, 2, "B", 1, 37, SF_DAY_NONE);
  w->absence_kind = g_strdup ("Sygemeldt");
  w->absence_from = sf_test_day ("2024-07-01");
  sf_test_add_cases (ds, 2, 1, 2, SF_COMPLEXITY_KOMPLEKS, SF_DAY_NONE, SF_DAY_NONE);
  f = sf_figures_compute (ds, &s, ref);

  /* B's absence starts later: present on the reference date. */
  g_assert_false (worker (f, 2)->absent);
  g_assert_cmpfloat (worker (f, 2)->weighted_load, ==, 2);
  g_assert_cmpuint (team (f, 1)->uncovered_cases, ==, 0);
  g_clear_pointer (&f, sf_figures_free);

  f = sf_figures_compute (ds, &s, sf_test_day ("2024-07-01"));
  g_assert_true (worker (f, 2)->absent);
  g_assert_cmpfloat (worker (f, 2)->weighted_load, ==, 2);
  g_assert_cmpint (worker (f, 2)->status, ==, SF_STATUS_OVER);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/capacity/defaults", test_defaults);
  g_test_add_func ("/capacity/availability", test_availability);
  g_test_add_func ("/capacity/reductions", test_reductions);
  g_test_add_func ("/capacity/new-hire-boundary", test_new_hire_boundary);
  g_test_add_func ("/capacity/adjusted-norm", test_adjusted_norm);
  g_test_add_func ("/capacity/base-norm", test_base_norm);
  g_test_add_func ("/capacity/status-thresholds", test_status_thresholds);
  g_test_add_func ("/capacity/case-open", test_case_open);
  g_test_add_func ("/capacity/organisation", test_organisation);
  g_test_add_func ("/capacity/organisation-later", test_organisation_later);
  g_test_add_func ("/capacity/cover-by-absent", test_cover_by_absent);
  return g_test_run ();
}
