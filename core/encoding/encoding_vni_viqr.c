/*
 * VNI-Windows and VIQR, the two Vietnamese encodings iconv lacks, decoded
 * and encoded by tables written from their published charts.
 */
#include "encoding_internal.h"

#include <string.h>

#include <utf8proc.h>

#include "text.h"

/* ---- Windows-1252 upper half, for the bytes VNI leaves to the code page ---- */

static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static int32_t cp1252_to_cp(unsigned char byte)
{
    return byte >= 0x80 && byte < 0xA0 ? cp1252_high[byte - 0x80] : byte;
}

static int cp_to_cp1252(int32_t cp)
{
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
        return (int)cp;
    for (int i = 0; i < 32; i++)
        if (cp1252_high[i] == cp)
            return 0x80 + i;
    return -1;
}

/* ---- VNI-Windows ------------------------------------------------------------
 * A Vietnamese letter is its base letter followed by one mark byte (the
 * modifier and the tone together), except ơ, ư, đ, the i with tones and ỵ,
 * which are single bytes.  Capital letters take the mark bytes 0x20 lower. */

static const unsigned char vni_tone_only[TONE_COUNT] = {0, 0xF9, 0xF8, 0xFB, 0xF5, 0xEF};
static const unsigned char vni_circumflex[TONE_COUNT] = {0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4};
static const unsigned char vni_breve[TONE_COUNT] = {0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB};
static const unsigned char vni_i[TONE_COUNT] = {'i', 0xED, 0xEC, 0xE6, 0xF3, 0xF2};
enum { VNI_O_HORN = 0xF4, VNI_U_HORN = 0xF6, VNI_D_STROKE = 0xF1, VNI_Y_DOT = 0xEE };

typedef struct vni_code {
    bool is_mark;
    int modifier, tone; /* for a mark */
    int32_t letter;     /* for a single-byte letter, else 0 */
} vni_code;

/* What byte means in VNI when it is one of VNI's own (lower-case form). */
static vni_code vni_lower_code(unsigned char byte)
{
    vni_code c = {false, MOD_NONE, TONE_NONE, 0};
    for (int t = 0; t < TONE_COUNT; t++) {
        if (t && byte == vni_tone_only[t])
            return (vni_code){true, MOD_NONE, t, 0};
        if (byte == vni_circumflex[t])
            return (vni_code){true, MOD_CIRCUMFLEX, t, 0};
        if (byte == vni_breve[t])
            return (vni_code){true, MOD_BREVE, t, 0};
    }
    static const int32_t i_letters[TONE_COUNT] = {'i', 0xED, 0xEC, 0x1EC9, 0x0129, 0x1ECB};
    for (int t = 1; t < TONE_COUNT; t++)
        if (byte == vni_i[t])
            c.letter = i_letters[t];
    if (byte == VNI_O_HORN)
        c.letter = 0x01A1;
    else if (byte == VNI_U_HORN)
        c.letter = 0x01B0;
    else if (byte == VNI_D_STROKE)
        c.letter = 0x0111;
    else if (byte == VNI_Y_DOT)
        c.letter = 0x1EF5;
    return c;
}

static vni_code vni_code_of(unsigned char byte)
{
    if (byte >= 0xE0)
        return vni_lower_code(byte);
    if (byte >= 0xC0) {
        vni_code c = vni_lower_code((unsigned char)(byte + 0x20));
        if (c.letter)
            c.letter = utf8proc_toupper(c.letter);
        return c;
    }
    return (vni_code){false, MOD_NONE, TONE_NONE, 0};
}

void enc_decode_vni(const unsigned char *bytes, size_t len, enc_buffer *out)
{
    int32_t previous = 0;
    enc_decode_vni_from(bytes, len, out, &previous);
}

void enc_decode_vni_from(const unsigned char *bytes, size_t len, enc_buffer *out, int32_t *last)
{
    vni_code table[64];
    for (int i = 0; i < 64; i++)
        table[i] = vni_code_of((unsigned char)(0xC0 + i));
    int32_t previous = *last;
    for (size_t i = 0; i < len; i++) {
        unsigned char byte = bytes[i];
        const vni_code *c = byte >= 0xC0 ? &table[byte - 0xC0] : NULL;
        if (c && c->is_mark && previous && (enc_is_ascii_letter(previous) || previous > 0x7F)) {
            if (c->modifier)
                enc_buf_cp(out, enc_modifier_cps[c->modifier]);
            if (c->tone)
                enc_buf_cp(out, enc_tone_cps[c->tone]);
            previous = 0; /* one mark byte per letter */
            continue;
        }
        int32_t cp = c && c->letter ? c->letter : cp1252_to_cp(byte);
        enc_buf_cp(out, cp);
        previous = cp;
    }
    *last = previous;
}

bool enc_encode_vni(const char *text, enc_buffer *out, int32_t *bad)
{
    int32_t cp;
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n) {
        if (cp < 0x80) {
            enc_buf_byte(out, (unsigned char)cp);
            continue;
        }
        vn_letter l;
        if (!enc_letter_split(cp, &l)) {
            int byte = cp_to_cp1252(cp);
            /* Bytes from 0xC0 up are VNI's own: a Latin-1 letter cannot be written. */
            if (byte < 0 || byte >= 0xC0) {
                *bad = cp;
                return false;
            }
            enc_buf_byte(out, (unsigned char)byte);
            continue;
        }
        bool upper = l.base == 0x0110 || (l.base >= 'A' && l.base <= 'Z');
        int lower = l.base == 0x0110 || l.base == 0x0111 ? 'd' : (int)utf8proc_tolower(l.base);
        unsigned char shift = upper ? 0x20 : 0;
        if (l.base == 0x0110 || l.base == 0x0111) {
            enc_buf_byte(out, (unsigned char)(VNI_D_STROKE - shift));
        } else if (lower == 'i' && l.tone) {
            enc_buf_byte(out, (unsigned char)(vni_i[l.tone] - shift));
        } else if (lower == 'y' && l.tone == TONE_DOT) {
            enc_buf_byte(out, (unsigned char)(VNI_Y_DOT - shift));
        } else if (l.modifier == MOD_HORN) {
            enc_buf_byte(out, (unsigned char)((lower == 'o' ? VNI_O_HORN : VNI_U_HORN) - shift));
            if (l.tone)
                enc_buf_byte(out, (unsigned char)(vni_tone_only[l.tone] - shift));
        } else {
            enc_buf_byte(out, (unsigned char)l.base);
            if (l.modifier == MOD_CIRCUMFLEX)
                enc_buf_byte(out, (unsigned char)(vni_circumflex[l.tone] - shift));
            else if (l.modifier == MOD_BREVE)
                enc_buf_byte(out, (unsigned char)(vni_breve[l.tone] - shift));
            else if (l.tone)
                enc_buf_byte(out, (unsigned char)(vni_tone_only[l.tone] - shift));
        }
    }
    return true;
}

/* ---- VIQR (RFC 1456) ---------------------------------------------------------
 * A vowel is followed by its modifier ("(" breve, "^" circumflex, "+" horn)
 * and its tone ("'" acute, "`" grave, "?" hook, "~" tilde, "." dot); "dd" is
 * đ.  A backslash makes the next mark character literal. */

static const char viqr_tone_chars[TONE_COUNT] = {0, '\'', '`', '?', '~', '.'};
static const char viqr_modifier_chars[] = {0, '^', '(', '+'};

bool enc_is_viqr_vowel(int32_t cp)
{
    return cp < 128 && cp && strchr("aeiouyAEIOUY", (int)cp);
}

static bool is_viqr_mark_char(int32_t cp)
{
    return cp < 128 && cp && strchr("^(+'`?~.", (int)cp);
}

int enc_viqr_modifier_for(int32_t vowel, char ch)
{
    int lower = (int)utf8proc_tolower(vowel);
    if (ch == '^' && strchr("aeo", lower))
        return MOD_CIRCUMFLEX;
    if (ch == '(' && lower == 'a')
        return MOD_BREVE;
    if (ch == '+' && (lower == 'o' || lower == 'u'))
        return MOD_HORN;
    return MOD_NONE;
}

static int viqr_tone_for(char ch)
{
    for (int t = 1; t < TONE_COUNT; t++)
        if (viqr_tone_chars[t] == ch)
            return t;
    return TONE_NONE;
}

void enc_decode_viqr(const char *text, enc_buffer *out)
{
    while (*text) {
        int32_t cp;
        int n = htx_utf8_decode(text, &cp);
        if (cp == '\\' && (is_viqr_mark_char((unsigned char)text[1]) || text[1] == '\\' ||
                           text[1] == 'd' || text[1] == 'D')) {
            enc_buf_byte(out, (unsigned char)text[1]);
            text += 2;
            continue;
        }
        if ((cp == 'd' || cp == 'D') && (text[1] == 'd' || text[1] == 'D')) {
            enc_buf_cp(out, cp == 'd' ? 0x0111 : 0x0110);
            text += 2;
            continue;
        }
        enc_buf_bytes(out, text, (size_t)n);
        text += n;
        if (!enc_is_viqr_vowel(cp))
            continue;
        int modifier = enc_viqr_modifier_for(cp, *text);
        if (modifier) {
            enc_buf_cp(out, enc_modifier_cps[modifier]);
            text++;
        }
        int tone = *text ? viqr_tone_for(*text) : TONE_NONE;
        if (tone) {
            enc_buf_cp(out, enc_tone_cps[tone]);
            text++;
        }
    }
}

bool enc_encode_viqr(const char *text, enc_buffer *out, int32_t *bad)
{
    int32_t cp;
    bool after_vowel = false, after_d = false;
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n) {
        if (cp < 0x80) {
            /* Escape what a decoder would take as a mark or as "dd". */
            int32_t next = 0;
            htx_utf8_decode(text + n, &next);
            /* A d before đ too: "dđ" written "ddd" would read back "đd". */
            bool escape = cp == '\\' || (after_vowel && is_viqr_mark_char(cp)) ||
                          (after_d && (cp == 'd' || cp == 'D')) ||
                          ((cp == 'd' || cp == 'D') && (next == 0x0111 || next == 0x0110));
            if (escape)
                enc_buf_byte(out, '\\');
            enc_buf_byte(out, (unsigned char)cp);
            after_vowel = enc_is_viqr_vowel(cp);
            after_d = (cp == 'd' || cp == 'D') && !escape;
            continue;
        }
        vn_letter l;
        if (!enc_letter_split(cp, &l)) {
            *bad = cp;
            return false;
        }
        if (l.base == 0x0111 || l.base == 0x0110) {
            enc_buf_bytes(out, l.base == 0x0111 ? "dd" : "DD", 2);
            after_vowel = after_d = false;
            continue;
        }
        enc_buf_byte(out, (unsigned char)l.base);
        if (l.modifier)
            enc_buf_byte(out, (unsigned char)viqr_modifier_chars[l.modifier]);
        if (l.tone)
            enc_buf_byte(out, (unsigned char)viqr_tone_chars[l.tone]);
        after_vowel = true;
        after_d = false;
    }
    return true;
}
