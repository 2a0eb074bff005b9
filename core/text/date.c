#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { YEAR_MIN = 1900, YEAR_MAX = 9999 };

static bool is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year))
        return 29;
    return days[month - 1];
}

static bool is_valid_date(int year, int month, int day)
{
    return year >= YEAR_MIN && year <= YEAR_MAX && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

/*
 * Reads between min_digits and max_digits decimal digits at *p into *value
 * and advances *p; false when the digit count is outside those bounds.
 * Digit counts are bounded so that "005/3/2019" or "20190-3-5" are refused
 * rather than read generously.
 */
static bool read_digits(const char **p, int min_digits, int max_digits, int *value)
{
    const char *s = *p;
    int count = 0, n = 0;
    while (isdigit((unsigned char)s[count])) {
        if (count == max_digits)
            return false;
        n = n * 10 + (s[count] - '0');
        count++;
    }
    if (count < min_digits)
        return false;
    *value = n;
    *p = s + count;
    return true;
}

static bool read_char(const char **p, char c)
{
    if (**p != c)
        return false;
    (*p)++;
    return true;
}

/* "yyyy-mm-dd" exactly, as stored and as in HTX_TODAY.  Advances *p past it. */
static bool parse_iso(const char **p, htx_date *d)
{
    const char *s = *p;
    if (!read_digits(&s, 4, 4, &d->year) || !read_char(&s, '-') ||
        !read_digits(&s, 2, 2, &d->month) || !read_char(&s, '-') ||
        !read_digits(&s, 2, 2, &d->day))
        return false;
    *p = s;
    return true;
}

/* The year "yy" stands for, as offices write it ("5/3/19"): the latest
 * such year not after this one. */
static int century_of_short_year(int yy)
{
    int this_year = htx_date_today().year;
    int year = this_year / 100 * 100 + yy;
    return year > this_year ? year - 100 : year;
}

/* "dd/mm/yyyy", "d/m/yyyy" or "d/m/yy", day first as written in Vietnam; "05.03.2019"
 * and "05-03-2019" too (the same separator twice).  Advances *p past it. */
static bool parse_day_first(const char **p, htx_date *d)
{
    const char *s = *p;
    if (!read_digits(&s, 1, 2, &d->day))
        return false;
    char separator = *s;
    if ((separator != '/' && separator != '.' && separator != '-') || !read_char(&s, separator) ||
        !read_digits(&s, 1, 2, &d->month) || !read_char(&s, separator))
        return false;
    const char *year = s;
    if (!read_digits(&s, 2, 4, &d->year) || s - year == 3)
        return false;
    if (s - year == 2)
        d->year = century_of_short_year(d->year);
    *p = s;
    return true;
}

/* A time of day after the date ("05/03/2019 00:00:00", as spreadsheets
 * write a date cell): it does not change the date.  Advances *p past it. */
static void skip_time_of_day(const char **p)
{
    const char *s = *p;
    int hour, minute, second;
    if (!read_char(&s, ' '))
        return;
    if (!read_digits(&s, 1, 2, &hour) || !read_char(&s, ':') || !read_digits(&s, 2, 2, &minute) ||
        hour > 23 || minute > 59)
        return;
    const char *with_seconds = s;
    if (read_char(&with_seconds, ':') && read_digits(&with_seconds, 2, 2, &second) && second <= 59)
        s = with_seconds;
    *p = s;
}

static bool only_spaces(const char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    return *s == '\0';
}

bool htx_date_parse(const char *text, htx_date *out)
{
    if (!text)
        return false;
    while (isspace((unsigned char)*text))
        text++;
    htx_date d;
    const char *end = text;
    bool read = parse_iso(&end, &d) || parse_day_first(&end, &d);
    if (read)
        skip_time_of_day(&end);
    bool year_only = read && d.month == 0 && d.day == 0 && d.year >= YEAR_MIN; /* as stored */
    if (!read || !only_spaces(end) || (!year_only && !is_valid_date(d.year, d.month, d.day)))
        return false;
    *out = d;
    return true;
}

void htx_date_iso(htx_date d, char out[HTX_ISO_DATE_SIZE])
{
    snprintf(out, HTX_ISO_DATE_SIZE, "%04d-%02d-%02d", d.year, d.month, d.day);
}

void htx_date_display(htx_date d, char out[HTX_ISO_DATE_SIZE])
{
    if (htx_date_is_year_only(d))
        snprintf(out, HTX_ISO_DATE_SIZE, "%04d", d.year);
    else
        snprintf(out, HTX_ISO_DATE_SIZE, "%02d/%02d/%04d", d.day, d.month, d.year);
}

bool htx_date_is_year_only(htx_date d)
{
    return d.month == 0 && d.day == 0;
}

bool htx_date_parse_year(const char *text, htx_date *out)
{
    if (!text)
        return false;
    while (isspace((unsigned char)*text))
        text++;
    const char *end = text;
    int year;
    if (!read_digits(&end, 4, 4, &year) || !only_spaces(end) || year < YEAR_MIN)
        return false;
    *out = (htx_date){year, 0, 0};
    return true;
}

int htx_date_compare(htx_date a, htx_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

htx_date htx_date_today(void)
{
    const char *fixed = getenv("HTX_TODAY");
    htx_date d;
    const char *end = fixed;
    if (fixed && parse_iso(&end, &d) && *end == '\0' && is_valid_date(d.year, d.month, d.day))
        return d;

    time_t now = time(NULL);
    struct tm local;
    if (now == (time_t)-1 || !localtime_r(&now, &local))
        return (htx_date){YEAR_MAX, 12, 31}; /* without a clock, refuse no date as "future" */
    return (htx_date){local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

/* A cut text may end inside a UTF-8 sequence; drop that partial character. */
static void cut_partial_character(char *s)
{
    size_t n = strlen(s);
    size_t start = n;
    while (start > 0 && ((unsigned char)s[start - 1] & 0xC0) == 0x80)
        start--;
    if (start == 0)
        return;
    unsigned char lead = (unsigned char)s[start - 1];
    size_t expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (n - (start - 1) < expected)
        s[start - 1] = '\0';
}

void htx_date_line(const char *place, htx_date d, char *out, int size)
{
    if (!out || size <= 0)
        return;
    /* Administrative documents pad the numbers that one added digit could turn
     * into another valid one: days below 10 and months 1 and 2 (→ 10, 11, 12). */
    char month[12];
    snprintf(month, sizeof month, d.month <= 2 ? "%02d" : "%d", d.month);
    int needed;
    if (place && place[0])
        needed = snprintf(out, (size_t)size, "%s, ngày %02d tháng %s năm %d", place, d.day, month,
                          d.year);
    else
        needed = snprintf(out, (size_t)size, "ngày %02d tháng %s năm %d", d.day, month, d.year);
    if (needed >= size)
        cut_partial_character(out);
}
