/* lic-order-line.h: One line of an order, and where its licenses are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-core.h"
#include "lic-client-enums.h"
#include "lic-client-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_ORDER_LINE (lic_order_line_get_type ())

G_DECLARE_FINAL_TYPE (LicOrderLine, lic_order_line, LIC, ORDER_LINE, GObject)

LicOrderLine *lic_order_line_new_from_json (JsonObject  *object,
                                             GError     **error);
gint64            lic_order_line_get_id (LicOrderLine *self);
gint64            lic_order_line_get_product_id (LicOrderLine *self);
const char       *lic_order_line_get_product_name (LicOrderLine *self);
gint64            lic_order_line_get_school_id (LicOrderLine *self);
const char       *lic_order_line_get_school_name (LicOrderLine *self);
gint64            lic_order_line_get_quantity (LicOrderLine *self);
LicDelivery       lic_order_line_get_delivery (LicOrderLine *self);
LicOrderLineState lic_order_line_get_state (LicOrderLine *self);
const char       *lic_order_line_get_state_since (LicOrderLine *self);
gint64            lic_order_line_get_assigned (LicOrderLine *self);
const char       *lic_order_line_get_activation_email (LicOrderLine *self);
const char       *lic_order_line_get_status_text (LicOrderLine *self);

G_END_DECLS
