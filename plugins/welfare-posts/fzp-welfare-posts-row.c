/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-welfare-posts"

#include "config.h"

#include "fzp-welfare-posts-row.h"

struct _FzpWelfarePostsRow
{
  GObject   parent_instance;
  gint64    id;
  GStrv     texts;
};

G_DEFINE_FINAL_TYPE (FzpWelfarePostsRow, fzp_welfare_posts_row, G_TYPE_OBJECT)

static void
fzp_welfare_posts_row_finalize (GObject *object)
{
  FzpWelfarePostsRow *self = FZP_WELFARE_POSTS_ROW (object);

  g_strfreev (self->texts);
  G_OBJECT_CLASS (fzp_welfare_posts_row_parent_class)->finalize (object);
}

static void
fzp_welfare_posts_row_class_init (FzpWelfarePostsRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fzp_welfare_posts_row_finalize;
}

static void
fzp_welfare_posts_row_init (FzpWelfarePostsRow *self)
{
}

gint64
fzp_welfare_posts_row_get_id (FzpWelfarePostsRow *self)
{
  g_return_val_if_fail (FZP_IS_WELFARE_POSTS_ROW (self), 0);
  return self->id;
}

const char *
fzp_welfare_posts_row_get_text (FzpWelfarePostsRow *self,
                                guint               column)
{
  g_return_val_if_fail (FZP_IS_WELFARE_POSTS_ROW (self), "");
  if (self->texts == NULL || column >= g_strv_length (self->texts))
    return "";
  return self->texts[column];
}

guint
fzp_welfare_posts_row_fill (GListStore   *store,
                            FzStatement  *stmt,
                            GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int n = fz_statement_column_count (stmt);
  GError *local = NULL;

  while (fz_statement_step (stmt, &local))
    {
      FzpWelfarePostsRow *row = g_object_new (FZP_TYPE_WELFARE_POSTS_ROW, NULL);

      row->id = fz_statement_get_int64 (stmt, 0);
      row->texts = g_new0 (char *, n);
      for (int c = 1; c < n; c++)
        row->texts[c - 1] = g_strdup (fz_statement_get_text (stmt, c) ? fz_statement_get_text (stmt, c) : "");
      g_ptr_array_add (rows, row);
    }
  if (local)
    {
      g_propagate_error (error, local);
      return 0;
    }
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), rows->pdata, rows->len);
  return rows->len;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 4);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 10);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  FzpWelfarePostsRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = fzp_welfare_posts_row_get_text (row, GPOINTER_TO_UINT (user_data));

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  gtk_widget_set_tooltip_text (label, *text ? text : NULL);
}

void
fzp_welfare_posts_row_add_column (GtkColumnView *view,
                                  const char    *title,
                                  guint          column,
                                  int            width,
                                  gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (view, col);
}
