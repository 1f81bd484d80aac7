#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sf-conflict.h"
#include "sf-db-bind.h"
#include "sf-db.h"
#include "sf-error.h"
#include "sf-norms.h"
#include "sf-preferences.h"
#include "sf-roster-edit.h"
#include "sf-text.h"


/* The reference beside a setting, in the manager's language.  DS gives
 * figures for some settings only; the others say where the default comes
 * from. */
const char *
sf_preferences_reference (const char *setting_key)
{
  if (g_strcmp0 (setting_key, "full-time-hours") == 0)
    return _("DS’ recommended caseloads are for a full-time caseworker: 37 hours a week.");
  if (g_strcmp0 (setting_key, "weight-enkel") == 0)
    return _("DS divides cases into simple, complex and especially complicated, but sets no weights. Default 0.5.");
  if (g_strcmp0 (setting_key, "weight-kompleks") == 0)
    return _("A complex case is the unit the norm counts. Default 1.");
  if (g_strcmp0 (setting_key, "weight-saerligt-kompliceret") == 0)
    return _("An especially complicated case weighs as much as two complex ones. Default 2.");
  if (g_strcmp0 (setting_key, "new-hire-factor") == 0)
    return _("DS: new and newly qualified caseworkers should have fewer cases; DS names no factor. Default 0.7.");
  if (g_strcmp0 (setting_key, "new-hire-months") == 0)
    return _("DS: a lower caseload for about 6 months after starting.");
  if (g_strcmp0 (setting_key, "near-threshold") == 0)
    return _("Not a DS figure: the share of the norm at which a caseload is “near the norm”. Default 90 %.");
  if (g_strcmp0 (setting_key, "sustained-weeks") == 0)
    return _("Over the norm at every weekly point for this many weeks is sustained overload. Default 4.");
  if (g_strcmp0 (setting_key, "forecast-history-months") == 0)
    return _("The forecast’s inflow of cases is the average of this many whole months. Default 6.");
  if (g_strcmp0 (setting_key, "hiring-lead-months") == 0)
    return _("How long recruiting takes: a team must start hiring this long before it goes over. Default 3.");
  if (g_strcmp0 (setting_key, "forecast-horizon") == 0)
    return _("How many months ahead the forecast looks. Default 12.");
  return NULL;
}

/* "DS 20–30 · survey average 2023: 31 · appropriate: 24"; for an own area,
 * its own range and source, said to be the organisation's. */
char *
sf_preferences_team_reference (const SfArea *area)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (area->custom)
    {
      g_autofree char *range = sf_area_describe_range (area);

      /* Translators: an own case area's range, e.g. "Own area: own range 20–25 (the organisation’s, not DS’)" */
      g_string_append_printf (text, _("Own area: %s"), range);
      if (area->source != NULL && *area->source != '\0')
        {
          g_string_append (text, " · ");
          /* Translators: where an own area's range comes from */
          g_string_append_printf (text, _("source: %s"), area->source);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  low = sf_format_decimal (area->ds_low, 0);
  high = sf_format_decimal (area->ds_high, 0);

  /* Translators: DS' recommended range of cases per full-time caseworker */
  g_string_append_printf (text, _("DS range %s–%s"), low, high);
  if (!isnan (area->survey_avg))
    {
      g_autofree char *avg = sf_format_decimal (area->survey_avg, 0);

      /* Translators: the national average number of cases per caseworker in the survey year */
      g_string_append_printf (text, " · ");
      g_string_append_printf (text, _("national average %d: %s"), area->survey_year, avg);
    }
  if (!isnan (area->appropriate))
    {
      g_autofree char *appropriate = sf_format_decimal (area->appropriate, 0);

      g_string_append_printf (text, " · ");
      /* Translators: the caseload union representatives found appropriate */
      g_string_append_printf (text, _("found appropriate: %s"), appropriate);
    }
  if (area->note != NULL && *area->note != '\0')
    g_string_append_printf (text, " · %s", area->note);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
sf_preferences_set_team_norm (SfStore  *store,
                              gint64    team_id,
                              double    norm,
                              GError  **error)
{
  return sf_preferences_set_team_norm_versioned (store, team_id, 0, norm, error);
}

gboolean
sf_preferences_set_team_norm_versioned (SfStore  *store,
                                        gint64    team_id,
                                        gint64    version,
                                        double    norm,
                                        GError  **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *name = NULL;
  SfDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);

  /* The team dialog's rule; 0 is no norm of its own */
  if (!sf_roster_check_cap (norm, FALSE, error))
    return FALSE;

  if (!sf_store_begin (store, error))
    return FALSE;
  /* The team as the user read it: any change to it since (its norm, its
   * name, its area) is someone else's, not to be written over */
  ok = sf_conflict_claim (store, "team", team_id, version, error);
  stmt = ok ? sf_store_prepare (store, "SELECT name FROM team WHERE id = ?1", error) : NULL;
  ok = stmt != NULL;
  if (ok)
    {
      sf_db_stmt_bind_int64 (stmt, 1, team_id);
      if (sf_db_stmt_step (stmt) == SF_DB_ROW)
        name = sf_db_stmt_dup_text (stmt, 0);
      sf_db_stmt_free (stmt);
      if (name == NULL)
        {
          g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND,
                               _("The team no longer exists."));
          ok = FALSE;
        }
    }
  /* A team in an own area without a range has no norm but its cap. */
  if (ok && !(norm > 0))
    {
      stmt = sf_store_prepare (store,
                               "SELECT a.name FROM team t JOIN area a ON a.id = t.area_id"
                               " WHERE t.id = ?1 AND a.custom = 1 AND a.own_high IS NULL", error);
      ok = stmt != NULL;
      if (ok)
        {
          sf_db_stmt_bind_int64 (stmt, 1, team_id);
          if (sf_db_stmt_step (stmt) == SF_DB_ROW)
            {
              g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("“%s” is an own case area without a range, so the team “%s” needs "
                             "a norm of its own. Give the area a range first."),
                           sf_db_stmt_column_text (stmt, 0), name);
              ok = FALSE;
            }
          sf_db_stmt_free (stmt);
        }
    }
  if (ok)
    {
      stmt = sf_store_prepare (store, "UPDATE team SET cap = ?2 WHERE id = ?1", error);
      if (stmt != NULL)
        {
          sf_db_stmt_bind_int64 (stmt, 1, team_id);
          if (norm > 0)
            sf_db_stmt_bind_double (stmt, 2, norm);
          else
            sf_db_stmt_bind_null (stmt, 2);
        }
      ok = sf_store_run (store, stmt, error);
    }
  if (ok)
    {
      detail = norm > 0 ? g_strdup_printf ("norm = %g", norm) : g_strdup (_("norm = upper end of the area’s range"));
      ok = sf_store_audit (store, "team-norm", name, detail, error);
    }
  return sf_store_finish (store, ok, error);
}

/* @text as the settings write it for @key (a default for NULL) */
static char *
canonical_setting (const char *key,
                   const char *text)
{
  SfSettings settings;

  sf_settings_init_defaults (&settings);
  if (text != NULL)
    sf_settings_set (&settings, key, text, NULL);
  return sf_settings_get (&settings, key);
}

gboolean
sf_preferences_set_setting (SfStore           *store,
                            const char        *key,
                            const char        *label,
                            const char        *value,
                            const SfSettings  *loaded,
                            GError           **error)
{
  g_autofree char *mine = NULL;
  g_autofree char *seen = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *detail = NULL;
  SfDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL && label != NULL && value != NULL, FALSE);

  if (loaded == NULL)
    return sf_store_set_setting (store, key, value, error);

  mine = canonical_setting (key, value);
  {
    SfSettings check;

    sf_settings_init_defaults (&check);
    if (!sf_settings_set (&check, key, value, error))
      return FALSE;
  }
  seen = sf_settings_get (loaded, key);
  if (!sf_store_begin (store, error))
    return FALSE;

  /* The stored text, compared as the settings read it; the write then
   * names the very text it replaces, so that a write committed meanwhile
   * (which a server's row lock waits for) leaves it nothing to change */
  stored = sf_store_get_setting (store, key);
  ok = TRUE;
  theirs = canonical_setting (key, stored);
  if (ok && g_strcmp0 (theirs, seen) != 0)
    {
      sf_conflict_set_setting_error (error, key, label, theirs);
      ok = FALSE;
    }
  if (ok)
    {
      stmt = sf_store_prepare (store,
                               stored != NULL
                               ? "UPDATE setting SET value = ?2 WHERE key = ?1 AND value = ?3"
                               : "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
                               error);
      if (stmt != NULL)
        {
          sf_db_stmt_bind_text_static (stmt, 1, key);
          sf_db_stmt_bind_text_static (stmt, 2, mine);
          if (stored != NULL)
            sf_db_stmt_bind_text_static (stmt, 3, stored);
        }
      ok = sf_store_run (store, stmt, error);
    }
  if (ok && sf_db_changes (sf_store_get_db (store)) == 0)
    {
      g_autofree char *now = sf_store_get_setting (store, key);

      g_free (theirs);
      theirs = canonical_setting (key, now);
      sf_conflict_set_setting_error (error, key, label, theirs);
      ok = FALSE;
    }
  detail = g_strdup_printf ("%s = %s", key, mine);
  ok = ok && sf_store_audit (store, "setting", key, detail, error);
  return sf_store_finish (store, ok, error);
}
