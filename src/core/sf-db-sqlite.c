#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sf-db-driver.h"
#include "sf-db-sqlite.h"
#include "sf-store.h"
#include "sf-store-schema.h"

/* SQLite's update hook codes are the ones sf-db.h passes on */
G_STATIC_ASSERT (SF_DB_INSERT == SQLITE_INSERT);
G_STATIC_ASSERT (SF_DB_UPDATE == SQLITE_UPDATE);
G_STATIC_ASSERT (SF_DB_DELETE == SQLITE_DELETE);
G_STATIC_ASSERT (SF_DB_ROW == SQLITE_ROW);
G_STATIC_ASSERT (SF_DB_DONE == SQLITE_DONE);
G_STATIC_ASSERT (G_N_ELEMENTS (sf_store_migrations) == SF_STORE_SCHEMA_VERSION);
G_STATIC_ASSERT (G_N_ELEMENTS (sf_store_migration_rebuilds) == SF_STORE_SCHEMA_VERSION);

typedef struct
{
  SfDb         parent;
  sqlite3     *handle;
  SfDbRowHook  hook;
  gpointer     hook_data;
} SqliteDb;

typedef struct
{
  SfDbStmt      parent;
  sqlite3_stmt *handle;
} SqliteStmt;

typedef struct
{
  SfDbCopy      parent;
  sqlite3_stmt *handle;
} SqliteCopy;

static const SfDbDriver sqlite_driver;

#define HANDLE(db) (((SqliteDb *) (db))->handle)
#define STMT(stmt) (((SqliteStmt *) (stmt))->handle)

static SfDbError
map_code (int code)
{
  switch (code)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_ROWID:
      return SF_DB_ERROR_UNIQUE;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return SF_DB_ERROR_FOREIGN_KEY;
    default:
      break;
    }
  switch (code & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return SF_DB_ERROR_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SF_DB_ERROR_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return SF_DB_ERROR_CORRUPT;
    case SQLITE_READONLY:
      return SF_DB_ERROR_READ_ONLY;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_IOERR:
    case SQLITE_FULL:
      return SF_DB_ERROR_IO;
    default:
      return SF_DB_ERROR_OTHER;
    }
}

/* Takes the reason of the last failure from the connection */
static void
fail_from_handle (SfDb *db)
{
  sf_db_driver_fail (db, map_code (sqlite3_extended_errcode (HANDLE (db))), sqlite3_errmsg (HANDLE (db)));
}

static void
sqlite_close (SfDb *db)
{
  sqlite3_close_v2 (HANDLE (db));
  sf_db_driver_clear (db);
  g_free (db);
}

static gboolean
sqlite_exec (SfDb       *db,
             const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (HANDLE (db), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      sf_db_driver_fail (db, map_code (sqlite3_extended_errcode (HANDLE (db))),
                         message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static SfDbStmt *
sqlite_prepare (SfDb       *db,
                const char *sql)
{
  sqlite3_stmt *handle = NULL;
  SqliteStmt *stmt;

  if (sqlite3_prepare_v2 (HANDLE (db), sql, -1, &handle, NULL) != SQLITE_OK)
    {
      fail_from_handle (db);
      return NULL;
    }
  stmt = g_new (SqliteStmt, 1);
  stmt->parent.driver = &sqlite_driver;
  stmt->parent.db = db;
  stmt->handle = handle;
  return &stmt->parent;
}

static gboolean
sqlite_in_transaction (SfDb *db)
{
  return !sqlite3_get_autocommit (HANDLE (db));
}

static gint64
sqlite_changes (SfDb *db)
{
  return sqlite3_changes64 (HANDLE (db));
}

static gint64
sqlite_total_changes (SfDb *db)
{
  return sqlite3_total_changes64 (HANDLE (db));
}

static void
on_update (void          *user_data,
           int            operation,
           const char    *database,
           const char    *table,
           sqlite3_int64  rowid)
{
  SqliteDb *db = user_data;

  db->hook (db->hook_data, (SfDbOperation) operation, table, rowid);
}

static gboolean
sqlite_set_row_hook (SfDb        *db,
                     SfDbRowHook  hook,
                     gpointer     user_data)
{
  SqliteDb *self = (SqliteDb *) db;

  self->hook = hook;
  self->hook_data = user_data;
  sqlite3_update_hook (self->handle, hook != NULL ? on_update : NULL, self);
  return TRUE;
}

static gint64
query_int (SfDb       *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (HANDLE (db), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Cheap: no disk access.  This connection's own commits leave it alone. */
static gint64
sqlite_data_version (SfDb *db)
{
  return query_int (db, "PRAGMA data_version");
}

static void
sqlite_set_busy_timeout (SfDb *db,
                         int   ms)
{
  sqlite3_busy_timeout (HANDLE (db), ms);
}

/* The column of @table's primary key ("rowid" when it has none of its own) */
static char *
primary_key (SfDb       *db,
             const char *table)
{
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  if (sqlite3_prepare_v2 (HANDLE (db), "SELECT name FROM pragma_table_info (?1) WHERE pk = 1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return name != NULL ? name : g_strdup ("rowid");
}

static GPtrArray *
sqlite_foreign_keys_to (SfDb       *db,
                        const char *parent)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_db_foreign_key_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (HANDLE (db), "SELECT name FROM sqlite_schema WHERE type = 'table'"
                          " AND name NOT LIKE 'sqlite_%'", -1, &stmt, NULL) != SQLITE_OK)
    {
      fail_from_handle (db);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (HANDLE (db), "SELECT id, seq, \"table\", \"from\", \"to\", on_delete"
                          " FROM pragma_foreign_key_list (?1)", -1, &stmt, NULL) != SQLITE_OK)
    {
      fail_from_handle (db);
      return NULL;
    }
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          SfDbForeignKey *key;
          const char *to = (const char *) sqlite3_column_text (stmt, 4);

          /* Keys of one column only */
          if (sqlite3_column_int (stmt, 1) != 0 ||
              g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 2), parent) != 0)
            continue;
          key = g_new0 (SfDbForeignKey, 1);
          key->child = g_strdup (table);
          key->from = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          key->to = to != NULL ? g_strdup (to) : primary_key (db, parent);
          key->cascade = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 5), "CASCADE") == 0;
          g_ptr_array_add (keys, key);
        }
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&keys);
}

/* ---- statements ---- */

static SfDbStep
sqlite_step (SfDbStmt *stmt)
{
  int rc = sqlite3_step (STMT (stmt));

  if (G_LIKELY (rc == SQLITE_ROW || rc == SQLITE_DONE))
    return rc;
  fail_from_handle (stmt->db);
  return SF_DB_STEP_ERROR;
}

static void
sqlite_reset (SfDbStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
}

static void
sqlite_clear (SfDbStmt *stmt)
{
  sqlite3_clear_bindings (STMT (stmt));
}

static void
sqlite_free (SfDbStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static void
sqlite_bind_int64 (SfDbStmt *stmt,
                   int       index,
                   gint64    value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

static void
sqlite_bind_double (SfDbStmt *stmt,
                    int       index,
                    double    value)
{
  sqlite3_bind_double (STMT (stmt), index, value);
}

static void
sqlite_bind_text (SfDbStmt   *stmt,
                  int         index,
                  const char *text,
                  gboolean    copy)
{
  sqlite3_bind_text (STMT (stmt), index, text, -1, copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static void
sqlite_bind_null (SfDbStmt *stmt,
                  int       index)
{
  sqlite3_bind_null (STMT (stmt), index);
}

static int
sqlite_column_count (SfDbStmt *stmt)
{
  return sqlite3_column_count (STMT (stmt));
}

static const char *
sqlite_column_name (SfDbStmt *stmt,
                    int       column)
{
  return sqlite3_column_name (STMT (stmt), column);
}

static gint64
sqlite_column_int64 (SfDbStmt *stmt,
                     int       column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static double
sqlite_column_double (SfDbStmt *stmt,
                      int       column)
{
  return sqlite3_column_double (STMT (stmt), column);
}

static const char *
sqlite_column_text (SfDbStmt *stmt,
                    int       column)
{
  return (const char *) sqlite3_column_text (STMT (stmt), column);
}

static gboolean
sqlite_column_is_null (SfDbStmt *stmt,
                       int       column)
{
  return sqlite3_column_type (STMT (stmt), column) == SQLITE_NULL;
}

static SfDbValueType
sqlite_column_type (SfDbStmt *stmt,
                    int       column)
{
  switch (sqlite3_column_type (STMT (stmt), column))
    {
    case SQLITE_INTEGER:
      return SF_DB_VALUE_INT64;
    case SQLITE_FLOAT:
      return SF_DB_VALUE_DOUBLE;
    case SQLITE_NULL:
      return SF_DB_VALUE_NULL;
    default:
      /* Text; blobs are not stored */
      return SF_DB_VALUE_TEXT;
    }
}

/* ---- bulk writes: one prepared INSERT ---- */

static SfDbCopy *
sqlite_copy_begin (SfDb               *db,
                   const char         *table,
                   const char * const *columns)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autofree char *qtable = sf_db_quote_name (table);
  sqlite3_stmt *handle = NULL;
  SqliteCopy *copy;
  int n = 0;

  g_string_append_printf (sql, "%s (", qtable);
  for (; columns[n] != NULL; n++)
    {
      g_autofree char *qcolumn = sf_db_quote_name (columns[n]);

      g_string_append_printf (sql, "%s%s", n > 0 ? ", " : "", qcolumn);
    }
  g_string_append (sql, ") VALUES (");
  for (int i = 0; i < n; i++)
    g_string_append_printf (sql, "%s?%d", i > 0 ? ", " : "", i + 1);
  g_string_append (sql, ")");

  if (sqlite3_prepare_v2 (HANDLE (db), sql->str, -1, &handle, NULL) != SQLITE_OK)
    {
      fail_from_handle (db);
      return NULL;
    }
  copy = g_new0 (SqliteCopy, 1);
  copy->parent.driver = &sqlite_driver;
  copy->parent.db = db;
  copy->parent.n_columns = n;
  copy->handle = handle;
  return &copy->parent;
}

static void
sqlite_copy_put (SfDbCopy        *copy,
                 int              column,
                 const SfDbValue *value)
{
  sqlite3_stmt *handle = ((SqliteCopy *) copy)->handle;

  g_return_if_fail (column >= 0 && column < copy->n_columns);

  switch (value->type)
    {
    case SF_DB_VALUE_NULL:
      sqlite3_bind_null (handle, column + 1);
      break;
    case SF_DB_VALUE_INT64:
      sqlite3_bind_int64 (handle, column + 1, value->i);
      break;
    case SF_DB_VALUE_DOUBLE:
      sqlite3_bind_double (handle, column + 1, value->d);
      break;
    case SF_DB_VALUE_TEXT:
      sqlite3_bind_text (handle, column + 1, value->text, -1, SQLITE_TRANSIENT);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
sqlite_copy_row (SfDbCopy *copy)
{
  sqlite3_stmt *handle = ((SqliteCopy *) copy)->handle;
  int rc = sqlite3_step (handle);

  sqlite3_reset (handle);
  sqlite3_clear_bindings (handle);
  if (rc != SQLITE_DONE)
    {
      sf_db_driver_fail (copy->db, map_code (rc), sqlite3_errmsg (HANDLE (copy->db)));
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_copy_end (SfDbCopy *copy,
                 gboolean  ok)
{
  sqlite3_finalize (((SqliteCopy *) copy)->handle);
  g_free (copy);
  return TRUE;
}

/* ---- schema: PRAGMA user_version and the migrations of sf-store-schema.h ---- */

static gboolean
sqlite_get_schema_version (SfDb   *db,
                           gint64 *version)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (HANDLE (db), "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *version = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  else
    fail_from_handle (db);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
sqlite_set_schema_version (SfDb   *db,
                           gint64  version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, version);

  return sqlite_exec (db, sql);
}

static const char *
sqlite_get_migration (SfDb     *db,
                      int       from,
                      gboolean *rebuilds)
{
  if (from < 0 || from >= (int) G_N_ELEMENTS (sf_store_migrations))
    return NULL;
  *rebuilds = sf_store_migration_rebuilds[from];
  return sf_store_migrations[from];
}

static gint64
sqlite_count_tables (SfDb               *db,
                     const char * const *names)
{
  g_autoptr(GString) sql = NULL;

  if (names == NULL)
    return query_int (db, "SELECT count(*) FROM sqlite_schema");
  sql = g_string_new ("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN (");
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *quoted = sqlite3_mprintf ("%Q", names[i]);

      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", quoted);
      sqlite3_free (quoted);
    }
  g_string_append (sql, ")");
  return query_int (db, sql->str);
}

static const SfDbDriver sqlite_driver = {
  .name = "SQLite",
  .kind = SF_DB_SQLITE,
  .close = sqlite_close,
  .exec = sqlite_exec,
  .prepare = sqlite_prepare,
  .in_transaction = sqlite_in_transaction,
  .changes = sqlite_changes,
  .total_changes = sqlite_total_changes,
  .set_row_hook = sqlite_set_row_hook,
  .data_version = sqlite_data_version,
  .set_busy_timeout = sqlite_set_busy_timeout,
  /* Takes the write lock at once, so a second writer waits (up to the
   * busy timeout) instead of failing half-way through. */
  .begin_sql = "BEGIN IMMEDIATE",
  .foreign_keys_to = sqlite_foreign_keys_to,
  .step = sqlite_step,
  .reset = sqlite_reset,
  .clear = sqlite_clear,
  .free = sqlite_free,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_text = sqlite_bind_text,
  .bind_null = sqlite_bind_null,
  .column_count = sqlite_column_count,
  .column_name = sqlite_column_name,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .column_text = sqlite_column_text,
  .column_is_null = sqlite_column_is_null,
  .column_type = sqlite_column_type,
  .copy_begin = sqlite_copy_begin,
  .copy_put = sqlite_copy_put,
  .copy_row = sqlite_copy_row,
  .copy_end = sqlite_copy_end,
  .get_schema_version = sqlite_get_schema_version,
  .set_schema_version = sqlite_set_schema_version,
  .get_migration = sqlite_get_migration,
  .count_tables = sqlite_count_tables,
};

/* SQLite counts every allocation in its memory statistics, under a global
 * mutex, which nothing here reads: a 100,000-case import took 6 % more
 * instructions for it.  Turning it off is only possible before SQLite
 * initialises; if something initialised it earlier, this is refused and
 * changes nothing. */
void
sf_db_sqlite_tune (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&once, 1);
    }
}

static SfDb *
wrap (sqlite3    *handle,
      const char *path)
{
  SqliteDb *db = g_new0 (SqliteDb, 1);

  sf_db_driver_init (&db->parent, &sqlite_driver, path);
  db->handle = handle;
  sqlite3_extended_result_codes (handle, 1);
  return &db->parent;
}

/* A store is used from one thread at a time (the GUI's main thread, or the
 * CLI's only one), so the connection needs no mutex of its own: taking it
 * twice per call was 4 % of a large import. */
SfDb *
sf_db_sqlite_open (const char     *path,
                   SfDbOpenFlags   flags,
                   GError        **error)
{
  int sqlite_flags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX;
  g_autofree char *uri = NULL;
  sqlite3 *handle = NULL;
  int rc;

  sf_db_sqlite_tune ();
  if (flags & SF_DB_OPEN_READONLY)
    sqlite_flags |= SQLITE_OPEN_READONLY;
  else
    sqlite_flags |= SQLITE_OPEN_READWRITE | ((flags & SF_DB_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);

  /* A database in WAL mode on a medium nothing can write to cannot get its
   * shared-memory file: it is read as immutable, which is what it is. */
  if (flags & SF_DB_OPEN_IMMUTABLE)
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

      uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
      sqlite_flags |= SQLITE_OPEN_URI;
    }

  rc = sqlite3_open_v2 (uri != NULL ? uri : path, &handle, sqlite_flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error_literal (error, SF_DB_ERROR, map_code (rc),
                           handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
      sqlite3_close_v2 (handle);
      return NULL;
    }
  return wrap (handle, path);
}

gboolean
sf_db_sqlite_backup_into (SfDb *src,
                          SfDb *dest)
{
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (src->driver == &sqlite_driver && dest->driver == &sqlite_driver, FALSE);

  backup = sqlite3_backup_init (HANDLE (dest), "main", HANDLE (src), "main");
  if (backup == NULL)
    {
      fail_from_handle (dest);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      sf_db_driver_fail (dest, map_code (rc), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

gboolean
sf_db_sqlite_backup_to (SfDb        *src,
                        const char  *dest_path,
                        gboolean     no_journal,
                        int          busy_timeout_ms,
                        SfDbError   *code,
                        char       **message)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (src->driver == &sqlite_driver, FALSE);

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (dest, 1);
      if (busy_timeout_ms > 0)
        sqlite3_busy_timeout (dest, busy_timeout_ms);
      if (no_journal)
        rc = sqlite3_exec (dest, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", HANDLE (src), "main");
      /* The whole copy in one step holds a read lock for a moment;
       * writers in other programs wait on the busy timeout. */
      rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (dest);
      if (backup != NULL)
        sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      *code = map_code (rc);
      *message = g_strdup (dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
    }
  sqlite3_close (dest);
  return rc == SQLITE_OK;
}
