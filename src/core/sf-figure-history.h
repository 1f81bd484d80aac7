#pragma once

#include "sf-alerts.h"
#include "sf-capacity.h"
#include "sf-store.h"
#include "sf-trend.h"

G_BEGIN_DECLS

/* The daily history of figures, acknowledged alerts, and what the GUI saw
 * when it last started. */

gboolean     sf_figure_history_record          (SfStore          *store,
                                         const SfFigures  *figures,
                                         GError          **error);
/* The same for the caseworkers @caseworker_ids and the teams @team_ids
 * (ascending sets; NULL: all) alone: enough after an edit that changed
 * only their figures (sf_recompute_apply()'s delta). */
gboolean     sf_figure_history_record_some     (SfStore          *store,
                                         const SfFigures  *figures,
                                         const GArray     *caseworker_ids,
                                         const GArray     *team_ids,
                                         GError          **error);

/* What the history holds for each day of @days: an SfRecording where the
 * app recorded figures on that very day, NULL where it did not. */
GPtrArray   *sf_figure_history_load_recordings (SfStore          *store,
                                         const GArray     *days,
                                         GError          **error);
/* The same with the rows of the caseworkers @caseworker_ids and the teams
 * @team_ids alone (NULL: all). */
GPtrArray   *sf_figure_history_load_recordings_some (SfStore      *store,
                                              const GArray *days,
                                              const GArray *caseworker_ids,
                                              const GArray *team_ids,
                                              GError      **error);

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
/* The same for a user who saw @seen (the alert's acknowledgement as
 * loaded, SfAlertAck's id and version; NULL: they saw none): an
 * acknowledgement someone else made, changed or took away since is
 * refused with an SF_CONFLICT_ERROR (sf-conflict.h), not overwritten.
 * Apply the user's edit anyway by passing what the conflict says is there
 * now (id and version; version 0: nothing is there). */
gboolean     sf_alert_acknowledge_versioned   (SfStore          *store,
                                               const SfAlert    *alert,
                                               const char       *note,
                                               SfDay             expires,
                                               gint64            seen_id,
                                               gint64            seen_version,
                                               GError          **error);
gboolean     sf_alert_unacknowledge_versioned (SfStore          *store,
                                               const SfAlert    *alert,
                                               gint64            seen_id,
                                               gint64            seen_version,
                                               GError          **error);

/* Evaluates the alerts of @figures with acknowledgements and history
 * applied: what the Alerts page and `alerts` show. */
GPtrArray   *sf_alerts_evaluate_stored  (SfStore          *store,
                                         const SfFigures  *figures,
                                         GError          **error);
/* @alerts (from either of these, on the same day) after only the figures
 * of the caseworkers @caseworker_ids and the teams @team_ids changed (an
 * edit's delta): theirs evaluated again, with acknowledgements and history
 * applied; the others as they were.  Equal to sf_alerts_evaluate_stored(),
 * for a fraction of the work.  @alerts is not changed. */
GPtrArray   *sf_alerts_evaluate_stored_some (SfStore          *store,
                                             const SfFigures  *figures,
                                             GPtrArray        *alerts,
                                             const GArray     *caseworker_ids,
                                             const GArray     *team_ids,
                                             GError          **error);

/* The identities of unacknowledged errors in @alerts that were not there
 * when @program last called this; records the current ones. */
GStrv        sf_alerts_take_new_errors  (SfStore          *store,
                                         const char       *program,
                                         GPtrArray        *alerts,
                                         GError          **error);

G_END_DECLS
