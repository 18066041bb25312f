/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-blind-massage-rules.h"
#include "fzp-blind-massage-store.h"
#include "fzp-blind-massage-ui.h"

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);
  guint chars = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "fzp-chars"));

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), chars);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  FzpBlindMassageRow *row = gtk_list_item_get_item (item);
  guint field = GPOINTER_TO_UINT (user_data);
  const char *text = row ? fzp_blind_massage_row_get_field (row, field) : "";

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
  /* Long text is cut on screen: the tooltip has it whole. */
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text && g_utf8_strlen (text, -1) > 12 ? text : NULL);
  /* A screen reader reads the row that has the focus by all it says, not by
   * its first cell; GTK 4.8 gives the row no name of its own. */
  if (field == 0 && row)
    {
      GtkWidget *cell = gtk_widget_get_parent (gtk_list_item_get_child (item));
      GtkWidget *row_widget = cell ? gtk_widget_get_parent (cell) : NULL;
      g_autoptr(GString) label = g_string_new (NULL);

      for (guint i = 0; i < fzp_blind_massage_row_get_n_fields (row); i++)
        {
          const char *value = fzp_blind_massage_row_get_field (row, i);
          if (*value)
            g_string_append_printf (label, "%s%s", label->len ? ", " : "", value);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
      if (row_widget)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
    }
}

GtkColumnViewColumn *
fzp_blind_massage_ui_add_column (GtkColumnView *view,
                                 const char    *title,
                                 guint          field,
                                 guint          chars,
                                 gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  /* As wide as the longest value the title suggests: an identity number
   * has 18 characters, a name 3 or 4 CJK ones (two columns each). */
  g_object_set_data (G_OBJECT (factory), "fzp-chars", GUINT_TO_POINTER (MAX (chars, 4)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (field));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}

FzpBlindMassageRow *
fzp_blind_massage_ui_get_selected (GtkSingleSelection *selection)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);

  return FZP_IS_BLIND_MASSAGE_ROW (item) ? item : NULL;
}

void
fzp_blind_massage_ui_select_id (GtkSingleSelection *selection,
                                gint64              id,
                                guint               limit)
{
  GListModel *model = G_LIST_MODEL (selection);
  guint n = MIN (g_list_model_get_n_items (model), limit);

  for (guint i = 0; id != 0 && i < n; i++)
    {
      g_autoptr(FzpBlindMassageRow) row = g_list_model_get_item (model, i);

      if (row && fzp_blind_massage_row_get_id (row) == id)
        {
          gtk_single_selection_set_selected (selection, i);
          return;
        }
    }
}

static void
mark (GtkWidget  *widget,
      const char *message)
{
  if (message)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else if (gtk_widget_has_css_class (widget, "error"))
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* The title of the row @field sits in, without its mnemonic: "_From" and
 * "起始日期(_F)" are "From" and "起始日期", as error messages name them. */
char *
fzp_blind_massage_ui_field_name (GtkWidget *field)
{
  GtkWidget *row = ADW_IS_PREFERENCES_ROW (field) ? field : gtk_widget_get_ancestor (field, ADW_TYPE_PREFERENCES_ROW);
  const char *title = row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
  GString *name = g_string_new (NULL);

  for (const char *p = title ? title : ""; *p; p++)
    {
      if (p[0] == '(' && p[1] == '_' && p[2] && p[3] == ')')
        p += 3;
      else if (*p != '_')
        g_string_append_c (name, *p);
    }
  return g_strstrip (g_string_free (name, FALSE));
}

void
fzp_blind_massage_ui_show_error (GtkLabel          *label,
                                 const char        *message,
                                 GtkWidget         *fallback,
                                 GtkWidget * const *fields)
{
  GtkWidget *target = fallback;

  for (guint i = 0; fields && fields[i]; i++)
    {
      g_autofree char *name = fzp_blind_massage_ui_field_name (fields[i]);
      gsize n = strlen (name);

      mark (fields[i], NULL);
      if (message && n > 0 && g_str_has_prefix (message, name)
          && (message[n] == ':' || g_str_has_prefix (message + n, "：")))
        target = fields[i];
    }
  if (fallback)
    mark (fallback, NULL);
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message && target)
    {
      mark (target, message);
      gtk_widget_grab_focus (target);
    }
}

char *
fzp_blind_massage_ui_today (void)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  return fzp_blind_massage_date_to_iso (&today);
}

gboolean
fzp_blind_massage_ui_read_date (GtkEditable  *field,
                                gboolean      optional,
                                GDate        *date,
                                GError      **error)
{
  g_autofree char *name = fzp_blind_massage_ui_field_name (GTK_WIDGET (field));

  return fzp_blind_massage_parse_date (gtk_editable_get_text (field), name, optional, date, error);
}

GtkStringList *
fzp_blind_massage_ui_counties (FzDatabase  *db,
                               const char  *first,
                               GPtrArray  **codes)
{
  g_autoptr(GPtrArray) counties = fz_county_list (db, NULL);
  GtkStringList *names = gtk_string_list_new (NULL);

  *codes = g_ptr_array_new_with_free_func (g_free);
  if (first)
    {
      gtk_string_list_append (names, first);
      g_ptr_array_add (*codes, NULL);
    }
  for (guint i = 0; counties && i < counties->len; i++)
    {
      FzCounty *county = g_ptr_array_index (counties, i);
      gtk_string_list_append (names, county->name);
      g_ptr_array_add (*codes, g_strdup (county->code));
    }
  return names;
}

void
fzp_blind_massage_ui_fill_list (GtkListBox         *list,
                                const char * const *lines,
                                const char         *empty)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
  for (guint i = 0; lines && lines[i] && lines[i + 1]; i += 2)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (lines[i], -1);
      g_autofree char *subtitle = g_markup_escape_text (lines[i + 1], -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (list, row);
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (list)) == NULL && empty)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (empty, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (list, row);
    }
}

void
fzp_blind_massage_ui_toast (GtkWidget  *widget,
                            const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
    }
}
