/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fzp-rural-bases"

#include "config.h"

#include <libpeas/peas.h>

#include "fzp-rural-bases-measure.h"

/* Type registration only: libpeas calls this when the module is opened. */
G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  peas_object_module_register_extension_type (module, FZ_TYPE_MEASURE, FZP_TYPE_RURAL_BASES_MEASURE);
}
