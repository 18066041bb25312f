/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-blind-massage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-blind-massage-commands.h"
#include "fzp-blind-massage-exchange.h"
#include "fzp-blind-massage-rules.h"
#include "fzp-blind-massage-store.h"

/* Every command that writes does it in one transaction through the store;
 * rejected input sets @error, whose message names the field, and returns
 * FZ_EXIT_REJECTED with nothing written. */

const FzCommandInfo fzp_blind_massage_commands[] = {
  { "add", "ID-NUMBER --kind medical|health [--county C] [--qualification NUMBER --qualified DATE] [--registered DATE] [--notes TEXT]",
    N_("Register a person of the registry as a blind massage practitioner") },
  { "list", "[--kind K] [--county C]", N_("List the practitioners: identity number, name, kind, county, qualification, title, workplace") },
  { "show", "ID-NUMBER [--kind K]", N_("Show everything about one practitioner") },
  { "qualify", "ID-NUMBER NUMBER --on DATE [--kind K]", N_("Record a practitioner’s qualification certificate") },
  { "leave", "ID-NUMBER --on DATE [--reason TEXT] [--kind K]", N_("Record that a practitioner stopped practising") },
  { "exam", "NAME --kind K --on DATE", N_("Record an exam session; prints its number") },
  { "result", "EXAM ID-NUMBER --written pass|fail|absent --practical pass|fail|absent [--paper braille|large-print|ordinary]",
    N_("Record a practitioner’s exam result") },
  { "file", "ID-NUMBER (--at WORKPLACE | --clinic CLINIC) --from DATE [--to DATE] [--number N] [--county C] [--change] [--kind K]",
    N_("File a practice registration (执业备案); --change ends the one in force first") },
  { "end-filing", "ID-NUMBER [--on DATE] [--reason TEXT] [--kind K]", N_("End the practice registration in force, DATE being its last day") },
  { "title", "ID-NUMBER TITLE --on DATE [--document TEXT]", N_("Award a professional title") },
  { "title-level", "LEVEL NAME [--no-review]", N_("Name a step of the title ladder and whether it needs a passed review") },
  { "course", "NAME --from DATE [--to DATE] --hours H [--organizer TEXT] [--kind K]",
    N_("Record a continuing education course; prints its number") },
  { "attend", "COURSE ID-NUMBER… [--hours H]", N_("Record who attended a course") },
  { "import-attendance", "COURSE FILE", N_("Import a course’s attendance sheet (身份证号, 学时)") },
  { "credits", "ID-NUMBER --year Y [--kind K]", N_("Class hours of continuing education in a year against the requirement") },
  { "review", "ID-NUMBER --year Y --result passed|failed|deferred [--on DATE] [--notes TEXT] [--kind K]",
    N_("Record a yearly certificate review (年审)") },
  { "due", "[--on DATE] [--county C] [--overdue]", N_("Reviews due and overdue on a date: year, state, due date, identity number, name, county, hours, short by") },
  { "clinic", "NAME --address TEXT --county C (--licensee NAME | --licensee-number ID-NUMBER) [--licence NUMBER] [--opened DATE] [--designated DATE]",
    N_("Record a blind medical massage clinic") },
  { "designate", "CLINIC (--from DATE | --until DATE)", N_("Designate a clinic for medical insurance, or end it") },
  { "clinics", "[--county C]", N_("List the clinics: number, name, county, licensee, designated from, practitioners") },
  { "post", "HOSPITAL --county C --from DATE [--department TEXT] [--practitioner ID-NUMBER]",
    N_("Record a blind medical massage post at a hospital") },
  { "end-post", "POST --on DATE", N_("Record that a hospital post was abolished") },
  { "posts", "[--county C]", N_("List the hospital posts") },
  { "rules", "", N_("List the review rules and the title ladder") },
  { "set-rule", "--kind K --from DATE [--cycle YEARS] [--due MM-DD] [--due-next-year] [--hours H] [--require-filing yes|no] [--requirements TEXT]",
    N_("Set the yearly review rule from a date (what is not given is kept from the rule before)") },
  { "delete-rule", "--kind K --from DATE", N_("Delete the review rule that starts on a date") },
  { "import", "FILE", N_("Import practitioners from a CSV or XLSX sheet") },
  { "export", "FILE [--kind K] [--county C] [--year Y]", N_("Export the practitioners to a CSV or XLSX sheet") },
};

const guint fzp_blind_massage_n_commands = G_N_ELEMENTS (fzp_blind_massage_commands);

static const FzCommandTable command_table = {
  "blind-massage", GETTEXT_PACKAGE, fzp_blind_massage_commands, G_N_ELEMENTS (fzp_blind_massage_commands)
};

/* Helpers */

static gboolean
parse_kind (const char           *text,
            gboolean              required,
            FzpBlindMassageKind  *kind,
            GError              **error)
{
  *kind = FZP_BLIND_MASSAGE_KIND_NONE;
  if (text == NULL)
    {
      if (required)
        g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                             _("Kind: say --kind medical or --kind health"));
      return !required;
    }
  return fzp_blind_massage_kind_parse (text, kind, error);
}

static FzpBlindMassagePractitioner *
find (FzContext   *context,
      const char  *number,
      const char  *kind_text,
      GError     **error)
{
  FzpBlindMassageKind kind;

  if (!parse_kind (kind_text, FALSE, &kind, error))
    return NULL;
  return fzp_blind_massage_find_practitioner (context, number, kind, error);
}

static gboolean
parse_county (FzContext   *context,
              const char  *text,
              char       **code,
              GError     **error)
{
  *code = NULL;
  if (text == NULL)
    return TRUE;
  *code = fzp_blind_massage_lookup_county (fz_context_get_database (context), text, error);
  return *code != NULL;
}

static void
today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_time_t (date, time (NULL));
}

static int
print_rows (FzStatement  *st,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  while (fz_statement_step (st, &local_error))
    {
      int n = fz_statement_column_count (st);

      for (int i = 0; i < n; i++)
        g_print ("%s%s", i ? "\t" : "", fz_statement_is_null (st, i) ? "" : fz_statement_get_text (st, i));
      g_print ("\n");
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FZ_EXIT_REJECTED;
    }
  return FZ_EXIT_OK;
}

static void
print_import (FzpBlindMassageImport *import)
{
  if (import == NULL)
    return;
  for (guint i = 0; i < import->warnings->len; i++)
    g_printerr (_("%s (a warning: imported)\n"), (const char *) g_ptr_array_index (import->warnings, i));
  for (guint i = 0; i < import->problems->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (import->problems, i));
}

/* Commands */

static int
cmd_add (FzContext  *context,
         int         argc,
         char      **argv,
         GError    **error)
{
  g_autofree char *kind_text = NULL, *county = NULL, *qualification = NULL, *qualified = NULL;
  g_autofree char *registered = NULL, *notes = NULL, *warning = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { "qualification", 0, 0, G_OPTION_ARG_STRING, &qualification, NULL, NULL },
    { "qualified", 0, 0, G_OPTION_ARG_STRING, &qualified, NULL, NULL },
    { "registered", 0, 0, G_OPTION_ARG_STRING, &registered, NULL, NULL },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, NULL, NULL },
    { NULL }
  };
  FzpBlindMassageNewPractitioner add = { 0 };
  GDate qualified_on, registered_on;
  gint64 id;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error) || kind_text == NULL)
    return fz_command_usage_error (&command_table, "add", NULL, error);
  if (!parse_kind (kind_text, TRUE, &add.kind, error)
      || !fzp_blind_massage_parse_date (qualified, _("Date of issue"), TRUE, &qualified_on, error)
      || !fzp_blind_massage_parse_date (registered, _("Registered"), TRUE, &registered_on, error))
    return FZ_EXIT_REJECTED;
  add.number = argv[1];
  add.county = county;
  add.qualification_number = qualification;
  add.qualified_on = &qualified_on;
  add.registered_on = &registered_on;
  add.notes = notes;
  id = fzp_blind_massage_add_practitioner (context, &add, &warning, error);
  if (id == 0)
    return FZ_EXIT_REJECTED;
  if (warning)
    g_printerr (_("Warning: %s\n"), warning);
  {
    g_autoptr(FzpBlindMassagePractitioner) p = fzp_blind_massage_get_practitioner (context, id, NULL);
    /* TRANSLATORS: %1$s a name, %2$s medical or health massage */
    g_print (_("Added %s, %s\n"), p ? p->name : argv[1], fzp_blind_massage_kind_to_string (add.kind));
  }
  return FZ_EXIT_OK;
}

static int
cmd_list (FzContext  *context,
          int         argc,
          char      **argv,
          GError    **error)
{
  g_autofree char *kind_text = NULL, *county_text = NULL, *county = NULL, *day = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzStatement) st = NULL;
  FzpBlindMassageKind kind;
  GDate now;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, error))
    return FZ_EXIT_USAGE;
  if (!parse_kind (kind_text, FALSE, &kind, error) || !parse_county (context, county_text, &county, error))
    return FZ_EXIT_REJECTED;
  today (&now);
  day = fzp_blind_massage_date_to_iso (&now);
  st = fz_database_query (fz_context_get_database (context),
                          "SELECT f.id_number, f.name, p.kind, c.name, p.qualification_number,"
                          " (SELECT l.name FROM blind_massage_title t JOIN blind_massage_title_level l ON l.level = t.level"
                          "   WHERE t.practitioner_id = p.id ORDER BY t.level DESC LIMIT 1),"
                          " (SELECT workplace FROM blind_massage_filing g WHERE g.practitioner_id = p.id"
                          "   AND g.valid_from <= ?3 AND (g.valid_to IS NULL OR g.valid_to >= ?3)"
                          "   AND (g.ended_on IS NULL OR g.ended_on >= ?3) ORDER BY g.valid_from DESC LIMIT 1)"
                          " FROM blind_massage_practitioner p JOIN fz_person f ON f.id = p.person_id"
                          " JOIN fz_county c ON c.code = p.county_code"
                          " WHERE (?1 IS NULL OR p.kind = ?1) AND (?2 IS NULL OR p.county_code = ?2)"
                          "  AND (p.left_on IS NULL OR p.left_on > ?3)"
                          " ORDER BY c.sort, p.kind DESC, f.id_number",
                          g_variant_new ("(msmss)", fzp_blind_massage_kind_to_nick (kind), county, day), error);
  if (st == NULL)
    return FZ_EXIT_REJECTED;
  return print_rows (st, error);
}

static int
cmd_show (FzContext  *context,
          int         argc,
          char      **argv,
          GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *kind_text = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  FzpBlindMassageReviewQuery query = { 0 };
  GDate now;
  double hours = 0;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  p = find (context, argv[1], kind_text, error);
  if (p == NULL)
    return FZ_EXIT_REJECTED;
  today (&now);

  g_print ("%s\t%s\t%s\t%s\n", p->name, p->id_number, fzp_blind_massage_kind_to_string (p->kind),
           p->county_name ? p->county_name : "");
  if (p->qualification_number)
    {
      g_autofree char *on = fzp_blind_massage_date_to_iso (&p->qualified_on);
      g_print (_("Qualification certificate: %s, issued %s\n"), p->qualification_number, on);
    }
  else
    g_print ("%s\n", _("Qualification certificate: none yet"));
  {
    g_autofree char *on = fzp_blind_massage_date_to_iso (&p->registered_on);
    g_print (_("Registered: %s\n"), on);
  }
  if (g_date_valid (&p->left_on))
    {
      g_autofree char *on = fzp_blind_massage_date_to_iso (&p->left_on);
      g_print (_("Left: %s %s\n"), on, p->left_reason ? p->left_reason : "");
    }

  st = fz_database_query (db,
                          "SELECT s.name, s.held_on, r.written, r.practical, coalesce(r.paper, '')"
                          " FROM blind_massage_exam_result r JOIN blind_massage_exam_session s ON s.id = r.session_id"
                          " WHERE r.practitioner_id = ?1 ORDER BY s.held_on",
                          g_variant_new ("(x)", p->id), error);
  if (st == NULL)
    return FZ_EXIT_REJECTED;
  while (fz_statement_step (st, &local_error))
    /* TRANSLATORS: exam, date, written result, practical result, paper */
    g_print (_("Exam: %s %s: written %s, practical %s %s\n"), fz_statement_get_text (st, 0),
             fz_statement_get_text (st, 1), fz_statement_get_text (st, 2), fz_statement_get_text (st, 3),
             fz_statement_get_text (st, 4));
  g_clear_pointer (&st, fz_statement_unref);

  st = fz_database_query (db,
                          "SELECT t.awarded_on, l.name, coalesce(t.document, '') FROM blind_massage_title t"
                          " JOIN blind_massage_title_level l ON l.level = t.level WHERE t.practitioner_id = ?1"
                          " ORDER BY t.awarded_on, t.level",
                          g_variant_new ("(x)", p->id), error);
  if (st == NULL)
    return FZ_EXIT_REJECTED;
  while (local_error == NULL && fz_statement_step (st, &local_error))
    g_print (_("Title: %s %s %s\n"), fz_statement_get_text (st, 0), fz_statement_get_text (st, 1),
             fz_statement_get_text (st, 2));
  g_clear_pointer (&st, fz_statement_unref);

  st = fz_database_query (db,
                          "SELECT valid_from, valid_to, ended_on, workplace, coalesce(filing_number, ''),"
                          " coalesce(end_reason, '') FROM blind_massage_filing WHERE practitioner_id = ?1"
                          " ORDER BY valid_from, id",
                          g_variant_new ("(x)", p->id), error);
  if (st == NULL)
    return FZ_EXIT_REJECTED;
  while (local_error == NULL && fz_statement_step (st, &local_error))
    {
      GDate from, to, ended;

      fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 0), &from);
      fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 1), &to);
      fzp_blind_massage_date_from_iso (fz_statement_get_text (st, 2), &ended);
      /* TRANSLATORS: from, to, workplace, filing number, state, reason it ended */
      g_print (_("Filing: %s – %s %s %s: %s %s\n"), fz_statement_get_text (st, 0),
               g_date_valid (&ended) ? fz_statement_get_text (st, 2)
               : g_date_valid (&to) ? fz_statement_get_text (st, 1) : _("no end date"),
               fz_statement_get_text (st, 3), fz_statement_get_text (st, 4),
               fzp_blind_massage_filing_state_to_string (fzp_blind_massage_filing_state (&from, &to, &ended, &now)),
               fz_statement_get_text (st, 5));
    }
  g_clear_pointer (&st, fz_statement_unref);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FZ_EXIT_REJECTED;
    }

  if (!fzp_blind_massage_get_credits (db, p->id, (int) g_date_get_year (&now), &hours, error))
    return FZ_EXIT_REJECTED;
  {
    g_autofree char *h = fzp_blind_massage_format_hours (hours);
    g_print (_("Continuing education in %d: %s class hours\n"), (int) g_date_get_year (&now), h);
  }

  query.practitioner_id = p->id;
  query.on = &now;
  query.flags = FZP_BLIND_MASSAGE_LIST_DUE | FZP_BLIND_MASSAGE_LIST_OVERDUE | FZP_BLIND_MASSAGE_LIST_DONE;
  reviews = fzp_blind_massage_list_reviews (context, &query, error);
  if (reviews == NULL)
    return FZ_EXIT_REJECTED;
  for (guint i = 0; i < reviews->len; i++)
    {
      FzpBlindMassageReviewItem *item = g_ptr_array_index (reviews, i);
      g_autofree char *due = fzp_blind_massage_date_to_iso (&item->due);
      g_autofree char *done = fzp_blind_massage_date_to_iso (&item->done_on);
      g_autofree char *have = fzp_blind_massage_format_hours (item->earned);
      g_autofree char *need = fzp_blind_massage_format_hours (item->required);

      /* TRANSLATORS: year, state, due date, result, date done, hours, hours needed */
      g_print (_("Review %d: %s (due %s) %s %s; %s of %s class hours\n"), item->year,
               fzp_blind_massage_review_state_to_string (item->state), due,
               fzp_blind_massage_result_to_string (item->result), done, have, need);
    }
  return FZ_EXIT_OK;
}

static int
cmd_qualify (FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  g_autofree char *on = NULL, *kind_text = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  GDate date;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, 2, error))
    return FZ_EXIT_USAGE;
  if (!fzp_blind_massage_parse_date (on, _("Date of issue"), FALSE, &date, error))
    return FZ_EXIT_REJECTED;
  p = find (context, argv[1], kind_text, error);
  if (p == NULL || !fzp_blind_massage_set_qualification (context, p->id, argv[2], &date, error))
    return FZ_EXIT_REJECTED;
  return FZ_EXIT_OK;
}

static int
cmd_leave (FzContext  *context,
           int         argc,
           char      **argv,
           GError    **error)
{
  g_autofree char *on = NULL, *reason = NULL, *kind_text = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  GDate date;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  if (!fzp_blind_massage_parse_date (on, _("Left on"), FALSE, &date, error))
    return FZ_EXIT_REJECTED;
  p = find (context, argv[1], kind_text, error);
  if (p == NULL || !fzp_blind_massage_set_left (context, p->id, &date, reason, error))
    return FZ_EXIT_REJECTED;
  return FZ_EXIT_OK;
}

static int
cmd_exam (FzContext  *context,
          int         argc,
          char      **argv,
          GError    **error)
{
  g_autofree char *on = NULL, *kind_text = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { NULL }
  };
  FzpBlindMassageKind kind;
  GDate date;
  gint64 id;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  if (!parse_kind (kind_text, TRUE, &kind, error)
      || !fzp_blind_massage_parse_date (on, _("Held on"), FALSE, &date, error))
    return FZ_EXIT_REJECTED;
  id = fzp_blind_massage_add_exam_session (context, kind, argv[1], &date, error);
  if (id == 0)
    return FZ_EXIT_REJECTED;
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return FZ_EXIT_OK;
}

static gboolean
parse_id (const char  *text,
          const char  *field,
          gint64      *id,
          GError     **error)
{
  g_autofree char *norm = fz_normalize_number (text);
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (norm, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("%s: “%s” is not a number"), field, norm);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

static int
cmd_result (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  g_autofree char *written = NULL, *practical = NULL, *paper = NULL;
  GOptionEntry entries[] = {
    { "written", 0, 0, G_OPTION_ARG_STRING, &written, NULL, NULL },
    { "practical", 0, 0, G_OPTION_ARG_STRING, &practical, NULL, NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  FzpBlindMassageExamMark w, pr;
  gint64 session;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, 2, error))
    return FZ_EXIT_USAGE;
  if (!parse_id (argv[1], _("Exam"), &session, error)
      || !fzp_blind_massage_exam_mark_parse (written, _("Written exam"), &w, error)
      || !fzp_blind_massage_exam_mark_parse (practical, _("Practical exam"), &pr, error))
    return FZ_EXIT_REJECTED;
  p = find (context, argv[2], NULL, error);
  if (p == NULL || !fzp_blind_massage_record_exam_result (context, session, p->id, w, pr, paper, error))
    return FZ_EXIT_REJECTED;
  return FZ_EXIT_OK;
}

static int
cmd_file (FzContext  *context,
          int         argc,
          char      **argv,
          GError    **error)
{
  g_autofree char *at = NULL, *clinic = NULL, *from = NULL, *to = NULL, *number = NULL, *county = NULL;
  g_autofree char *kind_text = NULL;
  gboolean change = FALSE;
  GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, NULL, NULL },
    { "clinic", 0, 0, G_OPTION_ARG_STRING, &clinic, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, NULL, NULL },
    { "number", 0, 0, G_OPTION_ARG_STRING, &number, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { "change", 0, 0, G_OPTION_ARG_NONE, &change, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  FzpBlindMassageNewFiling filing = { 0 };
  GDate start, end;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  if ((at == NULL) == (clinic == NULL))
    return fz_command_usage_error (&command_table, "file", NULL, error);
  if (!fzp_blind_massage_parse_date (from, _("From"), FALSE, &start, error)
      || !fzp_blind_massage_parse_date (to, _("To"), TRUE, &end, error))
    return FZ_EXIT_REJECTED;
  if (clinic && (filing.clinic_id = fzp_blind_massage_find_clinic (context, clinic, error)) == 0)
    return FZ_EXIT_REJECTED;
  p = find (context, argv[1], kind_text, error);
  if (p == NULL)
    return FZ_EXIT_REJECTED;
  filing.workplace = at;
  filing.county = county;
  filing.number = number;
  filing.from = &start;
  filing.to = &end;
  if (fzp_blind_massage_add_filing (context, p->id, &filing, change, error) == 0)
    return FZ_EXIT_REJECTED;
  return FZ_EXIT_OK;
}

static int
cmd_end_filing (FzContext  *context,
                int         argc,
                char      **argv,
                GError    **error)
{
  g_autofree char *on = NULL, *reason = NULL, *kind_text = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  GDate date;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  if (!fzp_blind_massage_parse_date (on, _("Last day"), TRUE, &date, error))
    return FZ_EXIT_REJECTED;
  p = find (context, argv[1], kind_text, error);
  if (p == NULL || !fzp_blind_massage_end_filing (context, p->id, &date, reason, error))
    return FZ_EXIT_REJECTED;
  return FZ_EXIT_OK;
}

static int
cmd_title (FzContext  *context,
           int         argc,
           char      **argv,
           GError    **error)
{
  g_autofree char *on = NULL, *document = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "document", 0, 0, G_OPTION_ARG_STRING, &document, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  GDate date;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, 2, error))
    return FZ_EXIT_USAGE;
  if (!fzp_blind_massage_parse_date (on, _("Awarded on"), FALSE, &date, error))
    return FZ_EXIT_REJECTED;
  p = find (context, argv[1], "medical", error);
  if (p == NULL || !fzp_blind_massage_award_title (context, p->id, argv[2], &date, document, error))
    return FZ_EXIT_REJECTED;
  return FZ_EXIT_OK;
}

static int
cmd_title_level (FzContext  *context,
                 int         argc,
                 char      **argv,
                 GError    **error)
{
  gboolean no_review = FALSE;
  GOptionEntry entries[] = {
    { "no-review", 0, 0, G_OPTION_ARG_NONE, &no_review, NULL, NULL },
    { NULL }
  };
  gint64 level;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, 2, error))
    return FZ_EXIT_USAGE;
  if (!parse_id (argv[1], _("Level"), &level, error)
      || !fzp_blind_massage_set_title_level (context, (guint) MIN (level, 1000), argv[2], !no_review, error))
    return FZ_EXIT_REJECTED;
  return FZ_EXIT_OK;
}

static int
cmd_course (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  g_autofree char *from = NULL, *to = NULL, *hours_text = NULL, *organizer = NULL, *kind_text = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, NULL, NULL },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &hours_text, NULL, NULL },
    { "organizer", 0, 0, G_OPTION_ARG_STRING, &organizer, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { NULL }
  };
  FzpBlindMassageKind kind;
  GDate start, end;
  double hours;
  gint64 id;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  if (!fzp_blind_massage_parse_date (from, _("From"), FALSE, &start, error)
      || !fzp_blind_massage_parse_date (to, _("To"), TRUE, &end, error)
      || !fzp_blind_massage_parse_hours (hours_text, _("Class hours"), &hours, error)
      || !parse_kind (kind_text, FALSE, &kind, error))
    return FZ_EXIT_REJECTED;
  id = fzp_blind_massage_add_course (context, argv[1], organizer, &start, &end, hours, kind, error);
  if (id == 0)
    return FZ_EXIT_REJECTED;
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return FZ_EXIT_OK;
}

typedef struct {
  FzContext *context;
  gint64     course;
  double     hours;
  char     **numbers;
  GPtrArray *problems;
} Attend;

static gboolean
attend_txn (FzDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  Attend *a = user_data;

  for (guint i = 0; a->numbers[i]; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(FzpBlindMassagePractitioner) p = fzp_blind_massage_find_practitioner (a->context, a->numbers[i],
                                                                                      FZP_BLIND_MASSAGE_KIND_NONE,
                                                                                      &local_error);
      if (p == NULL || !fzp_blind_massage_add_attendance (a->context, a->course, p->id, a->hours, &local_error))
        g_ptr_array_add (a->problems, g_strdup_printf ("%s: %s", a->numbers[i], local_error->message));
    }
  if (a->problems->len > 0)
    {
      g_set_error_literal (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_REJECTED,
                           _("Nothing was recorded"));
      return FALSE;
    }
  return TRUE;
}

static int
cmd_attend (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  g_autofree char *hours_text = NULL;
  GOptionEntry entries[] = {
    { "hours", 0, 0, G_OPTION_ARG_STRING, &hours_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  Attend a = { context, 0, 0, NULL, problems };

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 2, -1, error))
    return FZ_EXIT_USAGE;
  if (!parse_id (argv[1], _("Course"), &a.course, error)
      || (hours_text && !fzp_blind_massage_parse_hours (hours_text, _("Class hours"), &a.hours, error)))
    return FZ_EXIT_REJECTED;
  a.numbers = argv + 2;
  if (!fz_database_transaction (fz_context_get_database (context), attend_txn, &a, error))
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));
      return FZ_EXIT_REJECTED;
    }
  return FZ_EXIT_OK;
}

static int
cmd_import_attendance (FzContext  *context,
                       int         argc,
                       char      **argv,
                       GError    **error)
{
  g_autoptr(FzpBlindMassageImport) import = NULL;
  gint64 course;
  gboolean ok;

  if (!fz_command_parse (&command_table, &argc, &argv, NULL, 2, 2, error))
    return FZ_EXIT_USAGE;
  if (!parse_id (argv[1], _("Course"), &course, error))
    return FZ_EXIT_REJECTED;
  ok = fzp_blind_massage_import_attendance (context, course, argv[2], &import, error);
  print_import (import);
  if (!ok)
    return FZ_EXIT_REJECTED;
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u attendance recorded\n", "%u attendances recorded\n", import->added),
           import->added);
  return FZ_EXIT_OK;
}

static int
cmd_credits (FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  g_autofree char *year_text = NULL, *kind_text = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  FzpBlindMassageReviewRule rule;
  gboolean found;
  double hours;
  int year;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error) || year_text == NULL)
    return fz_command_usage_error (&command_table, "credits", NULL, error);
  if (!fzp_blind_massage_parse_year (year_text, &year, error))
    return FZ_EXIT_REJECTED;
  p = find (context, argv[1], kind_text, error);
  if (p == NULL
      || !fzp_blind_massage_get_credits (fz_context_get_database (context), p->id, year, &hours, error)
      || !fzp_blind_massage_get_review_rule (fz_context_get_database (context), p->kind, year, &rule, NULL, &found, error))
    return FZ_EXIT_REJECTED;
  {
    g_autofree char *have = fzp_blind_massage_format_hours (hours);
    g_autofree char *need = fzp_blind_massage_format_hours (rule.credit_hours);
    g_autofree char *missing = fzp_blind_massage_format_hours (fzp_blind_massage_credit_shortfall (rule.credit_hours, hours));

    /* hours, required, short by: for scripts */
    g_print ("%d\t%s\t%s\t%s\n", year, have, need, missing);
  }
  return FZ_EXIT_OK;
}

static int
cmd_review (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  g_autofree char *year_text = NULL, *result_text = NULL, *on = NULL, *notes = NULL, *kind_text = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, NULL, NULL },
    { "result", 0, 0, G_OPTION_ARG_STRING, &result_text, NULL, NULL },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  FzpBlindMassageResult result;
  GDate date;
  int year;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error) || year_text == NULL || result_text == NULL)
    return fz_command_usage_error (&command_table, "review", NULL, error);
  if (!fzp_blind_massage_parse_year (year_text, &year, error)
      || !fzp_blind_massage_result_parse (result_text, &result, error)
      || !fzp_blind_massage_parse_date (on, _("Date of review"), TRUE, &date, error))
    return FZ_EXIT_REJECTED;
  if (!g_date_valid (&date))
    today (&date);
  p = find (context, argv[1], kind_text, error);
  if (p == NULL || !fzp_blind_massage_record_review (context, p->id, year, result, &date, notes, error))
    return FZ_EXIT_REJECTED;
  return FZ_EXIT_OK;
}

static int
cmd_due (FzContext  *context,
         int         argc,
         char      **argv,
         GError    **error)
{
  g_autofree char *on = NULL, *county_text = NULL, *county = NULL;
  gboolean overdue = FALSE;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county_text, NULL, NULL },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, NULL, NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) items = NULL;
  FzpBlindMassageReviewQuery query = { 0 };
  GDate date;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, error))
    return FZ_EXIT_USAGE;
  if (!fzp_blind_massage_parse_date (on, _("Date"), TRUE, &date, error)
      || !parse_county (context, county_text, &county, error))
    return FZ_EXIT_REJECTED;
  query.on = &date;
  query.county_code = county;
  query.flags = overdue ? FZP_BLIND_MASSAGE_LIST_OVERDUE : 0;
  items = fzp_blind_massage_list_reviews (context, &query, error);
  if (items == NULL)
    return FZ_EXIT_REJECTED;
  for (guint i = 0; i < items->len; i++)
    {
      FzpBlindMassageReviewItem *item = g_ptr_array_index (items, i);
      g_autofree char *due = fzp_blind_massage_date_to_iso (&item->due);
      g_autofree char *have = fzp_blind_massage_format_hours (item->earned);
      g_autofree char *need = fzp_blind_massage_format_hours (item->required);
      g_autofree char *missing = fzp_blind_massage_format_hours (item->short_by);

      g_print ("%d\t%s\t%s\t%s\t%s\t%s\t%s/%s\t%s\n", item->year,
               item->state == FZP_BLIND_MASSAGE_REVIEW_OVERDUE ? "overdue" : "due", due, item->id_number,
               item->name, item->county_name, have, need, missing);
    }
  return FZ_EXIT_OK;
}

static int
cmd_clinic (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  g_autofree char *address = NULL, *county = NULL, *licensee = NULL, *licensee_number = NULL;
  g_autofree char *licence = NULL, *opened = NULL, *designated = NULL;
  GOptionEntry entries[] = {
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { "licensee", 0, 0, G_OPTION_ARG_STRING, &licensee, NULL, NULL },
    { "licensee-number", 0, 0, G_OPTION_ARG_STRING, &licensee_number, NULL, NULL },
    { "licence", 0, 0, G_OPTION_ARG_STRING, &licence, NULL, NULL },
    { "opened", 0, 0, G_OPTION_ARG_STRING, &opened, NULL, NULL },
    { "designated", 0, 0, G_OPTION_ARG_STRING, &designated, NULL, NULL },
    { NULL }
  };
  FzpBlindMassageNewClinic clinic = { 0 };
  GDate opened_on, designated_on;
  gint64 id;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  if (!fzp_blind_massage_parse_date (opened, _("Opened on"), TRUE, &opened_on, error)
      || !fzp_blind_massage_parse_date (designated, _("Designated from"), TRUE, &designated_on, error))
    return FZ_EXIT_REJECTED;
  clinic.name = argv[1];
  clinic.address = address;
  clinic.county = county;
  clinic.licensee = licensee;
  clinic.licensee_number = licensee_number;
  clinic.license_number = licence;
  clinic.opened_on = &opened_on;
  clinic.insurance_from = &designated_on;
  id = fzp_blind_massage_add_clinic (context, &clinic, error);
  if (id == 0)
    return FZ_EXIT_REJECTED;
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return FZ_EXIT_OK;
}

static int
cmd_designate (FzContext  *context,
               int         argc,
               char      **argv,
               GError    **error)
{
  g_autofree char *from = NULL, *until = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, NULL, NULL },
    { NULL }
  };
  GDate start, end;
  gint64 clinic;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error) || (from == NULL && until == NULL))
    return fz_command_usage_error (&command_table, "designate", NULL, error);
  if (!fzp_blind_massage_parse_date (from, _("Designated from"), TRUE, &start, error)
      || !fzp_blind_massage_parse_date (until, _("Designated until"), TRUE, &end, error))
    return FZ_EXIT_REJECTED;
  clinic = fzp_blind_massage_find_clinic (context, argv[1], error);
  if (clinic == 0 || !fzp_blind_massage_set_clinic_insurance (context, clinic, &start, &end, error))
    return FZ_EXIT_REJECTED;
  return FZ_EXIT_OK;
}

static int
cmd_clinics (FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  g_autofree char *county_text = NULL, *county = NULL, *day = NULL;
  GOptionEntry entries[] = {
    { "county", 0, 0, G_OPTION_ARG_STRING, &county_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzStatement) st = NULL;
  GDate now;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, error))
    return FZ_EXIT_USAGE;
  if (!parse_county (context, county_text, &county, error))
    return FZ_EXIT_REJECTED;
  today (&now);
  day = fzp_blind_massage_date_to_iso (&now);
  st = fz_database_query (fz_context_get_database (context),
                          "SELECT k.id, o.name, c.name, k.licensee,"
                          " CASE WHEN k.insurance_from IS NOT NULL AND (k.insurance_until IS NULL OR k.insurance_until >= ?2)"
                          "  THEN k.insurance_from END,"
                          " (SELECT count(*) FROM blind_massage_filing g WHERE g.clinic_id = k.id AND g.valid_from <= ?2"
                          "  AND (g.valid_to IS NULL OR g.valid_to >= ?2) AND (g.ended_on IS NULL OR g.ended_on >= ?2))"
                          " FROM blind_massage_clinic k JOIN fz_organization o ON o.id = k.organization_id"
                          " JOIN fz_county c ON c.code = k.county_code WHERE ?1 IS NULL OR k.county_code = ?1"
                          " ORDER BY c.sort, o.name",
                          g_variant_new ("(mss)", county, day), error);
  if (st == NULL)
    return FZ_EXIT_REJECTED;
  return print_rows (st, error);
}

static int
cmd_post (FzContext  *context,
          int         argc,
          char      **argv,
          GError    **error)
{
  g_autofree char *county = NULL, *from = NULL, *department = NULL, *who = NULL;
  GOptionEntry entries[] = {
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, NULL, NULL },
    { "practitioner", 0, 0, G_OPTION_ARG_STRING, &who, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzpBlindMassagePractitioner) p = NULL;
  GDate start;
  gint64 id;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  if (!fzp_blind_massage_parse_date (from, _("From"), FALSE, &start, error))
    return FZ_EXIT_REJECTED;
  if (who && (p = find (context, who, "medical", error)) == NULL)
    return FZ_EXIT_REJECTED;
  id = fzp_blind_massage_add_post (context, argv[1], department, county, &start, p ? p->id : 0, error);
  if (id == 0)
    return FZ_EXIT_REJECTED;
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return FZ_EXIT_OK;
}

static int
cmd_end_post (FzContext  *context,
              int         argc,
              char      **argv,
              GError    **error)
{
  g_autofree char *on = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, NULL, NULL },
    { NULL }
  };
  GDate date;
  gint64 post;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  if (!parse_id (argv[1], _("Post"), &post, error)
      || !fzp_blind_massage_parse_date (on, _("Abolished on"), FALSE, &date, error)
      || !fzp_blind_massage_end_post (context, post, &date, error))
    return FZ_EXIT_REJECTED;
  return FZ_EXIT_OK;
}

static int
cmd_posts (FzContext  *context,
           int         argc,
           char      **argv,
           GError    **error)
{
  g_autofree char *county_text = NULL, *county = NULL;
  GOptionEntry entries[] = {
    { "county", 0, 0, G_OPTION_ARG_STRING, &county_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(FzStatement) st = NULL;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, error))
    return FZ_EXIT_USAGE;
  if (!parse_county (context, county_text, &county, error))
    return FZ_EXIT_REJECTED;
  st = fz_database_query (fz_context_get_database (context),
                          "SELECT s.id, o.name, coalesce(s.department, ''), c.name, s.created_on,"
                          " coalesce(s.abolished_on, ''), coalesce(f.name, '')"
                          " FROM blind_massage_post s JOIN fz_organization o ON o.id = s.organization_id"
                          " JOIN fz_county c ON c.code = s.county_code"
                          " LEFT JOIN blind_massage_practitioner p ON p.id = s.practitioner_id"
                          " LEFT JOIN fz_person f ON f.id = p.person_id"
                          " WHERE ?1 IS NULL OR s.county_code = ?1 ORDER BY c.sort, o.name, s.id",
                          g_variant_new ("(ms)", county), error);
  if (st == NULL)
    return FZ_EXIT_REJECTED;
  return print_rows (st, error);
}

static int
cmd_rules (FzContext  *context,
           int         argc,
           char      **argv,
           GError    **error)
{
  g_autoptr(FzStatement) st = NULL;
  int status;

  if (!fz_command_parse (&command_table, &argc, &argv, NULL, 0, 0, error))
    return FZ_EXIT_USAGE;
  g_print ("%s\n", _("Review rules: kind, from, cycle in years, due date, due the year after, class hours, "
                     "filing required, requirements"));
  st = fz_database_query (fz_context_get_database (context),
                          "SELECT kind, effective_from, cycle_years, printf('%02d-%02d', due_month, due_day),"
                          " CASE due_year_offset WHEN 1 THEN 'yes' ELSE 'no' END, printf('%g', credit_hours),"
                          " CASE require_filing WHEN 1 THEN 'yes' ELSE 'no' END, coalesce(requirements, '')"
                          " FROM blind_massage_review_rule ORDER BY kind DESC, effective_from",
                          NULL, error);
  if (st == NULL || (status = print_rows (st, error)) != FZ_EXIT_OK)
    return FZ_EXIT_REJECTED;
  g_clear_pointer (&st, fz_statement_unref);
  g_print ("%s\n", _("Titles: level, name, needs a passed review"));
  st = fz_database_query (fz_context_get_database (context),
                          "SELECT level, name, CASE needs_passed_review WHEN 1 THEN 'yes' ELSE 'no' END"
                          " FROM blind_massage_title_level ORDER BY level",
                          NULL, error);
  if (st == NULL)
    return FZ_EXIT_REJECTED;
  return print_rows (st, error);
}

static gboolean
parse_yes_no (const char  *text,
              const char  *field,
              gboolean    *value,
              GError     **error)
{
  g_autofree char *norm = fz_normalize_text (text);
  g_autofree char *lower = g_ascii_strdown (norm, -1);
  static const char *yes[] = { "yes", "y", "1", "true", "是", NULL };
  static const char *no[] = { "no", "n", "0", "false", "否", NULL };

  if (g_strv_contains (yes, lower))
    *value = TRUE;
  else if (g_strv_contains (no, lower))
    *value = FALSE;
  else
    {
      g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                   _("%s: “%s” is neither yes nor no"), field, norm);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_set_rule (FzContext  *context,
              int         argc,
              char      **argv,
              GError    **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *kind_text = NULL, *from = NULL, *cycle = NULL, *due = NULL, *hours = NULL;
  g_autofree char *filing = NULL, *requirements = NULL, *old_requirements = NULL;
  gboolean next_year = FALSE;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "cycle", 0, 0, G_OPTION_ARG_STRING, &cycle, NULL, NULL },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, NULL, NULL },
    { "due-next-year", 0, 0, G_OPTION_ARG_NONE, &next_year, NULL, NULL },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &hours, NULL, NULL },
    { "require-filing", 0, 0, G_OPTION_ARG_STRING, &filing, NULL, NULL },
    { "requirements", 0, 0, G_OPTION_ARG_STRING, &requirements, NULL, NULL },
    { NULL }
  };
  FzpBlindMassageReviewRule rule;
  FzpBlindMassageKind kind;
  gboolean found = FALSE;
  GDate start;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, error) || kind_text == NULL || from == NULL)
    return fz_command_usage_error (&command_table, "set-rule", NULL, error);
  if (!parse_kind (kind_text, TRUE, &kind, error)
      || !fzp_blind_massage_parse_date (from, _("From"), FALSE, &start, error))
    return FZ_EXIT_REJECTED;
  /* Start from the rule in force that day; what is given changes it. */
  if (!fzp_blind_massage_get_review_rule (db, kind, (int) g_date_get_year (&start)
                                          + (g_date_get_day_of_year (&start) > 1 ? 1 : 0),
                                          &rule, &old_requirements, &found, error))
    return FZ_EXIT_REJECTED;
  if (!found)
    {
      rule.cycle_years = 1;
      rule.due_month = 12;
      rule.due_day = 31;
      rule.credit_hours = 20;
    }
  rule.effective_from = start;
  if (cycle)
    {
      g_autofree char *norm = fz_normalize_number (cycle);
      guint64 value = 0;
      if (!g_ascii_string_to_unsigned (norm, 10, 0, 1000, &value, NULL))
        {
          g_set_error (error, FZP_BLIND_MASSAGE_ERROR, FZP_BLIND_MASSAGE_ERROR_INVALID,
                       _("Cycle: “%s” is not a number of years"), norm);
          return FZ_EXIT_REJECTED;
        }
      rule.cycle_years = (guint) value;
    }
  if (due && !fzp_blind_massage_parse_month_day (due, &rule.due_month, &rule.due_day, error))
    return FZ_EXIT_REJECTED;
  if (due)
    rule.due_year_offset = next_year ? 1 : 0;
  else if (next_year)
    rule.due_year_offset = 1;
  if (hours)
    {
      g_autofree char *norm = fz_normalize_number (hours);
      /* 0 is allowed here: no continuing education asked. */
      if (g_str_equal (norm, "0"))
        rule.credit_hours = 0;
      else if (!fzp_blind_massage_parse_hours (norm, _("Class hours"), &rule.credit_hours, error))
        return FZ_EXIT_REJECTED;
    }
  if (filing && !parse_yes_no (filing, _("Filing required"), &rule.require_filing, error))
    return FZ_EXIT_REJECTED;
  if (!fzp_blind_massage_set_review_rule (context, kind, &rule, requirements ? requirements : old_requirements, error))
    return FZ_EXIT_REJECTED;
  return FZ_EXIT_OK;
}

static int
cmd_delete_rule (FzContext  *context,
                 int         argc,
                 char      **argv,
                 GError    **error)
{
  g_autofree char *kind_text = NULL, *from = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { NULL }
  };
  FzpBlindMassageKind kind;
  GDate start;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 0, 0, error) || kind_text == NULL || from == NULL)
    return fz_command_usage_error (&command_table, "delete-rule", NULL, error);
  if (!parse_kind (kind_text, TRUE, &kind, error)
      || !fzp_blind_massage_parse_date (from, _("From"), FALSE, &start, error)
      || !fzp_blind_massage_delete_review_rule (context, kind, &start, error))
    return FZ_EXIT_REJECTED;
  return FZ_EXIT_OK;
}

static int
cmd_import (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  g_autoptr(FzpBlindMassageImport) import = NULL;
  gboolean ok;

  if (!fz_command_parse (&command_table, &argc, &argv, NULL, 1, 1, error))
    return FZ_EXIT_USAGE;
  ok = fzp_blind_massage_import_practitioners (context, argv[1], &import, error);
  print_import (import);
  if (!ok)
    return FZ_EXIT_REJECTED;
  /* TRANSLATORS: numbers of practitioners added, updated, unchanged */
  g_print (_("%u added, %u updated, %u unchanged\n"), import->added, import->updated, import->unchanged);
  return FZ_EXIT_OK;
}

static int
cmd_export (FzContext  *context,
            int         argc,
            char      **argv,
            GError    **error)
{
  g_autofree char *kind_text = NULL, *county_text = NULL, *county = NULL, *year_text = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, NULL, NULL },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county_text, NULL, NULL },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, NULL, NULL },
    { NULL }
  };
  FzpBlindMassageKind kind;
  guint n = 0;
  int year;
  GDate now;

  if (!fz_command_parse (&command_table, &argc, &argv, entries, 1, 1, error))
    return FZ_EXIT_USAGE;
  today (&now);
  year = (int) g_date_get_year (&now);
  if (!parse_kind (kind_text, FALSE, &kind, error) || !parse_county (context, county_text, &county, error)
      || (year_text && !fzp_blind_massage_parse_year (year_text, &year, error))
      || !fzp_blind_massage_export_practitioners (context, argv[1], kind, county, year, &n, error))
    return FZ_EXIT_REJECTED;
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u practitioner exported\n", "%u practitioners exported\n", n), n);
  return FZ_EXIT_OK;
}

typedef int (*CommandFunc) (FzContext *context, int argc, char **argv, GError **error);

static const struct {
  const char  *name;
  CommandFunc  func;
} runners[] = {
  { "add", cmd_add }, { "list", cmd_list }, { "show", cmd_show }, { "qualify", cmd_qualify },
  { "leave", cmd_leave }, { "exam", cmd_exam }, { "result", cmd_result }, { "file", cmd_file },
  { "end-filing", cmd_end_filing }, { "title", cmd_title }, { "title-level", cmd_title_level },
  { "course", cmd_course }, { "attend", cmd_attend }, { "import-attendance", cmd_import_attendance },
  { "credits", cmd_credits }, { "review", cmd_review }, { "due", cmd_due }, { "clinic", cmd_clinic },
  { "designate", cmd_designate }, { "clinics", cmd_clinics }, { "post", cmd_post },
  { "end-post", cmd_end_post }, { "posts", cmd_posts }, { "rules", cmd_rules },
  { "set-rule", cmd_set_rule }, { "delete-rule", cmd_delete_rule }, { "import", cmd_import },
  { "export", cmd_export },
};

int
fzp_blind_massage_run_command (FzContext  *context,
                               int         argc,
                               char      **argv,
                               GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (runners); i++)
    if (g_str_equal (runners[i].name, argv[0]))
      return runners[i].func (context, argc, argv, error);
  g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("“blind-massage” has no command “%s”"), argv[0]);
  return FZ_EXIT_USAGE;
}
