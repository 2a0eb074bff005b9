/* Unit tests for core/date.c: parsing, calendar rules, today and the date line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "date.h"

static void parses_as(const char *text, int year, int month, int day)
{
    htx_date d = {0, 0, 0};
    if (!htx_date_parse(text, &d))
        fail_msg("\"%s\" should parse", text);
    assert_int_equal(d.year, year);
    assert_int_equal(d.month, month);
    assert_int_equal(d.day, day);
}

static void refused(const char *text)
{
    htx_date d = {1, 2, 3};
    if (htx_date_parse(text, &d))
        fail_msg("\"%s\" should be refused", text);
    /* A refused text leaves the output alone. */
    assert_int_equal(d.year, 1);
    assert_int_equal(d.month, 2);
    assert_int_equal(d.day, 3);
}

static void test_parse_formats(void **state)
{
    (void)state;
    parses_as("05/03/2019", 2019, 3, 5);
    parses_as("5/3/2019", 2019, 3, 5);
    parses_as("05/3/2019", 2019, 3, 5);
    parses_as("5/03/2019", 2019, 3, 5);
    parses_as("2019-03-05", 2019, 3, 5);
    parses_as("  05/03/2019  ", 2019, 3, 5);
    parses_as("\t2019-03-05\n", 2019, 3, 5);
    parses_as("28/11/2026", 2026, 11, 28);
    /* Other separators, the same one twice; a spreadsheet's time of day. */
    parses_as("05.03.2019", 2019, 3, 5);
    parses_as("5-3-2019", 2019, 3, 5);
    parses_as("05/03/2019 00:00:00", 2019, 3, 5);
    parses_as("05/03/2019 0:00", 2019, 3, 5);
    parses_as("2019-03-05 00:00:00", 2019, 3, 5);
}

static void test_parse_calendar(void **state)
{
    (void)state;
    parses_as("29/02/2024", 2024, 2, 29);
    parses_as("29/02/2000", 2000, 2, 29); /* divisible by 400: leap */
    parses_as("31/01/2019", 2019, 1, 31);
    parses_as("30/04/2019", 2019, 4, 30);
    parses_as("31/12/2019", 2019, 12, 31);
    parses_as("01/01/1900", 1900, 1, 1);
    parses_as("31/12/9999", 9999, 12, 31);
    parses_as("2024-02-29", 2024, 2, 29);

    refused("29/02/2023");
    refused("29/02/1900"); /* divisible by 100 only: not leap */
    refused("2023-02-29");
    refused("31/04/2019");
    refused("31/06/2019");
    refused("31/09/2019");
    refused("31/11/2019");
    refused("30/02/2024");
    refused("32/01/2019");
    refused("00/01/2019");
    refused("01/00/2019");
    refused("01/13/2019");
    refused("2019-13-01");
    refused("2019-00-10");
    refused("31/12/1899");
    refused("1899-12-31");
}

static void test_parse_refuses_other_shapes(void **state)
{
    (void)state;
    refused(NULL);
    refused("");
    refused("   ");
    refused("abc");
    refused("05/03/019");      /* three-digit year */
    refused("2018");           /* a year alone: htx_date_parse_year */
    refused("2018-00-05");     /* a day without its month */
    refused("05/03/02019");    /* five-digit year */
    refused("01/01/10000");
    refused("005/03/2019");
    refused("05/003/2019");
    refused("05/03/2019x");    /* trailing junk */
    refused("05/03/2019 x");
    refused("05/03/2019/");
    refused("05/03/2019 25:00");
    refused("05/03/2019 00:00:00 x");
    refused("2019-03-05T10:00");
    refused("2019-3-5");       /* ISO takes two digits */
    refused("2019-03-5");
    refused("2019/03/05");
    refused("05//2019");
    refused("+5/3/2019");
    refused("-5/3/2019");
    refused("5 /3/2019");
    refused("x05/03/2019");
}

/* "5/3/19" as offices write it: the latest such year not after this one. */
static void test_two_digit_years(void **state)
{
    (void)state;
    assert_int_equal(setenv("HTX_TODAY", "2026-02-05", 1), 0);
    htx_date d;
    assert_true(htx_date_parse("5/3/19", &d));
    assert_int_equal(htx_date_compare(d, (htx_date){2019, 3, 5}), 0);
    assert_true(htx_date_parse("05.03.26", &d));
    assert_int_equal(d.year, 2026);
    assert_true(htx_date_parse("05/03/27", &d));
    assert_int_equal(d.year, 1927);
    assert_int_equal(unsetenv("HTX_TODAY"), 0);
}

/* A founding year alone: stored 2018-00-00, shown 2018, never 01/01/2018. */
static void test_year_only(void **state)
{
    (void)state;
    htx_date d;
    assert_true(htx_date_parse_year(" 2018 ", &d));
    assert_true(htx_date_is_year_only(d));
    char iso[HTX_ISO_DATE_SIZE], shown[HTX_ISO_DATE_SIZE];
    htx_date_iso(d, iso);
    htx_date_display(d, shown);
    assert_string_equal(iso, "2018-00-00");
    assert_string_equal(shown, "2018");
    htx_date back;
    assert_true(htx_date_parse(iso, &back));
    assert_int_equal(htx_date_compare(back, d), 0);
    assert_true(htx_date_compare(d, (htx_date){2018, 1, 1}) < 0);
    assert_false(htx_date_parse_year("218", &d));
    assert_false(htx_date_parse_year("1899", &d));
    assert_false(htx_date_parse_year("2018a", &d));
    assert_false(htx_date_parse_year("05/03/2019", &d));
}

static void test_iso_and_display(void **state)
{
    (void)state;
    char out[HTX_ISO_DATE_SIZE];
    htx_date d = {2019, 3, 5};
    htx_date_iso(d, out);
    assert_string_equal(out, "2019-03-05");
    htx_date_display(d, out);
    assert_string_equal(out, "05/03/2019");
    d = (htx_date){2026, 12, 31};
    htx_date_iso(d, out);
    assert_string_equal(out, "2026-12-31");
    htx_date_display(d, out);
    assert_string_equal(out, "31/12/2026");

    /* A parsed date shown and parsed again is the same date. */
    htx_date back;
    assert_true(htx_date_parse(out, &back));
    assert_int_equal(htx_date_compare(back, d), 0);
}

static void test_compare(void **state)
{
    (void)state;
    htx_date a = {2020, 5, 10};
    assert_int_equal(htx_date_compare(a, a), 0);
    assert_true(htx_date_compare(a, (htx_date){2021, 1, 1}) < 0);
    assert_true(htx_date_compare(a, (htx_date){2019, 12, 31}) > 0);
    assert_true(htx_date_compare(a, (htx_date){2020, 6, 1}) < 0);
    assert_true(htx_date_compare(a, (htx_date){2020, 4, 30}) > 0);
    assert_true(htx_date_compare(a, (htx_date){2020, 5, 11}) < 0);
    assert_true(htx_date_compare(a, (htx_date){2020, 5, 9}) > 0);
}

static void test_today_honours_environment(void **state)
{
    (void)state;
    assert_int_equal(setenv("HTX_TODAY", "2026-02-05", 1), 0);
    htx_date d = htx_date_today();
    assert_int_equal(d.year, 2026);
    assert_int_equal(d.month, 2);
    assert_int_equal(d.day, 5);
    assert_int_equal(unsetenv("HTX_TODAY"), 0);
}

static htx_date clock_today(void)
{
    time_t now = time(NULL);
    struct tm local;
    localtime_r(&now, &local);
    return (htx_date){local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

/* An invalid HTX_TODAY is ignored: the clock's date is used. */
static void today_from_clock_with(const char *value)
{
    if (value)
        assert_int_equal(setenv("HTX_TODAY", value, 1), 0);
    htx_date before = clock_today();
    htx_date d = htx_date_today();
    htx_date after = clock_today(); /* in case midnight passes in between */
    if (htx_date_compare(d, before) != 0 && htx_date_compare(d, after) != 0)
        fail_msg("HTX_TODAY=%s: got %04d-%02d-%02d", value ? value : "(unset)", d.year, d.month,
                 d.day);
    assert_int_equal(unsetenv("HTX_TODAY"), 0);
}

static void test_today_ignores_invalid_environment(void **state)
{
    (void)state;
    today_from_clock_with(NULL);
    today_from_clock_with("");
    today_from_clock_with("2026-02-30");
    today_from_clock_with("tomorrow");
    today_from_clock_with("2026-02-05x");
    today_from_clock_with("1800-01-01");
}

static void date_line_is(const char *place, int year, int month, int day, const char *expected)
{
    char out[96];
    htx_date_line(place, (htx_date){year, month, day}, out, (int)sizeof out);
    assert_string_equal(out, expected);
}

static void test_date_line(void **state)
{
    (void)state;
    date_line_is("Hà Nội", 2026, 2, 5, "Hà Nội, ngày 05 tháng 02 năm 2026");
    date_line_is("Hà Nội", 2026, 11, 28, "Hà Nội, ngày 28 tháng 11 năm 2026");
    date_line_is("Hà Nội", 2026, 3, 5, "Hà Nội, ngày 05 tháng 3 năm 2026");
    date_line_is("Hà Nội", 2026, 1, 15, "Hà Nội, ngày 15 tháng 01 năm 2026");
    date_line_is("Hà Nội", 2026, 10, 1, "Hà Nội, ngày 01 tháng 10 năm 2026");
    date_line_is("Hà Nội", 2026, 12, 10, "Hà Nội, ngày 10 tháng 12 năm 2026");
    date_line_is("Hà Nội", 2026, 9, 9, "Hà Nội, ngày 09 tháng 9 năm 2026");
    date_line_is(NULL, 2026, 2, 5, "ngày 05 tháng 02 năm 2026");
    date_line_is("", 2026, 2, 5, "ngày 05 tháng 02 năm 2026");
}

static void test_date_line_cut_keeps_whole_characters(void **state)
{
    (void)state;
    /* "Hà Nội": H, à (2 bytes), space, N, ộ (3 bytes), i. */
    char out[8];
    memset(out, 'z', sizeof out);
    htx_date_line("Hà Nội", (htx_date){2026, 2, 5}, out, 7);
    assert_string_equal(out, "Hà N"); /* "ộ" would not fit whole */
    htx_date_line("Hà Nội", (htx_date){2026, 2, 5}, out, 3);
    assert_string_equal(out, "H");
    out[0] = 'z';
    htx_date_line("Hà Nội", (htx_date){2026, 2, 5}, out, 0);
    assert_int_equal(out[0], 'z'); /* nothing written into no room */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_formats),
        cmocka_unit_test(test_two_digit_years),
        cmocka_unit_test(test_year_only),
        cmocka_unit_test(test_parse_calendar),
        cmocka_unit_test(test_parse_refuses_other_shapes),
        cmocka_unit_test(test_iso_and_display),
        cmocka_unit_test(test_compare),
        cmocka_unit_test(test_today_honours_environment),
        cmocka_unit_test(test_today_ignores_invalid_environment),
        cmocka_unit_test(test_date_line),
        cmocka_unit_test(test_date_line_cut_keeps_whole_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
