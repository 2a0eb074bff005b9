#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/*
 * Length of the UTF-8 sequence at s (at most avail bytes readable), with its
 * code point in *cp, or 0 when the bytes are not a valid sequence.  Bytes
 * are examined one at a time, so on a NUL-terminated string a truncated
 * sequence stops at the terminator (NUL is never a continuation byte).
 */
static int sequence_at(const unsigned char *s, size_t avail, int32_t *cp)
{
    unsigned char lead = s[0];
    if (lead < 0x80) {
        *cp = lead;
        return 1;
    }
    int n;
    int32_t value;
    /* The second byte's range excludes overlong forms (E0, F0), surrogates
     * (ED) and code points above U+10FFFF (F4). */
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        n = 2;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        n = 3;
        value = lead & 0x0F;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        n = 4;
        value = lead & 0x07;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    if (avail < (size_t)n)
        return 0;
    for (int i = 1; i < n; i++) {
        unsigned char c = s[i];
        if (i == 1 ? (c < low || c > high) : (c & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (c & 0x3F);
    }
    *cp = value;
    return n;
}

long htx_utf8_invalid_at(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        int n = u[i] == 0 ? 0 : sequence_at(u + i, len - i, &cp);
        if (n == 0)
            return (long)i;
        i += (size_t)n;
    }
    return -1;
}

int htx_utf8_decode(const char *s, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == 0) {
        *cp = 0;
        return 0;
    }
    int n = sequence_at(u, SIZE_MAX, cp);
    if (n == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return n;
}

size_t htx_utf8_length(const char *s)
{
    size_t count = 0;
    int32_t cp;
    for (int n; (n = htx_utf8_decode(s, &cp)) > 0; s += n)
        count++;
    return count;
}

bool htx_cp_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
           cat == UTF8PROC_CATEGORY_ZP;
}

bool htx_cp_is_mark(int32_t cp)
{
    if (cp < 0x300)
        return false; /* the first combining mark is U+0300 */
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
           cat == UTF8PROC_CATEGORY_ME;
}

static bool is_control(int32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

/*
 * Copies valid UTF-8 text into out (room for strlen(text) + 1 bytes) without
 * the control characters kind allows to be folded away.  Returns 0, or the
 * 1-based position (in characters of text) of the first refused control.
 */
static size_t copy_checking_controls(const char *text, htx_text_kind kind, char *out)
{
    size_t position = 0;
    size_t o = 0;
    int32_t cp;
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n) {
        position++;
        if (is_control(cp)) {
            bool multiline = kind == HTX_TEXT_MULTILINE;
            if (multiline && cp == '\r' && text[1] == '\n')
                continue; /* "\r\n" becomes the "\n" that follows */
            if (!multiline || (cp != '\n' && cp != '\t'))
                return position;
        }
        memcpy(out + o, text, (size_t)n);
        o += (size_t)n;
    }
    out[o] = '\0';
    return 0;
}

/* Bounds [*start, *end) of s without its leading and trailing white space. */
static void trim_bounds(const char *s, size_t *start, size_t *end)
{
    size_t i = 0;
    size_t content_end = 0;
    bool seen_content = false;
    *start = 0;
    int32_t cp;
    for (int n; (n = htx_utf8_decode(s + i, &cp)) > 0; i += (size_t)n) {
        if (htx_cp_is_space(cp))
            continue;
        if (!seen_content)
            *start = i;
        seen_content = true;
        content_end = i + (size_t)n;
    }
    if (!seen_content)
        *start = 0;
    *end = content_end;
}

/*
 * Invisible format characters (Unicode category Cf: zero-width space, BOM,
 * bidirectional overrides, tag characters, soft hyphen …) come along with
 * text pasted from web pages and documents.  Stored, they make a name
 * unfindable, defeat the duplicate check and can make a name display as
 * another, so they are refused.  Returns 0, or the 1-based character
 * position of the first; *found gets it.
 */
static size_t invisible_at(const char *text, int32_t *found)
{
    size_t position = 0;
    int32_t cp;
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n) {
        position++;
        if (htx_cp_is_ignorable(cp)) {
            *found = cp;
            return position;
        }
    }
    return 0;
}

/* text with every run of white space inside it made one space: staff type
 * two spaces by mistake, and search and the duplicate check see one. */
static void collapse_spaces(char *text)
{
    char *out = text;
    bool in_space = false;
    int32_t cp;
    for (const char *p = text; *p;) {
        int n = htx_utf8_decode(p, &cp);
        if (htx_cp_is_space(cp)) {
            if (!in_space)
                *out++ = ' ';
            in_space = true;
        } else {
            memmove(out, p, (size_t)n);
            out += n;
            in_space = false;
        }
        p += n;
    }
    *out = '\0';
}

/* The marks Vietnamese writes on a vowel: the shape (circumflex, breve,
 * horn) and the tone.  The letter is the vowel with its shape, and the tone
 * goes on that letter: "ồ" is o + circumflex + grave. */
static bool is_shape_mark(int32_t cp)
{
    return cp == 0x0302 || cp == 0x0306 || cp == 0x031B;
}

static bool is_tone_mark(int32_t cp)
{
    return cp == 0x0300 || cp == 0x0301 || cp == 0x0303 || cp == 0x0309 || cp == 0x0323;
}

static bool is_latin_vowel(int32_t cp)
{
    return cp < 0x80 && cp != 0 && strchr("aeiouyAEIOUY", (int)cp) != NULL;
}

static int combining_class(int32_t cp)
{
    return utf8proc_get_property(cp)->combining_class;
}

typedef struct mark_problem {
    htx_msg msg;      /* MSG_NONE when the text is well formed */
    size_t position;  /* 1-based, in letters (characters without their marks) */
} mark_problem;

/*
 * Puts each Vietnamese vowel's shape mark before its tone in the fully
 * decomposed text (code points cps[0..n)): typed or pasted in the other
 * order ("o" U+0300 U+0302) the text is valid NFC but no Vietnamese letter,
 * and cannot be written in the 8-bit encodings.  Two tones on one vowel,
 * or a mark at the start or after a space, are problems.
 */
static mark_problem order_vietnamese_marks(int32_t *cps, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n;) {
        if (!htx_cp_is_mark(cps[i])) {
            letters++;
            i++;
            continue;
        }
        size_t start = i;
        while (i < n && htx_cp_is_mark(cps[i]))
            i++;
        if (start == 0 || htx_cp_is_space(cps[start - 1]))
            return (mark_problem){MSG_MARK_WITHOUT_LETTER, letters + 1};
        if (!is_latin_vowel(cps[start - 1]))
            continue;
        int32_t shapes[8], tones[8], others[8];
        size_t ns = 0, nt = 0, no = 0;
        if (i - start > 8)
            continue; /* no Vietnamese letter has so many marks: leave it to NFC */
        for (size_t k = start; k < i; k++) {
            if (is_shape_mark(cps[k]))
                shapes[ns++] = cps[k];
            else if (is_tone_mark(cps[k]))
                tones[nt++] = cps[k];
            else
                others[no++] = cps[k];
        }
        if (nt > 1)
            return (mark_problem){MSG_TWO_TONES, letters};
        size_t k = start;
        for (size_t j = 0; j < ns; j++)
            cps[k++] = shapes[j];
        for (size_t j = 0; j < nt; j++)
            cps[k++] = tones[j];
        for (size_t j = 0; j < no; j++)
            cps[k++] = others[j];
        /* Back into canonical order, which composition needs (the dot below
         * and the horn before the marks above): a stable sort by combining
         * class keeps the shape before the tone where both sit above. */
        for (size_t a = start + 1; a < i; a++)
            for (size_t b = a; b > start && combining_class(cps[b - 1]) > combining_class(cps[b]); b--) {
                int32_t swap = cps[b - 1];
                cps[b - 1] = cps[b];
                cps[b] = swap;
            }
    }
    return (mark_problem){MSG_NONE, 0};
}

/* s[0..len) decomposed, its marks in Vietnamese order, composed again; NULL
 * when out of memory, with *problem set when the marks are wrong. */
static char *nfc_ordering_marks(const char *s, size_t len, mark_problem *problem)
{
    problem->msg = MSG_NONE;
    /* Codes, numbers, dates and phones are ASCII, which has no marks: an
     * import normalises many of them. */
    size_t ascii = 0;
    while (ascii < len && (unsigned char)s[ascii] < 0x80)
        ascii++;
    if (ascii == len)
        return strndup(s, len);
    utf8proc_int32_t *cps = malloc((len + 1) * 4 * sizeof *cps);
    if (!cps)
        return NULL;
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, cps,
                                            (utf8proc_ssize_t)((len + 1) * 4),
                                            UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
    if (n < 0) {
        free(cps);
        return NULL;
    }
    *problem = order_vietnamese_marks(cps, (size_t)n);
    if (problem->msg != MSG_NONE) {
        free(cps);
        return NULL;
    }
    /* Compose in place; the buffer has room for the UTF-8 bytes that
     * utf8proc_reencode writes over it (at most 4 a code point). */
    utf8proc_ssize_t bytes = utf8proc_reencode(cps, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (bytes < 0) {
        free(cps);
        return NULL;
    }
    return (char *)cps;
}

/* NFC of s[0..len) as a fresh string, or NULL (out of memory, invalid). */
static char *nfc_of(const char *s, size_t len)
{
    /* ASCII is its own NFC, and codes, numbers, dates and phones are ASCII:
     * an import of many rows normalises each of them. */
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0x80)
        i++;
    if (i == len)
        return strndup(s, len);
    utf8proc_uint8_t *result = NULL;
    /* STABLE: compose with the stable rules, so later Unicode versions
     * produce the same stored bytes. */
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                                      &result, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0) {
        free(result);
        return NULL;
    }
    return (char *)result;
}

char *htx_text_nfc(const char *text)
{
    return nfc_of(text, strlen(text));
}

/* Whether every byte of text is printable ASCII (space to tilde): valid
 * UTF-8 without controls, invisible characters or marks, its own NFC, one
 * byte a character.  Codes, numbers, dates and phones are, and an import
 * normalises each of them: they skip the passes over code points. */
static bool printable_ascii(const char *text)
{
    for (; *text; text++)
        if (*text < 0x20 || *text > 0x7E)
            return false;
    return true;
}

/* The normal form of printable ASCII text: trimmed, its runs of spaces one
 * space for a line.  NULL when out of memory. */
static char *normalize_printable_ascii(const char *text, htx_text_kind kind)
{
    while (*text == ' ')
        text++;
    size_t len = strlen(text);
    while (len > 0 && text[len - 1] == ' ')
        len--;
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len; i++)
        if (kind != HTX_TEXT_LINE || text[i] != ' ' || text[i - 1] != ' ')
            out[o++] = text[i];
    out[o] = '\0';
    return out;
}

/* *out kept when its chars are within max_chars (0: no limit); else freed,
 * NULL, and MSG_TOO_LONG. */
static htx_status within_limit(char **out, size_t chars, size_t max_chars, const char *field, htx_error *err)
{
    if (max_chars == 0 || chars <= max_chars)
        return HTX_OK;
    free(*out);
    *out = NULL;
    char number[24];
    snprintf(number, sizeof number, "%zu", max_chars);
    return htx_fail(err, HTX_ERR_INVALID, MSG_TOO_LONG, field, number, NULL);
}

htx_status htx_text_normalize(const char *text, htx_text_kind kind, size_t max_chars,
                              const char *field, char **out, htx_error *err)
{
    *out = NULL;
    if (!text)
        text = "";
    char number[24];
    if (printable_ascii(text)) {
        *out = normalize_printable_ascii(text, kind);
        if (!*out)
            return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, field, NULL, NULL);
        return within_limit(out, strlen(*out), max_chars, field, err);
    }
    size_t len = strlen(text);

    long bad = htx_utf8_invalid_at(text, len);
    if (bad >= 0) {
        snprintf(number, sizeof number, "%ld", bad + 1);
        return htx_fail(err, HTX_ERR_INVALID, MSG_BAD_UTF8, field, number, NULL);
    }

    char *clean = malloc(len + 1);
    if (!clean)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, field, NULL, NULL);
    size_t control_at = copy_checking_controls(text, kind, clean);
    if (control_at > 0) {
        free(clean);
        snprintf(number, sizeof number, "%zu", control_at);
        return htx_fail(err, HTX_ERR_INVALID, MSG_CONTROL_CHAR, field, number, NULL);
    }

    int32_t invisible = 0;
    size_t invisible_position = invisible_at(clean, &invisible);
    if (invisible_position > 0) {
        free(clean);
        char code[16];
        snprintf(code, sizeof code, "U+%04X", (unsigned)invisible);
        snprintf(number, sizeof number, "%zu", invisible_position);
        return htx_fail(err, HTX_ERR_INVALID, MSG_INVISIBLE_CHAR, field, code, number);
    }

    size_t start, end;
    trim_bounds(clean, &start, &end);
    clean[end] = '\0';
    if (kind == HTX_TEXT_LINE)
        collapse_spaces(clean + start);
    mark_problem marks;
    char *nfc = nfc_ordering_marks(clean + start, strlen(clean + start), &marks);
    free(clean);
    if (marks.msg != MSG_NONE) {
        snprintf(number, sizeof number, "%zu", marks.position);
        return htx_fail(err, HTX_ERR_INVALID, marks.msg, field, number, NULL);
    }
    if (!nfc)
        return htx_fail(err, HTX_ERR_NOMEM, MSG_NOMEM, field, NULL, NULL);

    /* The limit applies to what is stored: NFC, so a pasted NFD text is not
     * refused for the combining marks NFC folds into its letters. */
    *out = nfc;
    return within_limit(out, htx_utf8_length(nfc), max_chars, field, err);
}

int htx_cp_decompose(int32_t cp, int32_t out[HTX_DECOMPOSITION_MAX])
{
    if (cp < 0xC0) {
        out[0] = cp; /* nothing below U+00C0 decomposes canonically */
        return 1;
    }
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, out, HTX_DECOMPOSITION_MAX, UTF8PROC_DECOMPOSE, NULL);
    if (n < 1 || n > HTX_DECOMPOSITION_MAX) {
        out[0] = cp;
        return 1;
    }
    return (int)n;
}

bool htx_cp_is_letter(int32_t cp)
{
    utf8proc_category_t category = utf8proc_category(cp);
    return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

bool htx_cp_is_ignorable(int32_t cp)
{
    return cp >= 0xAD && utf8proc_category(cp) == UTF8PROC_CATEGORY_CF;
}

int htx_utf8_encode(int32_t cp, char out[4])
{
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    int len = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    static const unsigned char lead[] = {0, 0, 0xC0, 0xE0, 0xF0};
    for (int i = len - 1; i > 0; i--, cp >>= 6)
        out[i] = (char)(0x80 | (cp & 0x3F));
    out[0] = (char)(lead[len] | cp);
    return len;
}

void htx_text_upper(const char *text, char *out, size_t size)
{
    size_t used = 0;
    int32_t cp;
    int n;
    while ((n = htx_utf8_decode(text, &cp)) > 0) {
        char utf8[4];
        int len = htx_utf8_encode(utf8proc_toupper(cp), utf8);
        if (used + (size_t)len + 1 > size)
            break;
        memcpy(out + used, utf8, (size_t)len);
        used += (size_t)len;
        text += n;
    }
    if (size > 0)
        out[used] = '\0';
}
