/* sf-case-item.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sf-case-item.h"

struct _SfCaseItem
{
  GObject       parent_instance;

  gint64        id;
  gint64        caseworker_id;
  gint64        cover_id;
  gint64        team_id;
  gint64        area_id;
  char         *reference;
  char         *sort_key;     /* natural order: S-2 before S-10 */
  char         *caseworker;   /* "MHJ · Mette Hjort" */
  char         *cover;        /* initials and name, or NULL */
  const char   *area;         /* interned */
  SfDay         start;
  SfDay         closed;
  SfComplexity  complexity;
  gboolean      open;
  gboolean      uncovered;    /* open, primary absent and nobody covers */
};

G_DEFINE_FINAL_TYPE (SfCaseItem, sf_case_item, G_TYPE_OBJECT)

static char *
person_text (const SfCaseworker *worker)
{
  if (worker == NULL)
    return g_strdup ("?");
  /* Translators: a caseworker in the list of cases: initials · name */
  return g_strdup_printf (_("%s · %s"), worker->initials, worker->name);
}

static void
sf_case_item_finalize (GObject *object)
{
  SfCaseItem *self = SF_CASE_ITEM (object);

  g_free (self->reference);
  g_free (self->sort_key);
  g_free (self->caseworker);
  g_free (self->cover);

  G_OBJECT_CLASS (sf_case_item_parent_class)->finalize (object);
}

static void
sf_case_item_class_init (SfCaseItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sf_case_item_finalize;
}

static void
sf_case_item_init (SfCaseItem *self)
{
}

SfCaseItem *
sf_case_item_new (const SfCase    *kase,
                  const SfDataset *dataset,
                  SfDay            ref)
{
  SfCaseItem *self = g_object_new (SF_TYPE_CASE_ITEM, NULL);
  const SfCaseworker *worker = sf_dataset_find_caseworker (dataset, kase->caseworker_id);
  const SfCaseworker *cover = kase->cover_id != 0 ? sf_dataset_find_caseworker (dataset, kase->cover_id) : NULL;
  const SfTeam *team = worker != NULL ? sf_dataset_find_team (dataset, worker->team_id) : NULL;
  const SfArea *area;

  self->id = kase->id;
  self->reference = g_strdup (kase->reference);
  self->sort_key = g_utf8_collate_key_for_filename (kase->reference, -1);
  self->complexity = kase->complexity;
  self->start = kase->start;
  self->closed = kase->closed;
  self->caseworker_id = kase->caseworker_id;
  self->cover_id = kase->cover_id;
  self->team_id = team != NULL ? team->id : 0;
  self->area_id = kase->area_id != 0 ? kase->area_id : team != NULL ? team->area_id : 0;
  area = sf_dataset_find_area (dataset, self->area_id);
  self->area = area != NULL ? g_intern_string (area->name) : "";
  self->caseworker = person_text (worker);
  self->cover = cover != NULL ? person_text (cover) : NULL;
  self->open = sf_capacity_case_is_open (kase, ref);
  self->uncovered = self->open && cover == NULL && worker != NULL && sf_capacity_is_absent (worker, ref);
  return self;
}

/* Whether the two show the same: the list replaces only items that differ. */
gboolean
sf_case_item_equal (SfCaseItem *a,
                    SfCaseItem *b)
{
  return a->id == b->id && a->caseworker_id == b->caseworker_id && a->cover_id == b->cover_id &&
         a->team_id == b->team_id && a->area_id == b->area_id && a->start == b->start &&
         a->closed == b->closed && a->complexity == b->complexity && a->open == b->open &&
         a->uncovered == b->uncovered && a->area == b->area &&
         g_strcmp0 (a->reference, b->reference) == 0 && g_strcmp0 (a->caseworker, b->caseworker) == 0 &&
         g_strcmp0 (a->cover, b->cover) == 0;
}

gint64
sf_case_item_get_id (SfCaseItem *self)
{
  return self->id;
}

const char *
sf_case_item_get_reference (SfCaseItem *self)
{
  return self->reference;
}

const char *
sf_case_item_get_sort_key (SfCaseItem *self)
{
  return self->sort_key;
}

SfComplexity
sf_case_item_get_complexity (SfCaseItem *self)
{
  return self->complexity;
}

SfDay
sf_case_item_get_start (SfCaseItem *self)
{
  return self->start;
}

SfDay
sf_case_item_get_closed (SfCaseItem *self)
{
  return self->closed;
}

/* Open on the reference date of the figures */
gboolean
sf_case_item_get_open (SfCaseItem *self)
{
  return self->open;
}

gint64
sf_case_item_get_caseworker_id (SfCaseItem *self)
{
  return self->caseworker_id;
}

gint64
sf_case_item_get_cover_id (SfCaseItem *self)
{
  return self->cover_id;
}

gint64
sf_case_item_get_team_id (SfCaseItem *self)
{
  return self->team_id;
}

gint64
sf_case_item_get_area_id (SfCaseItem *self)
{
  return self->area_id;
}

const char *
sf_case_item_get_caseworker (SfCaseItem *self)
{
  return self->caseworker;
}

const char *
sf_case_item_get_cover (SfCaseItem *self)
{
  return self->cover;
}

const char *
sf_case_item_get_area (SfCaseItem *self)
{
  return self->area;
}

gboolean
sf_case_item_get_uncovered (SfCaseItem *self)
{
  return self->uncovered;
}
