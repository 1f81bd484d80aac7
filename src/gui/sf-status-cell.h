/* sf-status-cell.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sf-roster-item.h"

G_BEGIN_DECLS

#define SF_TYPE_STATUS_CELL (sf_status_cell_get_type ())

G_DECLARE_FINAL_TYPE (SfStatusCell, sf_status_cell, SF, STATUS_CELL, GtkWidget)

GtkWidget    *sf_status_cell_new        (void);
SfRosterItem *sf_status_cell_get_item   (SfStatusCell *self);
void          sf_status_cell_set_item   (SfStatusCell *self,
                                         SfRosterItem *item);
const char   *sf_status_cell_get_text   (SfStatusCell *self);

G_END_DECLS
