#pragma once

#include <glib.h>

#include "sf-import-guard.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* Imports are all-or-nothing: every row is checked first, every problem is
 * reported with its line, and only a file without problems is written, in
 * one transaction. */

typedef struct
{
  guint rows;
  guint created;
  guint updated;
  guint unchanged;             /* re-imported exactly as stored: nothing written */
  guint teams_created;
  guint teams_updated;
  GPtrArray *problems;         /* char *, "Line N: …", translated */
} SfImportResult;

void     sf_import_result_clear (SfImportResult *result);

gboolean sf_import_roster       (SfStore        *store,
                                 GBytes         *contents,
                                 SfImportResult *result,
                                 GError        **error);
gboolean sf_import_cases        (SfStore        *store,
                                 GBytes         *contents,
                                 SfImportResult *result,
                                 GError        **error);
/* As the two above, refusing the whole import when a row @guard recorded
 * (a preview's reading of the data) has changed since (sf-import-guard.h).
 * Without a guard, an import records the versions of the rows the file
 * names as it checks the file, and the same holds for those. */
gboolean sf_import_roster_guarded (SfStore        *store,
                                   GBytes         *contents,
                                   SfImportGuard  *guard,
                                   SfImportResult *result,
                                   GError        **error);
gboolean sf_import_cases_guarded  (SfStore        *store,
                                   GBytes         *contents,
                                   SfImportGuard  *guard,
                                   SfImportResult *result,
                                   GError        **error);
/* The case import run and not kept: the data as it would leave it
 * (*@out_after), for a preview.  On a file, on a copy in memory; on a
 * server, in the database's own transaction, rolled back. */
gboolean sf_import_cases_try      (SfStore        *store,
                                   GBytes         *contents,
                                   SfImportResult *result,
                                   SfDataset     **out_after,
                                   GError        **error);
gboolean sf_import_file         (SfStore        *store,
                                 GFile          *file,
                                 gboolean        cases,
                                 SfImportResult *result,
                                 GError        **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SfImportResult, sf_import_result_clear)

G_END_DECLS
