/*
 * Display width of text on a terminal, cropping by columns, and making
 * stored text safe to show.
 *
 * Used by the whole UI and by text reports: never crop UTF-8 by bytes.
 */
#ifndef HTX_DISPLAY_H
#define HTX_DISPLAY_H

#include <stddef.h>
#include <stdint.h>

/* Columns taken by one code point: 0 for combining marks, 2 for wide (CJK),
 * 1 otherwise.  Control characters and invisible format characters (U+200B,
 * U+FEFF, bidi controls: htx_cp_is_ignorable) count as the width of their
 * placeholder (see htx_text_sanitize). */
int htx_cp_width(int32_t cp);

/* Columns taken by valid UTF-8 text.  An emoji sequence joined by ZWJ
 * ("👨‍👩‍👧") takes the columns of its first emoji, the only one drawn (see
 * htx_text_sanitize): terminals that draw it as one picture and those that
 * draw each emoji (the Linux console) then agree. */
size_t htx_text_width(const char *text);

/*
 * Copies as much of text as fits in max_cols columns into out (size bytes,
 * always NUL-terminated when size > 0), never splitting a character or
 * separating a base letter from its combining marks.  When text does not
 * fit, the copy ends with "…" (one column) within max_cols; when out is too
 * small the copy is cut the same way (without "…" if even that does not
 * fit).  Invalid bytes are copied as U+FFFD; control characters are copied
 * as they are, so sanitize first what goes to the terminal.  Returns the
 * columns used.
 */
size_t htx_text_crop(const char *text, size_t max_cols, char *out, size_t size);

/* As htx_text_crop, then pads with spaces to exactly max_cols columns (as
 * far as out has room).  Returns the columns used. */
size_t htx_text_pad(const char *text, size_t max_cols, char *out, size_t size);

/*
 * Makes text safe to write to a terminal or a report: every control
 * character (all of C0, newline and tab included; DEL; C1) and every invalid
 * byte becomes a visible one-column placeholder — the U+2400 block symbol
 * U+2400 + code for C0 ("␛" for ESC, "␊" for newline, "␉" for tab), "␡" for
 * DEL, "�" for C1 and for each invalid byte — so stored escape sequences can
 * never reach the terminal.  Invisible format characters (zero-width space,
 * BOM, bidi controls, a ZWJ outside an emoji sequence) become "�" too, so a
 * name holding one shows that it does; of an emoji sequence joined by ZWJ
 * only the first emoji is kept.  Returns a malloc'd string or NULL.
 */
char *htx_text_sanitize(const char *text);

#endif
