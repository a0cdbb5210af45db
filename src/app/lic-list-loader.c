/* lic-list-loader.c
 *
 * A lazy list model: pages are appended as the user scrolls, and stay until the next query.
 * The scrolled window's edge decides when to load, not get_item(): GtkColumnView and
 * GtkListBox ask for items beyond those shown, and so would a test or a sort model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lic-list-loader.h"

struct _LicListLoader
{
  GObject parent_instance;

  GType item_type;
  LicListAsyncFunc list_async;
  LicListFinishFunc list_finish;
  LicStatusStack *status;       /* weak */
  GtkAdjustment *vadjustment;   /* weak */
  GPtrArray *items;             /* of item_type, the pages loaded so far */

  LicClient *client;
  gpointer query;
  GDestroyNotify query_free;
  char *next_cursor;
  GCancellable *cancellable;
  gboolean loading;
  gboolean complete;            /* the last page is loaded */
};

static void lic_list_loader_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LicListLoader, lic_list_loader, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      lic_list_loader_model_init))

static GType
lic_list_loader_get_item_type (GListModel *model)
{
  return LIC_LIST_LOADER (model)->item_type;
}

static guint
lic_list_loader_get_n_items (GListModel *model)
{
  return LIC_LIST_LOADER (model)->items->len;
}

static gpointer
lic_list_loader_get_item (GListModel *model,
                          guint       position)
{
  LicListLoader *self = LIC_LIST_LOADER (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
lic_list_loader_model_init (GListModelInterface *iface)
{
  iface->get_item_type = lic_list_loader_get_item_type;
  iface->get_n_items = lic_list_loader_get_n_items;
  iface->get_item = lic_list_loader_get_item;
}

static void load_page (LicListLoader *self,
                       const char    *cursor);

/* One "items-changed": the appended range, or the whole list when @replace. */
static void
add_items (LicListLoader *self,
           GListModel    *page,
           gboolean       replace)
{
  guint n = g_list_model_get_n_items (page);
  guint removed = replace ? self->items->len : 0;
  guint position = replace ? 0 : self->items->len;

  if (replace)
    g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->items, g_list_model_get_item (page, i));
  if (removed > 0 || n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, n);
}

/* Near the end means less than one screenful left below what is shown. */
static void
maybe_load_more (LicListLoader *self)
{
  double value, page_size, upper;

  if (self->loading || self->next_cursor == NULL || self->client == NULL
      || self->vadjustment == NULL)
    return;
  value = gtk_adjustment_get_value (self->vadjustment);
  page_size = gtk_adjustment_get_page_size (self->vadjustment);
  upper = gtk_adjustment_get_upper (self->vadjustment);
  if (upper - (value + page_size) < page_size)
    load_page (self, self->next_cursor);
}

/* The loader may be gone when a cancelled request returns, so the request carries what
 * page_cb() needs before it knows. */
typedef struct
{
  LicListLoader *self;
  LicListFinishFunc list_finish;
  gboolean first_page;
} PageRequest;

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autofree PageRequest *request = user_data;
  LicListLoader *self;
  g_autoptr(GListModel) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;

  page = request->list_finish (LIC_CLIENT (source), result, &next_cursor, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = request->self;
  self->loading = FALSE;

  if (page == NULL)
    {
      if (self->status != NULL)
        lic_status_stack_show_error (self->status, error);
      return;
    }

  g_free (self->next_cursor);
  self->next_cursor = g_steal_pointer (&next_cursor);
  self->complete = self->next_cursor == NULL;
  /* A new list starts at its top. Scroll while the old rows are there: a GTK 4.8 list view
   * warns when scrolled with no rows. */
  if (request->first_page && self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  add_items (self, page, request->first_page);

  if (self->status != NULL)
    {
      if (self->items->len == 0)
        lic_status_stack_show_empty (self->status);
      else
        lic_status_stack_show_content (self->status);
    }
  maybe_load_more (self);
}

static void
load_page (LicListLoader *self,
           const char    *cursor)
{
  PageRequest *request = g_new0 (PageRequest, 1);

  request->self = self;
  request->list_finish = self->list_finish;
  request->first_page = cursor == NULL;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  self->list_async (self->client, self->query, cursor, LIC_LIST_LOADER_PAGE_SIZE,
                    self->cancellable, page_cb, request);
}

static void
lic_list_loader_dispose (GObject *object)
{
  LicListLoader *self = LIC_LIST_LOADER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->status);
  g_clear_weak_pointer (&self->vadjustment);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lic_list_loader_parent_class)->dispose (object);
}

static void
lic_list_loader_finalize (GObject *object)
{
  LicListLoader *self = LIC_LIST_LOADER (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (self->query_free != NULL)
    g_clear_pointer (&self->query, self->query_free);
  g_free (self->next_cursor);

  G_OBJECT_CLASS (lic_list_loader_parent_class)->finalize (object);
}

static void
lic_list_loader_class_init (LicListLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lic_list_loader_dispose;
  object_class->finalize = lic_list_loader_finalize;
}

static void
lic_list_loader_init (LicListLoader *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * lic_list_loader_new:
 * @item_type: the type of the list's items
 * @list_async: the client call that fetches one page
 * @list_finish: its finish function
 * @status: the view's status stack, whose content shows the list
 * @scroller: the scrolled window of the list, watched to fetch the next page
 *
 * Returns: (transfer full): an empty list, until lic_list_loader_load()
 */
LicListLoader *
lic_list_loader_new (GType              item_type,
                     LicListAsyncFunc   list_async,
                     LicListFinishFunc  list_finish,
                     LicStatusStack    *status,
                     GtkScrolledWindow *scroller)
{
  LicListLoader *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (list_async != NULL && list_finish != NULL, NULL);
  g_return_val_if_fail (LIC_IS_STATUS_STACK (status), NULL);
  g_return_val_if_fail (GTK_IS_SCROLLED_WINDOW (scroller), NULL);

  self = g_object_new (LIC_TYPE_LIST_LOADER, NULL);
  self->item_type = item_type;
  self->list_async = list_async;
  self->list_finish = list_finish;
  g_set_weak_pointer (&self->status, status);
  g_set_weak_pointer (&self->vadjustment, gtk_scrolled_window_get_vadjustment (scroller));
  g_signal_connect_object (self->vadjustment, "value-changed",
                           G_CALLBACK (maybe_load_more), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vadjustment, "changed",
                           G_CALLBACK (maybe_load_more), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * lic_list_loader_load:
 * @client: the signed-in client
 * @query: (nullable) (transfer full): what to ask the list call for, of its type, or %NULL
 * @query_free: (nullable): frees @query
 *
 * Cancels the page in flight and loads the first page again, replacing the list when it
 * arrives. The loader keeps @query for the pages that follow.
 */
void
lic_list_loader_load (LicListLoader  *self,
                      LicClient      *client,
                      gpointer        query,
                      GDestroyNotify  query_free)
{
  g_return_if_fail (LIC_IS_LIST_LOADER (self));
  g_return_if_fail (LIC_IS_CLIENT (client));

  g_set_object (&self->client, client);
  if (self->query_free != NULL)
    g_clear_pointer (&self->query, self->query_free);
  self->query = query;
  self->query_free = query_free;
  g_clear_pointer (&self->next_cursor, g_free);
  self->complete = FALSE;
  if (self->status != NULL)
    lic_status_stack_show_loading (self->status);
  load_page (self, NULL);
}

/**
 * lic_list_loader_get_complete:
 *
 * Returns: whether the list holds every item of its query: its last page is loaded
 */
gboolean
lic_list_loader_get_complete (LicListLoader *self)
{
  g_return_val_if_fail (LIC_IS_LIST_LOADER (self), FALSE);

  return self->complete;
}
