/* lic-library-view.c
 *
 * A search entry and filters (subject, grade, supplier, delivery type, order) over a grid of
 * product cards; activating a card slides in its product page. The server searches, filters and
 * sorts; the first item of each filter means "any".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-filter.h"
#include "lic-format.h"
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
  GtkFlowBox *filters;
  GtkDropDown *subject_dropdown;
  GtkDropDown *grade_dropdown;
  GtkDropDown *supplier_dropdown;
  GtkDropDown *delivery_dropdown;
  GtkDropDown *sort_dropdown;
  LicStatusStack *status;
  GtkScrolledWindow *scroller;
  GtkGridView *grid;
  LicProductPage *product_page;

  LicListLoader *loader;
  LicClient *suppliers_client;  /* whose suppliers are listed, or NULL */
};

G_DEFINE_FINAL_TYPE (LicLibraryView, lic_library_view, LIC_TYPE_PAGE)

static void lic_library_view_start_search (LicPage *page);

enum {
  PROP_0,
  PROP_PRODUCT_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The library's calls take a LicProductQuery. */
static void
list_products_async (LicClient           *client,
                     gconstpointer        query,
                     const char          *cursor,
                     guint                limit,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  lic_client_list_products_async (client, query, cursor, limit, cancellable, callback,
                                  user_data);
}

static LicProductQuery *
make_query (LicLibraryView *self)
{
  LicProductQuery *query = lic_product_query_new ();
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint delivery = gtk_drop_down_get_selected (self->delivery_dropdown);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);

  query->text = *text != '\0' ? g_strdup (text) : NULL;
  query->subject = g_strdup (lic_filter_get_code (self->subject_dropdown, lic_format_subject_code));
  query->grade = g_strdup (lic_filter_get_code (self->grade_dropdown, lic_format_grade_code));
  query->supplier_id = lic_filter_get_id (self->supplier_dropdown);
  if (delivery != GTK_INVALID_LIST_POSITION && delivery > 0)
    query->delivery = (int) delivery - 1;
  if (sort != GTK_INVALID_LIST_POSITION)
    query->sort = (LicProductSort) sort;
  return query;
}

static void
list_suppliers_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LicLibraryView *self;
  g_autoptr(GListModel) suppliers = NULL;
  g_autoptr(GError) error = NULL;

  suppliers = lic_client_list_suppliers_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_LIBRARY_VIEW (user_data);
  if (suppliers == NULL)
    {
      /* The filter just offers no suppliers; the next reload asks again. */
      g_debug ("Could not list the suppliers: %s", error->message);
      g_clear_object (&self->suppliers_client);
      return;
    }

  lic_filter_set_objects (self->supplier_dropdown, _("All suppliers"), suppliers,
                          (LicFilterNameFunc) lic_supplier_get_name,
                          (LicFilterIdFunc) lic_supplier_get_id);
}

/* The supplier filter lists the suppliers of the signed-in organization, once per client. */
static void
load_suppliers (LicLibraryView *self)
{
  LicClient *client = lic_page_get_client (LIC_PAGE (self));

  if (self->suppliers_client == client)
    return;
  g_set_object (&self->suppliers_client, client);
  lic_filter_set_objects (self->supplier_dropdown, _("All suppliers"), NULL,
                          (LicFilterNameFunc) lic_supplier_get_name,
                          (LicFilterIdFunc) lic_supplier_get_id);
  lic_client_list_suppliers_async (client, lic_page_restart_cancellable (LIC_PAGE (self)),
                                   list_suppliers_cb, self);
}

static void
lic_library_view_reload (LicPage *page)
{
  LicLibraryView *self = LIC_LIBRARY_VIEW (page);
  LicProductQuery *query;

  load_suppliers (self);
  query = make_query (self);
  if (lic_product_query_is_filtered (query))
    {
      lic_status_stack_set_empty_title (self->status, _("No Tools Found"));
      lic_status_stack_set_empty_description (self->status, _("Try other words or filters."));
    }
  else
    {
      lic_status_stack_set_empty_title (self->status, _("The Library Is Empty"));
      lic_status_stack_set_empty_description (self->status,
                                              _("No supplier offers tools to your organization "
                                                "yet."));
    }
  lic_list_loader_load (self->loader, lic_page_get_client (page), query,
                        (GDestroyNotify) lic_product_query_free);
}

static const char *
delivery_code_at (guint index)
{
  return lic_enum_to_nick (LIC_TYPE_DELIVERY, (int) index);
}

static const char *
delivery_type_text (const char *code)
{
  int delivery = 0;

  lic_enum_from_nick (LIC_TYPE_DELIVERY, code, &delivery);
  return lic_format_delivery_type (delivery);
}

static void
activate_cb (LicLibraryView *self,
             guint           position)
{
  g_autoptr(LicProduct) product =
    g_list_model_get_item (G_LIST_MODEL (self->loader), position);

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
  g_clear_object (&self->suppliers_client);

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
  page_class->start_search = lic_library_view_start_search;

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
  gtk_widget_class_bind_template_child (widget_class, LicLibraryView, filters);
  gtk_widget_class_bind_template_child (widget_class, LicLibraryView, subject_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LicLibraryView, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LicLibraryView, supplier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LicLibraryView, delivery_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LicLibraryView, sort_dropdown);
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

  /* The filters are set before the first load, so their notifications load nothing. */
  lic_filter_set_codes (self->subject_dropdown, _("All subjects"), lic_format_subject_code,
                        lic_format_subject);
  lic_filter_set_codes (self->grade_dropdown, _("All grades"), lic_format_grade_code,
                        lic_format_grade);
  lic_filter_set_codes (self->delivery_dropdown, _("All delivery types"), delivery_code_at,
                        delivery_type_text);
  lic_filter_set_objects (self->supplier_dropdown, _("All suppliers"), NULL,
                          (LicFilterNameFunc) lic_supplier_get_name,
                          (LicFilterIdFunc) lic_supplier_get_id);
  lic_filter_row_init (self->filters);

  self->loader = lic_list_loader_new (LIC_TYPE_PRODUCT,
                                      list_products_async,
                                      lic_client_list_products_finish,
                                      self->status, self->scroller);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (
    g_object_ref (G_LIST_MODEL (self->loader))));
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
static void
lic_library_view_start_search (LicPage *page)
{
  LicLibraryView *self = LIC_LIBRARY_VIEW (page);

  lic_library_view_show_library (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
lic_library_view_show_library (LicLibraryView *self)
{
  g_return_if_fail (LIC_IS_LIBRARY_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->library_page);
}

/* The product page's licenses and orders have changed: it loads them again when shown. */
void
lic_library_view_refresh_product (LicLibraryView *self)
{
  g_return_if_fail (LIC_IS_LIBRARY_VIEW (self));

  lic_page_invalidate (LIC_PAGE (self->product_page));
}
