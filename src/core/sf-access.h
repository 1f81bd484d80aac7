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

/* What a person may set out to do in the program.  The server decides
 * each write (a manager's caseworkers are those of their teams); these
 * say only whether a role may do it at all, so the program offers it. */
typedef enum
{
  SF_ACCESS_DO_SETTINGS,       /* settings, weights, case areas and norms, checklist templates */
  SF_ACCESS_DO_GRANT,          /* grant and take away access */
  SF_ACCESS_DO_TEAMS,          /* create, change and remove teams */
  SF_ACCESS_DO_CASEWORKERS,    /* caseworkers, reductions, absences, end dates */
  SF_ACCESS_DO_IMPORT_ROSTER,  /* a roster file, which may create teams */
  SF_ACCESS_DO_PLANNED_HIRES,
  SF_ACCESS_DO_CASES,          /* cases, their import included */
  SF_ACCESS_DO_CHECKLISTS,     /* checklists, their items and check marks */
  SF_ACCESS_DO_ACKNOWLEDGE,    /* alert acknowledgements */
  SF_ACCESS_DO_SCENARIOS,      /* what-if scenarios */
  SF_ACCESS_DO_DEMO,           /* demonstration data: teams, cases and all */
  SF_ACCESS_N_DOS
} SfAccessDo;

void          sf_access_entry_free (SfAccessEntry *entry);
void          sf_access_self_free  (SfAccessSelf  *self);

/* The role's key ("manager", "hr", "admin") as a flag; 0 when it is none */
SfAccessRoles sf_access_role_from_key (const char *key);

/* Whether @self may @what: the one table of role → what it may do
 * (docs/access.md).  NULL (a database file) and the owner may do
 * everything; a login without access nothing. */
gboolean      sf_access_may        (const SfAccessSelf  *self,
                                    SfAccessDo           what);
/* The role's name for people ("Manager", "HR", "Administrator"),
 * translated */
const char   *sf_access_role_name  (const char          *key);
/* Who @self is, for the window: "anne, administrator", "bo, manager of
 * Syg and Job"; a login without access: only the login */
char         *sf_access_describe   (const SfAccessSelf  *self);

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
