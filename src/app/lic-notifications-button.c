/* lic-notifications-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-format.h"
#include "lic-notifications-button.h"

/* The newest notifications; older ones are in the server's list. */
#define PAGE_SIZE 50

struct _LicNotificationsButton
{
  AdwBin parent_instance;

  GtkMenuButton *menu_button;
  GtkPopover *popover;
  GtkStack *stack;
  GtkListBox *list;
  GtkLabel *badge_label;

  LicClient *client;
  GListStore *notifications;    /* of LicNotification, newest first */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (LicNotificationsButton, lic_notifications_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_UNREAD_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (LicNotificationsButton *self)
{
  guint unread = lic_notifications_button_get_unread_count (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->notifications));
  g_autofree char *badge = NULL;
  g_autofree char *label = NULL;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  badge = unread > 9 ? g_strdup ("9+") : g_strdup_printf ("%u", unread);
  gtk_label_set_text (self->badge_label, badge);
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), unread > 0);

  if (unread > 0)
    /* TRANSLATORS: what a screen reader says for the bell in the header bar */
    label = g_strdup_printf (ngettext ("Notifications, %u unread", "Notifications, %u unread",
                                       unread),
                             unread);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _("Notifications"),
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD_COUNT]);
}

static void
read_changed_cb (LicNotification *notification,
                 GParamSpec      *pspec,
                 GtkWidget       *row)
{
  if (lic_notification_get_read (notification))
    gtk_widget_remove_css_class (row, "unread");
  else
    gtk_widget_add_css_class (row, "unread");
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LicNotification *notification = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = lic_format_notification (notification);
  g_autofree char *title = g_markup_escape_text (text != NULL ? text : "", -1);
  g_autofree char *when = lic_format_date_time (lic_notification_get_created_at (notification));
  g_autofree char *subtitle = g_markup_escape_text (when != NULL ? when : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "application-certificate-symbolic");
  read_changed_cb (notification, NULL, row);
  g_signal_connect_object (notification, "notify::read", G_CALLBACK (read_changed_cb), row, 0);
  return row;
}

static gboolean
has_notification (LicNotificationsButton *self,
                  gint64                  id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->notifications)); i++)
    {
      g_autoptr(LicNotification) notification =
        g_list_model_get_item (G_LIST_MODEL (self->notifications), i);

      if (lic_notification_get_id (notification) == id)
        return TRUE;
    }
  return FALSE;
}

static void
notification_cb (LicNotificationsButton *self,
                 LicNotification        *notification)
{
  /* A stream that reconnects sends again what the list may hold already. */
  if (has_notification (self, lic_notification_get_id (notification)))
    return;
  g_list_store_insert (self->notifications, 0, notification);
  update (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    lic_notifications_button_popup (self);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LicNotificationsButton *self;
  g_autoptr(GListModel) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  page = lic_client_list_notifications_finish (LIC_CLIENT (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_NOTIFICATIONS_BUTTON (user_data);
  if (page == NULL)
    {
      /* The bell stays empty; live notifications still arrive. */
      g_debug ("Could not list the notifications: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (page); i++)
    {
      g_autoptr(LicNotification) notification = g_list_model_get_item (page, i);

      /* Live ones that came meanwhile are first already. */
      if (!has_notification (self, lic_notification_get_id (notification)))
        g_ptr_array_add (items, g_steal_pointer (&notification));
    }
  g_list_store_splice (self->notifications,
                       g_list_model_get_n_items (G_LIST_MODEL (self->notifications)), 0,
                       items->pdata, items->len);
  update (self);
}

typedef struct
{
  LicNotificationsButton *self;
  GPtrArray *notifications;     /* the ones marked */
} MarkRequest;

static void
mark_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  MarkRequest *request = user_data;
  g_autoptr(GPtrArray) notifications = request->notifications;
  g_autoptr(GError) error = NULL;
  LicNotificationsButton *self = request->self;
  gboolean marked;

  g_free (request);
  marked = lic_client_mark_notifications_read_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!marked)
    {
      /* They stay unread, and are marked the next time the list is opened. */
      g_debug ("Could not mark notifications read: %s", error->message);
      return;
    }

  for (guint i = 0; i < notifications->len; i++)
    lic_notification_set_read (g_ptr_array_index (notifications, i), TRUE);
  update (self);
}

static void
mark_shown_read (LicNotificationsButton *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *unread = g_ptr_array_new_with_free_func (g_object_unref);
  MarkRequest *request;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->notifications)); i++)
    {
      g_autoptr(LicNotification) notification =
        g_list_model_get_item (G_LIST_MODEL (self->notifications), i);
      gint64 id = lic_notification_get_id (notification);

      if (lic_notification_get_read (notification))
        continue;
      g_array_append_val (ids, id);
      g_ptr_array_add (unread, g_steal_pointer (&notification));
    }
  if (ids->len == 0 || self->client == NULL)
    {
      g_ptr_array_unref (unread);
      return;
    }

  request = g_new0 (MarkRequest, 1);
  request->self = self;
  request->notifications = unread;
  lic_client_mark_notifications_read_async (self->client, (const gint64 *) ids->data, ids->len,
                                            self->cancellable, mark_read_cb, request);
}

static void
popover_visible_cb (LicNotificationsButton *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    mark_shown_read (self);
}

static void
lic_notifications_button_dispose (GObject *object)
{
  LicNotificationsButton *self = LIC_NOTIFICATIONS_BUTTON (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  g_clear_object (&self->notifications);

  G_OBJECT_CLASS (lic_notifications_button_parent_class)->dispose (object);
}

static void
lic_notifications_button_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  LicNotificationsButton *self = LIC_NOTIFICATIONS_BUTTON (object);

  switch (prop_id)
    {
    case PROP_UNREAD_COUNT:
      g_value_set_uint (value, lic_notifications_button_get_unread_count (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_notifications_button_class_init (LicNotificationsButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lic_notifications_button_dispose;
  object_class->get_property = lic_notifications_button_get_property;

  /**
   * LicNotificationsButton:unread-count:
   *
   * How many of the notifications listed are unread.
   */
  properties[PROP_UNREAD_COUNT] =
    g_param_spec_uint ("unread-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/"
                                               "lic-notifications-button.ui");
  gtk_widget_class_bind_template_child (widget_class, LicNotificationsButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LicNotificationsButton, popover);
  gtk_widget_class_bind_template_child (widget_class, LicNotificationsButton, stack);
  gtk_widget_class_bind_template_child (widget_class, LicNotificationsButton, list);
  gtk_widget_class_bind_template_child (widget_class, LicNotificationsButton, badge_label);
  gtk_widget_class_bind_template_callback (widget_class, popover_visible_cb);
}

static void
lic_notifications_button_init (LicNotificationsButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->notifications = g_list_store_new (LIC_TYPE_NOTIFICATION);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->notifications), create_row, NULL,
                           NULL);
  update (self);
}

/**
 * lic_notifications_button_set_client:
 * @client: (nullable): the signed-in client
 *
 * Lists the client's notifications, and adds those its event stream brings.
 */
void
lic_notifications_button_set_client (LicNotificationsButton *self,
                                     LicClient              *client)
{
  g_return_if_fail (LIC_IS_NOTIFICATIONS_BUTTON (self));
  g_return_if_fail (client == NULL || LIC_IS_CLIENT (client));

  if (self->client == client)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->client, client);
  g_list_store_remove_all (self->notifications);
  update (self);
  if (client == NULL)
    return;

  g_signal_connect_object (client, "notification", G_CALLBACK (notification_cb), self,
                           G_CONNECT_SWAPPED);
  lic_client_list_notifications_async (client, NULL, PAGE_SIZE, self->cancellable, list_cb,
                                       self);
}

/**
 * lic_notifications_button_get_model:
 *
 * Returns: (transfer none): the notifications listed (#LicNotification), newest first
 */
GListModel *
lic_notifications_button_get_model (LicNotificationsButton *self)
{
  g_return_val_if_fail (LIC_IS_NOTIFICATIONS_BUTTON (self), NULL);

  return G_LIST_MODEL (self->notifications);
}

guint
lic_notifications_button_get_unread_count (LicNotificationsButton *self)
{
  guint unread = 0;

  g_return_val_if_fail (LIC_IS_NOTIFICATIONS_BUTTON (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->notifications)); i++)
    {
      g_autoptr(LicNotification) notification =
        g_list_model_get_item (G_LIST_MODEL (self->notifications), i);

      if (!lic_notification_get_read (notification))
        unread++;
    }
  return unread;
}

/* Opens the list, as a click on the bell does; what it shows is then read. */
void
lic_notifications_button_popup (LicNotificationsButton *self)
{
  g_return_if_fail (LIC_IS_NOTIFICATIONS_BUTTON (self));

  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_menu_button_popup (self->menu_button);
  else
    mark_shown_read (self);
}
