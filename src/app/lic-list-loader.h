/* lic-list-loader.h: a GListModel over one of LicClient's paged list calls.
 *
 * The model holds the items of the pages loaded so far, never more. The first page replaces
 * what it held (one "items-changed"); the next page is appended (an "items-changed" for the
 * appended range only) when the user scrolls near the end of the list's scrolled window. The
 * loader drives the view's LicStatusStack through loading, empty, error and content, and
 * cancels the request in flight when a new one starts or when it is disposed. It holds no
 * reference on the widgets it watches, so the view's list widget may hold the model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lic-client.h"
#include "lic-status-stack.h"

G_BEGIN_DECLS

/* The number of items asked for per page. */
#define LIC_LIST_LOADER_PAGE_SIZE 100

/* The shape of LicClient's paged list calls; @query is the loader's, of the call's own type
 * (a LicProductQuery, a LicUserQuery), or NULL. */
typedef void        (*LicListAsyncFunc)  (LicClient           *client,
                                          gconstpointer        query,
                                          const char          *cursor,
                                          guint                limit,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
typedef GListModel *(*LicListFinishFunc) (LicClient           *client,
                                          GAsyncResult        *result,
                                          char               **next_cursor,
                                          GError             **error);

#define LIC_TYPE_LIST_LOADER (lic_list_loader_get_type ())

G_DECLARE_FINAL_TYPE (LicListLoader, lic_list_loader, LIC, LIST_LOADER, GObject)

LicListLoader *lic_list_loader_new          (GType              item_type,
                                             LicListAsyncFunc   list_async,
                                             LicListFinishFunc  list_finish,
                                             LicStatusStack    *status,
                                             GtkScrolledWindow *scroller);
void           lic_list_loader_load         (LicListLoader     *self,
                                             LicClient         *client,
                                             gpointer           query,
                                             GDestroyNotify     query_free);
gboolean       lic_list_loader_get_complete (LicListLoader     *self);

G_END_DECLS
