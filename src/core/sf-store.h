#pragma once

#include <gio/gio.h>

#include "sf-db.h"

#include "sf-store-changes.h"
#include "sf-model.h"
#include "sf-settings.h"

G_BEGIN_DECLS

#define SF_STORE_SCHEMA_VERSION 9

#define SF_TYPE_STORE (sf_store_get_type ())

G_DECLARE_FINAL_TYPE (SfStore, sf_store, SF, STORE, GObject)

/* Called before a database of an older schema is migrated (to copy it
 * first); a FALSE with @error stops the opening. */
typedef gboolean (*SfStoreMigrateHook) (SfStore     *store,
                                        int          from_version,
                                        gpointer     user_data,
                                        GError     **error);
/* Called before each write transaction begins (outside any transaction). */
typedef void     (*SfStoreWriteHook)   (SfStore     *store,
                                        gpointer     user_data);

char        *sf_store_default_path     (void);
SfStore     *sf_store_open             (const char   *path,
                                        GError      **error);
SfStore     *sf_store_open_with        (const char          *path,
                                        SfStoreMigrateHook   before_migrate,
                                        gpointer             user_data,
                                        GError             **error);
/* Opens @path for reading only, changing nothing in the file or beside it
 * (no migration, no journal mode): for checks and copies. */
SfStore     *sf_store_open_readonly    (const char   *path,
                                        GError      **error);
SfStore     *sf_store_open_copy        (const char   *path,
                                        GError      **error);
gboolean     sf_store_is_readonly      (SfStore      *self);
void         sf_store_set_write_hook   (SfStore          *self,
                                        SfStoreWriteHook  hook,
                                        gpointer          user_data);
/* Storage primitives that policies such as backups are built on. */
gboolean     sf_store_copy_to          (SfStore      *self,
                                        const char   *path,
                                        GError      **error);
gboolean     sf_store_copy_over        (SfStore      *self,
                                        const char   *dest_path,
                                        GError      **error);
SfStore     *sf_store_open_memory_copy (SfStore      *self,
                                        GError      **error);
gboolean     sf_store_check_integrity  (SfStore      *self,
                                        GError      **error);
gboolean     sf_store_check_file       (const char   *path,
                                        GError      **error);
gboolean     sf_store_check_copy       (const char   *path,
                                        GError      **error);
gboolean     sf_store_reopen           (SfStore      *self,
                                        GError      **error);
void         sf_store_adopt            (SfStore      *self,
                                        SfStore      *fresh);
const char  *sf_store_get_path         (SfStore      *self);
gint64       sf_store_get_data_version (SfStore      *self);
void         sf_store_set_busy_timeout (SfStore      *self,
                                        int           ms);
SfDb        *sf_store_get_db           (SfStore      *self);

gboolean     sf_store_begin            (SfStore      *self,
                                        GError      **error);
gboolean     sf_store_commit           (SfStore      *self,
                                        GError      **error);
void         sf_store_rollback         (SfStore      *self);
gboolean     sf_store_begin_bulk       (SfStore      *self,
                                        const char   *table,
                                        gboolean      rebuild_indexes,
                                        GError      **error);
gboolean     sf_store_bulk_trust_parents (SfStore    *self,
                                        gint64        data_version);
gboolean     sf_store_commit_bulk      (SfStore      *self,
                                        GError      **error);
void         sf_store_rollback_bulk    (SfStore      *self);
gboolean     sf_store_exec             (SfStore      *self,
                                        const char   *sql,
                                        GError      **error);
SfDbStmt    *sf_store_prepare          (SfStore      *self,
                                        const char   *sql,
                                        GError      **error);
gboolean     sf_store_step_done        (SfStore      *self,
                                        SfDbStmt     *stmt,
                                        GError      **error);
gboolean     sf_store_step_returning   (SfStore      *self,
                                        SfDbStmt     *stmt,
                                        gint64       *id,
                                        GError      **error);
gboolean     sf_store_run              (SfStore      *self,
                                        SfDbStmt     *stmt,
                                        GError      **error);
gboolean     sf_store_run_returning    (SfStore      *self,
                                        SfDbStmt     *stmt,
                                        gint64       *id,
                                        GError      **error);
void         sf_store_set_db_error     (SfStore      *self,
                                        GError      **error);
void         sf_store_emit_changed     (SfStore      *self);
gboolean     sf_store_finish           (SfStore      *self,
                                        gboolean      ok,
                                        GError      **error);
void         sf_store_bind_text_or_null (SfDbStmt   *stmt,
                                         int           index,
                                         const char   *text);
void         sf_store_bind_stamp  (SfDbStmt   *stmt,
                                   int         at,
                                   int         who);
char        *sf_store_query_text       (SfStore      *self,
                                        const char   *sql,
                                        gint64        id);
gint64       sf_store_query_int        (SfStore      *self,
                                        const char   *sql,
                                        gint64        id);
void         sf_store_emit_changed_elsewhere (SfStore *self);
void         sf_store_emit_remote_change (SfStore        *self,
                                          const SfChange *change);
void         sf_store_note_unannounced_rows (SfStore *self,
                                             gint64   n_rows);

gboolean     sf_store_load_settings    (SfStore      *self,
                                        SfSettings   *settings,
                                        GError      **error);
char        *sf_store_get_setting      (SfStore      *self,
                                        const char   *key);
gboolean     sf_store_set_setting      (SfStore      *self,
                                        const char   *key,
                                        const char   *value,
                                        GError      **error);

SfDataset   *sf_store_load_dataset     (SfStore      *self,
                                        GError      **error);
SfDataset   *sf_store_load_counted     (SfStore      *self,
                                        SfDay         ref,
                                        SfSettings   *settings,
                                        GArray      **open_cases,
                                        GError      **error);
gboolean     sf_store_load_cases_by_id (SfStore      *self,
                                        const GArray *ids,
                                        GArray       *cases,
                                        GError      **error);
gboolean     sf_store_load_caseworkers_by_id (SfStore      *self,
                                              const GArray *ids,
                                              GArray       *caseworkers,
                                              GError      **error);
gboolean     sf_store_load_reductions_by_id  (SfStore      *self,
                                              const GArray *ids,
                                              GArray       *reductions,
                                              GError      **error);
gboolean     sf_store_load_reductions_of     (SfStore      *self,
                                              const GArray *caseworker_ids,
                                              GArray       *reductions,
                                              GError      **error);
gboolean     sf_store_is_empty         (SfStore      *self);
gint64       sf_store_count            (SfStore      *self,
                                        const char   *table);

gboolean     sf_store_audit            (SfStore      *self,
                                        const char   *action,
                                        const char   *subject,
                                        const char   *detail,
                                        GError      **error);

G_END_DECLS
