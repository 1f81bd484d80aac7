#pragma once

#include <json-glib/json-glib.h>

#include "sf-core.h"

G_BEGIN_DECLS

/* What the commands of sagsfordeling-cli share. */

enum {
  SF_CLI_OK = 0,
  SF_CLI_REFUSED = 1,
  SF_CLI_USAGE = 2,
};

/* Prints @error and returns SF_CLI_REFUSED (or SF_CLI_USAGE). */
int           sf_cli_refuse      (const GError  *error);
int           sf_cli_usage_error (const GError  *error);
/* The options several commands take, worded once: --date (the reference
 * date, default today) and --months (the forecast's length, default the
 * forecast-horizon setting). */
GOptionEntry  sf_cli_date_option   (char         **date);
GOptionEntry  sf_cli_months_option (int           *months);
/* Parses @entries and leaves the other arguments in @argv (from 1);
 * prints why not. */
int           sf_cli_parse_args  (GOptionEntry  *entries,
                                  int           *argc,
                                  char        ***argv);
/* Parses @entries; fails on anything but options. */
int           sf_cli_parse       (GOptionEntry  *entries,
                                  int            argc,
                                  char         **argv);
/* Parses the one option of a command that prints text or JSON, --format;
 * @json says which it asked for.  Prints why not. */
int           sf_cli_parse_text_or_json (int         argc,
                                         char      **argv,
                                         gboolean   *json);
/* Prints the usage line "Usage: PROGRAM @text" and returns SF_CLI_USAGE. */
int           sf_cli_usage       (const char    *text);
/* Parses @text (YYYY-MM-DD) into @out; prints why not. */
gboolean      sf_cli_parse_day   (const char    *text,
                                  SfDay         *out);
/* Whether @months (0: the forecast-horizon setting) is a forecast's
 * length, at most 120; prints why not. */
gboolean      sf_cli_check_months (int          months);
/* Parses @format (NULL: text) into @out: text, json or, @with_csv, csv;
 * prints why not. */
gboolean      sf_cli_parse_format (const char     *format,
                                   gboolean        with_csv,
                                   SfReportFormat *out);
/* Whether @format (NULL: text) is "text" or "json"; prints why not. */
gboolean      sf_cli_text_or_json (const char   *format);
/* The team called @name, whatever its case; NULL with a message if none. */
const SfTeam *sf_cli_find_team   (const SfDataset *dataset,
                                  const char      *name);
/* Loads the settings into @settings and the data set; prints why not. */
SfDataset    *sf_cli_load        (SfStore       *store,
                                  SfSettings    *settings);

/* The exit status of a command that printed to standard output:
 * SF_CLI_REFUSED when what it printed did not all get out. */
int           sf_cli_flush       (void);
/* Prints @text (which it frees), ending it with a newline if it has none,
 * and returns sf_cli_flush(). */
int           sf_cli_print_text  (char          *text);

/* @builder's value as pretty-printed JSON text, and that text printed
 * with a newline after it. */
char         *sf_cli_json_to_text (JsonBuilder  *builder);
void          sf_cli_json_print   (JsonBuilder  *builder);

/* Adds @alerts (SfAlert) to @builder as an array of objects: what
 * `alerts --format json` lists. */
void          sf_cli_json_add_alerts (JsonBuilder   *builder,
                                      GPtrArray     *alerts);

/* A member @member of the object being built: @value, or null for NAN
 * (or NULL). */
void          sf_cli_json_add_number (JsonBuilder   *builder,
                                      const char    *member,
                                      double         value);
void          sf_cli_json_add_string (JsonBuilder   *builder,
                                      const char    *member,
                                      const char    *value);
/* A member @member of the object being built: a whole number. */
void          sf_cli_json_add_int    (JsonBuilder   *builder,
                                      const char    *member,
                                      gint64         value);

G_END_DECLS
