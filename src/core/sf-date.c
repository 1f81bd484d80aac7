#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sf-date.h"

SfDay
sf_day_new (int year,
            int month,
            int day)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
    return SF_DAY_NONE;
  if (day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    return SF_DAY_NONE;

  /* GDate's Julian day (1 January of year 1 is day 1), computed directly:
   * loading 100,000 cases converts 200,000 dates.  Days from the civil
   * date after H. Hinnant's algorithm, shifted to GDate's origin. */
  {
    int y = year - (month <= 2);
    int era = y / 400;
    int yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

    return (SfDay) (era * 146097 + doe - 305);
  }
}

SfDay
sf_day_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return sf_day_new (g_date_time_get_year (now),
                     g_date_time_get_month (now),
                     g_date_time_get_day_of_month (now));
}

static gboolean
parse_digits (const char *text,
              gsize       len,
              int        *out)
{
  int value = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Accepts the forms Danish offices write: 2024-03-01, 01-03-2024, 01.03.2024
 * and 01/03/2024 (day first), with one-digit day and month allowed in the
 * day-first forms.  Surrounding white space is ignored. */
gboolean
sf_day_parse (const char *text,
              SfDay      *out_day)
{
  g_autofree char *copy = NULL;
  char *s;
  gsize len;
  int y, m, d;
  SfDay day;

  g_return_val_if_fail (out_day != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  /* The form the store writes, without copying: the hot path of loading. */
  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-' &&
      parse_digits (text, 4, &y) && parse_digits (text + 5, 2, &m) && parse_digits (text + 8, 2, &d))
    {
      day = sf_day_new (y, m, d);
      if (day == SF_DAY_NONE)
        return FALSE;
      *out_day = day;
      return TRUE;
    }

  copy = g_strstrip (g_strdup (text));
  s = copy;
  len = strlen (s);

  if (len == 10 && s[4] == '-' && s[7] == '-')
    {
      if (!parse_digits (s, 4, &y) || !parse_digits (s + 5, 2, &m) || !parse_digits (s + 8, 2, &d))
        return FALSE;
    }
  else
    {
      char sep;
      char *first, *second;

      first = strpbrk (s, "-./");
      if (first == NULL)
        return FALSE;
      sep = *first;
      second = strchr (first + 1, sep);
      if (second == NULL || strchr (second + 1, sep) != NULL)
        return FALSE;
      if (first - s < 1 || first - s > 2 || second - first - 1 < 1 || second - first - 1 > 2)
        return FALSE;
      if (strlen (second + 1) != 4)
        return FALSE;
      if (!parse_digits (s, first - s, &d) ||
          !parse_digits (first + 1, second - first - 1, &m) ||
          !parse_digits (second + 1, 4, &y))
        return FALSE;
    }

  day = sf_day_new (y, m, d);
  if (day == SF_DAY_NONE)
    return FALSE;

  *out_day = day;
  return TRUE;
}

/* Calendar months: 31 August + 6 months is the last day of February. */
SfDay
sf_day_add_months (SfDay day,
                   guint months)
{
  int y, m, d, index;
  static const int days_in[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (day != SF_DAY_NONE, SF_DAY_NONE);

  /* As g_date_add_months(), by arithmetic: the trend and the forecast ask
   * this for every caseworker at every point.  The 31st becomes the last
   * day of a shorter month. */
  sf_day_get_ymd (day, &y, &m, &d);
  index = y * 12 + (m - 1) + (int) months;
  y = index / 12;
  m = index % 12 + 1;
  if (d > days_in[m - 1])
    d = (m == 2 && g_date_is_leap_year ((GDateYear) y)) ? 29 : days_in[m - 1];
  return sf_day_new (y, m, d);
}

SfDay
sf_day_month_start (SfDay day,
                    int   months)
{
  int y, m, index;

  g_return_val_if_fail (day != SF_DAY_NONE, SF_DAY_NONE);

  sf_day_get_ymd (day, &y, &m, NULL);
  index = y * 12 + (m - 1) + months;
  return sf_day_new (index / 12, index % 12 + 1, 1);
}

void
sf_day_get_ymd (SfDay  day,
                int   *year,
                int   *month,
                int   *dom)
{
  int z, era, doe, yoe, doy, mp, d, m, y;

  g_return_if_fail (day != SF_DAY_NONE);

  /* The inverse of sf_day_new(): H. Hinnant's civil date from days, on
   * GDate's Julian day (1 January of year 1 is day 1). */
  z = (int) day + 305;
  era = z / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = yoe + era * 400 + (m <= 2);
  if (year)
    *year = y;
  if (month)
    *month = m;
  if (dom)
    *dom = d;
}

char *
sf_day_to_iso (SfDay day)
{
  int y, m, d;

  if (day == SF_DAY_NONE)
    return NULL;
  sf_day_get_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* The date as the user's locale writes it: 01.03.2024 in Danish. */
char *
sf_day_format (SfDay day)
{
  int y, m, d;

  if (day == SF_DAY_NONE)
    return g_strdup ("");
  sf_day_get_ymd (day, &y, &m, &d);
  /* Translators: a date as year, month, day (%1$, %2$, %3$).  Reorder for
   * your language; Danish writes %3$02d.%2$02d.%1$04d. */
  return g_strdup_printf (_("%1$04d-%2$02d-%3$02d"), y, m, d);
}

gboolean
sf_day_in_range (SfDay day,
                 SfDay from,
                 SfDay to)
{
  if (from != SF_DAY_NONE && day < from)
    return FALSE;
  if (to != SF_DAY_NONE && day > to)
    return FALSE;
  return TRUE;
}
