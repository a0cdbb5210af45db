/* lic-sweeper.h: the compliance sweep of a running server, on a thread of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-store.h"

G_BEGIN_DECLS

typedef struct _LicSweeper LicSweeper;

gboolean    lic_sweep_now        (LicStore      *store,
                                  GCancellable  *cancellable);

LicSweeper *lic_sweeper_start    (LicStore      *store,
                                  guint          interval_seconds);
void        lic_sweeper_stop     (LicSweeper    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LicSweeper, lic_sweeper_stop)

G_END_DECLS
