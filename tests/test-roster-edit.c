/* Editing teams and caseworkers: the shared validation rules, the writes
 * with their audit entries, and removal + undo restoring exactly. */

#include <math.h>
#include <string.h>

#include "sf-core.h"
#include "sf-test-util.h"

#define EPS 1e-9

typedef struct
{
  SfTestStore db;              /* sf_test_store_set_up() */
  SfStore *store;             /* db.store */
  gint64   area_id;           /* boern-familie: DS 20–30 */
  gint64   other_area_id;     /* sygedagpenge: DS 35–50 */
} Fixture;

static void
exec (SfStore    *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sf_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* Every row of the tables a removal touches, as text: two dumps are equal
 * only if ids, values and assignments are all the same.  Row versions
 * (and who and when) are left out: undo puts values back, and the
 * versions move on. */
static char *
dump (SfStore *store)
{
  static const char * const queries[] = {
    "SELECT * FROM team ORDER BY id",
    "SELECT * FROM caseworker ORDER BY id",
    "SELECT * FROM reduction ORDER BY id",
    "SELECT * FROM casefile ORDER BY id",
    "SELECT * FROM worker_history ORDER BY caseworker_id, day",
    "SELECT * FROM team_history ORDER BY team_id, day",
  };
  GString *text = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      SfDbStmt *stmt = sf_store_prepare (store, queries[q], NULL);

      g_assert_nonnull (stmt);
      g_string_append_printf (text, "== %s\n", queries[q]);
      while (sf_db_stmt_step (stmt) == SF_DB_ROW)
        {
          for (int c = 0; c < sf_db_stmt_column_count (stmt); c++)
            {
              const char *value = sf_db_stmt_column_text (stmt, c);

              if (sf_test_is_version_column (sf_db_stmt_column_name (stmt, c)))
                continue;
              g_string_append_printf (text, "%s|", value ? value : "NULL");
            }
          g_string_append_c (text, '\n');
        }
      sf_db_stmt_free (stmt);
    }
  return g_string_free (text, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  sf_test_store_set_up (&fixture->db, data);
  fixture->store = fixture->db.store;
  fixture->area_id = sf_test_query_int (fixture->store, "SELECT id FROM area WHERE key = 'boern-familie'");
  fixture->other_area_id = sf_test_query_int (fixture->store, "SELECT id FROM area WHERE key = 'sygedagpenge'");
  g_assert_cmpint (fixture->area_id, >, 0);
  g_assert_cmpint (fixture->other_area_id, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fixture->store = NULL;
  sf_test_store_tear_down (&fixture->db, data);
}

static gint64
make_team (Fixture    *fixture,
           const char *name,
           double      cap)
{
  g_autoptr(GError) error = NULL;
  SfTeam team = { 0, (char *) name, fixture->area_id, cap };
  gint64 id = sf_roster_save_team (fixture->store, &team, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static SfCaseworker
worker_template (const char *initials,
                 gint64      team_id)
{
  SfCaseworker w = { 0 };

  w.initials = (char *) initials;
  w.name = (char *) "Test Person";
  w.team_id = team_id;
  w.weekly_hours = 37;
  w.individual_factor = 1;
  return w;
}

static gint64
make_worker (Fixture    *fixture,
             const char *initials,
             gint64      team_id)
{
  g_autoptr(GError) error = NULL;
  SfCaseworker w = worker_template (initials, team_id);
  gint64 id = sf_roster_save_caseworker (fixture->store, &w, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* ---- the rules ---------------------------------------------------------- */

static void
test_checks (void)
{
  SfSettings s;
  GError *error = NULL;

  sf_settings_init_defaults (&s);

  g_assert_true (sf_roster_check_weekly_hours (&s, 0, NULL));
  g_assert_true (sf_roster_check_weekly_hours (&s, 37, NULL));
  g_assert_false (sf_roster_check_weekly_hours (&s, 37.5, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "37"));
  g_clear_error (&error);
  g_assert_false (sf_roster_check_weekly_hours (&s, -1, NULL));
  g_assert_false (sf_roster_check_weekly_hours (&s, NAN, NULL));
  /* Full time is the organisation's setting */
  s.full_time_hours = 40;
  g_assert_true (sf_roster_check_weekly_hours (&s, 39, NULL));
  s.full_time_hours = 37;

  g_assert_true (sf_roster_check_factor (0, NULL));
  g_assert_true (sf_roster_check_factor (1, NULL));
  g_assert_true (sf_roster_check_factor (0.5, NULL));
  g_assert_false (sf_roster_check_factor (1.01, NULL));
  g_assert_false (sf_roster_check_factor (-0.1, NULL));

  g_assert_true (sf_roster_check_cap (0, FALSE, NULL));
  g_assert_false (sf_roster_check_cap (0, TRUE, NULL));      /* given, it must be more than 0 */
  g_assert_true (sf_roster_check_cap (24, TRUE, NULL));
  g_assert_false (sf_roster_check_cap (-3, TRUE, NULL));
  g_assert_false (sf_roster_check_cap (1001, TRUE, NULL));

  g_assert_true (sf_roster_check_initials ("ABC", NULL));
  g_assert_true (sf_roster_check_initials ("ÆØÅ", NULL));
  g_assert_false (sf_roster_check_initials ("", NULL));
  g_assert_false (sf_roster_check_initials ("A B", NULL));
  g_assert_false (sf_roster_check_initials ("ABCDEFGHIJKLMNOPQ", NULL));  /* 17 */
  g_assert_false (sf_roster_check_initials ("0101801234", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_PRIVACY);
  g_clear_error (&error);

  g_assert_false (sf_roster_check_name ("", NULL));
  g_assert_false (sf_roster_check_name ("Anna 010180-1234", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_PRIVACY);
  g_clear_error (&error);
  g_assert_false (sf_roster_check_team_name ("", NULL));
  g_assert_true (sf_roster_check_team_name ("Modtageteam", NULL));

  g_assert_true (sf_roster_check_period (sf_test_day ("2026-01-01"), sf_test_day ("2026-01-01"), NULL));
  g_assert_true (sf_roster_check_period (SF_DAY_NONE, sf_test_day ("2026-01-01"), NULL));
  g_assert_false (sf_roster_check_period (sf_test_day ("2026-01-02"), sf_test_day ("2026-01-01"), NULL));
}

static void
test_reductions_at_once (void)
{
  SfSettings s;
  /* Education 20 h in spring and a project 20 h in autumn never overlap:
   * at most 20 h at once, within 37.  Add TR 5 h all year: 25 h. */
  SfReduction r[3] = {
    { .hours = 20, .reason = SF_REDUCTION_EDUCATION, .from = sf_test_day ("2026-01-01"), .to = sf_test_day ("2026-03-31") },
    { .hours = 20, .reason = SF_REDUCTION_PROJECT, .from = sf_test_day ("2026-09-01"), .to = sf_test_day ("2026-12-31") },
    { .hours = 5, .reason = SF_REDUCTION_UNION },
  };
  GError *error = NULL;

  sf_settings_init_defaults (&s);
  g_assert_cmpfloat_with_epsilon (sf_roster_max_reduction_hours (r, 2), 20, EPS);
  g_assert_cmpfloat_with_epsilon (sf_roster_max_reduction_hours (r, 3), 25, EPS);
  g_assert_true (sf_roster_check_reductions (&s, 37, r, 3, NULL));
  /* 25 h at once against 24 weekly hours */
  g_assert_false (sf_roster_check_reductions (&s, 24, r, 3, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (sf_roster_check_reductions (&s, 25, r, 3, NULL));

  /* Overlapping from 1 March: 20 + 20 + 5 = 45 h */
  r[1].from = sf_test_day ("2026-03-01");
  g_assert_cmpfloat_with_epsilon (sf_roster_max_reduction_hours (r, 3), 45, EPS);
  g_assert_false (sf_roster_check_reductions (&s, 37, r, 3, NULL));

  /* A reduction of 0 hours, or one that ends before it starts */
  r[0].hours = 0;
  g_assert_false (sf_roster_check_reductions (&s, 37, r, 1, NULL));
  r[0].hours = 2;
  r[0].to = sf_test_day ("2025-12-01");
  g_assert_false (sf_roster_check_reductions (&s, 37, r, 1, NULL));
}

/* ---- writes --------------------------------------------------------------- */

static void
test_save_team (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 audits = sf_store_count (fixture->store, "audit");
  gint64 id = make_team (fixture, "Modtageteam", 0);
  SfTeam team = { id, (char *) "Modtageteam Nord", fixture->other_area_id, 28 };
  SfTeam clash = { 0, (char *) "MODTAGETEAM NORD", fixture->area_id, 0 };
  SfTeam bad_cap = { id, (char *) "Modtageteam Nord", fixture->area_id, -1 };

  g_assert_cmpint (sf_store_count (fixture->store, "audit"), ==, audits + 1);
  g_assert_cmpint (sf_roster_save_team (fixture->store, &team, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT cap FROM team"), ==, 28);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT area_id FROM team"), ==, fixture->other_area_id);
  g_assert_cmpint (sf_store_count (fixture->store, "audit"), ==, audits + 2);
  g_assert_cmpint (sf_test_query_int (fixture->store,
                                      "SELECT count(*) FROM audit WHERE action = 'team-update'"
                                      " AND subject = 'Modtageteam Nord' AND who <> '' AND at <> ''"), ==, 1);

  /* Names are unique whatever their case */
  g_assert_cmpint (sf_roster_save_team (fixture->store, &clash, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (sf_roster_save_team (fixture->store, &bad_cap, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (sf_store_count (fixture->store, "team"), ==, 1);
  g_assert_cmpint (sf_store_count (fixture->store, "audit"), ==, audits + 2);

  /* The cap can be taken away again: the DS figure applies */
  team.cap = 0;
  g_assert_cmpint (sf_roster_save_team (fixture->store, &team, &error), ==, id);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT cap IS NULL FROM team"), ==, 1);
}

static void
test_save_caseworker (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 team = make_team (fixture, "Modtageteam", 0);
  SfCaseworker w = worker_template ("AB", team);
  SfReduction r[2] = {
    { .hours = 7.4, .reason = SF_REDUCTION_UNION, .note = (char *) "TR" },
    { .hours = 3, .reason = SF_REDUCTION_EDUCATION, .from = sf_test_day ("2026-02-01"), .to = sf_test_day ("2026-06-30") },
  };
  gint64 id;
  gint64 changes = 0;

  w.name = (char *) "Anne Bach";
  w.weekly_hours = 32;
  w.start = sf_test_day ("2020-08-01");
  w.individual_factor = 0.8;
  w.factor_reason = (char *) "Mentor for new colleagues";
  id = sf_roster_save_caseworker (fixture->store, &w, r, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM reduction WHERE caseworker_id > 0"), ==, 2);
  g_assert_cmpint (sf_test_query_int (fixture->store,
                                      "SELECT count(*) FROM reduction WHERE reason = 'uddannelse'"
                                      " AND valid_from = '2026-02-01' AND valid_to = '2026-06-30'"), ==, 1);
  g_assert_cmpint (sf_test_query_int (fixture->store,
                                      "SELECT count(*) FROM caseworker WHERE weekly_hours = 32 AND"
                                      " start_date = '2020-08-01' AND individual_factor = 0.8"), ==, 1);

  /* Initials are unique without regard to case */
  {
    SfCaseworker other = worker_template ("ab", team);

    g_assert_cmpint (sf_roster_save_caseworker (fixture->store, &other, NULL, 0, &error), ==, 0);
    g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
    g_clear_error (&error);
  }

  /* Refused values change nothing */
  changes = sf_store_count (fixture->store, "audit");
  w.id = id;
  w.weekly_hours = 40;
  g_assert_cmpint (sf_roster_save_caseworker (fixture->store, &w, r, 2, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  w.weekly_hours = 10;                        /* 7.4 + 3 = 10.4 h at once in spring */
  g_assert_cmpint (sf_roster_save_caseworker (fixture->store, &w, r, 2, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  w.weekly_hours = 32;
  w.factor_reason = NULL;                     /* a factor below 1 needs its reason */
  g_assert_cmpint (sf_roster_save_caseworker (fixture->store, &w, r, 2, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (sf_store_count (fixture->store, "audit"), ==, changes);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT weekly_hours FROM caseworker"), ==, 32);

  /* An edit replaces the reductions and records the absence */
  w.factor_reason = (char *) "Mentor";
  w.absence_kind = (char *) "sick";
  w.absence_from = sf_test_day ("2026-03-01");
  g_assert_cmpint (sf_roster_save_caseworker (fixture->store, &w, r, 1, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM reduction"), ==, 1);
  g_assert_cmpint (sf_test_query_int (fixture->store,
                                      "SELECT count(*) FROM caseworker WHERE absence_kind = 'sick'"
                                      " AND absence_from = '2026-03-01' AND absence_to IS NULL"), ==, 1);
  g_assert_cmpint (sf_test_query_int (fixture->store,
                                      "SELECT count(*) FROM audit WHERE action = 'caseworker-update' AND subject = 'AB'"), ==, 1);
}

/* Two teams: T1 with AB (2 reductions, 3 cases, one covered by CD) and CD;
 * T2 with EF, who covers one of AB's cases.  History rows for AB and T1. */
static void
populate (Fixture *fixture,
          gint64  *t1,
          gint64  *t2,
          gint64  *ab,
          gint64  *cd,
          gint64  *ef)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  SfCaseworker w;
  SfReduction r[2] = {
    { .hours = 5, .reason = SF_REDUCTION_UNION },
    { .hours = 2, .reason = SF_REDUCTION_PROJECT, .note = (char *) "Udvikling", .to = sf_test_day ("2027-01-01") },
  };

  *t1 = make_team (fixture, "Modtageteam", 24);
  *t2 = make_team (fixture, "Sygedagpengeteam", 0);
  w = worker_template ("AB", *t1);
  *ab = sf_roster_save_caseworker (fixture->store, &w, r, 2, &error);
  g_assert_no_error (error);
  *cd = make_worker (fixture, "CD", *t1);
  *ef = make_worker (fixture, "EF", *t2);

  sql = g_strdup_printf ("INSERT INTO casefile (id, reference, complexity, caseworker_id, cover_id) VALUES"
                         " (10, 'S-1', 'enkel', %1$" G_GINT64_FORMAT ", NULL),"
                         " (11, 'S-2', 'kompleks', %1$" G_GINT64_FORMAT ", %2$" G_GINT64_FORMAT "),"
                         " (12, 'S-3', 'kompleks', %1$" G_GINT64_FORMAT ", %3$" G_GINT64_FORMAT "),"
                         " (13, 'S-4', 'enkel', %2$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT "),"
                         " (14, 'S-5', 'enkel', %3$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT ");"
                         "INSERT INTO worker_history VALUES (%1$" G_GINT64_FORMAT ", '2026-01-05', 3, 2.5, 20, 'within');"
                         "INSERT INTO team_history VALUES (%4$" G_GINT64_FORMAT ", '2026-01-05', 4, 3, 40, 0);",
                         *ab, *cd, *ef, *t1);
  exec (fixture->store, sql);
}

static void
test_remove_caseworker_undo (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRosterSnapshot) snapshot = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  gint64 t1, t2, ab, cd, ef;
  g_autofree char *q = NULL;

  populate (fixture, &t1, &t2, &ab, &cd, &ef);
  before = dump (fixture->store);

  /* AB has cases: a colleague must take them */
  snapshot = sf_roster_remove_caseworker (fixture->store, ab, 0, &error);
  g_assert_null (snapshot);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  snapshot = sf_roster_remove_caseworker (fixture->store, ab, ab, &error);
  g_assert_null (snapshot);
  g_clear_error (&error);
  after = dump (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  snapshot = sf_roster_remove_caseworker (fixture->store, ab, cd, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_nonnull (strstr (sf_roster_snapshot_get_summary (snapshot), "AB"));

  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), ==, 2);
  g_assert_cmpint (sf_store_count (fixture->store, "reduction"), ==, 0);
  g_assert_cmpint (sf_store_count (fixture->store, "worker_history"), ==, 0);
  /* S-1 → CD; S-2 was covered by CD: CD's own now, no cover; S-3 → CD,
   * still covered by EF; S-4 (CD's, covered by AB): cover cleared; S-5
   * (EF's, covered by AB): CD covers it now */
  /* Read in C, in SQL both stores speak */
  q = g_strdup ("SELECT id, caseworker_id, cover_id FROM casefile ORDER BY id");
  {
    SfDbStmt *stmt = sf_store_prepare (fixture->store, q, NULL);
    g_autoptr(GString) cases = g_string_new (NULL);
    g_autofree char *expected = g_strdup_printf ("10:%1$" G_GINT64_FORMAT ":- 11:%1$" G_GINT64_FORMAT ":-"
                                                 " 12:%1$" G_GINT64_FORMAT ":%2$" G_GINT64_FORMAT
                                                 " 13:%1$" G_GINT64_FORMAT ":-"
                                                 " 14:%2$" G_GINT64_FORMAT ":%1$" G_GINT64_FORMAT,
                                                 cd, ef);

    g_assert_nonnull (stmt);
    while (sf_db_stmt_step (stmt) == SF_DB_ROW)
      g_string_append_printf (cases, "%s%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                              cases->len > 0 ? " " : "",
                              sf_db_stmt_column_int64 (stmt, 0), sf_db_stmt_column_int64 (stmt, 1),
                              sf_db_stmt_column_is_null (stmt, 2) ? "-" : sf_db_stmt_column_text (stmt, 2));
    g_assert_cmpstr (cases->str, ==, expected);
    sf_db_stmt_free (stmt);
  }
  g_assert_cmpint (sf_test_query_int (fixture->store,
                                      "SELECT count(*) FROM audit WHERE action = 'caseworker-remove' AND subject = 'AB'"), ==, 1);

  g_assert_true (sf_roster_undo (fixture->store, snapshot, &error));
  g_assert_no_error (error);
  restored = dump (fixture->store);
  g_assert_cmpstr (restored, ==, before);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'undo'"), ==, 1);
}

static void
test_undo_refused_when_taken (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRosterSnapshot) snapshot = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 t1, t2, ab, cd, ef;

  populate (fixture, &t1, &t2, &ab, &cd, &ef);
  snapshot = sf_roster_remove_caseworker (fixture->store, ab, cd, &error);
  g_assert_no_error (error);
  /* Someone gives the initials to a new colleague meanwhile */
  make_worker (fixture, "ab", t2);
  before = dump (fixture->store);

  g_assert_false (sf_roster_undo (fixture->store, snapshot, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  after = dump (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_remove_team_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRosterSnapshot) snapshot = NULL;
  g_autofree char *before = NULL;
  g_autofree char *restored = NULL;
  gint64 t1, t2, ab, cd, ef;

  populate (fixture, &t1, &t2, &ab, &cd, &ef);
  before = dump (fixture->store);

  /* Members and nowhere to go: refused, nothing changed */
  g_assert_null (sf_roster_remove_team (fixture->store, t1, 0, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Modtageteam"));
  g_clear_error (&error);
  g_assert_cmpint (sf_store_count (fixture->store, "team"), ==, 2);

  snapshot = sf_roster_remove_team (fixture->store, t1, t2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpint (sf_store_count (fixture->store, "team"), ==, 1);
  g_assert_cmpint (sf_store_count (fixture->store, "team_history"), ==, 0);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM caseworker WHERE team_id = (SELECT id FROM team)"), ==, 3);

  g_assert_true (sf_roster_undo (fixture->store, snapshot, &error));
  g_assert_no_error (error);
  restored = dump (fixture->store);
  g_assert_cmpstr (restored, ==, before);
}

static void
test_remove_empty_team (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRosterSnapshot) snapshot = NULL;
  gint64 id = make_team (fixture, "Tomt team", 30);

  snapshot = sf_roster_remove_team (fixture->store, id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sf_store_count (fixture->store, "team"), ==, 0);
  g_assert_true (sf_roster_undo (fixture->store, snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT id FROM team WHERE name = 'Tomt team' AND cap = 30"), ==, id);
}

static void
test_move_undo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRosterSnapshot) snapshot = NULL;
  g_autofree char *before = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *q = NULL;
  gint64 t1, t2, ab, cd, ef;

  populate (fixture, &t1, &t2, &ab, &cd, &ef);
  before = dump (fixture->store);

  snapshot = sf_roster_move_caseworker (fixture->store, ab, t2, &error);
  g_assert_no_error (error);
  q = g_strdup_printf ("SELECT team_id FROM caseworker WHERE id = %" G_GINT64_FORMAT, ab);
  g_assert_cmpint (sf_test_query_int (fixture->store, q), ==, t2);
  g_assert_nonnull (strstr (sf_roster_snapshot_get_summary (snapshot), "Sygedagpengeteam"));
  /* Cases and reductions stay with the person */
  g_assert_cmpint (sf_store_count (fixture->store, "reduction"), ==, 2);

  g_assert_null (sf_roster_move_caseworker (fixture->store, ab, 9999, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sf_roster_undo (fixture->store, snapshot, &error));
  g_assert_no_error (error);
  restored = dump (fixture->store);
  g_assert_cmpstr (restored, ==, before);
}

/* 30 (boern-familie, DS 20–30) × (37 − 7.4)/37 = 0.8 × 0.7 (started two
 * months ago) × 0.5 (reason given) = 8.4 */
static void
test_explain_norm (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GPtrArray) factors = NULL;
  SfSettings settings;
  gint64 team = make_team (fixture, "Modtageteam", 0);
  SfCaseworker w = worker_template ("GH", team);
  SfReduction r = { .hours = 7.4, .reason = SF_REDUCTION_UNION };
  SfCaseworker ij = worker_template ("IJ", team);
  SfReduction ij_r = { .hours = 5, .reason = SF_REDUCTION_UNION };
  const SfWorkerFigures *wf;
  SfNormFactor *f;
  gint64 id, ij_id;
  double product = 1;

  w.start = sf_test_day ("2026-01-10");
  w.individual_factor = 0.5;
  w.factor_reason = (char *) "Delvis tilbagevenden";
  id = sf_roster_save_caseworker (fixture->store, &w, &r, 1, &error);
  g_assert_no_error (error);
  ij.weekly_hours = 36.97;
  ij_id = sf_roster_save_caseworker (fixture->store, &ij, &ij_r, 1, &error);
  g_assert_no_error (error);

  sf_settings_init_defaults (&settings);
  dataset = sf_store_load_dataset (fixture->store, &error);
  g_assert_no_error (error);
  figures = sf_figures_compute (dataset, &settings, sf_test_day ("2026-03-10"));
  wf = sf_figures_find_worker (figures, id);
  g_assert_cmpfloat_with_epsilon (wf->adjusted_norm, 8.4, EPS);

  factors = sf_roster_explain_norm (figures, id);
  g_assert_cmpuint (factors->len, ==, 4);
  f = g_ptr_array_index (factors, 0);
  g_assert_cmpfloat_with_epsilon (f->value, 30, EPS);
  g_assert_nonnull (strstr (f->reason, "20–30"));
  f = g_ptr_array_index (factors, 1);
  g_assert_cmpfloat_with_epsilon (f->value, 0.8, EPS);
  g_assert_nonnull (strstr (f->reason, "7.4"));
  /* 37 − 7.4 = 29.6 hours for cases: 29.6 / 37 = 0.8 */
  g_assert_nonnull (strstr (f->reason, "29.6 hours a week are left for cases."));
  f = g_ptr_array_index (factors, 2);
  g_assert_cmpfloat_with_epsilon (f->value, 0.7, EPS);
  g_assert_nonnull (strstr (f->reason, "2026-07-10"));
  f = g_ptr_array_index (factors, 3);
  g_assert_cmpfloat_with_epsilon (f->value, 0.5, EPS);
  g_assert_cmpstr (f->reason, ==, "Delvis tilbagevenden");
  for (guint i = 0; i < factors->len; i++)
    product *= ((SfNormFactor *) g_ptr_array_index (factors, i))->value;
  g_assert_cmpfloat_with_epsilon (product, wf->adjusted_norm, EPS);

  /* Hours read to the hundredth, as on the roster: 36.97 hours are not
   * "37" nor "37.0", and whole hours have no decimals */
  g_clear_pointer (&factors, g_ptr_array_unref);
  factors = sf_roster_explain_norm (figures, ij_id);
  f = g_ptr_array_index (factors, 1);
  g_assert_nonnull (strstr (f->reason, "36.97 of 37 hours a week."));
  g_assert_nonnull (strstr (f->reason, " Reduced by 5 hours for "));
  g_assert_nonnull (strstr (f->reason, " 31.97 hours a week are left for cases."));
}

static char *
message_of (gboolean   ok,
            GError   **error)
{
  char *message;

  g_assert_false (ok);
  g_assert_nonnull (*error);
  message = g_strdup ((*error)->message);
  g_clear_error (error);
  return message;
}

/* The import refuses with the very rules (and words) of the forms. */
static void
test_import_shares_rules (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = sf_test_bytes ("team,omraade,initialer,navn,timer,reduktion-timer,individuel-faktor,team-norm\n"
                                         "Modtageteam,boern-familie,AB,Anne,40,,,\n"
                                         "Modtageteam,,CD,Carl,30,31,,\n"
                                         "Modtageteam,,EF,Eva,30,,1.5,\n"
                                         "Modtageteam,,A B,Ali,30,,,\n"
                                         "Modtageteam,,GH,Gurli,30,,,0\n");
  SfSettings s;
  GError *e = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *total = NULL;
  g_autofree char *factor = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *cap = NULL;
  g_autofree char *expected = NULL;

  sf_settings_init_defaults (&s);
  hours = message_of (sf_roster_check_weekly_hours (&s, 40, &e), &e);
  total = message_of (sf_roster_check_reductions_total (31, 30, &e), &e);
  factor = message_of (sf_roster_check_factor (1.5, &e), &e);
  initials = message_of (sf_roster_check_initials ("A B", &e), &e);
  cap = message_of (sf_roster_check_cap (0, TRUE, &e), &e);

  g_assert_false (sf_import_roster (fixture->store, csv, &result, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_cmpuint (result.problems->len, ==, 5);
  expected = g_strdup_printf ("Line 2: %s", hours);
  g_assert_cmpstr (g_ptr_array_index (result.problems, 0), ==, expected);
  g_free (expected);
  expected = g_strdup_printf ("Line 3: %s", total);
  g_assert_cmpstr (g_ptr_array_index (result.problems, 1), ==, expected);
  g_free (expected);
  expected = g_strdup_printf ("Line 4: %s", factor);
  g_assert_cmpstr (g_ptr_array_index (result.problems, 2), ==, expected);
  g_free (expected);
  expected = g_strdup_printf ("Line 5: %s", initials);
  g_assert_cmpstr (g_ptr_array_index (result.problems, 3), ==, expected);
  g_free (expected);
  expected = g_strdup_printf ("Line 6: %s", cap);
  g_assert_cmpstr (g_ptr_array_index (result.problems, 4), ==, expected);
  g_assert_cmpint (sf_store_count (fixture->store, "caseworker"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roster-edit/checks", test_checks);
  g_test_add_func ("/roster-edit/reductions-at-once", test_reductions_at_once);
  g_test_add ("/roster-edit/save-team", Fixture, NULL, fixture_set_up, test_save_team, fixture_tear_down);
  g_test_add ("/roster-edit/save-caseworker", Fixture, NULL, fixture_set_up, test_save_caseworker, fixture_tear_down);
  g_test_add ("/roster-edit/remove-caseworker-undo", Fixture, NULL, fixture_set_up,
              test_remove_caseworker_undo, fixture_tear_down);
  g_test_add ("/roster-edit/undo-refused-when-taken", Fixture, NULL, fixture_set_up,
              test_undo_refused_when_taken, fixture_tear_down);
  g_test_add ("/roster-edit/remove-team-undo", Fixture, NULL, fixture_set_up,
              test_remove_team_undo, fixture_tear_down);
  g_test_add ("/roster-edit/remove-empty-team", Fixture, NULL, fixture_set_up,
              test_remove_empty_team, fixture_tear_down);
  g_test_add ("/roster-edit/move-undo", Fixture, NULL, fixture_set_up, test_move_undo, fixture_tear_down);
  g_test_add ("/roster-edit/import-shares-rules", Fixture, NULL, fixture_set_up,
              test_import_shares_rules, fixture_tear_down);
  g_test_add ("/roster-edit/explain-norm", Fixture, NULL, fixture_set_up, test_explain_norm, fixture_tear_down);

  return g_test_run ();
}
