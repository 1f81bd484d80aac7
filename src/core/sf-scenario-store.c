/* Saved what-if scenarios, and applying one to the real data.  The only
 * SQL of scenarios is here, in plain portable SQL (RETURNING, no
 * INSERT OR REPLACE); applying goes through the ordinary edits. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "sf-cases.h"
#include "sf-db-bind.h"
#include "sf-error.h"
#include "sf-planned-hires.h"
#include "sf-preferences.h"
#include "sf-roster-edit.h"
#include "sf-scenario-store.h"
#include "sf-text.h"

void
sf_saved_scenario_free (SfSavedScenario *saved)
{
  if (saved == NULL)
    return;
  g_free (saved->name);
  g_free (saved->created);
  g_free (saved->updated);
  g_free (saved);
}

static char *
now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static guint
count_changes (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root, *changes;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  changes = json_object_get_member (json_node_get_object (root), "changes");
  return changes != NULL && JSON_NODE_HOLDS_ARRAY (changes) ? json_array_get_length (json_node_get_array (changes)) : 0;
}

GPtrArray *
sf_scenario_store_list (SfStore  *store,
                        GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_saved_scenario_free);
  SfDbStmt *stmt;
  int rc;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  stmt = sf_store_prepare (store, "SELECT id, name, changes, created, updated FROM scenario ORDER BY key, id",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sf_db_stmt_step (stmt)) == SF_DB_ROW)
    {
      SfSavedScenario *saved = g_new0 (SfSavedScenario, 1);

      saved->id = sf_db_stmt_column_int64 (stmt, 0);
      saved->name = sf_db_stmt_dup_text (stmt, 1);
      saved->n_changes = count_changes (sf_db_stmt_column_text (stmt, 2));
      saved->created = sf_db_stmt_dup_text (stmt, 3);
      saved->updated = sf_db_stmt_dup_text (stmt, 4);
      g_ptr_array_add (list, saved);
    }
  sf_db_stmt_free (stmt);
  if (rc != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gint64
find_key (SfStore    *store,
          const char *name,
          gint64      except_id)
{
  g_autofree char *key = sf_roster_fold_key (name);
  SfDbStmt *stmt = sf_store_prepare (store, "SELECT id FROM scenario WHERE key = ?1 AND id <> ?2", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sf_db_stmt_bind_text (stmt, 1, key);
  sf_db_stmt_bind_int64 (stmt, 2, except_id);
  if (sf_db_stmt_step (stmt) == SF_DB_ROW)
    id = sf_db_stmt_column_int64 (stmt, 0);
  sf_db_stmt_free (stmt);
  return id;
}

gint64
sf_scenario_store_find (SfStore    *store,
                        const char *name)
{
  g_return_val_if_fail (SF_IS_STORE (store), 0);
  g_return_val_if_fail (name != NULL, 0);

  return find_key (store, name, 0);
}

static gboolean
check_name (SfStore     *store,
            const char  *name,
            gint64       except_id,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT, _("The scenario needs a name."));
      return FALSE;
    }
  if (!sf_roster_check_text (_("The scenario’s name"), name, SF_ROSTER_MAX_TEXT, error))
    return FALSE;
  if (find_key (store, name, except_id) != 0)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("There is already a scenario called “%s”. Give this one another name."), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
exists (SfStore  *store,
        gint64    id,
        GError  **error)
{
  if (sf_store_query_int (store, "SELECT count(*) FROM scenario WHERE id = ?1", id) > 0)
    return TRUE;
  g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND, _("The scenario no longer exists."));
  return FALSE;
}

/* Inserts a scenario called @name with the changes file @json; returns its
 * id, 0 on error.  Inside a write. */
static gint64
insert (SfStore     *store,
        const char  *name,
        const char  *json,
        GError     **error)
{
  g_autofree char *key = sf_roster_fold_key (name);
  g_autofree char *now = now_iso ();
  SfDbStmt *stmt;
  gint64 id = 0;

  stmt = sf_store_prepare (store,
                           "INSERT INTO scenario (name, key, changes, created, updated)"
                           " VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id", error);
  if (stmt == NULL)
    return 0;
  sf_db_stmt_bind_text (stmt, 1, name);
  sf_db_stmt_bind_text (stmt, 2, key);
  sf_db_stmt_bind_text (stmt, 3, json);
  sf_db_stmt_bind_text (stmt, 4, now);
  if (sf_db_stmt_step (stmt) == SF_DB_ROW)
    id = sf_db_stmt_column_int64 (stmt, 0);
  if (id == 0 || sf_db_stmt_step (stmt) != SF_DB_DONE)
    {
      sf_store_set_db_error (store, error);
      id = 0;
    }
  sf_db_stmt_free (stmt);
  return id;
}

gint64
sf_scenario_store_save (SfStore           *store,
                        gint64             id,
                        const SfScenario  *scenario,
                        GError           **error)
{
  g_autofree char *json = NULL;
  g_autofree char *detail = NULL;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), 0);
  g_return_val_if_fail (scenario != NULL, 0);

  if (!check_name (store, scenario->name, id, error))
    return 0;
  if (id != 0 && !exists (store, id, error))
    return 0;
  json = sf_scenario_to_json (scenario);

  if (!sf_store_begin (store, error))
    return 0;
  if (id == 0)
    {
      id = insert (store, scenario->name, json, error);
      ok = id != 0;
    }
  else
    {
      g_autofree char *key = sf_roster_fold_key (scenario->name);
      g_autofree char *now = now_iso ();
      SfDbStmt *stmt = sf_store_prepare (store,
                                             "UPDATE scenario SET name = ?2, key = ?3, changes = ?4, updated = ?5"
                                             " WHERE id = ?1", error);

      if (stmt != NULL)
        {
          sf_db_stmt_bind_int64 (stmt, 1, id);
          sf_db_stmt_bind_text (stmt, 2, scenario->name);
          sf_db_stmt_bind_text (stmt, 3, key);
          sf_db_stmt_bind_text (stmt, 4, json);
          sf_db_stmt_bind_text (stmt, 5, now);
        }
      ok = sf_store_run (store, stmt, error);
    }
  detail = g_strdup_printf ("id %" G_GINT64_FORMAT ", %u changes", id, scenario->changes->len);
  ok = ok && sf_store_audit (store, "scenario-save", scenario->name, detail, error);
  return sf_store_finish (store, ok, error) ? id : 0;
}

static SfScenario *
load (SfStore  *store,
      gint64    id,
      GError  **error)
{
  g_autofree char *json = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local = NULL;
  SfSettings settings;
  SfScenario *scenario;

  if (!exists (store, id, error))
    return NULL;
  json = sf_store_query_text (store, "SELECT changes FROM scenario WHERE id = ?1", id);
  name = sf_store_query_text (store, "SELECT name FROM scenario WHERE id = ?1", id);
  if (!sf_store_load_settings (store, &settings, error))
    return NULL;
  scenario = sf_scenario_parse (json != NULL ? json : "", -1, NULL, &settings, &local);
  if (scenario == NULL)
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("The saved scenario “%s” no longer fits the settings: %s"), name, local->message);
      return NULL;
    }
  g_free (scenario->name);
  scenario->name = g_steal_pointer (&name);
  return scenario;
}

SfScenario *
sf_scenario_store_load (SfStore  *store,
                        gint64    id,
                        GError  **error)
{
  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  return load (store, id, error);
}

gboolean
sf_scenario_store_rename (SfStore     *store,
                          gint64       id,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(SfScenario) scenario = NULL;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);

  scenario = load (store, id, error);
  if (scenario == NULL)
    return FALSE;
  g_free (scenario->name);
  scenario->name = g_strstrip (g_strdup (name != NULL ? name : ""));
  return sf_scenario_store_save (store, id, scenario, error) != 0;
}

gint64
sf_scenario_store_duplicate (SfStore     *store,
                             gint64       id,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(SfScenario) scenario = NULL;

  g_return_val_if_fail (SF_IS_STORE (store), 0);

  scenario = load (store, id, error);
  if (scenario == NULL)
    return 0;
  g_free (scenario->name);
  scenario->name = g_strstrip (g_strdup (name != NULL ? name : ""));
  return sf_scenario_store_save (store, 0, scenario, error);
}

gboolean
sf_scenario_store_delete (SfStore  *store,
                          gint64    id,
                          GError  **error)
{
  g_autofree char *name = NULL;
  SfDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);

  if (!exists (store, id, error))
    return FALSE;
  name = sf_store_query_text (store, "SELECT name FROM scenario WHERE id = ?1", id);
  if (!sf_store_begin (store, error))
    return FALSE;
  stmt = sf_store_prepare (store, "DELETE FROM scenario WHERE id = ?1", error);
  if (stmt != NULL)
    sf_db_stmt_bind_int64 (stmt, 1, id);
  ok = sf_store_run (store, stmt, error);
  ok = ok && sf_store_audit (store, "scenario-delete", name, NULL, error);
  return sf_store_finish (store, ok, error);
}

/* ---- applying ---------------------------------------------------------- */

typedef enum
{
  STEP_ROSTER,                 /* a move: the roster's own snapshot */
  STEP_WORKER,                 /* hours, factor, end: the caseworker as they were */
  STEP_HIRE,                   /* the planned hire added */
  STEP_NORM,                   /* the team's cap as it was */
  STEP_SETTING,                /* a setting as it was (NULL: not stored) */
  STEP_CASES,                  /* the cases as they were */
} StepKind;

typedef struct
{
  StepKind          kind;
  SfRosterSnapshot *snapshot;
  GArray           *workers;   /* SfCaseworker, one */
  GArray           *reductions; /* SfReduction: theirs */
  gint64            id;        /* the planned hire; the team */
  double            cap;
  char             *key;
  char             *value;
  GArray           *cases;     /* SfCase */
} Step;

struct _SfScenarioUndo
{
  char      *name;
  char      *summary;
  GPtrArray *steps;            /* Step, in the order made */
};

static void
step_free (gpointer data)
{
  Step *step = data;

  g_clear_pointer (&step->snapshot, sf_roster_snapshot_free);
  g_clear_pointer (&step->workers, g_array_unref);
  g_clear_pointer (&step->reductions, g_array_unref);
  g_clear_pointer (&step->cases, g_array_unref);
  g_free (step->key);
  g_free (step->value);
  g_free (step);
}

void
sf_scenario_undo_free (SfScenarioUndo *undo)
{
  if (undo == NULL)
    return;
  g_free (undo->name);
  g_free (undo->summary);
  g_ptr_array_unref (undo->steps);
  g_free (undo);
}

const char *
sf_scenario_undo_get_summary (SfScenarioUndo *undo)
{
  g_return_val_if_fail (undo != NULL, NULL);
  return undo->summary;
}

static GArray *
ids_of (gint64 id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (ids, id);
  return ids;
}

/* The caseworker @id and their reductions, as stored. */
static gboolean
load_worker (SfStore  *store,
             gint64    id,
             GArray  **workers,
             GArray  **reductions,
             GError  **error)
{
  g_autoptr(GArray) ids = ids_of (id);

  *workers = g_array_new (FALSE, TRUE, sizeof (SfCaseworker));
  g_array_set_clear_func (*workers, sf_caseworker_clear);
  *reductions = g_array_new (FALSE, TRUE, sizeof (SfReduction));
  g_array_set_clear_func (*reductions, sf_reduction_clear);
  if (!sf_store_load_caseworkers_by_id (store, ids, *workers, error) ||
      !sf_store_load_reductions_of (store, ids, *reductions, error))
    return FALSE;
  if ((*workers)->len != 1)
    {
      g_set_error_literal (error, SF_ERROR, SF_ERROR_NOT_FOUND, _("The caseworker no longer exists."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_worker (SfStore      *store,
             GArray       *workers,
             GArray       *reductions,
             GError      **error)
{
  return sf_roster_save_caseworker (store, &g_array_index (workers, SfCaseworker, 0),
                                    (const SfReduction *) (void *) reductions->data, reductions->len,
                                    error) != 0;
}

static char *
setting_key (SfComplexity complexity)
{
  return g_strconcat ("weight-", sf_complexity_to_key (complexity), NULL);
}

/* One change on the real data; @base is the data as the apply began, for
 * the names, with the cases' caseworkers as the earlier reassignments left
 * them.  Adds what undoes it to @steps. */
static gboolean
apply_change (SfStore                *store,
              SfDataset              *base,
              const SfScenarioChange *change,
              SfDay                   ref,
              GPtrArray              *steps,
              GError                **error)
{
  const SfCaseworker *worker = NULL;
  const SfTeam *team = NULL;
  Step *step = g_new0 (Step, 1);
  gboolean ok = TRUE;

  switch (change->op)
    {
    case SF_SCENARIO_MOVE:
      worker = sf_scenario_find_caseworker (base, change->initials);
      team = sf_scenario_find_team (base, change->team);
      if (worker == NULL || team == NULL)
        break;
      step->kind = STEP_ROSTER;
      step->snapshot = sf_roster_move_caseworker (store, worker->id, team->id, error);
      ok = step->snapshot != NULL;
      break;

    case SF_SCENARIO_HOURS:
    case SF_SCENARIO_FACTOR:
    case SF_SCENARIO_END:
      {
        g_autoptr(GArray) workers = NULL;
        g_autoptr(GArray) reductions = NULL;
        SfCaseworker *w;

        worker = sf_scenario_find_caseworker (base, change->initials);
        if (worker == NULL)
          break;
        step->kind = STEP_WORKER;
        ok = load_worker (store, worker->id, &step->workers, &step->reductions, error) &&
             load_worker (store, worker->id, &workers, &reductions, error);
        if (!ok)
          break;
        w = &g_array_index (workers, SfCaseworker, 0);
        if (change->op == SF_SCENARIO_HOURS)
          w->weekly_hours = change->value;
        else if (change->op == SF_SCENARIO_FACTOR)
          {
            w->individual_factor = change->value;
            g_free (w->factor_reason);
            w->factor_reason = change->value < 1 ? g_strdup (change->text) : NULL;
          }
        else
          w->end = change->day;
        ok = save_worker (store, workers, reductions, error);
      }
      break;

    case SF_SCENARIO_HIRE:
      team = sf_scenario_find_team (base, change->team);
      if (team == NULL)
        break;
      {
        SfPlannedHire hire = {
          .team_id = team->id,
          .weekly_hours = change->value,
          .start = change->day,
          .note = change->text,
        };

        step->kind = STEP_HIRE;
        step->id = sf_planned_hire_save (store, &hire, error);
        ok = step->id != 0;
      }
      break;

    case SF_SCENARIO_NORM:
      team = sf_scenario_find_team (base, change->team);
      if (team == NULL)
        break;
      step->kind = STEP_NORM;
      step->id = team->id;
      step->cap = team->cap;
      ok = sf_preferences_set_team_norm (store, team->id, change->value, error);
      break;

    case SF_SCENARIO_WEIGHT:
      {
        g_autofree char *value = sf_format_exact (change->value, '.');
        SfDbStmt *stmt;

        step->kind = STEP_SETTING;
        step->key = setting_key (change->complexity);
        stmt = sf_store_prepare (store, "SELECT value FROM setting WHERE key = ?1", error);
        ok = stmt != NULL;
        if (ok)
          {
            sf_db_stmt_bind_text_static (stmt, 1, step->key);
            if (sf_db_stmt_step (stmt) == SF_DB_ROW)
              step->value = sf_db_stmt_dup_text (stmt, 0);
            sf_db_stmt_free (stmt);
          }
        ok = ok && sf_store_set_setting (store, step->key, value, error);
      }
      break;

    case SF_SCENARIO_REASSIGN:
      {
        g_autoptr(GArray) picked = NULL;
        g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        const SfCaseworker *to;

        worker = sf_scenario_find_caseworker (base, change->initials);
        to = sf_scenario_find_caseworker (base, change->to);
        if (worker == NULL || to == NULL)
          break;
        picked = sf_scenario_pick_cases (base, worker->id, change->complexity, change->count, ref);
        for (guint i = 0; i < picked->len; i++)
          {
            SfCase *kase = &g_array_index (base->cases, SfCase, g_array_index (picked, guint, i));

            g_array_append_val (ids, kase->id);
            /* @base follows, as the store will have it, for later reassignments
             * (nothing else a scenario changes decides which cases they move) */
            kase->caseworker_id = to->id;
            if (kase->cover_id == to->id)
              kase->cover_id = 0;
          }
        if (ids->len == 0)
          break;
        step->kind = STEP_CASES;
        step->cases = sf_cases_snapshot (store, (const gint64 *) (void *) ids->data, ids->len, error);
        ok = step->cases != NULL &&
             sf_cases_reassign (store, (const gint64 *) (void *) ids->data, ids->len, to->id, error);
      }
      break;

    case SF_N_SCENARIO_OPS:
    default:
      g_assert_not_reached ();
    }

  if (ok && (step->snapshot != NULL || step->workers != NULL || step->kind == STEP_HIRE ||
             step->kind == STEP_NORM || step->key != NULL || step->cases != NULL))
    g_ptr_array_add (steps, step);
  else
    step_free (step);
  return ok;
}

static gboolean
undo_step (SfStore  *store,
           Step     *step,
           GError  **error)
{
  switch (step->kind)
    {
    case STEP_ROSTER:
      return sf_roster_undo (store, step->snapshot, error);
    case STEP_WORKER:
      /* As it was before the apply, whatever steps undone since made of it */
      g_array_index (step->workers, SfCaseworker, 0).version = 0;
      return save_worker (store, step->workers, step->reductions, error);
    case STEP_HIRE:
      return sf_planned_hire_remove (store, step->id, error);
    case STEP_NORM:
      return sf_preferences_set_team_norm (store, step->id, step->cap, error);
    case STEP_SETTING:
      if (step->value != NULL)
        return sf_store_set_setting (store, step->key, step->value, error);
      else
        {
          /* It was the default, not stored: so again */
          SfDbStmt *stmt = sf_store_prepare (store, "DELETE FROM setting WHERE key = ?1", error);

          if (stmt != NULL)
            sf_db_stmt_bind_text_static (stmt, 1, step->key);
          return sf_store_run (store, stmt, error);
        }
    case STEP_CASES:
      return sf_cases_restore (store, step->cases, error);
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

SfScenarioUndo *
sf_scenario_store_apply (SfStore           *store,
                         const SfScenario  *scenario,
                         SfDay              ref,
                         GPtrArray        **skipped,
                         GError           **error)
{
  g_autoptr(SfScenarioUndo) undo = g_new0 (SfScenarioUndo, 1);
  g_autoptr(SfDataset) base = NULL;
  g_autoptr(SfScenarioResult) expected = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *detail = NULL;
  SfSettings settings;
  gboolean ok;

  g_return_val_if_fail (SF_IS_STORE (store), NULL);
  g_return_val_if_fail (scenario != NULL, NULL);

  undo->name = g_strdup (scenario->name);
  /* Translators: shown in a toast; %s is a scenario's name */
  undo->summary = g_strdup_printf (_("Scenario “%s” applied"), scenario->name);
  undo->steps = g_ptr_array_new_with_free_func (step_free);

  if (!sf_store_begin (store, error))
    return NULL;
  /* The names are looked up in the data as it is inside the transaction,
   * and what is skipped is said as computing the scenario says it. */
  ok = sf_store_load_settings (store, &settings, &local) &&
       (base = sf_store_load_dataset (store, &local)) != NULL;
  if (ok)
    expected = sf_scenario_apply (scenario, base, &settings, ref);
  for (guint i = 0; ok && i < scenario->changes->len; i++)
    {
      const SfScenarioChange *change = g_ptr_array_index (scenario->changes, i);

      if (!apply_change (store, base, change, ref, undo->steps, &local))
        {
          g_autoptr(GError) why = g_steal_pointer (&local);

          g_set_error (&local, SF_ERROR, why->domain == SF_ERROR ? why->code : SF_ERROR_DATABASE,
                       _("Change %u (%s): %s"), i + 1, sf_scenario_op_to_key (change->op), why->message);
          ok = FALSE;
        }
    }
  if (ok)
    {
      detail = g_strdup_printf ("%u changes, %u skipped", scenario->changes->len, expected->skipped->len);
      ok = sf_store_audit (store, "scenario-apply", scenario->name, detail, &local);
    }
  if (!ok)
    {
      sf_store_rollback (store);
      g_set_error (error, SF_ERROR, local != NULL && local->domain == SF_ERROR ? local->code : SF_ERROR_DATABASE,
                   _("The scenario was not applied: %s Nothing was changed."),
                   local != NULL ? local->message : "");
      return NULL;
    }
  if (!sf_store_finish (store, TRUE, error))
    return NULL;
  if (skipped != NULL)
    *skipped = g_ptr_array_ref (expected->skipped);
  return g_steal_pointer (&undo);
}

gboolean
sf_scenario_store_undo (SfStore         *store,
                        SfScenarioUndo  *undo,
                        GError         **error)
{
  g_autoptr(GError) local = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SF_IS_STORE (store), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!sf_store_begin (store, error))
    return FALSE;
  /* Later changes may rest on earlier ones: newest first */
  for (guint i = undo->steps->len; ok && i > 0; i--)
    ok = undo_step (store, g_ptr_array_index (undo->steps, i - 1), &local);
  ok = ok && sf_store_audit (store, "undo", "scenario-apply", undo->name, &local);
  if (!ok)
    {
      sf_store_rollback (store);
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   _("Could not undo: the data changed since (%s). Nothing was changed."),
                   local != NULL ? local->message : "");
      return FALSE;
    }
  return sf_store_finish (store, TRUE, error);
}
