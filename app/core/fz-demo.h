/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <glib.h>

#include "fz-types.h"
#include "fz-registry.h"

G_BEGIN_DECLS

/* A synthetic city of Quzhou for tests, benchmarks and new users: certified
 * persons with valid identity and certificate numbers (address codes of
 * the six county-level units, plausible birth dates), names, townships,
 * phones and employment; organizations with valid credit codes. Nobody in
 * it is real. The same seed always gives the same city. */

/* Adds @n_persons generated persons to @registry in one transaction;
 * a generated identity number already registered is left as it is.
 * @n_added (may be NULL) tells how many were new. */
gboolean fz_demo_add_persons        (FzRegistry  *registry,
                                     guint32      seed,
                                     guint        n_persons,
                                     guint       *n_added,
                                     GError     **error);
/* Adds @n_organizations generated organizations in one transaction. */
gboolean fz_demo_add_organizations  (FzRegistry  *registry,
                                     guint32      seed,
                                     guint        n_organizations,
                                     GError     **error);
/* Writes the persons fz_demo_add_persons() would add, with the same seed,
 * to @path as a sheet that fz_registry_import_file() reads (Chinese
 * headers; .csv or .xlsx by the extension). */
gboolean fz_demo_write_persons      (const char  *path,
                                     guint32      seed,
                                     guint        n_persons,
                                     GError     **error);

G_END_DECLS
