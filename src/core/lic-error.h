/* lic-error.h: the one error domain of Licentia, used on both ends of the API.
 *
 * The server answers {"error": {"code", "message"}} where code is the nick of a LicError;
 * the client maps HTTP statuses and GIO errors into it in one place (lic-client.c).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIC_ERROR (lic_error_quark ())

typedef enum {
  LIC_ERROR_NETWORK,                                /*< nick=network >*/
  LIC_ERROR_PARSE,                                  /*< nick=parse >*/
  LIC_ERROR_INVALID,                                /*< nick=invalid >*/
  LIC_ERROR_UNAUTHORIZED,                           /*< nick=unauthorized >*/
  LIC_ERROR_FORBIDDEN,                              /*< nick=forbidden >*/
  LIC_ERROR_NOT_FOUND,                              /*< nick=not_found >*/
  LIC_ERROR_METHOD_NOT_ALLOWED,                     /*< nick=method_not_allowed >*/
  LIC_ERROR_CONFLICT,                               /*< nick=conflict >*/
  LIC_ERROR_TOO_LARGE,                              /*< nick=too_large >*/
  LIC_ERROR_UNSUPPORTED_MEDIA_TYPE,                 /*< nick=unsupported_media_type >*/
  LIC_ERROR_SERVER,                                 /*< nick=server >*/
} LicError;

GQuark   lic_error_quark           (void);
guint    lic_error_to_http_status  (LicError  code);
LicError lic_error_from_http_status (guint    status);

G_END_DECLS
