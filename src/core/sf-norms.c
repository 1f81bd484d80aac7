#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "sf-core-resources.h"
#include "sf-error.h"
#include "sf-norms.h"

#define CATALOGUE_RESOURCE "/io/github/sagsfordeling/Sagsfordeling/core/case-areas.json"

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
