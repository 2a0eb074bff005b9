/*
 * Finding one cooperative by typing: the list narrows with each key by the
 * core's search rules (name without marks, or code).  Only the first rows
 * are read, whatever the size of the register.  When the cooperative is
 * looked for to join a club, those already in it are marked and cannot be
 * chosen again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "membership.h"
#include "query.h"
#include "text.h"
#include "ui_text.h"
#include "views.h"

#define FIND_ROWS 12

typedef struct find_view {
    tui_view base;
    char title[160];
    char query[200];
    struct {
        int64_t id;
        bool member; /* already a current member of the club */
        char text[1200];
    } rows[FIND_ROWS];
    char club[16]; /* "": no club in view */
    char member_mark[80]; /* "✓ đã trong CLB · " */
    htx_store *store;
    int count;
    int cursor;
    tui_found_fn found;
    void *ctx;
} find_view;

typedef struct club_check {
    const char *club;
    bool member;
} club_check;

static int current_in_club(const htx_membership *m, void *ctx)
{
    club_check *check = ctx;
    check->member = !m->left[0] && strcmp(m->club, check->club) == 0;
    return check->member;
}

static int keep_row(const htx_coop *c, void *ctx)
{
    find_view *v = ctx;
    const htx_district *d = htx_district_by_code(c->district);
    v->rows[v->count].id = c->id;
    club_check check = {v->club, false};
    htx_error err;
    if (v->club[0] && htx_membership_each(v->store, c->id, current_in_club, &check, &err) != HTX_OK)
        check.member = false;
    v->rows[v->count].member = check.member;
    snprintf(v->rows[v->count].text, sizeof v->rows[v->count].text, "%s%s · %s · %s",
             check.member ? v->member_mark : "", c->name, c->code, d ? d->name : "");
    return ++v->count == FIND_ROWS;
}

static void search(find_view *v, tui_app *app)
{
    v->count = 0;
    v->cursor = 0;
    if (!v->query[0])
        return;
    htx_filter f;
    htx_filter_init(&f);
    f.search = v->query;
    htx_error err;
    if (htx_query_each(app->store, &f, keep_row, v, &err) != HTX_OK)
        app_notice_error(app, &err);
}

static void find_draw(tui_view *view, tui_app *app, tui_canvas *c, tui_rect a)
{
    find_view *v = (find_view *)view;
    int width = a.width - 4 < 90 ? a.width - 4 : 90;
    int height = FIND_ROWS + 5 < a.height ? FIND_ROWS + 5 : a.height;
    int y = a.y + (a.height - height) / 2, x = a.x + (a.width - width) / 2;
    canvas_fill(c, y, x, height, width, STYLE_POPUP);
    canvas_box(c, y, x, height, width, STYLE_POPUP);
    canvas_text(c, y, x + 2, width - 4, v->title, STYLE_POPUP);
    char line[300];
    snprintf(line, sizeof line, "%s%s▏", ui_text(UI_SEARCH_PROMPT, app->lang), v->query);
    canvas_text_fill(c, y + 1, x + 1, width - 2, "", STYLE_INPUT);
    canvas_text(c, y + 1, x + 2, width - 4, line, STYLE_INPUT);
    for (int i = 0; i < v->count && i < height - 4; i++) {
        tui_style style = i == v->cursor ? STYLE_CURSOR : v->rows[i].member ? STYLE_DIM : STYLE_POPUP;
        canvas_text_fill(c, y + 2 + i, x + 1, width - 2, "", style);
        canvas_text(c, y + 2 + i, x + 2, width - 4, v->rows[i].text, style);
    }
    canvas_text(c, y + height - 2, x + 2, width - 4, ui_text(UI_FIND_HINT, app->lang), STYLE_DIM);
}

static int find_handle(tui_view *view, tui_app *app, const tui_event *e)
{
    find_view *v = (find_view *)view;
    if (e->type != EV_KEY)
        return e->type == EV_MOUSE ? VIEW_HANDLED : VIEW_IGNORED;
    size_t n = strlen(v->query);
    switch (e->action) {
    case ACT_CLOSE: return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
    case ACT_UP: v->cursor = v->cursor > 0 ? v->cursor - 1 : 0; return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_DOWN: v->cursor = v->cursor + 1 < v->count ? v->cursor + 1 : v->cursor; return VIEW_HANDLED | VIEW_REDRAW;
    case ACT_CHOOSE:
        if (v->count == 0)
            return VIEW_HANDLED;
        if (v->rows[v->cursor].member) {
            app_notice(app, ui_text(UI_FIND_ALREADY_MEMBER, app->lang));
            return VIEW_HANDLED | VIEW_REDRAW;
        }
        /* close first: the callback usually opens the next dialog */
        {
            tui_found_fn found = v->found;
            void *ctx = v->ctx;
            int64_t id = v->rows[v->cursor].id;
            app_remove(app, &v->base);
            found(app, ctx, id);
        }
        return VIEW_HANDLED | VIEW_REDRAW;
    default: break;
    }
    /* the rest edits the name being looked for */
    switch (e->key) {
    case TK_BACKSPACE:
        while (n > 0 && ((unsigned char)v->query[n - 1] & 0xC0) == 0x80)
            n--;
        v->query[n > 0 ? n - 1 : 0] = '\0';
        break;
    default:
        if (e->key >= ' ' && e->key < TK_SPECIAL) {
            char utf8[4];
            int len = htx_utf8_encode(e->key, utf8);
            if (n + (size_t)len < sizeof v->query) {
                memcpy(v->query + n, utf8, (size_t)len);
                v->query[n + (size_t)len] = '\0';
            }
        } else {
            return VIEW_HANDLED;
        }
        break;
    }
    search(v, app);
    return VIEW_HANDLED | VIEW_REDRAW;
}

static void find_destroy(tui_view *view)
{
    free(view);
}

static const tui_action find_actions[] = {ACT_CHOOSE, ACT_CLOSE, ACT_UP, ACT_DOWN, ACT_NONE};
static const tui_keymap find_keymap = {.actions = find_actions, .typing = true};

static const tui_view_ops find_ops = {
    .draw = find_draw,
    .handle = find_handle,
    .destroy = find_destroy,
    .popup = true,
    .keymap = &find_keymap,
};

tui_view *view_find_new(tui_app *app, const char *title, const char *club_code, tui_found_fn found, void *ctx)
{
    find_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->base.ops = &find_ops;
    v->store = app->store;
    snprintf(v->title, sizeof v->title, "%s", title);
    snprintf(v->club, sizeof v->club, "%s", club_code ? club_code : "");
    snprintf(v->member_mark, sizeof v->member_mark, "✓ %s · ", ui_text(UI_FIND_MEMBER_MARK, app->lang));
    v->found = found;
    v->ctx = ctx;
    return &v->base;
}
