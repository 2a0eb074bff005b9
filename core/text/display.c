#include "display.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

#define ELLIPSIS "\xE2\x80\xA6" /* U+2026, one column */
#define ELLIPSIS_BYTES 3
#define REPLACEMENT_CP 0xFFFD

static bool is_control(int32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

#define ZWJ 0x200D

static bool is_pictographic(int32_t cp)
{
    return cp >= 0xA9 && utf8proc_get_property(cp)->boundclass == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC;
}

/*
 * Terminals disagree on an emoji joined by ZWJ to others ("👨‍👩‍👧"): some draw
 * one picture of two columns, the Linux console and older xterm each emoji
 * of the sequence.  htx draws only its first emoji (with its marks), which
 * every terminal draws alike: the rest, each ZWJ and the emoji after it,
 * is left out.  Returns the bytes of that rest at s, where s follows an
 * emoji (0 when no ZWJ and emoji follow).
 */
static size_t zwj_rest(const char *s)
{
    size_t len = 0;
    int32_t cp;
    for (;;) {
        int n = htx_utf8_decode(s + len, &cp);
        if (cp != ZWJ)
            return len;
        int m = htx_utf8_decode(s + len + (size_t)n, &cp);
        if (m == 0 || !is_pictographic(cp))
            return len;
        len += (size_t)(n + m);
        while ((m = htx_utf8_decode(s + len, &cp)) > 0 && htx_cp_is_mark(cp))
            len += (size_t)m;
    }
}

int htx_cp_width(int32_t cp)
{
    if (cp < 0 || cp > 0x10FFFF || is_control(cp) || htx_cp_is_ignorable(cp))
        return 1; /* shown as a one-column placeholder */
    if (cp >= 0x20 && cp < 0x7F)
        return 1;
    return utf8proc_charwidth(cp);
}

size_t htx_text_width(const char *text)
{
    if (!text)
        return 0;
    size_t cols = 0;
    int32_t cp;
    bool after_emoji = false; /* marks may come between */
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n) {
        size_t rest = after_emoji ? zwj_rest(text) : 0;
        if (rest > 0) {
            text += rest;
            n = htx_utf8_decode(text, &cp);
            if (n == 0)
                break;
        }
        cols += (size_t)htx_cp_width(cp);
        after_emoji = is_pictographic(cp) || (after_emoji && htx_cp_is_mark(cp));
    }
    return cols;
}

/*
 * One unit that must not be split: a character and the combining marks that
 * follow it.  An invalid byte is a unit of its own, copied as U+FFFD so that
 * the output is always valid UTF-8.
 */
typedef struct unit {
    size_t in_bytes;  /* bytes of text the unit spans */
    size_t out_bytes; /* bytes it takes in the output */
    size_t cols;
} unit;

static unit next_unit(const char *s)
{
    unit u = {0, 0, 0};
    int32_t cp;
    int n = htx_utf8_decode(s, &cp);
    if (n == 0)
        return u;
    u.in_bytes = (size_t)n;
    u.out_bytes = (size_t)n;
    u.cols = (size_t)htx_cp_width(cp);
    if (cp == REPLACEMENT_CP && n == 1) {
        /* An invalid byte: a real U+FFFD takes 3 bytes. */
        u.out_bytes = 3;
        return u;
    }
    bool emoji = is_pictographic(cp);
    for (;;) {
        n = htx_utf8_decode(s + u.in_bytes, &cp);
        if (n == 0 || !htx_cp_is_mark(cp))
            break;
        u.in_bytes += (size_t)n;
        u.out_bytes += (size_t)n;
        u.cols += (size_t)htx_cp_width(cp);
    }
    /* The rest of a ZWJ sequence goes with its first emoji, taking no
     * column of its own. */
    size_t rest = emoji ? zwj_rest(s + u.in_bytes) : 0;
    u.in_bytes += rest;
    u.out_bytes += rest;
    return u;
}

static void copy_unit(const char *s, unit u, char *out)
{
    if (u.out_bytes != u.in_bytes) {
        /* An invalid byte: a unit of its own (see next_unit). */
        static const char replacement[] = "\xEF\xBF\xBD";
        memcpy(out, replacement, 3);
        return;
    }
    memcpy(out, s, u.in_bytes);
}

/*
 * Copies whole units of text while they fit in max_cols columns and, with the
 * terminator, in size bytes.  Returns the bytes written (not terminated);
 * *cols gets the columns and *complete whether all of text was copied.
 */
static size_t copy_fitting(const char *text, size_t max_cols, char *out, size_t size,
                           size_t *cols, bool *complete)
{
    size_t o = 0;
    *cols = 0;
    *complete = false;
    for (;;) {
        unit u = next_unit(text);
        if (u.in_bytes == 0) {
            *complete = true;
            return o;
        }
        if (*cols + u.cols > max_cols || o + u.out_bytes + 1 > size)
            return o;
        copy_unit(text, u, out + o);
        o += u.out_bytes;
        *cols += u.cols;
        text += u.in_bytes;
    }
}

size_t htx_text_crop(const char *text, size_t max_cols, char *out, size_t size)
{
    if (size == 0)
        return 0;
    if (!text)
        text = "";
    size_t cols;
    bool complete;
    size_t o = copy_fitting(text, max_cols, out, size, &cols, &complete);
    if (complete || max_cols == 0) {
        out[o] = '\0';
        return cols;
    }
    if (size < ELLIPSIS_BYTES + 1) {
        out[o] = '\0'; /* no room to mark the cut */
        return cols;
    }
    /* Cut: start again leaving one column and three bytes for the "…". */
    o = copy_fitting(text, max_cols - 1, out, size - ELLIPSIS_BYTES, &cols, &complete);
    memcpy(out + o, ELLIPSIS, ELLIPSIS_BYTES);
    out[o + ELLIPSIS_BYTES] = '\0';
    return cols + 1;
}

size_t htx_text_pad(const char *text, size_t max_cols, char *out, size_t size)
{
    size_t cols = htx_text_crop(text, max_cols, out, size);
    if (size == 0)
        return 0;
    size_t o = strlen(out);
    /* A wide character that did not fit the last column leaves a gap. */
    while (cols < max_cols && o + 1 < size) {
        out[o++] = ' ';
        cols++;
    }
    out[o] = '\0';
    return cols;
}

static size_t put_utf8(char *out, int32_t cp)
{
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

char *htx_text_sanitize(const char *text)
{
    if (!text)
        text = "";
    /* Every input byte yields at most three output bytes: a one-byte C0
     * control or an invalid byte becomes a three-byte symbol, a two-byte C1
     * control a three-byte U+FFFD. */
    char *out = malloc(3 * strlen(text) + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    int32_t cp;
    bool after_emoji = false;
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n) {
        if (after_emoji) {
            text += zwj_rest(text);
            n = htx_utf8_decode(text, &cp);
            if (n == 0)
                break;
        }
        after_emoji = is_pictographic(cp) || (after_emoji && htx_cp_is_mark(cp));
        if (cp < 0x20)
            o += put_utf8(out + o, 0x2400 + cp);
        else if (cp == 0x7F)
            o += put_utf8(out + o, 0x2421);
        else if (cp >= 0x80 && cp <= 0x9F)
            o += put_utf8(out + o, REPLACEMENT_CP);
        else if (cp == REPLACEMENT_CP && n == 1)
            o += put_utf8(out + o, REPLACEMENT_CP); /* an invalid byte */
        else if (htx_cp_is_ignorable(cp))
            o += put_utf8(out + o, REPLACEMENT_CP); /* invisible: zero width, BOM, bidi */
        else {
            memcpy(out + o, text, (size_t)n);
            o += (size_t)n;
        }
    }
    out[o] = '\0';
    return out;
}
