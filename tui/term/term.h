/*
 * The terminal: the only part of htx that calls curses.
 *
 * It checks that the terminal can show the screens before touching it,
 * sets it up and restores it, turns input into tui_events (escape sequences
 * curses does not know are read by key_parse.h; function keys also as Esc
 * followed by a digit, for terminals that swallow them), and copies a
 * canvas to the screen in colour or monochrome.
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

/* Whether the terminal TERM names can show the full-screen interface. */
typedef enum term_verdict {
    TERM_USABLE,
    TERM_UNSET,      /* TERM is unset or empty */
    TERM_UNKNOWN,    /* no terminfo entry for TERM (or no terminfo at all) */
    TERM_TOO_SIMPLE, /* a dumb, generic or hard-copy terminal, or one
                      * without cursor addressing (no cup) */
} term_verdict;

/*
 * Reads TERM's terminfo entry and answers, writing nothing to the terminal
 * and leaving its modes as they were: call it before term_open, which
 * cannot draw on anything but TERM_USABLE.
 */
term_verdict term_check(void);

/* false when the terminal cannot be used (newterm failed). */
bool term_open(const term_options *options);
void term_close(void);

void term_size(int *width, int *height);

/* Waits up to timeout_ms for input; false on timeout. */
bool term_read(tui_event *e, int timeout_ms);

/* Whether the user has typed ahead: input is waiting to be read.  The
 * screen is not drawn then, and reading for an older key is given up. */
bool term_input_waiting(void);

void term_present(const tui_canvas *c);

#endif
