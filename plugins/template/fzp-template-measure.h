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

G_END_DECLS
