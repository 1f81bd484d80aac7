/* sf-item-properties.h: the read-only properties of a list item, from a table
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef const char *(*SfItemTextFunc) (gpointer item);

/* One read-only property of an item: a field of the instance (its @type
 * one of string, boolean, int, uint, int64, double), or a text made when
 * first asked for by @text. */
typedef struct
{
  const char     *name;
  GType           type;
  gsize           offset;
  SfItemTextFunc  text;
} SfItemProperty;

/* Entries of a table indexed by the item's property ids, so that
 * `[PROP_NAME] = SF_ITEM_FIELD (SfTeamItem, name, "name", G_TYPE_STRING)` */
#define SF_ITEM_FIELD(Type, field, name, type) { (name), (type), G_STRUCT_OFFSET (Type, field), NULL }
#define SF_ITEM_TEXT(name, func)               { (name), G_TYPE_STRING, 0, (SfItemTextFunc) (func) }

void     sf_item_properties_make  (const SfItemProperty *props,
                                   guint                 n_props,
                                   GParamSpec          **pspecs);
gboolean sf_item_properties_get   (gpointer              item,
                                   const SfItemProperty *props,
                                   guint                 n_props,
                                   guint                 prop_id,
                                   GValue               *value);
void     sf_item_properties_free  (gpointer              item,
                                   const SfItemProperty *props,
                                   guint                 n_props);

G_END_DECLS
