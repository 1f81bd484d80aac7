/* sf-list-edit.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sf-list-edit.h"

/* Changing some items of a long list store in as few splices as it
 * takes.  Each splice has a cost of its own, whatever its size: the
 * filter and sort models under a view pass it on, and the view binds the
 * rows it has after it again.  Giving 200 cases among 47,400 to another
 * caseworker, a splice an item, took a third of a second on the Caseloads
 * page, a tenth like this: edits close together are one splice, with the
 * items between them put back as they are — the same objects, so that a
 * GtkMultiSelection keeps them chosen.
 *
 * An item replaced keeps its object too, with the new item's contents:
 * GTK 4.8 makes new widgets for a row whose item is a new object (ten
 * cells, and the columns measured again: 30 ms an edited row on a roster
 * of 3,000), but only binds them again for the same object. */

/* Edits at most this many items apart are made in one splice */
#define MAX_GAP 256

static void
clear_edit (gpointer data)
{
  SfListEdit *edit = data;

  g_clear_object (&edit->old);
  g_clear_object (&edit->item);
}

/* An array of SfListEdit that drops their items when freed */
GArray *
sf_list_edits_new (void)
{
  GArray *edits = g_array_new (FALSE, FALSE, sizeof (SfListEdit));

  g_array_set_clear_func (edits, clear_edit);
  return edits;
}

/* Adds an edit, taking @old and @item.  Edits are added in order of
 * position; at one position, the items added come first. */
/* Items of a final type that derives from GObject directly: all they hold
 * is in their instance struct (the list items here are G_DEFINE_FINAL_TYPE
 * with no private part) */
static gboolean
is_plain_item (gpointer item)
{
  GType type = G_OBJECT_TYPE (item);

  return g_type_parent (type) == G_TYPE_OBJECT && g_type_test_flags (type, G_TYPE_FLAG_FINAL);
}

/* After a swap, @item holds the new contents and @from the old: each
 * readable property of @item whose value is now different is notified,
 * once, so that a binding or an expression watching the item follows it.
 * Only the properties somebody watches are read: a list's items are rarely
 * watched (the rows read them when bound).  A handler of "notify" watches
 * them all; one of "notify::name" (as g_object_bind_property() connects)
 * watches that one, and is not seen by a question about "notify" alone. */
static void
notify_changed (GObject *item,
                GObject *from)
{
  static guint notify_id;
  g_autofree GParamSpec **pspecs = NULL;
  gboolean watch_all;
  guint n_pspecs;

  if (notify_id == 0)
    notify_id = g_signal_lookup ("notify", G_TYPE_OBJECT);
  watch_all = g_signal_has_handler_pending (item, notify_id, 0, TRUE);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (item), &n_pspecs);
  g_object_freeze_notify (item);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) now = G_VALUE_INIT;
      g_auto(GValue) before = G_VALUE_INIT;
      gboolean same;

      if (!(pspec->flags & G_PARAM_READABLE))
        continue;
      if (!watch_all &&
          !g_signal_has_handler_pending (item, notify_id, g_param_spec_get_name_quark (pspec), TRUE))
        continue;
      g_value_init (&now, pspec->value_type);
      g_value_init (&before, pspec->value_type);
      g_object_get_property (item, pspec->name, &now);
      g_object_get_property (from, pspec->name, &before);
      if (G_VALUE_HOLDS_DOUBLE (&now))
        {
          /* Exactly, and NAN (no norm) is the same as NAN: a
           * GParamSpecDouble calls anything near enough, or NAN, equal. */
          double a = g_value_get_double (&now), b = g_value_get_double (&before);

          same = a == b || (isnan (a) && isnan (b));
        }
      else
        {
          same = g_param_values_cmp (pspec, &now, &before) == 0;
        }
      if (!same)
        g_object_notify_by_pspec (item, pspec);
    }
  g_object_thaw_notify (item);
}

void
sf_list_item_take_contents (gpointer item,
                            gpointer from)
{
  GTypeQuery query;
  guint8 *a = item, *b = from;
  g_autofree guint8 *swap = NULL;
  gsize size;

  g_return_if_fail (G_IS_OBJECT (item) && G_IS_OBJECT (from));
  g_return_if_fail (G_OBJECT_TYPE (item) == G_OBJECT_TYPE (from));
  g_return_if_fail (is_plain_item (item));

  g_type_query (G_OBJECT_TYPE (item), &query);
  size = query.instance_size - sizeof (GObject);
  swap = g_malloc (size);
  memcpy (swap, a + sizeof (GObject), size);
  memcpy (a + sizeof (GObject), b + sizeof (GObject), size);
  memcpy (b + sizeof (GObject), swap, size);
  notify_changed (item, from);
}

void
sf_list_edits_add (GArray   *edits,
                   guint     position,
                   gpointer  old,
                   gpointer  item)
{
  SfListEdit edit = { position, old, item };

  g_return_if_fail (old != NULL || item != NULL);
  g_return_if_fail (edits->len == 0 || g_array_index (edits, SfListEdit, edits->len - 1).position <= position);

  /* A row's item replaced keeps its object, with the new contents */
  if (old != NULL && item != NULL && old != item &&
      G_OBJECT_TYPE (old) == G_OBJECT_TYPE (item) && is_plain_item (old))
    {
      sf_list_item_take_contents (old, item);
      g_object_unref (item);
      edit.item = g_object_ref (old);
    }
  g_array_append_val (edits, edit);
}

static void
flush (GListStore *store,
       guint       from,
       guint       to,
       GPtrArray  *items)
{
  /* Gathered from the end */
  for (guint i = 0, j = items->len; i + 1 < j; i++, j--)
    {
      gpointer item = items->pdata[i];

      items->pdata[i] = items->pdata[j - 1];
      items->pdata[j - 1] = item;
    }
  g_list_store_splice (store, from, to - from, items->pdata, items->len);
  g_ptr_array_set_size (items, 0);
}

/* Makes @edits in @store.  Done from the end, so that the positions
 * before an edit hold until it is made. */
void
sf_list_store_apply_edits (GListStore *store,
                           GArray     *edits)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (store);
  gboolean open = FALSE;
  guint from = 0, to = 0;   /* what the splice gathered replaces */

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (edits != NULL);

  for (guint k = edits->len; k-- > 0;)
    {
      const SfListEdit *edit = &g_array_index (edits, SfListEdit, k);
      guint end = edit->position + (edit->old != NULL ? 1 : 0);

      if (open && from - end > MAX_GAP)
        {
          flush (store, from, to, items);
          open = FALSE;
        }
      if (!open)
        {
          from = to = end;
          open = TRUE;
        }
      /* The items between, as they are */
      while (from > end)
        g_ptr_array_add (items, g_list_model_get_item (model, --from));
      if (edit->item != NULL)
        g_ptr_array_add (items, g_object_ref (edit->item));
      from = edit->position;
    }
  if (open)
    flush (store, from, to, items);
}
