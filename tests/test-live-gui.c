/* test-live-gui.c: two windows on two connections to one server: what one
 * user changes appears in the other's window, with a toast saying who
 * changed what, through the notifications the server's triggers send, and
 * an open Change Log shows their change-log rows.
 * Skipped without a server (SF_TEST_PG_URI unset).
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sf-change-log-window.h"
#include "sf-preferences-window.h"
#include "sf-roster-page-private.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-window.h"

typedef struct
{
  char     *uri;
  char     *who;
  SfStore  *store_a;
  SfStore  *store_b;
  SfWindow *window_a;
  SfWindow *window_b;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  sf_test_pg_two_stores (&fx->uri, &fx->who, &fx->store_a, &fx->store_b);
  fx->window_a = sf_test_present_window (fx->store_a);
  fx->window_b = sf_test_present_window (fx->store_b);
  sf_test_wait_for_frame ();
  g_assert_true (sf_context_is_following_others (sf_window_get_context (fx->window_a)));
  g_assert_true (sf_context_is_following_others (sf_window_get_context (fx->window_b)));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  sf_test_destroy_toplevels ();
  g_assert_finalize_object (fx->store_a);
  g_assert_finalize_object (fx->store_b);
  g_free (fx->who);
  sf_test_pg_drop_database (fx->uri);
}

typedef struct
{
  GtkWidget  *window;
  const char *text;
} Toast;

/* With $SF_TEST_SHOTS set (a folder), the toast is looked for by who
 * alone (in any language) and the window is saved there as a PNG */
static gboolean
toast_shown (gpointer data)
{
  Toast *toast = data;

  if (g_getenv ("SF_TEST_SHOTS") != NULL)
    return sf_test_find_label_starting (toast->window, toast->text) != NULL;
  return sf_test_find_label (toast->window, toast->text) != NULL;
}

static gboolean
hours_are (gpointer data)
{
  Fixture *fx = data;
  const SfDataset *dataset = sf_context_get_dataset (sf_window_get_context (fx->window_b));

  return g_array_index (dataset->caseworkers, SfCaseworker, 1).weekly_hours == 25;
}

/* A changes a caseworker's hours in its window's store: B's window shows
 * the new figures and a toast naming who and whom; A's shows no toast */
static void
test_hours (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const SfDataset *dataset = sf_context_get_dataset (sf_window_get_context (fx->window_a));
  SfCaseworker worker = g_array_index (dataset->caseworkers, SfCaseworker, 1);
  g_autofree char *name = g_strdup (worker.name);
  Toast toast;
  guint first, n;
  gint64 start;

  first = sf_dataset_find_reductions (dataset, worker.id, &n);
  worker.weekly_hours = 25;
  if (g_getenv ("SF_TEST_SHOTS") != NULL)
    text = g_strdup_printf ("%s ", fx->who);
  else
    text = g_strdup_printf ("%s changed %s’s hours", fx->who, name);
  toast = (Toast) { GTK_WIDGET (fx->window_b), text };

  g_assert_cmpint (sf_roster_save_caseworker (fx->store_a, &worker,
                                              &g_array_index (dataset->reductions, SfReduction, first),
                                              n, &error), ==, worker.id);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_true (sf_test_wait_until (hours_are, fx));
  g_test_message ("shown in the other window after %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (sf_test_wait_until (toast_shown, &toast));
  g_assert_null (sf_test_find_label (GTK_WIDGET (fx->window_a), text));
  sf_test_save_shot (GTK_WIDGET (fx->window_b), "live-toast.png");
}

/* A caseworker added by A's import appears in B's roster */
static void
test_added (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = sf_test_bytes ("team;omraade;initialer;navn\n"
                                         "Modtageteam;boern-familie;NY1;Ny Kollega\n");
  g_auto(SfImportResult) result = { 0 };
  g_autofree char *text = g_strdup_printf ("%s added Ny Kollega", fx->who);
  SfRosterPage *roster = sf_window_get_roster_page (fx->window_b);
  guint before = sf_roster_page_get_n_caseworkers (roster);
  Toast toast = { GTK_WIDGET (fx->window_b), text };

  g_assert_true (sf_import_roster (fx->store_a, csv, &result, &error));
  g_assert_no_error (error);
  g_assert_true (sf_test_wait_until (toast_shown, &toast));
  g_assert_cmpuint (sf_roster_page_get_n_caseworkers (roster), ==, before + 1);
}

typedef struct
{
  SfChangeLogModel *model;
  guint             n;
  const char       *action;
  guint             removed;   /* what the model's last items-changed said */
  guint             added;
} Logged;

static void
on_log_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Logged     *logged)
{
  logged->removed = removed;
  logged->added = added;
}

/* The model lists @n rows, the newest of them @action's */
static gboolean
log_shows (gpointer data)
{
  Logged *logged = data;
  g_autoptr(SfChangeLogItem) first = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (logged->model)) != logged->n)
    return FALSE;
  first = g_list_model_get_item (G_LIST_MODEL (logged->model), 0);
  return first != NULL && g_strcmp0 (sf_change_log_item_get_entry (first)->action, logged->action) == 0;
}

/* B's Change Log window is open; A closes a case: the window shows A's
 * change-log row without being opened again, added on top of the rows it
 * had (the list keeps its place), not the whole log read again */
static void
test_change_log (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfChangeLogWindow *log = sf_change_log_window_new (GTK_WINDOW (fx->window_b), fx->store_b);
  const SfDataset *dataset = sf_context_get_dataset (sf_window_get_context (fx->window_a));
  gint64 id = 0;
  Logged logged;

  for (guint i = 0; id == 0 && i < dataset->cases->len; i++)
    {
      const SfCase *kase = &g_array_index (dataset->cases, SfCase, i);

      if (kase->closed == SF_DAY_NONE && kase->start <= sf_day_today ())
        id = kase->id;
    }
  g_assert_cmpint (id, !=, 0);

  gtk_window_present (GTK_WINDOW (log));
  sf_test_wait_for_frame ();
  logged.model = sf_change_log_window_get_model (log);
  logged.n = g_list_model_get_n_items (G_LIST_MODEL (logged.model)) + 1;
  logged.action = "case-close";
  logged.removed = logged.added = G_MAXUINT;
  g_signal_connect (logged.model, "items-changed", G_CALLBACK (on_log_items_changed_cb), &logged);

  g_assert_true (sf_cases_close (fx->store_a, &id, 1, sf_day_today (), &error));
  g_assert_no_error (error);
  g_assert_true (sf_test_wait_until (log_shows, &logged));
  g_assert_cmpuint (logged.removed, ==, 0);
  g_assert_cmpuint (logged.added, ==, 1);
  g_signal_handlers_disconnect_by_data (logged.model, &logged);
  sf_test_save_shot (GTK_WIDGET (log), "live-change-log.png");
}

typedef struct
{
  SfPreferencesWindow *window;
  gint64               team_id;   /* a team whose norm A set to 17 */
  gint64               new_team;  /* and the team A added */
} Preferences;

static gboolean
preferences_follow (gpointer data)
{
  Preferences *prefs = data;
  GtkSpinButton *weight = sf_preferences_window_get_spin (prefs->window, "weight-enkel");
  GtkSpinButton *norm = sf_preferences_window_get_team_spin (prefs->window, prefs->team_id);

  return G_APPROX_VALUE (gtk_spin_button_get_value (weight), 0.6, 1e-9) &&
         norm != NULL && G_APPROX_VALUE (gtk_spin_button_get_value (norm), 17, 1e-9) &&
         sf_preferences_window_get_team_spin (prefs->window, prefs->new_team) != NULL;
}

/* B's Preferences are open; A changes a weight and a team's norm and adds a
 * team: B's window shows them without being opened again, and B's next
 * write of the weight is not taken for a conflict with A's */
static void
test_preferences (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfContext *context_b = sf_window_get_context (fx->window_b);
  const SfDataset *dataset = sf_context_get_dataset (context_b);
  SfTeam team = g_array_index (dataset->teams, SfTeam, 0);
  SfSettings seen = *sf_context_get_settings (sf_window_get_context (fx->window_a));
  Preferences prefs = { sf_preferences_window_new (GTK_WINDOW (fx->window_b), context_b), team.id, 0 };
  SfTeam added = { 0, (char *) "Nyt team", team.area_id, 0, 0 };

  gtk_window_present (GTK_WINDOW (prefs.window));
  sf_test_wait_for_frame ();
  g_assert_nonnull (sf_preferences_window_get_team_spin (prefs.window, team.id));

  g_assert_true (sf_preferences_set_setting (fx->store_a, "weight-enkel", "Simple", "0.6", &seen, &error));
  g_assert_no_error (error);
  g_assert_true (sf_preferences_set_team_norm (fx->store_a, team.id, 17, &error));
  g_assert_no_error (error);
  prefs.new_team = sf_roster_save_team (fx->store_a, &added, &error);
  g_assert_no_error (error);
  g_assert_cmpint (prefs.new_team, >, 0);
  g_assert_true (sf_test_wait_until (preferences_follow, &prefs));

  /* B writes the weight shown (at once, as the spin button changes): it
   * had seen A's, so it is no conflict and is written */
  gtk_spin_button_set_value (sf_preferences_window_get_spin (prefs.window, "weight-enkel"), 0.7);
  {
    g_autofree char *stored = sf_store_get_setting (fx->store_a, "weight-enkel");

    g_assert_cmpstr (stored, ==, "0.7");
  }
  sf_test_save_shot (GTK_WIDGET (prefs.window), "live-preferences.png");
}

int
main (int    argc,
      char **argv)
{
  sf_test_pg_require (argc, argv);
  sf_test_gui_init (&argc, &argv);
  if (g_getenv ("SF_TEST_SHOTS") != NULL)
    sf_i18n_init ();

  g_test_add ("/live-gui/hours", Fixture, NULL, fixture_set_up, test_hours, fixture_tear_down);
  g_test_add ("/live-gui/added", Fixture, NULL, fixture_set_up, test_added, fixture_tear_down);
  g_test_add ("/live-gui/change-log", Fixture, NULL, fixture_set_up, test_change_log, fixture_tear_down);
  g_test_add ("/live-gui/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);

  return g_test_run ();
}
