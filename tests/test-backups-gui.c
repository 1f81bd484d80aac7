/* The Backups window on a database on a PostgreSQL server: it says the
 * server's own backups apply, offers no backups of its own, and exports
 * everything into a database file on this computer (`copy`).  Skipped
 * when no server is there (SF_TEST_PG_URI unset).
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sf-backups-window.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"

static gboolean
file_is_there (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS) && sf_store_check_file (data, NULL);
}

static void
test_on_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = sf_test_pg_new_server_database ();
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "export.db", NULL);
  g_autoptr(SfStore) store = NULL;
  g_autoptr(SfStore) exported = NULL;
  SfBackupsWindow *window;
  GtkWidget *back_up, *export, *list;
  AdwPreferencesGroup *group;

  store = sf_store_open (uri, &error);
  g_assert_no_error (error);
  sf_test_import_example (store);

  window = sf_backups_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  sf_test_wait_for_frame ();

  back_up = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), SF_TYPE_BACKUPS_WINDOW, "back_up_button");
  export = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), SF_TYPE_BACKUPS_WINDOW, "export_button");
  list = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), SF_TYPE_BACKUPS_WINDOW, "list_box");
  group = ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (GTK_WIDGET (window), SF_TYPE_BACKUPS_WINDOW,
                                                                "backups_group"));
  g_assert_false (gtk_widget_get_visible (back_up));
  g_assert_false (gtk_widget_get_visible (list));
  g_assert_true (gtk_widget_get_visible (export));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "pg_dump"));
  g_assert_cmpuint (sf_backups_window_get_backups (window)->len, ==, 0);

  /* For a screenshot: SF_TEST_SHOW=1 keeps the window up for a while */
  if (g_getenv ("SF_TEST_SHOW") != NULL)
    sf_test_spin (15000);

  /* The export, as the chooser answers it */
  sf_backups_window_export_to (window, path);
  g_assert_true (sf_test_wait_until (file_is_there, path));
  g_assert_true (sf_test_wait_until ((gboolean (*) (gpointer)) gtk_widget_get_sensitive, export));
  exported = sf_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sf_store_count (exported, "caseworker"), ==, 4);
  g_assert_cmpint (sf_store_count (exported, "casefile"), ==, sf_store_count (store, "casefile"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  sf_test_pg_drop_database (g_steal_pointer (&uri));
}

int
main (int    argc,
      char **argv)
{
  sf_test_pg_require (argc, argv);
  sf_test_gui_init (&argc, &argv);
  /* A screenshot in the user's language (LANG) */
  if (g_getenv ("SF_TEST_SHOW") != NULL)
    {
      setlocale (LC_ALL, "");
      sf_i18n_init ();
    }
  g_test_add_func ("/backups-gui/on-server", test_on_server);
  return g_test_run ();
}
