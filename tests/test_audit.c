/*
 * Unit tests for core/store/audit_changes.c: the changes of an audit entry
 * read back exactly as they were written, and every text of another shape
 * (a hand-edited database) an error value, never a crash or an overread.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "audit_changes.h"

#define FFFD "\xEF\xBF\xBD"

/* What the iterator yields, copied out, so it can be compared after the fact. */
typedef struct read_back {
    int count;
    char *key[8], *old_value[8], *new_value[8];
    htx_status status;
    size_t error_at;
} read_back;

static char *copy_or_null(const char *s)
{
    if (!s)
        return NULL;
    char *c = strdup(s);
    assert_non_null(c);
    return c;
}

/* Reads json whole; the first eight changes are kept. */
static read_back read_all(const char *json)
{
    read_back rb = {0};
    htx_change_iter it;
    htx_change change;
    htx_change_iter_init(&it, json);
    while (htx_change_iter_next(&it, &change)) {
        assert_non_null(change.key);
        if (rb.count < 8) {
            rb.key[rb.count] = copy_or_null(change.key);
            rb.old_value[rb.count] = copy_or_null(change.old_value);
            rb.new_value[rb.count] = copy_or_null(change.new_value);
        }
        rb.count++;
    }
    /* once it has said false, it keeps saying so */
    assert_false(htx_change_iter_next(&it, &change));
    rb.error_at = it.error_at;
    rb.status = htx_change_iter_end(&it);
    return rb;
}

static void free_read_back(read_back *rb)
{
    for (int i = 0; i < rb->count && i < 8; i++) {
        free(rb->key[i]);
        free(rb->old_value[i]);
        free(rb->new_value[i]);
    }
}

/* The JSON that htx_changes_* write for these changes. */
static char *write_changes(int n, const char *const (*changes)[3])
{
    htx_changes ch;
    htx_error err;
    assert_int_equal(htx_changes_open(&ch, &err), HTX_OK);
    for (int i = 0; i < n; i++)
        htx_changes_add(&ch, changes[i][0], changes[i][1], changes[i][2]);
    assert_int_equal(htx_changes_finish(&ch, &err), HTX_OK);
    return ch.json;
}

static void assert_same(const char *expected, const char *actual)
{
    if (!expected)
        assert_null(actual);
    else
        assert_string_equal(actual, expected);
}

static void reads_back_what_the_writer_writes(void **state)
{
    (void)state;
    /* every character the writer escapes, and some it does not */
    const char *const changes[][3] = {
        {"phone", NULL, "02438253640"},
        {"notes", "a\nb\r\tc", NULL},
        {"name", "quote \" backslash \\ slash /", "\b\f\x01\x1B[31m\x1F"},
        {"address", "DEL \x7F C1 \xC2\x85 end", "Hợp tác xã Đồng Tâm — 中文 😀"},
        {"ward", NULL, NULL},
        {"products", "", " "},
    };
    int n = (int)(sizeof changes / sizeof changes[0]);
    char *json = write_changes(n, changes);
    read_back rb = read_all(json);
    assert_int_equal(rb.status, HTX_OK);
    assert_int_equal(rb.count, n);
    for (int i = 0; i < n; i++) {
        assert_string_equal(rb.key[i], changes[i][0]);
        assert_same(changes[i][1], rb.old_value[i]);
        assert_same(changes[i][2], rb.new_value[i]);
    }
    free_read_back(&rb);
    free(json);
}

static void an_invalid_byte_comes_back_as_the_replacement_character(void **state)
{
    (void)state;
    const char *const changes[][3] = {{"name", "a\xFF" "b", NULL}};
    char *json = write_changes(1, changes);
    read_back rb = read_all(json);
    assert_int_equal(rb.status, HTX_OK);
    assert_string_equal(rb.old_value[0], "a" FFFD "b");
    free_read_back(&rb);
    free(json);
}

static void decodes_every_json_escape(void **state)
{
    (void)state;
    read_back rb = read_all("{\"k\": [\"\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"\\u0041\\u00e9\\u1EE3\\u20AC\"],"
                            " \"pair\": [\"\\ud83d\\ude00\", \"\\uD834\\uDD1E!\"]}");
    assert_int_equal(rb.status, HTX_OK);
    assert_int_equal(rb.count, 2);
    assert_string_equal(rb.old_value[0], "\"\\/\b\f\n\r\t");
    assert_string_equal(rb.new_value[0], "Aéợ€");
    assert_string_equal(rb.old_value[1], "😀");
    assert_string_equal(rb.new_value[1], "\xF0\x9D\x84\x9E!"); /* U+1D11E */
    free_read_back(&rb);
}

static void lone_surrogates_and_nul_become_the_replacement_character(void **state)
{
    (void)state;
    read_back rb = read_all("{\"a\": [\"x\\ud800y\", \"\\udc00\"], \"b\": [\"\\ud83d\\u0041\", \"n\\u0000m\"],"
                            " \"c\": [\"\\ud800\\ud800\\udc00\", \"\\ude00\\ud83d\"]}");
    assert_int_equal(rb.status, HTX_OK);
    assert_int_equal(rb.count, 3);
    assert_string_equal(rb.old_value[0], "x" FFFD "y");
    assert_string_equal(rb.new_value[0], FFFD);
    assert_string_equal(rb.old_value[1], FFFD "A");
    assert_string_equal(rb.new_value[1], "n" FFFD "m");
    /* a high surrogate then a pair: the first alone, the pair joined */
    assert_string_equal(rb.old_value[2], FFFD "\xF0\x90\x80\x80");
    assert_string_equal(rb.new_value[2], FFFD FFFD);
    free_read_back(&rb);
}

static void null_old_and_new_and_empty_objects(void **state)
{
    (void)state;
    read_back rb = read_all(" \r\n\t{ \"a\" :[ null ,null ] ,\n\"b\":[\"\",null],\"c\":[null,\"\"] }\n ");
    assert_int_equal(rb.status, HTX_OK);
    assert_int_equal(rb.count, 3);
    assert_null(rb.old_value[0]);
    assert_null(rb.new_value[0]);
    assert_string_equal(rb.old_value[1], "");
    assert_null(rb.new_value[1]);
    assert_null(rb.old_value[2]);
    assert_string_equal(rb.new_value[2], "");
    free_read_back(&rb);

    const char *empty[] = {"{}", " { } ", NULL};
    for (int i = 0; i < 3; i++) {
        rb = read_all(empty[i]);
        assert_int_equal(rb.status, HTX_OK);
        assert_int_equal(rb.count, 0);
    }
}

/* Every text cut short of its end, each in its own allocation so that a
 * read past the cut is caught by the address sanitizer. */
static void every_truncation_is_an_error(void **state)
{
    (void)state;
    const char *const changes[][3] = {
        {"notes", "x\ny \"q\" \\", "\xF0\x9F\x98\x80\x01"},
        {"phone", NULL, "024"},
    };
    char *json = write_changes(2, changes);
    size_t length = strlen(json);
    for (size_t cut = 0; cut < length; cut++) {
        char *prefix = strndup(json, cut);
        assert_non_null(prefix);
        read_back rb = read_all(prefix);
        assert_int_equal(rb.status, HTX_ERR_INVALID);
        assert_true(rb.error_at <= cut);
        assert_true(rb.count <= 2);
        free_read_back(&rb);
        free(prefix);
    }
    /* and cut inside an escape written by hand */
    const char *cuts[] = {"{\"a\": [\"\\", "{\"a\": [\"\\u", "{\"a\": [\"\\u00", "{\"a\": [\"\\ud83d\\u", "{\"a\": [nul",
                          "{\"a\": [null, \"\\ud83d\\ude0"};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        char *text = strdup(cuts[i]);
        assert_non_null(text);
        read_back rb = read_all(text);
        assert_int_equal(rb.status, HTX_ERR_INVALID);
        free_read_back(&rb);
        free(text);
    }
    free(json);
}

static void other_shapes_are_errors(void **state)
{
    (void)state;
    const char *bad[] = {
        "",
        "   ",
        "null",
        "[]",
        "\"text\"",
        "{\"a\": [1, 2]}",
        "{\"a\": [null, true]}",
        "{\"a\": [null, false]}",
        "{\"a\": [null, {}]}",
        "{\"a\": [null, [\"x\"]]}",
        "{\"a\": [null, 1e999999]}",
        "{\"a\": \"x\"}",
        "{\"a\": null}",
        "{\"a\": []}",
        "{\"a\": [null]}",
        "{\"a\": [null, null, null]}",
        "{\"a\" [null, null]}",
        "{\"a\": [null null]}",
        "{a: [null, null]}",
        "{1: [null, null]}",
        "{null: [null, null]}",
        "{\"a\": [null, nul]}",
        "{\"a\": [null, NULL]}",
        "{\"a\": [null, null],}",
        "{,\"a\": [null, null]}",
        "{\"a\": [null, null] \"b\": [null, null]}",
        "{\"a\": [null, null]}}",
        "{\"a\": [null, null]} x",
        "{\"a\": [null, null]}{}",
        "{\"a\": [\"\\x41\", null]}",
        "{\"a\": [\"\\u12G4\", null]}",
        "{\"a\": [\"\\U0041\", null]}",
        "{\"a\": [\"\\'\", null]}",
        "{\"a\": [\"raw\nnewline\", null]}",
        "{\"a\": [\"raw\ttab\", null]}",
        "{\"a\": [\"raw\033esc\", null]}",
        "{\"a\": ['single', null]}",
        "\xEF\xBB\xBF{}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        read_back rb = read_all(bad[i]);
        if (rb.status != HTX_ERR_INVALID)
            fail_msg("read as valid: %s", bad[i]);
        assert_true(rb.error_at <= strlen(bad[i]));
        free_read_back(&rb);
    }
}

static void changes_before_a_problem_are_read_and_the_problem_located(void **state)
{
    (void)state;
    const char *json = "{\"a\": [null, \"1\"], \"b\": [null, 5], \"c\": [null, \"3\"]}";
    read_back rb = read_all(json);
    assert_int_equal(rb.status, HTX_ERR_INVALID);
    assert_int_equal(rb.count, 1);
    assert_string_equal(rb.key[0], "a");
    assert_string_equal(rb.new_value[0], "1");
    assert_int_equal(rb.error_at, (size_t)(strchr(json, '5') - json));
    free_read_back(&rb);
}

static void stopping_early_and_no_text(void **state)
{
    (void)state;
    htx_change_iter it;
    htx_change change;
    htx_change_iter_init(&it, "{\"a\": [null, \"1\"], \"b\": [null, \"2\"]}");
    assert_true(htx_change_iter_next(&it, &change));
    assert_string_equal(change.key, "a");
    /* the leak checker sees that this releases the buffer */
    assert_int_equal(htx_change_iter_end(&it), HTX_OK);

    /* never started */
    htx_change_iter_init(&it, "{\"a\": [null, \"1\"]}");
    assert_int_equal(htx_change_iter_end(&it), HTX_OK);

    read_back rb = read_all(NULL);
    assert_int_equal(rb.status, HTX_OK);
    assert_int_equal(rb.count, 0);
}

static char *repeat(const char *head, const char *unit, size_t times, const char *tail)
{
    size_t size = strlen(head) + strlen(unit) * times + strlen(tail) + 1;
    char *text = malloc(size);
    assert_non_null(text);
    char *p = stpcpy(text, head);
    for (size_t i = 0; i < times; i++)
        p = stpcpy(p, unit);
    strcpy(p, tail);
    return text;
}

static void huge_texts_read_whole_or_fail_cleanly(void **state)
{
    (void)state;
    /* a value of 8 MB */
    char *json = repeat("{\"notes\": [null, \"", "x", 8u << 20, "\"]}");
    htx_change_iter it;
    htx_change change;
    htx_change_iter_init(&it, json);
    assert_true(htx_change_iter_next(&it, &change));
    assert_int_equal(strlen(change.new_value), 8u << 20);
    assert_false(htx_change_iter_next(&it, &change));
    assert_int_equal(htx_change_iter_end(&it), HTX_OK);
    free(json);

    /* a million escapes, pairs among them */
    json = repeat("{\"notes\": [\"", "\\u00e9\\ud83d\\ude00\\n", 1u << 20, "\", null]}");
    htx_change_iter_init(&it, json);
    assert_true(htx_change_iter_next(&it, &change));
    assert_int_equal(strlen(change.old_value), (size_t)(2 + 4 + 1) << 20);
    assert_int_equal(memcmp(change.old_value, "é😀\né😀\n", 14), 0);
    assert_int_equal(htx_change_iter_end(&it), HTX_OK);
    free(json);

    /* a hundred thousand members */
    json = repeat("{\"a\": [null, null]", ", \"b\": [\"1\", \"2\"]", 100000, "}");
    read_back rb = read_all(json);
    assert_int_equal(rb.status, HTX_OK);
    assert_int_equal(rb.count, 100001);
    free_read_back(&rb);
    free(json);

    /* deep nesting is no recursion: refused at its first bracket */
    json = repeat("{\"a\": [null, ", "[", 1u << 20, "");
    rb = read_all(json);
    assert_int_equal(rb.status, HTX_ERR_INVALID);
    assert_int_equal(rb.error_at, strlen("{\"a\": [null, "));
    free(json);

    /* a huge string that never ends */
    json = repeat("{\"notes\": [null, \"", "\\u1EE3", 1u << 20, "");
    rb = read_all(json);
    assert_int_equal(rb.status, HTX_ERR_INVALID);
    assert_int_equal(rb.error_at, strlen(json));
    free(json);
}

static void values_are_shown_as_the_record_shows_them(void **state)
{
    (void)state;
    char out[256];
    htx_change_value_display("founded", "2015-03-02", HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "02/03/2015");
    htx_change_value_display("district", "018", HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "Gia Lâm");
    htx_change_value_display("sector", "trade", HTX_LANG_EN, out, sizeof out);
    assert_string_equal(out, "Trade and services");
    htx_change_value_display("capital", "1500000000", HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "1.500.000.000 đ");
    htx_change_value_display("club", "plastic", HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "CLB Nhựa Hà Nội");
    htx_change_value_display("role", "chair", HTX_LANG_EN, out, sizeof out);
    assert_string_equal(out, "Chair");
    htx_change_value_display("joined", "2026-06-01", HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "01/06/2026");
    /* what the rules refuse, or nobody knows, stays as stored */
    htx_change_value_display("founded", "2015-13-45", HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "2015-13-45");
    htx_change_value_display("district", "999", HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "999");
    htx_change_value_display("colour", "red\x1B", HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "red\x1B");
    /* cut to the room given, still a C string */
    htx_change_value_display("colour", "abcdef", HTX_LANG_VI, out, 4);
    assert_string_equal(out, "abc");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_back_what_the_writer_writes),
        cmocka_unit_test(an_invalid_byte_comes_back_as_the_replacement_character),
        cmocka_unit_test(decodes_every_json_escape),
        cmocka_unit_test(lone_surrogates_and_nul_become_the_replacement_character),
        cmocka_unit_test(null_old_and_new_and_empty_objects),
        cmocka_unit_test(every_truncation_is_an_error),
        cmocka_unit_test(other_shapes_are_errors),
        cmocka_unit_test(changes_before_a_problem_are_read_and_the_problem_located),
        cmocka_unit_test(stopping_early_and_no_text),
        cmocka_unit_test(huge_texts_read_whole_or_fail_cleanly),
        cmocka_unit_test(values_are_shown_as_the_record_shows_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
