/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

/* The measure's commands, `fuzhu welfare-posts VERB …`. */
extern const FzCommandInfo fzp_welfare_posts_commands[];
extern const guint         fzp_welfare_posts_n_commands;

/* Runs @argv[0]; returns an FzExitCode and, unless FZ_EXIT_OK, sets @error. */
int fzp_welfare_posts_run_command (FzContext  *context,
                                   int         argc,
                                   char      **argv,
                                   GError    **error);

G_END_DECLS
