#include "config.h"

#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sf-db-bind.h"
#include "sf-db-sqlite.h"
#include "sf-store-changes.h"
#include "sf-error.h"
#include "sf-norms.h"
#include "sf-remote-change.h"
#include "sf-server.h"
#include "sf-store.h"

#define BUSY_TIMEOUT_MS 10000

struct _SfStore
{
  GObject  parent_instance;

  char      *path;
  SfDb *db;

  /* Opened for reading only: the file or its folder is not writable */
  gboolean   readonly;

  /* What the policies above the store (backups) asked to be told */
  SfStoreMigrateHook before_migrate;
  gpointer           before_migrate_data;
  SfStoreWriteHook   write_hook;
  gpointer           write_hook_data;

  /* During a bulk write (sf_store_begin_bulk): the table, and the CREATE
   * INDEX statements of the indexes set aside until the commit. */
  char      *bulk_table;
  GPtrArray *bulk_indexes;
  gboolean   bulk_parents_trusted;

  /* What has been written since SfStore::changed was last emitted, as
   * SQLite's update hook saw it, and how many rows it saw: when SQLite
   * counts more rows changed than the hook saw (a table without rowids, a
   * truncation), the change is "everything". */
  SfChange  *pending;
  gint64     rows_seen;
  gint64     total_changes;
  /* The same at the start of the transaction: a rolled-back one has
   * written nothing anybody need be told of */
  gint64     rows_seen_at_begin;
  gint64     total_changes_at_begin;
  gboolean   pending_empty_at_begin;

  /* How deep sf_store_begin() calls are nested: 1 in a transaction, more
   * where a write runs inside another one's (a savepoint each). */
  int        depth;
};

G_DEFINE_FINAL_TYPE (SfStore, sf_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64 query_int (SfStore    *self,
                         const char *sql);

/* What only SQLite has (PRAGMAs, sqlite_schema, its files) is done where
 * the connection is SQLite's; a server has its own. */
#define IS_SQLITE(self) (sf_db_get_kind ((self)->db) == SF_DB_SQLITE)

static void
sf_store_finalize (GObject *object)
{
  SfStore *self = (SfStore *) object;

  g_clear_pointer (&self->db, sf_db_close);
  g_free (self->path);
  g_free (self->bulk_table);
  g_clear_pointer (&self->bulk_indexes, g_ptr_array_unref);
  g_clear_pointer (&self->pending, sf_change_free);

  G_OBJECT_CLASS (sf_store_parent_class)->finalize (object);
}

static void
sf_store_class_init (SfStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sf_store_finalize;

  /**
   * SfStore::changed:
   * @change: (type gpointer): the #SfChange: what was written
   *
   * Emitted after this store committed a change, so views can refresh,
   * or when another program changed the file (then @change says
   * "everything").
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
sf_store_init (SfStore *self)
{
  self->pending = sf_change_new ();
}

static void
on_row_changed (gpointer       user_data,
                SfDbOperation  operation,
                const char    *table,
                gint64         rowid)
{
  SfStore *self = user_data;

  self->rows_seen++;
  sf_change_add_row (self->pending, table, operation, rowid);
}

/* Starts following the rows written through the connection. */
static void
follow_changes (SfStore *self)
{
  /* A driver that cannot follow rows leaves rows_seen at 0: every
   * change is then "everything". */
  sf_db_set_row_hook (self->db, on_row_changed, self);
  self->rows_seen = 0;
  self->total_changes = sf_db_total_changes (self->db);
}

/* Maps the database's errors to the project's, in words a manager can
 * act on. */
static void
set_error_from_code (GError     **error,
                     SfDbError    code,
                     const char  *detail)
{
  switch (code)
    {
    case SF_DB_ERROR_BUSY:
      g_set_error_literal (error, SF_ERROR, SF_ERROR_BUSY,
                           _("The database is busy: another program (perhaps an import "
                             "or the other Sagsfordeling window) is writing to it. "
                             "Try again in a moment."));
      break;
    case SF_DB_ERROR_CORRUPT:
      g_set_error_literal (error, SF_ERROR, SF_ERROR_CORRUPT,
                           _("The database file is damaged or is not a Sagsfordeling "
                             "database. Restore it from a backup."));
      break;
    case SF_DB_ERROR_READ_ONLY:
      g_set_error_literal (error, SF_ERROR, SF_ERROR_READ_ONLY,
                           _("The database can be read but not changed: the file or its "
                             "folder is read-only. Copy it somewhere you may write to, or "
                             "open it there."));
      break;
    case SF_DB_ERROR_DENIED:
      g_set_error_literal (error, SF_ERROR, SF_ERROR_DENIED,
                           _("You may not make this change: on the shared database, your "
                             "sign-in may change only what your role and teams allow. Ask "
                             "the database's administrator if you need more access."));
      break;
    case SF_DB_ERROR_IO:
      g_set_error (error, SF_ERROR, SF_ERROR_IO,
                   _("The database file cannot be read or written (%s)."), detail);
      break;
    case SF_DB_ERROR_CONNECTION:
    case SF_DB_ERROR_AUTH:
    case SF_DB_ERROR_TLS:
      /* Kept in the database's domain, so that the window can tell a
       * server out of reach, a refused password and a failed encryption
       * apart; the driver's message says which already */
      g_set_error_literal (error, SF_DB_ERROR, code, detail);
      break;
    case SF_DB_ERROR_OTHER:
    case SF_DB_ERROR_CONSTRAINT:
    case SF_DB_ERROR_UNIQUE:
    case SF_DB_ERROR_FOREIGN_KEY:
    default:
      g_set_error (error, SF_ERROR, SF_ERROR_DATABASE,
                   _("Database error: %s"), detail);
      break;
    }
}

/* A GError of SF_DB_ERROR as the project's */
static void
propagate_db_error (GError **error,
                    GError  *db_error)
{
  if (db_error != NULL)
    {
      set_error_from_code (error, db_error->code, db_error->message);
      g_error_free (db_error);
    }
}

void
sf_store_set_db_error (SfStore  *self,
                       GError  **error)
{
  /* A statement of an edit failed because the server went away: its
   * transaction never committed */
  if (sf_db_get_error_code (self->db) == SF_DB_ERROR_CONNECTION)
    {
      g_set_error (error, SF_DB_ERROR, SF_DB_ERROR_CONNECTION,
                   _("The connection to the database server was lost, so nothing was changed. "
                     "Sagsfordeling reconnects by itself: try again when it has (%s)."),
                   sf_db_get_error_message (self->db));
      return;
    }
  set_error_from_code (error, sf_db_get_error_code (self->db), sf_db_get_error_message (self->db));
}

gboolean
sf_store_exec (SfStore     *self,
               const char  *sql,
               GError     **error)
{
  if (!sf_db_exec (self->db, sql, NULL))
    {
      sf_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

SfDbStmt *
sf_store_prepare (SfStore     *self,
                  const char  *sql,
                  GError     **error)
{
  SfDbStmt *stmt = sf_db_prepare (self->db, sql, NULL);

  if (stmt == NULL)
    sf_store_set_db_error (self, error);
  return stmt;
}

/* After the last step of @stmt, which ended in @rc: resets it for reuse,
 * and tells whether it failed. */
static gboolean
end_step (SfStore   *self,
          SfDbStmt  *stmt,
          SfDbStep   rc,
          GError   **error)
{
  if (rc == SF_DB_STEP_ERROR)
    {
      sf_store_set_db_error (self, error);
      sf_db_stmt_reset (stmt);
      return FALSE;
    }
  sf_db_stmt_reset (stmt);
  sf_db_stmt_clear (stmt);
  return TRUE;
}

/* Steps a statement that returns no rows, and resets it for reuse. */
gboolean
sf_store_step_done (SfStore       *self,
                    SfDbStmt  *stmt,
                    GError       **error)
{
  return end_step (self, stmt, sf_db_stmt_step (stmt), error);
}

/**
 * sf_store_step_returning:
 * @id: (out): the id the statement returned, or 0 when it returned no row
 *
 * Steps a statement that writes one row and ends in `RETURNING id` (the
 * portable way to learn a new row's id), and resets it for reuse.  An
 * upsert whose update was skipped returns no row.
 */
gboolean
sf_store_step_returning (SfStore   *self,
                         SfDbStmt  *stmt,
                         gint64    *id,
                         GError   **error)
{
  SfDbStep rc = sf_db_stmt_step (stmt);

  *id = 0;
  if (rc == SF_DB_ROW)
    {
      *id = sf_db_stmt_column_int64 (stmt, 0);
      rc = sf_db_stmt_step (stmt);
    }
  if (rc == SF_DB_STEP_ERROR)
    *id = 0;
  return end_step (self, stmt, rc, error);
}

/* The end of a prepare, bind, step: steps @stmt (from sf_store_prepare(),
 * a statement that returns no rows) and frees it.  FALSE, with the error
 * sf_store_prepare() set, when @stmt is NULL. */
gboolean
sf_store_run (SfStore   *self,
              SfDbStmt  *stmt,
              GError   **error)
{
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  ok = sf_store_step_done (self, stmt, error);
  sf_db_stmt_free (stmt);
  return ok;
}

/* sf_store_run() for a statement that ends in `RETURNING id`: the new id
 * into *@id (see sf_store_step_returning()). */
gboolean
sf_store_run_returning (SfStore   *self,
                        SfDbStmt  *stmt,
                        gint64    *id,
                        GError   **error)
{
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  ok = sf_store_step_returning (self, stmt, id, error);
  sf_db_stmt_free (stmt);
  return ok;
}

/* Takes the write lock at once, so a second writer waits (up to the busy
 * timeout) instead of failing half-way through. */
/* After the rollback of a whole transaction: its rows are as they were,
 * so the next SfStore::changed names none of them (a dry-run import of
 * 100,000 cases would otherwise make it "everything"), and the rows the
 * database counts for it are not unexplained.  Rows pending from before
 * the transaction (a write not yet told) stay pending, and with them, to
 * be safe, the rolled-back ones. */
static void
forget_rolled_back (SfStore *self)
{
  self->total_changes += sf_db_total_changes (self->db) - self->total_changes_at_begin;
  self->rows_seen = self->rows_seen_at_begin;
  if (self->pending_empty_at_begin)
    sf_change_clear (self->pending);
}

gboolean
sf_store_begin (SfStore  *self,
                GError  **error)
{
  if (self->readonly)
    {
      set_error_from_code (error, SF_DB_ERROR_READ_ONLY, NULL);
      return FALSE;
    }
  if (!sf_db_in_transaction (self->db))
    self->depth = 0;
  /* A write inside another write (applying a scenario is many edits, each
   * its own write) is a savepoint of the one transaction: it commits with
   * the outer one, and a refused inner write undoes only itself. */
  if (self->depth > 0)
    {
      if (!sf_store_exec (self, "SAVEPOINT sf_nested", error))
        return FALSE;
      self->depth++;
      return TRUE;
    }
  if (self->write_hook != NULL)
    self->write_hook (self, self->write_hook_data);
  if (!sf_db_begin (self->db, NULL))
    {
      sf_store_set_db_error (self, error);
      return FALSE;
    }
  self->depth = 1;
  self->rows_seen_at_begin = self->rows_seen;
  self->total_changes_at_begin = sf_db_total_changes (self->db);
  self->pending_empty_at_begin = sf_change_is_empty (self->pending);
  return TRUE;
}

/* @hook is called before each write transaction begins: the daily backup
 * (sf-backup.c) is made there. */
void
sf_store_set_write_hook (SfStore          *self,
                         SfStoreWriteHook  hook,
                         gpointer          user_data)
{
  g_return_if_fail (SF_IS_STORE (self));

  self->write_hook = hook;
  self->write_hook_data = user_data;
}

gboolean
sf_store_is_readonly (SfStore *self)
{
  g_return_val_if_fail (SF_IS_STORE (self), TRUE);

  return self->readonly;
}

void
sf_store_set_busy_timeout (SfStore *self,
                           int      ms)
{
  g_return_if_fail (SF_IS_STORE (self));

  sf_db_set_busy_timeout (self->db, ms);
}

/* A number that changes whenever another connection (another program, or
 * the CLI) has committed a change to the database; this connection's own
 * changes leave it alone.  Cheap: no disk access. */
gint64
sf_store_get_data_version (SfStore *self)
{
  g_return_val_if_fail (SF_IS_STORE (self), -1);

  return sf_db_data_version (self->db);
}

gboolean
sf_store_commit (SfStore  *self,
                 GError  **error)
{
  if (self->depth > 1 && sf_db_in_transaction (self->db))
    {
      if (!sf_store_exec (self, "RELEASE sf_nested", error))
        {
          sf_store_rollback (self);
          return FALSE;
        }
      self->depth--;
      return TRUE;
    }
  if (!sf_store_exec (self, "COMMIT", error))
    {
      sf_store_rollback (self);
      return FALSE;
    }
  self->depth = 0;
  return TRUE;
}

void
sf_store_rollback (SfStore *self)
{
  if (self->depth > 1 && sf_db_in_transaction (self->db))
    {
      sf_db_exec (self->db, "ROLLBACK TO sf_nested; RELEASE sf_nested", NULL);
      self->depth--;
      return;
    }
  sf_db_rollback (self->db);
  self->depth = 0;
  forget_rolled_back (self);
}

/* ---- bulk writes -------------------------------------------------------
 *
 * Writing 100,000 rows one statement at a time, SQLite spends most of the
 * time on what a bulk load does not need row by row: for each row it looks
 * up the parents of every foreign key, and because a foreign key may abort
 * a statement half-way, it keeps a statement journal (a copy of each page the
 * row touches) to undo it; each secondary index is updated in key order
 * rather than built once.  A bulk write therefore runs with foreign keys
 * off and checks them all at once before the commit
 * (PRAGMA foreign_key_check), and may set the table's indexes aside and
 * rebuild them before the commit.  It is one transaction as any other:
 * killed at any moment, the database holds all of it or none of it.
 *
 * On a server the driver streams the rows (sf_db_copy_begin()), and for a
 * large write (@rebuild_indexes: at least as many rows as the table held)
 * the table's foreign keys and plain indexes are set aside in the same way
 * where the user owns the table (pg_set_aside()).  That locks the table
 * until the commit, so an ordinary import on a shared server keeps them
 * and its readers. */

static void
end_bulk (SfStore *self)
{
  g_clear_pointer (&self->bulk_table, g_free);
  g_clear_pointer (&self->bulk_indexes, g_ptr_array_unref);
  self->bulk_parents_trusted = FALSE;
  /* Outside a transaction, so this cannot fail for the reason it could
   * inside one; foreign keys are on for everything else. */
  if (IS_SQLITE (self))
    sf_db_exec (self->db, "PRAGMA foreign_keys = ON", NULL);
}

/* On a server, what a large bulk write sets aside when this user owns
 * @table (the right to change it): its foreign keys, whose per-row
 * triggers were half of a large import there, and its plain indexes are
 * dropped and added again at the commit (adding a key checks every row in
 * one query).  Into an empty table its primary key and unique constraints
 * are set aside too (those no foreign key depends on): built once from
 * the loaded rows, sorted, instead of a row at a time, and checked as
 * they are added.  The commands that put them back are queued in
 * bulk_indexes, keys first, then indexes, then foreign keys.  The table is
 * locked (ACCESS EXCLUSIVE) until the commit; all of it is undone with the
 * transaction.  Another user's table keeps its constraints: the rows are
 * checked one by one.  One query finds them all (one round trip). */
static gboolean
pg_set_aside (SfStore     *self,
              const char  *table,
              GError     **error)
{
  g_autofree char *quoted = sf_db_quote_name (table);
  g_autofree char *sql = g_strdup_printf (
    "SELECT 1, c.conname, 'ALTER TABLE ' || quote_ident (?1) || ' ADD CONSTRAINT ' || quote_ident (c.conname)"
    "  || ' ' || pg_get_constraintdef (c.oid),"
    "  'ALTER TABLE ' || quote_ident (?1) || ' DROP CONSTRAINT ' || quote_ident (c.conname)"
    "  FROM pg_constraint c"
    " WHERE c.conrelid = to_regclass (?1) AND c.contype IN ('p', 'u')"
    "  AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)"
    "  AND pg_has_role ((SELECT relowner FROM pg_class WHERE oid = c.conrelid), 'USAGE')"
    "  AND NOT EXISTS (SELECT 1 FROM %s)"
    " UNION ALL"
    /* the plain indexes (not a constraint's) */
    " SELECT 2, i.relname::text, pg_get_indexdef (x.indexrelid), 'DROP INDEX ' || quote_ident (i.relname)"
    "  FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
    " WHERE x.indrelid = to_regclass (?1)"
    "  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)"
    "  AND pg_has_role ((SELECT relowner FROM pg_class WHERE oid = x.indrelid), 'USAGE')"
    " UNION ALL"
    /* the foreign keys */
    " SELECT 3, c.conname::text, 'ALTER TABLE ' || quote_ident (?1) || ' ADD CONSTRAINT ' || quote_ident (c.conname)"
    "  || ' ' || pg_get_constraintdef (c.oid),"
    "  'ALTER TABLE ' || quote_ident (?1) || ' DROP CONSTRAINT ' || quote_ident (c.conname)"
    "  FROM pg_constraint c"
    " WHERE c.conrelid = to_regclass (?1) AND c.contype = 'f'"
    "  AND pg_has_role ((SELECT relowner FROM pg_class WHERE oid = c.conrelid), 'USAGE')"
    " ORDER BY 1, 2", quoted);
  g_autoptr(GString) drops = g_string_new (NULL);
  g_autoptr(SfDbStmt) stmt = sf_store_prepare (self, sql, error);
  SfDbStep rc;

  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_text (stmt, 1, table);
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      g_ptr_array_add (self->bulk_indexes, sf_db_stmt_dup_text (stmt, 2));
      /* Foreign keys first, then indexes, then keys: the reverse order */
      g_string_prepend (drops, ";");
      g_string_prepend (drops, sf_db_stmt_column_text (stmt, 3));
    }
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (self, error);
      return FALSE;
    }
  return drops->len == 0 || sf_store_exec (self, drops->str, error);
}

/**
 * sf_store_begin_bulk:
 * @table: the table that the bulk write fills
 * @rebuild_indexes: set its indexes aside and rebuild them at the commit;
 *   worth it when the write adds at least as many rows as the table had
 *
 * Begins a write transaction for many rows of @table, whose foreign keys
 * are checked at sf_store_commit_bulk() rather than row by row.  End it with
 * sf_store_commit_bulk() or sf_store_rollback_bulk(), never with the plain
 * commit or rollback.
 */
gboolean
sf_store_begin_bulk (SfStore     *self,
                     const char  *table,
                     gboolean     rebuild_indexes,
                     GError     **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (self->bulk_table == NULL, FALSE);
  g_return_val_if_fail (!sf_db_in_transaction (self->db), FALSE);

  /* PRAGMA foreign_keys is a no-op inside a transaction: set it first. */
  if (IS_SQLITE (self) && !sf_store_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  self->bulk_table = g_strdup (table);
  self->bulk_indexes = g_ptr_array_new_with_free_func (g_free);
  if (!sf_store_begin (self, error))
    {
      end_bulk (self);
      return FALSE;
    }

  if (!IS_SQLITE (self))
    {
      if (rebuild_indexes && !pg_set_aside (self, table, error))
        {
          sf_store_rollback_bulk (self);
          return FALSE;
        }
      return TRUE;
    }

  if (rebuild_indexes)
    {
      /* Indexes of constraints (sql IS NULL) stay: they enforce UNIQUE. */
      SfDbStmt *stmt = sf_store_prepare (self,
                                             "SELECT name, sql FROM sqlite_schema"
                                             " WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL",
                                             error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      SfDbStep rc;

      if (stmt == NULL)
        {
          sf_store_rollback_bulk (self);
          return FALSE;
        }
      sf_db_stmt_bind_text_static (stmt, 1, table);
      while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
        {
          g_ptr_array_add (names, sf_db_stmt_dup_text (stmt, 0));
          g_ptr_array_add (self->bulk_indexes, sf_db_stmt_dup_text (stmt, 1));
        }
      sf_db_stmt_free (stmt);
      if (rc != SF_DB_DONE)
        {
          sf_store_set_db_error (self, error);
          sf_store_rollback_bulk (self);
          return FALSE;
        }
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *name = sf_db_quote_name (g_ptr_array_index (names, i));
          g_autofree char *drop = g_strconcat ("DROP INDEX ", name, NULL);
          gboolean ok = sf_store_exec (self, drop, error);

          if (!ok)
            {
              sf_store_rollback_bulk (self);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/**
 * sf_store_bulk_trust_parents:
 * @data_version: sf_store_get_data_version() from before the rows of the
 *   bulk write were given their parents' ids, read from this database
 *
 * If no other connection has committed since @data_version, the parents
 * the rows were given are still there: the bulk write holds the write lock
 * and sees the database as it was then.  The commit then does not check
 * the table's foreign keys again (over 100,000 cases, a twentieth of an
 * import).  Returns whether it will not.
 */
gboolean
sf_store_bulk_trust_parents (SfStore *self,
                             gint64   data_version)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk_table != NULL, FALSE);

  self->bulk_parents_trusted = sf_store_get_data_version (self) == data_version;
  return self->bulk_parents_trusted;
}

/**
 * sf_store_commit_bulk:
 *
 * Rebuilds the indexes set aside, checks every foreign key of the table
 * (unless sf_store_bulk_trust_parents() said it need not) and commits.  A
 * row whose parent is missing rolls everything back.
 */
gboolean
sf_store_commit_bulk (SfStore  *self,
                      GError  **error)
{
  SfDbStmt *stmt;
  SfDbStep rc;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk_table != NULL, FALSE);

  if (!IS_SQLITE (self) && self->bulk_indexes->len > 0)
    {
      /* On a server all in one query: one round trip */
      g_autofree char *all = NULL;

      g_ptr_array_add (self->bulk_indexes, NULL);
      all = g_strjoinv (";", (char **) self->bulk_indexes->pdata);
      g_ptr_array_set_size (self->bulk_indexes, self->bulk_indexes->len - 1);
      if (!sf_store_exec (self, all, error))
        {
          sf_store_rollback_bulk (self);
          return FALSE;
        }
    }
  else
    for (guint i = 0; i < self->bulk_indexes->len; i++)
      if (!sf_store_exec (self, g_ptr_array_index (self->bulk_indexes, i), error))
        {
          sf_store_rollback_bulk (self);
          return FALSE;
        }

  if (!self->bulk_parents_trusted && IS_SQLITE (self))
    {
      g_autofree char *table = sf_db_quote_name (self->bulk_table);
      g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_key_check (%s)", table);

      stmt = sf_store_prepare (self, sql, error);
      if (stmt == NULL)
        {
          sf_store_rollback_bulk (self);
          return FALSE;
        }
      rc = sf_db_stmt_step (stmt);
      sf_db_stmt_free (stmt);
      if (rc != SF_DB_DONE)
        {
          if (rc == SF_DB_ROW)
            set_error_from_code (error, SF_DB_ERROR_FOREIGN_KEY, "FOREIGN KEY constraint failed");
          else
            sf_store_set_db_error (self, error);
          sf_store_rollback_bulk (self);
          return FALSE;
        }
    }

  if (!sf_store_exec (self, "COMMIT", error))
    {
      sf_store_rollback_bulk (self);
      return FALSE;
    }
  end_bulk (self);
  return TRUE;
}

void
sf_store_rollback_bulk (SfStore *self)
{
  g_return_if_fail (SF_IS_STORE (self));

  sf_store_rollback (self);
  end_bulk (self);
}

/* On a server that is listened to, this connection's own transactions
 * come back as the triggers' notifications naming table and rows, as
 * another user's do (sf-remote-change.h): they say what was written where
 * no row hook can.  Adds them to @change and returns how many rows they
 * named; -1 when the connection listens on nothing. */
static gint64
add_own_notifications (SfStore  *self,
                       SfChange *change)
{
  g_autoptr(GPtrArray) own = sf_db_take_own_notifications (self->db);
  gint64 named = 0;

  if (own == NULL)
    return -1;
  for (guint i = 0; i < own->len; i++)
    {
      SfDbNotification *notification = g_ptr_array_index (own, i);
      g_autoptr(SfRemoteChange) remote = NULL;
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (notification->channel, SF_REMOTE_CHANNEL) != 0)
        continue;
      remote = sf_remote_change_parse (notification->payload, &error);
      if (remote == NULL)
        {
          g_debug ("%s", error->message);
          change->everything = TRUE;
          continue;
        }
      /* "all" makes the change everything */
      sf_remote_change_add_to (remote, change);
      named += remote->ids != NULL ? remote->ids->len : 0;
    }
  return named;
}

static void
emit_changed (SfStore  *self,
              gboolean  everything)
{
  g_autoptr(SfChange) change = g_steal_pointer (&self->pending);
  gint64 total = sf_db_total_changes (self->db);
  gint64 named = add_own_notifications (self, change);

  /* A write from a handler is the next emission's */
  self->pending = sf_change_new ();
  if (named >= 0)
    {
      /* Every table figures are read from notifies; rows the
       * notifications did not name are of those that do not (the change
       * log, the history of figures, access) or the same row written
       * twice in one transaction */
      if (total - self->total_changes > self->rows_seen + named)
        change->tables |= SF_CHANGE_LOG;
    }
  else if (total - self->total_changes > self->rows_seen)
    everything = TRUE;
  if (everything)
    change->everything = TRUE;
  self->rows_seen = 0;
  self->total_changes = total;
  sf_change_finish (change);
  g_signal_emit (self, signals[CHANGED], 0, change);
}

/* Tells the views what this store wrote since the last time. */
void
sf_store_emit_changed (SfStore *self)
{
  g_return_if_fail (SF_IS_STORE (self));

  /* Inside an outer write: told once, when that one commits */
  if (self->depth > 0 && sf_db_in_transaction (self->db))
    return;
  emit_changed (self, FALSE);
}

/* Says that @n_rows rows were just written to tables without rowids
 * that no figures are read from (the history of figures): the next
 * SfStore::changed need not be "everything" for them. */
void
sf_store_note_unannounced_rows (SfStore *self,
                                gint64   n_rows)
{
  g_return_if_fail (SF_IS_STORE (self));

  self->rows_seen += n_rows;
}

/* Tells the views that the file changed in ways this store did not see
 * (another program wrote to it): everything is to be read again. */
void
sf_store_emit_changed_elsewhere (SfStore *self)
{
  g_return_if_fail (SF_IS_STORE (self));

  emit_changed (self, TRUE);
}

/* Tells the views what another connection wrote to the server, as its
 * notifications named it (sf-remote-change.h): rows by id, so the views
 * follow it as they follow this store's own writes. */
void
sf_store_emit_remote_change (SfStore        *self,
                             const SfChange *change)
{
  g_return_if_fail (SF_IS_STORE (self));
  g_return_if_fail (change != NULL);

  g_signal_emit (self, signals[CHANGED], 0, change);
}

const char *
sf_store_get_path (SfStore *self)
{
  g_return_val_if_fail (SF_IS_STORE (self), NULL);
  return self->path;
}

SfDb *
sf_store_get_db (SfStore *self)
{
  g_return_val_if_fail (SF_IS_STORE (self), NULL);
  return self->db;
}

char *
sf_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sagsfordeling", "sagsfordeling.db", NULL);
}

static gint64
query_int (SfStore    *self,
           const char *sql)
{
  SfDbStmt *stmt = NULL;
  gint64 value = -1;

  stmt = sf_db_prepare (self->db, sql, NULL);
  if (stmt != NULL && sf_db_stmt_step (stmt) == SF_DB_ROW)
    value = sf_db_stmt_column_int64 (stmt, 0);
  sf_db_stmt_free (stmt);
  return value;
}

static void
bind_number_or_null (SfDbStmt *stmt,
                     int           index,
                     double        value)
{
  if (isnan (value))
    sf_db_stmt_bind_null (stmt, index);
  else
    sf_db_stmt_bind_double (stmt, index, value);
}

/* Binds @text, or NULL where it is NULL or empty. */
void
sf_store_bind_text_or_null (SfDbStmt *stmt,
                            int           index,
                            const char   *text)
{
  if (text == NULL || *text == '\0')
    sf_db_stmt_bind_null (stmt, index);
  else
    sf_db_stmt_bind_text (stmt, index, text);
}

/* Binds when (now, UTC, ISO 8601) at @at and who (the OS user) at @who:
 * the stamp of a row that records a person's act — a change-log line, a
 * checklist event, a saved template, an acknowledgement.  On a server,
 * triggers put the login the server authenticated in its place. */
void
sf_store_bind_stamp (SfDbStmt *stmt,
                     int       at,
                     int       who)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = g_date_time_format_iso8601 (now);

  sf_db_stmt_bind_text (stmt, at, text);
  sf_db_stmt_bind_text (stmt, who, g_get_user_name ());
}

/* Brings the shipped areas up to date with the catalogue compiled into this
 * build, when the catalogue changed since the database last saw it.  The
 * organisation's own areas are left alone. */
static gboolean
sync_catalogue (SfStore  *self,
                GError  **error)
{
  g_autoptr(SfCatalogue) catalogue = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *stored = NULL;
  SfDbStmt *stmt;
  gboolean ok = TRUE;

  bytes = sf_catalogue_default_bytes (error);
  if (bytes == NULL)
    return FALSE;
  stamp = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  stmt = sf_store_prepare (self, "SELECT value FROM meta WHERE key = 'catalogue'", error);
  if (stmt == NULL)
    return FALSE;
  if (sf_db_stmt_step (stmt) == SF_DB_ROW)
    stored = sf_db_stmt_dup_text (stmt, 0);
  sf_db_stmt_free (stmt);

  if (g_strcmp0 (stored, stamp) == 0)
    return TRUE;

  catalogue = sf_catalogue_load_bytes (bytes, error);
  if (catalogue == NULL)
    return FALSE;

  if (!sf_store_begin (self, error))
    return FALSE;

  stmt = sf_store_prepare (self,
                           "INSERT INTO area (key, name, ds_low, ds_high, survey_avg, survey_avg_prev,"
                           "  appropriate, share_too_high, share_compliant, survey_year,"
                           "  survey_prev_year, note, source, custom)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0)"
                           " ON CONFLICT (key) DO UPDATE SET"
                           "  name = excluded.name, ds_low = excluded.ds_low, ds_high = excluded.ds_high,"
                           "  survey_avg = excluded.survey_avg, survey_avg_prev = excluded.survey_avg_prev,"
                           "  appropriate = excluded.appropriate, share_too_high = excluded.share_too_high,"
                           "  share_compliant = excluded.share_compliant, survey_year = excluded.survey_year,"
                           "  survey_prev_year = excluded.survey_prev_year, note = excluded.note,"
                           "  source = excluded.source"
                           " WHERE area.custom = 0",
                           error);
  if (stmt == NULL)
    {
      sf_store_rollback (self);
      return FALSE;
    }

  for (guint i = 0; ok && i < catalogue->areas->len; i++)
    {
      const SfArea *a = &g_array_index (catalogue->areas, SfArea, i);

      sf_db_stmt_bind_text_static (stmt, 1, a->key);
      sf_db_stmt_bind_text_static (stmt, 2, a->name);
      sf_db_stmt_bind_double (stmt, 3, a->ds_low);
      sf_db_stmt_bind_double (stmt, 4, a->ds_high);
      bind_number_or_null (stmt, 5, a->survey_avg);
      bind_number_or_null (stmt, 6, a->survey_avg_prev);
      bind_number_or_null (stmt, 7, a->appropriate);
      bind_number_or_null (stmt, 8, a->share_too_high);
      bind_number_or_null (stmt, 9, a->share_compliant);
      sf_db_stmt_bind_int64 (stmt, 10, a->survey_year);
      sf_db_stmt_bind_int64 (stmt, 11, a->survey_prev_year);
      sf_store_bind_text_or_null (stmt, 12, a->note);
      sf_store_bind_text_or_null (stmt, 13, a->source);
      ok = sf_store_step_done (self, stmt, error);
    }
  sf_db_stmt_free (stmt);

  if (ok)
    {
      stmt = sf_store_prepare (self, "INSERT INTO meta (key, value) VALUES ('catalogue', ?1)"
                                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
      if (stmt != NULL)
        sf_db_stmt_bind_text_static (stmt, 1, stamp);
      ok = sf_store_run (self, stmt, error);
    }

  if (!ok)
    {
      sf_store_rollback (self);
      return FALSE;
    }
  return sf_store_commit (self, error);
}

/* On a shared database only an admin (or the owner) may change the
 * catalogue: for anyone else it stays as they last synchronised it, and the
 * store opens all the same (docs/access.md). */
static gboolean
sync_catalogue_if_allowed (SfStore  *self,
                           GError  **error)
{
  g_autoptr(GError) local = NULL;

  if (sync_catalogue (self, &local))
    return TRUE;
  if (g_error_matches (local, SF_ERROR, SF_ERROR_DENIED))
    {
      g_debug ("The catalogue is left as it is: %s", local->message);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* SQLite's b-tree balancing mallocs and frees a 64 KiB scratch buffer for
 * every changed index entry.  Where that lands at the top of the heap,
 * glibc returns it to the kernel each time: two brk() calls a row, which
 * made re-importing 100,000 cases five times slower.  A few MiB of top pad
 * keep it in the process.
 *
 * SQLite's memory statistics are turned off too (sf_db_sqlite_tune()). */
static void
tune_allocator (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
#ifdef __GLIBC__
      mallopt (M_TOP_PAD, 4 * 1024 * 1024);
#endif
      sf_db_sqlite_tune ();
      g_once_init_leave (&once, 1);
    }
}

/* The schema version, or FALSE if it cannot be read. */
static gboolean
read_version (SfStore  *self,
              gint64   *out_version)
{
  return sf_db_get_schema_version (self->db, out_version, NULL);
}

/* The version this build's driver brings the schema to */
static gint64
latest_version (SfStore *self)
{
  gint64 version = 0;

  while (sf_db_get_migration (self->db, version, NULL) != NULL)
    version++;
  return version;
}

/* TRUE if the tables every version of Sagsfordeling has are there. */
static gboolean
has_own_tables (SfStore *self)
{
  static const char * const names[] = { "team", "caseworker", "casefile", "audit", NULL };

  return sf_db_count_tables (self->db, names) == 4;
}

/* Refuses a file that is not ours to change: somebody else's database, or
 * one made by a newer version.  Runs before anything writes to the file,
 * the switch to WAL included. */
static gboolean
check_version (SfStore  *self,
               GError  **error)
{
  gint64 version;

  if (!read_version (self, &version))
    {
      sf_store_set_db_error (self, error);
      return FALSE;
    }
  if (version > latest_version (self))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_TOO_NEW,
                   _("The database was made by a newer version of Sagsfordeling "
                     "(schema %d; this version knows %d). Update the app."),
                   (int) version, (int) latest_version (self));
      return FALSE;
    }

  /* A negative version, or tables but no version, or a version without
   * our tables: somebody else's database, or a damaged one. */
  if (version < 0 ||
      (version == 0 && sf_db_count_tables (self->db, NULL) > 0) ||
      (version > 0 && !has_own_tables (self)))
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_CORRUPT,
                           _("This file is an SQLite database, but not one of Sagsfordeling's."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (SfStore  *self,
         GError  **error)
{
  gint64 version, latest = latest_version (self);

  if (!check_version (self, error) || !read_version (self, &version))
    return FALSE;

  if (version < latest && self->readonly)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_READ_ONLY,
                           _("The database was made by an older version of Sagsfordeling and must be "
                             "upgraded before it can be used, but it is read-only. Copy it somewhere "
                             "you may write to, and open the copy."));
      return FALSE;
    }

  /* A database that is about to change shape is copied first (by the
   * policy that asked to be told). */
  if (version > 0 && version < latest && self->before_migrate != NULL &&
      !self->before_migrate (self, (int) version, self->before_migrate_data, error))
    return FALSE;

  while (version < latest)
    {
      /* A step that rebuilds a table others refer to runs with foreign
       * keys off (they can only be switched outside a transaction) and
       * checks every key before it commits: SQLite's documented procedure. */
      gboolean rebuild;
      const char *migration = sf_db_get_migration (self->db, version, &rebuild);
      gboolean ok;
      gint64 now;

      rebuild = rebuild && IS_SQLITE (self);
      if (rebuild && !sf_store_exec (self, "PRAGMA foreign_keys = OFF", error))
        return FALSE;
      ok = sf_store_begin (self, error);
      /* Another process may have migrated while we waited for the lock. */
      if (ok && (!read_version (self, &now) || now != version))
        {
          sf_store_rollback (self);
          if (rebuild && !sf_store_exec (self, "PRAGMA foreign_keys = ON", error))
            return FALSE;
          if (!read_version (self, &version))
            {
              sf_store_set_db_error (self, error);
              return FALSE;
            }
          continue;
        }
      ok = ok && (*migration == '\0' || sf_store_exec (self, migration, error));
      if (ok && rebuild && query_int (self, "SELECT count(*) FROM pragma_foreign_key_check") != 0)
        {
          g_set_error_literal (error, SF_ERROR, SF_ERROR_CORRUPT,
                               _("The database refers to rows that do not exist and cannot be "
                                 "brought up to date. Restore a backup."));
          ok = FALSE;
        }
      if (ok && !sf_db_set_schema_version (self->db, version + 1, NULL))
        {
          sf_store_set_db_error (self, error);
          ok = FALSE;
        }
      ok = ok && sf_store_commit (self, error);
      if (!ok)
        sf_store_rollback (self);
      if (rebuild && !sf_store_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL))
        ok = FALSE;
      if (!ok)
        return FALSE;
      version++;
    }

  return TRUE;
}

/* The database, its journal files and nothing else of it readable by
 * others: group and other bits are taken away (never added), on files
 * this user owns. */
static void
restrict_mode (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
      (st.st_mode & 077) != 0)
    g_chmod (path, st.st_mode & 0700);
}

static void
restrict_modes (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  restrict_mode (path);
  restrict_mode (wal);
  restrict_mode (shm);
  restrict_mode (journal);
}

/* Whether this process may write to @path and create files beside it (the
 * WAL needs both).  A file without any write bit counts as read-only even
 * for root, who could write to it anyway: somebody made it read-only. */
static gboolean
is_writable (const char  *path,
             GStatBuf    *st)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return (st->st_mode & 0222) != 0 && g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* Creates the file owner-only before SQLite sees it, and the folder too. */
static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, SF_ERROR, SF_ERROR_IO,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, SF_ERROR, SF_ERROR_IO,
                   _("Cannot open the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Opens the connection, read-write (creating the file) or read-only.  A
 * database in WAL mode on a medium nothing can write to (a read-only
 * mount) cannot get its shared-memory file: it is then read as immutable,
 * which is what it is. */
static gboolean
connect_db (SfStore     *self,
            const char  *path,
            gboolean     readonly,
            gboolean     immutable,
            GError     **error)
{
  SfDbOpenFlags flags = (readonly ? SF_DB_OPEN_READONLY : SF_DB_OPEN_CREATE) |
                        (immutable ? SF_DB_OPEN_IMMUTABLE : 0);
  GError *db_error = NULL;

  self->db = sf_db_open (path, flags, &db_error);
  if (self->db != NULL && IS_SQLITE (self) && readonly && !immutable && !g_str_equal (path, ":memory:") &&
      !sf_db_exec (self->db, "SELECT count(*) FROM sqlite_schema", NULL) &&
      sf_db_get_error_code (self->db) == SF_DB_ERROR_IO)
    {
      g_clear_pointer (&self->db, sf_db_close);
      self->db = sf_db_open (path, flags | SF_DB_OPEN_IMMUTABLE, &db_error);
    }
  if (self->db == NULL)
    {
      propagate_db_error (error, db_error);
      return FALSE;
    }
  self->readonly = readonly;
  sf_db_set_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  return TRUE;
}

SfStore *
sf_store_open (const char  *path,
               GError     **error)
{
  return sf_store_open_with (path, NULL, NULL, error);
}

/**
 * sf_store_open_with:
 * @before_migrate: (nullable): called before an older database is migrated
 *
 * Opens (creating it if need be) the database at @path, owner-only, and
 * brings it to this version's schema.  A file this user may not write to
 * is opened for reading: writes are then refused with %SF_ERROR_READ_ONLY.
 */
SfStore *
sf_store_open_with (const char          *path,
                    SfStoreMigrateHook   before_migrate,
                    gpointer             user_data,
                    GError             **error)
{
  g_autoptr(SfStore) self = NULL;
  gboolean memory, readonly = FALSE;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  tune_allocator ();
  self = g_object_new (SF_TYPE_STORE, NULL);
  self->before_migrate = before_migrate;
  self->before_migrate_data = user_data;

  /* A server has no file of ours: what follows for files is SQLite's */
  memory = g_str_equal (path, ":memory:") || sf_db_location_is_uri (path);
  if (!memory && g_stat (path, &st) == 0)
    readonly = !is_writable (path, &st);
  else if (!memory && !prepare_file (path, error))
    return NULL;

  self->path = g_strdup (path);
  /* A store is used from one thread at a time (the GUI's main thread, or
   * the CLI's only one), so the connection needs no mutex of its own:
   * taking it twice per call was 4 % of a large import. */
  if (!connect_db (self, path, readonly, FALSE, error))
    return NULL;

  /* Reading the schema is the first thing that notices a file that is not
   * a database at all. */
  if (IS_SQLITE (self) &&
      (!sf_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
       !sf_store_exec (self, "SELECT count(*) FROM sqlite_schema", error)))
    return NULL;
  /* A server's schema is its owner's to set up (server-setup) */
  if (!IS_SQLITE (self) && !sf_server_check_schema (self->db, error))
    return NULL;
  if (IS_SQLITE (self) && !check_version (self, error))
    return NULL;
  /* Ours: owner-only, before the switch to WAL makes the -wal and -shm
   * files, which take the database file's mode (a file left alone when
   * refused above). */
  if (!memory && !readonly)
    restrict_modes (path);
  /* 16 MiB of page cache: a large import touches its indexes in random
   * order, and the default 2 MiB makes that I/O-bound. */
  if (IS_SQLITE (self) && !sf_store_exec (self, "PRAGMA cache_size = -16384", error))
    return NULL;
  /* Reads map the file instead of copying each page into the page cache:
   * loading 100,000 cases for a report or the window took a third less
   * time (most of it was page faults on the copies).  The mapping is
   * read-only (SQLite writes through write() as before), so transactions
   * and crash safety are as they were. */
  if (!memory && !sf_store_exec (self, "PRAGMA mmap_size = 268435456", error))
    return NULL;
  if (!memory && !readonly &&
      (!sf_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
       !sf_store_exec (self, "PRAGMA synchronous = NORMAL", error)))
    return NULL;

  if ((IS_SQLITE (self) && !migrate (self, error)) || (!readonly && !sync_catalogue_if_allowed (self, error)))
    return NULL;

  if (!memory && !readonly)
    restrict_modes (path);

  follow_changes (self);
  return g_steal_pointer (&self);
}

static SfStore *
open_for_reading (const char  *path,
                  gboolean     immutable,
                  GError     **error)
{
  g_autoptr(SfStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  tune_allocator ();
  /* A server's database is no file (the Planning page reads it on a
   * connection of its own) */
  if (!sf_db_location_is_uri (path) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("There is no database file “%s”."), path);
      return NULL;
    }
  self = g_object_new (SF_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!connect_db (self, path, TRUE, immutable, error) ||
      (IS_SQLITE (self) && !sf_store_exec (self, "SELECT count(*) FROM sqlite_schema", error)))
    return NULL;
  follow_changes (self);
  return g_steal_pointer (&self);
}

SfStore *
sf_store_open_readonly (const char  *path,
                        GError     **error)
{
  return open_for_reading (path, FALSE, error);
}

/* A copy that nothing writes to any more (a backup) is read without locks
 * and without making -wal and -shm files beside it. */
SfStore *
sf_store_open_copy (const char  *path,
                    GError     **error)
{
  return open_for_reading (path, TRUE, error);
}

static void
remove_copy (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

/**
 * sf_store_copy_to:
 * @path: a file that does not exist yet
 *
 * Copies the database as last committed into a new owner-only file at
 * @path, with SQLite's online backup API (a read lock for a moment).  Read
 * it with sf_store_open_copy().  The copy is on disk when this returns.  On failure
 * nothing is left at @path.
 */
gboolean
sf_store_copy_to (SfStore     *self,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *detail = NULL;
  SfDbError code = SF_DB_ERROR_OTHER;
  gboolean ok;
  int fd;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (IS_SQLITE (self), FALSE);

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("The copy could not be written: %s"), g_strerror (saved));
      return FALSE;
    }
  close (fd);

  /* No journal: a copy cut short is removed, never used.  The whole copy
   * in one step holds a read lock for a moment; writers in other programs
   * wait on the busy timeout. */
  ok = sf_db_sqlite_backup_to (self->db, path, TRUE, 0, &code, &detail);
  if (!ok)
    g_set_error (error, SF_ERROR, code == SF_DB_ERROR_BUSY ? SF_ERROR_BUSY : SF_ERROR_IO,
                 _("The copy could not be written: %s"), detail);

  if (ok)
    {
      /* On disk before anybody relies on it */
      fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (fd < 0 || fsync (fd) != 0)
        {
          int saved = errno;

          g_set_error (error, SF_ERROR, SF_ERROR_IO, _("The copy could not be written: %s"), g_strerror (saved));
          ok = FALSE;
        }
      if (fd >= 0)
        close (fd);
    }
  if (!ok)
    remove_copy (path);
  return ok;
}

/**
 * sf_store_copy_over:
 * @dest_path: a database file
 *
 * Copies this database over the one at @dest_path, in one transaction of
 * the destination: other connections to it (an open window) see the
 * change, and on failure it is as it was.
 */
gboolean
sf_store_copy_over (SfStore     *self,
                    const char  *dest_path,
                    GError     **error)
{
  g_autofree char *detail = NULL;
  SfDbError code = SF_DB_ERROR_OTHER;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);
  g_return_val_if_fail (IS_SQLITE (self), FALSE);

  if (!sf_db_sqlite_backup_to (self->db, dest_path, FALSE, BUSY_TIMEOUT_MS, &code, &detail))
    {
      set_error_from_code (error, code, detail);
      return FALSE;
    }
  return TRUE;
}

/**
 * sf_store_open_memory_copy:
 *
 * A copy of the database in memory, to try changes on (an import's
 * preview on a file).  SQLite copies itself with the online backup API;
 * a server's database is not copied (its preview is a dry run on the
 * server, sf_import_cases_try()).
 */
SfStore *
sf_store_open_memory_copy (SfStore  *self,
                           GError  **error)
{
  g_autoptr(SfStore) copy = NULL;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);

  if (!IS_SQLITE (self))
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_DATABASE,
                           _("A preview cannot be made of a shared database."));
      return NULL;
    }
  copy = sf_store_open (":memory:", error);
  if (copy == NULL)
    return NULL;
  if (!sf_db_sqlite_backup_into (self->db, copy->db))
    {
      sf_store_set_db_error (copy, error);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

/* A damage report from SQLite, as an error a manager can act on. */
static void
set_damaged (GError     **error,
             const char  *detail)
{
  g_set_error (error, SF_ERROR, SF_ERROR_CORRUPT,
               _("The database file is damaged (%s). Restore it from a backup."), detail);
}

/**
 * sf_store_check_integrity:
 *
 * Reads every page, row and index entry of the database and checks that
 * they agree (SQLite's integrity check), and that every reference between
 * rows holds.  %SF_ERROR_CORRUPT says what is wrong first.
 */
gboolean
sf_store_check_integrity (SfStore  *self,
                          GError  **error)
{
  SfDbStmt *stmt = NULL;
  g_autofree char *problem = NULL;
  SfDbStep rc = SF_DB_STEP_ERROR;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);

  /* A server checks its own pages; references are checked by it too */
  if (!IS_SQLITE (self))
    return TRUE;

  stmt = sf_db_prepare (self->db, "PRAGMA integrity_check (1)", NULL);
  if (stmt != NULL)
    {
      rc = sf_db_stmt_step (stmt);
      if (rc == SF_DB_ROW)
        {
          const char *text = sf_db_stmt_column_text (stmt, 0);

          if (g_strcmp0 (text, "ok") != 0)
            problem = g_strdup (text != NULL ? text : "?");
        }
    }
  if (rc != SF_DB_ROW && problem == NULL)
    problem = g_strdup (sf_db_get_error_message (self->db));
  g_clear_pointer (&stmt, sf_db_stmt_free);
  if (problem == NULL)
    {
      stmt = sf_db_prepare (self->db, "PRAGMA foreign_key_check", NULL);
      rc = stmt != NULL ? sf_db_stmt_step (stmt) : SF_DB_STEP_ERROR;
      if (rc == SF_DB_ROW)
        /* Translators: %s is a table's name */
        problem = g_strdup_printf (_("a row of the table %s refers to one that is missing"),
                                   sf_db_stmt_column_text (stmt, 0));
      else if (rc != SF_DB_DONE)
        problem = g_strdup (sf_db_get_error_message (self->db));
      g_clear_pointer (&stmt, sf_db_stmt_free);
    }
  if (problem != NULL)
    {
      if (rc == SF_DB_STEP_ERROR && sf_db_get_error_code (self->db) == SF_DB_ERROR_BUSY)
        set_error_from_code (error, SF_DB_ERROR_BUSY, problem);
      else
        set_damaged (error, problem);
      return FALSE;
    }
  return TRUE;
}

/**
 * sf_store_check_file:
 *
 * Whether @path holds a sound Sagsfordeling database that this version can
 * open: damaged, foreign and empty files are %SF_ERROR_CORRUPT, newer ones
 * %SF_ERROR_TOO_NEW.  Reads the file only; works while others use it.
 */
static gboolean
check_path (const char  *path,
            gboolean     copy,
            GError     **error)
{
  g_autoptr(SfStore) store = open_for_reading (path, copy, error);
  gint64 version = 0;

  if (store == NULL)
    return FALSE;
  if (!sf_store_check_integrity (store, error) || !check_version (store, error))
    return FALSE;
  if (!read_version (store, &version) || version == 0)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_CORRUPT,
                   _("The file “%s” holds no Sagsfordeling data: it is empty."), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
sf_store_check_file (const char  *path,
                     GError     **error)
{
  return check_path (path, FALSE, error);
}

/* sf_store_check_file() for a copy nothing writes to (sf_store_open_copy()) */
gboolean
sf_store_check_copy (const char  *path,
                     GError     **error)
{
  return check_path (path, TRUE, error);
}

/* Opens the file again, e.g. after a backup was restored over it: an older
 * backup is migrated as at start-up.  On failure the old connection stays. */
gboolean
sf_store_reopen (SfStore  *self,
                 GError  **error)
{
  g_autoptr(SfStore) fresh = NULL;

  g_return_val_if_fail (SF_IS_STORE (self), FALSE);

  fresh = sf_store_open_with (self->path, self->before_migrate, self->before_migrate_data, error);
  if (fresh == NULL)
    return FALSE;
  sf_store_adopt (self, fresh);
  return TRUE;
}

/* Takes @fresh's connection (a store opened on the same database, in
 * another thread, say, to reconnect to a server) in place of its own, and
 * says that everything may have changed.  @fresh keeps the old connection
 * and closes it when it goes. */
void
sf_store_adopt (SfStore *self,
                SfStore *fresh)
{
  SfDb *db;

  g_return_if_fail (SF_IS_STORE (self));
  g_return_if_fail (SF_IS_STORE (fresh));

  db = self->db;
  self->db = fresh->db;
  fresh->db = db;
  self->readonly = fresh->readonly;
  sf_db_set_row_hook (fresh->db, NULL, NULL);
  follow_changes (self);
  emit_changed (self, TRUE);
}

gboolean
sf_store_load_settings (SfStore     *self,
                        SfSettings  *settings,
                        GError     **error)
{
  SfDbStmt *stmt;
  int rc;

  sf_settings_init_defaults (settings);
  stmt = sf_store_prepare (self, "SELECT key, value FROM setting", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      const char *key = sf_db_stmt_column_text (stmt, 0);
      const char *value = sf_db_stmt_column_text (stmt, 1);
      g_autoptr(GError) local_error = NULL;

      /* A value this version does not understand keeps its default. */
      if (!sf_settings_set (settings, key, value, &local_error))
        g_debug ("Ignoring setting %s: %s", key, local_error->message);
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
sf_store_set_setting (SfStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  SfSettings check;
  g_autofree char *canonical = NULL;
  g_autofree char *detail = NULL;
  SfDbStmt *stmt;
  gboolean ok;

  sf_settings_init_defaults (&check);
  if (!sf_settings_set (&check, key, value, error))
    return FALSE;
  canonical = sf_settings_get (&check, key);

  if (!sf_store_begin (self, error))
    return FALSE;
  stmt = sf_store_prepare (self, "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt != NULL)
    {
      sf_db_stmt_bind_text_static (stmt, 1, key);
      sf_db_stmt_bind_text_static (stmt, 2, canonical);
    }
  ok = sf_store_run (self, stmt, error);
  detail = g_strdup_printf ("%s = %s", key, canonical);
  ok = ok && sf_store_audit (self, "setting", key, detail, error);
  return sf_store_finish (self, ok, error);
}

static double
column_number (SfDbStmt *stmt,
               int           column)
{
  if (sf_db_stmt_column_is_null (stmt, column))
    return NAN;
  return sf_db_stmt_column_double (stmt, column);
}

typedef void (*RowReader) (SfDbStmt *stmt, gpointer row);

#define SELECT_CASEWORKERS \
  "SELECT id, initials, name, team_id, weekly_hours, start_date, absence_kind," \
  " absence_from, absence_to, individual_factor, factor_reason, end_date, version FROM caseworker"
#define SELECT_REDUCTIONS \
  "SELECT id, caseworker_id, hours, reason, note, valid_from, valid_to FROM reduction"
#define SELECT_PLANNED_HIRES \
  "SELECT id, team_id, weekly_hours, start_date, note, version FROM planned_hire"
#define SELECT_CASES \
  "SELECT id, reference, area_id, complexity, start_date, closed_date," \
  " caseworker_id, cover_id, version FROM casefile"

/* Makes room for the rows of @table at once: growing an array of 100,000
 * cases row by row copied it over and over, and its page faults were half
 * of what loading cost. */
static void
reserve_rows (SfStore    *self,
              GArray     *array,
              const char *table)
{
  gint64 n = sf_store_count (self, table);

  if (n > 0 && (guint64) n > array->len)
    {
      guint len = array->len;

      g_array_set_size (array, (guint) n);
      g_array_set_size (array, len);
    }
}

/* Appends to @array the rows @sql finds: once, or with @ids for each of
 * them (its ?1) in @ids order, as what keeps a loaded dataset current
 * (sf-recompute.c) reads. */
static gboolean
load_rows_for (SfStore      *self,
               const char   *sql,
               const GArray *ids,
               GArray       *array,
               RowReader     reader,
               GError      **error)
{
  SfDbStmt *stmt = sf_store_prepare (self, sql, error);
  int rc = SF_DB_DONE;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < (ids != NULL ? ids->len : 1) && rc == SF_DB_DONE; i++)
    {
      if (ids != NULL)
        {
          sf_db_stmt_reset (stmt);
          sf_db_stmt_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
        }
      while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
        {
          g_array_set_size (array, array->len + 1);
          reader (stmt, array->data + (array->len - 1) * g_array_get_element_size (array));
        }
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_rows (SfStore     *self,
           const char  *sql,
           GArray      *array,
           RowReader    reader,
           GError     **error)
{
  return load_rows_for (self, sql, NULL, array, reader, error);
}

static void
read_area (SfDbStmt *stmt,
           gpointer      row)
{
  SfArea *area = row;

  area->id = sf_db_stmt_column_int64 (stmt, 0);
  area->key = sf_db_stmt_dup_text (stmt, 1);
  area->name = sf_db_stmt_dup_text (stmt, 2);
  area->ds_low = column_number (stmt, 3);
  area->ds_high = column_number (stmt, 4);
  area->survey_avg = column_number (stmt, 5);
  area->survey_avg_prev = column_number (stmt, 6);
  area->appropriate = column_number (stmt, 7);
  area->share_too_high = column_number (stmt, 8);
  area->share_compliant = column_number (stmt, 9);
  area->survey_year = sf_db_stmt_column_int64 (stmt, 10);
  area->survey_prev_year = sf_db_stmt_column_int64 (stmt, 11);
  area->note = sf_db_stmt_dup_text (stmt, 12);
  area->source = sf_db_stmt_dup_text (stmt, 13);
  area->custom = sf_db_stmt_column_int64 (stmt, 14) != 0;
  area->own_low = column_number (stmt, 15);
  area->own_high = column_number (stmt, 16);
  area->version = sf_db_stmt_column_int64 (stmt, 17);
}

static void
read_team (SfDbStmt *stmt,
           gpointer      row)
{
  SfTeam *team = row;

  team->id = sf_db_stmt_column_int64 (stmt, 0);
  team->name = sf_db_stmt_dup_text (stmt, 1);
  team->area_id = sf_db_stmt_column_int64 (stmt, 2);
  team->cap = sf_db_stmt_column_double (stmt, 3);
  team->version = sf_db_stmt_column_int64 (stmt, 4);
}

static void
read_caseworker (SfDbStmt *stmt,
                 gpointer      row)
{
  SfCaseworker *worker = row;

  worker->id = sf_db_stmt_column_int64 (stmt, 0);
  worker->initials = sf_db_stmt_dup_text (stmt, 1);
  worker->name = sf_db_stmt_dup_text (stmt, 2);
  worker->team_id = sf_db_stmt_column_int64 (stmt, 3);
  worker->weekly_hours = sf_db_stmt_column_double (stmt, 4);
  worker->start = sf_db_stmt_column_day (stmt, 5);
  worker->absence_kind = sf_db_stmt_dup_text (stmt, 6);
  worker->absence_from = sf_db_stmt_column_day (stmt, 7);
  worker->absence_to = sf_db_stmt_column_day (stmt, 8);
  worker->individual_factor = sf_db_stmt_column_double (stmt, 9);
  worker->factor_reason = sf_db_stmt_dup_text (stmt, 10);
  worker->end = sf_db_stmt_column_day (stmt, 11);
  worker->version = sf_db_stmt_column_int64 (stmt, 12);
}

static void
read_planned_hire (SfDbStmt *stmt,
                   gpointer      row)
{
  SfPlannedHire *hire = row;

  hire->id = sf_db_stmt_column_int64 (stmt, 0);
  hire->team_id = sf_db_stmt_column_int64 (stmt, 1);
  hire->weekly_hours = sf_db_stmt_column_double (stmt, 2);
  hire->start = sf_db_stmt_column_day (stmt, 3);
  hire->note = sf_db_stmt_dup_text (stmt, 4);
  hire->version = sf_db_stmt_column_int64 (stmt, 5);
}

static void
read_reduction (SfDbStmt *stmt,
                gpointer      row)
{
  SfReduction *reduction = row;
  SfReductionReason reason;

  reduction->id = sf_db_stmt_column_int64 (stmt, 0);
  reduction->caseworker_id = sf_db_stmt_column_int64 (stmt, 1);
  reduction->hours = sf_db_stmt_column_double (stmt, 2);
  sf_reduction_reason_parse (sf_db_stmt_column_text (stmt, 3), &reason);
  reduction->reason = reason;
  reduction->note = sf_db_stmt_dup_text (stmt, 4);
  reduction->from = sf_db_stmt_column_day (stmt, 5);
  reduction->to = sf_db_stmt_column_day (stmt, 6);
}

static void
read_case (SfDbStmt *stmt,
           gpointer      row)
{
  SfCase *kase = row;
  SfComplexity complexity = SF_COMPLEXITY_KOMPLEKS;

  kase->id = sf_db_stmt_column_int64 (stmt, 0);
  kase->reference = sf_db_stmt_dup_text (stmt, 1);
  kase->area_id = sf_db_stmt_column_int64 (stmt, 2);
  sf_complexity_parse (sf_db_stmt_column_text (stmt, 3), &complexity);
  kase->complexity = complexity;
  kase->start = sf_db_stmt_column_day (stmt, 4);
  kase->closed = sf_db_stmt_column_day (stmt, 5);
  kase->caseworker_id = sf_db_stmt_column_int64 (stmt, 6);
  kase->cover_id = sf_db_stmt_column_int64 (stmt, 7);
  kase->version = sf_db_stmt_column_int64 (stmt, 8);
}

/* The rows of everything but the cases into @dataset, the cases too when
 * @with_cases. */
static gboolean
load_dataset_rows (SfStore    *self,
                   SfDataset  *dataset,
                   gboolean    with_cases,
                   GError    **error)
{
  if (with_cases)
    {
      reserve_rows (self, dataset->caseworkers, "caseworker");
      reserve_rows (self, dataset->cases, "casefile");
    }
  return load_rows (self,
                    "SELECT id, key, name, ds_low, ds_high, survey_avg, survey_avg_prev, appropriate,"
                    " share_too_high, share_compliant, survey_year, survey_prev_year, note, source, custom,"
                    " own_low, own_high, version"
                    " FROM area ORDER BY id",
                    dataset->areas, read_area, error) &&
         load_rows (self, "SELECT id, name, area_id, COALESCE (cap, 0), version FROM team ORDER BY id",
                    dataset->teams, read_team, error) &&
         load_rows (self, SELECT_CASEWORKERS " ORDER BY id",
                    dataset->caseworkers, read_caseworker, error) &&
         load_rows (self, SELECT_REDUCTIONS " ORDER BY caseworker_id, id",
                    dataset->reductions, read_reduction, error) &&
         (!with_cases ||
          load_rows (self, SELECT_CASES " ORDER BY id",
                     dataset->cases, read_case, error)) &&
         load_rows (self, SELECT_PLANNED_HIRES " ORDER BY id",
                    dataset->planned_hires, read_planned_hire, error);
}

/* One consistent snapshot of everything: the reads share one transaction. */
SfDataset *
sf_store_load_dataset (SfStore  *self,
                       GError  **error)
{
  g_autoptr(SfDataset) dataset = sf_dataset_new ();
  /* Inside a write it reads what that write has made so far */
  gboolean own_transaction = !sf_db_in_transaction (self->db);
  gboolean ok;

  if (own_transaction && !sf_store_exec (self, "BEGIN", error))
    return NULL;

  ok = load_dataset_rows (self, dataset, TRUE, error);

  if (own_transaction)
    sf_store_exec (self, "COMMIT", NULL);
  if (!ok)
    return NULL;
  return g_steal_pointer (&dataset);
}

static void
read_open_cases (SfDbStmt *stmt,
                 gpointer  row)
{
  SfOpenCases *group = row;
  SfComplexity complexity = SF_COMPLEXITY_KOMPLEKS;

  group->caseworker_id = sf_db_stmt_column_int64 (stmt, 0);
  group->cover_id = sf_db_stmt_column_int64 (stmt, 1);
  /* What read_case() makes of it */
  sf_complexity_parse (sf_db_stmt_column_text (stmt, 2), &complexity);
  group->complexity = complexity;
  group->n = (guint) sf_db_stmt_column_int64 (stmt, 3);
}

/* The cases open on the day ?1: sf_capacity_case_is_open()'s rule */
#define OPEN_ON_1 \
  " WHERE (start_date IS NULL OR start_date <= ?1) AND (closed_date IS NULL OR closed_date > ?1)"

/* What the figures on @ref need (sf_figures_compute_counted()), in one
 * snapshot: the settings, the dataset without its cases, and the cases open
 * on @ref counted by primary caseworker, cover and complexity (SfOpenCases,
 * into *@open_cases).  A report needs no more than that: a server sends a
 * count for each caseworker, cover and complexity instead of every case.
 *
 * The condition is sf_capacity_case_is_open()'s rule (open from the start
 * date, none meaning from the beginning, until the day before the close
 * date) on the dates as the store writes them (YYYY-MM-DD, which sort as
 * text in date order); test-report compares what the two loads give on the
 * days around every start and close. */
SfDataset *
sf_store_load_counted (SfStore     *self,
                       SfDay        ref,
                       SfSettings  *settings,
                       GArray     **open_cases,
                       GError     **error)
{
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(GArray) groups = NULL;
  gboolean own_transaction;
  SfDbStmt *stmt;
  int rc = SF_DB_DONE;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (self), NULL);
  g_return_val_if_fail (ref != SF_DAY_NONE, NULL);

  dataset = sf_dataset_new ();
  groups = g_array_new (FALSE, FALSE, sizeof (SfOpenCases));
  own_transaction = !sf_db_in_transaction (self->db);
  if (own_transaction && !sf_store_exec (self, "BEGIN", error))
    return NULL;

  ok = sf_store_load_settings (self, settings, error) &&
       load_dataset_rows (self, dataset, FALSE, error);
  if (ok)
    {
      /* A server counts them; SQLite, where nothing travels, would sort
       * the cases to group them, which costs more than stepping over them:
       * there each open case comes as a count of one */
      stmt = sf_store_prepare (self,
                               IS_SQLITE (self)
                               ? "SELECT caseworker_id, COALESCE (cover_id, 0), complexity, 1"
                                 " FROM casefile" OPEN_ON_1
                               : "SELECT caseworker_id, COALESCE (cover_id, 0), complexity, count(*)"
                                 " FROM casefile" OPEN_ON_1
                                 " GROUP BY caseworker_id, cover_id, complexity",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sf_db_stmt_bind_day (stmt, 1, ref);
          while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
            {
              g_array_set_size (groups, groups->len + 1);
              read_open_cases (stmt, &g_array_index (groups, SfOpenCases, groups->len - 1));
            }
          sf_db_stmt_free (stmt);
          if (rc != SF_DB_DONE)
            {
              sf_store_set_db_error (self, error);
              ok = FALSE;
            }
        }
    }

  if (own_transaction)
    sf_store_exec (self, "COMMIT", NULL);
  if (!ok)
    return NULL;
  *open_cases = g_steal_pointer (&groups);
  return g_steal_pointer (&dataset);
}

/* The cases (SfCase) with @ids (gint64) that still exist. */
gboolean
sf_store_load_cases_by_id (SfStore      *self,
                           const GArray *ids,
                           GArray       *cases,
                           GError      **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);

  return load_rows_for (self, SELECT_CASES " WHERE id = ?1", ids, cases, read_case, error);
}

/* The caseworkers (SfCaseworker) with @ids that still exist. */
gboolean
sf_store_load_caseworkers_by_id (SfStore      *self,
                                 const GArray *ids,
                                 GArray       *caseworkers,
                                 GError      **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);

  return load_rows_for (self, SELECT_CASEWORKERS " WHERE id = ?1", ids, caseworkers, read_caseworker, error);
}

/* The reductions (SfReduction) with @ids that still exist. */
gboolean
sf_store_load_reductions_by_id (SfStore      *self,
                                const GArray *ids,
                                GArray       *reductions,
                                GError      **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);

  return load_rows_for (self, SELECT_REDUCTIONS " WHERE id = ?1", ids, reductions, read_reduction, error);
}

/* All reductions of the caseworkers @caseworker_ids, each one's in id
 * order. */
gboolean
sf_store_load_reductions_of (SfStore      *self,
                             const GArray *caseworker_ids,
                             GArray       *reductions,
                             GError      **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);

  return load_rows_for (self, SELECT_REDUCTIONS " WHERE caseworker_id = ?1 ORDER BY id",
                        caseworker_ids, reductions, read_reduction, error);
}

gint64
sf_store_count (SfStore    *self,
                const char *table)
{
  static const char * const tables[] = { "area", "team", "caseworker", "reduction", "casefile", "audit",
                                         "setting", "alert_ack", "worker_history", "team_history",
                                         "checklist", "checklist_item", "checklist_event",
                                         "checklist_template", "planned_hire" };
  g_autofree char *sql = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (table, tables[i]) == 0)
      {
        sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
        return query_int (self, sql);
      }
  g_return_val_if_reached (-1);
}

gboolean
sf_store_is_empty (SfStore *self)
{
  return query_int (self, "SELECT EXISTS (SELECT 1 FROM caseworker)") == 0;
}

/* Records who (the OS user), when (UTC) and what.  Call it inside the
 * transaction of the change it describes. */
gboolean
sf_store_audit (SfStore     *self,
                const char  *action,
                const char  *subject,
                const char  *detail,
                GError     **error)
{
  SfDbStmt *stmt;

  stmt = sf_store_prepare (self,
                           "INSERT INTO audit (at, who, action, subject, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sf_store_bind_stamp (stmt, 1, 2);
  sf_db_stmt_bind_text_static (stmt, 3, action);
  sf_store_bind_text_or_null (stmt, 4, subject);
  sf_store_bind_text_or_null (stmt, 5, detail);
  return sf_store_run (self, stmt, error);
}

/* Ends a write begun with sf_store_begin(): commits and tells the views
 * (SfStore::changed) when @ok, else rolls back.  Returns whether the write
 * was committed. */
gboolean
sf_store_finish (SfStore  *self,
                 gboolean  ok,
                 GError  **error)
{
  g_return_val_if_fail (SF_IS_STORE (self), FALSE);

  if (!ok)
    {
      sf_store_rollback (self);
      return FALSE;
    }
  if (!sf_store_commit (self, error))
    return FALSE;
  sf_store_emit_changed (self);
  return TRUE;
}

/* Steps @stmt (bound) and frees it: the text of its first row's first
 * column, or NULL when there is none. */
static char *
first_text (SfDbStmt *stmt)
{
  char *text = NULL;

  if (sf_db_stmt_step (stmt) == SF_DB_ROW)
    text = sf_db_stmt_dup_text (stmt, 0);
  sf_db_stmt_free (stmt);
  return text;
}

/* The first column of the row @sql finds with @id as its ?1, as text (NULL
 * when there is none), or as an integer (0). */
char *
sf_store_query_text (SfStore    *self,
                     const char *sql,
                     gint64      id)
{
  SfDbStmt *stmt = sf_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sf_db_stmt_bind_int64 (stmt, 1, id);
  return first_text (stmt);
}

/* The stored text of the setting @key, NULL when none is stored (it has
 * its default) or on error. */
char *
sf_store_get_setting (SfStore    *self,
                      const char *key)
{
  SfDbStmt *stmt = sf_store_prepare (self, "SELECT value FROM setting WHERE key = ?1", NULL);

  if (stmt == NULL)
    return NULL;
  sf_db_stmt_bind_text_static (stmt, 1, key);
  return first_text (stmt);
}

gint64
sf_store_query_int (SfStore    *self,
                    const char *sql,
                    gint64      id)
{
  SfDbStmt *stmt = sf_store_prepare (self, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  sf_db_stmt_bind_int64 (stmt, 1, id);
  if (sf_db_stmt_step (stmt) == SF_DB_ROW)
    value = sf_db_stmt_column_int64 (stmt, 0);
  sf_db_stmt_free (stmt);
  return value;
}
