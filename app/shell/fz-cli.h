/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs `fuzhu [--database PATH] COMMAND ...` with no display. Returns the
 * exit code, or -1 when no command was given and the window should open, in
 * which case *@database_path is the --database given (or NULL) and *@gui_argv
 * the arguments left for GApplication. */
int fz_cli_main (int      argc,
                 char   **argv,
                 char   **database_path,
                 GStrv   *gui_argv);

G_END_DECLS
