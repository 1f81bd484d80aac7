/* sf-item-properties.c: the read-only properties of a list item, from a table
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-item-properties.h"

#define FIELD(item, prop, Type) (*(Type *) G_STRUCT_MEMBER_P ((item), (prop)->offset))

/* The items' properties are read by the tables' cells and never written:
 * readable, notified only when the item says so. */
#define FLAGS (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* Makes pspecs[i] for each entry of @props that has a name (the others are
 * the class's own to make). */
void
sf_item_properties_make (const SfItemProperty  *props,
                         guint                  n_props,
                         GParamSpec           **pspecs)
{
  for (guint i = 0; i < n_props; i++)
    {
      const char *name = props[i].name;

      if (name == NULL)
        continue;
      switch (props[i].type)
        {
        case G_TYPE_STRING:
          pspecs[i] = g_param_spec_string (name, NULL, NULL, NULL, FLAGS);
          break;
        case G_TYPE_BOOLEAN:
          pspecs[i] = g_param_spec_boolean (name, NULL, NULL, FALSE, FLAGS);
          break;
        case G_TYPE_INT:
          pspecs[i] = g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0, FLAGS);
          break;
        case G_TYPE_UINT:
          pspecs[i] = g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, FLAGS);
          break;
        case G_TYPE_INT64:
          pspecs[i] = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, FLAGS);
          break;
        case G_TYPE_DOUBLE:
          pspecs[i] = g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, FLAGS);
          break;
        default:
          g_critical ("%s: property “%s” has a type an item cannot have", G_STRFUNC, name);
        }
    }
}

/* Sets @value from @item's entry @prop_id of @props; FALSE when the table
 * has no such entry (the class's own property). */
gboolean
sf_item_properties_get (gpointer              item,
                        const SfItemProperty *props,
                        guint                 n_props,
                        guint                 prop_id,
                        GValue               *value)
{
  const SfItemProperty *prop;

  if (prop_id >= n_props || props[prop_id].name == NULL)
    return FALSE;
  prop = &props[prop_id];
  if (prop->text != NULL)
    {
      g_value_set_string (value, prop->text (item));
      return TRUE;
    }
  switch (prop->type)
    {
    case G_TYPE_STRING:
      g_value_set_string (value, FIELD (item, prop, char *));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, FIELD (item, prop, gboolean));
      break;
    case G_TYPE_INT:
      g_value_set_int (value, FIELD (item, prop, int));
      break;
    case G_TYPE_UINT:
      g_value_set_uint (value, FIELD (item, prop, guint));
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, FIELD (item, prop, gint64));
      break;
    case G_TYPE_DOUBLE:
      g_value_set_double (value, FIELD (item, prop, double));
      break;
    default:
      return FALSE;
    }
  return TRUE;
}

/* Frees the string fields of @props (for the item's finalize). */
void
sf_item_properties_free (gpointer              item,
                         const SfItemProperty *props,
                         guint                 n_props)
{
  for (guint i = 0; i < n_props; i++)
    if (props[i].name != NULL && props[i].text == NULL && props[i].type == G_TYPE_STRING)
      g_clear_pointer (&FIELD (item, &props[i], char *), g_free);
}
