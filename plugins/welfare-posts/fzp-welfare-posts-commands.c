/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-welfare-posts"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "fzp-welfare-posts-commands.h"
#include "fzp-welfare-posts-store.h"

const FzCommandInfo fzp_welfare_posts_commands[] = {
  { "posts", "[--county C] [--open]",
    N_("List the posts: code, kind, name, organization, county, places, persons in it today, created, closed") },
  { "add-post", "--name NAME --kind KIND --organization ORG [--credit-code CODE] --county C [--township T] "
                "--places N [--pay YUAN] [--funding TEXT] --created DATE [--closed DATE] [--code CODE]",
    N_("Add a post to the catalogue, or change the post with that code") },
  { "close-post", "POST --on DATE", N_("Close a post on a day; its placements must have ended by then") },
  { "import-posts", "FILE", N_("Import posts from a CSV or XLSX sheet; a code already known updates that post") },
  { "export-posts", "FILE", N_("Export the post catalogue as CSV or XLSX") },
  { "check", "PERSON [--on DATE]",
    N_("Check a person against the conditions of hard-to-employ recognition, from the registry") },
  { "recognize", "PERSON --on DATE --basis TEXT --decided-by WHO --able-to-work --willing-to-work --not-supported",
    N_("Record a hard-to-employ recognition; every condition is checked first") },
  { "end-recognition", "ID --on DATE [--reason TEXT]", N_("End a recognition; the day given is its last") },
  { "recognitions", "[--current]", N_("List the recognitions: number, identity number, name, from, to, basis, decided by") },
  { "place", "PERSON POST --from DATE [--to DATE] [--graduated YEAR [--school NAME]]",
    N_("Place a person in a post, on a recognition or as a graduate of the year placed as a last resort") },
  { "end-placement", "ID --on DATE [--reason TEXT]", N_("End a placement; the day given is the last in the post") },
  { "placements", "[--year Y] [--current]",
    N_("List the placements: number, identity number, name, post, from, to, basis") },
  { "import-placements", "FILE", N_("Import placements from a CSV or XLSX sheet, checked as the page checks them") },
  { "export-placements", "FILE [--year Y]", N_("Export the placements as CSV or XLSX") },
  { "income", "PERSON --month YYYY-MM --income YUAN [--since DATE] [--supported] [--no-taper]",
    N_("How much of a low-income household member's job income counts in a month, and why") },
  { "rules", "[--on DATE]", N_("Show the rules in force: key, value, in force from, meaning") },
  { "set-rule", "KEY=VALUE… --from DATE", N_("Change rules from a day on; earlier days keep the earlier rules") },
};
const guint fzp_welfare_posts_n_commands = G_N_ELEMENTS (fzp_welfare_posts_commands);

static const FzCommandTable command_table = {
  "welfare-posts", GETTEXT_PACKAGE, fzp_welfare_posts_commands, G_N_ELEMENTS (fzp_welfare_posts_commands)
};

/* What a refused value says: the message as it is, FZ_EXIT_REJECTED. */
static int
rejected (GError **error)
{
  if (error && *error && (*error)->domain != FZ_COMMAND_ERROR)
    {
      GError *inner = *error;

      *error = g_error_new_literal (FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED, inner->message);
      g_error_free (inner);
    }
  return FZ_EXIT_REJECTED;
}

static char *
number (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static int
print_rows (FzStatement  *st,
            GError      **error)
{
  GError *local = NULL;
  int n = fz_statement_column_count (st);

  while (fz_statement_step (st, &local))
    {
      for (int c = 0; c < n; c++)
        g_print ("%s%s", c ? "\t" : "", fz_statement_get_text (st, c) ? fz_statement_get_text (st, c) : "");
      g_print ("\n");
    }
  if (local)
    {
      g_propagate_error (error, local);
      return rejected (error);
    }
  return FZ_EXIT_OK;
}

static void
today_text (char out[11])
{
  GDate today;

  fzp_welfare_posts_today (&today);
  fzp_welfare_posts_format_date (&today, out);
}

/* Posts */

static int
cmd_posts (FzContext  *context,
           int         argc,
           char      **argv,
           GError    **error)
{
  g_autofree char *county = NULL;
  g_autofree char *code = NULL;
  gboolean open_only = FALSE;
  GOptionEntry entries[] = {
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzStatement) st = NULL;
  char today[11];

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, NULL))
    return fz_command_usage_error (&command_table, "posts", NULL, error);
  if (county && !fz_registry_parse_county (fz_context_get_registry (context), county, &code, error))
    return rejected (error);
  today_text (today);
  st = fz_database_query (fz_context_get_database (context),
                          "SELECT p.code, p.kind, p.name, o.name, c.name, p.places, "
                          "(SELECT count(*) FROM welfare_posts_placement pl WHERE pl.post_id = p.id "
                          " AND pl.start_date <= ?3 AND (pl.end_date IS NULL OR pl.end_date >= ?3)), "
                          "p.created, p.closed FROM welfare_posts_post p "
                          "JOIN fz_organization o ON o.id = p.organization_id "
                          "JOIN fz_county c ON c.code = p.county_code "
                          "WHERE (?1 IS NULL OR p.county_code = ?1) "
                          "AND (?2 = 0 OR p.closed IS NULL OR p.closed >= ?3) "
                          "ORDER BY c.sort, p.code",
                          g_variant_new ("(@msbs)", g_variant_new_maybe (G_VARIANT_TYPE_STRING,
                                                                        code ? g_variant_new_string (code) : NULL),
                                         open_only, today),
                          error);
  if (st == NULL)
    return rejected (error);
  return print_rows (st, error);
}

static int
cmd_add_post (FzContext  *context,
              int         argc,
              char      **argv,
              GError    **error)
{
  g_autofree char *code = NULL, *name = NULL, *kind = NULL, *organization = NULL, *credit_code = NULL;
  g_autofree char *county = NULL, *township = NULL, *places = NULL, *pay = NULL, *funding = NULL;
  g_autofree char *created = NULL, *closed = NULL;
  GOptionEntry entries[] = {
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, NULL, NULL },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, NULL, NULL },
    { "organization", 0, 0, G_OPTION_ARG_STRING, &organization, NULL, NULL },
    { "credit-code", 0, 0, G_OPTION_ARG_STRING, &credit_code, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, NULL, NULL },
    { "places", 0, 0, G_OPTION_ARG_STRING, &places, NULL, NULL },
    { "pay", 0, 0, G_OPTION_ARG_STRING, &pay, NULL, NULL },
    { "funding", 0, 0, G_OPTION_ARG_STRING, &funding, NULL, NULL },
    { "created", 0, 0, G_OPTION_ARG_STRING, &created, NULL, NULL },
    { "closed", 0, 0, G_OPTION_ARG_STRING, &closed, NULL, NULL },
    { NULL }
  };
  FzpWelfarePostsPostFields f;
  g_autofree char *id_text = NULL;
  gint64 id = 0;
  gboolean added = FALSE;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, NULL))
    return fz_command_usage_error (&command_table, "add-post", NULL, error);
  f = (FzpWelfarePostsPostFields) { code, name, kind, organization, credit_code, county, township, places, pay,
                                    funding, created, closed };
  if (!fzp_welfare_posts_save_post (context, &f, &id, &added, error))
    return rejected (error);
  {
    g_autoptr(FzStatement) st = fz_database_query (fz_context_get_database (context),
                                                   "SELECT code FROM welfare_posts_post WHERE id = ?1",
                                                   g_variant_new ("(x)", id), NULL);
    id_text = st && fz_statement_step (st, NULL) ? fz_statement_dup_text (st, 0) : number (id);
  }
  g_print (added ? _("Added post %s\n") : _("Saved post %s\n"), id_text);
  return FZ_EXIT_OK;
}

static int
cmd_close_post (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  g_autofree char *on = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { NULL }
  };

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, NULL) || on == NULL)
    return fz_command_usage_error (&command_table, "close-post", NULL, error);
  if (!fzp_welfare_posts_close_post (context, argv[1], on, error))
    return rejected (error);
  g_print (_("Closed post %s\n"), argv[1]);
  return FZ_EXIT_OK;
}

static int
finish_import (gboolean               ok,
               FzpWelfarePostsImport *report,
               GError               **error)
{
  if (report)
    for (guint i = 0; i < report->problems->len; i++)
      g_printerr ("%s\n", (char *) g_ptr_array_index (report->problems, i));
  if (!ok)
    return rejected (error);
  g_print (_("%u added, %u updated, %u unchanged"), report->added, report->updated, report->unchanged);
  g_print ("\n");
  return FZ_EXIT_OK;
}

static int
cmd_import (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  g_autoptr(FzpWelfarePostsImport) report = NULL;
  gboolean posts = g_str_equal (argv[0], "import-posts");
  GOptionEntry entries[] = { { NULL } };
  gboolean ok;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, NULL))
    return fz_command_usage_error (&command_table, posts ? "import-posts" : "import-placements", NULL, error);
  ok = posts ? fzp_welfare_posts_import_posts (context, argv[1], &report, error)
             : fzp_welfare_posts_import_placements (context, argv[1], &report, error);
  return finish_import (ok, report, error);
}

static int
cmd_export (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  gboolean posts = g_str_equal (argv[0], "export-posts");
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { NULL }
  };
  guint n = 0;
  FzTableFormat format;

  if (!fz_command_parse (&command_table, &argc, &argv, posts ? entries + 1 : entries, 1, 1, NULL) ||
      (year != 0 && (year < 1900 || year > 2200)))
    return fz_command_usage_error (&command_table, posts ? "export-posts" : "export-placements", NULL, error);
  if (!fz_table_format_from_path (argv[1], &format, error))
    return rejected (error);
  if (!(posts ? fzp_welfare_posts_export_posts (context, argv[1], &n, error)
              : fzp_welfare_posts_export_placements (context, argv[1], year, &n, error)))
    return rejected (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u row to %s\n", "Wrote %u rows to %s\n", n), n, argv[1]);
  return FZ_EXIT_OK;
}

/* Recognition */

static int
cmd_check (FzContext  *context,
           int         argc,
           char      **argv,
           GError    **error)
{
  g_autofree char *on = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzPerson) person = NULL;
  FzpWelfarePostsFacts facts = { 0 };
  GDate day;
  gboolean all = TRUE;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, NULL))
    return fz_command_usage_error (&command_table, "check", NULL, error);
  person = fzp_welfare_posts_find_person (context, argv[1], error);
  if (person == NULL)
    return rejected (error);
  if (on == NULL)
    fzp_welfare_posts_today (&day);
  else if (!fz_parse_date (on, _("Date of recognition"), &day, error))
    return rejected (error);
  if (!fzp_welfare_posts_registry_facts (context, person, &day, &facts, error))
    return rejected (error);

  /* Only the registry's conditions can be checked here; the others are
   * facts staff confirm when they record the recognition. */
  for (int c = FZP_WELFARE_POSTS_CONDITION_CERTIFICATE; c <= FZP_WELFARE_POSTS_CONDITION_UNEMPLOYED; c++)
    {
      g_autofree char *why = NULL;
      gboolean holds = fzp_welfare_posts_condition_holds (&facts, c, &why);

      all = all && holds;
      g_print ("%s\t%s\t%s\n", holds ? _("yes") : _("no"), fzp_welfare_posts_condition_to_string (c), why);
    }
  for (int c = FZP_WELFARE_POSTS_CONDITION_ABLE; c < FZP_WELFARE_POSTS_N_CONDITIONS; c++)
    g_print ("%s\t%s\t%s\n", _("ask"), fzp_welfare_posts_condition_to_string (c),
             _("staff confirm it when recording the recognition"));
  if (!all)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                   _("%s does not meet the conditions the registry can tell"), fz_person_get_name (person));
      return FZ_EXIT_REJECTED;
    }
  return FZ_EXIT_OK;
}

static int
cmd_recognize (FzContext  *context,
               int         argc,
               char      **argv,
               GError    **error)
{
  g_autofree char *on = NULL, *basis = NULL, *decided_by = NULL;
  gboolean able = FALSE, willing = FALSE, not_supported = FALSE;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "basis", 0, 0, G_OPTION_ARG_STRING, &basis, NULL, NULL },
    { "decided-by", 0, 0, G_OPTION_ARG_STRING, &decided_by, NULL, NULL },
    { "able-to-work", 0, 0, G_OPTION_ARG_NONE, &able, NULL, NULL },
    { "willing-to-work", 0, 0, G_OPTION_ARG_NONE, &willing, NULL, NULL },
    { "not-supported", 0, 0, G_OPTION_ARG_NONE, &not_supported, NULL, NULL },
    { NULL }
  };
  FzpWelfarePostsRecognitionFields f;
  g_autofree char *id_text = NULL;
  gint64 id;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, NULL))
    return fz_command_usage_error (&command_table, "recognize", NULL, error);
  f = (FzpWelfarePostsRecognitionFields) { argv[1], on, basis, decided_by, able, willing, not_supported };
  id = fzp_welfare_posts_recognize (context, &f, error);
  if (id == 0)
    return rejected (error);
  id_text = number (id);
  g_print (_("Recorded recognition %s\n"), id_text);
  return FZ_EXIT_OK;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 v = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, NULL))
    return FALSE;
  *id = (gint64) v;
  return TRUE;
}

static int
cmd_end (FzContext  *context,
         int         argc,
         char      **argv,
         GError    **error)
{
  gboolean placement = g_str_equal (argv[0], "end-placement");
  g_autofree char *on = NULL, *reason = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { NULL }
  };
  gint64 id = 0;
  gboolean ok;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, NULL) || on == NULL || !parse_id (argv[1], &id))
    return fz_command_usage_error (&command_table, placement ? "end-placement" : "end-recognition", NULL, error);
  ok = placement ? fzp_welfare_posts_end_placement (context, id, on, reason, error)
                 : fzp_welfare_posts_end_recognition (context, id, on, reason, error);
  if (!ok)
    return rejected (error);
  g_print (placement ? _("Ended placement %s\n") : _("Ended recognition %s\n"), argv[1]);
  return FZ_EXIT_OK;
}

static int
cmd_recognitions (FzContext  *context,
                  int         argc,
                  char      **argv,
                  GError    **error)
{
  gboolean current = FALSE;
  GOptionEntry entries[] = {
    { "current", 0, 0, G_OPTION_ARG_NONE, &current, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzStatement) st = NULL;
  char today[11];

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, NULL))
    return fz_command_usage_error (&command_table, "recognitions", NULL, error);
  today_text (today);
  st = fz_database_query (fz_context_get_database (context),
                          "SELECT r.id, p.id_number, p.name, r.recognized_on, r.ended_on, r.basis, r.decided_by "
                          "FROM welfare_posts_recognition r JOIN fz_person p ON p.id = r.person_id "
                          "WHERE ?1 = 0 OR (r.recognized_on <= ?2 AND (r.ended_on IS NULL OR r.ended_on >= ?2)) "
                          "ORDER BY r.recognized_on, r.id",
                          g_variant_new ("(bs)", current, today), error);
  if (st == NULL)
    return rejected (error);
  return print_rows (st, error);
}

/* Placements */

static int
cmd_place (FzContext  *context,
           int         argc,
           char      **argv,
           GError    **error)
{
  g_autofree char *from = NULL, *to = NULL, *graduated = NULL, *school = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, NULL, NULL },
    { "graduated", 0, 0, G_OPTION_ARG_STRING, &graduated, NULL, NULL },
    { "school", 0, 0, G_OPTION_ARG_STRING, &school, NULL, NULL },
    { NULL }
  };
  FzpWelfarePostsPlacementFields f;
  g_autofree char *id_text = NULL;
  gint64 id;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, 2, NULL) || from == NULL || (school && !graduated))
    return fz_command_usage_error (&command_table, "place", NULL, error);
  f = (FzpWelfarePostsPlacementFields) { argv[1], argv[2], from, to, graduated, school, NULL };
  id = fzp_welfare_posts_place (context, &f, error);
  if (id == 0)
    return rejected (error);
  id_text = number (id);
  g_print (_("Recorded placement %s\n"), id_text);
  return FZ_EXIT_OK;
}

static int
cmd_placements (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  gboolean current = FALSE;
  int year = 0;
  GOptionEntry entries[] = {
    { "current", 0, 0, G_OPTION_ARG_NONE, &current, NULL, NULL },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzStatement) st = NULL;
  g_autofree char *first = NULL, *last = NULL;
  char today[11];

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, NULL) ||
      (year != 0 && (year < 1900 || year > 2200)) || (year && current))
    return fz_command_usage_error (&command_table, "placements", NULL, error);
  today_text (today);
  first = year ? g_strdup_printf ("%04d-01-01", year) : g_strdup (current ? today : "0000-01-01");
  last = year ? g_strdup_printf ("%04d-12-31", year) : g_strdup (current ? today : "9999-12-31");
  st = fz_database_query (fz_context_get_database (context),
                          "SELECT pl.id, pe.id_number, pe.name, p.code, pl.start_date, pl.end_date, "
                          "CASE pl.basis WHEN 'graduate' THEN 'graduate-' || pl.graduation_year "
                          "ELSE 'recognition-' || pl.recognition_id END "
                          "FROM welfare_posts_placement pl JOIN fz_person pe ON pe.id = pl.person_id "
                          "JOIN welfare_posts_post p ON p.id = pl.post_id "
                          "WHERE pl.start_date <= ?2 AND (pl.end_date IS NULL OR pl.end_date >= ?1) "
                          "ORDER BY pl.start_date, pl.id",
                          g_variant_new ("(ss)", first, last), error);
  if (st == NULL)
    return rejected (error);
  return print_rows (st, error);
}

/* The income rule */

static int
cmd_income (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  g_autofree char *month = NULL, *amount = NULL, *since = NULL;
  gboolean supported = FALSE, no_taper = FALSE;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, NULL, NULL },
    { "income", 0, 0, G_OPTION_ARG_STRING, &amount, NULL, NULL },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, NULL, NULL },
    { "supported", 0, 0, G_OPTION_ARG_NONE, &supported, NULL, NULL },
    { "no-taper", 0, 0, G_OPTION_ARG_NONE, &no_taper, NULL, NULL },
    { NULL }
  };
  FzpWelfarePostsIncomeFields f;
  FzpWelfarePostsIncome income;
  g_autofree char *notes = NULL;
  g_autofree char *why = NULL;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, NULL) || month == NULL || amount == NULL)
    return fz_command_usage_error (&command_table, "income", NULL, error);
  f = (FzpWelfarePostsIncomeFields) { argv[1], month, amount, since, supported, no_taper };
  if (!fzp_welfare_posts_compute_income_for (context, &f, &income, &notes, error))
    return rejected (error);
  why = fzp_welfare_posts_explain_income (&income);
  g_print (_("Counted: %.2f yuan\n"), income.counted);
  g_print (_("Left out: %.2f yuan\n"), income.left_out);
  g_print ("%s\n%s\n", notes, why);
  return FZ_EXIT_OK;
}

/* Rules */

static int
cmd_rules (FzContext  *context,
           int         argc,
           char      **argv,
           GError    **error)
{
  g_autofree char *on = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { NULL }
  };
  const char * const *keys = fzp_welfare_posts_rule_keys ();
  FzpWelfarePostsRules rules;
  GDate day;
  char d[11];

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, NULL))
    return fz_command_usage_error (&command_table, "rules", NULL, error);
  if (on == NULL)
    fzp_welfare_posts_today (&day);
  else if (!fz_parse_date (on, _("Day"), &day, error))
    return rejected (error);
  if (!fzp_welfare_posts_load_rules (context, &day, &rules, error))
    return rejected (error);
  fzp_welfare_posts_format_date (&day, d);
  for (guint i = 0; keys[i]; i++)
    {
      g_autoptr(FzStatement) st = fz_database_query (fz_context_get_database (context),
                                                     "SELECT max(effective_from) FROM welfare_posts_rule "
                                                     "WHERE key = ?1 AND effective_from <= ?2",
                                                     g_variant_new ("(ss)", keys[i], d), error);
      g_autofree char *value = fzp_welfare_posts_rules_format (&rules, keys[i]);

      if (st == NULL || !fz_statement_step (st, error))
        return rejected (error);
      g_print ("%s\t%s\t%s\t%s\n", keys[i], value, fz_statement_get_text (st, 0),
               fzp_welfare_posts_rule_describe (keys[i]));
    }
  return FZ_EXIT_OK;
}

static int
cmd_set_rule (FzContext  *context,
              int         argc,
              char      **argv,
              GError    **error)
{
  g_autofree char *from = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 16, NULL) || from == NULL)
    return fz_command_usage_error (&command_table, "set-rule", NULL, error);
  for (int i = 1; i < argc; i++)
    {
      const char *eq = strchr (argv[i], '=');

      if (eq == NULL || eq == argv[i])
        return fz_command_usage_error (&command_table, "set-rule", NULL, error);
      g_ptr_array_add (keys, g_strndup (argv[i], (gsize) (eq - argv[i])));
      g_ptr_array_add (values, g_strdup (eq + 1));
    }
  if (!fzp_welfare_posts_set_rules (context, from, (const char * const *) keys->pdata,
                                    (const char * const *) values->pdata, keys->len, error))
    return rejected (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Set %u rule\n", "Set %u rules\n", keys->len), keys->len);
  return FZ_EXIT_OK;
}

int
fzp_welfare_posts_run_command (FzContext  *context,
                               int         argc,
                               char      **argv,
                               GError    **error)
{
  const char *name = argv[0];

  if (g_str_equal (name, "posts"))
    return cmd_posts (context, argc, argv, error);
  if (g_str_equal (name, "add-post"))
    return cmd_add_post (context, argc, argv, error);
  if (g_str_equal (name, "close-post"))
    return cmd_close_post (context, argc, argv, error);
  if (g_str_equal (name, "import-posts") || g_str_equal (name, "import-placements"))
    return cmd_import (context, argc, argv, error);
  if (g_str_equal (name, "export-posts") || g_str_equal (name, "export-placements"))
    return cmd_export (context, argc, argv, error);
  if (g_str_equal (name, "check"))
    return cmd_check (context, argc, argv, error);
  if (g_str_equal (name, "recognize"))
    return cmd_recognize (context, argc, argv, error);
  if (g_str_equal (name, "end-recognition") || g_str_equal (name, "end-placement"))
    return cmd_end (context, argc, argv, error);
  if (g_str_equal (name, "recognitions"))
    return cmd_recognitions (context, argc, argv, error);
  if (g_str_equal (name, "place"))
    return cmd_place (context, argc, argv, error);
  if (g_str_equal (name, "placements"))
    return cmd_placements (context, argc, argv, error);
  if (g_str_equal (name, "income"))
    return cmd_income (context, argc, argv, error);
  if (g_str_equal (name, "rules"))
    return cmd_rules (context, argc, argv, error);
  if (g_str_equal (name, "set-rule"))
    return cmd_set_rule (context, argc, argv, error);
  g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("“%s” is not a command of welfare-posts"), name);
  return FZ_EXIT_USAGE;
}
