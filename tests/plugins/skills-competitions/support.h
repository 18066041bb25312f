/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"
#include "fzp-skills-competitions-data.h"

G_BEGIN_DECLS

/* What the tests of the plugin share: a temporary database with the
 * build tree's plugins loaded (so that the plugin's migrations are
 * applied), persons from the demo city, and a competition to work on. */

typedef struct {
  char            *dir;
  char            *path;
  FzDatabase      *db;
  FzContext       *context;
  FzPluginManager *manager;
  GPtrArray       *persons;   /* FzPerson, from fz_demo */
} Fixture;

void        support_setup            (Fixture       *f,
                                      gconstpointer  data);
void        support_teardown         (Fixture       *f,
                                      gconstpointer  data);

/* The demo person @index (0 to 39). */
FzPerson   *support_person           (Fixture       *f,
                                      guint          index);
/* Adds a competition "2025年衢州市残疾人职业技能竞赛" (city level, 2025-10-18 to
 * 2025-10-19) and returns its id. */
gint64      support_competition      (Fixture       *f);
/* Adds an event with @n_judges judges from @preset (NULL: the default). */
gint64      support_event            (Fixture       *f,
                                      gint64         competition_id,
                                      const char    *name,
                                      guint          n_judges,
                                      const char    *preset);
/* Enters demo persons @first … @first + @n - 1 in @event_id, numbers 1 … n;
 * returns their entrant ids (free with g_free). */
gint64     *support_enter            (Fixture       *f,
                                      gint64         event_id,
                                      guint          first,
                                      guint          n);
/* Sets the scores of one entrant, judges in order, as "95.5" texts. */
void        support_scores           (Fixture       *f,
                                      gint64         entrant_id,
                                      ...) G_GNUC_NULL_TERMINATED;
/* A published competition of two events: 盲人按摩 (10 entrants, 5 judges,
 * shares 10/20/30 %) and 电子商务 (4 entrants, 3 judges, counts 1/1/1),
 * every entrant scored, awards computed. Returns its id. */
gint64      support_published        (Fixture       *f,
                                      gboolean       publish);

/* Writes @text to a new file @name in the fixture's folder. */
char       *support_write            (Fixture       *f,
                                      const char    *name,
                                      const char    *text);

/* poppler's pdftotext of @path, pages separated by \f; NULL (and the test
 * skipped) when poppler-utils are missing. */
char       *support_pdf_text         (const char    *path);

G_END_DECLS
