/* lic-product-page.c
 *
 * Shows the product it is given (a library item) at once, then fetches the product itself from
 * the server, which knows more about it than the list does (its licenses and orders at each of
 * the administrator's schools), and shows that. Below the details, licenses are added to the
 * cart for one school at a time.
 *
 * Each school's row has the status summary of its pool (Used, and Payable, To renew and No access
 * when they apply), and the banner at the top the most urgent notice of all the schools' pools.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-error-text.h"
#include "lic-format.h"
#include "lic-notice-banner.h"
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
  AdwComboRow *school_row;
  GtkSpinButton *quantity_spin;
  GtkLabel *total_label;
  GtkButton *add_button;
  AdwPreferencesGroup *schools_group;
  GtkListBox *schools_list;
  LicNoticeBanner *notice_banner;

  LicProduct *product;
  gint64 product_id;
  /* The product's status at each school (LicProductSchool), by name; the school selector
   * offers them in this order. */
  GListStore *schools;
  GtkStringList *school_names;
  /* Of adding to the cart, which a reload of the page must not cancel. */
  GCancellable *cancellable;
  gboolean adding;
  gint64 adding_quantity;
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

/* The price of the licenses chosen, as a preview: the cart prices them on the server. */
static void
update_total (LicProductPage *self)
{
  g_autofree char *total = NULL;
  gint64 quantity = gtk_spin_button_get_value_as_int (self->quantity_spin);

  if (self->product == NULL)
    return;
  total = lic_format_money (quantity * lic_product_get_price (self->product),
                            lic_product_get_currency (self->product));
  gtk_label_set_text (self->total_label, total);
}

static GtkWidget *
create_school_row (gpointer item,
                   gpointer user_data)
{
  LicProductSchool *school = item;
  GListModel *lines = lic_product_school_get_order_lines (school);
  g_autoptr(GString) status = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (lic_product_school_get_school_name (school), -1);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (lic_product_school_get_pool_id (school) > 0)
    {
      g_autofree char *summary =
        lic_format_status_summary (lic_product_school_get_assigned (school),
                                   lic_product_school_get_available (school),
                                   lic_product_school_get_payable (school),
                                   lic_product_school_get_to_renew (school),
                                   lic_product_school_get_no_access (school));

      g_string_append (status, summary);
    }
  /* One phrase per order line, newest first, each on a line of its own. */
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(LicOrderLine) line = g_list_model_get_item (lines, i);
      g_autofree char *phrase = lic_format_order_line (line);

      if (status->len > 0)
        g_string_append_c (status, '\n');
      g_string_append (status, phrase);
    }
  if (status->len == 0)
    g_string_append (status, _("No licenses yet"));

  subtitle = g_markup_escape_text (status->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "x-office-address-book-symbolic");
  return row;
}

static gint64
selected_school_id (LicProductPage *self)
{
  guint selected = adw_combo_row_get_selected (self->school_row);
  g_autoptr(LicProductSchool) school = NULL;

  if (selected == GTK_INVALID_LIST_POSITION)
    return 0;
  school = g_list_model_get_item (G_LIST_MODEL (self->schools), selected);
  return school != NULL ? lic_product_school_get_school_id (school) : 0;
}

/* Keeps the school chosen when the list is loaded again. */
static void
show_schools (LicProductPage *self,
              GListModel     *schools)
{
  gint64 school_id = selected_school_id (self);
  guint n = schools != NULL ? g_list_model_get_n_items (schools) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) name_list = NULL;
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      LicProductSchool *school = g_list_model_get_item (schools, i);

      if (lic_product_school_get_school_id (school) == school_id)
        selected = i;
      g_strv_builder_add (names, lic_product_school_get_school_name (school));
      g_ptr_array_add (items, school);
    }
  name_list = g_strv_builder_end (names);

  g_list_store_splice (self->schools, 0, g_list_model_get_n_items (G_LIST_MODEL (self->schools)),
                       items->pdata, items->len);
  gtk_string_list_splice (self->school_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->school_names)),
                          (const char * const *) name_list);
  adw_combo_row_set_selected (self->school_row, n > 0 ? selected : GTK_INVALID_LIST_POSITION);

  lic_notice_banner_set_client (self->notice_banner, lic_page_get_client (LIC_PAGE (self)));
  lic_notice_banner_clear (self->notice_banner);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LicProductSchool) school = g_list_model_get_item (schools, i);
      GListModel *notices = lic_product_school_get_notices (school);

      if (notices != NULL && lic_product_school_get_pool_id (school) > 0)
        lic_notice_banner_add_notices (self->notice_banner, notices,
                                       lic_product_school_get_pool_id (school),
                                       self->product != NULL
                                       ? lic_product_get_name (self->product) : NULL,
                                       lic_product_school_get_school_name (school));
    }
  /* An administrator of one school has nothing to choose. */
  gtk_widget_set_visible (GTK_WIDGET (self->school_row), n > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->schools_group), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), n > 0 && !self->adding);
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
  update_total (self);

  lic_status_stack_show_content (self->status);
}

static void
get_product_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LicProductPage *self;
  g_autoptr(LicProduct) product = NULL;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;

  product = lic_client_get_product_finish (LIC_CLIENT (source), result, &schools, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_PRODUCT_PAGE (user_data);
  if (product == NULL)
    {
      lic_status_stack_show_error (self->status, error);
      return;
    }
  show_product (self, product);
  show_schools (self, schools);
}

static void
add_line_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LicProductPage *self;
  g_autoptr(LicCartLine) line = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  line = lic_client_add_cart_line_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_PRODUCT_PAGE (user_data);
  self->adding = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), TRUE);
  if (line == NULL)
    {
      title = g_markup_escape_text (lic_error_text_description (error), -1);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      lic_page_add_toast (LIC_PAGE (self), toast);
      return;
    }

  /* Toast titles are markup. */
  name = g_markup_escape_text (lic_cart_line_get_product_name (line), -1);
  /* TRANSLATORS: %d is the number of licenses just added, %s the product */
  title = g_strdup_printf (ngettext ("Added %d license of %s to the cart",
                                     "Added %d licenses of %s to the cart",
                                     (unsigned long) self->adding_quantity),
                           (int) self->adding_quantity, name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Open Cart"));
  adw_toast_set_action_name (toast, "win.show-view");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("cart"));
  lic_page_add_toast (LIC_PAGE (self), toast);
}

static void
add_to_cart_cb (LicProductPage *self)
{
  gint64 school_id = selected_school_id (self);

  if (self->product == NULL || school_id == 0 || self->adding
      || lic_page_get_client (LIC_PAGE (self)) == NULL)
    return;

  /* The spin button may hold typed text not yet read. */
  gtk_spin_button_update (self->quantity_spin);
  self->adding = TRUE;
  self->adding_quantity = gtk_spin_button_get_value_as_int (self->quantity_spin);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
  lic_client_add_cart_line_async (lic_page_get_client (LIC_PAGE (self)),
                                  lic_product_get_id (self->product), school_id,
                                  self->adding_quantity,
                                  NULL, NULL, self->cancellable, add_line_cb, self);
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

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->product);
  g_clear_object (&self->schools);
  g_clear_object (&self->school_names);

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
  g_type_ensure (LIC_TYPE_NOTICE_BANNER);

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
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, school_row);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, quantity_spin);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, schools_group);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, schools_list);
  gtk_widget_class_bind_template_child (widget_class, LicProductPage, notice_banner);
  gtk_widget_class_bind_template_callback (widget_class, lic_page_invalidate);
  gtk_widget_class_bind_template_callback (widget_class, update_total);
  gtk_widget_class_bind_template_callback (widget_class, add_to_cart_cb);
}

static void
lic_product_page_init (LicProductPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->schools = g_list_store_new (LIC_TYPE_PRODUCT_SCHOOL);
  self->school_names = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->school_row, G_LIST_MODEL (self->school_names));
  gtk_list_box_bind_model (self->schools_list, G_LIST_MODEL (self->schools),
                           create_school_row, NULL, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
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
  if (lic_product_get_id (product) != self->product_id)
    show_schools (self, NULL);
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

  if (product_id != self->product_id)
    show_schools (self, NULL);
  self->product_id = product_id;
  if (self->product != NULL)
    {
      g_clear_object (&self->product);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
    }
  lic_status_stack_show_loading (self->status);
  lic_page_invalidate (LIC_PAGE (self));
}
