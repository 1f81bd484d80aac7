#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sf-db-bind.h"
#include "sf-error.h"
#include "sf-norms.h"
#include "sf-privacy.h"
#include "sf-conflict.h"
#include "sf-roster-edit.h"
#include "sf-text.h"

/* ---- checks ------------------------------------------------------------ */

/* The key people and files use for initials and team names: case and
 * Unicode form do not matter. */
char *
sf_roster_fold_key (const char *text)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* Initials are nearly always ASCII: fold those without Unicode tables
   * (a large import folds every line). */
  for (const char *p = text; ; p++)
    {
      if (*p == '\0')
        return g_ascii_strdown (text, -1);
      if ((guchar) *p >= 0x80)
        break;
    }

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  return g_utf8_casefold (normal ? normal : text, -1);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* A field that must be filled in is: else @missing is the error. */
static gboolean
check_given (const char  *text,
             const char  *missing,
             GError     **error)
{
  if (!is_blank (text))
    return TRUE;
  g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT, missing);
  return FALSE;
}

/* A period's two ends (either may be open) are in order: else @message is
 * the error. */
static gboolean
check_in_order (SfDay        first,
                SfDay        last,
                const char  *message,
                GError     **error)
{
  if (first == SF_DAY_NONE || last == SF_DAY_NONE || last >= first)
    return TRUE;
  g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT, message);
  return FALSE;
}

static char *
format_number (double value)
{
  return sf_format_decimal (value, fabs (value - round (value)) < 0.005 ? 0 : 2);
}

/* @what is translated and starts a sentence, e.g. "The name". */
gboolean
sf_roster_check_text (const char  *what,
                      const char  *text,
                      guint        max_chars,
                      GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > max_chars)
    {
      /* Translators: %s is e.g. "The name"; %u a number of characters */
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("%s is longer than %u characters."), what, max_chars);
      return FALSE;
    }
  if (sf_text_has_control (text))
    {
      /* Translators: %s is e.g. "The name" */
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("%s contains a control character (a line break, a tab or a terminal "
                     "code). Write it on one line, without them."), what);
      return FALSE;
    }
  return sf_privacy_check_text (what, text, error);
}

/* A character that shows nothing, or shows as a space: two sets of
 * initials that differ only by one would look the same. */
static gboolean
is_invisible (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
    default:
      return FALSE;
    }
}

gboolean
sf_roster_check_team_name (const char  *name,
                           GError     **error)
{
  return check_given (name, _("The team needs a name."), error) &&
         sf_roster_check_text (_("The team name"), name, SF_ROSTER_MAX_TEXT, error);
}

gboolean
sf_roster_check_initials (const char  *initials,
                          GError     **error)
{
  if (!check_given (initials, _("The initials are missing."), error))
    return FALSE;
  if (!g_utf8_validate (initials, -1, NULL) ||
      g_utf8_strlen (initials, -1) > SF_ROSTER_MAX_INITIALS ||
      strpbrk (initials, " \t\n\r") != NULL)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("“%s” are not initials: write at most %u letters, without spaces."),
                   initials, SF_ROSTER_MAX_INITIALS);
      return FALSE;
    }
  for (const char *p = initials; *p != '\0'; p = g_utf8_next_char (p))
    if (is_invisible (g_utf8_get_char (p)))
      {
        g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                     _("The initials “%s” contain an invisible character (such as a zero-width or "
                       "no-break space): they would look like other initials. Type them again."),
                     initials);
        return FALSE;
      }
  {
    /* Å typed as A and a ring above is Å: one caseworker, not two */
    g_autofree char *composed = g_utf8_normalize (initials, -1, G_NORMALIZE_DEFAULT_COMPOSE);

    if (g_strcmp0 (composed, initials) != 0)
      {
        g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                     _("The initials “%s” are written with combining characters: they would look "
                       "like other initials. Type them again."), initials);
        return FALSE;
      }
  }
  return sf_roster_check_text (_("The initials"), initials, SF_ROSTER_MAX_INITIALS, error);
}

gboolean
sf_roster_check_name (const char  *name,
                      GError     **error)
{
  return check_given (name, _("The name is missing."), error) &&
         sf_roster_check_text (_("The name"), name, SF_ROSTER_MAX_TEXT, error);
}

/* Contracted hours: 0 up to full time (37 by default). */
gboolean
sf_roster_check_weekly_hours (const SfSettings  *settings,
                              double             hours,
                              GError           **error)
{
  if (isnan (hours) || hours < 0 || hours > settings->full_time_hours)
    {
      g_autofree char *value = sf_format_hours (hours);
      g_autofree char *full = sf_format_hours (settings->full_time_hours);

      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("The weekly hours must be between 0 and %s (full time), not %s."),
                   full, value);
      return FALSE;
    }
  return TRUE;
}

/* One reduction: more than 0 hours, at most full time. */
gboolean
sf_roster_check_reduction_hours (const SfSettings  *settings,
                                 double             hours,
                                 GError           **error)
{
  if (isnan (hours) || hours <= 0 || hours > settings->full_time_hours)
    {
      g_autofree char *value = sf_format_hours (hours);
      g_autofree char *full = sf_format_hours (settings->full_time_hours);

      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("A reduction must be more than 0 and at most %s hours a week, not %s."),
                   full, value);
      return FALSE;
    }
  return TRUE;
}

/* Reductions in force at the same time never exceed the contracted hours. */
gboolean
sf_roster_check_reductions_total (double   reduction_hours,
                                  double   weekly_hours,
                                  GError **error)
{
  if (reduction_hours > weekly_hours + SF_EPSILON)
    {
      g_autofree char *reduced = sf_format_hours (reduction_hours);
      g_autofree char *hours = sf_format_hours (weekly_hours);

      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("The reductions (%s hours a week at the same time) are more than the "
                     "weekly hours (%s)."), reduced, hours);
      return FALSE;
    }
  return TRUE;
}

gboolean
sf_roster_check_factor (double   factor,
                        GError **error)
{
  if (isnan (factor) || factor < 0 || factor > 1)
    {
      g_autofree char *value = format_number (factor);

      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("The individual factor must be between 0 and 1, not %s."), value);
      return FALSE;
    }
  return TRUE;
}

/* The municipality's own cap: more than 0 and at most SF_NORM_MAX cases when
 * @given; 0 when not (the DS figure applies). */
gboolean
sf_roster_check_cap (double   cap,
                     gboolean given,
                     GError **error)
{
  if (isnan (cap) || cap < 0 || cap > SF_NORM_MAX || (given && cap == 0))
    {
      g_autofree char *value = format_number (cap);

      /* Translators: %g is the largest norm (1000), %s the value given */
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("The team norm must be more than 0 and at most %g cases, or left "
                     "empty; not %s."), SF_NORM_MAX, value);
      return FALSE;
    }
  return TRUE;
}

gboolean
sf_roster_check_period (SfDay    from,
                        SfDay    to,
                        GError **error)
{
  return check_in_order (from, to, _("The period ends before it starts."), error);
}

/* A caseworker works from the start date through the last working day. */
gboolean
sf_roster_check_last_day (SfDay    start,
                          SfDay    end,
                          GError **error)
{
  return check_in_order (start, end, _("The last working day comes before the start date. Correct one of them."),
                         error);
}

/* The most hours the reductions take away on any one day.  The total only
 * rises where a period starts, so those days (and the open beginning) are
 * the only ones to look at. */
double
sf_roster_max_reduction_hours (const SfReduction *reductions,
                               guint              n_reductions)
{
  double most = sf_capacity_active_reductions (reductions, n_reductions, 1);

  for (guint i = 0; i < n_reductions; i++)
    if (reductions[i].from != SF_DAY_NONE)
      most = MAX (most, sf_capacity_active_reductions (reductions, n_reductions, reductions[i].from));
  return most;
}

gboolean
sf_roster_check_reductions (const SfSettings   *settings,
                            double              weekly_hours,
                            const SfReduction  *reductions,
                            guint               n_reductions,
                            GError            **error)
{
  for (guint i = 0; i < n_reductions; i++)
    {
      if (!sf_roster_check_reduction_hours (settings, reductions[i].hours, error) ||
          !sf_roster_check_period (reductions[i].from, reductions[i].to, error) ||
          !sf_roster_check_text (_("The note on a reduction"), reductions[i].note,
                                 SF_ROSTER_MAX_TEXT, error))
        return FALSE;
    }
  return sf_roster_check_reductions_total (sf_roster_max_reduction_hours (reductions, n_reductions),
                                           weekly_hours, error);
}

static const char * const absence_kinds[] = { "sick", "leave", "parental-leave", "other", NULL };

const char * const *
sf_roster_absence_kinds (void)
{
  return absence_kinds;
}

const char *
sf_roster_absence_kind_label (const char *kind)
{
  if (is_blank (kind))
    return _("Present");
  if (g_str_equal (kind, "sick"))
    return _("Long-term sick leave");
  if (g_str_equal (kind, "leave"))
    return _("Leave of absence");
  if (g_str_equal (kind, "parental-leave"))
    return _("Parental leave");
  if (g_str_equal (kind, "other"))
    return _("Other absence");
  return kind;
}

/* ---- lookups ----------------------------------------------------------- */

static gint64
find_folded (SfStore    *store,
             const char *sql,
             const char *text,
             gint64      except_id)
{
  g_autofree char *key = NULL;
  SfDbStmt *stmt;
  gint64 found = 0;

  if (is_blank (text))
    return 0;
  key = sf_roster_fold_key (text);
  stmt = sf_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return 0;
  while (found == 0 && sf_db_stmt_step (stmt) == SF_DB_ROW)
    {
      gint64 id = sf_db_stmt_column_int64 (stmt, 0);
      g_autofree char *other = sf_roster_fold_key (sf_db_stmt_column_text (stmt, 1));

      if (id != except_id && g_str_equal (key, other))
        found = id;
    }
  sf_db_stmt_free (stmt);
  return found;
}

gint64
sf_roster_find_initials (SfStore    *store,
                         const char *initials,
                         gint64      except_id)
{
  g_return_val_if_fail (SF_IS_STORE (store), 0);
  return find_folded (store, "SELECT id, initials FROM caseworker", initials, except_id);
}

gint64
sf_roster_find_team_name (SfStore    *store,
                          const char *name,
                          gint64      except_id)
{
  g_return_val_if_fail (SF_IS_STORE (store), 0);
  return find_folded (store, "SELECT id, name FROM team", name, except_id);
}

static gboolean
not_found (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND, message);
  return FALSE;
}

/* ---- teams ------------------------------------------------------------- */

static gboolean
check_team (SfStore       *store,
            const SfTeam  *team,
            GError       **error)
{
  if (!sf_roster_check_team_name (team->name, error) ||
      !sf_roster_check_cap (team->cap, team->cap != 0, error))
    return FALSE;
  if (sf_roster_find_team_name (store, team->name, team->id) != 0)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("There is already a team called “%s”. Give this one another name."),
                   team->name);
      return FALSE;
    }
  if (sf_store_query_int (store, "SELECT count(*) FROM area WHERE id = ?1", team->area_id) == 0)
    return not_found (error, _("Choose the team’s case area."));
  /* An own area without a range gives the team no norm: it needs a cap. */
  if (!(team->cap > 0) &&
      sf_store_query_int (store, "SELECT count(*) FROM area WHERE id = ?1 AND custom = 1 AND own_high IS NULL",
                  team->area_id) > 0)
    {
      g_autofree char *area = sf_store_query_text (store, "SELECT name FROM area WHERE id = ?1", team->area_id);

      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("“%s” is an own case area without a range: give the team a cap of its own, "
                     "or give the area a range in Preferences."), area);
      return FALSE;
    }
  return TRUE;
}

gint64
sf_roster_save_team (SfStore       *store,
                     const SfTeam  *team,
                     GError       **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *area_key = NULL;
  SfDbStmt *stmt;
  gint64 id = team->id;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), 0);
  g_return_val_if_fail (team != NULL, 0);

  if (!check_team (store, team, error))
    return 0;
  if (id != 0 && sf_store_query_int (store, "SELECT count(*) FROM team WHERE id = ?1", id) == 0)
    {
      not_found (error, _("The team no longer exists."));
      return 0;
    }

  if (!sf_store_begin (store, error))
    return 0;
  if (!sf_conflict_claim (store, "team", id, team->version, error))
    return sf_store_finish (store, FALSE, error);
  if (id == 0)
    stmt = sf_store_prepare (store, "INSERT INTO team (name, area_id, cap) VALUES (?2, ?3, ?4) RETURNING id", error);
  else
    stmt = sf_store_prepare (store, "UPDATE team SET name = ?2, area_id = ?3, cap = ?4 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      if (id != 0)
        sf_db_stmt_bind_int64 (stmt, 1, id);
      sf_db_stmt_bind_text (stmt, 2, team->name);
      sf_db_stmt_bind_int64 (stmt, 3, team->area_id);
      if (team->cap > 0)
        sf_db_stmt_bind_double (stmt, 4, team->cap);
    }
  ok = id != 0 ? sf_store_run (store, stmt, error) : sf_store_run_returning (store, stmt, &id, error);

  area_key = sf_store_query_text (store, "SELECT key FROM area WHERE id = ?1", team->area_id);
  detail = g_strdup_printf ("id %" G_GINT64_FORMAT ", area %s, cap %g", id,
                            area_key ? area_key : "?", team->cap);
  ok = ok && sf_store_audit (store, team->id == 0 ? "team-create" : "team-update",
                             team->name, detail, error);
  return sf_store_finish (store, ok, error) ? id : 0;
}

/* ---- caseworkers ------------------------------------------------------- */

static gboolean
check_caseworker (SfStore             *store,
                  const SfSettings    *settings,
                  const SfCaseworker  *worker,
                  const SfReduction   *reductions,
                  guint                n_reductions,
                  GError             **error)
{
  if (!sf_roster_check_initials (worker->initials, error) ||
      !sf_roster_check_name (worker->name, error) ||
      !sf_roster_check_weekly_hours (settings, worker->weekly_hours, error) ||
      !sf_roster_check_reductions (settings, worker->weekly_hours, reductions, n_reductions, error) ||
      !sf_roster_check_factor (worker->individual_factor, error) ||
      !sf_roster_check_text (_("The reason for the factor"), worker->factor_reason,
                             SF_ROSTER_MAX_TEXT, error) ||
      !sf_roster_check_text (_("The kind of absence"), worker->absence_kind,
                             SF_ROSTER_MAX_ABSENCE_KIND, error) ||
      !sf_roster_check_period (worker->absence_from, worker->absence_to, error))
    return FALSE;
  if (!sf_roster_check_last_day (worker->start, worker->end, error))
    return FALSE;
  if (worker->individual_factor < 1 && is_blank (worker->factor_reason))
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("Write the reason for the individual factor, so that the norm can be "
                             "explained to the caseworker."));
      return FALSE;
    }
  if (sf_roster_find_initials (store, worker->initials, worker->id) != 0)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("Another caseworker already has the initials “%s”. Initials must be unique."),
                   worker->initials);
      return FALSE;
    }
  if (sf_store_query_int (store, "SELECT count(*) FROM team WHERE id = ?1", worker->team_id) == 0)
    return not_found (error, _("Choose the caseworker’s team."));
  return TRUE;
}

/* Whether caseworker @id's stored reductions are @reductions, in order. */
static gboolean
same_reductions (SfStore            *store,
                 gint64              id,
                 const SfReduction  *reductions,
                 guint               n_reductions)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) stored = g_array_new (FALSE, TRUE, sizeof (SfReduction));

  g_array_set_clear_func (stored, sf_reduction_clear);
  g_array_append_val (ids, id);
  if (!sf_store_load_reductions_of (store, ids, stored, NULL) || stored->len != n_reductions)
    return FALSE;
  for (guint i = 0; i < n_reductions; i++)
    {
      const SfReduction *a = &g_array_index (stored, SfReduction, i);
      const SfReduction *b = &reductions[i];

      if (a->hours != b->hours || a->reason != b->reason || a->from != b->from || a->to != b->to ||
          g_strcmp0 (a->note, b->note) != 0)
        return FALSE;
    }
  return TRUE;
}

gint64
sf_roster_save_caseworker (SfStore             *store,
                           const SfCaseworker  *worker,
                           const SfReduction   *reductions,
                           guint                n_reductions,
                           GError             **error)
{
  SfSettings settings;
  g_autofree char *detail = NULL;
  g_autofree char *team = NULL;
  g_autofree char *end_iso = worker->end != SF_DAY_NONE ? sf_day_to_iso (worker->end) : NULL;
  gboolean absent;
  SfDbStmt *stmt;
  gint64 id = worker->id;
  guint n_reductions_written;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), 0);
  g_return_val_if_fail (worker != NULL, 0);
  g_return_val_if_fail (reductions != NULL || n_reductions == 0, 0);

  if (!sf_store_load_settings (store, &settings, error) ||
      !check_caseworker (store, &settings, worker, reductions, n_reductions, error))
    return 0;
  if (id != 0 && sf_store_query_int (store, "SELECT count(*) FROM caseworker WHERE id = ?1", id) == 0)
    {
      not_found (error, _("The caseworker no longer exists."));
      return 0;
    }

  absent = !is_blank (worker->absence_kind);
  n_reductions_written = n_reductions;
  if (!sf_store_begin (store, error))
    return 0;
  if (!sf_conflict_claim (store, "caseworker", id, worker->version, error))
    return sf_store_finish (store, FALSE, error);
  if (id == 0)
    stmt = sf_store_prepare (store,
                             "INSERT INTO caseworker (initials, name, team_id, weekly_hours, start_date,"
                             "  absence_kind, absence_from, absence_to, individual_factor, factor_reason, end_date)"
                             " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id", error);
  else
    stmt = sf_store_prepare (store,
                             "UPDATE caseworker SET initials = ?2, name = ?3, team_id = ?4,"
                             "  weekly_hours = ?5, start_date = ?6, absence_kind = ?7,"
                             "  absence_from = ?8, absence_to = ?9, individual_factor = ?10,"
                             "  factor_reason = ?11, end_date = ?12 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      if (id != 0)
        sf_db_stmt_bind_int64 (stmt, 1, id);
      sf_db_stmt_bind_text (stmt, 2, worker->initials);
      sf_db_stmt_bind_text (stmt, 3, worker->name);
      sf_db_stmt_bind_int64 (stmt, 4, worker->team_id);
      sf_db_stmt_bind_double (stmt, 5, worker->weekly_hours);
      sf_db_stmt_bind_day (stmt, 6, worker->start);
      sf_store_bind_text_or_null (stmt, 7, worker->absence_kind);
      sf_db_stmt_bind_day (stmt, 8, absent ? worker->absence_from : SF_DAY_NONE);
      sf_db_stmt_bind_day (stmt, 9, absent ? worker->absence_to : SF_DAY_NONE);
      sf_db_stmt_bind_double (stmt, 10, worker->individual_factor);
      sf_store_bind_text_or_null (stmt, 11, worker->individual_factor < 1 ? worker->factor_reason : NULL);
      sf_db_stmt_bind_day (stmt, 12, worker->end);
    }
  ok = id != 0 ? sf_store_run (store, stmt, error) : sf_store_run_returning (store, stmt, &id, error);

  /* Reductions as they are stored keep their rows */
  if (ok && worker->id != 0 && same_reductions (store, id, reductions, n_reductions))
    n_reductions_written = 0;
  else if (ok)
    {
      stmt = sf_store_prepare (store, "DELETE FROM reduction WHERE caseworker_id = ?1", error);
      if (stmt != NULL)
        sf_db_stmt_bind_int64 (stmt, 1, id);
      ok = sf_store_run (store, stmt, error);
    }
  for (guint i = 0; ok && i < n_reductions_written; i++)
    {
      const SfReduction *r = &reductions[i];

      stmt = sf_store_prepare (store,
                               "INSERT INTO reduction (caseworker_id, hours, reason, note, valid_from, valid_to)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt != NULL)
        {
          sf_db_stmt_bind_int64 (stmt, 1, id);
          sf_db_stmt_bind_double (stmt, 2, r->hours);
          sf_db_stmt_bind_text_static (stmt, 3, sf_reduction_reason_to_key (r->reason));
          sf_store_bind_text_or_null (stmt, 4, r->note);
          sf_db_stmt_bind_day (stmt, 5, r->from);
          sf_db_stmt_bind_day (stmt, 6, r->to);
        }
      ok = sf_store_run (store, stmt, error);
    }

  team = sf_store_query_text (store, "SELECT name FROM team WHERE id = ?1", worker->team_id);
  detail = g_strdup_printf ("id %" G_GINT64_FORMAT ", %s, team %s, %g hours, %u reductions, "
                            "factor %g, absence %s, last day %s",
                            id, worker->name, team ? team : "?", worker->weekly_hours, n_reductions,
                            worker->individual_factor, absent ? worker->absence_kind : "none",
                            end_iso != NULL ? end_iso : "none");
  ok = ok && sf_store_audit (store, worker->id == 0 ? "caseworker-create" : "caseworker-update",
                             worker->initials, detail, error);
  return sf_store_finish (store, ok, error) ? id : 0;
}

/* ---- snapshots ----------------------------------------------------------
 *
 * A snapshot holds the rows a removal deleted (with every row that the
 * database's ON DELETE CASCADE took along, found from the schema itself, so
 * a table added later is kept too) and the old values of the columns it
 * changed.  Undo inserts the rows back in the order they were taken, parent
 * before child, then writes the old values back. */

typedef struct
{
  char      *table;
  GPtrArray *columns;              /* char * */
  GPtrArray *values;               /* SfDbValue *, one per column */
} Row;

typedef struct
{
  char          *table;
  char          *column;
  gint64         rowid;            /* the row's id */
  SfDbValue     *old_value;
  gint64         version;          /* the row's version after the change; 0 = none */
} Change;

struct _SfRosterSnapshot
{
  char      *summary;
  char      *action;
  GPtrArray *rows;                 /* Row *, parents first */
  GPtrArray *changes;              /* Change *, in the order made */
};

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->table);
  g_ptr_array_unref (row->columns);
  g_ptr_array_unref (row->values);
  g_free (row);
}

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->table);
  g_free (change->column);
  sf_db_value_free (change->old_value);
  g_free (change);
}

static SfRosterSnapshot *
snapshot_new (const char *action)
{
  SfRosterSnapshot *snapshot = g_new0 (SfRosterSnapshot, 1);

  snapshot->action = g_strdup (action);
  snapshot->rows = g_ptr_array_new_with_free_func (row_free);
  snapshot->changes = g_ptr_array_new_with_free_func (change_free);
  return snapshot;
}

void
sf_roster_snapshot_free (SfRosterSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->summary);
  g_free (snapshot->action);
  g_ptr_array_unref (snapshot->rows);
  g_ptr_array_unref (snapshot->changes);
  g_free (snapshot);
}

const char *
sf_roster_snapshot_get_summary (SfRosterSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, NULL);
  return snapshot->summary;
}

static char *
quote_name (const char *name)
{
  g_autoptr(GString) quoted = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/* The single-column foreign keys that point at @parent with ON DELETE CASCADE. */
static GPtrArray *
cascading_children (SfStore     *store,
                    const char  *parent,
                    GError     **error)
{
  g_autoptr(GPtrArray) keys = sf_db_foreign_keys_to (sf_store_get_db (store), parent, NULL);

  if (keys == NULL)
    {
      sf_store_set_db_error (store, error);
      return NULL;
    }
  for (guint i = keys->len; i > 0; i--)
    if (!((SfDbForeignKey *) g_ptr_array_index (keys, i - 1))->cascade)
      g_ptr_array_remove_index (keys, i - 1);
  return g_steal_pointer (&keys);
}

static SfDbValue *
row_get (Row        *row,
         const char *column)
{
  for (guint i = 0; i < row->columns->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (row->columns, i), column) == 0)
      return g_ptr_array_index (row->values, i);
  return NULL;
}

/* Takes the rows of @table whose @column equals @value into @snapshot, and,
 * depth first, the rows that would cascade with each of them. */
static gboolean
capture (SfStore           *store,
         SfRosterSnapshot  *snapshot,
         const char        *table,
         const char        *column,
         SfDbValue   *value,
         guint              depth,
         GError           **error)
{
  g_autofree char *qtable = quote_name (table);
  g_autofree char *qcolumn = quote_name (column);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s = ?1", qtable, qcolumn);
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GPtrArray) taken = g_ptr_array_new ();
  SfDbStmt *stmt;
  int rc;

  if (depth > 8)
    return TRUE;

  stmt = sf_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_value (stmt, 1, value);
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      Row *row = g_new0 (Row, 1);
      int n = sf_db_stmt_column_count (stmt);

      row->table = g_strdup (table);
      row->columns = g_ptr_array_new_with_free_func (g_free);
      row->values = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_db_value_free);
      for (int c = 0; c < n; c++)
        {
          g_ptr_array_add (row->columns, g_strdup (sf_db_stmt_column_name (stmt, c)));
          g_ptr_array_add (row->values, sf_db_stmt_column_value (stmt, c));
        }
      g_ptr_array_add (taken, row);
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      g_ptr_array_foreach (taken, (GFunc) row_free, NULL);
      sf_store_set_db_error (store, error);
      return FALSE;
    }
  if (taken->len == 0)
    return TRUE;

  children = cascading_children (store, table, error);
  if (children == NULL)
    {
      g_ptr_array_foreach (taken, (GFunc) row_free, NULL);
      return FALSE;
    }

  /* The snapshot owns the rows from here */
  for (guint i = 0; i < taken->len; i++)
    g_ptr_array_add (snapshot->rows, g_ptr_array_index (taken, i));

  for (guint i = 0; i < taken->len; i++)
    {
      Row *row = g_ptr_array_index (taken, i);

      for (guint k = 0; k < children->len; k++)
        {
          SfDbForeignKey *key = g_ptr_array_index (children, k);
          const char *parent_column = key->to;
          SfDbValue *parent_value = row_get (row, parent_column);

          if (parent_value == NULL)
            continue;
          if (!capture (store, snapshot, key->child, key->from, parent_value, depth + 1, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
capture_id (SfStore           *store,
            SfRosterSnapshot  *snapshot,
            const char        *table,
            gint64             id,
            GError           **error)
{
  g_autoptr(SfDbValue) value = sf_db_value_new_int64 (id);

  return capture (store, snapshot, table, "id", value, 0, error);
}

/* The versions of the rows that changes @from … last left, so that undo
 * sees whether someone changed them since (the newest change of a row
 * holds its last version). */
static gboolean
note_versions (SfStore           *store,
               SfRosterSnapshot  *snapshot,
               guint              from)
{
  for (guint i = from; i < snapshot->changes->len; i++)
    {
      Change *change = g_ptr_array_index (snapshot->changes, i);
      g_autofree char *sql = NULL;

      if (!sf_conflict_is_versioned (change->table))
        continue;
      sql = g_strdup_printf ("SELECT version FROM %s WHERE id = ?1", change->table);
      change->version = sf_store_query_int (store, sql, change->rowid);
    }
  return TRUE;
}

/* Claims every row the snapshot changed at the version it left it, newest
 * change first (a row once): someone's later change is not overwritten. */
static gboolean
claim_changed_rows (SfStore           *store,
                    SfRosterSnapshot  *snapshot,
                    GError           **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = snapshot->changes->len; i > 0; i--)
    {
      Change *change = g_ptr_array_index (snapshot->changes, i - 1);
      char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, change->table, change->rowid);

      if (!g_hash_table_add (seen, key))
        continue;
      if (!sf_conflict_claim (store, change->table, change->rowid, change->version, error))
        return FALSE;
    }
  return TRUE;
}

/* Sets @column of the @table rows matching @where (which binds ?1 = @key)
 * to @new_value (bound as ?2, or NULL when 0), remembering the old values. */
static gboolean
change_rows (SfStore           *store,
             SfRosterSnapshot  *snapshot,
             const char        *table,
             const char        *column,
             const char        *where,
             gint64             key,
             gint64             new_value,
             GError           **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT id, %s FROM %s WHERE %s", column, table, where);
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1", table, column);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SfDbStmt *stmt;
  int rc;

  stmt = sf_store_prepare (store, select, error);
  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_int64 (stmt, 1, key);
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      Change *change = g_new0 (Change, 1);

      change->table = g_strdup (table);
      change->column = g_strdup (column);
      change->rowid = sf_db_stmt_column_int64 (stmt, 0);
      change->old_value = sf_db_stmt_column_value (stmt, 1);
      g_ptr_array_add (snapshot->changes, change);
      g_array_append_val (rowids, change->rowid);
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      return FALSE;
    }

  stmt = sf_store_prepare (store, update, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < rowids->len; i++)
    {
      sf_db_stmt_bind_int64 (stmt, 1, g_array_index (rowids, gint64, i));
      if (new_value != 0)
        sf_db_stmt_bind_int64 (stmt, 2, new_value);
      if (!sf_store_step_done (store, stmt, error))
        {
          sf_db_stmt_free (stmt);
          return FALSE;
        }
    }
  sf_db_stmt_free (stmt);
  return note_versions (store, snapshot, snapshot->changes->len - rowids->len);
}

static gboolean
delete_id (SfStore     *store,
           const char  *table,
           gint64       id,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  SfDbStmt *stmt = sf_store_prepare (store, sql, error);

  if (stmt != NULL)
    sf_db_stmt_bind_int64 (stmt, 1, id);
  return sf_store_run (store, stmt, error);
}

/* "Name (INITIALS)" of caseworker @id, and their initials in
 * @out_initials (may be NULL); NULL when there is no such caseworker. */
static char *
worker_label (SfStore  *store,
              gint64    id,
              char    **out_initials)
{
  g_autofree char *initials = sf_store_query_text (store, "SELECT initials FROM caseworker WHERE id = ?1", id);
  g_autofree char *name = sf_store_query_text (store, "SELECT name FROM caseworker WHERE id = ?1", id);
  char *label;

  if (initials == NULL)
    return NULL;
  label = g_strdup_printf ("%s (%s)", name ? name : "", initials);
  if (out_initials != NULL)
    *out_initials = g_steal_pointer (&initials);
  return label;
}

/* worker_label() of the caseworker an edit is about; NULL, saying so in
 * @error, when there is none. */
static char *
existing_worker_label (SfStore  *store,
                       gint64    id,
                       char    **out_initials,
                       GError  **error)
{
  char *label = worker_label (store, id, out_initials);

  if (label == NULL)
    not_found (error, _("The caseworker no longer exists."));
  return label;
}

/* Ends the write of an edit that can be undone: its line in the change log
 * (the snapshot's action, @subject and @detail) and the commit, when @ok.
 * Returns @snapshot, or NULL (freeing it) when the edit was not made. */
static SfRosterSnapshot *
finish_snapshot (SfStore           *store,
                 SfRosterSnapshot  *snapshot,
                 gboolean           ok,
                 const char        *subject,
                 const char        *detail,
                 GError           **error)
{
  g_autoptr(SfRosterSnapshot) owned = snapshot;

  ok = ok && sf_store_audit (store, owned->action, subject, detail, error);
  if (!sf_store_finish (store, ok, error))
    return NULL;
  return g_steal_pointer (&owned);
}

SfRosterSnapshot *
sf_roster_remove_caseworker (SfStore  *store,
                             gint64    caseworker_id,
                             gint64    successor_id,
                             GError  **error)
{
  g_autoptr(SfRosterSnapshot) snapshot = NULL;
  g_autofree char *label = NULL;
  g_autofree char *successor = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *initials = NULL;
  gint64 n_cases;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  label = existing_worker_label (store, caseworker_id, &initials, error);
  if (label == NULL)
    return NULL;
  if (successor_id != 0)
    {
      successor = worker_label (store, successor_id, NULL);
      if (successor == NULL || successor_id == caseworker_id)
        {
          not_found (error, _("Choose another caseworker to take over the cases."));
          return NULL;
        }
    }
  n_cases = sf_store_query_int (store, "SELECT count(*) FROM casefile WHERE caseworker_id = ?1", caseworker_id);
  if (n_cases > 0 && successor_id == 0)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("%s has cases. Choose a colleague to take them over before removing them."),
                   label);
      return NULL;
    }

  snapshot = snapshot_new ("caseworker-remove");
  /* Translators: shown in a toast; %s is a name with initials */
  snapshot->summary = g_strdup_printf (_("%s removed"), label);

  if (!sf_store_begin (store, error))
    return NULL;
  /* A case never has the same person as primary and cover: a successor who
   * covered one of the cases becomes its primary, without a cover. */
  ok = TRUE;
  if (successor_id != 0)
    {
      g_autofree char *where = g_strdup_printf ("caseworker_id = ?1 AND cover_id = %" G_GINT64_FORMAT,
                                                successor_id);

      ok = change_rows (store, snapshot, "casefile", "cover_id", where, caseworker_id, 0, error);
    }
  if (ok && successor_id != 0)
    {
      g_autofree char *where = g_strdup_printf ("cover_id = ?1 AND caseworker_id <> %" G_GINT64_FORMAT,
                                                successor_id);

      ok = change_rows (store, snapshot, "casefile", "caseworker_id",
                        "caseworker_id = ?1", caseworker_id, successor_id, error) &&
           change_rows (store, snapshot, "casefile", "cover_id", where, caseworker_id, successor_id, error);
    }
  /* Covers nobody takes over end: the case is its primary caseworker's again */
  ok = ok && change_rows (store, snapshot, "casefile", "cover_id", "cover_id = ?1", caseworker_id, 0, error);
  ok = ok && capture_id (store, snapshot, "caseworker", caseworker_id, error);
  ok = ok && delete_id (store, "caseworker", caseworker_id, error);

  detail = g_strdup_printf ("id %" G_GINT64_FORMAT ", %s; %" G_GINT64_FORMAT " cases to %s",
                            caseworker_id, label, n_cases, successor ? successor : "nobody");
  return finish_snapshot (store, g_steal_pointer (&snapshot), ok, initials, detail, error);
}

SfRosterSnapshot *
sf_roster_move_caseworker (SfStore  *store,
                           gint64    caseworker_id,
                           gint64    team_id,
                           GError  **error)
{
  g_autoptr(SfRosterSnapshot) snapshot = NULL;
  g_autofree char *label = NULL;
  g_autofree char *team = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *initials = NULL;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  label = existing_worker_label (store, caseworker_id, &initials, error);
  if (label == NULL)
    return NULL;
  team = sf_store_query_text (store, "SELECT name FROM team WHERE id = ?1", team_id);
  if (team == NULL)
    {
      not_found (error, _("Choose the team to move to."));
      return NULL;
    }

  snapshot = snapshot_new ("caseworker-move");
  /* Translators: shown in a toast; the first %s is a name with initials, the second a team */
  snapshot->summary = g_strdup_printf (_("%s moved to %s"), label, team);

  if (!sf_store_begin (store, error))
    return NULL;
  ok = change_rows (store, snapshot, "caseworker", "team_id", "id = ?1", caseworker_id, team_id, error);
  detail = g_strdup_printf ("id %" G_GINT64_FORMAT " to team %s", caseworker_id, team);
  return finish_snapshot (store, g_steal_pointer (&snapshot), ok, initials, detail, error);
}

SfRosterSnapshot *
sf_roster_remove_team (SfStore  *store,
                       gint64    team_id,
                       gint64    destination_id,
                       GError  **error)
{
  g_autoptr(SfRosterSnapshot) snapshot = NULL;
  g_autofree char *name = NULL;
  g_autofree char *destination = NULL;
  g_autofree char *detail = NULL;
  gint64 members;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  name = sf_store_query_text (store, "SELECT name FROM team WHERE id = ?1", team_id);
  if (name == NULL)
    {
      not_found (error, _("The team no longer exists."));
      return NULL;
    }
  members = sf_store_query_int (store, "SELECT count(*) FROM caseworker WHERE team_id = ?1", team_id);
  if (destination_id != 0)
    {
      destination = sf_store_query_text (store, "SELECT name FROM team WHERE id = ?1", destination_id);
      if (destination == NULL || destination_id == team_id)
        {
          not_found (error, _("Choose another team for the members."));
          return NULL;
        }
    }
  else if (members > 0)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The team “%s” has %d member. Choose a team for them, or move "
                                "them first.",
                                "The team “%s” has %d members. Choose a team for them, or move "
                                "them first.",
                                (gulong) members),
                   name, (int) members);
      return NULL;
    }

  snapshot = snapshot_new ("team-remove");
  /* Translators: shown in a toast; %s is a team */
  snapshot->summary = g_strdup_printf (_("Team “%s” removed"), name);

  if (!sf_store_begin (store, error))
    return NULL;
  ok = destination_id == 0 ||
       change_rows (store, snapshot, "caseworker", "team_id", "team_id = ?1", team_id, destination_id, error);
  ok = ok && capture_id (store, snapshot, "team", team_id, error);
  ok = ok && delete_id (store, "team", team_id, error);
  detail = g_strdup_printf ("id %" G_GINT64_FORMAT "; %" G_GINT64_FORMAT " members to %s",
                            team_id, members, destination ? destination : "nobody");
  return finish_snapshot (store, g_steal_pointer (&snapshot), ok, name, detail, error);
}

static gboolean
insert_row (SfStore  *store,
            Row      *row,
            GError  **error)
{
  g_autofree char *qtable = quote_name (row->table);
  g_autoptr(GString) sql = g_string_new (NULL);
  SfDbStmt *stmt;

  g_string_append_printf (sql, "INSERT INTO %s (", qtable);
  for (guint i = 0; i < row->columns->len; i++)
    {
      g_autofree char *qcolumn = quote_name (g_ptr_array_index (row->columns, i));

      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", qcolumn);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < row->columns->len; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append_c (sql, ')');

  stmt = sf_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < row->values->len; i++)
    sf_db_stmt_bind_value (stmt, (int) i + 1, g_ptr_array_index (row->values, i));
  return sf_store_run (store, stmt, error);
}

static gboolean
revert_change (SfStore  *store,
               Change   *change,
               GError  **error)
{
  g_autofree char *qtable = quote_name (change->table);
  g_autofree char *qcolumn = quote_name (change->column);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1", qtable, qcolumn);
  SfDbStmt *stmt = sf_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_int64 (stmt, 1, change->rowid);
  sf_db_stmt_bind_value (stmt, 2, change->old_value);
  return sf_store_run (store, stmt, error);
}

gboolean
sf_roster_undo (SfStore           *store,
                SfRosterSnapshot  *snapshot,
                GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  /* A step of a larger undo (a scenario's) finds its rows changed by the
   * steps undone before it: only an undo of its own checks the versions */
  gboolean alone = !sf_db_in_transaction (sf_store_get_db (store));
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!sf_store_begin (store, error))
    return FALSE;

  ok = !alone || claim_changed_rows (store, snapshot, &local_error);
  for (guint i = 0; ok && i < snapshot->rows->len; i++)
    ok = insert_row (store, g_ptr_array_index (snapshot->rows, i), &local_error);
  /* Later changes may depend on earlier ones: revert newest first */
  for (guint i = snapshot->changes->len; ok && i > 0; i--)
    ok = revert_change (store, g_ptr_array_index (snapshot->changes, i - 1), &local_error);
  ok = ok && sf_store_audit (store, "undo", snapshot->action, snapshot->summary, &local_error);

  if (!ok)
    {
      sf_store_rollback (store);
      if (sf_conflict_get (local_error) != NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("Could not undo: "));
          return FALSE;
        }
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("Could not undo: the data changed since (%s). Nothing was changed."),
                   local_error != NULL ? local_error->message : "");
      return FALSE;
    }
  return sf_store_finish (store, TRUE, error);
}

/* ---- the norm, explained ----------------------------------------------- */

void
sf_norm_factor_free (SfNormFactor *factor)
{
  if (factor == NULL)
    return;
  g_free (factor->label);
  g_free (factor->reason);
  g_free (factor);
}

static void
add_factor (GPtrArray  *factors,
            const char *label,
            double      value,
            char       *reason)
{
  SfNormFactor *factor = g_new0 (SfNormFactor, 1);

  factor->label = g_strdup (label);
  factor->value = value;
  factor->reason = reason;
  g_ptr_array_add (factors, factor);
}

GPtrArray *
sf_roster_explain_norm (const SfFigures *figures,
                        gint64           caseworker_id)
{
  const SfWorkerFigures *wf;
  const SfCaseworker *worker;
  const SfDataset *dataset;
  const SfArea *area = NULL;
  GPtrArray *factors;
  g_autoptr(GString) reason = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *full = NULL;
  gboolean reduced;

  g_return_val_if_fail (figures != NULL, NULL);

  wf = sf_figures_find_worker (figures, caseworker_id);
  if (wf == NULL)
    return NULL;
  worker = wf->worker;
  dataset = figures->dataset;
  if (wf->team != NULL)
    area = sf_dataset_find_area (dataset, wf->team->area_id);

  factors = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_norm_factor_free);

  /* Team norm */
  if (wf->team != NULL && wf->team->cap > 0)
    add_factor (factors, _("Team norm"), wf->base_norm,
                g_strdup_printf (_("The municipality’s own cap for the team “%s”."), wf->team->name));
  else if (area != NULL && area->custom)
    {
      double low, high;

      if (sf_area_get_range (area, &low, &high))
        {
          g_autofree char *low_text = sf_format_figure (low);
          g_autofree char *high_text = sf_format_figure (high);

          add_factor (factors, _("Team norm"), wf->base_norm,
                      g_strdup_printf (_("The upper end of the organisation’s own range %s–%s for %s "
                                         "(its own figure, not DS’)."),
                                       low_text, high_text, area->name));
        }
      else
        add_factor (factors, _("Team norm"), wf->base_norm,
                    g_strdup_printf (_("%s is an own case area without a range, and the team has no cap."),
                                     area->name));
    }
  else if (area != NULL)
    {
      g_autofree char *low = sf_format_decimal (area->ds_low, 0);
      g_autofree char *high = sf_format_decimal (area->ds_high, 0);

      if (area->survey_year > 0)
        add_factor (factors, _("Team norm"), wf->base_norm,
                    g_strdup_printf (_("The upper end of DS’ recommended range %s–%s for %s (%d)."),
                                     low, high, area->name, area->survey_year));
      else
        add_factor (factors, _("Team norm"), wf->base_norm,
                    g_strdup_printf (_("The upper end of the recommended range %s–%s for %s."),
                                     low, high, area->name));
    }
  else
    add_factor (factors, _("Team norm"), wf->base_norm, g_strdup (_("The team has no case area.")));

  /* Availability */
  reason = g_string_new (NULL);
  reduced = FALSE;
  hours = sf_format_hours (worker->weekly_hours);
  full = sf_format_hours (figures->settings.full_time_hours);
  if (wf->absent)
    g_string_append_printf (reason, _("Absent (%s) on this date: no capacity."),
                            sf_roster_absence_kind_label (worker->absence_kind));
  else if (!wf->started)
    {
      g_autofree char *start = sf_day_format (worker->start);

      g_string_append_printf (reason, _("Starts on %s: no capacity before then."), start);
    }
  else
    {
      g_string_append_printf (reason, _("%s of %s hours a week."), hours, full);
      for (guint i = 0; i < dataset->reductions->len; i++)
        {
          const SfReduction *r = &g_array_index (dataset->reductions, SfReduction, i);
          g_autofree char *rh = NULL;
          const char *label;

          if (r->caseworker_id != worker->id || !sf_day_in_range (figures->ref, r->from, r->to))
            continue;
          rh = sf_format_hours (r->hours);
          /* Translators: a reduction of the weekly hours: hours and reason */
          label = sf_reduction_reason_to_label (r->reason);
          g_string_append_printf (reason, _(" Reduced by %s hours for %s"), rh, label);
          /* The note when it adds something: "TR" adds nothing to "TR duties (TR)" */
          if (r->note != NULL && *r->note != '\0' && strstr (label, r->note) == NULL)
            g_string_append_printf (reason, " (%s)", r->note);
          if (r->to != SF_DAY_NONE)
            {
              g_autofree char *to = sf_day_format (r->to);

              g_string_append_printf (reason, _(" until %s"), to);
            }
          g_string_append_c (reason, '.');
          reduced = TRUE;
        }
      if (reduced)
        {
          double left = wf->availability * figures->settings.full_time_hours;
          g_autofree char *text = sf_format_hours (left);

          /* Translators: the hours left after the reductions */
          g_string_append_printf (reason, _(" %s hours a week are left for cases."), text);
        }
    }
  add_factor (factors, _("Availability"), wf->availability, g_string_free (g_steal_pointer (&reason), FALSE));

  /* Experience */
  if (wf->new_hire)
    {
      g_autofree char *until = sf_day_format (sf_day_add_months (worker->start,
                                                                 (guint) figures->settings.new_hire_months));

      add_factor (factors, _("New hire"), wf->experience,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "New in the job: less than %d month since the start. "
                                                "Full norm from %s.",
                                                "New in the job: less than %d months since the start. "
                                                "Full norm from %s.",
                                                figures->settings.new_hire_months),
                                   figures->settings.new_hire_months, until));
    }
  else
    add_factor (factors, _("New hire"), wf->experience,
                g_strdup (worker->start == SF_DAY_NONE ? _("No start date: counted as experienced.")
                                                       : _("Experienced: no reduction for new hires.")));

  /* Individual factor */
  if (wf->individual_factor < 1)
    add_factor (factors, _("Individual factor"), wf->individual_factor,
                g_strdup (worker->factor_reason != NULL && *worker->factor_reason != '\0'
                          ? worker->factor_reason : _("No reason written.")));
  else
    add_factor (factors, _("Individual factor"), wf->individual_factor,
                g_strdup (_("No individual adjustment.")));

  return factors;
}
