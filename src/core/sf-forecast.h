#pragma once

#include <glib.h>

#include "sf-capacity.h"

G_BEGIN_DECLS

/* The 12-month forecast of DOMAIN.md's *Workforce planning (HR)*: per team,
 * the demand (the weight of the cases open at each point whose primary
 * caseworker is in the team, plus the net inflow of cases a month) against
 * the capacity of its caseworkers and planned hires on that day. */

typedef struct
{
  SfDay    day;                /* the first day of a month */
  double   demand;
  double   capacity;
  double   utilisation;        /* NAN where the capacity is 0 */
  double   fte_available;
  double   fte_needed;         /* NAN where the base norm is 0 */
  double   gap;                /* fte_needed − fte_available; above 0: short of people */
  SfStatus status;
} SfForecastPoint;

typedef enum
{
  SF_FORECAST_STARTS,          /* a caseworker starts */
  SF_FORECAST_LEAVES,          /* the day after a caseworker's last working day */
  SF_FORECAST_ABSENCE_STARTS,
  SF_FORECAST_RETURNS,         /* the day after an absence ends */
  SF_FORECAST_REDUCTION_STARTS,
  SF_FORECAST_REDUCTION_ENDS,  /* the day after a reduction ends */
  SF_FORECAST_EXPERIENCED,     /* the new-hire factor ends */
  SF_FORECAST_HIRE_STARTS,     /* a planned hire starts */
  SF_FORECAST_HIRE_EXPERIENCED,
} SfForecastEventKind;

typedef struct
{
  SfDay                day;    /* when the figures change */
  SfForecastEventKind  kind;
  const SfCaseworker  *worker; /* NULL for a planned hire */
  const SfPlannedHire *hire;   /* NULL for a caseworker */
  double               hours;  /* a reduction's hours; a planned hire's weekly hours */
} SfForecastEvent;

typedef struct
{
  const SfTeam *team;
  const SfArea *area;
  double        net_inflow;    /* weight of cases a month */
  SfDay         hire_by;       /* SF_DAY_NONE: never over */
  GArray       *points;        /* SfForecastPoint */
  GArray       *events;        /* SfForecastEvent, by day */
} SfTeamForecast;

typedef struct
{
  const SfArea *area;
  GArray       *points;        /* SfForecastPoint: the sums of its teams */
} SfAreaForecast;

typedef struct
{
  SfDay            ref;
  int              months;
  SfSettings       settings;
  const SfDataset *dataset;    /* borrowed */
  GArray          *teams;      /* SfTeamForecast, dataset->teams order */
  GArray          *areas;      /* SfAreaForecast, the areas with teams, dataset->areas order */
  GArray          *municipality; /* SfForecastPoint */
} SfForecast;

SfForecast *sf_forecast_compute         (const SfDataset  *dataset,
                                         const SfSettings *settings,
                                         SfDay             ref,
                                         int               months);
void        sf_forecast_free            (SfForecast       *forecast);
const SfTeamForecast *sf_forecast_find_team (const SfForecast *forecast,
                                             gint64            team_id);
/* The net inflow of @team: the weight of its cases started less the weight
 * of those closed in the @months whole calendar months before @ref's month,
 * a month.  A team's cases are those whose primary caseworker is in it. */
double      sf_forecast_net_inflow      (const SfDataset  *dataset,
                                         const SfSettings *settings,
                                         gint64            team_id,
                                         SfDay             ref,
                                         int               months);
/* A sentence saying what happens: "Trine Larsen (TLR) leaves", translated. */
char       *sf_forecast_event_describe  (const SfForecastEvent *event);
const char *sf_forecast_event_kind_to_key (SfForecastEventKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfForecast, sf_forecast_free)

G_END_DECLS
