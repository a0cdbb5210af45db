/* lic-clock.h: the one "now" the server's rules read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a server with --test-clock keeps the time last set (ISO 8601), to read it again when it
 * starts. */
#define LIC_CLOCK_SETTING "test_clock"

GDateTime *lic_clock_now (void);
void       lic_clock_set (GDateTime *now);
char      *lic_clock_format (GDateTime *time);

G_END_DECLS
