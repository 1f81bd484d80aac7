/* sf-status-style.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-status-style.h"

/* Every class sf_status_set_css_class() replaces; "no-capacity" marks a
 * person without capacity, who has no status. */
static const char * const status_classes[] = { "within", "near", "over", "no-capacity" };

const char *
sf_status_icon_name (SfStatus status)
{
  switch (status)
    {
    case SF_STATUS_OVER:
      return "dialog-error-symbolic";

    case SF_STATUS_NEAR:
      return "dialog-warning-symbolic";

    case SF_STATUS_WITHIN:
    default:
      return "emblem-ok-symbolic";
    }
}

const char *
sf_status_css_class (SfStatus status)
{
  return sf_status_to_key (status);
}

void
sf_status_set_css_class (GtkWidget  *widget,
                         const char *css_class)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (widget, status_classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
}
