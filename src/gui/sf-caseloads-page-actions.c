/* sf-caseloads-page-actions.c: what the Caseloads page does — its exports
 * and clearing its filters
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-error-dialog.h"
#include "sf-caseloads-page-private.h"
#include "sf-caseloads-pdf.h"

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
on_export_chooser_response_cb (SfCaseloadsPage      *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file != NULL && self->export_pdf && sf_caseloads_page_export_pdf (self, file, &error))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Caseload report saved"));
      else if (file != NULL && !self->export_pdf && sf_caseloads_page_export_csv (self, file, &error))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Caseloads exported"));
      else if (error != NULL)
        show_export_error (self, error->message);
    }
  if (self->export_chooser == chooser)
    g_clear_object (&self->export_chooser);
}

/* Asks where to save the overview (CSV) or the report (@pdf) */
static void
choose_export_file (SfCaseloadsPage *self,
                    gboolean         pdf)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *iso = sf_day_to_iso (self->ref != SF_DAY_NONE ? self->ref : sf_day_today ());
  g_autofree char *name = NULL;

  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
      g_clear_object (&self->export_chooser);
    }
  self->export_pdf = pdf;
  self->export_chooser = gtk_file_chooser_native_new (pdf ? _("Export Caseload Report") : _("Export Caseloads"),
                                                      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  if (pdf)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_pattern (filter, "*.pdf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
      /* Translators: the file name of a caseload report; %s is the date */
      name = g_strdup_printf (_("caseloads-%s.pdf"), iso);
    }
  else
    /* Translators: the file name of an exported caseload overview; %s is the date */
    name = g_strdup_printf (_("caseloads-%s.csv"), iso);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);
  g_signal_connect_object (self->export_chooser, "response",
                           G_CALLBACK (on_export_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_export_file (SF_CASELOADS_PAGE (widget), FALSE);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_export_file (SF_CASELOADS_PAGE (widget), TRUE);
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

/* Called from class_init: the page's actions and their keys */
void
_sf_caseloads_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "caseloads.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "caseloads.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "caseloads.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_property_action (widget_class, "caseloads.view", "view");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "caseloads.export-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "caseloads.export-pdf", NULL);
}
