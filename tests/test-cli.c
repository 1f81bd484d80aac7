/* sagsfordeling-cli end to end: real files, a real database, the JSON a
 * script would read. */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

/* SQLite-specific: this test reads or writes the file itself */
#include <sqlite3.h>

#include "sf-core.h"
#include "sf-test-util.h"

#define EPS 1e-9

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  fx->dir = sf_test_make_tmpdir ();
  fx->db = g_build_filename (fx->dir, "sub", "dir", "test.db", NULL);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_free (fx->dir);
  g_free (fx->db);
}

/* The CLI on the fixture's database */
#define run_cli(fx, run, ...) sf_test_run_cli ((fx)->db, run, __VA_ARGS__)

static const char roster_csv[] =
  "\xEF\xBB\xBFinitialer;navn;team;omraade;team_norm;timer;reduktion_timer;reduktion_aarsag;"
  "startdato;fravaer;individuel_faktor;faktor_begrundelse\r\n"
  "AB;Anna Berg;Familie;boern-familie;;37;;;01-01-2015;;;\r\n"
  "CD;Carl Dam;Familie;boern-familie;;30;4;TR;2024-04-15;;0,5;\"Mentor, flere roller\"\r\n"
  "EF;Eva Fisker;Familie;;;37;;;2015-01-01;Langtidssygemeldt;;\r\n"
  "GH;Gert Holm;Sygedagpenge;sygedagpenge;20;37;;;2015-01-01;;;\r\n";

static const char cases_csv[] =
  "sagsnummer,initialer,kompleksitet,startdato,daekkes_af,lukket\n"
  "F-1,AB,kompleks,2024-01-01,,\n"
  "F-2,AB,Særligt kompliceret,2024-01-01,,\n"
  "F-3,AB,enkel,2024-01-01,,2024-06-15\n"
  "F-4,ab,ENKEL,2024-01-01,,2024-06-16\n"
  "F-5,CD,enkel,2024-05-01,,\n"
  "F-6,EF,kompleks,2023-01-01,AB,\n"
  "F-7,EF,saerligt-kompliceret,2023-01-01,,\n"
  "S-1,GH,kompleks,2024-01-01,,\n"
  "S-2,GH,kompleks,2024-01-01,,\n";

static JsonObject *
find_member (JsonObject *root,
             const char *array,
             const char *key,
             const char *value)
{
  JsonArray *items = json_object_get_array_member (root, array);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, key), value) == 0)
        return item;
    }
  g_assert_not_reached ();
}

static void
import_both (Fixture *fx)
{
  g_autofree char *roster = sf_test_write_file (fx->dir, "roster.csv", roster_csv);
  g_autofree char *cases = sf_test_write_file (fx->dir, "cases.csv", cases_csv);
  g_auto(SfTestRun) r1 = { 0 };
  g_auto(SfTestRun) r2 = { 0 };

  run_cli (fx, &r1, "import-roster", roster, NULL);
  g_assert_cmpstr (r1.err, ==, "");
  g_assert_cmpint (r1.status, ==, 0);
  run_cli (fx, &r2, "import-cases", cases, NULL);
  g_assert_cmpstr (r2.err, ==, "");
  g_assert_cmpint (r2.status, ==, 0);
}

/* Worked by hand for 2024-06-15:
 *   AB: F-1 (1) + F-2 (2) + F-4 (0.5, closes tomorrow) + F-6 covered (1) = 4.5,
 *       4 open cases; F-3 closed today does not count.  Norm 30.
 *   CD: 30 h − 4 h TR, new hire (2024-04-15), factor 0.5 → 30 × 26/37 × 0.7 × 0.5
 *       = 273/37; F-5 → 0.5.
 *   EF: absent, F-7 uncovered (2).
 *   GH: team cap 20, 2 kompleks → 0.1.
 * Familie: FTE available 1 + 9.1/37; needed 5/30; cases per FTE 5 / (63/37). */
static void
test_report_json (Fixture       *fx,
                  gconstpointer  data)
{
  g_auto(SfTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *ab, *cd, *ef, *gh, *familie, *syg;

  import_both (fx);
  run_cli (fx, &run, "report", "--date", "2024-06-15", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "caseworkers")), ==, 4);
  ab = find_member (root, "caseworkers", "initials", "AB");
  g_assert_cmpstr (json_object_get_string_member (ab, "name"), ==, "Anna Berg");
  g_assert_cmpstr (json_object_get_string_member (ab, "team"), ==, "Familie");
  g_assert_cmpint (json_object_get_int_member (ab, "open_cases"), ==, 4);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (ab, "weighted_load"), 4.5, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (ab, "adjusted_norm"), 30, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (ab, "utilisation"), 0.15, EPS);
  g_assert_cmpstr (json_object_get_string_member (ab, "status"), ==, "within");

  cd = find_member (root, "caseworkers", "initials", "CD");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cd, "availability"), 26.0 / 37, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cd, "experience"), 0.7, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cd, "individual_factor"), 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cd, "adjusted_norm"), 273.0 / 37, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cd, "weighted_load"), 0.5, EPS);

  ef = find_member (root, "caseworkers", "initials", "EF");
  g_assert_cmpfloat (json_object_get_double_member (ef, "availability"), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (ef, "adjusted_norm"), ==, 0);
  g_assert_true (json_object_get_null_member (ef, "utilisation"));
  g_assert_cmpstr (json_object_get_string_member (ef, "status"), ==, "within");

  gh = find_member (root, "caseworkers", "initials", "GH");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (gh, "adjusted_norm"), 20, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (gh, "utilisation"), 0.1, EPS);

  familie = find_member (root, "teams", "name", "Familie");
  g_assert_cmpstr (json_object_get_string_member (familie, "area"), ==, "boern-familie");
  g_assert_cmpfloat (json_object_get_double_member (familie, "base_norm"), ==, 30);
  g_assert_cmpint (json_object_get_int_member (familie, "members"), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (familie, "fte_available"), 1 + 9.1 / 37, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (familie, "fte_needed"), 5.0 / 30, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (familie, "capacity"), 30 + 273.0 / 37, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (familie, "load"), 5, EPS);
  g_assert_cmpint (json_object_get_int_member (familie, "uncovered_cases"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (familie, "compliance"), 1, EPS);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (familie, "cases_per_fte"), 5 * 37.0 / 63, EPS);

  syg = find_member (root, "teams", "name", "Sygedagpenge");
  g_assert_cmpfloat (json_object_get_double_member (syg, "base_norm"), ==, 20);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (syg, "fte_needed"), 0.1, EPS);
}

static void
test_report_formats (Fixture       *fx,
                     gconstpointer  data)
{
  g_auto(SfTestRun) csv = { 0 };
  g_auto(SfTestRun) text = { 0 };
  g_auto(SfTestRun) bad = { 0 };
  g_auto(SfTestRun) bad_date = { 0 };

  import_both (fx);
  run_cli (fx, &csv, "report", "--date", "2024-06-15", "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "initials;name;team;"));
  /* CD: 273/37 = 7.378…, decimal comma. */
  g_assert_nonnull (strstr (csv.out, "CD;Carl Dam;Familie;1;0,5;0,7027027027027"));

  run_cli (fx, &text, "report", "--date", "2024-06-15", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Anna Berg"));
  g_assert_null (strstr (text.out, "Over norm"));
  g_assert_nonnull (strstr (text.out, "1 uncovered case"));

  run_cli (fx, &bad, "report", "--format", "xml", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  run_cli (fx, &bad_date, "report", "--date", "2024-02-30", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  g_assert_nonnull (strstr (bad_date.err, "2024-02-30"));
}

static char *
dump_db (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);
  const char *tables[] = { "team", "caseworker", "reduction", "casefile", "setting", "audit" };

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[t]);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
test_refused_import_changes_nothing (Fixture       *fx,
                                     gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *bad_cases = NULL;
  g_autofree char *bad_roster = NULL;
  g_auto(SfTestRun) r1 = { 0 };
  g_auto(SfTestRun) r2 = { 0 };

  import_both (fx);
  before = dump_db (fx->db);

  /* The first rows are fine and would be written if the import were not
   * all-or-nothing. */
  bad_cases = sf_test_write_file (fx->dir, "bad-cases.csv",
                                  "sagsnummer;initialer;kompleksitet\n"
                                  "N-1;AB;kompleks\n"
                                  "N-2;AB;svær\n"
                                  "010190-1234;AB;enkel\n"
                                  "N-4;ZZ;enkel\n");
  run_cli (fx, &r1, "import-cases", bad_cases, NULL);
  g_assert_cmpint (r1.status, ==, 1);
  g_assert_cmpstr (r1.out, ==, "");
  g_assert_nonnull (strstr (r1.err, "Line 3:"));
  g_assert_nonnull (strstr (r1.err, "svær"));
  g_assert_nonnull (strstr (r1.err, "Line 4:"));
  g_assert_nonnull (strstr (r1.err, "CPR"));
  g_assert_nonnull (strstr (r1.err, "Line 5:"));
  g_assert_nonnull (strstr (r1.err, "ZZ"));
  g_assert_null (strstr (r1.err, "Line 2:"));

  bad_roster = sf_test_write_file (fx->dir, "bad-roster.csv",
                                   "team,omraade,team_norm,initialer,navn,timer\n"
                                   "Ny,fleksjob,30,XY,Xenia Yde,37\n"
                                   "Ny,fleksjob,35,ZW,Zenia Wulff,37\n"
                                   "Familie,,,AB,Anna Berg,45\n");
  run_cli (fx, &r2, "import-roster", bad_roster, NULL);
  g_assert_cmpint (r2.status, ==, 1);
  g_assert_nonnull (strstr (r2.err, "Line 3:"));
  g_assert_nonnull (strstr (r2.err, "Line 4:"));

  after = dump_db (fx->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_reimport_updates (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *update = NULL;
  g_auto(SfTestRun) r1 = { 0 };
  g_auto(SfTestRun) r2 = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *ab, *familie;

  import_both (fx);
  /* No team_norm: Sygedagpenge keeps its cap of 20.  AB moves team and hours. */
  update = sf_test_write_file (fx->dir, "update.csv",
                               "initialer;navn;team;timer\n"
                               "ab;Anna Berg;Sygedagpenge;18,5\n");
  run_cli (fx, &r1, "import-roster", update, NULL);
  g_assert_cmpint (r1.status, ==, 0);
  run_cli (fx, &r2, "report", "--date", "2024-06-15", "--format", "json", NULL);
  json_parser_load_from_data (parser, r2.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "caseworkers")), ==, 4);
  ab = find_member (root, "caseworkers", "initials", "AB");
  g_assert_cmpstr (json_object_get_string_member (ab, "team"), ==, "Sygedagpenge");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (ab, "adjusted_norm"), 10, EPS);
  familie = find_member (root, "teams", "name", "Sygedagpenge");
  g_assert_cmpfloat (json_object_get_double_member (familie, "base_norm"), ==, 20);
  g_assert_cmpint (json_object_get_int_member (familie, "members"), ==, 2);
}

static void
test_database_file (Fixture       *fx,
                    gconstpointer  data)
{
  g_auto(SfTestRun) run = { 0 };
  GStatBuf st;

  run_cli (fx, &run, "report", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_stat (fx->db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_usage (Fixture       *fx,
            gconstpointer  data)
{
  g_auto(SfTestRun) none = { 0 };
  g_auto(SfTestRun) unknown = { 0 };
  g_auto(SfTestRun) missing = { 0 };
  g_auto(SfTestRun) nofile = { 0 };

  run_cli (fx, &none, NULL);
  g_assert_cmpint (none.status, ==, 2);
  run_cli (fx, &unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
  run_cli (fx, &missing, "import-roster", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  run_cli (fx, &nofile, "import-roster", "/nonexistent/roster.csv", NULL);
  g_assert_cmpint (nofile.status, ==, 1);
}

static void
test_not_a_database (Fixture       *fx,
                     gconstpointer  data)
{
  g_auto(SfTestRun) run = { 0 };
  g_autofree char *dir = g_path_get_dirname (fx->db);
  g_autofree char *contents = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (fx->db, "this is a spreadsheet, not a database\n", -1, NULL);
  run_cli (fx, &run, "report", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "damaged"));
  g_file_get_contents (fx->db, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "this is a spreadsheet, not a database\n");
}

/* Settings read as written: the shortest number that is the value, and a
 * change that reads back the same. */
static void
test_settings (Fixture       *fx,
               gconstpointer  data)
{
  g_auto(SfTestRun) show = { 0 };
  g_auto(SfTestRun) change = { 0 };
  g_auto(SfTestRun) again = { 0 };
  g_auto(SfTestRun) bad = { 0 };

  run_cli (fx, &show, "settings", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "new-hire-factor = 0.7\n"));
  g_assert_nonnull (strstr (show.out, "near-threshold = 0.9\n"));

  run_cli (fx, &change, "settings", "near-threshold", "0,85", NULL);
  g_assert_cmpint (change.status, ==, 0);
  run_cli (fx, &again, "settings", NULL);
  g_assert_nonnull (strstr (again.out, "near-threshold = 0.85\n"));

  run_cli (fx, &bad, "settings", "near-threshold", "lots", NULL);
  g_assert_cmpint (bad.status, ==, 1);
}

static void
test_demo (Fixture       *fx,
           gconstpointer  data)
{
  g_auto(SfTestRun) first = { 0 };
  g_auto(SfTestRun) second = { 0 };
  g_auto(SfTestRun) report = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  guint statuses[3] = { 0 };
  JsonArray *workers;

  run_cli (fx, &first, "demo", NULL);
  g_assert_cmpint (first.status, ==, 0);
  run_cli (fx, &second, "demo", NULL);
  g_assert_cmpint (second.status, ==, 1);

  run_cli (fx, &report, "report", "--format", "json", NULL);
  json_parser_load_from_data (parser, report.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  workers = json_object_get_array_member (root, "caseworkers");
  g_assert_cmpuint (json_array_get_length (workers), >=, 10);
  for (guint i = 0; i < json_array_get_length (workers); i++)
    {
      const char *status = json_object_get_string_member (json_array_get_object_element (workers, i), "status");

      statuses[g_str_equal (status, "within") ? 0 : g_str_equal (status, "near") ? 1 : 2]++;
    }
  /* The demonstration shows every status. */
  g_assert_cmpuint (statuses[0], >, 0);
  g_assert_cmpuint (statuses[1], >, 0);
  g_assert_cmpuint (statuses[2], >, 0);
}

/* Own case areas from the command line: added with and without a range,
 * listed as JSON with the references, used by a roster, removal refused
 * while used; a roster naming an unknown area says how to add it. */
static void
test_own_areas (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *unknown = sf_test_write_file (fx->dir, "unknown.csv",
                                                 "team;omraade;initialer;navn\n"
                                                 "IPS-teamet;ips;AB;Anna Berg\n");
  g_autofree char *rangeless = sf_test_write_file (fx->dir, "rangeless.csv",
                                                   "team;omraade;initialer;navn\n"
                                                   "Mentorteamet;mentor;CD;Carl Dam\n");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *ips, *mentor, *range, *references, *reference;
  g_auto(SfTestRun) refused = { 0 };
  g_auto(SfTestRun) add = { 0 };
  g_auto(SfTestRun) add_bare = { 0 };
  g_auto(SfTestRun) half = { 0 };
  g_auto(SfTestRun) import = { 0 };
  g_auto(SfTestRun) import_rangeless = { 0 };
  g_auto(SfTestRun) list = { 0 };
  g_auto(SfTestRun) text = { 0 };
  g_auto(SfTestRun) remove_used = { 0 };
  g_auto(SfTestRun) remove_ds = { 0 };
  g_auto(SfTestRun) remove = { 0 };
  g_auto(SfTestRun) report = { 0 };
  g_auto(SfTestRun) usage = { 0 };

  /* Unknown: refused, nothing changed, and told how to add it */
  run_cli (fx, &refused, "import-roster", unknown, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "Line 2: “ips” is not a known case area."));
  g_assert_nonnull (strstr (refused.err, "sagsfordeling-cli area-add --key ips --name NAME"));
  g_assert_nonnull (strstr (refused.err, "Preferences"));

  run_cli (fx, &add, "area-add", "--key", "IPS", "--name", "IPS-indsats", "--low", "20", "--high", "22,5",
           "--source", "Byrådets beslutning 2026", NULL);
  g_assert_cmpstr (add.err, ==, "");
  g_assert_cmpint (add.status, ==, 0);
  g_assert_cmpstr (add.out, ==, "Added the own case area “IPS-indsats” (key ips): own range 20–22.5 "
                                "(the organisation’s, not DS’).\n");
  run_cli (fx, &add_bare, "area-add", "--key", "mentor", "--name", "Mentorer", NULL);
  g_assert_cmpint (add_bare.status, ==, 0);
  run_cli (fx, &half, "area-add", "--key", "halv", "--name", "Halv", "--high", "30", NULL);
  g_assert_cmpint (half.status, ==, 1);
  g_assert_cmpstr (half.err, ==, "sagsfordeling-cli: Give the range both a lower and an upper end, or neither.\n");
  run_cli (fx, &usage, "area-add", "--key", "x", NULL);
  g_assert_cmpint (usage.status, ==, 2);

  run_cli (fx, &import, "import-roster", unknown, NULL);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);
  /* Without a range, the team needs a norm of its own */
  run_cli (fx, &import_rangeless, "import-roster", rangeless, NULL);
  g_assert_cmpint (import_rangeless.status, ==, 1);
  g_assert_nonnull (strstr (import_rangeless.err, "the team “Mentorteamet” is in the own case area “Mentorer”, which has no range"));

  run_cli (fx, &list, "areas", "--format", "json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  json_parser_load_from_data (parser, list.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "areas")), ==, 15);
  ips = find_member (root, "areas", "key", "ips");
  g_assert_true (json_object_get_boolean_member (ips, "own"));
  g_assert_cmpstr (json_object_get_string_member (ips, "name"), ==, "IPS-indsats");
  g_assert_cmpstr (json_object_get_string_member (ips, "source"), ==, "Byrådets beslutning 2026");
  g_assert_cmpint (json_object_get_int_member (ips, "teams"), ==, 1);
  range = json_object_get_object_member (ips, "range");
  g_assert_cmpstr (json_object_get_string_member (range, "owner"), ==, "own");
  g_assert_cmpfloat (json_object_get_double_member (range, "low"), ==, 20);
  g_assert_cmpfloat (json_object_get_double_member (range, "high"), ==, 22.5);
  mentor = find_member (root, "areas", "key", "mentor");
  g_assert_true (json_object_get_null_member (mentor, "range"));
  range = json_object_get_object_member (find_member (root, "areas", "key", "sygedagpenge"), "range");
  g_assert_cmpstr (json_object_get_string_member (range, "owner"), ==, "ds");
  g_assert_cmpfloat (json_object_get_double_member (range, "high"), ==, 50);
  references = json_object_get_object_member (root, "references");
  g_assert_cmpstr (json_object_get_string_member (references, "source"), ==, "Viden om begrænsede sagsstammer");
  reference = find_member (references, "items", "key", "ips");
  g_assert_cmpstr (json_object_get_string_member (reference, "kind"), ==, "at-most");
  g_assert_cmpfloat (json_object_get_double_member (reference, "value"), ==, 25);
  g_assert_cmpstr (json_object_get_string_member (reference, "text"), ==, "IPS: at most 25 per consultant");

  run_cli (fx, &text, "areas", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "own range 20–22.5 (the organisation’s, not DS’) · source: Byrådets beslutning 2026 · used by 1 team\n"));
  g_assert_nonnull (strstr (text.out, "Caseloads in other projects (Viden om begrænsede sagsstammer):\n"));

  /* The report says whose range the team is held against */
  run_cli (fx, &report, "report", "--format", "csv", NULL);
  g_assert_cmpint (report.status, ==, 0);
  g_assert_nonnull (strstr (report.out, ";20;22,5;own\r\n"));

  run_cli (fx, &remove_used, "area-remove", "ips", NULL);
  g_assert_cmpint (remove_used.status, ==, 1);
  g_assert_cmpstr (remove_used.err, ==, "sagsfordeling-cli: “IPS-indsats” is the case area of the team "
                                        "“IPS-teamet”. Move the team to another area first.\n");
  run_cli (fx, &remove_ds, "area-remove", "fleksjob", NULL);
  g_assert_cmpint (remove_ds.status, ==, 1);
  run_cli (fx, &remove, "area-remove", "mentor", NULL);
  g_assert_cmpint (remove.status, ==, 0);
  g_assert_cmpstr (remove.out, ==, "Removed the own case area “Mentorer” (key mentor).\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/report-json", test_report_json);
  ADD ("/cli/report-formats", test_report_formats);
  ADD ("/cli/refused-import-changes-nothing", test_refused_import_changes_nothing);
  ADD ("/cli/reimport-updates", test_reimport_updates);
  ADD ("/cli/database-file", test_database_file);
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/not-a-database", test_not_a_database);
  ADD ("/cli/demo", test_demo);
  ADD ("/cli/settings", test_settings);
  ADD ("/cli/own-areas", test_own_areas);
#undef ADD
  return g_test_run ();
}
