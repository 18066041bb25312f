/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* One row of a list on the page: its number in its table and the text of
 * each column, as a query gave them. */
#define FZP_TYPE_WELFARE_POSTS_ROW (fzp_welfare_posts_row_get_type ())
G_DECLARE_FINAL_TYPE (FzpWelfarePostsRow, fzp_welfare_posts_row, FZP, WELFARE_POSTS_ROW, GObject)

gint64      fzp_welfare_posts_row_get_id   (FzpWelfarePostsRow *self);
/* The text of column @column, "" past the end. */
const char *fzp_welfare_posts_row_get_text (FzpWelfarePostsRow *self,
                                            guint               column);

/* Replaces the items of @store with a row for each row of @stmt: column 0
 * is the id, the others the texts. Returns how many. */
guint       fzp_welfare_posts_row_fill     (GListStore         *store,
                                            FzStatement        *stmt,
                                            GError            **error);
/* Adds a column titled @title showing text @column of each row (a
 * GtkInscription, so a long text is cut, with the whole as tooltip),
 * @width pixels wide at first; an @expand column takes the room left. */
void        fzp_welfare_posts_row_add_column (GtkColumnView    *view,
                                              const char       *title,
                                              guint             column,
                                              int               width,
                                              gboolean          expand);

G_END_DECLS
