/* lic-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-error.h"

G_DEFINE_QUARK (lic-error-quark, lic_error)

static const struct {
  LicError code;
  guint status;
} status_map[] = {
  { LIC_ERROR_INVALID, 400 },
  { LIC_ERROR_UNAUTHORIZED, 401 },
  { LIC_ERROR_FORBIDDEN, 403 },
  { LIC_ERROR_NOT_FOUND, 404 },
  { LIC_ERROR_METHOD_NOT_ALLOWED, 405 },
  { LIC_ERROR_CONFLICT, 409 },
  { LIC_ERROR_TOO_LARGE, 413 },
  { LIC_ERROR_UNSUPPORTED_MEDIA_TYPE, 415 },
  { LIC_ERROR_SERVER, 500 },
  /* A malformed body is the caller's fault on the server, the server's on the client. */
  { LIC_ERROR_PARSE, 400 },
  { LIC_ERROR_NETWORK, 502 },
};

guint
lic_error_to_http_status (LicError code)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_map); i++)
    if (status_map[i].code == code)
      return status_map[i].status;
  return 500;
}

LicError
lic_error_from_http_status (guint status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_map); i++)
    if (status_map[i].status == status && status_map[i].code != LIC_ERROR_PARSE)
      return status_map[i].code;
  if (status == 422)
    return LIC_ERROR_INVALID;
  return status >= 500 ? LIC_ERROR_SERVER : LIC_ERROR_INVALID;
}
