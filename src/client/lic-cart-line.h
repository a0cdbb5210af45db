/* lic-cart-line.h: One line of the cart: licenses of one product for one school.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-core.h"
#include "lic-client-enums.h"
#include "lic-client-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_CART_LINE (lic_cart_line_get_type ())

G_DECLARE_FINAL_TYPE (LicCartLine, lic_cart_line, LIC, CART_LINE, GObject)

LicCartLine *lic_cart_line_new_from_json (JsonObject  *object,
                                           GError     **error);
gint64        lic_cart_line_get_id (LicCartLine *self);
gint64        lic_cart_line_get_product_id (LicCartLine *self);
const char   *lic_cart_line_get_product_name (LicCartLine *self);
const char   *lic_cart_line_get_supplier (LicCartLine *self);
gint64        lic_cart_line_get_school_id (LicCartLine *self);
const char   *lic_cart_line_get_school_name (LicCartLine *self);
gint64        lic_cart_line_get_quantity (LicCartLine *self);
LicDelivery   lic_cart_line_get_delivery (LicCartLine *self);
gint64        lic_cart_line_get_unit_price (LicCartLine *self);
gint64        lic_cart_line_get_line_total (LicCartLine *self);
const char   *lic_cart_line_get_currency (LicCartLine *self);
gint64        lic_cart_line_get_term_months (LicCartLine *self);
const gint64 *lic_cart_line_get_user_ids (LicCartLine *self,
                                          gsize       *n_user_ids);
const gint64 *lic_cart_line_get_group_ids (LicCartLine *self,
                                           gsize       *n_group_ids);
gint64        lic_cart_line_get_assigned_count (LicCartLine *self);
gboolean      lic_cart_line_get_can_assign_in_advance (LicCartLine *self);

G_END_DECLS
