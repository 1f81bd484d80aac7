/* sf-cases-view.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sf-case-item.h"
#include "sf-cases-view-private.h"
#include "sf-filtered-list.h"
#include "sf-list-edit.h"
#include "sf-list-window.h"
#include "sf-role-gate.h"
#include "sf-row-viewport.h"
#include "sf-worker-choices.h"

/* Every case, to add, edit, close, reopen, reassign, cover and delete, one
 * or many at a time.  What the view does is in sf-cases-view-actions.c;
 * the struct in sf-cases-view-private.h. */

G_DEFINE_FINAL_TYPE (SfCasesView, sf_cases_view, GTK_TYPE_WIDGET)

/* ---- cells ----------------------------------------------------------- */

static char *
state_text (SfCaseItem *item,
            SfDay       ref)
{
  SfDay closed = sf_case_item_get_closed (item);
  SfDay start = sf_case_item_get_start (item);

  if (closed != SF_DAY_NONE && closed <= ref)
    {
      g_autofree char *day = sf_day_format (closed);

      /* Translators: the state of a case: closed on a date */
      return g_strdup_printf (_("Closed %s"), day);
    }
  if (start != SF_DAY_NONE && start > ref)
    {
      g_autofree char *day = sf_day_format (start);

      /* Translators: the state of a case that has not begun yet */
      return g_strdup_printf (_("Starts %s"), day);
    }
  if (sf_case_item_get_uncovered (item))
    return g_strdup (_("Uncovered"));
  return g_strdup (C_("case", "Open"));
}

static char *
cell_text (SfCasesView *self,
           SfCaseItem  *item,
           const char  *column)
{
  if (g_str_equal (column, "reference"))
    return g_strdup (sf_case_item_get_reference (item));
  if (g_str_equal (column, "complexity"))
    return g_strdup (sf_complexity_to_label (sf_case_item_get_complexity (item)));
  if (g_str_equal (column, "caseworker"))
    return g_strdup (sf_case_item_get_caseworker (item));
  if (g_str_equal (column, "cover"))
    return g_strdup (sf_case_item_get_cover (item) != NULL ? sf_case_item_get_cover (item) : "");
  if (g_str_equal (column, "area"))
    return g_strdup (sf_case_item_get_area (item));
  if (g_str_equal (column, "start"))
    return sf_day_format (sf_case_item_get_start (item));
  if (g_str_equal (column, "state"))
    return state_text (item, self->ref);
  g_return_val_if_reached (NULL);
}

static void
on_label_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
on_label_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  SfCasesView *self = g_object_get_data (G_OBJECT (factory), "sf-view");
  SfCaseItem *item = sf_row_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (self, item, user_data);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (g_str_equal (user_data, "state"))
    {
      /* Uncovered cases count on nobody: the word says it, the colour helps */
      if (sf_case_item_get_uncovered (item))
        gtk_widget_add_css_class (label, "warning");
      else
        gtk_widget_remove_css_class (label, "warning");
      if (sf_case_item_get_open (item))
        gtk_widget_remove_css_class (label, "dim-label");
      else
        gtk_widget_add_css_class (label, "dim-label");
    }
}

static double
sort_value (SfCaseItem *item,
            const char *column)
{
  if (g_str_equal (column, "complexity"))
    return sf_case_item_get_complexity (item);
  if (g_str_equal (column, "start"))
    return sf_case_item_get_start (item);
  if (g_str_equal (column, "state"))
    {
      SfDay closed = sf_case_item_get_closed (item);

      /* Open cases first, then by closing day */
      return closed == SF_DAY_NONE ? 0 : closed;
    }
  return 0;
}

static int
compare_cases_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SfCaseItem *ia = (SfCaseItem *) a;
  SfCaseItem *ib = (SfCaseItem *) b;
  const char *column = user_data;
  int result = 0;

  if (g_str_equal (column, "caseworker") || g_str_equal (column, "cover") || g_str_equal (column, "area"))
    {
      const char *ta = g_str_equal (column, "caseworker") ? sf_case_item_get_caseworker (ia)
                       : g_str_equal (column, "cover") ? sf_case_item_get_cover (ia) : sf_case_item_get_area (ia);
      const char *tb = g_str_equal (column, "caseworker") ? sf_case_item_get_caseworker (ib)
                       : g_str_equal (column, "cover") ? sf_case_item_get_cover (ib) : sf_case_item_get_area (ib);

      result = g_strcmp0 (ta, tb);
    }
  else if (!g_str_equal (column, "reference"))
    {
      double va = sort_value (ia, column);
      double vb = sort_value (ib, column);

      result = va < vb ? -1 : va > vb ? 1 : 0;
    }
  /* Ties, and the reference column: the case number in natural order */
  if (result == 0)
    result = strcmp (sf_case_item_get_sort_key (ia), sf_case_item_get_sort_key (ib));
  return result;
}

static GtkColumnViewColumn *
add_column (SfCasesView *self,
            const char  *column,
            const char  *title,
            int          width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cases_cb, (gpointer) column, NULL));

  g_object_set_data (G_OBJECT (factory), "sf-view", self);
  g_signal_connect (factory, "setup", G_CALLBACK (on_label_setup_cb), (gpointer) column);
  g_signal_connect (factory, "bind", G_CALLBACK (on_label_bind_cb), (gpointer) column);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  else
    gtk_column_view_column_set_expand (view_column, TRUE);
  gtk_column_view_append_column (self->case_view, view_column);
  g_object_unref (view_column);
  return view_column;
}

/* ---- filters --------------------------------------------------------- */

static gboolean
contains_ascii_nocase (const char *haystack,
                       const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = haystack; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SfCasesView *self = user_data;
  SfCaseItem *kase = item;
  SfDay closed = sf_case_item_get_closed (kase);
  gboolean is_closed = closed != SF_DAY_NONE && closed <= self->ref;

  if (self->show == SF_CASES_SHOW_OPEN && is_closed)
    return FALSE;
  if (self->show == SF_CASES_SHOW_CLOSED && !is_closed)
    return FALSE;
  if (self->filter_team != 0 && sf_case_item_get_team_id (kase) != self->filter_team)
    return FALSE;
  if (self->filter_worker != 0 && sf_case_item_get_caseworker_id (kase) != self->filter_worker &&
      sf_case_item_get_cover_id (kase) != self->filter_worker)
    return FALSE;
  if (self->search != NULL && !contains_ascii_nocase (sf_case_item_get_reference (kase), self->search))
    return FALSE;
  return TRUE;
}

/* What changes cases: on what is chosen, and on nothing chosen */
static const char * const case_writes[] = {
  "cases.edit", "cases.close", "cases.reopen", "cases.reassign", "cases.cover", "cases.delete", NULL
};
static const char * const case_adds[] = { "cases.new", "cases.counts", NULL };

static void
update_selection_state (SfCasesView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);
  gboolean any_open = FALSE, any_closed = FALSE;
  g_autofree char *text = NULL;
  g_autofree char *close_label = NULL;
  GtkBitsetIter iter;
  guint position;

  if (self->selection_label == NULL)
    return;

  /* Looking at every chosen case costs little, and it says what applies */
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok && !(any_open && any_closed);
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(SfCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      SfDay closed = sf_case_item_get_closed (item);

      if (closed == SF_DAY_NONE)
        any_open = TRUE;
      else
        any_closed = TRUE;
    }

  if (n == 0)
    text = g_strdup (_("Choose cases in the list to change them; Ctrl or Shift chooses several."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case chosen", "%u cases chosen", (guint) n), (guint) n);
  gtk_label_set_label (self->selection_label, text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.edit", n == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.close", any_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.reopen", any_closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.reassign", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.cover", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.delete", n > 0);
  /* A role that may not change cases (HR) is offered none of it */
  sf_role_gate (GTK_WIDGET (self), self->context, SF_ACCESS_DO_CASES, case_writes, FALSE);
  sf_role_gate (GTK_WIDGET (self), self->context, SF_ACCESS_DO_CASES, case_adds, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), any_open);

  close_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Close %u Case", "_Close %u Cases", (guint) n),
                                 (guint) n);
  gtk_button_set_label (self->close_confirm_button, close_label);
}

static void
update_shown (SfCasesView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", total), total);
  else
    /* Translators: cases shown of all cases */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u case", "%u of %u cases", total), shown, total);
  gtk_label_set_label (self->shown_label, text);
  gtk_stack_set_visible_child_name (self->content_stack,
                                    total == 0 ? "no-cases" : shown == 0 ? "no-match" : "list");
  update_selection_state (self);
}

static void
apply_filters (SfCasesView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_shown (self);
}

guint
_sf_cases_view_find_position (GArray *ids,
               gint64  id)
{
  guint position = sf_worker_choices_find (ids, id);

  return position == GTK_INVALID_LIST_POSITION ? 0 : position;
}

/* Shows the filters in the dropdowns.  A team or person who is gone is no
 * longer a filter: returns whether one was dropped. */
static gboolean
show_filters (SfCasesView *self)
{
  gint64 team, worker;
  gboolean dropped;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->team_dropdown, _sf_cases_view_find_position (self->team_ids, self->filter_team));
  gtk_drop_down_set_selected (self->worker_dropdown, _sf_cases_view_find_position (self->worker_ids, self->filter_worker));
  gtk_drop_down_set_selected (self->state_dropdown, self->show);
  self->updating = FALSE;
  team = g_array_index (self->team_ids, gint64, _sf_cases_view_find_position (self->team_ids, self->filter_team));
  worker = g_array_index (self->worker_ids, gint64, _sf_cases_view_find_position (self->worker_ids, self->filter_worker));
  dropped = team != self->filter_team || worker != self->filter_worker;
  self->filter_team = team;
  self->filter_worker = worker;
  return dropped;
}

static void
select_filters (SfCasesView *self)
{
  show_filters (self);
  apply_filters (self);
}

static void
on_dropdown_selected_cb (SfCasesView *self,
                         GParamSpec  *pspec,
                         GtkDropDown *dropdown)
{
  guint team = gtk_drop_down_get_selected (self->team_dropdown);
  guint worker = gtk_drop_down_get_selected (self->worker_dropdown);
  guint state = gtk_drop_down_get_selected (self->state_dropdown);

  if (self->updating)
    return;
  self->filter_team = team < self->team_ids->len ? g_array_index (self->team_ids, gint64, team) : 0;
  self->filter_worker = worker < self->worker_ids->len ? g_array_index (self->worker_ids, gint64, worker) : 0;
  self->show = state <= SF_CASES_SHOW_ALL ? (SfCasesShow) state : SF_CASES_SHOW_OPEN;
  apply_filters (self);
}

static void
on_search_changed_cb (SfCasesView    *self,
                      GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_steal_pointer (&stripped);
  apply_filters (self);
}

static void
on_stop_search_cb (SfCasesView    *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->case_view));
}

static void
on_selection_changed_cb (SfCasesView       *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *model)
{
  update_selection_state (self);
}

static void
on_items_changed_cb (SfCasesView *self,
                     guint        position,
                     guint        removed,
                     guint        added,
                     GListModel  *model)
{
  update_selection_state (self);
}

/* ---- object ---------------------------------------------------------- */

static void
build_columns (SfCasesView *self)
{
  GtkColumnViewColumn *reference;
  g_autoptr(GtkSortListModel) sorted = NULL;

  reference = add_column (self, "reference", _("Case Number"), 150);
  add_column (self, "complexity", _("Complexity"), 155);
  add_column (self, "caseworker", _("Caseworker"), 0);
  add_column (self, "cover", _("Covered By"), 0);
  add_column (self, "area", _("Case Area"), 215);
  add_column (self, "start", _("Start Date"), 105);
  add_column (self, "state", _("State"), 135);

  /* Sorted, then filtered: the sort runs only when the sorter or the
   * cases change, not each time the filter does (a sort model above a
   * filter model sorts all that the filter lets through again).  The
   * filter is an SfFilteredList: GtkFilterListModel counts through a
   * bitset for each item asked for, which over 100,000 cases took longer
   * than the rest of a change of filter. */
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->cases)),
                                    g_object_ref (gtk_column_view_get_sorter (self->case_view)));
  self->filter_model = sf_filtered_list_new (G_LIST_MODEL (g_steal_pointer (&sorted)), GTK_FILTER (self->filter));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->filter_model)));
  sf_row_viewport_set_model (self->case_viewport, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->case_view, reference, GTK_SORT_ASCENDING);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
sf_cases_view_dispose (GObject *object)
{
  SfCasesView *self = SF_CASES_VIEW (object);
  GtkWidget *child;

  g_clear_weak_pointer (&self->dialog);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_CASES_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sf_cases_view_parent_class)->dispose (object);
}

static void
sf_cases_view_finalize (GObject *object)
{
  SfCasesView *self = SF_CASES_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->cases);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->worker_ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (sf_cases_view_parent_class)->finalize (object);
}

static void
sf_cases_view_class_init (SfCasesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_cases_view_dispose;
  object_class->finalize = sf_cases_view_finalize;

  g_type_ensure (SF_TYPE_ROW_VIEWPORT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-cases-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SfCasesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SfCasesView, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SfCasesView, worker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SfCasesView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SfCasesView, shown_label);
  gtk_widget_class_bind_template_child (widget_class, SfCasesView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SfCasesView, case_view);
  gtk_widget_class_bind_template_child (widget_class, SfCasesView, case_viewport);
  gtk_widget_class_bind_template_child (widget_class, SfCasesView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, SfCasesView, close_button);
  gtk_widget_class_bind_template_child (widget_class, SfCasesView, close_popover);
  gtk_widget_class_bind_template_child (widget_class, SfCasesView, close_calendar);
  gtk_widget_class_bind_template_child (widget_class, SfCasesView, close_confirm_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  _sf_cases_view_class_actions_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sf-cases-view");
}

static void
sf_cases_view_init (SfCasesView *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->worker_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cases = g_list_store_new (SF_TYPE_CASE_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  build_columns (self);

  gtk_string_list_append (states, _("Open cases"));
  gtk_string_list_append (states, _("Closed cases"));
  gtk_string_list_append (states, _("Open and closed"));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
  /* Typing a name or initials finds the caseworker */
  gtk_drop_down_set_expression (self->worker_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  g_signal_connect_object (self->team_dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->worker_dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state_dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self,
                           G_CONNECT_SWAPPED);
  update_shown (self);
}

/* ---- public ---------------------------------------------------------- */

/* The view's edits go to the store of @context, and their undo is
 * offered through it. */
void
sf_cases_view_set_context (SfCasesView *self,
                           SfContext   *context)
{
  g_return_if_fail (SF_IS_CASES_VIEW (self));
  g_return_if_fail (SF_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  g_set_object (&self->store, sf_context_get_store (context));
}

/* A new item for @kase, or NULL when @old (which may be NULL) shows it
 * as it is now. */
static SfCaseItem *
fresh_item (SfCaseItem      *old,
            const SfCase    *kase,
            const SfDataset *dataset,
            GHashTable      *names,
            SfDay            ref)
{
  if (old != NULL && sf_case_item_matches (old, kase, dataset, names, ref))
    return NULL;
  return sf_case_item_new (kase, dataset, names, ref);
}

/* Where @item is shown, filtered and sorted as on screen, or
 * GTK_INVALID_LIST_POSITION: a binary search with the list's own sorter. */
static guint
shown_position (SfCasesView *self,
                SfCaseItem  *item)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  GtkSorter *sorter = gtk_column_view_get_sorter (self->case_view);
  guint n = g_list_model_get_n_items (model);
  guint lo = 0, hi = n;

  if (!gtk_filter_match (GTK_FILTER (self->filter), item))
    return GTK_INVALID_LIST_POSITION;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(SfCaseItem) other = g_list_model_get_item (model, mid);

      if (gtk_sorter_compare (sorter, other, item) == GTK_ORDERING_SMALLER)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* Among those that sort alike */
  for (guint i = lo; i < n; i++)
    {
      g_autoptr(SfCaseItem) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
      if (gtk_sorter_compare (sorter, other, item) != GTK_ORDERING_EQUAL)
        break;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Makes @edits (SfListEdit) in the list of all cases.  The items that stay
 * stay chosen (the selection follows them); a chosen case whose item is
 * replaced is chosen again. */
static void
apply_edits (SfCasesView *self,
             GArray      *edits)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  g_autoptr(GHashTable) chosen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) again = g_ptr_array_new ();
  GtkBitsetIter iter;
  guint position;

  if (edits->len == 0)
    return;
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(SfCaseItem) item = g_list_model_get_item (G_LIST_MODEL (selection), position);

      g_hash_table_add (chosen, item);
    }
  for (guint i = 0; i < edits->len; i++)
    {
      const SfListEdit *edit = &g_array_index (edits, SfListEdit, i);

      if (edit->old != NULL && edit->item != NULL && g_hash_table_contains (chosen, edit->old))
        g_ptr_array_add (again, edit->item);
    }

  sf_list_store_apply_edits (self->cases, edits);

  for (guint i = 0; i < again->len; i++)
    if ((position = shown_position (self, again->pdata[i])) != GTK_INVALID_LIST_POSITION)
      gtk_selection_model_select_item (selection, position, FALSE);
}

static void
merge_items (SfCasesView     *self,
             const SfDataset *dataset,
             SfDay            ref)
{
  GListModel *model = G_LIST_MODEL (self->cases);
  guint n_old = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) names = sf_case_item_names_new ();
  g_autoptr(GArray) edits = sf_list_edits_new ();
  GArray *cases = dataset->cases;
  guint i = 0, j = 0;

  /* Both in id order: walk them side by side */
  while (i < n_old || j < cases->len)
    {
      g_autoptr(SfCaseItem) a = i < n_old ? g_list_model_get_item (model, i) : NULL;
      const SfCase *b = j < cases->len ? &g_array_index (cases, SfCase, j) : NULL;

      if (a != NULL && b != NULL && sf_case_item_get_id (a) == b->id)
        {
          SfCaseItem *item = fresh_item (a, b, dataset, names, ref);

          if (item != NULL)
            sf_list_edits_add (edits, i, g_steal_pointer (&a), item);
          i++;
          j++;
        }
      else if (b == NULL || (a != NULL && sf_case_item_get_id (a) < b->id))
        {
          sf_list_edits_add (edits, i, g_steal_pointer (&a), NULL);
          i++;
        }
      else
        {
          sf_list_edits_add (edits, i, NULL, fresh_item (NULL, b, dataset, names, ref));
          j++;
        }
    }
  apply_edits (self, edits);
}

/* The caseworkers to filter by, by team and initials */
static void
fill_worker_choices (SfCasesView     *self,
                     const SfDataset *dataset)
{
  g_autoptr(GtkStringList) worker_names = NULL;

  g_clear_pointer (&self->worker_ids, g_array_unref);
  worker_names = sf_worker_choices_new (dataset, _("All caseworkers"), 0, FALSE, &self->worker_ids);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->worker_dropdown, G_LIST_MODEL (worker_names));
  self->updating = FALSE;
}

void
sf_cases_view_set_data (SfCasesView      *self,
                        const SfDataset  *dataset,
                        const SfSettings *settings,
                        SfDay             ref)
{
  g_autoptr(GtkStringList) team_names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_return_if_fail (SF_IS_CASES_VIEW (self));
  g_return_if_fail (dataset != NULL);

  self->dataset = dataset;
  self->settings = *settings;
  self->ref = ref;

  merge_items (self, dataset, ref);

  g_array_set_size (self->team_ids, 0);
  g_array_append_val (self->team_ids, none);
  gtk_string_list_append (team_names, _("All teams"));
  for (guint i = 0; i < dataset->teams->len; i++)
    {
      const SfTeam *team = &g_array_index (dataset->teams, SfTeam, i);

      g_array_append_val (self->team_ids, team->id);
      gtk_string_list_append (team_names, team->name);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (team_names));
  self->updating = FALSE;
  fill_worker_choices (self, dataset);
  select_filters (self);
}

/* The cases @case_ids and those that @caseworker_ids carry or cover, in
 * id order, each once.  A scan of the cases, no items made. */
static GArray *
cases_to_update (const SfDataset *dataset,
                 const GArray    *case_ids,
                 const GArray    *caseworker_ids)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), case_ids->len);
  const gint64 *listed = (const gint64 *) case_ids->data;
  guint i = 0;

  if (caseworker_ids->len > 0)
    for (guint j = 0; j < dataset->cases->len; j++)
      {
        const SfCase *kase = &g_array_index (dataset->cases, SfCase, j);

        if (!sf_ids_contain (caseworker_ids, kase->caseworker_id) &&
            (kase->cover_id == 0 || !sf_ids_contain (caseworker_ids, kase->cover_id)))
          continue;
        /* Both in id order: merge them */
        for (; i < case_ids->len && listed[i] <= kase->id; i++)
          if (listed[i] < kase->id)
            g_array_append_val (ids, listed[i]);
        g_array_append_val (ids, kase->id);
      }
  if (i < case_ids->len)
    g_array_append_vals (ids, &listed[i], case_ids->len - i);
  return ids;
}

static const SfCase *
find_case (const SfDataset *dataset,
           gint64           id)
{
  /* Cases begin with their id, and are in id order */
  return bsearch (&id, dataset->cases->data, dataset->cases->len, sizeof (SfCase), sf_compare_ids);
}

/* Where the case @id is or would go among all cases, in id order, at
 * @from or after */
static guint
item_position (SfCasesView *self,
               gint64       id,
               guint        from)
{
  GListModel *model = G_LIST_MODEL (self->cases);
  guint lo = from, hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(SfCaseItem) item = g_list_model_get_item (model, mid);

      if (sf_case_item_get_id (item) < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Shows the cases @case_ids (gint64, ascending) as they are now in
 * @dataset — added, changed or removed — and the cases carried or covered
 * by @caseworker_ids (gint64, ascending), whose rows were edited: their
 * names, team or absence may show differently.  @dataset is the one of
 * sf_cases_view_set_data(), updated in place (sf_recompute_apply()).  Only the
 * items of those cases are made again, where they stand; the others, the
 * scroll position, the filters and the selection stay, and a chosen case
 * that changed stays chosen. */
void
sf_cases_view_update_cases (SfCasesView     *self,
                            const SfDataset *dataset,
                            const GArray    *case_ids,
                            const GArray    *caseworker_ids)
{
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) edits = NULL;
  guint n, position = 0;

  g_return_if_fail (SF_IS_CASES_VIEW (self));
  g_return_if_fail (dataset != NULL && case_ids != NULL && caseworker_ids != NULL);

  self->dataset = dataset;
  names = sf_case_item_names_new ();
  edits = sf_list_edits_new ();
  ids = cases_to_update (dataset, case_ids, caseworker_ids);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
  for (guint k = 0; k < ids->len; k++)
    {
      gint64 id = g_array_index (ids, gint64, k);
      const SfCase *kase = find_case (dataset, id);
      g_autoptr(SfCaseItem) old = NULL;
      SfCaseItem *item = NULL;

      position = item_position (self, id, position);
      if (position < n)
        {
          old = g_list_model_get_item (G_LIST_MODEL (self->cases), position);
          if (sf_case_item_get_id (old) != id)
            g_clear_object (&old);
        }
      if (kase != NULL)
        item = fresh_item (old, kase, dataset, names, self->ref);
      if (item != NULL || (kase == NULL && old != NULL))
        sf_list_edits_add (edits, position, g_steal_pointer (&old), item);
    }
  apply_edits (self, edits);

  /* A name in the list of caseworkers may have changed, or its order
   * (another team); teams have not */
  if (caseworker_ids->len > 0 &&
      !sf_worker_choices_hold (GTK_STRING_LIST (gtk_drop_down_get_model (self->worker_dropdown)),
                               self->worker_ids, dataset, caseworker_ids, FALSE))
    {
      fill_worker_choices (self, dataset);
      if (show_filters (self))
        {
          apply_filters (self);
          return;
        }
    }
  update_shown (self);
}

void
sf_cases_view_set_filter (SfCasesView *self,
                          gint64       team_id,
                          gint64       caseworker_id,
                          SfCasesShow  show)
{
  g_return_if_fail (SF_IS_CASES_VIEW (self));

  self->filter_team = team_id;
  self->filter_worker = caseworker_id;
  self->show = show <= SF_CASES_SHOW_ALL ? show : SF_CASES_SHOW_OPEN;
  select_filters (self);
}

void
sf_cases_view_set_search (SfCasesView *self,
                          const char  *text)
{
  g_return_if_fail (SF_IS_CASES_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* At once, not after the entry's typing delay */
  on_search_changed_cb (self, self->search_entry);
}

void
sf_cases_view_start_search (SfCasesView *self)
{
  g_return_if_fail (SF_IS_CASES_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkSelectionModel *
sf_cases_view_get_selection (SfCasesView *self)
{
  g_return_val_if_fail (SF_IS_CASES_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

/* Every case, whatever the filters */
GListModel *
sf_cases_view_get_all (SfCasesView *self)
{
  g_return_val_if_fail (SF_IS_CASES_VIEW (self), NULL);

  return G_LIST_MODEL (self->cases);
}

/* Chooses exactly the cases @ids among those shown; FALSE if one is not shown */
gboolean
sf_cases_view_select_ids (SfCasesView  *self,
                          const gint64 *ids,
                          guint         n_ids)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  GListModel *model;
  guint n, found = 0;

  g_return_val_if_fail (SF_IS_CASES_VIEW (self), FALSE);

  for (guint i = 0; i < n_ids; i++)
    g_hash_table_add (wanted, (gpointer) &ids[i]);
  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfCaseItem) item = g_list_model_get_item (model, i);
      gint64 id = sf_case_item_get_id (item);

      if (g_hash_table_contains (wanted, &id))
        {
          gtk_bitset_add (selected, i);
          found++;
        }
    }
  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
  return found == n_ids;
}

/* The ids of the chosen cases, in the order shown */
GArray *
sf_cases_view_get_selected_ids (SfCasesView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (SF_IS_CASES_VIEW (self), ids);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(SfCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      gint64 id = sf_case_item_get_id (item);

      g_array_append_val (ids, id);
    }
  return ids;
}

/* The dialog opened last, while it is open */
GtkWindow *
sf_cases_view_get_dialog (SfCasesView *self)
{
  g_return_val_if_fail (SF_IS_CASES_VIEW (self), NULL);

  return self->dialog;
}

gint64
sf_cases_view_get_filter_caseworker (SfCasesView *self)
{
  g_return_val_if_fail (SF_IS_CASES_VIEW (self), 0);

  return self->filter_worker;
}
