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

/* The notices of a pool (docs/api.md, "Purchase requests and compliance"), most urgent first. */
typedef enum {
  LIC_NOTICE_KIND_SUSPENDED,                        /*< nick=suspended >*/
  LIC_NOTICE_KIND_PAYMENT_LATE,                     /*< nick=payment_late >*/
  LIC_NOTICE_KIND_PAYMENT_DUE,                      /*< nick=payment_due >*/
  LIC_NOTICE_KIND_RENEWAL,                          /*< nick=renewal >*/
  LIC_NOTICE_KIND_ORDER_PLACED,                     /*< nick=order_placed >*/
} LicNoticeKind;

/* Where a purchase request is: by its age until it is paid. */
typedef enum {
  LIC_REQUEST_STATE_DUE,                            /*< nick=due >*/
  LIC_REQUEST_STATE_LATE,                           /*< nick=late >*/
  LIC_REQUEST_STATE_SUSPENDED,                      /*< nick=suspended >*/
  LIC_REQUEST_STATE_ORDERED,                        /*< nick=ordered >*/
} LicRequestState;

/* A pool's phase: that of its most urgent purchase request. */
typedef enum {
  LIC_POOL_PHASE_NONE,                              /*< nick=none >*/
  LIC_POOL_PHASE_DUE,                               /*< nick=due >*/
  LIC_POOL_PHASE_LATE,                              /*< nick=late >*/
  LIC_POOL_PHASE_SUSPENDED,                         /*< nick=suspended >*/
  LIC_POOL_PHASE_ORDER_PLACED,                      /*< nick=order_placed >*/
} LicPoolPhase;

const char *lic_enum_to_nick   (GType        enum_type,
                                int          value);
gboolean    lic_enum_from_nick (GType        enum_type,
                                const char  *nick,
                                int         *value);

G_END_DECLS
