#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sf-model.h"
#include "sf-norms.h"
#include "sf-text.h"

static const char * const complexity_keys[SF_N_COMPLEXITIES] = {
  "enkel",
  "kompleks",
  "saerligt-kompliceret",
};

static const char * const complexity_labels_da[SF_N_COMPLEXITIES] = {
  "Enkel",
  "Kompleks",
  "Særligt kompliceret",
};

static const char * const reduction_keys[SF_N_REDUCTION_REASONS] = {
  "tr",
  "uddannelse",
  "projekt",
  "andet",
};

static void
clear_team (gpointer data)
{
  SfTeam *team = data;

  g_clear_pointer (&team->name, g_free);
}

/* Frees what the row owns, leaving it empty. */
void
sf_caseworker_clear (gpointer data)
{
  SfCaseworker *worker = data;

  g_clear_pointer (&worker->initials, g_free);
  g_clear_pointer (&worker->name, g_free);
  g_clear_pointer (&worker->absence_kind, g_free);
  g_clear_pointer (&worker->factor_reason, g_free);
}

/* Frees what the row owns, leaving it empty. */
void
sf_reduction_clear (gpointer data)
{
  SfReduction *reduction = data;

  g_clear_pointer (&reduction->note, g_free);
}

/* Frees what the row owns, leaving it empty. */
void
sf_case_clear (gpointer data)
{
  SfCase *kase = data;

  g_clear_pointer (&kase->reference, g_free);
}

/* Frees what the row owns, leaving it empty. */
void
sf_planned_hire_clear (gpointer data)
{
  SfPlannedHire *hire = data;

  g_clear_pointer (&hire->note, g_free);
}

static void
clear_area (gpointer data)
{
  sf_area_clear (data);
}

SfDataset *
sf_dataset_new (void)
{
  SfDataset *dataset = g_new0 (SfDataset, 1);

  g_ref_count_init (&dataset->ref_count);

  dataset->areas = g_array_new (FALSE, TRUE, sizeof (SfArea));
  g_array_set_clear_func (dataset->areas, clear_area);
  dataset->teams = g_array_new (FALSE, TRUE, sizeof (SfTeam));
  g_array_set_clear_func (dataset->teams, clear_team);
  dataset->caseworkers = g_array_new (FALSE, TRUE, sizeof (SfCaseworker));
  g_array_set_clear_func (dataset->caseworkers, sf_caseworker_clear);
  dataset->reductions = g_array_new (FALSE, TRUE, sizeof (SfReduction));
  g_array_set_clear_func (dataset->reductions, sf_reduction_clear);
  dataset->cases = g_array_new (FALSE, TRUE, sizeof (SfCase));
  g_array_set_clear_func (dataset->cases, sf_case_clear);
  dataset->planned_hires = g_array_new (FALSE, TRUE, sizeof (SfPlannedHire));
  g_array_set_clear_func (dataset->planned_hires, sf_planned_hire_clear);
  return dataset;
}

/* A dataset the window keeps current (sf-recompute.c) is shared with the pages
 * that show it: each holds a reference. */
SfDataset *
sf_dataset_ref (SfDataset *dataset)
{
  g_return_val_if_fail (dataset != NULL, NULL);

  g_ref_count_inc (&dataset->ref_count);
  return dataset;
}

/* Drops a reference; the last frees the dataset. */
void
sf_dataset_free (SfDataset *dataset)
{
  if (dataset == NULL || !g_ref_count_dec (&dataset->ref_count))
    return;
  g_array_unref (dataset->areas);
  g_array_unref (dataset->teams);
  g_array_unref (dataset->caseworkers);
  g_array_unref (dataset->reductions);
  g_array_unref (dataset->cases);
  g_array_unref (dataset->planned_hires);
  g_free (dataset);
}

/* A dataset of its own with the same rows, ids and text as @dataset: what
 * a what-if scenario changes without touching the loaded data. */
SfDataset *
sf_dataset_copy (const SfDataset *dataset)
{
  SfDataset *copy = sf_dataset_new ();

  g_array_append_vals (copy->areas, dataset->areas->data, dataset->areas->len);
  for (guint i = 0; i < copy->areas->len; i++)
    {
      SfArea *area = &g_array_index (copy->areas, SfArea, i);

      area->key = g_strdup (area->key);
      area->name = g_strdup (area->name);
      area->note = g_strdup (area->note);
      area->source = g_strdup (area->source);
    }
  g_array_append_vals (copy->teams, dataset->teams->data, dataset->teams->len);
  for (guint i = 0; i < copy->teams->len; i++)
    {
      SfTeam *team = &g_array_index (copy->teams, SfTeam, i);

      team->name = g_strdup (team->name);
    }
  g_array_append_vals (copy->caseworkers, dataset->caseworkers->data, dataset->caseworkers->len);
  for (guint i = 0; i < copy->caseworkers->len; i++)
    {
      SfCaseworker *worker = &g_array_index (copy->caseworkers, SfCaseworker, i);

      worker->initials = g_strdup (worker->initials);
      worker->name = g_strdup (worker->name);
      worker->absence_kind = g_strdup (worker->absence_kind);
      worker->factor_reason = g_strdup (worker->factor_reason);
    }
  g_array_append_vals (copy->reductions, dataset->reductions->data, dataset->reductions->len);
  for (guint i = 0; i < copy->reductions->len; i++)
    {
      SfReduction *reduction = &g_array_index (copy->reductions, SfReduction, i);

      reduction->note = g_strdup (reduction->note);
    }
  g_array_append_vals (copy->cases, dataset->cases->data, dataset->cases->len);
  for (guint i = 0; i < copy->cases->len; i++)
    {
      SfCase *kase = &g_array_index (copy->cases, SfCase, i);

      kase->reference = g_strdup (kase->reference);
    }
  g_array_append_vals (copy->planned_hires, dataset->planned_hires->data, dataset->planned_hires->len);
  for (guint i = 0; i < copy->planned_hires->len; i++)
    {
      SfPlannedHire *hire = &g_array_index (copy->planned_hires, SfPlannedHire, i);

      hire->note = g_strdup (hire->note);
    }
  return copy;
}

/* The first of @rows whose id is not below @id.  @rows is a GArray whose
 * elements each begin with their gint64 id, ascending: the dataset's rows
 * (the store loads them ORDER BY id), or plain sets of ids. */
guint
sf_rows_lower_bound (const GArray *rows,
                     gint64        id)
{
  gsize size = g_array_get_element_size ((GArray *) rows);
  guint lo = 0, hi = rows->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (*(const gint64 *) (rows->data + mid * size) < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The index of the row of @rows (as for sf_rows_lower_bound()) with @id,
 * or -1. */
int
sf_rows_find (const GArray *rows,
              gint64        id)
{
  guint at = sf_rows_lower_bound (rows, id);

  if (at < rows->len &&
      *(const gint64 *) (rows->data + at * g_array_get_element_size ((GArray *) rows)) == id)
    return (int) at;
  return -1;
}

#define DEFINE_FIND(func, Type, field)                                  \
  const Type *                                                          \
  func (const SfDataset *dataset,                                       \
        gint64           id)                                            \
  {                                                                     \
    int at = sf_rows_find (dataset->field, id);                         \
                                                                        \
    return at < 0 ? NULL : &g_array_index (dataset->field, Type, at);   \
  }

DEFINE_FIND (sf_dataset_find_area, SfArea, areas)
DEFINE_FIND (sf_dataset_find_team, SfTeam, teams)
DEFINE_FIND (sf_dataset_find_caseworker, SfCaseworker, caseworkers)

/* Where @caseworker_id's reductions begin: they are kept in caseworker
 * order, @n_reductions of them in a run. */
guint
sf_dataset_find_reductions (const SfDataset *dataset,
                            gint64           caseworker_id,
                            guint           *n_reductions)
{
  const GArray *reductions = dataset->reductions;
  guint lo = 0, hi = reductions->len, end;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (reductions, SfReduction, mid).caseworker_id < caseworker_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (end = lo; end < reductions->len && g_array_index (reductions, SfReduction, end).caseworker_id == caseworker_id; end++)
    ;
  *n_reductions = end - lo;
  return lo;
}

const SfArea *
sf_dataset_find_area_by_key (const SfDataset *dataset,
                             const char      *key)
{
  for (guint i = 0; i < dataset->areas->len; i++)
    {
      const SfArea *area = &g_array_index (dataset->areas, SfArea, i);

      if (g_strcmp0 (area->key, key) == 0)
        return area;
    }
  return NULL;
}

/* How many teams work in the area @area_id */
guint
sf_dataset_count_area_teams (const SfDataset *dataset,
                             gint64           area_id)
{
  guint n = 0;

  for (guint i = 0; i < dataset->teams->len; i++)
    if (g_array_index (dataset->teams, SfTeam, i).area_id == area_id)
      n++;
  return n;
}

const char *
sf_complexity_to_key (SfComplexity complexity)
{
  g_return_val_if_fail (complexity < SF_N_COMPLEXITIES, NULL);
  return complexity_keys[complexity];
}

const char *
sf_complexity_to_label (SfComplexity complexity)
{
  switch (complexity)
    {
    case SF_COMPLEXITY_ENKEL:
      return C_("complexity", "Simple");
    case SF_COMPLEXITY_KOMPLEKS:
      return C_("complexity", "Complex");
    case SF_COMPLEXITY_SAERLIGT_KOMPLICERET:
      return C_("complexity", "Especially complicated");
    case SF_N_COMPLEXITIES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Accepts the key or the Danish label, in any case and with spaces or
 * hyphens: "enkel", "Kompleks", "saerligt-kompliceret", "Særligt kompliceret". */
gboolean
sf_complexity_parse (const char   *text,
                     SfComplexity *out)
{
  g_autofree char *key = NULL;

  if (text == NULL)
    return FALSE;
  /* The stored keys and the usual labels match as they are; other
   * spellings need normalising. */
  for (guint i = 0; i < SF_N_COMPLEXITIES; i++)
    if (strcmp (text, complexity_keys[i]) == 0 || strcmp (text, complexity_labels_da[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  key = sf_text_normalize_key (text);
  for (guint i = 0; i < SF_N_COMPLEXITIES; i++)
    {
      if (g_str_equal (key, complexity_keys[i]))
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
sf_status_to_key (SfStatus status)
{
  switch (status)
    {
    case SF_STATUS_WITHIN:
      return "within";
    case SF_STATUS_NEAR:
      return "near";
    case SF_STATUS_OVER:
      return "over";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sf_status_to_label (SfStatus status)
{
  switch (status)
    {
    case SF_STATUS_WITHIN:
      return _("Within norm");
    case SF_STATUS_NEAR:
      return _("Near norm");
    case SF_STATUS_OVER:
      return _("Over norm");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sf_reduction_reason_to_key (SfReductionReason reason)
{
  g_return_val_if_fail (reason < SF_N_REDUCTION_REASONS, NULL);
  return reduction_keys[reason];
}

const char *
sf_reduction_reason_to_label (SfReductionReason reason)
{
  switch (reason)
    {
    case SF_REDUCTION_UNION:
      return _("Union representative (TR) duties");
    case SF_REDUCTION_EDUCATION:
      return _("Continuing education");
    case SF_REDUCTION_PROJECT:
      return _("Project");
    case SF_REDUCTION_OTHER:
      return _("Other duties");
    case SF_N_REDUCTION_REASONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The key, the English or Danish label, or a few words offices use. Text
 * that matches nothing is "other": the reason is a description, and the
 * hours count either way. */
gboolean
sf_reduction_reason_parse (const char        *text,
                           SfReductionReason *out)
{
  static const struct { const char *word; SfReductionReason reason; } words[] = {
    { "tr", SF_REDUCTION_UNION },
    { "tillidsrepraesentant", SF_REDUCTION_UNION },
    { "tillidshverv", SF_REDUCTION_UNION },
    { "fagforening", SF_REDUCTION_UNION },
    { "union", SF_REDUCTION_UNION },
    { "amr", SF_REDUCTION_UNION },
    { "uddannelse", SF_REDUCTION_EDUCATION },
    { "efteruddannelse", SF_REDUCTION_EDUCATION },
    { "videreuddannelse", SF_REDUCTION_EDUCATION },
    { "diplomuddannelse", SF_REDUCTION_EDUCATION },
    { "education", SF_REDUCTION_EDUCATION },
    { "projekt", SF_REDUCTION_PROJECT },
    { "project", SF_REDUCTION_PROJECT },
    { "andet", SF_REDUCTION_OTHER },
    { "other", SF_REDUCTION_OTHER },
  };
  g_autofree char *key = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  key = sf_text_normalize_key (text);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (g_str_has_prefix (key, words[i].word) &&
          (key[strlen (words[i].word)] == '\0' || key[strlen (words[i].word)] == '-'))
        {
          *out = words[i].reason;
          return TRUE;
        }
    }
  *out = SF_REDUCTION_OTHER;
  return TRUE;
}

/* Orders gint64 ids, for g_array_sort() and bsearch(). */
int
sf_compare_ids (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Adds @id to @ids, a set of gint64 kept ascending; 0 is no one. */
void
sf_ids_add (GArray *ids,
            gint64  id)
{
  guint at = sf_rows_lower_bound (ids, id);

  if (id != 0 && (at == ids->len || g_array_index (ids, gint64, at) != id))
    g_array_insert_val (ids, at, id);
}

gboolean
sf_ids_contain (const GArray *ids,
                gint64        id)
{
  return sf_rows_find (ids, id) >= 0;
}
