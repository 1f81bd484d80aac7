#pragma once

#include <gio/gio.h>

#include "sf-store.h"

G_BEGIN_DECLS

/* The change log: every change to the database is an audit row (who, when,
 * what), written by the code that makes the change in the same
 * transaction.  Read here a page at a time, newest first, so that a log of
 * 100,000 rows opens at once; filtered by text; and rendered for Danish
 * spreadsheets. */

typedef struct
{
  gint64  id;
  char   *at;                  /* ISO 8601, UTC */
  char   *who;                 /* the OS user */
  char   *action;              /* a key: "import-roster", "case-edit" … */
  char   *subject;             /* a team, initials or a case number; may be NULL */
  char   *detail;              /* may be NULL */
} SfChangeLogEntry;

void          sf_change_log_entry_free   (SfChangeLogEntry *entry);

/* The number of rows that match @filter (NULL or "" for all). */
gint64        sf_change_log_count        (SfStore      *store,
                                     const char   *filter,
                                     GError      **error);
/* Rows @offset … @offset + @limit − 1 of those matching @filter, newest
 * first. */
GPtrArray    *sf_change_log_load         (SfStore      *store,
                                     const char   *filter,
                                     guint         offset,
                                     guint         limit,
                                     GError      **error);

/* What an action key means, translated; an unknown key is shown as is. */
const char   *sf_change_log_action_label (const char   *action);
/* @at in local time, as the locale writes dates: "24.11.2026 10:15:00". */
char         *sf_change_log_format_time  (const char   *at);
/* Whether @entry matches @filter: case-insensitive, in any of its texts,
 * the translated action and the time as shown. */
gboolean      sf_change_log_matches      (const SfChangeLogEntry *entry,
                                     const char   *filter);

/* The rows matching @filter, newest first, as sf_caseloads_render_csv()
 * writes files: ';', UTF-8 BOM, CRLF, formula-neutralised fields. */
GBytes       *sf_change_log_render_csv   (SfStore      *store,
                                     const char   *filter,
                                     GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfChangeLogEntry, sf_change_log_entry_free)

G_END_DECLS
