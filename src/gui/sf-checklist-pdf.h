/* sf-checklist-pdf.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sf-core.h"

G_BEGIN_DECLS

/* Writes @checklist, with its notes and follow-up dates, as an A4 PDF for
 * a meeting (the MED committee, a team meeting). */
gboolean sf_checklist_pdf_export (const SfChecklist  *checklist,
                                  GFile              *file,
                                  GError            **error);

G_END_DECLS
