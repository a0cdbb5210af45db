/* lic-test-server.h: the real licentia-server, started for one test.
 *
 * Each server gets its own temporary directory (database, maildir) and an ephemeral loopback
 * port, which it prints as the first line of its stdout. The binary is found through
 * $LICENTIA_SERVER, which tests/meson.build sets to the one just built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _LicTestServer LicTestServer;

/* Whether what a test waits for has happened. */
typedef gboolean (*LicTestCondition) (gpointer data);

LicTestServer *lic_test_server_start        (const char * const *extra_args);
LicTestServer *lic_test_server_start_demo   (void);
const char    *lic_test_server_get_url      (LicTestServer *self);
guint16        lic_test_server_get_port     (LicTestServer *self);
const char    *lic_test_server_get_dir      (LicTestServer *self);
const char    *lic_test_server_get_database (LicTestServer *self);
void           lic_test_server_kill         (LicTestServer *self);
void           lic_test_server_restart      (LicTestServer *self);
void           lic_test_server_stop         (LicTestServer *self);

GSubprocess   *lic_test_spawn_listener      (const char * const *argv,
                                             guint16            *port);
void           lic_test_die_with_parent     (gpointer            user_data);
void           lic_test_make_certificate    (const char         *dir,
                                             char              **certificate,
                                             char              **key);
void           lic_test_wait_until          (LicTestCondition    condition,
                                             gpointer            data,
                                             const char         *what);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicTestServer, lic_test_server_stop)

G_END_DECLS
