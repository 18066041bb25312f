/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"

G_BEGIN_DECLS

/* What the plugin's tests share: a temporary database with the build
 * tree's plugins loaded, and persons made to measure. */

typedef struct {
  char            *dir;
  FzDatabase      *db;
  FzContext       *context;
  FzPluginManager *manager;
  FzRegistry      *registry;
} WpFixture;

void      wp_fixture_setup    (WpFixture     *f,
                               gconstpointer  data);
void      wp_fixture_teardown (WpFixture     *f,
                               gconstpointer  data);

/* A valid identity number of @county (6 digits), born @birth (YYYYMMDD),
 * male when @male. Each call gives another sequence number. */
char     *wp_identity_number  (const char    *county,
                               const char    *birth,
                               gboolean       male);
/* Registers a person; @employment_date may be NULL. Returns the identity number. */
char     *wp_add_person       (WpFixture          *f,
                               const char         *name,
                               const char         *county,
                               const char         *birth,
                               gboolean            male,
                               guint               category,
                               guint               grade,
                               FzEmploymentStatus  status,
                               const char         *employment_date);
/* Adds a post and returns its code. */
char     *wp_add_post         (WpFixture     *f,
                               const char    *county,
                               guint          places,
                               const char    *created);
/* Runs the built fuzhu on the fixture's database with the fixture's XDG
 * folders; returns its exit status, @out and @err (may be NULL) its output. */
int       wp_fuzhu            (WpFixture     *f,
                               char         **out,
                               char         **err,
                               const char    *first,
                               ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
