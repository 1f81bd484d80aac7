#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sf-alerts.h"
#include "sf-error.h"
#include "sf-norms.h"
#include "sf-text.h"

static const char * const kind_keys[SF_N_ALERT_KINDS] = {
  "over-norm",
  "near-norm",
  "no-capacity",
  "uncovered-cases",
  "team-over-ds-range",
  "checklist-due",
  "team-over-own-range",
  "sustained-overload",
  "team-sustained-overload",
};

const char *
sf_alert_kind_to_key (SfAlertKind kind)
{
  g_return_val_if_fail (kind < SF_N_ALERT_KINDS, NULL);
  return kind_keys[kind];
}

gboolean
sf_alert_kind_parse (const char  *key,
                     SfAlertKind *out)
{
  for (guint i = 0; i < SF_N_ALERT_KINDS; i++)
    if (g_strcmp0 (key, kind_keys[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sf_severity_to_key (SfSeverity severity)
{
  return severity == SF_SEVERITY_ERROR ? "error" : "warning";
}

/* What an acknowledgement is attached to: the kind and its subject. */
char *
sf_alert_identity (const SfAlert *alert)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                          kind_keys[alert->kind], alert->team_id, alert->caseworker_id);
}

/* A copy that lives on its own: to keep or to acknowledge later, when the
 * list it came from is gone */
SfAlert *
sf_alert_copy (const SfAlert *alert)
{
  SfAlert *copy;

  g_return_val_if_fail (alert != NULL, NULL);

  copy = g_memdup2 (alert, sizeof *alert);

  copy->subject = g_strdup (alert->subject);
  copy->team_name = g_strdup (alert->team_name);
  copy->message = g_strdup (alert->message);
  copy->resolution = g_strdup (alert->resolution);
  copy->ack_note = g_strdup (alert->ack_note);
  return copy;
}

void
sf_alert_free (SfAlert *alert)
{
  if (alert == NULL)
    return;
  g_free (alert->subject);
  g_free (alert->team_name);
  g_free (alert->message);
  g_free (alert->resolution);
  g_free (alert->ack_note);
  g_free (alert);
}

void
sf_alert_ack_free (SfAlertAck *ack)
{
  if (ack == NULL)
    return;
  g_free (ack->identity);
  g_free (ack->note);
  g_free (ack->at);
  g_free (ack->who);
  g_free (ack);
}

gboolean
sf_alert_ack_holds (const SfAlertAck *ack,
                    const SfAlert    *alert,
                    SfDay             ref)
{
  if (ack->expires != SF_DAY_NONE && ref >= ack->expires)
    return FALSE;
  return alert->value <= ack->value + SF_EPSILON;
}

/* The key of the history run an alert belongs to: the person's status run,
 * or the team's run of uncovered cases. */
static char *
since_key (const SfAlert *alert)
{
  if (sf_alert_kind_is_sustained (alert->kind))
    return NULL;
  if (alert->caseworker_id != 0)
    return g_strdup_printf ("w%" G_GINT64_FORMAT, alert->caseworker_id);
  return g_strdup_printf ("t%" G_GINT64_FORMAT ":%s", alert->team_id, kind_keys[alert->kind]);
}

void
sf_alerts_apply (GPtrArray  *alerts,
                 GHashTable *acks,
                 GHashTable *since_days,
                 SfDay       ref)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      SfAlert *alert = g_ptr_array_index (alerts, i);

      if (acks != NULL)
        {
          g_autofree char *identity = sf_alert_identity (alert);
          const SfAlertAck *ack = g_hash_table_lookup (acks, identity);

          alert->acknowledged = ack != NULL && sf_alert_ack_holds (ack, alert, ref);
          alert->ack_id = ack != NULL ? ack->id : 0;
          alert->ack_version = ack != NULL ? ack->version : 0;
          g_clear_pointer (&alert->ack_note, g_free);
          alert->ack_expires = SF_DAY_NONE;
          if (alert->acknowledged)
            {
              alert->ack_note = g_strdup (ack->note);
              alert->ack_expires = ack->expires;
            }
        }
      if (since_days != NULL)
        {
          g_autofree char *key = since_key (alert);

          /* Sustained overload knows its own start */
          if (key != NULL)
            alert->since = GPOINTER_TO_UINT (g_hash_table_lookup (since_days, key));
        }
    }
}

guint
sf_alerts_count_active (GPtrArray  *alerts,
                        SfSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < alerts->len; i++)
    {
      const SfAlert *alert = g_ptr_array_index (alerts, i);

      if (!alert->acknowledged && alert->severity == severity)
        n++;
    }
  return n;
}

/* Rounds up to one decimal, so "move 2.4" is enough and never too little. */
static char *
format_up (double value)
{
  return sf_format_decimal (ceil (value * 10 - SF_EPSILON) / 10, 1);
}

/* An alert of @team (NULL: none) about @subject: its figure @value against
 * @limit, @excess over what is allowed */
static SfAlert *
alert_new (SfAlertKind   kind,
           SfSeverity    severity,
           const SfTeam *team,
           const char   *subject,
           double        value,
           double        limit,
           double        excess)
{
  SfAlert *alert = g_new0 (SfAlert, 1);

  alert->kind = kind;
  alert->severity = severity;
  alert->team_id = team ? team->id : 0;
  alert->team_name = g_strdup (team ? team->name : "");
  alert->subject = g_strdup (subject);
  alert->value = value;
  alert->limit = limit;
  alert->excess = excess;
  return alert;
}

static SfAlert *
worker_alert (const SfFigures       *figures,
              const SfWorkerFigures *wf)
{
  const SfCaseworker *w = wf->worker;
  g_autofree char *load = sf_format_decimal (wf->weighted_load, 1);
  g_autofree char *norm = sf_format_decimal (wf->adjusted_norm, 1);
  SfAlert *alert;

  if (wf->adjusted_norm <= 0)
    {
      const char *why;

      if (wf->weighted_load <= 0)
        return NULL;
      if (wf->absent)
        why = _("is absent");
      else if (wf->ended)
        why = _("has left");
      else if (!wf->started)
        why = _("has not started yet");
      else
        why = _("has no hours for cases");

      alert = alert_new (SF_ALERT_NO_CAPACITY, SF_SEVERITY_ERROR, wf->team, w->initials, wf->weighted_load, 0,
                         wf->weighted_load);
      /* Translators: "%s (%s) is absent but is responsible for 4 cases (weighted 3.5)." */
      alert->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s (%s) %s but is responsible for %u case (weighted %s).",
                                                     "%s (%s) %s but is responsible for %u cases (weighted %s).",
                                                     wf->open_cases),
                                        w->name, w->initials, why, wf->open_cases, load);
      alert->resolution = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Give its %u case to a colleague with headroom.",
                                                        "Give the %u cases to colleagues with headroom.",
                                                        wf->open_cases),
                                           wf->open_cases);
    }
  else if (wf->status == SF_STATUS_OVER)
    {
      g_autofree char *used = sf_format_percent (wf->utilisation);
      g_autofree char *excess = NULL;

      alert = alert_new (SF_ALERT_OVER_NORM, SF_SEVERITY_ERROR, wf->team, w->initials, wf->utilisation, 1.0,
                         wf->weighted_load - wf->adjusted_norm);
      excess = format_up (alert->excess);
      alert->message = g_strdup_printf (_("%s (%s) carries a weighted load of %s against an adjusted norm of %s (%s)."),
                                        w->name, w->initials, load, norm, used);
      alert->resolution = g_strdup_printf (_("Move %s weighted cases to colleagues, or give no new cases until the load is down."),
                                           excess);
    }
  else if (wf->status == SF_STATUS_NEAR)
    {
      g_autofree char *used = sf_format_percent (wf->utilisation);
      g_autofree char *threshold = sf_format_percent (figures->settings.near_threshold);
      g_autofree char *headroom = sf_format_decimal (wf->adjusted_norm - wf->weighted_load, 1);

      alert = alert_new (SF_ALERT_NEAR_NORM, SF_SEVERITY_WARNING, wf->team, w->initials, wf->utilisation,
                         figures->settings.near_threshold,
                         wf->weighted_load - wf->adjusted_norm * figures->settings.near_threshold);
      alert->message = g_strdup_printf (_("%s (%s) is near the norm: a weighted load of %s against %s (%s; warning above %s)."),
                                        w->name, w->initials, load, norm, used, threshold);
      alert->resolution = g_strdup_printf (_("Only %s weighted cases of headroom left: give new cases to colleagues first."),
                                           headroom);
    }
  else
    return NULL;

  alert->caseworker_id = w->id;
  return alert;
}

static SfAlert *
uncovered_alert (const SfFigures     *figures,
                 const SfTeamFigures *tf)
{
  g_autoptr(GString) who = g_string_new (NULL);
  g_autofree char *weight = NULL;
  SfAlert *alert;

  if (tf->uncovered_cases == 0)
    return NULL;

  for (guint i = 0; i < figures->workers->len; i++)
    {
      const SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, i);

      if (wf->team == tf->team && wf->uncovered_cases > 0)
        g_string_append_printf (who, "%s%s", who->len ? ", " : "", wf->worker->initials);
    }

  weight = sf_format_decimal (tf->uncovered_load, 1);
  alert = alert_new (SF_ALERT_UNCOVERED_CASES, SF_SEVERITY_ERROR, tf->team, tf->team->name, tf->uncovered_cases, 0,
                     tf->uncovered_cases);
  alert->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s has %u case (weighted %s) whose caseworker is absent or has left and that nobody covers (%s).",
                                                 "%s has %u cases (weighted %s) whose caseworker is absent or has left and that nobody covers (%s).",
                                                 tf->uncovered_cases),
                                    tf->team->name, tf->uncovered_cases, weight, who->str);
  alert->resolution = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Cover %u case of an absent colleague.",
                                                    "Cover %u cases of absent colleagues.",
                                                    tf->uncovered_cases),
                                       tf->uncovered_cases);
  return alert;
}

/* A team above the upper end of its area's range: DS' range for an area of
 * the catalogue, the organisation's own for an own area (and no alert for
 * an own area without one).  Never the team's own cap. */
static SfAlert *
ds_range_alert (const SfFigures     *figures,
                const SfTeamFigures *tf)
{
  g_autofree char *per_fte = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *fewer = NULL;
  g_autofree char *more_fte = NULL;
  double range_low, range_high;
  SfAlert *alert;

  if (tf->area == NULL || isnan (tf->cases_per_fte) ||
      !sf_area_get_range (tf->area, &range_low, &range_high) ||
      tf->cases_per_fte <= range_high + SF_EPSILON)
    return NULL;

  per_fte = sf_format_decimal (tf->cases_per_fte, 1);
  low = sf_format_figure (range_low);
  high = sf_format_figure (range_high);
  alert = alert_new (tf->area->custom ? SF_ALERT_TEAM_OVER_OWN_RANGE : SF_ALERT_TEAM_OVER_DS_RANGE,
                     SF_SEVERITY_WARNING, tf->team, tf->team->name, tf->cases_per_fte, range_high,
                     tf->open_cases - range_high * tf->availability_sum);
  fewer = format_up (alert->excess);
  more_fte = format_up (tf->open_cases / range_high - tf->availability_sum);
  if (tf->area->custom)
    alert->message = g_strdup_printf (_("%s has %s cases per full-time caseworker, above the organisation’s "
                                        "own range %s–%s for %s (its own figure, not DS’)."),
                                      tf->team->name, per_fte, low, high, tf->area->name);
  else
    alert->message = g_strdup_printf (_("%s has %s cases per full-time caseworker, above DS' recommended %s–%s for %s."),
                                      tf->team->name, per_fte, low, high, tf->area->name);
  alert->resolution = g_strdup_printf (_("It takes %s fewer cases or %s more full-time caseworkers to reach the range."),
                                       fewer, more_fte);
  return alert;
}

static int
compare_alerts (gconstpointer a,
                gconstpointer b)
{
  const SfAlert *x = *(const SfAlert * const *) a;
  const SfAlert *y = *(const SfAlert * const *) b;
  int cmp;

  if (x->severity != y->severity)
    return x->severity == SF_SEVERITY_ERROR ? -1 : 1;
  if ((cmp = g_utf8_collate (x->team_name, y->team_name)) != 0)
    return cmp;
  /* The team's own alerts before its members'. */
  if ((x->caseworker_id == 0) != (y->caseworker_id == 0))
    return x->caseworker_id == 0 ? -1 : 1;
  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  return strcmp (x->subject, y->subject);
}

/* The figures' alerts of the caseworkers @caseworker_ids and the teams
 * @team_ids (ascending sets; NULL: all), added to @alerts unsorted */
static void
add_alerts (GPtrArray       *alerts,
            const SfFigures *figures,
            const GArray    *caseworker_ids,
            const GArray    *team_ids)
{
  for (guint i = 0; i < figures->workers->len; i++)
    {
      const SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, i);
      SfAlert *alert;

      if (caseworker_ids != NULL && !sf_ids_contain (caseworker_ids, wf->worker->id))
        continue;
      if ((alert = worker_alert (figures, wf)) != NULL)
        g_ptr_array_add (alerts, alert);
    }
  for (guint i = 0; i < figures->teams->len; i++)
    {
      const SfTeamFigures *tf = &g_array_index (figures->teams, SfTeamFigures, i);
      SfAlert *alert;

      if (team_ids != NULL && !sf_ids_contain (team_ids, tf->team->id))
        continue;
      if ((alert = uncovered_alert (figures, tf)) != NULL)
        g_ptr_array_add (alerts, alert);
      if ((alert = ds_range_alert (figures, tf)) != NULL)
        g_ptr_array_add (alerts, alert);
    }
}

GPtrArray *
sf_alerts_evaluate (const SfFigures *figures)
{
  GPtrArray *alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_alert_free);

  add_alerts (alerts, figures, NULL, NULL);
  g_ptr_array_sort (alerts, compare_alerts);
  return alerts;
}

/* Whether @alert is one of the figures' alerts of a caseworker in
 * @caseworker_ids or of a team in @team_ids (not a checklist's) */
static gboolean
alert_is_of (const SfAlert *alert,
             const GArray  *caseworker_ids,
             const GArray  *team_ids)
{
  if (alert->caseworker_id != 0)
    return sf_ids_contain (caseworker_ids, alert->caseworker_id);
  return alert->kind != SF_ALERT_CHECKLIST_DUE && sf_ids_contain (team_ids, alert->team_id);
}

GPtrArray *
sf_alerts_evaluate_some (const SfFigures *figures,
                         GPtrArray       *alerts,
                         const GArray    *caseworker_ids,
                         const GArray    *team_ids,
                         GPtrArray      **out_fresh)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_full (alerts->len + 8, (GDestroyNotify) sf_alert_free);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();

  g_return_val_if_fail (caseworker_ids != NULL && team_ids != NULL, NULL);

  /* The others' alerts keep their order (@alerts is sorted); the fresh
   * ones go in where they belong, rather than sorting thousands of alerts
   * by their teams' collated names again for one edit */
  for (guint i = 0; i < alerts->len; i++)
    {
      const SfAlert *alert = g_ptr_array_index (alerts, i);

      if (!alert_is_of (alert, caseworker_ids, team_ids))
        g_ptr_array_add (result, sf_alert_copy (alert));
    }
  add_alerts (fresh, figures, caseworker_ids, team_ids);
  for (guint i = 0; i < fresh->len; i++)
    sf_alerts_insert_sorted (result, g_ptr_array_index (fresh, i));
  if (out_fresh != NULL)
    *out_fresh = g_steal_pointer (&fresh);
  return g_steal_pointer (&result);
}

gboolean
sf_alert_kind_is_sustained (SfAlertKind kind)
{
  return kind == SF_ALERT_SUSTAINED_OVERLOAD || kind == SF_ALERT_TEAM_SUSTAINED_OVERLOAD;
}

/* How many points, counted back from the last, are over in an unbroken run. */
static guint
run_length (GPtrArray *points,
            gboolean (*is_over) (const SfSettings *, const SfTrendPoint *, guint),
            const SfSettings *settings,
            guint             index)
{
  guint n = 0;

  while (n < points->len && is_over (settings, g_ptr_array_index (points, points->len - 1 - n), index))
    n++;
  return n;
}

static gboolean
worker_is_over (const SfSettings   *settings,
                const SfTrendPoint *point,
                guint               index)
{
  return g_array_index (point->workers, SfTrendWorker, index).status == SF_STATUS_OVER;
}

static gboolean
team_is_over (const SfSettings   *settings,
              const SfTrendPoint *point,
              guint               index)
{
  const SfTeamFigures *tf = &g_array_index (point->teams, SfTeamFigures, index);

  return sf_capacity_status (settings, tf->load, tf->capacity) == SF_STATUS_OVER;
}

void
sf_alerts_over_at (const SfFigures    *figures,
                   const SfTrendPoint *point,
                   const GArray       *caseworker_ids,
                   const GArray       *team_ids,
                   GArray             *over_workers,
                   GArray             *over_teams)
{
  for (guint i = 0; i < point->workers->len; i++)
    {
      const SfCaseworker *w = &g_array_index (figures->dataset->caseworkers, SfCaseworker, i);

      if ((caseworker_ids == NULL || sf_ids_contain (caseworker_ids, w->id)) &&
          worker_is_over (&figures->settings, point, i))
        sf_ids_add (over_workers, w->id);
    }
  for (guint i = 0; i < point->teams->len; i++)
    {
      const SfTeamFigures *tf = &g_array_index (point->teams, SfTeamFigures, i);

      if ((team_ids == NULL || sf_ids_contain (team_ids, tf->team->id)) &&
          team_is_over (&figures->settings, point, i))
        sf_ids_add (over_teams, tf->team->id);
    }
}

/* What a sustained alert's message says, as sustained_alert_new() words it */
typedef struct
{
  guint  weeks;    /* since the run began */
  char  *since;    /* the day it began */
  char  *load;     /* the load now */
  char  *allowed;  /* the adjusted norm or capacity now */
  char  *excess;   /* the load to move, rounded up */
} SustainedWords;

static void
sustained_words_clear (SustainedWords *words)
{
  g_clear_pointer (&words->since, g_free);
  g_clear_pointer (&words->load, g_free);
  g_clear_pointer (&words->allowed, g_free);
  g_clear_pointer (&words->excess, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SustainedWords, sustained_words_clear)

/* The alert of @subject, over what it is @allowed (its adjusted norm or
 * capacity) at each of the last @run weekly @points: since the run's first
 * point, by @load - @allowed now; its value is @utilisation, or the load
 * where that is unknown.  @words: what its message says. */
static SfAlert *
sustained_alert_new (SfAlertKind     kind,
                     const SfTeam   *team,
                     const char     *subject,
                     GPtrArray      *points,
                     guint           run,
                     double          utilisation,
                     double          load,
                     double          allowed,
                     SustainedWords *words)
{
  const SfTrendPoint *first = g_ptr_array_index (points, points->len - run);
  const SfTrendPoint *last = g_ptr_array_index (points, points->len - 1);
  SfAlert *alert = alert_new (kind, SF_SEVERITY_ERROR, team, subject, isnan (utilisation) ? load : utilisation, 1.0,
                              load - allowed);

  alert->since = first->day;
  words->weeks = (last->day - alert->since) / 7;
  words->since = sf_day_format (alert->since);
  words->load = sf_format_decimal (load, 1);
  words->allowed = sf_format_decimal (allowed, 1);
  words->excess = format_up (alert->excess);
  return alert;
}

GPtrArray *
sf_alerts_sustained (const SfFigures *figures,
                     GPtrArray       *points)
{
  return sf_alerts_sustained_some (figures, points, NULL, NULL);
}

GPtrArray *
sf_alerts_sustained_some (const SfFigures *figures,
                          GPtrArray       *points,
                          const GArray    *caseworker_ids,
                          const GArray    *team_ids)
{
  GPtrArray *alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_alert_free);
  const SfSettings *settings = &figures->settings;
  guint needed = (guint) settings->sustained_weeks + 1;
  const SfTrendPoint *last;

  if (points->len < needed)
    return alerts;
  last = g_ptr_array_index (points, points->len - 1);
  g_return_val_if_fail (last->day == figures->ref, alerts);

  for (guint i = 0; i < last->workers->len; i++)
    {
      const SfCaseworker *w = &g_array_index (figures->dataset->caseworkers, SfCaseworker, i);
      const SfTrendWorker *tw = &g_array_index (last->workers, SfTrendWorker, i);
      const SfTeam *team = sf_dataset_find_team (figures->dataset, w->team_id);
      guint run = caseworker_ids == NULL || sf_ids_contain (caseworker_ids, w->id)
                  ? run_length (points, worker_is_over, settings, i) : 0;
      g_auto(SustainedWords) words = { 0 };
      SfAlert *alert;

      if (run < needed)
        continue;
      alert = sustained_alert_new (SF_ALERT_SUSTAINED_OVERLOAD, team, w->initials, points, run,
                                   tw->utilisation, tw->load, tw->adjusted_norm, &words);
      alert->caseworker_id = w->id;
      /* Translators: "Trine Larsen (TLR) has been over the norm at every weekly point since 01.11.2026 (5 weeks): …" */
      alert->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s (%s) has been over the norm at every weekly point since %s (%u week): now a weighted load of %s against an adjusted norm of %s.",
                                                     "%s (%s) has been over the norm at every weekly point since %s (%u weeks): now a weighted load of %s against an adjusted norm of %s.",
                                                     words.weeks),
                                        w->name, w->initials, words.since, words.weeks, words.load, words.allowed);
      alert->resolution = g_strdup_printf (_("Move %s weighted cases to colleagues with headroom, or lower the load another way: the alert ends at the first weekly point within the norm."),
                                           words.excess);
      g_ptr_array_add (alerts, alert);
    }

  for (guint i = 0; i < last->teams->len; i++)
    {
      const SfTeamFigures *tf = &g_array_index (last->teams, SfTeamFigures, i);
      guint run = team_ids == NULL || sf_ids_contain (team_ids, tf->team->id)
                  ? run_length (points, team_is_over, settings, i) : 0;
      g_auto(SustainedWords) words = { 0 };
      SfAlert *alert;

      if (run < needed)
        continue;
      alert = sustained_alert_new (SF_ALERT_TEAM_SUSTAINED_OVERLOAD, tf->team, tf->team->name, points, run,
                                   sf_trend_team_utilisation (tf), tf->load, tf->capacity, &words);
      alert->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s has been over its capacity at every weekly point since %s (%u week): now a weighted load of %s against a capacity of %s.",
                                                     "%s has been over its capacity at every weekly point since %s (%u weeks): now a weighted load of %s against a capacity of %s.",
                                                     words.weeks),
                                        tf->team->name, words.since, words.weeks, words.load, words.allowed);
      alert->resolution = g_strdup_printf (_("Add capacity (a hire, fewer reductions) or move %s weighted cases to other teams: the alert ends at the first weekly point within capacity."),
                                           words.excess);
      g_ptr_array_add (alerts, alert);
    }
  return alerts;
}

void
sf_alerts_insert_sorted (GPtrArray *alerts,
                         SfAlert   *alert)
{
  guint low = 0, high = alerts->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (compare_alerts (&alerts->pdata[mid], &alert) <= 0)
        low = mid + 1;
      else
        high = mid;
    }
  g_ptr_array_insert (alerts, (gint) low, alert);
}

/* Puts alerts from elsewhere (checklists) in the order of the others. */
void
sf_alerts_sort (GPtrArray *alerts)
{
  g_ptr_array_sort (alerts, compare_alerts);
}

void
sf_suggestion_free (SfSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->reason);
  g_free (suggestion);
}

/* Is @a a better choice than @b? */
static gboolean
better_candidate (const SfWorkerFigures *a,
                  double                 headroom_a,
                  const SfWorkerFigures *b,
                  double                 headroom_b)
{
  if (fabs (headroom_a - headroom_b) > SF_EPSILON)
    return headroom_a > headroom_b;
  if (fabs (a->utilisation - b->utilisation) > SF_EPSILON)
    return a->utilisation < b->utilisation;
  return strcmp (a->worker->initials, b->worker->initials) < 0;
}

SfSuggestion *
sf_suggest_next_case (const SfFigures  *figures,
                      gint64            team_id,
                      SfComplexity      complexity,
                      GError          **error)
{
  const SfTeamFigures *tf = sf_figures_find_team (figures, team_id);
  const SfWorkerFigures *best = NULL;
  double weight = figures->settings.weights[complexity];
  double best_headroom = 0;
  SfSuggestion *suggestion;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *used = NULL;
  guint candidates = 0;

  if (tf == NULL)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND, _("There is no such team."));
      return NULL;
    }

  for (guint i = 0; i < figures->workers->len; i++)
    {
      const SfWorkerFigures *wf = &g_array_index (figures->workers, SfWorkerFigures, i);
      double headroom;

      if (wf->team != tf->team || wf->adjusted_norm <= 0)
        continue;
      candidates++;
      headroom = wf->adjusted_norm - wf->weighted_load - weight;
      if (best == NULL || better_candidate (wf, headroom, best, best_headroom))
        {
          best = wf;
          best_headroom = headroom;
        }
    }

  if (best == NULL)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_NOT_FOUND,
                   _("Nobody in %s has capacity for new cases (everyone is absent, not started "
                     "or without hours for cases)."), tf->team->name);
      return NULL;
    }

  suggestion = g_new0 (SfSuggestion, 1);
  suggestion->worker = best;
  suggestion->headroom_before = best->adjusted_norm - best->weighted_load;
  suggestion->headroom_after = best_headroom;
  suggestion->utilisation_after = (best->weighted_load + weight) / best->adjusted_norm;

  before = sf_format_decimal (suggestion->headroom_before, 1);
  after = sf_format_decimal (suggestion->headroom_after, 1);
  used = sf_format_percent (suggestion->utilisation_after);
  if (candidates == 1)
    suggestion->reason = g_strdup_printf (_("%s (%s) is the only one in the team with capacity: "
                                            "headroom %s weighted cases before the case, %s after (%s of the norm)."),
                                          best->worker->name, best->worker->initials, before, after, used);
  else if (suggestion->headroom_after < -SF_EPSILON)
    suggestion->reason = g_strdup_printf (_("%s (%s) has the most headroom, but the case takes them over the norm: "
                                            "headroom %s weighted cases before, %s after (%s of the norm)."),
                                          best->worker->name, best->worker->initials, before, after, used);
  else
    suggestion->reason = g_strdup_printf (_("%s (%s) has the most headroom in the team: "
                                            "%s weighted cases before the case, %s after (%s of the norm)."),
                                          best->worker->name, best->worker->initials, before, after, used);
  return suggestion;
}
