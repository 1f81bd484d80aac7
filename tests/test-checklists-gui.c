/* test-checklists-gui.c: the Goal Markers page of the real window on a
 * temporary database, under Xvfb.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sf-checklist-pdf.h"
#include "sf-checklists-page-private.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-window.h"

typedef struct
{
  char             *dir;
  SfStore          *store;
  SfWindow         *window;
  SfChecklistsPage *page;
  gint64            team_id;
} Fixture;

static gint64
team_by_name (SfStore    *store,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = sf_store_load_dataset (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < dataset->teams->len; i++)
    {
      const SfTeam *team = &g_array_index (dataset->teams, SfTeam, i);

      if (g_str_equal (team->name, name))
        return team->id;
    }
  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = sf_test_open_store (&fixture->dir);
  fixture->window = sf_test_present_window (fixture->store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.demo", NULL));
  fixture->page = sf_window_get_checklists_page (fixture->window);
  fixture->team_id = team_by_name (fixture->store, "Sygedagpenge");
  sf_window_show_page (fixture->window, "checklists");
  sf_checklists_page_select_team (fixture->page, fixture->team_id);
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

static SfChecklist *
load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklists = sf_checklists_load (fixture->store, fixture->team_id, sf_day_today (), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (checklists->len, ==, 1);
  return g_ptr_array_steal_index (checklists, 0);
}

static gint64
item_id (Fixture    *fixture,
         const char *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklists = sf_checklists_load (fixture->store, fixture->team_id, sf_day_today (), &error);
  const SfChecklistItem *item = sf_checklists_find_item (checklists, reference, NULL);

  g_assert_nonnull (item);
  return item->id;
}

/* The widget named @name in @dialog's extra child. */
static GtkWidget *
field (AdwMessageDialog *dialog,
       const char       *name)
{
  GtkWidget *widget = sf_test_find_named (adw_message_dialog_get_extra_child (dialog), name);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_field (AdwMessageDialog *dialog,
           const char       *name,
           const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, name)), text);
}

static const char *
get_field (AdwMessageDialog *dialog,
           const char       *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (field (dialog, name)));
}

static void
test_empty_and_start (Fixture       *fixture,
                      gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autoptr(SfChecklist) checklist = NULL;
  GtkStack *stack;

  g_assert_cmpint (sf_checklists_page_get_team (fixture->page), ==, fixture->team_id);
  stack = GTK_STACK (sf_test_find_named (GTK_WIDGET (fixture->page), "content-stack"));
  g_assert_nonnull (stack);
  /* No checklists yet: the empty state says what to do */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "none");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "checklists.start", NULL));
  dialog = sf_checklists_page_get_dialog (fixture->page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Start a Checklist for Sygedagpenge");
  /* The templates in their order: the work procedures are the fourth */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog)), 3);
  adw_message_dialog_response (dialog, "start");
  sf_test_wait_for_frame ();

  checklist = load (fixture);
  g_assert_cmpstr (checklist->template_key, ==, "arbejdsgange");
  g_assert_cmpstr (sf_checklists_page_get_progress_text (fixture->page), ==, "0 of 22 items checked (0 %)");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* The same template again is not offered */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "checklists.start", NULL));
  dialog = sf_checklists_page_get_dialog (fixture->page);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog)))),
                    ==, 3);
  adw_message_dialog_response (dialog, "cancel");
}

static void
test_check_item (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfChecklist) checklist = NULL;
  const SfChecklistItem *item;
  GtkCheckButton *button;
  AdwMessageDialog *dialog;
  AdwToast *toast;
  gint64 law;

  g_assert_cmpint (sf_checklist_create (fixture->store, fixture->team_id, "arbejdsgange", &error), >, 0);
  g_assert_no_error (error);
  law = item_id (fixture, "arbejdsgange/ny-lovgivning");

  /* Ticking the box asks for date, initials and a note first */
  button = sf_checklists_page_get_check_button (fixture->page, law);
  g_assert_nonnull (button);
  g_assert_false (gtk_check_button_get_active (button));
  gtk_check_button_set_active (button, TRUE);
  g_assert_false (gtk_check_button_get_active (button));
  dialog = sf_checklists_page_get_dialog (fixture->page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Check Item");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Has new legislation, policy etc. arrived that matters for the work procedures?");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field (dialog, "review-spin"))), ==, 3);
  set_field (dialog, "initials-entry", "PMK");
  set_field (dialog, "note-entry", "Ny bekendtgørelse gennemgået på teammødet");
  adw_message_dialog_response (dialog, "check");
  sf_test_wait_for_frame ();

  checklist = load (fixture);
  item = sf_checklist_find_item (checklist, law);
  g_assert_cmpuint (item->checked_on, ==, sf_day_today ());
  g_assert_cmpstr (item->checked_by, ==, "PMK");
  g_assert_cmpstr (item->note, ==, "Ny bekendtgørelse gennemgået på teammødet");
  g_assert_cmpstr (sf_checklists_page_get_progress_text (fixture->page), ==, "1 of 22 items checked (5 %)");
  button = sf_checklists_page_get_check_button (fixture->page, law);
  g_assert_true (gtk_check_button_get_active (button));
  g_clear_pointer (&checklist, sf_checklist_free);

  /* A bad date loses nothing: the form comes back with what was typed */
  button = sf_checklists_page_get_check_button (fixture->page, item_id (fixture, "arbejdsgange/fora"));
  gtk_check_button_set_active (button, TRUE);
  dialog = sf_checklists_page_get_dialog (fixture->page);
  set_field (dialog, "date-entry", "31.13.2026");
  set_field (dialog, "initials-entry", "JBS");
  set_field (dialog, "note-entry", "Teammøde og MED");
  adw_message_dialog_response (dialog, "check");
  sf_test_wait_for_frame ();
  dialog = sf_checklists_page_get_dialog (fixture->page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (get_field (dialog, "date-entry"), ==, "31.13.2026");
  g_assert_cmpstr (get_field (dialog, "note-entry"), ==, "Teammøde og MED");
  g_assert_true (gtk_widget_get_visible (field (dialog, "error-label")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (field (dialog, "error-label"))),
                   ==, "“31.13.2026” is not a date. Write it as dd.mm.yyyy.");
  /* ... and so does a refusal from the rules (a CPR number in the note) */
  set_field (dialog, "date-entry", "");
  set_field (dialog, "note-entry", "Sag 010190-1234");
  {
    g_autofree char *today = sf_day_to_iso (sf_day_today ());

    set_field (dialog, "date-entry", today);
  }
  adw_message_dialog_response (dialog, "check");
  sf_test_wait_for_frame ();
  dialog = sf_checklists_page_get_dialog (fixture->page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (get_field (dialog, "note-entry"), ==, "Sag 010190-1234");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (field (dialog, "error-label"))), "CPR"));
  adw_message_dialog_response (dialog, "cancel");
  sf_test_wait_for_frame ();
  checklist = load (fixture);
  g_assert_cmpuint (checklist->n_checked, ==, 1);
  g_clear_pointer (&checklist, sf_checklist_free);

  /* Unticking takes the check back at once, with an undo */
  button = sf_checklists_page_get_check_button (fixture->page, law);
  gtk_check_button_set_active (button, FALSE);
  sf_test_wait_for_frame ();
  checklist = load (fixture);
  g_assert_cmpuint (sf_checklist_find_item (checklist, law)->checked_on, ==, SF_DAY_NONE);
  g_clear_pointer (&checklist, sf_checklist_free);
  toast = sf_window_get_undo_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Item unchecked");
  g_signal_emit_by_name (toast, "button-clicked");
  sf_test_wait_for_frame ();
  checklist = load (fixture);
  item = sf_checklist_find_item (checklist, law);
  g_assert_cmpuint (item->checked_on, ==, sf_day_today ());
  g_assert_cmpstr (item->checked_by, ==, "PMK");
  g_assert_cmpstr (item->note, ==, "Ny bekendtgørelse gennemgået på teammødet");
  g_assert_true (gtk_check_button_get_active (sf_checklists_page_get_check_button (fixture->page, law)));
}

static void
test_due_follow_up (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfChecklist) checklist = NULL;
  GPtrArray *alerts;
  AdwMessageDialog *dialog;
  gboolean found = FALSE;
  gint64 law;

  sf_checklist_create (fixture->store, fixture->team_id, "arbejdsgange", &error);
  law = item_id (fixture, "arbejdsgange/ny-lovgivning");
  g_assert_true (sf_checklist_check (fixture->store, law, sf_day_today () - 100, "PMK", "Ingen ændringer", &error));
  g_assert_no_error (error);
  sf_test_wait_for_frame ();

  /* Shown first on the page, and among the alerts as a warning */
  g_assert_nonnull (sf_test_find_named (GTK_WIDGET (fixture->page), "due-group"));
  g_assert_cmpstr (sf_checklists_page_get_progress_text (fixture->page), ==,
                   "1 of 22 items checked (5 %), 1 due for follow-up");
  alerts = sf_context_get_alerts (sf_window_get_context (fixture->window));
  for (guint i = 0; i < alerts->len; i++)
    {
      const SfAlert *alert = g_ptr_array_index (alerts, i);

      if (alert->kind == SF_ALERT_CHECKLIST_DUE)
        {
          found = TRUE;
          g_assert_cmpint (alert->severity, ==, SF_SEVERITY_WARNING);
          g_assert_cmpint (alert->team_id, ==, fixture->team_id);
        }
    }
  g_assert_true (found);

  /* Following up: the form shows the history and checks it again */
  g_signal_emit_by_name (sf_test_find_named (sf_test_find_named (GTK_WIDGET (fixture->page), "due-group"), "GtkButton"), "clicked");
  dialog = sf_checklists_page_get_dialog (fixture->page);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Follow Up on Item");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (field (dialog, "history-label"))), "Ingen ændringer"));
  g_assert_cmpstr (get_field (dialog, "initials-entry"), ==, "PMK");
  set_field (dialog, "note-entry", "Ny vejledning fra styrelsen");
  adw_message_dialog_response (dialog, "check");
  sf_test_wait_for_frame ();

  g_assert_null (sf_test_find_named (GTK_WIDGET (fixture->page), "due-group"));
  checklist = load (fixture);
  g_assert_cmpuint (checklist->n_due, ==, 0);
  alerts = sf_context_get_alerts (sf_window_get_context (fixture->window));
  for (guint i = 0; i < alerts->len; i++)
    g_assert_cmpint (((SfAlert *) g_ptr_array_index (alerts, i))->kind, !=, SF_ALERT_CHECKLIST_DUE);
}

static void
test_own_items_and_pdf (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfChecklist) checklist = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  AdwToast *toast;
  gint64 id, removed;
  gsize length;

  id = sf_checklist_create (fixture->store, fixture->team_id, "faglige-pejlemaerker", &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "checklists.add-item", "x", id));
  dialog = sf_checklists_page_get_dialog (fixture->page);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  set_field (dialog, "text-entry", "Sagsstammen drøftes i MED-udvalget");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field (dialog, "review-spin")), 6);
  adw_message_dialog_response (dialog, "add");
  sf_test_wait_for_frame ();
  checklist = load (fixture);
  g_assert_cmpuint (checklist->items->len, ==, 4);
  g_assert_cmpstr (((SfChecklistItem *) g_ptr_array_index (checklist->items, 3))->text, ==,
                   "Sagsstammen drøftes i MED-udvalget");
  g_assert_cmpuint (((SfChecklistItem *) g_ptr_array_index (checklist->items, 3))->review_months, ==, 6);
  removed = ((SfChecklistItem *) g_ptr_array_index (checklist->items, 0))->id;
  g_clear_pointer (&checklist, sf_checklist_free);

  /* Removing an item from its form, undone from the toast */
  gtk_check_button_set_active (sf_checklists_page_get_check_button (fixture->page, removed), TRUE);
  adw_message_dialog_response (sf_checklists_page_get_dialog (fixture->page), "remove");
  sf_test_wait_for_frame ();
  checklist = load (fixture);
  g_assert_cmpuint (checklist->items->len, ==, 3);
  g_clear_pointer (&checklist, sf_checklist_free);
  toast = sf_window_get_undo_toast (fixture->window);
  g_signal_emit_by_name (toast, "button-clicked");
  sf_test_wait_for_frame ();
  checklist = load (fixture);
  g_assert_cmpuint (checklist->items->len, ==, 4);

  /* Saved as a template */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "checklists.save-template", "x", id));
  dialog = sf_checklists_page_get_dialog (fixture->page);
  set_field (dialog, "title-entry", "Vores pejlemærker");
  adw_message_dialog_response (dialog, "save");
  sf_test_wait_for_frame ();
  {
    g_autoptr(GPtrArray) templates = sf_checklist_templates_load_all (fixture->store, &error);

    g_assert_nonnull (sf_checklist_templates_find (templates, "vores-pejlemaerker"));
  }

  /* The PDF for the meeting */
  path = g_build_filename (fixture->dir, "pejlemaerker.pdf", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (sf_checklist_pdf_export (checklist, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* A folder that does not exist: an error, no file */
  {
    g_autofree char *bad = g_build_filename (fixture->dir, "no", "such", "x.pdf", NULL);
    g_autoptr(GFile) bad_file = g_file_new_for_path (bad);

    g_assert_false (sf_checklist_pdf_export (checklist, bad_file, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  sf_test_gui_init (&argc, &argv);

  g_test_add ("/gui/checklists/empty-and-start", Fixture, NULL, fixture_set_up, test_empty_and_start, fixture_tear_down);
  g_test_add ("/gui/checklists/check-item", Fixture, NULL, fixture_set_up, test_check_item, fixture_tear_down);
  g_test_add ("/gui/checklists/due-follow-up", Fixture, NULL, fixture_set_up, test_due_follow_up, fixture_tear_down);
  g_test_add ("/gui/checklists/own-items-and-pdf", Fixture, NULL, fixture_set_up, test_own_items_and_pdf,
              fixture_tear_down);

  return g_test_run ();
}
