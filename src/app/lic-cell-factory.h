/* lic-cell-factory.h: GtkColumnView cells that show one line of text about their item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Returns the text of the cell for @item, newly allocated. */
typedef char *(*LicCellTextFunc) (gpointer item);

void lic_column_set_text_func (GtkColumnViewColumn *column,
                               LicCellTextFunc      text_func);

G_END_DECLS
