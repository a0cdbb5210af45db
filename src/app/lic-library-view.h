/* lic-library-view.h: the tools the organization can buy, searched on the server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lic-page.h"

G_BEGIN_DECLS

#define LIC_TYPE_LIBRARY_VIEW (lic_library_view_get_type ())

G_DECLARE_FINAL_TYPE (LicLibraryView, lic_library_view, LIC, LIBRARY_VIEW, LicPage)

gboolean lic_library_view_get_product_shown (LicLibraryView *self);
void     lic_library_view_show_library      (LicLibraryView *self);
void     lic_library_view_show_product_id   (LicLibraryView *self,
                                             gint64          product_id);
void     lic_library_view_refresh_product   (LicLibraryView *self);

G_END_DECLS
