/* Live updates between users of one server: the triggers' notifications
 * (sf-store-pg-schema.h, step 3), read from the connection's socket on the
 * main loop, applied by a second context through the same incremental path
 * as its own edits, and the sentence of its toast.  The payloads are
 * checked without a server; the rest skips without one. */

#include "config.h"

#include <string.h>

#include "sf-core.h"
#include "sf-remote-change.h"
#include "sf-test-util.h"

/* ---- payloads (no server) ---- */

static GPtrArray *
parse_all (const char *first,
           ...)
{
  GPtrArray *remotes = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_remote_change_free);
  va_list args;

  va_start (args, first);
  for (const char *payload = first; payload != NULL; payload = va_arg (args, const char *))
    {
      g_autoptr(GError) error = NULL;
      SfRemoteChange *remote = sf_remote_change_parse (payload, &error);

      g_assert_no_error (error);
      g_ptr_array_add (remotes, remote);
    }
  va_end (args);
  return remotes;
}

static SfDataset *
small_dataset (void)
{
  SfDataset *dataset = sf_dataset_new ();
  SfCaseworker worker = { .id = 7, .initials = g_strdup ("TL"), .name = g_strdup ("Trine Larsen"),
                          .team_id = 1, .weekly_hours = 37, .individual_factor = 1 };
  SfReduction reduction = { .id = 3, .caseworker_id = 7, .hours = 2 };
  SfCase kase = { .id = 40, .reference = g_strdup ("2026-0040"), .caseworker_id = 7 };

  g_array_append_val (dataset->caseworkers, worker);
  g_array_append_val (dataset->reductions, reduction);
  g_array_append_val (dataset->cases, kase);
  return dataset;
}

static void
assert_describes (const SfDataset *dataset,
                  const char      *expected,
                  const char      *first,
                  ...)
{
  g_autoptr(GPtrArray) remotes = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_remote_change_free);
  g_autofree char *description = NULL;
  va_list args;

  va_start (args, first);
  for (const char *payload = first; payload != NULL; payload = va_arg (args, const char *))
    {
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (remotes, sf_remote_change_parse (payload, &error));
      g_assert_no_error (error);
    }
  va_end (args);
  description = sf_remote_change_describe (remotes, dataset);
  g_assert_cmpstr (description, ==, expected);
}

/* What the triggers send becomes the change an own edit of the same rows
 * makes; a statement that names no rows is "everything" */
static void
test_payloads (void)
{
  g_autoptr(GPtrArray) remotes = NULL;
  g_autoptr(SfChange) change = sf_change_new ();
  g_autoptr(GError) error = NULL;
  const SfRemoteChange *remote;

  remotes = parse_all ("{\"op\": \"UPDATE\", \"ids\": [12, 3], \"who\": \"mkj\", \"table\": \"caseworker\","
                       " \"columns\": [\"weekly_hours\"]}",
                       "{\"op\": \"DELETE\", \"ids\": [5], \"who\": \"mkj\", \"table\": \"reduction\"}",
                       "{\"op\": \"INSERT\", \"ids\": [9], \"who\": \"mkj\", \"table\": \"reduction\"}",
                       "{\"op\": \"UPDATE\", \"ids\": [40], \"who\": \"mkj\", \"table\": \"casefile\","
                       " \"columns\": []}",
                       NULL);
  remote = g_ptr_array_index (remotes, 0);
  g_assert_cmpstr (remote->table, ==, "caseworker");
  g_assert_cmpstr (remote->who, ==, "mkj");
  g_assert_cmpint (remote->operation, ==, SF_DB_UPDATE);
  g_assert_cmpuint (remote->ids->len, ==, 2);
  g_assert_cmpint (g_array_index (remote->ids, gint64, 0), ==, 3);
  g_assert_cmpint (g_array_index (remote->ids, gint64, 1), ==, 12);
  g_assert_cmpstr (remote->columns[0], ==, "weekly_hours");
  g_assert_null (remote->columns[1]);

  for (guint i = 0; i < remotes->len; i++)
    sf_remote_change_add_to (g_ptr_array_index (remotes, i), change);
  sf_change_finish (change);
  g_assert_false (change->everything);
  g_assert_cmpint (change->tables, ==, SF_CHANGE_CASEWORKERS | SF_CHANGE_REDUCTIONS | SF_CHANGE_CASES);
  g_assert_cmpint (change->inserted, ==, SF_CHANGE_REDUCTIONS);
  g_assert_cmpint (change->deleted, ==, SF_CHANGE_REDUCTIONS);
  g_assert_cmpuint (change->caseworkers->len, ==, 2);
  g_assert_cmpuint (change->reductions->len, ==, 2);
  g_assert_cmpint (g_array_index (change->reductions, gint64, 0), ==, 5);
  g_assert_cmpint (g_array_index (change->reductions, gint64, 1), ==, 9);
  g_assert_cmpuint (change->cases->len, ==, 1);
  g_clear_pointer (&remotes, g_ptr_array_unref);

  /* An import: the table changed */
  sf_change_clear (change);
  remotes = parse_all ("{\"table\" : \"casefile\", \"op\" : \"INSERT\", \"who\" : \"hr\", \"all\" : true}", NULL);
  remote = g_ptr_array_index (remotes, 0);
  g_assert_null (remote->ids);
  sf_remote_change_add_to (remote, change);
  g_assert_true (change->everything);

  /* Not one of the triggers' */
  g_assert_null (sf_remote_change_parse ("hello", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_DATABASE);
  g_clear_error (&error);
  g_assert_null (sf_remote_change_parse ("{\"table\": \"casefile\", \"op\": \"TRUNCATE\", \"who\": \"x\"}", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_DATABASE);
}

/* The toast's sentence names the row as the dataset has it */
static void
test_descriptions (void)
{
  g_autoptr(SfDataset) dataset = small_dataset ();

  assert_describes (dataset, "mkj changed Trine Larsen’s hours",
                    "{\"op\": \"UPDATE\", \"ids\": [7], \"who\": \"mkj\", \"table\": \"caseworker\","
                    " \"columns\": [\"weekly_hours\"]}",
                    "{\"op\": \"DELETE\", \"ids\": [3], \"who\": \"mkj\", \"table\": \"reduction\"}",
                    NULL);
  assert_describes (dataset, "mkj changed Trine Larsen’s absence",
                    "{\"op\": \"UPDATE\", \"ids\": [7], \"who\": \"mkj\", \"table\": \"caseworker\","
                    " \"columns\": [\"absence_kind\", \"absence_from\"]}", NULL);
  assert_describes (dataset, "mkj changed Trine Larsen",
                    "{\"op\": \"UPDATE\", \"ids\": [7], \"who\": \"mkj\", \"table\": \"caseworker\","
                    " \"columns\": [\"absence_kind\", \"weekly_hours\"]}", NULL);
  assert_describes (dataset, "mkj changed Trine Larsen’s reductions",
                    "{\"op\": \"DELETE\", \"ids\": [3], \"who\": \"mkj\", \"table\": \"reduction\"}", NULL);
  assert_describes (dataset, "hr changed case 2026-0040",
                    "{\"op\": \"UPDATE\", \"ids\": [40], \"who\": \"hr\", \"table\": \"casefile\"}", NULL);
  assert_describes (dataset, "hr changed 2 cases",
                    "{\"op\": \"UPDATE\", \"ids\": [40, 41], \"who\": \"hr\", \"table\": \"casefile\"}", NULL);
  assert_describes (dataset, "hr changed the cases",
                    "{\"op\": \"INSERT\", \"all\": true, \"who\": \"hr\", \"table\": \"casefile\"}", NULL);
  assert_describes (dataset, "hr changed the settings",
                    "{\"op\": \"UPDATE\", \"all\": true, \"who\": \"hr\", \"table\": \"setting\"}", NULL);
}

/* ---- two users on one server ---- */

typedef struct
{
  char      *uri;
  SfStore   *store_a;     /* the other user */
  SfStore   *store_b;     /* this one, following the other's changes */
  SfContext *context_a;
  SfContext *context_b;
  char      *who;         /* session_user on the test server */

  /* what context B said */
  guint          n_changed;
  guint          n_reloads;
  SfContextWhat  what;
  SfChangeTables tables;
  GArray        *caseworkers;
  GArray        *cases;
  char          *description;
  guint          n_by_others;
  guint          n_by_others_a;
} Fixture;

static void
on_changed_cb (SfContext              *context,
               const SfContextChanges *changes,
               Fixture                *fx)
{
  fx->n_changed++;
  fx->what = changes->what;
  if (changes->what & SF_CONTEXT_EVERYTHING)
    fx->n_reloads++;
  fx->tables = changes->change != NULL ? changes->change->tables : 0;
  g_clear_pointer (&fx->caseworkers, g_array_unref);
  g_clear_pointer (&fx->cases, g_array_unref);
  if (changes->delta != NULL)
    {
      fx->caseworkers = g_array_copy (changes->delta->caseworkers);
      fx->cases = g_array_copy (changes->delta->cases);
    }
}

static void
on_changed_by_others_cb (SfContext  *context,
                         const char *description,
                         Fixture    *fx)
{
  fx->n_by_others++;
  g_free (fx->description);
  fx->description = g_strdup (description);
}

static void
on_a_changed_by_others_cb (SfContext  *context,
                           const char *description,
                           Fixture    *fx)
{
  fx->n_by_others_a++;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!sf_test_pg_available ())
    {
      g_test_skip ("no PostgreSQL server: SF_TEST_PG_URI is not set");
      return;
    }
  sf_test_pg_two_stores (&fx->uri, &fx->who, &fx->store_a, &fx->store_b);

  fx->context_a = sf_context_new (fx->store_a);
  g_assert_true (sf_context_reload (fx->context_a, &error));
  g_assert_true (sf_context_follow_others (fx->context_a, &error));
  g_assert_no_error (error);
  g_signal_connect (fx->context_a, "changed-by-others", G_CALLBACK (on_a_changed_by_others_cb), fx);

  fx->context_b = sf_context_new (fx->store_b);
  g_assert_true (sf_context_reload (fx->context_b, &error));
  g_assert_no_error (error);
  g_assert_true (sf_context_follow_others (fx->context_b, &error));
  g_assert_no_error (error);
  g_assert_true (sf_context_is_following_others (fx->context_b));
  g_signal_connect (fx->context_b, "changed", G_CALLBACK (on_changed_cb), fx);
  g_signal_connect (fx->context_b, "changed-by-others", G_CALLBACK (on_changed_by_others_cb), fx);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  if (fx->uri == NULL)
    return;
  g_assert_finalize_object (fx->context_a);
  g_assert_finalize_object (fx->context_b);
  g_assert_finalize_object (fx->store_a);
  g_assert_finalize_object (fx->store_b);
  g_clear_pointer (&fx->caseworkers, g_array_unref);
  g_clear_pointer (&fx->cases, g_array_unref);
  g_free (fx->description);
  g_free (fx->who);
  sf_test_pg_drop_database (fx->uri);
}

static gboolean
deadline_cb (gpointer user_data)
{
  gboolean *passed = user_data;

  *passed = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until context B says another user changed something
 * (the socket woke it); fails after a generous deadline.  Returns how long
 * it took, in microseconds. */
static gint64
wait_for_news (Fixture *fx,
               gint64   since)
{
  guint before = fx->n_by_others;
  gboolean passed = FALSE;
  guint deadline = g_timeout_add_seconds (20, deadline_cb, &passed);

  while (fx->n_by_others == before && !passed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (passed);
  g_source_remove (deadline);
  return g_get_monotonic_time () - since;
}

/* B's dataset and figures are those of a fresh load of the database */
static void
assert_figures_fresh (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) fresh_store = sf_store_open (fx->uri, &error);
  g_autoptr(SfDataset) fresh = NULL;
  g_autoptr(SfFigures) expected = NULL;
  const SfFigures *figures = sf_context_get_figures (fx->context_b);

  g_assert_no_error (error);
  fresh = sf_store_load_dataset (fresh_store, &error);
  g_assert_no_error (error);
  expected = sf_figures_compute (fresh, sf_context_get_settings (fx->context_b), figures->ref);

  g_assert_cmpuint (figures->workers->len, ==, expected->workers->len);
  for (guint i = 0; i < expected->workers->len; i++)
    {
      const SfWorkerFigures *a = &g_array_index (figures->workers, SfWorkerFigures, i);
      const SfWorkerFigures *b = &g_array_index (expected->workers, SfWorkerFigures, i);

      g_assert_cmpint (a->worker->id, ==, b->worker->id);
      g_assert_cmpfloat (a->worker->weekly_hours, ==, b->worker->weekly_hours);
      g_assert_cmpuint (a->open_cases, ==, b->open_cases);
      g_assert_cmpfloat_with_epsilon (a->weighted_load, b->weighted_load, 1e-9);
      g_assert_cmpfloat_with_epsilon (a->reduction_hours, b->reduction_hours, 1e-9);
      g_assert_cmpfloat_with_epsilon (a->adjusted_norm, b->adjusted_norm, 1e-9);
      g_assert_cmpint (a->status, ==, b->status);
    }
  g_assert_cmpuint (figures->teams->len, ==, expected->teams->len);
  for (guint i = 0; i < expected->teams->len; i++)
    {
      const SfTeamFigures *a = &g_array_index (figures->teams, SfTeamFigures, i);
      const SfTeamFigures *b = &g_array_index (expected->teams, SfTeamFigures, i);

      g_assert_cmpint (a->team->id, ==, b->team->id);
      g_assert_cmpuint (a->open_cases, ==, b->open_cases);
      g_assert_cmpfloat_with_epsilon (a->load, b->load, 1e-9);
      g_assert_cmpfloat_with_epsilon (a->capacity, b->capacity, 1e-9);
      g_assert_cmpuint (a->n_over, ==, b->n_over);
    }
  g_assert_cmpuint (sf_context_get_dataset (fx->context_b)->cases->len, ==, fresh->cases->len);
}

/* The other user changes a caseworker's hours: B hears of it on its main
 * loop, reads that caseworker again and computes only their figures (no
 * reload), and says who changed what */
static void
test_hours (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  const SfDataset *dataset;
  SfCaseworker worker;
  guint first, n;
  gint64 start, took;

  if (fx->uri == NULL)
    return;
  dataset = sf_context_get_dataset (fx->context_a);
  worker = g_array_index (dataset->caseworkers, SfCaseworker, 1);
  /* A reads the caseworker again after its own write: its strings go */
  expected = g_strdup_printf ("%s changed %s’s hours", fx->who, worker.name);
  g_assert_cmpfloat (worker.weekly_hours, !=, 25);
  worker.weekly_hours = 25;
  first = sf_dataset_find_reductions (dataset, worker.id, &n);

  g_assert_cmpint (sf_roster_save_caseworker (fx->store_a, &worker,
                                              &g_array_index (dataset->reductions, SfReduction, first),
                                              n, &error), ==, worker.id);
  g_assert_no_error (error);
  /* From A's commit (and A's own reload) to B's figures computed again */
  start = g_get_monotonic_time ();
  took = wait_for_news (fx, start);
  g_test_message ("notification latency: %.1f ms", took / 1000.0);
  if (g_getenv ("SF_TEST_VERBOSE") != NULL)
    g_printerr ("notification latency: %.1f ms\n", took / 1000.0);
  g_assert_cmpint (took, <, 2 * G_USEC_PER_SEC);

  /* Row by row, as after an own edit */
  g_assert_cmpuint (fx->n_by_others, ==, 1);
  g_assert_false (fx->what & SF_CONTEXT_EVERYTHING);
  g_assert_true (fx->what & SF_CONTEXT_FIGURES);
  g_assert_nonnull (fx->caseworkers);
  g_assert_true (sf_ids_contain (fx->caseworkers, worker.id));
  g_assert_cmpfloat (sf_dataset_find_caseworker (sf_context_get_dataset (fx->context_b), worker.id)->weekly_hours,
                     ==, 25);
  g_assert_cmpstr (fx->description, ==, expected);
  assert_figures_fresh (fx);

  /* A heard nothing of its own edit, and nothing waits */
  g_assert_false (sf_context_take_others_changes (fx->context_a));
  g_assert_cmpuint (fx->n_by_others_a, ==, 0);
  g_assert_false (sf_context_take_others_changes (fx->context_b));
}

/* A store that takes a new connection (the window's reconnect:
 * sf_store_adopt()) is followed on the new one: the old connection gone,
 * B still hears the other user's next edit */
static void
test_after_reconnect (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const SfDataset *dataset;
  SfCaseworker worker;
  guint first, n;

  if (fx->uri == NULL)
    return;

  {
    g_autoptr(SfStore) fresh = sf_store_open (fx->uri, &error);

    g_assert_no_error (error);
    sf_store_adopt (fx->store_b, fresh);
    g_assert_true (sf_context_follow_others (fx->context_b, &error));
    g_assert_no_error (error);
    /* fresh, holding B's old connection, closes it here */
  }
  g_assert_true (sf_context_is_following_others (fx->context_b));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  fx->n_by_others = 0;

  dataset = sf_context_get_dataset (fx->context_a);
  worker = g_array_index (dataset->caseworkers, SfCaseworker, 2);
  worker.weekly_hours = worker.weekly_hours == 30 ? 31 : 30;
  first = sf_dataset_find_reductions (dataset, worker.id, &n);
  g_assert_cmpint (sf_roster_save_caseworker (fx->store_a, &worker,
                                              &g_array_index (dataset->reductions, SfReduction, first),
                                              n, &error), ==, worker.id);
  g_assert_no_error (error);
  wait_for_news (fx, g_get_monotonic_time ());
  g_assert_cmpuint (fx->n_by_others, ==, 1);
  g_assert_cmpfloat (sf_dataset_find_caseworker (sf_context_get_dataset (fx->context_b), worker.id)->weekly_hours,
                     ==, worker.weekly_hours);
  assert_figures_fresh (fx);
}

/* Cases moved between caseworkers: both caseworkers' figures follow */
static void
test_cases (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  const SfDataset *dataset;
  const SfCase *kase;
  const SfCaseworker *to;
  gint64 id, to_id;

  if (fx->uri == NULL)
    return;
  dataset = sf_context_get_dataset (fx->context_a);
  kase = &g_array_index (dataset->cases, SfCase, 0);
  id = kase->id;
  to = &g_array_index (dataset->caseworkers, SfCaseworker, dataset->caseworkers->len - 1);
  to_id = to->id;
  g_assert_cmpint (to_id, !=, kase->caseworker_id);
  expected = g_strdup_printf ("%s changed case %s", fx->who, kase->reference);
  g_assert_true (sf_cases_reassign (fx->store_a, &id, 1, to_id, &error));
  g_assert_no_error (error);
  wait_for_news (fx, g_get_monotonic_time ());

  g_assert_false (fx->what & SF_CONTEXT_EVERYTHING);
  g_assert_true (sf_ids_contain (fx->cases, id));
  g_assert_true (sf_ids_contain (fx->caseworkers, to_id));
  g_assert_cmpstr (fx->description, ==, expected);
  assert_figures_fresh (fx);
}

/* A statement of more rows than a notification lists (an import) says
 * only that the table changed: B reads everything again */
static void
test_table_changed (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *count = NULL;

  if (fx->uri == NULL)
    return;
  g_assert_true (sf_db_exec (sf_store_get_db (fx->store_a),
                             "INSERT INTO casefile (reference, complexity, start_date, caseworker_id)"
                             " SELECT 'BULK-' || n, 'enkel', '2026-01-05', (SELECT min (id) FROM caseworker)"
                             "   FROM generate_series (1, 800) AS n",
                             &error));
  g_assert_no_error (error);
  wait_for_news (fx, g_get_monotonic_time ());

  g_assert_true (fx->what & SF_CONTEXT_EVERYTHING);
  expected = g_strdup_printf ("%s changed the cases", fx->who);
  g_assert_cmpstr (fx->description, ==, expected);
  count = sf_test_pg_query (fx->uri, "SELECT count (*) FROM casefile");
  g_assert_cmpuint (sf_context_get_dataset (fx->context_b)->cases->len, ==, g_ascii_strtoull (count, NULL, 10));
  assert_figures_fresh (fx);
}

/* A transaction of many one-row statements (an import on a server writes
 * row by row) sends a few dozen notifications, not one per row, and B
 * reads everything once */
static void
test_many_statements (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDb) listener = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(SfDbStmt) update = NULL;
  SfDb *db;
  guint changed_before;
  gboolean whole = FALSE;

  if (fx->uri == NULL)
    return;
  listener = sf_db_open (fx->uri, SF_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (sf_db_listen (listener, SF_REMOTE_CHANNEL, &error));
  g_assert_no_error (error);

  db = sf_store_get_db (fx->store_a);
  g_assert_true (sf_db_begin (db, &error));
  update = sf_db_prepare (db, "UPDATE casefile SET counted = 1 - counted WHERE id = ?1", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sf_context_get_dataset (fx->context_b)->cases->len; i++)
    {
      sf_db_stmt_reset (update);
      sf_db_stmt_bind_int64 (update, 1, g_array_index (sf_context_get_dataset (fx->context_b)->cases,
                                                        SfCase, i).id);
      g_assert_cmpint (sf_db_stmt_step (update), ==, SF_DB_DONE);
    }
  g_assert_true (sf_db_commit (db, &error));
  g_assert_no_error (error);

  changed_before = fx->n_changed;
  wait_for_news (fx, g_get_monotonic_time ());
  g_assert_cmpuint (fx->n_changed, ==, changed_before + 1);
  g_assert_true (fx->what & SF_CONTEXT_EVERYTHING);
  assert_figures_fresh (fx);

  /* The same notifications on a connection of its own: 50 that list
   * rows, then one that says the table changed */
  got = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_db_notification_free);
  while (!whole)
    {
      g_autoptr(GPtrArray) some = sf_db_take_notifications (listener, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < some->len; i++)
        {
          SfDbNotification *notification = g_ptr_array_index (some, i);

          whole = strstr (notification->payload, "\"all\"") != NULL;
          g_ptr_array_add (got, g_steal_pointer (&g_ptr_array_index (some, i)));
        }
      if (!whole)
        g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpuint (got->len, ==, 51);
}

/* Notifications that arrive with the answer to B's own query are not
 * left waiting for the socket: B takes them from an idle */
static void
test_during_query (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  const SfCaseworker *worker;

  if (fx->uri == NULL)
    return;
  worker = &g_array_index (sf_context_get_dataset (fx->context_b)->caseworkers, SfCaseworker, 0);
  sql = g_strdup_printf ("UPDATE caseworker SET end_date = '2030-01-31' WHERE id = %" G_GINT64_FORMAT,
                         worker->id);
  g_assert_true (sf_db_exec (sf_store_get_db (fx->store_a), sql, &error));
  g_assert_no_error (error);
  /* B runs a query before its main loop looks at the socket: the server
   * was told of A's commit before A's statement returned, and sends the
   * notification before the answer, so libpq reads both and the socket is
   * left empty */
  g_assert_true (sf_db_exec (sf_store_get_db (fx->store_b), "SELECT 1", &error));
  wait_for_news (fx, g_get_monotonic_time ());
  g_assert_true (g_str_has_suffix (fx->description, "’s end date"));
  assert_figures_fresh (fx);
}

/* B's own edits on the server take the incremental path, as on a file:
 * its transactions' notifications come back to it and name the rows, so
 * only those are read again and their figures computed again (no reload),
 * the change log is said to have changed, and B hears none of it as
 * another user's change */
static void
test_own_edits (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const SfDataset *dataset;
  SfCaseworker worker;
  const SfCase *kase;
  gint64 id, to_id;
  guint first, n, changed_before;

  if (fx->uri == NULL)
    return;
  dataset = sf_context_get_dataset (fx->context_b);
  worker = g_array_index (dataset->caseworkers, SfCaseworker, 1);
  worker.weekly_hours = worker.weekly_hours == 25 ? 26 : 25;
  first = sf_dataset_find_reductions (dataset, worker.id, &n);
  changed_before = fx->n_changed;
  g_assert_cmpint (sf_roster_save_caseworker (fx->store_b, &worker,
                                              &g_array_index (dataset->reductions, SfReduction, first),
                                              n, &error), ==, worker.id);
  g_assert_no_error (error);
  /* Told once, at the commit, row by row */
  g_assert_cmpuint (fx->n_changed, ==, changed_before + 1);
  g_assert_cmpuint (fx->n_reloads, ==, 0);
  g_assert_true (fx->what & SF_CONTEXT_FIGURES);
  g_assert_true (sf_ids_contain (fx->caseworkers, worker.id));
  g_assert_true (fx->tables & SF_CHANGE_CASEWORKERS);
  g_assert_true (fx->tables & SF_CHANGE_LOG);
  g_assert_cmpfloat (sf_dataset_find_caseworker (sf_context_get_dataset (fx->context_b), worker.id)->weekly_hours,
                     ==, worker.weekly_hours);
  assert_figures_fresh (fx);

  /* A case moved to a colleague: both caseworkers' figures follow */
  dataset = sf_context_get_dataset (fx->context_b);
  kase = &g_array_index (dataset->cases, SfCase, 0);
  id = kase->id;
  to_id = g_array_index (dataset->caseworkers, SfCaseworker, dataset->caseworkers->len - 1).id;
  g_assert_cmpint (to_id, !=, kase->caseworker_id);
  changed_before = fx->n_changed;
  g_assert_true (sf_cases_reassign (fx->store_b, &id, 1, to_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fx->n_changed, ==, changed_before + 1);
  g_assert_cmpuint (fx->n_reloads, ==, 0);
  g_assert_true (sf_ids_contain (fx->cases, id));
  g_assert_true (sf_ids_contain (fx->caseworkers, to_id));
  assert_figures_fresh (fx);

  /* Closed */
  g_assert_true (sf_cases_close (fx->store_b, &id, 1, sf_day_today (), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fx->n_reloads, ==, 0);
  assert_figures_fresh (fx);

  /* Nothing of it is news from others, to B; A hears of it */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (sf_context_take_others_changes (fx->context_b));
  g_assert_cmpuint (fx->n_by_others, ==, 0);
  g_assert_cmpuint (fx->n_reloads, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/live/payloads", test_payloads);
  g_test_add_func ("/live/descriptions", test_descriptions);
  g_test_add ("/live/hours", Fixture, NULL, fixture_set_up, test_hours, fixture_tear_down);
  g_test_add ("/live/cases", Fixture, NULL, fixture_set_up, test_cases, fixture_tear_down);
  g_test_add ("/live/table-changed", Fixture, NULL, fixture_set_up, test_table_changed, fixture_tear_down);
  g_test_add ("/live/many-statements", Fixture, NULL, fixture_set_up, test_many_statements, fixture_tear_down);
  g_test_add ("/live/during-query", Fixture, NULL, fixture_set_up, test_during_query, fixture_tear_down);
  g_test_add ("/live/own-edits", Fixture, NULL, fixture_set_up, test_own_edits, fixture_tear_down);
  g_test_add ("/live/after-reconnect", Fixture, NULL, fixture_set_up, test_after_reconnect, fixture_tear_down);

  return g_test_run ();
}
