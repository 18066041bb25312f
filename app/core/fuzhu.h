/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The one header a plugin includes. */

#define FUZHU_INSIDE
# include "fz-version.h"
# include "fz-types.h"
# include "fz-database.h"
# include "fz-context.h"
# include "fz-measure.h"
# include "fz-plugin-manager.h"
# include "fz-validate.h"
# include "fz-table.h"
# include "fz-person.h"
# include "fz-organization.h"
# include "fz-registry.h"
# include "fz-demo.h"
#undef FUZHU_INSIDE
