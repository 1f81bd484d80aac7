/* sf-roster-cell.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sf-roster-item.h"

G_BEGIN_DECLS

#define SF_TYPE_ROSTER_CELL (sf_roster_cell_get_type ())

G_DECLARE_DERIVABLE_TYPE (SfRosterCell, sf_roster_cell, SF, ROSTER_CELL, GtkWidget)

struct _SfRosterCellClass
{
  GtkWidgetClass parent_class;

  /* Shows @item (NULL: nothing) as it now is */
  void (*update) (SfRosterCell *self,
                  SfRosterItem *item);
};

SfRosterItem *sf_roster_cell_get_item (SfRosterCell *self);
void          sf_roster_cell_set_item (SfRosterCell *self,
                                       SfRosterItem *item);

G_END_DECLS
