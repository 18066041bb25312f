/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest note, in characters. */
#define FZP_TEMPLATE_NOTE_MAX 200

/* Pure rules, no GTK: a note is 1 to FZP_TEMPLATE_NOTE_MAX characters once
 * trimmed. Returns the trimmed text, or NULL with @error saying why. */
char *fzp_template_check_note (const char  *text,
                               GError     **error);

G_END_DECLS
