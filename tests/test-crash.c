/* Killing the CLI with SIGKILL at any moment of an import leaves a database
 * that passes integrity_check and holds all of the import or none of it. */

#include <signal.h>
#include <sys/wait.h>

/* SQLite-specific: this test reads or writes the file itself */
#include <sqlite3.h>

#include "sf-core.h"
#include "sf-test-util.h"

#define N_CASES 20000

static gint64
count_cases (const char *path,
             gboolean   *sound)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *sound = g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM casefile", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
run_cli (const char *db,
         const char *command,
         const char *file)
{
  const char *argv[] = { g_getenv ("SF_TEST_CLI"), "--database", db, command, file, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_kill_during_import (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autoptr(GString) cases = g_string_new ("sagsnummer;initialer;kompleksitet;startdato\n");
  g_autofree char *roster_path = sf_test_write_file (dir, "roster.csv",
                                                     "team;omraade;initialer;navn\n"
                                                     "T;sygedagpenge;AA;Anna\nT;sygedagpenge;BB;Bo\n");
  g_autofree char *first_path = sf_test_write_file (dir, "first.csv",
                                                    "sagsnummer;initialer;kompleksitet\nF-1;AA;enkel\n");
  g_autofree char *cases_path = NULL;
  guint all = 0, none = 0;
  /* Microseconds after the start: before the file is read, while rows are
   * checked, while they are written, around the commit, after. */
  const gulong delays[] = { 0, 2000, 10000, 30000, 60000, 100000, 150000, 250000, 400000, 800000 };

  for (guint i = 0; i < N_CASES; i++)
    g_string_append_printf (cases, "C-%06u;%s;kompleks;2024-01-01\n", i, i % 2 ? "AA" : "BB");
  cases_path = sf_test_write_file (dir, "cases.csv", cases->str);

  for (guint k = 0; k < G_N_ELEMENTS (delays); k++)
    {
      g_autofree char *db = g_strdup_printf ("%s/crash-%u.db", dir, k);
      const char *argv[] = { g_getenv ("SF_TEST_CLI"), "--database", db, "import-cases", cases_path, NULL };
      g_autoptr(GError) error = NULL;
      gboolean sound = FALSE;
      GPid pid;
      gint64 n;
      int status;

      run_cli (db, "import-roster", roster_path);
      run_cli (db, "import-cases", first_path);

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      g_usleep (delays[k]);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);

      n = count_cases (db, &sound);
      g_test_message ("killed after %lu us: %" G_GINT64_FORMAT " cases", delays[k], n);
      g_assert_true (sound);
      g_assert_true (n == 1 || n == N_CASES + 1);
      if (n == 1)
        none++;
      else
        all++;

      /* The app opens it as usual afterwards. */
      {
        g_autoptr(SfStore) store = sf_store_open (db, &error);

        g_assert_no_error (error);
        g_assert_cmpint (sf_store_count (store, "casefile"), ==, n);
      }
    }
  g_test_message ("%u runs kept none of the import, %u all of it", none, all);
  /* Killed at once, nothing can have been written. */
  g_assert_cmpuint (none, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-during-import", test_kill_during_import);
  return g_test_run ();
}
