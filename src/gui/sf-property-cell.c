/* sf-property-cell.c: the cells of a table's column, made from a property
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every column of the roster, Teams and Caseloads tables is made here:
 * a factory names the property of the row's item that its cells show, and
 * what kind of cell shows it.  A cell follows its item: it watches the
 * property ("notify::name") while bound, so an item that changes in place
 * (sf_list_item_take_contents()) is shown as it now is.
 *
 * A property may be a path of two, "roster-item.name": the name of the
 * item's "roster-item".  The cell watches the first ("roster-item"), which
 * the item notifies when it gets another.
 *
 * The cells are built in code and filled directly: the list view keeps 200
 * rows alive (GTK 4.8), so each cell's cost counts 200 times at start-up,
 * and a builder template with expression bindings per cell made most of
 * the start-up on a large municipality.  For the same reason a tooltip is
 * not set as a row is bound (GTK then asks the X server where the pointer
 * is, and GTK 4.8 binds 200 rows on a sort or a search): the cell asks its
 * item for it when the pointer rests on it.
 */

#include "config.h"

#include <string.h>

#include "sf-list-window.h"
#include "sf-property-cell.h"
#include "sf-status-cell.h"
#include "sf-utilisation-cell.h"

typedef struct
{
  char       *property;   /* NULL: the item itself (a status or utilisation cell) */
  char       *tooltip;
  char       *style;
  GQuark      detail;     /* of the property's first part */
  GQuark      style_detail;
  SfCellKind  kind;
} CellSpec;

/* What a bound cell watches, kept on its GtkListItem */
typedef struct
{
  GObject *item;
  gulong   handlers[2];
} CellWatch;

static GQuark watch_quark;
static GQuark style_quark;

static void
cell_spec_free (gpointer data)
{
  CellSpec *spec = data;

  g_free (spec->property);
  g_free (spec->tooltip);
  g_free (spec->style);
  g_free (spec);
}

static CellSpec *
get_spec (GtkListItemFactory *factory)
{
  return g_object_get_data (G_OBJECT (factory), "sf-cell-spec");
}

static GQuark
first_part_quark (const char *path)
{
  const char *dot;
  g_autofree char *head = NULL;

  if (path == NULL)
    return 0;
  dot = strchr (path, '.');
  head = dot != NULL ? g_strndup (path, dot - path) : g_strdup (path);
  return g_quark_from_string (head);
}

/* The value of @path on @item, as text (NULL where there is none) */
static char *
get_text (GObject    *item,
          const char *path)
{
  g_autoptr(GObject) inner = NULL;
  const char *dot = strchr (path, '.');
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;
  GParamSpec *pspec;

  if (dot != NULL)
    {
      g_autofree char *head = g_strndup (path, dot - path);

      g_object_get (item, head, &inner, NULL);
      if (inner == NULL)
        return NULL;
      item = inner;
      path = dot + 1;
    }

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), path);
  g_return_val_if_fail (pspec != NULL, NULL);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (item, path, &value);
  if (G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  g_value_init (&text, G_TYPE_STRING);
  if (!g_value_transform (&value, &text))
    return NULL;
  return g_value_dup_string (&text);
}

/* The SfRosterItem a status or utilisation cell shows */
static gpointer
get_roster_item (GObject  *item,
                 CellSpec *spec)
{
  gpointer roster_item = NULL;

  if (spec->property == NULL)
    return item;
  g_object_get (item, spec->property, &roster_item, NULL);
  /* The item keeps it */
  if (roster_item != NULL)
    g_object_unref (roster_item);
  return roster_item;
}

static void
set_style (GtkWidget  *cell,
           const char *style)
{
  const char *was = g_object_get_qdata (G_OBJECT (cell), style_quark);

  if (g_strcmp0 (was, style) == 0)
    return;
  if (was != NULL)
    gtk_widget_remove_css_class (cell, was);
  if (style != NULL && *style != '\0')
    gtk_widget_add_css_class (cell, style);
  g_object_set_qdata_full (G_OBJECT (cell), style_quark,
                           style != NULL && *style != '\0' ? g_strdup (style) : NULL, g_free);
}

/* Shows @item in @cell */
static void
update_cell (GtkWidget *cell,
             GObject   *item,
             CellSpec  *spec)
{
  g_autofree char *text = NULL;

  if (spec->kind & (SF_CELL_UTILISATION | SF_CELL_STATUS))
    {
      sf_roster_cell_set_item (SF_ROSTER_CELL (cell), item != NULL ? get_roster_item (item, spec) : NULL);
      return;
    }

  if (item != NULL)
    text = get_text (item, spec->property);
  if (spec->kind & SF_CELL_MARKUP)
    gtk_label_set_markup (GTK_LABEL (cell), text != NULL ? text : "");
  else
    gtk_label_set_label (GTK_LABEL (cell), text);
  if (spec->style != NULL)
    {
      g_autofree char *style = item != NULL ? get_text (item, spec->style) : NULL;

      set_style (cell, style);
    }
}

static gboolean
on_cell_query_tooltip_cb (GtkWidget   *cell,
                          int          x,
                          int          y,
                          gboolean     keyboard_mode,
                          GtkTooltip  *tooltip,
                          GtkListItem *list_item)
{
  CellSpec *spec = g_object_get_data (G_OBJECT (cell), "sf-cell-spec");
  gpointer item = sf_row_item (list_item);
  g_autofree char *text = NULL;

  if (item == NULL || spec == NULL)
    return FALSE;
  text = get_text (item, spec->tooltip);
  if (text == NULL || *text == '\0')
    return FALSE;
  if (spec->kind & SF_CELL_MARKUP)
    gtk_tooltip_set_markup (tooltip, text);
  else
    gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cell_watch_free (gpointer data)
{
  CellWatch *watch = data;

  for (guint i = 0; i < G_N_ELEMENTS (watch->handlers); i++)
    g_clear_signal_handler (&watch->handlers[i], watch->item);
  g_clear_object (&watch->item);
  g_free (watch);
}

static void
on_item_notify_cb (GObject     *item,
                   GParamSpec  *pspec,
                   GtkListItem *list_item)
{
  GtkListItemFactory *factory = g_object_get_data (G_OBJECT (list_item), "sf-cell-factory");

  update_cell (gtk_list_item_get_child (list_item), item, get_spec (factory));
}

static gulong
watch_detail (GObject     *item,
              GQuark       detail,
              GtkListItem *list_item)
{
  static guint notify_id;

  if (detail == 0)
    return 0;
  if (notify_id == 0)
    notify_id = g_signal_lookup ("notify", G_TYPE_OBJECT);
  return g_signal_connect_closure_by_id (item, notify_id, detail,
                                         g_cclosure_new (G_CALLBACK (on_item_notify_cb), list_item, NULL),
                                         FALSE);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CellSpec                 *spec)
{
  GtkWidget *cell;

  if (spec->kind & SF_CELL_UTILISATION)
    cell = sf_utilisation_cell_new ();
  else if (spec->kind & SF_CELL_STATUS)
    cell = sf_status_cell_new ();
  else
    {
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), spec->kind & SF_CELL_NUMBER ? 1 : 0);
      gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
      if (spec->kind & SF_CELL_NUMBER)
        gtk_widget_add_css_class (cell, "numeric");
      if (spec->kind & SF_CELL_WRAP)
        {
          gtk_label_set_wrap (GTK_LABEL (cell), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (cell), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_lines (GTK_LABEL (cell), 2);
        }
    }
  if (spec->tooltip != NULL)
    {
      g_object_set_data (G_OBJECT (cell), "sf-cell-spec", spec);
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect_object (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), list_item, 0);
    }
  g_object_set_data (G_OBJECT (list_item), "sf-cell-factory", factory);
  gtk_list_item_set_child (list_item, cell);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            CellSpec                 *spec)
{
  GObject *item = sf_row_item (list_item);
  CellWatch *watch = g_new0 (CellWatch, 1);

  watch->item = g_object_ref (item);
  watch->handlers[0] = watch_detail (item, spec->detail, list_item);
  watch->handlers[1] = watch_detail (item, spec->style_detail, list_item);
  g_object_set_qdata_full (G_OBJECT (list_item), watch_quark, watch, cell_watch_free);
  update_cell (gtk_list_item_get_child (list_item), item, spec);
}

/* The cells hold a reference on their item: give it back with the row */
static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CellSpec                 *spec)
{
  g_object_set_qdata (G_OBJECT (list_item), watch_quark, NULL);
  if (spec->kind & (SF_CELL_UTILISATION | SF_CELL_STATUS))
    update_cell (gtk_list_item_get_child (list_item), NULL, spec);
}

/* A factory of cells that show @property of the row's item, as @kind
 * says.  For a status or utilisation cell, @property names the item's
 * SfRosterItem, or is NULL where the item is one. */
GtkListItemFactory *
sf_property_cell_factory_new (const char *property,
                              SfCellKind  kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellSpec *spec = g_new0 (CellSpec, 1);

  g_return_val_if_fail (property != NULL || (kind & (SF_CELL_UTILISATION | SF_CELL_STATUS)), NULL);

  if (watch_quark == 0)
    {
      watch_quark = g_quark_from_static_string ("sf-cell-watch");
      style_quark = g_quark_from_static_string ("sf-cell-style");
    }
  spec->property = g_strdup (property);
  spec->detail = first_part_quark (property);
  spec->kind = kind;
  g_object_set_data_full (G_OBJECT (factory), "sf-cell-spec", spec, cell_spec_free);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), spec);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), spec);
  return factory;
}

/* The cells show @property of the row's item as their tooltip (markup
 * where the cells show markup), nothing where it is NULL or "".  Before
 * the factory makes its first cell. */
void
sf_property_cell_factory_set_tooltip (GtkListItemFactory *factory,
                                      const char         *property)
{
  CellSpec *spec = get_spec (factory);

  g_return_if_fail (spec != NULL);
  g_free (spec->tooltip);
  spec->tooltip = g_strdup (property);
}

/* The cells have the CSS class named by @property of the row's item,
 * none where it is NULL or "" (and watch it as they watch what they
 * show).  Before the factory makes its first cell. */
void
sf_property_cell_factory_set_style (GtkListItemFactory *factory,
                                    const char         *property)
{
  CellSpec *spec = get_spec (factory);

  g_return_if_fail (spec != NULL);
  g_free (spec->style);
  spec->style = g_strdup (property);
  spec->style_detail = first_part_quark (property);
}

/* Adds a resizable column of @factory's cells (taken) to @view, sorted by
 * @sorter (taken, or NULL): @width pixels wide, or where @width is 0 or
 * less, as wide as the view leaves it.  Returns the column, which @view
 * keeps. */
GtkColumnViewColumn *
sf_property_column_append (GtkColumnView      *view,
                           const char         *title,
                           GtkListItemFactory *factory,
                           GtkSorter          *sorter,
                           int                 width)
{
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, factory);

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  if (sorter != NULL)
    {
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (view, column);
  return column;
}
