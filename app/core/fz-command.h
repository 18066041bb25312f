/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <glib.h>

#include "fz-measure.h"

G_BEGIN_DECLS

/* A measure's commands as the helpers below need them, static like the
 * FzCommandInfo array it points to, e.g.
 *   static const FzCommandTable command_table = {
 *     "template", GETTEXT_PACKAGE, commands, G_N_ELEMENTS (commands)
 *   }; */
typedef struct {
  const char          *plugin_id;      /* the word after `fuzhu`: the measure's id */
  const char          *gettext_domain; /* the measure's, for its options */
  const FzCommandInfo *commands;
  guint                n_commands;
} FzCommandTable;

/* The entry of @commands named @verb, or NULL when there is none. */
const FzCommandInfo *fz_command_info_find   (const FzCommandInfo   *commands,
                                             guint                  n_commands,
                                             const char            *verb);

/* Replaces @error (which may be set already) with FZ_COMMAND_ERROR_USAGE
 * "Usage: fuzhu PLUGIN VERB USAGE", after a line @why unless it is NULL;
 * USAGE is the verb's in @table, or empty for a verb not in it. Returns
 * FZ_EXIT_USAGE, so that a command can `return fz_command_usage_error (…)`. */
int                  fz_command_usage_error (const FzCommandTable  *table,
                                             const char            *verb,
                                             const char            *why,
                                             GError               **error);

/* Parses the options of @entries (NULL: none) out of a command's @argv,
 * argv[0] being the verb, with GOption and its help disabled; the
 * positional arguments are then argv[1] … argv[argc - 1], and there must be
 * @min_args to @max_args (-1: any) of them. FALSE when there are not, with
 * the verb's usage error in @error, or on an unknown option or a missing or
 * malformed value, with the usage error after GOption's reason. A caller that
 * says its usage itself passes a NULL @error. */
gboolean             fz_command_parse       (const FzCommandTable  *table,
                                             int                   *argc,
                                             char                ***argv,
                                             const GOptionEntry    *entries,
                                             int                    min_args,
                                             int                    max_args,
                                             GError               **error);

G_END_DECLS
