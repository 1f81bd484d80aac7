/* Copying a whole database between SQLite and PostgreSQL (sf-store-copy.h).
 *
 * The copy works on the seam (sf-db.h) alone: each table is read with one
 * SELECT and written through the bulk path (COPY on a server, one prepared
 * INSERT on a file), so a server is reached in a handful of round trips a
 * table, never one a row. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "sf-db.h"
#include "sf-error.h"
#include "sf-server.h"
#include "sf-store.h"
#include "sf-store-copy.h"
#include "sf-store-pg-schema.h"

/* Every table of the schema, each after the tables it refers to */
static const char * const tables[] = {
  "meta", "setting", "area", "team", "caseworker", "reduction", "casefile", "audit",
  "alert_ack", "meta_run", "worker_history", "team_history", "import_mapping",
  "checklist_template", "checklist_template_item", "checklist", "checklist_item",
  "checklist_event", "planned_hire", "scenario",
};

/* Tables a new database fills by itself (the catalogue): not the user's data */
static gboolean
is_seeded (const char *table)
{
  return g_str_equal (table, "meta") || g_str_equal (table, "area");
}

static void
db_error (GError       **error,
          const GError  *cause,
          const char    *location)
{
  g_set_error (error, SF_ERROR,
               g_error_matches (cause, SF_DB_ERROR, SF_DB_ERROR_BUSY) ? SF_ERROR_BUSY
               : g_error_matches (cause, SF_DB_ERROR, SF_DB_ERROR_READ_ONLY) ? SF_ERROR_READ_ONLY
               : SF_ERROR_DATABASE,
               "%s: %s", location, cause->message);
}

static gint64
count_rows (SfDb        *db,
            const char  *table,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr (SfDbStmt) stmt = sf_db_prepare (db, sql, error);

  if (stmt == NULL)
    return -1;
  if (sf_db_stmt_step (stmt) != SF_DB_ROW)
    {
      sf_db_set_error (db, error);
      return -1;
    }
  return sf_db_stmt_column_int64 (stmt, 0);
}

/* The tables @db has that the copy does not know: it cannot copy a
 * database of a newer shape than its own without losing something. */
static char *
unknown_table (SfDb    *db,
               GError **error)
{
  const char *sql = sf_db_get_kind (db) == SF_DB_POSTGRES
    ? "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema ()"
    : "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'";
  g_autoptr (SfDbStmt) stmt = sf_db_prepare (db, sql, error);
  SfDbStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      const char *name = sf_db_stmt_column_text (stmt, 0);
      /* Who may sign in is the server's own: its logins do not travel */
      gboolean known = g_str_equal (name, "schema_version") || g_str_equal (name, "user_access");

      for (guint i = 0; i < G_N_ELEMENTS (tables) && !known; i++)
        known = g_str_equal (name, tables[i]);
      if (!known)
        return g_strdup (name);
    }
  if (step == SF_DB_STEP_ERROR)
    sf_db_set_error (db, error);
  return NULL;
}

/* Opens the source, which must have this version's schema */
static SfDb *
open_source (const char  *from,
             GError     **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (SfDb) db = NULL;
  gint64 version = 0;

  if (!sf_db_location_is_uri (from) && !g_file_test (from, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_NOT_FOUND, _("There is no database file %s."), from);
      return NULL;
    }
  db = sf_db_open (from, SF_DB_OPEN_READONLY, &local);
  if (db == NULL)
    {
      db_error (error, local, from);
      return NULL;
    }
  if (sf_db_get_kind (db) == SF_DB_POSTGRES)
    return sf_server_check_schema (db, error) ? g_steal_pointer (&db) : NULL;

  if (!sf_db_get_schema_version (db, &version, &local))
    {
      db_error (error, local, from);
      return NULL;
    }
  if (version != SF_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SF_ERROR, version > SF_STORE_SCHEMA_VERSION ? SF_ERROR_TOO_NEW : SF_ERROR_DATABASE,
                   _("The database %s has schema %d; this version copies schema %d. Open it once "
                     "with this version of Sagsfordeling (it is then brought up to date), and copy "
                     "it again."),
                   from, (int) version, SF_STORE_SCHEMA_VERSION);
      return NULL;
    }
  return g_steal_pointer (&db);
}

/* Opens the target: a server database set up first, a file made first
 * when it is not there; messages call it @named */
static SfDb *
open_target (const char  *to,
             const char  *named,
             GError     **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (SfDb) db = NULL;
  gint64 version = 0;

  if (sf_db_location_is_uri (to))
    {
      if (!sf_server_setup (to, NULL, NULL, error))
        return NULL;
    }
  else if (!g_file_test (to, G_FILE_TEST_EXISTS))
    {
      /* The store makes a new file as it makes every database */
      g_autoptr (SfStore) store = sf_store_open (to, error);

      if (store == NULL)
        return NULL;
    }

  db = sf_db_open (to, SF_DB_OPEN_DEFAULT, &local);
  if (db == NULL)
    {
      db_error (error, local, named);
      return NULL;
    }
  if (sf_db_get_kind (db) == SF_DB_SQLITE)
    {
      if (!sf_db_get_schema_version (db, &version, &local))
        {
          db_error (error, local, named);
          return NULL;
        }
      if (version != SF_STORE_SCHEMA_VERSION)
        {
          g_set_error (error, SF_ERROR, SF_ERROR_DATABASE,
                       _("The database %s has schema %d; this version copies schema %d. Open it "
                         "once with this version of Sagsfordeling, or copy to a new file."),
                       named, (int) version, SF_STORE_SCHEMA_VERSION);
          return NULL;
        }
      if (!sf_db_exec (db, "PRAGMA foreign_keys = ON", &local))
        {
          db_error (error, local, named);
          return NULL;
        }
    }
  return g_steal_pointer (&db);
}

/* Copies the rows of @table; *@out_rows is their number */
static gboolean
copy_table (SfDb        *source,
            SfDb        *target,
            const char  *table,
            gint64      *out_rows,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", table);
  g_autoptr (SfDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  SfDbCopy *copy = NULL;
  gint64 rows = 0;
  SfDbStep step;
  int n;

  stmt = sf_db_prepare (source, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((step = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      if (copy == NULL)
        {
          n = sf_db_stmt_column_count (stmt);
          for (int i = 0; i < n; i++)
            g_ptr_array_add (columns, g_strdup (sf_db_stmt_column_name (stmt, i)));
          g_ptr_array_add (columns, NULL);
          copy = sf_db_copy_begin (target, table, (const char * const *) columns->pdata, error);
          if (copy == NULL)
            return FALSE;
        }
      for (int i = 0; i < n; i++)
        {
          g_autoptr (SfDbValue) value = sf_db_stmt_column_value (stmt, i);

          sf_db_copy_put_value (copy, i, value);
        }
      if (!sf_db_copy_row (copy, error))
        {
          sf_db_copy_end (copy, FALSE, NULL);
          return FALSE;
        }
      rows++;
    }
  if (step == SF_DB_STEP_ERROR)
    {
      sf_db_set_error (source, error);
      if (copy != NULL)
        sf_db_copy_end (copy, FALSE, NULL);
      return FALSE;
    }
  if (copy != NULL && !sf_db_copy_end (copy, TRUE, error))
    return FALSE;
  *out_rows = rows;
  return TRUE;
}

/* After a copy gave ids of its own, new rows on a server take the next */
static gboolean
move_identities (SfDb    *target,
                 GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sf_store_pg_identity_tables); i++)
    {
      const char *table = sf_store_pg_identity_tables[i];
      g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', 'id'),"
                                              " coalesce (max (id), 0) + 1, false) FROM %s",
                                              table, table);

      if (!sf_db_exec (target, sql, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
copy_into (const char  *from,
           const char  *to,
           const char  *named,
           gboolean     replace,
           gint64      *out_rows,
           GError     **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (SfDb) source = NULL;
  g_autoptr (SfDb) target = NULL;
  g_autofree char *unknown = NULL;
  gint64 copied[G_N_ELEMENTS (tables)];
  gint64 total = 0;

  source = open_source (from, error);
  if (source == NULL)
    return FALSE;
  unknown = unknown_table (source, &local);
  if (local != NULL)
    {
      db_error (error, local, from);
      return FALSE;
    }
  if (unknown != NULL)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_TOO_NEW,
                   _("The database %s has a table (%s) this version of Sagsfordeling does not know; "
                     "copy it with the version that made it."),
                   from, unknown);
      return FALSE;
    }

  target = open_target (to, named, error);
  if (target == NULL)
    return FALSE;

  /* One transaction of the target: everything, or nothing */
  if (!sf_db_begin (target, &local))
    {
      db_error (error, local, named);
      return FALSE;
    }
  if (sf_db_get_kind (target) == SF_DB_POSTGRES &&
      !sf_db_exec (target, "SET CONSTRAINTS ALL DEFERRED", &local))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gint64 rows;

      if (is_seeded (tables[i]))
        continue;
      rows = count_rows (target, tables[i], &local);
      if (rows < 0)
        goto failed;
      if (rows > 0 && !replace)
        {
          sf_db_rollback (target);
          g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                       _("The database %s holds data already (in %s). Nothing was copied; to "
                         "replace its data with the copy, add --replace."),
                       named, tables[i]);
          return FALSE;
        }
    }

  for (guint i = G_N_ELEMENTS (tables); i-- > 0;)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", tables[i]);

      if (!sf_db_exec (target, sql, &local))
        goto failed;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      copied[i] = 0;
      if (!copy_table (source, target, tables[i], &copied[i], &local))
        goto failed;
      total += copied[i];
    }
  if (sf_db_get_kind (target) == SF_DB_POSTGRES && !move_identities (target, &local))
    goto failed;
  if (!sf_db_commit (target, &local))
    goto failed;

  /* Every row arrived */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gint64 there = count_rows (target, tables[i], &local);

      if (there < 0)
        {
          db_error (error, local, named);
          return FALSE;
        }
      if (there != copied[i])
        {
          g_set_error (error, SF_ERROR, SF_ERROR_DATABASE,
                       _("The copy in %s has %lld rows in %s, not %lld."),
                       named, (long long) there, tables[i], (long long) copied[i]);
          return FALSE;
        }
    }

  if (out_rows != NULL)
    *out_rows = total;
  return TRUE;

failed:
  sf_db_rollback (target);
  db_error (error, local, named);
  return FALSE;
}

/* A new file is written under a hidden name beside it and renamed when the
 * copy is complete, so nobody opening @to sees it half made, and a copy cut
 * short leaves nothing at @to.  An existing file or a server takes the copy
 * in one transaction of its own. */
gboolean
sf_store_copy_between (const char  *from,
                       const char  *to,
                       gboolean     replace,
                       gint64      *out_rows,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *partial = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (sf_db_location_is_uri (to) || g_file_test (to, G_FILE_TEST_EXISTS))
    return copy_into (from, to, to, replace, out_rows, error);

  dir = g_path_get_dirname (to);
  base = g_path_get_basename (to);
  partial = g_strdup_printf ("%s/.%s-XXXXXX", dir, base);
  fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("The copy could not be written: %s"), g_strerror (saved));
      return FALSE;
    }
  /* The name is ours; the store makes the file itself */
  close (fd);
  g_unlink (partial);

  ok = copy_into (from, partial, to, replace, out_rows, error);
  if (ok && g_rename (partial, to) != 0)
    {
      int saved = errno;

      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("The copy could not be written: %s"), g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *leftover = g_strconcat (partial, suffixes[i], NULL);

          g_unlink (leftover);
        }
    }
  return ok;
}
