#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale from the environment and binds the translations: from
 * $SF_LOCALEDIR when set (uninstalled runs and tests), else the installed
 * locale folder.  Both programs call it first thing. */
void sf_i18n_init (void);

G_END_DECLS
