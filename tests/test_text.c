/* Unit tests for core/text.c: UTF-8 validation and NFC normalisation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

/* "Hợp tác xã" in NFC: ợ U+1EE3, á U+00E1, ã U+00E3. */
#define HOP_TAC_XA_NFC "H\xE1\xBB\xA3p t\xC3\xA1\x63 x\xC3\xA3"

static void normalize_ok(const char *in, htx_text_kind kind, size_t max, const char *expected)
{
    char *out = (char *)0x1;
    htx_error err;
    htx_error_clear(&err);
    assert_int_equal(htx_text_normalize(in, kind, max, "name", &out, &err), HTX_OK);
    assert_non_null(out);
    assert_string_equal(out, expected);
    free(out);
}

static void normalize_fails(const char *in, htx_text_kind kind, size_t max, htx_msg msg,
                            const char *arg)
{
    char *out = (char *)0x1;
    htx_error err;
    htx_error_clear(&err);
    assert_int_equal(htx_text_normalize(in, kind, max, "name", &out, &err), HTX_ERR_INVALID);
    assert_null(out);
    assert_int_equal(err.status, HTX_ERR_INVALID);
    assert_int_equal(err.msg, msg);
    assert_string_equal(err.field, "name");
    assert_string_equal(err.arg[0], arg);
}

static void test_invalid_at(void **state)
{
    (void)state;
    const char *ok = "H\xE1\xBB\xA3p t\xC3\xA1\x63 x\xC3\xA3 \xF0\x9F\x98\x80";
    assert_int_equal(htx_utf8_invalid_at(ok, strlen(ok)), -1);
    assert_int_equal(htx_utf8_invalid_at("", 0), -1);
    assert_int_equal(htx_utf8_invalid_at("ab\xC0\x80", 4), 2);          /* overlong NUL */
    assert_int_equal(htx_utf8_invalid_at("\xC1\xBF", 2), 0);            /* overlong */
    assert_int_equal(htx_utf8_invalid_at("a\xE0\x80\x80", 4), 1);       /* overlong */
    assert_int_equal(htx_utf8_invalid_at("a\xF0\x80\x80\x80", 5), 1);   /* overlong */
    assert_int_equal(htx_utf8_invalid_at("xy\xED\xA0\x80", 5), 2);      /* surrogate */
    assert_int_equal(htx_utf8_invalid_at("\xF4\x90\x80\x80", 4), 0);    /* > U+10FFFF */
    assert_int_equal(htx_utf8_invalid_at("\xF5\x80\x80\x80", 4), 0);
    assert_int_equal(htx_utf8_invalid_at("abc\x80", 4), 3);             /* stray continuation */
    assert_int_equal(htx_utf8_invalid_at("ab\xE1\xBB", 4), 2);          /* truncated */
    assert_int_equal(htx_utf8_invalid_at("ab\xE1\xBB\xA3", 4), 2);      /* cut by len */
    assert_int_equal(htx_utf8_invalid_at("ab\0cd", 5), 2);              /* embedded NUL */
    assert_int_equal(htx_utf8_invalid_at("\xF4\x8F\xBF\xBF", 4), -1);   /* U+10FFFF */
    assert_int_equal(htx_utf8_invalid_at("\xEF\xBF\xBF", 3), -1);       /* U+FFFF */
}

static void test_decode(void **state)
{
    (void)state;
    int32_t cp = -1;
    assert_int_equal(htx_utf8_decode("a", &cp), 1);
    assert_int_equal(cp, 'a');
    assert_int_equal(htx_utf8_decode("\xC4\x91", &cp), 2);
    assert_int_equal(cp, 0x0111);
    assert_int_equal(htx_utf8_decode("\xE1\xBB\xA3", &cp), 3);
    assert_int_equal(cp, 0x1EE3);
    assert_int_equal(htx_utf8_decode("\xF0\x9F\x98\x80", &cp), 4);
    assert_int_equal(cp, 0x1F600);
    assert_int_equal(htx_utf8_decode("", &cp), 0);
    assert_int_equal(cp, 0);
    /* Invalid bytes decode one at a time as U+FFFD, stopping at the NUL. */
    assert_int_equal(htx_utf8_decode("\xE1\xBB", &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(htx_utf8_decode("\xFF", &cp), 1);
    assert_int_equal(cp, 0xFFFD);
}

static void test_length(void **state)
{
    (void)state;
    assert_int_equal(htx_utf8_length(""), 0);
    assert_int_equal(htx_utf8_length(HOP_TAC_XA_NFC), 10);
    assert_int_equal(htx_utf8_length("Ho\xCC\x9B\xCC\xA3p"), 5);
    assert_int_equal(htx_utf8_length("\xE4\xB8\xAD\xF0\x9F\x98\x80"), 2);
}

static void test_space_and_mark(void **state)
{
    (void)state;
    assert_true(htx_cp_is_space(' '));
    assert_true(htx_cp_is_space('\t'));
    assert_true(htx_cp_is_space('\n'));
    assert_true(htx_cp_is_space('\r'));
    assert_true(htx_cp_is_space(0x00A0));
    assert_true(htx_cp_is_space(0x2003));
    assert_true(htx_cp_is_space(0x3000));
    assert_true(htx_cp_is_space(0x2028));
    assert_false(htx_cp_is_space('a'));
    assert_false(htx_cp_is_space(0x200B)); /* zero width space is a format char */
    assert_false(htx_cp_is_space(0x0085));
    assert_true(htx_cp_is_mark(0x0300));
    assert_true(htx_cp_is_mark(0x0323));
    assert_true(htx_cp_is_mark(0x031B));
    assert_false(htx_cp_is_mark('a'));
    assert_false(htx_cp_is_mark(0x0111));
    assert_false(htx_cp_is_mark(0x02C6)); /* modifier letter circumflex is not combining */
}

/* NFD, CP1258 composite (precomposed vowel + combining tone) and the
 * deprecated tone marks all store the same bytes. */
static void test_normalize_forms(void **state)
{
    (void)state;
    normalize_ok(HOP_TAC_XA_NFC, HTX_TEXT_LINE, 0, HOP_TAC_XA_NFC);
    normalize_ok("Ho\xCC\x9B\xCC\xA3p ta\xCC\x81\x63 xa\xCC\x83", HTX_TEXT_LINE, 0,
                 HOP_TAC_XA_NFC);
    /* marks in non-canonical order: dot below (ccc 220) after horn (216) or before */
    normalize_ok("Ho\xCC\xA3\xCC\x9Bp ta\xCC\x81\x63 xa\xCC\x83", HTX_TEXT_LINE, 0,
                 HOP_TAC_XA_NFC);
    /* CP1258 style: ơ U+01A1 + U+0323; a + U+0341; a + U+0303 */
    normalize_ok("H\xC6\xA1\xCC\xA3p ta\xCD\x81\x63 xa\xCC\x83", HTX_TEXT_LINE, 0,
                 HOP_TAC_XA_NFC);

    /* ắ U+1EAF from a + breve + acute, ă + acute, ă + U+0341 */
    normalize_ok("a\xCC\x86\xCC\x81", HTX_TEXT_LINE, 0, "\xE1\xBA\xAF");
    normalize_ok("\xC4\x83\xCC\x81", HTX_TEXT_LINE, 0, "\xE1\xBA\xAF");
    normalize_ok("\xC4\x83\xCD\x81", HTX_TEXT_LINE, 0, "\xE1\xBA\xAF");
    /* ầ U+1EA7 from â + grave and â + U+0340 */
    normalize_ok("\xC3\xA2\xCC\x80", HTX_TEXT_LINE, 0, "\xE1\xBA\xA7");
    normalize_ok("\xC3\xA2\xCD\x80", HTX_TEXT_LINE, 0, "\xE1\xBA\xA7");
    /* ệ U+1EC7 from ê + dot below, e + circumflex + dot below */
    normalize_ok("\xC3\xAA\xCC\xA3", HTX_TEXT_LINE, 0, "\xE1\xBB\x87");
    normalize_ok("e\xCC\x82\xCC\xA3", HTX_TEXT_LINE, 0, "\xE1\xBB\x87");
    /* ổ U+1ED5 from ô + hook; ữ U+1EEF from ư + tilde */
    normalize_ok("\xC3\xB4\xCC\x89", HTX_TEXT_LINE, 0, "\xE1\xBB\x95");
    normalize_ok("\xC6\xB0\xCC\x83", HTX_TEXT_LINE, 0, "\xE1\xBB\xAF");
    /* Đ has no decomposition and stays */
    normalize_ok("\xC4\x90\xE1\xBB\x91ng \xC4\x90\x61", HTX_TEXT_LINE, 0,
                 "\xC4\x90\xE1\xBB\x91ng \xC4\x90\x61");
}

static void test_normalize_trims(void **state)
{
    (void)state;
    normalize_ok("  HTX  An  ", HTX_TEXT_LINE, 0, "HTX An");
    /* every run of white space inside a line is one space (no-break, ideographic …) */
    normalize_ok("HTX \xC2\xA0 \xC4\x90\xE1\xBB\x93ng   T\xC3\xA2m", HTX_TEXT_LINE, 0,
                 "HTX \xC4\x90\xE1\xBB\x93ng T\xC3\xA2m");
    normalize_ok("\xC2\xA0\xE3\x80\x80HTX\xE2\x80\x83", HTX_TEXT_LINE, 0, "HTX");
    normalize_ok("", HTX_TEXT_LINE, 0, "");
    normalize_ok("   ", HTX_TEXT_LINE, 0, "");
    normalize_ok(NULL, HTX_TEXT_LINE, 0, "");
    normalize_ok("\n\t ghi ch\xC3\xBA\r\n\r\n", HTX_TEXT_MULTILINE, 0, "ghi ch\xC3\xBA");
    /* a combining mark after a space has no letter: refused, not trimmed */
    normalize_fails("a \xCC\x81", HTX_TEXT_LINE, 0, MSG_MARK_WITHOUT_LETTER, "3");
}

static void test_normalize_refuses_invisible_characters(void **state)
{
    (void)state;
    normalize_fails("HTX\xE2\x80\x8B\xC4\x90\xC3\xB4ng", HTX_TEXT_LINE, 0, MSG_INVISIBLE_CHAR,
                    "U+200B");                                           /* zero-width space */
    normalize_fails("\xEF\xBB\xBFHTX", HTX_TEXT_LINE, 0, MSG_INVISIBLE_CHAR, "U+FEFF");
    normalize_fails("HTX \xE2\x80\xAEnA", HTX_TEXT_LINE, 0, MSG_INVISIBLE_CHAR, "U+202E");
    normalize_fails("HTX\xF3\xA0\x81\x81", HTX_TEXT_LINE, 0, MSG_INVISIBLE_CHAR, "U+E0041");
    normalize_fails("ghi\nch\xC2\xAD" "u", HTX_TEXT_MULTILINE, 0, MSG_INVISIBLE_CHAR, "U+00AD");
    char *out = NULL;
    htx_error err;
    htx_error_clear(&err);
    htx_text_normalize("ab\xE2\x80\x8B", HTX_TEXT_LINE, 0, "name", &out, &err);
    assert_string_equal(err.arg[1], "3"); /* the position of the character */
}

static void test_normalize_orders_vietnamese_marks(void **state)
{
    (void)state;
    /* the tone typed before the shape mark: still the Vietnamese letter */
    normalize_ok("o\xCC\x80\xCC\x82", HTX_TEXT_LINE, 0, "\xE1\xBB\x93");     /* ồ */
    normalize_ok("a\xCC\x81\xCC\x86", HTX_TEXT_LINE, 0, "\xE1\xBA\xAF");     /* ắ */
    normalize_ok("u\xCC\x89\xCC\x9B", HTX_TEXT_LINE, 0, "\xE1\xBB\xAD");     /* ử */
    normalize_ok("e\xCC\xA3\xCC\x82", HTX_TEXT_LINE, 0, "\xE1\xBB\x87");     /* ệ */
    normalize_ok("e\xCC\x82\xCC\xA3", HTX_TEXT_LINE, 0, "\xE1\xBB\x87");     /* ệ */
    normalize_ok("O\xCC\x83\xCC\x82", HTX_TEXT_LINE, 0, "\xE1\xBB\x96");     /* Ỗ */
    normalize_ok("\xC3\xB2\xCC\x82ng", HTX_TEXT_LINE, 0, "\xE1\xBB\x93ng"); /* ò + ^ */
    /* other scripts' marks are left to NFC */
    normalize_ok("n\xCC\x88", HTX_TEXT_LINE, 0, "n\xCC\x88");
    normalize_fails("ba\xCC\x81\xCC\x80", HTX_TEXT_LINE, 0, MSG_TWO_TONES, "2");
    normalize_fails("\xCC\x81" "abc", HTX_TEXT_LINE, 0, MSG_MARK_WITHOUT_LETTER, "1");
}

static void test_normalize_multiline(void **state)
{
    (void)state;
    normalize_ok("d\xC3\xB2ng 1\r\nd\xC3\xB2ng 2\n\tth\xE1\xBB\xA5t", HTX_TEXT_MULTILINE, 0,
                 "d\xC3\xB2ng 1\nd\xC3\xB2ng 2\n\tth\xE1\xBB\xA5t");
    normalize_ok("  a   b  ", HTX_TEXT_MULTILINE, 0, "a   b"); /* runs of spaces kept in notes */
    normalize_fails("a\rb", HTX_TEXT_MULTILINE, 0, MSG_CONTROL_CHAR, "2");
    normalize_fails("ab\r", HTX_TEXT_MULTILINE, 0, MSG_CONTROL_CHAR, "3");
    normalize_fails("a\n\x1b[2Jb", HTX_TEXT_MULTILINE, 0, MSG_CONTROL_CHAR, "3");
}

static void test_normalize_controls(void **state)
{
    (void)state;
    normalize_fails("HTX\nAn", HTX_TEXT_LINE, 0, MSG_CONTROL_CHAR, "4");
    normalize_fails("HTX\tAn", HTX_TEXT_LINE, 0, MSG_CONTROL_CHAR, "4");
    normalize_fails("HTX An\r\n", HTX_TEXT_LINE, 0, MSG_CONTROL_CHAR, "7");
    /* positions count characters, not bytes: ợ is one */
    normalize_fails("H\xE1\xBB\xA3p\x1b[31m", HTX_TEXT_LINE, 0, MSG_CONTROL_CHAR, "4");
    normalize_fails("\x7f", HTX_TEXT_LINE, 0, MSG_CONTROL_CHAR, "1");
    normalize_fails("ab\xC2\x85", HTX_TEXT_LINE, 0, MSG_CONTROL_CHAR, "3");   /* C1 NEL */
    normalize_fails("\xC2\x9B\x33\x31m", HTX_TEXT_MULTILINE, 0, MSG_CONTROL_CHAR, "1"); /* CSI */
    normalize_fails("\x01", HTX_TEXT_MULTILINE, 0, MSG_CONTROL_CHAR, "1");
    /* a control character counts even where trimming would remove space */
    normalize_fails("   \x1b", HTX_TEXT_LINE, 0, MSG_CONTROL_CHAR, "4");
}

static void test_normalize_bad_utf8(void **state)
{
    (void)state;
    normalize_fails("H\xE1\xBB", HTX_TEXT_LINE, 0, MSG_BAD_UTF8, "2");
    normalize_fails("\xFF", HTX_TEXT_LINE, 0, MSG_BAD_UTF8, "1");
    normalize_fails("H\xE1\xBB\xA3p \xC3", HTX_TEXT_LINE, 0, MSG_BAD_UTF8, "7");
    normalize_fails("x\xED\xB2\x80", HTX_TEXT_MULTILINE, 0, MSG_BAD_UTF8, "2");
    /* UTF-8 is checked before control characters */
    normalize_fails("\x1b\xFF", HTX_TEXT_LINE, 0, MSG_BAD_UTF8, "2");
}

static void test_normalize_too_long(void **state)
{
    (void)state;
    normalize_ok(HOP_TAC_XA_NFC, HTX_TEXT_LINE, 10, HOP_TAC_XA_NFC);
    normalize_fails(HOP_TAC_XA_NFC, HTX_TEXT_LINE, 9, MSG_TOO_LONG, "9");
    /* the limit counts the stored NFC form: 14 code points in NFD, 10 in NFC */
    normalize_ok("Ho\xCC\x9B\xCC\xA3p ta\xCC\x81\x63 xa\xCC\x83", HTX_TEXT_LINE, 10,
                 HOP_TAC_XA_NFC);
    /* and the trimmed text */
    normalize_ok("   abc   ", HTX_TEXT_LINE, 3, "abc");
    normalize_fails("abcd", HTX_TEXT_LINE, 3, MSG_TOO_LONG, "3");
    normalize_fails("abcd", HTX_TEXT_LINE, 1, MSG_TOO_LONG, "1");
}

static void test_nfc(void **state)
{
    (void)state;
    char *s = htx_text_nfc("Ho\xCC\x9B\xCC\xA3p ta\xCC\x81\x63 xa\xCC\x83");
    assert_non_null(s);
    assert_string_equal(s, HOP_TAC_XA_NFC);
    free(s);
    s = htx_text_nfc("");
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
    /* NFC only: no trimming, controls and case kept */
    s = htx_text_nfc(" A\ta\xCC\x80 ");
    assert_non_null(s);
    assert_string_equal(s, " A\t\xC3\xA0 ");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_invalid_at),
        cmocka_unit_test(test_decode),
        cmocka_unit_test(test_length),
        cmocka_unit_test(test_space_and_mark),
        cmocka_unit_test(test_normalize_forms),
        cmocka_unit_test(test_normalize_trims),
        cmocka_unit_test(test_normalize_refuses_invisible_characters),
        cmocka_unit_test(test_normalize_orders_vietnamese_marks),
        cmocka_unit_test(test_normalize_multiline),
        cmocka_unit_test(test_normalize_controls),
        cmocka_unit_test(test_normalize_bad_utf8),
        cmocka_unit_test(test_normalize_too_long),
        cmocka_unit_test(test_nfc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
