/* Keeping figures current as the store changes (sf-recompute.c): after every
 * edit of a long random sequence — cases added, edited, closed, reopened,
 * reassigned, covered, deleted, restored, entered as counts; caseworkers'
 * hours, absences, start dates, factors, reductions and teams changed —
 * the dataset and figures kept current row by row must be exactly what
 * loading everything and computing it afresh gives, to the last bit, and
 * every caseworker and team whose figures changed must be named in the
 * delta (the window updates only those rows).  The history recorded and
 * the alerts evaluated for the delta's people and teams alone must be what
 * recording and evaluating everyone gives.
 *
 * Weights of 0.7 / 1.3 / 2.1 make the sums depend on the order they are
 * added in, so a different order would show. */

#include <math.h>

#include "sf-core.h"
#include "sf-test-util.h"

#define N_STEPS 400

typedef struct
{
  SfStore   *store;
  SfSettings settings;
  SfDay      today;
  SfDataset *dataset;
  SfFigures *figures;
  GPtrArray *alerts;            /* kept current as the window keeps them */
  GRand     *rand;
  guint      applied;           /* changes followed row by row */
  guint      reloaded;          /* changes that needed a full reload */
  guint      failures;
} Fixture;

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static gboolean
same_worker (const SfWorkerFigures *a,
             const SfWorkerFigures *b)
{
  return a->worker->id == b->worker->id &&
         (a->team ? a->team->id : 0) == (b->team ? b->team->id : 0) &&
         a->open_cases == b->open_cases &&
         memcmp (a->cases_by_complexity, b->cases_by_complexity, sizeof a->cases_by_complexity) == 0 &&
         a->covering_cases == b->covering_cases &&
         a->primary_cases == b->primary_cases &&
         a->uncovered_cases == b->uncovered_cases &&
         same_number (a->uncovered_load, b->uncovered_load) &&
         same_number (a->weighted_load, b->weighted_load) &&
         same_number (a->reduction_hours, b->reduction_hours) &&
         a->absent == b->absent && a->started == b->started && a->new_hire == b->new_hire &&
         same_number (a->availability, b->availability) &&
         same_number (a->experience, b->experience) &&
         same_number (a->individual_factor, b->individual_factor) &&
         same_number (a->base_norm, b->base_norm) &&
         same_number (a->adjusted_norm, b->adjusted_norm) &&
         same_number (a->utilisation, b->utilisation) &&
         a->status == b->status;
}

static gboolean
same_team (const SfTeamFigures *a,
           const SfTeamFigures *b)
{
  return a->team->id == b->team->id &&
         a->members == b->members &&
         same_number (a->base_norm, b->base_norm) &&
         same_number (a->availability_sum, b->availability_sum) &&
         same_number (a->fte_available, b->fte_available) &&
         same_number (a->fte_needed, b->fte_needed) &&
         same_number (a->capacity, b->capacity) &&
         same_number (a->load, b->load) &&
         a->open_cases == b->open_cases &&
         a->uncovered_cases == b->uncovered_cases &&
         same_number (a->uncovered_load, b->uncovered_load) &&
         a->members_with_capacity == b->members_with_capacity &&
         a->members_within == b->members_within &&
         same_number (a->compliance, b->compliance) &&
         same_number (a->cases_per_fte, b->cases_per_fte) &&
         a->n_over == b->n_over && a->n_near == b->n_near;
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
reload (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&fx->figures, sf_figures_free);
  g_clear_pointer (&fx->dataset, sf_dataset_free);
  fx->dataset = sf_store_load_dataset (fx->store, &error);
  g_assert_no_error (error);
  fx->figures = sf_figures_compute (fx->dataset, &fx->settings, fx->today);
  g_assert_true (sf_figure_history_record (fx->store, fx->figures, &error));
  g_clear_pointer (&fx->alerts, g_ptr_array_unref);
  fx->alerts = sf_alerts_evaluate_stored (fx->store, fx->figures, &error);
  g_assert_no_error (error);
}

static gboolean
same_alert (const SfAlert *a,
            const SfAlert *b)
{
  g_autofree char *ia = sf_alert_identity (a);
  g_autofree char *ib = sf_alert_identity (b);

  return g_str_equal (ia, ib) && a->severity == b->severity &&
         g_str_equal (a->subject, b->subject) && g_str_equal (a->team_name, b->team_name) &&
         same_number (a->value, b->value) && same_number (a->limit, b->limit) &&
         same_number (a->excess, b->excess) &&
         g_str_equal (a->message, b->message) && g_str_equal (a->resolution, b->resolution) &&
         a->since == b->since && a->acknowledged == b->acknowledged &&
         g_strcmp0 (a->ack_note, b->ack_note) == 0 && a->ack_expires == b->ack_expires;
}

/* The history and alerts of the delta's people and teams alone, as the
 * window keeps them: what recording and evaluating everyone gives */
static void
check_history_and_alerts (Fixture       *fx,
                          const SfDelta *delta)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  gint64 written;

  g_assert_true (sf_figure_history_record_some (fx->store, fx->figures, delta->caseworkers, delta->teams, &error));
  g_assert_no_error (error);
  written = sf_test_query_int (fx->store, "SELECT total_changes ()");
  g_assert_true (sf_figure_history_record (fx->store, fx->figures, &error));
  if (sf_test_query_int (fx->store, "SELECT total_changes ()") != written)
    {
      g_test_message ("recording everyone's history wrote rows the delta's did not");
      fx->failures++;
    }

  alerts = sf_alerts_evaluate_stored_some (fx->store, fx->figures, fx->alerts, delta->caseworkers,
                                           delta->teams, &error);
  g_assert_no_error (error);
  expected = sf_alerts_evaluate_stored (fx->store, fx->figures, &error);
  g_assert_no_error (error);
  if (alerts->len != expected->len)
    {
      g_test_message ("%u alerts, expected %u", alerts->len, expected->len);
      fx->failures++;
    }
  for (guint i = 0; i < MIN (alerts->len, expected->len); i++)
    if (!same_alert (g_ptr_array_index (alerts, i), g_ptr_array_index (expected, i)))
      {
        g_autofree char *identity = sf_alert_identity (g_ptr_array_index (expected, i));

        g_test_message ("alert %u differs, expected %s", i, identity);
        fx->failures++;
        break;
      }
  g_ptr_array_unref (fx->alerts);
  fx->alerts = g_steal_pointer (&alerts);
}

/* What the window does on SfStore::changed, checked as it goes */
static void
on_changed_cb (SfStore        *store,
               const SfChange *change,
               Fixture        *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = g_array_copy (fx->figures->workers);
  g_autoptr(GArray) teams_before = g_array_copy (fx->figures->teams);
  g_autoptr(SfDataset) fresh = NULL;
  g_autoptr(SfFigures) expected = NULL;
  SfDelta delta;

  sf_delta_init (&delta);
  if (!sf_recompute_apply (store, fx->dataset, fx->figures, change, &delta, &error))
    {
      g_assert_no_error (error);
      fx->reloaded++;
      reload (fx);
      sf_delta_clear (&delta);
      return;
    }
  fx->applied++;

  fresh = sf_store_load_dataset (store, &error);
  g_assert_no_error (error);
  expected = sf_figures_compute (fresh, &fx->settings, fx->today);

  /* The dataset kept current is the one in the database */
  g_assert_cmpuint (fx->dataset->cases->len, ==, fresh->cases->len);
  for (guint i = 0; i < fresh->cases->len; i++)
    {
      const SfCase *a = &g_array_index (fx->dataset->cases, SfCase, i);
      const SfCase *b = &g_array_index (fresh->cases, SfCase, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpstr (a->reference, ==, b->reference);
      g_assert_true (a->area_id == b->area_id && a->complexity == b->complexity &&
                     a->start == b->start && a->closed == b->closed &&
                     a->caseworker_id == b->caseworker_id && a->cover_id == b->cover_id);
    }
  g_assert_cmpuint (fx->dataset->reductions->len, ==, fresh->reductions->len);
  for (guint i = 0; i < fresh->reductions->len; i++)
    {
      const SfReduction *a = &g_array_index (fx->dataset->reductions, SfReduction, i);
      const SfReduction *b = &g_array_index (fresh->reductions, SfReduction, i);

      g_assert_true (a->id == b->id && a->caseworker_id == b->caseworker_id && a->hours == b->hours &&
                     a->reason == b->reason && a->from == b->from && a->to == b->to);
      g_assert_cmpstr (a->note, ==, b->note);
    }
  g_assert_cmpuint (fx->dataset->caseworkers->len, ==, fresh->caseworkers->len);
  for (guint i = 0; i < fresh->caseworkers->len; i++)
    {
      const SfCaseworker *a = &g_array_index (fx->dataset->caseworkers, SfCaseworker, i);
      const SfCaseworker *b = &g_array_index (fresh->caseworkers, SfCaseworker, i);

      g_assert_true (a->id == b->id && a->team_id == b->team_id && a->weekly_hours == b->weekly_hours &&
                     a->start == b->start && a->absence_from == b->absence_from &&
                     a->absence_to == b->absence_to && a->individual_factor == b->individual_factor);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->absence_kind, ==, b->absence_kind);
    }

  /* The figures are a fresh compute's, and every one that changed is named */
  for (guint i = 0; i < expected->workers->len; i++)
    {
      const SfWorkerFigures *now = &g_array_index (fx->figures->workers, SfWorkerFigures, i);
      const SfWorkerFigures *was = &g_array_index (before, SfWorkerFigures, i);

      if (!same_worker (now, &g_array_index (expected->workers, SfWorkerFigures, i)))
        {
          g_test_message ("caseworker %s: load %.17g, expected %.17g", now->worker->initials,
                          now->weighted_load,
                          g_array_index (expected->workers, SfWorkerFigures, i).weighted_load);
          fx->failures++;
        }
      if (!same_worker (now, was) && !contains (delta.caseworkers, now->worker->id))
        {
          g_test_message ("caseworker %s changed but is not in the delta", now->worker->initials);
          fx->failures++;
        }
    }
  for (guint i = 0; i < expected->teams->len; i++)
    {
      const SfTeamFigures *now = &g_array_index (fx->figures->teams, SfTeamFigures, i);

      if (!same_team (now, &g_array_index (expected->teams, SfTeamFigures, i)))
        {
          g_test_message ("team %s differs from a fresh compute", now->team->name);
          fx->failures++;
        }
      if (!same_team (now, &g_array_index (teams_before, SfTeamFigures, i)) &&
          !contains (delta.teams, now->team->id))
        {
          g_test_message ("team %s changed but is not in the delta", now->team->name);
          fx->failures++;
        }
    }
  for (guint i = 0; i < change->cases->len; i++)
    g_assert_true (contains (delta.cases, g_array_index (change->cases, gint64, i)));
  check_history_and_alerts (fx, &delta);
  sf_delta_clear (&delta);
}

static gint64
random_worker (Fixture *fx)
{
  const GArray *workers = fx->dataset->caseworkers;

  return g_array_index (workers, SfCaseworker, g_rand_int_range (fx->rand, 0, workers->len)).id;
}

static const SfCase *
random_case (Fixture *fx)
{
  const GArray *cases = fx->dataset->cases;

  if (cases->len == 0)
    return NULL;
  return &g_array_index (cases, SfCase, g_rand_int_range (fx->rand, 0, cases->len));
}

static SfDay
random_day (Fixture *fx)
{
  /* Around today, sometimes exactly on it or six months back */
  switch (g_rand_int_range (fx->rand, 0, 6))
    {
    case 0:
      return fx->today;
    case 1:
      return sf_test_day ("2025-09-30");     /* six calendar months back */
    case 2:
      return SF_DAY_NONE;
    default:
      return fx->today + g_rand_int_range (fx->rand, -400, 60);
    }
}

static gint64
random_cover (Fixture *fx,
              gint64   primary)
{
  gint64 cover = random_worker (fx);

  return g_rand_boolean (fx->rand) || cover == primary ? 0 : cover;
}

static void
random_ids (Fixture *fx,
            GArray  *ids)
{
  guint n = g_rand_int_range (fx->rand, 1, 6);

  for (guint i = 0; i < n; i++)
    {
      const SfCase *kase = random_case (fx);

      if (kase != NULL && !contains (ids, kase->id))
        g_array_append_val (ids, kase->id);
    }
}

static void
edit_caseworker (Fixture *fx)
{
  const SfCaseworker *worker = sf_dataset_find_caseworker (fx->dataset, random_worker (fx));
  SfCaseworker edited = *worker;
  g_autoptr(GArray) reductions = g_array_new (FALSE, TRUE, sizeof (SfReduction));
  g_autoptr(GError) error = NULL;
  guint n;

  switch (g_rand_int_range (fx->rand, 0, 6))
    {
    case 0:
      edited.weekly_hours = g_rand_int_range (fx->rand, 15, 38);
      break;
    case 1:
      edited.absence_kind = g_rand_boolean (fx->rand) ? "sygdom" : NULL;
      edited.absence_from = edited.absence_kind ? random_day (fx) : SF_DAY_NONE;
      edited.absence_to = edited.absence_kind && g_rand_boolean (fx->rand) ? fx->today + 30 : SF_DAY_NONE;
      break;
    case 2:
      edited.start = random_day (fx);
      break;
    case 3:
      edited.individual_factor = g_rand_boolean (fx->rand) ? 0.8 : 1.0;
      edited.factor_reason = edited.individual_factor < 1 ? "Aftalt nedsat" : NULL;
      break;
    case 4:
      edited.team_id = g_array_index (fx->dataset->teams, SfTeam,
                                      g_rand_int_range (fx->rand, 0, fx->dataset->teams->len)).id;
      break;
    default:
      break;
    }
  /* Reductions: kept, or one to three new ones */
  n = g_rand_int_range (fx->rand, 0, 4);
  for (guint i = 0; i < n; i++)
    {
      SfReduction r = { 0 };

      r.hours = g_rand_int_range (fx->rand, 1, 4);
      r.reason = g_rand_int_range (fx->rand, 0, SF_N_REDUCTION_REASONS);
      r.from = g_rand_boolean (fx->rand) ? SF_DAY_NONE : fx->today - 10;
      r.to = SF_DAY_NONE;
      g_array_append_val (reductions, r);
    }
  if (n == 0)
    for (guint i = 0; i < fx->dataset->reductions->len; i++)
      if (g_array_index (fx->dataset->reductions, SfReduction, i).caseworker_id == worker->id)
        g_array_append_val (reductions, g_array_index (fx->dataset->reductions, SfReduction, i));
  sf_roster_save_caseworker (fx->store, &edited, (SfReduction *) reductions->data, reductions->len, &error);
  /* Some random edits are refused (too many reduction hours …): fine */
}

static void
step (Fixture *fx,
      guint    number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const SfCase *some = random_case (fx);
  SfCase kase = { 0 };
  g_autofree char *reference = NULL;

  switch (g_rand_int_range (fx->rand, 0, 11))
    {
    case 0:
    case 1:
      reference = g_strdup_printf ("L-%u", number);
      kase.reference = reference;
      kase.complexity = g_rand_int_range (fx->rand, 0, SF_N_COMPLEXITIES);
      kase.caseworker_id = random_worker (fx);
      kase.cover_id = random_cover (fx, kase.caseworker_id);
      kase.start = random_day (fx);
      kase.closed = g_rand_int_range (fx->rand, 0, 4) == 0 ? fx->today : SF_DAY_NONE;
      if (kase.start != SF_DAY_NONE && kase.closed != SF_DAY_NONE && kase.closed < kase.start)
        kase.closed = SF_DAY_NONE;
      sf_cases_add (fx->store, &kase, &error);
      break;
    case 2:
      if (some == NULL)
        break;
      kase = *some;
      reference = g_strdup (some->reference);
      kase.reference = reference;
      kase.complexity = g_rand_int_range (fx->rand, 0, SF_N_COMPLEXITIES);
      kase.cover_id = random_cover (fx, kase.caseworker_id);
      sf_cases_update (fx->store, &kase, &error);
      break;
    case 3:
      random_ids (fx, ids);
      sf_cases_close (fx->store, (gint64 *) ids->data, ids->len, fx->today - g_rand_int_range (fx->rand, 0, 2), &error);
      break;
    case 4:
      random_ids (fx, ids);
      sf_cases_reopen (fx->store, (gint64 *) ids->data, ids->len, &error);
      break;
    case 5:
      random_ids (fx, ids);
      sf_cases_reassign (fx->store, (gint64 *) ids->data, ids->len, random_worker (fx), &error);
      break;
    case 6:
      random_ids (fx, ids);
      sf_cases_set_cover (fx->store, (gint64 *) ids->data, ids->len, random_worker (fx), &error);
      break;
    case 7:
      {
        g_autoptr(GArray) snapshot = NULL;

        random_ids (fx, ids);
        snapshot = sf_cases_snapshot (fx->store, (gint64 *) ids->data, ids->len, &error);
        g_assert_no_error (error);
        if (sf_cases_delete (fx->store, (gint64 *) ids->data, ids->len, &error) && g_rand_boolean (fx->rand))
          sf_cases_restore (fx->store, snapshot, &error);
      }
      break;
    case 8:
      {
        guint counts[SF_N_COMPLEXITIES] = { g_rand_int_range (fx->rand, 0, 4), g_rand_int_range (fx->rand, 0, 4),
                                            g_rand_int_range (fx->rand, 0, 3) };
        SfCountsResult result = { 0 };

        sf_cases_set_counts (fx->store, random_worker (fx), counts, fx->today, &result, &error);
        sf_counts_result_clear (&result);
      }
      break;
    default:
      edit_caseworker (fx);
      break;
    }
}

static void
test_live_random (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "live.db", NULL);
  guint32 seed = g_test_rand_int ();
  Fixture fx = { 0 };

  g_test_message ("seed %u", seed);
  fx.rand = g_rand_new_with_seed (seed);
  fx.today = sf_test_day ("2026-03-31");
  fx.store = sf_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sf_demo_populate (fx.store, fx.today, &error));
  g_assert_no_error (error);
  g_assert_true (sf_store_set_setting (fx.store, "weight-enkel", "0.7", &error));
  g_assert_true (sf_store_set_setting (fx.store, "weight-kompleks", "1.3", &error));
  g_assert_true (sf_store_set_setting (fx.store, "weight-saerligt-kompliceret", "2.1", &error));
  g_assert_true (sf_store_load_settings (fx.store, &fx.settings, &error));
  reload (&fx);
  /* Some alerts acknowledged: whether each still holds is evaluated again
   * when its figure changes */
  for (guint i = 0; i < fx.alerts->len; i += 3)
    g_assert_true (sf_alert_acknowledge (fx.store, g_ptr_array_index (fx.alerts, i), "Noted",
                                         i % 2 ? SF_DAY_NONE : sf_test_day ("2026-04-30"), &error));
  g_assert_cmpuint (fx.alerts->len, >, 3);
  reload (&fx);
  g_signal_connect (fx.store, "changed", G_CALLBACK (on_changed_cb), &fx);

  for (guint i = 0; i < N_STEPS && fx.failures == 0; i++)
    step (&fx, i);

  g_test_message ("%u changes followed row by row, %u reloaded", fx.applied, fx.reloaded);
  g_assert_cmpuint (fx.failures, ==, 0);
  /* Edits of cases and of people are all followed row by row */
  g_assert_cmpuint (fx.reloaded, ==, 0);
  g_assert_cmpuint (fx.applied, >, N_STEPS / 2);

  g_signal_handlers_disconnect_by_data (fx.store, &fx);
  g_clear_pointer (&fx.alerts, g_ptr_array_unref);
  g_clear_pointer (&fx.figures, sf_figures_free);
  g_clear_pointer (&fx.dataset, sf_dataset_free);
  g_clear_object (&fx.store);
  g_rand_free (fx.rand);
}

typedef struct
{
  gboolean       everything;
  SfChangeTables tables;
  GArray        *cases;
} Seen;

static void
remember_cb (SfStore        *store,
             const SfChange *change,
             Seen           *seen)
{
  seen->everything = change->everything;
  seen->tables = change->tables;
  g_clear_pointer (&seen->cases, g_array_unref);
  seen->cases = g_array_copy (change->cases);
}

/* What a change says, and what the store's update hook cannot see makes
 * the change "everything" */
static void
test_live_change (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_test_store_open_memory (&error);
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfChange) change = sf_change_new ();
  SfDay today = sf_test_day ("2026-03-31");
  gint64 ids[2];
  Seen seen = { 0 };

  g_assert_no_error (error);
  g_assert_true (sf_demo_populate (store, today, &error));
  dataset = sf_store_load_dataset (store, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (remember_cb), &seen);

  /* Two cases closed: those two, listed once each, ascending */
  ids[0] = g_array_index (dataset->cases, SfCase, 3).id;
  ids[1] = g_array_index (dataset->cases, SfCase, 1).id;
  g_assert_true (sf_cases_close (store, ids, 2, today, &error));
  g_assert_false (seen.everything);
  g_assert_cmpuint (seen.tables, ==, SF_CHANGE_CASES | SF_CHANGE_LOG);
  g_assert_cmpuint (seen.cases->len, ==, 2);
  g_assert_cmpint (g_array_index (seen.cases, gint64, 0), ==, ids[1]);
  g_assert_cmpint (g_array_index (seen.cases, gint64, 1), ==, ids[0]);

  /* Settings are a table without rowids: the hook does not see them */
  g_assert_true (sf_store_set_setting (store, "weight-enkel", "0.6", &error));
  g_assert_true (seen.everything);

  /* The next change starts afresh; the history the window records after
   * each change (a table without rowids) does not make it "everything" */
  {
    g_autoptr(SfDataset) now = sf_store_load_dataset (store, &error);
    g_autoptr(SfFigures) figures = NULL;
    SfSettings settings;

    g_assert_true (sf_store_load_settings (store, &settings, &error));
    figures = sf_figures_compute (now, &settings, today);
    g_assert_true (sf_figure_history_record (store, figures, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sf_test_query_int (store, "SELECT count(*) FROM worker_history"), >, 0);
  }
  g_assert_true (sf_cases_reopen (store, ids, 1, &error));
  g_assert_false (seen.everything);
  g_assert_cmpuint (seen.cases->len, ==, 1);

  /* A write rolled back (a dry-run import, one refused half-way) is
   * forgotten: the next change names only its own rows, even when the
   * rolled-back one touched more rows than are worth listing */
  g_assert_true (sf_store_begin (store, &error));
  g_assert_true (sf_db_exec (sf_store_get_db (store), "UPDATE casefile SET start_date = start_date", &error));
  g_assert_true (sf_db_exec (sf_store_get_db (store), "UPDATE setting SET value = value", &error));
  sf_store_rollback (store);
  g_assert_true (sf_cases_close (store, ids, 1, today, &error));
  g_assert_false (seen.everything);
  g_assert_cmpuint (seen.tables, ==, SF_CHANGE_CASES | SF_CHANGE_LOG);
  g_assert_cmpuint (seen.cases->len, ==, 1);
  g_assert_cmpint (g_array_index (seen.cases, gint64, 0), ==, ids[0]);

  /* Another program's write */
  sf_store_emit_changed_elsewhere (store);
  g_assert_true (seen.everything);

  /* Nothing written: an empty change */
  sf_store_emit_changed (store);
  g_assert_false (seen.everything);
  g_assert_cmpuint (seen.tables, ==, 0);

  /* More rows than are worth listing */
  for (gint64 i = 1; i <= SF_CHANGE_MAX_ROWS + 1; i++)
    sf_change_add_row (change, "casefile", SF_DB_UPDATE, i);
  g_assert_true (change->everything);
  g_assert_cmpuint (change->cases->len, <=, SF_CHANGE_MAX_ROWS);

  g_clear_pointer (&seen.cases, g_array_unref);
}

/* A read that fails leaves the dataset and the figures as they were: the
 * case changed in the database is not half applied when its owner's
 * reductions cannot be read */
static void
test_live_read_fails (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_test_store_open_memory (&error);
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(SfChange) change = sf_change_new ();
  g_autoptr(GArray) workers_before = NULL;
  g_autofree char *sql = NULL;
  SfDay today = sf_test_day ("2026-03-31");
  SfSettings settings;
  SfDelta delta;
  const SfCase *kase;
  SfComplexity complexity;

  g_assert_no_error (error);
  g_assert_true (sf_demo_populate (store, today, &error));
  g_assert_true (sf_store_load_settings (store, &settings, &error));
  dataset = sf_store_load_dataset (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dataset->reductions->len, >, 0);
  figures = sf_figures_compute (dataset, &settings, today);
  workers_before = g_array_copy (figures->workers);
  kase = &g_array_index (dataset->cases, SfCase, 0);
  complexity = kase->complexity;

  /* Behind the store's back: a case made heavier, and the reductions gone */
  sql = g_strdup_printf ("UPDATE casefile SET complexity = '%s' WHERE id = %" G_GINT64_FORMAT,
                         complexity == SF_COMPLEXITY_ENKEL ? "kompleks" : "enkel", kase->id);
  g_assert_true (sf_db_exec (sf_store_get_db (store), sql, NULL));
  g_assert_true (sf_db_exec (sf_store_get_db (store), "ALTER TABLE reduction RENAME TO gone", NULL));
  sf_change_add_row (change, "casefile", SF_DB_UPDATE, kase->id);
  sf_change_add_row (change, "reduction", SF_DB_UPDATE, g_array_index (dataset->reductions, SfReduction, 0).id);
  sf_change_finish (change);

  sf_delta_init (&delta);
  g_assert_false (sf_recompute_apply (store, dataset, figures, change, &delta, &error));
  g_assert_nonnull (error);
  sf_delta_clear (&delta);
  g_assert_cmpint (g_array_index (dataset->cases, SfCase, 0).complexity, ==, complexity);
  for (guint i = 0; i < figures->workers->len; i++)
    g_assert_true (same_worker (&g_array_index (figures->workers, SfWorkerFigures, i),
                                &g_array_index (workers_before, SfWorkerFigures, i)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/live/random", test_live_random);
  g_test_add_func ("/live/change", test_live_change);
  g_test_add_func ("/live/read-fails", test_live_read_fails);

  return g_test_run ();
}
