#pragma once

#include <glib.h>

#include "sf-model.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* What the Preferences show beside each setting: the reference from DS'
 * Sagstalsundersøgelse 2023, and the team base norm, which is a setting
 * of each team. */

const char *sf_preferences_reference      (const char    *setting_key);
char       *sf_preferences_team_reference (const SfArea  *area);
gboolean    sf_preferences_set_team_norm  (SfStore       *store,
                                           gint64         team_id,
                                           double         norm,
                                           GError       **error);

G_END_DECLS
