/* The store, checked against the foundation issue: a versioned schema,
 * the file's safety (mode 0600, foreign or newer files left alone), the
 * settings and the case-area catalogue it holds, and two programs sharing
 * one file. */

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "sf-core.h"
#include "sf-store-schema.h"
#include "sf-test-util.h"

#define EPS 1e-9

typedef SfTestStore Fixture;

/* For tests that open (or fail to open) the file themselves. */
static void
fixture_setup_closed (Fixture       *fixture,
                      gconstpointer  data)
{
  fixture->dir = sf_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "sagsfordeling.db", NULL);
  fixture->store = NULL;
}

/* Helpers */

static gint64
query_int (SfDb *db,
           const char *sql)
{
  SfDbStmt *stmt = NULL;
  gint64 value;

  stmt = sf_db_prepare (db, sql, NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  value = sf_db_stmt_column_int64 (stmt, 0);
  sf_db_stmt_free (stmt);
  return value;
}

static char *
query_text (SfDb *db,
            const char *sql)
{
  SfDbStmt *stmt = NULL;
  char *value;

  stmt = sf_db_prepare (db, sql, NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  value = g_strdup (sf_db_stmt_column_text (stmt, 0));
  sf_db_stmt_free (stmt);
  return value;
}

static void
exec_sql (SfDb       *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!sf_db_exec (db, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

/* -1 when @sql runs, else why it failed */
static int
exec_code (SfDb       *db,
           const char *sql)
{
  return sf_db_exec (db, sql, NULL) ? -1 : (int) sf_db_get_error_code (db);
}

/* Every table's every row, the schema and user_version, as one string. */
static char *
dump_db (SfDb *db)
{
  return sf_test_dump_tables (db, NULL);
}

static char *
read_file (const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
assert_no_side_files (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("%s was left behind", side);
    }
}

/* Opening @path must fail with @code and leave the file exactly as it was:
 * its bytes, its mode, and no journal beside it. */
static void
assert_open_refused (const char *path,
                     SfError     code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  guint mode = file_mode (path);

  before = read_file (path, &before_len);
  store = sf_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SF_ERROR, (gint) code);
  g_assert_cmpstr (error->message, !=, "");
  after = read_file (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpuint (file_mode (path), ==, mode);
  assert_no_side_files (path);
}

static SfDataset *
load_dataset (SfStore *store)
{
  g_autoptr(GError) error = NULL;
  SfDataset *dataset = sf_store_load_dataset (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* Creation */

static void
test_create_mode_and_folder (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "c", "data.db", NULL);
  g_autofree char *folder = g_path_get_dirname (nested);

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  store = sf_store_open (nested, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (nested), ==, 0600);
  g_assert_cmpstr (sf_store_get_path (store), ==, nested);

  /* A write, so that the WAL exists: it holds the same data. */
  g_assert_true (sf_store_set_setting (store, "full-time-hours", "37", &error));
  g_assert_no_error (error);
  {
    g_autofree char *wal = g_strconcat (nested, "-wal", NULL);

    if (g_file_test (wal, G_FILE_TEST_EXISTS))
      g_assert_cmpuint (file_mode (wal) & 0077, ==, 0);
  }
}

static void
test_create_mode_umask (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = NULL;
  mode_t old = umask (0);

  /* Even a permissive umask must not make the file readable to others. */
  store = sf_store_open (fixture->path, &error);
  umask (old);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
}

static void
test_pragmas (Fixture       *fixture,
              gconstpointer  data)
{
  SfDb *db = sf_store_get_db (fixture->store);
  g_autofree char *journal = query_text (db, "PRAGMA journal_mode");

  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, SF_STORE_SCHEMA_VERSION);
  /* The foundation is version 1; later migrations only add. */
  g_assert_cmpint (SF_STORE_SCHEMA_VERSION, >=, 1);
  g_assert_cmpint (SF_STORE_SCHEMA_VERSION, ==, (gint) G_N_ELEMENTS (sf_store_migrations));
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (query_int (db, "PRAGMA busy_timeout"), >, 0);
  {
    g_autofree char *integrity = query_text (db, "PRAGMA integrity_check");

    g_assert_cmpstr (integrity, ==, "ok");
  }
  g_assert_true (!sf_db_in_transaction (db));

  /* The tables exist. */
  g_assert_cmpint (query_int (db,
                              "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                              "('setting', 'area', 'team', 'caseworker', 'reduction', 'casefile', 'audit')"),
                   ==, 7);

  /* Foreign keys are enforced: a team in an area that does not exist. */
  g_assert_cmpint (exec_code (db, "INSERT INTO team (name, area_id) VALUES ('X', 9999)"), ==, SF_DB_ERROR_FOREIGN_KEY);
  g_assert_cmpint (sf_store_count (fixture->store, "team"), ==, 0);
}

static void
test_empty_store (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SfDataset) dataset = load_dataset (fixture->store);

  g_assert_true (sf_store_is_empty (fixture->store));
  g_assert_cmpuint (dataset->areas->len, ==, 13);
  g_assert_cmpuint (dataset->teams->len, ==, 0);
  g_assert_cmpuint (dataset->caseworkers->len, ==, 0);
  g_assert_cmpuint (dataset->reductions->len, ==, 0);
  g_assert_cmpuint (dataset->cases->len, ==, 0);
  g_assert_cmpint (sf_store_count (fixture->store, "area"), ==, 13);
  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), ==, 0);
}

/* Settings */

static void
assert_default_settings (const SfSettings *s)
{
  g_assert_cmpfloat_with_epsilon (s->full_time_hours, 37, EPS);
  g_assert_cmpfloat_with_epsilon (s->weights[SF_COMPLEXITY_ENKEL], 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (s->weights[SF_COMPLEXITY_KOMPLEKS], 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (s->weights[SF_COMPLEXITY_SAERLIGT_KOMPLICERET], 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (s->new_hire_factor, 0.7, EPS);
  g_assert_cmpint (s->new_hire_months, ==, 6);
  g_assert_cmpfloat_with_epsilon (s->near_threshold, 0.90, EPS);
  g_assert_cmpint (s->sustained_weeks, ==, 4);
  g_assert_cmpint (s->forecast_history_months, ==, 6);
  g_assert_cmpint (s->hiring_lead_months, ==, 3);
  g_assert_cmpint (s->forecast_horizon, ==, 12);
}

static void
test_settings_defaults (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const *keys = sf_settings_keys ();
  const char *expected[] = {
    "full-time-hours", "weight-enkel", "weight-kompleks", "weight-saerligt-kompliceret",
    "new-hire-factor", "new-hire-months", "near-threshold", "sustained-weeks",
    "forecast-history-months", "hiring-lead-months", "forecast-horizon",
  };
  SfSettings s;

  memset (&s, 0, sizeof s);
  g_assert_true (sf_store_load_settings (fixture->store, &s, &error));
  g_assert_no_error (error);
  assert_default_settings (&s);

  g_assert_cmpuint (g_strv_length ((char **) keys), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_strv_contains (keys, expected[i]));
}

static void
test_settings_set_and_persist (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *location = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) again = NULL;
  static const struct { const char *key; const char *value; } changes[] = {
    { "full-time-hours", "40" },
    { "weight-enkel", "0.25" },
    { "weight-kompleks", "1.5" },
    { "weight-saerligt-kompliceret", "3" },
    { "new-hire-factor", "0.8" },
    { "new-hire-months", "3" },
    { "near-threshold", "0.85" },
  };
  SfSettings s;

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_assert_true (sf_store_set_setting (fixture->store, changes[i].key, changes[i].value, &error));
      g_assert_no_error (error);
    }
  g_assert_true (!sf_db_in_transaction (sf_store_get_db (fixture->store)));

  /* Another connection to the file sees them: they live in the database. */
  location = g_strdup (sf_store_get_path (fixture->store));
  g_clear_object (&fixture->store);
  again = sf_store_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (sf_store_load_settings (again, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (s.full_time_hours, 40, EPS);
  g_assert_cmpfloat_with_epsilon (s.weights[SF_COMPLEXITY_ENKEL], 0.25, EPS);
  g_assert_cmpfloat_with_epsilon (s.weights[SF_COMPLEXITY_KOMPLEKS], 1.5, EPS);
  g_assert_cmpfloat_with_epsilon (s.weights[SF_COMPLEXITY_SAERLIGT_KOMPLICERET], 3, EPS);
  g_assert_cmpfloat_with_epsilon (s.new_hire_factor, 0.8, EPS);
  g_assert_cmpint (s.new_hire_months, ==, 3);
  g_assert_cmpfloat_with_epsilon (s.near_threshold, 0.85, EPS);

  /* Setting a value back to its default. */
  g_assert_true (sf_store_set_setting (again, "full-time-hours", "37", &error));
  g_assert_no_error (error);
  g_assert_true (sf_store_load_settings (again, &s, &error));
  g_assert_cmpfloat_with_epsilon (s.full_time_hours, 37, EPS);
}

static void
test_settings_invalid (Fixture       *fixture,
                       gconstpointer  data)
{
  /* Values no organisation could mean. */
  static const struct { const char *key; const char *value; } bad[] = {
    { "no-such-setting", "1" },
    { "", "1" },
    { "full-time-hours", "" },
    { "full-time-hours", "abc" },
    { "full-time-hours", "0" },
    { "full-time-hours", "-37" },
    { "full-time-hours", "37 hours" },
    { "full-time-hours", "nan" },
    { "full-time-hours", "inf" },
    { "weight-enkel", "-0.5" },
    { "weight-enkel", "x" },
    { "weight-kompleks", "" },
    { "weight-saerligt-kompliceret", "-2" },
    { "new-hire-factor", "-0.1" },
    { "new-hire-factor", "1.5" },
    { "new-hire-factor", "0.7x" },
    { "new-hire-months", "-1" },
    { "new-hire-months", "2.5" },
    { "new-hire-months", "six" },
    { "near-threshold", "-0.1" },
    { "near-threshold", "1.5" },
    { "near-threshold", "" },
  };
  SfDb *db = sf_store_get_db (fixture->store);
  g_autofree char *before = NULL;
  SfSettings s;

  g_assert_true (sf_store_set_setting (fixture->store, "weight-kompleks", "1.25", NULL));
  before = dump_db (db);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s = \"%s\"", bad[i].key, bad[i].value);
      g_assert_false (sf_store_set_setting (fixture->store, bad[i].key, bad[i].value, &error));
      g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
      after = dump_db (db);
      g_assert_cmpstr (before, ==, after);
      g_assert_true (!sf_db_in_transaction (db));
    }
  g_assert_true (sf_store_load_settings (fixture->store, &s, NULL));
  g_assert_cmpfloat_with_epsilon (s.weights[SF_COMPLEXITY_KOMPLEKS], 1.25, EPS);
  g_assert_cmpfloat_with_epsilon (s.full_time_hours, 37, EPS);
}

/* The case-area catalogue */

static const SfArea *
find_area (const SfDataset *dataset,
           const char      *key)
{
  const SfArea *area = sf_dataset_find_area_by_key (dataset, key);

  if (area == NULL)
    g_error ("area %s is missing", key);
  return area;
}

static void
test_areas (Fixture       *fixture,
            gconstpointer  data)
{
  static const struct { const char *key; double low, high, avg, appropriate; } areas[] = {
    { "boern-familie", 20, 30, 31, 24 },
    { "boern-handicap", 25, 35, 34, 28 },
    { "voksen-handicap", 55, 70, 75, 57 },
    { "voksen-psykiatri", 50, 65, 75, 56 },
    { "jobparate-over-30", 35, 55, 49, 48 },
    { "aktivitetsparate-over-30", 30, 50, 48, 41 },
    { "job-uddannelsesparate-under-30", 30, 50, 47, 42 },
    { "aktivitetsparate-under-30", 25, 45, 49, 40 },
    { "sygedagpenge", 35, 50, 57, 45 },
    { "jobafklaring", 35, 45, 48, 41 },
    { "ressourceforloeb", 30, 40, 39, 35 },
    { "fleksjob", 30, 45, 136, 81 },
    { "integration", 35, 50, 59, 45 },
  };
  g_autoptr(SfDataset) dataset = load_dataset (fixture->store);
  SfDb *db = sf_store_get_db (fixture->store);
  const SfArea *area;

  g_assert_cmpuint (dataset->areas->len, ==, G_N_ELEMENTS (areas));
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      area = find_area (dataset, areas[i].key);
      g_test_message ("%s", areas[i].key);
      g_assert_cmpfloat_with_epsilon (area->ds_low, areas[i].low, EPS);
      g_assert_cmpfloat_with_epsilon (area->ds_high, areas[i].high, EPS);
      g_assert_cmpfloat_with_epsilon (area->survey_avg, areas[i].avg, EPS);
      g_assert_cmpfloat_with_epsilon (area->appropriate, areas[i].appropriate, EPS);
      g_assert_cmpint (area->survey_year, ==, 2023);
      g_assert_nonnull (area->name);
      g_assert_cmpstr (area->name, !=, "");
      /* A note is shown translated: it must be marked in sf-norms.c */
      if (area->note != NULL && !sf_area_note_is_marked (area->note))
        g_error ("data/case-areas.json has a note missing from src/core/sf-norms.c: %s", area->note);
      g_assert_nonnull (area->source);
      g_assert_cmpstr (area->source, !=, "");
      g_assert_false (area->custom);
    }

  area = find_area (dataset, "boern-familie");
  g_assert_cmpstr (area->name, ==, "Børne- og familieområdet");
  g_assert_cmpfloat_with_epsilon (area->survey_avg_prev, 33, EPS);
  g_assert_cmpfloat_with_epsilon (area->share_too_high, 0.82, EPS);

  /* Fleksjob borrows the combined area's range, and says so. */
  area = find_area (dataset, "fleksjob");
  g_assert_nonnull (area->note);
  g_assert_cmpstr (area->note, !=, "");
  g_assert_true (isnan (area->survey_avg_prev));

  /* "—" in the survey is unknown, not zero. */
  area = find_area (dataset, "jobafklaring");
  g_assert_true (isnan (area->survey_avg_prev));
  g_assert_cmpfloat_with_epsilon (area->share_too_high, 0.66, EPS);

  /* The same figures are in the table itself. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM area"), ==, 13);
  g_assert_cmpint (query_int (db, "SELECT ds_low FROM area WHERE key = 'boern-familie'"), ==, 20);
  g_assert_cmpint (query_int (db, "SELECT ds_high FROM area WHERE key = 'boern-familie'"), ==, 30);
  g_assert_cmpint (query_int (db, "SELECT survey_avg FROM area WHERE key = 'boern-familie'"), ==, 31);
  g_assert_cmpint (query_int (db, "SELECT appropriate FROM area WHERE key = 'boern-familie'"), ==, 24);
  g_assert_cmpint (query_int (db, "SELECT ds_low FROM area WHERE key = 'fleksjob'"), ==, 30);
  g_assert_cmpint (query_int (db, "SELECT ds_high FROM area WHERE key = 'fleksjob'"), ==, 45);
  g_assert_cmpint (query_int (db, "SELECT length (note) > 0 FROM area WHERE key = 'fleksjob'"), ==, 1);
}

static void
test_areas_reopen (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_db (sf_store_get_db (fixture->store));

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SfStore) again = NULL;
      g_autofree char *after = NULL;

      g_clear_object (&fixture->store);
      again = sf_store_open (fixture->path, &error);
      g_assert_no_error (error);
      after = dump_db (sf_store_get_db (again));
      /* Opening an up-to-date file writes nothing. */
      g_assert_cmpstr (before, ==, after);
      fixture->store = g_steal_pointer (&again);
    }
  g_assert_cmpint (sf_store_count (fixture->store, "area"), ==, 13);
}

/* Files that are not ours */

static void
test_open_not_a_database (Fixture       *fixture,
                          gconstpointer  data)
{
  GString *text = g_string_new (NULL);
  g_autofree char *path = NULL;

  /* Larger than a page, so SQLite reads a header from it. */
  for (guint i = 0; i < 400; i++)
    g_string_append (text, "team;omraade;initialer;navn\n");
  path = sf_test_write_file (fixture->dir, "roster.csv", text->str);
  g_string_free (text, TRUE);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  assert_open_refused (path, SF_ERROR_CORRUPT);

  /* A short file that is not a database either. */
  g_free (path);
  path = sf_test_write_file (fixture->dir, "notes.txt", "hello");
  assert_open_refused (path, SF_ERROR_CORRUPT);
}

static void
test_open_damaged_header (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  /* One of ours whose header has been overwritten. */
  g_assert_true (sf_store_set_setting (fixture->store, "full-time-hours", "40", NULL));
  g_clear_object (&fixture->store);
  assert_no_side_files (fixture->path);
  contents = read_file (fixture->path, &len);
  g_assert_cmpuint (len, >, 100);
  memcpy (contents, "Not SQLite at all", 16);
  g_file_set_contents (fixture->path, contents, len, &error);
  g_assert_no_error (error);
  assert_open_refused (fixture->path, SF_ERROR_CORRUPT);
}

static void
test_open_foreign_sqlite (Fixture       *fixture,
                          gconstpointer  data)
{
  SfDb *db = NULL;

  db = sf_db_open (fixture->path, SF_DB_OPEN_CREATE, NULL);
  g_assert_nonnull (db);
  exec_sql (db,
            "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT);"
            "INSERT INTO customer (name) VALUES ('Hansen'), ('Jensen');");
  sf_db_close (db);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  assert_open_refused (fixture->path, SF_ERROR_CORRUPT);

  /* Still someone else's, untouched. */
  db = sf_db_open (fixture->path, SF_DB_OPEN_CREATE, NULL);
  g_assert_nonnull (db);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM customer"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_master"), ==, 1);
  sf_db_close (db);
}

static void
test_open_too_new (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", SF_STORE_SCHEMA_VERSION + 1);
  SfDb *db = NULL;

  g_clear_object (&fixture->store);
  db = sf_db_open (fixture->path, SF_DB_OPEN_CREATE, NULL);
  g_assert_nonnull (db);
  exec_sql (db, "PRAGMA journal_mode = DELETE");
  exec_sql (db, sql);
  sf_db_close (db);
  assert_no_side_files (fixture->path);

  /* Not even switched to WAL: the file is left exactly as it is. */
  assert_open_refused (fixture->path, SF_ERROR_TOO_NEW);

  db = sf_db_open (fixture->path, SF_DB_OPEN_CREATE, NULL);
  g_assert_nonnull (db);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, SF_STORE_SCHEMA_VERSION + 1);
  sf_db_close (db);
}

static void
test_open_too_new_wal (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", SF_STORE_SCHEMA_VERSION + 7);
  SfDb *db = NULL;

  /* The same, with the file still in WAL mode as a newer version left it. */
  g_clear_object (&fixture->store);
  db = sf_db_open (fixture->path, SF_DB_OPEN_CREATE, NULL);
  g_assert_nonnull (db);
  exec_sql (db, sql);
  sf_db_close (db);
  assert_open_refused (fixture->path, SF_ERROR_TOO_NEW);
}

static void
test_open_empty_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = NULL;
  g_autofree char *path = sf_test_write_file (fixture->dir, "empty.db", "");

  /* A zero-length file is an empty database: it becomes ours. */
  store = sf_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (query_int (sf_store_get_db (store), "PRAGMA user_version"), ==,
                   SF_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sf_store_count (store, "area"), ==, 13);
  g_assert_cmpuint (file_mode (path), ==, 0600);
}

/* Migrations */

static void
test_migrate_from_v1 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  const SfCaseworker *worker;
  const SfCase *kase;
  SfSettings s;
  SfDb *db = NULL;

  /* A file as the first release left it. */
  db = sf_db_open (fixture->path, SF_DB_OPEN_CREATE, NULL);
  g_assert_nonnull (db);
  exec_sql (db, "PRAGMA foreign_keys = ON; BEGIN");
  exec_sql (db, sf_store_migrations[0]);
  exec_sql (db,
            "INSERT INTO setting (key, value) VALUES ('full-time-hours', '40');"
            "INSERT INTO area (id, key, name, ds_low, ds_high, survey_avg, appropriate, survey_year, source)"
            "  VALUES (1, 'boern-familie', 'Børne- og familieområdet', 20, 30, 31, 24, 2023, 'DS');"
            "INSERT INTO team (id, name, area_id, cap) VALUES (1, 'Modtageteam', 1, 28);"
            "INSERT INTO caseworker (id, initials, name, team_id, weekly_hours, start_date)"
            "  VALUES (1, 'AB', 'Anna Berg', 1, 30, '2020-01-01');"
            "INSERT INTO casefile (id, reference, complexity, start_date, caseworker_id)"
            "  VALUES (1, 'S-1', 'kompleks', '2024-01-01', 1);"
            "PRAGMA user_version = 1;"
            "COMMIT");
  sf_db_close (db);

  store = sf_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (query_int (sf_store_get_db (store), "PRAGMA user_version"), ==,
                   SF_STORE_SCHEMA_VERSION);

  /* Nothing was lost on the way. */
  g_assert_true (sf_store_load_settings (store, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (s.full_time_hours, 40, EPS);
  dataset = load_dataset (store);
  g_assert_cmpuint (dataset->areas->len, ==, 13);
  g_assert_cmpint (query_int (sf_store_get_db (store),
                              "SELECT count(*) FROM area WHERE key = 'boern-familie'"), ==, 1);
  g_assert_cmpuint (dataset->teams->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (dataset->teams, SfTeam, 0).cap, 28, EPS);
  g_assert_cmpuint (dataset->caseworkers->len, ==, 1);
  worker = &g_array_index (dataset->caseworkers, SfCaseworker, 0);
  g_assert_cmpstr (worker->initials, ==, "AB");
  g_assert_cmpfloat_with_epsilon (worker->weekly_hours, 30, EPS);
  g_assert_cmpuint (worker->start, ==, sf_day_new (2020, 1, 1));
  g_assert_cmpuint (dataset->cases->len, ==, 1);
  kase = &g_array_index (dataset->cases, SfCase, 0);
  g_assert_cmpstr (kase->reference, ==, "S-1");
  g_assert_cmpint (kase->complexity, ==, SF_COMPLEXITY_KOMPLEKS);
  g_assert_cmpint (kase->caseworker_id, ==, worker->id);
  g_assert_cmpuint (kase->closed, ==, SF_DAY_NONE);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);

  /* The case table rebuilt by 4 → 5 keeps its indexes and its checks. */
  g_assert_cmpint (query_int (sf_store_get_db (store),
                              "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                              " AND name IN ('casefile_caseworker', 'casefile_cover')"), ==, 2);
  g_assert_cmpint (exec_code (sf_store_get_db (store),
                                 "INSERT INTO casefile (reference, complexity, caseworker_id)"
                                 " VALUES ('S-2', 'svær', 1)"), ==, SF_DB_ERROR_CONSTRAINT);
  g_assert_cmpint (exec_code (sf_store_get_db (store),
                                 "INSERT INTO casefile (reference, complexity, caseworker_id)"
                                 " VALUES ('S-2', 'enkel', 99)"), ==, SF_DB_ERROR_FOREIGN_KEY);
  g_assert_cmpint (query_int (sf_store_get_db (store),
                              "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  /* The area table rebuilt by 5 → 6 keeps its rows and ids, teams still
   * refer to it, foreign keys are back on, and own areas fit in it. */
  g_assert_cmpint (query_int (sf_store_get_db (store), "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (sf_store_get_db (store),
                              "SELECT area_id FROM team WHERE name = 'Modtageteam'"), ==, 1);
  g_assert_cmpint (query_int (sf_store_get_db (store),
                              "SELECT id FROM area WHERE key = 'boern-familie'"), ==, 1);
  g_assert_cmpint (exec_code (sf_store_get_db (store),
                                 "INSERT INTO team (name, area_id) VALUES ('Nyt', 999)"), ==, SF_DB_ERROR_FOREIGN_KEY);
  g_assert_cmpint (exec_code (sf_store_get_db (store),
                                 "DELETE FROM area WHERE id = 1"), ==, SF_DB_ERROR_FOREIGN_KEY);
  g_assert_cmpint (exec_code (sf_store_get_db (store),
                                 "INSERT INTO area (key, name, custom) VALUES ('ds-uden-tal', 'X', 0)"), ==, SF_DB_ERROR_CONSTRAINT);
  g_assert_cmpint (exec_code (sf_store_get_db (store),
                                 "INSERT INTO area (key, name, custom, own_low, own_high) VALUES ('halv', 'X', 1, 20, NULL)"), ==, SF_DB_ERROR_CONSTRAINT);
  g_assert_cmpint (exec_code (sf_store_get_db (store),
                                 "INSERT INTO area (key, name, custom) VALUES ('ips', 'IPS', 1)"), ==, -1);
}

/* Bulk writes */

static gboolean
on_server (SfStore *store)
{
  return sf_db_get_kind (sf_store_get_db (store)) == SF_DB_POSTGRES;
}

/* The case table's plain indexes (not a constraint's) */
static gint64
count_case_indexes (SfStore *store)
{
  if (on_server (store))
    return query_int (sf_store_get_db (store),
                      "SELECT count(*) FROM pg_indexes WHERE tablename = 'casefile'"
                      " AND indexname IN ('casefile_caseworker', 'casefile_cover')");
  return query_int (sf_store_get_db (store),
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'casefile'"
                    " AND sql IS NOT NULL");
}

/* Whether the case table's foreign keys are checked: SQLite's switch, or
 * whether the server's table has its three */
static gint64
case_foreign_keys_on (SfStore *store)
{
  if (on_server (store))
    return query_int (sf_store_get_db (store),
                      "SELECT CASE WHEN count(*) = 3 THEN 1 ELSE 0 END FROM pg_constraint"
                      " WHERE conrelid = to_regclass ('casefile') AND contype = 'f'");
  return query_int (sf_store_get_db (store), "PRAGMA foreign_keys");
}

static void
add_one_caseworker (SfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;initialer;navn\n"
                                            "Modtageteam;boern-familie;AB;Anna Berg\n");

  g_assert_true (sf_import_roster (store, roster, &result, &error));
  g_assert_no_error (error);
}

/* A bulk write sets the indexes aside and rebuilds them, and leaves
 * foreign keys on afterwards. */
static void
test_bulk_commit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfDb *db = sf_store_get_db (fixture->store);
  gint64 indexes;

  add_one_caseworker (fixture->store);
  indexes = count_case_indexes (fixture->store);
  g_assert_cmpint (indexes, ==, 2);

  g_assert_true (sf_store_begin_bulk (fixture->store, "casefile", TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_case_indexes (fixture->store), ==, 0);
  g_assert_cmpint (case_foreign_keys_on (fixture->store), ==, 0);
  exec_sql (db, "INSERT INTO casefile (reference, complexity, caseworker_id)"
                " SELECT 'S-1', 'enkel', id FROM caseworker");
  g_assert_true (sf_store_commit_bulk (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_case_indexes (fixture->store), ==, indexes);
  g_assert_cmpint (case_foreign_keys_on (fixture->store), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM casefile"), ==, 1);
  if (!on_server (fixture->store))
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM casefile INDEXED BY casefile_caseworker"
                                    " WHERE caseworker_id > 0"), ==, 1);
  g_assert_true (!sf_db_in_transaction (db));
}

/* A row whose parent is missing is caught at the commit, and nothing of
 * the bulk write is kept. */
static void
test_bulk_foreign_key (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfDb *db = sf_store_get_db (fixture->store);

  add_one_caseworker (fixture->store);

  g_assert_true (sf_store_begin_bulk (fixture->store, "casefile", TRUE, &error));
  g_assert_no_error (error);
  exec_sql (db, "INSERT INTO casefile (reference, complexity, caseworker_id)"
                " SELECT 'S-1', 'enkel', id FROM caseworker");
  exec_sql (db, "INSERT INTO casefile (reference, complexity, caseworker_id) VALUES ('S-2', 'enkel', 4242)");
  g_assert_false (sf_store_commit_bulk (fixture->store, &error));
  g_assert_nonnull (error);

  g_assert_true (!sf_db_in_transaction (db));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM casefile"), ==, 0);
  g_assert_cmpint (count_case_indexes (fixture->store), ==, 2);
  g_assert_cmpint (case_foreign_keys_on (fixture->store), ==, 1);

  /* And a rollback leaves it all as it was too. */
  g_clear_error (&error);
  g_assert_true (sf_store_begin_bulk (fixture->store, "casefile", TRUE, &error));
  g_assert_no_error (error);
  exec_sql (db, "INSERT INTO casefile (reference, complexity, caseworker_id)"
                " SELECT 'S-1', 'enkel', id FROM caseworker");
  sf_store_rollback_bulk (fixture->store);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM casefile"), ==, 0);
  g_assert_cmpint (count_case_indexes (fixture->store), ==, 2);
  g_assert_cmpint (case_foreign_keys_on (fixture->store), ==, 1);
}

/* A bulk write may trust the parents its rows were given while no other
 * program has written since they were read; once another has (here it
 * deletes the caseworker), the commit checks them and refuses */
static void
test_bulk_trust_parents (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) other = NULL;
  SfDb *db = sf_store_get_db (fixture->store);
  g_autofree char *insert = NULL;
  gint64 version;

  add_one_caseworker (fixture->store);
  version = sf_store_get_data_version (fixture->store);
  g_assert_true (sf_store_begin_bulk (fixture->store, "casefile", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (sf_store_bulk_trust_parents (fixture->store, version));
  exec_sql (db, "INSERT INTO casefile (reference, complexity, caseworker_id)"
                " SELECT 'S-1', 'enkel', id FROM caseworker");
  g_assert_true (sf_store_commit_bulk (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM casefile"), ==, 1);

  /* The caseworker's id is read, then another program removes them */
  version = sf_store_get_data_version (fixture->store);
  insert = g_strdup_printf ("INSERT INTO casefile (reference, complexity, caseworker_id)"
                            " VALUES ('S-2', 'enkel', %" G_GINT64_FORMAT ")",
                            query_int (db, "SELECT id FROM caseworker"));
  other = sf_store_open (fixture->path, &error);
  g_assert_no_error (error);
  exec_sql (sf_store_get_db (other), "PRAGMA foreign_keys = OFF");
  exec_sql (sf_store_get_db (other), "DELETE FROM casefile");
  exec_sql (sf_store_get_db (other), "DELETE FROM caseworker");

  g_assert_true (sf_store_begin_bulk (fixture->store, "casefile", TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (sf_store_bulk_trust_parents (fixture->store, version));
  exec_sql (db, insert);
  g_assert_false (sf_store_commit_bulk (fixture->store, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM casefile"), ==, 0);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
}

/* Two programs, one file */

static void
test_two_stores (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) other = sf_store_open (fixture->path, &error);
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;initialer;navn\n"
                                            "Modtageteam;boern-familie;AB;Anna Berg\n");
  g_autoptr(SfDataset) dataset = NULL;
  SfSettings s;

  g_assert_no_error (error);
  g_assert_nonnull (other);

  g_assert_true (sf_store_set_setting (fixture->store, "new-hire-months", "4", &error));
  g_assert_no_error (error);
  g_assert_true (sf_store_load_settings (other, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s.new_hire_months, ==, 4);

  g_assert_true (sf_import_roster (other, roster, &result, &error));
  g_assert_no_error (error);
  dataset = load_dataset (fixture->store);
  g_assert_cmpuint (dataset->caseworkers->len, ==, 1);
  g_assert_cmpstr (g_array_index (dataset->caseworkers, SfCaseworker, 0).initials, ==, "AB");
  g_assert_false (sf_store_is_empty (fixture->store));
}

typedef struct
{
  SfStore  *store;
  gboolean  ok;
  GError   *error;
  gint64    waited;
} WriterData;

static gpointer
writer_thread (gpointer user_data)
{
  WriterData *w = user_data;
  gint64 start = g_get_monotonic_time ();

  w->ok = sf_store_set_setting (w->store, "full-time-hours", "38", &w->error);
  w->waited = g_get_monotonic_time () - start;
  return NULL;
}

static void
test_busy_timeout (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) other = sf_store_open (fixture->path, &error);
  WriterData w = { 0 };
  GThread *thread;
  SfSettings s;

  g_assert_no_error (error);

  /* The first program holds the write lock for a moment... */
  g_assert_true (sf_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (sf_store_exec (fixture->store,
                                "INSERT INTO audit (at, who, action) VALUES ('now', 'test', 'hold')",
                                &error));
  g_assert_no_error (error);

  /* ...and the second waits for it instead of failing at once. */
  w.store = other;
  thread = g_thread_new ("writer", writer_thread, &w);
  g_usleep (300 * 1000);
  g_assert_true (sf_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_thread_join (thread);

  g_assert_no_error (w.error);
  g_assert_true (w.ok);
  g_assert_cmpint (w.waited, >=, 200 * 1000);
  g_assert_true (sf_store_load_settings (fixture->store, &s, &error));
  g_assert_cmpfloat_with_epsilon (s.full_time_hours, 38, EPS);
}

/* Transactions */

static void
test_rollback (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfDb *db = sf_store_get_db (fixture->store);
  g_autofree char *before = dump_db (db);
  g_autofree char *after = NULL;

  g_assert_true (sf_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_false (!sf_db_in_transaction (db));
  g_assert_true (sf_store_exec (fixture->store,
                                "INSERT INTO team (name, area_id) SELECT 'X', id FROM area LIMIT 1",
                                &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_store_count (fixture->store, "team"), ==, 1);
  sf_store_rollback (fixture->store);
  g_assert_true (!sf_db_in_transaction (db));
  after = dump_db (db);
  g_assert_cmpstr (before, ==, after);

  /* A statement that fails reports a database error. */
  g_assert_false (sf_store_exec (fixture->store, "INSERT INTO no_such_table VALUES (1)", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_DATABASE);
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfDb *db = sf_store_get_db (fixture->store);
  gint64 before = sf_store_count (fixture->store, "audit");
  g_autofree char *action = NULL;
  g_autofree char *who = NULL;
  g_autofree char *at = NULL;

  g_assert_true (sf_store_audit (fixture->store, "test-action", "AB", "detail", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_store_count (fixture->store, "audit"), ==, before + 1);
  action = query_text (db, "SELECT action FROM audit ORDER BY id DESC LIMIT 1");
  who = query_text (db, "SELECT who FROM audit ORDER BY id DESC LIMIT 1");
  at = query_text (db, "SELECT at FROM audit ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (action, ==, "test-action");
  g_assert_nonnull (who);
  g_assert_cmpstr (who, !=, "");
  g_assert_nonnull (at);
  g_assert_cmpstr (at, !=, "");
}

/* What a write ends in: a statement stepped and freed, its error kept; and
 * a setting's stored text. */
static void
test_run (Fixture       *fixture,
          gconstpointer  data)
{
  SfStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  SfDbStmt *stmt;
  gint64 id = -1;
  gint64 before;

  /* Not stored: the default applies */
  g_assert_null (sf_store_get_setting (store, "near-threshold"));
  g_assert_true (sf_store_set_setting (store, "near-threshold", "0.85", &error));
  g_assert_no_error (error);
  stored = sf_store_get_setting (store, "near-threshold");
  g_assert_cmpstr (stored, ==, "0.85");

  before = sf_store_count (store, "audit");
  stmt = sf_store_prepare (store, "INSERT INTO audit (at, who, action) VALUES ('x', 'y', ?1) RETURNING id", &error);
  g_assert_nonnull (stmt);
  sf_db_stmt_bind_text (stmt, 1, "test-run");
  g_assert_true (sf_store_run_returning (store, stmt, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (sf_store_count (store, "audit"), ==, before + 1);

  /* The same key twice: refused, with the database's error */
  stmt = sf_store_prepare (store, "INSERT INTO setting (key, value) VALUES ('near-threshold', '0.9')", &error);
  g_assert_nonnull (stmt);
  g_assert_false (sf_store_run (store, stmt, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_DATABASE);
  g_clear_error (&error);

  /* No statement (sf_store_prepare() failed and said why): nothing more
   * to say, nothing written */
  g_assert_false (sf_store_run (store, NULL, &error));
  g_assert_no_error (error);
  id = -1;
  g_assert_false (sf_store_run_returning (store, NULL, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, -1);
}

int
main (int    argc,
      char **argv)
{
  /* On a server's database (test-store-on-pg) the tests of what only a
   * file has (its mode, its PRAGMAs, damage, SQLite's locks and
   * data_version) are left out */
  gboolean server = g_strcmp0 (g_getenv ("SF_TEST_STORE"), "postgresql") == 0;

  g_test_init (&argc, &argv, NULL);

#define ADD_BOTH(path, func) \
  g_test_add (path, Fixture, NULL, sf_test_store_set_up, func, sf_test_store_tear_down)
#define ADD(path, func) \
  if (!server) ADD_BOTH (path, func)
#define ADD_CLOSED(path, func) \
  if (!server) g_test_add (path, Fixture, NULL, fixture_setup_closed, func, sf_test_store_tear_down)

  ADD_CLOSED ("/store/create/mode-and-folder", test_create_mode_and_folder);
  ADD_CLOSED ("/store/create/mode-with-umask-0", test_create_mode_umask);
  ADD ("/store/create/pragmas", test_pragmas);
  ADD_BOTH ("/store/create/empty", test_empty_store);
  ADD_BOTH ("/store/settings/defaults", test_settings_defaults);
  ADD_BOTH ("/store/settings/set-and-persist", test_settings_set_and_persist);
  ADD_BOTH ("/store/settings/invalid", test_settings_invalid);
  ADD_BOTH ("/store/areas/catalogue", test_areas);
  ADD ("/store/areas/reopen", test_areas_reopen);
  ADD_CLOSED ("/store/open/not-a-database", test_open_not_a_database);
  ADD ("/store/open/damaged-header", test_open_damaged_header);
  ADD_CLOSED ("/store/open/foreign-sqlite", test_open_foreign_sqlite);
  ADD ("/store/open/too-new", test_open_too_new);
  ADD ("/store/open/too-new-wal", test_open_too_new_wal);
  ADD_CLOSED ("/store/open/empty-file", test_open_empty_file);
  ADD_CLOSED ("/store/migrate/from-v1", test_migrate_from_v1);
  ADD ("/store/shared/two-stores", test_two_stores);
  ADD ("/store/shared/busy-timeout", test_busy_timeout);
  ADD_BOTH ("/store/transactions/rollback", test_rollback);
  ADD_BOTH ("/store/audit", test_audit);
  ADD_BOTH ("/store/run", test_run);
  ADD_BOTH ("/store/bulk/commit", test_bulk_commit);
  ADD_BOTH ("/store/bulk/foreign-key", test_bulk_foreign_key);
  ADD ("/store/bulk/trust-parents", test_bulk_trust_parents);

  return g_test_run ();
}
