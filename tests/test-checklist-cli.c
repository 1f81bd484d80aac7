/* The checklist commands of sagsfordeling-cli end to end: a real database,
 * the JSON a script would read, the exit statuses it would test. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sf-core.h"
#include "sf-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the CLI on the fixture's database with @envp (NULL: ours). */
static void
run_env (Fixture     *fx,
         Run         *run,
         char       **envp,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("SF_TEST_CLI");
  va_list args;
  int wait_status;

  run_clear (run);
  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, fx->db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

#define run(fx, r, ...) run_env (fx, r, NULL, __VA_ARGS__)

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_auto(Run) r = { 0 };

  fx->dir = sf_test_make_tmpdir ();
  fx->db = g_build_filename (fx->dir, "test.db", NULL);
  run (fx, &r, "demo", NULL);
  g_assert_cmpint (r.status, ==, 0);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_free (fx->dir);
  g_free (fx->db);
}

static JsonObject *
parse_json (JsonParser *parser,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* The team called @name in the `checklists --format json` output. */
static JsonObject *
team_json (JsonObject *root,
           const char *name)
{
  JsonArray *teams = json_object_get_array_member (root, "teams");

  for (guint i = 0; i < json_array_get_length (teams); i++)
    {
      JsonObject *team = json_array_get_object_element (teams, i);

      if (g_str_equal (json_object_get_string_member (team, "team"), name))
        return team;
    }
  g_assert_not_reached ();
}

static JsonObject *
item_json (JsonObject *team,
           const char *key)
{
  JsonArray *checklists = json_object_get_array_member (team, "checklists");

  for (guint c = 0; c < json_array_get_length (checklists); c++)
    {
      JsonArray *items = json_object_get_array_member (json_array_get_object_element (checklists, c), "item_list");

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);

          if (g_strcmp0 (json_object_get_string_member (item, "key"), key) == 0)
            return item;
        }
    }
  g_assert_not_reached ();
}

static void
test_list_and_new (Fixture       *fx,
                   gconstpointer  data)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *team, *checklist;
  JsonArray *templates;

  run (fx, &r, "checklists", "--format", "json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  root = parse_json (parser, r.out);
  templates = json_object_get_array_member (root, "templates");
  g_assert_cmpuint (json_array_get_length (templates), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (templates, 3), "key"), ==, "arbejdsgange");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (templates, 3), "items"), ==, 22);
  team = team_json (root, "Sygedagpenge");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (team, "checklists")), ==, 0);
  g_assert_true (json_object_get_null_member (team, "progress"));

  run (fx, &r, "checklist-new", "--team", "sygedagpenge", "--template", "faglige-pejlemaerker", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "Started “Professional goal markers for lower caseloads” for Sygedagpenge: 3 items.\n");

  /* Refused: the same again, an unknown template or team; usage errors */
  run (fx, &r, "checklist-new", "--team", "Sygedagpenge", "--template", "faglige-pejlemaerker", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Sygedagpenge already has the checklist"));
  run (fx, &r, "checklist-new", "--team", "Sygedagpenge", "--template", "nope", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "There is no checklist template “nope”."));
  run (fx, &r, "checklist-new", "--team", "Nobody", "--template", "arbejdsgange", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "there is no team called “Nobody”"));
  run (fx, &r, "checklist-new", "--team", "Sygedagpenge", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run (fx, &r, "checklists", "--format", "csv", NULL);
  g_assert_cmpint (r.status, ==, 2);

  run (fx, &r, "checklists", "--team", "Sygedagpenge", "--format", "json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_object (&parser);
  parser = json_parser_new ();
  root = parse_json (parser, r.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "teams")), ==, 1);
  team = team_json (root, "Sygedagpenge");
  checklist = json_array_get_object_element (json_object_get_array_member (team, "checklists"), 0);
  g_assert_cmpstr (json_object_get_string_member (checklist, "template"), ==, "faglige-pejlemaerker");
  g_assert_cmpint (json_object_get_int_member (checklist, "items"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (checklist, "checked"), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (team, "progress"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (item_json (team, "netvaerket"), "state"), ==, "open");
}

static void
test_check (Fixture       *fx,
            gconstpointer  data)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *old = sf_day_to_iso (sf_day_today () - 120);
  g_autofree char *future = sf_day_to_iso (sf_day_today () + 1);
  g_autofree char *next = NULL;
  JsonObject *root, *item, *team;
  JsonArray *alerts;
  gboolean found = FALSE;
  gint64 item_id;

  run (fx, &r, "checklist-new", "--team", "Sygedagpenge", "--template", "arbejdsgange", NULL);
  g_assert_cmpint (r.status, ==, 0);

  run (fx, &r, "checklist-check", "--team", "Sygedagpenge", "--item", "arbejdsgange/ny-lovgivning",
       "--by", "PMK", "--note", "Ny bekendtgørelse gennemgået", "--date", old, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Checked “Has new legislation"));

  run (fx, &r, "checklists", "--team", "Sygedagpenge", "--format", "json", NULL);
  parser = json_parser_new ();
  root = parse_json (parser, r.out);
  team = team_json (root, "Sygedagpenge");
  item = item_json (team, "ny-lovgivning");
  g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "due");
  g_assert_cmpstr (json_object_get_string_member (item, "checked_on"), ==, old);
  g_assert_cmpstr (json_object_get_string_member (item, "checked_by"), ==, "PMK");
  g_assert_cmpstr (json_object_get_string_member (item, "note"), ==, "Ny bekendtgørelse gennemgået");
  g_assert_cmpint (json_object_get_int_member (item, "review_months"), ==, 3);
  next = sf_day_to_iso (sf_day_add_months (sf_day_today () - 120, 3));
  g_assert_cmpstr (json_object_get_string_member (item, "next_review"), ==, next);
  g_assert_cmpint (json_object_get_int_member (team, "due"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (team, "checked"), ==, 1);
  item_id = json_object_get_int_member (item, "id");

  /* The due follow-up is among the alerts, as a warning */
  run (fx, &r, "alerts", "--format", "json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_object (&parser);
  parser = json_parser_new ();
  alerts = json_object_get_array_member (parse_json (parser, r.out), "alerts");
  for (guint i = 0; i < json_array_get_length (alerts); i++)
    {
      JsonObject *alert = json_array_get_object_element (alerts, i);

      if (g_str_equal (json_object_get_string_member (alert, "kind"), "checklist-due"))
        {
          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (alert, "severity"), ==, "warning");
          g_assert_cmpstr (json_object_get_string_member (alert, "team"), ==, "Sygedagpenge");
          g_assert_cmpstr (json_object_get_string_member (alert, "since"), ==, next);
        }
    }
  g_assert_true (found);

  /* Followed up today, by its number this time; then no longer due */
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, item_id);

    run (fx, &r, "checklist-check", "--team", "Sygedagpenge", "--item", number, "--by", "JBS", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "Next follow-up on"));
  }
  run (fx, &r, "alerts", "--format", "json", NULL);
  g_assert_null (strstr (r.out, "checklist-due"));

  /* Refused without a change: a future date, a bad date, an unknown item,
   * a CPR number in the note */
  run (fx, &r, "checklist-check", "--team", "Sygedagpenge", "--item", "arbejdsgange/fora", "--date", future, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "future"));
  run (fx, &r, "checklist-check", "--team", "Sygedagpenge", "--item", "arbejdsgange/fora", "--date", "soon", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run (fx, &r, "checklist-check", "--team", "Sygedagpenge", "--item", "arbejdsgange/nope", NULL);
  g_assert_cmpint (r.status, ==, 1);
  run (fx, &r, "checklist-check", "--team", "Sygedagpenge", "--item", "arbejdsgange/fora",
       "--note", "Sag 010190-1234", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "CPR"));
  run (fx, &r, "checklist-check", "--team", "Sygedagpenge", "--item", "arbejdsgange/fora", "--uncheck", NULL);
  g_assert_cmpint (r.status, ==, 1);

  run (fx, &r, "checklists", "--team", "Sygedagpenge", "--format", "json", NULL);
  g_clear_object (&parser);
  parser = json_parser_new ();
  team = team_json (parse_json (parser, r.out), "Sygedagpenge");
  g_assert_cmpstr (json_object_get_string_member (item_json (team, "fora"), "state"), ==, "open");
  g_assert_cmpint (json_object_get_int_member (team, "checked"), ==, 1);

  /* Taking the check back; a review interval set from a script */
  run (fx, &r, "checklist-check", "--team", "Sygedagpenge", "--item", "arbejdsgange/ny-lovgivning", "--uncheck", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run (fx, &r, "checklist-check", "--team", "Sygedagpenge", "--item", "arbejdsgange/fora", "--by", "PMK",
       "--review-months", "6", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run (fx, &r, "checklists", "--team", "Sygedagpenge", "--format", "json", NULL);
  g_clear_object (&parser);
  parser = json_parser_new ();
  team = team_json (parse_json (parser, r.out), "Sygedagpenge");
  g_assert_cmpstr (json_object_get_string_member (item_json (team, "ny-lovgivning"), "state"), ==, "open");
  g_assert_cmpint (json_object_get_int_member (item_json (team, "fora"), "review_months"), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (item_json (team, "fora"), "state"), ==, "checked");
}

/* `checklists` speaks the user's language, in the guidance's words. */
static void
test_danish (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *pending = g_test_build_filename (G_TEST_DIST, "..", "po", "pending", "checklists.po", NULL);
  g_autofree char *localedir = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(Run) r = { 0 };

  if (g_file_test (pending, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = sf_test_make_tmpdir ();
      g_autofree char *da = g_test_build_filename (G_TEST_DIST, "..", "po", "da.po", NULL);
      g_autofree char *messages = g_build_filename (dir, "da", "LC_MESSAGES", NULL);
      g_autofree char *merged = g_build_filename (dir, "merged.po", NULL);
      g_autofree char *mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
      const char *msgcat[] = { "msgcat", "--use-first", pending, da, "-o", merged, NULL };
      const char *msgfmt[] = { "msgfmt", merged, "-o", mo, NULL };
      g_autoptr(GError) error = NULL;
      int status;

      if (g_find_program_in_path ("msgfmt") == NULL)
        {
          g_test_skip ("msgfmt is not installed");
          return;
        }
      g_mkdir_with_parents (messages, 0700);
      g_spawn_sync (NULL, (char **) msgcat, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_spawn_sync (NULL, (char **) msgfmt, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      localedir = g_strdup (dir);
    }
  else
    localedir = g_strdup (g_getenv ("SF_LOCALEDIR"));

  envp = g_environ_setenv (envp, "SF_LOCALEDIR", localedir, TRUE);
  /* As a Danish user has it: LANG alone (LANGUAGE=da under C.UTF-8 is
   * ignored by Debian 13's glibc) */
  if (!sf_test_have_danish_locale ())
    {
      /* build-aux/test generates it; a Flatpak SDK has C.UTF-8 alone */
      g_test_skip ("the da_DK.UTF-8 locale is missing (build-aux/test generates it with locale-gen)");
      return;
    }
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  envp = g_environ_unsetenv (envp, "LC_ALL");
  envp = g_environ_unsetenv (envp, "LC_MESSAGES");
  envp = g_environ_setenv (envp, "LANG", "da_DK.UTF-8", TRUE);

  run (fx, &r, "checklist-new", "--team", "Sygedagpenge", "--template", "sagsstammens-stoerrelse", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_env (fx, &r, envp, "checklists", "--team", "Sygedagpenge", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Skabeloner:"));
  g_assert_nonnull (strstr (r.out, "Forhold der bør overvejes, når sagsstammen fastsættes"));
  g_assert_nonnull (strstr (r.out, "Hvor stort et geografisk område medarbejderen skal dække?"));
  g_assert_nonnull (strstr (r.out, "0 af 4 punkter afkrydset (0 %)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/checklist-cli/list-and-new", Fixture, NULL, fixture_setup, test_list_and_new, fixture_teardown);
  g_test_add ("/checklist-cli/check", Fixture, NULL, fixture_setup, test_check, fixture_teardown);
  g_test_add ("/checklist-cli/danish", Fixture, NULL, fixture_setup, test_danish, fixture_teardown);

  return g_test_run ();
}
