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

G_END_DECLS
