#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sf-csv.h"
#include "sf-db-bind.h"
#include "sf-error.h"
#include "sf-import-preview.h"
#include "sf-text.h"

/* The case import's columns (see sf-import.c), normalised */
static const char * const case_columns[] = {
  "sagsnummer",
  "initialer",
  "kompleksitet",
  "omraade",
  "startdato",
  "lukket",
  "daekkes-af",
  NULL
};

const char * const *
sf_import_case_columns (void)
{
  return case_columns;
}

const char *
sf_import_case_column_label (const char *column)
{
  if (g_strcmp0 (column, "sagsnummer") == 0)
    return _("Case number");
  if (g_strcmp0 (column, "initialer") == 0)
    return _("Caseworker’s initials");
  if (g_strcmp0 (column, "kompleksitet") == 0)
    return _("Complexity");
  if (g_strcmp0 (column, "omraade") == 0)
    return _("Case area");
  if (g_strcmp0 (column, "startdato") == 0)
    return _("Start date");
  if (g_strcmp0 (column, "lukket") == 0)
    return _("Close date");
  if (g_strcmp0 (column, "daekkes-af") == 0)
    return _("Covered by (initials)");
  return NULL;
}

static gboolean
is_case_column (const char *key)
{
  return g_strv_contains (case_columns, key);
}

static gboolean
check_kind (const char  *kind,
            GError     **error)
{
  if (g_strcmp0 (kind, "cases") == 0 || g_strcmp0 (kind, "roster") == 0)
    return TRUE;
  g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT, "Unknown kind of import “%s”", kind);
  return FALSE;
}

/* normalised source column → normalised target column */
GHashTable *
sf_import_mapping_load (SfStore     *store,
                        const char  *kind,
                        GError     **error)
{
  g_autoptr(GHashTable) mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SfDbStmt *stmt;
  int rc;

  if (!check_kind (kind, error))
    return NULL;
  stmt = sf_store_prepare (store, "SELECT source, target FROM import_mapping WHERE kind = ?1", error);
  if (stmt == NULL)
    return NULL;
  sf_db_stmt_bind_text_static (stmt, 1, kind);
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    g_hash_table_insert (mapping, sf_db_stmt_dup_text (stmt, 0), sf_db_stmt_dup_text (stmt, 1));
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&mapping);
}

/* Remembers that the column @source of other systems' files is our
 * @target; a NULL or empty @target forgets it. */
gboolean
sf_import_mapping_save (SfStore     *store,
                        const char  *kind,
                        const char  *source,
                        const char  *target,
                        GError     **error)
{
  g_autofree char *source_key = sf_text_normalize_key (source);
  g_autofree char *target_key = target != NULL ? sf_text_normalize_key (target) : NULL;
  g_autofree char *detail = NULL;
  SfDbStmt *stmt;
  gboolean forget = target_key == NULL || *target_key == '\0';
  gboolean ok;

  if (!check_kind (kind, error))
    return FALSE;
  if (*source_key == '\0')
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT, _("The column has no name."));
      return FALSE;
    }
  if (g_str_equal (kind, "cases") && !forget && !is_case_column (target_key))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("“%s” is not a column of the case import."), target);
      return FALSE;
    }
  if (g_str_equal (kind, "cases") && is_case_column (source_key))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("“%s” is already one of the import’s own columns."), source);
      return FALSE;
    }

  if (!sf_store_begin (store, error))
    return FALSE;
  stmt = sf_store_prepare (store,
                           forget ? "DELETE FROM import_mapping WHERE kind = ?1 AND source = ?2"
                                  : "INSERT INTO import_mapping (kind, source, target) VALUES (?1, ?2, ?3)"
                                    " ON CONFLICT (kind, source) DO UPDATE SET target = excluded.target",
                           error);
  if (stmt != NULL)
    {
      sf_db_stmt_bind_text_static (stmt, 1, kind);
      sf_db_stmt_bind_text_static (stmt, 2, source_key);
      if (!forget)
        sf_db_stmt_bind_text_static (stmt, 3, target_key);
    }
  ok = sf_store_run (store, stmt, error);
  if (ok)
    {
      detail = g_strdup_printf ("%s: %s → %s", kind, source_key, forget ? "(forgotten)" : target_key);
      ok = sf_store_audit (store, "import-mapping", source_key, detail, error);
    }
  return sf_store_finish (store, ok, error);
}

static void
append_field (GString    *out,
              const char *value,
              guint      *line)
{
  if (strpbrk (value, ";\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      if (*p == '\n')
        (*line)++;
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The file again, as UTF-8 with ';', with mapped column names in the
 * header.  Every record stays on the line it had, so that problems are
 * reported with the line numbers of the file the manager has. */
GBytes *
sf_import_map_columns (GBytes      *contents,
                       GHashTable  *mapping,
                       char       **out_encoding,
                       GStrv       *out_unknown,
                       GError     **error)
{
  g_autoptr(SfCsvReader) reader = sf_csv_reader_new (contents, error);
  g_autoptr(GStrvBuilder) unknown = g_strv_builder_new ();
  GString *out;
  guint out_line = 1;
  gboolean header = TRUE;

  if (reader == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (;;)
    {
      g_auto(GStrv) fields = NULL;
      guint line = 0;

      if (!sf_csv_reader_next (reader, &fields, &line, error))
        {
          if (error != NULL && *error != NULL)
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          break;
        }
      while (out_line < line)
        {
          g_string_append_c (out, '\n');
          out_line++;
        }
      for (guint i = 0; fields[i] != NULL; i++)
        {
          const char *value = fields[i];

          if (header)
            {
              g_autofree char *key = sf_text_normalize_key (fields[i]);
              const char *target = mapping != NULL ? g_hash_table_lookup (mapping, key) : NULL;

              if (!is_case_column (key) && target != NULL)
                value = target;
              else if (!is_case_column (key) && *key != '\0')
                g_strv_builder_add (unknown, fields[i]);
            }
          if (i > 0)
            g_string_append_c (out, ';');
          append_field (out, value, &out_line);
        }
      g_string_append_c (out, '\n');
      out_line++;
      header = FALSE;
    }

  if (out_encoding != NULL)
    *out_encoding = g_strdup (sf_csv_reader_get_encoding (reader));
  if (out_unknown != NULL)
    *out_unknown = g_strv_builder_end (unknown);
  return g_string_free_to_bytes (out);
}

/* The case numbers a (mapped) file names */
static GHashTable *
file_references (GBytes *mapped)
{
  g_autoptr(SfCsvReader) reader = sf_csv_reader_new (mapped, NULL);
  GHashTable *references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int column = -1;
  gboolean header = TRUE;

  if (reader == NULL)
    return references;
  for (;;)
    {
      g_auto(GStrv) fields = NULL;
      guint line;

      if (!sf_csv_reader_next (reader, &fields, &line, NULL))
        break;
      if (header)
        {
          for (guint i = 0; fields[i] != NULL; i++)
            {
              g_autofree char *key = sf_text_normalize_key (fields[i]);

              if (g_str_equal (key, "sagsnummer"))
                column = (int) i;
            }
          header = FALSE;
          continue;
        }
      if (column >= 0 && (guint) column < g_strv_length (fields))
        g_hash_table_add (references, g_strstrip (g_strdup (fields[column])));
    }
  return references;
}

static void
preview_case_clear (gpointer data)
{
  SfPreviewCase *c = data;

  g_clear_pointer (&c->reference, g_free);
}

void
sf_import_preview_free (SfImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_pointer (&preview->cases, g_array_unref);
  g_clear_pointer (&preview->effects, g_array_unref);
  g_clear_pointer (&preview->after, sf_dataset_free);
  g_clear_pointer (&preview->encoding, g_free);
  g_clear_pointer (&preview->unknown_columns, g_strfreev);
  g_clear_pointer (&preview->problems, g_ptr_array_unref);
  g_clear_pointer (&preview->mapped, g_bytes_unref);
  g_clear_pointer (&preview->guard, sf_import_guard_free);
  g_free (preview);
}

static const SfCase *
find_case (GHashTable *by_reference,
           const char *reference)
{
  return g_hash_table_lookup (by_reference, reference);
}

static void
compare_datasets (SfImportPreview *preview,
                  const SfDataset *before,
                  GHashTable      *in_file,
                  SfDay            ref)
{
  g_autoptr(GHashTable) old_cases = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < before->cases->len; i++)
    {
      const SfCase *c = &g_array_index (before->cases, SfCase, i);

      g_hash_table_insert (old_cases, c->reference, (gpointer) c);
      if (sf_capacity_case_is_open (c, ref) && !g_hash_table_contains (in_file, c->reference))
        preview->n_not_in_file++;
    }

  for (guint i = 0; i < preview->after->cases->len; i++)
    {
      const SfCase *c = &g_array_index (preview->after->cases, SfCase, i);
      const SfCase *old = find_case (old_cases, c->reference);
      SfPreviewCase change = { 0 };

      if (!g_hash_table_contains (in_file, c->reference))
        continue;
      if (old == NULL)
        change.kind = SF_PREVIEW_NEW;
      else if (old->closed == SF_DAY_NONE && c->closed != SF_DAY_NONE)
        change.kind = SF_PREVIEW_CLOSED;
      else if (old->area_id != c->area_id || old->complexity != c->complexity || old->start != c->start ||
               old->closed != c->closed || old->caseworker_id != c->caseworker_id || old->cover_id != c->cover_id)
        change.kind = SF_PREVIEW_UPDATED;
      else
        {
          preview->n_unchanged++;
          continue;
        }
      switch (change.kind)
        {
        case SF_PREVIEW_NEW:
          preview->n_new++;
          break;
        case SF_PREVIEW_CLOSED:
          preview->n_closed++;
          break;
        case SF_PREVIEW_UPDATED:
        default:
          preview->n_updated++;
          break;
        }
      change.reference = g_strdup (c->reference);
      change.complexity = c->complexity;
      change.caseworker_id = c->caseworker_id;
      change.caseworker_before = old != NULL ? old->caseworker_id : 0;
      g_array_append_val (preview->cases, change);
    }
}

SfImportPreview *
sf_import_preview_cases (SfStore  *store,
                         GBytes   *contents,
                         SfDay     ref,
                         GError  **error)
{
  g_autoptr(SfImportPreview) preview = g_new0 (SfImportPreview, 1);
  g_autoptr(GHashTable) mapping = NULL;
  g_autoptr(SfDataset) before = NULL;
  g_autoptr(GHashTable) in_file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(SfImportResult) result = { 0 };
  SfSettings settings;
  gint64 start = g_get_monotonic_time ();
  gint64 read_at, tried_at;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);
  g_return_val_if_fail (contents != NULL, NULL);

  preview->cases = g_array_new (FALSE, TRUE, sizeof (SfPreviewCase));
  g_array_set_clear_func (preview->cases, preview_case_clear);
  preview->problems = g_ptr_array_new_with_free_func (g_free);
  preview->guard = sf_import_guard_new ();

  mapping = sf_import_mapping_load (store, "cases", error);
  if (mapping == NULL)
    return NULL;
  preview->mapped = sf_import_map_columns (contents, mapping, &preview->encoding, &preview->unknown_columns, error);
  if (preview->mapped == NULL)
    return NULL;

  /* The data first, then the import tried: a change someone else makes
   * in between is in the data after but not in the versions recorded
   * from the data before (below), so the real import is refused rather
   * than shown wrongly */
  if (!sf_store_load_settings (store, &settings, error))
    return NULL;
  before = sf_store_load_dataset (store, error);
  if (before == NULL)
    return NULL;
  read_at = g_get_monotonic_time ();

  /* The import runs for real and is not kept (sf_import_cases_try()) */
  if (!sf_import_cases_try (store, preview->mapped, &result, &preview->after, &local_error))
    {
      if (!g_error_matches (local_error, SF_ERROR, SF_ERROR_INVALID_INPUT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (result.problems != NULL && result.problems->len > 0)
        for (guint i = 0; i < result.problems->len; i++)
          g_ptr_array_add (preview->problems, g_strdup (g_ptr_array_index (result.problems, i)));
      else
        g_ptr_array_add (preview->problems, g_strdup (local_error->message));
      preview->rows = result.rows;
      return g_steal_pointer (&preview);
    }
  preview->rows = result.rows;
  tried_at = g_get_monotonic_time ();

  in_file = file_references (preview->mapped);
  compare_datasets (preview, before, in_file, ref);
  for (guint i = 0; i < before->cases->len; i++)
    {
      const SfCase *c = &g_array_index (before->cases, SfCase, i);

      if (g_hash_table_contains (in_file, c->reference))
        sf_import_guard_add (preview->guard, "casefile", c->id, c->version, c->reference);
    }
  {
    g_autoptr(SfFigures) figures_before = sf_figures_compute (before, &settings, ref);
    g_autoptr(SfFigures) figures_after = sf_figures_compute (preview->after, &settings, ref);

    preview->effects = sf_cases_compare (figures_before, figures_after);
  }
  g_debug ("Import preview of %u rows: data read in %.0f ms, import tried in %.0f ms, compared in %.0f ms",
           preview->rows, (read_at - start) / 1000.0, (tried_at - read_at) / 1000.0,
           (g_get_monotonic_time () - tried_at) / 1000.0);
  return g_steal_pointer (&preview);
}

/* Imports the previewed file for real.  The database may have changed
 * since the preview: the import checks everything again, and is refused
 * when a case the file names was changed since (preview->guard). */
gboolean
sf_import_preview_apply (SfStore          *store,
                         SfImportPreview  *preview,
                         SfImportResult   *result,
                         GError          **error)
{
  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);

  if (preview->problems->len > 0)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("The file has problems and cannot be imported. Correct them first."));
      return FALSE;
    }
  return sf_import_cases_guarded (store, preview->mapped, preview->guard, result, error);
}
