/* sf-window.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"
#include "sf-roster-page.h"

G_BEGIN_DECLS

#define SF_TYPE_WINDOW (sf_window_get_type ())

G_DECLARE_FINAL_TYPE (SfWindow, sf_window, SF, WINDOW, AdwApplicationWindow)

SfWindow     *sf_window_new              (GtkApplication *application,
                                          SfStore        *store);
SfStore      *sf_window_get_store        (SfWindow       *self);
void          sf_window_reload           (SfWindow       *self);
const char   *sf_window_get_visible_page (SfWindow       *self);
SfRosterPage *sf_window_get_roster_page  (SfWindow       *self);
gboolean      sf_window_import_file      (SfWindow       *self,
                                          GFile          *file,
                                          gboolean        cases);
void          sf_window_add_toast        (SfWindow       *self,
                                          const char     *title);

G_END_DECLS
