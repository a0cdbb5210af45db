/* lic-application.c
 *
 * Started with --server, --username and $LICENTIA_PASSWORD, the app signs in directly (for
 * scripts and screenshots); otherwise, or when that fails, it asks in the sign-in window. A
 * main window lives as long as its client's session: when the server ends the session, the
 * sign-in window takes its place. The server address and username of the last sign-in (never
 * the password) are kept in GSettings, and the sign-in window starts with them; the session's
 * token is kept in the keyring, so a plain start signs in again without the password until the
 * administrator signs out.
 *
 * The app opens licentia://activate?code=CODE links (the supplier's activation e-mail): the
 * code is sent at once if a window is signed in, else right after signing in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-application.h"
#include "lic-client.h"
#include "lic-keyring.h"
#include "lic-sign-in-window.h"
#include "lic-window.h"

struct _LicApplication
{
  AdwApplication parent_instance;

  /* The view and product to open once signed in, from --view and --product. */
  char *view;
  gint64 product_id;
  gint64 pool_id;
  /* The code of an activation link that came before sign-in. */
  char *activation_code;
};

G_DEFINE_FINAL_TYPE (LicApplication, lic_application, ADW_TYPE_APPLICATION)

static const char * const view_names[] = { "library", "cart", "licenses", "users", NULL };

static const GOptionEntry option_entries[] = {
  { "server", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The address of licentia-server, such as https://licentia.example.org"), N_("URL") },
  { "username", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* TRANSLATORS: keep LICENTIA_PASSWORD as it is */
    N_("Sign in with this username; the password is read from the environment variable "
       "LICENTIA_PASSWORD"), N_("NAME") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
    /* TRANSLATORS: keep the names of the views as they are */
    N_("The view to open: library, cart, licenses or users"), N_("VIEW") },
  { "product", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Open the library on the page of the product with this id"), N_("ID") },
  { "pool", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Open Licenses on the page of the licenses with this id"), N_("ID") },
  { NULL }
};

static void show_sign_in (LicApplication *self,
                          const char     *server_address,
                          const char     *username,
                          const char     *message,
                          const GError   *error);
static void resume_session (LicApplication *self);

static void
session_changed_cb (LicClient  *client,
                    GParamSpec *pspec,
                    LicWindow  *window)
{
  LicApplication *self = LIC_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  if (lic_client_get_signed_in (client))
    return;

  lic_keyring_clear_token (lic_client_get_base_url (client));
  show_sign_in (self, NULL, NULL, _("Your session has ended. Sign in again."), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
show_main_window (LicApplication *self,
                  LicClient      *client)
{
  LicWindow *window = lic_window_new (GTK_APPLICATION (self), client);
  g_autofree char *view = g_steal_pointer (&self->view);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "server-address", lic_client_get_base_url (client));
  g_settings_set_string (settings, "username",
                         lic_user_get_username (lic_client_get_user (client)));

  if (view != NULL)
    lic_window_set_visible_view (window, view);
  if (self->product_id > 0)
    lic_window_show_product (window, self->product_id);
  self->product_id = 0;
  if (self->pool_id > 0)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pool", "x", self->pool_id);
  self->pool_id = 0;
  g_signal_connect_object (client, "notify::signed-in", G_CALLBACK (session_changed_cb), window,
                           0);
  gtk_window_present (GTK_WINDOW (window));
  if (self->activation_code != NULL)
    {
      g_autofree char *code = g_steal_pointer (&self->activation_code);

      lic_window_show_activation (window, code);
    }
}

static void
signed_in_cb (LicSignInWindow *sign_in_window,
              LicClient       *client,
              LicApplication  *self)
{
  show_main_window (self, client);
  gtk_window_destroy (GTK_WINDOW (sign_in_window));
}

/**
 * show_sign_in:
 * @server_address: (nullable): the address to offer instead of the last one signed in to
 * @username: (nullable): the username to offer instead of the last one signed in with
 * @message: (nullable): why the user is asked to sign in
 * @error: (nullable): why signing in to @server_address failed
 */
static void
show_sign_in (LicApplication *self,
              const char     *server_address,
              const char     *username,
              const char     *message,
              const GError   *error)
{
  LicSignInWindow *window = lic_sign_in_window_new (GTK_APPLICATION (self));

  if (server_address != NULL)
    lic_sign_in_window_set_server_address (window, server_address);
  if (username != NULL)
    lic_sign_in_window_set_username (window, username);
  if (message != NULL)
    lic_sign_in_window_show_message (window, message);
  if (error != NULL)
    lic_sign_in_window_show_error (window, error);
  g_signal_connect_object (window, "signed-in", G_CALLBACK (signed_in_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}


typedef struct
{
  LicApplication *self;
  char *username;
} DirectSignIn;

static void
direct_sign_in_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LicClient *client = LIC_CLIENT (source);
  DirectSignIn *data = user_data;
  g_autoptr(GError) error = NULL;

  if (lic_client_sign_in_finish (client, result, &error))
    show_main_window (data->self, client);
  else
    show_sign_in (data->self, lic_client_get_base_url (client), data->username, NULL, error);

  g_application_release (G_APPLICATION (data->self));
  g_free (data->username);
  g_free (data);
}

static void
sign_in_directly (LicApplication *self,
                  const char     *server_address,
                  const char     *username,
                  const char     *password)
{
  g_autoptr(LicClient) client = lic_client_new (server_address);
  DirectSignIn *data = g_new0 (DirectSignIn, 1);

  data->self = self;
  data->username = g_strdup (username);
  /* No window is open yet to keep the application running meanwhile. */
  g_application_hold (G_APPLICATION (self));
  lic_client_sign_in_async (client, username, password, NULL, direct_sign_in_cb, data);
}

static void
sign_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The window is gone already; a token the server did not hear about expires by itself. */
  if (!lic_client_sign_out_finish (LIC_CLIENT (source), result, &error))
    g_debug ("Signing out failed: %s", error->message);
}

static void
sign_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LicApplication *self = LIC_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  LicClient *client;

  if (!LIC_IS_WINDOW (window))
    return;

  client = lic_window_get_client (LIC_WINDOW (window));
  /* Signing out is no ended session to tell the user about. */
  g_signal_handlers_disconnect_by_data (client, window);
  lic_keyring_clear_token (lic_client_get_base_url (client));
  show_sign_in (self, NULL, NULL, NULL, NULL);
  lic_client_sign_out_async (client, NULL, sign_out_cb, NULL);
  gtk_window_destroy (window);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  LicApplication *self = LIC_APPLICATION (user_data);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Licentia"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Licentia developers"),
                        "comments", _("Buy software licenses for your schools and manage them."),
                        "website", "https://github.com/licentia/licentia",
                        "issue-url", "https://github.com/licentia/licentia/issues",
                        /* TRANSLATORS: your names, one per line, as you want them credited */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* The action of a desktop notification: the window, on a view. */
static void
show_view_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  LicApplication *self = LIC_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *view = g_variant_get_string (parameter, NULL);

  if (!LIC_IS_WINDOW (window))
    return;
  if (g_strv_contains (view_names, view))
    lic_window_set_visible_view (LIC_WINDOW (window), view);
  gtk_window_present (window);
}

static const GActionEntry app_actions[] = {
  { "show-view", show_view_activated, "s" },
  { "sign-out", sign_out_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
lic_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } shortcuts[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.show-view::library", { "<Control>1", NULL } },
    { "win.show-view::cart", { "<Control>2", NULL } },
    { "win.show-view::licenses", { "<Control>3", NULL } },
    { "win.show-view::users", { "<Control>4", NULL } },
    { "win.back", { "<Alt>Left", "Back", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.reload", { "<Control>r", "F5", NULL } },
  };

  G_APPLICATION_CLASS (lic_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  for (gsize i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), shortcuts[i].action,
                                           shortcuts[i].accels);
}

static void
lic_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window != NULL)
    gtk_window_present (window);
  else
    resume_session (LIC_APPLICATION (application));
}

/* The code of a licentia://activate?code=CODE link, or NULL for another address. */
static char *
activation_code_from_uri (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_autoptr(GHashTable) params = NULL;
  const char *code;

  if (parsed == NULL
      || g_strcmp0 (g_uri_get_scheme (parsed), "licentia") != 0
      || g_strcmp0 (g_uri_get_host (parsed), "activate") != 0
      || g_uri_get_query (parsed) == NULL)
    return NULL;
  params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, NULL);
  code = params != NULL ? g_hash_table_lookup (params, "code") : NULL;
  return code != NULL && *code != '\0' ? g_strdup (code) : NULL;
}

/* Sends the code of each activation link, or keeps it for after sign-in. Returns whether a
 * code waits for a sign-in. */
static gboolean
open_links (LicApplication  *self,
            GFile          **files,
            int              n_files)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);
      g_autofree char *code = activation_code_from_uri (uri);

      if (code == NULL)
        {
          g_warning ("Licentia cannot open %s", uri);
          continue;
        }
      if (LIC_IS_WINDOW (window))
        {
          lic_window_show_activation (LIC_WINDOW (window), code);
          continue;
        }
      g_free (self->activation_code);
      self->activation_code = g_steal_pointer (&code);
    }
  return self->activation_code != NULL;
}

static const char *
sign_in_message (LicApplication *self)
{
  return self->activation_code != NULL ? _("Sign in to activate the licenses.") : NULL;
}

/* A plain start: the sign-in window, which tries the session kept in the keyring first. */
static void
resume_session (LicApplication *self)
{
  LicSignInWindow *window = lic_sign_in_window_new (GTK_APPLICATION (self));

  if (self->activation_code != NULL)
    lic_sign_in_window_show_message (window, sign_in_message (self));
  g_signal_connect_object (window, "signed-in", G_CALLBACK (signed_in_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
  lic_sign_in_window_resume_session (window);
}

static void
lic_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  LicApplication *self = LIC_APPLICATION (application);
  GtkWindow *window;

  if (!open_links (self, files, n_files))
    return;
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window != NULL)
    gtk_window_present (window);
  else
    resume_session (self);
}

/* The arguments after the options are links, as the desktop file's %U passes them. */
static void
open_arguments (LicApplication          *self,
                GApplicationCommandLine *command_line,
                char                   **arguments)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  /* The first argument is the program. */
  for (guint i = 1; arguments[i] != NULL; i++)
    g_ptr_array_add (files, g_application_command_line_create_file_for_arg (command_line,
                                                                             arguments[i]));
  open_links (self, (GFile **) files->pdata, (int) files->len);
}

static int
lic_application_command_line (GApplication            *application,
                              GApplicationCommandLine *command_line)
{
  LicApplication *self = LIC_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_auto(GStrv) arguments = g_application_command_line_get_arguments (command_line, NULL);
  const char *password = g_application_command_line_getenv (command_line, "LICENTIA_PASSWORD");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  const char *server_address = NULL;
  const char *username = NULL;
  const char *view = NULL;
  gint64 product_id = 0;
  gint64 pool_id = 0;

  g_variant_dict_lookup (options, "server", "&s", &server_address);
  g_variant_dict_lookup (options, "username", "&s", &username);
  g_variant_dict_lookup (options, "view", "&s", &view);
  g_variant_dict_lookup (options, "product", "x", &product_id);
  g_variant_dict_lookup (options, "pool", "x", &pool_id);

  if (view != NULL && !g_strv_contains (view_names, view))
    {
      /* TRANSLATORS: keep the names of the views as they are */
      g_application_command_line_printerr (command_line,
                                           _("Unknown view “%s”: choose library, cart, licenses "
                                             "or users.\n"), view);
      return EXIT_FAILURE;
    }

  /* A second start while signed in brings the window up, on the view asked for. */
  if (LIC_IS_WINDOW (window) && server_address == NULL)
    {
      if (view != NULL)
        lic_window_set_visible_view (LIC_WINDOW (window), view);
      if (product_id > 0)
        lic_window_show_product (LIC_WINDOW (window), product_id);
      if (pool_id > 0)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pool", "x", pool_id);
      gtk_window_present (window);
      open_arguments (self, command_line, arguments);
      return EXIT_SUCCESS;
    }

  g_free (self->view);
  self->view = g_strdup (view);
  self->product_id = product_id;
  self->pool_id = pool_id;
  /* A link's code waits for the sign-in that follows. */
  open_arguments (self, command_line, arguments);
  if (server_address != NULL && username != NULL && password != NULL && *password != '\0')
    sign_in_directly (self, server_address, username, password);
  else if (server_address != NULL || username != NULL)
    show_sign_in (self, server_address, username, sign_in_message (self), NULL);
  else if (window == NULL)
    resume_session (self);
  else
    gtk_window_present (window);
  return EXIT_SUCCESS;
}

static void
lic_application_finalize (GObject *object)
{
  LicApplication *self = LIC_APPLICATION (object);

  g_free (self->view);
  g_free (self->activation_code);

  G_OBJECT_CLASS (lic_application_parent_class)->finalize (object);
}

static void
lic_application_class_init (LicApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = lic_application_finalize;
  application_class->startup = lic_application_startup;
  application_class->activate = lic_application_activate;
  application_class->command_line = lic_application_command_line;
  application_class->open = lic_application_open;
}

static void
lic_application_init (LicApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

LicApplication *
lic_application_new (void)
{
  return g_object_new (LIC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
