/* lic-routes.h: the routes of docs/api.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-router.h"

G_BEGIN_DECLS

void lic_routes_install (LicRouter *router,
                         gboolean   test_clock);

G_END_DECLS
