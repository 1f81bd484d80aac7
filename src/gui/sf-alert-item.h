/* sf-alert-item.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_ALERT_ITEM (sf_alert_item_get_type ())

G_DECLARE_FINAL_TYPE (SfAlertItem, sf_alert_item, SF, ALERT_ITEM, GObject)

/* One row of the Alerts page: an alert on @ref (a copy of it) and what its
 * row says.  @group_description is what the heading of its team's group
 * says (the counts of errors and warnings), or NULL. */
SfAlertItem   *sf_alert_item_new                   (const SfAlert *alert,
                                                    SfDay          ref,
                                                    const char    *group_description);
const SfAlert *sf_alert_item_get_alert             (SfAlertItem   *self);
const char    *sf_alert_item_get_identity          (SfAlertItem   *self);
const char    *sf_alert_item_get_title             (SfAlertItem   *self);
const char    *sf_alert_item_get_subtitle          (SfAlertItem   *self);
const char    *sf_alert_item_get_group_title       (SfAlertItem   *self);
const char    *sf_alert_item_get_group_description (SfAlertItem   *self);

G_END_DECLS
