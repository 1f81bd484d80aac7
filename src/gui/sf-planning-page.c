/* sf-planning-page.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-chart.h"
#include "sf-error-dialog.h"
#include "sf-export-chooser.h"
#include "sf-page-follower.h"
#include "sf-planning-page-private.h"
#include "sf-planning-scenario.h"
#include "sf-role-gate.h"
#include "sf-scenario-change-dialog.h"
#include "sf-status-style.h"

/* The longest list of teams going over built at once; the exports hold all */
#define MAX_OVER_ROWS 12
/* The events shown under each of them; the team's own level shows all */
#define MAX_EVENTS 3
/* The caseworkers and alerts listed in the comparison, each; the rest counted */
#define MAX_COMPARE_ROWS 60

struct _SfPlanningPage
{
  GtkWidget             parent_instance;

  SfPageFollower        follower;

  GtkStack             *state_stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  GtkWidget            *up_button;
  GtkWidget            *export_button;
  GtkScrolledWindow    *scrolled_window;
  GtkLabel             *title_label;
  GtkLabel             *path_label;
  GtkFlowBox           *figures_box;
  GtkLabel             *history_label;
  SfChart              *capacity_chart;
  SfChart              *utilisation_chart;
  SfChart              *gap_chart;
  GtkWidget            *over_box;
  GtkLabel             *over_label;
  GtkListBox           *over_list;
  GtkWidget            *children_box;
  GtkLabel             *children_title;
  GtkListBox           *children_list;
  GtkDropDown          *scenario_dropdown;
  GtkWidget            *scenario_menu_button;
  GtkWidget            *add_change_button;
  GtkWidget            *apply_button;
  GtkWidget            *scenario_empty;
  GtkWidget            *scenario_box;
  GtkLabel             *scenario_title;
  GtkListBox           *changes_list;
  GtkLabel             *compare_label;
  GtkGrid              *compare_grid;

  /* The saved scenarios, as the picker lists them: position 0 is none */
  GtkStringList        *scenario_names;
  GArray               *scenario_ids;  /* gint64, 0 at position 0 */
  gboolean              filling_names;
  gint64                scenario_id;   /* the scenario shown, 0: none */
  SfScenario           *scenario;
  GCancellable         *compare_cancellable;
  SfPlanningCompare    *compare;       /* of self->scenario on self->data, or NULL */
  AdwMessageDialog     *dialog;        /* the scenario dialog open, for tests */
  gulong                store_changed_id;

  SfStore              *store;
  SfDay                 today;
  gboolean              pending;       /* set_data() while not mapped: computed on map */
  GCancellable         *cancellable;
  SfPlanningData       *data;
  SfPlanningPlace       place;
  /* The place shown, by id, kept across computations */
  SfPlanningLevel       place_level;
  gint64                place_id;
  GtkFileChooserNative *export_chooser;
  /* The places of the rows below, made in an idle past the first dozen */
  GArray               *children;
  guint                 n_children_shown;
  GPtrArray            *over;          /* const SfTeamForecast *, of self->data */
  guint                 n_over_shown;
  guint                 rows_idle;
};

G_DEFINE_FINAL_TYPE (SfPlanningPage, sf_planning_page, GTK_TYPE_WIDGET)

static void show_place (SfPlanningPage *self);
static void show_charts (SfPlanningPage *self);
static void start_comparing (SfPlanningPage *self);
static void load_scenarios (SfPlanningPage *self);
static void show_scenario (SfPlanningPage *self);

/* ---- computing ---------------------------------------------------------- */

typedef struct
{
  char  *path;
  SfDay  today;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_free (job);
}

/* The figures could not be computed: the page says why (a message may
 * hold a server's URI with an ampersand: the description is markup) */
static void
show_error (SfPlanningPage *self,
            const char     *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->state_stack, "error");
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open_readonly (job->path, &error);
  SfPlanningData *data;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data = sf_planning_data_compute (store, job->today, cancellable, &error);
  if (data == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, data, (GDestroyNotify) sf_planning_data_unref);
}

typedef struct
{
  gpointer       data;
  GDestroyNotify free_func;
} Garbage;

static void
free_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Garbage *garbage = task_data;

  garbage->free_func (garbage->data);
}

/* Frees @data with @free_func in a worker thread: a large municipality's
 * data set took 19 M instructions to free, most of a frame on the main
 * thread, and a comparison's copy of it as many. */
static void
free_elsewhere (gpointer       data,
                GDestroyNotify free_func)
{
  g_autoptr(GTask) task = NULL;
  Garbage *garbage;

  if (data == NULL)
    return;
  garbage = g_new (Garbage, 1);
  garbage->data = data;
  garbage->free_func = free_func;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, garbage, g_free);
  g_task_run_in_thread (task, free_thread);
}

static void
show_data (SfPlanningPage *self,
           SfPlanningData *data)
{
  /* The rows shown point into the old figures until they are replaced */
  SfPlanningData *old = g_steal_pointer (&self->data);

  self->data = sf_planning_data_ref (data);
  gtk_spinner_stop (self->spinner);
  if (data->dataset->teams->len == 0)
    gtk_stack_set_visible_child_name (self->state_stack, "empty");
  else
    {
      self->place = sf_planning_place_find (data, self->place_level, self->place_id);
      load_scenarios (self);
      show_place (self);
      gtk_stack_set_visible_child_name (self->state_stack, "content");
      /* The scenario is computed again on the new data */
      start_comparing (self);
    }
  free_elsewhere (old, (GDestroyNotify) sf_planning_data_unref);
}

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SfPlanningPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfPlanningData) data = g_task_propagate_pointer (G_TASK (result), &error);

  if (data == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_task_get_cancellable (G_TASK (result)) != self->cancellable)
        return;
      gtk_spinner_stop (self->spinner);
      show_error (self, error->message);
      return;
    }
  /* A later set_data() started another computation: this one is stale */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);
  show_data (self, data);
}

static void
start_computing (SfPlanningPage *self)
{
  const char *path = sf_store_get_path (self->store);
  g_autoptr(GTask) task = NULL;
  Job *job;

  self->pending = FALSE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* A database only in memory cannot be opened again: computed here */
  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SfPlanningData) data = sf_planning_data_compute (self->store, self->today, NULL, &error);

      if (data == NULL)
        show_error (self, error->message);
      else
        show_data (self, data);
      return;
    }

  /* The figures already shown stay until the new ones arrive */
  if (self->data == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->state_stack, "loading");
    }
  self->cancellable = g_cancellable_new ();
  job = g_new0 (Job, 1);
  job->path = g_strdup (path);
  job->today = self->today;
  task = g_task_new (NULL, self->cancellable, on_computed_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_computing);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, compute_thread);
}

/* ---- showing a place ---------------------------------------------------- */

static void
add_figure (SfPlanningPage *self,
            const char     *caption,
            const char     *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (value);
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_start (number, 12);
  gtk_widget_set_margin_end (number, 12);
  gtk_widget_set_margin_top (number, 8);
  gtk_widget_add_css_class (number, "title-3");
  gtk_widget_add_css_class (number, "numeric");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  gtk_flow_box_append (self->figures_box, box);
}

static SfStatus
place_status (SfPlanningData          *data,
              const SfPlanningFigures *figures)
{
  return sf_capacity_status (&data->settings, figures->load, figures->capacity);
}

static void
show_figures (SfPlanningPage *self)
{
  SfPlanningData *data = self->data;
  SfPlanningFigures figures;
  GtkWidget *child;
  g_autofree char *used = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *load = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *used_caption = NULL;
  g_autoptr(GPtrArray) over = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_flow_box_remove (self->figures_box, child);

  sf_planning_place_figures (data, self->place, data->points->len - 1, &figures);
  used = sf_format_percent (figures.utilisation);
  capacity = sf_format_decimal (figures.capacity, 1);
  load = sf_format_decimal (figures.load, 1);
  cases = g_strdup_printf ("%u", figures.open_cases);
  /* Translators: under the utilisation on the Planning page: "Utilisation · over" */
  used_caption = g_strdup_printf (_("Utilisation · %s"), sf_status_to_label (place_status (data, &figures)));
  add_figure (self, used_caption, used);
  add_figure (self, self->place.level == SF_PLANNING_WORKER ? _("Adjusted norm") : _("Capacity"), capacity);
  add_figure (self, C_("chart", "Load"), load);
  if (self->place.level != SF_PLANNING_WORKER)
    {
      g_autofree char *available = sf_format_decimal (figures.fte_available, 2);
      g_autofree char *needed = sf_format_decimal (figures.fte_needed, 2);

      add_figure (self, _("FTE available"), available);
      add_figure (self, _("FTE needed"), needed);
    }
  add_figure (self, _("Open cases"), cases);
  over = sf_planning_teams_going_over (data, self->place);
  if (self->place.level != SF_PLANNING_WORKER)
    {
      g_autofree char *hire_by = over->len > 0
        ? sf_day_format (((const SfTeamForecast *) g_ptr_array_index (over, 0))->hire_by)
        : g_strdup (_("None"));

      add_figure (self, self->place.level == SF_PLANNING_TEAM ? _("Hire by") : _("Earliest hire by"), hire_by);
    }
}

static char *
child_subtitle (SfPlanningData  *data,
                SfPlanningPlace  place)
{
  SfPlanningFigures figures;
  g_autofree char *used = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *load = NULL;
  char *text;

  sf_planning_place_figures (data, place, data->points->len - 1, &figures);
  used = sf_format_percent (figures.utilisation);
  capacity = sf_format_decimal (figures.capacity, 1);
  load = sf_format_decimal (figures.load, 1);
  /* Translators: a row on the Planning page: utilisation, status, load and capacity */
  text = g_strdup_printf (_("%s used (%s) · load %s of %s"), used,
                          sf_status_to_label (place_status (data, &figures)), load, capacity);
  if (place.level == SF_PLANNING_TEAM)
    {
      const SfTeamForecast *tf = &g_array_index (data->forecast->teams, SfTeamForecast, place.index);

      if (tf->hire_by != SF_DAY_NONE)
        {
          g_autofree char *day = sf_day_format (tf->hire_by);
          char *longer;

          /* Translators: appended to a row of a team on the Planning page */
          longer = g_strdup_printf (_("%s · hire by %s"), text, day);
          g_free (text);
          text = longer;
        }
    }
  return text;
}

static void
on_children_list_row_activated_cb (SfPlanningPage *self,
                                   GtkListBoxRow  *row)
{
  SfPlanningPlace place;

  place.level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sf-level"));
  place.index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sf-index"));
  sf_planning_page_set_place (self, place);
}

/* Fills @row (NULL: a new one) with @place.  Rows are kept and filled
 * again from level to level: destroying fifty rows cost more than making
 * them. */
static GtkWidget *
fill_place_row (SfPlanningPage  *self,
                GtkWidget       *row,
                SfPlanningPlace  place)
{
  g_autofree char *title = sf_planning_place_title (self->data, place);
  g_autofree char *subtitle = child_subtitle (self->data, place);
  SfPlanningFigures figures;
  SfStatus status;
  GtkWidget *icon;

  if (row == NULL)
    {
      row = adw_action_row_new ();
      icon = gtk_image_new ();
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "sf-icon", icon);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  icon = g_object_get_data (G_OBJECT (row), "sf-icon");
  sf_planning_place_figures (self->data, place, self->data->points->len - 1, &figures);
  status = place_status (self->data, &figures);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), sf_status_icon_name (status));
  sf_status_set_css_class (icon, sf_status_css_class (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sf_status_to_label (status), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "sf-level", GUINT_TO_POINTER (place.level));
  g_object_set_data (G_OBJECT (row), "sf-index", GUINT_TO_POINTER (place.index));
  gtk_widget_set_visible (row, TRUE);
  return row;
}

/* Hides every row of @list: they are filled again as they are needed */
static void
hide_rows (GtkListBox *list)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    gtk_widget_set_visible (row, FALSE);
}

#define ROWS_AT_ONCE 6

static void
show_children (SfPlanningPage *self)
{
  const char *title = NULL;

  g_clear_pointer (&self->children, g_array_unref);
  self->children = sf_planning_place_children (self->data, self->place);
  self->n_children_shown = 0;
  hide_rows (self->children_list);
  switch (self->place.level)
    {
    case SF_PLANNING_MUNICIPALITY:
      title = _("Areas");
      break;
    case SF_PLANNING_AREA:
      title = C_("planning", "Teams");
      break;
    case SF_PLANNING_TEAM:
      title = _("Caseworkers");
      break;
    case SF_PLANNING_WORKER:
    default:
      break;
    }
  gtk_widget_set_visible (self->children_box, self->children->len > 0);
  gtk_label_set_text (self->children_title, title != NULL ? title : "");
}

/* "Hire by … · over from …", then the dated events behind it, one a line,
 * at most @max_events of them */
static char *
over_subtitle (const SfTeamForecast *tf,
               guint                 max_events)
{
  g_autofree char *hire_by = sf_day_format (tf->hire_by);
  g_autofree char *first_over = sf_day_format (sf_planning_first_over (tf));
  GString *out = g_string_new (NULL);

  /* Translators: a team going over on the Planning page: two dates */
  g_string_append_printf (out, _("Hire by %s · over from %s"), hire_by, first_over);
  if (tf->events->len == 0)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("No dated change: the cases grow faster than the team"));
    }
  for (guint e = 0; e < tf->events->len && e < max_events; e++)
    {
      const SfForecastEvent *event = &g_array_index (tf->events, SfForecastEvent, e);
      g_autofree char *day = sf_day_format (event->day);
      g_autofree char *text = sf_forecast_event_describe (event);

      g_string_append_printf (out, "\n%s  %s", day, text);
    }
  if (tf->events->len > max_events)
    {
      g_string_append_c (out, '\n');
      /* Translators: after the first events of a team going over; %u more are on the team's level */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "and %u more change: open the team",
                                                "and %u more changes: open the team",
                                                tf->events->len - max_events),
                              tf->events->len - max_events);
    }
  return g_string_free (out, FALSE);
}

static void
on_over_list_row_activated_cb (SfPlanningPage *self,
                               GtkListBoxRow  *row)
{
  SfPlanningPlace place = { SF_PLANNING_TEAM,
                            GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sf-index")) };

  sf_planning_page_set_place (self, place);
}

static void
show_over (SfPlanningPage *self)
{
  g_autoptr(GPtrArray) over = sf_planning_teams_going_over (self->data, self->place);

  hide_rows (self->over_list);
  gtk_widget_set_visible (self->over_box, self->place.level != SF_PLANNING_WORKER);
  gtk_widget_set_visible (GTK_WIDGET (self->over_list), over->len > 0);
  if (over->len == 0)
    {
      g_autofree char *text = NULL;

      /* Translators: on the Planning page when no team goes over; %d is the months forecast */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "No team goes over its capacity in the next %d month.",
                                           "No team goes over its capacity in the next %d months.",
                                           self->data->forecast->months),
                              self->data->forecast->months);
      gtk_label_set_text (self->over_label, text);
    }
  else
    {
      g_autofree char *text = NULL;
      g_autofree char *lead = g_strdup_printf ("%d", self->data->settings.hiring_lead_months);

      /* Translators: on the Planning page; %u teams, %s months of hiring lead */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u team goes over in the forecast, soonest first. Hire by: the month it goes over, less the %s months recruiting takes.",
                                           "%u teams go over in the forecast, soonest first. Hire by: the month they go over, less the %s months recruiting takes.",
                                           over->len),
                              over->len, lead);
      if (over->len > MAX_OVER_ROWS)
        {
          g_autofree char *more = g_strdup_printf (_("The first %d are shown; the exports hold them all."),
                                                   MAX_OVER_ROWS);
          char *longer = g_strconcat (text, " ", more, NULL);

          g_free (text);
          text = longer;
        }
      gtk_label_set_text (self->over_label, text);
    }

  g_clear_pointer (&self->over, g_ptr_array_unref);
  self->over = g_steal_pointer (&over);
  self->n_over_shown = 0;
}

static GtkWidget *
fill_over_row (SfPlanningPage       *self,
               GtkWidget            *row,
               const SfTeamForecast *tf)
{
  guint team_index = (guint) (tf - &g_array_index (self->data->forecast->teams, SfTeamForecast, 0));
  g_autofree char *subtitle = over_subtitle (tf, self->place.level == SF_PLANNING_TEAM ? G_MAXUINT : MAX_EVENTS);
  gboolean opens = self->place.level != SF_PLANNING_TEAM;

  if (row == NULL)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      g_object_set_data (G_OBJECT (row), "sf-arrow", arrow);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tf->team->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* On the team's own level the row is where it leads */
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "sf-arrow"), opens);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), opens);
  g_object_set_data (G_OBJECT (row), "sf-index", GUINT_TO_POINTER (team_index));
  gtk_widget_set_visible (row, TRUE);
  return row;
}

/* Adds the next few rows: the teams going over, then the level below.
 * A row costs about a million instructions, so a level shows its charts
 * and first rows in its first frame and the rest in the next ones. */
static gboolean
add_rows_cb (gpointer user_data)
{
  SfPlanningPage *self = user_data;
  guint n_over = MIN (self->over->len, MAX_OVER_ROWS);

  for (guint added = 0; added < ROWS_AT_ONCE; added++)
    {
      if (self->n_over_shown < n_over)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->over_list, (int) self->n_over_shown);

          if (row == NULL)
            gtk_list_box_append (self->over_list,
                                 fill_over_row (self, NULL, g_ptr_array_index (self->over, self->n_over_shown)));
          else
            fill_over_row (self, GTK_WIDGET (row), g_ptr_array_index (self->over, self->n_over_shown));
          self->n_over_shown++;
        }
      else if (self->n_children_shown < self->children->len)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->children_list, (int) self->n_children_shown);
          SfPlanningPlace place = g_array_index (self->children, SfPlanningPlace, self->n_children_shown);

          if (row == NULL)
            gtk_list_box_append (self->children_list, fill_place_row (self, NULL, place));
          else
            fill_place_row (self, GTK_WIDGET (row), place);
          self->n_children_shown++;
        }
      else
        {
          self->rows_idle = 0;
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

/* The charts of the place shown, with the scenario's lines when one is
 * computed on the data shown */
static void
show_charts (SfPlanningPage *self)
{
  g_autoptr(SfChartModel) capacity = sf_planning_capacity_chart (self->data, self->place);
  g_autoptr(SfChartModel) utilisation = sf_planning_utilisation_chart (self->data, self->place);
  g_autoptr(SfChartModel) gap = sf_planning_gap_chart (self->data, self->place);

  if (self->compare != NULL && self->compare->data == self->data)
    sf_planning_compare_add_to_charts (self->compare, self->place, capacity, utilisation, gap);
  sf_chart_set_model (self->capacity_chart, capacity);
  sf_chart_set_model (self->utilisation_chart, utilisation);
  sf_chart_set_model (self->gap_chart, gap);
  gtk_widget_set_visible (GTK_WIDGET (self->gap_chart), gap != NULL);
}

static void
show_place (SfPlanningPage *self)
{
  SfPlanningData *data = self->data;
  g_autofree char *title = sf_planning_place_title (data, self->place);
  g_autofree char *date = sf_day_format (data->today);
  GString *path = g_string_new (NULL);
  SfPlanningPlace at = self->place, up;

  self->place_level = self->place.level;
  self->place_id = sf_planning_place_id (data, self->place);

  while (sf_planning_place_parent (data, at, &up))
    {
      g_autofree char *name = sf_planning_place_title (data, up);

      g_string_prepend (path, " › ");
      g_string_prepend (path, name);
      at = up;
    }
  /* Translators: under the title of the Planning page; %s is a date */
  g_string_append_printf (path, _("Figures on %s; a year back, weekly, and the forecast month by month"), date);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->path_label, path->str);
  g_string_free (path, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planning.up", self->place.level != SF_PLANNING_MUNICIPALITY);

  if (data->n_recorded == 0)
    gtk_label_set_text (self->history_label,
                        _("Nothing recorded yet: every past point is computed from the dated facts (start and close dates, absences, reductions, end dates). The application records the figures each day it is opened, and later points use what it recorded."));
  else
    {
      g_autofree char *text = NULL;

      /* Translators: on the Planning page; %u of %u weekly points */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of the %u weekly points was recorded on its day; the others are computed from the dated facts.",
                                           "%u of the %u weekly points were recorded on their day; the others are computed from the dated facts.",
                                           data->n_recorded),
                              data->n_recorded, data->points->len);
      gtk_label_set_text (self->history_label, text);
    }

  show_figures (self);
  show_charts (self);
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  show_over (self);
  show_children (self);
  if (add_rows_cb (self) == G_SOURCE_CONTINUE)
    self->rows_idle = g_idle_add (add_rows_cb, self);
}

/* ---- what-if scenarios -------------------------------------------------- */

/* Lets go of the comparison shown; it is freed in a worker thread, as the
 * old figures are: its copy of a large data set is as costly to free */
static void
drop_compare (SfPlanningPage *self)
{
  free_elsewhere (g_steal_pointer (&self->compare), (GDestroyNotify) sf_planning_compare_unref);
}

static void
on_compared_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SfPlanningPage) self = user_data;
  g_autoptr(SfPlanningCompare) compare = g_task_propagate_pointer (G_TASK (result), NULL);

  /* A later edit or new data started another computation: this one is stale */
  if (compare == NULL || g_task_get_cancellable (G_TASK (result)) != self->compare_cancellable)
    return;
  g_clear_object (&self->compare_cancellable);
  drop_compare (self);
  self->compare = g_steal_pointer (&compare);
  show_scenario (self);
  if (self->data != NULL && self->data->dataset->teams->len > 0)
    show_charts (self);
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SfPlanningCompare *job = task_data;
  SfPlanningCompare *compare = sf_planning_compare_compute (job->data, job->scenario, cancellable);

  if (g_task_return_error_if_cancelled (task))
    sf_planning_compare_unref (compare);
  else
    g_task_return_pointer (task, compare, (GDestroyNotify) sf_planning_compare_unref);
}

/* Computes the scenario shown on the data shown, off the main thread; the
 * comparison shown stays until the new one arrives. */
static void
start_comparing (SfPlanningPage *self)
{
  g_autoptr(GTask) task = NULL;
  SfPlanningCompare *job;

  if (self->compare_cancellable != NULL)
    g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  if (self->scenario == NULL || self->data == NULL)
    {
      drop_compare (self);
      show_scenario (self);
      return;
    }
  self->compare_cancellable = g_cancellable_new ();
  /* The job: the data and a copy of the scenario, which the page may edit
   * meanwhile */
  job = g_new0 (SfPlanningCompare, 1);
  g_atomic_ref_count_init (&job->ref_count);
  job->data = sf_planning_data_ref (self->data);
  job->scenario = sf_planning_scenario_copy (self->scenario);
  task = g_task_new (NULL, self->compare_cancellable, on_compared_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_comparing);
  g_task_set_task_data (task, job, (GDestroyNotify) sf_planning_compare_unref);
  show_scenario (self);
  g_task_run_in_thread (task, compare_thread);
}

static char *
format_change (double   before,
               double   after,
               gboolean percent,
               int      digits)
{
  g_autofree char *b = percent ? sf_format_percent (before) : isfinite (before) ? sf_format_decimal (before, digits) : g_strdup ("—");
  g_autofree char *a = percent ? sf_format_percent (after) : isfinite (after) ? sf_format_decimal (after, digits) : g_strdup ("—");

  if (g_str_equal (a, b))
    return g_steal_pointer (&a);
  /* Translators: a figure today and with the scenario: "87 % → 104 %" */
  return g_strdup_printf (_("%s → %s"), b, a);
}

static char *
format_days (SfDay before,
             SfDay after)
{
  g_autofree char *b = before != SF_DAY_NONE ? sf_day_format (before) : g_strdup (_("None"));
  g_autofree char *a = after != SF_DAY_NONE ? sf_day_format (after) : g_strdup (_("None"));

  if (before == after)
    return g_steal_pointer (&a);
  return g_strdup_printf (_("%s → %s"), b, a);
}

static GtkWidget *
cell (GtkGrid    *grid,
      const char *text,
      int         column,
      int         row,
      int         width,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Words wrap; utilisation and gaps stay on one line */
  gtk_label_set_wrap (GTK_LABEL (label), column != 1 && column != 4);
  if (heading)
    {
      gtk_widget_add_css_class (label, "heading");
      if (row > 0)
        gtk_widget_set_margin_top (label, 12);
    }
  else if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  if (column == 0 && !heading)
    gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (grid, label, column, row, width, 1);
  return label;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static char *
status_change (const SfCompareRow *row)
{
  if (!row->has_status)
    return g_strdup ("—");
  if (row->status_before == row->status_after)
    return g_strdup (sf_status_to_label (row->status_after));
  return g_strdup_printf (_("%s → %s"), sf_status_to_label (row->status_before),
                          sf_status_to_label (row->status_after));
}

/* The comparison as a table: the teams and caseworkers whose figures the
 * scenario changes, before → after, then the alerts that appear and go. */
static void
show_compare_table (SfPlanningPage *self)
{
  g_autoptr(GPtrArray) rows = sf_planning_compare_rows (self->compare);
  GtkGrid *grid = self->compare_grid;
  SfCompareKind section = (SfCompareKind) -1;
  guint n_teams = 0, n_same_teams = 0, in_section = 0, more = 0;
  int r = 0;

  clear_grid (grid);
  for (guint i = 0; i < rows->len; i++)
    {
      const SfCompareRow *row = g_ptr_array_index (rows, i);
      g_autofree char *used = NULL;
      g_autofree char *status = NULL;

      if (row->kind == SF_COMPARE_TEAM)
        {
          n_teams++;
          if (row->before == row->after && row->status_before == row->status_after &&
              row->hire_by_before == row->hire_by_after &&
              (row->gap_before == row->gap_after || (isnan (row->gap_before) && isnan (row->gap_after))))
            {
              n_same_teams++;
              continue;
            }
        }
      if (row->kind != section)
        {
          if (more > 0)
            {
              g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);

              gtk_widget_add_css_class (cell (grid, text, 0, r++, 5, FALSE), "dim-label");
            }
          section = row->kind;
          in_section = more = 0;
          switch (section)
            {
            case SF_COMPARE_TEAM:
              cell (grid, C_("planning", "Teams"), 0, r, 1, TRUE);
              cell (grid, _("Utilisation"), 1, r, 1, TRUE);
              cell (grid, _("Status"), 2, r, 1, TRUE);
              cell (grid, _("Hire by"), 3, r, 1, TRUE);
              cell (grid, _("Gap at the horizon"), 4, r++, 1, TRUE);
              break;
            case SF_COMPARE_WORKER:
              cell (grid, _("Caseworkers"), 0, r, 1, TRUE);
              cell (grid, _("Utilisation"), 1, r, 1, TRUE);
              cell (grid, _("Status"), 2, r, 1, TRUE);
              cell (grid, _("Team"), 3, r++, 2, TRUE);
              break;
            case SF_COMPARE_ALERT_APPEARS:
              cell (grid, _("Alerts That Appear"), 0, r++, 5, TRUE);
              break;
            case SF_COMPARE_ALERT_GOES:
            default:
              cell (grid, _("Alerts That Disappear"), 0, r++, 5, TRUE);
              break;
            }
        }
      if (++in_section > MAX_COMPARE_ROWS)
        {
          more++;
          continue;
        }
      switch (row->kind)
        {
        case SF_COMPARE_TEAM:
          {
            g_autofree char *hire_by = format_days (row->hire_by_before, row->hire_by_after);
            g_autofree char *gap = format_change (row->gap_before, row->gap_after, FALSE, 2);

            used = format_change (row->before, row->after, TRUE, 0);
            status = status_change (row);
            cell (grid, row->name, 0, r, 1, FALSE);
            cell (grid, used, 1, r, 1, FALSE);
            cell (grid, status, 2, r, 1, FALSE);
            cell (grid, hire_by, 3, r, 1, FALSE);
            cell (grid, gap, 4, r++, 1, FALSE);
          }
          break;
        case SF_COMPARE_WORKER:
          used = format_change (row->before, row->after, TRUE, 0);
          status = status_change (row);
          cell (grid, row->name, 0, r, 1, FALSE);
          cell (grid, used, 1, r, 1, FALSE);
          cell (grid, status, 2, r, 1, FALSE);
          cell (grid, row->detail, 3, r++, 2, FALSE);
          break;
        case SF_COMPARE_ALERT_APPEARS:
        case SF_COMPARE_ALERT_GOES:
        default:
          {
            /* Translators: an alert in the scenario's comparison: "message (team)" */
            g_autofree char *text = row->detail != NULL && *row->detail != '\0'
              ? g_strdup_printf (_("%s (%s)"), row->name, row->detail) : g_strdup (row->name);

            cell (grid, text, 0, r++, 5, FALSE);
          }
          break;
        }
    }
  if (more > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);

      gtk_widget_add_css_class (cell (grid, text, 0, r++, 5, FALSE), "dim-label");
    }
  if (n_same_teams > 0)
    {
      g_autofree char *text = NULL;

      if (n_same_teams == n_teams)
        text = g_strdup (_("No team’s figures change."));
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The other team’s figures do not change.",
                                             "The other %u teams’ figures do not change.",
                                             n_same_teams), n_same_teams);
      gtk_widget_add_css_class (cell (grid, text, 0, r++, 5, FALSE), "dim-label");
    }
}

static const SfScenarioSkip *
find_skip (SfPlanningPage *self,
           guint           index)
{
  if (self->compare == NULL || self->compare->result == NULL)
    return NULL;
  for (guint k = 0; k < self->compare->result->skipped->len; k++)
    {
      const SfScenarioSkip *skip = g_ptr_array_index (self->compare->result->skipped, k);

      if (skip->index == index)
        return skip;
    }
  return NULL;
}

static void
on_remove_change_clicked_cb (GtkButton *button,
                             gpointer   user_data)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sf-index"));

  gtk_widget_activate_action (GTK_WIDGET (button), "planning.remove-change", "u", index);
}

static void
show_changes (SfPlanningPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_list))) != NULL)
    gtk_list_box_remove (self->changes_list, child);
  if (self->scenario->changes->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No Changes Yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add a change with Add Change: the figures with the scenario appear beside today’s as soon as you do."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->changes_list, row);
      return;
    }
  for (guint i = 0; i < self->scenario->changes->len; i++)
    {
      const SfScenarioChange *change = g_ptr_array_index (self->scenario->changes, i);
      g_autofree char *title = sf_scenario_change_describe (change);
      const SfScenarioSkip *skip = find_skip (self, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (skip != NULL)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), skip->message);
          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Does not apply"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Change"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove Change"), -1);
      g_object_set_data (G_OBJECT (remove), "sf-index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_change_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Edit the change"));
      g_object_set_data (G_OBJECT (row), "sf-index", GUINT_TO_POINTER (i));
      gtk_list_box_append (self->changes_list, row);
    }
}

/* What changes scenarios: the one chosen, and a new one */
static const char * const scenario_writes[] = {
  "planning.rename-scenario", "planning.duplicate-scenario", "planning.delete-scenario",
  "planning.add-change", "planning.apply-scenario", NULL
};
static const char * const scenario_adds[] = { "planning.new-scenario", "planning.remove-change", NULL };

/* The scenario's part of the page: its changes and the comparison */
static void
show_scenario (SfPlanningPage *self)
{
  gboolean chosen = self->scenario != NULL;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (self->scenario_box, chosen);
  gtk_widget_set_visible (self->add_change_button, chosen);
  gtk_widget_set_visible (self->apply_button, chosen);
  gtk_widget_set_visible (self->scenario_empty, !chosen && self->scenario_ids != NULL &&
                                                self->scenario_ids->len <= 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planning.rename-scenario", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planning.duplicate-scenario", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planning.delete-scenario", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planning.add-change", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planning.apply-scenario",
                                 chosen && self->scenario->changes->len > 0);
  /* Scenarios are HR's and admin's */
  sf_role_gate (GTK_WIDGET (self), self->follower.context, SF_ACCESS_DO_SCENARIOS, scenario_writes, FALSE);
  sf_role_gate (GTK_WIDGET (self), self->follower.context, SF_ACCESS_DO_SCENARIOS, scenario_adds, TRUE);
  if (!chosen)
    return;

  /* Translators: above the list of a scenario's changes on the Planning page */
  title = g_strdup_printf (_("Changes in “%s”"), self->scenario->name);
  gtk_label_set_text (self->scenario_title, title);
  show_changes (self);
  if (self->compare_cancellable != NULL && self->compare == NULL)
    {
      gtk_label_set_text (self->compare_label, _("Computing the scenario…"));
      clear_grid (self->compare_grid);
    }
  else if (self->compare != NULL)
    {
      g_autofree char *date = sf_day_format (self->compare->data->today);
      g_autofree char *text = NULL;
      guint n_skipped = self->compare->result->skipped->len;

      /* Translators: on the Planning page above the comparison; %s is a date */
      text = g_strdup_printf (_("Figures on %s and the forecast, today → with the scenario. The charts show the scenario’s forecast as dash-dotted lines."),
                              date);
      if (n_skipped > 0)
        {
          g_autofree char *skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "%u change does not apply to today’s data: it is marked above.",
                                                                   "%u changes do not apply to today’s data: they are marked above.",
                                                                   n_skipped), n_skipped);
          char *longer = g_strdup_printf ("%s %s", text, skipped);

          g_free (text);
          text = longer;
        }
      gtk_label_set_text (self->compare_label, text);
      show_compare_table (self);
    }
}

/* Reads the saved scenarios into the picker, keeping the one shown when it
 * is still there. */
static void
load_scenarios (SfPlanningPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(SfScenario) current = NULL;
  guint selected = 0;
  gint64 none = 0;

  if (self->store == NULL)
    return;
  list = sf_scenario_store_list (self->store, &error);
  if (list == NULL)
    {
      g_warning ("Could not read the saved scenarios: %s", error->message);
      return;
    }
  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("None: today’s data"));
  g_clear_pointer (&self->scenario_ids, g_array_unref);
  self->scenario_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->scenario_ids, none);
  for (guint i = 0; i < list->len; i++)
    {
      const SfSavedScenario *saved = g_ptr_array_index (list, i);

      gtk_string_list_append (names, saved->name);
      g_array_append_val (self->scenario_ids, saved->id);
      if (saved->id == self->scenario_id)
        selected = i + 1;
    }
  self->filling_names = TRUE;
  g_set_object (&self->scenario_names, names);
  gtk_drop_down_set_model (self->scenario_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->scenario_dropdown, selected);
  self->filling_names = FALSE;

  /* The one shown: gone, or changed by someone else (or an undo) */
  if (selected == 0 && self->scenario_id != 0)
    {
      self->scenario_id = 0;
      g_clear_pointer (&self->scenario, sf_scenario_free);
      start_comparing (self);
    }
  else if (self->scenario_id != 0 &&
           (current = sf_scenario_store_load (self->store, self->scenario_id, NULL)) != NULL)
    {
      g_autofree char *now = sf_scenario_to_json (current);
      g_autofree char *shown = self->scenario != NULL ? sf_scenario_to_json (self->scenario) : NULL;

      if (g_strcmp0 (now, shown) != 0)
        {
          g_clear_pointer (&self->scenario, sf_scenario_free);
          self->scenario = g_steal_pointer (&current);
          start_comparing (self);
        }
    }
  show_scenario (self);
}

static void
choose_scenario (SfPlanningPage *self,
                 gint64          id)
{
  g_autoptr(GError) error = NULL;
  SfScenario *scenario = NULL;

  if (id != 0 && (scenario = sf_scenario_store_load (self->store, id, &error)) == NULL)
    {
      sf_error_dialog_show_for (GTK_WIDGET (self), _("Could Not Open the Scenario"), error->message);
      id = 0;
    }
  self->scenario_id = id;
  g_clear_pointer (&self->scenario, sf_scenario_free);
  drop_compare (self);
  self->scenario = scenario;
  if (id == 0)
    {
      self->filling_names = TRUE;
      gtk_drop_down_set_selected (self->scenario_dropdown, 0);
      self->filling_names = FALSE;
    }
  start_comparing (self);
  if (self->data != NULL && self->data->dataset->teams->len > 0)
    show_charts (self);
}

static void
on_scenario_dropdown_selected_cb (SfPlanningPage *self)
{
  guint position = gtk_drop_down_get_selected (self->scenario_dropdown);

  if (self->filling_names || self->scenario_ids == NULL || position >= self->scenario_ids->len)
    return;
  if (g_array_index (self->scenario_ids, gint64, position) != self->scenario_id)
    choose_scenario (self, g_array_index (self->scenario_ids, gint64, position));
}

static void
on_store_changed_cb (SfPlanningPage *self,
                     const SfChange *change)
{
  if (change->everything || (change->tables & SF_CHANGE_SCENARIOS))
    load_scenarios (self);
}

/* Saves the scenario shown after an edit, and computes it again. */
static void
save_scenario (SfPlanningPage *self)
{
  g_autoptr(GError) error = NULL;

  if (sf_scenario_store_save (self->store, self->scenario_id, self->scenario, &error) == 0)
    sf_error_dialog_show_for (GTK_WIDGET (self), _("Could Not Save the Scenario"), error->message);
  start_comparing (self);
}

/* An undo that saves a scenario back as it was: over @id, or as a new one
 * when it was deleted */
typedef struct
{
  gint64      id;
  SfScenario *scenario;
} Restore;

static void
restore_free (gpointer data)
{
  Restore *restore = data;

  sf_scenario_free (restore->scenario);
  g_free (restore);
}

static gboolean
restore_scenario (SfStore   *store,
                  gpointer   data,
                  GError   **error)
{
  Restore *restore = data;

  return sf_scenario_store_save (store, restore->id, restore->scenario, error) != 0;
}

static void
offer_restore (SfPlanningPage *self,
               const char     *title,
               gint64          id,
               SfScenario     *scenario)
{
  Restore *restore;

  if (self->follower.context == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", title);
      sf_scenario_free (scenario);
      return;
    }
  restore = g_new0 (Restore, 1);
  restore->id = id;
  restore->scenario = scenario;
  sf_context_offer_undo (self->follower.context, title, restore_scenario, restore, restore_free);
}

/* ---- the scenario dialogs ------------------------------------------------ */

static void
on_dialog_destroy_cb (SfPlanningPage *self,
                      GtkWidget      *dialog)
{
  if (self->dialog == ADW_MESSAGE_DIALOG (dialog))
    self->dialog = NULL;
}

static void
present_dialog (SfPlanningPage   *self,
                AdwMessageDialog *dialog)
{
  self->dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_dialog_destroy_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef enum
{
  NAME_NEW,
  NAME_RENAME,
  NAME_DUPLICATE,
} NameKind;

/* What is wrong with the name in the dialog's entry, NULL when nothing */
static const char *
name_problem (SfPlanningPage *self,
              const char     *text,
              gint64          own_id)
{
  g_autofree char *name = g_strstrip (g_strdup (text));
  gint64 found;

  if (*name == '\0')
    return _("Give the scenario a name.");
  found = sf_scenario_store_find (self->store, name);
  if (found != 0 && found != own_id)
    return _("There is already a scenario with that name.");
  return NULL;
}

static void
on_name_entry_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  SfPlanningPage *self = g_object_get_data (G_OBJECT (dialog), "sf-page");
  GtkLabel *label = g_object_get_data (G_OBJECT (dialog), "sf-problem");
  NameKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "sf-kind"));
  const char *text = gtk_editable_get_text (entry);
  const char *problem = name_problem (self, text, kind == NAME_RENAME ? self->scenario_id : 0);

  gtk_label_set_text (label, problem != NULL ? problem : "");
  /* An empty name only turns the button off: the entry's placeholder asks for one */
  gtk_widget_set_visible (GTK_WIDGET (label), problem != NULL && *text != '\0');
  adw_message_dialog_set_response_enabled (dialog, "save", problem == NULL);
}

static void
on_name_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            SfPlanningPage   *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "sf-entry");
  NameKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "sf-kind"));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!g_str_equal (response, "save") ||
      name_problem (self, name, kind == NAME_RENAME ? self->scenario_id : 0) != NULL)
    return;
  switch (kind)
    {
    case NAME_NEW:
      {
        g_autoptr(SfScenario) scenario = g_new0 (SfScenario, 1);

        scenario->name = g_strdup (name);
        scenario->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_planning_change_free);
        id = sf_scenario_store_save (self->store, 0, scenario, &error);
      }
      break;
    case NAME_RENAME:
      id = sf_scenario_store_rename (self->store, self->scenario_id, name, &error) ? self->scenario_id : 0;
      break;
    case NAME_DUPLICATE:
    default:
      id = sf_scenario_store_duplicate (self->store, self->scenario_id, name, &error);
      break;
    }
  if (id == 0)
    {
      sf_error_dialog_show_for (GTK_WIDGET (self), _("Could Not Save the Scenario"), error->message);
      return;
    }
  if (kind == NAME_RENAME)
    {
      g_free (self->scenario->name);
      self->scenario->name = g_steal_pointer (&name);
    }
  else
    self->scenario_id = id;
  /* The store's change reads the list again; the new one is shown */
  load_scenarios (self);
  if (kind != NAME_RENAME)
    choose_scenario (self, id);
  show_scenario (self);
}

static void
ask_name (SfPlanningPage *self,
          NameKind        kind)
{
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *problem = gtk_label_new (NULL);
  const char *heading = NULL;
  const char *body = NULL;
  const char *save = NULL;
  g_autofree char *text = NULL;

  switch (kind)
    {
    case NAME_NEW:
      heading = _("New Scenario");
      body = _("A scenario is kept with the data, apart from it: nothing changes until you apply it.");
      save = _("_Create");
      break;
    case NAME_RENAME:
      heading = _("Rename Scenario");
      save = _("_Rename");
      text = g_strdup (self->scenario->name);
      break;
    case NAME_DUPLICATE:
    default:
      heading = _("Duplicate Scenario");
      body = _("The copy has the same changes; edit it to try another way.");
      save = _("_Duplicate");
      /* Translators: the name offered for a copy of a scenario */
      text = g_strdup_printf (_("%s (copy)"), self->scenario->name);
      break;
    }
  dialog = sf_message_dialog_new_for (GTK_WIDGET (self), heading, body);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_add_css_class (problem, "error");
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), problem);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", save, NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "sf-page", self);
  g_object_set_data (G_OBJECT (dialog), "sf-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "sf-problem", problem);
  g_object_set_data (G_OBJECT (dialog), "sf-kind", GINT_TO_POINTER (kind));
  g_signal_connect (entry, "changed", G_CALLBACK (on_name_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_name_dialog_response_cb), self, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  on_name_entry_changed_cb (GTK_EDITABLE (entry), dialog);
  present_dialog (self, dialog);
  gtk_widget_grab_focus (entry);
}

/* The change dialog's result: a new change, or one in place of @index */
typedef struct
{
  SfPlanningPage *page;
  gint64          scenario_id;
  int             index;       /* -1: add */
} ChangeJob;

static void
change_job_free (gpointer data)
{
  ChangeJob *job = data;

  g_object_unref (job->page);
  g_free (job);
}

static void
on_change_made_cb (SfScenarioChange *change,
                   gpointer          user_data)
{
  ChangeJob *job = user_data;
  SfPlanningPage *self = job->page;

  /* Another scenario was chosen meanwhile */
  if (self->scenario == NULL || self->scenario_id != job->scenario_id ||
      (job->index >= 0 && (guint) job->index >= self->scenario->changes->len))
    {
      sf_planning_change_free (change);
      return;
    }
  if (job->index < 0)
    g_ptr_array_add (self->scenario->changes, change);
  else
    {
      sf_planning_change_free (g_ptr_array_index (self->scenario->changes, job->index));
      g_ptr_array_index (self->scenario->changes, job->index) = change;
    }
  save_scenario (self);
}

static void
edit_change (SfPlanningPage *self,
             SfScenarioOp    op,
             int             index)
{
  ChangeJob *job;
  const SfScenarioChange *existing = index >= 0 ? g_ptr_array_index (self->scenario->changes, index) : NULL;

  if (self->data == NULL || self->scenario == NULL)
    return;
  job = g_new0 (ChangeJob, 1);
  job->page = g_object_ref (self);
  job->scenario_id = self->scenario_id;
  job->index = index;
  present_dialog (self, sf_scenario_change_dialog_new (GTK_WIDGET (self), self->data, op, existing,
                                                       on_change_made_cb, job, change_job_free));
}

static void
on_changes_list_row_activated_cb (SfPlanningPage *self,
                                  GtkListBoxRow  *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sf-index"));

  if (self->scenario != NULL && index < self->scenario->changes->len)
    edit_change (self, ((SfScenarioChange *) g_ptr_array_index (self->scenario->changes, index))->op, index);
}

/* ---- applying ------------------------------------------------------------ */

static gboolean
undo_apply (SfStore   *store,
            gpointer   data,
            GError   **error)
{
  return sf_scenario_store_undo (store, data, error);
}

static void
apply_scenario (SfPlanningPage *self)
{
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SfScenario) scenario = sf_planning_scenario_copy (self->scenario);
  SfScenarioUndo *undo;

  undo = sf_scenario_store_apply (self->store, scenario, self->today, &skipped, &error);
  if (undo == NULL)
    {
      sf_error_dialog_show_for (GTK_WIDGET (self), _("Could Not Apply the Scenario"), error->message);
      return;
    }
  /* Today's data is now what the scenario made it: shown as it is */
  choose_scenario (self, 0);
  if (self->follower.context != NULL)
    sf_context_offer_undo (self->follower.context, sf_scenario_undo_get_summary (undo),
                           undo_apply, undo, (GDestroyNotify) sf_scenario_undo_free);
  else
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", sf_scenario_undo_get_summary (undo));
      sf_scenario_undo_free (undo);
    }
  if (skipped->len > 0)
    {
      GString *text = g_string_new (NULL);
      AdwMessageDialog *dialog;

      for (guint i = 0; i < skipped->len; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                                ((SfScenarioSkip *) g_ptr_array_index (skipped, i))->message);
      dialog = sf_message_dialog_new_for (GTK_WIDGET (self),
                                          g_dngettext (GETTEXT_PACKAGE, "One Change Did Not Apply",
                                                       "Some Changes Did Not Apply", skipped->len),
                                          text->str);
      g_string_free (text, TRUE);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      present_dialog (self, dialog);
    }
}

static void
on_apply_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             SfPlanningPage   *self)
{
  if (g_str_equal (response, "apply") && self->scenario != NULL)
    apply_scenario (self);
}

static void
ask_apply (SfPlanningPage *self)
{
  GString *body = g_string_new (_("These changes will be made to the real data, each recorded in the change log like any other edit. You can undo them all at once afterwards."));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  for (guint i = 0; i < self->scenario->changes->len; i++)
    {
      g_autofree char *text = sf_scenario_change_describe (g_ptr_array_index (self->scenario->changes, i));
      const SfScenarioSkip *skip = find_skip (self, i);

      g_string_append_printf (body, "\n• %s", text);
      if (skip != NULL)
        /* Translators: after a change that will not be made when a scenario is applied */
        g_string_append_printf (body, " — %s", _("will be skipped"));
    }
  /* Translators: the heading of the dialog that applies a scenario */
  heading = g_strdup_printf (_("Apply “%s”?"), self->scenario->name);
  dialog = sf_message_dialog_new_for (GTK_WIDGET (self), heading, body->str);
  g_string_free (body, TRUE);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_apply_dialog_response_cb), self, 0);
  present_dialog (self, dialog);
}

/* ---- actions ------------------------------------------------------------ */

static void
up_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SfPlanningPage *self = SF_PLANNING_PAGE (widget);
  SfPlanningPlace parent;

  if (self->data != NULL && sf_planning_place_parent (self->data, self->place, &parent))
    sf_planning_page_set_place (self, parent);
}

static void
on_export_chooser_response_cb (SfPlanningPage       *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "sf-pdf"));

  if (response == GTK_RESPONSE_ACCEPT && self->data != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (file != NULL)
        {
          ok = pdf ? sf_planning_export_pdf (self->data, self->place, file, &error)
                   : sf_planning_export_csv (self->data, self->place, file, &error);
          if (ok)
            gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s",
                                        pdf ? _("Planning report saved") : _("Planning figures exported"));
          else
            sf_error_dialog_show_for (GTK_WIDGET (self), _("Could Not Export"), error->message);
        }
    }
  if (self->export_chooser == chooser)
    g_clear_object (&self->export_chooser);
}

static void
export (SfPlanningPage *self,
        gboolean        pdf)
{
  g_autofree char *iso = NULL;
  g_autofree char *name = NULL;

  if (self->data == NULL)
    return;
  iso = sf_day_to_iso (self->data->today);
  /* Translators: the file name of the exported Planning page; %s is the date */
  name = g_strdup_printf (pdf ? _("planning-%s.pdf") : _("planning-%s.csv"), iso);
  sf_export_chooser_open (&self->export_chooser, GTK_WIDGET (self),
                          pdf ? _("Export Planning Report") : _("Export Planning Figures"),
                          pdf ? SF_EXPORT_PDF : SF_EXPORT_CSV, name,
                          G_CALLBACK (on_export_chooser_response_cb), self);
  g_object_set_data (G_OBJECT (self->export_chooser), "sf-pdf", GINT_TO_POINTER (pdf));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  export (SF_PLANNING_PAGE (widget), FALSE);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  export (SF_PLANNING_PAGE (widget), TRUE);
}

/* planning.new-scenario, planning.rename-scenario and
 * planning.duplicate-scenario: the name first (the last two of the
 * scenario shown) */
static void
name_scenario_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SfPlanningPage *self = SF_PLANNING_PAGE (widget);
  NameKind kind = NAME_NEW;

  if (g_str_equal (action_name, "planning.rename-scenario"))
    kind = NAME_RENAME;
  else if (g_str_equal (action_name, "planning.duplicate-scenario"))
    kind = NAME_DUPLICATE;
  if (kind == NAME_NEW ? self->store != NULL : self->scenario != NULL)
    ask_name (self, kind);
}

/* Deleted at once, with an undo (as GNOME's guidelines prefer to asking) */
static void
delete_scenario_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SfPlanningPage *self = SF_PLANNING_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  SfScenario *scenario;

  if (self->scenario == NULL)
    return;
  /* Kept for the undo: the store's change drops the one shown */
  scenario = sf_planning_scenario_copy (self->scenario);
  if (!sf_scenario_store_delete (self->store, self->scenario_id, &error))
    {
      sf_error_dialog_show_for (widget, _("Could Not Delete the Scenario"), error->message);
      sf_scenario_free (scenario);
      return;
    }
  /* Translators: a toast with Undo after a scenario was deleted */
  title = g_strdup_printf (_("Scenario “%s” deleted"), scenario->name);
  choose_scenario (self, 0);
  load_scenarios (self);
  offer_restore (self, title, 0, scenario);
}

static void
apply_scenario_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SfPlanningPage *self = SF_PLANNING_PAGE (widget);

  if (self->scenario != NULL && self->scenario->changes->len > 0)
    ask_apply (self);
}

static void
add_change_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SfPlanningPage *self = SF_PLANNING_PAGE (widget);
  int op = g_variant_get_int32 (parameter);

  if (self->scenario != NULL && op >= 0 && op < SF_N_SCENARIO_OPS)
    edit_change (self, (SfScenarioOp) op, -1);
}

/* Removed at once, with an undo that saves the scenario back */
static void
remove_change_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SfPlanningPage *self = SF_PLANNING_PAGE (widget);
  guint index = g_variant_get_uint32 (parameter);
  SfScenario *before;

  if (self->scenario == NULL || index >= self->scenario->changes->len)
    return;
  before = sf_planning_scenario_copy (self->scenario);
  g_ptr_array_remove_index (self->scenario->changes, index);
  save_scenario (self);
  offer_restore (self, _("Change removed"), self->scenario_id, before);
}

/* ---- the widget --------------------------------------------------------- */

static void
on_map_cb (SfPlanningPage *self)
{
  if (self->pending && self->store != NULL)
    start_computing (self);
}

static void
sf_planning_page_dispose (GObject *object)
{
  SfPlanningPage *self = SF_PLANNING_PAGE (object);

  sf_page_follower_clear (&self->follower);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->compare_cancellable != NULL)
    g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  g_clear_pointer (&self->compare, sf_planning_compare_unref);
  g_clear_pointer (&self->scenario, sf_scenario_free);
  g_clear_pointer (&self->scenario_ids, g_array_unref);
  g_clear_object (&self->scenario_names);
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  g_clear_pointer (&self->children, g_array_unref);
  g_clear_pointer (&self->over, g_ptr_array_unref);
  sf_chooser_close (&self->export_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_PLANNING_PAGE);
  g_clear_pointer (&self->data, sf_planning_data_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sf_planning_page_parent_class)->dispose (object);
}

static void
sf_planning_page_class_init (SfPlanningPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_planning_page_dispose;

  g_type_ensure (SF_TYPE_CHART);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-planning-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, up_button);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, path_label);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, history_label);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, capacity_chart);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, utilisation_chart);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, gap_chart);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, over_box);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, over_label);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, over_list);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, children_box);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, children_title);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, children_list);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, scenario_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, scenario_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, add_change_button);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, apply_button);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, scenario_empty);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, scenario_box);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, scenario_title);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, changes_list);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, compare_label);
  gtk_widget_class_bind_template_child (widget_class, SfPlanningPage, compare_grid);

  gtk_widget_class_install_action (widget_class, "planning.up", NULL, up_action);
  gtk_widget_class_install_action (widget_class, "planning.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "planning.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "planning.new-scenario", NULL, name_scenario_action);
  gtk_widget_class_install_action (widget_class, "planning.rename-scenario", NULL, name_scenario_action);
  gtk_widget_class_install_action (widget_class, "planning.duplicate-scenario", NULL, name_scenario_action);
  gtk_widget_class_install_action (widget_class, "planning.delete-scenario", NULL, delete_scenario_action);
  gtk_widget_class_install_action (widget_class, "planning.apply-scenario", NULL, apply_scenario_action);
  gtk_widget_class_install_action (widget_class, "planning.add-change", "i", add_change_action);
  gtk_widget_class_install_action (widget_class, "planning.remove-change", "u", remove_change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_ALT_MASK, "planning.new-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "planning.rename-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "planning.up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "planning.export-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "planning.export-pdf", NULL);
}

static void
sf_planning_page_init (SfPlanningPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->today = SF_DAY_NONE;
  self->place = (SfPlanningPlace) { SF_PLANNING_MUNICIPALITY, 0 };
  self->place_level = SF_PLANNING_MUNICIPALITY;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planning.up", FALSE);
  g_signal_connect_swapped (self->children_list, "row-activated",
                            G_CALLBACK (on_children_list_row_activated_cb), self);
  g_signal_connect_swapped (self->over_list, "row-activated",
                            G_CALLBACK (on_over_list_row_activated_cb), self);
  g_signal_connect_swapped (self->changes_list, "row-activated",
                            G_CALLBACK (on_changes_list_row_activated_cb), self);
  g_signal_connect_swapped (self->scenario_dropdown, "notify::selected",
                            G_CALLBACK (on_scenario_dropdown_selected_cb), self);
  show_scenario (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

void
sf_planning_page_set_data (SfPlanningPage *self,
                           SfStore        *store,
                           SfDay           today)
{
  g_return_if_fail (SF_IS_PLANNING_PAGE (self));
  g_return_if_fail (SF_IS_STORE (store));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->store_changed_id, self->store);
      g_set_object (&self->store, store);
      self->store_changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb),
                                                        self, G_CONNECT_SWAPPED);
      self->scenario_id = 0;
      g_clear_pointer (&self->scenario, sf_scenario_free);
      drop_compare (self);
    }
  self->today = today;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_computing (self);
  else
    self->pending = TRUE;
}

SfPlanningData *
sf_planning_page_get_planning (SfPlanningPage *self)
{
  g_return_val_if_fail (SF_IS_PLANNING_PAGE (self), NULL);
  return self->data;
}

SfPlanningPlace
sf_planning_page_get_place (SfPlanningPage *self)
{
  return self->place;
}

void
sf_planning_page_set_place (SfPlanningPage  *self,
                            SfPlanningPlace  place)
{
  g_return_if_fail (SF_IS_PLANNING_PAGE (self));
  g_return_if_fail (self->data != NULL);

  self->place = place;
  show_place (self);
  /* The new level from its top: the row that had the focus is gone, and
   * the focus would otherwise scroll to wherever GTK puts it next */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !gtk_widget_grab_focus (self->up_button))
    gtk_widget_grab_focus (self->export_button);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static void
fill_from_context (GtkWidget *page,
                   SfContext *context)
{
  sf_planning_page_set_data (SF_PLANNING_PAGE (page), sf_context_get_store (context),
                             sf_context_get_figures (context)->ref);
}

static void
update_from_context (GtkWidget              *page,
                     SfContext              *context,
                     const SfContextChanges *changes)
{
  if (changes->what & (SF_CONTEXT_EVERYTHING | SF_CONTEXT_FIGURES))
    fill_from_context (page, context);
}

/* The page follows @context: its figures are computed again (off the main
 * thread, when the page is shown) after every change of the figures. */
void
sf_planning_page_set_context (SfPlanningPage *self,
                              SfContext      *context)
{
  g_return_if_fail (SF_IS_PLANNING_PAGE (self));

  sf_page_follower_set_context (&self->follower, GTK_WIDGET (self), context,
                                fill_from_context, update_from_context);
}

SfPlanningCompare *
sf_planning_page_get_compare (SfPlanningPage *self)
{
  g_return_val_if_fail (SF_IS_PLANNING_PAGE (self), NULL);
  return self->compare;
}

gboolean
sf_planning_page_is_comparing (SfPlanningPage *self)
{
  g_return_val_if_fail (SF_IS_PLANNING_PAGE (self), FALSE);
  return self->compare_cancellable != NULL;
}

gint64
sf_planning_page_get_scenario_id (SfPlanningPage *self)
{
  g_return_val_if_fail (SF_IS_PLANNING_PAGE (self), 0);
  return self->scenario_id;
}

const SfScenario *
sf_planning_page_get_scenario (SfPlanningPage *self)
{
  g_return_val_if_fail (SF_IS_PLANNING_PAGE (self), NULL);
  return self->scenario;
}

void
sf_planning_page_choose_scenario (SfPlanningPage *self,
                                  gint64          id)
{
  g_return_if_fail (SF_IS_PLANNING_PAGE (self));

  for (guint i = 0; self->scenario_ids != NULL && i < self->scenario_ids->len; i++)
    if (g_array_index (self->scenario_ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (self->scenario_dropdown, i);
        return;
      }
  g_return_if_reached ();
}

AdwMessageDialog *
sf_planning_page_get_dialog (SfPlanningPage *self)
{
  g_return_val_if_fail (SF_IS_PLANNING_PAGE (self), NULL);
  return self->dialog;
}

GtkWidget *
sf_planning_page_get_compare_table (SfPlanningPage *self)
{
  g_return_val_if_fail (SF_IS_PLANNING_PAGE (self), NULL);
  return GTK_WIDGET (self->compare_grid);
}

GtkWidget *
sf_planning_page_get_changes_list (SfPlanningPage *self)
{
  g_return_val_if_fail (SF_IS_PLANNING_PAGE (self), NULL);
  return GTK_WIDGET (self->changes_list);
}
