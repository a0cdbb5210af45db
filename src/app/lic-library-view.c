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
  GtkStringList *supplier_names;
  GArray *supplier_ids;         /* of gint64, one per item of supplier_names after the first */
  LicClient *suppliers_client;  /* whose suppliers are listed, or NULL */
};

G_DEFINE_FINAL_TYPE (LicLibraryView, lic_library_view, LIC_TYPE_PAGE)

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

/* The code of the filter's choice, or NULL for its first item, "All …". */
static const char *
selected_code (GtkDropDown  *dropdown,
               const char *(*code_at) (guint index))
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected != GTK_INVALID_LIST_POSITION && selected > 0 ? code_at (selected - 1) : NULL;
}

static LicProductQuery *
make_query (LicLibraryView *self)
{
  LicProductQuery *query = lic_product_query_new ();
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint supplier = gtk_drop_down_get_selected (self->supplier_dropdown);
  guint delivery = gtk_drop_down_get_selected (self->delivery_dropdown);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);

  query->text = *text != '\0' ? g_strdup (text) : NULL;
  query->subject = g_strdup (selected_code (self->subject_dropdown, lic_format_subject_code));
  query->grade = g_strdup (selected_code (self->grade_dropdown, lic_format_grade_code));
  if (supplier != GTK_INVALID_LIST_POSITION && supplier > 0 && supplier <= self->supplier_ids->len)
    query->supplier_id = g_array_index (self->supplier_ids, gint64, supplier - 1);
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
  guint n;

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

  n = g_list_model_get_n_items (suppliers);
  g_array_set_size (self->supplier_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LicSupplier) supplier = g_list_model_get_item (suppliers, i);
      gint64 id = lic_supplier_get_id (supplier);

      g_array_append_val (self->supplier_ids, id);
      gtk_string_list_append (self->supplier_names, lic_supplier_get_name (supplier));
    }
}

/* The supplier filter lists the suppliers of the signed-in organization, once per client. */
static void
load_suppliers (LicLibraryView *self)
{
  LicClient *client = lic_page_get_client (LIC_PAGE (self));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->supplier_names));

  if (self->suppliers_client == client)
    return;
  g_set_object (&self->suppliers_client, client);
  gtk_drop_down_set_selected (self->supplier_dropdown, 0);
  gtk_string_list_splice (self->supplier_names, 1, n - 1, NULL);
  g_array_set_size (self->supplier_ids, 0);
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

/* A filter whose first item means "any" and whose others name codes. */
static void
fill_filter (GtkDropDown  *dropdown,
             const char   *any,
             const char *(*code_at) (guint index),
             const char *(*code_to_text) (const char *code))
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  const char *code;

  gtk_string_list_append (items, any);
  for (guint i = 0; (code = code_at (i)) != NULL; i++)
    gtk_string_list_append (items, code_to_text (code));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (items));
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
  g_clear_object (&self->supplier_names);
  g_clear_pointer (&self->supplier_ids, g_array_unref);
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
  fill_filter (self->subject_dropdown, _("All subjects"), lic_format_subject_code,
               lic_format_subject);
  fill_filter (self->grade_dropdown, _("All grades"), lic_format_grade_code, lic_format_grade);
  fill_filter (self->delivery_dropdown, _("All delivery types"), delivery_code_at,
               delivery_type_text);
  self->supplier_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->supplier_names, _("All suppliers"));
  gtk_drop_down_set_model (self->supplier_dropdown, G_LIST_MODEL (self->supplier_names));
  self->supplier_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* The drop-downs take the focus; the flow box's cells need not. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filters));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  self->loader = lic_list_loader_new (LIC_TYPE_PRODUCT,
                                      list_products_async,
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

/* The product page's licenses and orders have changed: it loads them again when shown. */
void
lic_library_view_refresh_product (LicLibraryView *self)
{
  g_return_if_fail (LIC_IS_LIBRARY_VIEW (self));

  lic_page_invalidate (LIC_PAGE (self->product_page));
}
