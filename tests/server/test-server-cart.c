/* test-server-cart.c: suppliers, sorting the library, and each admin's cart with its rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-server-test.h"

static LicTestServer *server;
static char *sundby;                /* organization admin of Sundby kommun, SEK */
static char *ekbacke;               /* school admin of Ekbackeskolan */
static char *koivula;               /* organization admin of Koivulan kaupunki, EUR */

static gint64 ekbackeskolan;
static gint64 solbergagymnasiet;
static gint64 koivulan_koulu;
static gint64 mattemolnet;          /* direct */
static gint64 kemilabbet;           /* delayed */
static gint64 klassrumsplanen;      /* activation_mail */
static gint64 sanasto;              /* priced in EUR only */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The ids of some users of @school_id, @count of them from @first on by name, in the order of
 * their ids, as the cart lists them. */
static GArray *
some_users (gint64 school_id,
            guint  first,
            guint  count)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/users?role=student&school_id=%"
                                           G_GINT64_FORMAT, school_id);
  g_autoptr(GPtrArray) users = lic_list_all (server, sundby, path, 200, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_cmpuint (users->len, >=, first + count);
  for (guint i = first; i < first + count; i++)
    {
      gint64 id = json_object_get_int_member (g_ptr_array_index (users, i), "id");

      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);
  return ids;
}

/* A group of @school_id, its id and how many it has. */
static gint64
a_group (gint64  school_id,
         guint   index,
         gint64 *member_count)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/groups?school_id=%" G_GINT64_FORMAT,
                                           school_id);
  g_autoptr(GPtrArray) groups = lic_list_all (server, sundby, path, 200, NULL);
  JsonObject *group = g_ptr_array_index (groups, index);

  if (member_count != NULL)
    *member_count = json_object_get_int_member (group, "member_count");
  return json_object_get_int_member (group, "id");
}

/* The users of a group, by id. */
static GArray *
group_members (gint64 group_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/users?group_id=%" G_GINT64_FORMAT, group_id);
  g_autoptr(GPtrArray) users = lic_list_all (server, sundby, path, 200, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < users->len; i++)
    {
      gint64 id = json_object_get_int_member (g_ptr_array_index (users, i), "id");

      g_array_append_val (ids, id);
    }
  return ids;
}

static JsonNode *
get_cart (const char *token)
{
  g_autoptr(LicReply) reply = lic_get (server, token, "/api/v1/cart");

  lic_assert_reply (reply, 200, NULL);
  return json_node_ref (reply->root);
}

static void
empty_cart (const char *token)
{
  g_autoptr(JsonNode) cart = get_cart (token);
  JsonArray *lines = json_object_get_array_member (json_node_get_object (cart), "lines");

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (lines, i), "id");
      g_autofree char *path = g_strdup_printf ("/api/v1/cart/lines/%" G_GINT64_FORMAT, id);
      g_autoptr(LicReply) reply = lic_send (lic_message_new (server, "DELETE", path, token));

      lic_assert_reply (reply, 204, NULL);
    }
}

static gboolean
ids_equal (JsonArray *array,
           GArray    *ids)
{
  if (json_array_get_length (array) != ids->len)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (json_array_get_int_element (array, i) != g_array_index (ids, gint64, i))
      return FALSE;
  return TRUE;
}

static char *
ids_json (GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static void
test_suppliers (void)
{
  g_autoptr(LicReply) reply = lic_get (server, sundby, "/api/v1/suppliers");
  g_autoptr(LicReply) finnish = lic_get (server, koivula, "/api/v1/suppliers");
  JsonArray *items;

  lic_assert_reply (reply, 200, NULL);
  lic_assert_reply (finnish, 200, NULL);
  g_assert_null (lic_reply_next_cursor (reply));
  items = lic_reply_items (reply);
  g_assert_cmpuint (json_array_get_length (items), ==, 4);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *supplier = json_array_get_object_element (items, i);
      g_autofree char *path = g_strdup_printf ("/api/v1/products?supplier=%" G_GINT64_FORMAT,
                                               json_object_get_int_member (supplier, "id"));
      g_autoptr(GPtrArray) products = lic_list_all (server, sundby, path, 200, NULL);

      /* By name, and each offers something here. */
      if (i > 0)
        g_assert_cmpint (g_utf8_collate (json_object_get_string_member (
                                           json_array_get_object_element (items, i - 1), "name"),
                                         json_object_get_string_member (supplier, "name")),
                         <, 0);
      g_assert_cmpuint (products->len, >, 0);
      for (guint p = 0; p < products->len; p++)
        g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (products, p),
                                                        "supplier"),
                         ==, json_object_get_string_member (supplier, "name"));
    }
  g_assert_cmpuint (json_array_get_length (lic_reply_items (finnish)), ==, 4);
}

static void
assert_sorted (GPtrArray *products,
               gboolean   descending)
{
  for (guint i = 1; i < products->len; i++)
    {
      JsonObject *before = g_ptr_array_index (products, i - 1);
      JsonObject *after = g_ptr_array_index (products, i);
      gint64 a = json_object_get_int_member (before, "price");
      gint64 b = json_object_get_int_member (after, "price");

      g_assert_true (descending ? a >= b : a <= b);
      if (a == b)
        g_assert_cmpint (g_utf8_collate (json_object_get_string_member (before, "name"),
                                         json_object_get_string_member (after, "name")), <=, 0);
    }
}

static void
test_sort (void)
{
  g_autoptr(GPtrArray) by_name = lic_list_all (server, sundby, "/api/v1/products", 200, NULL);
  g_autoptr(GPtrArray) cheapest = lic_list_all (server, sundby, "/api/v1/products?sort=price",
                                                200, NULL);
  g_autoptr(GPtrArray) dearest = lic_list_all (server, sundby, "/api/v1/products?sort=-price",
                                               200, NULL);
  guint n_pages;
  g_autoptr(GPtrArray) paged = lic_list_all (server, sundby, "/api/v1/products?sort=price", 3,
                                             &n_pages);
  g_autoptr(LicReply) first = lic_get (server, sundby, "/api/v1/products?sort=price&limit=3");
  g_autofree char *cursor = g_uri_escape_string (lic_reply_next_cursor (first), NULL, FALSE);
  g_autoptr(LicReply) mixed = lic_get (server, sundby,
                                       "/api/v1/products?sort=-price&limit=3&cursor=%s", cursor);
  g_autoptr(LicReply) bad = lic_get (server, sundby, "/api/v1/products?sort=cheap");

  g_assert_cmpuint (cheapest->len, ==, by_name->len);
  g_assert_cmpuint (dearest->len, ==, by_name->len);
  assert_sorted (cheapest, FALSE);
  assert_sorted (dearest, TRUE);

  /* Page by page, the same products in the same order. */
  g_assert_cmpuint (paged->len, ==, cheapest->len);
  g_assert_cmpuint (n_pages, ==, (cheapest->len + 2) / 3);
  for (guint i = 0; i < paged->len; i++)
    g_assert_cmpint (json_object_get_int_member (g_ptr_array_index (paged, i), "id"), ==,
                     json_object_get_int_member (g_ptr_array_index (cheapest, i), "id"));

  /* A cursor belongs to its order. */
  lic_assert_reply (mixed, 400, "invalid");
  lic_assert_reply (bad, 400, "invalid");
  g_assert_cmpstr (lic_reply_error_message (bad), ==,
                   "“sort” must be one of: name, price, -price.");
}

static void
test_add_and_get (void)
{
  gint64 members;
  gint64 group = a_group (ekbackeskolan, 0, &members);
  g_autoptr(GArray) in_group = group_members (group);
  g_autoptr(GArray) users = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) outsiders = some_users (ekbackeskolan, 0, 40);
  g_autofree char *users_json = NULL;
  g_autofree char *picks = NULL;
  g_autoptr(LicReply) added = NULL;
  g_autoptr(JsonNode) cart = NULL;
  JsonObject *line;
  JsonObject *object;
  gint64 outsider = 0;

  empty_cart (sundby);
  /* One member of the group and one user outside it: the member counts once. */
  for (guint i = 0; i < outsiders->len && outsider == 0; i++)
    {
      gboolean member = FALSE;

      for (guint m = 0; m < in_group->len; m++)
        member |= g_array_index (in_group, gint64, m) == g_array_index (outsiders, gint64, i);
      if (!member)
        outsider = g_array_index (outsiders, gint64, i);
    }
  g_assert_cmpint (outsider, >, 0);
  g_array_append_val (users, g_array_index (in_group, gint64, 0));
  g_array_append_val (users, outsider);
  users_json = ids_json (users);
  picks = g_strdup_printf ("\"user_ids\": %s, \"group_ids\": [%" G_GINT64_FORMAT "]",
                           users_json, group);

  added = lic_add_cart_line (server, sundby, mattemolnet, ekbackeskolan, 30, picks);
  lic_assert_reply (added, 201, NULL);
  line = lic_reply_object (added);
  g_assert_cmpint (json_object_get_int_member (line, "product_id"), ==, mattemolnet);
  g_assert_cmpstr (json_object_get_string_member (line, "product_name"), ==, "Mattemolnet");
  g_assert_cmpstr (json_object_get_string_member (line, "supplier"), ==, "Nordlär AB");
  g_assert_cmpint (json_object_get_int_member (line, "school_id"), ==, ekbackeskolan);
  g_assert_cmpstr (json_object_get_string_member (line, "school_name"), ==, "Ekbackeskolan");
  g_assert_cmpint (json_object_get_int_member (line, "quantity"), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (line, "delivery"), ==, "direct");
  g_assert_cmpint (json_object_get_int_member (line, "unit_price"), ==, 12900);
  g_assert_cmpint (json_object_get_int_member (line, "line_total"), ==, 30 * 12900);
  g_assert_cmpstr (json_object_get_string_member (line, "currency"), ==, "SEK");
  g_assert_cmpint (json_object_get_int_member (line, "term_months"), ==, 12);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (line, "user_ids")), ==, 2);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (line, "group_ids"),
                                               0), ==, group);
  g_assert_cmpint (json_object_get_int_member (line, "assigned_count"), ==, members + 1);
  g_assert_true (json_object_get_boolean_member (line, "can_assign_in_advance"));
  g_assert_true (json_object_get_boolean_member (line, "offered"));

  cart = get_cart (sundby);
  object = json_node_get_object (cart);
  g_assert_cmpint (json_object_get_int_member (object, "line_count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 30 * 12900);
  g_assert_cmpstr (json_object_get_string_member (object, "currency"), ==, "SEK");
  g_assert_true (json_object_equal (json_array_get_object_element (
                                      json_object_get_array_member (object, "lines"), 0), line));

  /* Each admin has a cart of their own. */
  g_clear_pointer (&cart, json_node_unref);
  cart = get_cart (ekbacke);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (cart), "line_count"), ==, 0);
}

static void
test_merge_patch_delete (void)
{
  g_autoptr(GArray) first = some_users (ekbackeskolan, 0, 3);
  g_autoptr(GArray) second = some_users (ekbackeskolan, 2, 3);
  g_autoptr(GArray) both = some_users (ekbackeskolan, 0, 5);
  g_autoptr(GArray) replaced = some_users (ekbackeskolan, 10, 2);
  g_autofree char *first_json = ids_json (first);
  g_autofree char *second_json = ids_json (second);
  g_autofree char *replaced_json = ids_json (replaced);
  g_autofree char *first_picks = g_strdup_printf ("\"user_ids\": %s", first_json);
  g_autofree char *second_picks = g_strdup_printf ("\"user_ids\": %s", second_json);
  g_autofree char *patch = g_strdup_printf ("{\"quantity\": 4, \"user_ids\": %s}", replaced_json);
  g_autoptr(LicReply) added = NULL;
  g_autoptr(LicReply) merged = NULL;
  g_autoptr(LicReply) patched = NULL;
  g_autoptr(LicReply) untouched = NULL;
  g_autoptr(LicReply) removed = NULL;
  g_autoptr(LicReply) again = NULL;
  g_autofree char *path = NULL;
  JsonObject *line;
  gint64 id;

  empty_cart (sundby);
  added = lic_add_cart_line (server, sundby, mattemolnet, ekbackeskolan, 10, first_picks);
  lic_assert_reply (added, 201, NULL);
  id = json_object_get_int_member (lic_reply_object (added), "id");

  /* The same product and school again: more of the line, with the picks added. */
  merged = lic_add_cart_line (server, sundby, mattemolnet, ekbackeskolan, 5, second_picks);
  lic_assert_reply (merged, 200, NULL);
  line = lic_reply_object (merged);
  g_assert_cmpint (json_object_get_int_member (line, "id"), ==, id);
  g_assert_cmpint (json_object_get_int_member (line, "quantity"), ==, 15);
  g_assert_true (ids_equal (json_object_get_array_member (line, "user_ids"), both));
  g_assert_cmpint (json_object_get_int_member (line, "assigned_count"), ==, 5);

  /* PATCH replaces what it is given, and leaves the rest. */
  path = g_strdup_printf ("/api/v1/cart/lines/%" G_GINT64_FORMAT, id);
  patched = lic_send_json (server, "PATCH", path, sundby, patch);
  lic_assert_reply (patched, 200, NULL);
  line = lic_reply_object (patched);
  g_assert_cmpint (json_object_get_int_member (line, "quantity"), ==, 4);
  g_assert_true (ids_equal (json_object_get_array_member (line, "user_ids"), replaced));
  untouched = lic_send_json (server, "PATCH", path, sundby, "{}");
  lic_assert_reply (untouched, 200, NULL);
  g_assert_true (json_object_equal (lic_reply_object (untouched), line));

  removed = lic_send (lic_message_new (server, "DELETE", path, sundby));
  lic_assert_reply (removed, 204, NULL);
  again = lic_send (lic_message_new (server, "DELETE", path, sundby));
  lic_assert_reply (again, 404, "not_found");
}

typedef struct
{
  const char *what;
  const char *method;               /* NULL: POST /cart/lines */
  const char *body;
  guint status;
  const char *code;
  const char *message;              /* NULL: any */
} Refusal;

static void
test_rules (void)
{
  gint64 group_size;
  gint64 other_size;
  gint64 group = a_group (ekbackeskolan, 3, &group_size);
  gint64 other_group = a_group (solbergagymnasiet, 0, &other_size);
  g_autoptr(GArray) other_users = some_users (solbergagymnasiet, 0, 1);
  g_autoptr(GArray) own_users = some_users (ekbackeskolan, 0, 1);
  g_autoptr(LicReply) line = NULL;
  g_autoptr(LicReply) kept = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autofree char *line_path = NULL;
  g_auto(GStrv) messages = g_new0 (char *, 8);
  gint64 line_id;

  empty_cart (sundby);
  line = lic_add_cart_line (server, sundby, mattemolnet, ekbackeskolan, 99990, NULL);
  lic_assert_reply (line, 201, NULL);
  line_id = json_object_get_int_member (lic_reply_object (line), "id");
  line_path = g_strdup_printf ("/api/v1/cart/lines/%" G_GINT64_FORMAT, line_id);
  before = get_cart (sundby);

  messages[0] = g_strdup_printf ("There is no product %" G_GINT64_FORMAT " in your library. Pick "
                                 "a product the library offers.", sanasto);
  messages[1] = g_strdup_printf ("There is no user %" G_GINT64_FORMAT " at Ekbackeskolan. Pick "
                                 "users of the line's school.",
                                 g_array_index (other_users, gint64, 0));
  messages[2] = g_strdup_printf ("There is no group %" G_GINT64_FORMAT " at Ekbackeskolan. Pick "
                                 "groups of the line's school.", other_group);
  messages[3] = g_strdup_printf ("You picked %" G_GINT64_FORMAT " users for 5 licenses. Pick "
                                 "fewer users or buy more licenses.", group_size);
  messages[4] = g_strdup_printf ("School %" G_GINT64_FORMAT " is not one of the schools you "
                                 "manage. Pick one of yours.", koivulan_koulu);
  messages[5] = g_strdup_printf ("There is no line %" G_GINT64_FORMAT " in your cart.", line_id);
  messages[6] = g_strdup_printf ("You picked %" G_GINT64_FORMAT " users for 5 licenses. Pick "
                                 "fewer users or buy more licenses.", other_size);

  {
    g_autofree char *quantity_zero = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ", "
                                                      "\"school_id\": %" G_GINT64_FORMAT ", "
                                                      "\"quantity\": 0}",
                                                      mattemolnet, ekbackeskolan);
    g_autofree char *quantity_big = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ", "
                                                     "\"school_id\": %" G_GINT64_FORMAT ", "
                                                     "\"quantity\": 100001}",
                                                     mattemolnet, ekbackeskolan);
    g_autofree char *quantity_text = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ", "
                                                      "\"school_id\": %" G_GINT64_FORMAT ", "
                                                      "\"quantity\": \"3\"}",
                                                      mattemolnet, ekbackeskolan);
    g_autofree char *no_product = g_strdup_printf ("{\"school_id\": %" G_GINT64_FORMAT ", "
                                                   "\"quantity\": 1}", ekbackeskolan);
    g_autofree char *not_offered = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ", "
                                                    "\"school_id\": %" G_GINT64_FORMAT ", "
                                                    "\"quantity\": 1}", sanasto, ekbackeskolan);
    g_autofree char *other_org = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ", "
                                                  "\"school_id\": %" G_GINT64_FORMAT ", "
                                                  "\"quantity\": 1}", mattemolnet,
                                                  koivulan_koulu);
    g_autofree char *other_user = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ", "
                                                   "\"school_id\": %" G_GINT64_FORMAT ", "
                                                   "\"quantity\": 1, \"user_ids\": [%"
                                                   G_GINT64_FORMAT "]}", mattemolnet,
                                                   ekbackeskolan,
                                                   g_array_index (other_users, gint64, 0));
    g_autofree char *other_groups = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ", "
                                                     "\"school_id\": %" G_GINT64_FORMAT ", "
                                                     "\"quantity\": 1, \"group_ids\": [%"
                                                     G_GINT64_FORMAT "]}", mattemolnet,
                                                     ekbackeskolan, other_group);
    g_autofree char *bad_ids = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ", "
                                                "\"school_id\": %" G_GINT64_FORMAT ", "
                                                "\"quantity\": 1, \"user_ids\": [0]}",
                                                mattemolnet, ekbackeskolan);
    g_autofree char *ids_not_array = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ", "
                                                      "\"school_id\": %" G_GINT64_FORMAT ", "
                                                      "\"quantity\": 1, \"group_ids\": 4}",
                                                      mattemolnet, ekbackeskolan);
    g_autofree char *delayed_picks = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ", "
                                                      "\"school_id\": %" G_GINT64_FORMAT ", "
                                                      "\"quantity\": 5, \"user_ids\": [%"
                                                      G_GINT64_FORMAT "]}", kemilabbet,
                                                      ekbackeskolan,
                                                      g_array_index (own_users, gint64, 0));
    g_autofree char *activation_picks = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT
                                                         ", \"school_id\": %" G_GINT64_FORMAT
                                                         ", \"quantity\": 1, \"group_ids\": [%"
                                                         G_GINT64_FORMAT "]}", klassrumsplanen,
                                                         ekbackeskolan, group);
    g_autofree char *too_many_here = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ", "
                                                      "\"school_id\": %" G_GINT64_FORMAT ", "
                                                      "\"quantity\": 5, \"group_ids\": [%"
                                                      G_GINT64_FORMAT "]}", mattemolnet,
                                                      solbergagymnasiet, other_group);
    g_autofree char *over_max = g_strdup_printf ("{\"product_id\": %" G_GINT64_FORMAT ", "
                                                 "\"school_id\": %" G_GINT64_FORMAT ", "
                                                 "\"quantity\": 11}", mattemolnet,
                                                 ekbackeskolan);
    g_autofree char *patch_too_many = g_strdup_printf ("{\"quantity\": 5, \"group_ids\": [%"
                                                       G_GINT64_FORMAT "]}", group);
    const Refusal refusals[] = {
      { "quantity 0", NULL, quantity_zero, 400, "invalid",
        "“quantity” must be a whole number from 1 to 100000." },
      { "quantity over 100000", NULL, quantity_big, 400, "invalid",
        "“quantity” must be a whole number from 1 to 100000." },
      { "quantity as text", NULL, quantity_text, 400, "invalid", "“quantity” must be an integer." },
      { "no product", NULL, no_product, 400, "invalid", "“product_id” is missing." },
      { "not offered", NULL, not_offered, 400, "invalid", messages[0] },
      { "school of another organization", NULL, other_org, 403, "forbidden", messages[4] },
      { "user of another school", NULL, other_user, 400, "invalid", messages[1] },
      { "group of another school", NULL, other_groups, 400, "invalid", messages[2] },
      { "user id 0", NULL, bad_ids, 400, "invalid",
        "“user_ids” must be an array of ids (whole numbers from 1 up)." },
      { "groups not an array", NULL, ids_not_array, 400, "invalid",
        "“group_ids” must be an array of ids (whole numbers from 1 up)." },
      { "users on a delayed line", NULL, delayed_picks, 400, "invalid",
        "Licenses of Kemilabbet 3D are delivered later by the supplier and cannot be assigned "
        "in advance." },
      { "groups on an activation line", NULL, activation_picks, 400, "invalid",
        "Licenses of Klassrumsplanen are delivered later by the supplier and cannot be assigned "
        "in advance." },
      { "more users than licenses", NULL, too_many_here, 400, "invalid", messages[6] },
      { "a line over 100000", NULL, over_max, 400, "invalid",
        "A cart line holds at most 100000 licenses, and Mattemolnet for Ekbackeskolan would then "
        "hold 100001. Buy fewer licenses." },
      { "patch to more users than licenses", "PATCH", patch_too_many, 400, "invalid",
        messages[3] },
      { "patch quantity 0", "PATCH", "{\"quantity\": 0}", 400, "invalid",
        "“quantity” must be a whole number from 1 to 100000." },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
      {
        const Refusal *refusal = &refusals[i];
        g_autoptr(LicReply) reply = NULL;
        g_autoptr(JsonNode) after = NULL;

        g_test_message ("%s", refusal->what);
        if (refusal->method != NULL)
          reply = lic_send_json (server, refusal->method, line_path, sundby, refusal->body);
        else
          reply = lic_post_json (server, "/api/v1/cart/lines", sundby, refusal->body);
        lic_assert_reply (reply, refusal->status, refusal->code);
        if (refusal->message != NULL)
          g_assert_cmpstr (lic_reply_error_message (reply), ==, refusal->message);

        /* A refusal changes nothing. */
        after = get_cart (sundby);
        g_assert_true (json_node_equal (after, before));
      }
  }

  /* A line of another admin's cart is not found, for changing and for removing. */
  {
    g_autoptr(LicReply) patch = lic_send_json (server, "PATCH", line_path, ekbacke,
                                               "{\"quantity\": 2}");
    g_autoptr(LicReply) removal = lic_send (lic_message_new (server, "DELETE", line_path,
                                                             ekbacke));
    g_autoptr(JsonNode) after = get_cart (sundby);

    lic_assert_reply (patch, 404, "not_found");
    g_assert_cmpstr (lic_reply_error_message (patch), ==, messages[5]);
    lic_assert_reply (removal, 404, "not_found");
    g_assert_true (json_node_equal (after, before));
  }

  /* A school admin's schools are theirs alone. */
  kept = lic_add_cart_line (server, ekbacke, mattemolnet, solbergagymnasiet, 1, NULL);
  lic_assert_reply (kept, 403, "forbidden");
}

static void
test_survives_restart (void)
{
  g_autoptr(LicReply) line = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  empty_cart (sundby);
  line = lic_add_cart_line (server, sundby, kemilabbet, solbergagymnasiet, 7, NULL);
  lic_assert_reply (line, 201, NULL);
  before = get_cart (sundby);

  lic_test_server_restart (server);
  after = get_cart (sundby);
  g_assert_true (json_node_equal (after, before));
}

static void
test_current_prices (void)
{
  g_autofree char *raise = g_strdup_printf ("UPDATE product_prices SET price_minor = 13900"
                                            " WHERE product_id = %" G_GINT64_FORMAT
                                            " AND currency = 'SEK'", mattemolnet);
  g_autofree char *restore = g_strdup_printf ("UPDATE product_prices SET price_minor = 12900"
                                              " WHERE product_id = %" G_GINT64_FORMAT
                                              " AND currency = 'SEK'", mattemolnet);
  g_autoptr(LicReply) line = NULL;
  g_autoptr(JsonNode) cart = NULL;
  JsonObject *object;

  empty_cart (sundby);
  line = lic_add_cart_line (server, sundby, mattemolnet, solbergagymnasiet, 2, NULL);
  lic_assert_reply (line, 201, NULL);

  lic_db_exec (lic_test_server_get_database (server), raise);
  cart = get_cart (sundby);
  lic_db_exec (lic_test_server_get_database (server), restore);
  object = json_node_get_object (cart);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 2 * 13900);
  g_assert_cmpint (json_object_get_int_member (
                     json_array_get_object_element (json_object_get_array_member (object, "lines"),
                                                    0), "unit_price"), ==, 13900);
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);

  server = lic_test_server_start_demo ();
  sundby = lic_sign_in (server, "demo-admin", "demo-admin");
  ekbacke = lic_sign_in (server, "demo-school", "demo-school");
  koivula = lic_sign_in (server, "demo-fi", "demo-fi");
  ekbackeskolan = lic_find_id (server, sundby, "/api/v1/schools", "Ekbackeskolan");
  solbergagymnasiet = lic_find_id (server, sundby, "/api/v1/schools", "Solbergagymnasiet");
  koivulan_koulu = lic_find_id (server, koivula, "/api/v1/schools", "Koivulan yhtenäiskoulu");
  mattemolnet = lic_find_id (server, sundby, "/api/v1/products", "Mattemolnet");
  kemilabbet = lic_find_id (server, sundby, "/api/v1/products", "Kemilabbet 3D");
  klassrumsplanen = lic_find_id (server, sundby, "/api/v1/products", "Klassrumsplanen");
  sanasto = lic_find_id (server, koivula, "/api/v1/products", "Sanasto Pro");

  g_test_add_func ("/server/cart/suppliers", test_suppliers);
  g_test_add_func ("/server/cart/sort", test_sort);
  g_test_add_func ("/server/cart/add-and-get", test_add_and_get);
  g_test_add_func ("/server/cart/merge-patch-delete", test_merge_patch_delete);
  g_test_add_func ("/server/cart/rules", test_rules);
  g_test_add_func ("/server/cart/survives-restart", test_survives_restart);
  g_test_add_func ("/server/cart/current-prices", test_current_prices);
  result = g_test_run ();

  g_free (sundby);
  g_free (ekbacke);
  g_free (koivula);
  lic_test_server_stop (server);
  return result;
}
