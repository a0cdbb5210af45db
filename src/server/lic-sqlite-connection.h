/* lic-sqlite-connection.h: SQLite connections, each used by one thread at a time.
 *
 * A LicSqlitePool hands out connections to whichever thread asks and takes them back, so every
 * libmicrohttpd worker reads on its own connection (WAL lets readers run side by side) while
 * writers queue on SQLite's lock. A connection caches its prepared statements by their SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _LicSqlitePool LicSqlitePool;
typedef struct _LicSqliteConnection LicSqliteConnection;
typedef struct _LicSqliteQuery LicSqliteQuery;

/* A cached statement: reset, with its bindings cleared, when it goes out of scope, so that no
 * read transaction outlives the function that stepped it. */
typedef sqlite3_stmt LicSqliteStatement;

typedef enum {
  LIC_SQLITE_READ,                  /* one consistent snapshot for several queries */
  LIC_SQLITE_WRITE,                 /* takes the write lock at once (BEGIN IMMEDIATE) */
} LicSqliteTransaction;

LicSqlitePool       *lic_sqlite_pool_new               (const char           *path);
void                 lic_sqlite_pool_free              (LicSqlitePool        *self);
LicSqliteConnection *lic_sqlite_pool_acquire           (LicSqlitePool        *self,
                                                        GError              **error);

void                 lic_sqlite_connection_release     (LicSqliteConnection  *self);
LicSqliteStatement  *lic_sqlite_connection_prepare     (LicSqliteConnection  *self,
                                                        const char           *sql,
                                                        GError              **error);
gboolean             lic_sqlite_connection_exec        (LicSqliteConnection  *self,
                                                        const char           *sql,
                                                        GError              **error);
gboolean             lic_sqlite_connection_begin       (LicSqliteConnection  *self,
                                                        LicSqliteTransaction  kind,
                                                        GError              **error);
gboolean             lic_sqlite_connection_commit      (LicSqliteConnection  *self,
                                                        GError              **error);
gint64               lic_sqlite_connection_last_id     (LicSqliteConnection  *self);

int                  lic_sqlite_step                   (LicSqliteStatement   *stmt,
                                                        GError              **error);
gboolean             lic_sqlite_run                    (LicSqliteStatement   *stmt,
                                                        GError              **error);
gboolean             lic_sqlite_run_once               (LicSqliteStatement   *stmt,
                                                        GError              **error);
gint64               lic_sqlite_insert                 (LicSqliteConnection  *connection,
                                                        LicSqliteStatement   *stmt,
                                                        GError              **error);
int                  lic_sqlite_changes                (LicSqliteConnection  *connection);
void                 lic_sqlite_bind_text              (LicSqliteStatement   *stmt,
                                                        int                   index,
                                                        const char           *value);
const char          *lic_sqlite_column_text            (LicSqliteStatement   *stmt,
                                                        int                   column);
char                *lic_sqlite_fold                   (const char           *text);

LicSqliteQuery      *lic_sqlite_query_new              (const char           *sql);
void                 lic_sqlite_query_free             (LicSqliteQuery       *self);
void                 lic_sqlite_query_append           (LicSqliteQuery       *self,
                                                        const char           *sql);
void                 lic_sqlite_query_bind_int         (LicSqliteQuery       *self,
                                                        gint64                value);
void                 lic_sqlite_query_bind_text        (LicSqliteQuery       *self,
                                                        const char           *value);
LicSqliteStatement  *lic_sqlite_query_prepare          (LicSqliteQuery       *self,
                                                        LicSqliteConnection  *connection,
                                                        GError              **error);

static inline void
lic_sqlite_statement_reset (LicSqliteStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicSqliteConnection, lic_sqlite_connection_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicSqliteStatement, lic_sqlite_statement_reset)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicSqliteQuery, lic_sqlite_query_free)

G_END_DECLS
