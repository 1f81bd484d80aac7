/* The application's context (sf-context.c): what it loads, the one signal
 * it emits for a reload and for an edit, the figures it keeps current and
 * the undo it offers.  No display: the context is GTK-free. */

#include "sf-core.h"
#include "sf-test-util.h"

typedef struct
{
  guint            n_changed;
  SfContextWhat    what;
  GArray          *caseworkers;   /* the last delta's, copied */
  GArray          *cases;
  guint            n_undos;
  SfUndo          *undo;
} Seen;

static void
on_changed_cb (SfContext              *context,
               const SfContextChanges *changes,
               Seen                   *seen)
{
  seen->n_changed++;
  seen->what = changes->what;
  g_clear_pointer (&seen->caseworkers, g_array_unref);
  g_clear_pointer (&seen->cases, g_array_unref);
  if (changes->delta != NULL)
    {
      seen->caseworkers = g_array_copy (changes->delta->caseworkers);
      seen->cases = g_array_copy (changes->delta->cases);
    }
}

static void
on_undo_offered_cb (SfContext *context,
                    SfUndo    *undo,
                    Seen      *seen)
{
  seen->n_undos++;
  g_clear_pointer (&seen->undo, sf_undo_unref);
  seen->undo = sf_undo_ref (undo);
}

static void
seen_clear (Seen *seen)
{
  g_clear_pointer (&seen->caseworkers, g_array_unref);
  g_clear_pointer (&seen->cases, g_array_unref);
  g_clear_pointer (&seen->undo, sf_undo_unref);
}

static SfContext *
new_context (SfTestStore *fixture,
             Seen        *seen)
{
  g_autoptr(GError) error = NULL;
  SfContext *context;

  g_assert_true (sf_demo_populate (fixture->store, sf_day_today (), &error));
  g_assert_no_error (error);
  context = sf_context_new (fixture->store);
  g_signal_connect (context, "changed", G_CALLBACK (on_changed_cb), seen);
  g_signal_connect (context, "undo-offered", G_CALLBACK (on_undo_offered_cb), seen);
  return context;
}

/* Nothing is loaded before the first reload; the reload is one signal
 * that says everything changed. */
static void
test_reload (SfTestStore   *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfContext) context = NULL;
  Seen seen = { 0 };

  context = new_context (fixture, &seen);
  g_assert_null (sf_context_get_dataset (context));
  g_assert_null (sf_context_get_figures (context));
  g_assert_true (sf_context_is_empty (context));

  g_assert_true (sf_context_reload (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.n_changed, ==, 1);
  g_assert_true (seen.what & SF_CONTEXT_EVERYTHING);
  g_assert_true (seen.what & SF_CONTEXT_ALERTS);
  g_assert_null (seen.caseworkers);
  g_assert_nonnull (sf_context_get_figures (context));
  g_assert_cmpuint (sf_context_get_figures (context)->ref, ==, sf_day_today ());
  g_assert_cmpuint (sf_context_get_dataset (context)->caseworkers->len, ==,
                    sf_test_query_int (fixture->store, "SELECT count(*) FROM caseworker"));
  g_assert_nonnull (sf_context_get_alerts (context));
  g_assert_false (sf_context_is_empty (context));

  /* Nobody else wrote: nothing to read again */
  g_assert_false (sf_context_check_for_changes (context));
  g_assert_cmpuint (seen.n_changed, ==, 1);

  g_signal_handlers_disconnect_by_data (context, &seen);
  g_assert_finalize_object (g_steal_pointer (&context));
  seen_clear (&seen);
}

/* The context's alerts, after an edit followed row by row, are those a
 * fresh evaluation of @fresh gives: the same, in the same order. */
static void
assert_alerts_as_fresh (SfStore         *store,
                        SfContext       *context,
                        const SfFigures *fresh)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = sf_alerts_evaluate_stored (store, fresh, &error);
  GPtrArray *kept = sf_context_get_alerts (context);

  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (kept->len, ==, expected->len);
  for (guint i = 0; i < kept->len; i++)
    {
      const SfAlert *a = g_ptr_array_index (kept, i);
      const SfAlert *b = g_ptr_array_index (expected, i);
      g_autofree char *id_a = sf_alert_identity (a);
      g_autofree char *id_b = sf_alert_identity (b);

      g_assert_cmpstr (id_a, ==, id_b);
      g_assert_cmpstr (a->message, ==, b->message);
    }
}

/* Closing a case is followed row by row: one signal, naming the case and
 * its caseworker, and the figures kept are those computed afresh. */
static void
test_edit (SfTestStore   *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfContext) context = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) fresh = NULL;
  const SfWorkerFigures *kept, *expected;
  SfSettings settings;
  Seen seen = { 0 };
  g_autofree char *sql = NULL;
  gint64 case_id, worker_id;
  double load_before;

  context = new_context (fixture, &seen);
  g_assert_true (sf_context_reload (context, &error));
  case_id = sf_test_query_int (fixture->store, "SELECT min(id) FROM casefile WHERE closed_date IS NULL");
  sql = g_strdup_printf ("SELECT caseworker_id FROM casefile WHERE id = %" G_GINT64_FORMAT, case_id);
  worker_id = sf_test_query_int (fixture->store, sql);
  g_assert_cmpint (case_id, >, 0);
  load_before = sf_figures_find_worker (sf_context_get_figures (context), worker_id)->weighted_load;

  seen.n_changed = 0;
  g_assert_true (sf_cases_close (fixture->store, &case_id, 1, sf_day_today (), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.n_changed, ==, 1);
  g_assert_false (seen.what & SF_CONTEXT_EVERYTHING);
  g_assert_true (seen.what & SF_CONTEXT_FIGURES);
  g_assert_true (seen.what & SF_CONTEXT_ALERTS);
  g_assert_nonnull (seen.caseworkers);
  g_assert_true (sf_ids_contain (seen.caseworkers, worker_id));
  g_assert_true (sf_ids_contain (seen.cases, case_id));

  /* What loading and computing afresh gives */
  sf_settings_init_defaults (&settings);
  g_assert_true (sf_store_load_settings (fixture->store, &settings, &error));
  dataset = sf_store_load_dataset (fixture->store, &error);
  g_assert_nonnull (dataset);
  fresh = sf_figures_compute (dataset, &settings, sf_day_today ());
  kept = sf_figures_find_worker (sf_context_get_figures (context), worker_id);
  expected = sf_figures_find_worker (fresh, worker_id);
  g_assert_cmpfloat (kept->weighted_load, <, load_before);
  g_assert_cmpfloat (kept->weighted_load, ==, expected->weighted_load);
  g_assert_cmpuint (kept->open_cases, ==, expected->open_cases);
  g_assert_cmpfloat (kept->adjusted_norm, ==, expected->adjusted_norm);
  assert_alerts_as_fresh (fixture->store, context, fresh);

  /* Reopened: the alerts, in their order, as a fresh evaluation gives */
  g_assert_true (sf_cases_reopen (fixture->store, &case_id, 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&fresh, sf_figures_free);
  g_clear_pointer (&dataset, sf_dataset_free);
  dataset = sf_store_load_dataset (fixture->store, &error);
  fresh = sf_figures_compute (dataset, &settings, sf_day_today ());
  assert_alerts_as_fresh (fixture->store, context, fresh);

  g_signal_handlers_disconnect_by_data (context, &seen);
  g_assert_finalize_object (g_steal_pointer (&context));
  seen_clear (&seen);
}

static gboolean
reopen_case (SfStore  *store,
             gpointer  data,
             GError  **error)
{
  return sf_cases_reopen (store, data, 1, error);
}

/* An undo is offered through the context and runs once. */
static void
test_undo (SfTestStore   *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfContext) context = NULL;
  Seen seen = { 0 };
  gint64 case_id;
  g_autofree char *open_sql = NULL;

  context = new_context (fixture, &seen);
  g_assert_true (sf_context_reload (context, &error));
  case_id = sf_test_query_int (fixture->store, "SELECT min(id) FROM casefile WHERE closed_date IS NULL");
  open_sql = g_strdup_printf ("SELECT count(*) FROM casefile WHERE id = %" G_GINT64_FORMAT
                              " AND closed_date IS NULL", case_id);
  g_assert_true (sf_cases_close (fixture->store, &case_id, 1, sf_day_today (), &error));
  g_assert_cmpint (sf_test_query_int (fixture->store, open_sql), ==, 0);

  sf_context_offer_undo (context, "Closed case", reopen_case, g_memdup2 (&case_id, sizeof case_id), g_free);
  g_assert_cmpuint (seen.n_undos, ==, 1);
  g_assert_cmpstr (sf_undo_get_title (seen.undo), ==, "Closed case");

  seen.n_changed = 0;
  g_assert_true (sf_undo_run (seen.undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_test_query_int (fixture->store, open_sql), ==, 1);
  /* The undo's write came back through the context like any other */
  g_assert_cmpuint (seen.n_changed, ==, 1);

  /* Once only */
  g_assert_true (sf_undo_run (seen.undo, &error));
  g_assert_cmpuint (seen.n_changed, ==, 1);

  g_signal_handlers_disconnect_by_data (context, &seen);
  g_assert_finalize_object (g_steal_pointer (&context));
  seen_clear (&seen);
}

/* Saving, renaming and deleting a what-if scenario changes no figure: the
 * context reads nothing again and emits nothing, and keeps its data set. */
static void
test_scenario_writes (SfTestStore   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfContext) context = NULL;
  g_autoptr(SfScenario) scenario = NULL;
  const SfDataset *dataset;
  Seen seen = { 0 };
  gint64 id, copy;

  context = new_context (fixture, &seen);
  g_assert_true (sf_context_reload (context, &error));
  dataset = sf_context_get_dataset (context);
  seen.n_changed = 0;

  scenario = sf_scenario_parse ("{\"name\": \"Plan\", \"changes\": []}", -1, NULL, NULL, &error);
  g_assert_no_error (error);
  id = sf_scenario_store_save (fixture->store, 0, scenario, &error);
  g_assert_no_error (error);
  g_assert_true (sf_scenario_store_rename (fixture->store, id, "Plan B", &error));
  copy = sf_scenario_store_duplicate (fixture->store, id, "Plan C", &error);
  g_assert_cmpint (copy, !=, 0);
  g_assert_true (sf_scenario_store_delete (fixture->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.n_changed, ==, 0);
  g_assert_true (sf_context_get_dataset (context) == dataset);

  g_signal_handlers_disconnect_by_data (context, &seen);
  g_assert_finalize_object (g_steal_pointer (&context));
  seen_clear (&seen);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/context/reload", SfTestStore, NULL, sf_test_store_set_up, test_reload, sf_test_store_tear_down);
  g_test_add ("/context/edit", SfTestStore, NULL, sf_test_store_set_up, test_edit, sf_test_store_tear_down);
  g_test_add ("/context/undo", SfTestStore, NULL, sf_test_store_set_up, test_undo, sf_test_store_tear_down);
  g_test_add ("/context/scenario-writes", SfTestStore, NULL, sf_test_store_set_up, test_scenario_writes,
              sf_test_store_tear_down);

  return g_test_run ();
}
