/* lic-status-stack.c
 *
 * Shows one of: a spinner while loading, an empty state, an error with "Try Again", or the
 * view's own content. A view only says which; the wording of errors comes from lic-error-text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "lic-error-text.h"
#include "lic-status-stack.h"

/* A reload that answers quickly keeps what was shown instead of flashing a spinner. */
#define SPINNER_DELAY_MS 300

struct _LicStatusStack
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  GtkWidget *content;

  LicStatus status;
  guint spinner_timeout_id;
};

G_DEFINE_FINAL_TYPE (LicStatusStack, lic_status_stack, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_EMPTY_ICON_NAME,
  N_PROPS
};

enum {
  RETRY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_page (LicStatusStack *self,
           LicStatus       status,
           const char     *page)
{
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  self->status = status;
  gtk_stack_set_visible_child_name (self->stack, page);
}

static gboolean
show_spinner_cb (gpointer user_data)
{
  LicStatusStack *self = user_data;

  self->spinner_timeout_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  return G_SOURCE_REMOVE;
}

static void
try_again_cb (LicStatusStack *self)
{
  g_signal_emit (self, signals[RETRY], 0);
}

static void
lic_status_stack_dispose (GObject *object)
{
  LicStatusStack *self = LIC_STATUS_STACK (object);

  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIC_TYPE_STATUS_STACK);
  self->content = NULL;

  G_OBJECT_CLASS (lic_status_stack_parent_class)->dispose (object);
}

static void
lic_status_stack_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LicStatusStack *self = LIC_STATUS_STACK (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;

    case PROP_EMPTY_TITLE:
      g_value_set_string (value, lic_status_stack_get_empty_title (self));
      break;

    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, lic_status_stack_get_empty_description (self));
      break;

    case PROP_EMPTY_ICON_NAME:
      g_value_set_string (value, lic_status_stack_get_empty_icon_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_status_stack_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LicStatusStack *self = LIC_STATUS_STACK (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      lic_status_stack_set_content (self, g_value_get_object (value));
      break;

    case PROP_EMPTY_TITLE:
      lic_status_stack_set_empty_title (self, g_value_get_string (value));
      break;

    case PROP_EMPTY_DESCRIPTION:
      lic_status_stack_set_empty_description (self, g_value_get_string (value));
      break;

    case PROP_EMPTY_ICON_NAME:
      lic_status_stack_set_empty_icon_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lic_status_stack_class_init (LicStatusStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lic_status_stack_dispose;
  object_class->get_property = lic_status_stack_get_property;
  object_class->set_property = lic_status_stack_set_property;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMPTY_ICON_NAME] =
    g_param_spec_string ("empty-icon-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LicStatusStack::retry:
   *
   * The user pressed "Try Again" on the error state: load again.
   */
  signals[RETRY] = g_signal_new ("retry",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/licentia/Licentia/lic-status-stack.ui");
  gtk_widget_class_bind_template_child (widget_class, LicStatusStack, stack);
  gtk_widget_class_bind_template_child (widget_class, LicStatusStack, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LicStatusStack, error_page);
  gtk_widget_class_bind_template_callback (widget_class, try_again_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lic_status_stack_init (LicStatusStack *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->status = LIC_STATUS_LOADING;
}

GtkWidget *
lic_status_stack_get_content (LicStatusStack *self)
{
  g_return_val_if_fail (LIC_IS_STATUS_STACK (self), NULL);

  return self->content;
}

/**
 * lic_status_stack_set_content:
 * @content: (nullable): the view's widget, shown in the content state
 */
void
lic_status_stack_set_content (LicStatusStack *self,
                              GtkWidget      *content)
{
  g_return_if_fail (LIC_IS_STATUS_STACK (self));
  g_return_if_fail (content == NULL || GTK_IS_WIDGET (content));

  if (self->content == content)
    return;
  if (self->content != NULL)
    gtk_stack_remove (self->stack, self->content);
  self->content = content;
  if (content != NULL)
    gtk_stack_add_named (self->stack, content, "content");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

const char *
lic_status_stack_get_empty_title (LicStatusStack *self)
{
  g_return_val_if_fail (LIC_IS_STATUS_STACK (self), NULL);

  return adw_status_page_get_title (self->empty_page);
}

void
lic_status_stack_set_empty_title (LicStatusStack *self,
                                  const char     *title)
{
  g_return_if_fail (LIC_IS_STATUS_STACK (self));

  if (g_strcmp0 (title, adw_status_page_get_title (self->empty_page)) == 0)
    return;
  adw_status_page_set_title (self->empty_page, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_TITLE]);
}

const char *
lic_status_stack_get_empty_description (LicStatusStack *self)
{
  g_return_val_if_fail (LIC_IS_STATUS_STACK (self), NULL);

  return adw_status_page_get_description (self->empty_page);
}

void
lic_status_stack_set_empty_description (LicStatusStack *self,
                                        const char     *description)
{
  g_return_if_fail (LIC_IS_STATUS_STACK (self));

  if (g_strcmp0 (description, adw_status_page_get_description (self->empty_page)) == 0)
    return;
  adw_status_page_set_description (self->empty_page, description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_DESCRIPTION]);
}

const char *
lic_status_stack_get_empty_icon_name (LicStatusStack *self)
{
  g_return_val_if_fail (LIC_IS_STATUS_STACK (self), NULL);

  return adw_status_page_get_icon_name (self->empty_page);
}

void
lic_status_stack_set_empty_icon_name (LicStatusStack *self,
                                      const char     *icon_name)
{
  g_return_if_fail (LIC_IS_STATUS_STACK (self));

  if (g_strcmp0 (icon_name, adw_status_page_get_icon_name (self->empty_page)) == 0)
    return;
  adw_status_page_set_icon_name (self->empty_page, icon_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_ICON_NAME]);
}

LicStatus
lic_status_stack_get_status (LicStatusStack *self)
{
  g_return_val_if_fail (LIC_IS_STATUS_STACK (self), LIC_STATUS_LOADING);

  return self->status;
}

void
lic_status_stack_show_loading (LicStatusStack *self)
{
  g_return_if_fail (LIC_IS_STATUS_STACK (self));

  self->status = LIC_STATUS_LOADING;
  if (self->spinner_timeout_id == 0
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") != 0)
    self->spinner_timeout_id = g_timeout_add (SPINNER_DELAY_MS, show_spinner_cb, self);
}

void
lic_status_stack_show_empty (LicStatusStack *self)
{
  g_return_if_fail (LIC_IS_STATUS_STACK (self));

  show_page (self, LIC_STATUS_EMPTY, "empty");
}

void
lic_status_stack_show_content (LicStatusStack *self)
{
  g_return_if_fail (LIC_IS_STATUS_STACK (self));
  g_return_if_fail (self->content != NULL);

  show_page (self, LIC_STATUS_CONTENT, "content");
}

void
lic_status_stack_show_error (LicStatusStack *self,
                             const GError   *error)
{
  g_autofree char *description = NULL;

  g_return_if_fail (LIC_IS_STATUS_STACK (self));
  g_return_if_fail (error != NULL);

  /* The description is markup, and may be the server's own words. */
  description = g_markup_escape_text (lic_error_text_description (error), -1);
  adw_status_page_set_icon_name (self->error_page, lic_error_text_icon_name (error));
  adw_status_page_set_title (self->error_page, lic_error_text_title (error));
  adw_status_page_set_description (self->error_page, description);
  show_page (self, LIC_STATUS_ERROR, "error");
}
