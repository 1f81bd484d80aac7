#pragma once

#include <glib.h>

#include "sf-store.h"

G_BEGIN_DECLS

/* Edit conflicts: every row a user edits carries a version that the
 * database raises on each update (a trigger: the server also records who,
 * its session_user, and when; docs/store.md, "Row versions and
 * conflicts").  The data set carries each row's version as loaded
 * (SfCaseworker.version and the like).  A write that names the version it
 * was based on claims the row first, inside its transaction; when the row
 * has moved on, the write fails with an error of the SF_CONFLICT_ERROR
 * domain, its transaction is rolled back and nothing is written.
 *
 * The details of a conflict travel in the GError itself (an extended
 * error domain): sf_conflict_get() reads them from any error of the
 * domain, and returns NULL for any other error.  A version of 0 means
 * "not known" and claims nothing (a write not based on a loaded row). */

#define SF_CONFLICT_ERROR (sf_conflict_error_quark ())

/* The columns every versioned row has (NULL-terminated) */
#define SF_CONFLICT_COLUMNS ((const char * const[]) { "version", "changed_by", "changed_at", NULL })

typedef enum
{
  SF_CONFLICT_ERROR_CHANGED,   /* someone changed the row since it was loaded */
  SF_CONFLICT_ERROR_REMOVED,   /* someone removed it (or it is out of reach now) */
} SfConflictError;

typedef struct
{
  char       *table;     /* "caseworker", "team", "casefile", … */
  gint64      id;
  gint64      expected;  /* the version the write was based on */
  gint64      version;   /* the row's version now; 0 when it is gone */
  char       *who;       /* the login that changed it (NULL on a file: no logins) */
  char       *when;      /* when, ISO 8601 in UTC ("2026-12-06T17:02:11Z"), or NULL */
  GHashTable *values;    /* the row as it is now: column → text (NULL for SQL NULL);
                          * NULL when it is gone */
} SfConflict;

GQuark            sf_conflict_error_quark (void);

/* The details of @error, or NULL when it is not a conflict. */
const SfConflict *sf_conflict_get         (const GError *error);

/* Inside a write transaction: claims row @id of @table at @version (raising
 * it, and on a server locking the row until the transaction ends), or
 * fails with an SF_CONFLICT_ERROR naming who changed it and when.  Does
 * nothing when @version is 0.  The caller rolls back on failure. */
gboolean          sf_conflict_claim       (SfStore      *store,
                                           const char   *table,
                                           gint64        id,
                                           gint64        version,
                                           GError      **error);

/* Inside a write transaction, for a write that expected no row where
 * someone else has made one since (an acknowledgement of an alert the user
 * saw unacknowledged): fails with SF_CONFLICT_ERROR_CHANGED naming row @id
 * of @table as it is now, who and when (expected version 0).  Always
 * returns FALSE; the caller rolls back. */
gboolean          sf_conflict_refuse_added (SfStore     *store,
                                           const char   *table,
                                           gint64        id,
                                           GError      **error);

/* Sets the conflict of a setting (table "setting", which has no version:
 * a write compares the value it read with the stored one instead) that is
 * @theirs now where the user had read another value: values hold @key →
 * @theirs, version 1 (there is something to keep), no who or when. */
void              sf_conflict_set_setting_error (GError    **error,
                                                 const char *key,
                                                 const char *label,
                                                 const char *theirs);

/* Whether @table's rows carry a version */
gboolean          sf_conflict_is_versioned (const char  *table);

/* The conflict's time in the user's time zone, as the user's language
 * writes a date and time ("06.12.2026 kl. 17.02"), or NULL when unknown. */
char             *sf_conflict_format_when (const SfConflict *conflict);

G_END_DECLS
