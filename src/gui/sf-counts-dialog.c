/* sf-counts-dialog.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sf-counts-dialog.h"
#include "sf-worker-choices.h"

/* "Mette has 12 kompleks, 5 enkel, 3 særligt kompliceret": a caseworker's
 * open cases entered as three counts (sf_cases_set_counts), with the
 * weighted caseload they give shown as they are typed. */
struct _SfCountsDialog
{
  SfEditDialog    parent_instance;

  SfStore        *store;
  SfDataset      *dataset;
  SfFigures      *figures;
  SfDay           ref;
  GArray         *worker_ids;
  guint           have[SF_N_COMPLEXITIES];   /* open counted cases now */
  SfCountsResult  result;
  gboolean        saved;
  gboolean        updating;
  char           *summary;

  AdwComboRow    *caseworker_row;
  AdwActionRow   *enkel_row;
  AdwActionRow   *kompleks_row;
  AdwActionRow   *saerligt_row;
  GtkSpinButton  *enkel_spin;
  GtkSpinButton  *kompleks_spin;
  GtkSpinButton  *saerligt_spin;
  AdwActionRow   *summary_row;
};

static gboolean save (SfEditDialog *dialog);

G_DEFINE_FINAL_TYPE (SfCountsDialog, sf_counts_dialog, SF_TYPE_EDIT_DIALOG)

static GtkSpinButton *
spin_for (SfCountsDialog *self,
          SfComplexity    complexity)
{
  switch (complexity)
    {
    case SF_COMPLEXITY_ENKEL:
      return self->enkel_spin;
    case SF_COMPLEXITY_KOMPLEKS:
      return self->kompleks_spin;
    case SF_COMPLEXITY_SAERLIGT_KOMPLICERET:
    case SF_N_COMPLEXITIES:
    default:
      return self->saerligt_spin;
    }
}

static gint64
selected_worker (SfCountsDialog *self)
{
  return sf_worker_choices_id_at (self->worker_ids, adw_combo_row_get_selected (self->caseworker_row));
}

/* The weighted caseload with the counts typed: the person's load now, less
 * the counted cases they have, plus the counts. */
static void
update_summary (SfCountsDialog *self)
{
  const SfWorkerFigures *wf = sf_figures_find_worker (self->figures, selected_worker (self));
  const double *weights = self->figures->settings.weights;
  g_autofree char *load_text = NULL;
  g_autofree char *norm_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint counted_now = 0;
  double load;
  SfStatus status;

  if (wf == NULL)
    {
      adw_action_row_set_subtitle (self->summary_row, _("Add caseworkers on the Teams page first."));
      sf_edit_dialog_set_can_save (SF_EDIT_DIALOG (self), FALSE);
      return;
    }
  load = wf->weighted_load;
  for (SfComplexity c = 0; c < SF_N_COMPLEXITIES; c++)
    {
      guint count = sf_counts_dialog_get_count (self, c);

      load += ((double) count - (double) self->have[c]) * weights[c];
      counted_now += self->have[c];
    }
  status = sf_capacity_status (&self->figures->settings, load, wf->adjusted_norm);
  load_text = sf_format_decimal (load, 1);
  norm_text = sf_format_decimal (wf->adjusted_norm, 1);
  if (wf->adjusted_norm > 0)
    {
      g_autofree char *percent = sf_format_decimal (load / wf->adjusted_norm * 100, 1);

      /* Translators: the weighted caseload the counts give: load of norm (utilisation) · status */
      title = g_strdup_printf (_("%s of norm %s (%s %%) · %s"), load_text, norm_text, percent,
                               sf_status_to_label (status));
    }
  else
    title = g_strdup_printf (_("%s with no norm · %s"), load_text, sf_status_to_label (status));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "With %u open case with a case number, left as it is",
                                           "With %u open cases with case numbers, left as they are",
                                           wf->open_cases >= counted_now ? wf->open_cases - counted_now : 0),
                              wf->open_cases >= counted_now ? wf->open_cases - counted_now : 0);
  g_free (self->summary);
  self->summary = g_strdup_printf ("%s\n%s", title, subtitle);
  /* The row keeps its title; the figures go under it */
  {
    g_autofree char *escaped = g_markup_escape_text (self->summary, -1);

    adw_action_row_set_subtitle (self->summary_row, escaped);
  }
  sf_edit_dialog_set_can_save (SF_EDIT_DIALOG (self), TRUE);
}

static void
on_count_changed_cb (SfCountsDialog *self,
                     GtkSpinButton  *spin)
{
  if (!self->updating)
    update_summary (self);
}

static void
on_caseworker_selected_cb (SfCountsDialog *self,
                           GParamSpec     *pspec,
                           AdwComboRow    *row)
{
  g_autoptr(GError) error = NULL;
  gint64 worker = selected_worker (self);

  memset (self->have, 0, sizeof self->have);
  if (worker != 0 && !sf_cases_count_open_counted (self->store, worker, self->ref, self->have, &error))
    sf_edit_dialog_show_error (SF_EDIT_DIALOG (self), NULL, error->message);
  self->updating = TRUE;
  for (SfComplexity c = 0; c < SF_N_COMPLEXITIES; c++)
    gtk_spin_button_set_value (spin_for (self, c), self->have[c]);
  self->updating = FALSE;
  update_summary (self);
}

static void
sf_counts_dialog_finalize (GObject *object)
{
  SfCountsDialog *self = SF_COUNTS_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->figures, sf_figures_free);
  g_clear_pointer (&self->dataset, sf_dataset_free);
  g_clear_pointer (&self->worker_ids, g_array_unref);
  sf_counts_result_clear (&self->result);
  g_free (self->summary);

  G_OBJECT_CLASS (sf_counts_dialog_parent_class)->finalize (object);
}

static void
sf_counts_dialog_class_init (SfCountsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sf_counts_dialog_finalize;
  SF_EDIT_DIALOG_CLASS (klass)->save = save;

  sf_edit_dialog_class_set_template (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-counts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfCountsDialog, caseworker_row);
  gtk_widget_class_bind_template_child (widget_class, SfCountsDialog, enkel_row);
  gtk_widget_class_bind_template_child (widget_class, SfCountsDialog, kompleks_row);
  gtk_widget_class_bind_template_child (widget_class, SfCountsDialog, saerligt_row);
  gtk_widget_class_bind_template_child (widget_class, SfCountsDialog, enkel_spin);
  gtk_widget_class_bind_template_child (widget_class, SfCountsDialog, kompleks_spin);
  gtk_widget_class_bind_template_child (widget_class, SfCountsDialog, saerligt_spin);
  gtk_widget_class_bind_template_child (widget_class, SfCountsDialog, summary_row);
  gtk_widget_class_bind_template_callback (widget_class, on_count_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_caseworker_selected_cb);
}

static void
sf_counts_dialog_init (SfCountsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SfCountsDialog *
sf_counts_dialog_new (GtkWindow        *parent,
                      SfStore          *store,
                      const SfDataset  *dataset,
                      const SfSettings *settings,
                      SfDay             ref,
                      gint64            caseworker_id)
{
  SfCountsDialog *self;
  g_autoptr(GtkStringList) workers = NULL;
  AdwActionRow *rows[SF_N_COMPLEXITIES];

  g_return_val_if_fail (SF_IS_STORE (store), NULL);
  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_object_new (SF_TYPE_COUNTS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->dataset = sf_dataset_copy (dataset);
  self->figures = sf_figures_compute (self->dataset, settings, ref);
  self->ref = ref;

  rows[SF_COMPLEXITY_ENKEL] = self->enkel_row;
  rows[SF_COMPLEXITY_KOMPLEKS] = self->kompleks_row;
  rows[SF_COMPLEXITY_SAERLIGT_KOMPLICERET] = self->saerligt_row;
  for (SfComplexity c = 0; c < SF_N_COMPLEXITIES; c++)
    {
      g_autofree char *weight = sf_format_decimal (settings->weights[c], 1);
      /* Translators: under a complexity in the counts dialog */
      g_autofree char *subtitle = g_strdup_printf (_("Weight %s each"), weight);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[c]), sf_complexity_to_label (c));
      adw_action_row_set_subtitle (rows[c], subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin_for (self, c)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      sf_complexity_to_label (c), -1);
    }

  self->updating = TRUE;
  workers = sf_worker_choices_new (self->dataset, NULL, 0, TRUE, &self->worker_ids);
  adw_combo_row_set_model (self->caseworker_row, G_LIST_MODEL (workers));
  self->updating = FALSE;
  sf_worker_choices_select (self->caseworker_row, self->worker_ids, caseworker_id);
  on_caseworker_selected_cb (self, NULL, self->caseworker_row);
  return self;
}

guint
sf_counts_dialog_get_count (SfCountsDialog *self,
                            SfComplexity    complexity)
{
  GtkSpinButton *spin;

  g_return_val_if_fail (SF_IS_COUNTS_DIALOG (self), 0);
  g_return_val_if_fail (complexity < SF_N_COMPLEXITIES, 0);

  spin = spin_for (self, complexity);
  /* A number typed but not yet entered counts too */
  gtk_spin_button_update (spin);
  return (guint) MAX (0, gtk_spin_button_get_value_as_int (spin));
}

/* The weighted caseload the counts give, as shown */
const char *
sf_counts_dialog_get_summary (SfCountsDialog *self)
{
  g_return_val_if_fail (SF_IS_COUNTS_DIALOG (self), NULL);

  return self->summary;
}

/* Stores the counts; ::saved has the caseworker's id */
static gboolean
save (SfEditDialog *dialog)
{
  SfCountsDialog *self = SF_COUNTS_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  guint counts[SF_N_COMPLEXITIES];
  gint64 worker;

  worker = selected_worker (self);
  if (worker == 0)
    return FALSE;
  for (SfComplexity c = 0; c < SF_N_COMPLEXITIES; c++)
    counts[c] = sf_counts_dialog_get_count (self, c);
  sf_counts_result_clear (&self->result);
  if (!sf_cases_set_counts (self->store, worker, counts, sf_day_today (), &self->result, &error))
    {
      sf_edit_dialog_show_error (dialog, NULL, error->message);
      return FALSE;
    }
  self->saved = TRUE;
  return sf_edit_dialog_saved (dialog, worker);
}

const SfCountsResult *
sf_counts_dialog_get_result (SfCountsDialog *self)
{
  g_return_val_if_fail (SF_IS_COUNTS_DIALOG (self), NULL);

  return self->saved ? &self->result : NULL;
}

gint64
sf_counts_dialog_get_caseworker (SfCountsDialog *self)
{
  g_return_val_if_fail (SF_IS_COUNTS_DIALOG (self), 0);

  return selected_worker (self);
}
