#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "sf-date.h"
#include "sf-import-preview.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* A fresh private directory for one test, removed at exit. */
char   *sf_test_make_tmpdir  (void);
char   *sf_test_list_folder  (const char *dir);
/* Writes @contents to @dir/@name and returns the path. */
char   *sf_test_write_file   (const char *dir,
                              const char *name,
                              const char *contents);
GBytes *sf_test_bytes        (const char *contents);
/* The day a date such as "2024-03-01" names; the test fails if it names none. */
SfDay   sf_test_day          (const char *text);
/* Whether a column is a row's version, or who or when changed it
 * (sf-conflict.h): undo puts values back, and versions move on, so dumps
 * compared before and after an undo leave them out. */
gboolean sf_test_is_version_column (const char *name);
/* @text parsed as JSON; the test fails if it is not JSON. */
JsonNode *sf_test_parse_json (const char *text);
/* The first column of the one row @sql returns, as an integer. */
gint64  sf_test_query_int    (SfStore    *store,
                              const char *sql);
/* The id of the caseworker with @initials, of the case with @reference */
gint64  sf_test_caseworker_id (SfStore   *store,
                               const char *initials);
gint64  sf_test_case_id      (SfStore    *store,
                              const char *reference);
/* What @preview says the import does to @worker's figures, or NULL */
const SfCaseEffect *sf_test_preview_effect (SfImportPreview *preview,
                                            gint64           worker);
/* Whether the da_DK.UTF-8 locale is installed (build-aux/test generates it).
 * Danish is set up with it, not with LANGUAGE=da alone: gettext ignores
 * LANGUAGE under the C locale, and with Debian 13's glibc under C.UTF-8. */
gboolean sf_test_have_danish_locale (void);

/* A store on test.db in a new temporary directory, returned in @out_dir. */
SfStore *sf_test_open_store  (char      **out_dir);
/* Another connection to @store's database (a file or a server's), as a
 * second program or user would have */
SfStore *sf_test_open_second_store (SfStore *store);

/* The fixture of the tests that need a store and nothing more: a store
 * on a file in a new temporary directory, for g_test_add().  A test with
 * more in its fixture calls sf_test_open_store() from its own set-up. */
typedef struct
{
  char    *dir;
  char    *path;
  SfStore *store;
} SfTestStore;

void     sf_test_store_set_up    (SfTestStore   *fixture,
                                  gconstpointer  data);
void     sf_test_store_tear_down (SfTestStore   *fixture,
                                  gconstpointer  data);

/* What one run of sagsfordeling-cli (the one $SF_TEST_CLI names) did. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} SfTestRun;

void     sf_test_run_clear       (SfTestRun     *run);
/* Runs the CLI with `--database @db` and the arguments up to NULL, with
 * the environment @envp (NULL: the test's), into @run. */
void     sf_test_run_cli_env     (const char    *db,
                                  char         **envp,
                                  SfTestRun     *run,
                                  const char    *first,
                                  ...);
void     sf_test_run_cli_va      (const char    *db,
                                  char         **envp,
                                  SfTestRun     *run,
                                  const char    *first,
                                  va_list        args);

/* A database made through the CLI in @dir from @roster_csv and the cases
 * the planning and scenario tests work out by hand: AA 30 kompleks and BB
 * 20 kompleks started 1 January 2026, BB 6 enkel started 15 July 2026.
 * Returns its path. */
char    *sf_test_cli_planning_db (const char    *dir,
                                  const char    *roster_csv);

#define sf_test_run_cli(db, run, ...) sf_test_run_cli_env (db, NULL, run, __VA_ARGS__)

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SfTestRun, sf_test_run_clear)

/* The tests of the PostgreSQL store run on the server that $SF_TEST_PG_URI
 * names (build-aux/test starts a throwaway one and sets it).  Each test
 * makes a database of its own there, so tests running at once never meet.
 * With SF_TEST_STORE=postgresql, sf_test_open_store() opens a store on
 * such a database instead of a file. */

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
/* A new database on the server, set up as its owner would (server-setup);
 * its URI (freed with sf_test_pg_drop_database) */
char    *sf_test_pg_new_server_database (void);
/* Two users' sessions on one server: a new database set up as above, its
 * URI in @uri and the user signed in in @who, and two stores open on it,
 * the first having filled it with the demo data. */
void     sf_test_pg_two_stores     (char        **uri,
                                    char        **who,
                                    SfStore     **store_a,
                                    SfStore     **store_b);
/* Runs @sql on @uri (the test fails if it fails) and returns the first
 * column of its first row, or NULL. */
char    *sf_test_dump_tables       (SfDb               *db,
                                    const char * const *only);
char    *sf_test_pg_query          (const char  *uri,
                                    const char  *sql);
/* @uri signing in as @login (the test cluster trusts its socket) */
char    *sf_test_pg_uri_as         (const char  *uri,
                                    const char  *login);


/* sf_store_open (":memory:"), or with SF_TEST_STORE=postgresql a store
 * on a new database of the test server */
SfStore *sf_test_store_open_memory (GError **error);

G_END_DECLS
