/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-command"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fz-command.h"

const FzCommandInfo *
fz_command_info_find (const FzCommandInfo *commands,
                      guint                n_commands,
                      const char          *verb)
{
  g_return_val_if_fail (commands != NULL || n_commands == 0, NULL);

  for (guint i = 0; i < n_commands; i++)
    if (g_strcmp0 (commands[i].name, verb) == 0)
      return &commands[i];
  return NULL;
}

int
fz_command_usage_error (const FzCommandTable  *table,
                        const char            *verb,
                        const char            *why,
                        GError               **error)
{
  const FzCommandInfo *info;
  g_autofree char *usage = NULL;

  g_return_val_if_fail (table != NULL, FZ_EXIT_USAGE);
  g_return_val_if_fail (verb != NULL, FZ_EXIT_USAGE);

  info = fz_command_info_find (table->commands, table->n_commands, verb);
  /* Translators: "fuzhu MEASURE COMMAND ITS-ARGUMENTS", e.g. "fuzhu rural-bases show BASE" */
  usage = g_strdup_printf (_("Usage: fuzhu %s %s %s"), table->plugin_id, verb, info ? info->usage : "");
  g_clear_error (error);
  if (why != NULL)
    g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, "%s\n%s", why, usage);
  else
    g_set_error_literal (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, usage);
  return FZ_EXIT_USAGE;
}

gboolean
fz_command_parse (const FzCommandTable  *table,
                  int                   *argc,
                  char                ***argv,
                  const GOptionEntry    *entries,
                  int                    min_args,
                  int                    max_args,
                  GError               **error)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *verb;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (argc != NULL && *argc >= 1, FALSE);
  g_return_val_if_fail (argv != NULL && *argv != NULL, FALSE);

  /* GOption moves the arguments after argv[0], never argv[0] itself. */
  verb = (*argv)[0];
  options = g_option_context_new (NULL);
  g_option_context_set_help_enabled (options, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (options, entries, table->gettext_domain);
  if (!g_option_context_parse (options, argc, argv, &local_error))
    {
      fz_command_usage_error (table, verb, local_error->message, error);
      return FALSE;
    }
  if (*argc - 1 < min_args || (max_args >= 0 && *argc - 1 > max_args))
    {
      fz_command_usage_error (table, verb, NULL, error);
      return FALSE;
    }
  return TRUE;
}
