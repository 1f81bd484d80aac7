/* test-connect-gui.c: a shared database on a server, from the window:
 * Connect to Shared Database… (a refused password, the keyring), the
 * title naming the database, a server down at start, and a connection
 * lost while the window is open (the banner, edits held back, the
 * reconnect and reload).  On the test server (SF_TEST_PG_URI); skipped
 * without one.
 *
 * The server is made unreachable without stopping it (other tests use
 * it at the same time): the window connects through a folder of the
 * test's own holding a link to the server's socket, and the link is
 * taken away and put back.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sf-application.h"
#include "sf-connect-dialog.h"
#include "sf-password-store.h"
#include "sf-server-choice.h"
#include "sf-server.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"

/* The role build-aux/pg-cluster asks a password of (scram-sha-256) */
#define PW_ROLE "sf_pw_test"
#define PW_RIGHT "Kode-2026!"

/* The value of @key in the query of @uri */
static char *
uri_param (const char *uri,
           const char *key)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GHashTable) params = NULL;

  g_assert_nonnull (parsed);
  params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, NULL);
  return g_strdup (g_hash_table_lookup (params, key));
}

static char *
uri_database (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);

  return g_strdup (g_uri_get_path (parsed) + 1);
}

/* The server's socket folder */
static char *
server_socket_dir (void)
{
  return uri_param (g_getenv ("SF_TEST_PG_URI"), "host");
}

/* A folder of the test's own through which the server is reached while
 * the link to its socket is there */
static char *
make_link_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sf-link-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
link_server (const char *dir,
             gboolean    reachable)
{
  g_autofree char *socket_dir = server_socket_dir ();
  g_autofree char *target = g_build_filename (socket_dir, ".s.PGSQL.5432", NULL);
  g_autofree char *link = g_build_filename (dir, ".s.PGSQL.5432", NULL);

  if (reachable)
    g_assert_cmpint (symlink (target, link), ==, 0);
  else
    g_assert_cmpint (g_unlink (link), ==, 0);
}

static void
remove_link_dir (char *dir)
{
  g_autofree char *link = g_build_filename (dir, ".s.PGSQL.5432", NULL);

  g_unlink (link);
  g_rmdir (dir);
  g_free (dir);
}

/* Waits up to @seconds for @condition (the reconnect waits longer after
 * each failed try: more than sf_test_wait_until()'s bound) */
static gboolean
wait_long (gboolean (*condition) (gpointer),
           gpointer   data,
           guint      seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < end)
    {
      sf_test_wait_until (condition, data);
    }
  return condition (data);
}

/* ---- Connect to Shared Database… ---- */

typedef struct
{
  SfStore        *store;
  SfServerParams *params;
} Connected;

static void
on_connected_cb (SfConnectDialog      *dialog,
                 SfStore              *store,
                 const SfServerParams *params,
                 Connected            *connected)
{
  g_set_object (&connected->store, store);
  connected->params = sf_server_params_copy (params);
}

static gboolean
dialog_done (gpointer data)
{
  return !sf_connect_dialog_is_busy (data);
}

static void
test_connect_dialog (void)
{
  g_autofree char *uri = sf_test_pg_new_server_database ();
  g_autofree char *dir = NULL;
  g_autoptr(SfStore) file_store = sf_test_open_store (&dir);
  SfWindow *parent = sf_test_present_window (file_store);
  g_autoptr(SfServerParams) params = sf_server_params_new ();
  g_autofree char *database = uri_database (uri);
  g_autofree char *location = NULL;
  g_autofree char *expected = NULL;
  Connected connected = { 0 };
  SfConnectDialog *dialog;
  SfWindow *window;

  /* The window says which file is open */
  g_assert_cmpstr (sf_window_get_database_label (parent), ==, "test.db");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (parent)), "test.db"));

  g_free (params->host);
  params->host = server_socket_dir ();
  g_free (params->database);
  params->database = g_strdup (database);
  dialog = sf_connect_dialog_new (GTK_WINDOW (parent), params);
  g_signal_connect (dialog, "connected", G_CALLBACK (on_connected_cb), &connected);
  gtk_window_present (GTK_WINDOW (dialog));
  sf_test_wait_for_frame ();

  /* A database that is not there: said, nothing opened */
  g_free (params->database);
  params->database = g_strdup ("sftest_no_such_database");
  sf_connect_dialog_fill (dialog, params, NULL);
  sf_connect_dialog_connect (dialog);
  g_assert_true (sf_connect_dialog_is_busy (dialog));
  g_assert_true (wait_long (dialog_done, dialog, 20));
  g_assert_null (connected.store);
  /* (the server was reached: it is not said to be out of reach) */
  g_assert_cmpstr (sf_connect_dialog_get_error (dialog), ==, "Could Not Open the Database");

  /* A database nobody has set up for Sagsfordeling */
  {
    char *bare = sf_test_pg_new_database ();
    g_autofree char *bare_name = uri_database (bare);

    g_free (params->database);
    params->database = g_strdup (bare_name);
    sf_connect_dialog_fill (dialog, params, NULL);
    sf_connect_dialog_connect (dialog);
    g_assert_true (wait_long (dialog_done, dialog, 20));
    g_assert_null (connected.store);
    g_assert_cmpstr (sf_connect_dialog_get_error (dialog), ==, "The Database Is Not Set Up");
    sf_test_pg_drop_database (bare);
  }

  /* The right one */
  g_free (params->database);
  params->database = g_strdup (database);
  sf_connect_dialog_fill (dialog, params, NULL);
  sf_connect_dialog_connect (dialog);
  g_assert_true (wait_long (dialog_done, dialog, 20));
  g_assert_null (sf_connect_dialog_get_error (dialog));
  g_assert_nonnull (connected.store);
  g_assert_cmpstr (connected.params->database, ==, database);
  g_assert_cmpstr (connected.params->tls, ==, "require");

  /* The window on it says "DATABASE on this computer" (a socket) */
  window = sf_test_present_window (connected.store);
  sf_test_wait_for_frame ();
  expected = g_strdup_printf ("%s on this computer", database);
  g_assert_cmpstr (sf_window_get_database_label (window), ==, expected);
  location = sf_server_params_to_location (params);
  g_assert_cmpstr (sf_store_get_path (connected.store), ==, location);

  sf_test_destroy_toplevels ();
  g_clear_object (&connected.store);
  sf_server_params_free (connected.params);
  sf_test_pg_drop_database (g_steal_pointer (&uri));
}

/* ---- a password, refused and kept ---- */

static gboolean
make_password_role (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDb) db = sf_db_open (g_getenv ("SF_TEST_PG_URI"), SF_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  /* Other test programs may make it at the same time */
  sf_db_exec (db,
              "DO $$ BEGIN"
              "  CREATE ROLE " PW_ROLE " LOGIN SUPERUSER;"
              " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;"
              " END $$",
              &error);
  g_assert_no_error (error);
  sf_db_exec (db, "ALTER ROLE " PW_ROLE " PASSWORD '" PW_RIGHT "'", &error);
  g_assert_no_error (error);
  return TRUE;
}

static void
test_password (void)
{
  g_autofree char *uri = sf_test_pg_new_server_database ();
  g_autofree char *database = uri_database (uri);
  g_autofree char *dir = NULL;
  g_autoptr(SfStore) file_store = sf_test_open_store (&dir);
  SfWindow *parent = sf_test_present_window (file_store);
  g_autoptr(SfServerParams) params = sf_server_params_new ();
  g_autofree char *location = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  Connected connected = { 0 };
  SfConnectDialog *dialog;

  make_password_role ();
  g_free (params->host);
  params->host = server_socket_dir ();
  g_free (params->database);
  params->database = g_strdup (database);
  g_free (params->user);
  params->user = g_strdup (PW_ROLE);
  location = sf_server_params_to_location (params);

  dialog = sf_connect_dialog_new (GTK_WINDOW (parent), params);
  g_signal_connect (dialog, "connected", G_CALLBACK (on_connected_cb), &connected);
  gtk_window_present (GTK_WINDOW (dialog));

  sf_connect_dialog_fill (dialog, params, "wrong");
  sf_connect_dialog_connect (dialog);
  g_assert_true (wait_long (dialog_done, dialog, 20));
  if (connected.store != NULL)
    {
      /* A server of one's own that trusts every local user */
      g_test_skip ("the server asks " PW_ROLE " for no password (build-aux/pg-cluster does)");
      sf_test_destroy_toplevels ();
      g_clear_object (&connected.store);
      sf_server_params_free (connected.params);
      sf_test_pg_drop_database (g_steal_pointer (&uri));
      return;
    }
  g_assert_cmpstr (sf_connect_dialog_get_error (dialog), ==, "Wrong User Name or Password");
  /* Neither kept nor shown */
  kept = sf_password_store_lookup (params->host, params->port, params->database, params->user, &error);
  g_assert_no_error (error);
  g_assert_null (kept);
  g_assert_null (strstr (sf_connect_dialog_get_error (dialog), "wrong"));

  sf_connect_dialog_fill (dialog, params, PW_RIGHT);
  sf_connect_dialog_connect (dialog);
  g_assert_true (wait_long (dialog_done, dialog, 20));
  g_assert_null (sf_connect_dialog_get_error (dialog));
  g_assert_nonnull (connected.store);
  /* Kept in the keyring (here: its stand-in in memory), not in the
   * location or the settings */
  g_assert_null (strstr (sf_store_get_path (connected.store), PW_RIGHT));
  kept = sf_password_store_lookup (params->host, params->port, params->database, params->user, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, PW_RIGHT);

  /* The next start finds the server in the settings and the password in
   * the keyring, and opens the window on it */
  sf_test_destroy_toplevels ();
  g_clear_object (&connected.store);
  sf_server_params_free (connected.params);
  sf_db_set_password (location, NULL);
  settings = sf_server_choice_settings ();
  g_assert_nonnull (settings);
  sf_server_choice_save_server (settings, params);
  {
    g_autoptr(SfApplication) app = sf_application_new_for_database (NULL);
    g_autofree char *expected = g_strdup_printf ("%s on this computer", database);
    SfWindow *window;

    /* Each test's application exports itself on the session bus under an
     * id of its own */
    g_application_set_application_id (G_APPLICATION (app), APPLICATION_ID ".Test1");
    g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
    g_assert_no_error (error);
    g_application_activate (G_APPLICATION (app));
    g_assert_nonnull (sf_application_get_start_window (app));
    g_assert_true (wait_long ((gboolean (*) (gpointer)) sf_test_find_toplevel,
                              (gpointer) SF_TYPE_WINDOW, 20));
    window = sf_test_find_toplevel (SF_TYPE_WINDOW);
    g_assert_cmpstr (sf_window_get_database_label (window), ==, expected);
    g_assert_null (sf_application_get_start_window (app));
    /* Nothing of the password in the settings */
    {
      g_autoptr(GSettingsSchema) schema = NULL;
      g_auto(GStrv) keys = NULL;

      g_object_get (settings, "settings-schema", &schema, NULL);
      keys = g_settings_schema_list_keys (schema);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
          g_autofree char *text = g_variant_print (value, FALSE);

          g_assert_null (strstr (text, PW_RIGHT));
        }
    }
    sf_test_destroy_toplevels ();
  }
  sf_server_choice_save_file (settings, NULL);
  sf_password_store_clear (params->host, params->port, params->database, params->user, NULL);
  sf_test_pg_drop_database (g_steal_pointer (&uri));
}

/* ---- the server down at start ---- */

static gboolean
start_page_says_unreachable (gpointer data)
{
  SfApplication *app = data;
  GtkWidget *window = sf_application_get_start_window (app);

  return window != NULL &&
         sf_test_find_label (window, "The Server Cannot Be Reached") != NULL;
}

static void
test_server_down_at_start (void)
{
  g_autofree char *uri = sf_test_pg_new_server_database ();
  g_autofree char *database = uri_database (uri);
  char *link_dir = make_link_dir ();
  g_autofree char *location = g_strdup_printf ("postgresql:///%s?host=%s", database, link_dir);
  g_autoptr(SfApplication) app = sf_application_new_for_database (location);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("%s on this computer", database);
  GtkWidget *start;
  GtkWidget *retry;
  SfWindow *window;

  g_application_set_application_id (G_APPLICATION (app), APPLICATION_ID ".Test2");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  /* Said plainly, with the ways on */
  g_assert_true (wait_long (start_page_says_unreachable, app, 20));
  start = sf_application_get_start_window (app);
  g_assert_nonnull (sf_test_find_button (start, "Use _Local File…"));
  g_assert_nonnull (sf_test_find_button (start, "_Connect to Another Server…"));
  retry = sf_test_find_button (start, "_Try Again");
  g_assert_nonnull (retry);
  g_assert_null (sf_test_find_toplevel (SF_TYPE_WINDOW));

  /* The server is back: trying again opens the window on it */
  link_server (link_dir, TRUE);
  /* (not sf_test_click(): its wait for a frame would include building the
   * whole window, which a loaded machine may take longer over) */
  g_signal_emit_by_name (retry, "clicked");
  g_assert_true (wait_long ((gboolean (*) (gpointer)) sf_test_find_toplevel,
                            (gpointer) SF_TYPE_WINDOW, 20));
  window = sf_test_find_toplevel (SF_TYPE_WINDOW);
  g_assert_cmpstr (sf_window_get_database_label (window), ==, expected);
  g_assert_null (sf_application_get_start_window (app));

  sf_test_destroy_toplevels ();
  remove_link_dir (link_dir);
  sf_test_pg_drop_database (g_steal_pointer (&uri));
}

/* ---- switching: a server from the menu, then a local file ---- */

static gboolean
window_on (gpointer data)
{
  SfWindow *window = sf_test_find_toplevel (SF_TYPE_WINDOW);

  return window != NULL && g_strcmp0 (sf_window_get_database_label (window), data) == 0;
}

static void
test_switch (void)
{
  g_autofree char *uri = sf_test_pg_new_server_database ();
  g_autofree char *database = uri_database (uri);
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *file = g_build_filename (dir, "kommune.db", NULL);
  g_autofree char *other = g_build_filename (dir, "andet.db", NULL);
  g_autoptr(SfApplication) app = sf_application_new_for_database (file);
  g_autoptr(SfServerParams) params = sf_server_params_new ();
  g_autoptr(GSettings) settings = sf_server_choice_settings ();
  g_autofree char *expected = g_strdup_printf ("%s on this computer", database);
  g_autofree char *kind = NULL;
  g_autofree char *remembered = NULL;
  g_autoptr(GError) error = NULL;
  SfConnectDialog *dialog;

  g_application_set_application_id (G_APPLICATION (app), APPLICATION_ID ".Test3");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  g_assert_true (wait_long (window_on, "kommune.db", 20));

  /* Connect to Shared Database… from the main menu */
  g_action_group_activate_action (G_ACTION_GROUP (app), "connect", NULL);
  dialog = sf_test_find_toplevel (SF_TYPE_CONNECT_DIALOG);
  g_assert_nonnull (dialog);
  g_free (params->host);
  params->host = server_socket_dir ();
  g_free (params->database);
  params->database = g_strdup (database);
  sf_connect_dialog_fill (dialog, params, NULL);
  sf_connect_dialog_connect (dialog);
  g_assert_true (wait_long (window_on, expected, 20));
  sf_test_wait_for_frame ();
  /* One window, on the server; the dialog gone; the choice kept */
  g_assert_null (sf_test_find_toplevel (SF_TYPE_CONNECT_DIALOG));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  kind = g_settings_get_string (settings, "database-kind");
  g_assert_cmpstr (kind, ==, "server");
  remembered = g_settings_get_string (settings, "server-database");
  g_assert_cmpstr (remembered, ==, database);

  /* Use Local File… */
  g_assert_true (sf_application_use_local_file (app, other, &error));
  g_assert_no_error (error);
  g_assert_true (wait_long (window_on, "andet.db", 20));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_clear_pointer (&kind, g_free);
  kind = g_settings_get_string (settings, "database-kind");
  g_assert_cmpstr (kind, ==, "file");
  g_clear_pointer (&remembered, g_free);
  remembered = g_settings_get_string (settings, "database-file");
  g_assert_cmpstr (remembered, ==, other);

  sf_test_destroy_toplevels ();
  sf_server_choice_save_file (settings, NULL);
  sf_test_pg_drop_database (g_steal_pointer (&uri));
}

/* ---- the connection lost while the window is open ---- */

typedef struct
{
  SfWindow *window;
  guint     reloads;
} LostWatch;

static void
on_context_changed_cb (SfContext              *context,
                       const SfContextChanges *changes,
                       LostWatch              *watch)
{
  if (changes->what & SF_CONTEXT_EVERYTHING)
    watch->reloads++;
}

static gboolean
connection_lost (gpointer data)
{
  LostWatch *watch = data;

  sf_window_check_for_changes (watch->window);
  return sf_window_is_connection_lost (watch->window);
}

static gboolean
connection_back (gpointer data)
{
  LostWatch *watch = data;

  return !sf_window_is_connection_lost (watch->window) && watch->reloads > 0;
}

static gboolean
banner_revealed (GtkWidget *banner)
{
  gboolean revealed;

  if (GTK_IS_REVEALER (banner))
    return gtk_revealer_get_reveal_child (GTK_REVEALER (banner));
  g_object_get (banner, "revealed", &revealed, NULL);
  return revealed;
}

static void
test_connection_lost (void)
{
  g_autofree char *uri = sf_test_pg_new_server_database ();
  g_autofree char *database = uri_database (uri);
  char *link_dir = make_link_dir ();
  g_autofree char *location = g_strdup_printf ("postgresql:///%s?host=%s", database, link_dir);
  g_autofree char *terminate = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = NULL;
  g_autofree char *value = NULL;
  LostWatch watch = { 0 };
  GtkWidget *banner;

  link_server (link_dir, TRUE);
  store = sf_store_open (location, &error);
  g_assert_no_error (error);
  sf_test_import_example (store);
  watch.window = sf_test_present_window (store);
  g_signal_connect (sf_window_get_context (watch.window), "changed",
                    G_CALLBACK (on_context_changed_cb), &watch);
  sf_test_wait_for_frame ();
  banner = sf_window_get_connection_banner (watch.window);
  g_assert_false (banner_revealed (banner));
  g_assert_cmpstr (sf_window_get_visible_page (watch.window), ==, "roster");

  /* The server ends the window's session, and cannot be reached again */
  link_server (link_dir, FALSE);
  terminate = g_strdup_printf ("SELECT count(pg_terminate_backend (pid)) FROM pg_stat_activity "
                               "WHERE datname = '%s' AND pid <> pg_backend_pid ()", database);
  value = sf_test_pg_query (g_getenv ("SF_TEST_PG_URI"), terminate);
  g_assert_cmpstr (value, ==, "1");

  g_assert_true (wait_long (connection_lost, &watch, 20));
  sf_test_wait_for_frame ();
  g_assert_true (banner_revealed (banner));
  g_assert_true (gtk_widget_get_mapped (banner));
  /* Edits held back: the pages take no input, the window's writing
   * actions are off */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (sf_window_get_roster_page (watch.window))));
  gtk_widget_activate_action (GTK_WIDGET (watch.window), "win.new-team", NULL);
  sf_test_wait_for_frame ();
  /* (it would have gone to the Teams page with a new team's form) */
  g_assert_cmpstr (sf_window_get_visible_page (watch.window), ==, "roster");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);
  /* An edit that was under way is refused as a whole, with a message
   * that says what to do */
  g_assert_false (sf_store_set_setting (store, "full-time-hours", "30", &error));
  g_assert_error (error, SF_DB_ERROR, SF_DB_ERROR_CONNECTION);
  g_assert_nonnull (strstr (error->message, "nothing was changed"));
  g_clear_error (&error);

  /* The server is back: the window reconnects by itself and reads
   * everything again */
  watch.reloads = 0;
  link_server (link_dir, TRUE);
  g_assert_true (wait_long (connection_back, &watch, 60));
  sf_test_wait_for_frame ();
  g_assert_false (banner_revealed (banner));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (sf_window_get_roster_page (watch.window))));
  g_assert_cmpstr (sf_window_get_visible_page (watch.window), ==, "roster");
  g_assert_true (sf_store_set_setting (store, "full-time-hours", "30", &error));
  g_assert_no_error (error);

  sf_test_destroy_toplevels ();
  g_clear_object (&store);
  remove_link_dir (link_dir);
  sf_test_pg_drop_database (g_steal_pointer (&uri));
}

/* The banner's words, and its button's (NULL when it shows none) */
static char *
banner_text (GtkWidget  *banner,
             char      **button)
{
  char *title = NULL;

  if (GTK_IS_REVEALER (banner))
    {
      GtkWidget *box = gtk_revealer_get_child (GTK_REVEALER (banner));
      GtkWidget *label = gtk_widget_get_first_child (box);
      GtkWidget *clickable = gtk_widget_get_next_sibling (label);

      *button = gtk_widget_get_visible (clickable)
                ? g_strdup (gtk_button_get_label (GTK_BUTTON (clickable))) : NULL;
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (clickable)), ==, "app.connect");
      return g_strdup (gtk_label_get_label (GTK_LABEL (label)));
    }
  g_object_get (banner, "title", &title, "button-label", button, NULL);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner)), ==, "app.connect");
  if (*button != NULL && **button == '\0')
    g_clear_pointer (button, g_free);
  return title;
}

static gboolean
password_refused (gpointer data)
{
  LostWatch *watch = data;

  sf_window_check_for_changes (watch->window);
  return sf_window_is_password_refused (watch->window);
}

/* The password changes on the server while the window is open, and the
 * connection is lost: reconnecting with the old one is refused, and the
 * banner says the password is why and offers to connect again (the
 * connect dialog) instead of trying the old one again and again. */
static void
test_password_changed (void)
{
  g_autofree char *uri = sf_test_pg_new_server_database ();
  g_autofree char *database = uri_database (uri);
  g_autofree char *socket_dir = server_socket_dir ();
  g_autofree char *location = g_strdup_printf ("postgresql:///%s?host=%s&user=" PW_ROLE,
                                               database, socket_dir);
  g_autofree char *terminate = NULL;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  g_autofree char *button = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = NULL;
  LostWatch watch = { 0 };
  GtkWidget *banner;

  make_password_role ();
  sf_db_set_password (location, PW_RIGHT);
  store = sf_store_open (location, &error);
  g_assert_no_error (error);
  sf_test_import_example (store);
  watch.window = sf_test_present_window (store);
  sf_test_wait_for_frame ();
  banner = sf_window_get_connection_banner (watch.window);
  g_assert_false (banner_revealed (banner));

  /* Someone gives the role a new password, and the window's session ends */
  g_free (sf_test_pg_query (g_getenv ("SF_TEST_PG_URI"),
                            "ALTER ROLE " PW_ROLE " PASSWORD 'Ny-kode-2027!'"));
  terminate = g_strdup_printf ("SELECT count(pg_terminate_backend (pid)) > 0 FROM pg_stat_activity "
                               "WHERE datname = '%s' AND pid <> pg_backend_pid ()", database);
  value = sf_test_pg_query (g_getenv ("SF_TEST_PG_URI"), terminate);
  g_assert_cmpstr (value, ==, "1");

  g_assert_true (wait_long (password_refused, &watch, 30));
  sf_test_wait_for_frame ();
  g_assert_true (sf_window_is_connection_lost (watch.window));
  g_assert_true (banner_revealed (banner));
  text = banner_text (banner, &button);
  g_assert_nonnull (strstr (text, "no longer accepts the password"));
  g_assert_cmpstr (button, ==, "Connect…");
  /* Edits are still held back */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (sf_window_get_roster_page (watch.window))));

  sf_test_destroy_toplevels ();
  g_clear_object (&store);
  sf_db_set_password (location, NULL);
  g_free (sf_test_pg_query (g_getenv ("SF_TEST_PG_URI"), "ALTER ROLE " PW_ROLE " PASSWORD '" PW_RIGHT "'"));
  sf_test_pg_drop_database (g_steal_pointer (&uri));
}

int
main (int   argc,
      char *argv[])
{
  sf_test_pg_require (argc, argv);
  /* The keyring's stand-in: no Secret Service daemon in tests */
  g_setenv ("SF_PASSWORD_STORE", "memory", TRUE);
  sf_test_gui_init (&argc, &argv);

  g_test_add_func ("/connect/dialog", test_connect_dialog);
  g_test_add_func ("/connect/password", test_password);
  g_test_add_func ("/connect/server-down-at-start", test_server_down_at_start);
  g_test_add_func ("/connect/switch", test_switch);
  g_test_add_func ("/connect/connection-lost", test_connection_lost);
  g_test_add_func ("/connect/password-changed", test_password_changed);

  return g_test_run ();
}
