#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sf-db-bind.h"
#include "sf-cases.h"
#include "sf-conflict.h"
#include "sf-error.h"
#include "sf-privacy.h"
#include "sf-text.h"

#define MAX_COUNT 10000

SfReferenceProblem
sf_cases_reference_problem (const char *reference)
{
  const char *last;

  if (reference == NULL || *reference == '\0')
    return SF_REFERENCE_MISSING;
  if (!g_utf8_validate (reference, -1, NULL) || g_utf8_strlen (reference, -1) > SF_CASES_MAX_REFERENCE_CHARS)
    return SF_REFERENCE_TOO_LONG;
  last = g_utf8_find_prev_char (reference, reference + strlen (reference));
  if (g_unichar_isspace (g_utf8_get_char (reference)) || g_unichar_isspace (g_utf8_get_char (last)))
    return SF_REFERENCE_SPACE_AROUND;
  if (sf_text_has_control (reference))
    return SF_REFERENCE_CONTROL;
  if (sf_privacy_looks_like_cpr (reference))
    return SF_REFERENCE_CPR;
  return SF_REFERENCE_OK;
}

/* sf_cases_reference_problem() in a form's words */
gboolean
sf_cases_check_reference (const char  *reference,
                          GError     **error)
{
  switch (sf_cases_reference_problem (reference))
    {
    case SF_REFERENCE_OK:
      return TRUE;
    case SF_REFERENCE_MISSING:
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("The case number is missing. Use the case system’s case number."));
      return FALSE;
    case SF_REFERENCE_TOO_LONG:
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("The case number is longer than %u characters."), SF_CASES_MAX_REFERENCE_CHARS);
      return FALSE;
    case SF_REFERENCE_SPACE_AROUND:
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("The case number begins or ends with a space."));
      return FALSE;
    case SF_REFERENCE_CONTROL:
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("The case number contains a line break or another control character."));
      return FALSE;
    case SF_REFERENCE_CPR:
      g_set_error (error, SF_ERROR, SF_ERROR_PRIVACY,
                   _("The case number “%s” looks like a CPR number. Use the case system’s "
                     "case number: Sagsfordeling never stores citizens’ CPR numbers."),
                   reference);
      return FALSE;
    default:
      g_assert_not_reached ();
    }
}

/* The caseworker's initials and their team's area; FALSE with an error if
 * there is no such caseworker. */
static gboolean
find_worker (SfStore  *store,
             gint64    id,
             char    **out_initials,
             gint64   *out_area_id,
             GError  **error)
{
  SfDbStmt *stmt;
  gboolean found = FALSE;

  stmt = sf_store_prepare (store,
                           "SELECT w.initials, t.area_id FROM caseworker w JOIN team t ON t.id = w.team_id"
                           " WHERE w.id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_int64 (stmt, 1, id);
  if (sf_db_stmt_step (stmt) == SF_DB_ROW)
    {
      found = TRUE;
      if (out_initials != NULL)
        *out_initials = sf_db_stmt_dup_text (stmt, 0);
      if (out_area_id != NULL)
        *out_area_id = sf_db_stmt_column_int64 (stmt, 1);
    }
  sf_db_stmt_free (stmt);
  if (!found)
    g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND,
                         _("The caseworker no longer exists. Choose another caseworker."));
  return found;
}

static gboolean
area_exists (SfStore *store,
             gint64   area_id)
{
  return sf_store_query_int (store, "SELECT 1 FROM area WHERE id = ?1", area_id) != 0;
}

static gboolean
reference_taken (SfStore    *store,
                 const char *reference,
                 gint64      except_id)
{
  SfDbStmt *stmt = sf_store_prepare (store, "SELECT 1 FROM casefile WHERE reference = ?1 AND id <> ?2",
                                         NULL);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_text_static (stmt, 1, reference);
  sf_db_stmt_bind_int64 (stmt, 2, except_id);
  taken = sf_db_stmt_step (stmt) == SF_DB_ROW;
  sf_db_stmt_free (stmt);
  return taken;
}

/* Checks a whole case as a form gives it, and fills in its area from the
 * caseworker's team when it has none. */
static gboolean
check_case (SfStore      *store,
            const SfCase *kase,
            gint64       *out_area_id,
            GError      **error)
{
  gint64 team_area = 0;

  if (!sf_cases_check_reference (kase->reference, error))
    return FALSE;
  if (reference_taken (store, kase->reference, kase->id))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("There is already a case with the number “%s”."), kase->reference);
      return FALSE;
    }
  if ((guint) kase->complexity >= SF_N_COMPLEXITIES)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("Choose the case’s complexity: enkel, kompleks or særligt kompliceret."));
      return FALSE;
    }
  if (!find_worker (store, kase->caseworker_id, NULL, &team_area, error))
    return FALSE;
  if (kase->cover_id != 0)
    {
      if (kase->cover_id == kase->caseworker_id)
        {
          g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                               _("A caseworker cannot cover their own case. Choose a colleague."));
          return FALSE;
        }
      if (!find_worker (store, kase->cover_id, NULL, NULL, error))
        return FALSE;
    }
  if (kase->area_id != 0 && !area_exists (store, kase->area_id))
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND,
                           _("The case area no longer exists. Choose another area."));
      return FALSE;
    }
  if (kase->start != SF_DAY_NONE && kase->closed != SF_DAY_NONE && kase->closed < kase->start)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("The case cannot be closed before it started."));
      return FALSE;
    }
  *out_area_id = kase->area_id != 0 ? kase->area_id : team_area;
  return TRUE;
}

/* Binds the columns of @kase a form gives, from the reference to the cover,
 * as ?@first and on, with @area_id as its area */
static void
bind_case (SfDbStmt     *stmt,
           int           first,
           const SfCase *kase,
           gint64        area_id)
{
  sf_db_stmt_bind_text_static (stmt, first, kase->reference);
  sf_db_stmt_bind_id (stmt, first + 1, area_id);
  sf_db_stmt_bind_text_static (stmt, first + 2, sf_complexity_to_key (kase->complexity));
  sf_db_stmt_bind_day (stmt, first + 3, kase->start);
  sf_db_stmt_bind_day (stmt, first + 4, kase->closed);
  sf_db_stmt_bind_int64 (stmt, first + 5, kase->caseworker_id);
  sf_db_stmt_bind_id (stmt, first + 6, kase->cover_id);
}

gint64
sf_cases_add (SfStore       *store,
              const SfCase  *kase,
              GError       **error)
{
  g_autofree char *detail = NULL;
  SfDbStmt *stmt;
  gint64 area_id = 0;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), 0);
  g_return_val_if_fail (kase != NULL, 0);

  if (!sf_store_begin (store, error))
    return 0;
  ok = check_case (store, &(SfCase) { .id = 0, .reference = kase->reference, .area_id = kase->area_id,
                                      .complexity = kase->complexity, .start = kase->start,
                                      .closed = kase->closed, .caseworker_id = kase->caseworker_id,
                                      .cover_id = kase->cover_id },
                   &area_id, error);
  if (ok)
    {
      stmt = sf_store_prepare (store,
                               "INSERT INTO casefile (reference, area_id, complexity, start_date, closed_date,"
                               " caseworker_id, cover_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                               error);
      if (stmt != NULL)
        bind_case (stmt, 1, kase, area_id);
      ok = sf_store_run_returning (store, stmt, &id, error);
    }
  if (ok)
    {
      detail = g_strdup_printf ("%s, caseworker %" G_GINT64_FORMAT, sf_complexity_to_key (kase->complexity),
                                kase->caseworker_id);
      ok = sf_store_audit (store, "case-add", kase->reference, detail, error);
    }
  if (!sf_store_finish (store, ok, error))
    return 0;
  return id;
}

static gboolean
write_case (SfStore      *store,
            const SfCase *kase,
            gint64        area_id,
            GError      **error)
{
  SfDbStmt *stmt;
  gboolean ok;

  stmt = sf_store_prepare (store,
                           "UPDATE casefile SET reference = ?2, area_id = ?3, complexity = ?4, start_date = ?5,"
                           " closed_date = ?6, caseworker_id = ?7, cover_id = ?8 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_int64 (stmt, 1, kase->id);
  bind_case (stmt, 2, kase, area_id);
  ok = sf_store_run (store, stmt, error);
  if (ok && sf_db_changes (sf_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND,
                           _("The case no longer exists; someone may have removed it."));
      ok = FALSE;
    }
  return ok;
}

gboolean
sf_cases_update (SfStore       *store,
                 const SfCase  *kase,
                 GError       **error)
{
  g_autofree char *detail = NULL;
  gint64 area_id = 0;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (kase != NULL && kase->id != 0, FALSE);

  if (!sf_store_begin (store, error))
    return FALSE;
  ok = sf_conflict_claim (store, "casefile", kase->id, kase->version, error) &&
       check_case (store, kase, &area_id, error) && write_case (store, kase, area_id, error);
  if (ok)
    {
      detail = g_strdup_printf ("%s, caseworker %" G_GINT64_FORMAT ", cover %" G_GINT64_FORMAT,
                                sf_complexity_to_key (kase->complexity), kase->caseworker_id, kase->cover_id);
      ok = sf_store_audit (store, "case-edit", kase->reference, detail, error);
    }
  return sf_store_finish (store, ok, error);
}

/* The cases of @ids in that order; NULL, with @missing as the error, if
 * one does not exist. */
static GArray *
load_cases (SfStore       *store,
            const gint64  *ids,
            guint          n_ids,
            const char    *missing,
            GError       **error)
{
  g_autoptr(GArray) cases = g_array_new (FALSE, TRUE, sizeof (SfCase));
  SfDbStmt *stmt;

  g_array_set_clear_func (cases, sf_case_clear);
  stmt = sf_store_prepare (store,
                           "SELECT reference, COALESCE (area_id, 0), complexity, start_date, closed_date,"
                           " caseworker_id, COALESCE (cover_id, 0), counted, version FROM casefile WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    {
      SfCase kase = { 0 };
      SfComplexity complexity = SF_COMPLEXITY_KOMPLEKS;

      sf_db_stmt_bind_int64 (stmt, 1, ids[i]);
      if (sf_db_stmt_step (stmt) != SF_DB_ROW)
        {
          sf_db_stmt_free (stmt);
          g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND, missing);
          return NULL;
        }
      kase.id = ids[i];
      kase.reference = sf_db_stmt_dup_text (stmt, 0);
      kase.area_id = sf_db_stmt_column_int64 (stmt, 1);
      sf_complexity_parse (sf_db_stmt_column_text (stmt, 2), &complexity);
      kase.complexity = complexity;
      kase.start = sf_db_stmt_column_day (stmt, 3);
      kase.closed = sf_db_stmt_column_day (stmt, 4);
      kase.caseworker_id = sf_db_stmt_column_int64 (stmt, 5);
      kase.cover_id = sf_db_stmt_column_int64 (stmt, 6);
      kase.counted = sf_db_stmt_column_int64 (stmt, 7) != 0;
      kase.version = sf_db_stmt_column_int64 (stmt, 8);
      g_array_append_val (cases, kase);
      sf_db_stmt_reset (stmt);
    }
  sf_db_stmt_free (stmt);
  return g_steal_pointer (&cases);
}

/* The cases of @ids in that order, to change them; NULL if one does not
 * exist. */
static GArray *
load_rows (SfStore       *store,
           const gint64  *ids,
           guint          n_ids,
           GError       **error)
{
  return load_cases (store, ids, n_ids,
                     _("A case no longer exists; someone may have removed it. Nothing was changed."), error);
}

static char *
references_detail (GArray *rows)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (text, "%s%s", i ? ", " : "", g_array_index (rows, SfCase, i).reference);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Runs @sql on each case of @ids, one prepared statement for them all:
 * ?1 is the case's id and ?2, when @value is not NULL, the value (an int64,
 * 0 for none, or a string). */
static gboolean
update_each (SfStore       *store,
             const char    *sql,
             const gint64  *ids,
             guint          n_ids,
             const GValue  *value,
             GError       **error)
{
  SfDbStmt *stmt = sf_store_prepare (store, sql, error);
  gboolean ok = stmt != NULL;

  for (guint i = 0; ok && i < n_ids; i++)
    {
      sf_db_stmt_bind_int64 (stmt, 1, ids[i]);
      if (value != NULL && G_VALUE_HOLDS_INT64 (value))
        sf_db_stmt_bind_id (stmt, 2, g_value_get_int64 (value));
      else if (value != NULL)
        sf_db_stmt_bind_text (stmt, 2, g_value_get_string (value));
      ok = sf_store_step_done (store, stmt, error);
    }
  g_clear_pointer (&stmt, sf_db_stmt_free);
  return ok;
}

/* Claims each case of @ids at @versions (NULL or 0: claims nothing) */
static gboolean
claim_each (SfStore       *store,
            const gint64  *ids,
            const gint64  *versions,
            guint          n_ids,
            GError       **error)
{
  for (guint i = 0; versions != NULL && i < n_ids; i++)
    if (!sf_conflict_claim (store, "casefile", ids[i], versions[i], error))
      return FALSE;
  return TRUE;
}

/* The versions the cases of @ids are left at, into @out (NULL: none) */
static gboolean
note_versions (SfStore       *store,
               const gint64  *ids,
               guint          n_ids,
               gint64        *out,
               GError       **error)
{
  for (guint i = 0; out != NULL && i < n_ids; i++)
    out[i] = sf_store_query_int (store, "SELECT version FROM casefile WHERE id = ?1", ids[i]);
  return TRUE;
}

typedef struct _CaseChange CaseChange;

/* A change of several cases, as change_each() makes it */
struct _CaseChange
{
  /* Run on each case: ?1 is its id, ?2 @value (NULL: none) */
  const char   *sql;
  const GValue *value;
  /* The change log's action */
  const char   *action;
  /* The caseworker the change names, who must exist when @names_worker */
  gint64        worker_id;
  gboolean      names_worker;
  /* The day the change closes the cases on */
  SfDay         day;
  /* Refuses a case the change cannot be made to, with a message that
   * names it (NULL: none is refused) */
  gboolean    (*check)    (const CaseChange  *change,
                           const SfCase      *row,
                           const char        *initials,
                           GError           **error);
  /* The change log's detail from the case numbers @refs (NULL: those alone) */
  char       *(*describe) (const CaseChange  *change,
                           const char        *initials,
                           const char        *refs);
};

/* Makes @change to each case of @ids in a transaction with one audit entry
 * naming them: each case claimed first at @versions (claim_each()), the
 * caseworker the change names found, the cases read and checked, then
 * written (update_each()) and the versions they are left at noted into
 * @out_versions (note_versions()); refused as a whole when one of them does
 * not exist, was changed since or is refused by the check. */
static gboolean
change_each (SfStore           *store,
             const CaseChange  *change,
             const gint64      *ids,
             const gint64      *versions,
             guint              n_ids,
             gint64            *out_versions,
             GError           **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *refs = NULL;
  g_autofree char *detail = NULL;
  gboolean ok;

  if (!sf_store_begin (store, error))
    return FALSE;
  ok = claim_each (store, ids, versions, n_ids, error) &&
       (!change->names_worker || find_worker (store, change->worker_id, &initials, NULL, error));
  if (ok)
    {
      rows = load_rows (store, ids, n_ids, error);
      ok = rows != NULL;
    }
  for (guint i = 0; ok && change->check != NULL && i < rows->len; i++)
    ok = change->check (change, &g_array_index (rows, SfCase, i), initials, error);
  if (ok)
    {
      refs = references_detail (rows);
      detail = change->describe != NULL ? change->describe (change, initials, refs) : g_steal_pointer (&refs);
      ok = update_each (store, change->sql, ids, n_ids, change->value, error) &&
           note_versions (store, ids, n_ids, out_versions, error) &&
           sf_store_audit (store, change->action, NULL, detail, error);
    }
  return sf_store_finish (store, ok, error);
}

gboolean
sf_cases_delete (SfStore       *store,
                 const gint64  *ids,
                 guint          n_ids,
                 GError       **error)
{
  return sf_cases_delete_versioned (store, ids, NULL, n_ids, error);
}

gboolean
sf_cases_delete_versioned (SfStore       *store,
                           const gint64  *ids,
                           const gint64  *versions,
                           guint          n_ids,
                           GError       **error)
{
  const CaseChange change = { .sql = "DELETE FROM casefile WHERE id = ?1", .action = "case-delete" };

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);

  return change_each (store, &change, ids, versions, n_ids, NULL, error);
}

gboolean
sf_cases_close (SfStore       *store,
                const gint64  *ids,
                guint          n_ids,
                SfDay          day,
                GError       **error)
{
  return sf_cases_close_versioned (store, ids, NULL, n_ids, day, NULL, error);
}

static gboolean
check_close (const CaseChange  *change,
             const SfCase      *row,
             const char        *initials,
             GError           **error)
{
  g_autofree char *start = NULL;

  if (row->start == SF_DAY_NONE || change->day >= row->start)
    return TRUE;
  start = sf_day_format (row->start);
  g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
               _("The case “%s” started on %s and cannot be closed before that. Nothing was changed."),
               row->reference, start);
  return FALSE;
}

static char *
describe_close (const CaseChange *change,
                const char       *initials,
                const char       *refs)
{
  /* Translators: the change log's detail of closing cases: date: case numbers */
  return g_strdup_printf (_("closed %s: %s"), g_value_get_string (change->value), refs);
}

gboolean
sf_cases_close_versioned (SfStore       *store,
                          const gint64  *ids,
                          const gint64  *versions,
                          guint          n_ids,
                          SfDay          day,
                          gint64        *out_versions,
                          GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  /* A case closed already keeps the day it was closed. */
  const CaseChange change = { .sql = "UPDATE casefile SET closed_date = ?2 WHERE id = ?1 AND closed_date IS NULL",
                              .value = &value, .action = "case-close", .day = day, .check = check_close,
                              .describe = describe_close };

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != SF_DAY_NONE, FALSE);

  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, sf_day_to_iso (day));
  return change_each (store, &change, ids, versions, n_ids, out_versions, error);
}

gboolean
sf_cases_reopen (SfStore       *store,
                 const gint64  *ids,
                 guint          n_ids,
                 GError       **error)
{
  return sf_cases_reopen_versioned (store, ids, NULL, n_ids, NULL, error);
}

gboolean
sf_cases_reopen_versioned (SfStore       *store,
                           const gint64  *ids,
                           const gint64  *versions,
                           guint          n_ids,
                           gint64        *out_versions,
                           GError       **error)
{
  const CaseChange change = { .sql = "UPDATE casefile SET closed_date = NULL WHERE id = ?1",
                              .action = "case-reopen" };

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);

  return change_each (store, &change, ids, versions, n_ids, out_versions, error);
}

gboolean
sf_cases_reassign (SfStore       *store,
                   const gint64  *ids,
                   guint          n_ids,
                   gint64         caseworker_id,
                   GError       **error)
{
  return sf_cases_reassign_versioned (store, ids, NULL, n_ids, caseworker_id, NULL, error);
}

static char *
describe_reassign (const CaseChange *change,
                   const char       *initials,
                   const char       *refs)
{
  /* Translators: the change log's detail of reassigning cases */
  return g_strdup_printf (_("to %s: %s"), initials, refs);
}

gboolean
sf_cases_reassign_versioned (SfStore       *store,
                             const gint64  *ids,
                             const gint64  *versions,
                             guint          n_ids,
                             gint64         caseworker_id,
                             gint64        *out_versions,
                             GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  /* The new caseworker cannot also be their own cover: a cover by the
   * new caseworker ends with the reassignment. */
  const CaseChange change = { .sql = "UPDATE casefile SET caseworker_id = ?2,"
                                     " cover_id = CASE WHEN cover_id = ?2 THEN NULL ELSE cover_id END"
                                     " WHERE id = ?1",
                              .value = &value, .action = "case-reassign", .worker_id = caseworker_id,
                              .names_worker = TRUE, .describe = describe_reassign };

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, caseworker_id);
  return change_each (store, &change, ids, versions, n_ids, out_versions, error);
}

gboolean
sf_cases_set_cover (SfStore       *store,
                    const gint64  *ids,
                    guint          n_ids,
                    gint64         cover_id,
                    GError       **error)
{
  return sf_cases_set_cover_versioned (store, ids, NULL, n_ids, cover_id, NULL, error);
}

static gboolean
check_cover (const CaseChange  *change,
             const SfCase      *row,
             const char        *initials,
             GError           **error)
{
  if (change->worker_id == 0 || row->caseworker_id != change->worker_id)
    return TRUE;
  g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
               _("%s is the caseworker of the case “%s” and cannot also cover it. "
                 "Choose a colleague, or leave that case out. Nothing was changed."),
               initials, row->reference);
  return FALSE;
}

static char *
describe_cover (const CaseChange *change,
                const char       *initials,
                const char       *refs)
{
  /* Translators: the change log's detail of a cover: initials (or "none"): case numbers */
  return g_strdup_printf ("%s: %s", change->worker_id != 0 ? initials : _("none"), refs);
}

gboolean
sf_cases_set_cover_versioned (SfStore       *store,
                              const gint64  *ids,
                              const gint64  *versions,
                              guint          n_ids,
                              gint64         cover_id,
                              gint64        *out_versions,
                              GError       **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const CaseChange change = { .sql = "UPDATE casefile SET cover_id = ?2 WHERE id = ?1", .value = &value,
                              .action = cover_id != 0 ? "case-cover" : "case-cover-clear", .worker_id = cover_id,
                              .names_worker = cover_id != 0, .check = check_cover, .describe = describe_cover };

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, cover_id);
  return change_each (store, &change, ids, versions, n_ids, out_versions, error);
}

GArray *
sf_cases_snapshot (SfStore       *store,
                   const gint64  *ids,
                   guint          n_ids,
                   GError       **error)
{
  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  return load_cases (store, ids, n_ids, _("A case no longer exists; someone may have removed it."), error);
}

static gboolean
case_exists (SfStore *store,
             gint64   id)
{
  return sf_store_query_int (store, "SELECT 1 FROM casefile WHERE id = ?1", id) != 0;
}

/* A deleted case back under its own id, as the snapshot has it. */
static gboolean
insert_case (SfStore      *store,
             const SfCase *kase,
             GError      **error)
{
  SfDbStmt *stmt;

  stmt = sf_store_prepare (store,
                           "INSERT INTO casefile (id, reference, area_id, complexity, start_date, closed_date,"
                           " caseworker_id, cover_id, counted) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_int64 (stmt, 1, kase->id);
  bind_case (stmt, 2, kase, kase->area_id);
  sf_db_stmt_bind_int64 (stmt, 9, kase->counted ? 1 : 0);
  return sf_store_run (store, stmt, error);
}

/* A case made since under the id of @kase, which an undo would put back:
 * the conflict names the new case as it is now, the message both */
static gboolean
refuse_taken_place (SfStore      *store,
                    const SfCase *kase,
                    GError      **error)
{
  GError *conflict = NULL;
  const SfConflict *details;
  const char *theirs;

  sf_conflict_refuse_added (store, "casefile", kase->id, &conflict);
  details = sf_conflict_get (conflict);
  if (details == NULL)
    {
      g_propagate_error (error, conflict);
      return FALSE;
    }
  theirs = details->values != NULL ? g_hash_table_lookup (details->values, "reference") : NULL;
  g_free (conflict->message);
  conflict->message = g_strdup_printf (_("The case %s cannot be put back: a case made since, %s, has taken its "
                                         "place. Nothing was restored."),
                                       kase->reference, theirs != NULL ? theirs : "?");
  g_propagate_error (error, conflict);
  return FALSE;
}

gboolean
sf_cases_restore (SfStore  *store,
                  GArray   *snapshot,
                  GError  **error)
{
  return sf_cases_restore_versioned (store, snapshot, NULL, error);
}

gboolean
sf_cases_restore_versioned (SfStore       *store,
                            GArray        *snapshot,
                            const gint64  *versions,
                            GError       **error)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  gboolean ok = TRUE;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!sf_store_begin (store, error))
    return FALSE;
  for (guint i = 0; ok && i < snapshot->len; i++)
    {
      const SfCase *kase = &g_array_index (snapshot, SfCase, i);

      /* The case as the undone change left it, or someone's later change
       * (or removal) refuses the undo; a case the undone change deleted
       * goes back only where its id is still free: a case someone made
       * since under the same id (a file gives a new row the highest id
       * + 1) refuses the undo too */
      if (versions != NULL && versions[i] == SF_CASES_VERSION_REMOVED && case_exists (store, kase->id))
        {
          ok = refuse_taken_place (store, kase, error);
          break;
        }
      if (versions != NULL && !sf_conflict_claim (store, "casefile", kase->id, versions[i], error))
        {
          ok = FALSE;
          break;
        }
      ok = case_exists (store, kase->id) ? write_case (store, kase, kase->area_id, error)
                                         : insert_case (store, kase, error);
      g_string_append_printf (detail, "%s%s", i ? ", " : "", kase->reference);
    }
  ok = ok && sf_store_audit (store, "case-restore", NULL, detail->str, error);
  return sf_store_finish (store, ok, error);
}

/* ---- counts ---------------------------------------------------------- */

void
sf_counts_result_clear (SfCountsResult *result)
{
  g_clear_pointer (&result->added_ids, g_array_unref);
  g_clear_pointer (&result->closed_ids, g_array_unref);
  g_clear_pointer (&result->added_versions, g_array_unref);
  g_clear_pointer (&result->closed_versions, g_array_unref);
  memset (result, 0, sizeof *result);
}

static const char complexity_letters[SF_N_COMPLEXITIES] = { 'E', 'K', 'S' };

/* The open counted cases of a caseworker on @day, per complexity, newest
 * first. */
static gboolean
load_counted (SfStore  *store,
              gint64    caseworker_id,
              SfDay     day,
              GArray   *open[SF_N_COMPLEXITIES],
              GError  **error)
{
  SfDbStmt *stmt;
  int rc;

  stmt = sf_store_prepare (store,
                           "SELECT id, complexity, start_date, closed_date FROM casefile"
                           " WHERE caseworker_id = ?1 AND counted = 1 ORDER BY id DESC",
                           error);
  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_int64 (stmt, 1, caseworker_id);
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      SfCase kase = { 0 };
      SfComplexity complexity;

      if (!sf_complexity_parse (sf_db_stmt_column_text (stmt, 1), &complexity))
        continue;
      kase.start = sf_db_stmt_column_day (stmt, 2);
      kase.closed = sf_db_stmt_column_day (stmt, 3);
      if (sf_capacity_case_is_open (&kase, day))
        {
          gint64 id = sf_db_stmt_column_int64 (stmt, 0);

          g_array_append_val (open[complexity], id);
        }
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
sf_cases_count_open_counted (SfStore  *store,
                             gint64    caseworker_id,
                             SfDay     day,
                             guint    *counts,
                             GError  **error)
{
  GArray *open[SF_N_COMPLEXITIES];
  gboolean ok;

  for (guint c = 0; c < SF_N_COMPLEXITIES; c++)
    open[c] = g_array_new (FALSE, FALSE, sizeof (gint64));
  ok = load_counted (store, caseworker_id, day, open, error);
  for (guint c = 0; c < SF_N_COMPLEXITIES; c++)
    {
      counts[c] = ok ? open[c]->len : 0;
      g_array_unref (open[c]);
    }
  return ok;
}

/* A reference such as "OPT-MHJ-K0007" that no case has yet.  The letter
 * between the initials and the number keeps it from ever looking like a
 * CPR number; initials that would anyway are replaced by the id. */
static char *
next_reference (SfStore      *store,
                const char   *initials,
                gint64        caseworker_id,
                SfComplexity  complexity,
                guint        *serial)
{
  g_autofree char *upper = g_utf8_strup (initials, -1);

  for (;;)
    {
      g_autofree char *reference = NULL;

      (*serial)++;
      reference = g_strdup_printf ("%s-%s-%c%04u", SF_CASES_COUNTED_PREFIX, upper,
                                   complexity_letters[complexity], *serial);
      if (sf_privacy_looks_like_cpr (reference))
        {
          g_free (reference);
          reference = g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%c%04u", SF_CASES_COUNTED_PREFIX,
                                       caseworker_id, complexity_letters[complexity], *serial);
        }
      if (!reference_taken (store, reference, 0))
        return g_steal_pointer (&reference);
    }
}

gboolean
sf_cases_set_counts (SfStore         *store,
                     gint64           caseworker_id,
                     const guint     *counts,
                     SfDay            day,
                     SfCountsResult  *result,
                     GError         **error)
{
  GArray *open[SF_N_COMPLEXITIES] = { NULL, };
  g_autofree char *initials = NULL;
  g_autofree char *detail = NULL;
  SfDbStmt *insert = NULL, *close = NULL;
  gint64 area_id = 0;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (day != SF_DAY_NONE, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  result->added_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  result->closed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  result->added_versions = g_array_new (FALSE, TRUE, sizeof (gint64));
  result->closed_versions = g_array_new (FALSE, TRUE, sizeof (gint64));

  for (guint c = 0; c < SF_N_COMPLEXITIES; c++)
    if (counts[c] > MAX_COUNT)
      {
        g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                     _("%u cases is more than one caseworker can have; enter at most %u."),
                     counts[c], MAX_COUNT);
        return FALSE;
      }

  if (!sf_store_begin (store, error))
    return FALSE;
  for (guint c = 0; c < SF_N_COMPLEXITIES; c++)
    open[c] = g_array_new (FALSE, FALSE, sizeof (gint64));
  ok = find_worker (store, caseworker_id, &initials, &area_id, error) &&
       load_counted (store, caseworker_id, day, open, error);
  if (ok)
    {
      insert = sf_store_prepare (store,
                                 "INSERT INTO casefile (reference, area_id, complexity, start_date,"
                                 " caseworker_id, counted) VALUES (?1, ?2, ?3, ?4, ?5, 1) RETURNING id",
                                 error);
      close = sf_store_prepare (store, "UPDATE casefile SET closed_date = ?2 WHERE id = ?1", error);
      ok = insert != NULL && close != NULL;
    }
  for (guint c = 0; ok && c < SF_N_COMPLEXITIES; c++)
    {
      guint have = open[c]->len;
      guint serial = 0;

      for (guint i = have; ok && i < counts[c]; i++)
        {
          g_autofree char *reference = next_reference (store, initials, caseworker_id, c, &serial);
          gint64 id;

          sf_db_stmt_bind_text (insert, 1, reference);
          sf_db_stmt_bind_id (insert, 2, area_id);
          sf_db_stmt_bind_text_static (insert, 3, sf_complexity_to_key (c));
          sf_db_stmt_bind_day (insert, 4, day);
          sf_db_stmt_bind_int64 (insert, 5, caseworker_id);
          ok = sf_store_step_returning (store, insert, &id, error);
          g_array_append_val (result->added_ids, id);
          result->added[c]++;
        }
      /* Surplus: the newest counted cases close first. */
      for (guint i = counts[c]; ok && i < have; i++)
        {
          gint64 id = g_array_index (open[c], gint64, i - counts[c]);

          sf_db_stmt_bind_int64 (close, 1, id);
          sf_db_stmt_bind_day (close, 2, day);
          ok = sf_store_step_done (store, close, error);
          g_array_append_val (result->closed_ids, id);
          result->closed[c]++;
        }
    }
  g_clear_pointer (&insert, sf_db_stmt_free);
  g_clear_pointer (&close, sf_db_stmt_free);
  for (guint c = 0; c < SF_N_COMPLEXITIES; c++)
    g_array_unref (open[c]);

  if (ok)
    {
      g_array_set_size (result->added_versions, result->added_ids->len);
      g_array_set_size (result->closed_versions, result->closed_ids->len);
      note_versions (store, (const gint64 *) result->added_ids->data, result->added_ids->len,
                     (gint64 *) result->added_versions->data, NULL);
      note_versions (store, (const gint64 *) result->closed_ids->data, result->closed_ids->len,
                     (gint64 *) result->closed_versions->data, NULL);
      /* Translators: the change log's detail of entering counts */
      detail = g_strdup_printf (_("enkel %u, kompleks %u, særligt kompliceret %u (%u added, %u closed)"),
                                counts[SF_COMPLEXITY_ENKEL], counts[SF_COMPLEXITY_KOMPLEKS],
                                counts[SF_COMPLEXITY_SAERLIGT_KOMPLICERET],
                                result->added_ids->len, result->closed_ids->len);
      ok = sf_store_audit (store, "case-counts", initials, detail, error);
    }
  if (!sf_store_finish (store, ok, error))
    {
      sf_counts_result_clear (result);
      return FALSE;
    }
  return TRUE;
}

gboolean
sf_cases_undo_counts (SfStore               *store,
                      const SfCountsResult  *result,
                      GError               **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (!sf_store_begin (store, error))
    return FALSE;
  if (result->added_ids != NULL && result->added_ids->len > 0)
    ok = sf_cases_delete_versioned (store, (const gint64 *) result->added_ids->data,
                                    result->added_versions != NULL ? (const gint64 *) result->added_versions->data
                                                                   : NULL,
                                    result->added_ids->len, error);
  if (ok && result->closed_ids != NULL && result->closed_ids->len > 0)
    ok = sf_cases_reopen_versioned (store, (const gint64 *) result->closed_ids->data,
                                    result->closed_versions != NULL ? (const gint64 *) result->closed_versions->data
                                                                    : NULL,
                                    result->closed_ids->len, NULL, error);
  return sf_store_finish (store, ok, error);
}

/* ---- effects --------------------------------------------------------- */

static gboolean
same_number (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return fabs (a - b) < SF_EPSILON;
}

/* Everyone whose open cases, load or status differ, in the order of
 * @before's caseworkers (people only in @after come last). */
GArray *
sf_cases_compare (const SfFigures *before,
                  const SfFigures *after)
{
  GArray *effects = g_array_new (FALSE, TRUE, sizeof (SfCaseEffect));

  for (guint i = 0; i < before->workers->len; i++)
    {
      const SfWorkerFigures *b = &g_array_index (before->workers, SfWorkerFigures, i);
      const SfWorkerFigures *a = sf_figures_find_worker (after, b->worker->id);
      SfCaseEffect effect = { 0 };

      effect.caseworker_id = b->worker->id;
      effect.open_before = b->open_cases;
      effect.load_before = b->weighted_load;
      effect.norm = b->adjusted_norm;
      effect.utilisation_before = b->utilisation;
      effect.status_before = b->status;
      if (a != NULL)
        {
          effect.open_after = a->open_cases;
          effect.load_after = a->weighted_load;
          effect.norm = a->adjusted_norm;
          effect.utilisation_after = a->utilisation;
          effect.status_after = a->status;
        }
      else
        {
          effect.utilisation_after = NAN;
          effect.status_after = SF_STATUS_WITHIN;
        }
      if (effect.open_before != effect.open_after ||
          !same_number (effect.load_before, effect.load_after) ||
          !same_number (effect.utilisation_before, effect.utilisation_after) ||
          effect.status_before != effect.status_after)
        g_array_append_val (effects, effect);
    }
  for (guint i = 0; i < after->workers->len; i++)
    {
      const SfWorkerFigures *a = &g_array_index (after->workers, SfWorkerFigures, i);
      SfCaseEffect effect = { 0 };

      if (sf_figures_find_worker (before, a->worker->id) != NULL)
        continue;
      effect.caseworker_id = a->worker->id;
      effect.open_after = a->open_cases;
      effect.load_after = a->weighted_load;
      effect.norm = a->adjusted_norm;
      effect.utilisation_before = NAN;
      effect.utilisation_after = a->utilisation;
      effect.status_before = SF_STATUS_WITHIN;
      effect.status_after = a->status;
      g_array_append_val (effects, effect);
    }
  return effects;
}

GArray *
sf_cases_preview_reassign (const SfDataset  *dataset,
                           const SfSettings *settings,
                           SfDay             ref,
                           const gint64     *ids,
                           guint             n_ids,
                           gint64            caseworker_id)
{
  g_autoptr(SfDataset) changed = sf_dataset_copy (dataset);
  g_autoptr(SfFigures) before = NULL;
  g_autoptr(SfFigures) after = NULL;

  for (guint i = 0; i < changed->cases->len; i++)
    {
      SfCase *kase = &g_array_index (changed->cases, SfCase, i);

      for (guint j = 0; j < n_ids; j++)
        if (kase->id == ids[j])
          {
            kase->caseworker_id = caseworker_id;
            if (kase->cover_id == caseworker_id)
              kase->cover_id = 0;
          }
    }
  before = sf_figures_compute (dataset, settings, ref);
  after = sf_figures_compute (changed, settings, ref);
  return sf_cases_compare (before, after);
}
