/* sf-team-dialog.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-references-row.h"
#include "sf-team-dialog.h"
#include "sf-conflict-dialog.h"
#include "sf-error-dialog.h"

/* A team's name, case area and the municipality's own cap.  Saved when the
 * manager presses Add/Save; a refused value keeps the dialog open with
 * everything typed, the field marked and the rule's message above it. */
struct _SfTeamDialog
{
  SfEditDialog  parent_instance;

  SfStore      *store;
  gint64        team_id;
  gint64        version;       /* the team's, as the form was filled */
  SfDataset    *dataset;

  AdwEntryRow  *name_row;
  AdwComboRow  *area_row;
  AdwEntryRow  *cap_row;
  AdwActionRow *ds_row;
  AdwPreferencesGroup *norm_group;
};

static gboolean save (SfEditDialog *dialog);

G_DEFINE_FINAL_TYPE (SfTeamDialog, sf_team_dialog, SF_TYPE_EDIT_DIALOG)

static const SfArea *
selected_area (SfTeamDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->area_row);

  if (self->dataset == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->dataset->areas->len)
    return NULL;
  return &g_array_index (self->dataset->areas, SfArea, selected);
}

static void
on_area_selected_cb (SfTeamDialog *self,
                     GParamSpec   *pspec,
                     AdwComboRow  *row)
{
  const SfArea *area = selected_area (self);
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *text = NULL;
  double range_low, range_high;

  if (area == NULL)
    return;
  if (area->custom)
    {
      /* An own area: its range is the organisation's, or there is none */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ds_row), _("The Organisation’s Own Range"));
      if (sf_area_get_range (area, &range_low, &range_high))
        {
          low = sf_format_figure (range_low);
          high = sf_format_figure (range_high);
          if (area->source != NULL)
            /* Translators: an own area's range and its source, e.g. "20–25 cases, not DS’ (source: …)" */
            text = g_strdup_printf (_("%s–%s cases, not DS’ (source: %s)"), low, high, area->source);
          else
            text = g_strdup_printf (_("%s–%s cases, not DS’"), low, high);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cap_row),
                                         _("Municipal Cap (empty: the own range’s upper end)"));
        }
      else
        {
          text = g_strdup (_("None: give the team a cap of its own"));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cap_row), _("Municipal Cap (required)"));
        }
      adw_action_row_set_subtitle (self->ds_row, text);
      return;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ds_row), _("DS’ Recommended Range"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cap_row), _("Municipal Cap (empty: DS’ figure)"));
  low = sf_format_decimal (area->ds_low, 0);
  high = sf_format_decimal (area->ds_high, 0);
  if (area->survey_year > 0)
    /* Translators: DS' range, e.g. "20–30 cases (DS 2023)" */
    text = g_strdup_printf (_("%s–%s cases (DS %d)"), low, high, area->survey_year);
  else
    text = g_strdup_printf (_("%s–%s cases"), low, high);
  adw_action_row_set_subtitle (self->ds_row, text);
}

static void
sf_team_dialog_finalize (GObject *object)
{
  SfTeamDialog *self = (SfTeamDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->dataset, sf_dataset_free);

  G_OBJECT_CLASS (sf_team_dialog_parent_class)->finalize (object);
}

static void
sf_team_dialog_class_init (SfTeamDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sf_team_dialog_finalize;
  SF_EDIT_DIALOG_CLASS (klass)->save = save;

  sf_edit_dialog_class_set_template (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-team-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfTeamDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SfTeamDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, SfTeamDialog, cap_row);
  gtk_widget_class_bind_template_child (widget_class, SfTeamDialog, ds_row);
  gtk_widget_class_bind_template_child (widget_class, SfTeamDialog, norm_group);
  gtk_widget_class_bind_template_callback (widget_class, on_area_selected_cb);
}

static void
sf_team_dialog_init (SfTeamDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Where the cap is set: what other projects chose, to weigh */
  adw_preferences_group_add (self->norm_group, sf_references_row_new (FALSE));
}

/* A cap as the form and the conflict dialog show it: "" for none */
static char *
describe_cap (double cap)
{
  return cap > 0 ? sf_format_figure (cap) : g_strdup ("");
}

SfTeamDialog *
sf_team_dialog_new (GtkWindow *parent,
                    SfContext *context,
                    gint64     team_id)
{
  SfTeamDialog *self;
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autofree char *cap = NULL;
  const SfTeam *team = NULL;

  g_return_val_if_fail (SF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (sf_context_get_dataset (context) != NULL, NULL);

  self = g_object_new (SF_TYPE_TEAM_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (sf_context_get_store (context));
  self->team_id = team_id;
  /* The areas and teams the window shows, kept while the dialog is open */
  self->dataset = sf_dataset_ref ((SfDataset *) sf_context_get_dataset (context));

  for (guint i = 0; i < self->dataset->areas->len; i++)
    {
      const SfArea *area = &g_array_index (self->dataset->areas, SfArea, i);
      g_autofree char *name = area->custom
                              /* Translators: an own case area in the list of areas, "IPS (own area)" */
                              ? g_strdup_printf (_("%s (own area)"), area->name)
                              : g_strdup (area->name);

      gtk_string_list_append (areas, name);
    }
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));

  if (team_id != 0)
    team = sf_dataset_find_team (self->dataset, team_id);

  if (team != NULL)
    {
      sf_edit_dialog_set_title (SF_EDIT_DIALOG (self), _("Edit Team"), FALSE);
      self->version = team->version;
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), team->name);
      for (guint i = 0; i < self->dataset->areas->len; i++)
        if (g_array_index (self->dataset->areas, SfArea, i).id == team->area_id)
          adw_combo_row_set_selected (self->area_row, i);
      cap = describe_cap (team->cap);
      gtk_editable_set_text (GTK_EDITABLE (self->cap_row), cap);
    }
  else
    {
      self->team_id = 0;
      sf_edit_dialog_set_title (SF_EDIT_DIALOG (self), _("New Team"), TRUE);
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
    }
  on_area_selected_cb (self, NULL, self->area_row);
  return self;
}

static char *
describe_area (SfTeamDialog *self,
               gint64        area_id)
{
  const SfArea *area = sf_dataset_find_area (self->dataset, area_id);

  return g_strdup (area != NULL ? area->name : "");
}

/* The team as someone else left it (the conflict's values) beside the form's */
static void
present_conflict (SfTeamDialog *self,
                  const GError *error,
                  const SfTeam *mine)
{
  const SfConflict *conflict = sf_conflict_get (error);
  g_autoptr(GPtrArray) fields = sf_conflict_fields_new ();
  const char *cap = sf_conflict_dialog_theirs (conflict, "cap");
  const char *area = sf_conflict_dialog_theirs (conflict, "area_id");

  sf_conflict_fields_add_text (fields, _("Name"), conflict, "name", mine->name);
  sf_conflict_fields_add (fields, _("Case area"),
                          area != NULL ? describe_area (self, g_ascii_strtoll (area, NULL, 10)) : NULL,
                          describe_area (self, mine->area_id));
  sf_conflict_fields_add (fields, _("Cap"), describe_cap (cap != NULL ? g_ascii_strtod (cap, NULL) : 0),
                          describe_cap (mine->cap));
  sf_edit_dialog_present_conflict (SF_EDIT_DIALOG (self), error, fields, &self->version);
}

/* Checks and stores the team.  Returns whether it was saved (and closes). */
static gboolean
save (SfEditDialog *dialog)
{
  SfTeamDialog *self = SF_TEAM_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *cap_text = NULL;
  const SfArea *area;
  SfTeam team = { 0 };
  gint64 id;

  if (self->dataset == NULL)
    return FALSE;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (!sf_roster_check_team_name (name, &error))
    {
      sf_edit_dialog_show_error (SF_EDIT_DIALOG (self), GTK_WIDGET (self->name_row), error->message);
      return FALSE;
    }

  cap_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cap_row))));
  team.cap = 0;
  if (*cap_text != '\0')
    {
      const char *stripped = cap_text;

      if (!sf_text_parse_decimal (stripped, &team.cap))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a number. Write the cap as "
                                                        "cases, e.g. 24, or leave it empty."),
                                                      stripped);

          sf_edit_dialog_show_error (SF_EDIT_DIALOG (self), GTK_WIDGET (self->cap_row), message);
          return FALSE;
        }
      if (!sf_roster_check_cap (team.cap, TRUE, &error))
        {
          sf_edit_dialog_show_error (SF_EDIT_DIALOG (self), GTK_WIDGET (self->cap_row), error->message);
          return FALSE;
        }
    }

  area = selected_area (self);
  team.id = self->team_id;
  team.version = self->version;
  team.name = name;
  team.area_id = area != NULL ? area->id : 0;
  id = sf_roster_save_team (self->store, &team, &error);
  if (id == 0 && sf_conflict_get (error) != NULL)
    {
      present_conflict (self, error, &team);
      return FALSE;
    }
  if (id == 0)
    {
      GtkWidget *row = NULL;

      if (sf_roster_find_team_name (self->store, name, self->team_id) != 0)
        row = GTK_WIDGET (self->name_row);
      sf_edit_dialog_show_error (SF_EDIT_DIALOG (self), row, error->message);
      return FALSE;
    }

  return sf_edit_dialog_saved (SF_EDIT_DIALOG (self), id);
}
