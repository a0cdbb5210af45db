/* lic-activation-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lic-activation-window.h"
#include "lic-error-text.h"

struct _LicActivationWindow
{
  AdwWindow parent_instance;

  GtkButton *activate_button;
  AdwEntryRow *code_row;
  GtkWidget *progress_box;
  GtkSpinner *spinner;
  GtkLabel *error_label;

  LicClient *client;
  GCancellable *cancellable;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (LicActivationWindow, lic_activation_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
has_code (LicActivationWindow *self)
{
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (
    self->code_row))));

  return *code != '\0';
}

static void
set_busy (LicActivationWindow *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->code_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->activate_button), !busy && has_code (self));
}

static void
show_error (LicActivationWindow *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
code_changed_cb (LicActivationWindow *self)
{
  show_error (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->activate_button), !self->busy && has_code (self));
}

/* The line the code delivered: the order's activation e-mail line delivered last. */
static LicOrderLine *
activated_line (LicOrder *order)
{
  GListModel *lines = lic_order_get_lines (order);
  LicOrderLine *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(LicOrderLine) line = g_list_model_get_item (lines, i);

      if (lic_order_line_get_delivery (line) != LIC_DELIVERY_ACTIVATION_MAIL
          || lic_order_line_get_state (line) != LIC_ORDER_LINE_STATE_DELIVERED)
        continue;
      if (found == NULL || g_strcmp0 (lic_order_line_get_state_since (line),
                                      lic_order_line_get_state_since (found)) > 0)
        g_set_object (&found, line);
    }
  return found;
}

static void
activate_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LicActivationWindow *self;
  g_autoptr(LicOrder) order = NULL;
  g_autoptr(LicOrderLine) line = NULL;
  g_autoptr(GError) error = NULL;

  order = lic_client_activate_finish (LIC_CLIENT (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LIC_ACTIVATION_WINDOW (user_data);
  set_busy (self, FALSE);
  if (order == NULL)
    {
      if (g_error_matches (error, LIC_ERROR, LIC_ERROR_NOT_FOUND))
        show_error (self, _("This activation code is not valid. Check that you copied all of "
                            "it."));
      /* The server says which in English only, for now; both mean a new e-mail is needed. */
      else if (g_error_matches (error, LIC_ERROR, LIC_ERROR_CONFLICT))
        show_error (self, _("This activation code has been used already or has expired. If the "
                            "licenses have not arrived, ask the supplier for a new activation "
                            "e-mail."));
      else
        show_error (self, lic_error_text_description (error));
      gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
      return;
    }

  line = activated_line (order);
  g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, order, line);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
activate_cb (LicActivationWindow *self)
{
  g_autofree char *code = NULL;

  if (self->busy || self->client == NULL || !has_code (self))
    return;

  code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row))));
  show_error (self, NULL);
  set_busy (self, TRUE);
  lic_client_activate_async (self->client, code, self->cancellable, activate_done_cb, self);
}

static void
lic_activation_window_dispose (GObject *object)
{
  LicActivationWindow *self = LIC_ACTIVATION_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIC_TYPE_ACTIVATION_WINDOW);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lic_activation_window_parent_class)->dispose (object);
}

static void
lic_activation_window_class_init (LicActivationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lic_activation_window_dispose;

  /**
   * LicActivationWindow::activated:
   * @order: the order of the code's line
   * @line: (nullable): the line whose licenses arrived
   *
   * The code was accepted and the licenses are in the pool; the window closes.
   */
  signals[SIGNAL_ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, LIC_TYPE_ORDER, LIC_TYPE_ORDER_LINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/"
                                               "lic-activation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LicActivationWindow, activate_button);
  gtk_widget_class_bind_template_child (widget_class, LicActivationWindow, code_row);
  gtk_widget_class_bind_template_child (widget_class, LicActivationWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LicActivationWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, LicActivationWindow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, code_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lic_activation_window_init (LicActivationWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * lic_activation_window_new:
 * @parent: (nullable): the main window
 * @client: the signed-in client
 */
LicActivationWindow *
lic_activation_window_new (GtkWindow *parent,
                           LicClient *client)
{
  LicActivationWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIC_IS_CLIENT (client), NULL);

  self = g_object_new (LIC_TYPE_ACTIVATION_WINDOW, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  return self;
}

/* Puts @code into the entry, as a link brings it. */
void
lic_activation_window_set_code (LicActivationWindow *self,
                                const char          *code)
{
  g_return_if_fail (LIC_IS_ACTIVATION_WINDOW (self));
  g_return_if_fail (code != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->code_row), code);
}

/* Sends the code in the entry, as the Activate button does. */
void
lic_activation_window_activate (LicActivationWindow *self)
{
  g_return_if_fail (LIC_IS_ACTIVATION_WINDOW (self));

  activate_cb (self);
}
