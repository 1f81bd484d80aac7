/* Saved scenarios (save, list, rename, duplicate, delete, the changes file
 * read back), and applying one to the real data: the result is exactly
 * what computing the scenario showed, undo gives back exactly the data
 * before, a base that has moved skips what no longer applies, and a change
 * the data refuses changes nothing. */

#include <json-glib/json-glib.h>
#include <string.h>

#include "sf-core.h"
#include "sf-test-util.h"

#define REF "2026-12-06"

/* The example on the demonstration data, and three more. */
static const char example[] =
  "{\"name\": \"Omfordeling\", \"changes\": ["
  "{\"op\": \"move\", \"initials\": \"TLR\", \"team\": \"Sygedagpenge\"},"
  "{\"op\": \"hours\", \"initials\": \"LKP\", \"hours\": 30},"
  "{\"op\": \"factor\", \"initials\": \"LKP\", \"factor\": 0.8, \"reason\": \"Mentor\"},"
  "{\"op\": \"end\", \"initials\": \"PMK\", \"date\": \"2027-02-28\"},"
  "{\"op\": \"hire\", \"team\": \"Sygedagpenge\", \"hours\": 37, \"start\": \"2027-01-15\", \"note\": \"Vikar\"},"
  "{\"op\": \"norm\", \"team\": \"Sygedagpenge\", \"norm\": 42},"
  "{\"op\": \"weight\", \"complexity\": \"kompleks\", \"weight\": 1.2},"
  "{\"op\": \"reassign\", \"from\": \"MHL\", \"to\": \"SBN\", \"complexity\": \"kompleks\", \"count\": 4},"
  "{\"op\": \"hours\", \"initials\": \"MHL\", \"hours\": \"36,5\"},"
  "{\"op\": \"end\", \"initials\": \"CHO\", \"date\": null},"
  /* SBN has 12 complex cases of his own and the 4 MHL gave him */
  "{\"op\": \"reassign\", \"from\": \"SBN\", \"to\": \"AKJ\", \"complexity\": \"kompleks\", \"count\": 14}]}";

static void
demo (SfTestStore *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sf_demo_populate (f->store, sf_test_day (REF), &error));
  g_assert_no_error (error);
}

static SfScenario *
parse_ok (SfStore    *store,
          const char *json)
{
  g_autoptr(SfDataset) ds = sf_store_load_dataset (store, NULL);
  g_autoptr(GError) error = NULL;
  SfSettings s;
  SfScenario *scenario;

  g_assert_true (sf_store_load_settings (store, &s, NULL));
  scenario = sf_scenario_parse (json, -1, ds, &s, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}

/* Every row of every table but the change log, in order, without the
 * rows' versions. */
static char *
dump (SfStore *store)
{
  SfDb *db = sf_store_get_db (store);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  SfDbStmt *stmt;

  stmt = sf_db_prepare (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                            " AND name <> 'audit' ORDER BY name", NULL);
  g_assert_nonnull (stmt);
  while (sf_db_stmt_step (stmt) == SF_DB_ROW)
    g_ptr_array_add (tables, g_strdup (sf_db_stmt_column_text (stmt, 0)));
  sf_db_stmt_free (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *name = sf_db_quote_name (tables->pdata[i]);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", name);

      stmt = sf_db_prepare (db, sql, NULL);
      g_assert_nonnull (stmt);
      g_string_append_printf (out, "[%s]\n", (const char *) tables->pdata[i]);
      while (sf_db_stmt_step (stmt) == SF_DB_ROW)
        {
          for (int c = 0; c < sf_db_stmt_column_count (stmt); c++)
            if (!sf_test_is_version_column (sf_db_stmt_column_name (stmt, c)))
              g_string_append_printf (out, "%s%s", c > 0 ? "|" : "",
                                      sf_db_stmt_column_is_null (stmt, c)
                                      ? "NULL" : sf_db_stmt_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sf_db_stmt_free (stmt);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The report and forecast of the data in @store, as JSON. */
static char *
render (SfStore *store,
        int      which)
{
  g_autoptr(SfDataset) ds = sf_store_load_dataset (store, NULL);
  g_autoptr(SfScenarioFigures) figures = NULL;
  SfSettings s;

  g_assert_true (sf_store_load_settings (store, &s, NULL));
  figures = sf_scenario_figures_compute (ds, &s, sf_test_day (REF), 12);
  return which == 0 ? sf_report_render (figures->figures, SF_REPORT_JSON)
                    : sf_report_render_forecast (figures->forecast, 0, SF_REPORT_JSON);
}

static void
test_saved (SfTestStore   *f,
            gconstpointer  data)
{
  g_autoptr(SfScenario) scenario = NULL;
  g_autoptr(SfScenario) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autofree char *data_before = NULL;
  g_autofree char *data_after = NULL;
  gint64 id, copy;

  demo (f);
  scenario = parse_ok (f->store, example);
  data_before = dump (f->store);
  id = sf_scenario_store_save (f->store, 0, scenario, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Only the scenario table changed (and the change log) */
  data_after = dump (f->store);
  g_assert_cmpstr (strstr (data_after, "[scenario]"), !=, NULL);
  g_assert_cmpint (sf_test_query_int (f->store, "SELECT count(*) FROM audit WHERE action = 'scenario-save'"), ==, 1);

  /* Found regardless of case; the name is taken */
  g_assert_cmpint (sf_scenario_store_find (f->store, "OMFORDELING"), ==, id);
  g_assert_cmpint (sf_scenario_store_find (f->store, "Ingen"), ==, 0);
  g_assert_cmpint (sf_scenario_store_save (f->store, 0, scenario, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Read back: the same changes file */
  loaded = sf_scenario_store_load (f->store, id, &error);
  g_assert_no_error (error);
  json = sf_scenario_to_json (scenario);
  again = sf_scenario_to_json (loaded);
  g_assert_cmpstr (json, ==, again);
  g_assert_nonnull (strstr (json, "\"factor\" : 0.8,"));
  g_assert_nonnull (strstr (json, "\"hours\" : 36.5\n"));
  g_assert_nonnull (strstr (json, "\"date\" : null"));
  g_assert_cmpuint (loaded->changes->len, ==, 11);

  /* Renamed, duplicated, listed by name, deleted */
  g_assert_true (sf_scenario_store_rename (f->store, id, "Ændring", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_scenario_store_find (f->store, "ændring"), ==, id);
  copy = sf_scenario_store_duplicate (f->store, id, "Alternativ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy, >, id);
  g_assert_cmpint (sf_scenario_store_duplicate (f->store, id, " ", &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (sf_scenario_store_rename (f->store, copy, "ÆNDRING", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  list = sf_scenario_store_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SfSavedScenario *) list->pdata[0])->name, ==, "Alternativ");
  g_assert_cmpstr (((SfSavedScenario *) list->pdata[1])->name, ==, "Ændring");
  g_assert_cmpuint (((SfSavedScenario *) list->pdata[1])->n_changes, ==, 11);
  g_assert_true (sf_scenario_store_delete (f->store, copy, &error));
  g_assert_no_error (error);
  g_assert_false (sf_scenario_store_delete (f->store, copy, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sf_test_query_int (f->store, "SELECT count(*) FROM scenario"), ==, 1);
}

/* Applying leaves exactly what computing the scenario showed; undo leaves
 * exactly the data before (every table but the change log, to the id). */
static void
test_apply_undo (SfTestStore   *f,
                 gconstpointer  data)
{
  g_autoptr(SfScenario) scenario = NULL;
  g_autoptr(SfDataset) ds = NULL;
  g_autoptr(SfScenarioResult) result = NULL;
  g_autoptr(SfScenarioFigures) expected = NULL;
  g_autoptr(SfScenarioUndo) undo = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *report_expected = NULL;
  g_autofree char *forecast_expected = NULL;
  g_autofree char *report_after = NULL;
  g_autofree char *forecast_after = NULL;
  gint64 audit_before;
  SfSettings s;

  demo (f);
  /* MHL has a reduction, whose row must survive the edits as it was */
  g_assert_cmpint (sf_test_query_int (f->store, "SELECT count(*) FROM reduction r JOIN caseworker c"
                                                " ON c.id = r.caseworker_id WHERE c.initials = 'MHL'"), ==, 1);
  scenario = parse_ok (f->store, example);
  ds = sf_store_load_dataset (f->store, NULL);
  g_assert_true (sf_store_load_settings (f->store, &s, NULL));
  result = sf_scenario_apply (scenario, ds, &s, sf_test_day (REF));
  g_assert_cmpuint (result->skipped->len, ==, 0);
  expected = sf_scenario_figures_compute (result->dataset, &result->settings, sf_test_day (REF), 12);
  report_expected = sf_report_render (expected->figures, SF_REPORT_JSON);
  forecast_expected = sf_report_render_forecast (expected->forecast, 0, SF_REPORT_JSON);

  before = dump (f->store);
  audit_before = sf_test_query_int (f->store, "SELECT count(*) FROM audit");
  undo = sf_scenario_store_apply (f->store, scenario, sf_test_day (REF), &skipped, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpuint (skipped->len, ==, 0);
  g_assert_cmpstr (sf_scenario_undo_get_summary (undo), ==, "Scenario “Omfordeling” applied");

  report_after = render (f->store, 0);
  forecast_after = render (f->store, 1);
  g_assert_cmpstr (report_after, ==, report_expected);
  g_assert_cmpstr (forecast_after, ==, forecast_expected);
  /* Recorded: the apply, and each change as the edit it is */
  g_assert_cmpint (sf_test_query_int (f->store, "SELECT count(*) FROM audit WHERE action = 'scenario-apply'"), ==, 1);
  g_assert_cmpint (sf_test_query_int (f->store, "SELECT count(*) FROM audit WHERE action = 'caseworker-move'"), ==, 1);
  g_assert_cmpint (sf_test_query_int (f->store, "SELECT count(*) FROM audit WHERE action = 'planned-hire-create'"), ==, 1);
  g_assert_cmpint (sf_test_query_int (f->store, "SELECT count(*) FROM audit"), >, audit_before + 10);

  g_assert_true (sf_scenario_store_undo (f->store, undo, &error));
  g_assert_no_error (error);
  after_undo = dump (f->store);
  g_assert_cmpstr (after_undo, ==, before);
}

/* Someone the scenario names has left and a team it names was removed:
 * those changes are listed as skipped, the rest is applied. */
static void
test_apply_base_moved (SfTestStore   *f,
                       gconstpointer  data)
{
  static const char team_name[] = "Jobcenter – Aktivitetsparate over 30";
  g_autoptr(SfScenario) scenario = NULL;
  g_autoptr(SfScenario) loaded = NULL;
  g_autoptr(SfScenarioUndo) undo = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRosterSnapshot) gone = NULL;
  g_autoptr(SfRosterSnapshot) team_gone = NULL;
  g_autofree char *json = g_strdup_printf ("{\"name\": \"Gammel\", \"changes\": ["
                                           "{\"op\": \"hours\", \"initials\": \"TLR\", \"hours\": 30},"
                                           "{\"op\": \"norm\", \"team\": \"%s\", \"norm\": 42},"
                                           "{\"op\": \"hours\", \"initials\": \"PMK\", \"hours\": 20}]}",
                                           team_name);
  gint64 id, team;

  demo (f);
  scenario = parse_ok (f->store, json);
  id = sf_scenario_store_save (f->store, 0, scenario, &error);
  g_assert_no_error (error);

  /* TLR leaves (CHO takes the cases), the team is removed (its members
   * go to Sygedagpenge) */
  gone = sf_roster_remove_caseworker (f->store, sf_roster_find_initials (f->store, "TLR", 0),
                                      sf_roster_find_initials (f->store, "CHO", 0), &error);
  g_assert_no_error (error);
  team = sf_roster_find_team_name (f->store, team_name, 0);
  team_gone = sf_roster_remove_team (f->store, team, sf_roster_find_team_name (f->store, "Sygedagpenge", 0),
                                     &error);
  g_assert_no_error (error);

  loaded = sf_scenario_store_load (f->store, id, &error);
  g_assert_no_error (error);
  undo = sf_scenario_store_apply (f->store, loaded, sf_test_day (REF), &skipped, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpuint (skipped->len, ==, 2);
  g_assert_cmpuint (((SfScenarioSkip *) skipped->pdata[0])->index, ==, 0);
  g_assert_cmpstr (((SfScenarioSkip *) skipped->pdata[0])->message, ==,
                   "Change 1 (hours): TLR is no longer on the roster; the change no longer applies.");
  g_assert_cmpuint (((SfScenarioSkip *) skipped->pdata[1])->index, ==, 1);
  g_assert_nonnull (strstr (((SfScenarioSkip *) skipped->pdata[1])->message, "no longer a team called"));
  g_assert_cmpint (sf_test_query_int (f->store, "SELECT weekly_hours FROM caseworker WHERE initials = 'PMK'"),
                   ==, 20);
}

/* A change the data refuses stops the whole apply: nothing is changed,
 * not even the change log. */
static void
test_apply_refused (SfTestStore   *f,
                    gconstpointer  data)
{
  g_autoptr(SfScenario) scenario = NULL;
  g_autoptr(SfScenarioUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 audit_before;

  demo (f);
  /* Read without the roster: MHL's 4 hours of TR do not fit in 2 */
  scenario = sf_scenario_parse ("{\"name\": \"For lidt\", \"changes\": ["
                                "{\"op\": \"hours\", \"initials\": \"PMK\", \"hours\": 20},"
                                "{\"op\": \"hours\", \"initials\": \"MHL\", \"hours\": 2}]}",
                                -1, NULL, &(SfSettings) { .full_time_hours = 37 }, &error);
  g_assert_no_error (error);
  before = dump (f->store);
  audit_before = sf_test_query_int (f->store, "SELECT count(*) FROM audit");
  undo = sf_scenario_store_apply (f->store, scenario, sf_test_day (REF), NULL, &error);
  g_assert_null (undo);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Change 2 (hours): "));
  g_assert_nonnull (strstr (error->message, "Nothing was changed."));
  after = dump (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sf_test_query_int (f->store, "SELECT count(*) FROM audit"), ==, audit_before);
}

/* A write inside another is part of its transaction: rolled back with it,
 * and a refused inner write undoes only itself. */
static void
test_nested (SfTestStore   *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sf_store_begin (f->store, &error));
  g_assert_true (sf_store_set_setting (f->store, "near-threshold", "0.8", &error));
  g_assert_false (sf_store_set_setting (f->store, "near-threshold", "7", &error));
  g_clear_error (&error);
  g_assert_true (sf_store_begin (f->store, &error));
  g_assert_true (sf_store_exec (f->store, "INSERT INTO meta (key, value) VALUES ('x', 'y')", &error));
  sf_store_rollback (f->store);
  g_assert_cmpint (sf_test_query_int (f->store, "SELECT count(*) FROM meta WHERE key = 'x'"), ==, 0);
  g_assert_cmpint (sf_test_query_int (f->store, "SELECT count(*) FROM setting WHERE key = 'near-threshold'"), ==, 1);
  sf_store_rollback (f->store);
  g_assert_cmpint (sf_test_query_int (f->store, "SELECT count(*) FROM setting WHERE key = 'near-threshold'"), ==, 0);
  /* And a plain write afterwards is its own transaction again */
  g_assert_true (sf_store_set_setting (f->store, "near-threshold", "0.8", &error));
  g_assert_no_error (error);
  g_assert_true (sf_store_is_empty (f->store));
  g_assert_cmpint (sf_test_query_int (f->store, "SELECT count(*) FROM setting WHERE key = 'near-threshold'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/scenario-store/saved", SfTestStore, NULL, sf_test_store_set_up, test_saved, sf_test_store_tear_down);
  g_test_add ("/scenario-store/apply-undo", SfTestStore, NULL, sf_test_store_set_up, test_apply_undo,
              sf_test_store_tear_down);
  g_test_add ("/scenario-store/apply-base-moved", SfTestStore, NULL, sf_test_store_set_up, test_apply_base_moved,
              sf_test_store_tear_down);
  g_test_add ("/scenario-store/apply-refused", SfTestStore, NULL, sf_test_store_set_up, test_apply_refused,
              sf_test_store_tear_down);
  g_test_add ("/scenario-store/nested", SfTestStore, NULL, sf_test_store_set_up, test_nested,
              sf_test_store_tear_down);
  return g_test_run ();
}
