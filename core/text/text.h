/*
 * Vietnamese text in: UTF-8 validation and NFC normalisation.
 *
 * Every text that enters htx (an argument, a form field, an imported cell)
 * passes through htx_text_normalize() before it is stored, so the store holds
 * NFC only.  NFC turns pasted NFD text ("a" + U+0306 + U+0301) and the CP1258
 * composite form (precomposed "ă" + U+0301, or the deprecated tone marks
 * U+0340/U+0341) into the same precomposed string ("ắ").
 */
#ifndef HTX_TEXT_H
#define HTX_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

/*
 * Returns the byte offset of the first invalid UTF-8 sequence in s[0..len),
 * or -1 when s is valid.  Overlong forms, surrogates and code points above
 * U+10FFFF are invalid; so is an embedded NUL.
 */
long htx_utf8_invalid_at(const char *s, size_t len);

/*
 * Decodes the code point at s and returns its length in bytes; at the
 * terminating NUL returns 0 with *cp = 0.  Meant for validated text, but
 * safe on anything: a byte that does not start a valid sequence decodes as
 * U+FFFD of length 1, so a loop never reads past the terminator.
 */
int htx_utf8_decode(const char *s, int32_t *cp);

/* Writes cp as UTF-8 into out (not NUL-terminated); returns its length,
 * 0 for a value that is not a code point. */
int htx_utf8_encode(int32_t cp, char out[4]);

/* Number of code points in a valid UTF-8 string. */
size_t htx_utf8_length(const char *s);

/* White space: ASCII tab, newline, vertical tab, form feed, carriage return
 * and space, and the Unicode separators (categories Zs, Zl, Zp: U+00A0,
 * U+2003, U+3000 …).  The one definition used to trim and to collapse. */
bool htx_cp_is_space(int32_t cp);

/* A combining mark (categories Mn, Mc, Me): it belongs to the character
 * before it and is never separated from it. */
bool htx_cp_is_mark(int32_t cp);

/* A letter of any script (Unicode categories L*): where a word may go on. */
bool htx_cp_is_letter(int32_t cp);

typedef enum htx_text_kind {
    HTX_TEXT_LINE,      /* single line: every control character refused */
    HTX_TEXT_MULTILINE, /* notes: "\n" and "\t" allowed, "\r\n" folded to "\n" */
} htx_text_kind;

/*
 * Validates text as UTF-8 (error MSG_BAD_UTF8 naming the 1-based byte
 * position), refuses control characters (C0, DEL, C1; error MSG_CONTROL_CHAR
 * naming the 1-based character position in text as given; a lone "\r" is
 * refused even in MULTILINE), trims leading and trailing white space
 * (htx_cp_is_space: U+00A0 and the other Unicode spaces too), and writes the
 * NFC form into a fresh malloc'd string *out.  max_chars > 0 bounds the
 * stored result, trimmed and NFC, in code points (MSG_TOO_LONG naming the
 * limit).  field names the field in the error.  On failure *out is NULL.
 * NULL text is taken as "".
 */
htx_status htx_text_normalize(const char *text, htx_text_kind kind, size_t max_chars,
                              const char *field, char **out, htx_error *err);

/* NFC of valid UTF-8 text, malloc'd; no other checks.  NULL when out of
 * memory (or when text is not valid UTF-8). */
char *htx_text_nfc(const char *text);

/* Canonical decomposition of one code point ("ầ" → a, U+0302, U+0300);
 * returns how many code points were written. */
#define HTX_DECOMPOSITION_MAX 8
int htx_cp_decompose(int32_t cp, int32_t out[HTX_DECOMPOSITION_MAX]);

/* Invisible format characters (soft hyphen, zero-width space …): ignored by
 * collation, as in ICU, and by search, so a name pasted from a web page still
 * matches. */
bool htx_cp_is_ignorable(int32_t cp);

/* Vietnamese upper case, letter by letter, as much as fits whole in out:
 * "CLB Nhựa Hà Nội" → "CLB NHỰA HÀ NỘI". */
void htx_text_upper(const char *text, char *out, size_t size);

#endif
