/* sf-reduction-row.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-date-button.h"
#include "sf-reduction-row.h"

struct _SfReductionRow
{
  AdwExpanderRow  parent_instance;

  GtkButton      *remove_button;
  GtkSpinButton  *hours_spin;
  GtkAdjustment  *hours_adjustment;
  AdwComboRow    *reason_row;
  AdwEntryRow    *note_row;
  SfDateButton   *from_button;
  SfDateButton   *to_button;
};

G_DEFINE_FINAL_TYPE (SfReductionRow, sf_reduction_row, ADW_TYPE_EXPANDER_ROW)

enum {
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_title (SfReductionRow *self)
{
  double hours = gtk_spin_button_get_value (self->hours_spin);
  guint reason = adw_combo_row_get_selected (self->reason_row);
  g_autofree char *number = sf_format_hours (hours);
  g_autofree char *title = NULL;

  /* Translators: a reduction, e.g. "5 hours a week" */
  title = g_strdup_printf (_("%s hours a week"), number);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  if (reason < SF_N_REDUCTION_REASONS)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self),
                                   sf_reduction_reason_to_label ((SfReductionReason) reason));
}

static void
on_changed_cb (SfReductionRow *self)
{
  update_title (self);
}

static void
on_remove_button_clicked_cb (SfReductionRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
sf_reduction_row_class_init (SfReductionRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  g_type_ensure (SF_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-reduction-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SfReductionRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, SfReductionRow, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, SfReductionRow, hours_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SfReductionRow, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SfReductionRow, note_row);
  gtk_widget_class_bind_template_child (widget_class, SfReductionRow, from_button);
  gtk_widget_class_bind_template_child (widget_class, SfReductionRow, to_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_button_clicked_cb);
}

static void
sf_reduction_row_init (SfReductionRow *self)
{
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < SF_N_REDUCTION_REASONS; i++)
    gtk_string_list_append (reasons, sf_reduction_reason_to_label ((SfReductionReason) i));
  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (reasons));
  sf_date_button_set_title (self->from_button, _("Reduction from"));
  sf_date_button_set_title (self->to_button, _("Reduction to"));
}

GtkWidget *
sf_reduction_row_new (const SfReduction *reduction,
                      double             full_time_hours)
{
  SfReductionRow *self = g_object_new (SF_TYPE_REDUCTION_ROW, NULL);

  gtk_adjustment_set_upper (self->hours_adjustment, full_time_hours);
  if (reduction != NULL)
    {
      gtk_spin_button_set_value (self->hours_spin, reduction->hours);
      adw_combo_row_set_selected (self->reason_row, reduction->reason);
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), reduction->note ? reduction->note : "");
      sf_date_button_set_day (self->from_button, reduction->from);
      sf_date_button_set_day (self->to_button, reduction->to);
    }
  update_title (self);
  return GTK_WIDGET (self);
}

/* Fills @out; its note points into the row's entry, valid while the row is. */
void
sf_reduction_row_get (SfReductionRow *self,
                      SfReduction    *out)
{
  guint reason;

  g_return_if_fail (SF_IS_REDUCTION_ROW (self));

  gtk_spin_button_update (self->hours_spin);
  reason = adw_combo_row_get_selected (self->reason_row);
  out->id = 0;
  out->caseworker_id = 0;
  out->hours = gtk_spin_button_get_value (self->hours_spin);
  out->reason = reason < SF_N_REDUCTION_REASONS ? (SfReductionReason) reason : SF_REDUCTION_OTHER;
  out->note = (char *) gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  out->from = sf_date_button_get_day (self->from_button);
  out->to = sf_date_button_get_day (self->to_button);
}

void
sf_reduction_row_set_hours (SfReductionRow *self,
                            double          hours)
{
  g_return_if_fail (SF_IS_REDUCTION_ROW (self));

  gtk_spin_button_set_value (self->hours_spin, hours);
}
