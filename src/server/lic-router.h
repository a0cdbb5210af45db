/* lic-router.h: from method and path to the handler of a route.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LicRequest LicRequest;
typedef struct _LicRouter LicRouter;

/* Answers @request with lic_request_respond(), or fails with a LIC_ERROR. */
typedef gboolean (*LicHandler) (LicRequest  *request,
                                GError     **error);

typedef enum {
  LIC_ROUTE_DEFAULT = 0,
  LIC_ROUTE_PUBLIC = 1 << 0,        /* needs no token */
  LIC_ROUTE_JSON_BODY = 1 << 1,     /* takes a JSON object as its body */
  LIC_ROUTE_SUPPLIER = 1 << 2,      /* takes a supplier key instead of a session token */
  LIC_ROUTE_CSV_BODY = 1 << 3,      /* takes text/csv, up to LIC_REQUEST_MAX_CSV_BODY */
} LicRouteFlags;

#define LIC_ROUTE_MAX_IDS 2

typedef struct
{
  LicHandler handler;
  LicRouteFlags flags;
  gint64 ids[LIC_ROUTE_MAX_IDS];    /* the {id} segments of the path, in order */
} LicRouteMatch;

LicRouter *lic_router_new   (void);
void       lic_router_free  (LicRouter      *self);
void       lic_router_add   (LicRouter      *self,
                             const char     *method,
                             const char     *pattern,
                             LicRouteFlags   flags,
                             LicHandler      handler);
gboolean   lic_router_match (LicRouter      *self,
                             const char     *method,
                             const char     *path,
                             LicRouteMatch  *match,
                             char          **allow,
                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicRouter, lic_router_free)

G_END_DECLS
