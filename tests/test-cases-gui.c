/* test-cases-gui.c: the list of cases on the Caseloads page and its
 * dialogs, driven through the real widgets on a temporary database, under
 * Xvfb.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "sf-case-dialog.h"
#include "sf-case-item.h"
#include "sf-caseload-item.h"
#include "sf-caseloads-page.h"
#include "sf-cases-view.h"
#include "sf-counts-dialog.h"
#include "sf-filtered-list.h"
#include "sf-list-edit.h"
#include "sf-reassign-dialog.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-caseloads-page-private.h"
#include "sf-cases-view-private.h"
#include "sf-window.h"
#include "sf-row-viewport.h"
#include "sf-worker-choices.h"

#define EPS 1e-9

typedef struct
{
  char            *dir;
  SfStore         *store;
  SfWindow        *window;
  SfCaseloadsPage *page;
  SfCasesView     *view;
} Fixture;

/* The example of sf_test_import_example(), on the page of cases; with
 * @data, sf_test_import_large() of that many teams instead. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = sf_test_open_store (&fixture->dir);
  if (data != NULL)
    sf_test_import_large (fixture->store, GPOINTER_TO_UINT (data));
  else
    sf_test_import_example (fixture->store);

  fixture->window = sf_test_present_window (fixture->store);
  fixture->page = sf_window_get_caseloads_page (fixture->window);
  fixture->view = sf_caseloads_page_get_cases_view (fixture->page);
  sf_test_wait_for_frame ();

  /* Alt+6: the cases, as a manager reaches them */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "cases"));
  sf_test_wait_for_frame ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sf_test_destroy_toplevels ();
  fixture->window = NULL;
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL));
  sf_test_wait_for_frame ();
}

#define worker_id(fixture, initials) sf_test_caseworker_id ((fixture)->store, (initials))
#define case_id(fixture, reference) sf_test_case_id ((fixture)->store, (reference))

static SfRosterItem *
worker_item (Fixture    *fixture,
             const char *initials)
{
  GListModel *model = sf_caseloads_page_get_workers (fixture->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SfCaseloadItem) item = g_list_model_get_item (model, i);
      SfRosterItem *roster = sf_caseload_item_get_roster_item (item);

      if (g_str_equal (sf_roster_item_get_initials (roster), initials))
        return roster;
    }
  g_assert_not_reached ();
}

static double
load_of (Fixture    *fixture,
         const char *initials)
{
  return sf_roster_item_get_weighted_load (worker_item (fixture, initials));
}

static void
select_cases (Fixture            *fixture,
              const char * const *references)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; references[i] != NULL; i++)
    {
      gint64 id = case_id (fixture, references[i]);

      g_array_append_val (ids, id);
    }
  g_assert_true (sf_cases_view_select_ids (fixture->view, (const gint64 *) ids->data, ids->len));
  sf_test_wait_for_frame ();
}

static gboolean
list_has (Fixture    *fixture,
          const char *reference)
{
  GListModel *model = G_LIST_MODEL (sf_cases_view_get_selection (fixture->view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SfCaseItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (sf_case_item_get_reference (item), reference))
        return TRUE;
    }
  return FALSE;
}

/* ---- tests ------------------------------------------------------------------ */

/* The view lists the 53 open cases, sorted by number in natural order, and
 * a double-click on a caseworker in the overview shows theirs. */
static void
test_list_and_filters (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *shown = G_LIST_MODEL (sf_cases_view_get_selection (fixture->view));
  g_autoptr(SfCaseItem) first = NULL;
  g_autoptr(SfCaseItem) tenth = NULL;

  g_assert_cmpstr (sf_window_get_visible_page (fixture->window), ==, "caseloads");
  g_assert_cmpstr (sf_caseloads_page_get_view (fixture->page), ==, "cases");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 53);
  first = g_list_model_get_item (shown, 0);
  tenth = g_list_model_get_item (shown, 9);
  g_assert_cmpstr (sf_case_item_get_reference (first), ==, "S-1");
  g_assert_cmpstr (sf_case_item_get_reference (tenth), ==, "S-10");

  sf_cases_view_set_search (fixture->view, "s-5");
  /* S-5, S-50 … S-53 */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  sf_cases_view_set_search (fixture->view, NULL);

  /* From the overview: Alt+3, then a double-click on JP */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "caseloads"));
  g_assert_cmpstr (sf_caseloads_page_get_view (fixture->page), ==, "overview");
  {
    GtkColumnView *workers = sf_caseloads_page_get_worker_view (fixture->page);
    GListModel *rows = sf_caseloads_page_get_workers (fixture->page);
    guint jp = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(SfCaseloadItem) item = g_list_model_get_item (rows, i);

        if (g_str_equal (sf_roster_item_get_initials (sf_caseload_item_get_roster_item (item)), "JP"))
          jp = i;
      }
    g_signal_emit_by_name (workers, "activate", jp);
  }
  g_assert_cmpstr (sf_caseloads_page_get_view (fixture->page), ==, "cases");
  g_assert_cmpint (sf_cases_view_get_filter_caseworker (fixture->view), ==, worker_id (fixture, "JP"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 10);
}

/* A new særligt kompliceret case for MHJ: 4.5 + 2 = 6.5 (32.5 %), in the
 * area of MHJ's team. */
static void
test_add_case (Fixture       *fixture,
               gconstpointer  data)
{
  SfCaseDialog *dialog;

  activate (fixture, "cases.new");
  dialog = SF_CASE_DIALOG (sf_cases_view_get_dialog (fixture->view));
  g_assert_true (SF_IS_CASE_DIALOG (dialog));

  gtk_editable_set_text (GTK_EDITABLE (sf_test_child (dialog, SF_TYPE_CASE_DIALOG, "reference_row")), "2025-0900");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sf_test_child (dialog, SF_TYPE_CASE_DIALOG, "complexity_row")),
                              SF_COMPLEXITY_SAERLIGT_KOMPLICERET);
  sf_case_dialog_select_caseworker (dialog, worker_id (fixture, "MHJ"));
  sf_test_click (sf_test_child (dialog, SF_TYPE_CASE_DIALOG, "save_button"));
  g_assert_null (sf_cases_view_get_dialog (fixture->view));

  g_assert_cmpint (sf_store_count (fixture->store, "casefile"), ==, 54);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM casefile WHERE reference = '2025-0900'"
                                                      " AND complexity = 'saerligt-kompliceret'"
                                                      " AND area_id = (SELECT id FROM area WHERE key = 'boern-familie')"),
                           ==, 1);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "MHJ"), 6.5, EPS);
  g_assert_cmpfloat_with_epsilon (sf_roster_item_get_utilisation (worker_item (fixture, "MHJ")), 0.325, EPS);
  g_assert_true (list_has (fixture, "2025-0900"));

  /* Editing: the same case, kompleks now: 4.5 + 1 = 5.5 */
  select_cases (fixture, (const char *[]) { "2025-0900", NULL });
  activate (fixture, "cases.edit");
  dialog = SF_CASE_DIALOG (sf_cases_view_get_dialog (fixture->view));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sf_test_child (dialog, SF_TYPE_CASE_DIALOG, "reference_row"))),
                   ==, "2025-0900");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sf_test_child (dialog, SF_TYPE_CASE_DIALOG, "complexity_row")),
                              SF_COMPLEXITY_KOMPLEKS);
  sf_test_click (sf_test_child (dialog, SF_TYPE_CASE_DIALOG, "save_button"));
  g_assert_cmpint (sf_store_count (fixture->store, "casefile"), ==, 54);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "MHJ"), 5.5, EPS);
}

/* A case number that looks like a CPR number is refused as it is typed,
 * and again on saving; nothing typed is lost. */
static void
test_refuse_cpr (Fixture       *fixture,
                 gconstpointer  data)
{
  SfCaseDialog *dialog;
  GtkWidget *row;

  activate (fixture, "cases.new");
  dialog = SF_CASE_DIALOG (sf_cases_view_get_dialog (fixture->view));
  row = sf_test_child (dialog, SF_TYPE_CASE_DIALOG, "reference_row");

  gtk_editable_set_text (GTK_EDITABLE (row), "010190-1234");
  sf_test_save_shot (GTK_WIDGET (dialog), "case-dialog-refused.png");
  g_assert_nonnull (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)));
  g_assert_nonnull (strstr (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)), "CPR"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_get_visible (sf_test_child (dialog, SF_TYPE_CASE_DIALOG, "error_label")));

  sf_test_click (sf_test_child (dialog, SF_TYPE_CASE_DIALOG, "save_button"));
  g_assert_true (sf_cases_view_get_dialog (fixture->view) == GTK_WINDOW (dialog));
  g_assert_nonnull (strstr (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)), "CPR"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "010190-1234");
  g_assert_cmpint (sf_store_count (fixture->store, "casefile"), ==, 53);

  /* Ten digits forming a date are refused too */
  gtk_editable_set_text (GTK_EDITABLE (row), "0101901234");
  g_assert_nonnull (strstr (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)), "CPR"));

  /* A case number is fine, and clears the message */
  gtk_editable_set_text (GTK_EDITABLE (row), "S-1");
  g_assert_null (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* … unless another case has it */
  sf_test_click (sf_test_child (dialog, SF_TYPE_CASE_DIALOG, "save_button"));
  g_assert_nonnull (strstr (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)), "S-1"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpint (sf_store_count (fixture->store, "casefile"), ==, 53);
}

/* Moving S-1 (enkel, 0.5) and S-4 (særligt kompliceret, 2.0) from MHJ to
 * SB: MHJ 4 → 2 open cases, 4.5 → 2.0 (22.5 % → 10.0 %, within); SB 19 →
 * 21, 19.0 → 21.5 of 20 (95.0 % → 107.5 %, near → over). */
static void
test_reassign_preview (Fixture       *fixture,
                       gconstpointer  data)
{
  SfReassignDialog *dialog;
  const char *text;
  AdwToast *toast;
  g_autofree char *sql = NULL;

  select_cases (fixture, (const char *[]) { "S-1", "S-4", NULL });
  activate (fixture, "cases.reassign");
  dialog = SF_REASSIGN_DIALOG (sf_cases_view_get_dialog (fixture->view));
  g_assert_true (SF_IS_REASSIGN_DIALOG (dialog));

  sf_reassign_dialog_select_caseworker (dialog, worker_id (fixture, "SB"));
  sf_test_save_shot (GTK_WIDGET (dialog), "reassign-dialog.png");
  g_assert_cmpuint (sf_reassign_dialog_get_effects (dialog)->len, ==, 2);
  text = sf_reassign_dialog_get_effect_text (dialog, worker_id (fixture, "MHJ"));
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Mette Hjort (MHJ)"));
  g_assert_nonnull (strstr (text, "Open cases 4 → 2 · weighted load 4.5 → 2.0 of norm 20.0"));
  g_assert_nonnull (strstr (text, "22.5 % → 10.0 %"));
  g_assert_nonnull (strstr (text, "Within norm → Within norm"));
  text = sf_reassign_dialog_get_effect_text (dialog, worker_id (fixture, "SB"));
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Open cases 19 → 21 · weighted load 19.0 → 21.5 of norm 20.0"));
  g_assert_nonnull (strstr (text, "95.0 % → 107.5 %"));
  g_assert_nonnull (strstr (text, "Near norm → Over norm"));
  /* Nobody else changes */
  g_assert_null (sf_reassign_dialog_get_effect_text (dialog, worker_id (fixture, "LK")));

  /* The preview changed nothing */
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "MHJ"), 4.5, EPS);

  sf_test_click (sf_test_child (dialog, SF_TYPE_REASSIGN_DIALOG, "save_button"));
  g_assert_null (sf_cases_view_get_dialog (fixture->view));
  sql = g_strdup_printf ("SELECT count(*) FROM casefile WHERE reference IN ('S-1', 'S-4')"
                         " AND caseworker_id = %" G_GINT64_FORMAT, worker_id (fixture, "SB"));
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, 2);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "MHJ"), 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "SB"), 21.5, EPS);
  g_assert_cmpint (sf_roster_item_get_status (worker_item (fixture, "SB")), ==, SF_STATUS_OVER);

  /* Undo gives them back */
  toast = sf_window_get_undo_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "SB"));
  g_signal_emit_by_name (toast, "button-clicked");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, 0);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "MHJ"), 4.5, EPS);
}

/* Closing three of LK's kompleks cases at once: 22 → 19 (95 %); undo
 * opens them again.  Deleting one, and undoing that too. */
static void
test_close_many_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *shown = G_LIST_MODEL (sf_cases_view_get_selection (fixture->view));
  AdwToast *toast;

  select_cases (fixture, (const char *[]) { "S-5", "S-6", "S-7", NULL });
  g_assert_true (gtk_widget_get_sensitive (sf_test_child (fixture->view, SF_TYPE_CASES_VIEW, "close_button")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (sf_test_child (fixture->view, SF_TYPE_CASES_VIEW,
                                                                    "close_confirm_button"))),
                   ==, "_Close 3 Cases");
  activate (fixture, "cases.close");
  /* The popover offers today */
  sf_test_click (sf_test_child (fixture->view, SF_TYPE_CASES_VIEW, "close_confirm_button"));

  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM casefile WHERE closed_date IS NOT NULL"), ==, 3);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "LK"), 19.0, EPS);
  g_assert_cmpint (sf_roster_item_get_status (worker_item (fixture, "LK")), ==, SF_STATUS_NEAR);
  /* Open cases are shown: the closed ones leave the list */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 50);
  g_assert_false (list_has (fixture, "S-6"));

  toast = sf_window_get_undo_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Closed 3 cases");
  g_signal_emit_by_name (toast, "button-clicked");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM casefile WHERE closed_date IS NOT NULL"), ==, 0);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "LK"), 22.0, EPS);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 53);

  /* Delete, then undo: the case is back with its id */
  {
    gint64 id = case_id (fixture, "S-6");

    select_cases (fixture, (const char *[]) { "S-6", NULL });
    activate (fixture, "cases.delete");
    g_assert_cmpint (sf_store_count (fixture->store, "casefile"), ==, 52);
    g_assert_cmpfloat_with_epsilon (load_of (fixture, "LK"), 21.0, EPS);
    toast = sf_window_get_undo_toast (fixture->window);
    g_assert_cmpstr (adw_toast_get_title (toast), ==, "Deleted case S-6");
    g_signal_emit_by_name (toast, "button-clicked");
    sf_test_wait_for_frame ();
    g_assert_cmpint (case_id (fixture, "S-6"), ==, id);
    g_assert_cmpfloat_with_epsilon (load_of (fixture, "LK"), 22.0, EPS);
  }
}

/* LK covers S-2 and S-3 (MHJ's kompleks cases): their weight moves to LK,
 * 22 + 2 = 24, MHJ 4.5 − 2 = 2.5.  Choosing nobody ends the cover. */
static void
test_cover (Fixture       *fixture,
            gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkDropDown *dropdown;
  g_autofree char *sql = NULL;
  guint lk;

  select_cases (fixture, (const char *[]) { "S-2", "S-3", NULL });
  activate (fixture, "cases.cover");
  dialog = ADW_MESSAGE_DIALOG (sf_cases_view_get_dialog (fixture->view));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  lk = sf_test_choose_in_drop_down (dropdown, "LK ·");
  adw_message_dialog_response (dialog, "set");
  sf_test_wait_for_frame ();

  sql = g_strdup_printf ("SELECT count(*) FROM casefile WHERE cover_id = %" G_GINT64_FORMAT,
                         worker_id (fixture, "LK"));
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, 2);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "LK"), 24.0, EPS);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "MHJ"), 2.5, EPS);
  g_assert_nonnull (strstr (adw_toast_get_title (sf_window_get_undo_toast (fixture->window)), "LK covers"));

  /* The cases stay chosen?  Choose them again and end the cover */
  select_cases (fixture, (const char *[]) { "S-2", "S-3", NULL });
  activate (fixture, "cases.cover");
  dialog = ADW_MESSAGE_DIALOG (sf_cases_view_get_dialog (fixture->view));
  dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  /* The current cover is offered first */
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, lk);
  gtk_drop_down_set_selected (dropdown, 0);
  adw_message_dialog_response (dialog, "set");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, 0);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "MHJ"), 4.5, EPS);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "LK"), 22.0, EPS);
}

/* "JP has 12 kompleks, 5 enkel, 3 særligt kompliceret": with JP's 10
 * kompleks cases that have numbers, 10 + 2.5 + 12 + 6 = 30.5 of 40.  Then
 * 10 kompleks instead of 12 closes two counted cases; undo reopens them. */
static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  SfCountsDialog *dialog;
  g_autofree char *sql = NULL;
  AdwToast *toast;
  gint64 jp = worker_id (fixture, "JP");

  sf_cases_view_set_filter (fixture->view, 0, jp, SF_CASES_SHOW_OPEN);
  activate (fixture, "cases.counts");
  dialog = SF_COUNTS_DIALOG (sf_cases_view_get_dialog (fixture->view));
  g_assert_true (SF_IS_COUNTS_DIALOG (dialog));
  g_assert_cmpint (sf_counts_dialog_get_caseworker (dialog), ==, jp);
  /* No counted cases yet: the numbered ones are not counts */
  g_assert_cmpuint (sf_counts_dialog_get_count (dialog, SF_COMPLEXITY_KOMPLEKS), ==, 0);
  sf_test_save_shot (GTK_WIDGET (dialog), "counts-dialog.png");
  g_assert_nonnull (strstr (sf_counts_dialog_get_summary (dialog), "10.0 of norm 40.0 (25.0 %)"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sf_test_child (dialog, SF_TYPE_COUNTS_DIALOG, "kompleks_spin")), 12);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sf_test_child (dialog, SF_TYPE_COUNTS_DIALOG, "enkel_spin")), 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sf_test_child (dialog, SF_TYPE_COUNTS_DIALOG, "saerligt_spin")), 3);
  g_assert_nonnull (strstr (sf_counts_dialog_get_summary (dialog), "30.5 of norm 40.0"));
  g_assert_nonnull (strstr (sf_counts_dialog_get_summary (dialog), "With 10 open cases with case numbers"));
  sf_test_click (sf_test_child (dialog, SF_TYPE_COUNTS_DIALOG, "save_button"));
  g_assert_null (sf_cases_view_get_dialog (fixture->view));

  sql = g_strdup_printf ("SELECT count(*) FROM casefile WHERE counted = 1 AND closed_date IS NULL"
                         " AND caseworker_id = %" G_GINT64_FORMAT, jp);
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, 20);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "JP"), 30.5, EPS);
  /* The list shows them: JP's 10 + 20 */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sf_cases_view_get_selection (fixture->view))), ==, 30);

  /* The dialog starts from the counts entered */
  activate (fixture, "cases.counts");
  dialog = SF_COUNTS_DIALOG (sf_cases_view_get_dialog (fixture->view));
  g_assert_cmpuint (sf_counts_dialog_get_count (dialog, SF_COMPLEXITY_ENKEL), ==, 5);
  g_assert_cmpuint (sf_counts_dialog_get_count (dialog, SF_COMPLEXITY_KOMPLEKS), ==, 12);
  g_assert_cmpuint (sf_counts_dialog_get_count (dialog, SF_COMPLEXITY_SAERLIGT_KOMPLICERET), ==, 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sf_test_child (dialog, SF_TYPE_COUNTS_DIALOG, "kompleks_spin")), 10);
  sf_test_click (sf_test_child (dialog, SF_TYPE_COUNTS_DIALOG, "save_button"));
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, 18);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "JP"), 28.5, EPS);

  toast = sf_window_get_undo_toast (fixture->window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Counts saved for JP: 0 added, 2 closed");
  g_signal_emit_by_name (toast, "button-clicked");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, 20);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "JP"), 30.5, EPS);
}

/* The caseload report: a PDF of a few pages */
static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (sf_caseloads_page_export_pdf (fixture->page, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 5000);
  /* A finished file: it ends with the trailer's %%EOF */
  g_assert_nonnull (g_strstr_len (contents + length - 16, 16, "%%EOF"));

  /* To look at it: SF_TEST_OUTPUT_DIR=/tmp meson test test-cases-gui */
  if (g_getenv ("SF_TEST_OUTPUT_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("SF_TEST_OUTPUT_DIR"), "caseloads-report.pdf", NULL);

      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    }
}

/* 100,000 cases: the list has them all and widgets for the rows shown only */
static void
test_many (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  GListModel *shown = G_LIST_MODEL (sf_cases_view_get_selection (fixture->view));

  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)"
                         " INSERT INTO casefile (reference, complexity, start_date, caseworker_id)"
                         " SELECT 'M-' || i, 'kompleks', '2024-01-01', %" G_GINT64_FORMAT " FROM n",
                         worker_id (fixture, "JP"));
  g_assert_true (sf_store_exec (fixture->store, sql, NULL));
  g_timer_start (timer);
  sf_window_reload (fixture->window);
  sf_test_wait_for_frame ();
  g_test_message ("Reloading 100,053 cases took %.2f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 100053);

  /* Choosing them all and closing them is one change */
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (shown));
  g_assert_true (gtk_widget_get_sensitive (sf_test_child (fixture->view, SF_TYPE_CASES_VIEW, "close_button")));
  g_timer_start (timer);
  sf_cases_view_set_search (fixture->view, "M-9999");
  g_test_message ("Searching took %.3f s", g_timer_elapsed (timer, NULL));
  /* M-9999, M-99990 … M-99999 */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 11);
}

/* ---- updating in place ------------------------------------------------------ */

/* The items behind one of the page's tables, whatever its filters */
static GListModel *
all_rows (GtkColumnView *view)
{
  GListModel *model = gtk_no_selection_get_model (GTK_NO_SELECTION (sf_row_viewport_model_of (view)));

  model = gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (model));
  return gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (model));
}

typedef gint64 (*IdFunc) (gpointer item);
typedef gconstpointer (*ContentsFunc) (gpointer item);

static gint64
worker_row_id (gpointer item)
{
  return sf_roster_item_get_id (sf_caseload_item_get_roster_item (item));
}

static gint64
team_row_id (gpointer item)
{
  return sf_caseload_team_item_get_id (item);
}

static gint64
case_row_id (gpointer item)
{
  return sf_case_item_get_id (item);
}

/* Something each item allocates anew: where an item's contents are, so
 * that contents replaced in the same item show */
static gconstpointer
worker_row_contents (gpointer item)
{
  return sf_caseload_item_get_roster_item (item);
}

static gconstpointer
team_row_contents (gpointer item)
{
  return sf_caseload_team_item_get_name (item);
}

static gconstpointer
case_row_contents (gpointer item)
{
  return sf_case_item_get_reference (item);
}

/* An item and where its contents were when it was taken */
typedef struct
{
  GObject       *item;
  gconstpointer  contents;
} Row;

static void
row_free (Row *row)
{
  g_object_unref (row->item);
  g_free (row);
}

/* Every item of the page, by id: the workers, the teams and the cases */
typedef struct
{
  GHashTable *workers;
  GHashTable *teams;
  GHashTable *cases;
} Rows;

static GHashTable *
items_by_id (GListModel   *model,
             IdFunc        id_of,
             ContentsFunc  contents_of)
{
  GHashTable *items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) row_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      Row *row = g_new0 (Row, 1);
      gint64 id;

      row->item = g_list_model_get_item (model, i);
      row->contents = contents_of (row->item);
      id = id_of (row->item);
      g_assert_false (g_hash_table_contains (items, &id));
      g_hash_table_insert (items, g_memdup2 (&id, sizeof id), row);
    }
  return items;
}

static void
rows_clear (Rows *rows)
{
  g_clear_pointer (&rows->workers, g_hash_table_unref);
  g_clear_pointer (&rows->teams, g_hash_table_unref);
  g_clear_pointer (&rows->cases, g_hash_table_unref);
}

static void
rows_take (Fixture *fixture,
           Rows    *rows)
{
  rows_clear (rows);
  rows->workers = items_by_id (all_rows (sf_caseloads_page_get_worker_view (fixture->page)), worker_row_id,
                               worker_row_contents);
  rows->teams = items_by_id (all_rows (sf_caseloads_page_get_team_view (fixture->page)), team_row_id,
                             team_row_contents);
  rows->cases = items_by_id (sf_cases_view_get_all (fixture->view), case_row_id, case_row_contents);
}

static gboolean
in_ids (const gint64 *ids,
        gint64        id)
{
  for (guint i = 0; ids[i] != 0; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

/* The items of @model are those of @before, the very same objects (a
 * full reload makes new ones), with the same contents but for those of
 * @changed (0-terminated), which have new ones (added ones are new
 * objects); returns how many items @model has. */
static guint
assert_kept (GHashTable   *before,
             GListModel   *model,
             IdFunc        id_of,
             ContentsFunc  contents_of,
             const gint64 *changed)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 id = id_of (item);
      const Row *was = g_hash_table_lookup (before, &id);

      if (was == NULL)
        {
          g_assert_true (in_ids (changed, id));
          continue;
        }
      g_assert_true (was->item == item);
      if (in_ids (changed, id))
        g_assert_true (was->contents != contents_of (item));
      else
        g_assert_true (was->contents == contents_of (item));
    }
  return n;
}

/* Only the rows of @workers, @teams and @cases were made again (a full
 * reload makes them all again); then @rows are taken again. */
static void
assert_only_changed (Fixture      *fixture,
                     Rows         *rows,
                     const gint64 *workers,
                     const gint64 *teams,
                     const gint64 *cases)
{
  guint n;

  n = assert_kept (rows->workers, all_rows (sf_caseloads_page_get_worker_view (fixture->page)), worker_row_id,
                   worker_row_contents, workers);
  g_assert_cmpuint (n, ==, g_hash_table_size (rows->workers));
  n = assert_kept (rows->teams, all_rows (sf_caseloads_page_get_team_view (fixture->page)), team_row_id,
                   team_row_contents, teams);
  g_assert_cmpuint (n, ==, g_hash_table_size (rows->teams));
  assert_kept (rows->cases, sf_cases_view_get_all (fixture->view), case_row_id, case_row_contents, cases);
  rows_take (fixture, rows);
}

static SfCaseloadItem *
worker_row (Fixture *fixture,
            gint64   id)
{
  GListModel *model = all_rows (sf_caseloads_page_get_worker_view (fixture->page));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SfCaseloadItem) item = g_list_model_get_item (model, i);

      if (worker_row_id (item) == id)
        return item;
    }
  g_assert_not_reached ();
}

static SfCaseloadTeamItem *
team_row (Fixture    *fixture,
          const char *name)
{
  GListModel *model = all_rows (sf_caseloads_page_get_team_view (fixture->page));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SfCaseloadTeamItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (sf_caseload_team_item_get_name (item), name))
        return item;
    }
  g_assert_not_reached ();
}

/* The item of the case @id among all cases, or NULL */
static SfCaseItem *
case_row (Fixture *fixture,
          gint64   id)
{
  GListModel *model = sf_cases_view_get_all (fixture->view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SfCaseItem) item = g_list_model_get_item (model, i);

      if (sf_case_item_get_id (item) == id)
        return item;
    }
  return NULL;
}

static void
assert_worker (Fixture *fixture,
               gint64   id,
               guint    open,
               double   load,
               double   utilisation)
{
  SfRosterItem *roster = sf_caseload_item_get_roster_item (worker_row (fixture, id));

  g_assert_cmpuint (sf_roster_item_get_open_cases (roster), ==, open);
  g_assert_cmpfloat_with_epsilon (sf_roster_item_get_weighted_load (roster), load, EPS);
  g_assert_cmpfloat_with_epsilon (sf_roster_item_get_utilisation (roster), utilisation, EPS);
}

static void
assert_team (Fixture    *fixture,
             const char *name,
             guint       open,
             const char *load)
{
  SfCaseloadTeamItem *team = team_row (fixture, name);

  g_assert_cmpfloat_with_epsilon (sf_caseload_team_item_get_value (team, "open"), open, EPS);
  g_assert_cmpstr (sf_caseload_team_item_get_text (team, "load"), ==, load);
}

static const char *
dropdown_text (gpointer    widget,
               GType       type,
               const char *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (sf_test_child (widget, type, name));

  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)),
                                     gtk_drop_down_get_selected (dropdown));
}

/* The filters, the shown cases and the chosen one stay as they were */
static void
assert_view_kept (Fixture *fixture,
                  gint64   jp,
                  gint64   chosen,
                  guint    n_shown)
{
  g_autoptr(GArray) selected = sf_cases_view_get_selected_ids (fixture->view);

  g_assert_cmpuint (g_list_model_get_n_items (sf_caseloads_page_get_workers (fixture->page)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (sf_caseloads_page_get_teams (fixture->page)), ==, 1);
  g_assert_cmpstr (dropdown_text (fixture->page, SF_TYPE_CASELOADS_PAGE, "team_dropdown"), ==, "Familie");
  g_assert_cmpint (sf_cases_view_get_filter_caseworker (fixture->view), ==, jp);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sf_cases_view_get_selection (fixture->view))), ==,
                    n_shown);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpint (g_array_index (selected, gint64, 0), ==, chosen);
  g_assert_cmpstr (sf_caseloads_page_get_view (fixture->page), ==, "cases");
}

/* What a full reload shows of each caseworker, team and case */
static GPtrArray *
shown_texts (Fixture *fixture)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GListModel *workers = all_rows (sf_caseloads_page_get_worker_view (fixture->page));
  GListModel *teams = all_rows (sf_caseloads_page_get_team_view (fixture->page));
  GListModel *cases = sf_cases_view_get_all (fixture->view);

  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(SfCaseloadItem) item = g_list_model_get_item (workers, i);
      SfRosterItem *r = sf_caseload_item_get_roster_item (item);

      g_ptr_array_add (texts, g_strdup_printf ("%s %s %s %u %u %u %u %.17g %.17g %d", sf_roster_item_get_initials (r),
                                               sf_roster_item_get_name (r), sf_roster_item_get_team (r),
                                               sf_caseload_item_get_cases (item, SF_COMPLEXITY_ENKEL),
                                               sf_caseload_item_get_cases (item, SF_COMPLEXITY_KOMPLEKS),
                                               sf_caseload_item_get_cases (item, SF_COMPLEXITY_SAERLIGT_KOMPLICERET),
                                               sf_roster_item_get_open_cases (r), sf_roster_item_get_weighted_load (r),
                                               sf_roster_item_get_adjusted_norm (r), sf_roster_item_get_status (r)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SfCaseloadTeamItem) item = g_list_model_get_item (teams, i);

      g_ptr_array_add (texts, g_strdup_printf ("%s %s %s %s %s %d", sf_caseload_team_item_get_name (item),
                                               sf_caseload_team_item_get_text (item, "open"),
                                               sf_caseload_team_item_get_text (item, "uncovered"),
                                               sf_caseload_team_item_get_text (item, "load"),
                                               sf_caseload_team_item_get_text (item, "per-fte"),
                                               sf_caseload_team_item_get_position (item)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(SfCaseItem) item = g_list_model_get_item (cases, i);
      const char *cover = sf_case_item_get_cover (item);

      g_ptr_array_add (texts, g_strdup_printf ("%s %d %s %s %s %d %d %d", sf_case_item_get_reference (item),
                                               sf_case_item_get_complexity (item), sf_case_item_get_caseworker (item),
                                               cover != NULL ? cover : "", sf_case_item_get_area (item),
                                               sf_case_item_get_closed (item), sf_case_item_get_open (item),
                                               sf_case_item_get_uncovered (item)));
    }
  return texts;
}

/* Edits through core with the Caseloads page and the cases shown, the
 * page filtered to Familie and the cases to JP's (open and closed), S-44
 * (JP's) chosen.  Each edit makes again only the rows it changes, with
 * the figures worked out by hand (norms: Familie 20, Sygedagpenge 40);
 * the filters and the choice stay. */
static void
test_edits_update_in_place (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) live = NULL;
  g_autoptr(GPtrArray) reloaded = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  Rows rows = { NULL, NULL, NULL };
  gint64 mhj = worker_id (fixture, "MHJ");
  gint64 jp = worker_id (fixture, "JP");
  gint64 s44 = case_id (fixture, "S-44");
  gint64 s2 = case_id (fixture, "S-2");
  gint64 s3 = case_id (fixture, "S-3");
  gint64 familie = sf_test_query_int (fixture->store, "SELECT id FROM team WHERE name = 'Familie'");
  gint64 sygedagpenge = sf_test_query_int (fixture->store, "SELECT id FROM team WHERE name = 'Sygedagpenge'");
  gint64 added;
  SfCaseworker worker;

  sf_caseloads_page_set_filter (fixture->page, familie, 0, -1);
  sf_cases_view_set_filter (fixture->view, 0, jp, SF_CASES_SHOW_ALL);
  select_cases (fixture, (const char *[]) { "S-44", NULL });
  g_assert_cmpstr (dropdown_text (fixture->view, SF_TYPE_CASES_VIEW, "worker_dropdown"), ==, "JP · Jens Poulsen");
  assert_view_kept (fixture, jp, s44, 10);
  rows_take (fixture, &rows);

  /* Closing S-44 (kompleks), the one chosen: JP 10 → 9 (22.5 %); it
   * stays shown (open and closed are) and chosen */
  g_assert_true (sf_cases_close (fixture->store, &s44, 1, sf_day_today (), &error));
  g_assert_no_error (error);
  assert_only_changed (fixture, &rows, (gint64[]) { jp, 0 }, (gint64[]) { sygedagpenge, 0 }, (gint64[]) { s44, 0 });
  assert_worker (fixture, jp, 9, 9.0, 0.225);
  assert_team (fixture, "Sygedagpenge", 9, "9.0 / 40.0");
  assert_team (fixture, "Familie", 43, "45.5 / 60.0");
  g_assert_false (sf_case_item_get_open (case_row (fixture, s44)));
  g_assert_cmpint (sf_case_item_get_closed (case_row (fixture, s44)), ==, sf_day_today ());
  assert_view_kept (fixture, jp, s44, 10);

  /* S-2 (kompleks) from MHJ to JP: MHJ 4.5 → 3.5 (17.5 %), JP 9 → 10
   * (25 %); Familie 43 → 42 open cases, 45.5 → 44.5; it joins JP's */
  g_assert_true (sf_cases_reassign (fixture->store, &s2, 1, jp, &error));
  g_assert_no_error (error);
  assert_only_changed (fixture, &rows, (gint64[]) { mhj, jp, 0 }, (gint64[]) { familie, sygedagpenge, 0 },
                       (gint64[]) { s2, 0 });
  assert_worker (fixture, mhj, 3, 3.5, 0.175);
  assert_worker (fixture, jp, 10, 10.0, 0.25);
  assert_team (fixture, "Familie", 42, "44.5 / 60.0");
  assert_team (fixture, "Sygedagpenge", 10, "10.0 / 40.0");
  g_assert_cmpstr (sf_case_item_get_caseworker (case_row (fixture, s2)), ==, "JP · Jens Poulsen");
  g_assert_cmpint (sf_case_item_get_team_id (case_row (fixture, s2)), ==, sygedagpenge);
  g_assert_true (list_has (fixture, "S-2"));
  assert_view_kept (fixture, jp, s44, 11);

  /* A new enkel case for JP: 10 → 10.5 (26.25 %); it is listed */
  {
    SfCase kase = { .reference = (char *) "N-1", .complexity = SF_COMPLEXITY_ENKEL,
                    .start = sf_test_day ("2024-01-01"), .closed = SF_DAY_NONE, .caseworker_id = jp };

    added = sf_cases_add (fixture->store, &kase, &error);
    g_assert_no_error (error);
    g_assert_cmpint (added, >, 0);
  }
  assert_only_changed (fixture, &rows, (gint64[]) { jp, 0 }, (gint64[]) { sygedagpenge, 0 }, (gint64[]) { added, 0 });
  assert_worker (fixture, jp, 11, 10.5, 0.2625);
  assert_team (fixture, "Sygedagpenge", 11, "10.5 / 40.0");
  g_assert_nonnull (case_row (fixture, added));
  g_assert_true (list_has (fixture, "N-1"));
  g_assert_cmpuint (g_list_model_get_n_items (sf_cases_view_get_all (fixture->view)), ==, 54);
  assert_view_kept (fixture, jp, s44, 12);

  /* Deleting S-3 (kompleks, MHJ's): 3.5 → 2.5 (12.5 %), Familie 41 open
   * cases, 43.5; it is gone */
  g_assert_true (sf_cases_delete (fixture->store, &s3, 1, &error));
  g_assert_no_error (error);
  assert_only_changed (fixture, &rows, (gint64[]) { mhj, 0 }, (gint64[]) { familie, 0 }, (gint64[]) { 0 });
  assert_worker (fixture, mhj, 2, 2.5, 0.125);
  assert_team (fixture, "Familie", 41, "43.5 / 60.0");
  g_assert_null (case_row (fixture, s3));
  g_assert_cmpuint (g_list_model_get_n_items (sf_cases_view_get_all (fixture->view)), ==, 53);
  assert_view_kept (fixture, jp, s44, 12);

  /* JP is renamed: the figures stay, the name changes on JP's row, on
   * the 12 cases JP carries and in the list to filter by, which still
   * filters by JP */
  dataset = sf_store_load_dataset (fixture->store, &error);
  g_assert_no_error (error);
  worker = *sf_dataset_find_caseworker (dataset, jp);
  worker.name = (char *) "Jonna Poulsen";
  g_assert_cmpint (sf_roster_save_caseworker (fixture->store, &worker, NULL, 0, &error), ==, jp);
  g_assert_no_error (error);
  {
    g_autoptr(GArray) jps = g_array_new (TRUE, TRUE, sizeof (gint64));
    GListModel *cases = sf_cases_view_get_all (fixture->view);

    for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
      {
        g_autoptr(SfCaseItem) kase = g_list_model_get_item (cases, i);
        gint64 id = sf_case_item_get_id (kase);

        if (sf_case_item_get_caseworker_id (kase) == jp)
          g_array_append_val (jps, id);
      }
    g_assert_cmpuint (jps->len, ==, 12);
    assert_only_changed (fixture, &rows, (gint64[]) { jp, 0 }, (gint64[]) { sygedagpenge, 0 },
                         (const gint64 *) jps->data);
    for (guint i = 0; i < jps->len; i++)
      g_assert_cmpstr (sf_case_item_get_caseworker (case_row (fixture, g_array_index (jps, gint64, i))), ==,
                       "JP · Jonna Poulsen");
  }
  g_assert_cmpstr (sf_roster_item_get_name (sf_caseload_item_get_roster_item (worker_row (fixture, jp))), ==,
                   "Jonna Poulsen");
  assert_worker (fixture, jp, 11, 10.5, 0.2625);
  g_assert_cmpstr (dropdown_text (fixture->view, SF_TYPE_CASES_VIEW, "worker_dropdown"), ==, "JP · Jonna Poulsen");
  assert_view_kept (fixture, jp, s44, 12);

  /* All of it as a full reload shows it */
  live = shown_texts (fixture);
  sf_window_reload (fixture->window);
  reloaded = shown_texts (fixture);
  g_assert_cmpuint (live->len, ==, reloaded->len);
  for (guint i = 0; i < live->len; i++)
    g_assert_cmpstr (g_ptr_array_index (live, i), ==, g_ptr_array_index (reloaded, i));
  rows_clear (&rows);
}

/* 600 teams, 3,000 caseworkers, 47,400 cases: closing one case makes
 * again one caseworker's row, one team's and one case's; the list of
 * cases stays where it was scrolled to, with the case chosen. */
static void
test_edit_large_in_place (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GArray) selected = NULL;
  GtkAdjustment *vadjustment;
  Rows rows = { NULL, NULL, NULL };
  gint64 chosen = case_id (fixture, "S-1000");
  gint64 closed = case_id (fixture, "S-30000");
  gint64 worker = sf_test_query_int (fixture->store, "SELECT caseworker_id FROM casefile WHERE reference = 'S-30000'");
  gint64 team = sf_test_query_int (fixture->store,
                                   "SELECT team_id FROM caseworker WHERE id = (SELECT caseworker_id FROM casefile"
                                   " WHERE reference = 'S-30000')");
  double value;
  guint n_shown;

  g_assert_cmpuint (g_list_model_get_n_items (sf_cases_view_get_all (fixture->view)), ==, 47400);
  select_cases (fixture, (const char *[]) { "S-1000", NULL });
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (sf_test_child (fixture->view, SF_TYPE_CASES_VIEW, "case_view"), GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (vadjustment, 20000);
  sf_test_wait_for_frame ();
  value = gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (value, >, 0);
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (sf_cases_view_get_selection (fixture->view)));
  rows_take (fixture, &rows);

  g_timer_start (timer);
  g_assert_true (sf_cases_close (fixture->store, &closed, 1, sf_day_today (), &error));
  g_assert_no_error (error);
  g_test_message ("Closing one case of 47,400 took %.3f s", g_timer_elapsed (timer, NULL));
  sf_test_wait_for_frame ();

  assert_only_changed (fixture, &rows, (gint64[]) { worker, 0 }, (gint64[]) { team, 0 }, (gint64[]) { closed, 0 });
  /* Open cases are shown: it left the list */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sf_cases_view_get_selection (fixture->view))), ==,
                    n_shown - 1);
  selected = sf_cases_view_get_selected_ids (fixture->view);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_cmpint (g_array_index (selected, gint64, 0), ==, chosen);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, value);
  rows_clear (&rows);
}

static void
on_splice_cb (GListModel *model,
              guint       position,
              guint       removed,
              guint       added,
              guint      *n_splices)
{
  (*n_splices)++;
}

/* Random replacements, additions and removals, sparse and dense, made in
 * a list store: it holds what it should, the items not edited the very
 * same objects; edits close together are one splice. */
static void
test_list_edits (void)
{
  static const double densities[] = { 0.0005, 0.005, 0.05, 0.5 };

  for (guint round = 0; round < 80; round++)
    {
      g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();
      g_autoptr(GArray) edits = sf_list_edits_new ();
      double density = densities[round % G_N_ELEMENTS (densities)];
      guint n = g_test_rand_int_range (0, 3000);
      guint n_splices = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

          g_list_store_append (store, item);
        }
      for (guint p = 0; p <= n; p++)
        {
          g_autoptr(GObject) old = p < n ? g_list_model_get_item (G_LIST_MODEL (store), p) : NULL;
          double r = g_test_rand_double ();

          /* Added before @p first */
          while (g_test_rand_double () < density / 2)
            {
              GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

              g_ptr_array_add (expected, item);
              sf_list_edits_add (edits, p, NULL, item);
            }
          if (old == NULL)
            break;
          if (r < density / 2)
            {
              GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

              g_ptr_array_add (expected, item);
              sf_list_edits_add (edits, p, g_object_ref (old), item);
            }
          else if (r < density)
            sf_list_edits_add (edits, p, g_object_ref (old), NULL);
          else
            g_ptr_array_add (expected, old);
        }

      g_signal_connect (store, "items-changed", G_CALLBACK (on_splice_cb), &n_splices);
      sf_list_store_apply_edits (store, edits);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

          g_assert_true (item == expected->pdata[i]);
        }
      g_assert_cmpuint (n_splices, <=, edits->len);
    }

  /* 10 apart: one splice; 1,000 apart: two */
  for (guint gap = 10; gap <= 1000; gap *= 100)
    {
      g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
      g_autoptr(GArray) edits = sf_list_edits_new ();
      guint n_splices = 0;

      for (guint i = 0; i < 2000; i++)
        {
          g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

          g_list_store_append (store, item);
        }
      sf_list_edits_add (edits, 5, g_list_model_get_item (G_LIST_MODEL (store), 5), g_object_new (G_TYPE_OBJECT, NULL));
      sf_list_edits_add (edits, 5 + gap, g_list_model_get_item (G_LIST_MODEL (store), 5 + gap), NULL);
      g_signal_connect (store, "items-changed", G_CALLBACK (on_splice_cb), &n_splices);
      sf_list_store_apply_edits (store, edits);
      g_assert_cmpuint (n_splices, ==, gap == 10 ? 1 : 2);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1999);
    }
}

/* The caseworker drop-down is made again only when an edit changed what it
 * shows: a name, or the order (another team) */
static void
test_worker_choices_hold (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open (":memory:", &error);
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(GtkStringList) list = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  SfCaseworker *worker;
  char *name;
  gint64 team;

  g_assert_no_error (error);
  g_assert_true (sf_demo_populate (store, sf_test_day ("2026-03-31"), &error));
  dataset = sf_store_load_dataset (store, &error);
  g_assert_no_error (error);
  list = sf_worker_choices_new (dataset, "All", 0, FALSE, &ids);
  worker = &g_array_index (dataset->caseworkers, SfCaseworker, 0);
  g_array_append_val (changed, worker->id);

  /* Hours are not shown */
  worker->weekly_hours = 12;
  g_assert_true (sf_worker_choices_hold (list, ids, dataset, changed, FALSE));

  /* A new name is */
  name = worker->name;
  worker->name = g_strdup ("Someone Else");
  g_assert_false (sf_worker_choices_hold (list, ids, dataset, changed, FALSE));
  g_free (worker->name);
  worker->name = name;
  g_assert_true (sf_worker_choices_hold (list, ids, dataset, changed, FALSE));

  /* Another team puts them elsewhere, unless it sorts the same */
  team = worker->team_id;
  for (guint i = 0; i < dataset->teams->len; i++)
    {
      const SfTeam *other = &g_array_index (dataset->teams, SfTeam, i);
      const SfTeam *own = sf_dataset_find_team (dataset, team);

      if (g_utf8_collate (other->name, own->name) != 0)
        {
          g_autoptr(GtkStringList) moved = NULL;
          g_autoptr(GArray) moved_ids = NULL;
          gboolean same_place;

          worker->team_id = other->id;
          moved = sf_worker_choices_new (dataset, "All", 0, FALSE, &moved_ids);
          same_place = sf_worker_choices_find (moved_ids, worker->id) == sf_worker_choices_find (ids, worker->id);
          g_assert_true (sf_worker_choices_hold (list, ids, dataset, changed, FALSE) == same_place);
          g_assert_true (sf_worker_choices_hold (moved, moved_ids, dataset, changed, FALSE));
        }
    }
  worker->team_id = team;

  /* Someone the list does not know */
  g_array_index (changed, gint64, 0) = 999999;
  g_assert_false (sf_worker_choices_hold (list, ids, dataset, changed, FALSE));
}

/* ---- SfFilteredList ------------------------------------------------- */

/* A mirror of a list model kept only from its items-changed signals */
static void
on_mirror_items_changed_cb (GListModel *model,
                            guint       position,
                            guint       removed,
                            guint       added,
                            GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (model));
}

static gboolean
number_matches (gpointer item,
                gpointer user_data)
{
  guint modulus = *(guint *) user_data;
  guint number = (guint) g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);

  return modulus == 0 || number % modulus != 0;
}

/* What GtkFilterListModel shows, through random changes of the model and
 * of the filter, and items-changed signals that say so: a mirror kept
 * from them alone equals the list */
static void
test_filtered_list (void)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  guint modulus = 3;
  GtkCustomFilter *filter = gtk_custom_filter_new (number_matches, &modulus, NULL);
  g_autoptr(GtkFilterListModel) expected = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (strings)),
                                                                      g_object_ref (GTK_FILTER (filter)));
  g_autoptr(SfFilteredList) list = sf_filtered_list_new (G_LIST_MODEL (g_object_ref (strings)),
                                                         GTK_FILTER (filter));
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint next = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_mirror_items_changed_cb), mirror);
  for (guint step = 0; step < 2000; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (strings));

      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          modulus = g_rand_int_range (rand, 0, 5);
          gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
        }
      else
        {
          guint position = g_rand_int_range (rand, 0, n + 1);
          guint removed = g_rand_int_range (rand, 0, MIN (n - position, 4) + 1);
          guint added = g_rand_int_range (rand, 0, n < 50 ? 8 : 4);
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) additions = NULL;

          for (guint i = 0; i < added; i++)
            {
              g_autofree char *text = g_strdup_printf ("%u", next++);

              g_strv_builder_add (builder, text);
            }
          additions = g_strv_builder_end (builder);
          gtk_string_list_splice (strings, position, removed, (const char * const *) additions);
        }

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                        g_list_model_get_n_items (G_LIST_MODEL (expected)));
      g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (G_LIST_MODEL (expected)));
      for (guint i = 0; i < mirror->len; i++)
        {
          g_autoptr(GObject) want = g_list_model_get_item (G_LIST_MODEL (expected), i);
          g_autoptr(GObject) have = g_list_model_get_item (G_LIST_MODEL (list), i);

          g_assert_true (have == want);
          g_assert_true (g_ptr_array_index (mirror, i) == want);
        }
      g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), mirror->len));
    }
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == g_list_model_get_item_type (G_LIST_MODEL (strings)));
}

int
main (int   argc,
      char *argv[])
{
  sf_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/cases/list-and-filters", test_list_and_filters);
  ADD ("/gui/cases/add", test_add_case);
  ADD ("/gui/cases/refuse-cpr", test_refuse_cpr);
  ADD ("/gui/cases/reassign-preview", test_reassign_preview);
  ADD ("/gui/cases/close-many-undo", test_close_many_undo);
  ADD ("/gui/cases/cover", test_cover);
  ADD ("/gui/cases/counts", test_counts);
  ADD ("/gui/cases/pdf", test_pdf);
  ADD ("/gui/cases/many", test_many);
  ADD ("/gui/cases/edits-update-in-place", test_edits_update_in_place);
  g_test_add_func ("/gui/cases/list-edits", test_list_edits);
  g_test_add_func ("/gui/cases/filtered-list", test_filtered_list);
  g_test_add_func ("/gui/cases/worker-choices-hold", test_worker_choices_hold);
  g_test_add ("/gui/cases/edit-large-in-place", Fixture, GUINT_TO_POINTER (600), fixture_set_up,
              test_edit_large_in_place, fixture_tear_down);
#undef ADD

  return g_test_run ();
}
