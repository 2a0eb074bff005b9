/*
 * TCVN3 (ABC), the VN3 table of TCVN 5712:1993 that ABC and the .VnTime
 * fonts use: ASCII, the 7 capitals Ă Â Ê Ô Ơ Ư Đ (0xA1–0xA7), and the 67
 * lower-case letters with their marks (0xA8–0xFE).  Toned capitals do not
 * exist in it: they are written with the lower-case toned letter, which the
 * capital fonts (.VnTimeH) draw as a capital.  VN1, the full table of the
 * same standard (iconv's TCVN5712-1), puts those capitals in the C0 controls
 * (Ừ at 0x04, Ỹ at 0x15), in 0x80–0x9F and in the places VN3 leaves empty;
 * the bytes VN3 shares with it mean the same, so VN3 is decoded and encoded
 * through iconv's VN1 (encoding.c, encoding_convert.c) with those places
 * refused.
 */
#include "encoding_internal.h"

#include <string.h>

#include <utf8proc.h>

#include "text.h"

/* What VN1 holds and VN3 does not: its toned capitals, and the combining
 * tones at 0xB0–0xB4. */
static bool vn1_only(unsigned char b)
{
    static const unsigned char upper_places[] = {0xAF, 0xBA, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5,
                                                 0xCD, 0xD9, 0xDA, 0xDB, 0xE0, 0xF0, 0xFF};
    if (b == 0x01 || b == 0x02 || (b >= 0x04 && b <= 0x06) || (b >= 0x11 && b <= 0x17))
        return true;
    if ((b >= 0x80 && b <= 0x9F) || (b >= 0xB0 && b <= 0xB4))
        return true;
    return memchr(upper_places, b, sizeof upper_places) != NULL;
}

size_t enc_tcvn3_invalid_at(const unsigned char *bytes, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (vn1_only(bytes[i]))
            return i;
    return len;
}

int32_t enc_tcvn3_letter(int32_t cp)
{
    vn_letter l;
    bool toned_capital = cp >= 0xC0 && enc_letter_split(cp, &l) && l.tone != TONE_NONE &&
                         utf8proc_tolower(cp) != cp;
    return toned_capital ? utf8proc_tolower(cp) : cp;
}
