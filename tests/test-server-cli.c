/* sagsfordeling-cli and a database on a PostgreSQL server: server-setup
 * makes the schema once and then changes nothing, refuses a database with
 * somebody else's tables and a file; backup, restore and check point to the
 * server's own backups.  Skipped when no server is there. */

#include "config.h"

#include <string.h>

#include "sf-store-pg-schema.h"
#include "sf-test-util.h"

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, haystack);
}

static void
test_setup_idempotent (void)
{
  char *uri = sf_test_pg_new_database ();
  g_auto(SfTestRun) run = { 0 };
  g_autofree char *version = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *tables = NULL;
  g_autofree char *expected = g_strdup_printf ("schema %d", SF_STORE_PG_SCHEMA_VERSION);

  sf_test_run_cli (uri, &run, "server-setup", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "The database is set up (");
  assert_contains (run.out, expected);
  tables = sf_test_pg_query (uri, "SELECT count (*) FROM pg_tables WHERE schemaname = 'public'");
  sf_test_run_clear (&run);

  /* Again: nothing to do, nothing done */
  sf_test_run_cli (uri, &run, "server-setup", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "set up already");
  version = sf_test_pg_query (uri, "SELECT max (version) FROM schema_version");
  g_assert_cmpint (g_ascii_strtoll (version, NULL, 10), ==, SF_STORE_PG_SCHEMA_VERSION);
  /* One row for each step, none twice */
  rows = sf_test_pg_query (uri, "SELECT count (*) FROM schema_version");
  g_assert_cmpint (g_ascii_strtoll (rows, NULL, 10), ==, SF_STORE_PG_SCHEMA_VERSION);
  g_free (version);
  version = sf_test_pg_query (uri, "SELECT count (*) FROM pg_tables WHERE schemaname = 'public'");
  g_assert_cmpstr (version, ==, tables);
  /* The tables the engine uses are all there (two more: schema_version
   * and user_access) */
  g_assert_cmpint (g_ascii_strtoll (tables, NULL, 10), ==, 22);

  sf_test_pg_drop_database (uri);
}

/* A database with someone else's tables in it is left alone */
static void
test_setup_foreign (void)
{
  char *uri = sf_test_pg_new_database ();
  g_auto(SfTestRun) run = { 0 };
  g_autofree char *count = NULL;

  g_free (sf_test_pg_query (uri, "CREATE TABLE payroll (id int)"));
  sf_test_run_cli (uri, &run, "server-setup", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "not Sagsfordeling's");
  count = sf_test_pg_query (uri, "SELECT count (*) FROM pg_tables WHERE schemaname = 'public'");
  g_assert_cmpstr (count, ==, "1");

  sf_test_pg_drop_database (uri);
}

/* A newer schema than this version knows is not touched */
static void
test_setup_newer (void)
{
  char *uri = sf_test_pg_new_database ();
  g_auto(SfTestRun) run = { 0 };
  g_autofree char *sql = g_strdup_printf ("INSERT INTO schema_version (version) VALUES (%d)",
                                          SF_STORE_PG_SCHEMA_VERSION + 1);

  sf_test_run_cli (uri, &run, "server-setup", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_free (sf_test_pg_query (uri, sql));
  sf_test_run_clear (&run);

  sf_test_run_cli (uri, &run, "server-setup", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "newer version");

  sf_test_pg_drop_database (uri);
}

/* Wrong places, and the backups that are the server's business */
static void
test_not_here (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "local.db", NULL);
  char *uri = sf_test_pg_new_database ();
  g_auto(SfTestRun) run = { 0 };

  sf_test_run_cli (path, &run, "server-setup", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "needs no set-up");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  sf_test_run_clear (&run);

  for (guint i = 0; i < 3; i++)
    {
      const char *command = (const char *[]) { "backup", "check", "restore" }[i];

      sf_test_run_cli (uri, &run, command, NULL);
      g_assert_cmpint (run.status, ==, 1);
      assert_contains (run.err, "pg_dump");
      sf_test_run_clear (&run);
    }

  /* A server that is not there: said plainly, with the address but not
   * the password */
  sf_test_run_cli ("postgresql://manager:s3cret@127.0.0.1:1/sagsfordeling?connect_timeout=2", &run,
                   "server-setup", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "Cannot connect to the database server postgresql://manager@127.0.0.1:1/");
  g_assert_null (strstr (run.err, "s3cret"));

  sf_test_pg_drop_database (uri);
}

/* The same imports into a file and into a server database give the same
 * report; an edit and a refused import behave alike on both */
static void
test_store_on_server (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *file = g_build_filename (dir, "local.db", NULL);
  g_autoptr(GString) cases = g_string_new ("sagsnummer;initialer;kompleksitet;startdato\n");
  g_autofree char *roster = sf_test_write_file (dir, "roster.csv",
                                                "team;omraade;team_norm;initialer;navn;timer\n"
                                                "Syg;sygedagpenge;40;AA;Anna Aagaard;37\n"
                                                "Syg;sygedagpenge;40;BB;Bo Bech;32,5\n");
  g_autofree char *cases_path = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *count = NULL;
  const char *databases[2];
  char *uri = sf_test_pg_new_database ();
  char *reports[2];
  g_auto(SfTestRun) run = { 0 };

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (cases, "A-%u;%s;%s;2026-0%u-01\n", i, i % 3 ? "AA" : "BB",
                            i % 2 ? "kompleks" : "enkel", 1 + i % 9);
  cases_path = sf_test_write_file (dir, "cases.csv", cases->str);
  bad_path = sf_test_write_file (dir, "bad.csv",
                                 "sagsnummer;initialer;kompleksitet;startdato\n"
                                 "Z-1;AA;enkel;2026-01-01\n"
                                 "Z-2;XX;enkel;2026-01-01\n");

  sf_test_run_cli (uri, &run, "server-setup", NULL);
  g_assert_cmpint (run.status, ==, 0);
  databases[0] = file;
  databases[1] = uri;
  for (guint i = 0; i < 2; i++)
    {
      sf_test_run_cli (databases[i], &run, "import-roster", roster, NULL);
      g_assert_cmpint (run.status, ==, 0);
      sf_test_run_cli (databases[i], &run, "import-cases", cases_path, NULL);
      g_assert_cmpint (run.status, ==, 0);
      assert_contains (run.out, "40 new");
      /* An edit */
      sf_test_run_cli (databases[i], &run, "settings", "near-threshold", "0.8", NULL);
      g_assert_cmpint (run.status, ==, 0);
      /* A refused import changes nothing */
      sf_test_run_cli (databases[i], &run, "import-cases", bad_path, NULL);
      g_assert_cmpint (run.status, ==, 1);
      assert_contains (run.err, "Line 3");
      sf_test_run_cli (databases[i], &run, "report", "--format", "json", "--date", "2026-12-06", NULL);
      g_assert_cmpint (run.status, ==, 0);
      reports[i] = g_steal_pointer (&run.out);
    }
  g_assert_cmpstr (reports[0], ==, reports[1]);
  assert_contains (reports[1], "\"AA\"");
  count = sf_test_pg_query (uri, "SELECT count (*) FROM casefile WHERE reference LIKE 'Z-%'");
  g_assert_cmpstr (count, ==, "0");
  g_free (reports[0]);
  g_free (reports[1]);

  sf_test_pg_drop_database (uri);
}

/* A server database nobody has set up is not used */
static void
test_not_set_up (void)
{
  char *uri = sf_test_pg_new_database ();
  g_auto(SfTestRun) run = { 0 };

  sf_test_run_cli (uri, &run, "report", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "server-setup");

  sf_test_pg_drop_database (uri);
}

int
main (int    argc,
      char **argv)
{
  sf_test_pg_require (argc, argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server-cli/setup-idempotent", test_setup_idempotent);
  g_test_add_func ("/server-cli/setup-foreign", test_setup_foreign);
  g_test_add_func ("/server-cli/setup-newer", test_setup_newer);
  g_test_add_func ("/server-cli/not-here", test_not_here);
  g_test_add_func ("/server-cli/store-on-server", test_store_on_server);
  g_test_add_func ("/server-cli/not-set-up", test_not_set_up);

  return g_test_run ();
}
