#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sf-change-log.h"
#include "sf-db-bind.h"
#include "sf-error.h"
#include "sf-text.h"

static const struct
{
  const char *action;
  const char *label;
} labels[] = {
  { "acknowledge-alert", N_("Alert acknowledged") },
  { "area-add", N_("Own case area added") },
  { "area-update", N_("Own case area changed") },
  { "area-remove", N_("Own case area removed") },
  { "unacknowledge-alert", N_("Acknowledgement withdrawn") },
  { "case-add", N_("Case added") },
  { "case-edit", N_("Case changed") },
  { "case-delete", N_("Case deleted") },
  { "case-close", N_("Case closed") },
  { "case-reassign", N_("Case reassigned") },
  { "case-cover", N_("Cover set") },
  { "case-cover-clear", N_("Cover ended") },
  { "case-restore", N_("Cases restored") },
  { "case-counts", N_("Case counts changed") },
  { "caseworker-create", N_("Caseworker added") },
  { "caseworker-update", N_("Caseworker changed") },
  { "caseworker-remove", N_("Caseworker removed") },
  { "caseworker-move", N_("Caseworker moved") },
  { "checklist-new", N_("Checklist started") },
  { "checklist-remove", N_("Checklist removed") },
  { "checklist-restore", N_("Checklist restored") },
  { "checklist-check", N_("Checklist item checked") },
  { "checklist-uncheck", N_("Checklist item unchecked") },
  { "checklist-review", N_("Follow-up changed") },
  { "checklist-add-item", N_("Checklist item added") },
  { "checklist-remove-item", N_("Checklist item removed") },
  { "checklist-restore-item", N_("Checklist item restored") },
  { "checklist-save-template", N_("Checklist template saved") },
  { "checklist-delete-template", N_("Checklist template deleted") },
  { "import-roster", N_("Roster imported") },
  { "import-cases", N_("Cases imported") },
  { "import-mapping", N_("Import columns mapped") },
  { "restore", N_("Backup restored") },
  { "setting", N_("Setting changed") },
  { "team-create", N_("Team created") },
  { "team-update", N_("Team changed") },
  { "team-remove", N_("Team removed") },
  { "team-norm", N_("Team norm changed") },
  { "undo", N_("Undone") },
};

void
sf_change_log_entry_free (SfChangeLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->who);
  g_free (entry->action);
  g_free (entry->subject);
  g_free (entry->detail);
  g_free (entry);
}

const char *
sf_change_log_action_label (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (action, labels[i].action) == 0)
      return _(labels[i].label);
  return action != NULL ? action : "";
}

char *
sf_change_log_format_time (const char *at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  SfDay day;

  if (at == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (at, NULL);
  if (utc == NULL)
    return g_strdup (at);
  local = g_date_time_to_local (utc);
  day = sf_day_new (g_date_time_get_year (local), g_date_time_get_month (local),
                    g_date_time_get_day_of_month (local));
  date = sf_day_format (day);
  time = g_date_time_format (local, "%H:%M:%S");
  return g_strconcat (date, " ", time, NULL);
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

/* ASCII text is searched in place: the log of 100,000 rows is filtered as
 * the user types, and most of its text is ASCII. */
static gboolean
contains_folded (const char *text,
                 const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  if (is_ascii (text))
    {
      gsize n = strlen (folded_needle);

      for (const char *p = text; *p; p++)
        if (g_ascii_strncasecmp (p, folded_needle, n) == 0)
          return TRUE;
      return FALSE;
    }
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_needle) != NULL;
}

static gboolean
matches_folded (const SfChangeLogEntry *entry,
                const char         *folded)
{
  g_autofree char *when = NULL;

  if (*folded == '\0')
    return TRUE;
  if (contains_folded (entry->who, folded) ||
      contains_folded (entry->subject, folded) ||
      contains_folded (entry->detail, folded) ||
      contains_folded (entry->action, folded) ||
      contains_folded (sf_change_log_action_label (entry->action), folded))
    return TRUE;
  /* The time as shown has only digits and separators: anything else
   * cannot match it, and formatting 100,000 times costs half a second */
  if (folded[strspn (folded, "0123456789.:-/ ")] != '\0')
    return FALSE;
  when = sf_change_log_format_time (entry->at);
  return contains_folded (when, folded);
}

gboolean
sf_change_log_matches (const SfChangeLogEntry *entry,
                  const char         *filter)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (filter != NULL ? filter : ""));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  g_return_val_if_fail (entry != NULL, FALSE);

  return matches_folded (entry, folded);
}

/* The folded text of @filter, or NULL when every row matches.  The
 * filter is applied here rather than in SQL, so every database runs the
 * same matching (sf_change_log_matches()). */
static char *
prepare_filter (const char *filter)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (filter != NULL ? filter : ""));

  if (*trimmed == '\0')
    return NULL;
  return g_utf8_casefold (trimmed, -1);
}

static SfChangeLogEntry *
read_entry (SfDbStmt *stmt)
{
  SfChangeLogEntry *entry = g_new0 (SfChangeLogEntry, 1);

  entry->id = sf_db_stmt_column_int64 (stmt, 0);
  entry->at = sf_db_stmt_dup_text (stmt, 1);
  entry->who = sf_db_stmt_dup_text (stmt, 2);
  entry->action = sf_db_stmt_dup_text (stmt, 3);
  entry->subject = sf_db_stmt_dup_text (stmt, 4);
  entry->detail = sf_db_stmt_dup_text (stmt, 5);
  return entry;
}

/* Whether the statement's row matches @folded */
static gboolean
row_matches (SfDbStmt   *stmt,
             const char *folded)
{
  SfChangeLogEntry entry = {
    .at = (char *) sf_db_stmt_column_text (stmt, 1),
    .who = (char *) sf_db_stmt_column_text (stmt, 2),
    .action = (char *) sf_db_stmt_column_text (stmt, 3),
    .subject = (char *) sf_db_stmt_column_text (stmt, 4),
    .detail = (char *) sf_db_stmt_column_text (stmt, 5),
  };

  return matches_folded (&entry, folded);
}

/* Calls @func on each row matching @filter, newest first, from the
 * @offset-th match on, at most @limit (all when negative); with a NULL
 * @func, counts them.  Returns the number, or -1 with @error. */
static gint64
each_row (SfStore        *store,
          const char     *filter,
          guint           offset,
          gint64          limit,
          GFunc           func,
          gpointer        user_data,
          GError        **error)
{
  g_autofree char *folded = prepare_filter (filter);
  SfDbStmt *stmt;
  SfDbStep rc = SF_DB_DONE;
  gint64 n = 0;
  guint skipped = 0;

  if (folded == NULL && func == NULL)
    stmt = sf_store_prepare (store, "SELECT count(*) FROM audit", error);
  else if (folded == NULL)
    stmt = sf_store_prepare (store,
                             "SELECT id, at, who, action, subject, detail FROM audit"
                             " ORDER BY id DESC LIMIT ?1 OFFSET ?2", error);
  else
    stmt = sf_store_prepare (store,
                             "SELECT id, at, who, action, subject, detail FROM audit"
                             " ORDER BY id DESC", error);
  if (stmt == NULL)
    return -1;
  if (folded == NULL && func == NULL)
    {
      rc = sf_db_stmt_step (stmt);
      if (rc == SF_DB_ROW)
        n = sf_db_stmt_column_int64 (stmt, 0);
    }
  else if (folded == NULL)
    {
      sf_db_stmt_bind_int64 (stmt, 1, limit);
      sf_db_stmt_bind_int64 (stmt, 2, offset);
      while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
        {
          func (read_entry (stmt), user_data);
          n++;
        }
    }
  else
    {
      while ((limit < 0 || n < limit) && (rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
        {
          if (!row_matches (stmt, folded))
            continue;
          if (skipped < offset)
            skipped++;
          else
            {
              if (func != NULL)
                func (read_entry (stmt), user_data);
              n++;
            }
        }
      if (limit >= 0 && n >= limit)
        rc = SF_DB_DONE;
    }
  sf_db_stmt_free (stmt);
  if (rc == SF_DB_STEP_ERROR)
    {
      sf_store_set_db_error (store, error);
      return -1;
    }
  return n;
}

gint64
sf_change_log_count (SfStore     *store,
                const char  *filter,
                GError     **error)
{
  g_return_val_if_fail (SF_IS_STORE (store), -1);

  return each_row (store, filter, 0, -1, NULL, NULL, error);
}

static void
add_entry (gpointer data,
           gpointer user_data)
{
  g_ptr_array_add (user_data, data);
}

GPtrArray *
sf_change_log_load (SfStore     *store,
               const char  *filter,
               guint        offset,
               guint        limit,
               GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_change_log_entry_free);

  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  if (each_row (store, filter, offset, limit, add_entry, entries, error) < 0)
    return NULL;
  return g_steal_pointer (&entries);
}

static void
write_entry (gpointer data,
             gpointer user_data)
{
  g_autoptr(SfChangeLogEntry) entry = data;
  g_autofree char *when = sf_change_log_format_time (entry->at);
  GString *out = user_data;

  sf_csv_append_field (out, when, FALSE);
  sf_csv_append_field (out, entry->who, FALSE);
  sf_csv_append_field (out, sf_change_log_action_label (entry->action), FALSE);
  sf_csv_append_field (out, entry->subject, FALSE);
  sf_csv_append_field (out, entry->detail, TRUE);
}

GBytes *
sf_change_log_render_csv (SfStore     *store,
                     const char  *filter,
                     GError     **error)
{
  static const char * const columns[] = { N_("Time"), N_("User"), N_("Change"), N_("Subject"), N_("Details") };
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    sf_csv_append_field (out, _(columns[i]), i + 1 == G_N_ELEMENTS (columns));
  if (each_row (store, filter, 0, -1, write_entry, out, error) < 0)
    return NULL;
  return g_string_free_to_bytes (g_steal_pointer (&out));
}
