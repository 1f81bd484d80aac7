/* sf-cli-areas.c
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "sf-cli-areas.h"
#include "sf-cli-util.h"

/* A number as a Danish user writes it: "25" or "22,5" */
static gboolean
parse_number (const char  *option,
              const char  *text,
              double      *out)
{
  if (text == NULL)
    {
      *out = NAN;
      return TRUE;
    }
  if (!sf_text_parse_decimal (text, out))
    {
      g_printerr (_("%s: %s “%s” is not a number.\n"), g_get_prgname (), option, text);
      return FALSE;
    }
  return TRUE;
}

static const char *
reference_kind_key (SfReferenceKind kind)
{
  switch (kind)
    {
    case SF_REFERENCE_AT_MOST:
      return "at-most";
    case SF_REFERENCE_AVERAGE:
      return "average";
    case SF_REFERENCE_RANGE:
    default:
      return "range";
    }
}

static void
print_json (const SfDataset    *dataset,
            const SfReferences *references)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "areas");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dataset->areas->len; i++)
    {
      const SfArea *area = &g_array_index (dataset->areas, SfArea, i);
      double low, high;

      json_builder_begin_object (builder);
      sf_cli_json_add_string (builder, "key", area->key);
      sf_cli_json_add_string (builder, "name", area->name);
      json_builder_set_member_name (builder, "own");
      json_builder_add_boolean_value (builder, area->custom);
      sf_cli_json_add_string (builder, "source", area->source);
      json_builder_set_member_name (builder, "range");
      if (sf_area_get_range (area, &low, &high))
        {
          json_builder_begin_object (builder);
          sf_cli_json_add_string (builder, "owner", area->custom ? "own" : "ds");
          sf_cli_json_add_number (builder, "low", low);
          sf_cli_json_add_number (builder, "high", high);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      sf_cli_json_add_int (builder, "teams", sf_dataset_count_area_teams (dataset, area->id));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "references");
  json_builder_begin_object (builder);
  sf_cli_json_add_string (builder, "source", references->source);
  sf_cli_json_add_string (builder, "section", references->section);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < references->references->len; i++)
    {
      const SfReference *reference = &g_array_index (references->references, SfReference, i);
      g_autofree char *shown = sf_reference_format (reference);

      json_builder_begin_object (builder);
      sf_cli_json_add_string (builder, "key", reference->key);
      sf_cli_json_add_string (builder, "project", reference->project);
      sf_cli_json_add_string (builder, "role", reference->role);
      sf_cli_json_add_string (builder, "kind", reference_kind_key (reference->kind));
      if (reference->kind == SF_REFERENCE_RANGE)
        {
          sf_cli_json_add_number (builder, "low", reference->low);
          sf_cli_json_add_number (builder, "high", reference->high);
          sf_cli_json_add_number (builder, "average_low", reference->avg_low);
          sf_cli_json_add_number (builder, "average_high", reference->avg_high);
        }
      else
        sf_cli_json_add_number (builder, "value", reference->value);
      sf_cli_json_add_string (builder, "text", shown);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  sf_cli_json_print (builder);
}

static void
print_area (const SfDataset *dataset,
            const SfArea    *area)
{
  g_autofree char *range = sf_area_describe_range (area);
  guint teams = sf_dataset_count_area_teams (dataset, area->id);

  g_print ("  %-32s %s\n      %s", area->key, area->name, range);
  if (area->custom && area->source != NULL)
    {
      g_print (" · ");
      /* Translators: where an own area's range comes from */
      g_print (_("source: %s"), area->source);
    }
  if (teams > 0)
    {
      g_print (" · ");
      g_print (g_dngettext (GETTEXT_PACKAGE, "used by %u team", "used by %u teams", teams), teams);
    }
  g_print ("\n");
}

int
sf_cli_areas (SfStore  *store,
              int       argc,
              char    **argv)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SfDataset) dataset = NULL;
  g_autoptr(SfReferences) references = NULL;
  gboolean any_own = FALSE;
  int status;

  if ((status = sf_cli_parse_args (entries, &argc, &argv)) != SF_CLI_OK)
    return status;
  if (argc != 1 || (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json")))
    {
      g_printerr (_("Usage: %s areas [--format text|json]\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if ((dataset = sf_store_load_dataset (store, &error)) == NULL ||
      (references = sf_references_load_default (&error)) == NULL)
    return sf_cli_refuse (error);

  if (format != NULL && g_str_equal (format, "json"))
    {
      print_json (dataset, references);
      return SF_CLI_OK;
    }

  g_print ("%s\n", _("DS’ case areas:"));
  for (guint i = 0; i < dataset->areas->len; i++)
    if (!g_array_index (dataset->areas, SfArea, i).custom)
      print_area (dataset, &g_array_index (dataset->areas, SfArea, i));
  g_print ("\n%s\n", _("The organisation’s own case areas:"));
  for (guint i = 0; i < dataset->areas->len; i++)
    if (g_array_index (dataset->areas, SfArea, i).custom)
      {
        print_area (dataset, &g_array_index (dataset->areas, SfArea, i));
        any_own = TRUE;
      }
  if (!any_own)
    g_print ("  %s\n", _("None yet. Add one with: sagsfordeling-cli area-add --key KEY --name NAME [--low N --high N] [--source TEXT]"));

  /* Translators: %s is the title of the guidance the figures come from */
  g_print ("\n");
  g_print (_("Caseloads in other projects (%s):"), references->source);
  g_print ("\n");
  for (guint i = 0; i < references->references->len; i++)
    {
      g_autofree char *text = sf_reference_format (&g_array_index (references->references, SfReference, i));

      g_print ("  %s\n", text);
    }
  return SF_CLI_OK;
}

int
sf_cli_area_add (SfStore  *store,
                 int       argc,
                 char    **argv)
{
  g_autofree char *key_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *low_text = NULL;
  g_autofree char *high_text = NULL;
  g_autofree char *source = NULL;
  GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_STRING, &key_text, N_("The key a roster names the area by, e.g. ips"), N_("KEY") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The area’s name, as the organisation calls it"), N_("NAME") },
    { "low", 0, 0, G_OPTION_ARG_STRING, &low_text, N_("The lower end of the organisation’s own range"), N_("N") },
    { "high", 0, 0, G_OPTION_ARG_STRING, &high_text, N_("The upper end of the organisation’s own range"), N_("N") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("Where the range comes from"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *range = NULL;
  SfArea area = { 0 };
  int status;

  if ((status = sf_cli_parse_args (entries, &argc, &argv)) != SF_CLI_OK)
    return status;
  if (argc != 1 || key_text == NULL || name == NULL)
    {
      g_printerr (_("Usage: %s area-add --key KEY --name NAME [--low N --high N] [--source TEXT]\n"),
                  g_get_prgname ());
      return SF_CLI_USAGE;
    }
  if (!parse_number ("--low", low_text, &area.own_low) ||
      !parse_number ("--high", high_text, &area.own_high))
    return SF_CLI_USAGE;

  key = sf_areas_normalize_key (key_text, &error);
  if (key == NULL)
    return sf_cli_refuse (error);
  area.key = key;
  area.name = g_strstrip (name);
  area.source = source != NULL && *g_strstrip (source) != '\0' ? source : NULL;
  area.custom = TRUE;
  if (sf_areas_add (store, &area, &error) == 0)
    return sf_cli_refuse (error);

  range = sf_area_describe_range (&area);
  /* Translators: "Added the own case area “IPS” (key ips): own range 20–25 (…)." */
  g_print (_("Added the own case area “%s” (key %s): %s.\n"), area.name, area.key, range);
  return SF_CLI_OK;
}

int
sf_cli_area_remove (SfStore  *store,
                    int       argc,
                    char    **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  SfArea removed = { 0 };
  gboolean custom = FALSE;
  gint64 id;
  int status;

  if ((status = sf_cli_parse_args (entries, &argc, &argv)) != SF_CLI_OK)
    return status;
  if (argc != 2)
    {
      g_printerr (_("Usage: %s area-remove KEY\n"), g_get_prgname ());
      return SF_CLI_USAGE;
    }
  id = sf_areas_find (store, argv[1], &custom);
  if (id == 0)
    {
      g_printerr (_("%s: there is no case area “%s”. See %s areas.\n"), g_get_prgname (), argv[1], g_get_prgname ());
      return SF_CLI_REFUSED;
    }
  if (!sf_areas_remove (store, id, &removed, &error))
    return sf_cli_refuse (error);
  g_print (_("Removed the own case area “%s” (key %s).\n"), removed.name, removed.key);
  sf_area_clear (&removed);
  return SF_CLI_OK;
}
