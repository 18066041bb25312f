/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-cli-private.h"

/* fuzhu import persons FILE: all or nothing; each problem on its own line as
 * FILE:LINE: field: message, like a compiler. */
int
fz_cli_import_persons (FzCli       *cli,
                       const char  *path,
                       GError     **error)
{
  FzRegistry *registry = fz_context_get_registry (cli->context);
  g_autoptr(FzImportReport) report = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!fz_registry_import_file (registry, path, &report, &local_error))
    {
      guint n = report ? fz_import_report_get_n_problems (report) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *line = fz_import_report_format_problem (report, i);
          g_printerr ("%s\n", line);
        }
      if (n > 0)
        g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                     ngettext ("%s: %u problem; nothing was imported",
                               "%s: %u problems; nothing was imported", n), path, n);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FZ_EXIT_REJECTED;
    }
  {
    g_autofree char *summary = fz_import_report_dup_summary (report);
    g_print ("%s\n", summary);
  }
  return FZ_EXIT_OK;
}

/* fuzhu export persons FILE.csv|FILE.xlsx */
int
fz_cli_export (FzCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  guint n = 0;

  if (argc != 3 || !g_str_equal (argv[1], "persons"))
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("Usage: fuzhu export persons FILE.csv|FILE.xlsx"));
      return FZ_EXIT_USAGE;
    }
  if (!fz_registry_export_persons (fz_context_get_registry (cli->context), argv[2], NULL, &n, error))
    return FZ_EXIT_REJECTED;
  g_print (ngettext ("Exported %u person to %s\n", "Exported %u persons to %s\n", n), n, argv[2]);
  return FZ_EXIT_OK;
}

/* fuzhu demo [--persons N] [--organizations N] [--seed S] [--csv FILE] */
int
fz_cli_demo (FzCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autofree char *csv = NULL;
  int persons = 2000, organizations = 200, seed = 2025;
  guint added = 0;
  GOptionEntry entries[] = {
    { "persons", 0, 0, G_OPTION_ARG_INT, &persons, N_("How many persons (default 2000)"), "N" },
    { "organizations", 0, 0, G_OPTION_ARG_INT, &organizations, N_("How many organizations (default 200)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("The same seed makes the same city"), "S" },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write the persons to a spreadsheet instead of the database"), "FILE" },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (options, FALSE);
  if (!g_option_context_parse (options, &argc, &argv, error) || argc != 1 || persons < 0 || organizations < 0)
    {
      g_clear_error (error);
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("Usage: fuzhu demo [--persons N] [--organizations N] [--seed S] [--csv FILE]"));
      return FZ_EXIT_USAGE;
    }

  if (csv)
    {
      if (!fz_demo_write_persons (csv, (guint32) seed, (guint) persons, error))
        return FZ_EXIT_REJECTED;
      g_print (_("Wrote %d synthetic persons to %s\n"), persons, csv);
      return FZ_EXIT_OK;
    }

  if (!fz_demo_add_persons (fz_context_get_registry (cli->context), (guint32) seed, (guint) persons, &added, error) ||
      !fz_demo_add_organizations (fz_context_get_registry (cli->context), (guint32) seed, (guint) organizations, error))
    return FZ_EXIT_REJECTED;
  g_print (_("Added a synthetic city: %u persons and %d organizations (all numbers made up, valid in form)\n"),
           added, organizations);
  return FZ_EXIT_OK;
}
