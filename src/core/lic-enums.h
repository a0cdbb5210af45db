/* lic-enums.h: the enumerations shared by server and app.
 *
 * The nicks are the strings of the JSON API (docs/api.md); glib-mkenums reads them from the
 * annotations, so lic_enum_to_nick() and lic_enum_from_nick() are the only conversion.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  LIC_DELIVERY_DIRECT,                              /*< nick=direct >*/
  LIC_DELIVERY_DELAYED,                             /*< nick=delayed >*/
  LIC_DELIVERY_ACTIVATION_MAIL,                     /*< nick=activation_mail >*/
} LicDelivery;

typedef enum {
  LIC_ROLE_STUDENT,                                 /*< nick=student >*/
  LIC_ROLE_TEACHER,                                 /*< nick=teacher >*/
  LIC_ROLE_ADMINISTRATOR,                           /*< nick=administrator >*/
} LicRole;

typedef enum {
  LIC_LICENSE_MODEL_PER_STUDENT,                    /*< nick=per_student >*/
  LIC_LICENSE_MODEL_PER_TEACHER,                    /*< nick=per_teacher >*/
  LIC_LICENSE_MODEL_PER_SCHOOL,                     /*< nick=per_school >*/
} LicLicenseModel;

typedef enum {
  LIC_ADMIN_SCOPE_NONE,                             /*< nick=none >*/
  LIC_ADMIN_SCOPE_SCHOOL,                           /*< nick=school >*/
  LIC_ADMIN_SCOPE_ORGANIZATION,                     /*< nick=organization >*/
} LicAdminScope;

const char *lic_enum_to_nick   (GType        enum_type,
                                int          value);
gboolean    lic_enum_from_nick (GType        enum_type,
                                const char  *nick,
                                int         *value);

G_END_DECLS
