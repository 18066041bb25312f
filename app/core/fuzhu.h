/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The one header a plugin includes. */

#define FUZHU_INSIDE
# include "fz-version.h"
# include "fz-types.h"
# include "fz-database.h"
# include "fz-backup.h"
# include "fz-context.h"
# include "fz-county.h"
# include "fz-measure.h"
# include "fz-plugin-manager.h"
#undef FUZHU_INSIDE
