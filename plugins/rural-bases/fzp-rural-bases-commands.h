/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

/* `fuzhu rural-bases VERB …`: the verbs and what they do. */
extern const FzCommandInfo fzp_rural_bases_commands[];
extern const guint         fzp_rural_bases_n_commands;

/* Runs @argv[0] with its arguments; returns an FzExitCode and, unless
 * FZ_EXIT_OK, sets @error with what to tell the user. */
int fzp_rural_bases_run_command (FzContext  *context,
                                 int         argc,
                                 char      **argv,
                                 GError    **error);

G_END_DECLS
