/* sf-status-cell.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-status-cell.h"
#include "sf-status-style.h"

/* A caseworker's status as a word and an icon: never colour alone. */
struct _SfStatusCell
{
  SfRosterCell  parent_instance;

  GtkImage     *icon;
  GtkLabel     *label;
};

G_DEFINE_FINAL_TYPE (SfStatusCell, sf_status_cell, SF_TYPE_ROSTER_CELL)

static void
sf_status_cell_update (SfRosterCell *cell,
                       SfRosterItem *item)
{
  SfStatusCell *self = SF_STATUS_CELL (cell);

  if (item == NULL)
    {
      sf_status_set_css_class (GTK_WIDGET (self), NULL);
      gtk_image_clear (self->icon);
      gtk_label_set_label (self->label, NULL);
      return;
    }

  gtk_image_set_from_icon_name (self->icon, sf_roster_item_get_status_icon_name (item));
  gtk_label_set_label (self->label, sf_roster_item_get_status_label (item));
  sf_status_set_css_class (GTK_WIDGET (self),
                           sf_roster_item_get_is_counted (item)
                             ? sf_status_css_class (sf_roster_item_get_status (item))
                             : "no-capacity");
}

static void
sf_status_cell_class_init (SfStatusCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  SF_ROSTER_CELL_CLASS (klass)->update = sf_status_cell_update;
  gtk_widget_class_set_css_name (widget_class, "sf-status-cell");
}

static void
sf_status_cell_init (SfStatusCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 6);
  /* The word next to it says the same */
  self->icon = g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->icon), widget);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_parent (GTK_WIDGET (self->label), widget);
}

GtkWidget *
sf_status_cell_new (void)
{
  return g_object_new (SF_TYPE_STATUS_CELL, NULL);
}

/* The word the cell shows. */
const char *
sf_status_cell_get_text (SfStatusCell *self)
{
  g_return_val_if_fail (SF_IS_STATUS_CELL (self), NULL);

  return gtk_label_get_label (self->label);
}
