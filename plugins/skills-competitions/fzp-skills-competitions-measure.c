/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-skills-competitions-commands.h"
#include "fzp-skills-competitions-data.h"
#include "fzp-skills-competitions-documents.h"
#include "fzp-skills-competitions-indicators.h"
#include "fzp-skills-competitions-measure.h"
#include "fzp-skills-competitions-page.h"

struct _FzpSkillsCompetitionsMeasure
{
  GObject parent_instance;
};

static void measure_iface_init (FzMeasureInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FzpSkillsCompetitionsMeasure, fzp_skills_competitions_measure, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FZ_TYPE_MEASURE, measure_iface_init))

static const FzMeasureInfo info = {
  .id = FZP_SKILLS_COMPETITIONS_ID,
  .title = N_("Skills Competitions"),
  .icon_name = "starred-symbolic",
  .clause = "二(八)",
  .gettext_domain = GETTEXT_PACKAGE,
  .migrations = fzp_skills_competitions_migrations,
  .indicators = fzp_skills_competitions_indicators,
  .n_indicators = FZP_SKILLS_COMPETITIONS_N_INDICATORS,
  .commands = fzp_skills_competitions_commands,
  .documents = fzp_skills_competitions_documents,
  .n_documents = FZP_SKILLS_COMPETITIONS_N_DOCUMENTS,
};

static const FzMeasureInfo *
get_info (FzMeasure *measure)
{
  static FzMeasureInfo filled;

  /* The counts of arrays defined in other files are known at run time. */
  if (filled.id == NULL)
    {
      filled = info;
      filled.n_migrations = fzp_skills_competitions_n_migrations;
      filled.n_commands = fzp_skills_competitions_n_commands;
    }
  return &filled;
}

static GtkWidget *
create_page (FzMeasure *measure,
             FzContext *context)
{
  return fzp_skills_competitions_page_new (context);
}

static gboolean
compute_indicators (FzMeasure          *measure,
                    FzContext          *context,
                    int                 year,
                    FzIndicatorValues  *values,
                    GError            **error)
{
  return fzp_skills_competitions_compute_indicators (context, year, values, error);
}

static int
run_command (FzMeasure  *measure,
             FzContext  *context,
             int         argc,
             char      **argv,
             GError    **error)
{
  return fzp_skills_competitions_run_command (context, argc, argv, error);
}

static FzDocument *
build_document (FzMeasure             *measure,
                FzContext             *context,
                const FzDocumentInfo  *doc_info,
                GHashTable            *params,
                GError               **error)
{
  return fzp_skills_competitions_build_document (context, doc_info, params, error);
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
fzp_skills_competitions_measure_class_init (FzpSkillsCompetitionsMeasureClass *klass)
{
}

static void
fzp_skills_competitions_measure_init (FzpSkillsCompetitionsMeasure *self)
{
}
