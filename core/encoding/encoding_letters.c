/*
 * A growing byte buffer, and Vietnamese letters split into base letter,
 * modifier and tone: what the VNI and VIQR tables and detection work with.
 */
#include "encoding_internal.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

/* ---- a growing UTF-8 enc_buffer ------------------------------------------------ */

void enc_buf_reserve(enc_buffer *b, size_t more)
{
    if (b->failed || b->len + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *grown = realloc(b->data, cap);
    if (!grown) {
        b->failed = true;
        return;
    }
    b->data = grown;
    b->cap = cap;
}

void enc_buf_bytes(enc_buffer *b, const void *bytes, size_t n)
{
    enc_buf_reserve(b, n);
    if (b->failed)
        return;
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void enc_buf_byte(enc_buffer *b, unsigned char byte)
{
    enc_buf_bytes(b, &byte, 1);
}

void enc_buf_cp(enc_buffer *b, int32_t cp)
{
    char enc[4];
    int n = htx_utf8_encode(cp, enc);
    enc_buf_bytes(b, enc, (size_t)n);
}

/* ---- Vietnamese letters as base + modifier + tone -------------------------- */

const int32_t enc_modifier_cps[4] = {0, 0x0302, 0x0306, 0x031B};
const int32_t enc_tone_cps[TONE_COUNT] = {0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};

/* Splits cp into a Vietnamese base letter and its marks; false when cp is not
 * one (a letter of another language, a symbol). */
bool enc_letter_split(int32_t cp, vn_letter *out)
{
    int32_t parts[HTX_DECOMPOSITION_MAX];
    int n = htx_cp_decompose(cp, parts);
    if (n < 1)
        return false;
    out->base = parts[0];
    out->modifier = MOD_NONE;
    out->tone = TONE_NONE;
    bool ascii_letter = (parts[0] >= 'a' && parts[0] <= 'z') || (parts[0] >= 'A' && parts[0] <= 'Z');
    if (!ascii_letter && parts[0] != 0x0111 && parts[0] != 0x0110)
        return false;
    for (int i = 1; i < n; i++) {
        int found = 0;
        for (int m = 1; m <= MOD_HORN && !found; m++)
            if (parts[i] == enc_modifier_cps[m] && out->modifier == MOD_NONE)
                out->modifier = found = m;
        for (int t = 1; t < TONE_COUNT && !found; t++)
            if (parts[i] == enc_tone_cps[t] && out->tone == TONE_NONE)
                out->tone = found = t;
        if (!found)
            return false;
    }
    int32_t lower = utf8proc_tolower(out->base);
    bool vowel = strchr("aeiouy", (int)(lower < 128 ? lower : 0)) != NULL && lower < 128 && lower;
    if (!vowel && (out->modifier || out->tone))
        return false;
    if ((out->modifier == MOD_CIRCUMFLEX && !strchr("aeo", (int)lower)) ||
        (out->modifier == MOD_BREVE && lower != 'a') ||
        (out->modifier == MOD_HORN && lower != 'o' && lower != 'u'))
        return false;
    return true;
}

bool enc_is_ascii_letter(int32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}
