#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Small text rules shared by imports, forms, reports and exports. */

char     *sf_text_normalize_key  (const char *text);
char     *sf_text_fold_for_search (const char *text);
gboolean  sf_text_may_change_when_composed (const char *text);
gboolean  sf_text_has_control    (const char *text);
char     *sf_text_compose        (const char *text);
gboolean  sf_text_parse_decimal  (const char *text,
                                  double     *out);
char     *sf_format_decimal      (double      value,
                                  int         digits);
char     *sf_format_figure       (double      value);
char     *sf_format_hours        (double      hours);
char     *sf_format_percent      (double      fraction);
char     *sf_format_exact        (double      value,
                                  char        decimal);
char     *sf_csv_escape_field    (const char *value,
                                  char        delimiter);
void      sf_csv_append_field    (GString    *out,
                                  const char *value,
                                  gboolean    last);
void      sf_csv_append_number   (GString    *out,
                                  double      value,
                                  gboolean    last);

/* A text of @item (NULL reads as ""), for sf_text_sort_collated() */
typedef const char *(*SfTextOfFunc) (gconstpointer item);

void      sf_text_sort_collated  (GPtrArray    *items,
                                  SfTextOfFunc  first,
                                  SfTextOfFunc  second);

G_END_DECLS
