/* Imports into a PostgreSQL server's database when something happens on
 * the server half-way: the connection cut (the backend terminated from a
 * second connection, as a server restart or a network failure would), or
 * another program removing a caseworker the file names.  Either way
 * nothing of the file is written, and the message says why in a
 * manager's words (the connection) or names the line (the caseworker).
 * And what the server's schema does for a bulk load: the case table
 * loaded by COPY in batches, a caseworker's version raised once a
 * statement on their reductions.
 * The rest of the imports' tests run on both stores (test-import-on-pg).
 * Skipped when no server is there (SF_TEST_PG_URI unset). */

#include "config.h"

#include <string.h>

#include "sf-core.h"
#include "sf-import-private.h"
#include "sf-test-util.h"

#define ROSTER \
  "team;omraade;initialer;navn;timer;reduktion_timer\n" \
  "Modtageteam;boern-familie;AB;Anna Berg;37;\n" \
  "Modtageteam;boern-familie;CD;Carl Dam;30;4\n"

typedef struct
{
  char    *uri;
  SfStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) roster = sf_test_bytes (ROSTER);
  g_auto(SfImportResult) result = { 0 };

  fixture->uri = sf_test_pg_new_server_database ();
  fixture->store = sf_store_open (fixture->uri, &error);
  g_assert_no_error (error);
  g_assert_true (sf_import_roster (fixture->store, roster, &result, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sf_import_set_test_hook (NULL, NULL);
  g_clear_object (&fixture->store);
  sf_test_pg_drop_database (fixture->uri);
}

static gint64
count_on_server (const char *uri,
                 const char *sql)
{
  g_autofree char *text = sf_test_pg_query (uri, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

/* The hook: the import's own backend terminated from another connection,
 * and waited for until it is gone */
static void
cut_connection (SfStore       *store,
                SfImportStage  stage,
                gpointer       user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *pid = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *done = NULL;

  if (stage != SF_IMPORT_STAGE_COPIED)
    return;

  pid = g_strdup_printf ("%" G_GINT64_FORMAT, sf_test_query_int (store, "SELECT pg_backend_pid ()"));
  sql = g_strdup_printf ("SELECT pg_terminate_backend (%s, 10000)", pid);
  done = sf_test_pg_query (fixture->uri, sql);
  g_assert_cmpstr (done, ==, "1");
}

/* 20,000 cases, so that the copy is well under way as a file this size
 * would be in real use */
static GBytes *
many_cases (guint n)
{
  GString *csv = g_string_new ("sagsnummer;initialer;kompleksitet\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "S-%u;%s;%s\n", i, i % 2 ? "AB" : "CD", i % 3 ? "enkel" : "kompleks");
  return g_string_free_to_bytes (csv);
}

static void
assert_lost_connection (GError *error)
{
  g_assert_error (error, SF_ERROR, SF_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "connection to the database server was lost"));
  g_assert_nonnull (strstr (error->message, "nothing was imported"));
}

static void
test_cut_cases (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cases = many_cases (20000);
  g_auto(SfImportResult) result = { 0 };

  sf_import_set_test_hook (cut_connection, fixture);
  g_assert_false (sf_import_cases (fixture->store, cases, &result, &error));
  assert_lost_connection (error);

  /* Nothing of it is on the server, not even the change log's line */
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM casefile"), ==, 0);
  g_assert_cmpint (count_on_server (fixture->uri,
                                    "SELECT count (*) FROM audit WHERE action = 'import-cases'"), ==, 0);

  /* Once connected again, the same file goes in whole */
  sf_import_set_test_hook (NULL, NULL);
  g_clear_object (&fixture->store);
  g_clear_error (&error);
  sf_import_result_clear (&result);
  fixture->store = sf_store_open (fixture->uri, &error);
  g_assert_no_error (error);
  g_assert_true (sf_import_cases (fixture->store, cases, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.created, ==, 20000);
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM casefile"), ==, 20000);
}

static void
test_cut_roster (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;initialer;navn;timer;reduktion_timer\n"
                                            "Modtageteam;boern-familie;AB;Anna Berg;30;\n"
                                            "Nyt team;sygedagpenge;EF;Eva Friis;37;2\n");
  g_auto(SfImportResult) result = { 0 };

  sf_import_set_test_hook (cut_connection, fixture);
  g_assert_false (sf_import_roster (fixture->store, roster, &result, &error));
  assert_lost_connection (error);
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM team"), ==, 1);
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM caseworker"), ==, 2);
  g_assert_cmpint (count_on_server (fixture->uri,
                                    "SELECT count (*) FROM caseworker WHERE weekly_hours = 37"), ==, 1);
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM reduction"), ==, 1);
}

/* The hook: another program removes CD, who has no cases yet */
static void
remove_caseworker (SfStore       *store,
                   SfImportStage  stage,
                   gpointer       user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *done = NULL;

  if (stage != SF_IMPORT_STAGE_CHECKED)
    return;

  done = sf_test_pg_query (fixture->uri, "DELETE FROM caseworker WHERE initials = 'CD' RETURNING 1");
  g_assert_cmpstr (done, ==, "1");
}

static void
test_removed_meanwhile (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cases = sf_test_bytes ("sagsnummer;initialer;kompleksitet\n"
                                           "S-1;AB;enkel\n"
                                           "S-2;AB;kompleks\n"
                                           "S-3;CD;enkel\n"
                                           "S-4;CD;enkel\n");
  g_auto(SfImportResult) result = { 0 };

  sf_import_set_test_hook (remove_caseworker, fixture);
  g_assert_false (sf_import_cases (fixture->store, cases, &result, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==,
                   "The file was not imported: it has 1 problem. Nothing was changed.\n"
                   "Line 4: its caseworker or case area was removed by another program during "
                   "the import. Import the file again.");
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM casefile"), ==, 0);
}

/* The same into a table with cases already, where the rows go through a
 * temporary table first */
static void
test_removed_meanwhile_update (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = sf_test_bytes ("sagsnummer;initialer;kompleksitet\n"
                                           "S-1;AB;enkel\n");
  g_autoptr(GBytes) cases = sf_test_bytes ("sagsnummer;initialer;kompleksitet\n"
                                           "S-1;AB;kompleks\n"
                                           "S-2;AB;kompleks\n"
                                           "S-3;CD;enkel\n");
  g_auto(SfImportResult) result = { 0 };

  g_assert_true (sf_import_cases (fixture->store, first, &result, &error));
  g_assert_no_error (error);
  sf_import_result_clear (&result);

  sf_import_set_test_hook (remove_caseworker, fixture);
  g_assert_false (sf_import_cases (fixture->store, cases, &result, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "\nLine 4: its caseworker or case area was removed"));
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM casefile"), ==, 1);
  g_assert_cmpint (count_on_server (fixture->uri,
                                    "SELECT count (*) FROM casefile WHERE complexity = 'enkel'"), ==, 1);
}

/* The first case list goes straight into the empty case table in one
 * COPY that the server writes in batches of rows: nothing on the table
 * makes it insert them one at a time (a BEFORE INSERT row trigger does,
 * even a disabled one).  Who and when are what the columns' defaults
 * would have said, the same for every row. */
static void
test_bulk_load (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cases = many_cases (500);
  g_auto(SfImportResult) result = { 0 };
  g_autofree char *stamp = NULL;

  /* tgtype: 1 a row's, 2 before, 4 on insert */
  g_assert_cmpint (count_on_server (fixture->uri,
                                    "SELECT count (*) FROM pg_trigger"
                                    " WHERE tgrelid = 'casefile'::regclass AND tgtype & 7 = 7"), ==, 0);

  g_assert_true (sf_import_cases (fixture->store, cases, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.created, ==, 500);
  g_assert_cmpint (count_on_server (fixture->uri,
                                    "SELECT count (*) FROM casefile WHERE version = 1"
                                    " AND changed_by = session_user"
                                    " AND changed_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'"),
                   ==, 500);
  stamp = sf_test_pg_query (fixture->uri, "SELECT count (DISTINCT changed_at) FROM casefile");
  g_assert_cmpstr (stamp, ==, "1");
}

/* A caseworker's version is raised once by a statement that writes their
 * reductions, however many of them it writes */
static void
test_reduction_version (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *version = "SELECT version FROM caseworker WHERE initials = 'AB'";
  g_autofree char *done = NULL;

  g_assert_cmpint (count_on_server (fixture->uri, version), ==, 1);
  /* CD was imported with a reduction: raised once */
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT version FROM caseworker WHERE initials = 'CD'"),
                   ==, 2);

  done = sf_test_pg_query (fixture->uri,
                           "INSERT INTO reduction (caseworker_id, hours, reason)"
                           " SELECT id, h, 'tr' FROM caseworker, (VALUES (1), (2), (3)) AS v (h)"
                           " WHERE initials = 'AB' RETURNING 1");
  g_assert_cmpint (count_on_server (fixture->uri, version), ==, 2);
  g_clear_pointer (&done, g_free);
  done = sf_test_pg_query (fixture->uri,
                           "UPDATE reduction SET hours = hours + 1 WHERE caseworker_id ="
                           " (SELECT id FROM caseworker WHERE initials = 'AB') RETURNING 1");
  g_assert_cmpint (count_on_server (fixture->uri, version), ==, 3);
  g_clear_pointer (&done, g_free);
  done = sf_test_pg_query (fixture->uri,
                           "DELETE FROM reduction WHERE caseworker_id ="
                           " (SELECT id FROM caseworker WHERE initials = 'AB') RETURNING 1");
  g_assert_cmpint (count_on_server (fixture->uri, version), ==, 4);
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM reduction"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  sf_test_pg_require (argc, argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-pg/cut/cases", Fixture, NULL, fixture_set_up, test_cut_cases, fixture_tear_down);
  g_test_add ("/import-pg/cut/roster", Fixture, NULL, fixture_set_up, test_cut_roster, fixture_tear_down);
  g_test_add ("/import-pg/removed-meanwhile", Fixture, NULL, fixture_set_up, test_removed_meanwhile,
              fixture_tear_down);
  g_test_add ("/import-pg/removed-meanwhile-update", Fixture, NULL, fixture_set_up,
              test_removed_meanwhile_update, fixture_tear_down);
  g_test_add ("/import-pg/bulk-load", Fixture, NULL, fixture_set_up, test_bulk_load, fixture_tear_down);
  g_test_add ("/import-pg/reduction-version", Fixture, NULL, fixture_set_up, test_reduction_version,
              fixture_tear_down);

  return g_test_run ();
}
