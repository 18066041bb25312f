/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include "fzp-blind-massage-row.h"

struct _FzpBlindMassageRow
{
  GObject   parent_instance;
  gint64    id;
  gint64    extra;
  GStrv     fields;
  guint     n_fields;
};

G_DEFINE_FINAL_TYPE (FzpBlindMassageRow, fzp_blind_massage_row, G_TYPE_OBJECT)

static void
fzp_blind_massage_row_finalize (GObject *object)
{
  FzpBlindMassageRow *self = FZP_BLIND_MASSAGE_ROW (object);

  g_strfreev (self->fields);
  G_OBJECT_CLASS (fzp_blind_massage_row_parent_class)->finalize (object);
}

static void
fzp_blind_massage_row_class_init (FzpBlindMassageRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fzp_blind_massage_row_finalize;
}

static void
fzp_blind_massage_row_init (FzpBlindMassageRow *self)
{
}

FzpBlindMassageRow *
fzp_blind_massage_row_new (gint64              id,
                           gint64              extra,
                           const char * const *fields,
                           guint               n_fields)
{
  FzpBlindMassageRow *self = g_object_new (FZP_TYPE_BLIND_MASSAGE_ROW, NULL);

  self->id = id;
  self->extra = extra;
  self->n_fields = n_fields;
  self->fields = g_new0 (char *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    self->fields[i] = g_strdup (fields[i] ? fields[i] : "");
  return self;
}

gint64
fzp_blind_massage_row_get_id (FzpBlindMassageRow *self)
{
  g_return_val_if_fail (FZP_IS_BLIND_MASSAGE_ROW (self), 0);
  return self->id;
}

gint64
fzp_blind_massage_row_get_extra (FzpBlindMassageRow *self)
{
  g_return_val_if_fail (FZP_IS_BLIND_MASSAGE_ROW (self), 0);
  return self->extra;
}

const char *
fzp_blind_massage_row_get_field (FzpBlindMassageRow *self,
                                 guint               index)
{
  g_return_val_if_fail (FZP_IS_BLIND_MASSAGE_ROW (self), "");
  return index < self->n_fields ? self->fields[index] : "";
}

guint
fzp_blind_massage_row_get_n_fields (FzpBlindMassageRow *self)
{
  g_return_val_if_fail (FZP_IS_BLIND_MASSAGE_ROW (self), 0);
  return self->n_fields;
}
