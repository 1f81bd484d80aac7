#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sf-conflict.h"
#include "sf-db-bind.h"
#include "sf-error.h"
#include "sf-planned-hires.h"
#include "sf-roster-edit.h"
#include "sf-settings.h"

static gboolean
check_hire (SfStore              *store,
            const SfPlannedHire  *hire,
            GError              **error)
{
  SfSettings settings;

  if (!sf_store_load_settings (store, &settings, error))
    return FALSE;
  if (!sf_roster_check_weekly_hours (&settings, hire->weekly_hours, error))
    return FALSE;
  if (hire->weekly_hours <= 0)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("A planned hire needs weekly hours above 0."));
      return FALSE;
    }
  if (hire->start == SF_DAY_NONE)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("A planned hire needs the date the new caseworker is expected to start."));
      return FALSE;
    }
  if (!sf_roster_check_text (_("The note"), hire->note, SF_PLANNED_HIRE_MAX_NOTE, error))
    return FALSE;
  if (sf_store_query_int (store, "SELECT count(*) FROM team WHERE id = ?1", hire->team_id) == 0)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND,
                           _("Choose the team the planned hire is for."));
      return FALSE;
    }
  return TRUE;
}

gint64
sf_planned_hire_save (SfStore              *store,
                      const SfPlannedHire  *hire,
                      GError              **error)
{
  g_autofree char *start = NULL;
  g_autofree char *team = NULL;
  g_autofree char *detail = NULL;
  SfDbStmt *stmt;
  gint64 id = hire->id;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), 0);

  if (!check_hire (store, hire, error))
    return 0;
  /* (A hire read at a version is claimed instead, which says who removed it) */
  if (id != 0 && hire->version == 0 &&
      sf_store_query_int (store, "SELECT count(*) FROM planned_hire WHERE id = ?1", id) == 0)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND,
                           _("The planned hire no longer exists."));
      return 0;
    }

  start = sf_day_to_iso (hire->start);
  if (!sf_store_begin (store, error))
    return 0;
  /* An edit of a loaded hire claims it at the version it was read with */
  if (!sf_conflict_claim (store, "planned_hire", id, hire->version, error))
    {
      sf_store_finish (store, FALSE, NULL);
      return 0;
    }
  if (id == 0)
    stmt = sf_store_prepare (store,
                             "INSERT INTO planned_hire (team_id, weekly_hours, start_date, note)"
                             " VALUES (?2, ?3, ?4, ?5) RETURNING id", error);
  else
    stmt = sf_store_prepare (store,
                             "UPDATE planned_hire SET team_id = ?2, weekly_hours = ?3, start_date = ?4,"
                             " note = ?5 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      if (id != 0)
        sf_db_stmt_bind_int64 (stmt, 1, id);
      sf_db_stmt_bind_int64 (stmt, 2, hire->team_id);
      sf_db_stmt_bind_double (stmt, 3, hire->weekly_hours);
      sf_db_stmt_bind_text_static (stmt, 4, start);
      sf_store_bind_text_or_null (stmt, 5, hire->note);
    }
  ok = id != 0 ? sf_store_run (store, stmt, error) : sf_store_run_returning (store, stmt, &id, error);

  team = sf_store_query_text (store, "SELECT name FROM team WHERE id = ?1", hire->team_id);
  detail = g_strdup_printf ("id %" G_GINT64_FORMAT ", %g hours from %s", id, hire->weekly_hours, start);
  ok = ok && sf_store_audit (store, hire->id == 0 ? "planned-hire-create" : "planned-hire-update",
                             team, detail, error);
  return sf_store_finish (store, ok, error) ? id : 0;
}

gboolean
sf_planned_hire_remove (SfStore  *store,
                        gint64    id,
                        GError  **error)
{
  return sf_planned_hire_remove_versioned (store, id, 0, error);
}

gboolean
sf_planned_hire_remove_versioned (SfStore  *store,
                                  gint64    id,
                                  gint64    version,
                                  GError  **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *team = NULL;
  SfDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);

  team = sf_store_query_text (store, "SELECT t.name FROM planned_hire h JOIN team t ON t.id = h.team_id"
                                     " WHERE h.id = ?1", id);
  if (team == NULL && version == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, SF_ERROR, SF_ERROR_NOT_FOUND,
                   _("There is no planned hire with the number %s."), number);
      return FALSE;
    }

  if (!sf_store_begin (store, error))
    return FALSE;
  ok = sf_conflict_claim (store, "planned_hire", id, version, error);
  stmt = ok ? sf_store_prepare (store, "DELETE FROM planned_hire WHERE id = ?1", error) : NULL;
  if (stmt != NULL)
    sf_db_stmt_bind_int64 (stmt, 1, id);
  ok = sf_store_run (store, stmt, error);
  detail = g_strdup_printf ("id %" G_GINT64_FORMAT, id);
  ok = ok && sf_store_audit (store, "planned-hire-remove", team, detail, error);
  return sf_store_finish (store, ok, error);
}

GArray *
sf_planned_hires_load (SfStore  *store,
                       gint64    team_id,
                       GError  **error)
{
  g_autoptr(GArray) hires = g_array_new (FALSE, TRUE, sizeof (SfPlannedHire));
  SfDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  g_array_set_clear_func (hires, sf_planned_hire_clear);
  stmt = sf_store_prepare (store,
                           "SELECT id, team_id, weekly_hours, start_date, note, version FROM planned_hire"
                           " WHERE ?1 = 0 OR team_id = ?1 ORDER BY start_date, id", error);
  if (stmt == NULL)
    return NULL;
  sf_db_stmt_bind_int64 (stmt, 1, team_id);
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      SfPlannedHire hire = { 0 };

      hire.id = sf_db_stmt_column_int64 (stmt, 0);
      hire.team_id = sf_db_stmt_column_int64 (stmt, 1);
      hire.weekly_hours = sf_db_stmt_column_double (stmt, 2);
      sf_day_parse (sf_db_stmt_column_text (stmt, 3), &hire.start);
      hire.note = sf_db_stmt_dup_text (stmt, 4);
      hire.version = sf_db_stmt_column_int64 (stmt, 5);
      g_array_append_val (hires, hire);
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&hires);
}
