/* sf-list-window.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-list-window.h"

/* The items of a long selection model from @offset, at most @size of them:
 * what a table is given so that GTK makes rows only for those (GTK 4.8's
 * list views keep some 200 rows whatever is in view).
 *
 * The window's items are rows (SfRowSlot), each showing one item of
 * @model: GTK 4.8 makes new widgets for an item it has not seen and binds
 * the same item again, and making a row of ten cells costs far more than
 * binding it.  So when @model changes (a sort, a filter, an edit), the rows
 * stay and are given the items now at their place, and GTK is told of the
 * rows whose item changed: it binds them again.  When the window moves,
 * the rows follow their items: those leaving at one end go, new ones come
 * at the other, each told as it happens, so that GTK keeps the focus and
 * its anchor on the items that stay.  Selection is @model's: positions
 * are only shifted by the offset.
 *
 * When it can go: with SfRowViewport, once GTK 4.12 is the oldest GTK
 * supported (see sf-row-viewport.c), and sf_list_item_take_contents()
 * with it. */

struct _SfRowSlot
{
  GObject  parent_instance;

  GObject *item;
};

G_DEFINE_FINAL_TYPE (SfRowSlot, sf_row_slot, G_TYPE_OBJECT)

static void
sf_row_slot_finalize (GObject *object)
{
  g_clear_object (&SF_ROW_SLOT (object)->item);

  G_OBJECT_CLASS (sf_row_slot_parent_class)->finalize (object);
}

static void
sf_row_slot_class_init (SfRowSlotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sf_row_slot_finalize;
}

static void
sf_row_slot_init (SfRowSlot *self)
{
}

/* The item of the window's model that @self shows */
gpointer
sf_row_slot_get_item (SfRowSlot *self)
{
  g_return_val_if_fail (SF_IS_ROW_SLOT (self), NULL);

  return self->item;
}

gpointer
sf_row_item (GtkListItem *list_item)
{
  gpointer item = gtk_list_item_get_item (list_item);

  return SF_IS_ROW_SLOT (item) ? SF_ROW_SLOT (item)->item : item;
}

struct _SfListWindow
{
  GObject            parent_instance;

  GtkSelectionModel *model;
  guint              offset;  /* wanted */
  guint              size;
  guint              start;   /* @model's position of shown[0] */
  GPtrArray         *shown;   /* the rows (SfRowSlot), owned */
};

static void sf_list_window_model_init     (GListModelInterface         *iface);
static void sf_list_window_selection_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SfListWindow, sf_list_window, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sf_list_window_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, sf_list_window_selection_init))

static GType
sf_list_window_get_item_type (GListModel *list)
{
  return SF_TYPE_ROW_SLOT;
}

static guint
sf_list_window_get_n_items (GListModel *list)
{
  return SF_LIST_WINDOW (list)->shown->len;
}

static gpointer
sf_list_window_get_item (GListModel *list,
                         guint       position)
{
  SfListWindow *self = SF_LIST_WINDOW (list);

  if (position >= self->shown->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->shown, position));
}

static void
sf_list_window_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sf_list_window_get_item_type;
  iface->get_n_items = sf_list_window_get_n_items;
  iface->get_item = sf_list_window_get_item;
}

/* ---- selection: @model's, shifted ------------------------------------- */

static gboolean
sf_list_window_is_selected (GtkSelectionModel *model,
                            guint              position)
{
  SfListWindow *self = SF_LIST_WINDOW (model);

  return gtk_selection_model_is_selected (self->model, self->start + position);
}

static GtkBitset *
sf_list_window_get_selection_in_range (GtkSelectionModel *model,
                                       guint              position,
                                       guint              n_items)
{
  SfListWindow *self = SF_LIST_WINDOW (model);
  GtkBitset *selected = gtk_selection_model_get_selection_in_range (self->model,
                                                                    self->start + position,
                                                                    n_items);
  GtkBitset *shifted = gtk_bitset_copy (selected);

  gtk_bitset_unref (selected);
  gtk_bitset_shift_left (shifted, self->start);
  return shifted;
}

static gboolean
sf_list_window_select_item (GtkSelectionModel *model,
                            guint              position,
                            gboolean           unselect_rest)
{
  SfListWindow *self = SF_LIST_WINDOW (model);

  return gtk_selection_model_select_item (self->model, self->start + position, unselect_rest);
}

static gboolean
sf_list_window_unselect_item (GtkSelectionModel *model,
                              guint              position)
{
  SfListWindow *self = SF_LIST_WINDOW (model);

  return gtk_selection_model_unselect_item (self->model, self->start + position);
}

static gboolean
sf_list_window_select_range (GtkSelectionModel *model,
                             guint              position,
                             guint              n_items,
                             gboolean           unselect_rest)
{
  SfListWindow *self = SF_LIST_WINDOW (model);

  return gtk_selection_model_select_range (self->model, self->start + position, n_items, unselect_rest);
}

static gboolean
sf_list_window_unselect_range (GtkSelectionModel *model,
                               guint              position,
                               guint              n_items)
{
  SfListWindow *self = SF_LIST_WINDOW (model);

  return gtk_selection_model_unselect_range (self->model, self->start + position, n_items);
}

/* Ctrl+A: every item of @model, not only those in view */
static gboolean
sf_list_window_select_all (GtkSelectionModel *model)
{
  return gtk_selection_model_select_all (SF_LIST_WINDOW (model)->model);
}

static gboolean
sf_list_window_unselect_all (GtkSelectionModel *model)
{
  return gtk_selection_model_unselect_all (SF_LIST_WINDOW (model)->model);
}

static gboolean
sf_list_window_set_selection (GtkSelectionModel *model,
                              GtkBitset         *selected,
                              GtkBitset         *mask)
{
  SfListWindow *self = SF_LIST_WINDOW (model);
  g_autoptr(GtkBitset) shifted_selected = gtk_bitset_copy (selected);
  g_autoptr(GtkBitset) shifted_mask = gtk_bitset_copy (mask);

  gtk_bitset_shift_right (shifted_selected, self->start);
  gtk_bitset_shift_right (shifted_mask, self->start);
  return gtk_selection_model_set_selection (self->model, shifted_selected, shifted_mask);
}

static void
sf_list_window_selection_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = sf_list_window_is_selected;
  iface->get_selection_in_range = sf_list_window_get_selection_in_range;
  iface->select_item = sf_list_window_select_item;
  iface->unselect_item = sf_list_window_unselect_item;
  iface->select_range = sf_list_window_select_range;
  iface->unselect_range = sf_list_window_unselect_range;
  iface->select_all = sf_list_window_select_all;
  iface->unselect_all = sf_list_window_unselect_all;
  iface->set_selection = sf_list_window_set_selection;
}

static void
on_model_selection_changed_cb (SfListWindow *self,
                               guint         position,
                               guint         n_items)
{
  guint from = MAX (position, self->start);
  guint to = MIN (position + n_items, self->start + self->shown->len);

  if (from < to)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), from - self->start, to - from);
}

/* ---- the items in the window ------------------------------------------ */

/* Where the window is now, in @model */
static void
wanted_range (SfListWindow *self,
              guint        *start,
              guint        *length)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  *start = MIN (self->offset, n);
  *length = MIN (self->size, n - *start);
}

static void
emit_changed (SfListWindow *self,
              guint         position,
              guint         removed,
              guint         added)
{
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* New rows for @model's items from @from, @n of them, in the window at @at */
static void
take_items (SfListWindow *self,
            guint         at,
            guint         from,
            guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      SfRowSlot *slot = g_object_new (SF_TYPE_ROW_SLOT, NULL);

      slot->item = g_list_model_get_item (G_LIST_MODEL (self->model), from + i);
      g_ptr_array_insert (self->shown, at + i, slot);
    }
}

/* Whether GTK binds a row again when told that its item changed and the
 * item is the same object: GTK 4.8 does; from 4.12 GTK's lists keep such a
 * row as it is (they follow items, not positions), so a row whose item
 * changed gets a new slot there, and GTK makes and binds a row widget for
 * it (GTK 4.18 does not reuse the old one). */
static gboolean
same_slot_rebinds (void)
{
  static int rebinds = -1;

  if (rebinds < 0)
    rebinds = gtk_check_version (4, 12, 0) != NULL;
  return rebinds;
}

/* @model changed at @position (@removed items gone, @added new): each row
 * is given the item now at its place, rows are added or dropped at the end
 * if the window's length changed, and GTK is told of the rows from the
 * first whose item changed (or that @model says it replaced: it may be
 * the same object, changed) to the last, or to the end */
static void
on_model_items_changed_cb (SfListWindow *self,
                           guint         position,
                           guint         removed,
                           guint         added)
{
  guint start, length, common, old_length = self->shown->len;
  guint first = G_MAXUINT, last = 0;

  wanted_range (self, &start, &length);
  self->start = start;
  common = MIN (old_length, length);
  for (guint i = 0; i < common; i++)
    {
      SfRowSlot *slot = g_ptr_array_index (self->shown, i);
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->model), start + i);

      if (slot->item != item || (start + i >= position && start + i < position + added))
        {
          if (same_slot_rebinds ())
            g_set_object (&slot->item, item);
          else
            {
              SfRowSlot *fresh = g_object_new (SF_TYPE_ROW_SLOT, NULL);

              fresh->item = g_steal_pointer (&item);
              g_object_unref (slot);
              g_ptr_array_index (self->shown, i) = fresh;
            }
          first = MIN (first, i);
          last = i;
        }
    }

  if (length > old_length)
    take_items (self, old_length, start + old_length, length - old_length);
  else if (length < old_length)
    g_ptr_array_remove_range (self->shown, length, old_length - length);

  if (length != old_length)
    {
      first = MIN (first, common);
      emit_changed (self, first, old_length - first, length - first);
    }
  else if (first != G_MAXUINT)
    emit_changed (self, first, last - first + 1, last - first + 1);
}

/* Moves the window: what it no longer covers leaves, then what it newly
 * covers comes in, each told as it happens, so that the items in both
 * keep their rows and GTK's focus and anchors stay on them.  FALSE if it
 * shows the same items as before. */
gboolean
sf_list_window_set_range (SfListWindow *self,
                          guint         offset,
                          guint         size)
{
  guint start, length, end, old_end;

  g_return_val_if_fail (SF_IS_LIST_WINDOW (self), FALSE);

  self->offset = offset;
  self->size = size;
  wanted_range (self, &start, &length);
  end = start + length;
  old_end = self->start + self->shown->len;
  if (start == self->start && end == old_end)
    return FALSE;

  if (end <= self->start || start >= old_end)
    {
      /* Nothing in common */
      guint old_length = self->shown->len;

      g_ptr_array_set_size (self->shown, 0);
      self->start = start;
      take_items (self, 0, start, length);
      emit_changed (self, 0, old_length, length);
      return TRUE;
    }

  if (start > self->start)
    {
      guint gone = start - self->start;

      g_ptr_array_remove_range (self->shown, 0, gone);
      self->start = start;
      emit_changed (self, 0, gone, 0);
    }
  if (end < old_end)
    {
      guint gone = old_end - end;

      g_ptr_array_remove_range (self->shown, self->shown->len - gone, gone);
      old_end = end;
      emit_changed (self, self->shown->len, gone, 0);
    }
  if (start < self->start)
    {
      guint come = self->start - start;

      take_items (self, 0, start, come);
      self->start = start;
      emit_changed (self, 0, 0, come);
    }
  if (end > old_end)
    {
      guint come = end - old_end;
      guint at = self->shown->len;

      take_items (self, at, old_end, come);
      emit_changed (self, at, 0, come);
    }
  return TRUE;
}

guint
sf_list_window_get_offset (SfListWindow *self)
{
  g_return_val_if_fail (SF_IS_LIST_WINDOW (self), 0);

  return self->start;
}

GtkSelectionModel *
sf_list_window_get_model (SfListWindow *self)
{
  g_return_val_if_fail (SF_IS_LIST_WINDOW (self), NULL);

  return self->model;
}

static void
sf_list_window_dispose (GObject *object)
{
  SfListWindow *self = SF_LIST_WINDOW (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (sf_list_window_parent_class)->dispose (object);
}

static void
sf_list_window_class_init (SfListWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sf_list_window_dispose;
}

static void
sf_list_window_init (SfListWindow *self)
{
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Empty until sf_list_window_set_range() says where it is */
SfListWindow *
sf_list_window_new (GtkSelectionModel *model)
{
  SfListWindow *self;

  g_return_val_if_fail (GTK_IS_SELECTION_MODEL (model), NULL);

  self = g_object_new (SF_TYPE_LIST_WINDOW, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_object (model, "items-changed",
                           G_CALLBACK (on_model_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "selection-changed",
                           G_CALLBACK (on_model_selection_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}
