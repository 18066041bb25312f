/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fuzhu.h"

G_BEGIN_DECLS

/* The shell's own pages, before the measures in the sidebar. */
typedef struct {
  const char   *id;
  const char   *title;     /* msgid */
  const char   *icon_name;
  GtkWidget *(*create) (FzPluginManager *manager);
  FzPermission  permission; /* what the operator needs to see it */
  gboolean      after_measures;
} FzShellPage;

guint              fz_shell_n_builtin_pages     (void);
const FzShellPage *fz_shell_get_builtin_page    (guint            index);
/* The built-in page @id, or NULL when @id is not one. */
GtkWidget         *fz_shell_create_builtin_page (const char      *id,
                                                 FzPluginManager *manager);

G_END_DECLS
