/* test-client.c: LicClient against the real licentia-server with demo data.
 *
 * Every call is driven to completion by iterating the default main context, as the app does.
 * The error mapping is also checked against a canned HTTP server (a socket service answering
 * one fixed response), for the answers the real server should never give.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "lic-client.h"
#include "lic-test-mail.h"
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
  return lic_client_get_product_finish (client, await_result (&result), NULL, error);
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
  g_autoptr(LicProductQuery) product_query = lic_product_query_new ();
  g_autoptr(LicUserQuery) user_query = lic_user_query_new (query);

  switch (kind)
    {
    case LIST_PRODUCTS:
      product_query->text = g_strdup (query);
      lic_client_list_products_async (client, product_query, cursor, limit, NULL, store_result,
                                      &result);
      return lic_client_list_products_finish (client, await_result (&result), next_cursor, error);

    case LIST_USERS:
      lic_client_list_users_async (client, user_query, cursor, limit, NULL, store_result,
                                   &result);
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
  /* Answers requests whose path holds events_path instead, if set. */
  char *events_path;
  char *events_response;
  GMutex lock;
  GString *requests;            /* the heads of the requests so far */
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
  g_autoptr(GString) head = g_string_new (NULL);
  const char *response;

  in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (in), FALSE);
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);

      if (line == NULL || *line == '\r' || *line == '\0')
        break;
      g_string_append_printf (head, "%s\n", line);
    }
  g_mutex_lock (&self->lock);
  g_string_append (self->requests, head->str);
  g_mutex_unlock (&self->lock);
  response = self->events_path != NULL && strstr (head->str, self->events_path) != NULL
             ? self->events_response : self->response;
  g_output_stream_write_all (out, response, strlen (response), NULL, NULL, NULL);
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
  g_mutex_init (&self->lock);
  self->requests = g_string_new (NULL);
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
  g_mutex_clear (&self->lock);
  g_string_free (self->requests, TRUE);
  g_free (self->events_path);
  g_free (self->events_response);
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


/* Buying: helpers */

static void
count_emission (GObject *object,
                guint   *count)
{
  (*count)++;
}

#define WAIT_SECONDS 15

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until @condition holds, failing after WAIT_SECONDS. */
#define WAIT_UNTIL(condition, what) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC; \
    guint wake_id_ = g_timeout_add (20, wake_cb, NULL); \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > deadline_) \
          g_error ("Gave up after %d s waiting for %s", WAIT_SECONDS, what); \
        g_main_context_iteration (NULL, TRUE); \
      } \
    g_source_remove (wake_id_); \
  } G_STMT_END

/* A client of @server signed in as a demo account. */
static LicClient *
client_of (LicTestServer *server,
           const char    *username)
{
  g_autoptr(LicClient) client = lic_client_new (lic_test_server_get_url (server));
  g_autoptr(GError) error = NULL;

  sign_in (client, username, username, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&client);
}

static gint64
first_school_id (LicClient *client)
{
  gsize n_school_ids = 0;
  const gint64 *school_ids = lic_client_get_school_ids (client, &n_school_ids);
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(LicSchool) school = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n_school_ids, >, 0);
  /* The first by name, as the app offers them. */
  schools = list_schools (client, &error);
  g_assert_no_error (error);
  school = g_list_model_get_item (schools, 0);
  g_assert_nonnull (school);
  (void) school_ids;
  return lic_school_get_id (school);
}

static GListModel *
list_products_query (LicClient             *client,
                     const LicProductQuery *query,
                     GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_list_products_async (client, query, NULL, 200, NULL, store_result, &result);
  return lic_client_list_products_finish (client, await_result (&result), NULL, error);
}

/* The first product, by name, delivered in this way. */
static LicProduct *
product_delivered (LicClient   *client,
                   LicDelivery  delivery)
{
  g_autoptr(LicProductQuery) query = lic_product_query_new ();
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GError) error = NULL;

  query->delivery = delivery;
  products = list_products_query (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (products), >, 0);
  return g_list_model_get_item (products, 0);
}

static GListModel *
users_of_school (LicClient *client,
                 gint64     school_id,
                 guint      limit)
{
  g_autoptr(LicUserQuery) query = lic_user_query_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GError) error = NULL;

  query->school_id = school_id;
  lic_client_list_users_async (client, query, NULL, limit, NULL, store_result, &result);
  users = lic_client_list_users_finish (client, await_result (&result), NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&users);
}

static GArray *
ids_array (GListModel *model,
           guint       n)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 id;

      g_assert_nonnull (item);
      g_object_get (item, "id", &id, NULL);
      g_array_append_val (ids, id);
    }
  return ids;
}

static LicCart *
get_cart (LicClient  *client,
          GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_get_cart_async (client, NULL, store_result, &result);
  return lic_client_get_cart_finish (client, await_result (&result), error);
}

static LicCartLine *
add_line (LicClient  *client,
          gint64      product_id,
          gint64      school_id,
          gint64      quantity,
          GArray     *user_ids,
          GArray     *group_ids,
          GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_add_cart_line_async (client, product_id, school_id, quantity, user_ids, group_ids,
                                  NULL, store_result, &result);
  return lic_client_add_cart_line_finish (client, await_result (&result), error);
}

static LicCartLine *
update_line (LicClient  *client,
             gint64      line_id,
             gint64      quantity,
             GArray     *user_ids,
             GArray     *group_ids,
             GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_update_cart_line_async (client, line_id, quantity, user_ids, group_ids, NULL,
                                     store_result, &result);
  return lic_client_update_cart_line_finish (client, await_result (&result), error);
}

static gboolean
remove_line (LicClient  *client,
             gint64      line_id,
             GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_remove_cart_line_async (client, line_id, NULL, store_result, &result);
  return lic_client_remove_cart_line_finish (client, await_result (&result), error);
}

static LicOrder *
checkout (LicClient   *client,
          const char  *key,
          gint64       expected_total,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_checkout_async (client, key, expected_total, NULL, store_result, &result);
  return lic_client_checkout_finish (client, await_result (&result), error);
}

/* POST /checkout with payment "purchase_request". */
static LicOrder *
request_purchase (LicClient   *client,
                  const char  *key,
                  gint64       expected_total,
                  GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_request_purchase_async (client, key, expected_total, NULL, store_result, &result);
  return lic_client_request_purchase_finish (client, await_result (&result), error);
}

static LicOrder *
activate (LicClient   *client,
          const char  *code,
          gint64      *pool_id,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_activate_async (client, code, NULL, store_result, &result);
  return lic_client_activate_finish (client, await_result (&result), pool_id, error);
}

static GListModel *
list_notifications (LicClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) notifications = NULL;
  g_autoptr(GError) error = NULL;

  lic_client_list_notifications_async (client, NULL, 0, NULL, store_result, &result);
  notifications = lic_client_list_notifications_finish (client, await_result (&result), NULL,
                                                        &error);
  g_assert_no_error (error);
  return g_steal_pointer (&notifications);
}

/* The demo supplier key of a product's supplier: "Nordlär AB" is demo-key-nordlar. */
static char *
supplier_key (LicProduct *product)
{
  g_autofree char *ascii = g_str_to_ascii (lic_product_get_supplier (product), "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  char *space = strchr (lower, ' ');

  if (space != NULL)
    *space = '\0';
  return g_strconcat ("demo-key-", lower, NULL);
}

/* POST /supplier/orders/{id}/deliver with a supplier key, as a supplier's own system would;
 * returns the HTTP status. */
static guint
supplier_deliver (LicTestServer *server,
                  const char    *key,
                  gint64         order_id)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strdup_printf ("%s/api/v1/supplier/orders/%" G_GINT64_FORMAT
                                          "/deliver", lic_test_server_get_url (server),
                                          order_id);
  g_autofree char *authorization = g_strconcat ("Bearer ", key, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", uri);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                authorization);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  return soup_message_get_status (message);
}

/* The code of an activation link in the newest of @server's e-mails that has one, or NULL. */
static char *
newest_activation_code (LicTestServer *server)
{
  g_autofree char *maildir = g_strconcat (lic_test_server_get_database (server), ".maildir",
                                          NULL);
  g_autoptr(GPtrArray) mails = lic_test_maildir_get_mails (maildir);
  const char *link = "licentia://activate?code=";
  char *code = NULL;

  for (guint i = 0; mails != NULL && i < mails->len; i++)
    {
      LicTestMail *mail = g_ptr_array_index (mails, i);
      const char *start = strstr (mail->body, link);

      if (start == NULL)
        continue;
      start += strlen (link);
      g_free (code);
      code = g_strndup (start, strspn (start, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                              "abcdefghijklmnopqrstuvwxyz0123456789-_"));
    }
  return code;
}

/* Waits for the server's background sender to mail an activation link, and reads its code. */
static char *
mailed_activation_code (LicTestServer *server)
{
  char *code = NULL;

  WAIT_UNTIL ((code = newest_activation_code (server)) != NULL, "the activation e-mail");
  return code;
}

/* Buying: tests */

static void
test_list_suppliers (void)
{
  g_autoptr(LicClient) client = demo_client ("demo-admin");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) suppliers = NULL;
  g_autoptr(GListStore) products = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;

  lic_client_list_suppliers_async (client, NULL, store_result, &result);
  suppliers = lic_client_list_suppliers_finish (client, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (suppliers) == LIC_TYPE_SUPPLIER);
  g_assert_cmpuint (g_list_model_get_n_items (suppliers), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (suppliers); i++)
    {
      g_autoptr(LicSupplier) supplier = g_list_model_get_item (suppliers, i);

      g_assert_cmpint (lic_supplier_get_id (supplier), >, 0);
      /* By name. */
      if (previous != NULL)
        g_assert_cmpint (g_utf8_collate (previous, lic_supplier_get_name (supplier)), <=, 0);
      g_free (previous);
      previous = g_strdup (lic_supplier_get_name (supplier));
    }

  /* Every product's supplier is listed. */
  products = list_all (client, LIST_PRODUCTS, NULL, 0, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (products)); i++)
    {
      g_autoptr(LicProduct) product = g_list_model_get_item (G_LIST_MODEL (products), i);

      g_assert_true (model_has_id (suppliers, lic_product_get_supplier_id (product)));
    }

  /* A result holds its source, the client. */
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_filter_products (void)
{
  g_autoptr(LicClient) client = demo_client ("demo-admin");
  g_autoptr(GListStore) all = list_all (client, LIST_PRODUCTS, NULL, 0, NULL);
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (all));
  g_autoptr(LicProduct) first = g_list_model_get_item (G_LIST_MODEL (all), 0);

  /* Each filter alone keeps only what matches it, and leaves out something. */
  for (int delivery = LIC_DELIVERY_DIRECT; delivery <= LIC_DELIVERY_ACTIVATION_MAIL; delivery++)
    {
      g_autoptr(LicProductQuery) query = lic_product_query_new ();
      g_autoptr(GListModel) found = NULL;
      g_autoptr(GError) error = NULL;

      query->delivery = delivery;
      found = list_products_query (client, query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (found), <, n_all);
      for (guint i = 0; i < g_list_model_get_n_items (found); i++)
        {
          g_autoptr(LicProduct) product = g_list_model_get_item (found, i);

          g_assert_cmpint (lic_product_get_delivery (product), ==, delivery);
        }
    }

  {
    g_autoptr(LicProductQuery) query = lic_product_query_new ();
    g_autoptr(GListModel) found = NULL;
    g_autoptr(GError) error = NULL;
    const char *subject = lic_product_get_subjects (first)[0];
    const char *grade = lic_product_get_grades (first)[0];

    query->subject = g_strdup (subject);
    query->grade = g_strdup (grade);
    query->supplier_id = lic_product_get_supplier_id (first);
    found = list_products_query (client, query, &error);
    g_assert_no_error (error);
    g_assert_true (model_has_id (found, lic_product_get_id (first)));
    for (guint i = 0; i < g_list_model_get_n_items (found); i++)
      {
        g_autoptr(LicProduct) product = g_list_model_get_item (found, i);

        g_assert_true (g_strv_contains (lic_product_get_subjects (product), subject));
        g_assert_true (g_strv_contains (lic_product_get_grades (product), grade));
        g_assert_cmpint (lic_product_get_supplier_id (product), ==,
                         lic_product_get_supplier_id (first));
      }
  }

  /* The two price orders, ties by name. */
  for (LicProductSort sort = LIC_PRODUCT_SORT_PRICE; sort <= LIC_PRODUCT_SORT_PRICE_DESCENDING;
       sort++)
    {
      g_autoptr(LicProductQuery) query = lic_product_query_new ();
      g_autoptr(GListModel) found = NULL;
      g_autoptr(GError) error = NULL;

      query->sort = sort;
      found = list_products_query (client, query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (found), ==, n_all);
      for (guint i = 1; i < g_list_model_get_n_items (found); i++)
        {
          g_autoptr(LicProduct) a = g_list_model_get_item (found, i - 1);
          g_autoptr(LicProduct) b = g_list_model_get_item (found, i);

          if (sort == LIC_PRODUCT_SORT_PRICE)
            g_assert_cmpint (lic_product_get_price (a), <=, lic_product_get_price (b));
          else
            g_assert_cmpint (lic_product_get_price (a), >=, lic_product_get_price (b));
        }
    }

  /* A code the server does not know is refused, naming it; an unknown supplier finds none. */
  {
    g_autoptr(LicProductQuery) query = lic_product_query_new ();
    g_autoptr(GListModel) found = NULL;
    g_autoptr(GError) error = NULL;

    query->subject = g_strdup ("astronomy");
    found = list_products_query (client, query, &error);
    g_assert_error (error, LIC_ERROR, LIC_ERROR_INVALID);
    g_assert_null (found);
    g_clear_error (&error);

    g_clear_pointer (&query->subject, g_free);
    query->supplier_id = 987654321;
    found = list_products_query (client, query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  }

  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_product_schools (void)
{
  g_autoptr(LicClient) client = demo_client ("demo-admin");
  g_autoptr(GListModel) pools = NULL;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(LicProduct) product = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean pool_found = FALSE;

  pools = list_page (client, LIST_POOLS, NULL, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  pool = g_list_model_get_item (pools, 0);

  lic_client_get_product_async (client, lic_pool_get_product_id (pool), NULL, store_result,
                                &result);
  product = lic_client_get_product_finish (client, await_result (&result), &schools, &error);
  g_assert_no_error (error);
  g_assert_nonnull (product);
  g_assert_true (g_list_model_get_item_type (schools) == LIC_TYPE_PRODUCT_SCHOOL);
  /* One per school of the caller. */
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(LicProductSchool) school = g_list_model_get_item (schools, i);

      g_assert_true (g_list_model_get_item_type (lic_product_school_get_order_lines (school))
                     == LIC_TYPE_ORDER_LINE);
      if (lic_product_school_get_pool_id (school) != lic_pool_get_id (pool))
        continue;
      pool_found = TRUE;
      g_assert_cmpint (lic_product_school_get_school_id (school), ==,
                       lic_pool_get_school_id (pool));
      g_assert_cmpint (lic_product_school_get_assigned (school), ==, lic_pool_get_assigned (pool));
      g_assert_cmpint (lic_product_school_get_available (school), ==,
                       lic_pool_get_available (pool));
    }
  g_assert_true (pool_found);

  /* A result holds its source, the client. */
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_groups_and_school_users (void)
{
  g_autoptr(LicClient) admin = demo_client ("demo-admin");
  g_autoptr(LicClient) school_admin = demo_client ("demo-school");
  gint64 school_id = first_school_id (school_admin);
  gint64 other_school_id = 0;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autoptr(LicGroup) group = NULL;
  g_autoptr(LicUserQuery) query = lic_user_query_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  schools = list_schools (admin, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(LicSchool) school = g_list_model_get_item (schools, i);

      if (lic_school_get_id (school) != school_id)
        other_school_id = lic_school_get_id (school);
    }
  g_assert_cmpint (other_school_id, >, 0);

  /* The classes of a school, each with its members. */
  lic_client_list_groups_async (school_admin, school_id, NULL, store_result, &result);
  groups = lic_client_list_groups_finish (school_admin, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (groups), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(LicGroup) item = g_list_model_get_item (groups, i);

      g_assert_cmpint (lic_group_get_school_id (item), ==, school_id);
    }
  group = g_list_model_get_item (groups, 0);
  g_clear_object (&result);

  query->group_id = lic_group_get_id (group);
  lic_client_list_all_users_async (school_admin, query, NULL, store_result, &result);
  members = lic_client_list_all_users_finish (school_admin, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, lic_group_get_member_count (group));
  g_clear_object (&result);
  g_clear_object (&groups);

  /* Users of one school only. */
  users = users_of_school (admin, other_school_id, 0);
  g_assert_cmpuint (g_list_model_get_n_items (users), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(LicUser) user = g_list_model_get_item (users, i);

      g_assert_cmpint (lic_user_get_school_id (user), ==, other_school_id);
    }
  g_clear_object (&users);

  /* A school outside a school admin's: 403, and the session stays. */
  lic_client_list_groups_async (school_admin, other_school_id, NULL, store_result, &result);
  groups = lic_client_list_groups_finish (school_admin, await_result (&result), &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_FORBIDDEN);
  g_assert_null (groups);
  g_clear_error (&error);
  g_clear_object (&result);

  query->group_id = 0;
  query->school_id = other_school_id;
  lic_client_list_users_async (school_admin, query, NULL, 0, NULL, store_result, &result);
  users = lic_client_list_users_finish (school_admin, await_result (&result), NULL, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_FORBIDDEN);
  g_assert_null (users);
  g_assert_true (lic_client_get_signed_in (school_admin));

  /* A result holds its source, the client. */
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&admin));
  g_assert_finalize_object (g_steal_pointer (&school_admin));
}

static void
test_cart (void)
{
  g_autoptr(LicTestServer) server = lic_test_server_start_demo ();
  g_autoptr(LicClient) admin = client_of (server, "demo-admin");
  g_autoptr(LicClient) school_admin = client_of (server, "demo-school");
  g_autoptr(LicProduct) direct = product_delivered (admin, LIC_DELIVERY_DIRECT);
  g_autoptr(LicProduct) delayed = product_delivered (admin, LIC_DELIVERY_DELAYED);
  gint64 school_id = first_school_id (school_admin);
  g_autoptr(GListModel) users = users_of_school (admin, school_id, 3);
  g_autoptr(GArray) two_users = ids_array (users, 2);
  g_autoptr(GArray) no_one = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LicCart) cart = NULL;
  g_autoptr(LicCartLine) line = NULL;
  g_autoptr(LicCartLine) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 line_id;
  guint changed = 0;
  gsize n_ids;

  g_signal_connect (admin, "cart-changed", G_CALLBACK (count_emission), &changed);

  cart = get_cart (admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lic_cart_get_lines (cart)), ==, 0);
  g_assert_cmpint (lic_cart_get_total (cart), ==, 0);
  g_assert_cmpstr (lic_cart_get_currency (cart), ==, "SEK");
  g_clear_object (&cart);

  /* Added: 201 with the line, priced on the server. */
  line = add_line (admin, lic_product_get_id (direct), school_id, 30, NULL, NULL, &error);
  g_assert_no_error (error);
  line_id = lic_cart_line_get_id (line);
  g_assert_cmpint (lic_cart_line_get_product_id (line), ==, lic_product_get_id (direct));
  g_assert_cmpstr (lic_cart_line_get_product_name (line), ==, lic_product_get_name (direct));
  g_assert_cmpint (lic_cart_line_get_school_id (line), ==, school_id);
  g_assert_cmpstr (lic_cart_line_get_school_name (line), ==, "Ekbackeskolan");
  g_assert_cmpint (lic_cart_line_get_quantity (line), ==, 30);
  g_assert_cmpint (lic_cart_line_get_delivery (line), ==, LIC_DELIVERY_DIRECT);
  g_assert_cmpint (lic_cart_line_get_unit_price (line), ==, lic_product_get_price (direct));
  g_assert_cmpint (lic_cart_line_get_line_total (line), ==, 30 * lic_product_get_price (direct));
  g_assert_true (lic_cart_line_get_can_assign_in_advance (line));
  g_assert_cmpint (lic_cart_line_get_assigned_count (line), ==, 0);
  g_assert_cmpuint (changed, ==, 1);

  /* The same product and school again: the same line, with more licenses and the picks. */
  again = add_line (admin, lic_product_get_id (direct), school_id, 5, two_users, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lic_cart_line_get_id (again), ==, line_id);
  g_assert_cmpint (lic_cart_line_get_quantity (again), ==, 35);
  g_assert_cmpint (lic_cart_line_get_assigned_count (again), ==, 2);
  lic_cart_line_get_user_ids (again, &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);
  g_clear_object (&again);

  /* Changed: only what is given. */
  again = update_line (admin, line_id, 30, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lic_cart_line_get_quantity (again), ==, 30);
  g_assert_cmpint (lic_cart_line_get_assigned_count (again), ==, 2);
  g_clear_object (&again);
  again = update_line (admin, line_id, 0, no_one, no_one, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lic_cart_line_get_quantity (again), ==, 30);
  g_assert_cmpint (lic_cart_line_get_assigned_count (again), ==, 0);
  g_clear_object (&again);

  /* More users than licenses: 400 with a sentence, and the line as it was. */
  again = update_line (admin, line_id, 1, two_users, NULL, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_test_message ("%s", error->message);
  g_assert_null (again);
  g_clear_error (&error);
  cart = get_cart (admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lic_cart_get_lines (cart)), ==, 1);
  g_assert_cmpint (lic_cart_get_total (cart), ==, 30 * lic_product_get_price (direct));
  g_clear_object (&cart);

  /* No quantity of 0; no picks on a delayed line; no school outside the caller's. */
  again = add_line (admin, lic_product_get_id (delayed), school_id, 0, NULL, NULL, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_INVALID);
  g_clear_error (&error);
  again = add_line (admin, lic_product_get_id (delayed), school_id, 5, two_users, NULL, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  again = add_line (admin, 987654321, school_id, 5, NULL, NULL, &error);
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autoptr(GListModel) schools = list_schools (admin, &error);

    for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
      {
        g_autoptr(LicSchool) school = g_list_model_get_item (schools, i);

        if (lic_school_get_id (school) == school_id)
          continue;
        again = add_line (school_admin, lic_product_get_id (direct), lic_school_get_id (school),
                          5, NULL, NULL, &error);
        g_assert_error (error, LIC_ERROR, LIC_ERROR_FORBIDDEN);
        g_clear_error (&error);
      }
    g_assert_no_error (error);
  }

  /* A line of another admin's cart is not there for this one. */
  again = update_line (school_admin, line_id, 3, NULL, NULL, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (remove_line (school_admin, line_id, &error));
  g_assert_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Removed: 204, then gone. */
  changed = 0;
  g_assert_true (remove_line (admin, line_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (remove_line (admin, line_id, &error));
  g_assert_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  cart = get_cart (admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lic_cart_get_lines (cart)), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&admin));
  g_assert_finalize_object (g_steal_pointer (&school_admin));
}

static LicOrderLine *
order_line_of (LicOrder    *order,
               LicDelivery  delivery)
{
  GListModel *lines = lic_order_get_lines (order);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(LicOrderLine) line = g_list_model_get_item (lines, i);

      if (lic_order_line_get_delivery (line) == delivery)
        return g_steal_pointer (&line);
    }
  g_assert_not_reached ();
}

/* Fills the cart with a line of each delivery type for the first school; returns its total. */
static gint64
fill_cart (LicClient *client,
           guint      n_users)
{
  gint64 school_id = first_school_id (client);
  g_autoptr(GListModel) users = users_of_school (client, school_id, n_users);
  g_autoptr(GArray) user_ids = ids_array (users, n_users);
  g_autoptr(LicCart) cart = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 quantities[] = { 30, 20, 10 };

  for (int delivery = LIC_DELIVERY_DIRECT; delivery <= LIC_DELIVERY_ACTIVATION_MAIL; delivery++)
    {
      g_autoptr(LicProduct) product = product_delivered (client, delivery);
      g_autoptr(LicCartLine) line = NULL;

      line = add_line (client, lic_product_get_id (product), school_id, quantities[delivery],
                       delivery == LIC_DELIVERY_DIRECT ? user_ids : NULL, NULL, &error);
      g_assert_no_error (error);
    }
  cart = get_cart (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lic_cart_get_lines (cart)), ==, 3);
  return lic_cart_get_total (cart);
}

static void
test_checkout (void)
{
  g_autoptr(LicTestServer) server = lic_test_server_start_demo ();
  g_autoptr(LicClient) admin = client_of (server, "demo-admin");
  g_autoptr(LicOrder) order = NULL;
  g_autoptr(LicOrder) same = NULL;
  g_autoptr(LicOrder) fetched = NULL;
  g_autoptr(LicOrderLine) direct = NULL;
  g_autoptr(LicOrderLine) delayed = NULL;
  g_autoptr(LicOrderLine) mailed = NULL;
  g_autoptr(LicCart) cart = NULL;
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *other_key = g_uuid_string_random ();
  gint64 total = fill_cart (admin, 3);
  guint changed = 0;

  g_signal_connect (admin, "cart-changed", G_CALLBACK (count_emission), &changed);

  /* A total that is not the cart's: refused, nothing ordered. */
  order = checkout (admin, key, total + 100, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_null (order);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 0);

  order = checkout (admin, key, total, &error);
  g_assert_no_error (error);
  g_assert_nonnull (order);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (lic_order_get_lines (order)), ==, 3);
  g_assert_cmpint (lic_order_get_total (order), ==, total);
  direct = order_line_of (order, LIC_DELIVERY_DIRECT);
  delayed = order_line_of (order, LIC_DELIVERY_DELAYED);
  mailed = order_line_of (order, LIC_DELIVERY_ACTIVATION_MAIL);
  g_assert_cmpint (lic_order_line_get_state (direct), ==, LIC_ORDER_LINE_STATE_DELIVERED);
  g_assert_cmpint (lic_order_line_get_assigned (direct), ==, 3);
  g_assert_cmpint (lic_order_line_get_state (delayed), ==,
                   LIC_ORDER_LINE_STATE_AWAITING_DELIVERY);
  g_assert_cmpint (lic_order_line_get_state (mailed), ==,
                   LIC_ORDER_LINE_STATE_ACTIVATION_MAIL_SENT);
  g_assert_nonnull (lic_order_line_get_activation_email (mailed));

  /* The cart is empty; the same key again is the same order, however many times. */
  cart = get_cart (admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lic_cart_get_lines (cart)), ==, 0);
  same = checkout (admin, key, total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lic_order_get_id (same), ==, lic_order_get_id (order));
  g_clear_object (&same);

  /* A new attempt with an empty cart is refused. */
  same = checkout (admin, other_key, 0, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_CONFLICT);
  g_clear_error (&error);

  /* One order in the list, and by id. */
  lic_client_list_orders_async (admin, NULL, 0, NULL, store_result, &result);
  orders = lic_client_list_orders_finish (admin, await_result (&result), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (orders), ==, 1);
  g_assert_true (model_has_id (orders, lic_order_get_id (order)));
  g_clear_object (&result);
  lic_client_get_order_async (admin, lic_order_get_id (order), NULL, store_result, &result);
  fetched = lic_client_get_order_finish (admin, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (lic_order_get_id (fetched), ==, lic_order_get_id (order));
  g_clear_object (&result);
  g_clear_object (&fetched);
  lic_client_get_order_async (admin, 987654321, NULL, store_result, &result);
  fetched = lic_client_get_order_finish (admin, await_result (&result), &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND);
  g_assert_null (fetched);

  /* A result holds its source, the client. */
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&admin));
}

static void
notification_cb (LicClient        *client,
                 LicNotification  *notification,
                 GPtrArray        *received)
{
  g_ptr_array_add (received, g_object_ref (notification));
}

static void
test_events (void)
{
  g_autoptr(LicTestServer) server = lic_test_server_start_demo ();
  g_autoptr(LicClient) admin = client_of (server, "demo-admin");
  g_autoptr(LicClient) school_admin = client_of (server, "demo-school");
  g_autoptr(LicProduct) product = product_delivered (admin, LIC_DELIVERY_DELAYED);
  g_autofree char *key = supplier_key (product);
  g_autoptr(GPtrArray) received = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) received_by_school = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(LicNotification) notification = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 school_id = first_school_id (admin);
  g_autoptr(LicOrder) first_order = NULL;
  g_autoptr(LicOrder) second_order = NULL;
  gint64 id;

  g_signal_connect (admin, "notification", G_CALLBACK (notification_cb), received);
  g_signal_connect (school_admin, "notification", G_CALLBACK (notification_cb),
                    received_by_school);
  lic_client_start_events (admin);
  lic_client_start_events (school_admin);
  WAIT_UNTIL (lic_client_get_events_connected (admin)
              && lic_client_get_events_connected (school_admin), "the event streams");

  /* An order of a delayed product, delivered by its supplier: every admin of the school is
   * told at once. */
  {
    g_autoptr(LicCartLine) line = add_line (admin, lic_product_get_id (product), school_id, 20,
                                            NULL, NULL, &error);
    g_autofree char *checkout_key = g_uuid_string_random ();
    g_autoptr(LicCart) cart = get_cart (admin, &error);

    g_assert_no_error (error);
    first_order = checkout (admin, checkout_key, lic_cart_get_total (cart), &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (supplier_deliver (server, "not-a-key", lic_order_get_id (first_order)), ==,
                    SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (supplier_deliver (server, key, lic_order_get_id (first_order)), ==,
                    SOUP_STATUS_OK);
  WAIT_UNTIL (received->len == 1 && received_by_school->len == 1, "the notifications");
  notification = g_object_ref (g_ptr_array_index (received, 0));
  g_assert_cmpstr (lic_notification_get_kind (notification), ==, "delivered");
  g_assert_cmpint (lic_notification_get_order_id (notification), ==,
                   lic_order_get_id (first_order));
  g_assert_cmpint (lic_notification_get_product_id (notification), ==,
                   lic_product_get_id (product));
  g_assert_cmpstr (lic_notification_get_product_name (notification), ==,
                   lic_product_get_name (product));
  g_assert_cmpint (lic_notification_get_school_id (notification), ==, school_id);
  g_assert_cmpint (lic_notification_get_quantity (notification), ==, 20);
  g_assert_false (lic_notification_get_read (notification));
  /* Delivered already: 409. */
  g_assert_cmpuint (supplier_deliver (server, key, lic_order_get_id (first_order)), ==,
                    SOUP_STATUS_CONFLICT);

  /* The list has it, unread, until marked read. */
  listed = list_notifications (admin);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
  g_assert_true (model_has_id (listed, lic_notification_get_id (notification)));
  g_clear_object (&listed);
  id = lic_notification_get_id (notification);
  lic_client_mark_notifications_read_async (admin, &id, 1, NULL, store_result, &result);
  g_assert_true (lic_client_mark_notifications_read_finish (admin, await_result (&result),
                                                            &error));
  g_assert_no_error (error);
  listed = list_notifications (admin);
  {
    g_autoptr(LicNotification) read = g_list_model_get_item (listed, 0);

    g_assert_true (lic_notification_get_read (read));
  }
  g_clear_object (&listed);

  /* Missed while the stream was closed: sent on reconnection (Last-Event-ID). */
  lic_client_stop_events (admin);
  g_assert_false (lic_client_get_events_connected (admin));
  {
    g_autoptr(LicCartLine) line = add_line (admin, lic_product_get_id (product), school_id, 5,
                                            NULL, NULL, &error);
    g_autofree char *checkout_key = g_uuid_string_random ();
    g_autoptr(LicCart) cart = get_cart (admin, &error);

    g_assert_no_error (error);
    second_order = checkout (admin, checkout_key, lic_cart_get_total (cart), &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (supplier_deliver (server, key, lic_order_get_id (second_order)), ==,
                    SOUP_STATUS_OK);
  WAIT_UNTIL (received_by_school->len == 2, "the second notification, live");
  g_assert_cmpuint (received->len, ==, 1);
  lic_client_start_events (admin);
  WAIT_UNTIL (received->len == 2, "the missed notification");
  g_assert_cmpint (lic_notification_get_order_id (g_ptr_array_index (received, 1)), ==,
                   lic_order_get_id (second_order));

  /* The server goes away and comes back: the stream reconnects by itself. */
  lic_test_server_kill (server);
  WAIT_UNTIL (!lic_client_get_events_connected (admin), "the stream to notice");
  lic_test_server_restart (server);
  WAIT_UNTIL (lic_client_get_events_connected (admin), "the stream to reconnect");

  /* Signing out closes it for good. */
  {
    g_autoptr(GAsyncResult) sign_out_result = NULL;

    lic_client_sign_out_async (admin, NULL, store_result, &sign_out_result);
    g_assert_false (lic_client_get_events_connected (admin));
    await_result (&sign_out_result);
  }

  /* A result holds its source, the client. */
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&admin));
  g_assert_finalize_object (g_steal_pointer (&school_admin));
}

static void
test_activation (void)
{
  g_autoptr(LicTestServer) server = lic_test_server_start_demo ();
  g_autoptr(LicClient) admin = client_of (server, "demo-admin");
  g_autoptr(LicProduct) product = product_delivered (admin, LIC_DELIVERY_ACTIVATION_MAIL);
  gint64 school_id = first_school_id (admin);
  g_autoptr(LicCartLine) line = NULL;
  g_autoptr(LicCart) cart = NULL;
  g_autoptr(LicOrder) order = NULL;
  g_autoptr(LicOrder) activated = NULL;
  g_autoptr(LicOrderLine) activated_line = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *code = NULL;
  g_autofree char *spaced = NULL;
  gint64 pool_id = 0;

  line = add_line (admin, lic_product_get_id (product), school_id, 10, NULL, NULL, &error);
  g_assert_no_error (error);
  cart = get_cart (admin, &error);
  g_assert_no_error (error);
  order = checkout (admin, key, lic_cart_get_total (cart), &error);
  g_assert_no_error (error);

  code = mailed_activation_code (server);
  g_test_message ("Activation code: %s", code);

  /* Not a code. */
  activated = activate (admin, "NOT-A-REAL-CODE", NULL, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_assert_null (activated);
  g_clear_error (&error);

  /* Spaces and letter case do not matter. */
  spaced = g_strdup_printf ("  %s ", code);
  activated = activate (admin, spaced, &pool_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lic_order_get_id (activated), ==, lic_order_get_id (order));
  g_assert_cmpint (pool_id, >, 0);
  activated_line = order_line_of (activated, LIC_DELIVERY_ACTIVATION_MAIL);
  g_assert_cmpint (lic_order_line_get_state (activated_line), ==,
                   LIC_ORDER_LINE_STATE_DELIVERED);
  g_clear_object (&activated);

  /* Used already. */
  activated = activate (admin, code, NULL, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_null (activated);

  g_assert_finalize_object (g_steal_pointer (&admin));
}

/* The event stream's reading, against a canned stream: comments, data on several lines, ids,
 * other events and a malformed one are handled; CR LF ends lines as LF does. The canned server
 * closes the stream after each answer, so the client reconnects, naming the last id. */
static void
test_canned_events (void)
{
  static const char session[] =
    "{\"user\": {\"id\": 1, \"username\": \"demo-admin\", \"name\": \"Eva Lindqvist\","
    " \"email\": null, \"role\": \"administrator\", \"school_id\": 1, \"groups\": [],"
    " \"admin_scope\": \"organization\", \"school_ids\": [1, 2]},"
    " \"organization\": {\"id\": 1, \"name\": \"Sundby kommun\", \"currency\": \"SEK\"}}";
  static const char stream[] =
    ": keep-alive\n"
    "\n"
    "event: something-else\n"
    "data: {}\n"
    "\n"
    "id: 6\n"
    "event: notification\n"
    "data: not json\n"
    "\n"
    "id: 7\r\n"
    "event: notification\r\n"
    "data: {\"id\": 7, \"kind\": \"delivered\", \"created_at\": \"2027-02-05T10:00:00Z\",\r\n"
    "data:  \"read\": false, \"order_id\": 3, \"order_line_id\": 4, \"product_id\": 5,\r\n"
    "data:  \"product_name\": \"Kemilabbet 3D\", \"school_id\": 1,\r\n"
    "data:  \"school_name\": \"Ekbackeskolan\", \"quantity\": 20, \"text\": \"…\"}\r\n"
    "\r\n";
  g_autoptr(CannedServer) server = canned_server_new ("200 OK", "application/json", session);
  g_autoptr(LicClient) client = lic_client_new (server->url);
  g_autoptr(GPtrArray) received = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  LicNotification *notification;

  server->events_path = g_strdup ("/api/v1/events");
  server->events_response = g_strdup_printf ("HTTP/1.1 200 OK\r\n"
                                             "Content-Type: text/event-stream\r\n"
                                             "Connection: close\r\n"
                                             "Content-Length: %zu\r\n\r\n%s",
                                             strlen (stream), stream);
  g_signal_connect (client, "notification", G_CALLBACK (notification_cb), received);

  /* Signed out, nothing starts. */
  lic_client_start_events (client);
  g_assert_false (lic_client_get_events_connected (client));

  g_assert_true (resume_session (client, "canned-token", &error));
  g_assert_no_error (error);
  lic_client_start_events (client);
  WAIT_UNTIL (received->len >= 1, "the notification");
  notification = g_ptr_array_index (received, 0);
  g_assert_cmpint (lic_notification_get_id (notification), ==, 7);
  g_assert_cmpstr (lic_notification_get_product_name (notification), ==, "Kemilabbet 3D");
  g_assert_cmpstr (lic_notification_get_school_name (notification), ==, "Ekbackeskolan");
  g_assert_cmpint (lic_notification_get_quantity (notification), ==, 20);
  g_assert_false (lic_notification_get_read (notification));

  /* The stream ended; the next connection asks for what came after id 7. */
  WAIT_UNTIL (received->len >= 2, "the notification again, after reconnecting");
  g_mutex_lock (&server->lock);
  g_assert_nonnull (strstr (server->requests->str, "Last-Event-ID: 7"));
  g_assert_nonnull (strstr (server->requests->str, "Authorization: Bearer canned-token"));
  g_mutex_unlock (&server->lock);

  lic_client_stop_events (client);
  g_assert_false (lic_client_get_events_connected (client));
  g_assert_finalize_object (g_steal_pointer (&client));
}

/* Assignments */

static LicPool *
assign (LicClient    *client,
        gint64        pool_id,
        const gint64 *user_ids,
        gsize         n_user_ids,
        const char   *role,
        gint64       *assigned,
        gint64       *already_assigned,
        GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_assign_async (client, pool_id, user_ids, n_user_ids, NULL, 0, role, NULL,
                           store_result, &result);
  return lic_client_assign_finish (client, await_result (&result), assigned, already_assigned,
                                   error);
}

static LicPool *
unassign (LicClient    *client,
          gint64        pool_id,
          const gint64 *user_ids,
          gsize         n_user_ids,
          gint64       *unassigned,
          GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_unassign_async (client, pool_id, user_ids, n_user_ids, NULL, store_result, &result);
  return lic_client_unassign_finish (client, await_result (&result), unassigned, error);
}

/* Every user the query finds, all pages. */
static GListModel *
all_users (LicClient    *client,
           LicUserQuery *query)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *users;

  lic_client_list_all_users_async (client, query, NULL, store_result, &result);
  users = lic_client_list_all_users_finish (client, await_result (&result), &error);
  g_assert_no_error (error);
  return users;
}

static void
test_assignments (void)
{
  /* A server of its own: the assignments made here change the demo data. */
  g_autoptr(LicTestServer) server = lic_test_server_start_demo ();
  g_autoptr(LicClient) client = lic_client_new (lic_test_server_get_url (server));
  g_autoptr(GListModel) pools = NULL;
  g_autoptr(GListModel) students = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autoptr(LicUserQuery) query = NULL;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(LicPool) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) picked = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GAsyncResult) result = NULL;
  gint64 assigned = -1, already = -1, unassigned = -1;
  guint n_unassigned_students = 0;

  g_assert_true (sign_in (client, "demo-school", "demo-school", &error));
  g_assert_no_error (error);

  /* A pool of Ekbackeskolan with at least three free licenses. */
  lic_client_list_pools_async (client, NULL, 0, NULL, store_result, &result);
  pools = lic_client_list_pools_finish (client, await_result (&result), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (pools) && pool == NULL; i++)
    {
      g_autoptr(LicPool) candidate = g_list_model_get_item (pools, i);

      if (lic_pool_get_available (candidate) - lic_pool_get_assigned (candidate) >= 3)
        pool = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (pool);

  /* Three students the pool has not assigned. */
  query = lic_user_query_new (NULL);
  query->pool_id = lic_pool_get_id (pool);
  members = all_users (client, query);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, lic_pool_get_assigned (pool));
  query->pool_id = 0;
  query->school_id = lic_pool_get_school_id (pool);
  query->role = LIC_ROLE_STUDENT;
  students = all_users (client, query);
  for (guint i = 0; i < g_list_model_get_n_items (students); i++)
    {
      g_autoptr(LicUser) student = g_list_model_get_item (students, i);
      gint64 id = lic_user_get_id (student);

      if (model_has_id (members, id))
        continue;
      n_unassigned_students++;
      if (picked->len < 3)
        g_array_append_val (picked, id);
    }
  g_assert_cmpuint (picked->len, ==, 3);
  g_clear_object (&members);

  after = assign (client, lic_pool_get_id (pool), (gint64 *) picked->data, picked->len, NULL,
                  &assigned, &already, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after);
  g_assert_cmpint (assigned, ==, 3);
  g_assert_cmpint (already, ==, 0);
  g_assert_cmpint (lic_pool_get_id (after), ==, lic_pool_get_id (pool));
  g_assert_cmpint (lic_pool_get_assigned (after), ==, lic_pool_get_assigned (pool) + 3);
  g_clear_object (&after);

  query->role = -1;
  query->school_id = 0;
  query->pool_id = lic_pool_get_id (pool);
  members = all_users (client, query);
  for (guint i = 0; i < picked->len; i++)
    g_assert_true (model_has_id (members, g_array_index (picked, gint64, i)));
  g_clear_object (&members);

  /* Named again, they keep their licenses. */
  after = assign (client, lic_pool_get_id (pool), (gint64 *) picked->data, 1, NULL, &assigned,
                  &already, &error);
  g_assert_no_error (error);
  g_assert_cmpint (assigned, ==, 0);
  g_assert_cmpint (already, ==, 1);
  g_assert_cmpint (lic_pool_get_assigned (after), ==, lic_pool_get_assigned (pool) + 3);
  g_clear_object (&after);

  /* Every student is more than the free licenses: refused with the numbers, nothing changes. */
  if (n_unassigned_students - 3 > lic_pool_get_available (pool) - lic_pool_get_assigned (pool) - 3)
    {
      g_autofree char *free_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    lic_pool_get_available (pool)
                                                    - lic_pool_get_assigned (pool) - 3);

      after = assign (client, lic_pool_get_id (pool), NULL, 0, "student", NULL, NULL, &error);
      g_assert_error (error, LIC_ERROR, LIC_ERROR_CONFLICT);
      g_assert_null (after);
      g_assert_nonnull (strstr (error->message, free_text));
      g_clear_error (&error);
    }
  else
    g_test_message ("the pool has room for every student; no refusal to test");

  after = unassign (client, lic_pool_get_id (pool), (gint64 *) picked->data, picked->len,
                    &unassigned, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unassigned, ==, 3);
  g_assert_cmpint (lic_pool_get_assigned (after), ==, lic_pool_get_assigned (pool));
  g_clear_object (&after);

  /* Users the pool has not assigned are passed over. */
  after = unassign (client, lic_pool_get_id (pool), (gint64 *) picked->data, 1, &unassigned,
                    &error);
  g_assert_no_error (error);
  g_assert_cmpint (unassigned, ==, 0);
  g_clear_object (&after);

  /* A pool that does not exist. */
  after = unassign (client, 999999, (gint64 *) picked->data, 1, NULL, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND);
  g_assert_null (after);
}

/* Auto-assignment: linking classes to a pool */

static LicPool *
link_groups (LicClient    *client,
             gint64        pool_id,
             const gint64 *group_ids,
             gsize         n_group_ids,
             gint64       *linked,
             gint64       *assigned,
             GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_link_groups_async (client, pool_id, group_ids, n_group_ids, NULL, store_result,
                                &result);
  return lic_client_link_groups_finish (client, await_result (&result), linked, assigned, error);
}

static LicPool *
unlink_groups (LicClient    *client,
               gint64        pool_id,
               const gint64 *group_ids,
               gsize         n_group_ids,
               gint64       *unlinked,
               GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_unlink_groups_async (client, pool_id, group_ids, n_group_ids, NULL, store_result,
                                  &result);
  return lic_client_unlink_groups_finish (client, await_result (&result), unlinked, error);
}

static void
test_link_groups (void)
{
  /* A server of its own: linking assigns licenses. */
  g_autoptr(LicTestServer) server = lic_test_server_start_demo ();
  g_autoptr(LicClient) client = lic_client_new (lic_test_server_get_url (server));
  g_autoptr(GListModel) pools = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GListModel) group_members = NULL;
  g_autoptr(LicUserQuery) query = NULL;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(LicPool) after = NULL;
  g_autoptr(LicGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gint64 linked = -1, assigned = -1, unlinked = -1, group_id, missing_id = 999999;
  gint64 n_unlicensed = 0;
  const gint64 *ids;
  gsize n_ids;

  g_assert_true (sign_in (client, "demo-school", "demo-school", &error));
  g_assert_no_error (error);

  lic_client_list_pools_async (client, NULL, 0, NULL, store_result, &result);
  pools = lic_client_list_pools_finish (client, await_result (&result), NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  /* A pool, and a class of its school with members the pool has not assigned, as many as fit
   * in its free licenses. */
  query = lic_user_query_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (pools) && group == NULL; i++)
    {
      g_autoptr(LicPool) candidate = g_list_model_get_item (pools, i);
      g_autoptr(GListModel) groups = NULL;
      gint64 n_free = lic_pool_get_available (candidate) - lic_pool_get_assigned (candidate);

      if (n_free <= 0)
        continue;
      lic_client_list_groups_async (client, lic_pool_get_school_id (candidate), NULL,
                                    store_result, &result);
      groups = lic_client_list_groups_finish (client, await_result (&result), &error);
      g_assert_no_error (error);
      g_clear_object (&result);
      query->group_id = 0;
      query->pool_id = lic_pool_get_id (candidate);
      members = all_users (client, query);
      for (guint j = 0; j < g_list_model_get_n_items (groups) && group == NULL; j++)
        {
          g_autoptr(LicGroup) item = g_list_model_get_item (groups, j);

          query->pool_id = 0;
          query->group_id = lic_group_get_id (item);
          group_members = all_users (client, query);
          n_unlicensed = 0;
          for (guint k = 0; k < g_list_model_get_n_items (group_members); k++)
            {
              g_autoptr(LicUser) user = g_list_model_get_item (group_members, k);

              if (!model_has_id (members, lic_user_get_id (user)))
                n_unlicensed++;
            }
          if (n_unlicensed > 0 && n_unlicensed <= n_free)
            {
              group = g_steal_pointer (&item);
              pool = g_object_ref (candidate);
            }
          else
            g_clear_object (&group_members);
        }
      g_clear_object (&members);
    }
  g_assert_nonnull (group);
  group_id = lic_group_get_id (group);

  /* A new pool links nothing and has no one waiting. */
  lic_pool_get_linked_group_ids (pool, &n_ids);
  g_assert_cmpuint (n_ids, ==, 0);
  g_assert_cmpint (lic_pool_get_waiting (pool), ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (group_members), ==,
                    lic_group_get_member_count (group));

  /* Linking gives them licenses at once. */
  after = link_groups (client, lic_pool_get_id (pool), &group_id, 1, &linked, &assigned, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after);
  g_assert_cmpint (linked, ==, 1);
  g_assert_cmpint (assigned, ==, n_unlicensed);
  g_assert_cmpint (lic_pool_get_assigned (after), ==, lic_pool_get_assigned (pool) + n_unlicensed);
  g_assert_cmpint (lic_pool_get_waiting (after), ==, 0);
  ids = lic_pool_get_linked_group_ids (after, &n_ids);
  g_assert_cmpuint (n_ids, ==, 1);
  g_assert_cmpint (ids[0], ==, group_id);
  g_clear_object (&after);

  query->group_id = 0;
  query->pool_id = lic_pool_get_id (pool);
  members = all_users (client, query);
  for (guint i = 0; i < g_list_model_get_n_items (group_members); i++)
    {
      g_autoptr(LicUser) user = g_list_model_get_item (group_members, i);

      g_assert_true (model_has_id (members, lic_user_get_id (user)));
    }

  /* Linked already: nothing changes. */
  after = link_groups (client, lic_pool_get_id (pool), &group_id, 1, &linked, &assigned, &error);
  g_assert_no_error (error);
  g_assert_cmpint (linked, ==, 0);
  g_assert_cmpint (assigned, ==, 0);
  g_assert_cmpint (lic_pool_get_assigned (after), ==, lic_pool_get_assigned (pool) + n_unlicensed);
  g_clear_object (&after);

  /* A group that is not the school's: refused, naming it. */
  after = link_groups (client, lic_pool_get_id (pool), &missing_id, 1, NULL, NULL, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "999999"));
  g_assert_null (after);
  g_clear_error (&error);

  /* Unlinking changes no assignment. */
  after = unlink_groups (client, lic_pool_get_id (pool), &group_id, 1, &unlinked, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unlinked, ==, 1);
  g_assert_cmpint (lic_pool_get_assigned (after), ==, lic_pool_get_assigned (pool) + n_unlicensed);
  lic_pool_get_linked_group_ids (after, &n_ids);
  g_assert_cmpuint (n_ids, ==, 0);
  g_assert_cmpint (lic_pool_get_waiting (after), ==, 0);
  g_clear_object (&after);

  /* Not linked: passed over. */
  after = unlink_groups (client, lic_pool_get_id (pool), &group_id, 1, &unlinked, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unlinked, ==, 0);
  g_clear_object (&after);

  /* A pool that does not exist. */
  after = unlink_groups (client, 999999, &group_id, 1, NULL, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND);
  g_assert_null (after);
}

/* CSV */

static GBytes *
export_users (LicClient           *client,
              const LicUserQuery  *query,
              GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_export_users_async (client, query, NULL, store_result, &result);
  return lic_client_export_users_finish (client, await_result (&result), error);
}

static gboolean
import_users (LicClient   *client,
              const char  *csv,
              gint64      *created,
              gint64      *updated,
              gint64      *unchanged,
              GPtrArray  **row_errors,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));

  lic_client_import_users_async (client, bytes, NULL, store_result, &result);
  return lic_client_import_users_finish (client, await_result (&result), created, updated,
                                         unchanged, row_errors, error);
}

static guint
n_users_found (LicClient  *client,
               const char *text)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LicUserQuery) query = lic_user_query_new (text);
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GError) error = NULL;

  lic_client_list_all_users_async (client, query, NULL, store_result, &result);
  users = lic_client_list_all_users_finish (client, await_result (&result), &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (users);
}

static void
test_csv (void)
{
  /* A server of its own: the imports change the demo data. */
  g_autoptr(LicTestServer) server = lic_test_server_start_demo ();
  g_autoptr(LicClient) client = lic_client_new (lic_test_server_get_url (server));
  g_autoptr(LicUserQuery) query = lic_user_query_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) teachers = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_auto(GStrv) records = NULL;
  const gint64 *school_ids;
  gsize n_school_ids = 0, size = 0;
  gint64 created = -1, updated = -1, unchanged = -1;
  const LicImportRowError *row;
  gboolean ok;

  sign_in (client, "demo-admin", "demo-admin", &error);
  g_assert_no_error (error);
  school_ids = lic_client_get_school_ids (client, &n_school_ids);
  g_assert_cmpuint (n_school_ids, >, 0);

  /* The teachers only, after the header: one record each, ended by CRLF. */
  query->role = LIC_ROLE_TEACHER;
  csv = export_users (client, query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (csv);
  lic_client_list_all_users_async (client, query, NULL, store_result, &result);
  teachers = lic_client_list_all_users_finish (client, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (teachers), >, 0);
  g_clear_object (&result);
  text = g_strndup (g_bytes_get_data (csv, &size), g_bytes_get_size (csv));
  g_assert_cmpuint (strlen (text), ==, size);
  g_assert_true (g_str_has_prefix (text, "id,username,name,email,role,school_id,groups\r\n"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  records = g_strsplit (text, "\r\n", -1);
  /* The header, a record per teacher, and the empty string after the last CRLF. */
  g_assert_cmpuint (g_strv_length (records), ==, 1 + g_list_model_get_n_items (teachers) + 1);
  for (guint i = 1; records[i][0] != '\0'; i++)
    {
      g_autoptr(LicUser) teacher = g_list_model_get_item (teachers, i - 1);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT ",", lic_user_get_id (teacher));

      g_assert_true (g_str_has_prefix (records[i], id));
      g_assert_nonnull (strstr (records[i], ",teacher,"));
    }

  /* A valid file: every user added; the same file again changes nothing. */
  good = g_strdup_printf ("username,name,email,role,school_id,groups\n"
                          "csv.one,\"Ett, Csv\",one@csv.example,student,%" G_GINT64_FORMAT ",CSV-A\n"
                          "csv.two,Csv Två,,teacher,%" G_GINT64_FORMAT ",\n"
                          "csv.three,Csv Tre,three@csv.example,student,%" G_GINT64_FORMAT ",CSV-A;CSV-B\n",
                          school_ids[0], school_ids[0], school_ids[0]);
  ok = import_users (client, good, &created, &updated, &unchanged, &row_errors, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_null (row_errors);
  g_assert_cmpint (created, ==, 3);
  g_assert_cmpint (updated, ==, 0);
  g_assert_cmpint (unchanged, ==, 0);
  g_assert_cmpuint (n_users_found (client, "csv"), ==, 3);

  ok = import_users (client, good, &created, &updated, &unchanged, &row_errors, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (created, ==, 0);
  g_assert_cmpint (updated, ==, 0);
  g_assert_cmpint (unchanged, ==, 3);

  /* Two bad rows: both named by line, and not even the good row is imported. */
  bad = g_strdup_printf ("username,name,email,role,school_id,groups\n"
                         "csv.one,\"Ett, Csv\",one@csv.example,teacher,%" G_GINT64_FORMAT ",\n"
                         "csv.four,Csv Fyra,,janitor,%" G_GINT64_FORMAT ",\n"
                         "csv.five,Csv Fem,,student,%" G_GINT64_FORMAT ",\n"
                         "csv.six,Csv Sex,not an address,student,%" G_GINT64_FORMAT ",\n",
                         school_ids[0], school_ids[0], school_ids[0], school_ids[0]);
  ok = import_users (client, bad, &created, &updated, &unchanged, &row_errors, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_INVALID);
  g_assert_false (ok);
  g_assert_nonnull (row_errors);
  g_assert_cmpuint (row_errors->len, ==, 2);
  row = g_ptr_array_index (row_errors, 0);
  g_assert_cmpint (row->line, ==, 3);
  g_assert_nonnull (strstr (row->message, "janitor"));
  row = g_ptr_array_index (row_errors, 1);
  g_assert_cmpint (row->line, ==, 5);
  g_assert_cmpstr (row->message, !=, "");
  g_assert_cmpuint (n_users_found (client, "csv"), ==, 3);
  g_assert_cmpuint (n_users_found (client, "csv.five"), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&row_errors, g_ptr_array_unref);

  /* An empty file is one error, on line 1. */
  ok = import_users (client, "", &created, &updated, &unchanged, &row_errors, &error);
  g_assert_false (ok);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_INVALID);
  g_assert_nonnull (row_errors);
  g_assert_cmpuint (row_errors->len, ==, 1);
  g_assert_cmpint (((LicImportRowError *) g_ptr_array_index (row_errors, 0))->line, ==, 1);
  g_clear_error (&error);
  g_clear_pointer (&row_errors, g_ptr_array_unref);

  g_assert_finalize_object (g_steal_pointer (&client));
}

/* The Payable and No access lists, and a user's licenses */

static GListModel *
all_pools (LicClient  *client,
           gint64      school_id,
           GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_list_all_pools_async (client, school_id, NULL, store_result, &result);
  return lic_client_list_all_pools_finish (client, await_result (&result), error);
}

static LicUser *
get_user (LicClient   *client,
          gint64       id,
          GListModel **licenses,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_get_user_async (client, id, NULL, store_result, &result);
  return lic_client_get_user_finish (client, await_result (&result), licenses, error);
}

/* The ids of the records of a CSV export, after its header. */
static GArray *
csv_ids (GBytes *csv)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_auto(GStrv) records = g_strsplit (text, "\r\n", -1);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (g_str_has_prefix (records[0], "id,"));
  for (guint i = 1; records[i] != NULL && records[i][0] != '\0'; i++)
    {
      gint64 id = g_ascii_strtoll (records[i], NULL, 10);

      g_array_append_val (ids, id);
    }
  return ids;
}

/* A pool of the first school with at least three users assigned; @users gets them. */
static LicPool *
pool_with_users (LicClient   *client,
                 GListModel **users)
{
  g_autoptr(GListModel) pools = NULL;
  g_autoptr(GError) error = NULL;

  pools = all_pools (client, first_school_id (client), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (pools); i++)
    {
      g_autoptr(LicPool) pool = g_list_model_get_item (pools, i);
      g_autoptr(LicUserQuery) query = lic_user_query_new (NULL);

      if (lic_pool_get_assigned (pool) < 3)
        continue;
      query->pool_id = lic_pool_get_id (pool);
      *users = all_users (client, query);
      g_assert_cmpuint (g_list_model_get_n_items (*users), ==, lic_pool_get_assigned (pool));
      return g_steal_pointer (&pool);
    }
  g_assert_not_reached ();
}

/* POST /test/clock on a server started with --test-clock: the server's rules read @days days
 * after day 0 from then on, and its compliance sweep has run up to then. Day 0 is 70 days before
 * now, 09:00 UTC: the demo, loaded now, has every term end at least 59 days from now, so from day
 * 0 to day 61 no term ends or is in its renewal period, while day 0 still comes after the demo's
 * own assignments, which rank before the users a test assigns. */
static void
set_clock (LicTestServer *server,
           int            days)
{
  /* Taken once, so that a test running over midnight keeps its days. */
  static GDateTime *day_0;
  g_autoptr(GDateTime) then = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *json = NULL;
  g_autofree char *uri = g_strconcat (lic_test_server_get_url (server), "/api/v1/test/clock",
                                      NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("POST", uri);
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  if (day_0 == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) today = g_date_time_new_utc (g_date_time_get_year (now),
                                                        g_date_time_get_month (now),
                                                        g_date_time_get_day_of_month (now),
                                                        9, 0, 0);

      day_0 = g_date_time_add_days (today, -70);
    }
  then = g_date_time_add_days (day_0, days);
  iso = g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
  json = g_strdup_printf ("{\"now\": \"%s\"}", iso);
  request = g_bytes_new (json, strlen (json));

  soup_message_set_request_body_from_bytes (message, "application/json", request);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);
}

/* Buys @quantity licenses of @pool's product for its school with a purchase request, picking
 * @user_ids. */
static void
request_licenses (LicClient *client,
                  LicPool   *pool,
                  gint64     quantity,
                  GArray    *user_ids)
{
  g_autoptr(LicCartLine) line = NULL;
  g_autoptr(LicCart) cart = NULL;
  g_autoptr(LicOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();

  line = add_line (client, lic_pool_get_product_id (pool), lic_pool_get_school_id (pool),
                   quantity, user_ids, NULL, &error);
  g_assert_no_error (error);
  cart = get_cart (client, &error);
  g_assert_no_error (error);
  g_assert_true (lic_cart_get_purchase_request_allowed (cart));
  order = request_purchase (client, key, lic_cart_get_total (cart), &error);
  g_assert_no_error (error);
  g_assert_nonnull (order);
}

/* Through the compliance rules, on a server started with --demo --test-clock: @pool, all of whose
 * licenses are paid, gets one user payable and one without access. On day 0 a purchase request
 * for its free licenses and one more assigns that many students of its school (@requested); on
 * day 10 another, of one license, assigns one more (@suspended). On day 61 the sweep suspends
 * the first request: the user assigned last, @suspended, loses access, and one of @requested
 * stays assigned beyond what is paid. */
static void
make_payable_and_no_access (LicTestServer *server,
                            LicClient     *client,
                            LicPool       *pool,
                            GArray       **requested,
                            gint64        *suspended)
{
  g_autoptr(LicUserQuery) query = lic_user_query_new (NULL);
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GListModel) students = NULL;
  g_autoptr(GListModel) payable = NULL;
  g_autoptr(GArray) last = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListModel) pools = NULL;
  g_autoptr(LicPool) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_free = lic_pool_get_available (pool) - lic_pool_get_assigned (pool);

  g_assert_cmpint (lic_pool_get_payable (pool), ==, 0);
  g_assert_cmpint (n_free, >=, 0);
  *requested = g_array_new (FALSE, FALSE, sizeof (gint64));
  query->pool_id = lic_pool_get_id (pool);
  members = all_users (client, query);
  query->pool_id = 0;
  query->school_id = lic_pool_get_school_id (pool);
  query->role = LIC_ROLE_STUDENT;
  students = all_users (client, query);
  for (guint i = 0; i < g_list_model_get_n_items (students) && last->len == 0; i++)
    {
      g_autoptr(LicUser) student = g_list_model_get_item (students, i);
      gint64 id = lic_user_get_id (student);

      if (model_has_id (members, id))
        continue;
      if ((*requested)->len < (guint) n_free + 1)
        g_array_append_val (*requested, id);
      else
        g_array_append_val (last, id);
    }
  g_assert_cmpuint (last->len, ==, 1);
  *suspended = g_array_index (last, gint64, 0);

  set_clock (server, 0);
  request_licenses (client, pool, n_free + 1, *requested);
  set_clock (server, 10);
  request_licenses (client, pool, 1, last);

  /* Day 10: both requests due; the two assigned last are beyond what is paid. */
  query->school_id = 0;
  query->role = -1;
  query->pool_id = lic_pool_get_id (pool);
  query->list = LIC_USER_LIST_PAYABLE;
  payable = all_users (client, query);
  g_assert_cmpuint (g_list_model_get_n_items (payable), ==, 2);
  g_assert_true (model_has_id (payable, *suspended));

  set_clock (server, 61);
  pools = all_pools (client, lic_pool_get_school_id (pool), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (pools) && after == NULL; i++)
    {
      g_autoptr(LicPool) candidate = g_list_model_get_item (pools, i);

      if (lic_pool_get_id (candidate) == lic_pool_get_id (pool))
        after = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (after);
  g_assert_cmpint (lic_pool_get_no_access (after), ==, 1);
  g_assert_cmpint (lic_pool_get_assigned (after), ==, lic_pool_get_available (pool) + 1);
}

static void
test_list_all_pools (void)
{
  g_autoptr(LicClient) admin = demo_client ("demo-admin");
  g_autoptr(GListStore) paged = list_all (admin, LIST_POOLS, NULL, 200, NULL);
  g_autoptr(GListModel) every = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;
  guint n_by_school = 0;

  /* 0 is every school of the caller: the same pools as the paged list. */
  every = all_pools (admin, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (every), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (paged)));

  /* A school: its pools only, and together every pool once. */
  schools = list_schools (admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (schools), >, 1);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(LicSchool) school = g_list_model_get_item (schools, i);
      g_autoptr(GListModel) pools = all_pools (admin, lic_school_get_id (school), &error);

      g_assert_no_error (error);
      for (guint j = 0; j < g_list_model_get_n_items (pools); j++)
        {
          g_autoptr(LicPool) pool = g_list_model_get_item (pools, j);

          g_assert_cmpint (lic_pool_get_school_id (pool), ==, lic_school_get_id (school));
          g_assert_true (model_has_id (every, lic_pool_get_id (pool)));
        }
      n_by_school += g_list_model_get_n_items (pools);
    }
  g_assert_cmpuint (n_by_school, ==, g_list_model_get_n_items (every));

  g_assert_finalize_object (g_steal_pointer (&admin));
}

static void
test_user_lists (void)
{
  /* A server of its own, with a test clock: the test makes users payable and takes access. */
  const char *args[] = { "--demo", "--test-clock", NULL };
  g_autoptr(LicTestServer) server = lic_test_server_start (args);
  g_autoptr(LicClient) client = client_of (server, "demo-admin");
  g_autoptr(LicUserQuery) query = lic_user_query_new (NULL);
  g_autoptr(GListModel) everyone = NULL;
  g_autoptr(GListModel) payable = NULL;
  g_autoptr(GListModel) no_access = NULL;
  g_autoptr(GListModel) assigned = NULL;
  g_autoptr(GListModel) narrowed = NULL;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(LicUser) suspended_user = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) requested = NULL;
  g_autoptr(GError) error = NULL;
  gint64 suspended = 0;

  everyone = all_users (client, query);
  g_assert_cmpuint (g_list_model_get_n_items (everyone), >, 0);

  /* The demo's pools hold what they assigned and no request is open: both lists are empty,
   * in the list and in its CSV, while the whole list is not. */
  query->list = LIC_USER_LIST_PAYABLE;
  payable = all_users (client, query);
  g_assert_cmpuint (g_list_model_get_n_items (payable), ==, 0);
  csv = export_users (client, query, &error);
  g_assert_no_error (error);
  ids = csv_ids (csv);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  g_clear_pointer (&csv, g_bytes_unref);
  query->list = LIC_USER_LIST_NO_ACCESS;
  no_access = all_users (client, query);
  g_assert_cmpuint (g_list_model_get_n_items (no_access), ==, 0);
  g_clear_object (&payable);
  g_clear_object (&no_access);

  /* Two purchase requests, the first suspended: one user is beyond what is paid, and the one
   * assigned last has no access. */
  pool = pool_with_users (client, &assigned);
  make_payable_and_no_access (server, client, pool, &requested, &suspended);

  query->list = LIC_USER_LIST_PAYABLE;
  payable = all_users (client, query);
  g_assert_cmpuint (g_list_model_get_n_items (payable), ==, 1);
  {
    g_autoptr(LicUser) user = g_list_model_get_item (payable, 0);
    gboolean was_requested = FALSE;

    for (guint i = 0; i < requested->len; i++)
      was_requested |= g_array_index (requested, gint64, i) == lic_user_get_id (user);
    g_assert_true (was_requested);
  }
  csv = export_users (client, query, &error);
  g_assert_no_error (error);
  ids = csv_ids (csv);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_true (model_has_id (payable, g_array_index (ids, gint64, 0)));
  g_clear_pointer (&ids, g_array_unref);
  g_clear_pointer (&csv, g_bytes_unref);

  query->list = LIC_USER_LIST_NO_ACCESS;
  no_access = all_users (client, query);
  g_assert_cmpuint (g_list_model_get_n_items (no_access), ==, 1);
  g_assert_true (model_has_id (no_access, suspended));
  csv = export_users (client, query, &error);
  g_assert_no_error (error);
  ids = csv_ids (csv);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, suspended);

  /* The other filters still apply: the user's own role finds them, another role not. */
  suspended_user = g_list_model_get_item (no_access, 0);
  query->role = lic_user_get_role (suspended_user) == LIC_ROLE_ADMINISTRATOR
                ? LIC_ROLE_STUDENT : LIC_ROLE_ADMINISTRATOR;
  narrowed = all_users (client, query);
  g_assert_cmpuint (g_list_model_get_n_items (narrowed), ==, 0);
  g_clear_object (&narrowed);
  query->role = lic_user_get_role (suspended_user);
  query->school_id = lic_pool_get_school_id (pool);
  narrowed = all_users (client, query);
  g_assert_cmpuint (g_list_model_get_n_items (narrowed), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_get_user (void)
{
  /* A server of its own, with a test clock: the test takes a user's access. */
  const char *args[] = { "--demo", "--test-clock", NULL };
  g_autoptr(LicTestServer) server = lic_test_server_start (args);
  g_autoptr(LicClient) client = client_of (server, "demo-admin");
  g_autoptr(LicClient) school_admin = client_of (server, "demo-school");
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(GListModel) assigned = NULL;
  g_autoptr(GListModel) pools = NULL;
  g_autoptr(LicUser) someone = NULL;
  g_autoptr(LicUser) user = NULL;
  g_autoptr(GListModel) licenses = NULL;
  g_autoptr(GArray) requested = NULL;
  g_autoptr(GError) error = NULL;
  gint64 suspended = 0;
  gsize n_school_ids = 0;
  guint n_expected = 0;
  gboolean found = FALSE;

  pool = pool_with_users (client, &assigned);
  someone = g_list_model_get_item (assigned, 0);

  /* The user as the list has them, and a license of every pool that assigns them, by
   * product name. */
  user = get_user (client, lic_user_get_id (someone), &licenses, &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);
  g_assert_cmpint (lic_user_get_id (user), ==, lic_user_get_id (someone));
  g_assert_cmpstr (lic_user_get_name (user), ==, lic_user_get_name (someone));
  g_assert_cmpstr (lic_user_get_username (user), ==, lic_user_get_username (someone));
  g_assert_cmpint (lic_user_get_school_id (user), ==, lic_user_get_school_id (someone));
  g_assert_cmpstrv (lic_user_get_groups (user), lic_user_get_groups (someone));
  g_assert_true (g_list_model_get_item_type (licenses) == LIC_TYPE_USER_LICENSE);

  pools = all_pools (client, lic_user_get_school_id (user), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (pools); i++)
    {
      g_autoptr(LicPool) candidate = g_list_model_get_item (pools, i);
      g_autoptr(LicUserQuery) query = lic_user_query_new (NULL);
      g_autoptr(GListModel) members = NULL;

      query->pool_id = lic_pool_get_id (candidate);
      members = all_users (client, query);
      if (model_has_id (members, lic_user_get_id (user)))
        n_expected++;
    }
  g_assert_cmpuint (n_expected, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, n_expected);
  for (guint i = 0; i < g_list_model_get_n_items (licenses); i++)
    {
      g_autoptr(LicUserLicense) license = g_list_model_get_item (licenses, i);

      g_assert_cmpint (lic_user_license_get_school_id (license), ==,
                       lic_user_get_school_id (user));
      g_assert_cmpint (lic_user_license_get_product_id (license), >, 0);
      g_assert_nonnull (lic_user_license_get_assigned_at (license));
      g_assert_cmpint (lic_user_license_get_state (license), ==, LIC_LICENSE_STATE_ACTIVE);
      if (i > 0)
        {
          g_autoptr(LicUserLicense) before = g_list_model_get_item (licenses, i - 1);

          g_assert_cmpint (g_utf8_collate (lic_user_license_get_product_name (before),
                                           lic_user_license_get_product_name (license)), <=, 0);
        }
      if (lic_user_license_get_pool_id (license) == lic_pool_get_id (pool))
        {
          g_assert_cmpstr (lic_user_license_get_product_name (license), ==,
                           lic_pool_get_product_name (pool));
          g_assert_cmpint (lic_user_license_get_product_id (license), ==,
                           lic_pool_get_product_id (pool));
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_clear_object (&user);
  g_clear_object (&licenses);

  /* A license suspended for late payment says so; the requested one kept stays active. */
  make_payable_and_no_access (server, client, pool, &requested, &suspended);
  for (guint u = 0; u < 2; u++)
    {
      gint64 user_id = u == 0 ? suspended : g_array_index (requested, gint64, 0);
      LicLicenseState expected = u == 0 ? LIC_LICENSE_STATE_NO_ACCESS : LIC_LICENSE_STATE_ACTIVE;

      user = get_user (client, user_id, &licenses, &error);
      g_assert_no_error (error);
      g_assert_cmpint (lic_user_get_id (user), ==, user_id);
      found = FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (licenses); i++)
        {
          g_autoptr(LicUserLicense) license = g_list_model_get_item (licenses, i);

          if (lic_user_license_get_pool_id (license) == lic_pool_get_id (pool))
            {
              g_assert_cmpint (lic_user_license_get_state (license), ==, expected);
              found = TRUE;
            }
        }
      g_assert_true (found);
      g_clear_object (&user);
      g_clear_object (&licenses);
    }

  /* An id of no user, and a user of a school the school admin does not manage. */
  user = get_user (client, 999999, &licenses, &error);
  g_assert_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND);
  g_assert_null (user);
  g_assert_null (licenses);
  g_clear_error (&error);
  lic_client_get_school_ids (school_admin, &n_school_ids);
  g_assert_cmpuint (n_school_ids, ==, 1);
  {
    g_autoptr(LicUserQuery) query = lic_user_query_new (NULL);
    g_autoptr(GListModel) everyone = all_users (client, query);
    gint64 outsider = 0;

    for (guint i = 0; i < g_list_model_get_n_items (everyone) && outsider == 0; i++)
      {
        g_autoptr(LicUser) other = g_list_model_get_item (everyone, i);

        if (lic_user_get_school_id (other)
            != lic_client_get_school_ids (school_admin, &n_school_ids)[0])
          outsider = lic_user_get_id (other);
      }
    g_assert_cmpint (outsider, >, 0);
    user = get_user (school_admin, outsider, NULL, &error);
    g_assert_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND);
    g_assert_null (user);
  }

  g_assert_finalize_object (g_steal_pointer (&client));
  g_assert_finalize_object (g_steal_pointer (&school_admin));
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
  g_test_add_func ("/client/canned-events", test_canned_events);
  g_test_add_func ("/client/list-suppliers", test_list_suppliers);
  g_test_add_func ("/client/filter-products", test_filter_products);
  g_test_add_func ("/client/product-schools", test_product_schools);
  g_test_add_func ("/client/groups-and-school-users", test_groups_and_school_users);
  g_test_add_func ("/client/cart", test_cart);
  g_test_add_func ("/client/checkout", test_checkout);
  g_test_add_func ("/client/events", test_events);
  g_test_add_func ("/client/activation", test_activation);
  g_test_add_func ("/client/assignments", test_assignments);
  g_test_add_func ("/client/link-groups", test_link_groups);
  g_test_add_func ("/client/csv", test_csv);
  g_test_add_func ("/client/list-all-pools", test_list_all_pools);
  g_test_add_func ("/client/user-lists", test_user_lists);
  g_test_add_func ("/client/get-user", test_get_user);

  status = g_test_run ();
  g_clear_pointer (&demo_server, lic_test_server_stop);
  return status;
}
