#include "global_actions.h"

#include "views.h"

enum { QUIT_ANYWAY, QUIT_STAY };

static void quit_answered(tui_app *app, void *ctx, int answer)
{
    (void)ctx;
    if (answer == QUIT_ANYWAY)
        app->quit = true;
}

/* Quitting over a form with typing in it (under the help, say) asks first;
 * staying is the answer Enter gives. */
static void quit_unless_unsaved(tui_app *app)
{
    if (!app_has_unsaved(app)) {
        app->quit = true;
        return;
    }
    const char *lines[] = {ui_text(UI_QUIT_UNSAVED_LINE, app->lang)};
    const char *answers[] = {[QUIT_ANYWAY] = ui_text(UI_QUIT_ANYWAY, app->lang),
                             [QUIT_STAY] = ui_text(UI_QUIT_STAY, app->lang)};
    tui_question q = {ui_text(UI_QUIT_UNSAVED_TITLE, app->lang), lines, 1, answers, 2, QUIT_STAY, quit_answered,
                      NULL};
    app_push(app, view_question_new(app, &q));
}

bool global_action_carry_out(tui_app *app, tui_action action)
{
    switch (action) {
    case ACT_QUIT: quit_unless_unsaved(app); return true;
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
