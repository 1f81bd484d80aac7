#pragma once

#include <glib.h>

#include "sf-store.h"

G_BEGIN_DECLS

/* Who may see and change what on a shared database (docs/access.md).  The
 * server enforces it (group roles, GRANTs and row-level security, schema
 * step 3 in sf-store-pg-schema.h); these functions manage the access table
 * and tell the program what the signed-in login may do.  A database file
 * has no sign-ins: every function refuses it with SF_ERROR_INVALID_INPUT. */

typedef enum
{
  SF_ACCESS_MANAGER = 1 << 0,  /* their teams' caseworkers, cases, checklists, acknowledgements */
  SF_ACCESS_HR      = 1 << 1,  /* reads everything; changes the roster and scenarios */
  SF_ACCESS_ADMIN   = 1 << 2,  /* everything, settings, norms and access included */
} SfAccessRoles;

/* One row of the access table */
typedef struct
{
  char *login;
  char *role;        /* "manager", "hr" or "admin" */
  char *team;        /* a manager's team; NULL for HR and admin */
  char *granted_at;  /* ISO 8601, UTC */
  char *granted_by;
} SfAccessEntry;

/* The signed-in login and what it may do */
typedef struct
{
  char          *login;
  gboolean       owner;   /* owns the database's tables: may do everything */
  SfAccessRoles  roles;
  GStrv          teams;   /* the teams it manages, by name */
} SfAccessSelf;

void          sf_access_entry_free (SfAccessEntry *entry);
void          sf_access_self_free  (SfAccessSelf  *self);

/* The role's key ("manager", "hr", "admin") as a flag; 0 when it is none */
SfAccessRoles sf_access_role_from_key (const char *key);

/* Grants @login @role (for a manager: for each of @teams, one at least).
 * Only an admin or the database's owner may; the login role must exist on
 * the server (the database administrator makes login roles). */
gboolean      sf_access_grant      (SfStore             *store,
                                    const char          *login,
                                    const char          *role,
                                    const char * const  *teams,
                                    GError             **error);
/* Takes @login's access away: all of it, or only @role's (nullable), or
 * only @team's (nullable).  Returns how many rows went, or -1. */
gint64        sf_access_revoke     (SfStore             *store,
                                    const char          *login,
                                    const char          *role,
                                    const char          *team,
                                    GError             **error);
/* The access table as the caller may read it (an admin: all of it; anyone
 * else: their own rows), SfAccessEntry; *@owner (nullable) is the owner's
 * login. */
GPtrArray    *sf_access_list       (SfStore             *store,
                                    char               **owner,
                                    GError             **error);
/* Who is signed in and what they may do */
SfAccessSelf *sf_access_get_self   (SfStore             *store,
                                    GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfAccessEntry, sf_access_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfAccessSelf, sf_access_self_free)

G_END_DECLS
