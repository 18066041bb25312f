/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-rural-bases-commands.h"
#include "fzp-rural-bases-documents.h"
#include "fzp-rural-bases-measure.h"
#include "fzp-rural-bases-page.h"
#include "fzp-rural-bases-store.h"

struct _FzpRuralBasesMeasure
{
  GObject parent_instance;
};

static void measure_iface_init (FzMeasureInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FzpRuralBasesMeasure, fzp_rural_bases_measure, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FZ_TYPE_MEASURE, measure_iface_init))

/* Per county and year. The bases and the persons at them are levels (as
 * they stand each year, never added up over years); persons trained add up
 * (person-times). Persons employed at bases count toward the plan's new
 * employment through the registry (employing a person marks them employed
 * there), so no indicator here adds to that target again. */
static const FzIndicatorInfo indicators[] = {
  { "bases", N_("Rural bases"), N_("bases"), NULL, FZ_INDICATOR_LEVEL },
  { "bases-county", N_("County-level rural bases"), N_("bases"), NULL, FZ_INDICATOR_LEVEL },
  { "bases-city", N_("City-level rural bases"), N_("bases"), NULL, FZ_INDICATOR_LEVEL },
  { "bases-province", N_("Provincial rural bases"), N_("bases"), NULL, FZ_INDICATOR_LEVEL },
  { "bases-high-standard", N_("High-standard rural bases"), N_("bases"), NULL, FZ_INDICATOR_LEVEL },
  { "bases-unrecognised", N_("Rural bases not yet recognised"), N_("bases"), NULL, FZ_INDICATOR_LEVEL },
  { "employed", N_("Persons employed at rural bases"), N_("persons"), NULL, FZ_INDICATOR_LEVEL },
  { "helped", N_("Persons helped by rural bases"), N_("persons"), NULL, FZ_INDICATOR_LEVEL },
  { "trained", N_("Persons trained at rural bases"), N_("persons"), NULL, FZ_INDICATOR_SUM },
  { "average-income", N_("Average monthly income at rural bases"), N_("yuan"), NULL,
    FZ_INDICATOR_OWN | FZ_INDICATOR_LEVEL },
};

static const FzMeasureInfo info = {
  .id = FZP_RURAL_BASES_ID,
  .title = N_("Rural Bases"),
  .icon_name = "mark-location-symbolic",
  .clause = "二(六)",
  .gettext_domain = GETTEXT_PACKAGE,
  .migrations = fzp_rural_bases_migrations,
  .n_migrations = 1,
  .indicators = indicators,
  .n_indicators = G_N_ELEMENTS (indicators),
  .commands = fzp_rural_bases_commands,
  .n_commands = 0,
  .documents = fzp_rural_bases_documents,
  .n_documents = 0,
};

static const FzMeasureInfo *
get_info (FzMeasure *measure)
{
  static gsize initialized;
  static FzMeasureInfo complete;

  /* The counts live beside their arrays, in other files. */
  if (g_once_init_enter (&initialized))
    {
      complete = info;
      complete.n_migrations = fzp_rural_bases_n_migrations;
      complete.n_commands = fzp_rural_bases_n_commands;
      complete.n_documents = fzp_rural_bases_n_documents;
      g_once_init_leave (&initialized, 1);
    }
  return &complete;
}

static GtkWidget *
create_page (FzMeasure *measure,
             FzContext *context)
{
  return fzp_rural_bases_page_new (context);
}

static gboolean
compute_indicators (FzMeasure          *measure,
                    FzContext          *context,
                    int                 year,
                    FzIndicatorValues  *values,
                    GError            **error)
{
  return fzp_rural_bases_compute_indicators (context, year, values, error);
}

static int
run_command (FzMeasure  *measure,
             FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  return fzp_rural_bases_run_command (context, argc, argv, error);
}

static FzDocument *
build_document (FzMeasure             *measure,
                FzContext             *context,
                const FzDocumentInfo  *doc_info,
                GHashTable            *params,
                GError               **error)
{
  return fzp_rural_bases_build_document (context, doc_info, params, error);
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
fzp_rural_bases_measure_class_init (FzpRuralBasesMeasureClass *klass)
{
}

static void
fzp_rural_bases_measure_init (FzpRuralBasesMeasure *self)
{
}
