/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

/* The commands `fuzhu gongfu-workshops VERB …`. */
const FzCommandInfo *fzp_gongfu_workshops_command_infos (guint       *n_commands);
/* Runs @argv[0]; returns an FzExitCode, setting @error unless FZ_EXIT_OK. */
int                  fzp_gongfu_workshops_run_command   (FzContext   *context,
                                                         int          argc,
                                                         char       **argv,
                                                         GError     **error);

G_END_DECLS
