/* sf-explain-norm-dialog.h: a caseworker's adjusted norm, factor by factor
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

GtkWindow *sf_explain_norm_dialog_new (GtkWindow       *parent,
                                       const SfFigures *figures,
                                       gint64           caseworker_id);

G_END_DECLS
