/* sf-pdf.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Writing an A4 report as a PDF with cairo, headless: paragraphs that wrap
 * and break across pages, a footer with the page number on every page.
 * What the checklists and the caseload report share. */

#define SF_PDF_MARGIN 56.0         /* 2 cm */

typedef struct _SfPdf SfPdf;

SfPdf       *sf_pdf_new            (GFile       *file,
                                    gboolean     landscape,
                                    const char  *title,
                                    const char  *footer,
                                    GError     **error);
cairo_t     *sf_pdf_get_cairo      (SfPdf       *pdf);
double       sf_pdf_get_y          (SfPdf       *pdf);
void         sf_pdf_set_y          (SfPdf       *pdf,
                                    double       y);
double       sf_pdf_get_width      (SfPdf       *pdf);
/* Starts a new page unless @height more points fit on this one. */
void         sf_pdf_ensure_space   (SfPdf       *pdf,
                                    double       height);
PangoLayout *sf_pdf_layout         (SfPdf       *pdf,
                                    const char  *text,
                                    const char  *font_name,
                                    double       width);
void         sf_pdf_show_layout    (SfPdf       *pdf,
                                    PangoLayout *layout,
                                    double       x,
                                    double       y,
                                    double       grey);
void         sf_pdf_paragraph      (SfPdf       *pdf,
                                    const char  *text,
                                    const char  *font_name,
                                    double       indent,
                                    double       grey,
                                    double       space_after);
/* Finishes the file and frees @pdf; on failure the file is left as it was. */
gboolean     sf_pdf_finish         (SfPdf       *pdf,
                                    GError     **error);

G_END_DECLS
