/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "fz-database.h"

G_BEGIN_DECLS

/* For libfuzhu's own use (backup, bulk import): plugins never see it. */
sqlite3 *_fz_database_get_handle (FzDatabase  *self);
void     _fz_database_set_error  (FzDatabase  *self,
                                  GError     **error,
                                  int          rc,
                                  const char  *doing);

/* How long a connection waits for another one's write lock. */
#define FZ_DATABASE_BUSY_TIMEOUT_MS 5000

/* Opens the existing file @path read-write as it is: nothing created, no
 * journal mode set, no schema applied. For checking a file and for backups. */
FzDatabase *_fz_database_open_plain          (const char  *path,
                                              GError     **error);
/* Fails with TOO_NEW when libfuzhu's own data in @self (any core owner) is
 * newer than this code; a file without fz_schema passes (version 0). */
gboolean    _fz_database_check_core_versions (FzDatabase  *self,
                                              GError     **error);

G_END_DECLS
