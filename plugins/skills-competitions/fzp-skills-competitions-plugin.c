/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-skills-competitions"

#include "config.h"

#include <libpeas/peas.h>

#include "fzp-skills-competitions-measure.h"

/* Type registration only: libpeas calls this when the module is opened. */
G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  peas_object_module_register_extension_type (module, FZ_TYPE_MEASURE, FZP_TYPE_SKILLS_COMPETITIONS_MEASURE);
}
