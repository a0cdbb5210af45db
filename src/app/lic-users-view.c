/* lic-users-view.c
 *
 * The server searches, filters and pages the users; an organization can have a hundred
 * thousand, and the list holds only the pages scrolled to. The school filter shows when the
 * admin has several schools; the class filter lists the classes of the school chosen (of the
 * only school), so it waits for a school to be chosen when there are several.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-cell-factory.h"
#include "lic-filter.h"
#include "lic-format.h"
#include "lic-list-loader.h"
#include "lic-status-stack.h"
#include "lic-users-view.h"

#define SEARCH_DELAY_MS 250

struct _LicUsersView
{
  LicPage parent_instance;

  GtkSearchEntry *search_entry;
  GtkFlowBox *filters;
  GtkDropDown *role_dropdown;
  GtkDropDown *school_dropdown;
  GtkDropDown *group_dropdown;
  LicStatusStack *status;
  GtkScrolledWindow *scroller;
  GtkColumnView *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *username_column;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *school_column;
  GtkColumnViewColumn *groups_column;

  LicListLoader *loader;
  LicClient *schools_client;    /* whose schools are listed, or NULL */
  GCancellable *schools_cancellable;
  gint64 groups_school_id;      /* whose classes are listed, or 0 */
  GCancellable *groups_cancellable;
  guint filling;                /* filters being filled: their changes load nothing */
  char *searched;               /* the text of the search loaded last */
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
school_text (gpointer item,
             gpointer user_data)
{
  LicUsersView *self = user_data;

  return g_strdup (lic_filter_get_name (self->school_dropdown, lic_user_get_school_id (item)));
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
fill_schools (LicUsersView *self,
              GListModel   *schools)
{
  self->filling++;
  lic_filter_set_objects (self->school_dropdown, _("All schools"), schools,
                          (LicFilterNameFunc) lic_school_get_name,
                          (LicFilterIdFunc) lic_school_get_id);
  self->filling--;
  /* The School column's cells are made again, with the names. */
  lic_column_set_text_data_func (self->school_column, school_text, self);
}

static void
fill_groups (LicUsersView *self,
             GListModel   *groups)
{
  self->filling++;
  lic_filter_set_objects (self->group_dropdown, _("All classes"), groups,
                          (LicFilterNameFunc) lic_group_get_name,
                          (LicFilterIdFunc) lic_group_get_id);
  self->filling--;
}

static void
list_schools_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LicUsersView *self;
  g_autoptr(GListModel) schools = NULL;
  g_autoptr(GError) error = NULL;

  schools = lic_client_list_schools_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_USERS_VIEW (user_data);
  if (schools == NULL)
    {
      /* The filter just offers no schools; the next reload asks again. */
      g_debug ("Could not list the schools: %s", error->message);
      g_clear_object (&self->schools_client);
      return;
    }
  fill_schools (self, schools);
}

static void
list_groups_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LicUsersView *self;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GError) error = NULL;

  groups = lic_client_list_groups_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_USERS_VIEW (user_data);
  if (groups == NULL)
    {
      g_debug ("Could not list the classes: %s", error->message);
      self->groups_school_id = 0;
      return;
    }
  fill_groups (self, groups);
}

/* The only school of the admin, or 0 when there are several (or none). */
static gint64
only_school_id (LicClient *client)
{
  gsize n_school_ids = 0;
  const gint64 *school_ids = lic_client_get_school_ids (client, &n_school_ids);

  return n_school_ids == 1 ? school_ids[0] : 0;
}

/* Its flow box cell too, so that no empty cell is left. */
static void
show_school_filter (LicUsersView *self,
                    gboolean      shown)
{
  gtk_widget_set_visible (GTK_WIDGET (self->school_dropdown), shown);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->school_dropdown)), shown);
}

/* The schools of the signed-in admin, once per client. */
static void
load_schools (LicUsersView *self)
{
  LicClient *client = lic_page_get_client (LIC_PAGE (self));
  gsize n_school_ids = 0;

  if (self->schools_client == client)
    return;
  g_set_object (&self->schools_client, client);
  lic_client_get_school_ids (client, &n_school_ids);
  show_school_filter (self, n_school_ids > 1);
  fill_schools (self, NULL);
  self->groups_school_id = 0;
  fill_groups (self, NULL);

  g_cancellable_cancel (self->schools_cancellable);
  g_clear_object (&self->schools_cancellable);
  self->schools_cancellable = g_cancellable_new ();
  lic_client_list_schools_async (client, self->schools_cancellable, list_schools_cb, self);
}

/* The class filter lists the classes of the school chosen, or of the only one. */
static void
load_groups (LicUsersView *self)
{
  LicClient *client = lic_page_get_client (LIC_PAGE (self));
  gint64 school_id = lic_filter_get_id (self->school_dropdown);

  if (school_id == 0)
    school_id = only_school_id (client);
  gtk_widget_set_sensitive (GTK_WIDGET (self->group_dropdown), school_id != 0);
  if (school_id == self->groups_school_id)
    return;
  self->groups_school_id = school_id;
  fill_groups (self, NULL);

  g_cancellable_cancel (self->groups_cancellable);
  g_clear_object (&self->groups_cancellable);
  if (school_id == 0)
    return;
  self->groups_cancellable = g_cancellable_new ();
  lic_client_list_groups_async (client, school_id, self->groups_cancellable, list_groups_cb,
                                self);
}

static LicUserQuery *
make_query (LicUsersView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  LicUserQuery *query = lic_user_query_new (*text != '\0' ? text : NULL);
  guint role = gtk_drop_down_get_selected (self->role_dropdown);

  /* The roles' items follow LicRole after "All roles". */
  if (role != GTK_INVALID_LIST_POSITION && role > 0)
    query->role = (int) role - 1;
  query->school_id = lic_filter_get_id (self->school_dropdown);
  query->group_id = lic_filter_get_id (self->group_dropdown);
  return query;
}

static void
lic_users_view_reload (LicPage *page)
{
  LicUsersView *self = LIC_USERS_VIEW (page);
  LicUserQuery *query;

  load_schools (self);
  load_groups (self);
  query = make_query (self);
  g_free (self->searched);
  self->searched = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (query->text != NULL || query->role >= 0 || query->school_id > 0 || query->group_id > 0)
    {
      lic_status_stack_set_empty_title (self->status, _("No Users Found"));
      lic_status_stack_set_empty_description (self->status,
                                              _("Search for the beginning of a name, a username or "
                                                "an e-mail address, or try other filters."));
    }
  else
    {
      lic_status_stack_set_empty_title (self->status, _("No Users Yet"));
      lic_status_stack_set_empty_description (self->status,
                                              _("Students, teachers and administrators of your "
                                                "schools appear here once they are added."));
    }
  lic_list_loader_load (self->loader, lic_page_get_client (page), query,
                        (GDestroyNotify) lic_user_query_free);
}

/* GTK 4.8's search entry also says so, now and then, when its text has not changed; a new
 * first page would then throw away the pages scrolled to. */
static void
search_changed_cb (LicUsersView *self)
{
  if (g_strcmp0 (self->searched, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    lic_page_invalidate (LIC_PAGE (self));
}

static void
filter_changed_cb (LicUsersView *self)
{
  if (self->filling == 0)
    lic_page_invalidate (LIC_PAGE (self));
}

/* Another school: its classes, and no class chosen. */
static void
school_changed_cb (LicUsersView *self)
{
  if (self->filling > 0)
    return;
  if (lic_page_get_client (LIC_PAGE (self)) != NULL)
    load_groups (self);
  lic_page_invalidate (LIC_PAGE (self));
}

static void
lic_users_view_dispose (GObject *object)
{
  LicUsersView *self = LIC_USERS_VIEW (object);

  g_cancellable_cancel (self->schools_cancellable);
  g_clear_object (&self->schools_cancellable);
  g_cancellable_cancel (self->groups_cancellable);
  g_clear_object (&self->groups_cancellable);
  g_clear_object (&self->schools_client);
  g_clear_pointer (&self->searched, g_free);
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
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, filters);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, school_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, status);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, name_column);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, username_column);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, role_column);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, school_column);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, groups_column);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, school_changed_cb);
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
  lic_column_set_text_data_func (self->school_column, school_text, self);
  lic_column_set_text_func (self->groups_column, groups_text);

  /* Until the client is known: no schools to choose from, and no classes. */
  show_school_filter (self, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->group_dropdown), FALSE);
  fill_schools (self, NULL);
  fill_groups (self, NULL);
  lic_filter_row_init (self->filters);

  self->loader = lic_list_loader_new (LIC_TYPE_USER,
                                      list_users_async,
                                      lic_client_list_users_finish,
                                      self->status, self->scroller);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (
    g_object_ref (G_LIST_MODEL (self->loader))));
  gtk_column_view_set_model (self->column_view, selection);
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}
