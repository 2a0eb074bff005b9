/*
 * Numbers as the staff write them: thousands with dots, decimals with a
 * comma ("1.500.000.000 đ", "12,5%"); in English, as English readers do
 * ("1,500,000,000 VND", "12.5%").
 */
#ifndef HTX_FORMAT_H
#define HTX_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "messages.h"

void htx_format_number(int64_t n, htx_lang lang, char *out, size_t size); /* 1.500.000 / 1,500,000 */
void htx_format_vnd(int64_t vnd, htx_lang lang, char *out, size_t size);  /* 1.500.000 đ / 1,500,000 VND */
/* part/whole as a percentage with one decimal: "12,5%" / "12.5%"; zero
 * when whole is 0. */
void htx_format_share(int64_t part, int64_t whole, htx_lang lang, char *out, size_t size);

/* The Vietnamese forms, which the screens show in either language. */
void htx_format_thousands(int64_t n, char *out, size_t size);  /* 1.500.000 */
void htx_format_money(int64_t vnd, char *out, size_t size);    /* 1.500.000 đ */
void htx_format_percent(int64_t part, int64_t whole, char *out, size_t size); /* 12,5% */

/* A phone number as Vietnamese write it, in groups: a fixed line of Hà Nội
 * "024 3826 1757", a mobile "0912 345 678"; any other text as it is. */
void htx_format_phone(const char *phone, char *out, size_t size);

#endif
