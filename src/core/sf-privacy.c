#include "sf-privacy.h"

static int
two_digits (const char *s)
{
  return (s[0] - '0') * 10 + (s[1] - '0');
}

/* @s points at six digits ddmmyy.  29 February is accepted in every year
 * divisible by four (yy = 00 is 2000, a leap year). */
static gboolean
is_cpr_date (const char *s)
{
  static const int days_in_month[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int day = two_digits (s);
  int month = two_digits (s + 2);
  int year = two_digits (s + 4);

  if (month < 1 || month > 12 || day < 1)
    return FALSE;
  if (month == 2 && day == 29)
    return year % 4 == 0;
  return day <= days_in_month[month - 1];
}

static gsize
digit_run (const char *s)
{
  gsize n = 0;

  while (g_ascii_isdigit (s[n]))
    n++;
  return n;
}

/* Looks for ddmmyy-xxxx or ten digits in a row whose first six form a valid
 * date.  Digit runs are taken whole, so eleven digits in a row or seven
 * digits before the hyphen do not count. */
gboolean
sf_privacy_looks_like_cpr (const char *text)
{
  const char *p;

  if (text == NULL)
    return FALSE;

  p = text;
  while (*p != '\0')
    {
      gsize run = digit_run (p);

      if (run == 0)
        {
          p++;
          continue;
        }

      if (run == 10 && is_cpr_date (p))
        return TRUE;
      if (run == 6 && p[6] == '-' && digit_run (p + 7) == 4 && is_cpr_date (p))
        return TRUE;

      p += run;
    }

  return FALSE;
}
