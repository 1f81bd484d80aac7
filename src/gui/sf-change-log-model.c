/* sf-change-log-model.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-change-log-model.h"

struct _SfChangeLogItem
{
  GObject       parent_instance;

  SfChangeLogEntry *entry;
  char         *time;
};

G_DEFINE_FINAL_TYPE (SfChangeLogItem, sf_change_log_item, G_TYPE_OBJECT)

static void
sf_change_log_item_finalize (GObject *object)
{
  SfChangeLogItem *self = SF_CHANGE_LOG_ITEM (object);

  g_clear_pointer (&self->entry, sf_change_log_entry_free);
  g_clear_pointer (&self->time, g_free);

  G_OBJECT_CLASS (sf_change_log_item_parent_class)->finalize (object);
}

static void
sf_change_log_item_class_init (SfChangeLogItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sf_change_log_item_finalize;
}

static void
sf_change_log_item_init (SfChangeLogItem *self)
{
}

/* Takes @entry. */
static SfChangeLogItem *
sf_change_log_item_new (SfChangeLogEntry *entry)
{
  SfChangeLogItem *self = g_object_new (SF_TYPE_CHANGE_LOG_ITEM, NULL);

  self->entry = entry;
  return self;
}

const SfChangeLogEntry *
sf_change_log_item_get_entry (SfChangeLogItem *self)
{
  g_return_val_if_fail (SF_IS_CHANGE_LOG_ITEM (self), NULL);

  return self->entry;
}

const char *
sf_change_log_item_get_time (SfChangeLogItem *self)
{
  g_return_val_if_fail (SF_IS_CHANGE_LOG_ITEM (self), NULL);

  if (self->time == NULL)
    self->time = sf_change_log_format_time (self->entry->at);
  return self->time;
}

/* ---- the model ------------------------------------------------------- */

struct _SfChangeLogModel
{
  GObject     parent_instance;

  SfStore    *store;
  char       *filter;
  guint       n_items;
  gint64      newest_id;        /* the first row's id as the list was last read; 0: none */
  GHashTable *pages;            /* page number → GPtrArray of SfChangeLogItem */
};

static void sf_change_log_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SfChangeLogModel, sf_change_log_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sf_change_log_model_list_model_init))

static GType
sf_change_log_model_get_item_type (GListModel *model)
{
  return SF_TYPE_CHANGE_LOG_ITEM;
}

static guint
sf_change_log_model_get_n_items (GListModel *model)
{
  return SF_CHANGE_LOG_MODEL (model)->n_items;
}

static GPtrArray *
load_page (SfChangeLogModel *self,
           guint         page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  entries = sf_change_log_load (self->store, self->filter, page * SF_CHANGE_LOG_MODEL_PAGE, SF_CHANGE_LOG_MODEL_PAGE, &error);
  if (entries == NULL)
    g_message ("Could not read the change log: %s", error->message);
  else
    {
      g_ptr_array_set_free_func (entries, NULL);
      for (guint i = 0; i < entries->len; i++)
        g_ptr_array_add (items, sf_change_log_item_new (g_ptr_array_index (entries, i)));
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  return items;
}

static gpointer
sf_change_log_model_get_item (GListModel *model,
                         guint       position)
{
  SfChangeLogModel *self = SF_CHANGE_LOG_MODEL (model);
  guint page = position / SF_CHANGE_LOG_MODEL_PAGE;
  guint index = position % SF_CHANGE_LOG_MODEL_PAGE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    items = load_page (self, page);
  /* The log may have shrunk under us (a restore): the view is told soon */
  if (index >= items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (items, index));
}

static void
sf_change_log_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sf_change_log_model_get_item_type;
  iface->get_n_items = sf_change_log_model_get_n_items;
  iface->get_item = sf_change_log_model_get_item;
}

static void
sf_change_log_model_finalize (GObject *object)
{
  SfChangeLogModel *self = SF_CHANGE_LOG_MODEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (sf_change_log_model_parent_class)->finalize (object);
}

static void
sf_change_log_model_class_init (SfChangeLogModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sf_change_log_model_finalize;
}

static void
sf_change_log_model_init (SfChangeLogModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

SfChangeLogModel *
sf_change_log_model_new (SfStore *store)
{
  SfChangeLogModel *self;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  self = g_object_new (SF_TYPE_CHANGE_LOG_MODEL, NULL);
  self->store = g_object_ref (store);
  sf_change_log_model_reload (self);
  return self;
}

/* The id of the newest row matching the filter; 0 when there is none */
static gint64
read_newest_id (SfChangeLogModel *self)
{
  g_autoptr(GPtrArray) first = sf_change_log_load (self->store, self->filter, 0, 1, NULL);

  return first != NULL && first->len > 0 ? ((SfChangeLogEntry *) g_ptr_array_index (first, 0))->id : 0;
}

void
sf_change_log_model_refresh (SfChangeLogModel *self)
{
  g_autoptr(GPtrArray) top = NULL;
  gint64 count;
  guint added;

  g_return_if_fail (SF_IS_CHANGE_LOG_MODEL (self));

  count = sf_change_log_count (self->store, self->filter, NULL);
  if (count < self->n_items || count - self->n_items > SF_CHANGE_LOG_MODEL_PAGE || self->newest_id == 0)
    {
      sf_change_log_model_reload (self);
      return;
    }
  added = (guint) (count - self->n_items);
  if (added == 0)
    return;
  /* Added on top only if the row that was first follows them */
  top = sf_change_log_load (self->store, self->filter, 0, added + 1, NULL);
  if (top == NULL || top->len != added + 1 ||
      ((SfChangeLogEntry *) g_ptr_array_index (top, added))->id != self->newest_id)
    {
      sf_change_log_model_reload (self);
      return;
    }
  /* The pages read are a page further down now: read again when asked */
  g_hash_table_remove_all (self->pages);
  self->n_items = (guint) count;
  self->newest_id = ((SfChangeLogEntry *) g_ptr_array_index (top, 0))->id;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, added);
}

void
sf_change_log_model_reload (SfChangeLogModel *self)
{
  g_autoptr(GError) error = NULL;
  guint removed;
  gint64 count;

  g_return_if_fail (SF_IS_CHANGE_LOG_MODEL (self));

  count = sf_change_log_count (self->store, self->filter, &error);
  if (count < 0)
    {
      g_message ("Could not count the change log: %s", error->message);
      count = 0;
    }
  removed = self->n_items;
  g_hash_table_remove_all (self->pages);
  self->n_items = (guint) MIN (count, G_MAXUINT);
  self->newest_id = self->n_items > 0 ? read_newest_id (self) : 0;
  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

const char *
sf_change_log_model_get_filter (SfChangeLogModel *self)
{
  g_return_val_if_fail (SF_IS_CHANGE_LOG_MODEL (self), NULL);

  return self->filter;
}

void
sf_change_log_model_set_filter (SfChangeLogModel *self,
                           const char   *filter)
{
  g_return_if_fail (SF_IS_CHANGE_LOG_MODEL (self));

  if (g_strcmp0 (self->filter, filter) == 0)
    return;
  g_free (self->filter);
  self->filter = g_strdup (filter);
  sf_change_log_model_reload (self);
}

guint
sf_change_log_model_get_n_pages_loaded (SfChangeLogModel *self)
{
  g_return_val_if_fail (SF_IS_CHANGE_LOG_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}
