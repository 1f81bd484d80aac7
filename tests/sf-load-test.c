/* sf-load-test: many users editing one server at once (issue #20)
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sets up a database on a PostgreSQL server with a generated data set
 * (build-aux/generate-dataset.py), a login per client (managers of a team
 * each, some two to a team, and one HR), then starts a process per client.
 * Each client is what a window is: its own connection, an SfStore and an
 * SfContext that follows the other users' changes on its main loop.  The
 * managers edit their teams through the engine's calls the window makes
 * (hours, reductions, absences, cases moved, added, closed and reopened,
 * checklist answers); HR computes the forecast and the report over and
 * over, and edits the managers' people now and then.  After the given
 * time it checks that
 *
 *   - no edit was lost: for every field written, the database holds the
 *     value of an edit that nothing later overwrote, and the change log
 *     has one row per edit a client saw committed, by its login;
 *   - nothing deadlocked: every client finished in time, and an error the
 *     server gave (a deadlock, a refused write) was retried from fresh
 *     data until it went through;
 *   - every client's figures, kept current by the live updates alone,
 *     equal those of a fresh load on its login (the JSON report, to the
 *     last decimal),
 *
 * and prints the latencies: an edit's call until its commit and until it
 * returned, its commit until each other client had applied it, and the
 * forecast's and report's runtimes under load.  Exits non-zero naming
 * every check that failed; 77 (skipped) without a server.
 *
 *   sf-load-test [--uri URI] [--clients 20] [--seconds 60] [--json FILE]
 *
 * URI is a superuser's (default $SF_TEST_PG_URI, as build-aux/pg-cluster
 * prints it); when it names a port, the clients connect over TCP to
 * 127.0.0.1 on that port.  docs/performance.md says how to run it. */

#include "config.h"

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "sf-core.h"
#include "sf-remote-change.h"
#include "sf-server.h"
#include "sf-test-util.h"

/* ---- options ---------------------------------------------------------------- */

static char *opt_uri;
static int opt_clients = 20;
static double opt_seconds = 60;
static int opt_think_ms = 100;
static int opt_teams = 600;
static int opt_caseworkers = 3000;
static int opt_cases = 100000;
static char *opt_dataset;
static char *opt_json;
static char *opt_break;
static gboolean opt_keep;
static gboolean opt_refuse_first;
/* A client's own */
static int opt_client = -1;
static char *opt_role;
static char **opt_team_ids;
static char *opt_out;
static char *opt_login;

static GOptionEntry entries[] = {
  { "uri", 0, 0, G_OPTION_ARG_STRING, &opt_uri, "The server, as a superuser (default $SF_TEST_PG_URI)", "URI" },
  { "clients", 0, 0, G_OPTION_ARG_INT, &opt_clients, "Clients, HR's included (default 20)", "N" },
  { "seconds", 0, 0, G_OPTION_ARG_DOUBLE, &opt_seconds, "How long they edit (default 60)", "S" },
  { "think-ms", 0, 0, G_OPTION_ARG_INT, &opt_think_ms, "A client's mean pause between edits (default 100)", "MS" },
  { "teams", 0, 0, G_OPTION_ARG_INT, &opt_teams, "Teams of the generated data set (default 600)", "N" },
  { "caseworkers", 0, 0, G_OPTION_ARG_INT, &opt_caseworkers, "Caseworkers (default 3000)", "N" },
  { "cases", 0, 0, G_OPTION_ARG_INT, &opt_cases, "Cases (default 100000)", "N" },
  { "dataset", 0, 0, G_OPTION_ARG_FILENAME, &opt_dataset, "A folder with roster.csv and cases.csv instead", "DIR" },
  { "json", 0, 0, G_OPTION_ARG_FILENAME, &opt_json, "Write the figures as JSON here", "FILE" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the database and the logins", NULL },
  { "refuse-first", 0, 0, G_OPTION_ARG_NONE, &opt_refuse_first,
    "Take every edit's first try as refused, to follow the retries", NULL },
  { "break", 0, 0, G_OPTION_ARG_STRING, &opt_break,
    "Break something on purpose, to see the checks fail: lost, log, figures, stuck", "WHAT" },
  { "client", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &opt_client, NULL, NULL },
  { "role", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_role, NULL, NULL },
  { "team", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING_ARRAY, &opt_team_ids, NULL, NULL },
  { "out", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_out, NULL, NULL },
  { "login", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_login, NULL, NULL },
  { NULL }
};

/* What the parent sends a client that it must see before it compares:
 * a notification no write makes, after every client's last commit */
#define MARKER_PAYLOAD "{\"table\": \"scenario\", \"op\": \"UPDATE\", \"who\": \"sf-load-test\", \"ids\": [0]}"

static gboolean
breaking (const char *what)
{
  return g_strcmp0 (opt_break, what) == 0;
}

/* ---- the fields an edit writes, as text both sides compare -------------------- */

static char *
hours_value (double hours)
{
  return g_strdup_printf ("%.2f", hours);
}

static int
compare_reductions (gconstpointer a,
                    gconstpointer b)
{
  const SfReduction *x = a, *y = b;

  if (x->hours != y->hours)
    return x->hours < y->hours ? -1 : 1;
  if (x->reason != y->reason)
    return (int) x->reason - (int) y->reason;
  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  return x->to < y->to ? -1 : x->to > y->to;
}

static char *
reductions_value (const SfReduction *reductions,
                  guint              n)
{
  g_autofree SfReduction *sorted = g_memdup2 (reductions, n * sizeof (SfReduction));
  GString *text = g_string_new (NULL);

  if (n > 1)
    qsort (sorted, n, sizeof (SfReduction), compare_reductions);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%.2f/%s/%u/%u", i > 0 ? ";" : "", sorted[i].hours,
                            sf_reduction_reason_to_key (sorted[i].reason), sorted[i].from, sorted[i].to);
  return g_string_free (text, FALSE);
}

static char *
absence_value (const SfCaseworker *worker)
{
  return g_strdup_printf ("%s/%u/%u", worker->absence_kind != NULL ? worker->absence_kind : "",
                          worker->absence_from, worker->absence_to);
}

static char *
item_value (const SfChecklistItem *item)
{
  return g_strdup (item->checked_on != SF_DAY_NONE && item->note != NULL ? item->note : "-");
}

/* ---- a client ---------------------------------------------------------------- */

typedef enum
{
  EDIT_HOURS,
  EDIT_REDUCTION,
  EDIT_ABSENCE,
  EDIT_MOVE_CASE,
  EDIT_ADD_CASE,
  EDIT_CLOSE_CASE,
  EDIT_CHECKLIST,
  N_EDIT_KINDS
} EditKind;

static const char * const edit_kind_keys[N_EDIT_KINDS] = {
  "hours", "reduction", "absence", "move-case", "add-case", "close-case", "checklist",
};

/* How often a manager makes each kind, out of 100 */
static const int edit_weights[N_EDIT_KINDS] = { 20, 10, 10, 20, 10, 15, 15 };

/* One edit, planned from the client's data and then made */
typedef struct
{
  EditKind      kind;
  SfCaseworker  worker;        /* hours, reduction, absence: the row as written */
  GArray       *reductions;    /* SfReduction: what the caseworker's become */
  gint64        case_id;       /* move, close */
  gint64        target;        /* move: the new caseworker */
  gboolean      close;         /* close: close it, or reopen it */
  SfCase        kase;          /* add */
  gint64        item_id;       /* checklist */
  char         *note;          /* checklist: checks with this note; NULL unchecks */
} Edit;

static void
edit_clear (Edit *edit)
{
  sf_caseworker_clear (&edit->worker);
  g_clear_pointer (&edit->reductions, g_array_unref);
  g_clear_pointer (&edit->kase.reference, g_free);
  g_clear_pointer (&edit->note, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Edit, edit_clear)

typedef struct
{
  char    type;                /* 'c' a case, 'w' a caseworker */
  gint64  id;
  gint64  at;                  /* g_get_real_time () */
} Seen;

typedef struct
{
  int          index;
  gboolean     hr;
  GArray      *team_ids;       /* gint64: a manager's teams; HR's: whose people it edits too */
  char        *uri;
  SfStore     *store;
  SfContext   *context;
  GMainLoop   *loop;
  GRand       *rand;
  SfDay        today;
  gint64       deadline;       /* monotonic, µs */
  guint        serial;

  gboolean     in_edit;
  gint64       commit_at;      /* real time of the own edit's commit */
  gboolean     marker_seen;
  guint        n_reloads;      /* everything read again after a change */
  guint        n_in_place;     /* a change applied row by row */

  JsonBuilder *edits;          /* the committed edits */
  guint        n_committed;
  guint        n_refused[5];   /* denied, deadlock or busy, invalid, other, conflict */
  guint        n_gave_up;
  GPtrArray   *errors;         /* the first few messages */
  GArray      *seen;           /* Seen */
  GArray      *forecast_us;    /* gint64 */
  GArray      *report_us;
  GString     *input;
  gboolean     settling;
} Client;

enum { REFUSED_DENIED, REFUSED_BUSY, REFUSED_INVALID, REFUSED_OTHER, REFUSED_CONFLICT };
static const char * const refused_keys[] = { "denied", "deadlock-or-busy", "invalid", "other", "conflict" };

static void
say (const char *word)
{
  /* The parent reads lines beginning with @ on the client's standard output */
  printf ("@%s\n", word);
  fflush (stdout);
}

static gboolean
client_has_team (Client *client,
                 gint64  team_id)
{
  return sf_ids_contain (client->team_ids, team_id);
}

/* The client's caseworkers, from its context (kept current by the live updates) */
static GArray *
team_workers (Client *client)
{
  const SfDataset *dataset = sf_context_get_dataset (client->context);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < dataset->caseworkers->len; i++)
    {
      const SfCaseworker *worker = &g_array_index (dataset->caseworkers, SfCaseworker, i);

      if (client_has_team (client, worker->team_id))
        g_array_append_val (ids, worker->id);
    }
  return ids;
}

static gint64
pick (Client *client,
      GArray *ids)
{
  return ids->len > 0 ? g_array_index (ids, gint64, g_rand_int_range (client->rand, 0, ids->len)) : 0;
}

static void
copy_worker (SfCaseworker       *to,
             const SfCaseworker *from)
{
  *to = *from;
  to->initials = g_strdup (from->initials);
  to->name = g_strdup (from->name);
  to->absence_kind = g_strdup (from->absence_kind);
  to->factor_reason = g_strdup (from->factor_reason);
}

static GArray *
copy_reductions (const SfDataset *dataset,
                 gint64           worker_id)
{
  GArray *copy = g_array_new (FALSE, TRUE, sizeof (SfReduction));
  guint n, first = sf_dataset_find_reductions (dataset, worker_id, &n);

  g_array_set_clear_func (copy, sf_reduction_clear);
  for (guint i = first; i < first + n; i++)
    {
      SfReduction reduction = g_array_index (dataset->reductions, SfReduction, i);

      reduction.note = g_strdup (reduction.note);
      g_array_append_val (copy, reduction);
    }
  return copy;
}

static double
reduction_total (GArray *reductions)
{
  return sf_roster_max_reduction_hours ((const SfReduction *) reductions->data, reductions->len);
}

/* Plans an edit of @kind from what the client has now; FALSE if there is
 * nothing to make it on */
static gboolean
plan_edit (Client   *client,
           EditKind  kind,
           Edit     *edit)
{
  const SfDataset *dataset = sf_context_get_dataset (client->context);
  const SfSettings *settings = sf_context_get_settings (client->context);
  g_autoptr(GArray) workers = team_workers (client);
  g_autoptr(GArray) cases = NULL;
  gint64 worker_id = pick (client, workers);
  const SfCaseworker *worker;

  edit->kind = kind;
  if (worker_id == 0)
    return FALSE;
  worker = sf_dataset_find_caseworker (dataset, worker_id);
  switch (kind)
    {
    case EDIT_HOURS:
    case EDIT_REDUCTION:
    case EDIT_ABSENCE:
      copy_worker (&edit->worker, worker);
      edit->reductions = copy_reductions (dataset, worker_id);
      if (kind == EDIT_HOURS)
        {
          /* 20 to full time in half hours, never below the reductions */
          double low = MAX (20.0, ceil (reduction_total (edit->reductions) * 2) / 2);
          int steps = (int) ((settings->full_time_hours - low) * 2);

          edit->worker.weekly_hours = low + g_rand_int_range (client->rand, 0, MAX (steps, 0) + 1) / 2.0;
        }
      else if (kind == EDIT_REDUCTION)
        {
          SfReduction reduction = { 0 };

          g_array_set_size (edit->reductions, 0);
          reduction.caseworker_id = worker_id;
          reduction.hours = g_rand_int_range (client->rand, 1, 9) / 2.0;
          reduction.reason = g_rand_int_range (client->rand, 0, SF_N_REDUCTION_REASONS);
          if (reduction.hours <= worker->weekly_hours && g_rand_int_range (client->rand, 0, 4) > 0)
            g_array_append_val (edit->reductions, reduction);
        }
      else
        {
          const char * const *kinds = sf_roster_absence_kinds ();

          g_clear_pointer (&edit->worker.absence_kind, g_free);
          edit->worker.absence_from = edit->worker.absence_to = SF_DAY_NONE;
          if (g_rand_int_range (client->rand, 0, 2) == 0)
            {
              edit->worker.absence_kind = g_strdup (kinds[g_rand_int_range (client->rand, 0, g_strv_length ((char **) kinds))]);
              edit->worker.absence_from = client->today - g_rand_int_range (client->rand, 0, 30);
              edit->worker.absence_to = client->today + g_rand_int_range (client->rand, 1, 90);
            }
        }
      return TRUE;

    case EDIT_MOVE_CASE:
    case EDIT_CLOSE_CASE:
      cases = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < dataset->cases->len; i++)
        {
          const SfCase *kase = &g_array_index (dataset->cases, SfCase, i);
          const SfCaseworker *owner = sf_dataset_find_caseworker (dataset, kase->caseworker_id);

          if (owner != NULL && client_has_team (client, owner->team_id) &&
              (kind == EDIT_CLOSE_CASE || kase->closed == SF_DAY_NONE))
            g_array_append_val (cases, kase->id);
        }
      edit->case_id = pick (client, cases);
      if (edit->case_id == 0)
        return FALSE;
      if (kind == EDIT_MOVE_CASE)
        {
          edit->target = worker_id;
          return TRUE;
        }
      {
        int at = sf_rows_find (dataset->cases, edit->case_id);

        edit->close = g_array_index (dataset->cases, SfCase, at).closed == SF_DAY_NONE;
      }
      return TRUE;

    case EDIT_ADD_CASE:
      edit->kase.reference = g_strdup_printf ("LT%d-%u", client->index, ++client->serial);
      edit->kase.complexity = g_rand_int_range (client->rand, 0, SF_N_COMPLEXITIES);
      edit->kase.start = client->today;
      edit->kase.caseworker_id = worker_id;
      return TRUE;

    case EDIT_CHECKLIST:
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) checklists = NULL;
        g_autoptr(GPtrArray) items = g_ptr_array_new ();

        /* As the Checklists page does: read its team's checklists */
        for (guint t = 0; t < client->team_ids->len; t++)
          {
            checklists = sf_checklists_load (client->store, g_array_index (client->team_ids, gint64, t),
                                             client->today, &error);
            if (checklists == NULL)
              {
                g_printerr ("client %d: could not read the checklists: %s\n", client->index, error->message);
                return FALSE;
              }
            for (guint i = 0; i < checklists->len; i++)
              {
                SfChecklist *checklist = g_ptr_array_index (checklists, i);

                for (guint j = 0; j < checklist->items->len; j++)
                  {
                    SfChecklistItem *item = g_ptr_array_index (checklist->items, j);

                    g_ptr_array_add (items, GINT_TO_POINTER (1));
                    if (g_rand_int_range (client->rand, 0, items->len) == 0)
                      {
                        edit->item_id = item->id;
                        g_clear_pointer (&edit->note, g_free);
                        if (item->checked_on == SF_DAY_NONE || g_rand_int_range (client->rand, 0, 3) > 0)
                          edit->note = g_strdup_printf ("c%d-%u", client->index, ++client->serial);
                      }
                  }
              }
            g_clear_pointer (&checklists, g_ptr_array_unref);
          }
        return edit->item_id != 0;
      }

    case N_EDIT_KINDS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* Makes @edit through the engine's calls the window makes.  The one place
 * that writes: a version-checked write goes here. */
static gboolean
apply_edit (Client  *client,
            Edit    *edit,
            GError **error)
{
  switch (edit->kind)
    {
    case EDIT_HOURS:
    case EDIT_REDUCTION:
    case EDIT_ABSENCE:
      return sf_roster_save_caseworker (client->store, &edit->worker,
                                        (const SfReduction *) edit->reductions->data,
                                        edit->reductions->len, error) != 0;
    case EDIT_MOVE_CASE:
      return sf_cases_reassign (client->store, &edit->case_id, 1, edit->target, error);
    case EDIT_CLOSE_CASE:
      if (edit->close)
        return sf_cases_close (client->store, &edit->case_id, 1, client->today, error);
      return sf_cases_reopen (client->store, &edit->case_id, 1, error);
    case EDIT_ADD_CASE:
      edit->kase.id = sf_cases_add (client->store, &edit->kase, error);
      return edit->kase.id != 0;
    case EDIT_CHECKLIST:
      if (edit->note != NULL)
        return sf_checklist_check (client->store, edit->item_id, client->today, "LT", edit->note, error);
      return sf_checklist_uncheck (client->store, edit->item_id, error);
    case N_EDIT_KINDS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* The fields @edit wrote, as "kind:id" → value, and the row the other
 * clients are told of ("w:12", "c:7"; NULL for a checklist) */
static void
describe_edit (Client      *client,
               Edit        *edit,
               JsonBuilder *builder)
{
  g_autofree char *row = NULL;

  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  switch (edit->kind)
    {
    case EDIT_HOURS:
    case EDIT_REDUCTION:
    case EDIT_ABSENCE:
      {
        gint64 id = edit->worker.id;
        g_autofree char *hours = hours_value (edit->worker.weekly_hours);
        g_autofree char *reductions = reductions_value ((const SfReduction *) edit->reductions->data,
                                                        edit->reductions->len);
        g_autofree char *absence = absence_value (&edit->worker);
        g_autofree char *k1 = g_strdup_printf ("hours:%" G_GINT64_FORMAT, id);
        g_autofree char *k2 = g_strdup_printf ("reductions:%" G_GINT64_FORMAT, id);
        g_autofree char *k3 = g_strdup_printf ("absence:%" G_GINT64_FORMAT, id);

        /* Clients that lie about what they wrote: the check must see it */
        if (breaking ("lost"))
          hours[0] = hours[0] == '9' ? '8' : '9';
        json_builder_set_member_name (builder, k1);
        json_builder_add_string_value (builder, hours);
        json_builder_set_member_name (builder, k2);
        json_builder_add_string_value (builder, reductions);
        json_builder_set_member_name (builder, k3);
        json_builder_add_string_value (builder, absence);
        row = g_strdup_printf ("w:%" G_GINT64_FORMAT, id);
        break;
      }
    case EDIT_MOVE_CASE:
    case EDIT_CLOSE_CASE:
      {
        g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                                                edit->kind == EDIT_MOVE_CASE ? "worker" : "closed",
                                                edit->case_id);
        g_autofree char *value = edit->kind == EDIT_MOVE_CASE ?
          g_strdup_printf ("%" G_GINT64_FORMAT, edit->target) :
          g_strdup_printf ("%u", edit->close ? client->today : SF_DAY_NONE);

        json_builder_set_member_name (builder, key);
        json_builder_add_string_value (builder, value);
        row = g_strdup_printf ("c:%" G_GINT64_FORMAT, edit->case_id);
        break;
      }
    case EDIT_ADD_CASE:
      {
        /* Its caseworker and closing are fields others may move or
         * close it by, from the next moment on */
        g_autofree char *key = g_strdup_printf ("added:%s", edit->kase.reference);
        g_autofree char *worker_key = g_strdup_printf ("worker:%" G_GINT64_FORMAT, edit->kase.id);
        g_autofree char *worker = g_strdup_printf ("%" G_GINT64_FORMAT, edit->kase.caseworker_id);
        g_autofree char *closed_key = g_strdup_printf ("closed:%" G_GINT64_FORMAT, edit->kase.id);

        json_builder_set_member_name (builder, key);
        json_builder_add_string_value (builder, sf_complexity_to_key (edit->kase.complexity));
        json_builder_set_member_name (builder, worker_key);
        json_builder_add_string_value (builder, worker);
        json_builder_set_member_name (builder, closed_key);
        json_builder_add_string_value (builder, "0");
        row = g_strdup_printf ("c:%" G_GINT64_FORMAT, edit->kase.id);
        break;
      }
    case EDIT_CHECKLIST:
      {
        g_autofree char *key = g_strdup_printf ("item:%" G_GINT64_FORMAT, edit->item_id);

        json_builder_set_member_name (builder, key);
        json_builder_add_string_value (builder, edit->note != NULL ? edit->note : "-");
        break;
      }
    case N_EDIT_KINDS:
    default:
      g_assert_not_reached ();
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "row");
  if (row != NULL)
    json_builder_add_string_value (builder, row);
  else
    json_builder_add_null_value (builder);
}

/* Takes what has arrived from the others, as the main loop would between
 * two of the user's clicks */
static void
take_pending (Client *client)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  sf_context_take_others_changes (client->context);
}

static int
refused_class (const GError *error)
{
  /* Another client wrote the row since this one loaded it: read again and
   * planned again, as the conflict dialog's "keep theirs" and re-apply */
  if (error->domain == SF_CONFLICT_ERROR)
    return REFUSED_CONFLICT;
  if (g_error_matches (error, SF_ERROR, SF_ERROR_DENIED))
    return REFUSED_DENIED;
  if (strstr (error->message, "deadlock") != NULL || g_error_matches (error, SF_DB_ERROR, SF_DB_ERROR_BUSY))
    return REFUSED_BUSY;
  if (g_error_matches (error, SF_ERROR, SF_ERROR_INVALID_INPUT))
    return REFUSED_INVALID;
  return REFUSED_OTHER;
}

/* One edit of @kind: planned, made and recorded; a refused one counted
 * and planned again from the data read again, up to five times */
static void
make_edit (Client   *client,
           EditKind  kind)
{
  for (int attempt = 0; attempt < 5; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(Edit) edit = { 0 };
      gint64 start, end;
      gboolean ok;

      if (!plan_edit (client, kind, &edit))
        return;
      client->in_edit = TRUE;
      client->commit_at = 0;
      start = g_get_real_time ();
      if (opt_refuse_first && attempt == 0)
        ok = (g_set_error_literal (&error, SF_ERROR, SF_ERROR_INVALID_INPUT, "refused on purpose (--refuse-first)"), FALSE);
      else
        ok = apply_edit (client, &edit, &error);
      end = g_get_real_time ();
      client->in_edit = FALSE;
      if (ok)
        {
          JsonBuilder *b = client->edits;

          client->n_committed++;
          /* A client that counts an edit twice: the change log's check must see it */
          if (breaking ("log") && client->index == 1 && client->n_committed == 1)
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "kind");
              json_builder_add_string_value (b, edit_kind_keys[kind]);
              json_builder_set_member_name (b, "start");
              json_builder_add_int_value (b, start);
              json_builder_set_member_name (b, "commit");
              json_builder_add_int_value (b, start);
              json_builder_set_member_name (b, "end");
              json_builder_add_int_value (b, start);
              json_builder_set_member_name (b, "retries");
              json_builder_add_int_value (b, 0);
              json_builder_set_member_name (b, "fields");
              json_builder_begin_object (b);
              json_builder_end_object (b);
              json_builder_set_member_name (b, "row");
              json_builder_add_null_value (b);
              json_builder_end_object (b);
            }
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "kind");
          json_builder_add_string_value (b, edit_kind_keys[kind]);
          json_builder_set_member_name (b, "start");
          json_builder_add_int_value (b, start);
          json_builder_set_member_name (b, "commit");
          json_builder_add_int_value (b, client->commit_at != 0 ? client->commit_at : end);
          json_builder_set_member_name (b, "end");
          json_builder_add_int_value (b, end);
          json_builder_set_member_name (b, "retries");
          json_builder_add_int_value (b, attempt);
          describe_edit (client, &edit, b);
          json_builder_end_object (b);
          return;
        }
      client->n_refused[refused_class (error)]++;
      if (client->errors->len < 10)
        g_ptr_array_add (client->errors, g_strdup_printf ("%s: %s", edit_kind_keys[kind], error->message));
      /* Fresh data: what has arrived, then the server's rows as they are
       * now (the others' notifications may still be on their way) */
      take_pending (client);
      g_clear_error (&error);
      if (!sf_context_reload (client->context, &error))
        g_printerr ("client %d: could not read the data again: %s\n", client->index, error->message);
    }
  client->n_gave_up++;
}

static EditKind
pick_kind (Client *client)
{
  int r;

  if (client->hr)
    return g_rand_int_range (client->rand, EDIT_HOURS, EDIT_ABSENCE + 1);
  r = g_rand_int_range (client->rand, 0, 100);
  for (int kind = 0; kind < N_EDIT_KINDS; kind++)
    {
      if (r < edit_weights[kind])
        return kind;
      r -= edit_weights[kind];
    }
  return EDIT_HOURS;
}

/* HR's round: the forecast and the report on its figures, as the
 * Planning page and the report do, and an edit every other round */
static void
hr_round (Client *client)
{
  const SfDataset *dataset = sf_context_get_dataset (client->context);
  g_autoptr(SfForecast) forecast = NULL;
  g_autofree char *forecast_json = NULL;
  g_autofree char *report = NULL;
  gint64 t0, t1, t2;

  t0 = g_get_monotonic_time ();
  forecast = sf_forecast_compute (dataset, sf_context_get_settings (client->context), client->today, 12);
  forecast_json = sf_report_render_forecast (forecast, 0, SF_REPORT_JSON);
  t1 = g_get_monotonic_time ();
  report = sf_report_render (sf_context_get_figures (client->context), SF_REPORT_JSON);
  t2 = g_get_monotonic_time ();
  g_assert_nonnull (forecast_json);
  g_assert_nonnull (report);
  g_array_append_val (client->forecast_us, (gint64) { t1 - t0 });
  g_array_append_val (client->report_us, (gint64) { t2 - t1 });
  if (client->forecast_us->len % 2 == 0)
    make_edit (client, pick_kind (client));
}

static gboolean
tick_cb (gpointer user_data)
{
  Client *client = user_data;

  if (g_get_monotonic_time () >= client->deadline)
    {
      say ("done");
      return G_SOURCE_REMOVE;
    }
  if (client->hr)
    hr_round (client);
  else
    make_edit (client, pick_kind (client));
  /* A stuck client: the parent must notice */
  if (breaking ("stuck") && client->index == 1 && client->n_committed == 5)
    g_usleep ((gulong) 3600 * G_USEC_PER_SEC);
  g_timeout_add (g_rand_int_range (client->rand, 0, 2 * opt_think_ms + 1), tick_cb, client);
  return G_SOURCE_REMOVE;
}

/* The store's own writes and the others' both come as SfStore::changed:
 * this runs before the context's handler (the commit's moment) */
static void
on_store_changed_before_cb (SfStore        *store,
                            const SfChange *change,
                            gpointer        user_data)
{
  Client *client = user_data;

  if (client->in_edit && client->commit_at == 0)
    client->commit_at = g_get_real_time ();
}

/* … and this after it: the others' change has been applied */
static void
on_store_changed_after_cb (SfStore        *store,
                           const SfChange *change,
                           gpointer        user_data)
{
  Client *client = user_data;
  gint64 now = g_get_real_time ();

  if (client->in_edit)
    return;
  for (guint i = 0; change->cases != NULL && i < change->cases->len; i++)
    g_array_append_val (client->seen, ((Seen) { 'c', g_array_index (change->cases, gint64, i), now }));
  for (guint i = 0; change->caseworkers != NULL && i < change->caseworkers->len; i++)
    g_array_append_val (client->seen, ((Seen) { 'w', g_array_index (change->caseworkers, gint64, i), now }));
  if (change->tables & SF_CHANGE_SCENARIOS)
    {
      client->marker_seen = TRUE;
      if (client->settling)
        g_main_loop_quit (client->loop);
    }
}

static void
on_context_changed_cb (SfContext              *context,
                       const SfContextChanges *changes,
                       gpointer                user_data)
{
  Client *client = user_data;

  if (changes->what & SF_CONTEXT_EVERYTHING)
    client->n_reloads++;
  else
    client->n_in_place++;
}

/* The figures of a fresh load on the client's login, against its own */
static char *
compare_with_fresh (Client *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open (client->uri, &error);
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *mine = NULL;
  g_auto(GStrv) fresh_lines = NULL;
  g_auto(GStrv) mine_lines = NULL;
  SfSettings settings;

  sf_settings_init_defaults (&settings);
  if (store == NULL || !sf_store_load_settings (store, &settings, &error) ||
      (dataset = sf_store_load_dataset (store, &error)) == NULL)
    return g_strdup_printf ("a fresh load failed: %s", error->message);
  figures = sf_figures_compute (dataset, &settings, sf_context_get_figures (client->context)->ref);
  fresh = sf_report_render (figures, SF_REPORT_JSON);
  mine = sf_report_render (sf_context_get_figures (client->context), SF_REPORT_JSON);
  if (g_strcmp0 (fresh, mine) == 0)
    return NULL;
  fresh_lines = g_strsplit (fresh, "\n", -1);
  mine_lines = g_strsplit (mine, "\n", -1);
  for (guint i = 0; fresh_lines[i] != NULL && mine_lines[i] != NULL; i++)
    if (strcmp (fresh_lines[i], mine_lines[i]) != 0)
      return g_strdup_printf ("line %u of the JSON report: a fresh load has %s, the client %s",
                              i + 1, g_strstrip (fresh_lines[i]), g_strstrip (mine_lines[i]));
  return g_strdup_printf ("the JSON reports differ in length (%zu and %zu bytes)", strlen (fresh), strlen (mine));
}

static gboolean
on_stdin_cb (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  Client *client = user_data;
  char buffer[256];
  gssize n = read (fd, buffer, sizeof buffer);
  char *end;

  if (n <= 0)
    {
      /* The parent is gone */
      g_printerr ("client %d: the parent closed the pipe\n", client->index);
      exit (3);
    }
  g_string_append_len (client->input, buffer, n);
  while ((end = strchr (client->input->str, '\n')) != NULL)
    {
      g_autofree char *line = g_strndup (client->input->str, end - client->input->str);

      g_string_erase (client->input, 0, end - client->input->str + 1);
      if (strcmp (line, "go") == 0)
        {
          client->deadline = g_get_monotonic_time () + (gint64) (opt_seconds * G_USEC_PER_SEC);
          g_timeout_add (g_rand_int_range (client->rand, 0, opt_think_ms + 1), tick_cb, client);
        }
      else if (strcmp (line, "settle") == 0)
        {
          client->settling = TRUE;
          if (client->marker_seen)
            g_main_loop_quit (client->loop);
        }
    }
  return G_SOURCE_CONTINUE;
}

static JsonNode *
times_node (GArray *times)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < times->len; i++)
    json_array_add_int_element (array, g_array_index (times, gint64, i));
  json_node_take_array (node, array);
  return node;
}

static int
run_client (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) out = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *difference = NULL;
  Client client = { 0 };
  JsonArray *seen;
  JsonNode *seen_node;

  client.index = opt_client;
  client.hr = g_strcmp0 (opt_role, "hr") == 0;
  client.uri = opt_uri;
  client.rand = g_rand_new_with_seed (1000 + opt_client);
  client.today = sf_day_today ();
  client.team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; opt_team_ids != NULL && opt_team_ids[i] != NULL; i++)
    sf_ids_add (client.team_ids, g_ascii_strtoll (opt_team_ids[i], NULL, 10));
  client.edits = json_builder_new ();
  json_builder_begin_array (client.edits);
  client.errors = g_ptr_array_new_with_free_func (g_free);
  client.seen = g_array_new (FALSE, FALSE, sizeof (Seen));
  client.forecast_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  client.report_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  client.input = g_string_new (NULL);
  client.loop = g_main_loop_new (NULL, FALSE);

  /* As the window: a store and a context that follows the others */
  client.store = sf_store_open (client.uri, &error);
  if (client.store == NULL)
    {
      g_printerr ("client %d: %s\n", client.index, error->message);
      return 1;
    }
  g_signal_connect (client.store, "changed", G_CALLBACK (on_store_changed_before_cb), &client);
  client.context = sf_context_new (client.store);
  g_signal_connect_after (client.store, "changed", G_CALLBACK (on_store_changed_after_cb), &client);
  if (!sf_context_reload (client.context, &error) ||
      !sf_context_follow_others (client.context, &error))
    {
      g_printerr ("client %d: %s\n", client.index, error != NULL ? error->message : "not followed");
      return 1;
    }
  /* A client whose context misses every change: the check must see it */
  if (breaking ("figures") && client.index == 1)
    g_signal_handlers_block_matched (client.store, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, client.context);
  g_signal_connect (client.context, "changed", G_CALLBACK (on_context_changed_cb), &client);
  g_unix_fd_add (0, G_IO_IN | G_IO_HUP, on_stdin_cb, &client);
  say ("ready");
  g_main_loop_run (client.loop);

  /* Every client's last commit came before the marker: all is applied */
  difference = compare_with_fresh (&client);

  json_builder_end_array (client.edits);
  json_builder_begin_object (out);
  json_builder_set_member_name (out, "client");
  json_builder_add_int_value (out, client.index);
  json_builder_set_member_name (out, "login");
  json_builder_add_string_value (out, opt_login);
  json_builder_set_member_name (out, "edits");
  json_builder_add_value (out, json_builder_get_root (client.edits));
  json_builder_set_member_name (out, "refused");
  json_builder_begin_object (out);
  for (guint i = 0; i < G_N_ELEMENTS (refused_keys); i++)
    {
      json_builder_set_member_name (out, refused_keys[i]);
      json_builder_add_int_value (out, client.n_refused[i]);
    }
  json_builder_end_object (out);
  json_builder_set_member_name (out, "gave-up");
  json_builder_add_int_value (out, client.n_gave_up);
  json_builder_set_member_name (out, "reloads");
  json_builder_add_int_value (out, client.n_reloads);
  json_builder_set_member_name (out, "in-place");
  json_builder_add_int_value (out, client.n_in_place);
  json_builder_set_member_name (out, "errors");
  json_builder_begin_array (out);
  for (guint i = 0; i < client.errors->len; i++)
    json_builder_add_string_value (out, g_ptr_array_index (client.errors, i));
  json_builder_end_array (out);
  json_builder_set_member_name (out, "forecast-us");
  json_builder_add_value (out, times_node (client.forecast_us));
  json_builder_set_member_name (out, "report-us");
  json_builder_add_value (out, times_node (client.report_us));
  json_builder_set_member_name (out, "figures-differ");
  if (difference != NULL)
    json_builder_add_string_value (out, difference);
  else
    json_builder_add_null_value (out);
  json_builder_end_object (out);
  root = json_builder_get_root (out);

  /* What was seen, as [type, id, time] */
  seen = json_array_sized_new (client.seen->len);
  for (guint i = 0; i < client.seen->len; i++)
    {
      const Seen *s = &g_array_index (client.seen, Seen, i);
      JsonArray *entry = json_array_sized_new (3);
      char type[2] = { s->type, 0 };

      json_array_add_string_element (entry, type);
      json_array_add_int_element (entry, s->id);
      json_array_add_int_element (entry, s->at);
      json_array_add_array_element (seen, entry);
    }
  seen_node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (seen_node, seen);
  json_object_set_member (json_node_get_object (root), "seen", seen_node);

  json_generator_set_root (generator, root);
  if (!json_generator_to_file (generator, opt_out, &error))
    {
      g_printerr ("client %d: %s\n", client.index, error->message);
      return 1;
    }
  say ("settled");

  g_object_unref (client.context);
  g_object_unref (client.store);
  g_object_unref (client.edits);
  g_main_loop_unref (client.loop);
  g_rand_free (client.rand);
  g_array_unref (client.team_ids);
  g_array_unref (client.seen);
  g_array_unref (client.forecast_us);
  g_array_unref (client.report_us);
  g_ptr_array_unref (client.errors);
  g_string_free (client.input, TRUE);
  return 0;
}

/* ---- the parent ---------------------------------------------------------------- */

typedef struct
{
  int             index;
  char           *login;
  char           *uri;
  char           *out;
  gboolean        hr;
  GArray         *team_ids;
  GSubprocess    *process;
  GDataInputStream *lines;
  GOutputStream  *input;
  gboolean        ready, done, settled, exited, stuck;
  int             status;
  JsonNode       *result;
} Child;

typedef struct
{
  GMainLoop  *loop;
  Child      *children;
  int         n;
  const char *waiting_for;   /* "ready", "done", "settled" */
  GPtrArray  *failures;
  gboolean    timed_out;
} Run;

static Run run;

static void
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static void
fail (const char *format,
      ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("FAIL: %s\n", message);
  g_ptr_array_add (run.failures, message);
}

static gboolean
all_are (const char *state)
{
  for (int i = 0; i < run.n; i++)
    {
      Child *child = &run.children[i];
      gboolean is = strcmp (state, "ready") == 0 ? child->ready :
                    strcmp (state, "done") == 0 ? child->done : child->settled;

      if (!is && !child->exited)
        return FALSE;
    }
  return TRUE;
}

static void read_next_line (Child *child);

static void
on_line_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Child *child = user_data;
  g_autofree char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result, NULL, NULL);

  if (line == NULL)
    {
      child->exited = TRUE;
      if (all_are (run.waiting_for))
        g_main_loop_quit (run.loop);
      return;
    }
  if (strcmp (line, "@ready") == 0)
    child->ready = TRUE;
  else if (strcmp (line, "@done") == 0)
    child->done = TRUE;
  else if (strcmp (line, "@settled") == 0)
    child->settled = TRUE;
  if (all_are (run.waiting_for))
    g_main_loop_quit (run.loop);
  read_next_line (child);
}

static void
read_next_line (Child *child)
{
  g_data_input_stream_read_line_async (child->lines, G_PRIORITY_DEFAULT, NULL, on_line_cb, child);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  run.timed_out = TRUE;
  g_main_loop_quit (run.loop);
  return G_SOURCE_REMOVE;
}

/* Waits until every client has said @state (or has ended), at most
 * @seconds; names the ones that did not */
static gboolean
wait_for (const char *state,
          double      seconds)
{
  guint timeout;
  gboolean ok = TRUE;

  run.waiting_for = state;
  run.timed_out = FALSE;
  if (!all_are (state))
    {
      timeout = g_timeout_add ((guint) (seconds * 1000), on_timeout_cb, NULL);
      g_main_loop_run (run.loop);
      if (!run.timed_out)
        g_source_remove (timeout);
    }
  for (int i = 0; i < run.n; i++)
    {
      Child *child = &run.children[i];
      gboolean is = strcmp (state, "ready") == 0 ? child->ready :
                    strcmp (state, "done") == 0 ? child->done : child->settled;

      if (!is && !child->stuck)
        {
          ok = FALSE;
          if (child->exited)
            fail ("client %d (%s) ended before it was %s", i, child->login, state);
          else
            fail ("client %d (%s) is stuck: not %s within %.0f s", i, child->login, state, seconds);
        }
    }
  return ok;
}

static void
send_all (const char *line)
{
  for (int i = 0; i < run.n; i++)
    {
      Child *child = &run.children[i];

      if (!child->exited && !child->stuck)
        g_output_stream_write_all (child->input, line, strlen (line), NULL, NULL, NULL);
    }
}

/* A client ends with the parent, stuck or not */
static void
end_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static char *
client_uri (const char *db_uri,
            const char *login)
{
  /* Over TCP on the loopback when the server has a port */
  g_autoptr(GUri) uri = g_uri_parse (db_uri, G_URI_FLAGS_NONE, NULL);
  const char *query = uri != NULL ? g_uri_get_query (uri) : NULL;
  g_autoptr(GHashTable) params = query != NULL ? g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL) : NULL;
  const char *port = params != NULL ? g_hash_table_lookup (params, "port") : NULL;

  if (port != NULL)
    return g_strdup_printf ("postgresql://127.0.0.1:%s%s?user=%s", port, g_uri_get_path (uri), login);
  return g_strdup_printf ("%s%suser=%s", db_uri, strchr (db_uri, '?') != NULL ? "&" : "?", login);
}

static gint64
query_int (const char *uri,
           const char *sql)
{
  g_autofree char *text = sf_test_pg_query (uri, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* median, p95 and max of @values (µs) as milliseconds, into @builder */
static void
add_stats (JsonBuilder *builder,
           GString     *summary,
           const char  *key,
           const char  *name,
           GArray      *values)
{
  double median = 0, p95 = 0, max = 0;

  g_array_sort (values, compare_int64);
  if (values->len > 0)
    {
      median = g_array_index (values, gint64, (values->len - 1) / 2) / 1000.0;
      p95 = g_array_index (values, gint64, (guint) ceil (values->len * 0.95) - 1) / 1000.0;
      max = g_array_index (values, gint64, values->len - 1) / 1000.0;
    }
  json_builder_set_member_name (builder, key);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, values->len);
  json_builder_set_member_name (builder, "median-ms");
  json_builder_add_double_value (builder, median);
  json_builder_set_member_name (builder, "p95-ms");
  json_builder_add_double_value (builder, p95);
  json_builder_set_member_name (builder, "max-ms");
  json_builder_add_double_value (builder, max);
  json_builder_end_object (builder);
  g_string_append_printf (summary, "  %-28s %7u   median %8.1f ms   p95 %8.1f ms   max %8.1f ms\n",
                          name, values->len, median, p95, max);
}

typedef struct
{
  gint64  start, commit;
  char   *value;
  int     client;
} Write;

static void
write_free (gpointer data)
{
  Write *write = data;

  g_free (write->value);
  g_free (write);
}

/* What the database holds for the field @key, as describe_edit() writes it */
static char *
final_value (const char      *key,
             const SfDataset *dataset,
             GHashTable      *items,
             GHashTable      *by_reference)
{
  const char *colon = strchr (key, ':');
  g_autofree char *kind = g_strndup (key, colon - key);
  gint64 id = g_ascii_strtoll (colon + 1, NULL, 10);

  if (strcmp (kind, "hours") == 0 || strcmp (kind, "reductions") == 0 || strcmp (kind, "absence") == 0)
    {
      const SfCaseworker *worker = sf_dataset_find_caseworker (dataset, id);
      guint n, first;

      if (worker == NULL)
        return g_strdup ("(no such caseworker)");
      if (kind[0] == 'h')
        return hours_value (worker->weekly_hours);
      if (kind[0] == 'a')
        return absence_value (worker);
      first = sf_dataset_find_reductions (dataset, id, &n);
      return reductions_value (&g_array_index (dataset->reductions, SfReduction, first), n);
    }
  if (strcmp (kind, "worker") == 0 || strcmp (kind, "closed") == 0)
    {
      int at = sf_rows_find (dataset->cases, id);
      const SfCase *kase;

      if (at < 0)
        return g_strdup ("(no such case)");
      kase = &g_array_index (dataset->cases, SfCase, at);
      if (kind[0] == 'w')
        return g_strdup_printf ("%" G_GINT64_FORMAT, kase->caseworker_id);
      return g_strdup_printf ("%u", kase->closed);
    }
  if (strcmp (kind, "added") == 0)
    {
      const SfCase *kase = g_hash_table_lookup (by_reference, colon + 1);

      if (kase == NULL)
        return g_strdup ("(no such case)");
      return g_strdup (sf_complexity_to_key (kase->complexity));
    }
  if (strcmp (kind, "item") == 0)
    {
      const SfChecklistItem *item = g_hash_table_lookup (items, &id);

      return item != NULL ? item_value (item) : g_strdup ("(no such item)");
    }
  return g_strdup ("(unknown field)");
}

static int
run_parent (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_uri = NULL;
  g_autofree char *roster = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *self = NULL;
  g_autoptr(SfStore) owner = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(GArray) team_order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) writes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GArray) call_commit = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) call_return = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) commit_seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) forecast = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) report = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) audit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) seen_maps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  guint refused[G_N_ELEMENTS (refused_keys)] = { 0 };
  guint n_reloads = 0, n_in_place = 0;
  guint n_edits = 0, n_gave_up = 0, n_unseen = 0, n_checked_fields = 0, n_lost = 0, n_retried = 0;
  guint n_managers, n_distinct;
  gint64 t_setup, t_go, t_done;
  gint64 deadlocks_before, deadlocks_after;
  const char *base = opt_uri != NULL ? opt_uri : g_getenv ("SF_TEST_PG_URI");

  run.failures = g_ptr_array_new_with_free_func (g_free);
  /* A client that ended closed its pipe: a write to it fails, not kills */
  signal (SIGPIPE, SIG_IGN);
  if (base == NULL || *base == '\0')
    {
      g_print ("SKIP: no server (give --uri or set SF_TEST_PG_URI)\n");
      return 77;
    }
  if (opt_clients < 2)
    {
      g_printerr ("At least two clients: an HR client and a manager\n");
      return 2;
    }
  g_setenv ("SF_TEST_PG_URI", base, TRUE);
  self = g_file_read_link ("/proc/self/exe", NULL);
  t_setup = g_get_monotonic_time ();

  /* The data set */
  dir = sf_test_make_tmpdir ();
  if (opt_dataset == NULL)
    {
      g_autofree char *teams = g_strdup_printf ("%d", opt_teams);
      g_autofree char *workers = g_strdup_printf ("%d", opt_caseworkers);
      g_autofree char *n_cases = g_strdup_printf ("%d", opt_cases);
      g_autofree char *script = g_build_filename (SF_SOURCE_ROOT, "build-aux", "generate-dataset.py", NULL);
      const char *generate[] = { "python3", script, dir, "--teams", teams, "--caseworkers", workers,
                                 "--cases", n_cases, NULL };
      int status;

      if (!g_spawn_sync (NULL, (char **) generate, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("Could not generate the data set: %s\n", error->message);
          return 2;
        }
    }
  roster = g_build_filename (opt_dataset != NULL ? opt_dataset : dir, "roster.csv", NULL);
  cases = g_build_filename (opt_dataset != NULL ? opt_dataset : dir, "cases.csv", NULL);

  /* The database, set up as server-setup does, filled by its owner */
  db_uri = sf_test_pg_new_database ();
  if (!sf_server_setup (db_uri, NULL, NULL, &error) ||
      (owner = sf_store_open (db_uri, &error)) == NULL)
    {
      g_printerr ("Could not set the database up: %s\n", error->message);
      return 2;
    }
  {
    g_autoptr(GFile) roster_file = g_file_new_for_path (roster);
    g_autoptr(GFile) cases_file = g_file_new_for_path (cases);
    g_auto(SfImportResult) roster_result = { 0 };
    g_auto(SfImportResult) cases_result = { 0 };

    if (!sf_import_file (owner, roster_file, FALSE, &roster_result, &error) ||
        !sf_import_file (owner, cases_file, TRUE, &cases_result, &error))
      {
        g_printerr ("Could not import the data set: %s\n", error->message);
        return 2;
      }
  }
  dataset = sf_store_load_dataset (owner, &error);
  g_assert_no_error (error);

  /* The managers' teams: those with most caseworkers first (three at
   * least), a quarter of them with two managers */
  {
    g_autoptr(GHashTable) sizes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

    for (guint i = 0; i < dataset->caseworkers->len; i++)
      {
        const SfCaseworker *worker = &g_array_index (dataset->caseworkers, SfCaseworker, i);
        gpointer size = g_hash_table_lookup (sizes, &worker->team_id);

        g_hash_table_replace (sizes, g_memdup2 (&worker->team_id, sizeof (gint64)),
                              GINT_TO_POINTER (GPOINTER_TO_INT (size) + 1));
      }
    for (guint i = 0; i < dataset->teams->len; i++)
      {
        const SfTeam *team = &g_array_index (dataset->teams, SfTeam, i);

        if (GPOINTER_TO_INT (g_hash_table_lookup (sizes, &team->id)) >= 3)
          g_array_append_val (team_order, team->id);
      }
  }
  n_managers = opt_clients - 1;
  n_distinct = MAX (1, n_managers - n_managers / 4);
  if (team_order->len < n_distinct)
    {
      g_printerr ("The data set has %u teams of three or more, %u are needed\n", team_order->len, n_distinct);
      return 2;
    }
  deadlocks_before = query_int (db_uri, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database ()");

  /* A login per client, granted as an admin would */
  run.n = opt_clients;
  run.children = g_new0 (Child, run.n);
  run.loop = g_main_loop_new (NULL, FALSE);
  for (int i = 0; i < run.n; i++)
    {
      Child *child = &run.children[i];
      g_autofree char *create = NULL;
      g_autofree char *team_name = NULL;

      child->index = i;
      child->hr = i == 0;
      child->login = g_strdup_printf ("sfload_%ld_%s%d", (long) getpid (), child->hr ? "hr" : "m", i);
      child->uri = client_uri (db_uri, child->login);
      child->out = g_strdup_printf ("%s/client-%d.json", dir, i);
      child->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      create = g_strdup_printf ("CREATE ROLE \"%s\" LOGIN", child->login);
      g_free (sf_test_pg_query (base, create));
      if (child->hr)
        {
          /* HR edits the people of the first shared teams too */
          for (guint t = 0; t < MIN (2, n_distinct); t++)
            g_array_append_val (child->team_ids, g_array_index (team_order, gint64, t));
          if (!sf_access_grant (owner, child->login, "hr", NULL, &error))
            break;
        }
      else
        {
          gint64 team_id = g_array_index (team_order, gint64, (i - 1) % n_distinct);

          g_array_append_val (child->team_ids, team_id);
          team_name = g_strdup (sf_dataset_find_team (dataset, team_id)->name);
          if (!sf_access_grant (owner, child->login, "manager", (const char *[]) { team_name, NULL }, &error))
            break;
          /* A checklist on each team, for its answers */
          if ((i - 1) < (int) n_distinct &&
              sf_checklist_create (owner, team_id, "ledelsesspoergsmaal", &error) == 0)
            break;
        }
    }
  if (error != NULL)
    {
      g_printerr ("Could not grant access: %s\n", error->message);
      return 2;
    }
  g_clear_object (&owner);

  /* The clients */
  for (int i = 0; i < run.n; i++)
    {
      Child *child = &run.children[i];
      g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
      g_autoptr(GSubprocessLauncher) launcher = NULL;
      g_auto(GStrv) argv_child = NULL;
      g_autofree char *index = g_strdup_printf ("%d", i);
      g_autofree char *seconds = g_strdup_printf ("%g", opt_seconds);
      g_autofree char *think = g_strdup_printf ("%d", opt_think_ms);

      g_strv_builder_add_many (args, self, "--client", index, "--role", child->hr ? "hr" : "manager",
                               "--uri", child->uri, "--login", child->login, "--out", child->out,
                               "--seconds", seconds, "--think-ms", think, NULL);
      for (guint t = 0; t < child->team_ids->len; t++)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (child->team_ids, gint64, t));

          g_strv_builder_add_many (args, "--team", id, NULL);
        }
      if (opt_break != NULL)
        g_strv_builder_add_many (args, "--break", opt_break, NULL);
      if (opt_refuse_first)
        g_strv_builder_add (args, "--refuse-first");
      argv_child = g_strv_builder_end (args);
      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      g_subprocess_launcher_set_child_setup (launcher, end_with_parent, NULL, NULL);
      child->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv_child, &error);
      if (child->process == NULL)
        {
          g_printerr ("Could not start client %d: %s\n", i, error->message);
          return 2;
        }
      child->input = g_subprocess_get_stdin_pipe (child->process);
      child->lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child->process));
      read_next_line (child);
    }

  if (wait_for ("ready", 600))
    {
      t_go = g_get_monotonic_time ();
      send_all ("go\n");
      /* Stuck: not done a minute after the time is up */
      wait_for ("done", opt_seconds + 60);
      t_done = g_get_monotonic_time ();
      /* A stuck client is named and ended; the others go on */
      for (int i = 0; i < run.n; i++)
        if (!run.children[i].done && !run.children[i].exited)
          {
            run.children[i].stuck = TRUE;
            g_subprocess_force_exit (run.children[i].process);
          }
      {
        g_autoptr(SfDb) db = sf_db_open (db_uri, SF_DB_OPEN_DEFAULT, &error);

        g_assert_no_error (error);
        sf_db_exec (db, "SELECT pg_notify ('" SF_REMOTE_CHANNEL "', '" MARKER_PAYLOAD "')", &error);
        g_assert_no_error (error);
      }
      send_all ("settle\n");
      wait_for ("settled", 300);
    }
  else
    t_go = t_done = g_get_monotonic_time ();
  for (int i = 0; i < run.n; i++)
    {
      Child *child = &run.children[i];

      if (!child->settled)
        g_subprocess_force_exit (child->process);
      g_subprocess_wait (child->process, NULL, NULL);
      if (!child->stuck && g_subprocess_get_if_exited (child->process) &&
          g_subprocess_get_exit_status (child->process) != 0)
        fail ("client %d (%s) exited with %d", i, child->login, g_subprocess_get_exit_status (child->process));
    }

  /* ---- the checks ---- */
  {
    g_autoptr(SfStore) check = sf_store_open (db_uri, &error);
    g_autoptr(SfDataset) final = NULL;
    g_autoptr(GPtrArray) checklists = NULL;
    g_autoptr(GHashTable) items = g_hash_table_new (g_int64_hash, g_int64_equal);
    g_autoptr(GHashTable) by_reference = g_hash_table_new (g_str_hash, g_str_equal);
    g_autofree char *audit_sql = NULL;
    GHashTableIter iter;
    gpointer key, value;

    g_assert_no_error (error);
    final = sf_store_load_dataset (check, &error);
    g_assert_no_error (error);
    checklists = sf_checklists_load (check, 0, sf_day_today (), &error);
    g_assert_no_error (error);
    for (guint i = 0; i < checklists->len; i++)
      {
        SfChecklist *checklist = g_ptr_array_index (checklists, i);

        for (guint j = 0; j < checklist->items->len; j++)
          {
            SfChecklistItem *item = g_ptr_array_index (checklist->items, j);

            g_hash_table_insert (items, &item->id, item);
          }
      }
    for (guint i = 0; i < final->cases->len; i++)
      {
        SfCase *kase = &g_array_index (final->cases, SfCase, i);

        g_hash_table_insert (by_reference, kase->reference, kase);
      }

    /* Each client's results */
    for (int i = 0; i < run.n; i++)
      {
        Child *child = &run.children[i];
        g_autoptr(JsonParser) parser = json_parser_new ();
        JsonObject *result;
        JsonArray *edits, *seen, *errors;
        JsonObject *refusals;
        GHashTable *seen_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_array_unref);
        const char *differ;

        g_ptr_array_add (seen_maps, seen_map);
        if (!child->settled || !json_parser_load_from_file (parser, child->out, NULL))
          {
            if (!child->stuck)
              fail ("client %d (%s) left no results", i, child->login);
            continue;
          }
        child->result = json_node_ref (json_parser_get_root (parser));
        result = json_node_get_object (child->result);
        differ = json_object_get_string_member_with_default (result, "figures-differ", NULL);
        if (differ != NULL)
          fail ("client %d (%s): its figures differ from a fresh load's: %s", i, child->login, differ);
        n_reloads += json_object_get_int_member (result, "reloads");
        n_in_place += json_object_get_int_member (result, "in-place");
        refusals = json_object_get_object_member (result, "refused");
        for (guint r = 0; r < G_N_ELEMENTS (refused_keys); r++)
          refused[r] += json_object_get_int_member (refusals, refused_keys[r]);
        if (json_object_get_int_member (result, "gave-up") > 0)
          {
            n_gave_up += json_object_get_int_member (result, "gave-up");
            fail ("client %d (%s) gave up %" G_GINT64_FORMAT " edits after five refusals", i, child->login,
                  json_object_get_int_member (result, "gave-up"));
          }
        errors = json_object_get_array_member (result, "errors");
        for (guint e = 0; e < json_array_get_length (errors); e++)
          g_printerr ("client %d: refused: %s\n", i, json_array_get_string_element (errors, e));
        {
          JsonArray *times = json_object_get_array_member (result, "forecast-us");

          for (guint t = 0; t < json_array_get_length (times); t++)
            g_array_append_val (forecast, (gint64) { json_array_get_int_element (times, t) });
          times = json_object_get_array_member (result, "report-us");
          for (guint t = 0; t < json_array_get_length (times); t++)
            g_array_append_val (report, (gint64) { json_array_get_int_element (times, t) });
        }

        seen = json_object_get_array_member (result, "seen");
        for (guint s = 0; s < json_array_get_length (seen); s++)
          {
            JsonArray *entry = json_array_get_array_element (seen, s);
            g_autofree char *row = g_strdup_printf ("%s:%" G_GINT64_FORMAT, json_array_get_string_element (entry, 0),
                                                    json_array_get_int_element (entry, 1));
            GArray *times = g_hash_table_lookup (seen_map, row);

            if (times == NULL)
              {
                times = g_array_new (FALSE, FALSE, sizeof (gint64));
                g_hash_table_insert (seen_map, g_strdup (row), times);
              }
            g_array_append_val (times, (gint64) { json_array_get_int_element (entry, 2) });
          }

        edits = json_object_get_array_member (result, "edits");
        g_hash_table_insert (audit, g_strdup (child->login), GUINT_TO_POINTER (json_array_get_length (edits)));
        for (guint e = 0; e < json_array_get_length (edits); e++)
          {
            JsonObject *edit = json_array_get_object_element (edits, e);
            JsonObject *fields = json_object_get_object_member (edit, "fields");
            gint64 start = json_object_get_int_member (edit, "start");
            gint64 commit = json_object_get_int_member (edit, "commit");
            gint64 end = json_object_get_int_member (edit, "end");
            JsonObjectIter fields_iter;
            const char *field;
            JsonNode *field_value;

            n_edits++;
            if (json_object_get_int_member (edit, "retries") > 0)
              n_retried++;
            g_array_append_val (call_commit, (gint64) { commit - start });
            g_array_append_val (call_return, (gint64) { end - start });
            json_object_iter_init (&fields_iter, fields);
            while (json_object_iter_next (&fields_iter, &field, &field_value))
              {
                GPtrArray *list = g_hash_table_lookup (writes, field);
                Write *write = g_new0 (Write, 1);

                if (list == NULL)
                  {
                    list = g_ptr_array_new_with_free_func (write_free);
                    g_hash_table_insert (writes, g_strdup (field), list);
                  }
                write->start = start;
                write->commit = commit;
                write->client = i;
                write->value = g_strdup (json_node_get_string (field_value));
                g_ptr_array_add (list, write);
              }
          }
      }

    /* Commit → applied by each other client: the first time it applied a
     * change naming the row after the edit began */
    for (int i = 0; i < run.n; i++)
      {
        JsonObject *result = run.children[i].result != NULL ? json_node_get_object (run.children[i].result) : NULL;
        JsonArray *edits = result != NULL ? json_object_get_array_member (result, "edits") : NULL;

        for (guint e = 0; edits != NULL && e < json_array_get_length (edits); e++)
          {
            JsonObject *edit = json_array_get_object_element (edits, e);
            const char *row = json_object_get_string_member_with_default (edit, "row", NULL);
            gint64 start = json_object_get_int_member (edit, "start");
            gint64 commit = json_object_get_int_member (edit, "commit");

            if (row == NULL)
              continue;
            for (int j = 0; j < run.n; j++)
              {
                GArray *times;
                gboolean found = FALSE;

                if (j == i || j >= (int) seen_maps->len)
                  continue;
                times = g_hash_table_lookup (g_ptr_array_index (seen_maps, j), row);
                for (guint t = 0; times != NULL && t < times->len && !found; t++)
                  if (g_array_index (times, gint64, t) >= start)
                    {
                      g_array_append_val (commit_seen, (gint64) { MAX (0, g_array_index (times, gint64, t) - commit) });
                      found = TRUE;
                    }
                if (!found)
                  n_unseen++;
              }
          }
      }

    /* No lost edit: the field holds the value of an edit that no edit
     * begun after its commit overwrote */
    g_hash_table_iter_init (&iter, writes);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        GPtrArray *list = value;
        g_autofree char *now = final_value (key, final, items, by_reference);
        gint64 latest_start = G_MININT64;
        gboolean found = FALSE;
        guint n_last = 0;

        n_checked_fields++;
        for (guint w = 0; w < list->len; w++)
          latest_start = MAX (latest_start, ((Write *) g_ptr_array_index (list, w))->start);
        for (guint w = 0; w < list->len && !found; w++)
          {
            Write *write = g_ptr_array_index (list, w);

            /* Overwritten for certain: another began after its commit */
            if (write->commit < latest_start)
              continue;
            n_last++;
            found = strcmp (write->value, now) == 0;
          }
        if (!found)
          {
            n_lost++;
            if (n_lost <= 10)
              fail ("lost edit: %s is %s, which none of the %u edits that could have been its last wrote",
                    (char *) key, now, n_last);
          }
      }
    if (n_lost > 10)
      fail ("%u lost edits in all", n_lost);

    /* One change-log row per committed edit, by the login that made it */
    audit_sql = g_strdup_printf ("SELECT coalesce (string_agg (who || '=' || n, ',' ORDER BY who), '')"
                                 " FROM (SELECT who, count (*) AS n FROM audit"
                                 " WHERE who LIKE 'sfload_%ld_%%' GROUP BY who) AS per_login", (long) getpid ());
    {
      g_autofree char *text = sf_test_pg_query (db_uri, audit_sql);
      g_auto(GStrv) pairs = g_strsplit (text != NULL ? text : "", ",", -1);
      g_autoptr(GHashTable) logged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint p = 0; pairs[p] != NULL && *pairs[p] != '\0'; p++)
        {
          char *eq = strchr (pairs[p], '=');

          *eq = '\0';
          g_hash_table_insert (logged, g_strdup (pairs[p]), GINT_TO_POINTER (atoi (eq + 1)));
        }
      for (int i = 0; i < run.n; i++)
        {
          Child *child = &run.children[i];
          guint committed = GPOINTER_TO_UINT (g_hash_table_lookup (audit, child->login));
          guint rows = GPOINTER_TO_INT (g_hash_table_lookup (logged, child->login));

          if (child->result != NULL && committed != rows)
            fail ("client %d (%s): %u edits committed, %u change-log rows", i, child->login, committed, rows);
        }
    }
  }
  deadlocks_after = query_int (db_uri, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database ()");
  if (forecast->len == 0)
    fail ("HR computed no forecast");
  if (n_edits == 0)
    fail ("no edit was made");

  /* ---- the figures ---- */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "clients");
  json_builder_add_int_value (builder, run.n);
  json_builder_set_member_name (builder, "seconds");
  json_builder_add_double_value (builder, opt_seconds);
  json_builder_set_member_name (builder, "think-ms");
  json_builder_add_int_value (builder, opt_think_ms);
  json_builder_set_member_name (builder, "transport");
  json_builder_add_string_value (builder, g_str_has_prefix (run.children[0].uri, "postgresql://127.0.0.1") ? "tcp-loopback" : "unix-socket");
  json_builder_set_member_name (builder, "caseworkers");
  json_builder_add_int_value (builder, dataset->caseworkers->len);
  json_builder_set_member_name (builder, "cases");
  json_builder_add_int_value (builder, dataset->cases->len);
  json_builder_set_member_name (builder, "setup-s");
  json_builder_add_double_value (builder, (t_go - t_setup) / 1e6);
  json_builder_set_member_name (builder, "edits");
  json_builder_add_int_value (builder, n_edits);
  json_builder_set_member_name (builder, "edits-per-s");
  json_builder_add_double_value (builder, t_done > t_go ? n_edits / ((t_done - t_go) / 1e6) : 0);
  json_builder_set_member_name (builder, "edits-retried");
  json_builder_add_int_value (builder, n_retried);
  json_builder_set_member_name (builder, "refused");
  json_builder_begin_object (builder);
  for (guint r = 0; r < G_N_ELEMENTS (refused_keys); r++)
    {
      json_builder_set_member_name (builder, refused_keys[r]);
      json_builder_add_int_value (builder, refused[r]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "gave-up");
  json_builder_add_int_value (builder, n_gave_up);
  json_builder_set_member_name (builder, "server-deadlocks");
  json_builder_add_int_value (builder, deadlocks_after - deadlocks_before);
  json_builder_set_member_name (builder, "fields-checked");
  json_builder_add_int_value (builder, n_checked_fields);
  json_builder_set_member_name (builder, "lost");
  json_builder_add_int_value (builder, n_lost);
  json_builder_set_member_name (builder, "not-seen");
  json_builder_add_int_value (builder, n_unseen);
  json_builder_set_member_name (builder, "changes-applied-in-place");
  json_builder_add_int_value (builder, n_in_place);
  json_builder_set_member_name (builder, "changes-reloading-everything");
  json_builder_add_int_value (builder, n_reloads);

  g_string_append_printf (summary, "%d clients (1 HR, %u managers on %u teams) for %g s over %s;"
                          " %u caseworkers, %u cases\n",
                          run.n, n_managers, n_distinct, opt_seconds,
                          g_str_has_prefix (run.children[0].uri, "postgresql://127.0.0.1") ? "TCP on the loopback" : "the Unix socket",
                          dataset->caseworkers->len, dataset->cases->len);
  g_string_append_printf (summary, "%u edits committed (%.1f a second), %u after a retry; refused: %u conflict,"
                          " %u denied, %u deadlock/busy, %u invalid, %u other; %u given up; server deadlocks: %" G_GINT64_FORMAT "\n",
                          n_edits, t_done > t_go ? n_edits / ((t_done - t_go) / 1e6) : 0, n_retried,
                          refused[REFUSED_CONFLICT], refused[0], refused[1], refused[2], refused[3], n_gave_up, deadlocks_after - deadlocks_before);
  g_string_append_printf (summary, "%u fields checked, %u lost; edits not seen by another client: %u\n",
                          n_checked_fields, n_lost, n_unseen);
  g_string_append_printf (summary, "the clients' contexts followed %u changes row by row and read everything"
                          " again %u times\n", n_in_place, n_reloads);
  add_stats (builder, summary, "edit-to-commit", "edit call to commit", call_commit);
  add_stats (builder, summary, "edit-to-return", "edit call to return", call_return);
  add_stats (builder, summary, "commit-to-seen", "commit to seen by others", commit_seen);
  add_stats (builder, summary, "forecast", "HR forecast", forecast);
  add_stats (builder, summary, "report", "HR report", report);
  json_builder_set_member_name (builder, "failures");
  json_builder_begin_array (builder);
  for (guint f = 0; f < run.failures->len; f++)
    json_builder_add_string_value (builder, g_ptr_array_index (run.failures, f));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(JsonNode) root = json_builder_get_root (builder);

    json_generator_set_root (generator, root);
    json_generator_set_pretty (generator, TRUE);
    if (opt_json != NULL && !json_generator_to_file (generator, opt_json, &error))
      g_printerr ("%s\n", error->message);
  }
  g_print ("%s", summary->str);
  if (run.failures->len > 0)
    g_print ("FAILED: %u checks (see above)\n", run.failures->len);
  else
    g_print ("OK: no lost edit, no deadlock, every client's figures equal a fresh load's\n");

  /* Clean up */
  for (int i = 0; i < run.n; i++)
    {
      Child *child = &run.children[i];

      if (!opt_keep)
        {
          g_autofree char *drop = NULL;

          g_remove (child->out);
          if (i == 0)
            {
              sf_test_pg_drop_database (g_steal_pointer (&db_uri));
            }
          drop = g_strdup_printf ("DROP ROLE IF EXISTS \"%s\"", child->login);
          g_free (sf_test_pg_query (base, drop));
        }
      g_clear_object (&child->process);
      g_clear_object (&child->lines);
      g_clear_pointer (&child->result, json_node_unref);
      g_array_unref (child->team_ids);
      g_free (child->login);
      g_free (child->uri);
      g_free (child->out);
    }
  if (opt_keep)
    g_print ("Kept: the database %s\n", db_uri);
  else if (opt_dataset == NULL)
    {
      g_remove (roster);
      g_remove (cases);
      g_rmdir (dir);
    }
  else
    g_rmdir (dir);
  g_free (run.children);
  g_main_loop_unref (run.loop);
  return run.failures->len > 0 ? 1 : 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("— many users editing one server at once");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  sf_i18n_init ();
  if (opt_client >= 0)
    return run_client ();
  return run_parent (argc, argv);
}
