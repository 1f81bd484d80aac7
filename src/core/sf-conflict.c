/* Edit conflicts: claiming a row at the version it was loaded with
 * (sf-conflict.h). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sf-conflict.h"
#include "sf-db-bind.h"
#include "sf-db.h"

typedef SfConflict SfConflictErrorPrivate;

static void
sf_conflict_error_private_init (SfConflictErrorPrivate *priv)
{
  memset (priv, 0, sizeof *priv);
}

static void
sf_conflict_error_private_copy (const SfConflictErrorPrivate *src,
                                SfConflictErrorPrivate       *dest)
{
  dest->table = g_strdup (src->table);
  dest->id = src->id;
  dest->expected = src->expected;
  dest->version = src->version;
  dest->who = g_strdup (src->who);
  dest->when = g_strdup (src->when);
  dest->values = src->values != NULL ? g_hash_table_ref (src->values) : NULL;
}

static void
sf_conflict_error_private_clear (SfConflictErrorPrivate *priv)
{
  g_clear_pointer (&priv->table, g_free);
  g_clear_pointer (&priv->who, g_free);
  g_clear_pointer (&priv->when, g_free);
  g_clear_pointer (&priv->values, g_hash_table_unref);
}

G_DEFINE_EXTENDED_ERROR (SfConflictError, sf_conflict_error)

/* The tables whose rows carry a version (both stores' schemas) */
static const char * const versioned[] = {
  "area", "team", "caseworker", "casefile", "alert_ack", "checklist", "checklist_item",
  "planned_hire", "scenario", NULL,
};

static const char *
value_of (GHashTable *values,
          const char *column)
{
  return values != NULL ? g_hash_table_lookup (values, column) : NULL;
}

/* "the caseworker Trine Larsen" and the like, in a manager's words */
static char *
describe_row (const char *table,
              GHashTable *values)
{
  const char *name = value_of (values, "name");

  if (g_str_equal (table, "caseworker") && name != NULL)
    /* TRANSLATORS: in a conflict's message; a caseworker's name */
    return g_strdup_printf (_("the caseworker %s"), name);
  if (g_str_equal (table, "team") && name != NULL)
    /* TRANSLATORS: in a conflict's message; a team's name */
    return g_strdup_printf (_("the team %s"), name);
  if (g_str_equal (table, "casefile") && value_of (values, "reference") != NULL)
    /* TRANSLATORS: in a conflict's message; a case's reference */
    return g_strdup_printf (_("the case %s"), value_of (values, "reference"));
  if (g_str_equal (table, "caseworker"))
    return g_strdup (_("this caseworker"));
  if (g_str_equal (table, "team"))
    return g_strdup (_("this team"));
  if (g_str_equal (table, "casefile"))
    return g_strdup (_("this case"));
  if (g_str_equal (table, "planned_hire"))
    return g_strdup (_("this planned hire"));
  if (g_str_equal (table, "checklist") || g_str_equal (table, "checklist_item"))
    return g_strdup (_("this checklist"));
  if (g_str_equal (table, "alert_ack"))
    return g_strdup (_("this acknowledgement"));
  if (g_str_equal (table, "area"))
    return g_strdup (_("this case area"));
  return g_strdup (_("this scenario"));
}

char *
sf_conflict_format_when (const SfConflict *conflict)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (conflict != NULL, NULL);

  if (conflict->when == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (conflict->when, NULL);
  if (utc == NULL)
    return g_strdup (conflict->when);
  local = g_date_time_to_local (utc);
  /* TRANSLATORS: when someone else changed a row, as g_date_time_format()
   * writes it; Danish: "%d.%m.%Y kl. %H.%M" */
  return g_date_time_format (local, C_("conflict time", "%-d %b %Y at %H:%M"));
}

static void
set_conflict_error (GError     **error,
                    const char  *table,
                    gint64       id,
                    gint64       expected,
                    SfDbStmt    *row)
{
  GError *conflict_error;
  SfConflict *conflict;
  g_autofree char *subject = NULL;
  g_autofree char *when = NULL;

  if (row == NULL)
    {
      subject = describe_row (table, NULL);
      conflict_error = g_error_new (SF_CONFLICT_ERROR, SF_CONFLICT_ERROR_REMOVED,
                                    /* TRANSLATORS: %s is "this caseworker" or the like */
                                    _("Someone else removed %s after you had read it. Nothing was saved."),
                                    subject);
    }
  else
    {
      GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      const char *who;
      SfConflict details = { 0 };

      for (int i = 0; i < sf_db_stmt_column_count (row); i++)
        g_hash_table_insert (values, g_strdup (sf_db_stmt_column_name (row, i)),
                             sf_db_stmt_column_is_null (row, i) ? NULL
                             : sf_db_stmt_dup_text (row, i));
      /* A row never updated since it was made has no change time on a
       * file (no insert trigger): an acknowledgement says when it was made */
      if (value_of (values, "changed_at") == NULL && value_of (values, "at") != NULL &&
          g_str_equal (table, "alert_ack"))
        g_hash_table_insert (values, g_strdup ("changed_at"), g_strdup (value_of (values, "at")));
      details.when = (char *) value_of (values, "changed_at");
      who = value_of (values, "changed_by");
      when = sf_conflict_format_when (&details);
      subject = describe_row (table, values);
      if (who != NULL)
        conflict_error = g_error_new (SF_CONFLICT_ERROR, SF_CONFLICT_ERROR_CHANGED,
                                      /* TRANSLATORS: who (a login) changed "the caseworker
                                       * Trine Larsen" (or the like) at a date and time */
                                      _("%s changed %s (%s) after you had read it. Nothing was saved: "
                                        "look at their change, and make yours again if it still applies."),
                                      who, subject, when != NULL ? when : "?");
      else
        conflict_error = g_error_new (SF_CONFLICT_ERROR, SF_CONFLICT_ERROR_CHANGED,
                                      /* TRANSLATORS: "the caseworker Trine Larsen" (or the
                                       * like) was changed at a date and time */
                                      _("Another window or program changed %s (%s) after you had read it. "
                                        "Nothing was saved: look at the change, and make yours again if it "
                                        "still applies."),
                                      subject, when != NULL ? when : "?");
      conflict = sf_conflict_error_get_private (conflict_error);
      conflict->values = values;
      conflict->who = g_strdup (who);
      conflict->when = g_strdup (value_of (values, "changed_at"));
      conflict->version = g_ascii_strtoll (value_of (values, "version") != NULL
                                           ? value_of (values, "version") : "0", NULL, 10);
    }
  conflict = sf_conflict_error_get_private (conflict_error);
  conflict->table = g_strdup (table);
  conflict->id = id;
  conflict->expected = expected;
  g_propagate_error (error, conflict_error);
}

void
sf_conflict_set_setting_error (GError     **error,
                               const char  *key,
                               const char  *label,
                               const char  *theirs)
{
  GError *conflict_error;
  SfConflict *conflict;

  g_return_if_fail (key != NULL && label != NULL);

  conflict_error = g_error_new (SF_CONFLICT_ERROR, SF_CONFLICT_ERROR_CHANGED,
                                /* TRANSLATORS: %s is a setting's name as the Preferences show it */
                                _("Someone else changed the setting “%s” after you had read it. Nothing "
                                  "was saved: look at their value, and set yours again if it still applies."),
                                label);
  conflict = sf_conflict_error_get_private (conflict_error);
  conflict->table = g_strdup ("setting");
  conflict->version = 1;
  conflict->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (conflict->values, g_strdup (key), g_strdup (theirs));
  g_propagate_error (error, conflict_error);
}

gboolean
sf_conflict_is_versioned (const char *table)
{
  return table != NULL && g_strv_contains (versioned, table);
}

const SfConflict *
sf_conflict_get (const GError *error)
{
  if (error == NULL || error->domain != SF_CONFLICT_ERROR)
    return NULL;
  return sf_conflict_error_get_private (error);
}

/* Fails with the conflict of row @id of @table as it is now (or gone) */
static gboolean
refuse (SfStore     *store,
        const char  *table,
        gint64       id,
        gint64       expected,
        GError     **error)
{
  g_autofree char *read = g_strdup_printf ("SELECT * FROM %s WHERE id = ?1", table);
  g_autoptr(SfDbStmt) row = sf_store_prepare (store, read, error);
  SfDbStep step;

  if (row == NULL)
    return FALSE;
  sf_db_stmt_bind_int64 (row, 1, id);
  step = sf_db_stmt_step (row);
  if (step == SF_DB_STEP_ERROR)
    {
      sf_store_set_db_error (store, error);
      return FALSE;
    }
  set_conflict_error (error, table, id, expected, step == SF_DB_ROW ? row : NULL);
  return FALSE;
}

gboolean
sf_conflict_refuse_added (SfStore     *store,
                          const char  *table,
                          gint64       id,
                          GError     **error)
{
  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_strv_contains (versioned, table), FALSE);

  return refuse (store, table, id, 0, error);
}

gboolean
sf_conflict_claim (SfStore     *store,
                   const char  *table,
                   gint64       id,
                   gint64       version,
                   GError     **error)
{
  g_autofree char *claim = NULL;
  g_autoptr(SfDbStmt) stmt = NULL;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_strv_contains (versioned, table), FALSE);

  if (id <= 0 || version <= 0)
    return TRUE;

  /* Setting the version to itself is an update: the trigger raises it */
  claim = g_strdup_printf ("UPDATE %s SET version = version WHERE id = ?1 AND version = ?2", table);
  stmt = sf_store_prepare (store, claim, error);
  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_int64 (stmt, 1, id);
  sf_db_stmt_bind_int64 (stmt, 2, version);
  if (!sf_store_step_done (store, stmt, error))
    return FALSE;
  if (sf_db_changes (sf_store_get_db (store)) > 0)
    return TRUE;
  return refuse (store, table, id, version, error);
}
