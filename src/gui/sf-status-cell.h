/* sf-status-cell.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sf-roster-cell.h"

G_BEGIN_DECLS

#define SF_TYPE_STATUS_CELL (sf_status_cell_get_type ())

G_DECLARE_FINAL_TYPE (SfStatusCell, sf_status_cell, SF, STATUS_CELL, SfRosterCell)

GtkWidget    *sf_status_cell_new        (void);
const char   *sf_status_cell_get_text   (SfStatusCell *self);

G_END_DECLS
