/* test-ui.c: the app's windows against the real licentia-server with demo data.
 *
 * The tests look at the widget tree as a user would see it: mapped labels and buttons, and the
 * models behind the grid and the tables. Waiting iterates the main context until a condition
 * holds, and fails with what was awaited after WAIT_SECONDS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "lic-cart-view.h"
#include "lic-client.h"
#include "lic-error-text.h"
#include "lic-format.h"
#include "lic-library-view.h"
#include "lic-licenses-view.h"
#include "lic-product-card.h"
#include "lic-product-page.h"
#include "lic-sign-in-window.h"
#include "lic-status-stack.h"
#include "lic-test-server.h"
#include "lic-users-view.h"
#include "lic-window.h"

#define WAIT_SECONDS 10

static LicTestServer *demo_server;

/* Started on first use, so the tests that need no server run even when it cannot start. */
static LicTestServer *
get_demo_server (void)
{
  if (demo_server == NULL)
    demo_server = lic_test_server_start_demo ();
  return demo_server;
}

/* Iterates the main context until @condition holds; a wake-up every 20 ms re-checks it. */
#define WAIT_UNTIL(condition, what) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC; \
    guint wake_id_ = g_timeout_add (20, wake_cb, NULL); \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > deadline_) \
          g_error ("Gave up after %d s waiting for %s", WAIT_SECONDS, what); \
        g_main_context_iteration (NULL, TRUE); \
      } \
    g_source_remove (wake_id_); \
  } G_STMT_END

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static LicClient *
signed_in_client (void)
{
  LicClient *client = lic_client_new (lic_test_server_get_url (get_demo_server ()));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  lic_client_sign_in_async (client, "demo-admin", "demo-admin", NULL, store_result, &result);
  WAIT_UNTIL (result != NULL, "signing in");
  g_assert_true (lic_client_sign_in_finish (client, result, &error));
  g_assert_no_error (error);
  return client;
}

/* Depth first, in template order: the first match is the one nearest the top of the window. */
static GtkWidget *
find_widget (GtkWidget *root,
             gboolean  (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  GtkWidget *found = find_widget (root, is_of_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_shown_button (GtkWidget     *widget,
                 gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_shown_card (GtkWidget     *widget,
               gconstpointer  name)
{
  LicProduct *product;

  if (!LIC_IS_PRODUCT_CARD (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  product = lic_product_card_get_product (LIC_PRODUCT_CARD (widget));
  return g_strcmp0 (lic_product_get_name (product), name) == 0;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  return find_widget (root, is_shown_label, text) != NULL;
}

static guint
n_rows (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static LicStatus
status_of (GtkWidget *view)
{
  GtkWidget *status = find_of_type (view, LIC_TYPE_STATUS_STACK);

  return lic_status_stack_get_status (LIC_STATUS_STACK (status));
}

static void
test_format (void)
{
  g_autofree char *money = lic_format_money (12900, "SEK");
  g_autofree char *negative = lic_format_money (-5, "EUR");
  g_autofree char *yen = lic_format_money (1200, "JPY");
  g_autofree char *per_year = lic_format_price_per_term (12900, "SEK", 12);
  g_autofree char *per_months = lic_format_price_per_term (1290, "EUR", 6);
  g_autofree char *assigned = lic_format_assigned (212, 240);
  g_autofree char *date = lic_format_date ("2027-07-31");
  g_autofree char *no_date = lic_format_date (NULL);
  const char *subjects[] = { "mathematics", "social_studies", "astronomy", NULL };
  g_autofree char *subject_list = lic_format_list (subjects, lic_format_subject);
  g_autoptr(GError) network = g_error_new_literal (LIC_ERROR, LIC_ERROR_NETWORK, "refused");
  g_autoptr(GError) unauthorized = g_error_new_literal (LIC_ERROR, LIC_ERROR_UNAUTHORIZED, "no");
  g_autoptr(GError) conflict = g_error_new_literal (LIC_ERROR, LIC_ERROR_CONFLICT, "Busy now");
  g_autofree char *network_text = lic_error_text_sign_in (network, "http://example.org");
  g_autofree char *unauthorized_text = lic_error_text_sign_in (unauthorized, "http://example.org");
  g_autofree char *conflict_text = lic_error_text_sign_in (conflict, "http://example.org");

  /* The tests run in C.UTF-8, whose locale has no currency of its own. */
  g_assert_cmpstr (money, ==, "SEK 129.00");
  g_assert_cmpstr (negative, ==, "EUR -0.05");
  g_assert_cmpstr (yen, ==, "JPY 1200");
  g_assert_cmpstr (per_year, ==, "SEK 129.00 per license and year");
  g_assert_cmpstr (per_months, ==, "EUR 12.90 per license for 6 months");
  g_assert_cmpstr (assigned, ==, "212 of 240");
  g_assert_cmpstr (date, ==, "July 31, 2027");
  g_assert_null (no_date);
  g_assert_cmpstr (subject_list, ==, "Mathematics, Social studies, astronomy");
  g_assert_cmpstr (lic_format_delivery (LIC_DELIVERY_DELAYED), ==,
                   "Delivered by the supplier, usually within a few days");
  g_assert_cmpstr (lic_format_role (LIC_ROLE_TEACHER), ==, "Teacher");

  g_assert_cmpstr (network_text, ==, "Cannot reach the server at http://example.org. Check the "
                   "address and your network connection.");
  g_assert_cmpstr (unauthorized_text, ==, "The username or password is wrong.");
  g_assert_cmpstr (conflict_text, ==, "The server could not sign you in: Busy now");
  g_assert_cmpstr (lic_error_text_title (network), ==, "Cannot Reach the Server");
  g_assert_cmpstr (lic_error_text_description (conflict), ==, "Busy now");
}

static void
finalize_widget (GtkWidget *widget)
{
  g_object_ref_sink (widget);
  g_assert_finalize_object (widget);
}

static void
finalize_window (GtkWidget *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* .ui files escape the version macros: a widget or property newer than GTK 4.8 and
 * libadwaita 1.2 fails only when its template is built. */
static void
test_templates (void)
{
  g_autoptr(LicClient) client = lic_client_new ("http://127.0.0.1:9");

  finalize_widget (g_object_new (LIC_TYPE_STATUS_STACK, NULL));
  finalize_widget (g_object_new (LIC_TYPE_PRODUCT_CARD, NULL));
  finalize_widget (g_object_new (LIC_TYPE_PRODUCT_PAGE, NULL));
  finalize_widget (g_object_new (LIC_TYPE_LIBRARY_VIEW, NULL));
  finalize_widget (g_object_new (LIC_TYPE_CART_VIEW, NULL));
  finalize_widget (g_object_new (LIC_TYPE_LICENSES_VIEW, NULL));
  finalize_widget (g_object_new (LIC_TYPE_USERS_VIEW, NULL));
  finalize_window (g_object_new (LIC_TYPE_SIGN_IN_WINDOW, NULL));
  finalize_window (g_object_new (LIC_TYPE_WINDOW, "client", client, NULL));
}

static void
signed_in_cb (LicSignInWindow  *window,
              LicClient        *client,
              LicClient       **out)
{
  *out = g_object_ref (client);
}

static void
test_sign_in (void)
{
  LicTestServer *server = get_demo_server ();
  GtkWidget *window = g_object_new (LIC_TYPE_SIGN_IN_WINDOW, NULL);
  GtkWidget *sign_in_button;
  GtkEditable *server_row, *username_row, *password_row;
  g_autoptr(LicClient) client = NULL;
  GtkWidget *rows;

  g_signal_connect (window, "signed-in", G_CALLBACK (signed_in_cb), &client);
  gtk_window_present (GTK_WINDOW (window));

  rows = find_of_type (window, GTK_TYPE_LIST_BOX);
  server_row = GTK_EDITABLE (gtk_widget_get_first_child (rows));
  username_row = GTK_EDITABLE (gtk_widget_get_next_sibling (GTK_WIDGET (server_row)));
  password_row = GTK_EDITABLE (gtk_widget_get_next_sibling (GTK_WIDGET (username_row)));
  sign_in_button = GTK_WIDGET (gtk_window_get_default_widget (GTK_WINDOW (window)));
  g_assert_true (GTK_IS_BUTTON (sign_in_button));

  /* Prefilled from GSettings, here its default. */
  g_assert_cmpstr (gtk_editable_get_text (server_row), ==, "http://127.0.0.1:8080");

  gtk_editable_set_text (server_row, lic_test_server_get_url (server));
  gtk_editable_set_text (username_row, "demo-admin");
  gtk_editable_set_text (password_row, "wrong");
  g_signal_emit_by_name (sign_in_button, "clicked");
  g_assert_false (gtk_widget_get_sensitive (sign_in_button));
  WAIT_UNTIL (shows_label (window, "The username or password is wrong."), "the wrong password");
  g_assert_true (gtk_widget_get_sensitive (sign_in_button));
  g_assert_cmpstr (gtk_editable_get_text (username_row), ==, "demo-admin");
  g_assert_cmpstr (gtk_editable_get_text (password_row), ==, "wrong");
  g_assert_null (client);

  gtk_editable_set_text (password_row, "demo-admin");
  g_signal_emit_by_name (sign_in_button, "clicked");
  WAIT_UNTIL (client != NULL, "signing in");
  g_assert_true (lic_client_get_signed_in (client));

  finalize_window (window);
}

static LicProduct *
product_at (LicClient *client,
            guint      position)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GError) error = NULL;

  lic_client_list_products_async (client, NULL, NULL, 0, NULL, store_result, &result);
  WAIT_UNTIL (result != NULL, "the products");
  products = lic_client_list_products_finish (client, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (products), >, position);
  return g_list_model_get_item (products, position);
}

static void
test_window (void)
{
  g_autoptr(LicClient) client = signed_in_client ();
  g_autoptr(LicProduct) product = product_at (client, 0);
  g_autoptr(LicProduct) other_product = product_at (client, 1);
  LicWindow *window = g_object_new (LIC_TYPE_WINDOW, "client", client, NULL);
  GtkWidget *library, *grid, *search, *cards_status, *card, *page, *try_again;
  GtkWidget *licenses, *users, *users_search, *scrolled;
  GtkAdjustment *adjustment;
  GListModel *cards, *pools, *people;
  guint n_cards, n_people;
  g_autofree char *query = NULL;
  g_autoptr(LicUser) someone = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (lic_window_get_visible_view (window), ==, "library");

  /* The library: every demo product, as cards. */
  library = find_of_type (GTK_WIDGET (window), LIC_TYPE_LIBRARY_VIEW);
  grid = find_of_type (library, GTK_TYPE_GRID_VIEW);
  search = find_of_type (library, GTK_TYPE_SEARCH_ENTRY);
  cards_status = gtk_widget_get_ancestor (grid, LIC_TYPE_STATUS_STACK);
  cards = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (grid)));
  WAIT_UNTIL (n_rows (cards) >= 12, "at least 12 products in the library");
  g_assert_cmpint (lic_status_stack_get_status (LIC_STATUS_STACK (cards_status)), ==,
                   LIC_STATUS_CONTENT);
  WAIT_UNTIL (find_widget (library, is_shown_card, lic_product_get_name (product)) != NULL,
              "the card of the first product");
  card = find_widget (library, is_shown_card, lic_product_get_name (product));
  g_assert_true (shows_label (card, lic_product_get_name (product)));

  /* Searching narrows the grid, on the server. */
  n_cards = n_rows (cards);
  gtk_editable_set_text (GTK_EDITABLE (search), lic_product_get_name (product));
  WAIT_UNTIL (n_rows (cards) > 0 && n_rows (cards) < n_cards, "the search to narrow the library");
  g_assert_true (find_widget (library, is_shown_card, lic_product_get_name (product)) != NULL);

  /* A product page, and back. */
  g_signal_emit_by_name (grid, "activate", 0);
  g_assert_true (lic_library_view_get_product_shown (LIC_LIBRARY_VIEW (library)));
  page = find_of_type (library, LIC_TYPE_PRODUCT_PAGE);
  WAIT_UNTIL (shows_label (page, lic_product_get_description (product)),
              "the product's description");
  WAIT_UNTIL (status_of (page) == LIC_STATUS_CONTENT, "the product page to load");
  g_assert_true (shows_label (page, lic_product_get_name (product)));
  lic_library_view_show_library (LIC_LIBRARY_VIEW (library));
  g_assert_false (lic_library_view_get_product_shown (LIC_LIBRARY_VIEW (library)));

  /* The cart is empty so far. */
  lic_window_set_visible_view (window, "cart");
  WAIT_UNTIL (shows_label (GTK_WIDGET (window), "Your Cart Is Empty"), "the empty cart");

  /* Licenses: the demo pools. */
  lic_window_set_visible_view (window, "licenses");
  licenses = find_of_type (GTK_WIDGET (window), LIC_TYPE_LICENSES_VIEW);
  pools = G_LIST_MODEL (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (find_of_type (licenses, GTK_TYPE_COLUMN_VIEW))));
  WAIT_UNTIL (n_rows (pools) > 0, "the license pools");
  g_assert_cmpint (status_of (licenses), ==, LIC_STATUS_CONTENT);

  /* Users: the first page, a search that narrows it, and one that finds nobody. */
  lic_window_set_visible_view (window, "users");
  users = find_of_type (GTK_WIDGET (window), LIC_TYPE_USERS_VIEW);
  users_search = find_of_type (users, GTK_TYPE_SEARCH_ENTRY);
  people = G_LIST_MODEL (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (find_of_type (users, GTK_TYPE_COLUMN_VIEW))));
  WAIT_UNTIL (n_rows (people) > 1, "the users");
  g_assert_cmpint (status_of (users), ==, LIC_STATUS_CONTENT);
  /* The demo has more users than fit one page: scrolling to the end brings the next. */
  n_people = n_rows (people);
  g_assert_cmpuint (n_people, ==, 50);
  scrolled = gtk_widget_get_ancestor (find_of_type (users, GTK_TYPE_COLUMN_VIEW),
                                      GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  WAIT_UNTIL (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment)
              && gtk_adjustment_get_page_size (adjustment) > 0, "the users to be laid out");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  WAIT_UNTIL (n_rows (people) > n_people, "the next page of users");
  n_people = n_rows (people);
  someone = g_list_model_get_item (people, 0);
  gtk_editable_set_text (GTK_EDITABLE (users_search), lic_user_get_username (someone));
  WAIT_UNTIL (n_rows (people) > 0 && n_rows (people) < n_people, "the user search to narrow");
  gtk_editable_set_text (GTK_EDITABLE (users_search), "zzzz-nobody");
  WAIT_UNTIL (status_of (users) == LIC_STATUS_EMPTY, "no users found");
  g_assert_true (shows_label (users, "No Users Found"));

  /* A product opened by its id from elsewhere (as --product does) brings up its page. */
  lic_window_show_product (window, lic_product_get_id (other_product));
  g_assert_cmpstr (lic_window_get_visible_view (window), ==, "library");
  g_assert_true (lic_library_view_get_product_shown (LIC_LIBRARY_VIEW (library)));
  WAIT_UNTIL (shows_label (page, lic_product_get_description (other_product)),
              "the page of the product opened by id");
  g_assert_false (shows_label (page, lic_product_get_description (product)));
  lic_library_view_show_library (LIC_LIBRARY_VIEW (library));

  /* The server goes away: the library says so, and Try Again recovers once it is back. */
  lic_window_set_visible_view (window, "library");
  lic_test_server_kill (demo_server);
  query = g_utf8_substring (lic_product_get_name (product), 0, 3);
  gtk_editable_set_text (GTK_EDITABLE (search), query);
  WAIT_UNTIL (lic_status_stack_get_status (LIC_STATUS_STACK (cards_status)) == LIC_STATUS_ERROR,
              "the library's error state");
  g_assert_true (shows_label (library, "Cannot Reach the Server"));
  try_again = find_widget (library, is_shown_button, "_Try Again");
  g_assert_nonnull (try_again);

  lic_test_server_restart (demo_server);
  g_signal_emit_by_name (try_again, "clicked");
  WAIT_UNTIL (lic_status_stack_get_status (LIC_STATUS_STACK (cards_status)) == LIC_STATUS_CONTENT,
              "the library to recover");
  g_assert_cmpuint (n_rows (cards), >, 0);
  g_assert_true (lic_client_get_signed_in (client));

  finalize_window (GTK_WIDGET (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/format", test_format);
  g_test_add_func ("/ui/templates", test_templates);
  g_test_add_func ("/ui/sign-in", test_sign_in);
  g_test_add_func ("/ui/window", test_window);
  status = g_test_run ();

  g_clear_pointer (&demo_server, lic_test_server_stop);
  return status;
}
