/* lic-cell-factory.c
 *
 * The text comes from a function rather than a GtkExpression because most columns format
 * their value (counts, dates, codes in words); the items never change once loaded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-cell-factory.h"

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 6);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 16);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, inscription);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  LicCellTextFunc text_func = (LicCellTextFunc) user_data;
  g_autofree char *text = text_func (gtk_list_item_get_item (list_item));

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), text);
}

/**
 * lic_column_set_text_func:
 * @column: a column of a GtkColumnView
 * @text_func: makes the text of the column's cell for an item
 *
 * Gives @column cells that show one line of text, ellipsized when it does not fit.
 */
void
lic_column_set_text_func (GtkColumnViewColumn *column,
                          LicCellTextFunc      text_func)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (text_func != NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), (gpointer) text_func);
  gtk_column_view_column_set_factory (column, factory);
}
