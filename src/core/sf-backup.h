#pragma once

#include <gio/gio.h>

#include "sf-store.h"

G_BEGIN_DECLS

/* Copies of the database made with SQLite's online backup API, in a
 * "backups" folder beside it (owner-only), before every migration and
 * import, before a restore and once a day (the first start or write of a
 * day that has none: see sf_store_set_daily_backups()); the newest
 * SF_BACKUP_KEEP are kept. */

#define SF_BACKUP_KEEP 10

typedef struct
{
  char      *path;
  char      *reason;           /* "import", "migration", "daily", "manual", "restore" */
  GDateTime *taken;
  goffset    size;
} SfBackup;

void       sf_backup_free         (SfBackup    *backup);
/* Why the backup was made, translated: "Daily", "Before an import" … */
const char *sf_backup_reason_label (const char *reason);
char      *sf_backup_format_taken (const SfBackup *backup);
char      *sf_backup_dir_for      (const char  *db_path);
/* Newest first. */
GPtrArray *sf_backup_list         (const char  *db_path,
                                   GError     **error);
char      *sf_backup_create       (SfStore     *store,
                                   const char  *reason,
                                   GError     **error);
gboolean   sf_backup_create_daily (SfStore     *store,
                                   gboolean    *out_created,
                                   GError     **error);
/* Replaces the database at @db_path with the backup, which is checked
 * first.  Works on a damaged database too: nothing of it is read.  The
 * current file is itself backed up first when it can be read. */
gboolean   sf_backup_restore      (const char  *db_path,
                                   const char  *backup_path,
                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfBackup, sf_backup_free)

G_END_DECLS
