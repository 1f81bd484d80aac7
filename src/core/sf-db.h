#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The database seam: a connection (SfDb) and its statements (SfDbStmt),
 * with one driver per database (sf-db-sqlite.c, and PostgreSQL's when it
 * is built).  Everything above this — the store, the modules of core, the
 * command line — writes its SQL once, in the portable subset described in
 * docs/store.md, and never learns which database is open.
 *
 * Errors follow SQLite's shape: a call that fails returns FALSE, NULL or
 * SF_DB_STEP_ERROR and leaves its reason on the connection, from where
 * sf_db_set_error() puts it into a GError of the SF_DB_ERROR domain.
 * Calls that take a GError set it themselves. */

typedef enum
{
  SF_DB_SQLITE,
  SF_DB_POSTGRES,
} SfDbKind;

#define SF_DB_ERROR (sf_db_error_quark ())

/* What went wrong, in the terms every database shares. */
typedef enum
{
  SF_DB_ERROR_OTHER,
  SF_DB_ERROR_CONSTRAINT,   /* a CHECK or NOT NULL constraint */
  SF_DB_ERROR_UNIQUE,       /* a UNIQUE or PRIMARY KEY constraint */
  SF_DB_ERROR_FOREIGN_KEY,  /* a row refers to one that is not there */
  SF_DB_ERROR_BUSY,         /* another connection holds a lock */
  SF_DB_ERROR_CORRUPT,      /* the database is damaged or not a database */
  SF_DB_ERROR_READ_ONLY,    /* the database may be read but not written */
  SF_DB_ERROR_IO,           /* the file cannot be opened, read or written */
  SF_DB_ERROR_CONNECTION,   /* the server cannot be reached or went away */
  SF_DB_ERROR_AUTH,         /* the server refused the user or password */
  SF_DB_ERROR_TLS,          /* the encrypted connection could not be made */
  SF_DB_ERROR_DENIED,       /* the server's rights or row policies refuse the user this */
} SfDbError;

/* What sf_db_stmt_step() returns. */
typedef enum
{
  SF_DB_STEP_ERROR = 0,
  SF_DB_ROW = 100,
  SF_DB_DONE = 101,
} SfDbStep;

typedef enum
{
  SF_DB_OPEN_DEFAULT   = 0,
  SF_DB_OPEN_READONLY  = 1 << 0,  /* never write; a file is not created */
  SF_DB_OPEN_CREATE    = 1 << 1,  /* a file that is not there is created */
  SF_DB_OPEN_IMMUTABLE = 1 << 2,  /* SQLite: a copy nothing writes to, read without locks */
} SfDbOpenFlags;

typedef struct _SfDb      SfDb;
typedef struct _SfDbStmt  SfDbStmt;
typedef struct _SfDbCopy  SfDbCopy;
typedef struct _SfDbValue SfDbValue;

/* Called for each row an INSERT, UPDATE or DELETE wrote, by drivers that
 * can tell (SQLite's update hook); @operation is SF_DB_INSERT,
 * SF_DB_UPDATE or SF_DB_DELETE. */
typedef enum
{
  SF_DB_DELETE = 9,
  SF_DB_INSERT = 18,
  SF_DB_UPDATE = 23,
} SfDbOperation;

typedef void (*SfDbRowHook) (gpointer       user_data,
                             SfDbOperation  operation,
                             const char    *table,
                             gint64         rowid);

/* A foreign key of a child table that points at a parent table. */
typedef struct
{
  char     *child;     /* the child table */
  char     *from;      /* the child's column */
  char     *to;        /* the parent's column (its primary key, if not named) */
  gboolean  cascade;   /* ON DELETE CASCADE */
} SfDbForeignKey;

GQuark        sf_db_error_quark        (void);

/* @location is a file path (or ":memory:") for SQLite, or a libpq
 * connection URI (postgresql://…, postgres://…) for PostgreSQL. */
gboolean      sf_db_location_is_uri    (const char     *location);
SfDb         *sf_db_open               (const char     *location,
                                        SfDbOpenFlags   flags,
                                        GError        **error);
void          sf_db_close              (SfDb           *db);
/* A password for the server @location names (as given to sf_db_open(),
 * without one in it), kept in this process's memory only and used by
 * every connection to @location from then on; NULL forgets it.  So the
 * password is never part of a location that is shown or remembered. */
void          sf_db_set_password       (const char     *location,
                                        const char     *password);
/* Whether @db's connection still stands, as far as can be told without a
 * round trip (a server that closed the connection has said so); TRUE for
 * a file. */
gboolean      sf_db_is_connected       (SfDb           *db);
SfDbKind      sf_db_get_kind           (SfDb           *db);
const char   *sf_db_get_location       (SfDb           *db);

/* The last failure on @db */
SfDbError     sf_db_get_error_code     (SfDb           *db);
const char   *sf_db_get_error_message  (SfDb           *db);
void          sf_db_set_error          (SfDb           *db,
                                        GError        **error);

/* Runs one or more statements that return no rows (or whose rows are
 * not wanted). */
gboolean      sf_db_exec               (SfDb           *db,
                                        const char     *sql,
                                        GError        **error);
/* One statement; parameters are ?1, ?2 … (1-based).  A mistake in the
 * SQL is reported here, except on a server inside a transaction, where
 * the statement is prepared with its first step (one round trip for
 * both) and that step reports it. */
SfDbStmt     *sf_db_prepare            (SfDb           *db,
                                        const char     *sql,
                                        GError        **error);

gboolean      sf_db_begin              (SfDb           *db,
                                        GError        **error);
gboolean      sf_db_commit             (SfDb           *db,
                                        GError        **error);
void          sf_db_rollback           (SfDb           *db);
gboolean      sf_db_in_transaction     (SfDb           *db);
/* Rows changed by the last INSERT, UPDATE or DELETE, and by all of them
 * since the connection was opened. */
gint64        sf_db_changes            (SfDb           *db);
gint64        sf_db_total_changes      (SfDb           *db);
/* Follows each row written; FALSE where the driver cannot tell (then
 * sf_db_total_changes() says more rows changed than the hook saw). */
gboolean      sf_db_set_row_hook       (SfDb           *db,
                                        SfDbRowHook     hook,
                                        gpointer        user_data);
/* A number that changes when another connection commits; -1 when the
 * driver cannot tell. */
gint64        sf_db_data_version       (SfDb           *db);
/* How long a write waits for another connection's lock. */
void          sf_db_set_busy_timeout   (SfDb           *db,
                                        int             ms);
/* The foreign keys of every table that point at @parent (one column
 * each), or NULL with @error. */
GPtrArray    *sf_db_foreign_keys_to    (SfDb           *db,
                                        const char     *parent,
                                        GError        **error);
void          sf_db_foreign_key_free   (SfDbForeignKey *key);
/* "name" quoted as an SQL identifier */
char         *sf_db_quote_name         (const char     *name);

/* ---- statements ------------------------------------------------------ */

SfDb         *sf_db_stmt_get_db        (SfDbStmt       *stmt);
/* SF_DB_ROW (a row may be read with the column functions), SF_DB_DONE,
 * or SF_DB_STEP_ERROR (the reason is on the connection). */
SfDbStep      sf_db_stmt_step          (SfDbStmt       *stmt);
/* To be stepped again from the start; bindings stay. */
void          sf_db_stmt_reset         (SfDbStmt       *stmt);
/* Every parameter NULL again */
void          sf_db_stmt_clear         (SfDbStmt       *stmt);
void          sf_db_stmt_free          (SfDbStmt       *stmt);

/* Parameters are 1-based; text is copied, except by
 * sf_db_stmt_bind_text_static(), whose text must last until the statement
 * is stepped, reset or bound again. */
void          sf_db_stmt_bind_int64    (SfDbStmt       *stmt,
                                        int             index,
                                        gint64          value);
void          sf_db_stmt_bind_double   (SfDbStmt       *stmt,
                                        int             index,
                                        double          value);
void          sf_db_stmt_bind_text     (SfDbStmt       *stmt,
                                        int             index,
                                        const char     *text);
void          sf_db_stmt_bind_text_static (SfDbStmt    *stmt,
                                        int             index,
                                        const char     *text);
void          sf_db_stmt_bind_null     (SfDbStmt       *stmt,
                                        int             index);
void          sf_db_stmt_bind_value    (SfDbStmt       *stmt,
                                        int             index,
                                        const SfDbValue *value);

/* Columns are 0-based; a NULL reads as 0, 0.0 or NULL.  Text lasts until
 * the next step, reset or free. */
int           sf_db_stmt_column_count  (SfDbStmt       *stmt);
const char   *sf_db_stmt_column_name   (SfDbStmt       *stmt,
                                        int             column);
gint64        sf_db_stmt_column_int64  (SfDbStmt       *stmt,
                                        int             column);
double        sf_db_stmt_column_double (SfDbStmt       *stmt,
                                        int             column);
const char   *sf_db_stmt_column_text   (SfDbStmt       *stmt,
                                        int             column);
gboolean      sf_db_stmt_column_is_null (SfDbStmt      *stmt,
                                        int             column);
/* A copy of the column's value, to be bound again later (undo) */
SfDbValue    *sf_db_stmt_column_value  (SfDbStmt       *stmt,
                                        int             column);

/* ---- values ---------------------------------------------------------- */

SfDbValue    *sf_db_value_new_int64    (gint64          value);
void          sf_db_value_free         (SfDbValue      *value);
gboolean      sf_db_value_is_null      (const SfDbValue *value);

/* ---- bulk writes ----------------------------------------------------- *
 *
 * Many rows into one table at once (imports).  SQLite inserts them with one
 * prepared INSERT; PostgreSQL streams them with COPY FROM STDIN.  Put the
 * row's values (columns 0-based, in the order given), then
 * sf_db_copy_row(); sf_db_copy_end() finishes (or, with @ok FALSE, gives
 * up).  The table is usually a temporary one that a statement then applies
 * to the real tables, within the caller's transaction. */
SfDbCopy     *sf_db_copy_begin         (SfDb           *db,
                                        const char     *table,
                                        const char * const *columns,
                                        GError        **error);
void          sf_db_copy_put_int64     (SfDbCopy       *copy,
                                        int             column,
                                        gint64          value);
void          sf_db_copy_put_double    (SfDbCopy       *copy,
                                        int             column,
                                        double          value);
void          sf_db_copy_put_text      (SfDbCopy       *copy,
                                        int             column,
                                        const char     *text);
void          sf_db_copy_put_null      (SfDbCopy       *copy,
                                        int             column);
/* A value read with sf_db_stmt_column_value() (NULL: SQL NULL), as it
 * is: to copy rows between databases */
void          sf_db_copy_put_value     (SfDbCopy       *copy,
                                        int             column,
                                        const SfDbValue *value);
gboolean      sf_db_copy_row           (SfDbCopy       *copy,
                                        GError        **error);
/* Frees @copy; FALSE with @error when the rows could not be written. */
gboolean      sf_db_copy_end           (SfDbCopy       *copy,
                                        gboolean        ok,
                                        GError        **error);

/* ---- schema ----------------------------------------------------------- *
 *
 * Each driver brings its own DDL: the migrations that take a database of
 * version i to i + 1, and where the version is kept. */
gboolean      sf_db_get_schema_version (SfDb           *db,
                                        gint64         *version,
                                        GError        **error);
gboolean      sf_db_set_schema_version (SfDb           *db,
                                        gint64          version,
                                        GError        **error);
/* The migration that takes version @from to @from + 1, and whether it
 * rebuilds a table others refer to (then foreign keys are checked after
 * it); NULL when @from is not below the driver's latest version. */
const char   *sf_db_get_migration      (SfDb           *db,
                                        int             from,
                                        gboolean       *rebuilds);
/* Whether @db holds tables already (someone's) */
gint64        sf_db_count_tables       (SfDb           *db,
                                        const char * const *names);

/* ---- notifications --------------------------------------------------- *
 *
 * What other connections say happened (PostgreSQL's LISTEN and NOTIFY),
 * read without ever blocking: watch the socket (sf_db_get_socket(), with
 * g_unix_fd_add() on the main loop) and, when it can be read, take what
 * arrived.  A driver without notifications (SQLite) refuses to listen. */

typedef struct
{
  char *channel;
  char *payload;
} SfDbNotification;

/* Starts listening on @channel; FALSE with @error where the driver
 * cannot. */
gboolean      sf_db_listen             (SfDb           *db,
                                        const char     *channel,
                                        GError        **error);
/* The connection's socket to watch for notifications, or -1 */
int           sf_db_get_socket         (SfDb           *db);
/* The notifications other connections sent that have arrived (read from
 * the socket without waiting for more), oldest first, an array of
 * SfDbNotification (maybe empty); those this connection sent itself are
 * left out.  NULL with @error when the connection is lost. */
GPtrArray    *sf_db_take_notifications (SfDb           *db,
                                        GError        **error);
void          sf_db_notification_free  (SfDbNotification *notification);
/* What this connection's own transactions notified on a channel it
 * listens on, which came back with the answer to their COMMIT (so a
 * program can follow its own writes by the same names as others'),
 * oldest first, each handed over once; NULL where the driver has no
 * notifications or the connection listens on no channel. */
GPtrArray    *sf_db_take_own_notifications (SfDb        *db);

/* Called when notifications arrived with the answer to one of this
 * connection's own queries: read from the socket already, they will not
 * wake its watcher, so whoever watches takes them soon (from an idle
 * callback: the hook runs inside the query and must not use @db). */
typedef void (*SfDbNotifyHook) (gpointer user_data);

void          sf_db_set_notify_hook    (SfDb           *db,
                                        SfDbNotifyHook  hook,
                                        gpointer        user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfDb, sf_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfDbStmt, sf_db_stmt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfDbValue, sf_db_value_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfDbForeignKey, sf_db_foreign_key_free)

G_END_DECLS
