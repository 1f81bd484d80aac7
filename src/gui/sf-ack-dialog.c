/* sf-ack-dialog.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-error-dialog.h"
#include "sf-ack-dialog.h"
#include "sf-conflict-dialog.h"

/* Acknowledges an alert with a note and the day it returns (two weeks
 * ahead unless changed).  What is wrong with the input is said under the
 * fields, and the Acknowledge button waits until it is right. */
struct _SfAckDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *note_row;
  GtkEntry         *expires_entry;
  GtkPopover       *calendar_popover;
  GtkCalendar      *calendar;
  GtkLabel         *problem_label;

  SfStore          *store;
  SfAlert          *alert;
  SfDay             today;
  gboolean          touched;
};

G_DEFINE_FINAL_TYPE (SfAckDialog, sf_ack_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  ACKNOWLEDGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
check_input (SfAckDialog  *self,
             SfDay        *expires,
             GError      **error)
{
  return sf_alert_ack_check (gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                             gtk_editable_get_text (GTK_EDITABLE (self->expires_entry)),
                             self->today, expires, error);
}

static void
update_state (SfAckDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = check_input (self, NULL, &error);
  g_autofree char *note = NULL;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "acknowledge", ok);
  gtk_label_set_label (self->problem_label, ok ? "" : error->message);

  /* Before the first key stroke the problem is a hint, not an error */
  if (self->touched && !ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "dim-label");
    }

  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  if (self->touched && *note == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->note_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->note_row), "error");
}

static void
on_input_changed_cb (SfAckDialog *self,
                     GtkEditable *editable)
{
  self->touched = TRUE;
  update_state (self);
}

static void on_calendar_day_selected_cb (SfAckDialog *self,
                                         GtkCalendar *calendar);

static void
on_calendar_popover_show_cb (SfAckDialog *self,
                             GtkPopover  *popover)
{
  SfDay day;
  int y, m, d;

  if (!sf_day_parse (gtk_editable_get_text (GTK_EDITABLE (self->expires_entry)), &day))
    day = sf_alert_ack_default_expiry (self->today);
  sf_day_get_ymd (day, &y, &m, &d);
  {
    g_autoptr(GDateTime) date = g_date_time_new_local (y, m, d, 12, 0, 0);

    g_signal_handlers_block_by_func (self->calendar, on_calendar_day_selected_cb, self);
    gtk_calendar_select_day (self->calendar, date);
    g_signal_handlers_unblock_by_func (self->calendar, on_calendar_day_selected_cb, self);
  }
}

static void
on_calendar_day_selected_cb (SfAckDialog *self,
                             GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = NULL;

  text = sf_day_format (sf_day_new (g_date_time_get_year (date),
                                    g_date_time_get_month (date),
                                    g_date_time_get_day_of_month (date)));
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->expires_entry))) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->expires_entry), text);
      gtk_popover_popdown (self->calendar_popover);
    }
}

/* An acknowledgement refused because someone else's came first */
typedef struct
{
  SfStore   *store;
  SfAlert   *alert;
  char      *note;
  SfDay      expires;
  gint64     id;
} Retry;

static void
retry_free (gpointer data)
{
  Retry *retry = data;

  g_object_unref (retry->store);
  sf_alert_free (retry->alert);
  g_free (retry->note);
  g_free (retry);
}

static void ask_about_conflict (GtkWindow    *parent,
                                const GError *error,
                                Retry        *retry);

static void
on_conflict_decided_cb (gpointer          owner,
                        SfConflictChoice  choice,
                        gint64            version,
                        gpointer          data)
{
  GtkWindow *parent = owner;
  Retry *retry = data;
  g_autoptr(GError) error = NULL;

  if (choice != SF_CONFLICT_APPLY_MINE)
    return;
  if (sf_alert_acknowledge_versioned (retry->store, retry->alert, retry->note, retry->expires, retry->id, version,
                                      &error))
    return;
  if (sf_conflict_get (error) != NULL)
    ask_about_conflict (parent, error, retry);
  else
    sf_error_dialog_show (parent, _("Alert Not Acknowledged"), error->message);
}

/* Their acknowledgement beside the one written in the dialog */
static void
ask_about_conflict (GtkWindow    *parent,
                    const GError *error,
                    Retry        *retry)
{
  const SfConflict *conflict = sf_conflict_get (error);
  g_autoptr(GPtrArray) fields = sf_conflict_fields_new ();
  Retry *copy = g_new0 (Retry, 1);
  const char *expires = sf_conflict_dialog_theirs (conflict, "expires");
  SfDay day = SF_DAY_NONE;

  if (expires != NULL)
    sf_day_parse (expires, &day);
  sf_conflict_fields_add_text (fields, _("Note"), conflict, "note", retry->note);
  sf_conflict_fields_add (fields, _("Until"), day != SF_DAY_NONE ? sf_day_format (day) : NULL,
                          retry->expires != SF_DAY_NONE ? sf_day_format (retry->expires) : NULL);
  copy->store = g_object_ref (retry->store);
  copy->alert = sf_alert_copy (retry->alert);
  copy->note = g_strdup (retry->note);
  copy->expires = retry->expires;
  copy->id = conflict->id;
  sf_conflict_dialog_ask (GTK_WIDGET (parent), error, fields, on_conflict_decided_cb, copy, retry_free);
}

static void
sf_ack_dialog_response (AdwMessageDialog *dialog,
                        const char       *response)
{
  SfAckDialog *self = SF_ACK_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  SfDay expires = SF_DAY_NONE;

  if (g_strcmp0 (response, "acknowledge") != 0)
    return;

  /* Claims the acknowledgement as the alert was read: one someone else
   * wrote, changed or took away since is not overwritten */
  if (!check_input (self, &expires, &error) ||
      !sf_alert_acknowledge_versioned (self->store, self->alert,
                                       gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                                       expires, self->alert->ack_id, self->alert->ack_version, &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      if (sf_conflict_get (error) != NULL)
        {
          Retry retry = { .store = self->store, .alert = self->alert, .expires = expires,
                          .note = (char *) gtk_editable_get_text (GTK_EDITABLE (self->note_row)) };

          ask_about_conflict (parent, error, &retry);
        }
      else
        sf_error_dialog_show (parent, _("Alert Not Acknowledged"), error->message);
      return;
    }

  g_signal_emit (self, signals[ACKNOWLEDGED], 0);
}

static void
sf_ack_dialog_dispose (GObject *object)
{
  SfAckDialog *self = (SfAckDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_ACK_DIALOG);

  G_OBJECT_CLASS (sf_ack_dialog_parent_class)->dispose (object);
}

static void
sf_ack_dialog_finalize (GObject *object)
{
  SfAckDialog *self = (SfAckDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->alert, sf_alert_free);

  G_OBJECT_CLASS (sf_ack_dialog_parent_class)->finalize (object);
}

static void
sf_ack_dialog_class_init (SfAckDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = sf_ack_dialog_dispose;
  object_class->finalize = sf_ack_dialog_finalize;
  dialog_class->response = sf_ack_dialog_response;

  /* Emitted once the acknowledgement is stored */
  signals[ACKNOWLEDGED] = g_signal_new ("acknowledged",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-ack-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfAckDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, SfAckDialog, expires_entry);
  gtk_widget_class_bind_template_child (widget_class, SfAckDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, SfAckDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, SfAckDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
}

static void
sf_ack_dialog_init (SfAckDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A modal dialog over @parent that acknowledges (a copy of) @alert in
 * @store; @today is the figures' date. */
SfAckDialog *
sf_ack_dialog_new (GtkWindow     *parent,
                   SfStore       *store,
                   const SfAlert *alert,
                   SfDay          today)
{
  SfAckDialog *self;
  g_autofree char *expires = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SF_IS_STORE (store), NULL);
  g_return_val_if_fail (alert != NULL, NULL);

  self = g_object_new (SF_TYPE_ACK_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->alert = sf_alert_copy (alert);
  self->today = today;

  body = g_strdup_printf ("%s\n\n%s", alert->message,
                          _("Acknowledging moves the alert aside. It returns on the date below, "
                            "or sooner if the figure behind it gets worse."));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  expires = sf_day_format (sf_alert_ack_default_expiry (today));
  g_signal_handlers_block_by_func (self->expires_entry, on_input_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->expires_entry), expires);
  g_signal_handlers_unblock_by_func (self->expires_entry, on_input_changed_cb, self);
  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_row));

  return self;
}

const SfAlert *
sf_ack_dialog_get_alert (SfAckDialog *self)
{
  g_return_val_if_fail (SF_IS_ACK_DIALOG (self), NULL);

  return self->alert;
}

GtkEditable *
sf_ack_dialog_get_note (SfAckDialog *self)
{
  g_return_val_if_fail (SF_IS_ACK_DIALOG (self), NULL);

  return GTK_EDITABLE (self->note_row);
}

GtkEditable *
sf_ack_dialog_get_expires (SfAckDialog *self)
{
  g_return_val_if_fail (SF_IS_ACK_DIALOG (self), NULL);

  return GTK_EDITABLE (self->expires_entry);
}

GtkCalendar *
sf_ack_dialog_get_calendar (SfAckDialog *self)
{
  g_return_val_if_fail (SF_IS_ACK_DIALOG (self), NULL);

  return self->calendar;
}

/* What keeps the Acknowledge button disabled, or "" when nothing does. */
const char *
sf_ack_dialog_get_problem (SfAckDialog *self)
{
  g_return_val_if_fail (SF_IS_ACK_DIALOG (self), NULL);

  return gtk_label_get_label (self->problem_label);
}
