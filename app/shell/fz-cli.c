/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-application.h"
#include "fz-cli.h"
#include "fz-cli-private.h"

static int cmd_help    (FzCli *cli, int argc, char **argv, GError **error);
static int cmd_plugins (FzCli *cli, int argc, char **argv, GError **error);
static int cmd_backup  (FzCli *cli, int argc, char **argv, GError **error);
static int cmd_restore (FzCli *cli, int argc, char **argv, GError **error);

/* backup and restore take the database file as it is, without opening it
 * the usual way: no plugin migrations, nothing created at a mistyped path. */
static const FzCliCommand commands[] = {
  { "help", "[COMMAND]", N_("Show the commands and what they do"), FALSE, cmd_help },
  { "plugins", "", N_("List the plugins: ID, state (loaded, disabled, failed), title and why one failed"), TRUE, cmd_plugins },
  { "documents", "", N_("List the documents that can be printed: NAME, title, public or internal, parameters"), TRUE, fz_cli_documents },
  { "print", "DOCUMENT [NAME=VALUE…] --output FILE.pdf", N_("Write a document as PDF, without a display"), TRUE, fz_cli_print },
  { "verify", "SERIAL", N_("Check a certificate by its serial number"), TRUE, fz_cli_verify },
  { "revoke", "SERIAL REASON", N_("Revoke a certificate; its number is never given again"), TRUE, fz_cli_revoke },
  { "report", "annual --year Y [--county C] --output FILE", N_("Write the yearly report of the city or a county (.xlsx, or .json for the city)"), TRUE, fz_cli_report },
  { "import", "persons FILE | report FILE", N_("Import persons from a spreadsheet (CSV or XLSX, all or nothing), or a county's yearly report"), TRUE, fz_cli_import },
  { "export", "persons FILE", N_("Export the registry to a spreadsheet (.csv or .xlsx)"), TRUE, fz_cli_export },
  { "demo", "[--persons N] [--seed S]", N_("Add a synthetic city, for trying Fuzhu out and for tests"), TRUE, fz_cli_demo },
  { "targets", "[list|set KEY VALUE|unset KEY] [--county C] [--plan ID]", N_("Show or change the plan's targets, citywide or per county"), TRUE, fz_cli_targets },
  { "backup", "FILE", N_("Copy the database as it is now to the new file FILE (it may stay open meanwhile)"), FALSE, cmd_backup },
  { "restore", "FILE", N_("Replace the database with the backup FILE, once it is checked; the replaced one is kept beside it"), FALSE, cmd_restore },
  { "audit", "[--table T] [--operator NAME] [--record ID] [--since DATE] [--until DATE] [--output FILE]", N_("Show or export the audit trail: TIME, operator, where from, action, table, record, old and new values"), TRUE, fz_cli_audit },
  { "accounts", "[list|add NAME --role ROLE [--county C]|role NAME ROLE|disable NAME|enable NAME|password [NAME]]", N_("List or change the operators' accounts (the first one makes an administrator)"), TRUE, fz_cli_accounts },
};

static const FzCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: fuzhu [--database PATH] [--user NAME] [COMMAND [ARGUMENTS…]]"));
  fprintf (out, "%s\n\n", _("Without a command, the window opens."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s %s\n      %s\n", commands[i].name, commands[i].usage, _(commands[i].summary));
  fprintf (out, "  %s %s\n      %s\n", _("PLUGIN-ID"), _("COMMAND …"), _("A plugin's own commands; `fuzhu PLUGIN-ID` lists them"));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --database PATH  %s\n", _("Use this database instead of the default one"));
  fprintf (out, "  --user NAME      %s\n", _("Sign in as NAME (or set $FUZHU_USER) when the database has accounts; "
                                         "the password is asked on the terminal, or read from the file $FUZHU_PASSWORD_FILE names"));
  fprintf (out, "  --version        %s\n", _("Print the version and exit"));
  fprintf (out, "\n%s\n", _("Exit status: 0 done, 1 input rejected (nothing written), 2 wrong usage."));
}

static int
cmd_help (FzCli   *cli,
          int      argc,
          char   **argv,
          GError **error)
{
  print_usage (stdout);
  return FZ_EXIT_OK;
}

static int
cmd_plugins (FzCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  GListModel *plugins = fz_plugin_manager_get_plugins (cli->manager);
  guint n = g_list_model_get_n_items (plugins);

  if (argc > 1)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("“plugins” takes no arguments"));
      return FZ_EXIT_USAGE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzPluginEntry) entry = g_list_model_get_item (plugins, i);
      FzPluginState state = fz_plugin_entry_get_state (entry);

      if (state == FZ_PLUGIN_STATE_FAILED)
        g_print ("%s\t%s\t%s\t%s\n", fz_plugin_entry_get_id (entry), fz_plugin_state_to_string (state),
                 fz_plugin_entry_get_title (entry), fz_plugin_entry_get_reason (entry));
      else
        g_print ("%s\t%s\t%s\n", fz_plugin_entry_get_id (entry), fz_plugin_state_to_string (state),
                 fz_plugin_entry_get_title (entry));
    }
  return FZ_EXIT_OK;
}

static char *
get_database_path (FzCli *cli)
{
  return cli->database_path ? g_strdup (cli->database_path) : fz_database_default_path ();
}

/* The one FILE argument of backup and restore; an option is a usage error. */
static const char *
get_file_argument (int          argc,
                   char       **argv,
                   GError     **error)
{
  if (argc != 2 || argv[1][0] == '\0' || argv[1][0] == '-')
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("Usage: fuzhu [--database PATH] %s FILE"), argv[0]);
      return NULL;
    }
  return argv[1];
}

static int
cmd_backup (FzCli   *cli,
            int      argc,
            char   **argv,
            GError **error)
{
  g_autofree char *path = get_database_path (cli);
  const char *file = get_file_argument (argc, argv, error);

  if (file == NULL)
    return FZ_EXIT_USAGE;
  if (!fz_backup_file (path, file, error))
    return FZ_EXIT_REJECTED;
  g_print (_("Backed up %s to %s\n"), path, file);
  return FZ_EXIT_OK;
}

static int
cmd_restore (FzCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  g_autofree char *path = get_database_path (cli);
  g_autofree char *kept = NULL;
  const char *file = get_file_argument (argc, argv, error);

  if (file == NULL)
    return FZ_EXIT_USAGE;
  /* Once there are accounts, replacing everyone's records is an
   * administrator's decision: sign in, and let the database go again
   * before it is replaced. */
  if (fz_access_file_has_accounts (path))
    {
      g_autoptr(FzDatabase) db = fz_database_open (path, error);
      g_autoptr(FzContext) context = NULL;
      gboolean allowed;

      if (db == NULL)
        return FZ_EXIT_REJECTED;
      context = fz_context_new (db, NULL, NULL);
      cli->context = g_object_ref (context);
      allowed = fz_cli_sign_in (cli, error) &&
                fz_context_check (context, FZ_PERMISSION_RESTORE, _("restore a backup"), error);
      g_clear_object (&cli->context);
      if (!allowed)
        return FZ_EXIT_REJECTED;
    }
  if (!fz_backup_restore (path, file, &kept, error))
    return FZ_EXIT_REJECTED;
  if (kept)
    g_print (_("Restored %s from %s; the database it replaced is kept as %s\n"), path, file, kept);
  else
    g_print (_("Restored %s from %s\n"), path, file);
  return FZ_EXIT_OK;
}

static void
print_plugin_commands (FzMeasure *measure)
{
  const FzMeasureInfo *info = fz_measure_get_info (measure);

  g_printerr (_("Commands of %s (%s):\n"), info->id, fz_measure_get_title (measure));
  for (guint i = 0; i < info->n_commands; i++)
    g_printerr ("  fuzhu %s %s %s\n      %s\n", info->id, info->commands[i].name,
                info->commands[i].usage ? info->commands[i].usage : "",
                g_dgettext (info->gettext_domain ? info->gettext_domain : GETTEXT_PACKAGE,
                            info->commands[i].summary));
}

static gboolean
open_context (FzCli   *cli,
              GError **error)
{
  g_autofree char *path = get_database_path (cli);
  g_autoptr(FzDatabase) db = fz_database_open (path, error);
  g_autoptr(GSettings) settings = NULL;

  if (db == NULL)
    return FALSE;
  settings = fz_settings_new_if_installed ();
  cli->context = fz_context_new (db, settings, NULL);
  if (!fz_cli_sign_in (cli, error))
    return FALSE;
  cli->manager = fz_plugin_manager_new (cli->context);
  fz_plugin_manager_load_all (cli->manager);
  return TRUE;
}

static int
run_command (FzCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  const FzCliCommand *command = find_command (argv[0]);
  int status;

  if (command == NULL || command->needs_database)
    {
      if (!open_context (cli, &error))
        {
          g_printerr ("fuzhu: %s\n", error->message);
          /* A wrong --user or password: the same answer as refused input. */
          return FZ_EXIT_REJECTED;
        }
    }

  if (command)
    status = command->func (cli, argc, argv, &error);
  else
    {
      FzPluginEntry *entry = fz_plugin_manager_find (cli->manager, argv[0]);
      FzMeasure *measure = entry ? fz_plugin_entry_get_measure (entry) : NULL;

      if (entry && measure == NULL)
        {
          g_printerr (_("fuzhu: the plugin “%s” is %s%s%s\n"), argv[0],
                      fz_plugin_state_to_string (fz_plugin_entry_get_state (entry)),
                      fz_plugin_entry_get_reason (entry) ? ": " : "",
                      fz_plugin_entry_get_reason (entry) ? fz_plugin_entry_get_reason (entry) : "");
          return FZ_EXIT_REJECTED;
        }
      if (measure == NULL)
        {
          g_printerr (_("fuzhu: unknown command “%s”; `fuzhu help` lists the commands\n"), argv[0]);
          return FZ_EXIT_USAGE;
        }
      if (argc < 2)
        {
          print_plugin_commands (measure);
          return FZ_EXIT_USAGE;
        }
      status = fz_measure_run_command (measure, cli->context, argc - 1, argv + 1, &error);
      if (status == FZ_EXIT_USAGE && error && g_error_matches (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE)
          && fz_measure_find_command (measure, argv[1]) == NULL)
        {
          g_printerr ("fuzhu: %s\n", error->message);
          print_plugin_commands (measure);
          return status;
        }
    }

  /* What was reported done is out before the teardown, which can still take
   * a moment (the checkpoint when the database closes). */
  fflush (stdout);
  if (error)
    g_printerr ("fuzhu: %s\n", error->message);
  else if (status != FZ_EXIT_OK)
    g_printerr (_("fuzhu: “%s” failed\n"), argv[0]);
  return status;
}

int
fz_cli_main (int     argc,
             char  **argv,
             char  **database_path,
             GStrv  *gui_argv)
{
  g_autoptr(GStrvBuilder) rest = g_strv_builder_new ();
  g_autofree char *db_path = NULL;
  g_autofree char *user = NULL;
  FzCli cli = { 0 };
  int status;
  int i;

  *database_path = NULL;
  *gui_argv = NULL;
  g_strv_builder_add (rest, argv[0]);

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--"))
        {
          i++;
          break;
        }
      if (g_str_equal (arg, "--version"))
        {
          g_print ("fuzhu %s\n", PACKAGE_VERSION);
          return FZ_EXIT_OK;
        }
      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_usage (stdout);
          return FZ_EXIT_OK;
        }
      if (g_str_equal (arg, "--database") || g_str_equal (arg, "-d"))
        {
          if (i + 1 >= argc)
            {
              g_printerr ("%s\n", _("fuzhu: --database needs a PATH"));
              return FZ_EXIT_USAGE;
            }
          g_free (db_path);
          db_path = g_strdup (argv[++i]);
          continue;
        }
      if (g_str_has_prefix (arg, "--database="))
        {
          g_free (db_path);
          db_path = g_strdup (arg + strlen ("--database="));
          continue;
        }
      if (g_str_equal (arg, "--user") || g_str_equal (arg, "-u"))
        {
          if (i + 1 >= argc)
            {
              g_printerr ("%s\n", _("fuzhu: --user needs a NAME"));
              return FZ_EXIT_USAGE;
            }
          g_free (user);
          user = g_strdup (argv[++i]);
          continue;
        }
      if (g_str_has_prefix (arg, "--user="))
        {
          g_free (user);
          user = g_strdup (arg + strlen ("--user="));
          continue;
        }
      if (arg[0] == '-')
        {
          /* Options for GApplication and GTK, such as --gapplication-service. */
          g_strv_builder_add (rest, arg);
          continue;
        }
      break;
    }

  if (i >= argc)
    {
      *database_path = g_steal_pointer (&db_path);
      *gui_argv = g_strv_builder_end (rest);
      return -1;
    }

  cli.database_path = db_path;
  cli.user = user;
  status = run_command (&cli, argc - i, argv + i);
  fz_cli_clear_password (&cli);
  g_clear_object (&cli.manager);
  g_clear_object (&cli.context);
  return status;
}
