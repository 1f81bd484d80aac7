/* sf-row-viewport.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sf-list-window.h"
#include "sf-row-viewport.h"

/* GTK 4.8's list and column views keep some 200 rows of widgets whatever
 * is in view, and bind them all again when a sort or a filter changes
 * their items: on a table of thousands that alone is several frames.
 * This widget sits in the scrolled window in the table's place.  It
 * scrolls over all of the model itself (the scrolled window's adjustment
 * counts every row), and gives the table an SfListWindow: the rows in view
 * and half a screen above and below, so that the table's own arrow keys
 * find the next row.  The table then scrolls itself a little to show it,
 * as it lays itself out; that scroll is read back into the position over
 * the whole model (see size_allocate()), and the window moves with it.
 * Page Up/Down, Home and End go further than the window: they are
 * handled here (on_key_pressed_cb()).
 *
 * The height of a row is read from the table once it has rows (all rows
 * are one height here), the header's from the table's own adjustment.
 *
 * When it can go: GTK 4.12's list and column views make rows only for
 * what is in view and scroll to an item themselves.  Once Debian 12 (GTK
 * 4.8) is no longer supported and the benchmark (docs/performance.md) has
 * been run on the newer GTK, the tables go straight in their scrolled
 * windows, without this widget and SfListWindow. */

#define GUESS_ROW_HEIGHT    34
#define GUESS_HEADER_HEIGHT 36

struct _SfRowViewport
{
  GtkWidget           parent_instance;

  GtkColumnView      *child;
  GtkSelectionModel  *model;
  SfListWindow       *window;
  GtkAdjustment      *adjustment[2];   /* the scrolled window's */
  GtkScrollablePolicy policy[2];
  GtkAdjustment      *inner;           /* the table's own, vertical */
  double              row_height;
  int                 header_height;
  int                 height;          /* as allocated */
  guint               laying_out : 1;  /* in size_allocate() */
  guint               placed : 1;      /* the table moved since it was laid out */
  guint               remeasure_id;    /* tick: heights learnt, measure again */
};

enum
{
  PROP_0,
  PROP_CHILD,
  PROP_MODEL,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS = PROP_HADJUSTMENT
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (SfRowViewport, sf_row_viewport, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static guint
n_rows (SfRowViewport *self)
{
  return self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

static int
rows_height (SfRowViewport *self)
{
  return MAX (0, self->height - self->header_height);
}

/* Moves the window to the scrolled window's position */
static void
move_window (SfRowViewport *self)
{
  GtkAdjustment *vadjustment = self->adjustment[GTK_ORIENTATION_VERTICAL];
  double value, page;
  guint first, visible, margin, offset;

  if (self->window == NULL || vadjustment == NULL)
    return;

  value = gtk_adjustment_get_value (vadjustment);
  page = rows_height (self);
  first = (guint) floor (value / self->row_height);
  visible = (guint) ceil (page / self->row_height) + 1;
  margin = visible / 2 + 2;
  offset = first > margin ? first - margin : 0;
  if (sf_list_window_set_range (self->window, offset, first - offset + visible + margin))
    self->placed = TRUE;
}

/* Where the table is to be scrolled within the window */
static double
wanted_inner_value (SfRowViewport *self)
{
  return gtk_adjustment_get_value (self->adjustment[GTK_ORIENTATION_VERTICAL]) -
         sf_row_viewport_get_first (self) * self->row_height;
}

/* Scrolls the table within the window to the scrolled window's position.
 * Only once the table has laid out the window's rows: before, it does
 * not know where its new rows are and refuses (with a warning) to scroll
 * among them. */
static void
place_table (SfRowViewport *self)
{
  double page = rows_height (self);
  double wanted = wanted_inner_value (self);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->window));

  if (fabs (wanted - gtk_adjustment_get_value (self->inner)) >= 0.5)
    self->placed = TRUE;
  gtk_adjustment_configure (self->inner, wanted, 0, MAX (shown * self->row_height, page),
                            self->row_height, page * 0.9, page);
}

/* The scrolled window's size of the whole, from what is known of a row */
static void
configure_adjustment (SfRowViewport *self)
{
  GtkAdjustment *vadjustment = self->adjustment[GTK_ORIENTATION_VERTICAL];
  double upper, page;

  if (vadjustment == NULL)
    return;
  page = rows_height (self);
  upper = MAX (n_rows (self) * self->row_height, page);
  gtk_adjustment_configure (vadjustment,
                            CLAMP (gtk_adjustment_get_value (vadjustment), 0, upper - page),
                            0, upper, self->row_height, page * 0.9, page);
}

static void
on_vadjustment_value_changed_cb (SfRowViewport *self)
{
  move_window (self);
  if (!self->laying_out)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Only a change of the number of rows changes the whole's size, and so
 * where the window can be: an edit replaces rows one for one, and the
 * window has already given the table their new items */
static void
on_model_items_changed_cb (SfRowViewport *self,
                           guint          position,
                           guint          removed,
                           guint          added)
{
  if (removed == added)
    return;
  configure_adjustment (self);
  move_window (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The table's rows, in the order of the window's items: GTK 4.8's column
 * view lays them out as the children of a list view (all of them, as the
 * window has fewer than the 200 it keeps) */
static GtkWidget *
rows_parent (SfRowViewport *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->child));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

static gboolean
is_row (GtkWidget *widget)
{
  return g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0;
}

static GtkWidget *
nth_row (GtkWidget *rows,
         guint      n)
{
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (rows); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (is_row (row) && i++ == n)
      return row;
  return NULL;
}

/* Where the row with the focus is, in the window; FALSE if none has it.
 * From the window's focus up, not down the focus-child chain: GTK keeps
 * that chain only while the window is active. */
static gboolean
focused_row (GtkWidget *rows,
             guint     *position)
{
  GtkRoot *root = gtk_widget_get_root (rows);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint i = 0;

  while (focus != NULL && gtk_widget_get_parent (focus) != rows)
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL)
    return FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (rows); row != focus; row = gtk_widget_get_next_sibling (row))
    if (is_row (row))
      i++;
  *position = i;
  return is_row (focus);
}

/* Page Up/Down, Home and End move the focus a page, or to the first or
 * last row, of the whole model: the table alone would stop at the end of
 * the rows it has.  As in GTK's own lists, the row the focus reaches is
 * selected; with Shift from the row it left, with Ctrl not at all. */
static gboolean
on_key_pressed_cb (SfRowViewport         *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  GtkAdjustment *vadjustment = self->adjustment[GTK_ORIENTATION_VERTICAL];
  GtkWidget *rows, *row;
  guint n = n_rows (self), position, target, page;

  if (vadjustment == NULL || n == 0 || (rows = rows_parent (self)) == NULL ||
      !focused_row (rows, &position))
    return GDK_EVENT_PROPAGATE;
  position += sf_row_viewport_get_first (self);
  page = MAX (1, (guint) floor (rows_height (self) / self->row_height) - 1);
  switch (keyval)
    {
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      target = position > page ? position - page : 0;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      target = MIN (position + page, n - 1);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      target = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      target = n - 1;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  sf_row_viewport_scroll_to (self, target);
  row = nth_row (rows, target - sf_row_viewport_get_first (self));
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (row);
  if (state & GDK_CONTROL_MASK)
    ;
  else if (state & GDK_SHIFT_MASK)
    gtk_selection_model_select_range (self->model, MIN (position, target),
                                      MAX (position, target) - MIN (position, target) + 1, FALSE);
  else
    gtk_selection_model_select_item (self->model, target, TRUE);
  return GDK_EVENT_STOP;
}

/* ---- size -------------------------------------------------------------- */

static void
sf_row_viewport_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SfRowViewport *self = SF_ROW_VIEWPORT (widget);

  *minimum = *natural = 0;
  if (self->child == NULL)
    return;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (GTK_WIDGET (self->child), orientation, for_size,
                          minimum, natural, NULL, NULL);
      return;
    }
  /* A header and a row; the whole list when there is room */
  *minimum = self->header_height + (n_rows (self) > 0 ? (int) ceil (self->row_height) : 0);
  *natural = MAX (*minimum, self->header_height + (int) ceil (n_rows (self) * self->row_height));
}

/* What was measured before the heights were known was a guess: the
 * natural height of a short table (the Caseloads page's teams) is right
 * from the next frame */
static gboolean
remeasure_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  SF_ROW_VIEWPORT (widget)->remeasure_id = 0;
  gtk_widget_queue_resize (widget);
  return G_SOURCE_REMOVE;
}

/* Reads the height of the header and of a row from the table as laid out;
 * TRUE if they were not what the window was made for */
static gboolean
learn_heights (SfRowViewport *self,
               int            height)
{
  guint shown = self->window != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->window)) : 0;
  int header = height - (int) gtk_adjustment_get_page_size (self->inner);
  double row = self->row_height;
  gboolean changed;

  if (shown > 0 && gtk_adjustment_get_upper (self->inner) > 0)
    row = gtk_adjustment_get_upper (self->inner) / shown;
  if (row < 1)
    row = self->row_height;
  header = CLAMP (header, 0, height);
  changed = header != self->header_height || fabs (row - self->row_height) > 0.01;
  self->header_height = header;
  self->row_height = row;
  if (changed && self->remeasure_id == 0)
    self->remeasure_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), remeasure_cb, NULL, NULL);
  return changed;
}

static void
allocate_table (SfRowViewport *self,
                int            width,
                int            height)
{
  gtk_widget_size_allocate (GTK_WIDGET (self->child), &(GtkAllocation) { 0, 0, width, height }, -1);
}

static void
sf_row_viewport_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SfRowViewport *self = SF_ROW_VIEWPORT (widget);

  self->height = height;
  if (self->child == NULL)
    return;
  if (self->window == NULL || self->adjustment[GTK_ORIENTATION_VERTICAL] == NULL)
    {
      allocate_table (self, width, height);
      return;
    }

  /* Laid out again if the table found other heights than were thought, or
   * put its rows elsewhere than it was told: after a move here because it
   * places rows it has not measured yet by a guess (they are put back),
   * else because it scrolled itself to show the row the focus moved to
   * (the whole scrolls with it) */
  self->laying_out = TRUE;
  for (guint round = 0; round < 4; round++)
    {
      double value;

      configure_adjustment (self);
      move_window (self);
      if (self->placed)
        {
          allocate_table (self, width, height);
          learn_heights (self, height);
        }
      place_table (self);
      allocate_table (self, width, height);
      if (learn_heights (self, height))
        continue;
      value = gtk_adjustment_get_value (self->inner);
      if (fabs (value - wanted_inner_value (self)) < 0.5)
        break;
      if (!self->placed)
        gtk_adjustment_set_value (self->adjustment[GTK_ORIENTATION_VERTICAL], sf_row_viewport_get_first (self) * self->row_height + value);
    }
  self->laying_out = FALSE;
  self->placed = FALSE;
}

/* ---- GtkScrollable ----------------------------------------------------- */

static void
set_adjustment (SfRowViewport  *self,
                GtkOrientation  orientation,
                GtkAdjustment  *adjustment)
{
  if (adjustment != NULL && adjustment == self->adjustment[orientation])
    return;

  if (self->adjustment[orientation] != NULL)
    g_signal_handlers_disconnect_by_data (self->adjustment[orientation], self);
  g_clear_object (&self->adjustment[orientation]);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  self->adjustment[orientation] = g_object_ref_sink (adjustment);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The table scrolls across itself */
      if (self->child != NULL)
        gtk_scrollable_set_hadjustment (GTK_SCROLLABLE (self->child), adjustment);
    }
  else
    {
      g_signal_connect_object (adjustment, "value-changed",
                               G_CALLBACK (on_vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
      configure_adjustment (self);
    }
  g_object_notify (G_OBJECT (self), orientation == GTK_ORIENTATION_HORIZONTAL ? "hadjustment" : "vadjustment");
}

static void
sf_row_viewport_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SfRowViewport *self = SF_ROW_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->adjustment[GTK_ORIENTATION_HORIZONTAL]);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->adjustment[GTK_ORIENTATION_VERTICAL]);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->policy[GTK_ORIENTATION_HORIZONTAL]);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->policy[GTK_ORIENTATION_VERTICAL]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_row_viewport_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SfRowViewport *self = SF_ROW_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      sf_row_viewport_set_child (self, g_value_get_object (value));
      break;
    case PROP_MODEL:
      sf_row_viewport_set_model (self, g_value_get_object (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_VERTICAL, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->policy[GTK_ORIENTATION_HORIZONTAL] = g_value_get_enum (value);
      if (self->child != NULL)
        gtk_scrollable_set_hscroll_policy (GTK_SCROLLABLE (self->child), self->policy[GTK_ORIENTATION_HORIZONTAL]);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->policy[GTK_ORIENTATION_VERTICAL] = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- the table and its model ------------------------------------------- */

void
sf_row_viewport_set_child (SfRowViewport *self,
                           GtkColumnView *child)
{
  g_return_if_fail (SF_IS_ROW_VIEWPORT (self));
  g_return_if_fail (child == NULL || GTK_IS_COLUMN_VIEW (child));

  if (self->child == child)
    return;
  if (self->child != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->child));
  self->child = child;
  if (child != NULL)
    {
      gtk_widget_set_parent (GTK_WIDGET (child), GTK_WIDGET (self));
      gtk_scrollable_set_vadjustment (GTK_SCROLLABLE (child), self->inner);
      gtk_scrollable_set_hadjustment (GTK_SCROLLABLE (child), self->adjustment[GTK_ORIENTATION_HORIZONTAL]);
      gtk_scrollable_set_hscroll_policy (GTK_SCROLLABLE (child), self->policy[GTK_ORIENTATION_HORIZONTAL]);
      if (self->window != NULL)
        gtk_column_view_set_model (child, GTK_SELECTION_MODEL (self->window));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

/* The table shows @model from now on, scrolled to its start */
void
sf_row_viewport_set_model (SfRowViewport     *self,
                           GtkSelectionModel *model)
{
  g_return_if_fail (SF_IS_ROW_VIEWPORT (self));
  g_return_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  g_clear_object (&self->window);
  if (model != NULL)
    {
      self->window = sf_list_window_new (model);
      /* After the window's own handler: it has the new items already */
      g_signal_connect_object (model, "items-changed",
                               G_CALLBACK (on_model_items_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (self->child != NULL)
    gtk_column_view_set_model (self->child, GTK_SELECTION_MODEL (self->window));
  if (self->adjustment[GTK_ORIENTATION_VERTICAL] != NULL)
    gtk_adjustment_set_value (self->adjustment[GTK_ORIENTATION_VERTICAL], 0);
  configure_adjustment (self);
  move_window (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/* The whole model, not the rows the table has been given */
GtkSelectionModel *
sf_row_viewport_get_model (SfRowViewport *self)
{
  g_return_val_if_fail (SF_IS_ROW_VIEWPORT (self), NULL);

  return self->model;
}

/* The position in the model of the table's first row */
guint
sf_row_viewport_get_first (SfRowViewport *self)
{
  g_return_val_if_fail (SF_IS_ROW_VIEWPORT (self), 0);

  return self->window != NULL ? sf_list_window_get_offset (self->window) : 0;
}

/* Scrolls as little as needed for the row at @position to be in view */
void
sf_row_viewport_scroll_to (SfRowViewport *self,
                           guint          position)
{
  GtkAdjustment *vadjustment;
  double top, page, value;

  g_return_if_fail (SF_IS_ROW_VIEWPORT (self));

  vadjustment = self->adjustment[GTK_ORIENTATION_VERTICAL];
  if (vadjustment == NULL || position >= n_rows (self))
    return;
  top = position * self->row_height;
  page = rows_height (self);
  value = gtk_adjustment_get_value (vadjustment);
  if (top < value)
    gtk_adjustment_set_value (vadjustment, top);
  else if (top + self->row_height > value + page)
    gtk_adjustment_set_value (vadjustment, top + self->row_height - page);
}

/* The model a column view shows: the whole of it if @view is in an
 * SfRowViewport */
GtkSelectionModel *
sf_row_viewport_model_of (GtkColumnView *view)
{
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  return SF_IS_LIST_WINDOW (model) ? sf_list_window_get_model (SF_LIST_WINDOW (model)) : model;
}

/* The item of the model at the table's row @position (as "activate"
 * gives it), a new reference */
gpointer
sf_row_viewport_item_at (GtkColumnView *view,
                         guint          position)
{
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  if (row != NULL && SF_IS_ROW_SLOT (row))
    return g_object_ref (sf_row_slot_get_item (SF_ROW_SLOT (row)));
  return g_steal_pointer (&row);
}

/* ---- life -------------------------------------------------------------- */

static void
sf_row_viewport_dispose (GObject *object)
{
  SfRowViewport *self = SF_ROW_VIEWPORT (object);

  if (self->remeasure_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->remeasure_id);
  self->remeasure_id = 0;
  if (self->child != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->child));
  self->child = NULL;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->window);
  for (guint i = 0; i < 2; i++)
    {
      if (self->adjustment[i] != NULL)
        g_signal_handlers_disconnect_by_data (self->adjustment[i], self);
      g_clear_object (&self->adjustment[i]);
    }
  g_clear_object (&self->inner);

  G_OBJECT_CLASS (sf_row_viewport_parent_class)->dispose (object);
}

static void
sf_row_viewport_class_init (SfRowViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_row_viewport_dispose;
  object_class->get_property = sf_row_viewport_get_property;
  object_class->set_property = sf_row_viewport_set_property;
  widget_class->measure = sf_row_viewport_measure;
  widget_class->size_allocate = sf_row_viewport_size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_COLUMN_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, GTK_TYPE_SELECTION_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "sf-row-viewport");
}

static void
sf_row_viewport_init (SfRowViewport *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  self->row_height = GUESS_ROW_HEIGHT;
  self->header_height = GUESS_HEADER_HEIGHT;
  self->inner = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  for (guint i = 0; i < 2; i++)
    self->adjustment[i] = NULL;
}

GtkWidget *
sf_row_viewport_new (void)
{
  return g_object_new (SF_TYPE_ROW_VIEWPORT, NULL);
}
