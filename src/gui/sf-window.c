/* sf-window.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-error-dialog.h"
#include "sf-access-dialog.h"
#include "sf-alerts-page.h"
#include "sf-backups-window.h"
#include "sf-caseloads-page.h"
#include "sf-change-log-window.h"
#include "sf-checklists-page.h"
#include "sf-export-chooser.h"
#include "sf-import-error-dialog.h"
#include "sf-import-preview-dialog.h"
#include "sf-planning-page.h"
#include "sf-roster-page.h"
#include "sf-server-choice.h"
#include "sf-suggest-dialog.h"
#include "sf-window.h"

struct _SfWindow
{
  AdwApplicationWindow  parent_instance;

  SfContext            *context;
  GSettings            *settings;
  GtkFileChooserNative *import_chooser;
  guint                 poll_id;

  AdwViewSwitcherTitle *window_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewStackPage     *alerts_stack_page;
  SfAlertsPage         *alerts_page;
  GtkToggleButton      *search_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  SfRosterPage         *roster_page;
  SfCaseloadsPage      *caseloads_page;
  SfChecklistsPage     *checklists_page;
  SfTeamsPage          *teams_page;
  SfPlanningPage       *planning_page;
  AdwToast             *undo_toast;    /* weak: the latest undo toast */

  /* Which database is open, and who is signed in to it */
  GtkLabel             *database_label;
  GtkLabel             *user_label;
  AdwStatusPage        *no_access_page;
  /* A server's connection lost: the banner says so, edits are held back
   * and the window reconnects, waiting longer after each failed try */
  GtkBox               *banner_box;
  GtkWidget            *banner;        /* an AdwBanner, or a revealer where there is none */
  GtkLabel             *banner_label;  /* the revealer's words and button */
  GtkWidget            *banner_button;
  gboolean              connection_lost;
  /* The server refused the password on reconnecting: no more tries until
   * the person connects again with the new one (the connect dialog) */
  gboolean              password_refused;
  guint                 reconnect_tries;
  guint                 reconnect_id;
  GCancellable         *reconnect_cancellable;
  AdwToast             *others_toast;  /* weak: the latest "who changed what" */
};

G_DEFINE_FINAL_TYPE (SfWindow, sf_window, ADW_TYPE_APPLICATION_WINDOW)

/* How often an open window looks for changes made by another program */
#define POLL_SECONDS 2
/* The longest wait between two tries to reconnect to a server */
#define RECONNECT_MAX_SECONDS 30

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The window's and the application's actions a role may not use, each
 * with what it does (the table of who may do what is core's:
 * sf_access_may()).  All of them write: a lost connection holds them
 * back too. */
static const struct
{
  const char *action;
  SfAccessDo  what;
} role_actions[] = {
  { "win.import-roster",  SF_ACCESS_DO_IMPORT_ROSTER },
  { "win.import-cases",   SF_ACCESS_DO_CASES },
  { "win.new-team",       SF_ACCESS_DO_TEAMS },
  { "win.new-caseworker", SF_ACCESS_DO_CASEWORKERS },
  { "win.demo",           SF_ACCESS_DO_DEMO },
  { "win.access",         SF_ACCESS_DO_GRANT },
  { "app.preferences",    SF_ACCESS_DO_SETTINGS },
};

/* Each of role_actions enabled when the signed-in role may, the
 * connection is there, and for the demonstration data the database is
 * empty; access is granted on a server only */
static void
update_role_actions (SfWindow *self)
{
  const SfAccessSelf *access = sf_context_get_access (self->context);
  const char *state = gtk_stack_get_visible_child_name (self->main_stack);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GAction *action;

  for (guint i = 0; i < G_N_ELEMENTS (role_actions); i++)
    {
      const char *name = role_actions[i].action;
      gboolean enabled = sf_access_may (access, role_actions[i].what) && !self->connection_lost;

      if (role_actions[i].what == SF_ACCESS_DO_DEMO)
        enabled = enabled && g_strcmp0 (state, "empty") == 0;
      else if (role_actions[i].what == SF_ACCESS_DO_GRANT)
        enabled = enabled && access != NULL;
      if (g_str_has_prefix (name, "win."))
        gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
      else if (app != NULL && G_IS_SIMPLE_ACTION (action = g_action_map_lookup_action (G_ACTION_MAP (app), name + 4)))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
}

/* "empty" (no caseworkers yet), "no-access" (a login the database has
 * not given access) or "pages" */
static void
set_state (SfWindow   *self,
           const char *state)
{
  GtkSearchBar *search_bar = sf_roster_page_get_search_bar (self->roster_page);
  gboolean empty = g_strcmp0 (state, "pages") != 0;

  gtk_stack_set_visible_child_name (self->main_stack, state);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.suggest", !empty);
  adw_view_switcher_title_set_view_switcher_enabled (self->window_title, !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), !empty);
  /* Demonstration data goes into an empty database only, never among real data */
  update_role_actions (self);
  gtk_search_bar_set_key_capture_widget (search_bar, empty ? NULL : GTK_WIDGET (self));
  if (empty)
    gtk_search_bar_set_search_mode (search_bar, FALSE);
}

static void
restore_window_state (SfWindow *self)
{
  g_autofree char *page = NULL;
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  page = g_settings_get_string (self->settings, "last-page");
  if (adw_view_stack_get_child_by_name (self->view_stack, page) != NULL)
    sf_window_show_page (self, page);
}

static void
save_window_state (SfWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-page",
                         adw_view_stack_get_visible_child_name (self->view_stack));
  g_settings_apply (self->settings);
}

static void
on_import_chooser_response_cb (SfWindow             *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  gboolean cases = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "sf-import-cases"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      /* Cases from a case system: see what changes before anything does */
      if (file != NULL && cases)
        sf_import_preview_dialog_open (GTK_WINDOW (self), self->context, file);
      else if (file != NULL)
        sf_window_import_file (self, file, cases);
    }

  if (self->import_chooser == chooser)
    g_clear_object (&self->import_chooser);
}

static void
choose_import_file (SfWindow *self,
                    gboolean  cases)
{
  g_autoptr(GtkFileFilter) csv_filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (csv_filter, _("CSV Files"));
  gtk_file_filter_add_pattern (csv_filter, "*.csv");
  gtk_file_filter_add_pattern (csv_filter, "*.CSV");
  gtk_file_filter_add_mime_type (csv_filter, "text/csv");
  chooser = sf_open_chooser_new (&self->import_chooser, GTK_WINDOW (self),
                                 cases ? _("Import Cases") : _("Import Roster"), _("_Import"), csv_filter,
                                 G_CALLBACK (on_import_chooser_response_cb), self);
  g_object_set_data (G_OBJECT (chooser), "sf-import-cases", GINT_TO_POINTER (cases));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* win.import-roster and win.import-cases */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_import_file (SF_WINDOW (widget), g_str_equal (action_name, "win.import-cases"));
}

static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!sf_demo_populate (sf_context_get_store (self->context), sf_day_today (), &error))
    {
      sf_error_dialog_show (GTK_WINDOW (self), _("Demonstration Data Not Loaded"), error->message);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Demonstration data loaded"));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);

  if (g_strcmp0 (sf_window_get_visible_page (self), "roster") == 0)
    sf_roster_page_start_search (self->roster_page);
  else if (g_strcmp0 (sf_window_get_visible_page (self), "caseloads") == 0)
    {
      /* Finding a case: the list of cases, with the search field */
      sf_caseloads_page_set_view (self->caseloads_page, "cases");
      sf_cases_view_start_search (sf_caseloads_page_get_cases_view (self->caseloads_page));
    }
  else if (g_strcmp0 (sf_window_get_visible_page (self), "teams") == 0)
    sf_teams_page_start_search (self->teams_page);
}

/* Alt+1 … Alt+6.  The keyboard focus moves into the page, so that the
 * page's own shortcuts (Ctrl+P, Delete, …) work at once. */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  /* The cases are the Caseloads page's second view */
  if (g_strcmp0 (name, "cases") == 0)
    {
      sf_caseloads_page_set_view (self->caseloads_page, "cases");
      name = "caseloads";
    }
  else if (g_strcmp0 (name, "caseloads") == 0)
    sf_caseloads_page_set_view (self->caseloads_page, "overview");
  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;
  sf_window_show_page (self, name);
  gtk_widget_child_focus (adw_view_stack_get_visible_child (self->view_stack), GTK_DIR_TAB_FORWARD);
}

/* win.new-team and win.new-caseworker: new teams and caseworkers are made
 * on the Teams page */
static void
new_on_teams_page_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);

  /* From the empty state too: the window leaves it for the Teams page */
  sf_window_show_page (self, "teams");
  if (g_str_equal (action_name, "win.new-team"))
    sf_teams_page_new_team (self->teams_page);
  else
    sf_teams_page_new_caseworker (self->teams_page);
}

/* The count of the alerts (open errors and warnings) on the Alerts tab */
static void
update_badge (SfWindow *self)
{
  GPtrArray *alerts = sf_context_get_alerts (self->context);

  if (alerts == NULL)
    return;
  adw_view_stack_page_set_badge_number (self->alerts_stack_page, sf_alerts_count_unacknowledged (alerts));
  adw_view_stack_page_set_needs_attention (self->alerts_stack_page,
                                           sf_alerts_count_active (alerts, SF_SEVERITY_ERROR) > 0);
}

/* On a server: who is signed in, beside which database; a login the
 * database gives nothing gets the state that says whom to ask */
static gboolean
update_user (SfWindow *self)
{
  const SfAccessSelf *access = sf_context_get_access (self->context);
  g_autofree char *who = NULL;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->user_label), access != NULL);
  if (access == NULL)
    return TRUE;
  who = sf_access_describe (access);
  gtk_label_set_label (self->user_label, who);
  /* Translators: the tooltip of who is signed in ("bo · manager of Syg") */
  description = g_strdup_printf (_("Signed in as %s"), who);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->user_label), description);
  if (access->owner || access->roles != 0)
    return TRUE;

  g_free (description);
  description = g_strdup_printf (_("You are signed in as “%s”, but this shared database has not given "
                                   "that login access. Ask its administrator to grant you access: as "
                                   "the manager of your teams, as HR or as an administrator."),
                                 access->login);
  adw_status_page_set_description (self->no_access_page, description);
  return FALSE;
}

/* After everything was read again: the empty state, or the date of the
 * figures under the title */
static void
update_title (SfWindow *self)
{
  const SfFigures *figures = sf_context_get_figures (self->context);
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;

  if (!update_user (self))
    {
      adw_view_switcher_title_set_subtitle (self->window_title, NULL);
      set_state (self, "no-access");
      return;
    }
  /* Teams without caseworkers yet are shown: the Teams page adds them */
  if (figures == NULL || sf_context_is_empty (self->context))
    {
      adw_view_switcher_title_set_subtitle (self->window_title, NULL);
      set_state (self, "empty");
      return;
    }

  date = sf_day_format (figures->ref);
  /* Translators: the subtitle of the window; %s is a date */
  subtitle = g_strdup_printf (_("Figures on %s"), date);
  adw_view_switcher_title_set_subtitle (self->window_title, subtitle);
  set_state (self, "pages");
}

static void
on_context_changed_cb (SfWindow               *self,
                       const SfContextChanges *changes,
                       SfContext              *context)
{
  if (changes->what & SF_CONTEXT_ALERTS)
    update_badge (self);
  if (changes->what & SF_CONTEXT_EVERYTHING)
    update_title (self);
}

static void lose_connection (SfWindow *self);

static void
on_context_load_failed_cb (SfWindow     *self,
                           const GError *error,
                           SfContext    *context)
{
  if (g_error_matches (error, SF_DB_ERROR, SF_DB_ERROR_CONNECTION))
    {
      lose_connection (self);
      return;
    }
  sf_error_dialog_show (GTK_WINDOW (self), _("Could Not Read the Database"), error->message);
}

static void
on_undo_toast_clicked_cb (AdwToast *toast,
                          SfWindow *self)
{
  SfUndo *undo = g_object_get_data (G_OBJECT (toast), "sf-undo");
  g_autoptr(GError) error = NULL;

  /* An undo that fails (the database busy with another program's write,
   * or the row gone) is said, not only logged */
  if (undo != NULL && !sf_undo_run (undo, &error))
    sf_error_dialog_show (GTK_WINDOW (self), _("Could Not Undo"), error->message);
}

/* The one undo toast: an edit offered its undo through the context */
static void
on_context_undo_offered_cb (SfWindow  *self,
                            SfUndo    *undo,
                            SfContext *context)
{
  g_autofree char *escaped = g_markup_escape_text (sf_undo_get_title (undo), -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "sf-undo", sf_undo_ref (undo), (GDestroyNotify) sf_undo_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_toast_clicked_cb), self, 0);
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Another user's change arrived: one toast says who changed what, the
 * latest news replacing the one before while it is shown */
static void
on_context_changed_by_others_cb (SfWindow   *self,
                                 const char *description,
                                 SfContext  *context)
{
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  if (self->others_toast != NULL)
    {
      adw_toast_set_title (self->others_toast, escaped);
      return;
    }
  self->others_toast = adw_toast_new (escaped);
  g_object_add_weak_pointer (G_OBJECT (self->others_toast), (gpointer *) &self->others_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, self->others_toast);
}

/* win.toast: the one plain toast, for any widget of the window
 * (gtk_widget_activate_action (widget, "win.toast", "s", text)) */
static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  g_autofree char *escaped = NULL;

  /* A toast's title is markup: names may hold an ampersand */
  escaped = g_markup_escape_text (g_variant_get_string (parameter, NULL), -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* win.suggest, and win.suggest-for-team with the team chosen first */
static void
suggest_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  gint64 team_id = parameter != NULL ? g_variant_get_int64 (parameter) : 0;
  SfSuggestDialog *dialog = sf_suggest_dialog_new (GTK_WINDOW (self), self->context, team_id);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* (caseworker id, team name): shows that person, or with id 0 that team,
 * in the list of caseworkers. */
static void
show_subject_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  gint64 caseworker_id;
  const char *team;

  g_variant_get (parameter, "(x&s)", &caseworker_id, &team);
  sf_roster_page_show_subject (self->roster_page, caseworker_id, *team ? team : NULL);
  sf_window_show_page (self, "roster");
}

static void
change_log_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  SfChangeLogWindow *log = sf_change_log_window_new (GTK_WINDOW (self), sf_context_get_store (self->context));

  gtk_window_present (GTK_WINDOW (log));
}

static void
access_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (sf_access_dialog_new (GTK_WINDOW (self), self->context)));
}

static void
backups_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  SfBackupsWindow *backups = sf_backups_window_new (GTK_WINDOW (self), sf_context_get_store (self->context));

  gtk_window_present (GTK_WINDOW (backups));
}

/* ---- which database, and a lost connection ------------------------------- */

static void
update_database_label (SfWindow *self)
{
  SfDb *db = sf_store_get_db (sf_context_get_store (self->context));
  /* The location as the driver keeps it: a server's without its password */
  const char *location = sf_db_get_location (db);
  g_autofree char *what = sf_describe_location (location);
  g_autofree char *title = NULL;

  gtk_label_set_label (self->database_label, what);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_label),
                               sf_db_location_is_uri (location) ? what : location);
  /* Translators: the window's title; %s says which database is open */
  title = g_strdup_printf (_("Sagsfordeling – %s"), what);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* libadwaita's AdwBanner (1.3 and later) where the library has it; on 1.2
 * a revealer that looks the same.  Its button (shown only when the server
 * refused the password) opens the connect dialog. */
static void
make_banner (SfWindow *self)
{
  const char *text = _("Connection lost — reconnecting…");
  GType banner_type = g_type_from_name ("AdwBanner");

  if (banner_type != G_TYPE_INVALID)
    self->banner = g_object_new (banner_type, "title", text, "revealed", FALSE,
                                 "action-name", "app.connect", NULL);
  else
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "heading");
      self->banner_label = GTK_LABEL (label);
      self->banner_button = gtk_button_new ();
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), "app.connect");
      gtk_widget_set_valign (self->banner_button, GTK_ALIGN_CENTER);
      gtk_widget_set_visible (self->banner_button, FALSE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), self->banner_button);
      gtk_widget_add_css_class (box, "sf-banner");
      self->banner = gtk_revealer_new ();
      gtk_revealer_set_child (GTK_REVEALER (self->banner), box);
    }
  gtk_widget_set_name (self->banner, "sf-connection-banner");
  gtk_box_append (self->banner_box, self->banner);
}

/* The banner's words, and its button's (NULL: no button) */
static void
set_banner_text (SfWindow   *self,
                 const char *text,
                 const char *button)
{
  if (GTK_IS_REVEALER (self->banner))
    {
      gtk_label_set_label (self->banner_label, text);
      gtk_button_set_label (GTK_BUTTON (self->banner_button), button != NULL ? button : "");
      gtk_widget_set_visible (self->banner_button, button != NULL);
    }
  else
    g_object_set (self->banner, "title", text, "button-label", button, NULL);
}

static void
set_banner_revealed (SfWindow *self,
                     gboolean  revealed)
{
  if (GTK_IS_REVEALER (self->banner))
    gtk_revealer_set_reveal_child (GTK_REVEALER (self->banner), revealed);
  else
    g_object_set (self->banner, "revealed", revealed, NULL);
}

/* Edits are held back while there is no connection: the pages take no
 * input and the window's actions that write are off.  (An edit already
 * under way in a dialog fails as a whole: a server's transaction is
 * never half written.) */
static void
hold_edits (SfWindow *self,
            gboolean  hold)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), !hold);
  update_role_actions (self);
}

static void schedule_reconnect (SfWindow *self);

static void
on_reconnected_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SfWindow *self = SF_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) fresh = sf_server_connect_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reconnect_cancellable);
  if (fresh == NULL && g_error_matches (error, SF_DB_ERROR, SF_DB_ERROR_AUTH))
    {
      /* The password changed on the server: trying it again is no use */
      g_message ("The server refused the password on reconnecting: %s", error->message);
      self->password_refused = TRUE;
      set_banner_text (self,
                       _("Connection lost — the server no longer accepts the password. "
                         "Connect again with the new one."),
                       _("Connect…"));
      return;
    }
  if (fresh == NULL)
    {
      g_debug ("Reconnecting failed: %s", error->message);
      self->reconnect_tries++;
      schedule_reconnect (self);
      return;
    }

  self->connection_lost = FALSE;
  self->reconnect_tries = 0;
  set_banner_revealed (self, FALSE);
  hold_edits (self, FALSE);
  /* The store takes the new connection and says everything changed: the
   * context reads it all again and every page follows */
  sf_store_adopt (sf_context_get_store (self->context), SF_STORE (fresh));
  /* Other users' changes are followed on the new connection */
  if (!sf_context_follow_others (self->context, &error) && error != NULL)
    g_message ("Other users' changes are not followed: %s", error->message);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Connected again"));
}

static gboolean
reconnect_cb (gpointer user_data)
{
  SfWindow *self = user_data;
  SfStore *store = sf_context_get_store (self->context);

  self->reconnect_id = 0;
  self->reconnect_cancellable = g_cancellable_new ();
  /* The same location (its password, if any, is in the process's memory:
   * sf_db_set_password()), in a worker thread: a server that does not
   * answer never blocks the window */
  sf_server_connect_async (self, sf_store_get_path (store), NULL, NULL,
                           self->reconnect_cancellable, on_reconnected_cb, NULL);
  return G_SOURCE_REMOVE;
}

/* At once, then after 1, 2, 4 … seconds, at most RECONNECT_MAX_SECONDS */
static void
schedule_reconnect (SfWindow *self)
{
  guint seconds = 0;

  if (self->reconnect_id != 0 || self->reconnect_cancellable != NULL)
    return;
  if (self->reconnect_tries > 0)
    seconds = MIN (1u << MIN (self->reconnect_tries - 1, 5u), RECONNECT_MAX_SECONDS);
  self->reconnect_id = g_timeout_add_seconds (seconds, reconnect_cb, self);
}

static void
lose_connection (SfWindow *self)
{
  if (self->connection_lost)
    return;
  g_message ("The connection to the database server was lost; reconnecting");
  self->connection_lost = TRUE;
  self->password_refused = FALSE;
  self->reconnect_tries = 0;
  set_banner_text (self, _("Connection lost — reconnecting…"), NULL);
  set_banner_revealed (self, TRUE);
  hold_edits (self, TRUE);
  schedule_reconnect (self);
}

/* Only while the window is shown: a hidden or minimised one has nobody to
 * show the news to, and catches up when it is shown again. */
static gboolean
poll_cb (gpointer user_data)
{
  SfWindow *self = user_data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    sf_window_check_for_changes (self);
  return G_SOURCE_CONTINUE;
}

/* The application's actions follow the window's role too */
static void
on_application_notify_cb (SfWindow *self)
{
  update_role_actions (self);
}

static void
on_map_cb (SfWindow *self)
{
  sf_window_check_for_changes (self);
}

static gboolean
sf_window_close_request (GtkWindow *window)
{
  save_window_state (SF_WINDOW (window));

  return GTK_WINDOW_CLASS (sf_window_parent_class)->close_request (window);
}

static void
sf_window_constructed (GObject *object)
{
  SfWindow *self = (SfWindow *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (sf_window_parent_class)->constructed (object);

  g_assert (SF_IS_CONTEXT (self->context));

  /* The window's own widgets follow the context; each page follows it
   * itself */
  g_signal_connect_object (self->context, "changed",
                           G_CALLBACK (on_context_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "load-failed",
                           G_CALLBACK (on_context_load_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "undo-offered",
                           G_CALLBACK (on_context_undo_offered_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "changed-by-others",
                           G_CALLBACK (on_context_changed_by_others_cb), self,
                           G_CONNECT_SWAPPED);
  sf_roster_page_set_context (self->roster_page, self->context);
  sf_teams_page_set_context (self->teams_page, self->context);
  sf_caseloads_page_set_context (self->caseloads_page, self->context);
  sf_checklists_page_set_context (self->checklists_page, self->context);
  sf_alerts_page_set_context (self->alerts_page, self->context);
  sf_planning_page_set_context (self->planning_page, self->context);
  update_database_label (self);
  sf_window_reload (self);
  /* On a server, other users' changes arrive as they are made */
  if (!sf_context_follow_others (self->context, &error) && error != NULL)
    g_message ("Other users' changes are not followed: %s", error->message);

  self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_notify_cb), NULL);
}

static void
sf_window_dispose (GObject *object)
{
  SfWindow *self = (SfWindow *)object;

  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  g_cancellable_cancel (self->reconnect_cancellable);
  g_clear_object (&self->reconnect_cancellable);
  sf_chooser_close (&self->import_chooser);

  g_clear_weak_pointer (&self->undo_toast);
  g_clear_weak_pointer (&self->others_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_WINDOW);

  G_OBJECT_CLASS (sf_window_parent_class)->dispose (object);
}

static void
sf_window_finalize (GObject *object)
{
  SfWindow *self = (SfWindow *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sf_window_parent_class)->finalize (object);
}

static void
sf_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SfWindow *self = SF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SfWindow *self = SF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_window_class_init (SfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sf_window_constructed;
  object_class->dispose = sf_window_dispose;
  object_class->finalize = sf_window_finalize;
  object_class->get_property = sf_window_get_property;
  object_class->set_property = sf_window_set_property;

  window_class->close_request = sf_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         SF_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SF_TYPE_ROSTER_PAGE);
  g_type_ensure (SF_TYPE_ALERTS_PAGE);
  g_type_ensure (SF_TYPE_CASELOADS_PAGE);
  g_type_ensure (SF_TYPE_CHECKLISTS_PAGE);
  g_type_ensure (SF_TYPE_TEAMS_PAGE);
  g_type_ensure (SF_TYPE_PLANNING_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SfWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, roster_page);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, teams_page);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, planning_page);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, alerts_stack_page);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, alerts_page);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, caseloads_page);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, checklists_page);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, database_label);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, user_label);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, no_access_page);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, banner_box);

  gtk_widget_class_install_action (widget_class, "win.import-roster", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-cases", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.demo", NULL, demo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.new-team", NULL, new_on_teams_page_action);
  gtk_widget_class_install_action (widget_class, "win.new-caseworker", NULL, new_on_teams_page_action);
  gtk_widget_class_install_action (widget_class, "win.suggest", NULL, suggest_action);
  gtk_widget_class_install_action (widget_class, "win.suggest-for-team", "x", suggest_action);
  gtk_widget_class_install_action (widget_class, "win.show-subject", "(xs)", show_subject_action);
  gtk_widget_class_install_action (widget_class, "win.change-log", NULL, change_log_action);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);
  gtk_widget_class_install_action (widget_class, "win.access", NULL, access_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
}

static void
sf_window_init (SfWindow *self)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  make_banner (self);

  g_object_bind_property (self->search_button, "active",
                          sf_roster_page_get_search_bar (self->roster_page), "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  /* Uninstalled runs may not find the schema: then the size is not kept */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  else
    g_debug ("Schema %s not found; the window size will not be kept", APPLICATION_ID);

  restore_window_state (self);
}

/* @application may be NULL (tests). */
SfWindow *
sf_window_new (GtkApplication *application,
               SfContext      *context)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SF_IS_CONTEXT (context), NULL);

  return g_object_new (SF_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

SfContext *
sf_window_get_context (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  return self->context;
}

/* Reads the database again and shows the figures on today's date. */
void
sf_window_reload (SfWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SF_IS_WINDOW (self));

  if (!sf_context_reload (self->context, &error))
    {
      if (g_error_matches (error, SF_DB_ERROR, SF_DB_ERROR_CONNECTION))
        lose_connection (self);
      else
        sf_error_dialog_show (GTK_WINDOW (self), _("Could Not Read the Database"), error->message);
    }
}

/* Reloads when another program has changed the database since the last
 * look (sf_context_check_for_changes()).  Returns whether it did. */
gboolean
sf_window_check_for_changes (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), FALSE);

  /* A server that went away has said so on the connection by now */
  if (!self->connection_lost &&
      !sf_db_is_connected (sf_store_get_db (sf_context_get_store (self->context))))
    lose_connection (self);
  if (self->connection_lost)
    return FALSE;
  return sf_context_check_for_changes (self->context);
}

/* Whether the window has lost its server and is reconnecting (the banner
 * is shown and edits are held back) */
gboolean
sf_window_is_connection_lost (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), FALSE);

  return self->connection_lost;
}

/* Whether the server refused the password when the window tried to
 * reconnect: the banner says so and offers to connect again */
gboolean
sf_window_is_password_refused (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), FALSE);

  return self->password_refused;
}

/* The banner of a lost connection: an AdwBanner or, on libadwaita 1.2, a
 * GtkRevealer */
GtkWidget *
sf_window_get_connection_banner (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  return self->banner;
}

/* Which database the window says is open */
const char *
sf_window_get_database_label (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  return gtk_label_get_label (self->database_label);
}

/* "empty" while there are no caseworkers, "no-access" for a login the
 * server's database gives nothing, else the name of the page shown. */
const char *
sf_window_get_visible_page (SfWindow *self)
{
  const char *state;

  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  state = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (state, "pages") != 0)
    return state;

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

SfChecklistsPage *
sf_window_get_checklists_page (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  return self->checklists_page;
}

SfCaseloadsPage *
sf_window_get_caseloads_page (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  sf_caseloads_page_catch_up (self->caseloads_page);
  return self->caseloads_page;
}

SfRosterPage *
sf_window_get_roster_page (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  return self->roster_page;
}

/* Imports @file as the roster or as cases.  A refused file changes nothing
 * and its problems are shown in a dialog; returns whether it was imported. */
gboolean
sf_window_import_file (SfWindow *self,
                       GFile    *file,
                       gboolean  cases)
{
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  guint rows;

  g_return_val_if_fail (SF_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!sf_import_file (sf_context_get_store (self->context), file, cases, &result, &error))
    {
      GtkWidget *dialog = sf_import_error_dialog_new (GTK_WINDOW (self),
                                                      error != NULL ? error->message : NULL,
                                                      result.problems);

      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }

  rows = result.rows;
  if (cases)
    toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u case", "Imported %u cases", rows),
                             rows);
  else
    toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u caseworker", "Imported %u caseworkers", rows),
                             rows);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", toast);

  return TRUE;
}

SfTeamsPage *
sf_window_get_teams_page (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  sf_teams_page_catch_up (self->teams_page);
  return self->teams_page;
}

/* Shows the page @name ("roster", "alerts", …) of the view stack. */
void
sf_window_show_page (SfWindow   *self,
                     const char *name)
{
  g_return_if_fail (SF_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

SfAlertsPage *
sf_window_get_alerts_page (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  sf_alerts_page_catch_up (self->alerts_page);
  return self->alerts_page;
}


/* The latest undo toast, while it is shown */
AdwToast *
sf_window_get_undo_toast (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  return self->undo_toast;
}
