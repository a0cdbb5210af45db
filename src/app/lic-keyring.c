/* lic-keyring.c
 *
 * One secret per server: the token of the last session signed in to it, so the next start needs
 * no password. A keyring that is missing or locked is not an error worth showing: the app then
 * asks for the password as it would anyway, so failures are only logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "lic-keyring.h"

static const SecretSchema *
session_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Session", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_debug ("Could not keep the session in the keyring: %s", error->message);
}

/**
 * lic_keyring_store_token:
 * @server_url: the server's base URL
 * @username: who signed in, for the keyring's label
 * @token: the session's bearer token
 *
 * Keeps @token for @server_url in the background, replacing the one kept before.
 */
void
lic_keyring_store_token (const char *server_url,
                         const char *username,
                         const char *token)
{
  g_autofree char *label = NULL;

  g_return_if_fail (server_url != NULL);
  g_return_if_fail (username != NULL);
  g_return_if_fail (token != NULL);

  /* TRANSLATORS: the label of the app's secret in the keyring (Passwords and Keys); %s is a
   * username, then a server address */
  label = g_strdup_printf (_("Licentia session of %s at %s"), username, server_url);
  secret_password_store (session_schema (), SECRET_COLLECTION_DEFAULT, label, token, NULL,
                         stored_cb, NULL,
                         "server", server_url,
                         NULL);
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *token = secret_password_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (error != NULL)
    g_debug ("Could not read the keyring: %s", error->message);
  g_task_return_pointer (task, token, g_free);
}

/**
 * lic_keyring_lookup_token_async:
 * @server_url: the server's base URL
 *
 * Looks for the token kept for @server_url.
 */
void
lic_keyring_lookup_token_async (const char          *server_url,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (server_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lic_keyring_lookup_token_async);
  secret_password_lookup (session_schema (), cancellable, looked_up_cb, g_steal_pointer (&task),
                          "server", server_url,
                          NULL);
}

/**
 * lic_keyring_lookup_token_finish:
 *
 * Returns: (transfer full) (nullable): the token, or %NULL when none is kept or the keyring
 *   cannot be read; then @error is set only when the lookup was cancelled
 */
char *
lic_keyring_lookup_token_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_debug ("Could not remove the session from the keyring: %s", error->message);
}

/**
 * lic_keyring_clear_token:
 * @server_url: the server's base URL
 *
 * Forgets the token of @server_url, in the background: after signing out, or when the server
 * no longer knows it.
 */
void
lic_keyring_clear_token (const char *server_url)
{
  g_return_if_fail (server_url != NULL);

  secret_password_clear (session_schema (), NULL, cleared_cb, NULL,
                         "server", server_url,
                         NULL);
}
