/* lic-cart-view.c
 *
 * Only the empty state so far: the client has no cart calls yet, so there is nothing to load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-cart-view.h"

struct _LicCartView
{
  LicPage parent_instance;
};

G_DEFINE_FINAL_TYPE (LicCartView, lic_cart_view, LIC_TYPE_PAGE)

static void
lic_cart_view_class_init (LicCartViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-cart-view.ui");
}

static void
lic_cart_view_init (LicCartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
