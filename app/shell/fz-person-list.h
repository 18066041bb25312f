/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The registry's persons as a GListModel that pages from the database: it
 * counts the matches and reads only the pages a view asks for, so a list of
 * 200,000 persons costs a few pages of memory. */

#define FZ_TYPE_PERSON_LIST (fz_person_list_get_type ())
G_DECLARE_FINAL_TYPE (FzPersonList, fz_person_list, FZ, PERSON_LIST, GObject)

FzPersonList *fz_person_list_new        (FzRegistry           *registry);
/* Lists what @filter matches (copied; NULL for everyone). */
gboolean      fz_person_list_set_filter (FzPersonList         *self,
                                         const FzPersonFilter *filter,
                                         GError              **error);
/* Reads everything again (after a save or an import). */
void          fz_person_list_reload     (FzPersonList         *self);

G_END_DECLS
