/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-cli-private.h"

/* fuzhu report annual --year Y [--county NAME] --output FILE.pdf|.xlsx|.json */
int
fz_cli_report (FzCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  FzDatabase *db = fz_context_get_database (cli->context);
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autofree char *county = NULL;
  g_autofree char *output = NULL;
  g_autofree char *code = NULL;
  g_autoptr(FzReport) report = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year reported"), "YEAR" },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, N_("A county, by code or name (default: the city)"), "COUNTY" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .xlsx, or .json for the city"), "FILE" },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (options, FALSE);
  if (!g_option_context_parse (options, &argc, &argv, error) ||
      argc != 2 || !g_str_equal (argv[1], "annual") || year == 0 || output == NULL)
    {
      g_clear_error (error);
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("Usage: fuzhu report annual --year YEAR [--county COUNTY] --output FILE"));
      return FZ_EXIT_USAGE;
    }

  code = county ? fz_county_lookup (db, county) : g_strdup (FZ_CITY_CODE);
  if (code == NULL)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                   _("County: “%s” is not a county of the city"), county);
      return FZ_EXIT_REJECTED;
    }

  report = fz_report_build (cli->manager, year, code, error);
  if (report == NULL || !fz_report_write (report, output, error))
    return FZ_EXIT_REJECTED;
  g_print (_("Wrote the %d report of %s to %s\n"), year, report->county_name, output);
  return FZ_EXIT_OK;
}

static int
import_report (FzCli       *cli,
               const char  *path,
               GError     **error)
{
  g_autoptr(FzReport) report = fz_report_read_json (path, error);
  gboolean replaced = FALSE;

  if (report == NULL ||
      !fz_report_import (fz_context_get_database (cli->context), report, path, &replaced, error))
    return FZ_EXIT_REJECTED;
  if (replaced)
    g_print (_("Replaced the %d report of %s (%u figures)\n"), report->year, report->county_name, report->lines->len);
  else
    g_print (_("Imported the %d report of %s (%u figures)\n"), report->year, report->county_name, report->lines->len);
  return FZ_EXIT_OK;
}

/* fuzhu import KIND FILE */
int
fz_cli_import (FzCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  if (argc == 3 && g_str_equal (argv[1], "report"))
    return import_report (cli, argv[2], error);
  if (argc == 3 && g_str_equal (argv[1], "persons"))
    return fz_cli_import_persons (cli, argv[2], error);

  g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
               _("Usage: fuzhu import persons FILE | fuzhu import report FILE"));
  return FZ_EXIT_USAGE;
}
