#pragma once

#include <gio/gio.h>

#include "sf-store.h"

G_BEGIN_DECLS

/* The backup policy, above the store: copies of the database (made with the
 * store's sf_store_copy_to() and checked with sf_store_check_integrity()) in
 * a "backups" folder beside it, owner-only, before every import that
 * changes something, before a migration, before a restore, by hand and
 * once a day (the first start or write of a day that has no daily backup:
 * see sf_backup_set_daily()).
 *
 * A backup is written under a temporary name, checked, and only then given
 * its name: a file with a backup's name is complete and was sound when it
 * was made.  A damaged database is never backed up.  Backups are ordered by
 * when they were written (the file's time, not its name), and each kind is
 * kept apart: the newest SF_BACKUP_KEEP_DAILY daily ones and the newest
 * SF_BACKUP_KEEP_PER_KIND of every other kind.  A damaged file replaced by
 * a restore is kept as it was (damaged-….db, never offered for a restore),
 * the newest SF_BACKUP_KEEP_DAMAGED of them. */

#define SF_BACKUP_KEEP_DAILY     7
#define SF_BACKUP_KEEP_PER_KIND  5
#define SF_BACKUP_KEEP_DAMAGED   3

typedef struct
{
  char      *path;
  char      *reason;           /* "import", "migration", "daily", "manual", "before-restore" */
  GDateTime *taken;            /* when the file was written */
  goffset    size;
} SfBackup;

/* A backup made and checked, not yet among the backups. */
typedef struct _SfPendingBackup SfPendingBackup;

void       sf_backup_free         (SfBackup    *backup);
/* Why the backup was made, translated: "Daily", "Before an import" … */
const char *sf_backup_reason_label (const char *reason);
char      *sf_backup_format_taken (const SfBackup *backup);
char      *sf_backup_dir_for      (const char  *db_path);
/* Newest first.  Refused when the folder is a link or another user's. */
GPtrArray *sf_backup_list         (const char  *db_path,
                                   GError     **error);
/* The newest backup that is sound and can be restored, or NULL. */
SfBackup  *sf_backup_find_sound   (const char  *db_path);
char      *sf_backup_create       (SfStore     *store,
                                   const char  *reason,
                                   GError     **error);
SfPendingBackup *sf_backup_prepare (SfStore    *store,
                                    const char *reason,
                                    GError    **error);
/* Gives the backup its name and prunes the older ones of its kind;
 * returns its path.  Frees @pending either way. */
char      *sf_backup_keep         (SfPendingBackup *pending,
                                   GError         **error);
void       sf_backup_discard      (SfPendingBackup *pending);
gboolean   sf_backup_create_daily (SfStore     *store,
                                   gboolean    *out_created,
                                   GError     **error);
/* Daily backups of @store, made before its first write of each day. */
void       sf_backup_set_daily    (SfStore     *store,
                                   gboolean     enabled);
/* Makes today's daily backup now if it is due. */
void       sf_backup_check_daily  (SfStore     *store);
/* Opens the database as the programs do: an empty file beside backups is
 * damage (%SF_ERROR_CORRUPT), and an older database is backed up before it
 * is migrated. */
SfStore   *sf_backup_open_store   (const char  *db_path,
                                   GError     **error);
/* Replaces the database at @db_path with the backup, which must be a sound
 * Sagsfordeling database this version can open.  Nothing is replaced until
 * the current file is kept: a sound one as a checked before-restore backup,
 * a damaged one as it is.  Works on a damaged database too. */
gboolean   sf_backup_restore      (const char  *db_path,
                                   const char  *backup_path,
                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfBackup, sf_backup_free)

G_END_DECLS
