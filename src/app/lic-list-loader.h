/* lic-list-loader.h: fills a list from one of LicClient's paged list calls.
 *
 * The first page replaces what the list held; the next page is appended when the user scrolls
 * near the end. The loader drives the view's LicStatusStack through loading, empty, error and
 * content, and cancels the request in flight when a new one starts or when it is disposed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lic-client.h"
#include "lic-status-stack.h"

G_BEGIN_DECLS

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

LicListLoader *lic_list_loader_new       (GType              item_type,
                                          LicListAsyncFunc   list_async,
                                          LicListFinishFunc  list_finish,
                                          LicStatusStack    *status,
                                          GtkScrolledWindow *scroller);
GListModel    *lic_list_loader_get_model (LicListLoader     *self);
void           lic_list_loader_load      (LicListLoader     *self,
                                          LicClient         *client,
                                          gpointer           query,
                                          GDestroyNotify     query_free);

G_END_DECLS
