/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fzp-rural-bases-commands.h"
#include "fzp-rural-bases-documents.h"
#include "fzp-rural-bases-exchange.h"
#include "fzp-rural-bases-store.h"

const FzCommandInfo fzp_rural_bases_commands[] = {
  { "add", "NAME --county C --township T [--village V] --industry I --founded DATE "
           "(--organization ORG | --person ID-NUMBER | --operator NAME) [--phone P] [--homestay] [--note N]",
    N_("Add a base") },
  { "edit", "BASE [--name N] [--county C] [--township T] [--village V] [--industry I] [--founded DATE] "
            "[--closed DATE] [--organization ORG | --person ID-NUMBER | --operator NAME] [--phone P] "
            "[--homestay yes|no] [--note N]",
    N_("Change a base; --closed records that it closed") },
  { "list", "[--county C] [--level L] [--homestays] [--search TEXT]",
    N_("List the bases: number, name, county, township, village, industry, level, employed, helped, homestay") },
  { "show", "BASE", N_("Show a base with its recognitions, people, training and assessments") },
  { "check", "BASE LEVEL [--on DATE]", N_("Check a base against the recognition standard in force") },
  { "recognize", "BASE LEVEL --on DATE [--document NUMBER] [--exception REASON]",
    N_("Recognise a base at a level (county, city, province, high-standard)") },
  { "withdraw", "BASE LEVEL --on DATE --reason REASON",
    N_("Withdraw a recognition; its certificate is revoked") },
  { "employ", "BASE PERSON --from DATE --income YUAN [--to DATE] [--job JOB]",
    N_("Record a person with disabilities employed at a base, with their monthly income") },
  { "leave", "BASE PERSON --on DATE", N_("Record the last day of a person's employment at a base") },
  { "assist", "BASE PERSON --kind KIND --from DATE [--to DATE] [--note N]",
    N_("Record a person the base helps without employing them (seed, orders, sales…)") },
  { "end-help", "BASE PERSON --kind KIND --on DATE", N_("Record the last day of a base's help to a person") },
  { "people", "BASE [--on DATE]",
    N_("List who a base employs and helps: employed|helped, identity number, name, from, to, income or kind") },
  { "train", "(BASE | --county C) --on DATE --topic TOPIC --hours H [--place P] [--trainer T] [PERSON…]",
    N_("Record a practical training session and its attendees") },
  { "attend", "SESSION PERSON… [--remove]", N_("Add attendees to a training session, or remove them") },
  { "trainings", "[--base BASE] [--county C]",
    N_("List training sessions: number, date, county, base, topic, hours, attendees") },
  { "assess", "BASE --year Y --result RESULT [--on DATE] [--note N] [--employed N] [--helped N] [--months N] "
              "[--income-paid YUAN] [--sessions N] [--attendees N]",
    N_("Record a base's yearly assessment; figures not given are taken from its records") },
  { "assessments", "[--year Y] [--county C] [--base BASE]", N_("List yearly assessments") },
  { "homestays", "[--on DATE] [--county C] [--all]",
    N_("List the homestays with priority in homestay ratings (--all: every homestay)") },
  { "criteria", "[list | set LEVEL --from DATE --employed N --helped N [--either] --income-ratio R "
                "--training N --months N [--requires LEVEL]]",
    N_("List or set the recognition standards, dated") },
  { "homestay-rule", "[list | set --from DATE --employed N --cooperating N --kinds KIND,… --local yes|no]",
    N_("List or set the homestay priority rule, dated") },
  { "issuer", "[LEVEL TEXT]", N_("List or set who issues certificates of a level ({county} is the county's name)") },
  { "import", "bases|employed|helped FILE [--dry-run]",
    N_("Import bases or their people from a CSV or XLSX sheet, all or nothing") },
  { "export", "bases|employed|helped FILE [--county C]", N_("Export bases or their people to CSV or XLSX") },
  { "figures", "[--year Y]", N_("The year's figures by county, as the dashboard counts them") },
};
const guint fzp_rural_bases_n_commands = G_N_ELEMENTS (fzp_rural_bases_commands);

static const FzCommandTable command_table = {
  FZP_RURAL_BASES_ID, GETTEXT_PACKAGE, fzp_rural_bases_commands, G_N_ELEMENTS (fzp_rural_bases_commands)
};

/* Helpers */

/* fz_command_parse(), the caller saying the usage; an option-like word
 * left over (after "--") is a typing error too, not an argument. */
static gboolean
parse (GOptionEntry  *entries,
       int           *argc,
       char        ***argv,
       int            min,
       int            max)
{
  if (!fz_command_parse (&command_table, argc, argv, entries, min, max, NULL))
    return FALSE;
  for (int i = 1; i < *argc; i++)
    if ((*argv)[i][0] == '-' && (*argv)[i][1] == '-')
      return FALSE;
  return TRUE;
}

static int
rejected (GError **error)
{
  return FZ_EXIT_REJECTED;
}

static gboolean
parse_date_option (const char  *text,
                   const char  *field,
                   gboolean     required,
                   GDate       *date,
                   GError     **error)
{
  g_date_clear (date, 1);
  if (text == NULL)
    {
      if (!required)
        return TRUE;
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY, _("%s: the value is missing"), field);
      return FALSE;
    }
  return fz_parse_date (text, field, date, error);
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static const char *
iso (const GDate *date,
     char         buffer[11])
{
  if (!g_date_valid (date))
    return "";
  fzp_rural_bases_format_date (date, buffer);
  return buffer;
}

static char *
county_option (FzContext   *context,
               const char  *text,
               GError     **error)
{
  char *code;

  if (text == NULL)
    return NULL;
  code = fz_county_lookup (fz_context_get_database (context), text);
  if (code == NULL)
    g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_UNKNOWN,
                 _("%1$s: “%2$s” is not a county of the city"), _("County"), text);
  return code;
}

/* Sets who runs @base from at most one of the three options. */
static gboolean
set_operator (FzContext          *context,
              FzpRuralBasesBase  *base,
              const char         *organization,
              const char         *person,
              const char         *named,
              GError            **error)
{
  if ((organization != NULL) + (person != NULL) + (named != NULL) > 1)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_MISMATCH,
                   _("%s: give one of --organization, --person and --operator"), _("Operator"));
      return FALSE;
    }
  if (organization)
    {
      base->operator_kind = FZP_RURAL_BASES_OPERATOR_ORGANIZATION;
      return fzp_rural_bases_resolve_organization (context, organization, &base->operator_id, error);
    }
  if (person)
    {
      base->operator_kind = FZP_RURAL_BASES_OPERATOR_PERSON;
      return fzp_rural_bases_resolve_person (context, person, &base->operator_id, NULL, error);
    }
  if (named)
    {
      base->operator_kind = FZP_RURAL_BASES_OPERATOR_NAMED;
      g_free (base->operator_name);
      base->operator_name = g_strdup (named);
    }
  return TRUE;
}

/* Bases */

static int
command_add (FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  g_autofree char *county = NULL, *township = NULL, *village = NULL, *industry = NULL, *founded = NULL;
  g_autofree char *organization = NULL, *person = NULL, *named = NULL, *phone = NULL, *note = NULL;
  gboolean homestay = FALSE;
  GOptionEntry entries[] = {
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, NULL, NULL },
    { "village", 0, 0, G_OPTION_ARG_STRING, &village, NULL, NULL },
    { "industry", 0, 0, G_OPTION_ARG_STRING, &industry, NULL, NULL },
    { "founded", 0, 0, G_OPTION_ARG_STRING, &founded, NULL, NULL },
    { "organization", 0, 0, G_OPTION_ARG_STRING, &organization, NULL, NULL },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, NULL, NULL },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &named, NULL, NULL },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, NULL, NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, NULL, NULL },
    { "homestay", 0, 0, G_OPTION_ARG_NONE, &homestay, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesBase) base = fzp_rural_bases_base_new ();

  if (!parse (entries, &argc, &argv, 1, 1))
    return fz_command_usage_error (&command_table, "add", NULL, error);
  base->name = g_strdup (argv[1]);
  base->county_code = g_strdup (county);
  base->township = g_strdup (township);
  base->village = g_strdup (village);
  base->phone = g_strdup (phone);
  base->note = g_strdup (note);
  base->homestay = homestay;
  if (!fzp_rural_bases_industry_parse (industry, &base->industry, error) ||
      !parse_date_option (founded, _("Founded"), TRUE, &base->founded_on, error) ||
      !set_operator (context, base, organization, person, named, error))
    return rejected (error);
  if (base->operator_kind == 0)
    {
      g_set_error (error, FZ_VALIDATE_ERROR, FZ_VALIDATE_ERROR_EMPTY,
                   _("%s: give --organization, --person or --operator"), _("Operator"));
      return rejected (error);
    }
  if (!fzp_rural_bases_save_base (context, base, error))
    return rejected (error);
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, base->id);
    g_print (_("Added base %1$s: %2$s\n"), number, base->name);
  }
  return FZ_EXIT_OK;
}

static int
command_edit (FzContext  *context,
              int         argc,
              char      **argv,
              GError    **error)
{
  g_autofree char *name = NULL, *county = NULL, *township = NULL, *village = NULL, *industry = NULL;
  g_autofree char *founded = NULL, *closed = NULL, *organization = NULL, *person = NULL, *named = NULL;
  g_autofree char *phone = NULL, *note = NULL, *homestay = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, NULL, NULL },
    { "village", 0, 0, G_OPTION_ARG_STRING, &village, NULL, NULL },
    { "industry", 0, 0, G_OPTION_ARG_STRING, &industry, NULL, NULL },
    { "founded", 0, 0, G_OPTION_ARG_STRING, &founded, NULL, NULL },
    { "closed", 0, 0, G_OPTION_ARG_STRING, &closed, NULL, NULL },
    { "organization", 0, 0, G_OPTION_ARG_STRING, &organization, NULL, NULL },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, NULL, NULL },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &named, NULL, NULL },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, NULL, NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, NULL, NULL },
    { "homestay", 0, 0, G_OPTION_ARG_STRING, &homestay, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesBase) base = NULL;

  if (!parse (entries, &argc, &argv, 1, 1))
    return fz_command_usage_error (&command_table, "edit", NULL, error);
  base = fzp_rural_bases_lookup_base (context, argv[1], error);
  if (base == NULL)
    return rejected (error);
#define REPLACE(field, value) if (value) { g_free (base->field); base->field = g_strdup (value); }
  REPLACE (name, name);
  REPLACE (county_code, county);
  REPLACE (township, township);
  REPLACE (village, village);
  REPLACE (phone, phone);
  REPLACE (note, note);
#undef REPLACE
  if ((industry && !fzp_rural_bases_industry_parse (industry, &base->industry, error)) ||
      (founded && !parse_date_option (founded, _("Founded"), TRUE, &base->founded_on, error)) ||
      (closed && !parse_date_option (closed, _("Closed"), TRUE, &base->closed_on, error)) ||
      (homestay && !fzp_rural_bases_parse_yes_no (homestay, _("Homestay"), FALSE, &base->homestay, error)) ||
      !set_operator (context, base, organization, person, named, error))
    return rejected (error);
  if (!fzp_rural_bases_save_base (context, base, error))
    return rejected (error);
  g_print (_("Saved base %s\n"), base->name);
  return FZ_EXIT_OK;
}

static int
command_list (FzContext  *context,
              int         argc,
              char      **argv,
              GError    **error)
{
  g_autofree char *county = NULL, *level = NULL, *search = NULL, *code = NULL;
  gboolean homestays = FALSE;
  GOptionEntry entries[] = {
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level, NULL, NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, NULL, NULL },
    { "homestays", 0, 0, G_OPTION_ARG_NONE, &homestays, NULL, NULL },
    { NULL }
  };
  FzpRuralBasesFilter filter = { 0 };
  g_autoptr(GPtrArray) bases = NULL;

  if (!parse (entries, &argc, &argv, 0, 0))
    return fz_command_usage_error (&command_table, "list", NULL, error);
  code = county_option (context, county, error);
  if (county && code == NULL)
    return rejected (error);
  if (level && !fzp_rural_bases_level_parse (level, &filter.level, error))
    return rejected (error);
  filter.county_code = code;
  filter.text = search;
  filter.homestays = homestays;
  bases = fzp_rural_bases_list_bases (context, &filter, error);
  if (bases == NULL)
    return rejected (error);
  for (guint i = 0; i < bases->len; i++)
    {
      FzpRuralBasesBase *b = g_ptr_array_index (bases, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\t%u\t%u\t%s\n", b->id, b->name, b->county_name,
               b->township, b->village ? b->village : "", fzp_rural_bases_industry_to_print (b->industry),
               b->level ? fzp_rural_bases_level_to_print (b->level) : "-", b->employed, b->helped,
               b->homestay ? "民宿" : "");
    }
  return FZ_EXIT_OK;
}

static int
command_show (FzContext  *context,
              int         argc,
              char      **argv,
              GError    **error)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(FzpRuralBasesBase) base = NULL;
  g_autoptr(GPtrArray) recognitions = NULL;
  g_autoptr(GPtrArray) employed = NULL;
  g_autoptr(GPtrArray) helped = NULL;
  g_autoptr(GPtrArray) trainings = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  char a[11], b[11];

  if (!parse (entries, &argc, &argv, 1, 1))
    return fz_command_usage_error (&command_table, "show", NULL, error);
  base = fzp_rural_bases_lookup_base (context, argv[1], error);
  if (base == NULL)
    return rejected (error);
  recognitions = fzp_rural_bases_list_recognitions (context, base->id, error);
  employed = recognitions ? fzp_rural_bases_list_ties (context, TRUE, base->id, NULL, error) : NULL;
  helped = employed ? fzp_rural_bases_list_ties (context, FALSE, base->id, NULL, error) : NULL;
  trainings = helped ? fzp_rural_bases_list_trainings (context, base->id, NULL, error) : NULL;
  assessments = trainings ? fzp_rural_bases_list_assessments (context, base->id, 0, NULL, error) : NULL;
  if (assessments == NULL)
    return rejected (error);

  g_print ("%s: %" G_GINT64_FORMAT "\n", _("Number"), base->id);
  g_print ("%s: %s\n", _("Base name"), base->name);
  g_print ("%s: %s %s %s\n", _("Place"), base->county_name, base->township, base->village ? base->village : "");
  g_print ("%s: %s\n", _("Industry"), fzp_rural_bases_industry_to_string (base->industry));
  g_print ("%s: %s%s%s%s\n", _("Operator"), base->operator_name, base->operator_code ? " (" : "",
           base->operator_code ? base->operator_code : "", base->operator_code ? ")" : "");
  if (base->phone)
    g_print ("%s: %s\n", _("Phone"), base->phone);
  g_print ("%s: %s\n", _("Founded"), iso (&base->founded_on, a));
  if (g_date_valid (&base->closed_on))
    g_print ("%s: %s\n", _("Closed"), iso (&base->closed_on, a));
  g_print ("%s: %s\n", _("Homestay"), base->homestay ? _("yes") : _("no"));
  g_print ("%s: %s\n", _("Level"), base->level ? fzp_rural_bases_level_to_string (base->level) : _("not recognised"));
  if (base->note)
    g_print ("%s: %s\n", _("Note"), base->note);

  g_print ("\n%s\n", _("Recognitions:"));
  for (guint i = 0; i < recognitions->len; i++)
    {
      FzpRuralBasesRecognitionRecord *r = g_ptr_array_index (recognitions, i);

      g_print ("  %s\t%s\t%s", iso (&r->recognized_on, a), fzp_rural_bases_level_to_string (r->level),
               r->document_number ? r->document_number : "");
      if (g_date_valid (&r->withdrawn_on))
        g_print ("\t%s %s: %s", _("withdrawn"), iso (&r->withdrawn_on, b), r->withdrawn_reason);
      if (r->exception)
        g_print ("\t%s: %s", _("exception"), r->exception);
      g_print ("\n");
    }
  g_print ("\n%s\n", _("Employed:"));
  for (guint i = 0; i < employed->len; i++)
    {
      FzpRuralBasesTie *t = g_ptr_array_index (employed, i);
      g_print ("  %s\t%s\t%s\t%s\t%.2f\t%s\n", t->id_number, t->name, iso (&t->started_on, a), iso (&t->ended_on, b),
               t->monthly_income, t->detail ? t->detail : "");
    }
  g_print ("\n%s\n", _("Helped:"));
  for (guint i = 0; i < helped->len; i++)
    {
      FzpRuralBasesTie *t = g_ptr_array_index (helped, i);
      g_print ("  %s\t%s\t%s\t%s\t%s\t%s\n", t->id_number, t->name, iso (&t->started_on, a), iso (&t->ended_on, b),
               fzp_rural_bases_help_to_string (t->kind), t->detail ? t->detail : "");
    }
  g_print ("\n%s\n", _("Training sessions:"));
  for (guint i = 0; i < trainings->len; i++)
    {
      FzpRuralBasesTraining *t = g_ptr_array_index (trainings, i);
      g_print ("  %" G_GINT64_FORMAT "\t%s\t%s\t%g\t%u\n", t->id, iso (&t->held_on, a), t->topic, t->hours,
               t->n_attendees);
    }
  g_print ("\n%s\n", _("Assessments:"));
  for (guint i = 0; i < assessments->len; i++)
    {
      FzpRuralBasesAssessment *x = g_ptr_array_index (assessments, i);
      g_print ("  %d\t%s\t%u\t%u\t%.2f\n", x->year, fzp_rural_bases_result_to_string (x->result),
               x->figures.employed, x->figures.helped, x->figures.income_paid);
    }
  return FZ_EXIT_OK;
}

static int
command_check (FzContext  *context,
               int         argc,
               char      **argv,
               GError    **error)
{
  g_autofree char *on = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesBase) base = NULL;
  g_autoptr(GPtrArray) unmet = NULL;
  FzpRuralBasesLevel level;
  GDate day;

  if (!parse (entries, &argc, &argv, 2, 2))
    return fz_command_usage_error (&command_table, "check", NULL, error);
  today (&day);
  base = fzp_rural_bases_lookup_base (context, argv[1], error);
  if (base == NULL || !fzp_rural_bases_level_parse (argv[2], &level, error) ||
      (on && !parse_date_option (on, _("Date"), TRUE, &day, error)))
    return rejected (error);
  unmet = fzp_rural_bases_check_recognition (context, base->id, level, &day, error);
  if (unmet == NULL)
    return rejected (error);
  if (unmet->len == 0)
    g_print (_("%1$s meets the standard for %2$s\n"), base->name, fzp_rural_bases_level_to_string (level));
  for (guint i = 0; i < unmet->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (unmet, i));
  return FZ_EXIT_OK;
}

static int
command_recognize (FzContext  *context,
                   int         argc,
                   char      **argv,
                   GError    **error)
{
  g_autofree char *on = NULL, *document = NULL, *exception = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "document", 0, 0, G_OPTION_ARG_STRING, &document, NULL, NULL },
    { "exception", 0, 0, G_OPTION_ARG_STRING, &exception, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesBase) base = NULL;
  FzpRuralBasesLevel level;
  GDate day;

  if (!parse (entries, &argc, &argv, 2, 2))
    return fz_command_usage_error (&command_table, "recognize", NULL, error);
  base = fzp_rural_bases_lookup_base (context, argv[1], error);
  if (base == NULL || !fzp_rural_bases_level_parse (argv[2], &level, error) ||
      !parse_date_option (on, _("Recognised on"), TRUE, &day, error))
    return rejected (error);
  if (fzp_rural_bases_recognize (context, base->id, level, &day, document, exception, error) == 0)
    return rejected (error);
  g_print (_("%1$s is recognised at %2$s\n"), base->name, fzp_rural_bases_level_to_string (level));
  return FZ_EXIT_OK;
}

static int
command_withdraw (FzContext  *context,
                  int         argc,
                  char      **argv,
                  GError    **error)
{
  g_autofree char *on = NULL, *reason = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesBase) base = NULL;
  FzpRuralBasesLevel level;
  GDate day;

  if (!parse (entries, &argc, &argv, 2, 2))
    return fz_command_usage_error (&command_table, "withdraw", NULL, error);
  base = fzp_rural_bases_lookup_base (context, argv[1], error);
  if (base == NULL || !fzp_rural_bases_level_parse (argv[2], &level, error) ||
      !parse_date_option (on, _("Withdrawn on"), TRUE, &day, error) ||
      !fzp_rural_bases_withdraw (context, base->id, level, &day, reason, error))
    return rejected (error);
  g_print (_("The recognition of %1$s at %2$s is withdrawn\n"), base->name, fzp_rural_bases_level_to_string (level));
  return FZ_EXIT_OK;
}

/* People */

static int
command_employ (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  g_autofree char *from = NULL, *to = NULL, *income = NULL, *job = NULL, *name = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, NULL, NULL },
    { "income", 0, 0, G_OPTION_ARG_STRING, &income, NULL, NULL },
    { "job", 0, 0, G_OPTION_ARG_STRING, &job, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesBase) base = NULL;
  gint64 person = 0;
  double yuan = 0;
  GDate start, end;

  if (!parse (entries, &argc, &argv, 2, 2))
    return fz_command_usage_error (&command_table, "employ", NULL, error);
  base = fzp_rural_bases_lookup_base (context, argv[1], error);
  if (base == NULL || !fzp_rural_bases_resolve_person (context, argv[2], &person, &name, error) ||
      !parse_date_option (from, _("Start date"), TRUE, &start, error) ||
      !parse_date_option (to, _("End date"), FALSE, &end, error) ||
      !fzp_rural_bases_parse_money (income, _("Monthly income"), &yuan, error))
    return rejected (error);
  if (fzp_rural_bases_employ (context, base->id, person, &start, &end, yuan, job, error) == 0)
    return rejected (error);
  g_print (_("%1$s is employed at %2$s\n"), name, base->name);
  return FZ_EXIT_OK;
}

static int
command_assist (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  g_autofree char *from = NULL, *to = NULL, *kind = NULL, *note = NULL, *name = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, NULL, NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesBase) base = NULL;
  FzpRuralBasesHelp help = FZP_RURAL_BASES_HELP_NONE;
  gint64 person = 0;
  GDate start, end;

  if (!parse (entries, &argc, &argv, 2, 2))
    return fz_command_usage_error (&command_table, "assist", NULL, error);
  base = fzp_rural_bases_lookup_base (context, argv[1], error);
  if (base == NULL || !fzp_rural_bases_resolve_person (context, argv[2], &person, &name, error) ||
      !fzp_rural_bases_help_parse (kind, &help, error) ||
      !parse_date_option (from, _("Start date"), TRUE, &start, error) ||
      !parse_date_option (to, _("End date"), FALSE, &end, error))
    return rejected (error);
  if (fzp_rural_bases_help (context, base->id, person, help, &start, &end, note, error) == 0)
    return rejected (error);
  g_print (_("%1$s is helped by %2$s\n"), name, base->name);
  return FZ_EXIT_OK;
}

/* Ends the running employment (@kind NULL) or help of a person at a base. */
static int
end_running (FzContext  *context,
             const char *verb,
             int         argc,
             char      **argv,
             gboolean    employment,
             GError    **error)
{
  g_autofree char *on = NULL, *kind = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesBase) base = NULL;
  g_autoptr(GPtrArray) ties = NULL;
  FzpRuralBasesHelp help = FZP_RURAL_BASES_HELP_NONE;
  gint64 person = 0;
  gint64 id = 0;
  GDate day;

  if (!parse (entries, &argc, &argv, 2, 2) || (employment && kind))
    return fz_command_usage_error (&command_table, verb, NULL, error);
  base = fzp_rural_bases_lookup_base (context, argv[1], error);
  if (base == NULL || !fzp_rural_bases_resolve_person (context, argv[2], &person, NULL, error) ||
      (!employment && !fzp_rural_bases_help_parse (kind, &help, error)) ||
      !parse_date_option (on, _("End date"), TRUE, &day, error))
    return rejected (error);
  ties = fzp_rural_bases_list_ties (context, employment, base->id, NULL, error);
  if (ties == NULL)
    return rejected (error);
  for (guint i = 0; i < ties->len; i++)
    {
      FzpRuralBasesTie *t = g_ptr_array_index (ties, i);
      if (t->person_id == person && !g_date_valid (&t->ended_on) && (employment || t->kind == help))
        id = t->id;
    }
  if (id == 0)
    {
      g_set_error (error, FZ_DATABASE_ERROR, FZ_DATABASE_ERROR_NOT_FOUND,
                   employment ? _("%1$s: the person is not employed at %2$s now")
                              : _("%1$s: the base does not help the person that way now"),
                   _("Person"), base->name);
      return rejected (error);
    }
  if (!fzp_rural_bases_end_tie (context, employment, id, &day, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static int
command_people (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  g_autofree char *on = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesBase) base = NULL;
  GDate day;

  if (!parse (entries, &argc, &argv, 1, 1))
    return fz_command_usage_error (&command_table, "people", NULL, error);
  base = fzp_rural_bases_lookup_base (context, argv[1], error);
  if (base == NULL || !parse_date_option (on, _("Date"), FALSE, &day, error))
    return rejected (error);
  for (int employment = 1; employment >= 0; employment--)
    {
      g_autoptr(GPtrArray) ties = fzp_rural_bases_list_ties (context, employment, base->id,
                                                             g_date_valid (&day) ? &day : NULL, error);
      char a[11], b[11];

      if (ties == NULL)
        return rejected (error);
      for (guint i = 0; i < ties->len; i++)
        {
          FzpRuralBasesTie *t = g_ptr_array_index (ties, i);
          g_autofree char *money = fzp_rural_bases_format_money (t->monthly_income);

          g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", employment ? "employed" : "helped", t->id_number, t->name,
                   iso (&t->started_on, a), iso (&t->ended_on, b),
                   employment ? money : fzp_rural_bases_help_to_nick (t->kind));
        }
    }
  return FZ_EXIT_OK;
}

/* Training */

static gboolean
resolve_persons (FzContext  *context,
                 int         argc,
                 char      **argv,
                 int         first,
                 GArray     *ids,
                 GError    **error)
{
  for (int i = first; i < argc; i++)
    {
      gint64 id = 0;

      if (!fzp_rural_bases_resolve_person (context, argv[i], &id, NULL, error))
        return FALSE;
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static int
command_train (FzContext  *context,
               int         argc,
               char      **argv,
               GError    **error)
{
  g_autofree char *county = NULL, *on = NULL, *topic = NULL, *hours = NULL, *place = NULL, *trainer = NULL;
  GOptionEntry entries[] = {
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "topic", 0, 0, G_OPTION_ARG_STRING, &topic, NULL, NULL },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &hours, NULL, NULL },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place, NULL, NULL },
    { "trainer", 0, 0, G_OPTION_ARG_STRING, &trainer, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesTraining) training = g_new0 (FzpRuralBasesTraining, 1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int first = 1;

  if (!parse (entries, &argc, &argv, county ? 0 : 1, -1))
    return fz_command_usage_error (&command_table, "train", NULL, error);
  if (county == NULL)
    {
      g_autoptr(FzpRuralBasesBase) base = fzp_rural_bases_lookup_base (context, argv[1], error);

      if (base == NULL)
        return rejected (error);
      training->base_id = base->id;
      first = 2;
    }
  training->county_code = g_strdup (county);
  training->topic = g_strdup (topic);
  training->place = g_strdup (place);
  training->trainer = g_strdup (trainer);
  if (!parse_date_option (on, _("Held on"), TRUE, &training->held_on, error) ||
      !fzp_rural_bases_parse_hours (hours, _("Hours"), &training->hours, error) ||
      !resolve_persons (context, argc, argv, first, ids, error))
    return rejected (error);
  if (fzp_rural_bases_add_training (context, training, (const gint64 *) (gpointer) ids->data, ids->len, error) == 0)
    return rejected (error);
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, training->id);
    g_print (_("Recorded training session %1$s with %2$u attendees\n"), number, ids->len);
  }
  return FZ_EXIT_OK;
}

static int
command_attend (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  gboolean remove = FALSE;
  GOptionEntry entries[] = {
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove, NULL, NULL },
    { NULL }
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint session = 0;

  if (!parse (entries, &argc, &argv, 2, -1))
    return fz_command_usage_error (&command_table, "attend", NULL, error);
  if (!fzp_rural_bases_parse_count (argv[1], _("Session"), G_MAXINT, &session, error) ||
      !resolve_persons (context, argc, argv, 2, ids, error) ||
      !fzp_rural_bases_set_attendance (context, session, (const gint64 *) (gpointer) ids->data, ids->len, remove,
                                       error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static int
command_trainings (FzContext  *context,
                   int         argc,
                   char      **argv,
                   GError    **error)
{
  g_autofree char *base_text = NULL, *county = NULL, *code = NULL;
  GOptionEntry entries[] = {
    { "base", 0, 0, G_OPTION_ARG_STRING, &base_text, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesBase) base = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (!parse (entries, &argc, &argv, 0, 0))
    return fz_command_usage_error (&command_table, "trainings", NULL, error);
  if (base_text && (base = fzp_rural_bases_lookup_base (context, base_text, error)) == NULL)
    return rejected (error);
  code = county_option (context, county, error);
  if (county && code == NULL)
    return rejected (error);
  list = fzp_rural_bases_list_trainings (context, base ? base->id : 0, code, error);
  if (list == NULL)
    return rejected (error);
  for (guint i = 0; i < list->len; i++)
    {
      FzpRuralBasesTraining *t = g_ptr_array_index (list, i);
      char a[11];

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%g\t%u\n", t->id, iso (&t->held_on, a), t->county_name,
               t->base_name ? t->base_name : "", t->topic, t->hours, t->n_attendees);
    }
  return FZ_EXIT_OK;
}

/* Assessment */

static int
command_assess (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  g_autofree char *year_text = NULL, *result_text = NULL, *on = NULL, *note = NULL;
  g_autofree char *employed = NULL, *helped = NULL, *months = NULL, *paid = NULL, *sessions = NULL, *attendees = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, NULL, NULL },
    { "result", 0, 0, G_OPTION_ARG_STRING, &result_text, NULL, NULL },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, NULL, NULL },
    { "employed", 0, 0, G_OPTION_ARG_STRING, &employed, NULL, NULL },
    { "helped", 0, 0, G_OPTION_ARG_STRING, &helped, NULL, NULL },
    { "months", 0, 0, G_OPTION_ARG_STRING, &months, NULL, NULL },
    { "income-paid", 0, 0, G_OPTION_ARG_STRING, &paid, NULL, NULL },
    { "sessions", 0, 0, G_OPTION_ARG_STRING, &sessions, NULL, NULL },
    { "attendees", 0, 0, G_OPTION_ARG_STRING, &attendees, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesBase) base = NULL;
  FzpRuralBasesYearFigures figures;
  FzpRuralBasesResult result = FZP_RURAL_BASES_RESULT_NONE;
  int year = 0;
  GDate day;

  if (!parse (entries, &argc, &argv, 1, 1))
    return fz_command_usage_error (&command_table, "assess", NULL, error);
  today (&day);
  base = fzp_rural_bases_lookup_base (context, argv[1], error);
  if (base == NULL ||
      !fzp_rural_bases_parse_year (year_text, _("Year"), &year, error) ||
      !fzp_rural_bases_result_parse (result_text, &result, error) ||
      (on && !parse_date_option (on, _("Assessed on"), TRUE, &day, error)) ||
      !fzp_rural_bases_compute_year (context, base->id, year, &figures, error))
    return rejected (error);
  /* What the assessor counted wins over what the records say. */
  if ((employed && !fzp_rural_bases_parse_count (employed, _("Persons employed"), 100000, &figures.employed, error)) ||
      (helped && !fzp_rural_bases_parse_count (helped, _("Persons helped"), 100000, &figures.helped, error)) ||
      (months && !fzp_rural_bases_parse_count (months, _("Months worked"), 1200000, &figures.employed_months, error)) ||
      (paid && !fzp_rural_bases_parse_money (paid, _("Income paid"), &figures.income_paid, error)) ||
      (sessions && !fzp_rural_bases_parse_count (sessions, _("Training sessions"), 10000,
                                                 &figures.training_sessions, error)) ||
      (attendees && !fzp_rural_bases_parse_count (attendees, _("Training attendees"), 100000,
                                                  &figures.training_attendees, error)))
    return rejected (error);
  if (!fzp_rural_bases_assess (context, base->id, year, &figures, result, note, &day, error))
    return rejected (error);
  g_print (_("%1$s: %2$d assessed as %3$s\n"), base->name, year, fzp_rural_bases_result_to_string (result));
  return FZ_EXIT_OK;
}

static int
command_assessments (FzContext  *context,
                     int         argc,
                     char      **argv,
                     GError    **error)
{
  g_autofree char *year_text = NULL, *county = NULL, *base_text = NULL, *code = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { "base", 0, 0, G_OPTION_ARG_STRING, &base_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesBase) base = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int year = 0;

  if (!parse (entries, &argc, &argv, 0, 0))
    return fz_command_usage_error (&command_table, "assessments", NULL, error);
  if ((year_text && !fzp_rural_bases_parse_year (year_text, _("Year"), &year, error)) ||
      (base_text && (base = fzp_rural_bases_lookup_base (context, base_text, error)) == NULL))
    return rejected (error);
  code = county_option (context, county, error);
  if (county && code == NULL)
    return rejected (error);
  list = fzp_rural_bases_list_assessments (context, base ? base->id : 0, year, code, error);
  if (list == NULL)
    return rejected (error);
  for (guint i = 0; i < list->len; i++)
    {
      FzpRuralBasesAssessment *a = g_ptr_array_index (list, i);
      g_autofree char *paid = fzp_rural_bases_format_money (a->figures.income_paid);
      char day[11];

      g_print ("%d\t%s\t%s\t%s\t%u\t%u\t%u\t%s\t%u\t%u\t%s\t%s\n", a->year, a->county_name, a->base_name,
               a->level ? fzp_rural_bases_level_to_nick (a->level) : "-", a->figures.employed, a->figures.helped,
               a->figures.employed_months, paid, a->figures.training_sessions, a->figures.training_attendees,
               fzp_rural_bases_result_to_nick (a->result), iso (&a->assessed_on, day));
    }
  return FZ_EXIT_OK;
}

static int
command_homestays (FzContext  *context,
                   int         argc,
                   char      **argv,
                   GError    **error)
{
  g_autofree char *on = NULL, *county = NULL, *code = NULL;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, NULL, NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) list = NULL;
  GDate day;

  if (!parse (entries, &argc, &argv, 0, 0))
    return fz_command_usage_error (&command_table, "homestays", NULL, error);
  today (&day);
  if (on && !parse_date_option (on, _("Date"), TRUE, &day, error))
    return rejected (error);
  code = county_option (context, county, error);
  if (county && code == NULL)
    return rejected (error);
  list = fzp_rural_bases_list_homestays (context, &day, code, !all, error);
  if (list == NULL)
    return rejected (error);
  for (guint i = 0; i < list->len; i++)
    {
      FzpRuralBasesHomestay *h = g_ptr_array_index (list, i);
      g_autofree char *reason = fzp_rural_bases_priority_to_print (h->priority);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%u\t%u\t%s\n", h->base->id, h->base->name, h->base->county_name,
               h->employed, h->cooperating, *reason ? reason : "-");
    }
  return FZ_EXIT_OK;
}

/* Rules kept as data */

static int
command_criteria (FzContext  *context,
                  int         argc,
                  char      **argv,
                  GError    **error)
{
  g_autofree char *from = NULL, *employed = NULL, *helped = NULL, *ratio = NULL, *training = NULL, *months = NULL;
  g_autofree char *requires = NULL;
  gboolean either = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "employed", 0, 0, G_OPTION_ARG_STRING, &employed, NULL, NULL },
    { "helped", 0, 0, G_OPTION_ARG_STRING, &helped, NULL, NULL },
    { "either", 0, 0, G_OPTION_ARG_NONE, &either, NULL, NULL },
    { "income-ratio", 0, 0, G_OPTION_ARG_STRING, &ratio, NULL, NULL },
    { "training", 0, 0, G_OPTION_ARG_STRING, &training, NULL, NULL },
    { "months", 0, 0, G_OPTION_ARG_STRING, &months, NULL, NULL },
    { "requires", 0, 0, G_OPTION_ARG_STRING, &requires, NULL, NULL },
    { NULL }
  };
  FzpRuralBasesCriterion c = { 0 };

  if (!parse (entries, &argc, &argv, 0, 2))
    return fz_command_usage_error (&command_table, "criteria", NULL, error);
  if (argc == 1 || g_str_equal (argv[1], "list"))
    {
      g_autoptr(GPtrArray) list = NULL;

      if (argc > 2)
        return fz_command_usage_error (&command_table, "criteria", NULL, error);
      list = fzp_rural_bases_list_criteria (context, error);
      if (list == NULL)
        return rejected (error);
      /* LEVEL FROM EMPLOYED HELPED all|either RATIO TRAINING MONTHS REQUIRES */
      for (guint i = 0; i < list->len; i++)
        {
          FzpRuralBasesCriterion *x = g_ptr_array_index (list, i);
          char day[11];

          g_print ("%s\t%s\t%u\t%u\t%s\t%.2f\t%u\t%u\t%s\n", fzp_rural_bases_level_to_nick (x->level),
                   iso (&x->effective_from, day), x->min_employed, x->min_helped, x->either ? "either" : "both",
                   x->min_income_ratio, x->min_training_sessions, x->min_operating_months,
                   x->required_level ? fzp_rural_bases_level_to_nick (x->required_level) : "-");
        }
      return FZ_EXIT_OK;
    }
  if (!g_str_equal (argv[1], "set") || argc != 3)
    return fz_command_usage_error (&command_table, "criteria", NULL, error);
  g_date_clear (&c.effective_from, 1);
  c.either = either;
  if (!fzp_rural_bases_level_parse (argv[2], &c.level, error) ||
      !parse_date_option (from, _("Effective from"), TRUE, &c.effective_from, error) ||
      !fzp_rural_bases_parse_count (employed, _("Persons employed"), 100000, &c.min_employed, error) ||
      !fzp_rural_bases_parse_count (helped, _("Persons helped"), 100000, &c.min_helped, error) ||
      !fzp_rural_bases_parse_money (ratio, _("Income ratio"), &c.min_income_ratio, error) ||
      !fzp_rural_bases_parse_count (training, _("Training sessions"), 1000, &c.min_training_sessions, error) ||
      !fzp_rural_bases_parse_count (months, _("Months in operation"), 1200, &c.min_operating_months, error) ||
      (requires && !fzp_rural_bases_level_parse (requires, &c.required_level, error)) ||
      !fzp_rural_bases_set_criterion (context, &c, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static int
command_homestay_rule (FzContext  *context,
                       int         argc,
                       char      **argv,
                       GError    **error)
{
  g_autofree char *from = NULL, *employed = NULL, *cooperating = NULL, *kinds = NULL, *local = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "employed", 0, 0, G_OPTION_ARG_STRING, &employed, NULL, NULL },
    { "cooperating", 0, 0, G_OPTION_ARG_STRING, &cooperating, NULL, NULL },
    { "kinds", 0, 0, G_OPTION_ARG_STRING, &kinds, NULL, NULL },
    { "local", 0, 0, G_OPTION_ARG_STRING, &local, NULL, NULL },
    { NULL }
  };
  FzpRuralBasesHomestayRule rule = { 0 };

  if (!parse (entries, &argc, &argv, 0, 1))
    return fz_command_usage_error (&command_table, "homestay-rule", NULL, error);
  if (argc == 1 || g_str_equal (argv[1], "list"))
    {
      g_autoptr(GPtrArray) list = fzp_rural_bases_list_homestay_rules (context, error);

      if (list == NULL)
        return rejected (error);
      /* FROM EMPLOYED COOPERATING KINDS local|anywhere */
      for (guint i = 0; i < list->len; i++)
        {
          FzpRuralBasesHomestayRule *r = g_ptr_array_index (list, i);
          g_autofree char *k = fzp_rural_bases_help_set_to_nicks (r->cooperation_kinds);
          char day[11];

          g_print ("%s\t%u\t%u\t%s\t%s\n", iso (&r->effective_from, day), r->min_employed, r->min_cooperating, k,
                   r->local_only ? "local" : "anywhere");
        }
      return FZ_EXIT_OK;
    }
  if (!g_str_equal (argv[1], "set"))
    return fz_command_usage_error (&command_table, "homestay-rule", NULL, error);
  g_date_clear (&rule.effective_from, 1);
  if (!parse_date_option (from, _("Effective from"), TRUE, &rule.effective_from, error) ||
      !fzp_rural_bases_parse_count (employed, _("Persons employed"), 1000, &rule.min_employed, error) ||
      !fzp_rural_bases_parse_count (cooperating, _("Persons cooperating"), 1000, &rule.min_cooperating, error) ||
      (kinds && !fzp_rural_bases_help_parse_set (kinds, &rule.cooperation_kinds, error)) ||
      !fzp_rural_bases_parse_yes_no (local, _("Local persons only"), TRUE, &rule.local_only, error) ||
      !fzp_rural_bases_set_homestay_rule (context, &rule, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

static int
command_issuer (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  GOptionEntry entries[] = { { NULL } };
  FzpRuralBasesLevel level;
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;

  if (!parse (entries, &argc, &argv, 0, 2) || argc == 2)
    return fz_command_usage_error (&command_table, "issuer", NULL, error);
  if (argc == 1)
    {
      for (level = FZP_RURAL_BASES_LEVEL_COUNTY; level <= FZP_RURAL_BASES_LEVEL_LAST; level++)
        {
          g_autofree char *issuer = fzp_rural_bases_dup_issuer (context, level, "{county}");
          g_print ("%s\t%s\n", fzp_rural_bases_level_to_nick (level), issuer);
        }
      return FZ_EXIT_OK;
    }
  if (!fzp_rural_bases_level_parse (argv[1], &level, error) ||
      !fzp_rural_bases_check_text (argv[2], _("Issuer"), 60, TRUE, &text, error))
    return rejected (error);
  key = g_strdup_printf ("issuer-%s", fzp_rural_bases_level_to_nick (level));
  if (!fz_context_set_value (context, FZP_RURAL_BASES_ID, key, text, error))
    return rejected (error);
  return FZ_EXIT_OK;
}

/* Exchange and figures */

static int
command_import (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpRuralBasesImportReport) report = NULL;
  FzpRuralBasesSheet sheet;
  gboolean ok;

  if (!parse (entries, &argc, &argv, 2, 2) || !fzp_rural_bases_sheet_parse (argv[1], &sheet))
    return fz_command_usage_error (&command_table, "import", NULL, error);
  ok = fzp_rural_bases_import (context, sheet, argv[2], dry_run, &report, error);
  if (report)
    for (guint i = 0; i < report->problems->len; i++)
      g_printerr ("%s\n", (const char *) g_ptr_array_index (report->problems, i));
  if (!ok)
    return rejected (error);
  g_print (dry_run ? _("%1$s (%2$s): would add %3$u, update %4$u, leave %5$u unchanged; nothing was written\n")
                   : _("%1$s (%2$s): %3$u added, %4$u updated, %5$u unchanged\n"),
           argv[2], report->encoding, report->added, report->updated, report->unchanged);
  return FZ_EXIT_OK;
}

static int
command_export (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  g_autofree char *county = NULL, *code = NULL;
  GOptionEntry entries[] = {
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { NULL }
  };
  FzpRuralBasesSheet sheet;
  guint n = 0;

  if (!parse (entries, &argc, &argv, 2, 2) || !fzp_rural_bases_sheet_parse (argv[1], &sheet))
    return fz_command_usage_error (&command_table, "export", NULL, error);
  code = county_option (context, county, error);
  if (county && code == NULL)
    return rejected (error);
  if (!fzp_rural_bases_export (context, sheet, argv[2], code, &n, error))
    return rejected (error);
  g_print (_("Wrote %1$u rows to %2$s\n"), n, argv[2]);
  return FZ_EXIT_OK;
}

static int
command_figures (FzContext  *context,
                 int         argc,
                 char      **argv,
                 GError    **error)
{
  g_autofree char *year_text = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzIndicatorValues) values = fz_indicator_values_new ();
  g_autoptr(GPtrArray) counties = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  if (!parse (entries, &argc, &argv, 0, 0))
    return fz_command_usage_error (&command_table, "figures", NULL, error);
  if ((year_text && !fzp_rural_bases_parse_year (year_text, _("Year"), &year, error)) ||
      !fzp_rural_bases_compute_indicators (context, year, values, error))
    return rejected (error);
  counties = fz_county_list (fz_context_get_database (context), error);
  if (counties == NULL)
    return rejected (error);
  /* INDICATOR COUNTY VALUE, the counties then the city. */
  {
    static const struct { const char *id; gboolean own; } ids[] = {
      { "bases", FALSE }, { "bases-county", FALSE }, { "bases-city", FALSE }, { "bases-province", FALSE },
      { "bases-high-standard", FALSE }, { "bases-unrecognised", FALSE }, { "employed", FALSE },
      { "helped", FALSE }, { "trained", FALSE }, { "average-income", TRUE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        FzIndicatorInfo indicator = { ids[i].id, NULL, NULL, NULL, ids[i].own ? FZ_INDICATOR_OWN : FZ_INDICATOR_SUM };

        for (guint c = 0; c < counties->len; c++)
          {
            FzCounty *county = g_ptr_array_index (counties, c);
            g_print ("%s\t%s\t%g\n", ids[i].id, county->name, fz_indicator_values_get (values, &indicator, county->code));
          }
        g_print ("%s\t%s\t%g\n", ids[i].id, "衢州市", fz_indicator_values_get (values, &indicator, FZ_CITY_CODE));
      }
  }
  return FZ_EXIT_OK;
}

typedef int (*CommandFunc) (FzContext *context, int argc, char **argv, GError **error);

static int
command_leave (FzContext  *context,
               int         argc,
               char      **argv,
               GError    **error)
{
  return end_running (context, "leave", argc, argv, TRUE, error);
}

static int
command_end_help (FzContext  *context,
                  int         argc,
                  char      **argv,
                  GError    **error)
{
  return end_running (context, "end-help", argc, argv, FALSE, error);
}

int
fzp_rural_bases_run_command (FzContext  *context,
                             int         argc,
                             char      **argv,
                             GError    **error)
{
  static const struct { const char *name; CommandFunc func; } table[] = {
    { "add", command_add }, { "edit", command_edit }, { "list", command_list }, { "show", command_show },
    { "check", command_check }, { "recognize", command_recognize }, { "withdraw", command_withdraw },
    { "employ", command_employ }, { "leave", command_leave }, { "assist", command_assist },
    { "end-help", command_end_help }, { "people", command_people }, { "train", command_train },
    { "attend", command_attend }, { "trainings", command_trainings }, { "assess", command_assess },
    { "assessments", command_assessments }, { "homestays", command_homestays },
    { "criteria", command_criteria }, { "homestay-rule", command_homestay_rule }, { "issuer", command_issuer },
    { "import", command_import }, { "export", command_export }, { "figures", command_figures },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_equal (argv[0], table[i].name))
      return table[i].func (context, argc, argv, error);
  g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("“%s” is not a command of rural-bases"), argv[0]);
  return FZ_EXIT_USAGE;
}
