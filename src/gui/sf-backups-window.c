/* sf-backups-window.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-error-dialog.h"
#include "sf-export-chooser.h"
#include "sf-backups-window.h"
#include "sf-store-copy.h"

/* The backups beside the database: when and why each was made, a backup
 * made now, and a restore that is itself undoable (the state it replaces
 * is backed up first).  A database on a server is backed up by the
 * server's own tools: there the window says so, and offers to export
 * everything into a database file on this computer (`copy`). */
struct _SfBackupsWindow
{
  AdwWindow            parent_instance;

  SfStore             *store;
  GPtrArray           *backups;        /* SfBackup, newest first */
  GPtrArray           *rows;           /* AdwActionRow, as backups */

  AdwToastOverlay     *toast_overlay;
  GtkButton           *back_up_button;
  GtkButton           *export_button;
  GtkFileChooserNative *export_chooser;
  AdwPreferencesGroup *backups_group;
  GtkListBox          *list_box;
};

G_DEFINE_FINAL_TYPE (SfBackupsWindow, sf_backups_window, ADW_TYPE_WINDOW)

static void
add_toast (SfBackupsWindow *self,
           const char      *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
on_restore_clicked_cb (GtkButton *button,
                       gpointer   user_data)
{
  SfBackupsWindow *self = SF_BACKUPS_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));

  sf_backups_window_confirm_restore (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sf-index")));
}

static gboolean
on_server (SfBackupsWindow *self)
{
  return sf_db_location_is_uri (sf_store_get_path (self->store));
}

static void
reload (SfBackupsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->backups, g_ptr_array_unref);

  if (on_server (self))
    {
      self->backups = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_backup_free);
      gtk_widget_set_visible (GTK_WIDGET (self->back_up_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->export_button), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->list_box), FALSE);
      /* Translators: %s is the server's address, without a password */
      description = g_strdup_printf (_("The database is on the PostgreSQL server %s, whose own backups "
                                       "apply: pg_dump and base backups, made by its administrator. "
                                       "Sagsfordeling makes none of its own here.\n\nTo keep a copy of "
                                       "everything in a database file on this computer, export it."),
                                     sf_store_get_path (self->store));
      adw_preferences_group_set_description (self->backups_group, description);
      return;
    }

  dir = sf_backup_dir_for (sf_store_get_path (self->store));

  /* Translators: the first %u is how many daily backups are kept, the
   * second how many of each other kind, %s a folder */
  description = g_strdup_printf (_("One is made before every import that changes something, before a "
                                   "restore and once a day. The newest %u daily ones and the newest %u of "
                                   "each other kind are kept, in %s."),
                                 SF_BACKUP_KEEP_DAILY, SF_BACKUP_KEEP_PER_KIND, dir);
  adw_preferences_group_set_description (self->backups_group, description);

  self->backups = sf_backup_list (sf_store_get_path (self->store), &error);
  if (self->backups == NULL)
    {
      self->backups = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_backup_free);
      adw_preferences_group_set_description (self->backups_group, error->message);
      return;
    }

  for (guint i = 0; i < self->backups->len; i++)
    {
      const SfBackup *backup = g_ptr_array_index (self->backups, i);
      g_autofree char *when = sf_backup_format_taken (backup);
      g_autofree char *size = g_format_size (backup->size);
      /* Translators: why a backup was made, and its size: "Daily · 1.2 MB" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), sf_backup_reason_label (backup->reason), size);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
      g_autofree char *label = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Translators: the accessible name of a Restore button; %s is a date and time */
      label = g_strdup_printf (_("Restore the backup from %s"), when);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (button), "sf-index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (on_restore_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->list_box, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfBackupsWindow *self = SF_BACKUPS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sf_backup_create (self->store, "manual", &error);

  if (path == NULL)
    {
      sf_error_dialog_show (GTK_WINDOW (self), _("Backup Not Made"), error->message);
      return;
    }
  reload (self);
  add_toast (self, _("Backup made"));
}

static void
copy_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  char **paths = task_data;
  GError *error = NULL;
  gint64 rows = 0;

  if (sf_store_copy_between (paths[0], paths[1], TRUE, &rows, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_copy_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SfBackupsWindow *self = SF_BACKUPS_WINDOW (source);
  char **paths = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      sf_error_dialog_show (GTK_WINDOW (self), _("Not Exported"), error->message);
      return;
    }
  /* Translators: %s is a file's name */
  toast = g_strdup_printf (_("Everything is exported to %s"), paths[1]);
  add_toast (self, toast);
}

static void
on_export_response_cb (SfBackupsWindow *self,
                       int              response,
                       GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || g_file_peek_path (file) == NULL)
    return;
  /* The chooser asked before an existing file is replaced */
  sf_backups_window_export_to (self, g_file_peek_path (file));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfBackupsWindow *self = SF_BACKUPS_WINDOW (widget);

  sf_export_chooser_open (&self->export_chooser, widget, _("Export to Local File"), SF_EXPORT_CSV,
                          "sagsfordeling.db", G_CALLBACK (on_export_response_cb), self);
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        SfBackupsWindow  *self)
{
  SfBackup *backup = g_object_get_data (G_OBJECT (dialog), "sf-backup");
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *toast = NULL;

  if (g_strcmp0 (response, "restore") != 0 || backup == NULL)
    return;

  when = sf_backup_format_taken (backup);
  if (!sf_backup_restore (sf_store_get_path (self->store), backup->path, &error) ||
      !sf_store_reopen (self->store, &error))
    {
      sf_error_dialog_show (GTK_WINDOW (self), _("Backup Not Restored"), error->message);
      reload (self);
      return;
    }
  reload (self);
  /* Translators: %s is a date and time */
  toast = g_strdup_printf (_("The data from %s is restored. The data it replaced is the newest backup."), when);
  add_toast (self, toast);
}

static void
sf_backups_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SF_TYPE_BACKUPS_WINDOW);

  G_OBJECT_CLASS (sf_backups_window_parent_class)->dispose (object);
}

static void
sf_backups_window_finalize (GObject *object)
{
  SfBackupsWindow *self = SF_BACKUPS_WINDOW (object);

  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  sf_chooser_close (&self->export_chooser);

  G_OBJECT_CLASS (sf_backups_window_parent_class)->finalize (object);
}

static void
sf_backups_window_class_init (SfBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_backups_window_dispose;
  object_class->finalize = sf_backups_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sagsfordeling/Sagsfordeling/sf-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SfBackupsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SfBackupsWindow, back_up_button);
  gtk_widget_class_bind_template_child (widget_class, SfBackupsWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, SfBackupsWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, SfBackupsWindow, list_box);

  gtk_widget_class_install_action (widget_class, "backups.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "backups.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sf_backups_window_init (SfBackupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

SfBackupsWindow *
sf_backups_window_new (GtkWindow *parent,
                       SfStore   *store)
{
  SfBackupsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  self = g_object_new (SF_TYPE_BACKUPS_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}

GPtrArray *
sf_backups_window_get_backups (SfBackupsWindow *self)
{
  g_return_val_if_fail (SF_IS_BACKUPS_WINDOW (self), NULL);

  return self->backups;
}

AdwActionRow *
sf_backups_window_get_row (SfBackupsWindow *self,
                           guint            index)
{
  g_return_val_if_fail (SF_IS_BACKUPS_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

AdwMessageDialog *
sf_backups_window_confirm_restore (SfBackupsWindow *self,
                                   guint            index)
{
  const SfBackup *backup;
  g_autofree char *when = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *people = NULL;
  g_autofree char *cases = NULL;
  SfBackup *copy;
  GtkWidget *dialog;
  gint64 n_people, n_cases;

  g_return_val_if_fail (SF_IS_BACKUPS_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->backups->len, NULL);

  backup = g_ptr_array_index (self->backups, index);
  when = sf_backup_format_taken (backup);
  n_people = sf_store_count (self->store, "caseworker");
  n_cases = sf_store_count (self->store, "casefile");
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u caseworker", "%u caseworkers", (gulong) n_people),
                            (guint) n_people);
  cases = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", (gulong) n_cases),
                           (guint) n_cases);
  /* Translators: %s is a date and time */
  heading = g_strdup_printf (_("Restore the Backup From %s?"), when);
  /* Translators: the first %s is a date and time, then "12 caseworkers" and "340 cases" */
  body = g_strdup_printf (_("Everything in the database now — %s, %s, the settings, checklists and "
                            "acknowledged alerts — is replaced by the data as it was on %s. Changes made since "
                            "then are no longer shown.\n\nThe data replaced is backed up first, so you can "
                            "restore it again from this window."),
                          people, cases, when);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* The list may be reloaded while the dialog is open: keep a copy */
  copy = g_new0 (SfBackup, 1);
  copy->path = g_strdup (backup->path);
  copy->reason = g_strdup (backup->reason);
  copy->taken = g_date_time_ref (backup->taken);
  copy->size = backup->size;
  g_object_set_data_full (G_OBJECT (dialog), "sf-backup", copy, (GDestroyNotify) sf_backup_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Copies everything in the database into the file @path (made, or
 * replaced), in a thread; a toast says when it is done. */
void
sf_backups_window_export_to (SfBackupsWindow *self,
                             const char      *path)
{
  g_autoptr(GTask) task = NULL;
  char **paths;

  g_return_if_fail (SF_IS_BACKUPS_WINDOW (self));
  g_return_if_fail (path != NULL);

  paths = g_new0 (char *, 3);
  paths[0] = g_strdup (sf_store_get_path (self->store));
  paths[1] = g_strdup (path);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  task = g_task_new (self, NULL, on_copy_done_cb, NULL);
  g_task_set_task_data (task, paths, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, copy_thread);
}
