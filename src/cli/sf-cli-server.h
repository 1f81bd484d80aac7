#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The commands of a shared database on a PostgreSQL server.  They take the
 * --database location rather than an open store: server-setup is what
 * makes a server database openable. */

/* server-setup: creates or upgrades the schema of the server database */
int      sf_cli_server_setup        (const char  *database,
                                     int          argc,
                                     char       **argv);
/* backup, restore and check on a server: the server's own tools apply */
int      sf_cli_server_backup_note  (const char  *database,
                                     const char  *command);

/* copy --from SOURCE --to TARGET [--replace]: a whole database between a
 * file and a server, either way */
int      sf_cli_copy                (int          argc,
                                     char       **argv);

G_END_DECLS
