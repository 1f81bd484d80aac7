#include <locale.h>
#include <math.h>
#include <string.h>

#include "sf-csv.h"
#include "sf-error.h"
#include "sf-text.h"
#include "sf-test-util.h"

/* Reads every record of @data (which may hold any bytes) and writes them as
 * "LINE:field|field\n"; a failure to open or a malformed record ends the
 * dump with "ERROR: message".  Gives one exact string to compare. */
static char *
dump_len (const char *data,
          gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(SfCsvReader) reader = NULL;
  GString *out = g_string_new (NULL);
  GStrv fields = NULL;
  guint line = 0;

  reader = sf_csv_reader_new (bytes, &error);
  if (reader == NULL)
    {
      g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
      g_string_append_printf (out, "ERROR: %s", error->message);
      return g_string_free (out, FALSE);
    }

  while (sf_csv_reader_next (reader, &fields, &line, &error))
    {
      g_autofree char *joined = g_strjoinv ("|", fields);

      g_string_append_printf (out, "%u:%s\n", line, joined);
      g_strfreev (fields);
    }
  g_assert_null (fields);
  if (error != NULL)
    {
      g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
      g_string_append_printf (out, "ERROR: %s", error->message);
      g_clear_error (&error);

      /* A malformed record ends the reading, quietly. */
      g_assert_false (sf_csv_reader_next (reader, &fields, &line, &error));
      g_assert_no_error (error);
      g_assert_null (fields);
    }
  return g_string_free (out, FALSE);
}

static char *
dump (const char *data)
{
  return dump_len (data, strlen (data));
}

static char
delimiter_of (const char *data)
{
  g_autoptr(GBytes) bytes = sf_test_bytes (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(SfCsvReader) reader = sf_csv_reader_new (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return sf_csv_reader_get_delimiter (reader);
}

#define assert_dump(data, expected) \
  G_STMT_START { \
    g_autofree char *dumped_ = dump (data); \
    g_assert_cmpstr (dumped_, ==, expected); \
  } G_STMT_END

static void
test_csv_bom (void)
{
  g_autoptr(GBytes) bytes = sf_test_bytes ("\xEF\xBB\xBFnavn;team\nAnne;Nord\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SfCsvReader) reader = sf_csv_reader_new (bytes, &error);
  g_auto(GStrv) fields = NULL;
  guint line = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (sf_csv_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_cmpint (sf_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_true (sf_csv_reader_next (reader, &fields, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  g_assert_cmpstr (fields[0], ==, "navn");
  g_assert_cmpstr (fields[1], ==, "team");

  assert_dump ("\xEF\xBB\xBFnavn;team\nAnne;Nord\n", "1:navn|team\n2:Anne|Nord\n");
  /* Only one BOM is stripped; a second is part of the field. */
  assert_dump ("\xEF\xBB\xBF\xEF\xBB\xBF" "a\n", "1:\xEF\xBB\xBF" "a\n");
}

static void
test_csv_delimiter (void)
{
  g_assert_cmpint (delimiter_of ("navn;team;timer\nA;B;37\n"), ==, ';');
  g_assert_cmpint (delimiter_of ("navn,team,timer\nA,B,37\n"), ==, ',');
  /* Decimal commas in the data rows do not matter: only the header counts. */
  g_assert_cmpint (delimiter_of ("navn;timer\nA;37,5\nB;1,2,3,4,5\n"), ==, ';');
  g_assert_cmpint (delimiter_of ("navn,timer\nA;B;C;D\n"), ==, ',');
  /* Ties go to ';'. */
  g_assert_cmpint (delimiter_of ("a;b,c\n"), ==, ';');
  g_assert_cmpint (delimiter_of ("a,b;c;d,e\n"), ==, ';');
  g_assert_cmpint (delimiter_of ("a,b,c;d\n"), ==, ',');
  /* A single column. */
  g_assert_cmpint (delimiter_of ("navn\nAnne\n"), ==, ';');
  /* Tabs only when there is neither ';' nor ','. */
  g_assert_cmpint (delimiter_of ("navn\tteam\nA\tB\n"), ==, '\t');
  g_assert_cmpint (delimiter_of ("navn\tteam;x\n"), ==, ';');
  g_assert_cmpint (delimiter_of ("navn\tteam,x\n"), ==, ',');
  /* Delimiters inside quotes do not count. */
  g_assert_cmpint (delimiter_of ("\"a;b;c\",d\n"), ==, ',');
  g_assert_cmpint (delimiter_of ("\"a,b,c\";d\n"), ==, ';');
  g_assert_cmpint (delimiter_of ("\"x\"\"y;z\"\"\",d\n"), ==, ',');
  /* Only the first record counts, even when it spans lines. */
  g_assert_cmpint (delimiter_of ("\"a\n;;;\",b\nc;d;e;f\n"), ==, ',');
  /* Leading blank lines are skipped to find the header. */
  g_assert_cmpint (delimiter_of ("\n  \r\na,b\n"), ==, ',');

  assert_dump ("navn,team\nAnne,Nord\n", "1:navn|team\n2:Anne|Nord\n");
  assert_dump ("navn\tteam\nAnne\tNord\n", "1:navn|team\n2:Anne|Nord\n");
  /* With ';' as delimiter a comma is ordinary text. */
  assert_dump ("navn;timer\nAnne;37,5\n", "1:navn|timer\n2:Anne|37,5\n");
}

static void
test_csv_line_ends (void)
{
  assert_dump ("a;b\r\nc;d\r\ne;f\r\n", "1:a|b\n2:c|d\n3:e|f\n");
  assert_dump ("a;b\nc;d\ne;f\n", "1:a|b\n2:c|d\n3:e|f\n");
  assert_dump ("a;b\rc;d\re;f\r", "1:a|b\n2:c|d\n3:e|f\n");
  assert_dump ("a;b\r\nc;d\ne;f\rg;h", "1:a|b\n2:c|d\n3:e|f\n4:g|h\n");
  /* No line end after the last record. */
  assert_dump ("a;b\nc;d", "1:a|b\n2:c|d\n");
  /* "\n\r" is two line ends. */
  assert_dump ("a\n\rb\n", "1:a\n3:b\n");
}

static void
test_csv_quoted (void)
{
  assert_dump ("navn;note\n\"Anne \"\"A\"\" Jensen\";\"x;y\"\n",
               "1:navn|note\n2:Anne \"A\" Jensen|x;y\n");
  assert_dump ("a,b\n\"1,5\",\"\"\n", "1:a|b\n2:1,5|\n");
  assert_dump ("\"\"\"\"\n", "1:\"\n");
  assert_dump ("\"a\";\"b\"", "1:a|b\n");
  /* White space inside quotes is kept. */
  assert_dump ("\" a \";b\n", "1: a |b\n");
  /* Spaces between the closing quote and the delimiter are dropped. */
  assert_dump ("\"a\"  ;b\n\"c\" \n", "1:a|b\n2:c\n");
  /* A quote inside an unquoted field is kept as it is. */
  assert_dump ("navn;note\nab\"c;d\"e\"\n", "1:navn|note\n2:ab\"c|d\"e\"\n");
  /* A quote after leading space does not open a quoted field. */
  assert_dump ("a; \"b\"\n", "1:a| \"b\"\n");
}

static void
test_csv_quoted_line_breaks (void)
{
  /* Line numbers keep counting physical lines inside quotes. */
  assert_dump ("navn;note\nAnne;\"første\nanden\ntredje\"\nBo;x\n",
               "1:navn|note\n2:Anne|første\nanden\ntredje\n5:Bo|x\n");
  /* CRLF and CR inside quotes become "\n". */
  assert_dump ("a;b\r\n\"x\r\ny\";z\r\nc;d\r\n", "1:a|b\n2:x\ny|z\n4:c|d\n");
  assert_dump ("a;b\r\"x\ry\";z\rc;d\r", "1:a|b\n2:x\ny|z\n4:c|d\n");
  /* A record starting in the middle of the file after a multi-line header. */
  assert_dump ("\"h\n1\";h2\nv1;v2\n", "1:h\n1|h2\n3:v1|v2\n");
  /* Delimiters and quotes together inside quotes. */
  assert_dump ("a;b\n\"1;\"\"2\"\"\n3\";4\n", "1:a|b\n2:1;\"2\"\n3|4\n");
}

static void
test_csv_blank_lines (void)
{
  assert_dump ("a;b\n\n\nc;d\n\n", "1:a|b\n4:c|d\n");
  assert_dump ("a;b\r\n   \r\n\t\r\nc;d\r\n", "1:a|b\n4:c|d\n");
  /* A row of empty columns, as spreadsheets write them, is blank too. */
  assert_dump ("a;b\n;\n ; \n;;;;\nc;d\n", "1:a|b\n5:c|d\n");
  /* Blank lines before the header. */
  assert_dump ("\n\na;b\nc;d\n", "3:a|b\n4:c|d\n");
  /* A row with one value and empty columns is not blank. */
  assert_dump ("a;b\n;x\n", "1:a|b\n2:|x\n");
}

static void
test_csv_fields (void)
{
  /* No trimming by the reader. */
  assert_dump (" a ; b \n", "1: a | b \n");
  /* Empty fields, a trailing delimiter. */
  assert_dump ("a;;b;\n", "1:a||b|\n");
  assert_dump (";a\n", "1:|a\n");

  {
    g_autoptr(GBytes) bytes = sf_test_bytes ("a;;b;\n");
    g_autoptr(SfCsvReader) reader = sf_csv_reader_new (bytes, NULL);
    g_auto(GStrv) fields = NULL;
    guint line = 0;

    g_assert_true (sf_csv_reader_next (reader, &fields, &line, NULL));
    g_assert_cmpuint (g_strv_length (fields), ==, 4);
    g_assert_cmpstr (fields[0], ==, "a");
    g_assert_cmpstr (fields[1], ==, "");
    g_assert_cmpstr (fields[2], ==, "b");
    g_assert_cmpstr (fields[3], ==, "");
    g_assert_null (fields[4]);
    g_clear_pointer (&fields, g_strfreev);
    g_assert_false (sf_csv_reader_next (reader, &fields, &line, NULL));
    g_assert_null (fields);
    /* And it stays at the end. */
    g_assert_false (sf_csv_reader_next (reader, &fields, &line, NULL));
  }
}

static void
test_csv_error_unterminated (void)
{
  assert_dump ("navn;note\nAnne;ok\n\"Bo;åben\nmere\nendnu mere\n",
               "1:navn|note\n2:Anne|ok\nERROR: Line 3: a quoted field is never closed.");
  assert_dump ("a;b\nc;\"", "1:a|b\nERROR: Line 2: a quoted field is never closed.");
  assert_dump ("\"", "ERROR: Line 1: a quoted field is never closed.");
  /* The line where the quote opened, not where the record started. */
  assert_dump ("a;b\nc;\"d\ne\";\"f\ng\n",
               "1:a|b\nERROR: Line 3: a quoted field is never closed.");
}

static void
test_csv_error_after_quote (void)
{
  assert_dump ("navn;note\n\"abc\"x;y\n",
               "1:navn|note\nERROR: Line 2: unexpected text after a closing quote.");
  assert_dump ("a;b\n\"abc\"\"\"x\n",
               "1:a|b\nERROR: Line 2: unexpected text after a closing quote.");
  /* The line where the text is, after a multi-line field. */
  assert_dump ("a;b\nc;\"d\ne\"f\n",
               "1:a|b\nERROR: Line 3: unexpected text after a closing quote.");
  assert_dump ("\"a\" b;c\n", "ERROR: Line 1: unexpected text after a closing quote.");
}

static void
test_csv_windows_1252 (void)
{
  /* navn;område / ÆØÅ;æøå € — as Excel saves "CSV (semikolonsepareret)". */
  const char data[] = "navn;omr\xE5" "de\r\n\xC6\xD8\xC5;\xE6\xF8\xE5 \x80\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new (data, sizeof data - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SfCsvReader) reader = sf_csv_reader_new (bytes, &error);
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) row = NULL;
  guint line = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (sf_csv_reader_get_encoding (reader), ==, "WINDOWS-1252");
  g_assert_cmpint (sf_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_true (sf_csv_reader_next (reader, &header, &line, &error));
  g_assert_cmpstr (header[1], ==, "område");
  g_assert_true (sf_csv_reader_next (reader, &row, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpstr (row[0], ==, "ÆØÅ");
  g_assert_cmpstr (row[1], ==, "æøå €");
  g_assert_cmpstr (row[0], ==, "\xC3\x86\xC3\x98\xC3\x85");
  g_assert_cmpstr (row[1], ==, "\xC3\xA6\xC3\xB8\xC3\xA5 \xE2\x82\xAC");

  /* The same text as UTF-8 is left alone. */
  {
    g_autoptr(GBytes) utf8 = sf_test_bytes ("navn;område\nÆØÅ;æøå €\n");
    g_autoptr(SfCsvReader) reader2 = sf_csv_reader_new (utf8, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sf_csv_reader_get_encoding (reader2), ==, "UTF-8");
  }

  /* Curly quotes and dashes from Word: 0x93 0x94 0x96. */
  assert_dump ("\x93" "a\x94;b\x96" "c\n", "1:\xE2\x80\x9C" "a\xE2\x80\x9D|b\xE2\x80\x93" "c\n");
}

static void
test_csv_windows_1252_undefined (void)
{
  static const char undefined[] = { '\x81', '\x8D', '\x8F', '\x90', '\x9D' };

  for (gsize i = 0; i < G_N_ELEMENTS (undefined); i++)
    {
      g_autofree char *data = g_strdup_printf ("a;b\n\xE6;x%cy\n", undefined[i]);
      g_autofree char *dumped = dump (data);

      g_assert_true (g_str_has_prefix (dumped, "ERROR: Line 2: the file contains a character that is neither UTF-8 nor Windows-1252."));
    }
}

static void
test_csv_nul (void)
{
  static const char data[] = "a;b\nc\0d;e\n";
  g_autofree char *dumped = dump_len (data, sizeof data - 1);

  g_assert_cmpstr (dumped, ==,
                   "ERROR: This is not a text file: it contains NUL bytes. "
                   "Save the file as “CSV UTF-8” and try again.");

  /* UTF-16, as some programs save "Unicode text". */
  {
    static const char utf16[] = "\xFF\xFE" "a\0;\0b\0\n\0";
    g_autofree char *dumped16 = dump_len (utf16, sizeof utf16 - 1);

    g_assert_true (g_str_has_prefix (dumped16, "ERROR: This is not a text file"));
  }
}

static void
test_csv_empty (void)
{
  assert_dump ("", "ERROR: The file is empty.");
  assert_dump ("\xEF\xBB\xBF", "ERROR: The file is empty.");
  assert_dump ("\xEF\xBB\xBF \r\n\t\n  ", "ERROR: The file is empty.");
  assert_dump ("\n\n\n", "ERROR: The file is empty.");

  {
    g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
    g_autoptr(GError) error = NULL;
    g_autoptr(SfCsvReader) reader = sf_csv_reader_new (bytes, &error);

    g_assert_null (reader);
    g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
    g_assert_cmpstr (error->message, ==, "The file is empty.");
  }

  /* Only empty columns: the file opens, but has no records. */
  assert_dump (";;;\n", "");
}

static void
test_csv_field_too_long (void)
{
  const gsize max = SF_CSV_MAX_FIELD_BYTES;
  g_autoptr(GString) data = g_string_new ("navn;note\nAnne;");
  g_autofree char *dumped = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpuint (max, ==, 65536);

  /* Exactly at the limit is fine. */
  for (gsize i = 0; i < max; i++)
    g_string_append_c (data, 'x');
  g_string_append (data, "\nBo;y\n");
  dumped = dump (data->str);
  g_assert_true (g_str_has_prefix (dumped, "1:navn|note\n2:Anne|xxx"));
  g_assert_true (g_str_has_suffix (dumped, "xxx\n3:Bo|y\n"));
  g_assert_cmpuint (strlen (dumped), ==, strlen ("1:navn|note\n2:Anne|\n3:Bo|y\n") + max);
  g_clear_pointer (&dumped, g_free);

  /* One byte more is not, whether quoted or not. */
  g_string_assign (data, "navn;note\nAnne;ok\nBo;");
  for (gsize i = 0; i <= max; i++)
    g_string_append_c (data, 'x');
  g_string_append (data, "\n");
  dumped = dump (data->str);
  g_assert_cmpstr (dumped, ==,
                   "1:navn|note\n2:Anne|ok\nERROR: Line 3: a field is longer than 65536 characters.");
  g_clear_pointer (&dumped, g_free);

  g_string_assign (data, "navn;note\n\"");
  for (gsize i = 0; i <= max; i++)
    g_string_append (data, i == 10 ? "\"\"" : "x");
  g_string_append (data, "\"\n");
  dumped = dump (data->str);
  expected = g_strdup ("1:navn|note\nERROR: Line 2: a field is longer than 65536 characters.");
  g_assert_cmpstr (dumped, ==, expected);
  g_clear_pointer (&dumped, g_free);

  /* Line breaks inside quotes count too. */
  g_string_assign (data, "a\n\"");
  for (gsize i = 0; i <= max; i++)
    g_string_append_c (data, '\n');
  g_string_append (data, "\"\n");
  dumped = dump (data->str);
  g_assert_cmpstr (dumped, ==, "1:a\nERROR: Line 2: a field is longer than 65536 characters.");
}

static void
test_csv_too_many_fields (void)
{
  g_autoptr(GString) data = g_string_new ("a\n");
  g_autofree char *dumped = NULL;

  g_assert_cmpuint (SF_CSV_MAX_FIELDS, ==, 256);

  for (guint i = 1; i < SF_CSV_MAX_FIELDS; i++)
    g_string_append_c (data, ';');
  g_string_append (data, "x\n");
  {
    g_autoptr(GBytes) bytes = sf_test_bytes (data->str);
    g_autoptr(SfCsvReader) reader = sf_csv_reader_new (bytes, NULL);
    g_auto(GStrv) header = NULL;
    g_auto(GStrv) row = NULL;
    guint line = 0;

    g_assert_true (sf_csv_reader_next (reader, &header, &line, NULL));
    g_assert_true (sf_csv_reader_next (reader, &row, &line, NULL));
    g_assert_cmpuint (line, ==, 2);
    g_assert_cmpuint (g_strv_length (row), ==, SF_CSV_MAX_FIELDS);
    g_assert_cmpstr (row[SF_CSV_MAX_FIELDS - 1], ==, "x");
  }

  g_string_assign (data, "a\nb;");
  for (guint i = 1; i < SF_CSV_MAX_FIELDS; i++)
    g_string_append_c (data, ';');
  g_string_append (data, "x\n");
  dumped = dump (data->str);
  g_assert_cmpstr (dumped, ==, "1:a\nERROR: Line 2: a row has more than 256 columns.");
}

/* A 100,000-row file in well under a second: the reader must not copy
 * the rest of the file per record. */
static void
test_csv_large (void)
{
  g_autoptr(GString) data = g_string_new ("navn;team;timer\r\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SfCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GStrv fields = NULL;
  guint line = 0;
  guint rows = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (data, "Person %u;\"Team %u\";37,%u\r\n", i, i % 7, i % 10);
  bytes = g_bytes_new (data->str, data->len);
  reader = sf_csv_reader_new (bytes, &error);
  g_assert_no_error (error);

  while (sf_csv_reader_next (reader, &fields, &line, &error))
    {
      rows++;
      g_assert_cmpuint (line, ==, rows);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      if (rows == 54322)
        {
          g_assert_cmpstr (fields[0], ==, "Person 54320");
          g_assert_cmpstr (fields[1], ==, "Team 0");
          g_assert_cmpstr (fields[2], ==, "37,0");
        }
      g_strfreev (fields);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 100001);
}

/* Pseudo-random input must never crash or read out of bounds (run under
 * ASan) and the reader must keep its promises on any input. */
static void
test_csv_fuzz (void)
{
  static const char alphabet[] = "\";,\t\r\n a\xC3\xA6\xE6\x80\x81\xEF\xBB\xBF";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240101);

  for (guint round = 0; round < 5000; round++)
    {
      gsize len = g_rand_int_range (rand, 0, 80);
      g_autofree char *data = g_malloc (len + 1);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(SfCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      GStrv fields = NULL;
      guint line = 0;
      guint last_line = 0;

      for (gsize i = 0; i < len; i++)
        {
          if (g_rand_int_range (rand, 0, 10) == 0)
            data[i] = (char) g_rand_int_range (rand, 0, 256);
          else
            data[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
        }
      /* No NUL terminator, so that ASan sees a read past the end. */
      bytes = g_bytes_new_take (g_steal_pointer (&data), len);

      reader = sf_csv_reader_new (bytes, &error);
      if (reader == NULL)
        {
          g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
          continue;
        }
      g_assert_no_error (error);
      g_assert_true (strchr (";,\t", sf_csv_reader_get_delimiter (reader)) != NULL);

      while (sf_csv_reader_next (reader, &fields, &line, &error))
        {
          guint n = g_strv_length (fields);

          g_assert_cmpuint (n, >=, 1);
          g_assert_cmpuint (n, <=, SF_CSV_MAX_FIELDS);
          g_assert_cmpuint (line, >, last_line);
          g_assert_cmpuint (line, <=, len + 1);
          for (guint i = 0; i < n; i++)
            g_assert_true (g_utf8_validate (fields[i], -1, NULL));
          last_line = line;
          g_strfreev (fields);
        }
      g_assert_null (fields);
      if (error != NULL)
        {
          g_assert_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT);
          g_assert_true (g_str_has_prefix (error->message, "Line "));
        }
    }
}

static void
test_text_normalize_key (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Særligt kompliceret", "saerligt-kompliceret" },
    { " Team_Norm ", "team-norm" },
    { "Omraade", "omraade" },
    { "Område", "omraade" },
    { "OMRÅDE", "omraade" },
    { "ÆBLE Ø", "aeble-oe" },
    { "Øvrige sager", "oevrige-sager" },
    { "timer pr. uge", "timer-pr.-uge" },
    { "Nr.", "nr" },
    { "Antal sager.", "antal-sager" },
    { "a -_ b", "a-b" },
    { "a\t\tb", "a-b" },
    { "a\xC2\xA0" "b", "a-b" },          /* no-break space, as Excel writes */
    { "-_a_-", "a" },
    { "team .", "team" },
    { "Omra\xCC\x8A" "de", "omraade" },   /* å decomposed */
    { "navn", "navn" },
    { "   ", "" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = sf_text_normalize_key (cases[i].in);

      g_assert_cmpstr (key, ==, cases[i].out);
    }

  {
    g_autofree char *key = sf_text_normalize_key (NULL);
    g_autofree char *bad = sf_text_normalize_key ("a\xFF" "b");

    g_assert_cmpstr (key, ==, "");
    g_assert_true (g_utf8_validate (bad, -1, NULL));
  }
}

/* sf_text_compose() skips what composing cannot change: check that claim
 * against GLib's own tables for every character it skips */
static void
test_text_compose (void)
{
  /* No character it lets pass is the second half of a composition */
  for (gunichar x = 0; x <= 0x10FFFF; x++)
    {
      gunichar a, b;
      char second[8] = { 0 };

      if (!g_unichar_validate (x) || !g_unichar_decompose (x, &a, &b) || b == 0)
        continue;
      g_unichar_to_utf8 (b, second);
      if (!sf_text_may_change_when_composed (second))
        g_error ("U+%04X composes with U+%04X into U+%04X, but is let pass", b, a, x);
    }
  /* Nor changes on its own, or after a letter */
  for (gunichar c = 0x80; c <= 0x08FF; c++)
    {
      char text[16] = "A";
      g_autofree char *alone = NULL;
      g_autofree char *after = NULL;
      gint len;

      if (!g_unichar_validate (c))
        continue;
      len = g_unichar_to_utf8 (c, text + 1);
      text[1 + len] = '\0';
      if (sf_text_may_change_when_composed (text + 1))
        continue;
      alone = g_utf8_normalize (text + 1, -1, G_NORMALIZE_NFC);
      after = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
      g_assert_cmpstr (alone, ==, text + 1);
      g_assert_cmpstr (after, ==, text);
    }

  {
    g_autofree char *composed = sf_text_compose ("Omra\xCC\x8A" "de");   /* å decomposed */
    g_autofree char *angstrom = sf_text_compose ("\xE2\x84\xAB");         /* U+212B */

    g_assert_cmpstr (composed, ==, "Omr\xC3\xA5" "de");
    g_assert_cmpstr (angstrom, ==, "\xC3\x85");
    g_assert_null (sf_text_compose ("Søren Ærø Ålund"));
    g_assert_null (sf_text_compose ("plain"));
    g_assert_false (sf_text_may_change_when_composed ("Søren Ærø Ålund"));
  }
}

static void
test_text_parse_decimal (void)
{
  static const struct { const char *in; double out; } good[] = {
    { "37", 37.0 },
    { "37,5", 37.5 },
    { "37.5", 37.5 },
    { " 0,85 ", 0.85 },
    { "\t0.85\r\n", 0.85 },
    { "-1", -1.0 },
    { "+2,25", 2.25 },
    { "0", 0.0 },
    { "007", 7.0 },
    { ",5", 0.5 },
    { "100000", 100000.0 },
  };
  static const char *bad[] = {
    "", "   ", "-", "+", ",", ".", "37,", "37.", "1,5,0", "1.5.0", "1.234,5",
    "1,234.5", "1 000", "37 timer", "37x", "x37", "--1", "+-1", "- 1",
    "nan", "NaN", "inf", "-inf", "infinity", "1e999", "1e3", "0x10", "1,5e2",
  };
  g_autoptr(GString) huge = g_string_new ("1");

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double value = -12345.0;

      g_assert_true (sf_text_parse_decimal (good[i].in, &value));
      g_assert_cmpfloat_with_epsilon (value, good[i].out, 1e-12);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double value = -12345.0;

      if (sf_text_parse_decimal (bad[i], &value))
        g_error ("“%s” was accepted as %g", bad[i], value);
      g_assert_cmpfloat (value, ==, -12345.0);
    }

  g_assert_false (sf_text_parse_decimal (NULL, NULL));

  /* Too large to be finite. */
  for (guint i = 0; i < 400; i++)
    g_string_append_c (huge, '0');
  g_assert_false (sf_text_parse_decimal (huge->str, NULL));

  /* The locale does not matter: 37,5 is 37.5 under any LC_NUMERIC. */
  {
    double value = 0.0;

    g_assert_true (sf_text_parse_decimal ("-0,25", &value));
    g_assert_cmpfloat (value, ==, -0.25);
  }
}

/* The borrowed fields are the same as the copied ones, stay valid while the
 * record's buffer grows under them, may be trimmed in place, and the file
 * need not end in a NUL. */
static void
test_csv_borrowed (void)
{
  g_autoptr(GString) data = g_string_new ("a;\"b\nc\";d\r\n\n x ;");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SfCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  char **fields = NULL;
  guint n = 0, line = 0;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (data, 'y');
  g_string_append (data, ";z");
  /* Exactly the bytes, no terminator after them. */
  bytes = g_bytes_new (data->str, data->len);
  reader = sf_csv_reader_new (bytes, &error);
  g_assert_no_error (error);

  g_assert_true (sf_csv_reader_next_borrowed (reader, &fields, &n, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpstr (fields[0], ==, "a");
  g_assert_cmpstr (fields[1], ==, "b\nc");
  g_assert_cmpstr (fields[2], ==, "d");
  g_assert_null (fields[3]);
  fields[0][0] = 'A';

  g_assert_true (sf_csv_reader_next_borrowed (reader, &fields, &n, &line, &error));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpstr (fields[0], ==, " x ");
  g_assert_cmpuint (strlen (fields[1]), ==, 10000);
  g_assert_cmpint (fields[1][9999], ==, 'y');
  g_assert_cmpstr (fields[2], ==, "z");

  g_assert_false (sf_csv_reader_next_borrowed (reader, &fields, &n, &line, &error));
  g_assert_no_error (error);
  g_assert_null (fields);
  g_assert_cmpuint (n, ==, 0);
}

/* Hours read the same everywhere: to the hundredth, without trailing
 * zeros, so 36.97 hours never read as 37. */
static void
test_text_format_hours (void)
{
  static const struct { double in; const char *c; const char *da; } cases[] = {
    { 37.0, "37", "37" },
    { 36.97, "36.97", "36,97" },
    { 18.5, "18.5", "18,5" },
    { 29.6, "29.6", "29,6" },
    { 30.0 * 29.6 / 37, "24", "24" },
    { 26.0 / 37 * 37, "26", "26" },
    { 7.404, "7.4", "7,4" },
    { 7.405, "7.41", "7,41" },
    { 36.996, "37", "37" },
    { 0.0, "0", "0" },
    { -0.001, "0", "0" },
    { 0.25, "0.25", "0,25" },
    { 160.0, "160", "160" },
    { 100.0, "100", "100" },
  };
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  gboolean danish;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sf_format_hours (cases[i].in);

      g_assert_cmpstr (text, ==, cases[i].c);
    }
  {
    g_autofree char *dash = sf_format_hours (NAN);

    g_assert_cmpstr (dash, ==, "—");
  }

  danish = setlocale (LC_ALL, "da_DK.UTF-8") != NULL;
  if (danish)
    for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *text = sf_format_hours (cases[i].in);

        g_assert_cmpstr (text, ==, cases[i].da);
      }
  setlocale (LC_ALL, old);
  if (!danish)
    g_test_skip ("da_DK.UTF-8 is not available");
}

/* Whole per cent, rounded, a dash without a norm; the same text in both
 * locales (no decimals), with the space before % */
static void
test_text_format_percent (void)
{
  static const struct { double in; const char *out; } cases[] = {
    { 1.04, "104 %" },
    { 0.0, "0 %" },
    { 0.996, "100 %" },
    { 0.2249, "22 %" },
    { 1.1, "110 %" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sf_format_percent (cases[i].in);

      g_assert_cmpstr (text, ==, cases[i].out);
    }
  {
    g_autofree char *none = sf_format_percent (NAN);
    g_autofree char *infinite = sf_format_percent (INFINITY);

    g_assert_cmpstr (none, ==, "—");
    g_assert_cmpstr (infinite, ==, "—");
  }
}

/* Items for /text/sort-collated: a team and a name, and where they came */
typedef struct
{
  const char *team;
  const char *name;
  guint       came;
} Person;

static const char *
person_team (gconstpointer item)
{
  return ((const Person *) item)->team;
}

static const char *
person_name (gconstpointer item)
{
  return ((const Person *) item)->name;
}

/* By team, then name, in the language's collation (g_utf8_collate()), a
 * missing text first, ties in the order they came; in Danish Æ, Ø and Å
 * come after Z. */
static void
test_text_sort_collated (void)
{
  Person people[] = {
    { "Øst", "Bo", 0 }, { "Vest", "Åse", 1 }, { "Vest", "Anna", 2 }, { NULL, "Ib", 3 },
    { "Vest", "Anna", 4 }, { "Zebra", "Eva", 5 }, { "Øst", "Ærø", 6 }, { "Vest", "Ole", 7 },
    { "Åby", "Kim", 8 },
  };
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  gboolean danish = setlocale (LC_ALL, "da_DK.UTF-8") != NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) by_team = g_ptr_array_new ();
  const guint expected[] = { 3, 2, 4, 7, 1, 5, 0, 6, 8 };

  for (gsize i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_ptr_array_add (items, &people[i]);
      g_ptr_array_add (by_team, &people[i]);
    }
  sf_text_sort_collated (items, person_team, person_name);
  sf_text_sort_collated (by_team, person_team, NULL);
  if (danish)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
        g_assert_cmpuint (((Person *) items->pdata[i])->came, ==, expected[i]);
      /* By team alone: within a team, as they came */
      g_assert_cmpuint (((Person *) by_team->pdata[1])->came, ==, 1);
      g_assert_cmpuint (((Person *) by_team->pdata[4])->came, ==, 7);
    }
  /* In any language: each pair in the order g_utf8_collate() gives */
  for (guint i = 1; i < items->len; i++)
    {
      const Person *a = items->pdata[i - 1], *b = items->pdata[i];
      int cmp = g_utf8_collate (a->team ? a->team : "", b->team ? b->team : "");

      if (cmp == 0)
        cmp = g_utf8_collate (a->name, b->name);
      g_assert_cmpint (cmp, <=, 0);
      if (cmp == 0)
        g_assert_cmpuint (a->came, <, b->came);
    }
  setlocale (LC_ALL, old);
  if (!danish)
    g_test_skip ("da_DK.UTF-8 is not available");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/bom", test_csv_bom);
  g_test_add_func ("/csv/delimiter", test_csv_delimiter);
  g_test_add_func ("/csv/line-ends", test_csv_line_ends);
  g_test_add_func ("/csv/quoted", test_csv_quoted);
  g_test_add_func ("/csv/quoted-line-breaks", test_csv_quoted_line_breaks);
  g_test_add_func ("/csv/blank-lines", test_csv_blank_lines);
  g_test_add_func ("/csv/fields", test_csv_fields);
  g_test_add_func ("/csv/error/unterminated-quote", test_csv_error_unterminated);
  g_test_add_func ("/csv/error/text-after-quote", test_csv_error_after_quote);
  g_test_add_func ("/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/csv/windows-1252-undefined", test_csv_windows_1252_undefined);
  g_test_add_func ("/csv/error/nul", test_csv_nul);
  g_test_add_func ("/csv/error/empty", test_csv_empty);
  g_test_add_func ("/csv/limits/field-too-long", test_csv_field_too_long);
  g_test_add_func ("/csv/limits/too-many-fields", test_csv_too_many_fields);
  g_test_add_func ("/csv/large", test_csv_large);
  g_test_add_func ("/csv/fuzz", test_csv_fuzz);
  g_test_add_func ("/csv/borrowed", test_csv_borrowed);
  g_test_add_func ("/text/normalize-key", test_text_normalize_key);
  g_test_add_func ("/text/compose", test_text_compose);
  g_test_add_func ("/text/parse-decimal", test_text_parse_decimal);
  g_test_add_func ("/text/format-hours", test_text_format_hours);
  g_test_add_func ("/text/format-percent", test_text_format_percent);
  g_test_add_func ("/text/sort-collated", test_text_sort_collated);

  return g_test_run ();
}
