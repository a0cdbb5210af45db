/* lic-cart-view.h: the licenses about to be bought, with each line's delivery type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-page.h"

G_BEGIN_DECLS

#define LIC_TYPE_CART_VIEW (lic_cart_view_get_type ())

G_DECLARE_FINAL_TYPE (LicCartView, lic_cart_view, LIC, CART_VIEW, LicPage)

G_END_DECLS
