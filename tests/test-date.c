#include "sf-core.h"
#include "sf-test-util.h"

static void
assert_iso (SfDay       d,
            const char *expected)
{
  g_autofree char *iso = sf_day_to_iso (d);

  g_assert_cmpstr (iso, ==, expected);
}

static void
test_parse_forms (void)
{
  assert_iso (sf_test_day ("2024-03-01"), "2024-03-01");
  assert_iso (sf_test_day ("01-03-2024"), "2024-03-01");
  assert_iso (sf_test_day ("1-3-2024"), "2024-03-01");
  assert_iso (sf_test_day ("01.03.2024"), "2024-03-01");
  assert_iso (sf_test_day ("01/03/2024"), "2024-03-01");
  assert_iso (sf_test_day (" 2024-02-29 "), "2024-02-29");
  assert_iso (sf_test_day ("31-12-9999"), "9999-12-31");
}

static void
test_parse_refuses (void)
{
  const char *bad[] = {
    "", " ", "2024", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31",
    "32-01-2024", "01-03-24", "2024/03/01", "2024-3-1x", "01-03.2024", "abc",
    "01-03-2024-", "0000-01-01", "2024-01-01T00:00", "1.2.3.4",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      SfDay d = 42;

      g_test_message ("%s", bad[i]);
      g_assert_false (sf_day_parse (bad[i], &d));
      g_assert_cmpuint (d, ==, 42);
    }
  g_assert_false (sf_day_parse (NULL, &(SfDay) { 0 }));
}

static void
test_add_months (void)
{
  assert_iso (sf_day_add_months (sf_test_day ("2024-03-15"), 6), "2024-09-15");
  /* Calendar months clamp to the end of a shorter month. */
  assert_iso (sf_day_add_months (sf_test_day ("2024-08-31"), 6), "2025-02-28");
  assert_iso (sf_day_add_months (sf_test_day ("2023-08-31"), 6), "2024-02-29");
  assert_iso (sf_day_add_months (sf_test_day ("2024-12-31"), 6), "2025-06-30");
  assert_iso (sf_day_add_months (sf_test_day ("2024-07-01"), 6), "2025-01-01");
}

static void
test_in_range (void)
{
  SfDay d = sf_test_day ("2024-05-10");

  g_assert_true (sf_day_in_range (d, SF_DAY_NONE, SF_DAY_NONE));
  g_assert_true (sf_day_in_range (d, d, d));
  g_assert_false (sf_day_in_range (d, d + 1, SF_DAY_NONE));
  g_assert_false (sf_day_in_range (d, SF_DAY_NONE, d - 1));
}

/* sf_day_new computes GDate's Julian day itself (it is on the hot path of
 * loading); it must agree with GDate on every date it accepts. */
static void
test_julian_matches_gdate (void)
{
  for (int y = 1; y <= 9999; y++)
    for (int m = 1; m <= 12; m++)
      for (int d = 1; d <= g_date_get_days_in_month (m, y); d++)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, d, m, y);
          if (g_date_get_julian (&date) != sf_day_new (y, m, d))
            g_error ("%04d-%02d-%02d: GDate %u, sf_day_new %u", y, m, d,
                     g_date_get_julian (&date), sf_day_new (y, m, d));
        }
  g_assert_cmpuint (sf_day_new (2023, 2, 29), ==, SF_DAY_NONE);
  g_assert_cmpuint (sf_day_new (10000, 1, 1), ==, SF_DAY_NONE);
}

static void
test_format_untranslated (void)
{
  g_autofree char *text = sf_day_format (sf_test_day ("2024-03-01"));

  /* Without a translation the date is ISO; Danish makes it 01.03.2024. */
  g_assert_cmpstr (text, ==, "2024-03-01");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/parse-forms", test_parse_forms);
  g_test_add_func ("/date/parse-refuses", test_parse_refuses);
  g_test_add_func ("/date/add-months", test_add_months);
  g_test_add_func ("/date/in-range", test_in_range);
  g_test_add_func ("/date/julian-matches-gdate", test_julian_matches_gdate);
  g_test_add_func ("/date/format", test_format_untranslated);
  return g_test_run ();
}
