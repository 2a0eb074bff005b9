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

/* How a text is read: for matching, a dash (hyphen, en dash, minus …) is
 * white space, so "dong-anh" finds "Đông Anh" and "dong anh" "Đông-Anh";
 * the stored forms keep it. */
typedef enum reading { READ_STORED, READ_MATCHING } reading;

static bool is_dash(int32_t cp)
{
    return cp == '-' || cp == 0x2212 || (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_PD);
}

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
static size_t read_text(const char *text, reading how, fchar *out, size_t cap)
{
    reader r = {out, cap, 0, false};
    int32_t cp;
    for (int n; (n = htx_utf8_decode(text, &cp)) > 0; text += n) {
        if (htx_cp_is_space(cp) || (how == READ_MATCHING && is_dash(cp))) {
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
static fchar *read_text_alloc(const char *text, reading how, size_t *count)
{
    size_t cap = strlen(text) + 1;
    for (;;) {
        fchar *f = malloc(cap * sizeof *f);
        if (!f)
            return NULL;
        size_t n = read_text(text, how, f, cap);
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
    fchar *f = read_text_alloc(text ? text : "", READ_STORED, &n);
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
    fchar *f = read_text_alloc(text ? text : "", READ_STORED, &n);
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

/*
 * A tone belongs to its syllable, not to one letter: staff place it on
 * either vowel of any cluster ("qúy" for "quý", "hùynh" for "huỳnh"), and
 * the last word of a query may be the start of a longer one whose tone sits
 * elsewhere ("hòa" on the way to "hoàng").  So a query's vowel matches a
 * text's vowel with the same base and modifiers, and its tone must be on
 * some vowel of the text's vowel cluster around it.  The u of "qu" belongs
 * to the consonant: a tone written on it in a text is no tone of the
 * cluster ("quý" does not find "qúy"), though a query may put one there.
 */
static const uint64_t TONE_BITS = ((uint64_t)1 << (GRAVE - BLOCK_FIRST)) | ((uint64_t)1 << (ACUTE - BLOCK_FIRST)) |
                                  ((uint64_t)1 << (TILDE - BLOCK_FIRST)) | ((uint64_t)1 << (HOOK - BLOCK_FIRST)) |
                                  ((uint64_t)1 << (DOT_BELOW - BLOCK_FIRST));

static bool is_consonant_u(const fchar *f, size_t i)
{
    return f[i].base == 'u' && i > 0 && f[i - 1].base == 'q';
}

/* For each vowel of t, the tones of its cluster (0 elsewhere). */
static void cluster_tones(const fchar *t, size_t n, uint64_t *tones)
{
    for (size_t i = 0; i < n;) {
        if (!is_vowel(t[i].base)) {
            tones[i++] = 0;
            continue;
        }
        size_t end = i;
        uint64_t bits = 0;
        for (; end < n && is_vowel(t[end].base); end++)
            if (!is_consonant_u(t, end))
                bits |= t[end].marks[0] & TONE_BITS;
        for (; i < end; i++)
            tones[i] = bits;
    }
}

struct htx_query_pattern {
    fchar *typed;    /* as typed, dashes read as spaces */
    fchar *stroked;  /* the same with "dd" read as đ, or NULL when it has none */
    size_t length, stroked_length;
    char *plain;
    char **parts;    /* see htx_query_plain_parts */
    size_t part_count;
};

void htx_query_free(htx_query_pattern *p)
{
    if (!p)
        return;
    free(p->typed);
    free(p->stroked);
    free(p->plain);
    for (size_t i = 0; i < p->part_count; i++)
        free(p->parts[i]);
    free(p->parts);
    free(p);
}

static bool is_plain_d(const fchar *f)
{
    return f->base == 'd' && f->marks[0] == 0 && f->marks[1] == 0;
}

/* "dd" as Telex types đ without an input method ("ddong" for "đông"):
 * the query's dd pairs made đ, in a fresh array; NULL when there is none. */
static fchar *read_dd_as_stroke(const fchar *q, size_t n, size_t *count)
{
    bool any = false;
    for (size_t i = 0; i + 1 < n && !any; i++)
        any = is_plain_d(&q[i]) && is_plain_d(&q[i + 1]);
    fchar *out = any ? malloc(n * sizeof *out) : NULL;
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        out[o] = q[i];
        if (i + 1 < n && is_plain_d(&q[i]) && is_plain_d(&q[i + 1])) {
            set_mark(&out[o], STROKE_BIT);
            i++;
        }
        o++;
    }
    *count = o;
    return out;
}

/* The parts of the plain fold between spaces, each dd cut after its first
 * d: every text the query matches holds them in this order in its plain
 * fold, with anything between. */
static bool split_parts(htx_query_pattern *p)
{
    size_t len = strlen(p->plain);
    p->parts = calloc(len + 1, sizeof *p->parts);
    if (!p->parts)
        return false;
    const char *s = p->plain;
    while (*s) {
        size_t n = 0;
        while (s[n] && s[n] != ' ' && !(n > 0 && s[n - 1] == 'd' && s[n] == 'd'))
            n++;
        if (n > 0 && !(p->parts[p->part_count++] = strndup(s, n)))
            return false;
        bool dd = n > 0 && s[n - 1] == 'd' && s[n] == 'd';
        s += n;
        if (*s == ' ' || dd)
            s++; /* the second d of dd may be đ's: not required */
    }
    return true;
}

htx_query_pattern *htx_query_compile(const char *query)
{
    htx_query_pattern *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    const char *q = query ? query : "";
    size_t n;
    fchar *stored = read_text_alloc(q, READ_STORED, &n);
    p->plain = stored ? plain_of(stored, n) : NULL;
    free(stored);
    p->typed = read_text_alloc(q, READ_MATCHING, &p->length);
    char *matching_plain = p->typed ? plain_of(p->typed, p->length) : NULL;
    if (!p->plain || !p->typed || !matching_plain) {
        free(matching_plain);
        htx_query_free(p);
        return NULL;
    }
    /* The parts come from the query as matched: its dashes are spaces. */
    char *keep = p->plain;
    p->plain = matching_plain;
    bool ok = split_parts(p);
    p->plain = keep;
    free(matching_plain);
    p->stroked = read_dd_as_stroke(p->typed, p->length, &p->stroked_length);
    if (!ok) {
        htx_query_free(p);
        return NULL;
    }
    return p;
}

const char *htx_query_plain(const htx_query_pattern *p)
{
    return p ? p->plain : "";
}

const char *const *htx_query_plain_parts(const htx_query_pattern *p, size_t *count)
{
    *count = p ? p->part_count : 0;
    return p ? (const char *const *)p->parts : NULL;
}

/* q matches the text character t whose vowel cluster has the tones
 * cluster: the same base, the query's marks there, its tone (on a vowel)
 * anywhere in the cluster. */
static bool char_matches(const fchar *q, const fchar *t, uint64_t cluster)
{
    if (q->base != t->base || (q->marks[1] & ~t->marks[1]) != 0)
        return false;
    if (!is_vowel(q->base))
        return (q->marks[0] & ~t->marks[0]) == 0;
    /* the tone anywhere in the cluster, or on this very letter: a tone a
     * text wrote on the u of "qu" is no tone of its cluster, but the same
     * text typed as a query finds it */
    uint64_t tones = q->marks[0] & TONE_BITS;
    return ((q->marks[0] & ~TONE_BITS) & ~t->marks[0]) == 0 && (tones & ~(cluster | t->marks[0])) == 0;
}

static bool occurs_in(const fchar *q, size_t qn, const fchar *t, const uint64_t *tones, size_t tn)
{
    for (size_t start = 0; start + qn <= tn; start++) {
        size_t j = 0;
        while (j < qn && char_matches(&q[j], &t[start + j], tones[start + j]))
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
    uint64_t stack_tones[MATCH_STACK_CHARS];
    fchar *t = stack;
    uint64_t *tones = stack_tones;
    size_t n = read_text(text, READ_MATCHING, stack, MATCH_STACK_CHARS);
    if (n > MATCH_STACK_CHARS) {
        t = read_text_alloc(text, READ_MATCHING, &n);
        tones = t ? malloc(n * sizeof *tones) : NULL;
        if (!tones) {
            free(t);
            return false;
        }
    }
    cluster_tones(t, n, tones);
    bool found = occurs_in(p->typed, p->length, t, tones, n) ||
                 (p->stroked && occurs_in(p->stroked, p->stroked_length, t, tones, n));
    if (t != stack) {
        free(t);
        free(tones);
    }
    return found;
}
