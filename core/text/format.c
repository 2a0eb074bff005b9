#include "format.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The magnitude of n, also for INT64_MIN, whose magnitude no int64_t holds. */
static uint64_t magnitude(int64_t n)
{
    return n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
}

/* What groups the thousands and what marks the decimals, by language. */
static char thousands_separator(htx_lang lang)
{
    return lang == HTX_LANG_EN ? ',' : '.';
}

static char decimal_mark(htx_lang lang)
{
    return lang == HTX_LANG_EN ? '.' : ',';
}

void htx_format_number(int64_t n, htx_lang lang, char *out, size_t size)
{
    if (!out || size == 0)
        return;
    /* Digits are produced from the right, so build the text backwards. */
    char reversed[32];
    size_t length = 0;
    uint64_t rest = magnitude(n);
    int digits = 0;
    do {
        if (digits > 0 && digits % 3 == 0)
            reversed[length++] = thousands_separator(lang);
        reversed[length++] = (char)('0' + rest % 10);
        rest /= 10;
        digits++;
    } while (rest > 0);
    if (n < 0)
        reversed[length++] = '-';

    size_t written = 0;
    while (length > 0 && written + 1 < size)
        out[written++] = reversed[--length];
    out[written] = '\0';
}

void htx_format_vnd(int64_t vnd, htx_lang lang, char *out, size_t size)
{
    char number[32];
    htx_format_number(vnd, lang, number, sizeof number);
    if (out && size > 0)
        snprintf(out, size, "%s %s", number, lang == HTX_LANG_EN ? "VND" : "đ");
}

/*
 * part/whole in tenths of a percent, rounded half up (away from zero for a
 * negative share).  Exact integer arithmetic while it cannot overflow, which
 * covers every count htx deals with; long double beyond that.
 */
static uint64_t tenths_of_percent(uint64_t part, uint64_t whole)
{
    const uint64_t limit = UINT64_MAX / 4000; /* part * 2000 + whole then fits */
    if (part <= limit && whole <= limit)
        return (part * 2000 + whole) / (whole * 2);
    return (uint64_t)((long double)part * 1000.0L / (long double)whole + 0.5L);
}

void htx_format_share(int64_t part, int64_t whole, htx_lang lang, char *out, size_t size)
{
    if (!out || size == 0)
        return;
    uint64_t tenths = whole == 0 ? 0 : tenths_of_percent(magnitude(part), magnitude(whole));
    bool negative = tenths > 0 && (part < 0) != (whole < 0);
    snprintf(out, size, "%s%" PRIu64 "%c%" PRIu64 "%%", negative ? "-" : "", tenths / 10,
             decimal_mark(lang), tenths % 10);
}

void htx_format_thousands(int64_t n, char *out, size_t size)
{
    htx_format_number(n, HTX_LANG_VI, out, size);
}

void htx_format_money(int64_t vnd, char *out, size_t size)
{
    htx_format_vnd(vnd, HTX_LANG_VI, out, size);
}

void htx_format_percent(int64_t part, int64_t whole, char *out, size_t size)
{
    htx_format_share(part, whole, HTX_LANG_VI, out, size);
}

void htx_format_phone(const char *phone, char *out, size_t size)
{
    size_t digits = strspn(phone, "0123456789");
    bool all_digits = phone[digits] == '\0';
    if (all_digits && digits == 11 && phone[0] == '0' && phone[1] == '2') /* 0 + area 2x + 8 digits */
        snprintf(out, size, "%.3s %.4s %.4s", phone, phone + 3, phone + 7);
    else if (all_digits && digits == 10 && phone[0] == '0') /* 0 + 9 digits: mobiles */
        snprintf(out, size, "%.4s %.3s %.3s", phone, phone + 4, phone + 7);
    else
        snprintf(out, size, "%s", phone);
}
