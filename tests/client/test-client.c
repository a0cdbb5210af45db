/* test-client.c: LicClient against the real licentia-server with demo data.
 *
 * Every call is driven to completion by iterating the default main context, as the app does.
 * The error mapping is also checked against a canned HTTP server (a socket service answering
 * one fixed response), for the answers the real server should never give.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include <gio/gio.h>

#include "lic-client.h"
#include "lic-test-server.h"

static LicTestServer *demo_server;

/* Started on first use, so the tests that need no server run even when it cannot start. */
static const char *
demo_url (void)
{
  if (demo_server == NULL)
    demo_server = lic_test_server_start_demo ();
  return lic_test_server_get_url (demo_server);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static GAsyncResult *
await_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static gboolean
sign_in (LicClient   *client,
         const char  *username,
         const char  *password,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_sign_in_async (client, username, password, NULL, store_result, &result);
  return lic_client_sign_in_finish (client, await_result (&result), error);
}

static gboolean
sign_out (LicClient  *client,
          GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_sign_out_async (client, NULL, store_result, &result);
  return lic_client_sign_out_finish (client, await_result (&result), error);
}

static gboolean
resume_session (LicClient   *client,
                const char  *token,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_resume_session_async (client, token, NULL, store_result, &result);
  return lic_client_resume_session_finish (client, await_result (&result), error);
}

/* A client of the demo server signed in as a demo account, whose password is its name. */
static LicClient *
demo_client (const char *username)
{
  g_autoptr(LicClient) client = lic_client_new (demo_url ());
  g_autoptr(GError) error = NULL;

  sign_in (client, username, username, &error);
  g_assert_no_error (error);
  g_assert_true (lic_client_get_signed_in (client));
  return g_steal_pointer (&client);
}

static GListModel *
list_schools (LicClient  *client,
              GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_list_schools_async (client, NULL, store_result, &result);
  return lic_client_list_schools_finish (client, await_result (&result), error);
}

static LicProduct *
get_product (LicClient  *client,
             gint64      id,
             GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_get_product_async (client, id, NULL, store_result, &result);
  return lic_client_get_product_finish (client, await_result (&result), error);
}

typedef enum {
  LIST_PRODUCTS,
  LIST_USERS,
  LIST_POOLS,
} ListKind;

static GListModel *
list_page (LicClient   *client,
           ListKind     kind,
           const char  *query,
           const char  *cursor,
           guint        limit,
           char       **next_cursor,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  switch (kind)
    {
    case LIST_PRODUCTS:
      lic_client_list_products_async (client, query, cursor, limit, NULL, store_result, &result);
      return lic_client_list_products_finish (client, await_result (&result), next_cursor, error);

    case LIST_USERS:
      lic_client_list_users_async (client, query, cursor, limit, NULL, store_result, &result);
      return lic_client_list_users_finish (client, await_result (&result), next_cursor, error);

    case LIST_POOLS:
      g_assert_null (query);
      lic_client_list_pools_async (client, cursor, limit, NULL, store_result, &result);
      return lic_client_list_pools_finish (client, await_result (&result), next_cursor, error);

    default:
      g_assert_not_reached ();
    }
}

/* Follows next_cursor to the end; checks each page's size and that no id comes twice. */
static GListStore *
list_all (LicClient  *client,
          ListKind    kind,
          const char *query,
          guint       limit,
          guint      *n_pages)
{
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  guint pages = 0;

  do
    {
      g_autoptr(GListModel) page = NULL;
      g_autoptr(GError) error = NULL;
      char *next_cursor = NULL;

      page = list_page (client, kind, query, cursor, limit, &next_cursor, &error);
      g_assert_no_error (error);
      g_assert_nonnull (page);
      if (all == NULL)
        all = g_list_store_new (g_list_model_get_item_type (page));
      if (limit > 0)
        g_assert_cmpuint (g_list_model_get_n_items (page), <=, limit);
      if (next_cursor != NULL && limit > 0)
        g_assert_cmpuint (g_list_model_get_n_items (page), ==, limit);

      for (guint i = 0; i < g_list_model_get_n_items (page); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (page, i);
          gint64 *id = g_new (gint64, 1);

          g_object_get (item, "id", id, NULL);
          g_assert_false (g_hash_table_contains (ids, id));
          g_hash_table_add (ids, id);
          g_list_store_append (all, item);
        }
      g_free (cursor);
      cursor = next_cursor;
      pages++;
      g_assert_cmpuint (pages, <, 10000);
    }
  while (cursor != NULL);

  if (n_pages != NULL)
    *n_pages = pages;
  return g_steal_pointer (&all);
}

static gboolean
model_has_id (GListModel *model,
              gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 item_id;

      g_object_get (item, "id", &item_id, NULL);
      if (item_id == id)
        return TRUE;
    }
  return FALSE;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* Addresses */

static void
test_normalize_url (void)
{
  static const struct {
    const char *address;
    const char *url;
  } valid[] = {
    { "http://127.0.0.1:8080", "http://127.0.0.1:8080" },
    { "http://127.0.0.1:8080/", "http://127.0.0.1:8080" },
    { "  https://licentia.example.org//  ", "https://licentia.example.org" },
    { "HTTPS://licentia.example.org/sundby/", "https://licentia.example.org/sundby" },
    { "licentia.example.org", "https://licentia.example.org" },
    { "licentia.example.org:8443/x/", "https://licentia.example.org:8443/x" },
    { "localhost:8080", "http://localhost:8080" },
    { "127.0.0.1:8080/", "http://127.0.0.1:8080" },
    { "[::1]:8080", "http://[::1]:8080" },
    { "http://[::1]:8080/", "http://[::1]:8080" },
  };
  static const char *invalid[] = {
    "", "   ", "ftp://licentia.example.org", "http://", "https://user:secret@example.org",
    "https://example.org/?q=1", "https://example.org/#top", "http://exa mple.org",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = lic_client_normalize_url (valid[i].address, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (url, ==, valid[i].url);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = lic_client_normalize_url (invalid[i], &error);

      g_test_message ("%s", invalid[i]);
      g_assert_error (error, LIC_ERROR, LIC_ERROR_INVALID);
      g_assert_null (url);
    }
}

static void
test_new (void)
{
  g_autoptr(LicClient) client = lic_client_new ("http://127.0.0.1:8080/");
  g_autofree char *base_url = NULL;
  gboolean signed_in = TRUE;
  gsize n_school_ids = 1;

  g_object_get (client, "base-url", &base_url, "signed-in", &signed_in, NULL);
  g_assert_cmpstr (base_url, ==, "http://127.0.0.1:8080");
  g_assert_cmpstr (lic_client_get_base_url (client), ==, "http://127.0.0.1:8080");
  g_assert_false (signed_in);
  g_assert_null (lic_client_get_user (client));
  g_assert_null (lic_client_get_organization (client));
  g_assert_null (lic_client_get_token (client));
  g_assert_cmpint (lic_client_get_admin_scope (client), ==, LIC_ADMIN_SCOPE_NONE);
  g_assert_null (lic_client_get_school_ids (client, &n_school_ids));
  g_assert_cmpuint (n_school_ids, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&client));
}

/* Sessions */

static void
test_sign_in (void)
{
  static const struct {
    const char *username;
    const char *organization;
    const char *currency;
    LicAdminScope scope;
    gsize n_schools;
  } accounts[] = {
    { "demo-admin", "Sundby kommun", "SEK", LIC_ADMIN_SCOPE_ORGANIZATION, 2 },
    { "demo-school", "Sundby kommun", "SEK", LIC_ADMIN_SCOPE_SCHOOL, 1 },
    { "demo-fi", "Koivulan kaupunki", "EUR", LIC_ADMIN_SCOPE_ORGANIZATION, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autoptr(LicClient) client = lic_client_new (demo_url ());
      g_autoptr(GError) error = NULL;
      guint signed_in_notified = 0;
      guint user_notified = 0;
      LicUser *user;
      LicOrganization *organization;
      const gint64 *school_ids;
      gsize n_school_ids = 0;

      g_signal_connect (client, "notify::signed-in", G_CALLBACK (count_notify),
                        &signed_in_notified);
      g_signal_connect (client, "notify::user", G_CALLBACK (count_notify), &user_notified);

      g_assert_true (sign_in (client, accounts[i].username, accounts[i].username, &error));
      g_assert_no_error (error);

      g_assert_true (lic_client_get_signed_in (client));
      g_assert_cmpuint (signed_in_notified, ==, 1);
      g_assert_cmpuint (user_notified, ==, 1);
      g_assert_nonnull (lic_client_get_token (client));

      user = lic_client_get_user (client);
      g_assert_true (LIC_IS_USER (user));
      g_assert_cmpstr (lic_user_get_username (user), ==, accounts[i].username);
      g_assert_cmpint (lic_user_get_role (user), ==, LIC_ROLE_ADMINISTRATOR);

      organization = lic_client_get_organization (client);
      g_assert_true (LIC_IS_ORGANIZATION (organization));
      g_assert_cmpstr (lic_organization_get_name (organization), ==, accounts[i].organization);
      g_assert_cmpstr (lic_organization_get_currency (organization), ==, accounts[i].currency);

      g_assert_cmpint (lic_client_get_admin_scope (client), ==, accounts[i].scope);
      school_ids = lic_client_get_school_ids (client, &n_school_ids);
      if (accounts[i].n_schools > 0)
        g_assert_cmpuint (n_school_ids, ==, accounts[i].n_schools);
      else
        g_assert_cmpuint (n_school_ids, >=, 1);
      g_assert_nonnull (school_ids);

      g_assert_finalize_object (g_steal_pointer (&client));
    }
}

static void
test_sign_in_wrong_password (void)
{
  static const char *attempts[][2] = {
    { "demo-admin", "wrong" },
    { "demo-admin", "" },
    { "nobody", "demo-admin" },
  };
  g_autoptr(LicClient) client = lic_client_new (demo_url ());
  guint notified = 0;

  g_signal_connect (client, "notify", G_CALLBACK (count_notify), &notified);
  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sign_in (client, attempts[i][0], attempts[i][1], &error));
      g_assert_error (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED);
      g_assert_false (lic_client_get_signed_in (client));
      g_assert_null (lic_client_get_user (client));
    }
  g_assert_cmpuint (notified, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_sign_out (void)
{
  g_autoptr(LicClient) client = demo_client ("demo-admin");
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = g_strdup (lic_client_get_token (client));
  guint notified = 0;

  g_signal_connect (client, "notify::signed-in", G_CALLBACK (count_notify), &notified);
  g_assert_true (sign_out (client, &error));
  g_assert_no_error (error);
  g_assert_false (lic_client_get_signed_in (client));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (lic_client_get_user (client));
  g_assert_null (lic_client_get_organization (client));
  g_assert_null (lic_client_get_token (client));
  g_assert_cmpint (lic_client_get_admin_scope (client), ==, LIC_ADMIN_SCOPE_NONE);

  /* Signed out, calls are refused. */
  products = list_page (client, LIST_PRODUCTS, NULL, NULL, 0, NULL, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED);
  g_assert_null (products);
  g_clear_error (&error);

  /* The server ended the session too. */
  g_assert_false (resume_session (client, token, &error));
  g_assert_error (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED);
  g_assert_false (lic_client_get_signed_in (client));
  g_clear_error (&error);

  /* Signing out twice is fine. */
  g_assert_true (sign_out (client, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_resume_session (void)
{
  g_autoptr(LicClient) first = demo_client ("demo-school");
  g_autoptr(LicClient) second = lic_client_new (demo_url ());
  g_autoptr(GError) error = NULL;

  g_assert_true (resume_session (second, lic_client_get_token (first), &error));
  g_assert_no_error (error);
  g_assert_true (lic_client_get_signed_in (second));
  g_assert_cmpstr (lic_client_get_token (second), ==, lic_client_get_token (first));
  g_assert_cmpint (lic_user_get_id (lic_client_get_user (second)), ==,
                   lic_user_get_id (lic_client_get_user (first)));
  g_assert_cmpstr (lic_organization_get_name (lic_client_get_organization (second)), ==,
                   "Sundby kommun");
  g_assert_cmpint (lic_client_get_admin_scope (second), ==, LIC_ADMIN_SCOPE_SCHOOL);

  g_assert_false (resume_session (second, "not-a-token", &error));
  g_assert_error (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED);
  /* A token that failed to resume is not the one in use, so the session stays. */
  g_assert_true (lic_client_get_signed_in (second));

  g_assert_finalize_object (g_steal_pointer (&first));
  g_assert_finalize_object (g_steal_pointer (&second));
}

/* A session that ends on the server (here: signed out from another client) signs the client
 * out at its next call. */
static void
test_session_ended_elsewhere (void)
{
  g_autoptr(LicClient) first = demo_client ("demo-admin");
  g_autoptr(LicClient) second = lic_client_new (demo_url ());
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_assert_true (resume_session (second, lic_client_get_token (first), &error));
  g_assert_no_error (error);
  g_assert_true (sign_out (first, &error));
  g_assert_no_error (error);

  g_signal_connect (second, "notify::signed-in", G_CALLBACK (count_notify), &notified);
  schools = list_schools (second, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED);
  g_assert_null (schools);
  g_assert_false (lic_client_get_signed_in (second));
  g_assert_null (lic_client_get_user (second));
  g_assert_cmpuint (notified, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&first));
  g_assert_finalize_object (g_steal_pointer (&second));
}

/* Lists */

static void
test_list_schools (void)
{
  g_autoptr(LicClient) admin = demo_client ("demo-admin");
  g_autoptr(LicClient) school_admin = demo_client ("demo-school");
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(LicSchool) school = NULL;
  g_autoptr(GError) error = NULL;
  gint64 organization_id = lic_organization_get_id (lic_client_get_organization (admin));
  const gint64 *school_ids;
  gsize n_school_ids;

  schools = list_schools (admin, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (schools) == LIC_TYPE_SCHOOL);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 2);
  school_ids = lic_client_get_school_ids (admin, &n_school_ids);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(LicSchool) item = g_list_model_get_item (schools, i);

      g_assert_cmpint (lic_school_get_organization_id (item), ==, organization_id);
      g_assert_true (lic_school_get_id (item) == school_ids[0]
                     || lic_school_get_id (item) == school_ids[1]);
    }
  g_clear_object (&schools);

  schools = list_schools (school_admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 1);
  school = g_list_model_get_item (schools, 0);
  g_assert_cmpstr (lic_school_get_name (school), ==, "Ekbackeskolan");
  school_ids = lic_client_get_school_ids (school_admin, &n_school_ids);
  g_assert_cmpuint (n_school_ids, ==, 1);
  g_assert_cmpint (lic_school_get_id (school), ==, school_ids[0]);

  g_assert_finalize_object (g_steal_pointer (&admin));
  g_assert_finalize_object (g_steal_pointer (&school_admin));
}

static void
test_list_products (void)
{
  g_autoptr(LicClient) admin = demo_client ("demo-admin");
  g_autoptr(LicClient) finnish = demo_client ("demo-fi");
  g_autoptr(GListStore) products = NULL;
  g_autoptr(GListStore) paged = NULL;
  g_autoptr(GListStore) found = NULL;
  g_autoptr(GListStore) euro_products = NULL;
  g_autoptr(LicProduct) first = NULL;
  gboolean deliveries[3] = { FALSE, FALSE, FALSE };
  guint n_products;
  guint n_pages = 0;

  products = list_all (admin, LIST_PRODUCTS, NULL, 0, NULL);
  n_products = g_list_model_get_n_items (G_LIST_MODEL (products));
  g_assert_cmpuint (n_products, >=, 12);
  for (guint i = 0; i < n_products; i++)
    {
      g_autoptr(LicProduct) product = g_list_model_get_item (G_LIST_MODEL (products), i);

      g_assert_cmpstr (lic_product_get_currency (product), ==, "SEK");
      g_assert_cmpint (lic_product_get_price (product), >, 0);
      deliveries[lic_product_get_delivery (product)] = TRUE;
    }
  g_assert_true (deliveries[LIC_DELIVERY_DIRECT]);
  g_assert_true (deliveries[LIC_DELIVERY_DELAYED]);
  g_assert_true (deliveries[LIC_DELIVERY_ACTIVATION_MAIL]);

  /* Small pages give the same products in the same order. */
  paged = list_all (admin, LIST_PRODUCTS, NULL, 5, &n_pages);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paged)), ==, n_products);
  g_assert_cmpuint (n_pages, ==, (n_products + 4) / 5);
  for (guint i = 0; i < n_products; i++)
    {
      g_autoptr(LicProduct) a = g_list_model_get_item (G_LIST_MODEL (products), i);
      g_autoptr(LicProduct) b = g_list_model_get_item (G_LIST_MODEL (paged), i);

      g_assert_cmpint (lic_product_get_id (a), ==, lic_product_get_id (b));
    }

  /* A search by a product's whole name (spaces and all) finds it and fewer others. */
  first = g_list_model_get_item (G_LIST_MODEL (products), 0);
  found = list_all (admin, LIST_PRODUCTS, lic_product_get_name (first), 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), <, n_products);
  g_assert_true (model_has_id (G_LIST_MODEL (found), lic_product_get_id (first)));
  g_clear_object (&found);

  /* Characters that mean something in a URL reach the server as text. */
  found = list_all (admin, LIST_PRODUCTS, "a&q=b#c?d%20e+f/g", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 0);
  g_clear_object (&found);

  /* An empty query is no query. */
  found = list_all (admin, LIST_PRODUCTS, "", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, n_products);

  /* Prices are in the caller's currency. */
  euro_products = list_all (finnish, LIST_PRODUCTS, NULL, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (euro_products)), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (euro_products)); i++)
    {
      g_autoptr(LicProduct) product = g_list_model_get_item (G_LIST_MODEL (euro_products), i);

      g_assert_cmpstr (lic_product_get_currency (product), ==, "EUR");
    }

  g_assert_finalize_object (g_steal_pointer (&admin));
  g_assert_finalize_object (g_steal_pointer (&finnish));
}

/* Accept-Language follows the user's languages (g_get_language_names()), so the server writes
 * descriptions in them. Each language runs in a child process, which sets LANGUAGE before any
 * thread exists (setenv() is not thread-safe) and starts its own server. */
static void
test_language (gconstpointer data)
{
  const char * const *expected = data;   /* LANGUAGE (or NULL), start of the description */
  g_autoptr(LicClient) client = NULL;
  g_autoptr(GListStore) found = NULL;
  g_autoptr(LicProduct) product = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  if (expected[0] != NULL)
    g_setenv ("LANGUAGE", expected[0], TRUE);
  else
    g_unsetenv ("LANGUAGE");

  client = demo_client ("demo-admin");
  found = list_all (client, LIST_PRODUCTS, "Mattemolnet", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  product = g_list_model_get_item (G_LIST_MODEL (found), 0);
  g_assert_true (g_str_has_prefix (lic_product_get_description (product), expected[1]));
  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_get_product (void)
{
  g_autoptr(LicClient) client = demo_client ("demo-admin");
  g_autoptr(GListModel) products = NULL;
  g_autoptr(LicProduct) listed = NULL;
  g_autoptr(LicProduct) product = NULL;
  g_autoptr(GError) error = NULL;

  products = list_page (client, LIST_PRODUCTS, NULL, NULL, 3, NULL, &error);
  g_assert_no_error (error);
  listed = g_list_model_get_item (products, 2);

  product = get_product (client, lic_product_get_id (listed), &error);
  g_assert_no_error (error);
  g_assert_true (LIC_IS_PRODUCT (product));
  g_assert_cmpint (lic_product_get_id (product), ==, lic_product_get_id (listed));
  g_assert_cmpstr (lic_product_get_name (product), ==, lic_product_get_name (listed));
  g_assert_cmpint (lic_product_get_price (product), ==, lic_product_get_price (listed));
  g_assert_cmpint (lic_product_get_delivery (product), ==, lic_product_get_delivery (listed));
  g_clear_object (&product);

  product = get_product (client, 987654321, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND);
  g_assert_null (product);
  /* Not an authentication problem: the session stays. */
  g_assert_true (lic_client_get_signed_in (client));

  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_list_users (void)
{
  g_autoptr(LicClient) client = demo_client ("demo-admin");
  g_autoptr(GListStore) users = NULL;
  g_autoptr(GListStore) paged = NULL;
  guint n_users;
  guint n_pages = 0;

  users = list_all (client, LIST_USERS, NULL, 200, NULL);
  n_users = g_list_model_get_n_items (G_LIST_MODEL (users));
  g_assert_cmpuint (n_users, >, 7);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (users)) == LIC_TYPE_USER);

  paged = list_all (client, LIST_USERS, NULL, 7, &n_pages);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paged)), ==, n_users);
  g_assert_cmpuint (n_pages, ==, (n_users + 6) / 7);
  for (guint i = 0; i < n_users; i++)
    {
      g_autoptr(LicUser) user = g_list_model_get_item (G_LIST_MODEL (paged), i);

      g_assert_true (model_has_id (G_LIST_MODEL (users), lic_user_get_id (user)));
    }

  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_search_users (void)
{
  g_autoptr(LicClient) admin = demo_client ("demo-admin");
  g_autoptr(LicClient) school_admin = demo_client ("demo-school");
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GListStore) found = NULL;
  g_autoptr(GListStore) school_users = NULL;
  LicUser *me = lic_client_get_user (admin);
  g_auto(GStrv) words = g_strsplit (lic_user_get_name (me), " ", -1);
  const char *last_word = words[g_strv_length (words) - 1];
  g_autofree char *prefix = g_utf8_substring (last_word, 0, 4);
  g_autofree char *upper = g_utf8_strup (prefix, -1);

  all = list_all (admin, LIST_USERS, NULL, 200, NULL);

  /* The start of a word of the name, in any case, finds the user among fewer. */
  found = list_all (admin, LIST_USERS, upper, 0, NULL);
  g_assert_true (model_has_id (G_LIST_MODEL (found), lic_user_get_id (me)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), <,
                    g_list_model_get_n_items (G_LIST_MODEL (all)));
  g_clear_object (&found);

  found = list_all (admin, LIST_USERS, lic_user_get_username (me), 0, NULL);
  g_assert_true (model_has_id (G_LIST_MODEL (found), lic_user_get_id (me)));
  g_clear_object (&found);

  found = list_all (admin, LIST_USERS, "zzzqqq-nobody", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 0);

  /* A school admin sees only the users of their school. */
  school_users = list_all (school_admin, LIST_USERS, NULL, 200, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (school_users)), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (school_users)), <,
                    g_list_model_get_n_items (G_LIST_MODEL (all)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (school_users)); i++)
    {
      g_autoptr(LicUser) user = g_list_model_get_item (G_LIST_MODEL (school_users), i);
      gsize n_school_ids;

      g_assert_cmpint (lic_user_get_school_id (user), ==,
                       lic_client_get_school_ids (school_admin, &n_school_ids)[0]);
    }

  g_assert_finalize_object (g_steal_pointer (&admin));
  g_assert_finalize_object (g_steal_pointer (&school_admin));
}

static void
test_list_pools (void)
{
  g_autoptr(LicClient) client = demo_client ("demo-school");
  g_autoptr(GListStore) pools = NULL;
  g_autoptr(GListStore) paged = NULL;
  gsize n_school_ids;
  gint64 school_id = lic_client_get_school_ids (client, &n_school_ids)[0];
  guint n_pools;

  pools = list_all (client, LIST_POOLS, NULL, 0, NULL);
  n_pools = g_list_model_get_n_items (G_LIST_MODEL (pools));
  g_assert_cmpuint (n_pools, >=, 1);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (pools)) == LIC_TYPE_POOL);
  for (guint i = 0; i < n_pools; i++)
    {
      g_autoptr(LicPool) pool = g_list_model_get_item (G_LIST_MODEL (pools), i);

      g_assert_cmpint (lic_pool_get_school_id (pool), ==, school_id);
      g_assert_cmpstr (lic_pool_get_school_name (pool), ==, "Ekbackeskolan");
      g_assert_cmpint (lic_pool_get_product_id (pool), >, 0);
    }

  paged = list_all (client, LIST_POOLS, NULL, 1, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paged)), ==, n_pools);

  g_assert_finalize_object (g_steal_pointer (&client));
}

/* Failures */

/* A loopback port nothing listens on. */
static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port;

  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_socket_listener_close (listener);
  return port;
}

static void
test_server_unreachable (void)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", closed_port ());
  g_autoptr(LicClient) client = lic_client_new (url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  g_assert_false (sign_in (client, "demo-admin", "demo-admin", &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, url));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5.0);
  g_assert_false (lic_client_get_signed_in (client));

  g_assert_finalize_object (g_steal_pointer (&client));
}

/* A server that stops while the app is signed in: a network error, not a sign-out. */
static void
test_server_stopped (void)
{
  LicTestServer *server = lic_test_server_start_demo ();
  g_autofree char *url = g_strdup (lic_test_server_get_url (server));
  g_autoptr(LicClient) client = lic_client_new (url);
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;

  g_assert_true (sign_in (client, "demo-admin", "demo-admin", &error));
  g_assert_no_error (error);
  schools = list_schools (client, &error);
  g_assert_no_error (error);
  g_clear_object (&schools);

  lic_test_server_stop (server);
  timer = g_timer_new ();
  schools = list_schools (client, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, url));
  g_assert_null (schools);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5.0);
  g_assert_true (lic_client_get_signed_in (client));

  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_invalid_address (void)
{
  g_autoptr(LicClient) client = lic_client_new ("ftp://licentia.example.org");
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (lic_client_get_base_url (client), ==, "ftp://licentia.example.org");
  schools = list_schools (client, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "ftp://licentia.example.org"));
  g_assert_null (schools);

  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_cancel (void)
{
  g_autoptr(LicClient) client = demo_client ("demo-admin");
  g_autoptr(LicClient) fresh = lic_client_new (demo_url ());
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled before it starts. */
  cancellable = g_cancellable_new ();
  g_cancellable_cancel (cancellable);
  lic_client_list_products_async (client, NULL, NULL, 0, cancellable, store_result, &result);
  products = lic_client_list_products_finish (client, await_result (&result), NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (products);
  g_clear_error (&error);
  g_clear_object (&result);
  g_clear_object (&cancellable);

  /* Cancelled while under way. */
  cancellable = g_cancellable_new ();
  lic_client_list_schools_async (client, cancellable, store_result, &result);
  g_cancellable_cancel (cancellable);
  products = lic_client_list_schools_finish (client, await_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (products);
  g_assert_true (lic_client_get_signed_in (client));
  g_clear_error (&error);
  g_clear_object (&result);
  g_clear_object (&cancellable);

  /* A cancelled sign-in leaves the client signed out. */
  cancellable = g_cancellable_new ();
  lic_client_sign_in_async (fresh, "demo-admin", "demo-admin", cancellable, store_result,
                            &result);
  g_cancellable_cancel (cancellable);
  g_assert_false (lic_client_sign_in_finish (fresh, await_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (lic_client_get_signed_in (fresh));
  g_clear_object (&result);

  g_assert_finalize_object (g_steal_pointer (&client));
  g_assert_finalize_object (g_steal_pointer (&fresh));
}

/* Answers every connection with one fixed HTTP response. */
typedef struct
{
  GSocketService *service;
  char *response;
  char *url;
} CannedServer;

static gboolean
canned_run (GThreadedSocketService *service,
            GSocketConnection      *connection,
            GObject                *source_object,
            gpointer                user_data)
{
  CannedServer *self = user_data;
  g_autoptr(GDataInputStream) in = NULL;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  /* Read the request head (a GET has no body), then answer and close. */
  in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (in), FALSE);
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);

      if (line == NULL || *line == '\r' || *line == '\0')
        break;
    }
  g_output_stream_write_all (out, self->response, strlen (self->response), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static CannedServer *
canned_server_new (const char *status,
                   const char *content_type,
                   const char *body)
{
  CannedServer *self = g_new0 (CannedServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  self->response = g_strdup_printf ("HTTP/1.1 %s\r\nContent-Type: %s\r\nConnection: close\r\n"
                                    "Content-Length: %zu\r\n\r\n%s",
                                    status, content_type, strlen (body), body);
  self->service = g_threaded_socket_service_new (1);
  g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                 &effective, &error);
  g_assert_no_error (error);
  g_signal_connect (self->service, "run", G_CALLBACK (canned_run), self);
  g_socket_service_start (self->service);
  self->url = g_strdup_printf ("http://127.0.0.1:%u",
                               g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
  return self;
}

static void
canned_server_free (CannedServer *self)
{
  /* Closing the listener here would race the cancelled accept still pending on the main
   * context ("Listener is already closed"); the last unref closes it. */
  g_socket_service_stop (self->service);
  g_object_unref (self->service);
  g_free (self->response);
  g_free (self->url);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CannedServer, canned_server_free)

static void
test_error_mapping (void)
{
  static const struct {
    const char *status;
    const char *content_type;
    const char *body;
    LicError code;
    const char *message;          /* a part of it, or NULL */
  } cases[] = {
    /* The API's error JSON: the code of the status, the server's message. */
    { "409 Conflict", "application/json",
      "{\"error\": {\"code\": \"conflict\", \"message\": \"Already so.\"}}",
      LIC_ERROR_CONFLICT, "Already so." },
    { "500 Internal Server Error", "application/json",
      "{\"error\": {\"code\": \"server\", \"message\": \"Broken.\"}}",
      LIC_ERROR_SERVER, "Broken." },
    { "404 Not Found", "application/json",
      "{\"error\": {\"code\": \"not_found\", \"message\": \"No such product.\"}}",
      LIC_ERROR_NOT_FOUND, "No such product." },
    /* A proxy's own error page: the code of the status and a message naming it. */
    { "503 Service Unavailable", "text/html", "<h1>Down</h1>", LIC_ERROR_SERVER, "503" },
    { "403 Forbidden", "text/plain", "", LIC_ERROR_FORBIDDEN, "403" },
    { "400 Bad Request", "application/json", "{\"error\": \"no\"}", LIC_ERROR_INVALID, "400" },
    /* 2xx but not the JSON the API promises. */
    { "200 OK", "text/html", "<html>hi</html>", LIC_ERROR_PARSE, NULL },
    { "200 OK", "application/json", "[]", LIC_ERROR_PARSE, NULL },
    { "200 OK", "application/json", "{\"items\": 3}", LIC_ERROR_PARSE, "items" },
    { "200 OK", "application/json", "{\"items\": [1], \"next_cursor\": null}",
      LIC_ERROR_PARSE, "items" },
    { "200 OK", "application/json", "{\"items\": [{\"id\": 1}], \"next_cursor\": null}",
      LIC_ERROR_PARSE, "name" },
    { "200 OK", "application/json", "{\"items\": [], \"next_cursor\": 1}",
      LIC_ERROR_PARSE, "next_cursor" },
    { "200 OK", "application/json", "", LIC_ERROR_PARSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CannedServer) server = canned_server_new (cases[i].status,
                                                          cases[i].content_type,
                                                          cases[i].body);
      g_autoptr(LicClient) client = lic_client_new (server->url);
      g_autoptr(GListModel) schools = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s %s", cases[i].status, cases[i].body);
      schools = list_schools (client, &error);
      g_assert_null (schools);
      g_assert_nonnull (error);
      g_test_message ("→ %s", error->message);
      g_assert_error (error, LIC_ERROR, (int) cases[i].code);
      if (cases[i].message != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_finalize_object (g_steal_pointer (&client));
    }
}

/* A well-formed list, to check the reading of pages without the real server. */
static void
test_canned_list (void)
{
  g_autoptr(CannedServer) server = canned_server_new (
    "200 OK", "application/json",
    "{\"items\": [{\"id\": 4, \"name\": \"Ekbackeskolan\", \"organization_id\": 1},"
    " {\"id\": 5, \"name\": \"Sundby skola\", \"organization_id\": 1}], \"next_cursor\": null}");
  g_autoptr(LicClient) client = lic_client_new (server->url);
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(LicSchool) school = NULL;
  g_autoptr(GError) error = NULL;

  schools = list_schools (client, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (schools) == LIC_TYPE_SCHOOL);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 2);
  school = g_list_model_get_item (schools, 1);
  g_assert_cmpint (lic_school_get_id (school), ==, 5);
  g_assert_cmpstr (lic_school_get_name (school), ==, "Sundby skola");

  g_assert_finalize_object (g_steal_pointer (&client));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/normalize-url", test_normalize_url);
  g_test_add_func ("/client/new", test_new);
  g_test_add_func ("/client/invalid-address", test_invalid_address);
  g_test_add_func ("/client/server-unreachable", test_server_unreachable);
  g_test_add_func ("/client/error-mapping", test_error_mapping);
  g_test_add_func ("/client/canned-list", test_canned_list);
  g_test_add_func ("/client/sign-in", test_sign_in);
  g_test_add_func ("/client/sign-in-wrong-password", test_sign_in_wrong_password);
  g_test_add_func ("/client/sign-out", test_sign_out);
  g_test_add_func ("/client/resume-session", test_resume_session);
  g_test_add_func ("/client/session-ended-elsewhere", test_session_ended_elsewhere);
  g_test_add_func ("/client/list-schools", test_list_schools);
  g_test_add_func ("/client/list-products", test_list_products);
  g_test_add_data_func ("/client/language/default",
                        (const char *[]) { NULL, "Adaptive maths practice" }, test_language);
  g_test_add_data_func ("/client/language/sv",
                        (const char *[]) { "sv", "Anpassningsbar matteträning" }, test_language);
  g_test_add_data_func ("/client/language/fi",
                        (const char *[]) { "fi:sv", "Mukautuva matematiikan" }, test_language);
  g_test_add_func ("/client/get-product", test_get_product);
  g_test_add_func ("/client/list-users", test_list_users);
  g_test_add_func ("/client/search-users", test_search_users);
  g_test_add_func ("/client/list-pools", test_list_pools);
  g_test_add_func ("/client/cancel", test_cancel);
  g_test_add_func ("/client/server-stopped", test_server_stopped);

  status = g_test_run ();
  g_clear_pointer (&demo_server, lic_test_server_stop);
  return status;
}
