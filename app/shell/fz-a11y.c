/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-a11y"

#include "config.h"

#include <adwaita.h>

#include "fz-a11y.h"

static void mend (GtkWidget *widget);

static void
dropdown_selected_cb (GtkDropDown *dropdown)
{
  mend (GTK_WIDGET (dropdown));
}

/* A drop-down's focus goes to its inner button, which GTK 4.8 names after
 * nothing: name it "what: the value chosen", from the drop-down's tooltip. */
static void
mend_dropdown (GtkDropDown *dropdown)
{
  const char *what = gtk_widget_get_tooltip_text (GTK_WIDGET (dropdown));
  gpointer item = gtk_drop_down_get_selected_item (dropdown);
  g_autofree char *name = NULL;

  if (what == NULL)
    return;
  if (item && GTK_IS_STRING_OBJECT (item))
    name = g_strdup_printf ("%s: %s", what, gtk_string_object_get_string (item));
  else
    name = g_strdup (what);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (!g_object_get_data (G_OBJECT (dropdown), "fz-a11y-watched"))
    {
      g_object_set_data (G_OBJECT (dropdown), "fz-a11y-watched", GINT_TO_POINTER (TRUE));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), NULL);
    }
}

static void
mend (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_DROP_DOWN (widget))
    mend_dropdown (GTK_DROP_DOWN (widget));
  else if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (parent))
    mend_dropdown (GTK_DROP_DOWN (parent));

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    {
      /* Without the raw label as its label property, the button is named by
       * its mnemonic label alone: its text, once. */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
  else if (GTK_IS_SCROLLED_WINDOW (widget) && ADW_IS_STATUS_PAGE (parent))
    {
      const char *description = adw_status_page_get_description (ADW_STATUS_PAGE (parent));

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      adw_status_page_get_title (ADW_STATUS_PAGE (parent)),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description ? description : "",
                                      -1);
    }
}

void
fz_a11y_mend_tree (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  mend (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    fz_a11y_mend_tree (child);
}

void
fz_a11y_name_row (GtkWidget  *cell_child,
                  const char *label)
{
  GtkWidget *cell = gtk_widget_get_parent (cell_child);
  GtkWidget *row = cell ? gtk_widget_get_parent (cell) : NULL;

  if (row)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
focus_widget_changed_cb (GtkWindow  *window,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  /* Labels and titles can change after a page is built: mend what the user
   * is about to hear, every time. */
  if (focus)
    mend (focus);
}

static void
watch_window (GtkWindow *window)
{
  if (g_object_get_data (G_OBJECT (window), "fz-a11y-watched"))
    return;
  g_object_set_data (G_OBJECT (window), "fz-a11y-watched", GINT_TO_POINTER (TRUE));
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (focus_widget_changed_cb), NULL);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      watch_window (window);
    }
}

void
fz_a11y_install_workarounds (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels), NULL);
      g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
      g_once_init_leave (&installed, 1);
    }
}
