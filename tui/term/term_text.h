/*
 * What the terminal layer may write: the text of a canvas cell, checked
 * once more on its way out.
 *
 * The canvas already makes every stored text safe (htx_text_sanitize: a
 * control character becomes a visible placeholder); term.c still writes a
 * cell only when this says it is printable, so no path that fills a cell
 * can ever send an escape sequence or a control character to the terminal.
 * Curses-free, tested without a terminal (tests/test_key_parse.c).
 */
#ifndef HTX_TUI_TERM_TEXT_H
#define HTX_TUI_TERM_TEXT_H

#include <stdbool.h>

/* true for valid UTF-8 without C0 controls (newline and tab included), DEL
 * or C1 controls; "" is safe. */
bool term_text_safe(const char *text);

/* The text written instead of a cell that is not safe: "�" (U+FFFD). */
#define TERM_TEXT_UNSAFE "\xEF\xBF\xBD"

#endif
