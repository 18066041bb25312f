/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include "fz-types.h"

G_BEGIN_DECLS

typedef struct {
  char *code; /* GB/T 2260, e.g. "330802" */
  char *name; /* e.g. "柯城区" */
} FzCounty;

void       fz_county_free       (FzCounty   *county);
/* The county-level units under the city, in their usual order. */
GPtrArray *fz_county_list       (FzDatabase *db,
                                 GError    **error);
/* Finds a county by code or by name (with or without its 区/县/市 ending,
 * e.g. "柯城" or "柯城区" or "330802"). Returns its code, or NULL. */
char      *fz_county_lookup     (FzDatabase *db,
                                 const char *code_or_name);
/* The name of @code, or NULL. */
char      *fz_county_get_name   (FzDatabase *db,
                                 const char *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzCounty, fz_county_free)

G_END_DECLS
