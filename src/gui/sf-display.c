/* sf-display.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-display.h"

/* How many rows at least @row_height px high the tallest monitor shows,
 * and at least @at_least: what a long list builds before its first frame,
 * the rest after it. */
guint
sf_display_rows_to_fill (int   row_height,
                         guint at_least)
{
  GdkDisplay *display = gdk_display_get_default ();
  GListModel *monitors = display != NULL ? gdk_display_get_monitors (display) : NULL;
  int height = 0;

  g_return_val_if_fail (row_height > 0, at_least);

  for (guint i = 0; monitors != NULL && i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }
  return MAX (at_least, (guint) height / (guint) row_height + 1);
}
