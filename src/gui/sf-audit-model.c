/* sf-audit-model.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-audit-model.h"

struct _SfAuditItem
{
  GObject       parent_instance;

  SfAuditEntry *entry;
  char         *time;
};

G_DEFINE_FINAL_TYPE (SfAuditItem, sf_audit_item, G_TYPE_OBJECT)

static void
sf_audit_item_finalize (GObject *object)
{
  SfAuditItem *self = SF_AUDIT_ITEM (object);

  g_clear_pointer (&self->entry, sf_audit_entry_free);
  g_clear_pointer (&self->time, g_free);

  G_OBJECT_CLASS (sf_audit_item_parent_class)->finalize (object);
}

static void
sf_audit_item_class_init (SfAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sf_audit_item_finalize;
}

static void
sf_audit_item_init (SfAuditItem *self)
{
}

/* Takes @entry. */
static SfAuditItem *
sf_audit_item_new (SfAuditEntry *entry)
{
  SfAuditItem *self = g_object_new (SF_TYPE_AUDIT_ITEM, NULL);

  self->entry = entry;
  return self;
}

const SfAuditEntry *
sf_audit_item_get_entry (SfAuditItem *self)
{
  g_return_val_if_fail (SF_IS_AUDIT_ITEM (self), NULL);

  return self->entry;
}

const char *
sf_audit_item_get_time (SfAuditItem *self)
{
  g_return_val_if_fail (SF_IS_AUDIT_ITEM (self), NULL);

  if (self->time == NULL)
    self->time = sf_audit_format_time (self->entry->at);
  return self->time;
}

/* ---- the model ------------------------------------------------------- */

struct _SfAuditModel
{
  GObject     parent_instance;

  SfStore    *store;
  char       *filter;
  guint       n_items;
  GHashTable *pages;            /* page number → GPtrArray of SfAuditItem */
};

static void sf_audit_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SfAuditModel, sf_audit_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sf_audit_model_list_model_init))

static GType
sf_audit_model_get_item_type (GListModel *model)
{
  return SF_TYPE_AUDIT_ITEM;
}

static guint
sf_audit_model_get_n_items (GListModel *model)
{
  return SF_AUDIT_MODEL (model)->n_items;
}

static GPtrArray *
load_page (SfAuditModel *self,
           guint         page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  entries = sf_audit_load (self->store, self->filter, page * SF_AUDIT_MODEL_PAGE, SF_AUDIT_MODEL_PAGE, &error);
  if (entries == NULL)
    g_message ("Could not read the change log: %s", error->message);
  else
    {
      g_ptr_array_set_free_func (entries, NULL);
      for (guint i = 0; i < entries->len; i++)
        g_ptr_array_add (items, sf_audit_item_new (g_ptr_array_index (entries, i)));
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  return items;
}

static gpointer
sf_audit_model_get_item (GListModel *model,
                         guint       position)
{
  SfAuditModel *self = SF_AUDIT_MODEL (model);
  guint page = position / SF_AUDIT_MODEL_PAGE;
  guint index = position % SF_AUDIT_MODEL_PAGE;
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
sf_audit_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sf_audit_model_get_item_type;
  iface->get_n_items = sf_audit_model_get_n_items;
  iface->get_item = sf_audit_model_get_item;
}

static void
sf_audit_model_finalize (GObject *object)
{
  SfAuditModel *self = SF_AUDIT_MODEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (sf_audit_model_parent_class)->finalize (object);
}

static void
sf_audit_model_class_init (SfAuditModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sf_audit_model_finalize;
}

static void
sf_audit_model_init (SfAuditModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

SfAuditModel *
sf_audit_model_new (SfStore *store)
{
  SfAuditModel *self;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  self = g_object_new (SF_TYPE_AUDIT_MODEL, NULL);
  self->store = g_object_ref (store);
  sf_audit_model_reload (self);
  return self;
}

void
sf_audit_model_reload (SfAuditModel *self)
{
  g_autoptr(GError) error = NULL;
  guint removed;
  gint64 count;

  g_return_if_fail (SF_IS_AUDIT_MODEL (self));

  count = sf_audit_count (self->store, self->filter, &error);
  if (count < 0)
    {
      g_message ("Could not count the change log: %s", error->message);
      count = 0;
    }
  removed = self->n_items;
  g_hash_table_remove_all (self->pages);
  self->n_items = (guint) MIN (count, G_MAXUINT);
  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

const char *
sf_audit_model_get_filter (SfAuditModel *self)
{
  g_return_val_if_fail (SF_IS_AUDIT_MODEL (self), NULL);

  return self->filter;
}

void
sf_audit_model_set_filter (SfAuditModel *self,
                           const char   *filter)
{
  g_return_if_fail (SF_IS_AUDIT_MODEL (self));

  if (g_strcmp0 (self->filter, filter) == 0)
    return;
  g_free (self->filter);
  self->filter = g_strdup (filter);
  sf_audit_model_reload (self);
}

guint
sf_audit_model_get_n_pages_loaded (SfAuditModel *self)
{
  g_return_val_if_fail (SF_IS_AUDIT_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}
