/* lic-sqlite-compliance.c: purchase requests, the compliance sweep, paying, keeping and
 * renewal of LicSqliteStore.
 *
 * What the facts mean (phases, notices, who would lose access when) is lic-compliance.c's; this
 * file reads and writes them. Every change is one BEGIN IMMEDIATE transaction with the e-mails
 * it causes in the outbox (and the admins' notifications of the sweep's steps). The sweep finds the next step due (a late e-mail, a suspension, a
 * term's end), oldest first, and takes it in a transaction of its own that first claims it with
 * a conditional UPDATE: a step done already, by this server or another on the same database,
 * claims nothing and is passed over, so a second sweep changes nothing and sends nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "lic-i18n.h"

#include "lic-clock.h"
#include "lic-sqlite-store-private.h"
#include "lic-texts.h"

#define REQUEST_FACTS_COLUMNS \
  "pr.id, pr.quantity, ol.state = 'delivered', pr.created_at, pr.suspended_at," \
  " coalesce (pr.paid_order_id, 0), pr.paid_at"

/* Binds the currency, then the organization. */
#define REQUEST_SELECT \
  "SELECT pr.id, po.product_id, p.name, po.school_id, sc.name, pr.pool_id, pr.quantity," \
  " pr.created_at, pr.suspended_at, coalesce (pr.paid_order_id, 0), pr.paid_at," \
  " pr.order_line_id," \
  " CASE WHEN pr.paid_order_id IS NULL THEN coalesce (pp.price_minor, 0) * pr.quantity" \
  "  ELSE (SELECT pl.unit_price * pl.quantity FROM order_lines pl" \
  "   WHERE pl.pays_request_id = pr.id) END" \
  " FROM purchase_requests pr" \
  " JOIN pools po ON po.id = pr.pool_id" \
  " JOIN products p ON p.id = po.product_id" \
  " JOIN schools sc ON sc.id = po.school_id" \
  " LEFT JOIN product_prices pp ON pp.product_id = p.id AND pp.currency = ?" \
  " WHERE sc.organization_id = ?"

static char *
format_now (GDateTime *now)
{
  return lic_clock_format (now);
}

static char *
clock_now_text (void)
{
  g_autoptr(GDateTime) now = lic_clock_now ();

  return lic_clock_format (now);
}

/* Runs @stmt, bound by the caller, and tells whether it gave a row. */
static gboolean
find_row (LicSqliteStatement  *stmt,
          gboolean            *found,
          GError             **error)
{
  int rc = lic_sqlite_step (stmt, error);

  *found = rc == SQLITE_ROW;
  return rc != SQLITE_ERROR;
}

/* Facts */

static LicRequestFacts *
request_facts_from_row (LicSqliteStatement *stmt)
{
  LicRequestFacts *facts = g_new0 (LicRequestFacts, 1);

  facts->id = sqlite3_column_int64 (stmt, 0);
  facts->quantity = sqlite3_column_int64 (stmt, 1);
  facts->arrived = sqlite3_column_int (stmt, 2);
  facts->created_at = g_strdup (lic_sqlite_column_text (stmt, 3));
  facts->suspended_at = g_strdup (lic_sqlite_column_text (stmt, 4));
  facts->paid_order_id = sqlite3_column_int64 (stmt, 5);
  facts->paid_at = g_strdup (lic_sqlite_column_text (stmt, 6));
  return facts;
}

/**
 * lic_sqlite_pool_requests:
 * @now: the time, as lic_clock_format() writes it
 *
 * Returns: (transfer full) (element-type LicRequestFacts): the pool's unpaid purchase requests
 *   and those paid in the last 14 days (whose notice says the order was placed), by created_at
 */
GPtrArray *
lic_sqlite_pool_requests (LicSqliteConnection  *connection,
                          gint64                pool_id,
                          const char           *now,
                          GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autofree char *shown_since = lic_compliance_add_days (now,
                                                          -LIC_COMPLIANCE_ORDER_PLACED_DAYS);
  g_autoptr(GPtrArray) requests = NULL;
  int rc;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT " REQUEST_FACTS_COLUMNS
                                        " FROM purchase_requests pr"
                                        " JOIN order_lines ol ON ol.id = pr.order_line_id"
                                        " WHERE pr.pool_id = ?"
                                        " AND (pr.paid_order_id IS NULL OR pr.paid_at >= ?)"
                                        " ORDER BY pr.created_at, pr.id",
                                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pool_id);
  lic_sqlite_bind_text (stmt, 2, shown_since);
  requests = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_request_facts_free);
  while ((rc = lic_sqlite_step (stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (requests, request_facts_from_row (stmt));
  return rc == SQLITE_DONE ? g_steal_pointer (&requests) : NULL;
}

/* A pool with what the rules and the e-mails need of it. */
typedef struct
{
  gint64 id;
  gint64 assigned;
  gint64 available;
  gint64 no_access;
  gint64 renewed;
  char *term_end;
  gint64 school_id;
  gint64 organization_id;
  gint64 term_months;
  char *product_name;
  char *school_name;
  char *organization_name;
  GPtrArray *requests;              /* LicRequestFacts */
} PoolInfo;

static void
pool_info_clear (PoolInfo *info)
{
  g_clear_pointer (&info->term_end, g_free);
  g_clear_pointer (&info->product_name, g_free);
  g_clear_pointer (&info->school_name, g_free);
  g_clear_pointer (&info->organization_name, g_free);
  g_clear_pointer (&info->requests, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PoolInfo, pool_info_clear)

/* Reads pool @pool_id into @info, which it clears first. */
static gboolean
read_pool (LicSqliteConnection  *connection,
           gint64                pool_id,
           const char           *now,
           PoolInfo             *info,
           GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  gboolean found;

  pool_info_clear (info);
  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT po.active_count, po.quantity_paid,"
                                        " po.no_access_count, po.renewed, po.term_end,"
                                        " po.school_id, sc.organization_id, p.term_months, p.name,"
                                        " sc.name, o.name"
                                        " FROM pools po"
                                        " JOIN schools sc ON sc.id = po.school_id"
                                        " JOIN products p ON p.id = po.product_id"
                                        " JOIN organizations o ON o.id = sc.organization_id"
                                        " WHERE po.id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pool_id);
  if (!find_row (stmt, &found, error))
    return FALSE;
  /* Callers name pools that exist: a pool is never deleted while it has requests. */
  g_assert (found);
  info->id = pool_id;
  info->assigned = sqlite3_column_int64 (stmt, 0);
  info->available = sqlite3_column_int64 (stmt, 1);
  info->no_access = sqlite3_column_int64 (stmt, 2);
  info->renewed = sqlite3_column_int64 (stmt, 3);
  info->term_end = g_strdup (lic_sqlite_column_text (stmt, 4));
  info->school_id = sqlite3_column_int64 (stmt, 5);
  info->organization_id = sqlite3_column_int64 (stmt, 6);
  info->term_months = sqlite3_column_int64 (stmt, 7);
  info->product_name = g_strdup (lic_sqlite_column_text (stmt, 8));
  info->school_name = g_strdup (lic_sqlite_column_text (stmt, 9));
  info->organization_name = g_strdup (lic_sqlite_column_text (stmt, 10));
  lic_sqlite_statement_reset (stmt);

  info->requests = lic_sqlite_pool_requests (connection, pool_id, now, error);
  return info->requests != NULL;
}

static LicPoolFacts
pool_facts (const PoolInfo *info)
{
  LicPoolFacts facts = {
    info->assigned, info->available, info->no_access, info->renewed, info->term_end,
    info->requests,
  };

  return facts;
}

/* E-mails */

typedef void (*MailText) (const LicComplianceFacts  *facts,
                          const char                *language,
                          const char                *recipient_name,
                          char                     **subject,
                          char                     **body);

/* E-mails every admin of the pool's school who has an address. */
static gboolean
mail_admins (LicSqliteConnection       *connection,
             const PoolInfo            *info,
             MailText                   text,
             const LicComplianceFacts  *facts,
             GError                   **error)
{
  g_autoptr(LicSqliteStatement) admins = NULL;
  int rc;

  admins = lic_sqlite_connection_prepare (connection,
                                          "SELECT email, name, language"
                                          LIC_SQLITE_SCHOOL_ADMINS
                                          " AND email IS NOT NULL ORDER BY id",
                                          error);
  if (admins == NULL)
    return FALSE;
  sqlite3_bind_int64 (admins, 1, info->organization_id);
  sqlite3_bind_int64 (admins, 2, info->school_id);
  while ((rc = lic_sqlite_step (admins, error)) == SQLITE_ROW)
    {
      const char *name = lic_sqlite_column_text (admins, 1);
      g_autofree char *subject = NULL;
      g_autofree char *body = NULL;

      text (facts, lic_sqlite_column_text (admins, 2), name, &subject, &body);
      if (!lic_sqlite_queue_mail (connection, lic_sqlite_column_text (admins, 0), name, subject,
                                  body, error))
        return FALSE;
    }
  return rc == SQLITE_DONE;
}

/**
 * lic_sqlite_mail_access:
 * @users_sql: a SELECT of user ids; `?4` in it stands for @source_id
 * @again: whether they got access back, rather than for the first time
 * @mailed: (out): the e-mails written
 *
 * Tells each of those users who has an address that they have access to the pool's product.
 */
gboolean
lic_sqlite_mail_access (LicSqliteConnection  *connection,
                        gint64                pool_id,
                        const char           *users_sql,
                        gint64                source_id,
                        gboolean              again,
                        gint64               *mailed,
                        GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT u.email, u.name, p.name, sc.name, u.language"
                                      " FROM pools po"
                                      " JOIN products p ON p.id = po.product_id"
                                      " JOIN schools sc ON sc.id = po.school_id"
                                      " JOIN users u ON u.id IN (", users_sql, ")"
                                      " WHERE po.id = ?1 AND u.email IS NOT NULL"
                                      " ORDER BY u.id",
                                      NULL);
  int rc;

  *mailed = 0;
  stmt = lic_sqlite_connection_prepare (connection, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pool_id);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int64 (stmt, 4, source_id);
  while ((rc = lic_sqlite_step (stmt, error)) == SQLITE_ROW)
    {
      const char *name = lic_sqlite_column_text (stmt, 1);
      g_autofree char *subject = NULL;
      g_autofree char *body = NULL;

      lic_text_access_mail (lic_sqlite_column_text (stmt, 2), lic_sqlite_column_text (stmt, 3),
                            again, lic_sqlite_column_text (stmt, 4), name, &subject, &body);
      if (!lic_sqlite_queue_mail (connection, lic_sqlite_column_text (stmt, 0), name, subject,
                                  body, error))
        return FALSE;
      (*mailed)++;
    }
  return rc == SQLITE_DONE;
}

/* Puts the users of the pool beyond its capacity, latest rank first, in `no_access` since
 * @now, and tells each who has an address. */
static gboolean
take_access (LicSqliteConnection       *connection,
             const PoolInfo            *info,
             const char                *now,
             const LicComplianceFacts  *facts,
             LicAccessEnded             why,
             gint64                    *taken,
             GError                   **error)
{
  LicPoolFacts pool = pool_facts (info);
  LicComplianceFacts ended = *facts;
  g_autoptr(LicSqliteStatement) pick = NULL;
  g_autoptr(LicSqliteStatement) take = NULL;
  g_autoptr(LicSqliteStatement) users = NULL;
  gint64 over = info->assigned - lic_compliance_capacity (&pool);
  int rc;

  *taken = 0;
  if (over <= 0)
    return TRUE;
  if (!lic_sqlite_connection_exec (connection,
                                   "CREATE TEMP TABLE IF NOT EXISTS lost_access"
                                   " (user_id INTEGER PRIMARY KEY);"
                                   "DELETE FROM temp.lost_access;",
                                   error))
    return FALSE;
  pick = lic_sqlite_connection_prepare (connection,
                                        "INSERT INTO temp.lost_access (user_id)"
                                        " SELECT a.user_id FROM assignments a"
                                        " WHERE a.pool_id = ? AND a.state = 'active'"
                                        " ORDER BY " LIC_SQLITE_LATEST_FIRST " LIMIT ?",
                                        error);
  take = lic_sqlite_connection_prepare (connection,
                                        "UPDATE assignments SET state = 'no_access', since = ?"
                                        " WHERE pool_id = ? AND user_id IN"
                                        " (SELECT user_id FROM temp.lost_access)",
                                        error);
  users = lic_sqlite_connection_prepare (connection,
                                         "SELECT email, name, language FROM users WHERE id IN"
                                         " (SELECT user_id FROM temp.lost_access)"
                                         " AND email IS NOT NULL ORDER BY id",
                                         error);
  if (pick == NULL || take == NULL || users == NULL)
    return FALSE;
  sqlite3_bind_int64 (pick, 1, info->id);
  sqlite3_bind_int64 (pick, 2, over);
  lic_sqlite_bind_text (take, 1, now);
  sqlite3_bind_int64 (take, 2, info->id);
  if (!lic_sqlite_run (pick, error) || !lic_sqlite_run (take, error))
    return FALSE;
  *taken = lic_sqlite_changes (connection);

  /* Users are told when their access ended, which may be after the due date on a server that
   * catches up. */
  ended.due_at = now;
  while ((rc = lic_sqlite_step (users, error)) == SQLITE_ROW)
    {
      const char *name = lic_sqlite_column_text (users, 1);
      g_autofree char *subject = NULL;
      g_autofree char *body = NULL;

      lic_text_access_ended_mail (&ended, why, lic_sqlite_column_text (users, 2), name,
                                  &subject, &body);
      if (!lic_sqlite_queue_mail (connection, lic_sqlite_column_text (users, 0), name, subject,
                                  body, error))
        return FALSE;
    }
  return rc == SQLITE_DONE;
}

/* Purchase requests at checkout */

/**
 * lic_sqlite_requests_refusal:
 * @reason: (out) (transfer full) (nullable): why the caller's organization may not make
 *   purchase requests now, or %NULL when it may
 *
 * An organization with a suspended purchase request is non-compliant until it pays it.
 */
gboolean
lic_sqlite_requests_refusal (LicSqliteConnection  *connection,
                             const LicCaller      *caller,
                             char                **reason,
                             GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  gboolean found;

  *reason = NULL;
  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT pr.quantity, p.name, sc.name, count (*) OVER ()"
                                        " FROM purchase_requests pr"
                                        " JOIN pools po ON po.id = pr.pool_id"
                                        " JOIN schools sc ON sc.id = po.school_id"
                                        " JOIN products p ON p.id = po.product_id"
                                        " WHERE pr.paid_order_id IS NULL"
                                        " AND pr.suspended_at IS NOT NULL"
                                        " AND sc.organization_id = ?"
                                        " ORDER BY pr.created_at, pr.id LIMIT 1",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lic_sqlite_organization_id (caller));
  if (!find_row (stmt, &found, error))
    return FALSE;
  if (found)
    *reason = lic_text_requests_closed (lic_organization_get_name (caller->organization),
                                        sqlite3_column_int64 (stmt, 0),
                                        lic_sqlite_column_text (stmt, 1),
                                        lic_sqlite_column_text (stmt, 2),
                                        sqlite3_column_int64 (stmt, 3) - 1);
  return TRUE;
}

/* Records that order line @order_line_id got @quantity licenses of pool @pool_id, unpaid, at
 * @created_at. */
gboolean
lic_sqlite_add_request (LicSqliteConnection  *connection,
                        gint64                pool_id,
                        gint64                order_line_id,
                        gint64                quantity,
                        const char           *created_at,
                        GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "INSERT INTO purchase_requests (pool_id, order_line_id,"
                                        " quantity, created_at) VALUES (?, ?, ?, ?)",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pool_id);
  sqlite3_bind_int64 (stmt, 2, order_line_id);
  sqlite3_bind_int64 (stmt, 3, quantity);
  lic_sqlite_bind_text (stmt, 4, created_at);
  return lic_sqlite_run (stmt, error);
}

/* @unpaid: (out): whether the line made a purchase request not paid yet */
gboolean
lic_sqlite_line_is_unpaid (LicSqliteConnection  *connection,
                           gint64                order_line_id,
                           gboolean             *unpaid,
                           GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT 1 FROM purchase_requests"
                                        " WHERE order_line_id = ? AND paid_order_id IS NULL",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, order_line_id);
  return find_row (stmt, unpaid, error);
}

/* The lists of users */

static void
add_user_pool (GPtrArray   *out,
               gint64       user_id,
               gint64       pool_id,
               gint64       product_id,
               const char  *product_name,
               gint64       school_id,
               const char  *date)
{
  LicUserPool *entry = g_new0 (LicUserPool, 1);

  entry->user_id = user_id;
  entry->pool_id = pool_id;
  entry->product_id = product_id;
  entry->product_name = g_strdup (product_name);
  entry->school_id = school_id;
  entry->date = g_strdup (date);
  g_ptr_array_add (out, entry);
}

/* The due date of the request that takes the user at @position (1: the latest rank) of a
 * pool's Payable list, or NULL. */
static const char *
due_for_position (GArray *takes,
                  gint64  position)
{
  gint64 end = 0;

  for (guint i = 0; i < takes->len; i++)
    {
      LicRequestTake *take = &g_array_index (takes, LicRequestTake, i);

      end += take->users;
      if (position <= end)
        return take->due_at;
    }
  return NULL;
}

/* One user on a pool's Payable list, at @position (1: the latest rank). */
typedef struct
{
  gint64 user_id;
  gint64 pool_id;
  gint64 position;
  gint64 product_id;
  char *product_name;
  gint64 school_id;
} PayableRow;

static void
payable_row_clear (PayableRow *row)
{
  g_clear_pointer (&row->product_name, g_free);
}

static gboolean
payable_pools (LicSqliteConnection  *connection,
               const LicCaller      *caller,
               const LicUserFilter  *filter,
               const char           *user_ids,
               GPtrArray            *out,
               GError              **error)
{
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(GHashTable) takes = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (PayableRow));
  g_autofree char *now = clock_now_text ();
  int rc;

  g_array_set_clear_func (rows, (GDestroyNotify) payable_row_clear);
  /* lic_sqlite_fill_payable() has filled the list for this filter. */
  query = lic_sqlite_query_new ("SELECT l.user_id, l.pool_id, l.position, po.product_id, p.name,"
                                " po.school_id FROM " LIC_SQLITE_PAYABLE " l"
                                " JOIN pools po ON po.id = l.pool_id"
                                " JOIN products p ON p.id = po.product_id"
                                " WHERE l.user_id IN (SELECT value FROM json_each (?))"
                                " ORDER BY p.name COLLATE NOCASE, po.id");
  lic_sqlite_query_bind_text (query, user_ids);
  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return FALSE;

  /* The rows first: the pools' takes are read with statements of their own. */
  while ((rc = lic_sqlite_step (stmt, error)) == SQLITE_ROW)
    {
      PayableRow row = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
        g_strdup (lic_sqlite_column_text (stmt, 4)), sqlite3_column_int64 (stmt, 5),
      };

      g_array_append_val (rows, row);
    }
  lic_sqlite_statement_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  takes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      PayableRow *row = &g_array_index (rows, PayableRow, i);
      GArray *pool_takes = g_hash_table_lookup (takes, &row->pool_id);

      if (pool_takes == NULL)
        {
          g_auto(PoolInfo) info = { 0 };
          LicPoolFacts facts;

          if (!read_pool (connection, row->pool_id, now, &info, error))
            return FALSE;
          facts = pool_facts (&info);
          pool_takes = lic_compliance_takes (&facts);
          g_hash_table_insert (takes, g_memdup2 (&row->pool_id, sizeof (gint64)), pool_takes);
        }
      add_user_pool (out, row->user_id, row->pool_id, row->product_id, row->product_name,
                     row->school_id, due_for_position (pool_takes, row->position));
    }
  return TRUE;
}

/**
 * lic_sqlite_fill_payable:
 * @pool_id: one pool, or 0 for every pool of the caller's organization
 *
 * Puts the Payable list into %LIC_SQLITE_PAYABLE: in each pool with more users with access than
 * licenses paid (its counts say which, without counting), the `assigned − available` users of
 * the latest rank. A pool's users are ranked by a sort of its few hundred assignments, which is
 * cheaper than ranking every payable pool's at once with a window function.
 */
gboolean
lic_sqlite_fill_payable (LicSqliteConnection  *connection,
                         const LicCaller      *caller,
                         gint64                pool_id,
                         GError              **error)
{
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) pools = NULL;
  g_autoptr(LicSqliteStatement) latest = NULL;
  g_autoptr(LicSqliteStatement) add = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!lic_sqlite_connection_exec (connection,
                                   "CREATE TEMP TABLE IF NOT EXISTS payable_users"
                                   " (pool_id INTEGER NOT NULL, user_id INTEGER NOT NULL,"
                                   "  position INTEGER NOT NULL, PRIMARY KEY (pool_id, user_id))"
                                   " WITHOUT ROWID;"
                                   "CREATE INDEX IF NOT EXISTS temp.payable_users_by_user"
                                   " ON payable_users (user_id);"
                                   "DELETE FROM " LIC_SQLITE_PAYABLE ";",
                                   error))
    return FALSE;

  query = lic_sqlite_query_new ("SELECT po.id, po.active_count - po.quantity_paid FROM pools po"
                                " JOIN schools sc ON sc.id = po.school_id"
                                " WHERE sc.organization_id = ?"
                                " AND po.active_count > po.quantity_paid");
  lic_sqlite_query_bind_int (query, lic_sqlite_organization_id (caller));
  if (pool_id > 0)
    {
      lic_sqlite_query_append (query, " AND po.id = ?");
      lic_sqlite_query_bind_int (query, pool_id);
    }
  pools = lic_sqlite_query_prepare (query, connection, error);
  if (pools == NULL)
    return FALSE;
  while ((rc = lic_sqlite_step (pools, error)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (pools, 0), sqlite3_column_int64 (pools, 1) };

      g_array_append_vals (found, pair, 2);
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  latest = lic_sqlite_connection_prepare (connection,
                                          "SELECT a.user_id FROM assignments a"
                                          " WHERE a.pool_id = ? AND a.state = 'active'"
                                          " ORDER BY " LIC_SQLITE_LATEST_FIRST " LIMIT ?",
                                          error);
  add = lic_sqlite_connection_prepare (connection,
                                       "INSERT INTO " LIC_SQLITE_PAYABLE
                                       " (pool_id, user_id, position) VALUES (?, ?, ?)",
                                       error);
  if (latest == NULL || add == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i += 2)
    {
      gint64 id = g_array_index (found, gint64, i);
      gint64 position = 0;

      sqlite3_bind_int64 (latest, 1, id);
      sqlite3_bind_int64 (latest, 2, g_array_index (found, gint64, i + 1));
      while ((rc = lic_sqlite_step (latest, error)) == SQLITE_ROW)
        {
          sqlite3_bind_int64 (add, 1, id);
          sqlite3_bind_int64 (add, 2, sqlite3_column_int64 (latest, 0));
          sqlite3_bind_int64 (add, 3, ++position);
          if (!lic_sqlite_run_once (add, error))
            return FALSE;
        }
      lic_sqlite_statement_reset (latest);
      if (rc != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

static gboolean
no_access_pools (LicSqliteConnection  *connection,
                 const LicUserFilter  *filter,
                 const char           *user_ids,
                 GPtrArray            *out,
                 GError              **error)
{
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  int rc;

  query = lic_sqlite_query_new ("SELECT a.user_id, a.pool_id, po.product_id, p.name,"
                                " po.school_id, a.since"
                                " FROM assignments a"
                                " JOIN pools po ON po.id = a.pool_id"
                                " JOIN products p ON p.id = po.product_id"
                                " WHERE a.state = 'no_access'"
                                " AND a.user_id IN (SELECT value FROM json_each (?))");
  lic_sqlite_query_bind_text (query, user_ids);
  if (filter->pool_id > 0)
    {
      lic_sqlite_query_append (query, " AND a.pool_id = ?");
      lic_sqlite_query_bind_int (query, filter->pool_id);
    }
  lic_sqlite_query_append (query, " ORDER BY p.name COLLATE NOCASE, po.id");
  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = lic_sqlite_step (stmt, error)) == SQLITE_ROW)
    add_user_pool (out, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                   sqlite3_column_int64 (stmt, 2), lic_sqlite_column_text (stmt, 3),
                   sqlite3_column_int64 (stmt, 4), lic_sqlite_column_text (stmt, 5));
  return rc == SQLITE_DONE;
}

/**
 * lic_sqlite_user_pools:
 * @users: (element-type LicUser): a page of GET /users?list=…
 * @user_pools: (out) (transfer full) (element-type LicUserPool): for each user of @users, the
 *   pools that put them on the list, by product name
 */
gboolean
lic_sqlite_user_pools (LicSqliteConnection  *connection,
                       const LicCaller      *caller,
                       const LicUserFilter  *filter,
                       GPtrArray            *users,
                       GPtrArray           **user_pools,
                       GError              **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_user_pool_free);
  g_autoptr(GString) ids = g_string_new ("[");

  for (guint i = 0; i < users->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            lic_user_get_id (g_ptr_array_index (users, i)));
  g_string_append_c (ids, ']');

  if (users->len > 0
      && !(filter->list == LIC_USER_LIST_PAYABLE
           ? payable_pools (connection, caller, filter, ids->str, out, error)
           : no_access_pools (connection, filter, ids->str, out, error)))
    return FALSE;
  *user_pools = g_steal_pointer (&out);
  return TRUE;
}

/* The sweep */

typedef enum {
  STEP_LATE,
  STEP_SUSPEND,
  STEP_TERM_END,
  STEP_NONE,
} StepKind;

typedef struct
{
  StepKind kind;
  gint64 id;                        /* a purchase request, or a pool for STEP_TERM_END */
  char *at;                         /* when it fell due */
  char *term_end;                   /* STEP_TERM_END: the term that ended */
} Step;

static void
step_clear (Step *step)
{
  g_clear_pointer (&step->at, g_free);
  g_clear_pointer (&step->term_end, g_free);
  step->kind = STEP_NONE;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Step, step_clear)

/* The oldest step of @kind due at @now, if it is older than @step's. */
static gboolean
find_step (LicSqliteConnection  *connection,
           StepKind              kind,
           const char           *now,
           Step                 *step,
           GError              **error)
{
  static const char * const sql[] = {
    [STEP_LATE] = "SELECT id, created_at FROM purchase_requests"
                  " WHERE paid_order_id IS NULL AND late_mailed_at IS NULL AND created_at <= ?"
                  " ORDER BY created_at, id LIMIT 1",
    [STEP_SUSPEND] = "SELECT id, created_at FROM purchase_requests"
                     " WHERE paid_order_id IS NULL AND suspended_at IS NULL AND created_at <= ?"
                     " ORDER BY created_at, id LIMIT 1",
    [STEP_TERM_END] = "SELECT id, term_end FROM pools"
                      " WHERE term_end IS NOT NULL AND term_end <= ?"
                      " ORDER BY term_end, id LIMIT 1",
  };
  g_autoptr(LicSqliteStatement) stmt = lic_sqlite_connection_prepare (connection, sql[kind],
                                                                      error);
  g_autofree char *threshold = NULL;
  g_autofree char *at = NULL;
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  /* A term ends at the start of its term_end day: the date compares below every time of it. */
  threshold = kind == STEP_LATE ? lic_compliance_add_days (now, -LIC_COMPLIANCE_LATE_DAYS)
            : kind == STEP_SUSPEND ? lic_compliance_add_days (now, -LIC_COMPLIANCE_DUE_DAYS)
            : g_strdup (now);
  lic_sqlite_bind_text (stmt, 1, threshold);
  if (!find_row (stmt, &found, error))
    return FALSE;
  if (!found)
    return TRUE;

  at = kind == STEP_LATE ? lic_compliance_late_on (lic_sqlite_column_text (stmt, 1))
     : kind == STEP_SUSPEND ? lic_compliance_due_at (lic_sqlite_column_text (stmt, 1))
     : g_strconcat (lic_sqlite_column_text (stmt, 1), "T00:00:00Z", NULL);
  if (step->kind != STEP_NONE && g_strcmp0 (at, step->at) >= 0)
    return TRUE;
  step_clear (step);
  step->kind = kind;
  step->id = sqlite3_column_int64 (stmt, 0);
  step->at = g_steal_pointer (&at);
  if (kind == STEP_TERM_END)
    step->term_end = g_strdup (lic_sqlite_column_text (stmt, 1));
  return TRUE;
}

/* What a purchase request's e-mails say about it and its pool. */
static gboolean
read_request (LicSqliteConnection  *connection,
              gint64                request_id,
              const char           *now,
              PoolInfo             *info,
              LicComplianceFacts   *facts,
              char                **created_at,
              char                **due_at,
              gint64               *order_line_id,
              GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  LicPoolFacts pool;
  gint64 pool_id;
  gboolean found;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT pr.pool_id, pr.quantity, pr.created_at,"
                                        " ol.order_id, pr.order_line_id FROM purchase_requests pr"
                                        " JOIN order_lines ol ON ol.id = pr.order_line_id"
                                        " WHERE pr.id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request_id);
  if (!find_row (stmt, &found, error))
    return FALSE;
  g_assert (found);
  pool_id = sqlite3_column_int64 (stmt, 0);
  facts->quantity = sqlite3_column_int64 (stmt, 1);
  *created_at = g_strdup (lic_sqlite_column_text (stmt, 2));
  *due_at = lic_compliance_due_at (*created_at);
  facts->order_id = sqlite3_column_int64 (stmt, 3);
  *order_line_id = sqlite3_column_int64 (stmt, 4);
  lic_sqlite_statement_reset (stmt);

  if (!read_pool (connection, pool_id, now, info, error))
    return FALSE;
  pool = pool_facts (info);
  facts->organization_name = info->organization_name;
  facts->product_name = info->product_name;
  facts->school_name = info->school_name;
  facts->created_at = *created_at;
  facts->due_at = *due_at;
  facts->available = info->available;
  facts->payable_users = lic_compliance_payable_users (&pool);
  return TRUE;
}

/* Claims a step with @claim_sql, which takes (now, id) and changes one row or, if the step was
 * taken already, none. */
static gboolean
claim (LicSqliteConnection  *connection,
       const char           *claim_sql,
       const char           *now,
       gint64                id,
       gboolean             *claimed,
       GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = lic_sqlite_connection_prepare (connection, claim_sql,
                                                                      error);

  if (stmt == NULL)
    return FALSE;
  lic_sqlite_bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!lic_sqlite_run (stmt, error))
    return FALSE;
  *claimed = lic_sqlite_changes (connection) == 1;
  return TRUE;
}

/* Tells every admin of the pool's school of a step of the sweep: see lic_sqlite_notify_admins(). */
static gboolean
notify_admins (LicSqliteConnection  *connection,
               const PoolInfo       *info,
               const char           *kind,
               gint64                order_line_id,
               gint64                quantity,
               const char           *now,
               GError              **error)
{
  return lic_sqlite_notify_admins (connection, kind, info->organization_id, info->school_id,
                                   info->id, order_line_id, quantity, now, error);
}

/* Day 30: once, the admins hear that the payment is late, by e-mail and notification. */
static gboolean
step_late (LicSqliteConnection  *connection,
           gint64                request_id,
           const char           *now,
           LicSweepReport       *report,
           GError              **error)
{
  g_auto(PoolInfo) info = { 0 };
  LicComplianceFacts facts = { 0 };
  g_autofree char *created_at = NULL;
  g_autofree char *due_at = NULL;
  gint64 order_line_id;
  gboolean claimed;

  if (!claim (connection,
              "UPDATE purchase_requests SET late_mailed_at = ?1 WHERE id = ?2"
              " AND late_mailed_at IS NULL AND paid_order_id IS NULL",
              now, request_id, &claimed, error))
    return FALSE;
  if (!claimed)
    return TRUE;
  if (!read_request (connection, request_id, now, &info, &facts, &created_at, &due_at,
                     &order_line_id, error)
      || !mail_admins (connection, &info, lic_text_late_mail, &facts, error)
      || !notify_admins (connection, &info, "payment_late", order_line_id, facts.quantity, now,
                         error))
    return FALSE;
  report->late++;
  return TRUE;
}

/* Day 60: the request's licenses are suspended, the users beyond capacity lose access, and the
 * admins (by e-mail and notification) and those users hear of it. */
static gboolean
step_suspend (LicSqliteConnection  *connection,
              gint64                request_id,
              const char           *now,
              LicSweepReport       *report,
              GError              **error)
{
  g_auto(PoolInfo) info = { 0 };
  LicComplianceFacts facts = { 0 };
  g_autofree char *created_at = NULL;
  g_autofree char *due_at = NULL;
  gint64 order_line_id;
  gboolean claimed;

  if (!claim (connection,
              "UPDATE purchase_requests SET suspended_at = ?1 WHERE id = ?2"
              " AND suspended_at IS NULL AND paid_order_id IS NULL",
              now, request_id, &claimed, error))
    return FALSE;
  if (!claimed)
    return TRUE;
  if (!read_request (connection, request_id, now, &info, &facts, &created_at, &due_at,
                     &order_line_id, error)
      || !take_access (connection, &info, now, &facts, LIC_ACCESS_ENDED_UNPAID,
                       &facts.no_access, error)
      || !mail_admins (connection, &info, lic_text_suspended_mail, &facts, error)
      || !notify_admins (connection, &info, "licenses_suspended", order_line_id, facts.quantity,
                         now, error))
    return FALSE;
  report->suspended++;
  report->lost_access += facts.no_access;
  return TRUE;
}

/* A term's end: what was renewed is the next term's, and the users beyond it lose access; if
 * any did, the admins hear of it by e-mail and notification. */
static gboolean
step_term_end (LicSqliteConnection  *connection,
               gint64                pool_id,
               const char           *term_end,
               const char           *now,
               LicSweepReport       *report,
               GError              **error)
{
  g_autoptr(LicSqliteStatement) roll = NULL;
  g_auto(PoolInfo) info = { 0 };
  g_autofree char *next = NULL;
  g_autofree char *ended = g_strconcat (term_end, "T00:00:00Z", NULL);
  LicComplianceFacts facts = { 0 };
  gint64 renewed;

  if (!read_pool (connection, pool_id, now, &info, error))
    return FALSE;
  if (g_strcmp0 (info.term_end, term_end) != 0)
    return TRUE;
  renewed = info.renewed;
  next = lic_compliance_next_term_end (term_end, info.term_months);
  roll = lic_sqlite_connection_prepare (connection,
                                        "UPDATE pools SET quantity_paid = renewed, renewed = 0,"
                                        " term_end = ?1 WHERE id = ?2 AND term_end = ?3",
                                        error);
  if (roll == NULL)
    return FALSE;
  lic_sqlite_bind_text (roll, 1, next);
  sqlite3_bind_int64 (roll, 2, pool_id);
  lic_sqlite_bind_text (roll, 3, term_end);
  if (!lic_sqlite_run (roll, error))
    return FALSE;
  if (lic_sqlite_changes (connection) == 0)
    return TRUE;

  if (!read_pool (connection, pool_id, now, &info, error))
    return FALSE;
  facts.organization_name = info.organization_name;
  facts.product_name = info.product_name;
  facts.school_name = info.school_name;
  facts.quantity = renewed;
  facts.due_at = ended;
  facts.available = info.available;
  if (!take_access (connection, &info, now, &facts, LIC_ACCESS_ENDED_NOT_RENEWED,
                    &facts.no_access, error)
      || (facts.no_access > 0
          && (!mail_admins (connection, &info, lic_text_term_ended_mail, &facts, error)
              || !notify_admins (connection, &info, "access_ended", 0, facts.no_access, now,
                                 error))))
    return FALSE;
  report->terms_ended++;
  report->lost_access += facts.no_access;
  return TRUE;
}

/**
 * lic_sqlite_store_sweep:
 *
 * Takes every step of the compliance rules due at @now, oldest first, each in a transaction of
 * its own; see the top of this file.
 */
gboolean
lic_sqlite_store_sweep (LicStore        *store,
                        GDateTime       *clock_now,
                        GCancellable    *cancellable,
                        LicSweepReport  *report,
                        GError         **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autofree char *now = format_now (clock_now);

  memset (report, 0, sizeof *report);
  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL)
    return FALSE;

  for (;;)
    {
      g_auto(Step) step = { STEP_NONE, 0, NULL, NULL };
      LicSweepReport before = *report;
      gboolean done;

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !find_step (connection, STEP_LATE, now, &step, error)
          || !find_step (connection, STEP_SUSPEND, now, &step, error)
          || !find_step (connection, STEP_TERM_END, now, &step, error))
        return FALSE;
      if (step.kind == STEP_NONE)
        return TRUE;

      if (!lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
        return FALSE;
      switch (step.kind)
        {
        case STEP_LATE:
          done = step_late (connection, step.id, now, report, error);
          break;
        case STEP_SUSPEND:
          done = step_suspend (connection, step.id, now, report, error);
          break;
        case STEP_TERM_END:
          done = step_term_end (connection, step.id, step.term_end, now, report, error);
          break;
        case STEP_NONE:
        default:
          g_assert_not_reached ();
        }
      if (!done || !lic_sqlite_connection_commit (connection, error))
        return FALSE;
      if (memcmp (&before, report, sizeof before) != 0)
        lic_store_emit_committed (store, TRUE, TRUE);
    }
}

/* Purchase requests */

static LicPurchaseRequest *
request_from_row (LicSqliteStatement *stmt,
                  const char         *currency,
                  const char         *now)
{
  const char *created_at = lic_sqlite_column_text (stmt, 7);
  g_autofree char *late_on = lic_compliance_late_on (created_at);
  g_autofree char *due_at = lic_compliance_due_at (created_at);
  gint64 paid_order_id = sqlite3_column_int64 (stmt, 9);

  return g_object_new (LIC_TYPE_PURCHASE_REQUEST,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "product-id", sqlite3_column_int64 (stmt, 1),
                       "product-name", lic_sqlite_column_text (stmt, 2),
                       "school-id", sqlite3_column_int64 (stmt, 3),
                       "school-name", lic_sqlite_column_text (stmt, 4),
                       "pool-id", sqlite3_column_int64 (stmt, 5),
                       "quantity", sqlite3_column_int64 (stmt, 6),
                       "created-at", created_at,
                       "late-on", late_on,
                       "due-at", due_at,
                       "state", lic_compliance_request_state (created_at,
                                                              lic_sqlite_column_text (stmt, 8),
                                                              paid_order_id, now),
                       "paid-order-id", paid_order_id,
                       "paid-at", lic_sqlite_column_text (stmt, 10),
                       "order-line-id", sqlite3_column_int64 (stmt, 11),
                       "price", sqlite3_column_int64 (stmt, 12),
                       "currency", currency,
                       NULL);
}

static LicSqliteQuery *
request_query (const LicCaller *caller)
{
  LicSqliteQuery *query = lic_sqlite_query_new (REQUEST_SELECT);

  lic_sqlite_query_bind_text (query, lic_organization_get_currency (caller->organization));
  lic_sqlite_query_bind_int (query, lic_sqlite_organization_id (caller));
  lic_sqlite_add_school_scope (query, caller, "po.school_id");
  return query;
}

static LicPurchaseRequest *
load_request (LicSqliteConnection  *connection,
              const LicCaller      *caller,
              gint64                request_id,
              const char           *now,
              GError              **error)
{
  g_autoptr(LicSqliteQuery) query = request_query (caller);
  g_autoptr(LicSqliteStatement) stmt = NULL;
  gboolean found;

  lic_sqlite_query_append (query, " AND pr.id = ?");
  lic_sqlite_query_bind_int (query, request_id);
  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL || !find_row (stmt, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND,
                   _("There is no purchase request %" PRId64 " in your schools."), request_id);
      return NULL;
    }
  return request_from_row (stmt, lic_organization_get_currency (caller->organization), now);
}

GPtrArray *
lic_sqlite_store_list_purchase_requests (LicStore                *store,
                                         const LicCaller         *caller,
                                         const LicRequestFilter  *filter,
                                         const LicPage           *page,
                                         gboolean                *more,
                                         GError                 **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteQuery) query = request_query (caller);
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *now = clock_now_text ();
  g_autofree char *late_from = lic_compliance_add_days (now, -LIC_COMPLIANCE_LATE_DAYS);
  int rc;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL)
    return NULL;
  if (filter->school_id > 0)
    {
      lic_sqlite_query_append (query, " AND po.school_id = ?");
      lic_sqlite_query_bind_int (query, filter->school_id);
    }
  if (filter->product_id > 0)
    {
      lic_sqlite_query_append (query, " AND po.product_id = ?");
      lic_sqlite_query_bind_int (query, filter->product_id);
    }
  switch (filter->state)
    {
    case LIC_REQUEST_STATE_DUE:
    case LIC_REQUEST_STATE_LATE:
      lic_sqlite_query_append (query, filter->state == LIC_REQUEST_STATE_DUE
                                      ? " AND pr.paid_order_id IS NULL"
                                        " AND pr.suspended_at IS NULL AND pr.created_at > ?"
                                      : " AND pr.paid_order_id IS NULL"
                                        " AND pr.suspended_at IS NULL AND pr.created_at <= ?");
      lic_sqlite_query_bind_text (query, late_from);
      break;
    case LIC_REQUEST_STATE_SUSPENDED:
      lic_sqlite_query_append (query, " AND pr.paid_order_id IS NULL"
                                      " AND pr.suspended_at IS NOT NULL");
      break;
    case LIC_REQUEST_STATE_ORDERED:
      lic_sqlite_query_append (query, " AND pr.paid_order_id IS NOT NULL");
      break;
    default:
      break;
    }
  lic_sqlite_add_newest_first (query, page, "pr.id");
  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = lic_sqlite_step (stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (requests,
                     request_from_row (stmt, lic_organization_get_currency (caller->organization),
                                       now));
  if (rc != SQLITE_DONE)
    return NULL;
  *more = requests->len > page->limit;
  if (*more)
    g_ptr_array_set_size (requests, page->limit);
  return g_steal_pointer (&requests);
}

LicPurchaseRequest *
lic_sqlite_store_get_purchase_request (LicStore         *store,
                                       const LicCaller  *caller,
                                       gint64            request_id,
                                       GError          **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autofree char *now = clock_now_text ();

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL)
    return NULL;
  return load_request (connection, caller, request_id, now, error);
}

/* The price of @quantity licenses of pool @pool_id's product now, in the caller's currency;
 * %LIC_ERROR_CONFLICT if the product is no longer offered in it. */
static gboolean
current_price (LicSqliteConnection  *connection,
               const LicCaller      *caller,
               gint64                pool_id,
               gint64                quantity,
               gint64               *unit_price,
               char                **delivery,
               GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  gboolean found;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT pp.price_minor, p.delivery, p.name FROM pools po"
                                        " JOIN products p ON p.id = po.product_id"
                                        " LEFT JOIN product_prices pp ON pp.product_id = p.id"
                                        "  AND pp.currency = ?"
                                        " WHERE po.id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;
  lic_sqlite_bind_text (stmt, 1, lic_organization_get_currency (caller->organization));
  sqlite3_bind_int64 (stmt, 2, pool_id);
  if (!find_row (stmt, &found, error))
    return FALSE;
  g_assert (found);
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                   /* TRANSLATORS: a product, and a currency such as EUR */
                   _("%s is no longer offered in %s, so it cannot be ordered here. Ask its "
                     "supplier."), lic_sqlite_column_text (stmt, 2),
                   lic_organization_get_currency (caller->organization));
      return FALSE;
    }
  *unit_price = sqlite3_column_int64 (stmt, 0);
  *delivery = g_strdup (lic_sqlite_column_text (stmt, 1));
  return TRUE;
}

/* One delivered line of @quantity licenses at @unit_price in order @order_id: a renewal, or
 * the payment of request @pays_request_id. */
static gboolean
insert_line (LicSqliteConnection  *connection,
             gint64                order_id,
             gint64                pool_id,
             gint64                quantity,
             gint64                unit_price,
             const char           *delivery,
             const char           *now,
             gboolean              renewal,
             gint64                pays_request_id,
             GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "INSERT INTO order_lines (order_id, pool_id, quantity,"
                                        " unit_price, delivery, state, state_since, renewal,"
                                        " pays_request_id)"
                                        " VALUES (?, ?, ?, ?, ?, 'delivered', ?, ?, ?)",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, order_id);
  sqlite3_bind_int64 (stmt, 2, pool_id);
  sqlite3_bind_int64 (stmt, 3, quantity);
  sqlite3_bind_int64 (stmt, 4, unit_price);
  lic_sqlite_bind_text (stmt, 5, delivery);
  lic_sqlite_bind_text (stmt, 6, now);
  sqlite3_bind_int (stmt, 7, renewal);
  if (pays_request_id > 0)
    sqlite3_bind_int64 (stmt, 8, pays_request_id);
  else
    sqlite3_bind_null (stmt, 8);
  return lic_sqlite_run (stmt, error);
}

/* For a retried payment: what the order made with the same key did, which must be what is
 * asked again. @sql selects one row with a column that must equal @expected. */
static gboolean
check_retry (LicSqliteConnection  *connection,
             const char           *sql,
             gint64                order_id,
             gint64                expected,
             GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = lic_sqlite_connection_prepare (connection, sql, error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, order_id);
  if (!find_row (stmt, &found, error))
    return FALSE;
  if (found && sqlite3_column_int64 (stmt, 0) == expected)
    return TRUE;
  g_set_error_literal (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                       _("This idempotency key was used for another order. Make a new key for "
                         "each order."));
  return FALSE;
}

LicOrder *
lic_sqlite_store_pay_purchase_request (LicStore            *store,
                                       const LicCaller     *caller,
                                       gint64               request_id,
                                       const LicPayment    *payment,
                                       GDateTime           *clock_now,
                                       gboolean            *created,
                                       LicPurchaseRequest **request,
                                       GError             **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) facts = NULL;
  g_autoptr(LicSqliteStatement) pay = NULL;
  g_autoptr(LicSqliteStatement) add = NULL;
  g_autoptr(LicOrder) order = NULL;
  g_autoptr(LicPurchaseRequest) paid = NULL;
  g_autofree char *now = format_now (clock_now);
  g_autofree char *delivery = NULL;
  LicSqliteScope scope = { caller, 0 };
  gint64 order_id, pool_id, quantity, unit_price;
  gboolean arrived, found;

  *created = FALSE;
  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return NULL;

  /* A retry: the order made the first time. */
  order_id = lic_sqlite_find_order (connection, caller, payment->idempotency_key, error);
  if (order_id < 0)
    return NULL;
  if (order_id > 0)
    {
      if (!check_retry (connection, "SELECT pays_request_id FROM order_lines WHERE order_id = ?",
                        order_id, request_id, error)
          || (order = lic_sqlite_load_order (connection, &scope, order_id, error)) == NULL
          || (*request = load_request (connection, caller, request_id, now, error)) == NULL)
        return NULL;
      return g_steal_pointer (&order);
    }

  paid = load_request (connection, caller, request_id, now, error);
  if (paid == NULL)
    return NULL;
  if (lic_purchase_request_get_paid_order_id (paid) > 0)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                   _("Purchase request %" PRId64 " has been paid already, by order %" PRId64
                     "."), request_id, lic_purchase_request_get_paid_order_id (paid));
      return NULL;
    }
  pool_id = lic_purchase_request_get_pool_id (paid);
  quantity = lic_purchase_request_get_quantity (paid);
  if (!current_price (connection, caller, pool_id, quantity, &unit_price, &delivery, error)
      || !lic_rules_check_total (unit_price * quantity, payment, error))
    return NULL;

  facts = lic_sqlite_connection_prepare (connection,
                                         "SELECT ol.state = 'delivered' FROM purchase_requests pr"
                                         " JOIN order_lines ol ON ol.id = pr.order_line_id"
                                         " WHERE pr.id = ?",
                                         error);
  pay = lic_sqlite_connection_prepare (connection,
                                       "UPDATE purchase_requests SET paid_order_id = ?,"
                                       " paid_at = ? WHERE id = ?",
                                       error);
  add = lic_sqlite_connection_prepare (connection,
                                       "UPDATE pools SET quantity_paid = quantity_paid + ?"
                                       " WHERE id = ?",
                                       error);
  if (facts == NULL || pay == NULL || add == NULL)
    return NULL;
  sqlite3_bind_int64 (facts, 1, request_id);
  if (!find_row (facts, &found, error))
    return NULL;
  arrived = sqlite3_column_int (facts, 0);

  order_id = lic_sqlite_insert_order (connection, caller, payment->idempotency_key, "order",
                                      now, error);
  if (order_id == 0
      || !insert_line (connection, order_id, pool_id, quantity, unit_price, delivery, now,
                       FALSE, request_id, error))
    return NULL;
  sqlite3_bind_int64 (pay, 1, order_id);
  lic_sqlite_bind_text (pay, 2, now);
  sqlite3_bind_int64 (pay, 3, request_id);
  /* Licenses that have not arrived become paid when they arrive. */
  sqlite3_bind_int64 (add, 1, arrived ? quantity : 0);
  sqlite3_bind_int64 (add, 2, pool_id);
  if (!lic_sqlite_run (pay, error)
      || !lic_sqlite_run (add, error)
      || !lic_sqlite_fill_pool (connection, pool_id, NULL, FALSE, now, NULL, error))
    return NULL;

  order = lic_sqlite_load_order (connection, &scope, order_id, error);
  if (order == NULL
      || (*request = load_request (connection, caller, request_id, now, error)) == NULL
      || !lic_sqlite_connection_commit (connection, error))
    {
      g_clear_object (request);
      return NULL;
    }
  *created = TRUE;
  lic_store_emit_committed (store, FALSE, TRUE);
  return g_steal_pointer (&order);
}

/* Keeping a payable user */

/* Whether user @user_id is on the pool's Payable list, and whether they have access in it. */
static gboolean
payable_state (LicSqliteConnection  *connection,
               LicPool              *pool,
               gint64                user_id,
               gboolean             *payable,
               gboolean             *active,
               GError              **error)
{
  g_autoptr(LicSqliteStatement) list = NULL;
  g_autoptr(LicSqliteStatement) state = NULL;
  gint64 n = lic_pool_get_assigned (pool) - lic_pool_get_available (pool);
  gboolean found;

  list = lic_sqlite_connection_prepare (connection,
                                        "SELECT 1 FROM (SELECT a.user_id FROM assignments a"
                                        " WHERE a.pool_id = ?1 AND a.state = 'active'"
                                        " ORDER BY " LIC_SQLITE_LATEST_FIRST " LIMIT ?2)"
                                        " WHERE user_id = ?3",
                                        error);
  state = lic_sqlite_connection_prepare (connection,
                                         "SELECT state = 'active' FROM assignments"
                                         " WHERE pool_id = ? AND user_id = ?",
                                         error);
  if (list == NULL || state == NULL)
    return FALSE;
  sqlite3_bind_int64 (list, 1, lic_pool_get_id (pool));
  sqlite3_bind_int64 (list, 2, MAX (n, 0));
  sqlite3_bind_int64 (list, 3, user_id);
  sqlite3_bind_int64 (state, 1, lic_pool_get_id (pool));
  sqlite3_bind_int64 (state, 2, user_id);
  if (!find_row (list, payable, error) || !find_row (state, &found, error))
    return FALSE;
  *active = found && sqlite3_column_int (state, 0);
  return TRUE;
}

LicPool *
lic_sqlite_store_keep (LicStore         *store,
                       const LicCaller  *caller,
                       gint64            pool_id,
                       gint64            user_id,
                       gint64            instead_of,
                       GDateTime        *clock_now,
                       GError          **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) give_up = NULL;
  g_autoptr(LicSqliteStatement) keep = NULL;
  g_autoptr(LicPool) before = NULL;
  g_autoptr(LicPool) after = NULL;
  g_autofree char *now = format_now (clock_now);
  gboolean payable, active;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return NULL;
  before = lic_sqlite_load_pool (connection, caller, pool_id, error);
  if (before == NULL || !payable_state (connection, before, user_id, &payable, &active, error))
    return NULL;
  if (!payable)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                   /* TRANSLATORS: a user id, a product and a school */
                   _("User %" PRId64 " is not on the Payable list of %s at %s: only users on it "
                     "can be kept in place of another."), user_id,
                   lic_pool_get_product_name (before), lic_pool_get_school_name (before));
      return NULL;
    }
  if (!payable_state (connection, before, instead_of, &payable, &active, error))
    return NULL;
  if (!active || payable)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                   /* TRANSLATORS: a user id, a product and a school */
                   !active ? _("User %" PRId64 " has no license of %s at %s to give up. Pick a "
                               "user who has one and is not on the Payable list.")
                           : _("User %" PRId64 " is on the Payable list of %s at %s too. Pick a "
                               "user who is not on it to give up their license."),
                   instead_of, lic_pool_get_product_name (before),
                   lic_pool_get_school_name (before));
      return NULL;
    }

  give_up = lic_sqlite_connection_prepare (connection,
                                           "DELETE FROM assignments"
                                           " WHERE pool_id = ? AND user_id = ?",
                                           error);
  keep = lic_sqlite_connection_prepare (connection,
                                        "UPDATE assignments SET kept_at = ?"
                                        " WHERE pool_id = ? AND user_id = ?",
                                        error);
  if (give_up == NULL || keep == NULL)
    return NULL;
  sqlite3_bind_int64 (give_up, 1, pool_id);
  sqlite3_bind_int64 (give_up, 2, instead_of);
  lic_sqlite_bind_text (keep, 1, now);
  sqlite3_bind_int64 (keep, 2, pool_id);
  sqlite3_bind_int64 (keep, 3, user_id);
  if (!lic_sqlite_run (give_up, error) || !lic_sqlite_run (keep, error)
      || !lic_sqlite_fill_pool (connection, pool_id, NULL, TRUE, now, NULL, error))
    return NULL;

  after = lic_sqlite_load_pool (connection, caller, pool_id, error);
  if (after == NULL || !lic_sqlite_connection_commit (connection, error))
    return NULL;
  return g_steal_pointer (&after);
}

/* Renewal */

LicOrder *
lic_sqlite_store_renew (LicStore          *store,
                        const LicCaller   *caller,
                        gint64             pool_id,
                        const LicPayment  *payment,
                        GDateTime         *clock_now,
                        gboolean          *created,
                        LicPool          **pool,
                        GError           **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) renew = NULL;
  g_autoptr(LicPool) before = NULL;
  g_autoptr(LicOrder) order = NULL;
  g_autofree char *now = format_now (clock_now);
  g_autofree char *delivery = NULL;
  LicSqliteScope scope = { caller, 0 };
  const char *term_end;
  gint64 order_id, unit_price;

  *created = FALSE;
  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return NULL;

  order_id = lic_sqlite_find_order (connection, caller, payment->idempotency_key, error);
  if (order_id < 0)
    return NULL;
  if (order_id > 0)
    {
      if (!check_retry (connection, "SELECT pool_id FROM order_lines"
                                    " WHERE order_id = ? AND renewal = 1",
                        order_id, pool_id, error)
          || (order = lic_sqlite_load_order (connection, &scope, order_id, error)) == NULL
          || (*pool = lic_sqlite_load_pool (connection, caller, pool_id, error)) == NULL)
        return NULL;
      return g_steal_pointer (&order);
    }

  before = lic_sqlite_load_pool (connection, caller, pool_id, error);
  if (before == NULL)
    return NULL;
  term_end = lic_pool_get_term_end (before);
  if (term_end == NULL)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                   /* TRANSLATORS: a product and a school */
                   _("%s at %s has no term to renew yet: its licenses have not arrived."),
                   lic_pool_get_product_name (before), lic_pool_get_school_name (before));
      return NULL;
    }
  if (!lic_compliance_in_renewal (term_end, now))
    {
      g_autofree char *starts = g_strconcat (lic_pool_get_renewal_starts (before), "T00:00:00Z",
                                             NULL);
      g_autofree char *ends = g_strconcat (term_end, "T00:00:00Z", NULL);
      g_autofree char *starts_text = lic_text_date (starts);
      g_autofree char *ends_text = lic_text_date (ends);

      g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                   /* TRANSLATORS: a product, a school, and two dates such as "1 July 2027" */
                   _("%s at %s can be renewed only in the 30 days before its term ends: from %s "
                     "until %s."), lic_pool_get_product_name (before),
                   lic_pool_get_school_name (before), starts_text, ends_text);
      return NULL;
    }
  if (!current_price (connection, caller, pool_id, payment->quantity, &unit_price, &delivery,
                      error)
      || !lic_rules_check_total (unit_price * payment->quantity, payment, error))
    return NULL;

  renew = lic_sqlite_connection_prepare (connection,
                                         "UPDATE pools SET renewed = renewed + ? WHERE id = ?",
                                         error);
  if (renew == NULL)
    return NULL;
  sqlite3_bind_int64 (renew, 1, payment->quantity);
  sqlite3_bind_int64 (renew, 2, pool_id);
  order_id = lic_sqlite_insert_order (connection, caller, payment->idempotency_key, "order",
                                      now, error);
  if (order_id == 0
      || !insert_line (connection, order_id, pool_id, payment->quantity, unit_price, delivery,
                       now, TRUE, 0, error)
      || !lic_sqlite_run (renew, error))
    return NULL;

  order = lic_sqlite_load_order (connection, &scope, order_id, error);
  if (order == NULL
      || (*pool = lic_sqlite_load_pool (connection, caller, pool_id, error)) == NULL
      || !lic_sqlite_connection_commit (connection, error))
    {
      g_clear_object (pool);
      return NULL;
    }
  *created = TRUE;
  return g_steal_pointer (&order);
}

/* The overview */

/* @notice of @pool, with the pool's product and school named. */
static LicNotice *
notice_in_pool (LicNotice *notice,
                LicPool   *pool)
{
  return g_object_new (LIC_TYPE_NOTICE,
                       "kind", lic_notice_get_kind (notice),
                       "purchase-request-id", lic_notice_get_purchase_request_id (notice),
                       "quantity", lic_notice_get_quantity (notice),
                       "created-at", lic_notice_get_created_at (notice),
                       "late-on", lic_notice_get_late_on (notice),
                       "due-at", lic_notice_get_due_at (notice),
                       "payable-users", lic_notice_get_payable_users (notice),
                       "no-access", lic_notice_get_no_access (notice),
                       "ordered-at", lic_notice_get_ordered_at (notice),
                       "order-id", lic_notice_get_order_id (notice),
                       "term-end", lic_notice_get_term_end (notice),
                       "renewal-starts", lic_notice_get_renewal_starts (notice),
                       "to-renew", lic_notice_get_to_renew (notice),
                       "pool-id", lic_pool_get_id (pool),
                       "product-id", lic_pool_get_product_id (pool),
                       "product-name", lic_pool_get_product_name (pool),
                       "school-id", lic_pool_get_school_id (pool),
                       "school-name", lic_pool_get_school_name (pool),
                       NULL);
}

GPtrArray *
lic_sqlite_store_list_notices (LicStore         *store,
                               const LicCaller  *caller,
                               GError          **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(GPtrArray) pools = NULL;
  g_autoptr(GListStore) notices = g_list_store_new (LIC_TYPE_NOTICE);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *now = clock_now_text ();
  g_autofree char *shown_since = lic_compliance_add_days (now,
                                                          -LIC_COMPLIANCE_ORDER_PLACED_DAYS);
  g_autofree char *renewal_until = lic_compliance_add_days (now, LIC_COMPLIANCE_RENEWAL_DAYS);

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_READ, error))
    return NULL;

  /* The pools with a request unpaid or paid lately, and those in their renewal period with
   * licenses left to renew. */
  query = lic_sqlite_pool_query (caller);
  lic_sqlite_query_append (query, " AND (po.id IN (SELECT pool_id FROM purchase_requests"
                                  "  WHERE paid_order_id IS NULL OR paid_at >= ?)"
                                  " OR (po.term_end > ? AND po.term_end <= ?"
                                  "  AND po.active_count > po.renewed))");
  lic_sqlite_query_bind_text (query, shown_since);
  lic_sqlite_query_bind_text (query, now);
  lic_sqlite_query_bind_text (query, renewal_until);
  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL || (pools = lic_sqlite_collect_pools (connection, stmt, error)) == NULL)
    return NULL;

  for (guint i = 0; i < pools->len; i++)
    {
      LicPool *pool = g_ptr_array_index (pools, i);
      GListModel *pool_notices = lic_pool_get_notices (pool);

      for (guint n = 0; n < g_list_model_get_n_items (pool_notices); n++)
        {
          g_autoptr(LicNotice) notice = g_list_model_get_item (pool_notices, n);
          g_autoptr(LicNotice) named = notice_in_pool (notice, pool);

          g_list_store_append (notices, named);
        }
    }
  lic_compliance_sort_notices (notices);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (notices)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (notices), i));
  return g_steal_pointer (&items);
}
