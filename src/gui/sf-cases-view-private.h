/* sf-cases-view-private.h: what the list of cases' files share, and what
 * the tests reach
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sf-cases-view.h"
#include "sf-filtered-list.h"
#include "sf-row-viewport.h"

G_BEGIN_DECLS

/* A list model of immutable items, filtered and sorted
 * by list models: only the visible rows have widgets, so 100,000 cases
 * scroll as fast as 100.  A reload replaces only the items that changed,
 * and an edit only those of the cases it touched (update_cases()), so the
 * scroll position and the selection stay. */
struct _SfCasesView
{
  GtkWidget           parent_instance;

  SfContext          *context;
  SfStore            *store;         /* the context's */
  const SfDataset    *dataset;       /* borrowed from the page */
  SfSettings          settings;
  SfDay               ref;

  GListStore         *cases;         /* SfCaseItem, in id order */
  GtkCustomFilter    *filter;
  SfFilteredList     *filter_model;
  GtkMultiSelection  *selection;
  GArray             *team_ids;      /* dropdown position → id; 0 = all */
  GArray             *worker_ids;

  gint64              filter_team;
  gint64              filter_worker;
  SfCasesShow         show;
  char               *search;        /* lower-case, or NULL */
  gboolean            updating;

  GtkWindow          *dialog;        /* weak */

  GtkSearchEntry     *search_entry;
  GtkDropDown        *team_dropdown;
  GtkDropDown        *worker_dropdown;
  GtkDropDown        *state_dropdown;
  GtkLabel           *shown_label;
  GtkStack           *content_stack;
  GtkColumnView      *case_view;
  SfRowViewport      *case_viewport;
  GtkLabel           *selection_label;
  GtkMenuButton      *close_button;
  GtkPopover         *close_popover;
  GtkCalendar        *close_calendar;
  GtkButton          *close_confirm_button;
};

/* sf-cases-view.c */
guint              _sf_cases_view_find_position    (GArray           *ids,
                                                    gint64            id);

/* sf-cases-view-actions.c */
void               _sf_cases_view_class_actions_init (GtkWidgetClass *widget_class);

/* For the tests (and the actions) */
GtkSelectionModel *sf_cases_view_get_selection    (SfCasesView      *self);
GListModel        *sf_cases_view_get_all          (SfCasesView      *self);
gboolean           sf_cases_view_select_ids       (SfCasesView      *self,
                                                   const gint64     *ids,
                                                   guint             n_ids);
GArray            *sf_cases_view_get_selected_ids (SfCasesView      *self);
GtkWindow         *sf_cases_view_get_dialog       (SfCasesView      *self);
gint64             sf_cases_view_get_filter_caseworker (SfCasesView *self);

G_END_DECLS
