/* test-gui.c: the real window on a temporary database, under Xvfb.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "sf-application.h"
#include "sf-import-error-dialog.h"
#include "sf-roster-item.h"
#include "sf-roster-page.h"
#include "sf-status-cell.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-row-viewport.h"
#include "sf-roster-page-private.h"
#include "sf-window.h"

/* The real window on an empty temporary database */
typedef SfTestFixture Fixture;

static GListModel *
roster_model (Fixture *fixture)
{
  SfRosterPage *page = sf_window_get_roster_page (fixture->window);

  return G_LIST_MODEL (sf_row_viewport_model_of (sf_roster_page_get_column_view (page)));
}

static void
load_demo_into (SfWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.demo", NULL));
}

static void
load_demo (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.demo", NULL));
  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), >, 0);
}

static SfFigures *
compute_figures (Fixture    *fixture,
                 SfDataset **out_dataset)
{
  g_autoptr(GError) error = NULL;
  SfSettings settings;
  SfDataset *dataset;

  sf_settings_init_defaults (&settings);
  g_assert_true (sf_store_load_settings (fixture->store, &settings, &error));
  g_assert_no_error (error);
  dataset = sf_store_load_dataset (fixture->store, &error);
  g_assert_no_error (error);
  *out_dataset = dataset;

  return sf_figures_compute (dataset, &settings, sf_day_today ());
}

/* The status cell the table shows for @initials, if its row is on screen. */
static SfStatusCell *
find_status_cell (GtkWidget  *widget,
                  const char *initials)
{
  if (SF_IS_STATUS_CELL (widget))
    {
      SfRosterItem *item = sf_roster_cell_get_item (SF_ROSTER_CELL (widget));

      if (item != NULL && gtk_widget_get_mapped (widget) &&
          g_strcmp0 (sf_roster_item_get_initials (item), initials) == 0)
        return SF_STATUS_CELL (widget);
      return NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SfStatusCell *found = find_status_cell (child, initials);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  Fixture    *fixture;
  const char *initials;
  guint       n_items;
} Wait;

static gboolean
status_cell_shown (gpointer data)
{
  Wait *wait = data;
  SfRosterPage *page = sf_window_get_roster_page (wait->fixture->window);

  return find_status_cell (GTK_WIDGET (sf_roster_page_get_column_view (page)), wait->initials) != NULL;
}

static gboolean
n_items_is (gpointer data)
{
  Wait *wait = data;

  return g_list_model_get_n_items (roster_model (wait->fixture)) == wait->n_items;
}

/* Filters the roster by @initials and returns the word its status cell shows. */
static const char *
shown_status (Fixture    *fixture,
              const char *initials)
{
  SfRosterPage *page = sf_window_get_roster_page (fixture->window);
  Wait wait = { fixture, initials, 0 };
  SfStatusCell *cell;

  sf_roster_page_start_search (page);
  gtk_editable_set_text (sf_roster_page_get_search_entry (page), initials);
  g_assert_true (sf_test_wait_until (status_cell_shown, &wait));
  cell = find_status_cell (GTK_WIDGET (sf_roster_page_get_column_view (page)), initials);

  return sf_status_cell_get_text (cell);
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_cmpstr (sf_window_get_visible_page (fixture->window), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (roster_model (fixture)), ==, 0);
}

static void
test_demo_fills_roster (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  const SfWorkerFigures *over = NULL;
  const SfWorkerFigures *absent = NULL;

  load_demo (fixture);

  g_assert_cmpstr (sf_window_get_visible_page (fixture->window), ==, "roster");
  g_assert_cmpuint (g_list_model_get_n_items (roster_model (fixture)), ==,
                    sf_store_count (fixture->store, "caseworker"));

  /* A second helping would mix demonstration data into real data: refused */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.demo", NULL);
  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), ==,
                   (gint64) g_list_model_get_n_items (roster_model (fixture)));

  figures = compute_figures (fixture, &dataset);
  for (guint i = 0; i < figures->workers->len; i++)
    {
      const SfWorkerFigures *worker = &g_array_index (figures->workers, SfWorkerFigures, i);

      if (over == NULL && worker->adjusted_norm > 0 && worker->status == SF_STATUS_OVER)
        over = worker;
      if (absent == NULL && worker->absent && !(worker->weighted_load > 0))
        absent = worker;
    }

  g_assert_nonnull (over);
  g_assert_cmpstr (shown_status (fixture, over->worker->initials), ==, sf_status_to_label (SF_STATUS_OVER));

  if (absent != NULL)
    g_assert_cmpstr (shown_status (fixture, absent->worker->initials), ==, "Absent");
}

static guint
count_matches (const SfDataset *dataset,
               const char      *query)
{
  g_autofree char *needle = g_utf8_casefold (query, -1);
  guint n = 0;

  for (guint i = 0; i < dataset->caseworkers->len; i++)
    {
      const SfCaseworker *worker = &g_array_index (dataset->caseworkers, SfCaseworker, i);
      const SfTeam *team = sf_dataset_find_team (dataset, worker->team_id);
      g_autofree char *key = g_strjoin (" ", worker->initials, worker->name,
                                        team != NULL ? team->name : "", NULL);
      g_autofree char *folded = g_utf8_casefold (key, -1);

      if (strstr (folded, needle) != NULL)
        n++;
    }

  return n;
}

static void
test_search_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  SfRosterPage *page;
  GtkEditable *entry;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  const SfTeam *team;
  g_autofree char *query = NULL;
  guint all;
  Wait wait = { fixture, NULL, 0 };

  load_demo (fixture);
  page = sf_window_get_roster_page (fixture->window);
  entry = sf_roster_page_get_search_entry (page);
  all = g_list_model_get_n_items (roster_model (fixture));
  figures = compute_figures (fixture, &dataset);

  /* A team's name, typed in lower case, shows its members */
  g_assert_cmpuint (dataset->teams->len, >, 1);
  team = &g_array_index (dataset->teams, SfTeam, 0);
  query = g_utf8_strdown (team->name, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (sf_roster_page_get_search_bar (page)));
  gtk_editable_set_text (entry, query);
  wait.n_items = count_matches (dataset, query);
  g_assert_cmpuint (wait.n_items, >, 0);
  g_assert_cmpuint (wait.n_items, <, all);
  g_assert_true (sf_test_wait_until (n_items_is, &wait));

  /* In capitals, and typed one letter more at a time, the same */
  g_clear_pointer (&query, g_free);
  query = g_utf8_strup (team->name, -1);
  gtk_editable_set_text (entry, query);
  g_assert_true (sf_test_wait_until (n_items_is, &wait));
  gtk_editable_set_text (entry, "");
  for (const char *end = g_utf8_next_char (query); ; end = g_utf8_next_char (end))
    {
      g_autofree char *typed = g_strndup (query, end - query);

      gtk_editable_set_text (entry, typed);
      if (*end == '\0')
        break;
    }
  g_assert_true (sf_test_wait_until (n_items_is, &wait));

  /* Nothing matches */
  gtk_editable_set_text (entry, "no such caseworker");
  wait.n_items = 0;
  g_assert_true (sf_test_wait_until (n_items_is, &wait));

  /* Closing the search shows everyone again */
  gtk_search_bar_set_search_mode (sf_roster_page_get_search_bar (page), FALSE);
  wait.n_items = all;
  g_assert_true (sf_test_wait_until (n_items_is, &wait));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
}

static void
test_sorting (Fixture       *fixture,
              gconstpointer  data)
{
  GtkColumnView *view;
  GListModel *columns;
  GtkColumnViewColumn *load_column = NULL;
  GListModel *model;
  double previous = -1;

  load_demo (fixture);
  view = sf_roster_page_get_column_view (sf_window_get_roster_page (fixture->window));
  columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_nonnull (gtk_column_view_column_get_sorter (column));
      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Weighted Load") == 0)
        load_column = column;
    }
  g_assert_nonnull (load_column);

  gtk_column_view_sort_by_column (view, load_column, GTK_SORT_ASCENDING);
  model = G_LIST_MODEL (sf_row_viewport_model_of (view));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SfRosterItem) item = g_list_model_get_item (model, i);

      g_assert_cmpfloat (sf_roster_item_get_weighted_load (item), >=, previous);
      previous = sf_roster_item_get_weighted_load (item);
    }
}

static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  SfImportErrorDialog *dialog = NULL;

  path = sf_test_write_file (fixture->dir, "roster.csv",
                             "team;omraade;initialer;navn;timer\n"
                             "Sygedagpenge;sygedagpenge;AB;Anna Berg;37\n"
                             "Sygedagpenge;sygedagpenge;;Bo Dahl;lots\n");
  file = g_file_new_for_path (path);

  g_assert_false (sf_window_import_file (fixture->window, file, FALSE));
  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), ==, 0);
  g_assert_cmpstr (sf_window_get_visible_page (fixture->window), ==, "empty");

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (SF_IS_IMPORT_ERROR_DIALOG (window))
        dialog = SF_IMPORT_ERROR_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "File Not Imported");
  g_assert_true (g_str_has_prefix (sf_import_error_dialog_get_problems_text (dialog), "Line 3"));
}

static void
test_import_roster (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  path = sf_test_write_file (fixture->dir, "roster.csv",
                             "team;omraade;initialer;navn;timer\n"
                             "Sygedagpenge;sygedagpenge;AB;Anna Berg;37\n"
                             "Sygedagpenge;sygedagpenge;BD;Bo Dahl;30\n");
  file = g_file_new_for_path (path);

  g_assert_true (sf_window_import_file (fixture->window, file, FALSE));
  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), ==, 2);
  /* The store's "changed" signal brought the roster up to date */
  g_assert_cmpstr (sf_window_get_visible_page (fixture->window), ==, "roster");
  g_assert_cmpuint (g_list_model_get_n_items (roster_model (fixture)), ==, 2);
  g_assert_cmpstr (shown_status (fixture, "BD"), ==, sf_status_to_label (SF_STATUS_WITHIN));
}

static void
test_window_keeps_size (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_autofree char *last_page = NULL;
  SfWindow *window;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1111, 666);
  sf_window_show_page (fixture->window, "alerts");
  sf_test_wait_for_frame ();
  gtk_window_close (GTK_WINDOW (fixture->window));
  fixture->window = NULL;

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1111);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 666);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  last_page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last_page, ==, "alerts");

  /* The next window opens where the last one was left (once there is data) */
  window = sf_test_window_new (fixture->store);
  load_demo_into (window);
  g_assert_cmpstr (sf_window_get_visible_page (window), ==, "alerts");
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "last-page");
}

static void
test_import_error_dialog_limits (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *dialog;
  const char *text;

  for (guint i = 0; i < 25; i++)
    g_ptr_array_add (problems, g_strdup_printf ("Line %u: no initials.", i + 2));

  dialog = sf_import_error_dialog_new (NULL,
                                       "The file was not imported: it has 25 problems. Nothing was changed.\n"
                                       "Line 2: no initials.",
                                       problems);
  text = sf_import_error_dialog_get_problems_text (SF_IMPORT_ERROR_DIALOG (dialog));
  g_assert_nonnull (strstr (text, "Line 21: no initials."));
  g_assert_null (strstr (text, "Line 22: no initials."));
  g_assert_nonnull (strstr (text, "and 5 more problems"));
  /* The summary only: the problems are listed once, below it */
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The file was not imported: it has 25 problems. Nothing was changed.\n\n"
                   "Correct the lines below and import the file again.");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static SfRosterItem *
roster_item (Fixture *fixture,
             gint64   id)
{
  GListModel *model = roster_model (fixture);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SfRosterItem) item = g_list_model_get_item (model, i);

      if (sf_roster_item_get_id (item) == id)
        return item;
    }
  g_assert_not_reached ();
}

static GPtrArray *
roster_items (Fixture *fixture)
{
  GListModel *model = roster_model (fixture);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static gboolean
is_cell_with_tooltip (GtkWidget     *widget,
                      gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_has_tooltip (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* A cell's tooltip is asked of its row's item when the pointer rests on
 * it: the team's cell names the area, an empty one shows none */
static void
test_cell_tooltips (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SfRosterItem) item = NULL;
  g_autoptr(GObject) tooltip = NULL;
  GtkWidget *view, *cell;
  gboolean shown = FALSE;

  load_demo (fixture);
  sf_test_wait_for_frame ();
  item = g_list_model_get_item (roster_model (fixture), 0);
  view = GTK_WIDGET (sf_roster_page_get_column_view (sf_window_get_roster_page (fixture->window)));
  cell = sf_test_find_matching (view, is_cell_with_tooltip, sf_roster_item_get_team (item));
  g_assert_nonnull (cell);
  g_assert_nonnull (sf_roster_item_get_area (item));
  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_signal_emit_by_name (cell, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_true (shown);
}

/* The roster's row that shows @initials (a label in a cell in a row) */
static GtkWidget *
shown_row (Fixture    *fixture,
           const char *initials)
{
  SfRosterPage *page = sf_window_get_roster_page (fixture->window);
  GtkWidget *label = sf_test_find_label (GTK_WIDGET (sf_roster_page_get_column_view (page)), initials);

  return label != NULL ? gtk_widget_get_parent (gtk_widget_get_parent (label)) : NULL;
}

/* Editing a case or a person gives the rows of the people whose figures it
 * changes their new figures, in the same items, and changes no other: a
 * full reload would make new items for all.  The rows end where a full
 * reload puts them, with the figures it computes. */
static void
test_edit_updates_rows (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) reloaded = NULL;
  const SfCase *kase = NULL;
  gint64 from, to = 0, team = 0;
  guint kept = 0;

  load_demo (fixture);
  dataset = sf_store_load_dataset (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < dataset->cases->len && kase == NULL; i++)
    if (g_array_index (dataset->cases, SfCase, i).closed == SF_DAY_NONE &&
        g_array_index (dataset->cases, SfCase, i).cover_id == 0)
      kase = &g_array_index (dataset->cases, SfCase, i);
  g_assert_nonnull (kase);
  from = kase->caseworker_id;
  for (guint i = 0; i < dataset->caseworkers->len && to == 0; i++)
    {
      const SfCaseworker *worker = &g_array_index (dataset->caseworkers, SfCaseworker, i);

      if (worker->id != from && (worker->absence_kind == NULL || *worker->absence_kind == '\0'))
        to = worker->id;
    }

  /* One case to another caseworker: those two rows change, in place (the
   * same items, with new figures: the list keeps the rows' widgets) */
  before = roster_items (fixture);
  g_assert_true (sf_cases_reassign (fixture->store, &kase->id, 1, to, &error));
  g_assert_no_error (error);
  sf_test_wait_for_frame ();
  after = roster_items (fixture);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    if (roster_item (fixture, sf_roster_item_get_id (g_ptr_array_index (before, i))) == g_ptr_array_index (before, i))
      kept++;
  g_assert_cmpuint (kept, ==, before->len);
  figures = compute_figures (fixture, &dataset);
  g_assert_cmpuint (sf_roster_item_get_open_cases (roster_item (fixture, from)), ==,
                    sf_figures_find_worker (figures, from)->open_cases);
  g_assert_cmpuint (sf_roster_item_get_open_cases (roster_item (fixture, to)), ==,
                    sf_figures_find_worker (figures, to)->open_cases);
  g_assert_cmpfloat (sf_roster_item_get_weighted_load (roster_item (fixture, to)), ==,
                     sf_figures_find_worker (figures, to)->weighted_load);
  /* … and the table shows them */
  for (guint k = 0; k < 2; k++)
    {
      SfRosterItem *item = roster_item (fixture, k == 0 ? from : to);
      GtkWidget *row = shown_row (fixture, sf_roster_item_get_initials (item));
      const char *cases = sf_roster_item_get_cases_text (item);

      g_assert_nonnull (row);
      g_assert_nonnull (sf_test_find_label (row, cases));
      g_assert_nonnull (sf_test_find_label (row, sf_roster_item_get_load_text (item)));
    }

  /* A person moved to another team: their row moves to where the team
   * puts it, as a full reload would */
  team = g_array_index (dataset->teams, SfTeam, dataset->teams->len - 1).id;
  if (team == sf_dataset_find_caseworker (dataset, from)->team_id)
    team = g_array_index (dataset->teams, SfTeam, 0).id;
  g_clear_pointer (&after, g_ptr_array_unref);
  sf_roster_snapshot_free (sf_roster_move_caseworker (fixture->store, from, team, &error));
  g_assert_no_error (error);
  after = roster_items (fixture);
  g_assert_cmpstr (sf_roster_item_get_team (roster_item (fixture, from)), ==,
                   sf_dataset_find_team (dataset, team)->name);
  sf_window_reload (fixture->window);
  reloaded = roster_items (fixture);
  g_assert_cmpuint (reloaded->len, ==, after->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpint (sf_roster_item_get_id (g_ptr_array_index (after, i)), ==,
                     sf_roster_item_get_id (g_ptr_array_index (reloaded, i)));
}

static gboolean
shortcuts_shown (gpointer data)
{
  GtkWidget *shortcuts = sf_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);

  return shortcuts != NULL && gtk_widget_get_mapped (shortcuts);
}

/* Ctrl+? opens the shortcuts window of the real application (its
 * accelerators, its actions) without a warning: the tests' fatal warnings
 * turn any into a failure, on every page of the window */
static void
test_shortcuts_window (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "shortcuts.db", NULL);
  g_autoptr(SfApplication) app = sf_application_new_for_database (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *shortcuts;
  GtkWidget *stack;
  SfWindow *window;

  g_application_set_application_id (G_APPLICATION (app), APPLICATION_ID ".Shortcuts");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  sf_test_wait_for_frame ();
  window = sf_test_find_toplevel (SF_TYPE_WINDOW);
  g_assert_nonnull (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (sf_test_wait_until (shortcuts_shown, NULL));
  sf_test_wait_for_frame ();
  shortcuts = sf_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  /* The section's pages, each laid out in turn, then the first again */
  stack = sf_test_find_widget (sf_test_find_widget (shortcuts, GTK_TYPE_SHORTCUTS_SECTION), GTK_TYPE_STACK);
  g_assert_nonnull (stack);
  gtk_stack_set_transition_type (GTK_STACK (stack), GTK_STACK_TRANSITION_TYPE_NONE);
  g_assert_nonnull (gtk_widget_get_next_sibling (gtk_widget_get_first_child (stack)));
  for (GtkWidget *page = gtk_widget_get_last_child (stack); page != NULL; page = gtk_widget_get_prev_sibling (page))
    {
      gtk_stack_set_visible_child (GTK_STACK (stack), page);
      sf_test_wait_for_frame ();
    }
  sf_test_save_shot (shortcuts, "shortcuts.png");
  sf_test_destroy_toplevels ();
}

int
main (int   argc,
      char *argv[])
{
  sf_test_gui_init (&argc, &argv);
  if (g_getenv ("SF_TEST_SHOTS") != NULL)
    sf_i18n_init ();

  /* The window's template is compiled into this test */
  g_assert_true (g_resources_get_info ("/io/github/sagsfordeling/Sagsfordeling/sf-window.ui",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, sf_test_fixture_set_up, func, sf_test_fixture_tear_down)
  ADD ("/gui/window/empty-state", test_empty_state);
  ADD ("/gui/window/keeps-size", test_window_keeps_size);
  ADD ("/gui/window/demo-fills-roster", test_demo_fills_roster);
  ADD ("/gui/roster/search", test_search_filters);
  ADD ("/gui/roster/sorting", test_sorting);
  ADD ("/gui/roster/edit-updates-rows", test_edit_updates_rows);
  ADD ("/gui/roster/cell-tooltips", test_cell_tooltips);
  ADD ("/gui/import/refused", test_import_refused);
  ADD ("/gui/import/roster", test_import_roster);
#undef ADD
  g_test_add_func ("/gui/import/error-dialog-limits", test_import_error_dialog_limits);
  g_test_add_func ("/gui/shortcuts-window", test_shortcuts_window);

  return g_test_run ();
}
