/* lic-cart-row.h: one line of the cart, and what can be changed on it.
 *
 * The row changes its line on the server itself: the quantity (sent a moment after the
 * last change), the users picked (through LicUserPicker) and its removal. The client then
 * emits "cart-changed", and the cart view gives the row its line as the server has it now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lic-client.h"

G_BEGIN_DECLS

#define LIC_TYPE_CART_ROW (lic_cart_row_get_type ())

G_DECLARE_FINAL_TYPE (LicCartRow, lic_cart_row, LIC, CART_ROW, GtkListBoxRow)

GtkWidget   *lic_cart_row_new      (LicClient   *client,
                                    LicCartLine *line);
LicCartLine *lic_cart_row_get_line (LicCartRow  *self);
void         lic_cart_row_set_line (LicCartRow  *self,
                                    LicCartLine *line);

G_END_DECLS
