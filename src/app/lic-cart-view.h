/* lic-cart-view.h: the licenses about to be bought, with each line's delivery type.
 *
 * The view loads the cart whenever its client changes it, shown or not, so "line-count" is
 * always current for the Cart badge. Checking out asks for confirmation, naming what each
 * line delivers and when, then emits "checked-out" with the order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-page.h"

G_BEGIN_DECLS

#define LIC_TYPE_CART_VIEW (lic_cart_view_get_type ())

G_DECLARE_FINAL_TYPE (LicCartView, lic_cart_view, LIC, CART_VIEW, LicPage)

guint    lic_cart_view_get_line_count (LicCartView *self);
LicCart *lic_cart_view_get_cart       (LicCartView *self);

G_END_DECLS
