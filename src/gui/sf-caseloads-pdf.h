/* sf-caseloads-pdf.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sf-core.h"

G_BEGIN_DECLS

/* Writes the caseload overview of @figures as an A4 PDF report: the teams
 * against DS' ranges, and a bar chart of each caseworker's utilisation
 * coloured by status, with the status in words beside each bar. */
gboolean sf_caseloads_pdf_export (const SfFigures  *figures,
                                  GFile            *file,
                                  GError          **error);

G_END_DECLS
