/* lic-sqlite-buying.c: the cart, orders, deliveries and activation codes of LicSqliteStore.
 *
 * Every function that writes runs in one BEGIN IMMEDIATE transaction: it holds the write lock
 * before it reads the facts it decides on, so nothing changes them under it, and a checkout
 * retried at the same moment waits for the first and then finds its order. A refusal returns
 * before the commit, and releasing the connection rolls back whatever was written: the rules
 * (lic-rules.c) are asked about the line or cart as it would be, and a no leaves no trace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "lic-clock.h"
#include "lic-i18n.h"
#include "lic-password.h"
#include "lic-sqlite-store-private.h"
#include "lic-texts.h"

#define ACTIVATION_DAYS 14

/* The distinct users a cart line assigns: those picked and the members of the groups picked.
 * @line is the SQL of the line's id. */
#define LINE_USERS(line) \
  "SELECT user_id FROM cart_line_users WHERE line_id = " line \
  " UNION SELECT m.user_id FROM cart_line_groups lg" \
  " JOIN group_members m ON m.group_id = lg.group_id WHERE lg.line_id = " line

/* Binds the currency, then the cart's owner. */
#define CART_LINE_SELECT \
  "SELECT cl.id, cl.product_id, p.name, s.name, cl.school_id, sc.name, cl.quantity, p.delivery," \
  " pr.price_minor, p.term_months," \
  " (SELECT group_concat (user_id) FROM" \
  "   (SELECT user_id FROM cart_line_users WHERE line_id = cl.id ORDER BY user_id))," \
  " (SELECT group_concat (group_id) FROM" \
  "   (SELECT group_id FROM cart_line_groups WHERE line_id = cl.id ORDER BY group_id))," \
  " (SELECT count (*) FROM (" LINE_USERS ("cl.id") "))" \
  " FROM cart_lines cl" \
  " JOIN products p ON p.id = cl.product_id" \
  " JOIN suppliers s ON s.id = p.supplier_id" \
  " JOIN schools sc ON sc.id = cl.school_id" \
  " LEFT JOIN product_prices pr ON pr.product_id = p.id AND pr.currency = ?" \
  " WHERE cl.user_id = ?"

#define ORDER_LINE_SELECT \
  "SELECT ol.id, ol.order_id, po.product_id, p.name, po.school_id, sc.name, po.id, ol.quantity," \
  " ol.unit_price, ol.delivery, ol.state, ol.state_since, ol.activation_email," \
  " (SELECT count (*) FROM assignments a WHERE a.order_line_id = ol.id AND a.state = 'active')," \
  " ol.renewal, coalesce (ol.pays_request_id, pr.id, 0), ol.pays_request_id IS NOT NULL," \
  " pr.paid_order_id IS NOT NULL" \
  " FROM order_lines ol" \
  " LEFT JOIN purchase_requests pr ON pr.order_line_id = ol.id" \
  " JOIN orders o ON o.id = ol.order_id" \
  " JOIN pools po ON po.id = ol.pool_id" \
  " JOIN products p ON p.id = po.product_id" \
  " JOIN schools sc ON sc.id = po.school_id" \
  " WHERE "

/* Rows to records. */

static void
parse_ids (const char *joined,
           GArray     *ids)
{
  g_auto(GStrv) parts = joined != NULL ? g_strsplit (joined, ",", -1) : NULL;

  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

      g_array_append_val (ids, id);
    }
}

static gpointer
cart_line_from_row (LicSqliteStatement *stmt)
{
  LicCartLine *line = lic_cart_line_new ();

  line->id = sqlite3_column_int64 (stmt, 0);
  line->product_id = sqlite3_column_int64 (stmt, 1);
  line->product_name = g_strdup (lic_sqlite_column_text (stmt, 2));
  line->supplier = g_strdup (lic_sqlite_column_text (stmt, 3));
  line->school_id = sqlite3_column_int64 (stmt, 4);
  line->school_name = g_strdup (lic_sqlite_column_text (stmt, 5));
  line->quantity = sqlite3_column_int64 (stmt, 6);
  line->delivery = lic_sqlite_enum_column (stmt, 7, LIC_TYPE_DELIVERY);
  line->offered = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  line->unit_price = sqlite3_column_int64 (stmt, 8);
  line->term_months = sqlite3_column_int64 (stmt, 9);
  parse_ids (lic_sqlite_column_text (stmt, 10), line->user_ids);
  parse_ids (lic_sqlite_column_text (stmt, 11), line->group_ids);
  line->assigned_count = sqlite3_column_int64 (stmt, 12);
  return line;
}

static gpointer
order_line_from_row (LicSqliteStatement *stmt)
{
  LicOrderLine *line = g_new0 (LicOrderLine, 1);

  line->id = sqlite3_column_int64 (stmt, 0);
  line->order_id = sqlite3_column_int64 (stmt, 1);
  line->product_id = sqlite3_column_int64 (stmt, 2);
  line->product_name = g_strdup (lic_sqlite_column_text (stmt, 3));
  line->school_id = sqlite3_column_int64 (stmt, 4);
  line->school_name = g_strdup (lic_sqlite_column_text (stmt, 5));
  line->pool_id = sqlite3_column_int64 (stmt, 6);
  line->quantity = sqlite3_column_int64 (stmt, 7);
  line->unit_price = sqlite3_column_int64 (stmt, 8);
  line->delivery = lic_sqlite_enum_column (stmt, 9, LIC_TYPE_DELIVERY);
  /* The schema's CHECK constraint allows only the nicks. */
  if (!lic_line_state_from_nick (lic_sqlite_column_text (stmt, 10), &line->state))
    g_assert_not_reached ();
  line->state_since = g_strdup (lic_sqlite_column_text (stmt, 11));
  line->activation_email = g_strdup (lic_sqlite_column_text (stmt, 12));
  line->assigned = sqlite3_column_int64 (stmt, 13);
  line->renewal = sqlite3_column_int (stmt, 14);
  line->purchase_request_id = sqlite3_column_int64 (stmt, 15);
  line->pays_request = sqlite3_column_int (stmt, 16);
  line->request_paid = sqlite3_column_int (stmt, 17);
  return line;
}

/* Runs @stmt, bound by the caller, and tells whether it gave a row; the row's values are
 * then @stmt's to read. */
static gboolean
find_row (LicSqliteStatement  *stmt,
          gboolean            *found,
          GError             **error)
{
  int rc = lic_sqlite_step (stmt, error);

  *found = rc == SQLITE_ROW;
  return rc != SQLITE_ERROR;
}

/**
 * lic_sqlite_load_order_lines:
 * @condition: SQL over `ol` (order_lines), `po` (pools) or `p` (products) with one `?`, which
 *   @value fills
 * @newest_first: the order; else the order they were made in
 *
 * Returns: (transfer full) (element-type LicOrderLine): the lines meeting @condition within
 *   @scope
 */
GPtrArray *
lic_sqlite_load_order_lines (LicSqliteConnection   *connection,
                             const LicSqliteScope  *scope,
                             const char            *condition,
                             gint64                 value,
                             gboolean               newest_first,
                             GError               **error)
{
  g_autoptr(LicSqliteQuery) query = lic_sqlite_query_new (ORDER_LINE_SELECT);
  g_autoptr(LicSqliteStatement) stmt = NULL;

  lic_sqlite_query_append (query, condition);
  lic_sqlite_query_bind_int (query, value);
  if (scope->caller != NULL)
    {
      lic_sqlite_query_append (query, " AND o.organization_id = ?");
      lic_sqlite_query_bind_int (query, lic_sqlite_organization_id (scope->caller));
      lic_sqlite_add_school_scope (query, scope->caller, "po.school_id");
    }
  if (scope->supplier_id > 0)
    {
      lic_sqlite_query_append (query, " AND p.supplier_id = ?");
      lic_sqlite_query_bind_int (query, scope->supplier_id);
    }
  lic_sqlite_query_append (query, newest_first ? " ORDER BY ol.id DESC" : " ORDER BY ol.id");

  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return NULL;
  return lic_sqlite_collect (stmt, order_line_from_row, (GDestroyNotify) lic_order_line_free, error);
}

/* A line or order outside the caller's scope is as good as missing. */
static void
set_no_order (const LicSqliteScope  *scope,
              gint64                 order_id,
              GError               **error)
{
  if (scope->supplier_id > 0)
    g_set_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND,
                 _("There is no order %" PRId64 " with products of yours."), order_id);
  else
    g_set_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND,
                 _("There is no order %" PRId64 "."), order_id);
}

/* The order with its lines within @scope; one without any such lines is not found. */
LicOrder *
lic_sqlite_load_order (LicSqliteConnection   *connection,
            const LicSqliteScope  *scope,
            gint64                 order_id,
            GError               **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(LicOrder) order = lic_order_new ();
  gboolean found;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT created_at, payment, currency FROM orders"
                                        " WHERE id = ?",
                                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, order_id);
  if (!find_row (stmt, &found, error))
    return NULL;
  if (found)
    {
      order->id = order_id;
      order->created_at = g_strdup (lic_sqlite_column_text (stmt, 0));
      order->payment = g_strdup (lic_sqlite_column_text (stmt, 1));
      order->currency = g_strdup (lic_sqlite_column_text (stmt, 2));
      g_ptr_array_unref (order->lines);
      order->lines = lic_sqlite_load_order_lines (connection, scope, "ol.order_id = ?", order_id,
                                                  FALSE, error);
      if (order->lines == NULL)
        return NULL;
    }
  if (!found || order->lines->len == 0)
    {
      set_no_order (scope, order_id, error);
      return NULL;
    }
  return g_steal_pointer (&order);
}

/* The cart. */

/* @line_id: one line of the cart, or 0 for all of them */
static GPtrArray *
load_cart_lines (LicSqliteConnection  *connection,
                 const LicCaller      *caller,
                 gint64                line_id,
                 GError              **error)
{
  g_autoptr(LicSqliteQuery) query = lic_sqlite_query_new (CART_LINE_SELECT);
  g_autoptr(LicSqliteStatement) stmt = NULL;

  lic_sqlite_query_bind_text (query, lic_organization_get_currency (caller->organization));
  lic_sqlite_query_bind_int (query, lic_user_get_id (caller->user));
  if (line_id > 0)
    {
      lic_sqlite_query_append (query, " AND cl.id = ?");
      lic_sqlite_query_bind_int (query, line_id);
    }
  lic_sqlite_query_append (query, " ORDER BY cl.id");

  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return NULL;
  return lic_sqlite_collect (stmt, cart_line_from_row, (GDestroyNotify) lic_cart_line_free, error);
}

static LicCart *
load_cart (LicSqliteConnection  *connection,
           const LicCaller      *caller,
           GError              **error)
{
  g_autoptr(LicCart) cart = lic_cart_new (lic_organization_get_currency (caller->organization));

  g_ptr_array_unref (cart->lines);
  cart->lines = load_cart_lines (connection, caller, 0, error);
  if (cart->lines == NULL
      || !lic_sqlite_requests_refusal (connection, caller, &cart->purchase_request_refusal, error))
    return NULL;
  return g_steal_pointer (&cart);
}

LicCart *
lic_sqlite_store_get_cart (LicStore         *store,
                           const LicCaller  *caller,
                           GError          **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_READ, error))
    return NULL;
  return load_cart (connection, caller, error);
}

/* Finds the line of @caller's cart for the product and school of @change, or makes it with
 * @change's quantity. */
static gint64
find_or_add_line (LicSqliteConnection  *connection,
                  const LicCaller      *caller,
                  const LicCartChange  *change,
                  gboolean             *created,
                  GError              **error)
{
  g_autoptr(LicSqliteStatement) offered = NULL;
  g_autoptr(LicSqliteStatement) find = NULL;
  g_autoptr(LicSqliteStatement) add = NULL;
  gboolean found;

  if (!lic_caller_may_act_on_school (caller, change->school_id))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_FORBIDDEN,
                   _("School %" PRId64 " is not one of the schools you manage. Pick one of "
                     "yours."), change->school_id);
      return 0;
    }

  offered = lic_sqlite_connection_prepare (connection,
                                           "SELECT 1 FROM product_prices"
                                           " WHERE product_id = ? AND currency = ?",
                                           error);
  if (offered == NULL)
    return 0;
  sqlite3_bind_int64 (offered, 1, change->product_id);
  lic_sqlite_bind_text (offered, 2, lic_organization_get_currency (caller->organization));
  if (!find_row (offered, &found, error))
    return 0;
  if (!found)
    {
      lic_rules_refuse_product (change->product_id, error);
      return 0;
    }

  find = lic_sqlite_connection_prepare (connection,
                                        "SELECT id FROM cart_lines"
                                        " WHERE user_id = ? AND product_id = ? AND school_id = ?",
                                        error);
  if (find == NULL)
    return 0;
  sqlite3_bind_int64 (find, 1, lic_user_get_id (caller->user));
  sqlite3_bind_int64 (find, 2, change->product_id);
  sqlite3_bind_int64 (find, 3, change->school_id);
  if (!find_row (find, &found, error))
    return 0;
  *created = !found;
  if (found)
    return sqlite3_column_int64 (find, 0);

  add = lic_sqlite_connection_prepare (connection,
                                       "INSERT INTO cart_lines (user_id, product_id, school_id,"
                                       " quantity) VALUES (?, ?, ?, ?)",
                                       error);
  if (add == NULL)
    return 0;
  sqlite3_bind_int64 (add, 1, lic_user_get_id (caller->user));
  sqlite3_bind_int64 (add, 2, change->product_id);
  sqlite3_bind_int64 (add, 3, change->school_id);
  sqlite3_bind_int64 (add, 4, change->quantity);
  return lic_sqlite_insert (connection, add, error);
}

static void
set_no_line (gint64   line_id,
             GError **error)
{
  g_set_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND,
               _("There is no line %" PRId64 " in your cart."), line_id);
}

/* The school of a line of @caller's cart, or 0 with %LIC_ERROR_NOT_FOUND. */
static gint64
line_school (LicSqliteConnection  *connection,
             const LicCaller      *caller,
             gint64                line_id,
             GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  gboolean found;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT school_id FROM cart_lines"
                                        " WHERE id = ? AND user_id = ?",
                                        error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, line_id);
  sqlite3_bind_int64 (stmt, 2, lic_user_get_id (caller->user));
  if (!find_row (stmt, &found, error))
    return 0;
  if (!found)
    {
      set_no_line (line_id, error);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Checks that every id of @ids is a user (or group) of @school_id: @check_sql selects the
 * school of an id. */
static gboolean
check_picks (LicSqliteConnection  *connection,
             const char           *kind,
             const char           *check_sql,
             GArray               *ids,
             gint64                school_id,
             GError              **error)
{
  g_autoptr(LicSqliteStatement) check = NULL;
  g_autoptr(LicSqliteStatement) school = NULL;

  if (ids == NULL || ids->len == 0)
    return TRUE;
  check = lic_sqlite_connection_prepare (connection, check_sql, error);
  if (check == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean found;

      sqlite3_bind_int64 (check, 1, id);
      if (!find_row (check, &found, error))
        return FALSE;
      if (found && sqlite3_column_int64 (check, 0) == school_id)
        {
          lic_sqlite_statement_reset (check);
          continue;
        }

      school = lic_sqlite_connection_prepare (connection, "SELECT name FROM schools WHERE id = ?",
                                              error);
      if (school == NULL)
        return FALSE;
      sqlite3_bind_int64 (school, 1, school_id);
      if (!find_row (school, &found, error))
        return FALSE;
      lic_rules_refuse_pick (kind, id, found ? lic_sqlite_column_text (school, 0) : NULL,
                             error);
      return FALSE;
    }
  return TRUE;
}

/* Adds @ids to the picks of a line with @insert_sql, after removing the earlier ones with
 * @clear_sql if @replace. */
static gboolean
set_picks (LicSqliteConnection  *connection,
           gint64                line_id,
           GArray               *ids,
           gboolean              replace,
           const char           *clear_sql,
           const char           *insert_sql,
           GError              **error)
{
  g_autoptr(LicSqliteStatement) clear = NULL;
  g_autoptr(LicSqliteStatement) insert = NULL;

  if (ids == NULL)
    return TRUE;
  if (replace)
    {
      clear = lic_sqlite_connection_prepare (connection, clear_sql, error);
      if (clear == NULL)
        return FALSE;
      sqlite3_bind_int64 (clear, 1, line_id);
      if (!lic_sqlite_run (clear, error))
        return FALSE;
    }
  insert = lic_sqlite_connection_prepare (connection, insert_sql, error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (insert, 1, line_id);
      sqlite3_bind_int64 (insert, 2, g_array_index (ids, gint64, i));
      if (!lic_sqlite_run_once (insert, error))
        return FALSE;
    }
  return TRUE;
}

/* Sets the line's quantity, or raises it by @quantity if @add. */
static gboolean
set_quantity (LicSqliteConnection  *connection,
              gint64                line_id,
              gint64                quantity,
              gboolean              add,
              GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;

  if (quantity == 0)
    return TRUE;
  stmt = lic_sqlite_connection_prepare (connection,
                                        add ? "UPDATE cart_lines SET quantity = quantity + ?"
                                              " WHERE id = ?"
                                            : "UPDATE cart_lines SET quantity = ? WHERE id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, quantity);
  sqlite3_bind_int64 (stmt, 2, line_id);
  return lic_sqlite_run (stmt, error);
}

LicCartLine *
lic_sqlite_store_change_cart (LicStore             *store,
                              const LicCaller      *caller,
                              gint64                line_id,
                              const LicCartChange  *change,
                              gboolean             *created,
                              GError              **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  gboolean adding = line_id == 0;
  gint64 school_id;

  *created = FALSE;
  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return NULL;

  if (adding)
    {
      line_id = find_or_add_line (connection, caller, change, created, error);
      school_id = change->school_id;
    }
  else
    school_id = line_school (connection, caller, line_id, error);
  if (line_id == 0 || school_id == 0)
    return NULL;

  if (!check_picks (connection, "user", "SELECT school_id FROM users WHERE id = ?",
                    change->user_ids, school_id, error)
      || !check_picks (connection, "group", "SELECT school_id FROM user_groups WHERE id = ?",
                       change->group_ids, school_id, error)
      || !set_quantity (connection, line_id, *created ? 0 : change->quantity, adding, error)
      || !set_picks (connection, line_id, change->user_ids, !adding,
                     "DELETE FROM cart_line_users WHERE line_id = ?",
                     "INSERT OR IGNORE INTO cart_line_users (line_id, user_id) VALUES (?, ?)",
                     error)
      || !set_picks (connection, line_id, change->group_ids, !adding,
                     "DELETE FROM cart_line_groups WHERE line_id = ?",
                     "INSERT OR IGNORE INTO cart_line_groups (line_id, group_id) VALUES (?, ?)",
                     error))
    return NULL;

  lines = load_cart_lines (connection, caller, line_id, error);
  if (lines == NULL)
    return NULL;
  g_assert (lines->len == 1);
  if (!lic_rules_check_cart_line (g_ptr_array_index (lines, 0), error)
      || !lic_sqlite_connection_commit (connection, error))
    return NULL;
  return g_ptr_array_steal_index (lines, 0);
}

gboolean
lic_sqlite_store_remove_cart_line (LicStore         *store,
                                   const LicCaller  *caller,
                                   gint64            line_id,
                                   GError          **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL)
    return FALSE;
  stmt = lic_sqlite_connection_prepare (connection,
                                        "DELETE FROM cart_lines WHERE id = ? AND user_id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  sqlite3_bind_int64 (stmt, 2, lic_user_get_id (caller->user));
  if (!lic_sqlite_run (stmt, error))
    return FALSE;
  if (lic_sqlite_changes (connection) == 0)
    {
      set_no_line (line_id, error);
      return FALSE;
    }
  return TRUE;
}

/* Delivering licenses. */

/* The school's pool of the product, made if there is none yet. */
static gint64
ensure_pool (LicSqliteConnection  *connection,
             gint64                school_id,
             gint64                product_id,
             GError              **error)
{
  g_autoptr(LicSqliteStatement) add = NULL;
  g_autoptr(LicSqliteStatement) find = NULL;
  gboolean found;

  add = lic_sqlite_connection_prepare (connection,
                                       "INSERT INTO pools (school_id, product_id) VALUES (?, ?)"
                                       " ON CONFLICT (school_id, product_id) DO NOTHING",
                                       error);
  find = lic_sqlite_connection_prepare (connection,
                                        "SELECT id FROM pools"
                                        " WHERE school_id = ? AND product_id = ?",
                                        error);
  if (add == NULL || find == NULL)
    return 0;
  sqlite3_bind_int64 (add, 1, school_id);
  sqlite3_bind_int64 (add, 2, product_id);
  sqlite3_bind_int64 (find, 1, school_id);
  sqlite3_bind_int64 (find, 2, product_id);
  if (!lic_sqlite_run (add, error) || !find_row (find, &found, error))
    return 0;
  g_assert (found);
  return sqlite3_column_int64 (find, 0);
}

/* Adds @quantity paid licenses to a pool (0 for licenses of a purchase request, which are
 * unpaid); a pool without a term yet starts one @now. */
static gboolean
add_licenses (LicSqliteConnection  *connection,
              gint64                pool_id,
              gint64                quantity,
              gint64                term_months,
              GDateTime            *now,
              GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(GDateTime) end = g_date_time_add_months (now, (int) term_months);
  g_autofree char *term_end = g_date_time_format (end, "%Y-%m-%d");

  stmt = lic_sqlite_connection_prepare (connection,
                                        "UPDATE pools SET quantity_paid = quantity_paid + ?,"
                                        " term_end = coalesce (term_end, ?) WHERE id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, quantity);
  lic_sqlite_bind_text (stmt, 2, term_end);
  sqlite3_bind_int64 (stmt, 3, pool_id);
  return lic_sqlite_run (stmt, error);
}

/* The facts of an order line that delivery needs, read where it is delivered. */
typedef struct
{
  gint64 id;
  gint64 pool_id;
  gint64 quantity;
  gint64 term_months;
} LineFacts;

#define LINE_FACTS_COLUMNS "ol.id, ol.pool_id, ol.quantity, p.term_months"

static LineFacts
line_facts_from_row (LicSqliteStatement *stmt,
                     int                 first)
{
  LineFacts facts = {
    sqlite3_column_int64 (stmt, first), sqlite3_column_int64 (stmt, first + 1),
    sqlite3_column_int64 (stmt, first + 2), sqlite3_column_int64 (stmt, first + 3),
  };

  return facts;
}

/* Delivers a line that awaited the supplier or its activation: its licenses go to the pool,
 * where pupils waiting in its linked groups get them first, and every admin of the school hears
 * of it. */
static gboolean
deliver_line (LicSqliteConnection  *connection,
              const LineFacts      *line,
              GDateTime            *now,
              GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autofree char *since = lic_clock_format (now);
  gboolean unpaid;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "UPDATE order_lines SET state = 'delivered',"
                                        " state_since = ? WHERE id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;
  lic_sqlite_bind_text (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, line->id);
  /* The licenses of an unpaid purchase request count in the pool's capacity from now on, but
   * are not paid: they are added to those paid when the request is. */
  return lic_sqlite_run (stmt, error)
         && lic_sqlite_line_is_unpaid (connection, line->id, &unpaid, error)
         && add_licenses (connection, line->pool_id, unpaid ? 0 : line->quantity,
                          line->term_months, now, error)
         && lic_sqlite_fill_pool (connection, line->pool_id, NULL, FALSE, since, NULL, error)
         && lic_sqlite_notify_delivered (connection, line->id, since, error);
}

/* Issues a new activation code for an order line, replacing any earlier one, and e-mails it.
 * @language: the recipient's
 * @expires_at: (out) (optional) (transfer full): when the code stops working */
static gboolean
issue_code (LicSqliteConnection     *connection,
            gint64                   line_id,
            const LicDeliveryFacts  *facts,
            const char              *email,
            const char              *language,
            const char              *name,
            GDateTime               *now,
            char                   **expires_at,
            GError                 **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autofree char *code = lic_activation_code_new (error);
  g_autofree char *code_hash = NULL;
  g_autoptr(GDateTime) expiry = g_date_time_add_days (now, ACTIVATION_DAYS);
  g_autofree char *expiry_text = lic_clock_format (expiry);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  if (code == NULL)
    return FALSE;
  code_hash = lic_activation_code_hash (code);
  stmt = lic_sqlite_connection_prepare (connection,
                                        "INSERT INTO activation_codes"
                                        " (order_line_id, code_hash, expires_at) VALUES (?, ?, ?)"
                                        " ON CONFLICT (order_line_id) DO UPDATE SET"
                                        " code_hash = excluded.code_hash,"
                                        " expires_at = excluded.expires_at, used_at = NULL",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  lic_sqlite_bind_text (stmt, 2, code_hash);
  lic_sqlite_bind_text (stmt, 3, expiry_text);
  if (!lic_sqlite_run (stmt, error))
    return FALSE;

  lic_text_activation_mail (facts, language, name, code, expiry_text, &subject, &body);
  if (!lic_sqlite_queue_mail (connection, email, name, subject, body, error))
    return FALSE;
  if (expires_at != NULL)
    *expires_at = g_steal_pointer (&expiry_text);
  return TRUE;
}

/* Checkout. */

/* The order @caller made with @idempotency_key: its id, 0 if there is none, -1 on an error. */
gint64
lic_sqlite_find_order (LicSqliteConnection  *connection,
            const LicCaller      *caller,
            const char           *idempotency_key,
            GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  gboolean found;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT id FROM orders"
                                        " WHERE user_id = ? AND idempotency_key = ?",
                                        error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, lic_user_get_id (caller->user));
  lic_sqlite_bind_text (stmt, 2, idempotency_key);
  if (!find_row (stmt, &found, error))
    return -1;
  return found ? sqlite3_column_int64 (stmt, 0) : 0;
}

gint64
lic_sqlite_insert_order (LicSqliteConnection  *connection,
                         const LicCaller      *caller,
                         const char           *idempotency_key,
                         const char           *payment,
                         const char           *created_at,
                         GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "INSERT INTO orders (organization_id, user_id,"
                                        " idempotency_key, payment, currency, created_at)"
                                        " VALUES (?, ?, ?, ?, ?, ?)",
                                        error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, lic_sqlite_organization_id (caller));
  sqlite3_bind_int64 (stmt, 2, lic_user_get_id (caller->user));
  lic_sqlite_bind_text (stmt, 3, idempotency_key);
  lic_sqlite_bind_text (stmt, 4, payment);
  lic_sqlite_bind_text (stmt, 5, lic_organization_get_currency (caller->organization));
  lic_sqlite_bind_text (stmt, 6, created_at);
  return lic_sqlite_insert (connection, stmt, error);
}

static LicLineState
state_at_checkout (LicDelivery delivery)
{
  switch (delivery)
    {
    case LIC_DELIVERY_DIRECT:
      return LIC_LINE_STATE_DELIVERED;
    case LIC_DELIVERY_DELAYED:
      return LIC_LINE_STATE_AWAITING_DELIVERY;
    case LIC_DELIVERY_ACTIVATION_MAIL:
      return LIC_LINE_STATE_ACTIVATION_MAIL_SENT;
    default:
      g_assert_not_reached ();
    }
}

/**
 * lic_sqlite_assign_users:
 * @users_sql: a SELECT of a column of user ids, distinct; `?4` in it stands for @source_id
 * @order_line_id: the order line whose checkout assigns them, or 0
 *
 * The one way users are assigned to a pool: every user @users_sql selects, passing over those
 * the pool has already (who keep the line that first assigned them). Checkout assigns the users
 * a direct line picked; POST /pools/{id}/assignments those it names.
 */
gboolean
lic_sqlite_assign_users (LicSqliteConnection  *connection,
                         gint64                pool_id,
                         const char           *users_sql,
                         gint64                source_id,
                         gint64                order_line_id,
                         const char           *now,
                         GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autofree char *sql = g_strconcat ("INSERT OR IGNORE INTO assignments"
                                      " (pool_id, user_id, assigned_at, state, order_line_id)"
                                      " SELECT ?1, user_id, ?2, 'active', ?3 FROM (",
                                      users_sql, ")", NULL);

  stmt = lic_sqlite_connection_prepare (connection, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pool_id);
  lic_sqlite_bind_text (stmt, 2, now);
  if (order_line_id > 0)
    sqlite3_bind_int64 (stmt, 3, order_line_id);
  else
    sqlite3_bind_null (stmt, 3);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int64 (stmt, 4, source_id);
  return lic_sqlite_run (stmt, error);
}

/* Turns one cart line into a line of order @order_id and does what its delivery type does at
 * checkout. */
static gboolean
order_line (LicSqliteConnection  *connection,
            const LicCaller      *caller,
            gint64                order_id,
            gboolean              purchase_request,
            const LicCartLine    *line,
            GDateTime            *now,
            gboolean             *mailed,
            GError              **error)
{
  g_autoptr(LicSqliteStatement) insert = NULL;
  g_autofree char *since = lic_clock_format (now);
  const char *email = lic_user_get_email (caller->user);
  gboolean activation = line->delivery == LIC_DELIVERY_ACTIVATION_MAIL;
  gint64 pool_id;
  gint64 line_id;

  pool_id = ensure_pool (connection, line->school_id, line->product_id, error);
  insert = lic_sqlite_connection_prepare (connection,
                                          "INSERT INTO order_lines (order_id, pool_id, quantity,"
                                          " unit_price, delivery, state, state_since,"
                                          " activation_email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                          error);
  if (pool_id == 0 || insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, order_id);
  sqlite3_bind_int64 (insert, 2, pool_id);
  sqlite3_bind_int64 (insert, 3, line->quantity);
  sqlite3_bind_int64 (insert, 4, line->unit_price);
  lic_sqlite_bind_text (insert, 5, lic_enum_to_nick (LIC_TYPE_DELIVERY, line->delivery));
  lic_sqlite_bind_text (insert, 6, lic_line_state_to_nick (state_at_checkout (line->delivery)));
  lic_sqlite_bind_text (insert, 7, since);
  lic_sqlite_bind_text (insert, 8, activation ? email : NULL);
  line_id = lic_sqlite_insert (connection, insert, error);
  if (line_id == 0)
    return FALSE;
  /* Paying later: the line's licenses are unpaid from the order's date. */
  if (purchase_request
      && !lic_sqlite_add_request (connection, pool_id, line_id, line->quantity, since, error))
    return FALSE;

  switch (line->delivery)
    {
    case LIC_DELIVERY_DIRECT:
      {
        gint64 told = 0;

        /* The users the line picked first, then those without access and those waiting in the
         * pool's linked groups. Users given access by a purchase request are told so. */
        if (!add_licenses (connection, pool_id, purchase_request ? 0 : line->quantity,
                           line->term_months, now, error)
            || !lic_sqlite_assign_users (connection, pool_id, LINE_USERS ("?4"), line->id,
                                         line_id, since, error)
            || !lic_sqlite_fill_pool (connection, pool_id, NULL, FALSE, since, NULL, error)
            || (purchase_request
                && !lic_sqlite_mail_access (connection, pool_id,
                                            "SELECT user_id FROM assignments"
                                            " WHERE order_line_id = ?4 AND state = 'active'",
                                            line_id, FALSE, &told, error)))
          return FALSE;
        *mailed |= told > 0;
        return TRUE;
      }
    case LIC_DELIVERY_DELAYED:
      return TRUE;
    case LIC_DELIVERY_ACTIVATION_MAIL:
      {
        LicDeliveryFacts facts = {
          order_id, line->quantity, line->product_name, line->supplier, line->school_name,
        };

        g_autofree char *language = NULL;

        return lic_sqlite_user_language (connection, lic_user_get_id (caller->user), &language,
                                         error)
               && issue_code (connection, line_id, &facts, email, language,
                              lic_user_get_name (caller->user), now, NULL, error);
      }
    default:
      g_assert_not_reached ();
    }
}

static gboolean
empty_cart (LicSqliteConnection  *connection,
            const LicCaller      *caller,
            GError              **error)
{
  g_autoptr(LicSqliteStatement) stmt = NULL;

  stmt = lic_sqlite_connection_prepare (connection, "DELETE FROM cart_lines WHERE user_id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lic_user_get_id (caller->user));
  return lic_sqlite_run (stmt, error);
}

LicOrder *
lic_sqlite_store_checkout (LicStore           *store,
                           const LicCaller    *caller,
                           const LicCheckout  *checkout,
                           GDateTime          *now,
                           gboolean           *created,
                           GError            **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicCart) cart = NULL;
  g_autoptr(LicOrder) order = NULL;
  g_autofree char *created_at = lic_clock_format (now);
  LicSqliteScope scope = { caller, 0 };
  gboolean mailed = FALSE;
  gint64 order_id;

  *created = FALSE;
  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return NULL;

  /* A retry: the order made the first time, whatever the cart holds now. */
  order_id = lic_sqlite_find_order (connection, caller, checkout->idempotency_key, error);
  if (order_id < 0)
    return NULL;
  if (order_id > 0)
    return lic_sqlite_load_order (connection, &scope, order_id, error);

  cart = load_cart (connection, caller, error);
  if (cart == NULL
      || !lic_rules_check_checkout (cart, checkout, lic_user_get_email (caller->user), error))
    return NULL;

  order_id = lic_sqlite_insert_order (connection, caller, checkout->idempotency_key,
                                      checkout->payment, created_at, error);
  if (order_id == 0)
    return NULL;
  for (guint i = 0; i < cart->lines->len; i++)
    {
      const LicCartLine *line = g_ptr_array_index (cart->lines, i);

      if (!order_line (connection, caller, order_id,
                       g_str_equal (checkout->payment, "purchase_request"), line, now, &mailed,
                       error))
        return NULL;
      mailed |= line->delivery == LIC_DELIVERY_ACTIVATION_MAIL;
    }

  order = lic_sqlite_load_order (connection, &scope, order_id, error);
  if (order == NULL
      || !empty_cart (connection, caller, error)
      || !lic_sqlite_connection_commit (connection, error))
    return NULL;

  *created = TRUE;
  lic_store_emit_committed (store, FALSE, mailed);
  return g_steal_pointer (&order);
}

/* Orders. */

GPtrArray *
lic_sqlite_store_list_orders (LicStore         *store,
                              const LicCaller  *caller,
                              const LicPage    *page,
                              gboolean         *more,
                              GError          **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func ((GDestroyNotify) lic_order_free);
  LicSqliteScope scope = { caller, 0 };
  int rc;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_READ, error))
    return NULL;

  /* The orders with a line the caller may see. */
  query = lic_sqlite_query_new ("SELECT o.id FROM orders o WHERE o.organization_id = ?"
                                " AND EXISTS (SELECT 1 FROM order_lines ol"
                                "  JOIN pools po ON po.id = ol.pool_id"
                                "  WHERE ol.order_id = o.id");
  lic_sqlite_query_bind_int (query, lic_sqlite_organization_id (caller));
  lic_sqlite_add_school_scope (query, caller, "po.school_id");
  lic_sqlite_query_append (query, ")");
  lic_sqlite_add_newest_first (query, page, "o.id");
  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = lic_sqlite_step (stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  *more = ids->len > page->limit;
  for (guint i = 0; i < MIN (ids->len, page->limit); i++)
    {
      LicOrder *order = lic_sqlite_load_order (connection, &scope, g_array_index (ids, gint64, i), error);

      if (order == NULL)
        return NULL;
      g_ptr_array_add (orders, order);
    }
  return g_steal_pointer (&orders);
}

LicOrder *
lic_sqlite_store_get_order (LicStore         *store,
                            const LicCaller  *caller,
                            gint64            order_id,
                            GError          **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  LicSqliteScope scope = { caller, 0 };

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_READ, error))
    return NULL;
  return lic_sqlite_load_order (connection, &scope, order_id, error);
}

/* Suppliers. */

gboolean
lic_sqlite_store_add_supplier_key (LicStore    *store,
                                   const char  *supplier_name,
                                   const char  *key_hash,
                                   GDateTime   *now,
                                   GError     **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autofree char *created_at = lic_clock_format (now);

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL)
    return FALSE;
  stmt = lic_sqlite_connection_prepare (connection,
                                        "INSERT INTO supplier_keys"
                                        " (key_hash, supplier_id, created_at)"
                                        " SELECT ?, min (id), ? FROM suppliers WHERE name = ?"
                                        " HAVING count (*) > 0",
                                        error);
  if (stmt == NULL)
    return FALSE;
  lic_sqlite_bind_text (stmt, 1, key_hash);
  lic_sqlite_bind_text (stmt, 2, created_at);
  lic_sqlite_bind_text (stmt, 3, supplier_name);
  if (!lic_sqlite_run (stmt, error))
    return FALSE;
  if (lic_sqlite_changes (connection) == 0)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND,
                   "There is no supplier named “%s”.", supplier_name);
      return FALSE;
    }
  return TRUE;
}

gint64
lic_sqlite_store_find_supplier (LicStore    *store,
                                const char  *key_hash,
                                GError     **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  gboolean found;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL)
    return 0;
  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT supplier_id FROM supplier_keys WHERE key_hash = ?",
                                        error);
  if (stmt == NULL)
    return 0;
  lic_sqlite_bind_text (stmt, 1, key_hash);
  if (!find_row (stmt, &found, error))
    return 0;
  if (!found)
    {
      g_set_error_literal (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED, "No such supplier key");
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

LicOrder *
lic_sqlite_store_deliver_order (LicStore    *store,
                                gint64       supplier_id,
                                gint64       order_id,
                                GDateTime   *now,
                                GError     **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteQuery) query = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autoptr(GArray) awaiting = g_array_new (FALSE, FALSE, sizeof (LineFacts));
  g_autoptr(LicOrder) order = NULL;
  LicSqliteScope scope = { NULL, supplier_id };
  guint n_lines = 0;
  int rc;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return NULL;

  query = lic_sqlite_query_new ("SELECT " LINE_FACTS_COLUMNS ", ol.state FROM order_lines ol"
                                " JOIN pools po ON po.id = ol.pool_id"
                                " JOIN products p ON p.id = po.product_id"
                                " WHERE ol.order_id = ?");
  lic_sqlite_query_bind_int (query, order_id);
  if (supplier_id > 0)
    {
      lic_sqlite_query_append (query, " AND p.supplier_id = ?");
      lic_sqlite_query_bind_int (query, supplier_id);
    }
  lic_sqlite_query_append (query, " ORDER BY ol.id");
  stmt = lic_sqlite_query_prepare (query, connection, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = lic_sqlite_step (stmt, error)) == SQLITE_ROW)
    {
      LineFacts line = line_facts_from_row (stmt, 0);

      n_lines++;
      if (g_strcmp0 (lic_sqlite_column_text (stmt, 4), "awaiting_delivery") == 0)
        g_array_append_val (awaiting, line);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  if (n_lines == 0)
    {
      set_no_order (&scope, order_id, error);
      return NULL;
    }
  if (awaiting->len == 0)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                   supplier_id > 0
                   ? _("Order %" PRId64 " has no lines awaiting delivery of your products; they "
                       "have been delivered already.")
                   : _("Order %" PRId64 " has no lines awaiting delivery; they have been "
                       "delivered already."), order_id);
      return NULL;
    }
  for (guint i = 0; i < awaiting->len; i++)
    if (!deliver_line (connection, &g_array_index (awaiting, LineFacts, i), now, error))
      return NULL;

  order = lic_sqlite_load_order (connection, &scope, order_id, error);
  if (order == NULL || !lic_sqlite_connection_commit (connection, error))
    return NULL;
  lic_store_emit_committed (store, TRUE, TRUE);
  return g_steal_pointer (&order);
}

char *
lic_sqlite_store_reissue_code (LicStore    *store,
                               gint64       supplier_id,
                               gint64       order_line_id,
                               GDateTime   *now,
                               GError     **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) stmt = NULL;
  g_autofree char *expires_at = NULL;
  LicDeliveryFacts facts;
  gboolean found;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return NULL;

  stmt = lic_sqlite_connection_prepare (connection,
                                        "SELECT ol.state, ol.activation_email, u.name,"
                                        " ol.order_id, ol.quantity, p.name, s.name, sc.name,"
                                        " u.language"
                                        " FROM order_lines ol"
                                        " JOIN orders o ON o.id = ol.order_id"
                                        " JOIN users u ON u.id = o.user_id"
                                        " JOIN pools po ON po.id = ol.pool_id"
                                        " JOIN products p ON p.id = po.product_id"
                                        " JOIN suppliers s ON s.id = p.supplier_id"
                                        " JOIN schools sc ON sc.id = po.school_id"
                                        " WHERE ol.id = ? AND ol.delivery = 'activation_mail'"
                                        " AND p.supplier_id = ?",
                                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, order_line_id);
  sqlite3_bind_int64 (stmt, 2, supplier_id);
  if (!find_row (stmt, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_NOT_FOUND,
                   _("There is no order line %" PRId64 " of your products that is delivered "
                     "by activation e-mail."), order_line_id);
      return NULL;
    }
  if (g_strcmp0 (lic_sqlite_column_text (stmt, 0), "delivered") == 0)
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_CONFLICT,
                   _("Order line %" PRId64 " has been delivered already: its activation code "
                     "was used."), order_line_id);
      return NULL;
    }

  facts.order_id = sqlite3_column_int64 (stmt, 3);
  facts.quantity = sqlite3_column_int64 (stmt, 4);
  facts.product_name = lic_sqlite_column_text (stmt, 5);
  facts.supplier = lic_sqlite_column_text (stmt, 6);
  facts.school_name = lic_sqlite_column_text (stmt, 7);
  /* Checkout refuses activation lines to admins without an address. */
  g_assert (lic_sqlite_column_text (stmt, 1) != NULL);
  if (!issue_code (connection, order_line_id, &facts, lic_sqlite_column_text (stmt, 1),
                   lic_sqlite_column_text (stmt, 8), lic_sqlite_column_text (stmt, 2), now,
                   &expires_at, error)
      || !lic_sqlite_connection_commit (connection, error))
    return NULL;
  lic_store_emit_committed (store, FALSE, TRUE);
  return g_steal_pointer (&expires_at);
}

LicOrder *
lic_sqlite_store_activate (LicStore         *store,
                           const LicCaller  *caller,
                           const char       *code_hash,
                           GDateTime        *now,
                           gint64           *pool_id,
                           GError          **error)
{
  g_autoptr(LicSqliteConnection) connection = NULL;
  g_autoptr(LicSqliteStatement) code = NULL;
  g_autoptr(LicSqliteStatement) use = NULL;
  g_autoptr(LicOrder) order = NULL;
  g_autofree char *now_text = lic_clock_format (now);
  LicSqliteScope scope = { caller, 0 };
  LineFacts line;
  gint64 order_id;
  gboolean found;

  connection = lic_sqlite_store_acquire (LIC_SQLITE_STORE (store), error);
  if (connection == NULL || !lic_sqlite_connection_begin (connection, LIC_SQLITE_WRITE, error))
    return NULL;

  code = lic_sqlite_connection_prepare (connection,
                                        "SELECT " LINE_FACTS_COLUMNS ", ac.used_at, ac.expires_at,"
                                        " o.organization_id, po.school_id, sc.name, o.id"
                                        " FROM activation_codes ac"
                                        " JOIN order_lines ol ON ol.id = ac.order_line_id"
                                        " JOIN orders o ON o.id = ol.order_id"
                                        " JOIN pools po ON po.id = ol.pool_id"
                                        " JOIN products p ON p.id = po.product_id"
                                        " JOIN schools sc ON sc.id = po.school_id"
                                        " WHERE ac.code_hash = ?",
                                        error);
  if (code == NULL)
    return NULL;
  lic_sqlite_bind_text (code, 1, code_hash);
  if (!find_row (code, &found, error))
    return NULL;
  if (!found || sqlite3_column_int64 (code, 6) != lic_sqlite_organization_id (caller))
    {
      lic_rules_refuse_code (error);
      return NULL;
    }
  if (!lic_caller_may_act_on_school (caller, sqlite3_column_int64 (code, 7)))
    {
      g_set_error (error, LIC_ERROR, LIC_ERROR_FORBIDDEN,
                   /* TRANSLATORS: %s is the name of a school */
                   _("This activation code is for %s, which is not one of the schools you "
                     "manage. Ask an admin of that school to enter it."),
                   lic_sqlite_column_text (code, 8));
      return NULL;
    }
  if (!lic_rules_check_code (lic_sqlite_column_text (code, 4), lic_sqlite_column_text (code, 5),
                             now_text, error))
    return NULL;

  line = line_facts_from_row (code, 0);
  order_id = sqlite3_column_int64 (code, 9);
  use = lic_sqlite_connection_prepare (connection,
                                       "UPDATE activation_codes SET used_at = ?"
                                       " WHERE order_line_id = ?",
                                       error);
  if (use == NULL)
    return NULL;
  lic_sqlite_bind_text (use, 1, now_text);
  sqlite3_bind_int64 (use, 2, line.id);
  if (!lic_sqlite_run (use, error) || !deliver_line (connection, &line, now, error))
    return NULL;

  order = lic_sqlite_load_order (connection, &scope, order_id, error);
  if (order == NULL || !lic_sqlite_connection_commit (connection, error))
    return NULL;
  *pool_id = line.pool_id;
  lic_store_emit_committed (store, TRUE, TRUE);
  return g_steal_pointer (&order);
}
