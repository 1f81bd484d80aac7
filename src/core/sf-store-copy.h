#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Copies everything (teams, people, cases, reductions, history,
 * checklists, settings, the change log, the case areas) from one database
 * to another: a SQLite file to a PostgreSQL server, a server to a file, or
 * file to file.  @from and @to are what --database takes (a path or a
 * postgresql:// URI).
 *
 * The source must have this version's schema; it is only read.  A target
 * file that is not there is made (under a hidden name beside it, renamed
 * when the copy is complete); a target server database is set up
 * (sf_server_setup) first.  A target holding data of its own is refused
 * unless @replace, when its data is replaced.  The copy is one transaction
 * of the target: all of it, or nothing.  Afterwards every table's rows are
 * counted on both sides; *@out_rows is the number copied. */
gboolean sf_store_copy_between (const char  *from,
                                const char  *to,
                                gboolean     replace,
                                gint64      *out_rows,
                                GError     **error);

G_END_DECLS
