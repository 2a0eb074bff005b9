/*
 * The Alliance's five clubs with their current member counts; Enter opens a
 * club's roster, F9 prints it, typing finds a club by a word of its name
 * ("nong" → CLB các HTX Nông nghiệp); F4 opens the document settings
 * (who issues and signs the rosters) on the chosen club's.
 */
#include <stdio.h>
#include <stdlib.h>

#include "date.h"
#include "format.h"
#include "membership.h"
#include "refdata.h"
#include "scroll.h"
#include "typed_text.h"
#include "ui_text.h"
#include "views.h"

#define COUNT_COLUMNS 14

typedef struct clubs_view {
    tui_view base;
    int64_t counts[16]; /* HTX_CLUBS order */
    tui_scroll scroll;
    int first_y; /* screen row of the first club, for clicks */
    typed_find find;
    htx_lang lang; /* of the names typed_find reads */
} clubs_view;

static bool load_counts(clubs_view *v, tui_app *app)
{
    htx_error err;
    if (htx_club_member_counts(app->store, v->counts, &err) == HTX_OK)
        return true;
    app_notice_error(app, &err);
    return false;
}

static void clubs_draw(tui_view *view, tui_app *app, tui_canvas *c, tui_rect a)
{
    clubs_view *v = (clubs_view *)view;
    htx_lang lang = app->lang;
    int name_width = a.width - COUNT_COLUMNS - 3;
    canvas_fill(c, a.y, a.x, 1, a.width, STYLE_HEADER);
    canvas_text(c, a.y, a.x + 1, name_width, ui_text(UI_CLUBS_TITLE, lang), STYLE_HEADER);
    canvas_text_right(c, a.y, a.x + a.width - COUNT_COLUMNS - 1, COUNT_COLUMNS, ui_text(UI_MEMBER_COUNT, lang),
                      STYLE_HEADER);

    int rows = a.height - 3; /* header above, hint below */
    tui_scroll_fit(&v->scroll, (int)HTX_CLUB_COUNT, rows);
    v->first_y = a.y + 1;
    for (int r = 0; r < rows && v->scroll.top + r < v->scroll.count; r++) {
        int i = v->scroll.top + r;
        int y = v->first_y + r;
        tui_style style = i == v->scroll.cursor ? STYLE_CURSOR : STYLE_NORMAL;
        char count[32];
        htx_format_thousands(v->counts[i], count, sizeof count);
        canvas_fill(c, y, a.x, 1, a.width, style);
        canvas_text(c, y, a.x + 1, name_width, htx_club_name(&HTX_CLUBS[i], lang), style);
        canvas_text_right(c, y, a.x + a.width - COUNT_COLUMNS - 1, COUNT_COLUMNS, count, style);
    }
    canvas_text(c, a.y + a.height - 1, a.x + 1, a.width - 2, ui_text(UI_CLUBS_HINT, lang), STYLE_DIM);
}

static int open_roster(clubs_view *v, tui_app *app)
{
    if (v->scroll.count > 0)
        app_push(app, view_roster_new(app, HTX_CLUBS[v->scroll.cursor].code));
    return VIEW_HANDLED | VIEW_REDRAW;
}

static int print_roster(clubs_view *v, tui_app *app)
{
    char today[HTX_ISO_DATE_SIZE];
    htx_date_iso(htx_date_today(), today);
    tui_view *dialog = view_print_new(app, HTX_CLUBS[v->scroll.cursor].code, today, HTX_ROSTER_BY_NAME);
    if (dialog)
        app_push(app, dialog);
    return VIEW_HANDLED | VIEW_REDRAW;
}

static const char *club_label(int i, void *ctx)
{
    const clubs_view *v = ctx;
    return htx_club_name(&HTX_CLUBS[i], v->lang);
}

static int find_club(clubs_view *v, tui_app *app, int key)
{
    int found;
    v->lang = app->lang;
    if (!typed_find_key(&v->find, key, (int)HTX_CLUB_COUNT, club_label, v, &found))
        return VIEW_IGNORED;
    if (found >= 0)
        v->scroll.cursor = found;
    return VIEW_HANDLED | VIEW_REDRAW;
}

static int handle_mouse(clubs_view *v, tui_app *app, const tui_event *e)
{
    bool open;
    int flags = tui_scroll_mouse(&v->scroll, e, v->first_y, &open);
    return open ? open_roster(v, app) : flags;
}

static int clubs_handle(tui_view *view, tui_app *app, const tui_event *e)
{
    clubs_view *v = (clubs_view *)view;
    if (e->type == EV_MOUSE)
        return handle_mouse(v, app, e);
    if (e->type != EV_KEY)
        return VIEW_IGNORED;
    if (e->action == ACT_NONE)
        return find_club(v, app, e->key);
    typed_find_stop(&v->find);
    if (tui_scroll_action(&v->scroll, e->action))
        return VIEW_HANDLED | VIEW_REDRAW;
    switch (e->action) {
    case ACT_OPEN: return open_roster(v, app);
    case ACT_PRINT: return print_roster(v, app);
    case ACT_DOC_SETTINGS: app_push(app, view_settings_new(app, HTX_CLUBS[v->scroll.cursor].code));
        return VIEW_HANDLED | VIEW_REDRAW;
    default: return VIEW_IGNORED;
    }
}

static void clubs_reload(tui_view *view, tui_app *app)
{
    load_counts((clubs_view *)view, app);
}

static void clubs_status(tui_view *view, tui_app *app, char *out, size_t size)
{
    clubs_view *v = (clubs_view *)view;
    if (typed_find_active(&v->find)) {
        typed_find_describe(&v->find, app->lang, out, size);
        return;
    }
    char position[64];
    tui_scroll_position(&v->scroll, position, sizeof position);
    snprintf(out, size, "%s · %s", ui_text(UI_CLUBS_TITLE, app->lang), position);
}

static void clubs_destroy(tui_view *view)
{
    free(view);
}

/* F9 prints the club's roster: the clubs' own meaning of the global
 * action (F7, which opened them, is not offered again: Esc goes back).  Typed characters find a club; while
 * something is typed, Esc and Backspace edit it instead of going back. */
static const tui_action clubs_actions[] = {
    ACT_OPEN, ACT_PRINT, ACT_DOC_SETTINGS,
    ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const tui_action clubs_globals[] = {ACT_HELP, ACT_STATS, ACT_QUIT, ACT_IMPORT, ACT_BACK, ACT_NONE};
static const tui_action finding_globals[] = {ACT_HELP, ACT_STATS, ACT_QUIT, ACT_IMPORT, ACT_NONE};
static const tui_keymap clubs_keymap = {.actions = clubs_actions, .globals = clubs_globals, .typing = true};
static const tui_keymap finding_keymap = {.actions = clubs_actions, .globals = finding_globals, .typing = true};

static const tui_keymap *clubs_current_keymap(const tui_view *view)
{
    return typed_find_active(&((const clubs_view *)view)->find) ? &finding_keymap : &clubs_keymap;
}

static const tui_view_ops clubs_ops = {
    .draw = clubs_draw,
    .handle = clubs_handle,
    .reload = clubs_reload,
    .status = clubs_status,
    .destroy = clubs_destroy,
    .title = UI_CLUBS_TITLE,
    .popup = false,
    .keymap = &clubs_keymap,
    .current_keymap = clubs_current_keymap,
};

tui_view *view_clubs_new(tui_app *app)
{
    clubs_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->base.ops = &clubs_ops;
    tui_scroll_init(&v->scroll, true);
    tui_scroll_fit(&v->scroll, (int)HTX_CLUB_COUNT, (int)HTX_CLUB_COUNT);
    if (!load_counts(v, app)) {
        free(v);
        return NULL;
    }
    return &v->base;
}
