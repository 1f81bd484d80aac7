/* sf-utilisation-cell.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sf-roster-cell.h"

G_BEGIN_DECLS

#define SF_TYPE_UTILISATION_CELL (sf_utilisation_cell_get_type ())

G_DECLARE_FINAL_TYPE (SfUtilisationCell, sf_utilisation_cell, SF, UTILISATION_CELL, SfRosterCell)

GtkWidget    *sf_utilisation_cell_new      (void);

G_END_DECLS
