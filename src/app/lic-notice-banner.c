/* lic-notice-banner.c
 *
 * The notices come from the server (GET /notices, or a pool's own), most urgent first; the
 * banner shows the first and counts the others. Pools' notices do not name their product and
 * school, so whoever adds them says which they are.
 *
 * Placing the order for a purchase request asks first, with the price the server gives now
 * (GET /purchase-requests/{id}); the order is sent with that price as the expected total and one
 * idempotency key per attempt, which "Try Again" after a lost answer sends again. Once paid, the
 * banner activates "win.licenses-changed", so that every view and the notices reload.
 *
 * The other buttons go where the work is done: "win.show-user-list" (the Payable or No access
 * list of the pool), "win.show-pool" (to unassign users) and "win.renew-pool".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-error-text.h"
#include "lic-format.h"
#include "lic-notice-banner.h"

typedef struct
{
  LicNotice *notice;
  gint64 pool_id;
  char *product;
  char *school;
  guint index;                  /* the order added: the server's order within a kind */
} Entry;

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->notice);
  g_free (entry->product);
  g_free (entry->school);
  g_free (entry);
}

struct _LicNoticeBanner
{
  AdwBin parent_instance;

  GtkRevealer *revealer;
  GtkBox *box;
  GtkImage *icon;
  GtkLabel *label;
  GtkButton *list_button;
  GtkButton *unassign_button;
  GtkButton *action_button;

  LicClient *client;
  GPtrArray *entries;           /* of Entry, most urgent first */
  char *text;

  /* The order being placed: its request, key and the price confirmed. */
  gint64 paying_id;
  char *paying_key;
  gint64 paying_total;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (LicNoticeBanner, lic_notice_banner, ADW_TYPE_BIN)

enum {
  SIGNAL_PAID,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Entry *
shown_entry (LicNoticeBanner *self)
{
  return self->entries->len > 0 ? g_ptr_array_index (self->entries, 0) : NULL;
}

static GtkWindow *
parent_window (LicNoticeBanner *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (LicNoticeBanner *self,
           const char      *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(Entry * const *) a;
  const Entry *y = *(Entry * const *) b;
  int kind_x = lic_notice_get_kind (x->notice);
  int kind_y = lic_notice_get_kind (y->notice);

  /* LicNoticeKind is in the order of urgency. */
  if (kind_x != kind_y)
    return kind_x < kind_y ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
set_button (GtkButton  *button,
            const char *label,
            const char *action_name,
            GVariant   *target)
{
  gtk_button_set_label (button, label);
  /* The name after the target, so that the name never meets a target of another type. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_visible (GTK_WIDGET (button), label != NULL);
}

static void
update (LicNoticeBanner *self)
{
  Entry *entry;
  LicNoticeKind kind;
  g_autofree char *notice_text = NULL;
  g_autofree char *more = NULL;
  GVariant *pool = NULL;

  g_ptr_array_sort (self->entries, compare_entries);
  entry = shown_entry (self);
  g_clear_pointer (&self->text, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->box), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->box), "error");
  if (entry == NULL)
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }

  kind = lic_notice_get_kind (entry->notice);
  notice_text = lic_format_notice (entry->notice, entry->product, entry->school);
  if (self->entries->len > 1)
    {
      more = lic_format_more_notices (self->entries->len - 1);
      /* TRANSLATORS: a notice and then how many more there are, "… 2 more notices." */
      self->text = g_strdup_printf (_("%s %s"), notice_text, more);
    }
  else
    self->text = g_steal_pointer (&notice_text);
  gtk_label_set_text (self->label, self->text);

  set_button (self->list_button, NULL, NULL, NULL);
  set_button (self->unassign_button, NULL, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->action_button), FALSE);
  switch (kind)
    {
    case LIC_NOTICE_KIND_PAYMENT_DUE:
    case LIC_NOTICE_KIND_PAYMENT_LATE:
      set_button (self->list_button, _("Show _Payable List"), "win.show-user-list",
                  g_variant_new ("(xs)", entry->pool_id, "payable"));
      pool = g_variant_new_int64 (entry->pool_id);
      set_button (self->unassign_button, _("_Unassign Users…"), "win.show-pool", pool);
      gtk_button_set_label (self->action_button, _("Place _Order…"));
      gtk_widget_set_visible (GTK_WIDGET (self->action_button), TRUE);
      gtk_image_set_from_icon_name (self->icon, "dialog-warning-symbolic");
      break;

    case LIC_NOTICE_KIND_SUSPENDED:
      set_button (self->list_button, _("Show _No Access List"), "win.show-user-list",
                  g_variant_new ("(xs)", entry->pool_id, "no_access"));
      gtk_button_set_label (self->action_button, _("Place _Order…"));
      gtk_widget_set_visible (GTK_WIDGET (self->action_button), TRUE);
      gtk_image_set_from_icon_name (self->icon, "dialog-error-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->box), "error");
      break;

    case LIC_NOTICE_KIND_RENEWAL:
      gtk_button_set_label (self->action_button, _("_Renew…"));
      gtk_widget_set_visible (GTK_WIDGET (self->action_button), TRUE);
      gtk_image_set_from_icon_name (self->icon, "view-refresh-symbolic");
      break;

    case LIC_NOTICE_KIND_ORDER_PLACED:
    default:
      gtk_image_set_from_icon_name (self->icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->box), "success");
      break;
    }
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

/* Placing the order */

static void send_order (LicNoticeBanner *self);

static void
retry_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   LicNoticeBanner  *self)
{
  if (g_str_equal (response, "retry"))
    send_order (self);
}

static void
pay_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  LicNoticeBanner *self;
  g_autoptr(LicPurchaseRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  request = lic_client_pay_purchase_request_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_NOTICE_BANNER (user_data);
  gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), TRUE);
  if (request == NULL
      && (g_error_matches (error, LIC_ERROR, LIC_ERROR_NETWORK)
          || g_error_matches (error, LIC_ERROR, LIC_ERROR_SERVER)
          || g_error_matches (error, LIC_ERROR, LIC_ERROR_PARSE)))
    {
      /* The order may have been made with no answer reaching us: the same key finds it. */
      dialog = adw_message_dialog_new (parent_window (self), _("Order Did Not Finish"), NULL);
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

  g_clear_pointer (&self->paying_key, g_free);
  if (request == NULL)
    {
      dialog = adw_message_dialog_new (parent_window (self), _("Could Not Place the Order"),
                                       lic_error_text_description (error));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* TRANSLATORS: a toast; %1$d is a number of licenses, %2$s a product, %3$s a school */
  text = g_strdup_printf (ngettext ("Order placed for %1$d license of %2$s at %3$s.",
                                    "Order placed for %1$d licenses of %2$s at %3$s.",
                                    (unsigned long) lic_purchase_request_get_quantity (request)),
                          (int) lic_purchase_request_get_quantity (request),
                          lic_purchase_request_get_product_name (request),
                          lic_purchase_request_get_school_name (request));
  add_toast (self, text);
  g_signal_emit (self, signals[SIGNAL_PAID], 0, request);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.licenses-changed", NULL);
}

static void
send_order (LicNoticeBanner *self)
{
  if (self->client == NULL || self->paying_key == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), FALSE);
  lic_client_pay_purchase_request_async (self->client, self->paying_id, self->paying_key,
                                         self->paying_total, self->cancellable, pay_cb, self);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LicNoticeBanner  *self)
{
  LicPurchaseRequest *request = g_object_get_data (G_OBJECT (dialog), "request");

  if (!g_str_equal (response, "order"))
    return;
  /* A new attempt: a new key, kept for "Try Again". */
  g_free (self->paying_key);
  self->paying_key = g_uuid_string_random ();
  self->paying_id = lic_purchase_request_get_id (request);
  self->paying_total = lic_purchase_request_get_price (request);
  send_order (self);
}

static void
get_request_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LicNoticeBanner *self;
  g_autoptr(LicPurchaseRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *price = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  gint64 quantity;

  request = lic_client_get_purchase_request_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_NOTICE_BANNER (user_data);
  gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), TRUE);
  if (request == NULL)
    {
      add_toast (self, lic_error_text_description (error));
      return;
    }

  quantity = lic_purchase_request_get_quantity (request);
  price = lic_format_money (lic_purchase_request_get_price (request),
                            lic_purchase_request_get_currency (request));
  /* TRANSLATORS: the question before paying a purchase request; %1$d is a number of licenses,
   * %2$s a product, %3$s a school, %4$s the price */
  body = g_strdup_printf (ngettext ("Order %1$d license of %2$s at %3$s for %4$s. Users "
                                    "without access get their licenses back.",
                                    "Order %1$d licenses of %2$s at %3$s for %4$s. Users "
                                    "without access get their licenses back.",
                                    (unsigned long) quantity),
                          (int) quantity, lic_purchase_request_get_product_name (request),
                          lic_purchase_request_get_school_name (request), price);
  dialog = adw_message_dialog_new (parent_window (self), _("Place an Order?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "order", _("_Place Order"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "order",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "order");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "request", g_steal_pointer (&request),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_cb (LicNoticeBanner *self)
{
  Entry *entry = shown_entry (self);

  if (entry == NULL)
    return;
  if (lic_notice_get_kind (entry->notice) == LIC_NOTICE_KIND_RENEWAL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.renew-pool", "x", entry->pool_id);
  else
    lic_notice_banner_place_order (self);
}

/* GObject */

static void
lic_notice_banner_dispose (GObject *object)
{
  LicNoticeBanner *self = LIC_NOTICE_BANNER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (lic_notice_banner_parent_class)->dispose (object);
}

static void
lic_notice_banner_finalize (GObject *object)
{
  LicNoticeBanner *self = LIC_NOTICE_BANNER (object);

  g_free (self->text);
  g_free (self->paying_key);

  G_OBJECT_CLASS (lic_notice_banner_parent_class)->finalize (object);
}

static void
lic_notice_banner_class_init (LicNoticeBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lic_notice_banner_dispose;
  object_class->finalize = lic_notice_banner_finalize;

  /**
   * LicNoticeBanner::paid:
   * @request: the purchase request as it is now
   *
   * An order was placed for the purchase request of the notice.
   */
  signals[SIGNAL_PAID] =
    g_signal_new ("paid",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIC_TYPE_PURCHASE_REQUEST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-notice-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, LicNoticeBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, LicNoticeBanner, box);
  gtk_widget_class_bind_template_child (widget_class, LicNoticeBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, LicNoticeBanner, label);
  gtk_widget_class_bind_template_child (widget_class, LicNoticeBanner, list_button);
  gtk_widget_class_bind_template_child (widget_class, LicNoticeBanner, unassign_button);
  gtk_widget_class_bind_template_child (widget_class, LicNoticeBanner, action_button);
  gtk_widget_class_bind_template_callback (widget_class, action_cb);
}

static void
lic_notice_banner_init (LicNoticeBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->cancellable = g_cancellable_new ();
}

/**
 * lic_notice_banner_set_client:
 * @client: (nullable): whom to ask when an order is placed
 */
void
lic_notice_banner_set_client (LicNoticeBanner *self,
                              LicClient       *client)
{
  g_return_if_fail (LIC_IS_NOTICE_BANNER (self));
  g_return_if_fail (client == NULL || LIC_IS_CLIENT (client));

  g_set_object (&self->client, client);
}

/* Hides the banner until notices are added. */
void
lic_notice_banner_clear (LicNoticeBanner *self)
{
  g_return_if_fail (LIC_IS_NOTICE_BANNER (self));

  g_ptr_array_set_size (self->entries, 0);
  update (self);
}

/**
 * lic_notice_banner_add_notices:
 * @notices: a list model of #LicNotice, most urgent first
 * @pool_id: the pool they are of, or 0 when each notice says (GET /notices)
 * @product: (nullable): the product's name, likewise
 * @school: (nullable): the school's name, likewise
 *
 * Adds notices to those shown: the most urgent of all is shown.
 */
void
lic_notice_banner_add_notices (LicNoticeBanner *self,
                               GListModel      *notices,
                               gint64           pool_id,
                               const char      *product,
                               const char      *school)
{
  g_return_if_fail (LIC_IS_NOTICE_BANNER (self));
  g_return_if_fail (G_IS_LIST_MODEL (notices));

  for (guint i = 0; i < g_list_model_get_n_items (notices); i++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->notice = g_list_model_get_item (notices, i);
      entry->pool_id = pool_id > 0 ? pool_id : lic_notice_get_pool_id (entry->notice);
      entry->product = g_strdup (product);
      entry->school = g_strdup (school);
      entry->index = self->entries->len;
      g_ptr_array_add (self->entries, entry);
    }
  update (self);
}

/**
 * lic_notice_banner_get_notice:
 *
 * Returns: (transfer none) (nullable): the notice shown
 */
LicNotice *
lic_notice_banner_get_notice (LicNoticeBanner *self)
{
  Entry *entry;

  g_return_val_if_fail (LIC_IS_NOTICE_BANNER (self), NULL);

  entry = shown_entry (self);
  return entry != NULL ? entry->notice : NULL;
}

/**
 * lic_notice_banner_get_text:
 *
 * Returns: (nullable): the text shown, or %NULL when there is no notice
 */
const char *
lic_notice_banner_get_text (LicNoticeBanner *self)
{
  g_return_val_if_fail (LIC_IS_NOTICE_BANNER (self), NULL);

  return self->text;
}

/**
 * lic_notice_banner_place_order:
 *
 * Asks whether to place the order for the licenses of the purchase request shown, with its
 * price now, as "Place Order…" does; places it when confirmed.
 */
void
lic_notice_banner_place_order (LicNoticeBanner *self)
{
  Entry *entry;

  g_return_if_fail (LIC_IS_NOTICE_BANNER (self));

  entry = shown_entry (self);
  if (entry == NULL || self->client == NULL
      || lic_notice_get_purchase_request_id (entry->notice) <= 0)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), FALSE);
  lic_client_get_purchase_request_async (self->client,
                                         lic_notice_get_purchase_request_id (entry->notice),
                                         self->cancellable, get_request_cb, self);
}
