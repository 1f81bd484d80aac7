/* Who may see and change what on a shared database (see sf-access.h). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sf-access.h"
#include "sf-db-bind.h"
#include "sf-error.h"
#include "sf-roster-edit.h"

void
sf_access_entry_free (SfAccessEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->login);
  g_free (entry->role);
  g_free (entry->team);
  g_free (entry->granted_at);
  g_free (entry->granted_by);
  g_free (entry);
}

void
sf_access_self_free (SfAccessSelf *self)
{
  if (self == NULL)
    return;
  g_free (self->login);
  g_strfreev (self->teams);
  g_free (self);
}

SfAccessRoles
sf_access_role_from_key (const char *key)
{
  if (g_strcmp0 (key, "manager") == 0)
    return SF_ACCESS_MANAGER;
  if (g_strcmp0 (key, "hr") == 0)
    return SF_ACCESS_HR;
  if (g_strcmp0 (key, "admin") == 0)
    return SF_ACCESS_ADMIN;
  return 0;
}

/* What each role may set out to do: the one table (docs/access.md's) */
static const SfAccessRoles may_table[SF_ACCESS_N_DOS] = {
  [SF_ACCESS_DO_SETTINGS]       = SF_ACCESS_ADMIN,
  [SF_ACCESS_DO_GRANT]          = SF_ACCESS_ADMIN,
  [SF_ACCESS_DO_TEAMS]          = SF_ACCESS_HR | SF_ACCESS_ADMIN,
  [SF_ACCESS_DO_CASEWORKERS]    = SF_ACCESS_MANAGER | SF_ACCESS_HR | SF_ACCESS_ADMIN,
  [SF_ACCESS_DO_IMPORT_ROSTER]  = SF_ACCESS_HR | SF_ACCESS_ADMIN,
  [SF_ACCESS_DO_PLANNED_HIRES]  = SF_ACCESS_HR | SF_ACCESS_ADMIN,
  [SF_ACCESS_DO_CASES]          = SF_ACCESS_MANAGER | SF_ACCESS_ADMIN,
  [SF_ACCESS_DO_CHECKLISTS]     = SF_ACCESS_MANAGER | SF_ACCESS_ADMIN,
  [SF_ACCESS_DO_ACKNOWLEDGE]    = SF_ACCESS_MANAGER | SF_ACCESS_ADMIN,
  [SF_ACCESS_DO_SCENARIOS]      = SF_ACCESS_HR | SF_ACCESS_ADMIN,
  [SF_ACCESS_DO_DEMO]           = SF_ACCESS_ADMIN,
};

gboolean
sf_access_may (const SfAccessSelf *self,
               SfAccessDo          what)
{
  g_return_val_if_fail (what < SF_ACCESS_N_DOS, FALSE);

  if (self == NULL || self->owner)
    return TRUE;
  return (self->roles & may_table[what]) != 0;
}

const char *
sf_access_role_name (const char *key)
{
  switch (sf_access_role_from_key (key))
    {
    case SF_ACCESS_MANAGER:
      return C_("role", "Manager");
    case SF_ACCESS_HR:
      return C_("role", "HR");
    case SF_ACCESS_ADMIN:
      return C_("role", "Administrator");
    default:
      return key;
    }
}

char *
sf_access_describe (const SfAccessSelf *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *roles = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->owner)
    g_ptr_array_add (parts, g_strdup (_("owner of the database")));
  if (self->roles & SF_ACCESS_ADMIN)
    g_ptr_array_add (parts, g_strdup (C_("signed in as", "administrator")));
  if (self->roles & SF_ACCESS_HR)
    g_ptr_array_add (parts, g_strdup (C_("signed in as", "HR")));
  if ((self->roles & SF_ACCESS_MANAGER) && self->teams != NULL)
    {
      g_autofree char *teams = g_strjoinv (", ", self->teams);

      /* Translators: what a login may do; %s names teams ("Syg, Job") */
      g_ptr_array_add (parts, g_strdup_printf (_("manager of %s"), teams));
    }
  if (parts->len == 0)
    return g_strdup (self->login);
  g_ptr_array_add (parts, NULL);
  roles = g_strjoinv ("; ", (char **) parts->pdata);
  /* Translators: who is signed in: the login, then what it may do */
  return g_strdup_printf (_("%s · %s"), self->login, roles);
}

/* Access control is the server's: a file has none */
static gboolean
require_server (SfStore  *store,
                GError  **error)
{
  if (sf_db_get_kind (sf_store_get_db (store)) == SF_DB_POSTGRES)
    return TRUE;
  g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                       _("Access control belongs to a shared database on a PostgreSQL server. "
                         "A database file has no sign-ins: whoever may open the file sees and "
                         "changes all of it."));
  return FALSE;
}

/* The one boolean @sql returns, with @text as its ?1 (nullable) */
static gboolean
query_bool (SfStore     *store,
            const char  *sql,
            const char  *text,
            gboolean    *value,
            GError     **error)
{
  g_autoptr(SfDbStmt) stmt = sf_store_prepare (store, sql, error);
  SfDbStep step;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    sf_db_stmt_bind_text (stmt, 1, text);
  step = sf_db_stmt_step (stmt);
  if (step == SF_DB_STEP_ERROR)
    {
      sf_store_set_db_error (store, error);
      return FALSE;
    }
  *value = step == SF_DB_ROW && sf_db_stmt_column_int64 (stmt, 0) != 0;
  return TRUE;
}

static gboolean
may_manage (SfStore  *store,
            GError  **error)
{
  gboolean allowed = FALSE;

  if (!query_bool (store, "SELECT sf_access_may_manage ()", NULL, &allowed, error))
    return FALSE;
  if (!allowed)
    g_set_error_literal (error, SF_ERROR, SF_ERROR_DENIED,
                         _("Only an administrator of the shared database (or its owner) may "
                           "grant or take away access."));
  return allowed;
}

/* Whether @login is a role of the server that may sign in */
static gboolean
check_login (SfStore     *store,
             const char  *login,
             GError     **error)
{
  g_autoptr(SfDbStmt) stmt = NULL;
  SfDbStep step;

  if (login == NULL || *login == '\0')
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("Give the login: the user name the person signs in to the database server with."));
      return FALSE;
    }
  stmt = sf_store_prepare (store, "SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_text (stmt, 1, login);
  step = sf_db_stmt_step (stmt);
  if (step == SF_DB_STEP_ERROR)
    {
      sf_store_set_db_error (store, error);
      return FALSE;
    }
  if (step != SF_DB_ROW)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_NOT_FOUND,
                   _("There is no login “%s” on the database server. The server's administrator "
                     "creates a login role for each person (CREATE ROLE … LOGIN); Sagsfordeling "
                     "then grants it access."),
                   login);
      return FALSE;
    }
  if (sf_db_stmt_column_int64 (stmt, 0) == 0)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("“%s” is a role of the database server that cannot sign in (NOLOGIN): "
                     "give a person's login."),
                   login);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_team (SfStore     *store,
            const char  *team,
            GError     **error)
{
  if (sf_roster_find_team_name (store, team, 0) != 0)
    return TRUE;
  g_set_error (error, SF_ERROR, SF_ERROR_NOT_FOUND, _("There is no team “%s”."), team);
  return FALSE;
}

gboolean
sf_access_grant (SfStore             *store,
                 const char          *login,
                 const char          *role,
                 const char * const  *teams,
                 GError             **error)
{
  guint n_teams = teams != NULL ? g_strv_length ((char **) teams) : 0;
  SfAccessRoles flag = sf_access_role_from_key (role);
  g_autoptr(SfDbStmt) stmt = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);

  if (!require_server (store, error))
    return FALSE;
  if (flag == 0)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("“%s” is not a role: give manager, hr or admin."), role != NULL ? role : "");
      return FALSE;
    }
  if (flag == SF_ACCESS_MANAGER && n_teams == 0)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("A manager manages one or more teams: name them."));
      return FALSE;
    }
  if (flag != SF_ACCESS_MANAGER && n_teams > 0)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("Only a manager is given teams: HR and admin see every team."));
      return FALSE;
    }
  if (!may_manage (store, error) || !check_login (store, login, error))
    return FALSE;
  for (guint i = 0; i < n_teams; i++)
    if (!check_team (store, teams[i], error))
      return FALSE;

  if (!sf_store_begin (store, error))
    return FALSE;
  stmt = sf_store_prepare (store, "SELECT sf_access_grant (?1, ?2, ?3)", error);
  ok = stmt != NULL;
  for (guint i = 0; ok && i < MAX (n_teams, 1); i++)
    {
      const char *team = n_teams > 0 ? teams[i] : NULL;
      g_autofree char *detail = team != NULL ? g_strdup_printf ("%s: %s", role, team) : g_strdup (role);

      sf_db_stmt_reset (stmt);
      sf_db_stmt_bind_text (stmt, 1, login);
      sf_db_stmt_bind_text (stmt, 2, role);
      sf_store_bind_text_or_null (stmt, 3, team);
      if (sf_db_stmt_step (stmt) == SF_DB_STEP_ERROR)
        {
          sf_store_set_db_error (store, error);
          ok = FALSE;
        }
      ok = ok && sf_store_audit (store, "access-grant", login, detail, error);
    }
  return sf_store_finish (store, ok, error);
}

gint64
sf_access_revoke (SfStore     *store,
                  const char  *login,
                  const char  *role,
                  const char  *team,
                  GError     **error)
{
  g_autoptr(SfDbStmt) stmt = NULL;
  g_autofree char *detail = NULL;
  gint64 removed = 0;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), -1);

  if (!require_server (store, error))
    return -1;
  if (role != NULL && sf_access_role_from_key (role) == 0)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("“%s” is not a role: give manager, hr or admin."), role);
      return -1;
    }
  if (login == NULL || *login == '\0')
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("Give the login: the user name the person signs in to the database server with."));
      return -1;
    }
  if (!may_manage (store, error) || (team != NULL && !check_team (store, team, error)))
    return -1;

  if (!sf_store_begin (store, error))
    return -1;
  stmt = sf_store_prepare (store, "SELECT sf_access_revoke (?1, ?2, ?3)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sf_db_stmt_bind_text (stmt, 1, login);
      sf_store_bind_text_or_null (stmt, 2, role);
      sf_store_bind_text_or_null (stmt, 3, team);
      if (sf_db_stmt_step (stmt) == SF_DB_ROW)
        removed = sf_db_stmt_column_int64 (stmt, 0);
      else
        {
          sf_store_set_db_error (store, error);
          ok = FALSE;
        }
    }
  detail = g_strjoin (": ", role != NULL ? role : "*", team != NULL ? team : "*", NULL);
  ok = ok && (removed == 0 || sf_store_audit (store, "access-revoke", login, detail, error));
  if (!sf_store_finish (store, ok, error))
    return -1;
  return removed;
}

GPtrArray *
sf_access_list (SfStore  *store,
                char    **owner,
                GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_access_entry_free);
  g_autoptr(SfDbStmt) stmt = NULL;
  SfDbStep step;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  if (!require_server (store, error))
    return NULL;
  stmt = sf_store_prepare (store,
                           "SELECT a.login, a.role, t.name,"
                           " to_char (a.granted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                           " a.granted_by"
                           " FROM user_access a LEFT JOIN team t ON t.id = a.team_id"
                           " ORDER BY a.login, a.role, t.name",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((step = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      SfAccessEntry *entry = g_new0 (SfAccessEntry, 1);

      entry->login = sf_db_stmt_dup_text (stmt, 0);
      entry->role = sf_db_stmt_dup_text (stmt, 1);
      entry->team = sf_db_stmt_dup_text (stmt, 2);
      entry->granted_at = sf_db_stmt_dup_text (stmt, 3);
      entry->granted_by = sf_db_stmt_dup_text (stmt, 4);
      g_ptr_array_add (entries, entry);
    }
  if (step != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      return NULL;
    }
  if (owner != NULL)
    *owner = sf_store_query_text (store,
                                  "SELECT pg_catalog.pg_get_userbyid (relowner) FROM pg_catalog.pg_class"
                                  " WHERE oid = 'user_access'::pg_catalog.regclass",
                                  0);
  return g_steal_pointer (&entries);
}

SfAccessSelf *
sf_access_get_self (SfStore  *store,
                    GError  **error)
{
  g_autoptr(SfAccessSelf) self = g_new0 (SfAccessSelf, 1);
  g_autoptr(GStrvBuilder) teams = g_strv_builder_new ();
  g_autoptr(SfDbStmt) stmt = NULL;
  SfDbStep step;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  if (!require_server (store, error))
    return NULL;
  stmt = sf_store_prepare (store,
                           "SELECT session_user, pg_catalog.pg_has_role (session_user,"
                           "  (SELECT relowner FROM pg_catalog.pg_class"
                           "    WHERE oid = 'user_access'::pg_catalog.regclass), 'USAGE')",
                           error);
  if (stmt == NULL)
    return NULL;
  if (sf_db_stmt_step (stmt) != SF_DB_ROW)
    {
      sf_store_set_db_error (store, error);
      return NULL;
    }
  self->login = sf_db_stmt_dup_text (stmt, 0);
  self->owner = sf_db_stmt_column_int64 (stmt, 1) != 0;
  g_clear_pointer (&stmt, sf_db_stmt_free);

  /* Everyone reads their own rows of the access table */
  stmt = sf_store_prepare (store,
                           "SELECT a.role, t.name FROM user_access a LEFT JOIN team t ON t.id = a.team_id"
                           " WHERE a.login = session_user ORDER BY t.name",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((step = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      SfAccessRoles role = sf_access_role_from_key (sf_db_stmt_column_text (stmt, 0));
      const char *team = sf_db_stmt_column_text (stmt, 1);

      self->roles |= role;
      if (role == SF_ACCESS_MANAGER && team != NULL)
        g_strv_builder_add (teams, team);
    }
  if (step != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      return NULL;
    }
  self->teams = g_strv_builder_end (teams);
  return g_steal_pointer (&self);
}
