/* sf-cell-tooltip.c: cells that ask their row for a tooltip when shown
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Setting a cell's tooltip as its row is bound makes GTK ask the X server
 * where the pointer is, and GTK 4.8 binds 200 rows on a sort or a search,
 * and every row after a changed one: that was nearly half of what sorting
 * the roster cost.  These cells ask their row's item for the tooltip only
 * when the pointer rests on them.
 */

#include "config.h"

#include "sf-cell-tooltip.h"
#include "sf-list-window.h"

static gboolean
on_query_tooltip_cb (GtkWidget   *cell,
                     int          x,
                     int          y,
                     gboolean     keyboard_mode,
                     GtkTooltip  *tooltip,
                     GtkListItem *list_item)
{
  SfCellTextFunc text_func = g_object_get_data (G_OBJECT (cell), "sf-tooltip-text");
  SfCellMarkupFunc markup_func = g_object_get_data (G_OBJECT (cell), "sf-tooltip-markup");
  gpointer item = sf_row_item (list_item);
  g_autofree char *markup = NULL;
  const char *text = NULL;

  if (item == NULL)
    return FALSE;
  if (text_func != NULL && (text = text_func (item)) != NULL && *text != '\0')
    gtk_tooltip_set_text (tooltip, text);
  else if (markup_func != NULL && (markup = markup_func (item)) != NULL && *markup != '\0')
    gtk_tooltip_set_markup (tooltip, markup);
  else
    return FALSE;
  return TRUE;
}

static void
attach (GtkListItem *list_item,
        GtkWidget   *cell,
        const char  *key,
        gpointer     func)
{
  g_object_set_data (G_OBJECT (cell), key, func);
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect_object (cell, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), list_item, 0);
}

/* @cell, the child of @list_item, shows what @func says of the row's
 * item as its tooltip; nothing where it says NULL or "". */
void
sf_cell_tooltip_set_text_func (GtkListItem    *list_item,
                               GtkWidget      *cell,
                               SfCellTextFunc  func)
{
  g_return_if_fail (GTK_IS_LIST_ITEM (list_item) && GTK_IS_WIDGET (cell) && func != NULL);

  attach (list_item, cell, "sf-tooltip-text", func);
}

void
sf_cell_tooltip_set_markup_func (GtkListItem      *list_item,
                                 GtkWidget        *cell,
                                 SfCellMarkupFunc  func)
{
  g_return_if_fail (GTK_IS_LIST_ITEM (list_item) && GTK_IS_WIDGET (cell) && func != NULL);

  attach (list_item, cell, "sf-tooltip-markup", func);
}
