#pragma once

#include <glib.h>

#include "sf-store.h"

G_BEGIN_DECLS

/* An import's guard against changes made meanwhile.  When an import reads
 * the data (its preview, or the CLI's own check of the file), it records
 * the version of every stored row the file names: the rows it will change,
 * and those it would write again were they changed meanwhile.  Inside the
 * import's transaction, sf_import_guard_check() compares them with the
 * rows as they are now, in one query per table, and refuses the whole
 * import when any has moved on (docs/store.md, "Imports and rows changed
 * meanwhile").  The error is of the SF_CONFLICT_ERROR domain and names the
 * first rows, who changed them and when, each on a line of its own that
 * starts with "• ", then how many more there are on a line that starts
 * with "…" (the preview dialog shows those lines again). */

typedef struct _SfImportGuard SfImportGuard;

SfImportGuard *sf_import_guard_new      (void);
void           sf_import_guard_free     (SfImportGuard *guard);

/* Records that row @id of @table (one of "team", "caseworker", "casefile")
 * was read at @version; @label names it for a manager ("Trine Larsen
 * (TL)", a case's reference).  A row recorded twice keeps the first. */
void           sf_import_guard_add      (SfImportGuard *guard,
                                         const char    *table,
                                         gint64         id,
                                         gint64         version,
                                         const char    *label);
guint          sf_import_guard_get_size (SfImportGuard *guard);

/* Inside the import's write transaction: whether every recorded row is
 * still at its version.  On a server the tables are first locked against
 * other writers (not readers) until the transaction ends, so that no
 * change lands between the check and the import's own writes; on SQLite
 * the write transaction already excludes them.  The caller rolls back on
 * failure. */
gboolean       sf_import_guard_check    (SfImportGuard *guard,
                                         SfStore       *store,
                                         GError       **error);

/* How many rows named in an import's refusal; the rest are counted */
#define SF_IMPORT_GUARD_NAMED 3
/* Beyond this many rows of a table, the check reads the table's versions
 * rather than joining the rows to it */
#define SF_IMPORT_GUARD_SCAN 2000

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfImportGuard, sf_import_guard_free)

G_END_DECLS
