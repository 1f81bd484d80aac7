/* sf-window.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-alerts-page.h"
#include "sf-backups-window.h"
#include "sf-caseloads-page.h"
#include "sf-change-log-window.h"
#include "sf-checklists-page.h"
#include "sf-import-error-dialog.h"
#include "sf-import-preview-dialog.h"
#include "sf-planning-page.h"
#include "sf-roster-page.h"
#include "sf-suggest-dialog.h"
#include "sf-window.h"

struct _SfWindow
{
  AdwApplicationWindow  parent_instance;

  SfStore              *store;
  GSettings            *settings;
  GtkFileChooserNative *import_chooser;
  guint                 poll_id;
  gint64                data_version;

  AdwViewSwitcherTitle *window_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewStackPage     *alerts_stack_page;
  SfAlertsPage         *alerts_page;
  GPtrArray            *alerts;
  GtkToggleButton      *search_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  SfRosterPage         *roster_page;
  SfCaseloadsPage      *caseloads_page;
  SfChecklistsPage     *checklists_page;
  SfTeamsPage          *teams_page;
  SfPlanningPage       *planning_page;

  /* The figures of the last reload, and the pages not yet filled with
   * them: a page is filled when it is first shown (or asked for), so the
   * window opens on a large municipality as fast as on an empty one.  Once
   * filled, a page is kept current on every reload, as before. */
  SfDataset            *dataset;
  SfFigures            *figures;
  guint                 stale_pages;
  guint                 live_pages;
};

enum {
  STALE_TEAMS     = 1 << 0,
  STALE_CASELOADS = 1 << 1,
  STALE_ALERTS    = 1 << 2,
  STALE_PLANNING  = 1 << 3,
};

G_DEFINE_FINAL_TYPE (SfWindow, sf_window, ADW_TYPE_APPLICATION_WINDOW)

/* How often an open window looks for changes made by another program */
#define POLL_SECONDS 2

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (SfWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_empty (SfWindow *self,
           gboolean  empty)
{
  GtkSearchBar *search_bar = sf_roster_page_get_search_bar (self->roster_page);

  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "pages");
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.suggest", !empty);
  adw_view_switcher_title_set_view_switcher_enabled (self->window_title, !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), !empty);
  /* Demonstration data goes into an empty database only, never among real data */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.demo", empty);
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

static void fill_stale_pages (SfWindow *self,
                              guint     pages);
static void update_alerts    (SfWindow        *self,
                              const SfFigures *figures,
                              const SfDelta   *delta);

/* Follows a write this window's store made, row by row: the figures of the
 * people and teams it touched are computed again (sf_recompute_apply()) and
 * only their rows are replaced, so that editing one case among 100,000
 * costs what that case costs.  Returns FALSE when everything is to be
 * read again (another program's write, teams, settings, people added or
 * removed, a new day). */
static gboolean
update_in_place (SfWindow       *self,
                 const SfChange *change)
{
  g_autoptr(GError) error = NULL;
  gboolean figures_changed;
  SfDelta delta;

  if (self->dataset == NULL || self->figures == NULL || change->everything ||
      self->figures->ref != sf_day_today ())
    return FALSE;

  sf_delta_init (&delta);
  if (!sf_recompute_apply (self->store, self->dataset, self->figures, change, &delta, &error))
    {
      if (error != NULL)
        g_message ("Reading everything again: %s", error->message);
      sf_delta_clear (&delta);
      return FALSE;
    }

  figures_changed = delta.caseworkers->len > 0 || delta.teams->len > 0 || delta.cases->len > 0;
  if (figures_changed)
    {
      sf_roster_page_update_figures (self->roster_page, self->figures, delta.caseworkers);
      if (self->live_pages & STALE_TEAMS)
        sf_teams_page_update_figures (self->teams_page, self->figures, &delta);
      if (self->live_pages & STALE_CASELOADS)
        sf_caseloads_page_update_figures (self->caseloads_page, self->figures, &delta, change);
      if (self->live_pages & STALE_PLANNING)
        sf_planning_page_set_data (self->planning_page, self->store, self->figures->ref);
      /* Pages not yet shown are still stale: filled when they are shown */
    }
  if (change->tables & SF_CHANGE_CHECKLISTS)
    sf_checklists_page_reload (self->checklists_page, self->store, self->dataset);
  /* Checklist items due for follow-up are alerts too: then all are
   * evaluated again, otherwise those of whom the edit changed */
  if (figures_changed || (change->tables & SF_CHANGE_CHECKLISTS))
    {
      update_alerts (self, self->figures, change->tables & SF_CHANGE_CHECKLISTS ? NULL : &delta);
      fill_stale_pages (self, self->live_pages & STALE_ALERTS);
    }
  sf_delta_clear (&delta);
  return TRUE;
}

static void
on_store_changed_cb (SfWindow       *self,
                     const SfChange *change,
                     SfStore        *store)
{
  if (!update_in_place (self, change))
    sf_window_reload (self);
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
        sf_import_preview_dialog_open (self, file);
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
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->import_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->import_chooser));
      g_clear_object (&self->import_chooser);
    }

  chooser = gtk_file_chooser_native_new (cases ? _("Import Cases") : _("Import Roster"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv_filter, _("CSV Files"));
  gtk_file_filter_add_pattern (csv_filter, "*.csv");
  gtk_file_filter_add_pattern (csv_filter, "*.CSV");
  gtk_file_filter_add_mime_type (csv_filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv_filter);

  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), csv_filter);

  g_object_set_data (G_OBJECT (chooser), "sf-import-cases", GINT_TO_POINTER (cases));
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_import_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->import_chooser = chooser;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_import_file (SF_WINDOW (widget), FALSE);
}

static void
import_cases_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_import_file (SF_WINDOW (widget), TRUE);
}

static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!sf_demo_populate (self->store, sf_day_today (), &error))
    {
      show_error (self, _("Demonstration Data Not Loaded"), error->message);
      return;
    }

  sf_window_add_toast (self, _("Demonstration data loaded"));
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

/* New teams and caseworkers are made on the Teams page */
static void
new_team_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);

  /* From the empty state too: the window leaves it for the Teams page */
  sf_window_show_page (self, "teams");
  sf_teams_page_new_team (self->teams_page);
}

static void
new_caseworker_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);

  /* From the empty state too: the window leaves it for the Teams page */
  sf_window_show_page (self, "teams");
  sf_teams_page_new_caseworker (self->teams_page);
}

/* Records today's figures in the history (at most a row a day per change),
 * then shows the alerts with acknowledgements and "since" applied, their
 * count (open errors and warnings) on the Alerts tab.  With @delta (an
 * edit's, on the figures the alerts were last evaluated on), only the
 * people and teams in it are recorded and evaluated again. */
static void
update_alerts (SfWindow        *self,
               const SfFigures *figures,
               const SfDelta   *delta)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  const GArray *caseworker_ids = delta != NULL ? delta->caseworkers : NULL;
  const GArray *team_ids = delta != NULL ? delta->teams : NULL;
  guint open;

  if (!sf_figure_history_record_some (self->store, figures, caseworker_ids, team_ids, &error))
    {
      /* The history only feeds "since": the figures stand without it */
      g_message ("Could not record today's figures in the history: %s", error->message);
      g_clear_error (&error);
    }

  if (delta != NULL && self->alerts != NULL)
    alerts = sf_alerts_evaluate_stored_some (self->store, figures, self->alerts,
                                             caseworker_ids, team_ids, &error);
  else
    alerts = sf_alerts_evaluate_stored (self->store, figures, &error);
  if (alerts == NULL)
    {
      g_message ("Could not read the acknowledged alerts: %s", error->message);
      alerts = sf_alerts_evaluate (figures);
    }

  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  self->alerts = g_ptr_array_ref (alerts);
  /* The page itself is filled when shown (fill_stale_pages) */
  self->stale_pages |= STALE_ALERTS;

  open = sf_alerts_count_unacknowledged (alerts);
  adw_view_stack_page_set_badge_number (self->alerts_stack_page, open);
  adw_view_stack_page_set_needs_attention (self->alerts_stack_page,
                                           sf_alerts_count_active (alerts, SF_SEVERITY_ERROR) > 0);
}

static void
open_suggest_dialog (SfWindow *self,
                     gint64    team_id)
{
  SfSuggestDialog *dialog = sf_suggest_dialog_new (GTK_WINDOW (self), self->store, team_id);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
suggest_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_suggest_dialog (SF_WINDOW (widget), 0);
}

static void
suggest_for_team_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_suggest_dialog (SF_WINDOW (widget), g_variant_get_int64 (parameter));
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
  SfChangeLogWindow *log = sf_change_log_window_new (GTK_WINDOW (self), self->store);

  gtk_window_present (GTK_WINDOW (log));
}

static void
backups_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SfWindow *self = SF_WINDOW (widget);
  SfBackupsWindow *backups = sf_backups_window_new (GTK_WINDOW (self), self->store);

  gtk_window_present (GTK_WINDOW (backups));
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

/* Fills the pages in @pages that still show older figures than the last
 * reload's.  Building the Alerts page's rows for 3,000 caseworkers took
 * seconds, and the Caseloads page a third of one: at start-up only the
 * page shown is filled. */
static void
fill_stale_pages (SfWindow *self,
                  guint     pages)
{
  pages &= self->stale_pages;
  if (pages == 0 || self->figures == NULL)
    return;
  self->stale_pages &= ~pages;
  self->live_pages |= pages;

  if (pages & STALE_TEAMS)
    sf_teams_page_set_figures (self->teams_page, self->figures);
  if (pages & STALE_CASELOADS)
    sf_caseloads_page_set_figures (self->caseloads_page, self->figures);
  if ((pages & STALE_ALERTS) && self->alerts != NULL)
    sf_alerts_page_set_alerts (self->alerts_page, self->store, self->alerts, self->figures->ref);
  if (pages & STALE_PLANNING)
    sf_planning_page_set_data (self->planning_page, self->store, self->figures->ref);
}

static guint
page_flag (const char *name)
{
  if (g_strcmp0 (name, "teams") == 0)
    return STALE_TEAMS;
  if (g_strcmp0 (name, "caseloads") == 0)
    return STALE_CASELOADS;
  if (g_strcmp0 (name, "alerts") == 0)
    return STALE_ALERTS;
  if (g_strcmp0 (name, "planning") == 0)
    return STALE_PLANNING;
  return 0;
}

static void
on_view_stack_visible_child_cb (SfWindow     *self,
                                GParamSpec   *pspec,
                                AdwViewStack *view_stack)
{
  fill_stale_pages (self, page_flag (adw_view_stack_get_visible_child_name (view_stack)));
}

static void
sf_window_constructed (GObject *object)
{
  SfWindow *self = (SfWindow *)object;

  G_OBJECT_CLASS (sf_window_parent_class)->constructed (object);

  g_assert (SF_IS_STORE (self->store));

  sf_teams_page_set_store (self->teams_page, self->store);
  sf_caseloads_page_set_store (self->caseloads_page, self->store);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_stack_visible_child_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sf_window_reload (self);

  self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

static void
sf_window_dispose (GObject *object)
{
  SfWindow *self = (SfWindow *)object;

  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->import_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->import_chooser));
      g_clear_object (&self->import_chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_WINDOW);

  G_OBJECT_CLASS (sf_window_parent_class)->dispose (object);
}

static void
sf_window_finalize (GObject *object)
{
  SfWindow *self = (SfWindow *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  g_clear_pointer (&self->figures, sf_figures_free);
  g_clear_pointer (&self->dataset, sf_dataset_free);

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
    case PROP_STORE:
      g_value_set_object (value, self->store);
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
    case PROP_STORE:
      self->store = g_value_dup_object (value);
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

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SF_TYPE_STORE,
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

  gtk_widget_class_install_action (widget_class, "win.import-roster", NULL, import_roster_action);
  gtk_widget_class_install_action (widget_class, "win.import-cases", NULL, import_cases_action);
  gtk_widget_class_install_action (widget_class, "win.demo", NULL, demo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.new-team", NULL, new_team_action);
  gtk_widget_class_install_action (widget_class, "win.new-caseworker", NULL, new_caseworker_action);
  gtk_widget_class_install_action (widget_class, "win.suggest", NULL, suggest_action);
  gtk_widget_class_install_action (widget_class, "win.suggest-for-team", "x", suggest_for_team_action);
  gtk_widget_class_install_action (widget_class, "win.show-subject", "(xs)", show_subject_action);
  gtk_widget_class_install_action (widget_class, "win.change-log", NULL, change_log_action);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);
}

static void
sf_window_init (SfWindow *self)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

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
               SfStore        *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  return g_object_new (SF_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

SfStore *
sf_window_get_store (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  return self->store;
}

/* Reads the database again and shows the figures on today's date. */
void
sf_window_reload (SfWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  SfSettings settings;
  SfDay today;

  g_return_if_fail (SF_IS_WINDOW (self));

  /* What another program did after this is news to the next poll */
  self->data_version = sf_store_get_data_version (self->store);
  sf_settings_init_defaults (&settings);
  if (!sf_store_load_settings (self->store, &settings, &error) ||
      (dataset = sf_store_load_dataset (self->store, &error)) == NULL)
    {
      show_error (self, _("Could Not Read the Database"), error->message);
      return;
    }

  today = sf_day_today ();
  figures = sf_figures_compute (dataset, &settings, today);
  sf_roster_page_set_figures (self->roster_page, figures);
  sf_checklists_page_reload (self->checklists_page, self->store, dataset);
  update_alerts (self, figures, NULL);

  /* The figures borrow the dataset: both are kept for the pages filled
   * later. */
  g_clear_pointer (&self->figures, sf_figures_free);
  g_clear_pointer (&self->dataset, sf_dataset_free);
  self->dataset = g_steal_pointer (&dataset);
  self->figures = g_steal_pointer (&figures);
  self->stale_pages = STALE_TEAMS | STALE_CASELOADS | STALE_ALERTS | STALE_PLANNING;
  fill_stale_pages (self, self->live_pages |
                          page_flag (adw_view_stack_get_visible_child_name (self->view_stack)));

  /* Teams without caseworkers yet are shown: the Teams page adds them */
  if (self->dataset->caseworkers->len == 0 && self->dataset->teams->len == 0)
    {
      adw_view_switcher_title_set_subtitle (self->window_title, NULL);
      set_empty (self, TRUE);
      return;
    }

  date = sf_day_format (today);
  /* Translators: the subtitle of the window; %s is a date */
  subtitle = g_strdup_printf (_("Figures on %s"), date);
  adw_view_switcher_title_set_subtitle (self->window_title, subtitle);
  set_empty (self, FALSE);
}

/* Reloads when another program (the CLI importing, another window on the
 * same file) has changed the database since the last look, and tells every
 * view of the store.  Returns whether it did.  Cheap: SQLite answers from
 * memory. */
gboolean
sf_window_check_for_changes (SfWindow *self)
{
  gint64 version;

  g_return_val_if_fail (SF_IS_WINDOW (self), FALSE);

  version = sf_store_get_data_version (self->store);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  g_debug ("The database was changed by another program; reloading");
  sf_store_emit_changed_elsewhere (self->store);
  return TRUE;
}

/* "empty" while there are no caseworkers, else the name of the page shown. */
const char *
sf_window_get_visible_page (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0)
    return "empty";

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

  fill_stale_pages (self, STALE_CASELOADS);
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

  if (!sf_import_file (self->store, file, cases, &result, &error))
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
  sf_window_add_toast (self, toast);

  return TRUE;
}

void
sf_window_add_toast (SfWindow   *self,
                     const char *title)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (SF_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  /* A toast's title is markup: names may hold an ampersand */
  escaped = g_markup_escape_text (title, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* Shows @toast (taking it), e.g. one with an Undo button.  Its title is
 * markup: escape names. */
void
sf_window_show_toast (SfWindow *self,
                      AdwToast *toast)
{
  g_return_if_fail (SF_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

SfTeamsPage *
sf_window_get_teams_page (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  fill_stale_pages (self, STALE_TEAMS);
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

  fill_stale_pages (self, STALE_ALERTS);
  return self->alerts_page;
}

/* The alerts on the figures' date as the Alerts page shows them. */
GPtrArray *
sf_window_get_alerts (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);

  return self->alerts;
}
