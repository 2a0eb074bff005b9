/*
 * A cooperative's seat as an address is written since 1 July 2025: the
 * street part as typed, the commune-level unit, the city — "Số 18, thôn
 * Giang Cao, xã Bát Tràng, TP Hà Nội".  Before a unit is chosen the
 * address is written the old way, with the ward as typed and the former
 * district ("…, Thị trấn Yên Viên, huyện Gia Lâm, TP Hà Nội").
 */
#ifndef HTX_ADDRESS_H
#define HTX_ADDRESS_H

#include <stddef.h>

/* street: the free text ("Số 18, thôn Giang Cao"); commune: the unit's
 * name ("Bát Tràng") or ""; old_ward and district_code: what the old way
 * needs.  Parts already written in street (a street that ends in the unit
 * or the city) are not repeated. */
void htx_address_line(const char *street, const char *commune, const char *old_ward, const char *district_code,
                      char *out, size_t size);

#endif
