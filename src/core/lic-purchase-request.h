/* lic-purchase-request.h: Licenses got now and paid later: one line of a purchase-request checkout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-enums.h"
#include "lic-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_PURCHASE_REQUEST (lic_purchase_request_get_type ())

G_DECLARE_FINAL_TYPE (LicPurchaseRequest, lic_purchase_request, LIC, PURCHASE_REQUEST, GObject)

LicPurchaseRequest *lic_purchase_request_new_from_json (JsonObject  *object,
                                                       GError     **error);
void lic_purchase_request_to_json (LicPurchaseRequest *self,
                                  JsonBuilder *builder);

gint64 lic_purchase_request_get_id (LicPurchaseRequest *self);
gint64 lic_purchase_request_get_product_id (LicPurchaseRequest *self);
const char *lic_purchase_request_get_product_name (LicPurchaseRequest *self);
gint64 lic_purchase_request_get_school_id (LicPurchaseRequest *self);
const char *lic_purchase_request_get_school_name (LicPurchaseRequest *self);
gint64 lic_purchase_request_get_pool_id (LicPurchaseRequest *self);
gint64 lic_purchase_request_get_quantity (LicPurchaseRequest *self);
const char *lic_purchase_request_get_created_at (LicPurchaseRequest *self);
const char *lic_purchase_request_get_late_on (LicPurchaseRequest *self);
const char *lic_purchase_request_get_due_at (LicPurchaseRequest *self);
LicRequestState lic_purchase_request_get_state (LicPurchaseRequest *self);
gint64 lic_purchase_request_get_order_line_id (LicPurchaseRequest *self);
gint64 lic_purchase_request_get_paid_order_id (LicPurchaseRequest *self);
const char *lic_purchase_request_get_paid_at (LicPurchaseRequest *self);
gint64 lic_purchase_request_get_price (LicPurchaseRequest *self);
const char *lic_purchase_request_get_currency (LicPurchaseRequest *self);

G_END_DECLS
