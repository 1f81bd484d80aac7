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
#include "sf-status-style.h"

/* The longest list of teams going over built at once; the exports hold all */
#define MAX_OVER_ROWS 12
/* The events shown under each of them; the team's own level shows all */
#define MAX_EVENTS 3

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

static gint64
place_id (SfPlanningData  *data,
          SfPlanningPlace  place)
{
  switch (place.level)
    {
    case SF_PLANNING_AREA:
      return g_array_index (data->dataset->areas, SfArea, place.index).id;
    case SF_PLANNING_TEAM:
      return g_array_index (data->dataset->teams, SfTeam, place.index).id;
    case SF_PLANNING_WORKER:
      return g_array_index (data->dataset->caseworkers, SfCaseworker, place.index).id;
    case SF_PLANNING_MUNICIPALITY:
    default:
      return 0;
    }
}

/* The place with the kept level and id in @data; the municipality when it
 * is gone. */
static SfPlanningPlace
find_place (SfPlanningData  *data,
            SfPlanningLevel  level,
            gint64           id)
{
  SfPlanningPlace place = { SF_PLANNING_MUNICIPALITY, 0 };
  GArray *array = NULL;
  gsize size = 0;
  gconstpointer found = NULL;

  switch (level)
    {
    case SF_PLANNING_AREA:
      array = data->dataset->areas;
      size = sizeof (SfArea);
      found = sf_dataset_find_area (data->dataset, id);
      break;
    case SF_PLANNING_TEAM:
      array = data->dataset->teams;
      size = sizeof (SfTeam);
      found = sf_dataset_find_team (data->dataset, id);
      break;
    case SF_PLANNING_WORKER:
      array = data->dataset->caseworkers;
      size = sizeof (SfCaseworker);
      found = sf_dataset_find_caseworker (data->dataset, id);
      break;
    case SF_PLANNING_MUNICIPALITY:
    default:
      break;
    }
  if (found != NULL)
    {
      place.level = level;
      place.index = (guint) (((const char *) found - array->data) / size);
    }
  return place;
}

static void
free_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  sf_planning_data_unref (task_data);
}

/* Frees @data in a worker thread: a large municipality's data set took
 * 19 M instructions to free, most of a frame on the main thread. */
static void
free_elsewhere (SfPlanningData *data)
{
  g_autoptr(GTask) task = NULL;

  if (data == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, data, NULL);
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
      self->place = find_place (data, self->place_level, self->place_id);
      show_place (self);
      gtk_stack_set_visible_child_name (self->state_stack, "content");
    }
  free_elsewhere (old);
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
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
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
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->state_stack, "error");
        }
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

static char *
format_percent (double value)
{
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup ("—");
  number = sf_format_decimal (value * 100.0, 0);
  return g_strdup_printf (_("%s %%"), number);
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
  used = format_percent (figures.utilisation);
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
  used = format_percent (figures.utilisation);
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

static void
show_place (SfPlanningPage *self)
{
  SfPlanningData *data = self->data;
  g_autoptr(SfChartModel) capacity = NULL;
  g_autoptr(SfChartModel) utilisation = NULL;
  g_autoptr(SfChartModel) gap = NULL;
  g_autofree char *title = sf_planning_place_title (data, self->place);
  g_autofree char *date = sf_day_format (data->today);
  GString *path = g_string_new (NULL);
  SfPlanningPlace at = self->place, up;

  self->place_level = self->place.level;
  self->place_id = place_id (data, self->place);

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
  capacity = sf_planning_capacity_chart (data, self->place);
  utilisation = sf_planning_utilisation_chart (data, self->place);
  gap = sf_planning_gap_chart (data, self->place);
  sf_chart_set_model (self->capacity_chart, capacity);
  sf_chart_set_model (self->utilisation_chart, utilisation);
  sf_chart_set_model (self->gap_chart, gap);
  gtk_widget_set_visible (GTK_WIDGET (self->gap_chart), gap != NULL);
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  show_over (self);
  show_children (self);
  if (add_rows_cb (self) == G_SOURCE_CONTINUE)
    self->rows_idle = g_idle_add (add_rows_cb, self);
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
  g_clear_handle_id (&self->rows_idle, g_source_remove);
  g_clear_pointer (&self->children, g_array_unref);
  g_clear_pointer (&self->over, g_ptr_array_unref);
  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
      g_clear_object (&self->export_chooser);
    }
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

  gtk_widget_class_install_action (widget_class, "planning.up", NULL, up_action);
  gtk_widget_class_install_action (widget_class, "planning.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "planning.export-pdf", NULL, export_pdf_action);
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
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

void
sf_planning_page_set_data (SfPlanningPage *self,
                           SfStore        *store,
                           SfDay           today)
{
  g_return_if_fail (SF_IS_PLANNING_PAGE (self));
  g_return_if_fail (SF_IS_STORE (store));

  g_set_object (&self->store, store);
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
