/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row of a list on the page: an id, a second number where a row needs
 * one (a review's year), and the text of its columns. */
#define FZP_TYPE_BLIND_MASSAGE_ROW (fzp_blind_massage_row_get_type ())
G_DECLARE_FINAL_TYPE (FzpBlindMassageRow, fzp_blind_massage_row, FZP, BLIND_MASSAGE_ROW, GObject)

FzpBlindMassageRow *fzp_blind_massage_row_new        (gint64              id,
                                                      gint64              extra,
                                                      const char * const *fields,
                                                      guint               n_fields);
gint64              fzp_blind_massage_row_get_id     (FzpBlindMassageRow *self);
gint64              fzp_blind_massage_row_get_extra  (FzpBlindMassageRow *self);
/* Field @index, "" past the end. */
const char         *fzp_blind_massage_row_get_field  (FzpBlindMassageRow *self,
                                                      guint               index);
guint               fzp_blind_massage_row_get_n_fields (FzpBlindMassageRow *self);

G_END_DECLS
