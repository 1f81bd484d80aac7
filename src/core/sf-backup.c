#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sf-backup.h"
#include "sf-date.h"
#include "sf-error.h"

#define PREFIX "sagsfordeling-"
#define PARTIAL ".partial"
#define DAMAGED "damaged-"

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

/* The folder holds personal data: it must be a folder of its own (not a
 * link), this user's, and owner-only.  A folder that is open to others is
 * closed; one that cannot be is refused.  With @create, a missing folder
 * is made. */
static gboolean
check_dir (const char  *dir,
           gboolean     create,
           gboolean    *out_exists,
           GError     **error)
{
  GStatBuf st;

  *out_exists = FALSE;
  if (g_lstat (dir, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT && !create)
        return TRUE;
      if (saved == ENOENT && g_mkdir (dir, 0700) == 0)
        {
          *out_exists = TRUE;
          return TRUE;
        }
      if (saved == ENOENT)
        saved = errno;
      /* Another program made it in between: checked below like any other */
      if (saved != EEXIST || g_lstat (dir, &st) != 0)
        {
          g_set_error (error, SF_ERROR, SF_ERROR_IO, _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
          return FALSE;
        }
    }
  if (S_ISLNK (st.st_mode))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_IO,
                   _("The backups folder “%s” is a link to another folder. Backups hold personal "
                     "data, so they are kept only in a folder of their own: remove the link."), dir);
      return FALSE;
    }
  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("“%s” should be the backups folder, but is not a folder."), dir);
      return FALSE;
    }
  if (st.st_uid != geteuid ())
    {
      g_set_error (error, SF_ERROR, SF_ERROR_IO,
                   _("The backups folder “%s” belongs to another user. Backups hold personal data: "
                     "move that folder away, and a new one is made."), dir);
      return FALSE;
    }
  if ((st.st_mode & 077) != 0 && g_chmod (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, SF_ERROR, SF_ERROR_IO,
                   _("The backups folder “%s” can be read by others and could not be made private: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  *out_exists = TRUE;
  return TRUE;
}

/* The kind of a reason: two backups of one second get a counter, "import1" */
static char *
reason_kind (const char *reason)
{
  char *key = g_strdup (reason != NULL ? reason : "");
  char *end = key + strlen (key);

  while (end > key && g_ascii_isdigit (end[-1]))
    *--end = '\0';
  return key;
}

/* sagsfordeling-20261123T101500.123456Z-import.db.  The time in the name
 * is only a name: when the backup was made is when the file was written. */
static SfBackup *
parse_name (const char *dir,
            const char *name)
{
  const char *dash;
  SfBackup *backup;
  GStatBuf st;

  if (!g_str_has_prefix (name, PREFIX) || !g_str_has_suffix (name, ".db"))
    return NULL;
  dash = strchr (name + strlen (PREFIX), '-');
  if (dash == NULL || dash - name - strlen (PREFIX) != 23 || strlen (dash + 1) <= 3)
    return NULL;

  backup = g_new0 (SfBackup, 1);
  backup->path = g_build_filename (dir, name, NULL);
  if (g_lstat (backup->path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      sf_backup_free (backup);
      return NULL;
    }
  backup->reason = g_strndup (dash + 1, strlen (dash + 1) - 3);
  backup->size = st.st_size;
  {
    g_autoptr(GDateTime) second = g_date_time_new_from_unix_utc (st.st_mtim.tv_sec);

    backup->taken = g_date_time_add (second, st.st_mtim.tv_nsec / 1000);
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
  gboolean exists;
  const char *name;

  if (!check_dir (dir, FALSE, &exists, error))
    return NULL;
  if (!exists)
    return g_steal_pointer (&backups);
  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
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

SfBackup *
sf_backup_find_sound (const char *db_path)
{
  g_autoptr(GPtrArray) backups = sf_backup_list (db_path, NULL);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      SfBackup *backup = g_ptr_array_index (backups, i);

      if (sf_store_check_copy (backup->path, NULL))
        return g_ptr_array_steal_index (backups, i);
    }
  return NULL;
}

/* Removes what interrupted backups left (older than a quarter of an hour:
 * a younger one may be another program's backup in progress). */
static void
remove_stale_partials (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, "." PREFIX) || strstr (name, PARTIAL) == NULL)
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > 15 * 60)
        g_unlink (path);
    }
}

static guint
keep_for_kind (const char *kind)
{
  if (g_str_equal (kind, "daily"))
    return SF_BACKUP_KEEP_DAILY;
  return SF_BACKUP_KEEP_PER_KIND;
}

/* Keeps the newest of each kind, @made (the backup just made, the newest
 * of its kind) and @spare (the backup being restored) whatever their age. */
static void
prune (const char *db_path,
       const char *made,
       const char *spare)
{
  g_autoptr(GPtrArray) backups = sf_backup_list (db_path, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      const SfBackup *backup = g_ptr_array_index (backups, i);

      if (g_strcmp0 (backup->path, made) == 0)
        g_hash_table_replace (counts, reason_kind (backup->reason), GUINT_TO_POINTER (1));
    }
  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      const SfBackup *backup = g_ptr_array_index (backups, i);
      char *kind;
      guint n;

      if (g_strcmp0 (backup->path, made) == 0 || g_strcmp0 (backup->path, spare) == 0)
        continue;
      kind = reason_kind (backup->reason);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, kind));
      if (n >= keep_for_kind (kind))
        g_unlink (backup->path);
      g_hash_table_replace (counts, kind, GUINT_TO_POINTER (n + 1));
    }
}

struct _SfPendingBackup
{
  char *db_path;
  char *temp;
  char *final;
};

void
sf_backup_discard (SfPendingBackup *pending)
{
  if (pending == NULL)
    return;
  g_unlink (pending->temp);
  g_free (pending->db_path);
  g_free (pending->temp);
  g_free (pending->final);
  g_free (pending);
}

/* Fsyncs @dir, so that a rename in it survives a crash. */
static void
sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Whether the copy at @path opens and is sound. */
static gboolean
verify_copy (const char  *path,
             GError     **error)
{
  g_autoptr(SfStore) copy = sf_store_open_copy (path, error);

  return copy != NULL && sf_store_check_integrity (copy, error);
}

static SfPendingBackup *
prepare_from (SfStore     *store,
              const char  *db_path,
              const char  *reason,
              GError     **error)
{
  g_autofree char *dir = sf_backup_dir_for (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S.%fZ");
  g_autoptr(GError) local_error = NULL;
  SfPendingBackup *pending;
  gboolean exists;

  if (!check_dir (dir, TRUE, &exists, error))
    return NULL;
  remove_stale_partials (dir);

  pending = g_new0 (SfPendingBackup, 1);
  pending->db_path = g_strdup (db_path);
  /* Two backups in one second get a counter, never overwrite. */
  for (guint n = 0; pending->final == NULL || g_file_test (pending->final, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 0 ? g_strdup_printf (PREFIX "%s-%s.db", stamp, reason)
                                     : g_strdup_printf (PREFIX "%s-%s%u.db", stamp, reason, n);

      g_free (pending->final);
      pending->final = g_build_filename (dir, name, NULL);
    }
  {
    g_autofree char *base = g_path_get_basename (pending->final);
    g_autofree char *name = g_strdup_printf (".%s" PARTIAL "%d", base, (int) getpid ());

    pending->temp = g_build_filename (dir, name, NULL);
  }
  g_unlink (pending->temp);

  if (!sf_store_copy_to (store, pending->temp, error))
    {
      sf_backup_discard (pending);
      return NULL;
    }
  /* A damaged database is never kept as if it were a backup */
  if (!verify_copy (pending->temp, &local_error))
    {
      if (g_error_matches (local_error, SF_ERROR, SF_ERROR_CORRUPT))
        g_set_error (error, SF_ERROR, SF_ERROR_CORRUPT,
                     _("No backup was made: the database is damaged. %s"), local_error->message);
      else
        g_set_error (error, SF_ERROR, local_error->code, _("The backup could not be checked: %s"), local_error->message);
      sf_backup_discard (pending);
      return NULL;
    }
  return pending;
}

SfPendingBackup *
sf_backup_prepare (SfStore     *store,
                   const char  *reason,
                   GError     **error)
{
  g_return_val_if_fail (SF_IS_STORE (store), NULL);
  g_return_val_if_fail (g_strcmp0 (sf_store_get_path (store), ":memory:") != 0, NULL);

  return prepare_from (store, sf_store_get_path (store), reason, error);
}

static char *
keep_sparing (SfPendingBackup  *pending,
              const char       *spare,
              GError          **error)
{
  g_autofree char *dir = g_path_get_dirname (pending->final);
  char *path = NULL;

  if (g_rename (pending->temp, pending->final) != 0)
    {
      int saved = errno;

      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("The backup could not be made: %s"), g_strerror (saved));
    }
  else
    {
      sync_dir (dir);
      path = g_strdup (pending->final);
      prune (pending->db_path, path, spare);
    }
  sf_backup_discard (pending);
  return path;
}

char *
sf_backup_keep (SfPendingBackup  *pending,
                GError          **error)
{
  g_return_val_if_fail (pending != NULL, NULL);

  return keep_sparing (pending, NULL, error);
}

char *
sf_backup_create (SfStore     *store,
                  const char  *reason,
                  GError     **error)
{
  SfPendingBackup *pending;

  if (g_strcmp0 (sf_store_get_path (store), ":memory:") == 0)
    return g_strdup ("");
  pending = sf_backup_prepare (store, reason, error);
  return pending != NULL ? sf_backup_keep (pending, error) : NULL;
}

/* TRUE if a daily backup in @backups was made on the local calendar day of
 * @now. */
static gboolean
daily_taken_today (GPtrArray *backups,
                   GDateTime *now)
{
  int y, m, d;

  g_date_time_get_ymd (now, &y, &m, &d);
  for (guint i = 0; i < backups->len; i++)
    {
      const SfBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *kind = reason_kind (backup->reason);
      g_autoptr(GDateTime) local = g_date_time_to_local (backup->taken);
      int by, bm, bd;

      g_date_time_get_ymd (local, &by, &bm, &bd);
      if (g_str_equal (kind, "daily") && by == y && bm == m && bd == d)
        return TRUE;
    }
  return FALSE;
}

/* The first backup of a (local) day, unless today's was made already. */
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
  /* A server's database is backed up by the server's own tools */
  if (g_strcmp0 (sf_store_get_path (store), ":memory:") == 0 ||
      sf_db_location_is_uri (sf_store_get_path (store)) || sf_store_is_empty (store))
    return TRUE;
  backups = sf_backup_list (sf_store_get_path (store), error);
  if (backups == NULL)
    return FALSE;
  if (daily_taken_today (backups, now))
    return TRUE;

  path = sf_backup_create (store, "daily", error);
  if (path != NULL && out_created)
    *out_created = TRUE;
  return path != NULL;
}

#define DAILY_KEY "sf-backup-daily-day"

/* Makes today's backup if there is none yet.  A failed backup is reported
 * in the log (no names there) and does not stop the work of the day. */
void
sf_backup_check_daily (SfStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  int y, m, d;
  int day;

  g_return_if_fail (SF_IS_STORE (store));

  g_date_time_get_ymd (now, &y, &m, &d);
  day = y * 400 + m * 32 + d;
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (store), DAILY_KEY)) == day ||
      sf_store_is_readonly (store))
    return;
  /* An empty database has nothing to keep yet: ask again at its first write */
  if (sf_store_is_empty (store))
    return;
  if (!sf_backup_create_daily (store, NULL, &error))
    {
      g_message ("The daily backup could not be made: %s", error->message);
      return;
    }
  g_object_set_data (G_OBJECT (store), DAILY_KEY, GINT_TO_POINTER (day));
}

static void
on_write_cb (SfStore  *store,
             gpointer  user_data)
{
  sf_backup_check_daily (store);
}

void
sf_backup_set_daily (SfStore  *store,
                     gboolean  enabled)
{
  g_return_if_fail (SF_IS_STORE (store));

  sf_store_set_write_hook (store, enabled ? on_write_cb : NULL, NULL);
}

static gboolean
before_migrate_cb (SfStore   *store,
                   int        from_version,
                   gpointer   user_data,
                   GError   **error)
{
  g_autofree char *path = sf_backup_create (store, "migration", error);

  return path != NULL;
}

SfStore *
sf_backup_open_store (const char  *db_path,
                      GError     **error)
{
  GStatBuf st;

  /* A file emptied by a full disk or a failed copy would otherwise be
   * made a new, empty database, and the next backup would keep that. */
  if (g_stat (db_path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0)
    {
      g_autoptr(GPtrArray) backups = sf_backup_list (db_path, NULL);

      if (backups != NULL && backups->len > 0)
        {
          g_set_error (error, SF_ERROR, SF_ERROR_CORRUPT,
                       _("The database file “%s” is empty, but there are backups of it: it has been "
                         "damaged (by a full disk or an interrupted copy, perhaps). Restore the newest "
                         "sound backup."), db_path);
          return NULL;
        }
    }
  return sf_store_open_with (db_path, before_migrate_cb, NULL, error);
}

/* Copies @from into a new owner-only file @to, byte for byte, onto disk. */
static gboolean
copy_raw (const char  *from,
          const char  *to,
          GError     **error)
{
  char buffer[64 * 1024];
  int in = g_open (from, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  int out = in >= 0 ? g_open (to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600) : -1;
  gboolean ok = in >= 0 && out >= 0;
  int saved = ok ? 0 : errno;

  while (ok)
    {
      gssize n = read (in, buffer, sizeof buffer);

      if (n == 0)
        break;
      for (gssize done = 0; ok && n > 0 && done < n;)
        {
          gssize w = write (out, buffer + done, n - done);

          if (w < 0 && errno != EINTR)
            ok = FALSE;
          else if (w > 0)
            done += w;
        }
      if (n < 0 && errno != EINTR)
        ok = FALSE;
      if (!ok)
        saved = errno;
    }
  if (ok && fsync (out) != 0)
    {
      ok = FALSE;
      saved = errno;
    }
  if (in >= 0)
    close (in);
  if (out >= 0 && close (out) != 0 && ok)
    {
      ok = FALSE;
      saved = errno;
    }
  if (!ok)
    {
      if (out >= 0)
        g_unlink (to);
      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("Cannot copy “%s”: %s"), from, g_strerror (saved));
    }
  return ok;
}

static int
sort_names_newest_first (gconstpointer a,
                         gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Keeps a damaged database file (and its WAL) as it is, beside the backups,
 * before a restore replaces it: what it still holds may be recovered. */
static gboolean
keep_damaged (const char  *db_path,
              GError     **error)
{
  g_autofree char *dir = sf_backup_dir_for (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S.%fZ");
  g_autofree char *name = g_strdup_printf (DAMAGED "%s.db", stamp);
  g_autofree char *to = g_build_filename (dir, name, NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *wal_to = g_strconcat (to, "-wal", NULL);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = NULL;
  const char *entry;
  gboolean exists;

  if (!check_dir (dir, TRUE, &exists, error) || !copy_raw (db_path, to, error))
    return FALSE;
  if (g_file_test (wal, G_FILE_TEST_IS_REGULAR) && !copy_raw (wal, wal_to, error))
    {
      g_unlink (to);
      return FALSE;
    }
  sync_dir (dir);

  /* The newest few; their names sort by time, and nothing else is there */
  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (entry = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (entry, DAMAGED) && g_str_has_suffix (entry, ".db"))
      g_ptr_array_add (kept, g_strdup (entry));
  g_ptr_array_sort (kept, sort_names_newest_first);
  for (guint i = SF_BACKUP_KEEP_DAMAGED; i < kept->len; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (kept, i), NULL);
      g_autofree char *old_wal = g_strconcat (old, "-wal", NULL);

      g_unlink (old);
      g_unlink (old_wal);
    }
  return TRUE;
}

/* Puts a copy of @source in place of the damaged file at @db_path: written
 * beside it, then renamed over it. */
static gboolean
replace_damaged (SfStore     *source,
                 const char  *db_path,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *name = g_strdup_printf (".%s.restoring%d", base, (int) getpid ());
  g_autofree char *temp = g_build_filename (dir, name, NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

  g_unlink (temp);
  if (!sf_store_copy_to (source, temp, error))
    return FALSE;
  /* The damaged file's WAL must not be applied to the new file */
  g_unlink (wal);
  g_unlink (shm);
  if (g_rename (temp, db_path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("The backup could not be restored: %s"), g_strerror (saved));
      return FALSE;
    }
  sync_dir (dir);
  return TRUE;
}

/* The restored database's change log says that it was restored, by whom
 * and from which backup.  It is the backup's log, so this is its last row.
 * An older backup is migrated here, as at any start. */
static void
record_restore (const char *db_path,
                const char *backup_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_backup_open_store (db_path, &error);
  g_autofree char *name = g_path_get_basename (backup_path);

  if (store == NULL || !sf_store_begin (store, &error))
    ;
  else if (!sf_store_audit (store, "restore", NULL, name, &error))
    sf_store_rollback (store);
  else
    sf_store_commit (store, &error);
  if (error != NULL)
    g_message ("The restore could not be written to the change log: %s", error->message);
}

gboolean
sf_backup_restore (const char  *db_path,
                   const char  *backup_path,
                   GError     **error)
{
  g_autoptr(SfStore) source = NULL;
  g_autoptr(SfStore) current = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *kept = NULL;
  SfPendingBackup *pending = NULL;
  gboolean current_sound = FALSE;
  GStatBuf st;

  /* The backup must be a sound database of ours before it replaces
   * anything.  A file with a WAL beside it is read as a live database. */
  g_autofree char *wal = g_strconcat (backup_path, "-wal", NULL);
  gboolean copy = !g_file_test (wal, G_FILE_TEST_EXISTS);

  if (!(copy ? sf_store_check_copy (backup_path, &local_error) : sf_store_check_file (backup_path, &local_error)))
    {
      if (!g_error_matches (local_error, SF_ERROR, SF_ERROR_CORRUPT))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SF_ERROR, SF_ERROR_CORRUPT,
                     _("“%s” is damaged or is not a Sagsfordeling database, and cannot be restored. "
                       "Nothing was changed."), backup_path);
      return FALSE;
    }
  g_clear_error (&local_error);
  source = copy ? sf_store_open_copy (backup_path, error) : sf_store_open_readonly (backup_path, error);
  if (source == NULL)
    return FALSE;

  /* Nothing is replaced before what is there now is kept: a sound file
   * as a checked backup, a damaged one (an emptied one too) as it is. */
  if (g_stat (db_path, &st) == 0)
    {
      current = st.st_size > 0 ? sf_store_open_readonly (db_path, NULL) : NULL;
      current_sound = current != NULL && sf_store_check_integrity (current, NULL);
      if (current_sound)
        pending = prepare_from (current, db_path, "before-restore", &local_error);
      g_clear_object (&current);
      if (current_sound && pending != NULL)
        kept = keep_sparing (pending, backup_path, &local_error);
      else if (!current_sound && keep_damaged (db_path, &local_error))
        kept = g_strdup ("");
      if (kept == NULL)
        {
          g_autofree char *why = g_strdup (local_error->message);

          if (g_str_has_suffix (why, "."))
            why[strlen (why) - 1] = '\0';
          g_set_error (error, SF_ERROR, local_error->code,
                       _("The restore was not started, because the database there now could not be "
                         "kept first: %s. Nothing was changed."), why);
          return FALSE;
        }
    }

  if (current_sound)
    {
      if (!sf_store_copy_over (source, db_path, &local_error))
        {
          g_set_error (error, SF_ERROR, local_error->code,
                       _("The backup could not be restored: %s Nothing was changed."), local_error->message);
          return FALSE;
        }
    }
  else if (!replace_damaged (source, db_path, error))
    return FALSE;

  g_chmod (db_path, 0600);
  record_restore (db_path, backup_path);
  return TRUE;
}
