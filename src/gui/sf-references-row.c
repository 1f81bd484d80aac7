/* sf-references-row.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-core.h"
#include "sf-references-row.h"

GtkWidget *
sf_references_row_new (gboolean expanded)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfReferences) references = sf_references_load_default (&error);
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Caseloads in Other Projects"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  gtk_widget_set_name (expander, "references-row");
  if (references == NULL)
    {
      /* The data is compiled in: this is a broken build, said in the row */
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), error->message);
      return expander;
    }

  /* Translators: %s is the title of the guidance, "Viden om begrænsede sagsstammer" */
  subtitle = g_strdup_printf (_("From “%s”: figures to weigh, not to copy"), references->source);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  for (guint i = 0; i < references->references->len; i++)
    {
      const SfReference *reference = &g_array_index (references->references, SfReference, i);
      g_autofree char *title = sf_reference_format (reference);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), references->source);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), expanded);
  return expander;
}
