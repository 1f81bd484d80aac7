#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sf-error.h"
#include "sf-privacy.h"

/* The text reduced to what a CPR number is made of: digits (0–9), the
 * separators people put between its parts (SEP) and anything else (OTHER).
 * Digits of any script count (full-width ０-９ too), and separators are
 * spaces, dashes of every kind, dots, slashes, underscores and commas, in
 * their full-width forms too.  Invisible format characters (zero-width
 * spaces, soft hyphens, BOMs) are dropped, so they cannot hide a number. */
enum {
  SEP = -1,
  OTHER = -2,
};

static int
classify_separator (gunichar c)
{
  switch (c)
    {
    case ' ': case '-': case '.': case '/': case '\\': case '_': case ',':
    case 0x00A0:                               /* no-break space */
    case 0x2027:                               /* hyphenation point */
    case 0x2212:                               /* minus sign */
    case 0x3002: case 0xFF0E: case 0xFF61:     /* ideographic, full-width, half-width full stop */
    case 0xFF0C: case 0xFF0F: case 0xFF3C: case 0xFF3F:
      return SEP;
    default:
      break;
    }
  if (g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR ||
      g_unichar_isspace (c))
    return SEP;
  return OTHER;
}

static gsize
classify (const char *text,
          int        *codes)
{
  const char *p = text;
  gsize n = 0;

  while (*p != '\0')
    {
      guchar byte = (guchar) *p;
      gunichar c;
      int digit;

      if (byte < 0x80)
        {
          codes[n++] = g_ascii_isdigit (byte) ? byte - '0' : classify_separator (byte);
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          codes[n++] = OTHER;
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if (g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      digit = g_unichar_digit_value (c);
      codes[n++] = digit >= 0 ? digit : classify_separator (c);
    }
  return n;
}

/* ddmmyy from six digit values.  29 February is accepted in every year
 * divisible by four (yy = 00 is 2000, a leap year). */
static gboolean
is_cpr_date (const int *d)
{
  static const int days_in_month[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int day = d[0] * 10 + d[1];
  int month = d[2] * 10 + d[3];
  int year = d[4] * 10 + d[5];

  if (month < 1 || month > 12 || day < 1)
    return FALSE;
  if (month == 2 && day == 29)
    return year % 4 == 0;
  return day <= days_in_month[month - 1];
}

static gsize
digit_run (const int *codes,
           gsize      n,
           gsize      i)
{
  gsize run = 0;

  while (i + run < n && codes[i + run] >= 0)
    run++;
  return run;
}

/* One to three separators at @i, then exactly four digits. */
static gboolean
is_serial_after (const int *codes,
                 gsize      n,
                 gsize      i)
{
  gsize seps = 0;

  while (i + seps < n && codes[i + seps] == SEP && seps < 4)
    seps++;
  return seps >= 1 && seps <= 3 && digit_run (codes, n, i + seps) == 4;
}

static gboolean
looks_like_cpr_at (const int *codes,
                   gsize      n,
                   gsize      i,
                   gsize      run)
{
  int date[6];

  /* ddmmyyxxxx, or ddmmyy, separators, xxxx */
  if (run == 10 || run == 6)
    {
      for (guint k = 0; k < 6; k++)
        date[k] = codes[i + k];
      if (!is_cpr_date (date))
        return FALSE;
      return run == 10 || is_serial_after (codes, n, i + 6);
    }

  /* dd.mm.yy, then xxxx after separators or straight after the year */
  if (run == 2 && i + 6 < n && codes[i + 2] == SEP && digit_run (codes, n, i + 3) == 2 &&
      codes[i + 5] == SEP)
    {
      gsize last = digit_run (codes, n, i + 6);

      if (last != 2 && last != 6)
        return FALSE;
      date[0] = codes[i];
      date[1] = codes[i + 1];
      date[2] = codes[i + 3];
      date[3] = codes[i + 4];
      date[4] = codes[i + 6];
      date[5] = codes[i + 7];
      if (!is_cpr_date (date))
        return FALSE;
      return last == 6 || is_serial_after (codes, n, i + 8);
    }
  return FALSE;
}

/* Looks for a CPR number: ten digits in a row whose first six form a valid
 * date, or such six digits (also written dd.mm.yy, with any separator)
 * followed by one to three separators and four digits.  Digit runs are
 * taken whole, so eleven digits in a row or seven digits before the hyphen
 * do not count. */
gboolean
sf_privacy_looks_like_cpr (const char *text)
{
  int stack[256];
  g_autofree int *heap = NULL;
  int *codes = stack;
  gsize len, n;

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if (len > G_N_ELEMENTS (stack))
    codes = heap = g_new (int, len);
  n = classify (text, codes);

  for (gsize i = 0; i < n;)
    {
      gsize run = digit_run (codes, n, i);

      if (run == 0)
        {
          i++;
          continue;
        }
      if (looks_like_cpr_at (codes, n, i, run))
        return TRUE;
      i += run;
    }
  return FALSE;
}

/* @what is translated and starts a sentence, e.g. "The name". */
gboolean
sf_privacy_check_text (const char  *what,
                       const char  *text,
                       GError     **error)
{
  if (!sf_privacy_looks_like_cpr (text))
    return TRUE;
  g_set_error (error, SF_ERROR, SF_ERROR_PRIVACY,
               _("%s contains what looks like a CPR number. Sagsfordeling does not "
                 "store CPR numbers; remove it."), what);
  return FALSE;
}
