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

#define SF_TYPE_ROW_SLOT (sf_row_slot_get_type ())

G_DECLARE_FINAL_TYPE (SfRowSlot, sf_row_slot, SF, ROW_SLOT, GObject)

/* A run of consecutive items of @model, the ones a table shows, as rows
 * (SfRowSlot) that each show one of them (see sf-row-viewport.c).
 * Selecting in it selects in @model. */
SfListWindow      *sf_list_window_new        (GtkSelectionModel *model);
GtkSelectionModel *sf_list_window_get_model  (SfListWindow      *self);
guint              sf_list_window_get_offset (SfListWindow      *self);
gboolean           sf_list_window_set_range  (SfListWindow      *self,
                                              guint              offset,
                                              guint              size);

gpointer           sf_row_slot_get_item      (SfRowSlot         *self);

/* The item of the table's model that @list_item shows (through the
 * window's row, if it is one): what a factory binds */
gpointer           sf_row_item               (GtkListItem       *list_item);

G_END_DECLS
