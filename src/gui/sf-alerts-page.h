/* sf-alerts-page.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_ALERTS_PAGE (sf_alerts_page_get_type ())

G_DECLARE_FINAL_TYPE (SfAlertsPage, sf_alerts_page, SF, ALERTS_PAGE, GtkWidget)

GtkWidget *sf_alerts_page_new          (void);
void       sf_alerts_page_set_context  (SfAlertsPage *self,
                                        SfContext    *context);
void       sf_alerts_page_catch_up     (SfAlertsPage *self);
void       sf_alerts_page_set_alerts   (SfAlertsPage *self,
                                        SfStore      *store,
                                        GPtrArray    *alerts,
                                        SfDay         ref);
GPtrArray *sf_alerts_page_get_alerts   (SfAlertsPage *self);
GtkWidget *sf_alerts_page_get_row      (SfAlertsPage *self,
                                        const char   *identity);
GtkWidget *sf_alerts_page_get_row_button (SfAlertsPage *self,
                                          const char   *identity);
AdwExpanderRow *sf_alerts_page_get_acknowledged_row (SfAlertsPage *self);
guint      sf_alerts_page_get_n_built_rows (SfAlertsPage *self);

G_END_DECLS
