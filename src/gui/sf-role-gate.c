/* sf-role-gate.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-role-gate.h"

void
sf_role_gate (GtkWidget          *widget,
              SfContext          *context,
              SfAccessDo          what,
              const char * const *actions,
              gboolean            offer)
{
  gboolean may;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  may = context == NULL || sf_access_may (sf_context_get_access (context), what);
  if (may && !offer)
    return;
  for (; *actions != NULL; actions++)
    gtk_widget_action_set_enabled (widget, *actions, may);
}
