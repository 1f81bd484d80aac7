#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Small text rules shared by imports and forms. */

char     *sf_text_normalize_key  (const char *text);
char     *sf_text_fold_for_search (const char *text);
gboolean  sf_text_parse_decimal  (const char *text,
                                  double     *out);

G_END_DECLS
