#include "global_actions.h"

#include "views.h"

bool global_action(tui_app *app, tui_action action)
{
    switch (action) {
    case ACT_QUIT: app->quit = true; return true;
    /* the help describes the screen it was opened from */
    case ACT_HELP: app_push(app, view_help_new(app, app_view_keymap(app_top(app)))); return true;
    case ACT_CLUBS: app_push(app, view_clubs_new(app)); return true;
    case ACT_STATS: app_push(app, view_stats_new(app)); return true;
    case ACT_IMPORT: app_push(app, view_import_new(app)); return true;
    case ACT_BACK:
        if (app->depth > 1)
            app_pop(app);
        return true;
    default: return false;
    }
}
