/* lic-window.c
 *
 * The notice banner shows the most urgent of GET /notices. They are fetched again whenever
 * licenses change, and every few minutes, since a notice's phase follows the clock. When the
 * server's sweep makes a payment late, suspends licenses or ends a term, the admins get a
 * notification (GET /events), which the desktop is told of, like a delivery, and which refreshes
 * the notices at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-activation-window.h"
#include "lic-cart-view.h"
#include "lic-format.h"
#include "lic-library-view.h"
#include "lic-licenses-view.h"
#include "lic-notice-banner.h"
#include "lic-notifications-button.h"
#include "lic-users-view.h"
#include "lic-window.h"

#define NOTICES_REFRESH_SECONDS (3 * 60)

struct _LicWindow
{
  AdwApplicationWindow parent_instance;

  AdwViewSwitcherTitle *switcher_title;
  GtkButton *back_button;
  AdwViewStack *view_stack;
  AdwToastOverlay *toast_overlay;
  LicNotificationsButton *notifications_button;
  LicLibraryView *library_view;
  LicCartView *cart_view;
  LicLicensesView *licenses_view;
  LicUsersView *users_view;
  LicNoticeBanner *notice_banner;

  LicClient *client;
  GSettings *settings;
  /* The activation window open, if any: a second link goes to it. */
  GtkWindow *activation_window;

  GListModel *notices;          /* as last loaded, or NULL */
  GCancellable *notices_cancellable;
  guint notices_timeout_id;
};

G_DEFINE_FINAL_TYPE (LicWindow, lic_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The library's product page, a pool's page and a user's page have somewhere to go back to.
 * The product and pool pages show their own notices at their top, so the window's would say
 * the same twice. */
static void
update_navigation (LicWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);
  gboolean product_shown = visible == GTK_WIDGET (self->library_view)
                           && lic_library_view_get_product_shown (self->library_view);
  gboolean pool_shown = visible == GTK_WIDGET (self->licenses_view)
                        && lic_licenses_view_get_pool_shown (self->licenses_view);
  gboolean user_shown = visible == GTK_WIDGET (self->users_view)
                        && lic_users_view_get_user_shown (self->users_view);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          product_shown || pool_shown || user_shown);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_banner), !product_shown && !pool_shown);
}

static void
back_cb (LicWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  if (visible == GTK_WIDGET (self->licenses_view))
    lic_licenses_view_show_pools (self->licenses_view);
  else if (visible == GTK_WIDGET (self->users_view))
    lic_users_view_show_users (self->users_view);
  else
    lic_library_view_show_library (self->library_view);
}

static void
list_notices_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LicWindow *self;
  g_autoptr(GListModel) notices = NULL;
  g_autoptr(GError) error = NULL;

  notices = lic_client_list_notices_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_WINDOW (user_data);
  if (notices == NULL)
    {
      /* The banner keeps what it showed; the next refresh tries again. */
      g_debug ("Could not list the notices: %s", error->message);
      return;
    }
  g_set_object (&self->notices, notices);
  lic_notice_banner_clear (self->notice_banner);
  lic_notice_banner_add_notices (self->notice_banner, notices, 0, NULL, NULL);
}

static void
refresh_notices (LicWindow *self)
{
  g_cancellable_cancel (self->notices_cancellable);
  g_clear_object (&self->notices_cancellable);
  if (self->client == NULL || !lic_client_get_signed_in (self->client))
    return;
  self->notices_cancellable = g_cancellable_new ();
  lic_client_list_notices_async (self->client, self->notices_cancellable, list_notices_cb, self);
}

static gboolean
notices_timeout_cb (gpointer user_data)
{
  refresh_notices (LIC_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

/* Licenses arrived, were ordered, paid, or were assigned in the Users view or a pool's page:
 * what shows pools, orders, notices and the lists is stale. */
static void
licenses_changed_cb (LicWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  lic_page_invalidate (LIC_PAGE (self->licenses_view));
  lic_library_view_refresh_product (self->library_view);
  /* Whether purchase requests are allowed may have changed. */
  lic_page_invalidate (LIC_PAGE (self->cart_view));
  /* The Users view reloads itself after its own changes. */
  if (visible != GTK_WIDGET (self->users_view))
    lic_page_invalidate (LIC_PAGE (self->users_view));
  refresh_notices (self);
}

/* The title of a desktop notification of @kind, or %NULL for a kind this version does not
 * know. */
static const char *
notification_title (const char *kind)
{
  if (g_strcmp0 (kind, "delivered") == 0)
    return _("Licenses delivered");
  if (g_strcmp0 (kind, "payment_late") == 0)
    return _("Payment is late");
  if (g_strcmp0 (kind, "licenses_suspended") == 0)
    return _("Licenses suspended");
  if (g_strcmp0 (kind, "access_ended") == 0)
    /* TRANSLATORS: the title of a desktop notification: users lost access as a term ended */
    return _("Term ended");
  return NULL;
}

/* A supplier delivered, or the sweep made a payment late, suspended licenses or ended a term:
 * the bell lists it (LicNotificationsButton listens itself), the desktop says so, and the
 * licenses and notices are shown as they are now. */
static void
notification_cb (LicWindow       *self,
                 LicNotification *notification)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const char *title = notification_title (lic_notification_get_kind (notification));
  g_autoptr(GNotification) desktop_notification = NULL;
  g_autofree char *body = lic_format_notification (notification);
  g_autofree char *id = NULL;

  licenses_changed_cb (self);
  if (application == NULL || title == NULL)
    return;

  desktop_notification = g_notification_new (title);
  g_notification_set_body (desktop_notification, body);
  g_notification_set_default_action_and_target (desktop_notification, "app.show-view", "s",
                                                 "licenses");
  id = g_strdup_printf ("notification-%" G_GINT64_FORMAT, lic_notification_get_id (notification));
  g_application_send_notification (application, id, desktop_notification);
}

static void
activated_cb (LicWindow    *self,
              LicOrder     *order,
              LicOrderLine *line)
{
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  licenses_changed_cb (self);
  if (line != NULL)
    text = lic_format_licenses_arrived (lic_order_line_get_quantity (line),
                                        lic_order_line_get_product_name (line),
                                        lic_order_line_get_school_name (line));
  else
    text = g_strdup (_("The licenses have arrived."));
  /* Toast titles are markup. */
  title = g_markup_escape_text (text, -1);
  lic_window_add_toast (self, adw_toast_new (title));
}

static void
activation_window_destroyed_cb (LicWindow *self)
{
  self->activation_window = NULL;
}

static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LicWindow *self = LIC_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LicWindow *self = LIC_WINDOW (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->back_button)))
    back_cb (self);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LicWindow *self = LIC_WINDOW (widget);
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  /* Views without a search leave Ctrl+F to the focused widget. */
  if (LIC_IS_PAGE (visible))
    lic_page_start_search (LIC_PAGE (visible));
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LicWindow *self = LIC_WINDOW (widget);
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  if (LIC_IS_PAGE (visible))
    lic_page_invalidate (LIC_PAGE (visible));
}

static void
licenses_changed_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  licenses_changed_cb (LIC_WINDOW (widget));
}

/* The product and school of a pool, as the notices name them, or NULL. */
static LicNotice *
notice_of_pool (LicWindow *self,
                gint64     pool_id)
{
  for (guint i = 0; self->notices != NULL && i < g_list_model_get_n_items (self->notices); i++)
    {
      g_autoptr(LicNotice) notice = g_list_model_get_item (self->notices, i);

      if (lic_notice_get_pool_id (notice) == pool_id)
        return notice;          /* the list holds a reference */
    }
  return NULL;
}

static void
show_user_list_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LicWindow *self = LIC_WINDOW (widget);
  gint64 pool_id;
  const char *nick;
  int list;
  LicNotice *notice;

  g_variant_get (parameter, "(x&s)", &pool_id, &nick);
  if (!lic_enum_from_nick (LIC_TYPE_USER_LIST, nick, &list))
    return;
  notice = notice_of_pool (self, pool_id);
  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->users_view));
  lic_users_view_show_list (self->users_view, list, pool_id,
                            notice != NULL ? lic_notice_get_product_name (notice) : NULL,
                            notice != NULL ? lic_notice_get_school_name (notice) : NULL);
}

static void
show_pool_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LicWindow *self = LIC_WINDOW (widget);

  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->licenses_view));
  lic_licenses_view_show_pool_id (self->licenses_view, g_variant_get_int64 (parameter), FALSE);
}

static void
renew_pool_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LicWindow *self = LIC_WINDOW (widget);

  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->licenses_view));
  lic_licenses_view_show_pool_id (self->licenses_view, g_variant_get_int64 (parameter), TRUE);
}

static void
activate_licenses_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  lic_window_show_activation (LIC_WINDOW (widget), NULL);
}

static void
lic_window_dispose (GObject *object)
{
  LicWindow *self = LIC_WINDOW (object);

  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->client, self);
      lic_client_stop_events (self->client);
    }
  if (self->activation_window != NULL)
    gtk_window_destroy (self->activation_window);
  g_cancellable_cancel (self->notices_cancellable);
  g_clear_object (&self->notices_cancellable);
  g_clear_handle_id (&self->notices_timeout_id, g_source_remove);
  g_clear_object (&self->notices);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIC_TYPE_WINDOW);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lic_window_parent_class)->dispose (object);
}

static void
lic_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LicWindow *self = LIC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LicWindow *self = LIC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      lic_window_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_window_class_init (LicWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lic_window_dispose;
  object_class->get_property = lic_window_get_property;
  object_class->set_property = lic_window_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         LIC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIC_TYPE_CART_VIEW);
  g_type_ensure (LIC_TYPE_LIBRARY_VIEW);
  g_type_ensure (LIC_TYPE_LICENSES_VIEW);
  g_type_ensure (LIC_TYPE_NOTICE_BANNER);
  g_type_ensure (LIC_TYPE_NOTIFICATIONS_BUTTON);
  g_type_ensure (LIC_TYPE_USERS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LicWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, notifications_button);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, library_view);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, cart_view);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, licenses_view);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, users_view);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, notice_banner);
  gtk_widget_class_bind_template_callback (widget_class, update_navigation);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
  gtk_widget_class_bind_template_callback (widget_class, licenses_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activated);
  gtk_widget_class_install_action (widget_class, "win.activate-licenses", NULL,
                                   activate_licenses_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.licenses-changed", NULL,
                                   licenses_changed_activated);
  gtk_widget_class_install_action (widget_class, "win.show-user-list", "(xs)",
                                   show_user_list_activated);
  gtk_widget_class_install_action (widget_class, "win.show-pool", "x", show_pool_activated);
  gtk_widget_class_install_action (widget_class, "win.renew-pool", "x", renew_pool_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_activated);
}

static void
lic_window_init (LicWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

LicWindow *
lic_window_new (GtkApplication *application,
                LicClient      *client)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LIC_IS_CLIENT (client), NULL);

  return g_object_new (LIC_TYPE_WINDOW,
                       "application", application,
                       "client", client,
                       NULL);
}

LicClient *
lic_window_get_client (LicWindow *self)
{
  g_return_val_if_fail (LIC_IS_WINDOW (self), NULL);

  return self->client;
}

/**
 * lic_window_set_client:
 * @client: (nullable): the signed-in client, handed to every view
 */
void
lic_window_set_client (LicWindow *self,
                       LicClient *client)
{
  LicOrganization *organization;

  g_return_if_fail (LIC_IS_WINDOW (self));
  g_return_if_fail (client == NULL || LIC_IS_CLIENT (client));

  if (self->client == client)
    return;
  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->client, self);
      lic_client_stop_events (self->client);
    }
  g_set_object (&self->client, client);

  organization = client != NULL ? lic_client_get_organization (client) : NULL;
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        organization != NULL
                                        ? lic_organization_get_name (organization) : NULL);
  lic_page_set_client (LIC_PAGE (self->library_view), client);
  lic_page_set_client (LIC_PAGE (self->cart_view), client);
  lic_page_set_client (LIC_PAGE (self->licenses_view), client);
  lic_page_set_client (LIC_PAGE (self->users_view), client);
  lic_notifications_button_set_client (self->notifications_button, client);
  lic_notice_banner_set_client (self->notice_banner, client);
  lic_notice_banner_clear (self->notice_banner);
  g_clear_object (&self->notices);
  g_clear_handle_id (&self->notices_timeout_id, g_source_remove);
  refresh_notices (self);
  if (client != NULL)
    {
      self->notices_timeout_id = g_timeout_add_seconds (NOTICES_REFRESH_SECONDS,
                                                        notices_timeout_cb, self);
      g_signal_connect_object (client, "notification", G_CALLBACK (notification_cb), self,
                               G_CONNECT_SWAPPED);
      lic_client_start_events (client);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

const char *
lic_window_get_visible_view (LicWindow *self)
{
  g_return_val_if_fail (LIC_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * lic_window_set_visible_view:
 * @name: "library", "cart", "licenses" or "users"
 */
void
lic_window_set_visible_view (LicWindow  *self,
                             const char *name)
{
  g_return_if_fail (LIC_IS_WINDOW (self));
  g_return_if_fail (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * lic_window_show_product:
 * @product_id: the id of a product of the library
 *
 * Shows the library on the page of that product.
 */
void
lic_window_show_product (LicWindow *self,
                         gint64     product_id)
{
  g_return_if_fail (LIC_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "library");
  lic_library_view_show_product_id (self->library_view, product_id);
}

/**
 * lic_window_add_toast:
 * @toast: (transfer full): the toast
 */
void
lic_window_add_toast (LicWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (LIC_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * lic_window_show_activation:
 * @code: (nullable): an activation code to send at once, as a licentia://activate link
 *   brings it; %NULL to let the administrator paste one
 *
 * Opens the window that activates licenses with a code from an activation e-mail.
 *
 * Returns: (transfer none): the activation window
 */
GtkWindow *
lic_window_show_activation (LicWindow  *self,
                            const char *code)
{
  LicActivationWindow *window;

  g_return_val_if_fail (LIC_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->client != NULL, NULL);

  if (self->activation_window != NULL)
    window = LIC_ACTIVATION_WINDOW (self->activation_window);
  else
    {
      window = lic_activation_window_new (GTK_WINDOW (self), self->client);
      g_signal_connect_object (window, "activated", G_CALLBACK (activated_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (window, "destroy", G_CALLBACK (activation_window_destroyed_cb),
                               self, G_CONNECT_SWAPPED);
      self->activation_window = GTK_WINDOW (window);
    }
  gtk_window_present (GTK_WINDOW (window));
  if (code != NULL)
    {
      lic_activation_window_set_code (window, code);
      lic_activation_window_activate (window);
    }
  return GTK_WINDOW (window);
}

/**
 * lic_window_get_notice_banner:
 *
 * Returns: (transfer none): the banner at the top of the window
 */
LicNoticeBanner *
lic_window_get_notice_banner (LicWindow *self)
{
  g_return_val_if_fail (LIC_IS_WINDOW (self), NULL);

  return self->notice_banner;
}

/* Fetches the notices again, as a few minutes' wait would. */
void
lic_window_refresh_notices (LicWindow *self)
{
  g_return_if_fail (LIC_IS_WINDOW (self));

  refresh_notices (self);
}
