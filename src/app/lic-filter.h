/* lic-filter.h: the drop-downs of a view's filter row.
 *
 * The first item of a filter means "any" ("All subjects", "All schools"); the others name a
 * code (a subject, a grade) or an object of the server (a supplier, a school, a group) by its
 * id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef const char *(*LicFilterCodeAtFunc)  (guint       index);
typedef const char *(*LicFilterCodeTextFunc) (const char *code);
typedef const char *(*LicFilterNameFunc)    (gpointer    object);
typedef gint64      (*LicFilterIdFunc)      (gpointer    object);

void        lic_filter_row_init    (GtkFlowBox            *filters);
void        lic_filter_set_codes   (GtkDropDown           *dropdown,
                                    const char            *any,
                                    LicFilterCodeAtFunc    code_at,
                                    LicFilterCodeTextFunc  code_to_text);
const char *lic_filter_get_code    (GtkDropDown           *dropdown,
                                    LicFilterCodeAtFunc    code_at);
void        lic_filter_set_objects (GtkDropDown           *dropdown,
                                    const char            *any,
                                    GListModel            *objects,
                                    LicFilterNameFunc      name_of,
                                    LicFilterIdFunc        id_of);
gint64      lic_filter_get_id      (GtkDropDown           *dropdown);
const char *lic_filter_get_name    (GtkDropDown           *dropdown,
                                    gint64                 id);

G_END_DECLS
