/* lic-application.h: the Licentia application: signing in, and the windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIC_TYPE_APPLICATION (lic_application_get_type ())

G_DECLARE_FINAL_TYPE (LicApplication, lic_application, LIC, APPLICATION, AdwApplication)

LicApplication *lic_application_new (void);

G_END_DECLS
