/* sf-roster-page.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sf-list-edit.h"
#include "sf-list-window.h"
#include "sf-property-cell.h"
#include "sf-roster-item.h"
#include "sf-roster-page-private.h"
#include "sf-row-viewport.h"

/* The caseworkers and their figures on one day, as a sortable, searchable
 * table, with a one-line summary of the whole organisation above it. */
struct _SfRosterPage
{
  GtkWidget          parent_instance;

  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkLabel          *counts_label;
  GtkLabel          *within_label;
  GtkLabel          *near_label;
  GtkLabel          *over_label;
  GtkWidget         *no_capacity_box;
  GtkLabel          *no_capacity_label;
  GtkStack          *content_stack;
  GtkColumnView     *column_view;
  GListStore        *roster_store;
  GtkFilterListModel *filter_model;
  GtkSortListModel  *sort_model;
  GtkCustomFilter   *search_filter;
  char              *search;              /* folded, as the items' search keys */
  GtkRevealer       *subject_revealer;
  GtkLabel          *subject_label;
  GtkCustomFilter   *subject_filter;
  SfContext         *context;

  /* Shown alone (see sf_roster_page_show_subject()): a person, or a team */
  gint64             subject_id;
  char              *subject_team;
};

G_DEFINE_FINAL_TYPE (SfRosterPage, sf_roster_page, GTK_TYPE_WIDGET)

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  SfRosterItem *item_a = *(SfRosterItem **)a;
  SfRosterItem *item_b = *(SfRosterItem **)b;
  const char *team_a = sf_roster_item_get_team (item_a);
  const char *team_b = sf_roster_item_get_team (item_b);
  int result;

  result = g_utf8_collate (team_a ? team_a : "", team_b ? team_b : "");
  if (result != 0)
    return result;

  return g_utf8_collate (sf_roster_item_get_name (item_a) ? sf_roster_item_get_name (item_a) : "",
                         sf_roster_item_get_name (item_b) ? sf_roster_item_get_name (item_b) : "");
}

static const char *
item_team (gconstpointer item)
{
  return sf_roster_item_get_team ((SfRosterItem *) item);
}

static const char *
item_name (gconstpointer item)
{
  return sf_roster_item_get_name ((SfRosterItem *) item);
}

/* Sorts @items as compare_items() does, for 3,000 of them at start-up */
static void
sort_items (GPtrArray *items)
{
  sf_text_sort_collated (items, item_team, item_name);
}

static void
update_summary (SfRosterPage *self,
                GPtrArray    *items,
                guint         n_teams)
{
  guint n_workers = items->len;
  guint within = 0, near = 0, over = 0, no_capacity = 0;
  g_autofree char *workers_text = NULL;
  g_autofree char *counts_text = NULL;
  g_autofree char *within_text = NULL;
  g_autofree char *near_text = NULL;
  g_autofree char *over_text = NULL;
  g_autofree char *no_capacity_text = NULL;

  for (guint i = 0; i < n_workers; i++)
    {
      SfRosterItem *item = g_ptr_array_index (items, i);

      if (!sf_roster_item_get_is_counted (item))
        {
          no_capacity++;
          continue;
        }

      switch (sf_roster_item_get_status (item))
        {
        case SF_STATUS_OVER:
          over++;
          break;

        case SF_STATUS_NEAR:
          near++;
          break;

        case SF_STATUS_WITHIN:
        default:
          within++;
          break;
        }
    }

  workers_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u caseworker", "%u caseworkers", n_workers),
                                  n_workers);
  /* Translators: the first %s is "N caseworkers", %u the number of teams */
  counts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s in %u team", "%s in %u teams", n_teams),
                                 workers_text, n_teams);
  gtk_label_set_label (self->counts_label, counts_text);

  within_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u within norm", "%u within norm", within),
                                 within);
  gtk_label_set_label (self->within_label, within_text);
  near_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u near norm", "%u near norm", near),
                               near);
  gtk_label_set_label (self->near_label, near_text);
  over_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u over norm", "%u over norm", over),
                               over);
  gtk_label_set_label (self->over_label, over_text);
  /* Translators: caseworkers who are absent, have not started or are fully reduced */
  no_capacity_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u without capacity", "%u without capacity",
                                                   no_capacity),
                                      no_capacity);
  gtk_label_set_label (self->no_capacity_label, no_capacity_text);
  gtk_widget_set_visible (self->no_capacity_box, no_capacity > 0);
}

static void
update_content (SfRosterPage *self)
{
  gboolean no_results = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0
                        && g_list_model_get_n_items (G_LIST_MODEL (self->roster_store)) > 0;

  gtk_stack_set_visible_child_name (self->content_stack, no_results ? "no-results" : "table");
}

static void
on_filter_model_items_changed_cb (SfRosterPage *self,
                                  guint         position,
                                  guint         removed,
                                  guint         added,
                                  GListModel   *model)
{
  update_content (self);
}

/* The table's columns, in the template's order: what each shows */
static void
set_up_columns (SfRosterPage *self)
{
  static const struct
  {
    const char *property;
    SfCellKind  kind;
    const char *tooltip;
  } cells[] = {
    { "initials", SF_CELL_TEXT, NULL },
    /* The whole name, where the column cuts it off */
    { "name", SF_CELL_TEXT, "name" },
    { "team", SF_CELL_TEXT, "area" },
    { "hours-text", SF_CELL_NUMBER, NULL },
    { "norm-text", SF_CELL_NUMBER, "norm-explanation" },
    { "cases-text", SF_CELL_NUMBER, NULL },
    { "load-text", SF_CELL_NUMBER, NULL },
    { NULL, SF_CELL_UTILISATION, NULL },
    { NULL, SF_CELL_STATUS, NULL },
  };
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  g_assert (g_list_model_get_n_items (columns) == G_N_ELEMENTS (cells));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = sf_property_cell_factory_new (cells[i].property, cells[i].kind);

      if (cells[i].tooltip != NULL)
        sf_property_cell_factory_set_tooltip (factory, cells[i].tooltip);
      gtk_column_view_column_set_factory (column, factory);
    }
}

static void
on_search_entry_stop_search_cb (GtkSearchEntry *entry,
                                SfRosterPage   *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode_changed_cb (SfRosterPage *self,
                           GParamSpec   *pspec,
                           GtkSearchBar *search_bar)
{
  /* A closed search bar leaves the whole roster visible */
  if (!gtk_search_bar_get_search_mode (search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static gboolean
subject_filter_func (gpointer item,
                     gpointer user_data)
{
  SfRosterPage *self = user_data;

  if (self->subject_id != 0)
    return sf_roster_item_get_id (item) == self->subject_id;
  if (self->subject_team != NULL)
    return g_strcmp0 (sf_roster_item_get_team (item), self->subject_team) == 0;
  return TRUE;
}

/* The item's search key and the search are folded once each: filtering
 * 3,000 caseworkers through a GtkStringFilter folded every key again on
 * every keystroke. */
static gboolean
search_filter_func (gpointer item,
                    gpointer user_data)
{
  SfRosterPage *self = user_data;

  return *self->search == '\0' || strstr (sf_roster_item_get_search_key (item), self->search) != NULL;
}

static void
on_search_text_cb (SfRosterPage *self,
                   GParamSpec   *pspec,
                   GtkEditable  *entry)
{
  g_autofree char *search = sf_text_fold_for_search (gtk_editable_get_text (entry));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (search, self->search) == 0)
    return;
  if (strstr (search, self->search) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->search, search) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->search);
  self->search = g_steal_pointer (&search);
  gtk_filter_changed (GTK_FILTER (self->search_filter), change);
}

static void
on_show_everyone_clicked_cb (SfRosterPage *self,
                             GtkButton    *button)
{
  sf_roster_page_show_subject (self, 0, NULL);
}

static void
sf_roster_page_dispose (GObject *object)
{
  SfRosterPage *self = (SfRosterPage *)object;
  GtkWidget *child;

  g_clear_pointer (&self->subject_team, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_ROSTER_PAGE);
  /* The template's top box is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sf_roster_page_parent_class)->dispose (object);
}

static void
sf_roster_page_finalize (GObject *object)
{
  SfRosterPage *self = (SfRosterPage *)object;

  g_free (self->search);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sf_roster_page_parent_class)->finalize (object);
}

static void
sf_roster_page_class_init (SfRosterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_roster_page_dispose;
  object_class->finalize = sf_roster_page_finalize;

  /* The template's sorters and filter name this type */
  g_type_ensure (SF_TYPE_ROSTER_ITEM);
  g_type_ensure (SF_TYPE_ROW_VIEWPORT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-roster-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, within_label);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, near_label);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, over_label);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, no_capacity_box);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, no_capacity_label);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, roster_store);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, subject_revealer);
  gtk_widget_class_bind_template_child (widget_class, SfRosterPage, subject_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_model_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_everyone_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sf-roster-page");
}

static void
sf_roster_page_init (SfRosterPage *self)
{
  g_autoptr(GtkEveryFilter) filter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  set_up_columns (self);

  /* The search and the subject an alert leads to filter together */
  self->search = g_strdup ("");
  self->search_filter = gtk_custom_filter_new (search_filter_func, self, NULL);
  self->subject_filter = gtk_custom_filter_new (subject_filter_func, self, NULL);
  filter = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), GTK_FILTER (self->search_filter));
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), GTK_FILTER (self->subject_filter));
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (filter));

  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->column_view));
  /* At once, not after the entry's typing delay */
  g_signal_connect_object (self->search_entry, "notify::text",
                           G_CALLBACK (on_search_text_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static SfRosterItem *
new_item (const SfFigures        *figures,
          const SfWorkerFigures  *worker)
{
  const SfArea *area = NULL;

  if (worker->team != NULL && figures->dataset != NULL)
    area = sf_dataset_find_area (figures->dataset, worker->team->area_id);
  return sf_roster_item_new (worker, area);
}

static void
update_counts (SfRosterPage    *self,
               const SfFigures *figures)
{
  GListModel *model = G_LIST_MODEL (self->roster_store);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  update_summary (self, items, figures->teams->len);
  update_content (self);
}

/* Shows the caseworkers of @figures.  The page keeps copies, so @figures
 * may be freed afterwards. */
static void
sf_roster_page_set_figures (SfRosterPage    *self,
                            const SfFigures *figures)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (SF_IS_ROSTER_PAGE (self));
  g_return_if_fail (figures != NULL);

  items = g_ptr_array_new_full (figures->workers->len, g_object_unref);
  for (guint i = 0; i < figures->workers->len; i++)
    g_ptr_array_add (items, new_item (figures, &g_array_index (figures->workers, SfWorkerFigures, i)));
  sort_items (items);

  g_list_store_splice (self->roster_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->roster_store)),
                       items->pdata, items->len);

  update_summary (self, items, figures->teams->len);
  update_content (self);
}

/* Where @item goes among the rows in the order set_figures() gives them,
 * leaving out the row at @skip: by team and name, then as loaded (by id). */
static guint
sorted_position (GListModel   *model,
                 SfRosterItem *item,
                 guint         skip)
{
  guint lo = 0, hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint at = mid >= skip ? mid + 1 : mid;
      g_autoptr(SfRosterItem) other = NULL;
      int order;

      if (at >= g_list_model_get_n_items (model))
        {
          hi = mid;
          continue;
        }
      other = g_list_model_get_item (model, at);
      order = compare_items (&other, &item);
      if (order == 0)
        order = sf_roster_item_get_id (other) < sf_roster_item_get_id (item) ? -1 : 1;
      if (order < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Shows the new figures of the caseworkers @caseworker_ids (gint64) alone:
 * @figures were updated in place (sf_recompute_apply()).  Their rows are
 * replaced where they stand, or moved where their team or name now puts
 * them; the other rows, the scroll position and the search stay. */
static void
sf_roster_page_update_figures (SfRosterPage    *self,
                               const SfFigures *figures,
                               const GArray    *caseworker_ids)
{
  GListModel *model;
  guint n;

  g_return_if_fail (SF_IS_ROSTER_PAGE (self));
  g_return_if_fail (figures != NULL && caseworker_ids != NULL);

  if (caseworker_ids->len == 0)
    return;
  model = G_LIST_MODEL (self->roster_store);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfRosterItem) old = g_list_model_get_item (model, i);
      g_autoptr(SfRosterItem) item = NULL;
      const SfWorkerFigures *worker;
      gint64 id = sf_roster_item_get_id (old);
      guint to;

      if (!sf_ids_contain (caseworker_ids, id) ||
          (worker = sf_figures_find_worker (figures, id)) == NULL)
        continue;
      item = new_item (figures, worker);
      to = sorted_position (model, item, i);
      if (to == i)
        {
          /* The same item back in its place: the list keeps its row's
           * widgets and binds them again, instead of making new ones */
          sf_list_item_take_contents (old, item);
          g_list_store_splice (self->roster_store, i, 1, (gpointer *) &old, 1);
        }
      else
        {
          g_list_store_remove (self->roster_store, i);
          g_list_store_insert (self->roster_store, to, item);
          /* The row that moved up into @i is still to be looked at */
          if (to > i)
            i--;
        }
    }
  update_counts (self, figures);
}

/* All caseworkers, whatever the search shows. */
guint
sf_roster_page_get_n_caseworkers (SfRosterPage *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->roster_store));
}

GtkSearchBar *
sf_roster_page_get_search_bar (SfRosterPage *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_PAGE (self), NULL);

  return self->search_bar;
}

GtkEditable *
sf_roster_page_get_search_entry (SfRosterPage *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GtkColumnView *
sf_roster_page_get_column_view (SfRosterPage *self)
{
  g_return_val_if_fail (SF_IS_ROSTER_PAGE (self), NULL);

  return self->column_view;
}

void
sf_roster_page_start_search (SfRosterPage *self)
{
  g_return_if_fail (SF_IS_ROSTER_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Shows only the caseworker @caseworker_id, or else only the members of
 * the team @team_name, with a bar that says so and shows everyone again;
 * 0 and NULL show everyone. */
void
sf_roster_page_show_subject (SfRosterPage *self,
                             gint64        caseworker_id,
                             const char   *team_name)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SF_IS_ROSTER_PAGE (self));

  self->subject_id = caseworker_id;
  g_free (self->subject_team);
  self->subject_team = caseworker_id == 0 ? g_strdup (team_name) : NULL;

  if (caseworker_id != 0 || team_name != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  for (guint i = 0; caseworker_id != 0 && text == NULL &&
                    i < g_list_model_get_n_items (G_LIST_MODEL (self->roster_store)); i++)
    {
      g_autoptr(SfRosterItem) item = g_list_model_get_item (G_LIST_MODEL (self->roster_store), i);

      if (sf_roster_item_get_id (item) == caseworker_id)
        /* Translators: a caseworker's name and initials */
        text = g_strdup_printf (_("Showing only %s (%s)"),
                                sf_roster_item_get_name (item), sf_roster_item_get_initials (item));
    }
  if (text == NULL && self->subject_team != NULL)
    /* Translators: %s is a team's name */
    text = g_strdup_printf (_("Showing only the team %s"), self->subject_team);

  gtk_label_set_label (self->subject_label, text ? text : "");
  gtk_revealer_set_reveal_child (self->subject_revealer, caseworker_id != 0 || team_name != NULL);
  gtk_filter_changed (GTK_FILTER (self->subject_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_context_changed_cb (SfRosterPage           *self,
                       const SfContextChanges *changes,
                       SfContext              *context)
{
  const SfFigures *figures = sf_context_get_figures (context);

  if (changes->what & SF_CONTEXT_EVERYTHING)
    sf_roster_page_set_figures (self, figures);
  else if (changes->what & SF_CONTEXT_FIGURES)
    sf_roster_page_update_figures (self, figures, changes->delta->caseworkers);
}

/* The page shows the figures of @context and follows its changes. */
void
sf_roster_page_set_context (SfRosterPage *self,
                            SfContext    *context)
{
  g_return_if_fail (SF_IS_ROSTER_PAGE (self));
  g_return_if_fail (SF_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "changed", G_CALLBACK (on_context_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (sf_context_get_figures (context) != NULL)
    sf_roster_page_set_figures (self, sf_context_get_figures (context));
}
