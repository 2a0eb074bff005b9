/*
 * The rules every entry path shares (command line, forms, import): one place,
 * so a value accepted in one is accepted in all.
 *
 * Each parser takes user text, writes the canonical stored form and returns
 * HTX_OK, or HTX_ERR_INVALID with err naming the field and the reason.
 */
#ifndef HTX_VALIDATE_H
#define HTX_VALIDATE_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "error.h"

/*
 * Registration code (mã số HTX = tax code): 10 digits whose last is the
 * check digit — weights 31,29,23,19,17,13,7,5,3 on the first nine, check =
 * 10 − (Σ mod 11), a result of 10 being invalid — optionally "-NNN"
 * (001–999) for a branch.  Spaces are ignored.  out: "0100233488" or
 * "0314409058-002".
 */
#define HTX_CODE_SIZE 15
htx_status htx_parse_code(const char *text, char out[HTX_CODE_SIZE], htx_error *err);

/* The check digit for nine digits, or -1 when no digit is valid (Σ mod 11 = 0). */
int htx_code_check_digit(const char nine_digits[9]);

/*
 * Phone: a mobile (0 + 9 digits, 03x 05x 07x 08x 09x), a landline (02x, 11
 * digits), or either with +84 / 0084 / 84 in place of the leading 0.  Spaces,
 * dots, dashes and parentheses are ignored.  out: the national form with
 * digits only, "0912345678" or "02438253640".
 */
#define HTX_PHONE_SIZE 16
htx_status htx_parse_phone(const char *text, char out[HTX_PHONE_SIZE], htx_error *err);

/* A date as staff type it; must not be after today when not_future. */
htx_status htx_parse_date(const char *text, const char *field, bool not_future,
                          htx_date *out, htx_error *err);

/* A date not in the future, or a year alone ("2018": htx_date_is_year_only),
 * as a founding date is often known. */
htx_status htx_parse_date_or_year(const char *text, const char *field, htx_date *out, htx_error *err);

/* A non-negative whole number ("1.500", "1 500" and "1,500" read as 1500). */
htx_status htx_parse_count(const char *text, const char *field, int64_t *out, htx_error *err);

/* Money in VND: digits with optional dot/comma/space thousands separators and an
 * optional "đ", "d", "VND" or "đồng" suffix; or an amount in thousands,
 * millions or billions as offices write it ("500 triệu", "1,5 tỷ", "2.25 tr
 * đồng"), refused as ambiguous with three digits after the mark ("1.500 tỷ"). */
htx_status htx_parse_money(const char *text, const char *field, int64_t *out, htx_error *err);

/* A plausible email address (local@domain.tld, no spaces); stored lower-cased domain. */
#define HTX_EMAIL_SIZE 255
htx_status htx_parse_email(const char *text, char out[HTX_EMAIL_SIZE], htx_error *err);

/* yes/no: "có", "co", "yes", "y", "1", "true" / "không", "khong", "no", "n", "0", "false". */
htx_status htx_parse_yes_no(const char *text, const char *field, bool *out, htx_error *err);
/* As yes/no, plus "chưa rõ", "unknown", "?", "" → *out = -1. */
htx_status htx_parse_yes_no_unknown(const char *text, const char *field, int *out, htx_error *err);

/* Warnings (never block a save). */
bool htx_members_below_minimum(int64_t members); /* < 5 official members */
bool htx_name_lacks_prefix(const char *name);    /* not "Hợp tác xã…" / "HTX…" (any case) */

#endif
