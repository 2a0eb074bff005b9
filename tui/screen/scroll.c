#include "scroll.h"

#include <stdio.h>

#include "display.h"
#include "format.h"
#include "text.h"

enum { WHEEL_STEP = 3 };

void tui_scroll_init(tui_scroll *s, bool has_cursor)
{
    s->count = 0;
    s->page = 1;
    s->top = 0;
    s->cursor = 0;
    s->has_cursor = has_cursor;
}

static int clamp(int value, int low, int high)
{
    return value < low ? low : value > high ? high : value;
}

static void settle(tui_scroll *s)
{
    int last_top = s->count > s->page ? s->count - s->page : 0;
    if (s->has_cursor) {
        s->cursor = clamp(s->cursor, 0, s->count > 0 ? s->count - 1 : 0);
        if (s->cursor < s->top)
            s->top = s->cursor;
        if (s->cursor >= s->top + s->page)
            s->top = s->cursor - s->page + 1;
    }
    s->top = clamp(s->top, 0, last_top);
}

void tui_scroll_fit(tui_scroll *s, int count, int page)
{
    s->count = count > 0 ? count : 0;
    s->page = page > 0 ? page : 1;
    settle(s);
}

/* Moves the cursor, or the window when there is no cursor. */
static void move_by(tui_scroll *s, int delta)
{
    if (s->has_cursor)
        s->cursor += delta;
    else
        s->top += delta;
    settle(s);
}

bool tui_scroll_action(tui_scroll *s, tui_action action)
{
    /* the window keeps one row of context when paging */
    int page_step = s->page > 1 ? s->page - 1 : 1;
    switch (action) {
    case ACT_UP: move_by(s, -1); return true;
    case ACT_DOWN: move_by(s, 1); return true;
    case ACT_PAGE_UP: move_by(s, -page_step); return true;
    case ACT_PAGE_DOWN: move_by(s, page_step); return true;
    case ACT_HOME:
        s->top = s->cursor = 0;
        settle(s);
        return true;
    case ACT_END:
        s->cursor = s->count - 1;
        s->top = s->count;
        settle(s);
        return true;
    default: return false;
    }
}

bool tui_scroll_wheel(tui_scroll *s, const tui_event *e)
{
    if (e->type != EV_MOUSE || (e->button != MOUSE_WHEEL_UP && e->button != MOUSE_WHEEL_DOWN))
        return false;
    move_by(s, e->button == MOUSE_WHEEL_UP ? -WHEEL_STEP : WHEEL_STEP);
    return true;
}

bool tui_scroll_point(tui_scroll *s, int index)
{
    if (index < 0 || index >= s->page || s->top + index >= s->count)
        return false;
    s->cursor = s->top + index;
    settle(s);
    return true;
}

size_t tui_wrap_length(const char *text, int width)
{
    size_t at = 0, after_space = 0;
    int used = 0;
    while (text[at]) {
        int32_t cp;
        size_t length = (size_t)htx_utf8_decode(text + at, &cp);
        for (;;) { /* the marks that follow belong to this character */
            int32_t next;
            int n = htx_utf8_decode(text + at + length, &next);
            if (n <= 0 || htx_cp_width(next) != 0)
                break;
            length += (size_t)n;
        }
        int w = htx_cp_width(cp);
        if (w <= 0)
            w = 1;
        if (used + w > width)
            return after_space ? after_space : at ? at : length;
        used += w;
        at += length;
        if (cp == ' ')
            after_space = at;
    }
    return at;
}

void tui_scroll_position(const tui_scroll *s, char *out, size_t size)
{
    int shown = s->has_cursor ? s->cursor + 1 : s->top + s->page;
    if (shown > s->count)
        shown = s->count;
    char at[32], total[32];
    htx_format_thousands(shown, at, sizeof at);
    htx_format_thousands(s->count, total, sizeof total);
    snprintf(out, size, "%s/%s", at, total);
}

int tui_scroll_mouse(tui_scroll *s, const tui_event *e, int first_y, bool *open)
{
    *open = false;
    if (tui_scroll_wheel(s, e))
        return VIEW_HANDLED | VIEW_REDRAW;
    if (!tui_scroll_point(s, e->y - first_y))
        return VIEW_HANDLED;
    *open = e->button == MOUSE_DOUBLE_CLICK;
    return VIEW_HANDLED | VIEW_REDRAW;
}
