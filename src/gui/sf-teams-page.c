/* sf-teams-page.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "sf-error-dialog.h"
#include "sf-property-cell.h"
#include "sf-role-gate.h"
#include "sf-roster-item.h"
#include "sf-status-style.h"
#include "sf-team-item.h"
#include "sf-teams-page-private.h"

/* The teams on the left (searchable, sorted by name), the chosen team's
 * caseworkers on the right, both filled from the context.  What the page
 * does is in sf-teams-page-actions.c; the struct in
 * sf-teams-page-private.h. */

G_DEFINE_FINAL_TYPE (SfTeamsPage, sf_teams_page, GTK_TYPE_WIDGET)

SfTeamItem *
_sf_teams_page_selected_team_item (SfTeamsPage *self)
{
  return gtk_single_selection_get_selected_item (self->team_selection);
}

SfRosterItem *
_sf_teams_page_selected_member (SfTeamsPage *self)
{
  return gtk_single_selection_get_selected_item (self->member_selection);
}

void
_sf_teams_page_show_error (SfTeamsPage *self,
            const char  *heading,
            const char  *body)
{
  g_set_weak_pointer (&self->dialog, sf_error_dialog_show_for (GTK_WIDGET (self), heading, body));
}

static const char * const team_writes[] = { "teams.edit-team", "teams.remove-team", NULL };

static void
update_actions (SfTeamsPage *self)
{
  gboolean team = _sf_teams_page_selected_team_item (self) != NULL;
  gboolean member = _sf_teams_page_selected_member (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.edit-team", team);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.suggest", team);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.planned-hires", team);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.remove-team", team);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.edit-caseworker", member);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.explain-norm", member);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.move-caseworker", member);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.remove-caseworker", member);
  /* Teams are HR's and admin's to change (a manager changes their people) */
  sf_role_gate (GTK_WIDGET (self), self->follower.context, SF_ACCESS_DO_TEAMS, team_writes, FALSE);
}

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  SfRosterItem *item_a = *(SfRosterItem **) a;
  SfRosterItem *item_b = *(SfRosterItem **) b;

  return g_utf8_collate (sf_roster_item_get_name (item_a), sf_roster_item_get_name (item_b));
}

/* Where the team @team_id is in the list as shown (searched and sorted),
 * or GTK_INVALID_LIST_POSITION. */
static guint
team_position (SfTeamsPage *self,
               gint64       team_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->team_selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfTeamItem) item = g_list_model_get_item (G_LIST_MODEL (self->team_selection), i);

      if (sf_team_item_get_id (item) == team_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Shows the chosen team's caseworkers; keeps the chosen caseworker. */
static void
show_team (SfTeamsPage *self)
{
  SfTeamItem *team = _sf_teams_page_selected_team_item (self);
  SfRosterItem *member = _sf_teams_page_selected_member (self);
  gint64 keep = member != NULL ? sf_roster_item_get_id (member) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  guint n_items = 0;

  if (team == NULL)
    {
      self->selected_team = 0;
      g_list_store_remove_all (self->member_store);
      gtk_stack_set_visible_child_name (self->detail_stack, "no-team");
      update_actions (self);
      return;
    }

  self->selected_team = sf_team_item_get_id (team);
  gtk_label_set_label (self->team_title, sf_team_item_get_name (team));
  gtk_label_set_label (self->team_subtitle, sf_team_item_get_summary (team));

  for (guint i = 0; i < self->roster_items->len; i++)
    {
      SfRosterItem *item = g_ptr_array_index (self->roster_items, i);
      MemberInfo *info = g_hash_table_lookup (self->members, &(gint64) { sf_roster_item_get_id (item) });

      if (info != NULL && info->team_id == self->selected_team)
        g_ptr_array_add (items, item);
    }
  g_ptr_array_sort (items, compare_members);

  self->updating = TRUE;
  g_list_store_splice (self->member_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->member_store)),
                       items->pdata, items->len);
  self->updating = FALSE;

  gtk_single_selection_set_selected (self->member_selection, GTK_INVALID_LIST_POSITION);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->member_selection));
  for (guint i = 0; keep != 0 && i < n_items; i++)
    {
      g_autoptr(SfRosterItem) item = g_list_model_get_item (G_LIST_MODEL (self->member_selection), i);

      if (sf_roster_item_get_id (item) == keep)
        gtk_single_selection_set_selected (self->member_selection, i);
    }

  gtk_stack_set_visible_child_name (self->member_stack, items->len > 0 ? "members" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->member_bar), items->len > 0);
  gtk_stack_set_visible_child_name (self->detail_stack, "team");
  update_actions (self);
}

static void
on_team_selected_cb (SfTeamsPage *self)
{
  if (!self->updating)
    show_team (self);
}

static void
on_member_selected_cb (SfTeamsPage *self)
{
  update_actions (self);
}

static void
update_list_stack (SfTeamsPage *self)
{
  gboolean none = g_list_model_get_n_items (G_LIST_MODEL (self->team_filter_model)) == 0 &&
                  g_list_model_get_n_items (G_LIST_MODEL (self->team_store)) > 0;

  gtk_stack_set_visible_child_name (self->list_stack, none ? "no-results" : "list");
}

static void
on_search_changed_cb (SfTeamsPage *self)
{
  update_list_stack (self);
  /* The first match is shown: typing a team's name opens it */
  if (_sf_teams_page_selected_team_item (self) == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->team_selection)) > 0)
    gtk_single_selection_set_selected (self->team_selection, 0);
}

static void
on_search_stop_search_cb (SfTeamsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---- the team list ------------------------------------------------------ */

static void
team_row_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1.2);
  GtkWidget *percent = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *status = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_widget_add_css_class (summary, "caption");
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Team utilisation"), -1);
  gtk_widget_add_css_class (percent, "numeric");
  gtk_widget_add_css_class (percent, "caption");
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_add_css_class (status, "caption");
  gtk_box_append (GTK_BOX (line), bar);
  gtk_box_append (GTK_BOX (line), percent);
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), status);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_box_append (GTK_BOX (box), line);
  gtk_list_item_set_child (list_item, box);
}

static void
team_row_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  SfTeamItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *summary = gtk_widget_get_next_sibling (name);
  GtkWidget *line = gtk_widget_get_next_sibling (summary);
  GtkWidget *bar = gtk_widget_get_first_child (line);
  GtkWidget *percent = gtk_widget_get_next_sibling (bar);
  GtkWidget *icon = gtk_widget_get_next_sibling (percent);
  GtkWidget *status = gtk_widget_get_next_sibling (icon);
  g_autofree char *utilisation_text = NULL;
  g_autofree char *icon_name = NULL;
  g_autofree char *status_label = NULL;
  g_autofree char *accessible = NULL;
  double rank;
  const char *css = NULL;

  g_object_get (item,
                "utilisation-rank", &rank,
                "utilisation-text", &utilisation_text,
                "status-icon-name", &icon_name,
                "status-label", &status_label,
                NULL);
  gtk_label_set_label (GTK_LABEL (name), sf_team_item_get_name (item));
  gtk_label_set_label (GTK_LABEL (summary), sf_team_item_get_summary (item));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), rank < 0 ? 0 : MIN (rank, 1.2));
  gtk_label_set_label (GTK_LABEL (percent), utilisation_text);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_label_set_label (GTK_LABEL (status), status_label);

  if (g_strcmp0 (icon_name, "emblem-ok-symbolic") == 0)
    css = "within";
  else if (g_strcmp0 (icon_name, "dialog-warning-symbolic") == 0)
    css = "near";
  else if (g_strcmp0 (icon_name, "dialog-error-symbolic") == 0)
    css = "over";
  sf_status_set_css_class (bar, css);

  /* A screen reader reads the row as one sentence */
  accessible = g_strdup_printf ("%s. %s. %s %s", sf_team_item_get_name (item),
                                sf_team_item_get_summary (item), utilisation_text, status_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* ---- the member table ------------------------------------------------------ */

static void
add_column (SfTeamsPage *self,
            const char  *title,
            const char  *property,
            SfCellKind   kind,
            const char  *tooltip,
            GtkSorter   *sorter,
            int          width)
{
  GtkListItemFactory *factory = sf_property_cell_factory_new (property, kind);

  if (tooltip != NULL)
    sf_property_cell_factory_set_tooltip (factory, tooltip);
  sf_property_column_append (self->member_view, title, factory, sorter, width);
}

static GtkSorter *
string_sorter (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SF_TYPE_ROSTER_ITEM, NULL, property)));
}

static GtkSorter *
numeric_sorter (const char *property)
{
  return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (SF_TYPE_ROSTER_ITEM, NULL, property)));
}

static void
build_columns (SfTeamsPage *self)
{
  add_column (self, _("Initials"), "initials", SF_CELL_TEXT, NULL, string_sorter ("initials"), 68);
  add_column (self, _("Name"), "name", SF_CELL_TEXT, "name", string_sorter ("name"), -1);
  /* Translators: contracted hours per week */
  add_column (self, C_("column", "Hours"), "hours-text", SF_CELL_NUMBER, NULL,
              numeric_sorter ("weekly-hours"), 52);
  add_column (self, _("Reductions"), "reductions-text", SF_CELL_TEXT, NULL, NULL, 94);
  add_column (self, _("Start"), "start-text", SF_CELL_TEXT, NULL, NULL, 88);
  add_column (self, _("Absence"), "absence-text", SF_CELL_TEXT, NULL, NULL, 92);
  /* Translators: the individual factor */
  add_column (self, C_("column", "Factor"), "factor-text", SF_CELL_NUMBER, "factor-reason", NULL, 56);
  /* Translators: the adjusted norm */
  add_column (self, C_("column", "Norm"), "norm-text", SF_CELL_NUMBER, "norm-explanation",
              numeric_sorter ("adjusted-norm"), 56);
  /* Translators: the weighted caseload */
  add_column (self, C_("column", "Load"), "load-text", SF_CELL_NUMBER, NULL,
              numeric_sorter ("weighted-load"), 56);
  add_column (self, _("Utilisation"), NULL, SF_CELL_UTILISATION, NULL,
              numeric_sorter ("utilisation-rank"), 104);
  add_column (self, _("Status"), NULL, SF_CELL_STATUS, NULL,
              numeric_sorter ("status-rank"), 124);
}

static void
on_member_view_activate_cb (SfTeamsPage *self,
                            guint        position)
{
  gtk_single_selection_set_selected (self->member_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "teams.edit-caseworker", NULL);
}

/* ---- widget ------------------------------------------------------------------ */

static void
sf_teams_page_dispose (GObject *object)
{
  SfTeamsPage *self = (SfTeamsPage *)object;
  GtkWidget *child;

  sf_page_follower_clear (&self->follower);
  g_clear_weak_pointer (&self->dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_TEAMS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sf_teams_page_parent_class)->dispose (object);
}

static void
sf_teams_page_finalize (GObject *object)
{
  SfTeamsPage *self = (SfTeamsPage *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->team_store);
  g_clear_object (&self->team_selection);
  g_clear_object (&self->member_store);
  g_clear_object (&self->member_selection);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->roster_items, g_ptr_array_unref);

  G_OBJECT_CLASS (sf_teams_page_parent_class)->finalize (object);
}

static void
sf_teams_page_class_init (SfTeamsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_teams_page_dispose;
  object_class->finalize = sf_teams_page_finalize;

  g_type_ensure (SF_TYPE_ROSTER_ITEM);
  g_type_ensure (SF_TYPE_TEAM_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-teams-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SfTeamsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SfTeamsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SfTeamsPage, team_list);
  gtk_widget_class_bind_template_child (widget_class, SfTeamsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SfTeamsPage, no_team_page);
  gtk_widget_class_bind_template_child (widget_class, SfTeamsPage, team_title);
  gtk_widget_class_bind_template_child (widget_class, SfTeamsPage, team_subtitle);
  gtk_widget_class_bind_template_child (widget_class, SfTeamsPage, member_stack);
  gtk_widget_class_bind_template_child (widget_class, SfTeamsPage, member_view);
  gtk_widget_class_bind_template_child (widget_class, SfTeamsPage, member_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_member_view_activate_cb);

  _sf_teams_page_class_actions_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sf-teams-page");
}

static void
sf_teams_page_init (SfTeamsPage *self)
{
  GtkSortListModel *team_sort;
  GtkSortListModel *member_sort;
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->roster_items = g_ptr_array_new_with_free_func (g_object_unref);

  /* Teams: filtered by the search, sorted by name */
  self->team_store = g_list_store_new (SF_TYPE_TEAM_ITEM);
  self->team_filter = gtk_string_filter_new (gtk_property_expression_new (SF_TYPE_TEAM_ITEM, NULL, "search-key"));
  gtk_string_filter_set_match_mode (self->team_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->team_filter, TRUE);
  self->team_filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->team_store)),
                                                       GTK_FILTER (self->team_filter));
  team_sort = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->team_filter_model)),
                                       GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SF_TYPE_TEAM_ITEM, NULL, "name"))));
  self->team_selection = gtk_single_selection_new (G_LIST_MODEL (team_sort));
  gtk_single_selection_set_autoselect (self->team_selection, TRUE);
  gtk_single_selection_set_can_unselect (self->team_selection, FALSE);
  g_object_unref (self->team_filter_model);  /* owned by team_sort */
  g_signal_connect_object (self->team_selection, "notify::selected-item",
                           G_CALLBACK (on_team_selected_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (team_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (team_row_bind_cb), NULL);
  gtk_list_view_set_factory (self->team_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->team_list, GTK_SELECTION_MODEL (self->team_selection));

  g_object_bind_property (self->search_entry, "text", self->team_filter, "search", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed_cb), self, G_CONNECT_SWAPPED);

  /* Members of the chosen team, sorted by the column headers */
  self->member_store = g_list_store_new (SF_TYPE_ROSTER_ITEM);
  build_columns (self);
  member_sort = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->member_store)),
                                         g_object_ref (gtk_column_view_get_sorter (self->member_view)));
  self->member_selection = gtk_single_selection_new (G_LIST_MODEL (member_sort));
  gtk_single_selection_set_autoselect (self->member_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->member_selection, TRUE);
  g_signal_connect_object (self->member_selection, "notify::selected-item",
                           G_CALLBACK (on_member_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->member_view, GTK_SELECTION_MODEL (self->member_selection));

  update_actions (self);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Makes the page's copy of the caseworker at @index of @figures->workers:
 * what the member table shows of them besides their figures, and their
 * row, in place of what it had.  Their cases are counted by count_cases(). */
static void
put_member (SfTeamsPage     *self,
            const SfFigures *figures,
            guint            index)
{
  const SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, index);
  const SfCaseworker *w = wf->worker;
  const SfArea *area = wf->team != NULL ? sf_dataset_find_area (figures->dataset, wf->team->area_id) : NULL;
  MemberInfo *info = g_new0 (MemberInfo, 1);
  SfRosterItem *item = sf_roster_item_new (wf, area);
  guint n_reductions;

  info->team_id = w->team_id;
  /* How many reductions they have recorded, in force or not */
  sf_dataset_find_reductions (figures->dataset, w->id, &n_reductions);
  sf_roster_item_set_reductions (item, n_reductions);
  info->open_cases = wf->primary_cases;
  g_hash_table_replace (self->members, g_memdup2 (&w->id, sizeof w->id), info);

  /* roster_items follows figures->workers */
  if (index < self->roster_items->len)
    {
      g_object_unref (g_ptr_array_index (self->roster_items, index));
      g_ptr_array_index (self->roster_items, index) = item;
    }
  else
    g_ptr_array_add (self->roster_items, item);
}

/* Counts the cases (open or closed) of each caseworker into their
 * MemberInfo, of those in @only (gint64 ids, ascending) alone unless it
 * is NULL: one pass over the cases either way.  Their counts start at 0
 * (put_member()). */
static void
count_cases (SfTeamsPage     *self,
             const SfDataset *dataset,
             const GArray    *only)
{
  for (guint i = 0; i < dataset->cases->len; i++)
    {
      const SfCase *kase = &g_array_index (dataset->cases, SfCase, i);
      MemberInfo *info;

      if (only != NULL &&
          bsearch (&kase->caseworker_id, only->data, only->len, sizeof (gint64), compare_ids) == NULL)
        continue;
      info = g_hash_table_lookup (self->members, &kase->caseworker_id);
      if (info != NULL)
        info->cases++;
    }
}

/* The row of the team at @index of @figures->teams. */
static SfTeamItem *
new_team_item (const SfFigures *figures,
               guint            index)
{
  return sf_team_item_new (&g_array_index (figures->teams, SfTeamFigures, index), &figures->settings);
}

/* Shows the teams and caseworkers of @figures; keeps copies. */
static void
sf_teams_page_set_figures (SfTeamsPage     *self,
                           const SfFigures *figures)
{
  g_autoptr(GPtrArray) teams = NULL;
  gint64 keep;

  g_return_if_fail (SF_IS_TEAMS_PAGE (self));
  g_return_if_fail (figures != NULL);

  keep = self->selected_team;
  g_hash_table_remove_all (self->members);
  g_ptr_array_set_size (self->roster_items, 0);
  for (guint i = 0; i < figures->workers->len; i++)
    put_member (self, figures, i);
  count_cases (self, figures->dataset, NULL);

  teams = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < figures->teams->len; i++)
    g_ptr_array_add (teams, new_team_item (figures, i));

  self->updating = TRUE;
  g_list_store_splice (self->team_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->team_store)),
                       teams->pdata, teams->len);
  self->updating = FALSE;

  if (keep == 0 || !sf_teams_page_select_team (self, keep))
    show_team (self);
  update_list_stack (self);
}

/* Shows the new figures of the caseworkers and teams in @delta alone:
 * @figures are those last shown, updated in place by sf_recompute_apply(),
 * which adds and removes no caseworker and no team.  The page then shows
 * what sf_teams_page_set_figures() would, but only the rows of those teams
 * and caseworkers are made again, each where it stands; the chosen team's
 * members are shown again only if the change touched the team.  The
 * chosen team, the scroll position and the search stay. */
static void
sf_teams_page_update_figures (SfTeamsPage     *self,
                              const SfFigures *figures,
                              const SfDelta   *delta)
{
  gint64 keep;
  gboolean touched = FALSE;

  g_return_if_fail (SF_IS_TEAMS_PAGE (self));
  g_return_if_fail (figures != NULL && delta != NULL);

  /* Not the figures last shown, or someone added or removed */
  if (self->roster_items->len != figures->workers->len ||
      g_list_model_get_n_items (G_LIST_MODEL (self->team_store)) != figures->teams->len)
    {
      sf_teams_page_set_figures (self, figures);
      return;
    }

  keep = self->selected_team;
  for (guint i = 0; i < delta->caseworkers->len; i++)
    {
      gint64 id = g_array_index (delta->caseworkers, gint64, i);
      const SfWorkerFigures *wf = sf_figures_find_worker (figures, id);
      MemberInfo *was = g_hash_table_lookup (self->members, &id);

      if (wf == NULL)
        continue;
      if (keep != 0 && (wf->worker->team_id == keep || (was != NULL && was->team_id == keep)))
        touched = TRUE;
      put_member (self, figures, wf - &g_array_index (figures->workers, SfWorkerFigures, 0));
    }
  count_cases (self, figures->dataset, delta->caseworkers);

  self->updating = TRUE;
  for (guint i = 0; i < delta->teams->len; i++)
    {
      gint64 id = g_array_index (delta->teams, gint64, i);
      const SfTeamFigures *tf = sf_figures_find_team (figures, id);
      g_autoptr(SfTeamItem) item = NULL;
      guint index;

      if (tf == NULL)
        continue;
      /* team_store follows figures->teams */
      index = tf - &g_array_index (figures->teams, SfTeamFigures, 0);
      item = new_team_item (figures, index);
      g_list_store_splice (self->team_store, index, 1, (gpointer *) &item, 1);
      if (id == keep)
        touched = TRUE;
    }
  /* Replacing the chosen team's row took the selection off it */
  if (touched)
    {
      guint position = team_position (self, keep);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (self->team_selection, position);
    }
  self->updating = FALSE;

  if (touched)
    show_team (self);
  update_list_stack (self);
}

void
sf_teams_page_start_search (SfTeamsPage *self)
{
  g_return_if_fail (SF_IS_TEAMS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
sf_teams_page_select_team (SfTeamsPage *self,
                           gint64       team_id)
{
  guint position;

  g_return_val_if_fail (SF_IS_TEAMS_PAGE (self), FALSE);

  position = team_position (self, team_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  if (gtk_single_selection_get_selected (self->team_selection) == position)
    show_team (self);
  else
    gtk_single_selection_set_selected (self->team_selection, position);
  return TRUE;
}

gboolean
sf_teams_page_select_caseworker (SfTeamsPage *self,
                                 gint64       caseworker_id)
{
  MemberInfo *info;
  guint n;

  g_return_val_if_fail (SF_IS_TEAMS_PAGE (self), FALSE);

  info = g_hash_table_lookup (self->members, &caseworker_id);
  if (info == NULL || !sf_teams_page_select_team (self, info->team_id))
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->member_selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SfRosterItem) item = g_list_model_get_item (G_LIST_MODEL (self->member_selection), i);

      if (sf_roster_item_get_id (item) == caseworker_id)
        {
          gtk_single_selection_set_selected (self->member_selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

gint64
sf_teams_page_get_selected_team (SfTeamsPage *self)
{
  g_return_val_if_fail (SF_IS_TEAMS_PAGE (self), 0);

  return self->selected_team;
}

/* The teams as the list shows them: searched and sorted. */
GListModel *
sf_teams_page_get_team_model (SfTeamsPage *self)
{
  g_return_val_if_fail (SF_IS_TEAMS_PAGE (self), NULL);

  return G_LIST_MODEL (self->team_selection);
}

GListModel *
sf_teams_page_get_member_model (SfTeamsPage *self)
{
  g_return_val_if_fail (SF_IS_TEAMS_PAGE (self), NULL);

  return G_LIST_MODEL (self->member_selection);
}

/* The dialog the page opened last, while it is open. */
GtkWindow *
sf_teams_page_get_dialog (SfTeamsPage *self)
{
  g_return_val_if_fail (SF_IS_TEAMS_PAGE (self), NULL);

  return self->dialog;
}


static void
fill_from_context (GtkWidget *page,
                   SfContext *context)
{
  sf_teams_page_set_figures (SF_TEAMS_PAGE (page), sf_context_get_figures (context));
}

static void
update_from_context (GtkWidget              *page,
                     SfContext              *context,
                     const SfContextChanges *changes)
{
  if (changes->what & SF_CONTEXT_FIGURES)
    sf_teams_page_update_figures (SF_TEAMS_PAGE (page), sf_context_get_figures (context), changes->delta);
}

/* The page shows the teams of @context (when first shown) and follows its
 * changes; its edits go to the context's store. */
void
sf_teams_page_set_context (SfTeamsPage *self,
                           SfContext   *context)
{
  g_return_if_fail (SF_IS_TEAMS_PAGE (self));
  g_return_if_fail (SF_IS_CONTEXT (context));

  g_set_object (&self->store, sf_context_get_store (context));
  sf_page_follower_set_context (&self->follower, GTK_WIDGET (self), context,
                                fill_from_context, update_from_context);
}

/* Fills the page now if it was not shown since the figures changed. */
void
sf_teams_page_catch_up (SfTeamsPage *self)
{
  g_return_if_fail (SF_IS_TEAMS_PAGE (self));

  sf_page_follower_catch_up (&self->follower);
}
