#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A reader for the CSV files Danish offices produce: ';' or ',' delimiter
 * (detected from the header line), UTF-8 with or without BOM or legacy
 * Windows-1252 (converted), CRLF or LF, quoted fields with "" escapes and
 * line breaks inside quotes.  Blank lines are skipped. */

typedef struct _SfCsvReader SfCsvReader;

#define SF_CSV_MAX_FIELD_BYTES   (64 * 1024)
#define SF_CSV_MAX_FIELDS        256

SfCsvReader  *sf_csv_reader_new            (GBytes       *bytes,
                                            GError      **error);
void          sf_csv_reader_free           (SfCsvReader  *reader);
char          sf_csv_reader_get_delimiter  (SfCsvReader  *reader);
const char   *sf_csv_reader_get_encoding   (SfCsvReader  *reader);
gboolean      sf_csv_reader_next           (SfCsvReader  *reader,
                                            GStrv        *out_fields,
                                            guint        *out_line,
                                            GError      **error);
gboolean      sf_csv_reader_next_borrowed  (SfCsvReader  *reader,
                                            char       ***out_fields,
                                            guint        *out_n_fields,
                                            guint        *out_line,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfCsvReader, sf_csv_reader_free)

G_END_DECLS
