/* The checklist commands of sagsfordeling-cli: list, start and check
 * checklists.  Every rule lives in src/core/sf-checklist.c. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "sf-cli-checklists.h"
#include "sf-cli-util.h"

static const char *
item_state (const SfChecklistItem *item)
{
  if (item->due)
    return "due";
  return item->checked_on != SF_DAY_NONE ? "checked" : "open";
}

static void
add_day (JsonBuilder *builder,
         const char  *member,
         SfDay        day)
{
  g_autofree char *iso = day != SF_DAY_NONE ? sf_day_to_iso (day) : NULL;

  sf_cli_json_add_string (builder, member, iso);
}

static void
add_progress (JsonBuilder *builder,
              guint        checked,
              guint        total)
{
  json_builder_set_member_name (builder, "progress");
  if (total == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, (double) checked / total);
}

static void
json_checklist (JsonBuilder       *builder,
                const SfChecklist *checklist)
{
  json_builder_begin_object (builder);
  sf_cli_json_add_int (builder, "id", checklist->id);
  sf_cli_json_add_string (builder, "template", checklist->template_key);
  sf_cli_json_add_string (builder, "title", sf_checklist_text (checklist->title, checklist->shipped));
  add_day (builder, "created", checklist->created);
  sf_cli_json_add_int (builder, "items", checklist->items->len);
  sf_cli_json_add_int (builder, "checked", checklist->n_checked);
  sf_cli_json_add_int (builder, "due", checklist->n_due);
  add_progress (builder, checklist->n_checked, checklist->items->len);
  json_builder_set_member_name (builder, "item_list");
  json_builder_begin_array (builder);
  for (guint i = 0; i < checklist->items->len; i++)
    {
      const SfChecklistItem *item = g_ptr_array_index (checklist->items, i);

      json_builder_begin_object (builder);
      sf_cli_json_add_int (builder, "id", item->id);
      sf_cli_json_add_string (builder, "key", item->key);
      sf_cli_json_add_string (builder, "section", sf_checklist_text (item->section, item->shipped));
      sf_cli_json_add_string (builder, "text", sf_checklist_text (item->text, item->shipped));
      sf_cli_json_add_string (builder, "detail", sf_checklist_text (item->detail, item->shipped));
      sf_cli_json_add_string (builder, "state", item_state (item));
      add_day (builder, "checked_on", item->checked_on);
      sf_cli_json_add_string (builder, "checked_by", item->checked_by);
      sf_cli_json_add_string (builder, "note", item->note);
      sf_cli_json_add_int (builder, "review_months", item->review_months);
      add_day (builder, "next_review", item->next_review);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* A team's checklists summed up. */
typedef struct
{
  guint lists;
  guint items;
  guint checked;
  guint due;
} Totals;

static Totals
team_totals (GPtrArray *checklists,
             gint64     team_id)
{
  Totals totals = { 0 };

  for (guint c = 0; c < checklists->len; c++)
    {
      const SfChecklist *checklist = g_ptr_array_index (checklists, c);

      if (checklist->team_id != team_id)
        continue;
      totals.lists++;
      totals.items += checklist->items->len;
      totals.checked += checklist->n_checked;
      totals.due += checklist->n_due;
    }
  return totals;
}

/* The checklists of the team @team_id as they stand today; prints why not. */
static GPtrArray *
load_team_checklists (SfStore *store,
                      gint64   team_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *checklists = sf_checklists_load (store, team_id, sf_day_today (), &error);

  if (checklists == NULL)
    sf_cli_refuse (error);
  return checklists;
}

static void
print_item (const SfChecklistItem *item)
{
  g_print ("    %s %-5" G_GINT64_FORMAT " %s\n",
           item->due ? "[!]" : item->checked_on != SF_DAY_NONE ? "[x]" : "[ ]",
           item->id, sf_checklist_text (item->text, item->shipped));
  if (item->checked_on != SF_DAY_NONE)
    {
      g_autofree char *day = sf_day_format (item->checked_on);

      g_print ("          ");
      if (item->note != NULL)
        g_print (_("Checked %s by %s: %s"), day, item->checked_by, item->note);
      else
        g_print (_("Checked %s by %s"), day, item->checked_by);
      g_print ("\n");
    }
  if (item->review_months > 0)
    {
      g_autofree char *next = sf_day_format (item->next_review);

      g_print ("          ");
      g_print (g_dngettext (GETTEXT_PACKAGE, "Follow up every %u month", "Follow up every %u months",
                            item->review_months),
               item->review_months);
      if (item->due)
        g_print (_("; due since %s"), next);
      else if (item->next_review != SF_DAY_NONE)
        g_print (_("; next on %s"), next);
      g_print ("\n");
    }
}

int
sf_cli_checklists (SfStore  *store,
                   int       argc,
                   char    **argv)
{
  g_autofree char *team_name = NULL;
  g_autofree char *format = NULL;
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team_name, N_("Only this team’s checklists"), N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Reference date for follow-ups (default: today)"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  const SfTeam *only = NULL;
  gboolean json;
  SfDay ref = sf_day_today ();
  int status;

  if ((status = sf_cli_parse (entries, argc, argv)) != SF_CLI_OK)
    return status;
  if (!sf_cli_text_or_json (format))
    return SF_CLI_USAGE;
  if (date != NULL && !sf_cli_parse_day (date, &ref))
    return SF_CLI_USAGE;
  json = g_strcmp0 (format, "json") == 0;

  if ((dataset = sf_store_load_dataset (store, &error)) == NULL ||
      (templates = sf_checklist_templates_load_all (store, &error)) == NULL)
    return sf_cli_refuse (error);
  if (team_name != NULL && (only = sf_cli_find_team (dataset, team_name)) == NULL)
    return SF_CLI_REFUSED;
  checklists = sf_checklists_load (store, only ? only->id : 0, ref, &error);
  if (checklists == NULL)
    return sf_cli_refuse (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_day (builder, "date", ref);
      json_builder_set_member_name (builder, "templates");
      json_builder_begin_array (builder);
      for (guint i = 0; i < templates->len; i++)
        {
          const SfChecklistTemplate *template_ = g_ptr_array_index (templates, i);

          json_builder_begin_object (builder);
          sf_cli_json_add_string (builder, "key", template_->key);
          sf_cli_json_add_string (builder, "title", sf_checklist_text (template_->title, !template_->custom));
          json_builder_set_member_name (builder, "custom");
          json_builder_add_boolean_value (builder, template_->custom);
          sf_cli_json_add_string (builder, "source", template_->source);
          sf_cli_json_add_int (builder, "items", template_->items->len);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "teams");
      json_builder_begin_array (builder);
      for (guint t = 0; t < dataset->teams->len; t++)
        {
          const SfTeam *team = &g_array_index (dataset->teams, SfTeam, t);
          Totals totals;

          if (only != NULL && team != only)
            continue;
          json_builder_begin_object (builder);
          sf_cli_json_add_string (builder, "team", team->name);
          json_builder_set_member_name (builder, "checklists");
          json_builder_begin_array (builder);
          for (guint c = 0; c < checklists->len; c++)
            {
              const SfChecklist *checklist = g_ptr_array_index (checklists, c);

              if (checklist->team_id == team->id)
                json_checklist (builder, checklist);
            }
          json_builder_end_array (builder);
          totals = team_totals (checklists, team->id);
          sf_cli_json_add_int (builder, "items", totals.items);
          sf_cli_json_add_int (builder, "checked", totals.checked);
          sf_cli_json_add_int (builder, "due", totals.due);
          add_progress (builder, totals.checked, totals.items);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      sf_cli_json_print (builder);
      return SF_CLI_OK;
    }

  g_print ("%s\n", _("Templates:"));
  for (guint i = 0; i < templates->len; i++)
    {
      const SfChecklistTemplate *template_ = g_ptr_array_index (templates, i);

      g_print ("  %-26s %s", template_->key, sf_checklist_text (template_->title, !template_->custom));
      if (template_->custom)
        g_print (" %s", _("(your own)"));
      g_print ("\n");
    }

  for (guint t = 0; t < dataset->teams->len; t++)
    {
      const SfTeam *team = &g_array_index (dataset->teams, SfTeam, t);
      g_autofree char *progress = NULL;
      Totals totals;

      if (only != NULL && team != only)
        continue;
      totals = team_totals (checklists, team->id);

      g_print ("\n%s\n", team->name);
      if (totals.lists == 0)
        {
          g_print ("  %s\n", _("No checklists yet. Start one with: checklist-new --team NAME --template KEY"));
          continue;
        }
      progress = sf_checklist_progress_text (totals.checked, totals.items, totals.due);
      g_print ("  %s\n", progress);

      for (guint c = 0; c < checklists->len; c++)
        {
          const SfChecklist *checklist = g_ptr_array_index (checklists, c);
          g_autofree char *list_progress = NULL;
          const char *section = NULL;

          if (checklist->team_id != team->id)
            continue;
          list_progress = sf_checklist_progress_text (checklist->n_checked, checklist->items->len, checklist->n_due);
          g_print ("\n  %s [%s]\n  %s\n", sf_checklist_text (checklist->title, checklist->shipped),
                   checklist->template_key, list_progress);
          for (guint i = 0; i < checklist->items->len; i++)
            {
              const SfChecklistItem *item = g_ptr_array_index (checklist->items, i);

              if (item->section != NULL && g_strcmp0 (item->section, section) != 0)
                g_print ("   %s\n", sf_checklist_text (item->section, item->shipped));
              section = item->section;
              print_item (item);
            }
        }
    }
  return sf_cli_flush ();
}

int
sf_cli_checklist_new (SfStore  *store,
                      int       argc,
                      char    **argv)
{
  g_autofree char *team_name = NULL;
  g_autofree char *template_key = NULL;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team_name, N_("The team the checklist is for"), N_("NAME") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_key, N_("The template to start from (see checklists)"), N_("KEY") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  const SfChecklist *made = NULL;
  const SfTeam *team;
  gint64 id;
  int status;

  if ((status = sf_cli_parse (entries, argc, argv)) != SF_CLI_OK)
    return status;
  if (team_name == NULL || template_key == NULL)
    {
      g_printerr (_("Usage: %s checklist-new --team NAME --template KEY\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if ((dataset = sf_store_load_dataset (store, &error)) == NULL)
    return sf_cli_refuse (error);
  if ((team = sf_cli_find_team (dataset, team_name)) == NULL)
    return SF_CLI_REFUSED;

  id = sf_checklist_create (store, team->id, template_key, &error);
  if (id == 0)
    return sf_cli_refuse (error);

  if ((checklists = load_team_checklists (store, team->id)) == NULL)
    return SF_CLI_REFUSED;
  for (guint i = 0; i < checklists->len; i++)
    if (((const SfChecklist *) g_ptr_array_index (checklists, i))->id == id)
      made = g_ptr_array_index (checklists, i);
  g_return_val_if_fail (made != NULL, SF_CLI_REFUSED);

  /* Translators: "Started “Work procedures” for Modtageteam: 22 items." */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Started “%s” for %s: %u item.\n", "Started “%s” for %s: %u items.\n",
                        made->items->len),
           sf_checklist_text (made->title, made->shipped), team->name, made->items->len);
  return SF_CLI_OK;
}

int
sf_cli_checklist_check (SfStore  *store,
                        int       argc,
                        char    **argv)
{
  g_autofree char *team_name = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *note = NULL;
  g_autofree char *by = NULL;
  g_autofree char *date = NULL;
  gboolean uncheck = FALSE;
  int review = -1;
  GOptionEntry entries[] = {
    { "team", 0, 0, G_OPTION_ARG_STRING, &team_name, N_("The team whose checklist it is"), N_("NAME") },
    { "item", 0, 0, G_OPTION_ARG_STRING, &reference, N_("The item: its number, or TEMPLATE/ITEM"), N_("ID") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What was found or agreed"), N_("TEXT") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who checked it (default: your user name)"), N_("INITIALS") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When it was checked (default: today)"), N_("YYYY-MM-DD") },
    { "review-months", 0, 0, G_OPTION_ARG_INT, &review, N_("Follow up this many months after each check (0: never)"), N_("N") },
    { "uncheck", 0, 0, G_OPTION_ARG_NONE, &uncheck, N_("Take the check back"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  const SfChecklist *checklist = NULL;
  const SfChecklistItem *item;
  const SfTeam *team;
  SfDay day = sf_day_today ();
  gint64 item_id;
  int status;

  if ((status = sf_cli_parse (entries, argc, argv)) != SF_CLI_OK)
    return status;
  if (team_name == NULL || reference == NULL)
    {
      g_printerr (_("Usage: %s checklist-check --team NAME --item ID [--note TEXT] [--by INITIALS]\n"),
                  g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if (date != NULL && !sf_cli_parse_day (date, &day))
    return SF_CLI_USAGE;
  if (uncheck && (note != NULL || by != NULL || date != NULL))
    {
      g_printerr (_("%s: --uncheck takes no --note, --by or --date.\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if (review < -1)
    {
      g_printerr (_("%s: --review-months must be 0 or more.\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if ((dataset = sf_store_load_dataset (store, &error)) == NULL)
    return sf_cli_refuse (error);
  if ((team = sf_cli_find_team (dataset, team_name)) == NULL)
    return SF_CLI_REFUSED;
  if ((checklists = load_team_checklists (store, team->id)) == NULL)
    return SF_CLI_REFUSED;
  item = sf_checklists_find_item (checklists, reference, &checklist);
  if (item == NULL)
    {
      g_printerr (_("%s: %s has no checklist item “%s”. See the items with: checklists --team NAME\n"),
                  g_get_prgname (), team->name, reference);
      return SF_CLI_REFUSED;
    }
  item_id = item->id;

  if (review >= 0 && !sf_checklist_set_review (store, item_id, (guint) review, &error))
    return sf_cli_refuse (error);
  if (uncheck)
    {
      if (!sf_checklist_uncheck (store, item_id, &error))
        return sf_cli_refuse (error);
    }
  else if (!sf_checklist_check (store, item_id, day, by != NULL ? by : g_get_user_name (), note, &error))
    return sf_cli_refuse (error);

  /* Read it back: what was stored is what gets reported. */
  g_clear_pointer (&checklists, g_ptr_array_unref);
  if ((checklists = load_team_checklists (store, team->id)) == NULL)
    return SF_CLI_REFUSED;
  for (guint i = 0; i < checklists->len; i++)
    {
      const SfChecklistItem *found = sf_checklist_find_item (g_ptr_array_index (checklists, i), item_id);

      if (found == NULL)
        continue;
      if (found->checked_on == SF_DAY_NONE)
        g_print (_("Unchecked “%s” (%s).\n"), sf_checklist_text (found->text, found->shipped), team->name);
      else
        {
          g_autofree char *on = sf_day_format (found->checked_on);

          g_print (_("Checked “%s” (%s) on %s by %s.\n"), sf_checklist_text (found->text, found->shipped),
                   team->name, on, found->checked_by);
        }
      if (found->next_review != SF_DAY_NONE)
        {
          g_autofree char *next = sf_day_format (found->next_review);

          g_print (_("Next follow-up on %s.\n"), next);
        }
    }
  return SF_CLI_OK;
}
