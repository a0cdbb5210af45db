/* lic-sqlite-store-private.h: what the files of LicSqliteStore share.
 *
 * lic-sqlite-store.c holds the class, people, the library and pools; lic-sqlite-buying.c the
 * cart, orders, deliveries and activation codes; lic-sqlite-assignments.c bulk assignment;
 * lic-sqlite-notices.c notifications and the outbox.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-compliance.h"
#include "lic-sqlite-connection.h"
#include "lic-sqlite-store.h"

G_BEGIN_DECLS

/* The members of the groups linked to pool @pool (SQL of its id) who have no license of it:
 * one row per user (user_id, joined: when they first joined one of those groups, '' for
 * members from before joining was recorded; name). */
#define LIC_SQLITE_WAITING(pool) \
  "SELECT m.user_id AS user_id, min (coalesce (m.joined_at, '')) AS joined, u.name AS name" \
  " FROM pool_groups pg" \
  " JOIN group_members m ON m.group_id = pg.group_id" \
  " JOIN users u ON u.id = m.user_id" \
  " WHERE pg.pool_id = " pool \
  " AND u.school_id = (SELECT school_id FROM pools WHERE id = " pool ")" \
  " AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.pool_id = " pool \
  "  AND a.user_id = m.user_id)" \
  " GROUP BY m.user_id"

/* The licenses of pool @pool (SQL of its id) that users may hold now (docs/api.md "capacity"):
 * those paid for the term, and those of its unpaid purchase requests that have arrived and are
 * not suspended. */
#define LIC_SQLITE_CAPACITY(pool) \
  "((SELECT quantity_paid FROM pools WHERE id = " pool ")" \
  " + (SELECT coalesce (sum (pr.quantity), 0) FROM purchase_requests pr" \
  "  JOIN order_lines ol ON ol.id = pr.order_line_id" \
  "  WHERE pr.pool_id = " pool " AND pr.paid_order_id IS NULL AND pr.suspended_at IS NULL" \
  "  AND ol.state = 'delivered'))"

/* The rank of assignments `a` in a pool: by assigned_at, then user id, and those kept with
 * POST /pools/{id}/keep before all others. */
#define LIC_SQLITE_LATEST_FIRST "(a.kept_at IS NOT NULL), a.assigned_at DESC, a.user_id DESC"
#define LIC_SQLITE_EARLIEST_FIRST "(a.kept_at IS NULL), a.assigned_at, a.user_id"

/* The Payable list, once lic_sqlite_fill_payable() has filled it: (pool_id, user_id, position),
 * position 1 the latest rank of the pool. A table of the connection's own. */
#define LIC_SQLITE_PAYABLE "temp.payable_users"

/* The admins of school ?2 of organization ?1: its organization's admins and its school
 * admins. */
#define LIC_SQLITE_SCHOOL_ADMINS \
  " FROM users WHERE role = 'administrator'" \
  " AND ((organization_admin = 1 AND organization_id = ?1)" \
  "  OR id IN (SELECT user_id FROM school_admins WHERE school_id = ?2))"

/* Makes one item of a list from the row @stmt is on. */
typedef gpointer (*LicSqliteRowFunc) (LicSqliteStatement *stmt);

/* Who is asking: a signed-in admin (scoped to their schools), a supplier (scoped to their
 * products), or the server's own command line (scoped to nothing). */
typedef struct
{
  const LicCaller *caller;
  gint64 supplier_id;
} LicSqliteScope;

LicSqliteConnection *lic_sqlite_store_acquire       (LicSqliteStore        *self,
                                                     GError               **error);

gint64               lic_sqlite_organization_id     (const LicCaller       *caller);
void                 lic_sqlite_add_school_scope    (LicSqliteQuery        *query,
                                                     const LicCaller       *caller,
                                                     const char            *school_column);
void                 lic_sqlite_add_newest_first    (LicSqliteQuery        *query,
                                                     const LicPage         *page,
                                                     const char            *id_column);
GPtrArray           *lic_sqlite_collect             (LicSqliteStatement    *stmt,
                                                     LicSqliteRowFunc       from_row,
                                                     GDestroyNotify         free_item,
                                                     GError               **error);
GPtrArray           *lic_sqlite_collect_page        (LicSqliteStatement    *stmt,
                                                     LicSqliteRowFunc       from_row,
                                                     GDestroyNotify         free_item,
                                                     const LicPage         *page,
                                                     gboolean              *more,
                                                     GError               **error);
int                  lic_sqlite_enum_column         (LicSqliteStatement    *stmt,
                                                     int                    column,
                                                     GType                  enum_type);

gboolean             lic_sqlite_insert_user_words   (LicSqliteStatement    *stmt,
                                                     gint64                 user_id,
                                                     const char            *username,
                                                     const char            *full_name,
                                                     const char            *email,
                                                     GError               **error);

/* lic-sqlite-import.c */
gboolean             lic_sqlite_store_import_users  (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     GPtrArray             *rows,
                                                     GPtrArray             *errors,
                                                     LicImportCounts       *counts,
                                                     GError               **error);

LicPool             *lic_sqlite_load_pool           (LicSqliteConnection   *connection,
                                                     const LicCaller       *caller,
                                                     gint64                 pool_id,
                                                     GError               **error);
LicSqliteQuery      *lic_sqlite_pool_query          (const LicCaller       *caller);
GPtrArray           *lic_sqlite_collect_pools       (LicSqliteConnection   *connection,
                                                     LicSqliteStatement    *stmt,
                                                     GError               **error);

/* lic-sqlite-buying.c */
gint64               lic_sqlite_find_order          (LicSqliteConnection   *connection,
                                                     const LicCaller       *caller,
                                                     const char            *idempotency_key,
                                                     GError               **error);
gint64               lic_sqlite_insert_order        (LicSqliteConnection   *connection,
                                                     const LicCaller       *caller,
                                                     const char            *idempotency_key,
                                                     const char            *payment,
                                                     const char            *created_at,
                                                     GError               **error);
LicOrder            *lic_sqlite_load_order          (LicSqliteConnection   *connection,
                                                     const LicSqliteScope  *scope,
                                                     gint64                 order_id,
                                                     GError               **error);
gboolean             lic_sqlite_assign_users        (LicSqliteConnection   *connection,
                                                     gint64                 pool_id,
                                                     const char            *users_sql,
                                                     gint64                 source_id,
                                                     gint64                 order_line_id,
                                                     const char            *now,
                                                     GError               **error);
GPtrArray           *lic_sqlite_load_order_lines    (LicSqliteConnection   *connection,
                                                     const LicSqliteScope  *scope,
                                                     const char            *condition,
                                                     gint64                 value,
                                                     gboolean               newest_first,
                                                     GError               **error);
LicCart             *lic_sqlite_store_get_cart      (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     GError               **error);
LicCartLine         *lic_sqlite_store_change_cart   (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     gint64                 line_id,
                                                     const LicCartChange   *change,
                                                     gboolean              *created,
                                                     GError               **error);
gboolean             lic_sqlite_store_remove_cart_line (LicStore           *store,
                                                     const LicCaller       *caller,
                                                     gint64                 line_id,
                                                     GError               **error);
LicOrder            *lic_sqlite_store_checkout      (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     const LicCheckout     *checkout,
                                                     GDateTime             *now,
                                                     gboolean              *created,
                                                     GError               **error);
GPtrArray           *lic_sqlite_store_list_orders   (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     const LicPage         *page,
                                                     gboolean              *more,
                                                     GError               **error);
LicOrder            *lic_sqlite_store_get_order     (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     gint64                 order_id,
                                                     GError               **error);
gboolean             lic_sqlite_store_add_supplier_key (LicStore           *store,
                                                     const char            *supplier_name,
                                                     const char            *key_hash,
                                                     GDateTime             *now,
                                                     GError               **error);
gint64               lic_sqlite_store_find_supplier (LicStore              *store,
                                                     const char            *key_hash,
                                                     GError               **error);
LicOrder            *lic_sqlite_store_deliver_order (LicStore              *store,
                                                     gint64                 supplier_id,
                                                     gint64                 order_id,
                                                     GDateTime             *now,
                                                     GError               **error);
char                *lic_sqlite_store_reissue_code  (LicStore              *store,
                                                     gint64                 supplier_id,
                                                     gint64                 order_line_id,
                                                     GDateTime             *now,
                                                     GError               **error);
LicOrder            *lic_sqlite_store_activate      (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     const char            *code_hash,
                                                     GDateTime             *now,
                                                     gint64                *pool_id,
                                                     GError               **error);

/* lic-sqlite-assignments.c */
LicPool             *lic_sqlite_store_assign        (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     gint64                 pool_id,
                                                     const LicAssignment   *assignment,
                                                     GDateTime             *now,
                                                     gint64                *assigned,
                                                     gint64                *already_assigned,
                                                     GError               **error);
LicPool             *lic_sqlite_store_unassign      (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     gint64                 pool_id,
                                                     GArray                *user_ids,
                                                     gint64                *unassigned,
                                                     GError               **error);

gboolean             lic_sqlite_fill_pool           (LicSqliteConnection   *connection,
                                                     gint64                 pool_id,
                                                     const char            *exclude_sql,
                                                     gboolean               paid_only,
                                                     const char            *now,
                                                     gint64                *served,
                                                     GError               **error);
gboolean             lic_sqlite_serve_groups        (LicSqliteConnection   *connection,
                                                     GArray                *group_ids,
                                                     const char            *now,
                                                     GError               **error);
LicPool             *lic_sqlite_store_link_groups   (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     gint64                 pool_id,
                                                     GArray                *group_ids,
                                                     gboolean               link,
                                                     GDateTime             *now,
                                                     gint64                *changed,
                                                     gint64                *assigned,
                                                     GError               **error);

/* lic-sqlite-compliance.c */
GPtrArray           *lic_sqlite_pool_requests       (LicSqliteConnection   *connection,
                                                     gint64                 pool_id,
                                                     const char            *now,
                                                     GError               **error);
gboolean             lic_sqlite_requests_refusal    (LicSqliteConnection   *connection,
                                                     const LicCaller       *caller,
                                                     char                 **reason,
                                                     GError               **error);
gboolean             lic_sqlite_add_request         (LicSqliteConnection   *connection,
                                                     gint64                 pool_id,
                                                     gint64                 order_line_id,
                                                     gint64                 quantity,
                                                     const char            *created_at,
                                                     GError               **error);
gboolean             lic_sqlite_line_is_unpaid      (LicSqliteConnection   *connection,
                                                     gint64                 order_line_id,
                                                     gboolean              *unpaid,
                                                     GError               **error);
gboolean             lic_sqlite_mail_access         (LicSqliteConnection   *connection,
                                                     gint64                 pool_id,
                                                     const char            *users_sql,
                                                     gint64                 source_id,
                                                     gboolean               again,
                                                     gint64                *mailed,
                                                     GError               **error);
gboolean             lic_sqlite_fill_payable        (LicSqliteConnection   *connection,
                                                     const LicCaller       *caller,
                                                     gint64                 pool_id,
                                                     GError               **error);
gboolean             lic_sqlite_user_pools          (LicSqliteConnection   *connection,
                                                     const LicCaller       *caller,
                                                     const LicUserFilter   *filter,
                                                     GPtrArray             *users,
                                                     GPtrArray            **user_pools,
                                                     GError               **error);
gboolean             lic_sqlite_store_sweep         (LicStore              *store,
                                                     GDateTime             *now,
                                                     GCancellable          *cancellable,
                                                     LicSweepReport        *report,
                                                     GError               **error);
GPtrArray           *lic_sqlite_store_list_purchase_requests (LicStore     *store,
                                                     const LicCaller       *caller,
                                                     const LicRequestFilter *filter,
                                                     const LicPage         *page,
                                                     gboolean              *more,
                                                     GError               **error);
LicPurchaseRequest  *lic_sqlite_store_get_purchase_request (LicStore       *store,
                                                     const LicCaller       *caller,
                                                     gint64                 request_id,
                                                     GError               **error);
LicOrder            *lic_sqlite_store_pay_purchase_request (LicStore       *store,
                                                     const LicCaller       *caller,
                                                     gint64                 request_id,
                                                     const LicPayment      *payment,
                                                     GDateTime             *now,
                                                     gboolean              *created,
                                                     LicPurchaseRequest   **request,
                                                     GError               **error);
LicPool             *lic_sqlite_store_keep          (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     gint64                 pool_id,
                                                     gint64                 user_id,
                                                     gint64                 instead_of,
                                                     GDateTime             *now,
                                                     GError               **error);
LicOrder            *lic_sqlite_store_renew         (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     gint64                 pool_id,
                                                     const LicPayment      *payment,
                                                     GDateTime             *now,
                                                     gboolean              *created,
                                                     LicPool              **pool,
                                                     GError               **error);
GPtrArray           *lic_sqlite_store_list_notices  (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     GError               **error);

/* lic-sqlite-notices.c */
gboolean             lic_sqlite_notify_delivered    (LicSqliteConnection   *connection,
                                                     gint64                 order_line_id,
                                                     const char            *now,
                                                     GError               **error);
gboolean             lic_sqlite_notify_admins       (LicSqliteConnection   *connection,
                                                     const char            *kind,
                                                     gint64                 organization_id,
                                                     gint64                 school_id,
                                                     gint64                 pool_id,
                                                     gint64                 order_line_id,
                                                     gint64                 quantity,
                                                     const char            *now,
                                                     GError               **error);
gboolean             lic_sqlite_queue_mail          (LicSqliteConnection   *connection,
                                                     const char            *recipient,
                                                     const char            *recipient_name,
                                                     const char            *subject,
                                                     const char            *body,
                                                     GError               **error);
gboolean             lic_sqlite_user_language       (LicSqliteConnection   *connection,
                                                     gint64                 user_id,
                                                     char                 **language,
                                                     GError               **error);
GPtrArray           *lic_sqlite_store_list_notifications (LicStore         *store,
                                                     const LicCaller       *caller,
                                                     const LicPage         *page,
                                                     gboolean              *more,
                                                     GError               **error);
gboolean             lic_sqlite_store_mark_read     (LicStore              *store,
                                                     const LicCaller       *caller,
                                                     GArray                *ids,
                                                     GError               **error);
GPtrArray           *lic_sqlite_store_notifications_after (LicStore        *store,
                                                     gint64                 user_id,
                                                     gint64                 after_id,
                                                     GError               **error);
gboolean             lic_sqlite_store_last_notification (LicStore          *store,
                                                     gint64                *id,
                                                     GError               **error);
LicMail             *lic_sqlite_store_claim_mail    (LicStore              *store,
                                                     gint64                 now,
                                                     gint64                 lease_until,
                                                     gint64                *next_due,
                                                     GError               **error);
gboolean             lic_sqlite_store_finish_mail   (LicStore              *store,
                                                     gint64                 mail_id,
                                                     const char            *failure,
                                                     gint64                 now,
                                                     gint64                 retry_at,
                                                     GError               **error);

G_END_DECLS
