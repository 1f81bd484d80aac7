/* Roles and access on a shared database, enforced by the server
 * (docs/access.md): two login roles per access level, each checked
 * through the app's store functions and through raw SQL on its own
 * connection, for what it sees and what it may change; refused writes
 * change nothing; the change log's who is the login; only admin removes
 * change-log rows; the access commands.  Skipped when no server is there
 * (SF_TEST_PG_URI unset). */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "sf-core.h"
#include "sf-test-util.h"

/* Two logins per level, and one with no access at all */
enum { M1, M2, HR1, HR2, AD1, AD2, NONE, N_LOGINS };

static const char * const login_kinds[N_LOGINS] = { "m1", "m2", "hr1", "hr2", "ad1", "ad2", "none" };

static const char roster_csv[] =
  "team;omraade;team_norm;initialer;navn;timer\n"
  "Syg;sygedagpenge;40;AA;Anna Aagaard;37\n"
  "Syg;sygedagpenge;40;BB;Bo Bech;32,5\n"
  "Job;jobafklaring;;CC;Cecilie Ørum;30\n";

static const char cases_csv[] =
  "sagsnummer;initialer;kompleksitet;startdato\n"
  "S1;AA;kompleks;2026-01-01\n"
  "S2;BB;enkel;2026-01-01\n"
  "S3;CC;kompleks;2026-01-01\n"
  "S4;CC;enkel;2026-02-01\n";

typedef struct
{
  char    *dir;
  char    *uri;                 /* as the owner (the test server's superuser) */
  char    *logins[N_LOGINS];
  char    *uris[N_LOGINS];      /* as each login */
  SfDb    *dbs[N_LOGINS];       /* each login's own connection, once made */
  gint64   syg, job;            /* team ids */
  gint64   aa, cc;              /* caseworker ids */
} Fixture;

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, haystack);
}

static gint64
owner_int (Fixture    *fixture,
           const char *sql)
{
  g_autofree char *text = sf_test_pg_query (fixture->uri, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

/* Runs @sql (statements) as the owner */
static void
owner_exec (Fixture    *fixture,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDb) db = sf_db_open (fixture->uri, SF_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  sf_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
run_ok (const char *db,
        const char *first,
        ...)
{
  g_auto(SfTestRun) run = { 0 };
  va_list args;

  va_start (args, first);
  sf_test_run_cli_va (db, NULL, &run, first, args);
  va_end (args);
  if (run.status != 0)
    g_error ("%s failed: %s", first, run.err);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static int counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *roster = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *sql = NULL;
  int n = ++counter;

  g_autoptr(SfStore) owner = NULL;
  g_autoptr(SfStore) admin = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(SfImportResult) roster_result = { 0 };
  g_auto(SfImportResult) cases_result = { 0 };

  /* Set up as server-setup does, filled in the program rather than through
   * the command line (a dozen fewer programs to start) */
  fixture->dir = sf_test_make_tmpdir ();
  fixture->uri = sf_test_pg_new_server_database ();
  owner = sf_store_open (fixture->uri, &error);
  g_assert_no_error (error);

  roster = sf_test_write_file (fixture->dir, "roster.csv", roster_csv);
  cases = sf_test_write_file (fixture->dir, "cases.csv", cases_csv);
  file = g_file_new_for_path (roster);
  g_assert_true (sf_import_file (owner, file, FALSE, &roster_result, &error));
  g_clear_object (&file);
  file = g_file_new_for_path (cases);
  g_assert_true (sf_import_file (owner, file, TRUE, &cases_result, &error));
  g_assert_no_error (error);
  fixture->syg = owner_int (fixture, "SELECT id FROM team WHERE name = 'Syg'");
  fixture->job = owner_int (fixture, "SELECT id FROM team WHERE name = 'Job'");
  fixture->aa = owner_int (fixture, "SELECT id FROM caseworker WHERE initials = 'AA'");
  fixture->cc = owner_int (fixture, "SELECT id FROM caseworker WHERE initials = 'CC'");

  /* A checklist, a reduction, an acknowledged alert and a planned hire
   * for each team; a scenario */
  g_assert_cmpint (sf_checklist_create (owner, fixture->syg, "ledelsesspoergsmaal", &error), >, 0);
  g_assert_cmpint (sf_checklist_create (owner, fixture->job, "ledelsesspoergsmaal", &error), >, 0);
  g_assert_cmpint (sf_planned_hire_save (owner, &(SfPlannedHire) { .team_id = fixture->syg, .weekly_hours = 37,
                                                                   .start = sf_test_day ("2027-01-01") },
                                         &error), >, 0);
  g_assert_cmpint (sf_planned_hire_save (owner, &(SfPlannedHire) { .team_id = fixture->job, .weekly_hours = 30,
                                                                   .start = sf_test_day ("2027-01-01") },
                                         &error), >, 0);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO reduction (caseworker_id, hours, reason) VALUES (%" G_GINT64_FORMAT ", 2, 'tr'),"
                         " (%" G_GINT64_FORMAT ", 3, 'tr');"
                         "INSERT INTO alert_ack (identity, value, note, at, who) VALUES"
                         " ('over:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT "', 1, 'waits', '2026-12-01T00:00:00Z', 'x'),"
                         " ('over:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT "', 1, 'waits', '2026-12-01T00:00:00Z', 'x');"
                         "INSERT INTO scenario (name, key, changes, created, updated)"
                         " VALUES ('Plan', 'plan', '[]', '2026-12-01', '2026-12-01')",
                         fixture->aa, fixture->cc, fixture->syg, fixture->aa, fixture->job, fixture->cc);
  owner_exec (fixture, sql);

  /* The login roles: made by the server's administrator (here the test
   * server's superuser), each its own, and granted access through the app */
  for (int i = 0; i < N_LOGINS; i++)
    {
      g_autofree char *create = NULL;

      fixture->logins[i] = g_strdup_printf ("sfa_%ld_%d_%s", (long) getpid (), n, login_kinds[i]);
      fixture->uris[i] = sf_test_pg_uri_as (fixture->uri, fixture->logins[i]);
      create = g_strdup_printf ("CREATE ROLE \"%s\" LOGIN", fixture->logins[i]);
      g_free (sf_test_pg_query (fixture->uri, create));
    }
  /* The owner grants the first admin (on the command line); that admin
   * the others (through the store) */
  run_ok (fixture->uri, "access-grant", "--login", fixture->logins[AD1], "--role", "admin", NULL);
  admin = sf_store_open (fixture->uris[AD1], &error);
  g_assert_no_error (error);
  g_assert_true (sf_access_grant (admin, fixture->logins[AD2], "admin", NULL, &error));
  g_assert_true (sf_access_grant (admin, fixture->logins[HR1], "hr", NULL, &error));
  g_assert_true (sf_access_grant (admin, fixture->logins[HR2], "hr", NULL, &error));
  g_assert_true (sf_access_grant (admin, fixture->logins[M1], "manager", (const char *[]) { "syg", NULL }, &error));
  g_assert_true (sf_access_grant (admin, fixture->logins[M2], "manager", (const char *[]) { "Job", NULL }, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (int i = 0; i < N_LOGINS; i++)
    g_clear_pointer (&fixture->dbs[i], sf_db_close);
  sf_test_pg_drop_database (g_steal_pointer (&fixture->uri));
  /* Login roles are the server's, not the database's */
  for (int i = 0; i < N_LOGINS; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP ROLE IF EXISTS \"%s\"", fixture->logins[i]);

      g_free (sf_test_pg_query (g_getenv ("SF_TEST_PG_URI"), drop));
      g_free (fixture->logins[i]);
      g_free (fixture->uris[i]);
    }
  g_free (fixture->dir);
}

/* ---- raw SQL on a login's own connection ---- */

/* @who's connection (one per login, kept: a connection is a process on
 * the server, and a loaded machine starts those slowly) */
static SfDb *
connect_as (Fixture *fixture,
            int      who)
{
  g_autoptr(GError) error = NULL;

  if (fixture->dbs[who] == NULL)
    fixture->dbs[who] = sf_db_open (fixture->uris[who], SF_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return fixture->dbs[who];
}

static gint64
count_as (Fixture    *fixture,
          int         who,
          const char *table)
{
  SfDb *db = connect_as (fixture, who);
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDbStmt) stmt = sf_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  return sf_db_stmt_column_int64 (stmt, 0);
}

#define DENIED -1

/* Rows @sql changed as @who, or DENIED when the server refused it (any
 * other error fails the test) */
static gint64
write_as (Fixture    *fixture,
          int         who,
          const char *sql)
{
  SfDb *db = connect_as (fixture, who);
  g_autoptr(GError) error = NULL;

  if (sf_db_exec (db, sql, &error))
    return sf_db_changes (db);
  /* A refused statement inside BEGIN … COMMIT leaves the transaction to end */
  if (sf_db_in_transaction (db))
    sf_db_rollback (db);
  if (!g_error_matches (error, SF_DB_ERROR, SF_DB_ERROR_DENIED))
    g_error ("%s as %s: %s", sql, login_kinds[who], error->message);
  return DENIED;
}

/* What each login sees, table by table */
static void
test_reads (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *syg_items = g_strdup_printf ("SELECT count (*) FROM checklist_item i JOIN checklist l"
                                                " ON l.id = i.checklist_id WHERE l.team_id = %" G_GINT64_FORMAT,
                                                fixture->syg);
  gint64 items = owner_int (fixture, "SELECT count (*) FROM checklist_item");
  gint64 syg_item_count = owner_int (fixture, syg_items);
  gint64 settings = owner_int (fixture, "SELECT count (*) FROM area");
  gint64 audit = owner_int (fixture, "SELECT count (*) FROM audit");
  struct
  {
    const char *table;
    gint64      m1, m2, all;
  } expected[] = {
    { "team", 1, 1, 2 },
    { "caseworker", 2, 1, 3 },
    { "casefile", 2, 2, 4 },
    { "reduction", 1, 1, 2 },
    { "checklist", 1, 1, 2 },
    { "checklist_item", syg_item_count, items - syg_item_count, items },
    { "alert_ack", 1, 1, 2 },
    { "planned_hire", 1, 1, 2 },
    { "scenario", 0, 0, 1 },
    { "area", settings, settings, settings },
    /* A manager reads the change-log rows they wrote: none yet */
    { "audit", 0, 0, audit },
  };

  g_assert_cmpint (syg_item_count, >, 0);
  g_assert_cmpint (items, >, syg_item_count);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", expected[i].table);
      g_assert_cmpint (count_as (fixture, M1, expected[i].table), ==, expected[i].m1);
      g_assert_cmpint (count_as (fixture, M2, expected[i].table), ==, expected[i].m2);
      for (int who = HR1; who <= AD2; who++)
        g_assert_cmpint (count_as (fixture, who, expected[i].table), ==, expected[i].all);
    }

  /* The access table: one's own rows; an admin all six */
  g_assert_cmpint (count_as (fixture, M1, "user_access"), ==, 1);
  g_assert_cmpint (count_as (fixture, HR2, "user_access"), ==, 1);
  g_assert_cmpint (count_as (fixture, AD2, "user_access"), ==, 6);
}

/* What each login may change: rows changed, or DENIED */
static void
test_writes (Fixture       *fixture,
             gconstpointer  data)
{
  struct
  {
    const char *sql;
    gint64      m1, m2, hr, admin;
  } cases[] = {
    { "UPDATE caseworker SET weekly_hours = weekly_hours WHERE initials = 'AA'", 1, 0, 1, 1 },
    { "UPDATE reduction SET hours = hours", 1, 1, 2, 2 },
    { "UPDATE casefile SET counted = counted WHERE reference = 'S1'", 1, 0, DENIED, 1 },
    { "UPDATE team SET cap = NULL WHERE name = 'Syg'", DENIED, DENIED, 1, 1 },
    { "UPDATE planned_hire SET note = note", DENIED, DENIED, 2, 2 },
    { "UPDATE scenario SET name = name", DENIED, DENIED, 1, 1 },
    { "UPDATE checklist SET title = title", 1, 1, DENIED, 2 },
    { "UPDATE alert_ack SET note = note", 1, 1, DENIED, 2 },
    { "UPDATE setting SET value = value WHERE key = 'nothing'", DENIED, DENIED, DENIED, 0 },
    { "UPDATE area SET note = note WHERE id < 0", DENIED, DENIED, DENIED, 0 },
    { "UPDATE audit SET detail = detail WHERE id < 0", DENIED, DENIED, DENIED, 0 },
    { "DELETE FROM audit WHERE id < 0", DENIED, DENIED, DENIED, 0 },
    /* Nobody but the owner writes the access table, or TRUNCATEs */
    { "INSERT INTO user_access (login, role) VALUES ('x', 'hr')", DENIED, DENIED, DENIED, DENIED },
    { "TRUNCATE audit", DENIED, DENIED, DENIED, DENIED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].sql);
      g_assert_cmpint (write_as (fixture, M1, cases[i].sql), ==, cases[i].m1);
      g_assert_cmpint (write_as (fixture, M2, cases[i].sql), ==, cases[i].m2);
      g_assert_cmpint (write_as (fixture, HR1, cases[i].sql), ==, cases[i].hr);
      g_assert_cmpint (write_as (fixture, HR2, cases[i].sql), ==, cases[i].hr);
      g_assert_cmpint (write_as (fixture, AD1, cases[i].sql), ==, cases[i].admin);
      g_assert_cmpint (write_as (fixture, AD2, cases[i].sql), ==, cases[i].admin);
    }
}

/* A refused write changes nothing, whether the server refuses the table or
 * the row */
static void
test_refused_changes_nothing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *into_job = g_strdup_printf ("INSERT INTO caseworker (initials, name, team_id)"
                                               " VALUES ('ZZ', 'Zenia', %" G_GINT64_FORMAT ")", fixture->job);
  g_autofree char *move = g_strdup_printf ("UPDATE caseworker SET team_id = %" G_GINT64_FORMAT
                                           " WHERE initials = 'AA'", fixture->job);
  g_autofree char *complexity = NULL;
  g_autofree char *team = NULL;

  /* Another team's case is not there for a manager: nothing changes */
  g_assert_cmpint (write_as (fixture, M1, "UPDATE casefile SET complexity = 'enkel' WHERE reference = 'S3'"), ==, 0);
  /* HR may not change cases at all */
  g_assert_cmpint (write_as (fixture, HR1, "UPDATE casefile SET complexity = 'enkel' WHERE reference = 'S3'"), ==, DENIED);
  complexity = sf_test_pg_query (fixture->uri, "SELECT complexity FROM casefile WHERE reference = 'S3'");
  g_assert_cmpstr (complexity, ==, "kompleks");

  /* A manager may not add to, or move their people into, another team */
  g_assert_cmpint (write_as (fixture, M1, into_job), ==, DENIED);
  g_assert_cmpint (write_as (fixture, M1, move), ==, DENIED);
  g_assert_cmpint (owner_int (fixture, "SELECT count (*) FROM caseworker"), ==, 3);
  team = sf_test_pg_query (fixture->uri, "SELECT t.name FROM caseworker c JOIN team t ON t.id = c.team_id"
                                         " WHERE c.initials = 'AA'");
  g_assert_cmpstr (team, ==, "Syg");

  /* A transaction whose last statement is refused leaves nothing of the
   * others */
  g_assert_cmpint (write_as (fixture, M1,
                             "BEGIN;"
                             "UPDATE caseworker SET weekly_hours = 20 WHERE initials = 'AA';"
                             "UPDATE setting SET value = '1' WHERE key = 'x';"
                             "COMMIT"), ==, DENIED);
  g_assert_cmpint (owner_int (fixture, "SELECT weekly_hours FROM caseworker WHERE initials = 'AA'"), ==, 37);
}

/* The change log's who is the login, whatever the program says; only an
 * admin removes rows */
static void
test_who (Fixture       *fixture,
          gconstpointer  data)
{
  SfDb *db = connect_as (fixture, M1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDbStmt) stmt = NULL;
  g_autoptr(SfStore) store = NULL;
  g_autofree char *who = NULL;
  g_autofree char *hr_who = NULL;
  gint64 before;

  stmt = sf_db_prepare (db, "INSERT INTO audit (at, who, action) VALUES ('2026-12-06T10:00:00Z', 'forged', 'test')"
                            " RETURNING who", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  g_assert_cmpstr (sf_db_stmt_column_text (stmt, 0), ==, fixture->logins[M1]);
  g_clear_pointer (&stmt, sf_db_stmt_free);

  /* Through the store (which sends the OS user's name) */
  store = sf_store_open (fixture->uris[HR1], &error);
  g_assert_no_error (error);
  g_assert_true (sf_store_set_setting (store, "near-threshold", "0.85", &error) == FALSE);
  g_assert_error (error, SF_ERROR, SF_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sf_planned_hire_save (store, &(SfPlannedHire) { .team_id = fixture->syg, .weekly_hours = 20,
                                                                 .start = sf_test_day ("2027-03-01") },
                                       &error) > 0);
  g_assert_no_error (error);
  hr_who = sf_test_pg_query (fixture->uri, "SELECT who FROM audit ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (hr_who, ==, fixture->logins[HR1]);

  /* The manager now reads their own row, and may not remove it */
  g_assert_cmpint (count_as (fixture, M1, "audit"), ==, 1);
  g_assert_cmpint (write_as (fixture, M1, "DELETE FROM audit"), ==, DENIED);
  g_assert_cmpint (write_as (fixture, HR1, "DELETE FROM audit"), ==, DENIED);
  g_assert_cmpint (write_as (fixture, HR2, "UPDATE audit SET who = 'someone'"), ==, DENIED);
  who = sf_test_pg_query (fixture->uri, "SELECT count (*) FROM audit WHERE who = 'someone'");
  g_assert_cmpstr (who, ==, "0");
  before = owner_int (fixture, "SELECT count (*) FROM audit");
  g_assert_cmpint (write_as (fixture, AD2, "DELETE FROM audit WHERE action = 'test'"), ==, 1);
  g_assert_cmpint (owner_int (fixture, "SELECT count (*) FROM audit"), ==, before - 1);
}

/* The app under each login: the data set it loads, figures on what it
 * sees, and writes refused with SF_ERROR_DENIED */
static void
test_store (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) owner = sf_store_open (fixture->uri, &error);
  SfSettings settings;
  guint added = 0;

  g_assert_no_error (error);
  g_assert_true (sf_store_load_settings (owner, &settings, &error));

  for (int who = M1; who <= AD2; who++)
    {
      g_autoptr(SfDataset) all = sf_store_load_dataset (owner, &error);
      g_autoptr(SfFigures) all_figures = sf_figures_compute (all, &settings, sf_test_day ("2026-12-06"));
      const SfTeamFigures *syg_all = NULL;
      g_autoptr(SfStore) store = sf_store_open (fixture->uris[who], &error);
      g_autoptr(SfDataset) dataset = NULL;
      g_autoptr(SfFigures) figures = NULL;
      g_autoptr(SfAccessSelf) self = NULL;
      gboolean manager = who == M1 || who == M2;
      gint64 id;

      g_test_message ("as %s", login_kinds[who]);
      g_assert_no_error (error);
      for (guint i = 0; i < all_figures->teams->len; i++)
        if (g_array_index (all_figures->teams, SfTeamFigures, i).team->id == fixture->syg)
          syg_all = &g_array_index (all_figures->teams, SfTeamFigures, i);
      g_assert_nonnull (syg_all);
      dataset = sf_store_load_dataset (store, &error);
      g_assert_no_error (error);
      self = sf_access_get_self (store, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (self->login, ==, fixture->logins[who]);
      g_assert_false (self->owner);

      if (manager)
        {
          const SfTeam *team = &g_array_index (dataset->teams, SfTeam, 0);

          g_assert_cmpint (self->roles, ==, SF_ACCESS_MANAGER);
          g_assert_cmpint (g_strv_length (self->teams), ==, 1);
          g_assert_cmpuint (dataset->teams->len, ==, 1);
          g_assert_cmpstr (team->name, ==, who == M1 ? "Syg" : "Job");
          g_assert_cmpstr (self->teams[0], ==, team->name);
          g_assert_cmpuint (dataset->caseworkers->len, ==, who == M1 ? 2 : 1);
          g_assert_cmpuint (dataset->cases->len, ==, 2);
          g_assert_cmpuint (dataset->planned_hires->len, ==, 1);
        }
      else
        {
          g_assert_cmpint (self->roles, ==, who <= HR2 ? SF_ACCESS_HR : SF_ACCESS_ADMIN);
          g_assert_cmpuint (dataset->teams->len, ==, 2);
          g_assert_cmpuint (dataset->caseworkers->len, ==, 3);
          g_assert_cmpuint (dataset->cases->len, ==, 4 + added);
        }

      /* A manager's figures are computed on what they see: for their own
       * team, the same as everyone's */
      figures = sf_figures_compute (dataset, &settings, sf_test_day ("2026-12-06"));
      if (who == M1 || who >= HR1)
        {
          const SfTeamFigures *syg = NULL;

          for (guint i = 0; i < figures->teams->len; i++)
            if (g_array_index (figures->teams, SfTeamFigures, i).team->id == fixture->syg)
              syg = &g_array_index (figures->teams, SfTeamFigures, i);
          g_assert_nonnull (syg);
          g_assert_cmpfloat (syg->load, ==, syg_all->load);
          g_assert_cmpfloat (syg->capacity, ==, syg_all->capacity);
        }

      /* Settings: admin's */
      if (who >= AD1)
        {
          g_assert_true (sf_store_set_setting (store, "near-threshold", who == AD1 ? "0.8" : "0.9", &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (sf_store_set_setting (store, "near-threshold", "0.5", &error));
          g_assert_error (error, SF_ERROR, SF_ERROR_DENIED);
          g_clear_error (&error);
        }

      /* Cases: a manager's own, and admin's */
      id = sf_cases_add (store, &(SfCase) { .reference = who == M1 ? "N1" : who == M2 ? "N2" : who == HR1 ? "N3"
                                                       : who == HR2 ? "N4" : who == AD1 ? "N5" : "N6",
                                            .complexity = SF_COMPLEXITY_ENKEL,
                                            .start = sf_test_day ("2026-12-01"),
                                            .caseworker_id = who == M2 ? fixture->cc : fixture->aa },
                         &error);
      if (who == HR1 || who == HR2)
        {
          g_assert_cmpint (id, ==, 0);
          g_assert_error (error, SF_ERROR, SF_ERROR_DENIED);
          g_clear_error (&error);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpint (id, >, 0);
          added++;
        }

      /* Planned hires: the roster, HR's and admin's */
      id = sf_planned_hire_save (store, &(SfPlannedHire) { .team_id = who == M2 ? fixture->job : fixture->syg,
                                                           .weekly_hours = 20,
                                                           .start = sf_test_day ("2027-03-01") },
                                 &error);
      if (manager)
        {
          g_assert_cmpint (id, ==, 0);
          g_assert_error (error, SF_ERROR, SF_ERROR_DENIED);
          g_clear_error (&error);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpint (id, >, 0);
        }
    }

  /* What was refused is not there: 4 + 4 new cases, 4 new hires */
  g_assert_cmpint (owner_int (fixture, "SELECT count (*) FROM casefile"), ==, 8);
  g_assert_cmpint (owner_int (fixture, "SELECT count (*) FROM planned_hire"), ==, 6);
  g_assert_cmpint (owner_int (fixture, "SELECT count (*) FROM setting WHERE key = 'near-threshold'"), ==, 1);
  {
    g_autofree char *threshold = sf_test_pg_query (fixture->uri,
                                                   "SELECT value FROM setting WHERE key = 'near-threshold'");

    g_assert_cmpstr (threshold, ==, "0.9");
  }

  /* HR's removal of a caseworker moves their cases, which HR may not:
   * all of it is refused, nothing changes */
  {
    g_autoptr(SfStore) hr = sf_store_open (fixture->uris[HR2], &error);
    g_autoptr(SfRosterSnapshot) snapshot = NULL;
    gint64 bb = owner_int (fixture, "SELECT id FROM caseworker WHERE initials = 'BB'");

    g_assert_no_error (error);
    snapshot = sf_roster_remove_caseworker (hr, fixture->aa, bb, &error);
    g_assert_null (snapshot);
    g_assert_error (error, SF_ERROR, SF_ERROR_DENIED);
    g_assert_cmpint (owner_int (fixture, "SELECT count (*) FROM caseworker WHERE initials = 'AA'"), ==, 1);
    g_assert_cmpint (owner_int (fixture, "SELECT count (*) FROM casefile c JOIN caseworker w"
                                         " ON w.id = c.caseworker_id WHERE w.initials = 'AA'"), ==, 4);
  }
}

/* A login with no grant here is told so */
static void
test_no_access (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open (fixture->uris[NONE], &error);

  g_assert_null (store);
  g_assert_error (error, SF_ERROR, SF_ERROR_DENIED);
  assert_contains (error->message, "access-grant");
}

/* access-grant, access-revoke, access-list and their refusals */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_auto(SfTestRun) run = { 0 };
  g_autofree char *file = g_build_filename (fixture->dir, "local.db", NULL);
  g_autofree char *nologin = g_strdup_printf ("sfa_%ld_nologin", (long) getpid ());
  g_autofree char *sql = g_strdup_printf ("CREATE ROLE \"%s\" NOLOGIN", nologin);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *access;

  /* The list as an admin: everyone; as a manager: themselves */
  sf_test_run_cli (fixture->uris[AD2], &run, "access-list", "--format", "json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  access = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "access");
  g_assert_cmpuint (json_array_get_length (access), ==, 6);
  sf_test_run_clear (&run);
  sf_test_run_cli (fixture->uris[M1], &run, "access-list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, fixture->logins[M1]);
  assert_contains (run.out, "Syg");
  g_assert_null (strstr (run.out, fixture->logins[M2]));
  sf_test_run_clear (&run);

  /* Refusals, each saying why */
  sf_test_run_cli (fixture->uris[AD1], &run, "access-grant", "--login", fixture->logins[M1], "--role", "manager",
                   "--team", "Nowhere", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "There is no team “Nowhere”");
  sf_test_run_clear (&run);
  sf_test_run_cli (fixture->uris[AD1], &run, "access-grant", "--login", "sfa_nobody_here", "--role", "hr", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "There is no login “sfa_nobody_here” on the database server");
  sf_test_run_clear (&run);
  g_free (sf_test_pg_query (fixture->uri, sql));
  sf_test_run_cli (fixture->uris[AD1], &run, "access-grant", "--login", nologin, "--role", "hr", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "cannot sign in");
  sf_test_run_clear (&run);
  g_free (sql);
  sql = g_strdup_printf ("DROP ROLE \"%s\"", nologin);
  g_free (sf_test_pg_query (fixture->uri, sql));
  sf_test_run_cli (fixture->uris[AD1], &run, "access-grant", "--login", fixture->logins[M1], "--role", "manager", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "name them");
  sf_test_run_clear (&run);
  sf_test_run_cli (fixture->uris[AD1], &run, "access-grant", "--login", fixture->logins[M1], "--role", "boss", NULL);
  g_assert_cmpint (run.status, ==, 2);
  sf_test_run_clear (&run);
  /* Only an admin grants, even through the server's own function */
  sf_test_run_cli (fixture->uris[HR1], &run, "access-grant", "--login", fixture->logins[HR1], "--role", "admin", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "Only an administrator");
  sf_test_run_clear (&run);
  g_free (sql);
  sql = g_strdup_printf ("SELECT sf_access_grant ('%s', 'admin', NULL)", fixture->logins[M1]);
  g_assert_cmpint (write_as (fixture, M1, sql), ==, DENIED);
  g_assert_cmpint (count_as (fixture, AD1, "user_access"), ==, 6);

  /* A second team for M1, then taking one away, then all */
  sf_test_run_cli (fixture->uris[AD1], &run, "access-grant", "--login", fixture->logins[M1], "--role", "manager",
                   "--team", "Job", NULL);
  g_assert_cmpint (run.status, ==, 0);
  sf_test_run_clear (&run);
  g_assert_cmpint (count_as (fixture, M1, "caseworker"), ==, 3);
  sf_test_run_cli (fixture->uris[AD1], &run, "access-revoke", "--login", fixture->logins[M1], "--team", "Syg", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "Took 1 grant from");
  sf_test_run_clear (&run);
  g_assert_cmpint (count_as (fixture, M1, "caseworker"), ==, 1);
  sf_test_run_cli (fixture->uris[AD1], &run, "access-revoke", "--login", fixture->logins[M1], NULL);
  g_assert_cmpint (run.status, ==, 0);
  sf_test_run_clear (&run);
  /* With no access left, the group role went too */
  g_free (sql);
  sql = g_strdup_printf ("SELECT pg_has_role ('%s', 'sagsfordeling_manager', 'MEMBER')", fixture->logins[M1]);
  {
    g_autofree char *member = sf_test_pg_query (fixture->uri, sql);

    g_assert_cmpstr (member, ==, "0");
  }
  sf_test_run_cli (fixture->uris[AD1], &run, "access-revoke", "--login", fixture->logins[M1], NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "had no such access");
  sf_test_run_clear (&run);

  /* A database file has none of it */
  sf_test_run_cli (file, &run, "access-list", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, "access control belongs to a shared database");
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
}

static void
on_store_changed_count_cb (SfStore        *store,
                           const SfChange *change,
                           guint          *n)
{
  (*n)++;
}

static void
on_context_changed_count_cb (SfContext              *context,
                             const SfContextChanges *changes,
                             guint                  *n_everything)
{
  if (changes->what & SF_CONTEXT_EVERYTHING)
    (*n_everything)++;
}

static gboolean
deadline_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @store has emitted a change more than @before
 * (the others' notifications arrived on the socket); fails after a
 * generous deadline */
static void
wait_for_change (guint *n,
                 guint  before)
{
  gboolean passed = FALSE;
  guint deadline = g_timeout_add_seconds (20, deadline_cb, &passed);

  while (*n == before && !passed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (passed);
  g_source_remove (deadline);
}

static char *
fresh_report (const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open (uri, &error);
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  SfSettings settings;

  g_assert_no_error (error);
  sf_settings_init_defaults (&settings);
  g_assert_true (sf_store_load_settings (store, &settings, &error));
  dataset = sf_store_load_dataset (store, &error);
  g_assert_no_error (error);
  figures = sf_figures_compute (dataset, &settings, sf_day_today ());
  return sf_report_render (figures, SF_REPORT_JSON);
}

/* A manager's window follows another team's edits as the incremental
 * path does: a caseworker row-level security hides is nothing to it, and
 * nothing is read again; one moved into its team is read (everything,
 * as a caseworker added is) */
static void
test_live_out_of_sight (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) mine = sf_store_open (fixture->uris[M1], &error);
  g_autoptr(SfStore) theirs = NULL;
  g_autoptr(SfStore) hr = NULL;
  g_autoptr(SfContext) context = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfRosterSnapshot) moved = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *report = NULL;
  const SfDataset *before;
  SfCaseworker worker;
  guint n_changes = 0, n_everything = 0, first, n;

  g_assert_no_error (error);
  context = sf_context_new (mine);
  g_assert_true (sf_context_reload (context, &error));
  g_assert_true (sf_context_follow_others (context, &error));
  g_assert_no_error (error);
  g_signal_connect (mine, "changed", G_CALLBACK (on_store_changed_count_cb), &n_changes);
  g_signal_connect (context, "changed", G_CALLBACK (on_context_changed_count_cb), &n_everything);
  before = sf_context_get_dataset (context);
  g_assert_null (sf_dataset_find_caseworker (before, fixture->cc));

  /* Job's manager changes CC's hours and reductions */
  theirs = sf_store_open (fixture->uris[M2], &error);
  g_assert_no_error (error);
  dataset = sf_store_load_dataset (theirs, &error);
  g_assert_no_error (error);
  worker = *sf_dataset_find_caseworker (dataset, fixture->cc);
  worker.weekly_hours = 25;
  first = sf_dataset_find_reductions (dataset, fixture->cc, &n);
  g_assert_cmpint (sf_roster_save_caseworker (theirs, &worker, &g_array_index (dataset->reductions, SfReduction, first),
                                              n, &error), ==, fixture->cc);
  g_assert_no_error (error);
  wait_for_change (&n_changes, 0);
  g_assert_cmpuint (n_everything, ==, 0);
  g_assert_true (sf_context_get_dataset (context) == before);
  g_assert_null (sf_dataset_find_caseworker (before, fixture->cc));

  /* HR moves CC into Syg: now it is Syg's manager's */
  hr = sf_store_open (fixture->uris[HR1], &error);
  g_assert_no_error (error);
  moved = sf_roster_move_caseworker (hr, fixture->cc, fixture->syg, &error);
  g_assert_no_error (error);
  g_assert_nonnull (moved);
  wait_for_change (&n_changes, 1);
  while (sf_context_take_others_changes (context))
    ;
  g_assert_nonnull (sf_dataset_find_caseworker (sf_context_get_dataset (context), fixture->cc));
  fresh = fresh_report (fixture->uris[M1]);
  report = sf_report_render (sf_context_get_figures (context), SF_REPORT_JSON);
  g_assert_cmpstr (report, ==, fresh);
}

/* A manager's case import preview on the server is a dry run as that
 * login: it sees, compares and tries their own teams only (the server's
 * row-level security), names a colleague of another team as it would
 * any initials unknown, and writes nothing until imported */
static void
test_manager_preview (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open (fixture->uris[M1], &error);
  g_autoptr(SfStore) other = NULL;
  g_autoptr(SfDataset) theirs = NULL;
  g_autoptr(SfImportPreview) preview = NULL;
  g_auto(SfImportResult) result = { 0 };
  /* S1 (AA) becomes særligt kompliceret, S5 is new for BB; S2 (BB) is not
   * in the file; S3 and S4 are Job's, out of sight */
  g_autoptr(GBytes) mine = sf_test_bytes ("sagsnummer;initialer;kompleksitet;startdato\n"
                                          "S1;AA;saerligt-kompliceret;2026-01-01\n"
                                          "S5;BB;kompleks;2026-03-01\n");
  g_autoptr(GBytes) with_theirs = sf_test_bytes ("sagsnummer;initialer;kompleksitet;startdato\n"
                                                 "S1;AA;saerligt-kompliceret;2026-01-01\n"
                                                 "S5;BB;kompleks;2026-03-01\n"
                                                 "S6;CC;enkel;2026-03-01\n");
  SfDay ref = sf_test_day ("2026-06-01");
  gint64 bb = owner_int (fixture, "SELECT id FROM caseworker WHERE initials = 'BB'");
  gint64 audits = owner_int (fixture, "SELECT count (*) FROM audit");

  g_assert_no_error (error);
  preview = sf_import_preview_cases (store, mine, ref, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->problems->len, ==, 0);
  g_assert_cmpuint (preview->n_updated, ==, 1);
  g_assert_cmpuint (preview->n_new, ==, 1);
  g_assert_cmpuint (preview->n_not_in_file, ==, 1);
  g_assert_cmpuint (sf_import_guard_get_size (preview->guard), ==, 1);
  /* The data as it would be, as this manager sees it: Syg only */
  g_assert_cmpuint (preview->after->teams->len, ==, 1);
  g_assert_cmpuint (preview->after->caseworkers->len, ==, 2);
  g_assert_cmpuint (preview->after->cases->len, ==, 3);
  g_assert_null (sf_dataset_find_caseworker (preview->after, fixture->cc));
  /* AA 1 → 2, BB 0.5 → 1.5 */
  g_assert_cmpuint (preview->effects->len, ==, 2);
  for (guint i = 0; i < preview->effects->len; i++)
    {
      const SfCaseEffect *effect = &g_array_index (preview->effects, SfCaseEffect, i);

      g_assert_true (effect->caseworker_id == fixture->aa || effect->caseworker_id == bb);
      g_assert_cmpfloat_with_epsilon (effect->load_before, effect->caseworker_id == bb ? 0.5 : 1.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (effect->load_after, effect->caseworker_id == bb ? 1.5 : 2.0, 1e-9);
    }
  g_assert_cmpint (owner_int (fixture, "SELECT count (*) FROM casefile"), ==, 4);
  g_assert_cmpint (owner_int (fixture, "SELECT count (*) FROM casefile WHERE version > 1"), ==, 0);
  g_assert_cmpint (owner_int (fixture, "SELECT count (*) FROM audit"), ==, audits);

  /* Job's caseworker is not there for this manager */
  {
    g_autoptr(SfImportPreview) refused = sf_import_preview_cases (store, with_theirs, ref, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (refused->problems->len, ==, 1);
    assert_contains (g_ptr_array_index (refused->problems, 0), "Line 4: no caseworker has the initials “CC”");
  }

  /* S3 is Job's: its number is taken by a case out of this manager's
   * sight, said with the line, in the preview and in the import alike */
  {
    g_autoptr(GBytes) taken = sf_test_bytes ("sagsnummer;initialer;kompleksitet;startdato\n"
                                             "S1;AA;saerligt-kompliceret;2026-01-01\n"
                                             "S3;AA;enkel;2026-03-01\n");
    g_autoptr(SfImportPreview) refused = sf_import_preview_cases (store, taken, ref, &error);
    g_auto(SfImportResult) one_go = { 0 };

    g_assert_no_error (error);
    g_assert_cmpuint (refused->problems->len, ==, 1);
    assert_contains (g_ptr_array_index (refused->problems, 0),
                     "Line 3: the case number “S3” is already used by a case you cannot see");
    g_assert_false (sf_import_cases (store, taken, &one_go, &error));
    g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
    assert_contains (error->message, "Line 3: the case number “S3” is already used");
    g_clear_error (&error);
  }

  g_assert_true (sf_import_preview_apply (store, preview, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (owner_int (fixture, "SELECT count (*) FROM casefile"), ==, 5);
  g_assert_cmpint (owner_int (fixture, "SELECT count (*) FROM casefile WHERE reference = 'S1'"
                                       " AND complexity = 'saerligt-kompliceret'"), ==, 1);
  /* Job's manager sees their two cases as they were */
  other = sf_store_open (fixture->uris[M2], &error);
  g_assert_no_error (error);
  theirs = sf_store_load_dataset (other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (theirs->cases->len, ==, 2);

  /* With none of their own cases in the table, the import does not copy
   * straight in as into an empty table: Job's cases are there */
  owner_exec (fixture, "DELETE FROM casefile WHERE reference IN ('S1', 'S2', 'S5')");
  {
    g_autoptr(GBytes) first = sf_test_bytes ("sagsnummer;initialer;kompleksitet\n"
                                             "S7;AA;enkel\n"
                                             "S4;BB;enkel\n");
    g_autoptr(SfImportPreview) refused = sf_import_preview_cases (store, first, ref, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (refused->problems->len, ==, 1);
    assert_contains (g_ptr_array_index (refused->problems, 0), "Line 3: the case number “S4” is already used");
  }
  g_assert_cmpint (owner_int (fixture, "SELECT count (*) FROM casefile"), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  sf_test_pg_require (argc, argv);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/access/reads", test_reads);
  ADD ("/access/writes", test_writes);
  ADD ("/access/refused-changes-nothing", test_refused_changes_nothing);
  ADD ("/access/who", test_who);
  ADD ("/access/store", test_store);
  ADD ("/access/no-access", test_no_access);
  ADD ("/access/cli", test_cli);
  ADD ("/access/live-out-of-sight", test_live_out_of_sight);
  ADD ("/access/manager-preview", test_manager_preview);
#undef ADD

  return g_test_run ();
}
