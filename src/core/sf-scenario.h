#pragma once

#include <glib.h>

#include "sf-capacity.h"
#include "sf-forecast.h"
#include "sf-model.h"
#include "sf-settings.h"

G_BEGIN_DECLS

/* What-if scenarios: a named list of changes on top of today's data,
 * applied to a copy of the loaded data set and settings and computed with
 * the same rules as the real data.  Nothing here reads or writes the store:
 * a scenario never touches the real data, the alerts or the history. */

typedef enum
{
  SF_SCENARIO_MOVE,            /* a caseworker to another team; their cases go with them */
  SF_SCENARIO_HOURS,           /* weekly hours */
  SF_SCENARIO_FACTOR,          /* the individual factor, with its reason */
  SF_SCENARIO_END,             /* the last working day (or none) */
  SF_SCENARIO_HIRE,            /* a planned hire */
  SF_SCENARIO_NORM,            /* a team's base norm (its own cap) */
  SF_SCENARIO_WEIGHT,          /* a complexity's weight */
  SF_SCENARIO_REASSIGN,        /* N of one caseworker's open cases of one complexity to a colleague */
  SF_N_SCENARIO_OPS
} SfScenarioOp;

typedef struct
{
  SfScenarioOp  op;
  char         *initials;      /* move, hours, factor, end; reassign: from whom */
  char         *to;            /* reassign: to whom */
  char         *team;          /* move, hire, norm */
  double        value;         /* hours (hours, hire), factor, norm, weight */
  char         *text;          /* factor: the reason; hire: the note (may be NULL) */
  SfDay         day;           /* end (SF_DAY_NONE: no end date); hire: the start */
  SfComplexity  complexity;    /* weight, reassign */
  guint         count;         /* reassign */
} SfScenarioChange;

typedef struct
{
  char      *name;
  GPtrArray *changes;          /* SfScenarioChange */
} SfScenario;

/* A change that did not apply, or applied in part, with why. */
typedef struct
{
  guint         index;         /* 0-based position in the scenario */
  SfScenarioOp  op;
  char         *message;       /* translated: "Change 3 (hours): …" */
} SfScenarioSkip;

/* The data as the scenario makes it. */
typedef struct
{
  SfDataset  *dataset;         /* a copy of its own */
  SfSettings  settings;
  GPtrArray  *skipped;         /* SfScenarioSkip */
} SfScenarioResult;

/* What is shown of a data set: its figures, alerts and forecast.  The
 * figures and forecast borrow the data set. */
typedef struct
{
  SfFigures  *figures;
  GPtrArray  *alerts;          /* SfAlert, sustained overload from computed points only */
  SfForecast *forecast;
} SfScenarioFigures;

const char        *sf_scenario_op_to_key      (SfScenarioOp             op);
gboolean           sf_scenario_op_parse       (const char              *key,
                                               SfScenarioOp            *out);

/* Reads a scenario from JSON ({"name": …, "changes": [{"op": …}, …]}),
 * checking every value with the roster's rules and every name against
 * @dataset.  On any problem returns NULL with one SF_ERROR_INVALID_INPUT
 * error listing them all, each with the change's position.  With @dataset
 * NULL names are not looked up (a saved scenario, whose base may have
 * moved: applying it skips what no longer applies). */
SfScenario        *sf_scenario_parse          (const char              *json,
                                               gssize                   length,
                                               const SfDataset         *dataset,
                                               const SfSettings        *settings,
                                               GError                 **error);
void               sf_scenario_free           (SfScenario              *scenario);
/* The changes file of @scenario, which sf_scenario_parse() reads back. */
char              *sf_scenario_to_json        (const SfScenario        *scenario);
/* What @change does, as a translated sentence. */
char              *sf_scenario_change_describe (const SfScenarioChange *change);

/* Names as a scenario matches them: regardless of case and Unicode form. */
gboolean           sf_scenario_same_key       (const char              *a,
                                               const char              *b);
const SfCaseworker *sf_scenario_find_caseworker (const SfDataset       *dataset,
                                                 const char            *initials);
const SfTeam      *sf_scenario_find_team      (const SfDataset         *dataset,
                                               const char              *name);
/* The indexes into @dataset->cases of the at most @count cases of
 * @complexity open on @ref whose primary caseworker is @from_id that a
 * reassignment moves: the latest start date first, on the same day the
 * highest case number first. */
GArray            *sf_scenario_pick_cases     (const SfDataset         *dataset,
                                               gint64                   from_id,
                                               SfComplexity             complexity,
                                               guint                    count,
                                               SfDay                    ref);

/* Applies @scenario's changes, in order, to a copy of @dataset and
 * @settings; @dataset is not changed.  @ref is the day whose open cases a
 * reassignment moves.  A change naming a person or team that is no longer
 * there is skipped and listed, not an error. */
SfScenarioResult  *sf_scenario_apply          (const SfScenario        *scenario,
                                               const SfDataset         *dataset,
                                               const SfSettings        *settings,
                                               SfDay                    ref);
void               sf_scenario_result_free    (SfScenarioResult        *result);

/* The figures, alerts (without the history: no acknowledgements, and
 * sustained overload from computed weekly points) and @months-month
 * forecast of @dataset on @ref. */
SfScenarioFigures *sf_scenario_figures_compute (const SfDataset        *dataset,
                                                const SfSettings       *settings,
                                                SfDay                   ref,
                                                int                     months);
void               sf_scenario_figures_free   (SfScenarioFigures       *figures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfScenario, sf_scenario_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfScenarioResult, sf_scenario_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfScenarioFigures, sf_scenario_figures_free)

G_END_DECLS
