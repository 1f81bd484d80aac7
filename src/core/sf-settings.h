#pragma once

#include <glib.h>

#include "sf-model.h"

G_BEGIN_DECLS

/* The organisation's rules.  Stored in the database; these are DOMAIN.md's defaults. */
typedef struct
{
  double full_time_hours;                  /* 37 */
  double weights[SF_N_COMPLEXITIES];       /* 0.5, 1, 2 */
  double new_hire_factor;                  /* 0.7 */
  int    new_hire_months;                  /* 6 */
  double near_threshold;                   /* 0.90 */
  int    sustained_weeks;                  /* 4: overload at W + 1 weekly points is sustained */
  int    forecast_history_months;          /* 6: whole months behind the net inflow */
  int    hiring_lead_months;               /* 3: how long recruiting takes */
  int    forecast_horizon;                 /* 12: months forecast */
} SfSettings;

void      sf_settings_init_defaults (SfSettings       *settings);
gboolean  sf_settings_set           (SfSettings       *settings,
                                     const char       *key,
                                     const char       *value,
                                     GError          **error);
char     *sf_settings_get           (const SfSettings *settings,
                                     const char       *key);
const char * const *sf_settings_keys (void);

G_END_DECLS
