/* The workforce-planning commands end to end: plan-hire, trend and
 * forecast through the CLI, and the JSON contracts scripts read. */

#include <json-glib/json-glib.h>
#include <math.h>

#include "sf-core.h"
#include "sf-test-util.h"

#define EPS 1e-9

/* Team Syg with a cap of 40: AA (leaving: last day 28 February 2027) with
 * 30 complex cases, BB with 20 and six simple ones started 15 July 2026.
 * On 6 December 2026 the six whole months are June–November: 6 × 0.5 = 3
 * started, none closed: a net inflow of 0.5 a month. */
static const char roster_csv[] =
  "team;omraade;team_norm;initialer;navn;timer;slutdato\n"
  "Syg;sygedagpenge;40;AA;Anna Aagaard;37;2027-02-28\n"
  "Syg;sygedagpenge;40;BB;Bo Bech;37;\n";

static char *
setup (const char *dir)
{
  return sf_test_cli_planning_db (dir, roster_csv);
}

static JsonObject *
forecast_point (JsonObject *team,
                guint       k)
{
  return json_array_get_object_element (json_object_get_array_member (team, "points"), k - 1);
}

/* Demand 53 + k × 0.5 against 80 of capacity; from the 1 March point AA
 * has left: 40.  54.5 / 40 is over, so hiring should have started by 1
 * December 2026: already past, so the reference date. */
static void
test_forecast_json (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *db = setup (dir);
  g_auto(SfTestRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj, *team, *p;
  JsonArray *events;

  sf_test_run_cli (db, &run, "forecast", "--date", "2026-12-06", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = sf_test_parse_json (run.out);
  obj = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (obj, "date"), ==, "2026-12-06");
  g_assert_cmpint (json_object_get_int_member (obj, "months"), ==, 12);
  team = json_array_get_object_element (json_object_get_array_member (obj, "teams"), 0);
  g_assert_cmpstr (json_object_get_string_member (team, "team"), ==, "Syg");
  g_assert_cmpstr (json_object_get_string_member (team, "area"), ==, "sygedagpenge");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (team, "net_inflow"), 0.5, EPS);
  g_assert_cmpstr (json_object_get_string_member (team, "hire_by"), ==, "2026-12-06");

  p = forecast_point (team, 1);
  g_assert_cmpstr (json_object_get_string_member (p, "date"), ==, "2027-01-01");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "demand"), 53.5, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "capacity"), 80, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "utilisation"), 53.5 / 80, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "fte_available"), 2, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "fte_needed"), 53.5 / 40, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "gap"), 53.5 / 40 - 2, EPS);
  g_assert_cmpstr (json_object_get_string_member (p, "status"), ==, "within");
  p = forecast_point (team, 3);
  g_assert_cmpstr (json_object_get_string_member (p, "date"), ==, "2027-03-01");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "capacity"), 40, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "gap"), 54.5 / 40 - 1, EPS);
  g_assert_cmpstr (json_object_get_string_member (p, "status"), ==, "over");

  events = json_object_get_array_member (team, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 1);
  p = json_array_get_object_element (events, 0);
  g_assert_cmpstr (json_object_get_string_member (p, "date"), ==, "2027-03-01");
  g_assert_cmpstr (json_object_get_string_member (p, "kind"), ==, "leaves");
  g_assert_cmpstr (json_object_get_string_member (p, "initials"), ==, "AA");

  /* The area and the municipality add up the one team */
  p = forecast_point (json_array_get_object_element (json_object_get_array_member (obj, "areas"), 0), 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "demand"), 54.5, EPS);
  p = json_array_get_object_element (json_object_get_array_member (json_object_get_object_member (obj, "municipality"),
                                                                   "points"), 2);
  g_assert_cmpstr (json_object_get_string_member (p, "status"), ==, "over");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (obj, "municipality"),
                                                                         "points")), ==, 12);
}

/* A planned hire from 10 April adds 40 × 0.7 = 28 from the 1 May point:
 * 55.5 / 68, within again; it is listed, and removed again. */
static void
test_plan_hire (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *db = setup (dir);
  g_auto(SfTestRun) add = { 0 };
  g_auto(SfTestRun) list = { 0 };
  g_auto(SfTestRun) forecast = { 0 };
  g_auto(SfTestRun) bad = { 0 };
  g_auto(SfTestRun) remove = { 0 };
  g_auto(SfTestRun) again = { 0 };
  g_autoptr(JsonNode) hires = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *hire, *team, *p;

  sf_test_run_cli (db, &add, "plan-hire", "--team", "syg", "--hours", "37", "--start", "2027-04-10",
           "--note", "Genbesættelse", NULL);
  g_assert_cmpint (add.status, ==, 0);
  g_assert_cmpstr (g_strstrip (add.out), ==, "1");

  sf_test_run_cli (db, &list, "plan-hires", "--format", "json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  hires = sf_test_parse_json (list.out);
  hire = json_array_get_object_element (json_node_get_array (hires), 0);
  g_assert_cmpint (json_object_get_int_member (hire, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (hire, "team"), ==, "Syg");
  g_assert_cmpfloat (json_object_get_double_member (hire, "hours"), ==, 37);
  g_assert_cmpstr (json_object_get_string_member (hire, "start"), ==, "2027-04-10");
  g_assert_cmpstr (json_object_get_string_member (hire, "note"), ==, "Genbesættelse");

  sf_test_run_cli (db, &forecast, "forecast", "--date", "2026-12-06", "--months", "5", "--team", "Syg",
           "--format", "json", NULL);
  g_assert_cmpint (forecast.status, ==, 0);
  root = sf_test_parse_json (forecast.out);
  team = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "teams"), 0);
  p = forecast_point (team, 5);
  g_assert_cmpstr (json_object_get_string_member (p, "date"), ==, "2027-05-01");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "capacity"), 68, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "fte_available"), 1.7, EPS);
  g_assert_cmpstr (json_object_get_string_member (p, "status"), ==, "within");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (team, "points")), ==, 5);

  /* Refused with a reason, changing nothing */
  sf_test_run_cli (db, &bad, "plan-hire", "--team", "Syg", "--hours", "0", "--start", "2027-04-10", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "hours"));
  sf_test_run_cli (db, &remove, "plan-hire-remove", "1", NULL);
  g_assert_cmpint (remove.status, ==, 0);
  sf_test_run_cli (db, &again, "plan-hire-remove", "1", NULL);
  g_assert_cmpint (again.status, ==, 1);
}

/* Weekly points back from the last day; each says where it came from.
 * After `alerts` has recorded today's figures, today's point is recorded. */
static void
test_trend_json (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *db = setup (dir);
  g_autofree char *today = sf_day_to_iso (sf_day_today ());
  g_autofree char *week_ago = sf_day_to_iso (sf_day_today () - 7);
  g_auto(SfTestRun) run = { 0 };
  g_auto(SfTestRun) alerts = { 0 };
  g_auto(SfTestRun) recorded = { 0 };
  g_auto(SfTestRun) csv = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) later = NULL;
  JsonObject *obj, *point, *team, *municipality;
  JsonArray *points;

  sf_test_run_cli (db, &run, "trend", "--from", "2026-11-01", "--to", "2026-12-06", "--step", "week",
           "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = sf_test_parse_json (run.out);
  obj = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (obj, "from"), ==, "2026-11-01");
  g_assert_cmpstr (json_object_get_string_member (obj, "to"), ==, "2026-12-06");
  g_assert_cmpstr (json_object_get_string_member (obj, "step"), ==, "week");
  points = json_object_get_array_member (obj, "points");
  g_assert_cmpuint (json_array_get_length (points), ==, 6);
  point = json_array_get_object_element (points, 5);
  g_assert_cmpstr (json_object_get_string_member (point, "date"), ==, "2026-12-06");
  g_assert_cmpstr (json_object_get_string_member (point, "source"), ==, "computed");
  team = json_array_get_object_element (json_object_get_array_member (point, "teams"), 0);
  g_assert_cmpstr (json_object_get_string_member (team, "name"), ==, "Syg");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (team, "load"), 53, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (team, "capacity"), 80, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (team, "utilisation"), 53.0 / 80, EPS);
  g_assert_cmpint (json_object_get_int_member (team, "members"), ==, 2);
  g_assert_true (json_object_has_member (team, "cases_per_fte"));
  municipality = json_object_get_object_member (point, "municipality");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (municipality, "fte_needed"), 53.0 / 40, EPS);
  g_assert_cmpint (json_object_get_int_member (municipality, "open_cases"), ==, 56);
  /* 1 November: the six simple cases were open, all started in 2026 */
  point = json_array_get_object_element (points, 0);
  g_assert_cmpstr (json_object_get_string_member (point, "date"), ==, "2026-11-01");

  sf_test_run_cli (db, &alerts, "alerts", NULL);
  g_assert_cmpint (alerts.status, ==, 0);
  sf_test_run_cli (db, &recorded, "trend", "--from", week_ago, "--to", today, "--step", "week", "--format", "json", NULL);
  g_assert_cmpint (recorded.status, ==, 0);
  later = sf_test_parse_json (recorded.out);
  points = json_object_get_array_member (json_node_get_object (later), "points");
  g_assert_cmpuint (json_array_get_length (points), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (points, 0), "source"), ==, "computed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (points, 1), "source"), ==, "recorded");

  sf_test_run_cli (db, &csv, "trend", "--from", "2026-11-01", "--to", "2026-12-01", "--step", "month", "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "date;source;team;"));
  g_assert_nonnull (strstr (csv.out, "2026-12-01;computed;Syg;sygedagpenge;40;2;"));
}

static void
test_usage (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *db = setup (dir);
  g_auto(SfTestRun) step = { 0 };
  g_auto(SfTestRun) range = { 0 };
  g_auto(SfTestRun) team = { 0 };

  sf_test_run_cli (db, &step, "trend", "--from", "2026-11-01", "--to", "2026-12-06", "--step", "day", NULL);
  g_assert_cmpint (step.status, ==, 2);
  sf_test_run_cli (db, &range, "trend", "--from", "2026-12-06", "--to", "2026-11-01", "--step", "week", NULL);
  g_assert_cmpint (range.status, ==, 2);
  sf_test_run_cli (db, &team, "forecast", "--team", "Nowhere", NULL);
  g_assert_cmpint (team.status, ==, 1);
  g_assert_nonnull (strstr (team.err, "Nowhere"));
}

/* A reduction's period comes from the roster's reduktion_fra/_til; a file
 * without those columns keeps a stored period of an unchanged reduction,
 * one with them empty clears it. */
static void
test_reduction_period (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "r.db", NULL);
  g_autofree char *dated = sf_test_write_file (dir, "dated.csv",
    "team;omraade;initialer;navn;reduktion_timer;reduktion_fra;reduktion_til\n"
    "Syg;sygedagpenge;AA;Anna;3,7;2027-01-01;2027-06-30\n");
  g_autofree char *plain = sf_test_write_file (dir, "plain.csv",
    "team;initialer;navn;reduktion_timer\nSyg;AA;Anna;3,7\n");
  g_autofree char *open = sf_test_write_file (dir, "open.csv",
    "team;initialer;navn;reduktion_timer;reduktion_fra;reduktion_til\nSyg;AA;Anna;3,7;;\n");
  g_auto(SfTestRun) run = { 0 };
  const char *files[] = { dated, plain, open };
  const gint64 expected[] = { 1, 1, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(SfStore) store = NULL;
      g_autoptr(GError) error = NULL;

      sf_test_run_cli (db, &run, "import-roster", files[i], NULL);
      g_assert_cmpint (run.status, ==, 0);
      store = sf_store_open (db, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sf_test_query_int (store, "SELECT count(*) FROM reduction"), ==, 1);
      g_assert_cmpint (sf_test_query_int (store, "SELECT count(*) FROM reduction WHERE valid_from = '2027-01-01'"
                                                 " AND valid_to = '2027-06-30'"), ==, expected[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/planning-cli/forecast-json", test_forecast_json);
  g_test_add_func ("/planning-cli/plan-hire", test_plan_hire);
  g_test_add_func ("/planning-cli/trend-json", test_trend_json);
  g_test_add_func ("/planning-cli/usage", test_usage);
  g_test_add_func ("/planning-cli/reduction-period", test_reduction_period);
  return g_test_run ();
}
