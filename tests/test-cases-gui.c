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
#include "sf-reassign-dialog.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-window.h"

#define EPS 1e-9

typedef struct
{
  char            *dir;
  SfStore         *store;
  SfWindow        *window;
  SfCaseloadsPage *page;
  SfCasesView     *view;
} Fixture;

/* The example of sf_test_import_example(), on the page of cases. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = sf_test_open_store (&fixture->dir);
  sf_test_import_example (fixture->store);

  fixture->window = sf_test_present_window (fixture->store);
  fixture->page = sf_window_get_caseloads_page (fixture->window);
  fixture->view = sf_caseloads_page_get_cases_view (fixture->page);
  sf_test_spin (50);

  /* Alt+6: the cases, as a manager reaches them */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "cases"));
  sf_test_spin (20);
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
  sf_test_spin (20);
}

static gint64
worker_id (Fixture    *fixture,
           const char *initials)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM caseworker WHERE initials = '%s'", initials);

  return sf_test_query_int (fixture->store, sql);
}

static gint64
case_id (Fixture    *fixture,
         const char *reference)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM casefile WHERE reference = '%s'", reference);

  return sf_test_query_int (fixture->store, sql);
}

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
  sf_test_spin (10);
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
  g_assert_nonnull (sf_case_dialog_get_error (dialog));
  g_assert_nonnull (strstr (sf_case_dialog_get_error (dialog), "CPR"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_get_visible (sf_test_child (dialog, SF_TYPE_CASE_DIALOG, "error_label")));

  sf_test_click (sf_test_child (dialog, SF_TYPE_CASE_DIALOG, "save_button"));
  g_assert_true (sf_cases_view_get_dialog (fixture->view) == GTK_WINDOW (dialog));
  g_assert_nonnull (strstr (sf_case_dialog_get_error (dialog), "CPR"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "010190-1234");
  g_assert_cmpint (sf_store_count (fixture->store, "casefile"), ==, 53);

  /* Ten digits forming a date are refused too */
  gtk_editable_set_text (GTK_EDITABLE (row), "0101901234");
  g_assert_nonnull (strstr (sf_case_dialog_get_error (dialog), "CPR"));

  /* A case number is fine, and clears the message */
  gtk_editable_set_text (GTK_EDITABLE (row), "S-1");
  g_assert_null (sf_case_dialog_get_error (dialog));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* … unless another case has it */
  sf_test_click (sf_test_child (dialog, SF_TYPE_CASE_DIALOG, "save_button"));
  g_assert_nonnull (strstr (sf_case_dialog_get_error (dialog), "S-1"));
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

  sf_test_click (sf_test_child (dialog, SF_TYPE_REASSIGN_DIALOG, "reassign_button"));
  g_assert_null (sf_cases_view_get_dialog (fixture->view));
  sql = g_strdup_printf ("SELECT count(*) FROM casefile WHERE reference IN ('S-1', 'S-4')"
                         " AND caseworker_id = %" G_GINT64_FORMAT, worker_id (fixture, "SB"));
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, 2);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "MHJ"), 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "SB"), 21.5, EPS);
  g_assert_cmpint (sf_roster_item_get_status (worker_item (fixture, "SB")), ==, SF_STATUS_OVER);

  /* Undo gives them back */
  toast = sf_cases_view_get_undo_toast (fixture->view);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "SB"));
  g_signal_emit_by_name (toast, "button-clicked");
  sf_test_spin (20);
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

  toast = sf_cases_view_get_undo_toast (fixture->view);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Closed 3 cases");
  g_signal_emit_by_name (toast, "button-clicked");
  sf_test_spin (20);
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
    toast = sf_cases_view_get_undo_toast (fixture->view);
    g_assert_cmpstr (adw_toast_get_title (toast), ==, "Deleted case S-6");
    g_signal_emit_by_name (toast, "button-clicked");
    sf_test_spin (20);
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
  GListModel *names;
  g_autofree char *sql = NULL;
  guint lk = GTK_INVALID_LIST_POSITION;

  select_cases (fixture, (const char *[]) { "S-2", "S-3", NULL });
  activate (fixture, "cases.cover");
  dialog = ADW_MESSAGE_DIALOG (sf_cases_view_get_dialog (fixture->view));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  names = gtk_drop_down_get_model (dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "LK ·"))
      lk = i;
  g_assert_cmpuint (lk, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (dropdown, lk);
  adw_message_dialog_response (dialog, "set");
  sf_test_spin (20);

  sql = g_strdup_printf ("SELECT count(*) FROM casefile WHERE cover_id = %" G_GINT64_FORMAT,
                         worker_id (fixture, "LK"));
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, 2);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "LK"), 24.0, EPS);
  g_assert_cmpfloat_with_epsilon (load_of (fixture, "MHJ"), 2.5, EPS);
  g_assert_nonnull (strstr (adw_toast_get_title (sf_cases_view_get_undo_toast (fixture->view)), "LK covers"));

  /* The cases stay chosen?  Choose them again and end the cover */
  select_cases (fixture, (const char *[]) { "S-2", "S-3", NULL });
  activate (fixture, "cases.cover");
  dialog = ADW_MESSAGE_DIALOG (sf_cases_view_get_dialog (fixture->view));
  dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  /* The current cover is offered first */
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, lk);
  gtk_drop_down_set_selected (dropdown, 0);
  adw_message_dialog_response (dialog, "set");
  sf_test_spin (20);
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

  toast = sf_cases_view_get_undo_toast (fixture->view);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Counts saved for JP: 0 added, 2 closed");
  g_signal_emit_by_name (toast, "button-clicked");
  sf_test_spin (20);
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
  sf_test_spin (50);
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
#undef ADD

  return g_test_run ();
}
