/* sf-grouped-list.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The heading of the group that @item starts. */
typedef GtkWidget * (*SfGroupHeaderFunc) (gpointer item,
                                          gpointer user_data);

void       sf_grouped_list_bind (GtkListBox                 *box,
                                 GListModel                 *model,
                                 const char                 *group_property,
                                 SfGroupHeaderFunc           create_header,
                                 GtkListBoxCreateWidgetFunc  create_row,
                                 gpointer                    user_data);
GtkWidget *sf_group_header_new  (const char                 *title,
                                 const char                 *description,
                                 GtkWidget                  *suffix);

G_END_DECLS
