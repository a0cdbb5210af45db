/* lic-cart.h: The signed-in administrator's cart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-core.h"
#include "lic-client-enums.h"
#include "lic-client-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_CART (lic_cart_get_type ())

G_DECLARE_FINAL_TYPE (LicCart, lic_cart, LIC, CART, GObject)

LicCart *lic_cart_new_from_json (JsonObject  *object,
                                  GError     **error);
GListModel *lic_cart_get_lines (LicCart *self);
gint64      lic_cart_get_line_count (LicCart *self);
gint64      lic_cart_get_total (LicCart *self);
const char *lic_cart_get_currency (LicCart *self);
gboolean    lic_cart_get_purchase_request_allowed (LicCart *self);
const char *lic_cart_get_purchase_request_reason (LicCart *self);

G_END_DECLS
