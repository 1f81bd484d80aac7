#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sf-csv.h"
#include "sf-error.h"

struct _SfCsvReader
{
  const char  *text;       /* the whole file, UTF-8, without its BOM */
  GBytes      *bytes;      /* what @text points into when the file was UTF-8 */
  char        *converted;  /* or @text itself, converted from Windows-1252 */
  gsize        len;
  gsize        pos;        /* where the next record starts */
  guint        line;       /* physical line at @pos, 1-based */
  char         delimiter;
  const char  *encoding;
  /* The record being read: its fields one after the other, each ended by
   * a NUL, and where each starts.  Reused from record to record, so reading
   * 100,000 rows allocates nothing per row. */
  GString     *record;
  gsize        field_start;
  GArray      *starts;     /* gsize */
  GPtrArray   *fields;     /* pointers into record, NULL-terminated */
  gboolean     finished;   /* end of input or a malformed record */
};

/* Bytes that Windows-1252 leaves undefined. */
static gboolean
is_undefined_cp1252 (guchar c)
{
  return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

static gboolean
is_blank (const char *s)
{
  for (; *s != '\0'; s++)
    if (*s != ' ' && *s != '\t')
      return FALSE;
  return TRUE;
}

/* The physical line on which byte @offset of @data lies. */
static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++;
      else if (data[i] == '\r' && data[i + 1] != '\n')
        line++;
    }
  return line;
}

static char *
convert_from_cp1252 (const char  *data,
                     gsize        len,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *converted;

  for (gsize i = 0; i < len; i++)
    {
      if (is_undefined_cp1252 ((guchar) data[i]))
        {
          g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                       _("Line %u: the file contains a character that is neither UTF-8 nor Windows-1252. Save the file as “CSV UTF-8” and try again."),
                       line_at (data, i));
          return NULL;
        }
    }

  converted = g_convert (data, len, "UTF-8", "WINDOWS-1252", NULL, NULL, &local_error);
  if (converted == NULL
      && g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    {
      g_clear_error (&local_error);
      converted = g_convert (data, len, "UTF-8", "CP1252", NULL, NULL, &local_error);
    }
  if (converted == NULL)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("The file is not UTF-8 and could not be read as Windows-1252 (%s). Save the file as “CSV UTF-8” and try again."),
                   local_error->message);
      return NULL;
    }
  return converted;
}

/* Counts the candidate delimiters outside quotes in the first non-blank
 * record.  A quote only opens a quoted field at the start of a field. */
static char
detect_delimiter (const char *text,
                  gsize       len)
{
  guint semicolons = 0, commas = 0, tabs = 0;
  gboolean in_quotes = FALSE;
  gboolean field_start = TRUE;
  gsize i = 0;

  /* Skip leading blank lines, as the reader does. */
  for (gsize j = 0; j < len; j++)
    {
      if (text[j] == '\r' || text[j] == '\n')
        i = j + 1;
      else if (text[j] != ' ' && text[j] != '\t')
        break;
    }

  for (; i < len; i++)
    {
      char c = text[i];

      if (in_quotes)
        {
          if (c == '"')
            {
              if (i + 1 < len && text[i + 1] == '"')
                i++;
              else
                in_quotes = FALSE;
            }
          continue;
        }

      if (c == '\r' || c == '\n')
        break;
      if (c == '"' && field_start)
        {
          in_quotes = TRUE;
          field_start = FALSE;
          continue;
        }

      field_start = FALSE;
      if (c == ';')
        semicolons++;
      else if (c == ',')
        commas++;
      else if (c == '\t')
        tabs++;
      else
        continue;
      field_start = TRUE;
    }

  if (commas > semicolons)
    return ',';
  if (semicolons == 0 && tabs > 0)
    return '\t';
  return ';';
}

SfCsvReader *
sf_csv_reader_new (GBytes  *bytes,
                   GError **error)
{
  g_autofree char *converted = NULL;
  const char *text;
  const char *encoding = "UTF-8";
  const char *data;
  gsize len;
  SfCsvReader *reader;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL || len == 0)
    {
      data = "";
      len = 0;
    }

  if (len > 0 && memchr (data, '\0', len) != NULL)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("This is not a text file: it contains NUL bytes. Save the file as “CSV UTF-8” and try again."));
      return NULL;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  /* UTF-8 (the file has no NUL bytes, so it is one string) is read where
   * it lies, without a copy; anything else is converted. */
  if (g_utf8_validate (data, (gssize) len, NULL))
    {
      text = data;
    }
  else
    {
      converted = convert_from_cp1252 (data, len, error);
      if (converted == NULL)
        return NULL;
      text = converted;
      len = strlen (converted);
      encoding = "WINDOWS-1252";
    }

  {
    gboolean blank = TRUE;

    for (gsize i = 0; i < len && blank; i++)
      if (!g_ascii_isspace (text[i]))
        blank = FALSE;
    if (blank)
      {
        g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                             _("The file is empty."));
        return NULL;
      }
  }

  reader = g_new0 (SfCsvReader, 1);
  reader->delimiter = detect_delimiter (text, len);
  reader->text = text;
  reader->converted = g_steal_pointer (&converted);
  if (reader->converted == NULL)
    reader->bytes = g_bytes_ref (bytes);
  reader->len = len;
  reader->pos = 0;
  reader->line = 1;
  reader->encoding = encoding;
  reader->record = g_string_sized_new (256);
  reader->starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 16);
  reader->fields = g_ptr_array_sized_new (16);
  return reader;
}

void
sf_csv_reader_free (SfCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_free (reader->converted);
  g_clear_pointer (&reader->bytes, g_bytes_unref);
  g_string_free (reader->record, TRUE);
  g_array_unref (reader->starts);
  g_ptr_array_unref (reader->fields);
  g_free (reader);
}

char
sf_csv_reader_get_delimiter (SfCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ';');

  return reader->delimiter;
}

const char *
sf_csv_reader_get_encoding (SfCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return reader->encoding;
}

static gboolean
field_too_long (SfCsvReader  *reader,
                gsize         extra,
                guint         field_line,
                GError      **error)
{
  if (reader->record->len - reader->field_start + extra <= SF_CSV_MAX_FIELD_BYTES)
    return FALSE;
  g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
               _("Line %u: a field is longer than %u characters."),
               field_line, (guint) SF_CSV_MAX_FIELD_BYTES);
  return TRUE;
}

static gboolean
push_field (SfCsvReader  *reader,
            guint         record_line,
            GError      **error)
{
  if (reader->starts->len >= SF_CSV_MAX_FIELDS)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("Line %u: a row has more than %u columns."),
                   record_line, (guint) SF_CSV_MAX_FIELDS);
      return FALSE;
    }
  g_array_append_val (reader->starts, reader->field_start);
  g_string_append_c (reader->record, '\0');
  reader->field_start = reader->record->len;
  return TRUE;
}

/* Reads one record starting at reader->pos.  On success the record's fields
 * are in reader->record at reader->starts and reader->pos/line are past its
 * line end. */
static gboolean
read_record (SfCsvReader  *reader,
             guint         record_line,
             GError      **error)
{
  const char *text = reader->text;
  const gsize len = reader->len;
  const char delim = reader->delimiter;
  gsize pos = reader->pos;
  guint line = reader->line;

  g_string_truncate (reader->record, 0);
  g_array_set_size (reader->starts, 0);
  reader->field_start = 0;

  for (;;)
    {
      guint field_line = line;

      if (pos < len && text[pos] == '"')
        {
          /* Quoted field. */
          pos++;
          for (;;)
            {
              gsize span = pos;

              while (span < len && text[span] != '"' && text[span] != '\r' && text[span] != '\n')
                span++;
              if (field_too_long (reader, span - pos, field_line, error))
                return FALSE;
              g_string_append_len (reader->record, text + pos, span - pos);
              pos = span;

              if (pos >= len)
                {
                  g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                               _("Line %u: a quoted field is never closed."),
                               field_line);
                  return FALSE;
                }
              if (text[pos] == '"')
                {
                  if (pos + 1 < len && text[pos + 1] == '"')
                    {
                      if (field_too_long (reader, 1, field_line, error))
                        return FALSE;
                      g_string_append_c (reader->record, '"');
                      pos += 2;
                      continue;
                    }
                  pos++;
                  break;
                }

              /* A line break inside quotes is kept as "\n". */
              if (text[pos] == '\r' && pos + 1 < len && text[pos + 1] == '\n')
                pos++;
              pos++;
              line++;
              if (field_too_long (reader, 1, field_line, error))
                return FALSE;
              g_string_append_c (reader->record, '\n');
            }

          /* Spaces after the closing quote are tolerated and dropped. */
          while (pos < len && (text[pos] == ' ' || text[pos] == '\t') && text[pos] != delim)
            pos++;
          if (pos < len && text[pos] != delim && text[pos] != '\r' && text[pos] != '\n')
            {
              g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("Line %u: unexpected text after a closing quote."),
                           line);
              return FALSE;
            }
        }
      else
        {
          /* Unquoted field: everything up to the delimiter or line end,
           * quotes included. */
          gsize span = pos;

          while (span < len && text[span] != delim && text[span] != '\r' && text[span] != '\n')
            span++;
          if (field_too_long (reader, span - pos, field_line, error))
            return FALSE;
          g_string_append_len (reader->record, text + pos, span - pos);
          pos = span;
        }

      if (!push_field (reader, record_line, error))
        return FALSE;

      if (pos >= len)
        break;
      if (text[pos] == delim)
        {
          pos++;
          continue;
        }

      /* Line end. */
      if (text[pos] == '\r' && pos + 1 < len && text[pos + 1] == '\n')
        pos++;
      pos++;
      line++;
      break;
    }

  reader->pos = pos;
  reader->line = line;
  return TRUE;
}

/**
 * sf_csv_reader_next_borrowed:
 * @out_fields: (out) (transfer none): the record's fields, NULL-terminated
 * @out_n_fields: (out) (optional): how many
 *
 * Reads the next record that is not blank, as sf_csv_reader_next() does,
 * but the fields stay the reader's: they are valid, and may be changed in
 * place (trimmed, shortened, or set to NULL to drop a trailing field), until
 * the next call or until the reader is freed.  For reading large files
 * without allocating per row.
 */
gboolean
sf_csv_reader_next_borrowed (SfCsvReader   *reader,
                             char        ***out_fields,
                             guint         *out_n_fields,
                             guint         *out_line,
                             GError       **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (out_fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_fields = NULL;
  if (out_n_fields != NULL)
    *out_n_fields = 0;

  while (!reader->finished && reader->pos < reader->len)
    {
      guint record_line = reader->line;
      gboolean blank = TRUE;

      if (!read_record (reader, record_line, error))
        {
          /* A malformed record ends the reading: where the next record
           * would start cannot be known. */
          reader->finished = TRUE;
          return FALSE;
        }

      /* Pointers only now: the record's buffer may have moved as it grew. */
      g_ptr_array_set_size (reader->fields, 0);
      for (guint i = 0; i < reader->starts->len; i++)
        {
          char *field = reader->record->str + g_array_index (reader->starts, gsize, i);

          g_ptr_array_add (reader->fields, field);
          /* A record with nothing but white space in it (a blank line, or
           * a line of empty columns as spreadsheets write them) is
           * skipped. */
          if (blank && !is_blank (field))
            blank = FALSE;
        }
      if (blank)
        continue;

      g_ptr_array_add (reader->fields, NULL);
      *out_fields = (char **) reader->fields->pdata;
      if (out_n_fields != NULL)
        *out_n_fields = reader->starts->len;
      if (out_line != NULL)
        *out_line = record_line;
      return TRUE;
    }

  reader->finished = TRUE;
  return FALSE;
}

gboolean
sf_csv_reader_next (SfCsvReader  *reader,
                    GStrv        *out_fields,
                    guint        *out_line,
                    GError      **error)
{
  char **fields = NULL;

  g_return_val_if_fail (out_fields != NULL, FALSE);

  *out_fields = NULL;
  if (!sf_csv_reader_next_borrowed (reader, &fields, NULL, out_line, error))
    return FALSE;
  *out_fields = g_strdupv (fields);
  return TRUE;
}
