/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fuzhu.h"
#include "fzp-gongfu-workshops-data.h"

G_BEGIN_DECLS

/* A temporary database with the build tree's plugins loaded (so the
 * measure's schema is applied as it is for users), a synthetic city of
 * persons and organizations, and helpers to make workshops. */
typedef struct {
  char            *dir;
  FzDatabase      *db;
  FzContext       *context;
  FzPluginManager *manager;
  GPtrArray       *persons;        /* FzPerson, the first of the demo city */
  GPtrArray       *organizations;  /* FzOrganization */
} GwFixture;

void        gw_fixture_setup    (GwFixture     *f,
                                 gconstpointer  data);
void        gw_fixture_teardown (GwFixture     *f,
                                 gconstpointer  data);
/* The build tree's plugins folder. */
const char *gw_plugin_dir       (void);
/* @iso as a date; "" or NULL gives an invalid (cleared) date. */
GDate       gw_date             (const char    *iso);
FzPerson   *gw_person           (GwFixture     *f,
                                 guint          index);
gint64      gw_person_id        (GwFixture     *f,
                                 guint          index);
/* Adds a village workshop in @county opened on @opened; asserts it worked. */
gint64      gw_add_workshop     (GwFixture     *f,
                                 const char    *name,
                                 const char    *county,
                                 const char    *opened);
/* Joins, asserting it worked; returns the spell. */
gint64      gw_join             (GwFixture     *f,
                                 gint64         workshop_id,
                                 guint          person,
                                 const char    *joined);
/* Records one month's pay, asserting it worked. */
void        gw_pay              (GwFixture     *f,
                                 gint64         workshop_id,
                                 guint          year,
                                 guint          month,
                                 guint          person,
                                 FzpGongfuWorkshopsBasis basis,
                                 double         quantity,
                                 gint64         fen);
/* The current year, and a year safely in the past for dated tests. */
guint       gw_this_year        (void);

G_END_DECLS
