/* test-gui-danish.c: the real window under a Danish locale, under Xvfb.
 *
 * A manager in a Danish municipality sees Danish page titles, decimal
 * commas and dd.mm.yyyy dates.  Needs the da_DK.UTF-8 locale (build-aux/test
 * generates it) and the catalogue compiled into <build>/po/locale.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "sf-area-dialog.h"
#include "sf-chart.h"
#include "sf-core.h"
#include "sf-planning-page-private.h"
#include "sf-roster-item.h"
#include "sf-roster-page.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-row-viewport.h"
#include "sf-roster-page-private.h"
#include "sf-window.h"

static gboolean
planning_ready (gpointer data)
{
  return sf_planning_page_get_planning (data) != NULL;
}

static void
test_danish_window (void)
{
  static const char * const titles[] = { "Sagsbehandlere", "Teams", "Sagsstammer", "Advarsler", "Pejlemærker", "Planlægning" };
  g_autofree char *dir = NULL;
  g_autoptr(SfStore) store = NULL;
  g_autoptr(GtkSelectionModel) pages = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *subtitle = NULL;
  AdwViewStack *stack;
  AdwViewSwitcherTitle *title;
  SfWindow *window;
  GListModel *roster;
  gboolean found_comma = FALSE;

  store = sf_test_open_store (&dir);
  window = sf_test_window_new (store);
  gtk_window_present (GTK_WINDOW (window));
  sf_test_wait_for_frame ();

  /* The empty state speaks Danish */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.demo", NULL));
  sf_test_wait_for_frame ();

  stack = ADW_VIEW_STACK (sf_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (stack);
  pages = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, titles[i]);
    }

  /* Dates as dd.mm.yyyy */
  title = ADW_VIEW_SWITCHER_TITLE (sf_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_nonnull (title);
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%d.%m.%Y");
  subtitle = g_strdup_printf ("Tal pr. %s", today);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, subtitle);

  /* Figures with a decimal comma, never a point */
  roster = G_LIST_MODEL (sf_row_viewport_model_of (sf_roster_page_get_column_view (sf_window_get_roster_page (window))));
  g_assert_cmpuint (g_list_model_get_n_items (roster), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (roster); i++)
    {
      g_autoptr(SfRosterItem) item = g_list_model_get_item (roster, i);
      g_autofree char *norm = NULL;

      g_object_get (item, "norm-text", &norm, NULL);
      g_assert_null (strchr (norm, '.'));
      if (strchr (norm, ',') != NULL)
        found_comma = TRUE;
    }
  g_assert_true (found_comma);

  /* Hours to the hundredth with a decimal comma: 36,97, never 37 */
  {
    SfCaseworker worker = { .id = 1, .initials = (char *) "AB", .name = (char *) "Anne Bo", .weekly_hours = 36.97 };
    SfWorkerFigures figures = { .worker = &worker, .reduction_hours = 18.5, .started = TRUE,
                                .availability = 18.47 / 37, .experience = 1, .individual_factor = 1,
                                .base_norm = 30, .adjusted_norm = 30 * 18.47 / 37 };
    SfRosterItem *item = sf_roster_item_new (&figures, NULL);
    g_autofree char *explanation = NULL;

    g_assert_cmpstr (sf_roster_item_get_hours_text (item), ==, "36,97");
    g_object_get (item, "norm-explanation", &explanation, NULL);
    g_assert_nonnull (strstr (explanation, "18,5"));
    g_assert_finalize_object (item);
  }

  /* The Planning page: Danish titles, dates and decimal commas in its tables */
  {
    SfPlanningPage *page = SF_PLANNING_PAGE (sf_test_find_widget (GTK_WIDGET (window), SF_TYPE_PLANNING_PAGE));
    SfChart *chart;
    GtkWidget *grid;
    GtkWidget *cell;

    sf_window_show_page (window, "planning");
    g_assert_true (sf_test_wait_until (planning_ready, page));
    sf_test_wait_for_frame ();
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "title_label"))),
                     ==, "Kommunen");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "children_title"))),
                     ==, "Områder");
    chart = SF_CHART (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "capacity_chart"));
    g_assert_cmpstr (sf_chart_model_get_title (sf_chart_get_model (chart)), ==, "Kapacitet og behov");
    sf_chart_set_show_table (chart, TRUE);
    sf_test_wait_for_frame ();
    grid = sf_chart_get_table (chart);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 0))), ==, "Dato");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0))), ==, "Kapacitet");
    /* The last trend row is today, dd.mm.yyyy; capacity to one decimal, with a comma */
    cell = gtk_grid_get_child_at (GTK_GRID (grid), 0, SF_PLANNING_TREND_WEEKS + 1);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, today);
    cell = gtk_grid_get_child_at (GTK_GRID (grid), 1, SF_PLANNING_TREND_WEEKS + 1);
    g_assert_nonnull (strchr (gtk_label_get_text (GTK_LABEL (cell)), ','));
    g_assert_null (strchr (gtk_label_get_text (GTK_LABEL (cell)), '.'));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  sf_test_wait_for_frame ();
}

/* Where an own area's range is set, the references are in Danish, with
 * the guidance's title as it is. */
static void
test_danish_area_dialog (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SfStore) store = sf_test_open_store (&dir);
  g_autoptr(SfContext) context = sf_context_new (store);
  SfAreaDialog *dialog = sf_area_dialog_new (NULL, context, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  sf_test_wait_for_frame ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Nyt eget sagsområde");
  g_assert_nonnull (sf_test_find_label (GTK_WIDGET (dialog), "Sagsstammer i andre projekter"));
  g_assert_nonnull (sf_test_find_label (GTK_WIDGET (dialog), "IPS: højst 25 pr. konsulent"));
  g_assert_nonnull (sf_test_find_label (GTK_WIDGET (dialog),
                                        "JobFirst: 33 i gennemsnit pr. mentor og virksomhedskonsulent i én"));
  g_assert_nonnull (sf_test_find_label (GTK_WIDGET (dialog),
                                        "Bedre Ressourceforløb: 50 i gennemsnit pr. sagsbehandler"));
  g_assert_nonnull (sf_test_find_label (GTK_WIDGET (dialog), "Viden om begrænsede sagsstammer"));

  /* A decimal comma in a range is read as one */
  gtk_editable_set_text (GTK_EDITABLE (sf_test_child (dialog, SF_TYPE_AREA_DIALOG, "name_row")), "IPS");
  gtk_editable_set_text (GTK_EDITABLE (sf_test_child (dialog, SF_TYPE_AREA_DIALOG, "low_row")), "20");
  gtk_editable_set_text (GTK_EDITABLE (sf_test_child (dialog, SF_TYPE_AREA_DIALOG, "high_row")), "22,5");
  g_assert_true (sf_edit_dialog_save (SF_EDIT_DIALOG (dialog)));
  g_assert_cmpint (sf_test_query_int (store, "SELECT own_high * 10 FROM area WHERE key = 'ips'"), ==, 225);
  sf_test_destroy_toplevels ();
}

int
main (int   argc,
      char *argv[])
{
  gboolean danish;

  g_setenv ("LANGUAGE", "da", TRUE);
  g_setenv ("LC_ALL", "da_DK.UTF-8", TRUE);
  sf_test_gui_init (&argc, &argv);

  /* gtk_test_init leaves the C locale; the app's main() calls this */
  danish = setlocale (LC_ALL, "") != NULL && g_str_has_prefix (setlocale (LC_ALL, NULL), "da_DK");
  sf_i18n_init ();

  if (!danish)
    {
      g_printerr ("The da_DK.UTF-8 locale is missing: build-aux/test generates it (locale-gen).\n");
      return 1;
    }
  g_test_add_func ("/gui/danish/window", test_danish_window);
  g_test_add_func ("/gui/danish/area-dialog", test_danish_area_dialog);

  return g_test_run ();
}
