/* sf-scenario-change-dialog.c: add or edit one change of a what-if scenario
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sf-date-button.h"
#include "sf-error-dialog.h"
#include "sf-planning-scenario.h"
#include "sf-scenario-change-dialog.h"
#include "sf-worker-choices.h"

typedef struct
{
  AdwMessageDialog     *dialog;
  SfPlanningData       *data;        /* kept: its data set is the pickers' */
  const SfDataset      *dataset;
  SfSettings            settings;
  SfScenarioOp          op;
  GArray               *worker_ids;  /* gint64, the positions of the caseworker pickers */
  GArray               *team_ids;    /* guint, indexes into dataset->teams by name */
  GtkDropDown          *worker;      /* move, hours, factor, end; reassign: from */
  GtkDropDown          *to;          /* reassign */
  GtkDropDown          *team;        /* move, hire, norm */
  GtkDropDown          *complexity;  /* weight, reassign */
  GtkSpinButton        *value;       /* hours, factor, norm, weight, count */
  GtkEntry             *text;        /* factor: reason; hire: note */
  SfDateButton         *day;         /* end, hire */
  GtkLabel             *problem;
  SfScenarioChangeFunc  func;
  gpointer              user_data;
  GDestroyNotify        destroy;
} Editor;

static void
editor_free (gpointer data)
{
  Editor *editor = data;

  if (editor->destroy != NULL)
    editor->destroy (editor->user_data);
  g_clear_pointer (&editor->worker_ids, g_array_unref);
  g_clear_pointer (&editor->team_ids, g_array_unref);
  g_clear_pointer (&editor->data, sf_planning_data_unref);
  g_free (editor);
}

static Editor *
editor_of (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "sf-editor");
}

const char *
sf_scenario_op_to_label (SfScenarioOp op)
{
  switch (op)
    {
    case SF_SCENARIO_MOVE:
      return _("Move to Another Team");
    case SF_SCENARIO_HOURS:
      return _("Change Weekly Hours");
    case SF_SCENARIO_FACTOR:
      return _("Change the Individual Factor");
    case SF_SCENARIO_END:
      return _("Set a Last Working Day");
    case SF_SCENARIO_HIRE:
      return _("Add a Planned Hire");
    case SF_SCENARIO_NORM:
      return _("Change a Team’s Base Norm");
    case SF_SCENARIO_WEIGHT:
      return _("Change a Complexity’s Weight");
    case SF_SCENARIO_REASSIGN:
      return _("Move Cases to a Colleague");
    case SF_N_SCENARIO_OPS:
    default:
      g_return_val_if_reached ("");
    }
}

static const SfCaseworker *
picked_worker (Editor      *editor,
               GtkDropDown *drop_down)
{
  guint position = gtk_drop_down_get_selected (drop_down);

  if (position == GTK_INVALID_LIST_POSITION || position >= editor->worker_ids->len)
    return NULL;
  return sf_dataset_find_caseworker (editor->dataset, g_array_index (editor->worker_ids, gint64, position));
}

static const SfTeam *
picked_team (Editor *editor)
{
  guint position = gtk_drop_down_get_selected (editor->team);

  if (position == GTK_INVALID_LIST_POSITION || position >= editor->team_ids->len)
    return NULL;
  return &g_array_index (editor->dataset->teams, SfTeam, g_array_index (editor->team_ids, guint, position));
}

/* The change the fields make, before it is checked; NULL when a picker
 * has nothing to pick. */
static SfScenarioChange *
fields_change (Editor *editor)
{
  g_autofree SfScenarioChange *change = g_new0 (SfScenarioChange, 1);
  const SfCaseworker *worker = editor->worker != NULL ? picked_worker (editor, editor->worker) : NULL;
  const SfCaseworker *to = editor->to != NULL ? picked_worker (editor, editor->to) : NULL;
  const SfTeam *team = editor->team != NULL ? picked_team (editor) : NULL;

  change->op = editor->op;
  change->day = SF_DAY_NONE;
  if ((editor->worker != NULL && worker == NULL) || (editor->to != NULL && to == NULL) ||
      (editor->team != NULL && team == NULL))
    return NULL;
  if (worker != NULL)
    change->initials = g_strdup (worker->initials);
  if (to != NULL)
    change->to = g_strdup (to->initials);
  if (team != NULL)
    change->team = g_strdup (team->name);
  if (editor->complexity != NULL)
    change->complexity = (SfComplexity) gtk_drop_down_get_selected (editor->complexity);
  if (editor->value != NULL)
    {
      change->value = gtk_spin_button_get_value (editor->value);
      if (editor->op == SF_SCENARIO_REASSIGN)
        change->count = (guint) gtk_spin_button_get_value_as_int (editor->value);
    }
  if (editor->text != NULL)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (editor->text));
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      change->text = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
    }
  if (editor->day != NULL)
    change->day = sf_date_button_get_day (editor->day);
  return g_steal_pointer (&change);
}

/* Checks @change as a changes file is checked; NULL when it is right, else
 * what is wrong, one problem a line, without "Change 1 (hours): ". */
static char *
check_change (Editor                 *editor,
              const SfScenarioChange *change)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();
  g_autoptr(SfScenario) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *prefix = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out;
  SfScenario one = { (char *) "-", changes };

  g_ptr_array_add (changes, (gpointer) change);
  json = sf_scenario_to_json (&one);
  parsed = sf_scenario_parse (json, -1, editor->dataset, &editor->settings, &error);
  if (parsed != NULL)
    return NULL;
  prefix = g_strdup_printf (_("Change %u (%s): %s"), 1, sf_scenario_op_to_key (change->op), "");
  lines = g_strsplit (error->message, "\n", -1);
  out = g_string_new (NULL);
  /* The first line counts the problems */
  for (guint i = lines[0] != NULL && lines[1] != NULL ? 1 : 0; lines[i] != NULL; i++)
    {
      const char *line = g_str_has_prefix (lines[i], prefix) ? lines[i] + strlen (prefix) : lines[i];

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

static void
update (Editor *editor)
{
  g_autoptr(SfScenarioChange) change = fields_change (editor);
  g_autofree char *problem = NULL;

  if (change == NULL)
    problem = g_strdup (_("There is no one to choose here."));
  else
    problem = check_change (editor, change);
  gtk_label_set_text (editor->problem, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (editor->problem), problem != NULL);
  adw_message_dialog_set_response_enabled (editor->dialog, "save", problem == NULL);
}

static void
on_field_changed_cb (Editor *editor)
{
  update (editor);
}

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Editor           *editor)
{
  SfScenarioChange *change;

  if (!g_str_equal (response, "save"))
    return;
  /* What is typed in the number field counts, as when it loses the focus */
  if (editor->value != NULL)
    gtk_spin_button_update (editor->value);
  change = fields_change (editor);
  if (change == NULL)
    return;
  editor->func (change, editor->user_data);
}

/* ---- the fields --------------------------------------------------------- */

static void
add_field (GtkGrid    *grid,
           const char *label_text,
           GtkWidget  *field)
{
  int row = 0;
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    row++;
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (grid, label, 0, row / 2, 1, 1);
  gtk_grid_attach (grid, field, 1, row / 2, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
}

/* A drop-down of @list (taken) with @selected chosen, whose choice
 * updates the form; searchable by @expression (taken) if not NULL */
static GtkDropDown *
picker_field (Editor        *editor,
              GtkStringList *list,
              GtkExpression *expression,
              guint          selected)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (list), expression));

  gtk_drop_down_set_enable_search (drop_down, expression != NULL);
  gtk_drop_down_set_selected (drop_down, selected);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (on_field_changed_cb), editor);
  return drop_down;
}

static GtkDropDown *
worker_picker (Editor     *editor,
               const char *initials)
{
  const SfCaseworker *worker = initials != NULL ? sf_scenario_find_caseworker (editor->dataset, initials) : NULL;
  GtkStringList *list;

  if (editor->worker_ids != NULL)
    g_clear_pointer (&editor->worker_ids, g_array_unref);
  list = sf_worker_choices_new (editor->dataset, NULL, 0, TRUE, &editor->worker_ids);
  /* (The first is chosen where the change names nobody) */
  return picker_field (editor, list, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"),
                       worker != NULL ? sf_worker_choices_find (editor->worker_ids, worker->id) : 0);
}

static int
compare_team_names (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const SfDataset *dataset = user_data;

  return g_utf8_collate (g_array_index (dataset->teams, SfTeam, *(const guint *) a).name,
                         g_array_index (dataset->teams, SfTeam, *(const guint *) b).name);
}

static GtkDropDown *
team_picker (Editor     *editor,
             const char *name)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const SfTeam *team = name != NULL ? sf_scenario_find_team (editor->dataset, name) : NULL;
  guint selected = 0;

  editor->team_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint t = 0; t < editor->dataset->teams->len; t++)
    g_array_append_val (editor->team_ids, t);
  g_array_sort_with_data (editor->team_ids, compare_team_names, (gpointer) editor->dataset);
  for (guint i = 0; i < editor->team_ids->len; i++)
    {
      const SfTeam *at = &g_array_index (editor->dataset->teams, SfTeam, g_array_index (editor->team_ids, guint, i));

      gtk_string_list_append (list, at->name);
      if (at == team)
        selected = i;
    }
  return picker_field (editor, list, NULL, selected);
}

static GtkDropDown *
complexity_picker (Editor       *editor,
                   SfComplexity  complexity)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint c = 0; c < SF_N_COMPLEXITIES; c++)
    gtk_string_list_append (list, sf_complexity_to_label ((SfComplexity) c));
  return picker_field (editor, list, NULL, complexity);
}

static GtkSpinButton *
number_field (Editor *editor,
              double  lower,
              double  upper,
              double  step,
              guint   digits,
              double  value)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (lower, upper, step));

  gtk_spin_button_set_digits (spin, digits);
  gtk_spin_button_set_value (spin, value);
  gtk_spin_button_set_numeric (spin, FALSE);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_field_changed_cb), editor);
  return spin;
}

static GtkEntry *
text_field (Editor     *editor,
            const char *text)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());

  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (entry, TRUE);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_field_changed_cb), editor);
  return entry;
}

static SfDateButton *
day_field (Editor     *editor,
           const char *title,
           SfDay       day)
{
  SfDateButton *button = SF_DATE_BUTTON (sf_date_button_new ());

  sf_date_button_set_title (button, title);
  sf_date_button_set_day (button, day);
  gtk_widget_set_halign (GTK_WIDGET (button), GTK_ALIGN_START);
  g_signal_connect_swapped (button, "notify::day", G_CALLBACK (on_field_changed_cb), editor);
  return button;
}

AdwMessageDialog *
sf_scenario_change_dialog_new (GtkWidget              *parent,
                               SfPlanningData         *data,
                               SfScenarioOp            op,
                               const SfScenarioChange *existing,
                               SfScenarioChangeFunc    func,
                               gpointer                user_data,
                               GDestroyNotify          destroy)
{
  Editor *editor = g_new0 (Editor, 1);
  const SfDataset *dataset = data->dataset;
  const SfSettings *settings = &data->settings;
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  SfScenarioChange blank = { 0 };
  const SfScenarioChange *c = existing != NULL ? existing : &blank;
  const SfTeam *first_team = dataset->teams->len > 0 ? &g_array_index (dataset->teams, SfTeam, 0) : NULL;

  g_return_val_if_fail (op < SF_N_SCENARIO_OPS, NULL);

  editor->data = sf_planning_data_ref (data);
  editor->dataset = dataset;
  editor->settings = *settings;
  editor->op = op;
  editor->func = func;
  editor->user_data = user_data;
  editor->destroy = destroy;
  blank.op = op;
  blank.day = SF_DAY_NONE;
  blank.complexity = SF_COMPLEXITY_KOMPLEKS;

  dialog = sf_message_dialog_new_for (parent, sf_scenario_op_to_label (op), NULL);
  editor->dialog = dialog;
  g_object_set_data_full (G_OBJECT (dialog), "sf-editor", editor, editor_free);
  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);

  switch (op)
    {
    case SF_SCENARIO_MOVE:
      adw_message_dialog_set_body (dialog, _("The caseworker moves with their cases: they stay the primary caseworker."));
      editor->worker = worker_picker (editor, c->initials);
      editor->team = team_picker (editor, c->team);
      add_field (grid, _("_Caseworker"), GTK_WIDGET (editor->worker));
      add_field (grid, _("_To the team"), GTK_WIDGET (editor->team));
      break;
    case SF_SCENARIO_HOURS:
      editor->worker = worker_picker (editor, c->initials);
      editor->value = number_field (editor, 0, 80, 0.5, 2, existing != NULL ? c->value : 37);
      add_field (grid, _("_Caseworker"), GTK_WIDGET (editor->worker));
      add_field (grid, _("Weekly _hours"), GTK_WIDGET (editor->value));
      break;
    case SF_SCENARIO_FACTOR:
      adw_message_dialog_set_body (dialog, _("Below 1 the norm is lowered, and the reason is required."));
      editor->worker = worker_picker (editor, c->initials);
      editor->value = number_field (editor, 0, 5, 0.05, 2, existing != NULL ? c->value : 1);
      editor->text = text_field (editor, c->text);
      add_field (grid, _("_Caseworker"), GTK_WIDGET (editor->worker));
      add_field (grid, _("Individual _factor"), GTK_WIDGET (editor->value));
      add_field (grid, _("_Reason"), GTK_WIDGET (editor->text));
      break;
    case SF_SCENARIO_END:
      adw_message_dialog_set_body (dialog, _("The caseworker’s cases count on nobody after the last working day, until someone takes them."));
      editor->worker = worker_picker (editor, c->initials);
      editor->day = day_field (editor, _("Last Working Day"), c->day);
      add_field (grid, _("_Caseworker"), GTK_WIDGET (editor->worker));
      add_field (grid, _("_Last working day"), GTK_WIDGET (editor->day));
      break;
    case SF_SCENARIO_HIRE:
      editor->team = team_picker (editor, c->team);
      editor->value = number_field (editor, 0, 80, 0.5, 2, existing != NULL ? c->value : 37);
      editor->day = day_field (editor, _("Start Date"),
                               existing != NULL ? c->day : sf_day_month_start (sf_day_today (), 1));
      editor->text = text_field (editor, c->text);
      add_field (grid, _("_Team"), GTK_WIDGET (editor->team));
      add_field (grid, _("Weekly _hours"), GTK_WIDGET (editor->value));
      add_field (grid, _("_Starts"), GTK_WIDGET (editor->day));
      add_field (grid, _("_Note"), GTK_WIDGET (editor->text));
      break;
    case SF_SCENARIO_NORM:
      adw_message_dialog_set_body (dialog, _("The team’s own cap: its base norm in weighted cases for a full-time caseworker."));
      editor->team = team_picker (editor, c->team);
      editor->value = number_field (editor, 0, 500, 1, 1,
                                    existing != NULL ? c->value
                                    : first_team != NULL && first_team->cap > 0 ? first_team->cap : 40);
      add_field (grid, _("_Team"), GTK_WIDGET (editor->team));
      add_field (grid, _("Base _norm"), GTK_WIDGET (editor->value));
      break;
    case SF_SCENARIO_WEIGHT:
      editor->complexity = complexity_picker (editor, c->complexity);
      editor->value = number_field (editor, 0, 10, 0.05, 2,
                                    existing != NULL ? c->value : settings->weights[c->complexity]);
      add_field (grid, _("C_omplexity"), GTK_WIDGET (editor->complexity));
      add_field (grid, _("_Weight"), GTK_WIDGET (editor->value));
      break;
    case SF_SCENARIO_REASSIGN:
      adw_message_dialog_set_body (dialog, _("The cases open today with the latest start dates move; the colleague becomes their primary caseworker."));
      editor->worker = worker_picker (editor, c->initials);
      {
        GArray *from_ids = g_steal_pointer (&editor->worker_ids);

        editor->to = worker_picker (editor, c->to);
        g_array_unref (editor->worker_ids);
        editor->worker_ids = from_ids;
        if (existing == NULL && from_ids->len > 1)
          gtk_drop_down_set_selected (editor->to, 1);
      }
      editor->complexity = complexity_picker (editor, c->complexity);
      editor->value = number_field (editor, 1, 10000, 1, 0, existing != NULL ? c->count : 1);
      add_field (grid, _("_From"), GTK_WIDGET (editor->worker));
      add_field (grid, _("_To"), GTK_WIDGET (editor->to));
      add_field (grid, _("C_omplexity"), GTK_WIDGET (editor->complexity));
      add_field (grid, _("Number of _cases"), GTK_WIDGET (editor->value));
      break;
    case SF_N_SCENARIO_OPS:
    default:
      g_assert_not_reached ();
    }

  editor->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (editor->problem, TRUE);
  gtk_label_set_xalign (editor->problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (editor->problem), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->problem), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("What must be corrected"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (grid));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor->problem));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", existing != NULL ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response_cb), editor);
  update (editor);
  return dialog;
}

SfScenarioChange *
sf_scenario_change_dialog_get_change (AdwMessageDialog *dialog)
{
  return fields_change (editor_of (dialog));
}

const char *
sf_scenario_change_dialog_get_problem (AdwMessageDialog *dialog)
{
  Editor *editor = editor_of (dialog);

  return gtk_widget_get_visible (GTK_WIDGET (editor->problem)) ? gtk_label_get_text (editor->problem) : "";
}

void
sf_scenario_change_dialog_set_value (AdwMessageDialog *dialog,
                                     double            value)
{
  Editor *editor = editor_of (dialog);

  g_return_if_fail (editor->value != NULL);
  gtk_spin_button_set_value (editor->value, value);
  update (editor);
}
