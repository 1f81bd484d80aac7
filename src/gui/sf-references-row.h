/* sf-references-row.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The caseloads of other projects from the guidance (sf_references_*), as
 * an expander row to put where a manager sets an own area's range or a
 * team's cap: "IPS: at most 25 per consultant", each with its source. */
GtkWidget *sf_references_row_new (gboolean expanded);

G_END_DECLS
