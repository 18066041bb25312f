/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fzp-skills-competitions-row.h"

struct _FzpSkillsCompetitionsRow
{
  GObject   parent_instance;
  gint64    id;
  guint     number;
  char     *number_text;
  char     *name;
  char     *county;
  char     *organization;
  char     *final;
  char     *rank;
  char     *award;        /* as stored */
  char     *award_text;   /* as shown: ※ when changed by hand */
  gboolean  absent;
  guint     n_judges;
  char    **scores;       /* text per seat, "" for none */
  int       dropped_high;
  int       dropped_low;
};

G_DEFINE_FINAL_TYPE (FzpSkillsCompetitionsRow, fzp_skills_competitions_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_NAME,
  PROP_COUNTY,
  PROP_ORGANIZATION,
  PROP_FINAL,
  PROP_RANK,
  PROP_AWARD,
  PROP_ABSENT,
  N_PROPS
};

enum {
  SCORES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
fzp_skills_competitions_row_finalize (GObject *object)
{
  FzpSkillsCompetitionsRow *self = FZP_SKILLS_COMPETITIONS_ROW (object);

  g_free (self->number_text);
  g_free (self->name);
  g_free (self->county);
  g_free (self->organization);
  g_free (self->final);
  g_free (self->rank);
  g_free (self->award);
  g_free (self->award_text);
  g_strfreev (self->scores);
  G_OBJECT_CLASS (fzp_skills_competitions_row_parent_class)->finalize (object);
}

static void
fzp_skills_competitions_row_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  FzpSkillsCompetitionsRow *self = FZP_SKILLS_COMPETITIONS_ROW (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_string (value, self->number_text);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COUNTY:
      g_value_set_string (value, self->county);
      break;
    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;
    case PROP_FINAL:
      g_value_set_string (value, self->final);
      break;
    case PROP_RANK:
      g_value_set_string (value, self->rank);
      break;
    case PROP_AWARD:
      g_value_set_string (value, self->award_text);
      break;
    case PROP_ABSENT:
      g_value_set_boolean (value, self->absent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fzp_skills_competitions_row_class_init (FzpSkillsCompetitionsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fzp_skills_competitions_row_finalize;
  object_class->get_property = fzp_skills_competitions_row_get_property;

#define STRING_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)
  STRING_PROP (PROP_NUMBER, "number");
  STRING_PROP (PROP_NAME, "name");
  STRING_PROP (PROP_COUNTY, "county");
  STRING_PROP (PROP_ORGANIZATION, "organization");
  STRING_PROP (PROP_FINAL, "final");
  STRING_PROP (PROP_RANK, "rank");
  STRING_PROP (PROP_AWARD, "award");
#undef STRING_PROP
  properties[PROP_ABSENT] = g_param_spec_boolean ("absent", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SCORES_CHANGED] = g_signal_new ("scores-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fzp_skills_competitions_row_init (FzpSkillsCompetitionsRow *self)
{
  self->dropped_high = self->dropped_low = -1;
}

/* Replaces *@field with @value; notifies @prop when it differs. */
static void
set_text (FzpSkillsCompetitionsRow  *self,
          char                     **field,
          char                      *value,
          guint                      prop)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
  if (prop)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
fzp_skills_competitions_row_update (FzpSkillsCompetitionsRow           *self,
                                    const FzpSkillsCompetitionsEntrant *e)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) scores = NULL;
  gboolean scores_changed;

  self->id = e->id;
  self->number = e->number;
  set_text (self, &self->number_text, g_strdup_printf ("%u", e->number), PROP_NUMBER);
  set_text (self, &self->name, g_strdup (e->name), PROP_NAME);
  set_text (self, &self->county, g_strdup (e->county_name), PROP_COUNTY);
  set_text (self, &self->organization, g_strdup (e->organization ? e->organization : ""), PROP_ORGANIZATION);
  set_text (self, &self->final, e->absent ? g_strdup (_("Absent"))
                                : e->has_final ? fzp_skills_competitions_format_score (e->final_score) : g_strdup (""),
            PROP_FINAL);
  set_text (self, &self->rank, e->rank ? g_strdup_printf ("%u", e->rank) : g_strdup (""), PROP_RANK);
  set_text (self, &self->award, g_strdup (e->award), 0);
  set_text (self, &self->award_text, e->award ? g_strdup_printf ("%s%s", e->award, e->award_manual ? " ※" : "")
                                              : g_strdup (""), PROP_AWARD);
  if (self->absent != e->absent)
    {
      self->absent = e->absent;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ABSENT]);
    }

  for (guint i = 0; i < e->n_judges; i++)
    {
      g_autofree char *text = e->has_score[i] ? fzp_skills_competitions_format_score (e->scores[i]) : g_strdup ("");
      g_strv_builder_add (builder, text);
    }
  scores = g_strv_builder_end (builder);
  scores_changed = self->scores == NULL || !g_strv_equal ((const char * const *) scores, (const char * const *) self->scores) ||
                   self->dropped_high != e->dropped_high || self->dropped_low != e->dropped_low;
  g_strfreev (self->scores);
  self->scores = g_steal_pointer (&scores);
  self->n_judges = e->n_judges;
  self->dropped_high = e->dropped_high;
  self->dropped_low = e->dropped_low;
  if (scores_changed)
    g_signal_emit (self, signals[SCORES_CHANGED], 0);
}

FzpSkillsCompetitionsRow *
fzp_skills_competitions_row_new (const FzpSkillsCompetitionsEntrant *entrant)
{
  FzpSkillsCompetitionsRow *self = g_object_new (FZP_TYPE_SKILLS_COMPETITIONS_ROW, NULL);

  fzp_skills_competitions_row_update (self, entrant);
  return self;
}

gint64
fzp_skills_competitions_row_get_id (FzpSkillsCompetitionsRow *self)
{
  return self->id;
}

guint
fzp_skills_competitions_row_get_number (FzpSkillsCompetitionsRow *self)
{
  return self->number;
}

const char *
fzp_skills_competitions_row_get_name (FzpSkillsCompetitionsRow *self)
{
  return self->name;
}

const char *
fzp_skills_competitions_row_get_award (FzpSkillsCompetitionsRow *self)
{
  return self->award;
}

gboolean
fzp_skills_competitions_row_get_absent (FzpSkillsCompetitionsRow *self)
{
  return self->absent;
}

char *
fzp_skills_competitions_row_dup_score (FzpSkillsCompetitionsRow *self,
                                       guint                     seat)
{
  if (seat < 1 || seat > self->n_judges)
    return g_strdup ("");
  return g_strdup (self->scores[seat - 1]);
}

gboolean
fzp_skills_competitions_row_is_dropped (FzpSkillsCompetitionsRow *self,
                                        guint                     seat)
{
  return (int) seat - 1 == self->dropped_high || (int) seat - 1 == self->dropped_low;
}
