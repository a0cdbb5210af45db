/* lic-error-text.h: LIC_ERROR in words a school administrator understands.
 *
 * The one place that decides how a failure is explained: the sign-in window and every
 * view's error state ask here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *lic_error_text_sign_in     (const GError *error,
                                        const char   *server_address);
const char *lic_error_text_title       (const GError *error);
const char *lic_error_text_description (const GError *error);
const char *lic_error_text_icon_name   (const GError *error);

G_END_DECLS
