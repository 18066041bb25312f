/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-database.h"

G_BEGIN_DECLS

/* The schema steps of libfuzhu's subsystems, applied by fz_database_open(). */
extern const FzMigration _fz_targets_migrations[];
extern const guint       _fz_targets_n_migrations;

G_END_DECLS

G_BEGIN_DECLS
extern const FzMigration _fz_report_migrations[];
extern const guint       _fz_report_n_migrations;
G_END_DECLS

G_BEGIN_DECLS
/* Binds libfuzhu's gettext domain ($FUZHU_LOCALEDIR for a build tree). */
void _fz_i18n_init (void);
G_END_DECLS

G_BEGIN_DECLS
extern const FzMigration _fz_rules_migrations[];
extern const guint       _fz_rules_n_migrations;
G_END_DECLS
