/* What-if scenarios on examples worked out by hand: reading a file of
 * changes (every problem listed), each kind of change's effect on the
 * figures, the choice of cases a reassignment moves, and a scenario whose
 * base has moved. */

#include <math.h>
#include <string.h>

#include "sf-core.h"
#include "sf-test-data.h"
#include "sf-test-util.h"

#define EPS 1e-9
#define REF "2027-01-04"

/* Familie (DS 20–30: base norm 30) with AAA (10 complex cases) and BBB (4
 * simple ones); Sygedagpenge (DS 35–50: base norm 50) with CCC (20
 * complex).  Everyone full time and long-serving; every case open. */
static SfDataset *
base (gboolean with_aaa,
      gboolean with_tom)
{
  SfDataset *ds = sf_dataset_new ();

  sf_test_add_area (ds, 1, "boern-familie", 20, 30);
  sf_test_add_area (ds, 2, "sygedagpenge", 35, 50);
  sf_test_add_team (ds, 1, "Familie", 1, 0);
  sf_test_add_team (ds, 2, "Sygedagpenge", 2, 0);
  if (with_tom)
    sf_test_add_team (ds, 3, "Tom", 1, 0);
  if (with_aaa)
    sf_test_add_worker (ds, 1, "AAA", 1, 37, SF_DAY_NONE);
  sf_test_add_worker (ds, 2, "BBB", 1, 37, SF_DAY_NONE);
  sf_test_add_worker (ds, 3, "CCC", 2, 37, SF_DAY_NONE);
  if (with_aaa)
    sf_test_add_cases (ds, 10, 1, 0, SF_COMPLEXITY_KOMPLEKS, SF_DAY_NONE, SF_DAY_NONE);
  sf_test_add_cases (ds, 4, 2, 0, SF_COMPLEXITY_ENKEL, SF_DAY_NONE, SF_DAY_NONE);
  sf_test_add_cases (ds, 20, 3, 0, SF_COMPLEXITY_KOMPLEKS, SF_DAY_NONE, SF_DAY_NONE);
  return ds;
}

static SfScenario *
parse_ok (const char      *json,
          const SfDataset *ds)
{
  SfSettings s = sf_test_default_settings ();
  g_autoptr(GError) error = NULL;
  SfScenario *scenario = sf_scenario_parse (json, -1, ds, &s, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}

/* Applies @json to @ds on REF and computes both sides. */
typedef struct
{
  SfScenarioResult  *result;
  SfScenarioFigures *after;
  SfScenarioFigures *before;
} Outcome;

static void
outcome_clear (Outcome *o)
{
  g_clear_pointer (&o->after, sf_scenario_figures_free);
  g_clear_pointer (&o->before, sf_scenario_figures_free);
  g_clear_pointer (&o->result, sf_scenario_result_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Outcome, outcome_clear)

static void
run (Outcome         *o,
     const char      *json,
     const SfDataset *ds)
{
  g_autoptr(SfScenario) scenario = parse_ok (json, ds);
  SfSettings s = sf_test_default_settings ();
  SfDay ref = sf_test_day (REF);

  o->result = sf_scenario_apply (scenario, ds, &s, ref);
  o->after = sf_scenario_figures_compute (o->result->dataset, &o->result->settings, ref, 12);
  o->before = sf_scenario_figures_compute (ds, &s, ref, 12);
}

static const SfWorkerFigures *
worker (const SfScenarioFigures *f,
        gint64                   id)
{
  const SfWorkerFigures *w = sf_figures_find_worker (f->figures, id);

  g_assert_nonnull (w);
  return w;
}

static const SfTeamFigures *
team (const SfScenarioFigures *f,
      gint64                   id)
{
  const SfTeamFigures *t = sf_figures_find_team (f->figures, id);

  g_assert_nonnull (t);
  return t;
}

static gboolean
has_alert (const SfScenarioFigures *f,
           SfAlertKind              kind,
           const char              *subject)
{
  for (guint i = 0; i < f->alerts->len; i++)
    {
      const SfAlert *alert = g_ptr_array_index (f->alerts, i);

      if (alert->kind == kind && g_strcmp0 (alert->subject, subject) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The copy has the same rows and text, and is a copy: changing it leaves
 * the original as it was. */
static void
test_copy (void)
{
  g_autoptr(SfDataset) ds = base (TRUE, TRUE);
  g_autoptr(SfDataset) copy = sf_dataset_copy (ds);
  SfCaseworker *w;

  g_assert_cmpuint (copy->areas->len, ==, 2);
  g_assert_cmpuint (copy->teams->len, ==, 3);
  g_assert_cmpuint (copy->caseworkers->len, ==, 3);
  g_assert_cmpuint (copy->cases->len, ==, 34);
  g_assert_cmpstr (g_array_index (copy->areas, SfArea, 1).key, ==, "sygedagpenge");
  g_assert_cmpstr (g_array_index (copy->teams, SfTeam, 2).name, ==, "Tom");
  g_assert_cmpstr (g_array_index (copy->cases, SfCase, 33).reference, ==, "S-34");
  w = &g_array_index (copy->caseworkers, SfCaseworker, 0);
  g_assert_cmpstr (w->initials, ==, "AAA");
  g_assert_true (w->initials != g_array_index (ds->caseworkers, SfCaseworker, 0).initials);
  w->team_id = 2;
  g_assert_cmpint (g_array_index (ds->caseworkers, SfCaseworker, 0).team_id, ==, 1);
  g_assert_cmpint (sf_dataset_find_caseworker (copy, 3)->team_id, ==, 2);
}

/* AAA moves to Sygedagpenge with her ten cases: her norm becomes that
 * team's 50; Sygedagpenge carries 20 + 10, Familie only BBB's 4 × 0.5. */
static void
test_move (void)
{
  g_autoptr(SfDataset) ds = base (TRUE, FALSE);
  g_auto(Outcome) o = { 0 };

  run (&o, "{\"name\": \"M\", \"changes\": [{\"op\": \"move\", \"initials\": \"aaa\", \"team\": \"sygedagpenge\"}]}", ds);
  g_assert_cmpuint (o.result->skipped->len, ==, 0);
  g_assert_cmpint (worker (o.after, 1)->team->id, ==, 2);
  g_assert_cmpfloat_with_epsilon (worker (o.after, 1)->adjusted_norm, 50, EPS);
  g_assert_cmpfloat_with_epsilon (worker (o.after, 1)->weighted_load, 10, EPS);
  g_assert_cmpfloat_with_epsilon (team (o.after, 2)->load, 30, EPS);
  g_assert_cmpfloat_with_epsilon (team (o.after, 2)->capacity, 100, EPS);
  g_assert_cmpfloat_with_epsilon (team (o.after, 1)->load, 2, EPS);
  g_assert_cmpfloat_with_epsilon (team (o.after, 1)->capacity, 30, EPS);
  /* The baseline and the loaded data are as they were */
  g_assert_cmpfloat_with_epsilon (worker (o.before, 1)->adjusted_norm, 30, EPS);
  g_assert_cmpfloat_with_epsilon (team (o.before, 1)->load, 12, EPS);
  g_assert_cmpint (sf_dataset_find_caseworker (ds, 1)->team_id, ==, 1);
}

/* BBB at 18.5 hours: availability 0.5, norm 30 × 0.5 = 15.  AAA's factor
 * 0.8 for a mentor role: norm 24, and the reason goes with it. */
static void
test_hours_and_factor (void)
{
  g_autoptr(SfDataset) ds = base (TRUE, FALSE);
  g_auto(Outcome) o = { 0 };

  run (&o, "{\"name\": \"H\", \"changes\": ["
           "{\"op\": \"hours\", \"initials\": \"BBB\", \"hours\": 18.5},"
           "{\"op\": \"factor\", \"initials\": \"AAA\", \"factor\": \"0,8\", \"reason\": \" Mentor \"}]}", ds);
  g_assert_cmpfloat_with_epsilon (worker (o.after, 2)->availability, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (worker (o.after, 2)->adjusted_norm, 15, EPS);
  g_assert_cmpfloat_with_epsilon (worker (o.after, 1)->adjusted_norm, 24, EPS);
  g_assert_cmpstr (sf_dataset_find_caseworker (o.result->dataset, 1)->factor_reason, ==, "Mentor");
  g_assert_cmpfloat_with_epsilon (team (o.after, 1)->capacity, 39, EPS);
  g_assert_cmpfloat_with_epsilon (team (o.before, 1)->capacity, 60, EPS);
  g_assert_cmpfloat (sf_dataset_find_caseworker (ds, 2)->weekly_hours, ==, 37);
}

/* CCC's last working day before the reference date: she has no capacity
 * and her 20 cases are uncovered, with their alert; in the forecast her
 * team has no capacity left. */
static void
test_end (void)
{
  g_autoptr(SfDataset) ds = base (TRUE, FALSE);
  g_auto(Outcome) o = { 0 };
  const SfTeamForecast *tf;

  run (&o, "{\"name\": \"E\", \"changes\": [{\"op\": \"end\", \"initials\": \"CCC\", \"date\": \"2027-01-01\"}]}", ds);
  g_assert_true (worker (o.after, 3)->ended);
  g_assert_cmpfloat (worker (o.after, 3)->adjusted_norm, ==, 0);
  g_assert_cmpuint (team (o.after, 2)->uncovered_cases, ==, 20);
  g_assert_cmpuint (team (o.before, 2)->uncovered_cases, ==, 0);
  g_assert_true (has_alert (o.after, SF_ALERT_UNCOVERED_CASES, "Sygedagpenge"));
  g_assert_false (has_alert (o.before, SF_ALERT_UNCOVERED_CASES, "Sygedagpenge"));
  tf = sf_forecast_find_team (o.after->forecast, 2);
  g_assert_cmpfloat (g_array_index (tf->points, SfForecastPoint, 0).capacity, ==, 0);
  g_assert_cmpint (g_array_index (tf->points, SfForecastPoint, 0).status, ==, SF_STATUS_OVER);
  tf = sf_forecast_find_team (o.before->forecast, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (tf->points, SfForecastPoint, 0).capacity, 50, EPS);

  /* null takes the end date away */
  {
    g_auto(Outcome) back = { 0 };

    g_array_index (ds->caseworkers, SfCaseworker, 2).end = sf_test_day ("2027-01-01");
    run (&back, "{\"name\": \"E\", \"changes\": [{\"op\": \"end\", \"initials\": \"CCC\", \"date\": null}]}", ds);
    g_assert_false (worker (back.after, 3)->ended);
    g_assert_true (worker (back.before, 3)->ended);
  }
}

/* A full-time hire in Familie from 1 December: on 4 January a new hire
 * (0.7), so 30 × 0.7 = 21 more capacity, today and in the forecast's first
 * month (1 February, still within six months). */
static void
test_hire (void)
{
  g_autoptr(SfDataset) ds = base (TRUE, FALSE);
  g_auto(Outcome) o = { 0 };
  const SfPlannedHire *hire;

  /* One already planned elsewhere: the new one comes after its id */
  sf_test_add_hire (ds, 5, 2, 37, sf_test_day ("2027-06-01"));
  run (&o, "{\"name\": \"P\", \"changes\": [{\"op\": \"hire\", \"team\": \"Familie\", \"hours\": 37, "
           "\"start\": \"2026-12-01\", \"note\": \"Vikar\"}]}", ds);
  g_assert_cmpuint (o.result->dataset->planned_hires->len, ==, 2);
  hire = &g_array_index (o.result->dataset->planned_hires, SfPlannedHire, 1);
  g_assert_cmpint (hire->id, ==, 6);
  g_assert_cmpstr (hire->note, ==, "Vikar");
  g_assert_cmpuint (team (o.after, 1)->planned_hires, ==, 1);
  g_assert_cmpfloat_with_epsilon (team (o.after, 1)->capacity, 81, EPS);
  g_assert_cmpfloat_with_epsilon (team (o.before, 1)->capacity, 60, EPS);
  g_assert_cmpfloat_with_epsilon (g_array_index (sf_forecast_find_team (o.after->forecast, 1)->points,
                                                 SfForecastPoint, 0).capacity, 81, EPS);
  g_assert_cmpuint (ds->planned_hires->len, ==, 1);
}

/* AAA carries 40 complex cases against a norm of 30 since long ago: over
 * at every weekly point, so sustained overload.  A base norm of 42 puts
 * her at 40/42 = 95 %: near, no longer over; complex cases weighing 1.2
 * put her over again (48 against 42), her team at 48 + 2 = 50. */
static void
test_norm_and_weight (void)
{
  g_autoptr(SfDataset) ds = base (TRUE, FALSE);
  g_auto(Outcome) o = { 0 };
  g_auto(Outcome) w = { 0 };

  sf_test_add_cases (ds, 30, 1, 0, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2026-01-01"), SF_DAY_NONE);
  run (&o, "{\"name\": \"N\", \"changes\": [{\"op\": \"norm\", \"team\": \"Familie\", \"norm\": 42}]}", ds);
  g_assert_true (has_alert (o.before, SF_ALERT_SUSTAINED_OVERLOAD, "AAA"));
  g_assert_true (has_alert (o.before, SF_ALERT_OVER_NORM, "AAA"));
  g_assert_false (has_alert (o.after, SF_ALERT_SUSTAINED_OVERLOAD, "AAA"));
  g_assert_false (has_alert (o.after, SF_ALERT_OVER_NORM, "AAA"));
  g_assert_true (has_alert (o.after, SF_ALERT_NEAR_NORM, "AAA"));
  g_assert_cmpfloat_with_epsilon (worker (o.after, 1)->adjusted_norm, 42, EPS);
  g_assert_cmpfloat_with_epsilon (team (o.after, 1)->capacity, 84, EPS);
  g_assert_cmpfloat (sf_dataset_find_team (ds, 1)->cap, ==, 0);

  run (&w, "{\"name\": \"W\", \"changes\": [{\"op\": \"norm\", \"team\": \"Familie\", \"norm\": 42},"
           "{\"op\": \"weight\", \"complexity\": \"Kompleks\", \"weight\": 1.2}]}", ds);
  g_assert_cmpfloat_with_epsilon (w.result->settings.weights[SF_COMPLEXITY_KOMPLEKS], 1.2, EPS);
  g_assert_cmpfloat_with_epsilon (worker (w.after, 1)->weighted_load, 48, EPS);
  g_assert_cmpfloat_with_epsilon (worker (w.after, 3)->weighted_load, 24, EPS);
  g_assert_cmpfloat_with_epsilon (team (w.after, 1)->load, 50, EPS);
  g_assert_true (has_alert (w.after, SF_ALERT_OVER_NORM, "AAA"));
  /* A weight carries no date: it holds at every past point too, so the
   * overload is sustained again */
  g_assert_true (has_alert (w.after, SF_ALERT_SUSTAINED_OVERLOAD, "AAA"));
}

/* MHL's open complex cases on 4 January: S-1 (10 Jan 2026), S-2, S-3 and
 * S-6 (all 1 June; S-6 covered by SBN) and S-7 (1 Feb).  Not S-4 (simple),
 * S-5 (closed), S-8 (SBN's), S-9 (starts in March).  Two move: of the
 * latest, the 1 June ones, the highest case number first: S-6 and S-3, not
 * S-2; S-6 no longer needs SBN's cover. */
static void
test_reassign (void)
{
  g_autoptr(SfDataset) ds = sf_dataset_new ();
  g_auto(Outcome) o = { 0 };
  g_auto(Outcome) all = { 0 };
  const SfScenarioSkip *skip;

  sf_test_add_area (ds, 1, "boern-familie", 20, 30);
  sf_test_add_team (ds, 1, "Familie", 1, 0);
  sf_test_add_worker (ds, 1, "MHL", 1, 37, SF_DAY_NONE);
  sf_test_add_worker (ds, 2, "SBN", 1, 37, SF_DAY_NONE);
  sf_test_add_cases (ds, 1, 1, 0, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2026-01-10"), SF_DAY_NONE);
  sf_test_add_cases (ds, 2, 1, 0, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2026-06-01"), SF_DAY_NONE);
  sf_test_add_cases (ds, 1, 1, 0, SF_COMPLEXITY_ENKEL, sf_test_day ("2026-09-01"), SF_DAY_NONE);
  sf_test_add_cases (ds, 1, 1, 0, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2026-03-01"), sf_test_day ("2026-12-01"));
  sf_test_add_cases (ds, 1, 1, 2, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2026-06-01"), SF_DAY_NONE);
  sf_test_add_cases (ds, 1, 1, 0, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2026-02-01"), SF_DAY_NONE);
  sf_test_add_cases (ds, 1, 2, 0, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2026-11-01"), SF_DAY_NONE);
  sf_test_add_cases (ds, 1, 1, 0, SF_COMPLEXITY_KOMPLEKS, sf_test_day ("2027-03-01"), SF_DAY_NONE);

  run (&o, "{\"name\": \"R\", \"changes\": [{\"op\": \"reassign\", \"from\": \"MHL\", \"to\": \"SBN\", "
           "\"complexity\": \"kompleks\", \"count\": 2}]}", ds);
  g_assert_cmpuint (o.result->skipped->len, ==, 0);
  for (guint i = 0; i < o.result->dataset->cases->len; i++)
    {
      const SfCase *kase = &g_array_index (o.result->dataset->cases, SfCase, i);
      const SfCase *was = &g_array_index (ds->cases, SfCase, i);
      gboolean moved = g_str_equal (kase->reference, "S-3") || g_str_equal (kase->reference, "S-6");

      if (moved)
        {
          g_assert_cmpint (kase->caseworker_id, ==, 2);
          g_assert_cmpint (kase->cover_id, ==, 0);
        }
      else
        {
          g_assert_cmpint (kase->caseworker_id, ==, was->caseworker_id);
          g_assert_cmpint (kase->cover_id, ==, was->cover_id);
        }
    }
  /* MHL keeps S-1, S-2, S-7 and the simple S-4: 3.5; SBN has S-3, S-6, S-8 */
  g_assert_cmpfloat_with_epsilon (worker (o.after, 1)->weighted_load, 3.5, EPS);
  g_assert_cmpfloat_with_epsilon (worker (o.after, 2)->weighted_load, 3, EPS);
  g_assert_cmpuint (worker (o.after, 2)->primary_cases, ==, 3);
  g_assert_cmpfloat_with_epsilon (worker (o.before, 1)->weighted_load, 4.5, EPS);
  g_assert_cmpfloat_with_epsilon (worker (o.before, 2)->weighted_load, 2, EPS);

  /* Ten asked, five there: the five move, and the scenario says so */
  run (&all, "{\"name\": \"R\", \"changes\": [{\"op\": \"reassign\", \"from\": \"MHL\", \"to\": \"SBN\", "
             "\"complexity\": \"kompleks\", \"count\": 10}]}", ds);
  g_assert_cmpfloat_with_epsilon (worker (all.after, 1)->weighted_load, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (worker (all.after, 2)->weighted_load, 6, EPS);
  g_assert_cmpuint (all.result->skipped->len, ==, 1);
  skip = g_ptr_array_index (all.result->skipped, 0);
  g_assert_cmpuint (skip->index, ==, 0);
  g_assert_cmpint (skip->op, ==, SF_SCENARIO_REASSIGN);
  g_assert_cmpstr (skip->message, ==,
                   "Change 1 (reassign): MHL has 5 open cases of that complexity, not 10: those were moved.");
}

/* Every problem of a file, each with its change's position */
static void
test_refused (void)
{
  g_autoptr(SfDataset) ds = base (TRUE, FALSE);
  SfSettings s = sf_test_default_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SfScenario) scenario = NULL;
  const char *json =
    "{\"changes\": ["
    "{\"op\": \"move\", \"initials\": \"XYZ\", \"team\": \"Nowhere\"},"
    "{\"op\": \"hours\", \"initials\": \"BBB\", \"hours\": 40},"
    "{\"op\": \"factor\", \"initials\": \"AAA\", \"factor\": 0.8},"
    "{\"op\": \"fly\"},"
    "{\"op\": \"weight\", \"complexity\": \"svær\", \"weight\": 1},"
    "{\"op\": \"norm\", \"team\": \"Familie\", \"norm\": 0},"
    "{\"op\": \"hire\", \"team\": \"Familie\", \"hours\": 0, \"start\": \"soon\"},"
    "{\"op\": \"reassign\", \"from\": \"AAA\", \"to\": \"AAA\", \"complexity\": \"enkel\", \"count\": 2.5, \"hour\": 1},"
    "{\"op\": \"move\", \"initials\": \"AAA\", \"team\": \"Familie\"}"
    "]}";

  scenario = sf_scenario_parse (json, -1, ds, &s, &error);
  g_assert_null (scenario);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==,
                   "The scenario was not computed: it has 13 problems.\n"
                   "The scenario needs a name.\n"
                   "Change 1 (move): There is no caseworker with the initials “XYZ”.\n"
                   "Change 1 (move): There is no team called “Nowhere”.\n"
                   "Change 2 (hours): The weekly hours must be between 0 and 37 (full time), not 40.\n"
                   "Change 3 (factor): Write the reason for the individual factor, so that the norm can be "
                   "explained to the caseworker.\n"
                   "Change 4: “fly” is not a kind of change: use move, hours, factor, end, hire, norm, weight or reassign.\n"
                   "Change 5 (weight): “svær” is not a complexity: use enkel, kompleks or saerligt-kompliceret.\n"
                   "Change 6 (norm): The team norm must be more than 0 and at most 1000 cases, or left empty; not 0.\n"
                   "Change 7 (hire): A planned hire needs weekly hours above 0.\n"
                   "Change 7 (hire): “start” is missing or is not a date written as YYYY-MM-DD.\n"
                   "Change 8 (reassign): “hour” is not something this kind of change takes.\n"
                   "Change 8 (reassign): The number of cases to move must be a whole number from 1 to 100000, not 2.5.\n"
                   "Change 8 (reassign): The cases would move to the caseworker who has them: name a colleague.");
  g_clear_error (&error);

  /* Hours below the reductions in force together are refused, as in the
   * roster's form */
  {
    SfReduction r = { .id = 1, .caseworker_id = 1, .hours = 10, .reason = SF_REDUCTION_UNION };

    g_array_append_val (ds->reductions, r);
    g_assert_null (sf_scenario_parse ("{\"name\": \"R\", \"changes\": [{\"op\": \"hours\", "
                                      "\"initials\": \"AAA\", \"hours\": 8}]}", -1, ds, &s, &error));
    g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
    g_assert_cmpstr (error->message, ==,
                     "The scenario was not computed: it has 1 problem.\n"
                     "Change 1 (hours): The reductions (10 hours a week at the same time) are more than "
                     "the weekly hours (8).");
    g_clear_error (&error);
  }

  g_assert_null (sf_scenario_parse ("[1, 2]", -1, ds, &s, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (sf_scenario_parse ("{\"name\": ", -1, ds, &s, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "The scenario is not valid JSON: "));
}

/* Read against a base with AAA and the team Tom, applied to one without
 * them: the changes naming them are skipped and listed, the others apply. */
static void
test_base_moved (void)
{
  g_autoptr(SfDataset) then = base (TRUE, TRUE);
  g_autoptr(SfDataset) now = base (FALSE, FALSE);
  g_autoptr(SfScenario) scenario = NULL;
  g_autoptr(SfScenarioResult) result = NULL;
  SfSettings s = sf_test_default_settings ();
  const char *expected[] = {
    "Change 1 (factor): AAA is no longer on the roster; the change no longer applies.",
    "Change 3 (norm): There is no longer a team called “Tom”; the change no longer applies.",
    "Change 4 (reassign): AAA is no longer on the roster; the change no longer applies.",
  };
  const guint indices[] = { 0, 2, 3 };

  scenario = parse_ok ("{\"name\": \"B\", \"changes\": ["
                       "{\"op\": \"factor\", \"initials\": \"AAA\", \"factor\": 0.8, \"reason\": \"Mentor\"},"
                       "{\"op\": \"hours\", \"initials\": \"BBB\", \"hours\": 18.5},"
                       "{\"op\": \"norm\", \"team\": \"Tom\", \"norm\": 20},"
                       "{\"op\": \"reassign\", \"from\": \"AAA\", \"to\": \"BBB\", \"complexity\": \"kompleks\", \"count\": 1},"
                       "{\"op\": \"weight\", \"complexity\": \"enkel\", \"weight\": 1}]}", then);
  g_assert_cmpstr (scenario->name, ==, "B");
  g_assert_cmpuint (scenario->changes->len, ==, 5);
  result = sf_scenario_apply (scenario, now, &s, sf_test_day (REF));
  g_assert_cmpuint (result->skipped->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SfScenarioSkip *skip = g_ptr_array_index (result->skipped, i);

      g_assert_cmpuint (skip->index, ==, indices[i]);
      g_assert_cmpstr (skip->message, ==, expected[i]);
    }
  g_assert_cmpfloat (sf_dataset_find_caseworker (result->dataset, 2)->weekly_hours, ==, 18.5);
  g_assert_cmpfloat (result->settings.weights[SF_COMPLEXITY_ENKEL], ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scenario/copy", test_copy);
  g_test_add_func ("/scenario/move", test_move);
  g_test_add_func ("/scenario/hours-and-factor", test_hours_and_factor);
  g_test_add_func ("/scenario/end", test_end);
  g_test_add_func ("/scenario/hire", test_hire);
  g_test_add_func ("/scenario/norm-and-weight", test_norm_and_weight);
  g_test_add_func ("/scenario/reassign", test_reassign);
  g_test_add_func ("/scenario/refused", test_refused);
  g_test_add_func ("/scenario/base-moved", test_base_moved);
  return g_test_run ();
}
