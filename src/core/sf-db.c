#include "config.h"

#include <string.h>

#include "sf-db-driver.h"

G_DEFINE_QUARK (sf-db-error-quark, sf_db_error)

gboolean
sf_db_location_is_uri (const char *location)
{
  return location != NULL &&
         (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"));
}

SfDb *
sf_db_open (const char     *location,
            SfDbOpenFlags   flags,
            GError        **error)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (sf_db_location_is_uri (location))
    {
#ifdef SF_HAVE_POSTGRES
      return sf_db_pg_open (location, flags, error);
#else
      g_set_error (error, SF_DB_ERROR, SF_DB_ERROR_CONNECTION,
                   "This build of Sagsfordeling cannot connect to PostgreSQL");
      return NULL;
#endif
    }
  return sf_db_sqlite_open (location, flags, error);
}

/* ---- passwords (sf_db_set_password()) ---- */

/* Connections are opened from worker threads too (the window connects
 * off its main thread) */
static GMutex passwords_lock;
static GHashTable *passwords;

void
sf_db_set_password (const char *location,
                    const char *password)
{
  g_return_if_fail (location != NULL);

  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (password != NULL)
    g_hash_table_replace (passwords, g_strdup (location), g_strdup (password));
  else
    g_hash_table_remove (passwords, location);
  g_mutex_unlock (&passwords_lock);
}

char *
sf_db_driver_get_password (const char *location)
{
  char *password = NULL;

  g_mutex_lock (&passwords_lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, location));
  g_mutex_unlock (&passwords_lock);
  return password;
}

gboolean
sf_db_is_connected (SfDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

#ifdef SF_HAVE_POSTGRES
  if (db->driver->kind == SF_DB_POSTGRES)
    return sf_db_pg_is_connected (db);
#endif
  return TRUE;
}

void
sf_db_driver_init (SfDb             *db,
                   const SfDbDriver *driver,
                   const char       *location)
{
  db->driver = driver;
  db->location = g_strdup (location);
  db->error_code = SF_DB_ERROR_OTHER;
  db->error_message = NULL;
}

void
sf_db_driver_clear (SfDb *db)
{
  g_clear_pointer (&db->location, g_free);
  g_clear_pointer (&db->error_message, g_free);
}

void
sf_db_driver_fail (SfDb       *db,
                   SfDbError   code,
                   const char *message)
{
  char *copy = g_strdup (message != NULL ? message : "unknown error");

  g_free (db->error_message);
  db->error_message = copy;
  db->error_code = code;
}

void
sf_db_driver_ok (SfDb *db)
{
  db->error_code = SF_DB_ERROR_OTHER;
  g_clear_pointer (&db->error_message, g_free);
}

void
sf_db_close (SfDb *db)
{
  if (db != NULL)
    db->driver->close (db);
}

SfDbKind
sf_db_get_kind (SfDb *db)
{
  return db->driver->kind;
}

const char *
sf_db_get_location (SfDb *db)
{
  return db->location;
}

SfDbError
sf_db_get_error_code (SfDb *db)
{
  return db->error_code;
}

const char *
sf_db_get_error_message (SfDb *db)
{
  return db->error_message != NULL ? db->error_message : "not an error";
}

void
sf_db_set_error (SfDb    *db,
                 GError **error)
{
  g_set_error_literal (error, SF_DB_ERROR, db->error_code, sf_db_get_error_message (db));
}

gboolean
sf_db_exec (SfDb        *db,
            const char  *sql,
            GError     **error)
{
  if (!db->driver->exec (db, sql))
    {
      sf_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

SfDbStmt *
sf_db_prepare (SfDb        *db,
               const char  *sql,
               GError     **error)
{
  SfDbStmt *stmt = db->driver->prepare (db, sql);

  if (stmt == NULL)
    sf_db_set_error (db, error);
  return stmt;
}

gboolean
sf_db_begin (SfDb    *db,
             GError **error)
{
  return sf_db_exec (db, db->driver->begin_sql, error);
}

gboolean
sf_db_commit (SfDb    *db,
              GError **error)
{
  return sf_db_exec (db, "COMMIT", error);
}

void
sf_db_rollback (SfDb *db)
{
  if (db->driver->in_transaction (db))
    db->driver->exec (db, "ROLLBACK");
}

gboolean
sf_db_in_transaction (SfDb *db)
{
  return db->driver->in_transaction (db);
}

gint64
sf_db_changes (SfDb *db)
{
  return db->driver->changes (db);
}

gint64
sf_db_total_changes (SfDb *db)
{
  return db->driver->total_changes (db);
}

gboolean
sf_db_set_row_hook (SfDb        *db,
                    SfDbRowHook  hook,
                    gpointer     user_data)
{
  return db->driver->set_row_hook != NULL && db->driver->set_row_hook (db, hook, user_data);
}

gint64
sf_db_data_version (SfDb *db)
{
  return db->driver->data_version != NULL ? db->driver->data_version (db) : -1;
}

void
sf_db_set_busy_timeout (SfDb *db,
                        int   ms)
{
  if (db->driver->set_busy_timeout != NULL)
    db->driver->set_busy_timeout (db, ms);
}

GPtrArray *
sf_db_foreign_keys_to (SfDb        *db,
                       const char  *parent,
                       GError     **error)
{
  GPtrArray *keys = db->driver->foreign_keys_to (db, parent);

  if (keys == NULL)
    sf_db_set_error (db, error);
  return keys;
}

void
sf_db_foreign_key_free (SfDbForeignKey *key)
{
  if (key == NULL)
    return;
  g_free (key->child);
  g_free (key->from);
  g_free (key->to);
  g_free (key);
}

char *
sf_db_quote_name (const char *name)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

/* ---- statements ---- */

SfDb *
sf_db_stmt_get_db (SfDbStmt *stmt)
{
  return stmt->db;
}

SfDbStep
sf_db_stmt_step (SfDbStmt *stmt)
{
  return stmt->driver->step (stmt);
}

void
sf_db_stmt_reset (SfDbStmt *stmt)
{
  stmt->driver->reset (stmt);
}

void
sf_db_stmt_clear (SfDbStmt *stmt)
{
  stmt->driver->clear (stmt);
}

void
sf_db_stmt_free (SfDbStmt *stmt)
{
  if (stmt != NULL)
    stmt->driver->free (stmt);
}

void
sf_db_stmt_bind_int64 (SfDbStmt *stmt,
                       int       index,
                       gint64    value)
{
  stmt->driver->bind_int64 (stmt, index, value);
}

void
sf_db_stmt_bind_double (SfDbStmt *stmt,
                        int       index,
                        double    value)
{
  stmt->driver->bind_double (stmt, index, value);
}

void
sf_db_stmt_bind_text (SfDbStmt   *stmt,
                      int         index,
                      const char *text)
{
  stmt->driver->bind_text (stmt, index, text, TRUE);
}

void
sf_db_stmt_bind_text_static (SfDbStmt   *stmt,
                             int         index,
                             const char *text)
{
  stmt->driver->bind_text (stmt, index, text, FALSE);
}

void
sf_db_stmt_bind_null (SfDbStmt *stmt,
                      int       index)
{
  stmt->driver->bind_null (stmt, index);
}

void
sf_db_stmt_bind_value (SfDbStmt        *stmt,
                       int              index,
                       const SfDbValue *value)
{
  switch (value != NULL ? value->type : SF_DB_VALUE_NULL)
    {
    case SF_DB_VALUE_NULL:
      stmt->driver->bind_null (stmt, index);
      break;
    case SF_DB_VALUE_INT64:
      stmt->driver->bind_int64 (stmt, index, value->i);
      break;
    case SF_DB_VALUE_DOUBLE:
      stmt->driver->bind_double (stmt, index, value->d);
      break;
    case SF_DB_VALUE_TEXT:
      stmt->driver->bind_text (stmt, index, value->text, TRUE);
      break;
    default:
      g_assert_not_reached ();
    }
}

int
sf_db_stmt_column_count (SfDbStmt *stmt)
{
  return stmt->driver->column_count (stmt);
}

const char *
sf_db_stmt_column_name (SfDbStmt *stmt,
                        int       column)
{
  return stmt->driver->column_name (stmt, column);
}

gint64
sf_db_stmt_column_int64 (SfDbStmt *stmt,
                         int       column)
{
  return stmt->driver->column_int64 (stmt, column);
}

double
sf_db_stmt_column_double (SfDbStmt *stmt,
                          int       column)
{
  return stmt->driver->column_double (stmt, column);
}

const char *
sf_db_stmt_column_text (SfDbStmt *stmt,
                        int       column)
{
  return stmt->driver->column_text (stmt, column);
}

gboolean
sf_db_stmt_column_is_null (SfDbStmt *stmt,
                           int       column)
{
  return stmt->driver->column_is_null (stmt, column);
}

SfDbValue *
sf_db_stmt_column_value (SfDbStmt *stmt,
                         int       column)
{
  SfDbValue *value = g_new0 (SfDbValue, 1);

  value->type = stmt->driver->column_type (stmt, column);
  switch (value->type)
    {
    case SF_DB_VALUE_NULL:
      break;
    case SF_DB_VALUE_INT64:
      value->i = stmt->driver->column_int64 (stmt, column);
      break;
    case SF_DB_VALUE_DOUBLE:
      value->d = stmt->driver->column_double (stmt, column);
      break;
    case SF_DB_VALUE_TEXT:
      value->text = g_strdup (stmt->driver->column_text (stmt, column));
      break;
    default:
      g_assert_not_reached ();
    }
  return value;
}

/* ---- values ---- */

SfDbValue *
sf_db_value_new_int64 (gint64 i)
{
  SfDbValue *value = g_new0 (SfDbValue, 1);

  value->type = SF_DB_VALUE_INT64;
  value->i = i;
  return value;
}

void
sf_db_value_free (SfDbValue *value)
{
  if (value == NULL)
    return;
  g_free (value->text);
  g_free (value);
}

gboolean
sf_db_value_is_null (const SfDbValue *value)
{
  return value == NULL || value->type == SF_DB_VALUE_NULL;
}

/* ---- bulk writes ---- */

SfDbCopy *
sf_db_copy_begin (SfDb                *db,
                  const char          *table,
                  const char * const  *columns,
                  GError             **error)
{
  SfDbCopy *copy = db->driver->copy_begin (db, table, columns);

  if (copy == NULL)
    sf_db_set_error (db, error);
  return copy;
}

void
sf_db_copy_put_int64 (SfDbCopy *copy,
                      int       column,
                      gint64    i)
{
  SfDbValue value = { .type = SF_DB_VALUE_INT64, .i = i };

  copy->driver->copy_put (copy, column, &value);
}

void
sf_db_copy_put_double (SfDbCopy *copy,
                       int       column,
                       double    d)
{
  SfDbValue value = { .type = SF_DB_VALUE_DOUBLE, .d = d };

  copy->driver->copy_put (copy, column, &value);
}

void
sf_db_copy_put_text (SfDbCopy   *copy,
                     int         column,
                     const char *text)
{
  SfDbValue value = { .type = text != NULL ? SF_DB_VALUE_TEXT : SF_DB_VALUE_NULL, .text = (char *) text };

  copy->driver->copy_put (copy, column, &value);
}

void
sf_db_copy_put_null (SfDbCopy *copy,
                     int       column)
{
  SfDbValue value = { .type = SF_DB_VALUE_NULL };

  copy->driver->copy_put (copy, column, &value);
}

void
sf_db_copy_put_value (SfDbCopy        *copy,
                      int              column,
                      const SfDbValue *value)
{
  SfDbValue null = { .type = SF_DB_VALUE_NULL };

  copy->driver->copy_put (copy, column, value != NULL ? value : &null);
}

gboolean
sf_db_copy_row (SfDbCopy  *copy,
                GError   **error)
{
  if (!copy->driver->copy_row (copy))
    {
      sf_db_set_error (copy->db, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
sf_db_copy_end (SfDbCopy  *copy,
                gboolean   ok,
                GError   **error)
{
  SfDb *db = copy->db;

  if (!copy->driver->copy_end (copy, ok) && ok)
    {
      sf_db_set_error (db, error);
      return FALSE;
    }
  return ok;
}

/* ---- schema ---- */

gboolean
sf_db_get_schema_version (SfDb    *db,
                          gint64  *version,
                          GError **error)
{
  if (!db->driver->get_schema_version (db, version))
    {
      sf_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
sf_db_set_schema_version (SfDb    *db,
                          gint64   version,
                          GError **error)
{
  if (!db->driver->set_schema_version (db, version))
    {
      sf_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

const char *
sf_db_get_migration (SfDb     *db,
                     int       from,
                     gboolean *rebuilds)
{
  gboolean dummy;

  return db->driver->get_migration (db, from, rebuilds != NULL ? rebuilds : &dummy);
}

gint64
sf_db_count_tables (SfDb               *db,
                    const char * const *names)
{
  return db->driver->count_tables (db, names);
}

/* ---- notifications ---- */

gboolean
sf_db_listen (SfDb        *db,
              const char  *channel,
              GError     **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (channel != NULL, FALSE);

  if (db->driver->listen == NULL)
    {
      g_set_error (error, SF_DB_ERROR, SF_DB_ERROR_OTHER,
                   "The %s driver has no notifications", db->driver->name);
      return FALSE;
    }
  if (!db->driver->listen (db, channel))
    {
      sf_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

int
sf_db_get_socket (SfDb *db)
{
  g_return_val_if_fail (db != NULL, -1);

  return db->driver->get_socket != NULL ? db->driver->get_socket (db) : -1;
}

void
sf_db_notification_free (SfDbNotification *notification)
{
  if (notification == NULL)
    return;
  g_free (notification->channel);
  g_free (notification->payload);
  g_free (notification);
}

GPtrArray *
sf_db_take_notifications (SfDb    *db,
                          GError **error)
{
  g_autoptr(GPtrArray) notifications = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  notifications = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_db_notification_free);
  if (db->driver->take_notifications != NULL &&
      !db->driver->take_notifications (db, notifications))
    {
      sf_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&notifications);
}

GPtrArray *
sf_db_take_own_notifications (SfDb *db)
{
  g_autoptr(GPtrArray) notifications = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  if (db->driver->take_own_notifications == NULL)
    return NULL;
  notifications = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_db_notification_free);
  if (!db->driver->take_own_notifications (db, notifications))
    return NULL;
  return g_steal_pointer (&notifications);
}

void
sf_db_set_notify_hook (SfDb           *db,
                       SfDbNotifyHook  hook,
                       gpointer        user_data)
{
  g_return_if_fail (db != NULL);

  if (db->driver->set_notify_hook != NULL)
    db->driver->set_notify_hook (db, hook, user_data);
}
