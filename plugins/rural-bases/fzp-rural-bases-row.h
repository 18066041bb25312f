/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row of a list on the page: the record's number and the text of its
 * cells, column by column, as GtkColumnView cells show them. */
#define FZP_TYPE_RURAL_BASES_ROW (fzp_rural_bases_row_get_type ())
G_DECLARE_FINAL_TYPE (FzpRuralBasesRow, fzp_rural_bases_row, FZP, RURAL_BASES_ROW, GObject)

/* Takes @cells (NULL-terminated). */
FzpRuralBasesRow *fzp_rural_bases_row_new       (gint64            id,
                                                 char            **cells);
gint64            fzp_rural_bases_row_get_id    (FzpRuralBasesRow *self);
/* The text of column @column, "" past the last. */
const char       *fzp_rural_bases_row_get_cell  (FzpRuralBasesRow *self,
                                                 guint             column);
/* A second number the row carries (a person's id, a level), 0 by default. */
gint64            fzp_rural_bases_row_get_extra (FzpRuralBasesRow *self);
void              fzp_rural_bases_row_set_extra (FzpRuralBasesRow *self,
                                                 gint64            extra);

G_END_DECLS
