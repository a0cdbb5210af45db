/* lic-keep-dialog.c
 *
 * Not a window itself: it builds the two message dialogs it shows (whom to unassign instead,
 * then the question), and each holds it while shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lic-keep-dialog.h"

struct _LicKeepDialog
{
  GObject parent_instance;

  GtkWindow *parent;            /* weak, or NULL */
  LicUser *user;                /* on the Payable list */
  gint64 pool_id;
  char *product;
  GListModel *with_access;      /* the pool's users with access, once loaded */
  GListModel *payable;          /* the pool's Payable list, once loaded */
  LicUser *instead;             /* the user chosen to unassign, or NULL */
};

G_DEFINE_FINAL_TYPE (LicKeepDialog, lic_keep_dialog, G_TYPE_OBJECT)

enum {
  SIGNAL_CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
confirm_cb (AdwMessageDialog *dialog,
            const char       *response,
            LicKeepDialog    *self)
{
  if (!g_str_equal (response, "keep"))
    return;
  g_signal_emit (self, signals[SIGNAL_CONFIRMED], 0, self->instead);
}

static void
choose_cb (AdwMessageDialog *dialog,
           const char       *response,
           LicKeepDialog    *self)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "list");
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
  g_autofree char *body = NULL;
  GtkWidget *confirm;

  if (!g_str_equal (response, "continue") || row == NULL)
    return;
  g_set_object (&self->instead, g_object_get_data (G_OBJECT (row), "user"));
  /* TRANSLATORS: the question before keeping a payable user; %1$s and %3$s are users, %2$s a
   * product */
  body = g_strdup_printf (_("%1$s keeps access to %2$s, and %3$s is unassigned from it."),
                          lic_user_get_name (self->user), self->product,
                          lic_user_get_name (self->instead));
  confirm = adw_message_dialog_new (self->parent, _("Keep Access?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (confirm),
                                    "cancel", _("_Cancel"),
                                    "keep", _("_Keep Access"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (confirm), "keep",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  /* The dialog holds what its answer needs. */
  g_signal_connect_data (confirm, "response", G_CALLBACK (confirm_cb), g_object_ref (self),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (confirm));
}

static gboolean
filter_cb (GtkListBoxRow *row,
           gpointer       user_data)
{
  GtkEditable *entry = user_data;
  LicUser *user = g_object_get_data (G_OBJECT (row), "user");
  g_autofree char *text = g_utf8_casefold (gtk_editable_get_text (entry), -1);
  g_autofree char *name = g_utf8_casefold (lic_user_get_name (user), -1);
  g_autofree char *username = g_utf8_casefold (lic_user_get_username (user), -1);

  return *text == '\0' || strstr (name, text) != NULL || strstr (username, text) != NULL;
}

static void
row_selected_cb (GtkListBox       *list,
                 GtkListBoxRow    *row,
                 AdwMessageDialog *dialog)
{
  /* Not while the dialog goes: it has dropped its responses when its list, out of it by then,
   * lets go of the row selected. */
  if (gtk_widget_get_root (GTK_WIDGET (list)) != GTK_ROOT (dialog))
    return;
  adw_message_dialog_set_response_enabled (dialog, "continue", row != NULL);
}

static gboolean
model_has_id (GListModel *users,
              gint64      user_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(LicUser) user = g_list_model_get_item (users, i);

      if (lic_user_get_id (user) == user_id)
        return TRUE;
    }
  return FALSE;
}

static void
lic_keep_dialog_dispose (GObject *object)
{
  LicKeepDialog *self = LIC_KEEP_DIALOG (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->user);
  g_clear_pointer (&self->product, g_free);
  g_clear_object (&self->with_access);
  g_clear_object (&self->payable);
  g_clear_object (&self->instead);

  G_OBJECT_CLASS (lic_keep_dialog_parent_class)->dispose (object);
}

static void
lic_keep_dialog_class_init (LicKeepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lic_keep_dialog_dispose;

  /**
   * LicKeepDialog::confirmed:
   * @instead: the user to unassign
   *
   * The admin has chosen whom to unassign and agreed; nothing has changed yet.
   */
  signals[SIGNAL_CONFIRMED] = g_signal_new ("confirmed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, LIC_TYPE_USER);
}

static void
lic_keep_dialog_init (LicKeepDialog *self)
{
}

/**
 * lic_keep_dialog_new:
 * @parent: (nullable): the window the dialogs belong to
 * @user: the user on the Payable list who is to keep access
 * @pool_id: the pool of the license
 * @product_name: its product, to name it
 *
 * Returns: (transfer full): a new #LicKeepDialog; load it, then present it
 */
LicKeepDialog *
lic_keep_dialog_new (GtkWindow  *parent,
                     LicUser    *user,
                     gint64      pool_id,
                     const char *product_name)
{
  LicKeepDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIC_IS_USER (user), NULL);
  g_return_val_if_fail (pool_id > 0, NULL);
  g_return_val_if_fail (product_name != NULL, NULL);

  self = g_object_new (LIC_TYPE_KEEP_DIALOG, NULL);
  g_set_weak_pointer (&self->parent, parent);
  self->user = g_object_ref (user);
  self->pool_id = pool_id;
  self->product = g_strdup (product_name);
  return self;
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LicKeepDialog *self = g_task_get_source_object (task);
  g_autoptr(GListModel) users = NULL;
  GError *error = NULL;

  users = lic_client_list_all_users_finish (LIC_CLIENT (source), result, &error);
  if (users == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (self->with_access == NULL)
    {
      g_autoptr(LicUserQuery) query = lic_user_query_new (NULL);
      GCancellable *cancellable = g_task_get_cancellable (task);

      /* Then the pool's Payable list, to leave out. */
      self->with_access = g_steal_pointer (&users);
      query->pool_id = self->pool_id;
      query->list = LIC_USER_LIST_PAYABLE;
      lic_client_list_all_users_async (LIC_CLIENT (source), query, cancellable, list_cb,
                                       g_steal_pointer (&task));
      return;
    }
  self->payable = g_steal_pointer (&users);
  g_task_return_boolean (task, TRUE);
}

/**
 * lic_keep_dialog_load_async:
 * @client: the signed-in client
 *
 * Loads the pool's users with access, then its Payable list.
 */
void
lic_keep_dialog_load_async (LicKeepDialog       *self,
                            LicClient           *client,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(LicUserQuery) query = NULL;

  g_return_if_fail (LIC_IS_KEEP_DIALOG (self));
  g_return_if_fail (LIC_IS_CLIENT (client));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lic_keep_dialog_load_async);
  g_clear_object (&self->with_access);
  g_clear_object (&self->payable);
  query = lic_user_query_new (NULL);
  query->pool_id = self->pool_id;
  lic_client_list_all_users_async (client, query, cancellable, list_cb, g_steal_pointer (&task));
}

gboolean
lic_keep_dialog_load_finish (LicKeepDialog  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (LIC_IS_KEEP_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * lic_keep_dialog_present:
 *
 * Both lists are in: asks whom to unassign instead, from the pool's users not on the list,
 * then asks again; "confirmed" follows a yes.
 */
void
lic_keep_dialog_present (LicKeepDialog *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog, *box, *entry, *scrolled, *list;

  g_return_if_fail (LIC_IS_KEEP_DIALOG (self));
  g_return_if_fail (self->with_access != NULL && self->payable != NULL);

  /* TRANSLATORS: in the Keep Access dialog; %1$s is a user, %2$s a product */
  body = g_strdup_printf (_("Choose a user of %2$s who is not on the Payable list. That user is "
                            "unassigned, and %1$s keeps access in their place."),
                          lic_user_get_name (self->user), self->product);
  dialog = adw_message_dialog_new (self->parent, _("Keep Access"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search users"), -1);
  gtk_box_append (GTK_BOX (box), entry);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Users with a paid license"), -1);
  for (guint i = 0; i < g_list_model_get_n_items (self->with_access); i++)
    {
      g_autoptr(LicUser) user = g_list_model_get_item (self->with_access, i);
      GtkWidget *row;

      if (model_has_id (self->payable, lic_user_get_id (user)))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lic_user_get_name (user));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lic_user_get_username (user));
      g_object_set_data_full (G_OBJECT (row), "user", g_object_ref (user), g_object_unref);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_list_box_set_filter_func (GTK_LIST_BOX (list), filter_cb, entry, NULL);
  g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (gtk_list_box_invalidate_filter),
                            list);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue", FALSE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (list, "row-selected", G_CALLBACK (row_selected_cb), dialog);
  g_object_set_data (G_OBJECT (dialog), "list", list);
  /* The dialog holds what its answer needs. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (choose_cb), g_object_ref (self),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
keep_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LicKeepDialog *self = g_task_get_source_object (task);
  g_autoptr(LicPool) pool = NULL;
  GError *error = NULL;
  char *text;

  pool = lic_client_keep_finish (LIC_CLIENT (source), result, &error);
  if (pool == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* TRANSLATORS: a toast; %1$s and %3$s are users, %2$s a product */
  text = g_strdup_printf (_("%1$s kept access to %2$s, and %3$s was unassigned."),
                          lic_user_get_name (self->user), self->product,
                          lic_user_get_name (self->instead));
  g_task_return_pointer (task, text, g_free);
}

/**
 * lic_keep_dialog_keep_async:
 * @client: the signed-in client
 *
 * Once "confirmed": the user keeps access, and the one chosen is unassigned.
 */
void
lic_keep_dialog_keep_async (LicKeepDialog       *self,
                            LicClient           *client,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (LIC_IS_KEEP_DIALOG (self));
  g_return_if_fail (LIC_IS_CLIENT (client));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->instead != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lic_keep_dialog_keep_async);
  lic_client_keep_async (client, self->pool_id, lic_user_get_id (self->user),
                         lic_user_get_id (self->instead), cancellable, keep_cb, task);
}

/**
 * lic_keep_dialog_keep_finish:
 *
 * Returns: (transfer full): the text of a toast that says what was done, or %NULL with @error
 *   set
 */
char *
lic_keep_dialog_keep_finish (LicKeepDialog  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (LIC_IS_KEEP_DIALOG (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
