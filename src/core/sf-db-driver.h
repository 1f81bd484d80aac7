#pragma once

/* For the drivers of sf-db.h only: what a driver implements.  A driver's
 * connection and statement structs begin with SfDb and SfDbStmt, which the
 * functions of sf-db.c read; everything else is the driver's own. */

#include "sf-db.h"

G_BEGIN_DECLS

typedef struct _SfDbDriver SfDbDriver;

struct _SfDb
{
  const SfDbDriver *driver;
  char             *location;
  SfDbError         error_code;
  char             *error_message;
};

struct _SfDbStmt
{
  const SfDbDriver *driver;
  SfDb             *db;
};

struct _SfDbCopy
{
  const SfDbDriver *driver;
  SfDb             *db;
  int               n_columns;
};

typedef enum
{
  SF_DB_VALUE_NULL,
  SF_DB_VALUE_INT64,
  SF_DB_VALUE_DOUBLE,
  SF_DB_VALUE_TEXT,
} SfDbValueType;

struct _SfDbValue
{
  SfDbValueType type;
  gint64        i;
  double        d;
  char         *text;
};

struct _SfDbDriver
{
  const char *name;
  SfDbKind    kind;

  /* connection: a FALSE or NULL leaves the reason with sf_db_driver_fail() */
  void        (*close)           (SfDb *db);
  gboolean    (*exec)            (SfDb *db, const char *sql);
  SfDbStmt   *(*prepare)         (SfDb *db, const char *sql);
  gboolean    (*in_transaction)  (SfDb *db);
  gint64      (*changes)         (SfDb *db);
  gint64      (*total_changes)   (SfDb *db);
  gboolean    (*set_row_hook)    (SfDb *db, SfDbRowHook hook, gpointer user_data);
  gint64      (*data_version)    (SfDb *db);
  void        (*set_busy_timeout) (SfDb *db, int ms);
  /* "BEGIN", "COMMIT", "ROLLBACK" as the driver spells them */
  const char *begin_sql;
  GPtrArray  *(*foreign_keys_to) (SfDb *db, const char *parent);

  /* statements */
  SfDbStep    (*step)            (SfDbStmt *stmt);
  void        (*reset)           (SfDbStmt *stmt);
  void        (*clear)           (SfDbStmt *stmt);
  void        (*free)            (SfDbStmt *stmt);
  void        (*bind_int64)      (SfDbStmt *stmt, int index, gint64 value);
  void        (*bind_double)     (SfDbStmt *stmt, int index, double value);
  void        (*bind_text)       (SfDbStmt *stmt, int index, const char *text, gboolean copy);
  void        (*bind_null)       (SfDbStmt *stmt, int index);
  int         (*column_count)    (SfDbStmt *stmt);
  const char *(*column_name)     (SfDbStmt *stmt, int column);
  gint64      (*column_int64)    (SfDbStmt *stmt, int column);
  double      (*column_double)   (SfDbStmt *stmt, int column);
  const char *(*column_text)     (SfDbStmt *stmt, int column);
  gboolean    (*column_is_null)  (SfDbStmt *stmt, int column);
  /* NULL: the value is read with column_int64/double/text by type */
  SfDbValueType (*column_type)   (SfDbStmt *stmt, int column);

  /* bulk writes: copy_begin allocates the driver's SfDbCopy */
  SfDbCopy   *(*copy_begin)      (SfDb *db, const char *table, const char * const *columns);
  void        (*copy_put)        (SfDbCopy *copy, int column, const SfDbValue *value);
  gboolean    (*copy_row)        (SfDbCopy *copy);
  gboolean    (*copy_end)        (SfDbCopy *copy, gboolean ok);

  /* schema */
  gboolean    (*get_schema_version) (SfDb *db, gint64 *version);
  gboolean    (*set_schema_version) (SfDb *db, gint64 version);
  const char  *(*get_migration)  (SfDb *db, int from, gboolean *rebuilds);
  gint64      (*count_tables)    (SfDb *db, const char * const *names);

  /* notifications: NULL where the driver has none */
  gboolean    (*listen)          (SfDb *db, const char *channel);
  int         (*get_socket)      (SfDb *db);
  /* appends SfDbNotification to @into; FALSE when the connection is lost */
  gboolean    (*take_notifications) (SfDb *db, GPtrArray *into);
  void        (*set_notify_hook) (SfDb *db, SfDbNotifyHook hook, gpointer user_data);
  /* appends what this connection's own transactions sent (SfDbNotification)
   * to @into; FALSE when it listens on no channel */
  gboolean    (*take_own_notifications) (SfDb *db, GPtrArray *into);
};

/* Sets up the common part of a driver's connection */
void          sf_db_driver_init     (SfDb             *db,
                                     const SfDbDriver *driver,
                                     const char       *location);
/* Frees the common part (the driver frees the rest and @db) */
void          sf_db_driver_clear    (SfDb             *db);
/* Remembers why the last call on @db failed */
void          sf_db_driver_fail     (SfDb             *db,
                                     SfDbError         code,
                                     const char       *message);
void          sf_db_driver_ok       (SfDb             *db);

/* The drivers */
SfDb         *sf_db_sqlite_open     (const char     *path,
                                     SfDbOpenFlags   flags,
                                     GError        **error);
#ifdef SF_HAVE_POSTGRES
SfDb         *sf_db_pg_open         (const char     *uri,
                                     SfDbOpenFlags   flags,
                                     GError        **error);
gboolean      sf_db_pg_is_connected (SfDb           *db);
#endif
/* The password sf_db_set_password() gave for @location, or NULL (free it
 * with g_free()) */
char         *sf_db_driver_get_password (const char *location);

G_END_DECLS
