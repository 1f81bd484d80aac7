/* Edit conflicts: two clients (two stores on one file, or two connections
 * to one server) edit the same rows; the second write, based on what it
 * read before the first, is refused with the first one's values, who and
 * when, and changes nothing.  The versions are worked out by hand: a new
 * row is version 1; a save claims the row (+1) and updates it (+1). */

#include <math.h>
#include <string.h>

#include "sf-core.h"
#include "sf-test-util.h"

typedef struct
{
  SfTestStore db;
  SfStore *a;                 /* db.store */
  SfStore *b;                 /* a second connection to the same database */
  gint64   team_id;
  gint64   other_team_id;
  gint64   worker_id;         /* "AB", 37 hours, in team_id */
  gboolean server;
} Fixture;

static gint64
query_int (SfStore    *store,
           const char *sql)
{
  return sf_test_query_int (store, sql);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 area = 0;
  SfTeam team = { 0 };
  SfCaseworker worker = { 0 };

  sf_test_store_set_up (&fx->db, data);
  fx->a = fx->db.store;
  fx->server = sf_db_get_kind (sf_store_get_db (fx->a)) == SF_DB_POSTGRES;
  fx->b = sf_test_open_second_store (fx->a);

  area = query_int (fx->a, "SELECT id FROM area WHERE key = 'boern-familie'");
  team.name = (char *) "Modtageteam";
  team.area_id = area;
  fx->team_id = sf_roster_save_team (fx->a, &team, &error);
  g_assert_no_error (error);
  team.name = (char *) "Familieteam";
  fx->other_team_id = sf_roster_save_team (fx->a, &team, &error);
  g_assert_no_error (error);

  worker.initials = (char *) "AB";
  worker.name = (char *) "Anna Berg";
  worker.team_id = fx->team_id;
  worker.weekly_hours = 37;
  worker.individual_factor = 1;
  fx->worker_id = sf_roster_save_caseworker (fx->a, &worker, NULL, 0, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->b);
  sf_test_store_tear_down (&fx->db, data);
}

/* The caseworker as @store's data set has them now (its own copy) */
static SfDataset *
load (SfStore       *store,
      SfCaseworker **worker,
      gint64         id)
{
  g_autoptr(GError) error = NULL;
  SfDataset *dataset = sf_store_load_dataset (store, &error);

  g_assert_no_error (error);
  *worker = (SfCaseworker *) sf_dataset_find_caseworker (dataset, id);
  g_assert_nonnull (*worker);
  return dataset;
}

static double
hours_in_db (Fixture *fx)
{
  g_autofree char *sql = g_strdup_printf ("SELECT weekly_hours FROM caseworker WHERE id = %" G_GINT64_FORMAT,
                                          fx->worker_id);
  g_autoptr(SfDbStmt) stmt = sf_store_prepare (fx->a, sql, NULL);

  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  return sf_db_stmt_column_double (stmt, 0);
}

static char *
session_user (SfStore *store)
{
  g_autoptr(SfDbStmt) stmt = sf_store_prepare (store, "SELECT session_user", NULL);

  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  return g_strdup (sf_db_stmt_column_text (stmt, 0));
}

/* One wins, the other is told who and when, with the winner's values, and
 * nothing of theirs is written */
static void
test_two_clients (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) seen_a = NULL;
  g_autoptr(SfDataset) seen_b = NULL;
  g_autoptr(GDateTime) when = NULL;
  SfCaseworker *a, *b, mine;
  const SfConflict *conflict;
  gint64 audits;

  seen_a = load (fx->a, &a, fx->worker_id);
  seen_b = load (fx->b, &b, fx->worker_id);
  g_assert_cmpint (a->version, ==, 1);
  g_assert_cmpint (b->version, ==, 1);

  b->weekly_hours = 30;
  g_assert_cmpint (sf_roster_save_caseworker (fx->b, b, NULL, 0, &error), ==, fx->worker_id);
  g_assert_no_error (error);
  audits = query_int (fx->a, "SELECT count (*) FROM audit");

  mine = *a;
  mine.weekly_hours = 20;
  mine.name = (char *) "Anna Berg Hansen";
  g_assert_cmpint (sf_roster_save_caseworker (fx->a, &mine, NULL, 0, &error), ==, 0);
  g_assert_error (error, SF_CONFLICT_ERROR, SF_CONFLICT_ERROR_CHANGED);
  conflict = sf_conflict_get (error);
  g_assert_nonnull (conflict);
  g_assert_cmpstr (conflict->table, ==, "caseworker");
  g_assert_cmpint (conflict->id, ==, fx->worker_id);
  g_assert_cmpint (conflict->expected, ==, 1);
  g_assert_cmpint (conflict->version, ==, 3);
  /* The winner's values */
  g_assert_cmpfloat (g_ascii_strtod (g_hash_table_lookup (conflict->values, "weekly_hours"), NULL), ==, 30);
  g_assert_cmpstr (g_hash_table_lookup (conflict->values, "name"), ==, "Anna Berg");
  /* When: a moment ago, in UTC */
  when = g_date_time_new_from_iso8601 (conflict->when, NULL);
  g_assert_nonnull (when);
  g_assert_true (g_str_has_suffix (conflict->when, "Z"));
  /* Who: the server's login of the winner; a file has no logins */
  if (fx->server)
    {
      g_autofree char *login = session_user (fx->b);

      g_assert_cmpstr (conflict->who, ==, login);
      g_assert_nonnull (strstr (error->message, login));
    }
  else
    g_assert_null (conflict->who);
  g_assert_nonnull (strstr (error->message, "Anna Berg"));

  /* Nothing of the loser's was written: not the row, not the change log */
  g_assert_cmpfloat (hours_in_db (fx), ==, 30);
  g_assert_cmpint (query_int (fx->a, "SELECT count (*) FROM caseworker WHERE name = 'Anna Berg Hansen'"), ==, 0);
  g_assert_cmpint (query_int (fx->a, "SELECT count (*) FROM audit"), ==, audits);
  g_assert_cmpint (query_int (fx->a, "SELECT version FROM caseworker"), ==, 3);
}

/* Keep theirs: a fresh read has the winner's values and version; apply
 * mine: the edit on top of the new version is written, and the other
 * client, still on the old one, is refused in turn */
static void
test_keep_theirs_and_reapply (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) seen_a = NULL;
  g_autoptr(SfDataset) seen_b = NULL;
  g_autoptr(SfDataset) fresh = NULL;
  SfCaseworker *a, *b, *again;

  seen_a = load (fx->a, &a, fx->worker_id);
  seen_b = load (fx->b, &b, fx->worker_id);
  b->weekly_hours = 30;
  g_assert_cmpint (sf_roster_save_caseworker (fx->b, b, NULL, 0, &error), ==, fx->worker_id);
  a->weekly_hours = 20;
  g_assert_cmpint (sf_roster_save_caseworker (fx->a, a, NULL, 0, &error), ==, 0);
  g_assert_error (error, SF_CONFLICT_ERROR, SF_CONFLICT_ERROR_CHANGED);

  /* Keep theirs */
  fresh = load (fx->a, &again, fx->worker_id);
  g_assert_cmpfloat (again->weekly_hours, ==, 30);
  g_assert_cmpint (again->version, ==, sf_conflict_get (error)->version);

  /* Apply mine */
  a->version = sf_conflict_get (error)->version;
  g_clear_error (&error);
  g_assert_cmpint (sf_roster_save_caseworker (fx->a, a, NULL, 0, &error), ==, fx->worker_id);
  g_assert_no_error (error);
  g_assert_cmpfloat (hours_in_db (fx), ==, 20);
  g_assert_cmpint (query_int (fx->a, "SELECT version FROM caseworker"), ==, 5);

  /* The other client read version 1 and wrote version 3: it is behind now */
  b->version = 3;
  b->weekly_hours = 25;
  g_assert_cmpint (sf_roster_save_caseworker (fx->b, b, NULL, 0, &error), ==, 0);
  g_assert_error (error, SF_CONFLICT_ERROR, SF_CONFLICT_ERROR_CHANGED);
  g_assert_cmpint (sf_conflict_get (error)->version, ==, 5);
  g_assert_cmpfloat (hours_in_db (fx), ==, 20);
}

/* A caseworker's version covers their reductions */
static void
test_reductions (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) seen_a = NULL;
  g_autoptr(SfDataset) seen_b = NULL;
  SfCaseworker *a, *b;
  SfReduction cut = { 0 };

  seen_a = load (fx->a, &a, fx->worker_id);
  seen_b = load (fx->b, &b, fx->worker_id);
  cut.hours = 5;
  cut.reason = SF_REDUCTION_UNION;
  g_assert_cmpint (sf_roster_save_caseworker (fx->b, b, &cut, 1, &error), ==, fx->worker_id);
  g_assert_no_error (error);

  a->weekly_hours = 20;
  g_assert_cmpint (sf_roster_save_caseworker (fx->a, a, NULL, 0, &error), ==, 0);
  g_assert_error (error, SF_CONFLICT_ERROR, SF_CONFLICT_ERROR_CHANGED);
  g_assert_cmpint (query_int (fx->a, "SELECT count (*) FROM reduction"), ==, 1);
  g_assert_cmpfloat (hours_in_db (fx), ==, 37);
}

/* Someone removed the row meanwhile */
static void
test_removed (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) seen = NULL;
  SfTeam *team;
  const SfTeam *found;
  g_autoptr(SfRosterSnapshot) snapshot = NULL;

  seen = sf_store_load_dataset (fx->a, &error);
  g_assert_no_error (error);
  found = sf_dataset_find_team (seen, fx->other_team_id);
  team = (SfTeam *) found;
  g_assert_cmpint (team->version, ==, 1);
  snapshot = sf_roster_remove_team (fx->b, fx->other_team_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sf_conflict_claim (fx->a, "team", team->id, team->version, &error), ==, FALSE);
  g_assert_error (error, SF_CONFLICT_ERROR, SF_CONFLICT_ERROR_REMOVED);
  g_assert_cmpint (sf_conflict_get (error)->version, ==, 0);
}

/* Undo does not overwrite someone else's later change */
static void
test_undo_over_later_change (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRosterSnapshot) moved = NULL;
  g_autoptr(SfDataset) seen_b = NULL;
  SfCaseworker *b;

  moved = sf_roster_move_caseworker (fx->a, fx->worker_id, fx->other_team_id, &error);
  g_assert_no_error (error);

  /* The other client reads after the move and changes the same person */
  seen_b = load (fx->b, &b, fx->worker_id);
  g_assert_cmpint (b->team_id, ==, fx->other_team_id);
  b->weekly_hours = 25;
  g_assert_cmpint (sf_roster_save_caseworker (fx->b, b, NULL, 0, &error), ==, fx->worker_id);
  g_assert_no_error (error);

  g_assert_false (sf_roster_undo (fx->a, moved, &error));
  g_assert_error (error, SF_CONFLICT_ERROR, SF_CONFLICT_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fx->a, "SELECT team_id FROM caseworker"), ==, fx->other_team_id);
  g_assert_cmpfloat (hours_in_db (fx), ==, 25);
}

/* Undo with nobody's change in between still puts the move back */
static void
test_undo_alone (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRosterSnapshot) moved = NULL;

  moved = sf_roster_move_caseworker (fx->a, fx->worker_id, fx->other_team_id, &error);
  g_assert_no_error (error);
  g_assert_true (sf_roster_undo (fx->a, moved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fx->a, "SELECT team_id FROM caseworker"), ==, fx->team_id);
}

/* The server raises the version and says who, whatever the client sends */
static void
test_version_not_faked (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sf_store_exec (fx->b, "UPDATE caseworker SET version = 100, changed_by = 'someone',"
                                " changed_at = '2000-01-01T00:00:00Z'", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fx->a, "SELECT version FROM caseworker"), ==, 2);
  g_assert_cmpint (query_int (fx->a, "SELECT count (*) FROM caseworker WHERE changed_at = '2000-01-01T00:00:00Z'"),
                   ==, 0);
  if (fx->server)
    g_assert_cmpint (query_int (fx->a, "SELECT count (*) FROM caseworker WHERE changed_by = session_user"), ==, 1);
  else
    g_assert_cmpint (query_int (fx->a, "SELECT count (*) FROM caseworker WHERE changed_by IS NULL"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/conflict/two-clients", test_two_clients);
  ADD ("/conflict/keep-theirs-and-reapply", test_keep_theirs_and_reapply);
  ADD ("/conflict/reductions", test_reductions);
  ADD ("/conflict/removed", test_removed);
  ADD ("/conflict/undo-over-later-change", test_undo_over_later_change);
  ADD ("/conflict/undo-alone", test_undo_alone);
  ADD ("/conflict/version-not-faked", test_version_not_faked);
#undef ADD

  return g_test_run ();
}
