/* lic-pool-chooser.h: chooses one license pool of a school, for assigning its licenses to
 * users or taking them back.
 *
 * Licenses belong to a school, so the chooser lists the pools (products) of one school, each
 * with what an admin weighs: the licenses free when assigning, those in use when unassigning.
 * It loads them itself when shown. "Continue" is the response once a pool is chosen; the
 * caller reads it with lic_pool_chooser_get_pool() in its "response" handler, then asks for
 * confirmation and changes nothing before that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lic-client.h"

G_BEGIN_DECLS

#define LIC_TYPE_POOL_CHOOSER (lic_pool_chooser_get_type ())

G_DECLARE_FINAL_TYPE (LicPoolChooser, lic_pool_chooser, LIC, POOL_CHOOSER, AdwMessageDialog)

LicPoolChooser *lic_pool_chooser_new          (GtkWindow      *parent,
                                               LicClient      *client,
                                               gint64          school_id,
                                               const char     *school_name,
                                               gboolean        unassign,
                                               guint           n_users,
                                               const char     *user_name);
void            lic_pool_chooser_set_held     (LicPoolChooser *self,
                                               const gint64   *pool_ids,
                                               gsize           n_pool_ids);
LicPool        *lic_pool_chooser_get_pool     (LicPoolChooser *self);
GListModel     *lic_pool_chooser_get_pools    (LicPoolChooser *self);

G_END_DECLS
