/* test-conflict-gui.c: the conflict dialog of an edit dialog, driven
 * through the real widgets: the window and a caseworker's form on one
 * connection to a temporary database, another connection (another window
 * or program) changing the same caseworker before the form is saved.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sf-caseworker-dialog.h"
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
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fx->store = sf_test_open_store (&fx->dir);
  sf_test_import_example (fx->store);
  fx->mhj = sf_test_query_int (fx->store, "SELECT id FROM caseworker WHERE initials = 'MHJ'");
  path = g_build_filename (fx->dir, "test.db", NULL);
  fx->other = sf_store_open (path, &error);
  g_assert_no_error (error);
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

  g_assert_false (sf_caseworker_dialog_save (fx->editor));
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

  return g_test_run ();
}
