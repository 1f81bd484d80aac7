/* sf-connect-dialog.c: Connect to Shared Database…
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-connect-dialog.h"
#include "sf-core.h"

struct _SfConnectDialog
{
  AdwWindow     parent_instance;

  GCancellable *cancellable;
  gboolean      busy;

  GtkWidget    *connect_button;
  AdwPreferencesGroup *fields_group;
  AdwEntryRow  *host_row;
  AdwEntryRow  *port_row;
  AdwEntryRow  *database_row;
  AdwEntryRow  *user_row;
  AdwEntryRow  *password_row;
  AdwComboRow  *tls_row;
  GtkWidget    *progress_box;
  GtkSpinner   *spinner;
  GtkLabel     *progress_label;
  GtkWidget    *error_box;
  GtkLabel     *error_title;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (SfConnectDialog, sf_connect_dialog, ADW_TYPE_WINDOW)

enum {
  CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The order of the encryption row's choices */
static const char * const tls_modes[] = { "disable", "prefer", "require", "verify-full" };

static SfServerParams *
read_params (SfConnectDialog *self)
{
  SfServerParams *params = g_new0 (SfServerParams, 1);
  guint tls = adw_combo_row_get_selected (self->tls_row);

  params->host = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->host_row))));
  params->port = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->port_row))));
  params->database = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->database_row))));
  params->user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));
  params->tls = g_strdup (tls < G_N_ELEMENTS (tls_modes) ? tls_modes[tls] : "require");
  return params;
}

static gboolean
port_is_valid (const char *port)
{
  guint64 number;

  return *port == '\0' ||
         (g_ascii_string_to_unsigned (port, 10, 1, 65535, &number, NULL));
}

static void
update_connect_button (SfConnectDialog *self)
{
  g_autoptr(SfServerParams) params = read_params (self);

  gtk_widget_set_sensitive (self->connect_button,
                            !self->busy && *params->host != '\0' && *params->database != '\0' &&
                            port_is_valid (params->port));
}

static void
set_busy (SfConnectDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  /* A focused entry made insensitive never hears that it lost the focus */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_group), !busy);
  gtk_widget_set_visible (self->progress_box, busy);
  if (busy)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  update_connect_button (self);
}

static void
show_error (SfConnectDialog *self,
            const char      *heading,
            const char      *message)
{
  gtk_label_set_label (self->error_title, heading);
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (self->error_box, heading != NULL);
}

static void
on_connected_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SfConnectDialog *self = SF_CONNECT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) store = sf_server_connect_finish (result, &error);
  g_autoptr(SfServerParams) params = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (store == NULL)
    {
      g_autofree char *text = sf_server_error_text (error);

      show_error (self, sf_server_error_heading (error), text);
      return;
    }

  params = read_params (self);
  g_signal_emit (self, signals[CONNECTED], 0, store, params);
}

static void
on_connect_button_clicked_cb (SfConnectDialog *self)
{
  g_autoptr(SfServerParams) params = NULL;
  g_autofree char *location = NULL;
  g_autofree char *progress = NULL;

  if (self->busy || !gtk_widget_get_sensitive (self->connect_button))
    return;

  params = read_params (self);
  location = sf_server_params_to_location (params);
  show_error (self, NULL, NULL);
  /* Translators: %s is the server's host name */
  progress = g_strdup_printf (_("Connecting to %s…"), params->host);
  gtk_label_set_label (self->progress_label, progress);
  set_busy (self, TRUE);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  sf_server_connect_async (self, location, params,
                           gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                           self->cancellable, on_connected_cb, NULL);
}

static void
on_field_changed_cb (SfConnectDialog *self)
{
  update_connect_button (self);
}

static void
sf_connect_dialog_dispose (GObject *object)
{
  SfConnectDialog *self = (SfConnectDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (sf_connect_dialog_parent_class)->dispose (object);
}

static void
sf_connect_dialog_class_init (SfConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_connect_dialog_dispose;

  /**
   * SfConnectDialog::connected:
   * @store: the store, open on the server
   * @params: (type gpointer): the SfServerParams connected with
   *
   * The connection worked: the application switches to @store.
   */
  signals[CONNECTED] = g_signal_new ("connected",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, tls_row);
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, error_title);
  gtk_widget_class_bind_template_child (widget_class, SfConnectDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sf_connect_dialog_init (SfConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SfConnectDialog *
sf_connect_dialog_new (GtkWindow            *parent,
                       const SfServerParams *params)
{
  SfConnectDialog *self = g_object_new (SF_TYPE_CONNECT_DIALOG,
                                        "transient-for", parent,
                                        NULL);

  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  sf_connect_dialog_fill (self, params, NULL);
  return self;
}

void
sf_connect_dialog_fill (SfConnectDialog      *self,
                        const SfServerParams *params,
                        const char           *password)
{
  g_return_if_fail (SF_IS_CONNECT_DIALOG (self));

  if (params != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->host_row), params->host);
      gtk_editable_set_text (GTK_EDITABLE (self->port_row), params->port);
      gtk_editable_set_text (GTK_EDITABLE (self->database_row), params->database);
      gtk_editable_set_text (GTK_EDITABLE (self->user_row), params->user);
      for (guint i = 0; i < G_N_ELEMENTS (tls_modes); i++)
        if (g_strcmp0 (params->tls, tls_modes[i]) == 0)
          adw_combo_row_set_selected (self->tls_row, i);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password != NULL ? password : "");
  update_connect_button (self);
}

void
sf_connect_dialog_connect (SfConnectDialog *self)
{
  g_return_if_fail (SF_IS_CONNECT_DIALOG (self));

  on_connect_button_clicked_cb (self);
}

gboolean
sf_connect_dialog_is_busy (SfConnectDialog *self)
{
  g_return_val_if_fail (SF_IS_CONNECT_DIALOG (self), FALSE);

  return self->busy;
}

const char *
sf_connect_dialog_get_error (SfConnectDialog *self)
{
  g_return_val_if_fail (SF_IS_CONNECT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_box))
    return NULL;
  return gtk_label_get_label (self->error_title);
}
