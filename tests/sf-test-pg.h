#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The tests of the PostgreSQL store run on the server that $SF_TEST_PG_URI
 * names (build-aux/test starts a throwaway one and sets it).  Each test
 * makes a database of its own there, so tests running at once never meet. */

/* Whether a server is there; when not, the caller skips. */
gboolean sf_test_pg_available      (void);
/* Ends the test program as skipped (TAP "1..0 # SKIP reason")
 * when no server is there, saying why. */
void     sf_test_pg_require        (int          argc,
                                    char       **argv);
/* A new empty database on the server; its URI (freed with
 * sf_test_pg_drop_database) */
char    *sf_test_pg_new_database   (void);
/* Drops the database @uri names (made by sf_test_pg_new_database) and
 * frees @uri. */
void     sf_test_pg_drop_database  (char        *uri);
/* Runs @sql on @uri (the test fails if it fails) and returns the first
 * column of its first row, or NULL. */
char    *sf_test_pg_query          (const char  *uri,
                                    const char  *sql);

G_END_DECLS
