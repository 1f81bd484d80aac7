/* Imports into a PostgreSQL server's database when something happens on
 * the server half-way: the connection cut (the backend terminated from a
 * second connection, as a server restart or a network failure would), or
 * another program removing a caseworker the file names.  Either way
 * nothing of the file is written, and the message says why in a
 * manager's words (the connection) or names the line (the caseworker).
 * And what the server's schema does for a bulk load: the case table
 * loaded by COPY in batches, a caseworker's version raised once a
 * statement on their reductions.  The case import's preview, a dry run
 * in the server's own transaction: the same preview as on a file copy of
 * the same data, and nothing of it told to the other users.
 * The rest of the imports' tests run on both stores (test-import-on-pg,
 * test-import-preview-on-pg).
 * Skipped when no server is there (SF_TEST_PG_URI unset). */

#include "config.h"

#include <string.h>

#include "sf-core.h"
#include "sf-import-private.h"
#include "sf-remote-change.h"
#include "sf-store-copy.h"
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

/* ---- the case import's preview: a dry run on the server ---- */

#define EPS 1e-9

/* AB: P-1 kompleks (1) and P-2 enkel (0.5); CD: P-3 kompleks and P-4 enkel */
static const char preview_stored[] =
  "sagsnummer;initialer;kompleksitet;startdato\n"
  "P-1;AB;kompleks;2024-01-01\n"
  "P-2;AB;enkel;2024-01-01\n"
  "P-3;CD;kompleks;2024-01-01\n"
  "P-4;CD;enkel;2024-01-01\n";

/* P-1 becomes særligt kompliceret (2), P-2 is closed on 10 January, P-3
 * moves to AB, P-5 is new for CD (enkel); P-4 is not in the file.  On 15
 * January 2025 AB goes from 1.5 to 2 + 1 = 3, CD from 1.5 to 0.5 + 0.5 = 1 */
static const char preview_good[] =
  "sagsnummer;initialer;kompleksitet;startdato;lukket\n"
  "P-1;AB;særligt kompliceret;2024-01-01;\n"
  "P-2;AB;enkel;2024-01-01;2025-01-10\n"
  "P-3;AB;kompleks;2024-01-01;\n"
  "P-5;CD;enkel;2025-01-02;\n";

/* Problems, each with its line: initials no one has, a CPR number, a case
 * twice */
static const char preview_bad[] =
  "sagsnummer;initialer;kompleksitet\n"
  "P-1;AB;kompleks\n"
  "P-9;XYZ;kompleks\n"
  "010190-1234;CD;enkel\n"
  "P-1;CD;enkel\n";

static const SfCase *
case_of (const SfDataset *dataset,
         const char      *reference)
{
  for (guint i = 0; i < dataset->cases->len; i++)
    if (g_str_equal (g_array_index (dataset->cases, SfCase, i).reference, reference))
      return &g_array_index (dataset->cases, SfCase, i);
  return NULL;
}

/* Everything a preview shows, the same; the ids of caseworkers are the
 * same in the copy, a new case's is not (the server's identity moves on
 * with every dry run) */
static void
assert_same_preview (SfImportPreview *a,
                     SfImportPreview *b)
{
  g_assert_cmpuint (a->rows, ==, b->rows);
  g_assert_cmpuint (a->n_new, ==, b->n_new);
  g_assert_cmpuint (a->n_updated, ==, b->n_updated);
  g_assert_cmpuint (a->n_closed, ==, b->n_closed);
  g_assert_cmpuint (a->n_unchanged, ==, b->n_unchanged);
  g_assert_cmpuint (a->n_not_in_file, ==, b->n_not_in_file);
  g_assert_cmpstr (a->encoding, ==, b->encoding);
  g_assert_cmpuint (g_strv_length (a->unknown_columns), ==, g_strv_length (b->unknown_columns));
  g_assert_cmpuint (sf_import_guard_get_size (a->guard), ==, sf_import_guard_get_size (b->guard));

  g_assert_cmpuint (a->problems->len, ==, b->problems->len);
  for (guint i = 0; i < a->problems->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a->problems, i), ==, g_ptr_array_index (b->problems, i));

  g_assert_cmpuint (a->cases->len, ==, b->cases->len);
  for (guint i = 0; i < a->cases->len; i++)
    {
      const SfPreviewCase *ca = &g_array_index (a->cases, SfPreviewCase, i);
      const SfPreviewCase *cb = &g_array_index (b->cases, SfPreviewCase, i);

      g_assert_cmpstr (ca->reference, ==, cb->reference);
      g_assert_cmpint (ca->kind, ==, cb->kind);
      g_assert_cmpint (ca->complexity, ==, cb->complexity);
      g_assert_cmpint (ca->caseworker_id, ==, cb->caseworker_id);
      g_assert_cmpint (ca->caseworker_before, ==, cb->caseworker_before);
    }

  g_assert_true ((a->effects == NULL) == (b->effects == NULL));
  if (a->effects != NULL)
    {
      g_assert_cmpuint (a->effects->len, ==, b->effects->len);
      for (guint i = 0; i < a->effects->len; i++)
        {
          const SfCaseEffect *ea = &g_array_index (a->effects, SfCaseEffect, i);
          const SfCaseEffect *eb = sf_test_preview_effect (b, ea->caseworker_id);

          g_assert_nonnull (eb);
          g_assert_cmpfloat_with_epsilon (ea->load_before, eb->load_before, EPS);
          g_assert_cmpfloat_with_epsilon (ea->load_after, eb->load_after, EPS);
          g_assert_cmpfloat_with_epsilon (ea->utilisation_before, eb->utilisation_before, EPS);
          g_assert_cmpfloat_with_epsilon (ea->utilisation_after, eb->utilisation_after, EPS);
          g_assert_cmpuint (ea->open_before, ==, eb->open_before);
          g_assert_cmpuint (ea->open_after, ==, eb->open_after);
          g_assert_cmpint (ea->status_before, ==, eb->status_before);
          g_assert_cmpint (ea->status_after, ==, eb->status_after);
        }
    }

  g_assert_true ((a->after == NULL) == (b->after == NULL));
  if (a->after != NULL)
    {
      g_assert_cmpuint (a->after->cases->len, ==, b->after->cases->len);
      g_assert_cmpuint (a->after->caseworkers->len, ==, b->after->caseworkers->len);
      for (guint i = 0; i < a->after->cases->len; i++)
        {
          const SfCase *ca = &g_array_index (a->after->cases, SfCase, i);
          const SfCase *cb = case_of (b->after, ca->reference);

          g_assert_nonnull (cb);
          g_assert_cmpint (ca->caseworker_id, ==, cb->caseworker_id);
          g_assert_cmpint (ca->cover_id, ==, cb->cover_id);
          g_assert_cmpint (ca->complexity, ==, cb->complexity);
          g_assert_cmpint (ca->area_id, ==, cb->area_id);
          g_assert_cmpint (ca->start, ==, cb->start);
          g_assert_cmpint (ca->closed, ==, cb->closed);
        }
    }
}

static void
import_stored_cases (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cases = sf_test_bytes (preview_stored);
  g_auto(SfImportResult) result = { 0 };

  g_assert_true (sf_import_cases (fixture->store, cases, &result, &error));
  g_assert_no_error (error);
}

/* The preview of a file on the server is the preview of the same file on
 * a file copy of the server's data (sf_store_copy_between()), with its
 * figures as worked out by hand, problems by line included; and it
 * writes nothing on the server */
static void
test_preview_as_on_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(SfStore) file_store = NULL;
  g_autoptr(GBytes) good = sf_test_bytes (preview_good);
  g_autoptr(GBytes) bad = sf_test_bytes (preview_bad);
  g_autoptr(SfImportPreview) on_server = NULL;
  g_autoptr(SfImportPreview) on_file = NULL;
  g_auto(SfImportResult) result = { 0 };
  SfDay ref = sf_test_day ("2025-01-15");
  gint64 ab = sf_test_query_int (fixture->store, "SELECT id FROM caseworker WHERE initials = 'AB'");
  gint64 cd = sf_test_query_int (fixture->store, "SELECT id FROM caseworker WHERE initials = 'CD'");
  gint64 audits;
  const SfCaseEffect *effect;

  import_stored_cases (fixture);
  g_assert_true (sf_store_copy_between (fixture->uri, path, FALSE, NULL, &error));
  g_assert_no_error (error);
  file_store = sf_store_open (path, &error);
  g_assert_no_error (error);
  audits = count_on_server (fixture->uri, "SELECT count (*) FROM audit");

  on_server = sf_import_preview_cases (fixture->store, good, ref, &error);
  g_assert_no_error (error);
  on_file = sf_import_preview_cases (file_store, good, ref, &error);
  g_assert_no_error (error);
  assert_same_preview (on_server, on_file);

  g_assert_cmpuint (on_server->problems->len, ==, 0);
  g_assert_cmpuint (on_server->rows, ==, 4);
  g_assert_cmpuint (on_server->n_new, ==, 1);
  g_assert_cmpuint (on_server->n_updated, ==, 2);
  g_assert_cmpuint (on_server->n_closed, ==, 1);
  g_assert_cmpuint (on_server->n_not_in_file, ==, 1);
  g_assert_cmpuint (sf_import_guard_get_size (on_server->guard), ==, 3);
  g_assert_cmpuint (on_server->effects->len, ==, 2);
  effect = sf_test_preview_effect (on_server, ab);
  g_assert_cmpfloat_with_epsilon (effect->load_before, 1.5, EPS);
  g_assert_cmpfloat_with_epsilon (effect->load_after, 3.0, EPS);
  effect = sf_test_preview_effect (on_server, cd);
  g_assert_cmpfloat_with_epsilon (effect->load_before, 1.5, EPS);
  g_assert_cmpfloat_with_epsilon (effect->load_after, 1.0, EPS);
  g_assert_cmpint (case_of (on_server->after, "P-3")->caseworker_id, ==, ab);
  g_assert_nonnull (case_of (on_server->after, "P-5"));

  /* Nothing of it on the server: no case, no change, no change-log line,
   * no temporary table left on the connection */
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM casefile"), ==, 4);
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM casefile WHERE version > 1"), ==, 0);
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM audit"), ==, audits);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count (*) FROM pg_tables"
                                                      " WHERE tablename = 'sf_import_case'"), ==, 0);

  g_clear_pointer (&on_server, sf_import_preview_free);
  g_clear_pointer (&on_file, sf_import_preview_free);
  on_server = sf_import_preview_cases (fixture->store, bad, ref, &error);
  g_assert_no_error (error);
  on_file = sf_import_preview_cases (file_store, bad, ref, &error);
  g_assert_no_error (error);
  assert_same_preview (on_server, on_file);
  g_assert_cmpuint (on_server->problems->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (on_server->problems, 0), "Line 3: no caseworker"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (on_server->problems, 1), "Line 4: the case number"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (on_server->problems, 2), "Line 5: the case number “P-1”"));
  g_clear_pointer (&on_server, sf_import_preview_free);

  /* And the good file imports as previewed */
  on_server = sf_import_preview_cases (fixture->store, good, ref, &error);
  g_assert_no_error (error);
  g_assert_true (sf_import_preview_apply (fixture->store, on_server, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM casefile"), ==, 5);
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM casefile WHERE reference = 'P-3'"
                                                  " AND caseworker_id = (SELECT id FROM caseworker"
                                                  " WHERE initials = 'AB')"), ==, 1);
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM audit"), ==, audits + 1);
}

/* Into an empty case table the import copies straight into it: the dry
 * run too, and leaves it empty */
static void
test_preview_first_import (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cases = sf_test_bytes (preview_stored);
  g_autoptr(SfImportPreview) preview = NULL;

  preview = sf_import_preview_cases (fixture->store, cases, sf_test_day ("2025-01-15"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->problems->len, ==, 0);
  g_assert_cmpuint (preview->n_new, ==, 4);
  g_assert_cmpuint (preview->after->cases->len, ==, 4);
  g_assert_cmpuint (sf_import_guard_get_size (preview->guard), ==, 0);
  g_assert_cmpint (count_on_server (fixture->uri, "SELECT count (*) FROM casefile"), ==, 0);
}

/* A dry run is rolled back: the triggers' notifications, delivered only
 * at a commit, never reach anyone.  Another connection listening hears
 * the change committed after the preview, and nothing before it */
static void
test_preview_tells_nobody (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDb) listener = NULL;
  g_autoptr(GBytes) good = sf_test_bytes (preview_good);
  g_autoptr(SfImportPreview) preview = NULL;
  g_autofree char *done = NULL;
  gint64 deadline;
  gboolean marker = FALSE;

  import_stored_cases (fixture);
  listener = sf_db_open (fixture->uri, SF_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (sf_db_listen (listener, SF_REMOTE_CHANNEL, &error));
  g_assert_no_error (error);

  preview = sf_import_preview_cases (fixture->store, good, sf_test_day ("2025-01-15"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_new, ==, 1);

  done = sf_test_pg_query (fixture->uri, "UPDATE caseworker SET weekly_hours = 36 WHERE initials = 'AB'"
                                         " RETURNING 1");
  g_assert_cmpstr (done, ==, "1");
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!marker)
    {
      g_autoptr(GPtrArray) some = sf_db_take_notifications (listener, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < some->len; i++)
        {
          SfDbNotification *notification = g_ptr_array_index (some, i);

          g_test_message ("%s", notification->payload);
          g_assert_null (strstr (notification->payload, "\"casefile\""));
          marker = marker || strstr (notification->payload, "\"caseworker\"") != NULL;
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!marker)
        g_usleep (10000);
    }
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
  g_test_add ("/import-pg/preview/as-on-file", Fixture, NULL, fixture_set_up, test_preview_as_on_file,
              fixture_tear_down);
  g_test_add ("/import-pg/preview/first-import", Fixture, NULL, fixture_set_up, test_preview_first_import,
              fixture_tear_down);
  g_test_add ("/import-pg/preview/tells-nobody", Fixture, NULL, fixture_set_up, test_preview_tells_nobody,
              fixture_tear_down);

  return g_test_run ();
}
