/* sf-password-store.h: where the password of a shared database is kept
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The password of a database server is kept in the user's keyring
 * (libsecret: GNOME Keyring or KWallet over the Secret Service, the
 * Secret portal inside the Flatpak), under the server's host, port,
 * database and user; never in GSettings, a log or a location shown.
 *
 * With SF_PASSWORD_STORE=memory in the environment (the tests only) the
 * passwords are kept in this process's memory instead, so that tests need
 * no keyring daemon.
 *
 * The calls wait for the keyring: make them from a worker thread. */
char     *sf_password_store_lookup (const char  *host,
                                    const char  *port,
                                    const char  *database,
                                    const char  *user,
                                    GError     **error);
gboolean  sf_password_store_save   (const char  *host,
                                    const char  *port,
                                    const char  *database,
                                    const char  *user,
                                    const char  *password,
                                    GError     **error);
gboolean  sf_password_store_clear  (const char  *host,
                                    const char  *port,
                                    const char  *database,
                                    const char  *user,
                                    GError     **error);

G_END_DECLS
