/* sf-password-store.c: where the password of a shared database is kept
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "sf-password-store.h"

/* ---- the keyring (libsecret) ---- */

static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID ".Server", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/* ---- in memory (SF_PASSWORD_STORE=memory, for tests) ---- */

static GMutex memory_lock;
static GHashTable *memory;

static gboolean
in_memory (void)
{
  return g_strcmp0 (g_getenv ("SF_PASSWORD_STORE"), "memory") == 0;
}

static char *
memory_key (const char *host,
            const char *port,
            const char *database,
            const char *user)
{
  return g_strjoin ("\x1f", host, port, database, user, NULL);
}

/* ---- public API ---- */

char *
sf_password_store_lookup (const char  *host,
                          const char  *port,
                          const char  *database,
                          const char  *user,
                          GError     **error)
{
  g_autofree char *secret = NULL;
  char *password;

  if (in_memory ())
    {
      g_autofree char *key = memory_key (host, port, database, user);

      g_mutex_lock (&memory_lock);
      password = memory != NULL ? g_strdup (g_hash_table_lookup (memory, key)) : NULL;
      g_mutex_unlock (&memory_lock);
      return password;
    }

  secret = secret_password_lookup_sync (server_schema (), NULL, error,
                                        "host", host, "port", port,
                                        "database", database, "user", user,
                                        NULL);
  if (secret == NULL)
    return NULL;
  /* libsecret's copy lives in non-pageable memory: ours is an ordinary one */
  password = g_strdup (secret);
  secret_password_free (g_steal_pointer (&secret));
  return password;
}

gboolean
sf_password_store_save (const char  *host,
                        const char  *port,
                        const char  *database,
                        const char  *user,
                        const char  *password,
                        GError     **error)
{
  g_autofree char *label = NULL;

  if (in_memory ())
    {
      g_mutex_lock (&memory_lock);
      if (memory == NULL)
        memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_replace (memory, memory_key (host, port, database, user), g_strdup (password));
      g_mutex_unlock (&memory_lock);
      return TRUE;
    }

  /* Translators: the name of a password in the keyring; %s are a
   * database, a user name and a server's host name */
  label = g_strdup_printf (_("Sagsfordeling: database %s as %s on %s"), database, user, host);
  return secret_password_store_sync (server_schema (), SECRET_COLLECTION_DEFAULT, label,
                                     password, NULL, error,
                                     "host", host, "port", port,
                                     "database", database, "user", user,
                                     NULL);
}

gboolean
sf_password_store_clear (const char  *host,
                         const char  *port,
                         const char  *database,
                         const char  *user,
                         GError     **error)
{
  if (in_memory ())
    {
      g_autofree char *key = memory_key (host, port, database, user);

      g_mutex_lock (&memory_lock);
      if (memory != NULL)
        g_hash_table_remove (memory, key);
      g_mutex_unlock (&memory_lock);
      return TRUE;
    }

  /* FALSE without an error: there was none to clear */
  secret_password_clear_sync (server_schema (), NULL, error,
                              "host", host, "port", port,
                              "database", database, "user", user,
                              NULL);
  return error == NULL || *error == NULL;
}
