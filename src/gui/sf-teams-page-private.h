/* sf-teams-page-private.h: what the Teams page's files share, and what the
 * tests reach
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sf-page-follower.h"
#include "sf-roster-item.h"
#include "sf-team-item.h"
#include "sf-teams-page.h"

G_BEGIN_DECLS

/* The teams on the left (searchable, sorted by name), the chosen team's
 * caseworkers on the right.  Every change is stored at once through core
 * (sf-roster-edit.c); removing and moving show a toast that undoes it. */
struct _SfTeamsPage
{
  GtkWidget           parent_instance;

  SfStore            *store;            /* the context's */
  SfPageFollower      follower;
  GHashTable         *members;          /* caseworker id → MemberInfo */
  GPtrArray          *roster_items;     /* SfRosterItem, every caseworker */
  gint64              selected_team;
  gboolean            updating;
  GtkWindow          *dialog;           /* weak */

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

typedef struct
{
  gint64  team_id;
  guint   cases;                      /* cases (open or closed) where primary */
  guint   open_cases;
} MemberInfo;

/* sf-teams-page.c */
SfTeamItem   *_sf_teams_page_selected_team_item (SfTeamsPage    *self);
SfRosterItem *_sf_teams_page_selected_member    (SfTeamsPage    *self);
void          _sf_teams_page_show_error         (SfTeamsPage    *self,
                                                 const char     *heading,
                                                 const char     *body);

/* sf-teams-page-actions.c */
void          _sf_teams_page_class_actions_init (GtkWidgetClass *widget_class);

/* For the tests */
gboolean    sf_teams_page_select_team          (SfTeamsPage     *self,
                                                gint64           team_id);
gboolean    sf_teams_page_select_caseworker    (SfTeamsPage     *self,
                                                gint64           caseworker_id);
gint64      sf_teams_page_get_selected_team    (SfTeamsPage     *self);
GListModel *sf_teams_page_get_team_model       (SfTeamsPage     *self);
GListModel *sf_teams_page_get_member_model     (SfTeamsPage     *self);
GtkWindow  *sf_teams_page_get_dialog           (SfTeamsPage     *self);

G_END_DECLS
