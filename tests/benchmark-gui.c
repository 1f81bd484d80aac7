/* benchmark-gui.c: how long the real window takes to react to what a
 * manager does on a large municipality (issue 8: "switching teams, sorting
 * and filtering stay under one frame of work; editing one case or person
 * recomputes incrementally, not everything").
 *
 *   benchmark-gui --database FILE [--runs N] [--verbose] [--only NAME …]
 *
 * Works on a copy of FILE (and FILE-wal) in a temporary folder, removed at
 * exit: FILE itself is never written.  Presents the real window at
 * 1280×800, lets its first frames settle, then times each interaction
 * --runs times (default 9) and prints one line per figure:
 *
 *   NAME   median  12.3 ms  max  15.0 ms  cpu  11.0 ms
 *
 * NAME is the time until the window has finished reacting and the next
 * frame is painted, with the process's CPU time over that span ("cpu"; the
 * X server's own work is not in it); NAME-call the call alone, with the
 * window's synchronous handlers; NAME-store the same write before any
 * window listens (the floor an edit cannot go under; SQLite's commit is in
 * it, which in WAL mode with synchronous=NORMAL does not wait for the
 * disk).  In this order:
 *
 *   edit-case-store    closing one open case, or reopening it (alternately)
 *   edit-person-store  one caseworker's weekly hours, 37 ↔ 30
 *   redraw             a frame with nothing changed: the floor under the rest
 *   edit-case          the edits in the window, on someone in the roster's
 *   edit-person        first rows, while only the roster has been shown
 *   sort-roster        the roster sorted by another column each run
 *   search-roster      the roster's search set to a part of a name, and cleared
 *   team-filter        the Caseloads page filtered by a team, and back to all
 *   team-filter-cases  the list of every case filtered by a team, and back
 *   switch-page        Caseloads ↔ Caseworkers, both shown before
 *   switch-team        another team chosen on the Teams page: its members shown
 *   planning-open      the Planning page shown for the first time (once): the
 *                      call starts computing in a thread, the frame shows that
 *   planning-computed  from the page's input (sf_planning_page_set_data()) until
 *                      the trend and forecast computed in the thread are shown
 *                      (wall time; "cpu" is the whole process's, the thread's too)
 *   planning-level     the Planning page: the municipality ↔ its first area, the
 *                      work the page does on the main thread when figures arrive
 *   planning-scenario  the database's first saved scenario chosen on the Planning
 *                      page, until its comparison (computed in a thread) is shown;
 *                      planning-scenario-shown the main thread's part of it
 *   floor-filter       not the application: a bare GtkColumnView of ten label
 *                      columns over 3,000 strings, in a window of the same size,
 *                      filtered to five rows and back as team-filter does; what
 *                      GTK itself takes to make and bind those rows, the floor
 *                      under team-filter and search-roster
 *   edit-case-all-pages, edit-person-all-pages
 *                      the edits once the Caseloads page has been shown: it is
 *                      kept current on every change too
 *
 * Lines starting with "#" are comments.  Numbers are always written with a
 * decimal point.  Animations and the cursor's blinking are turned off, so
 * that a run ends with the last frame its work asked for.  --only NAME
 * times only that figure (e.g. under perf record); the set-up is the same.
 *
 * Run it under a display, e.g.
 *   xvfb-run -a -s "-screen 0 1280x800x24" build/tests/benchmark-gui --database big.db
 * with GTK_A11Y=none GDK_BACKEND=x11 as build-aux/benchmark.py does.  The
 * settings are kept in memory and the schemas are read from the build
 * directory unless GSETTINGS_BACKEND / GSETTINGS_SCHEMA_DIR say otherwise.
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sf-caseloads-page.h"
#include "sf-cases-view.h"
#include "sf-planning-page-private.h"
#include "sf-roster-item.h"
#include "sf-roster-page.h"
#include "sf-teams-page.h"
#include "sf-test-gui.h"
#include "sf-test-util.h"
#include "sf-row-viewport.h"
#include "sf-teams-page-private.h"
#include "sf-caseloads-page-private.h"
#include "sf-cases-view-private.h"
#include "sf-roster-page-private.h"
#include "sf-window.h"

/* Between two runs: the frame clock is idle again, so that the frame a run
 * asks for is not held back to keep the frame rate */
#define SETTLE_MS      100
/* After a frame, how long to watch for another one the same work asks for
 * (the frame clock spaces frames 16.7 ms apart) */
#define GRACE_MS       25
/* The longest a run may take before the benchmark gives up waiting */
#define WAIT_LIMIT_MS  20000
#define MAX_DISPATCHES 100000
/* How far down the roster to look for someone to edit: the rows a screen
 * shows */
#define VISIBLE_ROWS   20

typedef struct _Bench Bench;
typedef void (*Action) (Bench *bench);

struct _Bench
{
  guint            runs;
  gboolean         verbose;
  char           **only;             /* the interactions to time; NULL: all */
  SfDay            today;

  SfStore         *store;
  SfDataset       *dataset;
  SfWindow        *window;
  GtkWidget       *toplevel;         /* the window frames are awaited in */
  SfRosterPage    *roster_page;
  SfCaseloadsPage *caseloads_page;
  SfPlanningPage  *planning_page;
  gboolean         planning_down;

  /* The frames painted since the start of a run, and the last one's
   * monotonic and CPU time in µs */
  GdkFrameClock   *frame_clock;
  guint            n_paints;
  gint64           last_paint;
  gint64           last_paint_cpu;

  /* What the edits change, and how it is now */
  gint64           case_id;
  gboolean         case_closed;
  SfCaseworker     worker;           /* strings borrowed from dataset */
  GArray          *reductions;       /* SfReduction, borrowed strings */
  double           original_hours;

  /* The roster's sortable columns, the next to sort by, the search */
  GPtrArray       *sort_columns;
  guint            next_sort;
  char            *search_text;
  gboolean         searching;

  /* Teams to filter by, the next one, whether a team is the filter now */
  GArray          *team_ids;
  guint            next_team;
  gboolean         team_filtered;

  gboolean         on_roster;
};

static G_GNUC_NORETURN G_GNUC_PRINTF (1, 2) void
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("benchmark-gui: %s\n", message);
  exit (EXIT_FAILURE);
}

/* The CPU time of the whole process in µs */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_of (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  if (n == 0)
    return NAN;
  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static double
max_of (GArray *values)
{
  double max = NAN;

  for (guint i = 0; i < values->len; i++)
    if (isnan (max) || g_array_index (values, double, i) > max)
      max = g_array_index (values, double, i);
  return max;
}

/* Milliseconds with a decimal point whatever the locale */
static const char *
format_ms (char   *buffer,
           double  ms)
{
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.1f", ms);
}

/* One line: NAME median … max … [cpu …] */
static void
print_figure (const char *name,
              GArray     *ms,
              GArray     *cpu_ms)
{
  char median[G_ASCII_DTOSTR_BUF_SIZE];
  char max[G_ASCII_DTOSTR_BUF_SIZE];
  char cpu[G_ASCII_DTOSTR_BUF_SIZE];

  format_ms (median, median_of (ms));
  format_ms (max, max_of (ms));
  if (cpu_ms != NULL)
    g_print ("%-26s median %8s ms  max %8s ms  cpu %8s ms\n", name, median, max,
             format_ms (cpu, median_of (cpu_ms)));
  else
    g_print ("%-26s median %8s ms  max %8s ms\n", name, median, max);
}

static void
append_ms (GArray *array,
           gint64  us)
{
  double ms = us / 1000.0;

  g_array_append_val (array, ms);
}

/* ---- frames ---------------------------------------------------------- */

static void
on_frame_clock_after_paint_cb (GdkFrameClock *clock,
                               Bench         *bench)
{
  bench->n_paints++;
  bench->last_paint = g_get_monotonic_time ();
  bench->last_paint_cpu = cpu_now ();
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs what the main loop has ready now, within bounds */
static void
drain (void)
{
  for (guint i = 0; i < MAX_DISPATCHES && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Waits until the window has done what the last change asked of it: the
 * main loop has nothing ready and a frame has been painted, with no other
 * frame right after it.  The draw is queued at once rather than after the
 * loop is drained: a frame painted while draining would otherwise hold the
 * forced one back by a frame interval of idle waiting.  Returns FALSE if
 * it took longer than WAIT_LIMIT_MS. */
static gboolean
wait_for_frame (Bench *bench)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (WAIT_LIMIT_MS, timeout_cb, &timed_out);

  gtk_widget_queue_draw (bench->toplevel);
  while (!timed_out)
    {
      drain ();
      if (bench->n_paints > 0)
        {
          guint seen = bench->n_paints;

          sf_test_spin (GRACE_MS);
          if (bench->n_paints == seen)
            break;
        }
      else
        g_main_context_iteration (NULL, TRUE);
    }

  if (timed_out)
    return FALSE;
  g_source_remove (timeout_id);
  return TRUE;
}

static void redraw (Bench *bench);

/* Times @action --runs times in the window: NAME-call and NAME */
static void
measure (Bench      *bench,
         const char *name,
         Action      action)
{
  g_autoptr(GArray) call = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *call_name = g_strconcat (name, "-call", NULL);

  if (bench->only != NULL && !g_strv_contains ((const char * const *) bench->only, name))
    return;
  for (guint run = 0; run < bench->runs; run++)
    {
      gint64 start, start_cpu, returned;

      sf_test_spin (SETTLE_MS);
      bench->n_paints = 0;
      start_cpu = cpu_now ();
      start = g_get_monotonic_time ();
      action (bench);
      returned = g_get_monotonic_time ();
      if (!wait_for_frame (bench))
        g_printerr ("benchmark-gui: %s: no quiet frame within %d ms; counted up to the last frame\n",
                    name, WAIT_LIMIT_MS);

      append_ms (call, returned - start);
      append_ms (total, bench->last_paint - start);
      append_ms (cpu, bench->last_paint_cpu - start_cpu);
      if (bench->verbose)
        g_printerr ("# %s run %u: call %.1f ms, painted %.1f ms (%u frames), cpu %.1f ms\n", name, run + 1,
                    g_array_index (call, double, run), g_array_index (total, double, run),
                    bench->n_paints, g_array_index (cpu, double, run));
    }
  /* A redraw calls nothing */
  if (action != redraw)
    print_figure (call_name, call, NULL);
  print_figure (name, total, cpu);
}

/* Times @action --runs times with no window: NAME-store */
static void
measure_store (Bench      *bench,
               const char *name,
               Action      action)
{
  g_autoptr(GArray) call = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *store_name = g_strconcat (name, "-store", NULL);

  if (bench->only != NULL && !g_strv_contains ((const char * const *) bench->only, store_name))
    return;
  for (guint run = 0; run < bench->runs; run++)
    {
      gint64 start = g_get_monotonic_time ();

      action (bench);
      append_ms (call, g_get_monotonic_time () - start);
      if (bench->verbose)
        g_printerr ("# %s run %u: %.1f ms\n", store_name, run + 1, g_array_index (call, double, run));
    }
  print_figure (store_name, call, NULL);
}

/* ---- the interactions ------------------------------------------------ */

/* Closes the case, or reopens it if the last run closed it */
static void
edit_case (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (bench->case_closed)
    ok = sf_cases_reopen (bench->store, &bench->case_id, 1, &error);
  else
    ok = sf_cases_close (bench->store, &bench->case_id, 1, bench->today, &error);
  if (!ok)
    fail ("could not %s case %" G_GINT64_FORMAT ": %s",
          bench->case_closed ? "reopen" : "close", bench->case_id, error->message);
  bench->case_closed = !bench->case_closed;
}

/* Reads the chosen caseworker's version as the database has it now: the
 * data set the benchmark loaded at the start does not follow its saves.
 * One lookup by key. */
static void
read_worker_version (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDbStmt) stmt = NULL;

  stmt = sf_db_prepare (sf_store_get_db (bench->store),
                        "SELECT version FROM caseworker WHERE id = ?1", &error);
  if (stmt == NULL)
    fail ("could not read caseworker %s's version: %s", bench->worker.initials, error->message);
  sf_db_stmt_bind_int64 (stmt, 1, bench->worker.id);
  if (sf_db_stmt_step (stmt) != SF_DB_ROW)
    fail ("caseworker %s is not in the database", bench->worker.initials);
  bench->worker.version = sf_db_stmt_column_int64 (stmt, 0);
}

/* Saves the chosen caseworker as bench->worker has them, claiming the
 * version last read (as the caseworker form claims the one it was opened
 * with), then reads the version the save left, so that the next save does
 * not meet the benchmark's own change as another's. */
static void
save_worker (Bench *bench)
{
  g_autoptr(GError) error = NULL;

  if (sf_roster_save_caseworker (bench->store, &bench->worker,
                                 (const SfReduction *) bench->reductions->data,
                                 bench->reductions->len, &error) == 0)
    fail ("could not save caseworker %s: %s", bench->worker.initials, error->message);
  read_worker_version (bench);
}

/* Sets the caseworker's weekly hours to 30, or back to 37 */
static void
edit_person (Bench *bench)
{
  bench->worker.weekly_hours = bench->worker.weekly_hours == 30 ? 37 : 30;
  save_worker (bench);
}

static void
sort_roster (Bench *bench)
{
  GtkColumnView *view = sf_roster_page_get_column_view (bench->roster_page);
  GtkColumnViewColumn *column = g_ptr_array_index (bench->sort_columns,
                                                   bench->next_sort++ % bench->sort_columns->len);

  gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
}

/* The search entry's "text" is bound to the roster's string filter: setting
 * it filters at once, without the search entry's typing delay (which only
 * holds back its "search-changed" signal). */
static void
search_roster (Bench *bench)
{
  bench->searching = !bench->searching;
  gtk_editable_set_text (sf_roster_page_get_search_entry (bench->roster_page),
                         bench->searching ? bench->search_text : "");
}

/* Nothing: what a frame costs when nothing changed, the floor under the
 * other figures on this display and renderer */
static void
redraw (Bench *bench)
{
}

static gint64
next_team (Bench *bench)
{
  bench->team_filtered = !bench->team_filtered;
  if (!bench->team_filtered)
    return 0;
  /* 149 is prime to any likely number of teams: a different team each time */
  return g_array_index (bench->team_ids, gint64, (bench->next_team++ * 149) % bench->team_ids->len);
}

static void
filter_caseloads (Bench *bench)
{
  sf_caseloads_page_set_filter (bench->caseloads_page, next_team (bench), 0, -1);
}

static void
filter_cases (Bench *bench)
{
  sf_cases_view_set_filter (sf_caseloads_page_get_cases_view (bench->caseloads_page),
                            next_team (bench), 0, SF_CASES_SHOW_OPEN);
}

static void
switch_team (Bench *bench)
{
  bench->team_filtered = FALSE;
  if (!sf_teams_page_select_team (sf_window_get_teams_page (bench->window), next_team (bench)))
    fail ("the Teams page has no team to show");
}

static void
switch_page (Bench *bench)
{
  bench->on_roster = !bench->on_roster;
  sf_window_show_page (bench->window, bench->on_roster ? "roster" : "caseloads");
}

static void
planning_level (Bench *bench)
{
  SfPlanningPlace place = { SF_PLANNING_MUNICIPALITY, 0 };
  g_autoptr(GArray) children = NULL;

  bench->planning_down = !bench->planning_down;
  if (bench->planning_down)
    {
      children = sf_planning_place_children (sf_planning_page_get_planning (bench->planning_page), place);
      if (children->len == 0)
        fail ("the Planning page has no area");
      place = g_array_index (children, SfPlanningPlace, 0);
    }
  sf_planning_page_set_place (bench->planning_page, place);
}

static gboolean
planning_shown (Bench *bench)
{
  return sf_planning_page_get_planning (bench->planning_page) != NULL;
}

static gboolean
scenario_compared (SfPlanningPage *page)
{
  return !sf_planning_page_is_comparing (page) && sf_planning_page_get_compare (page) != NULL;
}

/* The first saved scenario of the database, if there is one, chosen on the
 * Planning page: planning-scenario from the choice until its comparison
 * with today's data, computed in a thread, is shown (wall time, the whole
 * process's CPU); planning-scenario-shown the main thread's part of it,
 * from the main-loop turn where the comparison arrives (its table and the
 * charts' lines) to the frame painted; its CPU is the whole process's, but
 * the thread has finished by then. */
static void
measure_scenario (Bench *bench)
{
  g_autoptr(GArray) computed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) computed_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) saved = sf_scenario_store_list (bench->store, NULL);
  gint64 id;

  if (saved == NULL || saved->len == 0 ||
      (bench->only != NULL && !g_strv_contains ((const char * const *) bench->only, "planning-scenario") &&
       !g_strv_contains ((const char * const *) bench->only, "planning")))
    return;
  id = ((SfSavedScenario *) g_ptr_array_index (saved, 0))->id;
  for (guint run = 0; run < bench->runs; run++)
    {
      gint64 start, start_cpu, turn = 0, turn_cpu = 0;

      sf_planning_page_choose_scenario (bench->planning_page, 0);
      wait_for_frame (bench);
      sf_test_spin (SETTLE_MS);
      start_cpu = cpu_now ();
      start = g_get_monotonic_time ();
      sf_planning_page_choose_scenario (bench->planning_page, id);
      /* Each turn starts once something is pending: the last is the
       * comparison's arrival, without the wait for it */
      while (!scenario_compared (bench->planning_page))
        {
          while (!g_main_context_pending (NULL))
            g_usleep (200);
          turn = g_get_monotonic_time ();
          turn_cpu = cpu_now ();
          g_main_context_iteration (NULL, FALSE);
        }
      wait_for_frame (bench);
      append_ms (computed, bench->last_paint - start);
      append_ms (computed_cpu, bench->last_paint_cpu - start_cpu);
      append_ms (shown, bench->last_paint - turn);
      append_ms (shown_cpu, bench->last_paint_cpu - turn_cpu);
    }
  print_figure ("planning-scenario", computed, computed_cpu);
  print_figure ("planning-scenario-shown", shown, shown_cpu);
}

/* The Planning page: its first opening, the computation in the thread, and
 * a change of level */
static void
measure_planning (Bench *bench)
{
  g_autoptr(GArray) computed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) computed_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_call = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 start, start_cpu, returned;

  bench->planning_page = SF_PLANNING_PAGE (sf_test_find_widget (GTK_WIDGET (bench->window), SF_TYPE_PLANNING_PAGE));
  if (bench->planning_page == NULL)
    fail ("the window has no Planning page");

  /* The first opening, once: the page is filled when it is first shown */
  sf_test_spin (SETTLE_MS);
  bench->n_paints = 0;
  start_cpu = cpu_now ();
  start = g_get_monotonic_time ();
  sf_window_show_page (bench->window, "planning");
  returned = g_get_monotonic_time ();
  wait_for_frame (bench);
  append_ms (open_call, returned - start);
  append_ms (open_total, bench->last_paint - start);
  append_ms (open_cpu, bench->last_paint_cpu - start_cpu);
  print_figure ("planning-open-call", open_call, NULL);
  print_figure ("planning-open", open_total, open_cpu);

  /* The first computation, untimed, then one a run */
  while (!planning_shown (bench))
    g_main_context_iteration (NULL, TRUE);
  for (guint run = 0; run < bench->runs; run++)
    {
      SfPlanningData *before = sf_planning_page_get_planning (bench->planning_page);

      sf_test_spin (SETTLE_MS);
      start_cpu = cpu_now ();
      start = g_get_monotonic_time ();
      sf_planning_page_set_data (bench->planning_page, bench->store, sf_day_today ());
      /* The old figures stay shown until the new ones arrive */
      while (sf_planning_page_get_planning (bench->planning_page) == before)
        g_main_context_iteration (NULL, TRUE);
      append_ms (computed, g_get_monotonic_time () - start);
      append_ms (computed_cpu, cpu_now () - start_cpu);
      wait_for_frame (bench);
    }
  print_figure ("planning-computed", computed, computed_cpu);
  measure (bench, "planning-level", planning_level);
  measure_scenario (bench);
}

/* ---- the floor: GTK alone --------------------------------------------- */

#define FLOOR_ROWS    3000
#define FLOOR_COLUMNS 10

static gboolean
floor_match (gpointer item,
             gpointer user_data)
{
  const gboolean *filtered = user_data;

  /* Five rows of 3,000, as a team of five */
  return !*filtered || g_str_has_prefix (gtk_string_object_get_string (item), "Person 0000");
}

static void
floor_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
floor_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (list_item)));
}

typedef struct
{
  GtkCustomFilter *filter;
  gboolean         filtered;
} Floor;

static Floor floor_state;

static void
filter_floor (Bench *bench)
{
  floor_state.filtered = !floor_state.filtered;
  gtk_filter_changed (GTK_FILTER (floor_state.filter),
                      floor_state.filtered ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
}

/* A window as large as the application's with nothing but a column view:
 * frames are awaited in it from now on */
static void
present_floor (Bench *bench)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkColumnView *view;
  GtkFilterListModel *filtered;

  for (guint i = 0; i < FLOOR_ROWS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Person %05u", i);

      gtk_string_list_append (strings, text);
    }
  floor_state.filter = gtk_custom_filter_new (floor_match, &floor_state.filtered, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&strings)),
                                        GTK_FILTER (floor_state.filter));
  view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered)))));
  for (guint c = 0; c < FLOOR_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (floor_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (floor_bind_cb), NULL);
      column = gtk_column_view_column_new ("Column", factory);
      gtk_column_view_column_set_fixed_width (column, 110);
      gtk_column_view_append_column (view, column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_realize (window);
  bench->toplevel = window;
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_frame_clock_after_paint_cb), bench);
  sf_test_spin (1000);
}

/* ---- choosing what to change ----------------------------------------- */

static gint64
find_open_case (Bench  *bench,
                gint64  caseworker_id)
{
  for (guint i = 0; i < bench->dataset->cases->len; i++)
    {
      const SfCase *kase = &g_array_index (bench->dataset->cases, SfCase, i);

      if ((caseworker_id == 0 || kase->caseworker_id == caseworker_id) &&
          kase->closed == SF_DAY_NONE &&
          (kase->start == SF_DAY_NONE || kase->start <= bench->today))
        return kase->id;
    }
  return 0;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Makes @worker the one edit_person() changes, with their reductions;
 * FALSE if the form would refuse to save them as they are (a factor
 * without its reason, as an import may leave it) or if 30 hours a week
 * would not cover their reductions. */
static gboolean
choose_worker (Bench              *bench,
               const SfCaseworker *worker)
{
  if (worker->individual_factor < 1 && is_blank (worker->factor_reason))
    return FALSE;
  g_array_set_size (bench->reductions, 0);
  for (guint i = 0; i < bench->dataset->reductions->len; i++)
    {
      const SfReduction *reduction = &g_array_index (bench->dataset->reductions, SfReduction, i);

      if (reduction->caseworker_id == worker->id)
        g_array_append_val (bench->reductions, *reduction);
    }
  if (sf_roster_max_reduction_hours ((const SfReduction *) bench->reductions->data,
                                     bench->reductions->len) >= 30)
    return FALSE;
  bench->worker = *worker;
  bench->original_hours = worker->weekly_hours;
  read_worker_version (bench);
  return TRUE;
}

/* For the store alone: any open case, anyone whose hours can change */
static void
choose_any (Bench *bench)
{
  bench->case_id = find_open_case (bench, 0);
  bench->case_closed = FALSE;
  if (bench->case_id == 0)
    fail ("the database has no open case to close");
  for (guint i = 0; i < bench->dataset->caseworkers->len; i++)
    if (choose_worker (bench, &g_array_index (bench->dataset->caseworkers, SfCaseworker, i)))
      return;
  fail ("every caseworker has 30 or more hours of reductions: none can be set to 30 hours");
}

/* In the window: a case and a person among the first rows of the roster */
static void
choose_visible (Bench *bench)
{
  GListModel *rows = G_LIST_MODEL (sf_row_viewport_model_of (sf_roster_page_get_column_view (bench->roster_page)));
  guint n = MIN (g_list_model_get_n_items (rows), VISIBLE_ROWS);
  gboolean have_case = FALSE, have_worker = FALSE;

  for (guint i = 0; i < n && !(have_case && have_worker); i++)
    {
      g_autoptr(SfRosterItem) item = g_list_model_get_item (rows, i);
      gint64 id = sf_roster_item_get_id (item);
      const SfCaseworker *worker = sf_dataset_find_caseworker (bench->dataset, id);

      if (!have_case && (bench->case_id = find_open_case (bench, id)) != 0)
        {
          have_case = TRUE;
          bench->case_closed = FALSE;
          g_print ("# edit-case: a case of %s (row %u of the roster)\n", sf_roster_item_get_initials (item), i + 1);
        }
      if (!have_worker && worker != NULL && choose_worker (bench, worker))
        {
          have_worker = TRUE;
          g_print ("# edit-person: %s (row %u of the roster), %g hours a week\n",
                   worker->initials, i + 1, worker->weekly_hours);
        }
    }
  if (!have_case || !have_worker)
    {
      g_print ("# no %s among the first %u rows of the roster: using one further down\n",
               !have_case ? "open case" : "caseworker whose hours can change", n);
      choose_any (bench);
    }
}

/* Puts back what the store-only runs left changed, untimed */
static void
restore (Bench *bench)
{
  if (bench->case_closed)
    edit_case (bench);
  if (bench->worker.weekly_hours != bench->original_hours)
    {
      bench->worker.weekly_hours = bench->original_hours;
      save_worker (bench);
    }
}

static guint
count_matches (Bench      *bench,
               const char *text)
{
  GtkColumnView *view = sf_roster_page_get_column_view (bench->roster_page);
  guint n;

  gtk_editable_set_text (sf_roster_page_get_search_entry (bench->roster_page), text);
  n = g_list_model_get_n_items (G_LIST_MODEL (sf_row_viewport_model_of (view)));
  gtk_editable_set_text (sf_roster_page_get_search_entry (bench->roster_page), "");
  return n;
}

/* What a manager looking for someone types: the first four letters of the
 * last word of a name near the top of the roster (a surname), or the whole
 * word or the whole name where that finds too many; chosen to show some
 * caseworkers, at most one in twenty. */
static char *
choose_search_text (Bench *bench)
{
  GListModel *rows = G_LIST_MODEL (sf_row_viewport_model_of (sf_roster_page_get_column_view (bench->roster_page)));
  guint n = g_list_model_get_n_items (rows);
  guint enough = MAX (1, n / 20);
  g_autofree char *best = NULL;
  guint best_matches = G_MAXUINT;

  for (guint i = 0; i < MIN (n, VISIBLE_ROWS); i++)
    {
      g_autoptr(SfRosterItem) item = g_list_model_get_item (rows, i);
      const char *name = sf_roster_item_get_name (item);
      const char *last;
      char *candidates[3];

      if (name == NULL || *name == '\0')
        continue;
      last = strrchr (name, ' ');
      last = last != NULL && last[1] != '\0' ? last + 1 : name;
      candidates[0] = g_utf8_substring (last, 0, MIN (4, g_utf8_strlen (last, -1)));
      candidates[1] = g_strdup (last);
      candidates[2] = g_strdup (name);
      for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
        {
          guint matches = count_matches (bench, candidates[c]);

          if (matches > 0 && matches < best_matches)
            {
              g_free (best);
              best = g_strdup (candidates[c]);
              best_matches = matches;
            }
          if (matches > 0 && matches <= enough)
            break;
        }
      for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
        g_free (candidates[c]);
      if (best_matches <= enough)
        break;
    }
  if (best == NULL)
    fail ("no name in the roster to search for");
  return g_steal_pointer (&best);
}

/* ---- setting up ------------------------------------------------------ */

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    fail ("could not copy %s: %s", from, error->message);
}

/* Copies @path (and its write-ahead log, if any) into a temporary folder
 * removed at exit, and returns the copy's path */
static char *
copy_database (const char *path)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  char *copy = g_build_filename (dir, "benchmark.db", NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    fail ("%s: no such database", path);
  copy_file (path, copy);
  if (g_file_test (wal, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *wal_copy = g_strconcat (copy, "-wal", NULL);

      copy_file (wal, wal_copy);
    }
  return copy;
}

static gboolean
is_mapped (gpointer data)
{
  Bench *bench = data;

  return gtk_widget_get_mapped (GTK_WIDGET (bench->window)) && bench->n_paints > 0;
}

static void
present_window (Bench *bench)
{
  bench->window = sf_test_present_window (bench->store);
  bench->toplevel = GTK_WIDGET (bench->window);
  sf_window_show_page (bench->window, "roster");
  bench->on_roster = TRUE;
  gtk_widget_realize (GTK_WIDGET (bench->window));
  bench->frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  if (bench->frame_clock == NULL)
    fail ("the window has no frame clock: is there a display?");
  g_signal_connect (bench->frame_clock, "after-paint",
                    G_CALLBACK (on_frame_clock_after_paint_cb), bench);
  if (!sf_test_wait_until (is_mapped, bench))
    fail ("the window was not shown within 5 s: is there a display?");
  /* The first frames: the roster's remaining rows come after the first */
  sf_test_spin (1000);
  bench->roster_page = sf_window_get_roster_page (bench->window);
}

static void
print_header (Bench      *bench,
              const char *path,
              const char *copy)
{
  g_autofree char *load = NULL;
  guint n_open = 0;

  for (guint i = 0; i < bench->dataset->cases->len; i++)
    if (g_array_index (bench->dataset->cases, SfCase, i).closed == SF_DAY_NONE)
      n_open++;
  g_print ("# database: %s (working on a copy, %s)\n", path, copy);
  g_print ("# data: %u caseworkers in %u teams, %u cases (%u open)\n",
           bench->dataset->caseworkers->len, bench->dataset->teams->len,
           bench->dataset->cases->len, n_open);
  g_print ("# GTK %u.%u.%u, libadwaita %u.%u.%u; median and max of %u runs each\n",
           gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
           adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
           bench->runs);
  /* Other work on the machine shows in the figures: say how much there was */
  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    g_print ("# load average: %s", load);
  g_print ("# NAME-store: the write alone, no window; NAME-call: the call, with the window's\n"
           "# synchronous handlers; NAME: until the next frame is painted (cpu: the process's CPU\n"
           "# time).  Animations and cursor blinking are off: only the work is timed.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *copy = NULL;
  GtkColumnView *roster_view;
  GListModel *columns;
  int runs = 9;
  gboolean verbose = FALSE;
  g_auto(GStrv) only = NULL;
  Bench bench = { 0 };
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "The database to copy and measure on", "FILE" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "How many times to time each interaction (default 9)", "N" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every run on standard error", NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING_ARRAY, &only, "Time only NAME (as printed; repeatable), e.g. under perf", "NAME" },
    { NULL }
  };

  context = g_option_context_new ("- time the window's reactions on a large database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail ("%s", error->message);
  if (database == NULL)
    fail ("say which database to measure on: --database FILE");
  if (runs < 1)
    fail ("--runs must be at least 1");
  bench.runs = (guint) runs;
  bench.verbose = verbose;
  bench.only = only;

  /* The user's own settings (window size, last page) are neither read nor
   * written; the schemas are the build's */
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", SF_BUILD_DATADIR, FALSE);
  if (!gtk_init_check ())
    fail ("no display: run under a display or xvfb-run");
  adw_init ();
  /* Only the work is timed, not animations: a focused entry's cursor
   * blinks by redrawing every frame for 10 s (GTK 4), and a page switch
   * fades the view switcher's buttons over a dozen frames.  The first
   * frame is the same with or without them. */
  g_object_set (gtk_settings_get_default (),
                "gtk-cursor-blink", FALSE,
                "gtk-enable-animations", FALSE,
                NULL);

  copy = copy_database (database);
  bench.store = sf_store_open (copy, &error);
  if (bench.store == NULL)
    fail ("could not open %s: %s", database, error->message);
  bench.dataset = sf_store_load_dataset (bench.store, &error);
  if (bench.dataset == NULL)
    fail ("could not read %s: %s", database, error->message);
  if (bench.dataset->cases->len == 0)
    fail ("%s has no cases: measure on a large municipality, e.g. one made with "
          "build-aux/generate-dataset.py and imported with sagsfordeling-cli", database);
  if (bench.dataset->caseworkers->len == 0 || bench.dataset->teams->len == 0)
    fail ("%s has no caseworkers or no teams", database);
  bench.today = sf_day_today ();
  bench.reductions = g_array_new (FALSE, FALSE, sizeof (SfReduction));
  bench.team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < bench.dataset->teams->len; i++)
    g_array_append_val (bench.team_ids, g_array_index (bench.dataset->teams, SfTeam, i).id);
  print_header (&bench, database, copy);

  /* The floor: the same writes before any window listens */
  choose_any (&bench);
  measure_store (&bench, "edit-case", edit_case);
  measure_store (&bench, "edit-person", edit_person);
  restore (&bench);

  present_window (&bench);
  g_print ("# window: %d×%d, %s, showing %u caseworkers\n",
           gtk_widget_get_width (GTK_WIDGET (bench.window)),
           gtk_widget_get_height (GTK_WIDGET (bench.window)),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (bench.window))),
           sf_roster_page_get_n_caseworkers (bench.roster_page));

  measure (&bench, "redraw", redraw);

  /* Edits while only the roster has been shown, as after start-up */
  choose_visible (&bench);
  measure (&bench, "edit-case", edit_case);
  measure (&bench, "edit-person", edit_person);

  roster_view = sf_roster_page_get_column_view (bench.roster_page);
  columns = gtk_column_view_get_columns (roster_view);
  bench.sort_columns = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_sorter (column) != NULL)
        g_ptr_array_add (bench.sort_columns, g_steal_pointer (&column));
    }
  if (bench.sort_columns->len == 0)
    fail ("the roster has no sortable column");
  measure (&bench, "sort-roster", sort_roster);
  /* Back to the roster's own order (team, then name) */
  gtk_column_view_sort_by_column (roster_view, NULL, GTK_SORT_ASCENDING);

  bench.search_text = choose_search_text (&bench);
  gtk_search_bar_set_search_mode (sf_roster_page_get_search_bar (bench.roster_page), TRUE);
  gtk_editable_set_text (sf_roster_page_get_search_entry (bench.roster_page), bench.search_text);
  g_print ("# search-roster: \"%s\" shows %u of %u caseworkers\n", bench.search_text,
           g_list_model_get_n_items (G_LIST_MODEL (sf_row_viewport_model_of (roster_view))),
           sf_roster_page_get_n_caseworkers (bench.roster_page));
  gtk_editable_set_text (sf_roster_page_get_search_entry (bench.roster_page), "");
  measure (&bench, "search-roster", search_roster);
  gtk_editable_set_text (sf_roster_page_get_search_entry (bench.roster_page), "");
  gtk_search_bar_set_search_mode (sf_roster_page_get_search_bar (bench.roster_page), FALSE);

  /* The Caseloads page: its overview, then the list of every case */
  sf_window_show_page (bench.window, "caseloads");
  bench.on_roster = FALSE;
  bench.caseloads_page = sf_window_get_caseloads_page (bench.window);
  sf_caseloads_page_set_view (bench.caseloads_page, "overview");
  sf_test_spin (500);
  measure (&bench, "team-filter", filter_caseloads);
  sf_caseloads_page_set_filter (bench.caseloads_page, 0, 0, -1);
  bench.team_filtered = FALSE;

  sf_caseloads_page_set_view (bench.caseloads_page, "cases");
  sf_cases_view_set_filter (sf_caseloads_page_get_cases_view (bench.caseloads_page), 0, 0, SF_CASES_SHOW_OPEN);
  sf_test_spin (1000);
  g_print ("# team-filter-cases: the list of cases, %u cases\n",
           g_list_model_get_n_items (G_LIST_MODEL (sf_cases_view_get_selection (sf_caseloads_page_get_cases_view (bench.caseloads_page)))));
  measure (&bench, "team-filter-cases", filter_cases);
  sf_cases_view_set_filter (sf_caseloads_page_get_cases_view (bench.caseloads_page), 0, 0, SF_CASES_SHOW_OPEN);
  bench.team_filtered = FALSE;
  sf_caseloads_page_set_view (bench.caseloads_page, "overview");
  sf_test_spin (500);

  /* Roster ↔ Caseloads, both shown once already */
  measure (&bench, "switch-page", switch_page);
  if (!bench.on_roster)
    switch_page (&bench);

  /* The same edits once the Caseloads page has been shown: it is kept
   * current on every change too */
  measure (&bench, "edit-case-all-pages", edit_case);
  measure (&bench, "edit-person-all-pages", edit_person);

  /* The Teams page, one team after another */
  sf_window_show_page (bench.window, "teams");
  sf_test_spin (500);
  measure (&bench, "switch-team", switch_team);

  if (bench.only == NULL || g_strv_contains ((const char * const *) bench.only, "planning") ||
      g_strv_contains ((const char * const *) bench.only, "planning-scenario"))
    measure_planning (&bench);

  /* GTK alone, for comparison */
  if (bench.only == NULL || g_strv_contains ((const char * const *) bench.only, "floor-filter"))
    {
      present_floor (&bench);
      g_print ("# floor-filter: a bare GtkColumnView, %u label columns, %u rows, filtered to 5 and back\n",
               FLOOR_COLUMNS, FLOOR_ROWS);
      measure (&bench, "floor-filter", filter_floor);
    }

  sf_test_destroy_toplevels ();
  g_clear_pointer (&bench.sort_columns, g_ptr_array_unref);
  g_clear_pointer (&bench.team_ids, g_array_unref);
  g_clear_pointer (&bench.reductions, g_array_unref);
  g_clear_pointer (&bench.search_text, g_free);
  g_clear_pointer (&bench.dataset, sf_dataset_free);
  g_clear_object (&bench.store);
  return EXIT_SUCCESS;
}
