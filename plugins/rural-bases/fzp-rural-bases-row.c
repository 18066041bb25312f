/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include "fzp-rural-bases-row.h"

struct _FzpRuralBasesRow
{
  GObject   parent_instance;
  gint64    id;
  gint64    extra;
  char    **cells;
  guint     n_cells;
};

G_DEFINE_FINAL_TYPE (FzpRuralBasesRow, fzp_rural_bases_row, G_TYPE_OBJECT)

static void
fzp_rural_bases_row_finalize (GObject *object)
{
  FzpRuralBasesRow *self = FZP_RURAL_BASES_ROW (object);

  g_strfreev (self->cells);
  G_OBJECT_CLASS (fzp_rural_bases_row_parent_class)->finalize (object);
}

static void
fzp_rural_bases_row_class_init (FzpRuralBasesRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fzp_rural_bases_row_finalize;
}

static void
fzp_rural_bases_row_init (FzpRuralBasesRow *self)
{
}

FzpRuralBasesRow *
fzp_rural_bases_row_new (gint64   id,
                         char   **cells)
{
  FzpRuralBasesRow *self = g_object_new (FZP_TYPE_RURAL_BASES_ROW, NULL);

  self->id = id;
  self->cells = cells ? cells : g_new0 (char *, 1);
  self->n_cells = g_strv_length (self->cells);
  return self;
}

gint64
fzp_rural_bases_row_get_id (FzpRuralBasesRow *self)
{
  g_return_val_if_fail (FZP_IS_RURAL_BASES_ROW (self), 0);
  return self->id;
}

const char *
fzp_rural_bases_row_get_cell (FzpRuralBasesRow *self,
                              guint             column)
{
  g_return_val_if_fail (FZP_IS_RURAL_BASES_ROW (self), "");
  return column < self->n_cells && self->cells[column] ? self->cells[column] : "";
}

gint64
fzp_rural_bases_row_get_extra (FzpRuralBasesRow *self)
{
  g_return_val_if_fail (FZP_IS_RURAL_BASES_ROW (self), 0);
  return self->extra;
}

void
fzp_rural_bases_row_set_extra (FzpRuralBasesRow *self,
                               gint64            extra)
{
  g_return_if_fail (FZP_IS_RURAL_BASES_ROW (self));
  self->extra = extra;
}
