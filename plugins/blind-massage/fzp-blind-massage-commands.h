/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

/* `fuzhu blind-massage COMMAND …`: what FzMeasureInfo lists, and the runner. */
extern const FzCommandInfo fzp_blind_massage_commands[];
extern const guint fzp_blind_massage_n_commands;

int fzp_blind_massage_run_command (FzContext  *context,
                                   int         argc,
                                   char      **argv,
                                   GError    **error);

G_END_DECLS
