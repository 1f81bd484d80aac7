/* The database seam (sf-db.h) on its own: statements, errors in the
 * SF_DB_ERROR domain, transactions, the bulk path and the schema hooks.
 * The SQL is the portable subset, so the same checks hold for every
 * driver; SF_TEST_DB_LOCATION names another database to run them on. */

#include <glib/gstdio.h>

#include "sf-db.h"

typedef struct
{
  char *dir;
  SfDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *location = g_getenv ("SF_TEST_DB_LOCATION");
  g_autofree char *path = NULL;

  if (location == NULL)
    {
      fixture->dir = g_dir_make_tmp ("sf-test-db-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (fixture->dir, "test.db", NULL);
      location = path;
    }
  fixture->db = sf_db_open (location, SF_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
  sf_db_exec (fixture->db,
              "DROP TABLE IF EXISTS child;"
              "DROP TABLE IF EXISTS parent;", &error);
  g_assert_no_error (error);
  if (sf_db_get_kind (fixture->db) == SF_DB_SQLITE)
    sf_db_exec (fixture->db, "PRAGMA foreign_keys = ON", &error);
  g_assert_no_error (error);
  sf_db_exec (fixture->db,
              "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
              "  hours REAL, note TEXT);"
              "CREATE TABLE child (id INTEGER PRIMARY KEY,"
              "  parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE,"
              "  label TEXT CHECK (label <> ''));", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->db, sf_db_close);
  if (fixture->dir != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, "test.db", NULL);

      g_unlink (path);
      g_rmdir (fixture->dir);
      g_free (fixture->dir);
    }
}

static gint64
insert_parent (SfDb       *db,
               const char *name,
               double      hours)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDbStmt) stmt = sf_db_prepare (db, "INSERT INTO parent (name, hours) VALUES (?1, ?2) RETURNING id",
                                            &error);
  gint64 id;

  g_assert_no_error (error);
  sf_db_stmt_bind_text (stmt, 1, name);
  sf_db_stmt_bind_double (stmt, 2, hours);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  id = sf_db_stmt_column_int64 (stmt, 0);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_DONE);
  return id;
}

static void
test_statements (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDbStmt) stmt = NULL;
  g_autofree char *name = g_strdup ("Team Nord");
  gint64 a, b;

  a = insert_parent (fixture->db, name, 37.5);
  b = insert_parent (fixture->db, "Team Syd", 30);
  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (b, !=, a);
  g_assert_cmpint (sf_db_changes (fixture->db), ==, 1);

  stmt = sf_db_prepare (fixture->db,
                        "SELECT id, name, hours, COALESCE (note, 'none'), note FROM parent"
                        " WHERE hours >= ?1 ORDER BY name", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sf_db_stmt_column_count (stmt), ==, 5);
  sf_db_stmt_bind_int64 (stmt, 1, 30);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  g_assert_cmpint (sf_db_stmt_column_int64 (stmt, 0), ==, a);
  g_assert_cmpstr (sf_db_stmt_column_text (stmt, 1), ==, "Team Nord");
  g_assert_cmpfloat (sf_db_stmt_column_double (stmt, 2), ==, 37.5);
  g_assert_cmpstr (sf_db_stmt_column_text (stmt, 3), ==, "none");
  g_assert_true (sf_db_stmt_column_is_null (stmt, 4));
  g_assert_false (sf_db_stmt_column_is_null (stmt, 1));
  g_assert_null (sf_db_stmt_column_text (stmt, 4));
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  g_assert_cmpstr (sf_db_stmt_column_text (stmt, 1), ==, "Team Syd");
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_DONE);

  /* Again with another binding: reset keeps the statement */
  sf_db_stmt_reset (stmt);
  sf_db_stmt_bind_int64 (stmt, 1, 31);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  g_assert_cmpstr (sf_db_stmt_column_text (stmt, 1), ==, "Team Nord");
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_DONE);

  /* A cleared parameter is NULL: nothing is >= NULL */
  sf_db_stmt_reset (stmt);
  sf_db_stmt_clear (stmt);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_DONE);
}

static void
test_upsert (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDbStmt) stmt = NULL;
  gint64 a = insert_parent (fixture->db, "Team Nord", 37);

  stmt = sf_db_prepare (fixture->db,
                        "INSERT INTO parent (name, hours) VALUES (?1, ?2)"
                        " ON CONFLICT (name) DO UPDATE SET hours = excluded.hours", &error);
  g_assert_no_error (error);
  sf_db_stmt_bind_text_static (stmt, 1, "Team Nord");
  sf_db_stmt_bind_double (stmt, 2, 20);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_DONE);
  g_clear_pointer (&stmt, sf_db_stmt_free);

  stmt = sf_db_prepare (fixture->db, "INSERT INTO parent (name) VALUES (?1) ON CONFLICT DO NOTHING", &error);
  g_assert_no_error (error);
  sf_db_stmt_bind_text (stmt, 1, "Team Nord");
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_DONE);
  g_assert_cmpint (sf_db_changes (fixture->db), ==, 0);
  g_clear_pointer (&stmt, sf_db_stmt_free);

  stmt = sf_db_prepare (fixture->db, "SELECT count(*), sum (hours) FROM parent WHERE id = ?1", &error);
  sf_db_stmt_bind_int64 (stmt, 1, a);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  g_assert_cmpint (sf_db_stmt_column_int64 (stmt, 0), ==, 1);
  g_assert_cmpfloat (sf_db_stmt_column_double (stmt, 1), ==, 20);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDbStmt) stmt = NULL;

  insert_parent (fixture->db, "Team Nord", 37);

  stmt = sf_db_prepare (fixture->db, "SELECT nothing FROM nowhere", &error);
  g_assert_null (stmt);
  g_assert_error (error, SF_DB_ERROR, SF_DB_ERROR_OTHER);
  g_clear_error (&error);

  stmt = sf_db_prepare (fixture->db, "INSERT INTO parent (name) VALUES (?1)", &error);
  g_assert_no_error (error);
  sf_db_stmt_bind_text (stmt, 1, "Team Nord");
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_STEP_ERROR);
  g_assert_cmpint (sf_db_get_error_code (fixture->db), ==, SF_DB_ERROR_UNIQUE);
  sf_db_set_error (fixture->db, &error);
  g_assert_error (error, SF_DB_ERROR, SF_DB_ERROR_UNIQUE);
  g_clear_error (&error);
  g_clear_pointer (&stmt, sf_db_stmt_free);

  g_assert_false (sf_db_exec (fixture->db, "INSERT INTO child (parent_id, label) VALUES (999, 'x')", &error));
  g_assert_error (error, SF_DB_ERROR, SF_DB_ERROR_FOREIGN_KEY);
  g_clear_error (&error);

  g_assert_false (sf_db_exec (fixture->db, "INSERT INTO parent (name) VALUES (NULL)", &error));
  g_assert_error (error, SF_DB_ERROR, SF_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
}

static gint64
count (SfDb       *db,
       const char *sql)
{
  g_autoptr(SfDbStmt) stmt = sf_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  return sf_db_stmt_column_int64 (stmt, 0);
}

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sf_db_in_transaction (fixture->db));
  g_assert_true (sf_db_begin (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_true (sf_db_in_transaction (fixture->db));
  insert_parent (fixture->db, "Team Nord", 37);
  sf_db_rollback (fixture->db);
  g_assert_false (sf_db_in_transaction (fixture->db));
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM parent"), ==, 0);

  g_assert_true (sf_db_begin (fixture->db, &error));
  insert_parent (fixture->db, "Team Nord", 37);
  g_assert_true (sf_db_commit (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_false (sf_db_in_transaction (fixture->db));
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM parent"), ==, 1);

  /* Outside a transaction, rolling back changes nothing */
  sf_db_rollback (fixture->db);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM parent"), ==, 1);
}

static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const columns[] = { "name", "hours", "note", NULL };
  g_autoptr(GError) error = NULL;
  SfDbCopy *copy;

  g_assert_true (sf_db_begin (fixture->db, &error));
  copy = sf_db_copy_begin (fixture->db, "parent", columns, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Team \"%d\"\t\\ æøå", i);

      sf_db_copy_put_text (copy, 0, name);
      if (i % 2 == 0)
        sf_db_copy_put_double (copy, 1, i / 4.0);
      else
        sf_db_copy_put_null (copy, 1);
      sf_db_copy_put_text (copy, 2, i == 7 ? "line\nbreak" : NULL);
      g_assert_true (sf_db_copy_row (copy, &error));
      g_assert_no_error (error);
    }
  g_assert_true (sf_db_copy_end (copy, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (sf_db_commit (fixture->db, &error));
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM parent"), ==, 1000);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM parent WHERE hours IS NULL"), ==, 500);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM parent WHERE name = 'Team \"7\"\t\\ æøå'"
                                       " AND note = 'line\nbreak' AND hours IS NULL"), ==, 1);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM parent WHERE hours = 249.5"), ==, 1);
}

static void
test_values_and_keys (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDbStmt) stmt = NULL;
  g_autoptr(SfDbValue) name = NULL;
  g_autoptr(SfDbValue) note = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  SfDbForeignKey *key;
  gint64 a = insert_parent (fixture->db, "Team Nord", 37);

  stmt = sf_db_prepare (fixture->db, "SELECT name, note FROM parent WHERE id = ?1", &error);
  sf_db_stmt_bind_int64 (stmt, 1, a);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  g_assert_cmpstr (sf_db_stmt_column_name (stmt, 1), ==, "note");
  name = sf_db_stmt_column_value (stmt, 0);
  note = sf_db_stmt_column_value (stmt, 1);
  g_assert_false (sf_db_value_is_null (name));
  g_assert_true (sf_db_value_is_null (note));
  g_clear_pointer (&stmt, sf_db_stmt_free);

  sf_db_exec (fixture->db, "DELETE FROM parent", &error);
  stmt = sf_db_prepare (fixture->db, "INSERT INTO parent (name, note) VALUES (?1, ?2)", &error);
  sf_db_stmt_bind_value (stmt, 1, name);
  sf_db_stmt_bind_value (stmt, 2, note);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_DONE);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM parent WHERE name = 'Team Nord' AND note IS NULL"), ==, 1);

  keys = sf_db_foreign_keys_to (fixture->db, "parent", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 1);
  key = g_ptr_array_index (keys, 0);
  g_assert_cmpstr (key->child, ==, "child");
  g_assert_cmpstr (key->from, ==, "parent_id");
  g_assert_cmpstr (key->to, ==, "id");
  g_assert_true (key->cascade);
}

static void
test_schema_version (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const names[] = { "parent", "child", "elsewhere", NULL };
  gint64 version = -1;
  gboolean rebuilds;

  g_assert_true (sf_db_set_schema_version (fixture->db, 3, &error));
  g_assert_no_error (error);
  g_assert_true (sf_db_get_schema_version (fixture->db, &version, &error));
  g_assert_cmpint (version, ==, 3);
  g_assert_cmpint (sf_db_count_tables (fixture->db, names), ==, 2);
  g_assert_nonnull (sf_db_get_migration (fixture->db, 0, &rebuilds));
  g_assert_null (sf_db_get_migration (fixture->db, 10000, &rebuilds));
}

static void
test_locations (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDb) db = NULL;

  g_assert_true (sf_db_location_is_uri ("postgresql://host/db"));
  g_assert_true (sf_db_location_is_uri ("postgres:///db?host=/tmp"));
  g_assert_false (sf_db_location_is_uri ("/home/a/postgresql.db"));
  g_assert_false (sf_db_location_is_uri ("postgresql.db"));

  db = sf_db_open ("/nonexistent-folder/x.db", SF_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, SF_DB_ERROR, SF_DB_ERROR_IO);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/db/statements", test_statements);
  ADD ("/db/upsert", test_upsert);
  ADD ("/db/errors", test_errors);
  ADD ("/db/transactions", test_transactions);
  ADD ("/db/copy", test_copy);
  ADD ("/db/values-and-keys", test_values_and_keys);
  ADD ("/db/schema-version", test_schema_version);
#undef ADD
  g_test_add_func ("/db/locations", test_locations);

  return g_test_run ();
}
