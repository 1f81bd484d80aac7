#include "config.h"

#include <glib/gi18n-lib.h>

#include "sf-demo.h"
#include "sf-error.h"
#include "sf-import.h"

/* Demonstration data goes in through the same import as a real roster and
 * case list, so it obeys every rule a real file does. */

typedef struct
{
  const char *team;
  const char *area;
  const char *team_norm;
  const char *initials;
  const char *name;
  const char *hours;
  const char *reduction;
  const char *reason;
  int         start_days_ago;          /* negative: starts in the future */
  gboolean    start_months;            /* start_days_ago counts months instead */
  const char *absence;
  const char *factor;
  const char *factor_reason;
  guint       cases[SF_N_COMPLEXITIES];
  const char *cover;                   /* who covers this person's cases, if anyone */
  guint       covered;                 /* how many of them */
} DemoPerson;

static const DemoPerson people[] = {
  { "Børn og familie – Foranstaltninger", "boern-familie", "", "AKJ", "Anne Kirstine Jensen",
    "37", "", "", 2900, FALSE, "", "", "", { 8, 16, 4 }, NULL, 0 },
  { "Børn og familie – Foranstaltninger", "boern-familie", "", "MHL", "Mette Holm Larsen",
    "37", "4", "TR", 1900, FALSE, "", "", "", { 6, 18, 4 }, NULL, 0 },
  { "Børn og familie – Foranstaltninger", "boern-familie", "", "SBN", "Søren Bach Nielsen",
    "30", "", "", 1100, FALSE, "", "", "", { 4, 12, 2 }, NULL, 0 },
  { "Børn og familie – Foranstaltninger", "boern-familie", "", "LKP", "Louise Krogh Petersen",
    "37", "", "", 2, TRUE, "", "", "", { 6, 9, 1 }, NULL, 0 },
  { "Børn og familie – Foranstaltninger", "boern-familie", "", "RTA", "Rasmus Toft Andersen",
    "37", "", "", 2200, FALSE, "Langtidssygemeldt", "", "", { 4, 10, 3 }, "SBN", 5 },
  { "Sygedagpenge", "sygedagpenge", "45", "PMK", "Pia Møller Kristensen",
    "37", "", "", 3650, FALSE, "", "", "", { 10, 33, 3 }, NULL, 0 },
  { "Sygedagpenge", "sygedagpenge", "45", "JBS", "Jonas Bruun Svendsen",
    "37", "7,4", "Efteruddannelse (diplom)", 1500, FALSE, "", "", "", { 10, 20, 2 }, NULL, 0 },
  { "Sygedagpenge", "sygedagpenge", "45", "HEF", "Hanne Egholm Frederiksen",
    "37", "", "", 4000, FALSE, "", "0,8", "Delvis tilbagevenden efter sygdom", { 8, 28, 4 }, NULL, 0 },
  { "Sygedagpenge", "sygedagpenge", "45", "NVD", "Nadia Vestergaard Dahl",
    "37", "", "", 6, TRUE, "", "", "", { 10, 21, 2 }, NULL, 0 },
  { "Jobcenter – Aktivitetsparate over 30", "aktivitetsparate-over-30", "", "CHO", "Christian Holm Olsen",
    "37", "", "", 2500, FALSE, "", "", "", { 12, 34, 4 }, NULL, 0 },
  { "Jobcenter – Aktivitetsparate over 30", "aktivitetsparate-over-30", "", "TLR", "Trine Lund Rasmussen",
    "32", "4", "Projekt: Virksomhedsrettet indsats", 1300, FALSE, "", "", "", { 10, 21, 2 }, NULL, 0 },
  { "Jobcenter – Aktivitetsparate over 30", "aktivitetsparate-over-30", "", "KAW", "Karim Al-Wahid",
    "37", "", "", -14, FALSE, "", "", "", { 0, 0, 0 }, NULL, 0 },
  { "Jobcenter – Aktivitetsparate over 30", "aktivitetsparate-over-30", "", "EMS", "Emma Skov Mortensen",
    "37", "", "", 1800, FALSE, "Orlov", "", "", { 2, 4, 0 }, "TLR", 6 },
};

static const char * const complexity_words[SF_N_COMPLEXITIES] = {
  "enkel", "kompleks", "Særligt kompliceret",
};

static char *
day_string (SfDay today,
            int   days_ago,
            int   months_ago)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, today);
  if (months_ago > 0)
    g_date_subtract_months (&date, months_ago);
  else if (days_ago >= 0)
    g_date_subtract_days (&date, days_ago);
  else
    g_date_add_days (&date, -days_ago);
  return sf_day_to_iso (g_date_get_julian (&date));
}

gboolean
sf_demo_populate (SfStore  *store,
                  SfDay     today,
                  GError  **error)
{
  g_autoptr(GString) roster = g_string_new ("team;omraade;team_norm;initialer;navn;timer;"
                                            "reduktion_timer;reduktion_aarsag;startdato;fravaer;"
                                            "individuel_faktor;faktor_begrundelse\n");
  g_autoptr(GString) cases = g_string_new ("sagsnummer;initialer;kompleksitet;startdato;daekkes_af;lukket\n");
  g_autoptr(GBytes) roster_bytes = NULL;
  g_autoptr(GBytes) case_bytes = NULL;
  g_auto(SfImportResult) result = { 0 };
  guint serial = 100;

  if (!sf_store_is_empty (store))
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("The database already holds caseworkers. Demonstration data "
                             "goes into an empty database only."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const DemoPerson *p = &people[i];
      g_autofree char *start = p->start_months ? day_string (today, 0, p->start_days_ago)
                                               : day_string (today, p->start_days_ago, 0);
      guint n = 0;

      g_string_append_printf (roster, "%s;%s;%s;%s;%s;%s;%s;\"%s\";%s;%s;%s;%s\n",
                              p->team, p->area, p->team_norm, p->initials, p->name, p->hours,
                              p->reduction, p->reason, start, p->absence, p->factor,
                              p->factor_reason);

      for (guint c = 0; c < SF_N_COMPLEXITIES; c++)
        for (guint k = 0; k < p->cases[c]; k++, n++)
          {
            /* Spread start dates over two years; the new hire's cases are recent. */
            int age = p->start_months ? (int) (n * 5 % 50) : (int) ((serial * 37) % 700);
            g_autofree char *case_start = day_string (today, age, 0);
            const char *cover = (p->cover != NULL && n < p->covered) ? p->cover : "";

            g_string_append_printf (cases, "%c%c-%04d-%05u;%s;%s;%s;%s;\n",
                                    p->area[0] & ~0x20, p->area[1] & ~0x20,
                                    2020 + (int) (serial % 6), serial, p->initials,
                                    complexity_words[c], case_start, cover);
            serial++;
          }

      /* A few closed cases, which no longer count. */
      if (p->cases[SF_COMPLEXITY_KOMPLEKS] > 0)
        {
          g_autofree char *opened = day_string (today, 400, 0);
          g_autofree char *closed = day_string (today, 30, 0);

          g_string_append_printf (cases, "%c%c-%04d-%05u;%s;kompleks;%s;;%s\n",
                                  p->area[0] & ~0x20, p->area[1] & ~0x20,
                                  2020 + (int) (serial % 6), serial, p->initials, opened, closed);
          serial++;
        }
    }

  roster_bytes = g_string_free_to_bytes (g_steal_pointer (&roster));
  case_bytes = g_string_free_to_bytes (g_steal_pointer (&cases));

  if (!sf_import_roster (store, roster_bytes, &result, error))
    return FALSE;
  sf_import_result_clear (&result);
  return sf_import_cases (store, case_bytes, &result, error);
}
