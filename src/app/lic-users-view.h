/* lic-users-view.h: the students, teachers and administrators of the caller's schools.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-page.h"

G_BEGIN_DECLS

#define LIC_TYPE_USERS_VIEW (lic_users_view_get_type ())

G_DECLARE_FINAL_TYPE (LicUsersView, lic_users_view, LIC, USERS_VIEW, LicPage)

G_END_DECLS
