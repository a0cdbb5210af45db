/* lic-sqlite-store.h: LicStore on one SQLite database file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-store.h"

G_BEGIN_DECLS

#define LIC_TYPE_SQLITE_STORE (lic_sqlite_store_get_type ())

G_DECLARE_FINAL_TYPE (LicSqliteStore, lic_sqlite_store, LIC, SQLITE_STORE, GObject)

LicSqliteStore *lic_sqlite_store_new (const char  *path,
                                      GError     **error);

G_END_DECLS
