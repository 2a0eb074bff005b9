/*
 * The terminal: the only part of htx that calls curses.
 *
 * It sets the terminal up and restores it, turns input into tui_events
 * (function keys also as Esc followed by a digit, for terminals that swallow
 * them), and copies a canvas to the screen in colour or monochrome.
 */
#ifndef HTX_TUI_TERM_H
#define HTX_TUI_TERM_H

#include <stdbool.h>

#include "canvas.h"
#include "view.h"

typedef struct term_options {
    bool color; /* false: --no-color or NO_COLOR */
    bool mouse;
} term_options;

/* false when the terminal cannot be used (not a terminal, unknown TERM). */
bool term_open(const term_options *options);
void term_close(void);

void term_size(int *width, int *height);

/* Waits up to timeout_ms for input; false on timeout. */
bool term_read(tui_event *e, int timeout_ms);

void term_present(const tui_canvas *c);

#endif
