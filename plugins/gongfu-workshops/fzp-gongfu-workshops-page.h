/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The measure's page: the workshops on the left; on the right the chosen
 * one's workers, monthly pay and orders, with the year's figures above. */
#define FZP_TYPE_GONGFU_WORKSHOPS_PAGE (fzp_gongfu_workshops_page_get_type ())
G_DECLARE_FINAL_TYPE (FzpGongfuWorkshopsPage, fzp_gongfu_workshops_page, FZP, GONGFU_WORKSHOPS_PAGE, AdwBin)

GtkWidget *fzp_gongfu_workshops_page_new            (FzContext              *context);
/* Shows the workshop @id (0: none), as choosing it in the list does. */
gboolean   fzp_gongfu_workshops_page_select_workshop (FzpGongfuWorkshopsPage *self,
                                                      gint64                  id);

G_END_DECLS
