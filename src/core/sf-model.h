#pragma once

#include <glib.h>

#include "sf-date.h"

G_BEGIN_DECLS

/* The plain data of an organisation, as the store loads it.  The rules that
 * compute figures from it live in sf-capacity.c; nothing here knows SQL. */

typedef enum
{
  SF_COMPLEXITY_ENKEL,
  SF_COMPLEXITY_KOMPLEKS,
  SF_COMPLEXITY_SAERLIGT_KOMPLICERET,
  SF_N_COMPLEXITIES
} SfComplexity;

typedef enum
{
  SF_STATUS_WITHIN,
  SF_STATUS_NEAR,
  SF_STATUS_OVER,
} SfStatus;

typedef enum
{
  SF_REDUCTION_UNION,       /* TR/union duties */
  SF_REDUCTION_EDUCATION,   /* continuing education */
  SF_REDUCTION_PROJECT,
  SF_REDUCTION_OTHER,
  SF_N_REDUCTION_REASONS
} SfReductionReason;

typedef struct
{
  gint64   id;
  char    *key;
  char    *name;               /* the Danish name, as DS writes it */
  double   ds_low;             /* DS' recommended range for a full-time caseworker; */
  double   ds_high;            /* NAN for an own area */
  double   survey_avg;         /* national average in the survey year; NAN if unknown */
  double   survey_avg_prev;    /* the previous survey's average; NAN if unknown */
  double   appropriate;        /* what TRs found appropriate; NAN if unknown */
  double   share_too_high;     /* share of TRs saying "too high", 0–1; NAN if unknown */
  double   share_compliant;    /* share of workplaces within DS' range, 0–1; NAN if unknown */
  int      survey_year;
  int      survey_prev_year;
  char    *note;               /* e.g. why fleksjob borrows a combined range; may be NULL */
  char    *source;             /* DS' survey, or where an own area's range comes from */
  gboolean custom;             /* added by the organisation, not from the catalogue */
  double   own_low;            /* an own area's range of the organisation's own; */
  double   own_high;           /* NAN when it has none (and for DS' areas) */
  gint64   version;            /* the row's version as loaded (sf-conflict.h); 0 = unknown */
} SfArea;

typedef struct
{
  gint64  id;
  char   *name;
  gint64  area_id;
  double  cap;                 /* the municipality's own cap (loft); 0 = none */
  gint64  version;             /* the row's version as loaded (sf-conflict.h); 0 = unknown */
} SfTeam;

typedef struct
{
  gint64            id;
  gint64            caseworker_id;
  double            hours;
  SfReductionReason reason;
  char             *note;
  SfDay             from;      /* SF_DAY_NONE = open-ended */
  SfDay             to;
} SfReduction;

typedef struct
{
  gint64  id;
  char   *initials;
  char   *name;
  gint64  team_id;
  double  weekly_hours;
  SfDay   start;               /* SF_DAY_NONE = unknown, counted as long-serving */
  char   *absence_kind;        /* NULL or "" = present */
  SfDay   absence_from;
  SfDay   absence_to;
  double  individual_factor;
  char   *factor_reason;
  SfDay   end;                 /* the last working day; SF_DAY_NONE = none */
  gint64  version;             /* as loaded, covering the reductions (sf-conflict.h); 0 = unknown */
} SfCaseworker;

/* A position a team expects to fill: it counts like a caseworker with no
 * cases from its start date, and not at all before it. */
typedef struct
{
  gint64  id;
  gint64  team_id;
  double  weekly_hours;
  SfDay   start;
  char   *note;
  gint64  version;             /* as loaded (sf-conflict.h); 0 = unknown */
} SfPlannedHire;

typedef struct
{
  gint64       id;
  char        *reference;
  gint64       area_id;        /* 0 = the area of the primary caseworker's team */
  SfComplexity complexity;
  SfDay        start;
  SfDay        closed;         /* SF_DAY_NONE = open */
  gint64       caseworker_id;  /* primary caseworker */
  gint64       cover_id;       /* covering colleague; 0 = none */
  gboolean     counted;        /* entered as counts (sf_cases_set_counts); only snapshots fill it in */
  gint64       version;        /* as loaded (sf-conflict.h); 0 = unknown */
} SfCase;

/* Cases open on one day, counted by who carries them: all the figures
 * need of the cases (sf_store_load_counted(), sf_figures_compute_counted()). */
typedef struct
{
  gint64       caseworker_id;  /* primary caseworker */
  gint64       cover_id;       /* covering colleague; 0 = none */
  SfComplexity complexity;
  guint        n;              /* how many such cases are open */
} SfOpenCases;

/* Everything the figures are computed from.  Arrays of the structs above,
 * in id order. */
typedef struct
{
  GArray *areas;               /* SfArea */
  GArray *teams;               /* SfTeam */
  GArray *caseworkers;         /* SfCaseworker */
  GArray *reductions;          /* SfReduction */
  GArray *cases;               /* SfCase */
  GArray *planned_hires;       /* SfPlannedHire */
  grefcount ref_count;
} SfDataset;

void                sf_caseworker_clear             (gpointer            worker);
void                sf_reduction_clear              (gpointer            reduction);
void                sf_case_clear                   (gpointer            kase);
void                sf_planned_hire_clear           (gpointer            hire);

SfDataset          *sf_dataset_new                  (void);
SfDataset          *sf_dataset_ref                  (SfDataset          *dataset);
void                sf_dataset_free                 (SfDataset          *dataset);
SfDataset          *sf_dataset_copy                 (const SfDataset    *dataset);
const SfArea       *sf_dataset_find_area            (const SfDataset    *dataset,
                                                     gint64              id);
guint               sf_dataset_find_reductions      (const SfDataset    *dataset,
                                                     gint64              caseworker_id,
                                                     guint              *n_reductions);
const SfArea       *sf_dataset_find_area_by_key     (const SfDataset    *dataset,
                                                     const char         *key);
const SfTeam       *sf_dataset_find_team            (const SfDataset    *dataset,
                                                     gint64              id);
const SfCaseworker *sf_dataset_find_caseworker      (const SfDataset    *dataset,
                                                     gint64              id);
guint               sf_dataset_count_area_teams     (const SfDataset    *dataset,
                                                     gint64              area_id);

const char         *sf_complexity_to_key            (SfComplexity        complexity);
const char         *sf_complexity_to_label          (SfComplexity        complexity);
gboolean            sf_complexity_parse             (const char         *text,
                                                     SfComplexity       *out);
const char         *sf_status_to_key                (SfStatus            status);
const char         *sf_status_to_label              (SfStatus            status);
const char         *sf_reduction_reason_to_key      (SfReductionReason   reason);
const char         *sf_reduction_reason_to_label    (SfReductionReason   reason);
gboolean            sf_reduction_reason_parse       (const char         *text,
                                                     SfReductionReason  *out);

guint               sf_rows_lower_bound             (const GArray       *rows,
                                                     gint64              id);
int                 sf_rows_find                    (const GArray       *rows,
                                                     gint64              id);
int                 sf_compare_ids                  (gconstpointer       a,
                                                     gconstpointer       b);
void                sf_ids_add                      (GArray             *ids,
                                                     gint64              id);
gboolean            sf_ids_contain                  (const GArray       *ids,
                                                     gint64              id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfDataset, sf_dataset_free)

G_END_DECLS
