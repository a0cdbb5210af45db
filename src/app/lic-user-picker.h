/* lic-user-picker.h: picks the users and classes a direct cart line assigns its licenses to,
 * or that a pool's free licenses are to be assigned to.
 *
 * The users of the line's school are searched on the server; the classes of the school are
 * listed and filtered as they are. The counter says how many licenses the picks use, counting
 * a user picked both alone and through a class once, and the picker refuses, in words, a pick
 * that would use more licenses than the line has. Save sends the picks; the server's own
 * refusal keeps the picker open with its reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lic-client.h"

G_BEGIN_DECLS

#define LIC_TYPE_USER_PICKER (lic_user_picker_get_type ())

G_DECLARE_FINAL_TYPE (LicUserPicker, lic_user_picker, LIC, USER_PICKER, AdwWindow)

LicUserPicker *lic_user_picker_new            (GtkWindow     *parent,
                                               LicClient     *client,
                                               LicCartLine   *line,
                                               gint64         quantity);
guint          lic_user_picker_get_count      (LicUserPicker *self);

/* Added: picks for a pool, up to its free licenses; emits "picked" on Save, and assigns
 * nothing itself. */
LicUserPicker *lic_user_picker_new_for_pool   (GtkWindow     *parent,
                                               LicClient     *client,
                                               LicPool       *pool);
GArray        *lic_user_picker_dup_user_ids   (LicUserPicker *self);
GArray        *lic_user_picker_dup_group_ids  (LicUserPicker *self);

G_END_DECLS
