/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

#define FZP_TYPE_TEMPLATE_MEASURE (fzp_template_measure_get_type ())
G_DECLARE_FINAL_TYPE (FzpTemplateMeasure, fzp_template_measure, FZP, TEMPLATE_MEASURE, GObject)

/* Adds a note; one transaction. Returns its id, or 0 with @error. */
gint64 fzp_template_add_note (FzContext   *context,
                              const char  *text,
                              const char  *county_code,
                              GError     **error);

/* Adds the notes "@text 1/@n" to "@text @n/@n", all in one transaction:
 * test support for crash and concurrency tests. Returns the first and last
 * ids, or FALSE with @error and nothing written. */
gboolean fzp_template_add_notes (FzContext   *context,
                                 const char  *text,
                                 guint        n,
                                 const char  *county_code,
                                 gint64      *first_id,
                                 gint64      *last_id,
                                 GError     **error);

G_END_DECLS
