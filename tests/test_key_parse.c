/*
 * Unit tests for tui/term/key_parse.c (the escape sequences curses did not
 * recognise, read as keys) and tui/term/term_text.c (what term.c may write):
 * no terminal involved.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "key_parse.h"
#include "keys.h"
#include "term_text.h"

/* Feeds the bytes after an Esc one at a time, as term.c reads them, and
 * says "no more in time" only when the parser asks for more than there is. */
static int parse(const char *bytes, int *used)
{
    uint32_t after[KEY_PARSE_MAX];
    int n = 0, key = -1;
    *used = -1;
    size_t len = strlen(bytes);
    for (;;) {
        bool ended = (size_t)n >= len || n >= KEY_PARSE_MAX;
        if (key_parse_escape(after, n, ended, &key, used) == KEY_PARSE_DONE)
            break;
        assert_false(ended); /* the parser must answer once input has ended */
        after[n] = (unsigned char)bytes[n];
        n++;
    }
    assert_true(*used >= 0 && *used <= n);
    return key;
}

/* The whole sequence ESC bytes is the key. */
static void expect_key(const char *bytes, int key)
{
    int used;
    int got = parse(bytes, &used);
    if (got != key || used != (int)strlen(bytes))
        print_error("ESC \"%s\": key %#x used %d, expected %#x used %zu\n", bytes, got, used, key,
                    strlen(bytes));
    assert_int_equal(got, key);
    assert_int_equal(used, (int)strlen(bytes));
}

/* ESC bytes gives key, and the last `rest` bytes are read again. */
static void expect_key_then(const char *bytes, int key, int rest)
{
    int used;
    int got = parse(bytes, &used);
    if (got != key || used != (int)strlen(bytes) - rest)
        print_error("ESC \"%s\": key %#x used %d\n", bytes, got, used);
    assert_int_equal(got, key);
    assert_int_equal(used, (int)strlen(bytes) - rest);
}

static void putty_and_console_editing_keys(void **state)
{
    (void)state;
    expect_key("[1~", TK_HOME);
    expect_key("[4~", TK_END); /* PuTTY's End under TERM=xterm-256color */
    expect_key("[7~", TK_HOME); /* rxvt */
    expect_key("[8~", TK_END);
    expect_key("[H", TK_HOME);
    expect_key("[F", TK_END);
    expect_key("OH", TK_HOME);
    expect_key("OF", TK_END);
    expect_key("[3~", TK_DELETE);
    expect_key("[5~", TK_PAGE_UP);
    expect_key("[6~", TK_PAGE_DOWN);
    expect_key("[A", TK_UP);
    expect_key("[B", TK_DOWN);
    expect_key("[C", TK_RIGHT);
    expect_key("[D", TK_LEFT);
    expect_key("OA", TK_UP);
    expect_key("OD", TK_LEFT);
    expect_key("[Z", TK_BACK_TAB);
}

static void insert_is_read_and_ignored(void **state)
{
    (void)state;
    expect_key("[2~", TK_NONE); /* htx has no use for Insert: never Esc */
}

static void function_keys(void **state)
{
    (void)state;
    const char *vt220[] = {"[11~", "[12~", "[13~", "[14~", "[15~", "[17~", "[18~", "[19~", "[20~", "[21~"};
    for (int i = 0; i < 10; i++)
        expect_key(vt220[i], TK_F1 + i);
    expect_key("OP", TK_F1);
    expect_key("OQ", TK_F2);
    expect_key("OR", TK_F3);
    expect_key("OS", TK_F4);
    /* the Linux console */
    expect_key("[[A", TK_F1);
    expect_key("[[B", TK_F2);
    expect_key("[[C", TK_F3);
    expect_key("[[D", TK_F4);
    expect_key("[[E", TK_F5);
    expect_key("[16~", TK_NONE); /* a gap in the VT220 numbering */
    expect_key("[23~", TK_NONE); /* F11: no use in htx */
}

static void modifiers_give_the_plain_key(void **state)
{
    (void)state;
    expect_key("[1;5C", TK_RIGHT); /* Ctrl-Right */
    expect_key("[1;2D", TK_LEFT);
    expect_key("[1;3A", TK_UP);
    expect_key("[1;5H", TK_HOME);
    expect_key("[1;5F", TK_END);
    expect_key("[3;5~", TK_DELETE);
    expect_key("[5;2~", TK_PAGE_UP);
    expect_key("[1;2P", TK_F1);
    expect_key("[15;5~", TK_F5);
    expect_key("[4;5~", TK_END);
    expect_key("O5C", TK_RIGHT); /* old xterm */
    expect_key("[7$", TK_HOME);  /* rxvt: Shift */
    expect_key("[8^", TK_END);   /* rxvt: Ctrl */
    expect_key("[3@", TK_DELETE); /* rxvt: Ctrl-Shift */
    expect_key("[a", TK_UP);     /* rxvt: Shift-Up */
    expect_key("Od", TK_LEFT);   /* rxvt: Ctrl-Left */
}

static void bracketed_paste(void **state)
{
    (void)state;
    expect_key("[200~", TK_PASTE_START);
    expect_key("[201~", TK_PASTE_END);
}

static void application_keypad(void **state)
{
    (void)state;
    expect_key("Op", '0');
    expect_key("Oy", '9');
    expect_key("Om", '-');
    expect_key("On", '.');
    expect_key("OM", TK_ENTER);
}

static void unknown_sequences_are_ignored_never_esc(void **state)
{
    (void)state;
    expect_key("[99~", TK_NONE);
    expect_key("[27;5;9~", TK_NONE); /* modifyOtherKeys */
    expect_key("[?1;2c", TK_NONE);   /* a device attributes report */
    expect_key("[<0;10;5M", TK_NONE); /* an SGR mouse report curses did not take */
    expect_key("[24;80R", TK_NONE);  /* a cursor position report, not F3 */
    expect_key("[5A", TK_NONE);
    expect_key("[I", TK_NONE);       /* focus in */
    expect_key("[O", TK_NONE);       /* focus out */
    expect_key("[1 q", TK_NONE);     /* an intermediate byte */
    expect_key("OZ", TK_NONE);
    expect_key("[[Z", TK_NONE);
    expect_key("[M !!", TK_NONE);    /* an X10 mouse report: three bytes follow */
}

static void a_sequence_cut_short_is_dropped(void **state)
{
    (void)state;
    /* no more came in time: dropped, not Esc, nothing typed */
    expect_key("[", TK_NONE);
    expect_key("[4", TK_NONE);
    expect_key("[1;5", TK_NONE);
    expect_key("O", TK_NONE);
    expect_key("[[", TK_NONE);
    /* another key began: it is read again */
    expect_key_then("[4\x1b[A", TK_NONE, 3);
    expect_key_then("[4\r", TK_NONE, 1);
    expect_key_then("O\t", TK_NONE, 1);
    expect_key_then("[[\r", TK_NONE, 1);
}

static void esc_then_a_digit_is_a_function_key(void **state)
{
    (void)state;
    expect_key("1", TK_F1);
    expect_key("2", TK_F2);
    expect_key("9", TK_F9);
    expect_key("0", TK_F10);
    expect_key_then("8x", TK_F8, 1);
}

static void esc_alone(void **state)
{
    (void)state;
    expect_key("", TK_ESCAPE);
    /* Esc, then a key that does not begin a sequence: read again */
    expect_key_then("a", TK_ESCAPE, 1);
    expect_key_then("\x1b", TK_ESCAPE, 1);
    expect_key_then("\r", TK_ESCAPE, 1);
    expect_key_then("/", TK_ESCAPE, 1);
}

static void the_parser_waits_while_a_sequence_goes_on(void **state)
{
    (void)state;
    int key, used;
    /* "ESC [" and then "4~" arriving later (ssh): not done until the final byte */
    uint32_t seq[] = {'[', '4', '~'};
    assert_int_equal(key_parse_escape(seq, 0, false, &key, &used), KEY_PARSE_MORE);
    assert_int_equal(key_parse_escape(seq, 1, false, &key, &used), KEY_PARSE_MORE);
    assert_int_equal(key_parse_escape(seq, 2, false, &key, &used), KEY_PARSE_MORE);
    assert_int_equal(key_parse_escape(seq, 3, false, &key, &used), KEY_PARSE_DONE);
    assert_int_equal(key, TK_END);
    assert_int_equal(used, 3);
    /* the byte after Esc decides at once for anything but "[" and "O" */
    uint32_t digit[] = {'5'};
    assert_int_equal(key_parse_escape(digit, 1, false, &key, &used), KEY_PARSE_DONE);
    assert_int_equal(key, TK_F5);
}

static void an_endless_sequence_is_cut(void **state)
{
    (void)state;
    uint32_t seq[KEY_PARSE_MAX];
    seq[0] = '[';
    for (int i = 1; i < KEY_PARSE_MAX; i++)
        seq[i] = '1';
    int key, used;
    assert_int_equal(key_parse_escape(seq, KEY_PARSE_MAX, false, &key, &used), KEY_PARSE_DONE);
    assert_int_equal(key, TK_NONE);
    assert_int_equal(used, KEY_PARSE_MAX);
}

static void non_ascii_inside_a_sequence(void **state)
{
    (void)state;
    int key, used;
    uint32_t seq[] = {'[', '1', 0x103 /* ă */};
    assert_int_equal(key_parse_escape(seq, 3, false, &key, &used), KEY_PARSE_DONE);
    assert_int_equal(key, TK_NONE);
    assert_int_equal(used, 2); /* ă is read again */
    uint32_t alt[] = {0x103};
    assert_int_equal(key_parse_escape(alt, 1, false, &key, &used), KEY_PARSE_DONE);
    assert_int_equal(key, TK_ESCAPE);
    assert_int_equal(used, 0);
}

static void curses_names_of_modified_keys(void **state)
{
    (void)state;
    assert_int_equal(key_parse_curses_name("kRIT5"), TK_RIGHT);
    assert_int_equal(key_parse_curses_name("kLFT3"), TK_LEFT);
    assert_int_equal(key_parse_curses_name("kUP5"), TK_UP);
    assert_int_equal(key_parse_curses_name("kDN2"), TK_DOWN);
    assert_int_equal(key_parse_curses_name("kHOM5"), TK_HOME);
    assert_int_equal(key_parse_curses_name("kEND6"), TK_END);
    assert_int_equal(key_parse_curses_name("kPRV5"), TK_PAGE_UP);
    assert_int_equal(key_parse_curses_name("kNXT3"), TK_PAGE_DOWN);
    assert_int_equal(key_parse_curses_name("kDC5"), TK_DELETE);
    assert_int_equal(key_parse_curses_name("kIC5"), TK_NONE);
    assert_int_equal(key_parse_curses_name("kRIT"), TK_NONE);
    assert_int_equal(key_parse_curses_name("kRIT51"), TK_NONE);
    assert_int_equal(key_parse_curses_name("kxIN"), TK_NONE);
    assert_int_equal(key_parse_curses_name(NULL), TK_NONE);
}

static void only_printable_text_is_written(void **state)
{
    (void)state;
    assert_true(term_text_safe(""));
    assert_true(term_text_safe(" "));
    assert_true(term_text_safe("ắ"));
    assert_true(term_text_safe("a\xCC\x81")); /* a base and a combining mark */
    assert_true(term_text_safe("─"));
    assert_true(term_text_safe("␛")); /* the canvas' placeholder for Esc */
    assert_true(term_text_safe("\xEF\xBF\xBD"));
    assert_false(term_text_safe("\x1b"));
    assert_false(term_text_safe("\x1b[2J"));
    assert_false(term_text_safe("a\n"));
    assert_false(term_text_safe("\t"));
    assert_false(term_text_safe("\r"));
    assert_false(term_text_safe("\x07"));
    assert_false(term_text_safe("\x7f"));
    assert_false(term_text_safe("\xC2\x9B")); /* U+009B: CSI as a C1 control */
    assert_false(term_text_safe("\xC2\x85"));
    assert_false(term_text_safe("\x9b"));     /* a stray byte */
    assert_false(term_text_safe("\xC3"));     /* a cut sequence */
    assert_false(term_text_safe("\xC0\x9B")); /* overlong ESC-like */
    assert_false(term_text_safe("\xED\xA0\x80")); /* a surrogate */
    assert_string_equal(TERM_TEXT_UNSAFE, "\xEF\xBF\xBD");
    assert_true(term_text_safe(TERM_TEXT_UNSAFE));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(putty_and_console_editing_keys),
        cmocka_unit_test(insert_is_read_and_ignored),
        cmocka_unit_test(function_keys),
        cmocka_unit_test(modifiers_give_the_plain_key),
        cmocka_unit_test(bracketed_paste),
        cmocka_unit_test(application_keypad),
        cmocka_unit_test(unknown_sequences_are_ignored_never_esc),
        cmocka_unit_test(a_sequence_cut_short_is_dropped),
        cmocka_unit_test(esc_then_a_digit_is_a_function_key),
        cmocka_unit_test(esc_alone),
        cmocka_unit_test(the_parser_waits_while_a_sequence_goes_on),
        cmocka_unit_test(an_endless_sequence_is_cut),
        cmocka_unit_test(non_ascii_inside_a_sequence),
        cmocka_unit_test(curses_names_of_modified_keys),
        cmocka_unit_test(only_printable_text_is_written),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
