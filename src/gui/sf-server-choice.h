/* sf-server-choice.h: which database the app opens, as the user chose it
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A shared database on a PostgreSQL server, as the connect dialog asks for
 * it.  Empty strings are "not given" (libpq's defaults: the port 5432,
 * the user's login name). */
typedef struct
{
  char *host;      /* a host name, an address, or a Unix socket's folder */
  char *port;
  char *database;
  char *user;
  char *tls;       /* libpq's sslmode: disable, prefer, require, verify-full */
} SfServerParams;

SfServerParams *sf_server_params_new       (void);
SfServerParams *sf_server_params_copy      (const SfServerParams *params);
void            sf_server_params_free      (SfServerParams       *params);
/* A libpq URI for @params, without a password (that goes to
 * sf_db_set_password()) */
char           *sf_server_params_to_location (const SfServerParams *params);

/* The GSettings of the app (NULL when the schema is not installed) */
GSettings      *sf_server_choice_settings  (void);
/* The remembered server (the last connected to, or the defaults) */
SfServerParams *sf_server_choice_load_params (GSettings            *settings);
/* What to open at start: a file path or a URI; NULL for the default file.
 * *@params is set for a server. */
char           *sf_server_choice_load      (GSettings            *settings,
                                            SfServerParams      **params);
void            sf_server_choice_save_server (GSettings          *settings,
                                              const SfServerParams *params);
/* @path NULL: the default file */
void            sf_server_choice_save_file (GSettings            *settings,
                                            const char           *path);

/* What the window says is open: the file's name, or "DATABASE on HOST"
 * for a server (never a password) */
char           *sf_describe_location       (const char           *location);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfServerParams, sf_server_params_free)

/* Opens the store at @location (a server's URI, or a file) in a worker
 * thread.  For a server chosen with @params, @password (when not empty)
 * is used and, once it worked, kept in the keyring; without one the
 * keyring's is used, if it has one.  Finish with
 * sf_server_connect_finish() for the store. */
void            sf_server_connect_async    (gpointer              source_object,
                                            const char           *location,
                                            const SfServerParams *params,
                                            const char           *password,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GObject        *sf_server_connect_finish   (GAsyncResult         *result,
                                            GError              **error);

/* What went wrong, said in a heading a manager understands: the server
 * out of reach, a refused user or password, failed encryption, a database
 * not set up or set up by a newer version */
const char     *sf_server_error_heading    (const GError         *error);
/* What to do about it (NULL when there is nothing to add) */
const char     *sf_server_error_advice     (const GError         *error);
/* The advice, then the details */
char           *sf_server_error_text       (const GError         *error);

G_END_DECLS
