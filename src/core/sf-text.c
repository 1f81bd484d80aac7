#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sf-text.h"

static gboolean
is_separator (gunichar c)
{
  return c == '-' || c == '_' || g_unichar_isspace (c);
}

/* Whether @text (UTF-8) holds a control character: a line break, a tab, a
 * terminal's escape.  No name, initials or case number may: they are
 * shown on one line and written into CSV files and terminals. */
gboolean
sf_text_has_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Whether composing @text (Unicode NFC) may change it.  Only a character
 * that is a combining mark, one that decomposes to a single other character
 * (the Ångström sign U+212B to Å), or one beyond U+08FF (Hangul, and some
 * Indic vowel signs that compose though they are not marks) can be
 * composed with or into another.  Danish text, whose æ, ø and å are single
 * characters, has none of them.  test-csv's /text/compose checks this
 * against GLib's own tables for every character. */
gboolean
sf_text_may_change_when_composed (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c, a, b;

      if ((guchar) *p < 0x80)
        continue;
      c = g_utf8_get_char (p);
      if (c > 0x08FF || g_unichar_combining_class (c) != 0)
        return TRUE;
      if (g_unichar_decompose (c, &a, &b) && b == 0)
        return TRUE;
    }
  return FALSE;
}

/* @text (valid UTF-8) composed as Unicode NFC, so that "å" written as "a"
 * and a combining ring is the one character "å"; NULL when @text already
 * is (most text: it is then not copied). */
char *
sf_text_compose (const char *text)
{
  char *composed;

  if (!sf_text_may_change_when_composed (text))
    return NULL;
  composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (composed != NULL && strcmp (composed, text) == 0)
    g_clear_pointer (&composed, g_free);
  return composed;
}

/* What a search compares, for text and for what is typed alike: folded
 * case and compatibility forms ("ÆBLE", "æble" and "æble" match), as
 * GtkStringFilter does it, but done once per text instead of once per
 * text and keystroke. */
char *
sf_text_fold_for_search (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : valid, -1);
}

/* Lower-cases, spells æ ø å as ae oe aa, joins words with single '-' and
 * drops a trailing '.': "Særligt kompliceret" → "saerligt-kompliceret". */
char *
sf_text_normalize_key (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *composed = NULL;
  g_autofree char *lower = NULL;
  GString *key;
  gboolean pending_separator = FALSE;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  /* "å" may arrive decomposed (a + ring above) from some systems. */
  composed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  lower = g_utf8_strdown (composed != NULL ? composed : valid, -1);
  key = g_string_sized_new (strlen (lower));

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_separator (c))
        {
          pending_separator = TRUE;
          continue;
        }
      /* Separators at the start are dropped with the leading white space. */
      if (pending_separator && key->len > 0)
        g_string_append_c (key, '-');
      pending_separator = FALSE;

      switch (c)
        {
        case 0x00E6: /* æ */
          g_string_append (key, "ae");
          break;
        case 0x00F8: /* ø */
          g_string_append (key, "oe");
          break;
        case 0x00E5: /* å */
          g_string_append (key, "aa");
          break;
        default:
          g_string_append_unichar (key, c);
          break;
        }
    }

  /* Trailing separators are dropped with the trailing white space; then a
   * final full stop ("Nr.") and anything it leaves dangling. */
  while (key->len > 0 && key->str[key->len - 1] == '.')
    g_string_truncate (key, key->len - 1);
  while (key->len > 0 && key->str[key->len - 1] == '-')
    g_string_truncate (key, key->len - 1);

  return g_string_free (key, FALSE);
}

/* Accepts an optional sign, digits and at most one decimal separator (',' or
 * '.', not both) followed by at least one digit, with white space around.
 * No thousands separators, exponents, "inf" or "nan". */
gboolean
sf_text_parse_decimal (const char *text,
                       double     *out)
{
  g_autofree char *copy = NULL;
  const char *p;
  char *end = NULL;
  guint digits = 0;
  gboolean separator = FALSE;
  double value;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  p = copy;
  if (*p == '+' || *p == '-')
    p++;

  for (char *q = (char *) p; *q != '\0'; q++)
    {
      if (g_ascii_isdigit (*q))
        {
          digits++;
        }
      else if ((*q == ',' || *q == '.') && !separator)
        {
          separator = TRUE;
          *q = '.';
          if (!g_ascii_isdigit (q[1]))
            return FALSE;
        }
      else
        {
          return FALSE;
        }
    }
  if (digits == 0)
    return FALSE;

  value = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;

  if (out != NULL)
    *out = value;
  return TRUE;
}

/* The value with @digits decimals and the locale's decimal separator: 1,5
 * under a Danish locale.  NAN is shown as a dash. */
char *
sf_format_decimal (double value,
                   int    digits)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.*f", digits, value);
}

/* A norm, a range's end or a reference figure as it is written: a whole
 * number without decimals (20), any other with one (22,5). */
char *
sf_format_figure (double value)
{
  return sf_format_decimal (value, fabs (value - round (value)) < 0.005 ? 0 : 1);
}

/**
 * sf_format_percent:
 * @fraction: 1 is 100 %
 *
 * A share as every page and dialog shows it: whole per cent, the locale's
 * way ("104 %", with the space Danish puts before %).  Not a number, or
 * infinite (no norm to measure against), is shown as a dash.
 */
char *
sf_format_percent (double fraction)
{
  g_autofree char *number = NULL;

  if (!isfinite (fraction))
    return g_strdup ("—");
  number = sf_format_decimal (fraction * 100, 0);
  /* Translators: a share in per cent; Danish puts a space before % */
  return g_strdup_printf (_("%s %%"), number);
}

/**
 * sf_format_hours:
 *
 * Hours as every page, dialog and message shows them: to the hundredth,
 * with the locale's decimal separator and no trailing zeros, so 37 reads
 * "37", 18.5 "18,5" and 36.97 "36,97" (not "37") under a Danish locale.
 * NAN is shown as a dash.
 */
char *
sf_format_hours (double hours)
{
  double rounded;
  char *text;
  gsize len;

  if (isnan (hours))
    return g_strdup ("—");
  rounded = round (hours * 100) / 100;
  if (rounded == 0)
    rounded = 0; /* not "-0" */
  text = g_strdup_printf ("%.2f", rounded);
  len = strlen (text);
  /* "%.2f" always writes a separator and two decimals: drop the zeros at
   * the end, then the separator if nothing is left after it. */
  while (len > 0 && text[len - 1] == '0')
    text[--len] = '\0';
  while (len > 0 && !g_ascii_isdigit (text[len - 1]))
    text[--len] = '\0';
  return text;
}

/* Writes the digits of @n (no sign) ending just before @end; returns where
 * they start. */
static char *
write_digits (char    *end,
              guint64  n)
{
  do
    {
      *--end = (char) ('0' + n % 10);
      n /= 10;
    }
  while (n > 0);
  return end;
}

/* Whole numbers and numbers with up to four decimals (loads such as 30.5,
 * factors such as 0.7) written without printf and strtod, which were a
 * quarter of a large JSON report.  Gives exactly what the search below
 * gives: such a value is the double nearest to n / 10^k (a division of
 * exact numbers, correctly rounded, as strtod rounds), which "%.15g"
 * prints as that decimal (it has at most 15 digits, and the double is
 * closer to it than half a unit of the 15th digit).  Checked against the
 * search on millions of values; tests/test-report.c checks a sample. */
static gboolean
format_short (double  value,
              char    decimal,
              char   *buf,
              gsize   size)
{
  static const double powers[] = { 1, 10, 100, 1000, 10000 };
  char digits[32];
  char *end = digits + sizeof digits;

  for (guint k = 0; k < G_N_ELEMENTS (powers); k++)
    {
      double scaled = fabs (value) * powers[k];
      guint64 n;
      char *p;

      if (scaled >= 1e15)
        return FALSE;
      /* The product may be off by an ulp (1118.37 × 100 is
       * 111836.99999999999): the quotient decides, and the first k that
       * passes has no trailing zero (n / 10 would have passed before). */
      n = (guint64) floor (scaled + 0.5);
      if ((double) n / powers[k] != fabs (value))
        continue;

      p = write_digits (end, n);
      if (k > 0)
        {
          /* Shift the last k digits right to make room for the separator,
           * after padding with zeros so there is a digit before it. */
          while (end - p < (int) k + 1)
            *--p = '0';
          memmove (p - 1, p, (gsize) (end - p) - k);
          p--;
          end[-(int) k - 1] = decimal;
        }
      if (signbit (value))
        *--p = '-';
      if ((gsize) (end - p) + 1 > size)
        return FALSE;
      memcpy (buf, p, (gsize) (end - p));
      buf[end - p] = '\0';
      return TRUE;
    }
  return FALSE;
}

/**
 * sf_format_exact:
 * @decimal: the decimal separator to write
 *
 * The shortest text that reads back as exactly @value, with @decimal as the
 * decimal separator: 0.8, not 0.80000000000000004.  What reports write.
 */
char *
sf_format_exact (double value,
                 char   decimal)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;

  if (format_short (value, decimal, buf, sizeof buf))
    return g_strdup (buf);

  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buf, sizeof buf, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  if (decimal != '.' && (dot = strchr (buf, '.')) != NULL)
    *dot = decimal;
  return g_strdup (buf);
}

/* A field for a spreadsheet: quoted where needed, and text that a
 * spreadsheet would run as a formula (=, +, -, @) made inert. */
char *
sf_csv_escape_field (const char *value,
                     char        delimiter)
{
  GString *out;
  gboolean formula, quote;

  if (value == NULL)
    return g_strdup ("");

  formula = strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0';
  quote = formula || strchr (value, delimiter) || strchr (value, '"') ||
          strchr (value, '\n') || strchr (value, '\r');
  if (!quote)
    return g_strdup (value);

  out = g_string_new ("\"");
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* Danish spreadsheet CSV: each field followed by ';', the last one of a
 * line by CRLF. */
static void
csv_end_field (GString  *out,
               gboolean  last)
{
  g_string_append (out, last ? "\r\n" : ";");
}

/* Appends @value (NULL as empty) as one field of a Danish CSV line. */
void
sf_csv_append_field (GString    *out,
                     const char *value,
                     gboolean    last)
{
  g_autofree char *escaped = sf_csv_escape_field (value, ';');

  g_string_append (out, escaped);
  csv_end_field (out, last);
}

/* Appends @value unrounded with a decimal comma (sf_format_exact()), or an
 * empty field when it is not a number (NAN) or infinite. */
void
sf_csv_append_number (GString  *out,
                      double    value,
                      gboolean  last)
{
  if (isfinite (value))
    {
      g_autofree char *text = sf_format_exact (value, ',');

      g_string_append (out, text);
    }
  csv_end_field (out, last);
}

/* An item with its sort keys */
typedef struct
{
  gpointer    item;
  const char *first;    /* owned by the cache of sf_text_sort_collated() */
  char       *second;
  guint       index;    /* ties keep the order they came in */
} Collated;

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  const Collated *x = a;
  const Collated *y = b;
  int cmp = strcmp (x->first, y->first);

  if (cmp == 0)
    cmp = strcmp (x->second, y->second);
  return cmp != 0 ? cmp : (x->index > y->index) - (x->index < y->index);
}

/* Sorts @items by the text @first gives of each, then by the text @second
 * gives (NULL: by @first alone), in the collation of the user's language
 * (g_utf8_collate()), ties in the order they came in.  Each text's
 * collation key is made once, the same first text (a team's name, shared
 * by its members) once for all: sorting 3,000 people compares them 35,000
 * times.  The order of the report, the roster and every list of people. */
void
sf_text_sort_collated (GPtrArray    *items,
                       SfTextOfFunc  first,
                       SfTextOfFunc  second)
{
  g_autoptr(GHashTable) first_keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree Collated *entries = NULL;

  g_return_if_fail (items != NULL && first != NULL);

  if (items->len < 2)
    return;
  entries = g_new (Collated, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const char *text = first (items->pdata[i]);
      const char *other = second != NULL ? second (items->pdata[i]) : NULL;
      char *key;

      text = text != NULL ? text : "";
      key = g_hash_table_lookup (first_keys, text);
      if (key == NULL)
        {
          key = g_utf8_collate_key (text, -1);
          g_hash_table_insert (first_keys, (gpointer) text, key);
        }
      entries[i] = (Collated) { items->pdata[i], key, g_utf8_collate_key (other != NULL ? other : "", -1), i };
    }
  qsort (entries, items->len, sizeof (Collated), compare_collated);
  for (guint i = 0; i < items->len; i++)
    {
      items->pdata[i] = entries[i].item;
      g_free (entries[i].second);
    }
}
