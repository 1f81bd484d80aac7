#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A calendar day as a GDate Julian day number; SF_DAY_NONE means "no date". */
typedef guint32 SfDay;

#define SF_DAY_NONE ((SfDay) 0)

SfDay     sf_day_new             (int          year,
                                  int          month,
                                  int          day);
SfDay     sf_day_today           (void);
gboolean  sf_day_parse           (const char  *text,
                                  SfDay       *out_day);
SfDay     sf_day_add_months      (SfDay        day,
                                  guint        months);
/* The first day of the month @months months after (before, when negative)
 * the month of @day. */
SfDay     sf_day_month_start     (SfDay        day,
                                  int          months);
void      sf_day_get_ymd         (SfDay        day,
                                  int         *year,
                                  int         *month,
                                  int         *dom);
char     *sf_day_to_iso          (SfDay        day);
char     *sf_day_format          (SfDay        day);
gboolean  sf_day_in_range        (SfDay        day,
                                  SfDay        from,
                                  SfDay        to);

G_END_DECLS
