/* sf-live.c: keeping loaded figures current as the store changes
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows the figures of a dataset loaded whole: 100,000 cases
 * take a quarter of a second to read.  When one case or one person is
 * edited, reading it all again is waste: sf_live_apply() reads only the
 * rows the change touched (SfChange, from the store's update hook), puts
 * them into the dataset in place, and has sf_figures_update() compute the
 * figures of the people they count on and of their teams.  Anything it
 * cannot follow row by row (another program's write, teams, areas,
 * settings, people added or removed) is left to a full reload.
 */

#include "config.h"

#include <string.h>

#include "sf-live.h"

void
sf_delta_init (SfDelta *delta)
{
  delta->caseworkers = g_array_new (FALSE, FALSE, sizeof (gint64));
  delta->teams = g_array_new (FALSE, FALSE, sizeof (gint64));
  delta->cases = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
sf_delta_clear (SfDelta *delta)
{
  g_clear_pointer (&delta->caseworkers, g_array_unref);
  g_clear_pointer (&delta->teams, g_array_unref);
  g_clear_pointer (&delta->cases, g_array_unref);
}

/* Each case's old and new primary caseworker and cover are the people
 * whose load it changes. */
static gboolean
apply_cases (SfStore        *store,
             SfDataset      *dataset,
             const GArray   *ids,
             GArray         *workers,
             GError        **error)
{
  g_autoptr(GArray) fresh = g_array_new (FALSE, TRUE, sizeof (SfCase));
  guint j = 0;

  g_array_set_clear_func (fresh, sf_case_clear);
  if (!sf_store_load_cases_by_id (store, ids, fresh, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      guint at = sf_rows_lower_bound (dataset->cases, id);
      SfCase *old = at < dataset->cases->len && g_array_index (dataset->cases, SfCase, at).id == id
                    ? &g_array_index (dataset->cases, SfCase, at) : NULL;
      SfCase *now = j < fresh->len && g_array_index (fresh, SfCase, j).id == id
                    ? &g_array_index (fresh, SfCase, j++) : NULL;

      if (old != NULL)
        {
          sf_ids_add (workers, old->caseworker_id);
          sf_ids_add (workers, old->cover_id);
        }
      if (now != NULL)
        {
          sf_ids_add (workers, now->caseworker_id);
          sf_ids_add (workers, now->cover_id);
        }

      if (old != NULL && now != NULL)
        {
          sf_case_clear (old);
          *old = *now;
          now->reference = NULL;
        }
      else if (old != NULL)
        g_array_remove_index (dataset->cases, at);
      else if (now != NULL)
        {
          g_array_insert_vals (dataset->cases, at, now, 1);
          now->reference = NULL;
        }
    }
  return TRUE;
}

/* Edited caseworkers: their row is read again; the team they were in and
 * the one they are in now are both computed again. */
static gboolean
apply_caseworkers (SfStore       *store,
                   SfDataset     *dataset,
                   const GArray  *ids,
                   GArray        *workers,
                   GArray        *teams,
                   GError       **error)
{
  g_autoptr(GArray) fresh = g_array_new (FALSE, TRUE, sizeof (SfCaseworker));

  g_array_set_clear_func (fresh, sf_caseworker_clear);
  if (!sf_store_load_caseworkers_by_id (store, ids, fresh, error))
    return FALSE;
  /* One removed without the change saying so: not for this path */
  if (fresh->len != ids->len)
    return FALSE;

  for (guint i = 0; i < fresh->len; i++)
    {
      SfCaseworker *now = &g_array_index (fresh, SfCaseworker, i);
      SfCaseworker *old = (SfCaseworker *) sf_dataset_find_caseworker (dataset, now->id);

      if (old == NULL)
        return FALSE;
      sf_ids_add (teams, old->team_id);
      sf_ids_add (workers, now->id);
      sf_caseworker_clear (old);
      *old = *now;
      memset (now, 0, sizeof *now);
    }
  return TRUE;
}

/* Reductions are kept in caseworker order: the owners' runs are read
 * again whole. */
static gboolean
apply_reductions (SfStore       *store,
                  SfDataset     *dataset,
                  const GArray  *ids,
                  GArray        *workers,
                  GError       **error)
{
  g_autoptr(GArray) owners = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) fresh = g_array_new (FALSE, TRUE, sizeof (SfReduction));
  guint j = 0;

  g_array_set_clear_func (fresh, sf_reduction_clear);
  for (guint i = 0; i < dataset->reductions->len; i++)
    {
      const SfReduction *reduction = &g_array_index (dataset->reductions, SfReduction, i);

      if (sf_ids_contain (ids, reduction->id))
        sf_ids_add (owners, reduction->caseworker_id);
    }
  if (!sf_store_load_reductions_by_id (store, ids, fresh, error))
    return FALSE;
  for (guint i = 0; i < fresh->len; i++)
    sf_ids_add (owners, g_array_index (fresh, SfReduction, i).caseworker_id);
  g_array_set_size (fresh, 0);
  if (!sf_store_load_reductions_of (store, owners, fresh, error))
    return FALSE;

  for (guint o = 0; o < owners->len; o++)
    {
      gint64 owner = g_array_index (owners, gint64, o);
      guint first, n, k;

      if (sf_dataset_find_caseworker (dataset, owner) == NULL)
        return FALSE;
      /* The owner's run now … */
      first = sf_dataset_find_reductions (dataset, owner, &n);
      if (n > 0)
        g_array_remove_range (dataset->reductions, first, n);
      /* … replaced by the one in the database */
      for (k = j; k < fresh->len && g_array_index (fresh, SfReduction, k).caseworker_id == owner; k++)
        ;
      if (k > j)
        {
          g_array_insert_vals (dataset->reductions, first, &g_array_index (fresh, SfReduction, j), k - j);
          for (guint m = j; m < k; m++)
            g_array_index (fresh, SfReduction, m).note = NULL;
        }
      j = k;
      sf_ids_add (workers, owner);
    }
  return TRUE;
}

/* Applies @change, a write this process made through @store, to @dataset
 * and to @figures (computed from @dataset), reading from @store only the
 * rows it touched, and says in @delta (initialised by the caller) what
 * changed.  Returns FALSE when the change cannot be followed row by row —
 * the caller then reloads everything — or, with @error set, when the
 * database could not be read; the dataset may then be half updated and is
 * to be loaded again too. */
gboolean
sf_live_apply (SfStore         *store,
               SfDataset       *dataset,
               SfFigures       *figures,
               const SfChange  *change,
               SfDelta         *delta,
               GError         **error)
{
  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (dataset != NULL && figures != NULL && figures->dataset == dataset, FALSE);
  g_return_val_if_fail (change != NULL && delta != NULL, FALSE);

  if (change->everything ||
      (change->tables & SF_CHANGE_OTHER) ||
      ((change->inserted | change->deleted) & SF_CHANGE_CASEWORKERS))
    return FALSE;

  if (change->cases->len > 0 &&
      !apply_cases (store, dataset, change->cases, delta->caseworkers, error))
    return FALSE;
  if (change->caseworkers->len > 0 &&
      !apply_caseworkers (store, dataset, change->caseworkers, delta->caseworkers, delta->teams, error))
    return FALSE;
  if (change->reductions->len > 0 &&
      !apply_reductions (store, dataset, change->reductions, delta->caseworkers, error))
    return FALSE;
  g_array_append_vals (delta->cases, change->cases->data, change->cases->len);

  sf_figures_update (figures, (const gint64 *) delta->caseworkers->data, delta->caseworkers->len,
                     delta->teams);
  return TRUE;
}
