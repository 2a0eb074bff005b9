/*
 * The rules every entry path shares (validate.h), dates (date.h) and text
 * normalisation (text.h) on any text.
 *
 * Properties: nothing crashes; every value accepted is in its canonical
 * form, and that form is accepted again as the same value (a stored value
 * always reads back); an accepted code carries its check digit; a date is a
 * real calendar day and reads back from its ISO and dd/mm/yyyy forms; a date
 * not in the future is not after today; normalised text is valid NFC,
 * trimmed, within its limit, without controls in one-line fields, and
 * normalising it again changes nothing.
 */
#include "fuzz_support.h"

#include <ctype.h>
#include <inttypes.h>

#include "date.h"
#include "text.h"
#include "validate.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setenv("HTX_TODAY", "2026-02-05", 1); /* "the future" the same on every run */
    return 0;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

static void check_code(const char *text)
{
    char code[HTX_CODE_SIZE];
    htx_error err;
    if (htx_parse_code(text, code, &err) != HTX_OK)
        return;
    size_t len = strlen(code);
    FUZZ_CHECK(len == 10 || (len == 14 && code[10] == '-' && all_digits(code + 11, 3) &&
                             strcmp(code + 11, "000") != 0));
    FUZZ_CHECK(all_digits(code, 10));
    FUZZ_CHECK(htx_code_check_digit(code) == code[9] - '0');
    char again[HTX_CODE_SIZE];
    FUZZ_CHECK(htx_parse_code(code, again, &err) == HTX_OK && strcmp(again, code) == 0);
}

static void check_phone(const char *text)
{
    char phone[HTX_PHONE_SIZE];
    htx_error err;
    if (htx_parse_phone(text, phone, &err) != HTX_OK)
        return;
    size_t len = strlen(phone);
    FUZZ_CHECK((len == 10 || len == 11) && phone[0] == '0' && all_digits(phone, len));
    char again[HTX_PHONE_SIZE];
    FUZZ_CHECK(htx_parse_phone(phone, again, &err) == HTX_OK && strcmp(again, phone) == 0);
}

static bool same_date(htx_date a, htx_date b)
{
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

static void check_date_value(htx_date d)
{
    /* a year alone (a founding year as offices write it) has month and day 0 */
    if (htx_date_is_year_only(d)) {
        FUZZ_CHECK(d.year >= 1900 && d.year <= 9999);
        char iso[HTX_ISO_DATE_SIZE];
        htx_date_iso(d, iso);
        htx_date back;
        FUZZ_CHECK(htx_date_parse(iso, &back) && same_date(back, d));
        return;
    }
    FUZZ_CHECK(d.year >= 1900 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
               d.day <= 31);
    char iso[HTX_ISO_DATE_SIZE], shown[HTX_ISO_DATE_SIZE];
    htx_date_iso(d, iso);
    htx_date_display(d, shown);
    htx_date back;
    FUZZ_CHECK(htx_date_parse(iso, &back) && same_date(back, d));
    FUZZ_CHECK(htx_date_parse(shown, &back) && same_date(back, d));
    FUZZ_CHECK(htx_date_compare(d, back) == 0);
    htx_date next = d;
    next.day++;
    FUZZ_CHECK(htx_date_compare(d, next) < 0 && htx_date_compare(next, d) > 0);
}

static void check_dates(const char *text)
{
    htx_date d;
    bool parsed = htx_date_parse(text, &d);
    if (parsed)
        check_date_value(d);
    htx_error err;
    htx_date any, past;
    htx_status st = htx_parse_date(text, "founded", false, &any, &err);
    if (st == HTX_OK) {
        check_date_value(any);
        if (parsed)
            FUZZ_CHECK(same_date(any, d));
    }
    if (htx_parse_date(text, "founded", true, &past, &err) == HTX_OK) {
        FUZZ_CHECK(st == HTX_OK && same_date(past, any));
        FUZZ_CHECK(htx_date_compare(past, htx_date_today()) <= 0);
    }

    /* The date line of a document, with the text as the place. */
    static const int sizes[] = {1, 2, 8, 24, 40, 256};
    htx_date day = parsed ? d : (htx_date){2019, 3, 5};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        char line[256];
        memset(line, 'X', sizeof line);
        htx_date_line(text, day, line, sizes[i]);
        FUZZ_CHECK(memchr(line, 0, (size_t)sizes[i]) != NULL);
        if (fuzz_str_valid(text))
            FUZZ_CHECK(fuzz_str_valid(line));
    }
}

static void check_numbers(const char *text)
{
    htx_error err;
    int64_t n, again;
    char canonical[32];
    if (htx_parse_count(text, "members", &n, &err) == HTX_OK) {
        FUZZ_CHECK(n >= 0);
        snprintf(canonical, sizeof canonical, "%" PRId64, n);
        FUZZ_CHECK(htx_parse_count(canonical, "members", &again, &err) == HTX_OK && again == n);
    }
    if (htx_parse_money(text, "capital", &n, &err) == HTX_OK) {
        FUZZ_CHECK(n >= 0);
        snprintf(canonical, sizeof canonical, "%" PRId64, n);
        FUZZ_CHECK(htx_parse_money(canonical, "capital", &again, &err) == HTX_OK && again == n);
    }
}

static void check_email(const char *text)
{
    char email[HTX_EMAIL_SIZE], again[HTX_EMAIL_SIZE];
    htx_error err;
    if (htx_parse_email(text, email, &err) != HTX_OK)
        return;
    FUZZ_CHECK(fuzz_str_valid(email));
    FUZZ_CHECK(strchr(email, '@') != NULL && strpbrk(email, " \t\r\n") == NULL);
    FUZZ_CHECK(htx_parse_email(email, again, &err) == HTX_OK && strcmp(again, email) == 0);
}

static void check_yes_no(const char *text)
{
    htx_error err;
    bool b, b2;
    if (htx_parse_yes_no(text, "compliant", &b, &err) == HTX_OK)
        FUZZ_CHECK(htx_parse_yes_no(b ? "yes" : "no", "compliant", &b2, &err) == HTX_OK && b2 == b);
    int u, u2;
    if (htx_parse_yes_no_unknown(text, "profitable", &u, &err) == HTX_OK) {
        FUZZ_CHECK(u == -1 || u == 0 || u == 1);
        const char *canonical = u < 0 ? "unknown" : u ? "yes" : "no";
        FUZZ_CHECK(htx_parse_yes_no_unknown(canonical, "profitable", &u2, &err) == HTX_OK &&
                   u2 == u);
    }
}

static bool is_space_cp(int32_t cp)
{
    return htx_cp_is_space(cp);
}

static void check_normalize(const char *text, htx_text_kind kind, size_t max_chars)
{
    char *out = NULL;
    htx_error err;
    htx_status st = htx_text_normalize(text, kind, max_chars, "name", &out, &err);
    if (st != HTX_OK) {
        FUZZ_CHECK(out == NULL);
        return;
    }
    FUZZ_CHECK(out != NULL && fuzz_str_valid(out) && fuzz_is_nfc(out));
    size_t len = strlen(out), chars = 0;
    for (size_t i = 0; i < len; chars++) {
        int32_t cp;
        int k = fuzz_utf8_seq((const unsigned char *)out + i, len - i, &cp);
        FUZZ_CHECK(k > 0);
        if (i == 0)
            FUZZ_CHECK(!is_space_cp(cp));
        if (i + (size_t)k == len)
            FUZZ_CHECK(!is_space_cp(cp));
        FUZZ_CHECK(cp != '\r');
        if (kind == HTX_TEXT_LINE)
            FUZZ_CHECK(cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F));
        i += (size_t)k;
    }
    if (max_chars > 0)
        FUZZ_CHECK(chars <= max_chars);
    char *again = NULL;
    FUZZ_CHECK(htx_text_normalize(out, kind, max_chars, "name", &again, &err) == HTX_OK);
    FUZZ_CHECK(strcmp(again, out) == 0);
    free(again);
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_string(data, size);
    check_code(text);
    check_phone(text);
    check_dates(text);
    check_numbers(text);
    check_email(text);
    check_yes_no(text);
    check_normalize(text, HTX_TEXT_LINE, 0);
    check_normalize(text, HTX_TEXT_LINE, 10);
    check_normalize(text, HTX_TEXT_MULTILINE, 0);
    check_normalize(text, HTX_TEXT_MULTILINE, 200);
    free(text);
    return 0;
}
