/* Workforce planning on examples worked out by hand from DOMAIN.md: end
 * dates, planned hires, the sweep over days, the forecast, the trend's
 * points and sustained overload. */

#include <math.h>

#include "sf-core.h"
#include "sf-test-data.h"
#include "sf-test-util.h"

#define EPS 1e-9

/* Area 1 (DS 20–30) and team 1 with base norm 30. */
static SfDataset *
one_team (void)
{
  SfDataset *ds = sf_dataset_new ();

  sf_test_add_area (ds, 1, "boern-familie", 20, 30);
  sf_test_add_team (ds, 1, "Familie", 1, 0);
  return ds;
}

/* The last working day counts; the day after, the caseworker has no
 * capacity and their cases that nobody covers are uncovered. */
static void
test_end_date (void)
{
  g_autoptr(SfDataset) ds = one_team ();
  SfSettings s = sf_test_default_settings ();
  SfCaseworker *lea;

  lea = sf_test_add_worker (ds, 1, "LEA", 1, 37, SF_DAY_NONE);
  lea->end = sf_test_day ("2027-01-31");
  sf_test_add_worker (ds, 2, "COV", 1, 37, SF_DAY_NONE);
  sf_test_add_cases (ds, 10, 1, 0, SF_COMPLEXITY_KOMPLEKS, SF_DAY_NONE, SF_DAY_NONE);
  sf_test_add_cases (ds, 4, 1, 2, SF_COMPLEXITY_KOMPLEKS, SF_DAY_NONE, SF_DAY_NONE);

  {
    g_autoptr(SfFigures) f = sf_figures_compute (ds, &s, sf_test_day ("2027-01-31"));
    const SfWorkerFigures *w = sf_figures_find_worker (f, 1);

    g_assert_false (w->ended);
    g_assert_cmpfloat_with_epsilon (w->availability, 1, EPS);
    g_assert_cmpfloat_with_epsilon (w->adjusted_norm, 30, EPS);
    g_assert_cmpfloat_with_epsilon (w->weighted_load, 10, EPS);
    g_assert_cmpuint (w->uncovered_cases, ==, 0);
  }
  {
    g_autoptr(SfFigures) f = sf_figures_compute (ds, &s, sf_test_day ("2027-02-01"));
    const SfWorkerFigures *w = sf_figures_find_worker (f, 1);
    const SfTeamFigures *t = sf_figures_find_team (f, 1);
    g_autoptr(GPtrArray) alerts = sf_alerts_evaluate (f);
    gboolean uncovered = FALSE;

    g_assert_true (w->ended);
    g_assert_cmpfloat (w->availability, ==, 0);
    g_assert_cmpfloat (w->adjusted_norm, ==, 0);
    g_assert_cmpfloat (w->weighted_load, ==, 0);
    g_assert_cmpuint (w->uncovered_cases, ==, 10);
    g_assert_cmpfloat_with_epsilon (w->uncovered_load, 10, EPS);
    g_assert_cmpint (w->status, ==, SF_STATUS_WITHIN);
    /* The four she had handed over still count on her colleague. */
    g_assert_cmpfloat_with_epsilon (sf_figures_find_worker (f, 2)->weighted_load, 4, EPS);
    g_assert_cmpfloat_with_epsilon (t->capacity, 30, EPS);
    g_assert_cmpfloat_with_epsilon (t->load, 4, EPS);
    g_assert_cmpuint (t->uncovered_cases, ==, 10);
    g_assert_cmpuint (t->members, ==, 2);
    g_assert_cmpuint (t->members_with_capacity, ==, 1);
    for (guint i = 0; i < alerts->len; i++)
      {
        const SfAlert *alert = g_ptr_array_index (alerts, i);

        if (alert->kind == SF_ALERT_UNCOVERED_CASES)
          {
            uncovered = TRUE;
            g_assert_nonnull (strstr (alert->message, "LEA"));
          }
      }
    g_assert_true (uncovered);
  }
}

/* A planned hire of 18.5 hours from 15 January: nothing on the 14th; then
 * 30 × 0.5 × 0.7 = 10.5 of capacity and 0.35 FTE, and from 15 July (six
 * months on) 15 and 0.5. */
static void
test_planned_hire (void)
{
  g_autoptr(SfDataset) ds = one_team ();
  SfSettings s = sf_test_default_settings ();
  struct { const char *day; guint members; double capacity, fte, availability; } expect[] = {
    { "2027-01-14", 1, 30, 1.0, 1.0 },
    { "2027-01-15", 2, 40.5, 1.35, 1.5 },
    { "2027-07-14", 2, 40.5, 1.35, 1.5 },
    { "2027-07-15", 2, 45, 1.5, 1.5 },
  };

  sf_test_add_worker (ds, 1, "ANE", 1, 37, SF_DAY_NONE);
  sf_test_add_cases (ds, 15, 1, 0, SF_COMPLEXITY_KOMPLEKS, SF_DAY_NONE, SF_DAY_NONE);
  sf_test_add_hire (ds, 1, 1, 18.5, sf_test_day ("2027-01-15"));

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_autoptr(SfFigures) f = sf_figures_compute (ds, &s, sf_test_day (expect[i].day));
      const SfTeamFigures *t = sf_figures_find_team (f, 1);

      g_assert_cmpuint (t->members, ==, expect[i].members);
      g_assert_cmpuint (t->planned_hires, ==, expect[i].members - 1);
      g_assert_cmpfloat_with_epsilon (t->capacity, expect[i].capacity, EPS);
      g_assert_cmpfloat_with_epsilon (t->fte_available, expect[i].fte, EPS);
      g_assert_cmpfloat_with_epsilon (t->availability_sum, expect[i].availability, EPS);
      /* Cases per FTE counts the hire's hours: 15 / 1.5 = 10 */
      g_assert_cmpfloat_with_epsilon (t->cases_per_fte, 15 / expect[i].availability, EPS);
      g_assert_cmpfloat_with_epsilon (t->compliance, 1, EPS);
      g_assert_cmpfloat_with_epsilon (t->load, 15, EPS);
    }
}

static void
assert_same_figures (const SfFigures *a,
                     const SfFigures *b)
{
  g_assert_cmpuint (a->workers->len, ==, b->workers->len);
  for (guint i = 0; i < a->workers->len; i++)
    {
      const SfWorkerFigures *x = &g_array_index (a->workers, SfWorkerFigures, i);
      const SfWorkerFigures *y = &g_array_index (b->workers, SfWorkerFigures, i);

      g_assert_cmpuint (x->open_cases, ==, y->open_cases);
      g_assert_cmpuint (x->primary_cases, ==, y->primary_cases);
      g_assert_cmpuint (x->covering_cases, ==, y->covering_cases);
      g_assert_cmpuint (x->uncovered_cases, ==, y->uncovered_cases);
      for (int c = 0; c < SF_N_COMPLEXITIES; c++)
        {
          g_assert_cmpuint (x->cases_by_complexity[c], ==, y->cases_by_complexity[c]);
          g_assert_cmpuint (x->primary_by_complexity[c], ==, y->primary_by_complexity[c]);
        }
      /* Bit for bit */
      g_assert_cmpfloat (x->weighted_load, ==, y->weighted_load);
      g_assert_cmpfloat (x->uncovered_load, ==, y->uncovered_load);
      g_assert_cmpfloat (x->adjusted_norm, ==, y->adjusted_norm);
      g_assert_cmpint (x->status, ==, y->status);
    }
  for (guint i = 0; i < a->teams->len; i++)
    {
      const SfTeamFigures *x = &g_array_index (a->teams, SfTeamFigures, i);
      const SfTeamFigures *y = &g_array_index (b->teams, SfTeamFigures, i);

      g_assert_cmpuint (x->members, ==, y->members);
      g_assert_cmpuint (x->open_cases, ==, y->open_cases);
      g_assert_cmpuint (x->uncovered_cases, ==, y->uncovered_cases);
      g_assert_cmpfloat (x->capacity, ==, y->capacity);
      g_assert_cmpfloat (x->load, ==, y->load);
      g_assert_cmpfloat (x->fte_available, ==, y->fte_available);
      g_assert_true (x->fte_needed == y->fte_needed || (isnan (x->fte_needed) && isnan (y->fte_needed)));
      g_assert_true (x->compliance == y->compliance || (isnan (x->compliance) && isnan (y->compliance)));
      g_assert_true (x->cases_per_fte == y->cases_per_fte || (isnan (x->cases_per_fte) && isnan (y->cases_per_fte)));
    }
}

static SfDay
random_day (GRand *rand,
            SfDay  first,
            guint  span,
            guint  none_in)
{
  if (g_rand_int_range (rand, 0, none_in) == 0)
    return SF_DAY_NONE;
  return first + (SfDay) g_rand_int_range (rand, 0, span);
}

/* The sweep gives, day after day, what computing each day afresh gives, to
 * the last bit: on an organisation of random dated facts. */
static void
test_sweep (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  g_autoptr(SfDataset) ds = sf_dataset_new ();
  g_autoptr(SfSweep) sweep = NULL;
  SfSettings s = sf_test_default_settings ();
  SfDay first = sf_test_day ("2025-01-01");

  s.weights[SF_COMPLEXITY_ENKEL] = 0.3;      /* not a sum of powers of two */
  s.weights[SF_COMPLEXITY_SAERLIGT_KOMPLICERET] = 1.7;
  sf_test_add_area (ds, 1, "a", 20, 30);
  sf_test_add_area (ds, 2, "b", 35, 50);
  for (gint64 t = 1; t <= 5; t++)
    sf_test_add_team (ds, t, t == 1 ? "T1" : t == 2 ? "T2" : t == 3 ? "T3" : t == 4 ? "T4" : "T5",
                      1 + t % 2, t == 3 ? 42 : 0);
  for (gint64 w = 1; w <= 40; w++)
    {
      g_autofree char *initials = g_strdup_printf ("W%02d", (int) w);
      SfCaseworker *worker = sf_test_add_worker (ds, w, initials, 1 + w % 5,
                                                 g_rand_int_range (rand, 10, 38),
                                                 random_day (rand, first, 700, 3));

      if (g_rand_int_range (rand, 0, 4) == 0)
        worker->end = first + (SfDay) g_rand_int_range (rand, 100, 900);
      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          worker->absence_kind = g_strdup ("orlov");
          worker->absence_from = random_day (rand, first, 600, 3);
          worker->absence_to = worker->absence_from != SF_DAY_NONE && g_rand_boolean (rand)
                               ? worker->absence_from + (SfDay) g_rand_int_range (rand, 0, 200) : SF_DAY_NONE;
        }
      if (g_rand_int_range (rand, 0, 6) == 0)
        worker->individual_factor = 0.8;
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          SfReduction r = { .id = ds->reductions->len + 1, .caseworker_id = w, .hours = 3.7,
                            .reason = SF_REDUCTION_OTHER, .from = random_day (rand, first, 600, 2) };

          r.to = r.from != SF_DAY_NONE ? r.from + (SfDay) g_rand_int_range (rand, 0, 300) : SF_DAY_NONE;
          g_array_append_val (ds->reductions, r);
        }
    }
  for (guint i = 0; i < 2000; i++)
    {
      gint64 primary = g_rand_int_range (rand, 1, 41);
      gint64 cover = g_rand_int_range (rand, 0, 8) == 0 ? g_rand_int_range (rand, 1, 41) : 0;
      SfDay start = random_day (rand, first - 300, 1100, 8);
      SfDay closed = g_rand_int_range (rand, 0, 3) == 0 ? random_day (rand, first - 100, 1100, 1000) : SF_DAY_NONE;

      sf_test_add_cases (ds, 1, primary, cover == primary ? 0 : cover,
                         (SfComplexity) g_rand_int_range (rand, 0, SF_N_COMPLEXITIES), start, closed);
    }
  sf_test_add_hire (ds, 1, 2, 37, first + 200);
  sf_test_add_hire (ds, 2, 4, 20, first + 450);

  sweep = sf_sweep_new (ds, &s);
  for (SfDay day = first - 10; day < first + 1000; day += 9)
    {
      g_autoptr(SfFigures) fresh = sf_figures_compute (ds, &s, day);

      assert_same_figures (sf_sweep_figures_on (sweep, day), fresh);
    }
}

static const SfForecastPoint *
point (const SfTeamForecast *tf,
       int                   k)
{
  return &g_array_index (tf->points, SfForecastPoint, k - 1);
}

/* One full-time caseworker against a base norm of 30, on 10 March 2027.
 * The net inflow looks at the six whole months 1 September 2026 – 28
 * February 2027: 2 + 4 cases started on their first and last day, 3
 * closed, so (6 − 3) / 6 = 0.5 a month; the cases started on 31 August and
 * 1 March do not count.  28 cases are open on 1 April: demand 28.5 (95 %,
 * near); 30 at the fourth point (exactly at the norm: near); over at the
 * fifth, 1 August, so hire by 1 May. */
static void
test_forecast (void)
{
  g_autoptr(SfDataset) ds = one_team ();
  g_autoptr(SfForecast) forecast = NULL;
  SfSettings s = sf_test_default_settings ();
  SfDay ref = sf_test_day ("2027-03-10");
  const SfTeamForecast *tf;

  sf_test_add_worker (ds, 1, "ANE", 1, 37, SF_DAY_NONE);
  sf_test_add_cases (ds, 20, 1, 0, SF_COMPLEXITY_KOMPLEKS, SF_DAY_NONE, SF_DAY_NONE);
  sf_test_add_cases (ds, 2, 1, 0, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2026-09-01"), SF_DAY_NONE);
  sf_test_add_cases (ds, 4, 1, 0, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2027-02-28"), SF_DAY_NONE);
  sf_test_add_cases (ds, 3, 1, 0, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2026-01-01"), sf_test_day ("2026-11-15"));
  sf_test_add_cases (ds, 1, 1, 0, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2027-03-01"), SF_DAY_NONE);
  sf_test_add_cases (ds, 1, 1, 0, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2026-08-31"), SF_DAY_NONE);

  g_assert_cmpfloat_with_epsilon (sf_forecast_net_inflow (ds, &s, 1, ref, 6), 0.5, EPS);
  forecast = sf_forecast_compute (ds, &s, ref, 12);
  tf = sf_forecast_find_team (forecast, 1);
  g_assert_cmpfloat_with_epsilon (tf->net_inflow, 0.5, EPS);
  g_assert_cmpuint (tf->points->len, ==, 12);
  g_assert_cmpuint (point (tf, 1)->day, ==, sf_test_day ("2027-04-01"));
  g_assert_cmpuint (point (tf, 12)->day, ==, sf_test_day ("2028-03-01"));
  g_assert_cmpfloat_with_epsilon (point (tf, 1)->demand, 28.5, EPS);
  g_assert_cmpfloat_with_epsilon (point (tf, 1)->capacity, 30, EPS);
  g_assert_cmpfloat_with_epsilon (point (tf, 1)->utilisation, 0.95, EPS);
  g_assert_cmpfloat_with_epsilon (point (tf, 1)->fte_available, 1, EPS);
  g_assert_cmpfloat_with_epsilon (point (tf, 1)->fte_needed, 0.95, EPS);
  g_assert_cmpfloat_with_epsilon (point (tf, 1)->gap, -0.05, EPS);
  g_assert_cmpint (point (tf, 1)->status, ==, SF_STATUS_NEAR);
  g_assert_cmpfloat_with_epsilon (point (tf, 4)->demand, 30, EPS);
  g_assert_cmpint (point (tf, 4)->status, ==, SF_STATUS_NEAR);
  g_assert_cmpint (point (tf, 5)->status, ==, SF_STATUS_OVER);
  g_assert_cmpuint (tf->hire_by, ==, sf_test_day ("2027-05-01"));
  g_assert_cmpuint (tf->events->len, ==, 0);
  /* One team: its area and the municipality are the same sums */
  g_assert_cmpuint (forecast->areas->len, ==, 1);
  for (int k = 1; k <= 12; k++)
    {
      const SfForecastPoint *m = &g_array_index (forecast->municipality, SfForecastPoint, k - 1);
      const SfForecastPoint *a = &g_array_index (g_array_index (forecast->areas, SfAreaForecast, 0).points,
                                                 SfForecastPoint, k - 1);

      g_assert_cmpfloat (m->demand, ==, point (tf, k)->demand);
      g_assert_cmpfloat (a->capacity, ==, point (tf, k)->capacity);
      g_assert_cmpint (m->status, ==, point (tf, k)->status);
    }
  g_clear_pointer (&forecast, sf_forecast_free);

  /* A half-time hire from 15 June: 30 × 0.5 × 0.7 = 10.5 from the 1 July
   * point, 15 from 1 January (experienced on 15 December).  Never over:
   * no date to hire by. */
  sf_test_add_hire (ds, 1, 1, 18.5, sf_test_day ("2027-06-15"));
  forecast = sf_forecast_compute (ds, &s, ref, 12);
  tf = sf_forecast_find_team (forecast, 1);
  g_assert_cmpfloat_with_epsilon (point (tf, 3)->capacity, 30, EPS);
  g_assert_cmpfloat_with_epsilon (point (tf, 4)->capacity, 40.5, EPS);
  g_assert_cmpfloat_with_epsilon (point (tf, 4)->fte_available, 1.35, EPS);
  g_assert_cmpfloat_with_epsilon (point (tf, 9)->capacity, 40.5, EPS);
  g_assert_cmpfloat_with_epsilon (point (tf, 10)->capacity, 45, EPS);
  g_assert_cmpfloat_with_epsilon (point (tf, 12)->demand, 34, EPS);
  g_assert_cmpuint (tf->hire_by, ==, SF_DAY_NONE);
  g_assert_cmpuint (tf->events->len, ==, 2);
  g_assert_cmpint (g_array_index (tf->events, SfForecastEvent, 0).kind, ==, SF_FORECAST_HIRE_STARTS);
  g_assert_cmpuint (g_array_index (tf->events, SfForecastEvent, 0).day, ==, sf_test_day ("2027-06-15"));
  g_assert_cmpint (g_array_index (tf->events, SfForecastEvent, 1).kind, ==, SF_FORECAST_HIRE_EXPERIENCED);
  g_assert_cmpuint (g_array_index (tf->events, SfForecastEvent, 1).day, ==, sf_test_day ("2027-12-15"));
}

/* Base norm 40, on 10 March 2027:
 *   ABS absent 1 January – 20 May: back from the 1 June point (40);
 *   RED loses 7.4 of 37 hours from 1 June: 0.8 × 40 = 32 from then;
 *   NEW started 10 January: 0.7 × 40 = 28 until 10 July, 40 from 1 August;
 *   END's last working day is the reference date: works today, not on the
 *   first point. */
static void
test_forecast_events (void)
{
  g_autoptr(SfDataset) ds = sf_dataset_new ();
  g_autoptr(SfForecast) forecast = NULL;
  SfSettings s = sf_test_default_settings ();
  SfDay ref = sf_test_day ("2027-03-10");
  SfReduction r = { .id = 1, .caseworker_id = 2, .hours = 7.4, .reason = SF_REDUCTION_OTHER,
                    .from = sf_test_day ("2027-06-01") };
  const SfTeamForecast *tf;
  SfCaseworker *w;
  struct { int k; double capacity, fte; } expect[] = {
    { 1, 68, 1.7 }, { 2, 68, 1.7 }, { 3, 100, 2.5 }, { 4, 100, 2.5 }, { 5, 112, 2.8 },
  };
  struct { const char *day; SfForecastEventKind kind; const char *who; } events[] = {
    { "2027-03-11", SF_FORECAST_LEAVES, "END" },
    { "2027-05-21", SF_FORECAST_RETURNS, "ABS" },
    { "2027-06-01", SF_FORECAST_REDUCTION_STARTS, "RED" },
    { "2027-07-10", SF_FORECAST_EXPERIENCED, "NEW" },
  };

  sf_test_add_area (ds, 1, "sygedagpenge", 35, 50);
  sf_test_add_team (ds, 1, "Syg", 1, 40);
  w = sf_test_add_worker (ds, 1, "ABS", 1, 37, SF_DAY_NONE);
  w->absence_kind = g_strdup ("orlov");
  w->absence_from = sf_test_day ("2027-01-01");
  w->absence_to = sf_test_day ("2027-05-20");
  sf_test_add_worker (ds, 2, "RED", 1, 37, SF_DAY_NONE);
  g_array_append_val (ds->reductions, r);
  sf_test_add_worker (ds, 3, "NEW", 1, 37, sf_test_day ("2027-01-10"));
  w = sf_test_add_worker (ds, 4, "END", 1, 37, SF_DAY_NONE);
  w->end = ref;

  {
    g_autoptr(SfFigures) today = sf_figures_compute (ds, &s, ref);
    g_autoptr(SfFigures) tomorrow = sf_figures_compute (ds, &s, ref + 1);

    g_assert_cmpfloat_with_epsilon (sf_figures_find_worker (today, 4)->adjusted_norm, 40, EPS);
    g_assert_cmpfloat (sf_figures_find_worker (tomorrow, 4)->adjusted_norm, ==, 0);
  }

  forecast = sf_forecast_compute (ds, &s, ref, 12);
  tf = sf_forecast_find_team (forecast, 1);
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_assert_cmpfloat_with_epsilon (point (tf, expect[i].k)->capacity, expect[i].capacity, EPS);
      g_assert_cmpfloat_with_epsilon (point (tf, expect[i].k)->fte_available, expect[i].fte, EPS);
      g_assert_cmpfloat (point (tf, expect[i].k)->demand, ==, 0);
      g_assert_cmpint (point (tf, expect[i].k)->status, ==, SF_STATUS_WITHIN);
    }
  g_assert_cmpuint (tf->events->len, ==, G_N_ELEMENTS (events));
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      const SfForecastEvent *e = &g_array_index (tf->events, SfForecastEvent, i);
      g_autofree char *text = sf_forecast_event_describe (e);

      g_assert_cmpuint (e->day, ==, sf_test_day (events[i].day));
      g_assert_cmpint (e->kind, ==, events[i].kind);
      g_assert_cmpstr (e->worker->initials, ==, events[i].who);
      g_assert_nonnull (strstr (text, events[i].who));
    }
}

/* A team whose only member is absent for good has demand and no capacity:
 * over at every point, no utilisation, and the date to hire by is already
 * past (1 January 2027 − 3 months): the reference date.  A team with
 * nobody and nothing is within. */
static void
test_forecast_no_capacity (void)
{
  g_autoptr(SfDataset) ds = one_team ();
  g_autoptr(SfForecast) forecast = NULL;
  SfSettings s = sf_test_default_settings ();
  SfDay ref = sf_test_day ("2026-12-06");
  const SfTeamForecast *tf;
  SfCaseworker *w;

  sf_test_add_team (ds, 2, "Tom", 1, 0);
  w = sf_test_add_worker (ds, 1, "SYG", 1, 37, SF_DAY_NONE);
  w->absence_kind = g_strdup ("langtidssygemeldt");
  sf_test_add_cases (ds, 5, 1, 0, SF_COMPLEXITY_SAERLIGT_KOMPLICERET, SF_DAY_NONE, SF_DAY_NONE);

  forecast = sf_forecast_compute (ds, &s, ref, 3);
  tf = sf_forecast_find_team (forecast, 1);
  g_assert_cmpfloat_with_epsilon (point (tf, 1)->demand, 10, EPS);
  g_assert_cmpfloat (point (tf, 1)->capacity, ==, 0);
  g_assert_true (isnan (point (tf, 1)->utilisation));
  g_assert_cmpint (point (tf, 1)->status, ==, SF_STATUS_OVER);
  g_assert_cmpuint (tf->hire_by, ==, ref);

  tf = sf_forecast_find_team (forecast, 2);
  g_assert_cmpint (point (tf, 3)->status, ==, SF_STATUS_WITHIN);
  g_assert_true (isnan (point (tf, 3)->utilisation));
  g_assert_cmpuint (tf->hire_by, ==, SF_DAY_NONE);
}

static void
assert_days (GArray             *days,
             const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (days->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (days, SfDay, i), ==, sf_test_day (expected[i]));
}

static void
test_trend_days (void)
{
  const char *weeks[] = { "2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22", "2026-11-29",
                          "2026-12-06", NULL };
  const char *months[] = { "2026-11-01", "2026-12-01", "2027-01-01", NULL };
  const char *one[] = { "2026-11-01", NULL };
  g_autoptr(GArray) w = sf_trend_days (sf_test_day ("2026-10-30"), sf_test_day ("2026-12-06"), SF_TREND_WEEK);
  g_autoptr(GArray) m = sf_trend_days (sf_test_day ("2026-10-15"), sf_test_day ("2027-01-01"), SF_TREND_MONTH);
  g_autoptr(GArray) o = sf_trend_days (sf_test_day ("2026-11-01"), sf_test_day ("2026-11-30"), SF_TREND_MONTH);

  assert_days (w, weeks);
  assert_days (m, months);
  assert_days (o, one);
}

/* Eleven cases against a norm of 10 from 4 January 2027: over at every
 * weekly point from then.  On 1 February the five points 4 January … 1
 * February are over: sustained since 4 January.  On 31 January the first
 * of its five points, 3 January, is not.  Team Z's one member is absent
 * but covers two cases: load and no capacity, over at every point. */
static void
test_sustained (void)
{
  g_autoptr(SfDataset) ds = sf_dataset_new ();
  SfSettings s = sf_test_default_settings ();
  SfCaseworker *zed;
  struct { const char *day; gboolean sustained; } expect[] = {
    { "2027-01-31", FALSE }, { "2027-02-01", TRUE },
  };

  sf_test_add_area (ds, 1, "a", 5, 10);
  sf_test_add_team (ds, 1, "A", 1, 0);
  sf_test_add_team (ds, 2, "Z", 1, 0);
  sf_test_add_worker (ds, 1, "OVR", 1, 37, SF_DAY_NONE);
  zed = sf_test_add_worker (ds, 2, "ZED", 2, 37, SF_DAY_NONE);
  zed->absence_kind = g_strdup ("orlov");
  sf_test_add_cases (ds, 11, 1, 0, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2027-01-04"), SF_DAY_NONE);
  sf_test_add_cases (ds, 2, 1, 2, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2026-01-01"), SF_DAY_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      SfDay ref = sf_test_day (expect[i].day);
      g_autoptr(SfFigures) f = sf_figures_compute (ds, &s, ref);
      g_autoptr(GArray) days = sf_trend_days (ref - 70, ref, SF_TREND_WEEK);
      g_autoptr(GPtrArray) points = sf_trend_compute (ds, &s, days, NULL);
      g_autoptr(GPtrArray) alerts = sf_alerts_sustained (f, points);
      const SfAlert *person = NULL, *team_a = NULL, *team_z = NULL;

      for (guint a = 0; a < alerts->len; a++)
        {
          const SfAlert *alert = g_ptr_array_index (alerts, a);

          if (alert->kind == SF_ALERT_SUSTAINED_OVERLOAD && g_str_equal (alert->subject, "OVR"))
            person = alert;
          else if (alert->kind == SF_ALERT_TEAM_SUSTAINED_OVERLOAD && g_str_equal (alert->subject, "A"))
            team_a = alert;
          else if (alert->kind == SF_ALERT_TEAM_SUSTAINED_OVERLOAD && g_str_equal (alert->subject, "Z"))
            team_z = alert;
        }
      g_assert_nonnull (team_z);
      g_assert_cmpuint (team_z->since, ==, g_array_index (days, SfDay, 0));
      g_assert_true ((person != NULL) == expect[i].sustained);
      g_assert_true ((team_a != NULL) == expect[i].sustained);
      if (person != NULL)
        {
          g_assert_cmpuint (person->since, ==, sf_test_day ("2027-01-04"));
          g_assert_cmpint (person->severity, ==, SF_SEVERITY_ERROR);
          g_assert_cmpfloat_with_epsilon (person->excess, 1, EPS);
        }
    }

  /* Three sustained weeks make it sooner */
  s.sustained_weeks = 3;
  {
    SfDay ref = sf_test_day ("2027-01-31");
    g_autoptr(SfFigures) f = sf_figures_compute (ds, &s, ref);
    g_autoptr(GArray) days = sf_trend_days (ref - 28, ref, SF_TREND_WEEK);
    g_autoptr(GPtrArray) points = sf_trend_compute (ds, &s, days, NULL);
    g_autoptr(GPtrArray) alerts = sf_alerts_sustained (f, points);

    g_assert_cmpuint (alerts->len, ==, 4);   /* OVR, A, and ZED, Z */
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/planning/end-date", test_end_date);
  g_test_add_func ("/planning/planned-hire", test_planned_hire);
  g_test_add_func ("/planning/sweep", test_sweep);
  g_test_add_func ("/planning/forecast", test_forecast);
  g_test_add_func ("/planning/forecast-events", test_forecast_events);
  g_test_add_func ("/planning/forecast-no-capacity", test_forecast_no_capacity);
  g_test_add_func ("/planning/trend-days", test_trend_days);
  g_test_add_func ("/planning/sustained", test_sustained);
  return g_test_run ();
}
