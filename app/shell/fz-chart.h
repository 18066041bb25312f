/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  FZ_CHART_BARS, /* one bar per label, e.g. per county */
  FZ_CHART_LINE, /* a line over the labels, e.g. over the years */
} FzChartKind;

#define FZ_TYPE_CHART (fz_chart_get_type ())
G_DECLARE_FINAL_TYPE (FzChart, fz_chart, FZ, CHART, GtkWidget)

GtkWidget *fz_chart_new      (FzChartKind         kind);
/* Shows @n values with their labels; @target < 0 draws no target line. The
 * same figures become the chart's accessible description, so a screen
 * reader user hears what a sighted user sees. */
void       fz_chart_set_data (FzChart            *self,
                              const char         *title,
                              const char         *unit,
                              const char *const  *labels,
                              const double       *values,
                              guint               n,
                              double              target);
/* The accessible description, as a screen reader would read it. */
const char *fz_chart_get_summary (FzChart        *self);

G_END_DECLS
