/* test-planning-page-gui.c: the Planning page under Xvfb: its empty state,
 * drilling down area → team → caseworker and back, the charts shown as
 * tables with the engine's figures, and the CSV and PDF exports.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "sf-chart.h"
#include "sf-planning-page-private.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-window.h"

typedef SfTestFixture Fixture;

static SfPlanningPage *
planning_page (Fixture *fixture)
{
  SfPlanningPage *page = SF_PLANNING_PAGE (sf_test_find_widget (GTK_WIDGET (fixture->window),
                                                                SF_TYPE_PLANNING_PAGE));

  g_assert_nonnull (page);
  return page;
}

static gboolean
page_ready (gpointer data)
{
  SfPlanningPage *page = data;
  GtkStack *stack = GTK_STACK (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "state_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0 &&
         (sf_planning_page_get_planning (page) != NULL ||
          g_strcmp0 (gtk_stack_get_visible_child_name (stack), "content") != 0);
}

/* Shows the page and waits until its figures are computed (in a thread) */
static SfPlanningPage *
show_planning (Fixture *fixture)
{
  SfPlanningPage *page = planning_page (fixture);

  sf_window_show_page (fixture->window, "planning");
  sf_test_wait_for_frame ();
  g_assert_true (sf_test_wait_until (page_ready, page));
  sf_test_wait_for_frame ();
  return page;
}

static const char *
visible_state (SfPlanningPage *page)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "state_stack")));
}

static const char *
title_of (SfPlanningPage *page)
{
  return gtk_label_get_text (GTK_LABEL (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "title_label")));
}

/* Activates the row of the children list titled @title */
static void
drill_into (SfPlanningPage *page,
            const char     *title)
{
  GtkWidget *list = sf_test_child (page, SF_TYPE_PLANNING_PAGE, "children_list");

  /* Rows are kept from level to level: the hidden ones are not shown */
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_visible (row) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      {
        g_signal_emit_by_name (list, "row-activated", row);
        sf_test_wait_for_frame ();
        return;
      }
  g_error ("No row “%s” under %s", title, title_of (page));
}

static guint
n_children (SfPlanningPage *page)
{
  GtkWidget *list = sf_test_child (page, SF_TYPE_PLANNING_PAGE, "children_list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n += gtk_widget_get_visible (row);
  return n;
}

/* A database without teams: the window shows its own empty state, and the
 * page, shown alone, says what to do */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  SfPlanningPage *page = g_object_new (SF_TYPE_PLANNING_PAGE, NULL);
  GtkWidget *empty = sf_test_child (page, SF_TYPE_PLANNING_PAGE, "empty_page");

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  /* Not shown yet: nothing is computed until it is */
  sf_planning_page_set_data (page, fixture->store, sf_day_today ());
  g_assert_null (sf_planning_page_get_planning (page));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sf_test_wait_until (page_ready, page));
  sf_test_wait_for_frame ();

  g_assert_cmpstr (visible_state (page), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Teams to Plan For");
  /* It says what to do, and offers it */
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (empty)), "Import a roster"));
  g_assert_nonnull (sf_test_find_button (empty, "Import Roster…"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The example (sf_test_import_example()): Familie (MHJ, LK, SB) and
 * Sygedagpenge (JP), in two areas. */
static void
test_drill_down (Fixture       *fixture,
                 gconstpointer  data)
{
  SfPlanningPage *page;
  SfPlanningData *planning;
  const SfTeam *familie;
  const SfArea *area;
  SfPlanningPlace place;
  GtkWidget *history;

  sf_test_import_example (fixture->store);
  page = show_planning (fixture);
  g_assert_cmpstr (visible_state (page), ==, "content");
  planning = sf_planning_page_get_planning (page);
  g_assert_nonnull (planning);
  g_assert_cmpstr (title_of (page), ==, "The municipality");
  /* A year of weekly points up to today, and the forecast */
  g_assert_cmpuint (planning->points->len, ==, SF_PLANNING_TREND_WEEKS + 1);
  g_assert_cmpuint (planning->today, ==, sf_day_today ());
  g_assert_false (gtk_widget_is_sensitive (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "up_button")));
  /* No history recorded beyond today: the page says the past is computed */
  history = sf_test_child (page, SF_TYPE_PLANNING_PAGE, "history_label");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (history)), "computed from the dated facts"));

  /* Municipality → the two areas */
  g_assert_cmpuint (n_children (page), ==, 2);
  familie = sf_dataset_find_team (planning->dataset,
                                  g_array_index (planning->dataset->teams, SfTeam, 0).id);
  for (guint t = 0; t < planning->dataset->teams->len; t++)
    if (g_str_equal (g_array_index (planning->dataset->teams, SfTeam, t).name, "Familie"))
      familie = &g_array_index (planning->dataset->teams, SfTeam, t);
  g_assert_cmpstr (familie->name, ==, "Familie");
  area = sf_dataset_find_area (planning->dataset, familie->area_id);
  g_assert_nonnull (area);

  drill_into (page, area->name);
  g_assert_cmpstr (title_of (page), ==, area->name);
  g_assert_true (gtk_widget_is_sensitive (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "up_button")));
  g_assert_cmpuint (n_children (page), ==, 1);

  drill_into (page, "Familie");
  g_assert_cmpstr (title_of (page), ==, "Familie");
  place = sf_planning_page_get_place (page);
  g_assert_cmpint (place.level, ==, SF_PLANNING_TEAM);
  /* The team's three caseworkers */
  g_assert_cmpuint (n_children (page), ==, 3);
  g_assert_true (gtk_widget_get_visible (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "gap_chart")));

  drill_into (page, "Lars Krog (LK)");
  g_assert_cmpstr (title_of (page), ==, "Lars Krog (LK)");
  g_assert_cmpint (sf_planning_page_get_place (page).level, ==, SF_PLANNING_WORKER);
  /* A caseworker has no FTE gap and no teams going over */
  g_assert_false (gtk_widget_get_visible (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "gap_chart")));
  g_assert_false (gtk_widget_get_visible (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "over_box")));
  g_assert_false (gtk_widget_get_visible (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "children_box")));

  /* And back up, one level at a time */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planning.up", NULL));
  sf_test_wait_for_frame ();
  g_assert_cmpstr (title_of (page), ==, "Familie");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planning.up", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "planning.up", NULL));
  sf_test_wait_for_frame ();
  g_assert_cmpstr (title_of (page), ==, "The municipality");

  /* The place shown stays when the figures are computed again */
  drill_into (page, area->name);
  drill_into (page, "Familie");
  sf_planning_page_set_data (page, fixture->store, sf_day_today ());
  g_assert_true (sf_test_wait_until (page_ready, page));
  sf_test_wait_for_frame ();
  g_assert_cmpstr (title_of (page), ==, "Familie");
}

/* Sara Berg (SB) leaves Familie in 40 days: its capacity falls from 60 to
 * 40 against a demand of 45.5, so Familie goes over the month after, and
 * hiring is due at once (three months before that is already past). */
static void
test_teams_going_over (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(SfImportResult) result = { 0 };
  g_autofree char *end = sf_day_to_iso (sf_day_today () + 40);
  g_autofree char *csv = g_strdup_printf (
    "team;omraade;team-norm;initialer;navn;startdato;slutdato\n"
    "Familie;boern-familie;20;MHJ;Mette Hjort;2015-01-01;\n"
    "Familie;boern-familie;20;LK;Lars Krog;2015-01-01;\n"
    "Familie;boern-familie;20;SB;Sara Berg;2015-01-01;%s\n"
    "Sygedagpenge;sygedagpenge;40;JP;Jens Poulsen;2015-01-01;\n", end);
  g_autoptr(GBytes) roster = g_bytes_new (csv, strlen (csv));
  g_autofree char *today = sf_day_format (sf_day_today ());
  g_autofree char *hire_by = NULL;
  SfPlanningPage *page;
  SfPlanningData *planning;
  GtkWidget *list;
  GtkWidget *row;
  const char *subtitle;

  sf_test_import_example (fixture->store);
  g_assert_true (sf_import_roster (fixture->store, roster, &result, &error));
  g_assert_no_error (error);
  page = show_planning (fixture);
  planning = sf_planning_page_get_planning (page);

  list = sf_test_child (page, SF_TYPE_PLANNING_PAGE, "over_list");
  row = gtk_widget_get_first_child (list);
  g_assert_nonnull (row);
  g_assert_null (gtk_widget_get_next_sibling (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Familie");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  hire_by = g_strdup_printf ("Hire by %s · over from ", today);
  g_assert_true (g_str_has_prefix (subtitle, hire_by));
  /* The event behind it, on its own line */
  g_assert_nonnull (strstr (subtitle, "\n"));
  g_assert_nonnull (strstr (subtitle, "Sara Berg (SB)"));
  for (guint t = 0; t < planning->forecast->teams->len; t++)
    {
      const SfTeamForecast *tf = &g_array_index (planning->forecast->teams, SfTeamForecast, t);

      g_assert_cmpuint (tf->hire_by, ==, g_str_equal (tf->team->name, "Familie") ? sf_day_today () : SF_DAY_NONE);
    }

  /* The row opens the team */
  g_signal_emit_by_name (list, "row-activated", row);
  sf_test_wait_for_frame ();
  g_assert_cmpstr (title_of (page), ==, "Familie");
  g_assert_cmpint (sf_planning_page_get_place (page).level, ==, SF_PLANNING_TEAM);
}

/* The label of @grid in @column, @row */
static const char *
cell (GtkWidget *grid,
      int        column,
      int        row)
{
  GtkWidget *label = gtk_grid_get_child_at (GTK_GRID (grid), column, row);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_chart_as_table (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfForecast) forecast = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) points = NULL;
  SfPlanningPage *page;
  SfChart *chart;
  SfChartModel *model;
  GtkWidget *grid;
  GArray *rows;
  SfSettings settings;
  SfDay today = sf_day_today ();

  sf_test_import_example (fixture->store);
  page = show_planning (fixture);

  /* The engine's own figures, computed here */
  sf_settings_init_defaults (&settings);
  g_assert_true (sf_store_load_settings (fixture->store, &settings, &error));
  dataset = sf_store_load_dataset (fixture->store, &error);
  g_assert_no_error (error);
  days = sf_trend_days (today - 7 * SF_PLANNING_TREND_WEEKS, today, SF_TREND_WEEK);
  points = sf_trend_compute (dataset, &settings, days, NULL);
  forecast = sf_forecast_compute (dataset, &settings, today, settings.forecast_horizon);
  g_assert_cmpuint (forecast->municipality->len, ==, 12);

  chart = SF_CHART (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "capacity_chart"));
  model = sf_chart_get_model (chart);
  g_assert_cmpstr (sf_chart_model_get_title (model), ==, "Capacity and demand");
  g_assert_null (sf_chart_get_table (chart));
  sf_chart_set_show_table (chart, TRUE);
  sf_test_wait_for_frame ();
  grid = sf_chart_get_table (chart);
  g_assert_nonnull (grid);
  g_assert_true (gtk_widget_get_mapped (grid));

  /* Header: date and the three series */
  g_assert_cmpstr (cell (grid, 0, 0), ==, "Date");
  g_assert_cmpstr (cell (grid, 1, 0), ==, "Capacity");
  g_assert_cmpstr (cell (grid, 2, 0), ==, "Load");
  g_assert_cmpstr (cell (grid, 3, 0), ==, "Forecast demand");
  rows = sf_chart_model_get_days (model);
  g_assert_cmpuint (rows->len, ==, points->len + forecast->municipality->len);

  /* Each trend row: the municipality's capacity and load that day */
  for (guint i = 0; i < points->len; i++)
    {
      const SfTrendPoint *point = g_ptr_array_index (points, i);
      g_autofree char *date = sf_day_format (point->day);
      g_autofree char *capacity = sf_format_decimal (point->municipality.capacity, 1);
      g_autofree char *load = sf_format_decimal (point->municipality.load, 1);

      g_assert_cmpfloat (sf_chart_model_get_value (model, 0, point->day), ==, point->municipality.capacity);
      g_assert_cmpfloat (sf_chart_model_get_value (model, 1, point->day), ==, point->municipality.load);
      g_assert_cmpstr (cell (grid, 0, (int) i + 1), ==, date);
      g_assert_cmpstr (cell (grid, 1, (int) i + 1), ==, capacity);
      g_assert_cmpstr (cell (grid, 2, (int) i + 1), ==, load);
      g_assert_cmpstr (cell (grid, 3, (int) i + 1), ==, "—");
    }
  /* Each forecast row: the forecast's capacity and demand */
  for (guint k = 0; k < forecast->municipality->len; k++)
    {
      const SfForecastPoint *point = &g_array_index (forecast->municipality, SfForecastPoint, k);
      int row = (int) (points->len + k + 1);
      g_autofree char *date = sf_day_format (point->day);
      g_autofree char *capacity = sf_format_decimal (point->capacity, 1);
      g_autofree char *demand = sf_format_decimal (point->demand, 1);

      g_assert_cmpfloat (sf_chart_model_get_value (model, 2, point->day), ==, point->demand);
      g_assert_cmpstr (cell (grid, 0, row), ==, date);
      g_assert_cmpstr (cell (grid, 1, row), ==, capacity);
      g_assert_cmpstr (cell (grid, 2, row), ==, "—");
      g_assert_cmpstr (cell (grid, 3, row), ==, demand);
    }

  /* The utilisation chart: percentages, with the thresholds */
  chart = SF_CHART (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "utilisation_chart"));
  sf_chart_set_show_table (chart, TRUE);
  sf_test_wait_for_frame ();
  {
    const SfForecastPoint *first = &g_array_index (forecast->municipality, SfForecastPoint, 0);
    g_autofree char *percent = sf_format_decimal (first->utilisation * 100, 0);
    g_autofree char *expected = g_strdup_printf ("%s %%", percent);

    g_assert_cmpstr (cell (sf_chart_get_table (chart), 2, (int) points->len + 1), ==, expected);
  }
  {
    g_autofree char *summary = sf_chart_model_describe (sf_chart_get_model (chart));

    g_assert_nonnull (strstr (summary, "Utilisation: "));
    g_assert_nonnull (strstr (summary, "Line: Over the norm (100 %) at 100 %."));
  }

  /* The FTE gap: needed less available, as the forecast says */
  chart = SF_CHART (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "gap_chart"));
  model = sf_chart_get_model (chart);
  for (guint k = 0; k < forecast->municipality->len; k++)
    {
      const SfForecastPoint *point = &g_array_index (forecast->municipality, SfForecastPoint, k);

      g_assert_cmpfloat (sf_chart_model_get_value (model, 1, point->day), ==, point->gap);
    }

  /* Back to the plot */
  sf_chart_set_show_table (chart, FALSE);
  sf_chart_set_show_table (SF_CHART (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "capacity_chart")), FALSE);
  sf_test_wait_for_frame ();
}

static void
test_exports (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (fixture->dir, "planning.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "planning.pdf", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) lines = NULL;
  SfPlanningPage *page;
  SfPlanningData *planning;
  SfPlanningPlace place;
  const SfForecastPoint *first;
  const SfTrendPoint *last;
  g_autofree char *first_line = NULL;
  g_autofree char *last_line = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *demand = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *load = NULL;
  gsize length = 0;
  gboolean found_first = FALSE, found_last = FALSE;

  sf_test_import_example (fixture->store);
  page = show_planning (fixture);
  planning = sf_planning_page_get_planning (page);
  place = sf_planning_page_get_place (page);

  g_assert_true (sf_planning_export_csv (planning, place, csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, &length, &error));
  g_assert_true (g_str_has_prefix (csv, "Place;Chart;Date;Capacity;Load;Forecast demand\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nTeam;Area;Hire by;Over from;Net inflow a month;Event date;Event\r\n"));

  /* Read back: the first forecast month and today, unrounded, decimal comma */
  first = &g_array_index (planning->forecast->municipality, SfForecastPoint, 0);
  last = g_ptr_array_index (planning->points, planning->points->len - 1);
  iso = sf_day_to_iso (first->day);
  today_iso = sf_day_to_iso (last->day);
  capacity = sf_format_exact (first->capacity, ',');
  demand = sf_format_exact (first->demand, ',');
  first_line = g_strdup_printf ("The municipality;Capacity and demand;%s;%s;;%s", iso, capacity, demand);
  g_clear_pointer (&capacity, g_free);
  capacity = sf_format_exact (last->municipality.capacity, ',');
  load = sf_format_exact (last->municipality.load, ',');
  last_line = g_strdup_printf ("The municipality;Capacity and demand;%s;%s;%s;", today_iso, capacity, load);
  lines = g_strsplit (csv, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      found_first |= g_str_equal (lines[i], first_line);
      found_last |= g_str_equal (lines[i], last_line);
    }
  g_assert_true (found_first);
  g_assert_true (found_last);
  /* One line a point of each chart, the headers, and the teams going over */
  g_assert_nonnull (strstr (csv, "\r\nThe municipality;Utilisation;"));
  g_assert_nonnull (strstr (csv, "\r\nThe municipality;FTE gap: needed less available (above 0: short of people);"));

  g_assert_true (sf_planning_export_pdf (planning, place, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, &error));
  g_assert_cmpuint (length, >, 4000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* A computation in a worker holds the page until its result arrives, which
 * may be after the window and its view stack are gone: the page then lets
 * go of the stack it followed without touching it (it had, "instance with
 * invalid (NULL) class pointer", now and then at the end of drill-down) */
static void
test_outlives_window (Fixture       *fixture,
                      gconstpointer  data)
{
  SfPlanningPage *page;
  GtkWidget *stack;

  sf_test_import_example (fixture->store);
  page = show_planning (fixture);
  stack = gtk_widget_get_parent (GTK_WIDGET (page));
  g_assert_true (ADW_IS_VIEW_STACK (stack));
  g_object_add_weak_pointer (G_OBJECT (stack), (gpointer *) &stack);
  /* As a computation does, whose result has not arrived */
  g_object_ref (page);
  sf_planning_page_set_data (page, fixture->store, sf_day_today ());
  sf_test_destroy_toplevels ();
  fixture->window = NULL;
  g_assert_null (stack);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  g_object_unref (page);
  /* The result arrives, and the last reference goes */
  g_assert_true (sf_test_wait_until (is_null, &page));
}

int
main (int   argc,
      char *argv[])
{
  sf_test_gui_init (&argc, &argv);

  g_test_add ("/planning-page-gui/empty", Fixture, NULL, sf_test_fixture_set_up, test_empty,
              sf_test_fixture_tear_down);
  g_test_add ("/planning-page-gui/drill-down", Fixture, NULL, sf_test_fixture_set_up, test_drill_down,
              sf_test_fixture_tear_down);
  g_test_add ("/planning-page-gui/outlives-window", Fixture, NULL, sf_test_fixture_set_up, test_outlives_window,
              sf_test_fixture_tear_down);
  g_test_add ("/planning-page-gui/teams-going-over", Fixture, NULL, sf_test_fixture_set_up, test_teams_going_over,
              sf_test_fixture_tear_down);
  g_test_add ("/planning-page-gui/chart-as-table", Fixture, NULL, sf_test_fixture_set_up, test_chart_as_table,
              sf_test_fixture_tear_down);
  g_test_add ("/planning-page-gui/exports", Fixture, NULL, sf_test_fixture_set_up, test_exports,
              sf_test_fixture_tear_down);

  return g_test_run ();
}
