/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined(FUZHU_INSIDE) && !defined(FUZHU_COMPILATION)
# error "Only <fuzhu.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _FzContext        FzContext;
typedef struct _FzDatabase       FzDatabase;
typedef struct _FzDocument       FzDocument;
typedef struct _FzDocumentRegistry FzDocumentRegistry;
typedef struct _FzMeasure        FzMeasure;
typedef struct _FzPluginManager  FzPluginManager;
typedef struct _FzPluginEntry    FzPluginEntry;
typedef struct _FzRegistry       FzRegistry;
typedef struct _FzStatement      FzStatement;

G_END_DECLS
