/* sf-checklist-pdf.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sf-checklist-pdf.h"

/* A4 in points, with 2 cm margins. */
#define PAGE_WIDTH  595.0
#define PAGE_HEIGHT 842.0
#define MARGIN      56.0
#define INDENT      20.0

typedef struct
{
  cairo_t       *cr;
  GOutputStream *stream;
  GError        *error;
  double         y;
  guint          page;
  char          *footer;
} Writer;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Writer *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_footer (Writer *writer)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (writer->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8");
  g_autofree char *text = NULL;

  /* Translators: the footer of an exported checklist; %s says what, %u is the page number */
  text = g_strdup_printf (_("%s · page %u"), writer->footer, writer->page);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (writer->cr, 0.4, 0.4, 0.4);
  cairo_move_to (writer->cr, MARGIN, PAGE_HEIGHT - MARGIN / 2 - 10);
  pango_cairo_show_layout (writer->cr, layout);
}

/* Draws @text at the current line, starting a page when it does not fit. */
static void
paragraph (Writer     *writer,
           const char *text,
           const char *font_name,
           double      indent,
           double      grey,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  int width, height;

  if (text == NULL || *text == '\0')
    return;
  layout = pango_cairo_create_layout (writer->cr);
  font = pango_font_description_from_string (font_name);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((PAGE_WIDTH - 2 * MARGIN - indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);

  if (writer->y + (double) height / PANGO_SCALE > PAGE_HEIGHT - MARGIN)
    {
      draw_footer (writer);
      cairo_show_page (writer->cr);
      writer->page++;
      writer->y = MARGIN;
    }
  cairo_set_source_rgb (writer->cr, grey, grey, grey);
  cairo_move_to (writer->cr, MARGIN + indent, writer->y);
  pango_cairo_show_layout (writer->cr, layout);
  writer->y += (double) height / PANGO_SCALE + space_after;
}

static void
draw_checklist (Writer            *writer,
                const SfChecklist *checklist)
{
  g_autofree char *today = sf_day_format (sf_day_today ());
  g_autofree char *subtitle = NULL;
  g_autofree char *progress = sf_checklist_progress_text (checklist->n_checked, checklist->items->len,
                                                          checklist->n_due);
  const char *section = NULL;

  /* Translators: under an exported checklist's title: a team and a date */
  subtitle = g_strdup_printf (_("%s · printed %s"), checklist->team_name, today);
  paragraph (writer, sf_checklist_text (checklist->title, checklist->shipped), "Sans Bold 16", 0, 0, 4);
  paragraph (writer, subtitle, "Sans 10", 0, 0.3, 2);
  paragraph (writer, progress, "Sans 10", 0, 0.3, 10);
  paragraph (writer, sf_checklist_text (checklist->description, checklist->shipped), "Sans 10", 0, 0, 6);
  if (checklist->source != NULL)
    {
      g_autofree char *source = g_strdup_printf (_("Source: %s"), checklist->source);

      paragraph (writer, source, "Sans Italic 8", 0, 0.4, 10);
    }

  for (guint i = 0; i < checklist->items->len; i++)
    {
      const SfChecklistItem *item = g_ptr_array_index (checklist->items, i);
      g_autofree char *line = NULL;

      if (item->section != NULL && g_strcmp0 (item->section, section) != 0)
        {
          writer->y += 6;
          paragraph (writer, sf_checklist_text (item->section, item->shipped), "Sans Bold 12", 0, 0, 3);
          paragraph (writer, sf_checklist_text (item->section_detail, item->shipped), "Sans 9", 0, 0.3, 6);
        }
      section = item->section;

      /* ☑ checked, ☐ open, and a word too, so that a black-and-white copy says it */
      line = g_strdup_printf ("%s  %s", item->checked_on != SF_DAY_NONE ? "☑" : "☐",
                              sf_checklist_text (item->text, item->shipped));
      paragraph (writer, line, "Sans 10", 0, 0, 2);
      paragraph (writer, sf_checklist_text (item->detail, item->shipped), "Sans 8", INDENT, 0.35, 2);
      if (item->checked_on != SF_DAY_NONE)
        {
          g_autofree char *day = sf_day_format (item->checked_on);
          g_autofree char *state = item->note != NULL
                                     ? g_strdup_printf (_("Checked %s by %s: %s"), day, item->checked_by, item->note)
                                     : g_strdup_printf (_("Checked %s by %s"), day, item->checked_by);

          paragraph (writer, state, "Sans 9", INDENT, 0.15, 2);
        }
      else
        paragraph (writer, _("Not checked"), "Sans 9", INDENT, 0.35, 2);
      if (item->review_months > 0)
        {
          g_autoptr(GString) follow = g_string_new (NULL);

          g_string_append_printf (follow, g_dngettext (GETTEXT_PACKAGE, "Follow up every %u month",
                                                       "Follow up every %u months", item->review_months),
                                  item->review_months);
          if (item->next_review != SF_DAY_NONE)
            {
              g_autofree char *next = sf_day_format (item->next_review);

              g_string_append_printf (follow, item->due ? _("; due since %s") : _("; next on %s"), next);
            }
          paragraph (writer, follow->str, item->due ? "Sans Bold 9" : "Sans 9", INDENT, 0.15, 2);
        }
      writer->y += 6;
    }
}

gboolean
sf_checklist_pdf_export (const SfChecklist  *checklist,
                         GFile              *file,
                         GError            **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Writer writer = { 0 };

  g_return_val_if_fail (checklist != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;

  writer.stream = G_OUTPUT_STREAM (stream);
  writer.y = MARGIN;
  writer.page = 1;
  writer.footer = g_strdup_printf ("%s · %s", sf_checklist_text (checklist->title, checklist->shipped),
                                   checklist->team_name);
  surface = cairo_pdf_surface_create_for_stream (write_cb, &writer, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, writer.footer);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Sagsfordeling");
  writer.cr = cairo_create (surface);

  draw_checklist (&writer, checklist);
  draw_footer (&writer);
  cairo_show_page (writer.cr);

  cairo_destroy (writer.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_free (writer.footer);

  if (writer.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      /* A cancelled close leaves the file as it was */
      abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      if (writer.error != NULL)
        g_propagate_error (error, writer.error);
      else
        g_set_error (error, SF_ERROR, SF_ERROR_IO, _("The PDF could not be made (%s)."),
                     cairo_status_to_string (status));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}
