/* sf-recompute.c: keeping loaded figures current as the store changes
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows the figures of a dataset loaded whole: 100,000 cases
 * take a quarter of a second to read.  When one case or one person is
 * edited, reading it all again is waste: sf_recompute_apply() reads only the
 * rows the change touched (SfChange, from the store's update hook), puts
 * them into the dataset in place, and has sf_figures_update() compute the
 * figures of the people they count on and of their teams.  Anything it
 * cannot follow row by row (another program's write, teams, areas,
 * settings, people added or removed) is left to a full reload.
 */

#include "config.h"

#include <string.h>

#include "sf-recompute.h"

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

/* What a change's rows are now, read before anything is applied: a read
 * that fails leaves the dataset as it was */
typedef struct
{
  GArray *cases;         /* SfCase: the changed cases still there, by id */
  GArray *caseworkers;   /* SfCaseworker: the edited caseworkers, by id */
  GArray *owners;        /* gint64: whose reductions changed, ascending */
  GArray *reductions;    /* SfReduction: all the owners', in dataset order */
} Fresh;

static void
fresh_clear (Fresh *fresh)
{
  g_clear_pointer (&fresh->cases, g_array_unref);
  g_clear_pointer (&fresh->caseworkers, g_array_unref);
  g_clear_pointer (&fresh->owners, g_array_unref);
  g_clear_pointer (&fresh->reductions, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fresh, fresh_clear)

/* Reductions are kept in caseworker order: the owners' runs are read
 * again whole */
static gboolean
read_reductions (SfStore          *store,
                 const SfDataset  *dataset,
                 const GArray     *ids,
                 Fresh            *fresh,
                 GError          **error)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, TRUE, sizeof (SfReduction));

  g_array_set_clear_func (changed, sf_reduction_clear);
  for (guint i = 0; i < dataset->reductions->len; i++)
    {
      const SfReduction *reduction = &g_array_index (dataset->reductions, SfReduction, i);

      if (sf_ids_contain (ids, reduction->id))
        sf_ids_add (fresh->owners, reduction->caseworker_id);
    }
  if (!sf_store_load_reductions_by_id (store, ids, changed, error))
    return FALSE;
  for (guint i = 0; i < changed->len; i++)
    sf_ids_add (fresh->owners, g_array_index (changed, SfReduction, i).caseworker_id);
  return sf_store_load_reductions_of (store, fresh->owners, fresh->reductions, error);
}

static gboolean
read_fresh (SfStore         *store,
            const SfDataset *dataset,
            const SfChange  *change,
            Fresh           *fresh,
            GError         **error)
{
  fresh->cases = g_array_new (FALSE, TRUE, sizeof (SfCase));
  g_array_set_clear_func (fresh->cases, sf_case_clear);
  fresh->caseworkers = g_array_new (FALSE, TRUE, sizeof (SfCaseworker));
  g_array_set_clear_func (fresh->caseworkers, sf_caseworker_clear);
  fresh->owners = g_array_new (FALSE, FALSE, sizeof (gint64));
  fresh->reductions = g_array_new (FALSE, TRUE, sizeof (SfReduction));
  g_array_set_clear_func (fresh->reductions, sf_reduction_clear);

  return (change->cases->len == 0 || sf_store_load_cases_by_id (store, change->cases, fresh->cases, error)) &&
         (change->caseworkers->len == 0 ||
          sf_store_load_caseworkers_by_id (store, change->caseworkers, fresh->caseworkers, error)) &&
         (change->reductions->len == 0 || read_reductions (store, dataset, change->reductions, fresh, error));
}

/* Each case's old and new primary caseworker and cover are the people
 * whose load it changes. */
static void
apply_cases (SfDataset      *dataset,
             const GArray   *ids,
             GArray         *fresh,
             GArray         *workers)
{
  guint j = 0;

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
}

/* Whether each edited caseworker is in the dataset exactly when it could
 * be read again: else the change is not for this path (one removed
 * without it saying so, or on a server one moved into or out of the
 * login's sight).  One neither there nor readable is another team's
 * that row-level security hides (another user's edit): nothing to do. */
static gboolean
caseworkers_known (const SfDataset *dataset,
                   const GArray    *ids,
                   const GArray    *fresh)
{
  guint j = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean read = j < fresh->len && g_array_index (fresh, SfCaseworker, j).id == id;

      if (read)
        j++;
      if (read != (sf_dataset_find_caseworker (dataset, id) != NULL))
        return FALSE;
    }
  return j == fresh->len;
}

/* Edited caseworkers: their row is read again; the team they were in and
 * the one they are in now are both computed again. */
static void
apply_caseworkers (SfDataset     *dataset,
                   GArray        *fresh,
                   GArray        *workers,
                   GArray        *teams)
{
  for (guint i = 0; i < fresh->len; i++)
    {
      SfCaseworker *now = &g_array_index (fresh, SfCaseworker, i);
      SfCaseworker *old = (SfCaseworker *) sf_dataset_find_caseworker (dataset, now->id);

      sf_ids_add (teams, old->team_id);
      sf_ids_add (workers, now->id);
      sf_caseworker_clear (old);
      *old = *now;
      memset (now, 0, sizeof *now);
    }
}

/* Each owner's run of reductions replaced by the one read */
static void
apply_reductions (SfDataset *dataset,
                  GArray    *owners,
                  GArray    *fresh,
                  GArray    *workers)
{
  guint j = 0;

  for (guint o = 0; o < owners->len; o++)
    {
      gint64 owner = g_array_index (owners, gint64, o);
      guint first, n, k;

      first = sf_dataset_find_reductions (dataset, owner, &n);
      if (n > 0)
        g_array_remove_range (dataset->reductions, first, n);
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
}

static gboolean
owners_known (const SfDataset *dataset,
              const GArray    *owners)
{
  for (guint o = 0; o < owners->len; o++)
    if (sf_dataset_find_caseworker (dataset, g_array_index (owners, gint64, o)) == NULL)
      return FALSE;
  return TRUE;
}

/* Applies @change, a write this process made through @store, to @dataset
 * and to @figures (computed from @dataset), reading from @store only the
 * rows it touched, and says in @delta (initialised by the caller) what
 * changed.  Returns FALSE when the change cannot be followed row by row —
 * the caller then reloads everything — or, with @error set, when the
 * database could not be read.  Everything is read before anything is
 * applied: when it returns FALSE, @dataset and @figures are as they were. */
gboolean
sf_recompute_apply (SfStore         *store,
               SfDataset       *dataset,
               SfFigures       *figures,
               const SfChange  *change,
               SfDelta         *delta,
               GError         **error)
{
  g_auto(Fresh) fresh = { 0 };

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (dataset != NULL && figures != NULL && figures->dataset == dataset, FALSE);
  g_return_val_if_fail (change != NULL && delta != NULL, FALSE);

  if (change->everything ||
      (change->tables & SF_CHANGE_OTHER) ||
      ((change->inserted | change->deleted) & SF_CHANGE_CASEWORKERS))
    return FALSE;

  if (!read_fresh (store, dataset, change, &fresh, error) ||
      !caseworkers_known (dataset, change->caseworkers, fresh.caseworkers) ||
      !owners_known (dataset, fresh.owners))
    return FALSE;

  apply_cases (dataset, change->cases, fresh.cases, delta->caseworkers);
  apply_caseworkers (dataset, fresh.caseworkers, delta->caseworkers, delta->teams);
  apply_reductions (dataset, fresh.owners, fresh.reductions, delta->caseworkers);
  g_array_append_vals (delta->cases, change->cases->data, change->cases->len);

  sf_figures_update (figures, (const gint64 *) delta->caseworkers->data, delta->caseworkers->len,
                     delta->teams);
  return TRUE;
}
