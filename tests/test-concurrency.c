/* Two writers on one database: the GUI open while the CLI imports.  Both
 * imports succeed (the second waits for the first) or one reports "busy";
 * no update is lost; a writer that meets a lock held too long says so; and
 * a reader notices another connection's change through its data version. */

#include <string.h>

#include "sf-core.h"
#include "sf-test-util.h"

typedef struct
{
  const char *path;
  GBytes     *contents;
  gboolean    cases;
  GMutex     *mutex;
  GCond      *cond;
  guint      *ready;
  gboolean    ok;
  GError     *error;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(SfStore) store = NULL;
  g_auto(SfImportResult) result = { 0 };

  store = sf_store_open (w->path, &w->error);
  if (store == NULL)
    return NULL;

  /* Start both imports together. */
  g_mutex_lock (w->mutex);
  (*w->ready)++;
  g_cond_broadcast (w->cond);
  while (*w->ready < 2)
    g_cond_wait (w->cond, w->mutex);
  g_mutex_unlock (w->mutex);

  w->ok = w->cases ? sf_import_cases (store, w->contents, &result, &w->error)
                   : sf_import_roster (store, w->contents, &result, &w->error);
  return NULL;
}

static GBytes *
roster (const char *team,
        const char *prefix,
        guint       n)
{
  GString *csv = g_string_new ("team;omraade;initialer;navn\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%s;sygedagpenge;%s%03u;Person %s %u\n", team, prefix, i, prefix, i);
  return g_string_free_to_bytes (csv);
}

static GBytes *
cases (const char *prefix,
       const char *initials,
       guint       n)
{
  GString *csv = g_string_new ("sagsnummer;initialer;kompleksitet\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%s-%05u;%s;enkel\n", prefix, i, initials);
  return g_string_free_to_bytes (csv);
}

static void
run_two (const char *path,
         GBytes     *first,
         GBytes     *second,
         gboolean    cases_import,
         Writer     *out)
{
  GMutex mutex;
  GCond cond;
  guint ready = 0;
  GThread *threads[2];

  g_mutex_init (&mutex);
  g_cond_init (&cond);
  for (guint i = 0; i < 2; i++)
    {
      out[i] = (Writer) { path, i == 0 ? first : second, cases_import, &mutex, &cond, &ready, FALSE, NULL };
      threads[i] = g_thread_new ("writer", writer_thread, &out[i]);
    }
  for (guint i = 0; i < 2; i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&mutex);
  g_cond_clear (&cond);
}

static void
test_two_imports (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "two.db", NULL);
  g_autoptr(GBytes) a = roster ("Sygedagpengeteam", "A", 400);
  g_autoptr(GBytes) b = roster ("Sygedagpengeteam", "B", 400);
  g_autoptr(GBytes) ca = cases ("A", "A000", 3000);
  g_autoptr(GBytes) cb = cases ("B", "B000", 3000);
  g_autoptr(SfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Writer writers[2];
  gint64 expected_people = 0, expected_cases = 0;

  /* Made first, so that both threads find the schema in place. */
  store = sf_store_open (path, &error);
  g_assert_no_error (error);

  run_two (path, a, b, FALSE, writers);
  for (guint i = 0; i < 2; i++)
    {
      if (!writers[i].ok)
        {
          g_assert_error (writers[i].error, SF_ERROR, SF_ERROR_BUSY);
          g_test_message ("roster import %u: %s", i, writers[i].error->message);
        }
      else
        expected_people += 400;
      g_clear_error (&writers[i].error);
    }
  g_assert_cmpint (expected_people, >, 0);
  g_assert_cmpint (sf_store_count (store, "caseworker"), ==, expected_people);
  /* Both imports were logged, each with its own rows. */
  g_assert_cmpint (sf_change_log_count (store, "Roster imported", NULL), ==, expected_people / 400);

  if (expected_people == 800)
    {
      run_two (path, ca, cb, TRUE, writers);
      for (guint i = 0; i < 2; i++)
        {
          if (!writers[i].ok)
            g_assert_error (writers[i].error, SF_ERROR, SF_ERROR_BUSY);
          else
            expected_cases += 3000;
          g_clear_error (&writers[i].error);
        }
      g_assert_cmpint (sf_store_count (store, "casefile"), ==, expected_cases);
    }
}

static void
test_busy_is_reported (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "busy.db", NULL);
  g_autoptr(SfStore) holder = NULL;
  g_autoptr(SfStore) writer = NULL;
  g_autoptr(GError) error = NULL;

  holder = sf_store_open (path, &error);
  writer = sf_store_open (path, &error);
  g_assert_no_error (error);

  /* Another program holds the write lock longer than we wait. */
  sf_store_set_busy_timeout (writer, 50);
  g_assert_true (sf_store_begin (holder, &error));
  g_assert_false (sf_store_set_setting (writer, "full-time-hours", "35", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "busy"));
  g_clear_error (&error);
  g_assert_true (sf_store_commit (holder, &error));

  /* Once it is done, the same write goes through. */
  g_assert_true (sf_store_set_setting (writer, "full-time-hours", "35", &error));
  g_assert_no_error (error);
}

static void
test_data_version (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "version.db", NULL);
  g_autoptr(SfStore) gui = NULL;
  g_autoptr(SfStore) cli = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version;

  gui = sf_store_open (path, &error);
  cli = sf_store_open (path, &error);
  g_assert_no_error (error);

  version = sf_store_get_data_version (gui);
  g_assert_cmpint (version, >=, 0);
  /* Our own change is not somebody else's. */
  g_assert_true (sf_store_set_setting (gui, "full-time-hours", "36", &error));
  g_assert_cmpint (sf_store_get_data_version (gui), ==, version);
  /* Another connection's is. */
  g_assert_true (sf_store_set_setting (cli, "full-time-hours", "35", &error));
  g_assert_cmpint (sf_store_get_data_version (gui), !=, version);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/concurrency/two-imports", test_two_imports);
  g_test_add_func ("/concurrency/busy-is-reported", test_busy_is_reported);
  g_test_add_func ("/concurrency/data-version", test_data_version);
  return g_test_run ();
}
