/* Absurd input gets a clear error, quickly, and changes nothing. */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sf-core.h"
#include "sf-test-util.h"

typedef struct
{
  char    *dir;
  SfStore *store;
  gint64   cases;
} Fixture;

static void
setup (Fixture       *fx,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->store = sf_test_open_store (&fx->dir);
  g_assert_true (sf_demo_populate (fx->store, sf_day_new (2026, 1, 15), &error));
  fx->cases = sf_store_count (fx->store, "casefile");
}

static void
teardown (Fixture       *fx,
          gconstpointer  data)
{
  g_assert_cmpint (sf_store_count (fx->store, "casefile"), ==, fx->cases);
  g_clear_object (&fx->store);
  g_free (fx->dir);
}

static void
assert_refused (Fixture    *fx,
                GBytes     *bytes,
                gboolean    cases,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_auto(SfImportResult) result = { 0 };
  gboolean ok = cases ? sf_import_cases (fx->store, bytes, &result, &error)
                      : sf_import_roster (fx->store, bytes, &result, &error);

  g_assert_false (ok);
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_year_9999 (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GBytes) far = sf_test_bytes ("sagsnummer;initialer;kompleksitet;startdato\nL-1;AKJ;enkel;31-12-9999\n");
  g_autoptr(GBytes) old = sf_test_bytes ("sagsnummer;initialer;kompleksitet;lukket\nL-1;AKJ;enkel;0001-01-01\n");

  assert_refused (fx, far, TRUE, "Line 2: the start date “31-12-9999” is not a plausible date");
  assert_refused (fx, old, TRUE, "Line 2: the close date “0001-01-01” is not a plausible date");
}

static void
test_negative_and_huge_numbers (Fixture       *fx,
                                gconstpointer  data)
{
  g_autoptr(GBytes) negative = sf_test_bytes ("team;initialer;navn;timer\nSygedagpenge;PMK;Pia;-5\n");
  g_autoptr(GBytes) huge = sf_test_bytes ("team;initialer;navn;individuel_faktor\nSygedagpenge;PMK;Pia;1e308\n");

  assert_refused (fx, negative, FALSE, "Line 2:");
  assert_refused (fx, huge, FALSE, "Line 2:");
}

static void
test_long_field (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("sagsnummer;initialer;kompleksitet\nL-1;AKJ;");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 100 * 1024; i++)
    g_string_append_c (text, 'a');
  g_string_append_c (text, '\n');
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  assert_refused (fx, bytes, TRUE, "Line 2: a field is longer than");
}

static void
test_too_many_rows (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("sagsnummer;initialer;kompleksitet\n");
  g_autoptr(GBytes) bytes = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i <= 1000000; i++)
    g_string_append_printf (text, "R%u;AKJ;enkel\n", i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  assert_refused (fx, bytes, TRUE, "more than 1000000 rows");
  g_test_message ("refused in %.2f s", (g_get_monotonic_time () - start) / 1e6);
}

static void
test_two_gigabytes (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "huge.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(SfImportResult) result = { 0 };
  int fd = g_open (path, O_RDWR | O_CREAT, 0600);

  /* A sparse file: 2 GiB on paper, nothing on disk. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 2 * 1024 * 1024 * 1024), ==, 0);
  close (fd);
  g_assert_false (sf_import_file (fx->store, file, TRUE, &result, &error));
  g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "too large"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/limits/year-9999", test_year_9999);
  ADD ("/limits/negative-and-huge-numbers", test_negative_and_huge_numbers);
  ADD ("/limits/long-field", test_long_field);
  ADD ("/limits/too-many-rows", test_too_many_rows);
  ADD ("/limits/two-gigabytes", test_two_gigabytes);
#undef ADD
  return g_test_run ();
}
