/* Workforce planning in the window: a team's planned hires added, removed
 * and put back with undo, and a caseworker's last working day kept by the
 * caseworker form.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "sf-caseworker-dialog.h"
#include "sf-date-button.h"
#include "sf-planned-hires-window-private.h"
#include "sf-test-gui.h"
#include "sf-teams-page.h"
#include "sf-test-util.h"
#include "sf-teams-page-private.h"
#include "sf-window.h"

static gint64
team_id (SfStore    *store,
         const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM team WHERE name = '%s'", name);

  return sf_test_query_int (store, sql);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static gboolean
undo_shown (gpointer window)
{
  return sf_test_find_button (GTK_WIDGET (window), "_Undo") != NULL;
}

static void
test_planned_hires (SfTestFixture *fixture,
                    gconstpointer  data)
{
  gint64 team;
  SfPlannedHiresWindow *window;
  GtkWidget *row, *remove, *undo;
  SfTeamsPage *page;

  sf_test_import_example (fixture->store);
  sf_test_wait_for_frame ();
  team = team_id (fixture->store, "Sygedagpenge");
  /* From the Teams page's team menu, for the chosen team */
  page = sf_window_get_teams_page (fixture->window);
  g_assert_true (sf_teams_page_select_team (page, team));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "teams.planned-hires", NULL));
  sf_test_wait_for_frame ();
  window = sf_test_find_toplevel (SF_TYPE_PLANNED_HIRES_WINDOW);
  g_assert_nonnull (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Planned Hires — Sygedagpenge");
  g_assert_cmpuint (n_rows (window->hires_list), ==, 0);

  gtk_spin_button_set_value (window->hours_spin, 18.5);
  sf_date_button_set_day (window->start_button, sf_test_day ("2027-02-15"));
  gtk_editable_set_text (GTK_EDITABLE (window->note_row), "Genbesættelse efter JP");
  sf_test_click (GTK_WIDGET (window->add_button));
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM planned_hire"), ==, 1);
  g_assert_cmpint (sf_test_query_int (fixture->store,
                                      "SELECT weekly_hours * 10 FROM planned_hire WHERE start_date = '2027-02-15'"),
                   ==, 185);
  g_assert_cmpuint (n_rows (window->hires_list), ==, 1);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (window->hires_list, 0));
  g_assert_nonnull (sf_test_find_label (row, "Genbesættelse efter JP"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->note_row)), ==, "");

  /* A bad value is refused and says why; nothing is added */
  gtk_spin_button_set_value (window->hours_spin, 60);
  sf_test_click (GTK_WIDGET (window->add_button));
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM planned_hire"), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->problem_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (window->problem_label), "hours"));

  /* Removed, and back with undo */
  remove = sf_test_find_widget (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (remove);
  sf_test_click (remove);
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM planned_hire"), ==, 0);
  g_assert_cmpuint (n_rows (window->hires_list), ==, 0);
  /* The undo toast follows the one before as it leaves */
  g_assert_true (sf_test_wait_until (undo_shown, window));
  undo = sf_test_find_button (GTK_WIDGET (window), "_Undo");
  sf_test_click (undo);
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fixture->store,
                                      "SELECT count(*) FROM planned_hire WHERE note = 'Genbesættelse efter JP'"
                                      " AND start_date = '2027-02-15'"), ==, 1);
  g_assert_cmpuint (n_rows (window->hires_list), ==, 1);
}

/* The form shows a stored last working day and saves it back; one before
 * the start date is refused at its row. */
static void
test_last_working_day (SfTestFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfCaseworkerDialog *dialog;
  SfDateButton *end;
  gint64 jp;

  sf_test_import_example (fixture->store);
  jp = sf_test_query_int (fixture->store, "SELECT id FROM caseworker WHERE initials = 'JP'");
  g_assert_true (sf_store_exec (fixture->store, "UPDATE caseworker SET end_date = '2027-03-31',"
                                " start_date = '2020-01-01' WHERE initials = 'JP'", &error));
  /* A write past the store's API: the window reads it as another program's */
  sf_window_reload (fixture->window);

  dialog = sf_caseworker_dialog_new (GTK_WINDOW (fixture->window), sf_window_get_context (fixture->window), jp, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  sf_test_wait_for_frame ();
  end = SF_DATE_BUTTON (sf_test_child (dialog, SF_TYPE_CASEWORKER_DIALOG, "end_button"));
  g_assert_cmpuint (sf_date_button_get_day (end), ==, sf_test_day ("2027-03-31"));

  sf_date_button_set_day (end, sf_test_day ("2019-12-31"));
  g_assert_false (sf_edit_dialog_save (SF_EDIT_DIALOG (dialog)));
  g_assert_nonnull (strstr (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)), "last working day"));

  sf_date_button_set_day (end, sf_test_day ("2027-06-30"));
  g_assert_true (sf_edit_dialog_save (SF_EDIT_DIALOG (dialog)));
  g_assert_cmpint (sf_test_query_int (fixture->store,
                                      "SELECT count(*) FROM caseworker WHERE initials = 'JP'"
                                      " AND end_date = '2027-06-30'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  sf_test_gui_init (&argc, &argv);
#define ADD(path, func) g_test_add (path, SfTestFixture, NULL, sf_test_fixture_set_up, func, sf_test_fixture_tear_down)
  ADD ("/gui/planning/planned-hires", test_planned_hires);
  ADD ("/gui/planning/last-working-day", test_last_working_day);
#undef ADD
  return g_test_run ();
}
