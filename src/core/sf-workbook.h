#pragma once

#include <glib.h>

#include "sf-capacity.h"
#include "sf-scenario.h"

G_BEGIN_DECLS

/* The HR workbook: an Excel file (.xlsx, written with libxlsxwriter) with
 * today's figures of the caseworkers, teams, areas and the municipality,
 * the trend of the last twelve months, the forecast and, with a scenario,
 * the comparison before → after.  Numbers are numbers (with number formats
 * that Excel shows with the reader's separators), dates are dates, the
 * header rows are frozen, and text is always written as text: a name that
 * begins with = + - or @ is never a formula. */

typedef struct
{
  const SfDataset  *dataset;
  const SfSettings *settings;
  SfDay             ref;
  int               months;      /* forecast horizon; 0: the setting */
  GPtrArray        *recordings;  /* for sf_workbook_trend_days (ref), or NULL: computed */
  const SfScenario *scenario;    /* NULL: no comparison */
} SfWorkbookInput;

/* The days of the trend sheet: the first of each of the twelve months up
 * to @ref's. */
GArray   *sf_workbook_trend_days (SfDay                  ref);
gboolean  sf_workbook_write      (const char            *path,
                                  const SfWorkbookInput *input,
                                  GError               **error);

G_END_DECLS
