/* sf-roster-page-private.h: what the tests reach of the roster page
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sf-roster-page.h"

G_BEGIN_DECLS

guint          sf_roster_page_get_n_caseworkers (SfRosterPage   *self);
GtkEditable   *sf_roster_page_get_search_entry (SfRosterPage    *self);
GtkColumnView *sf_roster_page_get_column_view  (SfRosterPage    *self);

G_END_DECLS
