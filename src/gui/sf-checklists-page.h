/* sf-checklists-page.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_CHECKLISTS_PAGE (sf_checklists_page_get_type ())

G_DECLARE_FINAL_TYPE (SfChecklistsPage, sf_checklists_page, SF, CHECKLISTS_PAGE, GtkWidget)

void            sf_checklists_page_set_context     (SfChecklistsPage *self,
                                                    SfContext        *context);

G_END_DECLS
