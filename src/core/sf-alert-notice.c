#include "config.h"

#include <glib/gi18n-lib.h>

#include "sf-alert-notice.h"
#include "sf-error.h"

/* "Over norm for 5 weeks": NULL where history does not know when the
 * situation began.  Under two weeks it counts days, then whole weeks. */
char *
sf_alert_describe_since (const SfAlert *alert,
                         SfDay          ref)
{
  guint days, weeks;

  g_return_val_if_fail (alert != NULL, NULL);

  if (alert->since == SF_DAY_NONE || ref == SF_DAY_NONE || alert->since > ref)
    return NULL;

  days = ref - alert->since;
  weeks = days / 7;

  switch (alert->kind)
    {
    case SF_ALERT_OVER_NORM:
    case SF_ALERT_NO_CAPACITY:
      /* A person without capacity who carries cases has the status "over" */
      if (days == 0)
        return g_strdup (_("Over norm since today"));
      if (days < 14)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Over norm for %u day", "Over norm for %u days", days), days);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Over norm for %u week", "Over norm for %u weeks", weeks), weeks);

    case SF_ALERT_NEAR_NORM:
      if (days == 0)
        return g_strdup (_("Near norm since today"));
      if (days < 14)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Near norm for %u day", "Near norm for %u days", days), days);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Near norm for %u week", "Near norm for %u weeks", weeks), weeks);

    case SF_ALERT_UNCOVERED_CASES:
      if (days == 0)
        return g_strdup (_("Cases uncovered since today"));
      if (days < 14)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cases uncovered for %u day", "Cases uncovered for %u days", days), days);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cases uncovered for %u week", "Cases uncovered for %u weeks", weeks), weeks);

    case SF_ALERT_CHECKLIST_DUE:
      if (days == 0)
        return g_strdup (_("Follow-up due since today"));
      if (days < 14)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Follow-up due for %u day", "Follow-up due for %u days", days), days);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Follow-up due for %u week", "Follow-up due for %u weeks", weeks), weeks);

    case SF_ALERT_SUSTAINED_OVERLOAD:
    case SF_ALERT_TEAM_SUSTAINED_OVERLOAD:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Over for %u week in a row", "Over for %u weeks in a row", weeks), weeks);

    case SF_ALERT_TEAM_OVER_DS_RANGE:
    case SF_ALERT_TEAM_OVER_OWN_RANGE:
    case SF_N_ALERT_KINDS:
    default:
      return NULL;
    }
}

/* The number on the Alerts tab: every alert no acknowledgement holds for,
 * errors and warnings alike. */
guint
sf_alerts_count_unacknowledged (GPtrArray *alerts)
{
  g_return_val_if_fail (alerts != NULL, 0);

  return sf_alerts_count_active (alerts, SF_SEVERITY_ERROR) +
         sf_alerts_count_active (alerts, SF_SEVERITY_WARNING);
}

/* The desktop notification for errors that are new since the last start
 * (@identities from sf_alerts_take_new_errors()): FALSE, and nothing to
 * send, when there are none.  It names nobody: a notification can show on
 * a locked screen, and this is personnel data. */
gboolean
sf_alerts_new_errors_notice (const char * const  *identities,
                             char               **title,
                             char               **body)
{
  guint n = identities ? g_strv_length ((char **) identities) : 0;

  g_return_val_if_fail (title != NULL && body != NULL, FALSE);

  *title = NULL;
  *body = NULL;
  if (n == 0)
    return FALSE;

  *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u New Caseload Error",
                                         "%u New Caseload Errors", n),
                            n);
  *body = g_strdup (g_dngettext (GETTEXT_PACKAGE,
                                 "Since the last start, a caseworker or team has gone over the norm or has "
                                 "cases nobody covers. Open the Alerts page to see who.",
                                 "Since the last start, caseworkers or teams have gone over the norm or have "
                                 "cases nobody covers. Open the Alerts page to see who.", n));
  return TRUE;
}

SfDay
sf_alert_ack_default_expiry (SfDay today)
{
  g_return_val_if_fail (today != SF_DAY_NONE, SF_DAY_NONE);

  return today + SF_ALERT_ACK_DEFAULT_DAYS;
}

/* Checks what a manager typed to acknowledge an alert: a note that says
 * why it can wait, and an expiry date after @today (the alert returns on
 * that day).  The error says what to change. */
gboolean
sf_alert_ack_check (const char  *note,
                    const char  *expires_text,
                    SfDay        today,
                    SfDay       *out_expires,
                    GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (note ? note : ""));
  g_autofree char *date = g_strstrip (g_strdup (expires_text ? expires_text : ""));
  SfDay expires = SF_DAY_NONE;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("Write a note on why the alert can wait."));
      return FALSE;
    }
  if (*date == '\0')
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("Give the date the alert should return."));
      return FALSE;
    }
  if (!sf_day_parse (date, &expires))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a date. Write it as day.month.year, for example 31.12.2026."), date);
      return FALSE;
    }
  if (expires <= today)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("The alert would return at once: choose a date after today."));
      return FALSE;
    }
  if (out_expires != NULL)
    *out_expires = expires;
  return TRUE;
}

/* The figures of the store on @ref.  They borrow *@out_dataset, which the
 * caller frees after them. */
SfFigures *
sf_figures_load (SfStore    *store,
                 SfDay       ref,
                 SfDataset **out_dataset,
                 GError    **error)
{
  SfSettings settings;
  SfDataset *dataset;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);
  g_return_val_if_fail (out_dataset != NULL, NULL);

  sf_settings_init_defaults (&settings);
  if (!sf_store_load_settings (store, &settings, error) ||
      (dataset = sf_store_load_dataset (store, error)) == NULL)
    return NULL;

  *out_dataset = dataset;
  return sf_figures_compute (dataset, &settings, ref);
}
