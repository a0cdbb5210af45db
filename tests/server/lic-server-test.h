/* lic-server-test.h: HTTP against a real licentia-server, for the server suites.
 *
 * Requests go out with libsoup's synchronous API; every answer is read whole and, when it has
 * a body, parsed as JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lic-core.h"
#include "lic-test-server.h"

G_BEGIN_DECLS

typedef struct
{
  guint status;
  SoupMessageHeaders *headers;
  JsonNode *root;                   /* NULL for an empty body */
  guint64 connection_id;            /* the same for requests sent on one connection */
} LicReply;

SoupMessage *lic_message_new       (LicTestServer *server,
                                    const char    *method,
                                    const char    *path,
                                    const char    *token);
LicReply    *lic_send              (SoupMessage   *message);
LicReply    *lic_get               (LicTestServer *server,
                                    const char    *token,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (3, 4);
LicReply    *lic_post_json         (LicTestServer *server,
                                    const char    *path,
                                    const char    *token,
                                    const char    *json);
LicReply    *lic_send_json         (LicTestServer *server,
                                    const char    *method,
                                    const char    *path,
                                    const char    *token,
                                    const char    *json);
char        *lic_sign_in           (LicTestServer *server,
                                    const char    *username,
                                    const char    *password);
JsonObject  *lic_reply_object      (LicReply      *reply);
JsonArray   *lic_reply_items       (LicReply      *reply);
const char  *lic_reply_next_cursor (LicReply      *reply);
const char  *lic_reply_error_code  (LicReply      *reply);
const char  *lic_reply_error_message (LicReply    *reply);
void         lic_reply_free        (LicReply      *reply);

GPtrArray   *lic_list_all          (LicTestServer *server,
                                    const char    *token,
                                    const char    *path,
                                    guint          limit,
                                    guint         *n_pages);
gboolean     lic_strv_has          (JsonArray     *array,
                                    const char    *value);
gint64       lic_find_id           (LicTestServer *server,
                                    const char    *token,
                                    const char    *path,
                                    const char    *name);

LicReply    *lic_add_cart_line     (LicTestServer *server,
                                    const char    *token,
                                    gint64         product_id,
                                    gint64         school_id,
                                    gint64         quantity,
                                    const char    *picks);
JsonObject  *lic_check_out         (LicTestServer *server,
                                    const char    *token);
JsonObject  *lic_buy               (LicTestServer *server,
                                    const char    *token,
                                    const char    *product,
                                    const char    *school,
                                    gint64         quantity);
JsonObject  *lic_order_line        (JsonObject    *order,
                                    guint          index);

gint64       lic_db_query_int      (const char    *database,
                                    const char    *sql);
void         lic_db_exec           (const char    *database,
                                    const char    *sql);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicReply, lic_reply_free)

/* Asserts the status and, for an error, the code of @reply. */
#define lic_assert_reply(reply, status_, code_) \
  G_STMT_START { \
    g_assert_cmpuint ((reply)->status, ==, (status_)); \
    if ((code_) != NULL) \
      g_assert_cmpstr (lic_reply_error_code (reply), ==, (code_)); \
  } G_STMT_END

G_END_DECLS
