#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sf-checklist.h"
#include "sf-conflict.h"
#include "sf-db-bind.h"
#include "sf-error.h"
#include "sf-figure-history.h"
#include "sf-privacy.h"

typedef struct
{
  SfDay  day;
  gint64 open_cases;
  double load;
  double norm;
  char   status[8];
} LastRow;

static gboolean
same (double a,
      double b)
{
  return fabs (a - b) <= SF_EPSILON;
}

/* The latest row of each subject on or before @ref: of every subject, or
 * with @ids (ascending) of those alone, one lookup each.  WITHOUT ROWID
 * tables keyed (subject, day) make each lookup one index seek. */
static GHashTable *
load_latest (SfStore      *store,
             const char   *sql_all,
             const char   *sql_one,
             const GArray *ids,
             SfDay         ref,
             GError      **error)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *iso = sf_day_to_iso (ref);
  SfDbStmt *stmt = sf_store_prepare (store, ids != NULL ? sql_one : sql_all, error);
  int rc = SF_DB_DONE;

  if (stmt == NULL)
    return NULL;
  sf_db_stmt_bind_text_static (stmt, 1, iso);
  for (guint k = 0; rc == SF_DB_DONE && k < (ids != NULL ? ids->len : 1); k++)
    {
      if (ids != NULL)
        {
          sf_db_stmt_reset (stmt);
          sf_db_stmt_bind_int64 (stmt, 2, g_array_index (ids, gint64, k));
        }
      while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
        {
          gint64 *id = g_new (gint64, 1);
          LastRow *row = g_new0 (LastRow, 1);

          *id = sf_db_stmt_column_int64 (stmt, 0);
          sf_day_parse (sf_db_stmt_column_text (stmt, 1), &row->day);
          row->open_cases = sf_db_stmt_column_int64 (stmt, 2);
          row->load = sf_db_stmt_column_double (stmt, 3);
          row->norm = sf_db_stmt_column_double (stmt, 4);
          g_strlcpy (row->status, sf_db_stmt_column_text (stmt, 5), sizeof row->status);
          g_hash_table_insert (rows, id, row);
        }
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

#define LATEST_WORKERS \
  "SELECT h.caseworker_id, h.day, h.open_cases, h.weighted_load, h.adjusted_norm, h.status" \
  " FROM caseworker w JOIN worker_history h ON h.caseworker_id = w.id" \
  " AND h.day = (SELECT max (day) FROM worker_history WHERE caseworker_id = w.id AND day <= ?1)"

#define LATEST_TEAMS \
  "SELECT h.team_id, h.day, h.open_cases, h.load, h.capacity, h.uncovered_cases" \
  " FROM team t JOIN team_history h ON h.team_id = t.id" \
  " AND h.day = (SELECT max (day) FROM team_history WHERE team_id = t.id AND day <= ?1)"

#define LATEST_WORKER \
  "SELECT caseworker_id, day, open_cases, weighted_load, adjusted_norm, status FROM worker_history" \
  " WHERE caseworker_id = ?2 AND day <= ?1 ORDER BY day DESC LIMIT 1"

#define LATEST_TEAM \
  "SELECT team_id, day, open_cases, load, capacity, uncovered_cases FROM team_history" \
  " WHERE team_id = ?2 AND day <= ?1 ORDER BY day DESC LIMIT 1"

static SfStatus
parse_status (const char *key)
{
  for (SfStatus status = SF_STATUS_WITHIN; status <= SF_STATUS_OVER; status++)
    if (g_strcmp0 (key, sf_status_to_key (status)) == 0)
      return status;
  return SF_STATUS_WITHIN;
}

/* LastRow tables as the trend reads them. */
static GHashTable *
to_recorded (GHashTable *rows,
             gboolean    teams)
{
  GHashTable *recorded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const LastRow *row = value;
      SfRecorded *r = g_new0 (SfRecorded, 1);

      r->open_cases = (guint) row->open_cases;
      r->load = row->load;
      r->norm = row->norm;
      if (teams)
        r->uncovered_cases = (guint) g_ascii_strtoull (row->status, NULL, 10);
      else
        r->status = parse_status (row->status);
      g_hash_table_insert (recorded, g_memdup2 (key, sizeof (gint64)), r);
    }
  return recorded;
}

GPtrArray *
sf_figure_history_load_recordings (SfStore       *store,
                            const GArray  *days,
                            GError       **error)
{
  return sf_figure_history_load_recordings_some (store, days, NULL, NULL, error);
}

GPtrArray *
sf_figure_history_load_recordings_some (SfStore       *store,
                                 const GArray  *days,
                                 const GArray  *caseworker_ids,
                                 const GArray  *team_ids,
                                 GError       **error)
{
  g_autoptr(GPtrArray) recordings = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_recording_free);
  g_autoptr(GHashTable) recorded = g_hash_table_new (NULL, NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  SfDbStmt *stmt;
  int rc;

  if (days->len == 0)
    return g_steal_pointer (&recordings);
  /* The days with rows, in one pass over each table */
  first = sf_day_to_iso (g_array_index (days, SfDay, 0));
  last = sf_day_to_iso (g_array_index (days, SfDay, days->len - 1));
  stmt = sf_store_prepare (store,
                           "SELECT DISTINCT day FROM worker_history WHERE day BETWEEN ?1 AND ?2"
                           " UNION SELECT DISTINCT day FROM team_history WHERE day BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return NULL;
  sf_db_stmt_bind_text_static (stmt, 1, first);
  sf_db_stmt_bind_text_static (stmt, 2, last);
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      SfDay day;

      if (sf_day_parse (sf_db_stmt_column_text (stmt, 0), &day))
        g_hash_table_add (recorded, GUINT_TO_POINTER (day));
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      return NULL;
    }

  for (guint i = 0; i < days->len; i++)
    {
      SfDay day = g_array_index (days, SfDay, i);
      g_autoptr(GHashTable) workers = NULL;
      g_autoptr(GHashTable) teams = NULL;
      SfRecording *recording;

      if (!g_hash_table_contains (recorded, GUINT_TO_POINTER (day)))
        {
          g_ptr_array_add (recordings, NULL);
          continue;
        }
      workers = load_latest (store, LATEST_WORKERS, LATEST_WORKER, caseworker_ids, day, error);
      teams = workers != NULL ? load_latest (store, LATEST_TEAMS, LATEST_TEAM, team_ids, day, error) : NULL;
      if (teams == NULL)
        return NULL;
      recording = g_new0 (SfRecording, 1);
      recording->day = day;
      recording->workers = to_recorded (workers, FALSE);
      recording->teams = to_recorded (teams, TRUE);
      g_ptr_array_add (recordings, recording);
    }
  return g_steal_pointer (&recordings);
}

/* Writes a row for the figures' day where a person's or team's figures
 * differ from their latest row; a second change on the same day replaces
 * that day's row.  Writes nothing (takes no lock) when nothing changed. */
gboolean
sf_figure_history_record (SfStore          *store,
                   const SfFigures  *figures,
                   GError          **error)
{
  return sf_figure_history_record_some (store, figures, NULL, NULL, error);
}

/* A caseworker's or team's figures for one row of worker_history or
 * team_history: the sixth column is a caseworker's status key, or a team's
 * count of uncovered cases (@status NULL). */
typedef struct
{
  gint64      id;
  gint64      open_cases;
  double      load;
  double      norm;
  const char *status;
  gint64      uncovered;
} HistoryRow;

/* Whether @now differs from the latest row recorded, @row (NULL: none). */
static gboolean
differs (const LastRow    *row,
         const HistoryRow *now)
{
  if (row == NULL || row->open_cases != now->open_cases || !same (row->load, now->load) ||
      !same (row->norm, now->norm))
    return TRUE;
  /* For teams, the status column holds the count of uncovered cases. */
  if (now->status != NULL)
    return strcmp (row->status, now->status) != 0;
  return g_ascii_strtoull (row->status, NULL, 10) != (guint64) now->uncovered;
}

/* Copies @rows (HistoryRow) into the temporary table @table. */
static gboolean
copy_rows (SfDb              *db,
           const char        *table,
           const char * const *columns,
           const GArray      *rows,
           const char        *iso)
{
  SfDbCopy *copy = sf_db_copy_begin (db, table, columns, NULL);

  if (copy == NULL)
    return FALSE;
  for (guint k = 0; k < rows->len; k++)
    {
      const HistoryRow *row = &g_array_index (rows, HistoryRow, k);

      sf_db_copy_put_int64 (copy, 0, row->id);
      sf_db_copy_put_text (copy, 1, iso);
      sf_db_copy_put_int64 (copy, 2, row->open_cases);
      sf_db_copy_put_double (copy, 3, row->load);
      sf_db_copy_put_double (copy, 4, row->norm);
      if (row->status != NULL)
        sf_db_copy_put_text (copy, 5, row->status);
      else
        sf_db_copy_put_int64 (copy, 5, row->uncovered);
      if (!sf_db_copy_row (copy, NULL))
        {
          sf_db_copy_end (copy, FALSE, NULL);
          return FALSE;
        }
    }
  return sf_db_copy_end (copy, TRUE, NULL);
}

/* Writes @rows (HistoryRow) with @stmt, an upsert of the six columns. */
static gboolean
put_rows (SfStore       *store,
          SfDbStmt      *stmt,
          const GArray  *rows,
          const char    *iso,
          GError       **error)
{
  for (guint k = 0; k < rows->len; k++)
    {
      const HistoryRow *row = &g_array_index (rows, HistoryRow, k);

      sf_db_stmt_bind_int64 (stmt, 1, row->id);
      sf_db_stmt_bind_text_static (stmt, 2, iso);
      sf_db_stmt_bind_int64 (stmt, 3, row->open_cases);
      sf_db_stmt_bind_double (stmt, 4, row->load);
      sf_db_stmt_bind_double (stmt, 5, row->norm);
      if (row->status != NULL)
        sf_db_stmt_bind_text_static (stmt, 6, row->status);
      else
        sf_db_stmt_bind_int64 (stmt, 6, row->uncovered);
      if (!sf_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* On a server, where a statement is a round trip: the changed rows are
 * copied into temporary tables (COPY) and written with one upsert each,
 * about six round trips for the 3,600 rows of a large municipality's
 * first start of a day, instead of one a row. */
static gboolean
record_on_server (SfStore       *store,
                  const GArray  *worker_changes,
                  const GArray  *team_changes,
                  const char    *iso,
                  GError       **error)
{
  static const char * const worker_columns[] = {
    "caseworker_id", "day", "open_cases", "weighted_load", "adjusted_norm", "status", NULL
  };
  static const char * const team_columns[] = {
    "team_id", "day", "open_cases", "load", "capacity", "uncovered_cases", NULL
  };
  SfDb *db = sf_store_get_db (store);

  if (!sf_store_begin (store, error))
    return FALSE;
  if (!sf_store_exec (store,
                      "DROP TABLE IF EXISTS sf_history_worker; DROP TABLE IF EXISTS sf_history_team;"
                      "CREATE TEMPORARY TABLE sf_history_worker (caseworker_id INTEGER, day text,"
                      "  open_cases INTEGER, weighted_load REAL, adjusted_norm REAL, status text) ON COMMIT DROP;"
                      "CREATE TEMPORARY TABLE sf_history_team (team_id INTEGER, day text,"
                      "  open_cases INTEGER, load REAL, capacity REAL, uncovered_cases INTEGER) ON COMMIT DROP",
                      error))
    goto rollback;

  if (!copy_rows (db, "sf_history_worker", worker_columns, worker_changes, iso) ||
      !copy_rows (db, "sf_history_team", team_columns, team_changes, iso))
    goto failed;

  if (!sf_store_exec (store,
                      "INSERT INTO worker_history (caseworker_id, day, open_cases, weighted_load,"
                      "  adjusted_norm, status)"
                      " SELECT caseworker_id, day, open_cases, weighted_load, adjusted_norm, status"
                      " FROM sf_history_worker"
                      " ON CONFLICT (caseworker_id, day) DO UPDATE SET open_cases = excluded.open_cases,"
                      " weighted_load = excluded.weighted_load, adjusted_norm = excluded.adjusted_norm,"
                      " status = excluded.status;"
                      "INSERT INTO team_history (team_id, day, open_cases, load, capacity, uncovered_cases)"
                      " SELECT team_id, day, open_cases, load, capacity, uncovered_cases FROM sf_history_team"
                      " ON CONFLICT (team_id, day) DO UPDATE SET open_cases = excluded.open_cases,"
                      " load = excluded.load, capacity = excluded.capacity,"
                      " uncovered_cases = excluded.uncovered_cases",
                      error))
    goto rollback;
  return sf_store_commit (store, error);

failed:
  sf_store_set_db_error (store, error);
rollback:
  sf_store_rollback (store);
  return FALSE;
}

gboolean
sf_figure_history_record_some (SfStore          *store,
                        const SfFigures  *figures,
                        const GArray     *caseworker_ids,
                        const GArray     *team_ids,
                        GError          **error)
{
  g_autoptr(GHashTable) workers = load_latest (store, LATEST_WORKERS, LATEST_WORKER, caseworker_ids,
                                               figures->ref, error);
  g_autoptr(GHashTable) teams = NULL;
  g_autoptr(GArray) worker_changes = g_array_new (FALSE, FALSE, sizeof (HistoryRow));
  g_autoptr(GArray) team_changes = g_array_new (FALSE, FALSE, sizeof (HistoryRow));
  g_autofree char *iso = sf_day_to_iso (figures->ref);
  SfDbStmt *put_worker = NULL, *put_team = NULL;
  gboolean ok = FALSE;

  if (workers == NULL)
    return FALSE;
  teams = load_latest (store, LATEST_TEAMS, LATEST_TEAM, team_ids, figures->ref, error);
  if (teams == NULL)
    return FALSE;

  for (guint i = 0; i < figures->workers->len; i++)
    {
      const SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, i);
      HistoryRow now = { wf->worker->id, wf->open_cases, wf->weighted_load, wf->adjusted_norm,
                         sf_status_to_key (wf->status), 0 };

      if (caseworker_ids != NULL && !sf_ids_contain (caseworker_ids, now.id))
        continue;
      if (differs (g_hash_table_lookup (workers, &now.id), &now))
        g_array_append_val (worker_changes, now);
    }
  for (guint i = 0; i < figures->teams->len; i++)
    {
      const SfTeamFigures *tf = &g_array_index (figures->teams, SfTeamFigures, i);
      HistoryRow now = { tf->team->id, tf->open_cases, tf->load, tf->capacity, NULL, tf->uncovered_cases };

      if (team_ids != NULL && !sf_ids_contain (team_ids, now.id))
        continue;
      if (differs (g_hash_table_lookup (teams, &now.id), &now))
        g_array_append_val (team_changes, now);
    }

  if (worker_changes->len == 0 && team_changes->len == 0)
    return TRUE;

  if (sf_db_get_kind (sf_store_get_db (store)) == SF_DB_POSTGRES)
    {
      if (!record_on_server (store, worker_changes, team_changes, iso, error))
        return FALSE;
      sf_store_note_unannounced_rows (store, worker_changes->len + team_changes->len);
      return TRUE;
    }

  put_worker = sf_store_prepare (store,
                                 "INSERT INTO worker_history (caseworker_id, day, open_cases,"
                                 " weighted_load, adjusted_norm, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                 " ON CONFLICT (caseworker_id, day) DO UPDATE SET open_cases = excluded.open_cases,"
                                 " weighted_load = excluded.weighted_load, adjusted_norm = excluded.adjusted_norm,"
                                 " status = excluded.status",
                                 error);
  put_team = sf_store_prepare (store,
                               "INSERT INTO team_history (team_id, day, open_cases, load,"
                               " capacity, uncovered_cases) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                               " ON CONFLICT (team_id, day) DO UPDATE SET open_cases = excluded.open_cases,"
                               " load = excluded.load, capacity = excluded.capacity,"
                               " uncovered_cases = excluded.uncovered_cases",
                               error);
  if (put_worker == NULL || put_team == NULL || !sf_store_begin (store, error))
    goto out;

  if (!put_rows (store, put_worker, worker_changes, iso, error) ||
      !put_rows (store, put_team, team_changes, iso, error))
    goto rollback;
  ok = sf_store_commit (store, error);
  /* The history is read for "since" alone: no view needs to hear of it */
  if (ok)
    sf_store_note_unannounced_rows (store, worker_changes->len + team_changes->len);
  goto out;

rollback:
  sf_store_rollback (store);
out:
  sf_db_stmt_free (put_worker);
  sf_db_stmt_free (put_team);
  return ok;
}

/* Walks a subject's rows from the newest back while @in_run holds; the
 * oldest such row's day is when the current run began. */
static SfDay
run_start (SfDbStmt *stmt,
           gint64        id,
           const char   *iso,
           const char   *want_status)
{
  SfDay since = SF_DAY_NONE;

  sf_db_stmt_bind_int64 (stmt, 1, id);
  sf_db_stmt_bind_text_static (stmt, 2, iso);
  while (sf_db_stmt_step (stmt) == SF_DB_ROW)
    {
      const char *status = sf_db_stmt_column_text (stmt, 1);
      gboolean in_run = want_status ? g_strcmp0 (status, want_status) == 0
                                    : sf_db_stmt_column_int64 (stmt, 1) > 0;

      if (!in_run)
        break;
      sf_day_parse (sf_db_stmt_column_text (stmt, 0), &since);
    }
  sf_db_stmt_reset (stmt);
  return since;
}

/* On a server every query is a round trip: there the run of everyone's
 * newest state, and the first day of it, is read in one query for all
 * people and one for all teams (the window functions below), instead of
 * a query a person or team, as load_since() does for a few or on a file.
 * Keys: "ID:STATUS" of people, "ID" of teams. */
#define RUNS_WORKERS \
  "SELECT caseworker_id, latest, min (day) FROM (" \
  " SELECT caseworker_id, day, latest," \
  "  max (CASE WHEN status <> latest THEN day END) OVER (PARTITION BY caseworker_id) AS broke" \
  " FROM (SELECT caseworker_id, day, status," \
  "   first_value (status) OVER (PARTITION BY caseworker_id ORDER BY day DESC) AS latest" \
  "   FROM worker_history WHERE day <= ?1) a) b" \
  " WHERE broke IS NULL OR day > broke GROUP BY caseworker_id, latest"
#define RUNS_TEAMS \
  "SELECT team_id, '', min (day) FROM (" \
  " SELECT team_id, day, latest," \
  "  max (CASE WHEN uncovered_cases > 0 THEN NULL ELSE day END) OVER (PARTITION BY team_id) AS broke" \
  " FROM (SELECT team_id, day, uncovered_cases," \
  "   first_value (uncovered_cases) OVER (PARTITION BY team_id ORDER BY day DESC) AS latest" \
  "   FROM team_history WHERE day <= ?1) a) b" \
  " WHERE latest > 0 AND (broke IS NULL OR day > broke) GROUP BY team_id"

static GHashTable *
load_runs (SfStore     *store,
           const char  *sql,
           const char  *iso,
           GError     **error)
{
  g_autoptr(GHashTable) runs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SfDbStmt) stmt = sf_store_prepare (store, sql, error);
  SfDbStep rc;

  if (stmt == NULL)
    return NULL;
  sf_db_stmt_bind_text_static (stmt, 1, iso);
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      const char *status = sf_db_stmt_column_text (stmt, 1);
      SfDay day = SF_DAY_NONE;

      if (!sf_day_parse (sf_db_stmt_column_text (stmt, 2), &day))
        continue;
      g_hash_table_insert (runs,
                           status != NULL && *status != '\0'
                             ? g_strdup_printf ("%" G_GINT64_FORMAT ":%s", sf_db_stmt_column_int64 (stmt, 0), status)
                             : g_strdup_printf ("%" G_GINT64_FORMAT, sf_db_stmt_column_int64 (stmt, 0)),
                           GUINT_TO_POINTER (day));
    }
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&runs);
}

static GHashTable *
load_since_at_once (SfStore          *store,
                    const SfFigures  *figures,
                    GError          **error)
{
  g_autoptr(GHashTable) since = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *iso = sf_day_to_iso (figures->ref);
  g_autoptr(GHashTable) workers = load_runs (store, RUNS_WORKERS, iso, error);
  g_autoptr(GHashTable) teams = workers != NULL ? load_runs (store, RUNS_TEAMS, iso, error) : NULL;

  if (teams == NULL)
    return NULL;
  for (guint i = 0; i < figures->workers->len; i++)
    {
      const SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, i);
      g_autofree char *key = NULL;
      gpointer day;

      if (wf->status == SF_STATUS_WITHIN)
        continue;
      key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", wf->worker->id, sf_status_to_key (wf->status));
      if (g_hash_table_lookup_extended (workers, key, NULL, &day))
        g_hash_table_insert (since, g_strdup_printf ("w%" G_GINT64_FORMAT, wf->worker->id), day);
    }
  for (guint i = 0; i < figures->teams->len; i++)
    {
      const SfTeamFigures *tf = &g_array_index (figures->teams, SfTeamFigures, i);
      g_autofree char *key = NULL;
      gpointer day;

      if (tf->uncovered_cases == 0)
        continue;
      key = g_strdup_printf ("%" G_GINT64_FORMAT, tf->team->id);
      if (g_hash_table_lookup_extended (teams, key, NULL, &day))
        g_hash_table_insert (since, g_strdup_printf ("t%" G_GINT64_FORMAT ":%s", tf->team->id,
                                                     sf_alert_kind_to_key (SF_ALERT_UNCOVERED_CASES)),
                             day);
    }
  return g_steal_pointer (&since);
}

/* For each person who is near or over, and each team with uncovered cases
 * (of @caseworker_ids and @team_ids alone when given), the first day of the
 * unbroken run of that state that reaches the reference date.  Keys as
 * sf_alerts_apply() expects them. */
static GHashTable *
load_since (SfStore          *store,
            const SfFigures  *figures,
            const GArray     *caseworker_ids,
            const GArray     *team_ids,
            GError          **error)
{
  g_autoptr(GHashTable) since = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *iso = sf_day_to_iso (figures->ref);
  SfDbStmt *worker_rows, *team_rows;

  if (caseworker_ids == NULL && team_ids == NULL &&
      sf_db_get_kind (sf_store_get_db (store)) == SF_DB_POSTGRES)
    return load_since_at_once (store, figures, error);

  worker_rows = sf_store_prepare (store,
                                  "SELECT day, status FROM worker_history WHERE caseworker_id = ?1"
                                  " AND day <= ?2 ORDER BY day DESC", error);
  if (worker_rows == NULL)
    return NULL;
  team_rows = sf_store_prepare (store,
                                "SELECT day, uncovered_cases FROM team_history WHERE team_id = ?1"
                                " AND day <= ?2 ORDER BY day DESC", error);
  if (team_rows == NULL)
    {
      sf_db_stmt_free (worker_rows);
      return NULL;
    }

  for (guint i = 0; i < figures->workers->len; i++)
    {
      const SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, i);
      SfDay day;

      if (wf->status == SF_STATUS_WITHIN ||
          (caseworker_ids != NULL && !sf_ids_contain (caseworker_ids, wf->worker->id)))
        continue;
      day = run_start (worker_rows, wf->worker->id, iso, sf_status_to_key (wf->status));
      if (day != SF_DAY_NONE)
        g_hash_table_insert (since, g_strdup_printf ("w%" G_GINT64_FORMAT, wf->worker->id), GUINT_TO_POINTER (day));
    }
  for (guint i = 0; i < figures->teams->len; i++)
    {
      const SfTeamFigures *tf = &g_array_index (figures->teams, SfTeamFigures, i);
      SfDay day;

      if (tf->uncovered_cases == 0 || (team_ids != NULL && !sf_ids_contain (team_ids, tf->team->id)))
        continue;
      day = run_start (team_rows, tf->team->id, iso, NULL);
      if (day != SF_DAY_NONE)
        g_hash_table_insert (since, g_strdup_printf ("t%" G_GINT64_FORMAT ":%s", tf->team->id,
                                                     sf_alert_kind_to_key (SF_ALERT_UNCOVERED_CASES)),
                             GUINT_TO_POINTER (day));
    }

  sf_db_stmt_free (worker_rows);
  sf_db_stmt_free (team_rows);
  return g_steal_pointer (&since);
}

GHashTable *
sf_alert_acks_load (SfStore  *store,
                    GError  **error)
{
  g_autoptr(GHashTable) acks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify) sf_alert_ack_free);
  SfDbStmt *stmt = sf_store_prepare (store,
                                         "SELECT identity, value, note, expires, at, who, id, version FROM alert_ack",
                                         error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      SfAlertAck *ack = g_new0 (SfAlertAck, 1);
      const char *expires = sf_db_stmt_column_text (stmt, 3);

      ack->identity = sf_db_stmt_dup_text (stmt, 0);
      ack->value = sf_db_stmt_column_double (stmt, 1);
      ack->note = sf_db_stmt_dup_text (stmt, 2);
      if (expires != NULL)
        sf_day_parse (expires, &ack->expires);
      ack->at = sf_db_stmt_dup_text (stmt, 4);
      ack->who = sf_db_stmt_dup_text (stmt, 5);
      ack->id = sf_db_stmt_column_int64 (stmt, 6);
      ack->version = sf_db_stmt_column_int64 (stmt, 7);
      g_hash_table_insert (acks, ack->identity, ack);
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&acks);
}

/* Claims the alert's acknowledgement as the user saw it (@seen_id at
 * @seen_version; version 0: none), when @claim */
static gboolean
claim_ack (SfStore     *store,
           const char  *identity,
           gboolean     claim,
           gint64       seen_id,
           gint64       seen_version,
           GError     **error)
{
  SfDbStmt *stmt;
  gint64 now_id = 0;

  if (!claim)
    return TRUE;
  if (seen_version > 0)
    return sf_conflict_claim (store, "alert_ack", seen_id, seen_version, error);
  stmt = sf_store_prepare (store, "SELECT id FROM alert_ack WHERE identity = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sf_db_stmt_bind_text_static (stmt, 1, identity);
  if (sf_db_stmt_step (stmt) == SF_DB_ROW)
    now_id = sf_db_stmt_column_int64 (stmt, 0);
  sf_db_stmt_free (stmt);
  return now_id == 0 || sf_conflict_refuse_added (store, "alert_ack", now_id, error);
}

/* Runs @sql with the alert's identity as ?1 and up to three more values,
 * plus an audit entry, in one transaction. */
static gboolean
write_ack (SfStore       *store,
           const SfAlert *alert,
           const char    *sql,
           const char    *note,
           const char    *expires,
           const char    *action,
           gboolean       claim,
           gint64         seen_id,
           gint64         seen_version,
           GError       **error)
{
  g_autofree char *identity = sf_alert_identity (alert);
  g_autofree char *detail = NULL;
  SfDbStmt *stmt;
  gboolean ok;

  if (!sf_store_begin (store, error))
    return FALSE;
  ok = claim_ack (store, identity, claim, seen_id, seen_version, error);
  stmt = ok ? sf_store_prepare (store, sql, error) : NULL;
  if (stmt != NULL)
    {
      sf_db_stmt_bind_text_static (stmt, 1, identity);
      /* The acknowledgement's statement has six parameters, the undoing one one */
      if (strstr (sql, "?2") != NULL)
        {
          sf_db_stmt_bind_double (stmt, 2, alert->value);
          sf_db_stmt_bind_text_static (stmt, 3, note);
          if (expires != NULL)
            sf_db_stmt_bind_text_static (stmt, 4, expires);
          sf_store_bind_stamp (stmt, 5, 6);
        }
    }
  ok = sf_store_run (store, stmt, error);
  detail = note ? g_strdup_printf ("%s (%s)%s%s", identity, note, expires ? " until " : "", expires ? expires : "")
                : g_strdup (identity);
  ok = ok && sf_store_audit (store, action, alert->subject, detail, error);
  return sf_store_finish (store, ok, error);
}

static gboolean
acknowledge (SfStore        *store,
             const SfAlert  *alert,
             const char     *note,
             SfDay           expires,
             gboolean        claim,
             gint64          seen_id,
             gint64          seen_version,
             GError        **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (note ? note : ""));
  g_autofree char *iso = sf_day_to_iso (expires);

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("Write a note on why the alert can wait."));
      return FALSE;
    }
  if (!sf_privacy_check_text (_("The note"), trimmed, error))
    return FALSE;
  return write_ack (store, alert,
                    "INSERT INTO alert_ack (identity, value, note, expires, at, who)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                    " ON CONFLICT (identity) DO UPDATE SET value = excluded.value, note = excluded.note,"
                    " expires = excluded.expires, at = excluded.at, who = excluded.who",
                    trimmed, iso, "acknowledge-alert", claim, seen_id, seen_version, error);
}

gboolean
sf_alert_acknowledge (SfStore        *store,
                      const SfAlert  *alert,
                      const char     *note,
                      SfDay           expires,
                      GError        **error)
{
  return acknowledge (store, alert, note, expires, FALSE, 0, 0, error);
}

gboolean
sf_alert_acknowledge_versioned (SfStore        *store,
                                const SfAlert  *alert,
                                const char     *note,
                                SfDay           expires,
                                gint64          seen_id,
                                gint64          seen_version,
                                GError        **error)
{
  return acknowledge (store, alert, note, expires, TRUE, seen_id, seen_version, error);
}

gboolean
sf_alert_unacknowledge (SfStore        *store,
                        const SfAlert  *alert,
                        GError        **error)
{
  return write_ack (store, alert, "DELETE FROM alert_ack WHERE identity = ?1",
                    NULL, NULL, "unacknowledge-alert", FALSE, 0, 0, error);
}

gboolean
sf_alert_unacknowledge_versioned (SfStore        *store,
                                  const SfAlert  *alert,
                                  gint64          seen_id,
                                  gint64          seen_version,
                                  GError        **error)
{
  return write_ack (store, alert, "DELETE FROM alert_ack WHERE identity = ?1",
                    NULL, NULL, "unacknowledge-alert", TRUE, seen_id, seen_version, error);
}

/* How far back a sustained overload's start is looked for. */
#define SUSTAINED_LOOKBACK_WEEKS 52

/* The caseworkers to sweep for @caseworker_ids and @team_ids: those named
 * and every member of the teams named (a team's figures are its members'),
 * as a mask over the data set's caseworkers (into @only) and as ids (the
 * ids given too, one removed since included). */
static GArray *
followed_caseworkers (const SfDataset *dataset,
                      const GArray    *caseworker_ids,
                      const GArray    *team_ids,
                      guint8          *only)
{
  GArray *followed = g_array_copy ((GArray *) caseworker_ids);

  for (guint w = 0; w < dataset->caseworkers->len; w++)
    {
      const SfCaseworker *worker = &g_array_index (dataset->caseworkers, SfCaseworker, w);

      only[w] = sf_ids_contain (caseworker_ids, worker->id) || sf_ids_contain (team_ids, worker->team_id);
      if (only[w])
        sf_ids_add (followed, worker->id);
    }
  return followed;
}

/* The sustained-overload alerts on the figures' day, each point as the
 * trend takes it: recorded where the history has the day, else computed.
 * Of the caseworkers @caseworker_ids and the teams @team_ids alone when
 * they are given (the points are then swept for them and the other members
 * of those teams only: an edit's delta).
 *
 * Swept in three passes, each for those the one before leaves: the day
 * itself, as whoever is not over on it has no run to it; the W + 1 weekly
 * points that decide who is sustained; and, only when someone is, the year
 * back that says since when. */
static GPtrArray *
sustained_alerts (SfStore          *store,
                  const SfFigures  *figures,
                  const GArray     *caseworker_ids,
                  const GArray     *team_ids,
                  GError          **error)
{
  const SfDataset *dataset = figures->dataset;
  const int weeks_of_pass[] = { 0, figures->settings.sustained_weeks,
                                MAX (figures->settings.sustained_weeks, SUSTAINED_LOOKBACK_WEEKS) };
  g_autoptr(GArray) followed = NULL;
  g_autoptr(GArray) workers_left = NULL;
  g_autoptr(GArray) teams_left = NULL;
  g_autofree guint8 *only = g_new0 (guint8, MAX (dataset->caseworkers->len, 1));
  GPtrArray *alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_alert_free);

  if (caseworker_ids != NULL)
    followed = followed_caseworkers (dataset, caseworker_ids, team_ids, only);

  for (guint pass = 0; pass < G_N_ELEMENTS (weeks_of_pass); pass++)
    {
      g_autoptr(GArray) days = sf_trend_days (figures->ref - 7 * (SfDay) weeks_of_pass[pass], figures->ref,
                                              SF_TREND_WEEK);
      g_autoptr(GPtrArray) recordings = sf_figure_history_load_recordings_some (store, days, followed, team_ids, error);
      g_autoptr(GPtrArray) points = NULL;
      g_autoptr(GArray) workers = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) teams = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (recordings == NULL)
        {
          g_ptr_array_unref (alerts);
          return NULL;
        }
      points = sf_trend_compute_some (dataset, &figures->settings, days, recordings,
                                      followed != NULL ? only : NULL);
      if (pass == 0 && points->len > 0)
        sf_alerts_over_at (figures, g_ptr_array_index (points, points->len - 1), caseworker_ids, team_ids,
                           workers, teams);
      else if (pass > 0)
        {
          g_ptr_array_unref (alerts);
          alerts = sf_alerts_sustained_some (figures, points, caseworker_ids, team_ids);
          for (guint i = 0; i < alerts->len; i++)
            {
              const SfAlert *alert = g_ptr_array_index (alerts, i);

              if (alert->caseworker_id != 0)
                sf_ids_add (workers, alert->caseworker_id);
              else
                sf_ids_add (teams, alert->team_id);
            }
        }
      if (workers->len + teams->len == 0 || pass + 1 == G_N_ELEMENTS (weeks_of_pass))
        break;

      /* The next pass, for those this one leaves */
      g_clear_pointer (&workers_left, g_array_unref);
      g_clear_pointer (&teams_left, g_array_unref);
      workers_left = g_steal_pointer (&workers);
      teams_left = g_steal_pointer (&teams);
      caseworker_ids = workers_left;
      team_ids = teams_left;
      g_clear_pointer (&followed, g_array_unref);
      followed = followed_caseworkers (dataset, caseworker_ids, team_ids, only);
    }
  return alerts;
}

/* Moves @from's alerts to the end of @to. */
static void
take_alerts (GPtrArray *to,
             GPtrArray *from)
{
  g_ptr_array_set_free_func (from, NULL);
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_ptr_array_index (from, i));
  g_ptr_array_set_size (from, 0);
}

GPtrArray *
sf_alerts_evaluate_stored (SfStore          *store,
                           const SfFigures  *figures,
                           GError          **error)
{
  g_autoptr(GPtrArray) alerts = sf_alerts_evaluate (figures);
  g_autoptr(GHashTable) acks = sf_alert_acks_load (store, error);
  g_autoptr(GHashTable) since = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) sustained = NULL;

  if (acks == NULL)
    return NULL;
  since = load_since (store, figures, NULL, NULL, error);
  if (since == NULL)
    return NULL;

  /* Checklist items due for follow-up: a warning per team, running since
   * the first item fell due. */
  checklists = sf_checklists_load (store, 0, figures->ref, error);
  if (checklists == NULL)
    return NULL;
  due = sf_checklist_due_alerts (checklists, figures->ref);
  for (guint i = 0; i < due->len; i++)
    {
      SfAlert *alert = g_ptr_array_index (due, i);

      g_hash_table_insert (since, g_strdup_printf ("t%" G_GINT64_FORMAT ":%s", alert->team_id,
                                                   sf_alert_kind_to_key (alert->kind)),
                           GUINT_TO_POINTER (alert->since));
    }
  take_alerts (alerts, due);
  sustained = sustained_alerts (store, figures, NULL, NULL, error);
  if (sustained == NULL)
    return NULL;
  take_alerts (alerts, sustained);
  sf_alerts_sort (alerts);

  sf_alerts_apply (alerts, acks, since, figures->ref);
  return g_steal_pointer (&alerts);
}

GPtrArray *
sf_alerts_evaluate_stored_some (SfStore          *store,
                                const SfFigures  *figures,
                                GPtrArray        *alerts,
                                const GArray     *caseworker_ids,
                                const GArray     *team_ids,
                                GError          **error)
{
  g_autoptr(GHashTable) acks = sf_alert_acks_load (store, error);
  g_autoptr(GHashTable) since = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) sustained = NULL;

  if (acks == NULL)
    return NULL;
  since = load_since (store, figures, caseworker_ids, team_ids, error);
  if (since == NULL)
    return NULL;
  sustained = sustained_alerts (store, figures, caseworker_ids, team_ids, error);
  if (sustained == NULL)
    return NULL;
  result = sf_alerts_evaluate_some (figures, alerts, caseworker_ids, team_ids, &fresh);
  sf_alerts_apply (fresh, acks, since, figures->ref);

  /* sf_alerts_evaluate_some() kept the others' sustained overload; the
   * changed ones' is evaluated again over their weeks of points */
  sf_alerts_apply (sustained, acks, since, figures->ref);
  g_ptr_array_set_free_func (sustained, NULL);
  for (guint i = 0; i < sustained->len; i++)
    sf_alerts_insert_sorted (result, g_ptr_array_index (sustained, i));
  return g_steal_pointer (&result);
}

GStrv
sf_alerts_take_new_errors (SfStore     *store,
                           const char  *program,
                           GPtrArray   *alerts,
                           GError     **error)
{
  g_autoptr(GStrvBuilder) fresh = g_strv_builder_new ();
  g_autoptr(GString) current = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  SfDbStmt *stmt;
  gboolean ok;

  stmt = sf_store_prepare (store, "SELECT errors FROM meta_run WHERE program = ?1", error);
  if (stmt == NULL)
    return NULL;
  sf_db_stmt_bind_text_static (stmt, 1, program);
  if (sf_db_stmt_step (stmt) == SF_DB_ROW)
    {
      g_auto(GStrv) old = g_strsplit (sf_db_stmt_column_text (stmt, 0), "\n", -1);

      for (guint i = 0; old[i] != NULL; i++)
        if (*old[i] != '\0')
          g_hash_table_add (seen, g_strdup (old[i]));
    }
  sf_db_stmt_free (stmt);

  for (guint i = 0; i < alerts->len; i++)
    {
      const SfAlert *alert = g_ptr_array_index (alerts, i);
      g_autofree char *identity = NULL;

      if (alert->severity != SF_SEVERITY_ERROR || alert->acknowledged)
        continue;
      identity = sf_alert_identity (alert);
      if (!g_hash_table_contains (seen, identity))
        g_strv_builder_add (fresh, identity);
      g_string_append_printf (current, "%s%s", current->len ? "\n" : "", identity);
    }

  if (!sf_store_begin (store, error))
    return NULL;
  stmt = sf_store_prepare (store, "INSERT INTO meta_run (program, last_run, errors) VALUES (?1, ?2, ?3)"
                                  " ON CONFLICT (program) DO UPDATE SET last_run = excluded.last_run,"
                                  " errors = excluded.errors",
                           error);
  if (stmt != NULL)
    {
      sf_db_stmt_bind_text_static (stmt, 1, program);
      sf_db_stmt_bind_text_static (stmt, 2, at);
      sf_db_stmt_bind_text_static (stmt, 3, current->str);
    }
  ok = sf_store_run (store, stmt, error);
  if (!ok || !sf_store_commit (store, error))
    {
      sf_store_rollback (store);
      return NULL;
    }
  return g_strv_builder_end (fresh);
}
