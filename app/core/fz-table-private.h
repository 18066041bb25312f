/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-table.h"

G_BEGIN_DECLS

/* @encoding is a static string. */
FzTable *_fz_table_new         (const char         *encoding);
void     _fz_table_add_record  (FzTable            *table,
                                const char * const *fields,
                                guint               n_fields,
                                guint               line);
#ifdef HAVE_XLSX_IMPORT
/* fz-table-xlsx.c */
FzTable *_fz_table_read_xlsx   (const char         *path,
                                GError            **error);
#endif

G_END_DECLS
