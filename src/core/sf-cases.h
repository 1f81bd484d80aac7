#pragma once

#include <glib.h>

#include "sf-capacity.h"
#include "sf-model.h"
#include "sf-settings.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* Editing cases, one or many at a time.  Every change is checked first,
 * written in one transaction with an audit entry, and followed by
 * SfStore::changed; a refused change writes nothing. */

/* References of cases entered as counts begin with this (optalt = counted). */
#define SF_CASES_COUNTED_PREFIX "OPT"

/* A case number is at most this many characters */
#define SF_CASES_MAX_REFERENCE_CHARS 64

/* What is wrong with a case number, if anything: the one rule the forms,
 * the CLI and the import apply, each saying it in its own words. */
typedef enum
{
  SF_REFERENCE_OK,
  SF_REFERENCE_MISSING,
  SF_REFERENCE_TOO_LONG,        /* or not UTF-8 */
  SF_REFERENCE_SPACE_AROUND,    /* begins or ends with a space, a Unicode one too */
  SF_REFERENCE_CONTROL,         /* a line break, a tab or another control character */
  SF_REFERENCE_CPR,             /* looks like a citizen's CPR number */
} SfReferenceProblem;

SfReferenceProblem sf_cases_reference_problem (const char *reference);
gboolean  sf_cases_check_reference (const char       *reference,
                                    GError          **error);

gint64    sf_cases_add             (SfStore          *store,
                                    const SfCase     *kase,
                                    GError          **error);
gboolean  sf_cases_update          (SfStore          *store,
                                    const SfCase     *kase,
                                    GError          **error);
gboolean  sf_cases_delete          (SfStore          *store,
                                    const gint64     *ids,
                                    guint             n_ids,
                                    GError          **error);
gboolean  sf_cases_close           (SfStore          *store,
                                    const gint64     *ids,
                                    guint             n_ids,
                                    SfDay             day,
                                    GError          **error);
gboolean  sf_cases_reopen          (SfStore          *store,
                                    const gint64     *ids,
                                    guint             n_ids,
                                    GError          **error);
gboolean  sf_cases_reassign        (SfStore          *store,
                                    const gint64     *ids,
                                    guint             n_ids,
                                    gint64            caseworker_id,
                                    GError          **error);
/* The same, for cases read at @versions (SfCase.version, one for each of
 * @ids; NULL or 0 claims nothing): each case is claimed first
 * (sf-conflict.h), so one that someone changed or removed since refuses
 * the whole change with an SF_CONFLICT_ERROR naming it.  @out_versions
 * (nullable, @n_ids long) receives the versions the change left the cases
 * at: what an undo claims (sf_cases_restore_versioned()). */
gboolean  sf_cases_close_versioned (SfStore          *store,
                                    const gint64     *ids,
                                    const gint64     *versions,
                                    guint             n_ids,
                                    SfDay             day,
                                    gint64           *out_versions,
                                    GError          **error);
gboolean  sf_cases_reassign_versioned (SfStore       *store,
                                    const gint64     *ids,
                                    const gint64     *versions,
                                    guint             n_ids,
                                    gint64            caseworker_id,
                                    gint64           *out_versions,
                                    GError          **error);
/* Reopening, deleting and covering the same way: each case claimed at
 * @versions, one changed or removed since refusing them all, and the
 * versions left in @out_versions (deleting leaves none: its undo claims
 * SF_CASES_VERSION_REMOVED). */
gboolean  sf_cases_reopen_versioned (SfStore         *store,
                                    const gint64     *ids,
                                    const gint64     *versions,
                                    guint             n_ids,
                                    gint64           *out_versions,
                                    GError          **error);
gboolean  sf_cases_delete_versioned (SfStore         *store,
                                    const gint64     *ids,
                                    const gint64     *versions,
                                    guint             n_ids,
                                    GError          **error);
gboolean  sf_cases_set_cover       (SfStore          *store,
                                    const gint64     *ids,
                                    guint             n_ids,
                                    gint64            cover_id,
                                    GError          **error);
gboolean  sf_cases_set_cover_versioned (SfStore      *store,
                                    const gint64     *ids,
                                    const gint64     *versions,
                                    guint             n_ids,
                                    gint64            cover_id,
                                    gint64           *out_versions,
                                    GError          **error);

/* The cases as they are now (SfCase, in @ids order), and writing them back
 * exactly: what an undo needs.  A case removed since the snapshot is added
 * again with its id, so that deleting can be undone too. */
GArray   *sf_cases_snapshot        (SfStore          *store,
                                    const gint64     *ids,
                                    guint             n_ids,
                                    GError          **error);
gboolean  sf_cases_restore         (SfStore          *store,
                                    GArray           *snapshot,
                                    GError          **error);
/* In the versions an undo claims: the undone change deleted the case */
#define SF_CASES_VERSION_REMOVED ((gint64) -1)

/* Restores @snapshot only where each case is still at @versions (one for
 * each case of the snapshot: the versions the undone change left them
 * at; 0 claims nothing; SF_CASES_VERSION_REMOVED: its id must still be
 * free): a case someone changed or removed since, or made since under a
 * deleted case's id, refuses the undo with an SF_CONFLICT_ERROR, and
 * nothing is written. */
gboolean  sf_cases_restore_versioned (SfStore        *store,
                                    GArray           *snapshot,
                                    const gint64     *versions,
                                    GError          **error);

/* Bulk entry by counts, for municipalities that do not export case lists.
 * Cases are counted per citizen (per child, not per family).  The
 * caseworker's open counted cases are made to match @counts on @day: cases
 * with references made by the app are added, surplus counted cases are
 * closed (the newest first).  Cases with real references are left alone. */
typedef struct
{
  guint added[SF_N_COMPLEXITIES];
  guint closed[SF_N_COMPLEXITIES];
  GArray *added_ids;           /* gint64 */
  GArray *closed_ids;          /* gint64 */
  GArray *added_versions;      /* gint64: the versions the entry left the cases */
  GArray *closed_versions;     /* at, which its undo claims */
} SfCountsResult;

void      sf_counts_result_clear   (SfCountsResult   *result);
gboolean  sf_cases_set_counts      (SfStore          *store,
                                    gint64            caseworker_id,
                                    const guint      *counts,
                                    SfDay             day,
                                    SfCountsResult   *result,
                                    GError          **error);
/* Undoes an entry of counts (@result, as sf_cases_set_counts() gave
 * it): the cases it added are deleted and those it closed reopened, in
 * one transaction, each claimed at the version the entry left it, so a
 * case someone changed since refuses the whole undo (SF_CONFLICT_ERROR). */
gboolean  sf_cases_undo_counts     (SfStore          *store,
                                    const SfCountsResult *result,
                                    GError          **error);
gboolean  sf_cases_count_open_counted (SfStore       *store,
                                    gint64            caseworker_id,
                                    SfDay             day,
                                    guint            *counts,
                                    GError          **error);

/* The effect of a change on each person whose figures it changes. */
typedef struct
{
  gint64   caseworker_id;
  guint    open_before;
  guint    open_after;
  double   load_before;
  double   load_after;
  double   norm;
  double   utilisation_before;     /* NAN where the norm is 0 */
  double   utilisation_after;
  SfStatus status_before;
  SfStatus status_after;
} SfCaseEffect;

GArray    *sf_cases_compare        (const SfFigures  *before,
                                    const SfFigures  *after);
GArray    *sf_cases_preview_reassign (const SfDataset  *dataset,
                                    const SfSettings *settings,
                                    SfDay             ref,
                                    const gint64     *ids,
                                    guint             n_ids,
                                    gint64            caseworker_id);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SfCountsResult, sf_counts_result_clear)

G_END_DECLS
