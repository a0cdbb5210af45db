/* lic-page.h: base class of the app's pages, which show what the server holds.
 *
 * A page gets the signed-in LicClient from the window and loads when it is first shown, and
 * again when its data is invalidated (a new client, "Try Again", a new search). Each load
 * cancels the one before it through lic_page_restart_cancellable().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lic-client.h"

G_BEGIN_DECLS

#define LIC_TYPE_PAGE (lic_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (LicPage, lic_page, LIC, PAGE, AdwBin)

struct _LicPageClass
{
  AdwBinClass parent_class;

  /* Starts loading from lic_page_get_client(), which is set; %NULL for a page with nothing
   * to load. */
  void (*reload) (LicPage *self);

  /* Shows the page's search entry and puts the cursor in it; %NULL for a page without one. */
  void (*start_search) (LicPage *self);
};

LicClient    *lic_page_get_client           (LicPage   *self);
void          lic_page_set_client           (LicPage   *self,
                                             LicClient *client);
void          lic_page_invalidate           (LicPage   *self);
GCancellable *lic_page_restart_cancellable  (LicPage   *self);
void          lic_page_add_toast            (LicPage   *self,
                                             AdwToast  *toast);
gboolean      lic_page_start_search         (LicPage   *self);

G_END_DECLS
