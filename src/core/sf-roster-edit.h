#pragma once

#include <glib.h>

#include "sf-capacity.h"
#include "sf-model.h"
#include "sf-settings.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* Teams and caseworkers as managers edit them in the app.
 *
 * The checks below are the rules for a roster value wherever it comes from:
 * the CSV import and the forms both call them.  Each returns FALSE with an
 * SF_ERROR_INVALID_INPUT (or SF_ERROR_PRIVACY) error whose message is a
 * whole, translated sentence that says what to do.
 *
 * Every write runs in one transaction with an audit entry and emits
 * SfStore::changed after the commit.  Removing or moving returns a snapshot
 * of what it took away or changed; sf_roster_undo() puts it back exactly,
 * with the same ids. */

#define SF_ROSTER_MAX_INITIALS     16
#define SF_ROSTER_MAX_TEXT         200
#define SF_ROSTER_MAX_ABSENCE_KIND 60

char       *sf_roster_fold_key               (const char          *text);

gboolean    sf_roster_check_text             (const char          *what,
                                              const char          *text,
                                              guint                max_chars,
                                              GError             **error);
gboolean    sf_roster_check_team_name        (const char          *name,
                                              GError             **error);
gboolean    sf_roster_check_initials         (const char          *initials,
                                              GError             **error);
gboolean    sf_roster_check_name             (const char          *name,
                                              GError             **error);
gboolean    sf_roster_check_weekly_hours     (const SfSettings    *settings,
                                              double               hours,
                                              GError             **error);
gboolean    sf_roster_check_reduction_hours  (const SfSettings    *settings,
                                              double               hours,
                                              GError             **error);
gboolean    sf_roster_check_reductions_total (double               reduction_hours,
                                              double               weekly_hours,
                                              GError             **error);
gboolean    sf_roster_check_factor           (double               factor,
                                              GError             **error);
gboolean    sf_roster_check_cap              (double               cap,
                                              gboolean             given,
                                              GError             **error);
gboolean    sf_roster_check_period           (SfDay                from,
                                              SfDay                to,
                                              GError             **error);
gboolean    sf_roster_check_last_day         (SfDay                start,
                                              SfDay                end,
                                              GError             **error);
double      sf_roster_max_reduction_hours    (const SfReduction   *reductions,
                                              guint                n_reductions);
gboolean    sf_roster_check_reductions       (const SfSettings    *settings,
                                              double               weekly_hours,
                                              const SfReduction   *reductions,
                                              guint                n_reductions,
                                              GError             **error);

/* Absence kinds the forms offer.  Stored as keys; text from an import that
 * is not a key is shown as it is.  Never a diagnosis. */
const char * const *sf_roster_absence_kinds  (void);
const char *sf_roster_absence_kind_label     (const char          *kind);

/* 0 if no caseworker other than @except_id has these initials (compared
 * without regard to case and Unicode form). */
gint64      sf_roster_find_initials          (SfStore             *store,
                                              const char          *initials,
                                              gint64               except_id);
gint64      sf_roster_find_team_name         (SfStore             *store,
                                              const char          *name,
                                              gint64               except_id);

/* Creates @team when its id is 0, else updates it.  Returns the id, 0 on error. */
gint64      sf_roster_save_team              (SfStore             *store,
                                              const SfTeam        *team,
                                              GError             **error);
/* Creates @worker when its id is 0, else updates it; its reductions become
 * @reductions (their ids and caseworker ids are ignored).  Returns the id,
 * 0 on error. */
gint64      sf_roster_save_caseworker        (SfStore             *store,
                                              const SfCaseworker  *worker,
                                              const SfReduction   *reductions,
                                              guint                n_reductions,
                                              GError             **error);

typedef struct _SfRosterSnapshot SfRosterSnapshot;

/* Removes a caseworker.  Their cases (open or closed) go to @successor_id,
 * which is required when they have any; cases they cover are covered by
 * the successor instead (cleared where the successor is the primary, or
 * without a successor). */
SfRosterSnapshot *sf_roster_remove_caseworker (SfStore            *store,
                                               gint64              caseworker_id,
                                               gint64              successor_id,
                                               GError            **error);
/* Removes a team.  Its members move to @destination_id first; a team with
 * members and no destination is refused. */
SfRosterSnapshot *sf_roster_remove_team       (SfStore            *store,
                                               gint64              team_id,
                                               gint64              destination_id,
                                               GError            **error);
SfRosterSnapshot *sf_roster_move_caseworker   (SfStore            *store,
                                               gint64              caseworker_id,
                                               gint64              team_id,
                                               GError            **error);
/* Puts back what @snapshot took away or changed.  Fails, changing
 * nothing, if the database changed so that it no longer fits (an id or
 * initials taken since). */
gboolean    sf_roster_undo                   (SfStore             *store,
                                              SfRosterSnapshot    *snapshot,
                                              GError             **error);
const char *sf_roster_snapshot_get_summary   (SfRosterSnapshot    *snapshot);
void        sf_roster_snapshot_free          (SfRosterSnapshot    *snapshot);

/* How an adjusted norm was reached, one factor a line, each with its reason. */
typedef struct
{
  char   *label;                  /* "Team norm", "Availability", … */
  double  value;
  char   *reason;                 /* why the factor is what it is */
} SfNormFactor;

GPtrArray  *sf_roster_explain_norm           (const SfFigures     *figures,
                                              gint64               caseworker_id);
void        sf_norm_factor_free              (SfNormFactor        *factor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfRosterSnapshot, sf_roster_snapshot_free)

G_END_DECLS
