/*
 * Guessing a file's encoding: BOMs, UTF-16 zero bytes, UTF-8 validity, then
 * for 8-bit files the decoding whose words read as Vietnamese syllables.
 */
#include "encoding_internal.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

/* ---- detection ------------------------------------------------------------- */

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
        if (!enc_letter_split(word[k], &letters[k]))
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
        if (enc_is_viqr_vowel(b))
            break;
        len += (size_t)htx_utf8_encode(b, initial + len);
        initial[len] = '\0';
    }
    /* "gi" and "qu" start with a vowel letter that belongs to the initial. */
    if (i + 1 < n && ((strcmp(initial, "g") == 0 && utf8proc_tolower(letters[i].base) == 'i' &&
                       enc_is_viqr_vowel(letters[i + 1].base)) ||
                      (strcmp(initial, "q") == 0 && utf8proc_tolower(letters[i].base) == 'u')))
        i++;
    for (len = 0; i < n && len + 8 < sizeof cluster; i++) {
        int32_t b = utf8proc_tolower(letters[i].base);
        if (!enc_is_viqr_vowel(b))
            break;
        len += (size_t)htx_utf8_encode(b, cluster + len);
        if (letters[i].modifier)
            len += (size_t)htx_utf8_encode(enc_modifier_cps[letters[i].modifier], cluster + len);
        cluster[len] = '\0';
    }
    for (len = 0; i < n && len + 4 < sizeof final; i++) {
        int32_t b = utf8proc_tolower(letters[i].base);
        if (enc_is_viqr_vowel(b) || b > 127)
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
        bool letter = len > 0 && (enc_is_ascii_letter(cp) || (cp > 0x7F && utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO));
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
        if (enc_is_ascii_letter(b[i]))
            letters++;
        if (i + 1 < len && enc_is_viqr_vowel(b[i]) &&
            (enc_viqr_modifier_for(b[i], (char)b[i + 1]) || b[i + 1] == '`' || b[i + 1] == '~' ||
             (b[i + 1] == '?' && i + 2 < len && enc_is_ascii_letter(b[i + 2]))))
            marks++;
    }
    return marks >= 3 && marks * 50 >= letters;
}

bool enc_looks_like_utf16(const unsigned char *b, size_t len, htx_encoding *enc)
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

/* How Vietnamese ASCII text reads as VIQR: its words with VIQR's marks
 * (a` a' a? a~ a. a( a^ o+ u+ dd) that make Vietnamese syllables, less those
 * that do not (the "?" or "." after a word of plain ASCII). */
static long viqr_score(const unsigned char *bytes, size_t len)
{
    char *text = strndup((const char *)bytes, len);
    enc_buffer out = {0};
    if (text)
        enc_decode_viqr(text, &out);
    free(text);
    char *nfc = out.data && !out.failed ? htx_text_nfc(out.data) : NULL;
    free(out.data);
    long score = nfc ? vietnamese_score(nfc) : 0;
    free(nfc);
    return score;
}

static bool is_ascii(const unsigned char *bytes, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (bytes[i] >= 0x80)
            return false;
    return true;
}

/* Two Vietnamese words read as VIQR tell a file of one row from ASCII
 * ("HTX Ha`,Ba DDi`nh"); below four the guess is shown as unsure. */
#define VIQR_WORDS_ENOUGH 2
#define VIQR_WORDS_SURE 4

/* Text that is valid UTF-8: VIQR when it is ASCII and its marks read as
 * Vietnamese (or when they are frequent), otherwise UTF-8. */
static htx_encoding detect_in_utf8(const unsigned char *bytes, size_t len, bool *unsure)
{
    size_t sample = len < HTX_DETECT_BLOCK ? len : HTX_DETECT_BLOCK;
    long score = is_ascii(bytes, sample) ? viqr_score(bytes, sample) : 0;
    bool viqr = score >= VIQR_WORDS_ENOUGH || looks_like_viqr(bytes, len);
    *unsure = score > 0 && score < VIQR_WORDS_SURE;
    return viqr ? HTX_ENC_VIQR : HTX_ENC_UTF8;
}

htx_encoding htx_encoding_detect(const unsigned char *bytes, size_t len, bool *has_bom, bool *unsure)
{
    bool ignored;
    if (!unsure)
        unsure = &ignored;
    *unsure = false;
    htx_encoding enc = HTX_ENC_UTF8;
    *has_bom = enc_bom_length(bytes, len, &enc) > 0;
    if (*has_bom)
        return enc;
    if (enc_looks_like_utf16(bytes, len, &enc))
        return enc;
    if (htx_utf8_invalid_at((const char *)bytes, len) < 0)
        return detect_in_utf8(bytes, len, unsure);
    if (mostly_utf8(bytes, len))
        return HTX_ENC_UTF8; /* a few broken bytes: decoding will name them */

    /* An 8-bit encoding: decode a sample with each and keep the one whose
     * words look most Vietnamese. */
    size_t sample = len < 65536 ? len : 65536;
    /* On a tie the first wins.  Ties happen on files of a row or two, where
     * a VISCII name can also read as TCVN3 syllables ("chợ Kim Sơn" as
     * "chỵ Kim Sẵn"); the preview shows the text and --encoding settles it. */
    static const htx_encoding candidates[] = {HTX_ENC_CP1258, HTX_ENC_VNI, HTX_ENC_TCVN3, HTX_ENC_TCVN_VN1,
                                              HTX_ENC_VISCII};
    htx_encoding best = HTX_ENC_CP1258;
    long best_score = 0, second_score = 0;
    bool any = false, have_second = false;
    bool vn3_holds_all = enc_tcvn3_invalid_at(bytes, sample) == sample;
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        /* Where every byte is one of VN3's, VN1 reads the same text. */
        if (candidates[i] == HTX_ENC_TCVN_VN1 && vn3_holds_all)
            continue;
        enc_buffer out = {0};
        size_t bad;
        if (enc_decode_as(bytes, sample, candidates[i], &out, &bad) == HTX_OK && out.data) {
            char *nfc = htx_text_nfc(out.data);
            long score = nfc ? vietnamese_score(nfc) : 0;
            free(nfc);
            if (!any || score > best_score) {
                if (any) {
                    second_score = best_score;
                    have_second = true;
                }
                best = candidates[i];
                best_score = score;
                any = true;
            } else if (!have_second || score > second_score) {
                second_score = score;
                have_second = true;
            }
        }
        free(out.data);
    }
    /* Another table read the words as well, or none read them well. */
    *unsure = !any || (have_second && best_score - second_score < 2);
    return best;
}
