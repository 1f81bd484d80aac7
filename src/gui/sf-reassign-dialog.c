/* sf-reassign-dialog.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sf-conflict-dialog.h"
#include "sf-reassign-dialog.h"
#include "sf-status-style.h"
#include "sf-worker-choices.h"

/* Reassigning cases shows first what it does to each person whose figures
 * change (the caseworkers who give and the one who takes): open cases,
 * weighted load and utilisation before → after, and the status in words.
 * Nothing changes until Reassign is pressed. */
struct _SfReassignDialog
{
  SfEditDialog          parent_instance;

  SfStore              *store;
  SfDataset            *dataset;
  SfSettings            settings;
  SfDay                 ref;
  GArray               *ids;            /* gint64 */
  GArray               *worker_ids;
  GArray               *effects;        /* SfCaseEffect */
  GHashTable           *effect_texts;   /* caseworker id → text shown */
  GPtrArray            *rows;
  GArray               *snapshot;

  AdwPreferencesGroup  *cases_group;
  AdwPreferencesGroup  *effect_group;
  AdwComboRow          *caseworker_row;
};

static gboolean reassign (SfEditDialog *dialog);

G_DEFINE_FINAL_TYPE (SfReassignDialog, sf_reassign_dialog, SF_TYPE_EDIT_DIALOG)

static gint64
selected_worker (SfReassignDialog *self)
{
  return sf_worker_choices_id_at (self->worker_ids, adw_combo_row_get_selected (self->caseworker_row));
}

static char *
percent (double utilisation)
{
  g_autofree char *number = NULL;

  if (isnan (utilisation))
    return g_strdup (C_("utilisation", "no norm"));
  number = sf_format_decimal (utilisation * 100, 1);
  /* Translators: a utilisation in per cent; Danish puts a space before % */
  return g_strdup_printf (_("%s %%"), number);
}

static const char *
status_class (SfStatus status)
{
  switch (status)
    {
    case SF_STATUS_OVER:
      return "error";
    case SF_STATUS_NEAR:
      return "warning";
    case SF_STATUS_WITHIN:
    default:
      return "success";
    }
}

static void
clear_rows (SfReassignDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->effect_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->effect_texts);
}

static void
add_effect_row (SfReassignDialog   *self,
                const SfCaseEffect *effect)
{
  const SfCaseworker *worker = sf_dataset_find_caseworker (self->dataset, effect->caseworker_id);
  g_autofree char *title = NULL;
  g_autofree char *load_before = sf_format_decimal (effect->load_before, 1);
  g_autofree char *load_after = sf_format_decimal (effect->load_after, 1);
  g_autofree char *norm = sf_format_decimal (effect->norm, 1);
  g_autofree char *u_before = percent (effect->utilisation_before);
  g_autofree char *u_after = percent (effect->utilisation_after);
  g_autofree char *subtitle = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *status = NULL;
  g_autofree char *escaped = NULL;
  GtkWidget *row, *box, *figure_label, *status_box, *icon, *status_label;

  /* Translators: a caseworker's name and initials */
  title = g_strdup_printf (_("%s (%s)"), worker != NULL ? worker->name : "?", worker != NULL ? worker->initials : "?");
  /* Translators: in the preview of a reassignment: open cases and weighted
   * load before → after, and the person's adjusted norm */
  subtitle = g_strdup_printf (_("Open cases %u → %u · weighted load %s → %s of norm %s"),
                              effect->open_before, effect->open_after, load_before, load_after, norm);
  figure = g_strdup_printf ("%s → %s", u_before, u_after);
  status = g_strdup_printf ("%s → %s", sf_status_to_label (effect->status_before),
                            sf_status_to_label (effect->status_after));

  row = adw_action_row_new ();
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  g_free (escaped);
  escaped = g_markup_escape_text (subtitle, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  figure_label = gtk_label_new (figure);
  gtk_label_set_xalign (GTK_LABEL (figure_label), 1);
  gtk_widget_add_css_class (figure_label, "numeric");
  gtk_widget_add_css_class (figure_label, "heading");
  gtk_box_append (GTK_BOX (box), figure_label);

  /* The status after the change in words and an icon, never colour alone */
  status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (status_box, GTK_ALIGN_END);
  icon = gtk_image_new_from_icon_name (sf_status_icon_name (effect->status_after));
  gtk_widget_add_css_class (icon, status_class (effect->status_after));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sf_status_to_label (effect->status_after), -1);
  status_label = gtk_label_new (status);
  gtk_widget_add_css_class (status_label, "caption");
  gtk_box_append (GTK_BOX (status_box), icon);
  gtk_box_append (GTK_BOX (status_box), status_label);
  gtk_box_append (GTK_BOX (box), status_box);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  adw_preferences_group_add (self->effect_group, row);
  g_ptr_array_add (self->rows, row);
  g_hash_table_insert (self->effect_texts, g_memdup2 (&effect->caseworker_id, sizeof (gint64)),
                       g_strdup_printf ("%s\n%s\n%s\n%s", title, subtitle, figure, status));
}

static void
update_preview (SfReassignDialog *self)
{
  gint64 target = selected_worker (self);

  clear_rows (self);
  g_clear_pointer (&self->effects, g_array_unref);
  if (target == 0)
    {
      sf_edit_dialog_set_can_save (SF_EDIT_DIALOG (self), FALSE);
      return;
    }
  self->effects = sf_cases_preview_reassign (self->dataset, &self->settings, self->ref,
                                             (const gint64 *) self->ids->data, self->ids->len, target);
  for (guint i = 0; i < self->effects->len; i++)
    add_effect_row (self, &g_array_index (self->effects, SfCaseEffect, i));
  if (self->effects->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No caseload changes"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("The cases already belong to this caseworker, or none of them is open."));
      adw_preferences_group_add (self->effect_group, row);
      g_ptr_array_add (self->rows, row);
    }
  sf_edit_dialog_set_can_save (SF_EDIT_DIALOG (self), TRUE);
  sf_edit_dialog_show_error (SF_EDIT_DIALOG (self), NULL, NULL);
}

static void
on_caseworker_selected_cb (SfReassignDialog *self,
                           GParamSpec       *pspec,
                           AdwComboRow      *row)
{
  update_preview (self);
}

static void
sf_reassign_dialog_finalize (GObject *object)
{
  SfReassignDialog *self = SF_REASSIGN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->dataset, sf_dataset_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->worker_ids, g_array_unref);
  g_clear_pointer (&self->effects, g_array_unref);
  g_clear_pointer (&self->effect_texts, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->snapshot, g_array_unref);

  G_OBJECT_CLASS (sf_reassign_dialog_parent_class)->finalize (object);
}

static void
sf_reassign_dialog_class_init (SfReassignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sf_reassign_dialog_finalize;
  /* ::saved has the id of the caseworker who has the cases now */
  SF_EDIT_DIALOG_CLASS (klass)->save = reassign;

  sf_edit_dialog_class_set_template (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-reassign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfReassignDialog, cases_group);
  gtk_widget_class_bind_template_child (widget_class, SfReassignDialog, effect_group);
  gtk_widget_class_bind_template_child (widget_class, SfReassignDialog, caseworker_row);
  gtk_widget_class_bind_template_callback (widget_class, on_caseworker_selected_cb);
}

static void
sf_reassign_dialog_init (SfReassignDialog *self)
{
  self->rows = g_ptr_array_new ();
  self->effect_texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

SfReassignDialog *
sf_reassign_dialog_new (GtkWindow        *parent,
                        SfStore          *store,
                        const SfDataset  *dataset,
                        const SfSettings *settings,
                        SfDay             ref,
                        const gint64     *ids,
                        guint             n_ids)
{
  SfReassignDialog *self;
  g_autoptr(GtkStringList) workers = NULL;
  g_autoptr(GString) references = g_string_new (NULL);
  g_autofree char *title = NULL;
  gint64 current = 0;
  guint shown = 0;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);
  g_return_val_if_fail (dataset != NULL && ids != NULL && n_ids > 0, NULL);

  self = g_object_new (SF_TYPE_REASSIGN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->dataset = sf_dataset_copy (dataset);
  self->settings = *settings;
  self->ref = ref;
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (self->ids, ids, n_ids);

  /* The cases, by number: the first few, then how many more */
  for (guint i = 0; i < self->dataset->cases->len; i++)
    {
      const SfCase *kase = &g_array_index (self->dataset->cases, SfCase, i);

      for (guint j = 0; j < n_ids; j++)
        if (kase->id == ids[j])
          {
            if (shown < 5)
              g_string_append_printf (references, "%s%s", shown ? ", " : "", kase->reference);
            current = shown == 0 || current == kase->caseworker_id ? kase->caseworker_id : -1;
            shown++;
          }
    }
  if (n_ids > 5)
    /* Translators: after the first five case numbers */
    g_string_append_printf (references, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", n_ids - 5),
                            n_ids - 5);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reassign %u Case", "Reassign %u Cases", n_ids), n_ids);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_preferences_group_set_description (self->cases_group, references->str);

  /* Everyone but the caseworker who has them all now */
  workers = sf_worker_choices_new (self->dataset, NULL, current > 0 ? current : 0, TRUE, &self->worker_ids);
  adw_combo_row_set_model (self->caseworker_row, G_LIST_MODEL (workers));
  update_preview (self);
  return self;
}

void
sf_reassign_dialog_select_caseworker (SfReassignDialog *self,
                                      gint64            caseworker_id)
{
  g_return_if_fail (SF_IS_REASSIGN_DIALOG (self));

  sf_worker_choices_select (self->caseworker_row, self->worker_ids, caseworker_id);
}

/* The case @id as the dialog read it, or NULL */
static SfCase *
find_seen (SfReassignDialog *self,
           gint64            id)
{
  for (guint i = 0; i < self->dataset->cases->len; i++)
    if (g_array_index (self->dataset->cases, SfCase, i).id == id)
      return &g_array_index (self->dataset->cases, SfCase, i);
  return NULL;
}

/* The versions of the cases to move, as the dialog read them */
static GArray *
versions_seen (SfReassignDialog *self)
{
  GArray *versions = g_array_sized_new (FALSE, TRUE, sizeof (gint64), self->ids->len);

  for (guint i = 0; i < self->ids->len; i++)
    {
      const SfCase *kase = find_seen (self, g_array_index (self->ids, gint64, i));
      gint64 version = kase != NULL ? kase->version : 0;

      g_array_append_val (versions, version);
    }
  return versions;
}

static const char *
initials_seen (SfReassignDialog *self,
               gint64            id)
{
  const SfCaseworker *worker = id != 0 ? sf_dataset_find_caseworker (self->dataset, id) : NULL;

  return worker != NULL ? worker->initials : NULL;
}

/* Someone else changed one of the cases since the dialog read them: their
 * caseworker and cover beside the move.  Apply Mine moves it on their
 * version; Keep Theirs closes the dialog. */
static void
ask_about_conflict (SfReassignDialog *self,
                    const GError     *error,
                    SfCase           *seen,
                    gint64            target)
{
  const SfConflict *conflict = sf_conflict_get (error);
  g_autoptr(GPtrArray) fields = sf_conflict_fields_new ();
  const char *worker = sf_conflict_dialog_theirs (conflict, "caseworker_id");
  const char *cover = sf_conflict_dialog_theirs (conflict, "cover_id");

  sf_conflict_fields_add (fields, _("Caseworker"),
                          g_strdup (worker != NULL ? initials_seen (self, g_ascii_strtoll (worker, NULL, 10)) : NULL),
                          g_strdup (initials_seen (self, target)));
  sf_conflict_fields_add (fields, _("Cover"),
                          g_strdup (cover != NULL ? initials_seen (self, g_ascii_strtoll (cover, NULL, 10)) : NULL),
                          g_strdup (seen->cover_id != target ? initials_seen (self, seen->cover_id) : NULL));
  sf_edit_dialog_present_conflict (SF_EDIT_DIALOG (self), error, fields, &seen->version);
}

/* Reassigns as previewed.  Returns whether it was done (and closes). */
static gboolean
reassign (SfEditDialog *dialog)
{
  SfReassignDialog *self = SF_REASSIGN_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) snapshot = NULL;
  g_autoptr(GArray) versions = NULL;
  g_autoptr(GArray) after = NULL;
  gint64 target;

  target = selected_worker (self);
  if (target == 0)
    return FALSE;
  snapshot = sf_cases_snapshot (self->store, (const gint64 *) self->ids->data, self->ids->len, &error);
  versions = versions_seen (self);
  after = g_array_sized_new (FALSE, TRUE, sizeof (gint64), self->ids->len);
  g_array_set_size (after, self->ids->len);
  if (snapshot == NULL ||
      !sf_cases_reassign_versioned (self->store, (const gint64 *) self->ids->data, (const gint64 *) versions->data,
                                    self->ids->len, target, (gint64 *) after->data, &error))
    {
      const SfConflict *conflict = sf_conflict_get (error);
      SfCase *seen = conflict != NULL ? find_seen (self, conflict->id) : NULL;

      if (seen != NULL)
        ask_about_conflict (self, error, seen, target);
      else
        sf_edit_dialog_show_error (dialog, NULL, error->message);
      return FALSE;
    }
  /* The undo claims the versions the reassignment left */
  for (guint i = 0; i < snapshot->len; i++)
    g_array_index (snapshot, SfCase, i).version = g_array_index (after, gint64, i);
  g_clear_pointer (&self->snapshot, g_array_unref);
  self->snapshot = g_steal_pointer (&snapshot);
  return sf_edit_dialog_saved (dialog, target);
}

/* The effect shown for the caseworker chosen (SfCaseEffect), or NULL */
GArray *
sf_reassign_dialog_get_effects (SfReassignDialog *self)
{
  g_return_val_if_fail (SF_IS_REASSIGN_DIALOG (self), NULL);

  return self->effects;
}

/* What the dialog shows for @caseworker_id, line by line: name, counts and
 * loads, utilisation before → after, status before → after; or NULL. */
const char *
sf_reassign_dialog_get_effect_text (SfReassignDialog *self,
                                    gint64            caseworker_id)
{
  g_return_val_if_fail (SF_IS_REASSIGN_DIALOG (self), NULL);

  return g_hash_table_lookup (self->effect_texts, &caseworker_id);
}

/* During ::saved: the cases as they were, for an undo */
GArray *
sf_reassign_dialog_steal_snapshot (SfReassignDialog *self)
{
  g_return_val_if_fail (SF_IS_REASSIGN_DIALOG (self), NULL);

  return g_steal_pointer (&self->snapshot);
}
