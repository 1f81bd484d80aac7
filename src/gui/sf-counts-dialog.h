/* sf-counts-dialog.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"
#include "sf-edit-dialog.h"

G_BEGIN_DECLS

#define SF_TYPE_COUNTS_DIALOG (sf_counts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SfCountsDialog, sf_counts_dialog, SF, COUNTS_DIALOG, SfEditDialog)

/* Bulk entry: how many open cases of each complexity a caseworker has, for
 * organisations without case lists.  @dataset is copied. */
SfCountsDialog       *sf_counts_dialog_new         (GtkWindow        *parent,
                                                    SfStore          *store,
                                                    const SfDataset  *dataset,
                                                    const SfSettings *settings,
                                                    SfDay             ref,
                                                    gint64            caseworker_id);
guint                 sf_counts_dialog_get_count   (SfCountsDialog   *self,
                                                    SfComplexity      complexity);
const char           *sf_counts_dialog_get_summary (SfCountsDialog   *self);
/* During ::saved: what was added and closed */
const SfCountsResult *sf_counts_dialog_get_result  (SfCountsDialog   *self);
gint64                sf_counts_dialog_get_caseworker (SfCountsDialog *self);

G_END_DECLS
