/* sf-property-cell.h
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a column's cell shows of the property it is made for. */
typedef enum
{
  SF_CELL_TEXT        = 0,        /* a line of text, start-aligned, cut off at the end */
  SF_CELL_NUMBER      = 1 << 0,   /* end-aligned, in tabular figures */
  SF_CELL_MARKUP      = 1 << 1,   /* the property holds Pango markup */
  SF_CELL_WRAP        = 1 << 2,   /* wraps onto a second line */
  SF_CELL_UTILISATION = 1 << 3,   /* an SfUtilisationCell of the SfRosterItem */
  SF_CELL_STATUS      = 1 << 4,   /* an SfStatusCell of the SfRosterItem */
} SfCellKind;

GtkListItemFactory *sf_property_cell_factory_new         (const char         *property,
                                                          SfCellKind          kind);
void                sf_property_cell_factory_set_tooltip (GtkListItemFactory *factory,
                                                          const char         *property);
void                sf_property_cell_factory_set_style   (GtkListItemFactory *factory,
                                                          const char         *property);
GtkColumnViewColumn *sf_property_column_append          (GtkColumnView      *view,
                                                          const char         *title,
                                                          GtkListItemFactory *factory,
                                                          GtkSorter          *sorter,
                                                          int                 width);

G_END_DECLS
