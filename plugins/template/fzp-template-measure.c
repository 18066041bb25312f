/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-template-measure.h"
#include "fzp-template-page.h"
#include "fzp-template-rules.h"

struct _FzpTemplateMeasure
{
  GObject parent_instance;
};

static void measure_iface_init (FzMeasureInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FzpTemplateMeasure, fzp_template_measure, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FZ_TYPE_MEASURE, measure_iface_init))

/* The tables a measure owns start with its id in snake_case. A released step
 * is never edited: a change is a new step at the end. */
static const FzMigration migrations[] = {
  { 1,
    "CREATE TABLE template_note ("
    "  id INTEGER PRIMARY KEY,"
    "  body TEXT NOT NULL CHECK (length(body) > 0),"
    "  county_code TEXT NOT NULL REFERENCES fz_county(code),"
    "  created TEXT NOT NULL DEFAULT (date('now')))" },
  { 2,
    "CREATE INDEX template_note_by_created ON template_note (created)" },
};

static const FzIndicatorInfo indicators[] = {
  { "notes", N_("Notes written"), N_("notes"), NULL, FZ_INDICATOR_SUM },
};

static const FzCommandInfo commands[] = {
  { "add", "TEXT [--county CODE-OR-NAME]", N_("Add a note") },
  { "list", "", N_("List the notes: id, date, county and text") },
  /* For the crash and concurrency tests: a large change made in one go. */
  { "add-many", "N TEXT [--county CODE-OR-NAME]", N_("Add the notes “TEXT 1/N” to “TEXT N/N” in one change (test support)") },
};

/* What it prints. Privacy is declared here, not chosen by the caller: a
 * public list masks identity numbers and phones whatever the code asks. */
static const FzDocumentInfo documents[] = {
  { "notes", N_("Notes by county"), FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_PORTRAIT,
    (const char * const []) { "year", NULL } },
};

static const FzMeasureInfo info = {
  .id = "template",
  .title = N_("Template measure"),
  .icon_name = "document-edit-symbolic",
  .clause = "—",
  .gettext_domain = GETTEXT_PACKAGE,
  .migrations = migrations,
  .n_migrations = G_N_ELEMENTS (migrations),
  .indicators = indicators,
  .n_indicators = G_N_ELEMENTS (indicators),
  .commands = commands,
  .n_commands = G_N_ELEMENTS (commands),
  .documents = documents,
  .n_documents = G_N_ELEMENTS (documents),
};

typedef struct {
  const char *body;
  const char *county_code;
  gint64      id;
} AddNote;

static gboolean
add_note_txn (FzDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  AddNote *add = user_data;

  if (!fz_database_execute (db, "INSERT INTO template_note (body, county_code) VALUES (?1, ?2)",
                            g_variant_new ("(ss)", add->body, add->county_code), error))
    return FALSE;
  add->id = fz_database_last_insert_rowid (db);
  return TRUE;
}

gint64
fzp_template_add_note (FzContext   *context,
                       const char  *text,
                       const char  *county_code,
                       GError     **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *body = NULL;
  g_autofree char *code = NULL;
  AddNote add = { 0 };

  body = fzp_template_check_note (text, error);
  if (body == NULL)
    return 0;
  code = fz_county_lookup (db, county_code);
  if (code == NULL)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                   _("County: “%s” is not a county of the city"), county_code ? county_code : "");
      return 0;
    }
  add.body = body;
  add.county_code = code;
  if (!fz_database_transaction (db, add_note_txn, &add, error))
    {
      g_prefix_error (error, _("Could not save the note: "));
      return 0;
    }
  return add.id;
}

typedef struct {
  const char *text;
  const char *county_code;
  guint       n;
  gint64      first;
  gint64      last;
} AddNotes;

static gboolean
add_notes_txn (FzDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  AddNotes *add = user_data;
  g_autoptr(FzStatement) st = NULL;

  st = fz_database_prepare (db, "INSERT INTO template_note (body, county_code) VALUES (?1, ?2)", error);
  if (st == NULL)
    return FALSE;
  for (guint i = 1; i <= add->n; i++)
    {
      g_autofree char *body = g_strdup_printf ("%s %u/%u", add->text, i, add->n);

      fz_statement_bind_text (st, 1, body);
      fz_statement_bind_text (st, 2, add->county_code);
      if (!fz_statement_run (st, error))
        return FALSE;
      add->last = fz_database_last_insert_rowid (db);
      if (i == 1)
        add->first = add->last;
    }
  return TRUE;
}

gboolean
fzp_template_add_notes (FzContext   *context,
                        const char  *text,
                        guint        n,
                        const char  *county_code,
                        gint64      *first_id,
                        gint64      *last_id,
                        GError     **error)
{
  FzDatabase *db = fz_context_get_database (context);
  g_autofree char *longest = g_strdup_printf ("%s %u/%u", text ? text : "", n, n);
  g_autofree char *checked = NULL;
  g_autofree char *body = NULL;
  g_autofree char *code = NULL;
  AddNotes add = { 0 };

  body = fzp_template_check_note (text, error);
  if (body == NULL)
    return FALSE;
  /* The longest of the notes passes the rules, so every one does. */
  checked = fzp_template_check_note (longest, error);
  if (checked == NULL)
    return FALSE;
  code = fz_county_lookup (db, county_code);
  if (code == NULL)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_REJECTED,
                   _("County: “%s” is not a county of the city"), county_code ? county_code : "");
      return FALSE;
    }
  add.text = body;
  add.county_code = code;
  add.n = n;
  if (!fz_database_transaction (db, add_notes_txn, &add, error))
    {
      g_prefix_error (error, _("Could not save the notes: "));
      return FALSE;
    }
  *first_id = add.first;
  *last_id = add.last;
  return TRUE;
}

static const FzMeasureInfo *
get_info (FzMeasure *measure)
{
  return &info;
}

static GtkWidget *
create_page (FzMeasure *measure,
             FzContext *context)
{
  return fzp_template_page_new (context);
}

static gboolean
compute_indicators (FzMeasure          *measure,
                    FzContext          *context,
                    int                 year,
                    FzIndicatorValues  *values,
                    GError            **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *y = g_strdup_printf ("%04d", year);

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT county_code, count(*) FROM template_note "
                          "WHERE strftime('%Y', created) = ?1 GROUP BY county_code",
                          g_variant_new ("(s)", y), error);
  if (st == NULL)
    return FALSE;
  while (fz_statement_step (st, &local_error))
    fz_indicator_values_add (values, "notes", fz_statement_get_text (st, 0),
                             (double) fz_statement_get_int64 (st, 1));
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static int
command_add (FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  g_autofree char *county = NULL;
  g_autofree char *joined = NULL;
  GOptionEntry entries[] = {
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, N_("The county, by code or name"), "COUNTY" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("TEXT");
  gint64 id;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (options, FALSE);
  if (!g_option_context_parse (options, &argc, &argv, error) || argc < 2)
    {
      g_clear_error (error);
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("Usage: fuzhu template add TEXT [--county CODE-OR-NAME]"));
      return FZ_EXIT_USAGE;
    }

  joined = g_strjoinv (" ", argv + 1);
  id = fzp_template_add_note (context, joined, county ? county : "330802", error);
  if (id == 0)
    return FZ_EXIT_REJECTED;
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_print (_("Added note %s\n"), number);
  }
  return FZ_EXIT_OK;
}

static int
command_add_many (FzContext  *context,
                  int         argc,
                  char      **argv,
                  GError    **error)
{
  g_autofree char *county = NULL;
  g_autofree char *joined = NULL;
  GOptionEntry entries[] = {
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, N_("The county, by code or name"), "COUNTY" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("N TEXT");
  guint64 n = 0;
  gint64 first = 0;
  gint64 last = 0;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (options, FALSE);
  if (!g_option_context_parse (options, &argc, &argv, error) || argc < 3 ||
      !g_ascii_string_to_unsigned (argv[1], 10, 1, 1000000, &n, NULL))
    {
      g_clear_error (error);
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("Usage: fuzhu template add-many N TEXT [--county CODE-OR-NAME], N from 1 to 1000000"));
      return FZ_EXIT_USAGE;
    }

  joined = g_strjoinv (" ", argv + 2);
  if (!fzp_template_add_notes (context, joined, (guint) n, county ? county : "330802", &first, &last, error))
    return FZ_EXIT_REJECTED;
  {
    g_autofree char *from = g_strdup_printf ("%" G_GINT64_FORMAT, first);
    g_autofree char *to = g_strdup_printf ("%" G_GINT64_FORMAT, last);
    g_print (_("Added notes %s to %s\n"), from, to);
  }
  return FZ_EXIT_OK;
}

static int
command_list (FzContext  *context,
              GError    **error)
{
  g_autoptr(FzStatement) st = NULL;
  g_autoptr(GError) local_error = NULL;

  st = fz_database_query (fz_context_get_database (context),
                          "SELECT n.id, n.created, c.name, n.body FROM template_note n "
                          "JOIN fz_county c ON c.code = n.county_code ORDER BY n.id", NULL, error);
  if (st == NULL)
    return FZ_EXIT_REJECTED;
  while (fz_statement_step (st, &local_error))
    g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", fz_statement_get_int64 (st, 0),
             fz_statement_get_text (st, 1), fz_statement_get_text (st, 2), fz_statement_get_text (st, 3));
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FZ_EXIT_REJECTED;
    }
  return FZ_EXIT_OK;
}

static int
run_command (FzMeasure  *measure,
             FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  if (g_str_equal (argv[0], "add"))
    return command_add (context, argc, argv, error);
  if (g_str_equal (argv[0], "add-many"))
    return command_add_many (context, argc, argv, error);
  if (argc > 1)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE, _("“list” takes no arguments"));
      return FZ_EXIT_USAGE;
    }
  return command_list (context, error);
}

static FzDocument *
build_document (FzMeasure             *measure,
                FzContext             *context,
                const FzDocumentInfo  *doc_info,
                GHashTable            *params,
                GError               **error)
{
  g_autoptr(FzDocument) doc = fz_document_new_for_info (doc_info);
  g_autoptr(FzStatement) st = NULL;
  const char *year = params ? g_hash_table_lookup (params, "year") : NULL;
  g_autofree char *title = NULL;
  FzDocumentTable *table;

  if (year && (strlen (year) != 4 || !g_ascii_isdigit (year[0])))
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID, _("year: “%s” is not a year"), year);
      return NULL;
    }
  /* Printed documents are in Chinese, whatever language the window speaks. */
  title = year ? g_strdup_printf ("%s年备注清单", year) : g_strdup ("备注清单");
  fz_document_set_title (doc, title);
  if (!fz_document_load_settings (doc, context, error))
    return NULL;
  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "编号", 0.6, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "日期", 1.2, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "县（市、区）", 1.2, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "内容", 4, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  st = fz_database_query (fz_context_get_database (context),
                          "SELECT n.id, n.created, c.name, n.body FROM template_note n "
                          "JOIN fz_county c ON c.code = n.county_code "
                          "WHERE ?1 IS NULL OR strftime('%Y', n.created) = ?1 ORDER BY c.sort, n.id",
                          g_variant_new ("(ms)", year), error);
  if (st == NULL || !fz_document_table_add_rows_from_statement (table, st, error))
    return NULL;
  {
    g_autofree char *total = g_strdup_printf ("%u 条", fz_document_table_get_n_rows (table));
    fz_document_table_add_total_row (table, "合计", NULL, NULL, total);
  }
  return g_steal_pointer (&doc);
}

static void
measure_iface_init (FzMeasureInterface *iface)
{
  iface->build_document = build_document;
  iface->get_info = get_info;
  iface->create_page = create_page;
  iface->compute_indicators = compute_indicators;
  iface->run_command = run_command;
}

static void
fzp_template_measure_class_init (FzpTemplateMeasureClass *klass)
{
}

static void
fzp_template_measure_init (FzpTemplateMeasure *self)
{
}
