/* lic-filter.c
 *
 * A filter of objects keeps their names in its GtkStringList and their ids beside it, on the
 * drop-down. New objects replace the old ones in the same string list, so a filter showing
 * "any" keeps its choice, and tells nobody, when they arrive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-filter.h"

#define IDS_KEY "lic-filter-ids"

/**
 * lic_filter_row_init:
 * @filters: the flow box holding a view's filters
 *
 * The drop-downs take the focus; the flow box's cells need not.
 */
void
lic_filter_row_init (GtkFlowBox *filters)
{
  g_return_if_fail (GTK_IS_FLOW_BOX (filters));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (filters));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

/**
 * lic_filter_set_codes:
 * @dropdown: a filter
 * @any: the text of the first item, which means "any"
 * @code_at: the code at an index, %NULL past the last
 * @code_to_text: the text of a code, for people
 *
 * Fills @dropdown with @any and the text of every code.
 */
void
lic_filter_set_codes (GtkDropDown           *dropdown,
                      const char            *any,
                      LicFilterCodeAtFunc    code_at,
                      LicFilterCodeTextFunc  code_to_text)
{
  g_autoptr(GtkStringList) items = NULL;
  const char *code;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (any != NULL && code_at != NULL && code_to_text != NULL);

  items = gtk_string_list_new (NULL);
  gtk_string_list_append (items, any);
  for (guint i = 0; (code = code_at (i)) != NULL; i++)
    gtk_string_list_append (items, code_to_text (code));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (items));
}

/**
 * lic_filter_get_code:
 * @dropdown: a filter filled by lic_filter_set_codes()
 * @code_at: the same function as there
 *
 * Returns: (nullable): the code chosen, or %NULL for "any"
 */
const char *
lic_filter_get_code (GtkDropDown         *dropdown,
                     LicFilterCodeAtFunc  code_at)
{
  guint selected;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), NULL);

  selected = gtk_drop_down_get_selected (dropdown);
  return selected != GTK_INVALID_LIST_POSITION && selected > 0 ? code_at (selected - 1) : NULL;
}

/**
 * lic_filter_set_objects:
 * @dropdown: a filter
 * @any: the text of the first item, which means "any"
 * @objects: (nullable): the objects to choose from, or %NULL for none (yet)
 * @name_of: the name of an object of @objects
 * @id_of: its id
 *
 * Offers @any and the names of @objects in @dropdown. The choice of a name no longer offered
 * falls back to @any.
 */
void
lic_filter_set_objects (GtkDropDown       *dropdown,
                        const char        *any,
                        GListModel        *objects,
                        LicFilterNameFunc  name_of,
                        LicFilterIdFunc    id_of)
{
  GListModel *model;
  GArray *ids;
  guint n_old, n = objects != NULL ? g_list_model_get_n_items (objects) : 0;
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (any != NULL && name_of != NULL && id_of != NULL);
  g_return_if_fail (objects == NULL || G_IS_LIST_MODEL (objects));

  ids = g_object_get_data (G_OBJECT (dropdown), IDS_KEY);
  model = gtk_drop_down_get_model (dropdown);
  if (ids == NULL || !GTK_IS_STRING_LIST (model))
    {
      g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);

      gtk_string_list_append (items, any);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_object_set_data_full (G_OBJECT (dropdown), IDS_KEY, ids,
                              (GDestroyNotify) g_array_unref);
      gtk_drop_down_set_model (dropdown, G_LIST_MODEL (items));
      model = G_LIST_MODEL (items);
    }

  g_array_set_size (ids, 0);
  for (guint i = 0; i < n; i++)
    {
      gpointer object = g_list_model_get_item (objects, i);
      gint64 id = id_of (object);

      g_ptr_array_add (keep, object);
      names[i] = name_of (object);
      g_array_append_val (ids, id);
    }
  /* Choose "any" first, so removing the chosen name does not choose its neighbour. */
  if (gtk_drop_down_get_selected (dropdown) != 0)
    gtk_drop_down_set_selected (dropdown, 0);
  n_old = g_list_model_get_n_items (model);
  gtk_string_list_splice (GTK_STRING_LIST (model), 1, n_old - 1, names);
}

/**
 * lic_filter_get_id:
 * @dropdown: a filter filled by lic_filter_set_objects()
 *
 * Returns: the id of the object chosen, or 0 for "any"
 */
gint64
lic_filter_get_id (GtkDropDown *dropdown)
{
  GArray *ids;
  guint selected;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), 0);

  ids = g_object_get_data (G_OBJECT (dropdown), IDS_KEY);
  selected = gtk_drop_down_get_selected (dropdown);
  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected == 0
      || selected > ids->len)
    return 0;
  return g_array_index (ids, gint64, selected - 1);
}

/**
 * lic_filter_get_name:
 * @dropdown: a filter filled by lic_filter_set_objects()
 * @id: the id of one of its objects
 *
 * Returns: (nullable): the name of the object with @id, or %NULL when it is not offered
 */
const char *
lic_filter_get_name (GtkDropDown *dropdown,
                     gint64       id)
{
  GArray *ids;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), NULL);

  ids = g_object_get_data (G_OBJECT (dropdown), IDS_KEY);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)),
                                         i + 1);
  return NULL;
}
