#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "sf-alerts.h"
#include "sf-error.h"
#include "sf-planned-hires.h"
#include "sf-roster-edit.h"
#include "sf-scenario.h"
#include "sf-text.h"
#include "sf-trend.h"

/* Beyond this many problems a file is clearly the wrong file: stop listing. */
#define MAX_PROBLEMS 50
/* The most cases one change moves: more is a mistake in the file. */
#define MAX_COUNT 100000
/* How far back the sustained overload's start is looked for, as the alerts
 * of the real data look (sf-history.c). */
#define SUSTAINED_LOOKBACK_WEEKS 52

static const char * const op_keys[SF_N_SCENARIO_OPS] = {
  "move", "hours", "factor", "end", "hire", "norm", "weight", "reassign",
};

/* The members each kind of change takes besides "op"; the first ones up to
 * the NULL are required, those after it optional. */
static const char * const op_members[SF_N_SCENARIO_OPS][6] = {
  { "initials", "team", NULL, NULL },
  { "initials", "hours", NULL, NULL },
  { "initials", "factor", NULL, "reason", NULL },
  { "initials", "date", NULL, NULL },
  { "team", "hours", "start", NULL, "note", NULL },
  { "team", "norm", NULL, NULL },
  { "complexity", "weight", NULL, NULL },
  { "from", "to", "complexity", "count", NULL, NULL },
};

const char *
sf_scenario_op_to_key (SfScenarioOp op)
{
  g_return_val_if_fail (op < SF_N_SCENARIO_OPS, NULL);
  return op_keys[op];
}

gboolean
sf_scenario_op_parse (const char   *key,
                      SfScenarioOp *out)
{
  for (guint i = 0; i < SF_N_SCENARIO_OPS; i++)
    if (g_strcmp0 (key, op_keys[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static void
change_free (gpointer data)
{
  SfScenarioChange *change = data;

  g_free (change->initials);
  g_free (change->to);
  g_free (change->team);
  g_free (change->text);
  g_free (change);
}

void
sf_scenario_free (SfScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->name);
  g_ptr_array_unref (scenario->changes);
  g_free (scenario);
}

static void
skip_free (gpointer data)
{
  SfScenarioSkip *skip = data;

  g_free (skip->message);
  g_free (skip);
}

void
sf_scenario_result_free (SfScenarioResult *result)
{
  if (result == NULL)
    return;
  sf_dataset_free (result->dataset);
  g_ptr_array_unref (result->skipped);
  g_free (result);
}

void
sf_scenario_figures_free (SfScenarioFigures *figures)
{
  if (figures == NULL)
    return;
  sf_figures_free (figures->figures);
  g_ptr_array_unref (figures->alerts);
  sf_forecast_free (figures->forecast);
  g_free (figures);
}

/* ---- finding people and teams ------------------------------------------ */

static int
find_worker (const SfDataset *dataset,
             const char      *initials)
{
  g_autofree char *wanted = sf_roster_fold_key (initials);

  for (guint i = 0; i < dataset->caseworkers->len; i++)
    {
      const SfCaseworker *worker = &g_array_index (dataset->caseworkers, SfCaseworker, i);
      g_autofree char *key = sf_roster_fold_key (worker->initials);

      if (g_str_equal (key, wanted))
        return (int) i;
    }
  return -1;
}

static int
find_team (const SfDataset *dataset,
           const char      *name)
{
  g_autofree char *wanted = sf_roster_fold_key (name);

  for (guint i = 0; i < dataset->teams->len; i++)
    {
      const SfTeam *team = &g_array_index (dataset->teams, SfTeam, i);
      g_autofree char *key = sf_roster_fold_key (team->name);

      if (g_str_equal (key, wanted))
        return (int) i;
    }
  return -1;
}

gboolean
sf_scenario_same_key (const char *a,
                      const char *b)
{
  g_autofree char *x = sf_roster_fold_key (a);
  g_autofree char *y = sf_roster_fold_key (b);

  return g_strcmp0 (x, y) == 0;
}

const SfCaseworker *
sf_scenario_find_caseworker (const SfDataset *dataset,
                             const char      *initials)
{
  int at = find_worker (dataset, initials);

  return at < 0 ? NULL : &g_array_index (dataset->caseworkers, SfCaseworker, at);
}

const SfTeam *
sf_scenario_find_team (const SfDataset *dataset,
                       const char      *name)
{
  int at = find_team (dataset, name);

  return at < 0 ? NULL : &g_array_index (dataset->teams, SfTeam, at);
}

/* ---- reading ----------------------------------------------------------- */

typedef struct
{
  GPtrArray *problems;
  guint      n_problems;
  guint      index;            /* the change being read, 0-based */
  const char *op;              /* its "op", or NULL */
} Reader;

static void problem (Reader     *reader,
                     const char *format,
                     ...) G_GNUC_PRINTF (2, 3);

static void
problem (Reader     *reader,
         const char *format,
         ...)
{
  g_autofree char *text = NULL;
  va_list args;

  reader->n_problems++;
  if (reader->problems->len >= MAX_PROBLEMS)
    return;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (reader->op != NULL)
    /* Translators: "Change 3 (hours): The weekly hours must be …"; the word
     * in brackets is the kind of change as the file writes it */
    g_ptr_array_add (reader->problems, g_strdup_printf (_("Change %u (%s): %s"), reader->index + 1,
                                                        reader->op, text));
  else if (reader->index != G_MAXUINT)
    g_ptr_array_add (reader->problems, g_strdup_printf (_("Change %u: %s"), reader->index + 1, text));
  else
    g_ptr_array_add (reader->problems, g_steal_pointer (&text));
}

static void
problem_error (Reader       *reader,
               const GError *error)
{
  problem (reader, "%s", error->message);
}

static const char *
read_string (Reader     *reader,
             JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      problem (reader, _("“%s” is missing or is not text."), member);
      return NULL;
    }
  return json_node_get_string (node);
}

/* Numbers may be written as JSON numbers or as text ("0,8"). */
static gboolean
read_number (Reader     *reader,
             JsonObject *object,
             const char *member,
             double     *out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
        {
          *out = json_node_get_double (node);
          return TRUE;
        }
      if (type == G_TYPE_STRING && sf_text_parse_decimal (json_node_get_string (node), out))
        return TRUE;
    }
  problem (reader, _("“%s” is missing or is not a number."), member);
  return FALSE;
}

static gboolean
read_day (Reader     *reader,
          JsonObject *object,
          const char *member,
          gboolean    may_be_null,
          SfDay      *out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (may_be_null && node != NULL && JSON_NODE_HOLDS_NULL (node))
    {
      *out = SF_DAY_NONE;
      return TRUE;
    }
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      sf_day_parse (json_node_get_string (node), out))
    return TRUE;
  problem (reader, _("“%s” is missing or is not a date written as YYYY-MM-DD."), member);
  return FALSE;
}

static int
read_worker (Reader          *reader,
             JsonObject      *object,
             const char      *member,
             const SfDataset *dataset,
             char           **out)
{
  const char *initials = read_string (reader, object, member);
  int at;

  if (initials == NULL)
    return -1;
  if (dataset == NULL)
    {
      /* A saved scenario: who is gone is skipped when it is applied */
      *out = g_strdup (initials);
      return -1;
    }
  at = find_worker (dataset, initials);
  if (at < 0)
    problem (reader, _("There is no caseworker with the initials “%s”."), initials);
  else
    *out = g_strdup (initials);
  return at;
}

static int
read_team (Reader          *reader,
           JsonObject      *object,
           const SfDataset *dataset,
           char           **out)
{
  const char *name = read_string (reader, object, "team");
  int at;

  if (name == NULL)
    return -1;
  if (dataset == NULL)
    {
      *out = g_strdup (name);
      return -1;
    }
  at = find_team (dataset, name);
  if (at < 0)
    problem (reader, _("There is no team called “%s”."), name);
  else
    *out = g_strdup (name);
  return at;
}

static gboolean
read_complexity (Reader       *reader,
                 JsonObject   *object,
                 SfComplexity *out)
{
  const char *text = read_string (reader, object, "complexity");

  if (text == NULL)
    return FALSE;
  if (!sf_complexity_parse (text, out))
    {
      problem (reader, _("“%s” is not a complexity: use enkel, kompleks or saerligt-kompliceret."), text);
      return FALSE;
    }
  return TRUE;
}

/* Every member besides "op" must be one this kind of change takes: a
 * misspelt one would otherwise be left out without a word. */
static void
check_members (Reader       *reader,
               JsonObject   *object,
               SfScenarioOp  op)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      gboolean known = g_str_equal (member, "op");

      for (guint i = 0; i < G_N_ELEMENTS (op_members[op]) && !known; i++)
        if (op_members[op][i] != NULL && g_str_equal (op_members[op][i], member))
          known = TRUE;
      if (!known)
        problem (reader, _("“%s” is not something this kind of change takes."), member);
    }
}

static SfScenarioChange *
read_change (Reader           *reader,
             JsonNode         *node,
             const SfDataset  *dataset,
             const SfSettings *settings)
{
  g_autoptr(GError) error = NULL;
  SfScenarioChange *change;
  JsonObject *object;
  const char *key;
  guint before = reader->n_problems;
  int worker = -1, other = -1;
  SfScenarioOp op;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (reader, _("A change must be an object with an “op”."));
      return NULL;
    }
  object = json_node_get_object (node);
  key = read_string (reader, object, "op");
  if (key == NULL)
    return NULL;
  if (!sf_scenario_op_parse (key, &op))
    {
      problem (reader, _("“%s” is not a kind of change: use move, hours, factor, end, hire, norm, "
                         "weight or reassign."), key);
      return NULL;
    }
  reader->op = op_keys[op];
  change = g_new0 (SfScenarioChange, 1);
  change->op = op;
  check_members (reader, object, op);

  switch (op)
    {
    case SF_SCENARIO_MOVE:
      read_worker (reader, object, "initials", dataset, &change->initials);
      read_team (reader, object, dataset, &change->team);
      break;

    case SF_SCENARIO_HOURS:
      worker = read_worker (reader, object, "initials", dataset, &change->initials);
      if (read_number (reader, object, "hours", &change->value))
        {
          if (!sf_roster_check_weekly_hours (settings, change->value, &error))
            problem_error (reader, error);
          else if (worker >= 0)
            {
              const SfCaseworker *w = &g_array_index (dataset->caseworkers, SfCaseworker, worker);
              guint n_reductions;
              guint first = sf_dataset_find_reductions (dataset, w->id, &n_reductions);

              const SfReduction *reductions = n_reductions > 0
                                              ? &g_array_index (dataset->reductions, SfReduction, first)
                                              : NULL;

              if (!sf_roster_check_reductions (settings, change->value, reductions, n_reductions, &error))
                problem_error (reader, error);
            }
        }
      break;

    case SF_SCENARIO_FACTOR:
      read_worker (reader, object, "initials", dataset, &change->initials);
      if (json_object_has_member (object, "reason"))
        {
          const char *reason = read_string (reader, object, "reason");

          if (reason != NULL)
            change->text = g_strstrip (g_strdup (reason));
        }
      if (read_number (reader, object, "factor", &change->value))
        {
          if (!sf_roster_check_factor (change->value, &error))
            problem_error (reader, error);
          else if (change->value < 1 && (change->text == NULL || *change->text == '\0'))
            problem (reader, "%s", _("Write the reason for the individual factor, so that the norm "
                                     "can be explained to the caseworker."));
        }
      if (change->text != NULL &&
          !sf_roster_check_text (_("The reason for the factor"), change->text, SF_ROSTER_MAX_TEXT, &error))
        problem_error (reader, error);
      break;

    case SF_SCENARIO_END:
      worker = read_worker (reader, object, "initials", dataset, &change->initials);
      if (read_day (reader, object, "date", TRUE, &change->day) && worker >= 0)
        {
          const SfCaseworker *w = &g_array_index (dataset->caseworkers, SfCaseworker, worker);

          if (!sf_roster_check_last_day (w->start, change->day, &error))
            problem_error (reader, error);
        }
      break;

    case SF_SCENARIO_HIRE:
      read_team (reader, object, dataset, &change->team);
      if (read_number (reader, object, "hours", &change->value))
        {
          if (!sf_roster_check_weekly_hours (settings, change->value, &error))
            problem_error (reader, error);
          else if (change->value <= 0)
            problem (reader, "%s", _("A planned hire needs weekly hours above 0."));
        }
      read_day (reader, object, "start", FALSE, &change->day);
      if (json_object_has_member (object, "note") && !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "note")))
        {
          const char *note = read_string (reader, object, "note");

          if (note != NULL)
            {
              change->text = g_strstrip (g_strdup (note));
              if (!sf_roster_check_text (_("The note"), change->text, SF_PLANNED_HIRE_MAX_NOTE, &error))
                problem_error (reader, error);
            }
        }
      break;

    case SF_SCENARIO_NORM:
      read_team (reader, object, dataset, &change->team);
      if (read_number (reader, object, "norm", &change->value) &&
          !sf_roster_check_cap (change->value, TRUE, &error))
        problem_error (reader, error);
      break;

    case SF_SCENARIO_WEIGHT:
      if (read_complexity (reader, object, &change->complexity) &&
          read_number (reader, object, "weight", &change->value))
        {
          /* The settings' own limits, on a copy */
          SfSettings copy = *settings;
          g_autofree char *setting = g_strconcat ("weight-", sf_complexity_to_key (change->complexity), NULL);
          g_autofree char *value = sf_format_exact (change->value, '.');

          if (!sf_settings_set (&copy, setting, value, &error))
            problem_error (reader, error);
        }
      break;

    case SF_SCENARIO_REASSIGN:
      {
        double count = 0;

        worker = read_worker (reader, object, "from", dataset, &change->initials);
        other = read_worker (reader, object, "to", dataset, &change->to);
        read_complexity (reader, object, &change->complexity);
        if (read_number (reader, object, "count", &count))
          {
            if (count != floor (count) || count < 1 || count > MAX_COUNT)
              {
                g_autofree char *value = sf_format_exact (count, '.');

                problem (reader, _("The number of cases to move must be a whole number from 1 to %u, not %s."),
                         MAX_COUNT, value);
              }
            else
              change->count = (guint) count;
          }
        if ((worker >= 0 && worker == other) ||
            (dataset == NULL && change->initials != NULL && change->to != NULL &&
             sf_scenario_same_key (change->initials, change->to)))
          problem (reader, "%s", _("The cases would move to the caseworker who has them: name a colleague."));
      }
      break;

    case SF_N_SCENARIO_OPS:
    default:
      g_assert_not_reached ();
    }

  if (reader->n_problems != before)
    {
      change_free (change);
      return NULL;
    }
  return change;
}

SfScenario *
sf_scenario_parse (const char        *json,
                   gssize             length,
                   const SfDataset   *dataset,
                   const SfSettings  *settings,
                   GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(SfScenario) scenario = g_new0 (SfScenario, 1);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  Reader reader = { problems, 0, G_MAXUINT, NULL };
  JsonObject *root;
  JsonNode *changes;

  g_return_val_if_fail (json != NULL, NULL);

  scenario->changes = g_ptr_array_new_with_free_func (change_free);
  if (!json_parser_load_from_data (parser, json, length, &local))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("The scenario is not valid JSON: %s"), local->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                           _("A scenario is a JSON object with a “name” and a list of “changes”."));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  if (json_object_has_member (root, "name"))
    {
      const char *name = read_string (&reader, root, "name");

      if (name != NULL)
        {
          scenario->name = g_strstrip (g_strdup (name));
          if (!sf_roster_check_text (_("The scenario’s name"), scenario->name, SF_ROSTER_MAX_TEXT, &local))
            problem_error (&reader, local);
        }
    }
  if (scenario->name == NULL || *scenario->name == '\0')
    problem (&reader, "%s", _("The scenario needs a name."));

  changes = json_object_get_member (root, "changes");
  if (changes == NULL || !JSON_NODE_HOLDS_ARRAY (changes))
    problem (&reader, "%s", _("The scenario needs a list of “changes”."));
  else
    {
      JsonArray *array = json_node_get_array (changes);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          SfScenarioChange *change;

          reader.index = i;
          reader.op = NULL;
          change = read_change (&reader, json_array_get_element (array, i), dataset, settings);
          if (change != NULL)
            g_ptr_array_add (scenario->changes, change);
        }
    }

  if (reader.n_problems > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "The scenario was not computed: it has %u problem.",
                                           "The scenario was not computed: it has %u problems.",
                                           reader.n_problems),
                              reader.n_problems);
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (message, "\n%s", (const char *) g_ptr_array_index (problems, i));
      if (reader.n_problems > problems->len)
        g_string_append_printf (message, "\n%s", _("… and more. Correct these first."));
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT, message->str);
      return NULL;
    }
  return g_steal_pointer (&scenario);
}

/* ---- applying ---------------------------------------------------------- */

static void skip (SfScenarioResult *result,
                  guint             index,
                  SfScenarioOp      op,
                  const char       *format,
                  ...) G_GNUC_PRINTF (4, 5);

static void
skip (SfScenarioResult *result,
      guint             index,
      SfScenarioOp      op,
      const char       *format,
      ...)
{
  SfScenarioSkip *entry = g_new0 (SfScenarioSkip, 1);
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  entry->index = index;
  entry->op = op;
  entry->message = g_strdup_printf (_("Change %u (%s): %s"), index + 1, op_keys[op], text);
  g_ptr_array_add (result->skipped, entry);
}

static SfCaseworker *
worker_or_skip (SfScenarioResult *result,
                guint             index,
                SfScenarioOp      op,
                const char       *initials)
{
  int at = find_worker (result->dataset, initials);

  if (at < 0)
    {
      skip (result, index, op, _("%s is no longer on the roster; the change no longer applies."), initials);
      return NULL;
    }
  return &g_array_index (result->dataset->caseworkers, SfCaseworker, at);
}

static SfTeam *
team_or_skip (SfScenarioResult *result,
              guint             index,
              SfScenarioOp      op,
              const char       *name)
{
  int at = find_team (result->dataset, name);

  if (at < 0)
    {
      skip (result, index, op, _("There is no longer a team called “%s”; the change no longer applies."), name);
      return NULL;
    }
  return &g_array_index (result->dataset->teams, SfTeam, at);
}

/* Latest start date first; on the same day the highest case number first. */
static int
compare_latest_first (gconstpointer a,
                      gconstpointer b)
{
  const SfCase *x = *(const SfCase * const *) a;
  const SfCase *y = *(const SfCase * const *) b;

  if (x->start != y->start)
    return x->start > y->start ? -1 : 1;
  return -g_strcmp0 (x->reference, y->reference);
}

GArray *
sf_scenario_pick_cases (const SfDataset *dataset,
                        gint64           from_id,
                        SfComplexity     complexity,
                        guint            count,
                        SfDay            ref)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  GArray *indexes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < dataset->cases->len; i++)
    {
      SfCase *kase = &g_array_index (dataset->cases, SfCase, i);

      if (kase->caseworker_id == from_id && kase->complexity == complexity &&
          sf_capacity_case_is_open (kase, ref))
        g_ptr_array_add (open, kase);
    }
  g_ptr_array_sort (open, compare_latest_first);
  for (guint i = 0; i < MIN (count, open->len); i++)
    {
      guint at = (guint) ((SfCase *) g_ptr_array_index (open, i) - (SfCase *) (void *) dataset->cases->data);

      g_array_append_val (indexes, at);
    }
  return indexes;
}

static void
reassign (SfScenarioResult       *result,
          guint                   index,
          const SfScenarioChange *change,
          SfDay                   ref)
{
  SfCaseworker *from = worker_or_skip (result, index, change->op, change->initials);
  SfCaseworker *to = from != NULL ? worker_or_skip (result, index, change->op, change->to) : NULL;
  g_autoptr(GArray) picked = NULL;
  guint moved;

  if (from == NULL || to == NULL)
    return;
  picked = sf_scenario_pick_cases (result->dataset, from->id, change->complexity, change->count, ref);
  moved = picked->len;
  for (guint i = 0; i < moved; i++)
    {
      SfCase *kase = &g_array_index (result->dataset->cases, SfCase, g_array_index (picked, guint, i));

      kase->caseworker_id = to->id;
      if (kase->cover_id == to->id)
        kase->cover_id = 0;
    }
  if (moved < change->count)
    skip (result, index, change->op,
          g_dngettext (GETTEXT_PACKAGE,
                       "%s has %u open case of that complexity, not %u: it was moved.",
                       "%s has %u open cases of that complexity, not %u: those were moved.",
                       moved),
          from->initials, moved, change->count);
}

SfScenarioResult *
sf_scenario_apply (const SfScenario *scenario,
                   const SfDataset  *dataset,
                   const SfSettings *settings,
                   SfDay             ref)
{
  SfScenarioResult *result = g_new0 (SfScenarioResult, 1);

  result->dataset = sf_dataset_copy (dataset);
  result->settings = *settings;
  result->skipped = g_ptr_array_new_with_free_func (skip_free);

  for (guint i = 0; i < scenario->changes->len; i++)
    {
      const SfScenarioChange *change = g_ptr_array_index (scenario->changes, i);
      SfCaseworker *worker = NULL;
      SfTeam *team = NULL;

      switch (change->op)
        {
        case SF_SCENARIO_MOVE:
          if ((worker = worker_or_skip (result, i, change->op, change->initials)) != NULL &&
              (team = team_or_skip (result, i, change->op, change->team)) != NULL)
            worker->team_id = team->id;
          break;

        case SF_SCENARIO_HOURS:
          if ((worker = worker_or_skip (result, i, change->op, change->initials)) != NULL)
            worker->weekly_hours = change->value;
          break;

        case SF_SCENARIO_FACTOR:
          if ((worker = worker_or_skip (result, i, change->op, change->initials)) != NULL)
            {
              worker->individual_factor = change->value;
              g_free (worker->factor_reason);
              worker->factor_reason = change->value < 1 ? g_strdup (change->text) : NULL;
            }
          break;

        case SF_SCENARIO_END:
          if ((worker = worker_or_skip (result, i, change->op, change->initials)) != NULL)
            worker->end = change->day;
          break;

        case SF_SCENARIO_HIRE:
          if ((team = team_or_skip (result, i, change->op, change->team)) != NULL)
            {
              GArray *hires = result->dataset->planned_hires;
              gint64 last = 0;
              SfPlannedHire hire = { 0 };

              /* After the highest id: the hires stay in id order */
              for (guint h = 0; h < hires->len; h++)
                last = MAX (last, g_array_index (hires, SfPlannedHire, h).id);
              hire = (SfPlannedHire) {
                .id = last + 1,
                .team_id = team->id,
                .weekly_hours = change->value,
                .start = change->day,
                .note = g_strdup (change->text),
              };

              g_array_append_val (hires, hire);
            }
          break;

        case SF_SCENARIO_NORM:
          if ((team = team_or_skip (result, i, change->op, change->team)) != NULL)
            team->cap = change->value;
          break;

        case SF_SCENARIO_WEIGHT:
          result->settings.weights[change->complexity] = change->value;
          break;

        case SF_SCENARIO_REASSIGN:
          reassign (result, i, change, ref);
          break;

        case SF_N_SCENARIO_OPS:
        default:
          g_assert_not_reached ();
        }
    }
  return result;
}

/* ---- computing --------------------------------------------------------- */

SfScenarioFigures *
sf_scenario_figures_compute (const SfDataset  *dataset,
                             const SfSettings *settings,
                             SfDay             ref,
                             int               months)
{
  SfScenarioFigures *out = g_new0 (SfScenarioFigures, 1);
  int weeks = MAX (settings->sustained_weeks, SUSTAINED_LOOKBACK_WEEKS);
  g_autoptr(GArray) days = sf_trend_days (ref - 7 * (SfDay) weeks, ref, SF_TREND_WEEK);
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GPtrArray) sustained = NULL;

  out->figures = sf_figures_compute (dataset, settings, ref);
  out->alerts = sf_alerts_evaluate (out->figures);
  /* No history: every point computed from the dated facts */
  points = sf_trend_compute (dataset, settings, days, NULL);
  sustained = sf_alerts_sustained (out->figures, points);
  g_ptr_array_set_free_func (sustained, NULL);
  for (guint i = 0; i < sustained->len; i++)
    g_ptr_array_add (out->alerts, g_ptr_array_index (sustained, i));
  g_ptr_array_set_size (sustained, 0);
  sf_alerts_sort (out->alerts);
  out->forecast = sf_forecast_compute (dataset, settings, ref, months);
  return out;
}

/* ---- writing ----------------------------------------------------------- */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* json-glib writes a double with 17 digits (0.8 as 0.80000000000000004):
 * a number that is not whole goes in as a marked string and is written
 * back as its shortest exact form once the text is made (to_text()).  The
 * mark is a control character, which no name or reason may contain. */
#define NUMBER_MARK "\001"

static void
add_number (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    {
      g_autofree char *exact = sf_format_exact (value, '.');
      g_autofree char *marked = g_strconcat (NUMBER_MARK, exact, NULL);

      json_builder_add_string_value (builder, marked);
    }
}

static char *
unmark_numbers (const char *json)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = json;
  const char *mark;

  /* json-glib writes the mark as \u0001 inside the quotes */
  while ((mark = strstr (p, "\"\\u0001")) != NULL)
    {
      const char *end = strchr (mark + 7, '"');

      g_string_append_len (out, p, mark - p);
      g_string_append_len (out, mark + 7, end - (mark + 7));
      p = end + 1;
    }
  g_string_append (out, p);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_day (JsonBuilder *builder,
         const char  *member,
         SfDay        day)
{
  g_autofree char *iso = day != SF_DAY_NONE ? sf_day_to_iso (day) : NULL;

  add_string (builder, member, iso);
}

/* The changes file of @scenario: what sf_scenario_parse() reads back to the
 * same scenario. */
char *
sf_scenario_to_json (const SfScenario *scenario)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (scenario != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "name", scenario->name);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < scenario->changes->len; i++)
    {
      const SfScenarioChange *change = g_ptr_array_index (scenario->changes, i);

      json_builder_begin_object (builder);
      add_string (builder, "op", op_keys[change->op]);
      switch (change->op)
        {
        case SF_SCENARIO_MOVE:
          add_string (builder, "initials", change->initials);
          add_string (builder, "team", change->team);
          break;
        case SF_SCENARIO_HOURS:
          add_string (builder, "initials", change->initials);
          add_number (builder, "hours", change->value);
          break;
        case SF_SCENARIO_FACTOR:
          add_string (builder, "initials", change->initials);
          add_number (builder, "factor", change->value);
          if (change->text != NULL)
            add_string (builder, "reason", change->text);
          break;
        case SF_SCENARIO_END:
          add_string (builder, "initials", change->initials);
          add_day (builder, "date", change->day);
          break;
        case SF_SCENARIO_HIRE:
          add_string (builder, "team", change->team);
          add_number (builder, "hours", change->value);
          add_day (builder, "start", change->day);
          if (change->text != NULL && *change->text != '\0')
            add_string (builder, "note", change->text);
          break;
        case SF_SCENARIO_NORM:
          add_string (builder, "team", change->team);
          add_number (builder, "norm", change->value);
          break;
        case SF_SCENARIO_WEIGHT:
          add_string (builder, "complexity", sf_complexity_to_key (change->complexity));
          add_number (builder, "weight", change->value);
          break;
        case SF_SCENARIO_REASSIGN:
          add_string (builder, "from", change->initials);
          add_string (builder, "to", change->to);
          add_string (builder, "complexity", sf_complexity_to_key (change->complexity));
          add_number (builder, "count", change->count);
          break;
        case SF_N_SCENARIO_OPS:
        default:
          g_assert_not_reached ();
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  {
    g_autofree char *raw = json_generator_to_data (generator, NULL);
    g_autofree char *clean = unmark_numbers (raw);

    text = g_string_new (clean);
  }
  g_string_append_c (text, '\n');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A sentence saying what @change does, in the user's language: what the
 * GUI and `scenario-apply` show before and after applying. */
char *
sf_scenario_change_describe (const SfScenarioChange *change)
{
  g_autofree char *value = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (change != NULL, NULL);

  switch (change->op)
    {
    case SF_SCENARIO_MOVE:
      /* Translators: a change of a scenario; initials, then a team */
      return g_strdup_printf (_("Move %s to the team “%s”"), change->initials, change->team);
    case SF_SCENARIO_HOURS:
      value = sf_format_hours (change->value);
      /* Translators: a change of a scenario; initials, then hours */
      return g_strdup_printf (_("Set %s’s weekly hours to %s"), change->initials, value);
    case SF_SCENARIO_FACTOR:
      value = sf_format_hours (change->value);
      if (change->value < 1 && change->text != NULL)
        /* Translators: a change of a scenario; initials, a factor, its reason */
        return g_strdup_printf (_("Set %s’s individual factor to %s (%s)"), change->initials, value, change->text);
      return g_strdup_printf (_("Set %s’s individual factor to %s"), change->initials, value);
    case SF_SCENARIO_END:
      if (change->day == SF_DAY_NONE)
        return g_strdup_printf (_("Take away %s’s last working day"), change->initials);
      day = sf_day_format (change->day);
      /* Translators: a change of a scenario; initials, then a date */
      return g_strdup_printf (_("Set %s’s last working day to %s"), change->initials, day);
    case SF_SCENARIO_HIRE:
      value = sf_format_hours (change->value);
      day = sf_day_format (change->day);
      /* Translators: a change of a scenario; a team, hours, a date */
      return g_strdup_printf (_("Plan a hire in “%s”: %s hours a week from %s"), change->team, value, day);
    case SF_SCENARIO_NORM:
      value = sf_format_hours (change->value);
      /* Translators: a change of a scenario; a team, then a number of cases */
      return g_strdup_printf (_("Set the base norm of “%s” to %s"), change->team, value);
    case SF_SCENARIO_WEIGHT:
      value = sf_format_hours (change->value);
      /* Translators: a change of a scenario; a complexity, then a weight */
      return g_strdup_printf (_("Set the weight of the complexity “%s” to %s"),
                              sf_complexity_to_label (change->complexity), value);
    case SF_SCENARIO_REASSIGN:
      /* Translators: a change of a scenario; a count, initials, a complexity, initials */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Move %u of %s’s open cases of the complexity “%s” to %s",
                                           "Move %u of %s’s open cases of the complexity “%s” to %s",
                                           change->count),
                              change->count, change->initials,
                              sf_complexity_to_label (change->complexity), change->to);
    case SF_N_SCENARIO_OPS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}
