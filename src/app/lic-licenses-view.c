/* lic-licenses-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-cell-factory.h"
#include "lic-error-text.h"
#include "lic-format.h"
#include "lic-licenses-view.h"
#include "lic-list-loader.h"
#include "lic-pool-page.h"
#include "lic-status-stack.h"

struct _LicLicensesView
{
  LicPage parent_instance;

  GtkStack *pages;             /* the table | a pool's page */
  GtkWidget *pools_page;
  LicPoolPage *pool_page;

  LicStatusStack *status;
  GtkScrolledWindow *scroller;
  GtkColumnView *column_view;
  GtkColumnViewColumn *product_column;
  GtkColumnViewColumn *school_column;
  GtkColumnViewColumn *assigned_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *delivery_column;
  GtkColumnViewColumn *term_end_column;

  LicStatusStack *orders_status;
  GtkScrolledWindow *orders_scroller;
  GtkColumnView *orders_view;
  GtkColumnViewColumn *order_product_column;
  GtkColumnViewColumn *order_school_column;
  GtkColumnViewColumn *order_date_column;
  GtkColumnViewColumn *order_status_column;

  LicListLoader *loader;
  LicListLoader *orders_loader;
  GCancellable *show_cancellable;       /* of the pool being looked up to be shown */
  gint64 show_pool_id;
  gboolean show_renew;
};

G_DEFINE_FINAL_TYPE (LicLicensesView, lic_licenses_view, LIC_TYPE_PAGE)

enum {
  PROP_0,
  PROP_POOL_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_LICENSES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A row of the Orders list: one order line, with the order it belongs to for its date. */
#define LIC_TYPE_ORDER_ENTRY (lic_order_entry_get_type ())

G_DECLARE_FINAL_TYPE (LicOrderEntry, lic_order_entry, LIC, ORDER_ENTRY, GObject)

struct _LicOrderEntry
{
  GObject parent_instance;

  LicOrder *order;
  LicOrderLine *line;
};

G_DEFINE_FINAL_TYPE (LicOrderEntry, lic_order_entry, G_TYPE_OBJECT)

static void
lic_order_entry_dispose (GObject *object)
{
  LicOrderEntry *self = LIC_ORDER_ENTRY (object);

  g_clear_object (&self->order);
  g_clear_object (&self->line);

  G_OBJECT_CLASS (lic_order_entry_parent_class)->dispose (object);
}

static void
lic_order_entry_class_init (LicOrderEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lic_order_entry_dispose;
}

static void
lic_order_entry_init (LicOrderEntry *self)
{
}

/* Maps an order to the list of its lines, which the Orders list flattens. */
static gpointer
order_to_entries (gpointer item,
                  gpointer user_data)
{
  g_autoptr(LicOrder) order = item;
  GListModel *lines = lic_order_get_lines (order);
  GListStore *entries = g_list_store_new (LIC_TYPE_ORDER_ENTRY);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(LicOrderEntry) entry = g_object_new (LIC_TYPE_ORDER_ENTRY, NULL);

      entry->order = g_object_ref (order);
      entry->line = g_list_model_get_item (lines, i);
      g_list_store_append (entries, entry);
    }
  return entries;
}

/* Pools have no search, so the loader's query is dropped. */
static void
list_pools_async (LicClient           *client,
                  gconstpointer        query,
                  const char          *cursor,
                  guint                limit,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  lic_client_list_pools_async (client, cursor, limit, cancellable, callback, user_data);
}

static char *
product_text (gpointer item)
{
  return g_strdup (lic_pool_get_product_name (item));
}

static char *
school_text (gpointer item)
{
  return g_strdup (lic_pool_get_school_name (item));
}

static char *
assigned_text (gpointer item)
{
  return lic_format_assigned (lic_pool_get_assigned (item), lic_pool_get_available (item));
}

/* What needs the admin: payable, to renew, without access; empty for a pool in order. */
static char *
status_text (gpointer item)
{
  g_autofree char *details = lic_format_status_details (lic_pool_get_payable (item),
                                                        lic_pool_get_to_renew (item),
                                                        lic_pool_get_no_access (item));
  g_auto(GStrv) lines = details != NULL ? g_strsplit (details, "\n", -1) : NULL;

  /* One line per row of the table. */
  return lines != NULL ? g_strjoinv (" · ", lines) : NULL;
}

/* Licenses ordered and not delivered yet; empty for a pool with none. */
static char *
delivery_text (gpointer item)
{
  char *text = lic_format_awaiting_delivery (lic_pool_get_awaiting_delivery (item),
                                             lic_pool_get_awaiting_since (item));

  return text != NULL ? text : g_strdup ("");
}

static char *
term_end_text (gpointer item)
{
  char *date = lic_format_date (lic_pool_get_term_end (item));

  /* TRANSLATORS: in the "Term ends" column, for licenses that do not expire */
  return date != NULL ? date : g_strdup (C_("term end", "Never"));
}

static void
list_orders_async (LicClient           *client,
                   gconstpointer        query,
                   const char          *cursor,
                   guint                limit,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  lic_client_list_orders_async (client, cursor, limit, cancellable, callback, user_data);
}

static char *
order_product_text (gpointer item)
{
  return g_strdup (lic_order_line_get_product_name (LIC_ORDER_ENTRY (item)->line));
}

static char *
order_school_text (gpointer item)
{
  return g_strdup (lic_order_line_get_school_name (LIC_ORDER_ENTRY (item)->line));
}

static char *
order_date_text (gpointer item)
{
  char *date = lic_format_date (lic_order_get_created_at (LIC_ORDER_ENTRY (item)->order));

  return date != NULL ? date : g_strdup ("");
}

/* The same phrase as on the product page. */
static char *
order_status_text (gpointer item)
{
  return lic_format_order_line (LIC_ORDER_ENTRY (item)->line);
}

static void
show_pool (LicLicensesView *self,
           LicPool         *pool)
{
  lic_page_set_client (LIC_PAGE (self->pool_page), lic_page_get_client (LIC_PAGE (self)));
  lic_pool_page_set_pool (self->pool_page, pool);
  gtk_stack_set_visible_child (self->pages, GTK_WIDGET (self->pool_page));
}

/* A row of the pools table was activated: its pool's page. */
static void
activate_cb (LicLicensesView *self,
             guint            position)
{
  GtkSelectionModel *model = gtk_column_view_get_model (self->column_view);
  g_autoptr(LicPool) pool = g_list_model_get_item (G_LIST_MODEL (model), position);

  if (pool == NULL)
    return;
  show_pool (self, pool);
}

static void
visible_child_cb (LicLicensesView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POOL_SHOWN]);
}

/* The pool page assigned, unassigned or renewed: the table's numbers, and the notices and lists
 * elsewhere, are stale. The window reloads this view then too. */
static void
pool_changed_cb (LicLicensesView *self)
{
  g_signal_emit (self, signals[SIGNAL_LICENSES_CHANGED], 0);
}

static void
lic_licenses_view_reload (LicPage *page)
{
  LicLicensesView *self = LIC_LICENSES_VIEW (page);

  /* The pool's page fetches its pool again. */
  lic_page_invalidate (LIC_PAGE (self->pool_page));
  lic_list_loader_load (self->loader, lic_page_get_client (page), NULL, NULL);
  lic_list_loader_load (self->orders_loader, lic_page_get_client (page), NULL, NULL);
}

static void
lic_licenses_view_dispose (GObject *object)
{
  LicLicensesView *self = LIC_LICENSES_VIEW (object);

  g_cancellable_cancel (self->show_cancellable);
  g_clear_object (&self->show_cancellable);
  g_clear_object (&self->loader);
  g_clear_object (&self->orders_loader);

  G_OBJECT_CLASS (lic_licenses_view_parent_class)->dispose (object);
}

static void
lic_licenses_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LicLicensesView *self = LIC_LICENSES_VIEW (object);

  switch (prop_id)
    {
    case PROP_POOL_SHOWN:
      g_value_set_boolean (value, lic_licenses_view_get_pool_shown (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_licenses_view_class_init (LicLicensesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LicPageClass *page_class = LIC_PAGE_CLASS (klass);

  object_class->dispose = lic_licenses_view_dispose;
  object_class->get_property = lic_licenses_view_get_property;
  page_class->reload = lic_licenses_view_reload;

  /**
   * LicLicensesView:pool-shown:
   *
   * Whether a pool's page is shown rather than the table, so there is a way back.
   */
  properties[PROP_POOL_SHOWN] =
    g_param_spec_boolean ("pool-shown", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LicLicensesView::licenses-changed:
   *
   * Licenses were assigned, unassigned or renewed on a pool's page.
   */
  signals[SIGNAL_LICENSES_CHANGED] =
    g_signal_new ("licenses-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LIC_TYPE_POOL);
  g_type_ensure (LIC_TYPE_ORDER);
  g_type_ensure (LIC_TYPE_STATUS_STACK);
  g_type_ensure (LIC_TYPE_POOL_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-licenses-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, pages);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, pools_page);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, pool_page);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, status);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, product_column);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, school_column);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, assigned_column);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, status_column);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, delivery_column);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, term_end_column);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, orders_status);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, orders_scroller);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, orders_view);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, order_product_column);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, order_school_column);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, order_date_column);
  gtk_widget_class_bind_template_child (widget_class, LicLicensesView, order_status_column);
  gtk_widget_class_bind_template_callback (widget_class, lic_page_invalidate);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, pool_changed_cb);
}

static void
lic_licenses_view_init (LicLicensesView *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;
  g_autoptr(GtkSelectionModel) orders_selection = NULL;
  GtkSortListModel *sorted;
  GtkMapListModel *order_lines;
  GListModel *orders;

  gtk_widget_init_template (GTK_WIDGET (self));

  lic_column_set_text_func (self->product_column, product_text);
  lic_column_set_text_func (self->school_column, school_text);
  lic_column_set_text_func (self->assigned_column, assigned_text);
  lic_column_set_text_func (self->status_column, status_text);
  lic_column_set_text_func (self->delivery_column, delivery_text);
  lic_column_set_text_func (self->term_end_column, term_end_text);

  self->loader = lic_list_loader_new (LIC_TYPE_POOL, list_pools_async,
                                      lic_client_list_pools_finish,
                                      self->status, self->scroller);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->loader)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted)));
  gtk_column_view_set_model (self->column_view, selection);

  /* Orders: each line of each order, newest order first, as the server pages them. */
  lic_column_set_text_func (self->order_product_column, order_product_text);
  lic_column_set_text_func (self->order_school_column, order_school_text);
  lic_column_set_text_func (self->order_date_column, order_date_text);
  lic_column_set_text_func (self->order_status_column, order_status_text);

  self->orders_loader = lic_list_loader_new (LIC_TYPE_ORDER, list_orders_async,
                                             lic_client_list_orders_finish,
                                             self->orders_status, self->orders_scroller);
  orders = G_LIST_MODEL (self->orders_loader);
  order_lines = gtk_map_list_model_new (g_object_ref (orders), order_to_entries, NULL, NULL);
  orders_selection = GTK_SELECTION_MODEL (
    gtk_no_selection_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (order_lines)))));
  gtk_column_view_set_model (self->orders_view, orders_selection);
}

gboolean
lic_licenses_view_get_pool_shown (LicLicensesView *self)
{
  g_return_val_if_fail (LIC_IS_LICENSES_VIEW (self), FALSE);

  return gtk_stack_get_visible_child (self->pages) == GTK_WIDGET (self->pool_page);
}

/* Goes back from a pool's page to the table. */
void
lic_licenses_view_show_pools (LicLicensesView *self)
{
  g_return_if_fail (LIC_IS_LICENSES_VIEW (self));

  gtk_stack_set_visible_child (self->pages, self->pools_page);
}

static void
show_pool_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LicLicensesView *self;
  g_autoptr(GListModel) pools = NULL;
  g_autoptr(GError) error = NULL;

  pools = lic_client_list_all_pools_finish (LIC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_LICENSES_VIEW (user_data);
  g_clear_object (&self->show_cancellable);
  if (pools == NULL)
    {
      g_autofree char *title = g_markup_escape_text (lic_error_text_description (error), -1);

      lic_page_add_toast (LIC_PAGE (self), adw_toast_new (title));
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (pools); i++)
    {
      g_autoptr(LicPool) pool = g_list_model_get_item (pools, i);

      if (lic_pool_get_id (pool) != self->show_pool_id)
        continue;
      show_pool (self, pool);
      if (self->show_renew)
        lic_pool_page_renew (self->pool_page);
      return;
    }
}

/**
 * lic_licenses_view_show_pool_id:
 * @pool_id: the id of a pool of the administrator's schools
 * @renew: whether to ask at once how many licenses to renew
 *
 * Shows the page of a pool, as a notice's buttons ask.
 */
void
lic_licenses_view_show_pool_id (LicLicensesView *self,
                                gint64           pool_id,
                                gboolean         renew)
{
  LicClient *client;

  g_return_if_fail (LIC_IS_LICENSES_VIEW (self));

  client = lic_page_get_client (LIC_PAGE (self));
  if (client == NULL)
    return;
  g_cancellable_cancel (self->show_cancellable);
  g_clear_object (&self->show_cancellable);
  self->show_cancellable = g_cancellable_new ();
  self->show_pool_id = pool_id;
  self->show_renew = renew;
  lic_client_list_all_pools_async (client, 0, self->show_cancellable, show_pool_cb, self);
}
