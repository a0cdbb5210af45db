/* lic-user-page.h: one user: who they are, and the licenses they hold.
 *
 * The page shows the user's name as its title, their username, e-mail address, role, school
 * and classes, and their licenses (GET /users/{id}): the product, when it was assigned and
 * whether it gives access. Each license has an Unassign button, and "Assign License…" offers
 * the products of the user's school through LicPoolChooser; both ask first, and a refusal
 * shows the server's reason on the page. After a change the page loads the user again, says
 * what happened in a toast and emits "changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-page.h"

G_BEGIN_DECLS

#define LIC_TYPE_USER_PAGE (lic_user_page_get_type ())

G_DECLARE_FINAL_TYPE (LicUserPage, lic_user_page, LIC, USER_PAGE, LicPage)

LicUser    *lic_user_page_get_user            (LicUserPage *self);
void        lic_user_page_set_user            (LicUserPage *self,
                                               LicUser     *user);
GListModel *lic_user_page_get_licenses        (LicUserPage *self);
void        lic_user_page_confirm_unassign    (LicUserPage *self,
                                               gint64       pool_id);

G_END_DECLS
