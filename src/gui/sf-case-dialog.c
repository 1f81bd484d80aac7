/* sf-case-dialog.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sf-case-dialog.h"
#include "sf-conflict-dialog.h"
#include "sf-error-dialog.h"
#include "sf-date-button.h"
#include "sf-worker-choices.h"

/* One case: its number, complexity, caseworker and dates.  The area follows
 * the caseworker's team.  A number that looks like a CPR number is refused
 * as it is typed; anything refused keeps the dialog open with everything
 * typed, the field marked and the reason above it. */
struct _SfCaseDialog
{
  SfEditDialog  parent_instance;

  SfStore      *store;
  gint64        case_id;
  gint64        version;       /* the case's, as the form was filled */
  gint64        cover_id;      /* kept as it is: covers are set from the list */
  GArray       *worker_ids;
  GArray       *worker_areas;  /* char *, the area of each worker's team */

  AdwEntryRow  *reference_row;
  AdwComboRow  *complexity_row;
  AdwComboRow  *caseworker_row;
  AdwActionRow *area_row;
  AdwActionRow *start_row;
  AdwActionRow *closed_row;
  SfDateButton *start_button;
  SfDateButton *closed_button;
};

static gboolean save (SfEditDialog *dialog);

G_DEFINE_FINAL_TYPE (SfCaseDialog, sf_case_dialog, SF_TYPE_EDIT_DIALOG)

static gint64
selected_worker (SfCaseDialog *self)
{
  return sf_worker_choices_id_at (self->worker_ids, adw_combo_row_get_selected (self->caseworker_row));
}

/* A CPR number is refused as it is typed, not only when saving */
static void
on_reference_changed_cb (SfCaseDialog *self,
                         GtkEditable  *editable)
{
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;

  if (sf_privacy_looks_like_cpr (text) && !sf_cases_check_reference (text, &error))
    {
      sf_edit_dialog_show_error (SF_EDIT_DIALOG (self), NULL, error->message);
      sf_edit_dialog_mark (SF_EDIT_DIALOG (self), GTK_WIDGET (self->reference_row));
    }
  else if (gtk_widget_has_css_class (GTK_WIDGET (self->reference_row), "error"))
    sf_edit_dialog_show_error (SF_EDIT_DIALOG (self), NULL, NULL);
}

static void
on_caseworker_selected_cb (SfCaseDialog *self,
                           GParamSpec   *pspec,
                           AdwComboRow  *row)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *area = NULL;
  g_autofree char *subtitle = NULL;

  if (self->worker_areas != NULL && selected < self->worker_areas->len)
    area = g_array_index (self->worker_areas, char *, selected);
  /* Translators: under "Case Area" in the case dialog */
  subtitle = g_markup_printf_escaped (_("%s (follows the caseworker’s team)"), area != NULL ? area : "—");
  adw_action_row_set_subtitle (self->area_row, subtitle);
}

static void
clear_string (gpointer data)
{
  g_free (*(char **) data);
}

static void
sf_case_dialog_finalize (GObject *object)
{
  SfCaseDialog *self = SF_CASE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->worker_ids, g_array_unref);
  g_clear_pointer (&self->worker_areas, g_array_unref);

  G_OBJECT_CLASS (sf_case_dialog_parent_class)->finalize (object);
}

static void
sf_case_dialog_class_init (SfCaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sf_case_dialog_finalize;
  SF_EDIT_DIALOG_CLASS (klass)->save = save;

  g_type_ensure (SF_TYPE_DATE_BUTTON);
  sf_edit_dialog_class_set_template (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfCaseDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseDialog, complexity_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseDialog, caseworker_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseDialog, closed_row);
  gtk_widget_class_bind_template_child (widget_class, SfCaseDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, SfCaseDialog, closed_button);
  gtk_widget_class_bind_template_callback (widget_class, on_reference_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_caseworker_selected_cb);
}

static void
sf_case_dialog_init (SfCaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  sf_date_button_set_title (self->start_button, _("Start date"));
  sf_date_button_set_title (self->closed_button, _("Closed"));
}

SfCaseDialog *
sf_case_dialog_new (GtkWindow        *parent,
                    SfStore          *store,
                    const SfDataset  *dataset,
                    const SfSettings *settings,
                    gint64            case_id,
                    gint64            caseworker_id)
{
  SfCaseDialog *self;
  g_autoptr(GtkStringList) workers = NULL;
  g_autoptr(GtkStringList) complexities = gtk_string_list_new (NULL);
  g_autoptr(GArray) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);
  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (SF_TYPE_CASE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  for (SfComplexity c = 0; c < SF_N_COMPLEXITIES; c++)
    {
      g_autofree char *weight = sf_format_decimal (settings->weights[c], 1);
      /* Translators: a complexity and its weight, e.g. "Complex (weight 1.0)" */
      g_autofree char *text = g_strdup_printf (_("%s (weight %s)"), sf_complexity_to_label (c), weight);

      gtk_string_list_append (complexities, text);
    }
  adw_combo_row_set_model (self->complexity_row, G_LIST_MODEL (complexities));
  adw_combo_row_set_selected (self->complexity_row, SF_COMPLEXITY_KOMPLEKS);

  workers = sf_worker_choices_new (dataset, NULL, 0, TRUE, &self->worker_ids);
  self->worker_areas = g_array_new (FALSE, TRUE, sizeof (char *));
  g_array_set_clear_func (self->worker_areas, clear_string);
  for (guint i = 0; i < self->worker_ids->len; i++)
    {
      const SfCaseworker *worker = sf_dataset_find_caseworker (dataset, g_array_index (self->worker_ids, gint64, i));
      const SfTeam *team = worker != NULL ? sf_dataset_find_team (dataset, worker->team_id) : NULL;
      const SfArea *area = team != NULL ? sf_dataset_find_area (dataset, team->area_id) : NULL;
      char *name = g_strdup (area != NULL ? area->name : NULL);

      g_array_append_val (self->worker_areas, name);
    }
  adw_combo_row_set_model (self->caseworker_row, G_LIST_MODEL (workers));

  if (case_id != 0)
    snapshot = sf_cases_snapshot (store, &case_id, 1, &error);

  if (snapshot != NULL)
    {
      const SfCase *kase = &g_array_index (snapshot, SfCase, 0);

      self->case_id = case_id;
      self->version = kase->version;
      self->cover_id = kase->cover_id;
      sf_edit_dialog_set_title (SF_EDIT_DIALOG (self), _("Edit Case"), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->reference_row), kase->reference);
      adw_combo_row_set_selected (self->complexity_row, kase->complexity);
      caseworker_id = kase->caseworker_id;
      sf_date_button_set_day (self->start_button, kase->start);
      sf_date_button_set_day (self->closed_button, kase->closed);
    }
  else
    {
      sf_edit_dialog_set_title (SF_EDIT_DIALOG (self), _("New Case"), TRUE);
      sf_date_button_set_day (self->start_button, sf_day_today ());
      if (error != NULL)
        sf_edit_dialog_refuse (SF_EDIT_DIALOG (self), error->message);
    }
  sf_case_dialog_select_caseworker (self, caseworker_id);
  on_caseworker_selected_cb (self, NULL, self->caseworker_row);
  return self;
}

void
sf_case_dialog_select_caseworker (SfCaseDialog *self,
                                  gint64        caseworker_id)
{
  g_return_if_fail (SF_IS_CASE_DIALOG (self));

  sf_worker_choices_select (self->caseworker_row, self->worker_ids, caseworker_id);
}

/* A caseworker as the list of caseworkers names them */
static char *
describe_worker (SfCaseDialog *self,
                 gint64        caseworker_id)
{
  guint position = sf_worker_choices_find (self->worker_ids, caseworker_id);
  GListModel *model = adw_combo_row_get_model (self->caseworker_row);

  if (position == GTK_INVALID_LIST_POSITION || model == NULL)
    return g_strdup ("");
  return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (model), position));
}

static char *
describe_complexity (const char *key)
{
  SfComplexity complexity;

  return g_strdup (key != NULL && sf_complexity_parse (key, &complexity) ? sf_complexity_to_label (complexity) : "");
}

static char *
describe_day (const char *iso)
{
  SfDay day = SF_DAY_NONE;

  if (iso != NULL)
    sf_day_parse (iso, &day);
  return sf_day_format (day);
}

/* The case as someone else left it (the conflict's values) beside the form's */
static void
present_conflict (SfCaseDialog *self,
                  const GError *error,
                  const SfCase *mine)
{
  const SfConflict *conflict = sf_conflict_get (error);
  g_autoptr(GPtrArray) fields = sf_conflict_fields_new ();
  const char *worker = sf_conflict_dialog_theirs (conflict, "caseworker_id");
  const char *start = sf_conflict_dialog_theirs (conflict, "start_date");
  const char *closed = sf_conflict_dialog_theirs (conflict, "closed_date");

  sf_conflict_fields_add_text (fields, _("Case number"), conflict, "reference", mine->reference);
  sf_conflict_fields_add (fields, _("Complexity"),
                          describe_complexity (sf_conflict_dialog_theirs (conflict, "complexity")),
                          g_strdup (sf_complexity_to_label (mine->complexity)));
  sf_conflict_fields_add (fields, _("Caseworker"),
                          worker != NULL ? describe_worker (self, g_ascii_strtoll (worker, NULL, 10)) : NULL,
                          describe_worker (self, mine->caseworker_id));
  sf_conflict_fields_add (fields, _("Start date"), describe_day (start),
                          sf_day_format (mine->start));
  sf_conflict_fields_add (fields, _("Closed"), describe_day (closed),
                          sf_day_format (mine->closed));
  sf_edit_dialog_present_conflict (SF_EDIT_DIALOG (self), error, fields, &self->version);
}

/* Checks and stores the case.  Returns whether it was saved (and closes). */
static gboolean
save (SfEditDialog *dialog)
{
  SfCaseDialog *self = SF_CASE_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  SfCase kase = { 0 };
  guint complexity;
  gint64 id;

  /* Spaces around a pasted number are no mistake of the manager's */
  reference = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference_row))));
  if (!sf_cases_check_reference (reference, &error))
    {
      sf_edit_dialog_show_error (dialog, GTK_WIDGET (self->reference_row), error->message);
      return FALSE;
    }
  kase.caseworker_id = selected_worker (self);
  if (kase.caseworker_id == 0)
    {
      sf_edit_dialog_show_error (dialog, GTK_WIDGET (self->caseworker_row),
                                 _("Choose the caseworker who has the case. Add caseworkers on the Teams page first."));
      return FALSE;
    }
  kase.start = sf_date_button_get_day (self->start_button);
  kase.closed = sf_date_button_get_day (self->closed_button);
  if (kase.start != SF_DAY_NONE && kase.closed != SF_DAY_NONE && kase.closed < kase.start)
    {
      sf_edit_dialog_show_error (dialog, GTK_WIDGET (self->closed_row),
                                 _("The case cannot be closed before it started."));
      return FALSE;
    }
  complexity = adw_combo_row_get_selected (self->complexity_row);
  kase.complexity = complexity < SF_N_COMPLEXITIES ? (SfComplexity) complexity : SF_COMPLEXITY_KOMPLEKS;
  kase.id = self->case_id;
  kase.version = self->version;
  kase.reference = reference;
  kase.area_id = 0;            /* the area of the caseworker's team */
  kase.cover_id = self->cover_id == kase.caseworker_id ? 0 : self->cover_id;

  if (self->case_id != 0)
    id = sf_cases_update (self->store, &kase, &error) ? self->case_id : 0;
  else
    id = sf_cases_add (self->store, &kase, &error);
  if (id == 0 && sf_conflict_get (error) != NULL)
    {
      present_conflict (self, error, &kase);
      return FALSE;
    }
  if (id == 0)
    {
      /* The number is what the store refuses most: a duplicate */
      GtkWidget *row = NULL;

      if (g_error_matches (error, SF_ERROR, SF_ERROR_PRIVACY) || strstr (error->message, reference) != NULL)
        row = GTK_WIDGET (self->reference_row);
      sf_edit_dialog_show_error (dialog, row, error->message);
      return FALSE;
    }

  return sf_edit_dialog_saved (dialog, id);
}
