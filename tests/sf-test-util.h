#pragma once

#include <glib.h>

#include "sf-date.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* A fresh private directory for one test, removed at exit. */
char   *sf_test_make_tmpdir  (void);
/* Writes @contents to @dir/@name and returns the path. */
char   *sf_test_write_file   (const char *dir,
                              const char *name,
                              const char *contents);
GBytes *sf_test_bytes        (const char *contents);
/* The day a date such as "2024-03-01" names; the test fails if it names none. */
SfDay   sf_test_day          (const char *text);
/* The first column of the one row @sql returns, as an integer. */
gint64  sf_test_query_int    (SfStore    *store,
                              const char *sql);
/* Whether the da_DK.UTF-8 locale is installed (build-aux/test generates it).
 * Danish is set up with it, not with LANGUAGE=da alone: gettext ignores
 * LANGUAGE under the C locale, and with Debian 13's glibc under C.UTF-8. */
gboolean sf_test_have_danish_locale (void);

G_END_DECLS
