/* lic-client-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-core.h"
#include "lic-client-json.h"

/* A member that is absent or null counts as missing, as in lic-json.c. */
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
lic_client_json_get_bool (JsonObject  *object,
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
 * lic_client_json_get_ids:
 * @out: (out) (transfer full): a GArray of gint64; left as it is when the member is absent
 */
gboolean
lic_client_json_get_ids (JsonObject  *object,
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
 * lic_client_json_get_list:
 * @out: (out) (transfer full): a list model of @item_type; an empty one when the member is
 *   absent
 *
 * Reads an array of objects, each by @from_json.
 */
gboolean
lic_client_json_get_list (JsonObject       *object,
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
lic_client_json_add_ids (JsonBuilder  *builder,
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
