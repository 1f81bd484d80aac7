/* sf-status-style.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sf-core.h"

G_BEGIN_DECLS

/* How a status looks, wherever it is shown: an icon beside its word (never
 * colour alone), and a CSS class that style.css colours. */
const char *sf_status_icon_name     (SfStatus    status);
/* "within", "near" or "over": the status keys, as style.css names them. */
const char *sf_status_css_class     (SfStatus    status);
/* Gives @widget @css_class (none if NULL) in place of any status class it had. */
void        sf_status_set_css_class (GtkWidget  *widget,
                                     const char *css_class);

G_END_DECLS
