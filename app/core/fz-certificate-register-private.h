/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fz-database.h"

G_BEGIN_DECLS

/* The schema steps of the owner "documents" (the certificate register),
 * applied by fz_database_open() with the core's. The count is a macro
 * because core_owners[] is a static initializer; fz-certificate-register.c
 * asserts that it matches. */
#define FZ_DOCUMENTS_N_MIGRATIONS 1
extern const FzMigration _fz_documents_migrations[FZ_DOCUMENTS_N_MIGRATIONS];

G_END_DECLS
