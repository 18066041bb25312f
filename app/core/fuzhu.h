/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The one header a plugin includes. */

#define FUZHU_INSIDE
# include "fz-version.h"
# include "fz-types.h"
# include "fz-database.h"
# include "fz-backup.h"
# include "fz-access.h"
# include "fz-audit.h"
# include "fz-context.h"
# include "fz-county.h"
# include "fz-measure.h"
# include "fz-command.h"
# include "fz-plugin-manager.h"
# include "fz-targets.h"
# include "fz-figures.h"
# include "fz-i18n.h"
# include "fz-report.h"
# include "fz-rules.h"
# include "fz-format.h"
# include "fz-document.h"
# include "fz-document-registry.h"
# include "fz-certificate-register.h"
# include "fz-validate.h"
# include "fz-table.h"
# include "fz-person.h"
# include "fz-organization.h"
# include "fz-registry.h"
# include "fz-demo.h"
#undef FUZHU_INSIDE
