/* Unit tests for core/format.c (numbers as staff write them) and core/textout.c
 * (CSV, TSV and JSON fields). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "format.h"
#include "textout.h"

/* ---- Numbers ------------------------------------------------------------ */

static void thousands_is(int64_t n, const char *expected)
{
    char out[64];
    memset(out, 'z', sizeof out);
    htx_format_thousands(n, out, sizeof out);
    assert_string_equal(out, expected);
}

static void test_thousands(void **state)
{
    (void)state;
    thousands_is(0, "0");
    thousands_is(7, "7");
    thousands_is(999, "999");
    thousands_is(1000, "1.000");
    thousands_is(1500, "1.500");
    thousands_is(12345, "12.345");
    thousands_is(100000, "100.000");
    thousands_is(1500000, "1.500.000");
    thousands_is(1500000000, "1.500.000.000");
    thousands_is(-1, "-1");
    thousands_is(-999, "-999");
    thousands_is(-1500, "-1.500");
    thousands_is(-1500000, "-1.500.000");
    thousands_is(INT64_MAX, "9.223.372.036.854.775.807");
    thousands_is(INT64_MIN, "-9.223.372.036.854.775.808");
}

static void test_thousands_cut_to_size(void **state)
{
    (void)state;
    char out[8];
    memset(out, 'z', sizeof out);
    htx_format_thousands(1500000, out, 4);
    assert_string_equal(out, "1.5");
    assert_int_equal(out[4], 'z'); /* nothing past the given size */
    htx_format_thousands(1500000, out, 1);
    assert_string_equal(out, "");
    out[0] = 'z';
    htx_format_thousands(1500000, out, 0);
    assert_int_equal(out[0], 'z');
}

static void test_money(void **state)
{
    (void)state;
    char out[64];
    htx_format_money(1500000000, out, sizeof out);
    assert_string_equal(out, "1.500.000.000 đ");
    htx_format_money(1500000, out, sizeof out);
    assert_string_equal(out, "1.500.000 đ");
    htx_format_money(0, out, sizeof out);
    assert_string_equal(out, "0 đ");
    htx_format_money(-250000, out, sizeof out);
    assert_string_equal(out, "-250.000 đ");
}

static void percent_is(int64_t part, int64_t whole, const char *expected)
{
    char out[64];
    memset(out, 'z', sizeof out);
    htx_format_percent(part, whole, out, sizeof out);
    if (strcmp(out, expected) != 0)
        fail_msg("%lld/%lld: got \"%s\", expected \"%s\"", (long long)part, (long long)whole, out,
                 expected);
}

static void test_percent(void **state)
{
    (void)state;
    percent_is(1, 8, "12,5%");
    percent_is(2, 3, "66,7%");
    percent_is(1, 3, "33,3%");
    percent_is(0, 0, "0,0%");
    percent_is(5, 0, "0,0%");
    percent_is(0, 7, "0,0%");
    percent_is(1, 1, "100,0%");
    percent_is(3, 2, "150,0%");
    percent_is(123, 1000, "12,3%");
    /* Half up: 6,25 → 6,3 and 0,05 → 0,1; just under half goes down. */
    percent_is(1, 16, "6,3%");
    percent_is(1, 2000, "0,1%");
    percent_is(1, 2001, "0,0%");
    percent_is(3, 32, "9,4%"); /* 9,375 */
    percent_is(1, 32, "3,1%"); /* 3,125 */
    percent_is(-1, 8, "-12,5%");
    percent_is(1, -8, "-12,5%");
    percent_is(-1, 3000, "0,0%"); /* no "-0,0%" */
    percent_is(INT64_MAX, INT64_MAX, "100,0%");
    percent_is(INT64_MAX / 2, INT64_MAX, "50,0%");
    percent_is(1, INT64_MAX, "0,0%");
    percent_is(INT64_MIN, INT64_MIN, "100,0%");
}

/* English readers group thousands with commas and mark decimals with a point. */
static void test_english_numbers(void **state)
{
    (void)state;
    char out[64];
    htx_format_number(1585000000, HTX_LANG_EN, out, sizeof out);
    assert_string_equal(out, "1,585,000,000");
    htx_format_number(-1500, HTX_LANG_EN, out, sizeof out);
    assert_string_equal(out, "-1,500");
    htx_format_number(1585000000, HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "1.585.000.000");
    htx_format_vnd(1585000000, HTX_LANG_EN, out, sizeof out);
    assert_string_equal(out, "1,585,000,000 VND");
    htx_format_vnd(1585000000, HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "1.585.000.000 đ");
    htx_format_share(341, 1000, HTX_LANG_EN, out, sizeof out);
    assert_string_equal(out, "34.1%");
    htx_format_share(341, 1000, HTX_LANG_VI, out, sizeof out);
    assert_string_equal(out, "34,1%");
    htx_format_share(0, 0, HTX_LANG_EN, out, sizeof out);
    assert_string_equal(out, "0.0%");
}

/* ---- Text writers ------------------------------------------------------- */

typedef void field_writer(FILE *out, const char *value);

/* What writer puts on a stream for value; the caller frees it. */
static char *written(field_writer *writer, const char *value)
{
    char *text = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&text, &size);
    assert_non_null(stream);
    writer(stream, value);
    assert_int_equal(fclose(stream), 0);
    return text;
}

static void writes(field_writer *writer, const char *value, const char *expected)
{
    char *text = written(writer, value);
    if (strcmp(text, expected) != 0) {
        char message[512];
        snprintf(message, sizeof message, "got [%s], expected [%s]", text, expected);
        free(text);
        fail_msg("%s", message);
    }
    free(text);
}

static void test_csv(void **state)
{
    (void)state;
    writes(htx_csv_field, "plain", "plain");
    writes(htx_csv_field, "", "");
    writes(htx_csv_field, NULL, "");
    writes(htx_csv_field, "two words", "two words");
    writes(htx_csv_field, "Hợp tác xã Đồng Tâm", "Hợp tác xã Đồng Tâm");
    writes(htx_csv_field, "a,b", "\"a,b\"");
    writes(htx_csv_field, "say \"hi\"", "\"say \"\"hi\"\"\"");
    writes(htx_csv_field, "\"", "\"\"\"\"");
    writes(htx_csv_field, "line\nbreak", "\"line\nbreak\"");
    writes(htx_csv_field, "cr\rhere", "\"cr\rhere\"");
    writes(htx_csv_field, "crlf\r\n", "\"crlf\r\n\"");
    writes(htx_csv_field, " leading", "\" leading\"");
    writes(htx_csv_field, "trailing ", "\"trailing \"");
    writes(htx_csv_field, " ", "\" \"");
    writes(htx_csv_field, "tab\tinside", "tab\tinside");
    writes(htx_csv_field, "semi;colon", "semi;colon");
    writes(htx_csv_field, "back\\slash", "back\\slash");
}

static void test_tsv(void **state)
{
    (void)state;
    writes(htx_tsv_field, "plain", "plain");
    writes(htx_tsv_field, "", "");
    writes(htx_tsv_field, NULL, "");
    writes(htx_tsv_field, "Hà Nội", "Hà Nội");
    writes(htx_tsv_field, "a\tb", "a\\tb");
    writes(htx_tsv_field, "a\nb", "a\\nb");
    writes(htx_tsv_field, "a\rb", "a\\rb");
    writes(htx_tsv_field, "C:\\htx", "C:\\\\htx");
    writes(htx_tsv_field, "\\n", "\\\\n"); /* a typed backslash-n stays two characters */
    writes(htx_tsv_field, "say \"hi\", ok", "say \"hi\", ok");
    writes(htx_tsv_field, " spaced ", " spaced ");
}

static void test_json(void **state)
{
    (void)state;
    writes(htx_json_string, "plain", "\"plain\"");
    writes(htx_json_string, "", "\"\"");
    writes(htx_json_string, NULL, "\"\"");
    writes(htx_json_string, "Hợp tác xã Đồng Tâm", "\"Hợp tác xã Đồng Tâm\"");
    writes(htx_json_string, "say \"hi\"", "\"say \\\"hi\\\"\"");
    writes(htx_json_string, "C:\\htx", "\"C:\\\\htx\"");
    writes(htx_json_string, "a\nb\tc\rd", "\"a\\nb\\tc\\rd\"");
    writes(htx_json_string, "\b\f", "\"\\b\\f\"");
    writes(htx_json_string, "\x01", "\"\\u0001\"");
    writes(htx_json_string, "esc\x1b]0;x\x07", "\"esc\\u001b]0;x\\u0007\"");
    writes(htx_json_string, "\x1f", "\"\\u001f\"");
    writes(htx_json_string, "a/b", "\"a/b\"");
    writes(htx_json_string, "\x7f", "\"\\u007f\"");
    writes(htx_json_string, "\xc2\x9b", "\"\\u009b\"");  /* C1 CSI */
    writes(htx_json_string, "a\xff" "b", "\"a\\ufffd" "b\""); /* an invalid byte */
    writes(htx_json_string, "\xF0\x9F\x98\x80", "\"\xF0\x9F\x98\x80\""); /* outside the BMP */
}

/* Text written by other means than htx may hold controls: never raw. */
static void test_controls_never_pass_raw(void **state)
{
    (void)state;
    writes(htx_tsv_field, "HTX \x1b[31mX", "HTX \\x1b[31mX");
    writes(htx_tsv_field, "a\x7f\xc2\x9b" "b", "a\\x7f\\x9b" "b");
    writes(htx_tsv_field, "a\xff" "b", "a\xef\xbf\xbd" "b");
    writes(htx_csv_field, "HTX \x1b[31mX", "HTX \xe2\x90\x9b" "[31mX"); /* ␛ */
    writes(htx_csv_field, "a\xff" "b", "a\xef\xbf\xbd" "b");
}

/* Writers put nothing but the field: fields written in a row stay apart. */
static void test_fields_in_a_row(void **state)
{
    (void)state;
    char *text = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&text, &size);
    assert_non_null(stream);
    htx_csv_field(stream, "0100233488");
    fputc(',', stream);
    htx_csv_field(stream, "HTX Một, Hai");
    fputc(',', stream);
    htx_csv_field(stream, "");
    fputs("\r\n", stream);
    assert_int_equal(fclose(stream), 0);
    assert_string_equal(text, "0100233488,\"HTX Một, Hai\",\r\n");
    assert_int_equal(size, strlen(text));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_thousands),
        cmocka_unit_test(test_thousands_cut_to_size),
        cmocka_unit_test(test_money),
        cmocka_unit_test(test_percent),
        cmocka_unit_test(test_english_numbers),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_tsv),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_controls_never_pass_raw),
        cmocka_unit_test(test_fields_in_a_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
