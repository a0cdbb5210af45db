/* lic-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-page.h"

typedef struct
{
  LicClient *client;
  GCancellable *cancellable;
  /* What is shown is stale: load when next mapped. */
  gboolean needs_reload;
} LicPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LicPage, lic_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload (LicPage *self)
{
  LicPagePrivate *priv = lic_page_get_instance_private (self);
  LicPageClass *klass = LIC_PAGE_GET_CLASS (self);

  priv->needs_reload = FALSE;
  if (klass->reload != NULL)
    klass->reload (self);
}

static void
lic_page_map (GtkWidget *widget)
{
  LicPage *self = LIC_PAGE (widget);
  LicPagePrivate *priv = lic_page_get_instance_private (self);

  GTK_WIDGET_CLASS (lic_page_parent_class)->map (widget);

  if (priv->needs_reload && priv->client != NULL)
    reload (self);
}

static void
lic_page_dispose (GObject *object)
{
  LicPage *self = LIC_PAGE (object);
  LicPagePrivate *priv = lic_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->client);

  G_OBJECT_CLASS (lic_page_parent_class)->dispose (object);
}

static void
lic_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LicPage *self = LIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, lic_page_get_client (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_page_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LicPage *self = LIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      lic_page_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_page_class_init (LicPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lic_page_dispose;
  object_class->get_property = lic_page_get_property;
  object_class->set_property = lic_page_set_property;

  widget_class->map = lic_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         LIC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lic_page_init (LicPage *self)
{
  LicPagePrivate *priv = lic_page_get_instance_private (self);

  priv->needs_reload = TRUE;
}

LicClient *
lic_page_get_client (LicPage *self)
{
  LicPagePrivate *priv = lic_page_get_instance_private (self);

  g_return_val_if_fail (LIC_IS_PAGE (self), NULL);

  return priv->client;
}

/**
 * lic_page_set_client:
 * @client: (nullable): the signed-in client to load from
 */
void
lic_page_set_client (LicPage   *self,
                     LicClient *client)
{
  LicPagePrivate *priv = lic_page_get_instance_private (self);

  g_return_if_fail (LIC_IS_PAGE (self));
  g_return_if_fail (client == NULL || LIC_IS_CLIENT (client));

  if (!g_set_object (&priv->client, client))
    return;
  lic_page_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/**
 * lic_page_invalidate:
 *
 * What the page shows is stale: load it again now if the page is shown, else when it is next
 * shown. The "retry" of a LicStatusStack connects here.
 */
void
lic_page_invalidate (LicPage *self)
{
  LicPagePrivate *priv = lic_page_get_instance_private (self);

  g_return_if_fail (LIC_IS_PAGE (self));

  priv->needs_reload = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && priv->client != NULL)
    reload (self);
}

/**
 * lic_page_restart_cancellable:
 *
 * Cancels the page's request in flight, if any, and returns a cancellable for the next one.
 * The page cancels it when disposed.
 *
 * Returns: (transfer none): the cancellable to pass to the new request
 */
GCancellable *
lic_page_restart_cancellable (LicPage *self)
{
  LicPagePrivate *priv = lic_page_get_instance_private (self);

  g_return_val_if_fail (LIC_IS_PAGE (self), NULL);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();
  return priv->cancellable;
}

/**
 * lic_page_add_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the window's toast overlay; a page outside a window (in a test) drops it.
 */
void
lic_page_add_toast (LicPage  *self,
                    AdwToast *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (LIC_IS_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/**
 * lic_page_start_search:
 *
 * Puts the cursor in the page's search entry (Ctrl+F), going back to the list it searches.
 *
 * Returns: whether the page has a search
 */
gboolean
lic_page_start_search (LicPage *self)
{
  LicPageClass *klass;

  g_return_val_if_fail (LIC_IS_PAGE (self), FALSE);

  klass = LIC_PAGE_GET_CLASS (self);
  if (klass->start_search == NULL)
    return FALSE;
  klass->start_search (self);
  return TRUE;
}
