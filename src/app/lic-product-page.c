/* lic-product-page.c
 *
 * Shows the product it is given (a library item) at once, then fetches the product itself from
 * the server, which knows more about it than the list does, and shows that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-format.h"
#include "lic-product-page.h"
#include "lic-status-stack.h"

struct _LicProductPage
{
  LicPage parent_instance;

  LicStatusStack *status;
  GtkScrolledWindow *scroller;
  GtkLabel *name_label;
  GtkLabel *supplier_label;
  GtkLabel *price_label;
  GtkLabel *description_label;
  AdwActionRow *delivery_row;
  GtkImage *delivery_image;
  AdwActionRow *license_model_row;
  AdwActionRow *subjects_row;
  AdwActionRow *grades_row;

  LicProduct *product;
  gint64 product_id;
};

G_DEFINE_FINAL_TYPE (LicProductPage, lic_product_page, LIC_TYPE_PAGE)

enum {
  PROP_0,
  PROP_PRODUCT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows take markup, and these values come from the server. */
static void
set_row_subtitle (AdwActionRow *row,
                  const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_action_row_set_subtitle (row, escaped);
}

static void
show_product (LicProductPage *self,
              LicProduct     *product)
{
  g_autofree char *price = NULL;
  g_autofree char *subjects = NULL;
  g_autofree char *grades = NULL;
  g_autofree char *delivery_text = NULL;
  const char *note;
  LicDelivery delivery;

  self->product_id = lic_product_get_id (product);
  if (g_set_object (&self->product, product))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);

  delivery = lic_product_get_delivery (product);
  price = lic_format_price_per_term (lic_product_get_price (product),
                                     lic_product_get_currency (product),
                                     lic_product_get_term_months (product));
  subjects = lic_format_list (lic_product_get_subjects (product), lic_format_subject);
  grades = lic_format_list (lic_product_get_grades (product), lic_format_grade);

  gtk_label_set_text (self->name_label, lic_product_get_name (product));
  gtk_label_set_text (self->supplier_label, lic_product_get_supplier (product));
  gtk_label_set_text (self->price_label, price);
  gtk_label_set_text (self->description_label, lic_product_get_description (product));
  gtk_image_set_from_icon_name (self->delivery_image, lic_format_delivery_icon_name (delivery));
  note = lic_format_delivery_note (delivery);
  /* Two sentences, one line each. */
  delivery_text = note != NULL ? g_strdup_printf ("%s\n%s", lic_format_delivery (delivery), note)
                               : g_strdup (lic_format_delivery (delivery));
  set_row_subtitle (self->delivery_row, delivery_text);
  set_row_subtitle (self->license_model_row,
                    lic_format_license_model (lic_product_get_license_model (product)));
  set_row_subtitle (self->subjects_row, subjects);
  set_row_subtitle (self->grades_row, grades);
  gtk_widget_set_visible (GTK_WIDGET (self->subjects_row), *subjects != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->grades_row), *grades != '\0');

  lic_status_stack_show_content (self->status);
}

static void
get_product_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LicProductPage *self;
  g_autoptr(LicProduct) product = NULL;
  g_autoptr(GError) error = NULL;

  product = lic_client_get_product_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_PRODUCT_PAGE (user_data);
  if (product == NULL)
    lic_status_stack_show_error (self->status, error);
  else
    show_product (self, product);
}

static void
lic_product_page_reload (LicPage *page)
{
  LicProductPage *self = LIC_PRODUCT_PAGE (page);

  if (self->product_id == 0)
    return;

  lic_status_stack_show_loading (self->status);
  lic_client_get_product_async (lic_page_get_client (page),
                                self->product_id,
                                lic_page_restart_cancellable (page),
                                get_product_cb, self);
}

static void
lic_product_page_dispose (GObject *object)
{
  LicProductPage *self = LIC_PRODUCT_PAGE (object);

  g_clear_object (&self->product);

  G_OBJECT_CLASS (lic_product_page_parent_class)->dispose (object);
}

static void
lic_product_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LicProductPage *self = LIC_PRODUCT_PAGE (object);

  switch (prop_id)
    {
    case PROP_PRODUCT:
      g_value_set_object (value, self->product);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_product_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LicProductPage *self = LIC_PRODUCT_PAGE (object);

  switch (prop_id)
    {
    case PROP_PRODUCT:
      lic_product_page_set_product (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_product_page_class_init (LicProductPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LicPageClass *page_class = LIC_PAGE_CLASS (klass);

  object_class->dispose = lic_product_page_dispose;
  object_class->get_property = lic_product_page_get_property;
  object_class->set_property = lic_product_page_set_property;
  page_class->reload = lic_product_page_reload;

  properties[PROP_PRODUCT] =
    g_param_spec_object ("product", NULL, NULL,
                         LIC_TYPE_PRODUCT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIC_TYPE_STATUS_STACK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-product-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, status);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, supplier_label);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, price_label);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, delivery_row);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, delivery_image);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, license_model_row);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, subjects_row);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, grades_row);
  gtk_widget_class_bind_template_callback (widget_class, lic_page_invalidate);
}

static void
lic_product_page_init (LicProductPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LicProduct *
lic_product_page_get_product (LicProductPage *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_PAGE (self), NULL);

  return self->product;
}

/**
 * lic_product_page_set_product:
 * @product: the product to show, such as an item of the library
 *
 * Shows @product and loads it again from the server.
 */
void
lic_product_page_set_product (LicProductPage *self,
                              LicProduct     *product)
{
  g_return_if_fail (LIC_IS_PRODUCT_PAGE (self));
  g_return_if_fail (LIC_IS_PRODUCT (product));

  if (self->product == product)
    return;
  show_product (self, product);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  lic_page_invalidate (LIC_PAGE (self));
}

/**
 * lic_product_page_show_product_id:
 * @product_id: the id of a product of the library
 *
 * Loads the product from the server and shows it, for when the page is opened by id (from the
 * command line, or later a link) rather than from a card of the library.
 */
void
lic_product_page_show_product_id (LicProductPage *self,
                                  gint64          product_id)
{
  g_return_if_fail (LIC_IS_PRODUCT_PAGE (self));
  g_return_if_fail (product_id > 0);

  self->product_id = product_id;
  if (self->product != NULL)
    {
      g_clear_object (&self->product);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
    }
  lic_status_stack_show_loading (self->status);
  lic_page_invalidate (LIC_PAGE (self));
}
