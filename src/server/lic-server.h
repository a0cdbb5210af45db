/* lic-server.h: the HTTP server of licentia-server, on libmicrohttpd.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-store.h"

G_BEGIN_DECLS

#define LIC_TYPE_SERVER (lic_server_get_type ())

G_DECLARE_FINAL_TYPE (LicServer, lic_server, LIC, SERVER, GObject)

LicServer *lic_server_new      (LicStore    *store,
                                gboolean     test_clock,
                                guint        keep_alive_seconds);
void       lic_server_set_tls  (LicServer   *self,
                                const char  *certificate,
                                const char  *key);
gboolean   lic_server_start    (LicServer   *self,
                                const char  *address,
                                guint16      port,
                                guint        threads,
                                GError     **error);
guint16    lic_server_get_port (LicServer   *self);
void       lic_server_stop     (LicServer   *self);

G_END_DECLS
