/* sf-context.c: what the application has loaded, kept current
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One SfContext per open database, made by the application and handed to
 * the window, which hands it to its pages; dialogs are given it too.  It
 * holds the store, the dataset read from it, the figures on today's date,
 * the settings and the alerts.  Every write to the store comes back here
 * (SfStore::changed): the figures of whom it touched are computed again in
 * place (sf_recompute_apply()), or everything is read again, and then
 * SfContext::changed says once what changed.  Whoever shows something
 * subscribes to that signal; nobody pushes figures into anybody. */

#include "config.h"

#include "sf-context.h"
#include "sf-date.h"
#include "sf-figure-history.h"
#include "sf-remote-change.h"

#include <glib-unix.h>

struct _SfUndo
{
  gatomicrefcount  ref_count;
  SfStore         *store;
  char            *title;
  SfUndoFunc       func;
  gpointer         data;
  GDestroyNotify   destroy;
};

struct _SfContext
{
  GObject     parent_instance;

  SfStore    *store;
  gint64      data_version;
  SfSettings  settings;
  SfDataset  *dataset;
  SfFigures  *figures;      /* borrows @dataset */
  GPtrArray  *alerts;
  SfAccessSelf *access;     /* on a server: who is signed in; NULL on a file */

  /* Other users' changes on a server (sf_context_follow_others()): the
   * watch on the connection's socket, and an idle that takes what came
   * with the answer to a query of this program's own */
  guint       others_watch;
  SfDb       *others_db;       /* the connection watched; not a reference */
  guint       others_idle;
};

G_DEFINE_FINAL_TYPE (SfContext, sf_context, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (SfUndo, sf_undo, sf_undo_ref, sf_undo_unref)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CHANGED,
  LOAD_FAILED,
  UNDO_OFFERED,
  CHANGED_BY_OTHERS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- undo ------------------------------------------------------------------ */

SfUndo *
sf_undo_ref (SfUndo *undo)
{
  g_return_val_if_fail (undo != NULL, NULL);

  g_atomic_ref_count_inc (&undo->ref_count);
  return undo;
}

static void
undo_forget (SfUndo *undo)
{
  if (undo->destroy != NULL && undo->data != NULL)
    undo->destroy (undo->data);
  undo->data = NULL;
  undo->func = NULL;
}

void
sf_undo_unref (SfUndo *undo)
{
  g_return_if_fail (undo != NULL);

  if (!g_atomic_ref_count_dec (&undo->ref_count))
    return;
  undo_forget (undo);
  g_clear_object (&undo->store);
  g_free (undo->title);
  g_free (undo);
}

const char *
sf_undo_get_title (SfUndo *undo)
{
  g_return_val_if_fail (undo != NULL, NULL);

  return undo->title;
}

/* Writes back what the edit replaced, once: a second call does nothing. */
gboolean
sf_undo_run (SfUndo  *undo,
             GError **error)
{
  gboolean ok;

  g_return_val_if_fail (undo != NULL, FALSE);

  if (undo->func == NULL)
    return TRUE;
  ok = undo->func (undo->store, undo->data, error);
  undo_forget (undo);
  return ok;
}

/* ---- figures and alerts --------------------------------------------------- */

/* Records today's figures in the history (at most a row a day per change),
 * then evaluates the alerts with acknowledgements and "since" applied.
 * With @delta (an edit's, on the figures the alerts were last evaluated
 * on), only the people and teams in it are recorded and evaluated again. */
static void
update_alerts (SfContext     *self,
               const SfDelta *delta)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *alerts;
  const GArray *caseworker_ids = delta != NULL ? delta->caseworkers : NULL;
  const GArray *team_ids = delta != NULL ? delta->teams : NULL;

  if (!sf_figure_history_record_some (self->store, self->figures, caseworker_ids, team_ids, &error))
    {
      /* The history only feeds "since": the figures stand without it */
      g_message ("Could not record today's figures in the history: %s", error->message);
      g_clear_error (&error);
    }

  if (delta != NULL && self->alerts != NULL)
    alerts = sf_alerts_evaluate_stored_some (self->store, self->figures, self->alerts,
                                             caseworker_ids, team_ids, &error);
  else
    alerts = sf_alerts_evaluate_stored (self->store, self->figures, &error);
  if (alerts == NULL)
    {
      g_message ("Could not read the acknowledged alerts: %s", error->message);
      alerts = sf_alerts_evaluate (self->figures);
    }

  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  self->alerts = alerts;
}

static void
emit_changed (SfContext      *self,
              SfContextWhat   what,
              const SfDelta  *delta,
              const SfChange *change)
{
  SfContextChanges changes = { what, delta, change };

  g_signal_emit (self, signals[CHANGED], 0, &changes);
}

/* Follows a write of this store's, row by row: the figures of the people
 * and teams it touched are computed again (sf_recompute_apply()), so that
 * editing one case among 100,000 costs what that case costs.  Returns
 * FALSE when everything is to be read again (another program's write,
 * teams, settings, people added or removed, a new day). */
static gboolean
update_in_place (SfContext      *self,
                 const SfChange *change)
{
  g_autoptr(GError) error = NULL;
  SfContextWhat what = 0;
  SfDelta delta;

  if (self->dataset == NULL || self->figures == NULL || change->everything ||
      self->figures->ref != sf_day_today ())
    return FALSE;

  sf_delta_init (&delta);
  if (!sf_recompute_apply (self->store, self->dataset, self->figures, change, &delta, &error))
    {
      if (error != NULL)
        g_message ("Reading everything again: %s", error->message);
      sf_delta_clear (&delta);
      return FALSE;
    }

  if (delta.caseworkers->len > 0 || delta.teams->len > 0 || delta.cases->len > 0)
    what |= SF_CONTEXT_FIGURES;
  if (change->tables & SF_CHANGE_CHECKLISTS)
    what |= SF_CONTEXT_CHECKLISTS;
  /* Checklist items due for follow-up are alerts too: then all are
   * evaluated again, otherwise those of whom the edit changed */
  if (what != 0)
    {
      update_alerts (self, (what & SF_CONTEXT_CHECKLISTS) ? NULL : &delta);
      what |= SF_CONTEXT_ALERTS;
      emit_changed (self, what, &delta, change);
    }
  sf_delta_clear (&delta);
  return TRUE;
}

static void
on_store_changed_cb (SfContext      *self,
                     const SfChange *change,
                     SfStore        *store)
{
  g_autoptr(GError) error = NULL;

  if (update_in_place (self, change))
    return;
  if (!sf_context_reload (self, &error))
    g_signal_emit (self, signals[LOAD_FAILED], 0, error);
}

/* ---- other users' changes -------------------------------------------------- *
 *
 * On a server, what another user commits arrives as notifications
 * (sf-remote-change.h) on this connection's socket, watched on the main
 * loop: nothing polls and nothing waits.  Each batch becomes one SfChange
 * naming the rows, emitted by the store as its own writes are, so the
 * figures of whom it touched are computed again in place
 * (update_in_place()); a notification that names no rows reads everything
 * again.  Then SfContext::changed-by-others says who changed what. */

static void
stop_following_others (SfContext *self)
{
  SfDb *db = self->store != NULL ? sf_store_get_db (self->store) : NULL;

  if (db != NULL && db == self->others_db && self->others_watch != 0)
    sf_db_set_notify_hook (db, NULL, NULL);
  self->others_db = NULL;
  g_clear_handle_id (&self->others_watch, g_source_remove);
  g_clear_handle_id (&self->others_idle, g_source_remove);
}

static gboolean
take_others_idle_cb (gpointer user_data)
{
  SfContext *self = user_data;

  self->others_idle = 0;
  sf_context_take_others_changes (self);
  return G_SOURCE_REMOVE;
}

/* The driver saw notifications arrive with a query's answer: take them
 * once the query's caller is done */
static void
on_notifications_waiting (gpointer user_data)
{
  SfContext *self = user_data;

  if (self->others_idle == 0 && self->others_watch != 0)
    self->others_idle = g_idle_add (take_others_idle_cb, self);
}

static gboolean
on_socket_readable_cb (int          fd,
                       GIOCondition condition,
                       gpointer     user_data)
{
  SfContext *self = user_data;

  if (condition & (G_IO_HUP | G_IO_ERR | G_IO_NVAL))
    {
      g_message ("The connection to the server was closed: other users' changes are not followed");
      stop_following_others (self);
      return G_SOURCE_REMOVE;
    }
  sf_context_take_others_changes (self);
  /* Taking them may have found the connection gone */
  return self->others_watch != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* ---- GObject ---------------------------------------------------------------- */

static void
sf_context_constructed (GObject *object)
{
  SfContext *self = (SfContext *)object;

  G_OBJECT_CLASS (sf_context_parent_class)->constructed (object);

  g_assert (SF_IS_STORE (self->store));
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
sf_context_finalize (GObject *object)
{
  SfContext *self = (SfContext *)object;

  stop_following_others (self);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  g_clear_pointer (&self->figures, sf_figures_free);
  g_clear_pointer (&self->dataset, sf_dataset_free);
  g_clear_pointer (&self->access, sf_access_self_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sf_context_parent_class)->finalize (object);
}

static void
sf_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SfContext *self = SF_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SfContext *self = SF_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_context_class_init (SfContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sf_context_constructed;
  object_class->finalize = sf_context_finalize;
  object_class->get_property = sf_context_get_property;
  object_class->set_property = sf_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SF_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SfContext::changed:
   * @changes: (type gpointer): an #SfContextChanges, valid during the emission
   *
   * What was loaded changed: read it again from the context.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_POINTER);

  /**
   * SfContext::load-failed:
   * @error: why the database could not be read
   *
   * Reading everything again failed: what was loaded before stays.
   */
  signals[LOAD_FAILED] = g_signal_new ("load-failed",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * SfContext::changed-by-others:
   * @description: who changed what, in a sentence for a toast
   *
   * Another user's change on the server was applied (after
   * SfContext::changed said what it changed).
   */
  signals[CHANGED_BY_OTHERS] = g_signal_new ("changed-by-others",
                                             G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * SfContext::undo-offered:
   * @undo: the undo, to run (sf_undo_run()) when asked
   *
   * An edit can be undone: the window shows a toast with an Undo button.
   */
  signals[UNDO_OFFERED] = g_signal_new ("undo-offered",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, SF_TYPE_UNDO);
}

static void
sf_context_init (SfContext *self)
{
  sf_settings_init_defaults (&self->settings);
}

/* ---- public API ---------------------------------------------------------------- */

/* Nothing is loaded until sf_context_reload(). */
SfContext *
sf_context_new (SfStore *store)
{
  g_return_val_if_fail (SF_IS_STORE (store), NULL);

  return g_object_new (SF_TYPE_CONTEXT, "store", store, NULL);
}

SfStore *
sf_context_get_store (SfContext *self)
{
  g_return_val_if_fail (SF_IS_CONTEXT (self), NULL);

  return self->store;
}

/* Reads the settings and the dataset again, computes the figures on
 * today's date and evaluates the alerts, then emits SfContext::changed
 * with SF_CONTEXT_EVERYTHING.  On an error what was loaded stays. */
gboolean
sf_context_reload (SfContext  *self,
                   GError    **error)
{
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfAccessSelf) access = NULL;
  SfSettings settings;

  g_return_val_if_fail (SF_IS_CONTEXT (self), FALSE);

  /* What another program did after this is news to the next check */
  self->data_version = sf_store_get_data_version (self->store);
  sf_settings_init_defaults (&settings);
  if (!sf_store_load_settings (self->store, &settings, error) ||
      (dataset = sf_store_load_dataset (self->store, error)) == NULL)
    return FALSE;

  /* Who is signed in, read again with the data (a reconnect, a grant) */
  if (sf_db_get_kind (sf_store_get_db (self->store)) == SF_DB_POSTGRES &&
      (access = sf_access_get_self (self->store, error)) == NULL)
    return FALSE;

  /* The figures borrow the dataset: the old ones go first */
  g_clear_pointer (&self->figures, sf_figures_free);
  g_clear_pointer (&self->dataset, sf_dataset_free);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  g_clear_pointer (&self->access, sf_access_self_free);
  self->access = g_steal_pointer (&access);
  self->settings = settings;
  self->dataset = g_steal_pointer (&dataset);
  self->figures = sf_figures_compute (self->dataset, &self->settings, sf_day_today ());
  update_alerts (self, NULL);

  emit_changed (self, SF_CONTEXT_EVERYTHING | SF_CONTEXT_FIGURES | SF_CONTEXT_CHECKLISTS | SF_CONTEXT_ALERTS,
                NULL, NULL);
  return TRUE;
}

/* Tells every view of the store when another program (the CLI importing,
 * another window on the same file) has changed the database since the
 * last look; the context then reads everything again.  Returns whether it
 * had.  Cheap: SQLite answers from memory. */
gboolean
sf_context_check_for_changes (SfContext *self)
{
  gint64 version;

  g_return_val_if_fail (SF_IS_CONTEXT (self), FALSE);

  version = sf_store_get_data_version (self->store);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  g_debug ("The database was changed by another program; reloading");
  sf_store_emit_changed_elsewhere (self->store);
  return TRUE;
}

/* The dataset last read, kept current; NULL before the first reload.
 * Borrowed: valid until the next SfContext::changed with
 * SF_CONTEXT_EVERYTHING. */
const SfDataset *
sf_context_get_dataset (SfContext *self)
{
  g_return_val_if_fail (SF_IS_CONTEXT (self), NULL);

  return self->dataset;
}

/* The figures on the date of the last reload (today), kept current; NULL
 * before the first reload.  Borrowed, as the dataset. */
const SfFigures *
sf_context_get_figures (SfContext *self)
{
  g_return_val_if_fail (SF_IS_CONTEXT (self), NULL);

  return self->figures;
}

const SfSettings *
sf_context_get_settings (SfContext *self)
{
  g_return_val_if_fail (SF_IS_CONTEXT (self), NULL);

  return &self->settings;
}

/* The alerts on the figures' date, acknowledgements applied; NULL before
 * the first reload.  Borrowed: valid until the next SfContext::changed
 * with SF_CONTEXT_ALERTS. */
GPtrArray *
sf_context_get_alerts (SfContext *self)
{
  g_return_val_if_fail (SF_IS_CONTEXT (self), NULL);

  return self->alerts;
}

/* Whether there is nothing to show yet: no caseworkers and no teams. */
gboolean
sf_context_is_empty (SfContext *self)
{
  g_return_val_if_fail (SF_IS_CONTEXT (self), TRUE);

  return self->dataset == NULL ||
         (self->dataset->caseworkers->len == 0 && self->dataset->teams->len == 0);
}

/* On a server, who is signed in and what they may do
 * (sf_access_may()); NULL on a database file, where the user may do
 * everything.  Read again with every reload; borrowed until then. */
const SfAccessSelf *
sf_context_get_access (SfContext *self)
{
  g_return_val_if_fail (SF_IS_CONTEXT (self), NULL);

  return self->access;
}

/* Offers to undo an edit just written: whoever shows it (the window, as a
 * toast with an Undo button) runs it with sf_undo_run().  @data (freed
 * with @destroy) is what @func writes back. */
void
sf_context_offer_undo (SfContext      *self,
                       const char     *title,
                       SfUndoFunc      func,
                       gpointer        data,
                       GDestroyNotify  destroy)
{
  g_autoptr(SfUndo) undo = NULL;

  g_return_if_fail (SF_IS_CONTEXT (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (func != NULL);

  undo = g_new0 (SfUndo, 1);
  g_atomic_ref_count_init (&undo->ref_count);
  undo->store = g_object_ref (self->store);
  undo->title = g_strdup (title);
  undo->func = func;
  undo->data = data;
  undo->destroy = destroy;
  g_signal_emit (self, signals[UNDO_OFFERED], 0, undo);
}

/* Follows what other users change on the server the store is on: LISTEN,
 * and the connection's socket watched on the default main context
 * (g_unix_fd_add()).  Does nothing where the store cannot tell (a SQLite
 * file: sf_context_check_for_changes()) and returns FALSE; with @error
 * when the server refused.  Calling it again while following does
 * nothing; after the connection was lost and made again it starts
 * following anew. */
gboolean
sf_context_follow_others (SfContext  *self,
                          GError    **error)
{
  SfDb *db;
  int fd;

  g_return_val_if_fail (SF_IS_CONTEXT (self), FALSE);

  db = sf_store_get_db (self->store);
  /* A store that took a new connection (sf_store_adopt()) is followed on it */
  if (self->others_watch != 0 && self->others_db != db)
    stop_following_others (self);
  if (self->others_watch != 0)
    return TRUE;
  if (db == NULL || sf_db_get_kind (db) != SF_DB_POSTGRES)
    return FALSE;
  if (!sf_db_listen (db, SF_REMOTE_CHANNEL, error))
    return FALSE;
  fd = sf_db_get_socket (db);
  if (fd < 0)
    {
      g_set_error (error, SF_DB_ERROR, SF_DB_ERROR_CONNECTION,
                   "The connection to the server has no socket");
      return FALSE;
    }
  self->others_db = db;
  self->others_watch = g_unix_fd_add (fd, G_IO_IN | G_IO_HUP | G_IO_ERR,
                                      on_socket_readable_cb, self);
  sf_db_set_notify_hook (db, on_notifications_waiting, self);
  return TRUE;
}

/* Whether other users' changes are followed (sf_context_follow_others()) */
gboolean
sf_context_is_following_others (SfContext *self)
{
  g_return_val_if_fail (SF_IS_CONTEXT (self), FALSE);

  return self->others_watch != 0;
}

/* Takes the notifications that have arrived, without waiting for more, and
 * applies what they name: the touched rows are read again and their
 * figures computed again, as after an edit of this program's own
 * (SfContext::changed), then SfContext::changed-by-others says who changed
 * what.  Returns whether anything had arrived.  The main loop calls it
 * when the socket can be read; tests call it too. */
gboolean
sf_context_take_others_changes (SfContext *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notifications = NULL;
  g_autoptr(GPtrArray) remotes = NULL;
  g_autoptr(SfChange) change = NULL;
  g_autofree char *description = NULL;
  SfDb *db;

  g_return_val_if_fail (SF_IS_CONTEXT (self), FALSE);

  db = sf_store_get_db (self->store);
  if (db == NULL)
    return FALSE;
  notifications = sf_db_take_notifications (db, &error);
  if (notifications == NULL)
    {
      g_message ("Other users' changes are not followed: %s", error->message);
      stop_following_others (self);
      return FALSE;
    }
  if (notifications->len == 0)
    return FALSE;

  remotes = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_remote_change_free);
  change = sf_change_new ();
  for (guint i = 0; i < notifications->len; i++)
    {
      SfDbNotification *notification = g_ptr_array_index (notifications, i);
      SfRemoteChange *remote;

      if (g_strcmp0 (notification->channel, SF_REMOTE_CHANNEL) != 0)
        continue;
      remote = sf_remote_change_parse (notification->payload, &error);
      if (remote == NULL)
        {
          /* Someone else's NOTIFY on the channel: read everything again */
          g_debug ("%s", error->message);
          g_clear_error (&error);
          change->everything = TRUE;
          continue;
        }
      sf_remote_change_add_to (remote, change);
      g_ptr_array_add (remotes, remote);
    }
  /* Other users' writes record their change-log rows in the same
   * transactions, which no notification names (the change log has no
   * trigger): an open Change Log reads them */
  if (remotes->len > 0)
    change->tables |= SF_CHANGE_LOG;
  sf_change_finish (change);

  /* A row removed is named from before, a row added from after */
  if (remotes->len > 0 && !sf_remote_change_describe_after (remotes))
    description = sf_remote_change_describe (remotes, self->dataset);
  g_debug ("%u changes by others", notifications->len);
  sf_store_emit_remote_change (self->store, change);
  if (remotes->len > 0 && description == NULL)
    description = sf_remote_change_describe (remotes, self->dataset);
  if (description != NULL)
    g_signal_emit (self, signals[CHANGED_BY_OTHERS], 0, description);
  return TRUE;
}
