/*
 * The actions that work from many screens — the help, the clubs, the
 * statistics, the import screen, printing's whereabouts, quitting, going
 * back — carried out above the views, as htop's Action.c: this module
 * constructs views, the screen manager does not.  Whoever runs the screens
 * sets app->global_action to global_action_carry_out.
 */
#ifndef HTX_TUI_GLOBAL_ACTIONS_H
#define HTX_TUI_GLOBAL_ACTIONS_H

#include "view.h"

/* Carries out action for the top view; false when it is not a global one. */
bool global_action_carry_out(tui_app *app, tui_action action);

#endif
