#pragma once

#include "sf-alerts.h"
#include "sf-capacity.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* The daily history of figures, acknowledged alerts, and what the GUI saw
 * when it last started. */

gboolean     sf_history_record          (SfStore          *store,
                                         const SfFigures  *figures,
                                         GError          **error);
GHashTable  *sf_history_load_since      (SfStore          *store,
                                         const SfFigures  *figures,
                                         GError          **error);

GHashTable  *sf_alert_acks_load         (SfStore          *store,
                                         GError          **error);
gboolean     sf_alert_acknowledge       (SfStore          *store,
                                         const SfAlert    *alert,
                                         const char       *note,
                                         SfDay             expires,
                                         GError          **error);
gboolean     sf_alert_unacknowledge     (SfStore          *store,
                                         const SfAlert    *alert,
                                         GError          **error);

/* Evaluates the alerts of @figures with acknowledgements and history
 * applied: what the Alerts page and `alerts` show. */
GPtrArray   *sf_alerts_evaluate_stored  (SfStore          *store,
                                         const SfFigures  *figures,
                                         GError          **error);

/* The identities of unacknowledged errors in @alerts that were not there
 * when @program last called this; records the current ones. */
GStrv        sf_alerts_take_new_errors  (SfStore          *store,
                                         const char       *program,
                                         GPtrArray        *alerts,
                                         GError          **error);

G_END_DECLS
