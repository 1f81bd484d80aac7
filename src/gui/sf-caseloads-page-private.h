/* sf-caseloads-page-private.h: what the Caseloads page's files share, and
 * what the tests reach
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sf-caseloads-page.h"
#include "sf-page-follower.h"
#include "sf-row-viewport.h"

G_BEGIN_DECLS

typedef enum
{
  SF_CASELOADS_EXPORT_CSV,
  SF_CASELOADS_EXPORT_PDF,
  SF_CASELOADS_EXPORT_WORKBOOK,
} SfCaseloadsExport;

/* Filtered by team, area and status; every column sorts.  Its second view
 * lists the cases themselves (SfCasesView): a double-click on a person or
 * a team opens theirs. */
struct _SfCaseloadsPage
{
  GtkWidget             parent_instance;

  SfPageFollower        follower;
  GtkStack             *view_stack;
  SfCasesView          *cases_view;

  GtkDropDown          *team_dropdown;
  GtkDropDown          *area_dropdown;
  GtkDropDown          *status_dropdown;
  GtkLabel             *shown_label;
  GtkLabel             *footnote_label;
  GtkStack             *content_stack;
  GtkColumnView        *team_view;
  GtkColumnView        *worker_view;
  SfRowViewport        *team_viewport;
  SfRowViewport        *worker_viewport;

  GListStore           *workers;
  GListStore           *teams;
  GtkFilterListModel   *worker_filter_model;
  GtkFilterListModel   *team_filter_model;
  GtkCustomFilter      *worker_filter;
  GtkCustomFilter      *team_filter;
  GArray               *team_ids;      /* dropdown position → team id; 0 = all */
  GArray               *area_ids;
  GtkFileChooserNative *export_chooser;
  int                   export_kind;    /* what export_chooser saves: SfCaseloadsExport */

  /* What the figures were computed from, for exports and the cases: the
   * window's, shared and updated in place (sf_recompute_apply()) */
  SfDataset            *dataset;
  SfSettings            settings;
  SfDay                 ref;

  gint64                filter_team;
  gint64                filter_area;
  int                   filter_status;
  gboolean              updating;
};

/* sf-caseloads-page-actions.c */
void           _sf_caseloads_page_class_actions_init (GtkWidgetClass  *widget_class);

/* For the tests */
GtkColumnView *sf_caseloads_page_get_worker_view (SfCaseloadsPage *self);
GtkColumnView *sf_caseloads_page_get_team_view   (SfCaseloadsPage *self);
GListModel    *sf_caseloads_page_get_workers     (SfCaseloadsPage *self);
GListModel    *sf_caseloads_page_get_teams       (SfCaseloadsPage *self);
/* 0 = every team / area; status -1 = every status */
void           sf_caseloads_page_set_filter      (SfCaseloadsPage *self,
                                                  gint64           team_id,
                                                  gint64           area_id,
                                                  int              status);
gboolean       sf_caseloads_page_export_csv      (SfCaseloadsPage *self,
                                                  GFile           *file,
                                                  GError         **error);
gboolean       sf_caseloads_page_export_pdf      (SfCaseloadsPage *self,
                                                  GFile           *file,
                                                  GError         **error);
/* The HR workbook (.xlsx), written in a thread: it takes a second or so
 * for a large municipality */
void           sf_caseloads_page_export_workbook_async  (SfCaseloadsPage     *self,
                                                         GFile               *file,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean       sf_caseloads_page_export_workbook_finish (SfCaseloadsPage     *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
const char    *sf_caseloads_page_get_view        (SfCaseloadsPage *self);

G_END_DECLS
