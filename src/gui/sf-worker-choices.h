/* sf-worker-choices.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

/* The caseworkers of @dataset to choose from in a drop-down, by team and
 * initials: "MHJ · Mette Hjort (Familie)", without the team when
 * @with_team is FALSE.  @first, when not NULL, comes
 * first with id 0 (e.g. "Nobody").  @exclude (0 for none) is left out.
 * @ids receives the id of each position. */
GtkStringList *sf_worker_choices_new  (const SfDataset *dataset,
                                       const char      *first,
                                       gint64           exclude,
                                       gboolean         with_team,
                                       GArray         **ids);
guint          sf_worker_choices_find (GArray          *ids,
                                       gint64           id);
gint64         sf_worker_choices_id_at (GArray         *ids,
                                        guint           position);
void           sf_worker_choices_select (AdwComboRow    *row,
                                         GArray         *ids,
                                         gint64          id);
/* Whether @list and @ids (from sf_worker_choices_new() with @with_team,
 * no one excluded) still hold for @dataset after the caseworkers @changed
 * changed: each is there, under the same text, in order among the
 * others.  Then the list need not be made again. */
gboolean       sf_worker_choices_hold (GtkStringList   *list,
                                       GArray          *ids,
                                       const SfDataset *dataset,
                                       const GArray    *changed,
                                       gboolean         with_team);

G_END_DECLS
