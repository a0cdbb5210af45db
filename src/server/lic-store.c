/* lic-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-store.h"

G_DEFINE_INTERFACE (LicStore, lic_store, G_TYPE_OBJECT)

enum {
  NOTIFIED,
  MAIL_QUEUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
lic_store_default_init (LicStoreInterface *iface)
{
  /**
   * LicStore::notified:
   *
   * Notifications were committed; emitted on the thread that committed them.
   */
  signals[NOTIFIED] = g_signal_new ("notified", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LicStore::mail-queued:
   *
   * E-mails were committed to the outbox; emitted on the thread that committed them.
   */
  signals[MAIL_QUEUED] = g_signal_new ("mail-queued", G_TYPE_FROM_INTERFACE (iface),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/**
 * lic_store_emit_committed:
 * @notified: whether the commit added notifications
 * @mailed: whether it added e-mails to the outbox
 *
 * For implementations: tells who waits for them, after the commit.
 */
void
lic_store_emit_committed (LicStore *self,
                          gboolean  notified,
                          gboolean  mailed)
{
  g_return_if_fail (LIC_IS_STORE (self));

  if (notified)
    g_signal_emit (self, signals[NOTIFIED], 0);
  if (mailed)
    g_signal_emit (self, signals[MAIL_QUEUED], 0);
}

/**
 * lic_store_load_demo:
 * @loaded: (out) (optional): whether the demo was written now, rather than found already there
 *
 * Writes @demo in one transaction unless an earlier call already did, so that starting with
 * --demo twice changes nothing.
 */
gboolean
lic_store_load_demo (LicStore       *self,
                     const LicDemo  *demo,
                     gboolean       *loaded,
                     GError        **error)
{
  gboolean ignored;

  g_return_val_if_fail (LIC_IS_STORE (self), FALSE);
  g_return_val_if_fail (demo != NULL, FALSE);

  return LIC_STORE_GET_IFACE (self)->load_demo (self, demo, loaded != NULL ? loaded : &ignored,
                                                error);
}

/**
 * lic_store_find_login:
 * @user_id: (out): the account's id
 * @password_hash: (out) (transfer full): its password hash
 *
 * Finds the account @username signs in with: an administrator with a password. Anyone else,
 * and an unknown @username, fail with %LIC_ERROR_UNAUTHORIZED.
 */
gboolean
lic_store_find_login (LicStore    *self,
                      const char  *username,
                      gint64      *user_id,
                      char       **password_hash,
                      GError     **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), FALSE);
  g_return_val_if_fail (username != NULL, FALSE);
  g_return_val_if_fail (user_id != NULL && password_hash != NULL, FALSE);

  return LIC_STORE_GET_IFACE (self)->find_login (self, username, user_id, password_hash, error);
}

/**
 * lic_store_create_session:
 * @token_hash: lic_token_hash() of the token handed out
 * @now: the time, in seconds since 1970; sessions that expired before it are removed
 * @expires_at: when the session ends, in seconds since 1970
 */
gboolean
lic_store_create_session (LicStore    *self,
                          gint64       user_id,
                          const char  *token_hash,
                          gint64       now,
                          gint64       expires_at,
                          GError     **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);

  return LIC_STORE_GET_IFACE (self)->create_session (self, user_id, token_hash, now, expires_at,
                                                     error);
}

/**
 * lic_store_lookup_session:
 *
 * Returns: (transfer full): who holds the session, or %NULL with %LIC_ERROR_UNAUTHORIZED if
 *   there is none for @token_hash or it expired before @now
 */
LicCaller *
lic_store_lookup_session (LicStore    *self,
                          const char  *token_hash,
                          gint64       now,
                          GError     **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (token_hash != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->lookup_session (self, token_hash, now, error);
}

gboolean
lic_store_delete_session (LicStore    *self,
                          const char  *token_hash,
                          GError     **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);

  return LIC_STORE_GET_IFACE (self)->delete_session (self, token_hash, error);
}

/**
 * lic_store_list_schools:
 *
 * Returns: (transfer full) (element-type LicSchool): the schools @caller may act on, by name
 */
GPtrArray *
lic_store_list_schools (LicStore         *self,
                        const LicCaller  *caller,
                        GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->list_schools (self, caller, error);
}

/**
 * lic_store_list_products:
 * @more: (out): whether there are products after this page
 *
 * Returns: (transfer full) (element-type LicProduct): one page of the products offered to
 *   @caller's organization, that is priced in its currency, with descriptions in
 *   @filter->language (English where there is none)
 */
GPtrArray *
lic_store_list_products (LicStore                *self,
                         const LicCaller         *caller,
                         const LicProductFilter  *filter,
                         const LicPage           *page,
                         gboolean                *more,
                         GError                 **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && filter != NULL && page != NULL, NULL);
  g_return_val_if_fail (page->limit > 0 && more != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->list_products (self, caller, filter, page, more, error);
}

/**
 * lic_store_get_product:
 * @schools: (out) (transfer full) (element-type LicSchoolStatus): the product's status at
 *   each school of @caller, by school name
 *
 * Returns: (transfer full): the product, or %NULL with %LIC_ERROR_NOT_FOUND if it is not
 *   offered to @caller's organization
 */
LicProduct *
lic_store_get_product (LicStore         *self,
                       const LicCaller  *caller,
                       gint64            product_id,
                       const char       *language,
                       GPtrArray       **schools,
                       GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && language != NULL && schools != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->get_product (self, caller, product_id, language, schools,
                                                  error);
}

/**
 * lic_store_list_users:
 * @more: (out): whether there are users after this page
 * @user_pools: (out) (optional) (transfer full) (element-type LicUserPool): with a list
 *   (Payable or No access), the pools that put each user of the page on it
 *
 * Returns: (transfer full) (element-type LicUser): one page of the users of @caller's schools
 */
GPtrArray *
lic_store_list_users (LicStore             *self,
                      const LicCaller      *caller,
                      const LicUserFilter  *filter,
                      const LicPage        *page,
                      gboolean             *more,
                      GPtrArray           **user_pools,
                      GError              **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && filter != NULL && page != NULL, NULL);
  g_return_val_if_fail (page->limit > 0 && more != NULL, NULL);

  if (user_pools != NULL)
    *user_pools = NULL;
  return LIC_STORE_GET_IFACE (self)->list_users (self, caller, filter, page, more, user_pools,
                                                 error);
}

/**
 * lic_store_get_user:
 * @licenses: (out) (element-type LicUserLicense): the user's assignments, by product name
 *
 * Returns: (transfer full): a user of @caller's schools, or %NULL with %LIC_ERROR_NOT_FOUND
 */
LicUser *
lic_store_get_user (LicStore         *self,
                    const LicCaller  *caller,
                    gint64            user_id,
                    GPtrArray       **licenses,
                    GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && licenses != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->get_user (self, caller, user_id, licenses, error);
}

/**
 * lic_store_import_users:
 * @rows: (element-type LicImportRow): the rows that passed the route's checks
 * @errors: (element-type LicImportError): the rows that did not; the store adds its own
 * @counts: (out): what the import did
 *
 * Adds or updates (by username, within @caller's organization) the users of @rows, with their
 * groups, in one transaction; or, when @errors is not empty at the end of the checks, changes
 * nothing and fails with %LIC_ERROR_INVALID.
 */
gboolean
lic_store_import_users (LicStore         *self,
                        const LicCaller  *caller,
                        GPtrArray        *rows,
                        GPtrArray        *errors,
                        LicImportCounts  *counts,
                        GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), FALSE);
  g_return_val_if_fail (caller != NULL && rows != NULL && errors != NULL && counts != NULL,
                        FALSE);

  return LIC_STORE_GET_IFACE (self)->import_users (self, caller, rows, errors, counts, error);
}

/**
 * lic_store_list_groups:
 * @school_id: a school of @caller, or 0 for all of them
 * @more: (out): whether there are groups after this page
 *
 * Returns: (transfer full) (element-type LicGroupInfo): one page of the groups of @caller's
 *   schools
 */
GPtrArray *
lic_store_list_groups (LicStore         *self,
                       const LicCaller  *caller,
                       gint64            school_id,
                       const LicPage    *page,
                       gboolean         *more,
                       GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && page != NULL, NULL);
  g_return_val_if_fail (page->limit > 0 && more != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->list_groups (self, caller, school_id, page, more, error);
}

/**
 * lic_store_list_pools:
 * @more: (out): whether there are pools after this page
 *
 * Returns: (transfer full) (element-type LicPool): one page of the pools of @caller's
 *   schools, ordered by product name
 */
GPtrArray *
lic_store_list_pools (LicStore             *self,
                      const LicCaller      *caller,
                      const LicPoolFilter  *filter,
                      const LicPage        *page,
                      gboolean             *more,
                      GError              **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && filter != NULL && page != NULL, NULL);
  g_return_val_if_fail (page->limit > 0 && more != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->list_pools (self, caller, filter, page, more, error);
}

/**
 * lic_store_get_pool:
 *
 * Returns: (transfer full): the pool, or %NULL with %LIC_ERROR_NOT_FOUND if it does not belong
 *   to a school of @caller
 */
LicPool *
lic_store_get_pool (LicStore         *self,
                    const LicCaller  *caller,
                    gint64            pool_id,
                    GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->get_pool (self, caller, pool_id, error);
}

/**
 * lic_store_assign:
 * @assigned: (out): the users assigned now
 * @already_assigned: (out): the users named who had the pool already
 *
 * Assigns the users @assignment names to a pool of @caller's schools, in one transaction: all
 * of them, or none when a user is not of the pool's school (%LIC_ERROR_INVALID) or the new
 * ones need more licenses than are free (%LIC_ERROR_CONFLICT, with the numbers).
 *
 * Returns: (transfer full): the pool as it is now, or %NULL with @error set
 *   (%LIC_ERROR_NOT_FOUND for a pool outside @caller's schools)
 */
LicPool *
lic_store_assign (LicStore             *self,
                  const LicCaller      *caller,
                  gint64                pool_id,
                  const LicAssignment  *assignment,
                  GDateTime            *now,
                  gint64               *assigned,
                  gint64               *already_assigned,
                  GError              **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL, NULL);
  g_return_val_if_fail (assignment != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->assign (self, caller, pool_id, assignment, now, assigned,
                                             already_assigned, error);
}

/**
 * lic_store_link_groups:
 * @group_ids: (element-type gint64): groups (classes); to link, groups of the pool's school
 * @link: %TRUE to link them, %FALSE to unlink them
 * @changed: (out): the links added or removed
 * @assigned: (out): the users a link assigned at once (0 when unlinking)
 *
 * Links groups to a pool, which then gives their members licenses while any is free, now and
 * whenever a member joins or licenses arrive; or unlinks them, which changes no assignment.
 *
 * Returns: (transfer full): the pool as it is now, or %NULL with @error set
 */
LicPool *
lic_store_link_groups (LicStore         *self,
                       const LicCaller  *caller,
                       gint64            pool_id,
                       GArray           *group_ids,
                       gboolean          link,
                       GDateTime        *now,
                       gint64           *changed,
                       gint64           *assigned,
                       GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL, NULL);
  g_return_val_if_fail (group_ids != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->link_groups (self, caller, pool_id, group_ids, link, now,
                                                  changed, assigned, error);
}

/**
 * lic_store_unassign:
 * @user_ids: (element-type gint64): the users; those without the pool are passed over
 * @unassigned: (out): the assignments removed
 *
 * Returns: (transfer full): the pool as it is now, or %NULL with @error set
 *   (%LIC_ERROR_NOT_FOUND for a pool outside @caller's schools)
 */
LicPool *
lic_store_unassign (LicStore         *self,
                    const LicCaller  *caller,
                    gint64            pool_id,
                    GArray           *user_ids,
                    gint64           *unassigned,
                    GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL, NULL);
  g_return_val_if_fail (user_ids != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->unassign (self, caller, pool_id, user_ids, unassigned,
                                               error);
}

/**
 * lic_store_list_suppliers:
 *
 * Returns: (transfer full) (element-type LicSupplierInfo): the suppliers of the products
 *   offered to @caller's organization, by name
 */
GPtrArray *
lic_store_list_suppliers (LicStore         *self,
                          const LicCaller  *caller,
                          GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->list_suppliers (self, caller, error);
}

/**
 * lic_store_get_cart:
 *
 * Returns: (transfer full): @caller's cart, with the products' current prices
 */
LicCart *
lic_store_get_cart (LicStore         *self,
                    const LicCaller  *caller,
                    GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->get_cart (self, caller, error);
}

/**
 * lic_store_change_cart:
 * @line_id: the line to change, or 0 to add @change's product and school to the cart
 * @change: what to set; for a new line, product, school and quantity
 * @created: (out): whether a line was added; adding a product and school already in the cart
 *   raises that line's quantity by @change's and adds its picks instead
 *
 * Changes @caller's cart as the rules allow (lic_rules_check_cart_line()): a refusal changes
 * nothing. A line of another cart is %LIC_ERROR_NOT_FOUND, a school outside @caller's scope
 * %LIC_ERROR_FORBIDDEN.
 *
 * Returns: (transfer full): the line as it is now
 */
LicCartLine *
lic_store_change_cart (LicStore             *self,
                       const LicCaller      *caller,
                       gint64                line_id,
                       const LicCartChange  *change,
                       gboolean             *created,
                       GError              **error)
{
  gboolean ignored;

  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && change != NULL, NULL);
  g_return_val_if_fail (line_id > 0 || change->quantity > 0, NULL);

  return LIC_STORE_GET_IFACE (self)->change_cart (self, caller, line_id, change,
                                                  created != NULL ? created : &ignored, error);
}

/**
 * lic_store_remove_cart_line:
 *
 * Removes a line of @caller's cart; one of another cart is %LIC_ERROR_NOT_FOUND.
 */
gboolean
lic_store_remove_cart_line (LicStore         *self,
                            const LicCaller  *caller,
                            gint64            line_id,
                            GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), FALSE);
  g_return_val_if_fail (caller != NULL, FALSE);

  return LIC_STORE_GET_IFACE (self)->remove_cart_line (self, caller, line_id, error);
}

/**
 * lic_store_checkout:
 * @now: the time of the order
 * @created: (out): whether the order was made now, rather than by an earlier checkout with the
 *   same idempotency key
 *
 * Orders @caller's cart in one transaction, if lic_rules_check_checkout() allows: creates the
 * order, delivers the direct lines (assigning their picks), issues and e-mails activation
 * codes, and empties the cart. A checkout with an idempotency key @caller used before changes
 * nothing and gives the order it made, whatever the cart holds now.
 *
 * Returns: (transfer full): the order
 */
LicOrder *
lic_store_checkout (LicStore           *self,
                    const LicCaller    *caller,
                    const LicCheckout  *checkout,
                    GDateTime          *now,
                    gboolean           *created,
                    GError            **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && checkout != NULL && now != NULL, NULL);
  g_return_val_if_fail (checkout->idempotency_key != NULL && created != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->checkout (self, caller, checkout, now, created, error);
}

/**
 * lic_store_list_orders:
 * @page: the page; orders are listed newest first, so only its after_id counts
 * @more: (out): whether there are orders after this page
 *
 * Returns: (transfer full) (element-type LicOrder): one page of the orders of @caller's
 *   organization, with the lines at @caller's schools (orders without any are left out)
 */
GPtrArray *
lic_store_list_orders (LicStore         *self,
                       const LicCaller  *caller,
                       const LicPage    *page,
                       gboolean         *more,
                       GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && page != NULL && page->limit > 0 && more != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->list_orders (self, caller, page, more, error);
}

/**
 * lic_store_get_order:
 *
 * Returns: (transfer full): the order with its lines at @caller's schools, or %NULL with
 *   %LIC_ERROR_NOT_FOUND if it has none
 */
LicOrder *
lic_store_get_order (LicStore         *self,
                     const LicCaller  *caller,
                     gint64            order_id,
                     GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->get_order (self, caller, order_id, error);
}

/**
 * lic_store_add_supplier_key:
 * @key_hash: lic_token_hash() of the key
 *
 * Lets the holder of the key act for the supplier named @supplier_name; an unknown name is
 * %LIC_ERROR_NOT_FOUND.
 */
gboolean
lic_store_add_supplier_key (LicStore    *self,
                            const char  *supplier_name,
                            const char  *key_hash,
                            GDateTime   *now,
                            GError     **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), FALSE);
  g_return_val_if_fail (supplier_name != NULL && key_hash != NULL && now != NULL, FALSE);

  return LIC_STORE_GET_IFACE (self)->add_supplier_key (self, supplier_name, key_hash, now, error);
}

/**
 * lic_store_find_supplier:
 *
 * Returns: the supplier whose key has @key_hash, or 0 with %LIC_ERROR_UNAUTHORIZED
 */
gint64
lic_store_find_supplier (LicStore    *self,
                         const char  *key_hash,
                         GError     **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), 0);
  g_return_val_if_fail (key_hash != NULL, 0);

  return LIC_STORE_GET_IFACE (self)->find_supplier (self, key_hash, error);
}

/**
 * lic_store_deliver_order:
 * @supplier_id: the supplier delivering, or 0 for every supplier (the command line)
 *
 * Delivers the lines of the order awaiting delivery of @supplier_id's products: adds their
 * licenses to the pools, and tells every admin of each school by a notification and an e-mail.
 * An order without lines of the supplier is %LIC_ERROR_NOT_FOUND; one with none awaiting
 * delivery %LIC_ERROR_CONFLICT.
 *
 * Returns: (transfer full): the order, with the lines of @supplier_id's products only
 */
LicOrder *
lic_store_deliver_order (LicStore    *self,
                         gint64       supplier_id,
                         gint64       order_id,
                         GDateTime   *now,
                         GError     **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->deliver_order (self, supplier_id, order_id, now, error);
}

/**
 * lic_store_reissue_code:
 *
 * Issues a new activation code for an activation line of @supplier_id's product, which
 * replaces the line's earlier code, and e-mails it to where the first one went. A line that is
 * no such line is %LIC_ERROR_NOT_FOUND; a delivered one %LIC_ERROR_CONFLICT.
 *
 * Returns: (transfer full): when the new code expires, in ISO 8601
 */
char *
lic_store_reissue_code (LicStore    *self,
                        gint64       supplier_id,
                        gint64       order_line_id,
                        GDateTime   *now,
                        GError     **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (supplier_id > 0 && now != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->reissue_code (self, supplier_id, order_line_id, now, error);
}

/**
 * lic_store_activate:
 * @code_hash: lic_activation_code_hash() of the code given
 * @pool_id: (out): the pool the licenses went to
 *
 * Delivers the order line of an activation code, if lic_rules_check_code() allows, as
 * lic_store_deliver_order() does, and uses the code up. A code of another organization is
 * %LIC_ERROR_NOT_FOUND, as is one that does not exist.
 *
 * Returns: (transfer full): the line's order, as lic_store_get_order() gives it
 */
LicOrder *
lic_store_activate (LicStore         *self,
                    const LicCaller  *caller,
                    const char       *code_hash,
                    GDateTime        *now,
                    gint64           *pool_id,
                    GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && code_hash != NULL && now != NULL, NULL);
  g_return_val_if_fail (pool_id != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->activate (self, caller, code_hash, now, pool_id, error);
}

/**
 * lic_store_list_notifications:
 * @page: the page; notifications are listed newest first, so only its after_id counts
 *
 * Returns: (transfer full) (element-type LicNotification): one page of @caller's notifications
 */
GPtrArray *
lic_store_list_notifications (LicStore         *self,
                              const LicCaller  *caller,
                              const LicPage    *page,
                              gboolean         *more,
                              GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && page != NULL && page->limit > 0 && more != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->list_notifications (self, caller, page, more, error);
}

/**
 * lic_store_mark_read:
 * @ids: (element-type gint64): notifications of @caller; other ids are passed over
 */
gboolean
lic_store_mark_read (LicStore         *self,
                     const LicCaller  *caller,
                     GArray           *ids,
                     GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), FALSE);
  g_return_val_if_fail (caller != NULL && ids != NULL, FALSE);

  return LIC_STORE_GET_IFACE (self)->mark_read (self, caller, ids, error);
}

/**
 * lic_store_notifications_after:
 *
 * Returns: (transfer full) (element-type LicNotification): the notifications of @user_id with
 *   ids above @after_id, oldest first
 */
GPtrArray *
lic_store_notifications_after (LicStore    *self,
                               gint64       user_id,
                               gint64       after_id,
                               GError     **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);

  return LIC_STORE_GET_IFACE (self)->notifications_after (self, user_id, after_id, error);
}

/**
 * lic_store_last_notification:
 * @id: (out): the highest notification id of anyone, 0 if there are none; ids only grow
 */
gboolean
lic_store_last_notification (LicStore  *self,
                             gint64    *id,
                             GError   **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return LIC_STORE_GET_IFACE (self)->last_notification (self, id, error);
}

/**
 * lic_store_claim_mail:
 * @now: the wall-clock time, in seconds since 1970
 * @lease_until: until when the e-mail is the caller's to send; if the caller never says how
 *   it went, it is due again then (another process may take it)
 * @next_due: (out): when the next e-mail is due, G_MAXINT64 if none is waiting
 *
 * Takes the oldest e-mail of the outbox that is due, so that no other sender takes it too.
 *
 * Returns: (transfer full) (nullable): the e-mail, or %NULL (@error unset) if none is due
 */
LicMail *
lic_store_claim_mail (LicStore  *self,
                      gint64     now,
                      gint64     lease_until,
                      gint64    *next_due,
                      GError   **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (lease_until > now && next_due != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->claim_mail (self, now, lease_until, next_due, error);
}

/**
 * lic_store_finish_mail:
 * @failure: (nullable): why the send failed, or %NULL if the e-mail was sent
 * @retry_at: after a failure, when to try again
 *
 * Records how sending a claimed e-mail went: sent e-mails stay, marked sent; failed ones stay
 * due, with one attempt more.
 */
gboolean
lic_store_finish_mail (LicStore    *self,
                       gint64       mail_id,
                       const char  *failure,
                       gint64       now,
                       gint64       retry_at,
                       GError     **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), FALSE);

  return LIC_STORE_GET_IFACE (self)->finish_mail (self, mail_id, failure, now, retry_at, error);
}

void
lic_group_info_free (LicGroupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info);
}

void
lic_import_row_free (LicImportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->username);
  g_free (row->name);
  g_free (row->email);
  g_strfreev (row->groups);
  g_free (row);
}

void
lic_import_error_free (LicImportError *error)
{
  if (error == NULL)
    return;
  g_free (error->message);
  g_free (error);
}

void
lic_school_status_free (LicSchoolStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->school_name);
  g_clear_object (&status->pool);
  g_clear_pointer (&status->order_lines, g_ptr_array_unref);
  g_free (status);
}

void
lic_user_pool_free (LicUserPool *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->product_name);
  g_free (entry->date);
  g_free (entry);
}

void
lic_supplier_info_free (LicSupplierInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info);
}

void
lic_user_license_free (LicUserLicense *license)
{
  if (license == NULL)
    return;
  g_free (license->product_name);
  g_free (license->assigned_at);
  g_free (license->state);
  g_free (license);
}

/**
 * lic_store_sweep:
 * @now: the time the rules read
 * @report: (out caller-allocates): what the sweep did
 *
 * @cancellable: (nullable): stops the sweep between two steps (with %G_IO_ERROR_CANCELLED)
 *
 * Takes every step of the compliance rules due at @now that has not been taken: e-mails late
 * purchase requests' admins, suspends those unpaid on day 60, ends terms. Each step is one
 * transaction, and records that it was taken, so that a second sweep (by this server or
 * another on the same store) changes nothing and sends nothing, and a server that was down
 * catches up on what it missed.
 */
gboolean
lic_store_sweep (LicStore        *self,
                 GDateTime       *now,
                 GCancellable    *cancellable,
                 LicSweepReport  *report,
                 GError         **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL && report != NULL, FALSE);

  return LIC_STORE_GET_IFACE (self)->sweep (self, now, cancellable, report, error);
}

/**
 * lic_store_list_purchase_requests:
 *
 * Returns: (transfer full) (element-type LicPurchaseRequest): one page of the purchase requests
 *   of @caller's schools, newest first
 */
GPtrArray *
lic_store_list_purchase_requests (LicStore                *self,
                                  const LicCaller         *caller,
                                  const LicRequestFilter  *filter,
                                  const LicPage           *page,
                                  gboolean                *more,
                                  GError                 **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && filter != NULL && page != NULL, NULL);
  g_return_val_if_fail (page->limit > 0 && more != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->list_purchase_requests (self, caller, filter, page, more,
                                                             error);
}

/**
 * lic_store_get_purchase_request:
 *
 * Returns: (transfer full): a purchase request of @caller's schools, or %NULL with
 *   %LIC_ERROR_NOT_FOUND
 */
LicPurchaseRequest *
lic_store_get_purchase_request (LicStore         *self,
                                const LicCaller  *caller,
                                gint64            request_id,
                                GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->get_purchase_request (self, caller, request_id, error);
}

/**
 * lic_store_pay_purchase_request:
 * @created: (out): whether the order was made now, rather than by an earlier call with the
 *   same key
 * @request: (out) (transfer full): the request, paid
 *
 * Pays a purchase request with an order of its quantity at the current price, in one
 * transaction that also gives the pool's users without access their licenses back.
 *
 * Returns: (transfer full): the order
 */
LicOrder *
lic_store_pay_purchase_request (LicStore            *self,
                                const LicCaller     *caller,
                                gint64               request_id,
                                const LicPayment    *payment,
                                GDateTime           *now,
                                gboolean            *created,
                                LicPurchaseRequest **request,
                                GError             **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && payment != NULL && now != NULL, NULL);
  g_return_val_if_fail (created != NULL && request != NULL, NULL);

  *request = NULL;
  return LIC_STORE_GET_IFACE (self)->pay_purchase_request (self, caller, request_id, payment,
                                                           now, created, request, error);
}

/**
 * lic_store_keep:
 * @user_id: a user on the pool's Payable list
 * @instead_of: a user of the pool, not on it, who gives up their license
 *
 * Returns: (transfer full): the pool afterwards
 */
LicPool *
lic_store_keep (LicStore         *self,
                const LicCaller  *caller,
                gint64            pool_id,
                gint64            user_id,
                gint64            instead_of,
                GDateTime        *now,
                GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && now != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->keep (self, caller, pool_id, user_id, instead_of, now,
                                           error);
}

/**
 * lic_store_renew:
 * @created: (out): whether the order was made now
 * @pool: (out) (transfer full): the pool afterwards
 *
 * Orders @payment's quantity of licenses for the pool's next term, inside its renewal period.
 *
 * Returns: (transfer full): the order
 */
LicOrder *
lic_store_renew (LicStore          *self,
                 const LicCaller   *caller,
                 gint64             pool_id,
                 const LicPayment  *payment,
                 GDateTime         *now,
                 gboolean          *created,
                 LicPool          **pool,
                 GError           **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && payment != NULL && now != NULL, NULL);
  g_return_val_if_fail (created != NULL && pool != NULL, NULL);

  *pool = NULL;
  return LIC_STORE_GET_IFACE (self)->renew (self, caller, pool_id, payment, now, created, pool,
                                            error);
}

/**
 * lic_store_list_notices:
 *
 * Returns: (transfer full) (element-type LicNotice): the notices of every pool of @caller's
 *   schools, each naming its pool, most urgent first
 */
GPtrArray *
lic_store_list_notices (LicStore         *self,
                        const LicCaller  *caller,
                        GError          **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->list_notices (self, caller, error);
}

/**
 * lic_store_get_setting:
 * @value: (out) (transfer full) (nullable): the value stored under @key, or %NULL
 *
 * Reads one of the server's own settings kept in the store (the test clock).
 */
gboolean
lic_store_get_setting (LicStore    *self,
                       const char  *key,
                       char       **value,
                       GError     **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  *value = NULL;
  return LIC_STORE_GET_IFACE (self)->get_setting (self, key, value, error);
}

gboolean
lic_store_set_setting (LicStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  return LIC_STORE_GET_IFACE (self)->set_setting (self, key, value, error);
}
