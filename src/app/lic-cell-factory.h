/* lic-cell-factory.h: GtkColumnView cells that show one line of text about their item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Returns the text of the cell for @item, newly allocated. */
typedef char *(*LicCellTextFunc) (gpointer item);

/* The same, for a text that depends on @user_data too. */
typedef char *(*LicCellTextDataFunc) (gpointer item,
                                      gpointer user_data);

void lic_column_set_text_func      (GtkColumnViewColumn *column,
                                    LicCellTextFunc      text_func);
void lic_column_set_text_data_func (GtkColumnViewColumn *column,
                                    LicCellTextDataFunc  text_func,
                                    gpointer             user_data);

G_END_DECLS
