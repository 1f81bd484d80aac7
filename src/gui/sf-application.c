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
#include "sf-dialog-fit.h"
#include "sf-preferences-window.h"
#include "sf-window.h"

struct _SfApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  SfStore        *store;
  SfContext      *context;      /* what the window shows of @store */
  GError         *open_error;
};

G_DEFINE_FINAL_TYPE (SfApplication, sf_application, ADW_TYPE_APPLICATION)

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
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  SfPreferencesWindow *preferences;

  if (!SF_IS_WINDOW (active))
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
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (SF_IS_WINDOW (window))
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

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "show-alerts", show_alerts_action },
  { "preferences", preferences_action },
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

static void
show_damage_found (SfApplication *self,
                   GtkWindow     *window,
                   const GError  *damage)
{
  g_autoptr(SfBackup) newest = sf_backup_find_sound (self->database_path);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (newest != NULL)
    {
      g_autofree char *when = sf_backup_format_taken (newest);

      /* Translators: the first %s says what is wrong, the second is a file
       * name, the third a date and time */
      body = g_strdup_printf (_("%s\n\nDatabase file: %s\n\nThe newest sound backup was made on %s. Restore "
                                "it to go on from there: changes made since then are lost. The damaged file "
                                "is kept beside the backups."),
                              damage->message, self->database_path, when);
    }
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
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", _("_Restore Backup"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
      g_object_set_data_full (G_OBJECT (dialog), "sf-backup", g_strdup (newest->path), g_free);
    }
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
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (SF_IS_WINDOW (window))
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

  sf_backup_set_daily (self->store, TRUE);
  sf_backup_check_daily (self->store);

  if (self->context == NULL)
    self->context = sf_context_new (self->store);
  window = GTK_WINDOW (sf_window_new (GTK_APPLICATION (self), self->context));
  /* For build-aux/benchmark.py: SF_BENCHMARK_PAGE=alerts opens on that page */
  if (g_getenv ("SF_BENCHMARK_PAGE") != NULL)
    sf_window_show_page (SF_WINDOW (window), g_getenv ("SF_BENCHMARK_PAGE"));
  gtk_window_present (window);
  quit_after_first_frame (self, window);
  notify_new_errors (self);
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
    {
      g_autofree char *when = sf_backup_format_taken (newest);

      /* Translators: the first %s says what went wrong, the second is a file
       * name, the third a date and time */
      body = g_strdup_printf (_("%s\n\nDatabase file: %s\n\nThe newest sound backup was made on %s. Restore "
                                "it to go on from there: changes made since then are lost. The damaged file "
                                "is kept beside the backups."),
                              self->open_error->message, self->database_path, when);
    }
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
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", _("_Restore Backup"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
      g_object_set_data_full (G_OBJECT (dialog), "sf-backup", g_strdup (newest->path), g_free);
    }
  /* The app lives on while the dialog closes and the window opens */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response_cb), self, 0);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static int
sf_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  SfApplication *self = SF_APPLICATION (application);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      g_free (self->database_path);
      /* A server's connection URI as it is; a file's path made absolute */
      self->database_path = sf_db_location_is_uri (path) ? g_strdup (path) : g_file_get_path (file);

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

  G_APPLICATION_CLASS (sf_application_parent_class)->startup (application);
  sf_dialog_fit_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (gtk_app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "window.close", (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-help-overlay", (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.search", (const char *[]) { "<Control>f", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.import-roster", (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.suggest", (const char *[]) { "<Control><Shift>n", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.preferences", (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.new-caseworker", (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.new-team", (const char *[]) { "<Control>t", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.import-cases", (const char *[]) { "<Control><Shift>o", NULL });
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-page::%s", pages[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);

      gtk_application_set_accels_for_action (gtk_app, detailed, (const char *[]) { accel, NULL });
    }

  if (self->database_path == NULL)
    self->database_path = sf_store_default_path ();

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

const char *
sf_application_get_database_path (SfApplication *self)
{
  g_return_val_if_fail (SF_IS_APPLICATION (self), NULL);

  return self->database_path;
}
