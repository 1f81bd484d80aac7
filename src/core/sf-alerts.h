#pragma once

#include <glib.h>

#include "sf-capacity.h"
#include "sf-trend.h"

G_BEGIN_DECLS

typedef enum
{
  SF_ALERT_OVER_NORM,          /* error: a caseworker over their adjusted norm */
  SF_ALERT_NEAR_NORM,          /* warning: above the near threshold */
  SF_ALERT_NO_CAPACITY,        /* error: adjusted norm 0, still carries cases */
  SF_ALERT_UNCOVERED_CASES,    /* error: a team has cases nobody covers */
  SF_ALERT_TEAM_OVER_DS_RANGE, /* warning: cases per FTE above DS' upper figure */
  SF_ALERT_CHECKLIST_DUE,      /* warning: a team's checklist items are due for follow-up */
  SF_ALERT_TEAM_OVER_OWN_RANGE, /* warning: cases per FTE above the upper end of an own area's own range */
  SF_ALERT_SUSTAINED_OVERLOAD, /* error: a caseworker over the norm at every weekly point for W weeks */
  SF_ALERT_TEAM_SUSTAINED_OVERLOAD, /* error: a team over its capacity likewise */
  SF_N_ALERT_KINDS
} SfAlertKind;

typedef enum
{
  SF_SEVERITY_WARNING,
  SF_SEVERITY_ERROR,
} SfSeverity;

typedef struct
{
  SfAlertKind  kind;
  SfSeverity   severity;
  gint64       team_id;
  gint64       caseworker_id;  /* 0 for a team's alert */
  char        *subject;        /* initials, or the team's name */
  char        *team_name;
  double       value;          /* the figure that triggered it (utilisation, count, cases per FTE) */
  double       limit;          /* the threshold it was held against */
  double       excess;         /* how much must go: weighted cases, cases, cases per FTE */
  char        *message;        /* translated: what is wrong, with the figures */
  char        *resolution;     /* translated: what would resolve it */
  SfDay        since;          /* first day of the current run, from history; NONE if unknown */
  gboolean     acknowledged;   /* an acknowledgement holds on the reference date */
  char        *ack_note;
  SfDay        ack_expires;
  gint64       ack_id;         /* its acknowledgement's row as read, holding or not */
  gint64       ack_version;    /* (sf-conflict.h); 0: none was there */
} SfAlert;

const char *sf_alert_kind_to_key      (SfAlertKind      kind);
gboolean    sf_alert_kind_parse       (const char      *key,
                                       SfAlertKind     *out);
const char *sf_severity_to_key        (SfSeverity       severity);
char       *sf_alert_identity         (const SfAlert   *alert);

/* Every alert on the figures' reference date, most severe first, then by
 * team name and subject. */
GPtrArray  *sf_alerts_evaluate        (const SfFigures *figures);
/* @alerts (as sf_alerts_evaluate() gave them, with anything applied
 * since) with those of the caseworkers @caseworker_ids and the teams
 * @team_ids (ascending sets) evaluated again on @figures: what
 * sf_alerts_evaluate() gives after only they changed, checklist alerts
 * kept.  @alerts is not changed.  The new ones are also listed (borrowed
 * from the result) in @out_fresh, for the caller to apply
 * acknowledgements and history to. */
GPtrArray  *sf_alerts_evaluate_some   (const SfFigures *figures,
                                       GPtrArray       *alerts,
                                       const GArray    *caseworker_ids,
                                       const GArray    *team_ids,
                                       GPtrArray      **out_fresh);
void        sf_alerts_sort            (GPtrArray       *alerts);
/* Adds @alert (taken) to @alerts (sorted) where sf_alerts_sort() puts it:
 * one alert without sorting them all again. */
void        sf_alerts_insert_sorted   (GPtrArray       *alerts,
                                       SfAlert         *alert);
/* The sustained-overload alerts on the figures' reference date, from
 * weekly trend @points (ascending, the last on the reference date, as
 * sf_trend_compute() gives them): a caseworker whose status is over at each
 * of the last sustained_weeks + 1 points, a team whose load is above its
 * capacity (or that has load and no capacity) at each of them.  Each says
 * since when: the first point of the unbroken run among @points. */
GPtrArray  *sf_alerts_sustained       (const SfFigures *figures,
                                       GPtrArray       *points);
/* The same for the caseworkers @caseworker_ids and the teams @team_ids
 * (ascending sets) alone. */
GPtrArray  *sf_alerts_sustained_some  (const SfFigures *figures,
                                       GPtrArray       *points,
                                       const GArray    *caseworker_ids,
                                       const GArray    *team_ids);
/* Adds to @over_workers and @over_teams (sorted ids) the caseworkers and
 * teams over at @point as a sustained overload counts them (of
 * @caseworker_ids and @team_ids alone when they are given): the only ones
 * whose run can reach @point. */
void        sf_alerts_over_at         (const SfFigures    *figures,
                                       const SfTrendPoint *point,
                                       const GArray       *caseworker_ids,
                                       const GArray       *team_ids,
                                       GArray             *over_workers,
                                       GArray             *over_teams);
gboolean    sf_alert_kind_is_sustained (SfAlertKind    kind);
SfAlert    *sf_alert_copy             (const SfAlert   *alert);
void        sf_alert_free             (SfAlert         *alert);
guint       sf_alerts_count_active    (GPtrArray       *alerts,
                                       SfSeverity       severity);

/* An acknowledgement: the manager has seen the alert and noted why.  It
 * holds until it expires (the alert returns on that day) or until the
 * figure behind the alert gets worse than it was when acknowledged. */
typedef struct
{
  char   *identity;
  double  value;
  char   *note;
  SfDay   expires;             /* NONE: until the situation worsens */
  char   *at;
  char   *who;
  gint64  id;                  /* the row's id and version as loaded (sf-conflict.h) */
  gint64  version;
} SfAlertAck;

void        sf_alert_ack_free         (SfAlertAck      *ack);
gboolean    sf_alert_ack_holds        (const SfAlertAck *ack,
                                       const SfAlert   *alert,
                                       SfDay            ref);
/* Marks the alerts that an acknowledgement in @acks (identity → SfAlertAck)
 * holds for, and sets each one's @since from @since_days (caseworker or
 * team identity → SfDay) when given. */
void        sf_alerts_apply           (GPtrArray       *alerts,
                                       GHashTable      *acks,
                                       GHashTable      *since_days,
                                       SfDay            ref);

/* Who should take the next case: the member with capacity with the most
 * headroom after the new case; ties go to the lower utilisation, then the
 * initials. */
typedef struct
{
  const SfWorkerFigures *worker;
  double                 headroom_before;
  double                 headroom_after;
  double                 utilisation_after;
  char                  *reason;          /* translated */
} SfSuggestion;

SfSuggestion *sf_suggest_next_case    (const SfFigures *figures,
                                       gint64           team_id,
                                       SfComplexity     complexity,
                                       GError         **error);
void          sf_suggestion_free      (SfSuggestion    *suggestion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfAlert, sf_alert_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfAlertAck, sf_alert_ack_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfSuggestion, sf_suggestion_free)

G_END_DECLS
