/* Editing cases one or many at a time, bulk entry by counts, the preview of
 * a reassignment and recomputation after a settings change, on figures
 * worked out by hand.
 *
 * The organisation: team Familie (boern-familie) with its own norm of 20,
 * and two full-time caseworkers who started long ago, MHJ and LK, so each
 * has an adjusted norm of 20 × 1 × 1 × 1 = 20.  Weights 0.5 / 1 / 2. */

#include <math.h>

#include "sf-core.h"
#include "sf-test-util.h"

#define EPS 1e-9

typedef struct
{
  SfTestStore db;              /* sf_test_store_set_up() */
  SfStore *store;             /* db.store */
  gint64   mhj;
  gint64   lk;
  SfDay    ref;
  guint    changed;
} Fixture;

static gint64
worker_id (SfStore    *store,
           const char *initials)
{
  g_autoptr(SfDataset) ds = sf_store_load_dataset (store, NULL);

  for (guint i = 0; i < ds->caseworkers->len; i++)
    {
      const SfCaseworker *w = &g_array_index (ds->caseworkers, SfCaseworker, i);

      if (g_str_equal (w->initials, initials))
        return w->id;
    }
  g_assert_not_reached ();
}

static void
on_changed (SfStore        *store,
            const SfChange *change,
            Fixture        *f)
{
  f->changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) roster = sf_test_bytes ("team;omraade;team-norm;initialer;navn;timer;startdato\n"
                                            "Familie;boern-familie;20;MHJ;Mette Hjort;37;2015-01-01\n"
                                            "Familie;boern-familie;20;LK;Lars Krog;37;2016-01-01\n");
  g_auto(SfImportResult) result = { 0 };

  sf_test_store_set_up (&f->db, data);
  f->store = f->db.store;
  g_assert_true (sf_import_roster (f->store, roster, &result, &error));
  g_assert_no_error (error);
  f->mhj = worker_id (f->store, "MHJ");
  f->lk = worker_id (f->store, "LK");
  f->ref = sf_test_day ("2025-01-15");
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  f->store = NULL;
  sf_test_store_tear_down (&f->db, data);
}

static gint64
add_case (Fixture      *f,
          const char   *reference,
          SfComplexity  complexity,
          gint64        worker)
{
  g_autoptr(GError) error = NULL;
  SfCase kase = { .reference = (char *) reference, .complexity = complexity,
                  .start = sf_test_day ("2024-06-01"), .caseworker_id = worker };
  gint64 id = sf_cases_add (f->store, &kase, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static SfFigures *
figures (Fixture    *f,
         SfDataset **out_dataset)
{
  g_autoptr(GError) error = NULL;
  SfSettings settings;
  SfDataset *ds;

  g_assert_true (sf_store_load_settings (f->store, &settings, &error));
  ds = sf_store_load_dataset (f->store, &error);
  g_assert_no_error (error);
  *out_dataset = ds;
  return sf_figures_compute (ds, &settings, f->ref);
}

static double
load_of (Fixture *f,
         gint64   worker)
{
  g_autoptr(SfDataset) ds = NULL;
  g_autoptr(SfFigures) fig = figures (f, &ds);

  return sf_figures_find_worker (fig, worker)->weighted_load;
}

static void
test_add_and_refuse (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const refused[] = {
    "010190-1234",          /* ddmmyy-xxxx */
    "0101901234",           /* ten digits forming 1 January 1990 */
    "Sag 290200-1111",      /* 29 February 2000 inside other text */
    "",
    " 2024-17",             /* a space in front */
  };
  g_autoptr(GError) error = NULL;
  SfCase kase = { .complexity = SF_COMPLEXITY_KOMPLEKS, .caseworker_id = 0 };
  gint64 audits;

  add_case (f, "2024-0001", SF_COMPLEXITY_KOMPLEKS, f->mhj);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 1.0, EPS);
  g_assert_cmpuint (f->changed, ==, 1);

  audits = sf_store_count (f->store, "audit");
  kase.caseworker_id = f->mhj;
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      kase.reference = (char *) refused[i];
      g_assert_cmpint (sf_cases_add (f->store, &kase, &error), ==, 0);
      g_assert_nonnull (error);
      if (i < 3)
        {
          g_assert_error (error, SF_ERROR, SF_ERROR_PRIVACY);
          g_assert_nonnull (strstr (error->message, "CPR"));
        }
      else
        g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
      g_clear_error (&error);
    }

  /* Ten digits that are not a date are a case number, not a CPR number. */
  add_case (f, "3213001234", SF_COMPLEXITY_ENKEL, f->mhj);

  /* A duplicate, a missing caseworker, covering one's own case, closing before the start */
  kase.reference = (char *) "2024-0001";
  g_assert_cmpint (sf_cases_add (f->store, &kase, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  kase.reference = (char *) "2024-0002";
  kase.caseworker_id = 999;
  g_assert_cmpint (sf_cases_add (f->store, &kase, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  kase.caseworker_id = f->mhj;
  kase.cover_id = f->mhj;
  g_assert_cmpint (sf_cases_add (f->store, &kase, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  kase.cover_id = 0;
  kase.start = sf_test_day ("2024-05-01");
  kase.closed = sf_test_day ("2024-04-30");
  g_assert_cmpint (sf_cases_add (f->store, &kase, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Nothing refused was written: two cases, and one audit entry more */
  g_assert_cmpint (sf_store_count (f->store, "casefile"), ==, 2);
  g_assert_cmpint (sf_store_count (f->store, "audit"), ==, audits + 1);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 1.5, EPS);
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_case (f, "2024-0001", SF_COMPLEXITY_KOMPLEKS, f->mhj);
  gint64 other = add_case (f, "2024-0002", SF_COMPLEXITY_ENKEL, f->lk);
  g_autoptr(GArray) snap = sf_cases_snapshot (f->store, &id, 1, &error);
  SfCase *kase = &g_array_index (snap, SfCase, 0);
  SfCase edited = *kase;

  g_assert_no_error (error);
  g_assert_cmpstr (kase->reference, ==, "2024-0001");
  /* The case took its caseworker's team's area */
  g_assert_cmpint (kase->area_id, !=, 0);

  edited.complexity = SF_COMPLEXITY_SAERLIGT_KOMPLICERET;
  edited.reference = (char *) "2024-0001-B";
  g_assert_true (sf_cases_update (f->store, &edited, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 2.0, EPS);
  /* The rules below, not the version read before that edit */
  edited.version = 0;

  /* Taking another case's number is refused */
  edited.reference = (char *) "2024-0002";
  g_assert_false (sf_cases_update (f->store, &edited, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  edited.reference = (char *) "111111-1118";
  g_assert_false (sf_cases_update (f->store, &edited, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_PRIVACY);
  g_clear_error (&error);

  /* Undo writes the snapshot back */
  g_assert_true (sf_cases_restore (f->store, snap, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 1.0, EPS);

  /* Deleting (the undo of an addition) */
  g_assert_true (sf_cases_delete (f->store, &other, 1, &error));
  g_assert_cmpint (sf_store_count (f->store, "casefile"), ==, 1);
  g_assert_false (sf_cases_delete (f->store, &other, 1, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
}

/* MHJ: two kompleks (2.0), one særligt kompliceret (2.0), one enkel (0.5):
 * 4.5, utilisation 4.5 / 20 = 0.225.  Moving the særligt kompliceret and the
 * enkel case to LK leaves MHJ 2.0 (0.10) and gives LK 2.5 (0.125). */
static void
test_reassign_with_preview (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) ds = NULL;
  g_autoptr(SfFigures) fig = NULL;
  g_autoptr(GArray) effects = NULL;
  g_autoptr(GArray) snap = NULL;
  SfSettings settings;
  gint64 ids[2];
  const SfCaseEffect *e;

  add_case (f, "A-1", SF_COMPLEXITY_KOMPLEKS, f->mhj);
  add_case (f, "A-2", SF_COMPLEXITY_KOMPLEKS, f->mhj);
  ids[0] = add_case (f, "A-3", SF_COMPLEXITY_SAERLIGT_KOMPLICERET, f->mhj);
  ids[1] = add_case (f, "A-4", SF_COMPLEXITY_ENKEL, f->mhj);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 4.5, EPS);

  fig = figures (f, &ds);
  g_assert_true (sf_store_load_settings (f->store, &settings, &error));
  effects = sf_cases_preview_reassign (ds, &settings, f->ref, ids, 2, f->lk);
  g_assert_cmpuint (effects->len, ==, 2);
  e = &g_array_index (effects, SfCaseEffect, 0);
  g_assert_cmpint (e->caseworker_id, ==, f->mhj);
  g_assert_cmpuint (e->open_before, ==, 4);
  g_assert_cmpuint (e->open_after, ==, 2);
  g_assert_cmpfloat_with_epsilon (e->load_before, 4.5, EPS);
  g_assert_cmpfloat_with_epsilon (e->load_after, 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (e->utilisation_before, 0.225, EPS);
  g_assert_cmpfloat_with_epsilon (e->utilisation_after, 0.10, EPS);
  e = &g_array_index (effects, SfCaseEffect, 1);
  g_assert_cmpint (e->caseworker_id, ==, f->lk);
  g_assert_cmpfloat_with_epsilon (e->load_before, 0, EPS);
  g_assert_cmpfloat_with_epsilon (e->load_after, 2.5, EPS);
  g_assert_cmpfloat_with_epsilon (e->utilisation_after, 0.125, EPS);

  /* The preview changed nothing */
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 4.5, EPS);

  snap = sf_cases_snapshot (f->store, ids, 2, &error);
  g_assert_true (sf_cases_reassign (f->store, ids, 2, f->lk, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->lk), 2.5, EPS);

  /* A missing target or case changes nothing */
  g_assert_false (sf_cases_reassign (f->store, ids, 2, 999, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sf_cases_reassign (f->store, (gint64[]) { ids[0], 999 }, 2, f->mhj, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->lk), 2.5, EPS);

  g_assert_true (sf_cases_restore (f->store, snap, &error));
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 4.5, EPS);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->lk), 0, EPS);
}

static void
test_cover_and_close (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[2];

  ids[0] = add_case (f, "B-1", SF_COMPLEXITY_KOMPLEKS, f->mhj);
  ids[1] = add_case (f, "B-2", SF_COMPLEXITY_SAERLIGT_KOMPLICERET, f->mhj);

  /* LK covers both: the load moves to the covering colleague */
  g_assert_true (sf_cases_set_cover (f->store, ids, 2, f->lk, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 0, EPS);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->lk), 3.0, EPS);

  /* MHJ cannot cover MHJ's own cases */
  g_assert_false (sf_cases_set_cover (f->store, ids, 2, f->mhj, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Reassigning to the cover ends the cover */
  g_assert_true (sf_cases_reassign (f->store, &ids[0], 1, f->lk, &error));
  g_assert_cmpfloat_with_epsilon (load_of (f, f->lk), 3.0, EPS);
  {
    g_autoptr(GArray) snap = sf_cases_snapshot (f->store, &ids[0], 1, &error);

    g_assert_cmpint (g_array_index (snap, SfCase, 0).cover_id, ==, 0);
    g_assert_cmpint (g_array_index (snap, SfCase, 0).caseworker_id, ==, f->lk);
  }

  /* Clearing the cover of B-2 gives its load back to MHJ */
  g_assert_true (sf_cases_set_cover (f->store, &ids[1], 1, 0, &error));
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 2.0, EPS);

  /* Closing before the start is refused for all; on the reference day the case is no longer open */
  g_assert_false (sf_cases_close (f->store, ids, 2, sf_test_day ("2024-05-31"), &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->lk), 1.0, EPS);
  g_assert_true (sf_cases_close (f->store, ids, 2, f->ref, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->lk), 0, EPS);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 0, EPS);
}

/* "MHJ has 12 kompleks, 5 enkel, 3 særligt kompliceret": 20 cases,
 * 5 × 0.5 + 12 × 1 + 3 × 2 = 20.5, utilisation 20.5 / 20 = 1.025: over. */
static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(SfCountsResult) result = { 0 };
  g_autoptr(SfDataset) ds = NULL;
  g_autoptr(SfFigures) fig = NULL;
  guint counts[SF_N_COMPLEXITIES] = { 5, 12, 3 };
  guint open[SF_N_COMPLEXITIES];
  const SfWorkerFigures *w;

  add_case (f, "REAL-1", SF_COMPLEXITY_KOMPLEKS, f->mhj);

  g_assert_true (sf_cases_set_counts (f->store, f->mhj, counts, f->ref, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added_ids->len, ==, 20);
  g_assert_cmpuint (result.added[SF_COMPLEXITY_KOMPLEKS], ==, 12);

  fig = figures (f, &ds);
  w = sf_figures_find_worker (fig, f->mhj);
  g_assert_cmpuint (w->open_cases, ==, 21);
  g_assert_cmpfloat_with_epsilon (w->weighted_load, 21.5, EPS);
  g_assert_cmpint (w->status, ==, SF_STATUS_OVER);
  for (guint i = 0; i < ds->cases->len; i++)
    {
      const SfCase *c = &g_array_index (ds->cases, SfCase, i);

      g_assert_false (sf_privacy_looks_like_cpr (c->reference));
      if (c->id != 1)
        g_assert_true (g_str_has_prefix (c->reference, "OPT-MHJ-"));
    }

  /* Entering 10 kompleks instead closes the two newest counted kompleks
   * cases and leaves the real case alone. */
  sf_counts_result_clear (&result);
  counts[SF_COMPLEXITY_KOMPLEKS] = 10;
  g_assert_true (sf_cases_set_counts (f->store, f->mhj, counts, f->ref, &result, &error));
  g_assert_cmpuint (result.added_ids->len, ==, 0);
  g_assert_cmpuint (result.closed_ids->len, ==, 2);
  g_assert_cmpuint (result.closed[SF_COMPLEXITY_KOMPLEKS], ==, 2);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 19.5, EPS);
  g_assert_true (sf_cases_count_open_counted (f->store, f->mhj, f->ref, open, &error));
  g_assert_cmpuint (open[SF_COMPLEXITY_ENKEL], ==, 5);
  g_assert_cmpuint (open[SF_COMPLEXITY_KOMPLEKS], ==, 10);
  g_assert_cmpuint (open[SF_COMPLEXITY_SAERLIGT_KOMPLICERET], ==, 3);

  /* Raising the count again makes new references, never reusing a closed one */
  sf_counts_result_clear (&result);
  counts[SF_COMPLEXITY_KOMPLEKS] = 11;
  g_assert_true (sf_cases_set_counts (f->store, f->mhj, counts, f->ref, &result, &error));
  g_assert_cmpuint (result.added_ids->len, ==, 1);
  g_assert_cmpint (sf_store_count (f->store, "casefile"), ==, 22);

  /* An absurd count is refused and writes nothing */
  sf_counts_result_clear (&result);
  counts[SF_COMPLEXITY_ENKEL] = 100000;
  g_assert_false (sf_cases_set_counts (f->store, f->mhj, counts, f->ref, &result, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_cmpint (sf_store_count (f->store, "casefile"), ==, 22);
}

/* Raising the weight of kompleks to 1.5 recomputes at once: MHJ's 2
 * kompleks + 1 enkel go from 2.5 to 3.5; a new-hire factor of 0.5 on a
 * person who started 2024-12-01 halves the norm 20 → 10. */
static void
test_settings_recompute (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint before;

  add_case (f, "C-1", SF_COMPLEXITY_KOMPLEKS, f->mhj);
  add_case (f, "C-2", SF_COMPLEXITY_KOMPLEKS, f->mhj);
  add_case (f, "C-3", SF_COMPLEXITY_ENKEL, f->mhj);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 2.5, EPS);

  before = f->changed;
  g_assert_true (sf_store_set_setting (f->store, "weight-kompleks", "1,5", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed, ==, before + 1);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 3.5, EPS);

  g_assert_false (sf_store_set_setting (f->store, "weight-kompleks", "-1", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 3.5, EPS);
}

/* The team norm: 20 of its own → utilisation 3.5 / 20; 14 → 3.5 / 14 =
 * 0.25; cleared, the upper end of the DS range for boern-familie (30). */
static void
test_team_norm (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  gint64 team_id;

  add_case (f, "D-1", SF_COMPLEXITY_SAERLIGT_KOMPLICERET, f->mhj);
  add_case (f, "D-2", SF_COMPLEXITY_KOMPLEKS, f->mhj);
  add_case (f, "D-3", SF_COMPLEXITY_ENKEL, f->mhj);
  {
    g_autoptr(SfDataset) ds = NULL;
    g_autoptr(SfFigures) fig = figures (f, &ds);
    const SfWorkerFigures *w = sf_figures_find_worker (fig, f->mhj);

    g_assert_cmpfloat_with_epsilon (w->utilisation, 3.5 / 20, EPS);
    team_id = w->team->id;
    reference = sf_preferences_team_reference (sf_dataset_find_area (ds, w->team->area_id));
  }
  /* The DS figures shown beside the norm (C locale here) */
  g_assert_cmpstr (reference, ==, "DS range 20–30 · national average 2023: 31 · found appropriate: 24");

  g_assert_true (sf_preferences_set_team_norm (f->store, team_id, 14, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SfDataset) ds = NULL;
    g_autoptr(SfFigures) fig = figures (f, &ds);

    g_assert_cmpfloat_with_epsilon (sf_figures_find_worker (fig, f->mhj)->utilisation, 0.25, EPS);
    g_assert_cmpfloat_with_epsilon (sf_figures_find_team (fig, team_id)->fte_needed, 3.5 / 14, EPS);
  }
  g_assert_true (sf_preferences_set_team_norm (f->store, team_id, 0, &error));
  {
    g_autoptr(SfDataset) ds = NULL;
    g_autoptr(SfFigures) fig = figures (f, &ds);

    g_assert_cmpfloat_with_epsilon (sf_figures_find_worker (fig, f->mhj)->adjusted_norm, 30, EPS);
  }
  /* The team dialog's rule (sf_roster_check_cap()), up to SF_NORM_MAX */
  g_assert_true (sf_preferences_set_team_norm (f->store, team_id, SF_NORM_MAX, &error));
  g_assert_no_error (error);
  {
    const double refused[] = { -3, SF_NORM_MAX + 0.5, NAN };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_assert_false (sf_preferences_set_team_norm (f->store, team_id, refused[i], &error));
        g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
        g_assert_nonnull (strstr (error->message, "at most 1000 cases"));
        g_clear_error (&error);
      }
  }
  g_assert_true (sf_preferences_set_team_norm (f->store, team_id, 0, &error));
  g_assert_false (sf_preferences_set_team_norm (f->store, 999, 10, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
  g_assert_nonnull (sf_preferences_reference ("near-threshold"));
  for (const char * const *k = sf_settings_keys (); *k != NULL; k++)
    g_assert_nonnull (sf_preferences_reference (*k));
}

/* The overview for Danish spreadsheets.  Team norm 18: MHJ has 1 enkel,
 * 2 kompleks, 1 særligt kompliceret = 4.5, 4.5 / 18 = 25 %; the team has
 * 4 open cases on 2 FTE = 2.0 per FTE, below DS' 20–30; FTE needed
 * 4.5 / 18 = 0.25.  LK's name is a formula and must not stay one. */
static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) roster = sf_test_bytes ("team;initialer;navn\nFamilie;LK;=2+3\n");
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(SfDataset) ds = NULL;
  g_autoptr(SfFigures) fig = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *text = NULL;
  gsize len;

  g_assert_true (sf_import_roster (f->store, roster, &result, &error));
  g_assert_no_error (error);
  add_case (f, "E-1", SF_COMPLEXITY_ENKEL, f->mhj);
  add_case (f, "E-2", SF_COMPLEXITY_KOMPLEKS, f->mhj);
  add_case (f, "E-3", SF_COMPLEXITY_KOMPLEKS, f->mhj);
  add_case (f, "E-4", SF_COMPLEXITY_SAERLIGT_KOMPLICERET, f->mhj);
  fig = figures (f, &ds);
  g_assert_true (sf_preferences_set_team_norm (f->store, sf_figures_find_worker (fig, f->mhj)->team->id, 18, &error));
  g_clear_pointer (&fig, sf_figures_free);
  g_clear_pointer (&ds, sf_dataset_free);
  fig = figures (f, &ds);

  csv = sf_caseloads_render_csv (fig);
  text = g_strndup (g_bytes_get_data (csv, &len), g_bytes_get_size (csv));
  g_assert_cmpstr (text, ==,
                   "\xEF\xBB\xBF"
                   "Team;Area;Initials;Name;Simple;Complex;Especially complicated;Open cases;"
                   "Weighted caseload;Adjusted norm;Utilisation (%);Status\r\n"
                   "Familie;Børne- og familieområdet;LK;\"'=2+3\";0;0;0;0;0,00;18,00;0,0;Within norm\r\n"
                   "Familie;Børne- og familieområdet;MHJ;Mette Hjort;1;2;1;4;4,50;18,00;25,0;Within norm\r\n"
                   "\r\n"
                   "Team;Area;Caseworkers;Open cases;Uncovered cases;Weighted caseload;Capacity;"
                   "FTE available;FTE needed;Within norm (%);Cases per FTE;Range from;Range to;"
                   "Whose range;National average;Found appropriate;Against the range\r\n"
                   "Familie;Børne- og familieområdet;2;4;0;4,50;36,00;2,00;0,25;100,0;2,0;20;30;DS 2023;31;24;"
                   "Below the DS range\r\n");

  g_assert_cmpint (sf_caseloads_team_position (sf_figures_find_team (fig, sf_figures_find_worker (fig, f->mhj)->team->id)),
                   ==, SF_TEAM_POSITION_BELOW);
  {
    g_autofree char *zero = sf_caseloads_format_comma (-0.001, 1);
    g_autofree char *big = sf_caseloads_format_comma (1234.56, 1);

    g_assert_cmpstr (zero, ==, "0,0");
    g_assert_cmpstr (big, ==, "1234,6");
  }
}

/* Reopening a closed case counts it again; deleting is undone by restoring
 * the snapshot, which adds the case back under its own id, counted flag
 * and all. */
static void
test_reopen_and_undelete (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) snap = NULL;
  g_auto(SfCountsResult) counts = { 0 };
  guint wanted[SF_N_COMPLEXITIES] = { 0, 1, 0 };
  guint have[SF_N_COMPLEXITIES] = { 0 };
  gint64 ids[2];

  ids[0] = add_case (f, "C-1", SF_COMPLEXITY_KOMPLEKS, f->mhj);
  g_assert_true (sf_cases_set_counts (f->store, f->mhj, wanted, f->ref, &counts, &error));
  g_assert_no_error (error);
  ids[1] = g_array_index (counts.added_ids, gint64, 0);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 2.0, EPS);

  g_assert_true (sf_cases_close (f->store, ids, 1, f->ref, &error));
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 1.0, EPS);
  g_assert_true (sf_cases_reopen (f->store, ids, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 2.0, EPS);
  g_assert_cmpint (sf_store_count (f->store, "audit"), >, 0);
  g_assert_false (sf_cases_reopen (f->store, (gint64[]) { 999 }, 1, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  snap = sf_cases_snapshot (f->store, ids, 2, &error);
  g_assert_no_error (error);
  g_assert_false (g_array_index (snap, SfCase, 0).counted);
  g_assert_true (g_array_index (snap, SfCase, 1).counted);
  g_assert_true (sf_cases_delete (f->store, ids, 2, &error));
  g_assert_cmpint (sf_store_count (f->store, "casefile"), ==, 0);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 0, EPS);

  g_assert_true (sf_cases_restore (f->store, snap, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_store_count (f->store, "casefile"), ==, 2);
  g_assert_cmpfloat_with_epsilon (load_of (f, f->mhj), 2.0, EPS);
  /* The counted case is a counted case again: counts still see it */
  g_assert_true (sf_cases_count_open_counted (f->store, f->mhj, f->ref, have, &error));
  g_assert_cmpuint (have[SF_COMPLEXITY_KOMPLEKS], ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cases/add-and-refuse", test_add_and_refuse);
  ADD ("/cases/edit", test_edit);
  ADD ("/cases/reassign-with-preview", test_reassign_with_preview);
  ADD ("/cases/cover-and-close", test_cover_and_close);
  ADD ("/cases/reopen-and-undelete", test_reopen_and_undelete);
  ADD ("/cases/counts", test_counts);
  ADD ("/cases/settings-recompute", test_settings_recompute);
  ADD ("/cases/team-norm", test_team_norm);
  ADD ("/cases/export-csv", test_export_csv);
#undef ADD

  return g_test_run ();
}
