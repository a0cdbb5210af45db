/* lic-users-view.h: the students, teachers and administrators of the caller's schools.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-page.h"

G_BEGIN_DECLS

#define LIC_TYPE_USERS_VIEW (lic_users_view_get_type ())

G_DECLARE_FINAL_TYPE (LicUsersView, lic_users_view, LIC, USERS_VIEW, LicPage)

/* What the save and open dialogs of "Download CSV…" and "Import Users…" do with the file
 * chosen; tests call them with a file of their own. */
void     lic_users_view_export_to_file  (LicUsersView *self,
                                         GFile        *file);
void     lic_users_view_import_file     (LicUsersView *self,
                                         GFile        *file);

void     lic_users_view_change_selected (LicUsersView *self,
                                         gboolean      unassign);

gboolean lic_users_view_get_user_shown  (LicUsersView *self);
void     lic_users_view_show_users      (LicUsersView *self);

void     lic_users_view_show_list       (LicUsersView *self,
                                         LicUserList   list,
                                         gint64        pool_id,
                                         const char   *product,
                                         const char   *school);
void     lic_users_view_keep_selected   (LicUsersView *self);

G_END_DECLS
