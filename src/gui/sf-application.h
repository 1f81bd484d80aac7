/* sf-application.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_APPLICATION (sf_application_get_type ())

G_DECLARE_FINAL_TYPE (SfApplication, sf_application, SF, APPLICATION, AdwApplication)

SfApplication *sf_application_new               (void);
SfApplication *sf_application_new_for_database  (const char    *path);
SfStore       *sf_application_get_store         (SfApplication *self);
gboolean       sf_application_use_local_file    (SfApplication *self,
                                                 const char    *path,
                                                 GError       **error);
/* For tests: the window shown while a server is connected to at start */
GtkWidget     *sf_application_get_start_window  (SfApplication *self);

G_END_DECLS
