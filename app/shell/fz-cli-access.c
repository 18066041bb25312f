/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fz-cli-private.h"

/* Signing in on the command line, `fuzhu audit` and `fuzhu accounts`.
 *
 * A password never comes from the arguments (other users see them in ps):
 * it is read from the terminal without echo, or from the first line of a
 * file named by an environment variable, which must be its owner's alone. */

#define CLIENT "command line"

typedef char FzPassword;

/* Clears a password before its memory goes back. */
static void
password_free (char *password)
{
  if (password)
    {
      explicit_bzero (password, strlen (password));
      g_free (password);
    }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzPassword, password_free)

static char *
read_password_file (const char  *variable,
                    GError     **error)
{
  const char *path = g_getenv (variable);
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;
  char *end;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                   _("Could not read the password file %s ($%s): %s"), path, variable, g_strerror (saved));
      return NULL;
    }
  if ((st.st_mode & 077) != 0)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                   _("The password file %s ($%s) can be read by others: make it yours alone (chmod 600)"),
                   path, variable);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  /* The first line, without its end. */
  end = memchr (contents, '\n', length);
  if (end)
    *end = '\0';
  end = strchr (contents, '\r');
  if (end)
    *end = '\0';
  {
    char *password = g_strdup (contents);
    explicit_bzero (contents, length);
    return password;
  }
}

static char *
ask_password (const char  *prompt,
              GError     **error)
{
  struct termios saved, quiet;
  GString *line;
  int fd;
  char c;

  fd = g_open ("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_set_error_literal (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                           _("There is no terminal to ask the password on: name a file holding it in $FUZHU_PASSWORD_FILE"));
      return NULL;
    }
  if (tcgetattr (fd, &saved) != 0)
    {
      g_close (fd, NULL);
      g_set_error_literal (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                           _("There is no terminal to ask the password on: name a file holding it in $FUZHU_PASSWORD_FILE"));
      return NULL;
    }
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  quiet.c_lflag |= ECHONL;
  if (write (fd, prompt, strlen (prompt)) < 0 || tcsetattr (fd, TCSAFLUSH, &quiet) != 0)
    {
      g_close (fd, NULL);
      g_set_error_literal (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                           _("Could not turn the terminal’s echo off to ask the password"));
      return NULL;
    }
  line = g_string_new (NULL);
  while (read (fd, &c, 1) == 1 && c != '\n' && c != '\r')
    g_string_append_c (line, c);
  tcsetattr (fd, TCSAFLUSH, &saved);
  g_close (fd, NULL);
  {
    char *password = g_strdup (line->str);
    explicit_bzero (line->str, line->allocated_len);
    g_string_free (line, TRUE);
    return password;
  }
}

/* A password: from the file $@variable names, else asked with @prompt. */
static char *
get_password (const char  *variable,
              const char  *prompt,
              GError     **error)
{
  const char *path = g_getenv (variable);

  if (path && *path)
    return read_password_file (variable, error);
  return ask_password (prompt, error);
}

gboolean
fz_cli_sign_in (FzCli   *cli,
                GError **error)
{
  FzDatabase *db = fz_context_get_database (cli->context);
  const char *user = cli->user ? cli->user : g_getenv ("FUZHU_USER");
  g_autofree char *prompt = NULL;

  fz_access_set_client (cli->context, CLIENT);
  if (!fz_access_has_accounts (db))
    return TRUE;
  if (user == NULL || *user == '\0')
    {
      g_set_error_literal (error, FZ_ACCESS_ERROR, FZ_ACCESS_ERROR_SIGN_IN_REQUIRED,
                           _("This database has accounts: sign in with --user NAME (or $FUZHU_USER); "
                             "the password is asked on the terminal, or read from the file $FUZHU_PASSWORD_FILE names"));
      return FALSE;
    }
  prompt = g_strdup_printf (_("Password for %s: "), user);
  cli->password = get_password ("FUZHU_PASSWORD_FILE", prompt, error);
  if (cli->password == NULL)
    return FALSE;
  return fz_access_sign_in (cli->context, user, cli->password, CLIENT, error);
}

void
fz_cli_clear_password (FzCli *cli)
{
  g_clear_pointer (&cli->password, password_free);
}

/* fuzhu audit */

static void
print_field (const char *text,
             gboolean    last)
{
  /* One entry a line: tabs and line ends inside values become spaces. */
  for (const char *c = text ? text : ""; *c; c++)
    putchar (*c == '\t' || *c == '\n' || *c == '\r' ? ' ' : *c);
  putchar (last ? '\n' : '\t');
}

static gboolean
print_entry (const FzAuditEntry  *entry,
             gpointer             user_data,
             GError             **error)
{
  print_field (entry->time, FALSE);
  print_field (entry->operator_name, FALSE);
  print_field (entry->client, FALSE);
  print_field (entry->action, FALSE);
  print_field (entry->table_name, FALSE);
  print_field (entry->record_id, FALSE);
  print_field (entry->old_values, FALSE);
  print_field (entry->new_values, TRUE);
  return TRUE;
}

int
fz_cli_audit (FzCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_autofree char *table = NULL;
  g_autofree char *operator_name = NULL;
  g_autofree char *record = NULL;
  g_autofree char *action = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  GOptionEntry entries[] = {
    { "table", 0, 0, G_OPTION_ARG_STRING, &table, N_("Only this table's changes, e.g. fz_person"), "TABLE" },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_name, N_("Only this operator's"), "NAME" },
    { "record", 0, 0, G_OPTION_ARG_STRING, &record, N_("Only this record's (its id)"), "ID" },
    { "action", 0, 0, G_OPTION_ARG_STRING, &action, N_("Only insert, update, delete, sign-in, export…"), "ACTION" },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("From this day on"), "YYYY-MM-DD" },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Up to this day"), "YYYY-MM-DD" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("Write a CSV or XLSX file instead"), "FILE" },
    { NULL }
  };
  FzAuditFilter filter = { 0 };
  g_autoptr(GError) local_error = NULL;
  guint n = 0;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (options, FALSE);
  if (!g_option_context_parse (options, &argc, &argv, error) || argc > 1)
    {
      g_clear_error (error);
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("Usage: fuzhu audit [--table T] [--operator NAME] [--record ID] [--action A] "
                     "[--since YYYY-MM-DD] [--until YYYY-MM-DD] [--output FILE]"));
      return FZ_EXIT_USAGE;
    }
  filter = (FzAuditFilter) { table, operator_name, record, action, since, until };

  if (output)
    {
      if (!fz_audit_export (cli->context, &filter, output, &n, &local_error))
        goto failed;
      g_print (ngettext ("Wrote %u entry to %s\n", "Wrote %u entries to %s\n", n), n, output);
      return FZ_EXIT_OK;
    }
  if (fz_audit_foreach (cli->context, &filter, print_entry, NULL, &local_error))
    return FZ_EXIT_OK;

failed:
  g_propagate_error (error, g_steal_pointer (&local_error));
  /* A day that is no date is the command line's fault. */
  return (*error)->domain == FZ_VALIDATE_ERROR ? FZ_EXIT_USAGE : FZ_EXIT_REJECTED;
}

/* fuzhu accounts */

static char *
new_password (const char  *name,
              GError     **error)
{
  g_autofree char *prompt = g_strdup_printf (_("New password for %s: "), name);
  g_autoptr(FzPassword) first = NULL;
  g_autoptr(FzPassword) again = NULL;
  const char *path = g_getenv ("FUZHU_NEW_PASSWORD_FILE");

  if (path && *path)
    return read_password_file ("FUZHU_NEW_PASSWORD_FILE", error);
  first = ask_password (prompt, error);
  if (first == NULL)
    return NULL;
  again = ask_password (_("The same again: "), error);
  if (again == NULL)
    return NULL;
  if (!g_str_equal (first, again))
    {
      g_set_error_literal (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                           _("The two passwords differ: nothing was changed"));
      return NULL;
    }
  return g_steal_pointer (&first);
}

static int
list_accounts (FzCli   *cli,
               GError **error)
{
  g_autoptr(GPtrArray) accounts = fz_access_list_accounts (cli->context, error);

  if (accounts == NULL)
    return FZ_EXIT_REJECTED;
  for (guint i = 0; i < accounts->len; i++)
    {
      FzAccount *a = accounts->pdata[i];

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", a->name, fz_role_to_nick (a->role),
               a->county_code ? a->county_code : "", a->disabled ? "disabled" : "enabled",
               a->last_sign_in ? a->last_sign_in : "", a->display_name ? a->display_name : "");
    }
  return FZ_EXIT_OK;
}

static gboolean
parse_role (FzCli       *cli,
            const char  *nick,
            const char  *county,
            FzRole      *role,
            char       **code,
            GError     **error)
{
  *role = fz_role_from_nick (nick);
  if (*role == FZ_ROLE_NONE)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("Role: “%s” is not administrator, city-staff, county-staff or viewer"), nick ? nick : "");
      return FALSE;
    }
  *code = NULL;
  if (county)
    {
      *code = fz_county_lookup (fz_context_get_database (cli->context), county);
      if (*code == NULL)
        {
          g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                       _("County: “%s” is not a county of the city"), county);
          return FALSE;
        }
    }
  return TRUE;
}

int
fz_cli_accounts (FzCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  g_autofree char *role_nick = NULL;
  g_autofree char *county = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *code = NULL;
  g_autoptr(FzPassword) password = NULL;
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_nick, N_("administrator, city-staff, county-staff or viewer"), "ROLE" },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, N_("County staff's county, by code or name"), "COUNTY" },
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display_name, N_("The person's name, as shown"), "NAME" },
    { NULL }
  };
  const char *verb;
  FzRole role;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (options, FALSE);
  if (!g_option_context_parse (options, &argc, &argv, error))
    {
      g_prefix_error (error, "accounts: ");
      return FZ_EXIT_USAGE;
    }
  verb = argc > 1 ? argv[1] : "list";

  if (g_str_equal (verb, "list") && argc <= 2)
    return list_accounts (cli, error);

  if (g_str_equal (verb, "add") && argc == 3 && role_nick)
    {
      if (!parse_role (cli, role_nick, county, &role, &code, error))
        return (*error)->code == FZ_COMMAND_ERROR_USAGE ? FZ_EXIT_USAGE : FZ_EXIT_REJECTED;
      password = new_password (argv[2], error);
      if (password == NULL ||
          !fz_access_create_account (cli->context, argv[2], display_name, password, role, code, error))
        return FZ_EXIT_REJECTED;
      g_print (_("Account %s added (%s)\n"), argv[2], fz_role_to_string (role));
      return FZ_EXIT_OK;
    }

  if (g_str_equal (verb, "role") && argc == 4)
    {
      if (!parse_role (cli, argv[3], county, &role, &code, error))
        return (*error)->code == FZ_COMMAND_ERROR_USAGE ? FZ_EXIT_USAGE : FZ_EXIT_REJECTED;
      if (!fz_access_set_role (cli->context, argv[2], role, code, error))
        return FZ_EXIT_REJECTED;
      g_print (_("Account %s is now %s\n"), argv[2], fz_role_to_string (role));
      return FZ_EXIT_OK;
    }

  if ((g_str_equal (verb, "disable") || g_str_equal (verb, "enable")) && argc == 3)
    {
      gboolean disable = g_str_equal (verb, "disable");

      if (!fz_access_set_disabled (cli->context, argv[2], disable, error))
        return FZ_EXIT_REJECTED;
      g_print (disable ? _("Account %s disabled\n") : _("Account %s enabled\n"), argv[2]);
      return FZ_EXIT_OK;
    }

  if (g_str_equal (verb, "password") && argc <= 3)
    {
      const char *own = fz_context_get_operator (cli->context);
      const char *name = argc == 3 ? argv[2] : own;
      gboolean self = g_strcmp0 (name, own) == 0 && cli->password != NULL;

      password = new_password (name ? name : "", error);
      if (password == NULL)
        return FZ_EXIT_REJECTED;
      /* One's own, after the password given to sign in; another's, as an administrator. */
      if (self ? !fz_access_change_password (cli->context, cli->password, password, error)
               : !fz_access_reset_password (cli->context, name, password, error))
        return FZ_EXIT_REJECTED;
      g_print (_("The password of %s is changed\n"), name);
      return FZ_EXIT_OK;
    }

  g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
               _("Usage: fuzhu accounts [list] | add NAME --role ROLE [--county C] [--display-name N] | "
                 "role NAME ROLE [--county C] | disable NAME | enable NAME | password [NAME]"));
  return FZ_EXIT_USAGE;
}
