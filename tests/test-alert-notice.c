/* What the GUI says about alerts: "since" texts at each boundary, the tab's
 * count, the start-up notice's decision, and the checks of an
 * acknowledgement.  Dates worked out by hand. */

#include <string.h>

#include "sf-core.h"
#include "sf-test-util.h"

static char *
since_text (SfAlertKind  kind,
            const char  *since,
            const char  *ref)
{
  SfAlert alert = { .kind = kind, .since = since ? sf_test_day (since) : SF_DAY_NONE };

  return sf_alert_describe_since (&alert, sf_test_day (ref));
}

static void
assert_since (SfAlertKind  kind,
              const char  *since,
              const char  *ref,
              const char  *expected)
{
  g_autofree char *text = since_text (kind, since, ref);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_since (void)
{
  /* 15 June 2024 is the reference date throughout. */
  assert_since (SF_ALERT_OVER_NORM, "2024-06-15", "2024-06-15", "Over norm since today");
  assert_since (SF_ALERT_OVER_NORM, "2024-06-14", "2024-06-15", "Over norm for 1 day");
  /* 2 → 15 June: 13 days, still counted in days */
  assert_since (SF_ALERT_OVER_NORM, "2024-06-02", "2024-06-15", "Over norm for 13 days");
  /* 1 → 15 June: 14 days = 2 weeks */
  assert_since (SF_ALERT_OVER_NORM, "2024-06-01", "2024-06-15", "Over norm for 2 weeks");
  /* 11 May → 15 June: 20 + 15 = 35 days = 5 weeks; 10 May: 36 days, still 5 */
  assert_since (SF_ALERT_OVER_NORM, "2024-05-11", "2024-06-15", "Over norm for 5 weeks");
  assert_since (SF_ALERT_OVER_NORM, "2024-05-10", "2024-06-15", "Over norm for 5 weeks");
  /* Across a year's end: 1 Dec 2023 → 15 Jan 2024 = 30 + 15 = 45 days = 6 weeks */
  assert_since (SF_ALERT_NO_CAPACITY, "2023-12-01", "2024-01-15", "Over norm for 6 weeks");
  assert_since (SF_ALERT_NEAR_NORM, "2024-06-12", "2024-06-15", "Near norm for 3 days");
  assert_since (SF_ALERT_NEAR_NORM, "2024-06-15", "2024-06-15", "Near norm since today");
  assert_since (SF_ALERT_UNCOVERED_CASES, "2024-05-25", "2024-06-15", "Cases uncovered for 3 weeks");
  assert_since (SF_ALERT_UNCOVERED_CASES, "2024-06-14", "2024-06-15", "Cases uncovered for 1 day");

  /* Unknown, in the future, or a kind history does not follow: nothing */
  assert_since (SF_ALERT_OVER_NORM, NULL, "2024-06-15", NULL);
  assert_since (SF_ALERT_OVER_NORM, "2024-06-16", "2024-06-15", NULL);
  assert_since (SF_ALERT_TEAM_OVER_DS_RANGE, "2024-06-01", "2024-06-15", NULL);
}

static SfAlert *
alert_new (SfAlertKind kind,
           SfSeverity  severity,
           gboolean    acknowledged)
{
  SfAlert *alert = g_new0 (SfAlert, 1);

  alert->kind = kind;
  alert->severity = severity;
  alert->acknowledged = acknowledged;
  alert->subject = g_strdup ("AB");
  alert->team_name = g_strdup ("Familie");
  return alert;
}

static void
test_count (void)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_alert_free);

  g_assert_cmpuint (sf_alerts_count_unacknowledged (alerts), ==, 0);
  g_ptr_array_add (alerts, alert_new (SF_ALERT_OVER_NORM, SF_SEVERITY_ERROR, FALSE));
  g_ptr_array_add (alerts, alert_new (SF_ALERT_NEAR_NORM, SF_SEVERITY_WARNING, FALSE));
  g_ptr_array_add (alerts, alert_new (SF_ALERT_UNCOVERED_CASES, SF_SEVERITY_ERROR, TRUE));
  g_ptr_array_add (alerts, alert_new (SF_ALERT_TEAM_OVER_DS_RANGE, SF_SEVERITY_WARNING, TRUE));
  /* Errors and warnings count; acknowledged ones do not */
  g_assert_cmpuint (sf_alerts_count_unacknowledged (alerts), ==, 2);
}

static void
test_notice (void)
{
  const char * const none[] = { NULL };
  const char * const two[] = { "over-norm:1:3", "uncovered-cases:2:0", NULL };
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_assert_false (sf_alerts_new_errors_notice (NULL, &title, &body));
  g_assert_null (title);
  g_assert_false (sf_alerts_new_errors_notice (none, &title, &body));
  g_assert_null (body);

  g_assert_true (sf_alerts_new_errors_notice (two, &title, &body));
  g_assert_cmpstr (title, ==, "2 New Caseload Errors");
  g_assert_nonnull (strstr (body, "Alerts page"));
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);

  g_assert_true (sf_alerts_new_errors_notice (two + 1, &title, &body));
  g_assert_cmpstr (title, ==, "1 New Caseload Error");
}

/* The decision at start-up, through the store: the demo's unacknowledged
 * errors are new the first time, then not; acknowledging one removes it
 * from what is recorded, so it is new again when the acknowledgement goes. */
static void
test_notice_from_store (void)
{
  g_autofree char *dir = sf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "n.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SfStore) store = sf_store_open (path, &error);
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfFigures) figures = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) acked = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;
  g_auto(GStrv) third = NULL;
  g_auto(GStrv) fourth = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  SfDay today = sf_test_day ("2024-06-15");
  const SfAlert *error_alert = NULL;
  guint errors;

  g_assert_no_error (error);
  g_assert_true (sf_demo_populate (store, today, &error));
  g_assert_no_error (error);
  figures = sf_figures_load (store, today, &dataset, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figures);
  g_assert_cmpuint (figures->workers->len, ==, dataset->caseworkers->len);
  g_assert_cmpuint (figures->workers->len, >, 0);

  alerts = sf_alerts_evaluate_stored (store, figures, &error);
  g_assert_no_error (error);
  errors = sf_alerts_count_active (alerts, SF_SEVERITY_ERROR);
  g_assert_cmpuint (errors, >=, 1);

  first = sf_alerts_take_new_errors (store, "gui", alerts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (first), ==, errors);
  g_assert_true (sf_alerts_new_errors_notice ((const char * const *) first, &title, &body));
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);

  second = sf_alerts_take_new_errors (store, "gui", alerts, &error);
  g_assert_cmpuint (g_strv_length (second), ==, 0);
  g_assert_false (sf_alerts_new_errors_notice ((const char * const *) second, &title, &body));

  for (guint i = 0; i < alerts->len && error_alert == NULL; i++)
    if (((SfAlert *) g_ptr_array_index (alerts, i))->severity == SF_SEVERITY_ERROR)
      error_alert = g_ptr_array_index (alerts, i);
  g_assert_true (sf_alert_acknowledge (store, error_alert, "Handled at the team meeting",
                                       sf_test_day ("2024-06-20"), &error));
  acked = sf_alerts_evaluate_stored (store, figures, &error);
  third = sf_alerts_take_new_errors (store, "gui", acked, &error);
  g_assert_cmpuint (g_strv_length (third), ==, 0);

  /* Un-acknowledged: it is an unacknowledged error the last start did not see */
  g_assert_true (sf_alert_unacknowledge (store, error_alert, &error));
  back = sf_alerts_evaluate_stored (store, figures, &error);
  fourth = sf_alerts_take_new_errors (store, "gui", back, &error);
  g_assert_cmpuint (g_strv_length (fourth), ==, 1);
}

static void
assert_ack_refused (const char *note,
                    const char *date,
                    const char *message_part)
{
  g_autoptr(GError) error = NULL;
  SfDay expires = 42;

  g_assert_false (sf_alert_ack_check (note, date, sf_test_day ("2024-06-15"), &expires, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpuint (expires, ==, 42);
}

static void
test_ack_check (void)
{
  g_autoptr(GError) error = NULL;
  SfDay expires = SF_DAY_NONE;

  /* 15 June + 14 days = 29 June */
  g_assert_cmpuint (sf_alert_ack_default_expiry (sf_test_day ("2024-06-15")), ==, sf_test_day ("2024-06-29"));
  /* 20 December + 14 = 3 January the next year */
  g_assert_cmpuint (sf_alert_ack_default_expiry (sf_test_day ("2024-12-20")), ==, sf_test_day ("2025-01-03"));

  assert_ack_refused ("", "29.06.2024", "Write a note");
  assert_ack_refused (" \t ", "29.06.2024", "Write a note");
  assert_ack_refused (NULL, "29.06.2024", "Write a note");
  assert_ack_refused ("Sick leave ends soon", "", "Give the date");
  assert_ack_refused ("Sick leave ends soon", "31.02.2024", "not a date");
  assert_ack_refused ("Sick leave ends soon", "next week", "not a date");
  assert_ack_refused ("Sick leave ends soon", "15.06.2024", "after today");
  assert_ack_refused ("Sick leave ends soon", "14.06.2024", "after today");

  g_assert_true (sf_alert_ack_check ("Sick leave ends soon", " 16.06.2024 ", sf_test_day ("2024-06-15"), &expires, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (expires, ==, sf_test_day ("2024-06-16"));
  g_assert_true (sf_alert_ack_check ("x", "2024-06-29", sf_test_day ("2024-06-15"), &expires, &error));
  g_assert_cmpuint (expires, ==, sf_test_day ("2024-06-29"));
}

static void
test_copy (void)
{
  g_autoptr(SfAlert) alert = alert_new (SF_ALERT_OVER_NORM, SF_SEVERITY_ERROR, FALSE);
  g_autoptr(SfAlert) copy = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  alert->team_id = 2;
  alert->caseworker_id = 7;
  alert->value = 1.25;
  copy = sf_alert_copy (alert);
  g_clear_pointer (&alert->subject, g_free);
  alert->subject = g_strdup ("XX");

  g_assert_cmpstr (copy->subject, ==, "AB");
  g_assert_cmpfloat (copy->value, ==, 1.25);
  alert->subject[0] = 'A';
  alert->subject[1] = 'B';
  a = sf_alert_identity (alert);
  b = sf_alert_identity (copy);
  g_assert_cmpstr (a, ==, "over-norm:2:7");
  g_assert_cmpstr (b, ==, a);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/alert-notice/since", test_since);
  g_test_add_func ("/alert-notice/count", test_count);
  g_test_add_func ("/alert-notice/notice", test_notice);
  g_test_add_func ("/alert-notice/notice-from-store", test_notice_from_store);
  g_test_add_func ("/alert-notice/ack-check", test_ack_check);
  g_test_add_func ("/alert-notice/copy", test_copy);
  return g_test_run ();
}
