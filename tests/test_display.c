/* Unit tests for core/display.c: columns, cropping and sanitising. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "display.h"
#include "text.h"

#define HOP_TAC_XA "H\xE1\xBB\xA3p t\xC3\xA1\x63 x\xC3\xA3"
#define HOP_TAC_XA_NFD "Ho\xCC\x9B\xCC\xA3p ta\xCC\x81\x63 xa\xCC\x83"
#define CJK "\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97" /* 中文字, 6 columns */
#define ELLIPSIS "\xE2\x80\xA6"

static void test_cp_width(void **state)
{
    (void)state;
    assert_int_equal(htx_cp_width('a'), 1);
    assert_int_equal(htx_cp_width(0x1EE3), 1); /* ợ */
    assert_int_equal(htx_cp_width(0x0111), 1); /* đ */
    assert_int_equal(htx_cp_width(0x0300), 0);
    assert_int_equal(htx_cp_width(0x0323), 0);
    assert_int_equal(htx_cp_width(0x031B), 0);
    assert_int_equal(htx_cp_width(0x4E2D), 2);
    assert_int_equal(htx_cp_width(0xFF21), 2); /* fullwidth A */
    assert_int_equal(htx_cp_width(0x2026), 1);
    /* controls count as their one-column placeholder */
    assert_int_equal(htx_cp_width(0x1B), 1);
    assert_int_equal(htx_cp_width('\n'), 1);
    assert_int_equal(htx_cp_width(0x7F), 1);
    assert_int_equal(htx_cp_width(0x9B), 1);
    assert_int_equal(htx_cp_width(0), 1);
}

static void test_text_width(void **state)
{
    (void)state;
    assert_int_equal(htx_text_width(""), 0);
    assert_int_equal(htx_text_width(HOP_TAC_XA), 10);
    assert_int_equal(htx_text_width(HOP_TAC_XA_NFD), 10);
    assert_int_equal(htx_text_width("\xC4\x90\xE1\xBB\x91ng \xC4\x90\x61"), 7);
    assert_int_equal(htx_text_width(CJK), 6);
    assert_int_equal(htx_text_width("HTX " CJK), 10);
    assert_int_equal(htx_text_width("\x1b[31mA"), 6);
    assert_int_equal(htx_text_width("a\xFF" "b"), 3); /* an invalid byte shows as U+FFFD */
}

static void assert_crop(const char *text, size_t max_cols, const char *expected, size_t cols)
{
    char out[64];
    memset(out, 'X', sizeof out);
    assert_int_equal(htx_text_crop(text, max_cols, out, sizeof out), cols);
    assert_string_equal(out, expected);
}

static void assert_pad(const char *text, size_t max_cols, const char *expected)
{
    char out[64];
    assert_int_equal(htx_text_pad(text, max_cols, out, sizeof out), max_cols);
    assert_string_equal(out, expected);
    assert_int_equal(htx_text_width(out), max_cols);
}

static void test_crop(void **state)
{
    (void)state;
    assert_crop(HOP_TAC_XA, 20, HOP_TAC_XA, 10);
    assert_crop(HOP_TAC_XA, 10, HOP_TAC_XA, 10);
    assert_crop(HOP_TAC_XA, 9, "H\xE1\xBB\xA3p t\xC3\xA1\x63 " ELLIPSIS, 9);
    assert_crop(HOP_TAC_XA, 5, "H\xE1\xBB\xA3p " ELLIPSIS, 5);
    assert_crop(HOP_TAC_XA, 3, "H\xE1\xBB\xA3" ELLIPSIS, 3);
    assert_crop(HOP_TAC_XA, 2, "H" ELLIPSIS, 2);
    assert_crop(HOP_TAC_XA, 1, ELLIPSIS, 1);
    assert_crop(HOP_TAC_XA, 0, "", 0);
    assert_crop("a", 1, "a", 1);
    assert_crop("", 0, "", 0);
    assert_crop("", 5, "", 0);
    assert_crop(NULL, 5, "", 0);
    /* NFD: the letter keeps its marks */
    assert_crop(HOP_TAC_XA_NFD, 10, HOP_TAC_XA_NFD, 10);
    assert_crop(HOP_TAC_XA_NFD, 3, "Ho\xCC\x9B\xCC\xA3" ELLIPSIS, 3);
    assert_crop(HOP_TAC_XA_NFD, 9, "Ho\xCC\x9B\xCC\xA3p ta\xCC\x81\x63 " ELLIPSIS, 9);
    /* wide characters are never halved */
    assert_crop(CJK, 6, CJK, 6);
    assert_crop(CJK, 5, "\xE4\xB8\xAD\xE6\x96\x87" ELLIPSIS, 5);
    assert_crop(CJK, 4, "\xE4\xB8\xAD" ELLIPSIS, 3);
    assert_crop(CJK, 2, ELLIPSIS, 1);
    assert_crop("a" CJK, 3, "a" ELLIPSIS, 2);
}

static void test_pad(void **state)
{
    (void)state;
    assert_pad(HOP_TAC_XA, 12, HOP_TAC_XA "  ");
    assert_pad(HOP_TAC_XA, 10, HOP_TAC_XA);
    assert_pad(HOP_TAC_XA, 6, "H\xE1\xBB\xA3p t" ELLIPSIS);
    assert_pad(HOP_TAC_XA_NFD, 11, HOP_TAC_XA_NFD " ");
    assert_pad("", 3, "   ");
    assert_pad(HOP_TAC_XA, 0, "");
    assert_pad(CJK, 4, "\xE4\xB8\xAD" ELLIPSIS " ");
    assert_pad(CJK, 2, ELLIPSIS " ");
    assert_pad("a" CJK, 4, "a\xE4\xB8\xAD" ELLIPSIS);
    assert_pad(CJK, 7, CJK " ");
}

/* The copy (less a final "…") is a prefix of source that does not stop
 * between a letter and its combining marks. */
static bool ends_on_unit_boundary(const char *source, const char *copy)
{
    size_t n = strlen(copy);
    size_t e = strlen(ELLIPSIS);
    if (strncmp(source, copy, n) != 0) {
        if (n < e || strcmp(copy + n - e, ELLIPSIS) != 0)
            return false;
        n -= e;
        if (strncmp(source, copy, n) != 0)
            return false;
    }
    int32_t cp;
    htx_utf8_decode(source + n, &cp);
    return !htx_cp_is_mark(cp);
}

/* Every width and every buffer size: never past the buffer, always valid
 * UTF-8, never a base letter without its marks, within the columns. */
static void test_crop_all_sizes(void **state)
{
    (void)state;
    static const char *const texts[] = {
        HOP_TAC_XA,
        HOP_TAC_XA_NFD,
        CJK,
        "a" CJK "b",
        "\xC4\x90o\xCC\x82\xCC\x81ng \xC4\x90\x61 \xE1\xBB\xA8ng H\xC3\xB2\x61",
        "\xF0\x9F\x98\x80 x",
    };
    enum { GUARD = 16, MAX = 40 };
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        for (size_t size = 0; size <= MAX; size++) {
            for (size_t cols = 0; cols <= 16; cols++) {
                for (int pad = 0; pad < 2; pad++) {
                    char buffer[MAX + GUARD];
                    memset(buffer, 'G', sizeof buffer);
                    size_t used = pad ? htx_text_pad(texts[t], cols, buffer, size)
                                      : htx_text_crop(texts[t], cols, buffer, size);
                    for (size_t g = size; g < sizeof buffer; g++)
                        assert_int_equal(buffer[g], 'G');
                    if (size == 0) {
                        assert_int_equal(used, 0);
                        continue;
                    }
                    size_t len = strlen(buffer);
                    assert_true(len < size);
                    assert_int_equal(htx_utf8_invalid_at(buffer, len), -1);
                    assert_int_equal(htx_text_width(buffer), used);
                    assert_true(used <= cols);
                    if (!pad)
                        assert_true(ends_on_unit_boundary(texts[t], buffer));
                    /* With room enough: padded to the width; cropped to it, less
                     * at most the column a wide character could not take. */
                    size_t width = htx_text_width(texts[t]);
                    if (size == MAX && pad)
                        assert_int_equal(used, cols);
                    else if (size == MAX && width <= cols)
                        assert_int_equal(used, width);
                    else if (size == MAX)
                        assert_true(used + 1 >= cols);
                }
            }
        }
    }
}

static void test_crop_small_buffer(void **state)
{
    (void)state;
    char out[8];
    /* fits in columns but not in bytes: cut, marked when "…" fits */
    assert_int_equal(htx_text_crop(HOP_TAC_XA, 20, out, 8), 3);
    assert_string_equal(out, "H\xE1\xBB\xA3" ELLIPSIS);
    assert_int_equal(htx_text_crop(HOP_TAC_XA, 20, out, 4), 1);
    assert_string_equal(out, ELLIPSIS);
    assert_int_equal(htx_text_crop(HOP_TAC_XA, 20, out, 3), 1);
    assert_string_equal(out, "H");
    assert_int_equal(htx_text_crop(HOP_TAC_XA_NFD, 20, out, 6), 2);
    assert_string_equal(out, "H" ELLIPSIS);
    assert_int_equal(htx_text_crop(HOP_TAC_XA_NFD, 20, out, 3), 1);
    assert_string_equal(out, "H");
    assert_int_equal(htx_text_crop("abc", 3, out, 4), 3);
    assert_string_equal(out, "abc");
    assert_int_equal(htx_text_pad("ab", 6, out, 5), 4);
    assert_string_equal(out, "ab  ");
    out[0] = 'Z';
    assert_int_equal(htx_text_crop("abc", 3, out, 0), 0);
    assert_int_equal(out[0], 'Z');
}

static void test_crop_invalid_bytes(void **state)
{
    (void)state;
    /* invalid input never yields invalid output */
    assert_crop("a\xFF" "b", 5, "a\xEF\xBF\xBD" "b", 3);
    assert_crop("ab\xE1\xBB", 5, "ab\xEF\xBF\xBD\xEF\xBF\xBD", 4);
}

static void assert_sanitized(const char *text, const char *expected)
{
    char *s = htx_text_sanitize(text);
    assert_non_null(s);
    assert_string_equal(s, expected);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        assert_true(*p >= 0x20 && *p != 0x7F);
    assert_int_equal(htx_utf8_invalid_at(s, strlen(s)), -1);
    free(s);
}

static void test_sanitize(void **state)
{
    (void)state;
    assert_sanitized("", "");
    assert_sanitized(HOP_TAC_XA, HOP_TAC_XA);
    assert_sanitized(HOP_TAC_XA_NFD, HOP_TAC_XA_NFD);
    assert_sanitized(CJK, CJK);
    assert_sanitized("\x1b[31m\xC4\x90\xE1\xBB\x8F\x1b[0m",
                     "\xE2\x90\x9B[31m\xC4\x90\xE1\xBB\x8F\xE2\x90\x9B[0m");
    assert_sanitized("a\nb\tc\rd", "a\xE2\x90\x8A" "b\xE2\x90\x89" "c\xE2\x90\x8D" "d");
    assert_sanitized("\x01\x1f", "\xE2\x90\x81\xE2\x90\x9F");
    assert_sanitized("x\x7fy", "x\xE2\x90\xA1y");
    /* C1: CSI U+009B would start an escape sequence on some terminals */
    assert_sanitized("\xC2\x9B\x33\x31m", "\xEF\xBF\xBD\x33\x31m");
    assert_sanitized("\xC2\x85\xC2\x80\xC2\x9F\xC2\xA0", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xC2\xA0");
    /* invalid bytes, one replacement each */
    assert_sanitized("a\xFF" "b", "a\xEF\xBF\xBD" "b");
    assert_sanitized("a\xE1\xBB" "b", "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
    assert_sanitized("\xC0\x9B", "\xEF\xBF\xBD\xEF\xBF\xBD"); /* overlong CSI */
    assert_sanitized("\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_sanitized("\xEF\xBF\xBD", "\xEF\xBF\xBD"); /* a real U+FFFD stays */
    /* sanitized text has the width the columns promised */
    char *s = htx_text_sanitize("\x1b[2J");
    assert_non_null(s);
    assert_int_equal(htx_text_width(s), htx_text_width("\x1b[2J"));
    free(s);
    s = htx_text_sanitize(NULL);
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
}

/* Invisible format characters already stored (entry refuses them now) are
 * shown, as one placeholder column each, never written raw. */
static void test_invisible_shown(void **state)
{
    (void)state;
    assert_sanitized("HTX\xE2\x80\x8B \xC4\x90\xE1\xBB\x93ng", "HTX\xEF\xBF\xBD \xC4\x90\xE1\xBB\x93ng");
    assert_sanitized("\xEF\xBB\xBFHTX", "\xEF\xBF\xBDHTX");
    assert_sanitized("a\xE2\x80\xAE" "b", "a\xEF\xBF\xBD" "b"); /* right-to-left override */
    assert_sanitized("a\xE2\x80\x8D" "b", "a\xEF\xBF\xBD" "b"); /* ZWJ between letters */
    assert_int_equal(htx_cp_width(0x200B), 1);
    assert_int_equal(htx_cp_width(0xFEFF), 1);
    assert_int_equal(htx_text_width("a\xE2\x80\x8B" "b"), 3);
    char *s = htx_text_sanitize("a\xE2\x80\x8B\xEF\xBB\xBF" "b");
    assert_non_null(s);
    assert_int_equal(htx_text_width(s), htx_text_width("a\xE2\x80\x8B\xEF\xBB\xBF" "b"));
    free(s);
}

/* A ZWJ emoji sequence is drawn as its first emoji, the same on every
 * terminal: the family 👨‍👩‍👧 as 👨, two columns. */
#define MAN "\xF0\x9F\x91\xA8"
#define WOMAN "\xF0\x9F\x91\xA9"
#define GIRL "\xF0\x9F\x91\xA7"
#define ZWJ "\xE2\x80\x8D"
#define VS16 "\xEF\xB8\x8F"
#define HEART "\xE2\x9D\xA4"
static void test_zwj_sequences(void **state)
{
    (void)state;
    assert_int_equal(htx_text_width(MAN), 2);
    assert_int_equal(htx_text_width(MAN ZWJ WOMAN ZWJ GIRL), 2);
    assert_int_equal(htx_text_width("HTX " MAN ZWJ WOMAN ZWJ GIRL " A"), 8);
    assert_int_equal(htx_text_width(WOMAN ZWJ HEART VS16 ZWJ MAN), 2);
    assert_sanitized("HTX " MAN ZWJ WOMAN ZWJ GIRL " A", "HTX " MAN " A");
    assert_sanitized(WOMAN ZWJ HEART VS16 ZWJ MAN "!", WOMAN "!");
    assert_sanitized(MAN MAN, MAN MAN); /* two emoji without ZWJ stay two */
    /* cropping never splits the sequence, and the width it reports is the
     * width of what the terminal is given after sanitizing */
    char out[64];
    assert_int_equal(htx_text_crop("ab" MAN ZWJ WOMAN "cd", 5, out, sizeof out), 5);
    assert_string_equal(out, "ab" MAN ZWJ WOMAN ELLIPSIS);
    char *s = htx_text_sanitize(out);
    assert_non_null(s);
    assert_int_equal(htx_text_width(s), 5);
    free(s);
    assert_int_equal(htx_text_crop("ab" MAN ZWJ WOMAN "cd", 3, out, sizeof out), 3);
    assert_string_equal(out, "ab" ELLIPSIS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cp_width),
        cmocka_unit_test(test_text_width),
        cmocka_unit_test(test_crop),
        cmocka_unit_test(test_pad),
        cmocka_unit_test(test_crop_all_sizes),
        cmocka_unit_test(test_crop_small_buffer),
        cmocka_unit_test(test_crop_invalid_bytes),
        cmocka_unit_test(test_sanitize),
        cmocka_unit_test(test_invisible_shown),
        cmocka_unit_test(test_zwj_sequences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
