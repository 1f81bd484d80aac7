/* test-caseloads-gui.c: the Caseloads page, the Preferences and the
 * reassignment preview in the real window on a temporary database.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sf-caseload-item.h"
#include "sf-caseloads-page.h"
#include "sf-import-preview-dialog.h"
#include "sf-preferences-window.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-row-viewport.h"
#include "sf-caseloads-page-private.h"
#include "sf-window.h"

#define EPS 1e-9

/* The real window on an empty temporary database */
typedef SfTestFixture Fixture;

/* The example of sf_test_import_example(): Familie with MHJ (22.5 %), LK
 * (110 %, over) and SB (95 %, near); Sygedagpenge with JP (25 %). */
static void
load_example (Fixture *fixture)
{
  sf_test_import_example (fixture->store);
  sf_test_wait_for_frame ();
}

static SfCaseloadItem *
find_worker (SfCaseloadsPage *page,
             const char      *initials)
{
  GListModel *model = sf_caseloads_page_get_workers (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SfCaseloadItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (sf_roster_item_get_initials (sf_caseload_item_get_roster_item (item)), initials))
        return item;
    }
  return NULL;
}

static const char *
initials_at (GListModel *model,
             guint       position)
{
  g_autoptr(SfCaseloadItem) item = g_list_model_get_item (model, position);

  return sf_roster_item_get_initials (sf_caseload_item_get_roster_item (item));
}

static gint64
team_id (Fixture    *fixture,
         const char *name)
{
  g_autoptr(SfDataset) ds = sf_store_load_dataset (fixture->store, NULL);

  for (guint i = 0; i < ds->teams->len; i++)
    if (g_str_equal (g_array_index (ds->teams, SfTeam, i).name, name))
      return g_array_index (ds->teams, SfTeam, i).id;
  g_assert_not_reached ();
}

static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  SfCaseloadsPage *page = sf_window_get_caseloads_page (fixture->window);
  GListModel *workers = sf_caseloads_page_get_workers (page);
  GListModel *teams = sf_caseloads_page_get_teams (page);
  SfCaseloadItem *mhj;
  g_autoptr(SfCaseloadTeamItem) familie = NULL;

  load_example (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (workers), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 2);

  /* The most loaded first: LK 110 %, SB 95 %, JP 25 %, MHJ 22.5 % */
  g_assert_cmpstr (initials_at (workers, 0), ==, "LK");
  g_assert_cmpstr (initials_at (workers, 1), ==, "SB");
  g_assert_cmpstr (initials_at (workers, 2), ==, "JP");
  g_assert_cmpstr (initials_at (workers, 3), ==, "MHJ");

  mhj = find_worker (page, "MHJ");
  g_assert_cmpuint (sf_caseload_item_get_cases (mhj, SF_COMPLEXITY_ENKEL), ==, 1);
  g_assert_cmpuint (sf_caseload_item_get_cases (mhj, SF_COMPLEXITY_KOMPLEKS), ==, 2);
  g_assert_cmpuint (sf_caseload_item_get_cases (mhj, SF_COMPLEXITY_SAERLIGT_KOMPLICERET), ==, 1);
  g_assert_cmpfloat_with_epsilon (sf_roster_item_get_weighted_load (sf_caseload_item_get_roster_item (mhj)), 4.5, EPS);
  g_assert_cmpfloat_with_epsilon (sf_roster_item_get_utilisation (sf_caseload_item_get_roster_item (mhj)), 0.225, EPS);

  /* Familie: 4 + 20 + 19 = 43 open cases on 3 FTE = 14.3 per FTE, below DS' 20–30;
   * load 4.5 + 22 + 19 = 45.5 of 60; 2 of 3 within their norm. */
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SfCaseloadTeamItem) item = g_list_model_get_item (teams, i);

      if (g_str_equal (sf_caseload_team_item_get_name (item), "Familie"))
        familie = g_steal_pointer (&item);
    }
  g_assert_nonnull (familie);
  g_assert_cmpfloat_with_epsilon (sf_caseload_team_item_get_value (familie, "open"), 43, EPS);
  g_assert_cmpfloat_with_epsilon (sf_caseload_team_item_get_value (familie, "per-fte"), 43.0 / 3, EPS);
  g_assert_cmpfloat_with_epsilon (sf_caseload_team_item_get_value (familie, "compliance"), 2.0 / 3, EPS);
  g_assert_cmpstr (sf_caseload_team_item_get_text (familie, "load"), ==, "45.5 / 60.0");
  g_assert_cmpstr (sf_caseload_team_item_get_text (familie, "ds"), ==, "20–30");
  g_assert_cmpstr (sf_caseload_team_item_get_text (familie, "survey"), ==, "31");
  g_assert_cmpstr (sf_caseload_team_item_get_text (familie, "appropriate"), ==, "24");
  g_assert_cmpint (sf_caseload_team_item_get_position (familie), ==, SF_TEAM_POSITION_BELOW);

  /* Filters: status, team, and both with nothing left */
  sf_caseloads_page_set_filter (page, 0, 0, SF_STATUS_OVER);
  g_assert_cmpuint (g_list_model_get_n_items (workers), ==, 1);
  g_assert_cmpstr (initials_at (workers, 0), ==, "LK");
  sf_caseloads_page_set_filter (page, team_id (fixture, "Sygedagpenge"), 0, -1);
  g_assert_cmpuint (g_list_model_get_n_items (workers), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 1);
  sf_caseloads_page_set_filter (page, team_id (fixture, "Sygedagpenge"), 0, SF_STATUS_OVER);
  g_assert_cmpuint (g_list_model_get_n_items (workers), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "caseloads.clear-filters", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (workers), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 2);
}

/* Raising the weight of kompleks to 1.5 in the Preferences recomputes the
 * page at once: MHJ 0.5 + 3 + 2 = 5.5; LK 27 + 4 = 31 (155 %).  A team norm
 * of 25 for Familie then gives LK 31 / 25 = 124 %. */
static void
test_preferences_recompute (Fixture       *fixture,
                            gconstpointer  data)
{
  SfCaseloadsPage *page = sf_window_get_caseloads_page (fixture->window);
  SfPreferencesWindow *preferences;
  GtkSpinButton *weight;
  GtkSpinButton *norm;
  SfSettings settings;

  load_example (fixture);
  preferences = sf_preferences_window_new (GTK_WINDOW (fixture->window), sf_window_get_context (fixture->window));
  gtk_window_present (GTK_WINDOW (preferences));
  sf_test_wait_for_frame ();

  weight = sf_preferences_window_get_spin (preferences, "weight-kompleks");
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (weight), 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (sf_preferences_window_get_spin (preferences,
                                                                                            "near-threshold")),
                                  90, EPS);
  gtk_spin_button_set_value (weight, 1.5);
  sf_test_wait_for_frame ();

  g_assert_true (sf_store_load_settings (fixture->store, &settings, NULL));
  g_assert_cmpfloat_with_epsilon (settings.weights[SF_COMPLEXITY_KOMPLEKS], 1.5, EPS);
  g_assert_cmpfloat_with_epsilon (sf_roster_item_get_weighted_load (sf_caseload_item_get_roster_item (find_worker (page, "MHJ"))),
                                  5.5, EPS);
  g_assert_cmpfloat_with_epsilon (sf_roster_item_get_utilisation (sf_caseload_item_get_roster_item (find_worker (page, "LK"))),
                                  31.0 / 20, EPS);

  norm = sf_preferences_window_get_team_spin (preferences, team_id (fixture, "Familie"));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (norm), 20, EPS);
  gtk_spin_button_set_value (norm, 25);
  sf_test_wait_for_frame ();
  g_assert_cmpfloat_with_epsilon (sf_roster_item_get_utilisation (sf_caseload_item_get_roster_item (find_worker (page, "LK"))),
                                  31.0 / 25, EPS);

  /* The near threshold is entered in per cent and kept as a share */
  gtk_spin_button_set_value (sf_preferences_window_get_spin (preferences, "near-threshold"), 80);
  sf_test_wait_for_frame ();
  g_assert_true (sf_store_load_settings (fixture->store, &settings, NULL));
  g_assert_cmpfloat_with_epsilon (settings.near_threshold, 0.8, EPS);
}

/* A team's name, area and staff, in full in a tooltip when they do not
 * fit: asked of the row's item when the pointer rests on it */
static void
test_team_tooltip (Fixture       *fixture,
                   gconstpointer  data)
{
  SfCaseloadsPage *page = sf_window_get_caseloads_page (fixture->window);
  g_autoptr(GObject) tooltip = NULL;
  GtkWidget *cell;
  gboolean shown = FALSE;

  load_example (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "caseloads"));
  sf_test_wait_for_frame ();
  cell = sf_test_find_label_starting (GTK_WIDGET (sf_caseloads_page_get_team_view (page)), "Familie\n");
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_get_has_tooltip (cell));
  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_signal_emit_by_name (cell, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_true (shown);
}

/* Whether @label is drawn inside @scroller's visible area */
/* Past the 200 rows a list view makes at a time: scrolled to the end, each
 * table shows its last row.  (Both tables once scrolled together in the
 * page: the last 3,000 − 200 caseworkers of a large municipality were blank
 * rows.) */
static void
test_long_tables (Fixture       *fixture,
                  gconstpointer  data)
{
  SfCaseloadsPage *page = sf_window_get_caseloads_page (fixture->window);
  GtkColumnView *views[] = { sf_caseloads_page_get_worker_view (page), sf_caseloads_page_get_team_view (page) };

  /* 250 teams of five: 1,250 caseworkers */
  sf_test_import_large (fixture->store, 250);
  sf_test_wait_for_frame ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "caseloads"));
  sf_test_wait_for_frame ();

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      GListModel *model = G_LIST_MODEL (sf_row_viewport_model_of (views[v]));
      guint n = g_list_model_get_n_items (model);
      g_autoptr(GObject) last = g_list_model_get_item (model, n - 1);
      const char *text = v == 0 ? sf_roster_item_get_initials (sf_caseload_item_get_roster_item (SF_CASELOAD_ITEM (last)))
                                : sf_caseload_team_item_get_name (SF_CASELOAD_TEAM_ITEM (last));
      g_autofree char *prefix = v == 0 ? g_strdup (text) : g_strconcat (text, "\n", NULL);
      GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (views[v]), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      GtkWidget *label;

      g_assert_cmpuint (n, ==, v == 0 ? 1250 : 250);
      /* Scrolled as far as it goes: a few steps, as the estimate of the
       * rows' height settles */
      for (guint step = 0; step < 5; step++)
        {
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          sf_test_wait_for_frame ();
        }
      label = sf_test_find_label_starting (GTK_WIDGET (views[v]), prefix);
      g_assert_nonnull (label);
      g_assert_true (sf_test_shown_in (label, scroller));
    }
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  SfCaseloadsPage *page = sf_window_get_caseloads_page (fixture->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  load_example (fixture);
  g_assert_true (sf_caseloads_page_export_csv (page, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Team;Area;Initials;"));
  g_assert_nonnull (strstr (contents, "Familie;Børne- og familieområdet;MHJ;Mette Hjort;1;2;1;4;4,50;20,00;22,5;"
                                      "Within norm\r\n"));
  g_assert_nonnull (strstr (contents, "Familie;Børne- og familieområdet;3;43;0;45,50;60,00;3,00;2,27;66,7;14,3;"
                                      "20;30;DS 2023;31;24;Below the DS range\r\n"));
}

static void
on_workbook_written_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GError **error = user_data;

  if (!sf_caseloads_page_export_workbook_finish (SF_CASELOADS_PAGE (source), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static gboolean
is_set (gpointer data)
{
  return *(GError **) data != NULL;
}

/* The sheets the zip at @path names in xl/workbook.xml, in order */
static char *
sheet_names (const char *path)
{
  const char *argv[] = { "unzip", "-p", path, "xl/workbook.xml", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (const char *p = strstr (out, "<sheet name=\""); p != NULL; p = strstr (p, "<sheet name=\""))
    {
      const char *end;

      p += strlen ("<sheet name=\"");
      end = strchr (p, '"');
      g_assert_nonnull (end);
      g_string_append_printf (names, "%s%.*s", names->len > 0 ? "," : "", (int) (end - p), p);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The HR workbook from the Export menu: a zip with its sheets, readable by
 * its owner only; written in a thread; an error when it cannot be written */
static void
test_export_workbook (Fixture       *fixture,
                      gconstpointer  data)
{
  SfCaseloadsPage *page = sf_window_get_caseloads_page (fixture->window);
  g_autofree char *path = g_build_filename (fixture->dir, "hr.xlsx", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "no-such-folder", "hr.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autofree char *names = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;
  GStatBuf st;
  static const struct
  {
    const char *action;
    int         kind;
    const char *prefix;
    const char *suffix;
    gboolean    filtered;   /* a CSV file is offered under any name */
  } exports[] = {
    { "caseloads.export-workbook", SF_CASELOADS_EXPORT_WORKBOOK, "Sagsfordeling-", ".xlsx", TRUE },
    { "caseloads.export-csv", SF_CASELOADS_EXPORT_CSV, "caseloads-", ".csv", FALSE },
    { "caseloads.export-pdf", SF_CASELOADS_EXPORT_PDF, "caseloads-", ".pdf", TRUE },
  };

  load_example (fixture);
  sf_caseloads_page_export_workbook_async (page, file, NULL, on_workbook_written_cb, &error);
  g_assert_true (sf_test_wait_until (is_set, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  names = sheet_names (path);
  g_assert_cmpstr (names, ==, "Caseworkers,Teams,Case areas,Municipality,Trend,Forecast");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  sf_caseloads_page_export_workbook_async (page, bad_file, NULL, on_workbook_written_cb, &error);
  g_assert_true (sf_test_wait_until (is_set, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_IO);
  g_assert_nonnull (strstr (error->message, bad_path));
  g_clear_error (&error);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  /* Each export of the menu asks where, offering a dated name of its kind */
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), exports[i].action, NULL));
      g_assert_nonnull (page->export_chooser);
      g_assert_cmpint (page->export_kind, ==, exports[i].kind);
      name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (page->export_chooser));
      g_assert_true (g_str_has_prefix (name, exports[i].prefix));
      g_assert_true (g_str_has_suffix (name, exports[i].suffix));
      g_assert_true ((gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (page->export_chooser)) != NULL) ==
                     exports[i].filtered);
      g_clear_pointer (&name, g_free);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (page->export_chooser));
  g_clear_object (&page->export_chooser);
}

/* Picking a case file shows what it would change and changes nothing until
 * Import is pressed; a file with problems cannot be imported. */
static void
test_import_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  SfCaseloadsPage *page = sf_window_get_caseloads_page (fixture->window);
  g_autofree char *good_path = NULL;
  g_autofree char *bad_path = NULL;
  g_autoptr(GFile) good = NULL;
  g_autoptr(GFile) bad = NULL;
  SfImportPreviewDialog *dialog;
  SfImportPreview *preview;

  load_example (fixture);
  /* S-1 (MHJ, enkel) is closed; S-500 is new for MHJ (kompleks) */
  good_path = sf_test_write_file (fixture->dir, "good.csv",
                                  "sagsnummer;initialer;kompleksitet;startdato;lukket\n"
                                  "S-1;MHJ;enkel;2024-01-01;2024-06-30\n"
                                  "S-500;MHJ;kompleks;2024-02-01;\n");
  good = g_file_new_for_path (good_path);
  dialog = sf_import_preview_dialog_open (GTK_WINDOW (fixture->window), sf_window_get_context (fixture->window), good);
  g_assert_nonnull (dialog);
  sf_test_wait_for_frame ();
  preview = sf_import_preview_dialog_get_preview (dialog);
  g_assert_cmpuint (preview->n_new, ==, 1);
  g_assert_cmpuint (preview->n_closed, ==, 1);
  g_assert_true (gtk_widget_get_sensitive (sf_import_preview_dialog_get_import_button (dialog)));
  /* Nothing changed yet: MHJ still carries 4.5 */
  g_assert_cmpint (sf_store_count (fixture->store, "casefile"), ==, 53);
  g_assert_cmpfloat_with_epsilon (sf_roster_item_get_weighted_load (sf_caseload_item_get_roster_item (find_worker (page, "MHJ"))),
                                  4.5, EPS);

  sf_import_preview_dialog_import (dialog);
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_store_count (fixture->store, "casefile"), ==, 54);
  /* 4.5 − 0.5 + 1 = 5 */
  g_assert_cmpfloat_with_epsilon (sf_roster_item_get_weighted_load (sf_caseload_item_get_roster_item (find_worker (page, "MHJ"))),
                                  5.0, EPS);

  bad_path = sf_test_write_file (fixture->dir, "bad.csv",
                                 "sagsnummer;initialer;kompleksitet\n"
                                 "S-60;MHJ;kompleks\n"
                                 "311299-1234;MHJ;kompleks\n");
  bad = g_file_new_for_path (bad_path);
  dialog = sf_import_preview_dialog_open (GTK_WINDOW (fixture->window), sf_window_get_context (fixture->window), bad);
  sf_test_wait_for_frame ();
  preview = sf_import_preview_dialog_get_preview (dialog);
  g_assert_cmpuint (preview->problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (preview->problems, 0), "Line 3: the case number"));
  g_assert_false (gtk_widget_get_sensitive (sf_import_preview_dialog_get_import_button (dialog)));
  gtk_window_close (GTK_WINDOW (dialog));
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_store_count (fixture->store, "casefile"), ==, 54);
}

int
main (int   argc,
      char *argv[])
{
  sf_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, sf_test_fixture_set_up, func, sf_test_fixture_tear_down)
  ADD ("/gui/caseloads/overview", test_overview);
  ADD ("/gui/caseloads/preferences-recompute", test_preferences_recompute);
  ADD ("/gui/caseloads/team-tooltip", test_team_tooltip);
  ADD ("/gui/caseloads/long-tables", test_long_tables);
  ADD ("/gui/caseloads/export", test_export);
  ADD ("/gui/caseloads/export-workbook", test_export_workbook);
  ADD ("/gui/import/preview", test_import_preview);
#undef ADD

  return g_test_run ();
}
