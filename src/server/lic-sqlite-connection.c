/* lic-sqlite-connection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-error.h"
#include "lic-sqlite-connection.h"

#define BUSY_TIMEOUT_MS 5000

struct _LicSqlitePool
{
  char *path;
  GMutex lock;
  GPtrArray *idle;                  /* LicSqliteConnection */
};

struct _LicSqliteConnection
{
  LicSqlitePool *pool;
  sqlite3 *db;
  GHashTable *statements;           /* SQL → sqlite3_stmt */
};

typedef struct
{
  gboolean is_text;
  gint64 number;
  char *text;
} Value;

struct _LicSqliteQuery
{
  GString *sql;
  GArray *values;                   /* Value */
};

static void
set_error (sqlite3     *db,
           GError     **error,
           const char  *doing)
{
  g_set_error (error, LIC_ERROR, LIC_ERROR_SERVER, "SQLite failed to %s: %s (%d)", doing,
               sqlite3_errmsg (db), sqlite3_extended_errcode (db));
}

/* lic_fold(text): the form both sides of a case-insensitive search are compared in. */
static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, lic_sqlite_fold (text), -1, g_free);
}

static void
connection_close (LicSqliteConnection *self)
{
  /* The statements go first: sqlite3_close() refuses a database with live statements. */
  g_hash_table_unref (self->statements);
  sqlite3_close (self->db);
  g_free (self);
}

static LicSqliteConnection *
connection_open (LicSqlitePool  *pool,
                 GError        **error)
{
  static const char *pragmas =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = NORMAL;"
    "PRAGMA foreign_keys = ON;";
  LicSqliteConnection *self = g_new0 (LicSqliteConnection, 1);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;

  self->pool = pool;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  if (sqlite3_open_v2 (pool->path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_SERVER, "Could not open the database %s: %s",
                   pool->path, self->db != NULL ? sqlite3_errmsg (self->db) : "out of memory");
      connection_close (self);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (sqlite3_exec (self->db, pragmas, NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_create_function (self->db, "lic_fold", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                  fold_function, NULL, NULL) != SQLITE_OK)
    {
      set_error (self->db, error, "set up a connection");
      connection_close (self);
      return NULL;
    }
  return self;
}

LicSqlitePool *
lic_sqlite_pool_new (const char *path)
{
  LicSqlitePool *self = g_new0 (LicSqlitePool, 1);

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  g_mutex_init (&self->lock);
  self->idle = g_ptr_array_new_with_free_func ((GDestroyNotify) connection_close);
  return self;
}

/**
 * lic_sqlite_pool_free:
 *
 * Closes every connection; all must have been released.
 */
void
lic_sqlite_pool_free (LicSqlitePool *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->idle);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self);
}

/**
 * lic_sqlite_pool_acquire:
 *
 * Returns: (transfer full): a connection for the calling thread alone, until it is given back
 *   with lic_sqlite_connection_release() (or g_autoptr)
 */
LicSqliteConnection *
lic_sqlite_pool_acquire (LicSqlitePool  *self,
                         GError        **error)
{
  LicSqliteConnection *connection = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  if (self->idle->len > 0)
    connection = g_ptr_array_steal_index_fast (self->idle, self->idle->len - 1);
  g_mutex_unlock (&self->lock);

  return connection != NULL ? connection : connection_open (self, error);
}

/**
 * lic_sqlite_connection_release:
 *
 * Gives @self back to its pool. A transaction still open is rolled back: a function that
 * returns early on an error has changed nothing.
 */
void
lic_sqlite_connection_release (LicSqliteConnection *self)
{
  if (self == NULL)
    return;
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  g_mutex_lock (&self->pool->lock);
  g_ptr_array_add (self->pool->idle, self);
  g_mutex_unlock (&self->pool->lock);
}

/**
 * lic_sqlite_connection_prepare:
 *
 * Returns: (transfer none): the statement for @sql, prepared on first use and kept for the
 *   life of the connection; hold it in a g_autoptr(LicSqliteStatement)
 */
LicSqliteStatement *
lic_sqlite_connection_prepare (LicSqliteConnection  *self,
                               const char           *sql,
                               GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL && sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_error (self->db, error, "prepare a statement");
      g_debug ("The statement was: %s", sql);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * lic_sqlite_connection_exec:
 *
 * Runs @sql, which may hold several statements and binds no values (migrations, pragmas).
 */
gboolean
lic_sqlite_connection_exec (LicSqliteConnection  *self,
                            const char           *sql,
                            GError              **error)
{
  g_return_val_if_fail (self != NULL && sql != NULL, FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_error (self->db, error, "run a script");
      return FALSE;
    }
  return TRUE;
}

gboolean
lic_sqlite_connection_begin (LicSqliteConnection   *self,
                             LicSqliteTransaction   kind,
                             GError               **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  stmt = lic_sqlite_connection_prepare (self, kind == LIC_SQLITE_WRITE ? "BEGIN IMMEDIATE"
                                                                       : "BEGIN", error);
  return stmt != NULL && lic_sqlite_run (stmt, error);
}

gboolean
lic_sqlite_connection_commit (LicSqliteConnection  *self,
                              GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  stmt = lic_sqlite_connection_prepare (self, "COMMIT", error);
  return stmt != NULL && lic_sqlite_run (stmt, error);
}

gint64
lic_sqlite_connection_last_id (LicSqliteConnection *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return sqlite3_last_insert_rowid (self->db);
}

/**
 * lic_sqlite_step:
 *
 * Returns: %SQLITE_ROW or %SQLITE_DONE, or %SQLITE_ERROR with @error set
 */
int
lic_sqlite_step (LicSqliteStatement  *stmt,
                 GError             **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  set_error (sqlite3_db_handle (stmt), error, "run a statement");
  g_debug ("The statement was: %s", sqlite3_sql (stmt));
  return SQLITE_ERROR;
}

/**
 * lic_sqlite_run:
 *
 * Steps @stmt, which returns no rows, to its end.
 */
gboolean
lic_sqlite_run (LicSqliteStatement  *stmt,
                GError             **error)
{
  return lic_sqlite_step (stmt, error) == SQLITE_DONE;
}

/**
 * lic_sqlite_run_once:
 *
 * Runs @stmt, bound by the caller, and readies it for the next row: for statements run many
 * times in one function.
 */
gboolean
lic_sqlite_run_once (LicSqliteStatement  *stmt,
                     GError             **error)
{
  gboolean ok = lic_sqlite_run (stmt, error);

  lic_sqlite_statement_reset (stmt);
  return ok;
}

/**
 * lic_sqlite_insert:
 *
 * Inserts one row into a rowid table with @stmt, as lic_sqlite_run_once() runs it.
 *
 * Returns: the new row's id, or 0 on an error
 */
gint64
lic_sqlite_insert (LicSqliteConnection  *connection,
                   LicSqliteStatement   *stmt,
                   GError              **error)
{
  return lic_sqlite_run_once (stmt, error) ? lic_sqlite_connection_last_id (connection) : 0;
}

/* The rows the last statement run on @connection inserted, changed or deleted. */
int
lic_sqlite_changes (LicSqliteConnection *connection)
{
  return sqlite3_changes (connection->db);
}

/* Binds @value (NULL binds SQL NULL); SQLite takes a copy. */
void
lic_sqlite_bind_text (LicSqliteStatement *stmt,
                      int                 index,
                      const char         *value)
{
  sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

const char *
lic_sqlite_column_text (LicSqliteStatement *stmt,
                        int                 column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/**
 * lic_sqlite_fold:
 *
 * Returns: (transfer full): @text case-folded and composed (NFC), so that "ÅSA", "åsa" and a
 *   decomposed "åsa" compare equal byte for byte
 */
char *
lic_sqlite_fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

static void
clear_value (gpointer data)
{
  Value *value = data;

  g_free (value->text);
}

/**
 * lic_sqlite_query_new:
 *
 * Starts a statement whose clauses depend on the request (filters, paging); the values bound
 * follow the order of the `?` in the SQL appended. Each distinct SQL text is prepared once per
 * connection.
 */
LicSqliteQuery *
lic_sqlite_query_new (const char *sql)
{
  LicSqliteQuery *self = g_new0 (LicSqliteQuery, 1);

  self->sql = g_string_new (sql);
  self->values = g_array_new (FALSE, FALSE, sizeof (Value));
  g_array_set_clear_func (self->values, clear_value);
  return self;
}

void
lic_sqlite_query_free (LicSqliteQuery *self)
{
  if (self == NULL)
    return;
  g_string_free (self->sql, TRUE);
  g_array_unref (self->values);
  g_free (self);
}

void
lic_sqlite_query_append (LicSqliteQuery *self,
                         const char     *sql)
{
  g_string_append (self->sql, sql);
}

void
lic_sqlite_query_bind_int (LicSqliteQuery *self,
                           gint64          value)
{
  Value v = { FALSE, value, NULL };

  g_array_append_val (self->values, v);
}

void
lic_sqlite_query_bind_text (LicSqliteQuery *self,
                            const char     *value)
{
  Value v = { TRUE, 0, g_strdup (value) };

  g_array_append_val (self->values, v);
}

/**
 * lic_sqlite_query_prepare:
 *
 * Returns: (transfer none): the statement with every value bound; hold it in a
 *   g_autoptr(LicSqliteStatement)
 */
LicSqliteStatement *
lic_sqlite_query_prepare (LicSqliteQuery       *self,
                          LicSqliteConnection  *connection,
                          GError              **error)
{
  LicSqliteStatement *stmt = lic_sqlite_connection_prepare (connection, self->sql->str, error);

  if (stmt == NULL)
    return NULL;
  g_assert ((guint) sqlite3_bind_parameter_count (stmt) == self->values->len);
  for (guint i = 0; i < self->values->len; i++)
    {
      Value *value = &g_array_index (self->values, Value, i);

      if (value->is_text)
        lic_sqlite_bind_text (stmt, i + 1, value->text);
      else
        sqlite3_bind_int64 (stmt, i + 1, value->number);
    }
  return stmt;
}
