/* sf-suggest-dialog.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-suggest-dialog.h"

/* Who should take the next case of a team, for a complexity: the core's
 * suggestion with its reason, updated as the choices or the data change. */
struct _SfSuggestDialog
{
  AdwWindow       parent_instance;

  AdwComboRow    *team_row;
  AdwComboRow    *complexity_row;
  GtkStringList  *team_names;
  GtkStringList  *complexity_names;
  AdwActionRow   *result_row;
  AdwAvatar      *avatar;
  GtkWidget      *nobody_icon;

  SfContext      *context;
  const SfFigures *figures;       /* the context's, borrowed until it changes */
  GArray         *team_ids;       /* gint64, in the order of team_names */
  char           *initials;       /* of the suggestion shown, or NULL */
  gboolean        rebuilding;
};

G_DEFINE_FINAL_TYPE (SfSuggestDialog, sf_suggest_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  gint64      id;
  const char *name;
} TeamChoice;

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (((const TeamChoice *) a)->name, ((const TeamChoice *) b)->name);
}

static void
show_result (SfSuggestDialog *self,
             const char      *title,
             const char      *subtitle,
             const char      *name)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), escaped_title);
  adw_action_row_set_subtitle (self->result_row, escaped_subtitle);
  adw_avatar_set_text (self->avatar, name);
  gtk_widget_set_visible (GTK_WIDGET (self->avatar), name != NULL);
  gtk_widget_set_visible (self->nobody_icon, name == NULL);
}

static void
update_result (SfSuggestDialog *self)
{
  guint team = adw_combo_row_get_selected (self->team_row);
  guint complexity = adw_combo_row_get_selected (self->complexity_row);
  g_autoptr(SfSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->rebuilding)
    return;
  g_clear_pointer (&self->initials, g_free);

  if (self->figures == NULL || team == GTK_INVALID_LIST_POSITION || team >= self->team_ids->len ||
      complexity == GTK_INVALID_LIST_POSITION || complexity >= SF_N_COMPLEXITIES)
    {
      show_result (self, _("No Teams Yet"), _("Import the roster to get suggestions."), NULL);
      return;
    }

  suggestion = sf_suggest_next_case (self->figures, g_array_index (self->team_ids, gint64, team),
                                     (SfComplexity) complexity, &error);
  if (suggestion == NULL)
    {
      show_result (self, _("Nobody Available"), error->message, NULL);
      return;
    }

  self->initials = g_strdup (suggestion->worker->worker->initials);
  /* Translators: a caseworker's name and initials */
  title = g_strdup_printf (_("%s (%s)"), suggestion->worker->worker->name, self->initials);
  show_result (self, title, suggestion->reason, suggestion->worker->worker->name);
}

static void
on_choice_changed_cb (SfSuggestDialog *self,
                      GParamSpec      *pspec,
                      AdwComboRow     *row)
{
  update_result (self);
}

/* The complexities with the weights the organisation uses */
static void
set_complexities (SfSuggestDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->complexity_row);
  SfSettings settings;
  const char *labels[SF_N_COMPLEXITIES + 1] = { NULL };
  char *texts[SF_N_COMPLEXITIES] = { NULL };

  if (self->figures != NULL)
    settings = self->figures->settings;
  else
    sf_settings_init_defaults (&settings);

  for (guint i = 0; i < SF_N_COMPLEXITIES; i++)
    {
      g_autofree char *weight = sf_format_decimal (settings.weights[i], 1);

      /* Translators: a complexity and its weight: "Complex (weight 1.0)" */
      texts[i] = g_strdup_printf (_("%s (weight %s)"), sf_complexity_to_label ((SfComplexity) i), weight);
      labels[i] = texts[i];
    }
  gtk_string_list_splice (self->complexity_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->complexity_names)), labels);
  for (guint i = 0; i < SF_N_COMPLEXITIES; i++)
    g_free (texts[i]);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= SF_N_COMPLEXITIES)
    selected = SF_COMPLEXITY_KOMPLEKS;
  adw_combo_row_set_selected (self->complexity_row, selected);
}

/* Takes the context's figures again, keeping the team chosen (or choosing
 * @team_id). */
static void
load (SfSuggestDialog *self,
      gint64           team_id)
{
  g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (TeamChoice));
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint selected = 0;

  self->figures = sf_context_get_figures (self->context);

  for (guint i = 0; self->figures != NULL && i < self->figures->teams->len; i++)
    {
      const SfTeamFigures *tf = &g_array_index (self->figures->teams, SfTeamFigures, i);
      TeamChoice choice = { tf->team->id, tf->team->name };

      g_array_append_val (choices, choice);
    }
  g_array_sort (choices, compare_choices);

  g_array_set_size (self->team_ids, 0);
  for (guint i = 0; i < choices->len; i++)
    {
      const TeamChoice *choice = &g_array_index (choices, TeamChoice, i);

      g_array_append_val (self->team_ids, choice->id);
      g_strv_builder_add (names, choice->name);
      if (choice->id == team_id)
        selected = i;
    }
  strv = g_strv_builder_end (names);

  self->rebuilding = TRUE;
  set_complexities (self);
  gtk_string_list_splice (self->team_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->team_names)),
                          (const char * const *) strv);
  adw_combo_row_set_selected (self->team_row, self->team_ids->len > 0 ? selected : GTK_INVALID_LIST_POSITION);
  self->rebuilding = FALSE;
  update_result (self);
  if (self->figures == NULL)
    show_result (self, _("Could Not Read the Database"), "", NULL);
}

static void
on_context_changed_cb (SfSuggestDialog        *self,
                       const SfContextChanges *changes,
                       SfContext              *context)
{
  load (self, sf_suggest_dialog_get_team_id (self));
}

static void
sf_suggest_dialog_dispose (GObject *object)
{
  SfSuggestDialog *self = (SfSuggestDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_SUGGEST_DIALOG);

  G_OBJECT_CLASS (sf_suggest_dialog_parent_class)->dispose (object);
}

static void
sf_suggest_dialog_finalize (GObject *object)
{
  SfSuggestDialog *self = (SfSuggestDialog *)object;

  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->initials, g_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sf_suggest_dialog_parent_class)->finalize (object);
}

static void
sf_suggest_dialog_class_init (SfSuggestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_suggest_dialog_dispose;
  object_class->finalize = sf_suggest_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-suggest-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfSuggestDialog, team_row);
  gtk_widget_class_bind_template_child (widget_class, SfSuggestDialog, complexity_row);
  gtk_widget_class_bind_template_child (widget_class, SfSuggestDialog, team_names);
  gtk_widget_class_bind_template_child (widget_class, SfSuggestDialog, complexity_names);
  gtk_widget_class_bind_template_child (widget_class, SfSuggestDialog, result_row);
  gtk_widget_class_bind_template_child (widget_class, SfSuggestDialog, avatar);
  gtk_widget_class_bind_template_child (widget_class, SfSuggestDialog, nobody_icon);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed_cb);
}

static void
sf_suggest_dialog_init (SfSuggestDialog *self)
{
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A modal dialog over @parent that suggests who in a team takes the next
 * case; @team_id chooses the team first shown (0: the first by name). */
SfSuggestDialog *
sf_suggest_dialog_new (GtkWindow *parent,
                       SfContext *context,
                       gint64     team_id)
{
  SfSuggestDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SF_IS_CONTEXT (context), NULL);

  self = g_object_new (SF_TYPE_SUGGEST_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  /* The suggestion follows every edit, as the pages do */
  g_signal_connect_object (context, "changed", G_CALLBACK (on_context_changed_cb), self, G_CONNECT_SWAPPED);
  load (self, team_id);

  return self;
}

AdwComboRow *
sf_suggest_dialog_get_team_row (SfSuggestDialog *self)
{
  g_return_val_if_fail (SF_IS_SUGGEST_DIALOG (self), NULL);

  return self->team_row;
}

AdwComboRow *
sf_suggest_dialog_get_complexity_row (SfSuggestDialog *self)
{
  g_return_val_if_fail (SF_IS_SUGGEST_DIALOG (self), NULL);

  return self->complexity_row;
}

AdwActionRow *
sf_suggest_dialog_get_result_row (SfSuggestDialog *self)
{
  g_return_val_if_fail (SF_IS_SUGGEST_DIALOG (self), NULL);

  return self->result_row;
}

/* The team chosen, or 0. */
gint64
sf_suggest_dialog_get_team_id (SfSuggestDialog *self)
{
  guint team;

  g_return_val_if_fail (SF_IS_SUGGEST_DIALOG (self), 0);

  team = adw_combo_row_get_selected (self->team_row);
  if (team == GTK_INVALID_LIST_POSITION || team >= self->team_ids->len)
    return 0;
  return g_array_index (self->team_ids, gint64, team);
}

/* The initials of the caseworker suggested, or NULL when nobody is. */
const char *
sf_suggest_dialog_get_initials (SfSuggestDialog *self)
{
  g_return_val_if_fail (SF_IS_SUGGEST_DIALOG (self), NULL);

  return self->initials;
}
