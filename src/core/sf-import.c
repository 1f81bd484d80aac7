#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sf-areas.h"
#include "sf-backup.h"
#include "sf-cases.h"
#include "sf-csv.h"
#include "sf-db-bind.h"
#include "sf-error.h"
#include "sf-import-guard.h"
#include "sf-import-private.h"
#include "sf-privacy.h"
#include "sf-roster-edit.h"
#include "sf-text.h"

/* For tests: see sf_import_set_test_hook() */
static SfImportTestHook test_hook;
static gpointer test_hook_data;

/* Beyond this many problems a file is clearly the wrong file: stop listing. */
#define MAX_PROBLEMS 200
#define MAX_FILE_BYTES ((goffset) 256 * 1024 * 1024)
/* A large municipality has 100,000 cases; ten times that is a wrong file. */
#define MAX_ROWS 1000000
/* Dates outside these years are typing errors, not history or plans. */
#define MIN_YEAR 1900
#define MAX_YEAR 2100

typedef enum
{
  COL_TEAM,
  COL_AREA,
  COL_TEAM_NORM,
  COL_INITIALS,
  COL_NAME,
  COL_HOURS,
  COL_REDUCTION_HOURS,
  COL_REDUCTION_REASON,
  COL_START,
  COL_END,
  COL_ABSENCE,
  COL_ABSENCE_FROM,
  COL_ABSENCE_TO,
  COL_REDUCTION_FROM,
  COL_REDUCTION_TO,
  COL_FACTOR,
  COL_FACTOR_REASON,
  COL_REFERENCE,
  COL_COMPLEXITY,
  COL_COVER,
  COL_CLOSED,
  N_COLUMNS
} Column;

typedef struct
{
  const char *header;          /* normalised, as sf_text_normalize_key makes it */
  gboolean    roster;
  gboolean    cases;
  gboolean    roster_required;
  gboolean    cases_required;
} ColumnSpec;

static const ColumnSpec column_specs[N_COLUMNS] = {
  [COL_TEAM]             = { "team",               TRUE,  FALSE, TRUE,  FALSE },
  [COL_AREA]             = { "omraade",            TRUE,  TRUE,  FALSE, FALSE },
  [COL_TEAM_NORM]        = { "team-norm",          TRUE,  FALSE, FALSE, FALSE },
  [COL_INITIALS]         = { "initialer",          TRUE,  TRUE,  TRUE,  TRUE  },
  [COL_NAME]             = { "navn",               TRUE,  FALSE, TRUE,  FALSE },
  [COL_HOURS]            = { "timer",              TRUE,  FALSE, FALSE, FALSE },
  [COL_REDUCTION_HOURS]  = { "reduktion-timer",    TRUE,  FALSE, FALSE, FALSE },
  [COL_REDUCTION_REASON] = { "reduktion-aarsag",   TRUE,  FALSE, FALSE, FALSE },
  [COL_START]            = { "startdato",          TRUE,  TRUE,  FALSE, FALSE },
  [COL_END]              = { "slutdato",           TRUE,  FALSE, FALSE, FALSE },
  [COL_ABSENCE]          = { "fravaer",            TRUE,  FALSE, FALSE, FALSE },
  [COL_ABSENCE_FROM]     = { "fravaer-fra",        TRUE,  FALSE, FALSE, FALSE },
  [COL_ABSENCE_TO]       = { "fravaer-til",        TRUE,  FALSE, FALSE, FALSE },
  [COL_REDUCTION_FROM]   = { "reduktion-fra",      TRUE,  FALSE, FALSE, FALSE },
  [COL_REDUCTION_TO]     = { "reduktion-til",      TRUE,  FALSE, FALSE, FALSE },
  [COL_FACTOR]           = { "individuel-faktor",  TRUE,  FALSE, FALSE, FALSE },
  [COL_FACTOR_REASON]    = { "faktor-begrundelse", TRUE,  FALSE, FALSE, FALSE },
  [COL_REFERENCE]        = { "sagsnummer",         FALSE, TRUE,  FALSE, TRUE  },
  [COL_COMPLEXITY]       = { "kompleksitet",       FALSE, TRUE,  FALSE, TRUE  },
  [COL_COVER]            = { "daekkes-af",         FALSE, TRUE,  FALSE, FALSE },
  [COL_CLOSED]           = { "lukket",             FALSE, TRUE,  FALSE, FALSE },
};

typedef struct
{
  SfStore        *store;
  SfSettings      settings;
  SfImportResult *result;
  gboolean        cases;
  int             columns[N_COLUMNS];   /* field index, -1 if absent */
  guint           n_header_fields;
  guint           n_problems;           /* including those not listed */
  char          **fields;               /* the row being checked, trimmed */
  guint           n_fields;
  guint           line;
  SfPendingBackup *pending;             /* the backup made before the import */
  gint64          changes_before;       /* sf_db_total_changes () at the start */
  gboolean        changed;              /* the import changed something */
  GStringChunk   *composed;             /* fields that NFC changed */
  SfImportGuard  *guard;                /* the versions of the rows read: checked
                                         * inside the transaction (sf-import-guard.h) */
  SfDataset     **after;                /* a dry run (sf_import_cases_try()) on a
                                         * server: the data as the import leaves it,
                                         * read before the rollback; NULL: a real import */
} Import;

typedef struct
{
  gint64  id;
  gint64  version;
  char   *label;
} StoredRow;

typedef struct
{
  guint   line;
  char   *team;
  gint64  area_id;                      /* 0 = not given */
  double  team_norm;                    /* 0 = not given */
  char   *initials;
  char   *name;
  double  hours;
  double  reduction_hours;
  char   *reduction_reason;             /* a key */
  char   *reduction_note;
  SfDay   start;
  SfDay   end;
  char   *absence;
  SfDay   absence_from;
  SfDay   absence_to;
  SfDay   reduction_from;
  SfDay   reduction_to;
  double  factor;
  char   *factor_reason;
} RosterRow;

typedef struct
{
  guint        line;
  const char  *reference;               /* in CasePlan.strings */
  gint64       caseworker_id;
  gint64       cover_id;
  gint64       area_id;                 /* 0 = the caseworker's team's area */
  SfComplexity complexity;
  SfDay        start;
  SfDay        closed;
} CaseRow;

typedef struct
{
  guint   line;                         /* where the team was first given a value */
  guint   seq;                          /* 1, 2 … in the order first met */
  gint64  id;                           /* 0 = new */
  char   *name;
  gint64  area_id;
  guint   area_line;
  double  norm;
  guint   norm_line;
} TeamPlan;

void
sf_import_result_clear (SfImportResult *result)
{
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  memset (result, 0, sizeof *result);
}

static void
roster_row_clear (gpointer data)
{
  RosterRow *row = data;

  g_free (row->team);
  g_free (row->initials);
  g_free (row->name);
  g_free (row->reduction_reason);
  g_free (row->reduction_note);
  g_free (row->absence);
  g_free (row->factor_reason);
}

static void
team_plan_free (gpointer data)
{
  TeamPlan *plan = data;

  g_free (plan->name);
  g_free (plan);
}

/* The key people and files use for initials and team names: case and
 * Unicode form do not matter. */
static char *
fold_key (const char *text)
{
  return sf_roster_fold_key (text);
}

static void add_problem (Import *im, guint line, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (Import     *im,
             guint       line,
             const char *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  im->n_problems++;
  if (im->result->problems->len >= MAX_PROBLEMS)
    return;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a problem found in an imported file; %u is the line number. */
  g_ptr_array_add (im->result->problems, g_strdup_printf (_("Line %u: %s"), line, text));
}

/* The trimmed field of this row for a column; "" when absent or empty. */
static const char *
field (Import *im,
       Column  column)
{
  int index = im->columns[column];

  if (index < 0 || im->fields == NULL || (guint) index >= im->n_fields)
    return "";
  return im->fields[index];
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Reports a value the roster's rules (sf-roster-edit.c, shared with the
 * forms) refused, in the words of the rule. */
static gboolean
report (Import  *im,
        GError **error)
{
  add_problem (im, im->line, "%s", (*error)->message);
  g_clear_error (error);
  return FALSE;
}
/* @what starts a sentence: "The name". */
static gboolean
check_text (Import     *im,
            const char *what,
            const char *text,
            guint       max_chars)
{
  g_autoptr(GError) error = NULL;

  if (!sf_roster_check_text (what, text, max_chars, &error))
    return report (im, &error);
  return TRUE;
}

/* Reads a number; whether it is allowed is the caller's rule to check. */
static gboolean
parse_number (Import     *im,
              Column      column,
              const char *what,
              double      fallback,
              double     *out)
{
  const char *text = field (im, column);
  double value;

  if (is_blank (text))
    {
      *out = fallback;
      return TRUE;
    }
  if (!sf_text_parse_decimal (text, &value))
    {
      add_problem (im, im->line, _("the %s “%s” is not a number."), what, text);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
parse_date (Import     *im,
            Column      column,
            const char *what,
            SfDay      *out)
{
  const char *text = field (im, column);

  *out = SF_DAY_NONE;
  if (is_blank (text))
    return TRUE;
  if (!sf_day_parse (text, out))
    {
      add_problem (im, im->line,
                   _("the %s “%s” is not a date. Write it as 2024-03-01 or 01-03-2024."),
                   what, text);
      return FALSE;
    }
  if (*out < sf_day_new (MIN_YEAR, 1, 1) || *out > sf_day_new (MAX_YEAR, 12, 31))
    {
      add_problem (im, im->line, _("the %s “%s” is not a plausible date (years %d–%d)."),
                   what, text, MIN_YEAR, MAX_YEAR);
      *out = SF_DAY_NONE;
      return FALSE;
    }
  return TRUE;
}

/* A period's from and to dates: both optional (an open end), the to date
 * not before the from date, and only where there is something to date
 * (@given: a kind of absence, hours of reduction, named by @needs). */
static gboolean
parse_period (Import     *im,
              Column      from_column,
              Column      to_column,
              const char *what,
              gboolean    given,
              const char *needs,
              SfDay      *from,
              SfDay      *to)
{
  if (!parse_date (im, from_column, _("from date"), from) ||
      !parse_date (im, to_column, _("to date"), to))
    return FALSE;
  if ((*from != SF_DAY_NONE || *to != SF_DAY_NONE) && !given)
    {
      /* Translators: "the absence period has dates but no fravaer." */
      add_problem (im, im->line, _("the %s period has dates, but the column %s is empty."), what, needs);
      return FALSE;
    }
  if (*from != SF_DAY_NONE && *to != SF_DAY_NONE && *to < *from)
    {
      add_problem (im, im->line, _("the %s period ends before it starts."), what);
      return FALSE;
    }
  return TRUE;
}

/* Area keys, or their names: "boern-familie" or "Børne- og familieområdet". */
static GHashTable *
load_areas (Import  *im,
            GError **error)
{
  g_autoptr(GHashTable) areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SfDbStmt *stmt = sf_store_prepare (im->store, "SELECT id, key, name FROM area", error);

  if (stmt == NULL)
    return NULL;
  while (sf_db_stmt_step (stmt) == SF_DB_ROW)
    {
      gint64 id = sf_db_stmt_column_int64 (stmt, 0);

      g_hash_table_insert (areas, sf_text_normalize_key (sf_db_stmt_column_text (stmt, 1)),
                           GSIZE_TO_POINTER ((gsize) id));
      g_hash_table_insert (areas, sf_text_normalize_key (sf_db_stmt_column_text (stmt, 2)),
                           GSIZE_TO_POINTER ((gsize) id));
    }
  sf_db_stmt_free (stmt);
  return g_steal_pointer (&areas);
}

/* An area the database does not know: DS' keys, or an own area to add. */
static void
add_unknown_area_problem (Import     *im,
                          const char *area)
{
  g_autofree char *key = sf_areas_normalize_key (area, NULL);

  add_problem (im, im->line,
               _("“%s” is not a known case area. Use a key such as “boern-familie” or "
                 "“sygedagpenge”, or add it as an own case area under Own Case Areas in "
                 "Preferences or with “sagsfordeling-cli area-add --key %s --name NAME”."),
               area, key != NULL ? key : "KEY");
}

/* id (gint64) → the second column of @sql's rows (id, value): its text
 * with @text, else its integer */
static GHashTable *
load_by_id (Import      *im,
            const char  *sql,
            gboolean     text,
            GError     **error)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, text ? g_free : NULL);
  SfDbStmt *stmt = sf_store_prepare (im->store, sql, error);

  if (stmt == NULL)
    return NULL;
  while (sf_db_stmt_step (stmt) == SF_DB_ROW)
    g_hash_table_insert (map, g_memdup2 (&(gint64) { sf_db_stmt_column_int64 (stmt, 0) }, sizeof (gint64)),
                         text ? (gpointer) sf_db_stmt_dup_text (stmt, 1)
                              : GSIZE_TO_POINTER ((gsize) sf_db_stmt_column_int64 (stmt, 1)));
  sf_db_stmt_free (stmt);
  return g_steal_pointer (&map);
}

static gint64
lookup_area (GHashTable *areas,
             const char *text)
{
  g_autofree char *key = sf_text_normalize_key (text);

  return (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (areas, key));
}

/* folded name → id, for "team" or "caseworker" (by initials) */
static GHashTable *
load_keys (Import      *im,
           const char  *sql,
           GError     **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SfDbStmt *stmt = sf_store_prepare (im->store, sql, error);

  if (stmt == NULL)
    return NULL;
  while (sf_db_stmt_step (stmt) == SF_DB_ROW)
    g_hash_table_insert (keys, fold_key (sf_db_stmt_column_text (stmt, 1)),
                         GSIZE_TO_POINTER ((gsize) sf_db_stmt_column_int64 (stmt, 0)));
  sf_db_stmt_free (stmt);
  return g_steal_pointer (&keys);
}

static void
stored_row_free (gpointer data)
{
  StoredRow *row = data;

  g_free (row->label);
  g_free (row);
}

/* key → StoredRow, from @sql's rows (id, key, version[, label]); with @fold,
 * keyed as fold_key() writes it.  The versions as this import reads the
 * data: rows changed after it are not written over (check_guard()). */
static GHashTable *
load_versions (Import      *im,
               const char  *sql,
               gboolean     fold,
               GError     **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stored_row_free);
  g_autoptr(SfDbStmt) stmt = sf_store_prepare (im->store, sql, error);
  gint64 start = g_get_monotonic_time ();
  SfDbStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      StoredRow *row = g_new0 (StoredRow, 1);
      const char *key = sf_db_stmt_column_text (stmt, 1);

      row->id = sf_db_stmt_column_int64 (stmt, 0);
      row->version = sf_db_stmt_column_int64 (stmt, 2);
      /* Without a label of its own, the key names the row (a case's reference) */
      row->label = sf_db_stmt_column_count (stmt) > 3 ? sf_db_stmt_dup_text (stmt, 3) : NULL;
      g_hash_table_insert (rows, fold ? fold_key (key) : g_strdup (key), row);
    }
  if (step != SF_DB_DONE)
    {
      sf_store_set_db_error (im->store, error);
      return NULL;
    }
  g_debug ("Import guard: %u versions read in %.1f ms", g_hash_table_size (rows),
           (g_get_monotonic_time () - start) / 1000.0);
  return g_steal_pointer (&rows);
}

static void
guard_row (Import     *im,
           GHashTable *stored,
           const char *table,
           const char *key)
{
  const StoredRow *row = stored != NULL ? g_hash_table_lookup (stored, key) : NULL;

  if (row != NULL)
    sf_import_guard_add (im->guard, table, row->id, row->version, row->label != NULL ? row->label : key);
}

/* Inside the import's transaction, before it writes: whether the rows it
 * read are as they were (sf-import-guard.h) */
static gboolean
check_guard (Import  *im,
             GError **error)
{
  return im->guard == NULL || sf_import_guard_check (im->guard, im->store, error);
}

/* Reads the header: which column is where.  Unknown columns are ignored,
 * so an export with extra columns imports as it is. */
static gboolean
read_header (Import      *im,
             SfCsvReader *reader,
             GError     **error)
{
  g_auto(GStrv) header = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  guint line;

  for (guint c = 0; c < N_COLUMNS; c++)
    im->columns[c] = -1;

  if (!sf_csv_reader_next (reader, &header, &line, error))
    {
      if (error && *error == NULL)
        g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT, _("The file is empty."));
      return FALSE;
    }

  im->n_header_fields = g_strv_length (header);
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *key = sf_text_normalize_key (header[i]);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          const ColumnSpec *spec = &column_specs[c];

          if (!(im->cases ? spec->cases : spec->roster) || !g_str_equal (key, spec->header))
            continue;
          if (im->columns[c] >= 0)
            add_problem (im, line, _("the column “%s” appears twice."), header[i]);
          im->columns[c] = (int) i;
        }
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const ColumnSpec *spec = &column_specs[c];
      gboolean required = im->cases ? spec->cases_required : spec->roster_required;

      if (required && im->columns[c] < 0)
        g_string_append_printf (missing, "%s“%s”", missing->len ? ", " : "", spec->header);
    }
  if (missing->len > 0)
    add_problem (im, line, _("the header lacks the column(s) %s. The first line must name the columns."),
                 missing->str);

  return TRUE;
}

/* g_strstrip() without moving the text: the start moves instead. */
static char *
strip (char *text)
{
  char *end;

  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  *end = '\0';
  return text;
}

/* Reads every data row, trimming fields, and hands each to @row_func. */
static gboolean
read_rows (Import      *im,
           SfCsvReader *reader,
           void       (*row_func) (Import *im, gpointer user_data),
           gpointer     user_data,
           GError     **error)
{
  for (;;)
    {
      char **fields = NULL;
      g_autoptr(GError) local_error = NULL;
      guint n;

      /* The reader's own fields, trimmed in place: a 100,000-row file is
       * read without allocating per row. */
      if (!sf_csv_reader_next_borrowed (reader, &fields, &n, &im->line, &local_error))
        {
          if (local_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (im->result->rows >= MAX_ROWS)
        {
          g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                       _("The file has more than %u rows; no case list or roster is that long. "
                         "Nothing was changed."), MAX_ROWS);
          return FALSE;
        }

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *composed = NULL;

          fields[i] = strip (fields[i]);
          /* Å as A and a combining ring is Å: composed, a file's initials
           * match what is stored however its program wrote them */
          composed = sf_text_compose (fields[i]);
          if (composed != NULL)
            {
              if (im->composed == NULL)
                im->composed = g_string_chunk_new (4096);
              fields[i] = g_string_chunk_insert (im->composed, composed);
            }
        }
      /* Spreadsheets often end rows with empty cells beyond the header. */
      while (n > im->n_header_fields && is_blank (fields[n - 1]))
        fields[--n] = NULL;
      if (n > im->n_header_fields)
        {
          add_problem (im, im->line, _("the row has %u fields but the header names %u columns."),
                       n, im->n_header_fields);
          continue;
        }

      im->result->rows++;
      im->fields = fields;
      im->n_fields = n;
      row_func (im, user_data);
      im->fields = NULL;
      im->n_fields = 0;
    }
}

static SfCsvReader *
open_reader (Import   *im,
             GBytes   *contents,
             GError  **error)
{
  SfCsvReader *reader = sf_csv_reader_new (contents, error);

  if (reader == NULL)
    return NULL;
  if (!read_header (im, reader, error))
    {
      sf_csv_reader_free (reader);
      return NULL;
    }
  return reader;
}

/* Why the import did not start: the backup before it (@backup_error)
 * failed. */
static void
set_backup_error (GError      **error,
                  const GError *backup_error)
{
  g_set_error (error, SF_ERROR, backup_error->code,
               _("The import was not started, because the backup before it failed: %s"),
               backup_error->message);
}

/* Every import that changes a database with people in it is preceded by a
 * backup, checked before it is made (a damaged database is not imported
 * into); without one the import does not start.  The backup joins the
 * others only if the import changes something (settle_backup). */
static gboolean
backup_before_import (Import  *im,
                      GError **error)
{
  g_autoptr(GError) local_error = NULL;

  /* A server's database is backed up by the server's own tools */
  if (g_strcmp0 (sf_store_get_path (im->store), ":memory:") == 0 ||
      sf_db_location_is_uri (sf_store_get_path (im->store)) || sf_store_is_empty (im->store))
    return TRUE;
  im->pending = sf_backup_prepare (im->store, "import", &local_error);
  if (im->pending == NULL)
    {
      set_backup_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Inside the import's transaction, before its change-log line: whether it
 * changed anything.  One that did keeps the backup made before it; one
 * that did not is taken back by the caller, and takes no place among the
 * backups. */
static gboolean
settle_backup (Import  *im,
               GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  im->changed = sf_db_total_changes (sf_store_get_db (im->store)) != im->changes_before;
  if (!im->changed || im->pending == NULL)
    return TRUE;
  path = sf_backup_keep (g_steal_pointer (&im->pending), &local_error);
  if (path == NULL)
    {
      set_backup_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* The import's line in the change log, inside its transaction */
static gboolean
log_import (Import  *im,
            GError **error)
{
  g_autofree char *detail = NULL;

  if (im->cases)
    /* Translators: the change log's detail of a case import */
    detail = g_strdup_printf (_("%u rows: %u new, %u updated, %u unchanged cases"),
                              im->result->rows, im->result->created, im->result->updated,
                              im->result->unchanged);
  else
    /* Translators: the change log's detail of a roster import */
    detail = g_strdup_printf (_("%u rows: %u new, %u updated caseworkers; %u new, %u updated teams"),
                              im->result->rows, im->result->created, im->result->updated,
                              im->result->teams_created, im->result->teams_updated);
  return sf_store_audit (im->store, im->cases ? "import-cases" : "import-roster", NULL, detail, error);
}

static gboolean
finish_problems (Import  *im,
                 GError **error)
{
  g_autoptr(GString) message = NULL;

  if (im->n_problems == 0)
    return TRUE;

  message = g_string_new (NULL);
  g_string_append_printf (message,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The file was not imported: it has %u problem. "
                                       "Nothing was changed.",
                                       "The file was not imported: it has %u problems. "
                                       "Nothing was changed.",
                                       im->n_problems),
                          im->n_problems);
  for (guint i = 0; i < im->result->problems->len; i++)
    g_string_append_printf (message, "\n%s", (const char *) g_ptr_array_index (im->result->problems, i));
  if (im->n_problems > im->result->problems->len)
    g_string_append_printf (message, "\n%s", _("… and more. Correct these first."));
  g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT, message->str);
  return FALSE;
}

/* @result as an import begins it: empty, with a list for its problems */
static void
init_result (SfImportResult *result)
{
  memset (result, 0, sizeof *result);
  result->problems = g_ptr_array_new_with_free_func (g_free);
}

static void
init_import (Import         *im,
             SfStore        *store,
             SfImportResult *result,
             gboolean        cases)
{
  init_result (result);
  memset (im, 0, sizeof *im);
  im->store = store;
  im->result = result;
  im->cases = cases;
}

/* Whether the import writes to a server (apply_*_on_server()) */
static gboolean
on_server (Import *im)
{
  return sf_db_get_kind (sf_store_get_db (im->store)) == SF_DB_POSTGRES;
}

/* Before the checked file is written: a file's database is backed up
 * (backup_before_import()); a server's is not. */
static gboolean
prepare_apply (Import  *im,
               GError **error)
{
  if (on_server (im))
    return TRUE;
  if (test_hook != NULL)
    test_hook (im->store, SF_IMPORT_STAGE_CHECKED, test_hook_data);
  return backup_before_import (im, error);
}

/* After it is written (@ok) or not: a backup it did not keep is dropped,
 * and the views are told of a change a real import made. */
static void
end_apply (Import   *im,
           gboolean  ok)
{
  g_clear_pointer (&im->pending, sf_backup_discard);
  if (ok && im->changed && im->after == NULL)
    sf_store_emit_changed (im->store);
}

/* ---- roster ---------------------------------------------------------- */

typedef struct
{
  GArray     *rows;                     /* RosterRow */
  GHashTable *areas;
  GHashTable *teams;                    /* folded name → TeamPlan */
  GHashTable *existing_teams;           /* folded name → id */
  GHashTable *initials;                 /* folded initials → line */
} RosterPlan;

static void
check_roster_row (Import   *im,
                  gpointer  user_data)
{
  RosterPlan *plan = user_data;
  RosterRow row = { 0 };
  const char *team = field (im, COL_TEAM);
  const char *area = field (im, COL_AREA);
  const char *initials = field (im, COL_INITIALS);
  const char *name = field (im, COL_NAME);
  const char *reason = field (im, COL_REDUCTION_REASON);
  const char *absence = field (im, COL_ABSENCE);
  const char *factor_reason = field (im, COL_FACTOR_REASON);
  gboolean ok = TRUE;
  gboolean hours_ok, reduction_ok;
  g_autoptr(GError) error = NULL;
  g_autofree char *team_key = NULL;
  TeamPlan *team_plan;

  row.line = im->line;

  if (!sf_roster_check_team_name (team, &error))
    ok = report (im, &error);

  if (!sf_roster_check_initials (initials, &error))
    ok = report (im, &error);
  else
    {
      g_autofree char *key = fold_key (initials);
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (plan->initials, key));

      if (first != 0)
        {
          add_problem (im, im->line, _("the initials “%s” are used on line %u too; "
                                       "each caseworker appears once."), initials, first);
          ok = FALSE;
        }
      else
        g_hash_table_insert (plan->initials, g_steal_pointer (&key), GUINT_TO_POINTER (im->line));
    }

  if (!sf_roster_check_name (name, &error))
    ok = report (im, &error);

  /* The same rules as the caseworker form: sf-roster-edit.c */
  hours_ok = parse_number (im, COL_HOURS, _("weekly hours"), im->settings.full_time_hours, &row.hours);
  if (hours_ok && !sf_roster_check_weekly_hours (&im->settings, row.hours, &error))
    hours_ok = report (im, &error);
  reduction_ok = parse_number (im, COL_REDUCTION_HOURS, _("reduction in hours"), 0, &row.reduction_hours);
  if (reduction_ok && row.reduction_hours != 0 &&
      !sf_roster_check_reduction_hours (&im->settings, row.reduction_hours, &error))
    reduction_ok = report (im, &error);
  if (hours_ok && reduction_ok &&
      !sf_roster_check_reductions_total (row.reduction_hours, row.hours, &error))
    reduction_ok = report (im, &error);
  ok &= hours_ok && reduction_ok;
  if (parse_number (im, COL_FACTOR, _("individual factor"), 1, &row.factor))
    {
      if (!sf_roster_check_factor (row.factor, &error))
        ok = report (im, &error);
    }
  else
    ok = FALSE;
  if (parse_number (im, COL_TEAM_NORM, _("team norm"), 0, &row.team_norm))
    {
      /* An empty cell means "no cap": the DS figure applies */
      if (!sf_roster_check_cap (row.team_norm, !is_blank (field (im, COL_TEAM_NORM)), &error))
        ok = report (im, &error);
    }
  else
    ok = FALSE;
  ok &= parse_date (im, COL_START, _("start date"), &row.start);
  ok &= parse_date (im, COL_END, _("last working day"), &row.end);
  if (!sf_roster_check_last_day (row.start, row.end, &error))
    ok = report (im, &error);
  ok &= parse_period (im, COL_ABSENCE_FROM, COL_ABSENCE_TO, _("absence"),
                      !is_blank (absence), "fravaer", &row.absence_from, &row.absence_to);
  ok &= parse_period (im, COL_REDUCTION_FROM, COL_REDUCTION_TO, _("reduction"),
                      row.reduction_hours > 0, "reduktion_timer", &row.reduction_from, &row.reduction_to);

  if (!is_blank (reason))
    {
      SfReductionReason parsed;

      ok &= check_text (im, _("The reduction reason"), reason, SF_ROSTER_MAX_TEXT);
      sf_reduction_reason_parse (reason, &parsed);
      row.reduction_reason = g_strdup (sf_reduction_reason_to_key (parsed));
      row.reduction_note = g_strdup (reason);
    }
  else
    row.reduction_reason = g_strdup (sf_reduction_reason_to_key (SF_REDUCTION_OTHER));

  if (!is_blank (absence))
    ok &= check_text (im, _("The kind of absence"), absence, SF_ROSTER_MAX_ABSENCE_KIND);
  if (!is_blank (factor_reason))
    ok &= check_text (im, _("The reason for the factor"), factor_reason, SF_ROSTER_MAX_TEXT);

  if (!is_blank (area))
    {
      row.area_id = lookup_area (plan->areas, area);
      if (row.area_id == 0)
        {
          add_unknown_area_problem (im, area);
          ok = FALSE;
        }
    }

  if (!ok || is_blank (team))
    {
      roster_row_clear (&row);
      return;
    }

  /* One value per team and file: the first line that gives one sets it. */
  team_key = fold_key (team);
  team_plan = g_hash_table_lookup (plan->teams, team_key);
  if (team_plan == NULL)
    {
      team_plan = g_new0 (TeamPlan, 1);
      team_plan->line = im->line;
      team_plan->seq = g_hash_table_size (plan->teams) + 1;
      team_plan->name = g_strdup (team);
      team_plan->id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (plan->existing_teams, team_key));
      g_hash_table_insert (plan->teams, g_strdup (team_key), team_plan);
    }
  if (row.area_id != 0)
    {
      if (team_plan->area_id != 0 && team_plan->area_id != row.area_id)
        add_problem (im, im->line, _("the team “%s” is given another case area on line %u."),
                     team, team_plan->area_line);
      else if (team_plan->area_id == 0)
        {
          team_plan->area_id = row.area_id;
          team_plan->area_line = im->line;
        }
    }
  if (row.team_norm > 0)
    {
      if (team_plan->norm > 0 && team_plan->norm != row.team_norm)
        add_problem (im, im->line, _("the team “%s” is given another team norm on line %u."),
                     team, team_plan->norm_line);
      else if (team_plan->norm == 0)
        {
          team_plan->norm = row.team_norm;
          team_plan->norm_line = im->line;
        }
    }

  row.team = g_strdup (team);
  row.initials = g_strdup (initials);
  row.name = g_strdup (name);
  row.absence = g_strdup (absence);
  row.factor_reason = g_strdup (factor_reason);
  g_array_append_val (plan->rows, row);
}

static gboolean
has_column (Import *im,
            Column  column)
{
  return im->columns[column] >= 0;
}

/* The columns a roster import changes on a caseworker who is there, from
 * the row @source (its table's name): the SET list appended to @set, and
 * the stored and given values to compare (a row that would not change is
 * not written).  Only the columns the file has; a changed kind of absence
 * forgets the old period, unless the file gives the period itself. */
static void
roster_update_columns (Import     *im,
                       const char *source,
                       GString    *set,
                       GString    *stored,
                       GString    *given)
{
  static const struct {
    Column      column;
    const char *name;
  } optional[] = {
    { COL_HOURS, "weekly_hours" },
    { COL_START, "start_date" },
    { COL_END, "end_date" },
    { COL_ABSENCE, "absence_kind" },
    { COL_ABSENCE_FROM, "absence_from" },
    { COL_ABSENCE_TO, "absence_to" },
    { COL_FACTOR, "individual_factor" },
    { COL_FACTOR_REASON, "factor_reason" },
  };

  g_string_append_printf (set, "name = %s.name, team_id = %s.team_id", source, source);
  g_string_append (stored, "caseworker.name, caseworker.team_id");
  g_string_append_printf (given, "%s.name, %s.team_id", source, source);
  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      if (!has_column (im, optional[i].column))
        continue;
      if (optional[i].column == COL_ABSENCE && !has_column (im, COL_ABSENCE_FROM))
        g_string_append_printf (set,
                                ", absence_from = CASE WHEN caseworker.absence_kind IS NOT DISTINCT FROM %s.absence_kind"
                                "   THEN caseworker.absence_from END", source);
      if (optional[i].column == COL_ABSENCE && !has_column (im, COL_ABSENCE_TO))
        g_string_append_printf (set,
                                ", absence_to = CASE WHEN caseworker.absence_kind IS NOT DISTINCT FROM %s.absence_kind"
                                "   THEN caseworker.absence_to END", source);
      g_string_append_printf (set, ", %s = %s.%s", optional[i].name, source, optional[i].name);
      g_string_append_printf (stored, ", caseworker.%s", optional[i].name);
      g_string_append_printf (given, ", %s.%s", source, optional[i].name);
    }
}

/* The statement that adds or updates one caseworker.  A column the file
 * does not have keeps what is stored for people already there (a new
 * person gets the default); a column that is there but empty in a row
 * means the default. */
static char *
roster_upsert_sql (Import *im)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO caseworker (id, initials, name, team_id, weekly_hours,"
                                         "  start_date, absence_kind, individual_factor, factor_reason,"
                                         "  end_date, absence_from, absence_to)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
                                         " ON CONFLICT (id) DO UPDATE SET ");
  g_autoptr(GString) stored = g_string_new (NULL);
  g_autoptr(GString) given = g_string_new (NULL);

  roster_update_columns (im, "excluded", sql, stored, given);

  /* A caseworker re-imported as they are is not written. */
  g_string_append_printf (sql, " WHERE (%s) IS DISTINCT FROM (%s)", stored->str, given->str);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static gboolean
apply_roster (Import      *im,
              RosterPlan  *plan,
              GError     **error)
{
  SfDb *db = sf_store_get_db (im->store);
  SfDbStmt *insert_team = NULL, *update_team = NULL, *find_worker = NULL;
  SfDbStmt *upsert_worker = NULL, *clear_reductions = NULL, *insert_reduction = NULL;
  SfDbStmt *same_reduction = NULL, *find_team = NULL;
  g_autoptr(GHashTable) team_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *upsert_sql = NULL;
  gboolean has_reduction = has_column (im, COL_REDUCTION_HOURS);
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok = FALSE;

  /* New rows' ids are looked up again by their unique names rather than
   * returned (RETURNING): SQLite makes a temporary table for each
   * statement that returns, a fifth of a large roster's import. */
  insert_team = sf_store_prepare (im->store, "INSERT INTO team (name, area_id, cap) VALUES (?1, ?2, ?3)", error);
  update_team = sf_store_prepare (im->store,
                                  "UPDATE team SET area_id = COALESCE (?2, area_id), cap = COALESCE (?3, cap)"
                                  " WHERE id = ?1"
                                  "  AND (area_id, cap) IS DISTINCT FROM (COALESCE (?2, area_id), COALESCE (?3, cap))",
                                  error);
  find_worker = sf_store_prepare (im->store, "SELECT id FROM caseworker WHERE initials = ?1", error);
  find_team = sf_store_prepare (im->store,
                                "SELECT id FROM team WHERE id = ?2"
                                " UNION ALL SELECT id FROM team WHERE name = ?1 LIMIT 1", error);
  upsert_sql = roster_upsert_sql (im);
  upsert_worker = sf_store_prepare (im->store, upsert_sql, error);
  clear_reductions = sf_store_prepare (im->store, "DELETE FROM reduction WHERE caseworker_id = ?1", error);
  insert_reduction = sf_store_prepare (im->store,
                                       "INSERT INTO reduction (caseworker_id, hours, reason, note,"
                                       "  valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  /* Whether the stored reductions are exactly the one the file states. */
  same_reduction = sf_store_prepare (im->store,
                                     "SELECT CASE WHEN count(*) = (CASE WHEN ?2 > 0 THEN 1 ELSE 0 END)"
                                     "  AND COALESCE (sum (CASE WHEN hours = ?2"
                                     "  AND (?5 = 1 OR (reason = ?3 AND note IS NOT DISTINCT FROM ?4))"
                                     "  AND (?8 = 1 OR valid_from IS NOT DISTINCT FROM ?6)"
                                     "  AND (?9 = 1 OR valid_to IS NOT DISTINCT FROM ?7) THEN 1 ELSE 0 END), 0)"
                                     "  = (CASE WHEN ?2 > 0 THEN 1 ELSE 0 END) THEN 1 ELSE 0 END"
                                     " FROM reduction WHERE caseworker_id = ?1", error);
  if (!insert_team || !update_team || !find_worker || !upsert_worker || !clear_reductions ||
      !insert_reduction || !same_reduction || !find_team)
    goto out;

  if (!sf_store_begin (im->store, error))
    goto out;
  if (!check_guard (im, error))
    goto rollback;
  im->changes_before = sf_db_total_changes (db);

  g_hash_table_iter_init (&iter, plan->teams);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TeamPlan *team = value;

      /* Another program may have made or removed the team since the file
       * was checked: what the database holds now, under the write lock,
       * decides. */
      sf_db_stmt_bind_text_static (find_team, 1, team->name);
      sf_db_stmt_bind_int64 (find_team, 2, team->id);
      team->id = sf_db_stmt_step (find_team) == SF_DB_ROW ? sf_db_stmt_column_int64 (find_team, 0) : 0;
      sf_db_stmt_reset (find_team);
      if (team->id == 0 && team->area_id == 0)
        {
          g_set_error (error, SF_ERROR, SF_ERROR_BUSY,
                       _("The team “%s” was removed by another program during the import. "
                         "Import the file again."), team->name);
          goto rollback;
        }

      if (team->id == 0)
        {
          sf_db_stmt_bind_text_static (insert_team, 1, team->name);
          sf_db_stmt_bind_int64 (insert_team, 2, team->area_id);
          if (team->norm > 0)
            sf_db_stmt_bind_double (insert_team, 3, team->norm);
          if (!sf_store_step_done (im->store, insert_team, error))
            goto rollback;
          sf_db_stmt_bind_text_static (find_team, 1, team->name);
          sf_db_stmt_bind_int64 (find_team, 2, 0);
          team->id = sf_db_stmt_step (find_team) == SF_DB_ROW ? sf_db_stmt_column_int64 (find_team, 0) : 0;
          sf_db_stmt_reset (find_team);
          if (team->id == 0)
            {
              sf_store_set_db_error (im->store, error);
              goto rollback;
            }
          im->result->teams_created++;
        }
      else if (team->area_id != 0 || team->norm > 0)
        {
          sf_db_stmt_bind_int64 (update_team, 1, team->id);
          if (team->area_id != 0)
            sf_db_stmt_bind_int64 (update_team, 2, team->area_id);
          if (team->norm > 0)
            sf_db_stmt_bind_double (update_team, 3, team->norm);
          if (!sf_store_step_done (im->store, update_team, error))
            goto rollback;
          if (sf_db_changes (db) > 0)
            im->result->teams_updated++;
        }
      g_hash_table_insert (team_ids, key, team);
    }

  for (guint i = 0; i < plan->rows->len; i++)
    {
      const RosterRow *row = &g_array_index (plan->rows, RosterRow, i);
      g_autofree char *team_key = fold_key (row->team);
      TeamPlan *team = g_hash_table_lookup (team_ids, team_key);
      gint64 id = 0;
      gboolean same;

      sf_db_stmt_bind_text_static (find_worker, 1, row->initials);
      if (sf_db_stmt_step (find_worker) == SF_DB_ROW)
        id = sf_db_stmt_column_int64 (find_worker, 0);
      sf_db_stmt_reset (find_worker);

      if (id != 0)
        sf_db_stmt_bind_int64 (upsert_worker, 1, id);
      sf_db_stmt_bind_text_static (upsert_worker, 2, row->initials);
      sf_db_stmt_bind_text_static (upsert_worker, 3, row->name);
      sf_db_stmt_bind_int64 (upsert_worker, 4, team->id);
      sf_db_stmt_bind_double (upsert_worker, 5, row->hours);
      sf_db_stmt_bind_day (upsert_worker, 6, row->start);
      sf_store_bind_text_or_null (upsert_worker, 7, row->absence);
      sf_db_stmt_bind_double (upsert_worker, 8, row->factor);
      sf_store_bind_text_or_null (upsert_worker, 9, row->factor_reason);
      sf_db_stmt_bind_day (upsert_worker, 10, row->end);
      sf_db_stmt_bind_day (upsert_worker, 11, row->absence_from);
      sf_db_stmt_bind_day (upsert_worker, 12, row->absence_to);
      if (!sf_store_step_done (im->store, upsert_worker, error))
        goto rollback;

      /* The file states the caseworker's reduction as it is now; a file
       * without the column leaves the stored reductions alone. */
      if (id != 0 && !has_reduction)
        {
          if (sf_db_changes (db) > 0)
            im->result->updated++;
          else
            im->result->unchanged++;
          continue;
        }
      if (id != 0)
        {
          gboolean changed = sf_db_changes (db) > 0;

          sf_db_stmt_bind_int64 (same_reduction, 1, id);
          sf_db_stmt_bind_int64 (same_reduction, 5, !has_column (im, COL_REDUCTION_REASON));
          sf_db_stmt_bind_double (same_reduction, 2, row->reduction_hours);
          sf_db_stmt_bind_text_static (same_reduction, 3, row->reduction_reason);
          sf_store_bind_text_or_null (same_reduction, 4, row->reduction_note);
          sf_db_stmt_bind_day (same_reduction, 6, row->reduction_from);
          sf_db_stmt_bind_day (same_reduction, 7, row->reduction_to);
          /* A file without a period's column keeps the stored dates of an
           * otherwise unchanged reduction */
          sf_db_stmt_bind_int64 (same_reduction, 8, !has_column (im, COL_REDUCTION_FROM));
          sf_db_stmt_bind_int64 (same_reduction, 9, !has_column (im, COL_REDUCTION_TO));
          if (sf_db_stmt_step (same_reduction) != SF_DB_ROW)
            {
              sf_store_set_db_error (im->store, error);
              sf_db_stmt_reset (same_reduction);
              goto rollback;
            }
          same = sf_db_stmt_column_int64 (same_reduction, 0) != 0;
          sf_db_stmt_reset (same_reduction);
          sf_db_stmt_clear (same_reduction);

          if (same && !changed)
            {
              im->result->unchanged++;
              continue;
            }
          im->result->updated++;
          if (same)
            continue;
          sf_db_stmt_bind_int64 (clear_reductions, 1, id);
          if (!sf_store_step_done (im->store, clear_reductions, error))
            goto rollback;
        }
      else
        {
          im->result->created++;
          /* The new caseworker's id, where a reduction needs it */
          if (row->reduction_hours > 0)
            {
              sf_db_stmt_bind_text_static (find_worker, 1, row->initials);
              if (sf_db_stmt_step (find_worker) == SF_DB_ROW)
                id = sf_db_stmt_column_int64 (find_worker, 0);
              sf_db_stmt_reset (find_worker);
              if (id == 0)
                {
                  sf_store_set_db_error (im->store, error);
                  goto rollback;
                }
            }
        }

      if (row->reduction_hours > 0)
        {
          sf_db_stmt_bind_int64 (insert_reduction, 1, id);
          sf_db_stmt_bind_double (insert_reduction, 2, row->reduction_hours);
          sf_db_stmt_bind_text_static (insert_reduction, 3, row->reduction_reason);
          sf_store_bind_text_or_null (insert_reduction, 4, row->reduction_note);
          sf_db_stmt_bind_day (insert_reduction, 5, row->reduction_from);
          sf_db_stmt_bind_day (insert_reduction, 6, row->reduction_to);
          if (!sf_store_step_done (im->store, insert_reduction, error))
            goto rollback;
        }
    }

  if (!settle_backup (im, error))
    goto rollback;
  if (!im->changed)
    {
      sf_store_rollback (im->store);
      ok = TRUE;
      goto out;
    }

  if (!log_import (im, error) ||
      !sf_store_commit (im->store, error))
    goto rollback;

  ok = TRUE;
  goto out;

rollback:
  sf_store_rollback (im->store);
out:
  sf_db_stmt_free (insert_team);
  sf_db_stmt_free (update_team);
  sf_db_stmt_free (find_worker);
  sf_db_stmt_free (find_team);
  sf_db_stmt_free (upsert_worker);
  sf_db_stmt_free (clear_reductions);
  sf_db_stmt_free (insert_reduction);
  sf_db_stmt_free (same_reduction);
  return ok;
}

static gboolean on_server              (Import      *im);
static gboolean apply_roster_on_server (Import      *im,
                                        RosterPlan  *plan,
                                        GError     **error);

gboolean
sf_import_roster (SfStore         *store,
                  GBytes          *contents,
                  SfImportResult  *result,
                  GError         **error)
{
  return sf_import_roster_guarded (store, contents, NULL, result, error);
}

gboolean
sf_import_roster_guarded (SfStore         *store,
                          GBytes          *contents,
                          SfImportGuard   *guard,
                          SfImportResult  *result,
                          GError         **error)
{
  Import im;
  RosterPlan plan = { 0 };
  g_autoptr(SfCsvReader) reader = NULL;
  g_autoptr(SfImportGuard) own_guard = NULL;
  g_autoptr(GHashTable) stored_workers = NULL;
  g_autoptr(GHashTable) stored_teams = NULL;
  gboolean ok = FALSE;

  init_import (&im, store, result, FALSE);
  if (!sf_store_load_settings (store, &im.settings, error))
    return FALSE;
  /* Without a preview's, the versions as the file is checked against the
   * data are those that must still hold when it is written. */
  im.guard = guard;
  if (guard == NULL)
    {
      stored_workers = load_versions (&im, "SELECT id, initials, version, name || ' (' || initials || ')'"
                                           " FROM caseworker", TRUE, error);
      stored_teams = load_versions (&im, "SELECT id, name, version, name FROM team", TRUE, error);
      if (stored_workers == NULL || stored_teams == NULL)
        return FALSE;
      im.guard = own_guard = sf_import_guard_new ();
    }

  plan.rows = g_array_new (FALSE, TRUE, sizeof (RosterRow));
  g_array_set_clear_func (plan.rows, roster_row_clear);
  plan.teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, team_plan_free);
  plan.initials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan.areas = load_areas (&im, error);
  plan.existing_teams = load_keys (&im, "SELECT id, name FROM team", error);
  if (plan.areas == NULL || plan.existing_teams == NULL)
    goto out;

  reader = open_reader (&im, contents, error);
  if (reader == NULL)
    goto out;
  if (!read_rows (&im, reader, check_roster_row, &plan, error))
    goto out;

  /* A new team needs its case area, on one of its lines. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, plan.teams);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        TeamPlan *team = value;

        if (team->id == 0 && team->area_id == 0)
          add_problem (&im, team->line,
                       _("the team “%s” is new and needs a case area in the column “omraade”."),
                       team->name);
      }
  }

  /* An own area without a range gives a team no norm: it needs its own. */
  {
    /* id → name */
    g_autoptr(GHashTable) rangeless = load_by_id (&im, "SELECT id, name FROM area"
                                                       " WHERE custom = 1 AND own_high IS NULL",
                                                  TRUE, error);
    SfDbStmt *stmt = NULL;
    GHashTableIter iter;
    gpointer value;

    if (rangeless == NULL)
      goto out;
    if (g_hash_table_size (rangeless) > 0)
      {
        stmt = sf_store_prepare (store, "SELECT area_id, COALESCE (cap, 0) FROM team WHERE id = ?1", error);
        if (stmt == NULL)
          goto out;
      }
    g_hash_table_iter_init (&iter, plan.teams);
    while (stmt != NULL && g_hash_table_iter_next (&iter, NULL, &value))
      {
        TeamPlan *team = value;
        gint64 area_id = team->area_id;
        double cap = team->norm;
        const char *area_name;

        if (team->id != 0)
          {
            sf_db_stmt_bind_int64 (stmt, 1, team->id);
            if (sf_db_stmt_step (stmt) == SF_DB_ROW)
              {
                if (area_id == 0)
                  area_id = sf_db_stmt_column_int64 (stmt, 0);
                if (!(cap > 0))
                  cap = sf_db_stmt_column_double (stmt, 1);
              }
            sf_db_stmt_reset (stmt);
          }
        area_name = g_hash_table_lookup (rangeless, &area_id);
        if (area_name != NULL && !(cap > 0))
          add_problem (&im, team->area_line != 0 ? team->area_line : team->line,
                       _("the team “%s” is in the own case area “%s”, which has no range: give "
                         "the team a norm in the column “team_norm”, or the area a range."),
                       team->name, area_name);
      }
    g_clear_pointer (&stmt, sf_db_stmt_free);
  }

  if (im.result->rows == 0 && im.n_problems == 0)
    add_problem (&im, 1, _("the file has a header but no caseworkers."));
  if (!finish_problems (&im, error))
    goto out;

  /* The stored caseworkers the file names, and the teams it changes */
  if (own_guard != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      for (guint i = 0; i < plan.rows->len; i++)
        {
          g_autofree char *initials = fold_key (g_array_index (plan.rows, RosterRow, i).initials);

          guard_row (&im, stored_workers, "caseworker", initials);
        }
      g_hash_table_iter_init (&iter, plan.teams);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const TeamPlan *team = value;

          if (team->id != 0 && (team->area_id != 0 || team->norm > 0))
            guard_row (&im, stored_teams, "team", key);
        }
    }
  if (prepare_apply (&im, error))
    ok = on_server (&im) ? apply_roster_on_server (&im, &plan, error) : apply_roster (&im, &plan, error);
  end_apply (&im, ok);

out:
  g_clear_pointer (&im.composed, g_string_chunk_free);
  g_array_unref (plan.rows);
  g_hash_table_unref (plan.teams);
  g_hash_table_unref (plan.initials);
  g_clear_pointer (&plan.areas, g_hash_table_unref);
  g_clear_pointer (&plan.existing_teams, g_hash_table_unref);
  return ok;
}

/* ---- cases ----------------------------------------------------------- */

typedef struct
{
  GArray     *rows;                     /* CaseRow */
  GHashTable *areas;
  GHashTable *workers;                  /* folded initials → id */
  GHashTable *worker_areas;             /* caseworker id → their team's area id */
  GHashTable *references;               /* reference → line */
  /* The references, stored once for both the rows and the table above:
   * one allocation per 64 KiB rather than two per row. */
  GStringChunk *strings;
  /* The initials looked up last, as written, and what they gave: a case
   * list comes sorted by caseworker, so most rows ask for the same. */
  char        last_initials[32];
  gint64      last_id;
  gint64      data_version;             /* the database's, as the ids were read */
} CasePlan;

static gint64
lookup_worker (CasePlan   *plan,
               const char *initials)
{
  g_autofree char *key = NULL;
  gint64 id;

  if (plan->last_initials[0] != '\0' && strcmp (initials, plan->last_initials) == 0)
    return plan->last_id;

  key = fold_key (initials);
  id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (plan->workers, key));
  if (g_strlcpy (plan->last_initials, initials, sizeof plan->last_initials) >= sizeof plan->last_initials)
    plan->last_initials[0] = '\0';
  plan->last_id = id;
  return id;
}

static void
check_case_row (Import   *im,
                gpointer  user_data)
{
  CasePlan *plan = user_data;
  CaseRow row = { 0 };
  const char *reference = field (im, COL_REFERENCE);
  const char *initials = field (im, COL_INITIALS);
  const char *complexity = field (im, COL_COMPLEXITY);
  const char *cover = field (im, COL_COVER);
  const char *area = field (im, COL_AREA);
  const char *stored = NULL;
  gboolean ok = TRUE;

  row.line = im->line;

  switch (sf_cases_reference_problem (reference))
    {
    case SF_REFERENCE_OK:
      break;
    case SF_REFERENCE_MISSING:
      add_problem (im, im->line, _("the case number is missing."));
      ok = FALSE;
      break;
    case SF_REFERENCE_TOO_LONG:
      add_problem (im, im->line, _("the case number is longer than %u characters."), SF_CASES_MAX_REFERENCE_CHARS);
      ok = FALSE;
      break;
    case SF_REFERENCE_SPACE_AROUND:
      /* A space the CSV reader does not trim: a no-break space, say */
      add_problem (im, im->line, _("the case number begins or ends with a space."));
      ok = FALSE;
      break;
    case SF_REFERENCE_CONTROL:
      add_problem (im, im->line, _("the case number contains a line break or another control character."));
      ok = FALSE;
      break;
    case SF_REFERENCE_CPR:
      add_problem (im, im->line,
                   _("the case number “%s” looks like a CPR number. Use the case system's "
                     "case number: Sagsfordeling never stores citizens' CPR numbers."),
                   reference);
      ok = FALSE;
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    {
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (plan->references, reference));

      if (first != 0)
        {
          add_problem (im, im->line, _("the case number “%s” is on line %u too."), reference, first);
          ok = FALSE;
        }
      else
        {
          stored = g_string_chunk_insert (plan->strings, reference);
          g_hash_table_insert (plan->references, (gpointer) stored, GUINT_TO_POINTER (im->line));
        }
    }

  if (is_blank (initials))
    {
      add_problem (im, im->line, _("the caseworker's initials are missing."));
      ok = FALSE;
    }
  else if ((row.caseworker_id = lookup_worker (plan, initials)) == 0)
    {
      add_problem (im, im->line, _("no caseworker has the initials “%s”. Import the roster first, "
                                   "or correct the initials."), initials);
      ok = FALSE;
    }

  if (is_blank (complexity))
    {
      add_problem (im, im->line, _("the complexity is missing (enkel, kompleks or særligt kompliceret)."));
      ok = FALSE;
    }
  else if (!sf_complexity_parse (complexity, &row.complexity))
    {
      add_problem (im, im->line, _("“%s” is not a complexity: use enkel, kompleks or særligt kompliceret."),
                   complexity);
      ok = FALSE;
    }

  if (!is_blank (cover))
    {
      row.cover_id = lookup_worker (plan, cover);
      if (row.cover_id == 0)
        {
          add_problem (im, im->line, _("no caseworker has the initials “%s” (the covering colleague)."), cover);
          ok = FALSE;
        }
      else if (row.cover_id == row.caseworker_id)
        {
          add_problem (im, im->line, _("a caseworker cannot cover their own case (“%s”)."), cover);
          ok = FALSE;
        }
    }

  if (!is_blank (area))
    {
      row.area_id = lookup_area (plan->areas, area);
      if (row.area_id == 0)
        {
          add_unknown_area_problem (im, area);
          ok = FALSE;
        }
    }

  ok &= parse_date (im, COL_START, _("start date"), &row.start);
  ok &= parse_date (im, COL_CLOSED, _("close date"), &row.closed);
  if (ok && row.start != SF_DAY_NONE && row.closed != SF_DAY_NONE && row.closed < row.start)
    {
      add_problem (im, im->line, _("the case is closed before it started."));
      ok = FALSE;
    }

  if (!ok)
    return;
  row.reference = stored;
  g_array_append_val (plan->rows, row);
}

/* The upsert of a case.  A case already stored keeps what a column that the
 * file does not have would say (a case list without `lukket` reopens
 * nothing, one without `daekkes_af` ends no cover); a column that is there
 * but empty in a row means "none".  A case re-imported as it is costs a
 * lookup, not a write. */
static char *
case_update_parts (Import      *im,
                   const char  *given,
                   char       **mine_out,
                   char       **theirs_out)
{
  static const struct { Column column; const char *name; } optional[] = {
    { COL_AREA, "area_id" },
    { COL_START, "start_date" },
    { COL_CLOSED, "closed_date" },
    { COL_COVER, "cover_id" },
  };
  GString *set = g_string_new (NULL);
  GString *mine = g_string_new ("casefile.complexity, casefile.caseworker_id");
  GString *theirs = g_string_new (NULL);

  g_string_printf (set, "complexity = %s.complexity, caseworker_id = %s.caseworker_id", given, given);
  g_string_printf (theirs, "%s.complexity, %s.caseworker_id", given, given);
  /* Without the column, a stored cover ends when the covering colleague
   * becomes the primary caseworker: nobody covers their own case. */
  if (im->columns[COL_COVER] < 0)
    g_string_append_printf (set, ", cover_id = CASE WHEN casefile.cover_id = %s.caseworker_id"
                                 " THEN NULL ELSE casefile.cover_id END", given);
  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      if (im->columns[optional[i].column] < 0)
        continue;
      g_string_append_printf (set, ", %s = %s.%s", optional[i].name, given, optional[i].name);
      g_string_append_printf (mine, ", casefile.%s", optional[i].name);
      g_string_append_printf (theirs, ", %s.%s", given, optional[i].name);
    }
  *mine_out = g_string_free (mine, FALSE);
  *theirs_out = g_string_free (theirs, FALSE);
  return g_string_free (set, FALSE);
}

static char *
case_upsert_sql (Import     *im,
                 const char *source)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *set = case_update_parts (im, "excluded", &mine, &theirs);

  return g_strdup_printf ("INSERT INTO casefile (reference, area_id, complexity, start_date, closed_date,"
                          "  caseworker_id, cover_id) %s"
                          " ON CONFLICT (reference) DO UPDATE SET %s"
                          " WHERE (%s) IS DISTINCT FROM (%s)",
                          source, set, mine, theirs);
}

/* The statement apply_cases() binds for each row: the upsert, or into an
 * empty case table (the first case list) a plain insert.  Every row is
 * new then (a file names a reference once), and on SQLite an upsert, which
 * the case table's version trigger could fire for, opens a statement
 * journal for every row: a tenth of a first import's work. */
static SfDbStmt *
prepare_case_write (Import   *im,
                    gboolean  insert_only,
                    GError  **error)
{
  static const char values[] = "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  g_autofree char *sql = NULL;

  if (insert_only)
    sql = g_strconcat ("INSERT INTO casefile (reference, area_id, complexity, start_date, closed_date,"
                       "  caseworker_id, cover_id) ", values, NULL);
  else
    sql = case_upsert_sql (im, values);
  return sf_store_prepare (im->store, sql, error);
}

static gboolean
apply_cases (Import    *im,
             CasePlan  *plan,
             GError   **error)
{
  SfDb *db = sf_store_get_db (im->store);
  SfDbStmt *upsert = NULL;
  gboolean ok = FALSE;
  gboolean rebuild_indexes;
  gint64 cases_before, changed = 0;

  /* Every caseworker and area was looked up while checking the rows, so
   * the foreign keys are checked once, before the commit, instead of per
   * row; an import that at least doubles the case list builds the
   * secondary indexes once instead of updating them row by row
   * (sf_store_begin_bulk).  All of it is one transaction, as before. */
  cases_before = sf_store_count (im->store, "casefile");
  rebuild_indexes = (gint64) plan->rows->len >= cases_before;
  if (!sf_store_begin_bulk (im->store, "casefile", rebuild_indexes, error))
    return FALSE;
  if (!check_guard (im, error))
    {
      sf_store_rollback_bulk (im->store);
      return FALSE;
    }
  im->changes_before = sf_db_total_changes (db);
  /* Every caseworker and area id came from the database as it is now,
   * unless another program has written since: then the commit checks */
  sf_store_bulk_trust_parents (im->store, plan->data_version);

  upsert = prepare_case_write (im, cases_before == 0, error);
  if (upsert == NULL)
    {
      sf_store_rollback_bulk (im->store);
      goto out;
    }

  for (guint i = 0; i < plan->rows->len; i++)
    {
      const CaseRow *row = &g_array_index (plan->rows, CaseRow, i);
      gint64 area_id = row->area_id;

      /* A case without an area of its own has its caseworker's team's. */
      if (area_id == 0)
        area_id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (plan->worker_areas, &row->caseworker_id));

      sf_db_stmt_bind_text_static (upsert, 1, row->reference);
      if (area_id != 0)
        sf_db_stmt_bind_int64 (upsert, 2, area_id);
      sf_db_stmt_bind_text_static (upsert, 3, sf_complexity_to_key (row->complexity));
      sf_db_stmt_bind_day (upsert, 4, row->start);
      sf_db_stmt_bind_day (upsert, 5, row->closed);
      sf_db_stmt_bind_int64 (upsert, 6, row->caseworker_id);
      if (row->cover_id != 0)
        sf_db_stmt_bind_int64 (upsert, 7, row->cover_id);
      if (!sf_store_step_done (im->store, upsert, error))
        {
          sf_store_rollback_bulk (im->store);
          goto out;
        }
      /* Inserted or updated; which of the two is counted below */
      if (sf_db_changes (db) > 0)
        changed++;
      else
        im->result->unchanged++;
    }
  /* The cases that are new are the ones the table gained (an import never
   * removes any); the other rows written were updated. */
  im->result->created += sf_store_count (im->store, "casefile") - cases_before;
  im->result->updated += changed - (sf_store_count (im->store, "casefile") - cases_before);

  /* The statement is finalized first: the commit may rebuild indexes. */
  g_clear_pointer (&upsert, sf_db_stmt_free);
  if (!settle_backup (im, error))
    {
      sf_store_rollback_bulk (im->store);
      goto out;
    }
  if (!im->changed)
    {
      sf_store_rollback_bulk (im->store);
      ok = TRUE;
      goto out;
    }
  if (!log_import (im, error))
    {
      sf_store_rollback_bulk (im->store);
      goto out;
    }
  if (!sf_store_commit_bulk (im->store, error))
    goto out;
  ok = TRUE;

out:
  sf_db_stmt_free (upsert);
  return ok;
}

/* ---- on a server ------------------------------------------------------
 *
 * On PostgreSQL every statement is a round trip, so the upserts above, one
 * a row, would be 100,000 of them.  There the checked rows are streamed
 * with COPY (sf_db_copy_begin()) into temporary tables, dropped at the
 * commit, and applied by a few set-based statements sent together in one
 * query, all in one transaction: about ten round trips for any file.  The
 * rows were checked in C before the copy, so every message about the file
 * is the same as on SQLite; what only the server can find (a caseworker
 * another program removed meanwhile, initials it gave someone) is looked
 * up in the temporary tables and said with the file's line.  A connection
 * lost on the way writes nothing: the server rolls the transaction back. */

void
sf_import_set_test_hook (SfImportTestHook hook,
                         gpointer         user_data)
{
  test_hook = hook;
  test_hook_data = user_data;
}

/* The reason a write on the server failed, with a lost connection said in
 * a manager's words */
static void
set_server_error (Import  *im,
                  GError **error)
{
  if (sf_db_get_error_code (sf_store_get_db (im->store)) == SF_DB_ERROR_CONNECTION)
    g_set_error_literal (error, SF_ERROR, SF_ERROR_DATABASE,
                         _("The connection to the database server was lost during the import, "
                           "so nothing was imported: the server keeps all of an import or none "
                           "of it. Import the file again when the connection is back."));
  else
    sf_store_set_db_error (im->store, error);
}

/* Takes back the import's transaction on the server: a bulk write for a
 * case list (apply_cases_on_server()), a plain one for a roster. */
static void
rollback_on_server (Import *im)
{
  if (im->cases)
    sf_store_rollback_bulk (im->store);
  else
    sf_store_rollback (im->store);
}

/* A write on the server failed: says why and takes the import back. */
static gboolean
fail_on_server (Import  *im,
                GError **error)
{
  set_server_error (im, error);
  rollback_on_server (im);
  return FALSE;
}

/* Ends the import's transaction on the server: one that changed nothing is
 * taken back, one that did is logged and committed. */
static gboolean
end_on_server (Import  *im,
               GError **error)
{
  if (!im->changed)
    {
      rollback_on_server (im);
      return TRUE;
    }
  if (log_import (im, NULL) &&
      (im->cases ? sf_store_commit_bulk (im->store, NULL) : sf_store_commit (im->store, NULL)))
    return TRUE;
  return fail_on_server (im, error);
}

static void
put_text (SfDbCopy   *copy,
          int         column,
          const char *text)
{
  if (is_blank (text))
    sf_db_copy_put_null (copy, column);
  else
    sf_db_copy_put_text (copy, column, text);
}

static void
put_day (SfDbCopy *copy,
         int       column,
         SfDay     day)
{
  char iso[SF_DB_DAY_SIZE];

  if (day == SF_DAY_NONE)
    {
      sf_db_copy_put_null (copy, column);
      return;
    }
  sf_db_format_day (day, iso);
  sf_db_copy_put_text (copy, column, iso);
}

/* Sends the row put into @copy; when it cannot be sent the copy ends
 * (set_server_error() then says why). */
static gboolean
send_row (SfDbCopy *copy)
{
  if (sf_db_copy_row (copy, NULL))
    return TRUE;
  sf_db_copy_end (copy, FALSE, NULL);
  return FALSE;
}

/* An id, 0 being none */
static void
put_id (SfDbCopy *copy,
        int       column,
        gint64    id)
{
  if (id == 0)
    sf_db_copy_put_null (copy, column);
  else
    sf_db_copy_put_int64 (copy, column, id);
}

/* The first row of @sql (no parameters): @n integers into @values, and the
 * text of column @n into *@text when @text is given.  FALSE when it failed
 * or found no row. */
static gboolean
server_query (Import   *im,
              const char *sql,
              gint64   *values,
              int       n,
              char    **text)
{
  g_autoptr(SfDbStmt) stmt = sf_db_prepare (sf_store_get_db (im->store), sql, NULL);

  if (stmt == NULL || sf_db_stmt_step (stmt) != SF_DB_ROW)
    return FALSE;
  for (int i = 0; i < n; i++)
    values[i] = sf_db_stmt_column_int64 (stmt, i);
  if (text != NULL)
    *text = sf_db_stmt_dup_text (stmt, n);
  return TRUE;
}

/* After the statements that apply the rows failed on a constraint: the
 * line whose row is why, found by @sql (its line, and a text for the
 * message) in the temporary tables as they were before them (the
 * savepoint sf_import_apply).  0 when it is not a constraint, or no line
 * is found. */
static guint
find_line (Import      *im,
           const char  *sql,
           char       **text)
{
  SfDb *db = sf_store_get_db (im->store);
  SfDbError code = sf_db_get_error_code (db);
  gint64 line = 0;

  if (code != SF_DB_ERROR_UNIQUE && code != SF_DB_ERROR_FOREIGN_KEY && code != SF_DB_ERROR_CONSTRAINT)
    return 0;
  if (!sf_db_exec (db, "ROLLBACK TO SAVEPOINT sf_import_apply", NULL) ||
      !server_query (im, sql, &line, 1, text) || line <= 0 || line > G_MAXUINT)
    return 0;
  return (guint) line;
}

static const char * const case_columns[] = {
  "line", "reference", "area_id", "complexity", "start_date", "closed_date", "caseworker_id", "cover_id", NULL
};

/* The straight copy into an empty case table: no line, and who and when
 * given rather than computed by the columns' defaults for each row */
static const char * const direct_case_columns[] = {
  "reference", "area_id", "complexity", "start_date", "closed_date", "caseworker_id", "cover_id",
  "changed_by", "changed_at", NULL
};

/* Inside the import's transaction: whether the case table is empty, and
 * if so who writes (*@who) and when (*@when), as the columns' defaults
 * would say (schema step 5).  Empty means empty for everyone: where
 * row-level security applies to this login (a manager, HR, an admin) the
 * table may hold cases out of its sight, whose numbers the file may
 * repeat, so only the owner copies straight in.  FALSE when the query
 * failed. */
static gboolean
query_direct (Import    *im,
              gboolean  *empty,
              char     **who,
              char     **when)
{
  g_autoptr(SfDbStmt) stmt = sf_db_prepare (sf_store_get_db (im->store),
                                            "SELECT NOT EXISTS (SELECT 1 FROM casefile)"
                                            "  AND NOT row_security_active ('casefile'), session_user,"
                                            " to_char (now () AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
                                            NULL);

  if (stmt == NULL || sf_db_stmt_step (stmt) != SF_DB_ROW)
    return FALSE;
  *empty = sf_db_stmt_column_int64 (stmt, 0) != 0;
  *who = sf_db_stmt_dup_text (stmt, 1);
  *when = sf_db_stmt_dup_text (stmt, 2);
  return TRUE;
}

/* The end of a dry run (sf_import_cases_try()), where the import would
 * write its change-log line and commit: what the commit would check is
 * checked now, the data as the import leaves it is read inside the
 * transaction (*im->after), and the transaction is rolled back.  Nothing
 * of it was ever visible to anyone else, and a trigger's NOTIFY is only
 * delivered at a commit: the other users hear nothing. */
static gboolean
end_dry_run (Import  *im,
             GError **error)
{
  if (!sf_db_exec (sf_store_get_db (im->store), "SET CONSTRAINTS ALL IMMEDIATE", NULL))
    {
      set_server_error (im, error);
      sf_store_rollback_bulk (im->store);
      return FALSE;
    }
  *im->after = sf_store_load_dataset (im->store, error);
  sf_store_rollback_bulk (im->store);
  return *im->after != NULL;
}

/* After the rows' insert failed on a unique key: the first line whose
 * case number is taken by a case this login cannot see (row-level
 * security: another team's), or that another program added meanwhile.
 * Those the insert skips when told to pass over a conflict, which the
 * server finds whether or not the login sees the row; the insert is
 * undone with the transaction. */
#define HIDDEN_CASE_SQL \
  "WITH inserted AS (" \
  "  INSERT INTO casefile (reference, area_id, complexity, start_date, closed_date, caseworker_id, cover_id)" \
  "  SELECT reference, area_id, complexity, start_date, closed_date, caseworker_id, cover_id" \
  "  FROM sf_import_case i WHERE NOT EXISTS (SELECT 1 FROM casefile f WHERE f.reference = i.reference)" \
  "  ON CONFLICT (reference) DO NOTHING RETURNING reference)" \
  " SELECT line, reference FROM sf_import_case i" \
  " WHERE NOT EXISTS (SELECT 1 FROM casefile f WHERE f.reference = i.reference)" \
  "  AND NOT EXISTS (SELECT 1 FROM inserted WHERE inserted.reference = i.reference)" \
  " ORDER BY line LIMIT 1"

static gboolean
apply_cases_on_server (Import    *im,
                       CasePlan  *plan,
                       GError   **error)
{
  SfDb *db = sf_store_get_db (im->store);
  g_autofree char *upsert = NULL;
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;
  SfDbCopy *copy;
  gint64 cases_before, cases_after, changed;
  gboolean direct = FALSE;

  /* The case table's foreign keys (and its indexes, when the import at
   * least doubles it) are set aside and checked once at the commit, as on
   * SQLite (sf_store_begin_bulk()); the rows' parents are checked first,
   * below, to name a line. */
  cases_before = sf_store_count (im->store, "casefile");
  if (cases_before < 0)
    {
      set_server_error (im, error);
      return FALSE;
    }
  if (test_hook != NULL)
    test_hook (im->store, SF_IMPORT_STAGE_CHECKED, test_hook_data);
  /* A dry run sets nothing aside: that would lock the case table against
   * every other user's reading while the preview is read */
  if (!sf_store_begin_bulk (im->store, "casefile",
                            im->after == NULL && (gint64) plan->rows->len >= cases_before, error))
    return FALSE;
  if (!check_guard (im, error))
    {
      sf_store_rollback_bulk (im->store);
      return FALSE;
    }
  /* Into a table with no cases (the first import: the file is the whole
   * list, each case once) the rows are copied straight in; otherwise into
   * a temporary table first, from which they are applied.  Counted again
   * inside the transaction, where another program's cases are seen. */
  if (cases_before == 0 && !query_direct (im, &direct, &who, &when))
    goto failed;
  /* A set-based statement over 100,000 rows is costed high enough for
   * the server to compile it (JIT): a second of compiling for a quarter
   * of one of running. */
  if (!sf_db_exec (db, "SET LOCAL jit = off", NULL) ||
      (!direct &&
       !sf_db_exec (db,
                    "CREATE TEMPORARY TABLE sf_import_case ("
                    "  line INTEGER NOT NULL, reference text NOT NULL, area_id INTEGER,"
                    "  complexity text NOT NULL, start_date text, closed_date text,"
                    "  caseworker_id INTEGER NOT NULL, cover_id INTEGER"
                    ") ON COMMIT DROP", NULL)))
    goto failed;

  if (direct)
    copy = sf_db_copy_begin (db, "casefile", direct_case_columns, NULL);
  else
    copy = sf_db_copy_begin (db, "sf_import_case", case_columns, NULL);
  if (copy == NULL)
    goto failed;
  for (guint i = 0; i < plan->rows->len; i++)
    {
      const CaseRow *row = &g_array_index (plan->rows, CaseRow, i);
      gint64 area_id = row->area_id;
      int c = direct ? -1 : 0;          /* the straight copy has no line */

      /* A case without an area of its own has its caseworker's team's. */
      if (area_id == 0)
        area_id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (plan->worker_areas, &row->caseworker_id));
      if (!direct)
        sf_db_copy_put_int64 (copy, c, row->line);
      sf_db_copy_put_text (copy, c + 1, row->reference);
      put_id (copy, c + 2, area_id);
      sf_db_copy_put_text (copy, c + 3, sf_complexity_to_key (row->complexity));
      put_day (copy, c + 4, row->start);
      put_day (copy, c + 5, row->closed);
      sf_db_copy_put_int64 (copy, c + 6, row->caseworker_id);
      put_id (copy, c + 7, row->cover_id);
      if (direct)
        {
          sf_db_copy_put_text (copy, c + 8, who);
          sf_db_copy_put_text (copy, c + 9, when);
        }
      if (!send_row (copy))
        goto failed;
    }
  if (!sf_db_copy_end (copy, TRUE, NULL))
    goto failed;
  if (test_hook != NULL)
    test_hook (im->store, SF_IMPORT_STAGE_COPIED, test_hook_data);

  /* The cases there that the file changes are updated (one re-imported as
   * it is is not written), then those not there inserted: cheaper than an
   * upsert, whose every row is a speculative insert first. */
  if (!direct)
    {
      g_autofree char *mine = NULL;
      g_autofree char *theirs = NULL;
      g_autofree char *set = case_update_parts (im, "i", &mine, &theirs);

      upsert = g_strdup_printf ("SAVEPOINT sf_import_apply;"
                                "UPDATE casefile SET %s FROM sf_import_case i"
                                " WHERE casefile.reference = i.reference AND (%s) IS DISTINCT FROM (%s);"
                                "INSERT INTO casefile (reference, area_id, complexity, start_date, closed_date,"
                                "  caseworker_id, cover_id)"
                                " SELECT reference, area_id, complexity, start_date, closed_date,"
                                "  caseworker_id, cover_id FROM sf_import_case i"
                                " WHERE NOT EXISTS (SELECT 1 FROM casefile f WHERE f.reference = i.reference)",
                                set, mine, theirs);
    }
  /* Another program may have removed a caseworker or area the rows name
   * since the file was checked: the first such line is the problem. */
  {
    g_autofree char *reference = NULL;
    gint64 line = 0;

    if (direct)
      {
        /* The case table's rows are the file's: their lines by reference */
        if (server_query (im,
                          "SELECT 0, reference FROM casefile c"
                          " WHERE NOT EXISTS (SELECT 1 FROM caseworker w WHERE w.id = c.caseworker_id)"
                          "  OR (c.cover_id IS NOT NULL"
                          "      AND NOT EXISTS (SELECT 1 FROM caseworker w WHERE w.id = c.cover_id))"
                          "  OR (c.area_id IS NOT NULL"
                          "      AND NOT EXISTS (SELECT 1 FROM area a WHERE a.id = c.area_id))"
                          " ORDER BY id LIMIT 1", &line, 1, &reference) && reference != NULL)
          line = GPOINTER_TO_UINT (g_hash_table_lookup (plan->references, reference));
      }
    else if (!server_query (im,
                            "SELECT line FROM sf_import_case c"
                            " WHERE NOT EXISTS (SELECT 1 FROM caseworker w WHERE w.id = c.caseworker_id)"
                            "  OR (c.cover_id IS NOT NULL"
                            "      AND NOT EXISTS (SELECT 1 FROM caseworker w WHERE w.id = c.cover_id))"
                            "  OR (c.area_id IS NOT NULL"
                            "      AND NOT EXISTS (SELECT 1 FROM area a WHERE a.id = c.area_id))"
                            " ORDER BY line LIMIT 1", &line, 1, NULL))
      line = 0;
    if (line > 0 && line <= G_MAXUINT)
      {
        add_problem (im, (guint) line, _("its caseworker or case area was removed by another program "
                                         "during the import. Import the file again."));
        sf_store_rollback_bulk (im->store);
        return finish_problems (im, error);
      }
    if (sf_db_get_error_code (db) == SF_DB_ERROR_CONNECTION)
      goto failed;
  }

  if (direct)
    {
      changed = plan->rows->len;
      cases_after = changed;
    }
  else
    {
      changed = sf_db_total_changes (db);
      if (!sf_db_exec (db, upsert, NULL))
        {
          g_autofree char *reference = NULL;
          guint line = find_line (im, HIDDEN_CASE_SQL, &reference);

          if (line != 0)
            {
              add_problem (im, line, _("the case number “%s” is already used by a case you cannot see "
                                       "(another team’s) or by one another program added during the "
                                       "import. Check the number, or leave the line out."), reference);
              sf_store_rollback_bulk (im->store);
              return finish_problems (im, error);
            }
          goto failed;
        }
      /* The rows updated and inserted */
      changed = sf_db_total_changes (db) - changed;
      cases_after = sf_store_count (im->store, "casefile");
      if (cases_after < 0)
        goto failed;
    }
  im->result->created += cases_after - cases_before;
  im->result->updated += changed - (cases_after - cases_before);
  im->result->unchanged += plan->rows->len - changed;
  im->changed = changed > 0;
  if (im->after != NULL)
    return end_dry_run (im, error);
  return end_on_server (im, error);

failed:
  return fail_on_server (im, error);
}

static const char * const team_columns[] = {
  "seq", "line", "id", "name", "area_id", "cap", NULL
};

static const char * const worker_columns[] = {
  "line", "team_seq", "initials", "name", "weekly_hours", "start_date", "absence_kind",
  "individual_factor", "factor_reason", "end_date", "absence_from", "absence_to",
  "reduction_hours", "reduction_reason", "reduction_note", "reduction_from", "reduction_to", NULL
};

/* The statements that apply the copied roster: teams made or updated,
 * caseworkers updated (those whose row differs from the stored one, in
 * the columns the file has) and added, their reductions replaced where
 * the file states others.  As the upsert of roster_upsert_sql(), which
 * this follows column by column. */
static char *
roster_apply_sql (Import *im)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) set = g_string_new (NULL);
  g_autoptr(GString) stored = g_string_new (NULL);
  g_autoptr(GString) given = g_string_new (NULL);

  roster_update_columns (im, "w", set, stored, given);

  g_string_append (sql,
                   "SAVEPOINT sf_import_apply;"
                   /* Teams: new ones made, and given their ids */
                   "UPDATE sf_import_team SET existed = 1 WHERE id IS NOT NULL;"
                   "INSERT INTO team (name, area_id, cap)"
                   "  SELECT name, area_id, cap FROM sf_import_team WHERE existed = 0 ORDER BY seq;"
                   "UPDATE sf_import_team t SET id = team.id FROM team"
                   "  WHERE t.existed = 0 AND team.name = t.name;"
                   /* … and those there given the area and norm the file gives them */
                   "UPDATE sf_import_team t SET changed = 1 FROM team"
                   "  WHERE t.existed = 1 AND team.id = t.id AND (t.area_id IS NOT NULL OR t.cap IS NOT NULL)"
                   "  AND (team.area_id, team.cap)"
                   "      IS DISTINCT FROM (COALESCE (t.area_id, team.area_id), COALESCE (t.cap, team.cap));"
                   "UPDATE team SET area_id = COALESCE (t.area_id, team.area_id), cap = COALESCE (t.cap, team.cap)"
                   "  FROM sf_import_team t WHERE t.changed = 1 AND team.id = t.id;"
                   /* Caseworkers: their teams' ids, and their own where they are there */
                   "UPDATE sf_import_worker w SET team_id = t.id FROM sf_import_team t WHERE t.seq = w.team_seq;"
                   "UPDATE sf_import_worker w SET id = caseworker.id, existed = 1 FROM caseworker"
                   "  WHERE caseworker.initials = w.initials;");
  /* A caseworker re-imported as they are is not written. */
  g_string_append_printf (sql,
                          "UPDATE sf_import_worker w SET changed = 1 FROM caseworker"
                          "  WHERE w.existed = 1 AND caseworker.id = w.id AND (%s) IS DISTINCT FROM (%s);"
                          "UPDATE caseworker SET %s FROM sf_import_worker w"
                          "  WHERE w.changed = 1 AND caseworker.id = w.id;",
                          stored->str, given->str, set->str);
  g_string_append (sql,
                   "INSERT INTO caseworker (initials, name, team_id, weekly_hours, start_date, absence_kind,"
                   "  individual_factor, factor_reason, end_date, absence_from, absence_to)"
                   "  SELECT initials, name, team_id, weekly_hours, start_date, absence_kind,"
                   "  individual_factor, factor_reason, end_date, absence_from, absence_to"
                   "  FROM sf_import_worker WHERE existed = 0 ORDER BY line;"
                   "UPDATE sf_import_worker w SET id = caseworker.id FROM caseworker"
                   "  WHERE w.existed = 0 AND caseworker.initials = w.initials;");
  /* The file states each caseworker's reduction as it is now; a file
   * without the column leaves the stored ones alone. */
  if (has_column (im, COL_REDUCTION_HOURS))
    g_string_append_printf (sql,
                            "UPDATE sf_import_worker w SET same = ("
                            "  SELECT CASE WHEN count(*) = (CASE WHEN w.reduction_hours > 0 THEN 1 ELSE 0 END)"
                            "   AND COALESCE (sum (CASE WHEN r.hours = w.reduction_hours"
                            "   AND (%d = 1 OR (r.reason = w.reduction_reason"
                            "                   AND r.note IS NOT DISTINCT FROM w.reduction_note))"
                            "   AND (%d = 1 OR r.valid_from IS NOT DISTINCT FROM w.reduction_from)"
                            "   AND (%d = 1 OR r.valid_to IS NOT DISTINCT FROM w.reduction_to)"
                            "   THEN 1 ELSE 0 END), 0)"
                            "   = (CASE WHEN w.reduction_hours > 0 THEN 1 ELSE 0 END) THEN 1 ELSE 0 END"
                            "  FROM reduction r WHERE r.caseworker_id = w.id)"
                            " WHERE w.existed = 1;"
                            "DELETE FROM reduction WHERE caseworker_id IN"
                            "  (SELECT id FROM sf_import_worker WHERE existed = 1 AND same = 0);"
                            "INSERT INTO reduction (caseworker_id, hours, reason, note, valid_from, valid_to)"
                            "  SELECT id, reduction_hours, reduction_reason, reduction_note,"
                            "  reduction_from, reduction_to FROM sf_import_worker"
                            "  WHERE reduction_hours > 0 AND (existed = 0 OR same = 0) ORDER BY line;",
                            !has_column (im, COL_REDUCTION_REASON),
                            !has_column (im, COL_REDUCTION_FROM),
                            !has_column (im, COL_REDUCTION_TO));
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static gboolean
apply_roster_on_server (Import      *im,
                        RosterPlan  *plan,
                        GError     **error)
{
  SfDb *db = sf_store_get_db (im->store);
  g_autofree char *apply = NULL;
  g_autofree char *removed = NULL;
  GHashTableIter iter;
  gpointer value;
  gint64 counts[5] = { 0 };
  SfDbCopy *copy;

  if (test_hook != NULL)
    test_hook (im->store, SF_IMPORT_STAGE_CHECKED, test_hook_data);
  if (!sf_store_begin (im->store, error))
    return FALSE;
  if (!check_guard (im, error))
    {
      sf_store_rollback (im->store);
      return FALSE;
    }
  /* The names are citext, as the tables' own: "team a" is "Team A" */
  if (!sf_db_exec (db,
                   "SET LOCAL jit = off;"
                   "CREATE TEMPORARY TABLE sf_import_team ("
                   "  seq INTEGER NOT NULL, line INTEGER NOT NULL, id INTEGER, name citext NOT NULL,"
                   "  area_id INTEGER, cap REAL,"
                   "  existed INTEGER NOT NULL DEFAULT 0, changed INTEGER NOT NULL DEFAULT 0"
                   ") ON COMMIT DROP;"
                   "CREATE TEMPORARY TABLE sf_import_worker ("
                   "  line INTEGER NOT NULL, team_seq INTEGER NOT NULL, initials citext NOT NULL,"
                   "  name text NOT NULL, weekly_hours REAL, start_date text, absence_kind text,"
                   "  individual_factor REAL, factor_reason text, end_date text, absence_from text,"
                   "  absence_to text, reduction_hours REAL, reduction_reason text, reduction_note text,"
                   "  reduction_from text, reduction_to text,"
                   "  id INTEGER, team_id INTEGER, existed INTEGER NOT NULL DEFAULT 0,"
                   "  changed INTEGER NOT NULL DEFAULT 0, same INTEGER NOT NULL DEFAULT 1"
                   ") ON COMMIT DROP", NULL))
    goto failed;

  copy = sf_db_copy_begin (db, "sf_import_team", team_columns, NULL);
  if (copy == NULL)
    goto failed;
  g_hash_table_iter_init (&iter, plan->teams);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TeamPlan *team = value;

      sf_db_copy_put_int64 (copy, 0, team->seq);
      sf_db_copy_put_int64 (copy, 1, team->line);
      put_id (copy, 2, team->id);
      sf_db_copy_put_text (copy, 3, team->name);
      put_id (copy, 4, team->area_id);
      if (team->norm > 0)
        sf_db_copy_put_double (copy, 5, team->norm);
      else
        sf_db_copy_put_null (copy, 5);
      if (!send_row (copy))
        goto failed;
    }
  if (!sf_db_copy_end (copy, TRUE, NULL))
    goto failed;

  copy = sf_db_copy_begin (db, "sf_import_worker", worker_columns, NULL);
  if (copy == NULL)
    goto failed;
  for (guint i = 0; i < plan->rows->len; i++)
    {
      const RosterRow *row = &g_array_index (plan->rows, RosterRow, i);
      g_autofree char *team_key = fold_key (row->team);
      TeamPlan *team = g_hash_table_lookup (plan->teams, team_key);

      sf_db_copy_put_int64 (copy, 0, row->line);
      sf_db_copy_put_int64 (copy, 1, team->seq);
      sf_db_copy_put_text (copy, 2, row->initials);
      sf_db_copy_put_text (copy, 3, row->name);
      sf_db_copy_put_double (copy, 4, row->hours);
      put_day (copy, 5, row->start);
      put_text (copy, 6, row->absence);
      sf_db_copy_put_double (copy, 7, row->factor);
      put_text (copy, 8, row->factor_reason);
      put_day (copy, 9, row->end);
      put_day (copy, 10, row->absence_from);
      put_day (copy, 11, row->absence_to);
      sf_db_copy_put_double (copy, 12, row->reduction_hours);
      sf_db_copy_put_text (copy, 13, row->reduction_reason);
      put_text (copy, 14, row->reduction_note);
      put_day (copy, 15, row->reduction_from);
      put_day (copy, 16, row->reduction_to);
      if (!send_row (copy))
        goto failed;
    }
  if (!sf_db_copy_end (copy, TRUE, NULL))
    goto failed;
  if (test_hook != NULL)
    test_hook (im->store, SF_IMPORT_STAGE_COPIED, test_hook_data);

  /* Another program may have made or removed a team since the file was
   * checked: what the database holds now decides. */
  if (!sf_db_exec (db,
                   "UPDATE sf_import_team t SET id = COALESCE ("
                   "  (SELECT team.id FROM team WHERE team.id = t.id),"
                   "  (SELECT team.id FROM team WHERE team.name = t.name))", NULL))
    goto failed;
  if (server_query (im, "SELECT 0, name FROM sf_import_team WHERE id IS NULL AND area_id IS NULL"
                        " ORDER BY line LIMIT 1", counts, 1, &removed))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_BUSY,
                   _("The team “%s” was removed by another program during the import. "
                     "Import the file again."), removed);
      sf_store_rollback (im->store);
      return FALSE;
    }

  apply = roster_apply_sql (im);
  if (!sf_db_exec (db, apply, NULL))
    {
      g_autofree char *initials = NULL;
      guint line = find_line (im,
                              "SELECT line, initials FROM sf_import_worker w"
                              " WHERE existed = 0"
                              "  AND EXISTS (SELECT 1 FROM caseworker WHERE caseworker.initials = w.initials)"
                              " ORDER BY line LIMIT 1", &initials);

      if (line != 0)
        {
          add_problem (im, line, _("another program gave the initials “%s” to a caseworker during "
                                   "the import. Import the file again."), initials);
          sf_store_rollback (im->store);
          return finish_problems (im, error);
        }
      goto failed;
    }
  if (!server_query (im,
                     "SELECT (SELECT count(*) FROM sf_import_team WHERE existed = 0),"
                     "  (SELECT count(*) FROM sf_import_team WHERE changed = 1),"
                     "  (SELECT count(*) FROM sf_import_worker WHERE existed = 0),"
                     "  (SELECT count(*) FROM sf_import_worker WHERE existed = 1 AND (changed = 1 OR same = 0)),"
                     "  (SELECT count(*) FROM sf_import_worker WHERE existed = 1 AND changed = 0 AND same = 1)",
                     counts, 5, NULL))
    goto failed;
  im->result->teams_created = counts[0];
  im->result->teams_updated = counts[1];
  im->result->created = counts[2];
  im->result->updated = counts[3];
  im->result->unchanged = counts[4];
  im->changed = counts[0] + counts[1] + counts[2] + counts[3] > 0;
  return end_on_server (im, error);

failed:
  return fail_on_server (im, error);
}

/* How many lines @contents has: at most one more than its rows */
static guint
count_lines (GBytes *contents)
{
  gsize size;
  const char *text = g_bytes_get_data (contents, &size);
  const char *end;
  guint n = 1;

  /* An empty file has no data at all */
  if (text == NULL)
    return n;
  end = text + size;
  while (text < end && (text = memchr (text, '\n', end - text)) != NULL)
    {
      n++;
      text++;
    }
  return MIN (n, MAX_ROWS + 1);
}

gboolean
sf_import_cases (SfStore         *store,
                 GBytes          *contents,
                 SfImportResult  *result,
                 GError         **error)
{
  return sf_import_cases_guarded (store, contents, NULL, result, error);
}

/* The case import; with @after, a dry run on a server (sf_import_cases_try()) */
static gboolean
import_cases (SfStore         *store,
              GBytes          *contents,
              SfImportGuard   *guard,
              SfDataset      **after,
              SfImportResult  *result,
              GError         **error)
{
  Import im;
  CasePlan plan = { 0 };
  g_autoptr(SfCsvReader) reader = NULL;
  g_autoptr(SfImportGuard) own_guard = NULL;
  g_autoptr(GHashTable) stored_cases = NULL;
  gboolean ok = FALSE;

  /* Only the server's path has a dry run; a file's preview runs on a copy */
  g_return_val_if_fail (after == NULL || sf_db_get_kind (sf_store_get_db (store)) == SF_DB_POSTGRES, FALSE);

  init_import (&im, store, result, TRUE);
  im.after = after;
  if (!sf_store_load_settings (store, &im.settings, error))
    return FALSE;
  /* Without a preview's, the versions as the file is checked against the
   * data are those that must still hold when it is written. */
  im.guard = guard;
  if (guard == NULL)
    {
      stored_cases = load_versions (&im, "SELECT id, reference, version FROM casefile", FALSE, error);
      if (stored_cases == NULL)
        return FALSE;
      im.guard = own_guard = sf_import_guard_new ();
    }

  /* A row a line: the array grows once, not doubled and copied 17 times
   * over 100,000 cases */
  plan.rows = g_array_sized_new (FALSE, FALSE, sizeof (CaseRow), count_lines (contents));
  plan.strings = g_string_chunk_new (64 * 1024);
  plan.references = g_hash_table_new (g_str_hash, g_str_equal);
  /* Before the rows are given their parents' ids (see apply_cases) */
  plan.data_version = sf_store_get_data_version (store);
  plan.areas = load_areas (&im, error);
  plan.workers = load_keys (&im, "SELECT id, initials FROM caseworker", error);
  plan.worker_areas = load_by_id (&im, "SELECT w.id, t.area_id FROM caseworker w JOIN team t ON t.id = w.team_id",
                                  FALSE, error);
  if (plan.areas == NULL || plan.workers == NULL || plan.worker_areas == NULL)
    goto out;

  reader = open_reader (&im, contents, error);
  if (reader == NULL)
    goto out;
  if (!read_rows (&im, reader, check_case_row, &plan, error))
    goto out;
  if (im.result->rows == 0 && im.n_problems == 0)
    add_problem (&im, 1, _("the file has a header but no cases."));
  if (!finish_problems (&im, error))
    goto out;

  /* The stored cases the file names */
  if (own_guard != NULL && g_hash_table_size (stored_cases) > 0)
    for (guint i = 0; i < plan.rows->len; i++)
      guard_row (&im, stored_cases, "casefile", g_array_index (plan.rows, CaseRow, i).reference);
  if (prepare_apply (&im, error))
    ok = on_server (&im) ? apply_cases_on_server (&im, &plan, error) : apply_cases (&im, &plan, error);
  end_apply (&im, ok);

out:
  g_clear_pointer (&im.composed, g_string_chunk_free);
  g_array_unref (plan.rows);
  g_hash_table_unref (plan.references);
  g_string_chunk_free (plan.strings);
  g_clear_pointer (&plan.areas, g_hash_table_unref);
  g_clear_pointer (&plan.workers, g_hash_table_unref);
  g_clear_pointer (&plan.worker_areas, g_hash_table_unref);
  return ok;
}

gboolean
sf_import_cases_guarded (SfStore         *store,
                         GBytes          *contents,
                         SfImportGuard   *guard,
                         SfImportResult  *result,
                         GError         **error)
{
  return import_cases (store, contents, guard, NULL, result, error);
}

/**
 * sf_import_cases_try:
 * @out_after: (out): the data as the import would leave it
 *
 * Runs the case import, all of it, checks and writes, without keeping
 * anything, and gives the data as it would then be: what a preview shows.
 * On a file it runs on a copy in memory (the online backup API: a moment's
 * read, no lock held while the import runs).  On a server it is a dry run
 * in the database itself: the import's own transaction, with the server's
 * constraints, access policies and triggers, read at the point where it
 * would commit and then rolled back; nobody else sees any of it (see
 * docs/store.md).  Nothing is guarded: the caller records the versions
 * from the data it compares with.  Problems with the file are an
 * %SF_ERROR_INVALID_INPUT error, listed in @result as by the import.
 */
gboolean
sf_import_cases_try (SfStore         *store,
                     GBytes          *contents,
                     SfImportResult  *result,
                     SfDataset      **out_after,
                     GError         **error)
{
  g_autoptr(SfImportGuard) no_guard = sf_import_guard_new ();
  g_autoptr(SfStore) copy = NULL;
  g_autoptr(SfDataset) after = NULL;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_after != NULL, FALSE);

  if (sf_db_get_kind (sf_store_get_db (store)) == SF_DB_POSTGRES)
    {
      if (!import_cases (store, contents, no_guard, &after, result, error))
        return FALSE;
      *out_after = g_steal_pointer (&after);
      return TRUE;
    }

  copy = sf_store_open_memory_copy (store, error);
  if (copy == NULL)
    return FALSE;
  if (!import_cases (copy, contents, no_guard, NULL, result, error))
    return FALSE;
  *out_after = sf_store_load_dataset (copy, error);
  return *out_after != NULL;
}

static void
set_too_large (GError **error,
               goffset  size)
{
  g_autofree char *text = g_format_size (size);
  g_autofree char *limit = g_format_size (MAX_FILE_BYTES);

  g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
               _("The file is too large (%s); a case list is at most %s."), text, limit);
}

/* The file's contents, read up to the size cap and no further: a device
 * or a pipe has no size to check first, and may never end.  @size is what
 * the file says its size is (0 when it says none): room for it is made
 * at once, not grown a chunk at a time, each growth a copy of all read. */
static GBytes *
load_capped (GFile   *file,
             goffset  size,
             GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GByteArray) data = NULL;

  if (stream == NULL)
    return NULL;
  data = g_byte_array_sized_new ((guint) CLAMP (size, 0, MAX_FILE_BYTES) + 1024 * 1024);
  for (;;)
    {
      gsize chunk = 1024 * 1024;
      guint len = data->len;
      gssize n;

      g_byte_array_set_size (data, len + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), data->data + len, chunk, NULL, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (data, len + n);
      if (n == 0)
        break;
      if ((goffset) data->len > MAX_FILE_BYTES)
        {
          set_too_large (error, data->len);
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

gboolean
sf_import_file (SfStore         *store,
                GFile           *file,
                gboolean         cases,
                SfImportResult  *result,
                GError         **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;

  init_result (result);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("Cannot read the file: %s"), local_error->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_IO, _("That is a folder, not a file."));
      return FALSE;
    }
  if (g_file_info_get_size (info) > MAX_FILE_BYTES)
    {
      set_too_large (error, g_file_info_get_size (info));
      return FALSE;
    }

  contents = load_capped (file, g_file_info_get_size (info), &local_error);
  if (contents == NULL)
    {
      if (local_error->domain == SF_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SF_ERROR, SF_ERROR_IO, _("Cannot read the file: %s"), local_error->message);
      return FALSE;
    }

  g_ptr_array_unref (result->problems);
  result->problems = NULL;
  if (cases)
    return sf_import_cases (store, contents, result, error);
  return sf_import_roster (store, contents, result, error);
}
