/* sf-import-preview-dialog.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sf-error-dialog.h"
#include "sf-import-preview-dialog.h"

/* What a case file would change, before anything changes: new, updated
 * and closed cases, each person's figures before and after, problems by
 * line, and the file's own column names mapped to ours.  When someone
 * else changed a case the file names after the preview read it, the import
 * is refused (sf-import-guard.h): the dialog says which and offers to read
 * the file again against the data as it is now. */
struct _SfImportPreviewDialog
{
  AdwWindow            parent_instance;

  SfStore             *store;
  GBytes              *contents;
  SfImportPreview     *preview;
  GPtrArray           *groups;
  gboolean             imported;
  char                *refusal;      /* why the import was refused: rows changed meanwhile */
  GStrv                changed;      /* after reading again: the rows the refusal named */

  AdwWindowTitle      *window_title;
  GtkButton           *import_button;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesPage  *page;
};

G_DEFINE_FINAL_TYPE (SfImportPreviewDialog, sf_import_preview_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define MAX_CASE_ROWS 200

static void rebuild (SfImportPreviewDialog *self);

static void
show_toast (SfImportPreviewDialog *self,
            const char            *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  rebuild (data);
  return G_SOURCE_REMOVE;
}

static AdwPreferencesGroup *
add_group (SfImportPreviewDialog *self,
           const char            *title,
           const char            *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  if (description != NULL)
    adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (self->page, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  adw_preferences_group_add (group, row);
  return row;
}

static void
add_count_row (AdwPreferencesGroup *group,
               const char          *title,
               guint                count)
{
  GtkWidget *row = add_row (group, title, NULL);
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static const SfCaseworker *
find_worker (SfImportPreviewDialog *self,
             gint64                 id)
{
  return self->preview->after != NULL ? sf_dataset_find_caseworker (self->preview->after, id) : NULL;
}

static char *
worker_label (SfImportPreviewDialog *self,
              gint64                 id)
{
  const SfCaseworker *w = find_worker (self, id);

  if (w == NULL)
    return g_strdup ("—");
  return g_strdup_printf ("%s (%s)", w->name, w->initials);
}

static void
on_mapping_selected_cb (AdwComboRow           *row,
                        GParamSpec            *pspec,
                        SfImportPreviewDialog *self)
{
  const char * const *columns = sf_import_case_columns ();
  const char *source = g_object_get_data (G_OBJECT (row), "sf-source");
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  if (!sf_import_mapping_save (self->store, "cases", source, selected == 0 ? NULL : columns[selected - 1], &error))
    {
      show_toast (self, error->message);
      return;
    }
  /* Let the combo row finish its own signal before it is destroyed */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_idle_cb, g_object_ref (self), g_object_unref);
}

static void
build_mapping_group (SfImportPreviewDialog *self)
{
  const char * const *columns = sf_import_case_columns ();
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  AdwPreferencesGroup *group;

  if (self->preview->unknown_columns == NULL || self->preview->unknown_columns[0] == NULL)
    return;

  gtk_string_list_append (choices, _("Not imported"));
  for (guint i = 0; columns[i] != NULL; i++)
    gtk_string_list_append (choices, sf_import_case_column_label (columns[i]));

  group = add_group (self, _("Columns of Other Case Systems"),
                     _("This file has columns the import does not know. Say which of ours each one is; "
                       "the choice is remembered for the next file. Columns left out are not imported."));
  for (guint i = 0; self->preview->unknown_columns[i] != NULL; i++)
    {
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->preview->unknown_columns[i]);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
      g_object_set_data_full (G_OBJECT (row), "sf-source", g_strdup (self->preview->unknown_columns[i]), g_free);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_mapping_selected_cb), self);
      adw_preferences_group_add (group, row);
    }
}

static void
build_summary (SfImportPreviewDialog *self)
{
  SfImportPreview *p = self->preview;
  AdwPreferencesGroup *group;
  g_autofree char *description = NULL;

  if (g_strcmp0 (p->encoding, "WINDOWS-1252") == 0)
    description = g_strdup (_("Cases are counted per citizen (per child, not per family). The file was saved "
                              "in the older Windows-1252 encoding and has been converted; æ, ø and å are read "
                              "correctly."));
  else
    description = g_strdup (_("Cases are counted per citizen (per child, not per family)."));
  group = add_group (self, _("What the Import Will Change"), description);
  add_count_row (group, _("New cases"), p->n_new);
  add_count_row (group, _("Updated cases"), p->n_updated);
  add_count_row (group, _("Cases the file closes"), p->n_closed);
  add_count_row (group, _("Cases without changes"), p->n_unchanged);
  if (p->n_not_in_file > 0)
    add_count_row (group, _("Open cases not in the file (they stay open)"), p->n_not_in_file);
}

static void
build_effects (SfImportPreviewDialog *self)
{
  AdwPreferencesGroup *group;

  if (self->preview->effects == NULL || self->preview->effects->len == 0)
    return;
  group = add_group (self, _("Effect per Caseworker"),
                     _("Weighted caseload and utilisation of the adjusted norm, today, before → after."));
  for (guint i = 0; i < self->preview->effects->len; i++)
    {
      const SfCaseEffect *e = &g_array_index (self->preview->effects, SfCaseEffect, i);
      g_autofree char *title = worker_label (self, e->caseworker_id);
      g_autofree char *load_before = sf_format_decimal (e->load_before, 1);
      g_autofree char *load_after = sf_format_decimal (e->load_after, 1);
      g_autofree char *util_before = sf_format_percent (e->utilisation_before);
      g_autofree char *util_after = sf_format_percent (e->utilisation_after);
      g_autofree char *subtitle = NULL;

      /* Translators: load before → after · utilisation before → after · status before → after */
      subtitle = g_strdup_printf (_("Load %s → %s · %s → %s · %s → %s"), load_before, load_after,
                                  util_before, util_after,
                                  sf_status_to_label (e->status_before), sf_status_to_label (e->status_after));
      add_row (group, title, subtitle);
    }
}

static void
build_cases (SfImportPreviewDialog *self)
{
  AdwPreferencesGroup *group;
  guint n = self->preview->cases->len;

  if (n == 0)
    return;
  group = add_group (self, _("Changed Cases"), NULL);
  for (guint i = 0; i < n && i < MAX_CASE_ROWS; i++)
    {
      const SfPreviewCase *c = &g_array_index (self->preview->cases, SfPreviewCase, i);
      g_autofree char *worker = worker_label (self, c->caseworker_id);
      g_autofree char *subtitle = NULL;
      const char *kind;

      switch (c->kind)
        {
        case SF_PREVIEW_NEW:
          kind = _("New");
          break;
        case SF_PREVIEW_CLOSED:
          kind = _("Closed");
          break;
        case SF_PREVIEW_UPDATED:
        default:
          kind = _("Updated");
          break;
        }
      if (c->kind == SF_PREVIEW_UPDATED && c->caseworker_before != 0 && c->caseworker_before != c->caseworker_id)
        {
          g_autofree char *before = worker_label (self, c->caseworker_before);

          subtitle = g_strdup_printf ("%s · %s · %s → %s", kind, sf_complexity_to_label (c->complexity),
                                      before, worker);
        }
      else
        subtitle = g_strdup_printf ("%s · %s · %s", kind, sf_complexity_to_label (c->complexity), worker);
      add_row (group, c->reference, subtitle);
    }
  if (n > MAX_CASE_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more case",
                                                            "… and %u more cases", n - MAX_CASE_ROWS),
                                               n - MAX_CASE_ROWS);

      add_row (group, more, NULL);
    }
}

static void
build_problems (SfImportPreviewDialog *self)
{
  AdwPreferencesGroup *group;
  g_autofree char *title = NULL;
  guint n = self->preview->problems->len;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Problem", "%u Problems", n), n);
  group = add_group (self, title,
                     _("Nothing is imported while any remain. Correct the file in the case system or the "
                       "spreadsheet, and import it again."));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = add_row (group, g_ptr_array_index (self->preview->problems, i), NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
}

static void
on_read_again_clicked_cb (SfImportPreviewDialog *self)
{
  sf_import_preview_dialog_read_again (self);
}

/* The import was refused: the rows someone else changed, and the way on */
static void
build_refusal (SfImportPreviewDialog *self)
{
  AdwPreferencesGroup *group;
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *icon;

  group = add_group (self, _("Changed by Someone Else"), NULL);
  row = add_row (group, self->refusal, NULL);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  row = add_row (group, _("Their changes are kept. Read the file against the data as it is now."), NULL);
  button = gtk_button_new_with_mnemonic (_("_Read Again"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_read_again_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  gtk_widget_grab_focus (button);
}

static void
build_groups (SfImportPreviewDialog *self)
{
  SfImportPreview *preview = self->preview;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  if (self->refusal != NULL)
    {
      build_refusal (self);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  if (self->changed != NULL)
    {
      AdwPreferencesGroup *group = add_group (self, _("Read Again"),
                                              _("Below is what the file changes now, with these changes by "
                                                "someone else in the data. Import it if it is still right."));

      for (guint i = 0; self->changed[i] != NULL; i++)
        add_row (group, self->changed[i], NULL);
    }
  build_mapping_group (self);
  if (preview->problems->len > 0)
    build_problems (self);
  else
    {
      build_summary (self);
      build_effects (self);
      build_cases (self);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            preview->problems->len == 0 && preview->n_new + preview->n_updated + preview->n_closed > 0);
}

static void
rebuild (SfImportPreviewDialog *self)
{
  g_autoptr(GError) error = NULL;
  SfImportPreview *preview;

  preview = sf_import_preview_cases (self->store, self->contents, sf_day_today (), &error);
  if (preview == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->preview, sf_import_preview_free);
  self->preview = preview;
  build_groups (self);
}

/* After a refusal: reads the file again against the data as it is now */
void
sf_import_preview_dialog_read_again (SfImportPreviewDialog *self)
{
  g_return_if_fail (SF_IS_IMPORT_PREVIEW_DIALOG (self));

  if (self->refusal == NULL)
    return;
  /* The refusal's lines naming the rows ("• the case S-2: changed by …")
   * and its count of the rest stay in view */
  {
    g_auto(GStrv) lines = g_strsplit (self->refusal, "\n", -1);
    g_autoptr(GStrvBuilder) changed = g_strv_builder_new ();

    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "• "))
        g_strv_builder_add (changed, lines[i] + strlen ("• "));
      else if (g_str_has_prefix (lines[i], "…"))
        g_strv_builder_add (changed, lines[i]);
    g_clear_pointer (&self->changed, g_strfreev);
    self->changed = g_strv_builder_end (changed);
  }
  g_clear_pointer (&self->refusal, g_free);
  rebuild (self);
}

/* Why the last import was refused because rows changed meanwhile, or NULL */
const char *
sf_import_preview_dialog_get_refusal (SfImportPreviewDialog *self)
{
  g_return_val_if_fail (SF_IS_IMPORT_PREVIEW_DIALOG (self), NULL);
  return self->refusal;
}

static void
on_cancel_clicked_cb (SfImportPreviewDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_import_clicked_cb (SfImportPreviewDialog *self)
{
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;

  if (!sf_import_preview_apply (self->store, self->preview, &result, &error))
    {
      /* Someone else changed cases the file names: say which, and let
       * the user read the file again before anything is written */
      if (error->domain == SF_CONFLICT_ERROR)
        {
          g_free (self->refusal);
          self->refusal = g_strdup (error->message);
          build_groups (self);
          return;
        }
      /* The database changed since the preview: show what the file does now */
      show_toast (self, error->message);
      rebuild (self);
      return;
    }
  self->imported = TRUE;
  g_signal_emit (self, signals[IMPORTED], 0, result.rows);
  gtk_window_close (GTK_WINDOW (self));
}

static void
sf_import_preview_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SF_TYPE_IMPORT_PREVIEW_DIALOG);

  G_OBJECT_CLASS (sf_import_preview_dialog_parent_class)->dispose (object);
}

static void
sf_import_preview_dialog_finalize (GObject *object)
{
  SfImportPreviewDialog *self = SF_IMPORT_PREVIEW_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_pointer (&self->preview, sf_import_preview_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->refusal, g_free);
  g_clear_pointer (&self->changed, g_strfreev);

  G_OBJECT_CLASS (sf_import_preview_dialog_parent_class)->finalize (object);
}

static void
sf_import_preview_dialog_class_init (SfImportPreviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_import_preview_dialog_dispose;
  object_class->finalize = sf_import_preview_dialog_finalize;

  /**
   * SfImportPreviewDialog::imported:
   * @rows: the rows imported
   *
   * The file was imported.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sagsfordeling/Sagsfordeling/sf-import-preview-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfImportPreviewDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SfImportPreviewDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SfImportPreviewDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SfImportPreviewDialog, page);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sf_import_preview_dialog_init (SfImportPreviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
}

/* NULL with @error when the file cannot be read at all. */
SfImportPreviewDialog *
sf_import_preview_dialog_new (GtkWindow  *parent,
                              SfStore    *store,
                              GBytes     *contents,
                              const char *file_name,
                              GError    **error)
{
  g_autoptr(SfImportPreview) probe = NULL;
  SfImportPreviewDialog *self;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);
  g_return_val_if_fail (contents != NULL, NULL);

  probe = sf_import_preview_cases (store, contents, sf_day_today (), error);
  if (probe == NULL)
    return NULL;

  self = g_object_new (SF_TYPE_IMPORT_PREVIEW_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->contents = g_bytes_ref (contents);
  self->preview = g_steal_pointer (&probe);
  if (file_name != NULL)
    adw_window_title_set_subtitle (self->window_title, file_name);
  build_groups (self);
  return self;
}

SfImportPreview *
sf_import_preview_dialog_get_preview (SfImportPreviewDialog *self)
{
  g_return_val_if_fail (SF_IS_IMPORT_PREVIEW_DIALOG (self), NULL);
  return self->preview;
}

GtkWidget *
sf_import_preview_dialog_get_import_button (SfImportPreviewDialog *self)
{
  g_return_val_if_fail (SF_IS_IMPORT_PREVIEW_DIALOG (self), NULL);
  return GTK_WIDGET (self->import_button);
}

void
sf_import_preview_dialog_import (SfImportPreviewDialog *self)
{
  g_return_if_fail (SF_IS_IMPORT_PREVIEW_DIALOG (self));
  on_import_clicked_cb (self);
}

static void
on_imported_cb (SfImportPreviewDialog *self,
                guint                  rows,
                GtkWindow             *parent)
{
  g_autofree char *toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u case", "Imported %u cases",
                                                         rows),
                                            rows);

  gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", toast);
}

/* Reads @file and shows what importing it would change.  A file that
 * cannot be read is reported in a dialog; returns the preview or NULL. */
SfImportPreviewDialog *
sf_import_preview_dialog_open (GtkWindow *parent,
                               SfContext *context,
                               GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  SfImportPreviewDialog *self = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  name = g_strdup (info != NULL ? g_file_info_get_display_name (info) : NULL);
  contents = g_file_load_bytes (file, NULL, NULL, &error);
  if (contents != NULL)
    self = sf_import_preview_dialog_new (parent, sf_context_get_store (context), contents, name, &error);
  if (self == NULL)
    {
      sf_error_dialog_show (parent, _("The File Could Not Be Read"), error->message);
      return NULL;
    }
  g_signal_connect_object (self, "imported", G_CALLBACK (on_imported_cb), parent, 0);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
