/* lic-json.h: reading the API's JSON objects with clear errors.
 *
 * Every reader fails with LIC_ERROR_PARSE naming the member, so a malformed body from either
 * end says what is wrong with it.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Reads one object of the API into an item: lic_product_new_from_json() and its kind. */
typedef gpointer (*LicFromJsonFunc) (JsonObject  *object,
                                     GError     **error);

gboolean     lic_json_get_int      (JsonObject   *object,
                                    const char   *member,
                                    gboolean      required,
                                    gint64       *out,
                                    GError      **error);
gboolean     lic_json_get_string   (JsonObject   *object,
                                    const char   *member,
                                    gboolean      required,
                                    const char  **out,
                                    GError      **error);
gboolean     lic_json_get_strv     (JsonObject   *object,
                                    const char   *member,
                                    gboolean      required,
                                    GStrv        *out,
                                    GError      **error);
gboolean     lic_json_get_enum     (JsonObject   *object,
                                    const char   *member,
                                    GType         enum_type,
                                    int          *out,
                                    GError      **error);
gboolean     lic_json_get_bool     (JsonObject   *object,
                                    const char   *member,
                                    gboolean      required,
                                    gboolean     *out,
                                    GError      **error);
gboolean     lic_json_get_ids      (JsonObject   *object,
                                    const char   *member,
                                    gboolean      required,
                                    GArray      **out,
                                    GError      **error);
gboolean     lic_json_get_list     (JsonObject       *object,
                                    const char       *member,
                                    gboolean          required,
                                    GType             item_type,
                                    LicFromJsonFunc   from_json,
                                    GListModel      **out,
                                    GError          **error);
JsonObject  *lic_json_parse_object (const char   *data,
                                    gssize        length,
                                    GError      **error);

void         lic_json_add_strv     (JsonBuilder         *builder,
                                    const char          *member,
                                    const char * const  *strv);
void         lic_json_add_enum     (JsonBuilder         *builder,
                                    const char          *member,
                                    GType                enum_type,
                                    int                  value);
void         lic_json_add_ids      (JsonBuilder         *builder,
                                    const char          *member,
                                    const gint64        *ids,
                                    gsize                n_ids);
char        *lic_json_to_string    (JsonBuilder         *builder);

G_END_DECLS
