/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-gongfu-workshops"

#include "config.h"

#include "fzp-gongfu-workshops-row.h"

struct _FzpGongfuWorkshopsRow
{
  GObject    parent_instance;
  gint64     id;
  gint64     other_id;
  GStrv      fields;
  guint      n_fields;
  gboolean   past;
};

G_DEFINE_FINAL_TYPE (FzpGongfuWorkshopsRow, fzp_gongfu_workshops_row, G_TYPE_OBJECT)

static void
fzp_gongfu_workshops_row_finalize (GObject *object)
{
  FzpGongfuWorkshopsRow *self = FZP_GONGFU_WORKSHOPS_ROW (object);

  g_strfreev (self->fields);
  G_OBJECT_CLASS (fzp_gongfu_workshops_row_parent_class)->finalize (object);
}

static void
fzp_gongfu_workshops_row_class_init (FzpGongfuWorkshopsRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fzp_gongfu_workshops_row_finalize;
}

static void
fzp_gongfu_workshops_row_init (FzpGongfuWorkshopsRow *self)
{
}

FzpGongfuWorkshopsRow *
fzp_gongfu_workshops_row_new (gint64              id,
                              gint64              other_id,
                              const char * const *fields)
{
  FzpGongfuWorkshopsRow *self = g_object_new (FZP_TYPE_GONGFU_WORKSHOPS_ROW, NULL);

  self->id = id;
  self->other_id = other_id;
  self->fields = g_strdupv ((char **) fields);
  self->n_fields = self->fields ? g_strv_length (self->fields) : 0;
  return self;
}

gint64
fzp_gongfu_workshops_row_get_id (FzpGongfuWorkshopsRow *self)
{
  return self->id;
}

gint64
fzp_gongfu_workshops_row_get_other_id (FzpGongfuWorkshopsRow *self)
{
  return self->other_id;
}

const char *
fzp_gongfu_workshops_row_get_field (FzpGongfuWorkshopsRow *self,
                                    guint                  index)
{
  return index < self->n_fields ? self->fields[index] : "";
}

gboolean
fzp_gongfu_workshops_row_get_past (FzpGongfuWorkshopsRow *self)
{
  return self->past;
}

void
fzp_gongfu_workshops_row_set_past (FzpGongfuWorkshopsRow *self,
                                   gboolean               past)
{
  self->past = past;
}
