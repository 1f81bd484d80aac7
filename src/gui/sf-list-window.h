/* sf-list-window.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SF_TYPE_LIST_WINDOW (sf_list_window_get_type ())

G_DECLARE_FINAL_TYPE (SfListWindow, sf_list_window, SF, LIST_WINDOW, GObject)

/* A run of consecutive items of @model: the ones a table shows (see
 * sf-row-viewport.c).  Selecting in it selects in @model. */
SfListWindow      *sf_list_window_new        (GtkSelectionModel *model);
GtkSelectionModel *sf_list_window_get_model  (SfListWindow      *self);
guint              sf_list_window_get_offset (SfListWindow      *self);
gboolean           sf_list_window_set_range  (SfListWindow      *self,
                                              guint              offset,
                                              guint              size);

G_END_DECLS
