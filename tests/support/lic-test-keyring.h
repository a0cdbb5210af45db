/* lic-test-keyring.h: a keyring of the test's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSubprocess *lic_test_keyring_start (void);

G_END_DECLS
