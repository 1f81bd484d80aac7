/* sf-filtered-list.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SF_TYPE_FILTERED_LIST (sf_filtered_list_get_type ())

G_DECLARE_FINAL_TYPE (SfFilteredList, sf_filtered_list, SF, FILTERED_LIST, GObject)

/* The items of @model that @filter matches, in @model's order: what
 * GtkFilterListModel shows, kept in an array so that the item at a
 * position is found at once however long the list (see the .c file). */
SfFilteredList *sf_filtered_list_new (GListModel *model,
                                      GtkFilter  *filter);

G_END_DECLS
