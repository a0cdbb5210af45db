/* lic-sqlite-migrations.h: the schema of the SQLite store, step by step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-sqlite-connection.h"

G_BEGIN_DECLS

gboolean lic_sqlite_migrate (LicSqliteConnection  *connection,
                             GError              **error);

G_END_DECLS
