/*
 * Moving through content taller than its window, shared by the screens that
 * page through lines (detail, statistics, help) and those with a cursor on a
 * row (clubs, roster), so that every screen answers the same keys the same
 * way; and the wrapping of long text into the rows such screens scroll.
 */
#ifndef HTX_TUI_SCROLL_H
#define HTX_TUI_SCROLL_H

#include <stdbool.h>

#include "keys.h"
#include "view.h"

typedef struct tui_scroll {
    int count;        /* rows of content */
    int page;         /* rows that fit in the window */
    int top;          /* first row shown */
    int cursor;       /* the selected row when has_cursor */
    bool has_cursor;  /* false: the keys move the window itself */
} tui_scroll;

void tui_scroll_init(tui_scroll *s, bool has_cursor);

/* New content size or window height: keeps top and cursor within range
 * and the cursor in the window. */
void tui_scroll_fit(tui_scroll *s, int count, int page);

/* Applies a movement action (up, down, page up/down, home, end); false when
 * action is not a movement. */
bool tui_scroll_action(tui_scroll *s, tui_action action);

/* Applies a mouse wheel turn; false for other events. */
bool tui_scroll_wheel(tui_scroll *s, const tui_event *e);

/* Puts the cursor on the row shown at window row index (a click); false when
 * there is no content there. */
bool tui_scroll_point(tui_scroll *s, int index);

/* What the mouse does to a list with a cursor whose first row is drawn at
 * screen row first_y: the wheel scrolls, a click moves the cursor, and a
 * double click on a row sets *open (the view then opens that row).
 * Returns the view's flags. */
int tui_scroll_mouse(tui_scroll *s, const tui_event *e, int first_y, bool *open);

/*
 * Wrapping long text into rows: the byte length of the longest start of
 * text that fits in width columns, broken after a space when there is one;
 * never splits a character or separates a letter from its marks, and always
 * at least one character so that wrapping moves on.
 */
size_t tui_wrap_length(const char *text, int width);

/* "12/40" (with thousands dots) for the status line: the cursor's position,
 * or the last row shown when there is no cursor. */
void tui_scroll_position(const tui_scroll *s, char *out, size_t size);

#endif
