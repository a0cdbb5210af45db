/* lic-users-view.c
 *
 * The server searches, filters and pages the users; an organization can have a hundred
 * thousand, and the list holds only the pages scrolled to. The school filter shows when the
 * admin has several schools; the class filter lists the classes of the school chosen (of the
 * only school), so it waits for a school to be chosen when there are several.
 *
 * The lists "Payable" and "No access" are the same table over GET /users?list=: the server
 * decides who is in them, and the filters and search narrow them as they do everyone. Their
 * items say of which products and since or until when, shown in columns of their own; a notice
 * opens a list narrowed to one pool, which a filter button shows and takes away.
 *
 * "Keep Access…" (one Payable user selected) lets that user keep the license in place of a
 * user of the same pool who is not on the list, chosen from those (POST /pools/{id}/keep).
 *
 * CSV: "Download CSV…" saves the users the list and filters find (the server writes the file)
 * and "Import Users…" sends a file to the server, which imports all its rows or none; the rows
 * in error are then listed by line number, so the admin can correct the file.
 *
 * Rows can be selected (Ctrl+A selects the rows loaded) for assigning or unassigning a license
 * of one product to all of them at once. Licenses belong to a school, so a selection of users
 * of several schools is refused before anything is asked. Activating a row opens the user's
 * page in place of the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lic-cell-factory.h"
#include "lic-error-text.h"
#include "lic-filter.h"
#include "lic-format.h"
#include "lic-keep-dialog.h"
#include "lic-list-loader.h"
#include "lic-pool-chooser.h"
#include "lic-status-stack.h"
#include "lic-user-page.h"
#include "lic-users-view.h"

#define SEARCH_DELAY_MS 250

/* The rows in error a dialog lists; the rest are counted. */
#define MAX_ROW_ERRORS_SHOWN 10

struct _LicUsersView
{
  LicPage parent_instance;

  GtkStack *pages;              /* the table | a user's page */
  GtkWidget *table_page;
  LicUserPage *user_page;
  GtkToggleButton *all_button;
  GtkToggleButton *payable_button;
  GtkToggleButton *no_access_button;
  GtkActionBar *action_bar;
  GtkLabel *selected_label;
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
  GtkColumnViewColumn *product_column;
  GtkColumnViewColumn *loses_access_column;
  GtkColumnViewColumn *no_access_since_column;
  GtkButton *pool_filter_button;
  GtkLabel *pool_filter_label;
  GtkButton *keep_button;
  gint64 pool_id;               /* the pool the list is narrowed to, or 0 */

  LicListLoader *loader;
  GtkMultiSelection *selection;
  LicClient *schools_client;    /* whose schools are listed, or NULL */
  GCancellable *schools_cancellable;
  gint64 groups_school_id;      /* whose classes are listed, or 0 */
  GCancellable *groups_cancellable;
  guint filling;                /* filters being filled: their changes load nothing */
  char *searched;               /* the text of the search loaded last */

  GtkFileChooserNative *file_chooser;   /* the save or open dialog shown, or NULL */
  GCancellable *csv_cancellable;        /* of the download or import under way, or NULL */
  GCancellable *change_cancellable;     /* of the assignment under way, or NULL */
};

G_DEFINE_FINAL_TYPE (LicUsersView, lic_users_view, LIC_TYPE_PAGE)

static void lic_users_view_start_search (LicPage *page);

enum {
  PROP_0,
  PROP_USER_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_LICENSES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

/* The products of a user's Payable or No access entries. */
static char *
list_products_text (gpointer item)
{
  GPtrArray *entries = lic_user_get_list_entries (item);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    g_strv_builder_add (names, ((LicUserListEntry *) g_ptr_array_index (entries, i))->product_name);
  list = g_strv_builder_end (names);
  return lic_format_list ((const char * const *) list, NULL);
}

/* The earliest date of a user's entries: when the first license goes, or went. */
static char *
list_date_text (gpointer item)
{
  GPtrArray *entries = lic_user_get_list_entries (item);
  const char *earliest = NULL;
  char *date;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const char *entry_date = ((LicUserListEntry *) g_ptr_array_index (entries, i))->date;

      /* ISO 8601 in UTC sorts as text. */
      if (entry_date != NULL && (earliest == NULL || strcmp (entry_date, earliest) < 0))
        earliest = entry_date;
    }
  date = lic_format_date (earliest);
  return date != NULL ? date : g_strdup ("");
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

/* A filter and its flow box cell, so that no empty cell takes a place in the row. */
static void
show_filter (GtkWidget *filter,
             gboolean   shown)
{
  gtk_widget_set_visible (filter, shown);
  gtk_widget_set_visible (gtk_widget_get_parent (filter), shown);
}

static void
show_school_filter (LicUsersView *self,
                    gboolean      shown)
{
  show_filter (GTK_WIDGET (self->school_dropdown), shown);
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

static void update_selection (LicUsersView *self);

static LicUserList
shown_list (LicUsersView *self)
{
  if (gtk_toggle_button_get_active (self->payable_button))
    return LIC_USER_LIST_PAYABLE;
  if (gtk_toggle_button_get_active (self->no_access_button))
    return LIC_USER_LIST_NO_ACCESS;
  return LIC_USER_LIST_ALL;
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
  query->list = shown_list (self);
  query->pool_id = query->list != LIC_USER_LIST_ALL ? self->pool_id : 0;
  return query;
}

static void
lic_users_view_reload (LicPage *page)
{
  LicUsersView *self = LIC_USERS_VIEW (page);
  LicUserQuery *query;

  /* Another admin signed in: the user shown was the last one's. */
  if (lic_page_get_client (LIC_PAGE (self->user_page)) != lic_page_get_client (page))
    lic_users_view_show_users (self);
  load_schools (self);
  load_groups (self);
  query = make_query (self);
  gtk_column_view_column_set_visible (self->product_column, query->list != LIC_USER_LIST_ALL);
  gtk_column_view_column_set_visible (self->loses_access_column,
                                      query->list == LIC_USER_LIST_PAYABLE);
  gtk_column_view_column_set_visible (self->no_access_since_column,
                                      query->list == LIC_USER_LIST_NO_ACCESS);
  show_filter (GTK_WIDGET (self->pool_filter_button),
               query->list != LIC_USER_LIST_ALL && self->pool_id > 0);
  update_selection (self);
  g_free (self->searched);
  self->searched = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (query->list == LIC_USER_LIST_PAYABLE)
    {
      lic_status_stack_set_empty_title (self->status, _("No Payable Users"));
      lic_status_stack_set_empty_description (self->status,
                                              _("Users assigned beyond the licenses paid for "
                                                "are listed here, with the date they lose "
                                                "access."));
    }
  else if (query->list == LIC_USER_LIST_NO_ACCESS)
    {
      lic_status_stack_set_empty_title (self->status, _("No Users Without Access"));
      lic_status_stack_set_empty_description (self->status,
                                              _("Users whose licenses were suspended for late "
                                                "payment are listed here."));
    }
  else if (query->text != NULL || query->role >= 0 || query->school_id > 0 || query->group_id > 0)
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

/* Each of the grouped buttons says so; only the one turned on loads. */
static void
clear_pool_filter_cb (LicUsersView *self)
{
  self->pool_id = 0;
  lic_page_invalidate (LIC_PAGE (self));
}

static void
list_toggled_cb (LicUsersView    *self,
                 GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
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


/* CSV */

static GtkWindow *
parent_window (LicUsersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* One download or import at a time. */
static void
set_csv_busy (LicUsersView *self,
              gboolean      busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.export", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.import", !busy);
  if (!busy)
    g_clear_object (&self->csv_cancellable);
}

static GCancellable *
start_csv (LicUsersView *self)
{
  g_assert (self->csv_cancellable == NULL);

  set_csv_busy (self, TRUE);
  self->csv_cancellable = g_cancellable_new ();
  return self->csv_cancellable;
}

static void
show_toast (LicUsersView *self,
            const char   *text)
{
  /* Toast titles are markup in libadwaita 1.2. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  lic_page_add_toast (LIC_PAGE (self), adw_toast_new (escaped));
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "");
}

/* The records after the header: line breaks outside quotes (RFC 4180 quotes are doubled, so
 * toggling on each quote is right). */
static guint
count_records (GBytes *csv)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (csv, &size);
  gboolean quoted = FALSE;
  guint records = 0;

  for (gsize i = 0; i < size; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (data[i] == '\n' && !quoted)
        records++;
    }
  if (size > 0 && data[size - 1] != '\n')
    records++;
  return records > 0 ? records - 1 : 0;
}

/* A part of a file name: lower case ASCII words joined by '-'. */
static void
append_name_part (GString    *name,
                  const char *part)
{
  g_autofree char *down = NULL;
  g_autofree char *ascii = NULL;
  gboolean dash = name->len > 0;

  if (part == NULL || *part == '\0')
    return;
  down = g_utf8_strdown (part, -1);
  ascii = g_str_to_ascii (down, NULL);
  for (const char *c = ascii; *c != '\0'; c++)
    {
      if (g_ascii_isalnum (*c))
        {
          if (dash)
            g_string_append_c (name, '-');
          g_string_append_c (name, *c);
          dash = FALSE;
        }
      else if (name->len > 0)
        dash = TRUE;
    }
}

/* "users.csv", or named after the list and filters: "payable-teachers-ekbackeskolan.csv". */
static char *
suggested_file_name (LicUsersView *self)
{
  g_autoptr(LicUserQuery) query = make_query (self);
  g_autoptr(GString) name = g_string_new (NULL);
  gsize list_length;

  switch (query->list)
    {
    case LIC_USER_LIST_PAYABLE:
      /* TRANSLATORS: a word of a file name of exported users of the Payable list: lower case,
       * no spaces */
      append_name_part (name, C_("file name", "payable"));
      break;
    case LIC_USER_LIST_NO_ACCESS:
      /* TRANSLATORS: words of a file name of exported users of the No Access list: lower
       * case, words joined by "-" */
      append_name_part (name, C_("file name", "no-access"));
      break;
    default:
      break;
    }
  list_length = name->len;

  switch (query->role)
    {
    case LIC_ROLE_STUDENT:
      /* TRANSLATORS: a word of a file name of exported users: lower case, no spaces */
      append_name_part (name, C_("file name", "students"));
      break;
    case LIC_ROLE_TEACHER:
      /* TRANSLATORS: a word of a file name of exported users: lower case, no spaces */
      append_name_part (name, C_("file name", "teachers"));
      break;
    case LIC_ROLE_ADMINISTRATOR:
      /* TRANSLATORS: a word of a file name of exported users: lower case, no spaces */
      append_name_part (name, C_("file name", "administrators"));
      break;
    default:
      break;
    }
  if (query->school_id > 0)
    append_name_part (name, lic_filter_get_name (self->school_dropdown, query->school_id));
  if (query->group_id > 0)
    append_name_part (name, lic_filter_get_name (self->group_dropdown, query->group_id));
  if (name->len == list_length)
    /* TRANSLATORS: a word of a file name of exported users: lower case, no spaces */
    append_name_part (name, C_("file name", "users"));
  g_string_append (name, ".csv");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

typedef struct
{
  LicUsersView *self;           /* not a reference: the view cancels in dispose */
  GFile *file;
  guint n_users;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->file);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
export_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  LicUsersView *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *text = NULL;

  g_file_replace_contents_finish (G_FILE (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = export->self;
  set_csv_busy (self, FALSE);
  file_name = file_display_name (export->file);
  if (error != NULL)
    /* TRANSLATORS: a toast; %s is a file name, then the reason, e.g. "Permission denied" */
    text = g_strdup_printf (_("Could not save %s: %s"), file_name, error->message);
  else
    /* TRANSLATORS: a toast; %d is the users written, %s the file name */
    text = g_strdup_printf (ngettext ("Saved %d user to %s", "Saved %d users to %s",
                                      export->n_users),
                            export->n_users, file_name);
  show_toast (self, text);
}

static void
export_downloaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  LicUsersView *self;
  GFile *file;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;

  csv = lic_client_export_users_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = export->self;
  if (csv == NULL)
    {
      g_autofree char *text = NULL;

      set_csv_busy (self, FALSE);
      /* TRANSLATORS: a toast; %s says why, e.g. "Sign in again." */
      text = g_strdup_printf (_("Could not download the users: %s"),
                              lic_error_text_description (error));
      show_toast (self, text);
      return;
    }
  export->n_users = count_records (csv);
  file = export->file;
  g_file_replace_contents_bytes_async (file, csv, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->csv_cancellable, export_saved_cb,
                                       g_steal_pointer (&export));
}

/**
 * lic_users_view_export_to_file:
 * @file: where to save
 *
 * Downloads the users the filters find as CSV and saves them in @file, then says so in a
 * toast. What the save dialog does once a file is chosen; tests call it directly.
 */
void
lic_users_view_export_to_file (LicUsersView *self,
                               GFile        *file)
{
  LicClient *client;
  g_autoptr(LicUserQuery) query = NULL;
  Export *export;

  g_return_if_fail (LIC_IS_USERS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  client = lic_page_get_client (LIC_PAGE (self));
  if (client == NULL || self->csv_cancellable != NULL)
    return;
  query = make_query (self);
  export = g_new0 (Export, 1);
  export->self = self;
  export->file = g_object_ref (file);
  lic_client_export_users_async (client, query, start_csv (self), export_downloaded_cb, export);
}

/* Lists the rows in error, the first MAX_ROW_ERRORS_SHOWN of them, in a dialog. */
static void
show_row_errors (LicUsersView *self,
                 GPtrArray    *row_errors)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;
  guint n = row_errors->len;

  g_string_append_printf (body,
                          /* TRANSLATORS: the start of the "Nothing Was Imported" dialog; %d is
                           * the rows in error, listed below it by line number */
                          ngettext ("%d row of the file has an error. Correct it and import the "
                                    "file again.",
                                    "%d rows of the file have errors. Correct them and import "
                                    "the file again.", n),
                          (int) n);
  g_string_append (body, "\n");
  for (guint i = 0; i < n && i < MAX_ROW_ERRORS_SHOWN; i++)
    {
      const LicImportRowError *row = g_ptr_array_index (row_errors, i);

      g_string_append_c (body, '\n');
      /* TRANSLATORS: a row in error of an imported file; %d is its line number, %s the reason
       * (from the server, e.g. role “janitor” is not student, teacher or administrator) */
      g_string_append_printf (body, _("Line %d: %s"), (int) row->line, row->message);
    }
  if (n > MAX_ROW_ERRORS_SHOWN)
    {
      guint more = n - MAX_ROW_ERRORS_SHOWN;

      g_string_append (body, "\n\n");
      /* TRANSLATORS: after the rows in error listed in the "Nothing Was Imported" dialog */
      g_string_append_printf (body, ngettext ("And %d more row has an error.",
                                              "And %d more rows have errors.", more),
                              (int) more);
    }

  /* TRANSLATORS: the heading of a dialog: an import of users was refused */
  dialog = adw_message_dialog_new (parent_window (self), _("Nothing Was Imported"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  LicUsersView *self;           /* not a reference: the view cancels in dispose */
  GFile *file;
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->file);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Import) import = user_data;
  LicUsersView *self;
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 created = 0, updated = 0, unchanged = 0;

  lic_client_import_users_finish (LIC_CLIENT (source), result, &created, &updated, &unchanged,
                                  &row_errors, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = import->self;
  set_csv_busy (self, FALSE);
  if (row_errors != NULL && row_errors->len > 0)
    {
      show_row_errors (self, row_errors);
      return;
    }
  if (error != NULL)
    {
      g_autofree char *file_name = file_display_name (import->file);

      /* TRANSLATORS: a toast; %s is a file name, then why, e.g. "Sign in again." */
      text = g_strdup_printf (_("Could not import %s: %s"), file_name,
                              lic_error_text_description (error));
      show_toast (self, text);
      return;
    }

  /* TRANSLATORS: a toast after an import of users: the users added, the users changed, and
   * the rows that matched a user as they are */
  text = g_strdup_printf (_("Imported: %d new, %d updated, %d unchanged"),
                          (int) created, (int) updated, (int) unchanged);
  show_toast (self, text);
  if (created > 0 || updated > 0)
    lic_page_invalidate (LIC_PAGE (self));
}

static void
import_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Import) import = user_data;
  LicUsersView *self;
  LicClient *client;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;

  csv = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = import->self;
  client = lic_page_get_client (LIC_PAGE (self));
  if (csv == NULL || client == NULL)
    {
      g_autofree char *file_name = file_display_name (import->file);
      g_autofree char *text = NULL;

      set_csv_busy (self, FALSE);
      if (csv == NULL)
        {
          /* TRANSLATORS: a toast; %s is a file name, then the reason, e.g. "No such file" */
          text = g_strdup_printf (_("Could not read %s: %s"), file_name, error->message);
          show_toast (self, text);
        }
      return;
    }
  lic_client_import_users_async (client, csv, self->csv_cancellable, import_done_cb,
                                 g_steal_pointer (&import));
}

/**
 * lic_users_view_import_file:
 * @file: a CSV file of users
 *
 * Reads @file and imports its users: a toast with the numbers and a new list, or a dialog
 * listing the rows in error when nothing was imported. What the open dialog does once a file is
 * chosen; tests call it directly.
 */
void
lic_users_view_import_file (LicUsersView *self,
                            GFile        *file)
{
  Import *import;

  g_return_if_fail (LIC_IS_USERS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (lic_page_get_client (LIC_PAGE (self)) == NULL || self->csv_cancellable != NULL)
    return;
  import = g_new0 (Import, 1);
  import->self = self;
  import->file = g_object_ref (file);
  g_file_load_bytes_async (file, start_csv (self), import_loaded_cb, import);
}

static void
file_chooser_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          LicUsersView    *self)
{
  GtkFileChooserAction action = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->file_chooser);
  if (file == NULL)
    return;
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    lic_users_view_export_to_file (self, file);
  else
    lic_users_view_import_file (self, file);
}

static void
show_file_chooser (LicUsersView         *self,
                   GtkFileChooserNative *chooser)
{
  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
      g_clear_object (&self->file_chooser);
    }
  self->file_chooser = chooser;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LicUsersView *self = LIC_USERS_VIEW (widget);
  g_autofree char *name = suggested_file_name (self);
  GtkFileChooserNative *chooser;

  /* TRANSLATORS: the title of the save dialog of Download CSV… */
  chooser = gtk_file_chooser_native_new (_("Download Users as CSV"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  show_file_chooser (self, chooser);
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LicUsersView *self = LIC_USERS_VIEW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  /* TRANSLATORS: the name of a file filter in the open dialog of Import Users… */
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  /* TRANSLATORS: the title of the open dialog of Import Users… */
  chooser = gtk_file_chooser_native_new (_("Import Users"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         /* TRANSLATORS: the button of the open dialog */
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  show_file_chooser (self, chooser);
}

/* Assigning and unassigning licenses of the selected users */

/* What a confirmed change is to do. */
typedef struct
{
  GArray *user_ids;
  LicPool *pool;
  gboolean unassign;
} Change;

static void
change_free (Change *change)
{
  g_clear_pointer (&change->user_ids, g_array_unref);
  g_clear_object (&change->pool);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Change, change_free)

static guint
n_selected (LicUsersView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
    GTK_SELECTION_MODEL (self->selection));

  return (guint) gtk_bitset_get_size (selected);
}

/* The bar says how many are selected, and offers what can be done with them. */
static void
update_selection (LicUsersView *self)
{
  guint n = n_selected (self);
  gboolean idle = self->change_cancellable == NULL;

  if (n > 0)
    {
      /* TRANSLATORS: in the bar under the users table; %d is the users selected */
      g_autofree char *text = g_strdup_printf (ngettext ("%d selected", "%d selected", n),
                                               (int) n);

      gtk_label_set_text (self->selected_label, text);
    }
  gtk_action_bar_set_revealed (self->action_bar, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.assign", idle && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.unassign", idle && n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->keep_button), shown_list (self) == LIC_USER_LIST_PAYABLE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.keep",
                                 idle && n == 1 && shown_list (self) == LIC_USER_LIST_PAYABLE);
}

/* A change is under way: one at a time. */
static void
set_change_busy (LicUsersView *self,
                 gboolean      busy)
{
  if (busy)
    {
      g_assert (self->change_cancellable == NULL);
      self->change_cancellable = g_cancellable_new ();
    }
  else
    g_clear_object (&self->change_cancellable);
  update_selection (self);
}

static void
show_dialog (LicUsersView *self,
             const char   *heading,
             const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The table is stale, the selection done with, and the licenses' numbers elsewhere too. */
static void
change_done (LicUsersView *self,
             const char   *toast_title)
{
  show_toast (self, toast_title);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  lic_page_invalidate (LIC_PAGE (self));
  g_signal_emit (self, signals[SIGNAL_LICENSES_CHANGED], 0);
}

static void
assign_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LicUsersView *self;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 assigned = 0, already = 0;

  pool = lic_client_assign_finish (LIC_CLIENT (source), result, &assigned, &already, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_USERS_VIEW (user_data);
  set_change_busy (self, FALSE);
  if (pool == NULL)
    {
      /* A refusal (too few licenses free, users of another school) is the server's to
       * explain; the selection stays, to be changed. */
      show_dialog (self, _("No Licenses Were Assigned"), lic_error_text_description (error));
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
  LicUsersView *self;
  g_autoptr(LicPool) pool = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 unassigned = 0;

  pool = lic_client_unassign_finish (LIC_CLIENT (source), result, &unassigned, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_USERS_VIEW (user_data);
  set_change_busy (self, FALSE);
  if (pool == NULL)
    {
      show_dialog (self, _("No Licenses Were Unassigned"), lic_error_text_description (error));
      return;
    }
  /* The server counts only the users who had a license of the pool. */
  title = lic_format_unassigned_toast (unassigned, lic_pool_get_product_name (pool));
  change_done (self, title);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LicUsersView     *self)
{
  Change *change = g_object_get_data (G_OBJECT (dialog), "change");
  LicClient *client = lic_page_get_client (LIC_PAGE (self));
  const gint64 *ids;

  if (g_strcmp0 (response, "ok") != 0 || change == NULL || client == NULL
      || self->change_cancellable != NULL)
    return;

  ids = (const gint64 *) change->user_ids->data;
  set_change_busy (self, TRUE);
  if (change->unassign)
    lic_client_unassign_async (client, lic_pool_get_id (change->pool), ids, change->user_ids->len,
                               self->change_cancellable, unassign_cb, self);
  else
    lic_client_assign_async (client, lic_pool_get_id (change->pool), ids, change->user_ids->len,
                             NULL, 0, NULL, self->change_cancellable, assign_cb, self);
}

/* Asks before @change (taken) is made, saying what it uses of the pool. */
static void
confirm (LicUsersView *self,
         Change       *change)
{
  LicPool *pool = change->pool;
  guint n = change->user_ids->len;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (change->unassign)
    {
      heading = lic_format_unassign_question (n);
      /* TRANSLATORS: the body of the question before taking licenses back from the users
       * selected; %s is a product */
      body = g_strdup_printf (_("Those who have a license of %s lose it, and it becomes free "
                                "for someone else. The others are passed over."),
                              lic_pool_get_product_name (pool));
    }
  else
    {
      heading = lic_format_assign_question (n);
      body = lic_format_assign_effect (n, lic_pool_get_available (pool)
                                          - lic_pool_get_assigned (pool),
                                       lic_pool_get_available (pool));
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "ok", change->unassign
                                          /* TRANSLATORS: the button that confirms taking
                                           * licenses back */
                                          ? _("_Unassign")
                                          /* TRANSLATORS: the button that confirms assigning
                                           * licenses */
                                          : _("_Assign"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok",
                                              change->unassign ? ADW_RESPONSE_DESTRUCTIVE
                                                               : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "change", change, (GDestroyNotify) change_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response_cb (LicPoolChooser *chooser,
                     const char     *response,
                     LicUsersView   *self)
{
  Change *change = g_object_steal_data (G_OBJECT (chooser), "change");
  LicPool *pool = lic_pool_chooser_get_pool (chooser);

  if (g_strcmp0 (response, "continue") != 0 || pool == NULL)
    {
      g_clear_pointer (&change, change_free);
      return;
    }
  change->pool = g_object_ref (pool);
  confirm (self, change);
}

/* The selected users, and their school when they all have the same, else 0. */
static GArray *
selected_users (LicUsersView *self,
                gint64       *school_id)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (
    GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  *school_id = -1;
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(LicUser) user = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      gint64 id = lic_user_get_id (user);

      g_array_append_val (ids, id);
      if (*school_id == -1)
        *school_id = lic_user_get_school_id (user);
      else if (*school_id != lic_user_get_school_id (user))
        *school_id = 0;
    }
  return ids;
}

/**
 * lic_users_view_change_selected:
 * @unassign: whether to take licenses back rather than give them
 *
 * Offers the products of the selected users' school to assign (or unassign) a license of to
 * all of them, then asks for confirmation. A selection of users of several schools is refused
 * at once, with what to do instead. What "Assign License…" and "Unassign License…" do.
 */
void
lic_users_view_change_selected (LicUsersView *self,
                                gboolean      unassign)
{
  LicClient *client;
  g_autoptr(Change) change = NULL;
  LicPoolChooser *chooser;
  gint64 school_id;

  g_return_if_fail (LIC_IS_USERS_VIEW (self));

  client = lic_page_get_client (LIC_PAGE (self));
  if (client == NULL || self->change_cancellable != NULL)
    return;
  change = g_new0 (Change, 1);
  change->unassign = unassign;
  change->user_ids = selected_users (self, &school_id);
  if (change->user_ids->len == 0)
    return;
  if (school_id == 0)
    {
      show_dialog (self,
                   /* TRANSLATORS: the heading of the dialog that refuses to assign or
                    * unassign licenses for users of several schools at once */
                   _("Select Users of One School"),
                   _("Licenses belong to a school, and the users selected are of several "
                     "schools. Choose a school in the School filter, select users there, and "
                     "try again."));
      return;
    }

  chooser = lic_pool_chooser_new (parent_window (self), client, school_id,
                                  lic_filter_get_name (self->school_dropdown, school_id),
                                  unassign, change->user_ids->len, NULL);
  g_object_set_data_full (G_OBJECT (chooser), "change", g_steal_pointer (&change),
                          (GDestroyNotify) change_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
assign_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  lic_users_view_change_selected (LIC_USERS_VIEW (widget), FALSE);
}

static void
unassign_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  lic_users_view_change_selected (LIC_USERS_VIEW (widget), TRUE);
}

/* Keeping a payable user */

static void
keep_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LicUsersView *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = lic_keep_dialog_keep_finish (LIC_KEEP_DIALOG (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_USERS_VIEW (user_data);
  show_toast (self, text != NULL ? text : lic_error_text_description (error));
  set_change_busy (self, FALSE);
  if (text != NULL)
    {
      lic_page_invalidate (LIC_PAGE (self));
      g_signal_emit (self, signals[SIGNAL_LICENSES_CHANGED], 0);
    }
}

static void
keep_confirmed_cb (LicKeepDialog *keep,
                   LicUser       *instead,
                   LicUsersView  *self)
{
  LicClient *client = lic_page_get_client (LIC_PAGE (self));

  if (client == NULL || self->change_cancellable != NULL)
    return;
  set_change_busy (self, TRUE);
  lic_keep_dialog_keep_async (keep, client, self->change_cancellable, keep_done_cb, self);
}

static void
keep_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LicUsersView *self;
  LicKeepDialog *keep = LIC_KEEP_DIALOG (source);
  g_autoptr(GError) error = NULL;

  if (!lic_keep_dialog_load_finish (keep, result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_USERS_VIEW (user_data);
  if (error != NULL)
    {
      show_toast (self, lic_error_text_description (error));
      set_change_busy (self, FALSE);
      return;
    }
  set_change_busy (self, FALSE);
  g_signal_connect_object (keep, "confirmed", G_CALLBACK (keep_confirmed_cb), self, 0);
  lic_keep_dialog_present (keep);
}

/**
 * lic_users_view_keep_selected:
 *
 * With one user of the Payable list selected, asks which user of the same pool (one who is not
 * on the list) to unassign so that the selected one keeps access, as "Keep Access…" does.
 */
void
lic_users_view_keep_selected (LicUsersView *self)
{
  LicClient *client = lic_page_get_client (LIC_PAGE (self));
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(LicUser) user = NULL;
  g_autoptr(LicKeepDialog) keep = NULL;
  GPtrArray *entries;
  LicUserListEntry *entry = NULL;

  g_return_if_fail (LIC_IS_USERS_VIEW (self));

  if (client == NULL || self->change_cancellable != NULL || n_selected (self) != 1)
    return;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  user = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_nth (selected, 0));
  entries = user != NULL ? lic_user_get_list_entries (user) : NULL;
  if (entries == NULL || entries->len == 0)
    return;
  /* The pool the list is narrowed to, else the first the user is payable in. */
  for (guint i = 0; i < entries->len && entry == NULL; i++)
    if (self->pool_id == 0
        || ((LicUserListEntry *) g_ptr_array_index (entries, i))->pool_id == self->pool_id)
      entry = g_ptr_array_index (entries, i);
  if (entry == NULL)
    return;

  keep = lic_keep_dialog_new (parent_window (self), user, entry->pool_id, entry->product_name);
  set_change_busy (self, TRUE);
  lic_keep_dialog_load_async (keep, client, self->change_cancellable, keep_loaded_cb, self);
}

static void
keep_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  lic_users_view_keep_selected (LIC_USERS_VIEW (widget));
}

/* A user's page */

/* A row of the table was activated: the user's page. */
static void
activate_cb (LicUsersView *self,
             guint         position)
{
  g_autoptr(LicUser) user = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (user == NULL)
    return;
  lic_page_set_client (LIC_PAGE (self->user_page), lic_page_get_client (LIC_PAGE (self)));
  lic_user_page_set_user (self->user_page, user);
  gtk_stack_set_visible_child (self->pages, GTK_WIDGET (self->user_page));
}

static void
visible_child_cb (LicUsersView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_SHOWN]);
}

/* The user page assigned or unassigned: the lists of who pays or lacks access may differ. */
static void
user_changed_cb (LicUsersView *self)
{
  if (shown_list (self) != LIC_USER_LIST_ALL)
    lic_list_loader_load (self->loader, lic_page_get_client (LIC_PAGE (self)), make_query (self),
                          (GDestroyNotify) lic_user_query_free);
  g_signal_emit (self, signals[SIGNAL_LICENSES_CHANGED], 0);
}

static void
lic_users_view_dispose (GObject *object)
{
  LicUsersView *self = LIC_USERS_VIEW (object);

  g_cancellable_cancel (self->csv_cancellable);
  g_clear_object (&self->csv_cancellable);
  g_cancellable_cancel (self->change_cancellable);
  g_clear_object (&self->change_cancellable);
  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
      g_clear_object (&self->file_chooser);
    }

  g_cancellable_cancel (self->schools_cancellable);
  g_clear_object (&self->schools_cancellable);
  g_cancellable_cancel (self->groups_cancellable);
  g_clear_object (&self->groups_cancellable);
  g_clear_object (&self->schools_client);
  g_clear_pointer (&self->searched, g_free);
  g_clear_object (&self->selection);
  g_clear_object (&self->loader);

  G_OBJECT_CLASS (lic_users_view_parent_class)->dispose (object);
}

static void
lic_users_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LicUsersView *self = LIC_USERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_USER_SHOWN:
      g_value_set_boolean (value, lic_users_view_get_user_shown (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_users_view_class_init (LicUsersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LicPageClass *page_class = LIC_PAGE_CLASS (klass);

  object_class->dispose = lic_users_view_dispose;
  object_class->get_property = lic_users_view_get_property;
  page_class->reload = lic_users_view_reload;
  page_class->start_search = lic_users_view_start_search;

  /**
   * LicUsersView:user-shown:
   *
   * Whether a user's page is shown rather than the table, so there is a way back.
   */
  properties[PROP_USER_SHOWN] =
    g_param_spec_boolean ("user-shown", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LicUsersView::licenses-changed:
   *
   * Licenses were assigned or unassigned here: what shows pools is stale.
   */
  signals[SIGNAL_LICENSES_CHANGED] = g_signal_new ("licenses-changed",
                                                   G_TYPE_FROM_CLASS (klass),
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                   G_TYPE_NONE, 0);

  g_type_ensure (LIC_TYPE_STATUS_STACK);
  g_type_ensure (LIC_TYPE_USER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-users-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, pages);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, table_page);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, user_page);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, all_button);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, payable_button);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, no_access_button);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, action_bar);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, selected_label);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, product_column);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, loses_access_column);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, no_access_since_column);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, pool_filter_button);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, pool_filter_label);
  gtk_widget_class_bind_template_child (widget_class, LicUsersView, keep_button);
  gtk_widget_class_bind_template_callback (widget_class, clear_pool_filter_cb);
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
  gtk_widget_class_bind_template_callback (widget_class, list_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, user_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lic_page_invalidate);

  gtk_widget_class_install_action (widget_class, "users.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "users.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "users.assign", NULL, assign_action_cb);
  gtk_widget_class_install_action (widget_class, "users.unassign", NULL, unassign_action_cb);
  gtk_widget_class_install_action (widget_class, "users.keep", NULL, keep_action_cb);
}

static void
lic_users_view_init (LicUsersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  lic_column_set_text_func (self->name_column, name_text);
  lic_column_set_text_func (self->username_column, username_text);
  lic_column_set_text_func (self->role_column, role_text);
  lic_column_set_text_data_func (self->school_column, school_text, self);
  lic_column_set_text_func (self->groups_column, groups_text);
  lic_column_set_text_func (self->product_column, list_products_text);
  lic_column_set_text_func (self->loses_access_column, list_date_text);
  lic_column_set_text_func (self->no_access_since_column, list_date_text);

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
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->loader)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  /* A new page of rows keeps the selection; a new first page drops it with the rows. */
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (update_selection), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (update_selection), self, G_CONNECT_SWAPPED);
  update_selection (self);
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

gboolean
lic_users_view_get_user_shown (LicUsersView *self)
{
  g_return_val_if_fail (LIC_IS_USERS_VIEW (self), FALSE);

  return gtk_stack_get_visible_child (self->pages) == GTK_WIDGET (self->user_page);
}

/* Goes back from a user's page to the table. */
void
lic_users_view_show_users (LicUsersView *self)
{
  g_return_if_fail (LIC_IS_USERS_VIEW (self));

  gtk_stack_set_visible_child (self->pages, self->table_page);
}

static void
lic_users_view_start_search (LicPage *page)
{
  LicUsersView *self = LIC_USERS_VIEW (page);

  lic_users_view_show_users (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * lic_users_view_show_list:
 * @list: the list to show
 * @pool_id: the pool to narrow it to, or 0 for every pool
 * @product: (nullable): the pool's product, for the filter button
 * @school: (nullable): the pool's school, likewise
 *
 * Shows the Payable or No access list (or everyone), as a notice's button asks.
 */
void
lic_users_view_show_list (LicUsersView *self,
                          LicUserList   list,
                          gint64        pool_id,
                          const char   *product,
                          const char   *school)
{
  GtkToggleButton *button;
  g_autofree char *label = NULL;

  g_return_if_fail (LIC_IS_USERS_VIEW (self));

  lic_users_view_show_users (self);
  self->pool_id = pool_id;
  if (product != NULL && school != NULL)
    /* TRANSLATORS: a filter of the Payable or No Access list; %1$s is a product, %2$s a school */
    label = g_strdup_printf (_("%1$s at %2$s"), product, school);
  else
    label = g_strdup (_("One product"));
  gtk_label_set_text (self->pool_filter_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pool_filter_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  button = list == LIC_USER_LIST_PAYABLE ? self->payable_button
         : list == LIC_USER_LIST_NO_ACCESS ? self->no_access_button : self->all_button;
  if (gtk_toggle_button_get_active (button))
    lic_page_invalidate (LIC_PAGE (self));
  else
    gtk_toggle_button_set_active (button, TRUE);
}
