/* lic-pool-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-error-text.h"
#include "lic-format.h"
#include "lic-pool-chooser.h"

struct _LicPoolChooser
{
  AdwMessageDialog parent_instance;

  GtkStack *stack;
  GtkListBox *list;
  GtkLabel *message_label;

  char *school_name;            /* may be NULL until the pools name it */
  gboolean unassign;
  GArray *held;                 /* of gint64: pools the user has a license of already */
  GListModel *pools;            /* of the school, or NULL until loaded */
  LicPool *pool;                /* the one chosen, or NULL */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (LicPoolChooser, lic_pool_chooser, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
is_held (LicPoolChooser *self,
         gint64          pool_id)
{
  for (guint i = 0; self->held != NULL && i < self->held->len; i++)
    if (g_array_index (self->held, gint64, i) == pool_id)
      return TRUE;
  return FALSE;
}

static void
check_toggled_cb (GtkCheckButton *check,
                  LicPoolChooser *self)
{
  if (!gtk_check_button_get_active (check))
    return;
  g_set_object (&self->pool, g_object_get_data (G_OBJECT (check), "pool"));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "continue", TRUE);
}

static GtkWidget *
pool_row_new (LicPoolChooser *self,
              LicPool        *pool,
              GtkCheckButton *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = NULL;
  gboolean held = !self->unassign && is_held (self, lic_pool_get_id (pool));

  if (held)
    /* TRANSLATORS: under a product in the list to assign from, when the user has a license of
     * it already */
    subtitle = g_strdup (_("Has a license already"));
  else if (self->unassign)
    subtitle = lic_format_used (lic_pool_get_assigned (pool), lic_pool_get_available (pool));
  else
    subtitle = lic_format_free (MAX (0, lic_pool_get_available (pool)
                                        - lic_pool_get_assigned (pool)),
                                lic_pool_get_available (pool));

  /* Product names come from the server: no markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lic_pool_get_product_name (pool));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lic_pool_get_product_name (pool), -1);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  g_object_set_data_full (G_OBJECT (check), "pool", g_object_ref (pool), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_sensitive (row, !held);
  return row;
}

static void
update_body (LicPoolChooser *self)
{
  g_autofree char *body = NULL;

  if (self->unassign)
    body = g_strdup (_("Choose the product whose licenses to take back. Users who have no "
                       "license of it are passed over."));
  else if (self->school_name != NULL)
    /* TRANSLATORS: in the dialog that chooses a product to assign; %s is a school */
    body = g_strdup_printf (_("Licenses belong to a school: these are the licenses of %s."),
                            self->school_name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body != NULL ? body : "");
}

static void
show_message (LicPoolChooser *self,
              const char     *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
pools_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  LicPoolChooser *self;
  g_autoptr(GListModel) pools = NULL;
  g_autoptr(GError) error = NULL;
  GtkCheckButton *group = NULL;
  guint n;

  pools = lic_client_list_all_pools_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_POOL_CHOOSER (user_data);
  g_clear_object (&self->cancellable);
  if (pools == NULL)
    {
      show_message (self, lic_error_text_description (error));
      return;
    }

  self->pools = g_steal_pointer (&pools);
  n = g_list_model_get_n_items (self->pools);
  if (self->school_name == NULL && n > 0)
    {
      g_autoptr(LicPool) first = g_list_model_get_item (self->pools, 0);

      self->school_name = g_strdup (lic_pool_get_school_name (first));
      update_body (self);
    }
  if (n == 0)
    {
      g_autofree char *text = NULL;

      if (self->school_name != NULL)
        /* TRANSLATORS: in the dialog that chooses a product, for a school without licenses;
         * %s is the school */
        text = g_strdup_printf (_("%s has no licenses yet. Buy some in the library."),
                                self->school_name);
      else
        text = g_strdup (_("The school has no licenses yet. Buy some in the library."));
      show_message (self, text);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LicPool) pool = g_list_model_get_item (self->pools, i);
      GtkWidget *row = pool_row_new (self, pool, group);

      if (group == NULL)
        group = GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
      gtk_list_box_append (self->list, row);
    }
  gtk_stack_set_visible_child_name (self->stack, "pools");
}

static void
lic_pool_chooser_dispose (GObject *object)
{
  LicPoolChooser *self = LIC_POOL_CHOOSER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIC_TYPE_POOL_CHOOSER);
  g_clear_object (&self->pools);
  g_clear_object (&self->pool);
  g_clear_pointer (&self->held, g_array_unref);
  g_clear_pointer (&self->school_name, g_free);

  G_OBJECT_CLASS (lic_pool_chooser_parent_class)->dispose (object);
}

static void
lic_pool_chooser_class_init (LicPoolChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lic_pool_chooser_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-pool-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, LicPoolChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, LicPoolChooser, list);
  gtk_widget_class_bind_template_child (widget_class, LicPoolChooser, message_label);
}

static void
lic_pool_chooser_init (LicPoolChooser *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* TRANSLATORS: the button that goes on from the chosen
                                     * product to the confirmation */
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "continue", FALSE);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* TRANSLATORS: the accessible name of the list of products
                                   * in the dialog that chooses one to assign or unassign */
                                  _("Products"), -1);
}

/**
 * lic_pool_chooser_new:
 * @parent: (nullable): the window the dialog belongs to
 * @client: the signed-in client
 * @school_id: the school of the users
 * @school_name: (nullable): its name, if known; else taken from its pools
 * @unassign: whether the licenses are to be taken back rather than given
 * @n_users: how many users the change is for
 * @user_name: (nullable): the name of the one user a license is assigned to, to name them in
 *   the heading
 *
 * Returns: (transfer none): the dialog, which loads the school's pools at once; present it
 */
LicPoolChooser *
lic_pool_chooser_new (GtkWindow  *parent,
                      LicClient  *client,
                      gint64      school_id,
                      const char *school_name,
                      gboolean    unassign,
                      guint       n_users,
                      const char *user_name)
{
  LicPoolChooser *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (school_id > 0, NULL);

  self = g_object_new (LIC_TYPE_POOL_CHOOSER, "transient-for", parent, NULL);
  self->school_name = g_strdup (school_name);
  self->unassign = unassign;

  if (unassign)
    /* TRANSLATORS: the heading of the dialog that chooses a product; %d is the users selected */
    heading = g_strdup_printf (ngettext ("Unassign a License from %d User",
                                         "Unassign a License from %d Users", n_users),
                               (int) n_users);
  else if (user_name != NULL)
    /* TRANSLATORS: the heading of the dialog that chooses a product; %s is a user's name */
    heading = g_strdup_printf (_("Assign a License to %s"), user_name);
  else
    /* TRANSLATORS: the heading of the dialog that chooses a product; %d is the users selected */
    heading = g_strdup_printf (ngettext ("Assign a License to %d User",
                                         "Assign a License to %d Users", n_users),
                               (int) n_users);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  update_body (self);

  self->cancellable = g_cancellable_new ();
  lic_client_list_all_pools_async (client, school_id, self->cancellable, pools_cb, self);
  return self;
}

/**
 * lic_pool_chooser_set_held:
 * @pool_ids: (array length=n_pool_ids): pools the user has a license of
 *
 * Marks those pools as held already, so they cannot be chosen for assigning; call it before
 * the pools have loaded.
 */
void
lic_pool_chooser_set_held (LicPoolChooser *self,
                           const gint64   *pool_ids,
                           gsize           n_pool_ids)
{
  g_return_if_fail (LIC_IS_POOL_CHOOSER (self));
  g_return_if_fail (pool_ids != NULL || n_pool_ids == 0);

  g_clear_pointer (&self->held, g_array_unref);
  self->held = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_pool_ids);
  g_array_append_vals (self->held, pool_ids, n_pool_ids);
}

/**
 * lic_pool_chooser_get_pool:
 *
 * Returns: (transfer none) (nullable): the pool chosen, or %NULL
 */
LicPool *
lic_pool_chooser_get_pool (LicPoolChooser *self)
{
  g_return_val_if_fail (LIC_IS_POOL_CHOOSER (self), NULL);

  return self->pool;
}

/**
 * lic_pool_chooser_get_pools:
 *
 * Returns: (transfer none) (nullable): the school's pools offered, or %NULL until they load
 */
GListModel *
lic_pool_chooser_get_pools (LicPoolChooser *self)
{
  g_return_val_if_fail (LIC_IS_POOL_CHOOSER (self), NULL);

  return self->pools;
}
