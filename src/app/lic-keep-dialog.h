/* lic-keep-dialog.h: lets a user of a pool's Payable list keep the license in place of a user
 * of the same pool who is not on the list (POST /pools/{id}/keep).
 *
 * It loads the pool's users with lic_keep_dialog_load_async(); lic_keep_dialog_present() then
 * asks whom to unassign instead, from a searchable list of those not on the Payable list, and
 * asks again before anything changes. "confirmed" says the admin has agreed; the caller then
 * makes the change with lic_keep_dialog_keep_async(). The caller lends its client and
 * cancellable to each request, so that it can make one change at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lic-client.h"

G_BEGIN_DECLS

#define LIC_TYPE_KEEP_DIALOG (lic_keep_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LicKeepDialog, lic_keep_dialog, LIC, KEEP_DIALOG, GObject)

LicKeepDialog *lic_keep_dialog_new         (GtkWindow            *parent,
                                            LicUser              *user,
                                            gint64                pool_id,
                                            const char           *product_name);
void           lic_keep_dialog_load_async  (LicKeepDialog        *self,
                                            LicClient            *client,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean       lic_keep_dialog_load_finish (LicKeepDialog        *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void           lic_keep_dialog_present     (LicKeepDialog        *self);
void           lic_keep_dialog_keep_async  (LicKeepDialog        *self,
                                            LicClient            *client,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
char          *lic_keep_dialog_keep_finish (LicKeepDialog        *self,
                                            GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
