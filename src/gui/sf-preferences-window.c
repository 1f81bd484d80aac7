/* sf-preferences-window.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-area-dialog.h"
#include "sf-conflict-dialog.h"
#include "sf-preferences-window.h"
#include "sf-references-row.h"

/* The organisation's rules, each with DS' figure beside it, and its own
 * case areas.  A value is written as soon as it is entered; the store then
 * tells every window, which recomputes all figures. */
struct _SfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SfContext            *context;
  SfStore              *store;        /* the context's */
  GHashTable           *spins;        /* setting key → GtkSpinButton */
  GHashTable           *team_spins;   /* team id (gint64 *) → GtkSpinButton */
  GHashTable           *team_versions; /* team id (gint64 *) → its version as its spin was filled */
  gboolean              loading;
  SfSettings            seen;         /* the settings as the spins were filled */

  AdwPreferencesGroup  *weights_group;
  AdwPreferencesGroup  *capacity_group;
  AdwPreferencesGroup  *status_group;
  AdwPreferencesGroup  *planning_group;
  AdwPreferencesGroup  *teams_group;
  AdwPreferencesGroup  *team_references_group;
  AdwPreferencesPage   *areas_page;
  AdwPreferencesGroup  *own_areas_group;
  GtkWidget            *areas_empty;
  GtkButton            *add_area_button;
  AdwPreferencesGroup  *references_group;

  GPtrArray            *team_rows;    /* the rows in teams_group */
  GPtrArray            *area_rows;    /* the rows in own_areas_group */
  char                 *rows_built;   /* rows_signature() of what the rows were built for */
};

G_DEFINE_FINAL_TYPE (SfPreferencesWindow, sf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* How a setting is entered: shown × scale is what the store keeps. */
typedef struct
{
  const char *key;
  const char *title;
  double      min;
  double      max;
  double      step;
  guint       digits;
  double      scale;
  int         group;     /* 0 weights, 1 capacity, 2 status, 3 planning */
} SettingRow;

static const SettingRow setting_rows[] = {
  { "weight-enkel", N_("Simple"), 0, 100, 0.1, 2, 1, 0 },
  { "weight-kompleks", N_("Complex"), 0, 100, 0.1, 2, 1, 0 },
  { "weight-saerligt-kompliceret", N_("Especially Complicated"), 0, 100, 0.1, 2, 1, 0 },
  { "full-time-hours", N_("Full-Time Hours a Week"), 1, 80, 0.5, 1, 1, 1 },
  { "new-hire-factor", N_("New-Hire Factor"), 0, 1, 0.05, 2, 1, 1 },
  { "new-hire-months", N_("New-Hire Months"), 0, 120, 1, 0, 1, 1 },
  { "near-threshold", N_("Near the Norm From (%)"), 0, 100, 1, 0, 100, 2 },
  { "sustained-weeks", N_("Sustained Overload After (Weeks)"), 1, 52, 1, 0, 1, 3 },
  { "forecast-history-months", N_("Inflow Averaged Over (Months)"), 1, 60, 1, 0, 1, 3 },
  { "hiring-lead-months", N_("Hiring Lead Time (Months)"), 0, 24, 1, 0, 1, 3 },
  { "forecast-horizon", N_("Forecast Horizon (Months)"), 1, 60, 1, 0, 1, 3 },
};

static void
show_toast (SfPreferencesWindow *self,
            const char          *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

/* What the window shows, kept current by the context: a reference, as a
 * write from this window makes the context read everything again */
static SfDataset *
loaded_dataset (SfPreferencesWindow  *self,
                GError              **error)
{
  const SfDataset *dataset = sf_context_get_dataset (self->context);

  if (dataset == NULL)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_IO, _("Could Not Read the Database"));
      return NULL;
    }
  return sf_dataset_ref ((SfDataset *) dataset);
}

static void
load_values (SfPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  SfSettings settings;

  self->loading = TRUE;
  settings = *sf_context_get_settings (self->context);
  self->seen = settings;
  if (sf_context_get_dataset (self->context) != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (setting_rows); i++)
      {
        g_autofree char *text = sf_settings_get (&settings, setting_rows[i].key);
        GtkSpinButton *spin = g_hash_table_lookup (self->spins, setting_rows[i].key);

        gtk_spin_button_set_value (spin, g_ascii_strtod (text, NULL) * setting_rows[i].scale);
      }
  dataset = loaded_dataset (self, error == NULL ? &error : NULL);
  if (dataset != NULL)
    for (guint i = 0; i < dataset->teams->len; i++)
      {
        const SfTeam *team = &g_array_index (dataset->teams, SfTeam, i);
        const SfArea *area = sf_dataset_find_area (dataset, team->area_id);
        GtkSpinButton *spin = g_hash_table_lookup (self->team_spins, &team->id);
        GtkWidget *reset;

        if (spin == NULL)
          continue;
        gtk_spin_button_set_value (spin, sf_capacity_base_norm (team, area));
        g_hash_table_insert (self->team_versions, g_memdup2 (&team->id, sizeof team->id),
                             g_memdup2 (&team->version, sizeof team->version));
        reset = g_object_get_data (G_OBJECT (spin), "sf-reset");
        /* A team in an own area without a range has no norm to go back to */
        gtk_widget_set_sensitive (reset, team->cap > 0 && area != NULL && sf_area_get_range (area, NULL, NULL));
      }
  if (error != NULL)
    show_toast (self, error->message);
  self->loading = FALSE;
}

static void write_setting (SfPreferencesWindow *self,
                           const SettingRow    *row,
                           const char          *value);

/* A setting refused because someone else set it since the window read it */
typedef struct
{
  const SettingRow    *row;
  char                *mine;
  char                *theirs;
} Retry;

static void
retry_free (gpointer data)
{
  Retry *retry = data;

  g_free (retry->mine);
  g_free (retry->theirs);
  g_free (retry);
}

/* The setting's text as its spin shows it (a percent for a share) */
static char *
shown_value (const SettingRow *row,
             const char       *text)
{
  double value = g_ascii_strtod (text, NULL) * row->scale;

  return sf_format_decimal (value, (int) row->digits);
}

/* Shows their @value in @spin (if any) after a conflict, without
 * writing it back */
static void
show_theirs (SfPreferencesWindow *self,
             GtkSpinButton       *spin,
             double               value)
{
  if (spin == NULL)
    return;
  self->loading = TRUE;
  gtk_spin_button_set_value (spin, value);
  self->loading = FALSE;
}

static void
on_conflict_decided_cb (gpointer          owner,
                        SfConflictChoice  choice,
                        gint64            version,
                        gpointer          data)
{
  SfPreferencesWindow *self = owner;
  Retry *retry = data;

  /* Either way their value is the one read now */
  sf_settings_set (&self->seen, retry->row->key, retry->theirs, NULL);
  if (choice == SF_CONFLICT_APPLY_MINE)
    write_setting (self, retry->row, retry->mine);
  else
    show_theirs (self, g_hash_table_lookup (self->spins, retry->row->key),
                 g_ascii_strtod (retry->theirs, NULL) * retry->row->scale);
}

/* Writes @value where the setting still has the value the window read */
static void
write_setting (SfPreferencesWindow *self,
               const SettingRow    *row,
               const char          *value)
{
  g_autoptr(GError) error = NULL;
  const SfConflict *conflict;
  g_autoptr(GPtrArray) fields = NULL;
  Retry *retry;

  if (sf_preferences_set_setting (self->store, row->key, _(row->title), value, &self->seen, &error))
    {
      sf_settings_set (&self->seen, row->key, value, NULL);
      return;
    }
  conflict = sf_conflict_get (error);
  if (conflict == NULL)
    {
      show_toast (self, error->message);
      load_values (self);
      return;
    }
  retry = g_new0 (Retry, 1);
  retry->row = row;
  retry->mine = g_strdup (value);
  retry->theirs = g_strdup (g_hash_table_lookup (conflict->values, row->key));
  fields = sf_conflict_fields_new ();
  sf_conflict_fields_add (fields, _(row->title), shown_value (row, retry->theirs), shown_value (row, value));
  sf_conflict_dialog_ask (GTK_WIDGET (self), error, fields, on_conflict_decided_cb, retry, retry_free);
}

static void
on_setting_changed_cb (GtkSpinButton       *spin,
                       SfPreferencesWindow *self)
{
  const SettingRow *row = g_object_get_data (G_OBJECT (spin), "sf-setting");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  if (self->loading)
    return;

  /* Round away the binary noise of the percent conversion */
  value = gtk_spin_button_get_value (spin) / row->scale;
  value = round (value * 10000) / 10000;
  g_ascii_dtostr (buf, sizeof buf, value);
  write_setting (self, row, buf);
}

static void write_team_norm (SfPreferencesWindow *self,
                             gint64               team_id,
                             double               norm);

/* A team's norm refused because someone else changed the team since the
 * window read it */
typedef struct
{
  gint64               team_id;
  double               mine;   /* 0: the upper end of the area's range */
  double               theirs; /* the norm as they left it */
  gint64               version; /* and the team's version now */
} TeamRetry;

static void
on_team_conflict_decided_cb (gpointer          owner,
                             SfConflictChoice  choice,
                             gint64            version,
                             gpointer          data)
{
  SfPreferencesWindow *self = owner;
  TeamRetry *retry = data;

  /* Either way their team is the one read now (the window may not have
   * heard of their change yet) */
  g_hash_table_insert (self->team_versions, g_memdup2 (&retry->team_id, sizeof retry->team_id),
                       g_memdup2 (&retry->version, sizeof retry->version));
  if (choice == SF_CONFLICT_APPLY_MINE)
    write_team_norm (self, retry->team_id, retry->mine);
  else
    show_theirs (self, g_hash_table_lookup (self->team_spins, &retry->team_id), retry->theirs);
}

/* The team's norm as the conflict has it now: its own cap, or the upper
 * end of its area's range */
static double
their_norm (SfPreferencesWindow *self,
            const SfConflict    *conflict)
{
  const SfDataset *dataset = sf_context_get_dataset (self->context);
  const char *cap = sf_conflict_dialog_theirs (conflict, "cap");
  const char *area_id = sf_conflict_dialog_theirs (conflict, "area_id");
  const SfArea *area = NULL;
  SfTeam team = { 0 };

  team.cap = cap != NULL ? g_ascii_strtod (cap, NULL) : 0;
  if (dataset != NULL && area_id != NULL)
    area = sf_dataset_find_area (dataset, g_ascii_strtoll (area_id, NULL, 10));
  return sf_capacity_base_norm (&team, area);
}

/* A norm as the conflict dialog shows it: no trailing zeros ("18", "25,5") */
static char *
norm_text (double norm)
{
  return sf_format_hours (norm);
}

/* Writes @norm for the team where it is still as the window read it;
 * someone else's change since asks what to do */
static void
write_team_norm (SfPreferencesWindow *self,
                 gint64               team_id,
                 double               norm)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  const gint64 *version = g_hash_table_lookup (self->team_versions, &team_id);
  GtkSpinButton *spin = g_hash_table_lookup (self->team_spins, &team_id);
  const SfDataset *dataset = sf_context_get_dataset (self->context);
  const SfTeam *seen = dataset != NULL ? sf_dataset_find_team (dataset, team_id) : NULL;
  const SfConflict *conflict;
  TeamRetry *retry;
  double mine;

  if (sf_preferences_set_team_norm_versioned (self->store, team_id, version != NULL ? *version : 0, norm, &error))
    {
      load_values (self);
      return;
    }
  conflict = sf_conflict_get (error);
  if (conflict == NULL || conflict->values == NULL)
    {
      show_toast (self, error->message);
      load_values (self);
      return;
    }
  retry = g_new0 (TeamRetry, 1);
  retry->team_id = team_id;
  retry->mine = norm;
  retry->theirs = their_norm (self, conflict);
  retry->version = conflict->version;
  /* Yours: what the spin shows (the area's upper end for a reset) */
  mine = spin != NULL ? gtk_spin_button_get_value (spin) : norm;
  if (norm == 0 && seen != NULL)
    {
      SfTeam reset = *seen;

      reset.cap = 0;
      mine = sf_capacity_base_norm (&reset, sf_dataset_find_area (dataset, seen->area_id));
    }
  fields = sf_conflict_fields_new ();
  sf_conflict_fields_add_text (fields, _("Team"), conflict, "name", seen != NULL ? seen->name : NULL);
  sf_conflict_fields_add (fields, _("Norm"), norm_text (retry->theirs), norm_text (mine));
  sf_conflict_dialog_ask (GTK_WIDGET (self), error, fields, on_team_conflict_decided_cb, retry, g_free);
}

static void
on_team_norm_changed_cb (GtkSpinButton       *spin,
                         SfPreferencesWindow *self)
{
  gint64 team_id = *(gint64 *) g_object_get_data (G_OBJECT (spin), "sf-team-id");

  if (self->loading)
    return;
  write_team_norm (self, team_id, gtk_spin_button_get_value (spin));
}

static void
on_team_reset_clicked_cb (GtkButton           *button,
                          SfPreferencesWindow *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (button), "sf-spin");
  gint64 team_id = *(gint64 *) g_object_get_data (G_OBJECT (spin), "sf-team-id");

  write_team_norm (self, team_id, 0);
}

static GtkWidget *
new_spin (const char *label,
          double      min,
          double      max,
          double      step,
          guint       digits)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return spin;
}

static void
build_setting_rows (SfPreferencesWindow *self)
{
  AdwPreferencesGroup *groups[] = { self->weights_group, self->capacity_group, self->status_group,
                                    self->planning_group };

  for (guint i = 0; i < G_N_ELEMENTS (setting_rows); i++)
    {
      const SettingRow *row = &setting_rows[i];
      GtkWidget *action_row = adw_action_row_new ();
      GtkWidget *spin = new_spin (_(row->title), row->min, row->max, row->step, row->digits);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), _(row->title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), sf_preferences_reference (row->key));
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (action_row), spin);
      g_object_set_data (G_OBJECT (spin), "sf-setting", (gpointer) row);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_setting_changed_cb), self);
      g_hash_table_insert (self->spins, (gpointer) row->key, spin);
      adw_preferences_group_add (groups[row->group], action_row);
    }
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
build_team_rows (SfPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = loaded_dataset (self, &error);

  clear_rows (self->teams_group, self->team_rows);
  g_hash_table_remove_all (self->team_spins);
  if (dataset == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  if (dataset->teams->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No teams yet: import the roster first."));
      adw_preferences_group_add (self->teams_group, row);
      g_ptr_array_add (self->team_rows, row);
      return;
    }
  for (guint i = 0; i < dataset->teams->len; i++)
    {
      const SfTeam *team = &g_array_index (dataset->teams, SfTeam, i);
      const SfArea *area = sf_dataset_find_area (dataset, team->area_id);
      g_autofree char *reference = area != NULL ? sf_preferences_team_reference (area) : NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *spin_label = g_strdup_printf (_("Norm of %s"), team->name);
      g_autofree char *reset_label = area != NULL && area->custom
                                     ? g_strdup_printf (_("Give %s the upper end of its area’s own range"), team->name)
                                     : g_strdup_printf (_("Give %s the upper end of the DS range"), team->name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = new_spin (spin_label, 1, SF_NORM_MAX, 1, 1);
      GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      gint64 *id = g_new (gint64, 1);

      *id = team->id;
      subtitle = g_strdup_printf ("%s\n%s", area != NULL ? area->name : "", reference ? reference : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), team->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

      gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (reset, "flat");
      gtk_widget_set_tooltip_text (reset, reset_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL, reset_label, -1);
      g_object_set_data (G_OBJECT (reset), "sf-spin", spin);
      g_signal_connect (reset, "clicked", G_CALLBACK (on_team_reset_clicked_cb), self);

      g_object_set_data_full (G_OBJECT (spin), "sf-team-id", id, NULL);
      g_object_set_data (G_OBJECT (spin), "sf-reset", reset);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_team_norm_changed_cb), self);
      g_hash_table_insert (self->team_spins, id, spin);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
      adw_preferences_group_add (self->teams_group, row);
      g_ptr_array_add (self->team_rows, row);
    }
}

/* ---- own case areas ---------------------------------------------------- */

static void build_area_rows (SfPreferencesWindow *self);

/* What the team and area rows are made of: the teams (their names and
 * areas) and the areas as they were read.  A team's own norm is a value,
 * not a row: writing it changes nothing here. */
static char *
rows_signature (const SfDataset *dataset)
{
  GString *signature = g_string_new (NULL);

  for (guint i = 0; i < dataset->teams->len; i++)
    {
      const SfTeam *team = &g_array_index (dataset->teams, SfTeam, i);

      g_string_append_printf (signature, "t%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s\n",
                              team->id, team->area_id, team->name);
    }
  for (guint i = 0; i < dataset->areas->len; i++)
    {
      const SfArea *area = &g_array_index (dataset->areas, SfArea, i);

      g_string_append_printf (signature, "a%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", area->id, area->version);
    }
  return g_string_free (signature, FALSE);
}

/* After an own area changed: its rows, and the teams' references */
static void
refresh_areas (SfPreferencesWindow *self)
{
  const SfDataset *dataset = sf_context_get_dataset (self->context);

  build_area_rows (self);
  build_team_rows (self);
  g_clear_pointer (&self->rows_built, g_free);
  if (dataset != NULL)
    self->rows_built = rows_signature (dataset);
  load_values (self);
}

/* The window follows every change, this user's or another's on a shared
 * server: the values at once, the rows when teams or areas came, went or
 * changed (not while one of its own spin buttons is being written: a norm
 * is a value, so the rows stay). */
static void
on_context_changed_cb (SfPreferencesWindow    *self,
                       const SfContextChanges *changes,
                       SfContext              *context)
{
  const SfDataset *dataset = sf_context_get_dataset (context);
  g_autofree char *signature = NULL;

  if (!(changes->what & SF_CONTEXT_EVERYTHING) || dataset == NULL)
    return;
  signature = rows_signature (dataset);
  if (g_strcmp0 (signature, self->rows_built) != 0)
    refresh_areas (self);
  else
    load_values (self);
}

static void
on_area_saved_cb (SfAreaDialog        *dialog,
                  gint64               id,
                  SfPreferencesWindow *self)
{
  refresh_areas (self);
}

static void
open_area_dialog (SfPreferencesWindow *self,
                  gint64               area_id)
{
  SfAreaDialog *dialog = sf_area_dialog_new (GTK_WINDOW (self), self->context, area_id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_area_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_area_clicked_cb (SfPreferencesWindow *self)
{
  open_area_dialog (self, 0);
}

static void
on_area_row_activated_cb (AdwActionRow        *row,
                          SfPreferencesWindow *self)
{
  open_area_dialog (self, *(gint64 *) g_object_get_data (G_OBJECT (row), "sf-area-id"));
}

static void
free_area (gpointer data)
{
  sf_area_clear (data);
  g_free (data);
}

static void
on_area_undo_cb (AdwToast            *toast,
                 SfPreferencesWindow *self)
{
  const SfArea *removed = g_object_get_data (G_OBJECT (toast), "sf-area");
  g_autoptr(GError) error = NULL;

  if (sf_areas_add (self->store, removed, &error) == 0)
    show_toast (self, error->message);
  refresh_areas (self);
}

static gint64
area_version (SfPreferencesWindow *self,
              gint64               id)
{
  const SfDataset *dataset = sf_context_get_dataset (self->context);
  const SfArea *area = dataset != NULL ? sf_dataset_find_area (dataset, id) : NULL;

  return area != NULL ? area->version : 0;
}

static void
on_area_remove_clicked_cb (GtkButton           *button,
                           SfPreferencesWindow *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "sf-area-id");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  SfArea *removed = g_new0 (SfArea, 1);
  AdwToast *toast;

  /* The area as the window read it: someone else's change since is
   * theirs to keep (the toast says who and when) */
  if (!sf_areas_remove_versioned (self->store, id, area_version (self, id), removed, &error))
    {
      g_free (removed);
      show_toast (self, error->message);
      return;
    }
  /* Translators: a toast after an own case area was removed */
  title = g_markup_printf_escaped (_("Removed “%s”"), removed->name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Undo is offered at once, not after an earlier message */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "sf-area", removed, free_area);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_area_undo_cb), self, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
  refresh_areas (self);
}

static void
build_area_rows (SfPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = loaded_dataset (self, &error);
  guint n_own = 0;

  clear_rows (self->own_areas_group, self->area_rows);
  if (dataset == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < dataset->areas->len; i++)
    {
      const SfArea *area = &g_array_index (dataset->areas, SfArea, i);
      g_autofree char *range = NULL;
      g_autofree char *remove_label = NULL;
      g_autofree char *name = NULL;
      GString *subtitle;
      GtkWidget *row, *remove;
      guint teams;

      if (!area->custom)
        continue;
      n_own++;
      teams = sf_dataset_count_area_teams (dataset, area->id);
      range = sf_area_describe_range (area);
      /* Translators: the key a roster names an own case area by */
      subtitle = g_string_new (NULL);
      g_string_append_printf (subtitle, _("Key %s"), area->key);
      g_string_append_printf (subtitle, " · %s", range);
      if (area->source != NULL)
        {
          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle, _("source: %s"), area->source);
        }
      g_string_append (subtitle, " · ");
      if (teams == 0)
        g_string_append (subtitle, _("no teams"));
      else
        g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u team", "%u teams", teams), teams);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), area->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "sf-area-id", g_memdup2 (&area->id, sizeof area->id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_area_row_activated_cb), self);
      g_string_free (subtitle, TRUE);

      remove_label = g_strdup_printf (_("Remove %s"), area->name);
      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      name = g_strconcat ("remove-area-", area->key, NULL);
      gtk_widget_set_name (remove, name);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      /* Used areas cannot go: the button says why when pressed */
      g_object_set_data_full (G_OBJECT (remove), "sf-area-id", g_memdup2 (&area->id, sizeof area->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_area_remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->own_areas_group, row);
      g_ptr_array_add (self->area_rows, row);
    }
  gtk_widget_set_visible (self->areas_empty, n_own == 0);
}

static void
sf_preferences_window_dispose (GObject *object)
{
  SfPreferencesWindow *self = SF_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (sf_preferences_window_parent_class)->dispose (object);
}

static void
sf_preferences_window_finalize (GObject *object)
{
  SfPreferencesWindow *self = SF_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->spins, g_hash_table_unref);
  g_clear_pointer (&self->team_spins, g_hash_table_unref);
  g_clear_pointer (&self->team_versions, g_hash_table_unref);
  g_clear_pointer (&self->team_rows, g_ptr_array_unref);
  g_clear_pointer (&self->area_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rows_built, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sf_preferences_window_parent_class)->finalize (object);
}

static void
sf_preferences_window_class_init (SfPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_preferences_window_dispose;
  object_class->finalize = sf_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sagsfordeling/Sagsfordeling/sf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, weights_group);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, capacity_group);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, status_group);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, planning_group);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, teams_group);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, team_references_group);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, areas_page);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, own_areas_group);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, areas_empty);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, add_area_button);
  gtk_widget_class_bind_template_child (widget_class, SfPreferencesWindow, references_group);
  gtk_widget_class_bind_template_callback (widget_class, on_add_area_clicked_cb);
}

static void
sf_preferences_window_init (SfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->spins = g_hash_table_new (g_str_hash, g_str_equal);
  /* The ids are owned by the spin buttons' data */
  self->team_spins = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->team_versions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->team_rows = g_ptr_array_new ();
  self->area_rows = g_ptr_array_new ();
  /* Where a cap or an own range is set: what other projects chose */
  adw_preferences_group_add (self->team_references_group, sf_references_row_new (FALSE));
  adw_preferences_group_add (self->references_group, sf_references_row_new (TRUE));
}

SfPreferencesWindow *
sf_preferences_window_new (GtkWindow *parent,
                           SfContext *context)
{
  SfPreferencesWindow *self;

  g_return_val_if_fail (SF_IS_CONTEXT (context), NULL);

  self = g_object_new (SF_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (sf_context_get_store (context));
  build_setting_rows (self);
  refresh_areas (self);
  g_signal_connect_object (context, "changed", G_CALLBACK (on_context_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

GtkSpinButton *
sf_preferences_window_get_spin (SfPreferencesWindow *self,
                                const char          *key)
{
  g_return_val_if_fail (SF_IS_PREFERENCES_WINDOW (self), NULL);

  return g_hash_table_lookup (self->spins, key);
}

GtkSpinButton *
sf_preferences_window_get_team_spin (SfPreferencesWindow *self,
                                     gint64               team_id)
{
  g_return_val_if_fail (SF_IS_PREFERENCES_WINDOW (self), NULL);

  return g_hash_table_lookup (self->team_spins, &team_id);
}
