/* test-core-json.c: the JSON form of the shared types, as both ends of the API read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-core.h"

static JsonObject *
to_object (gpointer   item,
           void     (*to_json) (gpointer, JsonBuilder *))
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  to_json (item, builder);
  text = lic_json_to_string (builder);
  object = lic_json_parse_object (text, -1, &error);
  g_assert_no_error (error);
  return object;
}

static void
test_product_round_trip (void)
{
  const char *json =
    "{\"id\": 7, \"name\": \"Mattemolnet\", \"supplier\": \"Nordlär AB\", \"supplier_id\": 2,"
    " \"description\": \"Räkna med “molnet”\\n\", \"subjects\": [\"mathematics\", \"science\"],"
    " \"grades\": [\"primary\"], \"license_model\": \"per_teacher\", \"price\": 12900,"
    " \"currency\": \"SEK\", \"term_months\": 12, \"delivery\": \"activation_mail\","
    " \"unknown_member\": true}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = lic_json_parse_object (json, -1, &error);
  g_autoptr(LicProduct) product = NULL;
  g_autoptr(LicProduct) again = NULL;
  g_autoptr(JsonObject) written = NULL;

  g_assert_no_error (error);
  product = lic_product_new_from_json (object, &error);
  g_assert_no_error (error);

  g_assert_cmpint (lic_product_get_id (product), ==, 7);
  g_assert_cmpstr (lic_product_get_name (product), ==, "Mattemolnet");
  g_assert_cmpstr (lic_product_get_supplier (product), ==, "Nordlär AB");
  g_assert_cmpstr (lic_product_get_description (product), ==, "Räkna med “molnet”\n");
  g_assert_cmpstrv (lic_product_get_subjects (product),
                    ((const char *[]) { "mathematics", "science", NULL }));
  g_assert_cmpint (lic_product_get_license_model (product), ==, LIC_LICENSE_MODEL_PER_TEACHER);
  g_assert_cmpint (lic_product_get_price (product), ==, 12900);
  g_assert_cmpint (lic_product_get_delivery (product), ==, LIC_DELIVERY_ACTIVATION_MAIL);

  written = to_object (product, (gpointer) lic_product_to_json);
  g_assert_cmpstr (json_object_get_string_member (written, "delivery"), ==, "activation_mail");
  g_assert_cmpstr (json_object_get_string_member (written, "license_model"), ==, "per_teacher");
  g_assert_false (json_object_has_member (written, "unknown_member"));

  again = lic_product_new_from_json (written, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lic_product_get_description (again), ==, lic_product_get_description (product));
  g_assert_cmpstrv (lic_product_get_grades (again), lic_product_get_grades (product));
  g_assert_cmpint (lic_product_get_term_months (again), ==, 12);
  g_assert_cmpstr (lic_product_get_currency (again), ==, "SEK");
}

static void
test_user_round_trip (void)
{
  const char *json =
    "{\"id\": 42, \"username\": \"aino.virtanen\", \"name\": \"Aino Virtanen\","
    " \"email\": null, \"role\": \"teacher\", \"school_id\": 3, \"groups\": [\"7A\", \"9C\"]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = lic_json_parse_object (json, -1, &error);
  g_autoptr(LicUser) user = lic_user_new_from_json (object, &error);
  g_autoptr(JsonObject) written = NULL;
  g_autoptr(LicUser) again = NULL;

  g_assert_no_error (error);
  g_assert_null (lic_user_get_email (user));
  g_assert_cmpint (lic_user_get_role (user), ==, LIC_ROLE_TEACHER);

  written = to_object (user, (gpointer) lic_user_to_json);
  g_assert_true (json_object_get_null_member (written, "email"));
  again = lic_user_new_from_json (written, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lic_user_get_name (again), ==, "Aino Virtanen");
  g_assert_cmpstrv (lic_user_get_groups (again), ((const char *[]) { "7A", "9C", NULL }));
  g_assert_cmpint (lic_user_get_school_id (again), ==, 3);
}

static void
test_pool_school_organization_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LicPool) pool = g_object_new (LIC_TYPE_POOL,
                                          "id", (gint64) 5, "product-id", (gint64) 7,
                                          "product-name", "Mattemolnet", "school-id", (gint64) 1,
                                          "school-name", "Ekbackeskolan", "assigned", (gint64) 50,
                                          "available", (gint64) 45, "payable", (gint64) 5,
                                          "term-end", "2027-07-31",
                                          "awaiting-delivery", (gint64) 20,
                                          "awaiting-since", "2027-02-03T09:15:00Z",
                                          "waiting", (gint64) 3, NULL);
  g_autoptr(LicSchool) school = g_object_new (LIC_TYPE_SCHOOL, "id", (gint64) 1,
                                              "name", "Koivulan koulu",
                                              "organization-id", (gint64) 2, NULL);
  g_autoptr(LicOrganization) org = g_object_new (LIC_TYPE_ORGANIZATION, "id", (gint64) 2,
                                                 "name", "Koivulan kaupunki",
                                                 "currency", "EUR", NULL);
  g_autoptr(JsonObject) pool_json = to_object (pool, (gpointer) lic_pool_to_json);
  g_autoptr(JsonObject) school_json = to_object (school, (gpointer) lic_school_to_json);
  g_autoptr(JsonObject) org_json = to_object (org, (gpointer) lic_organization_to_json);
  g_autoptr(LicPool) pool2 = lic_pool_new_from_json (pool_json, &error);
  g_autoptr(LicSchool) school2 = lic_school_new_from_json (school_json, &error);
  g_autoptr(LicOrganization) org2 = lic_organization_new_from_json (org_json, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lic_pool_get_assigned (pool2), ==, 50);
  g_assert_cmpint (lic_pool_get_available (pool2), ==, 45);
  g_assert_cmpint (lic_pool_get_payable (pool2), ==, 5);
  g_assert_cmpstr (lic_pool_get_term_end (pool2), ==, "2027-07-31");
  g_assert_null (lic_pool_get_phase (pool2));
  g_assert_cmpint (lic_pool_get_awaiting_delivery (pool2), ==, 20);
  g_assert_cmpstr (lic_pool_get_awaiting_since (pool2), ==, "2027-02-03T09:15:00Z");
  g_assert_cmpint (lic_pool_get_waiting (pool2), ==, 3);
  g_assert_cmpint (g_list_model_get_n_items (lic_pool_get_notices (pool2)), ==, 0);
  g_assert_cmpstr (lic_school_get_name (school2), ==, "Koivulan koulu");
  g_assert_cmpint (lic_school_get_organization_id (school2), ==, 2);
  g_assert_cmpstr (lic_organization_get_currency (org2), ==, "EUR");
}

/* The compliance members of a pool, its notices of every kind, and a purchase request. */
static void
test_compliance_round_trip (void)
{
  const char *json =
    "{\"id\": 5, \"product_id\": 7, \"product_name\": \"Mattemolnet\", \"school_id\": 1,"
    " \"school_name\": \"Ekbackeskolan\", \"assigned\": 49, \"available\": 45,"
    " \"payable\": 5, \"capacity\": 50, \"to_renew\": 9, \"no_access\": 0, \"phase\": \"late\","
    " \"term_end\": \"2027-07-31\", \"renewed\": 40, \"renewal_starts\": \"2027-07-01\","
    " \"notices\": ["
    "  {\"kind\": \"suspended\", \"purchase_request_id\": 3, \"quantity\": 2,"
    "   \"created_at\": \"2026-12-01T09:00:00Z\", \"late_on\": \"2026-12-31T09:00:00Z\","
    "   \"due_at\": \"2027-01-30T09:00:00Z\", \"payable_users\": 4, \"no_access\": 2},"
    "  {\"kind\": \"payment_late\", \"purchase_request_id\": 4, \"quantity\": 5,"
    "   \"created_at\": \"2027-01-10T09:00:00Z\", \"late_on\": \"2027-02-09T09:00:00Z\","
    "   \"due_at\": \"2027-03-11T09:00:00Z\", \"payable_users\": 4},"
    "  {\"kind\": \"renewal\", \"term_end\": \"2027-07-31\", \"renewal_starts\": \"2027-07-01\","
    "   \"to_renew\": 9},"
    "  {\"kind\": \"order_placed\", \"purchase_request_id\": 2, \"quantity\": 1,"
    "   \"created_at\": \"2026-11-01T09:00:00Z\", \"late_on\": \"2026-12-01T09:00:00Z\","
    "   \"due_at\": \"2026-12-31T09:00:00Z\", \"payable_users\": 4,"
    "   \"ordered_at\": \"2027-03-01T10:00:00Z\", \"order_id\": 17,"
    "   \"pool_id\": 5, \"product_id\": 7, \"product_name\": \"Mattemolnet\", \"school_id\": 1,"
    "   \"school_name\": \"Ekbackeskolan\"}]}";
  const char *request_json =
    "{\"id\": 4, \"product_id\": 7, \"product_name\": \"Mattemolnet\", \"school_id\": 1,"
    " \"school_name\": \"Ekbackeskolan\", \"pool_id\": 5, \"quantity\": 5,"
    " \"created_at\": \"2027-01-10T09:00:00Z\", \"late_on\": \"2027-02-09T09:00:00Z\","
    " \"due_at\": \"2027-03-11T09:00:00Z\", \"state\": \"late\", \"order_line_id\": 31,"
    " \"paid_order_id\": null, \"paid_at\": null, \"price\": 64500, \"currency\": \"SEK\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = lic_json_parse_object (json, -1, &error);
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(JsonObject) written = NULL;
  g_autoptr(LicPool) again = NULL;
  g_autoptr(JsonObject) request_object = lic_json_parse_object (request_json, -1, &error);
  g_autoptr(LicPurchaseRequest) request = NULL;
  g_autoptr(JsonObject) request_written = NULL;
  g_autoptr(LicPurchaseRequest) request_again = NULL;
  g_autoptr(LicNotice) suspended = NULL;
  g_autoptr(LicNotice) renewal = NULL;
  g_autoptr(LicNotice) placed = NULL;
  JsonArray *notices;
  JsonObject *renewal_json;

  g_assert_no_error (error);
  pool = lic_pool_new_from_json (object, &error);
  g_assert_no_error (error);
  written = to_object (pool, (gpointer) lic_pool_to_json);
  again = lic_pool_new_from_json (written, &error);
  g_assert_no_error (error);

  g_assert_cmpint (lic_pool_get_capacity (again), ==, 50);
  g_assert_cmpint (lic_pool_get_renewed (again), ==, 40);
  g_assert_cmpint (lic_pool_get_to_renew (again), ==, 9);
  g_assert_cmpstr (lic_pool_get_renewal_starts (again), ==, "2027-07-01");
  g_assert_cmpstr (lic_pool_get_phase (again), ==, "late");
  g_assert_cmpuint (g_list_model_get_n_items (lic_pool_get_notices (again)), ==, 4);

  suspended = g_list_model_get_item (lic_pool_get_notices (again), 0);
  g_assert_cmpint (lic_notice_get_kind (suspended), ==, LIC_NOTICE_KIND_SUSPENDED);
  g_assert_cmpint (lic_notice_get_purchase_request_id (suspended), ==, 3);
  g_assert_cmpint (lic_notice_get_no_access (suspended), ==, 2);
  g_assert_cmpint (lic_notice_get_payable_users (suspended), ==, 4);
  g_assert_cmpstr (lic_notice_get_due_at (suspended), ==, "2027-01-30T09:00:00Z");
  g_assert_cmpint (lic_notice_get_pool_id (suspended), ==, 0);
  renewal = g_list_model_get_item (lic_pool_get_notices (again), 2);
  g_assert_cmpint (lic_notice_get_kind (renewal), ==, LIC_NOTICE_KIND_RENEWAL);
  g_assert_cmpint (lic_notice_get_to_renew (renewal), ==, 9);
  g_assert_cmpstr (lic_notice_get_term_end (renewal), ==, "2027-07-31");
  placed = g_list_model_get_item (lic_pool_get_notices (again), 3);
  g_assert_cmpint (lic_notice_get_kind (placed), ==, LIC_NOTICE_KIND_ORDER_PLACED);
  g_assert_cmpint (lic_notice_get_order_id (placed), ==, 17);
  g_assert_cmpstr (lic_notice_get_ordered_at (placed), ==, "2027-03-01T10:00:00Z");
  g_assert_cmpint (lic_notice_get_pool_id (placed), ==, 5);
  g_assert_cmpstr (lic_notice_get_school_name (placed), ==, "Ekbackeskolan");

  /* Each kind writes its own members, and the pool's only when it has one. */
  notices = json_object_get_array_member (written, "notices");
  renewal_json = json_array_get_object_element (notices, 2);
  g_assert_false (json_object_has_member (renewal_json, "purchase_request_id"));
  g_assert_false (json_object_has_member (renewal_json, "pool_id"));
  g_assert_false (json_object_has_member (json_array_get_object_element (notices, 1), "no_access"));
  g_assert_true (json_object_has_member (json_array_get_object_element (notices, 0), "no_access"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notices, 3),
                                                  "product_name"), ==, "Mattemolnet");

  g_assert_no_error (error);
  request = lic_purchase_request_new_from_json (request_object, &error);
  g_assert_no_error (error);
  request_written = to_object (request, (gpointer) lic_purchase_request_to_json);
  g_assert_true (json_object_get_null_member (request_written, "paid_order_id"));
  request_again = lic_purchase_request_new_from_json (request_written, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lic_purchase_request_get_state (request_again), ==, LIC_REQUEST_STATE_LATE);
  g_assert_cmpint (lic_purchase_request_get_paid_order_id (request_again), ==, 0);
  g_assert_null (lic_purchase_request_get_paid_at (request_again));
  g_assert_cmpint (lic_purchase_request_get_price (request_again), ==, 64500);
  g_assert_cmpstr (lic_purchase_request_get_due_at (request_again), ==, "2027-03-11T09:00:00Z");
  g_assert_cmpint (lic_purchase_request_get_order_line_id (request_again), ==, 31);
}

static void
test_bad_json (void)
{
  struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"id\": 1, \"name\": \"x\"}", "“username” is missing" },
    { "{\"id\": \"1\", \"username\": \"u\", \"name\": \"x\", \"role\": \"student\", \"school_id\": 1}",
      "“id” must be an integer" },
    { "{\"id\": 1, \"username\": \"u\", \"name\": \"x\", \"role\": \"janitor\", \"school_id\": 1}",
      "“role” has an unknown value “janitor”" },
    { "{\"id\": 1, \"username\": \"u\", \"name\": \"x\", \"role\": \"student\", \"school_id\": 1,"
      " \"groups\": [1]}", "“groups” must be an array of strings" },
    { "{\"id\": 1.5, \"username\": \"u\", \"name\": \"x\", \"role\": \"student\", \"school_id\": 1}",
      "“id” must be an integer" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) object = lic_json_parse_object (cases[i].json, -1, &error);
      g_autoptr(LicUser) user = NULL;

      g_assert_no_error (error);
      user = lic_user_new_from_json (object, &error);
      g_assert_null (user);
      g_assert_error (error, LIC_ERROR, LIC_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_not_an_object (void)
{
  const char *inputs[] = { "[1, 2]", "{\"a\": ", "", "\"text\"" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) object = lic_json_parse_object (inputs[i], -1, &error);

      g_assert_null (object);
      g_assert_error (error, LIC_ERROR, LIC_ERROR_PARSE);
    }
}

static void
test_error_status (void)
{
  g_assert_cmpuint (lic_error_to_http_status (LIC_ERROR_NOT_FOUND), ==, 404);
  g_assert_cmpuint (lic_error_to_http_status (LIC_ERROR_TOO_LARGE), ==, 413);
  g_assert_cmpint (lic_error_from_http_status (401), ==, LIC_ERROR_UNAUTHORIZED);
  g_assert_cmpint (lic_error_from_http_status (400), ==, LIC_ERROR_INVALID);
  g_assert_cmpint (lic_error_from_http_status (503), ==, LIC_ERROR_SERVER);
  g_assert_cmpstr (lic_enum_to_nick (LIC_TYPE_ERROR, LIC_ERROR_NOT_FOUND), ==, "not_found");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/product/round-trip", test_product_round_trip);
  g_test_add_func ("/core/user/round-trip", test_user_round_trip);
  g_test_add_func ("/core/pool-school-organization/round-trip",
                   test_pool_school_organization_round_trip);
  g_test_add_func ("/core/compliance/round-trip", test_compliance_round_trip);
  g_test_add_func ("/core/json/bad-members", test_bad_json);
  g_test_add_func ("/core/json/not-an-object", test_not_an_object);
  g_test_add_func ("/core/error/status", test_error_status);

  return g_test_run ();
}
