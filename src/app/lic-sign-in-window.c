/* lic-sign-in-window.c
 *
 * Signs a new LicClient in and hands it on with ::signed-in. What was typed stays when signing
 * in fails. The fields start with the last server address and username the app signed in with.
 * A session signed in here is kept in the keyring, and lic_sign_in_window_resume_session() tries
 * it first at the next start, so the password is asked for only when the server has ended it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-client.h"
#include "lic-error-text.h"
#include "lic-keyring.h"
#include "lic-sign-in-window.h"

struct _LicSignInWindow
{
  AdwApplicationWindow parent_instance;

  AdwEntryRow *server_row;
  AdwEntryRow *username_row;
  AdwPasswordEntryRow *password_row;
  GtkListBox *fields;
  GtkButton *sign_in_button;
  GtkSpinner *spinner;
  GtkLabel *message_label;

  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (LicSignInWindow, lic_sign_in_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (LicSignInWindow *self,
          gboolean         busy)
{
  /* A focused entry that turns insensitive misses its focus-out (GTK 4.8 warns). */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
show_text (LicSignInWindow *self,
           const char      *text,
           gboolean         is_error)
{
  gtk_label_set_text (self->message_label, text);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
}

static void
hide_text (LicSignInWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LicClient *client = LIC_CLIENT (source);
  LicSignInWindow *self;
  g_autoptr(GError) error = NULL;

  if (!lic_client_sign_in_finish (client, result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_SIGN_IN_WINDOW (user_data);
  set_busy (self, FALSE);

  if (error != NULL)
    {
      lic_sign_in_window_show_error (self, error);
      return;
    }

  lic_keyring_store_token (lic_client_get_base_url (client),
                           lic_user_get_username (lic_client_get_user (client)),
                           lic_client_get_token (client));
  g_signal_emit (self, signals[SIGNED_IN], 0, client);
}

static void
resume_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LicClient *client = LIC_CLIENT (source);
  LicSignInWindow *self;
  g_autoptr(GError) error = NULL;

  if (!lic_client_resume_session_finish (client, result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_SIGN_IN_WINDOW (user_data);
  set_busy (self, FALSE);
  if (g_error_matches (error, LIC_ERROR, LIC_ERROR_UNAUTHORIZED))
    {
      /* The server has ended the session: the password it is, and the token is of no use. */
      lic_keyring_clear_token (lic_client_get_base_url (client));
      show_text (self, _("Your session has ended. Sign in again."), FALSE);
      return;
    }
  if (error != NULL)
    {
      /* The token is kept: the server may be back at the next start. */
      lic_sign_in_window_show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNED_IN], 0, client);
}

static void
token_looked_up_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LicSignInWindow *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = lic_keyring_lookup_token_finish (result, &error);
  g_autofree char *url = NULL;
  g_autoptr(LicClient) client = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_SIGN_IN_WINDOW (user_data);
  url = lic_client_normalize_url (gtk_editable_get_text (GTK_EDITABLE (self->server_row)), NULL);
  if (token == NULL || url == NULL)
    {
      set_busy (self, FALSE);
      hide_text (self);
      return;
    }
  client = lic_client_new (url);
  lic_client_resume_session_async (client, token, self->cancellable, resume_cb, self);
}

static void
sign_in (LicSignInWindow *self)
{
  const char *address = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  g_autofree char *url = lic_client_normalize_url (address, NULL);
  g_autofree char *username = g_strstrip (g_strdup (gtk_editable_get_text (
    GTK_EDITABLE (self->username_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autoptr(LicClient) client = NULL;

  if (url == NULL)
    {
      show_text (self, _("Enter a server address such as licentia.example.org."), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
      return;
    }
  if (*username == '\0')
    {
      show_text (self, _("Enter your username."), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
      return;
    }
  if (*password == '\0')
    {
      show_text (self, _("Enter your password."), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  hide_text (self);
  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  client = lic_client_new (url);
  lic_client_sign_in_async (client, username, password, self->cancellable, sign_in_cb, self);
}

static void
lic_sign_in_window_dispose (GObject *object)
{
  LicSignInWindow *self = LIC_SIGN_IN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIC_TYPE_SIGN_IN_WINDOW);

  G_OBJECT_CLASS (lic_sign_in_window_parent_class)->dispose (object);
}

static void
lic_sign_in_window_class_init (LicSignInWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lic_sign_in_window_dispose;

  /**
   * LicSignInWindow::signed-in:
   * @client: the signed-in client
   *
   * Signing in succeeded; the window has done its work.
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, LIC_TYPE_CLIENT);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/licentia/Licentia/lic-sign-in-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LicSignInWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, LicSignInWindow, username_row);
  gtk_widget_class_bind_template_child (widget_class, LicSignInWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, LicSignInWindow, fields);
  gtk_widget_class_bind_template_child (widget_class, LicSignInWindow, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, LicSignInWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, LicSignInWindow, message_label);
  gtk_widget_class_bind_template_callback (widget_class, sign_in);
}

static void
lic_sign_in_window_init (LicSignInWindow *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *address = g_settings_get_string (settings, "server-address");
  g_autofree char *username = g_settings_get_string (settings, "username");

  gtk_widget_init_template (GTK_WIDGET (self));

  lic_sign_in_window_set_server_address (self, address);
  lic_sign_in_window_set_username (self, username);
}

LicSignInWindow *
lic_sign_in_window_new (GtkApplication *application)
{
  return g_object_new (LIC_TYPE_SIGN_IN_WINDOW, "application", application, NULL);
}

void
lic_sign_in_window_set_server_address (LicSignInWindow *self,
                                       const char      *server_address)
{
  g_return_if_fail (LIC_IS_SIGN_IN_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server_address ? server_address : "");
}

/* Prefills the username, and so puts the cursor in the password field. */
void
lic_sign_in_window_set_username (LicSignInWindow *self,
                                 const char      *username)
{
  g_return_if_fail (LIC_IS_SIGN_IN_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username ? username : "");
  gtk_window_set_focus (GTK_WINDOW (self),
                        username != NULL && *username != '\0' ? GTK_WIDGET (self->password_row)
                                                              : GTK_WIDGET (self->username_row));
}

/**
 * lic_sign_in_window_resume_session:
 *
 * Signs in with the session kept in the keyring for the server address in the window, if there
 * is one, saying so meanwhile; otherwise, or when the server refuses it, the window just asks
 * for the password. Signing in with the password meanwhile wins.
 */
void
lic_sign_in_window_resume_session (LicSignInWindow *self)
{
  g_autofree char *url = NULL;

  g_return_if_fail (LIC_IS_SIGN_IN_WINDOW (self));

  url = lic_client_normalize_url (gtk_editable_get_text (GTK_EDITABLE (self->server_row)), NULL);
  if (url == NULL)
    return;
  /* The fields stay usable: signing in with the password cancels this. */
  show_text (self, _("Signing in…"), FALSE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  lic_keyring_lookup_token_async (url, self->cancellable, token_looked_up_cb, self);
}

/**
 * lic_sign_in_window_show_message:
 *
 * Shows a note above the Sign In button, such as why the user is asked to sign in again.
 */
void
lic_sign_in_window_show_message (LicSignInWindow *self,
                                 const char      *message)
{
  g_return_if_fail (LIC_IS_SIGN_IN_WINDOW (self));

  show_text (self, message, FALSE);
}

/**
 * lic_sign_in_window_show_error:
 * @error: why signing in to the address in the window failed
 */
void
lic_sign_in_window_show_error (LicSignInWindow *self,
                               const GError    *error)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LIC_IS_SIGN_IN_WINDOW (self));
  g_return_if_fail (error != NULL);

  text = lic_error_text_sign_in (error, gtk_editable_get_text (GTK_EDITABLE (self->server_row)));
  show_text (self, text, TRUE);
  /* Where the mistake most likely is. */
  gtk_widget_grab_focus (g_error_matches (error, LIC_ERROR, LIC_ERROR_NETWORK)
                         ? GTK_WIDGET (self->server_row) : GTK_WIDGET (self->password_row));
}
