/* lic-routes.c: the route table, and what the handlers share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "lic-clock.h"
#include "lic-i18n.h"
#include "lic-routes.h"
#include "lic-routes-private.h"

#define DEFAULT_LIMIT 50
#define MAX_LIMIT 200
#define MAX_SEARCH_CHARS 200
#define MAX_SEARCH_WORDS 8

/* Between the parts of a cursor; it cannot occur in a name. */
#define CURSOR_SEPARATOR "\x1f"

static gboolean
health (LicRequest  *request,
        GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_end_object (builder);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* POST /test/clock: sets the time the rules read, and runs the compliance sweep up to it
 * before answering, so that the answer comes after every change and e-mail it causes. */
static gboolean
set_test_clock (LicRequest  *request,
                GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;
  LicSweepReport report;
  const char *value;

  if (!lic_routes_get_member (request, "now", &value, error))
    return FALSE;
  now = g_date_time_new_from_iso8601 (value, utc);
  if (now == NULL)
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_INVALID,
                           _("“now” must be a date and time in ISO 8601, such as "
                             "2027-01-10T00:00:00Z."));
      return FALSE;
    }
  lic_clock_set (now);

  /* Kept in the store too, for a restart with --test-clock to go on from it. */
  g_clear_pointer (&now, g_date_time_unref);
  now = lic_clock_now ();
  text = lic_clock_format (now);
  if (!lic_store_set_setting (lic_request_get_store (request), LIC_CLOCK_SETTING, text, error)
      || !lic_store_sweep (lic_request_get_store (request), now, NULL, &report, error))
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "now");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

static const struct {
  const char *method;
  const char *pattern;
  LicRouteFlags flags;
  LicHandler handler;
} routes[] = {
  { "GET", "/api/v1/health", LIC_ROUTE_PUBLIC, health },
  { "POST", "/api/v1/session", LIC_ROUTE_PUBLIC | LIC_ROUTE_JSON_BODY, lic_routes_session_create },
  { "GET", "/api/v1/session", LIC_ROUTE_DEFAULT, lic_routes_session_get },
  { "DELETE", "/api/v1/session", LIC_ROUTE_DEFAULT, lic_routes_session_delete },
  { "GET", "/api/v1/schools", LIC_ROUTE_DEFAULT, lic_routes_schools_list },
  { "GET", "/api/v1/products", LIC_ROUTE_DEFAULT, lic_routes_products_list },
  { "GET", "/api/v1/products/{id}", LIC_ROUTE_DEFAULT, lic_routes_products_get },
  { "GET", "/api/v1/users", LIC_ROUTE_DEFAULT, lic_routes_users_list },
  { "GET", "/api/v1/users.csv", LIC_ROUTE_DEFAULT, lic_routes_users_csv },
  { "GET", "/api/v1/users/{id}", LIC_ROUTE_DEFAULT, lic_routes_users_get },
  { "POST", "/api/v1/users/import", LIC_ROUTE_CSV_BODY, lic_routes_users_import },
  { "GET", "/api/v1/groups", LIC_ROUTE_DEFAULT, lic_routes_groups_list },
  { "GET", "/api/v1/pools", LIC_ROUTE_DEFAULT, lic_routes_pools_list },
  { "GET", "/api/v1/pools/{id}", LIC_ROUTE_DEFAULT, lic_routes_pools_get },
  { "POST", "/api/v1/pools/{id}/assignments", LIC_ROUTE_JSON_BODY, lic_routes_pools_assign },
  { "DELETE", "/api/v1/pools/{id}/assignments", LIC_ROUTE_JSON_BODY,
    lic_routes_pools_unassign },
  { "POST", "/api/v1/pools/{id}/groups", LIC_ROUTE_JSON_BODY, lic_routes_pools_link },
  { "DELETE", "/api/v1/pools/{id}/groups", LIC_ROUTE_JSON_BODY, lic_routes_pools_unlink },
  { "POST", "/api/v1/pools/{id}/keep", LIC_ROUTE_JSON_BODY, lic_routes_pools_keep },
  { "POST", "/api/v1/pools/{id}/renewals", LIC_ROUTE_JSON_BODY, lic_routes_pools_renew },
  { "GET", "/api/v1/purchase-requests", LIC_ROUTE_DEFAULT, lic_routes_purchase_requests_list },
  { "GET", "/api/v1/purchase-requests/{id}", LIC_ROUTE_DEFAULT,
    lic_routes_purchase_requests_get },
  { "POST", "/api/v1/purchase-requests/{id}/order", LIC_ROUTE_JSON_BODY,
    lic_routes_purchase_requests_pay },
  { "GET", "/api/v1/notices", LIC_ROUTE_DEFAULT, lic_routes_notices_list },
  { "GET", "/api/v1/suppliers", LIC_ROUTE_DEFAULT, lic_routes_suppliers_list },
  { "GET", "/api/v1/cart", LIC_ROUTE_DEFAULT, lic_routes_cart_get },
  { "POST", "/api/v1/cart/lines", LIC_ROUTE_JSON_BODY, lic_routes_cart_add_line },
  { "PATCH", "/api/v1/cart/lines/{id}", LIC_ROUTE_JSON_BODY, lic_routes_cart_change_line },
  { "DELETE", "/api/v1/cart/lines/{id}", LIC_ROUTE_DEFAULT, lic_routes_cart_remove_line },
  { "POST", "/api/v1/checkout", LIC_ROUTE_JSON_BODY, lic_routes_checkout },
  { "GET", "/api/v1/orders", LIC_ROUTE_DEFAULT, lic_routes_orders_list },
  { "GET", "/api/v1/orders/{id}", LIC_ROUTE_DEFAULT, lic_routes_orders_get },
  { "POST", "/api/v1/activations", LIC_ROUTE_JSON_BODY, lic_routes_activate },
  { "GET", "/api/v1/notifications", LIC_ROUTE_DEFAULT, lic_routes_notifications_list },
  { "POST", "/api/v1/notifications/read", LIC_ROUTE_JSON_BODY, lic_routes_notifications_read },
  { "GET", "/api/v1/events", LIC_ROUTE_DEFAULT, lic_routes_events },
  { "POST", "/api/v1/supplier/orders/{id}/deliver", LIC_ROUTE_SUPPLIER,
    lic_routes_supplier_deliver },
  { "POST", "/api/v1/supplier/activations", LIC_ROUTE_SUPPLIER | LIC_ROUTE_JSON_BODY,
    lic_routes_supplier_reissue },
};

/**
 * lic_routes_install:
 * @test_clock: whether to add POST /test/clock; without it the path does not exist
 */
void
lic_routes_install (LicRouter *router,
                    gboolean   test_clock)
{
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    lic_router_add (router, routes[i].method, routes[i].pattern, routes[i].flags,
                    routes[i].handler);
  if (test_clock)
    lic_router_add (router, "POST", "/api/v1/test/clock", LIC_ROUTE_PUBLIC | LIC_ROUTE_JSON_BODY,
                    set_test_clock);
}

/**
 * lic_routes_get_search:
 * @out: (out) (nullable): the `q` parameter, or %NULL if there is none
 */
gboolean
lic_routes_get_search (LicRequest  *request,
                       const char **out,
                       GError     **error)
{
  const char *value = lic_request_get_query (request, "q");
  g_auto(GStrv) words = NULL;
  guint n_words = 0;

  *out = NULL;
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL) || g_utf8_strlen (value, -1) > MAX_SEARCH_CHARS)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   _("“q” must be text of at most %d characters."), MAX_SEARCH_CHARS);
      return FALSE;
    }

  words = g_strsplit_set (value, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    n_words += words[i][0] != '\0';
  if (n_words > MAX_SEARCH_WORDS)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   _("“q” may hold at most %d words."), MAX_SEARCH_WORDS);
      return FALSE;
    }
  *out = n_words > 0 ? value : NULL;
  return TRUE;
}

/**
 * lic_routes_get_id:
 * @out: (out): the id in the query parameter @name, or 0 if there is none
 */
gboolean
lic_routes_get_id (LicRequest  *request,
                   const char  *name,
                   gint64      *out,
                   GError     **error)
{
  const char *value = lic_request_get_query (request, name);
  guint64 id = 0;

  if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
                   /* TRANSLATORS: %s is the name of a parameter, as the API writes it */
                   _("“%s” must be a positive whole number."), name);
      return FALSE;
    }
  *out = (gint64) id;
  return TRUE;
}

/**
 * lic_routes_get_school_id:
 * @out: (out): the `school_id` parameter, or 0 if there is none
 *
 * Fails with %LIC_ERROR_FORBIDDEN for a school the caller may not act on.
 */
gboolean
lic_routes_get_school_id (LicRequest  *request,
                          gint64      *out,
                          GError     **error)
{
  if (!lic_routes_get_id (request, "school_id", out, error))
    return FALSE;
  if (*out > 0 && !lic_caller_may_act_on_school (lic_request_get_caller (request), *out))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_FORBIDDEN,
                   _("School %" PRId64 " is not one of the schools you manage."), *out);
      return FALSE;
    }
  return TRUE;
}

/**
 * lic_routes_get_enum:
 * @out: (out): the value of @enum_type named by the query parameter @name, or -1 if there is
 *   none
 */
gboolean
lic_routes_get_enum (LicRequest  *request,
                     const char  *name,
                     GType        enum_type,
                     int         *out,
                     GError     **error)
{
  const char *value = lic_request_get_query (request, name);
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GPtrArray) nicks = NULL;
  g_autofree char *list = NULL;

  *out = -1;
  if (value == NULL || lic_enum_from_nick (enum_type, value, out))
    return TRUE;

  klass = g_type_class_ref (enum_type);
  nicks = g_ptr_array_new ();
  for (guint i = 0; i < klass->n_values; i++)
    g_ptr_array_add (nicks, (gpointer) klass->values[i].value_nick);
  g_ptr_array_add (nicks, NULL);
  list = g_strjoinv (", ", (char **) nicks->pdata);
  /* TRANSLATORS: the name of a parameter, then the values it takes, as the API writes them,
   * with commas between them */
  g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID, _("“%s” must be one of: %s."), name, list);
  return FALSE;
}

static char *
encode_cursor (const char *kind,
               const char *name,
               gint64      id)
{
  g_autofree char *raw = g_strdup_printf ("%s" CURSOR_SEPARATOR "%" G_GINT64_FORMAT
                                          CURSOR_SEPARATOR "%s", kind, id, name);
  char *cursor = g_base64_encode ((const guchar *) raw, strlen (raw));
  char *pad = strchr (cursor, '=');

  if (pad != NULL)
    *pad = '\0';
  g_strdelimit (cursor, "+", '-');
  g_strdelimit (cursor, "/", '_');
  return cursor;
}

/* The inverse of encode_cursor(), for a cursor of @kind only. */
static gboolean
decode_cursor (const char  *cursor,
               const char  *kind,
               char       **name,
               gint64      *id)
{
  gsize length = strlen (cursor);
  g_autoptr(GString) padded = NULL;
  g_autofree guchar *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  gsize raw_length;
  guint64 number;

  if (length % 4 == 1 || strspn (cursor, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                         "0123456789-_") != length)
    return FALSE;
  padded = g_string_new (cursor);
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');
  g_strdelimit (padded->str, "-", '+');
  g_strdelimit (padded->str, "_", '/');

  raw = g_base64_decode (padded->str, &raw_length);
  text = g_strndup ((const char *) raw, raw_length);
  if (strlen (text) != raw_length || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  parts = g_strsplit (text, CURSOR_SEPARATOR, 3);
  if (g_strv_length (parts) != 3 || !g_str_equal (parts[0], kind)
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT64, &number, NULL))
    return FALSE;
  *name = g_strdup (parts[2]);
  *id = (gint64) number;
  return TRUE;
}

/**
 * lic_routes_get_page:
 * @kind: what is listed; a cursor of one list is refused by another
 * @after_name: (out) (transfer full): what @page points into; free it after the query
 *
 * Reads `limit` and `cursor` into @page.
 */
gboolean
lic_routes_get_page (LicRequest  *request,
                     const char  *kind,
                     LicPage     *page,
                     char       **after_name,
                     GError     **error)
{
  const char *limit = lic_request_get_query (request, "limit");
  const char *cursor = lic_request_get_query (request, "cursor");
  guint64 value = DEFAULT_LIMIT;

  *after_name = NULL;
  page->after_name = NULL;
  page->after_id = 0;
  page->after_key = 0;

  if (limit != NULL)
    {
      /* Digits only; however many, past 200 is clamped to 200, not refused. */
      const char *significant = limit + strspn (limit, "0");

      if (strspn (limit, "0123456789") != strlen (limit))
        value = 0;
      else if (strlen (significant) > 3)
        value = MAX_LIMIT;
      else
        value = g_ascii_strtoull (significant, NULL, 10);
      if (value < 1)
        {
          g_set_error_literal (error, LIC_ERROR, LIC_ERROR_INVALID,
                               _("“limit” must be a whole number from 1 up."));
          return FALSE;
        }
    }
  page->limit = MIN (value, MAX_LIMIT);

  if (cursor != NULL)
    {
      if (!decode_cursor (cursor, kind, after_name, &page->after_id))
        {
          g_set_error_literal (error, LIC_ERROR, LIC_ERROR_INVALID,
                               _("“cursor” is not one this list gave out; start again from "
                                 "the first page."));
          return FALSE;
        }
      page->after_name = *after_name;
    }
  return TRUE;
}

/**
 * lic_routes_get_keyed_page:
 *
 * Reads `limit` and `cursor` into @page, for a list ordered by a number (@page's after_key)
 * before the name: what lic_routes_end_keyed_list() wrote.
 */
gboolean
lic_routes_get_keyed_page (LicRequest  *request,
                           const char  *kind,
                           LicPage     *page,
                           char       **after_name,
                           GError     **error)
{
  const char *separator;
  g_autofree char *key = NULL;

  if (!lic_routes_get_page (request, kind, page, after_name, error))
    return FALSE;
  if (page->after_name == NULL)
    return TRUE;

  separator = strstr (page->after_name, CURSOR_SEPARATOR);
  if (separator != NULL)
    key = g_strndup (page->after_name, separator - page->after_name);
  if (key == NULL
      || !g_ascii_string_to_signed (key, 10, G_MININT64, G_MAXINT64, &page->after_key, NULL))
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_INVALID,
                           _("“cursor” is not one this list gave out; start again from the "
                             "first page."));
      return FALSE;
    }
  page->after_name = separator + strlen (CURSOR_SEPARATOR);
  return TRUE;
}

/* A member of the body that is missing or of the wrong type: invalid, not a parse error, as
 * the body is JSON. lic-json.c, which the app shares, writes its errors in English; the server
 * writes its own here, from the member, in the reader's language. */
static void
refuse_member (JsonObject  *body,
               const char  *member,
               GType        type,
               GError     **error)
{
  JsonNode *node = json_object_get_member (body, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    /* TRANSLATORS: %s is the name of a member of the JSON body, as the API writes it */
    g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID, _("“%s” is missing."), member);
  else if (type == G_TYPE_INT64)
    g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID, _("“%s” must be an integer."), member);
  else
    g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID, _("“%s” must be a string."), member);
}

/**
 * lic_routes_get_member:
 * @out: (out) (transfer none): the string member @member of the body
 */
gboolean
lic_routes_get_member (LicRequest  *request,
                       const char  *member,
                       const char **out,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (lic_json_get_string (lic_request_get_body (request), member, TRUE, out, &local_error))
    return TRUE;
  refuse_member (lic_request_get_body (request), member, G_TYPE_STRING, error);
  return FALSE;
}

/**
 * lic_routes_get_int_member:
 * @out: (out): the integer member @member of the body; untouched when it is missing
 * @given: (out) (optional): whether the body has it
 */
gboolean
lic_routes_get_int_member (LicRequest  *request,
                           const char  *member,
                           gboolean     required,
                           gint64      *out,
                           gboolean    *given,
                           GError     **error)
{
  JsonObject *body = lic_request_get_body (request);
  g_autoptr(GError) local_error = NULL;

  if (!lic_json_get_int (body, member, required, out, &local_error))
    {
      refuse_member (body, member, G_TYPE_INT64, error);
      return FALSE;
    }
  if (given != NULL)
    *given = json_object_has_member (body, member)
             && !json_object_get_null_member (body, member);
  return TRUE;
}

/**
 * lic_routes_get_ids_member:
 * @out: (out) (transfer full) (element-type gint64): the ids of the array member @member,
 *   ascending and each once; %NULL when it is missing
 */
gboolean
lic_routes_get_ids_member (LicRequest  *request,
                           const char  *member,
                           gboolean     required,
                           GArray     **out,
                           GError     **error)
{
  JsonObject *body = lic_request_get_body (request);
  JsonNode *node = json_object_get_member (body, member);
  g_autoptr(GArray) ids = NULL;
  JsonArray *array;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
      g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID, _("“%s” is missing."), member);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto malformed;

  array = json_node_get_array (node);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64
          || (id = json_node_get_int (element)) < 1)
        goto malformed;
      g_array_append_val (ids, id);
    }
  g_array_sort (ids, lic_id_compare);
  for (guint i = 1; i < ids->len; )
    {
      if (g_array_index (ids, gint64, i) == g_array_index (ids, gint64, i - 1))
        g_array_remove_index (ids, i);
      else
        i++;
    }
  *out = g_steal_pointer (&ids);
  return TRUE;

malformed:
  g_set_error (error, LIC_ERROR, LIC_ERROR_INVALID,
               _("“%s” must be an array of ids (whole numbers from 1 up)."), member);
  return FALSE;
}

/**
 * lic_routes_respond_order:
 * @pool_id: 0, or the pool to name beside the order
 *
 * Answers `{"order": {…}}`, with `"pool_id"` if @pool_id is given.
 */
void
lic_routes_respond_order (LicRequest     *request,
                          guint           status,
                          const LicOrder *order,
                          gint64          pool_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "order");
  lic_order_to_json (order, builder);
  if (pool_id > 0)
    {
      json_builder_set_member_name (builder, "pool_id");
      json_builder_add_int_value (builder, pool_id);
    }
  json_builder_end_object (builder);
  lic_request_respond (request, status, builder);
}

/**
 * lic_routes_to_node:
 *
 * Returns: (transfer full): the JSON object @to_json writes for @item, to add members to
 */
JsonNode *
lic_routes_to_node (gpointer      item,
                    LicToJsonFunc to_json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  to_json (item, builder);
  return json_builder_get_root (builder);
}

void
lic_routes_begin_list (JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
}

/**
 * lic_routes_end_list:
 * @more: whether another page follows, which then starts after @last_name and @last_id
 */
void
lic_routes_end_list (JsonBuilder *builder,
                     const char  *kind,
                     gboolean     more,
                     const char  *last_name,
                     gint64       last_id)
{
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "next_cursor");
  if (more)
    {
      g_autofree char *cursor = encode_cursor (kind, last_name, last_id);

      json_builder_add_string_value (builder, cursor);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/**
 * lic_routes_end_keyed_list:
 * @more: whether another page follows, which then starts after @last_key, @last_name and
 *   @last_id
 *
 * Ends a list ordered by a number before the name, which lic_routes_get_keyed_page() reads.
 */
void
lic_routes_end_keyed_list (JsonBuilder *builder,
                           const char  *kind,
                           gboolean     more,
                           gint64       last_key,
                           const char  *last_name,
                           gint64       last_id)
{
  g_autofree char *name = NULL;

  if (more)
    name = g_strdup_printf ("%" G_GINT64_FORMAT CURSOR_SEPARATOR "%s", last_key, last_name);
  lic_routes_end_list (builder, kind, more, name, last_id);
}
