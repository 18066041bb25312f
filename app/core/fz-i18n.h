/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* The language of printed documents and exchanged reports: Chinese, whatever
 * language the window speaks, because they go to offices and the public. */
#define FZ_PRINT_LANGUAGE "zh_CN"

/* Translates @msgid of @domain into the print language. Returns a newly
 * allocated string (the msgid itself where there is no translation). */
char *fz_print_gettext (const char *domain,
                        const char *msgid);

G_END_DECLS
