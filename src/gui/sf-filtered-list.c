/* sf-filtered-list.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sf-filtered-list.h"

/* A filter list model for long lists.  GTK 4.8's GtkFilterListModel keeps
 * its matches in a bitset and finds the item at a position by counting
 * through it (gtk_bitset_get_nth()): cheap for a few thousand items, but
 * the list of 100,000 cases is read item by item after each change of its
 * filter, and the counting took over half of choosing a team there.  This
 * one keeps the matching items in an array and, for each item of the
 * model, whether it matched: a change of the filter reads the model once,
 * a change of the model looks only at what changed.
 *
 * When it can go: once GtkFilterListModel of the oldest GTK supported
 * filters the list of 100,000 cases within a frame (the "another team in
 * the list of cases" row of build-aux/benchmark.py, docs/performance.md). */

struct _SfFilteredList
{
  GObject     parent_instance;

  GListModel *model;
  GtkFilter  *filter;
  GPtrArray  *items;     /* the matching items, owned */
  GByteArray *matched;   /* one byte a model item: whether it is in @items */
};

static void sf_filtered_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SfFilteredList, sf_filtered_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sf_filtered_list_model_init))

static GType
sf_filtered_list_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (SF_FILTERED_LIST (list)->model);
}

static guint
sf_filtered_list_get_n_items (GListModel *list)
{
  return SF_FILTERED_LIST (list)->items->len;
}

static gpointer
sf_filtered_list_get_item (GListModel *list,
                           guint       position)
{
  SfFilteredList *self = SF_FILTERED_LIST (list);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
sf_filtered_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sf_filtered_list_get_item_type;
  iface->get_n_items = sf_filtered_list_get_n_items;
  iface->get_item = sf_filtered_list_get_item;
}

/* How many of the model's first @n items matched */
static guint
count_matched (SfFilteredList *self,
               guint           n)
{
  guint count = 0;

  for (guint i = 0; i < n; i++)
    count += self->matched->data[i];
  return count;
}

/* The model's items @position … @position + @n - 1 that match, and their
 * bytes in @matched from @position on (the room is the caller's) */
static GPtrArray *
match (SfFilteredList *self,
       guint           position,
       guint           n)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_list_model_get_item (self->model, position + i);
      gboolean yes = gtk_filter_match (self->filter, item);

      self->matched->data[position + i] = yes;
      if (yes)
        g_ptr_array_add (found, item);
      else
        g_object_unref (item);
    }
  return found;
}

static void
on_model_items_changed_cb (SfFilteredList *self,
                           guint           position,
                           guint           removed,
                           guint           added,
                           GListModel     *model)
{
  g_autoptr(GPtrArray) found = NULL;
  guint at = count_matched (self, position);
  guint gone = 0;

  for (guint i = position; i < position + removed; i++)
    gone += self->matched->data[i];
  g_byte_array_remove_range (self->matched, position, removed);
  /* Room for the added items' bytes */
  g_byte_array_set_size (self->matched, self->matched->len + added);
  memmove (self->matched->data + position + added, self->matched->data + position,
           self->matched->len - added - position);

  found = match (self, position, added);
  g_ptr_array_remove_range (self->items, at, gone);
  if (found->len > 0)
    {
      guint tail = self->items->len - at;

      /* The found items move in, in one go; @found lets go of them */
      g_ptr_array_set_size (self->items, self->items->len + found->len);
      memmove (self->items->pdata + at + found->len, self->items->pdata + at, tail * sizeof (gpointer));
      memcpy (self->items->pdata + at, found->pdata, found->len * sizeof (gpointer));
      g_ptr_array_set_free_func (found, NULL);
    }
  if (gone > 0 || found->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), at, gone, found->len);
}

/* Filters the whole model again and tells what changed: the items between
 * the first and the last that differ */
static void
refilter (SfFilteredList *self)
{
  g_autoptr(GPtrArray) before = g_steal_pointer (&self->items);
  guint n = g_list_model_get_n_items (self->model);
  guint start = 0, end_old, end_new;

  g_byte_array_set_size (self->matched, n);
  self->items = match (self, 0, n);

  while (start < before->len && start < self->items->len &&
         g_ptr_array_index (before, start) == g_ptr_array_index (self->items, start))
    start++;
  end_old = before->len;
  end_new = self->items->len;
  while (end_old > start && end_new > start &&
         g_ptr_array_index (before, end_old - 1) == g_ptr_array_index (self->items, end_new - 1))
    {
      end_old--;
      end_new--;
    }
  if (end_old > start || end_new > start)
    g_list_model_items_changed (G_LIST_MODEL (self), start, end_old - start, end_new - start);
}

static void
on_filter_changed_cb (SfFilteredList  *self,
                      GtkFilterChange  change,
                      GtkFilter       *filter)
{
  refilter (self);
}

static void
sf_filtered_list_dispose (GObject *object)
{
  SfFilteredList *self = SF_FILTERED_LIST (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (sf_filtered_list_parent_class)->dispose (object);
}

static void
sf_filtered_list_finalize (GObject *object)
{
  SfFilteredList *self = SF_FILTERED_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->matched, g_byte_array_unref);

  G_OBJECT_CLASS (sf_filtered_list_parent_class)->finalize (object);
}

static void
sf_filtered_list_class_init (SfFilteredListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sf_filtered_list_dispose;
  object_class->finalize = sf_filtered_list_finalize;
}

static void
sf_filtered_list_init (SfFilteredList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->matched = g_byte_array_new ();
}

/* Takes @model and @filter (transfer full), as gtk_filter_list_model_new()
 * does. */
SfFilteredList *
sf_filtered_list_new (GListModel *model,
                      GtkFilter  *filter)
{
  SfFilteredList *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_FILTER (filter), NULL);

  self = g_object_new (SF_TYPE_FILTERED_LIST, NULL);
  self->model = model;
  self->filter = filter;
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "changed", G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  refilter (self);
  return self;
}
