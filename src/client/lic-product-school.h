/* lic-product-school.h: One school's licenses of a product, and its orders of it, as
 * GET /products/{id} gives them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lic-core.h"
#include "lic-client-enums.h"
#include "lic-client-enum-types.h"

G_BEGIN_DECLS

#define LIC_TYPE_PRODUCT_SCHOOL (lic_product_school_get_type ())

G_DECLARE_FINAL_TYPE (LicProductSchool, lic_product_school, LIC, PRODUCT_SCHOOL, GObject)

LicProductSchool *lic_product_school_new_from_json (JsonObject  *object,
                                                     GError     **error);
gint64      lic_product_school_get_school_id (LicProductSchool *self);
const char *lic_product_school_get_school_name (LicProductSchool *self);
gint64      lic_product_school_get_pool_id (LicProductSchool *self);
gint64      lic_product_school_get_assigned (LicProductSchool *self);
gint64      lic_product_school_get_available (LicProductSchool *self);
gint64      lic_product_school_get_payable (LicProductSchool *self);
gint64      lic_product_school_get_to_renew (LicProductSchool *self);
gint64      lic_product_school_get_no_access (LicProductSchool *self);
GListModel *lic_product_school_get_order_lines (LicProductSchool *self);
gint64      lic_product_school_get_capacity (LicProductSchool *self);
gint64      lic_product_school_get_renewed (LicProductSchool *self);
const char *lic_product_school_get_phase (LicProductSchool *self);
const char *lic_product_school_get_term_end (LicProductSchool *self);
const char *lic_product_school_get_renewal_starts (LicProductSchool *self);
GListModel *lic_product_school_get_notices (LicProductSchool *self);

G_END_DECLS
