#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sf-db-bind.h"
#include "sf-checklist.h"
#include "sf-conflict.h"
#include "sf-core-resources.h"
#include "sf-error.h"
#include "sf-privacy.h"
#include "sf-roster-edit.h"
#include "sf-text.h"

#define TEMPLATES_RESOURCE "/io/github/sagsfordeling/Sagsfordeling/core/checklists.json"

const char *
sf_checklist_text (const char *text,
                   gboolean    shipped)
{
  if (text == NULL || *text == '\0' || !shipped)
    return text;
  return g_dgettext (GETTEXT_PACKAGE, text);
}

static void
template_item_free (SfChecklistTemplateItem *item)
{
  if (item == NULL)
    return;
  g_free (item->key);
  g_free (item->section);
  g_free (item->section_detail);
  g_free (item->text);
  g_free (item->detail);
  g_free (item);
}

void
sf_checklist_template_free (SfChecklistTemplate *template_)
{
  if (template_ == NULL)
    return;
  g_free (template_->key);
  g_free (template_->title);
  g_free (template_->description);
  g_free (template_->source);
  g_clear_pointer (&template_->items, g_ptr_array_unref);
  g_free (template_);
}

static SfChecklistTemplate *
template_new (void)
{
  SfChecklistTemplate *template_ = g_new0 (SfChecklistTemplate, 1);

  template_->items = g_ptr_array_new_with_free_func ((GDestroyNotify) template_item_free);
  return template_;
}

static void
item_free (SfChecklistItem *item)
{
  if (item == NULL)
    return;
  g_free (item->key);
  g_free (item->section);
  g_free (item->section_detail);
  g_free (item->text);
  g_free (item->detail);
  g_free (item->checked_by);
  g_free (item->note);
  g_free (item);
}

void
sf_checklist_free (SfChecklist *checklist)
{
  if (checklist == NULL)
    return;
  g_free (checklist->team_name);
  g_free (checklist->template_key);
  g_free (checklist->title);
  g_free (checklist->description);
  g_free (checklist->source);
  g_clear_pointer (&checklist->items, g_ptr_array_unref);
  g_free (checklist);
}

void
sf_checklist_event_free (SfChecklistEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->action);
  g_free (event->initials);
  g_free (event->note);
  g_free (event->at);
  g_free (event->who);
  g_free (event);
}

/* A string member that must be there and not be empty, or NULL. */
static const char *
get_text (JsonObject *object,
          const char *member)
{
  const char *text = json_object_get_string_member_with_default (object, member, NULL);

  return text != NULL && *text != '\0' ? text : NULL;
}

static gboolean
invalid (GError    **error,
         const char *what,
         const char *where)
{
  g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
               "checklist templates: %s (%s)", what, where ? where : "?");
  return FALSE;
}

static gboolean
load_template (JsonObject           *object,
               SfChecklistTemplate  *template_,
               GError              **error)
{
  JsonArray *sections;
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  template_->key = g_strdup (get_text (object, "key"));
  template_->title = g_strdup (get_text (object, "title"));
  template_->description = g_strdup (get_text (object, "description"));
  template_->source = g_strdup (get_text (object, "source"));
  if (template_->key == NULL || template_->title == NULL)
    return invalid (error, "a template needs a key and a title", template_->key);

  sections = json_object_has_member (object, "sections") ? json_object_get_array_member (object, "sections") : NULL;
  if (sections == NULL || json_array_get_length (sections) == 0)
    return invalid (error, "a template needs sections", template_->key);

  for (guint s = 0; s < json_array_get_length (sections); s++)
    {
      JsonObject *section = json_array_get_object_element (sections, s);
      JsonArray *items;

      if (section == NULL || !json_object_has_member (section, "items") ||
          (items = json_object_get_array_member (section, "items")) == NULL ||
          json_array_get_length (items) == 0)
        return invalid (error, "a section needs items", template_->key);

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *object_item = json_array_get_object_element (items, i);
          SfChecklistTemplateItem *item;
          gint64 months;

          if (object_item == NULL || get_text (object_item, "key") == NULL ||
              get_text (object_item, "text") == NULL)
            return invalid (error, "an item needs a key and a text", template_->key);
          if (g_hash_table_contains (keys, get_text (object_item, "key")))
            return invalid (error, "two items have the same key", get_text (object_item, "key"));
          months = json_object_get_int_member_with_default (object_item, "review_months", 0);
          if (months < 0 || months > SF_CHECKLIST_MAX_REVIEW_MONTHS)
            return invalid (error, "review_months must be 0–120", get_text (object_item, "key"));

          item = g_new0 (SfChecklistTemplateItem, 1);
          item->key = g_strdup (get_text (object_item, "key"));
          item->section = g_strdup (get_text (section, "title"));
          item->section_detail = g_strdup (get_text (section, "description"));
          item->text = g_strdup (get_text (object_item, "text"));
          item->detail = g_strdup (get_text (object_item, "detail"));
          item->shipped = TRUE;
          item->review_months = (guint) months;
          g_ptr_array_add (template_->items, item);
          g_hash_table_add (keys, item->key);
        }
    }
  return TRUE;
}

GPtrArray *
sf_checklist_templates_load_bytes (GBytes  *bytes,
                                   GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_checklist_template_free);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *array;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      invalid (error, "not in the expected form", NULL);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  array = json_object_has_member (root, "templates") ? json_object_get_array_member (root, "templates") : NULL;
  if (array == NULL)
    {
      invalid (error, "no templates", NULL);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      SfChecklistTemplate *template_;

      if (object == NULL)
        {
          invalid (error, "a template is not an object", NULL);
          return NULL;
        }
      template_ = template_new ();
      g_ptr_array_add (templates, template_);
      if (!load_template (object, template_, error))
        return NULL;
      if (g_hash_table_contains (keys, template_->key))
        {
          invalid (error, "two templates have the same key", template_->key);
          return NULL;
        }
      g_hash_table_add (keys, template_->key);
    }
  return g_steal_pointer (&templates);
}

GPtrArray *
sf_checklist_templates_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (sf_core_get_resource (), TEMPLATES_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return sf_checklist_templates_load_bytes (bytes, error);
}

static int
compare_templates_by_title (gconstpointer a,
                            gconstpointer b)
{
  const SfChecklistTemplate *x = *(const SfChecklistTemplate * const *) a;
  const SfChecklistTemplate *y = *(const SfChecklistTemplate * const *) b;

  return g_utf8_collate (x->title, y->title);
}

GPtrArray *
sf_checklist_templates_load_all (SfStore  *store,
                                 GError  **error)
{
  g_autoptr(GPtrArray) templates = sf_checklist_templates_load_default (error);
  g_autoptr(GPtrArray) custom = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  SfDbStmt *stmt;
  int rc;

  if (templates == NULL)
    return NULL;

  custom = g_ptr_array_new ();
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  stmt = sf_store_prepare (store, "SELECT id, key, title, description FROM checklist_template", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      SfChecklistTemplate *template_ = template_new ();
      gint64 *id = g_new (gint64, 1);

      *id = sf_db_stmt_column_int64 (stmt, 0);
      template_->key = sf_db_stmt_dup_text (stmt, 1);
      template_->title = sf_db_stmt_dup_text (stmt, 2);
      template_->description = sf_db_stmt_dup_text (stmt, 3);
      template_->custom = TRUE;
      g_ptr_array_add (custom, template_);
      g_hash_table_insert (by_id, id, template_);
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    goto failed;

  stmt = sf_store_prepare (store,
                           "SELECT template_id, key, section, section_detail, text, detail, shipped, review_months"
                           " FROM checklist_template_item ORDER BY template_id, position, id",
                           error);
  if (stmt == NULL)
    goto failed_no_error;
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      gint64 id = sf_db_stmt_column_int64 (stmt, 0);
      SfChecklistTemplate *template_ = g_hash_table_lookup (by_id, &id);
      SfChecklistTemplateItem *item;

      if (template_ == NULL)
        continue;
      item = g_new0 (SfChecklistTemplateItem, 1);
      item->key = sf_db_stmt_dup_text (stmt, 1);
      item->section = sf_db_stmt_dup_text (stmt, 2);
      item->section_detail = sf_db_stmt_dup_text (stmt, 3);
      item->text = sf_db_stmt_dup_text (stmt, 4);
      item->detail = sf_db_stmt_dup_text (stmt, 5);
      item->shipped = sf_db_stmt_column_int64 (stmt, 6) != 0;
      item->review_months = (guint) sf_db_stmt_column_int64 (stmt, 7);
      g_ptr_array_add (template_->items, item);
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    goto failed;

  g_ptr_array_sort (custom, compare_templates_by_title);
  for (guint i = 0; i < custom->len; i++)
    g_ptr_array_add (templates, g_ptr_array_index (custom, i));
  g_ptr_array_set_size (custom, 0);
  return g_steal_pointer (&templates);

failed:
  sf_store_set_db_error (store, error);
failed_no_error:
  for (guint i = 0; i < custom->len; i++)
    sf_checklist_template_free (g_ptr_array_index (custom, i));
  return NULL;
}

const SfChecklistTemplate *
sf_checklist_templates_find (GPtrArray  *templates,
                             const char *key)
{
  for (guint i = 0; i < templates->len; i++)
    {
      const SfChecklistTemplate *template_ = g_ptr_array_index (templates, i);

      if (g_strcmp0 (template_->key, key) == 0)
        return template_;
    }
  return NULL;
}

SfDay
sf_checklist_next_review (SfDay checked_on,
                          guint review_months)
{
  if (checked_on == SF_DAY_NONE || review_months == 0)
    return SF_DAY_NONE;
  return sf_day_add_months (checked_on, review_months);
}

gboolean
sf_checklist_item_is_due (const SfChecklistItem *item,
                          SfDay                  ref)
{
  SfDay next = sf_checklist_next_review (item->checked_on, item->review_months);

  return next != SF_DAY_NONE && next <= ref;
}

static void
update_states (SfChecklist *checklist,
               SfDay        ref)
{
  checklist->n_checked = 0;
  checklist->n_due = 0;
  for (guint i = 0; i < checklist->items->len; i++)
    {
      SfChecklistItem *item = g_ptr_array_index (checklist->items, i);

      item->next_review = sf_checklist_next_review (item->checked_on, item->review_months);
      item->due = sf_checklist_item_is_due (item, ref);
      if (item->checked_on != SF_DAY_NONE)
        checklist->n_checked++;
      if (item->due)
        checklist->n_due++;
    }
}

GPtrArray *
sf_checklists_load (SfStore  *store,
                    gint64    team_id,
                    SfDay     ref,
                    GError  **error)
{
  g_autoptr(GPtrArray) checklists = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_checklist_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  SfDbStmt *stmt;
  int rc;

  if (!sf_store_exec (store, "BEGIN", error))
    return NULL;

  stmt = sf_store_prepare (store,
                           "SELECT c.id, c.team_id, t.name, c.template_key, c.title, c.description, c.source,"
                           " c.shipped, c.created"
                           " FROM checklist c JOIN team t ON t.id = c.team_id"
                           " WHERE c.removed = 0 AND (?1 = 0 OR c.team_id = ?1)"
                           " ORDER BY t.name, c.id",
                           error);
  if (stmt == NULL)
    goto out;
  sf_db_stmt_bind_int64 (stmt, 1, team_id);
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      SfChecklist *checklist = g_new0 (SfChecklist, 1);

      checklist->id = sf_db_stmt_column_int64 (stmt, 0);
      checklist->team_id = sf_db_stmt_column_int64 (stmt, 1);
      checklist->team_name = sf_db_stmt_dup_text (stmt, 2);
      checklist->template_key = sf_db_stmt_dup_text (stmt, 3);
      checklist->title = sf_db_stmt_dup_text (stmt, 4);
      checklist->description = sf_db_stmt_dup_text (stmt, 5);
      checklist->source = sf_db_stmt_dup_text (stmt, 6);
      checklist->shipped = sf_db_stmt_column_int64 (stmt, 7) != 0;
      checklist->created = sf_db_stmt_column_day (stmt, 8);
      checklist->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
      g_ptr_array_add (checklists, checklist);
      g_hash_table_insert (by_id, &checklist->id, checklist);
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      goto out;
    }

  stmt = sf_store_prepare (store,
                           "SELECT i.id, i.checklist_id, i.key, i.section, i.section_detail, i.text, i.detail,"
                           " i.shipped, i.review_months, i.checked_on, i.checked_by, i.note, i.version"
                           " FROM checklist_item i JOIN checklist c ON c.id = i.checklist_id"
                           " WHERE i.removed = 0 AND c.removed = 0 AND (?1 = 0 OR c.team_id = ?1)"
                           " ORDER BY i.checklist_id, i.position, i.id",
                           error);
  if (stmt == NULL)
    goto out;
  sf_db_stmt_bind_int64 (stmt, 1, team_id);
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      gint64 checklist_id = sf_db_stmt_column_int64 (stmt, 1);
      SfChecklist *checklist = g_hash_table_lookup (by_id, &checklist_id);
      SfChecklistItem *item;

      if (checklist == NULL)
        continue;
      item = g_new0 (SfChecklistItem, 1);
      item->id = sf_db_stmt_column_int64 (stmt, 0);
      item->checklist_id = checklist_id;
      item->key = sf_db_stmt_dup_text (stmt, 2);
      item->section = sf_db_stmt_dup_text (stmt, 3);
      item->section_detail = sf_db_stmt_dup_text (stmt, 4);
      item->text = sf_db_stmt_dup_text (stmt, 5);
      item->detail = sf_db_stmt_dup_text (stmt, 6);
      item->shipped = sf_db_stmt_column_int64 (stmt, 7) != 0;
      item->review_months = (guint) sf_db_stmt_column_int64 (stmt, 8);
      item->checked_on = sf_db_stmt_column_day (stmt, 9);
      item->checked_by = sf_db_stmt_dup_text (stmt, 10);
      item->note = sf_db_stmt_dup_text (stmt, 11);
      item->version = sf_db_stmt_column_int64 (stmt, 12);
      g_ptr_array_add (checklist->items, item);
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      goto out;
    }

  sf_store_exec (store, "COMMIT", NULL);
  for (guint i = 0; i < checklists->len; i++)
    update_states (g_ptr_array_index (checklists, i), ref);
  return g_steal_pointer (&checklists);

out:
  sf_store_exec (store, "COMMIT", NULL);
  return NULL;
}

const SfChecklistItem *
sf_checklist_find_item (const SfChecklist *checklist,
                        gint64             item_id)
{
  for (guint i = 0; i < checklist->items->len; i++)
    {
      const SfChecklistItem *item = g_ptr_array_index (checklist->items, i);

      if (item->id == item_id)
        return item;
    }
  return NULL;
}

const SfChecklistItem *
sf_checklists_find_item (GPtrArray          *checklists,
                         const char         *reference,
                         const SfChecklist **out_checklist)
{
  g_autofree char *template_key = NULL;
  const char *item_key = NULL;
  const char *slash;
  guint64 id = 0;

  if (reference == NULL || *reference == '\0')
    return NULL;
  slash = strchr (reference, '/');
  if (slash != NULL)
    {
      template_key = g_strndup (reference, slash - reference);
      item_key = slash + 1;
    }
  else if (!g_ascii_string_to_unsigned (reference, 10, 1, G_MAXINT64, &id, NULL))
    return NULL;

  for (guint c = 0; c < checklists->len; c++)
    {
      const SfChecklist *checklist = g_ptr_array_index (checklists, c);

      if (template_key != NULL && g_strcmp0 (checklist->template_key, template_key) != 0)
        continue;
      for (guint i = 0; i < checklist->items->len; i++)
        {
          const SfChecklistItem *item = g_ptr_array_index (checklist->items, i);

          if (template_key != NULL ? g_strcmp0 (item->key, item_key) == 0 : (guint64) item->id == id)
            {
              if (out_checklist != NULL)
                *out_checklist = checklist;
              return item;
            }
        }
    }
  return NULL;
}


gint64
sf_checklist_create (SfStore     *store,
                     gint64       team_id,
                     const char  *template_key,
                     GError     **error)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *team = NULL;
  g_autofree char *today = sf_day_to_iso (sf_day_today ());
  const SfChecklistTemplate *template_;
  SfDbStmt *stmt = NULL;
  gint64 id = 0;
  gboolean ok;

  templates = sf_checklist_templates_load_all (store, error);
  if (templates == NULL)
    return 0;
  template_ = sf_checklist_templates_find (templates, template_key);
  if (template_ == NULL)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_NOT_FOUND,
                   _("There is no checklist template “%s”."), template_key);
      return 0;
    }
  team = sf_store_query_text (store, "SELECT name FROM team WHERE id = ?1", team_id);
  if (team == NULL)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND, _("There is no such team."));
      return 0;
    }

  if (!sf_store_begin (store, error))
    return 0;
  stmt = sf_store_prepare (store,
                           "SELECT 1 FROM checklist WHERE team_id = ?1 AND template_key = ?2 AND removed = 0",
                           error);
  ok = stmt != NULL;
  if (ok)
    {
      sf_db_stmt_bind_int64 (stmt, 1, team_id);
      sf_db_stmt_bind_text_static (stmt, 2, template_->key);
      if (sf_db_stmt_step (stmt) == SF_DB_ROW)
        {
          g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                       _("%s already has the checklist “%s”: follow up on it instead of starting another."),
                       team, sf_checklist_text (template_->title, !template_->custom));
          ok = FALSE;
        }
      g_clear_pointer (&stmt, sf_db_stmt_free);
    }

  if (ok)
    {
      stmt = sf_store_prepare (store,
                               "INSERT INTO checklist (team_id, template_key, title, description, source, shipped, created)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                               error);
      if (stmt != NULL)
        {
          sf_db_stmt_bind_int64 (stmt, 1, team_id);
          sf_db_stmt_bind_text_static (stmt, 2, template_->key);
          sf_db_stmt_bind_text_static (stmt, 3, template_->title);
          sf_store_bind_text_or_null (stmt, 4, template_->description);
          sf_store_bind_text_or_null (stmt, 5, template_->source);
          sf_db_stmt_bind_int64 (stmt, 6, !template_->custom);
          sf_db_stmt_bind_text_static (stmt, 7, today);
        }
      ok = sf_store_run_returning (store, g_steal_pointer (&stmt), &id, error) && id != 0;
    }

  if (ok)
    {
      stmt = sf_store_prepare (store,
                               "INSERT INTO checklist_item (checklist_id, position, key, section, section_detail,"
                               " text, detail, shipped, review_months) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                               error);
      ok = stmt != NULL;
    }
  for (guint i = 0; ok && i < template_->items->len; i++)
    {
      const SfChecklistTemplateItem *item = g_ptr_array_index (template_->items, i);

      sf_db_stmt_bind_int64 (stmt, 1, id);
      sf_db_stmt_bind_int64 (stmt, 2, (int) i + 1);
      sf_store_bind_text_or_null (stmt, 3, item->key);
      sf_store_bind_text_or_null (stmt, 4, item->section);
      sf_store_bind_text_or_null (stmt, 5, item->section_detail);
      sf_db_stmt_bind_text_static (stmt, 6, item->text);
      sf_store_bind_text_or_null (stmt, 7, item->detail);
      sf_db_stmt_bind_int64 (stmt, 8, item->shipped);
      sf_db_stmt_bind_int64 (stmt, 9, (int) item->review_months);
      ok = sf_store_step_done (store, stmt, error);
    }
  g_clear_pointer (&stmt, sf_db_stmt_free);

  ok = ok && sf_store_audit (store, "checklist-new", team, template_->key, error);
  if (!sf_store_finish (store, ok, error))
    return 0;
  return id;
}

/* Runs @sql (?1 = @id, ?2 = @value) in a transaction with an audit entry;
 * fails with @missing when no row matched. */
static gboolean
update_one (SfStore     *store,
            const char  *sql,
            gint64       id,
            int          value,
            const char  *action,
            const char  *subject,
            const char  *detail,
            const char  *missing,
            GError     **error)
{
  SfDbStmt *stmt;
  gboolean ok;

  if (!sf_store_begin (store, error))
    return FALSE;
  stmt = sf_store_prepare (store, sql, error);
  if (stmt != NULL)
    {
      sf_db_stmt_bind_int64 (stmt, 1, id);
      sf_db_stmt_bind_int64 (stmt, 2, value);
    }
  ok = sf_store_run (store, stmt, error);
  if (ok && sf_db_changes (sf_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND, missing);
      ok = FALSE;
    }
  ok = ok && sf_store_audit (store, action, subject, detail, error);
  return sf_store_finish (store, ok, error);
}

gboolean
sf_checklist_set_removed (SfStore  *store,
                          gint64    checklist_id,
                          gboolean  removed,
                          GError  **error)
{
  g_autofree char *team = sf_store_query_text (store,
                                      "SELECT t.name FROM checklist c JOIN team t ON t.id = c.team_id WHERE c.id = ?1",
                                      checklist_id);
  g_autofree char *detail = g_strdup_printf ("checklist %" G_GINT64_FORMAT, checklist_id);

  /* Restoring fails on the unique index if the team has since started the
   * same checklist again. */
  return update_one (store, "UPDATE checklist SET removed = ?2 WHERE id = ?1", checklist_id, removed != FALSE,
                     removed ? "checklist-remove" : "checklist-restore", team, detail,
                     _("There is no such checklist."), error);
}

/* The item's team, for the audit log; NULL, with an error, when there is
 * no such item. */
static char *
item_team (SfStore  *store,
           gint64    item_id,
           gboolean  include_removed,
           GError  **error)
{
  char *team = sf_store_query_text (store,
                     include_removed
                       ? "SELECT t.name FROM checklist_item i JOIN checklist c ON c.id = i.checklist_id"
                         " JOIN team t ON t.id = c.team_id WHERE i.id = ?1"
                       : "SELECT t.name FROM checklist_item i JOIN checklist c ON c.id = i.checklist_id"
                         " JOIN team t ON t.id = c.team_id WHERE i.id = ?1 AND i.removed = 0 AND c.removed = 0",
                     item_id);

  if (team == NULL)
    g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND, _("There is no such checklist item."));
  return team;
}

/* The team of a checklist that is not removed, for the audit log; NULL,
 * with an error, when there is no such checklist. */
static char *
checklist_team (SfStore  *store,
                gint64    checklist_id,
                GError  **error)
{
  char *team = sf_store_query_text (store,
                     "SELECT t.name FROM checklist c JOIN team t ON t.id = c.team_id WHERE c.id = ?1 AND c.removed = 0",
                     checklist_id);

  if (team == NULL)
    g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND, _("There is no such checklist."));
  return team;
}

/* A follow-up interval in months: 0 (none) to SF_CHECKLIST_MAX_REVIEW_MONTHS */
static gboolean
check_review_months (gint64   review_months,
                     GError **error)
{
  if (review_months > SF_CHECKLIST_MAX_REVIEW_MONTHS)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("Follow up at least every %d months, or not at all (0)."), SF_CHECKLIST_MAX_REVIEW_MONTHS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_free_text (const char  *text,
                 GError     **error)
{
  if (text != NULL && sf_privacy_looks_like_cpr (text))
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_PRIVACY,
                           _("The text contains what looks like a CPR number. Leave out personal "
                             "numbers: refer to cases by their case number."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
record_event (SfStore     *store,
              gint64       item_id,
              const char  *action,
              const char  *day,
              const char  *initials,
              const char  *note,
              GError     **error)
{
  SfDbStmt *stmt;

  stmt = sf_store_prepare (store,
                           "INSERT INTO checklist_event (item_id, action, day, initials, note, at, who)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_int64 (stmt, 1, item_id);
  sf_db_stmt_bind_text_static (stmt, 2, action);
  sf_db_stmt_bind_text_static (stmt, 3, day);
  sf_store_bind_text_or_null (stmt, 4, initials);
  sf_store_bind_text_or_null (stmt, 5, note);
  sf_store_bind_stamp (stmt, 6, 7);
  return sf_store_run (store, stmt, error);
}

gboolean
sf_checklist_check (SfStore     *store,
                    gint64       item_id,
                    SfDay        day,
                    const char  *initials,
                    const char  *note,
                    GError     **error)
{
  return sf_checklist_check_versioned (store, item_id, 0, day, initials, note, error);
}

gboolean
sf_checklist_check_versioned (SfStore     *store,
                              gint64       item_id,
                              gint64       version,
                              SfDay        day,
                              const char  *initials,
                              const char  *note,
                              GError     **error)
{
  return sf_checklist_follow_up_versioned (store, item_id, version, day, initials, note, -1, error);
}

gboolean
sf_checklist_follow_up_versioned (SfStore     *store,
                                  gint64       item_id,
                                  gint64       version,
                                  SfDay        day,
                                  const char  *initials,
                                  const char  *note,
                                  int          review_months,
                                  GError     **error)
{
  g_autofree char *who = g_strstrip (g_strdup (initials ? initials : ""));
  g_autofree char *text = g_strstrip (g_strdup (note ? note : ""));
  g_autofree char *iso = NULL;
  g_autofree char *team = NULL;
  g_autofree char *detail = NULL;
  SfDbStmt *stmt;
  gint64 months_before = -1;
  gboolean ok;

  if (day == SF_DAY_NONE)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT, _("Give the date the item was checked."));
      return FALSE;
    }
  if (day > sf_day_today ())
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("The date is in the future: check an item on the day it was done."));
      return FALSE;
    }
  if (*who == '\0')
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("Write the initials of whoever checked the item."));
      return FALSE;
    }
  if (g_utf8_strlen (who, -1) > SF_ROSTER_MAX_INITIALS)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("“%s” is too long for initials (at most %d characters)."), who, SF_ROSTER_MAX_INITIALS);
      return FALSE;
    }
  if (!check_review_months (review_months, error) || !check_free_text (text, error))
    return FALSE;

  team = item_team (store, item_id, FALSE, error);
  if (team == NULL)
    return FALSE;

  iso = sf_day_to_iso (day);
  if (!sf_store_begin (store, error))
    return FALSE;
  /* One claim for the check and the interval: the form's one write */
  ok = sf_conflict_claim (store, "checklist_item", item_id, version, error);
  if (ok && review_months >= 0)
    months_before = sf_store_query_int (store, "SELECT review_months FROM checklist_item WHERE id = ?1", item_id);
  stmt = ok ? sf_store_prepare (store,
                                "UPDATE checklist_item SET checked_on = ?2, checked_by = ?3, note = ?4,"
                                " review_months = CASE WHEN ?5 < 0 THEN review_months ELSE ?5 END WHERE id = ?1",
                                error) : NULL;
  if (stmt != NULL)
    {
      sf_db_stmt_bind_int64 (stmt, 1, item_id);
      sf_db_stmt_bind_text_static (stmt, 2, iso);
      sf_db_stmt_bind_text_static (stmt, 3, who);
      sf_store_bind_text_or_null (stmt, 4, text);
      sf_db_stmt_bind_int64 (stmt, 5, review_months);
    }
  ok = sf_store_run (store, stmt, error);
  ok = ok && record_event (store, item_id, "check", iso, who, text, error);
  detail = g_strdup_printf ("item %" G_GINT64_FORMAT " on %s by %s", item_id, iso, who);
  ok = ok && sf_store_audit (store, "checklist-check", team, detail, error);
  if (ok && review_months >= 0 && months_before != review_months)
    {
      g_autofree char *review = g_strdup_printf ("item %" G_GINT64_FORMAT ": every %d months", item_id,
                                                 review_months);

      ok = sf_store_audit (store, "checklist-review", team, review, error);
    }
  return sf_store_finish (store, ok, error);
}

gboolean
sf_checklist_uncheck (SfStore  *store,
                      gint64    item_id,
                      GError  **error)
{
  return sf_checklist_uncheck_versioned (store, item_id, 0, error);
}

gboolean
sf_checklist_uncheck_versioned (SfStore  *store,
                                gint64    item_id,
                                gint64    version,
                                GError  **error)
{
  g_autofree char *team = item_team (store, item_id, FALSE, error);
  g_autofree char *checked = NULL;
  g_autofree char *today = sf_day_to_iso (sf_day_today ());
  g_autofree char *detail = NULL;
  SfDbStmt *stmt;
  gboolean ok;

  if (team == NULL)
    return FALSE;
  if (!sf_store_begin (store, error))
    return FALSE;
  /* Claimed first: an item someone else unchecked (or checked again)
   * since it was read is their change, not "not checked" */
  ok = sf_conflict_claim (store, "checklist_item", item_id, version, error);
  if (ok)
    {
      checked = sf_store_query_text (store, "SELECT checked_on FROM checklist_item WHERE id = ?1", item_id);
      if (checked == NULL)
        {
          g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT, _("The item is not checked."));
          ok = FALSE;
        }
    }
  stmt = ok ? sf_store_prepare (store,
                                "UPDATE checklist_item SET checked_on = NULL, checked_by = NULL, note = NULL WHERE id = ?1",
                                error) : NULL;
  if (stmt != NULL)
    sf_db_stmt_bind_int64 (stmt, 1, item_id);
  ok = sf_store_run (store, stmt, error);
  ok = ok && record_event (store, item_id, "uncheck", today, NULL, NULL, error);
  detail = g_strdup_printf ("item %" G_GINT64_FORMAT " (checked on %s)", item_id, checked);
  ok = ok && sf_store_audit (store, "checklist-uncheck", team, detail, error);
  return sf_store_finish (store, ok, error);
}

gboolean
sf_checklist_set_review (SfStore  *store,
                         gint64    item_id,
                         guint     review_months,
                         GError  **error)
{
  g_autofree char *team = NULL;
  g_autofree char *detail = NULL;

  if (!check_review_months (review_months, error))
    return FALSE;
  team = item_team (store, item_id, FALSE, NULL);
  detail = g_strdup_printf ("item %" G_GINT64_FORMAT ": every %u months", item_id, review_months);
  return update_one (store, "UPDATE checklist_item SET review_months = ?2 WHERE id = ?1 AND removed = 0",
                     item_id, (int) review_months, "checklist-review", team, detail,
                     _("There is no such checklist item."), error);
}

gint64
sf_checklist_add_item (SfStore     *store,
                       gint64       checklist_id,
                       const char  *text,
                       const char  *detail,
                       guint        review_months,
                       GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *clean_detail = g_strstrip (g_strdup (detail ? detail : ""));
  g_autofree char *team = NULL;
  g_autofree char *audit = NULL;
  SfDbStmt *stmt;
  gint64 id = 0;
  gboolean ok;

  if (*clean == '\0')
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT, _("Write what the item is about."));
      return 0;
    }
  if (!check_review_months (review_months, error) || !check_free_text (clean, error) ||
      !check_free_text (clean_detail, error))
    return 0;
  team = checklist_team (store, checklist_id, error);
  if (team == NULL)
    return 0;

  if (!sf_store_begin (store, error))
    return 0;
  stmt = sf_store_prepare (store,
                           "INSERT INTO checklist_item (checklist_id, position, text, detail, review_months)"
                           " VALUES (?1, (SELECT COALESCE (max (position), 0) + 1 FROM checklist_item"
                           " WHERE checklist_id = ?1), ?2, ?3, ?4) RETURNING id",
                           error);
  if (stmt != NULL)
    {
      sf_db_stmt_bind_int64 (stmt, 1, checklist_id);
      sf_db_stmt_bind_text_static (stmt, 2, clean);
      sf_store_bind_text_or_null (stmt, 3, clean_detail);
      sf_db_stmt_bind_int64 (stmt, 4, (int) review_months);
    }
  ok = sf_store_run_returning (store, stmt, &id, error) && id != 0;
  audit = g_strdup_printf ("checklist %" G_GINT64_FORMAT ": %s", checklist_id, clean);
  ok = ok && sf_store_audit (store, "checklist-add-item", team, audit, error);
  if (!sf_store_finish (store, ok, error))
    return 0;
  return id;
}

gboolean
sf_checklist_set_item_removed (SfStore  *store,
                               gint64    item_id,
                               gboolean  removed,
                               GError  **error)
{
  g_autofree char *team = item_team (store, item_id, TRUE, NULL);
  g_autofree char *detail = g_strdup_printf ("item %" G_GINT64_FORMAT, item_id);

  return update_one (store, "UPDATE checklist_item SET removed = ?2 WHERE id = ?1", item_id, removed != FALSE,
                     removed ? "checklist-remove-item" : "checklist-restore-item", team, detail,
                     _("There is no such checklist item."), error);
}

GPtrArray *
sf_checklist_item_history (SfStore  *store,
                           gint64    item_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_checklist_event_free);
  SfDbStmt *stmt;
  int rc;

  stmt = sf_store_prepare (store,
                           "SELECT day, action, initials, note, at, who FROM checklist_event"
                           " WHERE item_id = ?1 ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;
  sf_db_stmt_bind_int64 (stmt, 1, item_id);
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      SfChecklistEvent *event = g_new0 (SfChecklistEvent, 1);

      event->day = sf_db_stmt_column_day (stmt, 0);
      event->action = sf_db_stmt_dup_text (stmt, 1);
      event->initials = sf_db_stmt_dup_text (stmt, 2);
      event->note = sf_db_stmt_dup_text (stmt, 3);
      event->at = sf_db_stmt_dup_text (stmt, 4);
      event->who = sf_db_stmt_dup_text (stmt, 5);
      g_ptr_array_add (events, event);
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&events);
}

char *
sf_checklist_last_initials (SfStore *store)
{
  SfDbStmt *stmt = sf_store_prepare (store,
                                         "SELECT initials FROM checklist_event WHERE action = 'check'"
                                         " ORDER BY id DESC LIMIT 1",
                                         NULL);
  char *initials = NULL;

  if (stmt == NULL)
    return NULL;
  if (sf_db_stmt_step (stmt) == SF_DB_ROW)
    initials = sf_db_stmt_dup_text (stmt, 0);
  sf_db_stmt_free (stmt);
  return initials;
}

char *
sf_checklist_save_as_template (SfStore     *store,
                               gint64       checklist_id,
                               const char  *title,
                               GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (title ? title : ""));
  g_autofree char *base = NULL;
  g_autofree char *key = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *team = NULL;
  SfDbStmt *stmt;
  gint64 template_id = 0;
  gboolean ok;

  if (*clean == '\0')
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT, _("Give the template a title."));
      return NULL;
    }
  if (!check_free_text (clean, error))
    return NULL;
  team = checklist_team (store, checklist_id, error);
  if (team == NULL)
    return NULL;
  templates = sf_checklist_templates_load_all (store, error);
  if (templates == NULL)
    return NULL;
  folded = g_utf8_casefold (clean, -1);
  for (guint i = 0; i < templates->len; i++)
    {
      const SfChecklistTemplate *other = g_ptr_array_index (templates, i);
      g_autofree char *shown = g_utf8_casefold (sf_checklist_text (other->title, !other->custom), -1);
      g_autofree char *source = g_utf8_casefold (other->title, -1);

      if (g_str_equal (shown, folded) || g_str_equal (source, folded))
        {
          g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                       _("There is already a template called “%s”: choose another title."), clean);
          return NULL;
        }
    }

  base = sf_text_normalize_key (clean);
  key = g_strdup (*base != '\0' ? base : "skabelon");
  if (*base == '\0')
    {
      g_free (base);
      base = g_strdup (key);
    }
  for (guint n = 2; sf_checklist_templates_find (templates, key) != NULL; n++)
    {
      g_free (key);
      key = g_strdup_printf ("%s-%u", base, n);
    }

  if (!sf_store_begin (store, error))
    return NULL;
  stmt = sf_store_prepare (store, "INSERT INTO checklist_template (key, title, at, who) VALUES (?1, ?2, ?3, ?4)"
                                  " RETURNING id",
                           error);
  if (stmt != NULL)
    {
      sf_db_stmt_bind_text_static (stmt, 1, key);
      sf_db_stmt_bind_text_static (stmt, 2, clean);
      sf_store_bind_stamp (stmt, 3, 4);
    }
  ok = sf_store_run_returning (store, stmt, &template_id, error) && template_id != 0;
  if (ok)
    {
      /* Added items get a key of their own, so that scripts can name them
       * in checklists made from the template. */
      stmt = sf_store_prepare (store,
                               "INSERT INTO checklist_template_item (template_id, position, key, section,"
                               " section_detail, text, detail, shipped, review_months)"
                               " SELECT ?1, row_number () OVER (ORDER BY position, id),"
                               " COALESCE (key, 'punkt-' || id), section, section_detail, text, detail, shipped,"
                               " review_months FROM checklist_item WHERE checklist_id = ?2 AND removed = 0",
                               error);
      if (stmt != NULL)
        {
          sf_db_stmt_bind_int64 (stmt, 1, template_id);
          sf_db_stmt_bind_int64 (stmt, 2, checklist_id);
        }
      ok = sf_store_run (store, stmt, error);
    }
  ok = ok && sf_store_audit (store, "checklist-save-template", team, key, error);
  if (!sf_store_finish (store, ok, error))
    return NULL;
  return g_steal_pointer (&key);
}

gboolean
sf_checklist_template_delete (SfStore     *store,
                              const char  *key,
                              GError     **error)
{
  g_autoptr(GPtrArray) templates = sf_checklist_templates_load_all (store, error);
  const SfChecklistTemplate *template_;
  SfDbStmt *stmt;
  gboolean ok;

  if (templates == NULL)
    return FALSE;
  template_ = sf_checklist_templates_find (templates, key);
  if (template_ == NULL)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_NOT_FOUND, _("There is no checklist template “%s”."), key);
      return FALSE;
    }
  if (!template_->custom)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("The templates that come with the app cannot be deleted."));
      return FALSE;
    }

  if (!sf_store_begin (store, error))
    return FALSE;
  stmt = sf_store_prepare (store, "DELETE FROM checklist_template WHERE key = ?1", error);
  if (stmt != NULL)
    sf_db_stmt_bind_text_static (stmt, 1, key);
  ok = sf_store_run (store, stmt, error);
  ok = ok && sf_store_audit (store, "checklist-delete-template", NULL, key, error);
  return sf_store_finish (store, ok, error);
}

/* "5 of 18 items checked (28 %), 2 due for follow-up" */
char *
sf_checklist_progress_text (guint checked,
                            guint total,
                            guint due)
{
  g_autofree char *done = NULL;

  /* Translators: "5 of 18 items checked (28 %)" */
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u item checked (%u %%)",
                                       "%u of %u items checked (%u %%)", total),
                          checked, total, total ? (guint) (100.0 * checked / total + 0.5) : 0);
  if (due == 0)
    return g_steal_pointer (&done);
  /* Translators: the first %s is "5 of 18 items checked (28 %)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u due for follow-up", "%s, %u due for follow-up", due),
                          done, due);
}

GPtrArray *
sf_checklist_due_alerts (GPtrArray *checklists,
                         SfDay      ref)
{
  GPtrArray *alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_alert_free);
  g_autoptr(GString) where = g_string_new (NULL);
  SfAlert *alert = NULL;
  guint n_due = 0;
  SfDay since = SF_DAY_NONE;

  for (guint c = 0; c <= checklists->len; c++)
    {
      const SfChecklist *checklist = c < checklists->len ? g_ptr_array_index (checklists, c) : NULL;
      guint due_here = 0;

      /* Checklists come by team: finish a team's alert when the team changes. */
      if (alert != NULL && (checklist == NULL || checklist->team_id != alert->team_id))
        {
          g_autofree char *first = sf_day_format (since);

          alert->value = n_due;
          alert->excess = n_due;
          alert->since = since;
          alert->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%s has %u checklist item due for follow-up (%s).",
                                                         "%s has %u checklist items due for follow-up (%s).",
                                                         n_due),
                                            alert->team_name, n_due, where->str);
          alert->resolution = g_strdup_printf (_("Follow up on the items on the Goal Markers page and check them "
                                                 "again with the date and a note; the first was due on %s."),
                                               first);
          g_ptr_array_add (alerts, g_steal_pointer (&alert));
        }
      if (checklist == NULL)
        break;

      for (guint i = 0; i < checklist->items->len; i++)
        {
          const SfChecklistItem *item = g_ptr_array_index (checklist->items, i);
          SfDay next = sf_checklist_next_review (item->checked_on, item->review_months);

          if (!sf_checklist_item_is_due (item, ref))
            continue;
          due_here++;
          if (alert == NULL)
            {
              alert = g_new0 (SfAlert, 1);
              alert->kind = SF_ALERT_CHECKLIST_DUE;
              alert->severity = SF_SEVERITY_WARNING;
              alert->team_id = checklist->team_id;
              alert->subject = g_strdup (checklist->team_name);
              alert->team_name = g_strdup (checklist->team_name);
              g_string_truncate (where, 0);
              n_due = 0;
              since = SF_DAY_NONE;
            }
          if (since == SF_DAY_NONE || next < since)
            since = next;
        }
      if (due_here == 0)
        continue;
      n_due += due_here;
      g_string_append_printf (where, "%s%s: %u", where->len ? "; " : "",
                              sf_checklist_text (checklist->title, checklist->shipped), due_here);
    }
  return alerts;
}
