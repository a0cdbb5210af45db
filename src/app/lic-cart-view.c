/* lic-cart-view.c
 *
 * Rows are kept across reloads (matched by line id), so a reload after one line changed leaves
 * the focus and what is typed in the others alone.
 *
 * A checkout attempt has one idempotency key: "Try Again" after a network failure or a
 * timeout sends the same key, so the server makes one order however many answers were lost.
 * Any change to the cart, or to the way of paying, starts a new attempt.
 *
 * Paying: an order, or a purchase request (licenses now, paid within 60 days). The server says
 * in GET /cart whether the organization may make purchase requests, and why not; the row is
 * then disabled with that reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-cart-row.h"
#include "lic-cart-view.h"
#include "lic-error-text.h"
#include "lic-format.h"
#include "lic-status-stack.h"

struct _LicCartView
{
  LicPage parent_instance;

  LicStatusStack *status;
  GtkListBox *lines_list;
  GtkLabel *total_label;
  GtkButton *checkout_button;
  AdwActionRow *request_row;
  GtkCheckButton *order_check;
  GtkCheckButton *request_check;

  LicClient *client;            /* whose "cart-changed" is connected */
  LicCart *cart;
  guint line_count;
  /* The checkout attempt: its key and the total confirmed, kept until it has an answer. */
  char *checkout_key;
  gint64 checkout_total;
  gboolean checkout_request;    /* the attempt is a purchase request */
  GCancellable *checkout_cancellable;
};

G_DEFINE_FINAL_TYPE (LicCartView, lic_cart_view, LIC_TYPE_PAGE)

enum {
  PROP_0,
  PROP_LINE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHECKED_OUT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_cart (LicCartView *self);

static GtkWindow *
parent_window (LicCartView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
set_line_count (LicCartView *self,
                guint        line_count)
{
  if (self->line_count == line_count)
    return;
  self->line_count = line_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE_COUNT]);
}

static LicCartRow *
find_row (LicCartView *self,
          gint64       line_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (LIC_IS_CART_ROW (child)
        && lic_cart_line_get_id (lic_cart_row_get_line (LIC_CART_ROW (child))) == line_id)
      return LIC_CART_ROW (child);
  return NULL;
}

static void
show_payment (LicCartView *self,
              LicCart     *cart)
{
  gboolean allowed = lic_cart_get_purchase_request_allowed (cart);
  const char *reason = lic_cart_get_purchase_request_reason (cart);
  g_autofree char *subtitle = NULL;

  if (allowed || reason == NULL)
    subtitle = g_markup_escape_text (_("Get the licenses now and pay for them within 60 days."),
                                     -1);
  else
    subtitle = g_markup_escape_text (reason, -1);
  adw_action_row_set_subtitle (self->request_row, subtitle);
  if (!allowed)
    gtk_check_button_set_active (self->order_check, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->request_row), allowed);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->request_check),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  allowed ? NULL : reason, -1);
}

static void
show_cart (LicCartView *self,
           LicCart     *cart)
{
  GListModel *lines = lic_cart_get_lines (cart);
  guint n = g_list_model_get_n_items (lines);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *total = NULL;
  GtkWidget *child;

  g_set_object (&self->cart, cart);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LicCartLine) line = g_list_model_get_item (lines, i);
      gint64 id = lic_cart_line_get_id (line);

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }

  /* Lines gone from the cart lose their rows; the others keep theirs, in the cart's order. */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      gint64 id = lic_cart_line_get_id (lic_cart_row_get_line (LIC_CART_ROW (child)));

      if (!g_hash_table_contains (ids, &id))
        gtk_list_box_remove (self->lines_list, child);
      child = next;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LicCartLine) line = g_list_model_get_item (lines, i);
      LicCartRow *row = find_row (self, lic_cart_line_get_id (line));

      if (row != NULL && gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) != (int) i)
        {
          gtk_list_box_remove (self->lines_list, GTK_WIDGET (row));
          row = NULL;
        }
      if (row != NULL)
        lic_cart_row_set_line (row, line);
      else
        gtk_list_box_insert (self->lines_list, lic_cart_row_new (self->client, line), (int) i);
    }

  total = lic_format_money (lic_cart_get_total (cart), lic_cart_get_currency (cart));
  gtk_label_set_text (self->total_label, total);
  show_payment (self, cart);
  set_line_count (self, n);
  if (n == 0)
    lic_status_stack_show_empty (self->status);
  else
    lic_status_stack_show_content (self->status);
}

static void
get_cart_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LicCartView *self;
  g_autoptr(LicCart) cart = NULL;
  g_autoptr(GError) error = NULL;

  cart = lic_client_get_cart_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_CART_VIEW (user_data);
  if (cart == NULL)
    lic_status_stack_show_error (self->status, error);
  else
    show_cart (self, cart);
}

static void
load_cart (LicCartView *self)
{
  LicClient *client = lic_page_get_client (LIC_PAGE (self));

  if (client == NULL || !lic_client_get_signed_in (client))
    return;
  /* The rows show the cart meanwhile; only the first load shows a spinner. */
  if (self->cart == NULL)
    lic_status_stack_show_loading (self->status);
  lic_client_get_cart_async (client, lic_page_restart_cancellable (LIC_PAGE (self)),
                             get_cart_cb, self);
}

static void
cart_changed_cb (LicCartView *self)
{
  /* A new cart needs a new checkout attempt. */
  g_clear_pointer (&self->checkout_key, g_free);
  load_cart (self);
}

static void
payment_changed_cb (LicCartView *self)
{
  /* Another way of paying is another attempt. */
  if (self->checkout_key != NULL
      && self->checkout_request != gtk_check_button_get_active (self->request_check))
    g_clear_pointer (&self->checkout_key, g_free);
}

static void
client_changed_cb (LicCartView *self)
{
  LicClient *client = lic_page_get_client (LIC_PAGE (self));
  GtkWidget *child;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->client, client);
  g_clear_object (&self->cart);
  g_clear_pointer (&self->checkout_key, g_free);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list))) != NULL)
    gtk_list_box_remove (self->lines_list, child);
  set_line_count (self, 0);

  if (client == NULL)
    return;
  g_signal_connect_object (client, "cart-changed", G_CALLBACK (cart_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Loaded now, shown or not: the badge counts the lines. */
  load_cart (self);
}

static void
lic_cart_view_reload (LicPage *page)
{
  load_cart (LIC_CART_VIEW (page));
}

/* Checkout */

static void send_checkout (LicCartView *self);

static void
retry_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   LicCartView      *self)
{
  if (g_str_equal (response, "retry"))
    send_checkout (self);
}

static void
checkout_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LicCartView *self;
  g_autoptr(LicOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  AdwToast *toast;
  gboolean all_delivered = TRUE;
  GListModel *lines;

  if (g_async_result_is_tagged (result, lic_client_request_purchase_async))
    order = lic_client_request_purchase_finish (LIC_CLIENT (source), result, &error);
  else
    order = lic_client_checkout_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_CART_VIEW (user_data);
  gtk_widget_set_sensitive (GTK_WIDGET (self->checkout_button), TRUE);

  if (order == NULL
      && (g_error_matches (error, LIC_ERROR, LIC_ERROR_NETWORK)
          || g_error_matches (error, LIC_ERROR, LIC_ERROR_SERVER)
          || g_error_matches (error, LIC_ERROR, LIC_ERROR_PARSE)))
    {
      /* The order may have been made with no answer reaching us: the same key again finds
       * it rather than making another. */
      dialog = adw_message_dialog_new (parent_window (self), _("Checkout Did Not Finish"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s",
                                      _("No answer came from the server, so your order may or "
                                        "may not have been placed. Try again: it is placed only "
                                        "once."),
                                      lic_error_text_description (error));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "retry", _("_Try Again"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retry",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (retry_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* An answer, yes or no, ends the attempt. */
  g_clear_pointer (&self->checkout_key, g_free);
  if (order == NULL)
    {
      /* Refused, with nothing charged: say why, and show the cart as it is now. */
      dialog = adw_message_dialog_new (parent_window (self), _("Could Not Check Out"),
                                       lic_error_text_description (error));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      load_cart (self);
      return;
    }

  lines = lic_order_get_lines (order);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(LicOrderLine) line = g_list_model_get_item (lines, i);

      if (lic_order_line_get_state (line) != LIC_ORDER_LINE_STATE_DELIVERED)
        all_delivered = FALSE;
    }
  if (g_strcmp0 (lic_order_get_payment (order), "purchase_request") == 0)
    toast = adw_toast_new (all_delivered
                           ? _("Purchase request sent. Your licenses are ready to use; pay for "
                               "them within 60 days.")
                           : _("Purchase request sent. Pay for the licenses within 60 days; you "
                               "get a notification when licenses delivered later arrive."));
  else
    toast = adw_toast_new (all_delivered
                           ? _("Order placed. Your licenses are ready to use.")
                           : _("Order placed. You get a notification when licenses delivered "
                               "later arrive."));
  adw_toast_set_button_label (toast, _("Show Licenses"));
  adw_toast_set_action_name (toast, "win.show-view");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("licenses"));
  lic_page_add_toast (LIC_PAGE (self), toast);
  g_signal_emit (self, signals[SIGNAL_CHECKED_OUT], 0, order);
}

static void
send_checkout (LicCartView *self)
{
  LicClient *client = lic_page_get_client (LIC_PAGE (self));

  if (client == NULL || self->checkout_key == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->checkout_button), FALSE);
  if (self->checkout_request)
    lic_client_request_purchase_async (client, self->checkout_key, self->checkout_total,
                                       self->checkout_cancellable, checkout_done_cb, self);
  else
    lic_client_checkout_async (client, self->checkout_key, self->checkout_total,
                               self->checkout_cancellable, checkout_done_cb, self);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LicCartView      *self)
{
  const gint64 *total = g_object_get_data (G_OBJECT (dialog), "total");
  gboolean request = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "request"));

  if (!g_str_equal (response, "checkout"))
    return;

  /* The key is made once per attempt, and kept for "Try Again". */
  if (self->checkout_key == NULL || self->checkout_total != *total
      || self->checkout_request != request)
    {
      g_free (self->checkout_key);
      self->checkout_key = g_uuid_string_random ();
      self->checkout_total = *total;
      self->checkout_request = request;
    }
  send_checkout (self);
}

static void
checkout_cb (LicCartView *self)
{
  GListModel *lines;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *total = NULL;
  g_autofree char *total_sentence = NULL;
  GtkWidget *dialog;
  gint64 amount;
  gboolean request;

  if (self->cart == NULL || g_list_model_get_n_items (lic_cart_get_lines (self->cart)) == 0)
    return;

  /* One line per cart line, saying what is delivered when, then the total. */
  lines = lic_cart_get_lines (self->cart);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(LicCartLine) line = g_list_model_get_item (lines, i);
      g_autofree char *text = lic_format_checkout_line (line);

      /* A paragraph each, so the lines stand apart in the dialog's centred text. */
      g_string_append_printf (body, "%s\n\n", text);
    }
  total = lic_format_money (lic_cart_get_total (self->cart), lic_cart_get_currency (self->cart));
  /* TRANSLATORS: the last line of the checkout confirmation; %s is an amount of money */
  total_sentence = g_strdup_printf (_("Total: %s"), total);
  g_string_append (body, total_sentence);

  request = gtk_check_button_get_active (self->request_check)
            && lic_cart_get_purchase_request_allowed (self->cart);
  if (request)
    {
      g_autofree char *meaning = lic_format_purchase_request_meaning ();

      g_string_append_printf (body, "\n\n%s", meaning);
    }

  dialog = adw_message_dialog_new (parent_window (self),
                                   request ? _("Send Purchase Request?") : _("Check Out?"),
                                   body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "checkout",
                                    request ? _("_Send Purchase Request") : _("_Place Order"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "checkout",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "checkout");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The total the administrator sees is the one the server must still have. */
  amount = lic_cart_get_total (self->cart);
  g_object_set_data_full (G_OBJECT (dialog), "total", g_memdup2 (&amount, sizeof amount),
                          g_free);
  g_object_set_data (G_OBJECT (dialog), "request", GINT_TO_POINTER (request));
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
lic_cart_view_dispose (GObject *object)
{
  LicCartView *self = LIC_CART_VIEW (object);

  g_cancellable_cancel (self->checkout_cancellable);
  g_clear_object (&self->checkout_cancellable);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  g_clear_object (&self->cart);

  G_OBJECT_CLASS (lic_cart_view_parent_class)->dispose (object);
}

static void
lic_cart_view_finalize (GObject *object)
{
  LicCartView *self = LIC_CART_VIEW (object);

  g_free (self->checkout_key);

  G_OBJECT_CLASS (lic_cart_view_parent_class)->finalize (object);
}

static void
lic_cart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LicCartView *self = LIC_CART_VIEW (object);

  switch (prop_id)
    {
    case PROP_LINE_COUNT:
      g_value_set_uint (value, self->line_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_cart_view_class_init (LicCartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LicPageClass *page_class = LIC_PAGE_CLASS (klass);

  object_class->dispose = lic_cart_view_dispose;
  object_class->finalize = lic_cart_view_finalize;
  object_class->get_property = lic_cart_view_get_property;
  page_class->reload = lic_cart_view_reload;

  /**
   * LicCartView:line-count:
   *
   * The number of lines in the cart, as last loaded.
   */
  properties[PROP_LINE_COUNT] =
    g_param_spec_uint ("line-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LicCartView::checked-out:
   * @order: the order made
   *
   * The cart was checked out: licenses may have arrived in pools.
   */
  signals[SIGNAL_CHECKED_OUT] =
    g_signal_new ("checked-out",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIC_TYPE_ORDER);

  g_type_ensure (LIC_TYPE_CART_ROW);
  g_type_ensure (LIC_TYPE_STATUS_STACK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-cart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LicCartView, status);
  gtk_widget_class_bind_template_child (widget_class, LicCartView, lines_list);
  gtk_widget_class_bind_template_child (widget_class, LicCartView, total_label);
  gtk_widget_class_bind_template_child (widget_class, LicCartView, checkout_button);
  gtk_widget_class_bind_template_child (widget_class, LicCartView, request_row);
  gtk_widget_class_bind_template_child (widget_class, LicCartView, order_check);
  gtk_widget_class_bind_template_child (widget_class, LicCartView, request_check);
  gtk_widget_class_bind_template_callback (widget_class, payment_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lic_page_invalidate);
  gtk_widget_class_bind_template_callback (widget_class, checkout_cb);
}

static void
lic_cart_view_init (LicCartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->checkout_cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self, "notify::client", G_CALLBACK (client_changed_cb), self);
}

guint
lic_cart_view_get_line_count (LicCartView *self)
{
  g_return_val_if_fail (LIC_IS_CART_VIEW (self), 0);

  return self->line_count;
}

/**
 * lic_cart_view_get_cart:
 *
 * Returns: (transfer none) (nullable): the cart as last loaded
 */
LicCart *
lic_cart_view_get_cart (LicCartView *self)
{
  g_return_val_if_fail (LIC_IS_CART_VIEW (self), NULL);

  return self->cart;
}
