/* sf-checklist-pdf.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-checklist-entry.h"
#include "sf-checklist-pdf.h"
#include "sf-pdf.h"

#define INDENT 20.0

static void
draw_checklist (SfPdf             *pdf,
                const SfChecklist *checklist)
{
  g_autofree char *today = sf_day_format (sf_day_today ());
  g_autofree char *subtitle = NULL;
  g_autofree char *progress = sf_checklist_progress_text (checklist->n_checked, checklist->items->len,
                                                          checklist->n_due);
  const char *section = NULL;

  /* Translators: under an exported checklist's title: a team and a date */
  subtitle = g_strdup_printf (_("%s · printed %s"), checklist->team_name, today);
  sf_pdf_paragraph (pdf, sf_checklist_text (checklist->title, checklist->shipped), "Sans Bold 16", 0, 0, 4);
  sf_pdf_paragraph (pdf, subtitle, "Sans 10", 0, 0.3, 2);
  sf_pdf_paragraph (pdf, progress, "Sans 10", 0, 0.3, 10);
  sf_pdf_paragraph (pdf, sf_checklist_text (checklist->description, checklist->shipped), "Sans 10", 0, 0, 6);
  if (checklist->source != NULL)
    {
      g_autofree char *source = g_strdup_printf (_("Source: %s"), checklist->source);

      sf_pdf_paragraph (pdf, source, "Sans Italic 8", 0, 0.4, 10);
    }

  for (guint i = 0; i < checklist->items->len; i++)
    {
      const SfChecklistItem *item = g_ptr_array_index (checklist->items, i);
      g_autofree char *line = NULL;
      g_autofree char *check = sf_checklist_entry_describe_check (item);
      g_autofree char *follow_up = sf_checklist_entry_describe_follow_up (item);

      if (item->section != NULL && g_strcmp0 (item->section, section) != 0)
        {
          sf_pdf_set_y (pdf, sf_pdf_get_y (pdf) + 6);
          sf_pdf_paragraph (pdf, sf_checklist_text (item->section, item->shipped), "Sans Bold 12", 0, 0, 3);
          sf_pdf_paragraph (pdf, sf_checklist_text (item->section_detail, item->shipped), "Sans 9", 0, 0.3, 6);
        }
      section = item->section;

      /* ☑ checked, ☐ open, and a word too, so that a black-and-white copy says it */
      line = g_strdup_printf ("%s  %s", item->checked_on != SF_DAY_NONE ? "☑" : "☐",
                              sf_checklist_text (item->text, item->shipped));
      sf_pdf_paragraph (pdf, line, "Sans 10", 0, 0, 2);
      sf_pdf_paragraph (pdf, sf_checklist_text (item->detail, item->shipped), "Sans 8", INDENT, 0.35, 2);
      if (check != NULL)
        sf_pdf_paragraph (pdf, check, "Sans 9", INDENT, 0.15, 2);
      else
        sf_pdf_paragraph (pdf, _("Not checked"), "Sans 9", INDENT, 0.35, 2);
      if (follow_up != NULL)
        sf_pdf_paragraph (pdf, follow_up, item->due ? "Sans Bold 9" : "Sans 9", INDENT, 0.15, 2);
      sf_pdf_set_y (pdf, sf_pdf_get_y (pdf) + 6);
    }
}

gboolean
sf_checklist_pdf_export (const SfChecklist  *checklist,
                         GFile              *file,
                         GError            **error)
{
  g_autofree char *footer = NULL;
  SfPdf *pdf;

  g_return_val_if_fail (checklist != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  footer = g_strdup_printf ("%s · %s", sf_checklist_text (checklist->title, checklist->shipped),
                            checklist->team_name);
  pdf = sf_pdf_new (file, FALSE, footer, footer, error);
  if (pdf == NULL)
    return FALSE;
  draw_checklist (pdf, checklist);
  return sf_pdf_finish (pdf, error);
}
