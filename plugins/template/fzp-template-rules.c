/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fuzhu.h"
#include "fzp-template-rules.h"

char *
fzp_template_check_note (const char  *text,
                         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  glong length = g_utf8_strlen (trimmed, -1);

  if (length == 0)
    {
      g_set_error_literal (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                           _("Note: write something first"));
      return NULL;
    }
  if (length > FZP_TEMPLATE_NOTE_MAX)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                   _("Note: %ld characters is too long; at most %d"), length, FZP_TEMPLATE_NOTE_MAX);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}
