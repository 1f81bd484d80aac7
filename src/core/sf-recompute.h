/* sf-recompute.h: keeping loaded figures current as the store changes
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sf-capacity.h"
#include "sf-store-changes.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* What sf_recompute_apply() changed in the figures and the dataset. */
typedef struct
{
  GArray *caseworkers;         /* gint64: whose figures were computed again, ascending */
  GArray *teams;               /* gint64: the teams whose figures were computed again, ascending */
  GArray *cases;               /* gint64: the cases added, changed or removed, ascending */
} SfDelta;

void      sf_delta_init  (SfDelta          *delta);
void      sf_delta_clear (SfDelta          *delta);

gboolean  sf_recompute_apply  (SfStore          *store,
                          SfDataset        *dataset,
                          SfFigures        *figures,
                          const SfChange   *change,
                          SfDelta          *delta,
                          GError          **error);

G_END_DECLS
