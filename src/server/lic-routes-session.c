/* lic-routes-session.c: signing in and out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-i18n.h"
#include "lic-password.h"
#include "lic-routes-private.h"

#define SESSION_LIFETIME_S (30 * 24 * 60 * 60)

/* One answer for every failed sign-in, so that it never tells which usernames exist or which
 * accounts may sign in. */

/* Session lifetimes follow the wall clock, not lic_clock_now(): a test that moves the clock
 * 60 days ahead stays signed in. */
static gint64
wall_clock_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The members of a session's answer besides the token: the user, with the schools they may
 * act on, and their organization. */
static void
add_session (JsonBuilder     *builder,
             const LicCaller *caller)
{
  JsonNode *user = lic_routes_to_node (caller->user, (LicToJsonFunc) lic_user_to_json);
  JsonObject *object = json_node_get_object (user);
  JsonArray *school_ids = json_array_sized_new (caller->school_ids->len);

  for (guint i = 0; i < caller->school_ids->len; i++)
    json_array_add_int_element (school_ids, g_array_index (caller->school_ids, gint64, i));
  json_object_set_string_member (object, "admin_scope",
                                 lic_enum_to_nick (LIC_TYPE_ADMIN_SCOPE, caller->admin_scope));
  json_object_set_array_member (object, "school_ids", school_ids);

  json_builder_set_member_name (builder, "user");
  json_builder_add_value (builder, user);
  json_builder_set_member_name (builder, "organization");
  lic_organization_to_json (caller->organization, builder);
}

/* POST /session */
gboolean
lic_routes_session_create (LicRequest  *request,
                           GError     **error)
{
  LicStore *store = lic_request_get_store (request);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *password_hash = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  g_autoptr(LicCaller) caller = NULL;
  const char *username;
  const char *password;
  gint64 user_id = 0;
  gint64 now = wall_clock_seconds ();

  if (!lic_routes_get_member (request, "username", &username, error)
      || !lic_routes_get_member (request, "password", &password, error))
    return FALSE;

  if (!lic_store_find_login (store, username, &user_id, &password_hash, &local_error)
      && !g_error_matches (local_error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Checked even without an account, which then takes as long as a wrong password. */
  if (!lic_password_verify (password_hash, password))
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED,
                           _("The username or password is wrong."));
      return FALSE;
    }

  token = lic_token_new (error);
  if (token == NULL)
    return FALSE;
  token_hash = lic_token_hash (token);
  if (!lic_store_create_session (store, user_id, token_hash, now, now + SESSION_LIFETIME_S, error))
    return FALSE;
  caller = lic_store_lookup_session (store, token_hash, now, error);
  if (caller == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  add_session (builder, caller);
  json_builder_end_object (builder);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* GET /session */
gboolean
lic_routes_session_get (LicRequest  *request,
                        GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_session (builder, lic_request_get_caller (request));
  json_builder_end_object (builder);
  lic_request_respond (request, 200, builder);
  return TRUE;
}

/* DELETE /session */
gboolean
lic_routes_session_delete (LicRequest  *request,
                           GError     **error)
{
  g_autofree char *token_hash = lic_token_hash (lic_request_get_token (request));

  if (!lic_store_delete_session (lic_request_get_store (request), token_hash, error))
    return FALSE;
  lic_request_respond_empty (request, 204);
  return TRUE;
}
