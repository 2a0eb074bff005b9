/*
 * A popup list of choices (sort order, filter): Up/Down, Enter chooses,
 * Esc closes.  Items are copied, so callers may pass temporary strings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "ui_text.h"
#include "views.h"

#define MAX_CHOICES 32

typedef struct choice_view {
    tui_view base;
    char title[128];
    char *items[MAX_CHOICES];
    int count;
    int cursor;
    int first_y; /* screen row of the first item, for clicks */
    tui_choice_fn chosen;
    void *ctx;
} choice_view;

static void choice_draw(tui_view *v, tui_app *app, tui_canvas *c, tui_rect a)
{
    choice_view *p = (choice_view *)v;
    int width = (int)htx_text_width(p->title) + 4;
    for (int i = 0; i < p->count; i++) {
        int w = (int)htx_text_width(p->items[i]) + 4;
        if (w > width)
            width = w;
    }
    int hint = (int)htx_text_width(ui_text(UI_FILTER_HINT, app->lang)) + 4;
    if (hint > width)
        width = hint;
    if (width > a.width - 2)
        width = a.width - 2;
    int height = p->count + 3;
    if (height > a.height)
        height = a.height;
    int y = a.y + (a.height - height) / 2;
    int x = a.x + (a.width - width) / 2;
    canvas_fill(c, y, x, height, width, STYLE_POPUP);
    canvas_box(c, y, x, height, width, STYLE_POPUP);
    canvas_text(c, y, x + 2, width - 4, p->title, STYLE_POPUP);
    int visible = height - 3;
    int first = p->cursor >= visible ? p->cursor - visible + 1 : 0;
    p->first_y = y + 1;
    for (int r = 0; r < visible && first + r < p->count; r++) {
        int i = first + r;
        tui_style style = i == p->cursor ? STYLE_CURSOR : STYLE_POPUP;
        canvas_text_fill(c, y + 1 + r, x + 1, width - 2, "", style);
        canvas_text(c, y + 1 + r, x + 2, width - 4, p->items[i], style);
    }
    canvas_text(c, y + height - 2, x + 2, width - 4, ui_text(UI_FILTER_HINT, app->lang), STYLE_POPUP);
}

static int choose(choice_view *p, tui_app *app)
{
    p->chosen(app, p->ctx, p->cursor);
    return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
}

static int choice_handle(tui_view *v, tui_app *app, const tui_event *e)
{
    choice_view *p = (choice_view *)v;
    if (e->type == EV_MOUSE) {
        int i = e->y - p->first_y;
        if (e->button == MOUSE_CLICK && i >= 0 && i < p->count) {
            p->cursor = i;
            return choose(p, app);
        }
        return VIEW_HANDLED;
    }
    if (e->type != EV_KEY)
        return VIEW_IGNORED;
    switch (tui_action_for_key(e->key)) {
    case ACT_UP: p->cursor = p->cursor > 0 ? p->cursor - 1 : p->count - 1; break;
    case ACT_DOWN: p->cursor = p->cursor + 1 < p->count ? p->cursor + 1 : 0; break;
    case ACT_HOME: p->cursor = 0; break;
    case ACT_END: p->cursor = p->count - 1; break;
    case ACT_OPEN:
        if (e->key == TK_ENTER)
            return choose(p, app);
        break;
    case ACT_BACK:
    case ACT_QUIT:
        if (e->key == TK_ESCAPE || e->key == 'q' || e->key == TK_F10)
            return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
        break;
    default: break;
    }
    return VIEW_HANDLED | VIEW_REDRAW; /* a popup keeps every key to itself */
}

static void choice_destroy(tui_view *v)
{
    choice_view *p = (choice_view *)v;
    for (int i = 0; i < p->count; i++)
        free(p->items[i]);
    free(p);
}

static const tui_view_ops choice_ops = {
    .draw = choice_draw,
    .handle = choice_handle,
    .destroy = choice_destroy,
    .popup = true,
};

tui_view *view_choice_new(tui_app *app, const char *title, const char *const items[], int count,
                          int selected, tui_choice_fn chosen, void *ctx)
{
    (void)app;
    choice_view *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->base.ops = &choice_ops;
    snprintf(p->title, sizeof p->title, "%s", title);
    for (int i = 0; i < count && i < MAX_CHOICES; i++) {
        p->items[i] = strdup(items[i]);
        if (!p->items[i]) {
            choice_destroy(&p->base);
            return NULL;
        }
        p->count++;
    }
    p->cursor = selected >= 0 && selected < p->count ? selected : 0;
    p->chosen = chosen;
    p->ctx = ctx;
    return &p->base;
}
