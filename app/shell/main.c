/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzhu"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "fz-application.h"
#include "fz-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FzApplication) app = NULL;
  g_autofree char *database_path = NULL;
  g_auto(GStrv) gui_argv = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FUZHU_LOCALEDIR") ? g_getenv ("FUZHU_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A command runs headless, with no display needed. */
  status = fz_cli_main (argc, argv, &database_path, &gui_argv);
  if (status >= 0)
    return status;

  g_set_application_name (_("Fuzhu"));
  app = fz_application_new (database_path);
  return g_application_run (G_APPLICATION (app), (int) g_strv_length (gui_argv), gui_argv);
}
