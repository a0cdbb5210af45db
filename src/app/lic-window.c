/* lic-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "lic-cart-view.h"
#include "lic-library-view.h"
#include "lic-licenses-view.h"
#include "lic-users-view.h"
#include "lic-window.h"

struct _LicWindow
{
  AdwApplicationWindow parent_instance;

  AdwViewSwitcherTitle *switcher_title;
  GtkButton *back_button;
  AdwViewStack *view_stack;
  LicLibraryView *library_view;
  LicCartView *cart_view;
  LicLicensesView *licenses_view;
  LicUsersView *users_view;

  LicClient *client;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (LicWindow, lic_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The library's product page is the only page with somewhere to go back to. */
static void
update_back_button (LicWindow *self)
{
  gboolean library_shown = adw_view_stack_get_visible_child (self->view_stack)
                           == GTK_WIDGET (self->library_view);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          library_shown
                          && lic_library_view_get_product_shown (self->library_view));
}

static void
back_cb (LicWindow *self)
{
  lic_library_view_show_library (self->library_view);
}

static void
lic_window_dispose (GObject *object)
{
  LicWindow *self = LIC_WINDOW (object);

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
  g_type_ensure (LIC_TYPE_USERS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LicWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, library_view);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, cart_view);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, licenses_view);
  gtk_widget_class_bind_template_child (widget_class, LicWindow, users_view);
  gtk_widget_class_bind_template_callback (widget_class, update_back_button);
  gtk_widget_class_bind_template_callback (widget_class, back_cb);
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

  if (!g_set_object (&self->client, client))
    return;

  organization = client != NULL ? lic_client_get_organization (client) : NULL;
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        organization != NULL
                                        ? lic_organization_get_name (organization) : NULL);
  lic_page_set_client (LIC_PAGE (self->library_view), client);
  lic_page_set_client (LIC_PAGE (self->cart_view), client);
  lic_page_set_client (LIC_PAGE (self->licenses_view), client);
  lic_page_set_client (LIC_PAGE (self->users_view), client);
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
