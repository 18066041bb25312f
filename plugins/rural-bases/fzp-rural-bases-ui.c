/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-rural-bases-rules.h"
#include "fzp-rural-bases-ui.h"

GListStore *
fzp_rural_bases_ui_setup_list (GtkColumnView *view)
{
  GListStore *store = g_list_store_new (FZP_TYPE_RURAL_BASES_ROW);
  /* The selection takes a reference of its own; the caller keeps @store's. */
  GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (store)));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  return store;
}

/* GTK 4.8's inscription keeps a reference to its attributes and never
 * drops it when it is finalized: give them back while it is destroyed. */
static void
inscription_destroy_cb (GtkInscription *inscription)
{
  gtk_inscription_set_attributes (inscription, NULL);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);
  PangoAttrList *attributes = pango_attr_list_new ();

  /* The records are Chinese whatever the desktop speaks: Chinese glyphs. */
  pango_attr_list_insert (attributes, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  gtk_inscription_set_attributes (GTK_INSCRIPTION (inscription), attributes);
  pango_attr_list_unref (attributes);
  g_signal_connect (inscription, "destroy", G_CALLBACK (inscription_destroy_cb), NULL);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 2);
  /* An inscription is as tall as its font's line, and clips what draws
   * below it: Chinese glyphs of a fallback font lose their bottom stroke.
   * Make room for a line of them. */
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (inscription, "国");
    int height = 0;

    pango_layout_get_pixel_size (layout, NULL, &height);
    gtk_widget_set_size_request (inscription, -1, height + 4);
  }
  gtk_widget_set_margin_start (inscription, 6);
  gtk_widget_set_margin_end (inscription, 6);
  gtk_list_item_set_child (item, inscription);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  FzpRuralBasesRow *row = gtk_list_item_get_item (item);
  const char *text = fzp_rural_bases_row_get_cell (row, GPOINTER_TO_UINT (user_data));

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
  /* What does not fit is still there on hover. */
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), *text ? text : NULL);
}

void
fzp_rural_bases_ui_add_column (GtkColumnView *view,
                               const char    *title,
                               guint          index,
                               guint          chars,
                               gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (index));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  {
    /* As wide as @chars characters of the list's own font, or its header. */
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), "国");
    g_autoptr(PangoLayout) header = gtk_widget_create_pango_layout (GTK_WIDGET (view), title);
    int width = 0, title_width = 0;

    pango_layout_get_pixel_size (layout, &width, NULL);
    pango_layout_get_pixel_size (header, &title_width, NULL);
    /* The header is bold: a little more room than its plain text takes. */
    gtk_column_view_column_set_fixed_width (column, MAX ((int) chars * MAX (width, 8), title_width * 11 / 10) + 24);
  }
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

void
fzp_rural_bases_ui_set_empty (GtkColumnView *view,
                              GtkWidget     *empty)
{
  GtkSelectionModel *model = gtk_column_view_get_model (view);
  gboolean has_rows = model && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
  GtkWidget *frame = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);

  gtk_widget_set_visible (frame ? frame : GTK_WIDGET (view), has_rows);
  gtk_widget_set_visible (empty, !has_rows);
  /* A column view asks for little height of its own: give its frame room
   * for the header and up to eight rows, then let it scroll. */
  if (frame && has_rows)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), "国");
      guint n = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
      int line = 0;

      pango_layout_get_pixel_size (layout, NULL, &line);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (frame),
                                                  (line + 16) + (int) MIN (n, 8) * (line + 20));
    }
}

FzpRuralBasesRow *
fzp_rural_bases_ui_get_selected (GtkColumnView *view)
{
  GtkSelectionModel *model = gtk_column_view_get_model (view);

  if (!GTK_IS_SINGLE_SELECTION (model))
    return NULL;
  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
}

FzpRuralBasesRow *
fzp_rural_bases_ui_append (GListStore *store,
                           gint64      id,
                           const char *first_cell,
                           ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(FzpRuralBasesRow) row = NULL;
  va_list ap;

  va_start (ap, first_cell);
  for (const char *cell = first_cell; cell; cell = va_arg (ap, const char *))
    g_strv_builder_add (builder, cell);
  va_end (ap);
  row = fzp_rural_bases_row_new (id, g_strv_builder_end (builder));
  g_list_store_append (store, row);
  return row;
}

/* The title of @field: an AdwPreferencesRow's own, or that of the action
 * row a field's GtkEntry is in. */
static const char *
field_title (GtkWidget *field)
{
  GtkWidget *row = ADW_IS_PREFERENCES_ROW (field) ? field : gtk_widget_get_ancestor (field, ADW_TYPE_PREFERENCES_ROW);

  return row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : "";
}

void
fzp_rural_bases_ui_show_error (GtkLabel    *label,
                               GtkWidget  **fields,
                               const char  *message)
{
  GtkWidget *culprit = NULL;

  for (guint i = 0; fields && fields[i]; i++)
    {
      const char *title = field_title (fields[i]);
      gsize length = strlen (title);

      gtk_widget_remove_css_class (fields[i], "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (fields[i]), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (fields[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      if (message && culprit == NULL && g_str_has_prefix (message, title) &&
          (message[length] == ':' || g_str_has_prefix (message + length, "：")))
        culprit = fields[i];
    }
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message == NULL)
    return;
  if (culprit)
    {
      gtk_widget_add_css_class (culprit, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (culprit), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (culprit), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_widget_grab_focus (culprit);
    }
  else if (fields && fields[0])
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (fields[0]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_widget_grab_focus (fields[0]);
    }
}

const char *
fzp_rural_bases_ui_title (GtkEntry *entry)
{
  return field_title (GTK_WIDGET (entry));
}

const char *
fzp_rural_bases_ui_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

gboolean
fzp_rural_bases_ui_read_date (GtkEntry     *entry,
                              gboolean      required,
                              GDate        *date,
                              GError      **error)
{
  g_autofree char *text = fz_normalize_text (fzp_rural_bases_ui_text (entry));

  g_date_clear (date, 1);
  if (*text == '\0' && !required)
    return TRUE;
  return fz_parse_date (text, fzp_rural_bases_ui_title (entry), date, error);
}

void
fzp_rural_bases_ui_set_today (GtkEntry *entry)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = g_date_time_format (now, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

char *
fzp_rural_bases_ui_date_text (const GDate *date)
{
  char buffer[11];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  /* The seeded rules start "forever ago". */
  if (g_date_get_year (date) <= 1900)
    return g_strdup (_("Default"));
  fzp_rural_bases_format_date (date, buffer);
  return g_strdup (buffer);
}

GListModel *
fzp_rural_bases_ui_levels (const char *none_first)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (none_first)
    gtk_string_list_append (list, none_first);
  for (guint i = 1; i <= FZP_RURAL_BASES_LEVEL_LAST; i++)
    gtk_string_list_append (list, fzp_rural_bases_level_to_string (i));
  return G_LIST_MODEL (list);
}

GListModel *
fzp_rural_bases_ui_industries (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 1; i <= FZP_RURAL_BASES_INDUSTRY_LAST; i++)
    gtk_string_list_append (list, fzp_rural_bases_industry_to_string (i));
  return G_LIST_MODEL (list);
}

GListModel *
fzp_rural_bases_ui_helps (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 1; i <= FZP_RURAL_BASES_HELP_LAST; i++)
    gtk_string_list_append (list, fzp_rural_bases_help_to_string (i));
  return G_LIST_MODEL (list);
}

GListModel *
fzp_rural_bases_ui_results (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 1; i <= FZP_RURAL_BASES_RESULT_LAST; i++)
    gtk_string_list_append (list, fzp_rural_bases_result_to_string (i));
  return G_LIST_MODEL (list);
}

GListModel *
fzp_rural_bases_ui_counties (FzContext   *context,
                             const char  *all_first,
                             GPtrArray  **codes)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) counties = fz_county_list (fz_context_get_database (context), NULL);

  *codes = g_ptr_array_new_with_free_func (g_free);
  if (all_first)
    {
      gtk_string_list_append (list, all_first);
      g_ptr_array_add (*codes, NULL);
    }
  for (guint i = 0; counties && i < counties->len; i++)
    {
      FzCounty *county = g_ptr_array_index (counties, i);

      gtk_string_list_append (list, county->name);
      g_ptr_array_add (*codes, g_strdup (county->code));
    }
  return G_LIST_MODEL (list);
}
