/* test-conflict-gui.c: the conflict dialog of an edit dialog, driven
 * through the real widgets: the window and a caseworker's form on one
 * connection to a temporary database, another connection (another window
 * or program) changing the same caseworker before the form is saved; and
 * the same dialog where no form stays open (check marks and follow-up
 * intervals, planned hires, a team's norm, cases reopened, deleted or
 * covered together).
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sf-caseloads-page.h"
#include "sf-cases-view-private.h"
#include "sf-caseworker-dialog.h"
#include "sf-checklists-page-private.h"
#include "sf-planned-hires-window-private.h"
#include "sf-preferences-window.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-window.h"

typedef struct
{
  char               *dir;
  SfStore            *store;
  SfStore            *other;     /* another program on the same file */
  SfWindow           *window;
  SfCaseworkerDialog *editor;
  AdwMessageDialog   *first;     /* weak: the first conflict's dialog */
  gint64              mhj;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->store = sf_test_open_store (&fx->dir);
  sf_test_import_example (fx->store);
  fx->mhj = sf_test_query_int (fx->store, "SELECT id FROM caseworker WHERE initials = 'MHJ'");
  fx->other = sf_test_open_second_store (fx->store);
  fx->window = sf_test_present_window (fx->store);
  sf_test_wait_for_frame ();

  /* The manager opens MHJ's form and types 20 hours */
  fx->editor = sf_caseworker_dialog_new (GTK_WINDOW (fx->window), sf_window_get_context (fx->window),
                                         fx->mhj, 0);
  gtk_window_present (GTK_WINDOW (fx->editor));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sf_test_child (fx->editor, SF_TYPE_CASEWORKER_DIALOG,
                                                             "hours_spin")), 20);
  sf_test_wait_for_frame ();
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  sf_test_destroy_toplevels ();
  g_clear_object (&fx->other);
  g_clear_object (&fx->store);
  g_clear_pointer (&fx->dir, g_free);
}

/* Meanwhile another program gives MHJ 30 hours and a new name */
static void
change_elsewhere (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = sf_store_load_dataset (fx->other, &error);
  SfCaseworker worker = *sf_dataset_find_caseworker (dataset, fx->mhj);

  worker.weekly_hours = 30;
  worker.name = (char *) "Maja Holm Jensen";
  g_assert_cmpint (sf_roster_save_caseworker (fx->other, &worker, NULL, 0, &error), ==, fx->mhj);
  g_assert_no_error (error);
  /* The window hears of it (as its poll or a server's notification
   * would tell it) and reads the data again, form still open */
  sf_store_emit_changed_elsewhere (fx->store);
  sf_test_wait_for_frame ();
}

static double
stored_hours (Fixture *fx)
{
  g_autofree char *sql = g_strdup_printf ("SELECT weekly_hours FROM caseworker WHERE id = %" G_GINT64_FORMAT,
                                          fx->mhj);

  return (double) sf_test_query_int (fx->store, sql);
}

/* As a click on a response's button: the response, then the dialog closes */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
no_editor (gpointer data)
{
  return sf_test_find_toplevel (SF_TYPE_CASEWORKER_DIALOG) == NULL;
}

/* Saving shows the dialog: the fields that differ, theirs beside yours */
static AdwMessageDialog *
save_and_expect_conflict (Fixture *fx)
{
  AdwMessageDialog *dialog;
  GtkWidget *table;

  g_assert_false (sf_edit_dialog_save (SF_EDIT_DIALOG (fx->editor)));
  sf_test_wait_for_frame ();
  dialog = sf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  /* (SF_TEST_SHOTS: its picture, in the language of the environment) */
  sf_test_save_shot (GTK_WIDGET (dialog), "conflict-dialog.png");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Someone Else Changed This Caseworker");
  /* A file has no logins: another window or program, and when */
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "Another window or program changed it on "));
  table = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (table);
  g_assert_nonnull (sf_test_find_label (table, "Theirs"));
  g_assert_nonnull (sf_test_find_label (table, "Yours"));
  g_assert_nonnull (sf_test_find_label (table, "Weekly hours"));
  g_assert_nonnull (sf_test_find_label (table, "30"));
  g_assert_nonnull (sf_test_find_label (table, "20"));
  g_assert_nonnull (sf_test_find_label (table, "Name"));
  g_assert_nonnull (sf_test_find_label (table, "Maja Holm Jensen"));
  /* Fields that are the same on both sides are not listed */
  g_assert_null (sf_test_find_label (table, "Initials"));
  /* Nothing of the form's was written */
  g_assert_cmpfloat (stored_hours (fx), ==, 30);
  return dialog;
}

static void
test_apply_mine (Fixture       *fx,
                 gconstpointer  data)
{
  AdwMessageDialog *dialog;

  change_elsewhere (fx);
  dialog = save_and_expect_conflict (fx);

  respond (dialog, "mine");
  g_assert_true (sf_test_wait_until (no_editor, fx));
  g_assert_cmpfloat (stored_hours (fx), ==, 20);
  /* Mine on top of theirs: the form's name (MHJ's old one) went in too */
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count (*) FROM caseworker"
                                                 " WHERE name = 'Maja Holm Jensen'"), ==, 0);
}

static void
test_keep_theirs (Fixture       *fx,
                  gconstpointer  data)
{
  AdwMessageDialog *dialog;

  change_elsewhere (fx);
  dialog = save_and_expect_conflict (fx);
  respond (dialog, "theirs");
  g_assert_true (sf_test_wait_until (no_editor, fx));
  g_assert_cmpfloat (stored_hours (fx), ==, 30);
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count (*) FROM caseworker"
                                                 " WHERE name = 'Maja Holm Jensen'"), ==, 1);
}

static gboolean
first_gone_and_another (gpointer data)
{
  Fixture *fx = data;

  return fx->first == NULL && sf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Apply Mine meets another change made meanwhile: the dialog again */
static void
test_apply_mine_again (Fixture       *fx,
                       gconstpointer  data)
{
  AdwMessageDialog *dialog;

  change_elsewhere (fx);
  dialog = save_and_expect_conflict (fx);
  change_elsewhere (fx);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &fx->first);
  fx->first = dialog;
  respond (dialog, "mine");
  g_assert_true (sf_test_wait_until (first_gone_and_another, fx));
  g_assert_nonnull (sf_test_find_toplevel (SF_TYPE_CASEWORKER_DIALOG));
  dialog = sf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpfloat (stored_hours (fx), ==, 30);
  respond (dialog, "mine");
  g_assert_true (sf_test_wait_until (no_editor, fx));
  g_assert_cmpfloat (stored_hours (fx), ==, 20);
}

/* ---- rows without an edit dialog of their own ------------------------ */

/* A window on demonstration data, and another program on the same file */
typedef struct
{
  char     *dir;
  SfStore  *store;
  SfStore  *other;
  SfWindow *window;
  gint64    team_id;      /* Sygedagpenge */
} RowFixture;

static void
row_fixture_set_up (RowFixture    *fx,
                    gconstpointer  data)
{
  fx->store = sf_test_open_store (&fx->dir);
  fx->window = sf_test_present_window (fx->store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.demo", NULL));
  sf_test_wait_for_frame ();
  fx->team_id = sf_test_query_int (fx->store, "SELECT id FROM team WHERE name = 'Sygedagpenge'");
  fx->other = sf_test_open_second_store (fx->store);
}

static void
row_fixture_tear_down (RowFixture    *fx,
                       gconstpointer  data)
{
  sf_test_destroy_toplevels ();
  g_clear_object (&fx->other);
  g_clear_object (&fx->store);
  g_clear_pointer (&fx->dir, g_free);
}

/* The conflict dialog shown now, with @heading; theirs and yours in it */
static AdwMessageDialog *
expect_conflict (const char *heading,
                 const char *theirs,
                 const char *yours,
                 const char *shot)
{
  AdwMessageDialog *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *table;

  for (guint i = 0; dialog == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                     g_dgettext (GETTEXT_PACKAGE, heading)) == 0)
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  sf_test_save_shot (GTK_WIDGET (dialog), shot);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "Another window or program changed it on "));
  table = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (table);
  g_assert_nonnull (sf_test_find_label (table, theirs));
  g_assert_nonnull (sf_test_find_label (table, yours));
  return dialog;
}

static gint64
first_item (RowFixture *fx)
{
  return sf_test_query_int (fx->store, "SELECT min (i.id) FROM checklist_item i JOIN checklist c"
                                       " ON c.id = i.checklist_id WHERE c.removed = 0");
}

static char *
checked_by (RowFixture *fx)
{
  g_autofree char *sql = g_strdup_printf ("SELECT checked_by FROM checklist_item WHERE id = %" G_GINT64_FORMAT,
                                          first_item (fx));
  g_autoptr(SfDbStmt) stmt = sf_store_prepare (fx->store, sql, NULL);

  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  return g_strdup (sf_db_stmt_column_text (stmt, 0));
}

/* The Checklists page shows the team's new checklist of the first
 * shipped template, unchecked; returns its first item */
static gint64
show_new_checklist (RowFixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = sf_checklist_templates_load_default (&error);
  SfChecklistsPage *page = sf_window_get_checklists_page (fx->window);

  g_assert_no_error (error);
  sf_window_show_page (fx->window, "checklists");
  sf_checklists_page_select_team (page, fx->team_id);
  g_assert_cmpint (sf_checklist_create (fx->store, fx->team_id,
                                        ((SfChecklistTemplate *) g_ptr_array_index (templates, 0))->key, &error),
                   >, 0);
  g_assert_no_error (error);
  sf_test_wait_for_frame ();
  return first_item (fx);
}

/* The page shows the team's checklist unchecked; another program checks
 * its first item; the manager, not told yet, checks it too */
static AdwMessageDialog *
check_over_another (RowFixture *fx)
{
  g_autoptr(GError) error = NULL;
  SfChecklistsPage *page = sf_window_get_checklists_page (fx->window);
  AdwMessageDialog *form;
  GtkCheckButton *button;
  gint64 item = show_new_checklist (fx);

  button = sf_checklists_page_get_check_button (page, item);
  g_assert_nonnull (button);

  g_assert_true (sf_checklist_check (fx->other, item, sf_day_today (), "BB", "Done at the meeting", &error));
  g_assert_no_error (error);

  gtk_check_button_set_active (button, TRUE);
  form = sf_checklists_page_get_dialog (page);
  g_assert_nonnull (form);
  gtk_editable_set_text (GTK_EDITABLE (sf_test_find_named (adw_message_dialog_get_extra_child (form),
                                                           "initials-entry")), "PMK");
  adw_message_dialog_response (form, "check");
  sf_test_wait_for_frame ();
  return expect_conflict ("Someone Else Changed This Item", "BB", "PMK", "conflict-checklist.png");
}

static void
test_checklist_apply_mine (RowFixture    *fx,
                           gconstpointer  data)
{
  AdwMessageDialog *dialog = check_over_another (fx);
  g_autofree char *before = checked_by (fx);
  g_autofree char *after = NULL;

  /* Nothing of the manager's was written */
  g_assert_cmpstr (before, ==, "BB");
  respond (dialog, "mine");
  sf_test_wait_for_frame ();
  after = checked_by (fx);
  g_assert_cmpstr (after, ==, "PMK");
}

static void
test_checklist_keep_theirs (RowFixture    *fx,
                            gconstpointer  data)
{
  AdwMessageDialog *dialog = check_over_another (fx);
  g_autofree char *after = NULL;

  respond (dialog, "theirs");
  sf_test_wait_for_frame ();
  after = checked_by (fx);
  g_assert_cmpstr (after, ==, "BB");
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count (*) FROM checklist_event"), ==, 1);
}

/* The team's planned hires window lists one hire; another program
 * changes its hours; the manager removes it as shown */
static AdwMessageDialog *
remove_over_another (RowFixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hires = NULL;
  SfPlannedHire hire = { .weekly_hours = 37, .start = sf_test_day ("2027-02-01") };
  SfPlannedHiresWindow *window;
  GtkWidget *row;

  hire.team_id = fx->team_id;
  g_assert_cmpint (sf_planned_hire_save (fx->store, &hire, &error), >, 0);
  g_assert_no_error (error);
  window = sf_planned_hires_window_new (GTK_WINDOW (fx->window), fx->store, fx->team_id, "Sygedagpenge");
  gtk_window_present (GTK_WINDOW (window));
  sf_test_wait_for_frame ();

  hires = sf_planned_hires_load (fx->other, fx->team_id, &error);
  g_assert_no_error (error);
  g_array_index (hires, SfPlannedHire, 0).weekly_hours = 18.5;
  g_assert_cmpint (sf_planned_hire_save (fx->other, &g_array_index (hires, SfPlannedHire, 0), &error), >, 0);
  g_assert_no_error (error);

  row = GTK_WIDGET (gtk_list_box_get_row_at_index (window->hires_list, 0));
  sf_test_click (sf_test_find_widget (row, GTK_TYPE_BUTTON));
  sf_test_wait_for_frame ();
  return expect_conflict ("Someone Else Changed This Planned Hire", "18.5", "Removed", "conflict-hire.png");
}

static void
test_hire_apply_mine (RowFixture    *fx,
                      gconstpointer  data)
{
  AdwMessageDialog *dialog = remove_over_another (fx);

  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count (*) FROM planned_hire"), ==, 1);
  respond (dialog, "mine");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count (*) FROM planned_hire"), ==, 0);
}

static void
test_hire_keep_theirs (RowFixture    *fx,
                       gconstpointer  data)
{
  AdwMessageDialog *dialog = remove_over_another (fx);

  respond (dialog, "theirs");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT weekly_hours * 10 FROM planned_hire"), ==, 185);
}

/* A checklist item's follow-up interval: another program sets it; the
 * manager, not told yet, checks the item with another interval */
static AdwMessageDialog *
interval_over_another (RowFixture *fx)
{
  g_autoptr(GError) error = NULL;
  SfChecklistsPage *page = sf_window_get_checklists_page (fx->window);
  AdwMessageDialog *form;
  GtkWidget *extra;
  gint64 item = show_new_checklist (fx);

  g_assert_true (sf_checklist_set_review (fx->other, item, 7, &error));
  g_assert_no_error (error);

  gtk_check_button_set_active (sf_checklists_page_get_check_button (page, item), TRUE);
  form = sf_checklists_page_get_dialog (page);
  g_assert_nonnull (form);
  extra = adw_message_dialog_get_extra_child (form);
  gtk_editable_set_text (GTK_EDITABLE (sf_test_find_named (extra, "initials-entry")), "PMK");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sf_test_find_named (extra, "review-spin")), 2);
  adw_message_dialog_response (form, "check");
  sf_test_wait_for_frame ();
  return expect_conflict ("Someone Else Changed This Item", "7", "2", "conflict-interval.png");
}

static gint64
first_item_column (RowFixture *fx,
                   const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM checklist_item WHERE id = %" G_GINT64_FORMAT,
                                          column, first_item (fx));

  return sf_test_query_int (fx->store, sql);
}

static void
test_interval_apply_mine (RowFixture    *fx,
                          gconstpointer  data)
{
  AdwMessageDialog *dialog = interval_over_another (fx);
  g_autofree char *after = NULL;

  /* Nothing of the form's was written: no check, their interval */
  g_assert_cmpint (first_item_column (fx, "review_months"), ==, 7);
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count (*) FROM checklist_event"), ==, 0);
  respond (dialog, "mine");
  sf_test_wait_for_frame ();
  g_assert_cmpint (first_item_column (fx, "review_months"), ==, 2);
  after = checked_by (fx);
  g_assert_cmpstr (after, ==, "PMK");
}

static void
test_interval_keep_theirs (RowFixture    *fx,
                           gconstpointer  data)
{
  AdwMessageDialog *dialog = interval_over_another (fx);

  respond (dialog, "theirs");
  sf_test_wait_for_frame ();
  g_assert_cmpint (first_item_column (fx, "review_months"), ==, 7);
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count (*) FROM checklist_event"), ==, 0);
}

/* ---- a team's norm in the Preferences -------------------------------- */

static double
stored_norm (RowFixture *fx)
{
  g_autofree char *sql = g_strdup_printf ("SELECT cap * 10 FROM team WHERE id = %" G_GINT64_FORMAT, fx->team_id);

  return sf_test_query_int (fx->store, sql) / 10.0;
}

/* The Preferences show the team's norm; another program sets it to 18;
 * the manager, not told yet, enters 30 */
static AdwMessageDialog *
norm_over_another (RowFixture           *fx,
                   SfPreferencesWindow **out_window)
{
  g_autoptr(GError) error = NULL;
  SfPreferencesWindow *prefs;

  prefs = sf_preferences_window_new (GTK_WINDOW (fx->window), sf_window_get_context (fx->window));
  gtk_window_present (GTK_WINDOW (prefs));
  sf_test_wait_for_frame ();

  g_assert_true (sf_preferences_set_team_norm (fx->other, fx->team_id, 18, &error));
  g_assert_no_error (error);

  gtk_spin_button_set_value (sf_preferences_window_get_team_spin (prefs, fx->team_id), 30);
  sf_test_wait_for_frame ();
  *out_window = prefs;
  return expect_conflict ("Someone Else Changed This Team", "18", "30", "conflict-norm.png");
}

static void
test_norm_apply_mine (RowFixture    *fx,
                      gconstpointer  data)
{
  SfPreferencesWindow *prefs;
  AdwMessageDialog *dialog = norm_over_another (fx, &prefs);

  g_assert_cmpfloat (stored_norm (fx), ==, 18);
  respond (dialog, "mine");
  sf_test_wait_for_frame ();
  g_assert_cmpfloat (stored_norm (fx), ==, 30);
  g_assert_cmpfloat (gtk_spin_button_get_value (sf_preferences_window_get_team_spin (prefs, fx->team_id)), ==, 30);
}

static void
test_norm_keep_theirs (RowFixture    *fx,
                       gconstpointer  data)
{
  SfPreferencesWindow *prefs;
  AdwMessageDialog *dialog = norm_over_another (fx, &prefs);
  GtkSpinButton *spin;

  respond (dialog, "theirs");
  sf_test_wait_for_frame ();
  g_assert_cmpfloat (stored_norm (fx), ==, 18);
  spin = sf_preferences_window_get_team_spin (prefs, fx->team_id);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 18);
  /* Their team is the one read now: the next entry is written */
  gtk_spin_button_set_value (spin, 21);
  sf_test_wait_for_frame ();
  g_assert_null (sf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpfloat (stored_norm (fx), ==, 21);
}

/* ---- several cases at once: reopening, deleting, covering ------------ */

/* The example's cases listed in a window, and another program on the
 * same file */
typedef struct
{
  char        *dir;
  SfStore     *store;
  SfStore     *other;
  SfWindow    *window;
  SfCasesView *view;
} CaseFixture;

static void
case_fixture_set_up (CaseFixture   *fx,
                     gconstpointer  data)
{
  fx->store = sf_test_open_store (&fx->dir);
  sf_test_import_example (fx->store);
  fx->other = sf_test_open_second_store (fx->store);
  fx->window = sf_test_present_window (fx->store);
  fx->view = sf_caseloads_page_get_cases_view (sf_window_get_caseloads_page (fx->window));
  sf_test_wait_for_frame ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.show-page", "s", "cases"));
  sf_test_wait_for_frame ();
}

static void
case_fixture_tear_down (CaseFixture   *fx,
                        gconstpointer  data)
{
  sf_test_destroy_toplevels ();
  g_clear_object (&fx->other);
  g_clear_object (&fx->store);
  g_clear_pointer (&fx->dir, g_free);
}

#define case_id(fx, reference) sf_test_case_id ((fx)->store, (reference))
#define worker_id(fx, initials) sf_test_caseworker_id ((fx)->store, (initials))

static gint64
case_value (CaseFixture *fx,
            const char  *sql_expression,
            const char  *reference)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM casefile WHERE reference = '%s'", sql_expression,
                                          reference);

  return sf_test_query_int (fx->store, sql);
}

static void
choose (CaseFixture *fx,
        gint64      *ids,
        guint        n_ids)
{
  g_assert_true (sf_cases_view_select_ids (fx->view, ids, n_ids));
  sf_test_wait_for_frame ();
}

static void
activate (CaseFixture *fx,
          const char  *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), action, NULL));
  sf_test_wait_for_frame ();
}

/* S-6 is LK's; another program gives it MHJ as cover; the manager, not
 * told yet, deletes it */
static AdwMessageDialog *
delete_over_another (CaseFixture *fx)
{
  g_autoptr(GError) error = NULL;
  gint64 id = case_id (fx, "S-6");

  choose (fx, &id, 1);
  g_assert_true (sf_cases_set_cover (fx->other, &id, 1, worker_id (fx, "MHJ"), &error));
  g_assert_no_error (error);
  activate (fx, "cases.delete");
  return expect_conflict ("Someone Else Changed This Case", "MHJ", "Deleted", "conflict-case-delete.png");
}

static void
test_delete_apply_mine (CaseFixture   *fx,
                        gconstpointer  data)
{
  AdwMessageDialog *dialog = delete_over_another (fx);

  g_assert_cmpint (case_value (fx, "count (*)", "S-6"), ==, 1);
  respond (dialog, "mine");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count (*) FROM casefile WHERE reference = 'S-6'"), ==, 0);
  g_assert_cmpstr (adw_toast_get_title (sf_window_get_undo_toast (fx->window)), ==, "Deleted case S-6");
}

static void
test_delete_keep_theirs (CaseFixture   *fx,
                         gconstpointer  data)
{
  AdwMessageDialog *dialog = delete_over_another (fx);

  respond (dialog, "theirs");
  sf_test_wait_for_frame ();
  g_assert_cmpint (case_value (fx, "cover_id", "S-6"), ==, worker_id (fx, "MHJ"));
}

/* S-5 was closed (in this window); another program gives it to MHJ; the
 * manager, not told yet, reopens it */
static AdwMessageDialog *
reopen_over_another (CaseFixture *fx)
{
  g_autoptr(GError) error = NULL;
  gint64 id = case_id (fx, "S-5");

  g_assert_true (sf_cases_close (fx->store, &id, 1, sf_day_today (), &error));
  g_assert_no_error (error);
  sf_cases_view_set_filter (fx->view, 0, 0, SF_CASES_SHOW_ALL);
  sf_test_wait_for_frame ();
  choose (fx, &id, 1);
  g_assert_true (sf_cases_reassign (fx->other, &id, 1, worker_id (fx, "MHJ"), &error));
  g_assert_no_error (error);
  activate (fx, "cases.reopen");
  return expect_conflict ("Someone Else Changed This Case", "MHJ", "LK", "conflict-case-reopen.png");
}

static void
test_reopen_apply_mine (CaseFixture   *fx,
                        gconstpointer  data)
{
  AdwMessageDialog *dialog = reopen_over_another (fx);

  g_assert_cmpint (case_value (fx, "count (closed_date)", "S-5"), ==, 1);
  respond (dialog, "mine");
  sf_test_wait_for_frame ();
  /* Reopened on top of their change: MHJ's, open */
  g_assert_cmpint (case_value (fx, "count (closed_date)", "S-5"), ==, 0);
  g_assert_cmpint (case_value (fx, "caseworker_id", "S-5"), ==, worker_id (fx, "MHJ"));
}

static void
test_reopen_keep_theirs (CaseFixture   *fx,
                         gconstpointer  data)
{
  AdwMessageDialog *dialog = reopen_over_another (fx);

  respond (dialog, "theirs");
  sf_test_wait_for_frame ();
  g_assert_cmpint (case_value (fx, "count (closed_date)", "S-5"), ==, 1);
}

/* S-2 and S-3 are MHJ's; another program closes S-3; the manager, not
 * told yet, has LK cover both */
static AdwMessageDialog *
cover_over_another (CaseFixture *fx)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[2] = { case_id (fx, "S-2"), case_id (fx, "S-3") };
  AdwMessageDialog *dialog;

  choose (fx, ids, 2);
  activate (fx, "cases.cover");
  dialog = ADW_MESSAGE_DIALOG (sf_cases_view_get_dialog (fx->view));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  sf_test_choose_in_drop_down (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog)), "LK ·");

  g_assert_true (sf_cases_close (fx->other, &ids[1], 1, sf_day_today (), &error));
  g_assert_no_error (error);
  adw_message_dialog_response (dialog, "set");
  sf_test_wait_for_frame ();
  return expect_conflict ("Someone Else Changed This Case", "—", "LK", "conflict-case-cover.png");
}

static void
test_cover_apply_mine (CaseFixture   *fx,
                       gconstpointer  data)
{
  AdwMessageDialog *dialog = cover_over_another (fx);
  gint64 lk = worker_id (fx, "LK");

  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count (cover_id) FROM casefile"), ==, 0);
  respond (dialog, "mine");
  sf_test_wait_for_frame ();
  g_assert_cmpint (case_value (fx, "cover_id", "S-2"), ==, lk);
  g_assert_cmpint (case_value (fx, "cover_id", "S-3"), ==, lk);
  g_assert_cmpint (case_value (fx, "count (closed_date)", "S-3"), ==, 1);
}

static void
test_cover_keep_theirs (CaseFixture   *fx,
                        gconstpointer  data)
{
  AdwMessageDialog *dialog = cover_over_another (fx);

  respond (dialog, "theirs");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fx->store, "SELECT count (cover_id) FROM casefile"), ==, 0);
}

/* The undo of a reopening over someone's later change is refused and
 * says so; the case stays as they left it */
static void
test_reopen_undo_refused (CaseFixture   *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = case_id (fx, "S-5");
  AdwMessageDialog *said;

  g_assert_true (sf_cases_close (fx->store, &id, 1, sf_day_today (), &error));
  g_assert_no_error (error);
  sf_cases_view_set_filter (fx->view, 0, 0, SF_CASES_SHOW_ALL);
  sf_test_wait_for_frame ();
  choose (fx, &id, 1);
  activate (fx, "cases.reopen");
  g_assert_cmpint (case_value (fx, "count (closed_date)", "S-5"), ==, 0);
  g_assert_true (sf_cases_reassign (fx->other, &id, 1, worker_id (fx, "MHJ"), &error));
  g_assert_no_error (error);

  g_signal_emit_by_name (sf_window_get_undo_toast (fx->window), "button-clicked");
  sf_test_wait_for_frame ();
  said = sf_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (said);
  g_assert_cmpstr (adw_message_dialog_get_heading (said), ==, "Could Not Undo");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (said), "S-5"));
  g_assert_cmpint (case_value (fx, "count (closed_date)", "S-5"), ==, 0);
  g_assert_cmpint (case_value (fx, "caseworker_id", "S-5"), ==, worker_id (fx, "MHJ"));
}

int
main (int    argc,
      char **argv)
{
  sf_test_gui_init (&argc, &argv);
  if (g_getenv ("SF_TEST_SHOTS") != NULL)
    sf_i18n_init ();

  g_test_add ("/conflict-gui/apply-mine", Fixture, NULL, fixture_set_up, test_apply_mine, fixture_tear_down);
  g_test_add ("/conflict-gui/keep-theirs", Fixture, NULL, fixture_set_up, test_keep_theirs, fixture_tear_down);
  g_test_add ("/conflict-gui/apply-mine-again", Fixture, NULL, fixture_set_up, test_apply_mine_again,
              fixture_tear_down);

  g_test_add ("/conflict-gui/checklist/apply-mine", RowFixture, NULL, row_fixture_set_up,
              test_checklist_apply_mine, row_fixture_tear_down);
  g_test_add ("/conflict-gui/checklist/keep-theirs", RowFixture, NULL, row_fixture_set_up,
              test_checklist_keep_theirs, row_fixture_tear_down);
  g_test_add ("/conflict-gui/planned-hire/apply-mine", RowFixture, NULL, row_fixture_set_up,
              test_hire_apply_mine, row_fixture_tear_down);
  g_test_add ("/conflict-gui/planned-hire/keep-theirs", RowFixture, NULL, row_fixture_set_up,
              test_hire_keep_theirs, row_fixture_tear_down);

  g_test_add ("/conflict-gui/checklist-interval/apply-mine", RowFixture, NULL, row_fixture_set_up,
              test_interval_apply_mine, row_fixture_tear_down);
  g_test_add ("/conflict-gui/checklist-interval/keep-theirs", RowFixture, NULL, row_fixture_set_up,
              test_interval_keep_theirs, row_fixture_tear_down);
  g_test_add ("/conflict-gui/team-norm/apply-mine", RowFixture, NULL, row_fixture_set_up,
              test_norm_apply_mine, row_fixture_tear_down);
  g_test_add ("/conflict-gui/team-norm/keep-theirs", RowFixture, NULL, row_fixture_set_up,
              test_norm_keep_theirs, row_fixture_tear_down);

#define ADD_CASES(path, fn) g_test_add (path, CaseFixture, NULL, case_fixture_set_up, fn, case_fixture_tear_down)
  ADD_CASES ("/conflict-gui/cases-delete/apply-mine", test_delete_apply_mine);
  ADD_CASES ("/conflict-gui/cases-delete/keep-theirs", test_delete_keep_theirs);
  ADD_CASES ("/conflict-gui/cases-reopen/apply-mine", test_reopen_apply_mine);
  ADD_CASES ("/conflict-gui/cases-reopen/keep-theirs", test_reopen_keep_theirs);
  ADD_CASES ("/conflict-gui/cases-reopen/undo-refused", test_reopen_undo_refused);
  ADD_CASES ("/conflict-gui/cases-cover/apply-mine", test_cover_apply_mine);
  ADD_CASES ("/conflict-gui/cases-cover/keep-theirs", test_cover_keep_theirs);
#undef ADD_CASES

  return g_test_run ();
}
