/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-database.h"

G_BEGIN_DECLS

/* The schema steps of libfuzhu's subsystems, applied by fz_database_open(). */
extern const FzMigration _fz_targets_migrations[];
extern const guint       _fz_targets_n_migrations;

G_END_DECLS
