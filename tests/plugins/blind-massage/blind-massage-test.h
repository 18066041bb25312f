/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

/* What the measure's tests share: a temporary database with the build
 * tree's plugins loaded, and persons of the registry made to order. */

typedef struct {
  char            *dir;
  char            *path;
  FzDatabase      *db;
  FzContext       *context;
  FzPluginManager *manager;
} BmFixture;

void        bm_fixture_setup    (BmFixture     *f,
                                 gconstpointer  data);
void        bm_fixture_teardown (BmFixture     *f,
                                 gconstpointer  data);
FzMeasure  *bm_fixture_measure  (BmFixture     *f);

/* Adds a person born on @birth (YYYYMMDD) in @county (a code) with a
 * certificate of @category (1 visual...) and grade 1; returns the identity
 * number (static, until the next call). @serial (1–499) keeps numbers apart. */
const char *bm_add_person       (FzContext     *context,
                                 const char    *name,
                                 const char    *county,
                                 const char    *birth,
                                 guint          serial,
                                 guint          category);
GDate       bm_day              (int            year,
                                 int            month,
                                 int            day);

G_END_DECLS
