#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "sf-test-pg.h"

static const char *
server_uri (void)
{
  const char *uri = g_getenv ("SF_TEST_PG_URI");

  return uri != NULL && *uri != '\0' ? uri : NULL;
}

gboolean
sf_test_pg_available (void)
{
  return server_uri () != NULL;
}

void
sf_test_pg_require (int    argc,
                    char **argv)
{
  if (sf_test_pg_available ())
    return;
  /* TAP's way of skipping a whole program (meson's TAP protocol reads
   * the plan; an exit status of 77 would count as an error there) */
  printf ("1..0 # SKIP no PostgreSQL server: SF_TEST_PG_URI is not set "
          "(build-aux/test starts one when the postgresql package is installed)\n");
  fflush (stdout);
  exit (0);
}

/* @uri's connection, the test failing if there is none */
static PGconn *
connect_or_fail (const char *uri)
{
  PGconn *conn = PQconnectdb (uri);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to %s: %s", uri, PQerrorMessage (conn));
  return conn;
}

/* @base with its database name replaced by @dbname */
static char *
uri_with_database (const char *base,
                   const char *dbname)
{
  PQconninfoOption *options;
  char *message = NULL;
  GString *uri = g_string_new ("postgresql:///");
  gboolean first = TRUE;

  options = PQconninfoParse (base, &message);
  if (options == NULL)
    g_error ("SF_TEST_PG_URI (%s) is not a connection URI: %s", base, message);
  g_string_append_uri_escaped (uri, dbname, NULL, FALSE);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      if (option->val == NULL || g_str_equal (option->keyword, "dbname"))
        continue;
      g_string_append_c (uri, first ? '?' : '&');
      g_string_append_uri_escaped (uri, option->keyword, NULL, FALSE);
      g_string_append_c (uri, '=');
      g_string_append_uri_escaped (uri, option->val, NULL, FALSE);
      first = FALSE;
    }
  PQconninfoFree (options);
  return g_string_free (uri, FALSE);
}

static void
exec_or_fail (PGconn     *conn,
              const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
}

char *
sf_test_pg_new_database (void)
{
  static int counter;
  const char *base = server_uri ();
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  PGconn *conn;

  g_assert_nonnull (base);
  name = g_strdup_printf ("sftest_%ld_%d_%d", (long) getpid (), ++counter, g_random_int_range (0, 1000000));
  conn = connect_or_fail (base);
  sql = g_strdup_printf ("CREATE DATABASE \"%s\"", name);
  exec_or_fail (conn, sql);
  PQfinish (conn);
  return uri_with_database (base, name);
}

void
sf_test_pg_drop_database (char *uri)
{
  PQconninfoOption *options;
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  PGconn *conn;

  if (uri == NULL)
    return;
  options = PQconninfoParse (uri, NULL);
  g_assert_nonnull (options);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, "dbname"))
      name = g_strdup (option->val);
  PQconninfoFree (options);

  conn = connect_or_fail (server_uri ());
  sql = g_strdup_printf ("DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", name);
  exec_or_fail (conn, sql);
  PQfinish (conn);
  g_free (uri);
}

char *
sf_test_pg_query (const char *uri,
                  const char *sql)
{
  PGconn *conn = connect_or_fail (uri);
  PGresult *result = PQexec (conn, sql);
  char *value = NULL;

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  if (PQntuples (result) > 0 && PQnfields (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return value;
}
