#pragma once

#include <glib.h>

#include "sf-capacity.h"

G_BEGIN_DECLS

/* The caseload overview: where each team stands against the range of its
 * area (DS' range, or an own area's own range), and the overview as a file
 * for Danish spreadsheets. */

typedef enum
{
  SF_TEAM_POSITION_UNKNOWN,    /* no availability, so no cases per FTE */
  SF_TEAM_POSITION_BELOW,      /* under the lower end of DS' range */
  SF_TEAM_POSITION_WITHIN,
  SF_TEAM_POSITION_ABOVE,      /* over the upper end: DS' alert */
  SF_TEAM_POSITION_NO_RANGE,   /* an own area without a range of its own */
} SfTeamPosition;

SfTeamPosition  sf_caseloads_team_position  (const SfTeamFigures *team);
/* "Above the DS range", or for an own area "Above the own range" */
const char     *sf_caseloads_position_label (SfTeamPosition       position,
                                             const SfArea        *area);
char           *sf_caseloads_format_comma   (double               value,
                                             int                  digits);

/* ';' between fields, decimal comma, CRLF, a UTF-8 BOM so that Excel reads
 * the letters æøå right, and fields that begin with =, +, - or @
 * neutralised.  Caseworkers first; after an empty line, the teams. */
GBytes         *sf_caseloads_render_csv     (const SfFigures     *figures);

G_END_DECLS
