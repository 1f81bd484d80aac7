#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SF_ERROR (sf_error_quark ())

/* Every error the engine reports travels in this domain.  Messages are
 * translated and meant for the manager who will read them. */
typedef enum
{
  SF_ERROR_INVALID_INPUT,  /* a file or a value the user gave is refused */
  SF_ERROR_PRIVACY,        /* a value looks like personal data we refuse to store */
  SF_ERROR_NOT_FOUND,      /* a team, caseworker or case does not exist */
  SF_ERROR_DATABASE,       /* SQLite reported an error */
  SF_ERROR_BUSY,           /* another program holds the database */
  SF_ERROR_CORRUPT,        /* the database file is damaged or not ours */
  SF_ERROR_TOO_NEW,        /* the database was made by a newer version */
  SF_ERROR_IO,             /* a file could not be read or written */
  SF_ERROR_READ_ONLY,      /* the database can be read but not changed */
  SF_ERROR_DENIED,         /* the shared database does not let this user do this */
} SfError;

GQuark sf_error_quark (void);

G_END_DECLS
