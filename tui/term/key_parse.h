/*
 * Escape sequences that curses did not turn into keys, read by htx itself.
 *
 * curses knows the keys of the terminfo entry TERM names; a terminal that
 * sends other sequences for the same keys (PuTTY's or rxvt's Home and End
 * under TERM=xterm-256color, the Linux console's F1 … F5, keys with Ctrl or
 * Shift) reaches htx as Esc followed by the rest of the sequence.  This is a
 * pure function from the characters after that Esc to a key, so it is
 * tested without a terminal (tests/test_key_parse.c); term.c reads the
 * characters and puts back what the key did not use.
 *
 * What follows an Esc:
 *   a digit              a function key (Esc 1 … Esc 9 = F1 … F9, Esc 0 =
 *                        F10), for terminals that swallow them;
 *   "[" …                a CSI sequence, read whole: parameters 0x30–0x3F,
 *                        intermediates 0x20–0x2F, a final byte 0x40–0x7E
 *                        (and the Linux console's "[[A" … "[[E");
 *   "O" x                an SS3 sequence;
 *   anything else        nothing: the Esc is Esc alone and what followed is
 *                        read again as keys.
 * A sequence htx has no key for is ignored, never taken for Esc.  Modifiers
 * ("ESC [ 1 ; 5 C", Ctrl-Right) give the plain key.
 */
#ifndef HTX_TUI_KEY_PARSE_H
#define HTX_TUI_KEY_PARSE_H

#include <stdbool.h>
#include <stdint.h>

/* The longest sequence read after an Esc; a longer one is dropped whole. */
#define KEY_PARSE_MAX 32

typedef enum key_parse_result {
    KEY_PARSE_MORE, /* a sequence has begun: read one more character */
    KEY_PARSE_DONE, /* *key and *used are set */
} key_parse_result;

/*
 * after: the n characters (code points) read after an Esc so far; ended:
 * no more came in time (or n reached KEY_PARSE_MAX), so the answer must be
 * DONE.  On DONE, *key is the key: TK_ESCAPE for Esc alone, TK_NONE for a
 * sequence to ignore, or the key the sequence stands for; *used is how many
 * characters of after it took: the others are input to read again.
 */
key_parse_result key_parse_escape(const uint32_t *after, int n, bool ended, int *key, int *used);

/*
 * The key of a key curses recognised but names only by its terminfo name:
 * the modified cursor and editing keys of xterm-like entries ("kRIT5" is
 * Ctrl-Right: TK_RIGHT; "kDC3" Alt-Delete: TK_DELETE).  TK_NONE for others.
 */
int key_parse_curses_name(const char *name);

#endif
