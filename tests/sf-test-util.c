#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sf-conflict.h"
#include "sf-demo.h"
#include "sf-server.h"
#include "sf-test-util.h"

static GPtrArray *tmpdirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
cleanup_tmpdirs (void)
{
  if (tmpdirs == NULL)
    return;
  for (guint i = 0; i < tmpdirs->len; i++)
    remove_tree (g_ptr_array_index (tmpdirs, i));
  g_clear_pointer (&tmpdirs, g_ptr_array_unref);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the folder @dir, sorted, joined by spaces ("" when it is
 * empty or not there) */
char *
sf_test_list_folder (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

char *
sf_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sf-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmpdirs == NULL)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (cleanup_tmpdirs);
    }
  g_ptr_array_add (tmpdirs, g_strdup (dir));
  return dir;
}

char *
sf_test_write_file (const char *dir,
                    const char *name,
                    const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

GBytes *
sf_test_bytes (const char *contents)
{
  return g_bytes_new (contents, strlen (contents));
}

SfDay
sf_test_day (const char *text)
{
  SfDay day = SF_DAY_NONE;

  g_assert_true (sf_day_parse (text, &day));
  return day;
}

JsonNode *
sf_test_parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

gint64
sf_test_query_int (SfStore    *store,
                   const char *sql)
{
  SfDbStmt *stmt = sf_store_prepare (store, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  value = sf_db_stmt_column_int64 (stmt, 0);
  sf_db_stmt_free (stmt);
  return value;
}

gint64
sf_test_caseworker_id (SfStore    *store,
                       const char *initials)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM caseworker WHERE initials = '%s'", initials);

  return sf_test_query_int (store, sql);
}

gint64
sf_test_case_id (SfStore    *store,
                 const char *reference)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM casefile WHERE reference = '%s'", reference);

  return sf_test_query_int (store, sql);
}

static SfStore *pg_open_store (void);

SfStore *
sf_test_open_store (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  SfStore *store;

  *out_dir = sf_test_make_tmpdir ();
  /* The same tests on a server's database (meson's *-on-pg tests) */
  if (g_strcmp0 (g_getenv ("SF_TEST_STORE"), "postgresql") == 0)
    return pg_open_store ();
  path = g_build_filename (*out_dir, "test.db", NULL);
  store = sf_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

SfStore *
sf_test_open_second_store (SfStore *store)
{
  g_autoptr(GError) error = NULL;
  SfStore *second = sf_store_open (sf_store_get_path (store), &error);

  g_assert_no_error (error);
  g_assert_nonnull (second);
  return second;
}

void
sf_test_store_set_up (SfTestStore   *fixture,
                      gconstpointer  data)
{
  fixture->store = sf_test_open_store (&fixture->dir);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
}

void
sf_test_store_tear_down (SfTestStore   *fixture,
                         gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

void
sf_test_run_clear (SfTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
sf_test_run_cli_va (const char  *db,
                    char       **envp,
                    SfTestRun   *run,
                    const char  *first,
                    va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("SF_TEST_CLI");
  int wait_status;

  sf_test_run_clear (run);
  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, (gpointer) db);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

void
sf_test_run_cli_env (const char  *db,
                     char       **envp,
                     SfTestRun   *run,
                     const char  *first,
                     ...)
{
  va_list args;

  va_start (args, first);
  sf_test_run_cli_va (db, envp, run, first, args);
  va_end (args);
}

const SfCaseEffect *
sf_test_preview_effect (SfImportPreview *preview,
                        gint64           worker)
{
  for (guint i = 0; preview->effects != NULL && i < preview->effects->len; i++)
    if (g_array_index (preview->effects, SfCaseEffect, i).caseworker_id == worker)
      return &g_array_index (preview->effects, SfCaseEffect, i);
  return NULL;
}

gboolean
sf_test_have_danish_locale (void)
{
  locale_t danish = newlocale (LC_ALL_MASK, "da_DK.UTF-8", (locale_t) 0);

  if (danish == (locale_t) 0)
    return FALSE;
  freelocale (danish);
  return TRUE;
}

char *
sf_test_cli_planning_db (const char *dir,
                         const char *roster_csv)
{
  g_autofree char *roster = sf_test_write_file (dir, "roster.csv", roster_csv);
  g_autoptr(GString) cases = g_string_new ("sagsnummer;initialer;kompleksitet;startdato\n");
  g_autofree char *cases_path = NULL;
  char *db = g_build_filename (dir, "planning.db", NULL);
  g_auto(SfTestRun) run = { 0 };

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (cases, "A-%u;AA;kompleks;2026-01-01\n", i);
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (cases, "B-%u;BB;kompleks;2026-01-01\n", i);
  for (guint i = 0; i < 6; i++)
    g_string_append_printf (cases, "N-%u;BB;enkel;2026-07-15\n", i);
  cases_path = sf_test_write_file (dir, "cases.csv", cases->str);
  sf_test_run_cli (db, &run, "import-roster", roster, NULL);
  g_assert_cmpint (run.status, ==, 0);
  sf_test_run_cli (db, &run, "import-cases", cases_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  return db;
}

/* ---- a PostgreSQL server for the tests (SF_TEST_PG_URI) ---- */

static const char *
pg_server_uri (void)
{
  const char *uri = g_getenv ("SF_TEST_PG_URI");

  return uri != NULL && *uri != '\0' ? uri : NULL;
}

gboolean
sf_test_pg_available (void)
{
  return pg_server_uri () != NULL;
}

void
sf_test_pg_require (int    argc,
                    char **argv)
{
  if (sf_test_pg_available ())
    return;
  /* TAP's way of skipping a whole program (meson's TAP protocol reads
   * the plan; an exit status of 77 would count as an error there) */
  printf ("1..0 # SKIP no PostgreSQL server: SF_TEST_PG_URI is not set "
          "(build-aux/test starts one when the postgresql package is installed)\n");
  fflush (stdout);
  exit (0);
}

/* @base with its database name replaced by @dbname: the path of
 * postgresql://AUTHORITY/NAME?QUERY */
static char *
pg_uri_with_database (const char *base,
                      const char *dbname)
{
  const char *authority = strstr (base, "://");
  const char *path;
  const char *query;

  g_assert_nonnull (authority);
  authority += 3;
  path = authority + strcspn (authority, "/?");
  query = strchr (path, '?');
  return g_strdup_printf ("%.*s/%s%s", (int) (path - base), base, dbname, query != NULL ? query : "");
}

static SfDb *
pg_connect (const char *uri)
{
  g_autoptr(GError) error = NULL;
  SfDb *db = sf_db_open (uri, SF_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return db;
}

char *
sf_test_pg_new_database (void)
{
  static int counter;
  const char *base = pg_server_uri ();
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDb) db = NULL;

  g_assert_nonnull (base);
  name = g_strdup_printf ("sftest_%ld_%d_%d", (long) getpid (), ++counter,
                          g_random_int_range (0, 1000000));
  db = pg_connect (base);
  sql = g_strdup_printf ("CREATE DATABASE \"%s\"", name);
  sf_db_exec (db, sql, &error);
  g_assert_no_error (error);
  return pg_uri_with_database (base, name);
}

void
sf_test_pg_drop_database (char *uri)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDb) db = NULL;
  const char *path;
  gsize len;

  if (uri == NULL)
    return;
  path = strstr (uri, "://") + 3;
  path += strcspn (path, "/?");
  g_assert_true (*path == '/');
  len = strcspn (path + 1, "?");
  db = pg_connect (pg_server_uri ());
  sql = g_strdup_printf ("DROP DATABASE IF EXISTS \"%.*s\" WITH (FORCE)", (int) len, path + 1);
  sf_db_exec (db, sql, &error);
  g_assert_no_error (error);
  g_free (uri);
}

char *
sf_test_pg_uri_as (const char *uri,
                   const char *login)
{
  return g_strdup_printf ("%s%suser=%s", uri, strchr (uri, '?') != NULL ? "&" : "?", login);
}

char *
sf_test_pg_query (const char *uri,
                  const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDb) db = pg_connect (uri);
  g_autoptr(SfDbStmt) stmt = sf_db_prepare (db, sql, &error);
  char *value = NULL;
  SfDbStep step;

  g_assert_no_error (error);
  step = sf_db_stmt_step (stmt);
  if (step == SF_DB_STEP_ERROR)
    g_error ("%s: %s", sql, sf_db_get_error_message (db));
  if (step == SF_DB_ROW && sf_db_stmt_column_count (stmt) > 0)
    value = g_strdup (sf_db_stmt_column_text (stmt, 0));
  return value;
}

char *
sf_test_pg_new_server_database (void)
{
  g_autoptr(GError) error = NULL;
  char *uri = sf_test_pg_new_database ();

  g_assert_true (sf_server_setup (uri, NULL, NULL, &error));
  g_assert_no_error (error);
  return uri;
}

void
sf_test_pg_two_stores (char     **uri,
                       char     **who,
                       SfStore  **store_a,
                       SfStore  **store_b)
{
  g_autoptr(GError) error = NULL;

  *uri = sf_test_pg_new_server_database ();
  *who = sf_test_pg_query (*uri, "SELECT session_user");
  *store_a = sf_store_open (*uri, &error);
  g_assert_no_error (error);
  g_assert_true (sf_demo_populate (*store_a, sf_day_today (), &error));
  g_assert_no_error (error);
  *store_b = sf_store_open (*uri, &error);
  g_assert_no_error (error);
}

/* A store on a new database of the test server, set up as its owner
 * would (server-setup) */
static SfStore *
pg_open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = sf_test_pg_new_server_database ();
  SfStore *store;

  store = sf_store_open (uri, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

SfStore *
sf_test_store_open_memory (GError **error)
{
  if (g_strcmp0 (g_getenv ("SF_TEST_STORE"), "postgresql") == 0)
    return pg_open_store ();
  return sf_store_open (":memory:", error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
sf_test_is_version_column (const char *name)
{
  return g_strv_contains (SF_CONFLICT_COLUMNS, name);
}

/* Every row of the tables named in @only (all tables if NULL), the schema
 * and user_version, as one string. */
char *
sf_test_dump_tables (SfDb               *db,
                     const char * const *only)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  SfDbStmt *stmt = NULL;

  gint64 version = -1;

  g_assert_true (sf_db_get_schema_version (db, &version, NULL));
  g_string_append_printf (out, "user_version=%" G_GINT64_FORMAT "\n", version);

  /* The schema: SQLite's own text of it, or a server's tables and columns */
  if (sf_db_get_kind (db) == SF_DB_SQLITE)
    stmt = sf_db_prepare (db, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name", NULL);
  else
    stmt = sf_db_prepare (db,
                          "SELECT 'table', t.table_name, string_agg (c.column_name || ' ' || c.data_type, ', '"
                          "   ORDER BY c.ordinal_position)"
                          " FROM information_schema.tables t JOIN information_schema.columns c"
                          "  ON c.table_schema = t.table_schema AND c.table_name = t.table_name"
                          " WHERE t.table_schema = current_schema () AND t.table_type = 'BASE TABLE'"
                          " GROUP BY t.table_name ORDER BY 2", NULL);
  g_assert_nonnull (stmt);
  while (sf_db_stmt_step (stmt) == SF_DB_ROW)
    {
      const char *type = sf_db_stmt_column_text (stmt, 0);
      const char *name = sf_db_stmt_column_text (stmt, 1);

      g_string_append_printf (out, "%s %s: %s\n", type, name,
                              sf_db_stmt_column_text (stmt, 2));
      if (g_str_equal (type, "table") && (only == NULL || g_strv_contains (only, name)))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sf_db_stmt_free (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *name = sf_db_quote_name (tables->pdata[i]);
      g_autofree char *sql = g_strconcat ("SELECT * FROM ", name, NULL);

      stmt = sf_db_prepare (db, sql, NULL);
      g_assert_nonnull (stmt);
      while (sf_db_stmt_step (stmt) == SF_DB_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sf_db_stmt_column_count (stmt); c++)
            g_string_append_printf (row, "|%s",
                                    sf_db_stmt_column_is_null (stmt, c)
                                      ? "NULL" : sf_db_stmt_column_text (stmt, c));
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sf_db_stmt_free (stmt);
      g_ptr_array_sort (rows, compare_strings);
      g_string_append_printf (out, "[%s] %u rows\n", (const char *) tables->pdata[i], rows->len);
      for (guint r = 0; r < rows->len; r++)
        g_string_append_printf (out, "%s\n", (const char *) rows->pdata[r]);
    }
  return g_string_free (out, FALSE);
}
