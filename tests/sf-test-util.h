#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh private directory for one test, removed at exit. */
char   *sf_test_make_tmpdir  (void);
/* Writes @contents to @dir/@name and returns the path. */
char   *sf_test_write_file   (const char *dir,
                              const char *name,
                              const char *contents);
GBytes *sf_test_bytes        (const char *contents);

G_END_DECLS
