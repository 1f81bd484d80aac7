/* test-alerts-gui.c: the Alerts page, its badge, the acknowledgement dialog
 * and the next-case dialog in the real window on a temporary database,
 * under Xvfb.  Expected figures come from the core, called directly.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sf-ack-dialog.h"
#include "sf-alerts-page-private.h"
#include "sf-roster-item.h"
#include "sf-roster-page.h"
#include "sf-suggest-dialog.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-row-viewport.h"
#include "sf-roster-page-private.h"
#include "sf-window.h"

/* The real window on an empty temporary database */
typedef SfTestFixture Fixture;

static void
load_demo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sf_demo_populate (fixture->store, sf_day_today (), &error));
  g_assert_no_error (error);
  sf_test_wait_for_frame ();
}

/* What the core says on today's figures, with acknowledgements applied. */
static GPtrArray *
stored_alerts (Fixture    *fixture,
               SfFigures **out_figures,
               SfDataset **out_dataset)
{
  g_autoptr(GError) error = NULL;
  SfFigures *figures = sf_figures_load (fixture->store, sf_day_today (), out_dataset, &error);
  GPtrArray *alerts;

  g_assert_no_error (error);
  alerts = sf_alerts_evaluate_stored (fixture->store, figures, &error);
  g_assert_no_error (error);
  *out_figures = figures;
  return alerts;
}

static AdwViewStackPage *
alerts_stack_page (Fixture *fixture)
{
  SfAlertsPage *page = sf_window_get_alerts_page (fixture->window);
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);
  return adw_view_stack_get_page (ADW_VIEW_STACK (stack), GTK_WIDGET (page));
}

static const SfAlert *
first_alert (GPtrArray *alerts,
             gboolean   of_person)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      const SfAlert *alert = g_ptr_array_index (alerts, i);

      if (!alert->acknowledged && (alert->caseworker_id != 0) == of_person)
        return alert;
    }
  return NULL;
}

static void
test_badge_and_acknowledge (Fixture       *fixture,
                            gconstpointer  data)
{
  SfAlertsPage *page = sf_window_get_alerts_page (fixture->window);
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SfDataset) dataset2 = NULL;
  g_autoptr(SfFigures) figures2 = NULL;
  g_autoptr(GDateTime) pick = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *default_expiry = NULL;
  g_autofree char *picked_text = NULL;
  AdwViewStackPage *stack_page;
  SfAckDialog *dialog;
  GtkWidget *button;
  GtkWidget *row;
  const SfAlert *alert;
  SfDay today = sf_day_today ();
  SfDay picked = today + 20;
  guint open;
  int y, m, d;

  load_demo (fixture);
  alerts = stored_alerts (fixture, &figures, &dataset);
  open = sf_alerts_count_unacknowledged (alerts);
  g_assert_cmpuint (open, >, 1);

  stack_page = alerts_stack_page (fixture);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, open);
  g_assert_true (adw_view_stack_page_get_needs_attention (stack_page) ==
                 (sf_alerts_count_active (alerts, SF_SEVERITY_ERROR) > 0));
  g_assert_cmpuint (sf_context_get_alerts (sf_window_get_context (fixture->window))->len, ==, alerts->len);
  g_assert_null (sf_alerts_page_get_acknowledged_row (page));

  alert = first_alert (alerts, TRUE);
  g_assert_nonnull (alert);
  identity = sf_alert_identity (alert);
  row = sf_alerts_page_get_row (page, identity);
  g_assert_nonnull (row);
  button = sf_alerts_page_get_row_button (page, identity);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Acknowledge…");

  /* The dialog: the note is required, the date defaults to two weeks ahead */
  g_signal_emit_by_name (button, "clicked");
  sf_test_wait_for_frame ();
  dialog = sf_test_find_toplevel (SF_TYPE_ACK_DIALOG);
  g_assert_nonnull (dialog);
  default_expiry = sf_day_format (today + 14);
  g_assert_cmpstr (gtk_editable_get_text (sf_ack_dialog_get_expires (dialog)), ==, default_expiry);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "acknowledge"));

  gtk_editable_set_text (sf_ack_dialog_get_note (dialog), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "acknowledge"));
  g_assert_cmpstr (sf_ack_dialog_get_problem (dialog), ==, "Write a note on why the alert can wait.");

  gtk_editable_set_text (sf_ack_dialog_get_note (dialog), "Two cases move to a colleague on Monday");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "acknowledge"));

  /* A bad date is refused in place, and nothing typed is lost */
  gtk_editable_set_text (sf_ack_dialog_get_expires (dialog), "31.02.2030");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "acknowledge"));
  g_assert_nonnull (strstr (sf_ack_dialog_get_problem (dialog), "not a date"));
  g_assert_cmpstr (gtk_editable_get_text (sf_ack_dialog_get_note (dialog)), ==,
                   "Two cases move to a colleague on Monday");

  /* The calendar writes the date it is given */
  sf_day_get_ymd (picked, &y, &m, &d);
  pick = g_date_time_new_local (y, m, d, 12, 0, 0);
  gtk_calendar_select_day (sf_ack_dialog_get_calendar (dialog), pick);
  g_signal_emit_by_name (sf_ack_dialog_get_calendar (dialog), "day-selected");
  picked_text = sf_day_format (picked);
  g_assert_cmpstr (gtk_editable_get_text (sf_ack_dialog_get_expires (dialog)), ==, picked_text);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "acknowledge"));
  g_assert_cmpstr (sf_ack_dialog_get_problem (dialog), ==, "");

  button = sf_test_find_button (GTK_WIDGET (dialog), "_Acknowledge");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  sf_test_wait_for_frame ();
  g_assert_null (sf_test_find_toplevel (SF_TYPE_ACK_DIALOG));

  /* The badge drops by one; the alert sits in the collapsed Acknowledged row */
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, open - 1);
  g_assert_nonnull (sf_alerts_page_get_acknowledged_row (page));
  g_assert_false (adw_expander_row_get_expanded (sf_alerts_page_get_acknowledged_row (page)));
  row = sf_alerts_page_get_row (page, identity);
  g_assert_true (gtk_widget_is_ancestor (row, GTK_WIDGET (sf_alerts_page_get_acknowledged_row (page))));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Two cases move to a colleague on Monday"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), picked_text));

  /* The store agrees */
  after = stored_alerts (fixture, &figures2, &dataset2);
  for (guint i = 0; i < after->len; i++)
    {
      const SfAlert *a = g_ptr_array_index (after, i);
      g_autofree char *id = sf_alert_identity (a);

      if (g_strcmp0 (id, identity) == 0)
        {
          g_assert_true (a->acknowledged);
          g_assert_cmpuint (a->ack_expires, ==, picked);
          g_assert_cmpstr (a->ack_note, ==, "Two cases move to a colleague on Monday");
        }
    }

  /* The toast's Undo takes the acknowledgement back */
  button = sf_test_find_button (GTK_WIDGET (fixture->window), "_Undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  sf_test_wait_for_frame ();
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, open);
  g_assert_null (sf_alerts_page_get_acknowledged_row (page));

  /* Acknowledged again … */
  g_signal_emit_by_name (sf_alerts_page_get_row_button (page, identity), "clicked");
  sf_test_wait_for_frame ();
  dialog = sf_test_find_toplevel (SF_TYPE_ACK_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (sf_ack_dialog_get_note (dialog), "Waiting for the new colleague");
  g_signal_emit_by_name (sf_test_find_button (GTK_WIDGET (dialog), "_Acknowledge"), "clicked");
  sf_test_wait_for_frame ();
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, open - 1);

  /* … and Reopen brings it back among the open ones */
  button = sf_alerts_page_get_row_button (page, identity);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Reopen");
  g_signal_emit_by_name (button, "clicked");
  sf_test_wait_for_frame ();
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, open);
  g_assert_null (sf_alerts_page_get_acknowledged_row (page));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (sf_alerts_page_get_row_button (page, identity))), ==,
                   "_Acknowledge…");
}

static guint
roster_rows (Fixture *fixture)
{
  SfRosterPage *roster = sf_window_get_roster_page (fixture->window);

  return g_list_model_get_n_items (G_LIST_MODEL (sf_row_viewport_model_of (sf_roster_page_get_column_view (roster))));
}

static SfRosterItem *
roster_row (Fixture *fixture,
            guint    position)
{
  SfRosterPage *roster = sf_window_get_roster_page (fixture->window);

  return g_list_model_get_item (G_LIST_MODEL (sf_row_viewport_model_of (sf_roster_page_get_column_view (roster))),
                                position);
}

static void
test_activate_alert (Fixture       *fixture,
                     gconstpointer  data)
{
  SfAlertsPage *page = sf_window_get_alerts_page (fixture->window);
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(SfRosterItem) item = NULL;
  g_autofree char *identity = NULL;
  const SfAlert *alert;
  const SfAlert *team_alert;
  guint everyone;

  load_demo (fixture);
  alerts = stored_alerts (fixture, &figures, &dataset);
  everyone = roster_rows (fixture);
  g_assert_cmpuint (everyone, ==, dataset->caseworkers->len);

  sf_window_show_page (fixture->window, "alerts");
  g_assert_cmpstr (sf_window_get_visible_page (fixture->window), ==, "alerts");

  /* A person's alert leads to that person alone */
  alert = first_alert (alerts, TRUE);
  identity = sf_alert_identity (alert);
  g_assert_true (gtk_widget_activate (sf_alerts_page_get_row (page, identity)));
  sf_test_wait_for_frame ();
  g_assert_cmpstr (sf_window_get_visible_page (fixture->window), ==, "roster");
  g_assert_cmpuint (roster_rows (fixture), ==, 1);
  item = roster_row (fixture, 0);
  g_assert_cmpstr (sf_roster_item_get_initials (item), ==, alert->subject);
  g_clear_object (&item);

  /* A team's alert leads to its members */
  team_alert = first_alert (alerts, FALSE);
  if (team_alert != NULL)
    {
      g_autofree char *team_identity = sf_alert_identity (team_alert);
      guint members = 0;

      for (guint i = 0; i < figures->workers->len; i++)
        if (g_array_index (figures->workers, SfWorkerFigures, i).team != NULL &&
            g_array_index (figures->workers, SfWorkerFigures, i).team->id == team_alert->team_id)
          members++;

      sf_window_show_page (fixture->window, "alerts");
      g_assert_true (gtk_widget_activate (sf_alerts_page_get_row (page, team_identity)));
      sf_test_wait_for_frame ();
      g_assert_cmpstr (sf_window_get_visible_page (fixture->window), ==, "roster");
      g_assert_cmpuint (roster_rows (fixture), ==, members);
      for (guint i = 0; i < members; i++)
        {
          item = roster_row (fixture, i);
          g_assert_cmpstr (sf_roster_item_get_team (item), ==, team_alert->team_name);
          g_clear_object (&item);
        }
    }
  else
    g_test_message ("The demonstration data has no team alert today");

  /* Show Everyone */
  g_signal_emit_by_name (sf_test_find_button (GTK_WIDGET (sf_window_get_roster_page (fixture->window)), "Show _Everyone"),
                         "clicked");
  g_assert_cmpuint (roster_rows (fixture), ==, everyone);
}

static void
check_suggestion (Fixture         *fixture,
                  SfSuggestDialog *dialog,
                  SfFigures       *figures,
                  gint64           team_id,
                  SfComplexity     complexity)
{
  g_autoptr(SfSuggestion) expected = NULL;
  g_autoptr(GError) error = NULL;
  const char *title;

  adw_combo_row_set_selected (sf_suggest_dialog_get_complexity_row (dialog), complexity);
  g_assert_cmpint (sf_suggest_dialog_get_team_id (dialog), ==, team_id);
  expected = sf_suggest_next_case (figures, team_id, complexity, &error);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (sf_suggest_dialog_get_result_row (dialog)));
  if (expected == NULL)
    {
      g_assert_null (sf_suggest_dialog_get_initials (dialog));
      g_assert_cmpstr (title, ==, "Nobody Available");
      g_assert_cmpstr (adw_action_row_get_subtitle (sf_suggest_dialog_get_result_row (dialog)), ==, error->message);
      return;
    }
  g_assert_cmpstr (sf_suggest_dialog_get_initials (dialog), ==, expected->worker->worker->initials);
  g_assert_nonnull (strstr (title, expected->worker->worker->initials));
  g_assert_cmpstr (adw_action_row_get_subtitle (sf_suggest_dialog_get_result_row (dialog)), ==, expected->reason);
}

static void
test_suggest (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  SfSuggestDialog *dialog;
  AdwComboRow *team_row;
  guint n_teams;

  load_demo (fixture);
  alerts = stored_alerts (fixture, &figures, &dataset);
  n_teams = figures->teams->len;
  g_assert_cmpuint (n_teams, >, 1);

  /* From a team's alerts: that team is chosen */
  for (guint t = 0; t < n_teams; t++)
    {
      gint64 team_id = g_array_index (figures->teams, SfTeamFigures, t).team->id;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.suggest-for-team", "x", team_id));
      sf_test_wait_for_frame ();
      dialog = sf_test_find_toplevel (SF_TYPE_SUGGEST_DIALOG);
      g_assert_nonnull (dialog);
      /* Complex is chosen first */
      g_assert_cmpuint (adw_combo_row_get_selected (sf_suggest_dialog_get_complexity_row (dialog)), ==,
                        SF_COMPLEXITY_KOMPLEKS);
      for (guint c = 0; c < SF_N_COMPLEXITIES; c++)
        check_suggestion (fixture, dialog, figures, team_id, c);
      gtk_window_destroy (GTK_WINDOW (dialog));
      sf_test_wait_for_frame ();
    }

  /* From the menu: every team, live as the choices change */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.suggest", NULL));
  sf_test_wait_for_frame ();
  dialog = sf_test_find_toplevel (SF_TYPE_SUGGEST_DIALOG);
  g_assert_nonnull (dialog);
  team_row = sf_suggest_dialog_get_team_row (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (team_row)), ==, n_teams);
  for (guint i = 0; i < n_teams; i++)
    {
      const char *name;
      gint64 team_id = 0;

      adw_combo_row_set_selected (team_row, i);
      name = gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (team_row)), i);
      for (guint t = 0; t < n_teams; t++)
        if (g_strcmp0 (g_array_index (figures->teams, SfTeamFigures, t).team->name, name) == 0)
          team_id = g_array_index (figures->teams, SfTeamFigures, t).team->id;
      g_assert_cmpint (team_id, !=, 0);
      check_suggestion (fixture, dialog, figures, team_id, SF_COMPLEXITY_SAERLIGT_KOMPLICERET);
      check_suggestion (fixture, dialog, figures, team_id, SF_COMPLEXITY_ENKEL);
    }
}

static gboolean
bar_revealed (gpointer bar)
{
  return adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar));
}

/* A narrow window shows the pages in a bar at the bottom */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *bar;

  load_demo (fixture);
  sf_test_wait_for_frame ();
  bar = sf_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_nonnull (bar);
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  g_assert_true (sf_test_wait_until (bar_revealed, bar));
}

/* One caseworker with no cases: nobody is near the norm */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  SfAlertsPage *page = sf_window_get_alerts_page (fixture->window);
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;initialer;navn\nFamilie;boern-familie;OV;Olga Vang\n");
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *stack;

  g_assert_true (sf_import_roster (fixture->store, roster, &result, &error));
  g_assert_no_error (error);
  sf_test_wait_for_frame ();

  g_assert_cmpuint (sf_context_get_alerts (sf_window_get_context (fixture->window))->len, ==, 0);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (alerts_stack_page (fixture)), ==, 0);
  g_assert_false (adw_view_stack_page_get_needs_attention (alerts_stack_page (fixture)));
  stack = gtk_widget_get_first_child (GTK_WIDGET (page));
  g_assert_true (GTK_IS_STACK (stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
}

static GtkAdjustment *
alerts_vadjustment (SfAlertsPage *page)
{
  /* The list's, not the empty state's */
  GtkWidget *list = sf_test_find_widget (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_PAGE);
  GtkWidget *scrolled = sf_test_find_widget (list, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scrolled);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

/* The heading of the group @row is in: the header of its group's first row */
static GtkWidget *
group_heading (GtkWidget *row)
{
  GtkListBox *box = GTK_LIST_BOX (gtk_widget_get_parent (row));

  for (int i = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)); i >= 0; i--)
    {
      GtkWidget *header = gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (box, i));

      if (header != NULL)
        return header;
    }
  return NULL;
}

/* A large municipality: the page shows its first rows at once and builds
 * the others as it is scrolled, in the same groups and order */
static void
test_many_alerts (Fixture       *fixture,
                  gconstpointer  data)
{
  SfAlertsPage *page;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autofree char *last_identity = NULL;
  const SfAlert *last = NULL;
  GtkAdjustment *adjustment;
  GtkWidget *row;
  GtkWidget *heading;
  gint64 start;
  guint open;

  sf_test_import_large (fixture->store, 80);
  sf_test_wait_for_frame ();
  alerts = stored_alerts (fixture, &figures, &dataset);
  open = sf_alerts_count_unacknowledged (alerts);
  g_assert_cmpuint (open, >=, 240);

  start = g_get_monotonic_time ();
  sf_window_show_page (fixture->window, "alerts");
  page = sf_window_get_alerts_page (fixture->window);
  sf_test_wait_for_frame ();
  g_test_message ("The Alerts page with %u alerts was shown in %.0f ms", open,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (sf_alerts_page_get_n_built_rows (page), >, 0);
  g_assert_cmpuint (sf_alerts_page_get_n_built_rows (page), <, open);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (alerts_stack_page (fixture)), ==, open);

  /* Scrolled to the end, again and again: every alert gets its row */
  adjustment = alerts_vadjustment (page);
  for (guint i = 0; i < 200 && sf_alerts_page_get_n_built_rows (page) < open; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      sf_test_wait_for_frame ();
    }
  g_assert_cmpuint (sf_alerts_page_get_n_built_rows (page), ==, open);

  /* The last team's last alert, under its team's heading */
  for (guint i = 0; i < alerts->len; i++)
    if (!((SfAlert *) g_ptr_array_index (alerts, i))->acknowledged)
      last = g_ptr_array_index (alerts, i);
  last_identity = sf_alert_identity (last);
  row = sf_alerts_page_get_row (page, last_identity);
  g_assert_nonnull (row);
  heading = group_heading (row);
  g_assert_nonnull (heading);
  g_assert_nonnull (sf_test_find_label (heading, last->team_name));
}

/* A row asked for before it is scrolled to is built then */
static void
test_row_before_scrolled_to (Fixture       *fixture,
                             gconstpointer  data)
{
  SfAlertsPage *page;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autofree char *identity = NULL;

  sf_test_import_large (fixture->store, 80);
  sf_test_wait_for_frame ();
  alerts = stored_alerts (fixture, &figures, &dataset);
  sf_window_show_page (fixture->window, "alerts");
  page = sf_window_get_alerts_page (fixture->window);
  sf_test_wait_for_frame ();
  g_assert_cmpuint (sf_alerts_page_get_n_built_rows (page), <, alerts->len);

  identity = sf_alert_identity (g_ptr_array_index (alerts, alerts->len - 1));
  g_assert_nonnull (sf_alerts_page_get_row (page, identity));
  g_assert_nonnull (sf_alerts_page_get_row_button (page, identity));
  g_assert_cmpuint (sf_alerts_page_get_n_built_rows (page), ==, alerts->len);
}

/* A page that follows the context is filled as soon as its view stack
 * shows it, before it is realized: a window opened on it lays it out once,
 * full, not empty first and then again with its rows. */
static void
test_filled_when_shown (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SfContext) context = NULL;
  g_autoptr(GError) error = NULL;
  AdwViewStack *stack = ADW_VIEW_STACK (g_object_ref_sink (adw_view_stack_new ()));
  SfAlertsPage *page = SF_ALERTS_PAGE (sf_alerts_page_new ());

  load_demo (fixture);
  context = sf_context_new (fixture->store);
  adw_view_stack_add (stack, gtk_label_new (NULL));
  adw_view_stack_add_named (stack, GTK_WIDGET (page), "alerts");
  sf_alerts_page_set_context (page, context);
  g_assert_true (sf_context_reload (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sf_context_get_alerts (context)->len, >, 0);
  /* Not shown: not filled */
  g_assert_cmpuint (sf_alerts_page_get_n_built_rows (page), ==, 0);

  adw_view_stack_set_visible_child (stack, GTK_WIDGET (page));
  g_assert_false (gtk_widget_get_realized (GTK_WIDGET (page)));
  g_assert_cmpuint (sf_alerts_page_get_n_built_rows (page), >, 0);

  g_object_unref (stack);
}

int
main (int    argc,
      char **argv)
{
  sf_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, sf_test_fixture_set_up, func, sf_test_fixture_tear_down)
  ADD ("/alerts-gui/badge-and-acknowledge", test_badge_and_acknowledge);
  ADD ("/alerts-gui/activate-alert", test_activate_alert);
  ADD ("/alerts-gui/suggest", test_suggest);
  ADD ("/alerts-gui/narrow", test_narrow);
  ADD ("/alerts-gui/empty", test_empty);
  ADD ("/alerts-gui/many-alerts", test_many_alerts);
  ADD ("/alerts-gui/row-before-scrolled-to", test_row_before_scrolled_to);
  ADD ("/alerts-gui/filled-when-shown", test_filled_when_shown);
#undef ADD

  return g_test_run ();
}
