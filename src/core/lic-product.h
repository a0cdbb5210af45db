/* lic-product.h: A product (tool) of the library, with its price in the caller's currency.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-enums.h"
#include "lic-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_PRODUCT (lic_product_get_type ())

G_DECLARE_FINAL_TYPE (LicProduct, lic_product, LIC, PRODUCT, GObject)

LicProduct *lic_product_new_from_json (JsonObject   *object,
                                 GError      **error);
void lic_product_to_json (LicProduct *self,
                        JsonBuilder *builder);

gint64 lic_product_get_id (LicProduct *self);
const char *lic_product_get_name (LicProduct *self);
const char *lic_product_get_supplier (LicProduct *self);
gint64 lic_product_get_supplier_id (LicProduct *self);
const char *lic_product_get_description (LicProduct *self);
const char * const *lic_product_get_subjects (LicProduct *self);
const char * const *lic_product_get_grades (LicProduct *self);
LicLicenseModel lic_product_get_license_model (LicProduct *self);
gint64 lic_product_get_price (LicProduct *self);
const char *lic_product_get_currency (LicProduct *self);
gint64 lic_product_get_term_months (LicProduct *self);
LicDelivery lic_product_get_delivery (LicProduct *self);

G_END_DECLS
