/* `sagsfordeling-cli copy` between a database file and a PostgreSQL server,
 * both ways: everything arrives (the reports of the file and of its copy
 * back from the server are the same), a target with data is refused and
 * left as it was unless --replace.  Skipped when no server is there. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sf-db.h"
#include "sf-test-util.h"

static const char roster_csv[] =
  "team;omraade;team_norm;initialer;navn;timer;slutdato\n"
  "Syg;sygedagpenge;40;AA;Anna Aagaard;37;2027-02-28\n"
  "Syg;sygedagpenge;40;BB;Bo Bech;37;\n"
  "Job;jobafklaring;;CC;Cecilie \"Cilla\" Ørum;30.5;\n";

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, haystack);
}

/* What the CLI prints for @db with these arguments (it must succeed) */
static char *
output_of (const char *db,
           const char *first,
           ...)
{
  g_auto(SfTestRun) run = { 0 };
  va_list args;

  va_start (args, first);
  sf_test_run_cli_va (db, NULL, &run, first, args);
  va_end (args);
  if (run.status != 0)
    g_error ("%s on %s failed: %s", first, db, run.err);
  return g_steal_pointer (&run.out);
}

/* A file with something in every kind of table */
static char *
make_file (const char *dir)
{
  char *db = sf_test_cli_planning_db (dir, roster_csv);

  g_free (output_of (db, "checklist-new", "--team", "Syg", "--template", "faglige-pejlemaerker", NULL));
  g_free (output_of (db, "checklist-check", "--team", "Syg", "--item", "1", "--note", "back\\slash \\N",
                     "--date", "2026-11-01", NULL));
  g_free (output_of (db, "settings", "near-threshold", "0.85", NULL));
  g_free (output_of (db, "plan-hire", "--team", "Job", "--hours", "37", "--start", "2027-01-01",
                     "--note", "'quoted' ?1 æøå", NULL));
  g_free (output_of (db, "area-add", "--key", "eget", "--name", "Eget område", "--low", "20",
                     "--high", "30", NULL));
  /* alerts records today's figures in the history */
  g_free (output_of (db, "alerts", NULL));
  return db;
}

/* The outputs that show what a database holds */
static void
assert_same_data (const char *a,
                  const char *b)
{
  const char *commands[][4] = {
    { "report", "--format", "json", "--date=2026-12-06" },
    { "alerts", "--format", "json", "--date=2026-12-06" },
    { "checklists", "--format", "json", "--date=2026-12-06" },
    { "plan-hires", "--format", "json", NULL },
    { "areas", "--format", "json", NULL },
    { "settings", NULL, NULL, NULL },
    { "forecast", "--format", "json", "--date=2026-12-06" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out_a = output_of (a, commands[i][0], commands[i][1], commands[i][2],
                                          commands[i][3], NULL);
      g_autofree char *out_b = output_of (b, commands[i][0], commands[i][1], commands[i][2],
                                          commands[i][3], NULL);

      g_assert_cmpstr (out_a, ==, out_b);
    }
}

static void
test_round_trip (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *file = make_file (dir);
  g_autofree char *back = g_build_filename (dir, "back.db", NULL);
  g_autofree char *cases = NULL;
  g_autofree char *events = NULL;
  char *uri = sf_test_pg_new_database ();
  g_auto(SfTestRun) run = { 0 };

  /* File → server: the server database is set up on the way */
  sf_test_run_cli ("unused.db", &run, "copy", "--from", file, "--to", uri, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "Copied ");
  cases = sf_test_pg_query (uri, "SELECT count (*) FROM casefile");
  g_assert_cmpstr (cases, ==, "56");
  events = sf_test_pg_query (uri, "SELECT note FROM checklist_event");
  g_assert_cmpstr (events, ==, "back\\slash \\N");
  sf_test_run_clear (&run);

  /* Server → a new file: the same data, to the last figure */
  sf_test_run_cli ("unused.db", &run, "copy", "--from", uri, "--to", back, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_same_data (file, back);
  sf_test_run_clear (&run);

  /* New rows on the server take ids after the copied ones */
  g_free (sf_test_pg_query (uri, "INSERT INTO audit (at, who, action) VALUES ('now', 'test', 'x')"));
  g_free (cases);
  cases = sf_test_pg_query (uri, "SELECT count (DISTINCT id) = count (*) FROM audit");
  g_assert_cmpstr (cases, ==, "1");

  sf_test_pg_drop_database (uri);
}

/* A target with data of its own is left alone, unless told */
static void
test_refuse_non_empty (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *file = make_file (dir);
  g_autofree char *other_dir = sf_test_make_tmpdir ();
  g_autofree char *other = NULL;
  g_autofree char *count = NULL;
  char *uri = sf_test_pg_new_database ();
  g_auto(SfTestRun) run = { 0 };

  sf_test_run_cli ("unused.db", &run, "copy", "--from", file, "--to", uri, NULL);
  g_assert_cmpint (run.status, ==, 0);
  sf_test_run_clear (&run);
  g_free (sf_test_pg_query (uri, "UPDATE caseworker SET name = 'Changed' WHERE initials = 'AA'"));

  /* Again: refused, nothing changed */
  sf_test_run_cli ("unused.db", &run, "copy", "--from", file, "--to", uri, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "holds data already");
  assert_contains (run.err, "--replace");
  count = sf_test_pg_query (uri, "SELECT count (*) FROM caseworker WHERE name = 'Changed'");
  g_assert_cmpstr (count, ==, "1");
  sf_test_run_clear (&run);

  /* Into a file with data: refused too */
  other = sf_test_cli_planning_db (other_dir, roster_csv);
  sf_test_run_cli ("unused.db", &run, "copy", "--from", uri, "--to", other, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "holds data already");
  sf_test_run_clear (&run);

  /* With --replace: the file's data again */
  sf_test_run_cli ("unused.db", &run, "copy", "--from", file, "--to", uri, "--replace", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_free (count);
  count = sf_test_pg_query (uri, "SELECT count (*) FROM caseworker WHERE name = 'Changed'");
  g_assert_cmpstr (count, ==, "0");
  g_free (count);
  count = sf_test_pg_query (uri, "SELECT count (*) FROM caseworker");
  g_assert_cmpstr (count, ==, "3");

  sf_test_pg_drop_database (uri);
}

/* A copy into a new file appears only when it is complete (it is written
 * under a hidden name and renamed), owner-only; one cut short leaves
 * nothing behind.  File to file: no server needed for this part. */
static void
test_new_file (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *file = make_file (dir);
  g_autofree char *out_dir = sf_test_make_tmpdir ();
  g_autofree char *copy = g_build_filename (out_dir, "copy.db", NULL);
  g_autofree char *broken = g_build_filename (out_dir, "broken.db", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SfTestRun) run = { 0 };
  GStatBuf st;

  sf_test_run_cli ("unused.db", &run, "copy", "--from", file, "--to", copy, NULL);
  g_assert_cmpint (run.status, ==, 0);
  sf_test_run_clear (&run);
  assert_same_data (file, copy);
  names = sf_test_list_folder (out_dir);
  g_assert_cmpstr (names, ==, "copy.db");
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A case whose caseworker is not there (possible only with the file's
   * foreign keys off): the target refuses it half-way through the copy */
  {
    g_autoptr(SfDb) db = sf_db_open (file, SF_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (sf_db_exec (db, "PRAGMA foreign_keys = OFF", &error));
    g_assert_true (sf_db_exec (db, "UPDATE casefile SET caseworker_id = 99999 "
                                   "WHERE id = (SELECT max (id) FROM casefile)", &error));
    g_assert_no_error (error);
  }
  sf_test_run_cli ("unused.db", &run, "copy", "--from", file, "--to", broken, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "broken.db");
  g_assert_null (strstr (run.err, ".broken.db-"));
  g_free (names);
  names = sf_test_list_folder (out_dir);
  g_assert_cmpstr (names, ==, "copy.db");
}

/* Sources that cannot be copied */
static void
test_bad_sources (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *target = g_build_filename (dir, "target.db", NULL);
  char *uri = sf_test_pg_new_database ();
  g_auto(SfTestRun) run = { 0 };

  sf_test_run_cli ("unused.db", &run, "copy", "--from", missing, "--to", uri, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "There is no database file");
  sf_test_run_clear (&run);

  /* A server database nobody has set up */
  sf_test_run_cli ("unused.db", &run, "copy", "--from", uri, "--to", target, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "server-setup");
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  sf_test_run_clear (&run);

  sf_test_run_cli ("unused.db", &run, "copy", "--from", uri, NULL);
  g_assert_cmpint (run.status, ==, 2);

  sf_test_pg_drop_database (uri);
}

int
main (int    argc,
      char **argv)
{
  sf_test_pg_require (argc, argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copy-pg/round-trip", test_round_trip);
  g_test_add_func ("/copy-pg/refuse-non-empty", test_refuse_non_empty);
  g_test_add_func ("/copy-pg/bad-sources", test_bad_sources);
  g_test_add_func ("/copy-pg/new-file", test_new_file);

  return g_test_run ();
}
