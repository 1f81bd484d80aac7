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

G_END_DECLS
