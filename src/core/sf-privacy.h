#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE if @text contains something that looks like a Danish CPR number:
 * ddmmyy-xxxx or ten digits in a row whose first six form a valid date. */
gboolean sf_privacy_looks_like_cpr (const char *text);

G_END_DECLS
