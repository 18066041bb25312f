/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "fzp-skills-competitions-page.h"

struct _FzpSkillsCompetitionsPage
{
  AdwBin     parent_instance;
  FzContext *context;
};

G_DEFINE_FINAL_TYPE (FzpSkillsCompetitionsPage, fzp_skills_competitions_page, ADW_TYPE_BIN)

static void
fzp_skills_competitions_page_dispose (GObject *object)
{
  FzpSkillsCompetitionsPage *self = FZP_SKILLS_COMPETITIONS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZP_TYPE_SKILLS_COMPETITIONS_PAGE);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (fzp_skills_competitions_page_parent_class)->dispose (object);
}

static void
fzp_skills_competitions_page_class_init (FzpSkillsCompetitionsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fzp_skills_competitions_page_dispose;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/org/fuzhu/Fuzhu/plugins/skills-competitions/fzp-skills-competitions-page.ui");
}

static void
fzp_skills_competitions_page_init (FzpSkillsCompetitionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fzp_skills_competitions_page_new (FzContext *context)
{
  FzpSkillsCompetitionsPage *self = g_object_new (FZP_TYPE_SKILLS_COMPETITIONS_PAGE, NULL);

  self->context = g_object_ref (context);
  return GTK_WIDGET (self);
}
