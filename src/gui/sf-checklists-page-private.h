/* sf-checklists-page-private.h: what the tests reach of the Checklists page
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sf-checklists-page.h"

G_BEGIN_DECLS

void              sf_checklists_page_select_team       (SfChecklistsPage *self,
                                                        gint64            team_id);
gint64            sf_checklists_page_get_team          (SfChecklistsPage *self);
GtkCheckButton   *sf_checklists_page_get_check_button  (SfChecklistsPage *self,
                                                        gint64            item_id);
AdwMessageDialog *sf_checklists_page_get_dialog        (SfChecklistsPage *self);
const char       *sf_checklists_page_get_progress_text (SfChecklistsPage *self);

G_END_DECLS
