#pragma once

#include <glib.h>

#include "sf-alerts.h"
#include "sf-date.h"
#include "sf-store.h"

G_BEGIN_DECLS

/* The longest follow-up interval an item may have, in months */
#define SF_CHECKLIST_MAX_REVIEW_MONTHS 120

/* Checklists of faglige pejlemærker and work procedures.
 *
 * Templates ship as data (data/checklists.json, English source strings with
 * the guidance's Danish wording as their translation); managers can save
 * their own.  A team's checklist is a copy of a template's items, which
 * managers may extend.  An item is checked with a date, initials and a
 * note; an item with a review interval is due for follow-up that many
 * months after it was last checked, because follow-up is a continuous
 * process, not a one-off. */

typedef struct
{
  char     *key;
  char     *section;           /* a heading, or NULL */
  char     *section_detail;    /* the heading's text, or NULL */
  char     *text;
  char     *detail;            /* more of the guidance's text, or NULL */
  gboolean  shipped;           /* texts are the catalogue's source strings */
  guint     review_months;     /* 0: no recurring follow-up */
} SfChecklistTemplateItem;

typedef struct
{
  char      *key;
  char      *title;
  char      *description;      /* or NULL */
  char      *source;           /* the guidance it comes from (not translated), or NULL */
  gboolean   custom;           /* saved by a manager, not shipped */
  GPtrArray *items;            /* SfChecklistTemplateItem */
} SfChecklistTemplate;

typedef struct
{
  gint64    id;
  gint64    checklist_id;
  char     *key;               /* the template item's key; NULL for an added item */
  char     *section;
  char     *section_detail;
  char     *text;
  char     *detail;
  gboolean  shipped;
  guint     review_months;
  SfDay     checked_on;        /* NONE: not checked */
  char     *checked_by;
  char     *note;
  SfDay     next_review;       /* NONE: not checked, or no interval */
  gboolean  due;               /* next_review has come on the reference date */
  gint64    version;           /* as loaded (sf-conflict.h); 0 = unknown */
} SfChecklistItem;

typedef struct
{
  gint64     id;
  gint64     team_id;
  char      *team_name;
  char      *template_key;
  char      *title;
  char      *description;
  char      *source;
  gboolean   shipped;          /* title and description are source strings */
  SfDay      created;
  GPtrArray *items;            /* SfChecklistItem, in order */
  guint      n_checked;
  guint      n_due;
} SfChecklist;

typedef struct
{
  SfDay  day;
  char  *action;               /* "check" or "uncheck" */
  char  *initials;
  char  *note;
  char  *at;                   /* when it was recorded (UTC, ISO 8601) */
  char  *who;                  /* the OS user who recorded it */
} SfChecklistEvent;

/* Translates a text of a shipped template (a no-op for a manager's own). */
const char          *sf_checklist_text                (const char          *text,
                                                       gboolean             shipped);
const char * const  *sf_checklist_template_strings    (guint               *n_strings);

/* The templates that ship with the app, in their order. */
GPtrArray           *sf_checklist_templates_load_bytes (GBytes             *bytes,
                                                        GError            **error);
GPtrArray           *sf_checklist_templates_load_default (GError           **error);
/* The shipped templates, then the organisation's own, by title. */
GPtrArray           *sf_checklist_templates_load_all  (SfStore             *store,
                                                       GError             **error);
const SfChecklistTemplate *sf_checklist_templates_find (GPtrArray          *templates,
                                                        const char         *key);
void                 sf_checklist_template_free       (SfChecklistTemplate *template_);

/* Pure rules. */
SfDay                sf_checklist_next_review         (SfDay                checked_on,
                                                       guint                review_months);
gboolean             sf_checklist_item_is_due         (const SfChecklistItem *item,
                                                       SfDay                ref);
char                *sf_checklist_progress_text       (guint                checked,
                                                       guint                total,
                                                       guint                due);
/* One warning per team with items due for follow-up on @ref. */
GPtrArray           *sf_checklist_due_alerts          (GPtrArray           *checklists,
                                                       SfDay                ref);

/* The checklists of @team_id (0: every team's), by team name and then in
 * the order they were made, with due states worked out on @ref. */
GPtrArray           *sf_checklists_load               (SfStore             *store,
                                                       gint64               team_id,
                                                       SfDay                ref,
                                                       GError             **error);
void                 sf_checklist_free                (SfChecklist         *checklist);
const SfChecklistItem *sf_checklist_find_item         (const SfChecklist   *checklist,
                                                       gint64               item_id);

gint64               sf_checklist_create              (SfStore             *store,
                                                       gint64               team_id,
                                                       const char          *template_key,
                                                       GError             **error);
gboolean             sf_checklist_set_removed         (SfStore             *store,
                                                       gint64               checklist_id,
                                                       gboolean             removed,
                                                       GError             **error);
gboolean             sf_checklist_check               (SfStore             *store,
                                                       gint64               item_id,
                                                       SfDay                day,
                                                       const char          *initials,
                                                       const char          *note,
                                                       GError             **error);
gboolean             sf_checklist_uncheck             (SfStore             *store,
                                                       gint64               item_id,
                                                       GError             **error);
/* The same, for an item read at @version (SfChecklistItem.version): the
 * item is claimed first (sf-conflict.h), so a check or uncheck someone
 * else made since is refused with an SF_CONFLICT_ERROR, not overwritten.
 * 0 claims nothing. */
gboolean             sf_checklist_check_versioned     (SfStore             *store,
                                                       gint64               item_id,
                                                       gint64               version,
                                                       SfDay                day,
                                                       const char          *initials,
                                                       const char          *note,
                                                       GError             **error);
/* Checks the item as sf_checklist_check_versioned() does and, in the same
 * transaction, sets its follow-up interval to @review_months (-1 leaves
 * it): the check form's one write, all or nothing, claimed once, so an
 * interval someone else set since refuses it too. */
gboolean             sf_checklist_follow_up_versioned (SfStore             *store,
                                                       gint64               item_id,
                                                       gint64               version,
                                                       SfDay                day,
                                                       const char          *initials,
                                                       const char          *note,
                                                       int                  review_months,
                                                       GError             **error);
gboolean             sf_checklist_uncheck_versioned   (SfStore             *store,
                                                       gint64               item_id,
                                                       gint64               version,
                                                       GError             **error);
gboolean             sf_checklist_set_review          (SfStore             *store,
                                                       gint64               item_id,
                                                       guint                review_months,
                                                       GError             **error);
gint64               sf_checklist_add_item            (SfStore             *store,
                                                       gint64               checklist_id,
                                                       const char          *text,
                                                       const char          *detail,
                                                       guint                review_months,
                                                       GError             **error);
gboolean             sf_checklist_set_item_removed    (SfStore             *store,
                                                       gint64               item_id,
                                                       gboolean             removed,
                                                       GError             **error);
GPtrArray           *sf_checklist_item_history        (SfStore             *store,
                                                       gint64               item_id,
                                                       GError             **error);
/* The initials of the latest check, for forms to offer; NULL if none. */
char                *sf_checklist_last_initials       (SfStore             *store);

/* Saves the items of a checklist as the organisation's own template;
 * returns its key. */
char                *sf_checklist_save_as_template    (SfStore             *store,
                                                       gint64               checklist_id,
                                                       const char          *title,
                                                       GError             **error);
gboolean             sf_checklist_template_delete     (SfStore             *store,
                                                       const char          *key,
                                                       GError             **error);

/* Looks up an item of @team_id's checklists by its id ("12") or by
 * TEMPLATE/ITEM ("arbejdsgange/ny-lovgivning"). */
const SfChecklistItem *sf_checklists_find_item        (GPtrArray           *checklists,
                                                       const char          *reference,
                                                       const SfChecklist  **out_checklist);

void                 sf_checklist_event_free          (SfChecklistEvent    *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfChecklistTemplate, sf_checklist_template_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfChecklist, sf_checklist_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SfChecklistEvent, sf_checklist_event_free)

G_END_DECLS
