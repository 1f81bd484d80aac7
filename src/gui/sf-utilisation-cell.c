/* sf-utilisation-cell.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-status-style.h"
#include "sf-utilisation-cell.h"

/* Weighted load against the adjusted norm: a bar coloured by status, with
 * the percentage beside it; "—" and the reason where there is no norm. */
struct _SfUtilisationCell
{
  SfRosterCell  parent_instance;

  GtkLevelBar  *level_bar;
  GtkLabel     *reason_label;
  GtkLabel     *percent_label;
};

G_DEFINE_FINAL_TYPE (SfUtilisationCell, sf_utilisation_cell, SF_TYPE_ROSTER_CELL)

static void
sf_utilisation_cell_update (SfRosterCell *cell,
                            SfRosterItem *item)
{
  SfUtilisationCell *self = SF_UTILISATION_CELL (cell);
  double utilisation;
  g_autofree char *accessible = NULL;

  sf_status_set_css_class (GTK_WIDGET (self->level_bar), NULL);

  if (item == NULL)
    {
      gtk_label_set_label (self->percent_label, NULL);
      gtk_label_set_label (self->reason_label, NULL);
      gtk_level_bar_set_value (self->level_bar, 0);
      return;
    }

  utilisation = sf_roster_item_get_utilisation (item);
  gtk_label_set_label (self->percent_label, sf_roster_item_get_utilisation_text (item));

  if (isnan (utilisation))
    {
      const char *reason = sf_roster_item_get_capacity_label (item);

      /* The status column says why, unless it shows a status (cases
       * counted on someone without capacity): then the reason goes here */
      gboolean show_reason = sf_roster_item_get_is_counted (item);

      gtk_widget_set_visible (GTK_WIDGET (self->level_bar), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->reason_label), show_reason);
      gtk_label_set_label (self->reason_label, show_reason ? reason : NULL);
      /* "—" stays where the percentages are */
      gtk_widget_set_hexpand (GTK_WIDGET (self->percent_label), !show_reason);
      gtk_level_bar_set_value (self->level_bar, 0);
      /* Read instead of "—". Translators: read by a screen reader; %s says
       * why, e.g. "Absent" */
      accessible = g_strdup_printf (_("No utilisation: %s"), reason != NULL ? reason : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->percent_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }
  else
    {
      SfStatus status = sf_roster_item_get_status (item);

      gtk_widget_set_visible (GTK_WIDGET (self->level_bar), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->reason_label), FALSE);
      gtk_widget_set_hexpand (GTK_WIDGET (self->percent_label), FALSE);
      gtk_label_set_label (self->reason_label, NULL);
      gtk_level_bar_set_value (self->level_bar, CLAMP (utilisation, 0.0, 1.0));
      sf_status_set_css_class (GTK_WIDGET (self->level_bar), sf_status_css_class (status));
      /* Translators: read by a screen reader, e.g. "Utilisation 104 %, Over norm" */
      accessible = g_strdup_printf (_("Utilisation %s, %s"),
                                    sf_roster_item_get_utilisation_text (item),
                                    sf_status_to_label (status));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->percent_label),
                                     GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

static void
sf_utilisation_cell_class_init (SfUtilisationCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A list keeps 200 rows of these and makes them again when its filter
   * changes, so each widget counts */
  SF_ROSTER_CELL_CLASS (klass)->update = sf_utilisation_cell_update;
  gtk_widget_class_set_css_name (widget_class, "sf-utilisation-cell");
}

static void
sf_utilisation_cell_init (SfUtilisationCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 12);

  self->level_bar = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0, 1));
  gtk_widget_set_hexpand (GTK_WIDGET (self->level_bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->level_bar), GTK_ALIGN_CENTER);
  /* The colour comes from the status, not from GtkLevelBar's own offsets */
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_parent (GTK_WIDGET (self->level_bar), widget);

  self->reason_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->reason_label), TRUE);
  gtk_label_set_xalign (self->reason_label, 0);
  gtk_label_set_ellipsize (self->reason_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->reason_label), "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->reason_label), widget);

  self->percent_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->percent_label, 1);
  gtk_label_set_width_chars (self->percent_label, 5);
  gtk_widget_add_css_class (GTK_WIDGET (self->percent_label), "numeric");
  gtk_widget_set_parent (GTK_WIDGET (self->percent_label), widget);
}

GtkWidget *
sf_utilisation_cell_new (void)
{
  return g_object_new (SF_TYPE_UTILISATION_CELL, NULL);
}
