#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sf-areas.h"
#include "sf-conflict.h"
#include "sf-db-bind.h"
#include "sf-error.h"
#include "sf-norms.h"
#include "sf-privacy.h"
#include "sf-text.h"


static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

char *
sf_areas_normalize_key (const char  *text,
                        GError     **error)
{
  g_autofree char *key = sf_text_normalize_key (text);

  if (*key == '\0')
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("Give the area a key, such as “ips” or “jobfirst”: it is what a "
                             "roster names in the column “omraade”."));
      return NULL;
    }
  if (strlen (key) > SF_AREA_MAX_KEY || key[strspn (key, "abcdefghijklmnopqrstuvwxyz0123456789-")] != '\0')
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("“%s” cannot be a key: write at most %d letters a–z, digits and hyphens, "
                     "such as “ips” or “haandholdt-indsats”."),
                   text, SF_AREA_MAX_KEY);
      return NULL;
    }
  return g_steal_pointer (&key);
}

static gboolean
check_text (const char  *what,
            const char  *text,
            GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > SF_AREA_MAX_TEXT)
    {
      /* Translators: %s is e.g. "The name"; %u a number of characters */
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("%s is longer than %u characters."), what, (guint) SF_AREA_MAX_TEXT);
      return FALSE;
    }
  return sf_privacy_check_text (what, text, error);
}

static gboolean
has_range (const SfArea *area)
{
  return !isnan (area->own_low) || !isnan (area->own_high);
}

gboolean
sf_areas_check (SfStore       *store,
                const SfArea  *area,
                GError       **error)
{
  g_autofree char *key = NULL;
  g_autofree char *name_key = NULL;
  SfDbStmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  key = sf_areas_normalize_key (area->key, error);
  if (key == NULL)
    return FALSE;
  if (g_strcmp0 (key, area->key) != 0)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("Write the key as “%s”."), key);
      return FALSE;
    }
  if (is_blank (area->name) || area->name[strspn (area->name, " \t\r\n")] == '\0')
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("Give the area a name, as the organisation calls it."));
      return FALSE;
    }
  if (!check_text (_("The key"), key, error) ||
      !check_text (_("The name"), area->name, error) ||
      !check_text (_("The source"), area->source, error))
    return FALSE;

  if (has_range (area))
    {
      if (isnan (area->own_low) || isnan (area->own_high))
        {
          g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                               _("Give the range both a lower and an upper end, or neither."));
          return FALSE;
        }
      if (!(area->own_high > 0) || area->own_high > SF_NORM_MAX || area->own_low < 0 ||
          area->own_low > area->own_high)
        {
          g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                       _("A range runs from a lower to an upper end between 0 and %g cases per "
                         "full-time caseworker, the upper end above 0, such as 20–25."),
                       SF_NORM_MAX);
          return FALSE;
        }
    }

  /* A roster names an area by its key or its name, compared as keys: no
   * two areas may be named alike. */
  name_key = sf_text_normalize_key (area->name);
  stmt = sf_store_prepare (store, "SELECT id, key, name FROM area", error);
  if (stmt == NULL)
    return FALSE;
  while (ok && (rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      g_autofree char *other_key = NULL;
      g_autofree char *other_name = NULL;
      const char *name = sf_db_stmt_column_text (stmt, 2);

      if (sf_db_stmt_column_int64 (stmt, 0) == area->id)
        continue;
      other_key = sf_text_normalize_key (sf_db_stmt_column_text (stmt, 1));
      other_name = sf_text_normalize_key (name);
      if (g_str_equal (key, other_key) || g_str_equal (key, other_name))
        {
          g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                       _("The key “%s” is taken by the area “%s”. Choose another."), key, name);
          ok = FALSE;
        }
      else if (g_str_equal (name_key, other_key) || g_str_equal (name_key, other_name))
        {
          g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                       _("There is already an area called “%s”. Give this one another name."), name);
          ok = FALSE;
        }
    }
  sf_db_stmt_free (stmt);
  return ok;
}

static char *
describe (const SfArea *area)
{
  GString *detail = g_string_new (area->name);

  if (has_range (area))
    g_string_append_printf (detail, "; range %g–%g", area->own_low, area->own_high);
  else
    g_string_append (detail, "; no range");
  if (!is_blank (area->source))
    g_string_append_printf (detail, "; source %s", area->source);
  return g_string_free (detail, FALSE);
}

static void
bind_area (SfDbStmt *stmt,
           const SfArea *area)
{
  sf_db_stmt_bind_text (stmt, 2, area->key);
  sf_db_stmt_bind_text (stmt, 3, area->name);
  if (has_range (area))
    {
      sf_db_stmt_bind_double (stmt, 4, area->own_low);
      sf_db_stmt_bind_double (stmt, 5, area->own_high);
    }
  if (!is_blank (area->source))
    sf_db_stmt_bind_text (stmt, 6, area->source);
}

gint64
sf_areas_add (SfStore       *store,
              const SfArea  *area,
              GError       **error)
{
  g_autofree char *detail = NULL;
  SfDbStmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), 0);
  g_return_val_if_fail (area != NULL, 0);

  if (!sf_store_begin (store, error))
    return 0;
  ok = sf_areas_check (store, &(SfArea) { .key = area->key, .name = area->name,
                                          .own_low = area->own_low, .own_high = area->own_high,
                                          .source = area->source }, error);
  stmt = ok ? sf_store_prepare (store,
                                "INSERT INTO area (key, name, own_low, own_high, source, custom)"
                                " VALUES (?2, ?3, ?4, ?5, ?6, 1) RETURNING id", error)
            : NULL;
  if (stmt != NULL)
    bind_area (stmt, area);
  ok = sf_store_run_returning (store, stmt, &id, error);
  detail = describe (area);
  ok = ok && sf_store_audit (store, "area-add", area->key, detail, error);
  return sf_store_finish (store, ok, error) ? id : 0;
}

/* The name of a team in own area @id that has no cap, or NULL */
static char *
team_without_cap (SfStore *store,
                  gint64   id)
{
  return sf_store_query_text (store,
                              "SELECT name FROM team WHERE area_id = ?1 AND cap IS NULL ORDER BY name LIMIT 1",
                              id);
}

static gboolean
is_own_area (SfStore  *store,
             gint64    id,
             GError  **error)
{
  SfDbStmt *stmt = sf_store_prepare (store, "SELECT custom, name FROM area WHERE id = ?1", error);
  int custom = -1;

  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_int64 (stmt, 1, id);
  if (sf_db_stmt_step (stmt) == SF_DB_ROW)
    {
      custom = sf_db_stmt_column_int64 (stmt, 0);
      if (custom == 0)
        g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                     _("“%s” is one of DS’ case areas, which come with the app: only the "
                       "organisation’s own areas can be changed or removed."),
                     sf_db_stmt_column_text (stmt, 1));
    }
  sf_db_stmt_free (stmt);
  if (custom < 0)
    g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND, _("The case area no longer exists."));
  return custom == 1;
}

gboolean
sf_areas_update (SfStore       *store,
                 const SfArea  *area,
                 GError       **error)
{
  g_autofree char *detail = NULL;
  SfDbStmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (!sf_store_begin (store, error))
    return FALSE;
  /* Claimed first: a change or removal by someone else since the area
   * was read is theirs to keep (sf-conflict.h) */
  ok = sf_conflict_claim (store, "area", area->id, area->version, error) &&
       is_own_area (store, area->id, error) && sf_areas_check (store, area, error);
  if (ok && !has_range (area))
    {
      g_autofree char *team = team_without_cap (store, area->id);

      if (team != NULL)
        {
          g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                       _("The team “%s” has no cap of its own and takes its norm from this "
                         "area’s range. Give the team a cap first, or keep a range."), team);
          ok = FALSE;
        }
    }
  if (ok)
    stmt = sf_store_prepare (store,
                             "UPDATE area SET key = ?2, name = ?3, own_low = ?4, own_high = ?5, source = ?6"
                             " WHERE id = ?1 AND custom = 1", error);
  if (stmt != NULL)
    {
      sf_db_stmt_bind_int64 (stmt, 1, area->id);
      bind_area (stmt, area);
    }
  ok = ok && sf_store_run (store, stmt, error);
  detail = describe (area);
  ok = ok && sf_store_audit (store, "area-update", area->key, detail, error);
  return sf_store_finish (store, ok, error);
}

gboolean
sf_areas_remove (SfStore  *store,
                 gint64    id,
                 SfArea   *removed,
                 GError  **error)
{
  return sf_areas_remove_versioned (store, id, 0, removed, error);
}

gboolean
sf_areas_remove_versioned (SfStore  *store,
                           gint64    id,
                           gint64    version,
                           SfArea   *removed,
                           GError  **error)
{
  g_autofree char *detail = NULL;
  SfArea area = { .own_low = NAN, .own_high = NAN };
  SfDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);

  if (!sf_store_begin (store, error))
    return FALSE;
  ok = sf_conflict_claim (store, "area", id, version, error) && is_own_area (store, id, error);

  stmt = ok ? sf_store_prepare (store,
                                "SELECT key, name, own_low, own_high, source FROM area WHERE id = ?1", error)
            : NULL;
  ok = stmt != NULL;
  if (ok)
    {
      sf_db_stmt_bind_int64 (stmt, 1, id);
      if (sf_db_stmt_step (stmt) == SF_DB_ROW)
        {
          area.id = id;
          area.key = sf_db_stmt_dup_text (stmt, 0);
          area.name = sf_db_stmt_dup_text (stmt, 1);
          if (!sf_db_stmt_column_is_null (stmt, 3))
            {
              area.own_low = sf_db_stmt_column_double (stmt, 2);
              area.own_high = sf_db_stmt_column_double (stmt, 3);
            }
          area.source = sf_db_stmt_dup_text (stmt, 4);
          area.custom = TRUE;
        }
      sf_db_stmt_free (stmt);
    }

  /* Nothing may be left in an area that is gone. */
  if (ok)
    {
      stmt = sf_store_prepare (store,
                               "SELECT (SELECT name FROM team WHERE area_id = ?1 ORDER BY name LIMIT 1),"
                               " (SELECT count(*) FROM team WHERE area_id = ?1),"
                               " (SELECT count(*) FROM casefile WHERE area_id = ?1)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sf_db_stmt_bind_int64 (stmt, 1, id);
          if (sf_db_stmt_step (stmt) == SF_DB_ROW)
            {
              gint64 teams = sf_db_stmt_column_int64 (stmt, 1);
              gint64 cases = sf_db_stmt_column_int64 (stmt, 2);

              if (teams == 1)
                {
                  g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                               _("“%s” is the case area of the team “%s”. Move the team to another "
                                 "area first."),
                               area.name, sf_db_stmt_column_text (stmt, 0));
                  ok = FALSE;
                }
              else if (teams > 1)
                {
                  g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "“%s” is the case area of %d team, “%s” among them. Move "
                                            "them to other areas first.",
                                            "“%s” is the case area of %d teams, “%s” among them. Move "
                                            "them to other areas first.",
                                            (gulong) teams),
                               area.name, (int) teams, sf_db_stmt_column_text (stmt, 0));
                  ok = FALSE;
                }
              else if (cases > 0)
                {
                  g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%d case is filed under “%s”. Give it another area first.",
                                            "%d cases are filed under “%s”. Give them another area first.",
                                            (gulong) cases),
                               (int) cases, area.name);
                  ok = FALSE;
                }
            }
          sf_db_stmt_free (stmt);
        }
    }

  if (ok)
    {
      stmt = sf_store_prepare (store, "DELETE FROM area WHERE id = ?1 AND custom = 1", error);
      if (stmt != NULL)
        sf_db_stmt_bind_int64 (stmt, 1, id);
      ok = sf_store_run (store, stmt, error);
    }
  if (ok)
    {
      detail = describe (&area);
      ok = sf_store_audit (store, "area-remove", area.key, detail, error);
    }
  ok = sf_store_finish (store, ok, error);
  if (ok && removed != NULL)
    *removed = area;
  else
    sf_area_clear (&area);
  return ok;
}

gint64
sf_areas_find (SfStore    *store,
               const char *text,
               gboolean   *custom)
{
  g_autofree char *wanted = sf_text_normalize_key (text);
  SfDbStmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SF_IS_STORE (store), 0);

  stmt = sf_store_prepare (store, "SELECT id, key, name, custom FROM area ORDER BY id", NULL);
  if (stmt == NULL)
    return 0;
  while (id == 0 && sf_db_stmt_step (stmt) == SF_DB_ROW)
    {
      g_autofree char *key = sf_text_normalize_key (sf_db_stmt_column_text (stmt, 1));
      g_autofree char *name = sf_text_normalize_key (sf_db_stmt_column_text (stmt, 2));

      if (g_str_equal (wanted, key) || g_str_equal (wanted, name))
        {
          id = sf_db_stmt_column_int64 (stmt, 0);
          if (custom != NULL)
            *custom = sf_db_stmt_column_int64 (stmt, 3) != 0;
        }
    }
  sf_db_stmt_free (stmt);
  return id;
}
