/* sf-role-gate.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sf-core.h"

G_BEGIN_DECLS

/* A page's actions that write, offered only where the role signed in to
 * @context's database may @what (sf_access_may(); on a database file,
 * always).  Where it may not, each of @actions (NULL-terminated) of
 * @widget is turned off: called after the page turned them on and off
 * for what is chosen, and again after a reload.  With @offer, where it
 * may they are turned on: for actions nothing else turns on and off. */
void sf_role_gate (GtkWidget          *widget,
                   SfContext          *context,
                   SfAccessDo          what,
                   const char * const *actions,
                   gboolean            offer);

G_END_DECLS
