#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sf-error.h"
#include "sf-settings.h"
#include "sf-text.h"

/* One table of every setting: its key, where it lives and its limits. */
typedef struct
{
  const char *key;
  gsize       offset;
  gboolean    is_int;
  double      min;
  double      max;
  gboolean    min_exclusive;
} SettingSpec;

static const SettingSpec specs[] = {
  { "full-time-hours", G_STRUCT_OFFSET (SfSettings, full_time_hours), FALSE, 0, 80, TRUE },
  { "weight-enkel", G_STRUCT_OFFSET (SfSettings, weights[SF_COMPLEXITY_ENKEL]), FALSE, 0, 100, FALSE },
  { "weight-kompleks", G_STRUCT_OFFSET (SfSettings, weights[SF_COMPLEXITY_KOMPLEKS]), FALSE, 0, 100, FALSE },
  { "weight-saerligt-kompliceret", G_STRUCT_OFFSET (SfSettings, weights[SF_COMPLEXITY_SAERLIGT_KOMPLICERET]), FALSE, 0, 100, FALSE },
  { "new-hire-factor", G_STRUCT_OFFSET (SfSettings, new_hire_factor), FALSE, 0, 1, FALSE },
  { "new-hire-months", G_STRUCT_OFFSET (SfSettings, new_hire_months), TRUE, 0, 120, FALSE },
  { "near-threshold", G_STRUCT_OFFSET (SfSettings, near_threshold), FALSE, 0, 1, FALSE },
  { "sustained-weeks", G_STRUCT_OFFSET (SfSettings, sustained_weeks), TRUE, 1, 52, FALSE },
  { "forecast-history-months", G_STRUCT_OFFSET (SfSettings, forecast_history_months), TRUE, 1, 60, FALSE },
  { "hiring-lead-months", G_STRUCT_OFFSET (SfSettings, hiring_lead_months), TRUE, 0, 24, FALSE },
  { "forecast-horizon", G_STRUCT_OFFSET (SfSettings, forecast_horizon), TRUE, 1, 60, FALSE },
};

static const char * const keys[] = {
  "full-time-hours",
  "weight-enkel",
  "weight-kompleks",
  "weight-saerligt-kompliceret",
  "new-hire-factor",
  "new-hire-months",
  "near-threshold",
  "sustained-weeks",
  "forecast-history-months",
  "hiring-lead-months",
  "forecast-horizon",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (keys) == G_N_ELEMENTS (specs) + 1);

void
sf_settings_init_defaults (SfSettings *settings)
{
  settings->full_time_hours = 37.0;
  settings->weights[SF_COMPLEXITY_ENKEL] = 0.5;
  settings->weights[SF_COMPLEXITY_KOMPLEKS] = 1.0;
  settings->weights[SF_COMPLEXITY_SAERLIGT_KOMPLICERET] = 2.0;
  settings->new_hire_factor = 0.7;
  settings->new_hire_months = 6;
  settings->near_threshold = 0.90;
  settings->sustained_weeks = 4;
  settings->forecast_history_months = 6;
  settings->hiring_lead_months = 3;
  settings->forecast_horizon = 12;
}

const char * const *
sf_settings_keys (void)
{
  return keys;
}

static const SettingSpec *
find_spec (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (g_strcmp0 (specs[i].key, key) == 0)
      return &specs[i];
  return NULL;
}

gboolean
sf_settings_set (SfSettings  *settings,
                 const char  *key,
                 const char  *value,
                 GError     **error)
{
  const SettingSpec *spec = find_spec (key);
  double number;

  if (spec == NULL)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("“%s” is not a setting."), key);
      return FALSE;
    }

  if (!sf_text_parse_decimal (value, &number) ||
      (spec->is_int && number != floor (number)) ||
      number < spec->min || number > spec->max ||
      (spec->min_exclusive && number == spec->min))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("The setting “%s” cannot be “%s”."), key, value);
      return FALSE;
    }

  if (spec->is_int)
    G_STRUCT_MEMBER (int, settings, spec->offset) = (int) number;
  else
    G_STRUCT_MEMBER (double, settings, spec->offset) = number;
  return TRUE;
}

char *
sf_settings_get (const SfSettings *settings,
                 const char       *key)
{
  const SettingSpec *spec = find_spec (key);

  g_return_val_if_fail (spec != NULL, NULL);

  if (spec->is_int)
    return g_strdup_printf ("%d", G_STRUCT_MEMBER (int, settings, spec->offset));
  /* The shortest text that reads back as the same number: 0.7, not
   * 0.69999999999999996 */
  return sf_format_exact (G_STRUCT_MEMBER (double, settings, spec->offset), '.');
}
