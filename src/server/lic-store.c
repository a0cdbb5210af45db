/* lic-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lic-store.h"

G_DEFINE_INTERFACE (LicStore, lic_store, G_TYPE_OBJECT)

static void
lic_store_default_init (LicStoreInterface *iface)
{
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
 *
 * Returns: (transfer full) (element-type LicUser): one page of the users of @caller's schools
 */
GPtrArray *
lic_store_list_users (LicStore             *self,
                      const LicCaller      *caller,
                      const LicUserFilter  *filter,
                      const LicPage        *page,
                      gboolean             *more,
                      GError              **error)
{
  g_return_val_if_fail (LIC_IS_STORE (self), NULL);
  g_return_val_if_fail (caller != NULL && filter != NULL && page != NULL, NULL);
  g_return_val_if_fail (page->limit > 0 && more != NULL, NULL);

  return LIC_STORE_GET_IFACE (self)->list_users (self, caller, filter, page, more, error);
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
 * Returns: (transfer full) (element-type LicPool): one page of the pools of @caller's schools,
 *   ordered by product name
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

void
lic_group_info_free (LicGroupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info);
}

void
lic_school_status_free (LicSchoolStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->school_name);
  g_free (status);
}
