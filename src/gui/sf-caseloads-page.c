/* sf-caseloads-page.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sf-caseload-item.h"
#include "sf-caseloads-page-private.h"
#include "sf-cases-view.h"
#include "sf-export-chooser.h"
#include "sf-list-edit.h"
#include "sf-list-window.h"
#include "sf-property-cell.h"
#include "sf-row-viewport.h"

/* Weighted caseloads: each caseworker's open cases by complexity, load,
 * adjusted norm, utilisation and status; each team's totals and where it
 * stands against DS' range and the national survey, filled from the
 * context.  Its actions (exports, clearing the filters) are in
 * sf-caseloads-page-actions.c; the struct in sf-caseloads-page-private.h. */

G_DEFINE_FINAL_TYPE (SfCaseloadsPage, sf_caseloads_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- cells ----------------------------------------------------------- */

static char *
worker_text (SfCaseloadItem *item,
             const char     *column)
{
  SfRosterItem *r = sf_caseload_item_get_roster_item (item);

  if (g_str_equal (column, "initials"))
    return g_strdup (sf_roster_item_get_initials (r));
  if (g_str_equal (column, "name"))
    return g_strdup (sf_roster_item_get_name (r));
  if (g_str_equal (column, "team"))
    return g_strdup (sf_roster_item_get_team (r));
  if (g_str_equal (column, "enkel"))
    return g_strdup_printf ("%u", sf_caseload_item_get_cases (item, SF_COMPLEXITY_ENKEL));
  if (g_str_equal (column, "kompleks"))
    return g_strdup_printf ("%u", sf_caseload_item_get_cases (item, SF_COMPLEXITY_KOMPLEKS));
  if (g_str_equal (column, "saerligt"))
    return g_strdup_printf ("%u", sf_caseload_item_get_cases (item, SF_COMPLEXITY_SAERLIGT_KOMPLICERET));
  if (g_str_equal (column, "open"))
    return g_strdup_printf ("%u", sf_roster_item_get_open_cases (r));
  if (g_str_equal (column, "load"))
    return sf_format_decimal (sf_roster_item_get_weighted_load (r), 1);
  if (g_str_equal (column, "norm"))
    return sf_format_decimal (sf_roster_item_get_adjusted_norm (r), 1);
  g_return_val_if_reached (NULL);
}

static double
worker_value (SfCaseloadItem *item,
              const char     *column)
{
  SfRosterItem *r = sf_caseload_item_get_roster_item (item);

  if (g_str_equal (column, "enkel"))
    return sf_caseload_item_get_cases (item, SF_COMPLEXITY_ENKEL);
  if (g_str_equal (column, "kompleks"))
    return sf_caseload_item_get_cases (item, SF_COMPLEXITY_KOMPLEKS);
  if (g_str_equal (column, "saerligt"))
    return sf_caseload_item_get_cases (item, SF_COMPLEXITY_SAERLIGT_KOMPLICERET);
  if (g_str_equal (column, "open"))
    return sf_roster_item_get_open_cases (r);
  if (g_str_equal (column, "load"))
    return sf_roster_item_get_weighted_load (r);
  if (g_str_equal (column, "norm"))
    return sf_roster_item_get_adjusted_norm (r);
  if (g_str_equal (column, "utilisation"))
    {
      double u = sf_roster_item_get_utilisation (r);

      /* No norm but cases: the most urgent of all */
      if (isnan (u))
        return sf_roster_item_get_weighted_load (r) > 0 ? INFINITY : -1;
      return u;
    }
  if (g_str_equal (column, "status"))
    return sf_roster_item_get_status (r) * 1e6 + worker_value (item, "utilisation");
  return 0;
}

static gboolean
is_text_column (const char *column)
{
  return g_str_equal (column, "initials") || g_str_equal (column, "name") ||
         g_str_equal (column, "team") || g_str_equal (column, "area");
}

static int
compare_workers_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  SfCaseloadItem *ia = (SfCaseloadItem *) a;
  SfCaseloadItem *ib = (SfCaseloadItem *) b;
  const char *column = user_data;
  double va, vb;

  if (is_text_column (column))
    {
      g_autofree char *ta = worker_text (ia, column);
      g_autofree char *tb = worker_text (ib, column);

      return g_utf8_collate (ta ? ta : "", tb ? tb : "");
    }
  va = worker_value (ia, column);
  vb = worker_value (ib, column);
  return va < vb ? -1 : va > vb ? 1 : 0;
}

static int
compare_teams_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SfCaseloadTeamItem *ia = (SfCaseloadTeamItem *) a;
  SfCaseloadTeamItem *ib = (SfCaseloadTeamItem *) b;
  const char *column = user_data;
  double va, vb;

  if (g_str_equal (column, "name") || g_str_equal (column, "area"))
    return g_utf8_collate (sf_caseload_team_item_get_text (ia, column), sf_caseload_team_item_get_text (ib, column));
  va = sf_caseload_team_item_get_value (ia, column);
  vb = sf_caseload_team_item_get_value (ib, column);
  return va < vb ? -1 : va > vb ? 1 : 0;
}

static GtkColumnViewColumn *
add_column (GtkColumnView    *view,
            const char       *column,
            const char       *title,
            int               width,
            const char       *property,
            SfCellKind        kind,
            GCompareDataFunc  compare)
{
  GtkListItemFactory *factory = sf_property_cell_factory_new (property, kind);

  if ((kind & SF_CELL_MARKUP) && g_str_equal (column, "name"))
    /* The team's name in full, when it does not fit */
    sf_property_cell_factory_set_tooltip (factory, property);
  if (g_str_equal (column, "position"))
    sf_property_cell_factory_set_style (factory, "position-style");
  return sf_property_column_append (view, title, factory,
                                    GTK_SORTER (gtk_custom_sorter_new (compare, (gpointer) column, NULL)), width);
}

/* ---- filters --------------------------------------------------------- */

static gboolean
worker_filter_func (gpointer item,
                    gpointer user_data)
{
  SfCaseloadsPage *self = user_data;
  SfCaseloadItem *worker = item;

  if (self->filter_team != 0 && sf_caseload_item_get_team_id (worker) != self->filter_team)
    return FALSE;
  if (self->filter_area != 0 && sf_caseload_item_get_area_id (worker) != self->filter_area)
    return FALSE;
  if (self->filter_status >= 0 &&
      (int) sf_roster_item_get_status (sf_caseload_item_get_roster_item (worker)) != self->filter_status)
    return FALSE;
  return TRUE;
}

static gboolean
team_filter_func (gpointer item,
                  gpointer user_data)
{
  SfCaseloadsPage *self = user_data;
  SfCaseloadTeamItem *team = item;

  if (self->filter_team != 0 && sf_caseload_team_item_get_id (team) != self->filter_team)
    return FALSE;
  if (self->filter_area != 0 && sf_caseload_team_item_get_area_id (team) != self->filter_area)
    return FALSE;
  return TRUE;
}

static void
update_shown (SfCaseloadsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->worker_filter_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->workers));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u caseworker", "%u caseworkers", total), total);
  else
    /* Translators: caseworkers shown of all caseworkers */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u caseworker", "%u of %u caseworkers", total),
                            shown, total);
  gtk_label_set_label (self->shown_label, text);
  gtk_stack_set_visible_child_name (self->content_stack, shown == 0 && total > 0 ? "empty" : "table");
}

static void
apply_filters (SfCaseloadsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->worker_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->team_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_shown (self);
}

static void
on_dropdown_selected_cb (GtkDropDown     *dropdown,
                         GParamSpec      *pspec,
                         SfCaseloadsPage *self)
{
  guint team = gtk_drop_down_get_selected (self->team_dropdown);
  guint area = gtk_drop_down_get_selected (self->area_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->updating)
    return;
  self->filter_team = team < self->team_ids->len ? g_array_index (self->team_ids, gint64, team) : 0;
  self->filter_area = area < self->area_ids->len ? g_array_index (self->area_ids, gint64, area) : 0;
  self->filter_status = status == GTK_INVALID_LIST_POSITION || status == 0 ? -1 : (int) status - 1;
  apply_filters (self);
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

static void
select_filters (SfCaseloadsPage *self)
{
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->team_dropdown, find_id (self->team_ids, self->filter_team));
  gtk_drop_down_set_selected (self->area_dropdown, find_id (self->area_ids, self->filter_area));
  gtk_drop_down_set_selected (self->status_dropdown, self->filter_status < 0 ? 0 : (guint) self->filter_status + 1);
  self->updating = FALSE;
  /* A team or area that is gone is no longer a filter */
  self->filter_team = g_array_index (self->team_ids, gint64, find_id (self->team_ids, self->filter_team));
  self->filter_area = g_array_index (self->area_ids, gint64, find_id (self->area_ids, self->filter_area));
  apply_filters (self);
}

/* ---- to the cases ----------------------------------------------------- */

static void
on_worker_view_activate_cb (SfCaseloadsPage *self,
                            guint            position,
                            GtkColumnView   *view)
{
  g_autoptr(SfCaseloadItem) item = sf_row_viewport_item_at (view, position);

  if (item == NULL)
    return;
  sf_caseloads_page_show_cases (self, 0, sf_roster_item_get_id (sf_caseload_item_get_roster_item (item)));
}

static void
on_team_view_activate_cb (SfCaseloadsPage *self,
                          guint            position,
                          GtkColumnView   *view)
{
  g_autoptr(SfCaseloadTeamItem) item = sf_row_viewport_item_at (view, position);

  if (item != NULL)
    sf_caseloads_page_show_cases (self, sf_caseload_team_item_get_id (item), 0);
}

/* ---- object ---------------------------------------------------------- */

static void
build_columns (SfCaseloadsPage *self)
{
  GtkColumnViewColumn *utilisation;
  g_autoptr(GtkSortListModel) worker_sort = NULL;
  g_autoptr(GtkSortListModel) team_sort = NULL;
  g_autoptr(GtkNoSelection) worker_selection = NULL;
  g_autoptr(GtkNoSelection) team_selection = NULL;

  /* Wide enough for the Danish headings at 1240 px; the team's name and
   * area have the rest, and a tooltip when they do not fit */
  add_column (self->team_view, "name", _("Team"), 0,
              "name-markup", SF_CELL_MARKUP, compare_teams_cb);
  add_column (self->team_view, "open", _("Open Cases"), 92,
              "open-markup", SF_CELL_NUMBER | SF_CELL_MARKUP, compare_teams_cb);
  add_column (self->team_view, "load", _("Load / Capacity"), 135,
              "load-text", SF_CELL_NUMBER, compare_teams_cb);
  add_column (self->team_view, "fte", _("FTE / Needed"), 118,
              "fte-text", SF_CELL_NUMBER, compare_teams_cb);
  add_column (self->team_view, "compliance", _("Within Norm"), 110,
              "compliance-text", SF_CELL_NUMBER, compare_teams_cb);
  add_column (self->team_view, "per-fte", _("Per FTE"), 90,
              "per-fte-text", SF_CELL_NUMBER, compare_teams_cb);
  add_column (self->team_view, "ds", _("Range"), 85,
              "ds-text", SF_CELL_NUMBER, compare_teams_cb);
  add_column (self->team_view, "survey", _("Avg. 2023"), 78,
              "survey-text", SF_CELL_NUMBER, compare_teams_cb);
  add_column (self->team_view, "appropriate", _("Appropriate"), 82,
              "appropriate-text", SF_CELL_NUMBER, compare_teams_cb);
  add_column (self->team_view, "position", _("Against the Range"), 150,
              "position-text", SF_CELL_WRAP, compare_teams_cb);

  add_column (self->worker_view, "initials", _("Initials"), 65,
              "roster-item.initials", SF_CELL_TEXT, compare_workers_cb);
  add_column (self->worker_view, "name", _("Name"), 0,
              "roster-item.name", SF_CELL_TEXT, compare_workers_cb);
  add_column (self->worker_view, "team", _("Team"), 150,
              "roster-item.team", SF_CELL_TEXT, compare_workers_cb);
  add_column (self->worker_view, "enkel", C_("complexity", "Simple"), 65,
              "simple-cases", SF_CELL_NUMBER, compare_workers_cb);
  add_column (self->worker_view, "kompleks", C_("complexity", "Complex"), 75,
              "complex-cases", SF_CELL_NUMBER, compare_workers_cb);
  add_column (self->worker_view, "saerligt", C_("complexity", "Esp. Compl."), 95,
              "special-cases", SF_CELL_NUMBER, compare_workers_cb);
  add_column (self->worker_view, "load", _("Load"), 70,
              "roster-item.load-text", SF_CELL_NUMBER, compare_workers_cb);
  add_column (self->worker_view, "norm", _("Norm"), 70,
              "roster-item.norm-text", SF_CELL_NUMBER, compare_workers_cb);
  utilisation = add_column (self->worker_view, "utilisation", _("Utilisation"), 130,
                            "roster-item", SF_CELL_UTILISATION, compare_workers_cb);
  add_column (self->worker_view, "status", _("Status"), 135,
              "roster-item", SF_CELL_STATUS, compare_workers_cb);

  worker_sort = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->worker_filter_model)),
                                         g_object_ref (gtk_column_view_get_sorter (self->worker_view)));
  worker_selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&worker_sort)));
  sf_row_viewport_set_model (self->worker_viewport, GTK_SELECTION_MODEL (worker_selection));
  team_sort = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->team_filter_model)),
                                       g_object_ref (gtk_column_view_get_sorter (self->team_view)));
  team_selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&team_sort)));
  sf_row_viewport_set_model (self->team_viewport, GTK_SELECTION_MODEL (team_selection));

  /* The most loaded first: that is where a manager looks */
  gtk_column_view_sort_by_column (self->worker_view, utilisation, GTK_SORT_DESCENDING);
}

static void
sf_caseloads_page_dispose (GObject *object)
{
  SfCaseloadsPage *self = SF_CASELOADS_PAGE (object);
  GtkWidget *child;

  sf_page_follower_clear (&self->follower);
  sf_chooser_close (&self->export_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_CASELOADS_PAGE);
  /* The template's top box is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sf_caseloads_page_parent_class)->dispose (object);
}

static void
sf_caseloads_page_finalize (GObject *object)
{
  SfCaseloadsPage *self = SF_CASELOADS_PAGE (object);

  g_clear_object (&self->workers);
  g_clear_object (&self->teams);
  g_clear_object (&self->worker_filter_model);
  g_clear_object (&self->team_filter_model);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->area_ids, g_array_unref);
  g_clear_pointer (&self->dataset, sf_dataset_free);

  G_OBJECT_CLASS (sf_caseloads_page_parent_class)->finalize (object);
}

static void
sf_caseloads_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SfCaseloadsPage *self = SF_CASELOADS_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, sf_caseloads_page_get_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_caseloads_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SfCaseloadsPage *self = SF_CASELOADS_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      sf_caseloads_page_set_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_caseloads_page_class_init (SfCaseloadsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_caseloads_page_dispose;
  object_class->finalize = sf_caseloads_page_finalize;
  object_class->get_property = sf_caseloads_page_get_property;
  object_class->set_property = sf_caseloads_page_set_property;

  /**
   * SfCaseloadsPage:view:
   *
   * "overview" (the tables of caseloads) or "cases" (the list of cases).
   */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "overview",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SF_TYPE_CASES_VIEW);
  g_type_ensure (SF_TYPE_ROW_VIEWPORT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sagsfordeling/Sagsfordeling/sf-caseloads-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SfCaseloadsPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SfCaseloadsPage, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SfCaseloadsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SfCaseloadsPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, SfCaseloadsPage, footnote_label);
  gtk_widget_class_bind_template_child (widget_class, SfCaseloadsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SfCaseloadsPage, team_view);
  gtk_widget_class_bind_template_child (widget_class, SfCaseloadsPage, worker_view);
  gtk_widget_class_bind_template_child (widget_class, SfCaseloadsPage, worker_viewport);
  gtk_widget_class_bind_template_child (widget_class, SfCaseloadsPage, team_viewport);
  gtk_widget_class_bind_template_child (widget_class, SfCaseloadsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SfCaseloadsPage, cases_view);
  gtk_widget_class_bind_template_callback (widget_class, on_worker_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_team_view_activate_cb);

  _sf_caseloads_page_class_actions_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sf_caseloads_page_init (SfCaseloadsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter_status = -1;
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->workers = g_list_store_new (SF_TYPE_CASELOAD_ITEM);
  self->teams = g_list_store_new (SF_TYPE_CASELOAD_TEAM_ITEM);
  self->worker_filter = gtk_custom_filter_new (worker_filter_func, self, NULL);
  self->team_filter = gtk_custom_filter_new (team_filter_func, self, NULL);
  self->worker_filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->workers)),
                                                         GTK_FILTER (self->worker_filter));
  self->team_filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->teams)),
                                                       GTK_FILTER (self->team_filter));
  build_columns (self);

  gtk_string_list_append (statuses, _("All statuses"));
  for (SfStatus s = SF_STATUS_WITHIN; s <= SF_STATUS_OVER; s++)
    gtk_string_list_append (statuses, sf_status_to_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  g_signal_connect (self->team_dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self);
  g_signal_connect (self->area_dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self);
  g_signal_connect (self->status_dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self);
}

static SfCaseloadItem *
new_worker_item (const SfFigures       *figures,
                 const SfWorkerFigures *wf)
{
  const SfArea *area = wf->team != NULL ? sf_dataset_find_area (figures->dataset, wf->team->area_id) : NULL;

  return sf_caseload_item_new (wf, area);
}

/* Shows @figures.  The page keeps a reference to their dataset, not a
 * copy: whoever changes it in place calls
 * sf_caseloads_page_update_figures() after. */
static void
sf_caseloads_page_set_figures (SfCaseloadsPage *self,
                               const SfFigures *figures)
{
  g_autoptr(GPtrArray) workers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) teams = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkStringList) team_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) area_names = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) areas_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) footnotes = g_string_new (NULL);
  SfDataset *old;
  gint64 none = 0;

  g_return_if_fail (SF_IS_CASELOADS_PAGE (self));
  g_return_if_fail (figures != NULL);

  /* The figures borrow their dataset; the page holds it */
  old = self->dataset;
  self->dataset = sf_dataset_ref ((SfDataset *) figures->dataset);
  sf_dataset_free (old);
  self->settings = figures->settings;
  self->ref = figures->ref;

  for (guint i = 0; i < figures->workers->len; i++)
    g_ptr_array_add (workers, new_worker_item (figures, &g_array_index (figures->workers, SfWorkerFigures, i)));
  g_array_set_size (self->team_ids, 0);
  g_array_set_size (self->area_ids, 0);
  g_array_append_val (self->team_ids, none);
  g_array_append_val (self->area_ids, none);
  gtk_string_list_append (team_names, _("All teams"));
  gtk_string_list_append (area_names, _("All areas"));
  for (guint i = 0; i < figures->teams->len; i++)
    {
      const SfTeamFigures *tf = &g_array_index (figures->teams, SfTeamFigures, i);

      g_ptr_array_add (teams, sf_caseload_team_item_new (tf));
      g_array_append_val (self->team_ids, tf->team->id);
      gtk_string_list_append (team_names, tf->team->name);
      if (tf->area != NULL && !g_hash_table_contains (areas_seen, &tf->area->id))
        {
          g_autofree char *footnote = sf_area_footnote (tf->area);

          g_hash_table_add (areas_seen, g_memdup2 (&tf->area->id, sizeof (gint64)));
          g_array_append_val (self->area_ids, tf->area->id);
          gtk_string_list_append (area_names, tf->area->name);
          if (footnote != NULL)
            g_string_append_printf (footnotes, "%s* %s: %s", footnotes->len ? "\n" : "",
                                    tf->area->name, footnote);
        }
    }

  g_list_store_splice (self->workers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->workers)),
                       workers->pdata, workers->len);
  g_list_store_splice (self->teams, 0, g_list_model_get_n_items (G_LIST_MODEL (self->teams)),
                       teams->pdata, teams->len);
  sf_cases_view_set_data (self->cases_view, self->dataset, &self->settings, self->ref);
  gtk_label_set_label (self->footnote_label, footnotes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->footnote_label), footnotes->len > 0);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (team_names));
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (area_names));
  self->updating = FALSE;
  select_filters (self);
}

/* Shows @figures after sf_recompute_apply() updated them and their dataset —
 * the ones set last — in place, as set_figures() would, making again only
 * the rows of the caseworkers and teams in @delta and the cases in @delta
 * or carried or covered by the caseworkers @change edited.  The other
 * rows, the filters, the sort order, the scroll positions and the cases
 * chosen stay.  Teams and areas are not changed this way (a change to them
 * is a full reload), so their filters stay as they are. */
static void
sf_caseloads_page_update_figures (SfCaseloadsPage *self,
                                  const SfFigures *figures,
                                  const SfDelta   *delta,
                                  const SfChange  *change)
{
  g_autoptr(GArray) workers = NULL;
  g_autoptr(GArray) teams = NULL;

  g_return_if_fail (SF_IS_CASELOADS_PAGE (self));
  g_return_if_fail (figures != NULL && delta != NULL && change != NULL);

  /* Other figures than those shown: all of them */
  if (figures->dataset != self->dataset ||
      g_list_model_get_n_items (G_LIST_MODEL (self->workers)) != figures->workers->len ||
      g_list_model_get_n_items (G_LIST_MODEL (self->teams)) != figures->teams->len)
    {
      sf_caseloads_page_set_figures (self, figures);
      return;
    }
  self->settings = figures->settings;
  self->ref = figures->ref;
  workers = sf_list_edits_new ();
  teams = sf_list_edits_new ();

  /* The rows are in the order of the figures: each replaced where it is */
  for (guint i = 0; i < delta->caseworkers->len; i++)
    {
      const SfWorkerFigures *wf = sf_figures_find_worker (figures, g_array_index (delta->caseworkers, gint64, i));
      guint position;

      if (wf == NULL)
        continue;
      position = wf - &g_array_index (figures->workers, SfWorkerFigures, 0);
      sf_list_edits_add (workers, position, g_list_model_get_item (G_LIST_MODEL (self->workers), position),
                         new_worker_item (figures, wf));
    }
  for (guint i = 0; i < delta->teams->len; i++)
    {
      const SfTeamFigures *tf = sf_figures_find_team (figures, g_array_index (delta->teams, gint64, i));
      guint position;

      if (tf == NULL)
        continue;
      position = tf - &g_array_index (figures->teams, SfTeamFigures, 0);
      sf_list_edits_add (teams, position, g_list_model_get_item (G_LIST_MODEL (self->teams), position),
                         sf_caseload_team_item_new (tf));
    }
  sf_list_store_apply_edits (self->workers, workers);
  sf_list_store_apply_edits (self->teams, teams);
  sf_cases_view_update_cases (self->cases_view, self->dataset, delta->cases, change->caseworkers);
  update_shown (self);
}

void
sf_caseloads_page_set_filter (SfCaseloadsPage *self,
                              gint64           team_id,
                              gint64           area_id,
                              int              status)
{
  g_return_if_fail (SF_IS_CASELOADS_PAGE (self));

  self->filter_team = team_id;
  self->filter_area = area_id;
  self->filter_status = status < 0 || status > SF_STATUS_OVER ? -1 : status;
  select_filters (self);
}

GtkColumnView *
sf_caseloads_page_get_worker_view (SfCaseloadsPage *self)
{
  g_return_val_if_fail (SF_IS_CASELOADS_PAGE (self), NULL);
  return self->worker_view;
}

GtkColumnView *
sf_caseloads_page_get_team_view (SfCaseloadsPage *self)
{
  g_return_val_if_fail (SF_IS_CASELOADS_PAGE (self), NULL);
  return self->team_view;
}

/* The rows shown, sorted and filtered as on screen */
GListModel *
sf_caseloads_page_get_workers (SfCaseloadsPage *self)
{
  g_return_val_if_fail (SF_IS_CASELOADS_PAGE (self), NULL);
  return G_LIST_MODEL (sf_row_viewport_get_model (self->worker_viewport));
}

GListModel *
sf_caseloads_page_get_teams (SfCaseloadsPage *self)
{
  g_return_val_if_fail (SF_IS_CASELOADS_PAGE (self), NULL);
  return G_LIST_MODEL (sf_row_viewport_get_model (self->team_viewport));
}

static void
fill_from_context (GtkWidget *page,
                   SfContext *context)
{
  sf_caseloads_page_set_figures (SF_CASELOADS_PAGE (page), sf_context_get_figures (context));
}

static void
update_from_context (GtkWidget              *page,
                     SfContext              *context,
                     const SfContextChanges *changes)
{
  if (changes->what & SF_CONTEXT_FIGURES)
    sf_caseloads_page_update_figures (SF_CASELOADS_PAGE (page), sf_context_get_figures (context),
                                      changes->delta, changes->change);
}

/* The page shows the caseloads of @context (when first shown) and follows
 * its changes; the cases' edits go to the context's store. */
void
sf_caseloads_page_set_context (SfCaseloadsPage *self,
                               SfContext       *context)
{
  g_return_if_fail (SF_IS_CASELOADS_PAGE (self));

  sf_cases_view_set_context (self->cases_view, context);
  sf_page_follower_set_context (&self->follower, GTK_WIDGET (self), context,
                                fill_from_context, update_from_context);
}

/* Fills the page now if it was not shown since the figures changed. */
void
sf_caseloads_page_catch_up (SfCaseloadsPage *self)
{
  g_return_if_fail (SF_IS_CASELOADS_PAGE (self));

  sf_page_follower_catch_up (&self->follower);
}

SfCasesView *
sf_caseloads_page_get_cases_view (SfCaseloadsPage *self)
{
  g_return_val_if_fail (SF_IS_CASELOADS_PAGE (self), NULL);

  return self->cases_view;
}

const char *
sf_caseloads_page_get_view (SfCaseloadsPage *self)
{
  const char *name;

  g_return_val_if_fail (SF_IS_CASELOADS_PAGE (self), NULL);

  name = gtk_stack_get_visible_child_name (self->view_stack);
  return name != NULL ? name : "overview";
}

/* "overview" or "cases" */
void
sf_caseloads_page_set_view (SfCaseloadsPage *self,
                            const char      *view)
{
  g_return_if_fail (SF_IS_CASELOADS_PAGE (self));

  if (g_strcmp0 (view, "cases") != 0)
    view = "overview";
  if (g_strcmp0 (view, sf_caseloads_page_get_view (self)) == 0)
    return;
  gtk_stack_set_visible_child_name (self->view_stack, view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/* The cases of a team or a person (0: all), open ones */
void
sf_caseloads_page_show_cases (SfCaseloadsPage *self,
                              gint64           team_id,
                              gint64           caseworker_id)
{
  g_return_if_fail (SF_IS_CASELOADS_PAGE (self));

  sf_cases_view_set_search (self->cases_view, NULL);
  sf_cases_view_set_filter (self->cases_view, team_id, caseworker_id, SF_CASES_SHOW_OPEN);
  sf_caseloads_page_set_view (self, "cases");
}
