/* lic-library-view.c
 *
 * A search entry over a grid of product cards; activating a card slides in its product page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-list-loader.h"
#include "lic-library-view.h"
#include "lic-product-card.h"
#include "lic-product-page.h"
#include "lic-status-stack.h"

#define SEARCH_DELAY_MS 250

struct _LicLibraryView
{
  LicPage parent_instance;

  AdwLeaflet *leaflet;
  GtkWidget *library_page;
  GtkSearchEntry *search_entry;
  LicStatusStack *status;
  GtkScrolledWindow *scroller;
  GtkGridView *grid;
  LicProductPage *product_page;

  LicListLoader *loader;
};

G_DEFINE_FINAL_TYPE (LicLibraryView, lic_library_view, LIC_TYPE_PAGE)

enum {
  PROP_0,
  PROP_PRODUCT_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lic_library_view_reload (LicPage *page)
{
  LicLibraryView *self = LIC_LIBRARY_VIEW (page);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (*query != '\0')
    {
      lic_status_stack_set_empty_title (self->status, _("No Tools Found"));
      lic_status_stack_set_empty_description (self->status, _("Try other words."));
    }
  else
    {
      lic_status_stack_set_empty_title (self->status, _("The Library Is Empty"));
      lic_status_stack_set_empty_description (self->status,
                                              _("No supplier offers tools to your organization "
                                                "yet."));
    }
  lic_list_loader_load (self->loader, lic_page_get_client (page), *query != '\0' ? query : NULL);
}

static void
activate_cb (LicLibraryView *self,
             guint           position)
{
  g_autoptr(LicProduct) product =
    g_list_model_get_item (lic_list_loader_get_model (self->loader), position);

  lic_page_set_client (LIC_PAGE (self->product_page), lic_page_get_client (LIC_PAGE (self)));
  lic_product_page_set_product (self->product_page, product);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->product_page));
}

static void
visible_child_cb (LicLibraryView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_SHOWN]);
}

static void
lic_library_view_dispose (GObject *object)
{
  LicLibraryView *self = LIC_LIBRARY_VIEW (object);

  g_clear_object (&self->loader);

  G_OBJECT_CLASS (lic_library_view_parent_class)->dispose (object);
}

static void
lic_library_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LicLibraryView *self = LIC_LIBRARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_PRODUCT_SHOWN:
      g_value_set_boolean (value, lic_library_view_get_product_shown (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_library_view_class_init (LicLibraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LicPageClass *page_class = LIC_PAGE_CLASS (klass);

  object_class->dispose = lic_library_view_dispose;
  object_class->get_property = lic_library_view_get_property;
  page_class->reload = lic_library_view_reload;

  /**
   * LicLibraryView:product-shown:
   *
   * Whether a product page is shown rather than the library, so there is a way back.
   */
  properties[PROP_PRODUCT_SHOWN] =
    g_param_spec_boolean ("product-shown", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIC_TYPE_PRODUCT);
  g_type_ensure (LIC_TYPE_PRODUCT_CARD);
  g_type_ensure (LIC_TYPE_PRODUCT_PAGE);
  g_type_ensure (LIC_TYPE_STATUS_STACK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-library-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LicLibraryView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LicLibraryView, library_page);
  gtk_widget_class_bind_template_child (widget_class, LicLibraryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LicLibraryView, status);
  gtk_widget_class_bind_template_child (widget_class, LicLibraryView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LicLibraryView, grid);
  gtk_widget_class_bind_template_child (widget_class, LicLibraryView, product_page);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, lic_page_invalidate);
}

static void
lic_library_view_init (LicLibraryView *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->loader = lic_list_loader_new (LIC_TYPE_PRODUCT,
                                      lic_client_list_products_async,
                                      lic_client_list_products_finish,
                                      self->status, self->scroller);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (
    g_object_ref (lic_list_loader_get_model (self->loader))));
  gtk_grid_view_set_model (self->grid, selection);
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->library_page));
}

gboolean
lic_library_view_get_product_shown (LicLibraryView *self)
{
  g_return_val_if_fail (LIC_IS_LIBRARY_VIEW (self), FALSE);

  return adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->product_page);
}

/* Opens the page of a product that may not be on the library's loaded pages. */
void
lic_library_view_show_product_id (LicLibraryView *self,
                                  gint64          product_id)
{
  g_return_if_fail (LIC_IS_LIBRARY_VIEW (self));

  lic_page_set_client (LIC_PAGE (self->product_page), lic_page_get_client (LIC_PAGE (self)));
  lic_product_page_show_product_id (self->product_page, product_id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->product_page));
}

/* Goes back from a product page to the library. */
void
lic_library_view_show_library (LicLibraryView *self)
{
  g_return_if_fail (LIC_IS_LIBRARY_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->library_page);
}
