/*
 * What the fuzz harnesses share: a check that stops the run (libFuzzer
 * keeps the input that broke it), and oracles written independently of the
 * code under test — a strict UTF-8 validator, NFC through utf8proc itself.
 */
#ifndef HTX_FUZZ_SUPPORT_H
#define HTX_FUZZ_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <iconv.h>
#include <utf8proc.h>

/* A property that does not hold: name it, then abort so libFuzzer saves the
 * input as a crash. */
#define FUZZ_CHECK(cond)                                                                       \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            fprintf(stderr, "fuzz: %s:%d: property violated: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                           \
        }                                                                                      \
    } while (0)

/* glibc loads an iconv module when a converter opens and unloads it when
 * the last one closes: htx opens one per conversion, which is cheap once per
 * file but would be most of a fuzzer's time.  Holding one converter per
 * charset open for the whole run keeps the modules loaded; htx still opens
 * its own converters. */
static inline void fuzz_keep_iconv_loaded(void)
{
    static const char *const charsets[] = {"WINDOWS-1258", "VISCII", "TCVN5712-1", "UTF-16LE",
                                           "UTF-16BE"};
    static iconv_t held[2 * sizeof charsets / sizeof charsets[0]]; /* never closed, on purpose */
    for (size_t i = 0; i < sizeof charsets / sizeof charsets[0]; i++) {
        held[2 * i] = iconv_open("UTF-8", charsets[i]);
        held[2 * i + 1] = iconv_open(charsets[i], "UTF-8");
    }
}

/* Out of memory is not what these harnesses look for: stop loudly. */
static inline void *fuzz_alloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        abort();
    return p;
}

/* A NUL-terminated copy of the bytes (an embedded NUL ends the string). */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
    char *s = fuzz_alloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* Length of the valid UTF-8 sequence at s[0..len), 0 when invalid: shortest
 * form only, no surrogates, nothing above U+10FFFF. */
static inline int fuzz_utf8_seq(const unsigned char *s, size_t len, int32_t *cp)
{
    if (len == 0)
        return 0;
    unsigned c = s[0];
    int n;
    int32_t v, min;
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (len < (size_t)n)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

/* Valid UTF-8 with no NUL inside. */
static inline bool fuzz_utf8_valid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        int n = fuzz_utf8_seq(u + i, len - i, &cp);
        if (n == 0 || cp == 0)
            return false;
        i += (size_t)n;
    }
    return true;
}

static inline bool fuzz_str_valid(const char *s)
{
    return s && fuzz_utf8_valid(s, strlen(s));
}

/* True when s (valid UTF-8) is in NFC, by utf8proc's own normalisation. */
static inline bool fuzz_is_nfc(const char *s)
{
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)s);
    if (!nfc)
        abort();
    bool same = strcmp((const char *)nfc, s) == 0;
    free(nfc);
    return same;
}

/* Valid UTF-8 made from any bytes: every byte that does not start a valid
 * sequence, and every NUL, becomes U+FFFD.  Malloc'd, NUL-terminated. */
static inline char *fuzz_make_valid(const uint8_t *data, size_t size)
{
    char *out = fuzz_alloc(3 * size + 1);
    size_t o = 0;
    for (size_t i = 0; i < size;) {
        int32_t cp;
        int n = fuzz_utf8_seq(data + i, size - i, &cp);
        if (n == 0 || cp == 0) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            memcpy(out + o, data + i, (size_t)n);
            o += (size_t)n;
            i += (size_t)n;
        }
    }
    out[o] = '\0';
    return out;
}

/* Splits the input in two: at its first NUL byte when it has one, else in
 * the middle (on a byte: either half may begin or end inside a character). */
static inline void fuzz_split(const uint8_t *data, size_t size, size_t *first_len,
                              const uint8_t **second, size_t *second_len)
{
    const uint8_t *nul = memchr(data, 0, size);
    if (nul) {
        *first_len = (size_t)(nul - data);
        *second = nul + 1;
        *second_len = size - *first_len - 1;
    } else {
        *first_len = size / 2;
        *second = data + size / 2;
        *second_len = size - size / 2;
    }
}

static inline int fuzz_sign(int v)
{
    return (v > 0) - (v < 0);
}

#endif
