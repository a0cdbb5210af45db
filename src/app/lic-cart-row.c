/* lic-cart-row.c
 *
 * What the administrator typed is never lost: while a quantity waits to be sent, or the
 * server refused it, the line the view hands in does not overwrite it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-cart-row.h"
#include "lic-error-text.h"
#include "lic-format.h"
#include "lic-user-picker.h"

/* Long enough for a few clicks on the spin button to become one request. */
#define QUANTITY_DELAY_MS 600

struct _LicCartRow
{
  GtkListBoxRow parent_instance;

  GtkLabel *product_label;
  GtkLabel *school_label;
  GtkLabel *total_label;
  GtkLabel *unit_price_label;
  GtkImage *delivery_image;
  GtkLabel *delivery_label;
  GtkSpinButton *quantity_spin;
  GtkButton *pick_button;
  GtkButton *remove_button;
  GtkLabel *assigned_label;
  GtkLabel *error_label;

  LicClient *client;
  LicCartLine *line;
  GCancellable *cancellable;
  guint quantity_timeout_id;
  /* The quantity typed differs from the line's: not sent yet, under way, or refused. */
  gboolean quantity_edited;
  gboolean quantity_sending;
};

G_DEFINE_FINAL_TYPE (LicCartRow, lic_cart_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (LicCartRow   *self,
            const GError *error)
{
  gtk_label_set_text (self->error_label, error != NULL ? lic_error_text_description (error) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
update (LicCartRow *self)
{
  LicCartLine *line = self->line;
  LicDelivery delivery;
  g_autofree char *school = NULL;
  g_autofree char *total = NULL;
  g_autofree char *unit_price = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *quantity_label = NULL;
  gboolean can_pick;

  if (line == NULL)
    return;

  delivery = lic_cart_line_get_delivery (line);
  can_pick = lic_cart_line_get_can_assign_in_advance (line);
  if (lic_cart_line_get_supplier (line) != NULL)
    /* TRANSLATORS: under a product in the cart: the school the licenses are for, and the
     * supplier */
    school = g_strdup_printf (_("For %s · %s"), lic_cart_line_get_school_name (line),
                              lic_cart_line_get_supplier (line));
  else
    /* TRANSLATORS: under a product in the cart: the school the licenses are for */
    school = g_strdup_printf (_("For %s"), lic_cart_line_get_school_name (line));
  total = lic_format_money (lic_cart_line_get_line_total (line),
                            lic_cart_line_get_currency (line));
  unit_price = lic_format_price_per_term (lic_cart_line_get_unit_price (line),
                                          lic_cart_line_get_currency (line),
                                          lic_cart_line_get_term_months (line));

  gtk_label_set_text (self->product_label, lic_cart_line_get_product_name (line));
  gtk_label_set_text (self->school_label, school);
  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->unit_price_label, unit_price);
  gtk_image_set_from_icon_name (self->delivery_image, lic_format_delivery_icon_name (delivery));
  gtk_label_set_text (self->delivery_label, lic_format_delivery (delivery));

  if (!self->quantity_edited)
    {
      g_signal_handlers_block_matched (self->quantity_spin, G_SIGNAL_MATCH_DATA,
                                       0, 0, NULL, NULL, self);
      gtk_spin_button_set_value (self->quantity_spin, lic_cart_line_get_quantity (line));
      g_signal_handlers_unblock_matched (self->quantity_spin, G_SIGNAL_MATCH_DATA,
                                         0, 0, NULL, NULL, self);
    }

  /* Only a line delivered at checkout can be assigned in advance; the others say why not. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->pick_button), can_pick);
  if (can_pick)
    {
      assigned = lic_format_licenses_assigned (lic_cart_line_get_assigned_count (line),
                                               lic_cart_line_get_quantity (line));
      gtk_label_set_text (self->assigned_label, assigned);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->pick_button), NULL);
    }
  else
    {
      gtk_label_set_text (self->assigned_label, lic_format_no_advance_assignment ());
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->pick_button),
                                   lic_format_no_advance_assignment ());
    }

  /* TRANSLATORS: what a screen reader says for the remove button of a cart line */
  remove_label = g_strdup_printf (_("Remove %s from the cart"),
                                  lic_cart_line_get_product_name (line));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  /* TRANSLATORS: what a screen reader says for the quantity of a cart line: product, school */
  quantity_label = g_strdup_printf (_("Licenses of %s for %s"),
                                    lic_cart_line_get_product_name (line),
                                    lic_cart_line_get_school_name (line));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->quantity_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, quantity_label,
                                  -1);
}

static void send_quantity (LicCartRow *self);

static void
update_line_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LicCartRow *self;
  g_autoptr(LicCartLine) line = NULL;
  g_autoptr(GError) error = NULL;

  line = lic_client_update_cart_line_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_CART_ROW (user_data);
  self->quantity_sending = FALSE;
  if (line == NULL)
    {
      /* The number stays as typed, beside the reason it was refused. */
      show_error (self, error);
      return;
    }

  show_error (self, NULL);
  /* Changed again meanwhile: the newer number goes next. */
  if (self->quantity_timeout_id != 0)
    return;
  if (gtk_spin_button_get_value_as_int (self->quantity_spin) != lic_cart_line_get_quantity (line))
    {
      send_quantity (self);
      return;
    }
  self->quantity_edited = FALSE;
  lic_cart_row_set_line (self, line);
}

static void
send_quantity (LicCartRow *self)
{
  if (self->client == NULL || self->line == NULL || self->quantity_sending)
    return;

  self->quantity_sending = TRUE;
  lic_client_update_cart_line_async (self->client, lic_cart_line_get_id (self->line),
                                     gtk_spin_button_get_value_as_int (self->quantity_spin),
                                     NULL, NULL, self->cancellable, update_line_cb, self);
}

static gboolean
quantity_timeout_cb (gpointer user_data)
{
  LicCartRow *self = LIC_CART_ROW (user_data);

  self->quantity_timeout_id = 0;
  send_quantity (self);
  return G_SOURCE_REMOVE;
}

static void
quantity_changed_cb (LicCartRow *self)
{
  self->quantity_edited = TRUE;
  g_clear_handle_id (&self->quantity_timeout_id, g_source_remove);
  self->quantity_timeout_id = g_timeout_add (QUANTITY_DELAY_MS, quantity_timeout_cb, self);
}

static void
remove_line_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LicCartRow *self;
  g_autoptr(GError) error = NULL;

  if (lic_client_remove_cart_line_finish (LIC_CLIENT (source), result, &error))
    return;                     /* the view drops the row when it reloads the cart */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_CART_ROW (user_data);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  show_error (self, error);
}

static void
remove_cb (LicCartRow *self)
{
  if (self->client == NULL || self->line == NULL)
    return;

  g_clear_handle_id (&self->quantity_timeout_id, g_source_remove);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  lic_client_remove_cart_line_async (self->client, lic_cart_line_get_id (self->line),
                                     self->cancellable, remove_line_cb, self);
}

static void
pick_cb (LicCartRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LicUserPicker *picker;

  if (self->client == NULL || self->line == NULL)
    return;

  /* The picker counts against the quantity typed, which is sent first. */
  gtk_spin_button_update (self->quantity_spin);
  picker = lic_user_picker_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                self->client, self->line,
                                gtk_spin_button_get_value_as_int (self->quantity_spin));
  gtk_window_present (GTK_WINDOW (picker));
}

static void
lic_cart_row_dispose (GObject *object)
{
  LicCartRow *self = LIC_CART_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->quantity_timeout_id, g_source_remove);
  g_clear_object (&self->client);
  g_clear_object (&self->line);

  G_OBJECT_CLASS (lic_cart_row_parent_class)->dispose (object);
}

static void
lic_cart_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LicCartRow *self = LIC_CART_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_LINE:
      g_value_set_object (value, self->line);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_cart_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LicCartRow *self = LIC_CART_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_LINE:
      if (g_value_get_object (value) != NULL)
        lic_cart_row_set_line (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_cart_row_class_init (LicCartRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lic_cart_row_dispose;
  object_class->get_property = lic_cart_row_get_property;
  object_class->set_property = lic_cart_row_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         LIC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LINE] =
    g_param_spec_object ("line", NULL, NULL,
                         LIC_TYPE_CART_LINE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-cart-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LicCartRow, product_label);
  gtk_widget_class_bind_template_child (widget_class, LicCartRow, school_label);
  gtk_widget_class_bind_template_child (widget_class, LicCartRow, total_label);
  gtk_widget_class_bind_template_child (widget_class, LicCartRow, unit_price_label);
  gtk_widget_class_bind_template_child (widget_class, LicCartRow, delivery_image);
  gtk_widget_class_bind_template_child (widget_class, LicCartRow, delivery_label);
  gtk_widget_class_bind_template_child (widget_class, LicCartRow, quantity_spin);
  gtk_widget_class_bind_template_child (widget_class, LicCartRow, pick_button);
  gtk_widget_class_bind_template_child (widget_class, LicCartRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, LicCartRow, assigned_label);
  gtk_widget_class_bind_template_child (widget_class, LicCartRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, quantity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pick_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_cb);
}

static void
lic_cart_row_init (LicCartRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * lic_cart_row_new:
 * @client: the signed-in client whose cart holds @line
 * @line: the line to show
 */
GtkWidget *
lic_cart_row_new (LicClient   *client,
                  LicCartLine *line)
{
  g_return_val_if_fail (LIC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (LIC_IS_CART_LINE (line), NULL);

  return g_object_new (LIC_TYPE_CART_ROW, "client", client, "line", line, NULL);
}

LicCartLine *
lic_cart_row_get_line (LicCartRow *self)
{
  g_return_val_if_fail (LIC_IS_CART_ROW (self), NULL);

  return self->line;
}

/**
 * lic_cart_row_set_line:
 * @line: the line as the server has it now
 *
 * Shows @line, keeping a quantity the administrator typed and the server has not taken yet.
 */
void
lic_cart_row_set_line (LicCartRow  *self,
                       LicCartLine *line)
{
  g_return_if_fail (LIC_IS_CART_ROW (self));
  g_return_if_fail (LIC_IS_CART_LINE (line));

  if (!g_set_object (&self->line, line))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE]);
}
