/* lic-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>

#include "lic-enums.h"
#include "lic-error.h"
#include "lic-json.h"

static JsonNode *
get_member (JsonObject  *object,
            const char  *member,
            gboolean     required,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "“%s” is missing", member);
      return NULL;
    }
  return node;
}

gboolean
lic_json_get_int (JsonObject  *object,
                  const char  *member,
                  gboolean     required,
                  gint64      *out,
                  GError     **error)
{
  JsonNode *node = get_member (object, member, required, error);

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "“%s” must be an integer", member);
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
lic_json_get_string (JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     const char **out,
                     GError     **error)
{
  JsonNode *node = get_member (object, member, required, error);

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "“%s” must be a string", member);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
lic_json_get_strv (JsonObject  *object,
                   const char  *member,
                   gboolean     required,
                   GStrv       *out,
                   GError     **error)
{
  JsonNode *node = get_member (object, member, required, error);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "“%s” must be an array of strings", member);
      return FALSE;
    }

  builder = g_strv_builder_new ();
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "“%s” must be an array of strings", member);
          return FALSE;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
lic_json_get_enum (JsonObject  *object,
                   const char  *member,
                   GType        enum_type,
                   int         *out,
                   GError     **error)
{
  const char *nick = NULL;

  if (!lic_json_get_string (object, member, TRUE, &nick, error))
    return FALSE;
  if (!lic_enum_from_nick (enum_type, nick, out))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "“%s” has an unknown value “%s”", member, nick);
      return FALSE;
    }
  return TRUE;
}

JsonObject *
lic_json_parse_object (const char  *data,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "Malformed JSON: %s", local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_PARSE, "Expected a JSON object");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

void
lic_json_add_strv (JsonBuilder        *builder,
                   const char         *member,
                   const char * const *strv)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

void
lic_json_add_enum (JsonBuilder *builder,
                   const char  *member,
                   GType        enum_type,
                   int          value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, lic_enum_to_nick (enum_type, value));
}

char *
lic_json_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

gboolean
lic_json_get_bool (JsonObject  *object,
                   const char  *member,
                   gboolean     required,
                   gboolean    *out,
                   GError     **error)
{
  JsonNode *node = get_member (object, member, required, error);

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "“%s” must be true or false", member);
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

/**
 * lic_json_get_ids:
 * @out: (out) (transfer full): a GArray of gint64; left as it is when the member is absent
 */
gboolean
lic_json_get_ids (JsonObject  *object,
                  const char  *member,
                  gboolean     required,
                  GArray     **out,
                  GError     **error)
{
  JsonNode *node = get_member (object, member, required, error);
  g_autoptr(GArray) ids = NULL;
  JsonArray *array;

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto malformed;

  array = json_node_get_array (node);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64)
        goto malformed;
      id = json_node_get_int (element);
      g_array_append_val (ids, id);
    }
  *out = g_steal_pointer (&ids);
  return TRUE;

malformed:
  g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "“%s” must be an array of integers", member);
  return FALSE;
}

/**
 * lic_json_get_list:
 * @out: (out) (transfer full): a list model of @item_type; an empty one when the member is
 *   absent
 *
 * Reads an array of objects, each by @from_json.
 */
gboolean
lic_json_get_list (JsonObject       *object,
                   const char       *member,
                   gboolean          required,
                   GType             item_type,
                   LicFromJsonFunc   from_json,
                   GListModel      **out,
                   GError          **error)
{
  JsonNode *node = get_member (object, member, required, error);
  g_autoptr(GListStore) items = g_list_store_new (item_type);
  JsonArray *array;

  if (node == NULL)
    {
      if (required)
        return FALSE;
      *out = G_LIST_MODEL (g_steal_pointer (&items));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "“%s” must be an array", member);
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GObject) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, LIC_ERROR, LIC_ERROR_PARSE, "“%s” must be an array of objects",
                       member);
          return FALSE;
        }
      item = from_json (json_node_get_object (element), error);
      if (item == NULL)
        return FALSE;
      g_list_store_append (items, item);
    }
  *out = G_LIST_MODEL (g_steal_pointer (&items));
  return TRUE;
}

void
lic_json_add_ids (JsonBuilder  *builder,
                  const char   *member,
                  const gint64 *ids,
                  gsize         n_ids)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (gsize i = 0; i < n_ids; i++)
    json_builder_add_int_value (builder, ids[i]);
  json_builder_end_array (builder);
}
