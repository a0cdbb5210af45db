/* test-client-tls.c: LicClient against a licentia-server that serves HTTPS alone.
 *
 * The server's certificate is self-signed, made at test time; the client trusts it as an
 * administrator's machine would trust a private CA: through GIO's default TLS database, which
 * LicClient's sessions use (on a desktop, the system's CA store).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "lic-client.h"
#include "lic-test-server.h"

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
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lic_client_sign_in_async (client, "demo-admin", "demo-admin", NULL, store_result, &result);
  return lic_client_sign_in_finish (client, await_result (&result), error);
}

static void
test_https (void)
{
  g_autoptr(LicTestServer) server = NULL;
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(LicClient) stranger = NULL;
  g_autoptr(LicClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("licentia-tls-XXXXXX", &error);
  g_autofree char *certificate = NULL;
  g_autofree char *key = NULL;
  g_autofree char *url = NULL;

  g_assert_no_error (error);
  lic_test_make_certificate (folder, &certificate, &key);
  {
    const char *args[] = { "--demo", "--tls-certificate", certificate, "--tls-key", key, NULL };

    server = lic_test_server_start (args);
  }

  /* An https address stays https, even on loopback. */
  url = lic_client_normalize_url (lic_test_server_get_url (server), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, lic_test_server_get_url (server));
  g_assert_true (g_str_has_prefix (url, "https://127.0.0.1:"));

  /* A certificate no CA vouches for is refused. */
  stranger = lic_client_new (url);
  g_assert_false (sign_in (stranger, &error));
  g_assert_error (error, LIC_ERROR, LIC_ERROR_NETWORK);
  g_test_message ("Untrusted: %s", error->message);
  g_clear_error (&error);

  database = g_tls_file_database_new (certificate, &error);
  g_assert_no_error (error);
  g_tls_backend_set_default_database (g_tls_backend_get_default (), database);

  client = lic_client_new (url);
  g_assert_true (sign_in (client, &error));
  g_assert_no_error (error);
  g_assert_true (lic_client_get_signed_in (client));
  lic_client_list_schools_async (client, NULL, store_result, &result);
  schools = lic_client_list_schools_finish (client, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 2);

  g_tls_backend_set_default_database (g_tls_backend_get_default (), NULL);
  g_clear_object (&client);
  g_clear_object (&stranger);
  g_clear_pointer (&server, lic_test_server_stop);
  g_unlink (certificate);
  g_unlink (key);
  g_rmdir (folder);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/tls/https", test_https);

  return g_test_run ();
}
