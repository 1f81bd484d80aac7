#pragma once

#include "sf-core.h"

G_BEGIN_DECLS

/* Who may see and change what on a shared database (docs/access.md):
 * access-grant, access-revoke, access-list.  Run by an admin (or the
 * database's owner); a database file has no access control. */
int      sf_cli_access_grant  (SfStore     *store,
                               int          argc,
                               char       **argv);
int      sf_cli_access_revoke (SfStore     *store,
                               int          argc,
                               char       **argv);
int      sf_cli_access_list   (SfStore     *store,
                               int          argc,
                               char       **argv);
/* What the access commands say on a database file */
int      sf_cli_access_on_file (const char *command);

G_END_DECLS
