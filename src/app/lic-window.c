/* lic-window.c
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
#include "lic-notifications-button.h"
#include "lic-users-view.h"
#include "lic-window.h"

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

  LicClient *client;
  GSettings *settings;
  /* The activation window open, if any: a second link goes to it. */
  GtkWindow *activation_window;
};

G_DEFINE_FINAL_TYPE (LicWindow, lic_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The library's product page, a pool's page and a user's page have somewhere to go back to. */
static void
update_back_button (LicWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          (visible == GTK_WIDGET (self->library_view)
                           && lic_library_view_get_product_shown (self->library_view))
                          || (visible == GTK_WIDGET (self->licenses_view)
                              && lic_licenses_view_get_pool_shown (self->licenses_view))
                          || (visible == GTK_WIDGET (self->users_view)
                              && lic_users_view_get_user_shown (self->users_view)));
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

/* Licenses arrived, were ordered, or were assigned in the Users view: what shows pools and
 * orders is stale. */
static void
licenses_changed_cb (LicWindow *self)
{
  lic_page_invalidate (LIC_PAGE (self->licenses_view));
  lic_library_view_refresh_product (self->library_view);
}

/* A supplier delivered: the bell lists it (LicNotificationsButton listens itself), the desktop
 * says so, and the licenses are shown as they are now. */
static void
notification_cb (LicWindow       *self,
                 LicNotification *notification)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GNotification) desktop_notification = NULL;
  g_autofree char *body = lic_format_notification (notification);
  g_autofree char *id = NULL;

  licenses_changed_cb (self);
  if (application == NULL || g_strcmp0 (lic_notification_get_kind (notification), "delivered") != 0)
    return;

  desktop_notification = g_notification_new (_("Licenses delivered"));
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
  gtk_widget_class_bind_template_callback (widget_class, update_back_button);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
  gtk_widget_class_bind_template_callback (widget_class, licenses_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activated);
  gtk_widget_class_install_action (widget_class, "win.activate-licenses", NULL,
                                   activate_licenses_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
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
  if (client != NULL)
    {
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
