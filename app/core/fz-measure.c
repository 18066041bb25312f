/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fz-measure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fz-command.h"
#include "fz-document.h"
#include "fz-measure.h"

G_DEFINE_INTERFACE (FzMeasure, fz_measure, G_TYPE_OBJECT)
G_DEFINE_QUARK (fz-command-error-quark, fz_command_error)

struct _FzIndicatorValues
{
  GHashTable *values; /* "indicator\ncounty" -> double* */
};

static void
fz_measure_default_init (FzMeasureInterface *iface)
{
}

const FzMeasureInfo *
fz_measure_get_info (FzMeasure *self)
{
  g_return_val_if_fail (FZ_IS_MEASURE (self), NULL);
  return FZ_MEASURE_GET_IFACE (self)->get_info (self);
}

const char *
fz_measure_get_id (FzMeasure *self)
{
  return fz_measure_get_info (self)->id;
}

const char *
fz_measure_get_title (FzMeasure *self)
{
  const FzMeasureInfo *info = fz_measure_get_info (self);

  return g_dgettext (info->gettext_domain ? info->gettext_domain : GETTEXT_PACKAGE, info->title);
}

GtkWidget *
fz_measure_create_page (FzMeasure *self,
                        FzContext *context)
{
  FzMeasureInterface *iface;

  g_return_val_if_fail (FZ_IS_MEASURE (self), NULL);
  iface = FZ_MEASURE_GET_IFACE (self);
  return iface->create_page ? iface->create_page (self, context) : NULL;
}

gboolean
fz_measure_compute_indicators (FzMeasure          *self,
                               FzContext          *context,
                               int                 year,
                               FzIndicatorValues  *values,
                               GError            **error)
{
  FzMeasureInterface *iface;

  g_return_val_if_fail (FZ_IS_MEASURE (self), FALSE);
  iface = FZ_MEASURE_GET_IFACE (self);
  if (iface->compute_indicators == NULL)
    return TRUE;
  return iface->compute_indicators (self, context, year, values, error);
}

const FzCommandInfo *
fz_measure_find_command (FzMeasure  *self,
                         const char *name)
{
  const FzMeasureInfo *info = fz_measure_get_info (self);

  return fz_command_info_find (info->commands, info->n_commands, name);
}

int
fz_measure_run_command (FzMeasure  *self,
                        FzContext  *context,
                        int         argc,
                        char      **argv,
                        GError    **error)
{
  FzMeasureInterface *iface;

  g_return_val_if_fail (FZ_IS_MEASURE (self), FZ_EXIT_USAGE);
  iface = FZ_MEASURE_GET_IFACE (self);

  if (argc < 1 || iface->run_command == NULL || fz_measure_find_command (self, argv[0]) == NULL)
    {
      g_set_error (error, FZ_COMMAND_ERROR, FZ_COMMAND_ERROR_USAGE,
                   _("“%s” has no command “%s”"), fz_measure_get_id (self),
                   argc > 0 ? argv[0] : "");
      return FZ_EXIT_USAGE;
    }
  return iface->run_command (self, context, argc, argv, error);
}

FzDocument *
fz_measure_build_document (FzMeasure             *self,
                           FzContext             *context,
                           const FzDocumentInfo  *info,
                           GHashTable            *params,
                           GError               **error)
{
  FzMeasureInterface *iface;
  g_autoptr(FzDocument) document = NULL;

  g_return_val_if_fail (FZ_IS_MEASURE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  iface = FZ_MEASURE_GET_IFACE (self);
  if (iface->build_document == NULL)
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_NOT_FOUND,
                   _("“%s” prints no documents"), fz_measure_get_id (self));
      return NULL;
    }
  document = iface->build_document (self, context, info, params, error);
  if (document == NULL)
    return NULL;
  if (fz_document_get_privacy (document) != info->privacy)
    {
      g_set_error (error, FZ_DOCUMENT_ERROR, FZ_DOCUMENT_ERROR_INVALID,
                   _("“%s/%s” is declared %s but was built %s; it is not printed"),
                   fz_measure_get_id (self), info->id,
                   info->privacy == FZ_DOCUMENT_PUBLIC ? "public" : "internal",
                   fz_document_get_privacy (document) == FZ_DOCUMENT_PUBLIC ? "public" : "internal");
      return NULL;
    }
  return g_steal_pointer (&document);
}

FzIndicatorValues *
fz_indicator_values_new (void)
{
  FzIndicatorValues *values = g_new0 (FzIndicatorValues, 1);

  values->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return values;
}

void
fz_indicator_values_free (FzIndicatorValues *values)
{
  if (values == NULL)
    return;
  g_hash_table_unref (values->values);
  g_free (values);
}

void
fz_indicator_values_add (FzIndicatorValues *values,
                         const char        *indicator_id,
                         const char        *county_code,
                         double             value)
{
  char *key = g_strconcat (indicator_id, "\n", county_code, NULL);
  double *slot = g_hash_table_lookup (values->values, key);

  if (slot)
    {
      *slot += value;
      g_free (key);
      return;
    }
  slot = g_new (double, 1);
  *slot = value;
  g_hash_table_insert (values->values, key, slot);
}

double
fz_indicator_values_get (FzIndicatorValues     *values,
                         const FzIndicatorInfo *info,
                         const char            *county_code)
{
  g_autofree char *key = g_strconcat (info->id, "\n", county_code, NULL);
  double *slot = g_hash_table_lookup (values->values, key);
  GHashTableIter iter;
  gpointer k, v;
  g_autofree char *prefix = NULL;
  double sum = 0;

  if (slot)
    return *slot;
  if (g_strcmp0 (county_code, FZ_CITY_CODE) != 0 || (info->flags & FZ_INDICATOR_OWN))
    return 0;

  prefix = g_strconcat (info->id, "\n", NULL);
  g_hash_table_iter_init (&iter, values->values);
  while (g_hash_table_iter_next (&iter, &k, &v))
    if (g_str_has_prefix (k, prefix))
      sum += *(double *) v;
  return sum;
}
