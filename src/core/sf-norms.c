#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "sf-core-resources.h"
#include "sf-error.h"
#include "sf-norms.h"
#include "sf-text.h"

#define CATALOGUE_RESOURCE "/io/github/sagsfordeling/Sagsfordeling/core/case-areas.json"
#define REFERENCES_RESOURCE "/io/github/sagsfordeling/Sagsfordeling/core/caseload-references.json"

void
sf_area_clear (SfArea *area)
{
  g_clear_pointer (&area->key, g_free);
  g_clear_pointer (&area->name, g_free);
  g_clear_pointer (&area->note, g_free);
  g_clear_pointer (&area->source, g_free);
}

/* The notes of data/case-areas.json, marked so that xgettext finds them:
 * the catalogue keeps them in English, as written there.  Keep in step
 * with the data: tests/test-store.c fails when a note is missing here. */
static const char * const catalogue_notes[] = {
  /* Translators: a footnote to the case area fleksjob on the Caseloads page */
  N_("DS has no range for fleksjob alone; 30–45 is its range for the combined area “ressourceforløb, afklaring af førtidspension og fleksjob”."),
};

/* @note as listed in catalogue_notes, or NULL */
static const char *
find_marked_note (const char *note)
{
  for (guint i = 0; note != NULL && i < G_N_ELEMENTS (catalogue_notes); i++)
    if (g_str_equal (note, catalogue_notes[i]))
      return catalogue_notes[i];
  return NULL;
}

/* @area's note in the reader's language: translated when it is a note of
 * the catalogue, as written otherwise; NULL if it has none. */
const char *
sf_area_get_note (const SfArea *area)
{
  const char *marked;

  g_return_val_if_fail (area != NULL, NULL);

  if (area->note == NULL || *area->note == '\0')
    return NULL;
  marked = find_marked_note (area->note);
  return marked != NULL ? g_dgettext (GETTEXT_PACKAGE, marked) : area->note;
}

gboolean
sf_area_note_is_marked (const char *note)
{
  return find_marked_note (note) != NULL;
}

void
sf_area_copy (const SfArea *src,
              SfArea       *dest)
{
  *dest = *src;
  dest->key = g_strdup (src->key);
  dest->name = g_strdup (src->name);
  dest->note = g_strdup (src->note);
  dest->source = g_strdup (src->source);
}

static void
clear_area (gpointer data)
{
  sf_area_clear (data);
}

void
sf_catalogue_free (SfCatalogue *catalogue)
{
  if (catalogue == NULL)
    return;
  g_free (catalogue->source);
  g_array_unref (catalogue->areas);
  g_free (catalogue);
}

/* A number member, NAN when absent or null; refuses other types. */
static gboolean
get_number (JsonObject  *object,
            const char  *member,
            gboolean     required,
            double      *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                       "case-area catalogue: “%s” is missing", member);
          return FALSE;
        }
      *out = NAN;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    {
      g_set_error (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                   "case-area catalogue: “%s” is not a number", member);
      return FALSE;
    }
  *out = json_node_get_double (node);
  return TRUE;
}

SfCatalogue *
sf_catalogue_load_bytes (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SfCatalogue) catalogue = g_new0 (SfCatalogue, 1);
  JsonObject *root;
  JsonArray *areas;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  int previous_year;

  catalogue->areas = g_array_new (FALSE, TRUE, sizeof (SfArea));
  g_array_set_clear_func (catalogue->areas, clear_area);

  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto invalid;
  root = json_node_get_object (json_parser_get_root (parser));
  areas = json_object_get_array_member (root, "areas");
  if (areas == NULL || !json_object_has_member (root, "source"))
    goto invalid;

  catalogue->source = g_strdup (json_object_get_string_member (root, "source"));
  catalogue->year = (int) json_object_get_int_member_with_default (root, "year", 0);
  previous_year = (int) json_object_get_int_member_with_default (root, "previous_year", 0);

  for (guint i = 0; i < json_array_get_length (areas); i++)
    {
      JsonObject *object = json_array_get_object_element (areas, i);
      SfArea area = { 0 };

      if (object == NULL ||
          json_object_get_string_member_with_default (object, "key", NULL) == NULL ||
          json_object_get_string_member_with_default (object, "name", NULL) == NULL)
        goto invalid;

      if (!get_number (object, "ds_low", TRUE, &area.ds_low, error) ||
          !get_number (object, "ds_high", TRUE, &area.ds_high, error) ||
          !get_number (object, "survey_avg", FALSE, &area.survey_avg, error) ||
          !get_number (object, "survey_avg_prev", FALSE, &area.survey_avg_prev, error) ||
          !get_number (object, "appropriate", FALSE, &area.appropriate, error) ||
          !get_number (object, "share_too_high", FALSE, &area.share_too_high, error) ||
          !get_number (object, "share_compliant", FALSE, &area.share_compliant, error))
        return NULL;

      if (!(area.ds_high > 0) || area.ds_low > area.ds_high)
        goto invalid;

      area.key = g_strdup (json_object_get_string_member (object, "key"));
      area.name = g_strdup (json_object_get_string_member (object, "name"));
      area.note = g_strdup (json_object_get_string_member_with_default (object, "note", NULL));
      area.source = g_strdup (catalogue->source);
      area.own_low = NAN;
      area.own_high = NAN;
      area.survey_year = catalogue->year;
      area.survey_prev_year = previous_year;
      g_array_append_val (catalogue->areas, area);
    }

  return g_steal_pointer (&catalogue);

invalid:
  g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                       "case-area catalogue: not in the expected form");
  return NULL;
}

GBytes *
sf_catalogue_default_bytes (GError **error)
{
  return g_resource_lookup_data (sf_core_get_resource (), CATALOGUE_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

SfCatalogue *
sf_catalogue_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = sf_catalogue_default_bytes (error);

  if (bytes == NULL)
    return NULL;
  return sf_catalogue_load_bytes (bytes, error);
}

const SfArea *
sf_catalogue_find (const SfCatalogue *catalogue,
                   const char        *key)
{
  for (guint i = 0; i < catalogue->areas->len; i++)
    {
      const SfArea *area = &g_array_index (catalogue->areas, SfArea, i);

      if (g_strcmp0 (area->key, key) == 0)
        return area;
    }
  return NULL;
}

gboolean
sf_area_get_range (const SfArea *area,
                   double       *low,
                   double       *high)
{
  double l, h;

  g_return_val_if_fail (area != NULL, FALSE);

  l = area->custom ? area->own_low : area->ds_low;
  h = area->custom ? area->own_high : area->ds_high;
  if (isnan (h) || !(h > 0))
    return FALSE;
  if (low != NULL)
    *low = isnan (l) ? 0 : l;
  if (high != NULL)
    *high = h;
  return TRUE;
}

char *
sf_area_describe_range (const SfArea *area)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  double l, h;

  g_return_val_if_fail (area != NULL, NULL);

  if (!sf_area_get_range (area, &l, &h))
    /* Translators: an own case area without a recommended range */
    return g_strdup (_("no range of its own"));
  low = sf_format_figure (l);
  high = sf_format_figure (h);
  if (area->custom)
    /* Translators: an own case area's range, e.g. "own range 20–25 (the organisation’s, not DS’)" */
    return g_strdup_printf (_("own range %s–%s (the organisation’s, not DS’)"), low, high);
  if (area->survey_year > 0)
    /* Translators: DS' recommended range and the survey's year, e.g. "DS 20–30 (2023)" */
    return g_strdup_printf (_("DS %s–%s (%d)"), low, high, area->survey_year);
  return g_strdup_printf (_("DS %s–%s"), low, high);
}

char *
sf_area_footnote (const SfArea *area)
{
  g_autofree char *range = NULL;

  g_return_val_if_fail (area != NULL, NULL);

  if (!area->custom)
    return g_strdup (sf_area_get_note (area));
  if (!sf_area_get_range (area, NULL, NULL))
    return g_strdup (_("The organisation’s own case area, without a range: its teams are compared with none."));
  range = sf_area_describe_range (area);
  if (area->source != NULL && *area->source != '\0')
    /* Translators: %s is e.g. "own range 20–25 (the organisation’s, not DS’)", then a source */
    return g_strdup_printf (_("The organisation’s own case area: %s. Source: %s."), range, area->source);
  return g_strdup_printf (_("The organisation’s own case area: %s."), range);
}

char *
sf_area_range_owner (const SfArea *area)
{
  g_return_val_if_fail (area != NULL, NULL);

  if (!sf_area_get_range (area, NULL, NULL))
    /* Translators: whose range a team is compared with: an own area without one */
    return g_strdup (_("None (own area)"));
  if (area->custom)
    /* Translators: whose range a team is compared with */
    return g_strdup (_("The organisation’s own"));
  if (area->survey_year > 0)
    /* Translators: whose range a team is compared with: "DS 2023" */
    return g_strdup_printf (_("DS %d"), area->survey_year);
  return g_strdup ("DS");
}

/* ---- references from the guidance ------------------------------------ */

/* The roles and notes of data/caseload-references.json, marked so that
 * xgettext finds them.  Keep in step with the data: tests/test-areas.c
 * fails when one is missing here. */
static const char * const reference_texts[] = {
  /* Translators: a role in a project's caseload: "… per mentor and company consultant in one" */
  N_("mentor and company consultant in one"),
  /* Translators: a role in a project's caseload: "IPS: at most 25 per consultant" */
  N_("consultant"),
  /* Translators: a role in a project's caseload */
  N_("coordinating caseworker"),
  /* Translators: a role in a project's caseload */
  N_("mentor"),
  /* Translators: a role in a project's caseload (virksomhedskonsulent) */
  N_("company consultant"),
  /* Translators: a role in a project's caseload */
  N_("caseworker"),
  /* Translators: a role in a project's caseload (jobspecialist) */
  N_("job specialist"),
  /* Translators: the country of a project, "Supported Employment (Norway)" */
  N_("Norway"),
};

static const char *
reference_text (const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (reference_texts); i++)
    if (g_str_equal (text, reference_texts[i]))
      return g_dgettext (GETTEXT_PACKAGE, reference_texts[i]);
  return text;
}

gboolean
sf_reference_text_is_marked (const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (reference_texts); i++)
    if (g_str_equal (text, reference_texts[i]))
      return TRUE;
  return FALSE;
}

static void
clear_reference (gpointer data)
{
  SfReference *reference = data;

  g_free (reference->key);
  g_free (reference->project);
  g_free (reference->note);
  g_free (reference->role);
}

void
sf_references_free (SfReferences *references)
{
  if (references == NULL)
    return;
  g_free (references->source);
  g_free (references->section);
  g_clear_pointer (&references->references, g_array_unref);
  g_free (references);
}

SfReferences *
sf_references_load_bytes (GBytes  *bytes,
                          GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SfReferences) references = g_new0 (SfReferences, 1);
  JsonObject *root;
  JsonArray *list;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  references->references = g_array_new (FALSE, TRUE, sizeof (SfReference));
  g_array_set_clear_func (references->references, clear_reference);

  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto invalid;
  root = json_node_get_object (json_parser_get_root (parser));
  list = json_object_get_array_member (root, "references");
  if (list == NULL || json_object_get_string_member_with_default (root, "source", NULL) == NULL)
    goto invalid;
  references->source = g_strdup (json_object_get_string_member (root, "source"));
  references->section = g_strdup (json_object_get_string_member_with_default (root, "section", NULL));

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *object = json_array_get_object_element (list, i);
      SfReference reference = { 0 };
      const char *kind;

      if (object == NULL ||
          json_object_get_string_member_with_default (object, "key", NULL) == NULL ||
          json_object_get_string_member_with_default (object, "project", NULL) == NULL ||
          json_object_get_string_member_with_default (object, "role", NULL) == NULL)
        goto invalid;
      kind = json_object_get_string_member_with_default (object, "kind", "");
      if (!get_number (object, "value", FALSE, &reference.value, error) ||
          !get_number (object, "low", FALSE, &reference.low, error) ||
          !get_number (object, "high", FALSE, &reference.high, error) ||
          !get_number (object, "average_low", FALSE, &reference.avg_low, error) ||
          !get_number (object, "average_high", FALSE, &reference.avg_high, error))
        return NULL;
      if (g_str_equal (kind, "at-most"))
        reference.kind = SF_REFERENCE_AT_MOST;
      else if (g_str_equal (kind, "average"))
        reference.kind = SF_REFERENCE_AVERAGE;
      else if (g_str_equal (kind, "range"))
        reference.kind = SF_REFERENCE_RANGE;
      else
        goto invalid;
      if (reference.kind == SF_REFERENCE_RANGE
          ? !(reference.high > 0) || !(reference.low <= reference.high)
          : !(reference.value > 0))
        goto invalid;

      reference.key = g_strdup (json_object_get_string_member (object, "key"));
      reference.project = g_strdup (json_object_get_string_member (object, "project"));
      reference.role = g_strdup (json_object_get_string_member (object, "role"));
      reference.note = g_strdup (json_object_get_string_member_with_default (object, "note", NULL));
      g_array_append_val (references->references, reference);
    }
  return g_steal_pointer (&references);

invalid:
  g_set_error_literal (error, SF_ERROR, SF_ERROR_INVALID_INPUT,
                       "caseload references: not in the expected form");
  return NULL;
}

SfReferences *
sf_references_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (sf_core_get_resource (), REFERENCES_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return sf_references_load_bytes (bytes, error);
}

char *
sf_reference_format (const SfReference *reference)
{
  g_autofree char *project = NULL;
  const char *role;

  g_return_val_if_fail (reference != NULL, NULL);

  role = reference_text (reference->role);
  project = reference->note != NULL
            /* Translators: a project and its country, "Supported Employment (Norway)" */
            ? g_strdup_printf (_("%s (%s)"), reference->project, reference_text (reference->note))
            : g_strdup (reference->project);

  switch (reference->kind)
    {
    case SF_REFERENCE_AT_MOST:
      {
        g_autofree char *value = sf_format_figure (reference->value);

        /* Translators: "IPS: at most 25 per consultant" */
        return g_strdup_printf (_("%s: at most %s per %s"), project, value, role);
      }
    case SF_REFERENCE_AVERAGE:
      {
        g_autofree char *value = sf_format_figure (reference->value);

        /* Translators: "Bedre Ressourceforløb: 28 on average per mentor" */
        return g_strdup_printf (_("%s: %s on average per %s"), project, value, role);
      }
    case SF_REFERENCE_RANGE:
    default:
      {
        g_autofree char *low = sf_format_figure (reference->low);
        g_autofree char *high = sf_format_figure (reference->high);
        g_autofree char *average = NULL;

        if (isnan (reference->avg_low))
          /* Translators: "Supported Employment (Norway): 12–20 per job specialist" */
          return g_strdup_printf (_("%s: %s–%s per %s"), project, low, high, role);
        if (isnan (reference->avg_high) || reference->avg_high == reference->avg_low)
          average = sf_format_figure (reference->avg_low);
        else
          {
            g_autofree char *avg_low = sf_format_figure (reference->avg_low);
            g_autofree char *avg_high = sf_format_figure (reference->avg_high);

            average = g_strdup_printf ("%s–%s", avg_low, avg_high);
          }
        /* Translators: "Supported Employment (Norway): 12–20 per job specialist, 17–18 on average" */
        return g_strdup_printf (_("%s: %s–%s per %s, %s on average"), project, low, high, role, average);
      }
    }
}

char *
sf_reference_format_with_source (const SfReference *reference,
                                 const char        *source)
{
  g_autofree char *text = sf_reference_format (reference);

  if (source == NULL || *source == '\0')
    return g_steal_pointer (&text);
  return g_strdup_printf ("%s — %s", text, source);
}
