/* lic-pool-page.c
 *
 * The pool is fetched again on each reload, so its status summary and notices are the server's
 * of now. In the renewal period (the server gives the pool a renewal notice), "Renew…" orders
 * licenses for the next term: the quantity (what is left to renew, unless changed) at the
 * product's price, sent with that total and one idempotency key per attempt (a new pool, a new
 * key).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-cell-factory.h"
#include "lic-error-text.h"
#include "lic-format.h"
#include "lic-list-loader.h"
#include "lic-notice-banner.h"
#include "lic-pool-page.h"
#include "lic-status-stack.h"
#include "lic-user-picker.h"

struct _LicPoolPage
{
  LicPage parent_instance;

  GtkLabel *product_label;
  GtkLabel *school_label;
  GtkLabel *used_label;
  GtkLabel *status_label;
  GtkLabel *term_label;
  GtkButton *renew_button;
  LicNoticeBanner *notice_banner;
  GtkLabel *message_label;
  GtkMenuButton *assign_button;
  LicStatusStack *status;
  GtkScrolledWindow *scroller;
  GtkColumnView *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *username_column;
  GtkColumnViewColumn *class_column;
  GtkListBox *linked_list;
  GtkLabel *waiting_label;

  LicPool *pool;
  GListModel *groups;           /* of the pool's school, or NULL until loaded */
  gint64 groups_school_id;
  GCancellable *groups_cancellable;
  GStrv change_names;           /* the classes a link or unlink under way names */
  LicListLoader *loader;
  GtkMultiSelection *selection;
  GCancellable *cancellable;    /* of the change under way */
  GCancellable *pool_cancellable;       /* of fetching the pool again */
  /* Renewing: the product (for its price), the attempt's key and what it was for. */
  LicProduct *product;
  char *renew_key;
  gint64 renew_quantity;
};

G_DEFINE_FINAL_TYPE (LicPoolPage, lic_pool_page, LIC_TYPE_PAGE)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a confirmed change is to do. */
typedef struct
{
  GArray *user_ids;
  GArray *group_ids;
  char *role;                   /* an API nick, or NULL */
  gboolean unassign;
} Change;

static void
change_free (Change *change)
{
  g_clear_pointer (&change->user_ids, g_array_unref);
  g_clear_pointer (&change->group_ids, g_array_unref);
  g_free (change->role);
  g_free (change);
}

static Change *
change_new (void)
{
  Change *change = g_new0 (Change, 1);

  change->user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  change->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return change;
}

static gint64
free_licenses (LicPool *pool)
{
  return MAX (0, lic_pool_get_available (pool) - lic_pool_get_assigned (pool));
}

static char *
name_text (gpointer item)
{
  return g_strdup (lic_user_get_name (item));
}

static char *
username_text (gpointer item)
{
  return g_strdup (lic_user_get_username (item));
}

static char *
class_text (gpointer item)
{
  return lic_format_list (lic_user_get_groups (item), NULL);
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
show_message (LicPoolPage *self,
              const char  *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_actions (LicPoolPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
    GTK_SELECTION_MODEL (self->selection));
  gboolean idle = self->cancellable == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pool.unassign",
                                 idle && self->pool != NULL && !gtk_bitset_is_empty (selected));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pool.assign-picked",
                                 idle && self->pool != NULL && free_licenses (self->pool) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pool.assign-role",
                                 idle && self->pool != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pool.link",
                                 idle && self->pool != NULL && self->groups != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pool.unlink",
                                 idle && self->pool != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pool.renew", idle && self->pool != NULL);
}

static gboolean
is_linked (LicPool *pool,
           gint64   group_id)
{
  gsize n;
  const gint64 *ids = lic_pool_get_linked_group_ids (pool, &n);

  for (gsize i = 0; i < n; i++)
    if (ids[i] == group_id)
      return TRUE;
  return FALSE;
}

static LicGroup *
find_group (LicPoolPage *self,
            gint64       group_id)
{
  for (guint i = 0; self->groups != NULL && i < g_list_model_get_n_items (self->groups); i++)
    {
      g_autoptr(LicGroup) group = g_list_model_get_item (self->groups, i);

      if (lic_group_get_id (group) == group_id)
        return group;           /* the list holds a reference */
    }
  return NULL;
}

/* The auto-assign section: the linked classes, each with a button to unlink it, and the
 * members waiting for a license. */
static void
update_links (LicPoolPage *self)
{
  GtkListBoxRow *stale;
  gint64 waiting;

  /* The rows only: the placeholder is a child of the list too. */
  while ((stale = gtk_list_box_get_row_at_index (self->linked_list, 0)) != NULL)
    gtk_list_box_remove (self->linked_list, GTK_WIDGET (stale));
  if (self->pool == NULL)
    return;

  /* In the order of the school's classes, by name. */
  for (guint i = 0; self->groups != NULL && i < g_list_model_get_n_items (self->groups); i++)
    {
      g_autoptr(LicGroup) group = g_list_model_get_item (self->groups, i);
      g_autofree char *unlink_name = NULL;
      g_autofree char *members = NULL;
      GtkWidget *row, *button;

      if (!is_linked (self->pool, lic_group_get_id (group)))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lic_group_get_name (group));
      /* TRANSLATORS: under a linked class; %d is its members */
      members = g_strdup_printf (ngettext ("%d member", "%d members",
                                           (unsigned long) lic_group_get_member_count (group)),
                                 (int) lic_group_get_member_count (group));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), members);
      button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* TRANSLATORS: a tooltip of the button that unlinks a class from a pool */
      gtk_widget_set_tooltip_text (button, _("Unlink; its members keep their licenses"));
      /* TRANSLATORS: the accessible name of the button that unlinks a class; %s is the class */
      unlink_name = g_strdup_printf (_("Unlink %s"), lic_group_get_name (group));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      unlink_name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "pool.unlink");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int64 (lic_group_get_id (group)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->linked_list, row);
    }

  waiting = lic_pool_get_waiting (self->pool);
  if (waiting > 0)
    {
      /* TRANSLATORS: under the linked classes of a pool; %d is members of them without a
       * license, since none is free */
      g_autofree char *text = g_strdup_printf (ngettext ("%d pupil is waiting for a license. "
                                                         "They get one as soon as licenses "
                                                         "arrive.",
                                                         "%d pupils are waiting for a license. "
                                                         "They get one as soon as licenses "
                                                         "arrive.",
                                                         (unsigned long) waiting),
                                               (int) waiting);
      gtk_label_set_text (self->waiting_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_label), waiting > 0);
}

static void
groups_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LicPoolPage *self;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GError) error = NULL;

  groups = lic_client_list_groups_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LIC_POOL_PAGE (user_data);
  g_clear_object (&self->groups_cancellable);
  if (groups == NULL)
    {
      show_message (self, lic_error_text_description (error));
      return;
    }
  g_set_object (&self->groups, groups);
  update_links (self);
  update_actions (self);
}

/* Loads the classes of the pool's school, for their names. */
static void
load_groups (LicPoolPage *self)
{
  LicClient *client = lic_page_get_client (LIC_PAGE (self));

  if (self->pool == NULL || client == NULL)
    return;
  g_cancellable_cancel (self->groups_cancellable);
  g_clear_object (&self->groups_cancellable);
  self->groups_cancellable = g_cancellable_new ();
  self->groups_school_id = lic_pool_get_school_id (self->pool);
  lic_client_list_groups_async (client, self->groups_school_id, self->groups_cancellable,
                                groups_cb, self);
}

/* The pool's notices, and "Renew…" while the server says there is something to renew. */
static void
update_notices (LicPoolPage *self)
{
  GListModel *notices = lic_pool_get_notices (self->pool);
  gboolean renewal = FALSE;

  lic_notice_banner_set_client (self->notice_banner, lic_page_get_client (LIC_PAGE (self)));
  lic_notice_banner_clear (self->notice_banner);
  if (notices == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->renew_button), FALSE);
      return;
    }
  lic_notice_banner_add_notices (self->notice_banner, notices, lic_pool_get_id (self->pool),
                                 lic_pool_get_product_name (self->pool),
                                 lic_pool_get_school_name (self->pool));
  for (guint i = 0; i < g_list_model_get_n_items (notices); i++)
    {
      g_autoptr(LicNotice) notice = g_list_model_get_item (notices, i);

      if (lic_notice_get_kind (notice) == LIC_NOTICE_KIND_RENEWAL)
        renewal = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->renew_button), renewal);
}

static void
update_header (LicPoolPage *self)
{
  g_autofree char *used = NULL;
  g_autofree char *details = NULL;
  g_autofree char *term = NULL;
  g_autofree char *term_end = NULL;
  g_autofree char *students = NULL;
  g_autofree char *teachers = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  if (self->pool == NULL)
    return;

  gtk_label_set_text (self->product_label, lic_pool_get_product_name (self->pool));
  gtk_label_set_text (self->school_label, lic_pool_get_school_name (self->pool));
  used = lic_format_used (lic_pool_get_assigned (self->pool),
                          lic_pool_get_available (self->pool));
  gtk_label_set_text (self->used_label, used);
  details = lic_format_status_details (lic_pool_get_payable (self->pool),
                                       lic_pool_get_to_renew (self->pool),
                                       lic_pool_get_no_access (self->pool));
  gtk_label_set_text (self->status_label, details != NULL ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), details != NULL);
  update_notices (self);

  term_end = lic_format_date (lic_pool_get_term_end (self->pool));
  if (term_end != NULL)
    /* TRANSLATORS: %s is a date */
    term = g_strdup_printf (_("The term ends on %s."), term_end);
  else
    term = g_strdup (_("These licenses do not expire."));
  gtk_label_set_text (self->term_label, term);

  g_menu_append (menu, _("Users or Classes…"), "pool.assign-picked");
  /* TRANSLATORS: a menu item; %s is a school */
  students = g_strdup_printf (_("All Students of %s"), lic_pool_get_school_name (self->pool));
  item = g_menu_item_new (students, NULL);
  g_menu_item_set_action_and_target_value (item, "pool.assign-role",
                                           g_variant_new_string ("student"));
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  /* TRANSLATORS: a menu item; %s is a school */
  teachers = g_strdup_printf (_("All Teachers of %s"), lic_pool_get_school_name (self->pool));
  item = g_menu_item_new (teachers, NULL);
  g_menu_item_set_action_and_target_value (item, "pool.assign-role",
                                           g_variant_new_string ("teacher"));
  g_menu_append_item (menu, item);
  gtk_menu_button_set_menu_model (self->assign_button, G_MENU_MODEL (menu));
  update_links (self);
  update_actions (self);
}

static void
pool_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LicPoolPage *self;
  g_autoptr(GListModel) pools = NULL;
  g_autoptr(GError) error = NULL;

  pools = lic_client_list_all_pools_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_POOL_PAGE (user_data);
  if (pools == NULL)
    {
      /* The page keeps the pool it was given; the list below says what failed. */
      g_debug ("Could not fetch the pool: %s", error->message);
      return;
    }
  for (guint i = 0; self->pool != NULL && i < g_list_model_get_n_items (pools); i++)
    {
      g_autoptr(LicPool) pool = g_list_model_get_item (pools, i);

      if (lic_pool_get_id (pool) == lic_pool_get_id (self->pool))
        {
          g_set_object (&self->pool, pool);
          update_header (self);
          return;
        }
    }
}

static void
lic_pool_page_reload (LicPage *page)
{
  LicPoolPage *self = LIC_POOL_PAGE (page);
  LicUserQuery *query;

  if (self->pool == NULL)
    return;
  g_cancellable_cancel (self->pool_cancellable);
  g_clear_object (&self->pool_cancellable);
  self->pool_cancellable = g_cancellable_new ();
  lic_client_list_all_pools_async (lic_page_get_client (page), lic_pool_get_school_id (self->pool),
                                   self->pool_cancellable, pool_cb, self);
  /* The classes, for their names; again after a retry. */
  load_groups (self);
  query = lic_user_query_new (NULL);
  query->pool_id = lic_pool_get_id (self->pool);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  lic_list_loader_load (self->loader, lic_page_get_client (page), query,
                        (GDestroyNotify) lic_user_query_free);
}

/* Changing */

static void
change_done (LicPoolPage *self,
             LicPool     *pool,
             const char  *toast_title)
{
  g_autofree char *escaped = g_markup_escape_text (toast_title, -1);

  g_set_object (&self->pool, pool);
  update_header (self);
  lic_page_invalidate (LIC_PAGE (self));
  lic_page_add_toast (LIC_PAGE (self), adw_toast_new (escaped));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
assign_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LicPoolPage *self;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 assigned = 0, already = 0;

  pool = lic_client_assign_finish (LIC_CLIENT (source), result, &assigned, &already, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_POOL_PAGE (user_data);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (pool == NULL)
    {
      /* A refusal (no room) carries the server's numbers. */
      show_message (self, error->domain == LIC_ERROR && error->code == LIC_ERROR_CONFLICT
                          ? error->message : lic_error_text_description (error));
      return;
    }

  title = lic_format_assigned_toast (assigned, already, lic_pool_get_product_name (pool));
  change_done (self, pool, title);
}

static void
unassign_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LicPoolPage *self;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 unassigned = 0;

  pool = lic_client_unassign_finish (LIC_CLIENT (source), result, &unassigned, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_POOL_PAGE (user_data);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (pool == NULL)
    {
      show_message (self, lic_error_text_description (error));
      return;
    }
  title = lic_format_unassigned_toast (unassigned, lic_pool_get_product_name (pool));
  change_done (self, pool, title);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             LicPoolPage      *self)
{
  Change *change = g_object_get_data (G_OBJECT (dialog), "change");
  LicClient *client = lic_page_get_client (LIC_PAGE (self));

  if (g_strcmp0 (response, "cancel") == 0 || change == NULL || client == NULL
      || self->pool == NULL || self->cancellable != NULL)
    return;

  show_message (self, NULL);
  self->cancellable = g_cancellable_new ();
  update_actions (self);
  if (change->unassign)
    lic_client_unassign_async (client, lic_pool_get_id (self->pool),
                               (const gint64 *) change->user_ids->data, change->user_ids->len,
                               self->cancellable, unassign_cb, self);
  else
    lic_client_assign_async (client, lic_pool_get_id (self->pool),
                             (const gint64 *) change->user_ids->data, change->user_ids->len,
                             (const gint64 *) change->group_ids->data, change->group_ids->len,
                             change->role, self->cancellable, assign_cb, self);
}

/* Asks before @change (taken) is made. */
static void
confirm (LicPoolPage *self,
         const char  *heading,
         const char  *body,
         const char  *response_label,
         gboolean     destructive,
         Change      *change)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "ok", response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "change", change, (GDestroyNotify) change_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * lic_pool_page_confirm_assign:
 * @user_ids: (array length=n_user_ids) (nullable): users to assign
 * @group_ids: (array length=n_group_ids) (nullable): classes whose members to assign
 * @n_users: how many users that is, each counted once
 *
 * Asks whether to assign the licenses, saying how many that uses and how many stay free, and
 * assigns them if so.
 */
void
lic_pool_page_confirm_assign (LicPoolPage  *self,
                              const gint64 *user_ids,
                              gsize         n_user_ids,
                              const gint64 *group_ids,
                              gsize         n_group_ids,
                              guint         n_users)
{
  Change *change;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (LIC_IS_POOL_PAGE (self));
  g_return_if_fail (self->pool != NULL);
  g_return_if_fail (user_ids != NULL || n_user_ids == 0);
  g_return_if_fail (group_ids != NULL || n_group_ids == 0);

  if (n_user_ids == 0 && n_group_ids == 0)
    return;
  change = change_new ();
  g_array_append_vals (change->user_ids, user_ids, n_user_ids);
  g_array_append_vals (change->group_ids, group_ids, n_group_ids);

  heading = lic_format_assign_question (n_users);
  body = lic_format_assign_effect (n_users, free_licenses (self->pool),
                                   lic_pool_get_available (self->pool));
  /* TRANSLATORS: the button that confirms assigning licenses */
  confirm (self, heading, body, _("_Assign"), FALSE, change);
}

/**
 * lic_pool_page_confirm_assign_role:
 * @role: %LIC_ROLE_STUDENT or %LIC_ROLE_TEACHER
 *
 * Asks whether to assign a license to every user of @role at the pool's school who has none
 * yet; the server says afterwards how many that was.
 */
void
lic_pool_page_confirm_assign_role (LicPoolPage *self,
                                   LicRole      role)
{
  Change *change;
  const char *school;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  gint64 n_free;

  g_return_if_fail (LIC_IS_POOL_PAGE (self));
  g_return_if_fail (self->pool != NULL);
  g_return_if_fail (role == LIC_ROLE_STUDENT || role == LIC_ROLE_TEACHER);

  change = change_new ();
  change->role = g_strdup (lic_enum_to_nick (LIC_TYPE_ROLE, role));
  school = lic_pool_get_school_name (self->pool);
  n_free = free_licenses (self->pool);

  if (role == LIC_ROLE_STUDENT)
    {
      /* TRANSLATORS: the question before assigning licenses; %s is a school */
      heading = g_strdup_printf (_("Assign every student of %s?"), school);
      /* TRANSLATORS: the first %s is a school; then the pool's free licenses, of its total */
      body = g_strdup_printf (ngettext ("Every student of %s who has no license yet gets one. "
                                        "%d of %d licenses is free now; if there are more such "
                                        "students, nothing is assigned.",
                                        "Every student of %s who has no license yet gets one. "
                                        "%d of %d licenses are free now; if there are more such "
                                        "students, nothing is assigned.",
                                        (unsigned long) n_free),
                              school, (int) n_free, (int) lic_pool_get_available (self->pool));
    }
  else
    {
      /* TRANSLATORS: the question before assigning licenses; %s is a school */
      heading = g_strdup_printf (_("Assign every teacher of %s?"), school);
      /* TRANSLATORS: the first %s is a school; then the pool's free licenses, of its total */
      body = g_strdup_printf (ngettext ("Every teacher of %s who has no license yet gets one. "
                                        "%d of %d licenses is free now; if there are more such "
                                        "teachers, nothing is assigned.",
                                        "Every teacher of %s who has no license yet gets one. "
                                        "%d of %d licenses are free now; if there are more such "
                                        "teachers, nothing is assigned.",
                                        (unsigned long) n_free),
                              school, (int) n_free, (int) lic_pool_get_available (self->pool));
    }
  confirm (self, heading, body, _("_Assign"), FALSE, change);
}

/**
 * lic_pool_page_confirm_unassign:
 *
 * Asks whether to take back the licenses of the users selected in the list, saying how many
 * become free, and does so if so.
 */
void
lic_pool_page_confirm_unassign (LicPoolPage *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;
  Change *change;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n;

  g_return_if_fail (LIC_IS_POOL_PAGE (self));
  g_return_if_fail (self->pool != NULL);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    return;
  change = change_new ();
  change->unassign = TRUE;
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(LicUser) user = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      gint64 id = lic_user_get_id (user);

      g_array_append_val (change->user_ids, id);
    }
  n = change->user_ids->len;

  heading = lic_format_unassign_question (n);
  /* TRANSLATORS: the first %d is the licenses freed, then the pool's free licenses afterwards,
   * of its total: "3 licenses become free; 31 of 240 are then free." */
  body = g_strdup_printf (ngettext ("%d license becomes free; %d of %d are then free.",
                                    "%d licenses become free; %d of %d are then free.", n),
                          (int) n, (int) (free_licenses (self->pool) + n),
                          (int) lic_pool_get_available (self->pool));
  /* TRANSLATORS: the button that confirms taking licenses back */
  confirm (self, heading, body, _("_Unassign"), TRUE, change);
}

/* Linking classes */

static void
link_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LicPoolPage *self;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *title = NULL;
  gint64 linked = 0, assigned = 0;

  pool = lic_client_link_groups_finish (LIC_CLIENT (source), result, &linked, &assigned, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_POOL_PAGE (user_data);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (pool == NULL)
    {
      g_clear_pointer (&self->change_names, g_strfreev);
      show_message (self, lic_error_text_description (error));
      return;
    }
  names = lic_format_list ((const char * const *) self->change_names, NULL);
  g_clear_pointer (&self->change_names, g_strfreev);
  /* TRANSLATORS: a toast after linking classes to a pool; %s is the classes, "7A" or "7A, 7B",
   * and %d the users who got a license at once: "Linked 7A. 28 pupils got a license." */
  title = g_strdup_printf (ngettext ("Linked %s. %d pupil got a license.",
                                     "Linked %s. %d pupils got a license.",
                                     (unsigned long) assigned),
                           names, (int) assigned);
  change_done (self, pool, title);
}

static void
unlink_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LicPoolPage *self;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *title = NULL;

  pool = lic_client_unlink_groups_finish (LIC_CLIENT (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_POOL_PAGE (user_data);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (pool == NULL)
    {
      g_clear_pointer (&self->change_names, g_strfreev);
      show_message (self, lic_error_text_description (error));
      return;
    }
  names = lic_format_list ((const char * const *) self->change_names, NULL);
  g_clear_pointer (&self->change_names, g_strfreev);
  /* TRANSLATORS: a toast after unlinking a class from a pool; %s is the class. Unlinking takes
   * no license back. */
  title = g_strdup_printf (_("Unlinked %s. Its members keep their licenses."), names);
  change_done (self, pool, title);
}

static void
link_check_toggled_cb (GtkCheckButton   *check,
                       AdwMessageDialog *dialog)
{
  GtkWidget *list = g_object_get_data (G_OBJECT (dialog), "list");
  gboolean any = FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL && !any;
       row = gtk_widget_get_next_sibling (row))
    any = gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "check"));
  adw_message_dialog_set_response_enabled (dialog, "link", any);
}

static void
link_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  LicPoolPage      *self)
{
  GtkWidget *list = g_object_get_data (G_OBJECT (dialog), "list");
  LicClient *client = lic_page_get_client (LIC_PAGE (self));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (g_strcmp0 (response, "link") != 0 || client == NULL || self->pool == NULL
      || self->cancellable != NULL)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      LicGroup *group = g_object_get_data (G_OBJECT (row), "group");
      gint64 id;

      if (!gtk_check_button_get_active (check))
        continue;
      id = lic_group_get_id (group);
      g_array_append_val (ids, id);
      g_strv_builder_add (names, lic_group_get_name (group));
    }
  if (ids->len == 0)
    return;

  show_message (self, NULL);
  g_strfreev (self->change_names);
  self->change_names = g_strv_builder_end (names);
  self->cancellable = g_cancellable_new ();
  update_actions (self);
  lic_client_link_groups_async (client, lic_pool_get_id (self->pool),
                                (const gint64 *) ids->data, ids->len, self->cancellable,
                                link_cb, self);
}

/**
 * lic_pool_page_show_link_dialog:
 *
 * Offers the classes of the pool's school not linked yet, each with a check button; linking
 * them gives their members without a license the free licenses at once.
 */
void
lic_pool_page_show_link_dialog (LicPoolPage *self)
{
  GtkRoot *root;
  AdwMessageDialog *dialog;
  GtkWidget *scroller, *list;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  gint64 n_free;
  guint n_rows = 0;

  g_return_if_fail (LIC_IS_POOL_PAGE (self));
  g_return_if_fail (self->pool != NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  n_free = free_licenses (self->pool);
  /* TRANSLATORS: the heading of the dialog that links classes to a pool; %s is a product */
  heading = g_strdup_printf (_("Link Classes to %s"), lic_pool_get_product_name (self->pool));
  /* TRANSLATORS: in the dialog that links classes to a pool; %d is its free licenses */
  body = g_strdup_printf (ngettext ("Members of the classes who have no license get one at once "
                                    "while any is free (%d is free now), and so do pupils who "
                                    "join later. The others wait for licenses to arrive.",
                                    "Members of the classes who have no license get one at once "
                                    "while any is free (%d are free now), and so do pupils who "
                                    "join later. The others wait for licenses to arrive.",
                                    (unsigned long) n_free),
                          (int) n_free);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* TRANSLATORS: the accessible name of the list of classes
                                   * in the dialog that links classes to a pool */
                                  _("Classes to link"), -1);
  for (guint i = 0; self->groups != NULL && i < g_list_model_get_n_items (self->groups); i++)
    {
      g_autoptr(LicGroup) group = g_list_model_get_item (self->groups, i);
      g_autofree char *members = NULL;
      GtkWidget *row, *check;

      if (is_linked (self->pool, lic_group_get_id (group)))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lic_group_get_name (group));
      /* TRANSLATORS: under a class; %d is its members */
      members = g_strdup_printf (ngettext ("%d member", "%d members",
                                           (unsigned long) lic_group_get_member_count (group)),
                                 (int) lic_group_get_member_count (group));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), members);
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      lic_group_get_name (group), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_object_set_data_full (G_OBJECT (row), "group", g_object_ref (group), g_object_unref);
      g_signal_connect_object (check, "toggled", G_CALLBACK (link_check_toggled_cb), dialog, 0);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      n_rows++;
    }
  if (n_rows == 0)
    /* TRANSLATORS: in the dialog that links classes to a pool, when there is none to link */
    gtk_list_box_set_placeholder (GTK_LIST_BOX (list),
                                  gtk_label_new (_("Every class of the school is linked.")));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  adw_message_dialog_set_extra_child (dialog, scroller);
  g_object_set_data (G_OBJECT (dialog), "list", list);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* TRANSLATORS: the button that links the classes picked */
                                    "link", _("_Link"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "link", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "link", FALSE);
  adw_message_dialog_set_default_response (dialog, "link");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (link_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * lic_pool_page_unlink:
 * @group_id: a class linked to the pool
 *
 * Unlinks the class; that changes no assignment, and the toast says so.
 */
void
lic_pool_page_unlink (LicPoolPage *self,
                      gint64       group_id)
{
  LicClient *client;
  LicGroup *group;
  const char *names[2] = { NULL, NULL };

  g_return_if_fail (LIC_IS_POOL_PAGE (self));
  g_return_if_fail (self->pool != NULL);

  client = lic_page_get_client (LIC_PAGE (self));
  if (client == NULL || self->cancellable != NULL)
    return;
  group = find_group (self, group_id);
  names[0] = group != NULL ? lic_group_get_name (group) : "";
  show_message (self, NULL);
  g_strfreev (self->change_names);
  self->change_names = g_strdupv ((char **) names);
  self->cancellable = g_cancellable_new ();
  update_actions (self);
  lic_client_unlink_groups_async (client, lic_pool_get_id (self->pool), &group_id, 1,
                                  self->cancellable, unlink_cb, self);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lic_pool_page_show_link_dialog (LIC_POOL_PAGE (widget));
}

static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  lic_pool_page_unlink (LIC_POOL_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
picked_cb (LicUserPicker *picker,
           LicPoolPage   *self)
{
  g_autoptr(GArray) user_ids = lic_user_picker_dup_user_ids (picker);
  g_autoptr(GArray) group_ids = lic_user_picker_dup_group_ids (picker);

  lic_pool_page_confirm_assign (self, (const gint64 *) user_ids->data, user_ids->len,
                                (const gint64 *) group_ids->data, group_ids->len,
                                lic_user_picker_get_count (picker));
}

static void
assign_picked_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LicPoolPage *self = LIC_POOL_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  LicClient *client = lic_page_get_client (LIC_PAGE (self));
  LicUserPicker *picker;

  if (self->pool == NULL || client == NULL)
    return;
  picker = lic_user_picker_new_for_pool (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         client, self->pool);
  g_signal_connect_object (picker, "picked", G_CALLBACK (picked_cb), self, 0);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
assign_role_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  int role = LIC_ROLE_STUDENT;

  lic_enum_from_nick (LIC_TYPE_ROLE, g_variant_get_string (parameter, NULL), &role);
  lic_pool_page_confirm_assign_role (LIC_POOL_PAGE (widget), role);
}

static void
unassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  lic_pool_page_confirm_unassign (LIC_POOL_PAGE (widget));
}

/* Renewing */

static void send_renewal (LicPoolPage *self,
                          gint64       quantity);

static void
renew_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  LicPoolPage *self;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  pool = lic_client_renew_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_POOL_PAGE (user_data);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (pool == NULL)
    {
      /* A lost answer keeps the key: "Renew…" again with the same quantity sends it again. */
      if (!g_error_matches (error, LIC_ERROR, LIC_ERROR_NETWORK)
          && !g_error_matches (error, LIC_ERROR, LIC_ERROR_SERVER)
          && !g_error_matches (error, LIC_ERROR, LIC_ERROR_PARSE))
        g_clear_pointer (&self->renew_key, g_free);
      show_message (self, lic_error_text_description (error));
      return;
    }
  g_clear_pointer (&self->renew_key, g_free);
  show_message (self, NULL);
  /* TRANSLATORS: a toast; %1$d is a number of licenses, %2$s a product */
  text = g_strdup_printf (ngettext ("Renewed %1$d license of %2$s for the next term.",
                                    "Renewed %1$d licenses of %2$s for the next term.",
                                    (unsigned long) self->renew_quantity),
                          (int) self->renew_quantity, lic_pool_get_product_name (pool));
  change_done (self, pool, text);
}

static void
send_renewal (LicPoolPage *self,
              gint64       quantity)
{
  LicClient *client = lic_page_get_client (LIC_PAGE (self));

  if (client == NULL || self->pool == NULL || self->product == NULL)
    return;
  /* One key per attempt: a new quantity is a new attempt. */
  if (self->renew_key == NULL || self->renew_quantity != quantity)
    {
      g_free (self->renew_key);
      self->renew_key = g_uuid_string_random ();
      self->renew_quantity = quantity;
    }
  self->cancellable = g_cancellable_new ();
  update_actions (self);
  lic_client_renew_async (client, lic_pool_get_id (self->pool), quantity, self->renew_key,
                          quantity * lic_product_get_price (self->product), self->cancellable,
                          renew_cb, self);
}

static void
renew_total_cb (GtkSpinButton *spin,
                GtkLabel      *label)
{
  LicProduct *product = g_object_get_data (G_OBJECT (spin), "product");
  g_autofree char *total = lic_format_money (gtk_spin_button_get_value_as_int (spin)
                                             * lic_product_get_price (product),
                                             lic_product_get_currency (product));
  /* TRANSLATORS: under the number of licenses to renew; %s is an amount of money */
  g_autofree char *text = g_strdup_printf (_("Total: %s"), total);

  gtk_label_set_text (label, text);
}

static void
renew_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   LicPoolPage      *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (dialog), "spin");

  if (!g_str_equal (response, "renew"))
    return;
  gtk_spin_button_update (spin);
  send_renewal (self, gtk_spin_button_get_value_as_int (spin));
}

static void
show_renew_dialog (LicPoolPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *price = NULL;
  g_autofree char *body = NULL;
  g_autofree char *term_end = lic_format_date (lic_pool_get_term_end (self->pool));
  GtkWidget *dialog, *box, *row, *spin, *total;

  price = lic_format_price_per_term (lic_product_get_price (self->product),
                                     lic_product_get_currency (self->product),
                                     lic_product_get_term_months (self->product));
  /* TRANSLATORS: in the renewal dialog; %1$s is a product, %2$s a school, %3$s the date the
   * term ends, %4$s the price of one license, "€12.90 per year" */
  body = g_strdup_printf (_("Order licenses of %1$s at %2$s for the term after %3$s, at %4$s. "
                            "Users beyond the licenses renewed lose access when the term "
                            "ends."),
                          lic_pool_get_product_name (self->pool),
                          lic_pool_get_school_name (self->pool),
                          term_end != NULL ? term_end : "", price);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Renew Licenses?"), body);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Licenses"));
  spin = gtk_spin_button_new_with_range (1, 100000, 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                             MAX (1, lic_pool_get_to_renew (self->pool)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Number of licenses to renew"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  {
    GtkWidget *list = gtk_list_box_new ();

    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    gtk_widget_add_css_class (list, "boxed-list");
    gtk_list_box_append (GTK_LIST_BOX (list), row);
    gtk_box_append (GTK_BOX (box), list);
  }
  total = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (total), 1);
  gtk_widget_add_css_class (total, "heading");
  gtk_box_append (GTK_BOX (box), total);
  g_object_set_data_full (G_OBJECT (spin), "product", g_object_ref (self->product),
                          g_object_unref);
  g_signal_connect (spin, "value-changed", G_CALLBACK (renew_total_cb), total);
  renew_total_cb (GTK_SPIN_BUTTON (spin), GTK_LABEL (total));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "renew", _("_Renew"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "renew",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "renew");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "spin", spin);
  g_signal_connect_object (dialog, "response", G_CALLBACK (renew_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
renew_product_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LicPoolPage *self;
  g_autoptr(LicProduct) product = NULL;
  g_autoptr(GError) error = NULL;

  product = lic_client_get_product_finish (LIC_CLIENT (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_POOL_PAGE (user_data);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (product == NULL)
    {
      show_message (self, lic_error_text_description (error));
      return;
    }
  g_set_object (&self->product, product);
  show_renew_dialog (self);
}

/**
 * lic_pool_page_renew:
 *
 * Asks how many licenses of the pool to renew for the next term, at what price, and orders
 * them when confirmed.
 */
void
lic_pool_page_renew (LicPoolPage *self)
{
  LicClient *client;

  g_return_if_fail (LIC_IS_POOL_PAGE (self));

  client = lic_page_get_client (LIC_PAGE (self));
  if (client == NULL || self->pool == NULL || self->cancellable != NULL)
    return;
  /* The price now, from the server. */
  self->cancellable = g_cancellable_new ();
  update_actions (self);
  lic_client_get_product_async (client, lic_pool_get_product_id (self->pool), self->cancellable,
                                renew_product_cb, self);
}

static void
renew_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  lic_pool_page_renew (LIC_POOL_PAGE (widget));
}

static void
selection_changed_cb (LicPoolPage *self)
{
  update_actions (self);
}

static void
lic_pool_page_dispose (GObject *object)
{
  LicPoolPage *self = LIC_POOL_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->groups_cancellable);
  g_clear_object (&self->groups_cancellable);
  g_cancellable_cancel (self->pool_cancellable);
  g_clear_object (&self->pool_cancellable);
  g_clear_object (&self->groups);
  g_clear_object (&self->product);
  g_clear_pointer (&self->renew_key, g_free);
  g_clear_pointer (&self->change_names, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIC_TYPE_POOL_PAGE);
  g_clear_object (&self->loader);
  g_clear_object (&self->selection);
  g_clear_object (&self->pool);

  G_OBJECT_CLASS (lic_pool_page_parent_class)->dispose (object);
}

static void
lic_pool_page_class_init (LicPoolPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LicPageClass *page_class = LIC_PAGE_CLASS (klass);

  object_class->dispose = lic_pool_page_dispose;
  page_class->reload = lic_pool_page_reload;

  /**
   * LicPoolPage::changed:
   *
   * Licenses of the pool were assigned or unassigned.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  g_type_ensure (LIC_TYPE_STATUS_STACK);
  g_type_ensure (LIC_TYPE_NOTICE_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-pool-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, product_label);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, school_label);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, used_label);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, term_label);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, renew_button);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, notice_banner);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, assign_button);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, status);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, username_column);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, class_column);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, linked_list);
  gtk_widget_class_bind_template_child (widget_class, LicPoolPage, waiting_label);
  gtk_widget_class_bind_template_callback (widget_class, lic_page_invalidate);

  gtk_widget_class_install_action (widget_class, "pool.assign-picked", NULL,
                                   assign_picked_action);
  gtk_widget_class_install_action (widget_class, "pool.assign-role", "s", assign_role_action);
  gtk_widget_class_install_action (widget_class, "pool.unassign", NULL, unassign_action);
  gtk_widget_class_install_action (widget_class, "pool.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "pool.unlink", "x", unlink_action);
  gtk_widget_class_install_action (widget_class, "pool.renew", NULL, renew_action);
}

static void
lic_pool_page_init (LicPoolPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* TRANSLATORS: shown in the list of linked classes of a pool while it has none */
  placeholder = gtk_label_new (_("No classes linked"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->linked_list, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->linked_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* TRANSLATORS: the accessible name of the list of classes
                                   * linked to a pool */
                                  _("Linked classes"), -1);

  lic_column_set_text_func (self->name_column, name_text);
  lic_column_set_text_func (self->username_column, username_text);
  lic_column_set_text_func (self->class_column, class_text);

  self->loader = lic_list_loader_new (LIC_TYPE_USER, list_users_async,
                                      lic_client_list_users_finish,
                                      self->status, self->scroller);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->loader)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->assign_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assign licenses"), -1);
  update_actions (self);
}

LicPool *
lic_pool_page_get_pool (LicPoolPage *self)
{
  g_return_val_if_fail (LIC_IS_POOL_PAGE (self), NULL);

  return self->pool;
}

/* Shows @pool; its users load when the page is shown. */
void
lic_pool_page_set_pool (LicPoolPage *self,
                        LicPool     *pool)
{
  g_return_if_fail (LIC_IS_POOL_PAGE (self));
  g_return_if_fail (LIC_IS_POOL (pool));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->groups_school_id != lic_pool_get_school_id (pool))
    g_clear_object (&self->groups);
  /* A key belongs to one pool's renewal attempt. */
  if (self->pool == NULL || lic_pool_get_id (self->pool) != lic_pool_get_id (pool))
    g_clear_pointer (&self->renew_key, g_free);
  g_set_object (&self->pool, pool);
  show_message (self, NULL);
  update_header (self);
  lic_page_invalidate (LIC_PAGE (self));
}
