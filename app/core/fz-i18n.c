/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>

#include "fz-core-private.h"
#include "fz-i18n.h"

/* GNU gettext caches lookups; this counter tells it the language changed. */
extern int _nl_msg_cat_cntr;

void
_fz_i18n_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      const char *dir = g_getenv ("FUZHU_LOCALEDIR");
      bindtextdomain (GETTEXT_PACKAGE, dir && *dir ? dir : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&done, 1);
    }
}

char *
fz_print_gettext (const char *domain,
                  const char *msgid)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  char *result;

  if (msgid == NULL || *msgid == '\0')
    return g_strdup (msgid);

  /* Documents are made on the main thread, one at a time: switching the
   * language around one lookup does not race with anything. */
  g_setenv ("LANGUAGE", FZ_PRINT_LANGUAGE, TRUE);
  ++_nl_msg_cat_cntr;
  result = g_strdup (dgettext (domain ? domain : GETTEXT_PACKAGE, msgid));
  if (saved)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
  return result;
}
