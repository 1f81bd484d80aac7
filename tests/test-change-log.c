/* The change log: every writer leaves an audit row (who, when, what); the
 * log reads a page at a time, newest first, filters by text, and exports
 * as the caseload CSV does.  100,000 rows stay fast. */

#include <string.h>

#include "sf-core.h"
#include "sf-test-util.h"

typedef SfTestStore Fixture;

static char *
newest_action (SfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = sf_change_log_load (store, NULL, 0, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  return g_strdup (((SfChangeLogEntry *) g_ptr_array_index (entries, 0))->action);
}

#define ASSERT_NEWEST(store, expected) \
  G_STMT_START { \
    g_autofree char *action_ = newest_action (store); \
    g_assert_cmpstr (action_, ==, expected); \
  } G_STMT_END

static void
test_every_writer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *backup = NULL;
  SfSettings settings;
  SfTeam team;
  SfCase kase = { 0 };
  const SfChangeLogEntry *entry;
  gint64 before;

  g_assert_true (sf_demo_populate (fixture->store, sf_day_today (), &error));
  g_assert_no_error (error);
  ASSERT_NEWEST (fixture->store, "import-cases");

  g_assert_true (sf_store_set_setting (fixture->store, "full-time-hours", "37", &error));
  ASSERT_NEWEST (fixture->store, "setting");

  dataset = sf_store_load_dataset (fixture->store, &error);
  g_assert_no_error (error);
  team = g_array_index (dataset->teams, SfTeam, 0);
  team.cap = 27;
  g_assert_cmpint (sf_roster_save_team (fixture->store, &team, &error), ==, team.id);
  ASSERT_NEWEST (fixture->store, "team-update");

  kase.reference = (char *) "AUD-1";
  kase.complexity = SF_COMPLEXITY_ENKEL;
  kase.caseworker_id = g_array_index (dataset->caseworkers, SfCaseworker, 0).id;
  kase.start = sf_day_today ();
  g_assert_cmpint (sf_cases_add (fixture->store, &kase, &error), >, 0);
  g_assert_no_error (error);
  ASSERT_NEWEST (fixture->store, "case-add");

  g_assert_cmpint (sf_checklist_create (fixture->store, team.id, "arbejdsgange", &error), >, 0);
  g_assert_no_error (error);
  ASSERT_NEWEST (fixture->store, "checklist-new");

  sf_settings_init_defaults (&settings);
  g_clear_pointer (&dataset, sf_dataset_free);
  dataset = sf_store_load_dataset (fixture->store, &error);
  figures = sf_figures_compute (dataset, &settings, sf_day_today ());
  alerts = sf_alerts_evaluate (figures);
  g_assert_cmpuint (alerts->len, >, 0);
  g_assert_true (sf_alert_acknowledge (fixture->store, g_ptr_array_index (alerts, 0), "Talked about it",
                                       sf_day_add_months (sf_day_today (), 1), &error));
  g_assert_no_error (error);
  ASSERT_NEWEST (fixture->store, "acknowledge-alert");

  /* A restore is logged in the restored database, by the OS user.  (A
   * server's database is backed up by the server's own tools.) */
  if (sf_db_get_kind (sf_store_get_db (fixture->store)) != SF_DB_SQLITE)
    return;
  backup = sf_backup_create (fixture->store, "manual", &error);
  g_assert_no_error (error);
  before = sf_change_log_count (fixture->store, NULL, &error);
  g_assert_true (sf_backup_restore (fixture->path, backup, &error));
  g_assert_no_error (error);
  g_assert_true (sf_store_reopen (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_change_log_count (fixture->store, NULL, &error), ==, before + 1);
  entries = sf_change_log_load (fixture->store, NULL, 0, 1, &error);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "restore");
  g_assert_cmpstr (entry->who, ==, g_get_user_name ());
  g_assert_true (g_str_has_suffix (backup, entry->detail));
  g_assert_nonnull (g_date_time_new_from_iso8601 (entry->at, NULL));
  g_assert_cmpstr (sf_change_log_action_label (entry->action), ==, "Backup restored");
}

static void
add_rows (SfStore *store,
          guint    n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sf_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *subject = g_strdup_printf ("T%05u", i);
      g_autofree char *detail = i % 10 == 0 ? g_strdup ("=cmd|' /C calc'!A0") : g_strdup_printf ("Række %u; ære", i);

      g_assert_true (sf_store_audit (store, i % 2 ? "case-edit" : "team-update", subject, detail, &error));
    }
  g_assert_true (sf_store_commit (store, &error));
}

static void
test_paging_and_filter (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) found = NULL;

  add_rows (fixture->store, 250);
  g_assert_cmpint (sf_change_log_count (fixture->store, NULL, &error), ==, 250);
  g_assert_cmpint (sf_change_log_count (fixture->store, "", &error), ==, 250);

  /* Newest first, a page at a time. */
  page = sf_change_log_load (fixture->store, NULL, 100, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 100);
  g_assert_cmpstr (((SfChangeLogEntry *) g_ptr_array_index (page, 0))->subject, ==, "T00149");
  g_assert_cmpstr (((SfChangeLogEntry *) g_ptr_array_index (page, 99))->subject, ==, "T00050");
  g_clear_pointer (&page, g_ptr_array_unref);
  page = sf_change_log_load (fixture->store, NULL, 200, 100, &error);
  g_assert_cmpuint (page->len, ==, 50);

  /* Case-insensitive, in any text: the subject, the detail with Danish
   * letters, the translated action. */
  g_assert_cmpint (sf_change_log_count (fixture->store, "t0012", &error), ==, 10);
  g_assert_cmpint (sf_change_log_count (fixture->store, "ÆRE", &error), ==, 225);
  g_assert_cmpint (sf_change_log_count (fixture->store, "case changed", &error), ==, 125);
  g_assert_cmpint (sf_change_log_count (fixture->store, "  team changed ", &error), ==, 125);
  g_assert_cmpint (sf_change_log_count (fixture->store, g_get_user_name (), &error), ==, 250);
  g_assert_cmpint (sf_change_log_count (fixture->store, "no such thing", &error), ==, 0);
  found = sf_change_log_load (fixture->store, "t0012", 0, 100, &error);
  g_assert_cmpuint (found->len, ==, 10);
  g_assert_cmpstr (((SfChangeLogEntry *) g_ptr_array_index (found, 0))->subject, ==, "T00129");
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const char *raw;

  add_rows (fixture->store, 20);
  bytes = sf_change_log_render_csv (fixture->store, "T0001", &error);
  g_assert_no_error (error);
  raw = g_bytes_get_data (bytes, &size);
  g_assert_true (g_str_has_prefix (raw, "\xEF\xBB\xBF" "Time;User;Change;Subject;Details\r\n"));
  g_assert_true (g_utf8_validate (raw, size, NULL));
  text = g_strndup (raw, size);
  lines = g_strsplit (text, "\r\n", -1);
  /* The header, T00019 … T00010, and the empty string after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, 12);
  g_assert_true (g_str_has_suffix (lines[1], ";Case changed;T00019;\"Række 19; ære\""));
  /* A formula is made inert, as in the caseload export */
  g_assert_true (g_str_has_suffix (lines[10], ";Team changed;T00010;\"'=cmd|' /C calc'!A0\""));
}

/* A log of 100,000 rows: counting, a page from the middle and a filter
 * each take well under a second. */
static void
test_large_log (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GTimer) timer = NULL;

  add_rows (fixture->store, 100000);
  timer = g_timer_new ();
  g_assert_cmpint (sf_change_log_count (fixture->store, NULL, &error), ==, 100000);
  page = sf_change_log_load (fixture->store, NULL, 99900, 100, &error);
  g_assert_cmpuint (page->len, ==, 100);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 0.5);
  g_timer_start (timer);
  g_assert_cmpint (sf_change_log_count (fixture->store, "T0999", &error), ==, 10);
  g_test_message ("filtered count of 100,000 rows: %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, sf_test_store_set_up, func, sf_test_store_tear_down)

  ADD ("/audit/every-writer", test_every_writer);
  ADD ("/audit/paging-and-filter", test_paging_and_filter);
  ADD ("/audit/csv", test_csv);
  ADD ("/audit/large-log", test_large_log);
  return g_test_run ();
}
