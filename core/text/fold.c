#include "fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"

/*
 * Texts and queries are compared as sequences of "folded characters": a
 * lower-case base with the set of combining marks on it.  A query character
 * matches a text character with the same base and at least the query's
 * marks, which is the whole search rule of fold.h: marks the user did not
 * type are ignored, marks typed must be there.
 *
 * Marks of the combining diacritics block U+0300 … U+036F (all that
 * Vietnamese and the Latin scripts use) are bits of a 128-bit set.  đ has no
 * decomposition; it is 'd' with a stroke bit in the unused end of that set,
 * so "d" finds đ and "đ" requires it.  A mark outside the block (other
 * scripts) is a folded character of its own and must match exactly.
 */
#define BLOCK_FIRST 0x0300
#define BLOCK_LAST 0x036F
#define STROKE_BIT 0x7F /* U+037F is a letter, never a mark bit */

#define GRAVE 0x0300
#define ACUTE 0x0301
#define CIRCUMFLEX 0x0302
#define TILDE 0x0303
#define BREVE 0x0306
#define HOOK 0x0309
#define HORN 0x031B
#define DOT_BELOW 0x0323
#define D_STROKE 0x0111

#define NO_BASE 0 /* marks at the start of a text or after white space */

typedef struct fchar {
    int32_t base;      /* lower case; ' ' stands for a run of white space */
    uint64_t marks[2]; /* bit (mark - U+0300) */
} fchar;

static bool has_mark(const fchar *f, int bit)
{
    return (f->marks[bit >> 6] >> (bit & 63)) & 1;
}

static void set_mark(fchar *f, int bit)
{
    f->marks[bit >> 6] |= (uint64_t)1 << (bit & 63);
}

static void clear_mark(fchar *f, int bit)
{
    f->marks[bit >> 6] &= ~((uint64_t)1 << (bit & 63));
}

static const int tone_marks[] = {GRAVE - BLOCK_FIRST, HOOK - BLOCK_FIRST, TILDE - BLOCK_FIRST,
                                 ACUTE - BLOCK_FIRST, DOT_BELOW - BLOCK_FIRST};
#define TONE_COUNT (sizeof tone_marks / sizeof tone_marks[0])

static bool has_tone(const fchar *f)
{
    for (size_t i = 0; i < TONE_COUNT; i++)
        if (has_mark(f, tone_marks[i]))
            return true;
    return false;
}

static const int modifier_marks[] = {BREVE - BLOCK_FIRST, CIRCUMFLEX - BLOCK_FIRST,
                                     HORN - BLOCK_FIRST};
#define MODIFIER_COUNT (sizeof modifier_marks / sizeof modifier_marks[0])

static bool is_modifier_bit(int bit)
{
    for (size_t m = 0; m < MODIFIER_COUNT; m++)
        if (modifier_marks[m] == bit)
            return true;
    return false;
}

static size_t mark_count(const fchar *f)
{
    size_t count = 0;
    for (int w = 0; w < 2; w++)
        for (uint64_t bits = f->marks[w]; bits; bits &= bits - 1)
            count++;
    return count;
}

/* ă â ê ô ơ ư: with one of these the vowel is another letter. */
static bool has_modifier(const fchar *f)
{
    for (size_t m = 0; m < MODIFIER_COUNT; m++)
        if (has_mark(f, modifier_marks[m]))
            return true;
    return false;
}

/* ---- reading text into folded characters ---- */


typedef struct reader {
    fchar *out;
    size_t cap;
    size_t count; /* may exceed cap: then the caller retries with more room */
    bool pending_space;
} reader;

/* Appends a folded character; past the capacity it is only counted (NULL). */
static fchar *push(reader *r, int32_t base)
{
    fchar *f = r->count < r->cap ? &r->out[r->count] : NULL;
    r->count++;
    if (f) {
        f->base = base;
        f->marks[0] = f->marks[1] = 0;
    }
    return f;
}

static void flush_space(reader *r)
{
    if (r->pending_space)
        push(r, ' ');
    r->pending_space = false;
}

static void read_part(reader *r, int32_t part)
{
    if (part >= BLOCK_FIRST && part <= BLOCK_LAST) { /* the block is all marks */
        /* A mark belongs to the character before it, unless there is none
         * (white space is not a character here: it collapses). */
        if (r->count == 0 || r->pending_space) {
            flush_space(r);
            push(r, NO_BASE);
        }
        if (r->count <= r->cap)
            set_mark(&r->out[r->count - 1], part - BLOCK_FIRST);
        return;
    }
    flush_space(r);
    int32_t lower = part < 0x80 ? ((part >= 'A' && part <= 'Z') ? part + 32 : part)
                                : utf8proc_tolower(part);
    fchar *f = push(r, lower == D_STROKE ? 'd' : lower);
    if (f && lower == D_STROKE)
        set_mark(f, STROKE_BIT);
}

/*
 * Reads text into out[0..cap) as folded characters: white space runs become
 * one ' ', leading and trailing white space is dropped.  Returns how many
 * folded characters text has; when that is more than cap, only cap were
 * written.
 */
static size_t read_text(const char *text, fchar *out, size_t cap)
{
    reader r = {out, cap, 0, false};
    int32_t cp;
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n) {
        if (htx_cp_is_space(cp)) {
            r.pending_space = r.count > 0;
            continue;
        }
        if (htx_cp_is_ignorable(cp))
            continue;
        int32_t parts[HTX_DECOMPOSITION_MAX];
        int count = htx_cp_decompose(cp, parts);
        for (int i = 0; i < count; i++)
            read_part(&r, parts[i]);
    }
    return r.count;
}

/* Reads text into a fresh array; NULL when out of memory. */
static fchar *read_text_alloc(const char *text, size_t *count)
{
    size_t cap = strlen(text) + 1;
    for (;;) {
        fchar *f = malloc(cap * sizeof *f);
        if (!f)
            return NULL;
        size_t n = read_text(text, f, cap);
        if (n <= cap) {
            *count = n;
            return f;
        }
        free(f);
        cap = n;
    }
}

/* ---- canonical tone placement ---- */

static bool is_vowel(int32_t base)
{
    return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' ||
           base == 'y';
}

static bool is_word_char(const fchar *f)
{
    if (f->base == ' ')
        return false;
    if (f->base == NO_BASE)
        return true;
    utf8proc_category_t cat = utf8proc_category(f->base);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           htx_cp_is_mark(f->base);
}

/*
 * True when f[i], f[i+1] is a syllable-final "oa", "oe" or "uy" whose tone
 * may sit on either vowel: no other vowel before it, nothing of the word
 * after it, no modifier (so not "ôa"), and for "uy" not after q, where the u
 * belongs to "qu" ("quý" is always so).
 */
static bool is_movable_pair(const fchar *f, size_t n, size_t i)
{
    int32_t first = f[i].base, second = f[i + 1].base;
    bool pair = (first == 'o' && (second == 'a' || second == 'e')) ||
                (first == 'u' && second == 'y');
    if (!pair || has_modifier(&f[i]) || has_modifier(&f[i + 1]))
        return false;
    if (i + 2 < n && is_word_char(&f[i + 2]))
        return false;
    if (i > 0 && (is_vowel(f[i - 1].base) || (first == 'u' && f[i - 1].base == 'q')))
        return false;
    return true;
}

/* Moves the tone of every final oa/oe/uy to the first vowel: hoà → hòa. */
static void canonicalize_tones(fchar *f, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (!is_movable_pair(f, n, i) || has_tone(&f[i]) || !has_tone(&f[i + 1]))
            continue;
        for (size_t t = 0; t < TONE_COUNT; t++) {
            if (has_mark(&f[i + 1], tone_marks[t])) {
                clear_mark(&f[i + 1], tone_marks[t]);
                set_mark(&f[i], tone_marks[t]);
            }
        }
    }
}

/* ---- writing folded characters ---- */

static size_t put_utf8(char *out, int32_t cp)
{
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

/* The plain fold: each base once, marks dropped (a mark of another script,
 * which is a folded character of its own, too).  Marks with no letter (after
 * white space: "a \u0323 b") leave nothing, so the white space around them
 * is still one space, and none at either end. */
static char *plain_of(const fchar *f, size_t n)
{
    char *out = malloc(4 * n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (f[i].base == NO_BASE || htx_cp_is_mark(f[i].base))
            continue;
        if (f[i].base == ' ' && (o == 0 || out[o - 1] == ' '))
            continue;
        o += put_utf8(out + o, f[i].base);
    }
    if (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return out;
}

char *htx_fold_plain(const char *text)
{
    size_t n;
    fchar *f = read_text_alloc(text ? text : "", &n);
    if (!f)
        return NULL;
    char *plain = plain_of(f, n);
    free(f);
    return plain;
}

char *htx_fold_words(const char *text)
{
    char *plain = htx_fold_plain(text);
    if (!plain)
        return NULL;
    /* Rewritten in place: the output is never longer than the input. */
    size_t n = 0;
    bool pending_space = false;
    const char *p = plain;
    int32_t cp;
    int len;
    while ((len = htx_utf8_decode(p, &cp)) > 0) {
        utf8proc_category_t cat = utf8proc_category(cp);
        bool word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
        if (!word) {
            pending_space = n > 0;
        } else {
            if (pending_space)
                plain[n++] = ' ';
            pending_space = false;
            memmove(plain + n, p, (size_t)len);
            n += (size_t)len;
        }
        p += len;
    }
    plain[n] = '\0';
    return plain;
}

char *htx_fold_search_text(const char *text)
{
    size_t n;
    fchar *f = read_text_alloc(text ? text : "", &n);
    if (!f)
        return NULL;
    canonicalize_tones(f, n);

    /* Spell it out decomposed, then compose.  The modifier goes first: it
     * has the same combining class as most tones, so NFC keeps the order
     * given, and only "o" + U+0302 + U+0300 composes to "ồ". */
    size_t size = 1;
    for (size_t i = 0; i < n; i++)
        size += 4 + 2 * mark_count(&f[i]);
    char *nfd = malloc(size);
    if (!nfd) {
        free(f);
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        bool stroke = has_mark(&f[i], STROKE_BIT);
        if (f[i].base != NO_BASE)
            o += put_utf8(nfd + o, stroke ? D_STROKE : f[i].base);
        for (size_t m = 0; m < MODIFIER_COUNT; m++)
            if (has_mark(&f[i], modifier_marks[m]))
                o += put_utf8(nfd + o, BLOCK_FIRST + modifier_marks[m]);
        for (int bit = 0; bit <= BLOCK_LAST - BLOCK_FIRST; bit++)
            if (has_mark(&f[i], bit) && !is_modifier_bit(bit))
                o += put_utf8(nfd + o, BLOCK_FIRST + bit);
    }
    nfd[o] = '\0';
    free(f);
    char *nfc = htx_text_nfc(nfd);
    free(nfd);
    return nfc;
}

/* ---- queries ---- */

static bool same_chars(const fchar *a, const fchar *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i].base != b[i].base || a[i].marks[0] != b[i].marks[0] ||
            a[i].marks[1] != b[i].marks[1])
            return false;
    return true;
}

struct htx_query_pattern {
    fchar *canonical; /* tones in the canonical placement */
    fchar *as_typed;  /* the last word as typed, or NULL when the same */
    size_t length;
    char *plain;
};

void htx_query_free(htx_query_pattern *p)
{
    if (!p)
        return;
    free(p->canonical);
    free(p->as_typed);
    free(p->plain);
    free(p);
}

htx_query_pattern *htx_query_compile(const char *query)
{
    htx_query_pattern *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    size_t n;
    p->as_typed = read_text_alloc(query ? query : "", &n);
    p->canonical = p->as_typed ? malloc((n + 1) * sizeof *p->canonical) : NULL;
    p->plain = p->as_typed ? plain_of(p->as_typed, n) : NULL;
    if (!p->canonical || !p->plain) {
        htx_query_free(p);
        return NULL;
    }
    p->length = n;
    memcpy(p->canonical, p->as_typed, n * sizeof *p->canonical);
    canonicalize_tones(p->canonical, n);

    /* While typing, the last word may be the start of a longer one, whose
     * tone does not move: "hoà" must still find "hoàn". */
    size_t last_word = n;
    while (last_word > 0 && p->as_typed[last_word - 1].base != ' ')
        last_word--;
    canonicalize_tones(p->as_typed, last_word);
    if (same_chars(p->as_typed, p->canonical, n)) {
        free(p->as_typed);
        p->as_typed = NULL;
    }
    return p;
}

const char *htx_query_plain(const htx_query_pattern *p)
{
    return p ? p->plain : "";
}

static bool char_matches(const fchar *q, const fchar *t)
{
    return q->base == t->base && (q->marks[0] & ~t->marks[0]) == 0 &&
           (q->marks[1] & ~t->marks[1]) == 0;
}

static bool occurs_in(const fchar *q, size_t qn, const fchar *t, size_t tn)
{
    for (size_t start = 0; start + qn <= tn; start++) {
        size_t j = 0;
        while (j < qn && char_matches(&q[j], &t[start + j]))
            j++;
        if (j == qn)
            return true;
    }
    return false;
}

/* Most names fit: no allocation per row. */
#define MATCH_STACK_CHARS 160

bool htx_query_matches(const htx_query_pattern *p, const char *text)
{
    if (!p || p->length == 0)
        return true;
    if (!text)
        return false;
    fchar stack[MATCH_STACK_CHARS];
    fchar *t = stack;
    size_t n = read_text(text, stack, MATCH_STACK_CHARS);
    if (n > MATCH_STACK_CHARS) {
        t = read_text_alloc(text, &n);
        if (!t)
            return false;
    }
    bool found = false;
    if (n >= p->length) {
        canonicalize_tones(t, n);
        found = occurs_in(p->canonical, p->length, t, n) ||
                (p->as_typed && occurs_in(p->as_typed, p->length, t, n));
    }
    if (t != stack)
        free(t);
    return found;
}
