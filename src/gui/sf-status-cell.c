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
  GtkWidget     parent_instance;

  SfRosterItem *item;

  GtkImage     *icon;
  GtkLabel     *label;
};

G_DEFINE_FINAL_TYPE (SfStatusCell, sf_status_cell, GTK_TYPE_WIDGET)

static void
update (SfStatusCell *self)
{
  if (self->item == NULL)
    {
      sf_status_set_css_class (GTK_WIDGET (self), NULL);
      gtk_image_clear (self->icon);
      gtk_label_set_label (self->label, NULL);
      return;
    }

  gtk_image_set_from_icon_name (self->icon, sf_roster_item_get_status_icon_name (self->item));
  gtk_label_set_label (self->label, sf_roster_item_get_status_label (self->item));
  sf_status_set_css_class (GTK_WIDGET (self),
                           sf_roster_item_get_is_counted (self->item)
                             ? sf_status_css_class (sf_roster_item_get_status (self->item))
                             : "no-capacity");
}

static void
sf_status_cell_dispose (GObject *object)
{
  SfStatusCell *self = (SfStatusCell *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (sf_status_cell_parent_class)->dispose (object);
}

static void
sf_status_cell_class_init (SfStatusCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_status_cell_dispose;

  /* The cell lays out its icon and word itself: no box, no template (a
   * list makes 200 of these at a time) */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
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

SfRosterItem *
sf_status_cell_get_item (SfStatusCell *self)
{
  g_return_val_if_fail (SF_IS_STATUS_CELL (self), NULL);

  return self->item;
}

void
sf_status_cell_set_item (SfStatusCell *self,
                         SfRosterItem *item)
{
  g_return_if_fail (SF_IS_STATUS_CELL (self));
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

/* The word the cell shows. */
const char *
sf_status_cell_get_text (SfStatusCell *self)
{
  g_return_val_if_fail (SF_IS_STATUS_CELL (self), NULL);

  return gtk_label_get_label (self->label);
}
