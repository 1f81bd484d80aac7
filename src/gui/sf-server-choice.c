/* sf-server-choice.c: which database the app opens, as the user chose it
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sf-core.h"
#include "sf-password-store.h"
#include "sf-server-choice.h"

/* A server that does not answer is given up on after this many seconds
 * (libpq waits for the operating system's TCP timeout otherwise: minutes) */
#define CONNECT_TIMEOUT "10"

SfServerParams *
sf_server_params_new (void)
{
  SfServerParams *params = g_new0 (SfServerParams, 1);

  params->host = g_strdup ("");
  params->port = g_strdup ("");
  params->database = g_strdup ("sagsfordeling");
  params->user = g_strdup ("");
  params->tls = g_strdup ("require");
  return params;
}

SfServerParams *
sf_server_params_copy (const SfServerParams *params)
{
  SfServerParams *copy = g_new0 (SfServerParams, 1);

  copy->host = g_strdup (params->host);
  copy->port = g_strdup (params->port);
  copy->database = g_strdup (params->database);
  copy->user = g_strdup (params->user);
  copy->tls = g_strdup (params->tls);
  return copy;
}

void
sf_server_params_free (SfServerParams *params)
{
  if (params == NULL)
    return;
  g_free (params->host);
  g_free (params->port);
  g_free (params->database);
  g_free (params->user);
  g_free (params->tls);
  g_free (params);
}

static void
append_param (GString    *uri,
              const char *key,
              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (uri, "%c%s=%s", strchr (uri->str, '?') != NULL ? '&' : '?', key, escaped);
}

/* Every part as a query parameter, escaped: a socket folder, an IPv6
 * address and a user name with an @ all fit */
char *
sf_server_params_to_location (const SfServerParams *params)
{
  g_autofree char *database = g_uri_escape_string (params->database, NULL, FALSE);
  GString *uri = g_string_new ("postgresql:///");

  g_string_append (uri, database);
  append_param (uri, "host", params->host);
  append_param (uri, "port", params->port);
  append_param (uri, "user", params->user);
  append_param (uri, "sslmode", params->tls);
  append_param (uri, "connect_timeout", CONNECT_TIMEOUT);
  return g_string_free (uri, FALSE);
}

GSettings *
sf_server_choice_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "database-kind"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

SfServerParams *
sf_server_choice_load_params (GSettings *settings)
{
  SfServerParams *params = sf_server_params_new ();
  g_autofree char *database = NULL;

  if (settings == NULL)
    return params;
  g_free (params->host);
  params->host = g_settings_get_string (settings, "server-host");
  g_free (params->port);
  params->port = g_settings_get_string (settings, "server-port");
  database = g_settings_get_string (settings, "server-database");
  if (*database != '\0')
    {
      g_free (params->database);
      params->database = g_steal_pointer (&database);
    }
  g_free (params->user);
  params->user = g_settings_get_string (settings, "server-user");
  g_free (params->tls);
  params->tls = g_settings_get_string (settings, "server-tls");
  return params;
}

char *
sf_server_choice_load (GSettings       *settings,
                       SfServerParams **params)
{
  g_autofree char *kind = NULL;

  *params = NULL;
  if (settings == NULL)
    return NULL;
  kind = g_settings_get_string (settings, "database-kind");
  if (g_str_equal (kind, "server"))
    {
      *params = sf_server_choice_load_params (settings);
      return sf_server_params_to_location (*params);
    }
  if (g_str_equal (kind, "file"))
    {
      g_autofree char *path = g_settings_get_string (settings, "database-file");

      if (*path != '\0')
        return g_steal_pointer (&path);
    }
  return NULL;
}

void
sf_server_choice_save_server (GSettings            *settings,
                              const SfServerParams *params)
{
  if (settings == NULL)
    return;
  g_settings_delay (settings);
  g_settings_set_string (settings, "database-kind", "server");
  g_settings_set_string (settings, "server-host", params->host);
  g_settings_set_string (settings, "server-port", params->port);
  g_settings_set_string (settings, "server-database", params->database);
  g_settings_set_string (settings, "server-user", params->user);
  g_settings_set_string (settings, "server-tls", params->tls);
  g_settings_apply (settings);
}

void
sf_server_choice_save_file (GSettings  *settings,
                            const char *path)
{
  if (settings == NULL)
    return;
  g_settings_delay (settings);
  g_settings_set_string (settings, "database-kind", path != NULL ? "file" : "default");
  g_settings_set_string (settings, "database-file", path != NULL ? path : "");
  g_settings_apply (settings);
}

/* The value of @key in @uri's query, or NULL */
static char *
query_value (GUri       *uri,
             const char *key)
{
  g_autoptr(GHashTable) params = NULL;
  const char *query = g_uri_get_query (uri);

  if (query == NULL)
    return NULL;
  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    return NULL;
  return g_strdup (g_hash_table_lookup (params, key));
}

char *
sf_describe_location (const char *location)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;
  g_autofree char *database = NULL;
  const char *path;

  if (location == NULL)
    return g_strdup ("");
  if (!sf_db_location_is_uri (location))
    return g_path_get_basename (location);

  uri = g_uri_parse (location, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return g_strdup (_("a database server"));
  host = query_value (uri, "host");
  if (host == NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0')
    host = g_strdup (g_uri_get_host (uri));
  database = query_value (uri, "dbname");
  path = g_uri_get_path (uri);
  if (database == NULL && path != NULL && path[0] == '/' && path[1] != '\0')
    database = g_strdup (path + 1);
  if (database == NULL)
    database = g_strdup (g_get_user_name ());

  /* A Unix socket's folder (or no host at all) is this computer */
  if (host == NULL || host[0] == '/' || host[0] == '@')
    /* Translators: %s is the name of a database on a PostgreSQL server
     * reached through this computer's own socket */
    return g_strdup_printf (_("%s on this computer"), database);
  /* Translators: the first %s is the name of a database, the second the
   * server's host name */
  return g_strdup_printf (_("%s on %s"), database, host);
}

/* ---- connecting off the main thread ---- */

typedef struct
{
  char           *location;
  SfServerParams *params;
  char           *password;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  g_free (data->location);
  sf_server_params_free (data->params);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

static void
connect_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ConnectData *data = task_data;
  SfServerParams *params = data->params;
  g_autofree char *kept = NULL;
  GError *error = NULL;
  SfStore *store;
  gboolean typed = data->password != NULL && *data->password != '\0';

  if (params != NULL && !typed)
    {
      g_autoptr(GError) keyring_error = NULL;

      kept = sf_password_store_lookup (params->host, params->port, params->database, params->user,
                                       &keyring_error);
      if (keyring_error != NULL)
        g_message ("The keyring could not be read: %s", keyring_error->message);
    }
  if (typed)
    sf_db_set_password (data->location, data->password);
  else if (kept != NULL)
    sf_db_set_password (data->location, kept);
  if (kept != NULL)
    memset (kept, 0, strlen (kept));

  store = sf_store_open (data->location, &error);
  if (store == NULL)
    {
      /* A password typed wrong does not replace the one that worked (a
       * window open on the same server reconnects with it) */
      if (typed && params != NULL)
        {
          g_autofree char *previous = sf_password_store_lookup (params->host, params->port,
                                                                params->database, params->user,
                                                                NULL);

          sf_db_set_password (data->location, previous);
        }
      g_task_return_error (task, error);
      return;
    }
  if (typed && params != NULL)
    {
      g_autoptr(GError) keyring_error = NULL;

      if (!sf_password_store_save (params->host, params->port, params->database, params->user,
                                   data->password, &keyring_error))
        g_message ("The password could not be kept in the keyring: %s", keyring_error->message);
    }
  g_task_return_pointer (task, store, g_object_unref);
}

void
sf_server_connect_async (gpointer              source_object,
                         const char           *location,
                         const SfServerParams *params,
                         const char           *password,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  ConnectData *data = g_new0 (ConnectData, 1);

  data->location = g_strdup (location);
  data->params = params != NULL ? sf_server_params_copy (params) : NULL;
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, (GDestroyNotify) connect_data_free);
  g_task_set_source_tag (task, sf_server_connect_async);
  g_task_run_in_thread (task, connect_in_thread);
}

GObject *
sf_server_connect_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
sf_server_error_heading (const GError *error)
{
  if (g_error_matches (error, SF_DB_ERROR, SF_DB_ERROR_CONNECTION))
    return _("The Server Cannot Be Reached");
  if (g_error_matches (error, SF_DB_ERROR, SF_DB_ERROR_AUTH))
    return _("Wrong User Name or Password");
  if (g_error_matches (error, SF_DB_ERROR, SF_DB_ERROR_TLS))
    return _("No Encrypted Connection");
  if (g_error_matches (error, SF_ERROR, SF_ERROR_TOO_NEW))
    return _("Set Up by a Newer Version");
  if (g_error_matches (error, SF_ERROR, SF_ERROR_DATABASE) &&
      strstr (error->message, "server-setup") != NULL)
    return _("The Database Is Not Set Up");
  return _("Could Not Open the Database");
}

const char *
sf_server_error_advice (const GError *error)
{
  if (g_error_matches (error, SF_DB_ERROR, SF_DB_ERROR_CONNECTION))
    return _("Check the server’s name and port, and that this computer is on the municipality’s "
             "network. The server may also be down for a while: try again later, or use a local "
             "file meanwhile.");
  if (g_error_matches (error, SF_DB_ERROR, SF_DB_ERROR_AUTH))
    return _("Check the user name and type the password again. Your IT department can reset it.");
  if (g_error_matches (error, SF_DB_ERROR, SF_DB_ERROR_TLS))
    return _("The server and the app could not agree on an encrypted connection, or the server’s "
             "certificate could not be checked. Ask your IT department which encryption to choose.");
  if (g_error_matches (error, SF_ERROR, SF_ERROR_TOO_NEW))
    return _("Update Sagsfordeling on this computer.");
  if (g_error_matches (error, SF_ERROR, SF_ERROR_DATABASE) &&
      strstr (error->message, "server-setup") != NULL)
    return _("The database’s owner sets it up once with the command below.");
  return NULL;
}

char *
sf_server_error_text (const GError *error)
{
  const char *advice = sf_server_error_advice (error);

  if (advice == NULL)
    return g_strdup (error->message);
  /* Translators: advice, then the technical details of what went wrong */
  return g_strdup_printf (_("%s\n\nDetails: %s"), advice, error->message);
}
