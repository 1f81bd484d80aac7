/* The PostgreSQL driver of sf-db.h, on libpq.
 *
 * Round trips are what a server costs, so each is counted for:
 * - sf_db_prepare() prepares the statement on the server, once per
 *   connection and SQL text: preparing the same SQL again costs nothing.
 *   Outside a transaction it is prepared at once (so a mistake in it is
 *   reported there, as SQLite does).  Inside one, where a failed
 *   preparation spoils the transaction anyway, it is prepared with its
 *   first step: the preparation (in a savepoint when its parameters may
 *   need a second try) and the execution go in one pipeline, one round
 *   trip, and a mistake is reported by that step;
 * - stepping runs it (PQexecPrepared), one round trip that brings every
 *   result row at once; the steps then walk that result, never fetching a
 *   row at a time;
 * - BEGIN is held back and sent with the next command (and a COMMIT or
 *   ROLLBACK of nothing is not sent at all);
 * - bulk writes stream through COPY … FROM STDIN (libpq sends the rows in
 *   large buffers), one round trip for all the rows;
 * - sf_db_exec() sends all of its statements in one simple query.
 *
 * SQL arrives in the portable subset: parameters are ?1, ?2 … as SQLite
 * has them and become $1, $2 …; SQLite's type names become PostgreSQL's
 * (INTEGER → bigint, REAL → double precision, INTEGER PRIMARY KEY → an
 * identity column; WITHOUT ROWID and COLLATE NOCASE go), all outside string
 * literals, quoted names and comments.  Values travel as text, so the
 * server converts them to the column's type as it would a literal.  Errors
 * are sorted into the SF_DB_ERROR domain by SQLSTATE. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "sf-db-driver.h"
#include "sf-store-pg-schema.h"

/* Type oids of pg_type (catalog/pg_type_d.h is a server header) */
#define SF_PG_BOOLOID    16
#define SF_PG_INT8OID    20
#define SF_PG_INT2OID    21
#define SF_PG_INT4OID    23
#define SF_PG_OIDOID     26
#define SF_PG_FLOAT4OID  700
#define SF_PG_FLOAT8OID  701
#define SF_PG_NUMERICOID 1700
#define SF_PG_TEXTOID    25

typedef struct
{
  SfDb        parent;
  PGconn     *conn;
  /* SQL text (rewritten) → name of the statement prepared on the server */
  GHashTable *prepared;
  guint       n_prepared;
  gint64      changes;
  gint64      total_changes;
  /* Notifications that came with the answer to a query (SfDbNotification),
   * and whom to tell of them */
  GPtrArray  *notifications;
  /* Those its own transactions sent, once it listens (listening) */
  GPtrArray  *own_notifications;
  gboolean    listening;
  SfDbNotifyHook notify_hook;
  gpointer    notify_data;
  /* A BEGIN not yet sent: it goes with the next command */
  gboolean    pending_begin;
} SfDbPg;

typedef struct
{
  SfDbStmt    parent;
  char       *sql;        /* with $N parameters */
  char       *name;       /* its name on the server */
  PGresult   *described;  /* its columns, asked for before the first step */
  int         n_params;
  char      **values;     /* n_params text values (NULL = SQL NULL) */
  gboolean   *owned;      /* whether values[i] is ours to free */
  PGresult   *result;
  int         row;        /* the row stepped to; -1 before the first */
  gboolean    done;
  char        bool_text[2];
  /* Not yet prepared on the server (inside a transaction: it is, with
   * its first step), and the parameters' types to prepare it with */
  gboolean    deferred;
  Oid        *types;
} SfDbPgStmt;

typedef struct
{
  SfDbCopy    parent;
  GString    *line;
  /* The row being put, in COPY's text form, each column's buffer kept
   * from row to row (no allocation a value); NULL where not given */
  GString   **values;
  gboolean   *given;
  gboolean    failed;
} SfDbPgCopy;

/* A copy's rows go to the server in messages of about this size rather
 * than a message a row (each PQputCopyData() is one): fewer calls into
 * libpq and fewer, fuller writes to the socket. */
#define COPY_MESSAGE_BYTES (64 * 1024)

static const SfDbDriver sf_db_pg_driver;

static void catch_notifications (SfDb *db);

static PGconn *
conn_of (SfDb *db)
{
  return ((SfDbPg *) db)->conn;
}

/* ---- errors ---- */

static SfDbError
error_code_of (const char *sqlstate,
               PGconn     *conn)
{
  if (conn != NULL && PQstatus (conn) == CONNECTION_BAD)
    return SF_DB_ERROR_CONNECTION;
  if (sqlstate == NULL)
    return SF_DB_ERROR_OTHER;

  /* Class 23: integrity constraint violation */
  if (strcmp (sqlstate, "23505") == 0)
    return SF_DB_ERROR_UNIQUE;
  if (strcmp (sqlstate, "23503") == 0)
    return SF_DB_ERROR_FOREIGN_KEY;
  if (g_str_has_prefix (sqlstate, "23"))
    return SF_DB_ERROR_CONSTRAINT;
  /* Class 08: connection exception; 57P01–57P03: the server shutting down */
  if (g_str_has_prefix (sqlstate, "08") || g_str_has_prefix (sqlstate, "57P"))
    return SF_DB_ERROR_CONNECTION;
  /* Class 28: invalid authorization (28P01: wrong password) */
  if (g_str_has_prefix (sqlstate, "28"))
    return SF_DB_ERROR_AUTH;
  /* Serialization failure, deadlock, lock not available, lock timeout */
  if (strcmp (sqlstate, "40001") == 0 || strcmp (sqlstate, "40P01") == 0 ||
      strcmp (sqlstate, "55P03") == 0)
    return SF_DB_ERROR_BUSY;
  /* Read-only transaction or hot standby */
  if (strcmp (sqlstate, "25006") == 0)
    return SF_DB_ERROR_READ_ONLY;
  /* Insufficient privilege: a table the user's role may not write, or a
   * row-level security policy refusing the row (docs/access.md) */
  if (strcmp (sqlstate, "42501") == 0)
    return SF_DB_ERROR_DENIED;
  /* Data corrupted, index corrupted */
  if (strcmp (sqlstate, "XX001") == 0 || strcmp (sqlstate, "XX002") == 0)
    return SF_DB_ERROR_CORRUPT;
  /* Class 53: insufficient resources (disk full …); 58: system error */
  if (g_str_has_prefix (sqlstate, "53") || g_str_has_prefix (sqlstate, "58"))
    return SF_DB_ERROR_IO;
  return SF_DB_ERROR_OTHER;
}

/* Remembers a failed result's reason on @db: the server's primary message,
 * then its detail ("Key (name)=(A) already exists.") and where in a COPY. */
static void
fail_result (SfDb     *db,
             PGresult *result)
{
  PGconn *conn = conn_of (db);
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *detail = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL) : NULL;
  const char *context = result != NULL ? PQresultErrorField (result, PG_DIAG_CONTEXT) : NULL;
  const char *sqlstate = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autoptr (GString) message = g_string_new (NULL);

  if (primary != NULL)
    g_string_append (message, primary);
  else
    {
      g_string_append (message, PQerrorMessage (conn));
      g_strstrip (message->str);
      message->len = strlen (message->str);
    }
  if (message->len == 0)
    g_string_append (message, "the server did not answer");
  if (detail != NULL)
    g_string_append_printf (message, " (%s)", detail);
  if (context != NULL && g_str_has_prefix (context, "COPY "))
    g_string_append_printf (message, " [%s]", context);

  sf_db_driver_fail (db, error_code_of (sqlstate, conn), message->str);
}

/* Whether @result is one of @status; else the reason is left on @db and
 * @result is cleared. */
static gboolean
result_ok (SfDb           *db,
           PGresult       *result,
           ExecStatusType  status)
{
  if (result != NULL && PQresultStatus (result) == status)
    return TRUE;
  if (result != NULL && status == PGRES_COMMAND_OK && PQresultStatus (result) == PGRES_TUPLES_OK)
    return TRUE;
  fail_result (db, result);
  return FALSE;
}

/* ---- SQL ---- */

static gboolean
word_is (const char *word,
         gsize       len,
         const char *keyword)
{
  return strlen (keyword) == len && g_ascii_strncasecmp (word, keyword, len) == 0;
}

/* Whether the words @words (one space apart) follow @p after white space;
 * *@end is then after them. */
static gboolean
follows (const char  *p,
         const char  *words,
         const char **end)
{
  const char *w = words;

  while (*w != '\0')
    {
      const char *start = w;
      gsize len;

      while (g_ascii_isspace (*p))
        p++;
      while (*w != '\0' && *w != ' ')
        w++;
      len = w - start;
      if (g_ascii_strncasecmp (p, start, len) != 0 || g_ascii_isalnum (p[len]) || p[len] == '_')
        return FALSE;
      p += len;
      if (*w == ' ')
        w++;
    }
  *end = p;
  return TRUE;
}

/* @sql with ?N (and a bare ?, numbered on from the last) written $N,
 * outside '…' and E'…' literals, "…" names, $tag$…$tag$ bodies and
 * comments; *@n_params is the highest number. */
static char *
rewrite_sql (const char *sql,
             int        *n_params,
             GArray     *used)
{
  GString *out = g_string_sized_new (strlen (sql) + 8);
  const char *p = sql;
  int highest = 0;
  int last = 0;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          gboolean backslashes = quote == '\'' && p > sql && (p[-1] == 'E' || p[-1] == 'e');

          g_string_append_c (out, *p++);
          while (*p != '\0')
            {
              if (backslashes && *p == '\\' && p[1] != '\0')
                {
                  g_string_append_len (out, p, 2);
                  p += 2;
                  continue;
                }
              g_string_append_c (out, *p);
              if (*p++ == quote)
                {
                  if (*p == quote)
                    g_string_append_c (out, *p++);
                  else
                    break;
                }
            }
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            g_string_append_c (out, *p++);
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");
          gsize len = end != NULL ? (gsize) (end + 2 - p) : strlen (p);

          g_string_append_len (out, p, len);
          p += len;
        }
      else if (*p == '$' && (p[1] == '$' || g_ascii_isalpha (p[1]) || p[1] == '_') &&
               (p == sql || !(g_ascii_isalnum (p[-1]) || p[-1] == '_')))
        {
          /* A dollar-quoted body: $$…$$ or $tag$…$tag$ */
          const char *tag_end = p + 1;
          g_autofree char *tag = NULL;
          const char *end;

          while (g_ascii_isalnum (*tag_end) || *tag_end == '_')
            tag_end++;
          if (*tag_end != '$')
            {
              g_string_append_c (out, *p++);
              continue;
            }
          tag = g_strndup (p, tag_end + 1 - p);
          end = strstr (tag_end + 1, tag);
          end = end != NULL ? end + strlen (tag) : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (g_ascii_isalpha (*p) || *p == '_')
        {
          const char *word = p;
          gsize len;

          while (g_ascii_isalnum (*p) || *p == '_')
            p++;
          len = p - word;
          /* A word, or what SQLite calls a type */
          if (word > sql && (word[-1] == '.' || word[-1] == '$'))
            g_string_append_len (out, word, len);
          else if (word_is (word, len, "INTEGER") && follows (p, "PRIMARY KEY AUTOINCREMENT", &p))
            g_string_append (out, "bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
          else if (word_is (word, len, "INTEGER") && follows (p, "PRIMARY KEY", &p))
            g_string_append (out, "bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
          else if (word_is (word, len, "INTEGER"))
            g_string_append (out, "bigint");
          else if (word_is (word, len, "REAL"))
            g_string_append (out, "double precision");
          else if (word_is (word, len, "BLOB"))
            g_string_append (out, "bytea");
          else if (word_is (word, len, "WITHOUT") && follows (p, "ROWID", &p))
            ;
          else if (word_is (word, len, "COLLATE") && follows (p, "NOCASE", &p))
            ;
          else
            g_string_append_len (out, word, len);
        }
      else if (*p == '?')
        {
          int number;

          p++;
          if (g_ascii_isdigit (*p))
            {
              number = 0;
              while (g_ascii_isdigit (*p))
                number = number * 10 + (*p++ - '0');
            }
          else
            number = last + 1;
          last = number;
          highest = MAX (highest, number);
          if (used != NULL)
            {
              gboolean yes = TRUE;

              if ((guint) number > used->len)
                g_array_set_size (used, number);
              g_array_index (used, gboolean, number - 1) = yes;
            }
          g_string_append_printf (out, "$%d", number);
        }
      else
        g_string_append_c (out, *p++);
    }

  *n_params = highest;
  return g_string_free (out, FALSE);
}

/* ---- connection ---- */

static void
pg_close (SfDb *db)
{
  SfDbPg *self = (SfDbPg *) db;

  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->prepared, g_hash_table_unref);
  g_clear_pointer (&self->notifications, g_ptr_array_unref);
  g_clear_pointer (&self->own_notifications, g_ptr_array_unref);
  sf_db_driver_clear (db);
  g_free (self);
}

static void
ignore_notice (void       *user_data,
               const char *message)
{
}

/* A connection that did not come up: which of the usual reasons. */
static SfDbError
connect_error_code (PGconn     *conn,
                    const char *message)
{
  if (PQconnectionNeedsPassword (conn) ||
      strstr (message, "password authentication failed") != NULL ||
      strstr (message, "authentication failed") != NULL ||
      strstr (message, "no password supplied") != NULL ||
      strstr (message, "no pg_hba.conf entry") != NULL ||
      (strstr (message, "role \"") != NULL && strstr (message, "does not exist") != NULL))
    return SF_DB_ERROR_AUTH;
  /* The server answered: the database named is not there */
  if (strstr (message, "database \"") != NULL && strstr (message, "does not exist") != NULL)
    return SF_DB_ERROR_OTHER;
  if (strstr (message, "SSL") != NULL || strstr (message, "certificate") != NULL ||
      strstr (message, "GSSAPI") != NULL || strstr (message, "sslmode") != NULL)
    return SF_DB_ERROR_TLS;
  return SF_DB_ERROR_CONNECTION;
}

/* @uri without its password, to show and keep */
static char *
uri_without_password (const char *uri)
{
  const char *scheme_end = strstr (uri, "://");
  const char *authority;
  const char *at;
  const char *slash;
  const char *colon;

  if (scheme_end == NULL)
    return g_strdup (uri);
  authority = scheme_end + 3;
  slash = strpbrk (authority, "/?");
  at = strchr (authority, '@');
  if (at == NULL || (slash != NULL && at > slash))
    return g_strdup (uri);
  colon = memchr (authority, ':', at - authority);
  if (colon == NULL)
    return g_strdup (uri);
  return g_strdup_printf ("%.*s%s", (int) (colon - uri), uri, at);
}

SfDb *
sf_db_pg_open (const char     *uri,
               SfDbOpenFlags   flags,
               GError        **error)
{
  /* A password given with sf_db_set_password() comes last: a keyword after
   * the expanded URI overrides it */
  g_autofree char *password = sf_db_driver_get_password (uri);
  const char *keywords[] = { "dbname", "fallback_application_name", "client_encoding",
                             password != NULL ? "password" : NULL, NULL };
  const char *values[] = { uri, "sagsfordeling", "UTF8", password, NULL };
  g_autofree char *shown = uri_without_password (uri);
  SfDbPg *self;
  PGconn *conn;
  PGresult *result;

  conn = PQconnectdbParams (keywords, values, 1);
  if (password != NULL)
    memset (password, 0, strlen (password));
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strdup (conn != NULL ? PQerrorMessage (conn) : "out of memory");
      SfDbError code;

      g_strstrip (message);
      code = conn != NULL ? connect_error_code (conn, message) : SF_DB_ERROR_CONNECTION;
      switch ((int) code)
        {
        case SF_DB_ERROR_AUTH:
          g_set_error (error, SF_DB_ERROR, code,
                       _("The server %s refused the user or password: %s"), shown, message);
          break;
        case SF_DB_ERROR_TLS:
          g_set_error (error, SF_DB_ERROR, code,
                       _("No encrypted connection to %s could be made: %s"), shown, message);
          break;
        default:
          g_set_error (error, SF_DB_ERROR, code,
                       _("Cannot connect to the database server %s: %s"), shown, message);
          break;
        }
      PQfinish (conn);
      return NULL;
    }

  self = g_new0 (SfDbPg, 1);
  sf_db_driver_init (&self->parent, &sf_db_pg_driver, shown);
  self->conn = conn;
  self->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->notifications = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_db_notification_free);
  self->own_notifications = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_db_notification_free);

  /* Notices (such as "relation already exists, skipping") are not ours to print */
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  if (flags & SF_DB_OPEN_READONLY)
    {
      result = PQexec (conn, "SET default_transaction_read_only = on");
      if (!result_ok (&self->parent, result, PGRES_COMMAND_OK))
        {
          sf_db_set_error (&self->parent, error);
          PQclear (result);
          pg_close (&self->parent);
          return NULL;
        }
      PQclear (result);
    }
  return &self->parent;
}

static gboolean
pg_in_transaction (SfDb *db)
{
  PGTransactionStatusType status = PQtransactionStatus (conn_of (db));

  return ((SfDbPg *) db)->pending_begin ||
         status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

/* Sends the BEGIN held back, before a command that cannot take it along */
static void
flush_begin (SfDb *db)
{
  SfDbPg *self = (SfDbPg *) db;

  if (self->pending_begin)
    {
      self->pending_begin = FALSE;
      PQclear (PQexec (self->conn, "BEGIN"));
    }
}

static gboolean
is_command (const char *sql,
            const char *command)
{
  return g_ascii_strcasecmp (sql, command) == 0;
}

static gboolean
pg_exec (SfDb       *db,
         const char *sql)
{
  SfDbPg *self = (SfDbPg *) db;
  PGresult *result;
  gboolean ok = TRUE;

  g_autofree char *rewritten = NULL;
  int n_params;

  /* BEGIN waits for the next command; a COMMIT or ROLLBACK right after
   * it ends a transaction that did nothing, and is not sent either. */
  if (is_command (sql, "BEGIN") && !pg_in_transaction (db))
    {
      self->pending_begin = TRUE;
      sf_db_driver_ok (db);
      return TRUE;
    }
  if (self->pending_begin && (is_command (sql, "COMMIT") || is_command (sql, "ROLLBACK")))
    {
      self->pending_begin = FALSE;
      sf_db_driver_ok (db);
      return TRUE;
    }

  /* Several statements go in one simple query; each result is read, the
   * first error kept. */
  rewritten = rewrite_sql (sql, &n_params, NULL);
  if (self->pending_begin)
    {
      char *with_begin = g_strconcat ("BEGIN;", rewritten, NULL);

      g_free (rewritten);
      rewritten = with_begin;
      self->pending_begin = FALSE;
    }
  if (!PQsendQuery (self->conn, rewritten))
    {
      fail_result (db, NULL);
      return FALSE;
    }
  while ((result = PQgetResult (self->conn)) != NULL)
    {
      ExecStatusType status = PQresultStatus (result);

      if (ok && status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK &&
          status != PGRES_EMPTY_QUERY)
        {
          fail_result (db, result);
          ok = FALSE;
        }
      else if (ok && status == PGRES_COMMAND_OK && PQcmdTuples (result)[0] != '\0')
        {
          self->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
          self->total_changes += self->changes;
        }
      PQclear (result);
    }
  catch_notifications (db);
  if (ok)
    sf_db_driver_ok (db);
  return ok;
}

/* Whether @result failed because a parameter's type could not be told */
static gboolean
is_indeterminate (PGresult *result)
{
  const char *sqlstate = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  return sqlstate != NULL && strcmp (sqlstate, "42P18") == 0;
}

static void pg_free (SfDbStmt *base);

enum
{
  PIPELINE_OTHER,
  PIPELINE_PREPARE,
  PIPELINE_EXECUTE,
};

/* One pipeline, one round trip: the BEGIN held back, the preparation of
 * @stmt when @prepare (after SAVEPOINT sf_prepare when @open_savepoint, releasing it
 * after when @release_savepoint) and, when @execute, its execution with
 * its values.  *@prepared is the preparation's result; the execution's is
 * returned (NULL when it was not asked for).  A failed preparation makes
 * the server skip the rest, to the end of the pipeline. */
static PGresult *
run_pipeline (SfDbPg     *self,
              SfDbPgStmt *stmt,
              gboolean    prepare,
              gboolean    open_savepoint,
              gboolean    release_savepoint,
              gboolean    execute,
              PGresult  **prepared)
{
  PGconn *conn = self->conn;
  const char * const *values = (const char * const *) stmt->values;
  PGresult *executed = NULL;
  int kinds[5];
  int n = 0;

  *prepared = NULL;
  if (!PQenterPipelineMode (conn))
    return NULL;
  if (self->pending_begin)
    {
      self->pending_begin = FALSE;
      if (PQsendQueryParams (conn, "BEGIN", 0, NULL, NULL, NULL, NULL, 0))
        kinds[n++] = PIPELINE_OTHER;
    }
  if (open_savepoint && PQsendQueryParams (conn, "SAVEPOINT sf_prepare", 0, NULL, NULL, NULL, NULL, 0))
    kinds[n++] = PIPELINE_OTHER;
  if (prepare && PQsendPrepare (conn, stmt->name, stmt->sql, stmt->n_params, stmt->types))
    kinds[n++] = PIPELINE_PREPARE;
  if (release_savepoint &&
      PQsendQueryParams (conn, "RELEASE SAVEPOINT sf_prepare", 0, NULL, NULL, NULL, NULL, 0))
    kinds[n++] = PIPELINE_OTHER;
  if (execute && PQsendQueryPrepared (conn, stmt->name, stmt->n_params, values, NULL, NULL, 0))
    kinds[n++] = PIPELINE_EXECUTE;
  PQpipelineSync (conn);

  /* Each command's results end with NULL; the pipeline's with its sync */
  for (int i = 0; i < n; i++)
    {
      PGresult *kept = NULL;
      PGresult *result;

      while ((result = PQgetResult (conn)) != NULL)
        {
          if (kept == NULL)
            kept = result;
          else
            PQclear (result);
        }
      if (kinds[i] == PIPELINE_PREPARE)
        *prepared = kept;
      else if (kinds[i] == PIPELINE_EXECUTE)
        executed = kept;
      else
        PQclear (kept);
    }
  while (PQstatus (conn) == CONNECTION_OK)
    {
      PGresult *result = PQgetResult (conn);
      gboolean synced = result == NULL || PQresultStatus (result) == PGRES_PIPELINE_SYNC;

      PQclear (result);
      if (synced)
        break;
    }
  PQexitPipelineMode (conn);
  catch_notifications (&self->parent);
  return executed;
}

/* Prepares @stmt on the server, executing it too when @execute (its
 * result returned): one round trip, more only when a parameter's type
 * must be given (below).  NULL with the error set when the preparation
 * failed; the transaction is as it was then. */
static gboolean
prepare_on_server (SfDbPgStmt  *stmt,
                   gboolean     execute,
                   PGresult   **executed)
{
  SfDb *db = stmt->parent.db;
  SfDbPg *self = (SfDbPg *) db;
  /* A statement that fails to prepare spoils a transaction: one whose
   * parameters may need a second try is prepared inside a savepoint */
  gboolean savepoint = stmt->n_params > 0 && pg_in_transaction (db);
  PGresult *result;
  PGresult *run;

  run = run_pipeline (self, stmt, TRUE, savepoint, savepoint, execute, &result);

  /* A parameter the server cannot give a type from its place (SQLite's
   * "?1 IS NULL", "SELECT ?1") is text, as SQLite would store it: the
   * statement is prepared again with that one typed, until all are. */
  for (int tries = 0; tries < stmt->n_params && is_indeterminate (result); tries++)
    {
      const char *message = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
      const char *dollar = message != NULL ? strchr (message, '$') : NULL;
      int number = dollar != NULL ? atoi (dollar + 1) : 0;

      if (number < 1 || number > stmt->n_params || stmt->types[number - 1] != 0)
        break;
      stmt->types[number - 1] = SF_PG_TEXTOID;
      PQclear (result);
      g_clear_pointer (&run, PQclear);
      if (savepoint)
        pg_exec (db, "ROLLBACK TO SAVEPOINT sf_prepare");
      run = run_pipeline (self, stmt, TRUE, FALSE, savepoint, execute, &result);
    }
  if (!result_ok (db, result, PGRES_COMMAND_OK))
    {
      g_autofree char *message = g_strdup (sf_db_get_error_message (db));
      SfDbError code = sf_db_get_error_code (db);

      PQclear (result);
      g_clear_pointer (&run, PQclear);
      if (savepoint)
        {
          pg_exec (db, "ROLLBACK TO SAVEPOINT sf_prepare");
          pg_exec (db, "RELEASE SAVEPOINT sf_prepare");
        }
      sf_db_driver_fail (db, code, message);
      return FALSE;
    }
  PQclear (result);
  stmt->deferred = FALSE;
  g_hash_table_insert (self->prepared, g_strdup (stmt->sql), g_strdup (stmt->name));
  if (executed != NULL)
    *executed = run;
  else
    g_clear_pointer (&run, PQclear);
  return TRUE;
}

static SfDbStmt *
pg_prepare (SfDb       *db,
            const char *sql)
{
  SfDbPg *self = (SfDbPg *) db;
  g_autofree char *rewritten = NULL;
  g_autoptr(GArray) used = g_array_new (FALSE, TRUE, sizeof (gboolean));
  SfDbPgStmt *stmt;
  const char *name;
  int n_params;

  rewritten = rewrite_sql (sql, &n_params, used);
  name = g_hash_table_lookup (self->prepared, rewritten);

  stmt = g_new0 (SfDbPgStmt, 1);
  stmt->parent.driver = &sf_db_pg_driver;
  stmt->parent.db = db;
  stmt->sql = g_steal_pointer (&rewritten);
  stmt->n_params = n_params;
  stmt->values = g_new0 (char *, n_params + 1);
  stmt->owned = g_new0 (gboolean, n_params + 1);
  stmt->row = -1;
  if (name != NULL)
    stmt->name = g_strdup (name);
  else
    {
      stmt->name = g_strdup_printf ("sf_%u", ++self->n_prepared);
      stmt->types = g_new0 (Oid, n_params + 1);
      /* A parameter the SQL never names is text (the server could not
       * tell its type) */
      g_array_set_size (used, n_params);
      for (int i = 0; i < n_params; i++)
        if (!g_array_index (used, gboolean, i))
          stmt->types[i] = SF_PG_TEXTOID;
      /* Inside a transaction, prepared with the first step */
      stmt->deferred = TRUE;
      if (!pg_in_transaction (db) && !prepare_on_server (stmt, FALSE, NULL))
        {
          pg_free (&stmt->parent);
          return NULL;
        }
    }
  sf_db_driver_ok (db);
  return &stmt->parent;
}

static gint64
pg_changes (SfDb *db)
{
  return ((SfDbPg *) db)->changes;
}

static gint64
pg_total_changes (SfDb *db)
{
  return ((SfDbPg *) db)->total_changes;
}

static void
pg_set_busy_timeout (SfDb *db,
                     int   ms)
{
  g_autofree char *sql = g_strdup_printf ("SET lock_timeout = %d", MAX (ms, 0));
  PGresult *result;

  flush_begin (db);
  result = PQexec (conn_of (db), sql);

  PQclear (result);
}

static GPtrArray *
pg_foreign_keys_to (SfDb       *db,
                    const char *parent)
{
  const char *params[] = { parent };
  PGresult *result;
  GPtrArray *keys;

  flush_begin (db);
  result = PQexecParams (conn_of (db),
                         "SELECT c.conrelid::regclass::text, a.attname, pa.attname, c.confdeltype = 'c'"
                         "  FROM pg_constraint c"
                         "  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
                         "  JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]"
                         " WHERE c.contype = 'f' AND c.confrelid = to_regclass ($1)"
                         " ORDER BY 1, 2",
                         1, NULL, params, NULL, NULL, 0);
  if (!result_ok (db, result, PGRES_TUPLES_OK))
    {
      PQclear (result);
      return NULL;
    }
  keys = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_db_foreign_key_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      SfDbForeignKey *key = g_new0 (SfDbForeignKey, 1);

      key->child = g_strdup (PQgetvalue (result, i, 0));
      key->from = g_strdup (PQgetvalue (result, i, 1));
      key->to = g_strdup (PQgetvalue (result, i, 2));
      key->cascade = strcmp (PQgetvalue (result, i, 3), "t") == 0;
      g_ptr_array_add (keys, key);
    }
  PQclear (result);
  sf_db_driver_ok (db);
  return keys;
}

/* ---- statements ---- */

static void
clear_result (SfDbPgStmt *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = -1;
  stmt->done = FALSE;
}

static void
clear_value (SfDbPgStmt *stmt,
             int         i)
{
  if (stmt->owned[i])
    g_free (stmt->values[i]);
  stmt->values[i] = NULL;
  stmt->owned[i] = FALSE;
}

static SfDbStep
pg_step (SfDbStmt *base)
{
  SfDbPgStmt *stmt = (SfDbPgStmt *) base;
  SfDbPg *db = (SfDbPg *) base->db;
  const char * const *values = (const char * const *) stmt->values;

  if (stmt->result == NULL && !stmt->done)
    {
      PGresult *result = NULL;
      PGresult *unused;
      ExecStatusType status;

      if (stmt->deferred)
        {
          if (!prepare_on_server (stmt, TRUE, &result))
            {
              stmt->done = TRUE;
              return SF_DB_STEP_ERROR;
            }
        }
      else if (db->pending_begin)
        result = run_pipeline (db, stmt, FALSE, FALSE, FALSE, TRUE, &unused);
      else
        {
          result = PQexecPrepared (db->conn, stmt->name, stmt->n_params, values, NULL, NULL, 0);
          catch_notifications (base->db);
        }

      status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;
      if (status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY)
        {
          const char *tuples = PQcmdTuples (result);

          if (tuples[0] != '\0')
            {
              db->changes = g_ascii_strtoll (tuples, NULL, 10);
              db->total_changes += db->changes;
            }
          PQclear (result);
          stmt->done = TRUE;
          sf_db_driver_ok (base->db);
          return SF_DB_DONE;
        }
      if (status != PGRES_TUPLES_OK)
        {
          fail_result (base->db, result);
          PQclear (result);
          stmt->done = TRUE;
          return SF_DB_STEP_ERROR;
        }
      /* INSERT … RETURNING counts as a change too */
      if (PQcmdTuples (result)[0] != '\0' && !g_str_has_prefix (PQcmdStatus (result), "SELECT"))
        {
          db->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
          db->total_changes += db->changes;
        }
      stmt->result = result;
      stmt->row = -1;
    }

  if (stmt->result == NULL)
    return SF_DB_DONE;
  stmt->row++;
  if (stmt->row >= PQntuples (stmt->result))
    {
      clear_result (stmt);
      stmt->done = TRUE;
      return SF_DB_DONE;
    }
  return SF_DB_ROW;
}

static void
pg_reset (SfDbStmt *base)
{
  clear_result ((SfDbPgStmt *) base);
}

static void
pg_clear (SfDbStmt *base)
{
  SfDbPgStmt *stmt = (SfDbPgStmt *) base;

  for (int i = 0; i < stmt->n_params; i++)
    clear_value (stmt, i);
}

static void
pg_free (SfDbStmt *base)
{
  SfDbPgStmt *stmt = (SfDbPgStmt *) base;

  clear_result (stmt);
  pg_clear (base);
  g_clear_pointer (&stmt->described, PQclear);
  g_free (stmt->name);
  g_free (stmt->types);
  g_free (stmt->values);
  g_free (stmt->owned);
  g_free (stmt->sql);
  g_free (stmt);
}

static void
set_value (SfDbPgStmt *stmt,
           int         index,
           char       *text,
           gboolean    owned)
{
  clear_result (stmt);
  if (index < 1 || index > stmt->n_params)
    {
      if (owned)
        g_free (text);
      return;
    }
  clear_value (stmt, index - 1);
  stmt->values[index - 1] = text;
  stmt->owned[index - 1] = owned;
}

static void
pg_bind_int64 (SfDbStmt *base,
               int       index,
               gint64    value)
{
  set_value ((SfDbPgStmt *) base, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), TRUE);
}

static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "Infinity" : "-Infinity");
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

static void
pg_bind_double (SfDbStmt *base,
                int       index,
                double    value)
{
  set_value ((SfDbPgStmt *) base, index, format_double (value), TRUE);
}

static void
pg_bind_text (SfDbStmt   *base,
              int         index,
              const char *text,
              gboolean    copy)
{
  if (text == NULL)
    set_value ((SfDbPgStmt *) base, index, NULL, FALSE);
  else if (copy)
    set_value ((SfDbPgStmt *) base, index, g_strdup (text), TRUE);
  else
    set_value ((SfDbPgStmt *) base, index, (char *) text, FALSE);
}

static void
pg_bind_null (SfDbStmt *base,
              int       index)
{
  set_value ((SfDbPgStmt *) base, index, NULL, FALSE);
}

static gboolean
has_row (SfDbPgStmt *stmt,
         int         column)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->result) &&
         column >= 0 && column < PQnfields (stmt->result);
}

/* The result that says what the columns are: the rows', or (before the
 * first step, one round trip the first time) the statement's description */
static PGresult *
columns_of (SfDbPgStmt *stmt)
{
  if (stmt->result != NULL)
    return stmt->result;
  if (stmt->deferred && !prepare_on_server (stmt, FALSE, NULL))
    return NULL;
  if (stmt->described == NULL)
    {
      PGresult *result = PQdescribePrepared (conn_of (stmt->parent.db), stmt->name);

      if (!result_ok (stmt->parent.db, result, PGRES_COMMAND_OK))
        {
          PQclear (result);
          return NULL;
        }
      stmt->described = result;
    }
  return stmt->described;
}

static int
pg_column_count (SfDbStmt *base)
{
  PGresult *result = columns_of ((SfDbPgStmt *) base);

  return result != NULL ? PQnfields (result) : 0;
}

static const char *
pg_column_name (SfDbStmt *base,
                int       column)
{
  PGresult *result = columns_of ((SfDbPgStmt *) base);

  return result != NULL && column >= 0 && column < PQnfields (result) ? PQfname (result, column) : NULL;
}

static gboolean
pg_column_is_null (SfDbStmt *base,
                   int       column)
{
  SfDbPgStmt *stmt = (SfDbPgStmt *) base;

  return !has_row (stmt, column) || PQgetisnull (stmt->result, stmt->row, column);
}

static gint64
pg_column_int64 (SfDbStmt *base,
                 int       column)
{
  SfDbPgStmt *stmt = (SfDbPgStmt *) base;
  const char *text;

  if (pg_column_is_null (base, column))
    return 0;
  text = PQgetvalue (stmt->result, stmt->row, column);
  if (PQftype (stmt->result, column) == SF_PG_BOOLOID)
    return text[0] == 't';
  if (strpbrk (text, ".eEnN") != NULL)
    return (gint64) g_ascii_strtod (text, NULL);
  return g_ascii_strtoll (text, NULL, 10);
}

static double
pg_column_double (SfDbStmt *base,
                  int       column)
{
  SfDbPgStmt *stmt = (SfDbPgStmt *) base;
  const char *text;

  if (pg_column_is_null (base, column))
    return 0.0;
  text = PQgetvalue (stmt->result, stmt->row, column);
  if (PQftype (stmt->result, column) == SF_PG_BOOLOID)
    return text[0] == 't' ? 1.0 : 0.0;
  return g_ascii_strtod (text, NULL);
}

static const char *
pg_column_text (SfDbStmt *base,
                int       column)
{
  SfDbPgStmt *stmt = (SfDbPgStmt *) base;
  const char *text;

  if (pg_column_is_null (base, column))
    return NULL;
  text = PQgetvalue (stmt->result, stmt->row, column);
  /* As SQLite has a truth value: 1 or 0 */
  if (PQftype (stmt->result, column) == SF_PG_BOOLOID)
    {
      stmt->bool_text[0] = text[0] == 't' ? '1' : '0';
      stmt->bool_text[1] = '\0';
      return stmt->bool_text;
    }
  return text;
}

static SfDbValueType
pg_column_type (SfDbStmt *base,
                int       column)
{
  SfDbPgStmt *stmt = (SfDbPgStmt *) base;

  if (pg_column_is_null (base, column))
    return SF_DB_VALUE_NULL;
  switch (PQftype (stmt->result, column))
    {
    case SF_PG_BOOLOID:
    case SF_PG_INT2OID:
    case SF_PG_INT4OID:
    case SF_PG_INT8OID:
    case SF_PG_OIDOID:
      return SF_DB_VALUE_INT64;
    case SF_PG_FLOAT4OID:
    case SF_PG_FLOAT8OID:
      return SF_DB_VALUE_DOUBLE;
    case SF_PG_NUMERICOID:
      return strchr (PQgetvalue (stmt->result, stmt->row, column), '.') != NULL
             ? SF_DB_VALUE_DOUBLE : SF_DB_VALUE_INT64;
    default:
      return SF_DB_VALUE_TEXT;
    }
}

/* ---- bulk writes ---- */

static SfDbCopy *
pg_copy_begin (SfDb               *db,
               const char         *table,
               const char * const *columns)
{
  g_autoptr (GString) sql = g_string_new ("COPY ");
  g_autofree char *quoted = sf_db_quote_name (table);
  SfDbPgCopy *copy;
  PGresult *result;
  int n = 0;

  g_string_append (sql, quoted);
  g_string_append (sql, " (");
  for (; columns[n] != NULL; n++)
    {
      g_autofree char *column = sf_db_quote_name (columns[n]);

      g_string_append_printf (sql, "%s%s", n > 0 ? ", " : "", column);
    }
  g_string_append (sql, ") FROM STDIN");

  flush_begin (db);
  result = PQexec (conn_of (db), sql->str);
  if (!result_ok (db, result, PGRES_COPY_IN))
    {
      PQclear (result);
      return NULL;
    }
  PQclear (result);

  copy = g_new0 (SfDbPgCopy, 1);
  copy->parent.driver = &sf_db_pg_driver;
  copy->parent.db = db;
  copy->parent.n_columns = n;
  copy->line = g_string_sized_new (COPY_MESSAGE_BYTES + 1024);
  copy->values = g_new0 (GString *, n + 1);
  for (int i = 0; i < n; i++)
    copy->values[i] = g_string_sized_new (32);
  copy->given = g_new0 (gboolean, n + 1);
  sf_db_driver_ok (db);
  return &copy->parent;
}

/* @text in COPY's text format, appended to @out: backslash, tab, newline
 * and return escaped */
static void
copy_append_escaped (GString    *out,
                     const char *text)
{
  for (;;)
    {
      size_t plain = strcspn (text, "\\\t\n\r");

      g_string_append_len (out, text, (gssize) plain);
      text += plain;
      switch (*text)
        {
        case '\0':
          return;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          g_string_append (out, "\\r");
          break;
        }
      text++;
    }
}

/* @value in decimal, appended to @out (without printf: a copy of 100,000
 * rows formats several hundred thousand of them) */
static void
copy_append_int64 (GString *out,
                   gint64   value)
{
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;

  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (out, p, digits + sizeof digits - p);
}

static void
pg_copy_put (SfDbCopy        *base,
             int              column,
             const SfDbValue *value)
{
  SfDbPgCopy *copy = (SfDbPgCopy *) base;
  GString *out;

  if (column < 0 || column >= base->n_columns)
    return;
  out = copy->values[column];
  g_string_truncate (out, 0);
  copy->given[column] = value->type != SF_DB_VALUE_NULL;
  switch (value->type)
    {
    case SF_DB_VALUE_NULL:
      break;
    case SF_DB_VALUE_INT64:
      copy_append_int64 (out, value->i);
      break;
    case SF_DB_VALUE_DOUBLE:
      {
        g_autofree char *text = format_double (value->d);

        g_string_append (out, text);
      }
      break;
    case SF_DB_VALUE_TEXT:
      if (value->text != NULL)
        copy_append_escaped (out, value->text);
      else
        copy->given[column] = FALSE;
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The rows gathered in copy->line, sent as one message (see
 * COPY_MESSAGE_BYTES); libpq sends messages on when its buffer is full. */
static gboolean
copy_send (SfDbPgCopy *copy)
{
  if (copy->line->len > 0 &&
      PQputCopyData (conn_of (copy->parent.db), copy->line->str, (int) copy->line->len) != 1)
    {
      fail_result (copy->parent.db, NULL);
      copy->failed = TRUE;
      return FALSE;
    }
  g_string_truncate (copy->line, 0);
  return TRUE;
}

static gboolean
pg_copy_row (SfDbCopy *base)
{
  SfDbPgCopy *copy = (SfDbPgCopy *) base;

  for (int i = 0; i < base->n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (copy->line, '\t');
      if (copy->given[i])
        g_string_append_len (copy->line, copy->values[i]->str, (gssize) copy->values[i]->len);
      else
        g_string_append (copy->line, "\\N");
      copy->given[i] = FALSE;
    }
  g_string_append_c (copy->line, '\n');
  return copy->line->len < COPY_MESSAGE_BYTES || copy_send (copy);
}

static gboolean
pg_copy_end (SfDbCopy *base,
             gboolean  ok)
{
  SfDbPgCopy *copy = (SfDbPgCopy *) base;
  SfDb *db = base->db;
  SfDbPg *pg = (SfDbPg *) db;
  PGresult *result;
  gboolean written = FALSE;

  ok = ok && !copy->failed && copy_send (copy);
  if (PQputCopyEnd (pg->conn, ok ? NULL : "the copy was given up") != 1)
    fail_result (db, NULL);
  else
    while ((result = PQgetResult (pg->conn)) != NULL)
      {
        if (PQresultStatus (result) == PGRES_COMMAND_OK)
          {
            written = TRUE;
            pg->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
            pg->total_changes += pg->changes;
          }
        else if (ok)
          fail_result (db, result);
        PQclear (result);
      }

  for (int i = 0; i < base->n_columns; i++)
    g_string_free (copy->values[i], TRUE);
  g_free (copy->values);
  g_free (copy->given);
  g_string_free (copy->line, TRUE);
  g_free (copy);
  if (written)
    sf_db_driver_ok (db);
  return ok && written;
}

/* ---- schema ---- */

static gboolean
pg_get_schema_version (SfDb   *db,
                       gint64 *version)
{
  PGresult *result;

  flush_begin (db);
  result = PQexec (conn_of (db),
                   "SELECT CASE WHEN to_regclass ('schema_version') IS NULL THEN -1 END");
  if (!result_ok (db, result, PGRES_TUPLES_OK))
    {
      PQclear (result);
      return FALSE;
    }
  if (!PQgetisnull (result, 0, 0))
    {
      PQclear (result);
      *version = 0;
      sf_db_driver_ok (db);
      return TRUE;
    }
  PQclear (result);

  flush_begin (db);
  result = PQexec (conn_of (db), "SELECT coalesce (max (version), 0) FROM schema_version");
  if (!result_ok (db, result, PGRES_TUPLES_OK))
    {
      PQclear (result);
      return FALSE;
    }
  *version = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  sf_db_driver_ok (db);
  return TRUE;
}

static gboolean
pg_set_schema_version (SfDb   *db,
                       gint64  version)
{
  g_autofree char *sql = NULL;

  /* One row a version reached: when, and by whom */
  sql = g_strdup_printf ("CREATE TABLE IF NOT EXISTS schema_version ("
                         "  version bigint PRIMARY KEY,"
                         "  at      timestamptz NOT NULL DEFAULT now (),"
                         "  who     text NOT NULL DEFAULT current_user);"
                         "DELETE FROM schema_version WHERE version >= %" G_GINT64_FORMAT ";"
                         "INSERT INTO schema_version (version) VALUES (%" G_GINT64_FORMAT ");",
                         version, version);
  return pg_exec (db, sql);
}

static const char *
pg_get_migration (SfDb     *db,
                  int       from,
                  gboolean *rebuilds)
{
  *rebuilds = FALSE;
  if (from < 0 || from >= (int) G_N_ELEMENTS (sf_store_pg_migrations))
    return NULL;
  return sf_store_pg_migrations[from];
}

static gint64
pg_count_tables (SfDb               *db,
                 const char * const *names)
{
  gint64 count = 0;

  if (names == NULL)
    {
      PGresult *result;

      flush_begin (db);
      result = PQexec (conn_of (db),
                                 "SELECT count (*) FROM pg_catalog.pg_tables"
                                 " WHERE schemaname = current_schema ()");

      if (result_ok (db, result, PGRES_TUPLES_OK))
        count = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      PQclear (result);
      return count;
    }
  for (int i = 0; names[i] != NULL; i++)
    {
      const char *params[] = { names[i] };
      PGresult *result;

      flush_begin (db);
      result = PQexecParams (conn_of (db),
                                       "SELECT to_regclass ($1) IS NOT NULL",
                                       1, NULL, params, NULL, NULL, 0);

      if (result_ok (db, result, PGRES_TUPLES_OK) && strcmp (PQgetvalue (result, 0, 0), "t") == 0)
        count++;
      PQclear (result);
    }
  return count;
}

/* ---- notifications ---- *
 *
 * LISTEN on the connection; what other backends NOTIFY arrives on its
 * socket, which the caller watches on its main loop.  Reading never
 * blocks: PQconsumeInput() takes what the socket holds and PQnotifies()
 * hands over what it parsed.  Notifications that arrive while a query runs
 * are parsed by libpq then and wait in its queue, so a caller also takes
 * them after its own writes, not only when the socket wakes it. */

static gboolean
pg_listen (SfDb       *db,
           const char *channel)
{
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;
  PGresult *result;
  gboolean ok;

  quoted = PQescapeIdentifier (conn_of (db), channel, strlen (channel));
  if (quoted == NULL)
    {
      fail_result (db, NULL);
      return FALSE;
    }
  sql = g_strdup_printf ("LISTEN %s", quoted);
  PQfreemem (g_steal_pointer (&quoted));
  flush_begin (db);
  result = PQexec (conn_of (db), sql);
  ok = result_ok (db, result, PGRES_COMMAND_OK);
  PQclear (result);
  if (ok)
    ((SfDbPg *) db)->listening = TRUE;
  return ok;
}

static int
pg_get_socket (SfDb *db)
{
  return PQsocket (conn_of (db));
}

/* Moves what libpq has parsed into the connection's queues: what other
 * backends sent, and apart from it what this connection sent itself (its
 * own transactions' notifications come back before the answer to their
 * COMMIT); returns how many others' were queued. */
static guint
queue_notifications (SfDbPg *self)
{
  int own_pid = PQbackendPID (self->conn);
  guint before = self->notifications->len;
  PGnotify *notify;

  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      SfDbNotification *notification = g_new0 (SfDbNotification, 1);

      notification->channel = g_strdup (notify->relname);
      notification->payload = g_strdup (notify->extra);
      /* What this connection wrote is not news to its watcher */
      g_ptr_array_add (notify->be_pid != own_pid ? self->notifications : self->own_notifications,
                       notification);
      PQfreemem (notify);
    }
  return self->notifications->len - before;
}

/* After a query: notifications that arrived with its answer were read from
 * the socket already, so its watcher will not wake for them: the hook
 * says they wait. */
static void
catch_notifications (SfDb *db)
{
  SfDbPg *self = (SfDbPg *) db;

  if (queue_notifications (self) > 0 && self->notify_hook != NULL)
    self->notify_hook (self->notify_data);
}

static void
pg_set_notify_hook (SfDb           *db,
                    SfDbNotifyHook  hook,
                    gpointer        user_data)
{
  SfDbPg *self = (SfDbPg *) db;

  self->notify_hook = hook;
  self->notify_data = user_data;
}

static gboolean
pg_take_notifications (SfDb      *db,
                       GPtrArray *into)
{
  SfDbPg *self = (SfDbPg *) db;

  if (!PQconsumeInput (self->conn) || PQstatus (self->conn) == CONNECTION_BAD)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (self->conn)));

      sf_db_driver_fail (db, SF_DB_ERROR_CONNECTION,
                         message[0] != '\0' ? message : "the server went away");
      return FALSE;
    }
  queue_notifications (self);
  for (guint i = 0; i < self->notifications->len; i++)
    g_ptr_array_add (into, g_steal_pointer (&g_ptr_array_index (self->notifications, i)));
  g_ptr_array_set_size (self->notifications, 0);
  return TRUE;
}

static gboolean
pg_take_own_notifications (SfDb      *db,
                           GPtrArray *into)
{
  SfDbPg *self = (SfDbPg *) db;

  if (!self->listening)
    return FALSE;
  catch_notifications (db);
  for (guint i = 0; i < self->own_notifications->len; i++)
    g_ptr_array_add (into, g_steal_pointer (&g_ptr_array_index (self->own_notifications, i)));
  g_ptr_array_set_size (self->own_notifications, 0);
  return TRUE;
}

static const SfDbDriver sf_db_pg_driver = {
  .name = "postgresql",
  .kind = SF_DB_POSTGRES,

  .close = pg_close,
  .exec = pg_exec,
  .prepare = pg_prepare,
  .in_transaction = pg_in_transaction,
  .changes = pg_changes,
  .total_changes = pg_total_changes,
  .set_row_hook = NULL,
  .data_version = NULL,
  .set_busy_timeout = pg_set_busy_timeout,
  .begin_sql = "BEGIN",
  .foreign_keys_to = pg_foreign_keys_to,

  .step = pg_step,
  .reset = pg_reset,
  .clear = pg_clear,
  .free = pg_free,
  .bind_int64 = pg_bind_int64,
  .bind_double = pg_bind_double,
  .bind_text = pg_bind_text,
  .bind_null = pg_bind_null,
  .column_count = pg_column_count,
  .column_name = pg_column_name,
  .column_int64 = pg_column_int64,
  .column_double = pg_column_double,
  .column_text = pg_column_text,
  .column_is_null = pg_column_is_null,
  .column_type = pg_column_type,

  .copy_begin = pg_copy_begin,
  .copy_put = pg_copy_put,
  .copy_row = pg_copy_row,
  .copy_end = pg_copy_end,

  .get_schema_version = pg_get_schema_version,
  .set_schema_version = pg_set_schema_version,
  .get_migration = pg_get_migration,
  .count_tables = pg_count_tables,

  .listen = pg_listen,
  .get_socket = pg_get_socket,
  .take_notifications = pg_take_notifications,
  .set_notify_hook = pg_set_notify_hook,
  .take_own_notifications = pg_take_own_notifications,
};

/* ---- a lost connection ---- */

/* Reads whatever the server sent since the last call, without waiting
 * and without a round trip: a server that ended the connection (shut
 * down, or the session terminated) has sent its goodbye and closed the
 * socket, which makes the connection bad.  Notifications read on the way
 * are queued, and the notify hook told, as after a query. */
gboolean
sf_db_pg_is_connected (SfDb *db)
{
  PGconn *conn = conn_of (db);

  if (PQstatus (conn) != CONNECTION_OK)
    return FALSE;
  if (PQisBusy (conn))
    return TRUE;
  if (!PQconsumeInput (conn))
    return PQstatus (conn) == CONNECTION_OK;
  /* Reading the socket may have taken other users' notifications off it:
   * its watcher would not wake for them */
  catch_notifications (db);
  return PQstatus (conn) == CONNECTION_OK;
}
