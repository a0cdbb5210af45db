/* lic-client-json.h: reading the members of the API's JSON that src/core has no reader for.
 *
 * Like lic-json.h, every reader fails with LIC_ERROR_PARSE naming the member.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef gpointer (*LicFromJsonFunc) (JsonObject  *object,
                                     GError     **error);

gboolean lic_client_json_get_bool   (JsonObject       *object,
                                     const char       *member,
                                     gboolean          required,
                                     gboolean         *out,
                                     GError          **error);
gboolean lic_client_json_get_ids    (JsonObject       *object,
                                     const char       *member,
                                     gboolean          required,
                                     GArray          **out,
                                     GError          **error);
gboolean lic_client_json_get_list   (JsonObject       *object,
                                     const char       *member,
                                     gboolean          required,
                                     GType             item_type,
                                     LicFromJsonFunc   from_json,
                                     GListModel      **out,
                                     GError          **error);
void     lic_client_json_add_ids    (JsonBuilder      *builder,
                                     const char       *member,
                                     const gint64     *ids,
                                     gsize             n_ids);

G_END_DECLS
