/* test-rows-gui.c: long tables are given only the rows in view
 * (SfListWindow, SfRowViewport) and still scroll, move the focus and
 * select over all their rows.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-list-window.h"
#include "sf-row-viewport.h"
#include "sf-test-gui.h"

/* ---- the window over a model ------------------------------------------- */

typedef struct
{
  GPtrArray *items;     /* the item each row showed when last signalled */
  GPtrArray *touched;   /* per row: whether a signal covered it this step */
} Mirror;

static void
on_mirror_items_changed_cb (GListModel *model,
                            guint       position,
                            guint       removed,
                            guint       added,
                            Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->items->len);
  g_ptr_array_remove_range (mirror->items, position, removed);
  g_ptr_array_remove_range (mirror->touched, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(SfRowSlot) row = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (mirror->items, position + i, g_object_ref (sf_row_slot_get_item (row)));
      g_ptr_array_insert (mirror->touched, position + i, GINT_TO_POINTER (TRUE));
    }
  g_assert_cmpuint (mirror->items->len, ==, g_list_model_get_n_items (model));
}

static void
on_selection_changed_cb (GtkSelectionModel *model,
                         guint              position,
                         guint              n_items,
                         GtkBitset         *reported)
{
  gtk_bitset_add_range (reported, position, n_items);
}

static GtkStringObject *
new_string (guint *next)
{
  g_autofree char *text = g_strdup_printf ("%u", (*next)++);

  return gtk_string_object_new (text);
}

/* Random changes of the model (some replacing an item by the same object,
 * as sf_list_item_take_contents() does when figures change) and of the
 * range: the window's rows show the model's items in its range; every row
 * whose item changed was in a signal (a mirror of what each row showed when
 * it was last signalled equals what it shows), and so was every item the
 * model replaced; rows stay when the model changes; selecting in the
 * window selects the same item of the model and is reported where it shows */
static void
test_list_window (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkMultiSelection) selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (store)));
  g_autoptr(SfListWindow) window = sf_list_window_new (GTK_SELECTION_MODEL (selection));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) touched = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GtkBitset) reported = gtk_bitset_new_empty ();
  Mirror mirror = { items, touched };
  guint next = 0, offset = 0, size = 0;

  g_signal_connect (window, "items-changed", G_CALLBACK (on_mirror_items_changed_cb), &mirror);
  g_signal_connect (window, "selection-changed", G_CALLBACK (on_selection_changed_cb), reported);
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GtkStringObject) item = new_string (&next);

      g_list_store_append (store, item);
    }

  for (guint step = 0; step < 3000; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint start, length, replaced = G_MAXUINT;
      g_autoptr(GPtrArray) rows_before = g_ptr_array_new_with_free_func (g_object_unref);
      gboolean model_changed = FALSE;
      guint start_before = sf_list_window_get_offset (window);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (window)); i++)
        g_ptr_array_add (rows_before, g_list_model_get_item (G_LIST_MODEL (window), i));

      for (guint i = 0; i < touched->len; i++)
        g_ptr_array_index (touched, i) = GINT_TO_POINTER (FALSE);

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          offset = g_rand_int_range (rand, 0, n + 10);
          size = g_rand_int_range (rand, 0, 40);
          sf_list_window_set_range (window, offset, size);
          break;
        case 1:
          if (n > 0)
            {
              /* The same object, changed: GTK is to bind it again */
              guint position = g_rand_int_range (rand, 0, n);
              g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), position);

              g_list_store_splice (store, position, 1, (gpointer *) &item, 1);
              replaced = position;
              model_changed = TRUE;
            }
          break;
        case 2:
          {
            guint position = g_rand_int_range (rand, 0, n + 1);
            guint removed = g_rand_int_range (rand, 0, MIN (n - position, 6) + 1);
            guint added = g_rand_int_range (rand, 0, n < 60 ? 8 : 5);
            g_autoptr(GPtrArray) additions = g_ptr_array_new_with_free_func (g_object_unref);

            for (guint i = 0; i < added; i++)
              g_ptr_array_add (additions, new_string (&next));
            g_list_store_splice (store, position, removed, additions->pdata, added);
            model_changed = TRUE;
          }
          break;
        default:
          {
            guint length_now = g_list_model_get_n_items (G_LIST_MODEL (window));

            gtk_bitset_remove_all (reported);
            if (length_now > 0)
              {
                guint position = g_rand_int_range (rand, 0, length_now);
                guint first = sf_list_window_get_offset (window);

                if (g_rand_boolean (rand))
                  {
                    gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (selection), first + position);
                    gtk_bitset_remove_all (reported);
                    gtk_selection_model_select_item (GTK_SELECTION_MODEL (window), position, TRUE);
                    g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (selection), first + position));
                    g_assert_true (gtk_bitset_contains (reported, position));
                  }
                else
                  {
                    gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (window), position);
                    g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (selection), first + position));
                  }
                for (guint i = 0; i < length_now; i++)
                  g_assert_cmpint (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (window), i), ==,
                                   gtk_selection_model_is_selected (GTK_SELECTION_MODEL (selection), first + i));
                g_assert_cmpuint (gtk_bitset_get_maximum (reported), <, length_now);
              }
          }
          break;
        }

      n = g_list_model_get_n_items (G_LIST_MODEL (store));
      start = MIN (offset, n);
      length = MIN (size, n - start);
      g_assert_cmpuint (sf_list_window_get_offset (window), ==, start);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window)), ==, length);
      g_assert_cmpuint (items->len, ==, length);
      for (guint i = 0; i < length; i++)
        {
          g_autoptr(GObject) want = g_list_model_get_item (G_LIST_MODEL (store), start + i);
          g_autoptr(SfRowSlot) row = g_list_model_get_item (G_LIST_MODEL (window), i);

          g_assert_true (sf_row_slot_get_item (row) == want);
          g_assert_true (g_ptr_array_index (items, i) == want);
          if (start + i == replaced)
            g_assert_true (GPOINTER_TO_INT (g_ptr_array_index (touched, i)));
          /* The rows stay where the window did; from GTK 4.12, which does
           * not bind a row again for the same object, a row whose item
           * changed is a new one, and was in a signal */
          if (model_changed && i < rows_before->len && start == start_before)
            {
              if (gtk_check_version (4, 12, 0) != NULL)
                g_assert_true (g_ptr_array_index (rows_before, i) == row);
              else if (g_ptr_array_index (rows_before, i) != row)
                g_assert_true (GPOINTER_TO_INT (g_ptr_array_index (touched, i)));
            }
        }
      g_assert_null (g_list_model_get_item (G_LIST_MODEL (window), length));
    }

  /* Ctrl+A selects every row, not only those in view */
  sf_list_window_set_range (window, 10, 5);
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (window));
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (GTK_SELECTION_MODEL (selection))), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (store)));
}

/* ---- the viewport in a window ------------------------------------------ */

#define N_ROWS 5000

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, gtk_label_new (NULL));
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       gtk_string_object_get_string (sf_row_item (list_item)));
}

typedef struct
{
  GtkWidget         *window;
  GtkWidget         *scrolled;
  SfRowViewport     *viewport;
  GtkColumnView     *view;
  GtkStringList     *strings;
  GtkMultiSelection *selection;
} Table;

/* The row widgets the table made, in order */
static GPtrArray *
list_rows (Table *table)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (table->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      for (GtkWidget *row = gtk_widget_get_first_child (child); row != NULL; row = gtk_widget_get_next_sibling (row))
        if (g_strcmp0 (gtk_widget_get_css_name (row), "row") == 0)
          g_ptr_array_add (rows, row);
  return rows;
}

static guint
count_rows (Table *table)
{
  g_autoptr(GPtrArray) rows = list_rows (table);

  return rows->len;
}

/* Lets the window lay out and draw until nothing moves any more: under
 * load, a fixed wait may end before the table has learnt its rows'
 * height */
static void
settle (Table *table)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (table->scrolled));
  guint quiet = 0;

  for (guint i = 0; i < 200 && quiet < 3; i++)
    {
      guint rows = count_rows (table);
      guint first = sf_row_viewport_get_first (table->viewport);
      double value = gtk_adjustment_get_value (vadjustment);
      double upper = gtk_adjustment_get_upper (vadjustment);

      sf_test_wait_for_frame ();
      if (gtk_widget_get_mapped (GTK_WIDGET (table->view)) &&
          rows == count_rows (table) &&
          first == sf_row_viewport_get_first (table->viewport) &&
          value == gtk_adjustment_get_value (vadjustment) &&
          upper == gtk_adjustment_get_upper (vadjustment))
        quiet++;
      else
        quiet = 0;
    }
}

static void
table_set_up (Table *table)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  table->strings = gtk_string_list_new (NULL);
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Row %04u", i);

      gtk_string_list_append (table->strings, text);
    }
  table->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (table->strings)));
  table->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  column = gtk_column_view_column_new ("Name", factory);
  gtk_column_view_append_column (table->view, column);

  table->viewport = SF_ROW_VIEWPORT (sf_row_viewport_new ());
  sf_row_viewport_set_child (table->viewport, table->view);
  sf_row_viewport_set_model (table->viewport, GTK_SELECTION_MODEL (table->selection));
  table->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table->scrolled), GTK_WIDGET (table->viewport));
  table->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (table->window), table->scrolled);
  gtk_window_set_default_size (GTK_WINDOW (table->window), 600, 500);
  gtk_window_present (GTK_WINDOW (table->window));
  settle (table);
}

static void
table_tear_down (Table *table)
{
  gtk_window_destroy (GTK_WINDOW (table->window));
  g_clear_object (&table->selection);
  g_clear_object (&table->strings);
  sf_test_wait_for_frame ();
}

static GtkAdjustment *
table_vadjustment (Table *table)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (table->scrolled));
}

/* Row @number's label is in the table and in view */
static gboolean
row_shown (Table *table,
           guint  number)
{
  g_autofree char *text = g_strdup_printf ("Row %04u", number);
  GtkWidget *label = sf_test_find_label (GTK_WIDGET (table->view), text);

  return label != NULL && sf_test_shown_in (label, table->scrolled);
}

/* The row the focus is in, by its label; -1 if none */
static int
focused_row (Table *table)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (table->window));

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (g_strcmp0 (gtk_widget_get_css_name (focus), "row") == 0 &&
        GTK_IS_LIST_VIEW (gtk_widget_get_parent (focus)))
      {
        GtkWidget *label = sf_test_find_label_starting (focus, "Row ");

        return label != NULL ? atoi (gtk_label_get_label (GTK_LABEL (label)) + 4) : -1;
      }
  return -1;
}

static gboolean
press (Table           *table,
       guint            keyval,
       GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (table->viewport));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  settle (table);
  return handled;
}

/* 5,000 rows: the table makes rows for a screenful and a margin, not the
 * 200 GTK 4.8 would, and (on GTK 4.8) keeps them when the list is sorted
 * again; the
 * scrollbar spans all of them; scrolled anywhere,
 * the rows there are shown; Page Down, End and Home move the focus over
 * the whole list and select where it lands */
static void
test_viewport (void)
{
  Table table = { 0 };
  GtkAdjustment *vadjustment;
  guint made;

  table_set_up (&table);
  vadjustment = table_vadjustment (&table);

  made = count_rows (&table);
  g_assert_cmpuint (made, >, 10);
  g_assert_cmpuint (made, <, 80);
  g_assert_cmpuint (made, ==, g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table.view))));
  g_assert_true (GTK_SELECTION_MODEL (table.selection) == sf_row_viewport_model_of (table.view));
  g_assert_true (GTK_SELECTION_MODEL (table.selection) == sf_row_viewport_get_model (table.viewport));
  g_assert_true (row_shown (&table, 0));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, 20 * gtk_adjustment_get_page_size (vadjustment));

  /* Sorted the other way: the same rows show the other end of the list */
  {
    g_autoptr(GPtrArray) before = list_rows (&table);
    g_autoptr(GPtrArray) after = NULL;
    g_autoptr(GPtrArray) reversed = g_ptr_array_new_with_free_func (g_free);

    for (guint i = N_ROWS; i-- > 0;)
      g_ptr_array_add (reversed, g_strdup_printf ("Row %04u", i));
    g_ptr_array_add (reversed, NULL);
    gtk_string_list_splice (table.strings, 0, N_ROWS, (const char * const *) reversed->pdata);
    settle (&table);
    after = list_rows (&table);
    g_assert_cmpuint (after->len, ==, before->len);
    /* GTK 4.8 binds the same widgets again; from 4.12 GTK makes new ones
     * for the items now there, but only for the rows in view */
    if (gtk_check_version (4, 12, 0) != NULL)
      for (guint i = 0; i < after->len; i++)
        g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));
    g_assert_true (row_shown (&table, N_ROWS - 1));
    g_assert_false (row_shown (&table, 0));
    g_ptr_array_set_size (reversed, 0);
    for (guint i = 0; i < N_ROWS; i++)
      g_ptr_array_add (reversed, g_strdup_printf ("Row %04u", i));
    g_ptr_array_add (reversed, NULL);
    gtk_string_list_splice (table.strings, 0, N_ROWS, (const char * const *) reversed->pdata);
    settle (&table);
    g_assert_true (row_shown (&table, 0));
  }

  /* Scrolled to the end, to the middle, in small steps */
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  settle (&table);
  g_assert_true (row_shown (&table, N_ROWS - 1));
  g_assert_false (row_shown (&table, 0));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
  settle (&table);
  g_assert_true (row_shown (&table, N_ROWS / 2 + 2));
  for (guint step = 0; step < 10; step++)
    {
      guint before = sf_row_viewport_get_first (table.viewport);

      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + 7.5);
      sf_test_wait_for_frame ();
      g_assert_cmpuint (sf_row_viewport_get_first (table.viewport), >=, before);
    }
  g_assert_cmpuint (count_rows (&table), <, 80);

  /* The keyboard, from the first row */
  gtk_adjustment_set_value (vadjustment, 0);
  settle (&table);
  sf_row_viewport_scroll_to (table.viewport, 0);
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (sf_test_find_label (GTK_WIDGET (table.view), "Row 0000"))) ||
                 focused_row (&table) == 0);
  settle (&table);
  g_assert_cmpint (focused_row (&table), ==, 0);
  for (guint page = 0; page < 5; page++)
    g_assert_true (press (&table, GDK_KEY_Page_Down, 0));
  g_assert_cmpint (focused_row (&table), >, 5 * 10);
  g_assert_true (row_shown (&table, focused_row (&table)));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (table.selection), focused_row (&table)));
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (GTK_SELECTION_MODEL (table.selection))), ==, 1);

  g_assert_true (press (&table, GDK_KEY_End, 0));
  g_assert_cmpint (focused_row (&table), ==, N_ROWS - 1);
  g_assert_true (row_shown (&table, N_ROWS - 1));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (table.selection), N_ROWS - 1));

  /* Shift+Page Up extends the selection a page up */
  g_assert_true (press (&table, GDK_KEY_Page_Up, GDK_SHIFT_MASK));
  g_assert_cmpint (focused_row (&table), <, N_ROWS - 10);
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (GTK_SELECTION_MODEL (table.selection))), ==,
                    N_ROWS - focused_row (&table));

  g_assert_true (press (&table, GDK_KEY_Home, 0));
  g_assert_cmpint (focused_row (&table), ==, 0);
  g_assert_true (row_shown (&table, 0));
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (GTK_SELECTION_MODEL (table.selection))), ==, 1);

  /* Other keys are the table's own */
  g_assert_false (press (&table, GDK_KEY_Down, 0));

  /* Filtered to a few rows and back: all of them, from the top */
  gtk_string_list_splice (table.strings, 5, N_ROWS - 5, NULL);
  settle (&table);
  g_assert_cmpuint (count_rows (&table), ==, 5);
  g_assert_true (row_shown (&table, 4));
  table_tear_down (&table);
}

int
main (int   argc,
      char *argv[])
{
  sf_test_gui_init (&argc, &argv);

  g_test_add_func ("/gui/rows/list-window", test_list_window);
  g_test_add_func ("/gui/rows/viewport", test_viewport);
  return g_test_run ();
}
