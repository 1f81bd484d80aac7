/* sf-cell-tooltip.h: cells that ask their row for a tooltip when shown
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The tooltip of a row's item: plain text the item keeps (or NULL) … */
typedef const char * (*SfCellTextFunc)   (gpointer item);
/* … or Pango markup made for it, freed after use (or NULL). */
typedef char *       (*SfCellMarkupFunc) (gpointer item);

void  sf_cell_tooltip_set_text_func   (GtkListItem      *list_item,
                                       GtkWidget        *cell,
                                       SfCellTextFunc    func);
void  sf_cell_tooltip_set_markup_func (GtkListItem      *list_item,
                                       GtkWidget        *cell,
                                       SfCellMarkupFunc  func);

G_END_DECLS
