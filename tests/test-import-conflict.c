/* Imports and rows changed meanwhile: an import refuses, whole, to write
 * over a row that someone else changed after the import read it (its
 * preview, or the CLI's own check of the file), names the rows, who and
 * when, and writes nothing; a change to rows the file does not name lets
 * it through.  Two clients: two stores on one file, or two connections to
 * one server (test-import-conflict-on-pg).
 *
 * The organisation: team Familie, AB (Anna Berg, 37 hours), CD (Carl
 * Dahl, 37) and EF (Eva Falk, 37); cases A-1 (AB), A-2 (CD). */

#include <string.h>

#include "sf-core.h"
#include "sf-import-private.h"
#include "sf-test-util.h"

typedef struct
{
  SfTestStore db;
  SfStore    *a;              /* db.store: the one importing */
  SfStore    *b;              /* a second connection to the same database */
  gboolean    server;
  const char *meanwhile;      /* SQL the other client runs between the import's read and write */
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;initialer;navn;timer\n"
                                            "Familie;boern-familie;AB;Anna Berg;37\n"
                                            "Familie;boern-familie;CD;Carl Dahl;37\n"
                                            "Familie;boern-familie;EF;Eva Falk;37\n");
  g_autoptr(GBytes) cases = sf_test_bytes ("sagsnummer;initialer;kompleksitet;startdato\n"
                                           "A-1;AB;kompleks;2024-01-01\n"
                                           "A-2;CD;enkel;2024-01-01\n");
  g_auto(SfImportResult) result = { 0 };
  g_auto(SfImportResult) case_result = { 0 };

  sf_test_store_set_up (&fx->db, data);
  fx->a = fx->db.store;
  fx->server = sf_db_get_kind (sf_store_get_db (fx->a)) == SF_DB_POSTGRES;
  fx->b = sf_store_open (sf_store_get_path (fx->a), &error);
  g_assert_no_error (error);
  g_assert_true (sf_import_roster (fx->a, roster, &result, &error));
  g_assert_no_error (error);
  g_assert_true (sf_import_cases (fx->a, cases, &case_result, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  sf_import_set_test_hook (NULL, NULL);
  g_clear_object (&fx->b);
  sf_test_store_tear_down (&fx->db, data);
}

static gint64
query_int (SfStore    *store,
           const char *sql)
{
  return sf_test_query_int (store, sql);
}

static void
run_meanwhile (Fixture    *fx,
               const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sf_store_exec (fx->b, sql, &error));
  g_assert_no_error (error);
}

/* Between the import's check of the file and its write */
static void
meanwhile_cb (SfStore       *store,
              SfImportStage  stage,
              gpointer       user_data)
{
  Fixture *fx = user_data;

  if (stage == SF_IMPORT_STAGE_CHECKED && fx->meanwhile != NULL)
    {
      run_meanwhile (fx, fx->meanwhile);
      fx->meanwhile = NULL;
    }
}

static void
assert_names (Fixture      *fx,
              const GError *error,
              const char   *row)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == SF_CONFLICT_ERROR);
  g_assert_nonnull (sf_conflict_get (error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, row));
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  if (fx->server)
    {
      /* The server says who: the test's own login, the other connection */
      g_assert_nonnull (sf_conflict_get (error)->who);
      g_assert_nonnull (strstr (error->message, sf_conflict_get (error)->who));
    }
  else
    g_assert_nonnull (strstr (error->message, "another window or program"));
}

/* The CLI reads and writes in one go: a change to a caseworker the roster
 * names, landing between the two, refuses the whole import */
static void
test_roster_refused (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;initialer;navn;timer\n"
                                            "Familie;boern-familie;AB;Anna Berg;30\n"
                                            "Familie;boern-familie;CD;Carl Dahl;30\n"
                                            "Familie;boern-familie;GH;Gitte Holm;37\n");
  g_auto(SfImportResult) result = { 0 };
  gint64 audits = query_int (fx->a, "SELECT count(*) FROM audit");

  fx->meanwhile = "UPDATE caseworker SET weekly_hours = 25 WHERE initials = 'CD'";
  sf_import_set_test_hook (meanwhile_cb, fx);
  g_assert_false (sf_import_roster (fx->a, roster, &result, &error));
  g_assert_null (fx->meanwhile);
  assert_names (fx, error, "Carl Dahl (CD)");
  g_assert_null (strstr (error->message, "Anna Berg"));
  g_assert_cmpint (error->code, ==, SF_CONFLICT_ERROR_CHANGED);
  g_assert_cmpstr (sf_conflict_get (error)->table, ==, "caseworker");

  /* Nothing written: AB as before, CD as the other client left them, no GH */
  g_assert_cmpint (query_int (fx->a, "SELECT weekly_hours FROM caseworker WHERE initials = 'AB'"), ==, 37);
  g_assert_cmpint (query_int (fx->a, "SELECT weekly_hours FROM caseworker WHERE initials = 'CD'"), ==, 25);
  g_assert_cmpint (query_int (fx->a, "SELECT count(*) FROM caseworker WHERE initials = 'GH'"), ==, 0);
  g_assert_cmpint (query_int (fx->a, "SELECT count(*) FROM audit"), ==, audits);

  /* Read again (the import again), it goes through */
  g_clear_error (&error);
  sf_import_result_clear (&result);
  g_assert_true (sf_import_roster (fx->a, roster, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fx->a, "SELECT weekly_hours FROM caseworker WHERE initials = 'CD'"), ==, 30);
}

/* A change to a caseworker the file does not name: the import applies */
static void
test_roster_unrelated (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;initialer;navn;timer\n"
                                            "Familie;boern-familie;AB;Anna Berg;30\n"
                                            "Familie;boern-familie;CD;Carl Dahl;30\n");
  g_auto(SfImportResult) result = { 0 };

  fx->meanwhile = "UPDATE caseworker SET weekly_hours = 20 WHERE initials = 'EF'";
  sf_import_set_test_hook (meanwhile_cb, fx);
  g_assert_true (sf_import_roster (fx->a, roster, &result, &error));
  g_assert_no_error (error);
  g_assert_null (fx->meanwhile);
  g_assert_cmpuint (result.updated, ==, 2);
  g_assert_cmpint (query_int (fx->a, "SELECT weekly_hours FROM caseworker WHERE initials = 'AB'"), ==, 30);
  g_assert_cmpint (query_int (fx->a, "SELECT weekly_hours FROM caseworker WHERE initials = 'CD'"), ==, 30);
  g_assert_cmpint (query_int (fx->a, "SELECT weekly_hours FROM caseworker WHERE initials = 'EF'"), ==, 20);
}

/* A caseworker the file names but does not change, changed meanwhile: the
 * import would write their change back, so it is refused too */
static void
test_roster_unchanged_row (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;initialer;navn;timer\n"
                                            "Familie;boern-familie;AB;Anna Berg;30\n"
                                            "Familie;boern-familie;EF;Eva Falk;37\n");
  g_auto(SfImportResult) result = { 0 };

  fx->meanwhile = "UPDATE caseworker SET weekly_hours = 20 WHERE initials = 'EF'";
  sf_import_set_test_hook (meanwhile_cb, fx);
  g_assert_false (sf_import_roster (fx->a, roster, &result, &error));
  assert_names (fx, error, "Eva Falk (EF)");
  g_assert_cmpint (query_int (fx->a, "SELECT weekly_hours FROM caseworker WHERE initials = 'AB'"), ==, 37);
  g_assert_cmpint (query_int (fx->a, "SELECT weekly_hours FROM caseworker WHERE initials = 'EF'"), ==, 20);
}

/* Many rows changed: the first three by name, in the file's order, the
 * rest counted */
static void
test_roster_many (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("team;omraade;initialer;navn;timer\n");
  g_autoptr(GBytes) roster = NULL;
  g_auto(SfImportResult) result = { 0 };

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO caseworker (initials, name, team_id, weekly_hours)"
                                              " SELECT 'X%u', 'Extra %u', id, 37 FROM team", i, i);

      run_meanwhile (fx, sql);
    }
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (csv, "Familie;boern-familie;X%u;Extra %u;30\n", i, i);
  g_string_append (csv, "Familie;boern-familie;AB;Anna Berg;30\n");
  roster = g_string_free_to_bytes (g_steal_pointer (&csv));

  fx->meanwhile = "UPDATE caseworker SET weekly_hours = 20";
  sf_import_set_test_hook (meanwhile_cb, fx);
  g_assert_false (sf_import_roster (fx->a, roster, &result, &error));
  assert_names (fx, error, "Extra 0 (X0)");
  g_assert_nonnull (strstr (error->message, "Extra 1 (X1)"));
  g_assert_nonnull (strstr (error->message, "Extra 2 (X2)"));
  g_assert_null (strstr (error->message, "Extra 3"));
  g_assert_null (strstr (error->message, "Anna Berg"));
  g_assert_nonnull (strstr (error->message, "5 rows the file names"));
  g_assert_nonnull (strstr (error->message, "… and 2 more rows."));
  g_assert_cmpint (query_int (fx->a, "SELECT count(*) FROM caseworker WHERE weekly_hours = 30"), ==, 0);
}

/* A caseworker removed meanwhile */
static void
test_roster_removed (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;initialer;navn;timer\n"
                                            "Familie;boern-familie;EF;Eva Falk;30\n");
  g_auto(SfImportResult) result = { 0 };

  fx->meanwhile = "DELETE FROM caseworker WHERE initials = 'EF'";
  sf_import_set_test_hook (meanwhile_cb, fx);
  g_assert_false (sf_import_roster (fx->a, roster, &result, &error));
  g_assert_error (error, SF_CONFLICT_ERROR, SF_CONFLICT_ERROR_REMOVED);
  g_assert_nonnull (strstr (error->message, "Eva Falk (EF): removed"));
  g_assert_cmpint (query_int (fx->a, "SELECT count(*) FROM caseworker WHERE initials = 'EF'"), ==, 0);
}

/* The case import's preview, then a change to a case it names, then the
 * import: refused, the case named, nothing written */
static void
test_cases_preview_refused (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = sf_test_bytes ("sagsnummer;initialer;kompleksitet;startdato\n"
                                          "A-1;CD;kompleks;2024-01-01\n"
                                          "A-2;CD;kompleks;2024-01-01\n"
                                          "A-3;AB;enkel;2025-01-01\n");
  g_autoptr(SfImportPreview) preview = NULL;
  g_auto(SfImportResult) result = { 0 };
  gint64 audits;

  preview = sf_import_preview_cases (fx->a, file, sf_test_day ("2025-01-15"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sf_import_guard_get_size (preview->guard), ==, 2);
  run_meanwhile (fx, "UPDATE casefile SET complexity = 'saerligt-kompliceret' WHERE reference = 'A-2'");
  audits = query_int (fx->a, "SELECT count(*) FROM audit");

  g_assert_false (sf_import_preview_apply (fx->a, preview, &result, &error));
  assert_names (fx, error, "the case A-2");
  g_assert_null (strstr (error->message, "A-1"));
  g_assert_cmpstr (sf_conflict_get (error)->table, ==, "casefile");
  g_assert_cmpint (query_int (fx->a, "SELECT count(*) FROM casefile"), ==, 2);
  g_assert_cmpint (query_int (fx->a, "SELECT count(*) FROM casefile c JOIN caseworker w"
                                     " ON w.id = c.caseworker_id WHERE w.initials = 'CD'"), ==, 1);
  g_assert_cmpint (query_int (fx->a, "SELECT count(*) FROM audit"), ==, audits);

  /* A preview read again sees the change, and applies */
  g_clear_error (&error);
  g_clear_pointer (&preview, sf_import_preview_free);
  preview = sf_import_preview_cases (fx->a, file, sf_test_day ("2025-01-15"), &error);
  g_assert_no_error (error);
  g_assert_true (sf_import_preview_apply (fx->a, preview, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fx->a, "SELECT count(*) FROM casefile"), ==, 3);
}

/* The preview, then a change to a case the file does not name: applies */
static void
test_cases_preview_unrelated (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = sf_test_bytes ("sagsnummer;initialer;kompleksitet;startdato\n"
                                          "A-1;CD;kompleks;2024-01-01\n");
  g_autoptr(SfImportPreview) preview = NULL;
  g_auto(SfImportResult) result = { 0 };

  preview = sf_import_preview_cases (fx->a, file, sf_test_day ("2025-01-15"), &error);
  g_assert_no_error (error);
  run_meanwhile (fx, "UPDATE casefile SET complexity = 'saerligt-kompliceret' WHERE reference = 'A-2'");
  run_meanwhile (fx, "UPDATE caseworker SET weekly_hours = 20 WHERE initials = 'CD'");
  g_assert_true (sf_import_preview_apply (fx->a, preview, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fx->a, "SELECT count(*) FROM casefile c JOIN caseworker w"
                                     " ON w.id = c.caseworker_id WHERE w.initials = 'CD'"), ==, 2);
}

/* The CLI's case import, with a case changed between its read and write */
static void
test_cases_one_go_refused (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = sf_test_bytes ("sagsnummer;initialer;kompleksitet;startdato\n"
                                          "A-1;CD;kompleks;2024-01-01\n"
                                          "A-3;AB;enkel;2025-01-01\n");
  g_auto(SfImportResult) result = { 0 };

  fx->meanwhile = "UPDATE casefile SET complexity = 'enkel' WHERE reference = 'A-1'";
  sf_import_set_test_hook (meanwhile_cb, fx);
  g_assert_false (sf_import_cases (fx->a, file, &result, &error));
  assert_names (fx, error, "the case A-1");
  g_assert_cmpint (query_int (fx->a, "SELECT count(*) FROM casefile"), ==, 2);
  g_assert_cmpint (query_int (fx->a, "SELECT count(*) FROM casefile WHERE complexity = 'enkel'"), ==, 2);
}

/* More cases than the check joins (SF_IMPORT_GUARD_SCAN): it reads the
 * table's versions instead, with the same outcome: two changed and one
 * removed are named in the file's order, and a change to a case the file
 * does not name lets it through */
static void
test_cases_many (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("sagsnummer;initialer;kompleksitet;startdato\n");
  g_autoptr(GString) again = g_string_new ("sagsnummer;initialer;kompleksitet;startdato\n");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_auto(SfImportResult) result = { 0 };
  guint n = SF_IMPORT_GUARD_SCAN + 100;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (csv, "M-%u;AB;kompleks;2024-01-01\n", i);
      g_string_append_printf (again, "M-%u;CD;kompleks;2024-01-01\n", i);
    }
  first = g_string_free_to_bytes (g_steal_pointer (&csv));
  second = g_string_free_to_bytes (g_steal_pointer (&again));
  g_assert_true (sf_import_cases (fx->a, first, &result, &error));
  g_assert_no_error (error);

  fx->meanwhile = "UPDATE casefile SET complexity = 'enkel'"
                  " WHERE reference IN ('M-7', 'M-2050', 'A-1');"
                  "DELETE FROM casefile WHERE reference = 'M-900'";
  sf_import_set_test_hook (meanwhile_cb, fx);
  sf_import_result_clear (&result);
  g_assert_false (sf_import_cases (fx->a, second, &result, &error));
  assert_names (fx, error, "the case M-7: changed");
  g_assert_nonnull (strstr (error->message, "the case M-900: removed"));
  g_assert_nonnull (strstr (error->message, "the case M-2050: changed"));
  g_assert_null (strstr (error->message, "A-1"));
  g_assert_nonnull (strstr (error->message, "3 rows the file names"));
  g_assert_cmpint (query_int (fx->a, "SELECT count(*) FROM casefile c JOIN caseworker w"
                                     " ON w.id = c.caseworker_id WHERE w.initials = 'CD'"), ==, 1);

  /* Only the case the file does not name changes: it goes through */
  g_clear_error (&error);
  sf_import_result_clear (&result);
  fx->meanwhile = "UPDATE casefile SET complexity = 'kompleks' WHERE reference = 'A-1'";
  g_assert_true (sf_import_cases (fx->a, second, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fx->a, "SELECT count(*) FROM casefile c JOIN caseworker w"
                                     " ON w.id = c.caseworker_id WHERE w.initials = 'CD'"), ==, n + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/import-conflict/roster/refused", test_roster_refused);
  ADD ("/import-conflict/roster/unrelated", test_roster_unrelated);
  ADD ("/import-conflict/roster/unchanged-row", test_roster_unchanged_row);
  ADD ("/import-conflict/roster/many", test_roster_many);
  ADD ("/import-conflict/roster/removed", test_roster_removed);
  ADD ("/import-conflict/cases/preview-refused", test_cases_preview_refused);
  ADD ("/import-conflict/cases/preview-unrelated", test_cases_preview_unrelated);
  ADD ("/import-conflict/cases/one-go-refused", test_cases_one_go_refused);
  ADD ("/import-conflict/cases/many", test_cases_many);
#undef ADD

  return g_test_run ();
}
