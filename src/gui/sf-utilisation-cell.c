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
  GtkWidget     parent_instance;

  SfRosterItem *item;

  GtkLevelBar  *level_bar;
  GtkLabel     *reason_label;
  GtkLabel     *percent_label;
};

G_DEFINE_FINAL_TYPE (SfUtilisationCell, sf_utilisation_cell, GTK_TYPE_WIDGET)

static void
update (SfUtilisationCell *self)
{
  double utilisation;
  g_autofree char *accessible = NULL;

  sf_status_set_css_class (GTK_WIDGET (self->level_bar), NULL);

  if (self->item == NULL)
    {
      gtk_label_set_label (self->percent_label, NULL);
      gtk_label_set_label (self->reason_label, NULL);
      gtk_level_bar_set_value (self->level_bar, 0);
      return;
    }

  utilisation = sf_roster_item_get_utilisation (self->item);
  gtk_label_set_label (self->percent_label, sf_roster_item_get_utilisation_text (self->item));

  if (isnan (utilisation))
    {
      const char *reason = sf_roster_item_get_capacity_label (self->item);

      /* The status column says why, unless it shows a status (cases
       * counted on someone without capacity): then the reason goes here */
      gboolean show_reason = sf_roster_item_get_is_counted (self->item);

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
      SfStatus status = sf_roster_item_get_status (self->item);

      gtk_widget_set_visible (GTK_WIDGET (self->level_bar), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->reason_label), FALSE);
      gtk_widget_set_hexpand (GTK_WIDGET (self->percent_label), FALSE);
      gtk_label_set_label (self->reason_label, NULL);
      gtk_level_bar_set_value (self->level_bar, CLAMP (utilisation, 0.0, 1.0));
      sf_status_set_css_class (GTK_WIDGET (self->level_bar), sf_status_css_class (status));
      /* Translators: read by a screen reader, e.g. "Utilisation 104 %, Over norm" */
      accessible = g_strdup_printf (_("Utilisation %s, %s"),
                                    sf_roster_item_get_utilisation_text (self->item),
                                    sf_status_to_label (status));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->percent_label),
                                     GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

static void
sf_utilisation_cell_dispose (GObject *object)
{
  SfUtilisationCell *self = (SfUtilisationCell *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (sf_utilisation_cell_parent_class)->dispose (object);
}

static void
sf_utilisation_cell_class_init (SfUtilisationCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_utilisation_cell_dispose;

  /* The cell lays its three children out itself: no box, no template.
   * A list keeps 200 rows of these and makes them again when its filter
   * changes, so each widget and each builder run counts. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
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

SfRosterItem *
sf_utilisation_cell_get_item (SfUtilisationCell *self)
{
  g_return_val_if_fail (SF_IS_UTILISATION_CELL (self), NULL);

  return self->item;
}

void
sf_utilisation_cell_set_item (SfUtilisationCell *self,
                              SfRosterItem      *item)
{
  g_return_if_fail (SF_IS_UTILISATION_CELL (self));
  g_return_if_fail (item == NULL || SF_IS_ROSTER_ITEM (item));

  if (self->item == item)
    return;
  /* An item that changes in place is shown as it now is */
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect_object (item, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}
