/* sf-page-follower.h: a page that follows the context, filled when first shown
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sf-core.h"

G_BEGIN_DECLS

typedef void (*SfPageFillFunc)   (GtkWidget              *page,
                                  SfContext              *context);
typedef void (*SfPageUpdateFunc) (GtkWidget              *page,
                                  SfContext              *context,
                                  const SfContextChanges *changes);

/* Embedded in a page that is costly to fill (thousands of rows): the page
 * is filled from the context when its view stack first shows it (or, in
 * another parent, when it is first realized) or when asked to catch up, so
 * the window opens on a large municipality as fast as on an empty one.  Once filled, it is kept current on every change, shown or
 * not: @fill after everything was read again, @update after an edit. */
typedef struct
{
  GtkWidget        *page;
  SfContext        *context;
  gulong            changed_id;
  GtkWidget        *stack;            /* the page's AdwViewStack, or NULL (weak) */
  gulong            shown_id;
  gboolean          filled;
  gboolean          stale;
  SfPageFillFunc    fill;
  SfPageUpdateFunc  update;
} SfPageFollower;

void  sf_page_follower_set_context (SfPageFollower   *follower,
                                    GtkWidget        *page,
                                    SfContext        *context,
                                    SfPageFillFunc    fill,
                                    SfPageUpdateFunc  update);
void  sf_page_follower_catch_up    (SfPageFollower   *follower);
void  sf_page_follower_clear       (SfPageFollower   *follower);

G_END_DECLS
