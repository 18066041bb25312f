/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* A GListModel of FzpBlindMassageRow that reads a query's rows from the
 * database a page at a time, as the list scrolls to them: lists that grow
 * to the whole city never load whole. The query's first column is the
 * row's id, the others its fields. */
#define FZP_TYPE_BLIND_MASSAGE_ROW_MODEL (fzp_blind_massage_row_model_get_type ())
G_DECLARE_FINAL_TYPE (FzpBlindMassageRowModel, fzp_blind_massage_row_model, FZP, BLIND_MASSAGE_ROW_MODEL, GObject)

/* @sql: a SELECT without LIMIT (fixed text; values go in @params, a tuple,
 * may be NULL or floating). */
FzpBlindMassageRowModel *fzp_blind_massage_row_model_new       (FzDatabase              *database,
                                                                const char              *sql,
                                                                GVariant                *params);
/* Changes the query's values and reads it again. */
void                     fzp_blind_massage_row_model_set_params (FzpBlindMassageRowModel *self,
                                                                 GVariant                *params);
/* Reads the query again (after a change), telling the list. */
void                     fzp_blind_massage_row_model_reload     (FzpBlindMassageRowModel *self);

G_END_DECLS
