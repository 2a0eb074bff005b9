/*
 * Calendar dates as staff type them (dd/mm/yyyy, d/m/yyyy, also with '.'
 * or '-' between) or as ISO 8601 (yyyy-mm-dd), optionally followed by a
 * time of day as spreadsheets write date cells ("05/03/2019 00:00:00");
 * stored as ISO text, shown as dd/mm/yyyy.
 */
#ifndef HTX_DATE_H
#define HTX_DATE_H

#include <stdbool.h>

typedef struct htx_date {
    int year, month, day;
} htx_date;

#define HTX_ISO_DATE_SIZE 11 /* "yyyy-mm-dd" + NUL */

/* Parses "05/03/2019", "5/3/2019", "5/3/19" (the latest such year not
 * after this one), "2019-03-05" (leading/trailing spaces ok); checks the
 * calendar (leap years, month lengths, years 1900–9999).  A year alone as
 * stored ("2018-00-00", see below) is read too. */
bool htx_date_parse(const char *text, htx_date *out);

/* A year alone, day and month unknown (a founding year as offices write
 * it): month and day 0, stored "2018-00-00" (it sorts before the year's
 * days and counts in its year), shown "2018".  htx_date_parse_year reads
 * "2018". */
bool htx_date_is_year_only(htx_date d);
bool htx_date_parse_year(const char *text, htx_date *out);

void htx_date_iso(htx_date d, char out[HTX_ISO_DATE_SIZE]);     /* 2019-03-05 */
void htx_date_display(htx_date d, char out[HTX_ISO_DATE_SIZE]); /* 05/03/2019, or 2018 */

/* <0, 0, >0 as a is before, equal to, after b. */
int htx_date_compare(htx_date a, htx_date b);

/*
 * Today's date in local time.  HTX_TODAY=yyyy-mm-dd in the environment
 * overrides it, so that tests and demos about "the future" are repeatable.
 */
htx_date htx_date_today(void);

/* "Hà Nội, ngày 05 tháng 02 năm 2026": day < 10 and months 1, 2 take a
 * leading zero, other months do not. */
void htx_date_line(const char *place, htx_date d, char *out, int size);

#endif
