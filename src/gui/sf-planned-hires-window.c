/* sf-planned-hires-window.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-conflict-dialog.h"
#include "sf-planned-hires-window-private.h"

/* A team's planned hires: listed by start date, added with hours, start
 * date and a note, removed with an undo toast.  Every write goes through
 * sf-planned-hires.c; the store then tells every window. */

G_DEFINE_FINAL_TYPE (SfPlannedHiresWindow, sf_planned_hires_window, ADW_TYPE_PREFERENCES_WINDOW)

static void reload (SfPlannedHiresWindow *self);

/* The one toast: undo a removal.  Whatever else goes wrong is said
 * under the form (show_problem()): toasts replacing one another made
 * libadwaita 1.2 assert. */
static void
show_toast (SfPlannedHiresWindow *self,
            AdwToast             *toast)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Says under the form what was refused, or nothing with NULL */
static void
show_message (SfPlannedHiresWindow *self,
              const char           *text)
{
  gtk_label_set_text (self->problem_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), text != NULL);
}

static void
on_undo_cb (AdwToast             *toast,
            SfPlannedHiresWindow *self)
{
  SfPlannedHire *hire = g_object_get_data (G_OBJECT (toast), "sf-hire");
  g_autoptr(GError) error = NULL;

  hire->id = 0;
  if (sf_planned_hire_save (self->store, hire, &error) == 0)
    show_message (self, error->message);
  reload (self);
}

/* A copy of @hire of its own, for free_hire() */
static SfPlannedHire *
copy_hire (const SfPlannedHire *hire)
{
  SfPlannedHire *copy = g_memdup2 (hire, sizeof *hire);

  copy->note = g_strdup (hire->note);
  return copy;
}

static void
free_hire (gpointer data)
{
  sf_planned_hire_clear (data);
  g_free (data);
}

static void remove_hire (SfPlannedHiresWindow *self,
                         const SfPlannedHire  *hire,
                         gint64                version);

/* A removal refused because someone else changed the hire since:
 * @data is the hire as it was shown */
static void
on_conflict_decided_cb (gpointer          owner,
                        SfConflictChoice  choice,
                        gint64            version,
                        gpointer          data)
{
  const SfPlannedHire *hire = data;

  if (choice == SF_CONFLICT_APPLY_MINE)
    remove_hire (owner, hire, version);
  else
    reload (owner);
}

/* Their hire as it is now, beside the removal */
static void
ask_about_conflict (SfPlannedHiresWindow *self,
                    const SfPlannedHire  *hire,
                    const GError         *error)
{
  const SfConflict *conflict = sf_conflict_get (error);
  g_autoptr(GPtrArray) fields = sf_conflict_fields_new ();
  const char *hours = sf_conflict_dialog_theirs (conflict, "weekly_hours");
  const char *start = sf_conflict_dialog_theirs (conflict, "start_date");
  SfDay day = SF_DAY_NONE;

  if (start != NULL)
    sf_day_parse (start, &day);
  sf_conflict_fields_add (fields, _("Hours a week"),
                          hours != NULL ? sf_format_hours (g_ascii_strtod (hours, NULL)) : NULL,
                          /* Translators: in the conflict dialog: what the user did to a planned hire */
                          g_strdup (_("Removed")));
  sf_conflict_fields_add (fields, _("Expected start date"), day != SF_DAY_NONE ? sf_day_format (day) : NULL,
                          NULL);
  sf_conflict_fields_add_text (fields, _("Note"), conflict, "note", NULL);
  sf_conflict_dialog_ask (GTK_WIDGET (self), error, fields, on_conflict_decided_cb, copy_hire (hire), free_hire);
}

static void
on_remove_clicked_cb (GtkButton            *button,
                      SfPlannedHiresWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sf-index"));
  SfPlannedHire hire = g_array_index (self->hires, SfPlannedHire, index);

  /* (the list is read again below: the hire is copied first) */
  hire.note = g_strdup (hire.note);
  remove_hire (self, &hire, hire.version);
  sf_planned_hire_clear (&hire);
}

/* Removes @hire as read at @version, with an undo; someone else's change
 * since asks what to do */
static void
remove_hire (SfPlannedHiresWindow *self,
             const SfPlannedHire  *hire,
             gint64                version)
{
  g_autoptr(GError) error = NULL;
  SfPlannedHire *kept;
  AdwToast *toast;

  if (!sf_planned_hire_remove_versioned (self->store, hire->id, version, &error))
    {
      if (sf_conflict_get (error) != NULL)
        ask_about_conflict (self, hire, error);
      else
        show_message (self, error->message);
      reload (self);
      return;
    }
  kept = copy_hire (hire);
  toast = adw_toast_new (_("Planned hire removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "sf-hire", kept, free_hire);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_cb), self);
  show_toast (self, toast);
  reload (self);
}

static GtkWidget *
make_row (SfPlannedHiresWindow *self,
          guint                 index)
{
  const SfPlannedHire *hire = &g_array_index (self->hires, SfPlannedHire, index);
  g_autofree char *hours = sf_format_hours (hire->weekly_hours);
  g_autofree char *start = sf_day_format (hire->start);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* Translators: a planned hire: "37 hours a week from 15.02.2027" */
  title = g_strdup_printf (_("%s hours a week from %s"), hours, start);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (hire->note != NULL)
    {
      g_autofree char *note = g_markup_escape_text (hire->note, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), note);
    }
  label = g_strdup_printf (_("Remove the planned hire of %s hours a week from %s"), hours, start);
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "sf-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
reload (SfPlannedHiresWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  GArray *hires = sf_planned_hires_load (self->store, self->team_id, &error);

  if (hires == NULL)
    {
      show_message (self, error->message);
      return;
    }
  g_clear_pointer (&self->hires, g_array_unref);
  self->hires = hires;
  while ((row = gtk_list_box_get_row_at_index (self->hires_list, 0)) != NULL)
    gtk_list_box_remove (self->hires_list, GTK_WIDGET (row));
  for (guint i = 0; i < self->hires->len; i++)
    gtk_list_box_append (self->hires_list, make_row (self, i));
}

static void
on_add_clicked_cb (SfPlannedHiresWindow *self)
{
  g_autoptr(GError) error = NULL;
  SfPlannedHire hire = { 0 };
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  g_autofree char *stripped = g_strstrip (g_strdup (note));

  gtk_spin_button_update (self->hours_spin);
  hire.team_id = self->team_id;
  hire.weekly_hours = gtk_spin_button_get_value (self->hours_spin);
  hire.start = sf_date_button_get_day (self->start_button);
  hire.note = *stripped != '\0' ? stripped : NULL;
  if (sf_planned_hire_save (self->store, &hire, &error) == 0)
    {
      show_message (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  show_message (self, NULL);
  reload (self);
}

static void
sf_planned_hires_window_dispose (GObject *object)
{
  SfPlannedHiresWindow *self = SF_PLANNED_HIRES_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->hires, g_array_unref);
  G_OBJECT_CLASS (sf_planned_hires_window_parent_class)->dispose (object);
}

static void
sf_planned_hires_window_class_init (SfPlannedHiresWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_planned_hires_window_dispose;

  g_type_ensure (SF_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sagsfordeling/Sagsfordeling/sf-planned-hires-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SfPlannedHiresWindow, hires_group);
  gtk_widget_class_bind_template_child (widget_class, SfPlannedHiresWindow, hires_list);
  gtk_widget_class_bind_template_child (widget_class, SfPlannedHiresWindow, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, SfPlannedHiresWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, SfPlannedHiresWindow, note_row);
  gtk_widget_class_bind_template_child (widget_class, SfPlannedHiresWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, SfPlannedHiresWindow, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
sf_planned_hires_window_init (SfPlannedHiresWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sf_date_button_set_title (self->start_button, _("Expected start date"));
}

SfPlannedHiresWindow *
sf_planned_hires_window_new (GtkWindow  *parent,
                             SfStore    *store,
                             gint64      team_id,
                             const char *team_name)
{
  SfPlannedHiresWindow *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  self = g_object_new (SF_TYPE_PLANNED_HIRES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->team_id = team_id;
  /* Translators: the window's title; %s is a team's name */
  title = g_strdup_printf (_("Planned Hires — %s"), team_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  sf_date_button_set_day (self->start_button, sf_day_month_start (sf_day_today (), 1));
  reload (self);
  return self;
}
