#pragma once

#include <glib.h>

#include "sf-capacity.h"

G_BEGIN_DECLS

/* Figures at regular points over a range: DOMAIN.md's trend.  A point on a
 * day the history recorded uses the recording; any other is computed as of
 * that day from the dated facts (sf_sweep_figures_on()). */

typedef enum
{
  SF_TREND_WEEK,               /* every 7 days back from the last day */
  SF_TREND_MONTH,              /* the first of each month */
} SfTrendStep;

/* What the history recorded of one person or team on a day (sf-figure-history.c). */
typedef struct
{
  guint    open_cases;
  double   load;
  double   norm;               /* a person's adjusted norm; a team's capacity */
  SfStatus status;             /* people only */
  guint    uncovered_cases;    /* teams only */
} SfRecorded;

/* The history of one day: gint64 id → SfRecorded, the latest row of each
 * person and team on or before the day. */
typedef struct
{
  SfDay       day;
  GHashTable *workers;
  GHashTable *teams;
} SfRecording;

void          sf_recording_free (SfRecording *recording);

typedef struct
{
  guint    open_cases;
  double   load;
  double   adjusted_norm;
  double   utilisation;        /* NAN where the norm is 0 */
  SfStatus status;
} SfTrendWorker;

typedef struct
{
  double capacity;
  double load;
  double fte_available;
  double fte_needed;
  double utilisation;          /* load / capacity; NAN where the capacity is 0 */
  guint  open_cases;
} SfTrendTotals;

typedef struct
{
  SfDay          day;
  gboolean       recorded;
  GArray        *workers;      /* SfTrendWorker, dataset->caseworkers order */
  GArray        *teams;        /* SfTeamFigures, dataset->teams order */
  GArray        *areas;        /* SfTrendTotals, dataset->areas order */
  SfTrendTotals  municipality;
} SfTrendPoint;

gboolean    sf_trend_step_parse  (const char       *text,
                                  SfTrendStep      *out);
const char *sf_trend_step_to_key (SfTrendStep       step);
/* The days of the points from @from to @to, ascending: weekly @to, @to − 7,
 * … down to @from; monthly the first of each month from @from to @to. */
GArray     *sf_trend_days        (SfDay             from,
                                  SfDay             to,
                                  SfTrendStep       step);
/* One point a day of @days (ascending); @recordings, when given, holds an
 * SfRecording or NULL for each day. */
GPtrArray  *sf_trend_compute     (const SfDataset  *dataset,
                                  const SfSettings *settings,
                                  const GArray     *days,
                                  GPtrArray        *recordings);
/* The same for the caseworkers marked in @only (by index) and the teams
 * all of whose members are marked (sf_sweep_new_some()). */
GPtrArray  *sf_trend_compute_some (const SfDataset  *dataset,
                                   const SfSettings *settings,
                                   const GArray     *days,
                                   GPtrArray        *recordings,
                                   const guint8     *only);
void        sf_trend_point_free  (SfTrendPoint     *point);
/* A team's utilisation in a point: load / capacity, NAN without capacity. */
double      sf_trend_team_utilisation (const SfTeamFigures *tf);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfTrendPoint, sf_trend_point_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfRecording, sf_recording_free)

G_END_DECLS
