/* lic-product-card.h: one product in the library grid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lic-core.h"

G_BEGIN_DECLS

#define LIC_TYPE_PRODUCT_CARD (lic_product_card_get_type ())

G_DECLARE_FINAL_TYPE (LicProductCard, lic_product_card, LIC, PRODUCT_CARD, AdwBin)

LicProduct *lic_product_card_get_product (LicProductCard *self);
void        lic_product_card_set_product (LicProductCard *self,
                                          LicProduct     *product);

G_END_DECLS
