#include "validate.h"

#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

/* ---- Shared text helpers ------------------------------------------------ */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Byte length of the white space at the start of s (0 when none). */
static size_t space_length(const char *s)
{
    size_t n = 0;
    int32_t cp;
    for (int len; (len = htx_utf8_decode(s + n, &cp)) > 0 && htx_cp_is_space(cp);)
        n += (size_t)len;
    return n;
}

/* The span of s without its leading and trailing white space. */
static void trimmed_span(const char *s, size_t *start, size_t *length)
{
    size_t begin = space_length(s);
    size_t end = begin, i = begin;
    int32_t cp;
    for (int len; (len = htx_utf8_decode(s + i, &cp)) > 0;) {
        i += (size_t)len;
        if (!htx_cp_is_space(cp))
            end = i;
    }
    *start = begin;
    *length = end - begin;
}

/* Room for the words compared case-insensitively (yes/no answers, money
 * units, the first words of a name): longer texts simply do not match. */
#define FOLD_MAX_CODEPOINTS 96

/*
 * Writes the NFC, case-folded form of text[0..length) into out, so that "CÓ",
 * "có" and a pasted decomposed "có" compare equal.  False when the text is
 * not valid UTF-8 or is too long to be one of the words compared.
 */
static bool fold_case(const char *text, size_t length, char *out, size_t size)
{
    /* One spare entry: re-encoding in place needs a byte more than its input. */
    utf8proc_int32_t buffer[FOLD_MAX_CODEPOINTS + 1];
    const utf8proc_option_t options = UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE;
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)length,
                                            buffer, FOLD_MAX_CODEPOINTS, options);
    if (n < 0 || n > FOLD_MAX_CODEPOINTS)
        return false;
    utf8proc_ssize_t bytes = utf8proc_reencode(buffer, n, options);
    if (bytes < 0 || (size_t)bytes >= size)
        return false;
    memcpy(out, buffer, (size_t)bytes + 1);
    return true;
}

/*
 * When folded text starts with the words of candidate (lower case NFC, one
 * space between words), returns the number of bytes of text they take; any
 * run of white space in text matches a space.  0 when it does not start so.
 */
static size_t match_words(const char *text, const char *candidate)
{
    size_t t = 0;
    for (size_t c = 0; candidate[c]; c++) {
        if (candidate[c] == ' ') {
            size_t gap = space_length(text + t);
            if (gap == 0)
                return 0;
            t += gap;
        } else if (text[t] == candidate[c]) {
            t++;
        } else {
            return 0;
        }
    }
    return t;
}

/* True when the whole of folded text (already trimmed) is one of candidates. */
static bool is_one_of(const char *folded, const char *const *candidates)
{
    for (size_t i = 0; candidates[i]; i++) {
        size_t n = match_words(folded, candidates[i]);
        if ((n > 0 || candidates[i][0] == '\0') && folded[n] == '\0')
            return true;
    }
    return false;
}

/* ---- Registration code -------------------------------------------------- */

int htx_code_check_digit(const char nine_digits[9])
{
    static const int weights[9] = {31, 29, 23, 19, 17, 13, 7, 5, 3};
    int sum = 0;
    for (int i = 0; i < 9; i++) {
        if (!is_digit(nine_digits[i]))
            return -1;
        sum += weights[i] * (nine_digits[i] - '0');
    }
    int check = 10 - sum % 11;
    return check == 10 ? -1 : check;
}

/* The code without its spaces: "0100233488" or "0314409058-002"; false when
 * it holds anything else or is too long to be a code. */
static bool strip_code_spaces(const char *text, char out[HTX_CODE_SIZE])
{
    size_t n = 0;
    for (const char *p = text; *p;) {
        size_t gap = space_length(p);
        if (gap) {
            p += gap;
            continue;
        }
        if (!is_digit(*p) && *p != '-')
            return false;
        if (n + 1 >= HTX_CODE_SIZE)
            return false;
        out[n++] = *p++;
    }
    out[n] = '\0';
    return true;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i]))
            return false;
    return true;
}

htx_status htx_parse_code(const char *text, char out[HTX_CODE_SIZE], htx_error *err)
{
    const char *typed = text ? text : "";
    char code[HTX_CODE_SIZE];
    if (!strip_code_spaces(typed, code))
        return htx_fail(err, HTX_ERR_INVALID, MSG_CODE_FORMAT, "code", typed, NULL);

    size_t length = strlen(code);
    bool plain = length == 10 && all_digits(code, 10);
    bool branch = length == 14 && all_digits(code, 10) && code[10] == '-' && all_digits(code + 11, 3);
    if (!plain && !branch)
        return htx_fail(err, HTX_ERR_INVALID, MSG_CODE_FORMAT, "code", typed, NULL);
    if (htx_code_check_digit(code) != code[9] - '0')
        return htx_fail(err, HTX_ERR_INVALID, MSG_CODE_CHECK_DIGIT, "code", typed, NULL);
    if (branch && strcmp(code + 11, "000") == 0)
        return htx_fail(err, HTX_ERR_INVALID, MSG_CODE_BRANCH, "code", typed, NULL);

    memcpy(out, code, length + 1);
    return HTX_OK;
}

/* ---- Phone -------------------------------------------------------------- */

/* Longer than any national number with a country code in front. */
#define PHONE_DIGITS_MAX 15

/*
 * The digits of a phone number as typed, without its separators; *plus tells
 * whether it began with "+".  False when it holds anything but digits and
 * separators, a "+" after the first digit, or too many digits.
 */
static bool phone_digits(const char *text, char digits[PHONE_DIGITS_MAX + 1], bool *plus)
{
    size_t n = 0;
    *plus = false;
    for (const char *p = text; *p;) {
        size_t gap = space_length(p);
        if (gap) {
            p += gap;
        } else if (*p == '.' || *p == '-' || *p == '(' || *p == ')') {
            p++;
        } else if (*p == '+' && n == 0 && !*plus) {
            *plus = true;
            p++;
        } else if (is_digit(*p) && n < PHONE_DIGITS_MAX) {
            digits[n++] = *p++;
        } else {
            return false;
        }
    }
    digits[n] = '\0';
    return true;
}

/* Turns the digits into the national form "0…"; false when a country code
 * other than Vietnam's is given. */
static bool phone_national(const char *digits, bool plus, char national[PHONE_DIGITS_MAX + 2])
{
    const char *subscriber = NULL; /* the number after +84, without its 0 */
    bool explicit_country = false;
    if (plus) {
        if (strncmp(digits, "84", 2) != 0)
            return false;
        subscriber = digits + 2;
        explicit_country = true;
    } else if (strncmp(digits, "0084", 4) == 0) {
        subscriber = digits + 4;
        explicit_country = true;
    } else if (strncmp(digits, "84", 2) == 0) {
        /* No national number starts with 8, so a bare leading "84" can only
         * be the country code; the length check that follows decides whether
         * the rest is a mobile (9 digits) or landline (10) number. */
        subscriber = digits + 2;
    }

    if (!subscriber) {
        snprintf(national, PHONE_DIGITS_MAX + 2, "%s", digits);
    } else if (explicit_country && subscriber[0] == '0') {
        /* "+84 (0)912 345 678": the trunk 0 written after the country code. */
        snprintf(national, PHONE_DIGITS_MAX + 2, "%s", subscriber);
    } else {
        snprintf(national, PHONE_DIGITS_MAX + 2, "0%s", subscriber);
    }
    return true;
}

/* Mobile 03x 05x 07x 08x 09x with 10 digits, landline 02x with 11. */
static bool is_national_phone(const char *national)
{
    size_t length = strlen(national);
    if (national[0] != '0')
        return false;
    switch (national[1]) {
    case '3': case '5': case '7': case '8': case '9':
        return length == 10;
    case '2':
        return length == 11;
    default:
        return false;
    }
}

htx_status htx_parse_phone(const char *text, char out[HTX_PHONE_SIZE], htx_error *err)
{
    const char *typed = text ? text : "";
    char digits[PHONE_DIGITS_MAX + 1];
    char national[PHONE_DIGITS_MAX + 2];
    bool plus;
    if (!phone_digits(typed, digits, &plus) || !phone_national(digits, plus, national) ||
        !is_national_phone(national) || strlen(national) >= HTX_PHONE_SIZE)
        return htx_fail(err, HTX_ERR_INVALID, MSG_PHONE_FORMAT, "phone", typed, NULL);
    memcpy(out, national, strlen(national) + 1);
    return HTX_OK;
}

/* ---- Dates -------------------------------------------------------------- */

htx_status htx_parse_date(const char *text, const char *field, bool not_future,
                          htx_date *out, htx_error *err)
{
    const char *typed = text ? text : "";
    htx_date d;
    if (!htx_date_parse(typed, &d) || htx_date_is_year_only(d))
        return htx_fail(err, HTX_ERR_INVALID, MSG_DATE_FORMAT, field, typed, NULL);
    if (not_future && htx_date_compare(d, htx_date_today()) > 0) {
        char shown[HTX_ISO_DATE_SIZE];
        htx_date_display(d, shown);
        return htx_fail(err, HTX_ERR_INVALID, MSG_DATE_FUTURE, field, shown, NULL);
    }
    *out = d;
    return HTX_OK;
}

htx_status htx_parse_date_or_year(const char *text, const char *field, htx_date *out, htx_error *err)
{
    htx_date year;
    if (htx_date_parse_year(text, &year) || (htx_date_parse(text ? text : "", &year) && htx_date_is_year_only(year))) {
        if (year.year > htx_date_today().year) {
            char shown[HTX_ISO_DATE_SIZE];
            htx_date_display(year, shown);
            return htx_fail(err, HTX_ERR_INVALID, MSG_DATE_FUTURE, field, shown, NULL);
        }
        *out = year;
        return HTX_OK;
    }
    return htx_parse_date(text, field, true, out, err);
}

/* ---- Whole numbers ------------------------------------------------------ */

static bool append_digit(int64_t *value, char digit)
{
    int d = digit - '0';
    if (*value > (INT64_MAX - d) / 10)
        return false;
    *value = *value * 10 + d;
    return true;
}

/* Length of the thousands separator at s: a dot, a comma (as English
 * writes them, and as htx shows amounts in English) or one white-space
 * character. */
static size_t separator_length(const char *s)
{
    if (*s == '.' || *s == ',')
        return 1;
    int32_t cp;
    int n = htx_utf8_decode(s, &cp);
    return n > 0 && htx_cp_is_space(cp) ? (size_t)n : 0;
}

/* True when s starts with the separator sep (sep_length bytes) and three digits. */
static bool group_follows(const char *s, const char *sep, size_t sep_length)
{
    return separator_length(s) == sep_length && memcmp(s, sep, sep_length) == 0 &&
           all_digits(s + sep_length, 3);
}

/*
 * Reads a non-negative whole number at the start of s: plain digits, or
 * thousands groups "1.500.000" / "1 500 000" / "1,500,000" — a first group of 1 to 3 digits
 * (no leading zero), then groups of exactly 3 behind one kind of separator.
 * Returns the bytes read, or 0 when s does not start with such a number or
 * its value does not fit in int64_t.  Whatever follows is the caller's.
 */
static size_t read_whole_number(const char *s, int64_t *value)
{
    size_t n = 0;
    int64_t v = 0;
    while (is_digit(s[n]))
        if (!append_digit(&v, s[n++]))
            return 0;
    if (n == 0)
        return 0;

    size_t sep_length = separator_length(s + n);
    if (sep_length && all_digits(s + n + sep_length, 1)) {
        /* Grouped.  "1500.000" is no grouping and "0.500" reads as a decimal;
         * "1.5" and "15.00" fail below, on their short last group. */
        if (n > 3 || s[0] == '0')
            return 0;
        const char *sep = s + n;
        while (group_follows(s + n, sep, sep_length)) {
            n += sep_length;
            for (int i = 0; i < 3; i++)
                if (!append_digit(&v, s[n++]))
                    return 0;
        }
        /* A separator still followed by a digit is a malformed group. */
        if (separator_length(s + n) && all_digits(s + n + separator_length(s + n), 1))
            return 0;
        if (is_digit(s[n]))
            return 0;
    }
    *value = v;
    return n;
}

htx_status htx_parse_count(const char *text, const char *field, int64_t *out, htx_error *err)
{
    const char *typed = text ? text : "";
    size_t start, length;
    trimmed_span(typed, &start, &length);
    int64_t value;
    size_t read = read_whole_number(typed + start, &value);
    if (read == 0 || read != length)
        return htx_fail(err, HTX_ERR_INVALID, MSG_NUMBER_FORMAT, field, typed, NULL);
    *out = value;
    return HTX_OK;
}

/* The units staff write after an amount, folded; "dong" is "đồng" typed
 * without Vietnamese marks, as "d" and "vnd" are for "đ" and "vnđ". */
static const char *const money_units[] = {"đ", "d", "vnd", "vnđ", "đồng", "dong", NULL};

/* The words that scale an amount as offices write it ("500 triệu", "1,5
 * tỷ"), folded, with and without marks. */
static const struct {
    const char *word;
    int64_t factor;
} money_scales[] = {
    {"nghìn", 1000},        {"nghin", 1000},        {"ngàn", 1000},       {"ngan", 1000},
    {"triệu", 1000000},     {"trieu", 1000000},     {"tr", 1000000},      {"tỷ", 1000000000},
    {"tỉ", 1000000000},     {"ty", 1000000000},     {"ti", 1000000000},
};

/* The scale folded names (maybe followed by a money unit): its factor, 0 for none. */
static int64_t scale_of(const char *folded)
{
    for (size_t i = 0; i < sizeof money_scales / sizeof money_scales[0]; i++) {
        size_t n = match_words(folded, money_scales[i].word);
        if (n == 0)
            continue;
        const char *rest = folded + n;
        size_t gap = space_length(rest);
        if (!rest[0] || (gap && is_one_of(rest + gap, money_units)))
            return money_scales[i].factor;
    }
    return 0;
}

enum { NOT_SCALED, SCALED, SCALE_AMBIGUOUS, SCALE_BAD };

/* "500 triệu", "1,5 tỷ", "2.25 tr đồng": digits, maybe a decimal part
 * after one comma or dot, then a scale.  Three digits after the mark could
 * be thousands as well ("1.500 tỷ"): ambiguous. */
static int read_scaled(const char *number, size_t length, int64_t *out)
{
    size_t n = 0;
    int64_t whole = 0, fraction = 0, divisor = 1;
    while (n < length && is_digit(number[n]))
        if (!append_digit(&whole, number[n++]) || n > 15)
            return NOT_SCALED;
    if (n == 0)
        return NOT_SCALED;
    size_t digits_after = 0;
    if (n + 1 < length && (number[n] == ',' || number[n] == '.') && is_digit(number[n + 1])) {
        n++;
        while (n < length && is_digit(number[n])) {
            if (++digits_after > 9 || !append_digit(&fraction, number[n++]))
                return SCALE_BAD;
            divisor *= 10;
        }
    }
    size_t gap = space_length(number + n);
    char folded[32];
    if (n + gap >= length || !fold_case(number + n + gap, length - n - gap, folded, sizeof folded))
        return NOT_SCALED;
    int64_t factor = scale_of(folded);
    if (!factor)
        return NOT_SCALED;
    if (digits_after == 3)
        return SCALE_AMBIGUOUS;
    if (whole > INT64_MAX / factor || (fraction * factor) % divisor != 0)
        return SCALE_BAD;
    *out = whole * factor + fraction * factor / divisor;
    return SCALED;
}

htx_status htx_parse_money(const char *text, const char *field, int64_t *out, htx_error *err)
{
    const char *typed = text ? text : "";
    size_t start, length;
    trimmed_span(typed, &start, &length);
    const char *number = typed + start;
    switch (read_scaled(number, length, out)) {
    case SCALED:
        return HTX_OK;
    case SCALE_AMBIGUOUS:
        return htx_fail(err, HTX_ERR_INVALID, MSG_MONEY_AMBIGUOUS, field, typed, NULL);
    case SCALE_BAD:
        return htx_fail(err, HTX_ERR_INVALID, MSG_MONEY_FORMAT, field, typed, NULL);
    default:
        break;
    }
    int64_t value;
    size_t read = read_whole_number(number, &value);
    if (read == 0 || read > length)
        return htx_fail(err, HTX_ERR_INVALID, MSG_MONEY_FORMAT, field, typed, NULL);

    if (read < length) {
        const char *unit = number + read;
        size_t gap = space_length(unit);
        char folded[32];
        if (!fold_case(unit + gap, length - read - gap, folded, sizeof folded) ||
            !is_one_of(folded, money_units))
            return htx_fail(err, HTX_ERR_INVALID, MSG_MONEY_FORMAT, field, typed, NULL);
    }
    *out = value;
    return HTX_OK;
}

/* ---- Email -------------------------------------------------------------- */

#define EMAIL_MAX 254
#define EMAIL_LOCAL_MAX 64
#define EMAIL_LABEL_MAX 63

/* Characters a pasted list or display name brings ("Lan <lan@x.vn>",
 * "a@x.vn; b@y.vn") and a plain address never holds. */
static bool is_email_special(unsigned char c)
{
    return c <= ' ' || c == 0x7F || strchr("()<>[]\\,;:\"@", c) != NULL;
}

static bool is_valid_local_part(const char *s, size_t n)
{
    if (n == 0 || n > EMAIL_LOCAL_MAX || s[0] == '.' || s[n - 1] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        if (is_email_special((unsigned char)s[i]))
            return false;
        if (s[i] == '.' && s[i + 1] == '.')
            return false;
    }
    return true;
}

static bool is_label_char(unsigned char c)
{
    /* Bytes of non-ASCII characters let internationalised domains through. */
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit((char)c) ||
           c == '-';
}

/* Labels of letters, digits and inner hyphens, at least two of them, the
 * last (the top-level domain) at least two characters and not all digits. */
static bool is_valid_domain(const char *s, size_t n)
{
    size_t labels = 0, label_start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '.') {
            if (!is_label_char((unsigned char)s[i]))
                return false;
            continue;
        }
        size_t label_length = i - label_start;
        if (label_length == 0 || label_length > EMAIL_LABEL_MAX || s[label_start] == '-' ||
            s[i - 1] == '-')
            return false;
        labels++;
        if (i == n && (label_length < 2 || all_digits(s + label_start, label_length)))
            return false;
        label_start = i + 1;
    }
    return labels >= 2;
}

/* Appends the lower-case form of domain[0..n) to out at *used; false when it
 * does not fit in size bytes. */
static bool append_lower(const char *domain, size_t n, char *out, size_t *used, size_t size)
{
    size_t i = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)domain + i,
                                                (utf8proc_ssize_t)(n - i), &cp);
        if (len <= 0)
            return false;
        utf8proc_uint8_t encoded[4];
        utf8proc_ssize_t out_len = utf8proc_encode_char(utf8proc_tolower(cp), encoded);
        if (*used + (size_t)out_len >= size)
            return false;
        memcpy(out + *used, encoded, (size_t)out_len);
        *used += (size_t)out_len;
        i += (size_t)len;
    }
    out[*used] = '\0';
    return true;
}

htx_status htx_parse_email(const char *text, char out[HTX_EMAIL_SIZE], htx_error *err)
{
    const char *typed = text ? text : "";
    size_t start, length;
    trimmed_span(typed, &start, &length);
    const char *address = typed + start;
    const char *at = memchr(address, '@', length);

    bool valid = length <= EMAIL_MAX && htx_utf8_invalid_at(address, length) < 0 && at != NULL;
    size_t local_length = valid ? (size_t)(at - address) : 0;
    const char *domain = valid ? at + 1 : NULL;
    size_t domain_length = valid ? length - local_length - 1 : 0;
    valid = valid && is_valid_local_part(address, local_length) &&
            is_valid_domain(domain, domain_length);

    char result[HTX_EMAIL_SIZE];
    size_t used = local_length + 1;
    if (valid) {
        memcpy(result, address, used); /* the local part and "@": case may matter there */
        valid = append_lower(domain, domain_length, result, &used, sizeof result);
    }
    if (!valid)
        return htx_fail(err, HTX_ERR_INVALID, MSG_EMAIL_FORMAT, "email", typed, NULL);
    memcpy(out, result, used + 1);
    return HTX_OK;
}

/* ---- Yes / no ----------------------------------------------------------- */

static const char *const yes_words[] = {"có", "co", "c", "yes", "y", "1", "true", "x", NULL};
static const char *const no_words[] = {"không", "khong", "k", "no", "n", "0", "false", NULL};
static const char *const unknown_words[] = {"chưa rõ", "chua ro", "unknown", "?", "", NULL};

/* 1 yes, 0 no, -1 unknown (when allowed), -2 none of them. */
static int read_answer(const char *text, bool allow_unknown)
{
    size_t start, length;
    trimmed_span(text, &start, &length);
    char folded[64];
    if (!fold_case(text + start, length, folded, sizeof folded))
        return -2;
    if (is_one_of(folded, yes_words))
        return 1;
    if (is_one_of(folded, no_words))
        return 0;
    if (allow_unknown && is_one_of(folded, unknown_words))
        return -1;
    return -2;
}

htx_status htx_parse_yes_no(const char *text, const char *field, bool *out, htx_error *err)
{
    const char *typed = text ? text : "";
    int answer = read_answer(typed, false);
    if (answer < 0)
        return htx_fail(err, HTX_ERR_INVALID, MSG_YES_NO, field, typed, NULL);
    *out = answer == 1;
    return HTX_OK;
}

htx_status htx_parse_yes_no_unknown(const char *text, const char *field, int *out, htx_error *err)
{
    const char *typed = text ? text : "";
    int answer = read_answer(typed, true);
    if (answer == -2)
        return htx_fail(err, HTX_ERR_INVALID, MSG_YES_NO_UNKNOWN, field, typed, NULL);
    *out = answer;
    return HTX_OK;
}

/* ---- Warnings ----------------------------------------------------------- */

/* Law on Cooperatives 2023: a cooperative has at least 5 official members. */
#define HTX_MEMBERS_MIN 5

bool htx_members_below_minimum(int64_t members)
{
    return members < HTX_MEMBERS_MIN;
}

/* Byte length of the first count characters of s, each with its combining
 * marks, so that cutting there never strips a mark from a letter. */
static size_t first_characters(const char *s, int count)
{
    size_t n = 0;
    int32_t cp;
    for (int len; (len = htx_utf8_decode(s + n, &cp)) > 0; n += (size_t)len)
        if (!htx_cp_is_mark(cp) && count-- == 0)
            break;
    return n;
}

/* Whether the word just matched ends there: "HTX Đồng Tâm", "HTX-Đồng Tâm"
 * but not "HTXanh". */
static bool ends_word(const char *s)
{
    int32_t cp;
    if (htx_utf8_decode(s, &cp) == 0)
        return true;
    /* The categories run letters (Lu…Lo), marks (Mn…Me), numbers (Nd…No). */
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_NO;
}

bool htx_name_lacks_prefix(const char *name)
{
    static const char *const prefixes[] = {"hợp tác xã", "htx"};
    if (!name)
        return true;
    const char *start = name + space_length(name);
    /* Enough characters for the longest prefix, a few extra spaces and the
     * character after it. */
    char folded[128];
    if (!fold_case(start, first_characters(start, 24), folded, sizeof folded))
        return true;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t n = match_words(folded, prefixes[i]);
        if (n > 0 && ends_word(folded + n))
            return false;
    }
    return true;
}
