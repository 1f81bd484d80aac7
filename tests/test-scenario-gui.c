/* test-scenario-gui.c: what-if scenarios on the Planning page under Xvfb:
 * creating one (its empty states and name checks), adding and editing a
 * change (the comparison and the charts computed again), renaming,
 * duplicating, deleting with undo, and applying with undo.
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
#include "sf-scenario-change-dialog.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-window.h"

typedef SfTestFixture Fixture;

static gboolean
page_ready (gpointer data)
{
  SfPlanningPage *page = data;
  GtkStack *stack = GTK_STACK (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "state_stack"));

  return sf_planning_page_get_planning (page) != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (stack), "content") == 0;
}

static gboolean
compared (gpointer data)
{
  SfPlanningPage *page = data;

  return !sf_planning_page_is_comparing (page) && sf_planning_page_get_compare (page) != NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return sf_planning_page_get_dialog (data) == NULL;
}

/* Presses the dialog's button labelled @label, as a person would: the
 * dialog answers and closes */
static void
press (AdwMessageDialog *dialog,
       const char       *label)
{
  GtkWidget *button = sf_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  sf_test_click (button);
  sf_test_wait_for_frame ();
}

static SfPlanningPage *
show_planning (Fixture *fixture)
{
  SfPlanningPage *page = SF_PLANNING_PAGE (sf_test_find_widget (GTK_WIDGET (fixture->window),
                                                                SF_TYPE_PLANNING_PAGE));

  g_assert_nonnull (page);
  sf_window_show_page (fixture->window, "planning");
  sf_test_wait_for_frame ();
  g_assert_true (sf_test_wait_until (page_ready, page));
  sf_test_wait_for_frame ();
  return page;
}

static gboolean
visible_child (SfPlanningPage *page,
               const char     *name)
{
  return gtk_widget_get_visible (sf_test_child (page, SF_TYPE_PLANNING_PAGE, name));
}

/* Types @name into the open name dialog and presses its main button;
 * returns what the dialog said was wrong before it was pressed. */
static char *
answer_name (SfPlanningPage *page,
             const char     *name)
{
  AdwMessageDialog *dialog = sf_planning_page_get_dialog (page);
  GtkEditable *entry;
  GtkLabel *problem;
  char *said;

  g_assert_nonnull (dialog);
  entry = g_object_get_data (G_OBJECT (dialog), "sf-entry");
  problem = g_object_get_data (G_OBJECT (dialog), "sf-problem");
  gtk_editable_set_text (entry, name);
  said = gtk_widget_get_visible (GTK_WIDGET (problem)) ? g_strdup (gtk_label_get_text (problem)) : g_strdup ("");
  if (adw_message_dialog_get_response_enabled (dialog, "save"))
    press (dialog, adw_message_dialog_get_response_label (dialog, "save"));
  else
    press (dialog, "_Cancel");
  return said;
}

/* Whether the comparison table shows a cell that reads @text */
static gboolean
table_shows (SfPlanningPage *page,
             const char     *text)
{
  return sf_test_find_label (sf_planning_page_get_compare_table (page), text) != NULL;
}

static void
choose_worker (AdwMessageDialog *dialog,
               const char       *initials)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (sf_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN));
  GListModel *model = gtk_drop_down_get_model (drop_down);
  g_autofree char *prefix = g_strdup_printf ("%s ", initials);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), prefix))
      {
        gtk_drop_down_set_selected (drop_down, i);
        return;
      }
  g_error ("No caseworker %s to choose", initials);
}

static double
hours_of (Fixture    *fixture,
          const char *initials)
{
  g_autofree char *sql = g_strdup_printf ("SELECT CAST(weekly_hours * 100 AS INTEGER) FROM caseworker"
                                          " WHERE initials = '%s'", initials);

  return sf_test_query_int (fixture->store, sql) / 100.0;
}

/* The example: Familie (base norm 20) with LK carrying 22 weighted cases
 * (110 %), full time. */
static void
test_create_edit_apply (Fixture       *fixture,
                        gconstpointer  data)
{
  SfPlanningPage *page;
  AdwMessageDialog *dialog;
  SfPlanningCompare *compare;
  SfChartModel *model;
  AdwToast *toast;
  GtkWidget *changes, *row;
  g_autofree char *said = NULL;
  g_autofree char *taken = NULL;
  g_autoptr(SfScenarioChange) change = NULL;
  gint64 id;

  sf_test_import_example (fixture->store);
  page = show_planning (fixture);

  /* No scenario yet: the page says what one is and offers to make one */
  g_assert_true (visible_child (page, "scenario_empty"));
  g_assert_false (visible_child (page, "scenario_box"));
  g_assert_false (visible_child (page, "apply_button"));
  g_assert_nonnull (sf_test_find_button (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "scenario_empty"),
                                         "_New Scenario…"));

  /* Created with a name; an empty name is refused inline */
  gtk_widget_activate_action (GTK_WIDGET (page), "planning.new-scenario", NULL);
  dialog = sf_planning_page_get_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  said = answer_name (page, "  Plan A ");
  g_assert_cmpstr (said, ==, "");
  id = sf_scenario_store_find (fixture->store, "Plan A");
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpint (sf_planning_page_get_scenario_id (page), ==, id);
  g_assert_false (visible_child (page, "scenario_empty"));
  g_assert_true (visible_child (page, "scenario_box"));
  g_assert_nonnull (sf_test_find_label (GTK_WIDGET (page), "Changes in “Plan A”"));
  changes = sf_planning_page_get_changes_list (page);
  g_assert_nonnull (sf_test_find_label (changes, "No Changes Yet"));
  /* Nothing to apply yet */
  g_assert_false (gtk_widget_is_sensitive (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "apply_button")));

  /* A second with the same name, in other case, is refused inline */
  gtk_widget_activate_action (GTK_WIDGET (page), "planning.new-scenario", NULL);
  taken = answer_name (page, "plan a");
  g_assert_cmpstr (taken, ==, "There is already a scenario with that name.");
  g_assert_true (sf_test_wait_until (no_dialog, page));

  /* A change: LK's hours.  Above full time is refused inline, Save stays off */
  gtk_widget_activate_action (GTK_WIDGET (page), "planning.add-change", "i", (gint32) SF_SCENARIO_HOURS);
  dialog = sf_planning_page_get_dialog (page);
  g_assert_nonnull (dialog);
  choose_worker (dialog, "LK");
  sf_scenario_change_dialog_set_value (dialog, 40);
  g_assert_cmpstr (sf_scenario_change_dialog_get_problem (dialog), ==,
                   "The weekly hours must be between 0 and 37 (full time), not 40.");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  sf_scenario_change_dialog_set_value (dialog, 18.5);
  g_assert_cmpstr (sf_scenario_change_dialog_get_problem (dialog), ==, "");
  change = sf_scenario_change_dialog_get_change (dialog);
  g_assert_cmpstr (change->initials, ==, "LK");
  g_assert_cmpfloat (change->value, ==, 18.5);
  press (dialog, "_Add");

  /* Saved, and computed again at once beside today's: LK's norm halves
   * (20 → 10), 22 weighted cases: 110 % → 220 %; Familie's capacity
   * 60 → 50 with 45 weighted cases: 75 % → 90 % */
  g_assert_cmpuint (sf_planning_page_get_scenario (page)->changes->len, ==, 1);
  g_assert_true (sf_test_wait_until (compared, page));
  sf_test_wait_for_frame ();
  compare = sf_planning_page_get_compare (page);
  g_assert_cmpuint (compare->result->skipped->len, ==, 0);
  g_assert_true (table_shows (page, "110 % → 220 %"));
  g_assert_true (table_shows (page, "Over norm"));
  g_assert_true (table_shows (page, "Lars Krog (LK)"));
  g_assert_nonnull (sf_test_find_label (changes, "Set LK’s weekly hours to 18.5"));
  g_assert_true (gtk_widget_is_sensitive (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "apply_button")));
  /* The scenario's line on the charts, beside today's */
  model = sf_chart_get_model (SF_CHART (sf_test_child (page, SF_TYPE_PLANNING_PAGE, "utilisation_chart")));
  g_assert_cmpuint (sf_chart_model_get_n_series (model), ==, 3);
  g_assert_cmpstr (sf_chart_model_get_series (model, 2)->name, ==, "Scenario utilisation");
  g_assert_cmpint (sf_chart_model_get_series (model, 2)->dash, ==, SF_CHART_DASH_DOT);

  /* Edited: 27.75 hours, norm 15: 147 % */
  row = gtk_widget_get_first_child (changes);
  g_signal_emit_by_name (changes, "row-activated", row);
  dialog = sf_planning_page_get_dialog (page);
  g_assert_nonnull (dialog);
  g_clear_pointer (&change, sf_planning_change_free);
  change = sf_scenario_change_dialog_get_change (dialog);
  g_assert_cmpstr (change->initials, ==, "LK");
  g_assert_cmpfloat (change->value, ==, 18.5);
  sf_scenario_change_dialog_set_value (dialog, 27.75);
  press (dialog, "_Save");
  g_assert_true (sf_test_wait_until (compared, page));
  sf_test_wait_for_frame ();
  g_assert_true (table_shows (page, "110 % → 147 %"));
  g_assert_false (table_shows (page, "110 % → 220 %"));

  /* Applied after asking once: LK works 27.75 hours, the page shows
   * today's data again, and one Undo takes it all back */
  gtk_widget_activate_action (GTK_WIDGET (page), "planning.apply-scenario", NULL);
  dialog = sf_planning_page_get_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Apply “Plan A”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Set LK’s weekly hours to 27.75"));
  g_assert_cmpfloat (hours_of (fixture, "LK"), ==, 37);
  press (dialog, "_Apply");
  g_assert_cmpfloat (hours_of (fixture, "LK"), ==, 27.75);
  g_assert_cmpint (sf_planning_page_get_scenario_id (page), ==, 0);
  g_assert_false (visible_child (page, "scenario_box"));
  toast = sf_window_get_undo_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Scenario “Plan A” applied");
  g_signal_emit_by_name (toast, "button-clicked");
  sf_test_wait_for_frame ();
  g_assert_cmpfloat (hours_of (fixture, "LK"), ==, 37);
  /* The scenario itself is kept */
  g_assert_cmpint (sf_scenario_store_find (fixture->store, "Plan A"), ==, id);
}

/* Renamed, duplicated, a change removed and the scenario deleted, each
 * undoable where it loses something */
static void
test_rename_duplicate_delete (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SfScenario) scenario = g_new0 (SfScenario, 1);
  g_autoptr(GError) error = NULL;
  SfScenarioChange *change = g_new0 (SfScenarioChange, 1);
  SfPlanningPage *page;
  AdwToast *toast;
  g_autofree char *said = NULL;
  gint64 id, copy;

  sf_test_import_example (fixture->store);
  scenario->name = g_strdup ("Omfordeling");
  scenario->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_planning_change_free);
  change->op = SF_SCENARIO_MOVE;
  change->initials = g_strdup ("JP");
  change->team = g_strdup ("Familie");
  change->day = SF_DAY_NONE;
  g_ptr_array_add (scenario->changes, change);
  id = sf_scenario_store_save (fixture->store, 0, scenario, &error);
  g_assert_no_error (error);

  page = show_planning (fixture);
  g_assert_false (visible_child (page, "scenario_empty"));
  sf_planning_page_choose_scenario (page, id);
  g_assert_true (sf_test_wait_until (compared, page));
  sf_test_wait_for_frame ();
  /* JP's team moves: shown as the caseworker's new team */
  g_assert_true (table_shows (page, "Jens Poulsen (JP)"));

  /* Renamed (the picker follows) */
  gtk_widget_activate_action (GTK_WIDGET (page), "planning.rename-scenario", NULL);
  g_assert_cmpstr (gtk_editable_get_text (g_object_get_data (G_OBJECT (sf_planning_page_get_dialog (page)), "sf-entry")),
                   ==, "Omfordeling");
  said = answer_name (page, "Plan B");
  g_assert_cmpstr (said, ==, "");
  g_assert_cmpint (sf_scenario_store_find (fixture->store, "Plan B"), ==, id);
  g_assert_nonnull (sf_test_find_label (GTK_WIDGET (page), "Changes in “Plan B”"));

  /* Duplicated: the copy is shown, with the same change */
  gtk_widget_activate_action (GTK_WIDGET (page), "planning.duplicate-scenario", NULL);
  g_clear_pointer (&said, g_free);
  said = answer_name (page, "Plan C");
  g_assert_cmpstr (said, ==, "");
  copy = sf_scenario_store_find (fixture->store, "Plan C");
  g_assert_cmpint (copy, !=, 0);
  g_assert_cmpint (sf_planning_page_get_scenario_id (page), ==, copy);
  g_assert_cmpuint (sf_planning_page_get_scenario (page)->changes->len, ==, 1);

  /* A change removed at once, and put back by Undo */
  gtk_widget_activate_action (GTK_WIDGET (page), "planning.remove-change", "u", 0);
  sf_test_wait_for_frame ();
  g_assert_cmpuint (sf_planning_page_get_scenario (page)->changes->len, ==, 0);
  toast = sf_window_get_undo_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Change removed");
  g_signal_emit_by_name (toast, "button-clicked");
  sf_test_wait_for_frame ();
  g_assert_cmpuint (sf_planning_page_get_scenario (page)->changes->len, ==, 1);

  /* Deleted at once, with Undo */
  gtk_widget_activate_action (GTK_WIDGET (page), "planning.delete-scenario", NULL);
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_scenario_store_find (fixture->store, "Plan C"), ==, 0);
  g_assert_cmpint (sf_planning_page_get_scenario_id (page), ==, 0);
  toast = sf_window_get_undo_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Scenario “Plan C” deleted");
  g_signal_emit_by_name (toast, "button-clicked");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_scenario_store_find (fixture->store, "Plan C"), !=, 0);
}

/* A scenario whose base has moved: the change naming someone who left is
 * marked as not applying, and applying lists it without failing */
static void
test_moved_base (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SfScenario) scenario = g_new0 (SfScenario, 1);
  g_autoptr(GError) error = NULL;
  SfScenarioChange *gone = g_new0 (SfScenarioChange, 1);
  SfScenarioChange *hours = g_new0 (SfScenarioChange, 1);
  SfPlanningPage *page;
  AdwMessageDialog *dialog;
  gint64 id;

  sf_test_import_example (fixture->store);
  scenario->name = g_strdup ("Gammel");
  scenario->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_planning_change_free);
  gone->op = SF_SCENARIO_HOURS;
  gone->initials = g_strdup ("XY");
  gone->value = 30;
  gone->day = SF_DAY_NONE;
  hours->op = SF_SCENARIO_HOURS;
  hours->initials = g_strdup ("SB");
  hours->value = 30;
  hours->day = SF_DAY_NONE;
  g_ptr_array_add (scenario->changes, gone);
  g_ptr_array_add (scenario->changes, hours);
  id = sf_scenario_store_save (fixture->store, 0, scenario, &error);
  g_assert_no_error (error);

  page = show_planning (fixture);
  sf_planning_page_choose_scenario (page, id);
  g_assert_true (sf_test_wait_until (compared, page));
  sf_test_wait_for_frame ();
  g_assert_cmpuint (sf_planning_page_get_compare (page)->result->skipped->len, ==, 1);
  g_assert_nonnull (sf_test_find_label_starting (sf_planning_page_get_changes_list (page), "Change 1 (hours)"));

  gtk_widget_activate_action (GTK_WIDGET (page), "planning.apply-scenario", NULL);
  dialog = sf_planning_page_get_dialog (page);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "will be skipped"));
  press (dialog, "_Apply");
  g_assert_cmpfloat (hours_of (fixture, "SB"), ==, 30);
  /* What did not apply is said, not a failure */
  dialog = sf_planning_page_get_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "One Change Did Not Apply");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "XY"));
  g_assert_nonnull (sf_window_get_undo_toast (fixture->window));
}

int
main (int   argc,
      char *argv[])
{
  sf_test_gui_init (&argc, &argv);

  g_test_add ("/scenario-gui/create-edit-apply", Fixture, NULL, sf_test_fixture_set_up,
              test_create_edit_apply, sf_test_fixture_tear_down);
  g_test_add ("/scenario-gui/rename-duplicate-delete", Fixture, NULL, sf_test_fixture_set_up,
              test_rename_duplicate_delete, sf_test_fixture_tear_down);
  g_test_add ("/scenario-gui/moved-base", Fixture, NULL, sf_test_fixture_set_up,
              test_moved_base, sf_test_fixture_tear_down);

  return g_test_run ();
}
