/* test-teams-gui.c: the Teams page and its dialogs, driven through the real
 * widgets on a temporary database, under Xvfb.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sf-caseworker-dialog.h"
#include "sf-reduction-row.h"
#include "sf-roster-item.h"
#include "sf-suggest-dialog.h"
#include "sf-team-dialog.h"
#include "sf-team-item.h"
#include "sf-teams-page.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-teams-page-private.h"
#include "sf-window.h"

typedef struct
{
  char        *dir;
  SfStore     *store;
  SfWindow    *window;
  SfTeamsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = sf_test_open_store (&fixture->dir);
  fixture->window = sf_test_present_window (fixture->store);
  fixture->page = sf_window_get_teams_page (fixture->window);
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
set_text (gpointer    dialog,
          GType       type,
          const char *row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sf_test_child (dialog, type, row)), text);
}

static void
press_save (gpointer dialog,
            GType    type)
{
  sf_test_click (sf_test_child (dialog, type, "save_button"));
}

static void
activate (Fixture    *fixture,
          GtkWidget  *widget,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  sf_test_wait_for_frame ();
}

static gint64
make_team (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  SfTeam team = { 0, (char *) name, sf_test_query_int (fixture->store, "SELECT id FROM area WHERE key = 'boern-familie'"), 0 };
  gint64 id = sf_roster_save_team (fixture->store, &team, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
make_worker (Fixture    *fixture,
             const char *initials,
             const char *name,
             gint64      team_id)
{
  g_autoptr(GError) error = NULL;
  SfCaseworker w = { 0 };
  gint64 id;

  w.initials = (char *) initials;
  w.name = (char *) name;
  w.team_id = team_id;
  w.weekly_hours = 37;
  w.individual_factor = 1;
  id = sf_roster_save_caseworker (fixture->store, &w, NULL, 0, &error);
  g_assert_no_error (error);
  return id;
}

/* The position of the entry labelled @label in a dialog's drop-down. */
static guint
choice_position (GtkDropDown *dropdown,
                 const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      return i;
  g_assert_not_reached ();
}

/* The row of the team @team_id in the list as shown; the list holds it. */
static SfTeamItem *
team_item (Fixture *fixture,
           gint64   team_id)
{
  GListModel *model = sf_teams_page_get_team_model (fixture->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SfTeamItem) item = g_list_model_get_item (model, i);

      if (sf_team_item_get_id (item) == team_id)
        return item;
    }
  return NULL;
}

static void
assert_utilisation (Fixture    *fixture,
                    gint64      team_id,
                    const char *expected)
{
  g_autofree char *text = NULL;

  g_object_get (team_item (fixture, team_id), "utilisation-text", &text, NULL);
  g_assert_cmpstr (text, ==, expected);
}

/* The row of @caseworker_id among the chosen team's members, or NULL;
 * the list holds it. */
static SfRosterItem *
member_item (Fixture *fixture,
             gint64   caseworker_id)
{
  GListModel *model = sf_teams_page_get_member_model (fixture->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SfRosterItem) item = g_list_model_get_item (model, i);

      if (sf_roster_item_get_id (item) == caseworker_id)
        return item;
    }
  return NULL;
}

/* The chosen team, as the page and its list see it, and its heading. */
static void
assert_selected_team (Fixture *fixture,
                      gint64   team_id)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (sf_teams_page_get_team_model (fixture->page));
  SfTeamItem *item = gtk_single_selection_get_selected_item (selection);
  GtkLabel *subtitle = GTK_LABEL (sf_test_child (fixture->page, SF_TYPE_TEAMS_PAGE, "team_subtitle"));

  g_assert_cmpint (sf_teams_page_get_selected_team (fixture->page), ==, team_id);
  g_assert_nonnull (item);
  g_assert_cmpint (sf_team_item_get_id (item), ==, team_id);
  g_assert_cmpstr (gtk_label_get_label (subtitle), ==, sf_team_item_get_summary (item));
}

/* ---- tests ------------------------------------------------------------------ */

static void
test_create_team (Fixture       *fixture,
                  gconstpointer  data)
{
  SfTeamDialog *dialog;
  g_autofree char *sql = NULL;

  /* The empty state offers to create a team */
  g_assert_cmpstr (sf_window_get_visible_page (fixture->window), ==, "empty");
  activate (fixture, GTK_WIDGET (fixture->window), "win.new-team");
  dialog = SF_TEAM_DIALOG (sf_teams_page_get_dialog (fixture->page));
  g_assert_true (SF_IS_TEAM_DIALOG (dialog));

  /* A name is needed; a cap that is no number is refused in place */
  press_save (dialog, SF_TYPE_TEAM_DIALOG);
  g_assert_nonnull (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)));
  g_assert_true (gtk_widget_has_css_class (sf_test_child (dialog, SF_TYPE_TEAM_DIALOG, "name_row"), "error"));
  set_text (dialog, SF_TYPE_TEAM_DIALOG, "name_row", "Modtageteam");
  set_text (dialog, SF_TYPE_TEAM_DIALOG, "cap_row", "mange");
  press_save (dialog, SF_TYPE_TEAM_DIALOG);
  g_assert_nonnull (strstr (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)), "mange"));
  g_assert_true (gtk_widget_has_css_class (sf_test_child (dialog, SF_TYPE_TEAM_DIALOG, "cap_row"), "error"));
  set_text (dialog, SF_TYPE_TEAM_DIALOG, "cap_row", "0");
  press_save (dialog, SF_TYPE_TEAM_DIALOG);
  g_assert_nonnull (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)));
  g_assert_cmpint (sf_store_count (fixture->store, "team"), ==, 0);
  /* Nothing typed was lost */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sf_test_child (dialog, SF_TYPE_TEAM_DIALOG, "name_row"))),
                   ==, "Modtageteam");

  adw_combo_row_set_selected (ADW_COMBO_ROW (sf_test_child (dialog, SF_TYPE_TEAM_DIALOG, "area_row")), 1);
  set_text (dialog, SF_TYPE_TEAM_DIALOG, "cap_row", "24,5");
  press_save (dialog, SF_TYPE_TEAM_DIALOG);
  g_assert_null (sf_teams_page_get_dialog (fixture->page));

  g_assert_cmpint (sf_store_count (fixture->store, "team"), ==, 1);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT cap * 10 FROM team WHERE name = 'Modtageteam'"), ==, 245);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT area_id FROM team"), ==,
                   sf_test_query_int (fixture->store, "SELECT id FROM area ORDER BY id LIMIT 1 OFFSET 1"));
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'team-create'"), ==, 1);

  /* The window shows the team at once, chosen */
  g_assert_cmpstr (sf_window_get_visible_page (fixture->window), ==, "teams");
  g_assert_cmpuint (g_list_model_get_n_items (sf_teams_page_get_team_model (fixture->page)), ==, 1);
  g_assert_cmpint (sf_teams_page_get_selected_team (fixture->page), ==,
                   sf_test_query_int (fixture->store, "SELECT id FROM team"));

  /* A second team with the same name, whatever its case, is refused */
  activate (fixture, GTK_WIDGET (fixture->window), "win.new-team");
  dialog = SF_TEAM_DIALOG (sf_teams_page_get_dialog (fixture->page));
  set_text (dialog, SF_TYPE_TEAM_DIALOG, "name_row", "MODTAGETEAM");
  press_save (dialog, SF_TYPE_TEAM_DIALOG);
  g_assert_nonnull (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)));
  g_assert_true (gtk_widget_has_css_class (sf_test_child (dialog, SF_TYPE_TEAM_DIALOG, "name_row"), "error"));
  g_assert_cmpint (sf_store_count (fixture->store, "team"), ==, 1);

  /* Editing keeps the id */
  gtk_window_destroy (GTK_WINDOW (dialog));
  activate (fixture, GTK_WIDGET (fixture->page), "teams.edit-team");
  dialog = SF_TEAM_DIALOG (sf_teams_page_get_dialog (fixture->page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sf_test_child (dialog, SF_TYPE_TEAM_DIALOG, "cap_row"))), ==,
                   "24.5");
  set_text (dialog, SF_TYPE_TEAM_DIALOG, "name_row", "Modtageteam Nord");
  set_text (dialog, SF_TYPE_TEAM_DIALOG, "cap_row", "");
  press_save (dialog, SF_TYPE_TEAM_DIALOG);
  sql = g_strdup ("SELECT count(*) FROM team WHERE name = 'Modtageteam Nord' AND cap IS NULL");
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, 1);
}

static void
test_create_caseworker (Fixture       *fixture,
                        gconstpointer  data)
{
  SfCaseworkerDialog *dialog;
  SfReductionRow *reduction;
  gint64 team = make_team (fixture, "Modtageteam");
  gint64 other = make_team (fixture, "Sygedagpenge");
  GListModel *members;
  g_autoptr(SfRosterItem) item = NULL;

  g_assert_true (sf_teams_page_select_team (fixture->page, team));
  activate (fixture, GTK_WIDGET (fixture->window), "win.new-caseworker");
  dialog = SF_CASEWORKER_DIALOG (sf_teams_page_get_dialog (fixture->page));
  g_assert_true (SF_IS_CASEWORKER_DIALOG (dialog));

  set_text (dialog, SF_TYPE_CASEWORKER_DIALOG, "initials_row", "AB");
  set_text (dialog, SF_TYPE_CASEWORKER_DIALOG, "name_row", "Anne Bach");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sf_test_child (dialog, SF_TYPE_CASEWORKER_DIALOG, "hours_spin")), 10);

  /* A reduction of more hours than the weekly hours is refused in place */
  sf_caseworker_dialog_add_reduction (dialog);
  reduction = SF_REDUCTION_ROW (sf_test_find_widget (sf_test_child (dialog, SF_TYPE_CASEWORKER_DIALOG, "reductions_group"),
                                                     SF_TYPE_REDUCTION_ROW));
  sf_reduction_row_set_hours (reduction, 12);
  press_save (dialog, SF_TYPE_CASEWORKER_DIALOG);
  g_assert_nonnull (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)));
  g_assert_nonnull (strstr (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)), "12"));
  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), ==, 0);

  /* A factor below 1 needs its reason */
  sf_reduction_row_set_hours (reduction, 2.5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sf_test_child (dialog, SF_TYPE_CASEWORKER_DIALOG, "factor_spin")), 0.5);
  press_save (dialog, SF_TYPE_CASEWORKER_DIALOG);
  g_assert_nonnull (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)));
  g_assert_true (gtk_widget_has_css_class (sf_test_child (dialog, SF_TYPE_CASEWORKER_DIALOG, "factor_reason_row"), "error"));
  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), ==, 0);

  set_text (dialog, SF_TYPE_CASEWORKER_DIALOG, "factor_reason_row", "Delvis raskmeldt");
  press_save (dialog, SF_TYPE_CASEWORKER_DIALOG);
  g_assert_null (sf_teams_page_get_dialog (fixture->page));

  g_assert_cmpint (sf_test_query_int (fixture->store,
                                      "SELECT count(*) FROM caseworker WHERE initials = 'AB' AND name = 'Anne Bach'"
                                      " AND weekly_hours = 10 AND individual_factor = 0.5"
                                      " AND factor_reason = 'Delvis raskmeldt'"), ==, 1);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT hours * 10 FROM reduction"), ==, 25);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT team_id FROM caseworker"), ==, team);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'caseworker-create'"), ==, 1);

  /* The team's roster shows the new caseworker with the norm core computes:
   * 30 × (10 − 2.5)/37 × 0.5 = 3.04… */
  members = sf_teams_page_get_member_model (fixture->page);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 1);
  item = g_list_model_get_item (members, 0);
  g_assert_cmpstr (sf_roster_item_get_initials (item), ==, "AB");
  g_assert_cmpfloat_with_epsilon (sf_roster_item_get_adjusted_norm (item), 30.0 * 7.5 / 37 * 0.5, 1e-9);

  /* Initials are unique whatever their case: refused as typed */
  g_assert_true (sf_teams_page_select_team (fixture->page, other));
  activate (fixture, GTK_WIDGET (fixture->window), "win.new-caseworker");
  dialog = SF_CASEWORKER_DIALOG (sf_teams_page_get_dialog (fixture->page));
  set_text (dialog, SF_TYPE_CASEWORKER_DIALOG, "initials_row", "ab");
  g_assert_nonnull (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)));
  g_assert_true (gtk_widget_has_css_class (sf_test_child (dialog, SF_TYPE_CASEWORKER_DIALOG, "initials_row"), "error"));
  set_text (dialog, SF_TYPE_CASEWORKER_DIALOG, "name_row", "Anders Berg");
  press_save (dialog, SF_TYPE_CASEWORKER_DIALOG);
  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), ==, 1);
  set_text (dialog, SF_TYPE_CASEWORKER_DIALOG, "initials_row", "ABE");
  g_assert_null (sf_edit_dialog_get_error (SF_EDIT_DIALOG (dialog)));
  press_save (dialog, SF_TYPE_CASEWORKER_DIALOG);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT team_id FROM caseworker WHERE initials = 'ABE'"), ==, other);
}

static void
test_remove_caseworker_undo (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 team = make_team (fixture, "Modtageteam");
  gint64 ab = make_worker (fixture, "AB", "Anne Bach", team);
  gint64 cd = make_worker (fixture, "CD", "Carl Dam", team);
  gint64 ef = make_worker (fixture, "EF", "Eva Fog", team);
  g_autofree char *sql = NULL;
  AdwMessageDialog *dialog;
  GtkDropDown *dropdown;
  AdwToast *toast;

  sql = g_strdup_printf ("INSERT INTO casefile (id, reference, complexity, caseworker_id, cover_id) VALUES"
                         " (1, 'S-1', 'kompleks', %1$" G_GINT64_FORMAT ", NULL),"
                         " (2, 'S-2', 'enkel', %1$" G_GINT64_FORMAT ", %2$" G_GINT64_FORMAT "),"
                         " (3, 'S-3', 'enkel', %2$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT ")",
                         ab, ef);
  g_assert_true (sf_store_exec (fixture->store, sql, NULL));
  sf_window_reload (fixture->window);

  /* A caseworker without cases goes at once, with an undo toast */
  g_assert_true (sf_teams_page_select_caseworker (fixture->page, cd));
  activate (fixture, GTK_WIDGET (fixture->page), "teams.remove-caseworker");
  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), ==, 2);
  toast = sf_window_get_undo_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "CD"));
  g_signal_emit_by_name (toast, "button-clicked");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM caseworker WHERE initials = 'CD'"), ==, 1);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT id FROM caseworker WHERE initials = 'CD'"), ==, cd);

  /* With cases: asks who takes them over */
  g_assert_true (sf_teams_page_select_caseworker (fixture->page, ab));
  activate (fixture, GTK_WIDGET (fixture->page), "teams.remove-caseworker");
  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), ==, 3);
  dialog = ADW_MESSAGE_DIALOG (sf_teams_page_get_dialog (fixture->page));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  /* Colleagues only, never the person removed */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 2);
  gtk_drop_down_set_selected (dropdown, choice_position (dropdown, "Carl Dam"));
  adw_message_dialog_response (dialog, "ok");
  sf_test_wait_for_frame ();

  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), ==, 2);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM casefile WHERE caseworker_id = %" G_GINT64_FORMAT, cd);
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, 2);
  /* S-3 was EF's, covered by AB: CD covers it now */
  g_free (sql);
  sql = g_strdup_printf ("SELECT cover_id FROM casefile WHERE id = 3");
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, cd);

  /* Undo restores the person and every assignment exactly */
  toast = sf_window_get_undo_toast (fixture->window);
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  sf_test_wait_for_frame ();
  g_free (sql);
  sql = g_strdup_printf ("SELECT group_concat (caseworker_id || ':' || ifnull (cover_id, '-'), ' ')"
                         " FROM (SELECT * FROM casefile ORDER BY id)");
  {
    SfDbStmt *stmt = sf_store_prepare (fixture->store, sql, NULL);
    g_autofree char *expected = g_strdup_printf ("%1$" G_GINT64_FORMAT ":- %1$" G_GINT64_FORMAT ":%2$" G_GINT64_FORMAT
                                                 " %2$" G_GINT64_FORMAT ":%1$" G_GINT64_FORMAT, ab, ef);

    g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
    g_assert_cmpstr (sf_db_stmt_column_text (stmt, 0), ==, expected);
    sf_db_stmt_free (stmt);
  }
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM caseworker WHERE id = %" G_GINT64_FORMAT " AND initials = 'AB'", ab);
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, 1);
  /* The page shows them again */
  g_assert_cmpuint (g_list_model_get_n_items (sf_teams_page_get_member_model (fixture->page)), ==, 3);
}

static void
test_move_and_remove_team (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 t1 = make_team (fixture, "Modtageteam");
  gint64 t2 = make_team (fixture, "Sygedagpenge");
  gint64 ab = make_worker (fixture, "AB", "Anne Bach", t1);
  g_autofree char *sql = g_strdup_printf ("SELECT team_id FROM caseworker WHERE id = %" G_GINT64_FORMAT, ab);
  AdwMessageDialog *dialog;
  GtkDropDown *dropdown;

  make_worker (fixture, "CD", "Carl Dam", t1);

  /* Move AB to Sygedagpenge, then undo */
  g_assert_true (sf_teams_page_select_caseworker (fixture->page, ab));
  activate (fixture, GTK_WIDGET (fixture->page), "teams.move-caseworker");
  dialog = ADW_MESSAGE_DIALOG (sf_teams_page_get_dialog (fixture->page));
  dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 1);
  gtk_drop_down_set_selected (dropdown, choice_position (dropdown, "Sygedagpenge"));
  adw_message_dialog_response (dialog, "ok");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, t2);
  g_signal_emit_by_name (sf_window_get_undo_toast (fixture->window), "button-clicked");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, t1);

  /* Removing a team with members asks where they go */
  g_assert_true (sf_teams_page_select_team (fixture->page, t1));
  activate (fixture, GTK_WIDGET (fixture->page), "teams.remove-team");
  g_assert_cmpint (sf_store_count (fixture->store, "team"), ==, 2);
  dialog = ADW_MESSAGE_DIALOG (sf_teams_page_get_dialog (fixture->page));
  dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  gtk_drop_down_set_selected (dropdown, choice_position (dropdown, "Sygedagpenge"));
  adw_message_dialog_response (dialog, "remove");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_store_count (fixture->store, "team"), ==, 1);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM caseworker WHERE team_id = (SELECT id FROM team)"), ==, 2);
  g_signal_emit_by_name (sf_window_get_undo_toast (fixture->window), "button-clicked");
  sf_test_wait_for_frame ();
  g_assert_cmpint (sf_store_count (fixture->store, "team"), ==, 2);
  g_assert_cmpint (sf_test_query_int (fixture->store, sql), ==, t1);
  g_assert_cmpuint (g_list_model_get_n_items (sf_teams_page_get_team_model (fixture->page)), ==, 2);

  /* An empty team goes at once */
  g_assert_true (sf_teams_page_select_team (fixture->page, t2));
  activate (fixture, GTK_WIDGET (fixture->page), "teams.remove-team");
  g_assert_cmpint (sf_store_count (fixture->store, "team"), ==, 1);
}

static void
test_explain_norm (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 team = make_team (fixture, "Modtageteam");
  gint64 ab = make_worker (fixture, "AB", "Anne Bach", team);
  AdwMessageDialog *dialog;
  GtkWidget *list;
  guint rows = 0;

  g_assert_true (sf_teams_page_select_caseworker (fixture->page, ab));
  activate (fixture, GTK_WIDGET (fixture->page), "teams.explain-norm");
  dialog = ADW_MESSAGE_DIALOG (sf_teams_page_get_dialog (fixture->page));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Anne Bach"));
  list = adw_message_dialog_get_extra_child (dialog);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    rows++;
  /* Team norm, availability, new hire, individual factor, and the result */
  g_assert_cmpuint (rows, ==, 5);
}

/* The member table's name and norm cells answer a tooltip from their row
 * when the pointer rests on them (each set at bind asked the X server
 * where the pointer was) */
static void
test_member_tooltips (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 team = make_team (fixture, "Modtageteam");
  gint64 ab = make_worker (fixture, "AB", "Anne Bach", team);
  g_autoptr(SfRosterItem) item = NULL;
  GtkWidget *view;
  const char *cells[2];

  g_assert_true (sf_teams_page_select_caseworker (fixture->page, ab));
  sf_test_wait_for_frame ();
  item = g_list_model_get_item (sf_teams_page_get_member_model (fixture->page), 0);
  g_assert_cmpint (sf_roster_item_get_id (item), ==, ab);
  view = sf_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (view);
  cells[0] = sf_roster_item_get_name (item);
  cells[1] = sf_roster_item_get_norm_text (item);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      GtkWidget *cell = sf_test_find_label (view, cells[i]);
      g_autoptr(GObject) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
      gboolean shown = FALSE;

      g_assert_nonnull (cell);
      g_assert_true (gtk_widget_get_has_tooltip (cell));
      g_signal_emit_by_name (cell, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
      g_assert_true (shown);
    }
}

/* "Next case…" asks the window's suggestion for the chosen team */
static void
test_suggest_for_team (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 first = make_team (fixture, "Modtageteam");
  gint64 second = make_team (fixture, "Sygedagpenge");
  GListModel *toplevels = gtk_window_get_toplevels ();
  SfSuggestDialog *dialog = NULL;

  make_worker (fixture, "AB", "Anne Bach", first);
  make_worker (fixture, "CD", "Carl Dam", second);
  sf_window_show_page (fixture->window, "teams");
  sf_teams_page_select_team (fixture->page, second);
  sf_test_wait_for_frame ();
  activate (fixture, GTK_WIDGET (fixture->page), "teams.suggest");
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SF_IS_SUGGEST_DIALOG (window))
        dialog = SF_SUGGEST_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpint (sf_suggest_dialog_get_team_id (dialog), ==, second);
  g_assert_cmpstr (sf_suggest_dialog_get_initials (dialog), ==, "CD");
}

static gboolean
one_team_shown (gpointer page)
{
  return g_list_model_get_n_items (sf_teams_page_get_team_model (page)) == 1;
}

static gboolean
several_teams_shown (gpointer page)
{
  return g_list_model_get_n_items (sf_teams_page_get_team_model (page)) > 1;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *entry;

  make_team (fixture, "Modtageteam");
  make_team (fixture, "Sygedagpenge");
  make_team (fixture, "Familieafdeling");
  sf_window_show_page (fixture->window, "teams");
  activate (fixture, GTK_WIDGET (fixture->window), "win.search");
  entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), SF_TYPE_TEAMS_PAGE, "search_entry"));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

    g_assert_true (focus == entry || (focus != NULL && gtk_widget_is_ancestor (focus, entry)));
  }
  /* The search entry waits for typing to pause before it searches */
  gtk_editable_set_text (GTK_EDITABLE (entry), "syge");
  g_assert_true (sf_test_wait_until (one_team_shown, fixture->page));
  g_assert_cmpuint (g_list_model_get_n_items (sf_teams_page_get_team_model (fixture->page)), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (sf_test_wait_until (several_teams_shown, fixture->page));
  g_assert_cmpuint (g_list_model_get_n_items (sf_teams_page_get_team_model (fixture->page)), ==, 3);
}

/* An edit made through the store updates the page in place: only the rows
 * of the teams and people it touched are made again (the other teams' rows
 * stay the very same objects), with the figures a full load gives, and the
 * chosen team stays chosen.  The example: Familie (norm 20) MHJ 4.5, LK 22,
 * SB 19 = 45.5 of 60; Sygedagpenge (norm 40) JP 10 of 40; an empty team. */
static void
test_update_in_place (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfTeamItem) familie_before = NULL;
  g_autoptr(SfTeamItem) syge_before = NULL;
  g_autoptr(SfTeamItem) empty_before = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(GArray) jp_cases = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *load = NULL;
  SfRosterSnapshot *snapshot;
  AdwMessageDialog *dialog;
  SfCaseworker mhj_now;
  gint64 familie, syge, empty, mhj, lk, sb, jp, s5;

  sf_test_import_example (fixture->store);
  empty = make_team (fixture, "Tomt team");
  familie = sf_test_query_int (fixture->store, "SELECT id FROM team WHERE name = 'Familie'");
  syge = sf_test_query_int (fixture->store, "SELECT id FROM team WHERE name = 'Sygedagpenge'");
  mhj = sf_test_query_int (fixture->store, "SELECT id FROM caseworker WHERE initials = 'MHJ'");
  lk = sf_test_query_int (fixture->store, "SELECT id FROM caseworker WHERE initials = 'LK'");
  sb = sf_test_query_int (fixture->store, "SELECT id FROM caseworker WHERE initials = 'SB'");
  jp = sf_test_query_int (fixture->store, "SELECT id FROM caseworker WHERE initials = 'JP'");
  s5 = sf_test_query_int (fixture->store, "SELECT id FROM casefile WHERE reference = 'S-5'");
  for (guint i = 44; i <= 53; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM casefile WHERE reference = 'S-%u'", i);
      gint64 id = sf_test_query_int (fixture->store, sql);

      g_array_append_val (jp_cases, id);
    }

  sf_window_show_page (fixture->window, "teams");
  g_assert_true (sf_teams_page_select_team (fixture->page, familie));
  sf_test_wait_for_frame ();
  g_assert_cmpuint (g_list_model_get_n_items (sf_teams_page_get_team_model (fixture->page)), ==, 3);
  assert_utilisation (fixture, familie, "76 %");
  assert_utilisation (fixture, syge, "25 %");

  /* Closing one of LK's cases: Familie 44.5 of 60 */
  /* Held, so that no new row can take an old one's address */
  familie_before = g_object_ref (team_item (fixture, familie));
  syge_before = g_object_ref (team_item (fixture, syge));
  empty_before = g_object_ref (team_item (fixture, empty));
  g_assert_true (sf_cases_close (fixture->store, &s5, 1, sf_day_today (), &error));
  g_assert_no_error (error);
  sf_test_wait_for_frame ();
  g_assert_true (team_item (fixture, syge) == syge_before);
  g_assert_true (team_item (fixture, empty) == empty_before);
  g_assert_true (team_item (fixture, familie) != familie_before);
  assert_utilisation (fixture, familie, "74 %");
  assert_selected_team (fixture, familie);
  g_assert_nonnull (member_item (fixture, lk));
  g_object_get (member_item (fixture, lk), "load-text", &load, NULL);
  g_assert_cmpstr (load, ==, "21.0");
  /* What the page keeps of LK besides the figures: 19 open cases now */
  g_assert_true (sf_teams_page_select_caseworker (fixture->page, lk));
  activate (fixture, GTK_WIDGET (fixture->page), "teams.remove-caseworker");
  dialog = ADW_MESSAGE_DIALOG (sf_teams_page_get_dialog (fixture->page));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "LK has 19 open cases"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sf_test_wait_for_frame ();

  /* JP's ten cases go to MHJ: Familie 54.5 of 60, Sygedagpenge 0 of 40 */
  g_clear_object (&syge_before);
  g_clear_object (&empty_before);
  syge_before = g_object_ref (team_item (fixture, syge));
  empty_before = g_object_ref (team_item (fixture, empty));
  g_assert_true (sf_cases_reassign (fixture->store, (const gint64 *) jp_cases->data, jp_cases->len, mhj, &error));
  g_assert_no_error (error);
  sf_test_wait_for_frame ();
  g_assert_true (team_item (fixture, empty) == empty_before);
  g_assert_true (team_item (fixture, syge) != syge_before);
  assert_utilisation (fixture, familie, "91 %");
  assert_utilisation (fixture, syge, "0 %");
  assert_selected_team (fixture, familie);

  /* MHJ works half time: norm 10, Familie 54.5 of 50 */
  g_clear_object (&syge_before);
  g_clear_object (&empty_before);
  syge_before = g_object_ref (team_item (fixture, syge));
  empty_before = g_object_ref (team_item (fixture, empty));
  dataset = sf_store_load_dataset (fixture->store, &error);
  g_assert_no_error (error);
  mhj_now = *sf_dataset_find_caseworker (dataset, mhj);
  mhj_now.weekly_hours = 18.5;
  g_assert_cmpint (sf_roster_save_caseworker (fixture->store, &mhj_now, NULL, 0, &error), ==, mhj);
  g_assert_no_error (error);
  sf_test_wait_for_frame ();
  g_assert_true (team_item (fixture, syge) == syge_before);
  g_assert_true (team_item (fixture, empty) == empty_before);
  assert_utilisation (fixture, familie, "109 %");
  assert_selected_team (fixture, familie);

  /* SB moves to Sygedagpenge, whose norm is 40: Familie 35.5 of 30,
   * Sygedagpenge 19 of 80 */
  g_clear_object (&empty_before);
  empty_before = g_object_ref (team_item (fixture, empty));
  snapshot = sf_roster_move_caseworker (fixture->store, sb, syge, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  sf_roster_snapshot_free (snapshot);
  sf_test_wait_for_frame ();
  g_assert_true (team_item (fixture, empty) == empty_before);
  assert_utilisation (fixture, familie, "118 %");
  assert_utilisation (fixture, syge, "24 %");
  g_assert_cmpuint (sf_team_item_get_members (team_item (fixture, familie)), ==, 2);
  g_assert_cmpuint (sf_team_item_get_members (team_item (fixture, syge)), ==, 2);
  assert_selected_team (fixture, familie);
  g_assert_cmpuint (g_list_model_get_n_items (sf_teams_page_get_member_model (fixture->page)), ==, 2);
  g_assert_null (member_item (fixture, sb));
  g_assert_nonnull (member_item (fixture, mhj));
  g_assert_nonnull (member_item (fixture, lk));
  g_assert_true (sf_teams_page_select_team (fixture->page, syge));
  sf_test_wait_for_frame ();
  assert_selected_team (fixture, syge);
  g_assert_cmpuint (g_list_model_get_n_items (sf_teams_page_get_member_model (fixture->page)), ==, 2);
  g_assert_nonnull (member_item (fixture, sb));
  g_assert_nonnull (member_item (fixture, jp));

  /* JP has no cases left: removing them asks nobody to take any over */
  g_assert_true (sf_teams_page_select_caseworker (fixture->page, jp));
  activate (fixture, GTK_WIDGET (fixture->page), "teams.remove-caseworker");
  g_assert_null (sf_teams_page_get_dialog (fixture->page));
  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  sf_test_gui_init (&argc, &argv);

  g_test_add ("/gui/teams/create-team", Fixture, NULL, fixture_set_up, test_create_team, fixture_tear_down);
  g_test_add ("/gui/teams/create-caseworker", Fixture, NULL, fixture_set_up, test_create_caseworker,
              fixture_tear_down);
  g_test_add ("/gui/teams/remove-caseworker-undo", Fixture, NULL, fixture_set_up, test_remove_caseworker_undo,
              fixture_tear_down);
  g_test_add ("/gui/teams/move-and-remove-team", Fixture, NULL, fixture_set_up, test_move_and_remove_team,
              fixture_tear_down);
  g_test_add ("/gui/teams/explain-norm", Fixture, NULL, fixture_set_up, test_explain_norm, fixture_tear_down);
  g_test_add ("/gui/teams/member-tooltips", Fixture, NULL, fixture_set_up, test_member_tooltips,
              fixture_tear_down);
  g_test_add ("/gui/teams/suggest-for-team", Fixture, NULL, fixture_set_up, test_suggest_for_team, fixture_tear_down);
  g_test_add ("/gui/teams/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/gui/teams/update-in-place", Fixture, NULL, fixture_set_up, test_update_in_place,
              fixture_tear_down);

  return g_test_run ();
}
