/* Backups: made before migrations and imports, pruned to the newest ten,
 * restored over a damaged database. */

#include <glib/gstdio.h>
#include <sys/stat.h>

/* SQLite-specific: this test reads or writes the file itself */
#include <sqlite3.h>

#include "sf-core.h"
#include "sf-store-schema.h"
#include "sf-test-util.h"

static SfStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SfStore *store = sf_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static guint
count_backups (const char *db_path,
               const char *reason)
{
  g_autoptr(GPtrArray) backups = sf_backup_list (db_path, NULL);
  guint n = 0;

  g_assert_nonnull (backups);
  for (guint i = 0; i < backups->len; i++)
    if (reason == NULL || g_str_equal (((SfBackup *) g_ptr_array_index (backups, i))->reason, reason))
      n++;
  return n;
}

static void
test_import_makes_backup (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "x.db", NULL);
  g_autoptr(SfStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;initialer;navn\nT;fleksjob;AA;Anna\n");
  g_autoptr(GBytes) cases = sf_test_bytes ("sagsnummer;initialer;kompleksitet\nK-1;AA;enkel\n");
  g_autoptr(GBytes) bad = sf_test_bytes ("sagsnummer;initialer;kompleksitet\nK-2;ZZ;enkel\n");
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(SfStore) copy = NULL;
  GStatBuf st;

  /* An empty database has nothing to lose. */
  g_assert_true (sf_import_roster (store, roster, &result, &error));
  g_assert_cmpuint (count_backups (path, NULL), ==, 0);
  sf_import_result_clear (&result);

  g_assert_true (sf_import_cases (store, cases, &result, &error));
  g_assert_cmpuint (count_backups (path, "import"), ==, 1);
  sf_import_result_clear (&result);

  /* A refused file changes nothing and needs no backup. */
  g_assert_false (sf_import_cases (store, bad, &result, &error));
  g_clear_error (&error);
  g_assert_cmpuint (count_backups (path, "import"), ==, 1);

  /* The backup holds the state before the import, owner-only. */
  backups = sf_backup_list (path, &error);
  g_assert_cmpint (g_stat (((SfBackup *) g_ptr_array_index (backups, 0))->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *backups_dir = sf_backup_dir_for (path);

    g_assert_cmpint (g_stat (backups_dir, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }
  copy = open_store (((SfBackup *) g_ptr_array_index (backups, 0))->path);
  g_assert_cmpint (sf_store_count (copy, "caseworker"), ==, 1);
  g_assert_cmpint (sf_store_count (copy, "casefile"), ==, 0);
}

static void
test_prune_and_daily (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "x.db", NULL);
  g_autoptr(SfStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  gboolean created = TRUE;

  /* Nothing to back up yet. */
  g_assert_true (sf_backup_create_daily (store, &created, &error));
  g_assert_false (created);
  g_assert_true (sf_demo_populate (store, sf_day_today (), &error));
  g_assert_true (sf_backup_create_daily (store, &created, &error));
  /* The demo's case import made a backup today, but of another kind: the
   * daily ones are kept apart. */
  g_assert_true (created);
  g_assert_true (sf_backup_create_daily (store, &created, &error));
  g_assert_false (created);

  for (guint i = 0; i < SF_BACKUP_KEEP_PER_KIND + 3; i++)
    {
      g_autofree char *made = sf_backup_create (store, "manual", &error);

      g_assert_no_error (error);
      g_assert_true (g_file_test (made, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpuint (count_backups (path, "manual"), ==, SF_BACKUP_KEEP_PER_KIND);
}

/* Once a day: the first write (or start) of a local day that has no backup
 * yet makes one; yesterday's backups do not count, today's of any kind do. */
static void
test_daily_on_first_write (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "x.db", NULL);
  g_autoptr(SfStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *stamp = g_date_time_format (yesterday, "%Y%m%dT%H%M%S.%fZ");
  g_autofree char *old_name = g_strdup_printf ("sagsfordeling-%s-import.db", stamp);
  g_autofree char *backups_dir = sf_backup_dir_for (path);
  g_autofree char *old_path = g_build_filename (backups_dir, old_name, NULL);

  g_assert_true (sf_demo_populate (store, sf_day_today (), &error));
  /* Make the demo's backup yesterday's. */
  backups = sf_backup_list (path, &error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (g_rename (((SfBackup *) g_ptr_array_index (backups, 0))->path, old_path), ==, 0);
  g_assert_cmpuint (count_backups (path, "daily"), ==, 0);

  /* Off (the default, as for tests and tools): no daily backup. */
  g_assert_true (sf_store_set_setting (store, "full-time-hours", "36", &error));
  g_assert_cmpuint (count_backups (path, "daily"), ==, 0);

  sf_backup_set_daily (store, TRUE);
  g_assert_true (sf_store_set_setting (store, "full-time-hours", "35", &error));
  g_assert_cmpuint (count_backups (path, "daily"), ==, 1);
  g_assert_cmpuint (count_backups (path, NULL), ==, 2);
  g_assert_true (sf_store_set_setting (store, "full-time-hours", "34", &error));
  sf_backup_check_daily (store);
  g_assert_cmpuint (count_backups (path, "daily"), ==, 1);

  /* The daily backup holds the state before the day's first write. */
  {
    g_autoptr(GPtrArray) list = sf_backup_list (path, NULL);
    g_autoptr(SfStore) copy = open_store (((SfBackup *) g_ptr_array_index (list, 0))->path);
    SfSettings settings;

    g_assert_true (sf_store_load_settings (copy, &settings, &error));
    g_assert_cmpfloat (settings.full_time_hours, ==, 36);
  }
}

static void
test_migration_makes_backup (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(SfStore) store = NULL;
  sqlite3 *db = NULL;

  /* A database as schema 1 left it. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sf_store_migrations[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* The store alone makes no backups: the programs open it through the
   * backup policy, which copies it before the migration. */
  store = sf_backup_open_store (path, NULL);
  g_assert_nonnull (store);
  g_assert_cmpuint (count_backups (path, "migration"), ==, 1);
}

static void
test_restore_damaged (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "x.db", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  gint64 cases;

  {
    g_autoptr(SfStore) store = open_store (path);

    g_assert_true (sf_demo_populate (store, sf_day_today (), &error));
    cases = sf_store_count (store, "casefile");
    backup = sf_backup_create (store, "manual", &error);
    g_assert_no_error (error);
  }

  /* Truncate the database to its first pages. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, 5000, NULL));
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_unlink (wal);
  }
  g_assert_null (sf_store_open (path, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (sf_backup_restore (path, backup, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SfStore) store = open_store (path);
    GStatBuf st;

    g_assert_cmpint (sf_store_count (store, "casefile"), ==, cases);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* A damaged backup is refused and changes nothing. */
  g_assert_true (g_file_set_contents (backup, "not a database", -1, NULL));
  g_assert_false (sf_backup_restore (path, backup, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_CORRUPT);
  {
    g_autoptr(SfStore) store = open_store (path);

    g_assert_cmpint (sf_store_count (store, "casefile"), ==, cases);
  }
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* A database copied in as 0644: while it is open, neither it nor its
 * -wal and -shm files are readable by others. */
static void
test_side_files_owner_only (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "x.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SfStore) store = open_store (path);

    g_assert_true (sf_demo_populate (store, sf_day_today (), &error));
  }
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  /* Side files left by a program that ran on the 0644 file */
  g_assert_true (g_file_set_contents (wal, "", 0, NULL));
  g_assert_cmpint (g_chmod (wal, 0644), ==, 0);
  {
    g_autoptr(SfStore) store = open_store (path);

    g_assert_true (sf_store_set_setting (store, "full-time-hours", "36", &error));
    g_assert_cmpuint (mode_of (path), ==, 0600);
    g_assert_cmpuint (mode_of (wal), ==, 0600);
    g_assert_cmpuint (mode_of (shm), ==, 0600);
  }
}

/* An import refused because another program holds the database takes no
 * place among the backups. */
static void
test_busy_import_no_backup (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "x.db", NULL);
  g_autoptr(SfStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cases = sf_test_bytes ("sagsnummer;initialer;kompleksitet\nNY-1;AKJ;enkel\n");
  g_auto(SfImportResult) result = { 0 };
  sqlite3 *other = NULL;
  guint before;

  g_assert_true (sf_demo_populate (store, sf_day_today (), &error));
  before = count_backups (path, NULL);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  sf_store_set_busy_timeout (store, 0);
  g_assert_false (sf_import_cases (store, cases, &result, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_BUSY);
  g_assert_cmpuint (count_backups (path, NULL), ==, before);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup/import-makes-backup", test_import_makes_backup);
  g_test_add_func ("/backup/prune-and-daily", test_prune_and_daily);
  g_test_add_func ("/backup/daily-on-first-write", test_daily_on_first_write);
  g_test_add_func ("/backup/migration-makes-backup", test_migration_makes_backup);
  g_test_add_func ("/backup/restore-damaged", test_restore_damaged);
  g_test_add_func ("/backup/side-files-owner-only", test_side_files_owner_only);
  g_test_add_func ("/backup/busy-import-no-backup", test_busy_import_no_backup);
  return g_test_run ();
}
