/* sf-date-button.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_DATE_BUTTON (sf_date_button_get_type ())

G_DECLARE_FINAL_TYPE (SfDateButton, sf_date_button, SF, DATE_BUTTON, GtkWidget)

GtkWidget *sf_date_button_new       (void);
SfDay      sf_date_button_get_day   (SfDateButton *self);
void       sf_date_button_set_day   (SfDateButton *self,
                                     SfDay         day);
void       sf_date_button_set_title (SfDateButton *self,
                                     const char   *title);

G_END_DECLS
