/* lic-product-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-format.h"
#include "lic-product-card.h"

struct _LicProductCard
{
  AdwBin parent_instance;

  GtkLabel *name_label;
  GtkLabel *supplier_label;
  GtkLabel *description_label;
  GtkLabel *price_label;
  GtkImage *delivery_image;
  GtkLabel *delivery_label;

  LicProduct *product;
};

G_DEFINE_FINAL_TYPE (LicProductCard, lic_product_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PRODUCT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (LicProductCard *self)
{
  g_autofree char *price = NULL;
  g_autofree char *accessible_label = NULL;
  LicDelivery delivery;

  if (self->product == NULL)
    return;

  delivery = lic_product_get_delivery (self->product);
  price = lic_format_price_per_term (lic_product_get_price (self->product),
                                     lic_product_get_currency (self->product),
                                     lic_product_get_term_months (self->product));
  gtk_label_set_text (self->name_label, lic_product_get_name (self->product));
  gtk_label_set_text (self->supplier_label, lic_product_get_supplier (self->product));
  gtk_label_set_text (self->description_label, lic_product_get_description (self->product));
  gtk_label_set_text (self->price_label, price);
  gtk_image_set_from_icon_name (self->delivery_image, lic_format_delivery_icon_name (delivery));
  gtk_label_set_text (self->delivery_label, lic_format_delivery (delivery));

  /* TRANSLATORS: what a screen reader says for a product of the library: its name, its price
   * ("129,00 kr per license and year") and how it is delivered */
  accessible_label = g_strdup_printf (_("%s, %s, %s"), lic_product_get_name (self->product),
                                      price, lic_format_delivery (delivery));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
}

static void
lic_product_card_dispose (GObject *object)
{
  LicProductCard *self = LIC_PRODUCT_CARD (object);

  g_clear_object (&self->product);

  G_OBJECT_CLASS (lic_product_card_parent_class)->dispose (object);
}

static void
lic_product_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LicProductCard *self = LIC_PRODUCT_CARD (object);

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
lic_product_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LicProductCard *self = LIC_PRODUCT_CARD (object);

  switch (prop_id)
    {
    case PROP_PRODUCT:
      lic_product_card_set_product (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_product_card_class_init (LicProductCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lic_product_card_dispose;
  object_class->get_property = lic_product_card_get_property;
  object_class->set_property = lic_product_card_set_property;

  properties[PROP_PRODUCT] =
    g_param_spec_object ("product", NULL, NULL,
                         LIC_TYPE_PRODUCT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-product-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LicProductCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, LicProductCard, supplier_label);
  gtk_widget_class_bind_template_child (widget_class, LicProductCard, description_label);
  gtk_widget_class_bind_template_child (widget_class, LicProductCard, price_label);
  gtk_widget_class_bind_template_child (widget_class, LicProductCard, delivery_image);
  gtk_widget_class_bind_template_child (widget_class, LicProductCard, delivery_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lic_product_card_init (LicProductCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LicProduct *
lic_product_card_get_product (LicProductCard *self)
{
  g_return_val_if_fail (LIC_IS_PRODUCT_CARD (self), NULL);

  return self->product;
}

/**
 * lic_product_card_set_product:
 * @product: (nullable): the product to show
 */
void
lic_product_card_set_product (LicProductCard *self,
                              LicProduct     *product)
{
  g_return_if_fail (LIC_IS_PRODUCT_CARD (self));
  g_return_if_fail (product == NULL || LIC_IS_PRODUCT (product));

  if (!g_set_object (&self->product, product))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
}
