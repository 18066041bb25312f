/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The built `fuzhu` ($FUZHU_EXE) as a child process the test can kill. */
typedef struct {
  GPid pid;
  int  out_fd;
  int  err_fd;
} FuzhuChild;

/* Starts `fuzhu --database @database ARGS…` with the test's own folders. */
void      fuzhu_child_start   (FuzhuChild  *child,
                               const char  *database,
                               ...) G_GNUC_NULL_TERMINATED;
void      fuzhu_child_startv  (FuzhuChild  *child,
                               const char  *database,
                               const char * const *args);
/* TRUE when the child has ended (reaped, its status in @wait_status). */
gboolean  fuzhu_child_poll    (FuzhuChild  *child,
                               int         *wait_status);
/* Waits for the child to end. */
void      fuzhu_child_wait    (FuzhuChild  *child,
                               int         *wait_status);
/* Ends the child with SIGKILL unless it has ended already; returns TRUE when
 * the signal is what ended it. */
gboolean  fuzhu_child_kill    (FuzhuChild  *child,
                               int         *wait_status);
/* After the end: what it wrote, and the pipes closed. */
void      fuzhu_child_collect (FuzhuChild  *child,
                               char       **out,
                               char       **err);

G_END_DECLS
