#pragma once

#include <glib.h>

#include "sf-db.h"

G_BEGIN_DECLS

/* A shared database on a PostgreSQL server: its schema is made and
 * upgraded by its owner with `sagsfordeling-cli server-setup`, never by
 * the programs that merely use it (they may not have the right to, and a
 * hundred desktops should not race to upgrade one database). */

/* Creates the schema in the empty database @uri names, or upgrades it
 * (sf-store-pg-schema.h), in one transaction; nothing when it is up to
 * date.  *@out_from and *@out_to are the versions before and after. */
gboolean sf_server_setup        (const char  *uri,
                                 int         *out_from,
                                 int         *out_to,
                                 GError     **error);
/* Whether the server database open on @db has the schema this version
 * uses; else a message saying what its owner must do. */
gboolean sf_server_check_schema (SfDb        *db,
                                 GError     **error);

G_END_DECLS
