/* sf-import-error-dialog.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sf-import-error-dialog.h"

/* How many problems are listed before "and N more" */
#define MAX_PROBLEMS 20

struct _SfImportErrorDialog
{
  AdwMessageDialog   parent_instance;

  GtkScrolledWindow *problems_window;
  GtkLabel          *problems_label;
};

G_DEFINE_FINAL_TYPE (SfImportErrorDialog, sf_import_error_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
set_problems (SfImportErrorDialog *self,
              GPtrArray           *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown;

  if (problems == NULL || problems->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->problems_window), FALSE);
      return;
    }

  shown = MIN (problems->len, MAX_PROBLEMS);
  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (problems, i));
    }

  if (problems->len > shown)
    {
      guint more = problems->len - shown;

      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "… and %u more problem",
                                           "… and %u more problems",
                                           more),
                              more);
    }

  gtk_label_set_label (self->problems_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_window), TRUE);
}

static void
sf_import_error_dialog_class_init (SfImportErrorDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sagsfordeling/Sagsfordeling/sf-import-error-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SfImportErrorDialog, problems_window);
  gtk_widget_class_bind_template_child (widget_class, SfImportErrorDialog, problems_label);
}

static void
sf_import_error_dialog_init (SfImportErrorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sf_import_error_dialog_new (GtkWindow  *parent,
                            const char *message,
                            GPtrArray  *problems)
{
  SfImportErrorDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (SF_TYPE_IMPORT_ERROR_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);

  if (problems != NULL && problems->len > 0)
    {
      /* The import's message is its summary, then every problem for those
       * who read it in a terminal: the dialog lists the problems itself */
      g_autofree char *summary = g_strdup (message != NULL ? message : "");
      char *newline = strchr (summary, '\n');

      if (newline != NULL)
        *newline = '\0';
      if (*summary == '\0')
        body = g_strdup_printf ("%s %s", _("Nothing was changed."),
                                _("Correct the lines below and import the file again."));
      else
        body = g_strdup_printf ("%s\n\n%s", summary,
                                _("Correct the lines below and import the file again."));
    }
  else if (message != NULL && *message != '\0')
    body = g_strdup_printf ("%s\n\n%s", message, _("Nothing was changed."));
  else
    body = g_strdup (_("Nothing was changed."));

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  set_problems (self, problems);

  return GTK_WIDGET (self);
}

/* The problems as the dialog lists them. */
const char *
sf_import_error_dialog_get_problems_text (SfImportErrorDialog *self)
{
  g_return_val_if_fail (SF_IS_IMPORT_ERROR_DIALOG (self), NULL);

  return gtk_label_get_label (self->problems_label);
}
