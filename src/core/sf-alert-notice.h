#pragma once

#include <glib.h>

#include "sf-alerts.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* What the GUI says about alerts, kept here so that it can be tested
 * without a display: how long an alert has lasted, the count on the Alerts
 * tab, the start-up notice, and the checks of an acknowledgement. */

/* How many days an acknowledgement lasts unless the manager says otherwise. */
#define SF_ALERT_ACK_DEFAULT_DAYS 14

char      *sf_alert_describe_since        (const SfAlert        *alert,
                                           SfDay                 ref);
guint      sf_alerts_count_unacknowledged (GPtrArray            *alerts);
gboolean   sf_alerts_new_errors_notice    (const char * const   *identities,
                                           char                **title,
                                           char                **body);
SfDay      sf_alert_ack_default_expiry    (SfDay                 today);
gboolean   sf_alert_ack_check             (const char           *note,
                                           const char           *expires_text,
                                           SfDay                 today,
                                           SfDay                *out_expires,
                                           GError              **error);
SfFigures *sf_figures_load                (SfStore              *store,
                                           SfDay                 ref,
                                           SfDataset           **out_dataset,
                                           GError              **error);

G_END_DECLS
