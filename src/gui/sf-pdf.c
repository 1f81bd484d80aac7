/* sf-pdf.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "sf-core.h"
#include "sf-pdf.h"

/* A4 in points */
#define A4_SHORT 595.0
#define A4_LONG  842.0

struct _SfPdf
{
  cairo_surface_t   *surface;
  cairo_t           *cr;
  GFileOutputStream *stream;
  GError            *error;
  double             width;
  double             height;
  double             y;
  guint              page;
  char              *footer;
};

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  SfPdf *pdf = closure;

  if (pdf->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (pdf->stream), data, length, NULL, NULL, &pdf->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_footer (SfPdf *pdf)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;

  /* Translators: the footer of an exported report; %s says what, %u is the page number */
  text = g_strdup_printf (_("%s · page %u"), pdf->footer, pdf->page);
  layout = sf_pdf_layout (pdf, text, "Sans 8", pdf->width - 2 * SF_PDF_MARGIN);
  sf_pdf_show_layout (pdf, layout, SF_PDF_MARGIN, pdf->height - SF_PDF_MARGIN / 2 - 10, 0.4);
}

SfPdf *
sf_pdf_new (GFile       *file,
            gboolean     landscape,
            const char  *title,
            const char  *footer,
            GError     **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  SfPdf *pdf;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return NULL;

  pdf = g_new0 (SfPdf, 1);
  pdf->stream = g_steal_pointer (&stream);
  pdf->width = landscape ? A4_LONG : A4_SHORT;
  pdf->height = landscape ? A4_SHORT : A4_LONG;
  pdf->y = SF_PDF_MARGIN;
  pdf->page = 1;
  pdf->footer = g_strdup (footer);
  pdf->surface = cairo_pdf_surface_create_for_stream (write_cb, pdf, pdf->width, pdf->height);
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATOR, "Sagsfordeling");
  pdf->cr = cairo_create (pdf->surface);
  return pdf;
}

cairo_t *
sf_pdf_get_cairo (SfPdf *pdf)
{
  return pdf->cr;
}

double
sf_pdf_get_y (SfPdf *pdf)
{
  return pdf->y;
}

void
sf_pdf_set_y (SfPdf  *pdf,
              double  y)
{
  pdf->y = y;
}

/* The width between the margins */
double
sf_pdf_get_width (SfPdf *pdf)
{
  return pdf->width - 2 * SF_PDF_MARGIN;
}

void
sf_pdf_ensure_space (SfPdf  *pdf,
                     double  height)
{
  if (pdf->y + height <= pdf->height - SF_PDF_MARGIN)
    return;
  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = SF_PDF_MARGIN;
}

PangoLayout *
sf_pdf_layout (SfPdf      *pdf,
               const char *text,
               const char *font_name,
               double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (font_name);

  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @layout with its top left at (@x, @y), in a grey from 0 (black)
 * to 1 (white). */
void
sf_pdf_show_layout (SfPdf       *pdf,
                    PangoLayout *layout,
                    double       x,
                    double       y,
                    double       grey)
{
  cairo_set_source_rgb (pdf->cr, grey, grey, grey);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

/* Draws @text at the current line, starting a page when it does not fit. */
void
sf_pdf_paragraph (SfPdf      *pdf,
                  const char *text,
                  const char *font_name,
                  double      indent,
                  double      grey,
                  double      space_after)
{
  g_autoptr(PangoLayout) layout = NULL;
  int width, height;

  if (text == NULL || *text == '\0')
    return;
  layout = sf_pdf_layout (pdf, text, font_name, sf_pdf_get_width (pdf) - indent);
  pango_layout_get_size (layout, &width, &height);

  sf_pdf_ensure_space (pdf, (double) height / PANGO_SCALE);
  sf_pdf_show_layout (pdf, layout, SF_PDF_MARGIN + indent, pdf->y, grey);
  pdf->y += (double) height / PANGO_SCALE + space_after;
}

gboolean
sf_pdf_finish (SfPdf   *pdf,
               GError **error)
{
  g_autoptr(GCancellable) abort = NULL;
  cairo_status_t status;
  gboolean ok;

  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  cairo_destroy (pdf->cr);
  cairo_surface_finish (pdf->surface);
  status = cairo_surface_status (pdf->surface);
  cairo_surface_destroy (pdf->surface);

  if (pdf->error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      /* A cancelled close leaves the file as it was */
      abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (pdf->stream), abort, NULL);
      if (pdf->error != NULL)
        g_propagate_error (error, g_steal_pointer (&pdf->error));
      else
        g_set_error (error, SF_ERROR, SF_ERROR_IO, _("The PDF could not be made (%s)."),
                     cairo_status_to_string (status));
      ok = FALSE;
    }
  else
    ok = g_output_stream_close (G_OUTPUT_STREAM (pdf->stream), NULL, error);

  g_clear_object (&pdf->stream);
  g_free (pdf->footer);
  g_free (pdf);
  return ok;
}
