/* Data sets built in memory for core tests. */

#include "sf-test-data.h"

SfSettings
sf_test_default_settings (void)
{
  SfSettings s;

  sf_settings_init_defaults (&s);
  return s;
}

void
sf_test_add_area (SfDataset  *ds,
          gint64      id,
          const char *key,
          double      low,
          double      high)
{
  SfArea a = { .id = id, .key = g_strdup (key), .name = g_strdup (key), .ds_low = low, .ds_high = high };

  g_array_append_val (ds->areas, a);
}

void
sf_test_add_team (SfDataset  *ds,
          gint64      id,
          const char *name,
          gint64      area,
          double      cap)
{
  SfTeam t = { .id = id, .name = g_strdup (name), .area_id = area, .cap = cap };

  g_array_append_val (ds->teams, t);
}

SfCaseworker *
sf_test_add_worker (SfDataset  *ds,
            gint64      id,
            const char *initials,
            gint64      team,
            double      hours,
            SfDay       start)
{
  SfCaseworker w = {
    .id = id, .initials = g_strdup (initials), .name = g_strdup (initials), .team_id = team,
    .weekly_hours = hours, .start = start, .individual_factor = 1.0,
  };

  g_array_append_val (ds->caseworkers, w);
  return &g_array_index (ds->caseworkers, SfCaseworker, ds->caseworkers->len - 1);
}

void
sf_test_add_cases (SfDataset    *ds,
           guint         n,
           gint64        worker,
           gint64        cover,
           SfComplexity  complexity,
           SfDay         start,
           SfDay         closed)
{
  for (guint i = 0; i < n; i++)
    {
      SfCase c = {
        .id = ds->cases->len + 1, .reference = g_strdup_printf ("S-%u", ds->cases->len + 1),
        .complexity = complexity, .start = start, .closed = closed,
        .caseworker_id = worker, .cover_id = cover,
      };

      g_array_append_val (ds->cases, c);
    }
}

SfPlannedHire *
sf_test_add_hire (SfDataset *ds,
                  gint64     id,
                  gint64     team,
                  double     hours,
                  SfDay      start)
{
  SfPlannedHire h = { .id = id, .team_id = team, .weekly_hours = hours, .start = start };

  g_array_append_val (ds->planned_hires, h);
  return &g_array_index (ds->planned_hires, SfPlannedHire, ds->planned_hires->len - 1);
}
