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
  const char   *caseworker;   /* "MHJ · Mette Hjort", interned */
  const char   *cover;        /* initials and name, or NULL; interned */
  const char   *area;         /* interned */
  SfDay         start;
  SfDay         closed;
  SfComplexity  complexity;
  gboolean      open;
  gboolean      uncovered;    /* open, primary absent and nobody covers */
};

G_DEFINE_FINAL_TYPE (SfCaseItem, sf_case_item, G_TYPE_OBJECT)

/* What an item shows that is not in its case: who and where.  The names
 * are interned once per person, not once per case. */
typedef struct
{
  gint64      team_id;
  gint64      area_id;
  const char *area;
  const char *caseworker;
  const char *cover;
  gboolean    open;
  gboolean    uncovered;
} Derived;

static const char *
person_text (GHashTable         *names,
             const SfCaseworker *worker)
{
  const char *text;

  if (worker == NULL)
    return g_intern_static_string ("?");
  text = g_hash_table_lookup (names, &worker->id);
  if (text == NULL)
    {
      /* Translators: a caseworker in the list of cases: initials · name */
      g_autofree char *made = g_strdup_printf (_("%s · %s"), worker->initials, worker->name);

      text = g_intern_string (made);
      g_hash_table_insert (names, g_memdup2 (&worker->id, sizeof (gint64)), (gpointer) text);
    }
  return text;
}

static void
derive (const SfCase    *kase,
        const SfDataset *dataset,
        GHashTable      *names,
        SfDay            ref,
        Derived         *out)
{
  const SfCaseworker *worker = sf_dataset_find_caseworker (dataset, kase->caseworker_id);
  const SfCaseworker *cover = kase->cover_id != 0 ? sf_dataset_find_caseworker (dataset, kase->cover_id) : NULL;
  const SfTeam *team = worker != NULL ? sf_dataset_find_team (dataset, worker->team_id) : NULL;
  const SfArea *area;

  out->team_id = team != NULL ? team->id : 0;
  out->area_id = kase->area_id != 0 ? kase->area_id : team != NULL ? team->area_id : 0;
  area = sf_dataset_find_area (dataset, out->area_id);
  out->area = area != NULL ? g_intern_string (area->name) : "";
  out->caseworker = person_text (names, worker);
  out->cover = cover != NULL ? person_text (names, cover) : NULL;
  out->open = sf_capacity_case_is_open (kase, ref);
  out->uncovered = out->open && cover == NULL && worker != NULL && sf_capacity_is_absent (worker, ref);
}

static void
sf_case_item_finalize (GObject *object)
{
  SfCaseItem *self = SF_CASE_ITEM (object);

  g_free (self->reference);
  g_free (self->sort_key);

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

/* A cache of names for sf_case_item_new(), one per reload */
GHashTable *
sf_case_item_names_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

SfCaseItem *
sf_case_item_new (const SfCase    *kase,
                  const SfDataset *dataset,
                  GHashTable      *names,
                  SfDay            ref)
{
  SfCaseItem *self = g_object_new (SF_TYPE_CASE_ITEM, NULL);
  Derived derived;

  derive (kase, dataset, names, ref, &derived);
  self->id = kase->id;
  self->reference = g_strdup (kase->reference);
  self->sort_key = g_utf8_collate_key_for_filename (kase->reference, -1);
  self->complexity = kase->complexity;
  self->start = kase->start;
  self->closed = kase->closed;
  self->caseworker_id = kase->caseworker_id;
  self->cover_id = kase->cover_id;
  self->team_id = derived.team_id;
  self->area_id = derived.area_id;
  self->area = derived.area;
  self->caseworker = derived.caseworker;
  self->cover = derived.cover;
  self->open = derived.open;
  self->uncovered = derived.uncovered;
  return self;
}

/* Whether @self shows @kase as it is now: a reload keeps such items, so
 * that an edit costs one new item, not 100,000. */
gboolean
sf_case_item_matches (SfCaseItem      *self,
                      const SfCase    *kase,
                      const SfDataset *dataset,
                      GHashTable      *names,
                      SfDay            ref)
{
  Derived derived;

  if (self->id != kase->id || self->caseworker_id != kase->caseworker_id || self->cover_id != kase->cover_id ||
      self->start != kase->start || self->closed != kase->closed || self->complexity != kase->complexity ||
      g_strcmp0 (self->reference, kase->reference) != 0)
    return FALSE;
  derive (kase, dataset, names, ref, &derived);
  /* Interned: the same text is the same pointer */
  return self->team_id == derived.team_id && self->area_id == derived.area_id && self->area == derived.area &&
         self->caseworker == derived.caseworker && self->cover == derived.cover && self->open == derived.open &&
         self->uncovered == derived.uncovered;
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
