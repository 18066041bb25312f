/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-command"

#include "config.h"

#include <locale.h>

#include "fuzhu.h"

static const FzCommandInfo commands[] = {
  { "add", "TEXT [--county C]", "Add a note" },
  { "list", "", "List the notes" },
  { "attend", "COURSE ID-NUMBER…", "Record who attended" },
};

static const FzCommandTable table = { "test", GETTEXT_PACKAGE, commands, G_N_ELEMENTS (commands) };

/* Runs fz_command_parse() on a copy of @words, as a plugin's command gets
 * them (argv[0] the verb), and keeps what is left in @left. */
static gboolean
parse (const char * const  *words,
       int                  min_args,
       int                  max_args,
       char               **county,
       GStrv               *left,
       GError             **error)
{
  g_auto(GStrv) copy = g_strdupv ((char **) words);
  g_autofree char **args = g_memdup2 (copy, sizeof (char *) * (g_strv_length (copy) + 1));
  int argc = (int) g_strv_length (copy);
  char **argv = args;
  GOptionEntry entries[] = {
    { "county", 0, 0, G_OPTION_ARG_STRING, county, NULL, NULL },
    { NULL }
  };
  gboolean ok;

  ok = fz_command_parse (&table, &argc, &argv, county ? entries : NULL, min_args, max_args, error);
  g_assert_cmpint (argc, >=, 1);
  g_assert_cmpstr (argv[0], ==, words[0]);
  if (left)
    *left = g_strdupv (argv);
  return ok;
}

static void
test_find (void)
{
  g_assert_true (fz_command_info_find (commands, G_N_ELEMENTS (commands), "list") == &commands[1]);
  g_assert_null (fz_command_info_find (commands, G_N_ELEMENTS (commands), "remove"));
  g_assert_null (fz_command_info_find (commands, G_N_ELEMENTS (commands), NULL));
  g_assert_null (fz_command_info_find (NULL, 0, "add"));
}

static void
test_usage_error (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (fz_command_usage_error (&table, "add", NULL, &error), ==, FZ_EXIT_USAGE);
  g_assert_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==, "Usage: fuzhu test add TEXT [--county C]");

  /* An error set already is replaced; a reason goes on its own line first. */
  g_assert_cmpint (fz_command_usage_error (&table, "add", "--county needs a value", &error), ==, FZ_EXIT_USAGE);
  g_assert_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==, "--county needs a value\nUsage: fuzhu test add TEXT [--county C]");

  /* A verb with no arguments, and one not in the table, keep the space. */
  g_assert_cmpint (fz_command_usage_error (&table, "list", NULL, &error), ==, FZ_EXIT_USAGE);
  g_assert_cmpstr (error->message, ==, "Usage: fuzhu test list ");
  g_assert_cmpint (fz_command_usage_error (&table, "remove", NULL, &error), ==, FZ_EXIT_USAGE);
  g_assert_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==, "Usage: fuzhu test remove ");

  g_assert_cmpint (fz_command_usage_error (&table, "add", NULL, NULL), ==, FZ_EXIT_USAGE);
}

static void
test_parse_good (void)
{
  const char *words[] = { "add", "--county", "龙游县", "走访三户", NULL };
  const char *any[] = { "attend", "7", "A", "B", "C", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *county = NULL;
  g_auto(GStrv) left = NULL;
  g_auto(GStrv) left_any = NULL;

  g_assert_true (parse (words, 1, 1, &county, &left, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (county, ==, "龙游县");
  g_assert_cmpuint (g_strv_length (left), ==, 2);
  g_assert_cmpstr (left[1], ==, "走访三户");

  /* No options at all, and -1 for any number of arguments. */
  g_assert_true (parse (any, 2, -1, NULL, &left_any, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (left_any), ==, 5);
}

static void
test_parse_unknown_option (void)
{
  const char *words[] = { "add", "走访三户", "--nope", NULL };
  const char *missing[] = { "add", "走访三户", "--county", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *county = NULL;

  g_assert_false (parse (words, 1, 1, &county, NULL, &error));
  g_assert_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==, "Unknown option --nope\nUsage: fuzhu test add TEXT [--county C]");
  g_clear_error (&error);

  g_assert_false (parse (missing, 1, 1, &county, NULL, &error));
  g_assert_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE);
  g_assert_true (g_str_has_suffix (error->message, "--county\nUsage: fuzhu test add TEXT [--county C]"));
  g_clear_error (&error);

  /* An option where a command takes none. */
  g_assert_false (parse (words, 1, 1, NULL, NULL, &error));
  g_assert_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE);
  g_assert_true (g_str_has_suffix (error->message, "\nUsage: fuzhu test add TEXT [--county C]"));

  /* A caller that says its usage itself. */
  g_assert_false (parse (words, 1, 1, &county, NULL, NULL));
}

static void
test_parse_count (void)
{
  const char *none[] = { "add", NULL };
  const char *two[] = { "add", "一", "二", NULL };
  const char *one[] = { "attend", "7", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *county = NULL;

  g_assert_false (parse (none, 1, 1, &county, NULL, &error));
  g_assert_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==, "Usage: fuzhu test add TEXT [--county C]");
  g_clear_error (&error);

  g_assert_false (parse (two, 1, 1, &county, NULL, &error));
  g_assert_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==, "Usage: fuzhu test add TEXT [--county C]");
  g_clear_error (&error);

  g_assert_false (parse (one, 2, -1, NULL, NULL, &error));
  g_assert_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==, "Usage: fuzhu test attend COURSE ID-NUMBER…");
  g_clear_error (&error);

  g_assert_false (parse (none, 1, 1, &county, NULL, NULL));
}

static void
test_parse_unknown_verb (void)
{
  const char *words[] = { "remove", "一", "二", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_false (parse (words, 1, 1, NULL, NULL, &error));
  g_assert_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==, "Usage: fuzhu test remove ");
}

int
main (int   argc,
      char *argv[])
{
  /* GOption reads option values in the locale's encoding, as fuzhu does. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Fuzhu/Command/find", test_find);
  g_test_add_func ("/Fuzhu/Command/usage-error", test_usage_error);
  g_test_add_func ("/Fuzhu/Command/parse", test_parse_good);
  g_test_add_func ("/Fuzhu/Command/parse-unknown-option", test_parse_unknown_option);
  g_test_add_func ("/Fuzhu/Command/parse-count", test_parse_count);
  g_test_add_func ("/Fuzhu/Command/parse-unknown-verb", test_parse_unknown_verb);

  return g_test_run ();
}
