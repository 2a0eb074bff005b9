/*
 * Numbers as the staff write them: thousands with dots, decimals with a
 * comma ("1.500.000.000 đ", "12,5%").
 */
#ifndef HTX_FORMAT_H
#define HTX_FORMAT_H

#include <stddef.h>
#include <stdint.h>

void htx_format_thousands(int64_t n, char *out, size_t size);  /* 1.500.000 */
void htx_format_money(int64_t vnd, char *out, size_t size);    /* 1.500.000 đ */
/* part/whole as a percentage with one decimal: "12,5%"; "0,0%" when whole is 0. */
void htx_format_percent(int64_t part, int64_t whole, char *out, size_t size);

#endif
