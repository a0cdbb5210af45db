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

typedef struct
{
  LicCellTextFunc text_func;
  LicCellTextDataFunc text_data_func;
  gpointer user_data;
} CellText;

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  CellText *cell_text = user_data;
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *text = cell_text->text_func != NULL
                          ? cell_text->text_func (item)
                          : cell_text->text_data_func (item, cell_text->user_data);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), text);
}

/**
 * lic_column_set_text_func:
 * @column: a column of a GtkColumnView
 * @text_func: makes the text of the column's cell for an item
 *
 * Gives @column cells that show one line of text, ellipsized when it does not fit.
 */
static void
set_cell_text (GtkColumnViewColumn *column,
               CellText            *cell_text)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cb), cell_text,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_column_view_column_set_factory (column, factory);
}

void
lic_column_set_text_func (GtkColumnViewColumn *column,
                          LicCellTextFunc      text_func)
{
  CellText *cell_text;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (text_func != NULL);

  cell_text = g_new0 (CellText, 1);
  cell_text->text_func = text_func;
  set_cell_text (column, cell_text);
}

/**
 * lic_column_set_text_data_func:
 * @column: a column of a GtkColumnView
 * @text_func: makes the text of the column's cell for an item and @user_data
 * @user_data: (nullable): passed to @text_func; it must outlive @column's factory
 *
 * Like lic_column_set_text_func(). Set it again when what @user_data says changes: the
 * column's cells are made anew.
 */
void
lic_column_set_text_data_func (GtkColumnViewColumn *column,
                               LicCellTextDataFunc  text_func,
                               gpointer             user_data)
{
  CellText *cell_text;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (text_func != NULL);

  cell_text = g_new0 (CellText, 1);
  cell_text->text_data_func = text_func;
  cell_text->user_data = user_data;
  set_cell_text (column, cell_text);
}
