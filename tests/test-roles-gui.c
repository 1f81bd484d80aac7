/* test-roles-gui.c: the window on a shared database as a manager, HR, an
 * administrator and a login without access: who is signed in, which
 * actions are offered (sf_access_may()'s table), and the administrator's
 * access dialog granting, refusing, taking away and undoing, checked in
 * the server's access table.  Skipped without a server (SF_TEST_PG_URI
 * unset).
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <unistd.h>

#include "sf-access-dialog-private.h"
#include "sf-alerts-page.h"
#include "sf-caseloads-page.h"
#include "sf-checklists-page-private.h"
#include "sf-planning-page-private.h"
#include "sf-teams-page-private.h"
#include "sf-server.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-window.h"

enum { MANAGER, HR, ADMIN, NONE, SPARE, N_LOGINS };

static const char * const login_kinds[N_LOGINS] = { "m", "hr", "ad", "none", "spare" };

/* The application the windows belong to, for app.preferences */
static GtkApplication *application;

typedef struct
{
  char    *uri;                 /* as the owner (the test server's superuser) */
  char    *logins[N_LOGINS];
  SfStore *store;               /* the window's, as the login the test plays */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static int counter;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) owner = NULL;
  g_autofree char *grant = NULL;
  int n = ++counter;

  fixture->uri = sf_test_pg_new_server_database ();
  owner = sf_store_open (fixture->uri, &error);
  g_assert_no_error (error);
  sf_test_import_example (owner);

  /* Login roles are made by the server's administrator; the owner grants */
  for (int i = 0; i < N_LOGINS; i++)
    {
      g_autofree char *create = NULL;

      fixture->logins[i] = g_strdup_printf ("sfr_%ld_%d_%s", (long) getpid (), n, login_kinds[i]);
      create = g_strdup_printf ("CREATE ROLE \"%s\" LOGIN", fixture->logins[i]);
      g_free (sf_test_pg_query (fixture->uri, create));
    }
  /* A checklist for the manager's team, for its check marks */
  {
    g_autoptr(GPtrArray) templates = sf_checklist_templates_load_default (&error);
    g_autofree char *sql = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (sf_checklist_create (owner, sf_test_query_int (owner, "SELECT id FROM team WHERE name = 'Familie'"),
                                          ((SfChecklistTemplate *) g_ptr_array_index (templates, 0))->key, &error),
                     >, 0);
    g_assert_no_error (error);
  }
  g_assert_true (sf_access_grant (owner, fixture->logins[MANAGER], "manager",
                                  (const char *[]) { "Familie", NULL }, &error));
  g_assert_true (sf_access_grant (owner, fixture->logins[HR], "hr", NULL, &error));
  g_assert_true (sf_access_grant (owner, fixture->logins[ADMIN], "admin", NULL, &error));
  g_assert_no_error (error);
  /* A login that may read the tables (a group role of the server, granted
   * for another database) but has no row in this one */
  grant = g_strdup_printf ("GRANT sagsfordeling_manager TO \"%s\"", fixture->logins[NONE]);
  g_free (sf_test_pg_query (fixture->uri, grant));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sf_test_destroy_toplevels ();
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  sf_test_pg_drop_database (g_steal_pointer (&fixture->uri));
  for (int i = 0; i < N_LOGINS; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP ROLE IF EXISTS \"%s\"", fixture->logins[i]);

      g_free (sf_test_pg_query (g_getenv ("SF_TEST_PG_URI"), drop));
      g_free (fixture->logins[i]);
    }
}

/* The real window of the application, as @who */
static SfWindow *
open_window_as (Fixture *fixture,
                int      who)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = sf_test_pg_uri_as (fixture->uri, fixture->logins[who]);
  g_autoptr(SfContext) context = NULL;
  SfWindow *window;

  fixture->store = sf_store_open (uri, &error);
  g_assert_no_error (error);
  context = sf_context_new (fixture->store);
  window = sf_window_new (application, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sf_test_wait_for_frame ();
  return window;
}

/* Whether a button for @action inside @widget would be offered: an
 * actionable widget is sensitive while its action is enabled */
static gboolean
action_enabled (GtkWidget  *widget,
                const char *action)
{
  GtkWidget *box = sf_test_find_widget (widget, GTK_TYPE_BOX);
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  gtk_box_append (GTK_BOX (box), probe);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_box_remove (GTK_BOX (box), probe);
  return enabled;
}

/* The same for an action with a parameter (@target, floating) */
static gboolean
action_enabled_for (GtkWidget  *widget,
                    const char *action,
                    GVariant   *target)
{
  GtkWidget *box = sf_test_find_widget (widget, GTK_TYPE_BOX);
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (probe), target);
  gtk_box_append (GTK_BOX (box), probe);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_box_remove (GTK_BOX (box), probe);
  return enabled;
}

static const char * const role_actions[] = {
  "win.import-roster", "win.import-cases", "win.new-team", "win.new-caseworker", "win.access",
  "app.preferences", NULL
};

/* @expected: the actions of role_actions offered, space-separated */
static void
assert_actions (SfWindow   *window,
                const char *expected)
{
  g_autoptr(GString) offered = g_string_new (NULL);

  for (guint i = 0; role_actions[i] != NULL; i++)
    if (action_enabled (GTK_WIDGET (window), role_actions[i]))
      g_string_append_printf (offered, "%s%s", offered->len > 0 ? " " : "", role_actions[i]);
  g_assert_cmpstr (offered->str, ==, expected);
  /* Never demonstration data among real data, whoever asks */
  g_assert_false (action_enabled (GTK_WIDGET (window), "win.demo"));
}

/* What the window says of who is signed in */
static const char *
user_label (SfWindow *window)
{
  GtkWidget *label = sf_test_child (window, SF_TYPE_WINDOW, "user_label");

  g_assert_true (gtk_widget_get_visible (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

/* What a role's window shows and offers */
typedef struct
{
  int          who;
  const char  *as;        /* after the login in the header */
  guint        workers;   /* the caseworkers it sees */
  const char  *offered;   /* the actions of role_actions enabled */
  gboolean     cases;     /* a new case offered on the list of cases */
  gboolean     scenarios; /* a new scenario offered on the Planning page */
  gboolean     teams;     /* a team's edit and removal offered on the Teams page */
  gboolean     acks;      /* alerts' acknowledgements offered */
  gboolean     checks;    /* checklist items' check marks offered */
} Role;

static const Role manager = {
  MANAGER, " · manager of Familie", 3, "win.import-cases win.new-caseworker", TRUE, FALSE, FALSE, TRUE, TRUE
};
static const Role hr = {
  HR, " · HR", 4, "win.import-roster win.new-team win.new-caseworker", FALSE, TRUE, TRUE, FALSE, FALSE
};
static const Role admin = {
  ADMIN, " · administrator", 4,
  "win.import-roster win.import-cases win.new-team win.new-caseworker win.access app.preferences", TRUE, TRUE,
  TRUE, TRUE, TRUE
};

/* The Planning page has computed its figures (off the main thread) */
static gboolean
planning_ready (gpointer page)
{
  return sf_planning_page_get_planning (page) != NULL;
}

static void
test_role (Fixture       *fixture,
           gconstpointer  data)
{
  const Role *role = data;
  SfWindow *window = open_window_as (fixture, role->who);
  g_autofree char *who = g_strconcat (fixture->logins[role->who], role->as, NULL);
  GtkWidget *cases, *planning, *alerts;
  SfTeamsPage *teams;
  SfChecklistsPage *checklists;
  GtkCheckButton *check;
  gint64 familie;

  g_assert_cmpstr (sf_window_get_visible_page (window), ==, "roster");
  g_assert_cmpstr (user_label (window), ==, who);
  /* A manager sees their team's three people, not Sygedagpenge's */
  g_assert_cmpuint (sf_context_get_dataset (sf_window_get_context (window))->caseworkers->len, ==, role->workers);
  assert_actions (window, role->offered);

  /* The pages' own actions that write, once each page is shown */
  sf_window_show_page (window, "caseloads");
  sf_test_wait_for_frame ();
  cases = GTK_WIDGET (sf_caseloads_page_get_cases_view (sf_window_get_caseloads_page (window)));
  g_assert_cmpint (action_enabled (cases, "cases.new"), ==, role->cases);
  g_assert_cmpint (action_enabled (cases, "cases.counts"), ==, role->cases);
  sf_window_show_page (window, "planning");
  sf_test_wait_for_frame ();
  planning = sf_test_find_widget (GTK_WIDGET (window), SF_TYPE_PLANNING_PAGE);
  g_assert_true (sf_test_wait_until (planning_ready, planning));
  g_assert_cmpint (action_enabled (planning, "planning.new-scenario"), ==, role->scenarios);

  /* Teams: HR's and admin's to change, whichever team is chosen */
  familie = sf_test_query_int (fixture->store, "SELECT id FROM team WHERE name = 'Familie'");
  sf_window_show_page (window, "teams");
  sf_test_wait_for_frame ();
  teams = sf_window_get_teams_page (window);
  g_assert_true (sf_teams_page_select_team (teams, familie));
  g_assert_cmpint (action_enabled (GTK_WIDGET (teams), "teams.edit-team"), ==, role->teams);
  g_assert_cmpint (action_enabled (GTK_WIDGET (teams), "teams.remove-team"), ==, role->teams);
  g_assert_true (action_enabled (GTK_WIDGET (teams), "teams.planned-hires"));

  /* Alerts: acknowledged by managers and admin, read by HR */
  sf_window_show_page (window, "alerts");
  sf_test_wait_for_frame ();
  alerts = sf_test_find_widget (GTK_WIDGET (window), SF_TYPE_ALERTS_PAGE);
  g_assert_cmpint (action_enabled_for (alerts, "alerts.acknowledge", g_variant_new_string ("x")), ==, role->acks);
  g_assert_cmpint (action_enabled_for (alerts, "alerts.reopen", g_variant_new_string ("x")), ==, role->acks);

  /* Checklists: checked by managers and admin */
  checklists = sf_window_get_checklists_page (window);
  sf_window_show_page (window, "checklists");
  sf_checklists_page_select_team (checklists, familie);
  sf_test_wait_for_frame ();
  check = sf_checklists_page_get_check_button (checklists, sf_test_query_int (fixture->store,
                                                                              "SELECT min (id) FROM checklist_item"));
  g_assert_nonnull (check);
  g_assert_cmpint (gtk_widget_get_sensitive (GTK_WIDGET (check)), ==, role->checks);
  g_assert_cmpint (action_enabled_for (GTK_WIDGET (checklists), "checklists.open-item", g_variant_new_int64 (1)), ==,
                   role->checks);
}

/* A login the database gives nothing: not an empty-looking app, but
 * whom to ask */
static void
test_no_access (Fixture       *fixture,
                gconstpointer  data)
{
  SfWindow *window = open_window_as (fixture, NONE);
  AdwStatusPage *page = ADW_STATUS_PAGE (sf_test_child (window, SF_TYPE_WINDOW, "no_access_page"));

  g_assert_cmpstr (sf_window_get_visible_page (window), ==, "no-access");
  g_assert_cmpstr (user_label (window), ==, fixture->logins[NONE]);
  g_assert_nonnull (strstr (adw_status_page_get_description (page), fixture->logins[NONE]));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "administrator"));
  assert_actions (window, "");
}

/* What the window offers is read again with the data: a grant made
 * meanwhile (or a reconnect, which reads everything again) */
static void
test_reevaluated (Fixture       *fixture,
                  gconstpointer  data)
{
  SfWindow *window = open_window_as (fixture, MANAGER);
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) owner = sf_store_open (fixture->uri, &error);
  g_autofree char *who = g_strdup_printf ("%s · HR; manager of Familie", fixture->logins[MANAGER]);

  g_assert_no_error (error);
  assert_actions (window, "win.import-cases win.new-caseworker");
  g_assert_true (sf_access_grant (owner, fixture->logins[MANAGER], "hr", NULL, &error));
  g_assert_no_error (error);
  sf_window_reload (window);
  sf_test_wait_for_frame ();
  g_assert_cmpstr (user_label (window), ==, who);
  assert_actions (window, "win.import-roster win.import-cases win.new-team win.new-caseworker");
}

/* A database file: the user owns it and may do everything; nothing
 * about sign-ins is shown */
static void
test_file (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open (path, &error);
  g_autoptr(SfContext) context = NULL;
  SfWindow *window;

  g_assert_no_error (error);
  sf_test_import_example (store);
  context = sf_context_new (store);
  window = sf_window_new (application, context);
  gtk_window_present (GTK_WINDOW (window));
  sf_test_wait_for_frame ();
  g_assert_false (gtk_widget_get_visible (sf_test_child (window, SF_TYPE_WINDOW, "user_label")));
  assert_actions (window, "win.import-roster win.import-cases win.new-team win.new-caseworker app.preferences");
  sf_test_destroy_toplevels ();
}

/* The owner's view of @login's rows: "role:team" each, sorted */
static char *
server_rows (Fixture    *fixture,
             const char *login)
{
  g_autofree char *sql = g_strdup_printf ("SELECT string_agg (a.role || ':' || coalesce (t.name, ''), ' '"
                                          " ORDER BY a.role, t.name) FROM user_access a"
                                          " LEFT JOIN team t ON t.id = a.team_id WHERE a.login = '%s'",
                                          login);
  char *rows = sf_test_pg_query (fixture->uri, sql);

  return rows != NULL ? rows : g_strdup ("");
}

static GtkWidget *
revoke_button_of (SfAccessDialog *dialog,
                  const char     *login)
{
  for (guint i = 0; i < dialog->entries->len; i++)
    {
      const SfAccessEntry *entry = g_ptr_array_index (dialog->entries, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (dialog->access_list, (int) i);

      if (g_strcmp0 (entry->login, login) == 0)
        return sf_test_find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON);
    }
  return NULL;
}

static void
test_access_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  SfWindow *window = open_window_as (fixture, ADMIN);
  const char *spare = fixture->logins[SPARE];
  g_autofree char *rows = NULL;
  SfAccessDialog *dialog;
  GtkWidget *revoke;
  AdwExpanderRow *teams;
  GtkWidget *team_row = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.access", NULL));
  sf_test_wait_for_frame ();
  dialog = sf_test_find_toplevel (SF_TYPE_ACCESS_DIALOG);
  g_assert_nonnull (dialog);
  /* The admin, HR and the manager, as the server lists them */
  g_assert_cmpuint (dialog->entries->len, ==, 3);
  g_assert_nonnull (gtk_list_box_get_row_at_index (dialog->access_list, 2));
  g_assert_null (gtk_list_box_get_row_at_index (dialog->access_list, 3));

  /* A manager of Sygedagpenge: the login, the role, the team checked */
  gtk_editable_set_text (GTK_EDITABLE (dialog->login_row), spare);
  adw_combo_row_set_selected (dialog->role_row, 0);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dialog->teams_row)));
  teams = dialog->teams_row;
  g_assert_cmpuint (dialog->team_checks->len, ==, 2);
  for (guint i = 0; i < dialog->team_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (dialog->team_checks, i);

      GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Sygedagpenge") == 0)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          team_row = row;
        }
    }
  g_assert_nonnull (team_row);
  g_assert_true (gtk_widget_is_ancestor (team_row, GTK_WIDGET (teams)));
  sf_test_click (GTK_WIDGET (dialog->grant_button));
  sf_test_wait_for_frame ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->problem_label)));
  rows = server_rows (fixture, spare);
  g_assert_cmpstr (rows, ==, "manager:Sygedagpenge");
  g_clear_pointer (&rows, g_free);
  g_assert_cmpuint (dialog->entries->len, ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->login_row)), ==, "");

  /* A login the server does not have: said in words, nothing written */
  gtk_editable_set_text (GTK_EDITABLE (dialog->login_row), "sfr_nobody_here");
  adw_combo_row_set_selected (dialog->role_row, 1);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dialog->teams_row)));
  sf_test_click (GTK_WIDGET (dialog->grant_button));
  sf_test_wait_for_frame ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->problem_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (dialog->problem_label),
                            "There is no login “sfr_nobody_here” on the database server"));
  rows = server_rows (fixture, "sfr_nobody_here");
  g_assert_cmpstr (rows, ==, "");
  g_clear_pointer (&rows, g_free);
  g_assert_cmpuint (dialog->entries->len, ==, 4);

  /* Taken away, with an undo that grants it again */
  revoke = revoke_button_of (dialog, spare);
  g_assert_nonnull (revoke);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (revoke), ==, "Take Away Access");
  sf_test_click (revoke);
  sf_test_wait_for_frame ();
  rows = server_rows (fixture, spare);
  g_assert_cmpstr (rows, ==, "");
  g_clear_pointer (&rows, g_free);
  g_assert_cmpuint (dialog->entries->len, ==, 3);
  g_assert_null (revoke_button_of (dialog, spare));
  g_assert_nonnull (dialog->undo_toast);
  g_signal_emit_by_name (dialog->undo_toast, "button-clicked");
  sf_test_wait_for_frame ();
  rows = server_rows (fixture, spare);
  g_assert_cmpstr (rows, ==, "manager:Sygedagpenge");
  g_assert_cmpuint (dialog->entries->len, ==, 4);
  g_assert_nonnull (revoke_button_of (dialog, spare));
}

/* The administrator's Access… has a shortcut, and the shortcuts window
 * lists it (beside Preferences) */
static void
test_access_shortcut (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/sagsfordeling/Sagsfordeling/gtk/help-overlay.ui");
  GSList *objects = gtk_builder_get_objects (builder);
  gboolean listed = FALSE;

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *action = NULL;

        g_object_get (l->data, "action-name", &action, NULL);
        listed = listed || g_strcmp0 (action, "win.access") == 0;
      }
  g_slist_free (objects);
  g_assert_true (listed);
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  GSimpleAction *preferences;
  int status;

  sf_test_pg_require (argc, argv);
  sf_test_gui_init (&argc, &argv);

  /* An application with the app.* action the window governs; no bus */
  application = gtk_application_new (NULL, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  preferences = g_simple_action_new ("preferences", NULL);
  g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (preferences));
  g_object_unref (preferences);

  g_test_add ("/roles-gui/manager", Fixture, &manager, fixture_set_up, test_role, fixture_tear_down);
  g_test_add ("/roles-gui/hr", Fixture, &hr, fixture_set_up, test_role, fixture_tear_down);
  g_test_add ("/roles-gui/admin", Fixture, &admin, fixture_set_up, test_role, fixture_tear_down);
  g_test_add ("/roles-gui/no-access", Fixture, NULL, fixture_set_up, test_no_access, fixture_tear_down);
  g_test_add ("/roles-gui/reevaluated", Fixture, NULL, fixture_set_up, test_reevaluated, fixture_tear_down);
  g_test_add ("/roles-gui/access-dialog", Fixture, NULL, fixture_set_up, test_access_dialog, fixture_tear_down);
  g_test_add_func ("/roles-gui/file", test_file);
  g_test_add_func ("/roles-gui/access-shortcut", test_access_shortcut);

  status = g_test_run ();
  g_object_unref (application);
  return status;
}
