/* Unit tests for core/validate.c: the rules shared by every entry path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "validate.h"

/* Decomposed (NFD) and CP1258-composite spellings, as pasted from other software. */
#define CO_NFD "co\xCC\x81"
#define KHONG_UPPER_NFD "KHO\xCC\x82NG"
#define DONG_NFD "\xC4\x91o\xCC\x82\xCC\x80ng"
#define CHUA_RO_NFD "chu\xCC\x9B" "a ro\xCC\x83"
#define HOP_TAC_XA_NFD "Ho\xCC\x9B\xCC\xA3p ta\xCC\x81" "c xa\xCC\x83"
#define HOP_TAC_XA_UPPER_NFD "HO\xCC\x9B\xCC\xA3P TA\xCC\x81" "C XA\xCC\x83"
#define HOP_TAC_XA_COMPOSITE "H\xC6\xA1\xCC\xA3p t\xC3\xA1" "c x\xC3\xA3"

/* Checks every part of a refusal: status, message, field and the text shown. */
static void assert_refusal(const htx_error *err, htx_msg msg, const char *field, const char *arg)
{
    assert_int_equal(err->status, HTX_ERR_INVALID);
    assert_int_equal(err->msg, msg);
    assert_string_equal(err->field, field);
    assert_string_equal(err->arg[0], arg);
}

/* ---- Registration code -------------------------------------------------- */

static void code_ok(const char *text, const char *expected)
{
    char out[HTX_CODE_SIZE] = "";
    htx_error err;
    htx_error_clear(&err);
    if (htx_parse_code(text, out, &err) != HTX_OK)
        fail_msg("code \"%s\" refused (message %d)", text, (int)err.msg);
    assert_string_equal(out, expected);
}

static void code_refused(const char *text, htx_msg msg)
{
    char out[HTX_CODE_SIZE] = "untouched";
    htx_error err;
    htx_error_clear(&err);
    if (htx_parse_code(text, out, &err) != HTX_ERR_INVALID)
        fail_msg("code \"%s\" accepted", text);
    assert_refusal(&err, msg, "code", text);
    assert_string_equal(out, "untouched");
}

/* The worked examples, summed by hand so that a wrong weight table fails. */
static void test_check_digit_by_hand(void **state)
{
    (void)state;
    /* 0100233488: weights 31 29 23 19 17 13 7 5 3 over 0 1 0 0 2 3 3 4 8 */
    int sum = 0 * 31 + 1 * 29 + 0 * 23 + 0 * 19 + 2 * 17 + 3 * 13 + 3 * 7 + 4 * 5 + 8 * 3;
    assert_int_equal(sum, 167);
    assert_int_equal(sum % 11, 2);
    assert_int_equal(htx_code_check_digit("010023348"), 8); /* 10 - 2 */

    /* 0314409058: 0 3 1 4 4 0 9 0 5 */
    sum = 0 * 31 + 3 * 29 + 1 * 23 + 4 * 19 + 4 * 17 + 0 * 13 + 9 * 7 + 0 * 5 + 5 * 3;
    assert_int_equal(sum, 332);
    assert_int_equal(sum % 11, 2);
    assert_int_equal(htx_code_check_digit("031440905"), 8);

    /* 0100112437: 0 1 0 0 1 1 2 4 3 */
    sum = 0 * 31 + 1 * 29 + 0 * 23 + 0 * 19 + 1 * 17 + 1 * 13 + 2 * 7 + 4 * 5 + 3 * 3;
    assert_int_equal(sum, 102);
    assert_int_equal(sum % 11, 3);
    assert_int_equal(htx_code_check_digit("010011243"), 7);

    /* 0100109106: 0 1 0 0 1 0 9 1 0 */
    sum = 0 * 31 + 1 * 29 + 0 * 23 + 0 * 19 + 1 * 17 + 0 * 13 + 9 * 7 + 1 * 5 + 0 * 3;
    assert_int_equal(sum, 114);
    assert_int_equal(sum % 11, 4);
    assert_int_equal(htx_code_check_digit("010010910"), 6);

    /* 100000004: 31 + 4 * 3 = 43, 43 mod 11 = 10, so the check digit is 0. */
    assert_int_equal(htx_code_check_digit("100000004"), 0);
    /* 100000008: 31 + 8 * 3 = 55, 55 mod 11 = 0: 10 is no digit. */
    assert_int_equal(htx_code_check_digit("100000008"), -1);
    assert_int_equal(htx_code_check_digit("000000000"), -1);
    /* Only nine characters are read: no terminator is needed. */
    const char not_terminated[9] = {'0', '1', '0', '0', '2', '3', '3', '4', '8'};
    assert_int_equal(htx_code_check_digit(not_terminated), 8);
    assert_int_equal(htx_code_check_digit("01002334x"), -1);
}

static void test_code_valid(void **state)
{
    (void)state;
    code_ok("0100233488", "0100233488");
    code_ok("0314409058-002", "0314409058-002");
    code_ok("0100112437", "0100112437");
    code_ok("0100109106", "0100109106");
    code_ok("1000000040", "1000000040");
    code_ok("0314409058-999", "0314409058-999");
    code_ok("0314409058-001", "0314409058-001");
    code_ok("0100 233 488", "0100233488");
    code_ok("  0100233488  ", "0100233488");
    code_ok("0314409058 - 002", "0314409058-002");
}

static void test_code_invalid(void **state)
{
    (void)state;
    code_refused("0100233487", MSG_CODE_CHECK_DIGIT);
    code_refused("0100 233 487", MSG_CODE_CHECK_DIGIT); /* shown as typed */
    code_refused("0314409057-002", MSG_CODE_CHECK_DIGIT);
    code_refused("0000000000", MSG_CODE_CHECK_DIGIT);
    /* No tenth digit completes 100000008. */
    char code[11];
    for (char last = '0'; last <= '9'; last++) {
        snprintf(code, sizeof code, "100000008%c", last);
        code_refused(code, MSG_CODE_CHECK_DIGIT);
    }

    code_refused("010023348", MSG_CODE_FORMAT);
    code_refused("01002334880", MSG_CODE_FORMAT);
    code_refused("0100233488-1", MSG_CODE_FORMAT);
    code_refused("0100233488-01", MSG_CODE_FORMAT);
    code_refused("0100233488-0001", MSG_CODE_FORMAT);
    code_refused("0100233488-", MSG_CODE_FORMAT);
    code_refused("-0100233488", MSG_CODE_FORMAT);
    code_refused("0100233488-00a", MSG_CODE_FORMAT);
    code_refused("0100-233488", MSG_CODE_FORMAT);
    code_refused("abc", MSG_CODE_FORMAT);
    code_refused("", MSG_CODE_FORMAT);
    code_refused("0100.233.488", MSG_CODE_FORMAT);
    code_refused("01002334888888888888", MSG_CODE_FORMAT);

    code_refused("0314409058-000", MSG_CODE_BRANCH);
    code_refused("0100233488 - 000", MSG_CODE_BRANCH);
}

static void test_code_without_error_record(void **state)
{
    (void)state;
    char out[HTX_CODE_SIZE];
    assert_int_equal(htx_parse_code("abc", out, NULL), HTX_ERR_INVALID);
    assert_int_equal(htx_parse_code(NULL, out, NULL), HTX_ERR_INVALID);
}

/* ---- Phone -------------------------------------------------------------- */

static void phone_ok(const char *text, const char *expected)
{
    char out[HTX_PHONE_SIZE] = "";
    htx_error err;
    htx_error_clear(&err);
    if (htx_parse_phone(text, out, &err) != HTX_OK)
        fail_msg("phone \"%s\" refused", text);
    assert_string_equal(out, expected);
}

static void phone_refused(const char *text)
{
    char out[HTX_PHONE_SIZE] = "untouched";
    htx_error err;
    htx_error_clear(&err);
    if (htx_parse_phone(text, out, &err) != HTX_ERR_INVALID)
        fail_msg("phone \"%s\" accepted as %s", text, out);
    assert_refusal(&err, MSG_PHONE_FORMAT, "phone", text);
    assert_string_equal(out, "untouched");
}

static void test_phone_valid(void **state)
{
    (void)state;
    phone_ok("0912345678", "0912345678");
    phone_ok("0912 345 678", "0912345678");
    phone_ok("0912.345.678", "0912345678");
    phone_ok("0912-345-678", "0912345678");
    phone_ok("(091) 234-5678", "0912345678");
    phone_ok("0321234567", "0321234567");
    phone_ok("0561234567", "0561234567");
    phone_ok("0771234567", "0771234567");
    phone_ok("0861234567", "0861234567");
    phone_ok("0981234567", "0981234567");
    phone_ok("024 3825 3640", "02438253640");
    phone_ok("(024) 3825.3640", "02438253640");
    phone_ok("0236 3822 123", "02363822123");
    phone_ok("+84 912 345 678", "0912345678");
    phone_ok("+84912345678", "0912345678");
    phone_ok("+84 24 3825 3640", "02438253640");
    phone_ok("+84 (0) 912 345 678", "0912345678");
    phone_ok("0084 912 345 678", "0912345678");
    phone_ok("0084 24 3825 3640", "02438253640");
    phone_ok("84 912 345 678", "0912345678");
    phone_ok("84 24 3825 3640", "02438253640");
    phone_ok(" 0912345678 ", "0912345678");
}

static void test_phone_invalid(void **state)
{
    (void)state;
    phone_refused("0123 456 789");    /* old 11-digit mobile prefixes */
    phone_refused("01234567890");
    phone_refused("0412345678");      /* 04x and 06x are not in use */
    phone_refused("0612345678");
    phone_refused("091234567");       /* mobile, 9 digits */
    phone_refused("09123456789");     /* mobile, 11 digits */
    phone_refused("0243825364");      /* landline, 10 digits */
    phone_refused("024382536401");    /* landline, 12 digits */
    phone_refused("912345678");       /* no leading 0 */
    phone_refused("8491234567");      /* 84 and too few digits */
    phone_refused("849123456789");    /* 84 and a mobile number one digit too long */
    phone_refused("84 0912 345 678"); /* without + or 00, 84 then a 0 is no number */
    phone_refused("+84 12 345 6789"); /* becomes 012… */
    phone_refused("+1 212 555 0100");
    phone_refused("+840");
    phone_refused("++84912345678");
    phone_refused("0912+345678");
    phone_refused("0912 345 67a");
    phone_refused("0912345678 ext 1");
    phone_refused("0912/345/678");
    phone_refused("");
    phone_refused("   ");
    phone_refused("+");
    phone_refused("0");
    phone_refused("091234567812345678901234567890");
}

/* ---- Dates -------------------------------------------------------------- */

static void test_parse_date(void **state)
{
    (void)state;
    assert_int_equal(setenv("HTX_TODAY", "2026-02-05", 1), 0);
    htx_error err;
    htx_date d = {0, 0, 0};

    htx_error_clear(&err);
    assert_int_equal(htx_parse_date("05/02/2026", "founded", true, &d, &err), HTX_OK);
    assert_int_equal(d.year, 2026);
    assert_int_equal(d.month, 2);
    assert_int_equal(d.day, 5);
    assert_int_equal(htx_parse_date("5/3/2019", "founded", true, &d, &err), HTX_OK);
    assert_int_equal(htx_date_compare(d, (htx_date){2019, 3, 5}), 0);
    assert_int_equal(htx_parse_date("2019-03-05", "founded", true, &d, &err), HTX_OK);
    assert_int_equal(htx_date_compare(d, (htx_date){2019, 3, 5}), 0);

    /* The future is refused only when asked, and shown as staff write dates. */
    d = (htx_date){1, 1, 1};
    assert_int_equal(htx_parse_date("6/2/2026", "founded", true, &d, &err), HTX_ERR_INVALID);
    assert_refusal(&err, MSG_DATE_FUTURE, "founded", "06/02/2026");
    assert_int_equal(d.year, 1);
    assert_int_equal(htx_parse_date("2990-01-01", "joined", true, &d, &err), HTX_ERR_INVALID);
    assert_refusal(&err, MSG_DATE_FUTURE, "joined", "01/01/2990");
    assert_int_equal(htx_parse_date("06/02/2026", "left", false, &d, &err), HTX_OK);
    assert_int_equal(htx_date_compare(d, (htx_date){2026, 2, 6}), 0);

    htx_error_clear(&err);
    assert_int_equal(htx_parse_date("31/02/2020", "founded", true, &d, &err), HTX_ERR_INVALID);
    assert_refusal(&err, MSG_DATE_FORMAT, "founded", "31/02/2020");
    assert_int_equal(htx_parse_date("29/02/2023", "founded", false, &d, &err), HTX_ERR_INVALID);
    assert_refusal(&err, MSG_DATE_FORMAT, "founded", "29/02/2023");
    assert_int_equal(htx_parse_date("hôm qua", "founded", false, &d, &err), HTX_ERR_INVALID);
    assert_refusal(&err, MSG_DATE_FORMAT, "founded", "hôm qua");
    assert_int_equal(htx_parse_date("", "founded", false, &d, &err), HTX_ERR_INVALID);
    assert_refusal(&err, MSG_DATE_FORMAT, "founded", "");

    /* A founding year alone, where a founding date may be: not in the future. */
    htx_error_clear(&err);
    assert_int_equal(htx_parse_date_or_year("2018", "founded", &d, &err), HTX_OK);
    assert_true(htx_date_is_year_only(d) && d.year == 2018);
    assert_int_equal(htx_parse_date_or_year("5/3/2019", "founded", &d, &err), HTX_OK);
    assert_int_equal(htx_date_compare(d, (htx_date){2019, 3, 5}), 0);
    assert_int_equal(htx_parse_date_or_year("2027", "founded", &d, &err), HTX_ERR_INVALID);
    assert_refusal(&err, MSG_DATE_FUTURE, "founded", "2027");
    assert_int_equal(htx_parse_date("2018", "joined", true, &d, &err), HTX_ERR_INVALID);
    assert_int_equal(htx_parse_date("2018-00-00", "joined", true, &d, &err), HTX_ERR_INVALID);

    assert_int_equal(unsetenv("HTX_TODAY"), 0);
}

/* ---- Counts and money --------------------------------------------------- */

static void count_ok(const char *text, int64_t expected)
{
    int64_t value = -7;
    htx_error err;
    htx_error_clear(&err);
    if (htx_parse_count(text, "members", &value, &err) != HTX_OK)
        fail_msg("count \"%s\" refused", text);
    assert_int_equal(value, expected);
}

static void count_refused(const char *text)
{
    int64_t value = -7;
    htx_error err;
    htx_error_clear(&err);
    if (htx_parse_count(text, "members", &value, &err) != HTX_ERR_INVALID)
        fail_msg("count \"%s\" accepted as %lld", text, (long long)value);
    assert_refusal(&err, MSG_NUMBER_FORMAT, "members", text);
    assert_int_equal(value, -7);
}

static void test_count(void **state)
{
    (void)state;
    count_ok("0", 0);
    count_ok("12", 12);
    count_ok("007", 7);
    count_ok(" 42 ", 42);
    count_ok("1500", 1500);
    count_ok("1.500", 1500);
    count_ok("1 500", 1500);
    count_ok("1\xC2\xA0" "500", 1500); /* no-break space, as spreadsheets copy it */
    count_ok("1.500.000", 1500000);
    count_ok("1,500,000", 1500000); /* as English writes it, and htx shows it in English */
    count_ok("12 345 678", 12345678);
    count_ok("9223372036854775807", INT64_MAX);
    count_ok("9.223.372.036.854.775.807", INT64_MAX);

    count_refused("9223372036854775808");
    count_refused("9.223.372.036.854.775.808");
    count_refused("99999999999999999999999");
    count_refused("-1");
    count_refused("+3");
    count_refused("1,5");
    count_refused("1.5");
    count_refused("1.50");
    count_refused("1.5000");
    count_refused("1500.000"); /* a first group of four */
    count_refused("0.500");
    count_refused("1.500 000"); /* two kinds of separator */
    count_refused("1,500.000");
    count_refused("1..500");
    count_refused("1. 500");
    count_refused("1  500");
    count_refused("1.500.");
    count_refused(".500");
    count_refused("12a");
    count_refused("abc");
    count_refused("");
    count_refused("  ");
    count_refused("5 người");
}

static void money_ok(const char *text, int64_t expected)
{
    int64_t value = -7;
    htx_error err;
    htx_error_clear(&err);
    if (htx_parse_money(text, "capital", &value, &err) != HTX_OK)
        fail_msg("money \"%s\" refused", text);
    assert_int_equal(value, expected);
}

static void money_refused(const char *text)
{
    int64_t value = -7;
    htx_error err;
    htx_error_clear(&err);
    if (htx_parse_money(text, "capital", &value, &err) != HTX_ERR_INVALID)
        fail_msg("money \"%s\" accepted as %lld", text, (long long)value);
    assert_refusal(&err, MSG_MONEY_FORMAT, "capital", text);
    assert_int_equal(value, -7);
}

static void test_money(void **state)
{
    (void)state;
    money_ok("1.500.000.000 đ", 1500000000);
    money_ok("1500000000", 1500000000);
    money_ok("2.000.000.000", 2000000000);
    money_ok("1 500 000 000 VNĐ", 1500000000);
    money_ok("1.500.000 đồng", 1500000);
    money_ok("1.500.000 ĐỒNG", 1500000);
    money_ok("1.500.000 Đồng", 1500000);
    money_ok("1.500.000 " DONG_NFD, 1500000);
    money_ok("1.500.000 dong", 1500000);
    money_ok("500đ", 500);
    money_ok("500 Đ", 500);
    money_ok("500d", 500);
    money_ok("500 D", 500);
    money_ok("500 vnd", 500);
    money_ok("500 VND", 500);
    money_ok("500 vnđ", 500);
    money_ok("500   đ", 500);
    money_ok("  750.000 đ  ", 750000);
    money_ok("0", 0);
    money_ok("0 đ", 0);
    money_ok("1,585,000,000 VND", 1585000000);
    money_ok("9.223.372.036.854.775.807 đ", INT64_MAX);

    /* as offices write amounts */
    money_ok("500 triệu", 500000000);
    money_ok("500 TRIEU", 500000000);
    money_ok("1,5 tỷ", 1500000000);
    money_ok("1.5 ty", 1500000000);
    money_ok("2,25 tr đồng", 2250000);
    money_ok("300 nghìn đ", 300000);
    money_ok("12 tỉ", 12000000000);
    int64_t value;
    htx_error err;
    assert_int_equal(htx_parse_money("1.500 tỷ", "capital", &value, &err), HTX_ERR_INVALID);
    assert_refusal(&err, MSG_MONEY_AMBIGUOUS, "capital", "1.500 tỷ"); /* 1,5 tỷ or 1500 tỷ? */
    money_refused("1,5 tỷ usd");
    money_refused("1,5 tỷ tỷ");
    money_refused("triệu");
    money_refused("0,0000000001 nghìn");
    money_refused("-1.000");
    money_refused("-1000 đ");
    money_refused("1.500,50");
    money_refused("1500,5");
    money_refused("1,5");
    money_refused("1.50.000");
    money_refused("15.00");
    money_refused("1 500.000");
    money_refused("10.000.000.000.000.000.000");
    money_refused("abc");
    money_refused("");
    money_refused("đ");
    money_refused("đ 500");
    money_refused("1.500.000 usd");
    money_refused("1.500.000 đ đ");
    money_refused("1.500.000 đồng.");
    money_refused("1.500.000 đô");
    money_refused("1.500.000 dd");
    money_ok("2 tỷ", 2000000000);
}

/* ---- Email -------------------------------------------------------------- */

static void email_ok(const char *text, const char *expected)
{
    char out[HTX_EMAIL_SIZE] = "";
    htx_error err;
    htx_error_clear(&err);
    if (htx_parse_email(text, out, &err) != HTX_OK)
        fail_msg("email \"%s\" refused", text);
    assert_string_equal(out, expected);
}

static void email_refused(const char *text)
{
    char out[HTX_EMAIL_SIZE] = "untouched";
    htx_error err;
    htx_error_clear(&err);
    if (htx_parse_email(text, out, &err) != HTX_ERR_INVALID)
        fail_msg("email \"%s\" accepted as %s", text, out);
    assert_int_equal(err.status, HTX_ERR_INVALID);
    assert_int_equal(err.msg, MSG_EMAIL_FORMAT);
    assert_string_equal(err.field, "email");
    /* The error keeps up to HTX_ERROR_ARG_MAX - 1 bytes of what was typed. */
    assert_memory_equal(err.arg[0], text, strlen(err.arg[0]));
    assert_true(strlen(err.arg[0]) == strlen(text) || strlen(err.arg[0]) >= HTX_ERROR_ARG_MAX - 4);
    assert_string_equal(out, "untouched");
}

static void test_email_valid(void **state)
{
    (void)state;
    email_ok("lan@htx.vn", "lan@htx.vn");
    email_ok("Lan.Nguyen@HTX.HaNoi.VN", "Lan.Nguyen@htx.hanoi.vn");
    email_ok("  lan@htx.vn  ", "lan@htx.vn");
    email_ok("lan+bao-cao@dong-tam.com.vn", "lan+bao-cao@dong-tam.com.vn");
    email_ok("lan@HỢPTÁC.VN", "lan@hợptác.vn");
    email_ok("a@b.co", "a@b.co");
}

static void test_email_invalid(void **state)
{
    (void)state;
    email_refused("lan");
    email_refused("lan@");
    email_refused("@htx.vn");
    email_refused("lan@htx");
    email_refused("lan@@htx.vn");
    email_refused("lan@htx@vn.vn");
    email_refused("lan nguyen@htx.vn");
    email_refused("lan@htx .vn");
    email_refused("lan@htx..vn");
    email_refused("lan@.htx.vn");
    email_refused("lan@htx.vn.");
    email_refused("lan@-htx.vn");
    email_refused("lan@htx-.vn");
    email_refused("lan@htx.v");
    email_refused("lan@10.0.0.1");
    email_refused("lan@htx_vn.vn");
    email_refused(".lan@htx.vn");
    email_refused("lan.@htx.vn");
    email_refused("lan..n@htx.vn");
    email_refused("a@b.vn, c@d.vn");
    email_refused("a@b.vn;c@d.vn");
    email_refused("Lan <lan@htx.vn>");
    email_refused("lan\t@htx.vn");
    email_refused("");
    email_refused("not-an-email");
}

static void test_email_lengths(void **state)
{
    (void)state;
    /* 64-character local part, "@", 189-character domain: 254 in all. */
    char address[300];
    char expected[300];
    memset(address, 'a', 64);
    address[64] = '@';
    size_t n = 65;
    const size_t labels[] = {63, 63, 58};
    for (size_t i = 0; i < 3; i++) {
        memset(address + n, 'B', labels[i]);
        n += labels[i];
        address[n++] = '.';
    }
    memcpy(address + n, "vn", 3);
    assert_int_equal(strlen(address), 254);
    memcpy(expected, address, 255);
    for (size_t i = 65; i < 254; i++)
        if (expected[i] == 'B')
            expected[i] = 'b';
    email_ok(address, expected);

    /* One more character anywhere is too long. */
    memcpy(address + n, "vnx", 4);
    email_refused(address);

    email_refused("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@htx.vn"); /* 65 */
    email_ok("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@htx.vn",
             "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@htx.vn"); /* 64 */
}

/* ---- Yes / no ----------------------------------------------------------- */

static void yes_no_is(const char *text, bool expected)
{
    bool value = !expected;
    htx_error err;
    htx_error_clear(&err);
    if (htx_parse_yes_no(text, "compliant", &value, &err) != HTX_OK)
        fail_msg("yes/no \"%s\" refused", text);
    assert_int_equal(value, expected);
}

static void yes_no_refused(const char *text)
{
    bool value = true;
    htx_error err;
    htx_error_clear(&err);
    if (htx_parse_yes_no(text, "compliant", &value, &err) != HTX_ERR_INVALID)
        fail_msg("yes/no \"%s\" accepted", text);
    assert_refusal(&err, MSG_YES_NO, "compliant", text);
    assert_true(value);
}

static void test_yes_no(void **state)
{
    (void)state;
    const char *yes[] = {"có", "Có", "CÓ", CO_NFD, "co", "CO", "c", "C", "yes", "YES", "Yes",
                         "y", "Y", "1", "true", "TRUE", "x", "X", "  có  "};
    const char *no[] = {"không", "Không", "KHÔNG", KHONG_UPPER_NFD, "khong", "KHONG", "k", "K",
                        "no", "NO", "n", "N", "0", "false", "False", " không "};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        yes_no_is(yes[i], true);
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        yes_no_is(no[i], false);

    yes_no_refused("");
    yes_no_refused("  ");
    yes_no_refused("chưa rõ");
    yes_no_refused("?");
    yes_no_refused("maybe");
    yes_no_refused("có không");
    yes_no_refused("yess");
    yes_no_refused("2");
    yes_no_refused("cò"); /* a different word */
    yes_no_refused("khôn");
}

static void yes_no_unknown_is(const char *text, int expected)
{
    int value = 99;
    htx_error err;
    htx_error_clear(&err);
    if (htx_parse_yes_no_unknown(text, "profitable", &value, &err) != HTX_OK)
        fail_msg("yes/no/unknown \"%s\" refused", text);
    assert_int_equal(value, expected);
}

static void test_yes_no_unknown(void **state)
{
    (void)state;
    yes_no_unknown_is("có", 1);
    yes_no_unknown_is("YES", 1);
    yes_no_unknown_is("không", 0);
    yes_no_unknown_is("n", 0);
    yes_no_unknown_is("chưa rõ", -1);
    yes_no_unknown_is("Chưa rõ", -1);
    yes_no_unknown_is("CHƯA RÕ", -1);
    yes_no_unknown_is(CHUA_RO_NFD, -1);
    yes_no_unknown_is("chưa  rõ", -1);
    yes_no_unknown_is("chua ro", -1);
    yes_no_unknown_is("unknown", -1);
    yes_no_unknown_is("UNKNOWN", -1);
    yes_no_unknown_is("?", -1);
    yes_no_unknown_is("", -1);
    yes_no_unknown_is("   ", -1);

    int value = 99;
    htx_error err;
    htx_error_clear(&err);
    assert_int_equal(htx_parse_yes_no_unknown("perhaps", "profitable", &value, &err),
                     HTX_ERR_INVALID);
    assert_refusal(&err, MSG_YES_NO_UNKNOWN, "profitable", "perhaps");
    assert_int_equal(value, 99);
    assert_int_equal(htx_parse_yes_no_unknown("chưa", "profitable", &value, &err),
                     HTX_ERR_INVALID);
    assert_refusal(&err, MSG_YES_NO_UNKNOWN, "profitable", "chưa");
    assert_int_equal(htx_parse_yes_no_unknown("??", "profitable", &value, &err), HTX_ERR_INVALID);
    assert_refusal(&err, MSG_YES_NO_UNKNOWN, "profitable", "??");
    assert_int_equal(htx_parse_yes_no_unknown("chưarõ", "profitable", &value, &err),
                     HTX_ERR_INVALID);
    assert_refusal(&err, MSG_YES_NO_UNKNOWN, "profitable", "chưarõ");
}

/* ---- Warnings ----------------------------------------------------------- */

static void test_members_below_minimum(void **state)
{
    (void)state;
    for (int64_t n = 0; n < 5; n++)
        assert_true(htx_members_below_minimum(n));
    assert_false(htx_members_below_minimum(5));
    assert_false(htx_members_below_minimum(6));
    assert_false(htx_members_below_minimum(1500));
}

static void test_name_prefix(void **state)
{
    (void)state;
    const char *with_prefix[] = {
        "Hợp tác xã Đồng Tâm",
        "HỢP TÁC XÃ ĐỒNG TÂM",
        "hợp tác xã nông nghiệp Vân Nội",
        "Hợp Tác Xã Thành Công",
        HOP_TAC_XA_NFD " Đồng Tâm",
        HOP_TAC_XA_UPPER_NFD " 1",
        HOP_TAC_XA_COMPOSITE " Một",
        "Hợp  tác xã Hai",
        "  HTX Đồng Tâm",
        "HTX Đồng Tâm",
        "Htx Đồng Tâm",
        "htx đồng tâm",
        "hTx Một",
        "HTX",
        "Hợp tác xã",
        "HTX-Đồng Tâm",
        "HTX. Đồng Tâm",
    };
    for (size_t i = 0; i < sizeof with_prefix / sizeof with_prefix[0]; i++)
        if (htx_name_lacks_prefix(with_prefix[i]))
            fail_msg("\"%s\" should have the prefix", with_prefix[i]);

    const char *without_prefix[] = {
        "Công ty Một",
        "CÔNG TY MỘT",
        "Liên hiệp HTX Hà Nội",
        "Quỹ tín dụng nhân dân Phú Xuyên",
        "Hop tac xa Dong Tam", /* without the marks it is not the name's real form */
        "Hợp tác Đồng Tâm",
        "Hợptác xã Đồng Tâm",
        "Hợp tác xa Đồng Tâm",
        "HTXanh",
        "Htx1",
        "H T X Một",
        "Tổ hợp tác xã Một",
        "",
        "   ",
    };
    for (size_t i = 0; i < sizeof without_prefix / sizeof without_prefix[0]; i++)
        if (!htx_name_lacks_prefix(without_prefix[i]))
            fail_msg("\"%s\" should lack the prefix", without_prefix[i]);
    assert_true(htx_name_lacks_prefix(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_digit_by_hand),
        cmocka_unit_test(test_code_valid),
        cmocka_unit_test(test_code_invalid),
        cmocka_unit_test(test_code_without_error_record),
        cmocka_unit_test(test_phone_valid),
        cmocka_unit_test(test_phone_invalid),
        cmocka_unit_test(test_parse_date),
        cmocka_unit_test(test_count),
        cmocka_unit_test(test_money),
        cmocka_unit_test(test_email_valid),
        cmocka_unit_test(test_email_invalid),
        cmocka_unit_test(test_email_lengths),
        cmocka_unit_test(test_yes_no),
        cmocka_unit_test(test_yes_no_unknown),
        cmocka_unit_test(test_members_below_minimum),
        cmocka_unit_test(test_name_prefix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
