/* sf-caseworker-dialog.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-caseworker-dialog.h"
#include "sf-conflict-dialog.h"
#include "sf-error-dialog.h"
#include "sf-date-button.h"
#include "sf-reduction-row.h"

/* A caseworker with hours, reductions, start date, absence and individual
 * factor.  The rules are core's (sf-roster-edit.c), the same the import
 * checks; a refused value keeps the dialog open with everything typed, the
 * row marked and the rule's message at the top. */
struct _SfCaseworkerDialog
{
  SfEditDialog         parent_instance;

  SfStore             *store;
  gint64               caseworker_id;
  gint64               version;            /* the caseworker's, as the form was filled */
  SfDataset           *dataset;
  SfSettings           settings;
  GPtrArray           *reduction_rows;     /* SfReductionRow, in order */
  GPtrArray           *absence_keys;       /* char *, parallel to absence_row's model */

  AdwPreferencesPage  *page;
  AdwEntryRow         *initials_row;
  AdwEntryRow         *name_row;
  AdwComboRow         *team_row;
  AdwActionRow        *hours_row;
  GtkSpinButton       *hours_spin;
  GtkAdjustment       *hours_adjustment;
  SfDateButton        *start_button;
  AdwActionRow        *end_row;
  SfDateButton        *end_button;
  AdwPreferencesGroup *reductions_group;
  AdwComboRow         *absence_row;
  AdwActionRow        *absence_from_row;
  AdwActionRow        *absence_to_row;
  SfDateButton        *absence_from_button;
  SfDateButton        *absence_to_button;
  AdwActionRow        *factor_row;
  GtkSpinButton       *factor_spin;
  AdwEntryRow         *factor_reason_row;
};

static gboolean save (SfEditDialog *dialog);

G_DEFINE_FINAL_TYPE (SfCaseworkerDialog, sf_caseworker_dialog, SF_TYPE_EDIT_DIALOG)

static void
on_remove_requested_cb (SfCaseworkerDialog *self,
                        SfReductionRow     *row)
{
  g_ptr_array_remove (self->reduction_rows, row);
  adw_preferences_group_remove (self->reductions_group, GTK_WIDGET (row));
}

static SfReductionRow *
add_reduction_row (SfCaseworkerDialog *self,
                   const SfReduction  *reduction)
{
  GtkWidget *row = sf_reduction_row_new (reduction, self->settings.full_time_hours);

  g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_remove_requested_cb), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->reduction_rows, row);
  adw_preferences_group_add (self->reductions_group, row);
  return SF_REDUCTION_ROW (row);
}

static void
on_add_reduction_clicked_cb (SfCaseworkerDialog *self)
{
  sf_caseworker_dialog_add_reduction (self);
}

/* Live: initials another caseworker has are marked as they are typed. */
static void
on_initials_changed_cb (SfCaseworkerDialog *self)
{
  g_autofree char *initials = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->initials_row))));

  if (*initials != '\0' && sf_roster_find_initials (self->store, initials, self->caseworker_id) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("Another caseworker already has the initials “%s”. "
                                                    "Initials must be unique."), initials);

      sf_edit_dialog_show_error (SF_EDIT_DIALOG (self), NULL, message);
      sf_edit_dialog_mark (SF_EDIT_DIALOG (self), GTK_WIDGET (self->initials_row));
    }
  else if (gtk_widget_has_css_class (GTK_WIDGET (self->initials_row), "error"))
    sf_edit_dialog_show_error (SF_EDIT_DIALOG (self), NULL, NULL);
}

static void
on_absence_selected_cb (SfCaseworkerDialog *self)
{
  gboolean absent = adw_combo_row_get_selected (self->absence_row) > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->absence_from_row), absent);
  gtk_widget_set_sensitive (GTK_WIDGET (self->absence_to_row), absent);
}

static void
sf_caseworker_dialog_finalize (GObject *object)
{
  SfCaseworkerDialog *self = (SfCaseworkerDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->dataset, sf_dataset_free);
  g_clear_pointer (&self->reduction_rows, g_ptr_array_unref);
  g_clear_pointer (&self->absence_keys, g_ptr_array_unref);

  G_OBJECT_CLASS (sf_caseworker_dialog_parent_class)->finalize (object);
}

static void
sf_caseworker_dialog_class_init (SfCaseworkerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sf_caseworker_dialog_finalize;
  SF_EDIT_DIALOG_CLASS (klass)->save = save;

  g_type_ensure (SF_TYPE_DATE_BUTTON);

  sf_edit_dialog_class_set_template (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-caseworker-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, page);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, initials_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, team_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, hours_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, hours_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, end_button);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, reductions_group);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, absence_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, absence_from_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, absence_to_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, absence_from_button);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, absence_to_button);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, factor_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, factor_spin);
  gtk_widget_class_bind_template_child (widget_class, SfCaseworkerDialog, factor_reason_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_reduction_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_initials_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_absence_selected_cb);
}

static void
sf_caseworker_dialog_init (SfCaseworkerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->reduction_rows = g_ptr_array_new ();
  self->absence_keys = g_ptr_array_new_with_free_func (g_free);
  sf_settings_init_defaults (&self->settings);
  sf_date_button_set_title (self->start_button, _("Start date"));
  sf_date_button_set_title (self->end_button, _("Last working day"));
  sf_date_button_set_title (self->absence_from_button, _("Absent from"));
  sf_date_button_set_title (self->absence_to_button, _("Absent to"));
}

static void
fill_absence_kinds (SfCaseworkerDialog *self,
                    const char         *current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *kinds = sf_roster_absence_kinds ();
  guint selected = 0;

  g_ptr_array_add (self->absence_keys, g_strdup (""));
  gtk_string_list_append (labels, sf_roster_absence_kind_label (NULL));
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_ptr_array_add (self->absence_keys, g_strdup (kinds[i]));
      gtk_string_list_append (labels, sf_roster_absence_kind_label (kinds[i]));
      if (g_strcmp0 (current, kinds[i]) == 0)
        selected = i + 1;
    }
  /* A kind written in an imported file is kept as it was written */
  if (current != NULL && *current != '\0' && selected == 0)
    {
      g_ptr_array_add (self->absence_keys, g_strdup (current));
      gtk_string_list_append (labels, current);
      selected = self->absence_keys->len - 1;
    }
  adw_combo_row_set_model (self->absence_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->absence_row, selected);
  on_absence_selected_cb (self);
}

SfCaseworkerDialog *
sf_caseworker_dialog_new (GtkWindow *parent,
                          SfContext *context,
                          gint64     caseworker_id,
                          gint64     team_id)
{
  SfCaseworkerDialog *self;
  g_autoptr(GtkStringList) teams = gtk_string_list_new (NULL);
  const SfCaseworker *worker = NULL;

  g_return_val_if_fail (SF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (sf_context_get_dataset (context) != NULL, NULL);

  self = g_object_new (SF_TYPE_CASEWORKER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (sf_context_get_store (context));
  /* What the window shows: the teams of the loaded dataset, kept while
   * the dialog is open (a reload makes the context a new one) */
  self->settings = *sf_context_get_settings (context);
  self->dataset = sf_dataset_ref ((SfDataset *) sf_context_get_dataset (context));
  gtk_adjustment_set_upper (self->hours_adjustment, self->settings.full_time_hours);

  if (caseworker_id != 0)
    worker = sf_dataset_find_caseworker (self->dataset, caseworker_id);
  if (worker != NULL)
    team_id = worker->team_id;

  for (guint i = 0; i < self->dataset->teams->len; i++)
    {
      const SfTeam *team = &g_array_index (self->dataset->teams, SfTeam, i);

      gtk_string_list_append (teams, team->name);
    }
  adw_combo_row_set_model (self->team_row, G_LIST_MODEL (teams));
  for (guint i = 0; i < self->dataset->teams->len; i++)
    if (g_array_index (self->dataset->teams, SfTeam, i).id == team_id)
      adw_combo_row_set_selected (self->team_row, i);

  if (worker != NULL)
    {
      self->caseworker_id = worker->id;
      self->version = worker->version;
      sf_edit_dialog_set_title (SF_EDIT_DIALOG (self), worker->name, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->initials_row), worker->initials);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), worker->name);
      gtk_spin_button_set_value (self->hours_spin, worker->weekly_hours);
      sf_date_button_set_day (self->start_button, worker->start);
      sf_date_button_set_day (self->end_button, worker->end);
      fill_absence_kinds (self, worker->absence_kind);
      sf_date_button_set_day (self->absence_from_button, worker->absence_from);
      sf_date_button_set_day (self->absence_to_button, worker->absence_to);
      gtk_spin_button_set_value (self->factor_spin, worker->individual_factor);
      gtk_editable_set_text (GTK_EDITABLE (self->factor_reason_row),
                             worker->factor_reason ? worker->factor_reason : "");
      for (guint i = 0; i < self->dataset->reductions->len; i++)
        {
          const SfReduction *r = &g_array_index (self->dataset->reductions, SfReduction, i);

          if (r->caseworker_id == worker->id)
            add_reduction_row (self, r);
        }
    }
  else
    {
      sf_edit_dialog_set_title (SF_EDIT_DIALOG (self), _("New Caseworker"), TRUE);
      gtk_spin_button_set_value (self->hours_spin, self->settings.full_time_hours);
      fill_absence_kinds (self, NULL);
      /* Typing starts with the initials */
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->initials_row));
    }
  return self;
}

/* Adds an empty reduction (one hour, other duties) and opens it. */
void
sf_caseworker_dialog_add_reduction (SfCaseworkerDialog *self)
{
  SfReduction reduction = { .hours = 1, .reason = SF_REDUCTION_OTHER };
  SfReductionRow *row;

  g_return_if_fail (SF_IS_CASEWORKER_DIALOG (self));

  row = add_reduction_row (self, &reduction);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

/* A caseworker's fields as the form shows them, in its order */
static char **
describe_worker (SfCaseworkerDialog *self,
                 const SfCaseworker *worker,
                 const GArray       *reductions)
{
  const SfTeam *team = sf_dataset_find_team (self->dataset, worker->team_id);
  gboolean absent = worker->absence_kind != NULL && *worker->absence_kind != '\0';
  g_autofree char *from = sf_day_format (worker->absence_from);
  g_autofree char *to = sf_day_format (worker->absence_to);
  GString *cuts = g_string_new (NULL);
  GPtrArray *fields = g_ptr_array_new ();

  for (guint i = 0; i < reductions->len; i++)
    {
      const SfReduction *r = &g_array_index (reductions, SfReduction, i);
      g_autofree char *hours = sf_format_hours (r->hours);

      g_string_append_printf (cuts, "%s%s %s", i > 0 ? ", " : "", hours,
                              sf_reduction_reason_to_label (r->reason));
    }
  g_ptr_array_add (fields, g_strdup (worker->initials));
  g_ptr_array_add (fields, g_strdup (worker->name));
  g_ptr_array_add (fields, g_strdup (team != NULL ? team->name : ""));
  g_ptr_array_add (fields, sf_format_hours (worker->weekly_hours));
  g_ptr_array_add (fields, sf_day_format (worker->start));
  g_ptr_array_add (fields, sf_day_format (worker->end));
  g_ptr_array_add (fields, g_string_free (cuts, FALSE));
  g_ptr_array_add (fields, !absent ? g_strdup ("")
                                : g_strdup_printf ("%s %s–%s", sf_roster_absence_kind_label (worker->absence_kind),
                                                   from, to));
  g_ptr_array_add (fields, sf_format_decimal (worker->individual_factor, 2));
  g_ptr_array_add (fields, g_strdup (worker->individual_factor < 1 && worker->factor_reason != NULL ? worker->factor_reason : ""));
  g_ptr_array_add (fields, NULL);
  return (char **) g_ptr_array_free (fields, FALSE);
}

/* The caseworker as someone else left them beside the form's values */
static void
present_conflict (SfCaseworkerDialog *self,
                  const GError       *error,
                  const SfCaseworker *mine,
                  const GArray       *mine_reductions)
{
  const char *labels[] = {
    _("Initials"), _("Name"), _("Team"), _("Weekly hours"), _("Start date"), _("Last working day"),
    _("Reductions"), _("Absence"), _("Individual factor"), _("Reason for the factor"),
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) workers = g_array_new (FALSE, TRUE, sizeof (SfCaseworker));
  g_autoptr(GArray) reductions = g_array_new (FALSE, TRUE, sizeof (SfReduction));
  g_autoptr(GPtrArray) fields = sf_conflict_fields_new ();
  g_auto(GStrv) theirs = NULL;
  g_auto(GStrv) yours = describe_worker (self, mine, mine_reductions);

  g_array_set_clear_func (workers, sf_caseworker_clear);
  g_array_set_clear_func (reductions, sf_reduction_clear);
  g_array_append_val (ids, self->caseworker_id);
  if (sf_store_load_caseworkers_by_id (self->store, ids, workers, NULL) && workers->len == 1 &&
      sf_store_load_reductions_of (self->store, ids, reductions, NULL))
    theirs = describe_worker (self, &g_array_index (workers, SfCaseworker, 0), reductions);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    sf_conflict_fields_add (fields, labels[i], theirs != NULL ? g_strdup (theirs[i]) : NULL,
                            g_strdup (yours[i]));
  sf_edit_dialog_present_conflict (SF_EDIT_DIALOG (self), error, fields, &self->version);
}

static gboolean
save (SfEditDialog *dialog)
{
  SfCaseworkerDialog *self = SF_CASEWORKER_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) reductions = g_array_new (FALSE, TRUE, sizeof (SfReduction));
  g_autofree char *initials = NULL;
  g_autofree char *name = NULL;
  g_autofree char *factor_reason = NULL;
  SfCaseworker worker = { 0 };
  guint team;
  guint absence;
  gint64 id;

  if (self->dataset == NULL)
    return FALSE;

  initials = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->initials_row))));
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  factor_reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->factor_reason_row))));
  gtk_spin_button_update (self->hours_spin);
  gtk_spin_button_update (self->factor_spin);

  worker.id = self->caseworker_id;
  worker.version = self->version;
  worker.initials = initials;
  worker.name = name;
  team = adw_combo_row_get_selected (self->team_row);
  worker.team_id = team < self->dataset->teams->len ? g_array_index (self->dataset->teams, SfTeam, team).id : 0;
  worker.weekly_hours = gtk_spin_button_get_value (self->hours_spin);
  worker.start = sf_date_button_get_day (self->start_button);
  worker.end = sf_date_button_get_day (self->end_button);
  absence = adw_combo_row_get_selected (self->absence_row);
  worker.absence_kind = absence < self->absence_keys->len ? g_ptr_array_index (self->absence_keys, absence) : NULL;
  worker.absence_from = sf_date_button_get_day (self->absence_from_button);
  worker.absence_to = sf_date_button_get_day (self->absence_to_button);
  worker.individual_factor = gtk_spin_button_get_value (self->factor_spin);
  worker.factor_reason = factor_reason;

  for (guint i = 0; i < self->reduction_rows->len; i++)
    {
      SfReduction r;

      sf_reduction_row_get (g_ptr_array_index (self->reduction_rows, i), &r);
      g_array_append_val (reductions, r);
    }

  /* Each rule where its value is, in the order of the form */
  if (!sf_roster_check_initials (initials, &error))
    return sf_edit_dialog_show_error (dialog, GTK_WIDGET (self->initials_row), error->message), FALSE;
  if (sf_roster_find_initials (self->store, initials, self->caseworker_id) != 0)
    {
      on_initials_changed_cb (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->initials_row));
      return FALSE;
    }
  if (!sf_roster_check_name (name, &error))
    return sf_edit_dialog_show_error (dialog, GTK_WIDGET (self->name_row), error->message), FALSE;
  if (!sf_roster_check_weekly_hours (&self->settings, worker.weekly_hours, &error))
    return sf_edit_dialog_show_error (dialog, GTK_WIDGET (self->hours_row), error->message), FALSE;
  if (!sf_roster_check_last_day (worker.start, worker.end, &error))
    return sf_edit_dialog_show_error (dialog, GTK_WIDGET (self->end_row), error->message), FALSE;
  for (guint i = 0; i < reductions->len; i++)
    {
      const SfReduction *r = &g_array_index (reductions, SfReduction, i);

      if (!sf_roster_check_reductions (&self->settings, worker.weekly_hours, r, 1, &error))
        {
          adw_expander_row_set_expanded (g_ptr_array_index (self->reduction_rows, i), TRUE);
          return sf_edit_dialog_show_error (dialog, g_ptr_array_index (self->reduction_rows, i),
                                            error->message), FALSE;
        }
    }
  if (!sf_roster_check_reductions (&self->settings, worker.weekly_hours,
                                   (const SfReduction *) reductions->data, reductions->len, &error))
    return sf_edit_dialog_show_error (dialog, GTK_WIDGET (self->hours_row), error->message), FALSE;
  if (!sf_roster_check_period (worker.absence_kind && *worker.absence_kind ? worker.absence_from : SF_DAY_NONE,
                               worker.absence_kind && *worker.absence_kind ? worker.absence_to : SF_DAY_NONE,
                               &error))
    return sf_edit_dialog_show_error (dialog, GTK_WIDGET (self->absence_to_row), error->message), FALSE;
  if (!sf_roster_check_factor (worker.individual_factor, &error))
    return sf_edit_dialog_show_error (dialog, GTK_WIDGET (self->factor_row), error->message), FALSE;
  if (!sf_roster_check_text (_("The reason for the factor"), factor_reason, SF_ROSTER_MAX_TEXT, &error))
    return sf_edit_dialog_show_error (dialog, GTK_WIDGET (self->factor_reason_row), error->message), FALSE;

  id = sf_roster_save_caseworker (self->store, &worker,
                                  (const SfReduction *) reductions->data, reductions->len, &error);
  if (id == 0 && sf_conflict_get (error) != NULL)
    {
      present_conflict (self, error, &worker, reductions);
      return FALSE;
    }
  if (id == 0)
    {
      GtkWidget *row = NULL;

      /* The one rule only the whole record can check */
      if (worker.individual_factor < 1 && *factor_reason == '\0')
        row = GTK_WIDGET (self->factor_reason_row);
      sf_edit_dialog_show_error (dialog, row, error->message);
      return FALSE;
    }

  return sf_edit_dialog_saved (dialog, id);
}
