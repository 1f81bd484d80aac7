/* sf-roster-cell.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-roster-cell.h"

/* A table cell that shows one caseworker's figures (SfStatusCell,
 * SfUtilisationCell): it follows its item, so an item that changes in place
 * is shown as it now is, and lays its children out itself in a box layout
 * (no box, no template: a list makes 200 of these at a time). */
typedef struct
{
  SfRosterItem *item;
} SfRosterCellPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SfRosterCell, sf_roster_cell, GTK_TYPE_WIDGET)

static void
update (SfRosterCell *self)
{
  SfRosterCellPrivate *priv = sf_roster_cell_get_instance_private (self);

  SF_ROSTER_CELL_GET_CLASS (self)->update (self, priv->item);
}

static void
sf_roster_cell_dispose (GObject *object)
{
  SfRosterCell *self = SF_ROSTER_CELL (object);
  SfRosterCellPrivate *priv = sf_roster_cell_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (priv->item != NULL)
    g_signal_handlers_disconnect_by_func (priv->item, update, self);
  g_clear_object (&priv->item);

  G_OBJECT_CLASS (sf_roster_cell_parent_class)->dispose (object);
}

static void
sf_roster_cell_class_init (SfRosterCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_roster_cell_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
sf_roster_cell_init (SfRosterCell *self)
{
}

SfRosterItem *
sf_roster_cell_get_item (SfRosterCell *self)
{
  SfRosterCellPrivate *priv = sf_roster_cell_get_instance_private (self);

  g_return_val_if_fail (SF_IS_ROSTER_CELL (self), NULL);

  return priv->item;
}

void
sf_roster_cell_set_item (SfRosterCell *self,
                         SfRosterItem *item)
{
  SfRosterCellPrivate *priv = sf_roster_cell_get_instance_private (self);

  g_return_if_fail (SF_IS_ROSTER_CELL (self));
  g_return_if_fail (item == NULL || SF_IS_ROSTER_ITEM (item));

  if (priv->item == item)
    return;
  /* An item that changes in place is shown as it now is */
  if (priv->item != NULL)
    g_signal_handlers_disconnect_by_func (priv->item, update, self);
  g_set_object (&priv->item, item);
  if (item != NULL)
    g_signal_connect_object (item, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}
