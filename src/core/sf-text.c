#include <math.h>
#include <string.h>

#include "sf-text.h"

static gboolean
is_separator (gunichar c)
{
  return c == '-' || c == '_' || g_unichar_isspace (c);
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
