#include "encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

/* ---- names ---------------------------------------------------------------- */

static const char *const encoding_names[HTX_ENC_COUNT] = {
    "auto", "utf-8", "utf-16", "utf-16be", "cp1258", "viscii", "tcvn3", "vni", "viqr",
};

/* The iconv name of each encoding iconv handles; NULL for the others. */
static const char *iconv_name(htx_encoding enc)
{
    switch (enc) {
    case HTX_ENC_UTF16: return "UTF-16LE";
    case HTX_ENC_UTF16BE: return "UTF-16BE";
    case HTX_ENC_CP1258: return "WINDOWS-1258";
    case HTX_ENC_VISCII: return "VISCII";
    case HTX_ENC_TCVN3: return "TCVN5712-1";
    default: return NULL;
    }
}

static void simplify_name(const char *in, char *out, size_t size)
{
    size_t n = 0;
    for (; *in && n + 1 < size; in++) {
        char ch = *in;
        if (ch == '-' || ch == '_' || ch == ' ')
            continue;
        out[n++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
    }
    out[n] = '\0';
}

int htx_encoding_parse(const char *name)
{
    if (!name)
        return -1;
    char key[32];
    simplify_name(name, key, sizeof key);
    static const struct {
        const char *alias;
        htx_encoding enc;
    } aliases[] = {
        {"auto", HTX_ENC_AUTO},       {"utf8", HTX_ENC_UTF8},         {"utf16", HTX_ENC_UTF16},
        {"utf16le", HTX_ENC_UTF16},   {"utf16be", HTX_ENC_UTF16BE},   {"cp1258", HTX_ENC_CP1258},
        {"windows1258", HTX_ENC_CP1258}, {"viscii", HTX_ENC_VISCII},  {"tcvn3", HTX_ENC_TCVN3},
        {"tcvn", HTX_ENC_TCVN3},      {"tcvn57121", HTX_ENC_TCVN3},   {"vni", HTX_ENC_VNI},
        {"vniwindows", HTX_ENC_VNI},  {"vniwin", HTX_ENC_VNI},        {"viqr", HTX_ENC_VIQR},
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(aliases[i].alias, key) == 0)
            return (int)aliases[i].enc;
    return -1;
}

const char *htx_encoding_name(htx_encoding enc)
{
    return (unsigned)enc < HTX_ENC_COUNT ? encoding_names[enc] : "?";
}

/* ---- a growing UTF-8 buffer ------------------------------------------------ */

typedef struct buffer {
    char *data;
    size_t len, cap;
    bool failed;
} buffer;

static void buf_reserve(buffer *b, size_t more)
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

static void buf_bytes(buffer *b, const void *bytes, size_t n)
{
    buf_reserve(b, n);
    if (b->failed)
        return;
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_byte(buffer *b, unsigned char byte)
{
    buf_bytes(b, &byte, 1);
}

static void buf_cp(buffer *b, int32_t cp)
{
    char enc[4];
    int n = htx_utf8_encode(cp, enc);
    buf_bytes(b, enc, (size_t)n);
}

/* ---- Vietnamese letters as base + modifier + tone -------------------------- */

enum { MOD_NONE, MOD_CIRCUMFLEX, MOD_BREVE, MOD_HORN };
enum { TONE_NONE, TONE_ACUTE, TONE_GRAVE, TONE_HOOK, TONE_TILDE, TONE_DOT, TONE_COUNT };

static const int32_t modifier_cps[] = {0, 0x0302, 0x0306, 0x031B};
static const int32_t tone_cps[TONE_COUNT] = {0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};

typedef struct vn_letter {
    int32_t base; /* ASCII letter, or đ/Đ */
    int modifier;
    int tone;
} vn_letter;

/* Splits cp into a Vietnamese base letter and its marks; false when cp is not
 * one (a letter of another language, a symbol). */
static bool vn_letter_split(int32_t cp, vn_letter *out)
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
            if (parts[i] == modifier_cps[m] && out->modifier == MOD_NONE)
                out->modifier = found = m;
        for (int t = 1; t < TONE_COUNT && !found; t++)
            if (parts[i] == tone_cps[t] && out->tone == TONE_NONE)
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

static bool is_ascii_letter(int32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static void decode_vni(const unsigned char *bytes, size_t len, buffer *out)
{
    vni_code table[64];
    for (int i = 0; i < 64; i++)
        table[i] = vni_code_of((unsigned char)(0xC0 + i));
    int32_t previous = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char byte = bytes[i];
        const vni_code *c = byte >= 0xC0 ? &table[byte - 0xC0] : NULL;
        if (c && c->is_mark && previous && (is_ascii_letter(previous) || previous > 0x7F)) {
            if (c->modifier)
                buf_cp(out, modifier_cps[c->modifier]);
            if (c->tone)
                buf_cp(out, tone_cps[c->tone]);
            previous = 0; /* one mark byte per letter */
            continue;
        }
        int32_t cp = c && c->letter ? c->letter : cp1252_to_cp(byte);
        buf_cp(out, cp);
        previous = cp;
    }
}

static bool encode_vni(const char *text, buffer *out, int32_t *bad)
{
    int32_t cp;
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n) {
        if (cp < 0x80) {
            buf_byte(out, (unsigned char)cp);
            continue;
        }
        vn_letter l;
        if (!vn_letter_split(cp, &l)) {
            int byte = cp_to_cp1252(cp);
            /* Bytes from 0xC0 up are VNI's own: a Latin-1 letter cannot be written. */
            if (byte < 0 || byte >= 0xC0) {
                *bad = cp;
                return false;
            }
            buf_byte(out, (unsigned char)byte);
            continue;
        }
        bool upper = l.base == 0x0110 || (l.base >= 'A' && l.base <= 'Z');
        int lower = l.base == 0x0110 || l.base == 0x0111 ? 'd' : (int)utf8proc_tolower(l.base);
        unsigned char shift = upper ? 0x20 : 0;
        if (l.base == 0x0110 || l.base == 0x0111) {
            buf_byte(out, (unsigned char)(VNI_D_STROKE - shift));
        } else if (lower == 'i' && l.tone) {
            buf_byte(out, (unsigned char)(vni_i[l.tone] - shift));
        } else if (lower == 'y' && l.tone == TONE_DOT) {
            buf_byte(out, (unsigned char)(VNI_Y_DOT - shift));
        } else if (l.modifier == MOD_HORN) {
            buf_byte(out, (unsigned char)((lower == 'o' ? VNI_O_HORN : VNI_U_HORN) - shift));
            if (l.tone)
                buf_byte(out, (unsigned char)(vni_tone_only[l.tone] - shift));
        } else {
            buf_byte(out, (unsigned char)l.base);
            if (l.modifier == MOD_CIRCUMFLEX)
                buf_byte(out, (unsigned char)(vni_circumflex[l.tone] - shift));
            else if (l.modifier == MOD_BREVE)
                buf_byte(out, (unsigned char)(vni_breve[l.tone] - shift));
            else if (l.tone)
                buf_byte(out, (unsigned char)(vni_tone_only[l.tone] - shift));
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

static bool is_viqr_vowel(int32_t cp)
{
    return cp < 128 && cp && strchr("aeiouyAEIOUY", (int)cp);
}

static bool is_viqr_mark_char(int32_t cp)
{
    return cp < 128 && cp && strchr("^(+'`?~.", (int)cp);
}

static int viqr_modifier_for(int32_t vowel, char ch)
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

static void decode_viqr(const char *text, buffer *out)
{
    while (*text) {
        int32_t cp;
        int n = htx_utf8_decode(text, &cp);
        if (cp == '\\' && (is_viqr_mark_char((unsigned char)text[1]) || text[1] == '\\' ||
                           text[1] == 'd' || text[1] == 'D')) {
            buf_byte(out, (unsigned char)text[1]);
            text += 2;
            continue;
        }
        if ((cp == 'd' || cp == 'D') && (text[1] == 'd' || text[1] == 'D')) {
            buf_cp(out, cp == 'd' ? 0x0111 : 0x0110);
            text += 2;
            continue;
        }
        buf_bytes(out, text, (size_t)n);
        text += n;
        if (!is_viqr_vowel(cp))
            continue;
        int modifier = viqr_modifier_for(cp, *text);
        if (modifier) {
            buf_cp(out, modifier_cps[modifier]);
            text++;
        }
        int tone = *text ? viqr_tone_for(*text) : TONE_NONE;
        if (tone) {
            buf_cp(out, tone_cps[tone]);
            text++;
        }
    }
}

static bool encode_viqr(const char *text, buffer *out, int32_t *bad)
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
                buf_byte(out, '\\');
            buf_byte(out, (unsigned char)cp);
            after_vowel = is_viqr_vowel(cp);
            after_d = (cp == 'd' || cp == 'D') && !escape;
            continue;
        }
        vn_letter l;
        if (!vn_letter_split(cp, &l)) {
            *bad = cp;
            return false;
        }
        if (l.base == 0x0111 || l.base == 0x0110) {
            buf_bytes(out, l.base == 0x0111 ? "dd" : "DD", 2);
            after_vowel = after_d = false;
            continue;
        }
        buf_byte(out, (unsigned char)l.base);
        if (l.modifier)
            buf_byte(out, (unsigned char)viqr_modifier_chars[l.modifier]);
        if (l.tone)
            buf_byte(out, (unsigned char)viqr_tone_chars[l.tone]);
        after_vowel = true;
        after_d = false;
    }
    return true;
}

/* ---- iconv ------------------------------------------------------------------ */

/* Converts between charsets; on an invalid or unconvertible sequence returns
 * false with *bad_offset its offset in the input. */
static bool run_iconv(const char *to, const char *from, const char *in, size_t len, buffer *out,
                      size_t *bad_offset)
{
    iconv_t cd = iconv_open(to, from);
    if (cd == (iconv_t)-1) {
        *bad_offset = 0;
        return false;
    }
    char *src = (char *)in;
    size_t left = len;
    bool ok = true;
    buf_reserve(out, len * 2 + 16);
    while (ok && left > 0 && !out->failed) {
        char *dst = out->data + out->len;
        size_t room = out->cap - out->len - 1;
        size_t r = iconv(cd, &src, &left, &dst, &room);
        out->len = (size_t)(dst - out->data);
        out->data[out->len] = '\0';
        if (r == (size_t)-1) {
            if (errno == E2BIG)
                buf_reserve(out, out->cap);
            else
                ok = false;
        }
    }
    /* Flush what the converter holds back: glibc's CP1258 and TCVN decoders
     * keep the last letter in case a combining tone follows.  With too
     * little room it would be lost silently, so grow and try again. */
    while (ok && !out->failed) {
        char *dst = out->data + out->len;
        size_t room = out->cap - out->len - 1;
        size_t r = iconv(cd, NULL, NULL, &dst, &room);
        out->len = (size_t)(dst - out->data);
        out->data[out->len] = '\0';
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG)
            buf_reserve(out, out->cap);
        else
            ok = false;
    }
    *bad_offset = (size_t)(src - in);
    iconv_close(cd);
    return ok;
}

/* ---- detection ------------------------------------------------------------- */

static bool has_prefix(const unsigned char *b, size_t len, const char *prefix, size_t n)
{
    return len >= n && memcmp(b, prefix, n) == 0;
}

static size_t bom_length(const unsigned char *b, size_t len, htx_encoding *enc)
{
    if (has_prefix(b, len, "\xEF\xBB\xBF", 3)) {
        *enc = HTX_ENC_UTF8;
        return 3;
    }
    if (has_prefix(b, len, "\xFF\xFE", 2)) {
        *enc = HTX_ENC_UTF16;
        return 2;
    }
    if (has_prefix(b, len, "\xFE\xFF", 2)) {
        *enc = HTX_ENC_UTF16BE;
        return 2;
    }
    return 0;
}

static const char *const vowel_clusters[] = {
    "a", "ai", "ao", "au", "ay", "ă", "â", "âu", "ây", "e", "eo", "ê", "êu", "i", "ia", "iu",
    "iê", "iêu", "o", "oa", "oai", "oao", "oay", "oă", "oe", "oeo", "oi", "oo", "ô", "ôi", "ơ",
    "ơi", "u", "ua", "uâ", "uây", "uê", "ui", "uô", "uôi", "uơ", "uy", "uya", "uyê", "uyêu",
    "uyu", "ư", "ưa", "ưi", "ưu", "ươ", "ươi", "ươu", "y", "yê", "yêu",
};
/* Clusters that end the syllable (closed by a glide): no final consonant. */
static const char *const open_clusters[] = {
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu",
    "ua", "ưa", "uơ", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "iêu", "yêu", "uyu",
    "uya", "uyêu",
};
/* Clusters that never end a syllable: a final consonant must follow. */
static const char *const closed_clusters[] = {"ă", "â", "iê", "yê", "uô", "ươ", "uyê", "oă", "uâ"};
static const char *const initials[] = {"",  "b",  "c",  "ch", "d",  "đ",  "g",   "gh", "h",
                                       "k", "kh", "l",  "m",  "n",  "ng", "ngh", "nh", "p",
                                       "ph", "q", "r",  "s",  "t",  "th", "tr",  "v",  "x"};
static const char *const finals[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};

static bool in_list(const char *const *list, size_t count, const char *s)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

/* Whether a word holding letters beyond ASCII reads as one Vietnamese
 * syllable: an initial, a vowel cluster with at most one tone, a final, and
 * on a final p, t, c or ch only the acute or dot tone. */
static bool is_vietnamese_syllable(const int32_t *word, size_t n)
{
    char initial[8] = "", cluster[32] = "", final[8] = "";
    size_t i = 0, len;
    int tone = TONE_NONE, upper = 0;
    vn_letter letters[24];
    if (n > 24)
        return false;
    for (size_t k = 0; k < n; k++) {
        if (!vn_letter_split(word[k], &letters[k]))
            return false;
        if (letters[k].tone) {
            if (tone)
                return false;
            tone = letters[k].tone;
        }
        if (utf8proc_toupper(letters[k].base) == letters[k].base)
            upper++;
    }
    /* Lower case, upper case or capitalised. */
    if (upper > 1 && upper != (int)n)
        return false;
    if (upper == 1 && utf8proc_toupper(letters[0].base) != letters[0].base)
        return false;
    for (len = 0; i < n && len + 4 < sizeof initial; i++) {
        int32_t b = utf8proc_tolower(letters[i].base);
        if (is_viqr_vowel(b))
            break;
        len += (size_t)htx_utf8_encode(b, initial + len);
        initial[len] = '\0';
    }
    /* "gi" and "qu" start with a vowel letter that belongs to the initial. */
    if (i + 1 < n && ((strcmp(initial, "g") == 0 && utf8proc_tolower(letters[i].base) == 'i' &&
                       is_viqr_vowel(letters[i + 1].base)) ||
                      (strcmp(initial, "q") == 0 && utf8proc_tolower(letters[i].base) == 'u')))
        i++;
    for (len = 0; i < n && len + 8 < sizeof cluster; i++) {
        int32_t b = utf8proc_tolower(letters[i].base);
        if (!is_viqr_vowel(b))
            break;
        len += (size_t)htx_utf8_encode(b, cluster + len);
        if (letters[i].modifier)
            len += (size_t)htx_utf8_encode(modifier_cps[letters[i].modifier], cluster + len);
        cluster[len] = '\0';
    }
    for (len = 0; i < n && len + 4 < sizeof final; i++) {
        int32_t b = utf8proc_tolower(letters[i].base);
        if (is_viqr_vowel(b) || b > 127)
            return false;
        final[len++] = (char)b;
        final[len] = '\0';
    }
    char *nfc = htx_text_nfc(cluster);
    bool cluster_ok = nfc && in_list(vowel_clusters, sizeof vowel_clusters / sizeof *vowel_clusters, nfc);
    /* A wrong decoding often yields a real cluster in an impossible place
     * ("baụt"): on short files this is what tells the encodings apart. */
    if (cluster_ok && final[0])
        cluster_ok = !in_list(open_clusters, sizeof open_clusters / sizeof *open_clusters, nfc);
    else if (cluster_ok)
        cluster_ok = !in_list(closed_clusters, sizeof closed_clusters / sizeof *closed_clusters, nfc);
    free(nfc);
    if (!cluster_ok || !in_list(initials, sizeof initials / sizeof *initials, initial) ||
        !in_list(finals, sizeof finals / sizeof *finals, final))
        return false;
    bool stop_final = final[0] == 'p' || final[0] == 't' || final[0] == 'c';
    return !stop_final || tone == TONE_ACUTE || tone == TONE_DOT;
}

/*
 * How Vietnamese decoded text looks: +1 for each word with marks that reads
 * as a Vietnamese syllable, -1 for each that does not, -3 for each character
 * no Vietnamese text holds (controls, letters of other languages).
 */
static long vietnamese_score(const char *text)
{
    long score = 0;
    int32_t word[32];
    size_t n = 0;
    bool marked = false, too_long = false;
    int32_t cp;
    for (;;) {
        int len = htx_utf8_decode(text, &cp);
        bool letter = len > 0 && (is_ascii_letter(cp) || (cp > 0x7F && utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO));
        if (letter) {
            if (n < 32)
                word[n++] = cp;
            else
                too_long = true;
            marked |= cp > 0x7F;
        } else {
            if (marked)
                score += !too_long && is_vietnamese_syllable(word, n) ? 1 : -1;
            n = 0;
            marked = too_long = false;
            if (len > 0 && cp != '\t' && cp != '\n' && cp != '\r' &&
                (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xFFFD))
                score -= 3;
            if (len > 0 && cp > 0x7F && utf8proc_category(cp) >= UTF8PROC_CATEGORY_MN &&
                utf8proc_category(cp) <= UTF8PROC_CATEGORY_ME)
                score -= 3; /* a mark left over: no letter to sit on */
        }
        if (len == 0)
            break;
        text += len;
    }
    return score;
}

/* Marks VIQR puts where plain ASCII text rarely has them. */
static bool looks_like_viqr(const unsigned char *b, size_t len)
{
    long marks = 0, letters = 0;
    for (size_t i = 0; i < len; i++) {
        if (is_ascii_letter(b[i]))
            letters++;
        if (i + 1 < len && is_viqr_vowel(b[i]) &&
            (viqr_modifier_for(b[i], (char)b[i + 1]) || b[i + 1] == '`' || b[i + 1] == '~' ||
             (b[i + 1] == '?' && i + 2 < len && is_ascii_letter(b[i + 2]))))
            marks++;
    }
    return marks >= 3 && marks * 50 >= letters;
}

static bool looks_like_utf16(const unsigned char *b, size_t len, htx_encoding *enc)
{
    size_t even_zero = 0, odd_zero = 0, n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 1 < n; i += 2) {
        even_zero += b[i] == 0;
        odd_zero += b[i + 1] == 0;
    }
    /* Latin text in UTF-16 has a zero in every other byte.  The other side
     * may hold a few zeros too: U+0300-U+0303 (the combining tones of NFD
     * text) are 00 03 in little-endian order. */
    if (n >= 4 && odd_zero * 4 >= n / 2 && even_zero * 8 <= odd_zero) {
        *enc = HTX_ENC_UTF16;
        return true;
    }
    if (n >= 4 && even_zero * 4 >= n / 2 && odd_zero * 8 <= even_zero) {
        *enc = HTX_ENC_UTF16BE;
        return true;
    }
    return false;
}

/* UTF-8 with a few bad bytes (a file damaged or pasted together) rather
 * than an 8-bit encoding, where valid multi-byte sequences are rare. */
static bool mostly_utf8(const unsigned char *bytes, size_t len)
{
    size_t multibyte = 0, invalid = 0, pos = 0;
    while (pos < len) {
        long bad = htx_utf8_invalid_at((const char *)bytes + pos, len - pos);
        size_t end = bad < 0 ? len : pos + (size_t)bad;
        for (size_t i = pos; i < end; i++)
            multibyte += bytes[i] >= 0xC0;
        if (bad < 0)
            break;
        invalid++;
        pos = end + 1;
    }
    return multibyte >= 2 * invalid;
}

static htx_status decode_as(const unsigned char *bytes, size_t len, htx_encoding enc, buffer *out,
                            size_t *bad_offset);

htx_encoding htx_encoding_detect(const unsigned char *bytes, size_t len, bool *has_bom)
{
    htx_encoding enc = HTX_ENC_UTF8;
    *has_bom = bom_length(bytes, len, &enc) > 0;
    if (*has_bom)
        return enc;
    if (looks_like_utf16(bytes, len, &enc))
        return enc;
    if (htx_utf8_invalid_at((const char *)bytes, len) < 0)
        return looks_like_viqr(bytes, len) ? HTX_ENC_VIQR : HTX_ENC_UTF8;
    if (mostly_utf8(bytes, len))
        return HTX_ENC_UTF8; /* a few broken bytes: decoding will name them */

    /* An 8-bit encoding: decode a sample with each and keep the one whose
     * words look most Vietnamese. */
    size_t sample = len < 65536 ? len : 65536;
    /* On a tie the first wins.  Ties happen on files of a row or two, where
     * a VISCII name can also read as TCVN3 syllables ("chợ Kim Sơn" as
     * "chỵ Kim Sẵn"); the preview shows the text and --encoding settles it. */
    static const htx_encoding candidates[] = {HTX_ENC_CP1258, HTX_ENC_VNI, HTX_ENC_TCVN3,
                                              HTX_ENC_VISCII};
    htx_encoding best = HTX_ENC_CP1258;
    long best_score = 0;
    bool any = false;
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        buffer out = {0};
        size_t bad;
        if (decode_as(bytes, sample, candidates[i], &out, &bad) == HTX_OK && out.data) {
            char *nfc = htx_text_nfc(out.data);
            long score = nfc ? vietnamese_score(nfc) : 0;
            free(nfc);
            if (!any || score > best_score) {
                best = candidates[i];
                best_score = score;
                any = true;
            }
        }
        free(out.data);
    }
    return best;
}

/* ---- decode / encode ------------------------------------------------------ */

static htx_status decode_as(const unsigned char *bytes, size_t len, htx_encoding enc, buffer *out,
                            size_t *bad_offset)
{
    switch (enc) {
    case HTX_ENC_UTF8:
    case HTX_ENC_VIQR: {
        long bad = htx_utf8_invalid_at((const char *)bytes, len);
        if (bad >= 0) {
            *bad_offset = (size_t)bad;
            return HTX_ERR_INVALID;
        }
        if (enc == HTX_ENC_UTF8) {
            buf_bytes(out, bytes, len);
        } else {
            char *copy = malloc(len + 1);
            if (!copy)
                return HTX_ERR_NOMEM;
            memcpy(copy, bytes, len);
            copy[len] = '\0';
            decode_viqr(copy, out);
            free(copy);
        }
        break;
    }
    case HTX_ENC_VNI:
        decode_vni(bytes, len, out);
        break;
    default:
        if (!run_iconv("UTF-8", iconv_name(enc), (const char *)bytes, len, out, bad_offset))
            return out->failed ? HTX_ERR_NOMEM : HTX_ERR_INVALID;
        break;
    }
    if (!out->data)
        buf_bytes(out, "", 0);
    if (out->failed)
        return HTX_ERR_NOMEM;
    /* A NUL byte decoded from the file would cut every string short. */
    size_t nul = strlen(out->data);
    if (nul != out->len) {
        *bad_offset = nul;
        return HTX_ERR_INVALID;
    }
    return HTX_OK;
}

htx_status htx_decode(const unsigned char *bytes, size_t len, htx_encoding enc, char **out,
                      size_t *out_len, htx_encoding *used, htx_error *err)
{
    *out = NULL;
    *out_len = 0;
    bool bom = false;
    if (enc == HTX_ENC_AUTO)
        enc = htx_encoding_detect(bytes, len, &bom);
    htx_encoding bom_enc = HTX_ENC_AUTO;
    size_t skip = bom_length(bytes, len, &bom_enc);
    htx_encoding order;
    if (enc == HTX_ENC_UTF16 && bom_enc == HTX_ENC_UTF16BE)
        enc = HTX_ENC_UTF16BE; /* "utf-16" follows the BOM */
    else if (enc == HTX_ENC_UTF16 && bom_enc == HTX_ENC_AUTO && looks_like_utf16(bytes, len, &order))
        enc = order; /* or, without one, where the zero bytes are */
    if (bom_enc != enc)
        skip = 0;
    if (used)
        *used = enc;

    buffer decoded = {0};
    size_t bad = 0;
    htx_status st = decode_as(bytes + skip, len - skip, enc, &decoded, &bad);
    if (st == HTX_OK) {
        char *nfc = htx_text_nfc(decoded.data);
        if (!nfc)
            st = htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
        else {
            *out = nfc;
            *out_len = strlen(nfc);
        }
    } else if (st == HTX_ERR_NOMEM) {
        htx_fail(err, st, MSG_NOMEM, NULL, NULL, NULL);
    } else {
        /* The line a person can find in an editor, and the byte for a hex dump. */
        size_t at = bad + skip, line = 1;
        bool wide = enc == HTX_ENC_UTF16 || enc == HTX_ENC_UTF16BE;
        for (size_t i = 0; i < at && i < len; i++)
            line += bytes[i] == '\n' && (!wide || (i % 2 == (enc == HTX_ENC_UTF16 ? 0u : 1u)));
        char offset[64];
        snprintf(offset, sizeof offset, "%zu (byte %zu)", line, at + 1);
        htx_fail(err, st, MSG_BAD_ENCODING, NULL, htx_encoding_name(enc), offset);
    }
    free(decoded.data);
    return st;
}

const char *htx_punctuation_stand_in(int32_t cp)
{
    switch (cp) {
    case 0x2013: case 0x2014: case 0x2212: return "-";
    case 0x2018: case 0x2019: return "'";
    case 0x201C: case 0x201D: return "\"";
    case 0x00A0: return " ";
    default: return NULL;
    }
}

/* text with the typographic punctuation an 8-bit code page lacks replaced
 * (fresh, NUL-terminated; *len updated), or NULL when out of memory. */
static char *with_stand_ins(const char *text, size_t *len)
{
    char *copy = malloc(*len + 1); /* every stand-in is shorter than what it stands for */
    if (!copy)
        return NULL;
    size_t n = 0;
    int32_t cp;
    for (size_t i = 0; i < *len;) {
        int k = htx_utf8_decode(text + i, &cp);
        if (k <= 0)
            k = 1;
        const char *stand_in = htx_punctuation_stand_in(cp);
        if (stand_in) {
            memcpy(copy + n, stand_in, strlen(stand_in));
            n += strlen(stand_in);
        } else {
            memcpy(copy + n, text + i, (size_t)k);
            n += (size_t)k;
        }
        i += (size_t)k;
    }
    copy[n] = '\0';
    *len = n;
    return copy;
}

/* The line (from 1) of the first occurrence of cp in text. */
static long line_of(const char *text, int32_t cp)
{
    long line = 1;
    int32_t c;
    for (int k; (k = htx_utf8_decode(text, &c)) > 0 && c != cp; text += k)
        line += c == '\n';
    return line;
}

htx_status htx_encode(const char *text, size_t len, htx_encoding enc, bool bom,
                      unsigned char **out, size_t *out_len, htx_error *err)
{
    *out = NULL;
    *out_len = 0;
    buffer b = {0};
    if (enc == HTX_ENC_AUTO)
        enc = HTX_ENC_UTF8;
    if (bom && enc == HTX_ENC_UTF8)
        buf_bytes(&b, "\xEF\xBB\xBF", 3);
    else if (bom && enc == HTX_ENC_UTF16)
        buf_bytes(&b, "\xFF\xFE", 2);
    else if (bom && enc == HTX_ENC_UTF16BE)
        buf_bytes(&b, "\xFE\xFF", 2);

    bool ok = true;
    int32_t bad = 0;
    size_t bad_offset = 0;
    bool unicode = enc == HTX_ENC_UTF8 || enc == HTX_ENC_UTF16 || enc == HTX_ENC_UTF16BE;
    char *copy = unicode ? strndup(text, len) : with_stand_ins(text, &len);
    if (!copy) {
        free(b.data);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    if (enc == HTX_ENC_UTF8)
        buf_bytes(&b, copy, len);
    else if (enc == HTX_ENC_VNI)
        ok = encode_vni(copy, &b, &bad);
    else if (enc == HTX_ENC_VIQR)
        ok = encode_viqr(copy, &b, &bad);
    else if (!run_iconv(iconv_name(enc), "UTF-8", copy, len, &b, &bad_offset)) {
        ok = false;
        htx_utf8_decode(copy + bad_offset, &bad);
    }
    long bad_line = ok ? 0 : line_of(copy, bad);
    free(copy);
    if (b.failed) {
        free(b.data);
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
    }
    if (!ok) {
        free(b.data);
        char shown[48], line[24];
        char utf8[5] = {0};
        if (htx_utf8_encode(bad, utf8) <= 0 || bad < 0x20)
            utf8[0] = '\0';
        snprintf(shown, sizeof shown, "\"%s\" (U+%04X)", utf8, (unsigned)bad);
        snprintf(line, sizeof line, "%ld", bad_line);
        return htx_fail(err, HTX_ERR_INVALID, MSG_CANNOT_ENCODE, NULL, shown, line);
    }
    *out = (unsigned char *)(b.data ? b.data : calloc(1, 1));
    *out_len = b.len;
    return *out ? HTX_OK : htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, NULL, NULL, NULL);
}
