/*
 * A popup list of choices (sort order, filter, a form's district …):
 * Up/Down, Enter chooses, Esc closes; typing narrows the list with the
 * core's search rules (no marks needed).  Items are copied, so callers may
 * pass temporary strings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "fold.h"
#include "text.h"
#include "ui_text.h"
#include "views.h"

#define MAX_CHOICES 128 /* the 126 communes and wards */

typedef struct choice_view {
    tui_view base;
    char title[128];
    char *items[MAX_CHOICES];
    int count;
    int shown[MAX_CHOICES]; /* indexes of the items the filter lets through */
    int shown_count;
    char filter[128];
    int cursor; /* into shown */
    int first_y; /* screen row of the first item, for clicks */
    int first_shown;
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
    int height = p->count + 3 + (p->filter[0] ? 1 : 0);
    if (height > a.height)
        height = a.height;
    int y = a.y + (a.height - height) / 2;
    int x = a.x + (a.width - width) / 2;
    canvas_fill(c, y, x, height, width, STYLE_POPUP);
    canvas_box(c, y, x, height, width, STYLE_POPUP);
    canvas_text(c, y, x + 2, width - 4, p->title, STYLE_POPUP);
    int visible = height - 3 - (p->filter[0] ? 1 : 0);
    int first = p->cursor >= visible ? p->cursor - visible + 1 : 0;
    p->first_y = y + 1;
    p->first_shown = first;
    for (int r = 0; r < visible && first + r < p->shown_count; r++) {
        int i = first + r;
        tui_style style = i == p->cursor ? STYLE_CURSOR : STYLE_POPUP;
        canvas_text_fill(c, y + 1 + r, x + 1, width - 2, "", style);
        canvas_text(c, y + 1 + r, x + 2, width - 4, p->items[p->shown[i]], style);
    }
    if (p->filter[0]) {
        char line[200];
        snprintf(line, sizeof line, "%s%s", ui_text(UI_SEARCH_PROMPT, app->lang), p->filter);
        canvas_text_fill(c, y + height - 3, x + 1, width - 2, "", STYLE_INPUT);
        canvas_text(c, y + height - 3, x + 2, width - 4, line, STYLE_INPUT);
    }
    canvas_text(c, y + height - 2, x + 2, width - 4, ui_text(UI_FILTER_HINT, app->lang), STYLE_POPUP);
}

static int choose(choice_view *p, tui_app *app)
{
    if (p->shown_count == 0)
        return VIEW_HANDLED;
    p->chosen(app, p->ctx, p->shown[p->cursor]);
    return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
}

static void apply_filter(choice_view *p)
{
    htx_query_pattern *q = htx_query_compile(p->filter);
    p->shown_count = 0;
    for (int i = 0; i < p->count; i++)
        if (!q || htx_query_matches(q, p->items[i]))
            p->shown[p->shown_count++] = i;
    htx_query_free(q);
    if (p->cursor >= p->shown_count)
        p->cursor = p->shown_count > 0 ? p->shown_count - 1 : 0;
}

/* Typed characters narrow the list; Backspace widens it again. */
static bool filter_key(choice_view *p, int key)
{
    size_t n = strlen(p->filter);
    if (key == TK_BACKSPACE) {
        if (n == 0)
            return false;
        while (n > 0 && ((unsigned char)p->filter[n - 1] & 0xC0) == 0x80)
            n--;
        p->filter[n > 0 ? n - 1 : 0] = '\0';
    } else if (key >= ' ' && key < TK_SPECIAL) {
        char utf8[4];
        int len = htx_utf8_encode(key, utf8);
        if (len == 0 || n + (size_t)len >= sizeof p->filter)
            return true;
        memcpy(p->filter + n, utf8, (size_t)len);
        p->filter[n + (size_t)len] = '\0';
    } else {
        return false;
    }
    p->cursor = 0;
    apply_filter(p);
    return true;
}

static int choice_handle(tui_view *v, tui_app *app, const tui_event *e)
{
    choice_view *p = (choice_view *)v;
    if (e->type == EV_MOUSE) {
        int i = p->first_shown + e->y - p->first_y;
        if (e->button == MOUSE_CLICK && e->y >= p->first_y && i < p->shown_count) {
            p->cursor = i;
            return choose(p, app);
        }
        return VIEW_HANDLED;
    }
    if (e->type != EV_KEY)
        return VIEW_IGNORED;
    int last = p->shown_count > 0 ? p->shown_count - 1 : 0;
    switch (e->action) {
    case ACT_UP: p->cursor = p->cursor > 0 ? p->cursor - 1 : last; break;
    case ACT_DOWN: p->cursor = p->cursor < last ? p->cursor + 1 : 0; break;
    case ACT_HOME:
    case ACT_PAGE_UP: p->cursor = 0; break;
    case ACT_END:
    case ACT_PAGE_DOWN: p->cursor = last; break;
    case ACT_CHOOSE: return choose(p, app);
    case ACT_CANCEL: return VIEW_HANDLED | VIEW_CLOSE | VIEW_REDRAW;
    default: filter_key(p, e->key); break;
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

/* Typed letters narrow the list. */
static const tui_action choice_actions[] = {
    ACT_CHOOSE, ACT_CANCEL, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_NONE,
};
static const tui_keymap choice_keymap = {.actions = choice_actions, .typing = true};

static const tui_view_ops choice_ops = {
    .draw = choice_draw,
    .handle = choice_handle,
    .destroy = choice_destroy,
    .popup = true,
    .keymap = &choice_keymap,
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
    apply_filter(p);
    p->cursor = selected >= 0 && selected < p->count ? selected : 0;
    p->chosen = chosen;
    p->ctx = ctx;
    return &p->base;
}
