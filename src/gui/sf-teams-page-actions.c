/* sf-teams-page-actions.c: what the Teams page does — its actions, the
 * edits they write and the undo they offer
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-caseworker-dialog.h"
#include "sf-choice-dialog.h"
#include "sf-error-dialog.h"
#include "sf-explain-norm-dialog.h"
#include "sf-planned-hires-window.h"
#include "sf-team-dialog.h"
#include "sf-teams-page-private.h"

/* Every edit is stored at once through core (sf-roster-edit.c); removing
 * and moving offer an undo through the context, which the window shows as
 * a toast. */

/* ---- undo ------------------------------------------------------------------ */

static gboolean
undo_roster (SfStore  *store,
             gpointer  data,
             GError  **error)
{
  return sf_roster_undo (store, data, error);
}

/* Offers to undo a removal or a move (through the context: the window
 * shows the toast) */
static void
toast_undo (SfTeamsPage      *self,
            SfRosterSnapshot *snapshot)
{
  if (self->follower.context == NULL)
    {
      sf_roster_snapshot_free (snapshot);
      return;
    }
  sf_context_offer_undo (self->follower.context, sf_roster_snapshot_get_summary (snapshot),
                         undo_roster, snapshot, (GDestroyNotify) sf_roster_snapshot_free);
}

/* Offers to undo an edit core made (@snapshot), or says why it was not
 * made: @failure as the heading, @error's message below it */
static void
undo_or_show_error (SfTeamsPage      *self,
                    SfRosterSnapshot *snapshot,
                    const char       *failure,
                    const GError     *error)
{
  if (snapshot == NULL)
    _sf_teams_page_show_error (self, failure, error->message);
  else
    toast_undo (self, snapshot);
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

/* The team dialog for @team_id (0: a new team); the team saved is chosen */
static GtkWindow *
open_team_dialog (SfTeamsPage *self,
                  gint64       team_id)
{
  SfTeamDialog *dialog = sf_team_dialog_new (sf_widget_get_window (GTK_WIDGET (self)),
                                             self->follower.context, team_id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_team_saved_cb), self, G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* The caseworker dialog for @caseworker_id (0: a new one, in @team_id); the
 * caseworker saved is chosen */
static GtkWindow *
open_caseworker_dialog (SfTeamsPage *self,
                        gint64       caseworker_id,
                        gint64       team_id)
{
  SfCaseworkerDialog *dialog = sf_caseworker_dialog_new (sf_widget_get_window (GTK_WIDGET (self)),
                                                         self->follower.context, caseworker_id, team_id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_caseworker_saved_cb), self, G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* The teams but @except, as choices: their ids, their names in @labels */
static GArray *
other_teams (SfTeamsPage   *self,
             gint64         except,
             GtkStringList *labels)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_teams = g_list_model_get_n_items (G_LIST_MODEL (self->team_store));

  for (guint i = 0; i < n_teams; i++)
    {
      g_autoptr(SfTeamItem) team = g_list_model_get_item (G_LIST_MODEL (self->team_store), i);
      gint64 id = sf_team_item_get_id (team);

      if (id == except)
        continue;
      g_array_append_val (ids, id);
      gtk_string_list_append (labels, sf_team_item_get_name (team));
    }
  return ids;
}

/* What a choice dialog asks the manager */
typedef enum
{
  CHOICE_MOVE_CASEWORKER,    /* the team a caseworker moves to */
  CHOICE_REMOVE_CASEWORKER,  /* the colleague who takes over a caseworker's cases */
  CHOICE_REMOVE_TEAM,        /* the team a team's members move to */
} Choice;

static const char *
choice_response (Choice choice)
{
  return choice == CHOICE_REMOVE_TEAM ? "remove" : "ok";
}

static void
on_choice_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SfTeamsPage      *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "sf-ids");
  gint64 subject = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "sf-subject");
  Choice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "sf-choice"));
  g_autoptr(GError) error = NULL;
  SfRosterSnapshot *snapshot = NULL;
  const char *failure = NULL;
  guint chosen;
  gint64 id;

  if (!g_str_equal (response, choice_response (choice)))
    return;
  chosen = sf_choice_dialog_get_chosen (dialog);
  if (chosen >= ids->len)
    return;
  id = g_array_index (ids, gint64, chosen);
  switch (choice)
    {
    case CHOICE_MOVE_CASEWORKER:
      snapshot = sf_roster_move_caseworker (self->store, subject, id, &error);
      failure = _("Caseworker Not Moved");
      break;
    case CHOICE_REMOVE_CASEWORKER:
      snapshot = sf_roster_remove_caseworker (self->store, subject, id, &error);
      failure = _("Caseworker Not Removed");
      break;
    case CHOICE_REMOVE_TEAM:
    default:
      snapshot = sf_roster_remove_team (self->store, subject, id, &error);
      failure = _("Team Not Removed");
      break;
    }
  undo_or_show_error (self, snapshot, failure, error);
}

/* Asks what @choice says about @subject, among @labels (@ids parallel) */
static void
choice_dialog (SfTeamsPage   *self,
               Choice         choice,
               const char    *heading,
               const char    *body,
               GtkStringList *labels,
               GArray        *ids,
               const char    *accessible_label,
               const char    *ok_label,
               gint64         subject)
{
  AdwMessageDialog *dialog = sf_choice_dialog_new (sf_widget_get_window (GTK_WIDGET (self)),
                                                   heading, body, labels, accessible_label,
                                                   choice_response (choice), ok_label,
                                                   choice != CHOICE_MOVE_CASEWORKER);

  g_object_set_data_full (G_OBJECT (dialog), "sf-ids", g_array_ref (ids), (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "sf-subject", g_memdup2 (&subject, sizeof subject), g_free);
  g_object_set_data (G_OBJECT (dialog), "sf-choice", GINT_TO_POINTER (choice));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_choice_response_cb), self, 0);
  present (self, GTK_WINDOW (dialog));
}

/* The window's suggestion dialog, for the chosen team */
static void
planned_hires_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);
  SfTeamItem *team = _sf_teams_page_selected_team_item (self);
  SfPlannedHiresWindow *window;

  if (team == NULL)
    return;
  window = sf_planned_hires_window_new (sf_widget_get_window (widget), self->store,
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

  if (self->store == NULL || self->selected_team == 0)
    return;
  open_team_dialog (self, self->selected_team);
}

/* A team without members goes at once (undo brings it back); with members
 * the manager chooses the team they move to. */
static void
remove_team_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);
  SfTeamItem *team = _sf_teams_page_selected_team_item (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (self->store == NULL || team == NULL)
    return;

  if (sf_team_item_get_members (team) == 0)
    {
      SfRosterSnapshot *snapshot = sf_roster_remove_team (self->store, sf_team_item_get_id (team), 0, &error);

      undo_or_show_error (self, snapshot, _("Team Not Removed"), error);
      return;
    }

  ids = other_teams (self, sf_team_item_get_id (team), labels);
  if (ids->len == 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "“%s” has %u caseworker and there is no other team to "
                                              "move them to. Create another team first, or remove the "
                                              "caseworker.",
                                              "“%s” has %u caseworkers and there is no other team to "
                                              "move them to. Create another team first, or remove the "
                                              "caseworkers.",
                                              sf_team_item_get_members (team)),
                                 sf_team_item_get_name (team), sf_team_item_get_members (team));
      _sf_teams_page_show_error (self, _("Team Not Removed"), message);
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
  choice_dialog (self, CHOICE_REMOVE_TEAM, heading, body, labels, ids, _("Team to move the members to"),
                 _("_Move Members and Remove Team"), sf_team_item_get_id (team));
}

static void
edit_caseworker_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);
  SfRosterItem *member = _sf_teams_page_selected_member (self);

  if (self->store == NULL || member == NULL)
    return;
  open_caseworker_dialog (self, sf_roster_item_get_id (member), 0);
}

static void
explain_norm_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);
  SfRosterItem *member = _sf_teams_page_selected_member (self);
  const SfFigures *figures;
  GtkWindow *dialog;

  /* The figures the page shows: the context's, kept current */
  if (self->follower.context == NULL || member == NULL ||
      (figures = sf_context_get_figures (self->follower.context)) == NULL)
    return;
  dialog = sf_explain_norm_dialog_new (sf_widget_get_window (widget), figures,
                                       sf_roster_item_get_id (member));
  if (dialog != NULL)
    present (self, dialog);
}

static void
move_caseworker_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);
  SfRosterItem *member = _sf_teams_page_selected_member (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *heading = NULL;

  if (self->store == NULL || member == NULL)
    return;
  ids = other_teams (self, self->selected_team, labels);
  if (ids->len == 0)
    {
      _sf_teams_page_show_error (self, _("No Other Team"), _("Create the team to move the caseworker to first."));
      return;
    }
  /* Translators: %s is a caseworker's name */
  heading = g_strdup_printf (_("Move %s to Another Team"), sf_roster_item_get_name (member));
  choice_dialog (self, CHOICE_MOVE_CASEWORKER, heading, _("Their cases, reductions and absence go with them."),
                 labels, ids, _("Team to move to"), _("_Move"), sf_roster_item_get_id (member));
}

/* Without cases a caseworker goes at once (undo brings them back); with
 * cases the manager chooses the colleague who takes them over. */
static void
remove_caseworker_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SfTeamsPage *self = SF_TEAMS_PAGE (widget);
  SfRosterItem *member = _sf_teams_page_selected_member (self);
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

      undo_or_show_error (self, snapshot, _("Caseworker Not Removed"), error);
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
      _sf_teams_page_show_error (self, _("Caseworker Not Removed"),
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
  choice_dialog (self, CHOICE_REMOVE_CASEWORKER, heading, body, labels, ids,
                 _("Colleague who takes over the cases"), _("_Move Cases and Remove"), id);
}

/* ---- the page's own API ---------------------------------------------------- */

GtkWindow *
sf_teams_page_new_team (SfTeamsPage *self)
{
  g_return_val_if_fail (SF_IS_TEAMS_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  return open_team_dialog (self, 0);
}

/* In the chosen team; without any team, asks for one first. */
GtkWindow *
sf_teams_page_new_caseworker (SfTeamsPage *self)
{
  g_return_val_if_fail (SF_IS_TEAMS_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->team_store)) == 0)
    {
      _sf_teams_page_show_error (self, _("No Teams Yet"), _("A caseworker belongs to a team: create the team first."));
      return self->dialog;
    }
  return open_caseworker_dialog (self, 0, self->selected_team);
}

/* Called from class_init: the page's actions and their keys */
void
_sf_teams_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "teams.edit-team", NULL, edit_team_action);
  gtk_widget_class_install_action (widget_class, "teams.remove-team", NULL, remove_team_action);
  gtk_widget_class_install_action (widget_class, "teams.suggest", NULL, suggest_action);
  gtk_widget_class_install_action (widget_class, "teams.planned-hires", NULL, planned_hires_action);
  gtk_widget_class_install_action (widget_class, "teams.edit-caseworker", NULL, edit_caseworker_action);
  gtk_widget_class_install_action (widget_class, "teams.explain-norm", NULL, explain_norm_action);
  gtk_widget_class_install_action (widget_class, "teams.move-caseworker", NULL, move_caseworker_action);
  gtk_widget_class_install_action (widget_class, "teams.remove-caseworker", NULL, remove_caseworker_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "teams.remove-caseworker", NULL);
}
