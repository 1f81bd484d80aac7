#pragma once

/* What only SQLite has: its online backup API, used by the store's copies
 * of a database file (backups, import previews).  Callers check
 * sf_db_get_kind() first. */

#include "sf-db.h"

G_BEGIN_DECLS

/* Copies the database of @src, as last committed, over the SQLite file at
 * @dest_path (which exists), in one transaction of the destination.  With
 * @no_journal the destination is written without a journal (a new copy
 * that is removed if cut short).  On failure FALSE, with the reason in
 * @code and @message. */
gboolean      sf_db_sqlite_backup_to   (SfDb        *src,
                                        const char  *dest_path,
                                        gboolean     no_journal,
                                        int          busy_timeout_ms,
                                        SfDbError   *code,
                                        char       **message);
/* Copies @src into @dest, another open SQLite connection. */
gboolean      sf_db_sqlite_backup_into (SfDb        *src,
                                        SfDb        *dest);
/* Turns SQLite's statistics of memory off, before the first connection */
void          sf_db_sqlite_tune        (void);

G_END_DECLS
