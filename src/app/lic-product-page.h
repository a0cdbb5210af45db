/* lic-product-page.h: one product of the library in full.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-page.h"

G_BEGIN_DECLS

#define LIC_TYPE_PRODUCT_PAGE (lic_product_page_get_type ())

G_DECLARE_FINAL_TYPE (LicProductPage, lic_product_page, LIC, PRODUCT_PAGE, LicPage)

LicProduct *lic_product_page_get_product (LicProductPage *self);
void        lic_product_page_set_product (LicProductPage *self,
                                          LicProduct     *product);
void        lic_product_page_show_product_id (LicProductPage *self,
                                              gint64          product_id);

G_END_DECLS
