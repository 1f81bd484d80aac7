/* sf-page-follower.c: a page that follows the context, filled when first shown
 *
 * Copyright 2026 Sagsfordeling contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sf-page-follower.h"

static void
fill (SfPageFollower *follower)
{
  follower->stale = FALSE;
  follower->filled = TRUE;
  follower->fill (follower->page, follower->context);
}

/* Shown, or about to be: mapped, or its stack's page even before the
 * window is shown */
static gboolean
is_shown (SfPageFollower *follower)
{
  return gtk_widget_get_mapped (follower->page) ||
         (follower->stack != NULL &&
          adw_view_stack_get_visible_child (ADW_VIEW_STACK (follower->stack)) == follower->page);
}

static void
on_context_changed_cb (SfContext              *context,
                       const SfContextChanges *changes,
                       SfPageFollower         *follower)
{
  if (changes->what & SF_CONTEXT_EVERYTHING)
    {
      follower->stale = TRUE;
      if (follower->filled || is_shown (follower))
        fill (follower);
    }
  /* A page not filled yet is filled from the current figures when shown */
  else if (follower->filled && !follower->stale)
    follower->update (follower->page, context, changes);
}

static void
on_page_map_cb (GtkWidget      *page,
                SfPageFollower *follower)
{
  sf_page_follower_catch_up (follower);
}

/* The stack shows the page: filled now, before the window lays it out.
 * Filled only as it was realized, a page opened at start-up was laid out
 * twice: empty, when the window first measured itself, and again full. */
static void
on_stack_visible_child_cb (AdwViewStack   *stack,
                           GParamSpec     *pspec,
                           SfPageFollower *follower)
{
  if (adw_view_stack_get_visible_child (stack) == follower->page)
    sf_page_follower_catch_up (follower);
}

/* @page (where @follower is embedded) follows @context from now on: what
 * the context has loaded already is shown when the page is. */
void
sf_page_follower_set_context (SfPageFollower   *follower,
                              GtkWidget        *page,
                              SfContext        *context,
                              SfPageFillFunc    fill_func,
                              SfPageUpdateFunc  update_func)
{
  g_return_if_fail (follower != NULL);
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (SF_IS_CONTEXT (context));
  g_return_if_fail (follower->context == NULL);

  follower->page = page;
  follower->fill = fill_func;
  follower->update = update_func;
  follower->context = g_object_ref (context);
  follower->changed_id = g_signal_connect (context, "changed", G_CALLBACK (on_context_changed_cb), follower);
  /* Realized just before it is first mapped: filled then, its rows are
   * mapped once with it rather than each as it is added */
  g_signal_connect (page, "realize", G_CALLBACK (on_page_map_cb), follower);
  g_signal_connect (page, "map", G_CALLBACK (on_page_map_cb), follower);
  follower->stale = sf_context_get_figures (context) != NULL;
  if (ADW_IS_VIEW_STACK (gtk_widget_get_parent (page)))
    {
      /* Weak: a page can outlive its stack (a worker's result holds it
       * until it arrives), and then must not touch it */
      g_set_weak_pointer (&follower->stack, gtk_widget_get_parent (page));
      follower->shown_id = g_signal_connect (follower->stack, "notify::visible-child",
                                             G_CALLBACK (on_stack_visible_child_cb), follower);
    }
  if (is_shown (follower))
    sf_page_follower_catch_up (follower);
}

/* Fills the page now if it shows older figures than the context's. */
void
sf_page_follower_catch_up (SfPageFollower *follower)
{
  g_return_if_fail (follower != NULL);

  if (follower->stale && follower->context != NULL)
    fill (follower);
}

/* In the page's dispose: stops following. */
void
sf_page_follower_clear (SfPageFollower *follower)
{
  g_return_if_fail (follower != NULL);

  if (follower->context == NULL)
    return;
  g_clear_signal_handler (&follower->changed_id, follower->context);
  if (follower->stack != NULL)
    g_clear_signal_handler (&follower->shown_id, follower->stack);
  follower->shown_id = 0;
  g_clear_weak_pointer (&follower->stack);
  g_signal_handlers_disconnect_by_data (follower->page, follower);
  g_clear_object (&follower->context);
}
