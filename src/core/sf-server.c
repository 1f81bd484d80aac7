/* Setting up a shared database on a PostgreSQL server (see sf-server.h). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sf-error.h"
#include "sf-server.h"
#include "sf-store-pg-schema.h"

/* Any number, the same in every copy of the program: one server-setup at a
 * time per database. */
#define SF_SERVER_SETUP_LOCK "7301219"

/* The tables that say a database is ours (besides schema_version) */
static const char * const own_tables[] = { "team", "caseworker", "casefile", "audit", NULL };

/* Every table of the schema, to tell an empty database from someone's */
static gboolean
is_foreign (SfDb    *db,
            gint64   version,
            GError **error)
{
  g_autoptr (SfDbStmt) stmt = NULL;
  gint64 tables;

  if (version > 0)
    return sf_db_count_tables (db, own_tables) != (gint64) g_strv_length ((char **) own_tables);

  /* No version: the database must hold no tables of ours or anyone's */
  stmt = sf_db_prepare (db,
                        "SELECT count (*) FROM pg_catalog.pg_tables"
                        " WHERE schemaname = current_schema ()",
                        error);
  if (stmt == NULL)
    return TRUE;
  if (sf_db_stmt_step (stmt) != SF_DB_ROW)
    {
      sf_db_set_error (db, error);
      return TRUE;
    }
  tables = sf_db_stmt_column_int64 (stmt, 0);
  return tables > 0;
}

static void
set_database_error (GError     **error,
                    const GError *cause)
{
  /* A login without any grant here may not even read the schema's version */
  if (g_error_matches (cause, SF_DB_ERROR, SF_DB_ERROR_DENIED))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_DENIED,
                   _("Your sign-in has no access to this shared database (%s). Its administrator "
                     "grants access with “sagsfordeling-cli access-grant”."),
                   cause->message);
      return;
    }
  g_set_error (error, SF_ERROR,
               g_error_matches (cause, SF_DB_ERROR, SF_DB_ERROR_READ_ONLY) ? SF_ERROR_READ_ONLY
               : g_error_matches (cause, SF_DB_ERROR, SF_DB_ERROR_BUSY) ? SF_ERROR_BUSY
               : SF_ERROR_DATABASE,
               "%s", cause->message);
}

gboolean
sf_server_setup (const char  *uri,
                 int         *out_from,
                 int         *out_to,
                 GError     **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (SfDb) db = NULL;
  gint64 version = 0;
  gint64 from;
  const char *sql;

  g_return_val_if_fail (sf_db_location_is_uri (uri), FALSE);

  db = sf_db_open (uri, SF_DB_OPEN_DEFAULT, &local);
  if (db == NULL)
    {
      set_database_error (error, local);
      return FALSE;
    }

  /* One transaction: the schema is all there, or as it was.  The lock
   * makes a second server-setup wait, then find the work done. */
  if (!sf_db_begin (db, &local) ||
      !sf_db_exec (db, "SELECT pg_advisory_xact_lock (" SF_SERVER_SETUP_LOCK ")", &local) ||
      !sf_db_get_schema_version (db, &version, &local))
    {
      sf_db_rollback (db);
      set_database_error (error, local);
      return FALSE;
    }
  from = version;

  if (version > SF_STORE_PG_SCHEMA_VERSION)
    {
      sf_db_rollback (db);
      g_set_error (error, SF_ERROR, SF_ERROR_TOO_NEW,
                   _("The server's database was set up by a newer version of Sagsfordeling "
                     "(schema %d; this version knows %d). Update the app."),
                   (int) version, SF_STORE_PG_SCHEMA_VERSION);
      return FALSE;
    }
  if (is_foreign (db, version, &local))
    {
      sf_db_rollback (db);
      if (local != NULL)
        set_database_error (error, local);
      else
        g_set_error_literal (error, SF_ERROR, SF_ERROR_CORRUPT,
                             _("The server's database holds tables that are not Sagsfordeling's. "
                               "Set Sagsfordeling up in an empty database of its own."));
      return FALSE;
    }

  for (; (sql = sf_db_get_migration (db, (int) version, NULL)) != NULL; version++)
    if (!sf_db_exec (db, sql, &local) || !sf_db_set_schema_version (db, version + 1, &local))
      {
        sf_db_rollback (db);
        set_database_error (error, local);
        return FALSE;
      }

  if (!sf_db_commit (db, &local))
    {
      sf_db_rollback (db);
      set_database_error (error, local);
      return FALSE;
    }

  if (out_from != NULL)
    *out_from = (int) from;
  if (out_to != NULL)
    *out_to = (int) version;
  return TRUE;
}

gboolean
sf_server_check_schema (SfDb    *db,
                        GError **error)
{
  g_autoptr (GError) local = NULL;
  gint64 version;

  if (!sf_db_get_schema_version (db, &version, &local))
    {
      set_database_error (error, local);
      return FALSE;
    }
  if (version == SF_STORE_PG_SCHEMA_VERSION)
    return TRUE;
  if (version > SF_STORE_PG_SCHEMA_VERSION)
    g_set_error (error, SF_ERROR, SF_ERROR_TOO_NEW,
                 _("The server's database was set up by a newer version of Sagsfordeling "
                   "(schema %d; this version knows %d). Update the app."),
                 (int) version, SF_STORE_PG_SCHEMA_VERSION);
  else if (version == 0)
    g_set_error (error, SF_ERROR, SF_ERROR_DATABASE,
                 _("The server's database is not set up for Sagsfordeling. Its owner sets it up "
                   "with “sagsfordeling-cli --database %s server-setup”."),
                 sf_db_get_location (db));
  else
    g_set_error (error, SF_ERROR, SF_ERROR_DATABASE,
                 _("The server's database has an older schema (%d; this version uses %d). Its "
                   "owner upgrades it with “sagsfordeling-cli --database %s server-setup”."),
                 (int) version, SF_STORE_PG_SCHEMA_VERSION, sf_db_get_location (db));
  return FALSE;
}
