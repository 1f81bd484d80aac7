#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sf-backup.h"
#include "sf-date.h"
#include "sf-error.h"

#define PREFIX "sagsfordeling-"

void
sf_backup_free (SfBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_free (backup->reason);
  g_clear_pointer (&backup->taken, g_date_time_unref);
  g_free (backup);
}

/* When @backup was made, in local time as the locale writes it. */
char *
sf_backup_format_taken (const SfBackup *backup)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (backup->taken);
  g_autofree char *date = sf_day_format (sf_day_new (g_date_time_get_year (local),
                                                     g_date_time_get_month (local),
                                                     g_date_time_get_day_of_month (local)));
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  return g_strconcat (date, " ", time, NULL);
}

const char *
sf_backup_reason_label (const char *reason)
{
  /* Two backups of one second get a counter: "import1" */
  g_autofree char *key = g_strdup (reason != NULL ? reason : "");
  char *end = key + strlen (key);

  while (end > key && g_ascii_isdigit (end[-1]))
    *--end = '\0';
  if (g_str_equal (key, "daily"))
    return _("Daily");
  if (g_str_equal (key, "import"))
    return _("Before an import");
  if (g_str_equal (key, "migration"))
    return _("Before an upgrade");
  if (g_str_equal (key, "manual"))
    return _("Made by hand");
  if (g_str_equal (key, "before-restore"))
    return _("Before a restore");
  return reason != NULL ? reason : "";
}

char *
sf_backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

/* sagsfordeling-20261123T101500.123456Z-import.db: microseconds, so that
 * several backups in one second still sort by age. */
static SfBackup *
parse_name (const char *dir,
            const char *name)
{
  g_autofree char *stamp = NULL;
  const char *dash;
  SfBackup *backup;
  GStatBuf st;
  int y, mo, d, h, mi, s, us;

  if (!g_str_has_prefix (name, PREFIX) || !g_str_has_suffix (name, ".db"))
    return NULL;
  dash = strchr (name + strlen (PREFIX), '-');
  if (dash == NULL || dash - name - strlen (PREFIX) != 23)
    return NULL;
  stamp = g_strndup (name + strlen (PREFIX), 23);
  if (sscanf (stamp, "%4d%2d%2dT%2d%2d%2d.%6dZ", &y, &mo, &d, &h, &mi, &s, &us) != 7)
    return NULL;

  backup = g_new0 (SfBackup, 1);
  backup->path = g_build_filename (dir, name, NULL);
  backup->reason = g_strndup (dash + 1, strlen (dash + 1) - 3);
  backup->taken = g_date_time_new_utc (y, mo, d, h, mi, s + us / 1e6);
  if (g_stat (backup->path, &st) == 0)
    backup->size = st.st_size;
  if (backup->taken == NULL)
    {
      sf_backup_free (backup);
      return NULL;
    }
  return backup;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const SfBackup *x = *(const SfBackup * const *) a;
  const SfBackup *y = *(const SfBackup * const *) b;
  int cmp = g_date_time_compare (y->taken, x->taken);

  return cmp != 0 ? cmp : strcmp (y->path, x->path);
}

GPtrArray *
sf_backup_list (const char  *db_path,
                GError     **error)
{
  g_autofree char *dir = sf_backup_dir_for (db_path);
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_backup_free);
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("Cannot read the backups folder: %s"), local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      SfBackup *backup = parse_name (dir, name);

      if (backup != NULL)
        g_ptr_array_add (backups, backup);
    }
  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

/* Copies @from into a new owner-only file at @to with the backup API. */
static gboolean
copy_database (sqlite3     *from,
               const char  *to,
               GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  fd = g_open (to, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("Cannot create the backup “%s”: %s"), to, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (to, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", from, "main");
      if (backup != NULL)
        {
          /* The whole copy in one step holds a read lock for a moment;
           * writers in other programs wait on the busy timeout. */
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = sqlite3_errcode (dest);
        }
      else
        rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    g_set_error (error, SF_ERROR, rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? SF_ERROR_BUSY : SF_ERROR_IO,
                 _("The backup could not be made: %s"), dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
  sqlite3_close (dest);
  if (rc != SQLITE_OK)
    g_unlink (to);
  return rc == SQLITE_OK;
}

/* Keeps the newest SF_BACKUP_KEEP, and @spare (the backup being restored,
 * which may be the oldest) whatever its age. */
static void
prune (const char *db_path,
       const char *spare)
{
  g_autoptr(GPtrArray) backups = sf_backup_list (db_path, NULL);
  guint kept = 0;

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      const char *path = ((SfBackup *) g_ptr_array_index (backups, i))->path;

      if (g_strcmp0 (path, spare) == 0)
        continue;
      if (++kept > SF_BACKUP_KEEP)
        g_unlink (path);
    }
}

static char *
create_from (sqlite3     *db,
             const char  *db_path,
             const char  *reason,
             const char  *spare,
             GError     **error)
{
  g_autofree char *dir = sf_backup_dir_for (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S.%fZ");
  g_autofree char *path = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }

  /* Two backups in one second get a counter, never overwrite. */
  for (guint n = 0; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 0 ? g_strdup_printf (PREFIX "%s-%s.db", stamp, reason)
                                     : g_strdup_printf (PREFIX "%s-%s%u.db", stamp, reason, n);

      g_free (path);
      path = g_build_filename (dir, name, NULL);
    }

  if (!copy_database (db, path, error))
    return NULL;
  prune (db_path, spare);
  return g_steal_pointer (&path);
}

char *
sf_backup_create (SfStore     *store,
                  const char  *reason,
                  GError     **error)
{
  const char *db_path = sf_store_get_path (store);

  if (g_strcmp0 (db_path, ":memory:") == 0)
    return g_strdup ("");
  return create_from (sf_store_get_db (store), db_path, reason, NULL, error);
}

/* TRUE if a backup in @backups was taken on the local calendar day of @now. */
static gboolean
taken_today (GPtrArray *backups,
             GDateTime *now)
{
  int y, m, d;

  g_date_time_get_ymd (now, &y, &m, &d);
  for (guint i = 0; i < backups->len; i++)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (((SfBackup *) g_ptr_array_index (backups, i))->taken);
      int by, bm, bd;

      g_date_time_get_ymd (local, &by, &bm, &bd);
      if (by == y && bm == m && bd == d)
        return TRUE;
    }
  return FALSE;
}

/* The first backup of a (local) day, unless one was made today already,
 * for whatever reason: a backup before an import is a copy of the day too. */
gboolean
sf_backup_create_daily (SfStore   *store,
                        gboolean  *out_created,
                        GError   **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = NULL;

  if (out_created)
    *out_created = FALSE;
  if (g_strcmp0 (sf_store_get_path (store), ":memory:") == 0 || sf_store_is_empty (store))
    return TRUE;
  backups = sf_backup_list (sf_store_get_path (store), error);
  if (backups == NULL)
    return FALSE;
  if (taken_today (backups, now))
    return TRUE;

  path = sf_backup_create (store, "daily", error);
  if (path != NULL && out_created)
    *out_created = TRUE;
  return path != NULL;
}

/* TRUE if @db answers PRAGMA integrity_check with "ok". */
static gboolean
is_sound (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok;
}

/* Copies @source over the database in @dest_path with the backup API, which
 * also tells other connections (the GUI) that the file changed. */
static int
copy_over (sqlite3    *source,
           const char *dest_path)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (dest, 10000);
      backup = sqlite3_backup_init (dest, "main", source, "main");
      rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (dest);
      if (backup)
        sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_close (dest);
  return rc;
}

/* The restored database's audit log says that it was restored, by whom
 * and from which backup.  It is the backup's log, so this is its last row. */
static void
record_restore (const char *db_path,
                const char *backup_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  g_autofree char *name = g_path_get_basename (backup_path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 10000);
      if (sqlite3_prepare_v2 (db, "INSERT INTO audit (at, who, action, subject, detail)"
                              " VALUES (?1, ?2, 'restore', NULL, ?3)", -1, &stmt, NULL) == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            g_message ("The restore could not be written to the change log: %s", sqlite3_errmsg (db));
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
}

gboolean
sf_backup_restore (const char  *db_path,
                   const char  *backup_path,
                   GError     **error)
{
  sqlite3 *source = NULL, *current = NULL;
  gboolean current_sound;
  int rc;

  /* The backup must itself be sound before it replaces anything. */
  rc = sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK || !is_sound (source))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_CORRUPT, _("The backup “%s” is damaged too."), backup_path);
      sqlite3_close (source);
      return FALSE;
    }

  /* Keep what is there now when it can still be read. */
  current_sound = sqlite3_open_v2 (db_path, &current, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
                  is_sound (current);
  if (current_sound)
    {
      g_autofree char *kept = create_from (current, db_path, "before-restore", backup_path, NULL);

      (void) kept;
    }
  sqlite3_close (current);

  rc = current_sound ? copy_over (source, db_path) : SQLITE_CORRUPT;
  if (rc != SQLITE_OK && !current_sound)
    {
      /* A damaged file may not even open as a database: start it afresh. */
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
      int fd;

      g_unlink (db_path);
      g_unlink (wal);
      g_unlink (shm);
      fd = g_open (db_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd >= 0)
        close (fd);
      rc = copy_over (source, db_path);
    }
  sqlite3_close (source);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, SF_ERROR, rc == SQLITE_BUSY ? SF_ERROR_BUSY : SF_ERROR_IO,
                   _("The backup could not be restored: %s"), sqlite3_errstr (rc));
      return FALSE;
    }
  g_chmod (db_path, 0600);
  record_restore (db_path, backup_path);
  return TRUE;
}
