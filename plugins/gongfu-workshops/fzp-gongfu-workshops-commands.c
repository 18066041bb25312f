/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-gongfu-workshops"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "fzp-gongfu-workshops-commands.h"
#include "fzp-gongfu-workshops-data.h"
#include "fzp-gongfu-workshops-import.h"

static const FzCommandInfo commands[] = {
  { "list", "", N_("List the workshops: id, name, county, host, recognised, opened, closed, workers, standard") },
  { "add", "NAME --county C --host village|community|home|company [--host-name H] [--host-organization ORG] "
           "[--township T] [--products P] [--opened DATE] [--proper]",
    N_("Add a workshop") },
  { "edit", "WORKSHOP [--name N] [--county C] [--host KIND] [--host-name H] [--host-organization ORG] "
            "[--township T] [--products P] [--opened DATE] [--proper|--not-proper]",
    N_("Change a workshop's details") },
  { "close", "WORKSHOP [--date DATE]", N_("Close a workshop; everyone still working there leaves on that day") },
  { "partner", "WORKSHOP ORGANIZATION [--remove]", N_("Add (or remove) a partner company from the registry") },
  { "join", "WORKSHOP PERSON [--date DATE]", N_("A registered person starts working in a workshop") },
  { "leave", "PERSON [--date DATE] [--reason TEXT]", N_("A person stops working in their workshop (DATE: their last day)") },
  { "workers", "WORKSHOP [--all]", N_("List who works there now, or everyone who ever did") },
  { "pay", "WORKSHOP MONTH PERSON (--pieces N|--hours N) --amount YUAN [--note TEXT] | --clear",
    N_("Record (or clear) one worker's pay for a month") },
  { "import-pay", "FILE [--workshop W] [--month YYYY-MM]", N_("Import a month's pay from a spreadsheet, all or nothing") },
  { "export-pay", "FILE --workshop W --month YYYY-MM", N_("Write a month's pay sheet to fill in (.csv or .xlsx)") },
  { "order", "WORKSHOP --partner ORG --product P --quantity N --value YUAN --from DATE --to DATE",
    N_("Record an order a partner company gives a workshop") },
  { "orders", "[WORKSHOP]", N_("List the orders: id, workshop, partner, product, quantity, value, period") },
  { "figures", "[--year Y] [--month YYYY-MM] [--county C] [--workshop W]",
    N_("Workers, placements and pay compared with the minimum wage") },
  { "standard", "[list | set --from DATE --min-workers N]",
    N_("Show or change the recognition standard of a disability workshop") },
};

static const FzCommandTable command_table = {
  "gongfu-workshops", GETTEXT_PACKAGE, commands, G_N_ELEMENTS (commands)
};

const FzCommandInfo *
fzp_gongfu_workshops_command_infos (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (commands);
  return commands;
}

static gboolean
parse_day (const char  *text,
           const char  *field,
           GDate       *date,
           GError     **error)
{
  if (text == NULL)
    {
      fzp_gongfu_workshops_today (date);
      return TRUE;
    }
  return fz_parse_date (text, field, date, error);
}

static void
print_workshop_line (FzContext                  *context,
                     FzpGongfuWorkshopsWorkshop *w)
{
  FzpGongfuWorkshopsStandard standard;
  char opened[11], closed[11];
  GDate today;
  gboolean meets = FALSE;

  fzp_gongfu_workshops_today (&today);
  if (fzp_gongfu_workshops_get_standard (context, &today, &standard, NULL))
    meets = fzp_gongfu_workshops_meets_standard (&standard, w->workers, NULL);
  fzp_gongfu_workshops_date_to_iso (&w->opened, opened);
  fzp_gongfu_workshops_date_to_iso (&w->closed, closed);
  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%u\t%s\n", w->id, w->name, w->county_name,
           fzp_gongfu_workshops_host_to_nick (w->host),
           w->host_organization_name ? w->host_organization_name : (w->host_name ? w->host_name : ""),
           w->proper ? "yes" : "no", opened, closed, w->workers, meets ? "meets" : "below");
}

static int
cmd_list (FzContext  *context,
          int         argc,
          char      **argv,
          GError    **error)
{
  g_autoptr(GPtrArray) list = NULL;

  if (argc > 1)
    return fz_command_usage_error (&command_table, "list", NULL, error);
  list = fzp_gongfu_workshops_list_workshops (context, NULL, error);
  if (list == NULL)
    return FZ_EXIT_REJECTED;
  for (guint i = 0; i < list->len; i++)
    print_workshop_line (context, g_ptr_array_index (list, i));
  return FZ_EXIT_OK;
}

typedef struct {
  char     *name;
  char     *county;
  char     *host;
  char     *host_name;
  char     *host_organization;
  char     *township;
  char     *products;
  char     *opened;
  gboolean  proper;
  gboolean  not_proper;
} WorkshopOptions;

static void
workshop_options_clear (WorkshopOptions *o)
{
  g_free (o->name);
  g_free (o->county);
  g_free (o->host);
  g_free (o->host_name);
  g_free (o->host_organization);
  g_free (o->township);
  g_free (o->products);
  g_free (o->opened);
}

static void
set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* Applies the options given to @w. */
static gboolean
apply_options (FzContext                  *context,
               WorkshopOptions            *o,
               FzpGongfuWorkshopsWorkshop *w,
               GError                    **error)
{
  if (o->name)
    set_str (&w->name, o->name);
  if (o->county)
    set_str (&w->county_code, o->county);
  if (o->host && !fzp_gongfu_workshops_parse_host (o->host, &w->host, error))
    return FALSE;
  if (o->host_name)
    set_str (&w->host_name, o->host_name);
  if (o->host_organization)
    {
      g_autoptr(FzOrganization) org = fzp_gongfu_workshops_lookup_organization (context, o->host_organization, error);

      if (org == NULL)
        return FALSE;
      w->host_organization_id = fz_organization_get_id (org);
    }
  if (o->township)
    set_str (&w->township, o->township);
  if (o->products)
    set_str (&w->products, o->products);
  if (o->opened && !fz_parse_date (o->opened, _("Opened"), &w->opened, error))
    return FALSE;
  if (o->proper)
    w->proper = TRUE;
  if (o->not_proper)
    w->proper = FALSE;
  return TRUE;
}

static int
cmd_add_or_edit (FzContext  *context,
                 int         argc,
                 char      **argv,
                 GError    **error)
{
  gboolean add = g_str_equal (argv[0], "add");
  WorkshopOptions o = { 0 };
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &o.name, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &o.county, NULL, NULL },
    { "host", 0, 0, G_OPTION_ARG_STRING, &o.host, NULL, NULL },
    { "host-name", 0, 0, G_OPTION_ARG_STRING, &o.host_name, NULL, NULL },
    { "host-organization", 0, 0, G_OPTION_ARG_STRING, &o.host_organization, NULL, NULL },
    { "township", 0, 0, G_OPTION_ARG_STRING, &o.township, NULL, NULL },
    { "products", 0, 0, G_OPTION_ARG_STRING, &o.products, NULL, NULL },
    { "opened", 0, 0, G_OPTION_ARG_STRING, &o.opened, NULL, NULL },
    { "proper", 0, 0, G_OPTION_ARG_NONE, &o.proper, NULL, NULL },
    { "not-proper", 0, 0, G_OPTION_ARG_NONE, &o.not_proper, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = NULL;
  int status = FZ_EXIT_OK;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    {
      status = FZ_EXIT_USAGE;
      goto out;
    }
  if (o.proper && o.not_proper)
    {
      status = fz_command_usage_error (&command_table, argv[0],
                                       _("--proper and --not-proper contradict each other"), error);
      goto out;
    }
  if (add)
    {
      if (o.county == NULL || o.host == NULL)
        {
          status = fz_command_usage_error (&command_table, argv[0], _("--county and --host are needed"), error);
          goto out;
        }
      w = fzp_gongfu_workshops_workshop_new ();
      w->name = g_strdup (argv[1]);
      fzp_gongfu_workshops_today (&w->opened);
    }
  else if ((w = fzp_gongfu_workshops_find_workshop (context, argv[1], error)) == NULL)
    {
      status = FZ_EXIT_REJECTED;
      goto out;
    }
  if (!apply_options (context, &o, w, error) || !fzp_gongfu_workshops_save_workshop (context, w, error))
    {
      status = FZ_EXIT_REJECTED;
      goto out;
    }
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, w->id);
    /* Translators: a workshop's name, then its number */
    g_print (add ? _("Added workshop %1$s (%2$s)\n") : _("Saved workshop %1$s (%2$s)\n"), w->name, id);
  }
out:
  workshop_options_clear (&o);
  return status;
}

static int
cmd_close (FzContext  *context,
           int         argc,
           char      **argv,
           GError    **error)
{
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = NULL;
  GDate day;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  w = fzp_gongfu_workshops_find_workshop (context, argv[1], error);
  if (w == NULL || !parse_day (date, _("Closed"), &day, error) ||
      !fzp_gongfu_workshops_close_workshop (context, w->id, &day, error))
    return FZ_EXIT_REJECTED;
  g_print (_("Closed workshop %s\n"), w->name);
  return FZ_EXIT_OK;
}

static int
cmd_partner (FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  gboolean remove = FALSE;
  GOptionEntry entries[] = {
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = NULL;
  g_autoptr(FzOrganization) org = NULL;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, 2, error))
    return FZ_EXIT_USAGE;
  w = fzp_gongfu_workshops_find_workshop (context, argv[1], error);
  if (w == NULL || (org = fzp_gongfu_workshops_lookup_organization (context, argv[2], error)) == NULL ||
      !fzp_gongfu_workshops_set_partner (context, w->id, fz_organization_get_id (org), !remove, error))
    return FZ_EXIT_REJECTED;
  g_print (remove ? _("%s is no longer a partner of %s\n") : _("%s is a partner of %s\n"),
           fz_organization_get_name (org), w->name);
  return FZ_EXIT_OK;
}

static int
cmd_join (FzContext  *context,
          int         argc,
          char      **argv,
          GError    **error)
{
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = NULL;
  g_autoptr(FzPerson) person = NULL;
  char iso[11];
  GDate day;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, 2, error))
    return FZ_EXIT_USAGE;
  w = fzp_gongfu_workshops_find_workshop (context, argv[1], error);
  if (w == NULL || (person = fzp_gongfu_workshops_lookup_person (context, argv[2], error)) == NULL ||
      !parse_day (date, _("Joined"), &day, error) ||
      fzp_gongfu_workshops_join (context, w->id, fz_person_get_id (person), &day, error) == 0)
    return FZ_EXIT_REJECTED;
  fzp_gongfu_workshops_date_to_iso (&day, iso);
  /* Translators: a person's name, a workshop's name, a date */
  g_print (_("%1$s joined %2$s on %3$s\n"), fz_person_get_name (person), w->name, iso);
  return FZ_EXIT_OK;
}

static int
cmd_leave (FzContext  *context,
           int         argc,
           char      **argv,
           GError    **error)
{
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzPerson) person = NULL;
  char iso[11];
  GDate day;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  if ((person = fzp_gongfu_workshops_lookup_person (context, argv[1], error)) == NULL ||
      !parse_day (date, _("Left"), &day, error) ||
      !fzp_gongfu_workshops_leave (context, fz_person_get_id (person), &day, reason, error))
    return FZ_EXIT_REJECTED;
  fzp_gongfu_workshops_date_to_iso (&day, iso);
  g_print (_("%s left on %s\n"), fz_person_get_name (person), iso);
  return FZ_EXIT_OK;
}

static int
cmd_workers (FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = NULL;
  g_autoptr(GPtrArray) workers = NULL;
  GDate today;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  fzp_gongfu_workshops_today (&today);
  w = fzp_gongfu_workshops_find_workshop (context, argv[1], error);
  if (w == NULL || (workers = fzp_gongfu_workshops_list_workers (context, w->id, all ? NULL : &today, error)) == NULL)
    return FZ_EXIT_REJECTED;
  for (guint i = 0; i < workers->len; i++)
    {
      FzpGongfuWorkshopsWorker *worker = g_ptr_array_index (workers, i);
      char joined[11], left[11];

      fzp_gongfu_workshops_date_to_iso (&worker->joined, joined);
      fzp_gongfu_workshops_date_to_iso (&worker->left, left);
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", worker->spell_id, worker->name, worker->id_number,
               joined, left, worker->leave_reason ? worker->leave_reason : "");
    }
  return FZ_EXIT_OK;
}

static int
cmd_pay (FzContext  *context,
         int         argc,
         char      **argv,
         GError    **error)
{
  g_autofree char *pieces = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *note = NULL;
  gboolean clear = FALSE;
  GOptionEntry entries[] = {
    { "pieces", 0, 0, G_OPTION_ARG_STRING, &pieces, NULL, NULL },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &hours, NULL, NULL },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount, NULL, NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, NULL, NULL },
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = NULL;
  g_autoptr(FzPerson) person = NULL;
  FzpGongfuWorkshopsPayEntry entry = { 0 };
  guint year = 0, month = 0;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 3, 3, error))
    return FZ_EXIT_USAGE;
  if (!clear && (((pieces == NULL) == (hours == NULL)) || amount == NULL))
    return fz_command_usage_error (&command_table, "pay",
                                   _("Give --pieces or --hours, and --amount (or --clear)"), error);
  w = fzp_gongfu_workshops_find_workshop (context, argv[1], error);
  if (w == NULL || !fzp_gongfu_workshops_parse_month (argv[2], _("Month"), &year, &month, error) ||
      (person = fzp_gongfu_workshops_lookup_person (context, argv[3], error)) == NULL)
    return FZ_EXIT_REJECTED;
  entry.person_id = fz_person_get_id (person);
  entry.clear = clear;
  entry.note = note;
  if (!clear)
    {
      entry.basis = pieces ? FZP_GONGFU_WORKSHOPS_BASIS_PIECE : FZP_GONGFU_WORKSHOPS_BASIS_HOUR;
      if (!fzp_gongfu_workshops_parse_quantity (pieces ? pieces : hours, entry.basis,
                                                g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year),
                                                &entry.quantity, error) ||
          !fzp_gongfu_workshops_parse_amount (amount, _("Amount"), &entry.amount, error))
        return FZ_EXIT_REJECTED;
    }
  if (!fzp_gongfu_workshops_save_month (context, w->id, year, month, &entry, 1, NULL, error))
    return FZ_EXIT_REJECTED;
  {
    g_autofree char *m = fzp_gongfu_workshops_format_month (year, month);
    g_print (clear ? _("Cleared the pay of %s for %s\n") : _("Saved the pay of %s for %s\n"),
             fz_person_get_name (person), m);
  }
  return FZ_EXIT_OK;
}

static gboolean
workshop_and_month (FzContext   *context,
                    const char  *workshop,
                    const char  *month_text,
                    gint64      *workshop_id,
                    guint       *year,
                    guint       *month,
                    GError     **error)
{
  *workshop_id = 0;
  *year = *month = 0;
  if (workshop)
    {
      g_autoptr(FzpGongfuWorkshopsWorkshop) w = fzp_gongfu_workshops_find_workshop (context, workshop, error);

      if (w == NULL)
        return FALSE;
      *workshop_id = w->id;
    }
  return month_text == NULL || fzp_gongfu_workshops_parse_month (month_text, _("Month"), year, month, error);
}

static int
cmd_import_pay (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  g_autofree char *workshop = NULL;
  g_autofree char *month_text = NULL;
  GOptionEntry entries[] = {
    { "workshop", 0, 0, G_OPTION_ARG_STRING, &workshop, NULL, NULL },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpGongfuWorkshopsImportResult) result = NULL;
  gint64 workshop_id;
  guint year, month;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  if (!workshop_and_month (context, workshop, month_text, &workshop_id, &year, &month, error))
    return FZ_EXIT_REJECTED;
  if (!fzp_gongfu_workshops_import_pay (context, argv[1], workshop_id, year, month, &result, error))
    {
      /* One line per problem, as a compiler says it; then the summary. */
      for (guint i = 0; result && i < result->problems->len; i++)
        {
          g_autofree char *line = fzp_gongfu_workshops_import_result_format_problem (result, i);
          g_printerr ("%s\n", line);
        }
      return FZ_EXIT_REJECTED;
    }
  g_print (_("%u saved, %u unchanged, %u rows without pay skipped (%s)\n"), result->n_saved, result->n_unchanged,
           result->n_skipped, result->encoding);
  return FZ_EXIT_OK;
}

static int
cmd_export_pay (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  g_autofree char *workshop = NULL;
  g_autofree char *month_text = NULL;
  GOptionEntry entries[] = {
    { "workshop", 0, 0, G_OPTION_ARG_STRING, &workshop, NULL, NULL },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text, NULL, NULL },
    { NULL }
  };
  gint64 workshop_id;
  guint year, month, n = 0;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  if (workshop == NULL || month_text == NULL)
    return fz_command_usage_error (&command_table, "export-pay", _("--workshop and --month are needed"), error);
  if (!workshop_and_month (context, workshop, month_text, &workshop_id, &year, &month, error) ||
      !fzp_gongfu_workshops_export_pay (context, argv[1], workshop_id, year, month, &n, error))
    return FZ_EXIT_REJECTED;
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u worker to %s\n", "Wrote %u workers to %s\n", n), n, argv[1]);
  return FZ_EXIT_OK;
}

static int
cmd_order (FzContext  *context,
           int         argc,
           char      **argv,
           GError    **error)
{
  g_autofree char *partner = NULL;
  g_autofree char *product = NULL;
  g_autofree char *quantity = NULL;
  g_autofree char *value = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GOptionEntry entries[] = {
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner, NULL, NULL },
    { "product", 0, 0, G_OPTION_ARG_STRING, &product, NULL, NULL },
    { "quantity", 0, 0, G_OPTION_ARG_STRING, &quantity, NULL, NULL },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = NULL;
  g_autoptr(FzOrganization) org = NULL;
  g_autoptr(FzpGongfuWorkshopsOrder) order = g_new0 (FzpGongfuWorkshopsOrder, 1);
  double pieces = 0;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  if (!partner || !product || !quantity || !value || !from || !to)
    return fz_command_usage_error (&command_table, "order",
                                   _("--partner, --product, --quantity, --value, --from and --to are needed"), error);
  w = fzp_gongfu_workshops_find_workshop (context, argv[1], error);
  if (w == NULL || (org = fzp_gongfu_workshops_lookup_organization (context, partner, error)) == NULL ||
      !fzp_gongfu_workshops_parse_quantity (quantity, FZP_GONGFU_WORKSHOPS_BASIS_PIECE, 31, &pieces, error) ||
      !fzp_gongfu_workshops_parse_amount (value, _("Value"), &order->value, error) ||
      !fz_parse_date (from, _("From"), &order->starts, error) || !fz_parse_date (to, _("To"), &order->ends, error))
    return FZ_EXIT_REJECTED;
  order->workshop_id = w->id;
  order->organization_id = fz_organization_get_id (org);
  order->product = g_strdup (product);
  order->quantity = (gint64) pieces;
  if (!fzp_gongfu_workshops_add_order (context, order, error))
    return FZ_EXIT_REJECTED;
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, order->id);
    g_print (_("Added order %s\n"), id);
  }
  return FZ_EXIT_OK;
}

static int
cmd_orders (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  g_autoptr(FzpGongfuWorkshopsWorkshop) w = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) workshops = NULL;

  if (argc > 2)
    return fz_command_usage_error (&command_table, "orders", NULL, error);
  if (argc == 2 && (w = fzp_gongfu_workshops_find_workshop (context, argv[1], error)) == NULL)
    return FZ_EXIT_REJECTED;
  workshops = fzp_gongfu_workshops_list_workshops (context, NULL, error);
  orders = workshops ? fzp_gongfu_workshops_list_orders (context, w ? w->id : 0, error) : NULL;
  if (orders == NULL)
    return FZ_EXIT_REJECTED;
  for (guint i = 0; i < workshops->len; i++)
    {
      FzpGongfuWorkshopsWorkshop *ws = g_ptr_array_index (workshops, i);
      g_hash_table_insert (names, g_memdup2 (&ws->id, sizeof ws->id), g_strdup (ws->name));
    }
  for (guint i = 0; i < orders->len; i++)
    {
      FzpGongfuWorkshopsOrder *o = g_ptr_array_index (orders, i);
      g_autofree char *value = fzp_gongfu_workshops_format_amount (o->value);
      char starts[11], ends[11];

      fzp_gongfu_workshops_date_to_iso (&o->starts, starts);
      fzp_gongfu_workshops_date_to_iso (&o->ends, ends);
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", o->id,
               (const char *) g_hash_table_lookup (names, &o->workshop_id), o->organization_name, o->product,
               o->quantity, value, starts, ends);
    }
  return FZ_EXIT_OK;
}

static int
cmd_figures (FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  g_autofree char *year_text = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *county = NULL;
  g_autofree char *workshop = NULL;
  g_autofree char *county_code = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, NULL, NULL },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { "workshop", 0, 0, G_OPTION_ARG_STRING, &workshop, NULL, NULL },
    { NULL }
  };
  FzpGongfuWorkshopsScope scope = { 0 };
  FzpGongfuWorkshopsFigures f;
  g_autofree char *total = NULL;
  g_autofree char *average = NULL;
  char on[11];
  GDate today;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, error))
    return FZ_EXIT_USAGE;
  if (year_text && month_text)
    return fz_command_usage_error (&command_table, "figures", _("Give --year or --month, not both"), error);
  fzp_gongfu_workshops_today (&today);
  scope.year = g_date_get_year (&today);
  if (year_text)
    {
      guint64 y;

      if (!g_ascii_string_to_unsigned (year_text, 10, 1900, 9999, &y, NULL))
        {
          g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                       _("Year: “%s” is not a year"), year_text);
          return FZ_EXIT_REJECTED;
        }
      scope.year = (guint) y;
    }
  {
    guint y, m;

    if (!workshop_and_month (context, workshop, month_text, &scope.workshop_id, &y, &m, error))
      return FZ_EXIT_REJECTED;
    if (month_text)
      {
        scope.year = y;
        scope.month = m;
      }
  }
  if (county)
    {
      county_code = fz_county_lookup (fz_context_get_database (context), county);
      if (county_code == NULL)
        {
          g_set_error (error, FZP_GONGFU_WORKSHOPS_ERROR, FZP_GONGFU_WORKSHOPS_ERROR_INVALID,
                       _("County: “%s” is not a county of the city"), county);
          return FZ_EXIT_REJECTED;
        }
      scope.county_code = county_code;
    }
  if (!fzp_gongfu_workshops_compute_figures (context, &scope, &f, error))
    return FZ_EXIT_REJECTED;
  fzp_gongfu_workshops_date_to_iso (&f.on, on);
  total = fzp_gongfu_workshops_format_amount (f.pay.total_fen);
  average = fzp_gongfu_workshops_format_amount (fzp_gongfu_workshops_pay_figures_average (&f.pay));
  g_print ("on\t%s\nworkshops\t%u\nproper-workshops\t%u\nworkers\t%u\nplaced\t%u\n"
           "pay-records\t%u\npay-total\t%s\nno-work-months\t%u\ncompared-months\t%u\n"
           "average-monthly-pay\t%s\nbelow-minimum\t%u\nhourly-records\t%u\nbelow-hourly-minimum\t%u\n",
           on, f.workshops, f.proper, f.workers, f.placed, f.pay.n_records, total, f.pay.n_no_work,
           f.pay.n_compared, average, f.pay.n_below, f.pay.n_hourly, f.pay.n_below_hourly);
  return FZ_EXIT_OK;
}

static int
cmd_standard (FzContext  *context,
              int         argc,
              char      **argv,
              GError    **error)
{
  g_autofree char *from = NULL;
  int min_workers = -1;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "min-workers", 0, 0, G_OPTION_ARG_INT, &min_workers, NULL, NULL },
    { NULL }
  };

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 1, error))
    return FZ_EXIT_USAGE;
  if (argc == 1 || g_str_equal (argv[1], "list"))
    {
      g_autoptr(GArray) list = NULL;

      if (from || min_workers >= 0)
        return fz_command_usage_error (&command_table, "standard", NULL, error);
      list = fzp_gongfu_workshops_list_standards (context, error);
      if (list == NULL)
        return FZ_EXIT_REJECTED;
      for (guint i = 0; i < list->len; i++)
        {
          FzpGongfuWorkshopsStandard *s = &g_array_index (list, FzpGongfuWorkshopsStandard, i);
          char day[11];

          fzp_gongfu_workshops_date_to_iso (&s->effective_from, day);
          g_print ("%s\t%u\n", day, s->min_workers);
        }
      return FZ_EXIT_OK;
    }
  if (g_str_equal (argv[1], "set"))
    {
      FzpGongfuWorkshopsStandard s;

      if (from == NULL || min_workers < 0)
        return fz_command_usage_error (&command_table, "standard", _("“set” needs --from and --min-workers"), error);
      if (!fz_parse_date (from, _("From"), &s.effective_from, error))
        return FZ_EXIT_REJECTED;
      s.min_workers = (guint) min_workers;
      if (!fzp_gongfu_workshops_set_standard (context, &s, error))
        return FZ_EXIT_REJECTED;
      g_print (_("From %s a disability workshop needs at least %u workers\n"), from, s.min_workers);
      return FZ_EXIT_OK;
    }
  return fz_command_usage_error (&command_table, "standard", NULL, error);
}

int
fzp_gongfu_workshops_run_command (FzContext  *context,
                                  int         argc,
                                  char      **argv,
                                  GError    **error)
{
  static const struct {
    const char *name;
    int (*func) (FzContext *, int, char **, GError **);
  } table[] = {
    { "list", cmd_list }, { "add", cmd_add_or_edit }, { "edit", cmd_add_or_edit }, { "close", cmd_close },
    { "partner", cmd_partner }, { "join", cmd_join }, { "leave", cmd_leave }, { "workers", cmd_workers },
    { "pay", cmd_pay }, { "import-pay", cmd_import_pay }, { "export-pay", cmd_export_pay },
    { "order", cmd_order }, { "orders", cmd_orders }, { "figures", cmd_figures }, { "standard", cmd_standard },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_equal (argv[0], table[i].name))
      return table[i].func (context, argc, argv, error);
  g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("Unknown command “%s”"), argv[0]);
  return FZ_EXIT_USAGE;
}
