/* test-reliability-gui.c: the window on a damaged database, the Backups and
 * Change Log windows, and a window that notices another program's writes,
 * driven through the real widgets on temporary databases under Xvfb.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sf-application.h"
#include "sf-change-log-model.h"
#include "sf-backups-window.h"
#include "sf-change-log-window.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-roster-page-private.h"
#include "sf-window.h"

typedef struct
{
  char     *dir;
  char     *path;
  SfStore  *store;
  SfWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = sf_test_open_store (&fixture->dir);
  fixture->path = g_strdup (sf_store_get_path (fixture->store));
  g_assert_true (sf_demo_populate (fixture->store, sf_day_today (), &error));

  fixture->window = sf_test_present_window (fixture->store);
  sf_test_wait_for_frame ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sf_test_destroy_toplevels ();
  fixture->window = NULL;
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* The toplevel of @type, if exactly one is shown. */
static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gpointer found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          g_assert_null (found);
          found = window;
        }
    }
  return found;
}

static GBytes *
one_more_caseworker (const char *initials)
{
  g_autofree char *csv = g_strdup_printf ("team;omraade;initialer;navn\nModtageteam;boern-familie;%s;Ny Kollega\n", initials);

  return g_bytes_new (csv, strlen (csv));
}

static void
count_changed_cb (SfStore        *store,
                  const SfChange *change,
                  guint          *count)
{
  (*count)++;
}

/* Another program (the CLI's own connection) imports while the window is
 * open: the window notices on its next poll and shows the newcomer. */
static gboolean
changed_once (gpointer data)
{
  return *(guint *) data > 0;
}

static void
test_refresh_on_external_change (Fixture       *fixture,
                                 gconstpointer  data)
{
  SfRosterPage *roster = sf_window_get_roster_page (fixture->window);
  guint before = sf_roster_page_get_n_caseworkers (roster);
  g_autoptr(SfStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = one_more_caseworker ("NY1");
  g_autoptr(GBytes) csv2 = one_more_caseworker ("NY2");
  g_auto(SfImportResult) result = { 0 };
  guint changed = 0;

  g_assert_cmpuint (before, >, 0);
  /* Nothing happened yet: nothing to reload */
  g_assert_false (sf_window_check_for_changes (fixture->window));

  other = sf_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (sf_import_roster (other, csv, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sf_roster_page_get_n_caseworkers (roster), ==, before);

  g_assert_true (sf_window_check_for_changes (fixture->window));
  g_assert_cmpuint (sf_roster_page_get_n_caseworkers (roster), ==, before + 1);
  g_assert_false (sf_window_check_for_changes (fixture->window));

  /* The timer does it by itself, within two seconds or so */
  g_signal_connect (fixture->store, "changed", G_CALLBACK (count_changed_cb), &changed);
  sf_import_result_clear (&result);
  g_assert_true (sf_import_roster (other, csv2, &result, &error));
  g_assert_true (sf_test_wait_until (changed_once, &changed));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (sf_roster_page_get_n_caseworkers (roster), ==, before + 2);
  g_signal_handlers_disconnect_by_func (fixture->store, count_changed_cb, &changed);
}

/* A write from the window that meets a database another program holds
 * says "busy" in a dialog, and changes nothing. */
static void
test_busy_write (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autoptr(SfStore) store = NULL;
  g_autoptr(SfStore) other = NULL;
  g_autoptr(GError) error = NULL;
  SfWindow *window;
  AdwMessageDialog *dialog;

  store = sf_store_open (path, &error);
  other = sf_store_open (path, &error);
  g_assert_no_error (error);
  window = sf_test_window_new (store);
  gtk_window_present (GTK_WINDOW (window));
  sf_test_wait_for_frame ();

  sf_store_set_busy_timeout (store, 50);
  g_assert_true (sf_store_begin (other, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.demo", NULL));
  sf_test_wait_for_frame ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "busy"));
  sf_store_rollback (other);
  g_assert_true (sf_store_is_empty (store));
}

static void
test_change_log (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *export_path = g_build_filename (fixture->dir, "log.csv", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autofree char *contents = NULL;
  g_autoptr(SfChangeLogItem) first = NULL;
  g_autoptr(SfStore) other = NULL;
  g_autoptr(GBytes) csv = one_more_caseworker ("NY1");
  g_auto(SfImportResult) result = { 0 };
  SfChangeLogWindow *log;
  SfChangeLogModel *model;
  gint64 total = sf_change_log_count (fixture->store, NULL, &error);

  g_assert_true (sf_store_set_setting (fixture->store, "full-time-hours", "36", &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.change-log", NULL));
  sf_test_wait_for_frame ();
  log = find_toplevel (SF_TYPE_CHANGE_LOG_WINDOW);
  g_assert_nonnull (log);
  model = sf_change_log_window_get_model (log);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, total + 1);
  /* Newest first: the setting, then the demo's case import */
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (sf_change_log_item_get_entry (first)->action, ==, "setting");
  g_assert_cmpstr (sf_change_log_item_get_entry (first)->who, ==, g_get_user_name ());
  {
    g_autofree char *expected = g_strdup_printf ("%u changes", (guint) total + 1);

    g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (sf_test_child (log, SF_TYPE_CHANGE_LOG_WINDOW,
                                                                                     "window_title"))), ==, expected);
  }

  /* Filtered by what the list shows */
  sf_change_log_window_set_filter (log, "roster imported");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  sf_change_log_window_set_filter (log, "nothing like this");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (sf_test_child (log, SF_TYPE_CHANGE_LOG_WINDOW, "stack"))),
                   ==, "empty");
  sf_change_log_window_set_filter (log, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (sf_test_child (log, SF_TYPE_CHANGE_LOG_WINDOW, "stack"))),
                   ==, "list");

  /* Under a filter, this user's next change that the filter shows is the
   * list's new first row */
  sf_change_log_window_set_filter (log, "setting");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_true (sf_store_set_setting (fixture->store, "full-time-hours", "37", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  {
    g_autoptr(SfChangeLogItem) newest = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr(SfChangeLogItem) older = g_list_model_get_item (G_LIST_MODEL (model), 1);

    g_assert_cmpint (sf_change_log_item_get_entry (newest)->id, >, sf_change_log_item_get_entry (older)->id);
  }
  sf_change_log_window_set_filter (log, "");
  total++;

  /* Another program's import shows up in the open log */
  other = sf_store_open (fixture->path, &error);
  g_assert_true (sf_import_roster (other, csv, &result, &error));
  g_assert_true (sf_window_check_for_changes (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, total + 2);

  /* Exported as shown: the filter applies, BOM and ';' */
  sf_change_log_window_set_filter (log, "import");
  g_assert_true (sf_change_log_window_export_csv (log, export_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (export_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Time;User;Change;Subject;Details\r\n"));
  g_assert_nonnull (strstr (contents, ";Roster imported;"));
  g_assert_null (strstr (contents, ";Setting changed;"));
}

/* 100,000 rows open at once: only the pages the view shows are read. */
static void
test_change_log_large (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  SfChangeLogWindow *log;
  SfChangeLogModel *model;

  g_assert_true (sf_store_begin (fixture->store, &error));
  for (guint i = 0; i < 100000; i++)
    g_assert_true (sf_store_audit (fixture->store, "case-edit", "S-1", "complexity: enkel", &error));
  g_assert_true (sf_store_commit (fixture->store, &error));

  timer = g_timer_new ();
  log = sf_change_log_window_new (GTK_WINDOW (fixture->window), fixture->store);
  gtk_window_present (GTK_WINDOW (log));
  sf_test_wait_for_frame ();
  model = sf_change_log_window_get_model (log);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 100000);
  g_assert_cmpuint (sf_change_log_model_get_n_pages_loaded (model), <=, 2);
  /* Pages loaded is what keeps it fast; the time is for the log only (a
   * timed assertion fails on a busy machine, not on slow code) */
  g_test_message ("opened a log of 100,000 rows in %.3f s", g_timer_elapsed (timer, NULL));

  g_timer_start (timer);
  sf_change_log_window_set_filter (log, "Roster");
  sf_test_wait_for_frame ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpuint (sf_change_log_model_get_n_pages_loaded (model), <=, 2);
  g_test_message ("filtered it in %.3f s", g_timer_elapsed (timer, NULL));
}

static void
test_backups (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = one_more_caseworker ("NY1");
  g_auto(SfImportResult) result = { 0 };
  SfRosterPage *roster = sf_window_get_roster_page (fixture->window);
  guint people = sf_roster_page_get_n_caseworkers (roster);
  SfBackupsWindow *backups;
  AdwMessageDialog *dialog;
  GPtrArray *list;
  guint n, manual = G_MAXUINT;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.backups", NULL));
  sf_test_wait_for_frame ();
  backups = find_toplevel (SF_TYPE_BACKUPS_WINDOW);
  g_assert_nonnull (backups);
  n = sf_backups_window_get_backups (backups)->len;

  /* Back Up Now */
  g_signal_emit_by_name (sf_test_child (backups, SF_TYPE_BACKUPS_WINDOW, "back_up_button"), "clicked");
  list = sf_backups_window_get_backups (backups);
  g_assert_cmpuint (list->len, ==, n + 1);
  g_assert_cmpstr (((SfBackup *) g_ptr_array_index (list, 0))->reason, ==, "manual");
  g_assert_cmpstr (adw_action_row_get_subtitle (sf_backups_window_get_row (backups, 0)), !=, NULL);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (sf_backups_window_get_row (backups, 0)),
                                   "Made by hand · "));

  /* A change after it, which the restore takes back */
  g_assert_true (sf_import_roster (fixture->store, csv, &result, &error));
  g_assert_cmpuint (sf_roster_page_get_n_caseworkers (roster), ==, people + 1);
  gtk_window_close (GTK_WINDOW (backups));
  sf_test_wait_for_frame ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.backups", NULL));
  sf_test_wait_for_frame ();
  backups = find_toplevel (SF_TYPE_BACKUPS_WINDOW);
  list = sf_backups_window_get_backups (backups);
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((SfBackup *) g_ptr_array_index (list, i))->reason, "manual"))
      {
        manual = i;
        break;
      }
  g_assert_cmpuint (manual, <, list->len);

  /* The Restore… button asks first, and says what is replaced */
  {
    GtkWidget *row = GTK_WIDGET (sf_backups_window_get_row (backups, manual));
    GtkWidget *button = NULL;

    /* The button is the row's suffix: find it */
    for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL && button == NULL;)
      {
        if (GTK_IS_BUTTON (w))
          button = w;
        else if (gtk_widget_get_first_child (w) != NULL)
          {
            w = gtk_widget_get_first_child (w);
            continue;
          }
        while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != row)
          w = gtk_widget_get_parent (w);
        if (w == NULL || w == row)
          break;
        w = gtk_widget_get_next_sibling (w);
      }
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }
  sf_test_wait_for_frame ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  {
    g_autofree char *count = g_strdup_printf ("%u caseworkers", people + 1);

    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), count));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "backed up first"));
  }
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "restore"), ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "restore");
  sf_test_wait_for_frame ();

  /* The window shows the data as it was, the replaced state is the newest
   * backup, and the log says who restored */
  g_assert_cmpuint (sf_roster_page_get_n_caseworkers (roster), ==, people);
  list = sf_backups_window_get_backups (backups);
  g_assert_cmpstr (((SfBackup *) g_ptr_array_index (list, 0))->reason, ==, "before-restore");
  {
    g_autoptr(GPtrArray) entries = sf_change_log_load (fixture->store, NULL, 0, 1, &error);

    g_assert_cmpstr (((SfChangeLogEntry *) g_ptr_array_index (entries, 0))->action, ==, "restore");
  }

  /* …and undoable: restore the state it replaced */
  dialog = sf_backups_window_confirm_restore (backups, 0);
  adw_message_dialog_response (dialog, "restore");
  sf_test_wait_for_frame ();
  g_assert_cmpuint (sf_roster_page_get_n_caseworkers (roster), ==, people + 1);
}

static void
make_damaged (const char *path,
              gboolean    with_backup)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  {
    g_autoptr(SfStore) store = sf_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (sf_demo_populate (store, sf_day_today (), &error));
    if (!with_backup)
      {
        g_autofree char *dir = sf_backup_dir_for (path);
        g_autoptr(GPtrArray) backups = sf_backup_list (path, NULL);

        for (guint i = 0; i < backups->len; i++)
          g_unlink (((SfBackup *) g_ptr_array_index (backups, i))->path);
      }
  }
  /* Cut the file off after its first pages */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, 5000, NULL));
  g_unlink (wal);
}

/* The app started on a damaged file offers the newest backup, restores it
 * and opens normally. */
static void
test_damaged_database (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr(SfApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  SfWindow *window;

  make_damaged (path, TRUE);

  app = sf_application_new_for_database (path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  sf_test_wait_for_frame ();

  g_assert_null (sf_application_get_store (app));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Database Is Damaged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The newest sound backup was made on "));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));

  adw_message_dialog_response (dialog, "restore");
  sf_test_wait_for_frame ();
  g_assert_nonnull (sf_application_get_store (app));
  window = find_toplevel (SF_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_assert_cmpuint (sf_roster_page_get_n_caseworkers (sf_window_get_roster_page (window)), >, 0);
  g_assert_cmpstr (sf_window_get_visible_page (window), !=, "empty");
  sf_test_destroy_toplevels ();
}

static void
test_damaged_without_backup (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr(SfApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  make_damaged (path, FALSE);

  app = sf_application_new_for_database (path);
  /* Another name than the test before's, which may still be on the bus */
  g_application_set_application_id (G_APPLICATION (app), APPLICATION_ID ".Test");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_activate (G_APPLICATION (app));
  sf_test_wait_for_frame ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "There is no sound backup"));
  adw_message_dialog_response (dialog, "quit");
  sf_test_wait_for_frame ();
  g_assert_null (find_toplevel (SF_TYPE_WINDOW));
  sf_test_destroy_toplevels ();
}

static gboolean
dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
window_shows (gpointer data)
{
  SfWindow *window = find_toplevel (SF_TYPE_WINDOW);

  return window != NULL &&
         sf_roster_page_get_n_caseworkers (sf_window_get_roster_page (window)) == GPOINTER_TO_UINT (data);
}

/* Damage that lets the file open (two indexes of the case table swap their
 * b-trees: some figures come out wrong) is found once the window is open,
 * and the newest sound backup is offered; the damaged file is kept. */
static void
test_damage_found_after_opening (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "index.db", NULL);
  g_autofree char *backups_dir = sf_backup_dir_for (path);
  g_autoptr(SfApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *problem = NULL;
  guint people;

  {
    g_autoptr(SfStore) store = sf_store_open (path, &error);
    g_autofree char *backup = NULL;
    g_autofree char *sql = NULL;

    g_autoptr(GBytes) roster = g_bytes_new_static ("team;omraade;initialer;navn\nT;fleksjob;AA;Anna\nT;fleksjob;BB;Bo\n", 64);
    g_autoptr(GBytes) cases = g_bytes_new_static ("sagsnummer;initialer;kompleksitet\nK-1;AA;enkel\nK-2;BB;enkel\n", 60);
    g_auto(SfImportResult) result = { 0 };

    g_assert_no_error (error);
    /* Nobody over their norm: no desktop notification at start-up */
    g_assert_true (sf_import_roster (store, roster, &result, &error));
    sf_import_result_clear (&result);
    g_assert_true (sf_import_cases (store, cases, &result, &error));
    g_assert_no_error (error);
    people = (guint) sf_store_count (store, "caseworker");
    backup = sf_backup_create (store, "manual", &error);
    g_assert_no_error (error);
    sql = g_strdup_printf ("PRAGMA writable_schema = ON;"
                           " UPDATE sqlite_schema SET rootpage = %" G_GINT64_FORMAT " WHERE name = 'casefile_caseworker';"
                           " UPDATE sqlite_schema SET rootpage = %" G_GINT64_FORMAT " WHERE name = 'casefile_cover';",
                           sf_test_query_int (store, "SELECT rootpage FROM sqlite_schema WHERE name = 'casefile_cover'"),
                           sf_test_query_int (store, "SELECT rootpage FROM sqlite_schema WHERE name = 'casefile_caseworker'"));
    g_assert_true (sf_store_exec (store, sql, &error));
  }

  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check (1)", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    g_assert_cmpstr (problem, !=, "ok");
  }

  app = sf_application_new_for_database (path);
  g_application_set_application_id (G_APPLICATION (app), APPLICATION_ID ".Test2");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_activate (G_APPLICATION (app));
  g_assert_nonnull (sf_application_get_store (app));
  g_assert_true (sf_test_wait_until (dialog_shown, NULL));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Database Is Damaged");
  /* SQLite's own words for the damage, whatever its version writes */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), problem));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The newest sound backup was made on "));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));

  adw_message_dialog_response (dialog, "restore");
  g_assert_true (sf_test_wait_until (window_shows, GUINT_TO_POINTER (people)));
  g_assert_true (sf_store_check_file (path, NULL));
  {
    g_autoptr(GDir) handle = g_dir_open (backups_dir, 0, NULL);
    const char *name;
    guint kept = 0;

    while ((name = g_dir_read_name (handle)) != NULL)
      kept += g_str_has_prefix (name, "damaged-") && g_str_has_suffix (name, ".db");
    g_assert_cmpuint (kept, ==, 1);
  }
  sf_test_destroy_toplevels ();
}

int
main (int   argc,
      char *argv[])
{
  sf_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/reliability/refresh-on-external-change", test_refresh_on_external_change);
  ADD ("/gui/reliability/busy-write", test_busy_write);
  ADD ("/gui/reliability/change-log", test_change_log);
  ADD ("/gui/reliability/change-log-large", test_change_log_large);
  ADD ("/gui/reliability/backups", test_backups);
  g_test_add_func ("/gui/reliability/damaged-database", test_damaged_database);
  g_test_add_func ("/gui/reliability/damaged-without-backup", test_damaged_without_backup);
  g_test_add_func ("/gui/reliability/damage-found-after-opening", test_damage_found_after_opening);

  return g_test_run ();
}
