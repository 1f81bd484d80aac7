/* test-areas-gui.c: own case areas in the Preferences, the team form and
 * the Caseloads page, under Xvfb.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "sf-area-dialog.h"
#include "sf-caseload-item.h"
#include "sf-caseloads-page.h"
#include "sf-preferences-window.h"
#include "sf-team-dialog.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-caseloads-page-private.h"
#include "sf-window.h"

typedef SfTestFixture Fixture;

static void
set_text (gpointer    dialog,
          const char *row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sf_test_child (dialog, SF_TYPE_AREA_DIALOG, row)), text);
}

static gboolean
no_area_dialog (gpointer data)
{
  return sf_test_find_toplevel (SF_TYPE_AREA_DIALOG) == NULL;
}

static gboolean
area_dialog_shown (gpointer data)
{
  return sf_test_find_toplevel (SF_TYPE_AREA_DIALOG) != NULL;
}

static SfAreaDialog *
open_new_area (SfPreferencesWindow *preferences)
{
  SfAreaDialog *dialog;

  sf_test_click (sf_test_child (preferences, SF_TYPE_PREFERENCES_WINDOW, "add_area_button"));
  g_assert_true (sf_test_wait_until (area_dialog_shown, NULL));
  dialog = sf_test_find_toplevel (SF_TYPE_AREA_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  return sf_test_find_label (widget, text) != NULL;
}

typedef struct
{
  GtkWidget  *group;
  const char *name;
} NamedChild;

static gboolean
named_child_shown (gpointer data)
{
  NamedChild *child = data;

  return sf_test_find_named (child->group, child->name) != NULL;
}

static gboolean
named_child_gone (gpointer data)
{
  return !named_child_shown (data);
}

/* The Caseloads page lists the team "IPS-teamet" */
static gboolean
ips_team_listed (gpointer data)
{
  GListModel *teams = sf_caseloads_page_get_teams (data);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SfCaseloadTeamItem) item = g_list_model_get_item (teams, i);

      if (g_str_equal (sf_caseload_team_item_get_name (item), "IPS-teamet"))
        return TRUE;
    }
  return FALSE;
}

/* Added, refused with the field marked, shown with whose range it is;
 * the references beside the range; removal refused while used, and undone. */
static void
test_own_areas (Fixture       *fixture,
                gconstpointer  data)
{
  SfPreferencesWindow *preferences;
  SfAreaDialog *dialog;
  GtkWidget *empty, *group, *remove, *undo;
  g_autoptr(GError) error = NULL;
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(GBytes) roster = NULL;

  sf_test_import_example (fixture->store);
  preferences = sf_preferences_window_new (GTK_WINDOW (fixture->window), sf_window_get_context (fixture->window));
  gtk_window_present (GTK_WINDOW (preferences));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "areas");
  sf_test_wait_for_frame ();

  /* None yet: the empty state says what to do */
  empty = sf_test_child (preferences, SF_TYPE_PREFERENCES_WINDOW, "areas_empty");
  group = sf_test_child (preferences, SF_TYPE_PREFERENCES_WINDOW, "own_areas_group");
  g_assert_true (gtk_widget_get_visible (empty));
  g_assert_true (has_label (empty, "No Own Case Areas"));
  /* The references are shown where ranges are set */
  g_assert_true (has_label (GTK_WIDGET (preferences), "IPS: at most 25 per consultant"));

  dialog = open_new_area (preferences);
  g_assert_true (has_label (GTK_WIDGET (dialog), "IPS: at most 25 per consultant"));
  g_assert_true (has_label (GTK_WIDGET (dialog), "Supported Employment (Norway): 12–20 per job specialist, 17–18 on average"));
  g_assert_nonnull (sf_test_find_label (GTK_WIDGET (dialog), "Viden om begrænsede sagsstammer"));

  /* A range that is no number is refused in place, nothing typed lost */
  set_text (dialog, "name_row", "IPS-indsats");
  set_text (dialog, "key_row", "IPS");
  set_text (dialog, "low_row", "20");
  set_text (dialog, "high_row", "mange");
  g_assert_false (sf_edit_dialog_save (SF_EDIT_DIALOG (dialog)));
  g_assert_nonnull (strstr (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)), "“mange” is not a number"));
  g_assert_true (gtk_widget_has_css_class (sf_test_child (dialog, SF_TYPE_AREA_DIALOG, "high_row"), "error"));
  /* Half a range is refused too */
  set_text (dialog, "high_row", "");
  g_assert_false (sf_edit_dialog_save (SF_EDIT_DIALOG (dialog)));
  g_assert_cmpstr (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)), ==, "Give the range both a lower and an upper end, or neither.");
  g_assert_true (gtk_widget_has_css_class (sf_test_child (dialog, SF_TYPE_AREA_DIALOG, "high_row"), "error"));
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM area WHERE custom = 1"), ==, 0);

  set_text (dialog, "high_row", "25");
  set_text (dialog, "source_row", "Byrådets beslutning 2026");
  g_assert_true (sf_edit_dialog_save (SF_EDIT_DIALOG (dialog)));
  g_assert_true (sf_test_wait_until (no_area_dialog, NULL));
  g_assert_cmpint (sf_test_query_int (fixture->store,
                                      "SELECT count(*) FROM area WHERE custom = 1 AND key = 'ips'"
                                      " AND own_low = 20 AND own_high = 25"), ==, 1);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'area-add'"), ==, 1);
  g_assert_false (gtk_widget_get_visible (empty));
  g_assert_true (has_label (group, "IPS-indsats"));
  g_assert_true (has_label (group, "Key ips · own range 20–25 (the organisation’s, not DS’) · "
                                   "source: Byrådets beslutning 2026 · no teams"));

  /* Activating its row edits it, the form filled in */
  {
    GtkWidget *row = gtk_widget_get_ancestor (sf_test_find_label (group, "IPS-indsats"), ADW_TYPE_ACTION_ROW);

    g_assert_nonnull (row);
    adw_action_row_activate (ADW_ACTION_ROW (row));
    g_assert_true (sf_test_wait_until (area_dialog_shown, NULL));
    dialog = sf_test_find_toplevel (SF_TYPE_AREA_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Own Case Area");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sf_test_child (dialog, SF_TYPE_AREA_DIALOG, "key_row"))),
                     ==, "ips");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sf_test_child (dialog, SF_TYPE_AREA_DIALOG, "high_row"))),
                     ==, "25");
    set_text (dialog, "high_row", "22,5");
    g_assert_true (sf_edit_dialog_save (SF_EDIT_DIALOG (dialog)));
    g_assert_true (sf_test_wait_until (no_area_dialog, NULL));
    g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT own_high * 10 FROM area WHERE key = 'ips'"), ==, 225);
    g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'area-update'"), ==, 1);
    g_assert_true (has_label (group, "Key ips · own range 20–22.5 (the organisation’s, not DS’) · "
                                     "source: Byrådets beslutning 2026 · no teams"));
  }

  /* A second one without a range, its key made from the name */
  dialog = open_new_area (preferences);
  set_text (dialog, "name_row", "Mentorer");
  g_assert_true (sf_edit_dialog_save (SF_EDIT_DIALOG (dialog)));
  g_assert_true (sf_test_wait_until (no_area_dialog, NULL));
  g_assert_true (has_label (group, "Key mentorer · no range of its own · no teams"));

  /* A team in the area: its removal is refused, and says why */
  roster = sf_test_bytes ("team;omraade;initialer;navn;startdato\n"
                          "IPS-teamet;ips;AB;Anna Berg;2015-01-01\n");
  g_assert_true (sf_import_roster (fixture->store, roster, &result, &error));
  g_assert_no_error (error);
  remove = sf_test_find_named (group, "remove-area-ips");
  g_assert_nonnull (remove);
  sf_test_click (remove);
  /* Refused at once: nothing to wait for but what the click left to draw */
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM area WHERE key = 'ips'"), ==, 1);

  /* Removing an unused one offers undo, which brings it back as it was */
  remove = sf_test_find_named (group, "remove-area-mentorer");
  g_assert_nonnull (remove);
  sf_test_click (remove);
  g_assert_true (sf_test_wait_until (named_child_gone, &(NamedChild) { group, "remove-area-mentorer" }));
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM area WHERE key = 'mentorer'"), ==, 0);
  g_assert_null (sf_test_find_named (group, "remove-area-mentorer"));
  undo = sf_test_find_button (GTK_WIDGET (preferences), "_Undo");
  g_assert_nonnull (undo);
  sf_test_click (undo);
  g_assert_true (sf_test_wait_until (named_child_shown, &(NamedChild) { group, "remove-area-mentorer" }));
  g_assert_cmpint (sf_test_query_int (fixture->store,
                                      "SELECT count(*) FROM area WHERE key = 'mentorer' AND custom = 1"
                                      " AND own_high IS NULL"), ==, 1);
  g_assert_nonnull (sf_test_find_named (group, "remove-area-mentorer"));
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'area-remove'"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

static gint64
area_position (SfStore    *store,
               const char *key)
{
  g_autoptr(SfDataset) dataset = sf_store_load_dataset (store, NULL);

  for (guint i = 0; i < dataset->areas->len; i++)
    if (g_str_equal (g_array_index (dataset->areas, SfArea, i).key, key))
      return i;
  g_assert_not_reached ();
}

/* The team form says whose range a team has and that an own area without
 * one needs a cap; the Caseloads page shows the own range as the
 * organisation's. */
static void
test_team_and_caseloads (Fixture       *fixture,
                         gconstpointer  data)
{
  SfCaseloadsPage *page = sf_window_get_caseloads_page (fixture->window);
  g_autoptr(GError) error = NULL;
  SfTeamDialog *dialog;
  GtkWidget *ds_row, *footnote;
  SfArea ips = { .key = (char *) "ips", .name = (char *) "IPS-indsats", .own_low = 20, .own_high = 25,
                 .source = (char *) "Byrådet" };
  SfArea mentor = { .key = (char *) "mentor", .name = (char *) "Mentorer", .own_low = NAN, .own_high = NAN };
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(GBytes) roster = NULL;
  g_autoptr(GString) cases = g_string_new ("sagsnummer;initialer;kompleksitet\n");
  g_autoptr(GBytes) case_bytes = NULL;
  GListModel *teams;
  gboolean found = FALSE;

  g_assert_cmpint (sf_areas_add (fixture->store, &ips, &error), >, 0);
  g_assert_cmpint (sf_areas_add (fixture->store, &mentor, &error), >, 0);
  g_assert_no_error (error);

  dialog = sf_team_dialog_new (GTK_WINDOW (fixture->window), sf_window_get_context (fixture->window), 0);
  gtk_window_present (GTK_WINDOW (dialog));
  sf_test_wait_for_frame ();
  g_assert_true (has_label (GTK_WIDGET (dialog), "IPS: at most 25 per consultant"));
  gtk_editable_set_text (GTK_EDITABLE (sf_test_child (dialog, SF_TYPE_TEAM_DIALOG, "name_row")), "Mentorteamet");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sf_test_child (dialog, SF_TYPE_TEAM_DIALOG, "area_row")),
                              area_position (fixture->store, "mentor"));
  ds_row = sf_test_child (dialog, SF_TYPE_TEAM_DIALOG, "ds_row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ds_row)), ==, "The Organisation’s Own Range");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ds_row)), ==, "None: give the team a cap of its own");
  g_assert_false (sf_edit_dialog_save (SF_EDIT_DIALOG (dialog)));
  g_assert_cmpstr (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)), ==,
                   "“Mentorer” is an own case area without a range: give the team a cap of its own, "
                   "or give the area a range in Preferences.");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sf_test_child (dialog, SF_TYPE_TEAM_DIALOG, "area_row")),
                              area_position (fixture->store, "ips"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ds_row)), ==, "20–25 cases, not DS’ (source: Byrådet)");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* 28 open cases on one full-time caseworker: above the own 20–25 */
  roster = sf_test_bytes ("team;omraade;initialer;navn;startdato\n"
                          "IPS-teamet;ips;AB;Anna Berg;2015-01-01\n");
  g_assert_true (sf_import_roster (fixture->store, roster, &result, &error));
  g_assert_no_error (error);
  for (guint i = 1; i <= 28; i++)
    g_string_append_printf (cases, "I-%u;AB;kompleks\n", i);
  case_bytes = sf_test_bytes (cases->str);
  sf_import_result_clear (&result);
  g_assert_true (sf_import_cases (fixture->store, case_bytes, &result, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "caseloads"));
  g_assert_true (sf_test_wait_until (ips_team_listed, page));
  teams = sf_caseloads_page_get_teams (page);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(SfCaseloadTeamItem) item = g_list_model_get_item (teams, i);

      if (g_str_equal (sf_caseload_team_item_get_name (item), "IPS-teamet"))
        {
          g_assert_cmpstr (sf_caseload_team_item_get_text (item, "ds"), ==, "20–25 *");
          g_assert_cmpstr (sf_caseload_team_item_get_text (item, "position"), ==, "Above the own range");
          g_assert_cmpint (sf_caseload_team_item_get_position (item), ==, SF_TEAM_POSITION_ABOVE);
          found = TRUE;
        }
    }
  g_assert_true (found);
  footnote = sf_test_child (page, SF_TYPE_CASELOADS_PAGE, "footnote_label");
  g_assert_true (gtk_widget_get_visible (footnote));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (footnote)),
                            "* IPS-indsats: The organisation’s own case area: own range 20–25 "
                            "(the organisation’s, not DS’). Source: Byrådet."));

  /* The PDF report says the same under its table of teams.  To look at
   * it: SF_TEST_OUTPUT_DIR=/tmp meson test test-areas-gui */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (sf_caseloads_page_export_pdf (page, file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    if (g_getenv ("SF_TEST_OUTPUT_DIR") != NULL)
      {
        g_autofree char *copy = g_build_filename (g_getenv ("SF_TEST_OUTPUT_DIR"), "own-areas-report.pdf", NULL);

        g_assert_true (g_file_set_contents (copy, contents, length, NULL));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  sf_test_gui_init (&argc, &argv);

  g_test_add ("/areas-gui/own-areas", Fixture, NULL, sf_test_fixture_set_up, test_own_areas,
              sf_test_fixture_tear_down);
  g_test_add ("/areas-gui/team-and-caseloads", Fixture, NULL, sf_test_fixture_set_up, test_team_and_caseloads,
              sf_test_fixture_tear_down);

  return g_test_run ();
}
