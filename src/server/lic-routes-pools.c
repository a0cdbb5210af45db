/* lic-routes-pools.c: license pools.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-clock.h"
#include "lic-i18n.h"
#include "lic-routes-private.h"

static JsonNode *
pool_to_node (LicPool *pool)
{
  return lic_routes_to_node (pool, (LicToJsonFunc) lic_pool_to_json);
}

/* GET /pools */
gboolean
lic_routes_pools_list (LicRequest  *request,
                       GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) pools = NULL;
  g_autofree char *after_name = NULL;
  LicPoolFilter filter = { 0, 0 };
  LicPage page;
  LicPool *last;
  gboolean more;

  if (!lic_routes_get_school_id (request, &filter.school_id, error)
      || !lic_routes_get_id (request, "product_id", &filter.product_id, error)
      || !lic_routes_get_page (request, "pools", &page, &after_name, error))
    return FALSE;

  pools = lic_store_list_pools (lic_request_get_store (request),
                                lic_request_get_caller (request),
                                &filter, &page, &more, error);
  if (pools == NULL)
    return FALSE;

  lic_routes_begin_list (builder);
  for (guint i = 0; i < pools->len; i++)
    json_builder_add_value (builder, pool_to_node (g_ptr_array_index (pools, i)));
  last = pools->len > 0 ? g_ptr_array_index (pools, pools->len - 1) : NULL;
  lic_routes_end_list (builder, "pools", more,
                       last != NULL ? lic_pool_get_product_name (last) : NULL,
                       last != NULL ? lic_pool_get_id (last) : 0);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* GET /pools/{id} */
gboolean
lic_routes_pools_get (LicRequest  *request,
                      GError     **error)
{
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(JsonNode) node = NULL;

  pool = lic_store_get_pool (lic_request_get_store (request),
                             lic_request_get_caller (request),
                             lic_request_get_id (request, 0), error);
  if (pool == NULL)
    return FALSE;

  node = pool_to_node (pool);
  lic_request_respond_node (request, 200, node);
  return TRUE;
}

static void
lic_assignment_clear (LicAssignment *assignment)
{
  g_clear_pointer (&assignment->user_ids, g_array_unref);
  g_clear_pointer (&assignment->group_ids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LicAssignment, lic_assignment_clear)

/* Refuses more than LIC_ASSIGNMENT_MAX_IDS ids in one request. */
static gboolean
check_id_count (GArray  *user_ids,
                GArray  *group_ids,
                GError **error)
{
  guint n = (user_ids != NULL ? user_ids->len : 0) + (group_ids != NULL ? group_ids->len : 0);

  if (n <= LIC_ASSIGNMENT_MAX_IDS)
    return TRUE;
  g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
               /* TRANSLATORS: the most ids a request names (1000), and how many this one
                * names (always more than the most) */
               _("A request names at most %d users and groups; this one names %u. Send them in "
                 "several requests."), LIC_ASSIGNMENT_MAX_IDS, n);
  return FALSE;
}

/* Reads the optional `role` member: a role's nick, or absent or null. */
static gboolean
get_role (LicRequest  *request,
          int         *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (lic_request_get_body (request), "role");

  *out = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
      && lic_enum_from_nick (LIC_TYPE_ROLE, json_node_get_string (node), out))
    return TRUE;
  g_set_error_literal (error, LIC_ERROR, LIC_ERROR_INVALID,
                       _("“role” must be one of: student, teacher, administrator."));
  return FALSE;
}

static void
respond_change (LicRequest   *request,
                LicPool      *pool,
                const char   *first_name,
                gint64        first,
                const char   *second_name,
                gint64        second)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, first_name);
  json_builder_add_int_value (builder, first);
  if (second_name != NULL)
    {
      json_builder_set_member_name (builder, second_name);
      json_builder_add_int_value (builder, second);
    }
  json_builder_set_member_name (builder, "pool");
  json_builder_add_value (builder, pool_to_node (pool));
  json_builder_end_object (builder);
  lic_request_respond (request, 200, builder);
}

/* POST /pools/{id}/assignments */
gboolean
lic_routes_pools_assign (LicRequest  *request,
                         GError     **error)
{
  g_auto(LicAssignment) assignment = { NULL, NULL, -1 };
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(GDateTime) now = lic_clock_now ();
  gint64 assigned, already;

  if (!lic_routes_get_ids_member (request, "user_ids", FALSE, &assignment.user_ids, error)
      || !lic_routes_get_ids_member (request, "group_ids", FALSE, &assignment.group_ids, error)
      || !get_role (request, &assignment.role, error)
      || !check_id_count (assignment.user_ids, assignment.group_ids, error))
    return FALSE;
  if (assignment.user_ids == NULL && assignment.group_ids == NULL && assignment.role < 0)
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_INVALID,
                           _("Name whom to assign: “user_ids”, “group_ids” or “role”."));
      return FALSE;
    }

  pool = lic_store_assign (lic_request_get_store (request), lic_request_get_caller (request),
                           lic_request_get_id (request, 0), &assignment, now, &assigned,
                           &already, error);
  if (pool == NULL)
    return FALSE;
  respond_change (request, pool, "assigned", assigned, "already_assigned", already);
  return TRUE;
}

/* DELETE /pools/{id}/assignments */
gboolean
lic_routes_pools_unassign (LicRequest  *request,
                           GError     **error)
{
  g_autoptr(GArray) user_ids = NULL;
  g_autoptr(LicPool) pool = NULL;
  gint64 unassigned;

  if (!lic_routes_get_ids_member (request, "user_ids", TRUE, &user_ids, error)
      || !check_id_count (user_ids, NULL, error))
    return FALSE;

  pool = lic_store_unassign (lic_request_get_store (request), lic_request_get_caller (request),
                             lic_request_get_id (request, 0), user_ids, &unassigned, error);
  if (pool == NULL)
    return FALSE;
  respond_change (request, pool, "unassigned", unassigned, NULL, 0);
  return TRUE;
}

/* POST and DELETE /pools/{id}/groups */
static gboolean
link_groups (LicRequest  *request,
             gboolean     link,
             GError     **error)
{
  g_autoptr(GArray) group_ids = NULL;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(GDateTime) now = lic_clock_now ();
  gint64 changed, assigned;

  if (!lic_routes_get_ids_member (request, "group_ids", TRUE, &group_ids, error)
      || !check_id_count (NULL, group_ids, error))
    return FALSE;

  pool = lic_store_link_groups (lic_request_get_store (request), lic_request_get_caller (request),
                                lic_request_get_id (request, 0), group_ids, link, now, &changed,
                                &assigned, error);
  if (pool == NULL)
    return FALSE;
  if (link)
    respond_change (request, pool, "linked", changed, "assigned", assigned);
  else
    respond_change (request, pool, "unlinked", changed, NULL, 0);
  return TRUE;
}

/* POST /pools/{id}/groups */
gboolean
lic_routes_pools_link (LicRequest  *request,
                       GError     **error)
{
  return link_groups (request, TRUE, error);
}

/* DELETE /pools/{id}/groups */
gboolean
lic_routes_pools_unlink (LicRequest  *request,
                         GError     **error)
{
  return link_groups (request, FALSE, error);
}
