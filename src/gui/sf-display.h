/* sf-display.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

guint sf_display_rows_to_fill (int   row_height,
                               guint at_least);

G_END_DECLS
