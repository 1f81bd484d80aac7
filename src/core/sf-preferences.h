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
/* Sets the team's base norm (its own cap); 0 returns it to the upper end
 * of its area's DS range. */
gboolean    sf_preferences_set_team_norm  (SfStore       *store,
                                           gint64         team_id,
                                           double         norm,
                                           GError       **error);
/* The same, for a team read at @version (SfTeam.version): the team is
 * claimed first (sf-conflict.h), so a change someone else made to it
 * since refuses the write with an SF_CONFLICT_ERROR.  0 claims nothing. */
gboolean    sf_preferences_set_team_norm_versioned (SfStore *store,
                                           gint64         team_id,
                                           gint64         version,
                                           double         norm,
                                           GError       **error);

/* Sets the setting @key to @value (as sf_store_set_setting()) where it
 * still has the value of @loaded (the settings the user read): settings
 * carry no version, so the value read is compared with the stored one in
 * the write's transaction, and a value someone else set since refuses the
 * write with an SF_CONFLICT_ERROR (sf_conflict_set_setting_error(); @label
 * names the setting in its message).  @loaded NULL claims nothing. */
gboolean    sf_preferences_set_setting    (SfStore           *store,
                                           const char        *key,
                                           const char        *label,
                                           const char        *value,
                                           const SfSettings  *loaded,
                                           GError           **error);

G_END_DECLS
