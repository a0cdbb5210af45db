/* lic-order.h: An order made at checkout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-core.h"
#include "lic-client-enums.h"
#include "lic-client-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_ORDER (lic_order_get_type ())

G_DECLARE_FINAL_TYPE (LicOrder, lic_order, LIC, ORDER, GObject)

LicOrder *lic_order_new_from_json (JsonObject  *object,
                                    GError     **error);
gint64      lic_order_get_id (LicOrder *self);
const char *lic_order_get_created_at (LicOrder *self);
const char *lic_order_get_payment (LicOrder *self);
gint64      lic_order_get_total (LicOrder *self);
const char *lic_order_get_currency (LicOrder *self);
GListModel *lic_order_get_lines (LicOrder *self);

G_END_DECLS
