/* lic-pool-page.h: one license pool (a product at a school): who uses it, and assigning and
 * unassigning its licenses.
 *
 * The header says the product, the school, how many licenses are used of how many, and when
 * the term ends. The list is the users the pool assigns, paged from the server, with a
 * multi-selection that "Unassign" acts on. "Assign…" offers the users-and-classes picker (up
 * to the free licenses) and every student or every teacher of the school. Each change asks for
 * confirmation first, saying how many licenses it uses and what is left; a refusal shows the
 * server's numbers on the page. After a change the page shows the pool the server returned,
 * reloads its list, says what happened in a toast and emits "changed".
 *
 * "Auto-assign" lists the classes linked to the pool, each with a button that unlinks it (which
 * takes no license back), "Link Classes…" offers the school's other classes, and the pupils
 * waiting for a license are counted when there are any.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-page.h"

G_BEGIN_DECLS

#define LIC_TYPE_POOL_PAGE (lic_pool_page_get_type ())

G_DECLARE_FINAL_TYPE (LicPoolPage, lic_pool_page, LIC, POOL_PAGE, LicPage)

LicPool *lic_pool_page_get_pool          (LicPoolPage  *self);
void     lic_pool_page_set_pool          (LicPoolPage  *self,
                                          LicPool      *pool);
void     lic_pool_page_confirm_assign    (LicPoolPage  *self,
                                          const gint64 *user_ids,
                                          gsize         n_user_ids,
                                          const gint64 *group_ids,
                                          gsize         n_group_ids,
                                          guint         n_users);
void     lic_pool_page_confirm_assign_role (LicPoolPage *self,
                                          LicRole       role);
void     lic_pool_page_confirm_unassign  (LicPoolPage  *self);
void     lic_pool_page_show_link_dialog  (LicPoolPage  *self);
void     lic_pool_page_unlink            (LicPoolPage  *self,
                                          gint64        group_id);

void     lic_pool_page_renew             (LicPoolPage  *self);

G_END_DECLS
