/* lic-users-view.c
 *
 * The server searches and pages the users; an organization can have tens of thousands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-cell-factory.h"
#include "lic-format.h"
#include "lic-list-loader.h"
#include "lic-status-stack.h"
#include "lic-users-view.h"

#define SEARCH_DELAY_MS 250

struct _LicUsersView
{
  LicPage parent_instance;

  GtkSearchEntry *search_entry;
  LicStatusStack *status;
  GtkScrolledWindow *scroller;
  GtkColumnView *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *username_column;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *groups_column;

  LicListLoader *loader;
};

G_DEFINE_FINAL_TYPE (LicUsersView, lic_users_view, LIC_TYPE_PAGE)

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
role_text (gpointer item)
{
  return g_strdup (lic_format_role (lic_user_get_role (item)));
}

static char *
groups_text (gpointer item)
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
lic_users_view_reload (LicPage *page)
{
  LicUsersView *self = LIC_USERS_VIEW (page);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (*query != '\0')
    {
      lic_status_stack_set_empty_title (self->status, _("No Users Found"));
      lic_status_stack_set_empty_description (self->status,
                                              _("Search for the beginning of a name, a username or "
                                                "an e-mail address."));
    }
  else
    {
      lic_status_stack_set_empty_title (self->status, _("No Users Yet"));
      lic_status_stack_set_empty_description (self->status,
                                              _("Students, teachers and administrators of your "
                                                "schools appear here once they are added."));
    }
  lic_list_loader_load (self->loader, lic_page_get_client (page), lic_user_query_new (query),
                        (GDestroyNotify) lic_user_query_free);
}

static void
lic_users_view_dispose (GObject *object)
{
  LicUsersView *self = LIC_USERS_VIEW (object);

  g_clear_object (&self->loader);

  G_OBJECT_CLASS (lic_users_view_parent_class)->dispose (object);
}

static void
lic_users_view_class_init (LicUsersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LicPageClass *page_class = LIC_PAGE_CLASS (klass);

  object_class->dispose = lic_users_view_dispose;
  page_class->reload = lic_users_view_reload;

  g_type_ensure (LIC_TYPE_STATUS_STACK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-users-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, status);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, name_column);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, username_column);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, role_column);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, groups_column);
  gtk_widget_class_bind_template_callback (widget_class, lic_page_invalidate);
}

static void
lic_users_view_init (LicUsersView *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  lic_column_set_text_func (self->name_column, name_text);
  lic_column_set_text_func (self->username_column, username_text);
  lic_column_set_text_func (self->role_column, role_text);
  lic_column_set_text_func (self->groups_column, groups_text);

  self->loader = lic_list_loader_new (LIC_TYPE_USER,
                                      list_users_async,
                                      lic_client_list_users_finish,
                                      self->status, self->scroller);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (
    g_object_ref (lic_list_loader_get_model (self->loader))));
  gtk_column_view_set_model (self->column_view, selection);
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}
