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

#include "sf-caseworker-dialog.h"
#include "sf-property-cell.h"
#include "sf-roster-item.h"
#include "sf-status-style.h"
#include "sf-team-dialog.h"
#include "sf-team-item.h"
#include "sf-planned-hires-window.h"
#include "sf-teams-page.h"
#include "sf-window.h"

/* The teams on the left (searchable, sorted by name), the chosen team's
 * caseworkers on the right.  Every change is stored at once through core
 * (sf-roster-edit.c); removing and moving show a toast that undoes it. */
struct _SfTeamsPage
{
  GtkWidget           parent_instance;

  SfStore            *store;
  GHashTable         *members;          /* caseworker id → MemberInfo */
  GPtrArray          *roster_items;     /* SfRosterItem, every caseworker */
  gint64              selected_team;
  gboolean            updating;
  GtkWindow          *dialog;           /* weak */
  AdwToast           *undo_toast;       /* weak */

  GListStore         *team_store;
  GtkFilterListModel *team_filter_model;
  GtkStringFilter    *team_filter;
  GtkSingleSelection *team_selection;
  GListStore         *member_store;
  GtkSingleSelection *member_selection;

  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *team_list;
  GtkStack           *detail_stack;
  AdwStatusPage      *no_team_page;
  GtkLabel           *team_title;
  GtkLabel           *team_subtitle;
  GtkStack           *member_stack;
  GtkColumnView      *member_view;
  GtkActionBar       *member_bar;
};

G_DEFINE_FINAL_TYPE (SfTeamsPage, sf_teams_page, GTK_TYPE_WIDGET)

typedef struct
{
  gint64  team_id;
  guint   cases;                      /* cases (open or closed) where primary */
  guint   open_cases;
} MemberInfo;

static SfWindow *
get_window (SfTeamsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return SF_IS_WINDOW (root) ? SF_WINDOW (root) : NULL;
}

static SfTeamItem *
selected_team_item (SfTeamsPage *self)
{
  return gtk_single_selection_get_selected_item (self->team_selection);
}

static SfRosterItem *
selected_member (SfTeamsPage *self)
{
  return gtk_single_selection_get_selected_item (self->member_selection);
}

static void
show_error (SfTeamsPage *self,
            const char  *heading,
            const char  *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (SfTeamsPage *self)
{
  gboolean team = selected_team_item (self) != NULL;
  gboolean member = selected_member (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.edit-team", team);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.suggest", team);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.planned-hires", team);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.remove-team", team);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.edit-caseworker", member);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.explain-norm", member);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.move-caseworker", member);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teams.remove-caseworker", member);
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
  SfTeamItem *team = selected_team_item (self);
  SfRosterItem *member = selected_member (self);
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
  if (selected_team_item (self) == NULL &&
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

/* ---- undo ------------------------------------------------------------------ */

static void
on_undo_clicked_cb (AdwToast    *toast,
                    SfTeamsPage *self)
{
  SfRosterSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "sf-snapshot");
  g_autoptr(GError) error = NULL;

  if (snapshot == NULL || self->store == NULL)
    return;
  if (!sf_roster_undo (self->store, snapshot, &error))
    show_error (self, _("Could Not Undo"), error->message);
  /* Once only */
  g_object_set_data (G_OBJECT (toast), "sf-snapshot", NULL);
}

static void
toast_undo (SfTeamsPage      *self,
            SfRosterSnapshot *snapshot)
{
  SfWindow *window = get_window (self);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (window == NULL)
    {
      sf_roster_snapshot_free (snapshot);
      return;
    }
  title = g_markup_escape_text (sf_roster_snapshot_get_summary (snapshot), -1);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "sf-snapshot", snapshot,
                          (GDestroyNotify) sf_roster_snapshot_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  g_set_weak_pointer (&self->undo_toast, toast);
  sf_window_show_toast (window, toast);
}

/* ---- actions --------------------------------------------------------------- */

static void
on_team_saved_cb (SfTeamsPage *self,
                  gint64       id)
{
  sf_teams_page_select_team (self, id);
}

static void
on_caseworker_saved_cb (SfTeamsPage *self,
                        gint64       id)
{
  sf_teams_page_select_caseworker (self, id);
}

static void
present (SfTeamsPage *self,
         GtkWindow   *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (dialog);
}

/* The window's suggestion dialog, for the chosen team */
static void
planned_hires_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);
  SfTeamItem *team = selected_team_item (self);
  SfPlannedHiresWindow *window;

  if (team == NULL)
    return;
  window = sf_planned_hires_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                        sf_team_item_get_id (team), sf_team_item_get_name (team));
  gtk_window_present (GTK_WINDOW (window));
}

static void
suggest_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);

  gtk_widget_activate_action (widget, "win.suggest-for-team", "x", self->selected_team);
}

static void
edit_team_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);
  SfTeamDialog *dialog;

  if (self->store == NULL || self->selected_team == 0)
    return;
  dialog = sf_team_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->selected_team);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_team_saved_cb), self, G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (dialog));
}

static GtkDropDown *
choice_dropdown (GtkStringList *labels,
                 const char    *accessible_label)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return dropdown;
}

static void
on_remove_team_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            SfTeamsPage      *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "sf-ids");
  gint64 team_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "sf-subject");
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  SfRosterSnapshot *snapshot;
  guint chosen;

  if (!g_str_equal (response, "remove"))
    return;
  chosen = gtk_drop_down_get_selected (dropdown);
  if (chosen >= ids->len)
    return;
  snapshot = sf_roster_remove_team (self->store, team_id, g_array_index (ids, gint64, chosen), &error);
  if (snapshot == NULL)
    {
      show_error (self, _("Team Not Removed"), error->message);
      return;
    }
  toast_undo (self, snapshot);
}

/* A team without members goes at once (undo brings it back); with members
 * the manager chooses the team they move to. */
static void
remove_team_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);
  SfTeamItem *team = selected_team_item (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GArray *ids;
  GtkWidget *dialog;
  guint n_teams;

  if (self->store == NULL || team == NULL)
    return;

  if (sf_team_item_get_members (team) == 0)
    {
      SfRosterSnapshot *snapshot = sf_roster_remove_team (self->store, sf_team_item_get_id (team), 0, &error);

      if (snapshot == NULL)
        show_error (self, _("Team Not Removed"), error->message);
      else
        toast_undo (self, snapshot);
      return;
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  n_teams = g_list_model_get_n_items (G_LIST_MODEL (self->team_store));
  for (guint i = 0; i < n_teams; i++)
    {
      g_autoptr(SfTeamItem) other = g_list_model_get_item (G_LIST_MODEL (self->team_store), i);
      gint64 id = sf_team_item_get_id (other);

      if (id == sf_team_item_get_id (team))
        continue;
      g_array_append_val (ids, id);
      gtk_string_list_append (labels, sf_team_item_get_name (other));
    }

  if (ids->len == 0)
    {
      g_autofree char *message = NULL;

      g_array_unref (ids);
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "“%s” has %u caseworker and there is no other team to "
                                              "move them to. Create another team first, or remove the "
                                              "caseworker.",
                                              "“%s” has %u caseworkers and there is no other team to "
                                              "move them to. Create another team first, or remove the "
                                              "caseworkers.",
                                              sf_team_item_get_members (team)),
                                 sf_team_item_get_name (team), sf_team_item_get_members (team));
      show_error (self, _("Team Not Removed"), message);
      return;
    }

  /* Translators: %s is a team */
  heading = g_strdup_printf (_("Where Do the Members of “%s” Go?"), sf_team_item_get_name (team));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The team has %u caseworker. Choose the team they move to; "
                                       "their cases go with them.",
                                       "The team has %u caseworkers. Choose the team they move to; "
                                       "their cases go with them.",
                                       sf_team_item_get_members (team)),
                          sf_team_item_get_members (team));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      GTK_WIDGET (choice_dropdown (labels, _("Team to move the members to"))));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Move Members and Remove Team"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sf-ids", ids, (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "sf-subject",
                          g_memdup2 (&(gint64) { sf_team_item_get_id (team) }, sizeof (gint64)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_team_response_cb), self, 0);
  present (self, GTK_WINDOW (dialog));
}

static void
edit_caseworker_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);
  SfRosterItem *member = selected_member (self);
  SfCaseworkerDialog *dialog;

  if (self->store == NULL || member == NULL)
    return;
  dialog = sf_caseworker_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                     sf_roster_item_get_id (member), 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_caseworker_saved_cb), self, G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (dialog));
}

static void
on_member_view_activate_cb (SfTeamsPage *self,
                            guint        position)
{
  gtk_single_selection_set_selected (self->member_selection, position);
  edit_caseworker_action (GTK_WIDGET (self), "teams.edit-caseworker", NULL);
}

static void
explain_norm_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);
  SfRosterItem *member = selected_member (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GPtrArray) factors = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *norm = NULL;
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  const SfWorkerFigures *wf;
  GtkWidget *list;
  GtkWidget *dialog;
  GtkWidget *total;
  SfSettings settings;

  if (self->store == NULL || member == NULL)
    return;
  if (!sf_store_load_settings (self->store, &settings, &error) ||
      (dataset = sf_store_load_dataset (self->store, &error)) == NULL)
    {
      show_error (self, _("Could Not Read the Database"), error->message);
      return;
    }
  figures = sf_figures_compute (dataset, &settings, sf_day_today ());
  wf = sf_figures_find_worker (figures, sf_roster_item_get_id (member));
  factors = sf_roster_explain_norm (figures, sf_roster_item_get_id (member));
  if (wf == NULL || factors == NULL)
    return;

  norm = sf_format_decimal (wf->adjusted_norm, 1);
  /* Translators: e.g. "The Norm of Anne Bach (AB)" */
  heading = g_strdup_printf (_("The Norm of %s (%s)"), wf->worker->name, wf->worker->initials);
  date = sf_day_format (figures->ref);
  body = g_strdup_printf (_("On %s the adjusted norm is %s cases: the team norm multiplied by "
                            "each factor below."), date, norm);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Factors of the norm"), -1);
  for (guint i = 0; i < factors->len; i++)
    {
      SfNormFactor *factor = g_ptr_array_index (factors, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = NULL;
      g_autofree char *number = sf_format_decimal (factor->value, i == 0 ? (fabs (factor->value - round (factor->value)) < 0.05 ? 0 : 1) : 2);
      g_autofree char *title = i == 0 ? g_strdup (factor->label) : g_strdup_printf ("× %s", factor->label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), factor->reason);
      value = gtk_label_new (number);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  total = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (total), _("= Adjusted norm"));
  {
    GtkWidget *value = gtk_label_new (norm);

    gtk_widget_add_css_class (value, "numeric");
    gtk_widget_add_css_class (value, "title-4");
    adw_action_row_add_suffix (ADW_ACTION_ROW (total), value);
  }
  gtk_list_box_append (GTK_LIST_BOX (list), total);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  present (self, GTK_WINDOW (dialog));
}

static void
on_move_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SfTeamsPage      *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "sf-ids");
  gint64 subject = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "sf-subject");
  gboolean remove = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "sf-remove"));
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  SfRosterSnapshot *snapshot;
  guint chosen;

  if (!g_str_equal (response, "ok"))
    return;
  chosen = gtk_drop_down_get_selected (dropdown);
  if (chosen >= ids->len)
    return;
  if (remove)
    snapshot = sf_roster_remove_caseworker (self->store, subject, g_array_index (ids, gint64, chosen), &error);
  else
    snapshot = sf_roster_move_caseworker (self->store, subject, g_array_index (ids, gint64, chosen), &error);
  if (snapshot == NULL)
    {
      show_error (self, remove ? _("Caseworker Not Removed") : _("Caseworker Not Moved"), error->message);
      return;
    }
  toast_undo (self, snapshot);
}

static GtkWidget *
choice_dialog (SfTeamsPage   *self,
               const char    *heading,
               const char    *body,
               GtkStringList *labels,
               GArray        *ids,
               const char    *accessible_label,
               const char    *ok_label,
               gint64         subject,
               gboolean       remove)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      GTK_WIDGET (choice_dropdown (labels, accessible_label)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "ok", ok_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              remove ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), remove ? "cancel" : "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sf-ids", g_array_ref (ids), (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "sf-subject", g_memdup2 (&subject, sizeof subject), g_free);
  g_object_set_data (G_OBJECT (dialog), "sf-remove", GINT_TO_POINTER (remove));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_move_response_cb), self, 0);
  present (self, GTK_WINDOW (dialog));
  return dialog;
}

static void
move_caseworker_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);
  SfRosterItem *member = selected_member (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *heading = NULL;
  guint n_teams;

  if (self->store == NULL || member == NULL)
    return;
  n_teams = g_list_model_get_n_items (G_LIST_MODEL (self->team_store));
  for (guint i = 0; i < n_teams; i++)
    {
      g_autoptr(SfTeamItem) team = g_list_model_get_item (G_LIST_MODEL (self->team_store), i);
      gint64 id = sf_team_item_get_id (team);

      if (id == self->selected_team)
        continue;
      g_array_append_val (ids, id);
      gtk_string_list_append (labels, sf_team_item_get_name (team));
    }
  if (ids->len == 0)
    {
      show_error (self, _("No Other Team"), _("Create the team to move the caseworker to first."));
      return;
    }
  /* Translators: %s is a caseworker's name */
  heading = g_strdup_printf (_("Move %s to Another Team"), sf_roster_item_get_name (member));
  choice_dialog (self, heading, _("Their cases, reductions and absence go with them."),
                 labels, ids, _("Team to move to"), _("_Move"), sf_roster_item_get_id (member), FALSE);
}

/* Without cases a caseworker goes at once (undo brings them back); with
 * cases the manager chooses the colleague who takes them over. */
static void
remove_caseworker_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);
  SfRosterItem *member = selected_member (self);
  MemberInfo *info;
  g_autoptr(GtkStringList) labels = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  gint64 id;

  if (self->store == NULL || member == NULL)
    return;
  id = sf_roster_item_get_id (member);
  info = g_hash_table_lookup (self->members, &id);

  if (info == NULL || info->cases == 0)
    {
      g_autoptr(GError) error = NULL;
      SfRosterSnapshot *snapshot = sf_roster_remove_caseworker (self->store, id, 0, &error);

      if (snapshot == NULL)
        show_error (self, _("Caseworker Not Removed"), error->message);
      else
        toast_undo (self, snapshot);
      return;
    }

  /* Colleagues in the team first, then everyone else */
  labels = gtk_string_list_new (NULL);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->roster_items->len; i++)
      {
        SfRosterItem *other = g_ptr_array_index (self->roster_items, i);
        gint64 other_id = sf_roster_item_get_id (other);
        MemberInfo *other_info = g_hash_table_lookup (self->members, &other_id);
        gboolean same_team = other_info != NULL && other_info->team_id == info->team_id;
        g_autofree char *label = NULL;

        if (other_id == id || same_team != (pass == 0))
          continue;
        if (same_team)
          label = g_strdup_printf ("%s (%s)", sf_roster_item_get_name (other), sf_roster_item_get_initials (other));
        else
          /* Translators: a colleague in another team: name (initials), team */
          label = g_strdup_printf (_("%s (%s), %s"), sf_roster_item_get_name (other),
                                   sf_roster_item_get_initials (other), sf_roster_item_get_team (other));
        g_array_append_val (ids, other_id);
        gtk_string_list_append (labels, label);
      }
  if (ids->len == 0)
    {
      show_error (self, _("Caseworker Not Removed"),
                  _("The caseworker has cases and there is no colleague to take them over. Add the "
                    "colleague first."));
      return;
    }

  /* Translators: %s is a caseworker's name */
  heading = g_strdup_printf (_("Who Takes Over the Cases of %s?"), sf_roster_item_get_name (member));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s has %u open case. The colleague you choose becomes its "
                                       "caseworker, and also covers the cases %s covered for others.",
                                       "%s has %u open cases. The colleague you choose becomes their "
                                       "caseworker, and also covers the cases %s covered for others.",
                                       info->open_cases),
                          sf_roster_item_get_initials (member), info->open_cases,
                          sf_roster_item_get_initials (member));
  choice_dialog (self, heading, body, labels, ids, _("Colleague who takes over the cases"),
                 _("_Move Cases and Remove"), id, TRUE);
}

/* ---- widget ------------------------------------------------------------------ */

static void
sf_teams_page_dispose (GObject *object)
{
  SfTeamsPage *self = (SfTeamsPage *)object;
  GtkWidget *child;

  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->undo_toast);
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

  gtk_widget_class_install_action (widget_class, "teams.edit-team", NULL, edit_team_action);
  gtk_widget_class_install_action (widget_class, "teams.remove-team", NULL, remove_team_action);
  gtk_widget_class_install_action (widget_class, "teams.suggest", NULL, suggest_action);
  gtk_widget_class_install_action (widget_class, "teams.planned-hires", NULL, planned_hires_action);
  gtk_widget_class_install_action (widget_class, "teams.edit-caseworker", NULL, edit_caseworker_action);
  gtk_widget_class_install_action (widget_class, "teams.explain-norm", NULL, explain_norm_action);
  gtk_widget_class_install_action (widget_class, "teams.move-caseworker", NULL, move_caseworker_action);
  gtk_widget_class_install_action (widget_class, "teams.remove-caseworker", NULL, remove_caseworker_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "teams.remove-caseworker", NULL);

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

void
sf_teams_page_set_store (SfTeamsPage *self,
                         SfStore     *store)
{
  g_return_if_fail (SF_IS_TEAMS_PAGE (self));
  g_return_if_fail (SF_IS_STORE (store));

  g_set_object (&self->store, store);
}

/* How many reductions @caseworker_id has recorded, in force or not */
static guint
count_reductions (const SfDataset *dataset,
                  gint64           caseworker_id)
{
  guint n = 0;

  for (guint i = 0; i < dataset->reductions->len; i++)
    if (g_array_index (dataset->reductions, SfReduction, i).caseworker_id == caseworker_id)
      n++;
  return n;
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

  info->team_id = w->team_id;
  sf_roster_item_set_reductions (item, count_reductions (figures->dataset, w->id));
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
void
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
void
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

GtkWindow *
sf_teams_page_new_team (SfTeamsPage *self)
{
  SfTeamDialog *dialog;

  g_return_val_if_fail (SF_IS_TEAMS_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  dialog = sf_team_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_team_saved_cb), self, G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* In the chosen team; without any team, asks for one first. */
GtkWindow *
sf_teams_page_new_caseworker (SfTeamsPage *self)
{
  SfCaseworkerDialog *dialog;

  g_return_val_if_fail (SF_IS_TEAMS_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->team_store)) == 0)
    {
      show_error (self, _("No Teams Yet"), _("A caseworker belongs to a team: create the team first."));
      return self->dialog;
    }
  dialog = sf_caseworker_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store, 0,
                                     self->selected_team);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_caseworker_saved_cb), self, G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
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

/* The toast that undoes the last removal or move, while it is shown. */
AdwToast *
sf_teams_page_get_undo_toast (SfTeamsPage *self)
{
  g_return_val_if_fail (SF_IS_TEAMS_PAGE (self), NULL);

  return self->undo_toast;
}
