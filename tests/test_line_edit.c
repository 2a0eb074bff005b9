/* Unit tests for forms/line_edit.c: characters, NFC, limits and scrolling. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "display.h"
#include "line_edit.h"
#include "text.h"

/* "Nguyễn Văn Ánh": precomposed, and decomposed as some keyboards and
 * web pages produce it. */
#define NAME_NFC "Nguy\xE1\xBB\x85n V\xC4\x83n \xC3\x81nh"
#define NAME_NFD "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n A\xCC\x81nh"
#define NGUYEN_NFC "Nguy\xE1\xBB\x85n"
#define NGUYEN_NFD "Nguye\xCC\x82\xCC\x83n"
#define TILDE "\xCC\x83"                            /* U+0303, combining */
#define X_TILDE "x\xCC\x83"                         /* x̃: no precomposed form */
#define HOP_TAC_XA "H\xE1\xBB\xA3p t\xC3\xA1\x63 x\xC3\xA3" /* Hợp tác xã */
#define CJK6 "\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97"
#define RETURN_SYMBOL "\xE2\x86\xB5"                /* ↵ */

/* The byte offset of the character after the first n characters of s
 * (each Vietnamese letter is one code point in NFC). */
static size_t offset_of(const char *s, size_t n)
{
    size_t at = 0;
    int32_t cp;
    for (size_t i = 0; i < n; i++)
        at += (size_t)htx_utf8_decode(s + at, &cp);
    return at;
}

static void test_cursor_moves_by_character(void **state)
{
    (void)state;
    const char *inputs[] = {NAME_NFC, NAME_NFD};
    for (size_t k = 0; k < 2; k++) {
        line_edit e;
        line_edit_init(&e, 0, false);
        assert_true(line_edit_set(&e, inputs[k]));
        assert_string_equal(e.text, NAME_NFC); /* stored NFC whatever came in */
        assert_int_equal(e.cursor, strlen(NAME_NFC));
        assert_int_equal(line_edit_chars(&e), 14);
        assert_false(e.changed);

        line_edit_home(&e);
        assert_int_equal(e.cursor, 0);
        for (size_t i = 1; i <= 14; i++) {
            line_edit_right(&e);
            assert_int_equal(e.cursor, offset_of(NAME_NFC, i));
        }
        line_edit_right(&e); /* stays at the end */
        assert_int_equal(e.cursor, strlen(NAME_NFC));
        for (size_t i = 14; i-- > 0;) {
            line_edit_left(&e);
            assert_int_equal(e.cursor, offset_of(NAME_NFC, i));
        }
        line_edit_left(&e);
        assert_int_equal(e.cursor, 0);
        line_edit_end(&e);
        assert_int_equal(e.cursor, strlen(NAME_NFC));
        line_edit_free(&e);
    }
}

static void test_marks_stay_with_their_letter(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, 0, false);
    assert_true(line_edit_set(&e, "a" X_TILDE "b"));
    assert_int_equal(line_edit_chars(&e), 3);
    line_edit_home(&e);
    line_edit_right(&e);
    assert_int_equal(e.cursor, 1);
    line_edit_right(&e); /* over x and its tilde together */
    assert_int_equal(e.cursor, 4);
    line_edit_left(&e);
    assert_int_equal(e.cursor, 1);
    line_edit_delete(&e);
    assert_string_equal(e.text, "ab");
    line_edit_free(&e);
}

static void test_backspace_and_delete_whole_characters(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, 0, false);
    assert_true(line_edit_set(&e, NAME_NFD));
    line_edit_backspace(&e);
    line_edit_backspace(&e);
    assert_string_equal(e.text, "Nguy\xE1\xBB\x85n V\xC4\x83n \xC3\x81");
    line_edit_backspace(&e); /* Á goes in one piece, mark and all */
    assert_string_equal(e.text, "Nguy\xE1\xBB\x85n V\xC4\x83n ");
    assert_true(e.changed);

    line_edit_home(&e);
    for (int i = 0; i < 4; i++)
        line_edit_right(&e);
    line_edit_delete(&e); /* ễ */
    assert_string_equal(e.text, "Nguyn V\xC4\x83n ");
    assert_int_equal(e.cursor, 4);

    assert_true(line_edit_set(&e, "a" X_TILDE));
    line_edit_backspace(&e);
    assert_string_equal(e.text, "a");
    line_edit_backspace(&e);
    line_edit_backspace(&e); /* nothing left: no harm */
    assert_string_equal(e.text, "");
    assert_int_equal(e.cursor, 0);
    line_edit_free(&e);
}

static void test_insert_normalises(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, 0, false);
    assert_true(line_edit_insert(&e, NGUYEN_NFD " V" "a\xCC\x86" "n"));
    assert_string_equal(e.text, NGUYEN_NFC " V\xC4\x83n");
    assert_int_equal(e.cursor, e.length);
    assert_true(e.changed);

    /* A tone typed after its letter merges with it; the cursor stays after it. */
    assert_true(line_edit_set(&e, "Nguy\xC3\xAAn")); /* Nguyên */
    line_edit_left(&e);
    assert_true(line_edit_insert(&e, TILDE));
    assert_string_equal(e.text, NGUYEN_NFC);
    assert_int_equal(e.cursor, offset_of(NGUYEN_NFC, 5));
    assert_int_equal(line_edit_chars(&e), 6);

    /* Pasted into the middle. */
    assert_true(line_edit_set(&e, "Ng"));
    line_edit_home(&e);
    assert_true(line_edit_insert(&e, "A\xCC\x81nh "));
    assert_string_equal(e.text, "\xC3\x81nh Ng");
    assert_int_equal(e.cursor, strlen("\xC3\x81nh "));
    line_edit_free(&e);
}

static void test_refuses_controls_and_invalid(void **state)
{
    (void)state;
    const char *bad[] = {"a\tb", "\x1b[2J", "\n", "x\r", "\x7f", "\xC2\x9B", "\xFF", "\xC0\xAF",
                         "\xED\xA0\x80", "ok\xE1\xBB"};
    line_edit e;
    line_edit_init(&e, 0, false);
    assert_true(line_edit_set(&e, "abc"));
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_false(line_edit_insert(&e, bad[i]));
        assert_string_equal(e.text, "abc");
        assert_int_equal(e.cursor, 3);
    }
    assert_false(e.changed);
    assert_true(line_edit_insert(&e, "")); /* nothing to insert is no error */
    assert_false(e.changed);
    line_edit_free(&e);
}

static void test_max_chars_counts_characters(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, 5, false);
    assert_false(line_edit_insert(&e, NGUYEN_NFC)); /* 6 characters */
    assert_string_equal(e.text ? e.text : "", "");
    assert_true(line_edit_insert(&e, "Nguy\xE1\xBB\x85")); /* 5 characters, 7 bytes */
    assert_false(line_edit_insert(&e, "n"));
    assert_int_equal(line_edit_chars(&e), 5);

    /* A mark that merges into the letter adds no character. */
    assert_true(line_edit_set(&e, "Nguy\xC3\xAA")); /* Nguyê */
    assert_true(line_edit_insert(&e, TILDE));
    assert_string_equal(e.text, "Nguy\xE1\xBB\x85");

    /* The decomposed paste counts as its characters, not its code points. */
    line_edit_kill_before(&e);
    assert_true(line_edit_insert(&e, "Nguye\xCC\x82\xCC\x83"));
    assert_string_equal(e.text, "Nguy\xE1\xBB\x85");
    line_edit_free(&e);
}

static void test_kill_commands(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, 0, false);
    assert_true(line_edit_set(&e, HOP_TAC_XA " "));
    line_edit_kill_word(&e); /* the trailing space and "xã" */
    assert_string_equal(e.text, "H\xE1\xBB\xA3p t\xC3\xA1\x63 ");
    line_edit_kill_word(&e);
    assert_string_equal(e.text, "H\xE1\xBB\xA3p ");
    line_edit_kill_word(&e);
    assert_string_equal(e.text, "");
    line_edit_kill_word(&e);
    assert_string_equal(e.text, "");

    assert_true(line_edit_set(&e, HOP_TAC_XA));
    line_edit_home(&e);
    for (int i = 0; i < 4; i++)
        line_edit_right(&e);
    line_edit_kill_word(&e); /* the word before the cursor: "Hợp " */
    assert_string_equal(e.text, "t\xC3\xA1\x63 x\xC3\xA3");
    assert_int_equal(e.cursor, 0);

    assert_true(line_edit_set(&e, HOP_TAC_XA));
    line_edit_home(&e);
    for (int i = 0; i < 4; i++)
        line_edit_right(&e);
    line_edit_kill_after(&e);
    assert_string_equal(e.text, "H\xE1\xBB\xA3p ");
    assert_int_equal(e.cursor, e.length);

    assert_true(line_edit_set(&e, HOP_TAC_XA));
    line_edit_left(&e);
    line_edit_left(&e);
    line_edit_kill_before(&e);
    assert_string_equal(e.text, "x\xC3\xA3");
    assert_int_equal(e.cursor, 0);
    line_edit_kill_after(&e);
    assert_string_equal(e.text, "");
    line_edit_free(&e);
}

static void test_word_start_and_replace(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, 0, false);
    assert_true(line_edit_set(&e, "H\xE1\xBB\xA3p ta"));
    assert_int_equal(line_edit_word_start(&e), strlen("H\xE1\xBB\xA3p "));
    assert_true(line_edit_replace_before_cursor(&e, line_edit_word_start(&e), "t\xC3\xA1"));
    assert_string_equal(e.text, "H\xE1\xBB\xA3p t\xC3\xA1");
    assert_int_equal(e.cursor, e.length);

    /* In the middle of the text: the rest stays after the cursor. */
    assert_true(line_edit_set(&e, "H\xE1\xBB\xA3p ta x\xC3\xA3"));
    line_edit_left(&e);
    line_edit_left(&e);
    line_edit_left(&e);
    size_t start = line_edit_word_start(&e);
    assert_int_equal(start, strlen("H\xE1\xBB\xA3p "));
    assert_true(line_edit_replace_before_cursor(&e, start, "t\xC3\xA1\x63"));
    assert_string_equal(e.text, HOP_TAC_XA);
    assert_int_equal(e.cursor, strlen("H\xE1\xBB\xA3p t\xC3\xA1\x63"));

    /* After a comma or at the start there is no word. */
    assert_true(line_edit_set(&e, "x\xC3\xA3,"));
    assert_int_equal(line_edit_word_start(&e), e.length);
    line_edit_home(&e);
    assert_int_equal(line_edit_word_start(&e), 0);
    /* Marks belong to the word. */
    assert_true(line_edit_set(&e, " a" X_TILDE));
    assert_int_equal(line_edit_word_start(&e), 1);
    line_edit_free(&e);
}

/* Checks one view: inside the box, the cursor visible, whole characters
 * from e->scroll on, as many as fit. */
static void check_view(line_edit *e, int width)
{
    char out[512];
    int col = -1;
    line_edit_view(e, width, out, sizeof out, &col);
    assert_true(htx_utf8_invalid_at(out, strlen(out)) < 0);
    size_t shown = htx_text_width(out);
    assert_true(shown <= (size_t)width);
    assert_true(e->scroll <= e->cursor);
    assert_memory_equal(out, e->text + e->scroll, strlen(out)); /* no newlines here */

    int32_t cp = 0;
    int cell = e->cursor < e->length ? htx_cp_width((htx_utf8_decode(e->text + e->cursor, &cp), cp)) : 1;
    assert_true(col >= 0);
    assert_true(col + cell <= width);
    char before[512];
    size_t n = e->cursor - e->scroll;
    memcpy(before, e->text + e->scroll, n);
    before[n] = '\0';
    assert_int_equal((size_t)col, htx_text_width(before));
    /* The character under the cursor is drawn. */
    if (e->cursor < e->length)
        assert_true(strlen(out) > n);
    /* Nothing more would fit. */
    size_t rest = e->scroll + strlen(out);
    if (rest < e->length) {
        htx_utf8_decode(e->text + rest, &cp);
        assert_true(shown + (size_t)htx_cp_width(cp) > (size_t)width);
    }
}

static void test_view_scrolls_long_vietnamese(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, 0, false);
    assert_true(line_edit_set(&e, "Li\xC3\xAAn minh H\xE1\xBB\xA3p t\xC3\xA1\x63 x\xC3\xA3 th\xC3\xA0nh "
                                  "ph\xE1\xBB\x91 H\xC3\xA0 N\xE1\xBB\x99i"));
    char out[256];
    int col;
    line_edit_view(&e, 12, out, sizeof out, &col);
    assert_int_equal(col, 11); /* the cursor past the end, in the last column */
    assert_string_equal(out, " ph\xE1\xBB\x91 H\xC3\xA0 N\xE1\xBB\x99i"); /* " phố Hà Nội" */
    assert_true(htx_text_width(out) <= 11);

    line_edit_home(&e);
    line_edit_view(&e, 12, out, sizeof out, &col);
    assert_int_equal(col, 0);
    assert_int_equal(e.scroll, 0);
    assert_string_equal(out, "Li\xC3\xAAn minh H\xE1\xBB\xA3");

    for (int width = 1; width <= 40; width++) {
        line_edit_end(&e);
        check_view(&e, width);
        while (e.cursor > 0) {
            line_edit_left(&e);
            check_view(&e, width);
        }
        while (e.cursor < e.length) {
            line_edit_right(&e);
            check_view(&e, width);
        }
    }

    /* Short text after a deletion comes back into view. */
    line_edit_end(&e);
    line_edit_view(&e, 12, out, sizeof out, &col);
    line_edit_kill_before(&e);
    assert_true(line_edit_insert(&e, "ab"));
    line_edit_view(&e, 12, out, sizeof out, &col);
    assert_string_equal(out, "ab");
    assert_int_equal(col, 2);
    line_edit_free(&e);
}

static void test_view_wide_characters(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, 0, false);
    assert_true(line_edit_set(&e, "a" CJK6 "b"));
    for (int width = 1; width <= 16; width++) {
        line_edit_end(&e);
        check_view(&e, width);
        while (e.cursor > 0) {
            line_edit_left(&e);
            if (width >= 2)
                check_view(&e, width);
        }
    }
    char out[64];
    int col;
    line_edit_end(&e);
    line_edit_view(&e, 6, out, sizeof out, &col);
    /* "文字" (4) + "b" (1) + the cursor cell; one more column would only
     * have held half of "中". */
    assert_string_equal(out, "\xE6\x96\x87\xE5\xAD\x97" "b");
    assert_int_equal(col, 5);
    line_edit_view(&e, 7, out, sizeof out, &col);
    assert_string_equal(out, "\xE6\x96\x87\xE5\xAD\x97" "b");
    assert_int_equal(col, 5);

    /* A box too small for anything still gives text, not garbage. */
    line_edit_view(&e, 0, out, sizeof out, &col);
    assert_string_equal(out, "");
    assert_int_equal(col, 0);
    /* An output buffer too small never holds half a character. */
    line_edit_home(&e);
    line_edit_view(&e, 10, out, 4, &col);
    assert_string_equal(out, "a");
    line_edit_free(&e);
}

/* On a character of no width (a zero width space) the cursor still needs a
 * column: scrolling back must leave it one. */
static void test_view_cursor_on_zero_width(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, 0, false);
    assert_true(line_edit_set(&e, "ab\xE2\x80\x8B"));
    line_edit_left(&e); /* on the zero width space */
    char out[64];
    int col;
    line_edit_view(&e, 2, out, sizeof out, &col);
    assert_string_equal(out, "b\xE2\x80\x8B");
    assert_int_equal(col, 1);
    line_edit_view(&e, 3, out, sizeof out, &col);
    assert_string_equal(out, "ab\xE2\x80\x8B");
    assert_int_equal(col, 2);
    line_edit_free(&e);
}

static void test_multiline(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, 0, true);
    assert_true(line_edit_insert(&e, "d\xC3\xB2ng 1"));
    assert_true(line_edit_insert(&e, "\n"));
    assert_true(line_edit_insert(&e, "d\xC3\xB2ng 2\nd\xC3\xB2ng 3"));
    assert_false(line_edit_insert(&e, "\r\n"));
    assert_false(line_edit_insert(&e, "\t"));
    assert_string_equal(e.text, "d\xC3\xB2ng 1\nd\xC3\xB2ng 2\nd\xC3\xB2ng 3");
    char out[128];
    int col;
    line_edit_home(&e);
    line_edit_view(&e, 40, out, sizeof out, &col);
    assert_string_equal(out, "d\xC3\xB2ng 1" RETURN_SYMBOL "d\xC3\xB2ng 2" RETURN_SYMBOL "d\xC3\xB2ng 3");
    assert_int_equal(col, 0);
    line_edit_end(&e);
    line_edit_view(&e, 40, out, sizeof out, &col);
    assert_int_equal(col, 20);

    line_edit single;
    line_edit_init(&single, 0, false);
    assert_false(line_edit_insert(&single, "a\nb"));
    /* A stored value with a line break still shows safely. */
    assert_true(line_edit_set(&single, "a\nb\x1b"));
    line_edit_home(&single);
    line_edit_view(&single, 10, out, sizeof out, &col);
    assert_string_equal(out, "a" RETURN_SYMBOL "b\xE2\x90\x9B");
    line_edit_free(&single);
    line_edit_free(&e);
}

static void test_set_repairs_and_resets(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, 3, false);
    assert_true(line_edit_insert(&e, "ab"));
    assert_true(e.changed);
    /* A stored value over the limit loads, and can be shortened. */
    assert_true(line_edit_set(&e, "abcdef"));
    assert_false(e.changed);
    assert_int_equal(e.cursor, 6);
    assert_false(line_edit_insert(&e, "g"));
    line_edit_backspace(&e);
    assert_string_equal(e.text, "abcde");
    assert_true(line_edit_set(&e, "a\xFF" "b"));
    assert_string_equal(e.text, "a\xEF\xBF\xBD" "b");
    assert_true(line_edit_set(&e, NULL));
    assert_string_equal(e.text, "");
    line_edit_free(&e);
    line_edit_free(&e); /* twice is harmless */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cursor_moves_by_character),
        cmocka_unit_test(test_marks_stay_with_their_letter),
        cmocka_unit_test(test_backspace_and_delete_whole_characters),
        cmocka_unit_test(test_insert_normalises),
        cmocka_unit_test(test_refuses_controls_and_invalid),
        cmocka_unit_test(test_max_chars_counts_characters),
        cmocka_unit_test(test_kill_commands),
        cmocka_unit_test(test_word_start_and_replace),
        cmocka_unit_test(test_view_scrolls_long_vietnamese),
        cmocka_unit_test(test_view_wide_characters),
        cmocka_unit_test(test_view_cursor_on_zero_width),
        cmocka_unit_test(test_multiline),
        cmocka_unit_test(test_set_repairs_and_resets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
