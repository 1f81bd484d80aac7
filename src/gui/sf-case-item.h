/* sf-case-item.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sf-core.h"

G_BEGIN_DECLS

#define SF_TYPE_CASE_ITEM (sf_case_item_get_type ())

G_DECLARE_FINAL_TYPE (SfCaseItem, sf_case_item, SF, CASE_ITEM, GObject)

/* One case in the list of cases: what it is and who carries it, with the
 * names it shows.  Immutable: a changed case is a new item.  Small, since
 * an organisation may have 100,000 of them. */
GHashTable   *sf_case_item_names_new         (void);
SfCaseItem   *sf_case_item_new               (const SfCase    *kase,
                                              const SfDataset *dataset,
                                              GHashTable      *names,
                                              SfDay            ref);
gboolean      sf_case_item_matches           (SfCaseItem      *self,
                                              const SfCase    *kase,
                                              const SfDataset *dataset,
                                              GHashTable      *names,
                                              SfDay            ref);
gint64        sf_case_item_get_id            (SfCaseItem      *self);
const char   *sf_case_item_get_reference     (SfCaseItem      *self);
const char   *sf_case_item_get_sort_key      (SfCaseItem      *self);
SfComplexity  sf_case_item_get_complexity    (SfCaseItem      *self);
SfDay         sf_case_item_get_start         (SfCaseItem      *self);
SfDay         sf_case_item_get_closed        (SfCaseItem      *self);
gboolean      sf_case_item_get_open          (SfCaseItem      *self);
gint64        sf_case_item_get_caseworker_id (SfCaseItem      *self);
gint64        sf_case_item_get_cover_id      (SfCaseItem      *self);
gint64        sf_case_item_get_team_id       (SfCaseItem      *self);
const char   *sf_case_item_get_caseworker    (SfCaseItem      *self);
const char   *sf_case_item_get_cover         (SfCaseItem      *self);
const char   *sf_case_item_get_area          (SfCaseItem      *self);
gboolean      sf_case_item_get_uncovered     (SfCaseItem      *self);

G_END_DECLS
