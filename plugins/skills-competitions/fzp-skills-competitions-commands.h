/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fzp-skills-competitions-data.h"

G_BEGIN_DECLS

/* `fuzhu skills-competitions VERB …`: the whole path without a display. */

extern const FzCommandInfo fzp_skills_competitions_commands[];
extern const guint         fzp_skills_competitions_n_commands;

/* Runs @argv[0] (one of the commands above); returns an FzExitCode and,
 * unless FZ_EXIT_OK, sets @error. Import problems are written to stderr,
 * one FILE:LINE: field: message a line, before it returns. */
int fzp_skills_competitions_run_command (FzContext  *context,
                                         int         argc,
                                         char      **argv,
                                         GError    **error);

G_END_DECLS
