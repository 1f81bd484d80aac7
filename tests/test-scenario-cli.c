/* The scenario command end to end: the JSON contract scripts read, and
 * files it refuses. */

#include <json-glib/json-glib.h>
#include <string.h>

#include "sf-core.h"
#include "sf-test-util.h"

#define EPS 1e-9

/* Syg (cap 40): AA (30 complex cases) and BB (20 complex, 6 simple); Fam
 * (DS' 30 for børne- og familieområdet): CC with none.  All full time,
 * long-serving. */
static const char roster_csv[] =
  "team;omraade;team_norm;initialer;navn;timer\n"
  "Syg;sygedagpenge;40;AA;Anna Aagaard;37\n"
  "Syg;sygedagpenge;40;BB;Bo Bech;37\n"
  "Fam;boern-familie;;CC;Cecilie Carlsen;37\n";

static char *
setup (const char *dir)
{
  return sf_test_cli_planning_db (dir, roster_csv);
}

static JsonObject *
find_worker (JsonObject *report,
             const char *initials)
{
  JsonArray *workers = json_object_get_array_member (report, "caseworkers");

  for (guint i = 0; i < json_array_get_length (workers); i++)
    {
      JsonObject *worker = json_array_get_object_element (workers, i);

      if (g_str_equal (json_object_get_string_member (worker, "initials"), initials))
        return worker;
    }
  g_assert_not_reached ();
}

/* The scenario's object; its baseline is what report, alerts and forecast
 * print for the same day, to the byte once parsed; the database is left as
 * it was.  BB moves to Fam with his cases, AA works 18.5 hours (norm 40 ×
 * 0.5 = 20) and hands 5 of her complex cases to CC. */
static void
test_json (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *db = setup (dir);
  g_autofree char *changes = sf_test_write_file (dir, "s.json",
    "{\"name\": \"Omfordeling\", \"changes\": ["
    "{\"op\": \"move\", \"initials\": \"BB\", \"team\": \"Fam\"},"
    "{\"op\": \"hours\", \"initials\": \"AA\", \"hours\": 18.5},"
    "{\"op\": \"reassign\", \"from\": \"AA\", \"to\": \"CC\", \"complexity\": \"kompleks\", \"count\": 5}]}");
  g_auto(SfTestRun) run = { 0 };
  g_auto(SfTestRun) report = { 0 };
  g_auto(SfTestRun) after = { 0 };
  g_auto(SfTestRun) alerts = { 0 };
  g_auto(SfTestRun) forecast = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) report_root = NULL;
  g_autoptr(JsonNode) after_root = NULL;
  g_autoptr(JsonNode) alerts_root = NULL;
  g_autoptr(JsonNode) forecast_root = NULL;
  JsonObject *obj, *baseline, *w;

  sf_test_run_cli (db, &report, "report", "--date", "2026-12-06", "--format", "json", NULL);
  sf_test_run_cli (db, &alerts, "alerts", "--date", "2026-12-06", "--format", "json", NULL);
  sf_test_run_cli (db, &forecast, "forecast", "--date", "2026-12-06", "--format", "json", NULL);
  sf_test_run_cli (db, &run, "scenario", "--changes", changes, "--date", "2026-12-06", "--format", "json", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  root = sf_test_parse_json (run.out);
  obj = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (obj, "name"), ==, "Omfordeling");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "skipped")), ==, 0);
  g_assert_cmpuint (json_object_get_size (obj), ==, 6);
  baseline = json_object_get_object_member (obj, "baseline");
  g_assert_cmpuint (json_object_get_size (baseline), ==, 3);

  report_root = sf_test_parse_json (report.out);
  alerts_root = sf_test_parse_json (alerts.out);
  forecast_root = sf_test_parse_json (forecast.out);
  g_assert_true (json_node_equal (json_object_get_member (baseline, "report"), report_root));
  g_assert_true (json_node_equal (json_object_get_member (baseline, "forecast"), forecast_root));
  g_assert_true (json_node_equal (json_object_get_member (baseline, "alerts"),
                                  json_object_get_member (json_node_get_object (alerts_root), "alerts")));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "alerts")), >, 0);

  w = find_worker (json_object_get_object_member (obj, "report"), "BB");
  g_assert_cmpstr (json_object_get_string_member (w, "team"), ==, "Fam");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (w, "weighted_load"), 23, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (w, "adjusted_norm"), 30, EPS);
  w = find_worker (json_object_get_object_member (obj, "report"), "AA");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (w, "adjusted_norm"), 20, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (w, "weighted_load"), 25, EPS);
  w = find_worker (json_object_get_object_member (obj, "report"), "CC");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (w, "weighted_load"), 5, EPS);
  w = find_worker (json_object_get_object_member (baseline, "report"), "AA");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (w, "weighted_load"), 30, EPS);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (obj, "forecast"), "months"), ==, 12);

  sf_test_run_cli (db, &after, "report", "--date", "2026-12-06", "--format", "json", NULL);
  after_root = sf_test_parse_json (after.out);
  g_assert_true (json_node_equal (after_root, report_root));
}

/* A refused file lists every problem and prints nothing on stdout; usage
 * mistakes are usage errors. */
static void
test_refused (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *db = setup (dir);
  g_autofree char *bad = sf_test_write_file (dir, "bad.json",
    "{\"name\": \"X\", \"changes\": ["
    "{\"op\": \"move\", \"initials\": \"ZZ\", \"team\": \"Fam\"},"
    "{\"op\": \"weight\", \"complexity\": \"kompleks\", \"weight\": -1},"
    "{\"op\": \"reassign\", \"from\": \"AA\", \"to\": \"BB\", \"complexity\": \"hard\", \"count\": 0}]}");
  g_autofree char *good = sf_test_write_file (dir, "good.json", "{\"name\": \"X\", \"changes\": []}");
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_auto(SfTestRun) run = { 0 };
  g_auto(SfTestRun) text = { 0 };
  g_auto(SfTestRun) no_format = { 0 };
  g_auto(SfTestRun) gone = { 0 };
  g_auto(SfTestRun) months = { 0 };

  sf_test_run_cli (db, &run, "scenario", "--changes", bad, "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "it has 4 problems."));
  g_assert_nonnull (strstr (run.err, "\nChange 1 (move): There is no caseworker with the initials “ZZ”.\n"));
  g_assert_nonnull (strstr (run.err, "\nChange 2 (weight): The setting “weight-kompleks” cannot be “-1”.\n"));
  g_assert_nonnull (strstr (run.err, "\nChange 3 (reassign): “hard” is not a complexity"));
  g_assert_nonnull (strstr (run.err, "\nChange 3 (reassign): The number of cases to move must be a whole number from 1 to 100000, not 0.\n"));

  sf_test_run_cli (db, &text, "scenario", "--changes", good, "--format", "text", NULL);
  g_assert_cmpint (text.status, ==, 2);
  sf_test_run_cli (db, &no_format, "scenario", "--changes", good, NULL);
  g_assert_cmpint (no_format.status, ==, 2);
  sf_test_run_cli (db, &months, "scenario", "--changes", good, "--months", "121", "--format", "json", NULL);
  g_assert_cmpint (months.status, ==, 2);
  sf_test_run_cli (db, &gone, "scenario", "--changes", missing, "--format", "json", NULL);
  g_assert_cmpint (gone.status, ==, 1);
}

/* Saved scenarios: saved from a file (checked as `scenario` checks it),
 * listed, written back, applied to the real data (which then reports what
 * the scenario computed) and deleted. */
static void
test_saved (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *db = setup (dir);
  g_autofree char *changes = sf_test_write_file (dir, "s.json",
    "{\"name\": \"Omfordeling\", \"changes\": ["
    "{\"op\": \"move\", \"initials\": \"BB\", \"team\": \"Fam\"},"
    "{\"op\": \"factor\", \"initials\": \"AA\", \"factor\": \"0,8\", \"reason\": \"Mentor\"},"
    "{\"op\": \"reassign\", \"from\": \"AA\", \"to\": \"CC\", \"complexity\": \"kompleks\", \"count\": 5}]}");
  g_autofree char *exported = g_build_filename (dir, "out.json", NULL);
  g_autofree char *text = NULL;
  g_auto(SfTestRun) run = { 0 };
  g_auto(SfTestRun) computed = { 0 };
  g_auto(SfTestRun) report = { 0 };
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) computed_root = NULL;
  g_autoptr(JsonNode) report_root = NULL;
  g_autoptr(JsonNode) exported_root = NULL;
  JsonObject *first;

  sf_test_run_cli (db, &run, "scenarios", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "scenario-save"));

  sf_test_run_cli (db, &run, "scenario-save", "--changes", changes, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  /* The name is taken, unless replaced; another name is another scenario */
  sf_test_run_cli (db, &run, "scenario-save", "--changes", changes, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already a scenario called “Omfordeling”"));
  sf_test_run_cli (db, &run, "scenario-save", "--changes", changes, "--replace", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sf_test_run_cli (db, &run, "scenario-save", "--changes", changes, "--name", "Kopi", NULL);
  g_assert_cmpint (run.status, ==, 0);

  sf_test_run_cli (db, &run, "scenarios", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  list = sf_test_parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (list), "scenarios")), ==, 2);
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (list), "scenarios"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Kopi");
  g_assert_cmpint (json_object_get_int_member (first, "changes"), ==, 3);
  sf_test_run_cli (db, &run, "scenarios", NULL);
  g_assert_nonnull (strstr (run.out, "Omfordeling\t3 changes\tsaved "));

  /* Written back as a changes file that `scenario` reads */
  sf_test_run_cli (db, &run, "scenario-export", "omfordeling", exported, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
  exported_root = sf_test_parse_json (text);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (exported_root), "name"), ==, "Omfordeling");
  g_assert_nonnull (strstr (text, "\"factor\" : 0.8,"));
  sf_test_run_cli (db, &computed, "scenario", "--changes", exported, "--date", "2026-12-06", "--format", "json", NULL);
  g_assert_cmpint (computed.status, ==, 0);

  /* Applied: the real data now reports what the scenario computed */
  sf_test_run_cli (db, &run, "scenario-apply", "Omfordeling", "--date", "2026-12-06", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Scenario “Omfordeling” applied\n  1. Move BB to the team “Fam”\n"));
  g_assert_nonnull (strstr (run.out, "  3. Move 5 of AA’s open cases of the complexity “Complex” to CC\n"));
  sf_test_run_cli (db, &report, "report", "--date", "2026-12-06", "--format", "json", NULL);
  computed_root = sf_test_parse_json (computed.out);
  report_root = sf_test_parse_json (report.out);
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (computed_root), "report"), report_root));

  sf_test_run_cli (db, &run, "scenario-delete", "KOPI", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sf_test_run_cli (db, &run, "scenario-export", "Kopi", "-", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no saved scenario called “Kopi”"));
}

/* What the saved-scenario commands refuse, changing nothing. */
static void
test_saved_refused (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *db = setup (dir);
  g_autofree char *bad = sf_test_write_file (dir, "bad.json",
    "{\"name\": \"Forkert\", \"changes\": ["
    "{\"op\": \"move\", \"initials\": \"XX\", \"team\": \"Fam\"},"
    "{\"op\": \"hours\", \"initials\": \"AA\", \"hours\": 50}]}");
  g_autofree char *good = sf_test_write_file (dir, "good.json",
    "{\"name\": \"God\", \"changes\": [{\"op\": \"hours\", \"initials\": \"AA\", \"hours\": 30}]}");
  g_auto(SfTestRun) run = { 0 };

  sf_test_run_cli (db, &run, "scenario-save", "--changes", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Change 1 (move): There is no caseworker with the initials “XX”."));
  g_assert_nonnull (strstr (run.err, "Change 2 (hours): "));
  sf_test_run_cli (db, &run, "scenarios", "--format", "json", NULL);
  g_assert_nonnull (strstr (run.out, "\"scenarios\" : []"));

  sf_test_run_cli (db, &run, "scenario-save", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sf_test_run_cli (db, &run, "scenario-save", "--changes", good, "--name", "", NULL);
  g_assert_cmpint (run.status, ==, 1);
  sf_test_run_cli (db, &run, "scenarios", "--format", "xml", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sf_test_run_cli (db, &run, "scenario-apply", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sf_test_run_cli (db, &run, "scenario-apply", "God", "--date", "i morgen", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sf_test_run_cli (db, &run, "scenario-apply", "Ingen", NULL);
  g_assert_cmpint (run.status, ==, 1);
  sf_test_run_cli (db, &run, "scenario-export", "God", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sf_test_run_cli (db, &run, "scenario-delete", "God", "--bogus", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

/* Renamed and duplicated by name; `scenario NAME` computes a saved one to
 * the same JSON as `scenario --changes FILE` of its file. */
static void
test_rename_duplicate (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *db = setup (dir);
  g_autofree char *changes = sf_test_write_file (dir, "s.json",
    "{\"name\": \"Omfordeling\", \"changes\": ["
    "{\"op\": \"move\", \"initials\": \"BB\", \"team\": \"Fam\"},"
    "{\"op\": \"hours\", \"initials\": \"AA\", \"hours\": 18.5}]}");
  g_autofree char *renamed = sf_test_write_file (dir, "r.json",
    "{\"name\": \"Plan B\", \"changes\": ["
    "{\"op\": \"move\", \"initials\": \"BB\", \"team\": \"Fam\"},"
    "{\"op\": \"hours\", \"initials\": \"AA\", \"hours\": 18.5}]}");
  g_auto(SfTestRun) run = { 0 };
  g_auto(SfTestRun) by_file = { 0 };
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) saved_root = NULL;
  g_autoptr(JsonNode) file_root = NULL;
  JsonArray *scenarios;

  sf_test_run_cli (db, &run, "scenario-save", "--changes", changes, NULL);
  g_assert_cmpint (run.status, ==, 0);
  sf_test_run_cli (db, &run, "scenario-rename", "OMFORDELING", "Plan B", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  sf_test_run_cli (db, &run, "scenario-duplicate", "plan b", "Plan C", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  sf_test_run_cli (db, &run, "scenarios", "--format", "json", NULL);
  list = sf_test_parse_json (run.out);
  scenarios = json_object_get_array_member (json_node_get_object (list), "scenarios");
  g_assert_cmpuint (json_array_get_length (scenarios), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scenarios, 0), "name"), ==, "Plan B");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scenarios, 1), "name"), ==, "Plan C");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (scenarios, 1), "changes"), ==, 2);

  /* By name, the same as by file */
  sf_test_run_cli (db, &run, "scenario", "Plan B", "--date", "2026-12-06", "--format", "json", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  sf_test_run_cli (db, &by_file, "scenario", "--changes", renamed, "--date", "2026-12-06", "--format", "json", NULL);
  g_assert_cmpint (by_file.status, ==, 0);
  saved_root = sf_test_parse_json (run.out);
  file_root = sf_test_parse_json (by_file.out);
  g_assert_true (json_node_equal (saved_root, file_root));
  g_assert_cmpstr (run.out, ==, by_file.out);

  /* Refused: names taken or missing, wrong number of arguments */
  sf_test_run_cli (db, &run, "scenario-rename", "Plan C", "plan b", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already a scenario called"));
  sf_test_run_cli (db, &run, "scenario-duplicate", "Plan B", "PLAN C", NULL);
  g_assert_cmpint (run.status, ==, 1);
  sf_test_run_cli (db, &run, "scenario-rename", "Ingen", "Noget", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no saved scenario called “Ingen”"));
  sf_test_run_cli (db, &run, "scenario-duplicate", "Ingen", "Noget", NULL);
  g_assert_cmpint (run.status, ==, 1);
  sf_test_run_cli (db, &run, "scenario-rename", "Plan B", "", NULL);
  g_assert_cmpint (run.status, ==, 1);
  sf_test_run_cli (db, &run, "scenario-rename", "Plan B", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sf_test_run_cli (db, &run, "scenario-duplicate", "Plan B", "X", "Y", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sf_test_run_cli (db, &run, "scenario", "Ingen", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  /* A name and a file, or neither */
  sf_test_run_cli (db, &run, "scenario", "Plan B", "--changes", renamed, "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sf_test_run_cli (db, &run, "scenario", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sf_test_run_cli (db, &run, "scenario", "Plan B", "Plan C", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 2);

  sf_test_run_cli (db, &run, "scenarios", "--format", "json", NULL);
  g_clear_pointer (&list, json_node_unref);
  list = sf_test_parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (list), "scenarios")), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scenario-cli/json", test_json);
  g_test_add_func ("/scenario-cli/refused", test_refused);
  g_test_add_func ("/scenario-cli/saved", test_saved);
  g_test_add_func ("/scenario-cli/saved-refused", test_saved_refused);
  g_test_add_func ("/scenario-cli/rename-duplicate", test_rename_duplicate);
  return g_test_run ();
}
