/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row of the page's lists (workshops, workers, orders): the ids it
 * stands for and the texts of its columns, ready to show. */
#define FZP_TYPE_GONGFU_WORKSHOPS_ROW (fzp_gongfu_workshops_row_get_type ())
G_DECLARE_FINAL_TYPE (FzpGongfuWorkshopsRow, fzp_gongfu_workshops_row, FZP, GONGFU_WORKSHOPS_ROW, GObject)

/* @fields is NULL-terminated; NULL entries are not allowed, use "". */
FzpGongfuWorkshopsRow *fzp_gongfu_workshops_row_new       (gint64                 id,
                                                           gint64                 other_id,
                                                           const char * const    *fields);
gint64                 fzp_gongfu_workshops_row_get_id    (FzpGongfuWorkshopsRow *self);
/* A second id: the person of a worker's row, for instance. */
gint64                 fzp_gongfu_workshops_row_get_other_id (FzpGongfuWorkshopsRow *self);
/* Column @index, "" past the end. */
const char            *fzp_gongfu_workshops_row_get_field (FzpGongfuWorkshopsRow *self,
                                                           guint                  index);
/* Whether the row is done with (a former worker, a closed workshop): shown dimmed. */
gboolean               fzp_gongfu_workshops_row_get_past  (FzpGongfuWorkshopsRow *self);
void                   fzp_gongfu_workshops_row_set_past  (FzpGongfuWorkshopsRow *self,
                                                           gboolean               past);

G_END_DECLS
