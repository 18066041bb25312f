/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-gongfu-workshops"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-gongfu-workshops-commands.h"
#include "fzp-gongfu-workshops-data.h"
#include "fzp-gongfu-workshops-documents.h"
#include "fzp-gongfu-workshops-measure.h"
#include "fzp-gongfu-workshops-page.h"

struct _FzpGongfuWorkshopsMeasure
{
  GObject parent_instance;
};

static void measure_iface_init (FzMeasureInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FzpGongfuWorkshopsMeasure, fzp_gongfu_workshops_measure, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FZ_TYPE_MEASURE, measure_iface_init))

/* A released step is never edited: a change is a new step at the end.
 * Money is kept in fen (integers); a spell is one person's time in one
 * workshop, so leaving and joining again keeps the history; the partial
 * index keeps a person in one workshop at a time even against a bug. */
static const FzMigration migrations[] = {
  { 1,
    "CREATE TABLE gongfu_workshops_workshop ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),"
    "  host TEXT NOT NULL CHECK (host IN ('village', 'community', 'home', 'company')),"
    "  host_name TEXT,"
    "  host_organization_id INTEGER REFERENCES fz_organization(id),"
    "  county_code TEXT NOT NULL REFERENCES fz_county(code),"
    "  township TEXT,"
    "  products TEXT,"
    "  proper INTEGER NOT NULL DEFAULT 0 CHECK (proper IN (0, 1)),"
    "  opened TEXT NOT NULL,"
    "  closed TEXT CHECK (closed IS NULL OR closed >= opened),"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "CREATE INDEX gongfu_workshops_workshop_county ON gongfu_workshops_workshop (county_code);"
    "CREATE TABLE gongfu_workshops_partner ("
    "  workshop_id INTEGER NOT NULL REFERENCES gongfu_workshops_workshop(id),"
    "  organization_id INTEGER NOT NULL REFERENCES fz_organization(id),"
    "  PRIMARY KEY (workshop_id, organization_id));"
    "CREATE TABLE gongfu_workshops_spell ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  workshop_id INTEGER NOT NULL REFERENCES gongfu_workshops_workshop(id),"
    "  person_id INTEGER NOT NULL REFERENCES fz_person(id),"
    "  joined TEXT NOT NULL,"
    "  left_on TEXT CHECK (left_on IS NULL OR left_on >= joined),"
    "  leave_reason TEXT,"
    "  created_by TEXT);"
    "CREATE UNIQUE INDEX gongfu_workshops_spell_one_open ON gongfu_workshops_spell (person_id)"
    "  WHERE left_on IS NULL;"
    "CREATE INDEX gongfu_workshops_spell_person ON gongfu_workshops_spell (person_id, joined);"
    "CREATE INDEX gongfu_workshops_spell_workshop ON gongfu_workshops_spell (workshop_id, joined);"
    "CREATE INDEX gongfu_workshops_spell_joined ON gongfu_workshops_spell (joined);"
    "CREATE TABLE gongfu_workshops_pay ("
    "  spell_id INTEGER NOT NULL REFERENCES gongfu_workshops_spell(id),"
    "  month TEXT NOT NULL CHECK (length(month) = 7),"
    "  basis TEXT NOT NULL CHECK (basis IN ('piece', 'hour')),"
    "  quantity REAL NOT NULL CHECK (quantity >= 0),"
    "  amount INTEGER NOT NULL CHECK (amount >= 0),"
    "  note TEXT,"
    "  PRIMARY KEY (spell_id, month));"
    "CREATE INDEX gongfu_workshops_pay_month ON gongfu_workshops_pay (month);"
    "CREATE TABLE gongfu_workshops_order ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  workshop_id INTEGER NOT NULL REFERENCES gongfu_workshops_workshop(id),"
    "  organization_id INTEGER NOT NULL REFERENCES fz_organization(id),"
    "  product TEXT NOT NULL CHECK (length(product) BETWEEN 1 AND 100),"
    "  quantity INTEGER NOT NULL CHECK (quantity > 0),"
    "  value INTEGER NOT NULL CHECK (value >= 0),"
    "  starts TEXT NOT NULL,"
    "  ends TEXT NOT NULL CHECK (ends >= starts));"
    "CREATE INDEX gongfu_workshops_order_workshop ON gongfu_workshops_order (workshop_id, starts);"
    /* The recognition standard of a 残疾人共富车间: no official text was
     * found, so an administrator keeps it; five workers is a placeholder. */
    "CREATE TABLE gongfu_workshops_standard ("
    "  effective_from TEXT PRIMARY KEY,"
    "  min_workers INTEGER NOT NULL CHECK (min_workers >= 0));"
    "INSERT INTO gongfu_workshops_standard VALUES ('1900-01-01', 5);" },
};

/* Workshops and workers are levels at the end of the year; placements, pay
 * and months below the minimum wage are the year's counts, and the city's
 * are the counties' sums; the average is the city's own.
 *
 * Placements do not count toward FZ_TARGET_NEW_EMPLOYMENT: the registry
 * counts new employment from each person's employment date, and a person
 * placed in a workshop is recorded there as employed (集中 or 辅助性就业)
 * by the same staff, so adding them here would count them twice. */
static const FzIndicatorInfo indicators[] = {
  { "workshops", N_("Workshops open"), N_("workshops"), NULL, FZ_INDICATOR_LEVEL },
  { "proper-workshops", N_("Recognised disability workshops open"), N_("workshops"), NULL, FZ_INDICATOR_LEVEL },
  { "workers", N_("Persons with disabilities working in workshops"), N_("persons"), NULL, FZ_INDICATOR_LEVEL },
  { "placements", N_("Persons placed in workshops"), N_("persons"), NULL, FZ_INDICATOR_SUM },
  { "pay-total", N_("Pay to workers in workshops"), N_("yuan"), NULL, FZ_INDICATOR_SUM },
  { "pay-average", N_("Average monthly pay per worker"), N_("yuan"), NULL, FZ_INDICATOR_OWN | FZ_INDICATOR_LEVEL },
  { "below-minimum", N_("Worker-months paid below the minimum wage"), N_("worker-months"), NULL, FZ_INDICATOR_SUM },
};

static FzMeasureInfo info = {
  .id = FZP_GONGFU_WORKSHOPS_OWNER,
  .title = N_("Common-prosperity workshops"),
  .icon_name = "applications-engineering-symbolic",
  .clause = "二(四)",
  .gettext_domain = GETTEXT_PACKAGE,
  .migrations = migrations,
  .n_migrations = G_N_ELEMENTS (migrations),
  .indicators = indicators,
  .n_indicators = G_N_ELEMENTS (indicators),
};

static const FzMeasureInfo *
get_info (FzMeasure *measure)
{
  return &info;
}

static GtkWidget *
create_page (FzMeasure *measure,
             FzContext *context)
{
  return fzp_gongfu_workshops_page_new (context);
}

static void
add_figures (FzIndicatorValues               *values,
             const char                      *county_code,
             const FzpGongfuWorkshopsFigures *figures)
{
  fz_indicator_values_add (values, "workshops", county_code, figures->workshops);
  fz_indicator_values_add (values, "proper-workshops", county_code, figures->proper);
  fz_indicator_values_add (values, "workers", county_code, figures->workers);
  fz_indicator_values_add (values, "placements", county_code, figures->placed);
  fz_indicator_values_add (values, "pay-total", county_code, figures->pay.total_fen / 100.0);
  fz_indicator_values_add (values, "pay-average", county_code,
                           fzp_gongfu_workshops_pay_figures_average (&figures->pay) / 100.0);
  fz_indicator_values_add (values, "below-minimum", county_code, figures->pay.n_below);
}

static gboolean
compute_indicators (FzMeasure          *measure,
                    FzContext          *context,
                    int                 year,
                    FzIndicatorValues  *values,
                    GError            **error)
{
  g_autoptr(GPtrArray) counties = fz_county_list (fz_context_get_database (context), error);
  FzpGongfuWorkshopsScope scope = { 0, NULL, (guint) year, 0 };
  FzpGongfuWorkshopsFigures figures;

  if (counties == NULL)
    return FALSE;
  for (guint i = 0; i < counties->len; i++)
    {
      FzCounty *county = g_ptr_array_index (counties, i);

      scope.county_code = county->code;
      if (!fzp_gongfu_workshops_compute_figures (context, &scope, &figures, error))
        return FALSE;
      add_figures (values, county->code, &figures);
    }
  /* An average is not a sum: the city's is its own. */
  scope.county_code = NULL;
  if (!fzp_gongfu_workshops_compute_figures (context, &scope, &figures, error))
    return FALSE;
  fz_indicator_values_add (values, "pay-average", FZ_CITY_CODE,
                           fzp_gongfu_workshops_pay_figures_average (&figures.pay) / 100.0);
  return TRUE;
}

static int
run_command (FzMeasure  *measure,
             FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  return fzp_gongfu_workshops_run_command (context, argc, argv, error);
}

static FzDocument *
build_document (FzMeasure             *measure,
                FzContext             *context,
                const FzDocumentInfo  *doc_info,
                GHashTable            *params,
                GError               **error)
{
  return fzp_gongfu_workshops_build_document (context, doc_info, params, error);
}

static void
measure_iface_init (FzMeasureInterface *iface)
{
  iface->get_info = get_info;
  iface->create_page = create_page;
  iface->compute_indicators = compute_indicators;
  iface->run_command = run_command;
  iface->build_document = build_document;
}

static void
fzp_gongfu_workshops_measure_class_init (FzpGongfuWorkshopsMeasureClass *klass)
{
  info.commands = fzp_gongfu_workshops_command_infos (&info.n_commands);
  info.documents = fzp_gongfu_workshops_document_infos (&info.n_documents);
}

static void
fzp_gongfu_workshops_measure_init (FzpGongfuWorkshopsMeasure *self)
{
}
