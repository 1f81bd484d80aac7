/* sf-alerts-page-private.h: what the tests reach of the Alerts page
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sf-alerts-page.h"

G_BEGIN_DECLS

GtkWidget      *sf_alerts_page_get_row              (SfAlertsPage *self,
                                                     const char   *identity);
GtkWidget      *sf_alerts_page_get_row_button       (SfAlertsPage *self,
                                                     const char   *identity);
AdwExpanderRow *sf_alerts_page_get_acknowledged_row (SfAlertsPage *self);
guint           sf_alerts_page_get_n_built_rows     (SfAlertsPage *self);

G_END_DECLS
