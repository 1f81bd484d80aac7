/* Edit conflicts on the rows beside caseworkers, teams and single cases
 * (docs/store.md, "Row versions and conflicts"): checklist check marks and
 * follow-up intervals, alert acknowledgements, planned hires, settings, a
 * team's norm, own case areas, cases closed, reassigned, reopened, deleted
 * or covered together and their undo.  Two clients (two stores
 * on one file, or two connections to one server) read the same row; one
 * writes, the other's write based on what it read is refused with the
 * winner's values, who and when, and changes nothing (the row, the change
 * log); applying it again on the version the conflict names succeeds.
 * Versions by hand: a new row is 1; a claimed write raises it twice (the
 * claim, the update), an unclaimed one once. */

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
  gint64   worker_id;         /* "AB" in team_id */
  gint64   other_id;          /* "CD" in team_id */
  gboolean server;
} Fixture;

static gint64
audits (Fixture *fx)
{
  return sf_test_query_int (fx->a, "SELECT count (*) FROM audit");
}

static gint64
add_worker (Fixture    *fx,
            const char *initials,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  SfCaseworker worker = { 0 };
  gint64 id;

  worker.initials = (char *) initials;
  worker.name = (char *) name;
  worker.team_id = fx->team_id;
  worker.weekly_hours = 37;
  worker.individual_factor = 1;
  id = sf_roster_save_caseworker (fx->a, &worker, NULL, 0, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfTeam team = { 0 };

  sf_test_store_set_up (&fx->db, data);
  fx->a = fx->db.store;
  fx->server = sf_db_get_kind (sf_store_get_db (fx->a)) == SF_DB_POSTGRES;
  fx->b = sf_test_open_second_store (fx->a);

  team.name = (char *) "Modtageteam";
  team.area_id = sf_test_query_int (fx->a, "SELECT id FROM area WHERE key = 'boern-familie'");
  fx->team_id = sf_roster_save_team (fx->a, &team, &error);
  g_assert_no_error (error);
  fx->worker_id = add_worker (fx, "AB", "Anna Berg");
  fx->other_id = add_worker (fx, "CD", "Carl Dahl");
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->b);
  sf_test_store_tear_down (&fx->db, data);
}

static char *
session_user (SfStore *store)
{
  g_autoptr(SfDbStmt) stmt = sf_store_prepare (store, "SELECT session_user", NULL);

  g_assert_cmpint (sf_db_stmt_step (stmt), ==, SF_DB_ROW);
  return g_strdup (sf_db_stmt_column_text (stmt, 0));
}

/* @error is a conflict over row @id of @table, read at @expected and now at
 * @version, which @winner made (who: its login on a server, nobody on a
 * file; when: a moment ago, in UTC); returns it */
static const SfConflict *
assert_conflict (Fixture      *fx,
                 const GError *error,
                 const char   *table,
                 gint64        id,
                 gint64        expected,
                 gint64        version,
                 SfStore      *winner)
{
  const SfConflict *conflict = sf_conflict_get (error);
  g_autoptr(GDateTime) when = NULL;

  g_assert_nonnull (conflict);
  g_assert_cmpint (error->code, ==, version != 0 ? SF_CONFLICT_ERROR_CHANGED : SF_CONFLICT_ERROR_REMOVED);
  g_assert_cmpstr (conflict->table, ==, table);
  g_assert_cmpint (conflict->id, ==, id);
  g_assert_cmpint (conflict->expected, ==, expected);
  g_assert_cmpint (conflict->version, ==, version);
  if (version == 0)
    return conflict;
  when = g_date_time_new_from_iso8601 (conflict->when, NULL);
  g_assert_nonnull (when);
  g_assert_true (g_str_has_suffix (conflict->when, "Z"));
  if (fx->server)
    {
      g_autofree char *login = session_user (winner);

      g_assert_cmpstr (conflict->who, ==, login);
      g_assert_nonnull (strstr (error->message, login));
    }
  else
    g_assert_null (conflict->who);
  return conflict;
}

static const char *
their (const SfConflict *conflict,
       const char       *column)
{
  g_assert_true (g_hash_table_contains (conflict->values, column));
  return g_hash_table_lookup (conflict->values, column);
}

/* ---- checklist check marks ------------------------------------------- */

/* The first item of the team's checklist as @store reads it now */
static SfChecklistItem *
first_item (SfStore *store,
            gint64   team_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklists = sf_checklists_load (store, team_id, sf_day_today (), &error);
  const SfChecklist *checklist;
  const SfChecklistItem *item;
  SfChecklistItem *copy;

  g_assert_no_error (error);
  g_assert_cmpuint (checklists->len, ==, 1);
  checklist = g_ptr_array_index (checklists, 0);
  item = g_ptr_array_index (checklist->items, 0);
  copy = g_new0 (SfChecklistItem, 1);
  copy->id = item->id;
  copy->version = item->version;
  copy->checked_on = item->checked_on;
  copy->checked_by = g_strdup (item->checked_by);
  return copy;
}

static void
item_free (SfChecklistItem *item)
{
  g_free (item->checked_by);
  g_free (item);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfChecklistItem, item_free)

/* The team's checklist of the first shipped template, made by a */
static void
create_checklist (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = sf_checklist_templates_load_default (&error);
  const SfChecklistTemplate *template_;

  g_assert_no_error (error);
  template_ = g_ptr_array_index (templates, 0);
  g_assert_cmpint (sf_checklist_create (fx->a, fx->team_id, template_->key, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_checklist (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfChecklistItem) a = NULL;
  g_autoptr(SfChecklistItem) b = NULL;
  g_autoptr(SfChecklistItem) now = NULL;
  const SfConflict *conflict;
  SfDay today = sf_day_today ();
  gint64 events, logged;

  create_checklist (fx);
  a = first_item (fx->a, fx->team_id);
  b = first_item (fx->b, fx->team_id);
  g_assert_cmpint (a->version, ==, 1);

  /* b checks it first */
  g_assert_true (sf_checklist_check_versioned (fx->b, b->id, b->version, today, "BB", "Set up", &error));
  g_assert_no_error (error);
  events = sf_test_query_int (fx->a, "SELECT count (*) FROM checklist_event");
  logged = audits (fx);

  /* a's check, based on the unchecked item, is refused */
  g_assert_false (sf_checklist_check_versioned (fx->a, a->id, a->version, today, "AA", "Mine", &error));
  conflict = assert_conflict (fx, error, "checklist_item", a->id, 1, 3, fx->b);
  g_assert_cmpstr (their (conflict, "checked_by"), ==, "BB");
  g_assert_cmpstr (their (conflict, "note"), ==, "Set up");
  g_assert_nonnull (strstr (error->message, "checklist"));
  g_assert_cmpint (sf_test_query_int (fx->a, "SELECT count (*) FROM checklist_event"), ==, events);
  g_assert_cmpint (audits (fx), ==, logged);
  now = first_item (fx->a, fx->team_id);
  g_assert_cmpstr (now->checked_by, ==, "BB");
  g_assert_cmpint (now->version, ==, 3);

  /* Unchecking what a read before b's check: refused too */
  g_clear_error (&error);
  g_assert_false (sf_checklist_uncheck_versioned (fx->a, a->id, a->version, &error));
  assert_conflict (fx, error, "checklist_item", a->id, 1, 3, fx->b);
  g_clear_pointer (&now, item_free);
  now = first_item (fx->a, fx->team_id);
  g_assert_cmpstr (now->checked_by, ==, "BB");

  /* Apply Mine: on the version the conflict named */
  g_clear_error (&error);
  g_assert_true (sf_checklist_check_versioned (fx->a, a->id, 3, today, "AA", "Mine", &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, item_free);
  now = first_item (fx->b, fx->team_id);
  g_assert_cmpstr (now->checked_by, ==, "AA");
  g_assert_cmpint (now->version, ==, 5);

  /* b unchecks what it read before a's check: refused, a's check stays */
  g_assert_false (sf_checklist_uncheck_versioned (fx->b, b->id, 3, &error));
  conflict = assert_conflict (fx, error, "checklist_item", b->id, 3, 5, fx->a);
  g_assert_cmpstr (their (conflict, "checked_by"), ==, "AA");
  g_clear_error (&error);
  g_assert_true (sf_checklist_uncheck_versioned (fx->b, b->id, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_test_query_int (fx->a, "SELECT count (*) FROM checklist_item WHERE checked_on IS NOT NULL"), ==, 0);
}

/* ---- alert acknowledgements ------------------------------------------ */

static SfAlertAck *
ack_of (SfStore       *store,
        const SfAlert *alert)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) acks = sf_alert_acks_load (store, &error);
  g_autofree char *identity = sf_alert_identity (alert);
  SfAlertAck *ack;

  g_assert_no_error (error);
  ack = g_hash_table_lookup (acks, identity);
  if (ack == NULL)
    return NULL;
  g_hash_table_steal (acks, identity);
  return ack;
}


static void
test_acknowledgement (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfAlertAck) seen = NULL;
  g_autoptr(SfAlertAck) now = NULL;
  SfAlert alert = { .kind = SF_ALERT_OVER_NORM, .severity = SF_SEVERITY_ERROR, .team_id = fx->team_id,
                    .caseworker_id = fx->worker_id, .subject = (char *) "AB", .value = 1.2 };
  const SfConflict *conflict;
  gint64 logged;

  /* Both saw the alert unacknowledged; b acknowledges it first */
  g_assert_true (sf_alert_acknowledge_versioned (fx->b, &alert, "Cases move Monday", SF_DAY_NONE, 0, 0, &error));
  g_assert_no_error (error);
  now = ack_of (fx->a, &alert);
  g_assert_cmpint (now->version, ==, 1);
  logged = audits (fx);

  /* a's acknowledgement, of an alert it saw unacknowledged, is refused */
  g_assert_false (sf_alert_acknowledge_versioned (fx->a, &alert, "Hire in March", SF_DAY_NONE, 0, 0, &error));
  conflict = assert_conflict (fx, error, "alert_ack", now->id, 0, 1, fx->b);
  g_assert_cmpstr (their (conflict, "note"), ==, "Cases move Monday");
  g_assert_cmpint (audits (fx), ==, logged);
  g_clear_pointer (&now, sf_alert_ack_free);
  now = ack_of (fx->a, &alert);
  g_assert_cmpstr (now->note, ==, "Cases move Monday");

  /* Apply Mine: over b's, at its version */
  g_clear_error (&error);
  seen = ack_of (fx->b, &alert);
  g_assert_true (sf_alert_acknowledge_versioned (fx->a, &alert, "Hire in March", SF_DAY_NONE,
                                                 seen->id, seen->version, &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, sf_alert_ack_free);
  now = ack_of (fx->b, &alert);
  g_assert_cmpstr (now->note, ==, "Hire in March");
  g_assert_cmpint (now->version, ==, 3);

  /* b takes away the acknowledgement it saw (version 1): refused */
  g_assert_false (sf_alert_unacknowledge_versioned (fx->b, &alert, seen->id, seen->version, &error));
  conflict = assert_conflict (fx, error, "alert_ack", seen->id, 1, 3, fx->a);
  g_assert_cmpstr (their (conflict, "note"), ==, "Hire in March");
  g_assert_cmpint (sf_test_query_int (fx->a, "SELECT count (*) FROM alert_ack"), ==, 1);
  /* and once a took it away, acknowledging over it names it gone */
  g_clear_error (&error);
  g_assert_true (sf_alert_unacknowledge_versioned (fx->a, &alert, now->id, now->version, &error));
  g_assert_no_error (error);
  g_assert_false (sf_alert_acknowledge_versioned (fx->b, &alert, "Again", SF_DAY_NONE, now->id, 3, &error));
  assert_conflict (fx, error, "alert_ack", now->id, 3, 0, fx->a);
  g_assert_cmpint (sf_test_query_int (fx->a, "SELECT count (*) FROM alert_ack"), ==, 0);
}

/* ---- planned hires --------------------------------------------------- */

static SfPlannedHire
hire_of (SfStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hires = sf_planned_hires_load (store, 0, &error);
  SfPlannedHire hire;

  g_assert_no_error (error);
  g_assert_cmpuint (hires->len, ==, 1);
  hire = g_array_index (hires, SfPlannedHire, 0);
  hire.note = NULL;
  return hire;
}

static void
test_planned_hire (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfPlannedHire hire = { .team_id = 0, .weekly_hours = 37, .start = sf_day_today () };
  SfPlannedHire a, b;
  const SfConflict *conflict;
  gint64 id, logged;

  hire.team_id = fx->team_id;
  id = sf_planned_hire_save (fx->a, &hire, &error);
  g_assert_no_error (error);
  a = hire_of (fx->a);
  b = hire_of (fx->b);
  g_assert_cmpint (a.id, ==, id);
  g_assert_cmpint (a.version, ==, 1);

  /* b edits it first; a's edit and a's removal are refused */
  b.weekly_hours = 30;
  g_assert_cmpint (sf_planned_hire_save (fx->b, &b, &error), ==, id);
  g_assert_no_error (error);
  logged = audits (fx);
  a.weekly_hours = 20;
  g_assert_cmpint (sf_planned_hire_save (fx->a, &a, &error), ==, 0);
  conflict = assert_conflict (fx, error, "planned_hire", id, 1, 3, fx->b);
  g_assert_cmpfloat (g_ascii_strtod (their (conflict, "weekly_hours"), NULL), ==, 30);
  g_clear_error (&error);
  g_assert_false (sf_planned_hire_remove_versioned (fx->a, id, a.version, &error));
  assert_conflict (fx, error, "planned_hire", id, 1, 3, fx->b);
  g_clear_error (&error);
  g_assert_cmpint (audits (fx), ==, logged);
  g_assert_cmpfloat (hire_of (fx->a).weekly_hours, ==, 30);

  /* Apply Mine */
  a.version = 3;
  g_assert_cmpint (sf_planned_hire_save (fx->a, &a, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpfloat (hire_of (fx->b).weekly_hours, ==, 20);

  /* b removes what it read: refused; at the version now, removed; then a's
   * edit of it is told it is gone */
  g_assert_false (sf_planned_hire_remove_versioned (fx->b, id, 3, &error));
  assert_conflict (fx, error, "planned_hire", id, 3, 5, fx->a);
  g_clear_error (&error);
  g_assert_true (sf_planned_hire_remove_versioned (fx->b, id, 5, &error));
  g_assert_no_error (error);
  a.version = 5;
  g_assert_cmpint (sf_planned_hire_save (fx->a, &a, &error), ==, 0);
  assert_conflict (fx, error, "planned_hire", id, 5, 0, fx->b);
  g_assert_cmpint (sf_test_query_int (fx->a, "SELECT count (*) FROM planned_hire"), ==, 0);
}

/* ---- settings -------------------------------------------------------- */

static void
test_setting (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SfSettings seen_a, seen_b, now;
  const SfConflict *conflict;
  gint64 logged;

  g_assert_true (sf_store_load_settings (fx->a, &seen_a, &error));
  g_assert_true (sf_store_load_settings (fx->b, &seen_b, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (seen_a.weights[SF_COMPLEXITY_ENKEL], ==, 0.5);

  /* b sets the weight first (on the default: no row yet); a's is refused */
  g_assert_true (sf_preferences_set_setting (fx->b, "weight-enkel", "Simple", "0.6", &seen_b, &error));
  g_assert_no_error (error);
  logged = audits (fx);
  g_assert_false (sf_preferences_set_setting (fx->a, "weight-enkel", "Simple", "0.4", &seen_a, &error));
  g_assert_error (error, SF_CONFLICT_ERROR, SF_CONFLICT_ERROR_CHANGED);
  conflict = sf_conflict_get (error);
  g_assert_cmpstr (conflict->table, ==, "setting");
  g_assert_cmpstr (their (conflict, "weight-enkel"), ==, "0.6");
  g_assert_nonnull (strstr (error->message, "Simple"));
  g_assert_cmpint (audits (fx), ==, logged);
  g_assert_true (sf_store_load_settings (fx->a, &now, NULL));
  g_assert_cmpfloat (now.weights[SF_COMPLEXITY_ENKEL], ==, 0.6);

  /* Another setting a read is still as read: its write goes through */
  g_clear_error (&error);
  g_assert_true (sf_preferences_set_setting (fx->a, "weight-kompleks", "Complex", "1.5", &seen_a, &error));
  g_assert_no_error (error);
  /* b's second write of the weight, on the value it set: fine; a's, on
   * what it read again now: fine too */
  seen_b.weights[SF_COMPLEXITY_ENKEL] = 0.6;
  g_assert_true (sf_preferences_set_setting (fx->b, "weight-enkel", "Simple", "0.7", &seen_b, &error));
  g_assert_true (sf_store_load_settings (fx->a, &seen_a, NULL));
  g_assert_true (sf_preferences_set_setting (fx->a, "weight-enkel", "Simple", "0.4", &seen_a, &error));
  g_assert_no_error (error);
  g_assert_true (sf_store_load_settings (fx->b, &now, NULL));
  g_assert_cmpfloat (now.weights[SF_COMPLEXITY_ENKEL], ==, 0.4);
  g_assert_cmpfloat (now.weights[SF_COMPLEXITY_KOMPLEKS], ==, 1.5);
}

/* ---- own case areas -------------------------------------------------- */

static SfArea *
area_of (SfStore   *store,
         gint64     id,
         SfDataset **dataset)
{
  g_autoptr(GError) error = NULL;

  *dataset = sf_store_load_dataset (store, &error);
  g_assert_no_error (error);
  return (SfArea *) sf_dataset_find_area (*dataset, id);
}

static void
test_own_area (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) seen_a = NULL;
  g_autoptr(SfDataset) seen_b = NULL;
  g_autoptr(SfDataset) now = NULL;
  SfArea area = { .key = (char *) "ips-team", .name = (char *) "IPS", .own_low = 20, .own_high = 30,
                  .source = (char *) "Own count" };
  SfArea *a, *b;
  char *name;
  const SfConflict *conflict;
  gint64 id, logged;

  id = sf_areas_add (fx->a, &area, &error);
  g_assert_no_error (error);
  a = area_of (fx->a, id, &seen_a);
  b = area_of (fx->b, id, &seen_b);
  g_assert_cmpint (a->version, ==, 1);

  b->own_high = 28;
  g_assert_true (sf_areas_update (fx->b, b, &error));
  g_assert_no_error (error);
  logged = audits (fx);
  name = a->name;
  a->name = (char *) "IPS-teamet";
  g_assert_false (sf_areas_update (fx->a, a, &error));
  a->name = name;
  conflict = assert_conflict (fx, error, "area", id, 1, 3, fx->b);
  g_assert_cmpfloat (g_ascii_strtod (their (conflict, "own_high"), NULL), ==, 28);
  g_clear_error (&error);
  g_assert_false (sf_areas_remove_versioned (fx->a, id, 1, NULL, &error));
  assert_conflict (fx, error, "area", id, 1, 3, fx->b);
  g_assert_cmpint (audits (fx), ==, logged);
  a = area_of (fx->a, id, &now);
  g_assert_cmpstr (a->name, ==, "IPS");
  g_assert_cmpfloat (a->own_high, ==, 28);
  g_clear_pointer (&now, sf_dataset_free);

  /* On the version now, a's removal goes through */
  g_clear_error (&error);
  g_assert_true (sf_areas_remove_versioned (fx->a, id, 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (area_of (fx->b, id, &now));
}

/* ---- cases closed and reassigned together, and their undo ------------- */

static gint64
add_case (Fixture    *fx,
          const char *reference)
{
  g_autoptr(GError) error = NULL;
  SfCase kase = { .reference = (char *) reference, .complexity = SF_COMPLEXITY_KOMPLEKS,
                  .start = sf_test_day ("2026-01-05"), .caseworker_id = fx->worker_id };
  gint64 id = sf_cases_add (fx->a, &kase, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
case_version (SfStore *store,
              gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT version FROM casefile WHERE id = %" G_GINT64_FORMAT, id);

  return sf_test_query_int (store, sql);
}

static void
test_cases (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) snapshot = NULL;
  gint64 ids[2], versions[2] = { 1, 1 }, after[2] = { 0, 0 };
  SfDay day = sf_test_day ("2026-03-02");
  const SfConflict *conflict;
  gint64 logged;

  ids[0] = add_case (fx, "2026-0001");
  ids[1] = add_case (fx, "2026-0002");

  /* b reassigns the second case; a closes both, as read before: refused,
   * naming the second, and neither is closed */
  g_assert_true (sf_cases_reassign_versioned (fx->b, &ids[1], &versions[1], 1, fx->other_id, NULL, &error));
  g_assert_no_error (error);
  logged = audits (fx);
  g_assert_false (sf_cases_close_versioned (fx->a, ids, versions, 2, day, NULL, &error));
  conflict = assert_conflict (fx, error, "casefile", ids[1], 1, 3, fx->b);
  g_assert_cmpint (g_ascii_strtoll (their (conflict, "caseworker_id"), NULL, 10), ==, fx->other_id);
  g_assert_nonnull (strstr (error->message, "2026-0002"));
  g_assert_cmpint (sf_test_query_int (fx->a, "SELECT count (*) FROM casefile WHERE closed_date IS NOT NULL"), ==, 0);
  g_assert_cmpint (audits (fx), ==, logged);
  g_clear_error (&error);
  /* a's reassignment of both, likewise */
  g_assert_false (sf_cases_reassign_versioned (fx->a, ids, versions, 2, fx->worker_id, NULL, &error));
  assert_conflict (fx, error, "casefile", ids[1], 1, 3, fx->b);
  g_clear_error (&error);

  /* Apply Mine: on the versions now; the versions left are what an undo
   * claims */
  versions[1] = 3;
  snapshot = sf_cases_snapshot (fx->a, ids, 2, &error);
  g_assert_true (sf_cases_close_versioned (fx->a, ids, versions, 2, day, after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (after[0], ==, 3);
  g_assert_cmpint (after[1], ==, 5);
  g_assert_cmpint (case_version (fx->b, ids[0]), ==, 3);

  /* b reopens the first meanwhile: a's undo is refused, nothing restored */
  g_assert_true (sf_cases_reopen (fx->b, &ids[0], 1, &error));
  g_assert_no_error (error);
  logged = audits (fx);
  g_assert_false (sf_cases_restore_versioned (fx->a, snapshot, after, &error));
  conflict = assert_conflict (fx, error, "casefile", ids[0], 3, 4, fx->b);
  g_assert_null (their (conflict, "closed_date"));
  g_assert_cmpint (sf_test_query_int (fx->a, "SELECT count (*) FROM casefile WHERE closed_date IS NOT NULL"), ==, 1);
  g_assert_cmpint (audits (fx), ==, logged);

  /* Undo with nobody's change in between: restored */
  g_clear_error (&error);
  after[0] = 4;
  g_assert_true (sf_cases_restore_versioned (fx->a, snapshot, after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_test_query_int (fx->a, "SELECT count (*) FROM casefile WHERE closed_date IS NOT NULL"), ==, 0);
}

static gint64
open_cases (Fixture *fx)
{
  return sf_test_query_int (fx->a, "SELECT count (*) FROM casefile WHERE closed_date IS NULL");
}

static gint64
covered_cases (Fixture *fx)
{
  return sf_test_query_int (fx->a, "SELECT count (*) FROM casefile WHERE cover_id IS NOT NULL");
}

/* Reopening, deleting and covering several cases claim them as read, as
 * closing does; so do their undo, and a deleted case's undo wants its id
 * still free */
static void
test_cases_reopen_delete_cover (Fixture       *fx,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) snapshot = NULL;
  g_autoptr(GArray) deleted = NULL;
  g_autoptr(GArray) intruder = NULL;
  gint64 ids[2], versions[2] = { 2, 2 }, after[2] = { 0, 0 };
  gint64 removed = SF_CASES_VERSION_REMOVED;
  SfDay day = sf_test_day ("2026-03-02");
  const SfConflict *conflict;
  gint64 logged;

  ids[0] = add_case (fx, "2026-0001");
  ids[1] = add_case (fx, "2026-0002");
  /* Both closed (unclaimed: version 2), as both clients read them */
  g_assert_true (sf_cases_close (fx->a, ids, 2, day, &error));
  g_assert_no_error (error);
  g_assert_cmpint (case_version (fx->b, ids[1]), ==, 2);

  /* b gives the second a cover (claimed: 4); a's reopening, deleting and
   * covering of both, as read, are refused naming the second */
  g_assert_true (sf_cases_set_cover_versioned (fx->b, &ids[1], &versions[1], 1, fx->other_id, NULL, &error));
  g_assert_no_error (error);
  logged = audits (fx);
  g_assert_false (sf_cases_reopen_versioned (fx->a, ids, versions, 2, NULL, &error));
  conflict = assert_conflict (fx, error, "casefile", ids[1], 2, 4, fx->b);
  g_assert_cmpint (g_ascii_strtoll (their (conflict, "cover_id"), NULL, 10), ==, fx->other_id);
  g_assert_nonnull (strstr (error->message, "2026-0002"));
  g_clear_error (&error);
  g_assert_false (sf_cases_delete_versioned (fx->a, ids, versions, 2, &error));
  assert_conflict (fx, error, "casefile", ids[1], 2, 4, fx->b);
  g_clear_error (&error);
  g_assert_false (sf_cases_set_cover_versioned (fx->a, ids, versions, 2, 0, NULL, &error));
  assert_conflict (fx, error, "casefile", ids[1], 2, 4, fx->b);
  g_clear_error (&error);
  /* Nothing of a's was written: both closed, both there, b's cover kept */
  g_assert_cmpint (open_cases (fx), ==, 0);
  g_assert_cmpint (sf_store_count (fx->a, "casefile"), ==, 2);
  g_assert_cmpint (covered_cases (fx), ==, 1);
  g_assert_cmpint (audits (fx), ==, logged);

  /* Apply Mine: reopened on the versions now; the versions left are what
   * the undo claims */
  versions[1] = 4;
  snapshot = sf_cases_snapshot (fx->a, ids, 2, &error);
  g_assert_true (sf_cases_reopen_versioned (fx->a, ids, versions, 2, after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (after[0], ==, 4);
  g_assert_cmpint (after[1], ==, 6);
  g_assert_cmpint (open_cases (fx), ==, 2);

  /* b closes the first again meanwhile: a's undo is refused, nothing
   * restored (the second stays open) */
  g_assert_true (sf_cases_close (fx->b, &ids[0], 1, day, &error));
  g_assert_no_error (error);
  logged = audits (fx);
  g_assert_false (sf_cases_restore_versioned (fx->a, snapshot, after, &error));
  conflict = assert_conflict (fx, error, "casefile", ids[0], 4, 5, fx->b);
  g_assert_cmpstr (their (conflict, "closed_date"), ==, "2026-03-02");
  g_assert_cmpint (open_cases (fx), ==, 1);
  g_assert_cmpint (audits (fx), ==, logged);
  g_clear_error (&error);

  /* a covers both by CD on the versions now (5, 6): 7, 8; b's cover of the
   * first by AB's colleague, on what it read before, is refused */
  versions[0] = 5;
  versions[1] = 6;
  g_assert_true (sf_cases_set_cover_versioned (fx->a, ids, versions, 2, fx->other_id, after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (after[0], ==, 7);
  g_assert_cmpint (after[1], ==, 8);
  g_assert_false (sf_cases_set_cover_versioned (fx->b, &ids[0], &versions[0], 1, 0, NULL, &error));
  assert_conflict (fx, error, "casefile", ids[0], 5, 7, fx->a);
  g_assert_cmpint (covered_cases (fx), ==, 2);
  g_clear_error (&error);

  /* a deletes the second at its version; meanwhile b makes a case under
   * the same id (as a file does when the newest case goes): a's undo
   * would write over it, and is refused naming both */
  deleted = sf_cases_snapshot (fx->a, &ids[1], 1, &error);
  g_assert_true (sf_cases_delete_versioned (fx->a, &ids[1], &after[1], 1, &error));
  g_assert_no_error (error);
  intruder = sf_cases_snapshot (fx->a, &ids[0], 1, &error);
  g_assert_no_error (error);
  g_free (g_array_index (intruder, SfCase, 0).reference);
  g_array_index (intruder, SfCase, 0).reference = g_strdup ("2026-0003");
  g_array_index (intruder, SfCase, 0).id = ids[1];
  g_assert_true (sf_cases_restore (fx->b, intruder, &error));
  g_assert_no_error (error);
  logged = audits (fx);
  g_assert_false (sf_cases_restore_versioned (fx->a, deleted, &removed, &error));
  g_assert_error (error, SF_CONFLICT_ERROR, SF_CONFLICT_ERROR_CHANGED);
  conflict = sf_conflict_get (error);
  g_assert_cmpstr (conflict->table, ==, "casefile");
  g_assert_cmpint (conflict->id, ==, ids[1]);
  g_assert_cmpint (conflict->expected, ==, 0);
  g_assert_cmpstr (their (conflict, "reference"), ==, "2026-0003");
  g_assert_nonnull (strstr (error->message, "2026-0002"));
  g_assert_nonnull (strstr (error->message, "2026-0003"));
  g_assert_cmpint (sf_test_query_int (fx->a, "SELECT count (*) FROM casefile WHERE reference = '2026-0003'"), ==, 1);
  g_assert_cmpint (sf_test_query_int (fx->a, "SELECT count (*) FROM casefile WHERE reference = '2026-0002'"), ==, 0);
  g_assert_cmpint (audits (fx), ==, logged);
  g_clear_error (&error);

  /* With the id free again, the undo puts the case back */
  g_assert_true (sf_cases_delete (fx->b, &ids[1], 1, &error));
  g_assert_true (sf_cases_restore_versioned (fx->a, deleted, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_test_query_int (fx->a, "SELECT count (*) FROM casefile WHERE reference = '2026-0002'"), ==, 1);
}

/* The undo of an entry of counts claims the cases it added and closed */
static void
test_counts_undo (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(SfCountsResult) added = { 0 };
  g_auto(SfCountsResult) closed = { 0 };
  guint two[SF_N_COMPLEXITIES] = { 0, 2, 0 };
  guint one[SF_N_COMPLEXITIES] = { 0, 1, 0 };
  SfDay day = sf_test_day ("2026-03-02");
  const SfConflict *conflict;
  gint64 taken, kept, logged;

  /* a enters two kompleks cases for AB (new: version 1), then one, which
   * closes the newest (a plain update: version 2) */
  g_assert_true (sf_cases_set_counts (fx->a, fx->worker_id, two, day, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added.added_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (added.added_versions, gint64, 0), ==, 1);
  g_assert_true (sf_cases_set_counts (fx->a, fx->worker_id, one, day, &closed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (closed.closed_ids->len, ==, 1);
  taken = g_array_index (closed.closed_ids, gint64, 0);
  g_assert_cmpint (g_array_index (closed.closed_versions, gint64, 0), ==, 2);
  kept = g_array_index (added.added_ids, gint64, 0) == taken ? g_array_index (added.added_ids, gint64, 1)
                                                              : g_array_index (added.added_ids, gint64, 0);

  /* b gives the case still open to CD: undoing the first entry (deleting
   * both) is refused, naming it; nothing is deleted */
  g_assert_true (sf_cases_reassign (fx->b, &kept, 1, fx->other_id, &error));
  g_assert_no_error (error);
  logged = audits (fx);
  g_assert_false (sf_cases_undo_counts (fx->a, &added, &error));
  /* (the case closed since is refused first when it comes first) */
  conflict = sf_conflict_get (error);
  g_assert_nonnull (conflict);
  g_assert_true (conflict->id == kept || conflict->id == taken);
  g_assert_cmpint (sf_store_count (fx->a, "casefile"), ==, 2);
  g_assert_cmpint (audits (fx), ==, logged);
  g_clear_error (&error);

  /* b gives the closed one to CD too: undoing the second entry
   * (reopening it) is refused, and it stays closed */
  g_assert_true (sf_cases_reassign (fx->b, &taken, 1, fx->other_id, &error));
  g_assert_no_error (error);
  logged = audits (fx);
  g_assert_false (sf_cases_undo_counts (fx->a, &closed, &error));
  conflict = assert_conflict (fx, error, "casefile", taken, 2, 3, fx->b);
  g_assert_cmpint (g_ascii_strtoll (their (conflict, "caseworker_id"), NULL, 10), ==, fx->other_id);
  g_assert_cmpint (open_cases (fx), ==, 1);
  g_assert_cmpint (audits (fx), ==, logged);
  g_clear_error (&error);

  /* With nobody's change in between, the undo goes through */
  g_array_index (closed.closed_versions, gint64, 0) = 3;
  g_assert_true (sf_cases_undo_counts (fx->a, &closed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (open_cases (fx), ==, 2);
}

/* ---- a team's norm --------------------------------------------------- */

static double
stored_cap (Fixture *fx)
{
  g_autofree char *sql = g_strdup_printf ("SELECT cap * 10 FROM team WHERE id = %" G_GINT64_FORMAT, fx->team_id);

  return sf_test_query_int (fx->a, sql) / 10.0;
}

static void
test_team_norm (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT version FROM team WHERE id = %" G_GINT64_FORMAT, fx->team_id);
  const SfConflict *conflict;
  gint64 seen, logged;

  seen = sf_test_query_int (fx->a, sql);
  g_assert_cmpint (seen, >=, 1);

  /* b sets the norm first on the team it read; a's, on the same, is
   * refused with b's norm, who and when */
  g_assert_true (sf_preferences_set_team_norm_versioned (fx->b, fx->team_id, seen, 18, &error));
  g_assert_no_error (error);
  logged = audits (fx);
  g_assert_false (sf_preferences_set_team_norm_versioned (fx->a, fx->team_id, seen, 25.5, &error));
  conflict = assert_conflict (fx, error, "team", fx->team_id, seen, seen + 2, fx->b);
  g_assert_cmpfloat (g_ascii_strtod (their (conflict, "cap"), NULL), ==, 18);
  g_assert_nonnull (strstr (error->message, "Modtageteam"));
  g_assert_cmpfloat (stored_cap (fx), ==, 18);
  g_assert_cmpint (audits (fx), ==, logged);
  /* Back to the area's range, on the team as read: refused too */
  g_clear_error (&error);
  g_assert_false (sf_preferences_set_team_norm_versioned (fx->a, fx->team_id, seen, 0, &error));
  assert_conflict (fx, error, "team", fx->team_id, seen, seen + 2, fx->b);
  g_assert_cmpfloat (stored_cap (fx), ==, 18);

  /* Apply Mine: on the version the conflict named */
  g_clear_error (&error);
  g_assert_true (sf_preferences_set_team_norm_versioned (fx->a, fx->team_id, seen + 2, 25.5, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (stored_cap (fx), ==, 25.5);
  g_assert_cmpint (sf_test_query_int (fx->b, sql), ==, seen + 4);

  /* Any change to the team since counts: b renames it; a's reset of the
   * norm on what it read is refused, naming the team as it is now */
  {
    g_autoptr(SfDataset) dataset = sf_store_load_dataset (fx->b, &error);
    SfTeam team = *sf_dataset_find_team (dataset, fx->team_id);

    g_assert_no_error (error);
    team.name = (char *) "Modtagelsen";
    g_assert_cmpint (sf_roster_save_team (fx->b, &team, &error), ==, fx->team_id);
    g_assert_no_error (error);
  }
  g_assert_false (sf_preferences_set_team_norm_versioned (fx->a, fx->team_id, seen + 4, 0, &error));
  conflict = assert_conflict (fx, error, "team", fx->team_id, seen + 4, seen + 6, fx->b);
  g_assert_cmpstr (their (conflict, "name"), ==, "Modtagelsen");
  g_assert_nonnull (strstr (error->message, "Modtagelsen"));
  g_assert_cmpfloat (stored_cap (fx), ==, 25.5);
}

/* ---- a checklist item's follow-up interval --------------------------- */

static gint64
item_column (Fixture    *fx,
             const char *column,
             gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM checklist_item WHERE id = %" G_GINT64_FORMAT, column, id);

  return sf_test_query_int (fx->a, sql);
}

static void
test_checklist_interval (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfChecklistItem) a = NULL;
  const SfConflict *conflict;
  SfDay today = sf_day_today ();
  gint64 events, logged;

  create_checklist (fx);
  a = first_item (fx->a, fx->team_id);
  g_assert_cmpint (a->version, ==, 1);

  /* b sets the item's interval (unclaimed, as the command line does: 2); a checks it
   * with another interval, as its form read the item: refused, nothing
   * written (no check, no event, no change-log line, b's interval) */
  g_assert_true (sf_checklist_set_review (fx->b, a->id, 12, &error));
  g_assert_no_error (error);
  events = sf_test_query_int (fx->a, "SELECT count (*) FROM checklist_event");
  logged = audits (fx);
  g_assert_false (sf_checklist_follow_up_versioned (fx->a, a->id, a->version, today, "AA", "Mine", 3, &error));
  conflict = assert_conflict (fx, error, "checklist_item", a->id, 1, 2, fx->b);
  g_assert_cmpstr (their (conflict, "review_months"), ==, "12");
  g_assert_null (their (conflict, "checked_on"));
  g_assert_cmpint (item_column (fx, "review_months", a->id), ==, 12);
  g_assert_cmpint (sf_test_query_int (fx->a, "SELECT count (*) FROM checklist_item WHERE checked_on IS NOT NULL"),
                   ==, 0);
  g_assert_cmpint (sf_test_query_int (fx->a, "SELECT count (*) FROM checklist_event"), ==, events);
  g_assert_cmpint (audits (fx), ==, logged);

  /* Apply Mine: the check and the interval in one claimed write (4), a
   * change-log line for each */
  g_clear_error (&error);
  g_assert_true (sf_checklist_follow_up_versioned (fx->a, a->id, 2, today, "AA", "Mine", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item_column (fx, "version", a->id), ==, 4);
  g_assert_cmpint (item_column (fx, "review_months", a->id), ==, 3);
  g_assert_cmpint (audits (fx), ==, logged + 2);

  /* b's follow-up on what it read before (2), its interval 12 as its form
   * shows it: refused, a's interval stays */
  g_assert_false (sf_checklist_follow_up_versioned (fx->b, a->id, 2, today, "BB", NULL, 12, &error));
  conflict = assert_conflict (fx, error, "checklist_item", a->id, 2, 4, fx->a);
  g_assert_cmpstr (their (conflict, "review_months"), ==, "3");
  g_assert_cmpstr (their (conflict, "checked_by"), ==, "AA");
  g_assert_cmpint (item_column (fx, "review_months", a->id), ==, 3);

  /* A follow-up that leaves the interval as it is logs the check alone */
  g_clear_error (&error);
  logged = audits (fx);
  g_assert_true (sf_checklist_follow_up_versioned (fx->b, a->id, 4, today, "BB", NULL, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audits (fx), ==, logged + 1);
  g_assert_cmpint (item_column (fx, "version", a->id), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/conflict-rows/checklist", test_checklist);
  ADD ("/conflict-rows/acknowledgement", test_acknowledgement);
  ADD ("/conflict-rows/planned-hire", test_planned_hire);
  ADD ("/conflict-rows/setting", test_setting);
  ADD ("/conflict-rows/own-area", test_own_area);
  ADD ("/conflict-rows/cases", test_cases);
  ADD ("/conflict-rows/cases-reopen-delete-cover", test_cases_reopen_delete_cover);
  ADD ("/conflict-rows/counts-undo", test_counts_undo);
  ADD ("/conflict-rows/team-norm", test_team_norm);
  ADD ("/conflict-rows/checklist-interval", test_checklist_interval);
#undef ADD

  return g_test_run ();
}
