/* sf-grouped-list.c: a list box of a model's items, in groups with headings
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows come from the model (gtk_list_box_bind_model()); a heading goes
 * before each row whose group (a property of its item) is not the group
 * of the row before it, as the list box's header function.  The alerts by
 * team and the checklist items by section are shown so; with the style
 * class "grouped-list", each group looks like a boxed list of its own.
 */

#include "config.h"

#include "sf-grouped-list.h"

typedef struct
{
  GListModel        *model;    /* owned: GTK 4.18's list box drops its own
                                * model before its rows as it is disposed,
                                * and asks for their headers meanwhile */
  char              *property;
  SfGroupHeaderFunc  create_header;
  gpointer           user_data;
} Grouping;

static void
grouping_free (gpointer data)
{
  Grouping *grouping = data;

  g_clear_object (&grouping->model);
  g_free (grouping->property);
  g_free (grouping);
}

static gboolean
same_group (GObject    *a,
            GObject    *b,
            const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (a), property);
  g_auto(GValue) value_a = G_VALUE_INIT;
  g_auto(GValue) value_b = G_VALUE_INIT;

  g_return_val_if_fail (pspec != NULL, TRUE);

  g_value_init (&value_a, pspec->value_type);
  g_value_init (&value_b, pspec->value_type);
  g_object_get_property (a, property, &value_a);
  g_object_get_property (b, property, &value_b);
  return g_param_values_cmp (pspec, &value_a, &value_b) == 0;
}

static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       data)
{
  Grouping *grouping = data;
  int index = gtk_list_box_row_get_index (row);
  int before_index = before != NULL ? gtk_list_box_row_get_index (before) : -1;
  g_autoptr(GObject) item = NULL;
  g_autoptr(GObject) previous = NULL;

  /* A row being removed has no index */
  if (index >= 0)
    item = g_list_model_get_item (grouping->model, index);
  if (before_index >= 0)
    previous = g_list_model_get_item (grouping->model, before_index);
  if (item == NULL || (previous != NULL && same_group (item, previous, grouping->property)))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "group-first");
      if (before != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (before), "group-last");
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  /* The styles draw each group as a list of its own */
  gtk_widget_add_css_class (GTK_WIDGET (row), "group-first");
  if (before != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (before), "group-last");
  gtk_list_box_row_set_header (row, grouping->create_header (item, grouping->user_data));
}

/* Shows @model in @box, a row for each item made by @create_row, and a
 * heading made by @create_header before the first item of each group:
 * items next to each other are in one group where their @group_property
 * is the same. */
void
sf_grouped_list_bind (GtkListBox                 *box,
                      GListModel                 *model,
                      const char                 *group_property,
                      SfGroupHeaderFunc           create_header,
                      GtkListBoxCreateWidgetFunc  create_row,
                      gpointer                    user_data)
{
  Grouping *grouping = g_new0 (Grouping, 1);

  g_return_if_fail (GTK_IS_LIST_BOX (box));
  g_return_if_fail (G_IS_LIST_MODEL (model));

  grouping->model = g_object_ref (model);
  grouping->property = g_strdup (group_property);
  grouping->create_header = create_header;
  grouping->user_data = user_data;
  gtk_list_box_set_header_func (box, update_header_cb, grouping, grouping_free);
  gtk_list_box_bind_model (box, model, create_row, user_data, NULL);
}

/* A group's heading: its title, a description below (or NULL), and
 * @suffix (or NULL) at the end */
GtkWidget *
sf_group_header_new (const char *title,
                     const char *description,
                     GtkWidget  *suffix)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (header, "group-header");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_box_append (GTK_BOX (text), label);
  if (description != NULL)
    {
      label = gtk_label_new (description);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (text), label);
    }
  gtk_box_append (GTK_BOX (header), text);
  if (suffix != NULL)
    {
      gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (header), suffix);
    }
  return header;
}
