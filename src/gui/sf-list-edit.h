/* sf-list-edit.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One item of a list store to replace, add or remove. */
typedef struct
{
  guint     position;   /* where it is, or goes, before any edit */
  gpointer  old;        /* the item there (owned), or NULL: @item is added */
  gpointer  item;       /* the new item (owned), or NULL: @old is removed */
} SfListEdit;

/* @item gets the contents of @from, an item of the same type (a final
 * type that derives from GObject directly, with no private part), and @from those
 * @item had: for a list's row that keeps its item while what it shows
 * changes.  @item notifies each property whose value changed, so a
 * binding on it stays true. */
void    sf_list_item_take_contents (gpointer   item,
                                    gpointer   from);

/* A list of edits; an item replaced (@old and @item both given, of the
 * same type) stays the same object, with @item's contents. */
GArray *sf_list_edits_new         (void);
void    sf_list_edits_add         (GArray     *edits,
                                   guint       position,
                                   gpointer    old,
                                   gpointer    item);
void    sf_list_store_apply_edits (GListStore *store,
                                   GArray     *edits);

G_END_DECLS
