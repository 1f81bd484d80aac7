#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE if @text contains something that looks like a Danish CPR number:
 * ddmmyy-xxxx or ten digits in a row whose first six form a valid date. */
gboolean sf_privacy_looks_like_cpr (const char *text);
/* FALSE with an SF_ERROR_PRIVACY @error naming @what (a field, as "The
 * name") when @text looks like it holds a CPR number. */
gboolean sf_privacy_check_text     (const char  *what,
                                    const char  *text,
                                    GError     **error);

G_END_DECLS
