/* Alert rules at, just above and just below each threshold; the next-case
 * suggestion's tie-breaks; acknowledgements; the history behind "since". */

#include <math.h>

#include "sf-core.h"
#include "sf-test-util.h"

#define EPS 1e-9

static SfDataset *
dataset_new (double ds_high,
             double cap)
{
  SfDataset *ds = sf_dataset_new ();
  SfArea a = { .id = 1, .key = g_strdup ("boern-familie"), .name = g_strdup ("Børne- og familieområdet"),
               .ds_low = 20, .ds_high = ds_high };
  SfTeam t = { .id = 1, .name = g_strdup ("Familie"), .area_id = 1, .cap = cap };

  g_array_append_val (ds->areas, a);
  g_array_append_val (ds->teams, t);
  return ds;
}

static SfCaseworker *
add_worker (SfDataset  *ds,
            const char *initials,
            double      hours)
{
  SfCaseworker w = {
    .id = ds->caseworkers->len + 1, .initials = g_strdup (initials), .name = g_strdup (initials),
    .team_id = 1, .weekly_hours = hours, .individual_factor = 1,
  };

  g_array_append_val (ds->caseworkers, w);
  return &g_array_index (ds->caseworkers, SfCaseworker, ds->caseworkers->len - 1);
}

static void
add_cases (SfDataset    *ds,
           gint64        worker,
           guint         n,
           SfComplexity  complexity)
{
  for (guint i = 0; i < n; i++)
    {
      SfCase c = { .id = ds->cases->len + 1, .reference = g_strdup_printf ("C%u", ds->cases->len + 1),
                   .complexity = complexity, .caseworker_id = worker };

      g_array_append_val (ds->cases, c);
    }
}

static GPtrArray *
evaluate (SfDataset   *ds,
          SfFigures  **out_figures)
{
  SfSettings s;

  sf_settings_init_defaults (&s);
  *out_figures = sf_figures_compute (ds, &s, sf_test_day ("2024-06-15"));
  return sf_alerts_evaluate (*out_figures);
}

static const SfAlert *
find (GPtrArray   *alerts,
      SfAlertKind  kind,
      const char  *subject)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      const SfAlert *alert = g_ptr_array_index (alerts, i);

      if (alert->kind == kind && g_strcmp0 (alert->subject, subject) == 0)
        return alert;
    }
  return NULL;
}

/* Norm 30 (37 h, DS upper 30): 27 is 0.90 (no alert), 27.5 near, 30 near
 * (exactly at the norm), 30.5 over by 0.5. */
static void
test_person_thresholds (void)
{
  g_autoptr(SfDataset) ds = dataset_new (30, 0);
  g_autoptr(SfFigures) f = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  const SfAlert *alert;

  add_worker (ds, "AT", 37);
  add_cases (ds, 1, 27, SF_COMPLEXITY_KOMPLEKS);
  add_worker (ds, "JA", 37);
  add_cases (ds, 2, 27, SF_COMPLEXITY_KOMPLEKS);
  add_cases (ds, 2, 1, SF_COMPLEXITY_ENKEL);
  add_worker (ds, "NO", 37);
  add_cases (ds, 3, 30, SF_COMPLEXITY_KOMPLEKS);
  add_worker (ds, "OV", 37);
  add_cases (ds, 4, 30, SF_COMPLEXITY_KOMPLEKS);
  add_cases (ds, 4, 1, SF_COMPLEXITY_ENKEL);
  /* 29.6 h: norm 24 through a division by 37; 24 cases is at the norm. */
  add_worker (ds, "PT", 29.6);
  add_cases (ds, 5, 24, SF_COMPLEXITY_KOMPLEKS);
  alerts = evaluate (ds, &f);

  g_assert_null (find (alerts, SF_ALERT_NEAR_NORM, "AT"));
  g_assert_null (find (alerts, SF_ALERT_OVER_NORM, "AT"));

  alert = find (alerts, SF_ALERT_NEAR_NORM, "JA");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->severity, ==, SF_SEVERITY_WARNING);
  g_assert_cmpfloat_with_epsilon (alert->value, 27.5 / 30, EPS);
  g_assert_cmpfloat_with_epsilon (alert->limit, 0.9, EPS);

  g_assert_nonnull (find (alerts, SF_ALERT_NEAR_NORM, "NO"));
  g_assert_null (find (alerts, SF_ALERT_OVER_NORM, "NO"));
  g_assert_nonnull (find (alerts, SF_ALERT_NEAR_NORM, "PT"));
  g_assert_null (find (alerts, SF_ALERT_OVER_NORM, "PT"));

  alert = find (alerts, SF_ALERT_OVER_NORM, "OV");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->severity, ==, SF_SEVERITY_ERROR);
  g_assert_cmpfloat_with_epsilon (alert->excess, 0.5, EPS);
  g_assert_nonnull (strstr (alert->resolution, "0.5"));
  g_assert_nonnull (strstr (alert->message, "OV"));
  g_assert_null (find (alerts, SF_ALERT_NEAR_NORM, "OV"));

  /* Errors first. */
  g_assert_cmpint (((SfAlert *) g_ptr_array_index (alerts, 0))->severity, ==, SF_SEVERITY_ERROR);
  g_assert_cmpuint (alerts->len, ==, 4);
}

/* Adjusted norm 0 with cases: no-capacity instead of over-norm; without
 * cases: nothing.  Uncovered cases: one team error with the count. */
static void
test_no_capacity_and_uncovered (void)
{
  g_autoptr(SfDataset) ds = dataset_new (30, 0);
  g_autoptr(SfFigures) f = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  SfCaseworker *w;
  const SfAlert *alert;
  SfReduction full = { .id = 1, .caseworker_id = 3, .hours = 37 };
  SfCase covered = { .id = 100, .reference = g_strdup ("CV"), .complexity = SF_COMPLEXITY_KOMPLEKS,
                     .caseworker_id = 1, .cover_id = 4 };

  w = add_worker (ds, "AB", 37);                 /* absent, 12 cases, 1 covered by D */
  w->absence_kind = g_strdup ("Langtidssygemeldt");
  add_cases (ds, 1, 11, SF_COMPLEXITY_KOMPLEKS);
  g_array_append_val (ds->cases, covered);
  w = add_worker (ds, "NS", 37);                 /* not started, covers nothing, has 2 cases */
  w->start = sf_test_day ("2024-07-01");
  add_cases (ds, 2, 2, SF_COMPLEXITY_ENKEL);
  add_worker (ds, "FR", 37);                     /* fully reduced, no cases: no alert */
  g_array_append_val (ds->reductions, full);
  add_worker (ds, "D", 37);
  alerts = evaluate (ds, &f);

  alert = find (alerts, SF_ALERT_NO_CAPACITY, "NS");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->severity, ==, SF_SEVERITY_ERROR);
  g_assert_cmpfloat_with_epsilon (alert->value, 1, EPS);
  g_assert_null (find (alerts, SF_ALERT_OVER_NORM, "NS"));
  g_assert_null (find (alerts, SF_ALERT_NO_CAPACITY, "FR"));
  g_assert_null (find (alerts, SF_ALERT_NO_CAPACITY, "AB"));   /* its cases count on nobody */

  alert = find (alerts, SF_ALERT_UNCOVERED_CASES, "Familie");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->severity, ==, SF_SEVERITY_ERROR);
  g_assert_cmpfloat (alert->value, ==, 11);
  g_assert_nonnull (strstr (alert->resolution, "Cover 11 cases"));
  g_assert_nonnull (strstr (alert->message, "AB"));
  g_assert_cmpuint (alerts->len, ==, 2);
}

/* Cases per FTE against DS' upper figure, not the team's own cap:
 * two full-timers with 60 cases = 30 per FTE is at the range (no alert);
 * 61 cases = 30.5 is above it. */
static void
test_team_over_ds_range (void)
{
  g_autoptr(SfDataset) ds = dataset_new (30, 40);
  g_autoptr(SfFigures) f = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(SfFigures) f2 = NULL;
  g_autoptr(GPtrArray) alerts2 = NULL;
  const SfAlert *alert;

  add_worker (ds, "A", 37);
  add_worker (ds, "B", 37);
  add_cases (ds, 1, 30, SF_COMPLEXITY_ENKEL);
  add_cases (ds, 2, 30, SF_COMPLEXITY_ENKEL);
  alerts = evaluate (ds, &f);
  g_assert_null (find (alerts, SF_ALERT_TEAM_OVER_DS_RANGE, "Familie"));

  add_cases (ds, 2, 1, SF_COMPLEXITY_ENKEL);
  alerts2 = evaluate (ds, &f2);
  alert = find (alerts2, SF_ALERT_TEAM_OVER_DS_RANGE, "Familie");
  g_assert_nonnull (alert);
  g_assert_cmpint (alert->severity, ==, SF_SEVERITY_WARNING);
  g_assert_cmpfloat_with_epsilon (alert->value, 30.5, EPS);
  g_assert_cmpfloat (alert->limit, ==, 30);
  g_assert_cmpfloat_with_epsilon (alert->excess, 1, EPS);
  /* Under the team's cap of 40, nobody is near: 15.5 / 40. */
  g_assert_cmpuint (alerts2->len, ==, 1);
}

static SfSuggestion *
suggest (SfDataset    *ds,
         SfComplexity  complexity,
         SfFigures   **out_figures)
{
  g_autoptr(GError) error = NULL;
  SfSettings s;
  SfSuggestion *suggestion;

  sf_settings_init_defaults (&s);
  *out_figures = sf_figures_compute (ds, &s, sf_test_day ("2024-06-15"));
  suggestion = sf_suggest_next_case (*out_figures, 1, complexity, &error);
  g_assert_no_error (error);
  return suggestion;
}

static void
test_suggest (void)
{
  g_autoptr(SfDataset) ds = dataset_new (30, 0);
  g_autoptr(SfFigures) f = NULL;
  g_autoptr(SfSuggestion) s = NULL;
  SfCaseworker *w;

  /* MOST: 37 h, 20 → headroom 10.  PART: 18.5 h, norm 15, 4 → 11, the most.
   * ABS: absent, nobody's pick. */
  add_worker (ds, "MOST", 37);
  add_cases (ds, 1, 20, SF_COMPLEXITY_KOMPLEKS);
  add_worker (ds, "PART", 18.5);
  add_cases (ds, 2, 4, SF_COMPLEXITY_KOMPLEKS);
  w = add_worker (ds, "ABS", 37);
  w->absence_kind = g_strdup ("Orlov");
  s = suggest (ds, SF_COMPLEXITY_SAERLIGT_KOMPLICERET, &f);
  g_assert_cmpstr (s->worker->worker->initials, ==, "PART");
  g_assert_cmpfloat_with_epsilon (s->headroom_before, 11, EPS);
  g_assert_cmpfloat_with_epsilon (s->headroom_after, 9, EPS);
  g_assert_cmpfloat_with_epsilon (s->utilisation_after, 6.0 / 15, EPS);
  g_assert_nonnull (strstr (s->reason, "PART"));
}

static void
test_suggest_ties (void)
{
  g_autoptr(SfDataset) ds = dataset_new (30, 0);
  g_autoptr(SfFigures) f = NULL;
  g_autoptr(SfFigures) f2 = NULL;
  g_autoptr(SfSuggestion) s = NULL;
  g_autoptr(SfSuggestion) s2 = NULL;

  /* Equal headroom 10: BB (norm 30, load 20, 0.667) and AA (norm 15 at
   * 18.5 h, load 5, 0.333): the lower utilisation wins. */
  add_worker (ds, "BB", 37);
  add_cases (ds, 1, 20, SF_COMPLEXITY_KOMPLEKS);
  add_worker (ds, "AA", 18.5);
  add_cases (ds, 2, 5, SF_COMPLEXITY_KOMPLEKS);
  s = suggest (ds, SF_COMPLEXITY_KOMPLEKS, &f);
  g_assert_cmpstr (s->worker->worker->initials, ==, "AA");

  /* Equal headroom and utilisation: the initials decide. */
  g_clear_pointer (&ds, sf_dataset_free);
  ds = dataset_new (30, 0);
  add_worker (ds, "ZZ", 37);
  add_worker (ds, "CC", 37);
  add_worker (ds, "MM", 37);
  s2 = suggest (ds, SF_COMPLEXITY_ENKEL, &f2);
  g_assert_cmpstr (s2->worker->worker->initials, ==, "CC");
}

static void
test_suggest_nobody (void)
{
  g_autoptr(SfDataset) ds = dataset_new (30, 0);
  g_autoptr(SfFigures) f = NULL;
  g_autoptr(GError) error = NULL;
  SfSettings s;
  SfCaseworker *w;

  w = add_worker (ds, "AB", 37);
  w->absence_kind = g_strdup ("Orlov");
  sf_settings_init_defaults (&s);
  f = sf_figures_compute (ds, &s, sf_test_day ("2024-06-15"));
  g_assert_null (sf_suggest_next_case (f, 1, SF_COMPLEXITY_ENKEL, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sf_suggest_next_case (f, 99, SF_COMPLEXITY_ENKEL, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
}

static void
test_ack_holds (void)
{
  SfAlert alert = { .kind = SF_ALERT_OVER_NORM, .value = 1.10 };
  SfAlertAck ack = { .value = 1.10, .expires = sf_test_day ("2024-07-01") };

  g_assert_true (sf_alert_ack_holds (&ack, &alert, sf_test_day ("2024-06-30")));
  /* It returns on the day it expires. */
  g_assert_false (sf_alert_ack_holds (&ack, &alert, sf_test_day ("2024-07-01")));
  /* ...or when the situation worsens; improving keeps it acknowledged. */
  alert.value = 1.12;
  g_assert_false (sf_alert_ack_holds (&ack, &alert, sf_test_day ("2024-06-20")));
  alert.value = 1.05;
  g_assert_true (sf_alert_ack_holds (&ack, &alert, sf_test_day ("2024-06-20")));
  ack.expires = SF_DAY_NONE;
  g_assert_true (sf_alert_ack_holds (&ack, &alert, sf_test_day ("2030-01-01")));
}

/* Imports @roster, then the case list @csv, and reads back the settings
 * (into @settings) and the data set */
static SfDataset *
import_and_load (SfStore    *store,
                 GBytes     *roster,
                 GString    *csv,
                 SfSettings *settings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cases = g_bytes_new (csv->str, csv->len);
  g_auto(SfImportResult) result = { 0 };
  SfDataset *ds;

  g_assert_true (sf_import_roster (store, roster, &result, &error));
  g_assert_no_error (error);
  sf_import_result_clear (&result);
  g_assert_true (sf_import_cases (store, cases, &result, &error));
  g_assert_no_error (error);
  g_assert_true (sf_store_load_settings (store, settings, &error));
  ds = sf_store_load_dataset (store, &error);
  g_assert_no_error (error);
  return ds;
}

/* Through the store: acknowledge, see it held, let it expire; history
 * gives "since" for a person who stays over. */
static void
test_stored (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  /* A file, or the test server's database (test-alerts-on-pg) */
  g_autoptr(SfStore) store = sf_test_open_store (&dir);
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;initialer;navn\nFamilie;boern-familie;OV;Olga Vang\n");
  g_autoptr(SfDataset) ds = NULL;
  g_autoptr(GString) csv = g_string_new ("sagsnummer;initialer;kompleksitet;startdato\n");
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) expired = NULL;
  g_auto(GStrv) fresh = NULL;
  g_auto(GStrv) again = NULL;
  SfSettings s;
  SfFigures *f;
  const SfAlert *alert;

  for (guint i = 0; i < 33; i++)
    g_string_append_printf (csv, "S-%u;OV;kompleks;2024-05-27\n", i);
  ds = import_and_load (store, roster, csv, &s);

  /* History on 1 June (over), then evaluate on 15 June: over since 1 June. */
  f = sf_figures_compute (ds, &s, sf_test_day ("2024-06-01"));
  g_assert_true (sf_figure_history_record (store, f, &error));
  g_assert_true (sf_figure_history_record (store, f, &error));   /* unchanged: writes nothing */
  sf_figures_free (f);
  g_assert_cmpint (sf_store_count (store, "worker_history"), ==, 1);
  g_assert_cmpint (sf_store_count (store, "team_history"), ==, 1);
  f = sf_figures_compute (ds, &s, sf_test_day ("2024-06-15"));
  alerts = sf_alerts_evaluate_stored (store, f, &error);
  g_assert_no_error (error);
  alert = find (alerts, SF_ALERT_OVER_NORM, "OV");
  g_assert_nonnull (alert);
  g_assert_cmpuint (alert->since, ==, sf_test_day ("2024-06-01"));
  g_assert_false (alert->acknowledged);
  /* Over at the weekly points 1 and 8 June (opened 27 May), not 25 May:
   * three weeks is not yet sustained. */
  g_assert_null (find (alerts, SF_ALERT_SUSTAINED_OVERLOAD, "OV"));

  /* New errors since the last start: the first time all, then none. */
  fresh = sf_alerts_take_new_errors (store, "gui", alerts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (fresh), ==, 1);
  again = sf_alerts_take_new_errors (store, "gui", alerts, &error);
  g_assert_cmpuint (g_strv_length (again), ==, 0);

  g_assert_false (sf_alert_acknowledge (store, alert, "  ", sf_test_day ("2024-07-01"), &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (sf_alert_acknowledge (store, alert, "Two cases move on 1 July", sf_test_day ("2024-07-01"), &error));
  g_assert_no_error (error);

  later = sf_alerts_evaluate_stored (store, f, &error);
  alert = find (later, SF_ALERT_OVER_NORM, "OV");
  g_assert_true (alert->acknowledged);
  g_assert_cmpstr (alert->ack_note, ==, "Two cases move on 1 July");
  g_assert_cmpuint (sf_alerts_count_active (later, SF_SEVERITY_ERROR), ==, 0);
  sf_figures_free (f);

  f = sf_figures_compute (ds, &s, sf_test_day ("2024-07-01"));
  expired = sf_alerts_evaluate_stored (store, f, &error);
  g_assert_false (find (expired, SF_ALERT_OVER_NORM, "OV")->acknowledged);
  /* By 1 July she has been over at every weekly point back to 27 May, the
   * day her cases opened (six points, five weeks; 20 May was not over):
   * sustained overload, for her and her team. */
  alert = find (expired, SF_ALERT_SUSTAINED_OVERLOAD, "OV");
  g_assert_nonnull (alert);
  g_assert_cmpuint (alert->since, ==, sf_test_day ("2024-05-27"));
  g_assert_nonnull (find (expired, SF_ALERT_TEAM_SUSTAINED_OVERLOAD, "Familie"));
  g_assert_cmpuint (sf_alerts_count_active (expired, SF_SEVERITY_ERROR), ==, 3);
  sf_figures_free (f);
  g_assert_cmpint (sf_store_count (store, "audit"), >=, 3);
}

/* The sustained overloads the store's evaluation finds (swept in passes:
 * the day, the W + 1 weekly points for whoever is over on it, the year back
 * for whoever is sustained) are those of one sweep of the whole year for
 * everyone: a long overload and its start, a short one that is not yet
 * sustained, one that ended, and a team over with its one member. */
static void
test_sustained_passes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_test_open_store (&dir);
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;initialer;navn\n"
                                            "Familie;boern-familie;OV;Olga Vang\n"
                                            "Familie;boern-familie;AB;Anna Bech\n"
                                            "Familie;boern-familie;CD;Carl Dahl\n"
                                            "Solo;boern-familie;EF;Eva Friis\n");
  g_autoptr(GString) csv = g_string_new ("sagsnummer;initialer;kompleksitet;startdato;lukket\n");
  g_autoptr(SfDataset) ds = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) reference = NULL;
  g_autoptr(GPtrArray) recordings = NULL;
  g_autoptr(GArray) days = NULL;
  SfDay ref = sf_test_day ("2024-06-24");
  guint n_stored = 0, n_people = 0, n_teams = 0;
  SfSettings s;
  SfFigures *f;

  /* OV over since March; AB for the last three weeks only; CD over in
   * January and February and not since; EF, alone in Solo, since May. */
  for (guint i = 0; i < 33; i++)
    {
      g_string_append_printf (csv, "OV-%u;OV;kompleks;2024-03-04;\n", i);
      g_string_append_printf (csv, "AB-%u;AB;kompleks;2024-06-08;\n", i);
      g_string_append_printf (csv, "CD-%u;CD;kompleks;2024-01-02;2024-03-01\n", i);
      g_string_append_printf (csv, "EF-%u;EF;kompleks;2024-05-01;\n", i);
    }
  ds = import_and_load (store, roster, csv, &s);

  /* One weekly point recorded, the others computed */
  f = sf_figures_compute (ds, &s, ref - 14);
  g_assert_true (sf_figure_history_record (store, f, &error));
  sf_figures_free (f);

  f = sf_figures_compute (ds, &s, ref);
  stored = sf_alerts_evaluate_stored (store, f, &error);
  g_assert_no_error (error);

  days = sf_trend_days (ref - 7 * 52, ref, SF_TREND_WEEK);
  recordings = sf_figure_history_load_recordings_some (store, days, NULL, NULL, &error);
  g_assert_no_error (error);
  points = sf_trend_compute (ds, &s, days, recordings);
  reference = sf_alerts_sustained (f, points);

  for (guint i = 0; i < stored->len; i++)
    n_stored += sf_alert_kind_is_sustained (((SfAlert *) g_ptr_array_index (stored, i))->kind);
  g_assert_cmpuint (n_stored, ==, reference->len);
  for (guint i = 0; i < reference->len; i++)
    {
      const SfAlert *want = g_ptr_array_index (reference, i);
      const SfAlert *got = find (stored, want->kind, want->subject);

      g_assert_nonnull (got);
      g_assert_cmpuint (got->since, ==, want->since);
      g_assert_cmpstr (got->message, ==, want->message);
      n_people += want->kind == SF_ALERT_SUSTAINED_OVERLOAD;
      n_teams += want->kind == SF_ALERT_TEAM_SUSTAINED_OVERLOAD;
    }
  /* The case is not empty: OV and EF, and Solo */
  g_assert_cmpuint (n_people, ==, 2);
  g_assert_cmpuint (n_teams, >=, 1);
  g_assert_cmpuint (find (stored, SF_ALERT_SUSTAINED_OVERLOAD, "OV")->since, ==, sf_test_day ("2024-03-04"));
  g_assert_cmpuint (find (stored, SF_ALERT_SUSTAINED_OVERLOAD, "EF")->since, ==, sf_test_day ("2024-05-06"));
  g_assert_nonnull (find (stored, SF_ALERT_TEAM_SUSTAINED_OVERLOAD, "Solo"));
  g_assert_null (find (stored, SF_ALERT_SUSTAINED_OVERLOAD, "AB"));
  g_assert_null (find (stored, SF_ALERT_SUSTAINED_OVERLOAD, "CD"));
  sf_figures_free (f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/alerts/person-thresholds", test_person_thresholds);
  g_test_add_func ("/alerts/no-capacity-and-uncovered", test_no_capacity_and_uncovered);
  g_test_add_func ("/alerts/team-over-ds-range", test_team_over_ds_range);
  g_test_add_func ("/alerts/suggest", test_suggest);
  g_test_add_func ("/alerts/suggest-ties", test_suggest_ties);
  g_test_add_func ("/alerts/suggest-nobody", test_suggest_nobody);
  g_test_add_func ("/alerts/ack-holds", test_ack_holds);
  g_test_add_func ("/alerts/stored", test_stored);
  g_test_add_func ("/alerts/sustained-passes", test_sustained_passes);
  return g_test_run ();
}
