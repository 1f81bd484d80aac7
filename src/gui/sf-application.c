/* sf-application.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-error-dialog.h"
#include "sf-application.h"
#include "sf-connect-dialog.h"
#include "sf-dialog-fit.h"
#include "sf-export-chooser.h"
#include "sf-preferences-window.h"
#include "sf-server-choice.h"
#include "sf-window.h"

struct _SfApplication
{
  AdwApplication  parent_instance;

  char           *database_path;  /* a file, or a server's URI */
  SfStore        *store;
  SfContext      *context;      /* what the window shows of @store */
  GError         *open_error;

  /* The choice of the main menu (Connect to Shared Database…, Use Local
   * File…), remembered for the next start */
  GSettings      *settings;
  SfServerParams *server;       /* the server chosen, while it is the one open */
  GtkWidget      *start_window; /* while a server is connected to at start */
  GCancellable   *start_cancellable;
  GtkFileChooserNative *file_chooser;
};

G_DEFINE_FINAL_TYPE (SfApplication, sf_application, ADW_TYPE_APPLICATION)

/* The application's window in front, or NULL (none, or another window) */
static GtkWindow *
active_window (SfApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return SF_IS_WINDOW (window) ? window : NULL;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SfApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  g_autoptr(GList) copy = g_list_copy (windows);

  /* Closing lets each window keep its size; the last one ends the app */
  for (GList *l = copy; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SfApplication *self = user_data;
  static const char *developers[] = { "Sagsfordeling contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", "Sagsfordeling",
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "Sagsfordeling contributors",
                        "developers", developers,
                        "copyright", "© 2026 Sagsfordeling contributors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/sagsfordeling/sagsfordeling",
                        "issue-url", "https://github.com/sagsfordeling/sagsfordeling/issues",
                        /* Translators: your names, one a line, as they should be credited */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Check that each caseworker’s weighted caseload fits their adjusted norm. "
                                      "The norms follow the recommended caseloads of Dansk Socialrådgiverforening."),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

/* The settings of the database the active window shows */
static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SfApplication *self = user_data;
  GtkWindow *active = active_window (self);
  SfPreferencesWindow *preferences;

  if (active == NULL)
    return;

  preferences = sf_preferences_window_new (active, self->context);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* From the notification of new errors: the window, on its Alerts page. */
static void
show_alerts_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SfApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = active_window (self);
  if (window != NULL)
    {
      sf_window_show_page (SF_WINDOW (window), "alerts");
      gtk_window_present (window);
    }
}

/* At start-up: a desktop notification when there are unacknowledged errors
 * that the last start did not see (the decision is the core's). */
static void
notify_new_errors (SfApplication *self)
{
  GPtrArray *alerts = sf_context_get_alerts (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_auto(GStrv) fresh = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  if (alerts == NULL)
    return;
  fresh = sf_alerts_take_new_errors (self->store, "gui", alerts, &error);
  if (fresh == NULL)
    {
      g_message ("Could not compare the alerts with the last start: %s", error->message);
      return;
    }
  if (!sf_alerts_new_errors_notice ((const char * const *) fresh, &title, &body))
    return;

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-alerts");
  g_application_send_notification (G_APPLICATION (self), "new-errors", notification);
}

static void connect_action (GSimpleAction *action, GVariant *parameter, gpointer user_data);
static void use_local_file_action (GSimpleAction *action, GVariant *parameter, gpointer user_data);

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "show-alerts", show_alerts_action },
  { "preferences", preferences_action },
  { "connect", connect_action },
  { "use-local-file", use_local_file_action },
};

static void show_open_error (SfApplication *self);

/* The store is open: the window, and today's backup if there is none. */
/* For build-aux/benchmark.py: with SF_BENCHMARK_EXIT_AFTER_FIRST_FRAME=1
 * in the environment the application quits once the window has painted
 * its first frame.  The window fills its pages before it is first shown,
 * so that frame shows the roster (or the empty state); timing the whole
 * run gives start-up to first frame with data shown. */
static void
on_first_frame_painted_cb (GdkFrameClock *clock,
                           GApplication  *application)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted_cb, application);
  g_application_quit (application);
}

static void
quit_after_first_frame (SfApplication *self,
                        GtkWindow     *window)
{
  GdkFrameClock *clock;

  if (g_strcmp0 (g_getenv ("SF_BENCHMARK_EXIT_AFTER_FIRST_FRAME"), "1") != 0)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock == NULL)
    {
      g_warning ("SF_BENCHMARK_EXIT_AFTER_FIRST_FRAME: the window has no frame clock");
      return;
    }
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_frame_painted_cb), self, 0);
}

/* Damage found once the window is open: restore the newest sound backup
 * over it (the damaged file is kept beside the backups), or go on. */
static void
on_damage_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SfApplication    *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "sf-backup");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0 || backup == NULL || self->store == NULL)
    return;
  if (!sf_backup_restore (self->database_path, backup, &error) ||
      !sf_store_reopen (self->store, &error))
    sf_error_dialog_show (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                          _("The Backup Was Not Restored"), error->message);
}

/* What a dialog says of a damaged database file (@problem says what is
 * wrong) when there is a sound backup, @newest, to restore. */
static char *
restore_body (SfApplication  *self,
              const char     *problem,
              const SfBackup *newest)
{
  g_autofree char *when = sf_backup_format_taken (newest);

  /* Translators: the first %s says what is wrong, the second is a file
   * name, the third a date and time */
  return g_strdup_printf (_("%s\n\nDatabase file: %s\n\nThe newest sound backup was made on %s. Restore "
                            "it to go on from there: changes made since then are lost. The damaged file "
                            "is kept beside the backups."),
                          problem, self->database_path, when);
}

/* Offers to restore @newest: the dialog's suggested response "restore",
 * the backup's path in its data "sf-backup" */
static void
offer_restore (AdwMessageDialog *dialog,
               const SfBackup   *newest)
{
  adw_message_dialog_add_response (dialog, "restore", _("_Restore Backup"));
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  g_object_set_data_full (G_OBJECT (dialog), "sf-backup", g_strdup (newest->path), g_free);
}

static void
show_damage_found (SfApplication *self,
                   GtkWindow     *window,
                   const GError  *damage)
{
  g_autoptr(SfBackup) newest = sf_backup_find_sound (self->database_path);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (newest != NULL)
    body = restore_body (self, damage->message, newest);
  else
    /* Translators: the first %s says what is wrong, the second is a file name */
    body = g_strdup_printf (_("%s\n\nDatabase file: %s\n\nThere is no sound backup to restore. Make no more "
                              "changes, and ask your IT support to recover the file."),
                            damage->message, self->database_path);

  dialog = adw_message_dialog_new (window, _("The Database Is Damaged"), body);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Go On"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  if (newest != NULL)
    offer_restore (ADW_MESSAGE_DIALOG (dialog), newest);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_damage_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (sf_store_check_file (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_check_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SfApplication *self = SF_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (g_task_propagate_boolean (G_TASK (result), &error) ||
      !g_error_matches (error, SF_ERROR, SF_ERROR_CORRUPT))
    return;
  window = active_window (self);
  if (window != NULL)
    show_damage_found (self, window, error);
}

/* Once the window has shown its first frame, the whole file is checked in
 * a thread of its own (on its own read-only connection): damage that lets
 * the file open (a broken index gives wrong figures) is said at once. */
static gboolean
start_check_cb (gpointer user_data)
{
  SfApplication *self = user_data;
  g_autoptr(GTask) task = g_task_new (self, NULL, on_check_done_cb, NULL);

  g_task_set_task_data (task, g_strdup (self->database_path), g_free);
  g_task_run_in_thread (task, check_in_thread);
  return G_SOURCE_REMOVE;
}

static void
open_window (SfApplication *self)
{
  GtkWindow *window;
  gboolean server = sf_db_location_is_uri (self->database_path);

  /* A server's own backups apply (docs/store.md); a file gets a daily one */
  if (!server)
    {
      sf_backup_set_daily (self->store, TRUE);
      sf_backup_check_daily (self->store);
    }

  if (self->context == NULL)
    self->context = sf_context_new (self->store);
  window = GTK_WINDOW (sf_window_new (GTK_APPLICATION (self), self->context));
  /* For build-aux/benchmark.py: SF_BENCHMARK_PAGE=alerts opens on that page */
  if (g_getenv ("SF_BENCHMARK_PAGE") != NULL)
    sf_window_show_page (SF_WINDOW (window), g_getenv ("SF_BENCHMARK_PAGE"));
  gtk_window_present (window);
  quit_after_first_frame (self, window);
  notify_new_errors (self);
  if (!server)
    g_idle_add_full (G_PRIORITY_LOW, start_check_cb, g_object_ref (self), g_object_unref);
}

static void
on_open_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           SfApplication    *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "sf-backup");

  if (g_strcmp0 (response, "restore") == 0 && backup != NULL)
    {
      g_clear_error (&self->open_error);
      if (sf_backup_restore (self->database_path, backup, &self->open_error))
        {
          g_clear_object (&self->context);
          g_clear_object (&self->store);
          self->store = sf_backup_open_store (self->database_path, &self->open_error);
        }
      if (self->store != NULL)
        {
          open_window (self);
          g_application_release (G_APPLICATION (self));
          return;
        }
      /* The backup would not do either: say why, and offer the next one */
      show_open_error (self);
    }
  g_application_release (G_APPLICATION (self));
}

/* The database cannot be opened.  When it is damaged (truncated, or not a
 * database at all) and there is a sound backup, offer to restore the newest;
 * otherwise say what is wrong and where the file is. */
static void
show_open_error (SfApplication *self)
{
  g_autoptr(SfBackup) newest = NULL;
  g_autofree char *body = NULL;
  gboolean damaged;
  GtkWidget *dialog;

  damaged = g_error_matches (self->open_error, SF_ERROR, SF_ERROR_CORRUPT) ||
            g_error_matches (self->open_error, SF_ERROR, SF_ERROR_DATABASE);
  /* Only a backup that is complete and sound is offered */
  if (damaged)
    newest = sf_backup_find_sound (self->database_path);

  if (newest != NULL)
    body = restore_body (self, self->open_error->message, newest);
  else if (damaged)
    body = g_strdup_printf (_("%s\n\nDatabase file: %s\n\nThere is no sound backup to restore. Ask your IT "
                              "support to recover the file, or move it away to start afresh."),
                            self->open_error->message, self->database_path);
  else
    /* Translators: the first %s says what went wrong, the second is a file name */
    body = g_strdup_printf (_("%s\n\nDatabase file: %s"),
                            self->open_error->message,
                            self->database_path);

  dialog = adw_message_dialog_new (NULL, damaged ? _("The Database Is Damaged") : _("Could Not Open the Database"),
                                   body);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  if (newest != NULL)
    offer_restore (ADW_MESSAGE_DIALOG (dialog), newest);
  /* The app lives on while the dialog closes and the window opens */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response_cb), self, 0);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- which database: switching, and a server at start ------------------- */

/* The windows of the database open until now go once the new one's is
 * shown (so the application never runs out of windows in between). */
static void
switch_to (SfApplication *self,
           SfStore       *store,
           const char    *location)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  g_autoptr(GList) old = g_list_copy (windows);

  g_list_foreach (old, (GFunc) g_object_ref, NULL);
  g_clear_object (&self->context);
  g_set_object (&self->store, store);
  g_clear_error (&self->open_error);
  g_free (self->database_path);
  self->database_path = g_strdup (location);
  open_window (self);

  for (GList *l = old; l != NULL; l = l->next)
    {
      if (l->data == self->start_window)
        self->start_window = NULL;
      /* Closing lets a main window keep its size and page */
      if (SF_IS_WINDOW (l->data))
        gtk_window_close (GTK_WINDOW (l->data));
      else
        gtk_window_destroy (GTK_WINDOW (l->data));
    }
  g_list_free_full (g_steal_pointer (&old), g_object_unref);
}

static void
on_connect_dialog_connected_cb (SfConnectDialog      *dialog,
                                SfStore              *store,
                                const SfServerParams *params,
                                SfApplication        *self)
{
  g_autofree char *location = sf_server_params_to_location (params);

  sf_server_choice_save_server (self->settings, params);
  g_clear_pointer (&self->server, sf_server_params_free);
  self->server = sf_server_params_copy (params);
  /* The dialog lives on until its connection's task lets go of it, after
   * its parent window has gone */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  switch_to (self, store, location);
}

static void
connect_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SfApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(SfServerParams) params = sf_server_choice_load_params (self->settings);
  SfConnectDialog *dialog;

  dialog = sf_connect_dialog_new (parent, self->server != NULL ? self->server : params);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_connect_dialog_connected_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens the file @path (made if it is not there), switches to it and
 * remembers it for the next start (Use Local File…) */
gboolean
sf_application_use_local_file (SfApplication  *self,
                               const char     *path,
                               GError        **error)
{
  g_autoptr(SfStore) store = sf_backup_open_store (path, error);
  g_autofree char *default_path = sf_store_default_path ();

  if (store == NULL)
    return FALSE;
  sf_server_choice_save_file (self->settings, g_strcmp0 (path, default_path) == 0 ? NULL : path);
  g_clear_pointer (&self->server, sf_server_params_free);
  switch_to (self, store, path);
  return TRUE;
}

static void
on_file_chooser_response_cb (SfApplication        *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (GTK_NATIVE_DIALOG (chooser));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL && !sf_application_use_local_file (self, path, &error))
    sf_error_dialog_show (parent, _("Could Not Open the Database"), error->message);
  if (self->file_chooser == chooser)
    g_clear_object (&self->file_chooser);
}

static void
use_local_file_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SfApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) db_filter = gtk_file_filter_new ();
  g_autofree char *default_path = sf_store_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);
  g_autoptr(GFile) folder = g_file_new_for_path (default_dir);
  g_autoptr(GFile) default_file = g_file_new_for_path (default_path);
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (db_filter, _("Sagsfordeling Databases"));
  gtk_file_filter_add_pattern (db_filter, "*.db");
  chooser = sf_open_chooser_new (&self->file_chooser, parent, _("Use Local File"), _("_Open"), db_filter,
                                 G_CALLBACK (on_file_chooser_response_cb), self);
  /* The default file, chosen already: Open goes back to it */
  g_mkdir_with_parents (default_dir, 0700);
  if (g_file_query_exists (default_file, NULL))
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), default_file, NULL);
  else
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void start_connecting (SfApplication *self);

static void
on_retry_clicked_cb (SfApplication *self)
{
  start_connecting (self);
}

/* The start window's page: connecting (a spinner), or what failed with
 * the ways on: try again, a local file, another server */
static void
show_start_page (SfApplication *self,
                 const GError  *error)
{
  g_autofree char *what = sf_describe_location (self->database_path);
  AdwStatusPage *page;
  GtkWidget *box;

  if (self->start_window == NULL)
    {
      GtkWidget *header = adw_header_bar_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      self->start_window = adw_application_window_new (GTK_APPLICATION (self));
      gtk_window_set_title (GTK_WINDOW (self->start_window), "Sagsfordeling");
      gtk_window_set_default_size (GTK_WINDOW (self->start_window), 720, 540);
      gtk_box_append (GTK_BOX (content), header);
      page = ADW_STATUS_PAGE (adw_status_page_new ());
      gtk_widget_set_name (GTK_WIDGET (page), "sf-start-page");
      gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);
      gtk_box_append (GTK_BOX (content), GTK_WIDGET (page));
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (self->start_window), content);
      g_object_set_data (G_OBJECT (self->start_window), "sf-page", page);
    }
  page = g_object_get_data (G_OBJECT (self->start_window), "sf-page");

  if (error == NULL)
    {
      g_autofree char *title = NULL;
      GtkWidget *spinner = gtk_spinner_new ();

      /* Translators: %s says which database, e.g. "sagsfordeling on db.kommune.dk" */
      title = g_strdup_printf (_("Connecting to %s…"), what);
      adw_status_page_set_title (page, title);
      adw_status_page_set_description (page, NULL);
      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_widget_set_size_request (spinner, 32, 32);
      adw_status_page_set_child (page, spinner);
    }
  else
    {
      g_autofree char *description = NULL;
      g_autofree char *text = sf_server_error_text (error);
      GtkWidget *retry, *local, *other;

      adw_status_page_set_title (page, sf_server_error_heading (error));
      /* Translators: the first %s says which database, the second what
       * went wrong and what to do */
      description = g_strdup_printf (_("Sagsfordeling could not open %s.\n\n%s"), what, text);
      adw_status_page_set_description (page, description);

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
      retry = gtk_button_new_with_mnemonic (_("_Try Again"));
      gtk_widget_add_css_class (retry, "pill");
      gtk_widget_add_css_class (retry, "suggested-action");
      g_signal_connect_object (retry, "clicked", G_CALLBACK (on_retry_clicked_cb), self, G_CONNECT_SWAPPED);
      local = gtk_button_new_with_mnemonic (_("Use _Local File…"));
      gtk_widget_add_css_class (local, "pill");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (local), "app.use-local-file");
      other = gtk_button_new_with_mnemonic (_("_Connect to Another Server…"));
      gtk_widget_add_css_class (other, "pill");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (other), "app.connect");
      gtk_box_append (GTK_BOX (box), retry);
      gtk_box_append (GTK_BOX (box), local);
      gtk_box_append (GTK_BOX (box), other);
      adw_status_page_set_child (page, box);
    }
  gtk_window_present (GTK_WINDOW (self->start_window));
}

static void
on_start_connected_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  SfApplication *self = SF_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) store = sf_server_connect_finish (result, &error);
  g_autofree char *location = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->start_cancellable);
  if (store == NULL)
    {
      show_start_page (self, error);
      return;
    }
  location = g_strdup (self->database_path);
  switch_to (self, SF_STORE (store), location);
}

/* A server at start (remembered, or --database URI): its window waits
 * for the connection, made in a worker thread; the keyring gives the
 * password of a server chosen in the connect dialog. */
static void
start_connecting (SfApplication *self)
{
  show_start_page (self, NULL);
  g_cancellable_cancel (self->start_cancellable);
  g_clear_object (&self->start_cancellable);
  self->start_cancellable = g_cancellable_new ();
  sf_server_connect_async (self, self->database_path, self->server, NULL,
                           self->start_cancellable, on_start_connected_cb, NULL);
}

static int
sf_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  SfApplication *self = SF_APPLICATION (application);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_free (self->database_path);
      if (sf_db_location_is_uri (path))
        /* A server's URI, as given (libpq reads it) */
        self->database_path = g_steal_pointer (&path);
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

          self->database_path = g_file_get_path (file);
        }

      /* Another database than the running instance's: a separate instance */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
sf_application_startup (GApplication *application)
{
  SfApplication *self = SF_APPLICATION (application);
  GtkApplication *gtk_app = GTK_APPLICATION (application);
  /* The window's pages in the order of its view switcher, then the cases
   * (the Caseloads page's second view) */
  static const char * const pages[] = { "roster", "teams", "caseloads", "alerts", "checklists", "cases", "planning" };
  static const struct
  {
    const char *action;
    const char *accel;
  } accels[] = {
    { "app.quit", "<Control>q" },
    { "window.close", "<Control>w" },
    { "win.show-help-overlay", "<Control>question" },
    { "win.search", "<Control>f" },
    { "win.import-roster", "<Control>o" },
    { "win.suggest", "<Control><Shift>n" },
    { "app.preferences", "<Control>comma" },
    { "win.new-caseworker", "<Control>n" },
    { "win.new-team", "<Control>t" },
    { "win.import-cases", "<Control><Shift>o" },
    { "win.access", "<Control><Shift>a" },
  };

  G_APPLICATION_CLASS (sf_application_parent_class)->startup (application);
  sf_dialog_fit_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (gtk_app, accels[i].action, (const char *[]) { accels[i].accel, NULL });
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-page::%s", pages[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);

      gtk_application_set_accels_for_action (gtk_app, detailed, (const char *[]) { accel, NULL });
    }

  /* --database wins; else the choice remembered from the main menu */
  self->settings = sf_server_choice_settings ();
  if (self->database_path == NULL)
    self->database_path = sf_server_choice_load (self->settings, &self->server);
  if (self->database_path == NULL)
    self->database_path = sf_store_default_path ();

  /* A server is connected to once the app is running, off the main
   * thread (sf_application_activate()) */
  if (!sf_db_location_is_uri (self->database_path))
    self->store = sf_backup_open_store (self->database_path, &self->open_error);
}

static void
sf_application_activate (GApplication *application)
{
  SfApplication *self = SF_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL && sf_db_location_is_uri (self->database_path))
    {
      start_connecting (self);
      return;
    }
  if (self->store == NULL)
    {
      show_open_error (self);
      return;
    }

  open_window (self);
}

static void
sf_application_finalize (GObject *object)
{
  SfApplication *self = (SfApplication *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->store);
  g_clear_error (&self->open_error);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->server, sf_server_params_free);
  g_cancellable_cancel (self->start_cancellable);
  g_clear_object (&self->start_cancellable);
  g_clear_object (&self->file_chooser);

  G_OBJECT_CLASS (sf_application_parent_class)->finalize (object);
}

static void
sf_application_class_init (SfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sf_application_finalize;

  app_class->handle_local_options = sf_application_handle_local_options;
  app_class->startup = sf_application_startup;
  app_class->activate = sf_application_activate;
}

static void
sf_application_init (SfApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self),
                                 "database", 0,
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 _("Use the database at PATH instead of the default one"),
                                 _("PATH"));
}

SfApplication *
sf_application_new (void)
{
  return g_object_new (SF_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/sagsfordeling/Sagsfordeling",
                       NULL);
}

/* For tests: the application on @path, as --database PATH gives it. */
SfApplication *
sf_application_new_for_database (const char *path)
{
  SfApplication *self = sf_application_new ();

  self->database_path = g_strdup (path);
  g_application_set_flags (G_APPLICATION (self), G_APPLICATION_NON_UNIQUE);
  return self;
}

SfStore *
sf_application_get_store (SfApplication *self)
{
  g_return_val_if_fail (SF_IS_APPLICATION (self), NULL);

  return self->store;
}

GtkWidget *
sf_application_get_start_window (SfApplication *self)
{
  g_return_val_if_fail (SF_IS_APPLICATION (self), NULL);

  return self->start_window;
}
