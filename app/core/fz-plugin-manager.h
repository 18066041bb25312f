/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <gio/gio.h>

#include "fz-types.h"
#include "fz-document-registry.h"

G_BEGIN_DECLS

typedef enum {
  FZ_PLUGIN_STATE_LOADED,
  FZ_PLUGIN_STATE_DISABLED,
  FZ_PLUGIN_STATE_FAILED,
} FzPluginState;

/* "loaded", "disabled" or "failed", as `fuzhu plugins` prints it. */
const char     *fz_plugin_state_to_string        (FzPluginState  state);

#define FZ_TYPE_PLUGIN_ENTRY (fz_plugin_entry_get_type ())
G_DECLARE_FINAL_TYPE (FzPluginEntry, fz_plugin_entry, FZ, PLUGIN_ENTRY, GObject)

const char     *fz_plugin_entry_get_id           (FzPluginEntry *self);
/* The measure's title in the user's language, or the .plugin Name when it did not load. */
const char     *fz_plugin_entry_get_title        (FzPluginEntry *self);
const char     *fz_plugin_entry_get_description  (FzPluginEntry *self);
const char     *fz_plugin_entry_get_icon_name    (FzPluginEntry *self);
const char     *fz_plugin_entry_get_module_dir   (FzPluginEntry *self);
FzPluginState   fz_plugin_entry_get_state        (FzPluginEntry *self);
/* Why the plugin failed, in words for the user; NULL unless failed. */
const char     *fz_plugin_entry_get_reason       (FzPluginEntry *self);
/* The measure when loaded, else NULL. */
FzMeasure      *fz_plugin_entry_get_measure      (FzPluginEntry *self);

#define FZ_TYPE_PLUGIN_MANAGER (fz_plugin_manager_get_type ())
G_DECLARE_FINAL_TYPE (FzPluginManager, fz_plugin_manager, FZ, PLUGIN_MANAGER, GObject)

/* A manager that looks in $FUZHU_PLUGIN_PATH (':'-separated, for the build
 * tree), $XDG_DATA_HOME/fuzhu/plugins and the installed plugin folder, in
 * that order: the first plugin of a given id wins. */
FzPluginManager *fz_plugin_manager_new           (FzContext        *context);
/* A manager that looks in @paths only (tests). */
FzPluginManager *fz_plugin_manager_new_for_paths (FzContext        *context,
                                                  const char *const *paths);
FzContext       *fz_plugin_manager_get_context   (FzPluginManager  *self);
/* Finds every plugin and loads those not disabled: checks the ABI, opens the
 * module, creates its measure and applies its migrations. A plugin that fails
 * any step is kept as FAILED with its reason; the others go on. */
void             fz_plugin_manager_load_all      (FzPluginManager  *self);
/* A list model of FzPluginEntry, sorted by id. */
GListModel      *fz_plugin_manager_get_plugins   (FzPluginManager  *self);
FzPluginEntry   *fz_plugin_manager_find          (FzPluginManager  *self,
                                                  const char       *id);
/* The loaded measures, in sidebar order (by title). Free the array. */
GPtrArray       *fz_plugin_manager_list_measures (FzPluginManager  *self);
/* The documents the core and the loaded measures offer, named
 * "<owner>/<id>" (owner "core" for libfuzhu's own). Owned by the manager. */
FzDocumentRegistry *fz_plugin_manager_get_documents (FzPluginManager *self);
/* Builds the document @name (see above) with @params (NAME -> VALUE). */
FzDocument      *fz_plugin_manager_build_document (FzPluginManager  *self,
                                                   const char       *name,
                                                   GHashTable       *params,
                                                   GError          **error);
/* Marks the loaded plugin @id as failed, for @reason, until the next start:
 * its measure goes (its page, documents and figures with it), the others
 * stay. For what goes wrong after loading, such as a page that cannot be
 * built. */
void             fz_plugin_manager_fail          (FzPluginManager  *self,
                                                  const char       *id,
                                                  const char       *reason);
/* Enables or disables @id now, and remembers it in the settings. */
gboolean         fz_plugin_manager_set_enabled   (FzPluginManager  *self,
                                                  const char       *id,
                                                  gboolean          enabled,
                                                  GError          **error);

G_END_DECLS
