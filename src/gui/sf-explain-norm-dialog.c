/* sf-explain-norm-dialog.c: a caseworker's adjusted norm, factor by factor
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-explain-norm-dialog.h"

/* The factors of the adjusted norm of @caseworker_id in @figures
 * (sf_roster_explain_norm()), so that the number is never unexplained;
 * NULL when @figures do not hold that caseworker. */
GtkWindow *
sf_explain_norm_dialog_new (GtkWindow       *parent,
                            const SfFigures *figures,
                            gint64           caseworker_id)
{
  g_autoptr(GPtrArray) factors = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *norm = NULL;
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  const SfWorkerFigures *wf;
  GtkWidget *list;
  GtkWidget *dialog;
  GtkWidget *total;

  g_return_val_if_fail (figures != NULL, NULL);

  wf = sf_figures_find_worker (figures, caseworker_id);
  factors = sf_roster_explain_norm (figures, caseworker_id);
  if (wf == NULL || factors == NULL)
    return NULL;

  norm = sf_format_decimal (wf->adjusted_norm, 1);
  /* Translators: e.g. "The Norm of Anne Bach (AB)" */
  heading = g_strdup_printf (_("The Norm of %s (%s)"), wf->worker->name, wf->worker->initials);
  date = sf_day_format (figures->ref);
  body = g_strdup_printf (_("On %s the adjusted norm is %s cases: the team norm multiplied by "
                            "each factor below."), date, norm);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Factors of the norm"), -1);
  for (guint i = 0; i < factors->len; i++)
    {
      SfNormFactor *factor = g_ptr_array_index (factors, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = NULL;
      g_autofree char *number = sf_format_decimal (factor->value, i == 0 ? (fabs (factor->value - round (factor->value)) < 0.05 ? 0 : 1) : 2);
      g_autofree char *title = i == 0 ? g_strdup (factor->label) : g_strdup_printf ("× %s", factor->label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), factor->reason);
      value = gtk_label_new (number);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  total = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (total), _("= Adjusted norm"));
  {
    GtkWidget *value = gtk_label_new (norm);

    gtk_widget_add_css_class (value, "numeric");
    gtk_widget_add_css_class (value, "title-4");
    adw_action_row_add_suffix (ADW_ACTION_ROW (total), value);
  }
  gtk_list_box_append (GTK_LIST_BOX (list), total);

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  return GTK_WINDOW (dialog);
}
