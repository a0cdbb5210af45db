/* lic-user-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-error-text.h"
#include "lic-format.h"
#include "lic-list-loader.h"
#include "lic-status-stack.h"
#include "lic-user-picker.h"

#define SEARCH_DELAY_MS 250

struct _LicUserPicker
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *save_button;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkLabel *message_label;
  LicStatusStack *status;
  GtkScrolledWindow *scroller;
  GtkStack *groups_stack;
  GtkListBox *groups_list;
  GtkListBox *users_list;

  LicClient *client;
  LicCartLine *line;            /* the cart line picked for, or NULL when picking for a pool */
  gint64 school_id;
  gint64 quantity;
  LicListLoader *loader;
  GListStore *groups;
  GtkStringFilter *group_filter;
  GHashTable *picked_users;     /* of gint64 *: the users picked one by one */
  GHashTable *picked_groups;    /* gint64 * → LicGroup: the classes picked */
  GHashTable *members;          /* gint64 * → GHashTable of gint64 *: members of a class */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (LicUserPicker, lic_user_picker, ADW_TYPE_WINDOW)

enum {
  SIGNAL_PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

/* The users picked alone and through classes, each once; a class whose members are not known
 * yet counts with its size. */
static guint
count_assigned (LicUserPicker *self)
{
  g_autoptr(GHashTable) users = id_set_new ();
  GHashTableIter iter;
  gpointer key, value;
  guint unknown = 0;

  g_hash_table_iter_init (&iter, self->picked_users);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    id_set_add (users, *(gint64 *) key);

  g_hash_table_iter_init (&iter, self->picked_groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTable *members = g_hash_table_lookup (self->members, key);
      GHashTableIter member_iter;
      gpointer member;

      if (members == NULL)
        {
          unknown += (guint) lic_group_get_member_count (value);
          continue;
        }
      g_hash_table_iter_init (&member_iter, members);
      while (g_hash_table_iter_next (&member_iter, &member, NULL))
        id_set_add (users, *(gint64 *) member);
    }
  return g_hash_table_size (users) + unknown;
}

static gboolean
in_picked_group (LicUserPicker *self,
                 gint64         user_id)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->picked_groups);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GHashTable *members = g_hash_table_lookup (self->members, key);

      if (members != NULL && g_hash_table_contains (members, &user_id))
        return TRUE;
    }
  return FALSE;
}

static void
show_message (LicUserPicker *self,
              const char    *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
refuse_more_users (LicUserPicker *self)
{
  g_autofree char *message = NULL;

  if (self->line == NULL)
    {
      message =
        /* TRANSLATORS: %d is the number of free licenses of the pool the users are picked for */
        g_strdup_printf (ngettext ("You cannot pick more users than the %d free license. "
                                   "Unpick someone first, or buy more licenses.",
                                   "You cannot pick more users than the %d free licenses. "
                                   "Unpick someone first, or buy more licenses.",
                                   (unsigned long) self->quantity),
                         (int) self->quantity);
      show_message (self, message);
      return;
    }
  message =
    /* TRANSLATORS: %d is the number of licenses of the cart line */
    g_strdup_printf (ngettext ("You cannot pick more users than the %d license of this line. "
                               "Unpick someone first, or buy more licenses.",
                               "You cannot pick more users than the %d licenses of this line. "
                               "Unpick someone first, or buy more licenses.",
                               (unsigned long) self->quantity),
                     (int) self->quantity);

  show_message (self, message);
}

static gboolean
members_pending (LicUserPicker *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->picked_groups);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->members, key))
      return TRUE;
  return FALSE;
}

/* Members of a picked class show as picked, and cannot be unpicked one by one. */
static void
sync_user_rows (LicUserPicker *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->users_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");
      LicUser *user = g_object_get_data (G_OBJECT (row), "user");
      gint64 id;
      gboolean in_group;

      if (check == NULL || user == NULL)
        continue;
      id = lic_user_get_id (user);
      in_group = in_picked_group (self, id);
      g_signal_handlers_block_matched (check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   in_group || g_hash_table_contains (self->picked_users, &id));
      g_signal_handlers_unblock_matched (check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_widget_set_sensitive (check, !in_group);
    }
}

static void
update_count (LicUserPicker *self)
{
  g_autofree char *text = lic_format_licenses_assigned (count_assigned (self), self->quantity);

  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            !members_pending (self) && count_assigned (self) <= self->quantity
                            && (self->line != NULL || count_assigned (self) > 0));
  sync_user_rows (self);
}

static void
set_check_active (GtkCheckButton *check,
                  gboolean        active,
                  gpointer        handler_data)
{
  g_signal_handlers_block_matched (check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, handler_data);
  gtk_check_button_set_active (check, active);
  g_signal_handlers_unblock_matched (check, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, handler_data);
}

static void
user_toggled_cb (GtkCheckButton *check,
                 LicUserPicker  *self)
{
  LicUser *user = g_object_get_data (G_OBJECT (check), "user");
  gint64 id = lic_user_get_id (user);

  show_message (self, NULL);
  if (!gtk_check_button_get_active (check))
    {
      g_hash_table_remove (self->picked_users, &id);
      update_count (self);
      return;
    }

  id_set_add (self->picked_users, id);
  if (count_assigned (self) > self->quantity)
    {
      g_hash_table_remove (self->picked_users, &id);
      set_check_active (check, FALSE, self);
      refuse_more_users (self);
    }
  update_count (self);
}

static GtkWidget *
create_user_row (gpointer item,
                 gpointer user_data)
{
  LicUserPicker *self = LIC_USER_PICKER (user_data);
  LicUser *user = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *title = g_markup_escape_text (lic_user_get_name (user), -1);
  g_autofree char *groups = lic_format_list (lic_user_get_groups (user), NULL);
  g_autofree char *details = NULL;
  g_autofree char *subtitle = NULL;
  gint64 id = lic_user_get_id (user);
  gboolean in_group = in_picked_group (self, id);

  if (*groups != '\0')
    /* TRANSLATORS: a user in the picker: role, then classes, "Student · 7A" */
    details = g_strdup_printf (_("%s · %s"), lic_format_role (lic_user_get_role (user)), groups);
  else
    details = g_strdup (lic_format_role (lic_user_get_role (user)));
  subtitle = g_markup_escape_text (details, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               in_group || g_hash_table_contains (self->picked_users, &id));
  gtk_widget_set_sensitive (check, !in_group);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lic_user_get_name (user),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (check), "user", g_object_ref (user), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "user", g_object_ref (user), g_object_unref);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_signal_connect (check, "toggled", G_CALLBACK (user_toggled_cb), self);
  return row;
}

typedef struct
{
  LicUserPicker *self;
  GtkCheckButton *check;        /* the class's check button, or NULL for classes picked before */
  gint64 group_id;
} MembersRequest;

static void
members_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autofree MembersRequest *request = user_data;
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkCheckButton) check = request->check;
  LicUserPicker *self;
  GHashTable *members;

  users = lic_client_list_all_users_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = request->self;
  if (check != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (check), TRUE);
  if (users == NULL)
    {
      g_hash_table_remove (self->picked_groups, &request->group_id);
      if (check != NULL)
        set_check_active (check, FALSE, self);
      show_message (self, lic_error_text_description (error));
      update_count (self);
      return;
    }

  members = id_set_new ();
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(LicUser) user = g_list_model_get_item (users, i);

      id_set_add (members, lic_user_get_id (user));
    }
  g_hash_table_insert (self->members, g_memdup2 (&request->group_id, sizeof (gint64)), members);

  if (count_assigned (self) > self->quantity && check != NULL)
    {
      g_hash_table_remove (self->picked_groups, &request->group_id);
      set_check_active (check, FALSE, self);
      refuse_more_users (self);
    }
  update_count (self);
}

static void
fetch_members (LicUserPicker  *self,
               gint64          group_id,
               GtkCheckButton *check)
{
  g_autoptr(LicUserQuery) query = lic_user_query_new (NULL);
  MembersRequest *request = g_new0 (MembersRequest, 1);

  request->self = self;
  request->check = check != NULL ? g_object_ref (check) : NULL;
  request->group_id = group_id;
  query->school_id = self->school_id;
  query->group_id = group_id;
  lic_client_list_all_users_async (self->client, query, self->cancellable, members_cb, request);
}

static void
group_toggled_cb (GtkCheckButton *check,
                  LicUserPicker  *self)
{
  LicGroup *group = g_object_get_data (G_OBJECT (check), "group");
  gint64 id = lic_group_get_id (group);

  show_message (self, NULL);
  if (!gtk_check_button_get_active (check))
    {
      g_hash_table_remove (self->picked_groups, &id);
      update_count (self);
      return;
    }

  g_hash_table_insert (self->picked_groups, g_memdup2 (&id, sizeof id), g_object_ref (group));
  if (!g_hash_table_contains (self->members, &id))
    {
      /* Whether the class fits is known once its members are. */
      gtk_widget_set_sensitive (GTK_WIDGET (check), FALSE);
      fetch_members (self, id, check);
    }
  else if (count_assigned (self) > self->quantity)
    {
      g_hash_table_remove (self->picked_groups, &id);
      set_check_active (check, FALSE, self);
      refuse_more_users (self);
    }
  update_count (self);
}

static GtkWidget *
create_group_row (gpointer item,
                  gpointer user_data)
{
  LicUserPicker *self = LIC_USER_PICKER (user_data);
  LicGroup *group = item;
  gint64 id = lic_group_get_id (group);
  gint64 n_members = lic_group_get_member_count (group);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *title = g_markup_escape_text (lic_group_get_name (group), -1);
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%d member", "%d members",
                                                         (unsigned long) n_members),
                                               (int) n_members);
  g_autofree char *label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->picked_groups, &id));
  /* TRANSLATORS: what a screen reader says for the check button of a class, "Class 7A" */
  label = g_strdup_printf (_("Class %s"), lic_group_get_name (group));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (check), "group", g_object_ref (group), g_object_unref);
  g_signal_connect (check, "toggled", G_CALLBACK (group_toggled_cb), self);
  return row;
}

static void
groups_changed_cb (GListModel    *shown,
                   guint          position,
                   guint          removed,
                   guint          added,
                   LicUserPicker *self)
{
  gtk_stack_set_visible_child_name (self->groups_stack,
                                    g_list_model_get_n_items (shown) > 0 ? "list" : "empty");
}

static void
list_groups_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LicUserPicker *self;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  groups = lic_client_list_groups_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_USER_PICKER (user_data);
  if (groups == NULL)
    {
      show_message (self, lic_error_text_description (error));
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    g_ptr_array_add (items, g_list_model_get_item (groups, i));
  g_list_store_splice (self->groups, 0, 0, items->pdata, items->len);

  /* The classes picked before are known by id until now. */
  for (guint i = 0; i < items->len; i++)
    {
      LicGroup *group = g_ptr_array_index (items, i);
      gint64 id = lic_group_get_id (group);

      if (g_hash_table_contains (self->picked_groups, &id))
        g_hash_table_replace (self->picked_groups, g_memdup2 (&id, sizeof id),
                              g_object_ref (group));
    }
  update_count (self);
}

static void
list_users_async (LicClient           *client,
                  gconstpointer        query,
                  const char          *cursor,
                  guint                limit,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  lic_client_list_users_async (client, query, cursor, limit, cancellable, callback, user_data);
}

static void
reload (LicUserPicker *self)
{
  LicUserQuery *query;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->client == NULL || self->school_id <= 0)
    return;
  query = lic_user_query_new (*text != '\0' ? text : NULL);
  query->school_id = self->school_id;
  lic_list_loader_load (self->loader, self->client, query, (GDestroyNotify) lic_user_query_free);
}

static void
search_changed_cb (LicUserPicker *self)
{
  gtk_string_filter_set_search (self->group_filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  reload (self);
}

static GArray *
ids_of (GHashTable *set)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (set));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  return ids;
}

static void
save_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LicUserPicker *self;
  g_autoptr(LicCartLine) line = NULL;
  g_autoptr(GError) error = NULL;

  line = lic_client_update_cart_line_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_USER_PICKER (user_data);
  if (line == NULL)
    {
      /* The picks stay, beside the reason the server refused them. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
      show_message (self, lic_error_text_description (error));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_cb (LicUserPicker *self)
{
  g_autoptr(GArray) user_ids = NULL;
  g_autoptr(GArray) group_ids = NULL;

  if (self->client == NULL)
    return;
  if (self->line == NULL)
    {
      /* Picking for a pool: the caller assigns the picks. */
      g_signal_emit (self, signals[SIGNAL_PICKED], 0);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  user_ids = ids_of (self->picked_users);
  group_ids = ids_of (self->picked_groups);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  show_message (self, NULL);
  lic_client_update_cart_line_async (self->client, lic_cart_line_get_id (self->line),
                                     self->quantity, user_ids, group_ids, self->cancellable,
                                     save_line_cb, self);
}

static void
lic_user_picker_dispose (GObject *object)
{
  LicUserPicker *self = LIC_USER_PICKER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIC_TYPE_USER_PICKER);
  g_clear_object (&self->loader);
  g_clear_object (&self->groups);
  g_clear_object (&self->group_filter);
  g_clear_object (&self->client);
  g_clear_object (&self->line);

  G_OBJECT_CLASS (lic_user_picker_parent_class)->dispose (object);
}

static void
lic_user_picker_finalize (GObject *object)
{
  LicUserPicker *self = LIC_USER_PICKER (object);

  g_hash_table_unref (self->picked_users);
  g_hash_table_unref (self->picked_groups);
  g_hash_table_unref (self->members);

  G_OBJECT_CLASS (lic_user_picker_parent_class)->finalize (object);
}

static void
lic_user_picker_class_init (LicUserPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lic_user_picker_dispose;
  object_class->finalize = lic_user_picker_finalize;

  g_type_ensure (LIC_TYPE_STATUS_STACK);

  /**
   * LicUserPicker::picked:
   *
   * Save was pressed in a picker for a pool (lic_user_picker_new_for_pool()); the picks are
   * read with lic_user_picker_dup_user_ids() and lic_user_picker_dup_group_ids() before the
   * picker closes.
   */
  signals[SIGNAL_PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-user-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, LicUserPicker, window_title);
  gtk_widget_class_bind_template_child (widget_class, LicUserPicker, save_button);
  gtk_widget_class_bind_template_child (widget_class, LicUserPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LicUserPicker, count_label);
  gtk_widget_class_bind_template_child (widget_class, LicUserPicker, message_label);
  gtk_widget_class_bind_template_child (widget_class, LicUserPicker, status);
  gtk_widget_class_bind_template_child (widget_class, LicUserPicker, scroller);
  gtk_widget_class_bind_template_child (widget_class, LicUserPicker, groups_stack);
  gtk_widget_class_bind_template_child (widget_class, LicUserPicker, groups_list);
  gtk_widget_class_bind_template_child (widget_class, LicUserPicker, users_list);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lic_user_picker_init (LicUserPicker *self)
{
  GtkFilterListModel *shown;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->picked_users = id_set_new ();
  self->picked_groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                               (GDestroyNotify) g_object_unref);
  self->members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) g_hash_table_unref);
  self->groups = g_list_store_new (LIC_TYPE_GROUP);
  self->group_filter = gtk_string_filter_new (gtk_property_expression_new (LIC_TYPE_GROUP, NULL,
                                                                           "name"));
  shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->groups)),
                                     g_object_ref (GTK_FILTER (self->group_filter)));
  g_signal_connect_object (shown, "items-changed", G_CALLBACK (groups_changed_cb), self, 0);
  gtk_list_box_bind_model (self->groups_list, G_LIST_MODEL (shown), create_group_row, self,
                           NULL);
  groups_changed_cb (G_LIST_MODEL (shown), 0, 0, 0, self);
  g_object_unref (shown);

  self->loader = lic_list_loader_new (LIC_TYPE_USER, list_users_async,
                                      lic_client_list_users_finish,
                                      self->status, self->scroller);
  gtk_list_box_bind_model (self->users_list, G_LIST_MODEL (self->loader),
                           create_user_row, self, NULL);
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
}

/**
 * lic_user_picker_new:
 * @parent: (nullable): the window the picker belongs to
 * @client: the signed-in client whose cart holds @line
 * @line: a line that can be assigned in advance
 * @quantity: its number of licenses, which may have been changed since @line was read
 */
LicUserPicker *
lic_user_picker_new (GtkWindow   *parent,
                     LicClient   *client,
                     LicCartLine *line,
                     gint64       quantity)
{
  LicUserPicker *self;
  const gint64 *ids;
  gsize n_ids;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (LIC_IS_CART_LINE (line), NULL);

  self = g_object_new (LIC_TYPE_USER_PICKER, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  self->line = g_object_ref (line);
  self->school_id = lic_cart_line_get_school_id (line);
  self->quantity = quantity;

  ids = lic_cart_line_get_user_ids (line, &n_ids);
  for (gsize i = 0; i < n_ids; i++)
    id_set_add (self->picked_users, ids[i]);
  ids = lic_cart_line_get_group_ids (line, &n_ids);
  for (gsize i = 0; i < n_ids; i++)
    {
      /* A placeholder of no size until the school's classes are listed. */
      LicGroup *placeholder = g_object_new (LIC_TYPE_GROUP, "id", ids[i], NULL);

      g_hash_table_insert (self->picked_groups, g_memdup2 (&ids[i], sizeof (gint64)),
                           placeholder);
      fetch_members (self, ids[i], NULL);
    }

  /* TRANSLATORS: the subtitle of the picker: a product, then a school */
  subtitle = g_strdup_printf (_("%s for %s"), lic_cart_line_get_product_name (line),
                              lic_cart_line_get_school_name (line));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  update_count (self);

  lic_client_list_groups_async (client, lic_cart_line_get_school_id (line), self->cancellable,
                                list_groups_cb, self);
  reload (self);
  return self;
}

/* How many licenses the picks use now. */
guint
lic_user_picker_get_count (LicUserPicker *self)
{
  g_return_val_if_fail (LIC_IS_USER_PICKER (self), 0);

  return count_assigned (self);
}

/**
 * lic_user_picker_new_for_pool:
 * @parent: (nullable): the window the picker belongs to
 * @client: the signed-in client
 * @pool: the pool whose free licenses the picks may use
 *
 * A picker of users and classes of the pool's school, at most as many as the pool has free
 * licenses. Save emits #LicUserPicker::picked and closes; it assigns nothing itself.
 */
LicUserPicker *
lic_user_picker_new_for_pool (GtkWindow *parent,
                              LicClient *client,
                              LicPool   *pool)
{
  LicUserPicker *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (LIC_IS_POOL (pool), NULL);

  self = g_object_new (LIC_TYPE_USER_PICKER, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  self->school_id = lic_pool_get_school_id (pool);
  self->quantity = MAX (0, lic_pool_get_available (pool) - lic_pool_get_assigned (pool));

  /* TRANSLATORS: the subtitle of the picker: a product, then a school */
  subtitle = g_strdup_printf (_("%s for %s"), lic_pool_get_product_name (pool),
                              lic_pool_get_school_name (pool));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* TRANSLATORS: the button that closes the picker to confirm assigning the picks */
  gtk_button_set_label (self->save_button, _("_Assign"));
  update_count (self);

  lic_client_list_groups_async (client, self->school_id, self->cancellable, list_groups_cb,
                                self);
  reload (self);
  return self;
}

/* The users picked one by one, as gint64 ids. */
GArray *
lic_user_picker_dup_user_ids (LicUserPicker *self)
{
  g_return_val_if_fail (LIC_IS_USER_PICKER (self), NULL);

  return ids_of (self->picked_users);
}

/* The classes picked, as gint64 ids. */
GArray *
lic_user_picker_dup_group_ids (LicUserPicker *self)
{
  g_return_val_if_fail (LIC_IS_USER_PICKER (self), NULL);

  return ids_of (self->picked_groups);
}
