/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <xlsxwriter.h>

#include "fz-context.h"
#include "fz-core-private.h"
#include "fz-county.h"
#include "fz-database.h"
#include "fz-document.h"
#include "fz-figures.h"
#include "fz-measure.h"
#include "fz-plugin-manager.h"
#include "fz-report.h"

G_DEFINE_QUARK (fz-report-error-quark, fz_report_error)

#define REPORT_FORMAT "fuzhu-annual-report"
#define REPORT_VERSION 1

const FzMigration _fz_report_migrations[] = {
  { 1,
    "CREATE TABLE fz_report_received ("
    "  county_code TEXT NOT NULL REFERENCES fz_county(code),"
    "  year INTEGER NOT NULL,"
    "  plan TEXT,"
    "  generated TEXT,"
    "  operator TEXT,"
    "  source TEXT,"
    "  imported TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  PRIMARY KEY (county_code, year));"
    "CREATE TABLE fz_report_figure ("
    "  county_code TEXT NOT NULL,"
    "  year INTEGER NOT NULL,"
    "  figure_id TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  title TEXT NOT NULL,"
    "  unit TEXT NOT NULL,"
    "  measure_title TEXT,"
    "  kind TEXT NOT NULL CHECK (kind IN ('count', 'percent')),"
    "  in_year REAL NOT NULL,"
    "  to_date REAL NOT NULL,"
    "  target REAL,"
    "  PRIMARY KEY (county_code, year, figure_id),"
    "  FOREIGN KEY (county_code, year) REFERENCES fz_report_received (county_code, year) ON DELETE CASCADE);" },
};
const guint _fz_report_n_migrations = G_N_ELEMENTS (_fz_report_migrations);

static void
line_free (FzReportLine *line)
{
  g_free (line->figure_id);
  g_free (line->title);
  g_free (line->unit);
  g_free (line->measure_title);
  g_free (line);
}

/* The member @name when it is an object (or array), else NULL. */
static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static FzReport *
report_new (void)
{
  FzReport *report = g_new0 (FzReport, 1);

  report->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  return report;
}

void
fz_report_free (FzReport *report)
{
  if (report == NULL)
    return;
  g_free (report->county_code);
  g_free (report->county_name);
  g_free (report->plan_id);
  g_free (report->plan_title);
  g_free (report->generated);
  g_free (report->operator_name);
  g_ptr_array_unref (report->lines);
  g_free (report);
}

FzReport *
fz_report_build (FzPluginManager  *manager,
                 int               year,
                 const char       *county_code,
                 GError          **error)
{
  FzContext *context = fz_plugin_manager_get_context (manager);
  FzDatabase *db = fz_context_get_database (context);
  g_autoptr(FzReport) report = report_new ();
  g_autoptr(FzPlan) plan = fz_plan_for_year (db, year, error);
  g_autoptr(FzFigures) figures = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (plan == NULL)
    return NULL;
  if (year < plan->start_year || year > plan->end_year)
    {
      g_set_error (error, FZ_REPORT_ERROR, FZ_REPORT_ERROR_INVALID,
                   _("Year: %d is outside the plan %s (%d–%d)"), year, plan->id, plan->start_year, plan->end_year);
      return NULL;
    }
  report->county_name = fz_county_get_name (db, county_code);
  if (report->county_name == NULL)
    {
      g_set_error (error, FZ_REPORT_ERROR, FZ_REPORT_ERROR_INVALID,
                   _("County: “%s” is not a county of the city"), county_code);
      return NULL;
    }

  figures = fz_figures_compute (manager, plan->start_year, year, error);
  if (figures == NULL)
    return NULL;

  report->year = year;
  report->county_code = g_strdup (county_code);
  report->plan_id = g_strdup (plan->id);
  report->plan_title = g_strdup (plan->title);
  report->generated = g_date_time_format (now, "%Y-%m-%d %H:%M");
  report->operator_name = g_strdup (fz_context_get_operator (context));

  for (guint i = 0; i < fz_figures_get_n_figures (figures); i++)
    {
      const FzFigure *figure = fz_figures_get_figure (figures, i);
      FzReportLine *line = g_new0 (FzReportLine, 1);

      line->figure_id = g_strdup (figure->id);
      /* Reports are documents: in the print language, whatever the UI speaks. */
      line->title = g_strdup (figure->print_title);
      line->unit = g_strdup (figure->print_unit);
      line->measure_title = g_strdup (figure->print_measure_title);
      line->kind = figure->kind;
      line->in_year = fz_figure_get (figure, year, county_code);
      line->to_date = fz_figure_to_date (figure, figures, year, county_code);
      line->has_target = fz_figures_get_target (figures, figure, county_code, &line->target);
      g_ptr_array_add (report->lines, line);
    }
  return g_steal_pointer (&report);
}

gboolean
fz_report_write_json (FzReport    *report,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, REPORT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, REPORT_VERSION);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, report->year);
  json_builder_set_member_name (builder, "county");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, report->county_code);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, report->county_name);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "plan");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, report->plan_id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, report->plan_title);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "generated");
  json_builder_add_string_value (builder, report->generated);
  json_builder_set_member_name (builder, "operator");
  json_builder_add_string_value (builder, report->operator_name);
  json_builder_set_member_name (builder, "figures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->lines->len; i++)
    {
      FzReportLine *line = g_ptr_array_index (report->lines, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, line->figure_id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, line->title);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, line->unit);
      json_builder_set_member_name (builder, "measure");
      if (line->measure_title)
        json_builder_add_string_value (builder, line->measure_title);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, line->kind == FZ_TARGET_PERCENT ? "percent" : "count");
      json_builder_set_member_name (builder, "in_year");
      json_builder_add_double_value (builder, line->in_year);
      json_builder_set_member_name (builder, "to_date");
      json_builder_add_double_value (builder, line->to_date);
      json_builder_set_member_name (builder, "target");
      if (line->has_target)
        json_builder_add_double_value (builder, line->target);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  if (!json_generator_to_file (generator, path, error))
    {
      g_prefix_error (error, _("Could not write %s: "), path);
      return FALSE;
    }
  return TRUE;
}

static char *
completion (FzReportLine *line)
{
  if (!line->has_target || line->target <= 0)
    return g_strdup ("");
  if (line->kind == FZ_TARGET_PERCENT)
    return g_strdup (line->to_date >= line->target ? "已达到" : "未达到");
  return g_strdup_printf ("%.1f%%", 100.0 * line->to_date / line->target);
}

gboolean
fz_report_write_xlsx (FzReport    *report,
                      const char  *path,
                      GError     **error)
{
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet;
  lxw_format *title, *header, *number, *text;
  g_autofree char *heading = NULL;
  g_autofree char *subheading = NULL;
  lxw_error err;
  int row = 3;

  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create %s"), path);
      return FALSE;
    }
  /* The printed and exchanged report is in Chinese, as the city expects. */
  sheet = workbook_add_worksheet (workbook, "监测评估");
  title = workbook_add_format (workbook);
  format_set_bold (title);
  format_set_font_size (title, 14);
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_border (header, LXW_BORDER_THIN);
  format_set_bg_color (header, 0xDDEBF7);
  format_set_text_wrap (header);
  number = workbook_add_format (workbook);
  format_set_border (number, LXW_BORDER_THIN);
  format_set_num_format (number, "#,##0.##");
  text = workbook_add_format (workbook);
  format_set_border (text, LXW_BORDER_THIN);
  format_set_text_wrap (text);

  heading = g_strdup_printf ("%s%d年残疾人就业工作落实情况", report->county_name, report->year);
  subheading = g_strdup_printf ("%s  统计至%d年12月31日  生成于%s", report->plan_title, report->year, report->generated);
  worksheet_write_string (sheet, 0, 0, heading, title);
  worksheet_write_string (sheet, 1, 0, subheading, NULL);
  worksheet_set_column (sheet, 0, 0, 34, NULL);
  worksheet_set_column (sheet, 1, 1, 22, NULL);
  worksheet_set_column (sheet, 2, 6, 11, NULL);

  {
    const char *columns[] = { "指标", "所属措施", "单位", "当年", "累计", "目标", "完成情况" };
    for (int c = 0; c < 7; c++)
      worksheet_write_string (sheet, row, c, columns[c], header);
  }
  for (guint i = 0; i < report->lines->len; i++)
    {
      FzReportLine *line = g_ptr_array_index (report->lines, i);
      g_autofree char *done = completion (line);

      row++;
      worksheet_write_string (sheet, row, 0, line->title, text);
      worksheet_write_string (sheet, row, 1, line->measure_title ? line->measure_title : "方案目标", text);
      worksheet_write_string (sheet, row, 2, line->unit, text);
      worksheet_write_number (sheet, row, 3, line->in_year, number);
      worksheet_write_number (sheet, row, 4, line->to_date, number);
      if (line->has_target)
        worksheet_write_number (sheet, row, 5, line->target, number);
      else
        worksheet_write_blank (sheet, row, 5, text);
      worksheet_write_string (sheet, row, 6, done, text);
    }

  err = workbook_close (workbook);
  if (err != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path, lxw_strerror (err));
      return FALSE;
    }
  return TRUE;
}

FzDocument *
fz_report_to_document (FzReport  *report,
                       GError   **error)
{
  /* A report to the city holds figures, no personal data: internal. */
  g_autoptr(FzDocument) doc = fz_document_new (FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_PORTRAIT);
  g_autofree char *title = g_strdup_printf ("%s%d年残疾人就业工作落实情况", report->county_name, report->year);
  g_autofree char *subtitle = g_strdup_printf ("依据《%s》 统计至%d年12月31日", report->plan_title, report->year);
  FzDocumentTable *table;

  fz_document_set_title (doc, title);
  fz_document_set_subtitle (doc, subtitle);
  table = fz_document_add_table (doc);
  fz_document_table_add_column (table, "指标", 3.2, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "所属措施", 2, FZ_ALIGN_START, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "单位", 0.8, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "当年", 1, FZ_ALIGN_END, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "累计", 1, FZ_ALIGN_END, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "目标", 1, FZ_ALIGN_END, FZ_FIELD_PLAIN);
  fz_document_table_add_column (table, "完成情况", 1.2, FZ_ALIGN_CENTER, FZ_FIELD_PLAIN);
  for (guint i = 0; i < report->lines->len; i++)
    {
      FzReportLine *line = g_ptr_array_index (report->lines, i);
      gboolean percent = line->kind == FZ_TARGET_PERCENT;
      g_autofree char *in_year = g_strdup_printf (percent ? "%.1f" : "%.0f", line->in_year);
      g_autofree char *to_date = g_strdup_printf (percent ? "%.1f" : "%.0f", line->to_date);
      g_autofree char *target = line->has_target ? g_strdup_printf (percent ? "%.1f" : "%.0f", line->target) : g_strdup ("—");
      g_autofree char *done = completion (line);

      fz_document_table_add_row (table, line->title, line->measure_title ? line->measure_title : "方案目标",
                                 line->unit, in_year, to_date, target, done);
    }
  {
    g_autofree char *footer = g_strdup_printf ("填报：%s    生成时间：%s", report->operator_name, report->generated);
    fz_document_add_paragraph (doc, footer, FZ_ALIGN_END);
  }
  return g_steal_pointer (&doc);
}

gboolean
fz_report_write (FzReport    *report,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".json"))
    return fz_report_write_json (report, path, error);
  if (g_str_has_suffix (lower, ".xlsx"))
    return fz_report_write_xlsx (report, path, error);
  if (g_str_has_suffix (lower, ".pdf"))
    {
      g_autoptr(FzDocument) doc = fz_report_to_document (report, error);
      return doc != NULL && fz_document_render_pdf (doc, path, error);
    }
  g_set_error (error, FZ_REPORT_ERROR, FZ_REPORT_ERROR_FORMAT,
               _("%s: the report is written as .pdf, .xlsx, or .json for the city"), path);
  return FALSE;
}

/* Reading: every missing or wrong field names the file and the field. */

static gboolean
invalid (GError    **error,
         const char *path,
         const char *field,
         const char *what)
{
  g_set_error (error, FZ_REPORT_ERROR, FZ_REPORT_ERROR_INVALID, "%s: %s: %s", path, field, what);
  return FALSE;
}

static const char *
get_string (JsonObject  *object,
            const char  *member,
            gboolean     nullable,
            const char  *path,
            const char  *field,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node && JSON_NODE_HOLDS_NULL (node) && nullable)
    return NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      invalid (error, path, field, _("missing, or not text"));
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
get_number (JsonObject  *object,
            const char  *member,
            double      *value,
            gboolean    *present,
            const char  *path,
            const char  *field,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  if (present)
    *present = FALSE;
  if (node && JSON_NODE_HOLDS_NULL (node) && present)
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return invalid (error, path, field, _("missing, or not a number"));
  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return invalid (error, path, field, _("missing, or not a number"));
  *value = json_node_get_double (node);
  if (*value < 0)
    return invalid (error, path, field, _("is negative"));
  if (present)
    *present = TRUE;
  return TRUE;
}

FzReport *
fz_report_read_json (const char  *path,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(FzReport) report = report_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root, *county, *plan;
  JsonArray *figures;
  JsonNode *node;
  const char *s;
  double year = 0;

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      g_set_error (error, FZ_REPORT_ERROR, FZ_REPORT_ERROR_INVALID,
                   _("%s: not a report file: %s"), path, local_error->message);
      return NULL;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, path, "format", _("not a report file"));
      return NULL;
    }
  root = json_node_get_object (node);
  s = get_string (root, "format", FALSE, path, "format", error);
  if (s == NULL)
    return NULL;
  if (!g_str_equal (s, REPORT_FORMAT))
    {
      invalid (error, path, "format", _("not a Fuzhu annual report"));
      return NULL;
    }
  if (json_object_get_int_member_with_default (root, "version", 0) > REPORT_VERSION)
    {
      invalid (error, path, "version", _("made by a newer Fuzhu; install it to import this file"));
      return NULL;
    }
  if (!get_number (root, "year", &year, NULL, path, "year", error))
    return NULL;
  report->year = (int) year;
  if (year != report->year || report->year < 2000 || report->year > 2100)
    {
      invalid (error, path, "year", _("not a year"));
      return NULL;
    }

  county = object_member (root, "county");
  plan = object_member (root, "plan");
  if (county == NULL)
    {
      invalid (error, path, "county", _("missing"));
      return NULL;
    }
  if (plan == NULL)
    {
      invalid (error, path, "plan", _("missing"));
      return NULL;
    }
  if (!(s = get_string (county, "code", FALSE, path, "county.code", error)))
    return NULL;
  report->county_code = g_strdup (s);
  if (!(s = get_string (county, "name", FALSE, path, "county.name", error)))
    return NULL;
  report->county_name = g_strdup (s);
  if (!(s = get_string (plan, "id", FALSE, path, "plan.id", error)))
    return NULL;
  report->plan_id = g_strdup (s);
  if (!(s = get_string (plan, "title", FALSE, path, "plan.title", error)))
    return NULL;
  report->plan_title = g_strdup (s);
  report->generated = g_strdup (json_object_get_string_member_with_default (root, "generated", ""));
  report->operator_name = g_strdup (json_object_get_string_member_with_default (root, "operator", ""));

  figures = array_member (root, "figures");
  if (figures == NULL)
    {
      invalid (error, path, "figures", _("missing"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (figures); i++)
    {
      JsonNode *item = json_array_get_element (figures, i);
      g_autofree char *field = NULL;
      FzReportLine *line;
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          field = g_strdup_printf ("figures[%u]", i);
          invalid (error, path, field, _("not a figure"));
          return NULL;
        }
      o = json_node_get_object (item);
      line = g_new0 (FzReportLine, 1);
      g_ptr_array_add (report->lines, line);

#define FIELD(name) (g_free (field), field = g_strdup_printf ("figures[%u].%s", i, name))
      if (!(s = get_string (o, "id", FALSE, path, FIELD ("id"), error)))
        return NULL;
      line->figure_id = g_strdup (s);
      if (!(s = get_string (o, "title", FALSE, path, FIELD ("title"), error)))
        return NULL;
      line->title = g_strdup (s);
      if (!(s = get_string (o, "unit", FALSE, path, FIELD ("unit"), error)))
        return NULL;
      line->unit = g_strdup (s);
      s = get_string (o, "measure", TRUE, path, FIELD ("measure"), error);
      if (s == NULL && error && *error)
        return NULL;
      line->measure_title = g_strdup (s);
      if (!(s = get_string (o, "kind", FALSE, path, FIELD ("kind"), error)))
        return NULL;
      if (!g_str_equal (s, "count") && !g_str_equal (s, "percent"))
        {
          invalid (error, path, field, _("must be “count” or “percent”"));
          return NULL;
        }
      line->kind = g_str_equal (s, "percent") ? FZ_TARGET_PERCENT : FZ_TARGET_COUNT;
      if (!get_number (o, "in_year", &line->in_year, NULL, path, FIELD ("in_year"), error) ||
          !get_number (o, "to_date", &line->to_date, NULL, path, FIELD ("to_date"), error) ||
          !get_number (o, "target", &line->target, &line->has_target, path, FIELD ("target"), error))
        return NULL;
#undef FIELD
    }
  return g_steal_pointer (&report);
}

typedef struct {
  FzReport   *report;
  const char *source;
  gboolean    replaced;
} ImportData;

static gboolean
import_txn (FzDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  ImportData *data = user_data;
  FzReport *report = data->report;
  g_autoptr(FzStatement) insert = NULL;
  gboolean found = FALSE;

  if (!fz_database_query_int64 (db, "SELECT 1 FROM fz_county WHERE code = ?1",
                                g_variant_new ("(s)", report->county_code), NULL, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, FZ_REPORT_ERROR, FZ_REPORT_ERROR_INVALID, "%s: county.code: %s",
                   data->source, _("not a county of this city"));
      return FALSE;
    }
  if (!fz_database_query_int64 (db, "SELECT 1 FROM fz_report_received WHERE county_code = ?1 AND year = ?2",
                                g_variant_new ("(si)", report->county_code, report->year), NULL,
                                &data->replaced, error))
    return FALSE;
  /* Importing the same county and year again replaces it, never doubles it. */
  if (!fz_database_execute (db, "DELETE FROM fz_report_received WHERE county_code = ?1 AND year = ?2",
                            g_variant_new ("(si)", report->county_code, report->year), error) ||
      !fz_database_execute (db,
                            "INSERT INTO fz_report_received (county_code, year, plan, generated, operator, source) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            g_variant_new ("(sissss)", report->county_code, report->year, report->plan_id,
                                           report->generated, report->operator_name, data->source),
                            error))
    return FALSE;

  insert = fz_database_prepare (db,
                                "INSERT INTO fz_report_figure (county_code, year, figure_id, position, title, unit, "
                                "measure_title, kind, in_year, to_date, target) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < report->lines->len; i++)
    {
      FzReportLine *line = g_ptr_array_index (report->lines, i);

      fz_statement_reset (insert);
      if (!fz_statement_bind (insert,
                              g_variant_new ("(sisissmssddmd)", report->county_code, report->year, line->figure_id,
                                             (gint32) i, line->title, line->unit, line->measure_title,
                                             line->kind == FZ_TARGET_PERCENT ? "percent" : "count",
                                             line->in_year, line->to_date, line->has_target, line->target),
                              error) ||
          !fz_statement_run (insert, error))
        {
          g_prefix_error (error, "%s: figures[%u]: ", data->source, i);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
fz_report_import (FzDatabase  *db,
                  FzReport    *report,
                  const char  *source,
                  gboolean    *replaced,
                  GError     **error)
{
  ImportData data = { report, source, FALSE };

  if (!fz_database_transaction (db, import_txn, &data, error))
    return FALSE;
  if (replaced)
    *replaced = data.replaced;
  return TRUE;
}

GArray *
fz_report_imported_years (FzDatabase  *db,
                          GError     **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(FzStatement) st = fz_database_query (db, "SELECT DISTINCT year FROM fz_report_received ORDER BY year DESC",
                                                 NULL, error);
  g_autoptr(GError) local_error = NULL;

  if (st == NULL)
    return NULL;
  while (fz_statement_step (st, &local_error))
    {
      int y = (int) fz_statement_get_int64 (st, 0);
      g_array_append_val (years, y);
    }
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&years);
}
