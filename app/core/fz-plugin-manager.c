/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-plugins"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include "fz-access-private.h"
#include "fz-context.h"
#include "fz-county.h"
#include "fz-document.h"
#include "fz-report.h"
#include "fz-database.h"
#include "fz-measure.h"
#include "fz-plugin-manager.h"
#include "fz-version.h"

struct _FzPluginEntry
{
  GObject         parent_instance;
  PeasPluginInfo *info;      /* owned by the engine */
  FzPluginState   state;
  char           *reason;
  FzMeasure      *measure;
};

G_DEFINE_TYPE (FzPluginEntry, fz_plugin_entry, G_TYPE_OBJECT)

struct _FzPluginManager
{
  GObject     parent_instance;
  FzContext  *context;
  PeasEngine *engine;
  GListStore *entries;
  GString    *peas_messages; /* what libpeas said while loading one plugin */
  FzDocumentRegistry *documents; /* built on demand, dropped when plugins change */
};

/* libfuzhu's own documents. */
static const FzDocumentInfo core_documents[] = {
  { "annual-report", N_("Yearly monitoring report"), FZ_DOCUMENT_INTERNAL, FZ_ORIENTATION_PORTRAIT,
    (const char * const []) { "year", "county", NULL } },
};

G_DEFINE_TYPE (FzPluginManager, fz_plugin_manager, G_TYPE_OBJECT)

const char *
fz_plugin_state_to_string (FzPluginState state)
{
  switch (state)
    {
    case FZ_PLUGIN_STATE_LOADED:   return "loaded";
    case FZ_PLUGIN_STATE_DISABLED: return "disabled";
    case FZ_PLUGIN_STATE_FAILED:   return "failed";
    default:                       return "unknown";
    }
}

/* FzPluginEntry */

static void
fz_plugin_entry_finalize (GObject *object)
{
  FzPluginEntry *self = FZ_PLUGIN_ENTRY (object);

  g_clear_object (&self->measure);
  g_free (self->reason);

  G_OBJECT_CLASS (fz_plugin_entry_parent_class)->finalize (object);
}

static void
fz_plugin_entry_class_init (FzPluginEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_plugin_entry_finalize;
}

static void
fz_plugin_entry_init (FzPluginEntry *self)
{
}

const char *
fz_plugin_entry_get_id (FzPluginEntry *self)
{
  return peas_plugin_info_get_module_name (self->info);
}

const char *
fz_plugin_entry_get_title (FzPluginEntry *self)
{
  if (self->measure)
    return fz_measure_get_title (self->measure);
  return peas_plugin_info_get_name (self->info);
}

const char *
fz_plugin_entry_get_description (FzPluginEntry *self)
{
  return peas_plugin_info_get_description (self->info);
}

const char *
fz_plugin_entry_get_icon_name (FzPluginEntry *self)
{
  if (self->measure && fz_measure_get_info (self->measure)->icon_name)
    return fz_measure_get_info (self->measure)->icon_name;
  return peas_plugin_info_get_icon_name (self->info);
}

const char *
fz_plugin_entry_get_module_dir (FzPluginEntry *self)
{
  return peas_plugin_info_get_module_dir (self->info);
}

FzPluginState
fz_plugin_entry_get_state (FzPluginEntry *self)
{
  return self->state;
}

const char *
fz_plugin_entry_get_reason (FzPluginEntry *self)
{
  return self->reason;
}

FzMeasure *
fz_plugin_entry_get_measure (FzPluginEntry *self)
{
  return self->measure;
}

static void
entry_fail (FzPluginEntry *self,
            const char    *reason)
{
  self->state = FZ_PLUGIN_STATE_FAILED;
  g_free (self->reason);
  self->reason = g_strdup (reason);
  g_clear_object (&self->measure);
  g_debug ("Plugin %s failed: %s", fz_plugin_entry_get_id (self), reason);
}

/* FzPluginManager */

static void
fz_plugin_manager_finalize (GObject *object)
{
  FzPluginManager *self = FZ_PLUGIN_MANAGER (object);

  g_clear_object (&self->documents);
  g_clear_object (&self->entries);
  g_clear_object (&self->engine);
  g_clear_object (&self->context);
  g_string_free (self->peas_messages, TRUE);

  G_OBJECT_CLASS (fz_plugin_manager_parent_class)->finalize (object);
}

static void
fz_plugin_manager_class_init (FzPluginManagerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_plugin_manager_finalize;
}

static void
fz_plugin_manager_init (FzPluginManager *self)
{
  self->entries = g_list_store_new (FZ_TYPE_PLUGIN_ENTRY);
  self->peas_messages = g_string_new (NULL);
}

static void
add_path (FzPluginManager *self,
          const char      *dir)
{
  if (dir && *dir && g_file_test (dir, G_FILE_TEST_IS_DIR))
    peas_engine_add_search_path (self->engine, dir, NULL);
}

FzPluginManager *
fz_plugin_manager_new_for_paths (FzContext         *context,
                                 const char *const *paths)
{
  FzPluginManager *self;

  g_return_val_if_fail (FZ_IS_CONTEXT (context), NULL);

  self = g_object_new (FZ_TYPE_PLUGIN_MANAGER, NULL);
  self->context = g_object_ref (context);
  self->engine = peas_engine_new ();
  for (guint i = 0; paths && paths[i]; i++)
    add_path (self, paths[i]);
  return self;
}

FzPluginManager *
fz_plugin_manager_new (FzContext *context)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *env = g_getenv ("FUZHU_PLUGIN_PATH");

  if (env)
    {
      g_auto(GStrv) parts = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
      for (guint i = 0; parts[i]; i++)
        g_ptr_array_add (paths, g_strdup (parts[i]));
    }
  g_ptr_array_add (paths, g_build_filename (g_get_user_data_dir (), "fuzhu", "plugins", NULL));
  g_ptr_array_add (paths, g_strdup (FZ_PLUGINDIR));
  g_ptr_array_add (paths, NULL);

  return fz_plugin_manager_new_for_paths (context, (const char *const *) paths->pdata);
}

FzContext *
fz_plugin_manager_get_context (FzPluginManager *self)
{
  return self->context;
}

GListModel *
fz_plugin_manager_get_plugins (FzPluginManager *self)
{
  return G_LIST_MODEL (self->entries);
}

FzPluginEntry *
fz_plugin_manager_find (FzPluginManager *self,
                        const char      *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzPluginEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      if (g_strcmp0 (fz_plugin_entry_get_id (entry), id) == 0)
        return entry;
    }
  return NULL;
}

static gboolean
is_disabled (FzPluginManager *self,
             const char      *id)
{
  GSettings *settings = fz_context_get_settings (self->context);
  g_auto(GStrv) disabled = NULL;

  if (settings == NULL)
    return FALSE;
  disabled = g_settings_get_strv (settings, "disabled-plugins");
  return g_strv_contains ((const char *const *) disabled, id);
}

static void
peas_log_handler (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  FzPluginManager *self = user_data;

  if (self->peas_messages->len)
    g_string_append (self->peas_messages, "; ");
  g_string_append (self->peas_messages, message);
}

static void
load_entry (FzPluginManager *self,
            FzPluginEntry   *entry)
{
  PeasPluginInfo *info = entry->info;
  const char *id = peas_plugin_info_get_module_name (info);
  const char *abi = peas_plugin_info_get_external_data (info, "Fuzhu-ABI");
  g_autoptr(GError) error = NULL;
  const FzMeasureInfo *minfo;
  PeasExtension *ext;
  GLogLevelFlags old_fatal;
  guint handler;
  gboolean loaded;

  g_clear_pointer (&entry->reason, g_free);
  entry->state = FZ_PLUGIN_STATE_FAILED;

  if (abi == NULL || g_ascii_strtoll (abi, NULL, 10) != FZ_ABI_VERSION)
    {
      g_autofree char *reason =
        g_strdup_printf (_("Built for plugin ABI %s, but this Fuzhu loads ABI %d; rebuild the plugin against this version"),
                         abi ? abi : _("(none declared)"), FZ_ABI_VERSION);
      entry_fail (entry, reason);
      return;
    }

  if (is_disabled (self, id))
    {
      entry->state = FZ_PLUGIN_STATE_DISABLED;
      return;
    }

  /* libpeas explains a failed load only in a warning: keep it as the reason. */
  /* A broken plugin is an expected event, not a reason to abort even where
   * warnings are made fatal (G_DEBUG=fatal-warnings). */
  g_string_truncate (self->peas_messages, 0);
  old_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  handler = g_log_set_handler ("libpeas", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_MESSAGE | G_LOG_FLAG_FATAL,
                               peas_log_handler, self);
  loaded = peas_engine_load_plugin (self->engine, info);
  g_log_remove_handler ("libpeas", handler);
  g_log_set_always_fatal (old_fatal);

  if (!loaded || !peas_plugin_info_is_loaded (info))
    {
      g_autofree char *reason = NULL;

      if (!peas_plugin_info_is_available (info, &error) && error)
        reason = g_strdup_printf (_("Could not load the module: %s"),
                                  self->peas_messages->len ? self->peas_messages->str : error->message);
      else
        reason = g_strdup_printf (_("Could not load the module: %s"),
                                  self->peas_messages->len ? self->peas_messages->str : _("unknown error"));
      entry_fail (entry, reason);
      return;
    }

  if (!peas_engine_provides_extension (self->engine, info, FZ_TYPE_MEASURE))
    {
      entry_fail (entry, _("The module provides no measure (FzMeasure)"));
      return;
    }

  ext = peas_engine_create_extension (self->engine, info, FZ_TYPE_MEASURE, NULL);
  if (ext == NULL)
    {
      entry_fail (entry, _("The module could not create its measure"));
      return;
    }
  entry->measure = FZ_MEASURE (ext);

  minfo = fz_measure_get_info (entry->measure);
  if (minfo == NULL || g_strcmp0 (minfo->id, id) != 0)
    {
      g_autofree char *reason =
        g_strdup_printf (_("The measure calls itself “%s”, but its plugin file says “%s”"),
                         minfo ? minfo->id : "", id);
      entry_fail (entry, reason);
      return;
    }

  if (!fz_database_migrate (fz_context_get_database (self->context), id,
                            minfo->migrations, minfo->n_migrations, &error))
    {
      entry_fail (entry, error->message);
      return;
    }

  entry->state = FZ_PLUGIN_STATE_LOADED;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (fz_plugin_entry_get_id ((FzPluginEntry *) a),
                    fz_plugin_entry_get_id ((FzPluginEntry *) b));
}

void
fz_plugin_manager_load_all (FzPluginManager *self)
{
  const GList *infos;

  g_return_if_fail (FZ_IS_PLUGIN_MANAGER (self));

  g_clear_object (&self->documents);
  g_list_store_remove_all (self->entries);
  peas_engine_rescan_plugins (self->engine);
  infos = peas_engine_get_plugin_list (self->engine);

  for (const GList *l = infos; l; l = l->next)
    {
      g_autoptr(FzPluginEntry) entry = g_object_new (FZ_TYPE_PLUGIN_ENTRY, NULL);

      entry->info = l->data;
      if (fz_plugin_manager_find (self, fz_plugin_entry_get_id (entry)))
        continue;
      load_entry (self, entry);
      g_list_store_insert_sorted (self->entries, entry, compare_entries, NULL);
    }
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  FzMeasure *ma = *(FzMeasure **) a;
  FzMeasure *mb = *(FzMeasure **) b;

  return g_utf8_collate (fz_measure_get_title (ma), fz_measure_get_title (mb));
}

GPtrArray *
fz_plugin_manager_list_measures (FzPluginManager *self)
{
  GPtrArray *measures = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FzPluginEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      if (entry->measure)
        g_ptr_array_add (measures, g_object_ref (entry->measure));
    }
  g_ptr_array_sort (measures, compare_titles);
  return measures;
}

void
fz_plugin_manager_fail (FzPluginManager *self,
                        const char      *id,
                        const char      *reason)
{
  FzPluginEntry *entry;
  guint position = 0;

  g_return_if_fail (FZ_IS_PLUGIN_MANAGER (self));
  g_return_if_fail (id != NULL && reason != NULL);

  entry = fz_plugin_manager_find (self, id);
  if (entry == NULL || entry->state != FZ_PLUGIN_STATE_LOADED)
    return;
  g_message ("Plugin %s is turned off: %s", id, reason);
  entry_fail (entry, reason);
  g_clear_object (&self->documents);
  if (g_list_store_find (self->entries, entry, &position))
    g_list_model_items_changed (G_LIST_MODEL (self->entries), position, 1, 1);
}

gboolean
fz_plugin_manager_set_enabled (FzPluginManager  *self,
                               const char       *id,
                               gboolean          enabled,
                               GError          **error)
{
  GSettings *settings = fz_context_get_settings (self->context);
  FzPluginEntry *entry = fz_plugin_manager_find (self, id);
  guint position = 0;

  if (entry == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no plugin “%s”"), id);
      return FALSE;
    }
  if (!fz_context_check (self->context, FZ_PERMISSION_MANAGE_PLUGINS, _("enable or disable plugins"), error))
    return FALSE;

  if (settings)
    {
      g_auto(GStrv) old = g_settings_get_strv (settings, "disabled-plugins");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) updated = NULL;

      for (guint i = 0; old[i]; i++)
        if (g_strcmp0 (old[i], id) != 0)
          g_strv_builder_add (builder, old[i]);
      if (!enabled)
        g_strv_builder_add (builder, id);
      updated = g_strv_builder_end (builder);
      g_settings_set_strv (settings, "disabled-plugins", (const char *const *) updated);
    }

  if (enabled)
    {
      if (entry->state != FZ_PLUGIN_STATE_LOADED)
        load_entry (self, entry);
    }
  else
    {
      /* The module stays mapped: its types are registered for the life of
       * the process, so only the measure goes. */
      g_clear_object (&entry->measure);
      entry->state = FZ_PLUGIN_STATE_DISABLED;
      g_clear_pointer (&entry->reason, g_free);
    }

  g_clear_object (&self->documents);
  g_list_store_find (self->entries, entry, &position);
  g_list_model_items_changed (G_LIST_MODEL (self->entries), position, 1, 1);
  return TRUE;
}

FzDocumentRegistry *
fz_plugin_manager_get_documents (FzPluginManager *self)
{
  g_autoptr(GPtrArray) measures = NULL;

  g_return_val_if_fail (FZ_IS_PLUGIN_MANAGER (self), NULL);

  if (self->documents)
    return self->documents;

  self->documents = fz_document_registry_new ();
  fz_document_registry_add (self->documents, "core", GETTEXT_PACKAGE, core_documents,
                            G_N_ELEMENTS (core_documents), NULL);
  measures = fz_plugin_manager_list_measures (self);
  for (guint i = 0; i < measures->len; i++)
    {
      const FzMeasureInfo *info = fz_measure_get_info (g_ptr_array_index (measures, i));
      g_autoptr(GError) error = NULL;

      if (info->n_documents == 0)
        continue;
      if (!fz_document_registry_add (self->documents, info->id, info->gettext_domain,
                                     info->documents, info->n_documents, &error))
        g_warning ("The documents of %s are left out: %s", info->id, error->message);
    }
  return self->documents;
}

static FzDocument *
build_core_document (FzPluginManager       *self,
                     const FzDocumentInfo  *info,
                     GHashTable            *params,
                     GError               **error)
{
  FzDatabase *db = fz_context_get_database (self->context);
  const char *year_text = params ? g_hash_table_lookup (params, "year") : NULL;
  const char *county = params ? g_hash_table_lookup (params, "county") : NULL;
  g_autofree char *code = NULL;
  g_autoptr(FzReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 year = g_date_time_get_year (now);

  if (year_text && !g_ascii_string_to_signed (year_text, 10, 2000, 2100, &year, NULL))
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                   _("year: “%s” is not a year"), year_text);
      return NULL;
    }
  code = county ? fz_county_lookup (db, county) : g_strdup (FZ_CITY_CODE);
  if (code == NULL)
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                   _("county: “%s” is not a county of the city"), county);
      return NULL;
    }
  report = fz_report_build (self, (int) year, code, error);
  if (report == NULL)
    return NULL;
  return fz_report_to_document (report, error);
}

/* The audit trail's line for an internal document built for print or PDF. */
static gboolean
record_document (FzPluginManager  *self,
                 const char       *name,
                 GHashTable       *params,
                 GError          **error)
{
  g_autoptr(GString) what = g_string_new (name);
  g_autoptr(GList) keys = params ? g_hash_table_get_keys (params) : NULL;
  g_autofree char *details = NULL;

  keys = g_list_sort (keys, (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l; l = l->next)
    g_string_append_printf (what, " %s=%s", (const char *) l->data,
                            (const char *) g_hash_table_lookup (params, l->data));
  details = _fz_audit_export_details (NULL, -1, what->str);
  return _fz_audit_record_event (fz_context_get_database (self->context), "export", name, NULL, details, error);
}

FzDocument *
fz_plugin_manager_build_document (FzPluginManager  *self,
                                  const char       *name,
                                  GHashTable       *params,
                                  GError          **error)
{
  FzDocumentRegistry *registry = fz_plugin_manager_get_documents (self);
  const FzDocumentInfo *info;
  FzDocument *document;
  FzPluginEntry *entry;
  const char *owner;
  guint position = 0;

  info = fz_document_registry_lookup (registry, name, &position, error);
  if (info == NULL)
    return NULL;
  /* Internal documents carry identity numbers unmasked: taking them out of
   * Fuzhu, on paper or as PDF, is an export. */
  if (info->privacy == FZ_DOCUMENT_INTERNAL &&
      !fz_context_check (self->context, FZ_PERMISSION_EXPORT_PERSONAL, _("print internal documents"), error))
    return NULL;
  owner = fz_document_registry_get_owner (registry, position);
  if (g_str_equal (owner, "core"))
    document = build_core_document (self, info, params, error);
  else
    {
      entry = fz_plugin_manager_find (self, owner);
      g_assert (entry != NULL && entry->measure != NULL);
      document = fz_measure_build_document (entry->measure, self->context, info, params, error);
    }
  if (document && info->privacy == FZ_DOCUMENT_INTERNAL &&
      !record_document (self, name, params, error))
    g_clear_object (&document);
  return document;
}
