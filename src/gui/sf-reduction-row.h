/* sf-reduction-row.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_REDUCTION_ROW (sf_reduction_row_get_type ())

G_DECLARE_FINAL_TYPE (SfReductionRow, sf_reduction_row, SF, REDUCTION_ROW, AdwExpanderRow)

/* One reduction of a caseworker's hours, edited in place.  Emits
 * "remove-requested" when its remove button is pressed. */
GtkWidget *sf_reduction_row_new       (const SfReduction *reduction,
                                       double             full_time_hours);
void       sf_reduction_row_get       (SfReductionRow    *self,
                                       SfReduction       *out);
void       sf_reduction_row_set_hours (SfReductionRow    *self,
                                       double             hours);

G_END_DECLS
