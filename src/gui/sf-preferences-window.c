/* sf-preferences-window.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-preferences-window.h"

/* The organisation's rules, each with DS' figure beside it.  A value is
 * written as soon as it is entered; the store then tells every window,
 * which recomputes all figures. */
struct _SfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SfStore              *store;
  GHashTable           *spins;        /* setting key → GtkSpinButton */
  GHashTable           *team_spins;   /* team id (gint64 *) → GtkSpinButton */
  gboolean              loading;

  AdwPreferencesGroup  *weights_group;
  AdwPreferencesGroup  *capacity_group;
  AdwPreferencesGroup  *status_group;
  AdwPreferencesGroup  *planning_group;
  AdwPreferencesGroup  *teams_group;
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

static void
load_values (SfPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  SfSettings settings;

  self->loading = TRUE;
  if (sf_store_load_settings (self->store, &settings, &error))
    for (guint i = 0; i < G_N_ELEMENTS (setting_rows); i++)
      {
        g_autofree char *text = sf_settings_get (&settings, setting_rows[i].key);
        GtkSpinButton *spin = g_hash_table_lookup (self->spins, setting_rows[i].key);

        gtk_spin_button_set_value (spin, g_ascii_strtod (text, NULL) * setting_rows[i].scale);
      }
  dataset = sf_store_load_dataset (self->store, error == NULL ? &error : NULL);
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
        reset = g_object_get_data (G_OBJECT (spin), "sf-reset");
        gtk_widget_set_sensitive (reset, team->cap > 0);
      }
  if (error != NULL)
    show_toast (self, error->message);
  self->loading = FALSE;
}

static void
on_setting_changed_cb (GtkSpinButton       *spin,
                       SfPreferencesWindow *self)
{
  const SettingRow *row = g_object_get_data (G_OBJECT (spin), "sf-setting");
  g_autoptr(GError) error = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  if (self->loading)
    return;

  /* Round away the binary noise of the percent conversion */
  value = gtk_spin_button_get_value (spin) / row->scale;
  value = round (value * 10000) / 10000;
  g_ascii_dtostr (buf, sizeof buf, value);
  if (!sf_store_set_setting (self->store, row->key, buf, &error))
    {
      show_toast (self, error->message);
      load_values (self);
    }
}

static void
on_team_norm_changed_cb (GtkSpinButton       *spin,
                         SfPreferencesWindow *self)
{
  gint64 team_id = *(gint64 *) g_object_get_data (G_OBJECT (spin), "sf-team-id");
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  if (!sf_preferences_set_team_norm (self->store, team_id, gtk_spin_button_get_value (spin), &error))
    show_toast (self, error->message);
  load_values (self);
}

static void
on_team_reset_clicked_cb (GtkButton           *button,
                          SfPreferencesWindow *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (button), "sf-spin");
  gint64 team_id = *(gint64 *) g_object_get_data (G_OBJECT (spin), "sf-team-id");
  g_autoptr(GError) error = NULL;

  if (!sf_preferences_set_team_norm (self->store, team_id, 0, &error))
    show_toast (self, error->message);
  load_values (self);
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
build_team_rows (SfPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = sf_store_load_dataset (self->store, &error);

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
      return;
    }
  for (guint i = 0; i < dataset->teams->len; i++)
    {
      const SfTeam *team = &g_array_index (dataset->teams, SfTeam, i);
      const SfArea *area = sf_dataset_find_area (dataset, team->area_id);
      g_autofree char *reference = area != NULL ? sf_preferences_team_reference (area) : NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *spin_label = g_strdup_printf (_("Norm of %s"), team->name);
      g_autofree char *reset_label = g_strdup_printf (_("Give %s the upper end of the DS range"), team->name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = new_spin (spin_label, 1, 1000, 1, 1);
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
    }
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
  g_clear_object (&self->store);

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
}

static void
sf_preferences_window_init (SfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->spins = g_hash_table_new (g_str_hash, g_str_equal);
  /* The ids are owned by the spin buttons' data */
  self->team_spins = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

SfPreferencesWindow *
sf_preferences_window_new (GtkWindow *parent,
                           SfStore   *store)
{
  SfPreferencesWindow *self;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  self = g_object_new (SF_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  build_setting_rows (self);
  build_team_rows (self);
  load_values (self);
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
