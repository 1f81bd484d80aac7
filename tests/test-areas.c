/* The organisation's own case areas and the references from the guidance:
 * the base norm, the alert and the words, refused removals and imports,
 * and the references in English and Danish. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "sf-core.h"
#include "sf-test-util.h"

#define EPS 1e-9

typedef struct
{
  SfStore   *store;
  GPtrArray *datasets;        /* what figures borrow */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = sf_test_store_open_memory (&error);
  g_assert_no_error (error);
  fixture->datasets = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_dataset_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->datasets, g_ptr_array_unref);
}

static gint64
add_area (Fixture    *fixture,
          const char *key,
          const char *name,
          double      low,
          double      high,
          const char *source)
{
  g_autoptr(GError) error = NULL;
  SfArea area = { .key = (char *) key, .name = (char *) name, .own_low = low, .own_high = high,
                  .source = (char *) source };
  gint64 id = sf_areas_add (fixture->store, &area, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
import_roster (Fixture    *fixture,
               const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(GBytes) bytes = sf_test_bytes (csv);

  g_assert_true (sf_import_roster (fixture->store, bytes, &result, &error));
  g_assert_no_error (error);
}

static void
import_cases (Fixture    *fixture,
              const char *initials,
              guint       n)
{
  g_autoptr(GError) error = NULL;
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(GString) csv = g_string_new ("sagsnummer;initialer;kompleksitet\n");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%s-%u;%s;kompleks\n", initials, i + 1, initials);
  bytes = sf_test_bytes (csv->str);
  g_assert_true (sf_import_cases (fixture->store, bytes, &result, &error));
  g_assert_no_error (error);
}

static SfFigures *
compute (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SfDataset *dataset = sf_store_load_dataset (fixture->store, &error);
  SfSettings settings;

  g_assert_no_error (error);
  g_ptr_array_add (fixture->datasets, dataset);
  g_assert_true (sf_store_load_settings (fixture->store, &settings, &error));
  return sf_figures_compute (dataset, &settings, sf_test_day ("2026-01-15"));
}

static const SfTeamFigures *
find_team (SfFigures  *figures,
           const char *name)
{
  for (guint i = 0; i < figures->teams->len; i++)
    {
      const SfTeamFigures *tf = &g_array_index (figures->teams, SfTeamFigures, i);

      if (g_str_equal (tf->team->name, name))
        return tf;
    }
  g_assert_not_reached ();
}

static const SfAlert *
find_alert (GPtrArray   *alerts,
            SfAlertKind  kind,
            const char  *subject)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      const SfAlert *alert = g_ptr_array_index (alerts, i);

      if (alert->kind == kind && g_str_equal (alert->subject, subject))
        return alert;
    }
  return NULL;
}

/* Keys are written as the import compares them. */
static void
test_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = sf_areas_normalize_key ("  IPS Team ", &error);
  g_autofree char *danish = sf_areas_normalize_key ("Håndholdt indsats", &error);
  g_autofree char *bad = NULL;
  g_autofree char *empty = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, "ips-team");
  g_assert_cmpstr (danish, ==, "haandholdt-indsats");
  bad = sf_areas_normalize_key ("ips!", &error);
  g_assert_null (bad);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "letters a–z, digits and hyphens"));
  g_clear_error (&error);
  empty = sf_areas_normalize_key (" ", &error);
  g_assert_null (empty);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
}

/* An own area with a range: the team's base norm is its upper end, and the
 * team above it is told so in the organisation's words, not DS'. */
static void
test_with_range (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) factors = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(GBytes) caseloads = NULL;
  const SfTeamFigures *tf;
  const SfAlert *alert;
  const SfNormFactor *factor;

  add_area (fixture, "ips", "IPS-indsats", 20, 25, "Byrådets beslutning 2026");
  import_roster (fixture,
                 "team;omraade;initialer;navn;startdato\n"
                 "IPS-teamet;ips;AB;Anna Berg;2020-01-01\n"
                 "IPS-teamet;ips;CD;Carl Dahl;2020-01-01\n");
  import_cases (fixture, "AB", 30);
  import_cases (fixture, "CD", 26);

  figures = compute (fixture);
  tf = find_team (figures, "IPS-teamet");
  g_assert_true (tf->area->custom);
  /* The upper end of the own range, not a DS figure */
  g_assert_cmpfloat_with_epsilon (tf->base_norm, 25, EPS);
  g_assert_cmpfloat_with_epsilon (sf_figures_find_worker (figures, 1)->adjusted_norm, 25, EPS);
  /* 56 cases on two full-time caseworkers: 28 per FTE, above 25 */
  g_assert_cmpfloat_with_epsilon (tf->cases_per_fte, 28, EPS);
  g_assert_cmpint (sf_caseloads_team_position (tf), ==, SF_TEAM_POSITION_ABOVE);
  g_assert_cmpstr (sf_caseloads_position_label (SF_TEAM_POSITION_ABOVE, tf->area), ==, "Above the own range");

  alerts = sf_alerts_evaluate (figures);
  g_assert_null (find_alert (alerts, SF_ALERT_TEAM_OVER_DS_RANGE, "IPS-teamet"));
  alert = find_alert (alerts, SF_ALERT_TEAM_OVER_OWN_RANGE, "IPS-teamet");
  g_assert_nonnull (alert);
  g_assert_cmpstr (sf_alert_kind_to_key (alert->kind), ==, "team-over-own-range");
  g_assert_cmpfloat_with_epsilon (alert->limit, 25, EPS);
  /* 56 − 25 × 2 */
  g_assert_cmpfloat_with_epsilon (alert->excess, 6, EPS);
  g_assert_cmpstr (alert->message, ==,
                   "IPS-teamet has 28.0 cases per full-time caseworker, above the organisation’s own "
                   "range 20–25 for IPS-indsats (its own figure, not DS’).");
  g_assert_cmpstr (alert->resolution, ==,
                   "It takes 6.0 fewer cases or 0.3 more full-time caseworkers to reach the range.");

  factors = sf_roster_explain_norm (figures, 1);
  factor = g_ptr_array_index (factors, 0);
  g_assert_cmpstr (factor->reason, ==,
                   "The upper end of the organisation’s own range 20–25 for IPS-indsats (its own figure, not DS’).");

  reference = sf_preferences_team_reference (tf->area);
  g_assert_cmpstr (reference, ==,
                   "Own area: own range 20–25 (the organisation’s, not DS’) · source: Byrådets beslutning 2026");

  /* The reports say whose the range is */
  csv = sf_report_render (figures, SF_REPORT_CSV);
  g_assert_nonnull (strstr (csv, "compliance;cases_per_fte;range_low;range_high;range_owner\r\n"));
  g_assert_nonnull (strstr (csv, ";28;20;25;own\r\n"));
  text = sf_report_render (figures, SF_REPORT_TEXT);
  g_assert_nonnull (strstr (text, "28.0 cases per FTE · own range 20–25 (the organisation’s, not DS’), "
                                  "source: Byrådets beslutning 2026\n"));
  json = sf_report_render (figures, SF_REPORT_JSON);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *team, *range;

    g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
    g_assert_no_error (error);
    team = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                        "teams"), 0);
    range = json_object_get_object_member (team, "range");
    g_assert_cmpstr (json_object_get_string_member (range, "owner"), ==, "own");
    g_assert_cmpfloat (json_object_get_double_member (range, "low"), ==, 20);
    g_assert_cmpfloat (json_object_get_double_member (range, "high"), ==, 25);
    g_assert_cmpstr (json_object_get_string_member (range, "source"), ==, "Byrådets beslutning 2026");
  }
  caseloads = sf_caseloads_render_csv (figures);
  g_assert_nonnull (strstr (g_bytes_get_data (caseloads, NULL),
                            "IPS-teamet;IPS-indsats;2;56;0;56,00;50,00;2,00;2,24;0,0;28,0;20;25;"
                            "The organisation’s own;;;Above the own range\r\n"));
}

/* An own area without a range: a team needs a cap, which is its norm, and
 * no range alert is raised whatever its cases per FTE. */
static void
test_without_range (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  const SfTeamFigures *tf;
  gint64 area_id = add_area (fixture, "jobfirst-mentor", "JobFirst-mentorer", NAN, NAN, NULL);
  SfTeam team = { 0, (char *) "Mentorteamet", area_id, 0 };
  gint64 team_id;

  /* Without a cap the team would have no norm */
  g_assert_cmpint (sf_roster_save_team (fixture->store, &team, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==,
                   "“JobFirst-mentorer” is an own case area without a range: give the team a cap of "
                   "its own, or give the area a range in Preferences.");
  g_clear_error (&error);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM team"), ==, 0);

  team.cap = 30;
  team_id = sf_roster_save_team (fixture->store, &team, &error);
  g_assert_no_error (error);
  g_assert_cmpint (team_id, >, 0);

  /* The cap cannot be taken away while the area has no range */
  g_assert_false (sf_preferences_set_team_norm (fixture->store, team_id, 0, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "is an own case area without a range"));
  g_clear_error (&error);

  import_roster (fixture,
                 "team;initialer;navn;startdato\n"
                 "Mentorteamet;EF;Eva Frost;2020-01-01\n");
  import_cases (fixture, "EF", 40);

  figures = compute (fixture);
  tf = find_team (figures, "Mentorteamet");
  g_assert_cmpfloat_with_epsilon (tf->base_norm, 30, EPS);
  g_assert_cmpfloat_with_epsilon (tf->cases_per_fte, 40, EPS);
  g_assert_cmpint (sf_caseloads_team_position (tf), ==, SF_TEAM_POSITION_NO_RANGE);
  alerts = sf_alerts_evaluate (figures);
  g_assert_null (find_alert (alerts, SF_ALERT_TEAM_OVER_OWN_RANGE, "Mentorteamet"));
  g_assert_null (find_alert (alerts, SF_ALERT_TEAM_OVER_DS_RANGE, "Mentorteamet"));
  /* The person is still over the team's cap */
  g_assert_nonnull (find_alert (alerts, SF_ALERT_OVER_NORM, "EF"));

  csv = sf_report_render (figures, SF_REPORT_CSV);
  g_assert_nonnull (strstr (csv, ";40;;;\r\n"));
  json = sf_report_render (figures, SF_REPORT_JSON);
  g_assert_nonnull (strstr (json, "\"range\": null"));
  {
    g_autofree char *range = sf_area_describe_range (tf->area);
    g_autofree char *owner = sf_area_range_owner (tf->area);

    g_assert_cmpstr (range, ==, "no range of its own");
    g_assert_cmpstr (owner, ==, "None (own area)");
  }

  /* A range given later becomes the norm of a team without a cap */
  {
    g_autoptr(SfFigures) after = NULL;
    SfArea area = { .id = area_id, .key = (char *) "jobfirst-mentor", .name = (char *) "JobFirst-mentorer",
                    .own_low = 25, .own_high = 33, .source = (char *) "JobFirst" };

    g_assert_true (sf_areas_update (fixture->store, &area, &error));
    g_assert_no_error (error);
    g_assert_true (sf_preferences_set_team_norm (fixture->store, team_id, 0, &error));
    g_assert_no_error (error);
    after = compute (fixture);
    g_assert_cmpfloat_with_epsilon (find_team (after, "Mentorteamet")->base_norm, 33, EPS);

    /* and cannot be taken away again while the team depends on it */
    area.own_low = area.own_high = NAN;
    g_assert_false (sf_areas_update (fixture->store, &area, &error));
    g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
    g_assert_cmpstr (error->message, ==,
                     "The team “Mentorteamet” has no cap of its own and takes its norm from this "
                     "area’s range. Give the team a cap first, or keep a range.");
  }
}

/* What an own area may be, and the change log of every change. */
static void
test_checks_and_audit (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  SfArea area = { .key = (char *) "ips", .name = (char *) "IPS", .own_low = NAN, .own_high = NAN };
  SfArea removed = { 0 };

  area.key = (char *) "sygedagpenge";
  g_assert_cmpint (sf_areas_add (fixture->store, &area, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "The key “sygedagpenge” is taken by the area “Sygedagpengeområdet”. Choose another.");
  g_clear_error (&error);

  area.key = (char *) "ips";
  area.name = (char *) "sygedagpengeområdet";
  g_assert_cmpint (sf_areas_add (fixture->store, &area, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  area.name = (char *) "IPS 010190-1234";
  g_assert_cmpint (sf_areas_add (fixture->store, &area, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_PRIVACY);
  g_clear_error (&error);
  area.name = (char *) "IPS";
  area.key = (char *) "010190-1234";
  g_assert_cmpint (sf_areas_add (fixture->store, &area, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_PRIVACY);
  g_clear_error (&error);
  area.key = (char *) "ips";
  area.source = (char *) "Notat om 0101901234";
  g_assert_cmpint (sf_areas_add (fixture->store, &area, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_PRIVACY);
  g_clear_error (&error);
  area.source = NULL;

  area.own_low = 26;
  area.own_high = 25;
  g_assert_cmpint (sf_areas_add (fixture->store, &area, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  area.own_high = NAN;
  g_assert_cmpint (sf_areas_add (fixture->store, &area, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "Give the range both a lower and an upper end, or neither.");
  g_clear_error (&error);
  area.key = (char *) "IPS";
  area.own_low = NAN;
  g_assert_cmpint (sf_areas_add (fixture->store, &area, &error), ==, 0);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM area WHERE custom = 1"), ==, 0);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action LIKE 'area-%'"), ==, 0);

  id = add_area (fixture, "ips", "IPS", 15, 25, "IPS-manualen");
  g_assert_cmpint (sf_areas_find (fixture->store, "IPS", NULL), ==, id);
  {
    gboolean custom = TRUE;

    g_assert_cmpint (sf_areas_find (fixture->store, "sygedagpenge", &custom), >, 0);
    g_assert_false (custom);
  }

  /* DS' areas come with the app */
  g_assert_false (sf_areas_remove (fixture->store, sf_areas_find (fixture->store, "fleksjob", NULL), NULL, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "one of DS’ case areas"));
  g_clear_error (&error);

  /* Removal is refused while a team uses the area */
  import_roster (fixture, "team;omraade;initialer;navn\nIPS-teamet;IPS;AB;Anna Berg\n");
  g_assert_false (sf_areas_remove (fixture->store, id, NULL, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==,
                   "“IPS” is the case area of the team “IPS-teamet”. Move the team to another area first.");
  g_clear_error (&error);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM area WHERE custom = 1"), ==, 1);

  import_roster (fixture, "team;omraade;initialer;navn\nIPS-teamet;boern-familie;AB;Anna Berg\n");
  g_assert_true (sf_areas_remove (fixture->store, id, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (removed.key, ==, "ips");
  g_assert_cmpfloat (removed.own_low, ==, 15);
  g_assert_cmpfloat (removed.own_high, ==, 25);
  g_assert_cmpstr (removed.source, ==, "IPS-manualen");
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM area WHERE custom = 1"), ==, 0);

  /* Undo adds it again as it was */
  g_assert_cmpint (sf_areas_add (fixture->store, &removed, &error), >, 0);
  g_assert_no_error (error);
  sf_area_clear (&removed);

  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'area-add'"), ==, 2);
  g_assert_cmpint (sf_test_query_int (fixture->store,
                                      "SELECT count(*) FROM audit WHERE action = 'area-remove' AND subject = 'ips'"
                                      " AND detail = 'IPS; range 15–25; source IPS-manualen'"), ==, 1);
  g_assert_cmpstr (sf_change_log_action_label ("area-add"), ==, "Own case area added");
}

/* A roster naming an area nobody has added is refused, and says how to add
 * it; an own area without a range needs a team norm in the file. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(SfImportResult) result = { 0 };
  g_autoptr(GBytes) unknown = sf_test_bytes ("team;omraade;initialer;navn\n"
                                             "Familie;boern-familie;AB;Anna Berg\n"
                                             "IPS-teamet;IPS team;CD;Carl Dahl\n");
  g_autoptr(GBytes) no_norm = sf_test_bytes ("team;omraade;initialer;navn\n"
                                             "IPS-teamet;ips-team;CD;Carl Dahl\n");
  g_autoptr(GBytes) with_norm = sf_test_bytes ("team;omraade;team_norm;initialer;navn\n"
                                               "IPS-teamet;ips-team;24;CD;Carl Dahl\n");

  g_assert_false (sf_import_roster (fixture->store, unknown, &result, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_cmpuint (result.problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result.problems, 0), ==,
                   "Line 3: “IPS team” is not a known case area. Use a key such as “boern-familie” or "
                   "“sygedagpenge”, or add it as an own case area under Own Case Areas in Preferences "
                   "or with “sagsfordeling-cli area-add --key ips-team --name NAME”.");
  /* All or nothing, as always */
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM team"), ==, 0);
  g_clear_error (&error);
  sf_import_result_clear (&result);

  add_area (fixture, "ips-team", "IPS", NAN, NAN, NULL);
  g_assert_false (sf_import_roster (fixture->store, no_norm, &result, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_cmpstr (g_ptr_array_index (result.problems, 0), ==,
                   "Line 2: the team “IPS-teamet” is in the own case area “IPS”, which has no range: give "
                   "the team a norm in the column “team_norm”, or the area a range.");
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT count(*) FROM team"), ==, 0);
  g_clear_error (&error);
  sf_import_result_clear (&result);

  g_assert_true (sf_import_roster (fixture->store, with_norm, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sf_test_query_int (fixture->store, "SELECT cap FROM team WHERE name = 'IPS-teamet'"), ==, 24);
  sf_import_result_clear (&result);
  /* Once the team has its cap, later files need not repeat it */
  g_assert_true (sf_import_roster (fixture->store, no_norm, &result, &error));
  g_assert_no_error (error);
}

/* The references ship as data with their source, every role translatable. */
static void
test_references (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfReferences) references = sf_references_load_default (&error);
  const char *expected[] = {
    "JobFirst: 33 on average per mentor and company consultant in one",
    "IPS: at most 25 per consultant",
    "Håndholdt indsats i ressourceforløb: at most 35 per coordinating caseworker",
    "Bedre Ressourceforløb: 28 on average per mentor",
    "Bedre Ressourceforløb: 35 on average per company consultant",
    "Bedre Ressourceforløb: 50 on average per caseworker",
    "Supported Employment (Norway): 12–20 per job specialist, 17–18 on average",
  };

  g_assert_no_error (error);
  g_assert_cmpstr (references->source, ==, "Viden om begrænsede sagsstammer");
  g_assert_cmpstr (references->section, ==, "Eksempler på sagsstammer i andre projekter");
  g_assert_cmpuint (references->references->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < references->references->len; i++)
    {
      const SfReference *reference = &g_array_index (references->references, SfReference, i);
      g_autofree char *text = sf_reference_format (reference);

      g_assert_cmpstr (text, ==, expected[i]);
      g_assert_true (sf_reference_text_is_marked (reference->role));
      g_assert_true (reference->note == NULL || sf_reference_text_is_marked (reference->note));
    }
  {
    g_autofree char *ips = sf_reference_format_with_source (&g_array_index (references->references, SfReference, 1),
                                                            references->source);

    g_assert_cmpstr (ips, ==, "IPS: at most 25 per consultant — Viden om begrænsede sagsstammer");
  }

  /* A malformed file is refused, not half read */
  {
    g_autoptr(GBytes) bad = sf_test_bytes ("{\"source\": \"x\", \"references\": [{\"key\": \"a\", \"project\": \"A\","
                                           " \"role\": \"mentor\", \"kind\": \"at-most\"}]}");
    g_autoptr(SfReferences) none = sf_references_load_bytes (bad, &error);

    g_assert_null (none);
    g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  }
}

/* Run last: it switches the process to Danish. */
static void
test_references_danish (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfReferences) references = NULL;
  g_autofree char *ips = NULL;
  g_autofree char *se = NULL;
  g_autofree char *jobfirst = NULL;
  SfArea own = { .custom = TRUE, .own_low = 20, .own_high = 25 };
  g_autofree char *range = NULL;

  /* As a Danish user has it (LANGUAGE alone is ignored under C.UTF-8 by
   * Debian 13's glibc) */
  if (!sf_test_have_danish_locale ())
    {
      g_test_skip ("the da_DK.UTF-8 locale is missing (build-aux/test generates it with locale-gen)");
      return;
    }
  g_setenv ("LANGUAGE", "da", TRUE);
  g_setenv ("LC_ALL", "da_DK.UTF-8", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SF_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  references = sf_references_load_default (&error);
  g_assert_no_error (error);
  ips = sf_reference_format_with_source (&g_array_index (references->references, SfReference, 1), references->source);
  jobfirst = sf_reference_format (&g_array_index (references->references, SfReference, 0));
  se = sf_reference_format (&g_array_index (references->references, SfReference, 6));
  g_assert_cmpstr (ips, ==, "IPS: højst 25 pr. konsulent — Viden om begrænsede sagsstammer");
  g_assert_cmpstr (jobfirst, ==, "JobFirst: 33 i gennemsnit pr. mentor og virksomhedskonsulent i én");
  g_assert_cmpstr (se, ==, "Supported Employment (Norge): 12–20 pr. jobspecialist, 17–18 i gennemsnit");
  range = sf_area_describe_range (&own);
  g_assert_cmpstr (range, ==, "eget interval 20–25 (organisationens, ikke DS')");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/areas/keys", test_keys);
  g_test_add ("/areas/with-range", Fixture, NULL, fixture_set_up, test_with_range, fixture_tear_down);
  g_test_add ("/areas/without-range", Fixture, NULL, fixture_set_up, test_without_range, fixture_tear_down);
  g_test_add ("/areas/checks-and-audit", Fixture, NULL, fixture_set_up, test_checks_and_audit, fixture_tear_down);
  g_test_add ("/areas/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add_func ("/areas/references", test_references);
  g_test_add_func ("/areas/references-danish", test_references_danish);

  return g_test_run ();
}
