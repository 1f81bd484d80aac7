#include "sf-privacy.h"

typedef struct
{
  const char *text;
  gboolean    cpr;
} Case;

static void
check_cases (const Case *cases,
             gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      gboolean got = sf_privacy_looks_like_cpr (cases[i].text);

      if (got != cases[i].cpr)
        g_error ("sf_privacy_looks_like_cpr (“%s”) returned %s, expected %s",
                 cases[i].text, got ? "TRUE" : "FALSE", cases[i].cpr ? "TRUE" : "FALSE");
    }
}

static void
test_privacy_examples (void)
{
  static const Case cases[] = {
    { "010190-1234", TRUE },
    { "0101901234", TRUE },
    { "SAG-2024-0101901234", TRUE },
    { "3102901234", FALSE },        /* 31 February */
    { "1234567890", FALSE },        /* month 34 */
    { "12345678901", FALSE },       /* eleven digits */
    { "2024-00123", FALSE },
    { "SAG-123456", FALSE },
    { "", FALSE },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
  g_assert_false (sf_privacy_looks_like_cpr (NULL));
}

static void
test_privacy_hyphen_form (void)
{
  static const Case cases[] = {
    { "Borger 010190-1234 ringede", TRUE },
    { "x010190-1234y", TRUE },
    { "SAG-010190-1234", TRUE },
    { "010190-1234-5", TRUE },       /* the four digits stand alone */
    { "ÆØÅ 311299-0000", TRUE },
    { "1010101-12345", FALSE },      /* seven digits, five digits */
    { "1010101-1234", FALSE },       /* seven digits before the hyphen */
    { "010190-12345", FALSE },       /* five digits after the hyphen */
    { "010190-123", FALSE },
    { "010190-", FALSE },
    { "010190-12", FALSE },
    { "010190", FALSE },
    { "01019-01234", FALSE },
    { "010190----1234", FALSE },     /* more than three separators */
    { "01019-01234", FALSE },
    { "320190-1234", FALSE },        /* day 32 */
    { "000190-1234", FALSE },        /* day 0 */
    { "010090-1234", FALSE },        /* month 0 */
    { "011390-1234", FALSE },        /* month 13 */
    { "2024-01-01", FALSE },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* What people write instead of the hyphen, and the digits they type. */
static void
test_privacy_variants (void)
{
  static const Case cases[] = {
    { "010190 1234", TRUE },
    { "010190.1234", TRUE },
    { "010190/1234", TRUE },
    { "010190_1234", TRUE },
    { "010190,1234", TRUE },
    { "010190\u2013" "1234", TRUE },          /* en dash */
    { "010190\u2014" "1234", TRUE },          /* em dash */
    { "010190\u2212" "1234", TRUE },          /* minus sign */
    { "010190\u2011" "1234", TRUE },          /* non-breaking hyphen */
    { "010190\u00a0" "1234", TRUE },          /* no-break space */
    { "010190 - 1234", TRUE },
    { "010190--1234", TRUE },
    { "01.01.90-1234", TRUE },
    { "01.01.90 1234", TRUE },
    { "01-01-90-1234", TRUE },
    { "01/01/90/1234", TRUE },
    { "01.01.901234", TRUE },
    { "Borger 01.01.90-1234 ringede", TRUE },
    /* Full-width digits and separators */
    { "\uff10\uff11\uff10\uff11\uff19\uff10-\uff11\uff12\uff13\uff14", TRUE },
    { "\uff10\uff11\uff10\uff11\uff19\uff10\uff11\uff12\uff13\uff14", TRUE },
    { "010190\uff0d" "1234", TRUE },
    /* Invisible characters do not hide one */
    { "0101\u200b" "901234", TRUE },
    { "010190\u00ad-1234", TRUE },
    { "\ufeff" "0101901234", TRUE },
    /* Real case numbers and what is not a date stay allowed */
    { "27.12.51-G01-232-26", FALSE },
    { "320190-1234", FALSE },
    { "32.01.90-1234", FALSE },
    { "01.13.90-1234", FALSE },
    { "01.01.1990-1234", FALSE },
    { "01.01.90 12345", FALSE },
    { "1.1.90-1234", FALSE },
    { "2024-00123", FALSE },
    { "Møde 01.02.24 kl. 10:30", FALSE },
    { "010190 123", FALSE },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_privacy_ten_digits (void)
{
  static const Case cases[] = {
    { "a0101901234", TRUE },
    { "0101901234b", TRUE },
    { "Sag 12345678901 og 0101901234", TRUE },   /* the second run counts */
    { "0101901234 12345678901", TRUE },
    { "01019012345", FALSE },       /* eleven */
    { "00101901234", FALSE },       /* eleven, leading zero */
    { "101901234", FALSE },         /* nine */
    { "01234567890123456789", FALSE },
    { "0000000000", FALSE },
    { "9999999999", FALSE },
    { "0113901234", FALSE },        /* month 13 */
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_privacy_dates (void)
{
  static const Case cases[] = {
    /* Days in each month. */
    { "310190-1234", TRUE },
    { "280290-1234", TRUE },
    { "290290-1234", FALSE },       /* 1990 is not a leap year */
    { "300290-1234", FALSE },
    { "310390-1234", TRUE },
    { "300490-1234", TRUE },
    { "310490-1234", FALSE },
    { "310590-1234", TRUE },
    { "310690-1234", FALSE },
    { "310790-1234", TRUE },
    { "310890-1234", TRUE },
    { "310990-1234", FALSE },
    { "311090-1234", TRUE },
    { "311190-1234", FALSE },
    { "311290-1234", TRUE },
    { "321290-1234", FALSE },
    { "3112991234", TRUE },
    { "3111991234", FALSE },
    { "3212991234", FALSE },
    /* 29 February in years divisible by four, 00 included. */
    { "290200-1234", TRUE },
    { "2902001234", TRUE },
    { "290204-1234", TRUE },
    { "290296-1234", TRUE },
    { "290201-1234", FALSE },
    { "2902991234", FALSE },
    { "300200-1234", FALSE },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Any bytes, cut anywhere: nothing read past the end (run under ASan). */
static void
test_privacy_truncated (void)
{
  static const char text[] = "SAG-2024-0101901234 / 010190-1234 \xC3\xA6\xFF";

  for (gsize len = 0; len <= sizeof text - 1; len++)
    {
      g_autofree char *cut = g_strndup (text, len);
      gboolean expected = len >= 19;

      g_assert_cmpint (sf_privacy_looks_like_cpr (cut), ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/privacy/examples", test_privacy_examples);
  g_test_add_func ("/privacy/hyphen-form", test_privacy_hyphen_form);
  g_test_add_func ("/privacy/ten-digits", test_privacy_ten_digits);
  g_test_add_func ("/privacy/variants", test_privacy_variants);
  g_test_add_func ("/privacy/dates", test_privacy_dates);
  g_test_add_func ("/privacy/truncated", test_privacy_truncated);

  return g_test_run ();
}
