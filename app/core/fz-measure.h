/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <gtk/gtk.h>

#include "fz-types.h"
#include "fz-database.h"
#include "fz-document-registry.h"

G_BEGIN_DECLS

/* Exit codes of every command, core or plugin. */
typedef enum {
  FZ_EXIT_OK       = 0,
  FZ_EXIT_REJECTED = 1, /* input refused; nothing was written */
  FZ_EXIT_USAGE    = 2, /* the command line itself was wrong */
} FzExitCode;

typedef enum {
  FZ_INDICATOR_SUM   = 0,      /* the city figure is the sum of the counties' */
  FZ_INDICATOR_OWN   = 1 << 0, /* the measure gives the city figure itself; alone, a rate in percent */
  FZ_INDICATOR_LEVEL = 1 << 1, /* a level at the end of the year (persons working, an average), not a
                                * count of the year: not added up over the years, shown with its
                                * unit; with OWN the measure gives the city's level (an average) */
  FZ_INDICATOR_COUNT = 1 << 2, /* with OWN: a count all the same (added up over the years,
                                * shown as a number), e.g. of things the city itself held */
} FzIndicatorFlags;

/* A number the dashboard shows. Strings are msgids, translated in the
 * measure's gettext domain. */
typedef struct {
  const char       *id;
  const char       *title;
  const char       *unit;
  const char       *target;  /* the plan target it counts toward, or NULL */
  FzIndicatorFlags  flags;
} FzIndicatorInfo;

/* A headless subcommand: `fuzhu <measure-id> <name> <usage>`. */
typedef struct {
  const char *name;
  const char *usage;    /* e.g. "TEXT" or "[--year Y]" */
  const char *summary;  /* msgid */
} FzCommandInfo;

/* What a measure is: given once, static, owned by the measure. */
typedef struct {
  const char            *id;             /* kebab-case, stable forever */
  const char            *title;          /* msgid */
  const char            *icon_name;
  const char            *clause;         /* the plan's clause, e.g. "二(五)" */
  const char            *gettext_domain; /* where title & co. are translated */
  const FzMigration     *migrations;
  guint                  n_migrations;
  const FzIndicatorInfo *indicators;
  guint                  n_indicators;
  const FzCommandInfo   *commands;
  guint                  n_commands;
  const FzDocumentInfo  *documents;      /* what it prints; privacy is declared here */
  guint                  n_documents;
} FzMeasureInfo;

/* The figures a measure computes for one year, per county (code). */
typedef struct _FzIndicatorValues FzIndicatorValues;

#define FZ_TYPE_MEASURE (fz_measure_get_type ())
G_DECLARE_INTERFACE (FzMeasure, fz_measure, FZ, MEASURE, GObject)

struct _FzMeasureInterface
{
  GTypeInterface parent_iface;

  const FzMeasureInfo *(*get_info)           (FzMeasure          *self);
  /* The page for the main window. */
  GtkWidget           *(*create_page)        (FzMeasure          *self,
                                              FzContext          *context);
  /* Adds the year's figures with fz_indicator_values_add(). */
  gboolean             (*compute_indicators) (FzMeasure          *self,
                                              FzContext          *context,
                                              int                 year,
                                              FzIndicatorValues  *values,
                                              GError            **error);
  /* Runs the command @argv[0] (one of info->commands); returns an FzExitCode
   * and, unless FZ_EXIT_OK, sets @error with what to tell the user. */
  int                  (*run_command)        (FzMeasure          *self,
                                              FzContext          *context,
                                              int                 argc,
                                              char              **argv,
                                              GError            **error);
  /* Builds @info (one of info->documents) with @params (NAME -> VALUE, from
   * the command line or the print dialog). Start it with
   * fz_document_new_for_info() so its privacy is the declared one. */
  FzDocument          *(*build_document)     (FzMeasure            *self,
                                              FzContext            *context,
                                              const FzDocumentInfo *info,
                                              GHashTable           *params,
                                              GError              **error);
};

const FzMeasureInfo *fz_measure_get_info           (FzMeasure          *self);
const char          *fz_measure_get_id             (FzMeasure          *self);
/* The title in the user's language. */
const char          *fz_measure_get_title          (FzMeasure          *self);
GtkWidget           *fz_measure_create_page        (FzMeasure          *self,
                                                    FzContext          *context);
gboolean             fz_measure_compute_indicators (FzMeasure          *self,
                                                    FzContext          *context,
                                                    int                 year,
                                                    FzIndicatorValues  *values,
                                                    GError            **error);
int                  fz_measure_run_command        (FzMeasure          *self,
                                                    FzContext          *context,
                                                    int                 argc,
                                                    char              **argv,
                                                    GError            **error);
const FzCommandInfo *fz_measure_find_command       (FzMeasure          *self,
                                                    const char         *name);
/* Builds one of the measure's documents; fails when the measure returns one
 * whose privacy is not the declared one (a public list must mask). */
FzDocument          *fz_measure_build_document     (FzMeasure            *self,
                                                    FzContext            *context,
                                                    const FzDocumentInfo *info,
                                                    GHashTable           *params,
                                                    GError              **error);

#define FZ_CITY_CODE "330800"

FzIndicatorValues   *fz_indicator_values_new       (void);
void                 fz_indicator_values_free      (FzIndicatorValues  *values);
/* Adds @value to the figure of @indicator_id in @county_code. */
void                 fz_indicator_values_add       (FzIndicatorValues  *values,
                                                    const char         *indicator_id,
                                                    const char         *county_code,
                                                    double              value);
/* The figure, 0 when none was added. For the city (FZ_CITY_CODE) of a
 * FZ_INDICATOR_SUM indicator, the sum over the counties. */
double               fz_indicator_values_get       (FzIndicatorValues  *values,
                                                    const FzIndicatorInfo *info,
                                                    const char         *county_code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzIndicatorValues, fz_indicator_values_free)

/* Sets an error for a command's wrong usage (FZ_EXIT_USAGE). */
#define FZ_COMMAND_ERROR (fz_command_error_quark ())
typedef enum {
  FZ_COMMAND_ERROR_USAGE,
  FZ_COMMAND_ERROR_REJECTED,
} FzCommandError;
GQuark               fz_command_error_quark        (void);

G_END_DECLS
