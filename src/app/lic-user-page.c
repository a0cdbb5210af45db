/* lic-user-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-error-text.h"
#include "lic-format.h"
#include "lic-pool-chooser.h"
#include "lic-status-stack.h"
#include "lic-user-page.h"

struct _LicUserPage
{
  LicPage parent_instance;

  LicStatusStack *status;
  GtkLabel *name_label;
  GtkLabel *message_label;
  GtkLabel *username_label;
  GtkLabel *email_label;
  GtkLabel *role_label;
  GtkLabel *school_label;
  GtkLabel *classes_label;
  GtkListBox *licenses_list;

  LicUser *user;
  GListModel *licenses;         /* of LicUserLicense, or NULL until loaded */
  LicClient *schools_client;    /* whose schools are listed, or NULL */
  GListModel *schools;          /* of LicSchool, for the school's name */
  GCancellable *cancellable;    /* of the change under way */
};

G_DEFINE_FINAL_TYPE (LicUserPage, lic_user_page, LIC_TYPE_PAGE)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a confirmed change is to do. */
typedef struct
{
  gint64 pool_id;
  gboolean unassign;
} Change;

static void
show_message (LicUserPage *self,
              const char  *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_actions (LicUserPage *self)
{
  gboolean ready = self->licenses != NULL && self->cancellable == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "user.assign", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "user.unassign", ready);
}

static const char *
school_name (LicUserPage *self)
{
  gint64 school_id = lic_user_get_school_id (self->user);

  for (guint i = 0; self->schools != NULL && i < g_list_model_get_n_items (self->schools); i++)
    {
      g_autoptr(LicSchool) school = g_list_model_get_item (self->schools, i);

      if (lic_school_get_id (school) == school_id)
        return lic_school_get_name (school);   /* the list holds a reference */
    }
  return NULL;
}

static GtkWidget *
license_row_new (LicUserLicense *license)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state, *button;
  LicLicenseState license_state = lic_user_license_get_state (license);
  const char *product = lic_user_license_get_product_name (license);
  g_autofree char *date = lic_format_date (lic_user_license_get_assigned_at (license));
  g_autofree char *assigned = NULL;
  g_autofree char *unassign_name = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), product);
  if (date != NULL)
    {
      /* TRANSLATORS: under a license of a user; %s is a date, "Assigned July 31, 2027" */
      assigned = g_strdup_printf (_("Assigned %s"), date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), assigned);
    }

  state = gtk_label_new (lic_format_license_state (license_state));
  gtk_widget_add_css_class (state, license_state == LIC_LICENSE_STATE_NO_ACCESS ? "error"
                                                                                 : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

  /* TRANSLATORS: the button that takes a license back from the user shown */
  button = gtk_button_new_with_label (_("Unassign"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* TRANSLATORS: the tooltip of the Unassign button of a user's license */
  gtk_widget_set_tooltip_text (button, _("Take this license back"));
  /* TRANSLATORS: the accessible name of the Unassign button; %s is a product */
  unassign_name = g_strdup_printf (_("Unassign %s"), product);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  unassign_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "user.unassign");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (
                                            lic_user_license_get_pool_id (license)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
update (LicUserPage *self)
{
  const char *email, *school;
  g_autofree char *classes = NULL;
  GtkListBoxRow *row;

  if (self->user == NULL)
    return;

  gtk_label_set_text (self->name_label, lic_user_get_name (self->user));
  gtk_label_set_text (self->username_label, lic_user_get_username (self->user));
  email = lic_user_get_email (self->user);
  /* TRANSLATORS: in a user's details, when they have no e-mail address */
  gtk_label_set_text (self->email_label, email != NULL && *email != '\0' ? email
                                                                        : C_("e-mail", "None"));
  gtk_label_set_text (self->role_label, lic_format_role (lic_user_get_role (self->user)));
  school = school_name (self);
  gtk_label_set_text (self->school_label, school != NULL ? school : "");
  classes = lic_format_list (lic_user_get_groups (self->user), NULL);
  /* TRANSLATORS: in a user's details, when they are in no class */
  gtk_label_set_text (self->classes_label, *classes != '\0' ? classes : C_("classes", "None"));

  /* The rows only: the placeholder is a child of the list too. */
  while ((row = gtk_list_box_get_row_at_index (self->licenses_list, 0)) != NULL)
    gtk_list_box_remove (self->licenses_list, GTK_WIDGET (row));
  for (guint i = 0; self->licenses != NULL && i < g_list_model_get_n_items (self->licenses); i++)
    {
      g_autoptr(LicUserLicense) license = g_list_model_get_item (self->licenses, i);

      gtk_list_box_append (self->licenses_list, license_row_new (license));
    }
  update_actions (self);
}

static void
get_user_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LicUserPage *self;
  g_autoptr(LicUser) user = NULL;
  g_autoptr(GListModel) licenses = NULL;
  g_autoptr(GError) error = NULL;

  user = lic_client_get_user_finish (LIC_CLIENT (source), result, &licenses, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_USER_PAGE (user_data);
  if (user == NULL)
    {
      /* What is shown stays when only reloading after a change. */
      if (self->licenses == NULL)
        lic_status_stack_show_error (self->status, error);
      else
        show_message (self, lic_error_text_description (error));
      return;
    }
  g_set_object (&self->user, user);
  g_set_object (&self->licenses, licenses);
  update (self);
  lic_status_stack_show_content (self->status);
}

static void
load_user (LicUserPage *self)
{
  LicPage *page = LIC_PAGE (self);

  lic_client_get_user_async (lic_page_get_client (page), lic_user_get_id (self->user),
                             lic_page_restart_cancellable (page), get_user_cb, self);
}

static void
list_schools_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LicUserPage *self;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;

  schools = lic_client_list_schools_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_USER_PAGE (user_data);
  if (schools == NULL)
    {
      g_clear_object (&self->schools_client);
      lic_status_stack_show_error (self->status, error);
      return;
    }
  g_set_object (&self->schools, schools);
  load_user (self);
}

static void
lic_user_page_reload (LicPage *page)
{
  LicUserPage *self = LIC_USER_PAGE (page);
  LicClient *client = lic_page_get_client (page);

  if (self->user == NULL)
    return;
  if (self->licenses == NULL)
    lic_status_stack_show_loading (self->status);
  /* The schools once per client, for the name of the user's. */
  if (self->schools_client != client)
    {
      g_set_object (&self->schools_client, client);
      g_clear_object (&self->schools);
      lic_client_list_schools_async (client, lic_page_restart_cancellable (page),
                                     list_schools_cb, self);
      return;
    }
  load_user (self);
}

/* Changing */

static void
change_done (LicUserPage *self,
             const char  *toast_title)
{
  g_autofree char *escaped = g_markup_escape_text (toast_title, -1);

  lic_page_invalidate (LIC_PAGE (self));
  lic_page_add_toast (LIC_PAGE (self), adw_toast_new (escaped));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
assign_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LicUserPage *self;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 assigned = 0, already = 0;

  pool = lic_client_assign_finish (LIC_CLIENT (source), result, &assigned, &already, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_USER_PAGE (user_data);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (pool == NULL)
    {
      /* A refusal (no license free) carries the server's numbers. */
      show_message (self, lic_error_text_description (error));
      return;
    }
  title = lic_format_assigned_toast (assigned, already, lic_pool_get_product_name (pool));
  change_done (self, title);
}

static void
unassign_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LicUserPage *self;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 unassigned = 0;

  pool = lic_client_unassign_finish (LIC_CLIENT (source), result, &unassigned, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_USER_PAGE (user_data);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (pool == NULL)
    {
      show_message (self, lic_error_text_description (error));
      return;
    }
  title = lic_format_unassigned_toast (unassigned, lic_pool_get_product_name (pool));
  change_done (self, title);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LicUserPage      *self)
{
  Change *change = g_object_get_data (G_OBJECT (dialog), "change");
  LicClient *client = lic_page_get_client (LIC_PAGE (self));
  gint64 user_id;

  if (g_strcmp0 (response, "ok") != 0 || change == NULL || client == NULL
      || self->user == NULL || self->cancellable != NULL)
    return;

  user_id = lic_user_get_id (self->user);
  show_message (self, NULL);
  self->cancellable = g_cancellable_new ();
  update_actions (self);
  if (change->unassign)
    lic_client_unassign_async (client, change->pool_id, &user_id, 1, self->cancellable,
                               unassign_cb, self);
  else
    lic_client_assign_async (client, change->pool_id, &user_id, 1, NULL, 0, NULL,
                             self->cancellable, assign_cb, self);
}

/* Asks before @change (taken) is made. */
static void
confirm (LicUserPage *self,
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
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "ok", response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "change", change, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response_cb (LicPoolChooser *chooser,
                     const char     *response,
                     LicUserPage    *self)
{
  LicPool *pool = lic_pool_chooser_get_pool (chooser);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  Change *change;

  if (g_strcmp0 (response, "continue") != 0 || pool == NULL)
    return;
  change = g_new0 (Change, 1);
  change->pool_id = lic_pool_get_id (pool);
  heading = lic_format_assign_question (1);
  body = lic_format_assign_effect (1, lic_pool_get_available (pool) - lic_pool_get_assigned (pool),
                                   lic_pool_get_available (pool));
  /* TRANSLATORS: the button that confirms assigning licenses */
  confirm (self, heading, body, _("_Assign"), FALSE, change);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LicUserPage *self = LIC_USER_PAGE (widget);
  LicClient *client = lic_page_get_client (LIC_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (gint64));
  LicPoolChooser *chooser;

  if (self->user == NULL || self->licenses == NULL || client == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (self->licenses); i++)
    {
      g_autoptr(LicUserLicense) license = g_list_model_get_item (self->licenses, i);
      gint64 pool_id = lic_user_license_get_pool_id (license);

      g_array_append_val (held, pool_id);
    }
  chooser = lic_pool_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, client,
                                  lic_user_get_school_id (self->user), school_name (self),
                                  FALSE, 1, lic_user_get_name (self->user));
  lic_pool_chooser_set_held (chooser, (const gint64 *) held->data, held->len);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (chooser));
}

/**
 * lic_user_page_confirm_unassign:
 * @pool_id: the pool of one of the user's licenses
 *
 * Asks whether to take that license back from the user, and does so if so.
 */
void
lic_user_page_confirm_unassign (LicUserPage *self,
                                gint64       pool_id)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *product = NULL;
  Change *change;

  g_return_if_fail (LIC_IS_USER_PAGE (self));

  for (guint i = 0; self->licenses != NULL && i < g_list_model_get_n_items (self->licenses); i++)
    {
      g_autoptr(LicUserLicense) license = g_list_model_get_item (self->licenses, i);

      if (lic_user_license_get_pool_id (license) == pool_id)
        product = lic_user_license_get_product_name (license);   /* the list holds it */
    }
  if (product == NULL)
    return;

  change = g_new0 (Change, 1);
  change->pool_id = pool_id;
  change->unassign = TRUE;
  /* TRANSLATORS: the question before taking a user's license back; %s is a product */
  heading = g_strdup_printf (_("Unassign %s?"), product);
  /* TRANSLATORS: the first %s is a user's name, the second a product */
  body = g_strdup_printf (_("%s loses their license of %s, and it becomes free for someone "
                            "else."), lic_user_get_name (self->user), product);
  /* TRANSLATORS: the button that confirms taking licenses back */
  confirm (self, heading, body, _("_Unassign"), TRUE, change);
}

static void
unassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  lic_user_page_confirm_unassign (LIC_USER_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
lic_user_page_dispose (GObject *object)
{
  LicUserPage *self = LIC_USER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->user);
  g_clear_object (&self->licenses);
  g_clear_object (&self->schools_client);
  g_clear_object (&self->schools);

  G_OBJECT_CLASS (lic_user_page_parent_class)->dispose (object);
}

static void
lic_user_page_class_init (LicUserPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LicPageClass *page_class = LIC_PAGE_CLASS (klass);

  object_class->dispose = lic_user_page_dispose;
  page_class->reload = lic_user_page_reload;

  /**
   * LicUserPage::changed:
   *
   * A license was assigned to the user or taken back.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  g_type_ensure (LIC_TYPE_STATUS_STACK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-user-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LicUserPage, status);
  gtk_widget_class_bind_template_child (widget_class, LicUserPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LicUserPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, LicUserPage, username_label);
  gtk_widget_class_bind_template_child (widget_class, LicUserPage, email_label);
  gtk_widget_class_bind_template_child (widget_class, LicUserPage, role_label);
  gtk_widget_class_bind_template_child (widget_class, LicUserPage, school_label);
  gtk_widget_class_bind_template_child (widget_class, LicUserPage, classes_label);
  gtk_widget_class_bind_template_child (widget_class, LicUserPage, licenses_list);
  gtk_widget_class_bind_template_callback (widget_class, lic_page_invalidate);

  gtk_widget_class_install_action (widget_class, "user.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "user.unassign", "x", unassign_action);
}

static void
lic_user_page_init (LicUserPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* TRANSLATORS: shown in the list of a user's licenses while they have none */
  placeholder = gtk_label_new (_("No licenses"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->licenses_list, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->licenses_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* TRANSLATORS: the accessible name of the list of a user's
                                   * licenses */
                                  _("Licenses of the user"), -1);
  update_actions (self);
}

/**
 * lic_user_page_get_user:
 *
 * Returns: (transfer none) (nullable): the user shown
 */
LicUser *
lic_user_page_get_user (LicUserPage *self)
{
  g_return_val_if_fail (LIC_IS_USER_PAGE (self), NULL);

  return self->user;
}

/**
 * lic_user_page_set_user:
 * @user: a user, as a list gives it
 *
 * Shows @user; their details and licenses load when the page is shown.
 */
void
lic_user_page_set_user (LicUserPage *self,
                        LicUser     *user)
{
  g_return_if_fail (LIC_IS_USER_PAGE (self));
  g_return_if_fail (LIC_IS_USER (user));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->user, user);
  g_clear_object (&self->licenses);
  show_message (self, NULL);
  update (self);
  lic_page_invalidate (LIC_PAGE (self));
}

/**
 * lic_user_page_get_licenses:
 *
 * Returns: (transfer none) (nullable): the user's licenses as last loaded, a list model of
 *   #LicUserLicense, or %NULL until they load
 */
GListModel *
lic_user_page_get_licenses (LicUserPage *self)
{
  g_return_val_if_fail (LIC_IS_USER_PAGE (self), NULL);

  return self->licenses;
}
