/*
 * An in-memory screen: a grid of cells that views draw into.
 *
 * Views never call curses; they draw on a canvas, which the terminal layer
 * (term.h) copies to the screen and tests read back as text.  Text is placed
 * by display columns: a wide character takes two cells, combining marks stay
 * with their base, control characters become visible placeholders, and text
 * that does not fit is cropped with "…".
 */
#ifndef HTX_TUI_CANVAS_H
#define HTX_TUI_CANVAS_H

#include <stdbool.h>
#include <stddef.h>

/* What a cell is, not how it looks: the terminal layer maps each style to
 * colours or, in monochrome, to bold/reverse/underline. */
typedef enum tui_style {
    STYLE_NORMAL,
    STYLE_TITLE,       /* the title line */
    STYLE_STATUS,      /* the status line */
    STYLE_BAR_KEY,     /* "F1" in the function bar */
    STYLE_BAR_LABEL,   /* "Trợ giúp" in the function bar */
    STYLE_HEADER,      /* column headers, section titles */
    STYLE_CURSOR,      /* the selected row of the focused panel */
    STYLE_CURSOR_DIM,  /* the selected row of a panel without focus */
    STYLE_BORDER,
    STYLE_DIM,         /* secondary text: counts, hints */
    STYLE_CHART,       /* the filled part of a bar */
    STYLE_ERROR,
    STYLE_POPUP,       /* popup background */
    STYLE_INPUT,       /* a text entry line */
    STYLE_COUNT
} tui_style;

#define TUI_CELL_TEXT 16 /* a base character and its combining marks */

typedef struct tui_cell {
    char text[TUI_CELL_TEXT]; /* "" for the right half of a wide character */
    unsigned char style;
} tui_cell;

typedef struct tui_canvas {
    int width, height;
    tui_cell *cells;
} tui_canvas;

/* false when out of memory. */
bool canvas_init(tui_canvas *c, int width, int height);
bool canvas_resize(tui_canvas *c, int width, int height);
void canvas_free(tui_canvas *c);

/* Fills a rectangle (clipped to the canvas) with spaces of style. */
void canvas_fill(tui_canvas *c, int y, int x, int height, int width, tui_style style);

/*
 * Writes text at (y, x) within max_cols columns (clipped to the canvas),
 * cropping with "…" when it does not fit.  Returns the columns written.
 */
int canvas_text(tui_canvas *c, int y, int x, int max_cols, const char *text, tui_style style);

/* As canvas_text for text that came from outside (a file, the register):
 * its control characters are drawn as visible placeholders, never sent. */
int canvas_text_safe(tui_canvas *c, int y, int x, int max_cols, const char *text, tui_style style);

/* As canvas_text, then fills the rest of max_cols with spaces of style. */
int canvas_text_fill(tui_canvas *c, int y, int x, int max_cols, const char *text, tui_style style);

/* Writes text right-aligned in the max_cols columns ending before x + max_cols. */
void canvas_text_right(tui_canvas *c, int y, int x, int max_cols, const char *text, tui_style style);

/* A box outline with single lines. */
void canvas_box(tui_canvas *c, int y, int x, int height, int width, tui_style style);

/* Sets the style of a span without changing its text. */
void canvas_restyle(tui_canvas *c, int y, int x, int width, tui_style style);

/* The canvas as text: one line per row, trailing spaces removed; malloc'd. */
char *canvas_dump(const tui_canvas *c);

const tui_cell *canvas_cell(const tui_canvas *c, int y, int x);

#endif
