/* lic-caller.h: who sent a request, and what they may act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-core.h"

G_BEGIN_DECLS

typedef struct
{
  LicUser *user;
  LicOrganization *organization;
  LicAdminScope admin_scope;
  GArray *school_ids;               /* gint64, ascending: the schools the caller may act on */
} LicCaller;

LicCaller *lic_caller_new                (LicUser         *user,
                                          LicOrganization *organization,
                                          LicAdminScope    admin_scope,
                                          GArray          *school_ids);
void       lic_caller_free               (LicCaller       *self);
gboolean   lic_caller_may_act_on_school  (const LicCaller *self,
                                          gint64           school_id);

int        lic_id_compare                (gconstpointer    a,
                                          gconstpointer    b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicCaller, lic_caller_free)

G_END_DECLS
