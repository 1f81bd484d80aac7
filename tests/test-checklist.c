/* Checklists: the shipped templates and their Danish wording, checking and
 * unchecking with history, follow-up dates, alerts and managers' own items
 * and templates. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "sf-core.h"
#include "sf-test-util.h"

typedef struct
{
  char    *dir;
  SfStore *store;
  gint64   team_id;
  gint64   other_team_id;
  guint    changes;
} Fixture;

static void
on_changed_cb (SfStore        *store,
               const SfChange *change,
               Fixture        *fx)
{
  fx->changes++;
}

static gint64
add_team (SfStore    *store,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO team (name, area_id) VALUES ('%s',"
                                          " (SELECT id FROM area WHERE key = 'boern-familie')) RETURNING id", name);
  g_autoptr(SfDbStmt) stmt = sf_store_prepare (store, sql, &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (sf_store_step_returning (store, stmt, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  fx->store = sf_test_open_store (&fx->dir);
  fx->team_id = add_team (fx->store, "Modtageteam");
  fx->other_team_id = add_team (fx->store, "Foranstaltningsteam");
  g_signal_connect (fx->store, "changed", G_CALLBACK (on_changed_cb), fx);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->store);
  g_free (fx->dir);
}

static SfChecklist *
load_one (Fixture *fx,
          gint64   team_id,
          SfDay    ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklists = sf_checklists_load (fx->store, team_id, ref, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (checklists->len, ==, 1);
  return g_ptr_array_steal_index (checklists, 0);
}

static const SfChecklistItem *
item_by_key (const SfChecklist *checklist,
             const char        *key)
{
  for (guint i = 0; i < checklist->items->len; i++)
    {
      const SfChecklistItem *item = g_ptr_array_index (checklist->items, i);

      if (g_strcmp0 (item->key, key) == 0)
        return item;
    }
  g_assert_not_reached ();
}

static SfDay
days_ago (guint days)
{
  return sf_day_today () - days;
}

static void
test_templates_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = sf_checklist_templates_load_default (&error);
  static const struct { const char *key; guint n_items; } expected[] = {
    { "ledelsesspoergsmaal", 4 },          /* seed 000: four management questions */
    { "faglige-pejlemaerker", 3 },         /* seed 000: three goal markers */
    { "sagsstammens-stoerrelse", 4 },      /* seed 003: roles, tasks, organisation, geography */
    { "arbejdsgange", 6 + 5 + 4 + 3 + 4 }, /* seed 004: four phases and the follow-up points */
  };
  const SfChecklistTemplate *work;
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();

  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SfChecklistTemplate *template_ = g_ptr_array_index (templates, i);

      g_assert_cmpstr (template_->key, ==, expected[i].key);
      g_assert_cmpuint (template_->items->len, ==, expected[i].n_items);
      g_assert_false (template_->custom);
      g_assert_nonnull (template_->source);
    }

  work = sf_checklist_templates_find (templates, "arbejdsgange");
  for (guint i = 0; i < work->items->len; i++)
    {
      const SfChecklistTemplateItem *item = g_ptr_array_index (work->items, i);

      g_assert_true (item->shipped);
      if (sections->len == 0 || g_strcmp0 (g_ptr_array_index (sections, sections->len - 1), item->section) != 0)
        g_ptr_array_add (sections, item->section);
    }
  g_assert_cmpuint (sections->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (sections, 0), ==, "The frames for the work procedures");
  g_assert_cmpstr (g_ptr_array_index (sections, 4), ==, "Points for follow-up");

  /* The follow-up points recur; the goal markers are followed up too. */
  g_assert_cmpuint (((SfChecklistTemplateItem *) g_ptr_array_index (work->items, work->items->len - 1))->review_months,
                    ==, 3);
  g_assert_cmpuint (((SfChecklistTemplateItem *) g_ptr_array_index (work->items, 0))->review_months, ==, 0);
  g_assert_null (sf_checklist_templates_find (templates, "no-such-template"));
}

static void
collect_strings (JsonNode   *node,
                 GHashTable *texts)
{
  static const char * const members[] = { "title", "description", "text", "detail" };

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_strings (json_array_get_element (array, i), texts);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        if (json_object_has_member (object, members[i]))
          g_hash_table_add (texts, g_strdup (json_object_get_string_member (object, members[i])));
      if (json_object_has_member (object, "templates"))
        collect_strings (json_object_get_member (object, "templates"), texts);
      if (json_object_has_member (object, "sections"))
        collect_strings (json_object_get_member (object, "sections"), texts);
      if (json_object_has_member (object, "items"))
        collect_strings (json_object_get_member (object, "items"), texts);
    }
}

/* Every text of the data is marked for translation, and nothing else. */
static void
test_templates_strings_in_step (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "checklists.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) marked = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  const char * const *strings;
  guint n_strings;
  GHashTableIter iter;
  gpointer text;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  collect_strings (json_parser_get_root (parser), texts);
  g_assert_cmpuint (g_hash_table_size (texts), >, 50);

  strings = sf_checklist_template_strings (&n_strings);
  for (guint i = 0; i < n_strings; i++)
    {
      if (!g_hash_table_contains (texts, strings[i]))
        g_error ("src/core/sf-checklist-strings.c lists a text that data/checklists.json lacks: %s", strings[i]);
      g_hash_table_add (marked, (gpointer) strings[i]);
    }
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    if (!g_hash_table_contains (marked, text))
      g_error ("data/checklists.json has a text missing from src/core/sf-checklist-strings.c: %s", (char *) text);
}

static void
test_templates_invalid (void)
{
  static const char * const bad[] = {
    "[]",
    "{\"templates\": [{\"key\": \"a\", \"title\": \"A\", \"sections\": []}]}",
    "{\"templates\": [{\"key\": \"a\", \"title\": \"A\", \"sections\": [{\"items\": [{\"key\": \"x\"}]}]}]}",
    "{\"templates\": [{\"key\": \"a\", \"title\": \"A\", \"sections\": [{\"items\": ["
    "{\"key\": \"x\", \"text\": \"One\"}, {\"key\": \"x\", \"text\": \"Two\"}]}]}]}",
    "{\"templates\": [{\"key\": \"a\", \"title\": \"A\", \"sections\": [{\"items\": ["
    "{\"key\": \"x\", \"text\": \"One\", \"review_months\": 200}]}]}]}",
    "{\"templates\": [{\"key\": \"a\", \"title\": \"A\", \"sections\": [{\"items\": [{\"key\": \"x\", \"text\": \"One\"}]}]},"
    " {\"key\": \"a\", \"title\": \"B\", \"sections\": [{\"items\": [{\"key\": \"x\", \"text\": \"One\"}]}]}]}",
  };
  const char *good = "{\"templates\": [{\"key\": \"a\", \"title\": \"A\", \"sections\": [{\"title\": \"S\", \"items\": ["
                     "{\"key\": \"x\", \"text\": \"One\", \"review_months\": 6}]}]}]}";
  g_autoptr(GBytes) bytes = sf_test_bytes (good);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = sf_checklist_templates_load_bytes (bytes, &error);
  SfChecklistTemplateItem *item;

  g_assert_no_error (error);
  item = g_ptr_array_index (((SfChecklistTemplate *) g_ptr_array_index (templates, 0))->items, 0);
  g_assert_cmpstr (item->section, ==, "S");
  g_assert_cmpuint (item->review_months, ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bad_bytes = sf_test_bytes (bad[i]);
      g_autoptr(GError) bad_error = NULL;
      g_autoptr(GPtrArray) none = sf_checklist_templates_load_bytes (bad_bytes, &bad_error);

      g_assert_null (none);
      g_assert_nonnull (bad_error);
    }
}

static void
test_next_review (void)
{
  SfChecklistItem item = { 0 };

  g_assert_cmpuint (sf_checklist_next_review (sf_day_new (2026, 1, 15), 3), ==, sf_day_new (2026, 4, 15));
  /* The end of a month stays in the shorter month */
  g_assert_cmpuint (sf_checklist_next_review (sf_day_new (2026, 1, 31), 1), ==, sf_day_new (2026, 2, 28));
  g_assert_cmpuint (sf_checklist_next_review (sf_day_new (2026, 1, 15), 0), ==, SF_DAY_NONE);
  g_assert_cmpuint (sf_checklist_next_review (SF_DAY_NONE, 3), ==, SF_DAY_NONE);

  item.review_months = 3;
  g_assert_false (sf_checklist_item_is_due (&item, sf_day_new (2030, 1, 1)));   /* never checked: open */
  item.checked_on = sf_day_new (2026, 1, 15);
  g_assert_false (sf_checklist_item_is_due (&item, sf_day_new (2026, 4, 14)));
  g_assert_true (sf_checklist_item_is_due (&item, sf_day_new (2026, 4, 15)));
  g_assert_true (sf_checklist_item_is_due (&item, sf_day_new (2026, 9, 1)));
  item.review_months = 0;
  g_assert_false (sf_checklist_item_is_due (&item, sf_day_new (2030, 1, 1)));
}

static void
test_create (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfChecklist) checklist = NULL;
  gint64 audits = sf_store_count (fx->store, "audit");
  gint64 id;

  id = sf_checklist_create (fx->store, fx->team_id, "arbejdsgange", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (fx->changes, ==, 1);
  g_assert_cmpint (sf_store_count (fx->store, "audit"), ==, audits + 1);

  checklist = load_one (fx, fx->team_id, sf_day_today ());
  g_assert_cmpint (checklist->id, ==, id);
  g_assert_cmpstr (checklist->team_name, ==, "Modtageteam");
  g_assert_cmpstr (checklist->title, ==, "Work procedures");
  g_assert_true (checklist->shipped);
  g_assert_cmpuint (checklist->items->len, ==, 22);
  g_assert_cmpuint (checklist->n_checked, ==, 0);
  g_assert_cmpuint (checklist->n_due, ==, 0);
  g_assert_cmpuint (checklist->created, ==, sf_day_today ());
  g_assert_cmpstr (((SfChecklistItem *) g_ptr_array_index (checklist->items, 0))->key, ==, "krav-i-retningslinjerne");
  g_assert_cmpuint (item_by_key (checklist, "ny-lovgivning")->review_months, ==, 3);

  /* One of each template per team: the second is refused, nothing written */
  g_assert_cmpint (sf_checklist_create (fx->store, fx->team_id, "arbejdsgange", &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Modtageteam already has the checklist"));
  g_clear_error (&error);
  g_assert_cmpint (sf_store_count (fx->store, "checklist"), ==, 1);

  g_assert_cmpint (sf_checklist_create (fx->store, fx->team_id, "nope", &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sf_checklist_create (fx->store, 999, "arbejdsgange", &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (fx->changes, ==, 1);

  /* The other team has none; removing and restoring the checklist */
  g_assert_cmpint (sf_checklist_create (fx->store, fx->other_team_id, "faglige-pejlemaerker", &error), >, 0);
  g_assert_true (sf_checklist_set_removed (fx->store, id, TRUE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) left = sf_checklists_load (fx->store, fx->team_id, sf_day_today (), &error);

    g_assert_cmpuint (left->len, ==, 0);
  }
  g_assert_true (sf_checklist_set_removed (fx->store, id, FALSE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) all = sf_checklists_load (fx->store, 0, sf_day_today (), &error);

    g_assert_cmpuint (all->len, ==, 2);
    /* By team name: Foranstaltningsteam before Modtageteam */
    g_assert_cmpstr (((SfChecklist *) g_ptr_array_index (all, 0))->team_name, ==, "Foranstaltningsteam");
  }
}

static void
test_check_and_history (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfChecklist) checklist = NULL;
  g_autoptr(SfChecklist) after = NULL;
  g_autoptr(GPtrArray) history = NULL;
  const SfChecklistItem *item;
  gint64 item_id, audits;
  SfDay checked = days_ago (10);

  sf_checklist_create (fx->store, fx->team_id, "faglige-pejlemaerker", &error);
  g_assert_no_error (error);
  checklist = load_one (fx, fx->team_id, sf_day_today ());
  item_id = item_by_key (checklist, "netvaerket")->id;
  audits = sf_store_count (fx->store, "audit");

  g_assert_true (sf_checklist_check (fx->store, item_id, checked, " AKJ ", "  Drøftet på teammødet ", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_store_count (fx->store, "audit"), ==, audits + 1);
  after = load_one (fx, fx->team_id, sf_day_today ());
  item = sf_checklist_find_item (after, item_id);
  g_assert_cmpuint (item->checked_on, ==, checked);
  g_assert_cmpstr (item->checked_by, ==, "AKJ");
  g_assert_cmpstr (item->note, ==, "Drøftet på teammødet");
  g_assert_cmpuint (item->next_review, ==, sf_day_add_months (checked, 6));
  g_assert_false (item->due);
  g_assert_cmpuint (after->n_checked, ==, 1);
  g_clear_pointer (&after, sf_checklist_free);

  /* A follow-up is another check: the state moves on, the history keeps both */
  g_assert_true (sf_checklist_check (fx->store, item_id, sf_day_today (), "MHL", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sf_checklist_uncheck (fx->store, item_id, &error));
  g_assert_no_error (error);
  after = load_one (fx, fx->team_id, sf_day_today ());
  item = sf_checklist_find_item (after, item_id);
  g_assert_cmpuint (item->checked_on, ==, SF_DAY_NONE);
  g_assert_null (item->checked_by);
  g_assert_null (item->note);
  g_assert_cmpuint (after->n_checked, ==, 0);

  history = sf_checklist_item_history (fx->store, item_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((SfChecklistEvent *) g_ptr_array_index (history, 0))->action, ==, "check");
  g_assert_cmpuint (((SfChecklistEvent *) g_ptr_array_index (history, 0))->day, ==, checked);
  g_assert_cmpstr (((SfChecklistEvent *) g_ptr_array_index (history, 0))->note, ==, "Drøftet på teammødet");
  g_assert_cmpstr (((SfChecklistEvent *) g_ptr_array_index (history, 1))->initials, ==, "MHL");
  g_assert_null (((SfChecklistEvent *) g_ptr_array_index (history, 1))->note);
  g_assert_cmpstr (((SfChecklistEvent *) g_ptr_array_index (history, 2))->action, ==, "uncheck");
  g_assert_cmpstr (((SfChecklistEvent *) g_ptr_array_index (history, 2))->who, ==, g_get_user_name ());
  g_assert_cmpint (sf_store_count (fx->store, "audit"), ==, audits + 3);
  {
    g_autofree char *last = sf_checklist_last_initials (fx->store);

    g_assert_cmpstr (last, ==, "MHL");
  }

  /* Refused, and nothing changes */
  g_assert_false (sf_checklist_uncheck (fx->store, item_id, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (sf_checklist_check (fx->store, item_id, sf_day_today () + 1, "AKJ", NULL, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (sf_checklist_check (fx->store, item_id, sf_day_today (), "   ", NULL, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (sf_checklist_check (fx->store, item_id, sf_day_today (), "ABCDEFGHIJKLMNOPQ", NULL, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (sf_checklist_check (fx->store, item_id, sf_day_today (), "AKJ", "Barnet 010190-1234", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_PRIVACY);
  g_clear_error (&error);
  g_assert_false (sf_checklist_check (fx->store, 9999, sf_day_today (), "AKJ", NULL, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sf_store_count (fx->store, "checklist_event"), ==, 3);
  g_assert_cmpint (sf_store_count (fx->store, "audit"), ==, audits + 3);
}

static GPtrArray *
stored_alerts (Fixture *fx,
               SfDay    ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = sf_store_load_dataset (fx->store, &error);
  g_autoptr(SfFigures) figures = NULL;
  SfSettings settings;
  GPtrArray *alerts;

  g_assert_no_error (error);
  sf_settings_init_defaults (&settings);
  figures = sf_figures_compute (dataset, &settings, ref);
  alerts = sf_alerts_evaluate_stored (fx->store, figures, &error);
  g_assert_no_error (error);
  return alerts;
}

static void
test_due_and_alerts (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfChecklist) checklist = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  const SfAlert *alert;
  SfDay long_ago = days_ago (100);   /* more than 3 months ago, whatever the months */
  SfDay first_due = sf_checklist_next_review (long_ago, 3);
  gint64 law, hard, evaluate;

  sf_checklist_create (fx->store, fx->team_id, "arbejdsgange", &error);
  sf_checklist_create (fx->store, fx->team_id, "faglige-pejlemaerker", &error);
  g_assert_no_error (error);
  checklists = sf_checklists_load (fx->store, fx->team_id, sf_day_today (), &error);
  law = item_by_key (g_ptr_array_index (checklists, 0), "ny-lovgivning")->id;
  hard = item_by_key (g_ptr_array_index (checklists, 0), "vanskelige-at-overholde")->id;
  evaluate = item_by_key (g_ptr_array_index (checklists, 0), "lever-op-til-formaalet")->id;
  g_clear_pointer (&checklists, g_ptr_array_unref);

  /* Two follow-up points checked long ago (every 3 months): both due.  The
   * yearly evaluation, checked as long ago, is not. */
  g_assert_true (sf_checklist_check (fx->store, law, long_ago, "AKJ", "Ingen ny lovgivning", &error));
  g_assert_true (sf_checklist_check (fx->store, hard, long_ago + 7, "AKJ", NULL, &error));
  g_assert_true (sf_checklist_check (fx->store, evaluate, long_ago, "AKJ", NULL, &error));
  g_assert_no_error (error);

  checklists = sf_checklists_load (fx->store, 0, sf_day_today (), &error);
  g_assert_no_error (error);
  checklist = g_ptr_array_steal_index (checklists, 0);
  g_assert_cmpuint (checklist->n_checked, ==, 3);
  g_assert_cmpuint (checklist->n_due, ==, 2);
  g_assert_true (sf_checklist_find_item (checklist, law)->due);
  g_assert_false (sf_checklist_find_item (checklist, evaluate)->due);
  g_ptr_array_insert (checklists, 0, g_steal_pointer (&checklist));

  /* Not yet due the day before the first one falls due */
  alerts = sf_checklist_due_alerts (checklists, first_due - 1);
  g_assert_cmpuint (alerts->len, ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  alerts = sf_checklist_due_alerts (checklists, sf_day_today ());
  g_assert_cmpuint (alerts->len, ==, 1);
  alert = g_ptr_array_index (alerts, 0);
  g_assert_cmpint (alert->kind, ==, SF_ALERT_CHECKLIST_DUE);
  g_assert_cmpstr (sf_alert_kind_to_key (alert->kind), ==, "checklist-due");
  g_assert_cmpint (alert->severity, ==, SF_SEVERITY_WARNING);
  g_assert_cmpint (alert->team_id, ==, fx->team_id);
  g_assert_cmpint (alert->caseworker_id, ==, 0);
  g_assert_cmpfloat (alert->value, ==, 2);
  g_assert_cmpuint (alert->since, ==, first_due);
  g_assert_cmpstr (alert->message, ==, "Modtageteam has 2 checklist items due for follow-up (Work procedures: 2).");

  /* Among the stored alerts, as a warning with its start */
  stored = stored_alerts (fx, sf_day_today ());
  g_assert_cmpuint (stored->len, ==, 1);
  alert = g_ptr_array_index (stored, 0);
  g_assert_cmpint (alert->kind, ==, SF_ALERT_CHECKLIST_DUE);
  g_assert_cmpuint (alert->since, ==, first_due);
  g_assert_false (alert->acknowledged);
  g_assert_true (sf_alert_acknowledge (fx->store, alert, "Tages på MED-mødet", SF_DAY_NONE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = stored_alerts (fx, sf_day_today ());
  g_assert_true (((SfAlert *) g_ptr_array_index (stored, 0))->acknowledged);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Following up (checking again today) clears it */
  g_assert_true (sf_checklist_check (fx->store, law, sf_day_today (), "MHL", "Ny vejledning læst", &error));
  g_assert_true (sf_checklist_check (fx->store, hard, sf_day_today (), "MHL", NULL, &error));
  g_assert_no_error (error);
  stored = stored_alerts (fx, sf_day_today ());
  g_assert_cmpuint (stored->len, ==, 0);
  /* ... until the next follow-up falls due */
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = stored_alerts (fx, sf_day_add_months (sf_day_today (), 3));
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpfloat (((SfAlert *) g_ptr_array_index (stored, 0))->value, ==, 2);

  /* Without a review interval an item never falls due */
  g_assert_true (sf_checklist_set_review (fx->store, law, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = stored_alerts (fx, sf_day_add_months (sf_day_today (), 3));
  g_assert_cmpfloat (((SfAlert *) g_ptr_array_index (stored, 0))->value, ==, 1);
  g_assert_false (sf_checklist_set_review (fx->store, law, 121, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
}

static void
test_custom_items_and_templates (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfChecklist) checklist = NULL;
  g_autoptr(SfChecklist) copy = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *key = NULL;
  g_autofree char *again = NULL;
  g_autofree char *duplicate = NULL;
  g_autofree char *added_key = NULL;
  const SfChecklistTemplate *own;
  const SfChecklistItem *last;
  gint64 checklist_id, added, removed;

  checklist_id = sf_checklist_create (fx->store, fx->team_id, "sagsstammens-stoerrelse", &error);
  g_assert_no_error (error);

  added = sf_checklist_add_item (fx->store, checklist_id, "  Drøft sagsstammen i MED-udvalget ", "Hvert kvartal",
                                 6, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, >, 0);
  g_assert_cmpint (sf_checklist_add_item (fx->store, checklist_id, "  ", NULL, 0, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (sf_checklist_add_item (fx->store, checklist_id, "Sag 0101901234", NULL, 0, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_PRIVACY);
  g_clear_error (&error);
  g_assert_cmpint (sf_checklist_add_item (fx->store, 4242, "Text", NULL, 0, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_NOT_FOUND);
  g_clear_error (&error);

  checklist = load_one (fx, fx->team_id, sf_day_today ());
  g_assert_cmpuint (checklist->items->len, ==, 5);
  last = g_ptr_array_index (checklist->items, 4);
  g_assert_cmpint (last->id, ==, added);
  g_assert_null (last->key);
  g_assert_false (last->shipped);
  g_assert_cmpstr (last->text, ==, "Drøft sagsstammen i MED-udvalget");
  g_assert_cmpstr (last->detail, ==, "Hvert kvartal");
  g_assert_cmpuint (last->review_months, ==, 6);
  /* A manager's own text is never looked up in the translations */
  g_assert_true (sf_checklist_text (last->text, last->shipped) == last->text);

  /* Removing an item can be undone */
  removed = item_by_key (checklist, "geografi")->id;
  g_assert_true (sf_checklist_set_item_removed (fx->store, removed, TRUE, &error));
  g_clear_pointer (&checklist, sf_checklist_free);
  checklist = load_one (fx, fx->team_id, sf_day_today ());
  g_assert_cmpuint (checklist->items->len, ==, 4);
  g_assert_null (sf_checklist_find_item (checklist, removed));
  g_assert_true (sf_checklist_set_item_removed (fx->store, removed, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&checklist, sf_checklist_free);
  checklist = load_one (fx, fx->team_id, sf_day_today ());
  g_assert_cmpuint (checklist->items->len, ==, 5);

  /* Saved as the organisation's own template, with the added item */
  key = sf_checklist_save_as_template (fx->store, checklist_id, " Vores sagsstamme ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, "vores-sagsstamme");
  duplicate = sf_checklist_save_as_template (fx->store, checklist_id, "vores sagsstamme", &error);
  g_assert_null (duplicate);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (sf_checklist_save_as_template (fx->store, checklist_id, "", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  /* A shipped template's title is taken, in English and in the user's language */
  g_assert_null (sf_checklist_save_as_template (fx->store, checklist_id, "Work procedures", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  templates = sf_checklist_templates_load_all (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 5);
  own = sf_checklist_templates_find (templates, key);
  g_assert_true (own->custom);
  g_assert_cmpstr (own->title, ==, "Vores sagsstamme");
  g_assert_cmpuint (own->items->len, ==, 5);
  g_assert_true (((SfChecklistTemplateItem *) g_ptr_array_index (own->items, 0))->shipped);
  added_key = g_strdup_printf ("punkt-%" G_GINT64_FORMAT, added);
  g_assert_cmpstr (((SfChecklistTemplateItem *) g_ptr_array_index (own->items, 4))->key, ==, added_key);

  /* Another team starts from it */
  g_assert_cmpint (sf_checklist_create (fx->store, fx->other_team_id, key, &error), >, 0);
  g_assert_no_error (error);
  copy = load_one (fx, fx->other_team_id, sf_day_today ());
  g_assert_false (copy->shipped);
  g_assert_cmpstr (copy->title, ==, "Vores sagsstamme");
  g_assert_cmpuint (copy->items->len, ==, 5);
  g_assert_true (((SfChecklistItem *) g_ptr_array_index (copy->items, 0))->shipped);
  g_assert_cmpstr (((SfChecklistItem *) g_ptr_array_index (copy->items, 0))->key, ==, "roller");
  g_assert_cmpuint (((SfChecklistItem *) g_ptr_array_index (copy->items, 4))->review_months, ==, 6);

  /* A second template with a title that makes the same key gets its own */
  again = sf_checklist_save_as_template (fx->store, checklist_id, "Vores  sagsstamme!", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, !=, key);

  g_assert_false (sf_checklist_template_delete (fx->store, "arbejdsgange", &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (sf_checklist_template_delete (fx->store, key, &error));
  g_assert_no_error (error);
  g_clear_pointer (&templates, g_ptr_array_unref);
  templates = sf_checklist_templates_load_all (fx->store, &error);
  g_assert_null (sf_checklist_templates_find (templates, key));
  /* The checklist made from it stays */
  g_clear_pointer (&copy, sf_checklist_free);
  copy = load_one (fx, fx->other_team_id, sf_day_today ());
  g_assert_cmpuint (copy->items->len, ==, 5);
}

static void
test_find_item (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  g_autofree char *by_id = NULL;
  const SfChecklist *found_in = NULL;
  const SfChecklistItem *item;

  sf_checklist_create (fx->store, fx->team_id, "arbejdsgange", &error);
  sf_checklist_create (fx->store, fx->team_id, "faglige-pejlemaerker", &error);
  g_assert_no_error (error);
  checklists = sf_checklists_load (fx->store, fx->team_id, sf_day_today (), &error);

  item = sf_checklists_find_item (checklists, "faglige-pejlemaerker/netvaerket", &found_in);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->key, ==, "netvaerket");
  g_assert_cmpstr (found_in->template_key, ==, "faglige-pejlemaerker");

  by_id = g_strdup_printf ("%" G_GINT64_FORMAT, item->id);
  g_assert_true (sf_checklists_find_item (checklists, by_id, NULL) == item);

  g_assert_null (sf_checklists_find_item (checklists, "arbejdsgange/netvaerket", NULL));
  g_assert_null (sf_checklists_find_item (checklists, "netvaerket", NULL));
  g_assert_null (sf_checklists_find_item (checklists, "0", NULL));
  g_assert_null (sf_checklists_find_item (checklists, "", NULL));
}

/* Run last: it switches the process to Danish. */
static void
test_danish_wording (void)
{
  g_autofree char *pending = g_test_build_filename (G_TEST_DIST, "..", "po", "pending", "checklists.po", NULL);
  g_autofree char *localedir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  const SfChecklistTemplate *work, *markers, *caseload;
  const char * const *strings;
  guint n_strings;

  /* Before the translations are merged into po/da.po, compile the pending
   * catalogue together with it; afterwards the build's catalogue has them. */
  if (g_file_test (pending, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = sf_test_make_tmpdir ();
      g_autofree char *da = g_test_build_filename (G_TEST_DIST, "..", "po", "da.po", NULL);
      g_autofree char *messages = g_build_filename (dir, "da", "LC_MESSAGES", NULL);
      g_autofree char *merged = g_build_filename (dir, "merged.po", NULL);
      g_autofree char *mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
      const char *msgcat[] = { "msgcat", "--use-first", pending, da, "-o", merged, NULL };
      const char *msgfmt[] = { "msgfmt", merged, "-o", mo, NULL };
      int status;

      if (g_find_program_in_path ("msgfmt") == NULL)
        {
          g_test_skip ("msgfmt is not installed");
          return;
        }
      g_mkdir_with_parents (messages, 0700);
      g_spawn_sync (NULL, (char **) msgcat, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_spawn_sync (NULL, (char **) msgfmt, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      localedir = g_strdup (dir);
    }
  else
    localedir = g_strdup (g_getenv ("SF_LOCALEDIR"));
  g_assert_nonnull (localedir);

  /* As a Danish user has it (LANGUAGE alone is ignored under C.UTF-8 by
   * Debian 13's glibc) */
  if (!sf_test_have_danish_locale ())
    {
      /* build-aux/test generates it; a Flatpak SDK has C.UTF-8 alone */
      g_test_skip ("the da_DK.UTF-8 locale is missing (build-aux/test generates it with locale-gen)");
      return;
    }
  g_setenv ("LANGUAGE", "da", TRUE);
  g_setenv ("LC_ALL", "da_DK.UTF-8", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  templates = sf_checklist_templates_load_default (&error);
  g_assert_no_error (error);
  work = sf_checklist_templates_find (templates, "arbejdsgange");
  markers = sf_checklist_templates_find (templates, "faglige-pejlemaerker");
  caseload = sf_checklist_templates_find (templates, "sagsstammens-stoerrelse");

  /* The guidance's own words */
  g_assert_cmpstr (sf_checklist_text (work->title, TRUE), ==, "Arbejdsgange");
  g_assert_cmpstr (sf_checklist_text (markers->title, TRUE), ==, "Faglige pejlemærker ved lavere sagstal");
  g_assert_cmpstr (sf_checklist_text (caseload->title, TRUE), ==, "Forhold der bør overvejes, når sagsstammen fastsættes");
  g_assert_cmpstr (sf_checklist_text (((SfChecklistTemplateItem *) g_ptr_array_index (work->items, 0))->section, TRUE),
                   ==, "Rammerne for arbejdsgangene");
  g_assert_cmpstr (sf_checklist_text (((SfChecklistTemplateItem *) g_ptr_array_index (work->items, 20))->text, TRUE),
                   ==, "Er der dele af arbejdsgangene, som er vanskelige at overholde i praksis?");
  g_assert_cmpstr (sf_checklist_text (((SfChecklistTemplateItem *) g_ptr_array_index (caseload->items, 3))->text, TRUE),
                   ==, "Hvor stort et geografisk område medarbejderen skal dække?");
  g_assert_true (g_str_has_prefix (sf_checklist_text (((SfChecklistTemplateItem *) g_ptr_array_index (markers->items, 0))->text, TRUE),
                                   "Myndighedssagsbehandlingen skal tidligt og systematisk ind"));
  /* Not the manager's own words */
  g_assert_cmpstr (sf_checklist_text ("Work procedures", FALSE), ==, "Work procedures");

  /* Every text of every template has its Danish wording */
  strings = sf_checklist_template_strings (&n_strings);
  for (guint i = 0; i < n_strings; i++)
    if (g_strcmp0 (sf_checklist_text (strings[i], TRUE), strings[i]) == 0)
      g_error ("No Danish wording for: %s", strings[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checklist/templates/load", test_templates_load);
  g_test_add_func ("/checklist/templates/strings-in-step", test_templates_strings_in_step);
  g_test_add_func ("/checklist/templates/invalid", test_templates_invalid);
  g_test_add_func ("/checklist/next-review", test_next_review);
  g_test_add ("/checklist/create", Fixture, NULL, fixture_setup, test_create, fixture_teardown);
  g_test_add ("/checklist/check-and-history", Fixture, NULL, fixture_setup, test_check_and_history, fixture_teardown);
  g_test_add ("/checklist/due-and-alerts", Fixture, NULL, fixture_setup, test_due_and_alerts, fixture_teardown);
  g_test_add ("/checklist/custom", Fixture, NULL, fixture_setup, test_custom_items_and_templates, fixture_teardown);
  g_test_add ("/checklist/find-item", Fixture, NULL, fixture_setup, test_find_item, fixture_teardown);
  g_test_add_func ("/checklist/danish-wording", test_danish_wording);

  return g_test_run ();
}
