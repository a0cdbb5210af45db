/* lic-routes-people.c: schools, users and groups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-i18n.h"
#include "lic-routes-private.h"

/* GET /schools: few enough to come in one page. */
gboolean
lic_routes_schools_list (LicRequest  *request,
                         GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) schools = NULL;

  schools = lic_store_list_schools (lic_request_get_store (request),
                                    lic_request_get_caller (request), error);
  if (schools == NULL)
    return FALSE;

  lic_routes_begin_list (builder);
  for (guint i = 0; i < schools->len; i++)
    lic_school_to_json (g_ptr_array_index (schools, i), builder);
  lic_routes_end_list (builder, "schools", FALSE, NULL, 0);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/**
 * lic_routes_get_user_list:
 * @out: (out): the LicUserList named by the `list` parameter; %LIC_USER_LIST_ALL if none
 */
gboolean
lic_routes_get_user_list (LicRequest  *request,
                          int         *out,
                          GError     **error)
{
  const char *value = lic_request_get_query (request, "list");

  *out = LIC_USER_LIST_ALL;
  if (value == NULL)
    return TRUE;
  if (g_str_equal (value, "payable"))
    *out = LIC_USER_LIST_PAYABLE;
  else if (g_str_equal (value, "no_access"))
    *out = LIC_USER_LIST_NO_ACCESS;
  else
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_INVALID,
                           _("“list” must be one of: payable, no_access."));
      return FALSE;
    }
  return TRUE;
}

/**
 * lic_routes_user_pools_array:
 * @user_pools: (element-type LicUserPool): what lic_store_list_users() gave for a list
 *
 * Returns: (transfer full): the array of the pools that put @user_id on the list: `payable`
 *   items with `loses_access_on`, `no_access` items with `since`
 */
JsonArray *
lic_routes_user_pools_array (GPtrArray  *user_pools,
                             int         list,
                             gint64      user_id)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < user_pools->len; i++)
    {
      LicUserPool *entry = g_ptr_array_index (user_pools, i);
      JsonObject *object;
      const char *member = list == LIC_USER_LIST_PAYABLE ? "loses_access_on" : "since";

      if (entry->user_id != user_id)
        continue;
      object = json_object_new ();
      json_object_set_int_member (object, "pool_id", entry->pool_id);
      json_object_set_int_member (object, "product_id", entry->product_id);
      json_object_set_string_member (object, "product_name", entry->product_name);
      json_object_set_int_member (object, "school_id", entry->school_id);
      if (entry->date != NULL)
        json_object_set_string_member (object, member, entry->date);
      else
        json_object_set_null_member (object, member);
      json_array_add_object_element (array, object);
    }
  return array;
}

/* GET /users */
gboolean
lic_routes_users_list (LicRequest  *request,
                       GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) user_pools = NULL;
  g_autofree char *after_name = NULL;
  LicUserFilter filter = { NULL, -1, 0, 0, 0, LIC_USER_LIST_ALL };
  LicPage page;
  LicUser *last;
  gboolean more;

  if (!lic_routes_get_search (request, &filter.q, error)
      || !lic_routes_get_enum (request, "role", LIC_TYPE_ROLE, &filter.role, error)
      || !lic_routes_get_school_id (request, &filter.school_id, error)
      || !lic_routes_get_id (request, "group_id", &filter.group_id, error)
      || !lic_routes_get_id (request, "pool_id", &filter.pool_id, error)
      || !lic_routes_get_user_list (request, &filter.list, error)
      || !lic_routes_get_page (request, "users", &page, &after_name, error))
    return FALSE;

  users = lic_store_list_users (lic_request_get_store (request),
                                lic_request_get_caller (request),
                                &filter, &page, &more, &user_pools, error);
  if (users == NULL)
    return FALSE;

  lic_routes_begin_list (builder);
  for (guint i = 0; i < users->len; i++)
    {
      LicUser *user = g_ptr_array_index (users, i);
      JsonNode *node;

      if (user_pools == NULL)
        {
          lic_user_to_json (user, builder);
          continue;
        }
      /* The lists say which pools put each user on them. */
      node = lic_routes_to_node (user, (LicToJsonFunc) lic_user_to_json);
      json_object_set_array_member (json_node_get_object (node),
                                    filter.list == LIC_USER_LIST_PAYABLE ? "payable"
                                                                         : "no_access",
                                    lic_routes_user_pools_array (user_pools, filter.list,
                                                                 lic_user_get_id (user)));
      json_builder_add_value (builder, node);
    }
  last = users->len > 0 ? g_ptr_array_index (users, users->len - 1) : NULL;
  lic_routes_end_list (builder, "users", more,
                       last != NULL ? lic_user_get_name (last) : NULL,
                       last != NULL ? lic_user_get_id (last) : 0);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* GET /users/{id}: the user and their licenses. */
gboolean
lic_routes_users_get (LicRequest  *request,
                      GError     **error)
{
  g_autoptr(GPtrArray) licenses = NULL;
  g_autoptr(LicUser) user = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  user = lic_store_get_user (lic_request_get_store (request), lic_request_get_caller (request),
                             lic_request_get_id (request, 0), &licenses, error);
  if (user == NULL)
    return FALSE;

  node = lic_routes_to_node (user, (LicToJsonFunc) lic_user_to_json);
  array = json_array_sized_new (licenses->len);
  for (guint i = 0; i < licenses->len; i++)
    {
      LicUserLicense *license = g_ptr_array_index (licenses, i);
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "pool_id", license->pool_id);
      json_object_set_int_member (object, "product_id", license->product_id);
      json_object_set_string_member (object, "product_name", license->product_name);
      json_object_set_int_member (object, "school_id", license->school_id);
      json_object_set_string_member (object, "assigned_at", license->assigned_at);
      json_object_set_string_member (object, "state", license->state);
      json_array_add_object_element (array, object);
    }
  json_object_set_array_member (json_node_get_object (node), "licenses", array);
  lic_request_respond_node (request, 200, node);
  return TRUE;
}

/* GET /groups */
gboolean
lic_routes_groups_list (LicRequest  *request,
                        GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *after_name = NULL;
  LicPage page;
  LicGroupInfo *last;
  gint64 school_id;
  gboolean more;

  if (!lic_routes_get_school_id (request, &school_id, error)
      || !lic_routes_get_page (request, "groups", &page, &after_name, error))
    return FALSE;

  groups = lic_store_list_groups (lic_request_get_store (request),
                                  lic_request_get_caller (request),
                                  school_id, &page, &more, error);
  if (groups == NULL)
    return FALSE;

  lic_routes_begin_list (builder);
  for (guint i = 0; i < groups->len; i++)
    {
      LicGroupInfo *group = g_ptr_array_index (groups, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, group->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, group->name);
      json_builder_set_member_name (builder, "school_id");
      json_builder_add_int_value (builder, group->school_id);
      json_builder_set_member_name (builder, "member_count");
      json_builder_add_int_value (builder, group->member_count);
      json_builder_end_object (builder);
    }
  last = groups->len > 0 ? g_ptr_array_index (groups, groups->len - 1) : NULL;
  lic_routes_end_list (builder, "groups", more,
                       last != NULL ? last->name : NULL, last != NULL ? last->id : 0);
  lic_request_respond (request, 200, builder);
  return TRUE;
}
