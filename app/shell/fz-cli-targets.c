/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fz-cli-private.h"

/* fuzhu targets [list] [--plan ID]
 * fuzhu targets set KEY VALUE [--county C] [--plan ID]
 * fuzhu targets unset KEY [--county C] [--plan ID] */

static int
list_targets (FzCli      *cli,
              FzPlan     *plan,
              GError    **error)
{
  FzDatabase *db = fz_context_get_database (cli->context);
  g_autoptr(GPtrArray) kinds = fz_target_list_kinds (db, error);
  g_autoptr(GPtrArray) counties = fz_county_list (db, error);
  g_autofree char *city = fz_county_get_name (db, FZ_CITY_CODE);

  if (kinds == NULL || counties == NULL)
    return FZ_EXIT_REJECTED;

  g_print ("%s\t%s\t%d-%d\n", plan->id, plan->title, plan->start_year, plan->end_year);
  for (guint k = 0; k < kinds->len; k++)
    {
      FzTargetInfo *kind = g_ptr_array_index (kinds, k);

      for (int c = -1; c < (int) counties->len; c++)
        {
          const char *code = c < 0 ? FZ_CITY_CODE : ((FzCounty *) g_ptr_array_index (counties, c))->code;
          const char *name = c < 0 ? city : ((FzCounty *) g_ptr_array_index (counties, c))->name;
          double value = 0;
          gboolean found = FALSE;

          if (!fz_target_get (db, plan->id, kind->key, code, &value, &found, error))
            return FZ_EXIT_REJECTED;
          if (found)
            g_print ("%s\t%s\t%s\t%g\t%s\n", kind->key, code, name, value, kind->unit);
        }
    }
  return FZ_EXIT_OK;
}

int
fz_cli_targets (FzCli   *cli,
                int      argc,
                char   **argv,
                GError **error)
{
  FzDatabase *db = fz_context_get_database (cli->context);
  g_autofree char *plan_id = NULL;
  g_autofree char *county = NULL;
  g_autoptr(FzPlan) plan = NULL;
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *code = NULL;
  const char *verb;
  GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_id, N_("The plan, e.g. 2022-2025 (default: the current one)"), "ID" },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, N_("A county, by code or name (default: the city)"), "COUNTY" },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (options, FALSE);
  if (!g_option_context_parse (options, &argc, &argv, error))
    {
      g_prefix_error (error, "targets: ");
      return FZ_EXIT_USAGE;
    }

  plan = fz_plan_for_year (db, g_date_time_get_year (now), error);
  if (plan == NULL)
    return FZ_EXIT_REJECTED;
  /* Another plan by id: fz_target_set() refuses one that does not exist. */
  if (plan_id && g_strcmp0 (plan_id, plan->id) != 0)
    {
      g_free (plan->id);
      plan->id = g_strdup (plan_id);
    }

  if (county)
    {
      code = fz_county_lookup (db, county);
      if (code == NULL)
        {
          g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                       _("County: “%s” is not a county of the city"), county);
          return FZ_EXIT_REJECTED;
        }
    }
  else
    code = g_strdup (FZ_CITY_CODE);

  verb = argc > 1 ? argv[1] : "list";
  if (g_str_equal (verb, "list") && argc <= 2)
    return list_targets (cli, plan, error);

  if (g_str_equal (verb, "set") && argc == 4)
    {
      char *end = NULL;
      double value = g_ascii_strtod (argv[3], &end);

      if (end == argv[3] || *end != '\0' || value < 0)
        {
          g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                       _("Value: “%s” is not a number of zero or more"), argv[3]);
          return FZ_EXIT_REJECTED;
        }
      if (!fz_target_set (db, plan->id, argv[2], code, value, error))
        return FZ_EXIT_REJECTED;
      g_print (_("Target %s of %s for %s set to %g\n"), argv[2], plan->id, code, value);
      return FZ_EXIT_OK;
    }

  if (g_str_equal (verb, "unset") && argc == 3)
    {
      if (!fz_target_set (db, plan->id, argv[2], code, -1, error))
        return FZ_EXIT_REJECTED;
      g_print (_("Target %s of %s for %s removed\n"), argv[2], plan->id, code);
      return FZ_EXIT_OK;
    }

  g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
               _("Usage: fuzhu targets [list] | set KEY VALUE | unset KEY  [--county COUNTY] [--plan ID]"));
  return FZ_EXIT_USAGE;
}
