/* sf-roster-item.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sf-core.h"

G_BEGIN_DECLS

/* Why a caseworker has (or has no) capacity on the reference date. */
typedef enum
{
  SF_ROSTER_CAPACITY_AVAILABLE,
  SF_ROSTER_CAPACITY_ABSENT,
  SF_ROSTER_CAPACITY_NOT_STARTED,
  SF_ROSTER_CAPACITY_NONE,        /* fully reduced, or an individual factor of 0 */
} SfRosterCapacity;

#define SF_TYPE_ROSTER_CAPACITY (sf_roster_capacity_get_type ())
GType sf_roster_capacity_get_type (void);

#define SF_TYPE_ROSTER_ITEM (sf_roster_item_get_type ())

G_DECLARE_FINAL_TYPE (SfRosterItem, sf_roster_item, SF, ROSTER_ITEM, GObject)

/* One row of the roster: a caseworker and their figures on one day.  The
 * item copies what it needs, so @figures and its dataset may be freed. */
SfRosterItem     *sf_roster_item_new                  (const SfWorkerFigures *figures,
                                                       const SfArea          *area);
gint64            sf_roster_item_get_id               (SfRosterItem *self);
const char       *sf_roster_item_get_initials         (SfRosterItem *self);
const char       *sf_roster_item_get_name             (SfRosterItem *self);
const char       *sf_roster_item_get_team             (SfRosterItem *self);
const char       *sf_roster_item_get_area             (SfRosterItem *self);
double            sf_roster_item_get_weekly_hours     (SfRosterItem *self);
double            sf_roster_item_get_adjusted_norm    (SfRosterItem *self);
guint             sf_roster_item_get_open_cases       (SfRosterItem *self);
double            sf_roster_item_get_weighted_load    (SfRosterItem *self);
double            sf_roster_item_get_utilisation      (SfRosterItem *self);
SfStatus          sf_roster_item_get_status           (SfRosterItem *self);
gboolean          sf_roster_item_get_is_counted       (SfRosterItem *self);
const char       *sf_roster_item_get_status_label     (SfRosterItem *self);
const char       *sf_roster_item_get_status_icon_name (SfRosterItem *self);
const char       *sf_roster_item_get_capacity_label   (SfRosterItem *self);
const char       *sf_roster_item_get_utilisation_text (SfRosterItem *self);
const char       *sf_roster_item_get_hours_text       (SfRosterItem *self);
const char       *sf_roster_item_get_norm_text        (SfRosterItem *self);
const char       *sf_roster_item_get_norm_explanation (SfRosterItem *self);
const char       *sf_roster_item_get_cases_text       (SfRosterItem *self);
const char       *sf_roster_item_get_load_text        (SfRosterItem *self);
const char       *sf_roster_item_get_search_key       (SfRosterItem *self);
const char       *sf_roster_item_get_start_text       (SfRosterItem *self);
const char       *sf_roster_item_get_absence_text     (SfRosterItem *self);
const char       *sf_roster_item_get_factor_text      (SfRosterItem *self);
const char       *sf_roster_item_get_reductions_text  (SfRosterItem *self);
void              sf_roster_item_set_reductions       (SfRosterItem *self,
                                                       guint         n_recorded);

G_END_DECLS
