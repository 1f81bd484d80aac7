#pragma once

#include <glib.h>

#include "sf-cases.h"
#include "sf-import.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* Importing cases from a case system with a look first.  The file's column
 * names are mapped to ours (mappings are remembered per database, because
 * each case system names its columns its own way), the import is run and
 * not kept (sf_import_cases_try(): on a file, on a copy in memory; on a
 * server, in a transaction rolled back), and what would change is shown:
 * new, updated and closed cases, and each person's figures before and
 * after.  Only
 * sf_import_preview_apply() writes, with the same all-or-nothing import
 * the CLI uses, and only when none of the stored cases the file names has
 * changed since the preview read them. */

typedef enum
{
  SF_PREVIEW_NEW,
  SF_PREVIEW_UPDATED,
  SF_PREVIEW_CLOSED,
} SfPreviewKind;

typedef struct
{
  SfPreviewKind kind;
  char         *reference;
  SfComplexity  complexity;
  gint64        caseworker_id;        /* after the import */
  gint64        caseworker_before;    /* 0 for a new case */
} SfPreviewCase;

typedef struct
{
  guint      rows;
  guint      n_new;
  guint      n_updated;
  guint      n_closed;
  guint      n_unchanged;
  guint      n_not_in_file;           /* open cases the file does not mention: they stay open */
  GArray    *cases;                   /* SfPreviewCase: new, updated and closed */
  GArray    *effects;                 /* SfCaseEffect, on the reference date */
  SfDataset *after;                   /* the data as it would be, for names */
  char      *encoding;                /* as the file was read: "UTF-8", "WINDOWS-1252" */
  GStrv      unknown_columns;         /* header names neither ours nor mapped */
  GPtrArray *problems;                /* "Line N: …"; non-empty = refused */
  GBytes    *mapped;                  /* the file as it will be imported */
  SfImportGuard *guard;               /* the versions of the stored cases the file names,
                                       * as the preview read them: changed since, they
                                       * refuse the import (sf-import-guard.h) */
} SfImportPreview;

/* The column names the case import knows, normalised. */
const char * const *sf_import_case_columns        (void);
const char         *sf_import_case_column_label   (const char       *column);

GHashTable *sf_import_mapping_load (SfStore      *store,
                                    const char   *kind,
                                    GError      **error);
gboolean    sf_import_mapping_save (SfStore      *store,
                                    const char   *kind,
                                    const char   *source,
                                    const char   *target,
                                    GError      **error);

GBytes     *sf_import_map_columns  (GBytes       *contents,
                                    GHashTable   *mapping,
                                    char        **out_encoding,
                                    GStrv        *out_unknown,
                                    GError      **error);

/* NULL with @error only when the file cannot be read at all; a file with
 * problems gives a preview whose problems list them. */
SfImportPreview *sf_import_preview_cases (SfStore      *store,
                                          GBytes       *contents,
                                          SfDay         ref,
                                          GError      **error);
gboolean         sf_import_preview_apply (SfStore         *store,
                                          SfImportPreview *preview,
                                          SfImportResult  *result,
                                          GError         **error);
void             sf_import_preview_free  (SfImportPreview *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfImportPreview, sf_import_preview_free)

G_END_DECLS
