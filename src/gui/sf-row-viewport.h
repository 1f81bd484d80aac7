/* sf-row-viewport.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SF_TYPE_ROW_VIEWPORT (sf_row_viewport_get_type ())

G_DECLARE_FINAL_TYPE (SfRowViewport, sf_row_viewport, SF, ROW_VIEWPORT, GtkWidget)

/* Goes between a GtkScrolledWindow and its GtkColumnView (the "child"
 * property, e.g. in a .ui file): the table is given only the rows in view
 * and a few around them, and the scrolled window scrolls over all of
 * @model.  Rows must all be of one height. */
GtkWidget         *sf_row_viewport_new         (void);
void               sf_row_viewport_set_child   (SfRowViewport     *self,
                                                GtkColumnView     *child);
void               sf_row_viewport_set_model   (SfRowViewport     *self,
                                                GtkSelectionModel *model);
GtkSelectionModel *sf_row_viewport_get_model   (SfRowViewport     *self);
guint              sf_row_viewport_get_first   (SfRowViewport     *self);
void               sf_row_viewport_scroll_to   (SfRowViewport     *self,
                                                guint              position);
GtkSelectionModel *sf_row_viewport_model_of    (GtkColumnView     *view);
gpointer           sf_row_viewport_item_at     (GtkColumnView     *view,
                                                guint              position);

G_END_DECLS
