/* sf-caseloads-page-actions.c: what the Caseloads page does — its exports
 * and clearing its filters
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-caseloads-page-private.h"
#include "sf-caseloads-pdf.h"
#include "sf-error-dialog.h"
#include "sf-export-chooser.h"

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  sf_caseloads_page_set_filter (SF_CASELOADS_PAGE (widget), 0, 0, -1);
}

/* ---- export ---------------------------------------------------------- */

static void
show_export_error (SfCaseloadsPage *self,
                   const char      *message)
{
  sf_error_dialog_show_for (GTK_WIDGET (self), _("Could Not Export"), message);
}

static void
on_workbook_written_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  SfCaseloadsPage *self = SF_CASELOADS_PAGE (source);
  g_autoptr(GError) error = NULL;

  if (sf_caseloads_page_export_workbook_finish (self, result, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Workbook saved"));
  else
    show_export_error (self, error->message);
}

static void
on_export_chooser_response_cb (SfCaseloadsPage      *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file == NULL)
        ;
      else if (self->export_kind == SF_CASELOADS_EXPORT_WORKBOOK)
        sf_caseloads_page_export_workbook_async (self, file, NULL, on_workbook_written_cb, NULL);
      else if (self->export_kind == SF_CASELOADS_EXPORT_PDF && sf_caseloads_page_export_pdf (self, file, &error))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Caseload report saved"));
      else if (self->export_kind == SF_CASELOADS_EXPORT_CSV && sf_caseloads_page_export_csv (self, file, &error))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Caseloads exported"));
      if (error != NULL)
        show_export_error (self, error->message);
    }
  if (self->export_chooser == chooser)
    g_clear_object (&self->export_chooser);
}

/* Asks where to save the overview (CSV), the report (PDF) or the HR
 * workbook (.xlsx) */
static void
choose_export_file (SfCaseloadsPage   *self,
                    SfCaseloadsExport  kind)
{
  g_autofree char *iso = sf_day_to_iso (self->ref != SF_DAY_NONE ? self->ref : sf_day_today ());
  g_autofree char *name = NULL;
  const char *title = NULL;
  SfExportFormat format;

  self->export_kind = kind;
  switch (kind)
    {
    case SF_CASELOADS_EXPORT_CSV:
      title = _("Export Caseloads");
      format = SF_EXPORT_CSV;
      /* Translators: the file name of an exported caseload overview; %s is the date */
      name = g_strdup_printf (_("caseloads-%s.csv"), iso);
      break;
    case SF_CASELOADS_EXPORT_PDF:
      title = _("Export Caseload Report");
      format = SF_EXPORT_PDF;
      /* Translators: the file name of a caseload report; %s is the date */
      name = g_strdup_printf (_("caseloads-%s.pdf"), iso);
      break;
    case SF_CASELOADS_EXPORT_WORKBOOK:
    default:
      title = _("Export HR Workbook");
      format = SF_EXPORT_XLSX;
      /* Translators: the file name of the HR workbook; %s is the date */
      name = g_strdup_printf (_("Sagsfordeling-%s.xlsx"), iso);
      break;
    }
  sf_export_chooser_open (&self->export_chooser, GTK_WIDGET (self), title, format, name,
                          G_CALLBACK (on_export_chooser_response_cb), self);
}

/* caseloads.export-csv, caseloads.export-pdf and caseloads.export-workbook */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SfCaseloadsExport kind = SF_CASELOADS_EXPORT_WORKBOOK;

  if (g_str_equal (action_name, "caseloads.export-csv"))
    kind = SF_CASELOADS_EXPORT_CSV;
  else if (g_str_equal (action_name, "caseloads.export-pdf"))
    kind = SF_CASELOADS_EXPORT_PDF;
  choose_export_file (SF_CASELOADS_PAGE (widget), kind);
}

/* ---- the exports themselves ---------------------------------------------- */

/* The figures the page shows, computed for an export */
static SfFigures *
figures_to_export (SfCaseloadsPage  *self,
                   GError          **error)
{
  if (self->dataset == NULL)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT, _("There are no figures to export yet."));
      return NULL;
    }
  return sf_figures_compute (self->dataset, &self->settings, self->ref);
}

gboolean
sf_caseloads_page_export_csv (SfCaseloadsPage  *self,
                              GFile            *file,
                              GError          **error)
{
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SF_IS_CASELOADS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((figures = figures_to_export (self, error)) == NULL)
    return FALSE;
  bytes = sf_caseloads_render_csv (figures);
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_IO, _("The file could not be written: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
sf_caseloads_page_export_pdf (SfCaseloadsPage  *self,
                              GFile            *file,
                              GError          **error)
{
  g_autoptr(SfFigures) figures = NULL;

  g_return_val_if_fail (SF_IS_CASELOADS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((figures = figures_to_export (self, error)) == NULL)
    return FALSE;
  return sf_caseloads_pdf_export (figures, file, error);
}

/* What the thread writes the workbook from: copies of its own, as the
 * page's dataset is updated in place meanwhile */
typedef struct
{
  char       *path;
  SfDataset  *dataset;
  SfSettings  settings;
  SfDay       ref;
  GPtrArray  *recordings;
} WorkbookJob;

static void
workbook_job_free (gpointer data)
{
  WorkbookJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->dataset, sf_dataset_free);
  g_clear_pointer (&job->recordings, g_ptr_array_unref);
  g_free (job);
}

static void
write_workbook_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  WorkbookJob *job = task_data;
  SfWorkbookInput input = { 0 };
  g_autoptr(GError) error = NULL;

  input.dataset = job->dataset;
  input.settings = &job->settings;
  input.ref = job->ref;
  input.recordings = job->recordings;
  if (sf_workbook_write (job->path, &input, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
sf_caseloads_page_export_workbook_async (SfCaseloadsPage     *self,
                                         GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  WorkbookJob *job;
  char *path;
  SfDay ref;

  g_return_if_fail (SF_IS_CASELOADS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sf_caseloads_page_export_workbook_async);
  if (self->dataset == NULL || self->follower.context == NULL)
    {
      g_task_return_new_error (task, SF_ERROR, SF_ERROR_INVALID_INPUT, "%s", _("There are no figures to export yet."));
      return;
    }
  if ((path = g_file_get_path (file)) == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, SF_ERROR, SF_ERROR_IO, _("Could not write “%s”: choose a folder on this computer."),
                               uri);
      return;
    }
  job = g_new0 (WorkbookJob, 1);
  job->path = path;
  g_task_set_task_data (task, job, workbook_job_free);
  /* The store is read here, on the main thread; the thread only computes
   * and writes */
  ref = self->ref != SF_DAY_NONE ? self->ref : sf_day_today ();
  days = sf_workbook_trend_days (ref);
  job->recordings = sf_figure_history_load_recordings (sf_context_get_store (self->follower.context), days, &error);
  if (job->recordings == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->dataset = sf_dataset_copy (self->dataset);
  job->settings = self->settings;
  job->ref = ref;
  g_task_run_in_thread (task, write_workbook_thread);
}

gboolean
sf_caseloads_page_export_workbook_finish (SfCaseloadsPage  *self,
                                          GAsyncResult     *result,
                                          GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sf_caseloads_page_export_workbook_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Called from class_init: the page's actions and their keys */
void
_sf_caseloads_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "caseloads.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "caseloads.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "caseloads.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "caseloads.export-workbook", NULL, export_action);
  gtk_widget_class_install_property_action (widget_class, "caseloads.view", "view");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "caseloads.export-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "caseloads.export-pdf", NULL);
}
