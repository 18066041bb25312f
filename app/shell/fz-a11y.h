/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What GTK 4.8 and libadwaita 1.2 tell a screen reader badly, made up for in
 * the shell so that every plugin's page benefits:
 *
 * - a button with a mnemonic is named with its underscore, then again
 *   ("_Add Note Add Note");
 * - the scrolled area of an AdwStatusPage, focusable so that the keyboard
 *   can scroll it, is an unnamed "scroll pane".
 *
 * Each is harmless with newer versions, which name these themselves.
 *
 * One thing cannot be mended from outside: a screen reader is not told when
 * the field of an AdwEntryRow has the focus. Forms put a GtkEntry in an
 * AdwActionRow instead (see the template measure); test-keyboard says so. */

/* Mends @root and everything inside it. */
void fz_a11y_mend_tree           (GtkWidget *root);

/* Names the column-view row that holds @cell_child (a cell's widget) with
 * @label: the row takes the focus, and GTK 4.8 gives it no name of its own,
 * so a screen reader would read nothing of the record. */
void fz_a11y_name_row            (GtkWidget  *cell_child,
                                  const char *label);

/* From now on, mends whatever takes the focus in any window of the process. */
void fz_a11y_install_workarounds (void);

G_END_DECLS
